#!/usr/bin/env bash
# Distributed proving, measured: the same model proved by `kubz prove --cluster` on 1 worker with
# 1 thread and on 2 workers with 1 thread each (all on this machine, loopback), plus the
# coordinator's overhead per slice (transfer = round trip minus the worker's proving, and verify)
# against that slice's proving time. Writes bench/results/cluster-<UTC date>.json and prints a
# summary. Does not touch bench/RESULTS.md.
#
# Environment:
#   MODEL=lenet|cnn|mlp  the demo's LeNet-like CNN (default; 5 slices), ExampleModels.cnn (3 slices,
#                     one of them ~80% of the work, so 2 workers cannot beat ~1.25x), or a 12-layer
#                     32-wide MLP (12 equal slices: what the scheduling itself can reach)
#   RUNS=3            measured runs per configuration, alternating (after one warm-up run each that
#                     lets the workers compile and key the model once, as a long-running worker would)
#   PORT_BASE=5801    ports PORT_BASE, +1 (1-worker cluster), PORT_BASE+10 .. +12 (2-worker cluster)
#   KUBZ_JAR=...      the runnable jar (default cli/target/kubz.jar, built when missing)
#   JAVA_HOME         another JDK; WORKER_OPTS / COORD_OPTS extra JVM flags
# The coordinator runs with --threads 1 too; a quiet 2-core machine is what the figures are for.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
model_kind="${MODEL:-lenet}"
runs="${RUNS:-3}"
base="${PORT_BASE:-5801}"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jar="${KUBZ_JAR:-$root/cli/target/kubz.jar}"
if [[ ! -f "$jar" ]]; then
  echo "building $jar ..." >&2
  mvn -f "$root/pom.xml" -B -q -ntp -DskipTests -pl cli -am package >&2
fi
stamp="$(date -u +%Y%m%d-%H%M%S)"
work="$(mktemp -d "${TMPDIR:-/tmp}/kubz-cluster-bench.XXXXXX")"
mkdir -p "$root/bench/results"
out="$root/bench/results/cluster-$stamp.json"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
}
trap cleanup EXIT

# The model and its input, written by kubz's own example generator.
cat > "$work/make.jsh" <<JSH
import io.kubz.slicer.onnx.ExampleModels;
var m = switch ("$model_kind") {
  case "cnn" -> ExampleModels.cnn(2024);
  case "mlp" -> ExampleModels.mlp(2024, java.util.stream.IntStream.range(0, 13).map(i -> 32).toArray());
  default -> ExampleModels.lenet(2024);
};
java.nio.file.Files.write(java.nio.file.Path.of("$work/model.onnx"), m.toByteArray());
var g = io.kubz.slicer.onnx.OnnxImporter.read(java.nio.file.Path.of("$work/model.onnx"));
var x = ExampleModels.input(2024, g.inputs().get(0).shape());
java.nio.file.Files.writeString(java.nio.file.Path.of("$work/input.json"), io.kubz.field.json.Json.write(
    java.util.Map.of("input_data", java.util.List.of(java.util.Arrays.stream(x.data()).boxed().toList()))));
/exit
JSH
"${JAVA_HOME:+$JAVA_HOME/bin/}jshell" --class-path "$jar" "$work/make.jsh" >/dev/null

# Two clusters side by side, so that the configurations alternate run by run (load drift on a
# shared machine then hits both alike): "one" = a coordinator and 1 worker, "two" = a coordinator
# and 2 workers. Idle workers wait without using the CPU.
start_worker() { # cluster-name join-port port
  "$java" -XX:+UseSerialGC ${WORKER_OPTS:-} -Dhazelcast.local.localAddress=127.0.0.1 -jar "$jar" worker \
    --join "127.0.0.1:$2" --port "$3" --threads 1 --cluster-name "$1" >"$work/worker-$3.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 600); do
    grep -q "joined a cluster" "$work/worker-$3.log" 2>/dev/null && return 0
    sleep 0.2
  done
  echo "worker on port $3 did not start; log: $work/worker-$3.log" >&2
  exit 1
}
prove() { # config label
  local t0 t1 port=$base
  [[ $1 == two ]] && port=$((base + 10))
  t0=$(date +%s.%N)
  "$java" ${COORD_OPTS:-} -Dhazelcast.local.localAddress=127.0.0.1 -jar "$jar" prove "$work/model.onnx" \
    --input "$work/input.json" --dev-srs --keys "$work/keys" --threads 1 --cluster "127.0.0.1:$port" \
    --cluster-port "$port" --cluster-name "bench-$stamp-$1" --worker-wait 120s --json --out "$work/$2.kubz" \
    >"$work/$2.json" 2>"$work/$2.err"
  t1=$(date +%s.%N)
  echo "$t0 $t1" >"$work/$2.wall"
  "$java" -jar "$jar" verify "$work/$2.kubz" --model "$work/model.onnx" --dev-srs >/dev/null
  echo "  $2: $(awk '{printf "%.1f s", $2 - $1}' "$work/$2.wall") wall, bundle verified" >&2
}

echo "model $model_kind: 1 worker x 1 thread vs 2 workers x 1 thread, $runs alternating run(s) each" >&2
start_worker "bench-$stamp-one" "$base" $((base + 1))
start_worker "bench-$stamp-two" $((base + 10)) $((base + 11))
start_worker "bench-$stamp-two" $((base + 10)) $((base + 12))
prove one one-warmup # each worker compiles and keys the model once, as a long-running worker would
prove two two-warmup
for r in $(seq 1 "$runs"); do
  if (( r % 2 )); then prove one "one-$r"; prove two "two-$r"; else prove two "two-$r"; prove one "one-$r"; fi
done

python3 - "$work" "$runs" "$model_kind" "$out" "$("$java" -version 2>&1 | head -1)" <<'PY'
import json, os, sys, statistics, platform
work, runs, kind, out, jdk = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
def load(label):
    j = json.load(open(os.path.join(work, label + ".json")))
    t0, t1 = map(float, open(os.path.join(work, label + ".wall")).read().split())
    stages = {s["stage"]: s["seconds"] for s in j["stages"]} if isinstance(j["stages"], list) else j["stages"]
    sl = j["cluster"]["slices"]
    return {"wall_seconds": t1 - t0, "stages": stages, "slices": sl, "rows": [s["k"] for s in j["slices"]],
            "proving_seconds_sum": sum(s["worker_seconds"] for s in sl)}
res = {"model": kind, "jdk": jdk, "machine": f"{os.cpu_count()} cores, {platform.machine()}, {platform.system()}",
       "load_average_at_end": os.getloadavg(), "note": "smoke: workers and coordinator share this machine's cores"}
for cfg in ("one", "two"):
    rs = [load(f"{cfg}-{r}") for r in range(1, runs + 1)]
    res[cfg] = rs
def prove_stage(r):
    st = r["stages"]
    for key in ("prove",):
        if key in st:
            v = st[key]
            return v["seconds"] if isinstance(v, dict) else v
    return None
one = statistics.median(prove_stage(r) for r in res["one"])
two = statistics.median(prove_stage(r) for r in res["two"])
wone = statistics.median(r["wall_seconds"] for r in res["one"])
wtwo = statistics.median(r["wall_seconds"] for r in res["two"])
per = []
for r in res["one"] + res["two"]:
    for s in r["slices"]:
        per.append(s)
summary = {
    "prove_stage_seconds": {"one_worker": one, "two_workers": two, "speedup": one / two},
    "wall_seconds": {"one_worker": wone, "two_workers": wtwo, "speedup": wone / wtwo},
    "proving_seconds_sum": {"one_worker": statistics.median(r["proving_seconds_sum"] for r in res["one"]),
                            "two_workers": statistics.median(r["proving_seconds_sum"] for r in res["two"])},
    "per_slice_overhead": [{"slice": s["slice"], "worker_seconds": s["worker_seconds"],
        "transfer_seconds": s["transfer_seconds"], "verify_seconds": s["verify_seconds"],
        "overhead_fraction": (s["transfer_seconds"] + s["verify_seconds"]) / max(1e-9, s["worker_seconds"])}
        for s in res["one"][0]["slices"]],
}
res["summary"] = summary
json.dump(res, open(out, "w"), indent=2)
print(f"model {kind}: prove stage 1 worker {one:.1f} s, 2 workers {two:.1f} s, speed-up {one/two:.2f}x; "
      f"whole command {wone:.1f} s vs {wtwo:.1f} s ({wone/wtwo:.2f}x)")
ps = summary["proving_seconds_sum"]
print(f"  sum of the slices' proving times: {ps['one_worker']:.1f} s (1 worker) vs {ps['two_workers']:.1f} s (2 workers);"
      " equal on a quiet machine, larger for 2 when the cores are busy elsewhere")
for s in summary["per_slice_overhead"]:
    print(f"  slice {s['slice']}: proving {s['worker_seconds']:.2f} s, transfer {1000*s['transfer_seconds']:.1f} ms, "
          f"verify {1000*s['verify_seconds']:.1f} ms ({100*s['overhead_fraction']:.1f}%)")
print("written", out)
PY
