package io.kubz.plonkish.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.Fr;
import io.kubz.plonkish.ir.CircuitDescription;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.CopyConstraint;
import io.kubz.plonkish.ir.Expression;
import io.kubz.plonkish.ir.Region;
import java.util.List;
import org.junit.jupiter.api.Test;

class CircuitBuilderTest {

  @Test
  void regionsOnDisjointColumnsShareRowsAndOthersStack() {
    CircuitBuilder b = new CircuitBuilder();
    Column.Advice a = b.advice();
    Column.Advice c = b.advice();
    AssignedCell x = b.region("a1", r -> {
      r.assignAdvice(a, 0, Fr.ONE);
      return r.assignAdvice(a, 2, Fr.of(2));
    });
    AssignedCell y = b.region("c1", r -> r.assignAdvice(c, 1, Fr.of(2)));
    AssignedCell z = b.region("a2", r -> r.assignAdvice(a, 0, Fr.of(3)));
    b.copy(x, y);
    CircuitDescription d = b.build().description();
    assertEquals(List.of(new Region("a1", 0, 3), new Region("c1", 0, 2), new Region("a2", 3, 1)), d.regions());
    assertEquals(2, x.row());
    assertEquals(1, y.row());
    assertEquals(3, z.row());
    assertEquals(List.of(new CopyConstraint(a, 2, c, 1)), d.copies());
    assertTrue(d.usable() >= 4);
    assertEquals(1, d.arguments().size());
  }

  @Test
  void sizeGrowsWithRowsAndBlindingFollowsQueries() {
    CircuitBuilder b = new CircuitBuilder();
    Column.Advice a = b.advice();
    Selector s = b.selector();
    // a is read at four rotations: 4 + 2 blinding rows.
    b.gate("g", s.expr().mul(CircuitBuilder.query(a, -1).add(CircuitBuilder.query(a, 1))
        .sub(CircuitBuilder.query(a, 2)).sub(CircuitBuilder.query(a, 0))));
    b.region("r", r -> {
      for (int i = 0; i < 100; i++) {
        r.assignAdvice(a, i, Fr.of(i));
      }
      return null;
    });
    CircuitDescription d = b.build().description();
    assertEquals(6, d.blinding());
    assertEquals(7, d.k());
    assertEquals(121, d.usable());
    assertEquals(2, d.maxDegree());
  }

  @Test
  void expressionDegreeAndRendering() {
    Expression a = CircuitBuilder.query(new Column.Advice(0, 0), 1);
    Expression f = CircuitBuilder.query(new Column.Fixed(2));
    Expression e = a.mul(a).mul(f).sub(Expression.constant(5)).scale(Fr.of(2));
    assertEquals(3, e.degree());
    assertEquals("2·(advice0[+1]·advice0[+1]·fixed2 + -5)", e.toString());
    assertThrows(IllegalArgumentException.class, () -> new Column.Advice(-1, 0));
  }

  @Test
  void phaseZeroColumnRejectsLateAssignment() {
    CircuitBuilder b = new CircuitBuilder();
    Column.Advice a = b.advice();
    assertThrows(IllegalArgumentException.class, () -> b.region("r", r -> r.assignAdvice(a, 0, ch -> Fr.ONE)));
  }
}
