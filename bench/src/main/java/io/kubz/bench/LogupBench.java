package io.kubz.bench;

import io.kubz.field.Fr;
import io.kubz.gkr.logup.TowerProver;
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
 * A logUp-GKR fractional-sum tower over 2^logLeaves random (p, q) leaves: building the layers and
 * proving each with its degree-3 sumcheck (the layer halves read in place, eq weights summed
 * pairwise between rounds, about 15·2^logLeaves products in all). Targets on 2 cores: ≤ 150 ms at
 * 2^16, ≤ 2 s at 2^20.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class LogupBench {
  @Param({"16", "20"})
  public int logLeaves;

  private long[] p;
  private long[] q;

  @Setup
  public void setup() {
    Random rnd = new Random(2);
    int n = 1 << logLeaves;
    p = new long[4 * n];
    q = new long[4 * n];
    for (int i = 0; i < n; i++) {
      Fr.random(rnd).writeTo(p, 4 * i);
      Fr.random(rnd).writeTo(q, 4 * i);
    }
  }

  @Benchmark
  public Object tower() {
    return TowerProver.prove(p, q, new Keccak256Transcript("bench"));
  }
}
