/**
 * In-circuit gadgets built on the builder API: circomlib's Poseidon (Grassi et al., "Poseidon: A New
 * Hash Function for Zero-Knowledge Proof Systems", USENIX Security 2021) on a dense layout (one row
 * per full round, t partial rounds per row composed into one affine map, S-boxes split as
 * h = u^4, u^5 = h·u so every gate stays of degree ≤ 5: {@link io.kubz.plonkish.gadgets.PoseidonRounds}),
 * and range checks.
 */
package io.kubz.plonkish.gadgets;
