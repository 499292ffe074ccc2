/**
 * The proof-system seam: a slice of a model can be proved by any {@link
 * io.kubz.slicer.backend.ProofSystem}, so that the slicer can choose a back end per slice. The
 * plonkish path of {@code ProvingSession} and {@code BundleVerifier} calls the plonkish code
 * directly ({@link io.kubz.slicer.backend.PlonkishProofSystem} does the same through the seam); the
 * GKR path ({@code --proof-system gkr}: {@code GkrSession}, {@code GkrCheck}) goes through {@link
 * io.kubz.slicer.backend.GkrProofSystem}, with the whole model as one slice; {@code --proof-system
 * mixed} chooses per slice ({@code io.kubz.slicer.api} "Mixed plans"). A bundle (format
 * version 2) names each slice's proof system, and the model digest covers it.
 *
 * <h2>The seam</h2>
 * A back end takes a slice through three states, each a type: {@code compile(SliceSource)} gives a
 * {@code Compiled} (shape, statement digest, log2 size, peak-memory estimate; it depends on shapes
 * and fixed weights, never on values), {@code Compiled.setup(Srs)} gives a {@code Keyed} (keys made
 * or found in a cache), and {@code Keyed.prove(SliceJob)} gives a {@link
 * io.kubz.slicer.backend.SliceProof} from the job's tensors and salts (the same {@code SliceJob}
 * that crosses to cluster workers today). {@code verify(VerifierKey, SliceProof, Srs)} returns a
 * result and never throws. The records the slicer handles are opaque: the back end's name, a
 * digest, bytes, the public values and the boundary commitments.
 *
 * <h2>How the GKR back end plugs in</h2>
 * <ul>
 *   <li><b>Statement digest.</b> {@code compile} lowers the slice to a layered model of tensor ops
 *       (GKR.md) and hashes it: layers, shapes, padding, shifts, table ids and fixed weights (or the
 *       commitment C_W of committed weights). That digest D is {@code Compiled.digest()}, the job's
 *       circuit digest, and {@code VerifierKey.digest()}; the verifier key's bytes are the encoded
 *       layered model (the verifier evaluates fixed weights' MLEs itself), bound into the model
 *       digest like a plonkish verifying key. {@code setup} only trims the SRS: HyperKZG needs the
 *       powers [τ^i]_1 up to the size of the witness MLE ({@code io.kubz.gkr.pcs.HyperKzg}) and
 *       [1]_2, [τ]_2, no per-circuit keygen.
 *   <li><b>Proof bytes.</b> {@code prove} runs the integer interpreter's trace through the layer
 *       sumchecks, the logUp-GKR towers and one HyperKZG opening of the committed witness
 *       polynomial; the transcript (Keccak-256) absorbs D and the SRS's G2 points first. The bytes
 *       are its own canonical encoding; the slicer never parses them.
 *   <li><b>Links by a shared multilinear commitment.</b> A tensor T that crosses a GKR ↔ GKR cut is
 *       committed once as an MLE, C_T = HyperKZG commitment; both slices absorb C_T and add their
 *       claims on T (the producer at its output point, the consumer at its input point) to their
 *       batched openings. Each slice's proof reports C_T under the tensor's name in {@link
 *       io.kubz.slicer.backend.SliceProof#boundaryCommitments()}, and the bundle verifier checks
 *       equal bytes on both sides of the cut, as it checks equal Poseidon commitments between
 *       plonkish slices (those travel in the public values, so a plonkish proof has no boundary
 *       commitments). A PLONK ↔ GKR cut is bridged as GKR.md describes: the plonkish slice also
 *       proves y = Σ_i v_i·eq(i, ρ) for ρ = H(C, C_T) ({@code io.kubz.slicer.lower.Bridge}), and the
 *       GKR slice opens C_T at ρ to y ({@code GkrKeyed.prove(inputs, externals)}, the 8-argument
 *       {@code GkrProofSystem.verify}); {@code io.kubz.slicer.api} "Mixed plans" has the argument.
 *       {@code ProofSystem.verify(VerifierKey, SliceProof, Srs)} checks only GKR slices without
 *       committed boundaries: the key (the layered model) does not say which tensors are committed
 *       nor carry a bridge's claims, so those slices are checked by the bundle verifier.
 *   <li><b>Privacy.</b> Until a zero-knowledge sumcheck exists, the GKR back end refuses private or
 *       hashed tensors with a {@code BadInputException} that names the plonkish back end.
 * </ul>
 */
package io.kubz.slicer.backend;
