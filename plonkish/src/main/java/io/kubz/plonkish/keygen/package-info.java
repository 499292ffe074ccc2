/**
 * Keygen: the fixed columns (selectors, circuit constants, the permutation's σ_j) are interpolated
 * and committed with KZG; the verifying key holds the circuit shape, every gate and these
 * commitments, and its digest (Keccak-256 of a canonical encoding, versioned) seeds every
 * transcript, so a proof is bound to one circuit. {@link io.kubz.plonkish.keygen.KeyLimits} bounds
 * every key kubz makes or reads (k ≤ 28, at most 64 blinding rows, column, phase, gate, node and
 * depth counts), so that a verifier's work on a key read from bytes is linear in its size and
 * logarithmic in n; every walk over a key's expressions runs on an explicit stack.
 */
package io.kubz.plonkish.keygen;
