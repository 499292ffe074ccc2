package io.kubz.slicer.layered;

import io.kubz.field.BadInputException;
import io.kubz.gkr.model.SparseMatrix;
import java.math.BigInteger;

/**
 * Division of window sums by their counts, y = ⌊(x + ⌊d/2⌋) / d⌋ (the interpreter's mean), with
 * only a linear layer and a rescale, as a multiplication by a fixed-point reciprocal.
 *
 * <p>For n = x + ⌊d/2⌋ write n = q·d + r, 0 ≤ r &lt; d. Take m = ⌈2^k/d⌉, e = m·d − 2^k ∈ [0, d), and
 * an offset c. Then (m·n + c)·d = q·d·2^k + (r·2^k + n·e + c·d), so ⌊(m·n + c) / 2^k⌋ = q exactly when
 * 0 ≤ r·2^k + n·e + c·d &lt; d·2^k for every r; for |n| &lt; 2^N this holds for all r when
 * c = ⌈(2^N − 1)·e / d⌉ and c·d + (2^N − 1)·e &lt; 2^k, which {@link #of} checks exactly with integers
 * (for d = 2^j it holds at k = j with m = 1, e = c = 0: the plain rescale). The linear layer computes
 * t = m·x + m·⌊d/2⌋ + c − 2^(k−1), and {@link io.kubz.gkr.model.Layer.Rescale} by k gives
 * ⌊(m·n + c) / 2^k⌋.
 *
 * <p>Soundness does not rest on an assumed bound for n: the rescale's range check bounds its output
 * to [−2^(b−1), 2^(b−1)), and N = b + ⌈log₂ d⌉ + 1 makes any |n| ≥ 2^N land outside it
 * (m/2^k ≥ 1/d and c/2^k &lt; 1/d give |⌊(m·n + c)/2^k⌋| ≥ 2^(b−1) + 1 there). So whenever the model
 * accepts, |n| &lt; 2^N and the quotient is the interpreter's.
 *
 * <p>The evaluator computes in longs: {@link #fitted} narrows the output width until m·n stays below
 * 2^62 for every |n| &lt; 2^N, so an accepted value never overflows (a value far outside the width may
 * overflow, an {@link ArithmeticException}: a refusal too).
 *
 * @param k the rescale shift
 * @param outBits the signed width the quotient is checked to
 * @param m the multiplier of each distinct count (index by count)
 * @param c the offset of each count
 */
record Means(int k, int outBits, long[] m, long[] c) {

  /**
   * The widest output width ≤ {@code outBits} whose division stays within longs for every accepted
   * value, with its smallest shift.
   */
  static Means fitted(int[] counts, int outBits, String what) {
    int dMax = 1;
    for (int d : counts) {
      dMax = Math.max(dMax, d);
    }
    int logD = 32 - Integer.numberOfLeadingZeros(dMax - 1);
    for (int ob = Math.min(outBits, LayerBuilder.MAX_BITS - 2 * logD - 3); ob >= 2; ob--) {
      Means mn = of(counts, ob, ob + logD + 1, what);
      BigInteger limit = BigInteger.ONE.shiftLeft(62);
      boolean fits = true;
      for (int d : counts) {
        BigInteger worst = BigInteger.valueOf(mn.m[d]).shiftLeft(ob + logD + 1)
            .add(BigInteger.valueOf(Math.abs(mn.bias(d))));
        fits &= worst.compareTo(limit) < 0;
      }
      if (fits) {
        return mn;
      }
    }
    throw new BadInputException(what + ": no exact fixed-point division by its window counts within 2^48;"
        + " use --proof-system plonkish");
  }

  /**
   * The smallest shift k ≤ 48 that divides exactly by every count in {@code counts} for |n| &lt; 2^nBits
   * (outBits as given: N = outBits + ⌈log₂ d⌉ + 1 for the soundness argument above).
   */
  static Means of(int[] counts, int outBits, int nBits, String what) {
    int dMax = 1;
    for (int d : counts) {
      if (d < 1) {
        throw new BadInputException(what + ": a window with no element to average");
      }
      dMax = Math.max(dMax, d);
    }
    BigInteger span = BigInteger.ONE.shiftLeft(nBits).subtract(BigInteger.ONE);
    for (int k = 1; k <= LayerBuilder.MAX_BITS; k++) {
      BigInteger two = BigInteger.ONE.shiftLeft(k);
      long[] m = new long[dMax + 1];
      long[] c = new long[dMax + 1];
      boolean ok = true;
      for (int d : counts) {
        if (m[d] != 0) {
          continue;
        }
        BigInteger bd = BigInteger.valueOf(d);
        BigInteger mm = two.add(bd).subtract(BigInteger.ONE).divide(bd);
        BigInteger e = mm.multiply(bd).subtract(two);
        BigInteger err = span.multiply(e);
        BigInteger cc = err.add(bd).subtract(BigInteger.ONE).divide(bd);
        if (cc.multiply(bd).add(err).compareTo(two) >= 0) {
          ok = false;
          break;
        }
        m[d] = mm.longValueExact();
        c[d] = cc.longValueExact();
      }
      if (ok) {
        return new Means(k, outBits, m, c);
      }
    }
    throw new BadInputException(what + ": no exact fixed-point division by its window counts within 2^48;"
        + " use --proof-system plonkish");
  }

  /**
   * The linear layer's matrix entry for a summand of a window of {@code d} elements (before {@link
   * #bias}): m_d.
   */
  long weight(int d) {
    return m[d];
  }

  /** m_d·⌊d/2⌋ + c_d − 2^(k−1). */
  long bias(int d) {
    return Math.addExact(Math.addExact(Math.multiplyExact(m[d], d / 2), c[d]), -(1L << (k - 1)));
  }

  /**
   * Appends the means of the window sums: rows o of {@code sums} list the summands of output o
   * (every value 1), {@code counts[o]} their divisor; the output is checked to {@code outBits} bits.
   */
  static int lower(LayerBuilder b, int x, int[][] windows, int[] counts, int outBits, String what) {
    boolean ones = true;
    for (int d : counts) {
      ones &= d == 1;
    }
    Means means = ones ? null : fitted(counts, outBits, what);
    SparseMatrix.Builder mb = new SparseMatrix.Builder(windows.length, b.size(x));
    long[] bias = ones ? null : new long[windows.length];
    for (int o = 0; o < windows.length; o++) {
      for (int src : windows[o]) {
        mb.add(o, src, ones ? 1 : means.weight(counts[o]));
      }
      if (!ones) {
        bias[o] = means.bias(counts[o]);
      }
    }
    int t = b.linear(x, mb.build(), bias);
    return ones ? t : b.rescale(t, means.k(), means.outBits());
  }
}
