package io.kubz.plonkish.gadgets;

import io.kubz.field.Fr;
import io.kubz.merkle.PoseidonParams;
import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.plonkish.builder.CircuitBuilder;
import io.kubz.plonkish.builder.Selector;

/**
 * circomlib's Poseidon of {@code arity} inputs (the merkle module's parameters, width t = arity + 1)
 * as a gadget on the dense layout of {@link PoseidonRounds}: the inputs are copied into state cells
 * 1..t−1 of the first row, {@code first·s_0 = 0} fixes circomlib's capacity cell, and the output is
 * state cell 0 of the row after the permutation's R_F + R_P/R rows.
 */
public final class PoseidonGadget {
  private final PoseidonRounds perm;
  private final Selector first;

  private PoseidonGadget(PoseidonRounds perm, Selector first) {
    this.perm = perm;
    this.first = first;
  }

  /** Allocates the columns and gates for hashing {@code arity} = 1..16 elements. */
  public static PoseidonGadget configure(CircuitBuilder b, int arity) {
    int t = PoseidonParams.of(arity + 1).width();
    PoseidonRounds perm = PoseidonRounds.configure(b, t);
    Selector first = b.selector();
    b.gate("poseidon capacity", first.expr().mul(CircuitBuilder.query(perm.state(0))));
    return new PoseidonGadget(perm, first);
  }

  /** Rows one hash takes: the permutation's plus the output row. */
  public int rows() {
    return perm.rowsPerPermutation() + 1;
  }

  /** Hashes the given cells in a new region; returns the output cell. */
  public AssignedCell hash(CircuitBuilder b, AssignedCell... inputs) {
    int t = perm.width();
    if (inputs.length != t - 1) {
      throw new IllegalArgumentException("this gadget hashes " + (t - 1) + " elements, got " + inputs.length);
    }
    return b.region("poseidon", r -> {
      Fr[] st = new Fr[t];
      st[0] = Fr.ZERO;
      r.assignAdvice(perm.state(0), 0, Fr.ZERO);
      r.enable(first, 0);
      for (int i = 1; i < t; i++) {
        AssignedCell c = r.copyAdvice(inputs[i - 1], perm.state(i), 0);
        st[i] = c.value() == null ? Fr.ZERO : c.value();
      }
      Fr[] out = perm.permute(r, 0, st, null);
      return perm.assignState(r, perm.rowsPerPermutation(), out)[0];
    });
  }
}
