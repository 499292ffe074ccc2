package io.kubz.bench;

import io.kubz.field.Fr;
import io.kubz.field.Parallel;
import io.kubz.merkle.MerkleTree;
import io.kubz.merkle.Poseidon;
import io.kubz.merkle.PoseidonSponge;
import io.kubz.merkle.TensorCommitment;
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
 * Poseidon (circomlib parameters) over Fr: one t = 3 permutation and one 2-input hash (target
 * ≤ 20 µs single-threaded; light-poseidon 19 µs on a Ryzen 7945HX, circomlibjs 54 µs here), the
 * width-5 sponge per 4 absorbed elements, and tensor commitments to 2^16 and 2^20 elements and a
 * binary Merkle tree on {@code threads} workers (default 2). Run with {@code -prof gc} for allocation:
 * the kernels allocate nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class PoseidonBench {
  private final long[] state = new long[4 * 5];
  private final long[] in = new long[4 * 4];
  private final long[] out = new long[4];

  @Setup
  public void setup() {
    Random rnd = new Random(1);
    for (int i = 0; i < 5; i++) {
      Fr.random(rnd).writeTo(state, 4 * i);
    }
    for (int i = 0; i < 4; i++) {
      Fr.random(rnd).writeTo(in, 4 * i);
    }
    Poseidon.permute(state, 0, 5); // derives the constants outside the measurement
    Poseidon.permute(state, 0, 3);
  }

  /** One t = 3 permutation (the state keeps evolving, so nothing is constant-folded). */
  @Benchmark
  public long[] permuteT3() {
    Poseidon.permute(state, 0, 3);
    return state;
  }

  /** circomlib's Poseidon(2): a binary Merkle node. */
  @Benchmark
  public long[] hash2() {
    Poseidon.hash(out, 0, in, 0, 2);
    return out;
  }

  /** One t = 5 permutation: what the sponge pays per 4 absorbed elements. */
  @Benchmark
  public long[] permuteT5() {
    Poseidon.permute(state, 0, 5);
    return state;
  }

  /** A tensor of 2^logN random elements and a salt, hashed with {@code threads} workers. */
  @State(Scope.Benchmark)
  public static class Tensor {
    @Param({"16", "20"})
    public int logN;

    @Param({"2"})
    public int threads;

    long[] values;
    final long[] salt = new long[4];
    final long[] out = new long[4];

    @Setup(Level.Trial)
    public void setup() {
      Parallel.setThreads(threads);
      Random rnd = new Random(2);
      int n = 1 << logN;
      values = new long[4 * n];
      for (int i = 0; i < n; i++) {
        Fr.random(rnd).writeTo(values, 4 * i);
      }
      Fr.random(rnd).writeTo(salt, 0);
      PoseidonSponge.hash(Fr.ONE);
    }
  }

  /** TensorCommitment.commit of 2^logN elements (chunks of 2^12 hashed in parallel). */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public long[] commit(Tensor t) {
    TensorCommitment.commit(t.out, 0, t.salt, 0, t.values, 0, 1 << t.logN);
    return t.out;
  }

  /** A binary Merkle tree over 2^logN leaves (levels hashed in parallel). */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public Fr merkleBinary(Tensor t) {
    return MerkleTree.build(2, t.values, 0, 1 << t.logN).root();
  }
}
