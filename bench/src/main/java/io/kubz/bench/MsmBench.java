package io.kubz.bench;

import io.kubz.field.Fr;
import io.kubz.field.G1;
import io.kubz.field.Msm;
import java.math.BigInteger;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Msm.g1 on 2^logN distinct points with full-width random scalars (threads: kubz.threads, default
 * all cores). Peers on the same input: snarkjs 0.95 s / 11.4 s at 2^16 / 2^20; gnark 85 ms / 0.98 s
 * on 8 vCPU.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class MsmBench {
  @Param({"10", "16", "20"})
  public int logN;

  private long[] bases;
  private long[] scalars;
  private int n;

  @Setup
  public void setup() {
    n = 1 << logN;
    Random rnd = new Random(7);
    // P_i = G + i·S for a random S: distinct points at the cost of one addition each
    long[] jac = new long[G1.JACOBIAN_LONGS * n];
    long[] step = new long[G1.JACOBIAN_LONGS];
    G1.generator().mul(new BigInteger(250, rnd)).writeJacobian(step, 0);
    G1.generator().writeJacobian(jac, 0);
    for (int i = 1; i < n; i++) {
      G1.addJ(jac, G1.JACOBIAN_LONGS * i, jac, G1.JACOBIAN_LONGS * (i - 1), step, 0);
    }
    bases = new long[G1.AFFINE_LONGS * n];
    G1.batchToAffine(jac, 0, bases, 0, n);
    scalars = new long[4 * n];
    for (int i = 0; i < n; i++) {
      Fr.random(rnd).writeTo(scalars, 4 * i);
    }
  }

  @Benchmark
  public G1 g1() {
    return Msm.g1(bases, scalars, n);
  }
}
