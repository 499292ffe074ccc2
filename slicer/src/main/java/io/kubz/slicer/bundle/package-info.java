/**
 * The proof bundle: one file that proves a whole sliced inference (DESIGN.md "Linking slices").
 *
 * <h2>Contents ({@code src/main/proto/bundle.proto}, format version 1)</h2>
 * The model digest ({@link io.kubz.slicer.bundle.ModelDigest}), the slice plan and quantization
 * settings as JSON, the visibility of the model's inputs and outputs, the verifier's part of the
 * SRS ([1]_2, [τ]_2), and per slice: its nodes, its verifying key <em>itself</em> with its digest,
 * its instance layout, its public instance (column 0) and its Plonkish proof. Then the model's
 * inputs and outputs as declared: integer values at their scale (PUBLIC), a commitment (HASHED) or
 * nothing (PRIVATE).
 *
 * <p>Design decision: the verifying keys travel in the bundle (a few KiB per slice: gates and fixed
 * commitments), so a verifier that trusts a model digest D needs neither the model nor a key
 * directory. Nothing the bundle says about itself is trusted: D must come from the verifier (a
 * digest the model owner published, a {@code kubz setup} key folder, or recomputed from the model:
 * the plan in the bundle and settings the verifier trusts let it recompile every slice, run keygen
 * with its own SRS and compare digests, the {@code --model} check of
 * {@code io.kubz.slicer.api.BundleVerifier}), and so must the SRS's G2 points.
 *
 * <h2>What verification means</h2>
 * For slice i with verifying key vk_i, instance x_i and proof π_i: Plonkish-Verify(vk_i, x_i, π_i).
 * Every tensor that crosses a slice boundary is linked (the rule of {@code io.kubz.slicer.lower}:
 * one mode per tensor in every slice that carries it). For every tensor T produced by slice i and
 * consumed by slice j (i &lt; j): T has the same kind of entry in x_i and x_j and equal cells, i.e.
 * C_out(i) = C_in(j) with both TensorCommitment(salt_T, T) proved in-circuit, or, for a PUBLIC
 * model output that a later slice reads, equal public values. Every input of a slice that is not a
 * model input is produced by an earlier slice. A model input read by several slices: each copy
 * equals the declared values (PUBLIC) or commitment (HASHED); a PRIVATE one is committed in each
 * slice that reads it and all these commitments are equal. The declared model inputs/outputs equal
 * the instance cells that carry them. The digest recomputed
 * from the keys and layouts equals the bundle's, and when the caller knows the model's digest, it
 * equals that too (otherwise the bundle proves a statement about some other model).
 *
 * <h2>Format version 2: proof systems</h2>
 * A bundle with a slice that is not plonkish ({@code --proof-system gkr}) is written as version 2:
 * every slice names its proof system, the SRS entry adds [τ²]_2 and [τ³]_2, and the model digest
 * covers both (a version 1 bundle's bytes and digest are exactly as before, so older bundles and
 * published digests stay valid; a version 1 reader refuses version 2 by its number). A GKR slice
 * carries the encoded layered model as its verifying key and that model's digest as the key digest,
 * its witness size (2^v) as its row count, and as its instance the model's inputs then outputs, laid
 * out by its entries like public tensors; GKR-Verify(model, inputs, outputs, π) replaces
 * Plonkish-Verify. By default a GKR bundle has one slice (the whole model); with a plan it has several,
 * all GKR: a tensor between two of them (neither a model input nor output) is a commitment entry in
 * both layouts, whose row indexes the slice's boundary commitments (C_T, a compressed G1 HyperKZG
 * commitment, increasing tensor id of its layered model: the proof's order, and the proof must carry
 * the same). The link check of such a tensor is C_T(producer) = C_T(consumer), byte for byte; the
 * GKR proofs bind their C_T (io.kubz.gkr.model, "Committed boundaries").
 *
 * <h2>Bridges (plonkish and GKR slices in one bundle)</h2>
 * A bundle may mix plonkish and GKR slices (its plan names each slice's "proof_system", which the
 * model digest covers through the plan JSON and each slice's system). A tensor T between a plonkish
 * and a GKR slice is a commitment entry in both: the Poseidon commitment C in the plonkish slice's
 * instance, C_T among the GKR slice's boundary commitments. Every plonkish slice that exposes T also
 * has the layout entry "T@bridge" (after its boundary entries): v + 1 instance cells holding r
 * (v = max(1, ⌈log2 N⌉) coordinates) and y. The verifier ({@code BridgeCheck}) requires C equal in
 * every plonkish slice exposing T and C_T equal in every GKR slice exposing T (N from the GKR slice's
 * layered model), recomputes r = Bridge.point(C, C_T, T, N) (Keccak, io.kubz.slicer.lower.Bridge),
 * requires every bridge entry to hold exactly that r and one common y, and verifies each GKR slice
 * with the external claim T~(r) = y on its committed T in its batched opening. The link check of a
 * plonkish/GKR pair passes only for such a checked T whose plonkish side carries the bridge entry.
 * Soundness: see {@code io.kubz.slicer.api} ("Mixed plans").
 *
 * <p>Reading malformed bytes raises {@link io.kubz.slicer.bundle.BundleFormatException}; the
 * verifier turns it into a failed result.
 */
package io.kubz.slicer.bundle;
