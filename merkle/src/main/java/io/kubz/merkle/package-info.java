/**
 * Poseidon over the BN254 scalar field r with circomlib's parameters, a sponge for inputs of any
 * length, the tensor commitment that links slices, and Merkle trees. Everything here is fixed bit
 * for bit: in-circuit gadgets reproduce it.
 *
 * <h2>Permutation ({@link io.kubz.merkle.Poseidon}, {@link io.kubz.merkle.PoseidonParams})</h2>
 * Grassi, Khovratovich, Rechberger, Roy, Schofnegger, "Poseidon: A New Hash Function for
 * Zero-Knowledge Proof Systems", USENIX Security 2021 (eprint 2019/458). Width t = 2..17, S-box
 * x^5, R_F = 8 full rounds (4 before, 4 after) and circomlib's R_P = 56, 57, 56, 60, 60, 63, 64,
 * 63, 60, 66, 60, 65, 70, 60, 64, 68 partial rounds for t = 2..17. Round r maps
 * {@code s ← M·S(s + c_r)}. Constants and the Cauchy MDS matrix M[i][j] = 1/(x_i + y_j) come from
 * the paper's Grain LFSR (Appendix F) seeded with (field = 1, S-box = 0, n = 254, t, 8, R_P),
 * derived at first use in {@code PoseidonParams}, as the reference script
 * {@code generate_parameters_grain.sage} does; the tests check them against circomlibjs's shipped
 * tables (all 10854 constants and 16 matrices) and its hashes. The hot path uses the paper's
 * Appendix B form: partial-round constants folded to one scalar per round and the matrix factored
 * into sparse matrices ({@code SparseRounds}), property-tested equal to the plain form.
 *
 * <h2>Hash</h2>
 * {@code H(x_1..x_n)} for n = 1..16 is cell 0 of {@code Poseidon_{n+1}(0, x_1, …, x_n)}: circomlib's
 * {@code Poseidon(n)} template and circomlibjs's {@code poseidon}.
 *
 * <h2>Sponge ({@link io.kubz.merkle.PoseidonSponge})</h2>
 * Width 5 (rate 4, capacity 1 = cell 0), output cell 0 after the last permutation. For an input of
 * length ℓ under a domain constant D (1 ≤ D &lt; 2^63; D = 1 for general hashing): the initial state is
 * {@code (ℓ·2^64 + D, 0, 0, 0, 0)} (the paper's §4.2 domain separation, length in the capacity);
 * the input is zero-padded to {@code max(1, ⌈ℓ/4⌉)} blocks of four; each block is added into cells
 * 1..4 and the state permuted. Because ℓ is in the capacity, zero padding is unambiguous:
 * {@code [a]} and {@code [a, 0]} hash differently; and as IV ≠ 0, no sponge output is a circomlib
 * hash. Width 5 is chosen for circuit cost: 68 rounds absorb 4 elements (17 rounds per element,
 * t·rounds/rate = 85 cells per element), against 65 rounds
 * for 2 elements at t = 3 (32.5 rounds, 97.5 cells per element), while the gadget stays 5 columns
 * wide; natively it needs the fewest field multiplications per absorbed element of t = 3, 5, 9, 17.
 *
 * <h2>Tensor commitment ({@link io.kubz.merkle.TensorCommitment})</h2>
 * Domains: D_TENSOR = 2, D_COMBINE = 3, D_CHUNK(i) = 2^32 + i. Chunk length L = 2^12.
 * <pre>
 *   n ≤ L:  C = Sponge_{D_TENSOR}(salt, v_0, …, v_{n−1})                        (ℓ = n + 1)
 *   n &gt; L:  d_i = Sponge_{D_CHUNK(i)}(v_{iL}, …, v_{min(n,(i+1)L)−1})          (ℓ = chunk length)
 *           C = Sponge_{D_COMBINE}(salt, d_0, …, d_{k−1}),  k = ⌈n/L⌉             (ℓ = k + 1)
 * </pre>
 * The salt is a fresh random field element (DESIGN.md: the commitment hides the tensor); chunks are
 * hashed in parallel. Values and salt must be reduced field elements.
 *
 * <h2>Merkle trees ({@link io.kubz.merkle.MerkleTree}, {@link io.kubz.merkle.MerklePath})</h2>
 * Arity a = 2..16; a node is {@code H(c_0, …, c_{a−1})} (t = a + 1, capacity 0); the n ≥ 1 leaves
 * are zero-padded to a^d leaves, d = ⌈log_a n⌉. The root binds the padded leaf vector, not n: bind
 * the length separately where it matters. A path lists, from the leaves up, the a − 1 siblings of
 * the current node in child order; the node's child position at level l is digit l (least
 * significant first) of the index in base a.
 *
 * <p>The sponge, commitment and Merkle roots are also checked against the same constructions
 * composed from circomlibjs's permutation (test resources {@code vectors/kubz_spec_circomlibjs.*}),
 * so other ecosystems can reproduce them from this description.
 */
package io.kubz.merkle;
