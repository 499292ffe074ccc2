package io.kubz.gkr.logup;

import io.kubz.field.Fr;
import io.kubz.field.Parallel;
import io.kubz.gkr.mle.Mle;
import io.kubz.poly.transcript.Transcript;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The leaves of one table's tower and their MLE in closed form. With s = max(logRows, logSize) the
 * tower has 2^(s+1) leaves; the top variable (s) selects the side:
 * lookups x &lt; 2^s: p = −[x &lt; count], q = α + tag + Σ_j β^j·col_j(x);
 * table k &lt; 2^s: p = m(k), q = α + tag + Σ_j β^j·T_j(k), (j = 1..w), columns, T and m read as zero
 * beyond their own 2^logRows or 2^logSize entries (there p = 0).
 */
final class Leaves {
  private Leaves() {}

  /** Absorbs the protocol label and every table's shape, then draws (α, β) in one round. */
  static Fr[] challenges(Transcript t, List<LookupShape> shapes) {
    t.absorbBytes("logup", ("kubz-logup-gkr-v1/" + shapes.size()).getBytes(StandardCharsets.US_ASCII));
    for (LookupShape s : shapes) {
      t.absorbBytes("logup-table", s.table().descriptor());
      t.absorbBytes("logup-shape", (s.logRows() + "/" + s.count()).getBytes(StandardCharsets.US_ASCII));
    }
    return t.challenges("logup-alpha-beta", 2);
  }

  /** p and q leaves (2^(s+1) entries each) of one table's tower. */
  static long[][] build(Lookup l, Fr alpha, Fr beta) {
    Table table = l.table();
    int w = table.width();
    int s = l.shape().half();
    int rows = 1 << l.logRows();
    int trows = 1 << table.logSize();
    int half = 1 << s;
    long[] p = new long[8 * half];
    long[] q = new long[8 * half];
    long[] base = new long[4];
    alpha.add(table.tag()).writeTo(base, 0);
    long[] betas = new long[4 * w];
    Fr b = beta;
    for (int j = 0; j < w; j++) {
      b.writeTo(betas, 4 * j);
      b = b.mul(beta);
    }
    long[][] tcols = new long[w][];
    for (int j = 0; j < w; j++) {
      tcols[j] = table.column(j);
    }
    long[] minusOne = new long[4];
    Fr.set(minusOne, 0, -1);
    Parallel.forRange(0, half, Mle.PARALLEL_MIN, (from, to) -> {
      long[] tmp = new long[4];
      for (int x = from; x < to; x++) {
        denominator(q, 4 * x, base, betas, l.columns(), x, x < rows, tmp);
        if (x < l.count()) {
          Fr.copy(p, 4 * x, minusOne, 0);
        }
        denominator(q, 4 * (half + x), base, betas, tcols, x, x < trows, tmp);
        if (x < trows) {
          Fr.copy(p, 4 * (half + x), l.multiplicities(), 4 * x);
        }
      }
    });
    return new long[][] {p, q};
  }

  /** q[qo] = base + Σ_j β^j·cols[j][x] (just base when the columns end before x). */
  private static void denominator(long[] q, int qo, long[] base, long[] betas, long[][] cols, int x,
      boolean inside, long[] tmp) {
    Fr.copy(q, qo, base, 0);
    if (!inside) {
      return;
    }
    for (int j = 0; j < cols.length; j++) {
      Fr.mul(tmp, 0, betas, 4 * j, cols[j], 4 * x);
      Fr.add(q, qo, q, qo, tmp, 0);
    }
  }

  /** Π_{from ≤ i &lt; to} (1 − z_i): the factor that zero-extends an MLE of `from` variables. */
  static Fr zeroExtension(long[] z, int from, int to) {
    Fr w = Fr.ONE;
    for (int i = from; i < to; i++) {
      w = w.mul(Fr.ONE.sub(Fr.readFrom(z, 4 * i)));
    }
    return w;
  }

  /**
   * The MLE of x ↦ [x &lt; count] over s variables at z: Σ over the set bits i of count of
   * (1 − z_i)·Π_{i &lt; k &lt; s} (z_k if bit k of count else 1 − z_k), and 1 when count = 2^s.
   */
  static Fr prefix(long[] z, int s, long count) {
    if (count >= 1L << s) {
      return Fr.ONE;
    }
    Fr sum = Fr.ZERO;
    Fr above = Fr.ONE; // Π over bits k > i of eq(z_k, bit k of count)
    for (int i = s - 1; i >= 0; i--) {
      Fr zi = Fr.readFrom(z, 4 * i);
      if (((count >> i) & 1) == 1) {
        sum = sum.add(above.mul(Fr.ONE.sub(zi)));
        above = above.mul(zi);
      } else {
        above = above.mul(Fr.ONE.sub(zi));
      }
    }
    return sum;
  }

  /**
   * (p̃(z), q̃(z)) of the leaves from the prover's column and multiplicity evaluations and the
   * table's closed form, z of s + 1 coordinates.
   */
  static Fr[] atPoint(LookupShape shape, long[] z, List<Fr> colEvals, Fr mEval, Fr alpha, Fr beta) {
    Table table = shape.table();
    int s = shape.half();
    int a = shape.logRows();
    int t = table.logSize();
    Fr[] tv = table.evaluate(z, 0);
    Fr sumL = Fr.ZERO;
    Fr sumT = Fr.ZERO;
    Fr b = beta;
    for (int j = 0; j < table.width(); j++) {
      sumL = sumL.add(b.mul(colEvals.get(j)));
      sumT = sumT.add(b.mul(tv[j]));
      b = b.mul(beta);
    }
    Fr base = alpha.add(table.tag());
    Fr extL = zeroExtension(z, a, s);
    Fr extT = zeroExtension(z, t, s);
    Fr pL = prefix(z, s, shape.count()).neg();
    Fr qL = base.add(extL.mul(sumL));
    Fr pT = extT.mul(mEval);
    Fr qT = base.add(extT.mul(sumT));
    Fr top = Fr.readFrom(z, 4 * s);
    Fr notTop = Fr.ONE.sub(top);
    return new Fr[] {notTop.mul(pL).add(top.mul(pT)), notTop.mul(qL).add(top.mul(qT))};
  }
}
