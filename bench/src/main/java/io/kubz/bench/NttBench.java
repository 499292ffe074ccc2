package io.kubz.bench;

import io.kubz.field.Fr;
import io.kubz.poly.ntt.Domain;
import io.kubz.poly.ntt.Ntt;
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
 * Forward NTT (natural order in and out) of 2^logN random Fr elements, in place; the inverse for
 * comparison. Targets (issue): 2^20 ≤ 250 ms on 2 cores.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class NttBench {
  @Param({"16", "20"})
  public int logN;

  private Domain domain;
  private long[] data;
  private final Ntt ntt = Ntt.radix2();

  @Setup(Level.Trial)
  public void setup() {
    domain = Domain.of(logN);
    data = new long[4 << logN];
    Random rnd = new Random(1);
    for (int i = 0; i < (1 << logN); i++) {
      Fr.random(rnd).writeTo(data, 4 * i);
    }
    ntt.forward(domain, data); // builds the twiddle table outside the measurement
  }

  @Benchmark
  public long[] forward() {
    ntt.forward(domain, data);
    return data;
  }

  @Benchmark
  public long[] inverse() {
    ntt.inverse(domain, data);
    return data;
  }
}
