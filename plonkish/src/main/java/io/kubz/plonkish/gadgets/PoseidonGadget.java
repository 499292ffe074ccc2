package io.kubz.plonkish.gadgets;

import io.kubz.field.Fr;
import io.kubz.merkle.PoseidonParams;
import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.plonkish.builder.CircuitBuilder;
import io.kubz.plonkish.builder.RegionBuilder;
import io.kubz.plonkish.builder.Selector;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.Expression;
import java.util.ArrayList;
import java.util.List;

/**
 * circomlib's Poseidon (the merkle module's parameters) as a gadget: one row per round over t
 * advice columns holding the state, the round constants in t fixed columns, and two gates
 * <pre>
 *   full:    s_i(ω·X) = Σ_j M_ij·(s_j + c_j)^5
 *   partial: s_i(ω·X) = M_i0·(s_0 + c_0)^5 + Σ_{j≥1} M_ij·(s_j + c_j)
 * </pre>
 * under their selectors (degree 6), plus s_0 = 0 on the first row (circomlib's capacity cell).
 * Inputs are copied into the first row; the output is cell 0 of the last row.
 */
public final class PoseidonGadget {
  private final PoseidonParams params;
  private final Column.Advice[] state;
  private final Column.Fixed[] constants;
  private final Selector full;
  private final Selector partial;
  private final Selector first;

  private PoseidonGadget(PoseidonParams params, Column.Advice[] state, Column.Fixed[] constants, Selector full,
      Selector partial, Selector first) {
    this.params = params;
    this.state = state;
    this.constants = constants;
    this.full = full;
    this.partial = partial;
    this.first = first;
  }

  /** Allocates the columns and gates for hashing {@code arity} = 1..16 elements. */
  public static PoseidonGadget configure(CircuitBuilder b, int arity) {
    PoseidonParams p = PoseidonParams.of(arity + 1);
    int t = p.width();
    Column.Advice[] s = new Column.Advice[t];
    Column.Fixed[] c = new Column.Fixed[t];
    for (int i = 0; i < t; i++) {
      s[i] = b.advice();
      c[i] = b.fixed();
    }
    Selector full = b.selector();
    Selector partial = b.selector();
    Selector first = b.selector();
    List<Expression> fullPolys = new ArrayList<>();
    List<Expression> partialPolys = new ArrayList<>();
    for (int i = 0; i < t; i++) {
      Expression fullSum = Expression.constant(0);
      Expression partialSum = Expression.constant(0);
      for (int j = 0; j < t; j++) {
        Fr m = Fr.of(p.mds(i, j));
        Expression in = CircuitBuilder.query(s[j]).add(CircuitBuilder.query(c[j]));
        Expression sbox = pow5(in);
        fullSum = fullSum.add(sbox.scale(m));
        partialSum = partialSum.add((j == 0 ? sbox : in).scale(m));
      }
      Expression next = CircuitBuilder.query(s[i], 1);
      fullPolys.add(full.expr().mul(next.sub(fullSum)));
      partialPolys.add(partial.expr().mul(next.sub(partialSum)));
    }
    b.gate("poseidon full round", fullPolys.toArray(new Expression[0]));
    b.gate("poseidon partial round", partialPolys.toArray(new Expression[0]));
    b.gate("poseidon capacity", first.expr().mul(CircuitBuilder.query(s[0])));
    return new PoseidonGadget(p, s, c, full, partial, first);
  }

  private static Expression pow5(Expression x) {
    Expression x2 = x.mul(x);
    return x2.mul(x2).mul(x);
  }

  /** Hashes the given cells in a new region; returns the output cell. */
  public AssignedCell hash(CircuitBuilder b, AssignedCell... inputs) {
    int t = params.width();
    if (inputs.length != t - 1) {
      throw new IllegalArgumentException("this gadget hashes " + (t - 1) + " elements, got " + inputs.length);
    }
    return b.region("poseidon", r -> {
      Fr[] st = new Fr[t];
      st[0] = Fr.ZERO;
      r.assignAdvice(state[0], 0, Fr.ZERO);
      r.enable(first, 0);
      for (int i = 1; i < t; i++) {
        r.copyAdvice(inputs[i - 1], state[i], 0);
        st[i] = inputs[i - 1].value();
      }
      AssignedCell out = null;
      for (int round = 0; round < params.rounds(); round++) {
        st = round(r, round, st);
        for (int i = 0; i < t; i++) {
          AssignedCell cell = r.assignAdvice(state[i], round + 1, st[i]);
          if (i == 0) {
            out = cell;
          }
        }
      }
      return out;
    });
  }

  private Fr[] round(RegionBuilder r, int round, Fr[] st) {
    int t = params.width();
    boolean isPartial = params.isPartial(round);
    r.enable(isPartial ? partial : full, round);
    Fr[] after = new Fr[t];
    for (int j = 0; j < t; j++) {
      Fr c = Fr.of(params.roundConstant(round, j));
      r.assignFixed(constants[j], round, c);
      Fr v = st[j].add(c);
      after[j] = j == 0 || !isPartial ? v.square().square().mul(v) : v;
    }
    Fr[] next = new Fr[t];
    for (int i = 0; i < t; i++) {
      Fr acc = Fr.ZERO;
      for (int j = 0; j < t; j++) {
        acc = acc.add(Fr.of(params.mds(i, j)).mul(after[j]));
      }
      next[i] = acc;
    }
    return next;
  }
}
