package io.kubz.plonkish.permutation;

import io.kubz.field.Fr;
import io.kubz.plonkish.ir.Argument;
import io.kubz.plonkish.ir.ArgumentContext;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.ColumnAllocator;
import io.kubz.plonkish.ir.CopyConstraint;
import io.kubz.plonkish.ir.Expression;
import io.kubz.plonkish.ir.Expression.DomainPoly;
import io.kubz.plonkish.ir.Gate;
import io.kubz.plonkish.ir.Trace;
import io.kubz.poly.ntt.Domain;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The copy-constraint argument of PLONK with halo2's chunking (see package-info): fixed columns
 * σ_j, grand products Z_c over chunks of columns, committed in the phase after the circuit's last
 * one, under challenges β, γ drawn when that last phase is committed.
 */
public final class PermutationArgument implements Argument {
  /** δ = g^(2^28) for the multiplicative generator g of Fr: an element of odd order T = (r−1)/2^28. */
  public static final Fr DELTA = Fr.of(Fr.GENERATOR).pow(BigInteger.ONE.shiftLeft(Fr.TWO_ADICITY));

  private final List<Column> columns;
  private final List<Column.Fixed> sigmas;
  private final List<Column.Advice> products;
  private final Expression.Challenge beta;
  private final Expression.Challenge gamma;
  private final int chunk;
  private final int n;
  private final int usable;
  private final List<CopyConstraint> copies;
  private final List<Gate> gates;

  private PermutationArgument(List<Column> columns, List<Column.Fixed> sigmas, List<Column.Advice> products,
      Expression.Challenge beta, Expression.Challenge gamma, int chunk, int n, int usable,
      List<CopyConstraint> copies, int blinding) {
    this.columns = columns;
    this.sigmas = sigmas;
    this.products = products;
    this.beta = beta;
    this.gamma = gamma;
    this.chunk = chunk;
    this.n = n;
    this.usable = usable;
    this.copies = copies;
    this.gates = buildGates(blinding);
  }

  /**
   * Allocates the argument's columns and challenges.
   *
   * @param columns the columns taking part in copy constraints (distinct, sorted)
   * @param ctx the circuit's shape; chunks hold max(1, max(d, 3) − 2) columns for its degree d
   */
  public static PermutationArgument configure(ColumnAllocator alloc, List<Column> columns, List<CopyConstraint> copies,
      ArgumentContext ctx) {
    int circuitDegree = ctx.circuitDegree();
    int k = ctx.k();
    int blinding = ctx.blinding();
    int chunk = Math.max(1, Math.max(circuitDegree, 3) - 2);
    int phase = ctx.lastCircuitPhase();
    Expression.Challenge beta = alloc.challenge(phase);
    Expression.Challenge gamma = alloc.challenge(phase);
    List<Column.Fixed> sigmas = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      sigmas.add(alloc.fixed());
    }
    List<Column.Advice> products = new ArrayList<>();
    for (int i = 0; i < columns.size(); i += chunk) {
      products.add(alloc.advice(phase + 1));
    }
    int n = 1 << k;
    return new PermutationArgument(List.copyOf(columns), sigmas, products, beta, gamma, chunk, n,
        n - blinding - 1, List.copyOf(copies), blinding);
  }

  /** Rebuilds a configured argument from its stored allocation (for proving keys read from bytes). */
  public static PermutationArgument restore(List<Column> columns, List<Column.Fixed> sigmas,
      List<Column.Advice> products, Expression.Challenge beta, Expression.Challenge gamma, int chunk, int k,
      int blinding, List<CopyConstraint> copies) {
    int n = 1 << k;
    return new PermutationArgument(List.copyOf(columns), List.copyOf(sigmas), List.copyOf(products), beta, gamma,
        chunk, n, n - blinding - 1, List.copyOf(copies), blinding);
  }

  public List<Column.Fixed> sigmas() {
    return sigmas;
  }

  public Expression.Challenge beta() {
    return beta;
  }

  public Expression.Challenge gamma() {
    return gamma;
  }

  public int chunk() {
    return chunk;
  }

  @Override
  public String name() {
    return "permutation";
  }

  @Override
  public List<Gate> gates() {
    return gates;
  }

  @Override
  public List<Column.Advice> columns() {
    return products;
  }

  public List<Column> permutedColumns() {
    return columns;
  }

  private List<Gate> buildGates(int blinding) {
    Expression first = new Expression.Domain(DomainPoly.FIRST);
    Expression last = new Expression.Domain(DomainPoly.LAST);
    Expression active = Expression.constant(1).sub(last).sub(new Expression.Domain(DomainPoly.BLIND));
    Expression x = new Expression.Domain(DomainPoly.X);
    List<Gate> out = new ArrayList<>();
    int chunks = products.size();
    Expression z0 = new Expression.Cell(products.get(0), 0);
    out.add(new Gate("permutation: Z_0 starts at 1", List.of(first.mul(Expression.constant(1).sub(z0)))));
    Expression zl = new Expression.Cell(products.get(chunks - 1), 0);
    out.add(new Gate("permutation: last Z ends in {0,1}", List.of(last.mul(zl.mul(zl).sub(zl)))));
    for (int c = 1; c < chunks; c++) {
      Expression zc = new Expression.Cell(products.get(c), 0);
      Expression prevEnd = new Expression.Cell(products.get(c - 1), -(blinding + 1));
      out.add(new Gate("permutation: Z_" + c + " continues Z_" + (c - 1), List.of(first.mul(zc.sub(prevEnd)))));
    }
    Fr delta = Fr.ONE;
    for (int c = 0; c < chunks; c++) {
      Expression left = new Expression.Cell(products.get(c), 1);
      Expression right = new Expression.Cell(products.get(c), 0);
      for (int j = c * chunk; j < Math.min(columns.size(), (c + 1) * chunk); j++) {
        Expression v = new Expression.Cell(columns.get(j), 0);
        Expression s = new Expression.Cell(sigmas.get(j), 0);
        left = left.mul(v.add(beta.mul(s)).add(gamma));
        right = right.mul(v.add(beta.mul(x.scale(delta))).add(gamma));
        delta = delta.mul(DELTA);
      }
      out.add(new Gate("permutation: Z_" + c + " grand product", List.of(active.mul(left.sub(right)))));
    }
    return List.copyOf(out);
  }

  @Override
  public void fillFixed(long[][] fixed) {
    Map<Column, Integer> index = new HashMap<>();
    for (int j = 0; j < columns.size(); j++) {
      index.put(columns.get(j), j);
    }
    int[] next = Cycles.build(columns.size(), n, index, copies);
    // id(j, r) = δ^j·ω^r, the label of cell (j, r); σ_j[r] = id(next(j, r)).
    long[] omegaPow = powers(n);
    long[] deltaPow = new long[4 * columns.size()];
    Fr d = Fr.ONE;
    for (int j = 0; j < columns.size(); j++) {
      d.writeTo(deltaPow, 4 * j);
      d = d.mul(DELTA);
    }
    for (int j = 0; j < columns.size(); j++) {
      long[] s = new long[4 * n];
      for (int r = 0; r < n; r++) {
        int t = next[j * n + r];
        Fr.mul(s, 4 * r, deltaPow, 4 * (t / n), omegaPow, 4 * (t % n));
      }
      fixed[sigmas.get(j).index()] = s;
    }
  }

  /** [1, ω, ω², …, ω^(n−1)] for the primitive n-th root ω. */
  static long[] powers(int n) {
    return Domain.powers(Domain.of(Integer.numberOfTrailingZeros(n)).omega(), n);
  }

  @Override
  public void fill(int phase, Trace trace, Fr[] challenges) {
    if (phase != products.get(0).phase()) {
      return;
    }
    long[] b = new long[4];
    long[] g = new long[4];
    challenges[beta.index()].writeTo(b, 0);
    challenges[gamma.index()].writeTo(g, 0);
    long[] omegaPow = powers(n);
    long[] num = new long[4 * usable];
    long[] den = new long[4 * usable];
    long[] t = new long[4];
    long[] bd = new long[4];
    Fr d = Fr.ONE;
    long[] carry = new long[4];
    Fr.setOne(carry, 0);
    for (int c = 0; c < products.size(); c++) {
      for (int r = 0; r < usable; r++) {
        Fr.setOne(num, 4 * r);
        Fr.setOne(den, 4 * r);
      }
      for (int j = c * chunk; j < Math.min(columns.size(), (c + 1) * chunk); j++) {
        long[] v = trace.column(columns.get(j));
        long[] s = trace.fixed()[sigmas.get(j).index()];
        d.writeTo(bd, 0);
        Fr.mul(bd, 0, bd, 0, b, 0); // β·δ^j
        for (int r = 0; r < usable; r++) {
          // num ← num·(v + β·δ^j·ω^r + γ); den ← den·(v + β·σ_j + γ)
          Fr.mul(t, 0, bd, 0, omegaPow, 4 * r);
          Fr.add(t, 0, t, 0, v, 4 * r);
          Fr.add(t, 0, t, 0, g, 0);
          Fr.mul(num, 4 * r, num, 4 * r, t, 0);
          Fr.mul(t, 0, b, 0, s, 4 * r);
          Fr.add(t, 0, t, 0, v, 4 * r);
          Fr.add(t, 0, t, 0, g, 0);
          Fr.mul(den, 4 * r, den, 4 * r, t, 0);
        }
        d = d.mul(DELTA);
      }
      Fr.batchInverse(den, 0, usable);
      long[] z = trace.advice()[products.get(c).index()];
      Fr.copy(z, 0, carry, 0);
      for (int r = 0; r < usable; r++) {
        Fr.mul(t, 0, num, 4 * r, den, 4 * r);
        Fr.mul(z, 4 * (r + 1), z, 4 * r, t, 0);
      }
      Fr.copy(carry, 0, z, 4 * usable);
    }
  }
}
