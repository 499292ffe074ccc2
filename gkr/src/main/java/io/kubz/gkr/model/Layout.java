package io.kubz.gkr.model;

import io.kubz.field.Fr;
import io.kubz.gkr.logup.FunctionTable;
import io.kubz.gkr.logup.LookupShape;
import io.kubz.gkr.logup.RangeTable;
import io.kubz.gkr.logup.Segment;
import io.kubz.gkr.logup.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Everything prover and verifier derive from the model alone (see the package documentation): the
 * limb width w, the committed slots and their aligned places in Wit, and every table's column
 * blocks. Deterministic: the same model gives the same layout on both sides.
 */
final class Layout {
  /** The range table's tag; model table i has tag i + 2. */
  static final long RANGE_TAG = 1;

  /**
   * An integer split in w-bit limbs: value = Σ_j 2^(w·j)·limb_j − offset·mask, every limb in
   * [0, 2^w) except the top one, in [0, 2^topBits). slots[j] is limb j's Wit slot, or −1 for a
   * lowest limb that is not committed because the value itself is a linear function of claimed
   * tensors (a remainder, a max difference): then limb 0 = value − Σ_(j≥1) 2^(w·j)·limb_j.
   */
  record Limbed(int[] slots, int bits, long offset) {}

  /** coef·X for X a model tensor (its claim goes to the layer walk) or a Wit slot (a Wit claim). */
  record Part(int tensor, int slot, long coef) {}

  /**
   * A lookup column block: scale·(Σ parts + maskCoef·mask) over the block's tensor entries, mask
   * = [i &lt; size]. The prover sends every part's evaluation, the verifier combines them.
   */
  record Source(List<Part> parts, long maskCoef, long scale) {
    Source(Part p) {
      this(List.of(p), 0, 1);
    }

    Source scaled(long s) {
      return new Source(parts, maskCoef, s);
    }
  }

  /** A table with its lookups: segment b's column c is blocks.get(b)[c]. */
  record TableUse(Table table, int modelTable, int multSlot, int logRows, List<Segment> segments,
      List<Source[]> blocks) {
    LookupShape shape() {
      return new LookupShape(table, logRows, segments);
    }
  }

  final LayeredModel model;
  final int[] vars;
  final int limbBits;
  final List<Integer> slotLogs = new ArrayList<>();
  long[] slotOffset;
  int witVars = -1;
  final Limbed[] rescaleOut;
  final Limbed[] rescaleRem;
  final int[] outSlot;
  final Limbed[][] maxDiff;
  final List<TableUse> tables = new ArrayList<>();

  Layout(LayeredModel model) {
    this.model = model;
    int n = model.layers().size();
    vars = new int[n];
    for (int t = 0; t < n; t++) {
      vars[t] = log2(model.layers().get(t).size());
    }
    limbBits = chooseLimbBits(model, vars);
    rescaleOut = new Limbed[n];
    rescaleRem = new Limbed[n];
    outSlot = new int[n];
    Arrays.fill(outSlot, -1);
    maxDiff = new Limbed[n][];
    List<Source[]> blocks = new ArrayList<>();
    List<Integer> logs = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      Layer l = model.layers().get(t);
      int size = l.size();
      if (l instanceof Layer.Rescale r) {
        rescaleOut[t] = limbed(r.outBits(), 1L << (r.outBits() - 1), vars[t], true);
        rescaleRem[t] = limbed(r.shift(), 0, vars[t], false);
        if (!rangedByLookup(model, t, r.outBits())) {
          ranges(rescaleOut[t], null, t, blocks, logs, counts, true);
        }
        // rem = in + 2^(k−1) − 2^k·out
        Source rem = new Source(List.of(new Part(r.input(), -1, 1), new Part(t, -1, -(1L << r.shift()))),
            1L << (r.shift() - 1), 1);
        ranges(rescaleRem[t], rem, t, blocks, logs, counts, true);
      } else if (l instanceof Layer.Lookup) {
        outSlot[t] = slot(vars[t]);
      } else if (l instanceof Layer.Max mx) {
        outSlot[t] = slot(vars[t]);
        int[] in = mx.inputs();
        if (in.length == 2) {
          // d_0 + d_1 = 2y − x_0 − x_1: one difference is zero (the product sumcheck), so the sum is
          // the other one, and both are ≥ 0 iff the sum is: one range check instead of two
          maxDiff[t] = new Limbed[] {limbed(mx.diffBits(), 0, vars[t], false)};
          Source diff = new Source(List.of(new Part(t, -1, 2), new Part(in[0], -1, -1),
              new Part(in[1], -1, -1)), 0, 1);
          ranges(maxDiff[t][0], diff, t, blocks, logs, counts, false);
        } else {
          maxDiff[t] = new Limbed[in.length];
          for (int d = 0; d < in.length; d++) {
            maxDiff[t][d] = limbed(mx.diffBits(), 0, vars[t], false);
            // d = y − x_d
            Source diff = new Source(List.of(new Part(t, -1, 1), new Part(in[d], -1, -1)), 0, 1);
            ranges(maxDiff[t][d], diff, t, blocks, logs, counts, false);
          }
        }
      }
    }
    if (!blocks.isEmpty()) {
      addTable(new RangeTable(limbBits, Fr.of(RANGE_TAG)), -1, blocks, logs, counts);
    }
    for (int k = 0; k < model.tables().size(); k++) {
      List<Source[]> fb = new ArrayList<>();
      List<Integer> fl = new ArrayList<>();
      List<Integer> fc = new ArrayList<>();
      for (int t = 0; t < n; t++) {
        if (model.layers().get(t) instanceof Layer.Lookup lk && lk.table() == k) {
          fb.add(new Source[] {new Source(new Part(lk.input(), -1, 1)), new Source(new Part(t, -1, 1))});
          fl.add(vars[t]);
          fc.add(lk.size());
        }
      }
      if (!fb.isEmpty()) {
        TableDef d = model.tables().get(k);
        addTable(new FunctionTable(Fr.of(k + 2), d.inputs(), d.outputs()), k, fb, fl, fc);
      }
    }
    placeSlots();
  }

  /**
   * Whether a Lookup layer reads every entry of tensor t through a table whose inputs all lie in
   * [−2^(bits−1), 2^(bits−1)): then that lookup already proves t's range (a rescale feeding a ReLU
   * table), and the range blocks of t's limbs would prove it twice.
   */
  static boolean rangedByLookup(LayeredModel model, int t, int bits) {
    long lo = -(1L << (bits - 1));
    long hi = 1L << (bits - 1);
    for (Layer l : model.layers()) {
      if (l instanceof Layer.Lookup k && k.input() == t) {
        boolean inside = true;
        for (long x : model.tables().get(k.table()).inputs()) {
          inside &= x >= lo && x < hi;
        }
        if (inside) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The range blocks of a limbed value of tensor t: every limb in [0, 2^w), with {@code exactTop}
   * the top one in [0, 2^top) by a second block x·2^(w − top) (x and x·2^(w − top) both in [0, 2^w)
   * ⇔ x ∈ [0, 2^top)); an uncommitted limb 0 is whole − Σ_(j≥1) 2^(w·j)·limb_j. Without
   * {@code exactTop} the value is only proved to lie in [0, 2^(w·limbs)): enough for a max's
   * difference, whose check only has to exclude negative values (a field element p − |d|).
   */
  private void ranges(Limbed v, Source whole, int t, List<Source[]> blocks, List<Integer> logs,
      List<Integer> counts, boolean exactTop) {
    int top = topBits(v.bits());
    int last = v.slots().length - 1;
    for (int j = 0; j <= last; j++) {
      Source s;
      if (v.slots()[j] >= 0) {
        s = new Source(new Part(-1, v.slots()[j], 1));
      } else {
        List<Part> parts = new ArrayList<>(whole.parts());
        for (int i = 1; i <= last; i++) {
          parts.add(new Part(-1, v.slots()[i], -(1L << (limbBits * i))));
        }
        s = new Source(parts, whole.maskCoef(), 1);
      }
      int bits = j == last ? top : limbBits;
      blocks.add(new Source[] {s});
      logs.add(vars[t]);
      counts.add(model.layers().get(t).size());
      if (exactTop && bits < limbBits) {
        blocks.add(new Source[] {s.scaled(1L << (limbBits - bits))});
        logs.add(vars[t]);
        counts.add(model.layers().get(t).size());
      }
    }
  }

  static int log2(long size) {
    return size <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(size - 1);
  }

  private int slot(int logSize) {
    slotLogs.add(logSize);
    return slotLogs.size() - 1;
  }

  private Limbed limbed(int bits, long offset, int v, boolean commitLow) {
    int[] s = new int[limbs(bits, limbBits)];
    for (int j = 0; j < s.length; j++) {
      s[j] = j == 0 && !commitLow ? -1 : slot(v);
    }
    return new Limbed(s, bits, offset);
  }

  static int limbs(int bits, int w) {
    return (bits + w - 1) / w;
  }

  /** Bits of the top limb of a value of {@code bits} bits. */
  int topBits(int bits) {
    return bits - limbBits * (limbs(bits, limbBits) - 1);
  }

  /**
   * The w that minimises, first, the variables of Wit (the HyperKZG opening, the largest cost,
   * grows with 2^witVars), then a rough cost of the rest: Wit entries of limbs, range lookup rows
   * and the 2^w table rows.
   */
  static int chooseLimbBits(LayeredModel model, int[] vars) {
    long fixed = 0; // committed entries that do not depend on w: lookup and max outputs, tables
    for (int t = 0; t < vars.length; t++) {
      Layer l = model.layers().get(t);
      if (l instanceof Layer.Lookup || l instanceof Layer.Max) {
        fixed += 1L << vars[t];
      }
    }
    for (TableDef d : model.tables()) {
      fixed += 1L << log2(d.inputs().length);
    }
    int best = 8;
    long bestVars = Long.MAX_VALUE;
    long bestCost = Long.MAX_VALUE;
    for (int w = 2; w <= 16; w++) {
      long wit = 0;
      long rows = 0;
      for (int t = 0; t < vars.length; t++) {
        Layer l = model.layers().get(t);
        int[] widths = l instanceof Layer.Rescale r ? new int[] {r.outBits(), r.shift()}
            : l instanceof Layer.Max mx ? repeat(mx.diffBits(), mx.inputs().length == 2 ? 1 : mx.inputs().length)
            : new int[0];
        for (int i = 0; i < widths.length; i++) {
          int b = widths[i];
          int k = limbs(b, w);
          // a rescale's output commits every limb; a remainder or difference all but the lowest
          boolean all = l instanceof Layer.Rescale && i == 0;
          wit += (long) (all ? k : k - 1) << vars[t];
          boolean exactTop = l instanceof Layer.Rescale;
          rows += (long) (k + (exactTop && b % w != 0 ? 1 : 0)) << vars[t];
        }
      }
      if (rows == 0) {
        return 8;
      }
      long witVars = log2(fixed + wit + (1L << w));
      long cost = 3 * wit + rows + (4L << w);
      if (witVars < bestVars || (witVars == bestVars && cost < bestCost)) {
        bestVars = witVars;
        bestCost = cost;
        best = w;
      }
    }
    return best;
  }

  private static int[] repeat(int v, int n) {
    int[] a = new int[n];
    Arrays.fill(a, v);
    return a;
  }

  /** Blocks sorted by size (largest first, stable), so that consecutive offsets stay aligned. */
  private void addTable(Table table, int modelTable, List<Source[]> blocks, List<Integer> logs,
      List<Integer> counts) {
    Integer[] order = new Integer[blocks.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparing((Integer i) -> -logs.get(i)));
    List<Segment> segs = new ArrayList<>();
    List<Source[]> sorted = new ArrayList<>();
    long at = 0;
    for (int i : order) {
      segs.add(new Segment((int) at, logs.get(i), counts.get(i)));
      sorted.add(blocks.get(i));
      at += 1L << logs.get(i);
    }
    if (at > 1L << 30) {
      throw new io.kubz.field.BadInputException("table lookups of " + at + " rows: over 2^30");
    }
    int multSlot = slot(table.logSize());
    tables.add(new TableUse(table, modelTable, multSlot, log2(at), segs, sorted));
  }

  /** Aligned offsets, largest slots first; Wit has 2^witVars entries (−1: nothing committed). */
  private void placeSlots() {
    int m = slotLogs.size();
    slotOffset = new long[m];
    if (m == 0) {
      return;
    }
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparing((Integer i) -> -slotLogs.get(i)));
    long at = 0;
    for (int i : order) {
      slotOffset[i] = at;
      at += 1L << slotLogs.get(i);
    }
    witVars = log2(at);
    if (witVars > 30) {
      throw new io.kubz.field.BadInputException("a witness of " + at + " committed entries: over 2^30");
    }
  }

  int slotLog(int s) {
    return slotLogs.get(s);
  }

  /** The block index of slot s inside Wit (its offset over its size), for {@link io.kubz.gkr.opening.Claim#embed}. */
  long block(int s) {
    return slotOffset[s] >>> slotLogs.get(s);
  }

  int witSize() {
    return witVars < 0 ? 0 : 1 << witVars;
  }
}
