package io.kubz.gkr.logup;

import io.kubz.field.Fr;
import io.kubz.field.Parallel;
import io.kubz.gkr.mle.Mle;
import io.kubz.poly.transcript.Transcript;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The leaves of one table's two towers and their MLEs in closed form. The lookup tower has
 * 2^a leaves, a = max(logRows, 1): row x has p = −sel(x), q = α + tag + Σ_j β^j·col_j(x); the
 * table tower has 2^t leaves, t = max(logSize, 1): row k has p = m(k), q = α + tag + Σ_j β^j·T_j(k)
 * (j = 1..w); columns, T and m read as zero beyond their own 2^logRows or 2^logSize entries (there
 * p = 0). sel(x) = 1 on the used rows (the shape's segments), 0 elsewhere; its MLE is
 * Σ_segments eq(block bits, z_high)·[x_low &lt; count]~. Two towers instead of one of 2^(s+1)
 * leaves, s = max(a, t), where the smaller side was padded to the larger: a 2^19-row range check
 * into a 2^16-row table costs 2^19 + 2^16 leaves, not 2^20.
 */
final class Leaves {
  private Leaves() {}

  /** Absorbs the protocol label and every table's shape, then draws (α, β) in one round. */
  static Fr[] challenges(Transcript t, List<LookupShape> shapes) {
    t.absorbBytes("logup", ("kubz-logup-gkr-v2/" + shapes.size()).getBytes(StandardCharsets.US_ASCII));
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

  /** p and q leaves (2^a entries each) of one table's lookup tower. */
  static long[][] lookups(Lookup l, Fr alpha, Fr beta) {
    boolean[] used = l.shape().mask();
    long[] minusOne = new long[4];
    Fr.set(minusOne, 0, -1);
    return side(l.shape().lookupVars(), 1 << l.logRows(), l.columns(), alpha.add(l.table().tag()),
        beta, (x, p, po) -> {
          if (used[x]) {
            Fr.copy(p, po, minusOne, 0);
          }
        });
  }

  /** p and q leaves (2^t entries each) of one table's table tower: p is the multiplicities. */
  static long[][] table(Lookup l, Fr alpha, Fr beta) {
    Table table = l.table();
    long[][] tcols = new long[table.width()][];
    for (int j = 0; j < tcols.length; j++) {
      tcols[j] = table.column(j);
    }
    long[] m = l.multiplicities();
    return side(l.shape().tableVars(), 1 << table.logSize(), tcols, alpha.add(table.tag()), beta,
        (x, p, po) -> Fr.copy(p, po, m, 4 * x));
  }

  /** Sets p at row x (inside the columns' rows) of one side. */
  @FunctionalInterface
  private interface Numerator {
    void set(int x, long[] p, int po);
  }

  /** 2^vars leaves: q = base + Σ_j β^j·cols[j][x] for x &lt; rows (base beyond), p by {@code num} (0 beyond). */
  private static long[][] side(int vars, int rows, long[][] cols, Fr base, Fr beta, Numerator num) {
    int size = 1 << vars;
    long[] p = new long[4 * size];
    long[] q = new long[4 * size];
    long[] b0 = new long[4];
    base.writeTo(b0, 0);
    long[] betas = new long[4 * cols.length];
    Fr b = beta;
    for (int j = 0; j < cols.length; j++) {
      b.writeTo(betas, 4 * j);
      b = b.mul(beta);
    }
    Parallel.forRange(0, size, Mle.PARALLEL_MIN, (from, to) -> {
      long[] tmp = new long[4];
      for (int x = from; x < to; x++) {
        denominator(q, 4 * x, b0, betas, cols, x, x < rows, tmp);
        if (x < rows) {
          num.set(x, p, 4 * x);
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

  /** (p̃(z), q̃(z)) of the lookup tower's leaves from the prover's column evaluations, z of a coordinates. */
  static Fr[] lookupsAt(LookupShape shape, long[] z, List<Fr> colEvals, Fr alpha, Fr beta) {
    int a = shape.lookupVars();
    Fr ext = zeroExtension(z, shape.logRows(), a);
    return new Fr[] {selector(shape, z, a).neg(),
        alpha.add(shape.table().tag()).add(ext.mul(weighted(colEvals.toArray(Fr[]::new), beta)))};
  }

  /**
   * (p̃(z), q̃(z)) of the table tower's leaves from the prover's multiplicity evaluation and the
   * table's closed form, z of t coordinates.
   */
  static Fr[] tableAt(LookupShape shape, long[] z, Fr mEval, Fr alpha, Fr beta) {
    Table table = shape.table();
    Fr ext = zeroExtension(z, table.logSize(), shape.tableVars());
    return new Fr[] {ext.mul(mEval), alpha.add(table.tag()).add(ext.mul(weighted(table.evaluate(z, 0), beta)))};
  }

  /** Σ_{j=1..w} β^j·v_j, the columns' part of a denominator. */
  private static Fr weighted(Fr[] v, Fr beta) {
    Fr sum = Fr.ZERO;
    Fr b = beta;
    for (Fr x : v) {
      sum = sum.add(b.mul(x));
      b = b.mul(beta);
    }
    return sum;
  }
}
