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

  /** The default implementation. */
  static Ntt radix2() {
    return Radix2Ntt.INSTANCE;
  }
}
