/**
 * The library API of kubz: {@link io.kubz.slicer.api.ModelProver} (model + input → proof bundle)
 * and {@link io.kubz.slicer.api.BundleVerifier} (bundle → {@link io.kubz.slicer.api.VerificationResult}).
 *
 * <pre>{@code
 * ModelProver.Result r = ModelProver.prove(graph, inputs,
 *     ModelProver.Options.ofDevSrs(1).withStrategy(Strategy.budget(12, 0)).withThreads(2)
 *         .withCacheDir(Path.of(".kubz/keys")).withProgress(listener));
 * VerificationResult v = BundleVerifier.verify(r.bundle(), trustedDigest, trustedSrs, false);  // --digest
 * VerificationResult w = BundleVerifier.verifyForModel(r.bundle(), graph, TrustedSettings.defaults(),
 *     log2 -> srs, false, null);                                                                // --model
 * }</pre>
 *
 * Proving runs quantize → plan → compile → keygen → witness → prove → bundle, reported through
 * {@link io.kubz.slicer.api.ProgressListener}; a {@link io.kubz.slicer.api.ProvingSession} holds a
 * compiled, keyed model (what {@code kubz setup} makes and what a cluster worker rebuilds), and
 * proving goes through the {@link io.kubz.slicer.exec.SliceExecutor} seam. Verification never
 * throws; what it checks is stated in {@code io.kubz.slicer.bundle}'s package documentation, and
 * what a valid result means (the trust anchor the caller supplies, the SRS always the caller's) in
 * {@link io.kubz.slicer.api.BundleVerifier}'s. Where the quantization settings come from, on both
 * sides, is {@link io.kubz.slicer.api.TrustedSettings}.
 *
 * <p>Statement proved (DESIGN.md "Linking slices"): for the model digest D, there are tensors such
 * that every slice's circuit (bound by its verifying key, covered by D) is satisfied on them, the
 * tensors crossing each cut are the ones committed with the same salted Poseidon commitment on both
 * sides, and the public model inputs/outputs are the declared ones. Commitment binding rests on
 * Poseidon's collision resistance (Grassi et al., USENIX Security 2021); each slice proof on
 * Plonk with KZG (Gabizon, Williamson, Ciobotaru, eprint 2019/953; Kate, Zaverucha, Goldberg,
 * ASIACRYPT 2010).
 *
 * <p>With {@code Options.withProofSystem("gkr")} the model is proved as one slice by the sumcheck /
 * logUp-GKR back end ({@link io.kubz.slicer.api.GkrSession}, {@code io.kubz.slicer.backend.GkrProofSystem}):
 * quantize → lower → srs → witness → commit → towers → layers → opening → bundle. The statement is
 * then: for the model digest D (which covers the proof system and the digest of the layered model
 * carried in the bundle), the layered model maps the declared public inputs to the declared public
 * outputs (Thaler, CRYPTO 2013; Papini and Haböck, eprint 2023/1284; HyperKZG, eprint 2022/420).
 *
 * <h2>Mixed plans</h2>
 * With {@code withProofSystem("mixed")}, or a plan whose slices set "proof_system", each slice is
 * proved by the back end it names ({@code MixedPlan}, {@code MixedSession}, {@code MixedProve}).
 * The automatic cut: a node is GKR-able when the layered lowering accepts it and it touches no model
 * input or output that is not PUBLIC (so a private input, a hashed input or output of a chain stay
 * plonkish; a model the lowering accepts whole, with public tensors, is one GKR slice); maximal runs
 * of GKR-able nodes in topological order become one GKR slice each (GKR needs no cut to fit), the
 * other runs are cut by the run's strategy (the budget planner by default) restricted to the run.
 * A tensor T of N values between a plonkish and a GKR slice is bridged (GKR.md "Slices and links"):
 * the prover computes C (salted Poseidon, the plonkish side's) and C_T (HyperKZG of T zero-padded to
 * 2^v, the GKR side's) natively, derives r = H("kubz-bridge-v1", C, C_T, T's name, N) with the Keccak
 * transcript and y = T~(r); the plonkish slice proves y = Σ v_i·eq(i, r) over the cells its C reads
 * ({@code io.kubz.slicer.lower.Bridge}), the GKR slice adds the claim T~(r) = y to its batched
 * opening of C_T ({@code io.kubz.gkr.model.Boundaries.External}). The verifier recomputes r from the
 * two commitments in the bundle and checks both slices use it and the same y.
 *
 * <p>Soundness of a bridge: let v be the values the plonkish proof's C commits (Poseidon is binding,
 * Grassi et al.) and w those C_T commits (HyperKZG is binding under q-SDH: w is fixed by C_T, the GKR
 * proof's walk claims on T are checked against it). r is a hash of both commitments, so it is fixed
 * only after v and w are (a prover who changes either changes r: random-oracle model for Keccak).
 * The plonkish proof shows y = ṽ(r) and the GKR opening shows y = w̃(r); if v ≠ w (zero-padded to
 * 2^v entries) the multilinear polynomial ṽ − w̃ is non-zero of total degree ≤ v, so by Schwartz–Zippel
 * ṽ(r) = w̃(r) with probability ≤ v/|F| ≤ log2(N)/2^253 for one r, and a prover grinding q hashes
 * succeeds with probability ≤ q·v/|F|. So both slices prove one tensor across the cut, as equal
 * Poseidon commitments do between plonkish slices and equal C_T between GKR slices.
 */
package io.kubz.slicer.api;
