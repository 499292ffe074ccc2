/**
 * The compiled description of a Plonkish circuit: the plain intermediate form between the front end
 * that builds circuits ({@code io.kubz.plonkish.builder}) and the back end that proves them
 * (keygen, prover, verifier), after halo2's {@code ConstraintSystem}.
 *
 * <p>The trace is a table of n = 2^k rows over advice (private, per phase), fixed (circuit) and
 * instance (public) columns. Column j is the polynomial c_j(X) of degree &lt; n with
 * c_j(ω^i) = cell (j, i), ω a primitive n-th root of unity. A gate is a list of expressions
 * p(c_0(ω^{r_0} X), …, challenges) that must vanish on all of H = {ω^i}, i.e. be divisible by
 * Z_H(X) = X^n − 1; a rotation r reads row (i + r) mod n. Rows u = n − b − 1 .. n − 1 are reserved:
 * b blinding rows of random advice (b = max(3, queries per advice column) + 2, as in halo2) and row
 * u, where grand products close. Multi-phase circuits commit advice of phase p, draw the
 * challenges of phase p, then assign phase p + 1 (Freivalds' check, logUp fractions).
 *
 * <p>Arguments (permutation, lookups) plug in through {@link io.kubz.plonkish.ir.Argument}: they
 * add columns, challenges and gates at compile time, and fill their columns while proving.
 */
package io.kubz.plonkish.ir;
