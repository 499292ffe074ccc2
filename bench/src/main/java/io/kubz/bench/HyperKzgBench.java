package io.kubz.bench;

import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.field.G2;
import io.kubz.field.Msm;
import io.kubz.gkr.pcs.HyperKzg;
import io.kubz.gkr.pcs.HyperKzgProof;
import io.kubz.poly.srs.Srs;
import io.kubz.poly.transcript.Keccak256Transcript;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * HyperKZG ({@code io.kubz.gkr.pcs}) on a 2^logN-entry MLE over a dev SRS (made in set-up, not
 * measured): commit of small integers (0 ≤ v &lt; 2^16, what a GKR witness holds), open and verify of a
 * full-width MLE, and the baseline the opening is judged against, one full-width G1 MSM of 2^logN.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx6g"})
public class HyperKzgBench {
  @Param({"20"})
  public int logN;

  private Srs srs;
  private HyperKzg pcs;
  private long[] small;
  private long[] smallInts;
  private long[] full;
  private Fr[] point;
  private G1 commitment;
  private G1 smallCommitment;
  private Fr value;
  private HyperKzgProof proof;

  @Setup(Level.Trial)
  public void setup() throws IOException {
    srs = devSrs(logN);
    pcs = new HyperKzg(srs);
    int n = 1 << logN;
    Random rnd = new Random(3);
    small = new long[4 * n];
    smallInts = new long[n];
    full = new long[4 * n];
    for (int i = 0; i < n; i++) {
      smallInts[i] = rnd.nextInt(1 << 16);
      Fr.set(small, 4 * i, smallInts[i]);
      Fr.random(rnd).writeTo(full, 4 * i);
    }
    point = new Fr[logN];
    for (int i = 0; i < logN; i++) {
      point[i] = Fr.random(rnd);
    }
    commitment = pcs.commit(full);
    smallCommitment = pcs.commitIntegers(smallInts);
    HyperKzg.Opening o = pcs.open(new Keccak256Transcript("bench"), commitment, full, point);
    value = o.value();
    proof = o.proof();
  }

  /**
   * The dev SRS of seed 1, kept in the temporary folder after the first run: making 2^20 powers
   * takes longer than the benchmarks, and every benchmark's fork needs them. The file holds [τ]_2
   * and the G1 powers; [τ²]_2 and [τ³]_2 are recomputed from the seed.
   */
  static Srs devSrs(int logN) throws IOException {
    Path file = Path.of(System.getProperty("java.io.tmpdir"), "kubz-bench-dev-srs-seed1-" + logN + ".bin");
    int n = 1 << logN;
    long[] g1 = new long[G1.AFFINE_LONGS * n];
    byte[] tauG2 = new byte[128];
    if (Files.exists(file) && Files.size(file) == 128L + 8L * g1.length) {
      try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
        in.readFully(tauG2);
        for (int i = 0; i < g1.length; i++) {
          g1[i] = in.readLong();
        }
      }
      // [τ²]_2 and [τ³]_2 (not in the file) from the one-power dev SRS of the same seed
      Srs one = Srs.dev(0, 1);
      if (one.tauG2().equals(G2.fromEvmBytes(tauG2, 0))) {
        return new Srs(g1, n, G2.generator(), one.tauG2(), "dev SRS (seed 1, from " + file + ")")
            .withHigherG2(one.g2Power(2), one.g2Power(3));
      }
    }
    Srs srs = Srs.dev(logN, 1);
    Path tmp = Files.createTempFile(file.getParent(), "kubz-bench-srs", ".tmp");
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20))) {
      out.write(srs.tauG2().toEvmBytes());
      long[] p = srs.g1Powers();
      for (int i = 0; i < g1.length; i++) {
        out.writeLong(p[i]);
      }
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return srs;
  }

  /**
   * Commitment of 2^logN small integers given as Fr: Msm.g1, whose engine finds them all below 2^16
   * and hands them to the small-integer MSM (with the cost of reading the Fr limbs).
   */
  @Benchmark
  public Object commitSmall() {
    return pcs.commit(small);
  }

  /** The same values as machine integers: HyperKzg.commitIntegers (Msm.g1SmallInts). */
  @Benchmark
  public Object commitIntegers() {
    return pcs.commitIntegers(smallInts);
  }

  /** Baseline: one full-width G1 MSM of 2^logN (also the cost of committing a full-width MLE). */
  @Benchmark
  public Object msmFull() {
    return Msm.g1(srs.g1Powers(), full, 1 << logN);
  }

  /** Opening of a full-width MLE at a random point (folds, evaluations, one KZG witness). */
  @Benchmark
  public Object open() {
    return pcs.open(new Keccak256Transcript("bench"), commitment, full, point);
  }

  /**
   * Opening of the small-integer MLE (what a GKR witness is) given also as integers: the same proof
   * as {@code open} would make of it, its first folds committed from the integers.
   */
  @Benchmark
  public Object openIntegers() {
    return pcs.open(new Keccak256Transcript("bench"), smallCommitment, small, smallInts, point);
  }

  /**
   * Per-operation wall and process CPU time (all threads) of msmFull and open, interleaved in one
   * JVM, and their ratio: on a shared, loaded machine the CPU time is the steadier figure.
   * {@code java -cp bench/target/benchmarks.jar io.kubz.bench.HyperKzgBench [logN] [reps]}.
   */
  public static void main(String[] args) throws IOException {
    HyperKzgBench b = new HyperKzgBench();
    b.logN = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    b.setup();
    com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    b.msmFull();
    b.open(); // warm-up
    b.openIntegers();
    long[] wall = new long[3];
    long[] cpu = new long[3];
    for (int i = 0; i < reps; i++) {
      for (int op = 0; op < 3; op++) {
        long w0 = System.nanoTime();
        long c0 = os.getProcessCpuTime();
        Object unused = op == 0 ? b.msmFull() : op == 1 ? b.open() : b.openIntegers();
        cpu[op] += os.getProcessCpuTime() - c0;
        wall[op] += System.nanoTime() - w0;
      }
    }
    System.out.printf("logN=%d reps=%d%n", b.logN, reps);
    System.out.printf("msmFull: wall %.1f ms, cpu %.1f ms%n", wall[0] / 1e6 / reps, cpu[0] / 1e6 / reps);
    System.out.printf("open:    wall %.1f ms, cpu %.1f ms%n", wall[1] / 1e6 / reps, cpu[1] / 1e6 / reps);
    System.out.printf("openIntegers: wall %.1f ms, cpu %.1f ms%n", wall[2] / 1e6 / reps, cpu[2] / 1e6 / reps);
    System.out.printf("open/msmFull: wall %.2f, cpu %.2f%n", (double) wall[1] / wall[0],
        (double) cpu[1] / cpu[0]);
    System.out.printf("openIntegers/msmFull: wall %.2f, cpu %.2f%n", (double) wall[2] / wall[0],
        (double) cpu[2] / cpu[0]);
  }

  @Benchmark
  public boolean verify() {
    boolean ok = pcs.verify(new Keccak256Transcript("bench"), commitment, point, value, proof);
    if (!ok) {
      throw new IllegalStateException("the benchmark's proof does not verify");
    }
    return ok;
  }
}
