package io.kubz.slicer.api;

import io.kubz.field.BadInputException;
import io.kubz.field.Fr;
import io.kubz.field.Parallel;
import io.kubz.plonkish.Proof;
import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.format.KeyCodec;
import io.kubz.plonkish.format.ProofCodec;
import io.kubz.plonkish.ir.CircuitDescription;
import io.kubz.plonkish.keygen.ProvingKey;
import io.kubz.plonkish.keygen.VerifyingKey;
import io.kubz.plonkish.prover.Prover;
import io.kubz.poly.kzg.Kzg;
import io.kubz.poly.srs.Srs;
import io.kubz.slicer.bundle.ModelDigest;
import io.kubz.slicer.bundle.ProofBundle;
import io.kubz.slicer.exec.CircuitDigest;
import io.kubz.slicer.exec.KeyCache;
import io.kubz.slicer.exec.SliceJob;
import io.kubz.slicer.exec.SliceProver;
import io.kubz.slicer.ir.ValueInfo;
import io.kubz.slicer.lower.Boundary;
import io.kubz.slicer.lower.CompiledSlice;
import io.kubz.slicer.lower.InstanceLayout;
import io.kubz.slicer.lower.Linking;
import io.kubz.slicer.lower.SliceCompiler;
import io.kubz.slicer.lower.Visibility;
import io.kubz.slicer.plan.SlicePlan;
import io.kubz.slicer.plan.SliceSpec;
import io.kubz.slicer.quant.QNode;
import io.kubz.slicer.quant.QuantizedGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * A model ready to prove: quantized graph, plan and visibility, every slice compiled and its keys
 * made (through a {@link KeyCache}). It turns an inference trace into slice jobs and proves a job
 * (its {@link #prover()} is what a {@link io.kubz.slicer.exec.SliceExecutor} runs). A cluster
 * worker builds the same session from the published model, settings, plan and SRS, so the circuit
 * digests of its jobs match.
 *
 * <p>Memory: a compiled slice holds its fixed columns, and its proving key holds them again in
 * coefficient form. Slices stay resident (circuit and key kept for proving) while their summed
 * size fits the session's resident budget; the others keep only their verifying key, and their
 * circuit and key are synthesized and re-interpolated again when their job is proved (no new
 * commitments: the key's commitments are those of the verifying key). So a model of many large
 * slices needs the heap of the slices proved at once, not of all its slices.
 */
public final class ProvingSession {
  private final QuantizedGraph q;
  private final SlicePlan plan;
  private final Visibility visibility;
  private final Srs srs;
  private final Kzg kzg;
  private final int maxK;
  private final List<CompiledSlice> slices = new ArrayList<>();
  private final List<String> digests = new ArrayList<>();
  private final List<VerifyingKey> vks = new ArrayList<>();
  private final int[] ks;
  private final long[] peaks;
  /** Proving keys of the resident slices; null for a slice whose key is rebuilt when proved. */
  private final ProvingKey[] resident;
  private final long[] keygenNanos;
  /** Wall time of the keygen stage (slices are keyed two at a time, so less than the sum of keygenNanos). */
  private final long keygenWallNanos;

  /**
   * Compiles every slice and makes (or finds) its keys; reports {@code compile} and {@code keygen}.
   *
   * @param srs gives the SRS once the largest circuit is known: it is asked for 2^(k+1) powers
   *     (2^k + 1 are needed for 2^k rows) and may return a larger one ({@code k -> fixedSrs}, or
   *     {@code Srs::dev} style factories, or a ptau loader)
   */
  public ProvingSession(QuantizedGraph q, SlicePlan plan, Visibility visibility, IntFunction<Srs> srs, KeyCache cache,
      ProgressListener progress) {
    this(q, plan, visibility, srs, cache, progress, Strategy.residentBudget());
  }

  /**
   * As above, keeping circuits and proving keys in memory for at most {@code residentBytes} of
   * slices (see the class documentation); the rest are rebuilt when proved.
   */
  public ProvingSession(QuantizedGraph q, SlicePlan plan, Visibility visibility, IntFunction<Srs> srs, KeyCache cache,
      ProgressListener progress, long residentBytes) {
    this(q, plan, visibility, srs, cache, progress, residentBytes, java.util.Set.of());
  }

  /**
   * As above, for the plonkish slices of a mixed plan ({@link MixedSession}): {@code plan} holds
   * them alone (the other nodes count as other slices, so every boundary takes the mode the whole
   * plan gives it), and each tensor of {@code bridged} is bridged to a GKR slice ({@link
   * io.kubz.slicer.lower.Bridge}) wherever a slice exposes it.
   */
  ProvingSession(QuantizedGraph q, SlicePlan plan, Visibility visibility, IntFunction<Srs> srs, KeyCache cache,
      ProgressListener progress, long residentBytes, java.util.Set<String> bridged) {
    this.q = q;
    this.plan = plan;
    this.visibility = visibility;
    int n = plan.slices().size();
    long t0 = System.nanoTime();
    progress.begin(ProgressListener.COMPILE, n);
    List<List<String>> nodeSets = new ArrayList<>();
    plan.slices().forEach(s -> nodeSets.add(s.nodes()));
    Linking links = Linking.of(q.graph(), nodeSets, visibility);
    if (!bridged.isEmpty()) {
      links = links.bridging(bridged);
    }
    Linking linking = links;
    // slices compile (a single-threaded synthesis each) and keygen two at a time
    ks = new int[n];
    peaks = new long[n];
    boolean[] keep = new boolean[n];
    String[] digestOf = new String[n];
    java.util.concurrent.atomic.AtomicLong room = new java.util.concurrent.atomic.AtomicLong(residentBytes);
    slices.addAll(inParallel(n, i -> {
      SliceSpec s = plan.slices().get(i);
      CompiledSlice cs = SliceCompiler.compile(q, s, linking);
      CircuitDescription d = cs.description();
      ks[i] = d.k();
      peaks[i] = peakBytes(d);
      digestOf[i] = CircuitDigest.of(d);
      long size = residentSize(d);
      keep[i] = room.addAndGet(-size) >= 0;
      if (!keep[i]) {
        room.addAndGet(size);
        cs.release();
      }
      progress.advance(ProgressListener.COMPILE, s.id(), "2^" + ks[i] + " rows");
      return cs;
    }));
    digests.addAll(List.of(digestOf));
    progress.end(ProgressListener.COMPILE, System.nanoTime() - t0);
    int k = 1;
    for (int ki : ks) {
      k = Math.max(k, ki);
    }
    this.maxK = k;
    this.srs = srs.apply(k + 1);
    this.kzg = new Kzg(this.srs);
    checkSrs();
    t0 = System.nanoTime();
    keygenNanos = new long[n];
    progress.begin(ProgressListener.KEYGEN, n);
    resident = new ProvingKey[n];
    vks.addAll(inParallel(n, i -> {
      long t = System.nanoTime();
      CompiledSlice cs = slices.get(i);
      ProvingKey pk = cache.provingKey(digests.get(i), cs.description(), kzg, keep[i]);
      if (keep[i]) {
        resident[i] = pk;
      } else {
        cs.release();
      }
      keygenNanos[i] = System.nanoTime() - t;
      progress.advance(ProgressListener.KEYGEN, plan.slices().get(i).id(), "");
      return pk.vk();
    }));
    keygenWallNanos = System.nanoTime() - t0;
    progress.end(ProgressListener.KEYGEN, keygenWallNanos);
  }

  /**
   * f(0), …, f(n − 1) in order, computed by min(2, {@link Parallel#threads()}) threads: each task
   * parallelises inside too, two keep the cores busy through its serial parts. The first failure
   * is rethrown as it was thrown.
   */
  private static <T> List<T> inParallel(int n, java.util.function.IntFunction<T> f) {
    int width = Math.min(n, Math.min(2, Parallel.threads()));
    if (width <= 1) {
      List<T> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        out.add(f.apply(i));
      }
      return out;
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(width, r -> {
      Thread t = new Thread(r, "kubz-setup");
      t.setDaemon(true);
      return t;
    });
    try {
      List<java.util.concurrent.Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int ii = i;
        futures.add(pool.submit(() -> f.apply(ii)));
      }
      List<T> out = new ArrayList<>();
      for (java.util.concurrent.Future<T> fu : futures) {
        out.add(fu.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while compiling slices", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** The SRS must hold n + 1 powers for the largest circuit (n = 2^k rows). */
  private void checkSrs() {
    int worst = -1;
    for (int i = 0; i < ks.length; i++) {
      if (worst < 0 || ks[i] > ks[worst]) {
        worst = i;
      }
    }
    int k = ks[worst];
    if ((long) srs.size() < (1L << k) + 1) {
      int has = 31 - Integer.numberOfLeadingZeros(Math.max(1, srs.size()));
      throw new BadInputException("the SRS is too small: slice " + plan.slices().get(worst).id() + " has 2^" + k
          + " rows, so the SRS needs 2^" + (k + 1) + " powers (at least 2^" + k + " + 1), has 2^" + has + " ("
          + srs.size() + " powers, " + srs.source() + "): use a larger powers-of-tau file, or slice finer with"
          + " --max-rows " + (k - 1));
    }
  }

  public QuantizedGraph graph() {
    return q;
  }

  public SlicePlan plan() {
    return plan;
  }

  public Visibility visibility() {
    return visibility;
  }

  public Srs srs() {
    return srs;
  }

  /** log2 of the rows of the largest slice circuit. */
  public int maxK() {
    return maxK;
  }

  public List<CompiledSlice> slices() {
    return List.copyOf(slices);
  }

  /** The circuit of slice i (synthesized again when the slice is not resident). */
  public CircuitDescription description(int i) {
    return slices.get(i).description();
  }

  /** log2 of the rows of slice i's circuit. */
  public int k(int i) {
    return ks[i];
  }

  public String circuitDigest(int i) {
    return digests.get(i);
  }

  public VerifyingKey verifyingKey(int i) {
    return vks.get(i);
  }

  /** Whether slice i's circuit and proving key are kept in memory (else rebuilt when proved). */
  public boolean resident(int i) {
    return resident[i] != null;
  }

  long keygenNanos(int i) {
    return keygenNanos[i];
  }

  long keygenWallNanos() {
    return keygenWallNanos;
  }

  /** Estimated peak heap of proving slice i: the prover's working set and the proving key's columns. */
  public long peakBytes(int i) {
    return peaks[i];
  }

  /**
   * What {@code Prover.estimateBytes} counts for a proof that consumes its witness (as {@link
   * #prover()} makes them): circuit, witness, proving key and the prover's arrays, as this JVM lays
   * them out. Measured on the 3×64×64 CNN's 2^17-row slice: the old rule (twice the prover's columns
   * plus the key, at 32 bytes per element) missed G1's humongous columns (8 MiB each, not 4) and the
   * circuit builder the witness kept alive, and a 6 GiB heap ran out on it.
   */
  private static long peakBytes(CircuitDescription d) {
    return Prover.estimateBytes(d, true);
  }

  /** What a resident slice holds: its circuit (fixed values, copies, regions) and the key's coefficients and domain polys. */
  private static long residentSize(CircuitDescription d) {
    return (2L * d.numFixed() + 3) * io.kubz.plonkish.prover.HeapFootprint.column(d.n()) + 48L * d.copies().size()
        + 96L * d.regions().size();
  }

  /** A fresh random salt for every committed (HASHED) boundary tensor of any slice. */
  public Map<String, Fr> salts(Random rnd) {
    Map<String, Fr> salts = new LinkedHashMap<>();
    for (CompiledSlice cs : slices) {
      for (Boundary b : cs.inputs()) {
        if (b.mode() == Visibility.Mode.HASHED) {
          salts.computeIfAbsent(b.tensor(), t -> Fr.random(rnd));
        }
      }
      for (Boundary b : cs.outputs()) {
        if (b.mode() == Visibility.Mode.HASHED) {
          salts.computeIfAbsent(b.tensor(), t -> Fr.random(rnd));
        }
      }
    }
    return salts;
  }

  /** The job of slice i: the tensors its nodes read or compute and the salts of its boundaries. */
  public SliceJob job(int i, Map<String, long[]> trace, Map<String, Fr> salts) {
    return job(i, trace, salts, Map.of());
  }

  /**
   * As above for a slice with bridged boundaries: the point r of each ({@code points}, by tensor)
   * travels in the job's salts under {@link io.kubz.slicer.lower.Bridge#entry} (32 bytes big-endian
   * per coordinate), so a cluster worker rebuilds the same circuit.
   */
  public SliceJob job(int i, Map<String, long[]> trace, Map<String, Fr> salts, Map<String, Fr[]> points) {
    CompiledSlice cs = slices.get(i);
    Map<String, long[]> tensors = new HashMap<>();
    for (String name : cs.nodeNames()) {
      QNode n = q.node(name);
      for (String t : n.node().inputs()) {
        if (trace.containsKey(t)) {
          tensors.put(t, trace.get(t));
        }
      }
      tensors.put(n.node().output(), trace.get(n.node().output()));
    }
    Map<String, byte[]> s = new HashMap<>();
    for (List<Boundary> bs : List.of(cs.inputs(), cs.outputs())) {
      for (Boundary b : bs) {
        if (salts.containsKey(b.tensor())) {
          s.put(b.tensor(), salts.get(b.tensor()).toBytesBE());
        }
      }
    }
    for (String t : cs.bridged()) {
      Fr[] r = points.get(t);
      if (r == null) {
        throw new IllegalArgumentException("slice " + plan.slices().get(i).id() + " bridges '" + t
            + "' but no point was given");
      }
      byte[] b = new byte[32 * r.length];
      for (int j = 0; j < r.length; j++) {
        System.arraycopy(r[j].toBytesBE(), 0, b, 32 * j, 32);
      }
      s.put(io.kubz.slicer.lower.Bridge.entry(t), b);
    }
    return new SliceJob(plan.slices().get(i).id(), digests.get(i), ks[i], peaks[i], tensors, s);
  }

  /** Proves jobs of this session in this process. */
  public SliceProver prover() {
    return job -> {
      int i = index(job.sliceId());
      if (!digests.get(i).equals(job.circuitDigest())) {
        throw new IllegalArgumentException("job for slice " + job.sliceId() + " names circuit " + job.circuitDigest()
            + ", this session compiled " + digests.get(i));
      }
      Map<String, Fr> salts = new HashMap<>();
      Map<String, Fr[]> points = new HashMap<>();
      job.salts().forEach((t, b) -> {
        if (io.kubz.slicer.lower.Bridge.isEntry(t)) {
          Fr[] r = new Fr[b.length / 32];
          for (int j = 0; j < r.length; j++) {
            r[j] = Fr.fromBytesBE(java.util.Arrays.copyOfRange(b, 32 * j, 32 * j + 32));
          }
          points.put(io.kubz.slicer.lower.Bridge.tensor(t), r);
        } else {
          salts.put(t, Fr.fromBytesBE(b));
        }
      });
      Circuit c = slices.get(i).circuit(job.tensors(), salts, points);
      ProvingKey pk = resident[i];
      if (pk == null) {
        if (!CircuitDigest.of(c.description()).equals(digests.get(i))) {
          throw new IllegalStateException("slice " + job.sliceId() + " synthesized another circuit than it was keyed for");
        }
        pk = KeyCache.rebuild(c.description(), vks.get(i));
        if (pk == null) {
          throw new IllegalStateException("slice " + job.sliceId() + " no longer matches its verifying key");
        }
      }
      Proof p = Prover.proveConsuming(pk, kzg, c.witness()); // the witness is this proof's alone
      return ProofCodec.encode(p);
    };
  }

  private int index(int sliceId) {
    for (int i = 0; i < plan.slices().size(); i++) {
      if (plan.slices().get(i).id() == sliceId) {
        return i;
      }
    }
    throw new IllegalArgumentException("no slice " + sliceId + " in the plan");
  }

  /**
   * The bundle of this session without values: keys, layouts, declared inputs and outputs (no
   * values, commitments or proofs). Its {@link ModelDigest} is the model digest of every bundle
   * this session proves.
   */
  public ProofBundle statement() {
    List<ProofBundle.Slice> ss = new ArrayList<>();
    for (int i = 0; i < slices.size(); i++) {
      SliceSpec spec = plan.slices().get(i);
      ss.add(new ProofBundle.Slice(spec.id(), spec.nodes(), KeyCodec.encode(vks.get(i)), vks.get(i).digest(),
          entries(slices.get(i).layout()), List.of(), new byte[0], slices.get(i).estimate().rows()));
    }
    List<ProofBundle.PublicTensor> ins = declared(q.graph().inputs(), q.activationScale(), visibility.input());
    List<ProofBundle.PublicTensor> outs = declared(q.graph().outputs(), q.activationScale(), visibility.output());
    // by content only: no path, cache state or size, which would make D depend on where the file lies
    ProofBundle.SrsInfo info = new ProofBundle.SrsInfo(srs.g2().toEvmBytes(), srs.tauG2().toEvmBytes(), "", 0,
        srs.insecure());
    ProofBundle b = new ProofBundle(new byte[0], q.graph().name(), plan.toJson(), q.plan().toJson(),
        visibility.input().name(), visibility.output().name(), info, ss, ins, outs);
    return withDigest(b);
  }

  /** The same bundle with its model digest recomputed. */
  static ProofBundle withDigest(ProofBundle b) {
    return new ProofBundle(ModelDigest.of(b), b.modelName(), b.planJson(), b.quantJson(), b.inputVisibility(),
        b.outputVisibility(), b.srs(), b.slices(), b.inputs(), b.outputs());
  }

  static List<ProofBundle.Entry> entries(InstanceLayout layout) {
    List<ProofBundle.Entry> out = new ArrayList<>();
    for (InstanceLayout.Entry e : layout.entries()) {
      out.add(new ProofBundle.Entry(e.tensor(), e.output(), e.commitment(), e.row(), e.length()));
    }
    return out;
  }

  /** The model's inputs or outputs as a bundle declares them before proving: shape, scale and mode, no values. */
  static List<ProofBundle.PublicTensor> declared(List<ValueInfo> tensors, int scale, Visibility.Mode mode) {
    List<ProofBundle.PublicTensor> out = new ArrayList<>();
    for (ValueInfo v : tensors) {
      out.add(new ProofBundle.PublicTensor(v.name(), v.shape(), scale, mode.name(), null, null));
    }
    return out;
  }
}
