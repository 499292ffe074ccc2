/**
 * Kernels shared by the field classes; never used from another module.
 *
 * <p>{@link io.kubz.field.internal.Mont4}: Montgomery arithmetic (R = 2^256) on 4 x 64-bit limbs
 * for any odd modulus p < 2^254 (CIOS multiplication, Koç–Acar–Kaliski 1996, with the no-carry
 * shortcut of gnark-crypto).
 */
package io.kubz.field.internal;
