/**
 * MockProver: evaluates every gate on every row of a filled trace, checks each copy constraint,
 * and then the arguments' own gates under random challenges; no commitments, no Fiat–Shamir. It is
 * the debugging tool of halo2's {@code dev::MockProver}: failures name the gate, the region, the
 * row and the cells with their values.
 */
package io.kubz.plonkish.mock;
