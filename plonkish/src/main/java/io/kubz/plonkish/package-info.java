/**
 * The {@code plonkish} module of kubz: a halo2-style Plonkish proof system over BN254 with KZG.
 * {@code ir} is the compiled circuit description (and the {@link io.kubz.plonkish.ir.Argument} seam),
 * {@code builder} the front end with its layouter, {@code mock} the MockProver, {@code permutation}
 * the copy-constraint argument, {@code keygen}, {@code prover} and {@code verifier} the protocol,
 * {@code format} the versioned protobuf formats, {@code gadgets} in-circuit gadgets (Poseidon).
 * {@link io.kubz.plonkish.Proof} and {@link io.kubz.plonkish.Protocol} are shared by prover and
 * verifier. See DESIGN.md.
 */
package io.kubz.plonkish;
