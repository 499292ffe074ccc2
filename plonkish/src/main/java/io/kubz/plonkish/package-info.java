/**
 * The {@code plonkish} module of kubz: a halo2-style Plonkish proof system over BN254 with KZG.
 * {@code ir} is the compiled circuit description, {@code builder} the front end, {@code mock} the
 * MockProver, {@code permutation} the copy-constraint argument, {@code keygen}, {@code prover} and
 * {@code verifier} the protocol. See DESIGN.md.
 */
package io.kubz.plonkish;
