// circomlibjs Poseidon (the circomlib parameters, t = 3) on two inputs: microseconds per hash.
// usage: node poseidon.mjs [reps] [callsPerRep]
import { buildPoseidon } from "circomlibjs";
import { intArg, median, report, timeReps, versionOf } from "./common.mjs";

const reps = intArg(0, 5);
const calls = intArg(1, 20000);

const poseidon = await buildPoseidon();
const F = poseidon.F;
// Known answer from circomlib's tests: poseidon([1, 2]).
const kat = "7853200120776062878684798364095072458815029376092732009249414926327459813530";
if (F.toString(poseidon([1, 2])) !== kat) throw new Error("circomlibjs poseidon([1,2]) mismatch");

let a = F.e(3);
const b = F.e(4);
// each hash feeds the next, so no call can be skipped and inputs vary
const body = async () => {
  for (let i = 0; i < calls; i++) a = poseidon([a, b]);
};
const ms = await timeReps(1, reps, body);
const us = ms.map((m) => (m * 1000) / calls);
report({
  impl: `circomlibjs ${versionOf("circomlibjs")}`,
  workload: "poseidon2",
  calls_per_rep: calls,
  us_per_hash: us,
  median_us: median(us),
});
