#!/usr/bin/env bash
# The model suite: for each model folder (network.onnx, input.json, reference_output.json) of the
# ezkl fixtures ($KUBZ_FIXTURES or ../shared/fixtures, onnx/ezkl-examples/*) and of the project's
# sequence fixtures (slicer/src/test/resources/models/sequence/*), or for the folders given, runs
#   kubz prove MODEL --input input.json --dev-srs --json --out BUNDLE [--proof-system SYSTEM]
#   kubz verify BUNDLE --model MODEL --dev-srs --json
# one at a time, each in a fresh JVM under a timeout and /usr/bin/time -v (peak RSS), compares the
# verified outputs with reference_output.json and writes a markdown table to OUT.md (plus the raw
# records beside it, OUT.jsonl). See bench/README.md.
#
# Usage: bench/suite.sh OUT.md [MODEL_DIR ...]
# Environment (optional): TIMEOUT=300 (seconds per command), ONLY=REGEX (models whose name matches),
# KUBZ_FIXTURES, KUBZ_JAVA_OPTS (e.g. -Xmx6g), KUBZ_THREADS, NOTE="..." (printed with the table),
# SYSTEM=gkr (prove with --proof-system gkr; default: kubz's default, plonkish),
# KEEP=1 (keep the bundles and logs in the work folder), RESULTS=1 (also write the table into the
# suite section of bench/RESULTS.md).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ $# -lt 1 ] || [[ "$1" == -* ]]; then
  awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "${BASH_SOURCE[0]}" >&2
  exit 2
fi
OUT="$(realpath -m "$1")"
shift
TIMEOUT="${TIMEOUT:-300}"
FIX="${KUBZ_FIXTURES:-$ROOT/../shared/fixtures}"
REPORT=(python3 "$ROOT/bench/suite_report.py")

models=()
if [ $# -gt 0 ]; then
  models=("$@")
else
  if [ -d "$FIX/onnx/ezkl-examples" ]; then
    models+=("$FIX"/onnx/ezkl-examples/*/)
  else
    echo "suite: no fixtures at $FIX/onnx/ezkl-examples (set KUBZ_FIXTURES); only the sequence fixtures" >&2
  fi
  models+=("$ROOT"/slicer/src/test/resources/models/sequence/*/)
fi

if [ ! -f "$ROOT/cli/target/kubz.jar" ]; then
  echo "suite: building cli/target/kubz.jar" >&2
  (cd "$ROOT" && mvn -B -q -ntp -DskipTests -pl cli -am package)
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/kubz-suite.XXXXXX")"
[ "${KEEP:-}" = 1 ] || trap 'rm -rf "$WORK"' EXIT
JSONL="${OUT%.md}.jsonl"
mkdir -p "$(dirname "$OUT")"
: > "$JSONL"

# run NAME CMD...: runs CMD under the timeout and /usr/bin/time, leaving NAME.{out,err,rc,secs,time}
run() {
  local name="$1" rc=0 t0
  shift
  t0=$EPOCHREALTIME
  /usr/bin/time -v -o "$W/$name.time" timeout -k 10 "$TIMEOUT" "$@" >"$W/$name.out" 2>"$W/$name.err" || rc=$?
  echo "$rc" > "$W/$name.rc"
  echo "$t0 $EPOCHREALTIME" | awk '{printf "%.3f\n", $2 - $1}' > "$W/$name.secs"
}

T0=$SECONDS
for dir in "${models[@]}"; do
  dir="${dir%/}"
  name="$(basename "$dir")"
  [[ "$dir" == */models/sequence/* ]] && name="sequence/$name"
  if [ -n "${ONLY:-}" ] && ! [[ "$name" =~ $ONLY ]]; then
    continue
  fi
  [ -f "$dir/network.onnx" ] || { echo "suite: skipping $dir (no network.onnx)" >&2; continue; }
  W="$WORK/${name//\//_}"
  mkdir -p "$W"
  echo "$TIMEOUT" > "$W/timeout"
  run prove "$ROOT/kubz" prove "$dir/network.onnx" --input "$dir/input.json" --dev-srs --json --out "$W/bundle.kubz" \
    ${SYSTEM:+--proof-system "$SYSTEM"}
  if [ "$(cat "$W/prove.rc")" = 0 ]; then
    run verify "$ROOT/kubz" verify "$W/bundle.kubz" --model "$dir/network.onnx" --dev-srs --json
  fi
  ref="$dir/reference_output.json"
  # a reference kubz made itself where the fixture has none (bench/references/make_references.py)
  [ -f "$ref" ] || ref="$ROOT/bench/references/$(basename "$dir")/reference_output.json"
  [ -f "$ref" ] || ref=""
  "${REPORT[@]}" row "$W" "$name" "$ref" "$dir/input.json" "$JSONL"
  [ "${KEEP:-}" = 1 ] || rm -f "$W/bundle.kubz"
done
"${REPORT[@]}" table "$JSONL" "$OUT" \
  "${NOTE:+$NOTE; }$(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); timeout ${TIMEOUT} s per command; $(java -version 2>&1 | head -1)"
if [ "${RESULTS:-}" = 1 ]; then
  "${REPORT[@]}" splice "$OUT" "$ROOT/bench/RESULTS.md"
fi
echo "suite: $((SECONDS - T0)) s; table in $OUT, records in $JSONL${KEEP:+, logs in $WORK}"
