package io.kubz.bench;

import io.kubz.field.Fr;
import io.kubz.field.G1;
import java.math.BigInteger;
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

/** G1 kernels: complete Jacobian addition, mixed addition, doubling, and GLV scalar multiplication. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class G1Bench {
  private final long[] p = new long[G1.JACOBIAN_LONGS];
  private final long[] q = new long[G1.JACOBIAN_LONGS];
  private final long[] a = new long[G1.AFFINE_LONGS];
  private final long[] t = new long[G1.SCRATCH_LONGS];
  private G1 base;
  private BigInteger k;

  @Setup
  public void setup() {
    Random rnd = new Random(42);
    G1 g = G1.generator();
    g.mul(new BigInteger(250, rnd)).writeJacobian(p, 0);
    G1.dblJ(p, 0, p, 0); // Z ≠ 1
    g.mul(new BigInteger(250, rnd)).writeJacobian(q, 0);
    G1.dblJ(q, 0, q, 0);
    g.mul(new BigInteger(250, rnd)).writeAffine(a, 0);
    base = g.mul(new BigInteger(250, rnd));
    k = Fr.random(rnd).toBigInteger();
  }

  @Benchmark
  public long[] addJ() {
    G1.addJ(p, 0, p, 0, q, 0, t);
    return p;
  }

  @Benchmark
  public long[] addMixed() {
    G1.addMixed(p, 0, p, 0, a, 0, false, t);
    return p;
  }

  @Benchmark
  public long[] dblJ() {
    G1.dblJ(p, 0, p, 0, t);
    return p;
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public G1 scalarMul() {
    return base.mul(k);
  }
}
