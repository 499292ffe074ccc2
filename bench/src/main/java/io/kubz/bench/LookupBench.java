package io.kubz.bench;

import io.kubz.field.Fr;
import io.kubz.lookup.table.RangeTable;
import io.kubz.merkle.PoseidonParams;
import io.kubz.plonkish.Proof;
import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.builder.CircuitBuilder;
import io.kubz.plonkish.builder.Selector;
import io.kubz.plonkish.gadgets.PoseidonGadget;
import io.kubz.plonkish.ir.CircuitDescription;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.Region;
import io.kubz.plonkish.keygen.Keygen;
import io.kubz.plonkish.keygen.ProvingKey;
import io.kubz.plonkish.prover.Prover;
import io.kubz.poly.kzg.Kzg;
import io.kubz.poly.kzg.PolynomialCommitment;
import io.kubz.poly.srs.Srs;
import java.util.List;
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
 * The logUp lookup in the plonkish prover: N random 16-bit values looked up in the 2^16-entry range
 * table ({@link #proveLookup}) against the same N values with no constraint at all ({@link
 * #proveBaseline}); the difference over N is the prover cost per looked-up value. {@code main}
 * prints those figures one-shot, the rows and columns a 2^16 table takes, and the rows per
 * Poseidon permutation in the gadget:
 * {@code java -cp bench/target/benchmarks.jar io.kubz.bench.LookupBench 14 16}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx6g"})
public class LookupBench {
  /** log2 of the number of looked-up values. */
  @Param({"14"})
  public int logValues;

  private Circuit lookup;
  private Circuit baseline;
  private ProvingKey lookupPk;
  private ProvingKey baselinePk;
  private PolynomialCommitment pcs;

  /** {@code count} random 16-bit values in one advice column, looked up in RangeTable(16) if asked. */
  public static Circuit values(int count, boolean withLookup) {
    return values(count, withLookup, 16);
  }

  /** {@code count} random {@code bits}-bit values, looked up in RangeTable(bits) if asked. */
  public static Circuit values(int count, boolean withLookup, int bits) {
    CircuitBuilder b = new CircuitBuilder();
    Column.Advice a = b.advice();
    Selector q = b.selector();
    if (withLookup) {
      b.lookup(bits + " bits", q.expr(), List.of(CircuitBuilder.query(a)), new RangeTable(bits));
    }
    Random rnd = new Random(count);
    b.region("values", r -> {
      for (int i = 0; i < count; i++) {
        r.assignAdvice(a, i, Fr.of(rnd.nextInt(1 << bits)));
        r.enable(q, i);
      }
      return null;
    });
    return b.build();
  }

  @Setup
  public void setup() {
    int count = (1 << logValues) - 16;
    lookup = values(count, true);
    baseline = values(count, false);
    pcs = new Kzg(Srs.dev(Math.max(lookup.description().k(), baseline.description().k()) + 1, 1));
    lookupPk = Keygen.keygen(lookup.description(), pcs);
    baselinePk = Keygen.keygen(baseline.description(), pcs);
  }

  @Benchmark
  public Proof proveLookup() {
    return Prover.prove(lookupPk, pcs, lookup.witness());
  }

  @Benchmark
  public Proof proveBaseline() {
    return Prover.prove(baselinePk, pcs, baseline.witness());
  }

  /** Rows of the gadget's region for one permutation of width t. */
  static int poseidonRows(int t) {
    CircuitBuilder b = new CircuitBuilder();
    Column.Advice in = b.advice();
    PoseidonGadget g = PoseidonGadget.configure(b, t - 1);
    AssignedCell[] cells = b.region("inputs", r -> {
      AssignedCell[] out = new AssignedCell[t - 1];
      for (int i = 0; i < out.length; i++) {
        out[i] = r.assignAdvice(in, i, Fr.of(i));
      }
      return out;
    });
    g.hash(b, cells);
    for (Region r : b.build().description().regions()) {
      if (r.name().equals("poseidon")) {
        return r.rows();
      }
    }
    throw new IllegalStateException("no poseidon region");
  }

  static double proveMillis(ProvingKey pk, PolynomialCommitment pcs, Circuit c, int reps) {
    Prover.prove(pk, pcs, c.witness());
    long best = Long.MAX_VALUE;
    for (int i = 0; i < reps; i++) {
      long t0 = System.nanoTime();
      Prover.prove(pk, pcs, c.witness());
      best = Math.min(best, System.nanoTime() - t0);
    }
    return best / 1e6;
  }

  /** One-shot figures; arguments are log2 value counts (default 14). */
  public static void main(String[] args) {
    System.out.println("JDK " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " cpus");
    for (int t : new int[] {3, 5, PoseidonParams.MAX_WIDTH}) {
      System.out.printf("poseidon gadget t=%d: %d rows per permutation (%d rounds + input row), %d advice cells%n",
          t, poseidonRows(t), PoseidonParams.of(t).rounds(), poseidonRows(t) * t);
    }
    int[] logs = args.length == 0 ? new int[] {14} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    for (int log : logs) {
      for (int bits : new int[] {8, 16}) {
        report(log, bits);
      }
    }
  }

  private static void report(int log, int bits) {
    {
      int count = (1 << log) - 16;
      Circuit l = values(count, true, bits);
      Circuit base = values(count, false, bits);
      CircuitDescription d = l.description();
      PolynomialCommitment pcs = new Kzg(Srs.dev(Math.max(d.k(), base.description().k()) + 1, 1));
      ProvingKey lpk = Keygen.keygen(d, pcs);
      ProvingKey bpk = Keygen.keygen(base.description(), pcs);
      double lt = proveMillis(lpk, pcs, l, 2);
      double bt = proveMillis(bpk, pcs, base, 2);
      System.out.printf("%d values into range(%d): k=%d (baseline k=%d), %d usable rows, table in %d fixed column(s) "
          + "(%d rows of table in all), advice %d vs %d, degree %d%n", count, bits, d.k(), base.description().k(),
          d.usable(), d.numFixed() - 1, 1 << bits, d.numAdvice(), base.description().numAdvice(), d.maxDegree());
      System.out.printf("  prove: %.0f ms with lookups, %.0f ms baseline: %.2f µs per looked-up value%n", lt, bt,
          (lt - bt) * 1000 / count);
    }
  }
}
