/**
 * The {@code lookup} module of kubz: lookup arguments over polynomials and zkML table definitions
 * (see DESIGN.md). {@link io.kubz.lookup.logup} holds the logUp argument (Haböck 2022) as kernels
 * over flat Montgomery vectors; {@link io.kubz.lookup.table} the tables (range, signed range,
 * function tables) and their conversion into field columns. The plonkish adapter is
 * io.kubz.plonkish.lookup.
 */
package io.kubz.lookup;
