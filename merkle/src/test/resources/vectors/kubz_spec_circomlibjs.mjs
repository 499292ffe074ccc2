// Writes kubz_spec_circomlibjs.json: the sponge, tensor commitment and Merkle roots of the merkle
// module's package-info.java, computed with circomlibjs's Poseidon (not with kubz) so that the
// Java tests check the specification against another ecosystem's implementation.
// Run: npm install circomlibjs@0.1.7 && node kubz_spec_circomlibjs.mjs > kubz_spec_circomlibjs.json
import { buildPoseidonReference } from "circomlibjs";

const poseidon = await buildPoseidonReference();
const F = poseidon.F;
const r = 21888242871839275222246405745257275088548364400416034343698204186575808495617n;
const big = (a) => F.toObject(a);
const mod = (a) => ((a % r) + r) % r;

// Sponge: width 5, IV = len·2^64 + domain, zero padding to max(1, ceil(len/4)) blocks, output cell 0.
function sponge(domain, xs) {
  let state = [(BigInt(xs.length) << 64n) + BigInt(domain), 0n, 0n, 0n, 0n];
  const blocks = Math.max(1, Math.ceil(xs.length / 4));
  for (let b = 0; b < blocks; b++) {
    const rate = [1, 2, 3, 4].map((j) => mod(state[j] + (xs[4 * b + j - 1] ?? 0n)));
    state = poseidon(rate, state[0], 5).map(big);
  }
  return state[0];
}

const CHUNK = 4096;
function commit(salt, v) {
  if (v.length <= CHUNK) return sponge(2, [salt, ...v]);
  const d = [];
  for (let i = 0; i * CHUNK < v.length; i++) d.push(sponge((1n << 32n) + BigInt(i), v.slice(i * CHUNK, (i + 1) * CHUNK)));
  return sponge(3, [salt, ...d]);
}

function merkleRoot(arity, leaves) {
  let level = [...leaves];
  let full = 1;
  while (full < level.length) full *= arity;
  while (level.length < full) level.push(0n);
  while (level.length > 1) {
    const up = [];
    for (let i = 0; i < level.length; i += arity) up.push(big(poseidon(level.slice(i, i + arity))));
    level = up;
  }
  return level[0];
}

const values = (n, seed) => Array.from({ length: n }, (_, i) => mod(BigInt(i) * BigInt(i) * 7919n - BigInt(seed) * 1000003n - 5n));
const out = { source: "circomlibjs@0.1.7 buildPoseidonReference, composed by kubz_spec_circomlibjs.mjs", sponge: [], commit: [], merkle: [] };
for (const domain of [1n, 7n, 1n << 40n]) {
  for (const n of [0, 1, 2, 3, 4, 5, 8, 9, 13]) {
    const xs = values(n, Number(domain % 1000n) + n);
    out.sponge.push({ domain: domain.toString(), inputs: xs.map(String), output: sponge(domain, xs).toString() });
  }
}
for (const n of [0, 1, 5, 4096, 4097, 8200]) {
  const salt = mod(123456789n * BigInt(n + 1) - 1n);
  out.commit.push({ salt: salt.toString(), n, seed: n, output: commit(salt, values(n, n)).toString() });
}
for (const [arity, n] of [[2, 1], [2, 5], [2, 8], [4, 5], [4, 17], [16, 3], [16, 17]]) {
  out.merkle.push({ arity, n, seed: 100 + n, root: merkleRoot(arity, values(n, 100 + n)).toString() });
}
console.log(JSON.stringify(out, null, 1));
