/**
 * Chains of models: model A's proved output is model B's proved input (DESIGN.md "Chains of
 * models").
 *
 * <p>A chain is a list of bundles B_1 … B_m, each valid for its own model under its own trust
 * anchor. Link i joins the outputs of B_i to the inputs of B_{i+1}, position by position (output
 * j of B_i is input j of B_{i+1}); each pair must have the same shape and the same fixed-point scale
 * (the integers are then the same numbers), and:
 *
 * <ul>
 *   <li>PUBLIC → PUBLIC: the declared integer values are equal;
 *   <li>HASHED → HASHED: the declared commitments are equal. Both proofs bind their commitment to
 *       the tensor they used, C = Poseidon(salt, v_0, v_1, …); the sponge is collision resistant,
 *       so equal commitments mean equal tensors (and equal salts), without revealing either;
 *   <li>PUBLIC → HASHED or HASHED → PUBLIC: the verifier recomputes the hashed side's commitment
 *       from the public values and the salt of that side, which its owner publishes for this link
 *       (the values are public already, so the salt hides nothing there).
 * </ul>
 *
 * A PRIVATE output or input cannot be linked (nothing about it is public): prove it HASHED. The
 * salts and values of hashed model inputs and outputs live in a secrets file beside each bundle
 * ({@link Secrets}), never in it; the prover of B reads A's to commit to the same tensor with the
 * same salt.
 */
package io.kubz.slicer.chain;
