package io.kubz.slicer.backend;

import io.kubz.gkr.model.Layer;
import io.kubz.gkr.model.LayeredModel;
import java.util.Arrays;

/** How many powers of tau a GKR proof of a layered model commits with, from the model alone. */
final class GkrWitnessSize {
  private GkrWitnessSize() {}

  /**
   * log2 of the powers of tau the committed witness Wit needs: the slots of {@code gkr/model}'s
   * layout (GKR.md "Witness"), each padded to a power of two and packed at aligned offsets. Rescale
   * outputs and remainders and max-pool differences are split in w-bit limbs, w chosen as the gkr
   * prover chooses it (a cost over w = 2..16); lookups and maxima commit their outputs; every table
   * used commits its multiplicities (2^w rows for the range table). This mirrors the prover's
   * package-private layout: if the two drift apart, proving fails with HyperKZG's "SRS too small".
   */
  public static int log2(LayeredModel m) {
    int n = m.layers().size();
    int[] vars = new int[n];
    for (int t = 0; t < n; t++) {
      vars[t] = ceilLog2(m.layers().get(t).size());
    }
    int w = limbBits(m, vars);
    long total = 0;
    boolean limbed = false;
    boolean[] used = new boolean[m.tables().size()];
    for (int t = 0; t < n; t++) {
      Layer l = m.layers().get(t);
      long slot = 1L << vars[t];
      if (l instanceof Layer.Rescale r) {
        total += slot * (limbs(r.outBits(), w) + limbs(r.shift(), w));
        limbed = true;
      } else if (l instanceof Layer.Lookup k) {
        total += slot;
        used[k.table()] = true;
      } else if (l instanceof Layer.Max mx) {
        total += slot * (1 + (long) mx.inputs().length * limbs(mx.diffBits(), w));
        limbed = true;
      }
    }
    if (limbed) {
      total += 1L << w;
    }
    for (int k = 0; k < used.length; k++) {
      if (used[k]) {
        total += 1L << ceilLog2(m.tables().get(k).inputs().length);
      }
    }
    return Math.max(1, ceilLog2(total));
  }

  /** The limb width the gkr prover picks: least 3·(limb entries) + (range lookup rows) + 4·2^w. */
  private static int limbBits(LayeredModel m, int[] vars) {
    int best = 8;
    long bestCost = Long.MAX_VALUE;
    for (int w = 2; w <= 16; w++) {
      long wit = 0;
      long rows = 0;
      for (int t = 0; t < vars.length; t++) {
        Layer l = m.layers().get(t);
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

  private static int limbs(int bits, int w) {
    return (bits + w - 1) / w;
  }

  private static int ceilLog2(long size) {
    return size <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(size - 1);
  }
}
