/**
 * Distributed proving on a Hazelcast cluster (embedded members, TCP-IP join on listed addresses),
 * with failover. Issue 11.
 *
 * <p>Roles. A <em>worker</em> ({@code kubz worker --join HOST:PORT}, {@link io.kubz.cli.cluster.WorkerNode})
 * is a member that advertises its {@link io.kubz.cli.cluster.Capacity} (threads, largest circuit as
 * log2 rows, memory) as member attributes and runs jobs through the {@link io.kubz.cli.cluster.WorkHandler}s
 * on its classpath ({@link java.util.ServiceLoader}). The <em>coordinator</em>
 * ({@link io.kubz.cli.cluster.ClusterExecutor}) is the prover's own member: it publishes each shared
 * context (model, plan, keys) once to the cluster cache (an {@code IMap} keyed by digest, backup
 * count 1, re-put if a member holding it leaves), so a worker prepares (compiles, keygens) a
 * circuit at most once per digest; then it runs the jobs.
 *
 * <p>Scheduling ({@link io.kubz.cli.cluster.Dispatch}). Waiting jobs are taken largest first (log2
 * rows, then peak bytes) and each goes to the strongest idle worker that fits it (larger max rows,
 * then memory, then threads), one job per worker at a time. Workers are not trusted: every result
 * passes the coordinator's {@link io.kubz.cli.cluster.ClusterExecutor.Verifier} before it is
 * accepted. A job is given to another worker when its worker leaves (Hazelcast fails the pending
 * future with {@code MemberLeftException}; Hazelcast itself never retries elsewhere), when it passes
 * the slice timeout (the task is cancelled), when its result is rejected, or when the worker
 * reports a {@link io.kubz.cli.cluster.CapacityException} (that worker is not asked again for that
 * job). A worker with 3 failures in a row gets no more work in the run. New members are picked up
 * on every tick (5 ms), so a worker that joins late gets work.
 *
 * <p>Bounds. Each attempt is bounded by the slice timeout, each job by {@code maxAttempts}, and any
 * period in which waiting jobs have no usable worker (none joined, all dropped, none large enough)
 * by {@code workerWait}, after which the run fails with a {@link io.kubz.cli.cluster.ClusterException}
 * saying what to start (exit 3).
 *
 * <p>Re-planning ({@link io.kubz.cli.cluster.Replan}) happens <em>before dispatch</em>, not mid-run.
 * Decision: the plan is part of the bundle's statement (the model digest covers every slice's
 * verifying key and the plan), so replacing one slice by sub-slices after others were proved would
 * mean re-keying and re-proving around it, or a bundle whose slices come from two plans. Instead the
 * coordinator waits (bounded) for the first worker, reads the advertised capacities, and if some
 * slice's compiled circuit (2^k rows, peak memory estimate) fits no worker, it re-plans the whole
 * model with the budget strategy ({@code Strategy.budget}, i.e. {@code io.kubz.slicer.plan.Slicer},
 * which also cuts a single layer that is too large, where the lowering supports it) at the
 * strongest worker's capacity (or a power or two above it, since the cost model over-estimates rows,
 * then the per-layer plan), sets the new plan up and checks its real sizes, and repeats (at most 4
 * set-ups, never below the budget minimum of 2^4 rows) until every slice fits. A plan
 * given with {@code --plan} is never changed (the error says how to re-slice it). Workers that join
 * after planning still get work; a slice that only a departed worker could take fails the run after
 * {@code workerWait} with a message naming the capacity to start.
 *
 * <p>Slices ({@link io.kubz.cli.cluster.ClusterSliceExecutor}, the {@code SliceExecutor} of
 * {@code kubz prove --cluster}). The context is a {@link io.kubz.cli.cluster.SessionSpec} (the ONNX
 * bytes as read, quantization settings and plan JSON, visibility, dev SRS seed or a ptau path every
 * worker has); a worker's {@link io.kubz.cli.cluster.SliceWork} rebuilds the same
 * {@code ProvingSession} from it once per digest (compiling and keying every slice of the model)
 * and proves {@link io.kubz.cli.cluster.SliceJobCodec}-encoded jobs; the coordinator accepts a proof
 * only if it verifies against the slice's verifying key and the public instance it computes from the
 * job ({@link io.kubz.cli.cluster.ClusterSliceExecutor#verifying}). {@code kubz prove --cluster}
 * is {@link io.kubz.cli.cluster.ClusterProve} (quantize, plan, wait for a worker, set up, re-plan,
 * publish, witness, prove on the workers, bundle):
 * <pre>{@code
 * try (ClusterExecutor c = ClusterExecutor.connect(List.of("10.0.0.5:5701"),
 *     ClusterExecutor.Options.defaults().withSliceTimeout(Duration.ofMinutes(10)))) {
 *   ClusterProve.Result r = ClusterProve.prove(c, onnxBytes, model, inputs, ModelProver.Options.ofDevSrs(seed),
 *       new ClusterProve.SrsChoice(seed, null), System.err::println);
 *   Files.write(out, r.proved().bundle());   // r.outcomes(): worker, attempts, times per slice
 * }
 * }</pre>
 * With {@code --proof-system gkr} ({@link io.kubz.cli.cluster.ClusterProve}'s gkr path) the plan is the
 * options' (a saved plan or a strategy; one slice without either) and is never re-planned; the
 * context names the gkr system, a worker lowers the same slices ({@code GkrSession}) and proves a
 * job's {@code LayeredProof}, and the coordinator accepts it only if it verifies against the slice's
 * layered model with the public values and the boundary commitments C_T it computes itself from the
 * job's tensors ({@link io.kubz.cli.cluster.ClusterSliceExecutor#verifying(io.kubz.slicer.api.GkrSession)}).
 * Models with external data files are not supported on a cluster (workers get the model's bytes
 * only); with {@code --srs FILE.ptau} every worker needs the file at the same absolute path.
 * The generic form (any job kind): {@code c.publish(digest, bytes); c.run(jobs, verifier, listener)}.
 *
 * <p>Test-only fault switch: a worker started with the environment variable
 * {@code KUBZ_TEST_CORRUPT_PROOFS=1} flips one byte of every result it returns.
 */
package io.kubz.cli.cluster;
