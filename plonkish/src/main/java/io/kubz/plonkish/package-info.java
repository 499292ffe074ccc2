/** The {@code plonkish} module of kubz: Plonkish constraint system, keygen, prover, verifier, MockProver, gadgets. See DESIGN.md. */
package io.kubz.plonkish;
