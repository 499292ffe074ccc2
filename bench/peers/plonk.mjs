// snarkjs PLONK proving of the chain circuit (chain.circom), in process: the prover alone, after
// run.sh has compiled the circuit, made the powers of tau, the zkey and the witness in work/chain/.
// usage: node plonk.mjs [reps] [warmup]
// Reports the prove times and the process's peak RSS; the last proof is verified so that a
// broken setup cannot pass for a fast one.
import { plonk, zKey } from "snarkjs";
import { intArg, median, report, timeReps, versionOf } from "./common.mjs";

const reps = intArg(0, 3);
const warmup = intArg(1, 1);
const dir = new URL("./chain/", import.meta.url).pathname;
const zkey = `${dir}chain.zkey`;
const wtns = `${dir}witness.wtns`;

let last;
const ms = await timeReps(warmup, reps, async () => {
  last = await plonk.prove(zkey, wtns);
});
const vk = await zKey.exportVerificationKey(zkey);
const ok = await plonk.verify(vk, last.publicSignals, last.proof);
if (!ok) throw new Error("snarkjs rejected its own chain proof");
report({
  impl: `snarkjs ${versionOf("snarkjs")}`,
  workload: "plonk_chain",
  log2n: 15,
  ms,
  median_ms: median(ms),
  peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
});
if (globalThis.curve_bn128) await globalThis.curve_bn128.terminate();
