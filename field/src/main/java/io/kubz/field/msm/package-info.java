/**
 * Multi-scalar multiplication on BN254 curves: Pippenger's bucket method ("On the evaluation of
 * powers and related problems", FOCS 1976; see also Bernstein, Doumen, Lange, Oosterwijk,
 * "Faster batch forgery identification", INDOCRYPT 2012, §4) with signed digits, and bucket
 * additions in affine coordinates batched under one field inversion (Montgomery's trick), as in
 * gnark-crypto and the ZPrize 2022 MSM entries. The engine ({@link io.kubz.field.msm.Pippenger}) is
 * generic over {@link io.kubz.field.msm.MsmCurve}, implemented for G1 by
 * {@link io.kubz.field.msm.G1Curve} and for G2 inside {@link io.kubz.field.Msm}.
 *
 * <p>Full-width G1 scalars go through the GLV endomorphism ({@link io.kubz.field.msm.GlvMsm};
 * Gallant, Lambert, Vanstone, CRYPTO 2001): k·P = k1·P + k2·φ(P) with φ(x, y) = (β·x, y) and
 * |k1|, |k2| &lt; 2^127, so the n-term sum becomes a 2n-term one over 127-bit scalars. The bucket
 * additions stay about n·254/c, while the per-window bucket reductions and doublings halve and
 * the window can be one bit wider (c = 16, digit codes up to 2^16 − 1). That share shrinks as n
 * grows, so the split is used up to 2^16 terms.
 *
 * <p>Small signed integers on G1 (|k| &lt; 2^16 from the engine; any long from
 * {@link io.kubz.field.Msm#g1SmallInts}) go to {@link io.kubz.field.msm.SmallMsm}: zeros skipped,
 * buckets indexed by |k| with the sign folded into the point, filled only by batch-affine additions
 * (a counting sort by digit and a tree of pairwise additions per digit, so repeated values never
 * stall a batch), digit ranges split over the threads, and the bucket sums Σ d·B_d by chained
 * affine running sums ({@link io.kubz.field.msm.BucketReduction}).
 */
package io.kubz.field.msm;
