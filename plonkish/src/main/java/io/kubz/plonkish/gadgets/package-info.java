/**
 * In-circuit gadgets built on the builder API: circomlib's Poseidon (Grassi et al., "Poseidon: A New
 * Hash Function for Zero-Knowledge Proof Systems", USENIX Security 2021) as one row per round.
 */
package io.kubz.plonkish.gadgets;
