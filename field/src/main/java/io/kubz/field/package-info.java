/**
 * The {@code field} module of kubz: BN254 fields, curves, pairing, MSM, the Parallel helper and
 * canonical codecs. See DESIGN.md.
 *
 * <p>{@link io.kubz.field.Fr} (scalar field, order r) and {@link io.kubz.field.Fq} (base field,
 * order q) keep elements as 4 little-endian 64-bit limbs in Montgomery form x·R mod p with
 * R = 2^256 (P. L. Montgomery, "Modular multiplication without trial division", Math. Comp. 1985);
 * a product is REDC(x·R · y·R) = x·y·R. Vectors are flat {@code long[]} with element i at offset
 * 4i. Batch inversion uses Montgomery's trick (one inversion, 3(n-1) products).
 */
package io.kubz.field;
