package io.kubz.bench;

import io.kubz.field.Fr;
import io.kubz.poly.CoeffPoly;
import io.kubz.poly.kzg.Kzg;
import io.kubz.poly.srs.Srs;
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
 * KZG commitment of a polynomial with 2^logN random coefficients (one G1 MSM over a dev SRS, whose
 * fixed-base generation is set-up time, not measured).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx6g"})
public class KzgBench {
  @Param({"16", "20"})
  public int logN;

  private Kzg kzg;
  private CoeffPoly poly;

  @Setup(Level.Trial)
  public void setup() {
    kzg = new Kzg(Srs.dev(logN, 1));
    long[] c = new long[4 << logN];
    Random rnd = new Random(2);
    for (int i = 0; i < (1 << logN); i++) {
      Fr.random(rnd).writeTo(c, 4 * i);
    }
    poly = CoeffPoly.wrap(c);
  }

  @Benchmark
  public Object commit() {
    return kzg.commit(poly);
  }
}
