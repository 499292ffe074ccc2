package io.kubz.plonkish.prover;

import io.kubz.field.Fr;
import io.kubz.field.Parallel;
import io.kubz.plonkish.ir.CircuitDescription;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.Expression;
import io.kubz.plonkish.ir.Gate;
import io.kubz.plonkish.ir.Query;
import io.kubz.poly.ntt.Domain;
import io.kubz.poly.ntt.Ntt;
import java.util.Arrays;

/**
 * The quotient h(X) = Σ_c y^c·C_c(X) / (X^n − 1) over all gate polynomials C_c, computed on the
 * extended coset g·H_N, N = 2^e·n with 2^e ≥ d − 1 (d the largest degree), so deg h &lt; N. The coset
 * is walked as its 2^e sub-cosets s_j·H, s_j = g·ω_N^j: on each, every column is evaluated with one
 * size-n NTT, a rotation by r is a shift by r positions, and X^n − 1 = s_j^n − 1 is a constant.
 * Only n-sized column evaluations live at once; h is assembled in the N-point array and brought
 * back to coefficients with one coset iNTT.
 */
public final class Quotient {
  private static final int CHUNK = 256;

  private Quotient() {}

  /** log2 of the extension factor for a circuit of degree d: smallest e with 2^e ≥ d − 1. */
  public static int extension(int degree) {
    int e = 0;
    while ((1 << e) < degree - 1) {
      e++;
    }
    return e;
  }

  /** The combined constraint Σ_c y^c·C_c, Horner-ordered: ((C_0·y + C_1)·y + …). */
  public static Expression combined(java.util.List<Gate> gates, Fr y) {
    Expression acc = null;
    for (Gate g : gates) {
      for (Expression p : g.polys()) {
        acc = acc == null ? p : new Expression.Sum(new Expression.Scaled(acc, y), p);
      }
    }
    return acc == null ? Expression.constant(0) : acc;
  }

  /** The domain polynomials some gate uses. */
  static java.util.Set<Expression.DomainPoly> domainPolys(CircuitDescription d) {
    java.util.Set<Expression.DomainPoly> used = java.util.EnumSet.noneOf(Expression.DomainPoly.class);
    Expression.Evaluator<Void> walk = new Expression.Evaluator<>() {
      @Override
      public Void constant(Fr value) {
        return null;
      }

      @Override
      public Void cell(Column column, int rotation) {
        return null;
      }

      @Override
      public Void challenge(int index) {
        return null;
      }

      @Override
      public Void domain(Expression.DomainPoly poly) {
        used.add(poly);
        return null;
      }

      @Override
      public Void sum(Void a, Void b) {
        return null;
      }

      @Override
      public Void product(Void a, Void b) {
        return null;
      }

      @Override
      public Void negated(Void a) {
        return null;
      }

      @Override
      public Void scaled(Void a, Fr factor) {
        return null;
      }
    };
    for (Gate g : d.allGates()) {
      g.polys().forEach(e -> e.evaluate(walk));
    }
    return used;
  }

  /**
   * Returns the N = 2^e·n coefficients of h.
   *
   * @param columns coefficient vectors (n elements) by source index: advice, then fixed, then
   *     instance, then the domain polynomials FIRST, LAST, BLIND (X is added here)
   */
  public static long[] compute(CircuitDescription d, long[][] columns, Fr[] challenges, Fr y) {
    int n = d.n();
    int e = extension(d.maxDegree());
    Domain small = PolyOps.domain(d.k());
    Domain big = PolyOps.domain(d.k() + e);
    int a = d.numAdvice();
    int f = d.numFixed();
    int ins = d.numInstance();
    int xSource = a + f + ins + 3;
    ExpressionProgram program = ExpressionProgram.compile(combined(d.allGates(), y),
        c -> c instanceof Column.Advice ? c.index() : c instanceof Column.Fixed ? a + c.index() : a + f + c.index(),
        p -> p == Expression.DomainPoly.X ? xSource : a + f + ins + p.ordinal() - 1, challenges, 1);
    boolean[] needed = new boolean[xSource + 1];
    for (Query q : d.queries()) {
      Column c = q.column();
      needed[c instanceof Column.Advice ? c.index() : c instanceof Column.Fixed ? a + c.index() : a + f + c.index()] = true;
    }
    for (Expression.DomainPoly p : domainPolys(d)) {
      needed[p == Expression.DomainPoly.X ? xSource : a + f + ins + p.ordinal() - 1] = true;
    }
    long[] h = new long[4 * big.size()];
    int stride = 1 << e;
    Fr omegaBig = big.omega();
    Fr g = big.cosetShift();
    long[][] sources = new long[xSource + 1][];
    for (int j = 0; j < stride; j++) {
      Fr s = g.mul(omegaBig.pow(j));
      long[] powers = Domain.powers(s, n); // shared by every column moved to s·H
      Parallel.forRange(0, xSource, 1, (from, to) -> {
        for (int i = from; i < to; i++) {
          sources[i] = needed[i] ? PolyOps.onCoset(columns[i], small, powers) : null;
        }
      });
      if (needed[xSource]) {
        long[] x = new long[8]; // the polynomial X
        Fr.setOne(x, 4);
        sources[xSource] = PolyOps.onCoset(x, small, s);
      }
      long[] zInv = new long[4];
      s.pow(n).sub(Fr.ONE).inverse().writeTo(zInv, 0);
      int jj = j;
      Parallel.forRange(0, n, CHUNK, (from, to) -> {
        long[][] regs = new long[Math.max(1, program.registers())][4 * CHUNK];
        long[] out = new long[4 * CHUNK];
        for (int lo = from; lo < to; lo += CHUNK) {
          int hi = Math.min(to, lo + CHUNK);
          program.evaluate(sources, n, lo, hi, regs, out);
          for (int i = lo; i < hi; i++) {
            // the sub-coset's point i is the big coset's point j + 2^e·i
            Fr.mul(h, 4 * (jj + stride * i), out, 4 * (i - lo), zInv, 0);
          }
        }
      });
      Arrays.fill(sources, null);
    }
    Ntt.radix2().cosetInverse(big, h);
    return h;
  }
}
