// ffjavascript (the field and curve engine under snarkjs): G1 MSM and Fr FFT at 2^log2n.
// usage: node ff.mjs msm|fft <log2n> [reps] [warmup]
// Setup (random points, scalars, field elements) is not timed; the thread pool is ffjavascript's
// default (one worker per CPU), the same parallelism kubz uses.
import { buildBn128 } from "ffjavascript";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { intArg, median, randomFrBytes, report, timeReps, versionOf } from "./common.mjs";

const kind = process.argv[2];
const log2n = intArg(1, 16);
const reps = intArg(2, 3);
const warmup = intArg(3, 1);
const n = 1 << log2n;

/**
 * n distinct affine points (Montgomery form, 64 bytes each): P, P + G, P + 2G, ... from a random P.
 * Made once per size and cached in work/, since converting each to affine takes ~30 s at 2^20.
 */
async function basesFor(curve, log2n) {
  const G1 = curve.G1;
  const n = 1 << log2n;
  const sG = G1.F.n8 * 2;
  const file = new URL(`./g1_bases_${log2n}.bin`, import.meta.url);
  if (existsSync(file)) {
    const cached = new Uint8Array(readFileSync(file));
    if (cached.byteLength === n * sG) return cached;
  }
  const out = new Uint8Array(n * sG);
  let p = G1.timesFr(G1.g, curve.Fr.random());
  for (let i = 0; i < n; i++) {
    out.set(G1.toAffine(p), i * sG);
    p = G1.add(p, G1.g);
  }
  writeFileSync(file, out);
  return out;
}

const curve = await buildBn128();
const t0 = Date.now();
let body;
let workload;
if (kind === "msm") {
  workload = "msm_g1";
  const G1 = curve.G1;
  const bases = await basesFor(curve, log2n);
  const scalars = randomFrBytes(n);
  body = async () => G1.multiExpAffine(bases, scalars);
  // a check that the workload is real: the MSM of (bases, scalars) is a point on the curve, not zero
  const r = await body();
  if (!G1.isValid(r) || G1.isZero(r)) throw new Error("MSM result is not a valid nonzero point");
} else if (kind === "fft") {
  workload = "fft_fr";
  // random canonical values, read by the engine as Montgomery representations (any value < r is one)
  const coeffs = randomFrBytes(n);
  body = async () => curve.Fr.fft(coeffs);
  const back = await curve.Fr.ifft(await body());
  if (Buffer.compare(Buffer.from(back), Buffer.from(coeffs)) !== 0) throw new Error("ifft(fft(a)) != a");
} else {
  console.error("usage: node ff.mjs msm|fft <log2n> [reps] [warmup]");
  process.exit(2);
}
const setupMs = Date.now() - t0;
const ms = await timeReps(warmup, reps, body);
report({
  impl: `ffjavascript ${versionOf("ffjavascript")}`,
  workload,
  log2n,
  threads: curve.tm.concurrency,
  setup_ms: setupMs,
  ms,
  median_ms: median(ms),
});
await curve.terminate();
