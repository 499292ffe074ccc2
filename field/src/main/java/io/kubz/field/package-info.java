/** The {@code field} module of kubz: BN254 fields, curves, pairing, MSM, the Parallel helper and canonical codecs. See DESIGN.md. */
package io.kubz.field;
