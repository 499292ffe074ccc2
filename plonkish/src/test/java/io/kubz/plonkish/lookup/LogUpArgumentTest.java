package io.kubz.plonkish.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.lookup.table.Activation;
import io.kubz.lookup.table.FunctionTable;
import io.kubz.lookup.table.RangeTable;
import io.kubz.plonkish.Proof;
import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.builder.CircuitBuilder;
import io.kubz.plonkish.builder.Selector;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.Expression;
import io.kubz.plonkish.keygen.ProvingKey;
import io.kubz.plonkish.mock.Failure;
import io.kubz.plonkish.mock.MockProver;
import io.kubz.plonkish.prover.Prover;
import io.kubz.plonkish.prover.Setup;
import io.kubz.plonkish.verifier.Verifier;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Lookups through the builder: MockProver diagnostics, honest proofs, forced dishonest proofs. */
class LogUpArgumentTest {

  static boolean proveAndVerify(Circuit c, long seed) {
    ProvingKey pk = Setup.keygen(c);
    Proof p = Prover.prove(pk, Setup.PCS, c.witness(), new Random(seed));
    return Verifier.verify(pk.vk(), Setup.PCS, Setup.instance(c), p);
  }

  /** Values looked up in a 6-bit range table (selector form) and a ReLU table of 5-bit inputs. */
  static Circuit circuit(long[] ranged, long[] reluIn, long[] reluOut) {
    CircuitBuilder b = new CircuitBuilder();
    Column.Advice a = b.advice();
    Column.Advice x = b.advice();
    Column.Advice y = b.advice();
    Selector q = b.selector();
    Selector qr = b.selector();
    b.lookup("six bits", q.expr(), List.of(CircuitBuilder.query(a)), new RangeTable(6));
    FunctionTable relu = new FunctionTable(new Activation.Relu(), 5, 2, 2);
    b.lookup("relu", qr.expr(), List.of(CircuitBuilder.query(x), CircuitBuilder.query(y)), relu);
    b.region("ranged", r -> {
      for (int i = 0; i < ranged.length; i++) {
        r.assignAdvice(a, i, Fr.of(ranged[i]));
        r.enable(q, i);
      }
      return null;
    });
    b.region("relu", r -> {
      for (int i = 0; i < reluIn.length; i++) {
        r.assignAdvice(x, i, Fr.of(reluIn[i]));
        r.assignAdvice(y, i, Fr.of(reluOut[i]));
        r.enable(qr, i);
      }
      return null;
    });
    return b.build();
  }

  @Test
  void honestLookupsIntoTwoTablesVerify() {
    Circuit c = circuit(new long[] {0, 1, 63, 17, 17, 17}, new long[] {-16, -1, 0, 3, 15, 3},
        new long[] {0, 0, 0, 3, 15, 3});
    MockProver.run(c).assertSatisfied();
    assertTrue(proveAndVerify(c, 1));
  }

  @Test
  void valueOutsideTheTableIsNamedAndRejected() {
    Circuit c = circuit(new long[] {5, 64, 7}, new long[] {2}, new long[] {2});
    List<Failure> f = MockProver.run(c).failures();
    assertEquals(1, f.size(), f.toString());
    Failure.LookupFailure lf = (Failure.LookupFailure) f.get(0);
    assertEquals("six bits", lf.lookup());
    assertEquals("range(6)", lf.table());
    assertEquals(List.of(Fr.of(64)), lf.values());
    assertTrue(lf.toString().contains("ranged(row 1)"), lf.toString());
    assertTrue(lf.toString().contains("64 is not in table range(6)"), lf.toString());
    assertFalse(proveAndVerify(c, 2));
  }

  @Test
  void wrongFunctionOutputIsNamedAndRejected() {
    Circuit c = circuit(new long[] {1}, new long[] {-3, 4}, new long[] {0, 5});
    List<Failure> f = MockProver.run(c).failures();
    assertEquals(1, f.size(), f.toString());
    Failure.LookupFailure lf = (Failure.LookupFailure) f.get(0);
    assertEquals("relu", lf.lookup());
    assertEquals(List.of(Fr.of(4), Fr.of(5)), lf.values());
    assertFalse(proveAndVerify(c, 3));
  }

  @Test
  void lookupWithoutSelectorCoversEveryUsableRow() {
    CircuitBuilder b = new CircuitBuilder();
    Column.Advice a = b.advice();
    b.lookup("nibbles", List.of(CircuitBuilder.query(a)), new RangeTable(4));
    b.region("values", r -> {
      for (int i = 0; i < 20; i++) {
        r.assignAdvice(a, i, Fr.of(i % 16));
      }
      return null;
    });
    Circuit c = b.build();
    MockProver.run(c).assertSatisfied();
    assertTrue(proveAndVerify(c, 4));
  }

  /** A table built from advice (a lookup into witness rows, e.g. a tensor index map). */
  static Circuit dynamicCircuit(long[] tableValues, long[] queries) {
    CircuitBuilder b = new CircuitBuilder();
    Column.Advice t = b.advice();
    Column.Advice v = b.advice();
    Selector qt = b.selector();
    Selector qv = b.selector();
    LookupTable table = b.table("witness table", qt.expr(), List.of(CircuitBuilder.query(t)));
    b.lookup("in witness table", qv.expr(), List.of(CircuitBuilder.query(v)), table);
    b.region("table", r -> {
      for (int i = 0; i < tableValues.length; i++) {
        r.assignAdvice(t, i, Fr.of(tableValues[i]));
        r.enable(qt, i);
      }
      return null;
    });
    b.region("queries", r -> {
      for (int i = 0; i < queries.length; i++) {
        r.assignAdvice(v, i, Fr.of(queries[i]));
        r.enable(qv, i);
      }
      return null;
    });
    return b.build();
  }

  @Test
  void dynamicTableAcceptsItsRowsOnly() {
    Circuit ok = dynamicCircuit(new long[] {1000, -7, 3, 3}, new long[] {3, 3, 1000, -7, -7});
    MockProver.run(ok).assertSatisfied();
    assertTrue(proveAndVerify(ok, 5));
    // 0 is on the table column's unselected rows, but not a table row
    Circuit bad = dynamicCircuit(new long[] {1000, -7, 3}, new long[] {3, 0});
    List<Failure> f = MockProver.run(bad).failures();
    assertEquals(1, f.size(), f.toString());
    assertTrue(f.get(0) instanceof Failure.LookupFailure lf && lf.row() >= 0 && lf.values().equals(List.of(Fr.ZERO)));
    assertFalse(proveAndVerify(bad, 6));
  }

  @Test
  void gatesStayWithinTheCircuitDegree() {
    Circuit c = circuit(new long[] {1}, new long[] {1}, new long[] {1});
    assertEquals(3, c.description().maxDegree());
  }

  @Test
  void aTableLongerThanTheUsableRowsIsCutIntoChunks() {
    for (long bad : new long[] {-1, 256}) {
      for (boolean honest : new boolean[] {true, false}) {
        CircuitBuilder b = new CircuitBuilder();
        Column.Advice a = b.advice();
        Selector q = b.selector();
        b.lookup("bytes", q.expr(), List.of(CircuitBuilder.query(a)), new RangeTable(8));
        long[] values = {0, 121, 122, 243, 244, 255, 255, honest ? 7 : bad};
        b.region("values", r -> {
          for (int i = 0; i < values.length; i++) {
            r.assignAdvice(a, i, Fr.of(values[i]));
            r.enable(q, i);
          }
          return null;
        });
        Circuit c = b.build();
        assertEquals(6, c.description().k()); // 32 usable rows asked for: 2^6 − 6 = 58 usable, 5 chunks
        assertTrue(c.description().allGates().stream().anyMatch(g -> g.name().equals("lookup range(8): table chunk 4")));
        assertEquals(honest, MockProver.run(c).isSatisfied());
        assertEquals(honest, proveAndVerify(c, 12));
      }
    }
  }

  /** A degree-6 gate lets the argument batch several queries into one helper column. */
  static Circuit batched(long[][] values) {
    CircuitBuilder b = new CircuitBuilder();
    Column.Advice[] cols = new Column.Advice[values.length];
    Selector q = b.selector();
    Column.Advice cube = b.advice();
    // cube = x^5 on the first column, enabled nowhere: it only raises the circuit's degree to 6
    Selector never = b.selector();
    for (int c = 0; c < values.length; c++) {
      cols[c] = b.advice();
      b.lookup("column " + c, q.expr(), List.of(CircuitBuilder.query(cols[c])), new RangeTable(5));
    }
    Expression x = CircuitBuilder.query(cols[0]);
    b.gate("degree six", never.expr().mul(CircuitBuilder.query(cube).sub(x.mul(x).mul(x).mul(x).mul(x))));
    b.region("values", r -> {
      for (int i = 0; i < values[0].length; i++) {
        for (int c = 0; c < values.length; c++) {
          r.assignAdvice(cols[c], i, Fr.of(values[c][i]));
        }
        r.assignAdvice(cube, i, Fr.ZERO);
        r.enable(q, i);
      }
      return null;
    });
    return b.build();
  }

  @Test
  void queriesBatchedIntoOneHelperVerify() {
    long[][] ok = {{0, 1, 2, 31}, {31, 30, 3, 3}, {7, 7, 7, 7}, {16, 0, 1, 2}, {5, 6, 8, 9}};
    Circuit c = batched(ok);
    long helpers = c.description().allGates().stream().filter(g -> g.name().contains(": helper")).count();
    assertTrue(helpers < ok.length, helpers + " helpers for " + ok.length + " queries");
    assertTrue(c.description().allGates().stream().anyMatch(g -> g.name().contains("(column 0, column 1")));
    MockProver.run(c).assertSatisfied();
    assertTrue(proveAndVerify(c, 13));
    long[][] bad = {{0, 1, 2, 31}, {31, 30, 3, 3}, {7, 7, 32, 7}, {16, 0, 1, 2}, {5, 6, 8, 9}};
    Circuit d = batched(bad);
    List<Failure> f = MockProver.run(d).failures();
    assertEquals(1, f.size(), f.toString());
    assertEquals("column 2", ((Failure.LookupFailure) f.get(0)).lookup());
    assertFalse(proveAndVerify(d, 14));
  }
}
