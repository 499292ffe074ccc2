/**
 * Multi-scalar multiplication on BN254 curves: Pippenger's bucket method ("On the evaluation of
 * powers and related problems", FOCS 1976; see also Bernstein, Doumen, Lange, Oosterwijk,
 * "Faster batch forgery identification", INDOCRYPT 2012, §4) with signed digits, and bucket
 * additions in affine coordinates batched under one field inversion (Montgomery's trick), as in
 * gnark-crypto and the ZPrize 2022 MSM entries. The engine ({@link io.kubz.field.msm.Pippenger}) is
 * generic over {@link io.kubz.field.msm.MsmCurve}, implemented for G1 by
 * {@link io.kubz.field.msm.G1Curve} and for G2 inside {@link io.kubz.field.Msm}.
 */
package io.kubz.field.msm;
