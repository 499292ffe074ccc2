/**
 * The {@code gkr} module of kubz: sumcheck, logUp-GKR, batched openings and the multilinear
 * commitment seam ({@link io.kubz.gkr.MultilinearPcs}); the design is GKR.md.
 *
 * <p>Packages: {@link io.kubz.gkr.mle} (MLE tables; variable 0 is the least significant index bit
 * throughout the module), {@link io.kubz.gkr.sumcheck} (prover and verifier for sums of products),
 * {@link io.kubz.gkr.logup} (one fractional-sum tower per lookup table), {@link io.kubz.gkr.opening}
 * (many claims on one committed table reduced to one), {@link io.kubz.gkr.format} (protobuf proof
 * formats). Every verifier returns a result and never throws on a proof it is given; the prover
 * hooks ({@code SumcheckProver.Hook}, {@code TowerProver.Hook}) exist for malicious-prover tests.
 */
package io.kubz.gkr;
