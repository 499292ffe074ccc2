/**
 * MockProver: evaluates every gate on every row of a filled trace, checks each copy constraint,
 * and then the arguments' own gates under random challenges; no commitments, no Fiat–Shamir. It is
 * the debugging tool of halo2's {@code dev::MockProver}: failures name the gate, the region, the
 * row and the cells with their values. Like halo2's {@code CellNotAssigned}, it also names every
 * advice cell that synthesis never assigned but that an enabled gate or an active lookup depends
 * on ({@link io.kubz.plonkish.mock.Unassigned}: the dependence is tested with the unassigned cells
 * as free variables at pseudo-random points, so a failure is certain and a miss has probability
 * ≤ degree/2^64 by Schwartz–Zippel).
 */
package io.kubz.plonkish.mock;
