package io.kubz.plonkish;

import io.kubz.field.Fr;
import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.plonkish.builder.Circuit;
import io.kubz.plonkish.builder.CircuitBuilder;
import io.kubz.plonkish.builder.Selector;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A random circuit with a random satisfying witness, and an oracle that re-checks a (possibly
 * corrupted) table with its own evaluator, independent of the MockProver's.
 *
 * <p>Gate g: s_g·(out_g − P_g) = 0 on rows 1..rows−2, where P_g is a random polynomial of degree ≤ 3
 * over input advice cells at rotations −1, 0, +1, fixed cells, constants and (for a phase-1 gate)
 * a challenge; out_g is computed from the inputs. Random copies join input cells, and the last
 * gate's output on row {@code rows/2} is copied to instance row 0.
 */
public final class RandomCircuit {
  /** Polynomial over cells, with an evaluator that does not go through {@link Expression}. */
  sealed interface P {
    record Const(Fr v) implements P {}

    record In(int col, int rot) implements P {}

    record Fix(int col) implements P {}

    record Ch() implements P {}

    record Add(P a, P b) implements P {}

    record Mul(P a, P b) implements P {}
  }

  public final int rows;
  public final int inputs;
  public final int fixedCols;
  public final List<P> polys = new ArrayList<>();
  public final boolean phase1;
  public final Fr[][] in;
  public final Fr[][] fix;
  public final int[][] copies; // {colA, rowA, colB, rowB} over input columns
  private final Random rnd;

  public RandomCircuit(long seed) {
    rnd = new Random(seed);
    rows = 6 + rnd.nextInt(20);
    inputs = 1 + rnd.nextInt(3);
    fixedCols = rnd.nextInt(3);
    int gates = 1 + rnd.nextInt(3);
    phase1 = rnd.nextInt(3) == 0;
    for (int g = 0; g < gates; g++) {
      polys.add(poly(3, phase1 && g == gates - 1));
    }
    in = new Fr[inputs][rows];
    fix = new Fr[fixedCols][rows];
    for (Fr[] c : in) {
      for (int r = 0; r < rows; r++) {
        c[r] = small();
      }
    }
    for (Fr[] c : fix) {
      for (int r = 0; r < rows; r++) {
        c[r] = small();
      }
    }
    // Copies: distinct target cells that are never sources, so the values stay consistent.
    int nc = rnd.nextInt(4);
    copies = new int[nc][];
    boolean[][] target = new boolean[inputs][rows];
    for (int i = 0; i < nc; i++) {
      int ca = rnd.nextInt(inputs);
      int ra = rnd.nextInt(rows);
      int cb = rnd.nextInt(inputs);
      int rb = rnd.nextInt(rows);
      if (target[ca][ra] || target[cb][rb] || (ca == cb && ra == rb) || sourceUsed(i, cb, rb)) {
        copies[i] = null;
        continue;
      }
      target[cb][rb] = true;
      in[cb][rb] = in[ca][ra];
      copies[i] = new int[] {ca, ra, cb, rb};
    }
  }

  private boolean sourceUsed(int upTo, int c, int r) {
    for (int i = 0; i < upTo; i++) {
      if (copies[i] != null && copies[i][0] == c && copies[i][1] == r) {
        return true;
      }
    }
    return false;
  }

  private Fr small() {
    return rnd.nextInt(4) == 0 ? Fr.of(rnd.nextInt(3) - 1) : Fr.random(rnd);
  }

  private P poly(int degree, boolean withChallenge) {
    if (withChallenge) {
      return new P.Add(new P.Mul(new P.Ch(), poly(degree - 1, false)), poly(degree - 1, false));
    }
    int pick = rnd.nextInt(degree <= 1 ? 3 : 5);
    switch (pick) {
      case 0:
        return new P.In(rnd.nextInt(inputs), rnd.nextInt(3) - 1);
      case 1:
        return fixedCols == 0 ? new P.Const(small()) : new P.Fix(rnd.nextInt(fixedCols));
      case 2:
        return new P.Const(small());
      case 3:
        return new P.Add(poly(degree, false), poly(degree, false));
      default:
        int d1 = 1 + rnd.nextInt(degree - 1);
        return new P.Mul(poly(d1, false), poly(degree - d1, false));
    }
  }

  Expression expr(P p, Column.Advice[] a, Column.Fixed[] f, Expression.Challenge ch) {
    if (p instanceof P.Const c) {
      return Expression.constant(c.v());
    } else if (p instanceof P.In i) {
      return CircuitBuilder.query(a[i.col()], i.rot());
    } else if (p instanceof P.Fix x) {
      return CircuitBuilder.query(f[x.col()], 0);
    } else if (p instanceof P.Ch) {
      return ch;
    } else if (p instanceof P.Add s) {
      return expr(s.a(), a, f, ch).add(expr(s.b(), a, f, ch));
    }
    P.Mul m = (P.Mul) p;
    return expr(m.a(), a, f, ch).mul(expr(m.b(), a, f, ch));
  }

  /** The oracle: P at {@code row} over the given input table. */
  public Fr eval(P p, Fr[][] table, int row, Fr challenge) {
    if (p instanceof P.Const c) {
      return c.v();
    } else if (p instanceof P.In i) {
      return table[i.col()][row + i.rot()];
    } else if (p instanceof P.Fix x) {
      return fix[x.col()][row];
    } else if (p instanceof P.Ch) {
      return challenge;
    } else if (p instanceof P.Add s) {
      return eval(s.a(), table, row, challenge).add(eval(s.b(), table, row, challenge));
    }
    P.Mul m = (P.Mul) p;
    return eval(m.a(), table, row, challenge).mul(eval(m.b(), table, row, challenge));
  }

  /** Cell coordinates of everything the circuit assigns: {kind (0 input, 1 out, 2 instance), col, row}. */
  public int outRow() {
    return rows / 2;
  }

  /**
   * Builds the circuit. {@code corrupt} = {kind, col, row} adds 1 to that cell after the witness is
   * computed (null for the honest witness): kind 0 an input cell, 1 an output cell, 2 the instance.
   */
  public Circuit build(int[] corrupt) {
    CircuitBuilder b = new CircuitBuilder();
    Column.Advice[] a = new Column.Advice[inputs];
    for (int i = 0; i < inputs; i++) {
      a[i] = b.advice();
    }
    Column.Fixed[] f = new Column.Fixed[fixedCols];
    for (int i = 0; i < fixedCols; i++) {
      f[i] = b.fixed();
    }
    Expression.Challenge ch = phase1 ? b.challenge(0) : null;
    Column.Advice[] out = new Column.Advice[polys.size()];
    Selector[] sel = new Selector[polys.size()];
    for (int g = 0; g < polys.size(); g++) {
      boolean late = phase1 && g == polys.size() - 1;
      out[g] = b.advice(late ? 1 : 0);
      sel[g] = b.selector();
      b.gate("gate" + g, sel[g].expr().mul(CircuitBuilder.query(out[g]).sub(expr(polys.get(g), a, f, ch))));
    }
    Column.Instance pub = b.instance();
    Fr[][] table = new Fr[inputs][];
    for (int i = 0; i < inputs; i++) {
      table[i] = in[i].clone();
    }
    boolean corruptIn = corrupt != null && corrupt[0] == 0;
    Fr[] pubValue = new Fr[1];
    AssignedCell[][] cells = new AssignedCell[inputs][rows];
    AssignedCell outCell = b.region("random", r -> {
      AssignedCell last = null;
      for (int row = 0; row < rows; row++) {
        for (int i = 0; i < inputs; i++) {
          Fr v = table[i][row];
          if (corruptIn && corrupt[1] == i && corrupt[2] == row) {
            v = v.add(Fr.ONE);
          }
          cells[i][row] = r.assignAdvice(a[i], row, v);
        }
        for (int i = 0; i < fixedCols; i++) {
          r.assignFixed(f[i], row, fix[i][row]);
        }
      }
      for (int g = 0; g < polys.size(); g++) {
        for (int row = 1; row < rows - 1; row++) {
          P p = polys.get(g);
          int gg = g;
          int rr = row;
          boolean bump = corrupt != null && corrupt[0] == 1 && corrupt[1] == g && corrupt[2] == row;
          r.enable(sel[g], row);
          AssignedCell c;
          if (out[g].phase() == 0) {
            Fr v = eval(p, table, row, null);
            c = r.assignAdvice(out[g], row, bump ? v.add(Fr.ONE) : v);
          } else {
            c = r.assignAdvice(out[g], row, chs -> {
              Fr v = eval(p, table, rr, chs[ch.index()]);
              return bump ? v.add(Fr.ONE) : v;
            });
          }
          if (gg == polys.size() - 1 && row == outRow()) {
            last = c;
          }
        }
      }
      return last;
    });
    for (int[] c : copies) {
      if (c != null) {
        b.copy(cells[c[0]][c[1]], cells[c[2]][c[3]]);
      }
    }
    if (out[polys.size() - 1].phase() == 0) {
      Fr v = eval(polys.get(polys.size() - 1), table, outRow(), null);
      pubValue[0] = corrupt != null && corrupt[0] == 2 ? v.add(Fr.ONE) : v;
      b.setInstance(pub, 0, pubValue[0]);
      b.constrainInstance(outCell, pub, 0);
    }
    return b.build();
  }

  /** Whether an input-cell corruption breaks anything, by the oracle (outputs are not recomputed). */
  public boolean inputCorruptionBreaks(int col, int row, Fr challenge) {
    Fr[][] bad = new Fr[inputs][];
    for (int i = 0; i < inputs; i++) {
      bad[i] = in[i].clone();
    }
    bad[col][row] = bad[col][row].add(Fr.ONE);
    for (int[] c : copies) {
      if (c != null && (c[0] == col && c[1] == row || c[2] == col && c[3] == row)) {
        return true;
      }
    }
    for (int g = 0; g < polys.size(); g++) {
      for (int r = Math.max(1, row - 1); r <= Math.min(rows - 2, row + 1); r++) {
        Fr ch = phase1 && g == polys.size() - 1 ? challenge : null;
        if (!eval(polys.get(g), bad, r, ch).equals(eval(polys.get(g), in, r, ch))) {
          return true;
        }
      }
    }
    return false;
  }
}
