package io.kubz.slicer.lower;

import io.kubz.field.Fr;
import io.kubz.merkle.PoseidonParams;
import io.kubz.merkle.PoseidonSponge;
import io.kubz.merkle.TensorCommitment;
import io.kubz.plonkish.builder.AssignedCell;
import io.kubz.plonkish.builder.CircuitBuilder;
import io.kubz.plonkish.builder.RegionBuilder;
import io.kubz.plonkish.builder.Selector;
import io.kubz.plonkish.ir.Column;
import io.kubz.plonkish.ir.Expression;
import java.util.ArrayList;
import java.util.List;

/**
 * The merkle module's Poseidon sponge (width 5, rate 4) and {@link TensorCommitment} in-circuit.
 * State s_0..s_4 in advice, round constants c_0..c_4 in fixed columns, one row per round:
 * <pre>
 *   full:    s_i(ω·X) = Σ_j M_ij·(s_j + c_j)^5
 *   partial: s_i(ω·X) = M_i0·(s_0 + c_0)^5 + Σ_{j≥1} M_ij·(s_j + c_j)
 *   absorb:  s_0(ω·X) = s_0,  s_i(ω·X) = s_i + x_i  (i = 1..4, the block in advice x_1..x_4)
 *   init:    s_0 = c_0 (the IV ℓ·2^64 + D),  s_i = 0
 * </pre>
 * A sponge of ℓ elements takes 1 + 69·max(1, ⌈ℓ/4⌉) rows: per block an absorb row and 68 rounds.
 * Padding cells of the last block are copies of a constant-0 cell.
 */
final class Sponge {
  static final int T = PoseidonSponge.WIDTH;
  private final CircuitBuilder cb;
  private final Arith arith;
  private final PoseidonParams params = PoseidonParams.of(T);
  private final Column.Advice[] s = new Column.Advice[T];
  private final Column.Advice[] x = new Column.Advice[T - 1];
  private final Column.Fixed[] c = new Column.Fixed[T];
  private final Selector full;
  private final Selector partial;
  private final Selector absorb;
  private final Selector init;
  private final Fr[][] mds = new Fr[T][T];
  private final Fr[][] rc;

  Sponge(CircuitBuilder cb, Arith arith) {
    this.cb = cb;
    this.arith = arith;
    for (int i = 0; i < T; i++) {
      s[i] = cb.advice();
      c[i] = cb.fixed();
      for (int j = 0; j < T; j++) {
        mds[i][j] = Fr.of(params.mds(i, j));
      }
    }
    for (int i = 0; i < T - 1; i++) {
      x[i] = cb.advice();
    }
    rc = new Fr[params.rounds()][T];
    for (int r = 0; r < params.rounds(); r++) {
      for (int j = 0; j < T; j++) {
        rc[r][j] = Fr.of(params.roundConstant(r, j));
      }
    }
    full = cb.selector();
    partial = cb.selector();
    absorb = cb.selector();
    init = cb.selector();
    List<Expression> fullPolys = new ArrayList<>();
    List<Expression> partialPolys = new ArrayList<>();
    List<Expression> absorbPolys = new ArrayList<>();
    List<Expression> initPolys = new ArrayList<>();
    for (int i = 0; i < T; i++) {
      Expression fullSum = Expression.constant(0);
      Expression partialSum = Expression.constant(0);
      for (int j = 0; j < T; j++) {
        Expression in = CircuitBuilder.query(s[j]).add(CircuitBuilder.query(c[j]));
        Expression in2 = in.mul(in);
        Expression sbox = in2.mul(in2).mul(in);
        fullSum = fullSum.add(sbox.scale(mds[i][j]));
        partialSum = partialSum.add((j == 0 ? sbox : in).scale(mds[i][j]));
      }
      Expression next = CircuitBuilder.query(s[i], 1);
      fullPolys.add(full.expr().mul(next.sub(fullSum)));
      partialPolys.add(partial.expr().mul(next.sub(partialSum)));
      Expression cur = CircuitBuilder.query(s[i]);
      absorbPolys.add(absorb.expr().mul(next.sub(i == 0 ? cur : cur.add(CircuitBuilder.query(x[i - 1])))));
      initPolys.add(init.expr().mul(i == 0 ? cur.sub(CircuitBuilder.query(c[0])) : cur));
    }
    cb.gate("sponge full round", fullPolys.toArray(new Expression[0]));
    cb.gate("sponge partial round", partialPolys.toArray(new Expression[0]));
    cb.gate("sponge absorb", absorbPolys.toArray(new Expression[0]));
    cb.gate("sponge init", initPolys.toArray(new Expression[0]));
  }

  /** Rows of one sponge over ℓ elements. */
  static long rows(long length) {
    long blocks = Math.max(1, (length + 3) / 4);
    return 1 + blocks * (1 + PoseidonParams.of(T).rounds());
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
    return cb.region("sponge", r -> {
      Fr[] st = new Fr[T];
      st[0] = Fr.of(PoseidonSponge.iv(domain, len));
      for (int i = 1; i < T; i++) {
        st[i] = Fr.ZERO;
      }
      r.enable(init, 0);
      r.assignFixed(c[0], 0, st[0]);
      int row = 0;
      AssignedCell out = null;
      for (int b = 0; b < blocks; b++) {
        for (int i = 0; i < T; i++) {
          AssignedCell cell = r.assignAdvice(s[i], row, st[i]);
          if (i == 0) {
            out = cell;
          }
        }
        r.enable(absorb, row);
        for (int i = 0; i < T - 1; i++) {
          int k = 4 * b + i;
          AssignedCell src = k < len ? in[k] : zero;
          AssignedCell xc = r.copyAdvice(src, x[i], row);
          st[i + 1] = st[i + 1].add(valueOf(xc));
        }
        row++;
        for (int round = 0; round < params.rounds(); round++) {
          for (int i = 0; i < T; i++) {
            r.assignAdvice(s[i], row, st[i]);
          }
          st = round(r, row, round, st);
          row++;
        }
      }
      for (int i = 0; i < T; i++) {
        AssignedCell cell = r.assignAdvice(s[i], row, st[i]);
        if (i == 0) {
          out = cell;
        }
      }
      return out;
    });
  }

  private static Fr valueOf(AssignedCell cell) {
    return cell.value() == null ? Fr.ZERO : cell.value();
  }

  private Fr[] round(RegionBuilder r, int row, int round, Fr[] st) {
    boolean isPartial = params.isPartial(round);
    r.enable(isPartial ? partial : full, row);
    Fr[] after = new Fr[T];
    for (int j = 0; j < T; j++) {
      r.assignFixed(c[j], row, rc[round][j]);
      Fr v = st[j].add(rc[round][j]);
      after[j] = j == 0 || !isPartial ? v.square().square().mul(v) : v;
    }
    Fr[] next = new Fr[T];
    for (int i = 0; i < T; i++) {
      Fr acc = Fr.ZERO;
      for (int j = 0; j < T; j++) {
        acc = acc.add(mds[i][j].mul(after[j]));
      }
      next[i] = acc;
    }
    return next;
  }
}
