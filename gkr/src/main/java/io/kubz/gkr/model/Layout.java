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
   * A committed integer split in w-bit limbs: value = Σ_j 2^(w·j)·limb_j − offset·mask, every limb
   * in [0, 2^w) except the top one, in [0, 2^topBits).
   */
  record Limbed(int[] slots, int bits, long offset) {}

  /**
   * One source of a lookup column block: a model tensor (its claim goes to the layer walk) or a Wit
   * slot (its claim is a Wit claim), times a constant scale.
   */
  record Source(int tensor, int slot, long scale) {}

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
    List<Limbed> limbed = new ArrayList<>();
    List<Integer> limbedTensor = new ArrayList<>();
    for (int t = 0; t < n; t++) {
      Layer l = model.layers().get(t);
      if (l instanceof Layer.Rescale r) {
        rescaleOut[t] = limbed(r.outBits(), 1L << (r.outBits() - 1), vars[t]);
        rescaleRem[t] = limbed(r.shift(), 0, vars[t]);
        limbed.add(rescaleOut[t]);
        limbed.add(rescaleRem[t]);
        limbedTensor.add(t);
        limbedTensor.add(t);
      } else if (l instanceof Layer.Lookup) {
        outSlot[t] = slot(vars[t]);
      } else if (l instanceof Layer.Max mx) {
        outSlot[t] = slot(vars[t]);
        maxDiff[t] = new Limbed[mx.inputs().length];
        for (int d = 0; d < maxDiff[t].length; d++) {
          maxDiff[t][d] = limbed(mx.diffBits(), 0, vars[t]);
          limbed.add(maxDiff[t][d]);
          limbedTensor.add(t);
        }
      }
    }
    if (!limbed.isEmpty()) {
      List<Source[]> blocks = new ArrayList<>();
      List<Integer> logs = new ArrayList<>();
      List<Integer> counts = new ArrayList<>();
      for (int i = 0; i < limbed.size(); i++) {
        Limbed v = limbed.get(i);
        int t = limbedTensor.get(i);
        int top = topBits(v.bits());
        for (int j = 0; j < v.slots().length; j++) {
          blocks.add(new Source[] {new Source(-1, v.slots()[j], 1)});
          logs.add(vars[t]);
          counts.add(model.layers().get(t).size());
          if (j == v.slots().length - 1 && top < limbBits) {
            // x and x·2^(w − top) both in [0, 2^w) ⇔ x ∈ [0, 2^top)
            blocks.add(new Source[] {new Source(-1, v.slots()[j], 1L << (limbBits - top))});
            logs.add(vars[t]);
            counts.add(model.layers().get(t).size());
          }
        }
      }
      addTable(new RangeTable(limbBits, Fr.of(RANGE_TAG)), -1, blocks, logs, counts);
    }
    for (int k = 0; k < model.tables().size(); k++) {
      List<Source[]> blocks = new ArrayList<>();
      List<Integer> logs = new ArrayList<>();
      List<Integer> counts = new ArrayList<>();
      for (int t = 0; t < n; t++) {
        if (model.layers().get(t) instanceof Layer.Lookup lk && lk.table() == k) {
          blocks.add(new Source[] {new Source(lk.input(), -1, 1), new Source(t, -1, 1)});
          logs.add(vars[t]);
          counts.add(lk.size());
        }
      }
      if (!blocks.isEmpty()) {
        TableDef d = model.tables().get(k);
        addTable(new FunctionTable(Fr.of(k + 2), d.inputs(), d.outputs()), k, blocks, logs, counts);
      }
    }
    placeSlots();
  }

  static int log2(long size) {
    return size <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(size - 1);
  }

  private int slot(int logSize) {
    slotLogs.add(logSize);
    return slotLogs.size() - 1;
  }

  private Limbed limbed(int bits, long offset, int v) {
    int[] s = new int[limbs(bits, limbBits)];
    for (int j = 0; j < s.length; j++) {
      s[j] = slot(v);
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
   * The w that minimises a rough prover cost: Wit entries of limbs (committed and opened), range
   * lookup rows, and the 2^w table rows (its multiplicities are committed too).
   */
  static int chooseLimbBits(LayeredModel model, int[] vars) {
    int best = 8;
    long bestCost = Long.MAX_VALUE;
    for (int w = 2; w <= 16; w++) {
      long wit = 0;
      long rows = 0;
      for (int t = 0; t < vars.length; t++) {
        Layer l = model.layers().get(t);
        int[] widths = l instanceof Layer.Rescale r ? new int[] {r.outBits(), r.shift()}
            : l instanceof Layer.Max mx ? repeat(mx.diffBits(), mx.inputs().length) : new int[0];
        for (int b : widths) {
          int k = limbs(b, w);
          wit += (long) k << vars[t];
          rows += (long) (k + (b % w == 0 ? 0 : 1)) << vars[t];
        }
      }
      if (wit == 0) {
        return 8;
      }
      long cost = 3 * wit + rows + (4L << w);
      if (cost < bestCost) {
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
