// Shared by the peer scripts: argument parsing, random field data, timing and the one-line report.
// run.sh copies these scripts into work/ so that bare imports resolve in work/node_modules.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";

/** The installed version of an npm package, for the report (its package.json is not exported). */
export function versionOf(pkg) {
  const url = new URL(`./node_modules/${pkg}/package.json`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")).version;
}

/** Integer argument i of the command line, or the default. */
export function intArg(i, dflt) {
  const v = process.argv[2 + i];
  return v === undefined ? dflt : Number.parseInt(v, 10);
}

// Top 64-bit word of the BN254 scalar field modulus r.
const R_TOP = 0x30644e72e131a029n;

/**
 * n uniformly random 254-bit values below r, 32 bytes little-endian each: full-width scalars.
 * A value whose top word is below r's top word is below r, so rejecting only on the top word
 * keeps every value canonical (the rejected sliver, ~1e-19 of the range, is irrelevant here).
 */
export function randomFrBytes(n) {
  const out = Buffer.alloc(32 * n);
  let pos = 0;
  while (pos < n) {
    const chunk = randomBytes(32 * 4096);
    for (let k = 0; k < 4096 && pos < n; k++) {
      chunk[32 * k + 31] &= 0x3f;
      if (chunk.readBigUInt64LE(32 * k + 24) >= R_TOP) continue;
      chunk.copy(out, 32 * pos, 32 * k, 32 * k + 32);
      pos++;
    }
  }
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/** Runs `body` (async) `warmup` times untimed, then `reps` times; milliseconds of each timed run. */
export async function timeReps(warmup, reps, body) {
  for (let i = 0; i < warmup; i++) await body();
  const ms = [];
  for (let i = 0; i < reps; i++) {
    const t0 = process.hrtime.bigint();
    await body();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return ms;
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Prints the one JSON line that run.sh collects. */
export function report(fields) {
  console.log(JSON.stringify({ side: "peer", ...fields }));
}
