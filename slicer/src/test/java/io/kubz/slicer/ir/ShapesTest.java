package io.kubz.slicer.ir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kubz.field.BadInputException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Broadcasting against a naive multi-index oracle. */
class ShapesTest {

  @Property(tries = 200)
  void broadcastIndexMatchesNaive(@ForAll @IntRange(min = 1, max = 4) int a,
      @ForAll @IntRange(min = 1, max = 3) int b, @ForAll @IntRange(min = 1, max = 4) int c,
      @ForAll @IntRange(min = 0, max = 7) int mask, @ForAll @IntRange(min = 0, max = 2) int drop) {
    int[] out = {a, b, c};
    int[] full = {(mask & 1) != 0 ? 1 : a, (mask & 2) != 0 ? 1 : b, (mask & 4) != 0 ? 1 : c};
    int[] in = java.util.Arrays.copyOfRange(full, drop, 3);
    assertArrayEquals(out, Shapes.broadcast(in, out, "t"));
    int[] idx = Shapes.broadcastIndex(in, out);
    int k = 0;
    for (int i = 0; i < a; i++) {
      for (int j = 0; j < b; j++) {
        for (int l = 0; l < c; l++) {
          int[] pos = {i, j, l};
          int flat = 0;
          for (int d = drop; d < 3; d++) {
            flat = flat * full[d] + (full[d] == 1 ? 0 : pos[d]);
          }
          assertEquals(flat, idx[k++]);
        }
      }
    }
  }

  @Test
  void incompatibleShapesAreNamed() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> Shapes.broadcast(new int[] {2, 3}, new int[] {4, 3}, "Add 'a'"));
    assertEquals("Add 'a': shapes [2, 3] and [4, 3] do not broadcast", e.getMessage());
  }

  @Test
  void stridesAndSize() {
    assertArrayEquals(new int[] {12, 4, 1}, Shapes.strides(new int[] {2, 3, 4}));
    assertEquals(1, Shapes.size(new int[0]));
    assertEquals(2, Shapes.axis(-1, 3, "x"));
    assertThrows(BadInputException.class, () -> Shapes.axis(3, 3, "x"));
  }
}
