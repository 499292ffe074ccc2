package io.kubz.plonkish.keygen;

import io.kubz.plonkish.ir.CircuitDescription;

/**
 * The prover's key: the circuit, its verifying key, the fixed columns in coefficient form and the
 * domain polynomials L_0, L_u, Σ_{i&gt;u} L_i in coefficient form.
 */
public record ProvingKey(CircuitDescription description, VerifyingKey vk, long[][] fixedCoeffs, long[][] domainCoeffs) {}
