package io.kubz.bench;

import io.kubz.field.Fr;
import io.kubz.gkr.sumcheck.Composition;
import io.kubz.gkr.sumcheck.SumcheckProver;
import io.kubz.poly.transcript.Keccak256Transcript;
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
 * The sumcheck prover of the gkr module on Σ_x f(x)·g(x) over 2^logSize random entries (degree 2,
 * the shape of a dense layer and of the batched opening), all threads of {@code Parallel}. Target
 * on 2 cores: ≤ 250 ms at 2^20. Each round is one pass binding the previous round's variable and
 * summing (4 products per pair after round 0, 2 in it: about 4·2^logSize in all). The allocation
 * per operation is the prover's two ping-pong buffers per table (2^(logSize−1) + 2^(logSize−2)
 * entries: about 1.5 × 2^logSize × 32 bytes for the two tables) plus small per-round accumulators.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class SumcheckBench {
  @Param({"16", "20"})
  public int logSize;

  private long[][] tables;
  private Fr claim;

  @Setup
  public void setup() {
    Random rnd = new Random(1);
    int n = 1 << logSize;
    tables = new long[2][4 * n];
    Fr sum = Fr.ZERO;
    for (int i = 0; i < n; i++) {
      Fr a = Fr.random(rnd);
      Fr b = Fr.random(rnd);
      a.writeTo(tables[0], 4 * i);
      b.writeTo(tables[1], 4 * i);
      sum = sum.add(a.mul(b));
    }
    claim = sum;
  }

  @Benchmark
  public Object product() {
    return SumcheckProver.prove(Composition.product(2), tables, claim,
        new Keccak256Transcript("bench"));
  }
}
