package io.kubz.plonkish.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kubz.field.Fr;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Expression#fold} (explicit stack) agrees with the recursive {@link Expression#evaluate}
 * on random trees, in value and in the order it visits children (a printing fold would show a
 * swap), and folds a chain far deeper than the call stack could.
 */
class ExpressionFoldTest {

  @Test
  void foldAgreesWithEvaluateOnRandomTrees() {
    Random rnd = new Random(77);
    for (int t = 0; t < 300; t++) {
      Expression e = random(rnd, 1 + rnd.nextInt(9));
      assertEquals(e.evaluate(new Values()), Expression.fold(e, new Values()), e.toString());
      assertEquals(e.evaluate(new Printer()), Expression.fold(e, new Printer()));
    }
  }

  @Test
  void foldWalksAMillionDeepChain() {
    Expression e = new Expression.Cell(new Column.Fixed(0), 0);
    Fr expected = Fr.of(5);
    for (int i = 0; i < 1_000_000; i++) {
      e = i % 2 == 0 ? e.neg() : e.add(Expression.constant(1));
      expected = i % 2 == 0 ? expected.neg() : expected.add(Fr.ONE);
    }
    assertEquals(expected, Expression.fold(e, new Values()));
  }

  static Expression random(Random rnd, int depth) {
    if (depth == 0 || rnd.nextInt(5) == 0) {
      return switch (rnd.nextInt(4)) {
        case 0 -> Expression.constant(rnd.nextInt(100) - 50);
        case 1 -> new Expression.Cell(new Column.Fixed(rnd.nextInt(3)), rnd.nextInt(3) - 1);
        case 2 -> new Expression.Challenge(rnd.nextInt(2), 0);
        default -> new Expression.Domain(Expression.DomainPoly.values()[rnd.nextInt(4)]);
      };
    }
    return switch (rnd.nextInt(4)) {
      case 0 -> random(rnd, depth - 1).add(random(rnd, depth - 1));
      case 1 -> random(rnd, depth - 1).mul(random(rnd, depth - 1));
      case 2 -> random(rnd, depth - 1).neg();
      default -> random(rnd, depth - 1).scale(Fr.of(rnd.nextInt(7) + 2));
    };
  }

  /** Cells c_i[r] = 5 + 3i + r, challenges 11 + i, domain polynomials 20 + ordinal. */
  static final class Values implements Expression.Evaluator<Fr> {
    @Override
    public Fr constant(Fr value) {
      return value;
    }

    @Override
    public Fr cell(Column column, int rotation) {
      return Fr.of(5 + 3L * column.index() + rotation);
    }

    @Override
    public Fr challenge(int index) {
      return Fr.of(11 + index);
    }

    @Override
    public Fr domain(Expression.DomainPoly poly) {
      return Fr.of(20 + poly.ordinal());
    }

    @Override
    public Fr sum(Fr a, Fr b) {
      return a.add(b);
    }

    @Override
    public Fr product(Fr a, Fr b) {
      return a.mul(b);
    }

    @Override
    public Fr negated(Fr a) {
      return a.neg();
    }

    @Override
    public Fr scaled(Fr a, Fr factor) {
      return a.mul(factor);
    }
  }

  /** A fully parenthesised print-out: any change in child order shows. */
  static final class Printer implements Expression.Evaluator<String> {
    @Override
    public String constant(Fr value) {
      return value.toString();
    }

    @Override
    public String cell(Column column, int rotation) {
      return column + "@" + rotation;
    }

    @Override
    public String challenge(int index) {
      return "ch" + index;
    }

    @Override
    public String domain(Expression.DomainPoly poly) {
      return poly.name();
    }

    @Override
    public String sum(String a, String b) {
      return "(" + a + "+" + b + ")";
    }

    @Override
    public String product(String a, String b) {
      return "(" + a + "*" + b + ")";
    }

    @Override
    public String negated(String a) {
      return "-(" + a + ")";
    }

    @Override
    public String scaled(String a, Fr factor) {
      return factor + "(" + a + ")";
    }
  }
}
