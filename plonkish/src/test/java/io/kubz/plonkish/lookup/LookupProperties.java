package io.kubz.plonkish.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.lookup.table.Activation;
import io.kubz.lookup.table.FunctionTable;
import io.kubz.lookup.table.RangeTable;
import io.kubz.lookup.table.SignedRangeTable;
import io.kubz.lookup.table.TableSpec;
import io.kubz.plonkish.Proof;
import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.builder.CircuitBuilder;
import io.kubz.plonkish.builder.Selector;
import io.kubz.plonkish.ir.Argument;
import io.kubz.plonkish.ir.CircuitDescription;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.Gate;
import io.kubz.plonkish.ir.Trace;
import io.kubz.plonkish.keygen.ProvingKey;
import io.kubz.plonkish.mock.MockProver;
import io.kubz.plonkish.prover.Prover;
import io.kubz.plonkish.prover.Setup;
import io.kubz.plonkish.verifier.Verifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Random tables and query sets: the argument's polynomial constraints hold exactly for honest sets. */
class LookupProperties {

  static TableSpec randomTable(Random rnd) {
    int bits = 2 + rnd.nextInt(5);
    return switch (rnd.nextInt(4)) {
      case 0 -> new RangeTable(bits);
      case 1 -> new SignedRangeTable(bits);
      case 2 -> new FunctionTable(new Activation.Tanh(), bits, rnd.nextInt(3), rnd.nextInt(4));
      default -> new FunctionTable(new Activation.Relu(), bits, 1, 1);
    };
  }

  /** Lookups into 1–3 random tables with random query sets; {@code outside} ≥ 0 puts one query off-table. */
  static Circuit circuit(Random rnd, int lookups, int outside) {
    CircuitBuilder b = new CircuitBuilder();
    for (int k = 0; k < lookups; k++) {
      TableSpec t = randomTable(rnd);
      Column.Advice x = b.advice();
      Column.Advice y = b.advice();
      Selector q = b.selector();
      List<io.kubz.plonkish.ir.Expression> in = t.arity() == 1 ? List.of(CircuitBuilder.query(x))
          : List.of(CircuitBuilder.query(x), CircuitBuilder.query(y));
      b.lookup("lookup" + k, q.expr(), in, t);
      int rows = 1 + rnd.nextInt(30);
      boolean bad = k == outside;
      int badRow = rnd.nextInt(rows);
      b.region("queries" + k, r -> {
        for (int i = 0; i < rows; i++) {
          long v = t.min() + rnd.nextInt((int) t.size());
          long out = t.output(v);
          if (bad && i == badRow) {
            if (t.arity() == 1 || rnd.nextBoolean()) {
              v = rnd.nextBoolean() ? t.max() + 1 + rnd.nextInt(5) : t.min() - 1 - rnd.nextInt(5);
              out = t.arity() == 1 ? v : 0;
            } else {
              out = out + 1 + rnd.nextInt(3);
            }
          }
          r.assignAdvice(x, i, Fr.of(v));
          r.assignAdvice(y, i, Fr.of(t.arity() == 1 ? 0 : out));
          r.enable(q, i);
        }
        return null;
      });
    }
    return b.build();
  }

  @Property(tries = 40)
  void argumentGatesHoldExactlyForQueriesInTheirTables(@ForAll @IntRange(min = 1, max = 3) int lookups,
      @ForAll boolean honest, @ForAll long seed) {
    Random rnd = new Random(seed);
    Circuit c = circuit(rnd, lookups, honest ? -1 : rnd.nextInt(lookups));
    MockProver mock = MockProver.run(c, seed);
    assertEquals(honest, mock.isSatisfied(), mock.failures().toString());
    assertEquals(honest, mock.argumentFailures().isEmpty(), mock.argumentFailures().toString());
    if (!honest) {
      assertTrue(mock.argumentFailures().stream().anyMatch(f -> f.toString().contains("running sum ends at 0")));
    }
  }

  @Property(tries = 4)
  void proofsVerifyExactlyForQueriesInTheirTables(@ForAll boolean honest, @ForAll long seed) {
    Random rnd = new Random(seed);
    Circuit c = circuit(rnd, 2, honest ? -1 : rnd.nextInt(2));
    ProvingKey pk = Setup.keygen(c);
    Proof p = Prover.prove(pk, Setup.PCS, c.witness(), new Random(seed));
    assertEquals(honest, Verifier.verify(pk.vk(), Setup.PCS, Setup.instance(c), p));
  }

  /** The logUp argument with its multiplicities changed after the honest fill. */
  record TamperedMultiplicities(LogUpArgument inner, boolean moveOnly) implements Argument {
    @Override public String name() { return inner.name(); }
    @Override public List<Gate> gates() { return inner.gates(); }
    @Override public void fillFixed(long[][] fixed) { inner.fillFixed(fixed); }
    @Override public List<Column.Advice> columns() { return inner.columns(); }

    @Override
    public void fill(int phase, Trace trace, Fr[] challenges) {
      inner.fill(phase, trace, challenges);
      Column.Advice m = inner.columns().get(0);
      if (phase == m.phase()) {
        long[] col = trace.advice()[m.index()];
        long[] one = new long[4];
        Fr.setOne(one, 0);
        // move one count from the first counted row to row 0 (same total) or add one to row 1
        if (moveOnly) {
          int from = 1;
          while (Fr.isZero(col, 4 * from)) {
            from++;
          }
          Fr.sub(col, 4 * from, col, 4 * from, one, 0);
          Fr.add(col, 0, col, 0, one, 0);
        } else {
          Fr.add(col, 4, col, 4, one, 0);
        }
      }
    }
  }

  @Test
  void tamperedMultiplicitiesAreRejected() {
    for (boolean moveOnly : new boolean[] {true, false}) {
      Circuit honest = LogUpArgumentTest.circuit(new long[] {5, 9, 9, 63}, new long[] {2}, new long[] {2});
      CircuitDescription d = honest.description();
      List<Argument> args = new ArrayList<>();
      for (Argument a : d.arguments()) {
        args.add(a instanceof LogUpArgument l ? new TamperedMultiplicities(l, moveOnly) : a);
      }
      CircuitDescription t = new CircuitDescription(d.k(), d.blinding(), d.advicePhases(), d.numFixed(),
          d.numInstance(), d.challengePhases(), d.gates(), d.copies(), d.fixed(), d.regions(), args);
      Circuit c = new Circuit(t, honest.witness());
      assertTrue(MockProver.run(c).argumentFailures().stream()
          .anyMatch(f -> f.toString().contains("lookup range(6): running sum ends at 0")));
      ProvingKey pk = Setup.keygen(c);
      Proof p = Prover.prove(pk, Setup.PCS, c.witness(), new Random(11));
      assertFalse(Verifier.verify(pk.vk(), Setup.PCS, Setup.instance(c), p));
    }
  }
}
