package io.kubz.bench;

import io.kubz.field.Fr;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Fr kernels, single-threaded. Products and squares are timed as a dependent chain (z = z·y), so
 * the figure is latency, as in gnark-crypto's BenchmarkElementMul. Allocation: run with -prof gc
 * (the kernels allocate nothing; batchInverse allocates its 4n-limb prefix table).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class FrBench {
  private static final int BATCH = 1 << 16;
  private final long[] z = new long[4];
  private final long[] y = new long[4];
  private final long[] one = new long[4];
  private final long[] batch = new long[4 * BATCH];
  private static final int VEC = 1024;
  private final long[] va = new long[4 * VEC];
  private final long[] vb = new long[4 * VEC];

  @Setup
  public void setup() {
    Random rnd = new Random(42);
    Fr.random(rnd).writeTo(z, 0);
    Fr.random(rnd).writeTo(y, 0);
    Fr.setOne(one, 0);
    for (int i = 0; i < BATCH; i++) {
      Fr.random(rnd).writeTo(batch, 4 * i);
    }
    for (int i = 0; i < VEC; i++) {
      Fr.random(rnd).writeTo(va, 4 * i);
      Fr.random(rnd).writeTo(vb, 4 * i);
    }
  }

  @Benchmark
  public long[] mul() {
    Fr.mul(z, 0, z, 0, y, 0);
    return z;
  }

  /** a[i] ← a[i]·b[i] over 1024 independent elements (throughput, as in an NTT or MSM pass). */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public long[] mulVector() {
    for (int i = 0; i < 4 * VEC; i += 4) {
      Fr.mul(va, i, va, i, vb, i);
    }
    return va;
  }

  @Benchmark
  public long[] square() {
    Fr.square(z, 0, z, 0);
    return z;
  }

  @Benchmark
  public long[] add() {
    Fr.add(z, 0, z, 0, y, 0);
    return z;
  }

  /** z ← 1/z + 1, so each call inverts a different value. */
  @Benchmark
  public long[] inverse() {
    Fr.inverse(z, 0, z, 0);
    Fr.add(z, 0, z, 0, one, 0);
    return z;
  }

  /** 2^16 elements in place (alternates between a and 1/a); reported per call. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public long[] batchInverse() {
    Fr.batchInverse(batch, 0, BATCH);
    return batch;
  }
}
