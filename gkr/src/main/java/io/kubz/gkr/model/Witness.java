package io.kubz.gkr.model;

import io.kubz.field.BadInputException;
import io.kubz.field.Fr;
import io.kubz.field.Parallel;
import io.kubz.gkr.logup.Lookup;
import io.kubz.gkr.logup.Segment;
import io.kubz.gkr.mle.Mle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The prover's witness: every tensor's values, the committed integers packed into Wit (limbs,
 * lookup and max outputs, multiplicities) and, on demand, every tensor's MLE table. Committed
 * tensors' tables are read back from Wit, so that what the prover claims is what it committed.
 */
final class Witness {
  final Layout layout;
  final long[][] values;
  final long[] wit;
  final long[] witFr;
  private final long[][] tables;
  final List<Lookup> lookups = new ArrayList<>();

  Witness(Layout layout, long[][] values, LayeredProver.Hook hook) {
    this.layout = layout;
    this.values = values;
    LayeredModel model = layout.model;
    wit = new long[layout.witSize()];
    int w = layout.limbBits;
    for (int t = 0; t < values.length; t++) {
      Layer l = model.layers().get(t);
      if (l instanceof Layer.Rescale r) {
        long[] in = values[r.input()];
        long[] out = values[t];
        long[] u = new long[out.length];
        long[] rem = new long[out.length];
        for (int i = 0; i < out.length; i++) {
          u[i] = Math.addExact(out[i], layout.rescaleOut[t].offset());
          // in + 2^(k−1) = 2^k·out + rem
          rem[i] = Math.subtractExact(Math.addExact(in[i], 1L << (r.shift() - 1)),
              Math.multiplyExact(out[i], 1L << r.shift()));
        }
        split(layout.rescaleOut[t], u, w);
        split(layout.rescaleRem[t], rem, w);
      } else if (l instanceof Layer.Lookup) {
        put(layout.outSlot[t], values[t]);
      } else if (l instanceof Layer.Max mx) {
        put(layout.outSlot[t], values[t]);
        int[] in = mx.inputs();
        for (int d = 0; d < layout.maxDiff[t].length; d++) {
          // one difference y − x_d each, or for two inputs their sum 2y − x_0 − x_1 (Layout)
          long[] diff = new long[values[t].length];
          for (int i = 0; i < diff.length; i++) {
            diff[i] = in.length == 2
                ? Math.subtractExact(Math.multiplyExact(2, values[t][i]), Math.addExact(values[in[0]][i], values[in[1]][i]))
                : Math.subtractExact(values[t][i], values[in[d]][i]);
          }
          split(layout.maxDiff[t][d], diff, w);
        }
      }
    }
    long[][] mult = multiplicities(hook);
    for (int k = 0; k < mult.length; k++) {
      put(layout.tables.get(k).multSlot(), mult[k]);
    }
    if (hook != null) {
      hook.wit(wit, layout);
    }
    witFr = new long[4 * wit.length];
    Parallel.forRange(0, wit.length, Mle.PARALLEL_MIN, (from, to) -> {
      for (int i = from; i < to; i++) {
        Fr.set(witFr, 4 * i, wit[i]);
      }
    });
    tables = new long[values.length][];
    for (int k = 0; k < layout.tables.size(); k++) {
      Layout.TableUse u = layout.tables.get(k);
      long[][] cols = new long[u.table().width()][];
      for (int c = 0; c < cols.length; c++) {
        cols[c] = column(u, c);
      }
      long[] m = new long[4 << u.table().logSize()];
      for (int i = 0; i < mult[k].length; i++) {
        Fr.set(m, 4 * i, mult[k][i]);
      }
      lookups.add(new Lookup(u.table(), cols, u.segments(), m));
    }
  }

  /** limb_j = bits [w·j, w·(j+1)) of x for j below the top limb, which keeps the rest (sign included). */
  private void split(Layout.Limbed v, long[] x, int w) {
    int n = v.slots().length;
    for (int j = 0; j < n; j++) {
      if (v.slots()[j] < 0) {
        continue; // limb 0 of a remainder or difference: derived, not committed
      }
      long at = layout.slotOffset[v.slots()[j]];
      for (int i = 0; i < x.length; i++) {
        long s = x[i] >> (w * j);
        wit[(int) at + i] = j == n - 1 ? s : s & ((1L << w) - 1);
      }
    }
  }

  private void put(int slot, long[] x) {
    System.arraycopy(x, 0, wit, (int) layout.slotOffset[slot], x.length);
  }

  /**
   * The integer at entry i (below the tensor's size, so mask = 1) of a column block, or null when it
   * overflows a long (then it is in no table).
   */
  private Long valueAt(Layout.Source s, int i) {
    try {
      long x = s.maskCoef();
      for (Layout.Part p : s.parts()) {
        long v = p.tensor() >= 0 ? values[p.tensor()][i] : wit[(int) layout.slotOffset[p.slot()] + i];
        x = Math.addExact(x, Math.multiplyExact(v, p.coef()));
      }
      return Math.multiplyExact(x, s.scale());
    } catch (ArithmeticException e) {
      return null;
    }
  }

  /** Per table, m[k] = how many used lookup rows equal table row k. */
  private long[][] multiplicities(LayeredProver.Hook hook) {
    List<Layout.TableUse> uses = layout.tables;
    long[][] m = new long[uses.size()][];
    List<Map<Long, Integer>> index = new ArrayList<>();
    for (int k = 0; k < uses.size(); k++) {
      m[k] = new long[1 << uses.get(k).table().logSize()];
      Map<Long, Integer> idx = new HashMap<>();
      if (uses.get(k).modelTable() >= 0) {
        long[] in = layout.model.tables().get(uses.get(k).modelTable()).inputs();
        for (int i = 0; i < in.length; i++) {
          idx.putIfAbsent(in[i], i);
        }
      }
      index.add(idx);
    }
    for (int k = 0; k < uses.size(); k++) {
      Layout.TableUse u = uses.get(k);
      for (int b = 0; b < u.segments().size(); b++) {
        Segment g = u.segments().get(b);
        Layout.Source[] src = u.blocks().get(b);
        long[] row = new long[src.length];
        for (int i = 0; i < g.count(); i++) {
          boolean fits = true;
          for (int c = 0; c < src.length; c++) {
            Long x = valueAt(src[c], i);
            fits &= x != null;
            row[c] = x == null ? Long.MIN_VALUE : x;
          }
          int r = fits ? rowOf(uses.get(k), index.get(k), row) : -1;
          if (r >= 0) {
            m[k][r]++;
            continue;
          }
          int[] to = hook == null ? null : hook.missing(k, row.clone(), this);
          if (hook == null) {
            throw new BadInputException("a looked-up value " + java.util.Arrays.toString(row)
                + " is not in table " + describe(u) + ": widen the table or the quantization range");
          }
          if (to != null) {
            m[to[0]][to[1]]++;
          }
        }
      }
    }
    return m;
  }

  /** The row of {@code row} in the table, or −1. */
  int rowOf(Layout.TableUse u, Map<Long, Integer> index, long[] row) {
    if (u.modelTable() < 0) {
      return row[0] >= 0 && row[0] < 1L << layout.limbBits ? (int) row[0] : -1;
    }
    Integer i = index.get(row[0]);
    TableDef d = layout.model.tables().get(u.modelTable());
    return i != null && d.outputs()[i] == row[1] ? i : -1;
  }

  private String describe(Layout.TableUse u) {
    return u.modelTable() < 0 ? "range [0, 2^" + layout.limbBits + ")"
        : layout.model.tables().get(u.modelTable()).id();
  }

  /** Column c of a table's lookups: block b holds its source's MLE table, pads included. */
  private long[] column(Layout.TableUse u, int c) {
    long[] col = new long[4 << u.logRows()];
    for (int b = 0; b < u.segments().size(); b++) {
      Segment g = u.segments().get(b);
      long[] block = sourceTable(u.blocks().get(b)[c], g.logSize(), g.count());
      System.arraycopy(block, 0, col, 4 * g.offset(), block.length);
    }
    return col;
  }

  /** scale·(Σ coef·X + maskCoef·mask) as a table of 2^vars entries. */
  long[] sourceTable(Layout.Source s, int vars, int count) {
    long[] tab = new long[4 << vars];
    long[] k = new long[4];
    long[] tmp = new long[4];
    for (Layout.Part p : s.parts()) {
      long[] x = p.tensor() >= 0 ? table(p.tensor()) : witFr;
      int off = p.tensor() >= 0 ? 0 : 4 * (int) layout.slotOffset[p.slot()];
      Fr.set(k, 0, p.coef());
      for (int i = 0; i < 1 << vars; i++) {
        Fr.mul(tmp, 0, x, off + 4 * i, k, 0);
        Fr.add(tab, 4 * i, tab, 4 * i, tmp, 0);
      }
    }
    Fr.set(k, 0, s.maskCoef());
    for (int i = 0; i < count; i++) {
      Fr.add(tab, 4 * i, tab, 4 * i, k, 0);
    }
    if (s.scale() != 1) {
      Fr.set(k, 0, s.scale());
      for (int i = 0; i < 1 << vars; i++) {
        Fr.mul(tab, 4 * i, tab, 4 * i, k, 0);
      }
    }
    return tab;
  }

  /** The 2^vars-entry MLE table of Wit slot s (a copy). */
  long[] slot(int s) {
    int at = 4 * (int) layout.slotOffset[s];
    return java.util.Arrays.copyOfRange(witFr, at, at + (4 << layout.slotLog(s)));
  }

  /**
   * Tensor t's MLE table: read from Wit for lookup and max outputs, Σ_j 2^(w·j)·limb_j − offset·mask
   * for rescale outputs, the values with zero pads otherwise.
   */
  synchronized long[] table(int t) {
    if (tables[t] != null) {
      return tables[t];
    }
    int v = layout.vars[t];
    long[] tab;
    if (layout.outSlot[t] >= 0) {
      tab = slot(layout.outSlot[t]);
    } else if (layout.rescaleOut[t] != null) {
      tab = limbedTable(layout.rescaleOut[t], v, values[t].length);
    } else {
      tab = new long[4 << v];
      for (int i = 0; i < values[t].length; i++) {
        Fr.set(tab, 4 * i, values[t][i]);
      }
    }
    tables[t] = tab;
    return tab;
  }

  /** Σ_j 2^(w·j)·limb_j − offset·[i &lt; size] as a table of 2^v entries. */
  long[] limbedTable(Layout.Limbed v, int vars, int size) {
    long[] tab = new long[4 << vars];
    long[] scale = new long[4];
    long[] tmp = new long[4];
    Fr.setOne(scale, 0);
    long[] step = new long[4];
    Fr.set(step, 0, 1L << layout.limbBits);
    for (int s : v.slots()) {
      int at = 4 * (int) layout.slotOffset[s];
      for (int i = 0; i < 1 << vars; i++) {
        Fr.mul(tmp, 0, witFr, at + 4 * i, scale, 0);
        Fr.add(tab, 4 * i, tab, 4 * i, tmp, 0);
      }
      Fr.mul(scale, 0, scale, 0, step, 0);
    }
    if (v.offset() != 0) {
      Fr.set(tmp, 0, v.offset());
      for (int i = 0; i < size; i++) {
        Fr.sub(tab, 4 * i, tab, 4 * i, tmp, 0);
      }
    }
    return tab;
  }

  /** Tensor t's MLE at a point. */
  Fr eval(int t, long[] point) {
    long[] z = new long[4];
    Mle.evaluate(z, 0, table(t), layout.vars[t], point, 0);
    return Fr.readFrom(z, 0);
  }

  /** Slot s's MLE at a point. */
  Fr evalSlot(int s, long[] point) {
    long[] z = new long[4];
    int v = layout.slotLog(s);
    if (v == 0) {
      return Fr.readFrom(witFr, 4 * (int) layout.slotOffset[s]);
    }
    Mle.evaluate(z, 0, slot(s), v, point, 0);
    return Fr.readFrom(z, 0);
  }
}
