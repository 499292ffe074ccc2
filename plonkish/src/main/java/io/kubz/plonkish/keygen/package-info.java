/**
 * Keygen: the fixed columns (selectors, circuit constants, the permutation's σ_j) are interpolated
 * and committed with KZG; the verifying key holds the circuit shape, every gate and these
 * commitments, and its digest (Keccak-256 of a canonical encoding, versioned) seeds every
 * transcript, so a proof is bound to one circuit.
 */
package io.kubz.plonkish.keygen;
