"""Records and table of bench/targets.sh (see its header)."""
import json
import statistics
import sys

GKR_STAGES = ["witness", "commit", "towers", "layers", "opening"]


def record(work, name, system, jdk):
    def load(f):
        try:
            with open(f"{work}/{f}") as h:
                return json.load(h)
        except (OSError, ValueError):
            return None

    def time(f):
        try:
            wall, rss = open(f"{work}/{f}").read().split()[-2:]
            return float(wall), int(rss) * 1024
        except (OSError, ValueError):
            return None, None

    p, m, d = load("prove.json"), load("model.json"), load("digest.json")
    r = {"model": name, "system": system, "jdk": jdk}
    if p is None:
        r["error"] = open(f"{work}/prove.err").read().strip().splitlines()[-1:]
        return json.dumps(r)
    stages = {s["stage"]: s["seconds"] for s in p["stages"]}
    r["prove_stage"] = stages.get("prove") if system == "plonkish" else sum(stages.get(s, 0) for s in GKR_STAGES)
    r["stages"] = stages
    r["prove_wall"], r["prove_rss"] = time("prove.time")
    r["bundle_bytes"] = p["bundle_bytes"]
    r["relative_error"] = p.get("accuracy", {}).get("relative_error")
    for key, v, f in (("model", m, "model.time"), ("digest", d, "digest.time")):
        r[f"verify_{key}_valid"] = bool(v and v.get("valid"))
        r[f"verify_{key}_own"] = v.get("seconds") if v else None
        r[f"verify_{key}_wall"] = time(f)[0]
    return json.dumps(r)


def table(jsonl, note):
    rows = {}
    for line in open(jsonl):
        r = json.loads(line)
        rows.setdefault((r["model"], r["system"], r["jdk"]), []).append(r)

    def fmt(xs, unit="s", digits=2):
        xs = [x for x in xs if x is not None]
        if not xs:
            return "—"
        med = statistics.median(xs)
        if len(xs) == 1:
            return f"{med:.{digits}f} {unit}"
        return f"{med:.{digits}f} {unit} [{min(xs):.{digits}f}–{max(xs):.{digits}f}]"

    out = ["| model | system | JDK | runs | prove stage | stages (median) | whole `prove` | peak RSS | bundle | "
           "`verify --model` wall (own) | `verify --digest` wall (own) | verified | error |",
           "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for (model, system, jdk), rs in rows.items():
        ok = [r for r in rs if "error" not in r]
        if not ok:
            out.append(f"| {model} | {system} | {jdk} | {len(rs)} | failed: {rs[0]['error']} |" + " |" * 8)
            continue
        keys = GKR_STAGES if system == "gkr" else ["compile", "keygen", "witness", "prove"]
        st = ", ".join(f"{k} {statistics.median(r['stages'].get(k, 0) for r in ok):.2f}" for k in keys)
        verified = sum(r["verify_model_valid"] and r["verify_digest_valid"] for r in ok)
        jdk_name = jdk.replace("openjdk version", "").replace('"', "").strip()
        out.append(
            f"| {model} | {system} | {jdk_name} | {len(ok)} | "
            f"{fmt([r['prove_stage'] for r in ok])} | {st} | {fmt([r['prove_wall'] for r in ok])} | "
            f"{fmt([r['prove_rss'] / 2**20 for r in ok], 'MB', 0)} | {ok[0]['bundle_bytes'] / 1024:.0f} KB | "
            f"{fmt([r['verify_model_wall'] for r in ok])} ({fmt([r['verify_model_own'] for r in ok])}) | "
            f"{fmt([r['verify_digest_wall'] for r in ok])} ({fmt([r['verify_digest_own'] for r in ok])}) | "
            f"{verified}/{len(ok)} | {100 * (ok[0]['relative_error'] or 0):.2f} % |")
    out.append("")
    out.append(note)
    print("\n".join(out))


if __name__ == "__main__":
    if sys.argv[1] == "record":
        print(record(*sys.argv[2:6]))
    elif sys.argv[1] == "table":
        table(sys.argv[2], sys.argv[3])
    else:
        sys.exit("usage: targets_report.py record WORK NAME SYSTEM JDK | table JSONL NOTE")
