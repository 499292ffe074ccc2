/**
 * Front end for writing circuits: columns, selectors, challenges and custom gates; named regions
 * assigned at relative offsets and placed by a column-aware layouter (a region starts at the first
 * row where all of its columns are free, as halo2's simple floor planner does); copy constraints
 * between any two cells, instance cells included. {@code build()} compiles everything into an
 * {@link io.kubz.plonkish.ir.CircuitDescription} and an {@link io.kubz.plonkish.ir.Witness}, and adds
 * the permutation argument for the columns that take part in copies.
 */
package io.kubz.plonkish.builder;
