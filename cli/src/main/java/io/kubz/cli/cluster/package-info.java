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
 * saying what to start. A slice too large for every worker is reported (re-plan with a smaller
 * {@code --max-rows}); it is not split automatically, since a split changes the plan and so the
 * bundle's statement.
 *
 * <p>API for {@code kubz prove --cluster}:
 * <pre>{@code
 * try (ClusterExecutor c = ClusterExecutor.connect(List.of("10.0.0.5:5701"), ClusterExecutor.Options.defaults())) {
 *   c.publish(digest, contextBytes);
 *   List<ClusterExecutor.Outcome> r = c.run(jobs, (job, result) -> verify(job, result), listener);
 * }
 * }</pre>
 *
 * <p>Test-only fault switch: a worker started with the environment variable
 * {@code KUBZ_TEST_CORRUPT_PROOFS=1} flips one byte of every result it returns.
 */
package io.kubz.cli.cluster;
