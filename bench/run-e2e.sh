#!/usr/bin/env bash
# The end-to-end bench: `kubz prove` and `kubz verify` on the example models (and the ezkl fixture
# models when ../shared/fixtures is present, or the ONNX files given, each with the input.json beside
# it), one fresh JVM per run, per-stage wall time and peak memory. Writes bench/results/e2e-*.jsonl and
# the e2e section of bench/RESULTS.md. See bench/README.md.
#
# Environment (optional): PLANS="default,rows=12" (comma list: default = per layer, rows=K = --max-rows K,
# gkr = --proof-system gkr), E2E_LARGE=1 (adds the 264k-parameter CIFAR CNN and the 4M-parameter MLP),
# E2E_ONLY=REGEX (only the models whose name matches), JAVA_HOME, NOTE="..." (printed with the results), KUBZ_FIXTURES (where the fixtures are).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/bench/target/benchmarks.jar"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
PLANS="${PLANS:-default,rows=12}"
if [ ! -f "$JAR" ]; then
  echo "building $JAR" >&2
  (cd "$ROOT" && mvn -B -q -ntp -DskipTests -pl bench -am package)
fi
mkdir -p "$ROOT/bench/results"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$ROOT/bench/results/e2e-$STAMP.jsonl"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/kubz-e2e.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
T0=$SECONDS
"$JAVA" ${E2E_ONLY:+-Dkubz.e2e.only="$E2E_ONLY"} ${E2E_LARGE:+-Dkubz.e2e.large=true} -cp "$JAR" io.kubz.bench.e2e.EndToEnd "$OUT" "$WORK" "$PLANS" "$@"
"$JAVA" -cp "$JAR" io.kubz.bench.peers.ResultsMd e2e "$OUT" "$ROOT/bench/RESULTS.md" \
  "raw=bench/results/$(basename "$OUT")" "load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')" \
  ${NOTE:+"note=$NOTE"} >/dev/null
echo "end-to-end bench: $((SECONDS - T0)) s; results in $OUT and bench/RESULTS.md"
