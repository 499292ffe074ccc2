package io.kubz.slicer.lower;

import io.kubz.field.Fr;
import io.kubz.merkle.PoseidonSponge;
import io.kubz.merkle.TensorCommitment;
import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.plonkish.builder.CircuitBuilder;
import io.kubz.plonkish.gadgets.PoseidonRounds;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.Expression;

/**
 * The merkle module's Poseidon sponge (width 5, rate 4) and {@link TensorCommitment} in-circuit, on
 * the dense permutation layout of {@link PoseidonRounds} (20 rows per permutation, gates of degree
 * ≤ 5). Block b is absorbed by the first full round of permutation b (its cells copied into the
 * extra columns of that row), so a sponge of ℓ elements takes 1 + 20·max(1, ⌈ℓ/4⌉) rows, the
 * last holding the output state. The first row's state is the IV, fixed by
 * <pre>
 *   init:  iv·(s_0 − iv) = 0,  iv·s_i = 0  (i = 1..4)
 * </pre>
 * with iv = ℓ·2^64 + D (never 0: D ≥ 1) in a fixed column that is 0 elsewhere, so no selector is
 * needed. Padding cells of the last block are copies of a constant-0 cell.
 */
final class Sponge {
  static final int T = PoseidonSponge.WIDTH;
  private final CircuitBuilder cb;
  private final Arith arith;
  private final PoseidonRounds perm;
  private final Column.Fixed iv;

  Sponge(CircuitBuilder cb, Arith arith) {
    this.cb = cb;
    this.arith = arith;
    this.perm = PoseidonRounds.configure(cb, T);
    this.iv = cb.fixed();
    Expression[] init = new Expression[T];
    Expression ivq = CircuitBuilder.query(iv);
    for (int i = 0; i < T; i++) {
      Expression s = CircuitBuilder.query(perm.state(i));
      init[i] = ivq.mul(i == 0 ? s.sub(ivq) : s);
    }
    cb.gate("sponge init", init);
  }

  /** Rows of one sponge over ℓ elements. */
  static long rows(long length) {
    long blocks = Math.max(1, (length + 3) / 4);
    return 1 + blocks * PoseidonRounds.rowsPerPermutation(T);
  }

  /** Rows of a tensor commitment to n values. */
  static long commitRows(long n) {
    if (n <= TensorCommitment.CHUNK) {
      return rows(n + 1);
    }
    long chunks = (n + TensorCommitment.CHUNK - 1) / TensorCommitment.CHUNK;
    long r = 0;
    for (long i = 0; i < chunks; i++) {
      r += rows(Math.min(TensorCommitment.CHUNK, n - i * TensorCommitment.CHUNK));
    }
    return r + rows(chunks + 1);
  }

  /** TensorCommitment(salt, values) over the given cells; returns the commitment cell. */
  AssignedCell commit(AssignedCell salt, AssignedCell[] values) {
    int n = values.length;
    if (n <= TensorCommitment.CHUNK) {
      AssignedCell[] all = new AssignedCell[n + 1];
      all[0] = salt;
      System.arraycopy(values, 0, all, 1, n);
      return hash(TensorCommitment.DOMAIN_TENSOR, all);
    }
    int chunks = (n + TensorCommitment.CHUNK - 1) / TensorCommitment.CHUNK;
    AssignedCell[] all = new AssignedCell[chunks + 1];
    all[0] = salt;
    for (int i = 0; i < chunks; i++) {
      int from = i * TensorCommitment.CHUNK;
      int len = Math.min(TensorCommitment.CHUNK, n - from);
      AssignedCell[] part = new AssignedCell[len];
      System.arraycopy(values, from, part, 0, len);
      all[i + 1] = hash(TensorCommitment.DOMAIN_CHUNK + i, part);
    }
    return hash(TensorCommitment.DOMAIN_COMBINE, all);
  }

  /** The sponge of the cells under {@code domain}; returns the output cell. */
  AssignedCell hash(long domain, AssignedCell[] in) {
    int len = in.length;
    int blocks = Math.max(1, (len + 3) / 4);
    AssignedCell zero = arith.constant(0);
    int rows = perm.rowsPerPermutation();
    return cb.region("sponge", r -> {
      Fr[] st = new Fr[T];
      st[0] = Fr.of(PoseidonSponge.iv(domain, len));
      for (int i = 1; i < T; i++) {
        st[i] = Fr.ZERO;
      }
      r.assignFixed(iv, 0, st[0]);
      perm.assignState(r, 0, st);
      for (int b = 0; b < blocks; b++) {
        AssignedCell[] block = new AssignedCell[T - 1];
        for (int i = 0; i < T - 1; i++) {
          int k = 4 * b + i;
          block[i] = k < len ? in[k] : zero;
        }
        st = perm.permute(r, b * rows, st, block);
        if (b + 1 < blocks) {
          perm.assignState(r, (b + 1) * rows, st);
        }
      }
      return perm.assignState(r, blocks * rows, st)[0];
    });
  }
}
