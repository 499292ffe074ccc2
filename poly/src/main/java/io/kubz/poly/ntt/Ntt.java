package io.kubz.poly.ntt;

/**
 * Number-theoretic transforms over a {@link Domain}. Every method works in place on the first
 * {@code domain.size()} elements (4 limbs each, Fr Montgomery form) of {@code a}; there is no
 * separate output, so aliasing does not arise.
 */
public interface Ntt {
  /** Coefficients (natural order) → evaluations at ω^i (natural order). */
  void forward(Domain domain, long[] a);

  /** Evaluations at ω^i (natural order) → coefficients (natural order). */
  void inverse(Domain domain, long[] a);

  /** Coefficients → evaluations at g·ω^i, g = {@link Domain#cosetShift()}. */
  void cosetForward(Domain domain, long[] a);

  /** Evaluations at g·ω^i → coefficients. */
  void cosetInverse(Domain domain, long[] a);

  /** Coefficients (natural order) → evaluations in bit-reversed order (no permutation pass). */
  void forwardToBitReversed(Domain domain, long[] a);

  /** Evaluations in bit-reversed order → coefficients in natural order (no permutation pass). */
  void inverseFromBitReversed(Domain domain, long[] a);

  /** Permutes the first 2^log2n elements of {@code a} into bit-reversed index order, in place. */
  static void bitReverse(long[] a, int log2n) {
    if (a.length < 4L << log2n) {
      throw new IllegalArgumentException("array holds " + a.length / 4 + " elements, not 2^" + log2n);
    }
    Radix2Ntt.bitReverse(a, log2n);
  }

  /** The default implementation. */
  static Ntt radix2() {
    return Radix2Ntt.INSTANCE;
  }
}
