#!/usr/bin/env bash
# The #19 target models, repeated: ezkl's lenet_5 on both back ends and the 264k-parameter CIFAR CNN
# and the 4M-parameter MLP (ExampleModels, seed 7) on the gkr back end, each `kubz prove --json`,
# `kubz verify --model` and `kubz verify --digest` in a fresh JVM per command, REPS times per JDK,
# interleaved (model by model, JDK by JDK) so that a change of load hits every row alike. Prints a
# markdown table of medians with [min–max] and writes the raw records beside OUT.md (OUT.jsonl).
#
# Usage: bench/targets.sh OUT.md
# Environment (optional): REPS=3, JAVAS="java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java" (the JDKs
# to run, each a java command), ONLY=REGEX (rows whose "model system" matches), KUBZ_FIXTURES.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ $# -ne 1 ] || [[ "$1" == -* ]]; then
  awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "${BASH_SOURCE[0]}" >&2
  exit 2
fi
OUT="$(realpath -m "$1")"
JSONL="${OUT%.md}.jsonl"
REPS="${REPS:-3}"
JAVAS="${JAVAS:-java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
FIX="${KUBZ_FIXTURES:-$ROOT/../shared/fixtures}"
JAR="$ROOT/cli/target/kubz.jar"
BENCH="$ROOT/bench/target/benchmarks.jar"
[ -f "$JAR" ] && [ -f "$BENCH" ] || (cd "$ROOT" && mvn -B -q -ntp -DskipTests -pl cli,bench -am package)
WORK="$(mktemp -d "${TMPDIR:-/tmp}/kubz-targets.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
java -cp "$BENCH" io.kubz.bench.e2e.EndToEnd --examples "$WORK/ex" 2>/dev/null
rows=()
LENET="$FIX/onnx/ezkl-examples/lenet_5"
if [ -f "$LENET/network.onnx" ]; then
  rows+=("lenet_5|plonkish|$LENET" "lenet_5|gkr|$LENET")
else
  echo "targets: no $LENET (set KUBZ_FIXTURES); lenet_5 skipped" >&2
fi
rows+=("cifar_cnn_264k|gkr|$WORK/ex/cifar_cnn_264k_example_" "mlp_4m|gkr|$WORK/ex/mlp_4_example_")
: > "$JSONL"
for rep in $(seq 1 "$REPS"); do
  for row in "${rows[@]}"; do
    IFS='|' read -r name sys dir <<< "$row"
    if [ -n "${ONLY:-}" ] && ! [[ "$name $sys" =~ $ONLY ]]; then
      continue
    fi
    for j in $JAVAS; do
      W="$WORK/run"
      rm -rf "$W" && mkdir -p "$W"
      /usr/bin/time -f "%e %M" -o "$W/prove.time" "$j" -jar "$JAR" prove "$dir/network.onnx" --input "$dir/input.json" \
        --dev-srs --proof-system "$sys" --json --out "$W/b.kubz" > "$W/prove.json" 2> "$W/prove.err" || true
      digest="$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['model_digest'])" "$W/prove.json" 2>/dev/null || true)"
      /usr/bin/time -f "%e %M" -o "$W/model.time" "$j" -jar "$JAR" verify "$W/b.kubz" --model "$dir/network.onnx" \
        --dev-srs --json > "$W/model.json" 2> "$W/model.err" || true
      /usr/bin/time -f "%e %M" -o "$W/digest.time" "$j" -jar "$JAR" verify "$W/b.kubz" --digest "${digest:-0}" \
        --dev-srs --json > "$W/digest.json" 2> "$W/digest.err" || true
      python3 "$ROOT/bench/targets_report.py" record "$W" "$name" "$sys" "$("$j" -version 2>&1 | head -1)" >> "$JSONL"
      echo "targets: rep $rep $name $sys $(tail -1 "$JSONL" | cut -c1-160)" >&2
    done
  done
done
python3 "$ROOT/bench/targets_report.py" table "$JSONL" "$(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); $REPS runs per row" > "$OUT"
cat "$OUT"
