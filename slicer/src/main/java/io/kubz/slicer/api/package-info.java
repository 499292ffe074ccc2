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
 */
package io.kubz.slicer.api;
