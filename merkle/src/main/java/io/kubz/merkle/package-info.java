/** The {@code merkle} module of kubz: Poseidon over Fr (circomlib parameters), sponge, tensor commitments, Merkle trees. See DESIGN.md. */
package io.kubz.merkle;
