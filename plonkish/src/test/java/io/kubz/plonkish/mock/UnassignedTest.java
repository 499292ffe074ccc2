package io.kubz.plonkish.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.lookup.table.RangeTable;
import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.builder.CircuitBuilder;
import io.kubz.plonkish.builder.Selector;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.Expression;
import io.kubz.plonkish.ir.Witness;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cell-not-assigned check: a deliberately under-constrained circuit is named (gate or lookup,
 * region, column, row), and a cell that no enabled constraint depends on is not.
 */
class UnassignedTest {

  /** q·(c − a·b) = 0 and q2·(a(ω) − a − 1) = 0 over advice a, b, c. */
  private record Toy(CircuitBuilder cb, Column.Advice a, Column.Advice b, Column.Advice c, Selector q, Selector q2) {
    static Toy of() {
      CircuitBuilder cb = new CircuitBuilder().minK(4);
      Column.Advice a = cb.advice();
      Column.Advice b = cb.advice();
      Column.Advice c = cb.advice();
      Selector q = cb.selector();
      Selector q2 = cb.selector();
      Expression qa = CircuitBuilder.query(a);
      cb.gate("mul", q.expr().mul(CircuitBuilder.query(c).sub(qa.mul(CircuitBuilder.query(b)))));
      cb.gate("step", q2.expr().mul(CircuitBuilder.query(a, 1).sub(qa).sub(Expression.constant(1))));
      return new Toy(cb, a, b, c, q, q2);
    }
  }

  @Test
  void aFactorNeverAssignedIsNamed() {
    Toy t = Toy.of();
    // c = a·b with b left out: the honest trace holds b = 0 and c = 0, which the gate accepts
    t.cb().region("product", r -> {
      r.enable(t.q(), 3);
      r.assignAdvice(t.a(), 3, Fr.of(5));
      r.assignAdvice(t.c(), 3, Fr.ZERO);
      return null;
    });
    List<Failure> f = MockProver.run(t.cb().build()).failures();
    assertEquals(1, f.size(), f.toString());
    Failure.CellNotAssigned u = assertInstanceOf(Failure.CellNotAssigned.class, f.get(0));
    assertEquals("gate 'mul' (poly 0)", u.reader());
    assertEquals(t.b(), u.column());
    assertEquals(3, u.row());
    assertEquals(3, u.cellRow());
    assertEquals(List.of("product(row 3)"), u.regions());
    assertTrue(u.toString().contains("advice1@3") && u.toString().contains("never assigned"), u.toString());
  }

  @Test
  void aRotatedCellIsNamedAtItsOwnRow() {
    Toy t = Toy.of();
    t.cb().region("steps", r -> {
      r.enable(t.q2(), 0);
      r.enable(t.q2(), 1);
      r.assignAdvice(t.a(), 0, Fr.of(1));
      r.assignAdvice(t.a(), 1, Fr.of(2));
      return null; // a on row 2 is read by the step on row 1 but never assigned
    });
    List<Failure> f = MockProver.run(t.cb().build()).failures();
    Failure.CellNotAssigned u = (Failure.CellNotAssigned) f.stream()
        .filter(x -> x instanceof Failure.CellNotAssigned).findFirst().orElseThrow(() -> new AssertionError(f));
    assertEquals(1, u.row());
    assertEquals(2, u.cellRow());
    assertEquals(t.a(), u.column());
    assertEquals(List.of(), u.cellRegions());
  }

  @Test
  void cellsThatNoEnabledTermReadsAreNotReported() {
    CircuitBuilder cb = new CircuitBuilder();
    Column.Advice x0 = cb.advice();
    Column.Advice x1 = cb.advice();
    Column.Fixed w0 = cb.fixed();
    Column.Fixed w1 = cb.fixed();
    Column.Advice acc = cb.advice();
    Selector q = cb.selector();
    // q·(acc − x0·w0 − x1·w1): lane 1 unused (weight 0) on row 0, and the gate off on row 1
    cb.gate("mac", q.expr().mul(CircuitBuilder.query(acc)
        .sub(CircuitBuilder.query(x0).mul(CircuitBuilder.query(w0)))
        .sub(CircuitBuilder.query(x1).mul(CircuitBuilder.query(w1)))));
    cb.region("dot", r -> {
      r.enable(q, 0);
      r.assignAdvice(x0, 0, Fr.of(3));
      r.assignFixed(w0, 0, Fr.of(2));
      r.assignAdvice(acc, 0, Fr.of(6));
      r.assignAdvice(x0, 1, Fr.of(9)); // a value the gate never weighs
      return null;
    });
    MockProver.run(cb.build()).assertSatisfied();
  }

  @Test
  void aJointlyFreePairIsNamed() {
    // q·a·b = 0 with neither assigned: changing one alone at a = b = 0 changes nothing, but both
    // are free variables of the enabled gate
    CircuitBuilder cb = new CircuitBuilder();
    Column.Advice a = cb.advice();
    Column.Advice b = cb.advice();
    Selector q = cb.selector();
    cb.gate("zero product", q.expr().mul(CircuitBuilder.query(a)).mul(CircuitBuilder.query(b)));
    cb.region("r", r -> {
      r.enable(q, 0);
      return null;
    });
    List<Failure> f = MockProver.run(cb.build()).failures();
    assertEquals(2, f.size(), f.toString());
  }

  @Test
  void lookupsReportOnlyActiveRows() {
    CircuitBuilder cb = new CircuitBuilder();
    Column.Advice x = cb.advice();
    Column.Advice y = cb.advice();
    Column.Advice z = cb.advice();
    Selector q = cb.selector();
    cb.lookup("byte", q.expr(), List.of(CircuitBuilder.query(x)), new RangeTable(8));
    cb.lookup("everywhere", List.of(CircuitBuilder.query(y).add(CircuitBuilder.query(z))), new RangeTable(8));
    cb.region("r", r -> {
      r.enable(q, 0);
      r.enable(q, 1);
      r.assignAdvice(x, 0, Fr.of(7)); // x on row 1: looked up, never assigned
      r.assignAdvice(y, 0, Fr.of(1)); // z on row 0: read next to an assigned y
      return null;
    });
    Circuit c = cb.build();
    List<Failure> f = MockProver.run(c).unassignedFailures();
    assertEquals(2, f.size(), f.toString());
    Failure.CellNotAssigned fx = (Failure.CellNotAssigned) f.get(0);
    assertEquals("lookup 'byte'", fx.reader());
    assertEquals(x, fx.column());
    assertEquals(1, fx.cellRow());
    Failure.CellNotAssigned fz = (Failure.CellNotAssigned) f.get(1);
    assertEquals("lookup 'everywhere'", fz.reader());
    assertEquals(z, fz.column());
    assertEquals(0, fz.cellRow());
    // without the record of assigned cells, nothing is reported
    Witness w = c.witness();
    Circuit bare = new Circuit(c.description(), new Witness(w.instance(), w.advice(), w.fillers()));
    assertTrue(MockProver.run(bare).isSatisfied());
  }
}
