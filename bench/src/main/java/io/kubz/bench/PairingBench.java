package io.kubz.bench;

import io.kubz.field.Fq12;
import io.kubz.field.G1;
import io.kubz.field.G2;
import io.kubz.field.G2Prepared;
import io.kubz.field.Pairing;
import java.math.BigInteger;
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
 * The BN254 optimal ate pairing, single-threaded: one pairing, a 4-pair product (one Miller loop
 * pass per pair, one final exponentiation, as a Groth16 check does), its two halves, and a
 * two-pair check with prepared G2 points (the shape of a KZG verification with a fixed SRS).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class PairingBench {
  private G1[] p1;
  private G2[] q1;
  private G1[] p4;
  private G2[] q4;
  private Fq12 miller;
  private G1[] p2;
  private G2[] q2;
  private G2Prepared[] q2prepared;

  @Setup
  public void setup() {
    p4 = new G1[4];
    q4 = new G2[4];
    for (int i = 0; i < 4; i++) {
      p4[i] = G1.generator().mul(BigInteger.valueOf(1_000_003L * (i + 1)));
      q4[i] = G2.generator().mul(BigInteger.valueOf(7_000_001L * (i + 2)));
    }
    p1 = new G1[] {p4[0]};
    q1 = new G2[] {q4[0]};
    miller = Pairing.millerLoop(p1, q1);
    p2 = new G1[] {p4[0], p4[1]};
    q2 = new G2[] {q4[0], q4[1]};
    q2prepared = new G2Prepared[] {Pairing.prepare(q4[0]), Pairing.prepare(q4[1])};
  }

  @Benchmark
  public boolean check2() {
    return Pairing.check(p2, q2);
  }

  @Benchmark
  public boolean check2Prepared() {
    return Pairing.check(p2, q2prepared);
  }

  @Benchmark
  public Fq12 pair() {
    return Pairing.pair(p1[0], q1[0]);
  }

  @Benchmark
  public Fq12 multiPair4() {
    return Pairing.multiPair(p4, q4);
  }

  @Benchmark
  public Fq12 millerLoop() {
    return Pairing.millerLoop(p1, q1);
  }

  @Benchmark
  public Fq12 finalExp() {
    return Pairing.finalExponentiation(miller);
  }
}
