package io.kubz.gkr.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.gkr.logup.Segment;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The layout both sides derive: aligned disjoint slots and segments, limbs as the protocol needs. */
class LayoutTest {
  @Test
  void slotsAreAlignedDisjointAndInsideWit() {
    for (long seed = 0; seed < 20; seed++) {
      Layout l = new Layout(Models.mlp(seed).model());
      int m = l.slotLogs.size();
      long[][] spans = new long[m][];
      for (int s = 0; s < m; s++) {
        long size = 1L << l.slotLog(s);
        assertEquals(0, l.slotOffset[s] % size, "slot " + s + " is aligned");
        spans[s] = new long[] {l.slotOffset[s], l.slotOffset[s] + size};
        assertTrue(spans[s][1] <= l.witSize());
      }
      Arrays.sort(spans, (a, b) -> Long.compare(a[0], b[0]));
      for (int s = 1; s < m; s++) {
        assertTrue(spans[s][0] >= spans[s - 1][1], "slots do not overlap");
      }
      for (Layout.TableUse u : l.tables) {
        long end = 0;
        for (Segment g : u.segments()) {
          assertTrue(g.offset() >= end);
          end = g.offset() + (1L << g.logSize());
        }
        assertTrue(end <= 1L << u.logRows());
      }
    }
  }

  @Test
  void remaindersWiderThanALimbCommitEveryLimbButTheLowest() {
    // tensor 12 of the mlp rescales by 2^17 or more: wider than any limb width the layout picks
    Layout l = new Layout(Models.mlp(1).model());
    boolean multi = false;
    for (Layout.Limbed v : l.rescaleRem) {
      if (v != null) {
        assertEquals(-1, v.slots()[0], "the lowest limb of a remainder is derived");
        assertEquals(Layout.limbs(v.bits(), l.limbBits), v.slots().length);
        multi |= v.slots().length > 1;
      }
    }
    for (Layout.Limbed v : l.rescaleOut) {
      if (v != null) {
        assertTrue(Arrays.stream(v.slots()).allMatch(s -> s >= 0), "outputs commit every limb");
      }
    }
    assertTrue(multi, "limb bits " + l.limbBits);
  }
}
