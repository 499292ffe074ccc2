#!/usr/bin/env bash
# The peer comparison: kubz and the JavaScript stack users would otherwise run (ffjavascript,
# circomlibjs, circom2 + snarkjs), measured alternately in one run on one machine, then written to
# bench/RESULTS.md. Not part of `mvn verify`. See bench/README.md.
#
# Environment (all optional):
#   ROUNDS=3             rounds; each round measures every workload on both sides, the side that
#                        goes first alternating between rounds; the table shows medians over rounds
#   SIZES="16 20"        log2 sizes for MSM and FFT
#   WORKLOADS="msm fft poseidon plonk"
#   PLONK_REPS=3         timed proofs per round and side (after one warm-up proof)
#   PTAU_POWER=15        powers of tau made for the PLONK setup (>= the circuit's 2^15 rows)
#   PTAU=file            an existing prepared (phase 2) bn128 .ptau of that power or more, instead
#                        of making one (default: work/pot$PTAU_POWER_final.ptau, made once)
#   JAVA_HOME            the JDK for kubz's side (default: java on PATH)
#   NOTE="..."           a remark printed with the results (e.g. what else loaded the machine)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$HERE/work"
ROUNDS="${ROUNDS:-3}"
SIZES="${SIZES:-16 20}"
WORKLOADS="${WORKLOADS:-msm fft poseidon plonk}"
PTAU_POWER="${PTAU_POWER:-15}"
PLONK_REPS="${PLONK_REPS:-3}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAR="$ROOT/bench/target/benchmarks.jar"

if ! command -v node >/dev/null 2>&1; then
  echo "peers: node is not installed; skipping the peer comparison (install Node 20+ to run it)."
  exit 0
fi

log() { echo "peers: $*" >&2; }

# ---- install the pinned peers into work/ (gitignored) ----
mkdir -p "$WORK" "$ROOT/bench/results"
if ! cmp -s "$HERE/package-lock.json" "$WORK/package-lock.json" || [ ! -d "$WORK/node_modules" ]; then
  log "installing $(node -e 'const d=require(process.argv[1]).dependencies;console.log(Object.entries(d).map(([k,v])=>k+"@"+v).join(" "))' "$HERE/package.json") into $WORK"
  cp "$HERE/package.json" "$HERE/package-lock.json" "$WORK/"
  (cd "$WORK" && ONNXRUNTIME_NODE_INSTALL=skip npm ci --no-audit --no-fund --loglevel=error >&2)
fi
cp "$HERE"/*.mjs "$WORK/"

# ---- kubz's side: bench/target/benchmarks.jar, built when missing ----
if [ ! -f "$JAR" ]; then
  log "building $JAR"
  (cd "$ROOT" && mvn -B -q -ntp -DskipTests -pl bench -am package >&2) || log "build failed"
fi
KUBZ_OK=0
if [ -f "$JAR" ] && "$JAVA" -cp "$JAR" io.kubz.bench.peers.KubzSide probe >/dev/null 2>&1; then
  KUBZ_OK=1
else
  log "kubz side not available yet (no io.kubz.bench.peers.KubzSide in $JAR)"
fi

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$ROOT/bench/results/peers-$STAMP.jsonl"
: >"$OUT"

# Runs one measurement and appends its JSON line to $OUT; a failure becomes an "unavailable" line.
record() {
  local side="$1" workload="$2" log2n="$3"
  shift 3
  local line
  if line="$("$@" 2>"$WORK/last.err" | grep '^{' | tail -n 1)" && [ -n "$line" ]; then
    echo "$line" >>"$OUT"
    echo "$line" >&2
  else
    local why
    why="$(tail -n 3 "$WORK/last.err" | tr '\n"\\' '   ' | cut -c1-200)"
    [ "$side" = kubz ] && [ "$KUBZ_OK" = 0 ] && why="kubz side not available yet"
    log "$side $workload $log2n: not measured ($why)"
    echo "{\"side\":\"$side\",\"workload\":\"$workload\",\"log2n\":$log2n,\"available\":false,\"reason\":\"$why\"}" >>"$OUT"
  fi
}

kubz() { [ "$KUBZ_OK" = 1 ] && "$JAVA" -cp "$JAR" io.kubz.bench.peers.KubzSide "$@"; }
snarkjs() { node "$WORK/node_modules/snarkjs/build/cli.cjs" "$@"; }

# ---- the PLONK chain circuit: compile, powers of tau, setup and witness, each made once ----
prepare_plonk() {
  local dir="$WORK/chain" ptau="${PTAU:-$WORK/pot${PTAU_POWER}_final.ptau}"
  mkdir -p "$dir"
  if [ ! -f "$dir/chain.r1cs" ] || [ "$HERE/chain.circom" -nt "$dir/chain.r1cs" ]; then
    log "compiling chain.circom with circom2"
    (cd "$WORK" && node node_modules/circom2/cli.js "$HERE/chain.circom" --r1cs --wasm -o "$dir" >&2)
    rm -f "$dir/chain.zkey" "$dir/witness.wtns"
  fi
  if [ ! -f "$ptau" ]; then
    log "making powers of tau (bn128, power $PTAU_POWER); this takes minutes and is done once"
    local t0=$SECONDS
    snarkjs powersoftau new bn128 "$PTAU_POWER" "$WORK/pot_0.ptau" >&2
    snarkjs powersoftau contribute "$WORK/pot_0.ptau" "$WORK/pot_1.ptau" --name=kubz-bench \
      -e="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')" >&2
    snarkjs powersoftau prepare phase2 "$WORK/pot_1.ptau" "$ptau.part" >&2
    mv "$ptau.part" "$ptau"
    rm -f "$WORK/pot_0.ptau" "$WORK/pot_1.ptau"
    echo "$((SECONDS - t0))" >"$ptau.seconds"
  fi
  if [ ! -f "$dir/chain.zkey" ]; then
    log "snarkjs plonk setup"
    snarkjs plonk setup "$dir/chain.r1cs" "$ptau" "$dir/chain.zkey.part" >&2
    mv "$dir/chain.zkey.part" "$dir/chain.zkey"
  fi
  if [ ! -f "$dir/witness.wtns" ]; then
    echo '{"x0": "3", "b": "5"}' >"$dir/input.json"
    snarkjs wtns calculate "$dir/chain_js/chain.wasm" "$dir/input.json" "$dir/witness.wtns.part" >&2
    mv "$dir/witness.wtns.part" "$dir/witness.wtns"
  fi
}

# snarkjs's own command, as a user runs it: wall time and peak RSS from /usr/bin/time -v.
plonk_cli() {
  local dir="$WORK/chain" t
  if [ -x /usr/bin/time ]; then
    t="$( { /usr/bin/time -v node "$WORK/node_modules/snarkjs/build/cli.cjs" plonk prove \
      "$dir/chain.zkey" "$dir/witness.wtns" "$dir/proof.json" "$dir/public.json" >/dev/null; } 2>&1)"
    local wall rss
    wall="$(echo "$t" | sed -n 's/.*Elapsed (wall clock) time.*: //p')"
    rss="$(echo "$t" | sed -n 's/.*Maximum resident set size (kbytes): //p')"
    node -e 'const [w,r]=process.argv.slice(1);const p=w.split(":").map(Number);
      const s=p.reduce((a,x)=>a*60+x,0);
      console.log(JSON.stringify({side:"peer",impl:"snarkjs plonk prove (CLI)",workload:"plonk_chain_cli",
        log2n:15,ms:[s*1000],median_ms:s*1000,peak_rss_mb:Math.round(Number(r)/1024)}))' "$wall" "$rss"
  else
    local t0 t1
    t0=$(date +%s%N)
    snarkjs plonk prove "$dir/chain.zkey" "$dir/witness.wtns" "$dir/proof.json" "$dir/public.json" >/dev/null
    t1=$(date +%s%N)
    echo "{\"side\":\"peer\",\"impl\":\"snarkjs plonk prove (CLI)\",\"workload\":\"plonk_chain_cli\",\"log2n\":15,\"median_ms\":$(((t1 - t0) / 1000000))}"
  fi
}

case " $WORKLOADS " in *" plonk "*) prepare_plonk ;; esac

measure() { # side workload
  local side="$1" w="$2" n id
  case "$w" in
    msm | fft)
      id="$([ "$w" = msm ] && echo msm_g1 || echo fft_fr)"
      for n in $SIZES; do
        if [ "$side" = kubz ]; then record kubz "$id" "$n" kubz "$w" "$n"
        else record peer "$id" "$n" node "$WORK/ff.mjs" "$w" "$n"; fi
      done ;;
    poseidon)
      if [ "$side" = kubz ]; then record kubz poseidon2 0 kubz poseidon
      else record peer poseidon2 0 node "$WORK/poseidon.mjs"; fi ;;
    plonk)
      if [ "$side" = kubz ]; then record kubz plonk_chain 15 kubz plonkChain 15 "$PLONK_REPS" 1
      else record peer plonk_chain 15 node "$WORK/plonk.mjs" "$PLONK_REPS" 1; fi ;;
  esac
}

for ((r = 1; r <= ROUNDS; r++)); do
  log "round $r of $ROUNDS (load: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?'))"
  for w in $WORKLOADS; do
    if ((r % 2)); then measure kubz "$w"; measure peer "$w"
    else measure peer "$w"; measure kubz "$w"; fi
  done
done
case " $WORKLOADS " in *" plonk "*) record peer plonk_chain_cli 15 plonk_cli ;; esac

# ---- bench/RESULTS.md ----
PTAU_SECONDS="$(cat "${PTAU:-$WORK/pot${PTAU_POWER}_final.ptau}.seconds" 2>/dev/null || echo '')"
if [ -f "$JAR" ] && "$JAVA" -cp "$JAR" io.kubz.bench.peers.ResultsMd peers "$OUT" "$ROOT/bench/RESULTS.md" \
    "node=$(node --version)" "ptau_power=$PTAU_POWER" "ptau_seconds=$PTAU_SECONDS" \
    "load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')" ${NOTE:+"note=$NOTE"}; then
  log "wrote bench/RESULTS.md (raw lines: $OUT)"
else
  log "could not write bench/RESULTS.md (no formatter in $JAR); raw lines: $OUT"
  cat "$OUT"
fi
