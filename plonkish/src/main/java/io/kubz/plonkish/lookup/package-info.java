/**
 * Lookups for the plonkish prover: the logUp argument of io.kubz.lookup.logup (Haböck 2022,
 * "Multivariate lookups based on logarithmic derivatives") plugged in through the
 * {@link io.kubz.plonkish.ir.Argument} seam.
 *
 * <p>A circuit declares lookups with {@code CircuitBuilder.lookup(name, selector, inputs, table)}:
 * on every usable row where the selector is 1 the tuple of input expressions must be a row of the
 * table. Tables are fixed ({@link io.kubz.lookup.table.TableSpec}: one fixed column per table
 * column, one row per entry, so a table of 2^b entries needs 2^b usable rows) or built from the
 * trace ({@code CircuitBuilder.table}, rows chosen by a selector). All lookups into one table share
 * one multiplicity column m and one running sum φ; their inputs are batched into helper columns,
 * grouped so that no constraint exceeds the circuit's degree (at least 3). Several tables each get
 * their own m and φ under the same challenges θ (tuple compression) and α.
 *
 * <p>Protocol (P = the circuit's last advice phase): commit m with phase P; draw θ, α; commit the
 * helpers h_g and φ in phase P + 1; the quotient then enforces, on the usable rows,
 * h_g·Π(α − f_k) = Σ_k s_k·Π_{j≠k}(α − f_j) and (φ(ωX) − φ(X) − Σ_g h_g)·(α − t) + m = 0, with
 * φ = 0 on the first row and on row u. Summing the second identity over the usable rows gives
 * Σ s_k/(α − f_k) = Σ m/(α − t), which at a random α implies every selected input is in the table.
 * The MockProver checks membership directly and names lookup, region, row and missing tuple.
 */
package io.kubz.plonkish.lookup;
