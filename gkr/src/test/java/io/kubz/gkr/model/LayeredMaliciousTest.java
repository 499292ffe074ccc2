package io.kubz.gkr.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GKR.md "Tests that prove soundness" item 3: a prover that changes one value of its witness and
 * computes every later tensor and message consistently from it is rejected. Tensor ids refer to
 * {@link Models#mlp}: 2 and 5 rescales, 3 and 6 ReLU lookups, 7 a lookup into the other table,
 * 10 a max, 11 a product, 12 a rescale by 2^17 or more (a remainder of several limbs); outputs 10,
 * 11, 7, 12.
 */
class LayeredMaliciousTest {
  private final Models.Case c = Models.mlp(11);

  /** Proves with the hook and checks against the outputs the (malicious) prover published. */
  private boolean proveAndVerify(Models.Case k, LayeredProver.Hook hook) {
    LayeredProver.Output out = LayeredProver.prove(k.model(), k.inputs(), LayeredTest.PCS,
        LayeredTest.transcript(), hook);
    return LayeredVerifier.verify(k.model(), k.inputs(), out.outputs(), out.proof(), LayeredTest.PCS,
        LayeredTest.transcript());
  }

  /** Changes tensor t's entry i by delta, then recomputes every later tensor from it. */
  private static LayeredProver.Hook change(LayeredModel m, int t, int i, long delta) {
    return new LayeredProver.Hook() {
      @Override
      public void values(long[][] v) {
        v[t][i] += delta;
        Evaluator.rerun(m, v, t + 1);
      }
    };
  }

  /**
   * {@link #change}, and every lookup row the changed witness misses (a negative or too wide value)
   * counted against the nearest row of its table, so that every multiplicity still adds up.
   */
  private static LayeredProver.Hook compensated(LayeredModel m, int t, int i, long delta) {
    LayeredProver.Hook c = change(m, t, i, delta);
    return new LayeredProver.Hook() {
      @Override
      public void values(long[][] v) {
        c.values(v);
      }

      @Override
      public int[] missing(int table, long[] row, Witness w) {
        return new int[] {table, (int) Math.max(0, Math.min((1 << w.layout.limbBits) - 1, row[0]))};
      }
    };
  }

  @Test
  void anUnchangedWitnessThroughTheHookVerifies() {
    assertTrue(proveAndVerify(c, new LayeredProver.Hook() {}));
  }

  @Test
  void aChangedOutputEntryIsRejected() {
    assertFalse(proveAndVerify(c, change(c.model(), 11, 0, 1)), "a product output");
    assertFalse(proveAndVerify(c, change(c.model(), 10, 0, 1)), "a max output, differences 1 too big");
    assertFalse(proveAndVerify(c, change(c.model(), 7, 0, 1)), "a lookup output");
  }

  @Test
  void aMaxBelowItsLargestInputIsRejected() {
    // y − 1: the difference to the largest input is −1, outside [0, 2^diffBits)
    assertFalse(proveAndVerify(c, change(c.model(), 10, 0, -1)));
  }

  @Test
  void aChangedMatMulEntryInsideTheModelIsRejected() {
    Models.Case a = Models.attention(5);
    assertTrue(proveAndVerify(a, new LayeredProver.Hook() {}));
    // tensor 3 = q·k feeds a rescale; everything after it recomputed from the changed entry
    assertFalse(proveAndVerify(a, change(a.model(), 3, 0, 1 << 4)));
  }

  @Test
  void aRemainderOf2kWithOutMinusOneIsRejected() {
    // out − 1 and rem + 2^k keep in = 2^k·out + rem − 2^(k−1); rem's limb leaves [0, 2^k)
    assertFalse(proveAndVerify(c, change(c.model(), 2, 0, -1)));
    assertFalse(proveAndVerify(c, change(c.model(), 5, 0, -1)));
    assertFalse(proveAndVerify(c, change(c.model(), 12, 0, -1)), "a remainder of several limbs");
    assertFalse(proveAndVerify(c, change(c.model(), 12, 0, 1)), "a negative one");
  }

  @Test
  void aNegativeRemainderLimbIsRejected() {
    // out + 1 and rem − 2^k: the limb is negative, p − |x| in the field
    assertFalse(proveAndVerify(c, change(c.model(), 2, 0, 1)));
  }

  @Test
  void aMultiplicityShiftedToCompensateIsRejected() {
    LayeredProver.Hook shift = new LayeredProver.Hook() {
      @Override
      public void values(long[][] v) {
        v[2][0] -= 1;
        Evaluator.rerun(c.model(), v, 3);
      }

      @Override
      public int[] missing(int table, long[] row, Witness w) {
        // count the out-of-range limb against the nearest row, so every count still adds up
        int rows = 1 << w.layout.limbBits;
        return new int[] {table, (int) Math.max(0, Math.min(rows - 1, row[0]))};
      }
    };
    assertFalse(proveAndVerify(c, shift));
  }

  @Test
  void aLookupPaidByAnotherTableIsRejected() {
    Layout layout = new Layout(c.model());
    int relu = -1;
    for (int k = 0; k < layout.tables.size(); k++) {
      if (layout.tables.get(k).modelTable() == 0) {
        relu = k;
      }
    }
    int reluUse = relu;
    long[][] v = Evaluator.run(c.model(), c.inputs());
    long in = v[5][0];
    long wrong = Math.max(0, in); // relu(in), not half(in), unless in = 0
    long delta = wrong - v[7][0];
    if (delta == 0) {
      delta = 1; // in = 0: any other value is in no table, still paid by relu's row of 0
    }
    long d = delta;
    LayeredProver.Hook hook = new LayeredProver.Hook() {
      @Override
      public void values(long[][] x) {
        x[7][0] += d;
        Evaluator.rerun(c.model(), x, 8);
      }

      @Override
      public int[] missing(int table, long[] row, Witness w) {
        return new int[] {reluUse, (int) (row[0] + 32)};
      }
    };
    assertFalse(proveAndVerify(c, hook));
  }

  /** The first entry of tensor t of the honest run whose value satisfies the sign test, or −1. */
  private static int entry(Models.Case k, int t, java.util.function.LongPredicate test) {
    long[] v = Evaluator.run(k.model(), k.inputs())[t];
    for (int i = 0; i < v.length; i++) {
      if (test.test(v[i])) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void aReluAsTwoInputMaxRejectsEveryWrongBranch() {
    // tensor 4 = max(y, 0) with y = tensor 2; only d_0 + d_1 is range-checked (Layout), the product
    // sumcheck makes one of them zero
    for (long seed = 1; seed <= 3; seed++) {
      Models.Case k = Models.reluMax(seed);
      assertTrue(proveAndVerify(k, new LayeredProver.Hook() {}));
      int neg = entry(k, 2, y -> y < 0);
      int pos = entry(k, 2, y -> y > 0);
      long[] y = Evaluator.run(k.model(), k.inputs())[2];
      // y < 0 passed through (z = y): d_0 = 0, d_1 = y < 0, so the sum is negative
      assertFalse(proveAndVerify(k, compensated(k.model(), 4, neg, y[neg])), "relu(y) = y for y < 0");
      // y > 0 cut to 0: d_0 = −y < 0
      assertFalse(proveAndVerify(k, compensated(k.model(), 4, pos, -y[pos])), "relu(y) = 0 for y > 0");
      // one above the maximum: both differences positive, their product nonzero
      assertFalse(proveAndVerify(k, compensated(k.model(), 4, pos, 1)), "relu(y) + 1");
      // the pooled max(y_i, y_(i+1), 0) one below its largest input
      assertFalse(proveAndVerify(k, compensated(k.model(), 9, 0, -1)), "a pooled maximum − 1");
      assertFalse(proveAndVerify(k, compensated(k.model(), 9, 0, 1)), "a pooled maximum + 1");
    }
  }

  @Test
  void aReluInputOutsideItsRescaleRangeIsRejected() {
    // no table reads y any more: its rescale's own range blocks are what refuses y = 2^(6−1), and
    // the layout must give them (a lookup-free ReLU would otherwise accept any y)
    Models.Case k = Models.reluMax(2);
    Layout layout = new Layout(k.model());
    assertFalse(Layout.rangedByLookup(k.model(), 2, 6));
    assertNotEquals(-1, layout.rescaleOut[2].slots()[0]);
    assertFalse(proveAndVerify(k, compensated(k.model(), 2, 0, 32 - Evaluator.run(k.model(), k.inputs())[2][0])));
  }

  /** The small model with its ReLU lookup (6 entries in 8 slots) and rescale published too. */
  private static Models.Case paddedOutputs() {
    Models.Case s = Models.small(5);
    LayeredModel m = new LayeredModel(s.model().layers(), new int[] {4, 3, 2}, s.model().tables());
    return new Models.Case(m, s.inputs());
  }

  @Test
  void aValueInAPaddedSlotOfAPublishedTensorIsRejected() {
    Models.Case k = paddedOutputs();
    assertTrue(proveAndVerify(k, new LayeredProver.Hook() {}));
    Layout layout = new Layout(k.model());
    List<Integer> slots = new ArrayList<>();
    slots.add(layout.outSlot[3]);
    slots.add(layout.rescaleOut[2].slots()[0]);
    for (int s : slots) {
      assertNotEquals(-1, s);
      LayeredProver.Hook pad = new LayeredProver.Hook() {
        @Override
        public void wit(long[] wit, Layout l) {
          wit[(int) l.slotOffset[s] + 6] = 5; // entry 6 of 8 is a pad
        }
      };
      assertFalse(proveAndVerify(k, pad), "slot " + s);
    }
  }
}
