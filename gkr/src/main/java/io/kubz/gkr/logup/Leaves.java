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
 * lookups x &lt; 2^s: p = −sel(x), q = α + tag + Σ_j β^j·col_j(x);
 * table k &lt; 2^s: p = m(k), q = α + tag + Σ_j β^j·T_j(k), (j = 1..w), columns, T and m read as zero
 * beyond their own 2^logRows or 2^logSize entries (there p = 0). sel(x) = 1 on the used rows (the
 * shape's segments), 0 elsewhere; its MLE is Σ_segments eq(block bits, z_high)·[x_low &lt; count]~.
 */
final class Leaves {
  private Leaves() {}

  /** Absorbs the protocol label and every table's shape, then draws (α, β) in one round. */
  static Fr[] challenges(Transcript t, List<LookupShape> shapes) {
    t.absorbBytes("logup", ("kubz-logup-gkr-v1/" + shapes.size()).getBytes(StandardCharsets.US_ASCII));
    for (LookupShape s : shapes) {
      t.absorbBytes("logup-table", s.table().descriptor());
      t.absorbBytes("logup-shape", shapeBytes(s));
    }
    return t.challenges("logup-alpha-beta", 2);
  }

  /** logRows/count for a prefix (the original encoding), else logRows and every segment. */
  private static byte[] shapeBytes(LookupShape s) {
    if (s.isPrefix()) {
      return (s.logRows() + "/" + s.used()).getBytes(StandardCharsets.US_ASCII);
    }
    StringBuilder b = new StringBuilder().append(s.logRows()).append("/segments");
    for (Segment g : s.segments()) {
      b.append('/').append(g.offset()).append(':').append(g.logSize()).append(':').append(g.count());
    }
    return b.toString().getBytes(StandardCharsets.US_ASCII);
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
    boolean[] used = l.shape().mask();
    Parallel.forRange(0, half, Mle.PARALLEL_MIN, (from, to) -> {
      long[] tmp = new long[4];
      for (int x = from; x < to; x++) {
        denominator(q, 4 * x, base, betas, l.columns(), x, x < rows, tmp);
        if (x < rows && used[x]) {
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

  /** [x &lt; count]~ over s variables at z ({@link Mle#prefix}). */
  static Fr prefix(long[] z, int s, long count) {
    return Mle.prefix(z, s, count);
  }

  /**
   * sel~(z) over s ≥ logRows variables: Σ_segments eq(offset bits, z[logSize..s))·[x &lt; count]~(z),
   * the bits of offset above logRows being 0 (the zero extension).
   */
  static Fr selector(LookupShape shape, long[] z, int s) {
    Fr sum = Fr.ZERO;
    for (Segment g : shape.segments()) {
      Fr w = prefix(z, g.logSize(), g.count());
      long block = (long) g.offset() >>> g.logSize();
      for (int i = g.logSize(); i < s; i++) {
        Fr zi = Fr.readFrom(z, 4 * i);
        w = w.mul(((block >>> (i - g.logSize())) & 1) == 1 ? zi : Fr.ONE.sub(zi));
      }
      sum = sum.add(w);
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
    Fr pL = selector(shape, z, s).neg();
    Fr qL = base.add(extL.mul(sumL));
    Fr pT = extT.mul(mEval);
    Fr qT = base.add(extT.mul(sumT));
    Fr top = Fr.readFrom(z, 4 * s);
    Fr notTop = Fr.ONE.sub(top);
    return new Fr[] {notTop.mul(pL).add(top.mul(pT)), notTop.mul(qL).add(top.mul(qT))};
  }
}
