package io.kubz.slicer.layered;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubz.field.BadInputException;
import io.kubz.gkr.model.Evaluator;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The exact division of {@link Means} against the interpreter's ⌊(x + ⌊d/2⌋) / d⌋: for every x
 * (exhaustively for small widths, at the edges and at random for wide ones) the rescale either
 * refuses (its output is outside the checked width) or gives exactly the interpreter's quotient, and
 * it never refuses a quotient that fits the width.
 */
class LayeredMeansTest {
  private static long divRound(long x, long d) {
    return Math.floorDiv(x + d / 2, d);
  }

  /** Checks one x: sound (accepted ⇒ equal) and complete (fits ⇒ accepted). */
  private static void check(Means mn, int d, int ob, long x) {
    long lo = -(1L << (ob - 1));
    long hi = 1L << (ob - 1);
    long want = divRound(x, d);
    long q;
    try {
      long t = Math.addExact(Math.multiplyExact(mn.weight(d), x), mn.bias(d));
      q = Math.floorDiv(Math.addExact(t, 1L << (mn.k() - 1)), 1L << mn.k());
    } catch (ArithmeticException e) { // the evaluator's refusal of an overflow
      assertTrue(want < lo || want >= hi, "d=" + d + " x=" + x + " overflows");
      return;
    }
    boolean accepted = q >= lo && q < hi;
    if (accepted) {
      assertEquals(want, q, "d=" + d + " x=" + x + " k=" + mn.k());
    }
    if (want >= lo && want < hi) {
      assertTrue(accepted, "d=" + d + " x=" + x + " refused");
    }
  }

  private static int log2(int d) {
    return 32 - Integer.numberOfLeadingZeros(d - 1);
  }

  @Test
  void exhaustiveForSmallWidths() {
    for (int ob = 2; ob <= 5; ob++) {
      for (int d = 1; d <= 70; d++) {
        int nBits = ob + log2(d) + 1;
        Means mn = Means.of(new int[] {d}, ob, nBits, "test");
        long span = 4L << nBits; // far beyond the sound range on both sides
        for (long x = -span; x <= span; x++) {
          check(mn, d, ob, x);
        }
      }
    }
  }

  @Test
  void edgesAndRandomForWideWidths() {
    SplittableRandom rnd = new SplittableRandom(7);
    int[] ds = {1, 2, 3, 4, 5, 7, 9, 15, 16, 25, 49, 64, 100, 196, 255, 1000};
    for (int asked : new int[] {8, 16, 24, 32}) {
      for (int d : ds) {
        int logD = log2(d);
        Means mn = Means.fitted(new int[] {d}, asked, "test");
        int ob = mn.outBits();
        assertTrue(ob <= asked && ob >= Math.min(asked, 28 - 2 * logD), "d=" + d + ": " + ob + " bits");
        long edge = (long) d << (ob - 1);
        for (long c : new long[] {0, edge, -edge, 1L << (ob + logD + 1), -(1L << (ob + logD + 1))}) {
          for (long x = c - 3L * d; x <= c + 3L * d; x++) {
            check(mn, d, ob, x);
          }
        }
        for (int i = 0; i < 20000; i++) {
          check(mn, d, ob, rnd.nextLong(-(4L << (ob + logD)), 4L << (ob + logD)));
        }
      }
    }
  }

  /** Several counts share one shift (average pooling that excludes pads). */
  @Test
  void mixedCountsShareAShift() {
    int[] counts = {1, 2, 3, 4, 6, 9};
    Means mn = Means.of(counts, 6, 6 + 4 + 1, "test");
    for (int d : counts) {
      for (long x = -(1L << 12); x <= 1L << 12; x++) {
        check(mn, d, 6, x);
      }
    }
  }

  /** End to end through the evaluator: the layers Means appends compute the quotients. */
  @Test
  void loweredLayersEvaluateToTheQuotients() {
    LayerBuilder b = new LayerBuilder();
    long[] xs = {-100, -7, -5, -4, -1, 0, 1, 2, 4, 5, 6, 99};
    int x = b.input(xs.length, 128);
    int[][] windows = new int[xs.length][];
    int[] counts = new int[xs.length];
    long[] want = new long[xs.length];
    for (int o = 0; o < xs.length; o++) {
      windows[o] = new int[] {o};
      counts[o] = 3 + o % 4;
      want[o] = divRound(xs[o], counts[o]);
    }
    int y = Means.lower(b, x, windows, counts, 8, "test");
    long[][] v = Evaluator.run(b.build(new int[] {y}), new long[][] {xs});
    assertArrayEquals(want, v[y]);
  }

  @Test
  void anEmptyWindowCountIsRefused() {
    assertThrows(BadInputException.class, () -> Means.fitted(new int[] {3, 0}, 10, "AveragePool 'p'"));
  }
}
