/**
 * A layered model for the sumcheck / logUp-GKR prover (GKR.md): integer tensors connected by a few
 * layer kinds, with no dependency on the slicer. The slicer lowers its quantized graph to a
 * {@link io.kubz.gkr.model.LayeredModel}; {@link io.kubz.gkr.model.Evaluator} runs it on integers
 * (the witness); {@link io.kubz.gkr.model.LayeredProver} proves a run and
 * {@link io.kubz.gkr.model.LayeredVerifier} checks it.
 *
 * <h2>Tensors</h2>
 * Every tensor is a flat vector of {@code size} signed integers (row-major, the slicer's layout).
 * Its MLE has {@code vars = ceil(log2(size))} variables (0 for a size-1 tensor), variable 0 the least
 * significant index bit, as in {@link io.kubz.gkr.mle}. Entries at indices ≥ size ("pads") are
 * <em>not</em> part of any layer's semantics: every layer's entry i &lt; size reads only entries
 * &lt; size of its inputs ({@link io.kubz.gkr.model.SparseMatrix} has no column ≥ the input's size,
 * element-wise layers pair index i with index i). The prover writes 0 in every pad; the verifier never
 * relies on it, except for the model's outputs and inputs, whose MLEs it evaluates itself with zero
 * pads. mask(z) = [i &lt; size]~(z) is the validity mask (O(vars), {@link io.kubz.gkr.mle.Mle#prefix}).
 *
 * <h2>Layers</h2>
 * Tensor t is defined by layer t ({@link LayeredModel#layers()}): inputs first, then every layer
 * reads only tensors with smaller ids. See {@link Layer} for each kind's exact integer semantics;
 * they are the plonkish path's semantics (rounding, ranges), so that both back ends prove the same
 * output bit for bit.
 *
 * <h2>What is committed ({@code Layout})</h2>
 * A limb width w (2..16) is derived from the model (fewest Wit variables first, then the fewest
 * limb entries and lookup rows). One multilinear Wit holds, each at an aligned power-of-two offset
 * (largest first): for a Rescale, the w-bit limbs o_j of out + 2^(outBits−1) (out = Σ_j 2^(w·j)·o_j −
 * 2^(outBits−1)·mask) and the limbs 1.. of its remainder; for a Lookup, its output; for a Max, its
 * output and the limbs 1.. of each difference; for every table used, its multiplicities. The lowest
 * limb of a remainder rem = in + 2^(k−1) − 2^k·out and of a difference d = y − x is not committed:
 * it is that linear function of claimed tensors minus the higher limbs. Wit is committed once with
 * HyperKZG (small integers: {@code commitIntegers}).
 *
 * <h2>Transcript (Keccak, after the caller's own statement)</h2>
 * "kubz-layered-gkr-v1", the model digest D ({@link io.kubz.gkr.model.ModelDigests}), every public
 * input and output value with its length, C_wit; then the logUp challenges α, β and one tower per
 * table ({@link io.kubz.gkr.logup}): the range table [0, 2^w) with tag 1 and model table i as a
 * function table with tag i + 2, so an entry of one table never pays for a lookup into another. Every
 * later prover value is absorbed as it is read, every sumcheck absorbs its rounds, and every layer
 * step starts by absorbing its tensor id, so no two challenges are drawn without a message between
 * them. The verifier derives every point; none is read from the proof.
 *
 * <h2>Lookups</h2>
 * A table's column is the concatenation of aligned blocks, one per use, and only the first size rows
 * of each block are looked up ({@link io.kubz.gkr.logup.Segment}). A block is scale·(Σ coef·X +
 * c·mask) for tensors or Wit slots X: a Lookup layer gives (input, output) to its function table;
 * every limb gives one range block, and a top limb of b &lt; w bits a second block x·2^(w−b) (both in
 * [0, 2^w) iff x ∈ [0, 2^b)) — except for a max's difference, whose check only has to exclude
 * negative values (p − |d| in the field), so its top limb has one block; a max of two inputs checks
 * one value, d_0 + d_1 = 2y − x_0 − x_1 (one of them is zero, so the sum is the other, and both are
 * ≥ 0 iff the sum is); the derived lowest limb of a remainder or difference is the block
 * (whole − Σ_(j≥1) 2^(w·j)·limb_j). A rescale output that a Lookup reads through a table whose
 * inputs all lie in [−2^(outBits−1), 2^(outBits−1)) (a ReLU after a requantization) has no range
 * blocks of its own: the lookup proves its range. After the towers the prover sends, for every block, every
 * X~(z_low) at the low coordinates of the tower's column point; the verifier checks that
 * Σ_blocks eq(block bits, z_high)·scale·(Σ coef·X + c·mask(z_low)) equals the tower's column value
 * and turns each X~(z_low) into a claim: on a tensor (for the walk) or on Wit. The multiplicity
 * claim is a Wit claim.
 *
 * <h2>Outputs and the walk</h2>
 * For each output the verifier draws r_out and evaluates y~(r_out) from the public values. Then
 * tensors are visited from the last id down to 0 (every consumer of a tensor has a larger id, so all
 * its claims are known when it is visited):
 * <ul>
 *   <li>Linear y = Σ_terms M·x + b: the claims (r_k, v_k) are combined with powers of a fresh γ;
 *       e(i) = Σ_k γ^k·eq(r_k, i); the claim is Σ_k γ^k·v_k − Σ_i e(i)·b_i = Σ_terms Σ_j A(j)·x(j)
 *       with A(j) = Σ_i e(i)·M_ij (O(nnz)). With several terms the prover sends each term's sum and
 *       the verifier checks they add up. Per term a degree-2 sumcheck over x's variables ends at ρ;
 *       the prover sends x~(ρ) and the verifier checks A~(ρ)·x~(ρ) with A~(ρ) = Σ_(i,j) e(i)·M_ij·
 *       eq(ρ, j) computed itself in O(nnz). Sound: the sumcheck's error is 2·vars/|F| per term and
 *       A, b come from the model, not from the prover.
 *   <li>Rescale: each claim on out becomes claims on its limbs (the prover sends o_j~(r_k), the
 *       verifier checks v_k = Σ_j 2^(w·j)·o_j~(r_k) − 2^(outBits−1)·mask(r_k)). The rest is in the
 *       range lookups: out + 2^(outBits−1) ∈ [0, 2^outBits) and rem = in + 2^(k−1) − 2^k·out ∈
 *       [0, 2^k) hold at every entry, which is exactly out = ⌊(in + 2^(k−1))/2^k⌋ in range (values
 *       are far below the field size, so the field identity is the integer one).
 *   <li>Lookup: the claims on its output are Wit claims; its input is claimed by its table's tower.
 *   <li>Max y = max_k x_k: the claims on y are Wit claims; with τ = the first claim's point (drawn
 *       after C_wit) a degree-(m+1) sumcheck proves Σ_x eq(τ, x)·Π_k (y − x_k)(x) = 0, so at every
 *       entry some difference is zero; the prover sends y~(ρ) (a Wit claim) and every x_k~(ρ)
 *       (claims on the inputs). With every difference ≥ 0 by the range lookups (below 2^(w·limbs),
 *       far below p/2), y is the maximum.
 *   <li>Product y = a·b: the claims combined with γ; a degree-3 sumcheck of Σ_x e(x)·a(x)·b(x);
 *       the prover sends a~(ρ), b~(ρ), the verifier evaluates e(ρ) = Σ_k γ^k·eq(r_k, ρ).
 *   <li>Input: the verifier evaluates the public input's MLE at every claim's point.
 *   <li>Conv ({@link io.kubz.gkr.model.ConvStep}, weights stored once, im2col never formed): on
 *       padded views with every axis on its own bits, (1) the γ-combined claims minus the bias
 *       become a claim Acc'~(ρ) on the padded accumulator over (b, g, m', o) by a degree-2 sumcheck
 *       (the verifier weighs the flat claims' eq into padded positions in O(|out|)); (2) Acc'~(ρ) =
 *       Σ_(b,g,c,u) eq(ρ_b, b)·eq(ρ_g, g)·W~(g, ρ_m', c, u)·X''(b, g, c, u) with X''(b, g, c, u) =
 *       Σ_o eq(ρ_o, o)·x[b, g·cg + c, o·s − p + u·d], a degree-3 sumcheck ending at σ, the verifier
 *       evaluating W~ in O(#weights); (3) X''~(σ) = Σ_j K(j)·x(j) with K = eq(σ_b, ·)·eq(σ_g, ·)·
 *       eq(σ_c, ·)·Π_d T_d, T_d(a) = Σ_(i, u: i·s_d − p_d + u·d_d = a) eq(σ_(u_d), u)·eq(ρ_(o_d), i)
 *       (strides, pads and dilations live in T_d, O(O_d·K_d) per axis), a degree-2 sumcheck ending
 *       at τ with the claim x~(τ); the verifier computes K~(τ) in O(|x|). Soundness error
 *       ((#claims − 1) + 2·vars(out view) + 3·vars(window view) + 2·vars(x))/|F|. Prover:
 *       O(|out| + #weights + |x|·Σ_d K_d/s_d); verifier O(|out| + #weights + |x|). When the
 *       output's flat layout is its padded view (power-of-two extents but the batch) and it has
 *       one claim, step (1) is skipped (ρ = r_0, Acc'~(ρ) = v_0 − bias~(r_0) in O(C_out + vars));
 *       when x's is, K~(τ) is a product of per-segment sums; the verifier's work is then
 *       O(#weights + Σ_d O_d·K_d + channels), independent of the image size.
 *   <li>MatMul of two activations ({@link io.kubz.gkr.model.MatMulStep}): on views padded per
 *       dimension, the γ-combined claims become a claim on Y'(s, i, k) at ρ (the verifier weighs the
 *       flat claims' eq into the padded positions itself), then Y'~(ρ) = Σ_(s,j) eq(ρ_s, s)·
 *       A'~(s, ρ_i, j)·B'~(s, j, ρ_k) by a degree-3 sumcheck (the batch index is shared, so it stays
 *       a variable), and each padded claim goes back to its flat tensor by a degree-2 sumcheck whose
 *       weight Σ_f eq(ρ', f)·eq(q, pos(f)) the verifier computes in O(size).
 * </ul>
 *
 * <h2>Opening</h2>
 * All Wit claims (each a claim on a slot, embedded with the slot's block bits as its top
 * coordinates) are reduced to one point by {@link io.kubz.gkr.opening.BatchOpening} and opened once
 * with HyperKZG. The verifier also rejects a proof with messages it did not read.
 *
 * <h2>Committed boundaries (GKR.md "Slices and links")</h2>
 * An input or output tensor T may be declared committed instead of public (the tensor ids passed
 * to {@link io.kubz.gkr.model.LayeredProver#prove(LayeredModel, int[], long[][],
 * io.kubz.gkr.pcs.HyperKzg, io.kubz.poly.transcript.Transcript)}): it links this proof to the
 * proof of another slice that produces or reads T. C_T is the HyperKZG commitment of T's integer
 * values zero-padded to 2^max(1, vars) entries, made with {@code commitIntegers} and no blinding, so
 * that the producer and every consumer compute the same C_T on their own; the proof carries the
 * C_T (increasing tensor id) and whoever checks the link compares the bytes.
 * <ul>
 *   <li>Transcript: in the statement each input and each output in order is absorbed either as its
 *       values ("layered-input"/"layered-output") or as its C_T ("layered-committed-input"/
 *       "layered-committed-output"), so which tensors are committed is bound too; all of it
 *       before C_wit and before any challenge. A model without committed tensors absorbs exactly
 *       the bytes it absorbed before (its proofs are unchanged).
 *   <li>Output: after r_out is drawn the prover sends T~(r_out) (absorbed) instead of the verifier
 *       evaluating it; the walk continues from that claim.
 *   <li>Input: the claims the walk leaves on T are not evaluated but kept.
 *   <li>Opening: after Wit's opening, for each committed T in increasing id that has claims, every
 *       claim the walk made on T (on an output: its r_out claim and any lookup claims) is lifted to
 *       the committed MLE's variables, reduced to one point by a batched opening and opened there
 *       against C_T with HyperKZG: one extra opening per boundary tensor.
 *   <li>External claims ({@link io.kubz.gkr.model.Boundaries.External}, a PLONK ↔ GKR bridge): a
 *       claim T~(r) = y given by the caller on both sides joins T's batch after the walk's claims
 *       (its point on the committed MLE's variables as is); r must be fixed before the proof, from
 *       C_T and the other side's commitment, and the verifier must add the same claims.
 * </ul>
 * Soundness: r_out is drawn after C_T is absorbed, so a producer's C_T opens at r_out to the value
 * its layer walk proves for T: C_T commits T's computed entries i &lt; size (entries ≥ size are what
 * the producer's layer representation holds there, zero for an honest prover; no layer of a consumer
 * reads them). A consumer's claims on T are its input's, checked against the same C_T instead of
 * public values. So two proofs with equal C_T prove one computation across the cut.
 */
package io.kubz.gkr.model;
