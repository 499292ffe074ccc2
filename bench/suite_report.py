#!/usr/bin/env python3
"""Helper of bench/suite.sh (standard library only; bench scripts only, never the build or tests).

  suite_report.py row WORK NAME REF INPUT JSONL  classify one model's prove/verify run, append a JSON line
  suite_report.py table JSONL OUT.md [NOTE] write the markdown table (and the failing models)
  suite_report.py splice OUT.md RESULTS.md  put OUT.md into RESULTS.md's suite section (kept apart
                                            from the other scripts' sections)

WORK holds what suite.sh captured: prove.{rc,out,err,secs,time}, verify.{rc,out,err,secs,time}
(verify.* only when the proof was made). REF is the model's reference_output.json; where it is
absent (onnxruntime rejects the model) the output_data of INPUT (ezkl's input.json) is the reference,
and the row says so.

Status of a model, first match wins:
  timeout         prove or verify was stopped by the per-model timeout (exit 124/137)
  OOM             an OutOfMemoryError, or kubz's "out of memory" message
  internal error  exit 1, "internal error", or a stack trace on stderr (the CLI must never print one)
  refused         prove exited 2 (usage) or 3 (bad input): the reason is the first line of stderr
  verify failed   prove succeeded but verify did not say valid
  proved+verified both succeeded; the error is max |proved - reference| / max |reference| in %
"""
import json
import os
import re
import sys


def read(work, name, default=""):
    path = os.path.join(work, name)
    if not os.path.exists(path):
        return default
    with open(path, errors="replace") as fh:
        return fh.read()


def peak_rss_mib(text):
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    return int(m.group(1)) / 1024 if m else None


def first_line(text):
    """The first line of a command's stderr that says something, skipping kubz's warnings (the dev
    SRS warning precedes every message of a --dev-srs run)."""
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("WARNING: "):
            return line[len("kubz: "):] if line.startswith("kubz: ") else line
    return "(no message)"


def classify(rc, err):
    """The failure class of one command, or None when it succeeded."""
    if rc in (124, 137) or "timed out" in err:
        return "timeout"
    if "OutOfMemoryError" in err or "out of memory" in err:
        return "OOM"
    if rc == 1 or "internal error" in err or re.search(r"^\s+at [\w.$]+\(", err, re.M) \
            or "Exception in thread" in err:
        return "internal error"
    if rc != 0:
        return "refused"
    return None


def outputs_of(text):
    """The output tensors (name -> flat values) of a prove or verify --json answer."""
    try:
        doc = json.loads(text)
    except ValueError:
        return None
    outs = {}
    for o in doc.get("outputs") or []:
        if o.get("values") is not None:
            outs[o.get("name")] = [float(v) for v in flatten(o["values"])]
    return outs


def flatten(v):
    if isinstance(v, list):
        for x in v:
            yield from flatten(x)
    else:
        yield v


def references(ref_text, input_text):
    """(outputs as [(name, flat values)], source): onnxruntime's reference_output.json, else the
    output_data ezkl left in input.json (its quantized outputs: for the models onnxruntime rejects)."""
    if ref_text:
        return [(r["name"], [float(v) for v in r["data"]]) for r in json.loads(ref_text)["outputs"]], None
    try:
        data = json.loads(input_text).get("output_data") if input_text else None
    except ValueError:
        data = None
    if data:
        return [(None, [float(v) for v in flatten(d)]) for d in data], "reference: ezkl's output_data"
    return None, None


def error_percent(got, ref):
    """max |got - want| / max |want| over all outputs (matched by name, else by order), in %."""
    if ref is None:
        return None, "no reference_output.json"
    if not got:
        return None, "no public output values to compare"
    names = list(got)
    worst, scale = 0.0, 0.0
    for i, (name, want) in enumerate(ref):
        have = got.get(name) or (got[names[i]] if i < len(names) else None)
        if have is None or len(have) != len(want):
            return None, f"output {name or i}: {0 if have is None else len(have)} values, reference {len(want)}"
        scale = max([scale] + [abs(w) for w in want])
        worst = max([worst] + [abs(h - w) for h, w in zip(have, want)])
    return 100.0 * worst / (scale if scale > 0 else 1.0), None


def row(work, name, ref_path, input_path, jsonl):
    rec = {"model": name, "prove_s": None, "verify_s": None, "peak_rss_mib": None, "error_pct": None}
    prc = int(read(work, "prove.rc", "1").strip() or 1)
    perr = read(work, "prove.err")
    rec["prove_s"] = float(read(work, "prove.secs", "0") or 0)
    rss = [peak_rss_mib(read(work, "prove.time")), peak_rss_mib(read(work, "verify.time"))]
    rss = [r for r in rss if r is not None]
    rec["peak_rss_mib"] = max(rss) if rss else None
    failure = classify(prc, perr)
    if failure:
        rec["status"] = failure
        rec["reason"] = "prove: " + (f"exceeded {read(work, 'timeout').strip()} s" if failure == "timeout"
                                     else first_line(perr))
    else:
        vrc = int(read(work, "verify.rc", "1").strip() or 1)
        verr, vout = read(work, "verify.err"), read(work, "verify.out")
        rec["verify_s"] = float(read(work, "verify.secs", "0") or 0)
        vfail = classify(vrc, verr)
        try:
            valid = json.loads(vout).get("valid") is True
        except ValueError:
            valid = False
        if vfail in ("timeout", "OOM", "internal error"):
            rec["status"], rec["reason"] = vfail, "verify: " + first_line(verr)
        elif vrc != 0 or not valid:
            reason = first_line(verr)
            if reason == "(no message)":
                try:
                    reason = json.loads(vout).get("reason") or reason
                except ValueError:
                    pass
            rec["status"], rec["reason"] = "verify failed", "verify: " + str(reason)
        else:
            rec["status"] = "proved+verified"
            got = outputs_of(vout) or outputs_of(read(work, "prove.out"))
            ref, source = references(read(*os.path.split(ref_path)) if ref_path else "",
                                     read(*os.path.split(input_path)))
            rec["error_pct"], why = error_percent(got, ref)
            if why or source:
                rec["reason"] = why or source
    with open(jsonl, "a") as fh:
        fh.write(json.dumps(rec) + "\n")
    print(f"{name}: {rec['status']}" + (f" ({short(rec['reason'], 200)})" if rec.get("reason") else "")
          + (f", error {rec['error_pct']:.3g} %" if rec["error_pct"] is not None else ""))


def short(reason, limit):
    """A reason without the importer's list of supported operators, at most `limit` characters."""
    reason = re.sub(r"\s*kubz supports: [^.]*\.", "", reason).replace("|", "\\|").replace("\n", " ")
    return reason if len(reason) <= limit else reason[:limit - 1] + "…"


def fmt(v, spec):
    return "–" if v is None else format(v, spec)


def table(jsonl, out, note=""):
    recs = [json.loads(line) for line in open(jsonl) if line.strip()]
    ok = [r for r in recs if r["status"] == "proved+verified"]
    within = [r for r in ok if r["error_pct"] is not None and r["error_pct"] <= 1.0]
    lines = ["## The model suite: kubz prove and kubz verify per model (bench/suite.sh)", ""]
    if note:
        lines += [f"- {note}"]
    lines += [f"- {len(ok)} of {len(recs)} models proved and verified; {len(within)} of them within 1 % error"
              " (max |proved − reference| / max |reference|, reference: onnxruntime's reference_output.json)",
              "- Peak RSS: the larger of the prove and the verify process (`/usr/bin/time -v`)", "",
              "| model | status | prove s | verify s | peak RSS MiB | error % |", "|---|---|---|---|---|---|"]
    for r in recs:
        status = r["status"] + (f" ({short(r['reason'], 100)})" if r.get("reason") else "")
        lines.append(f"| {r['model']} | {status} | {fmt(r['prove_s'], '.1f')} | {fmt(r['verify_s'], '.1f')}"
                     f" | {fmt(r['peak_rss_mib'], '.0f')} | {fmt(r['error_pct'], '.3g')} |")
    failing = [r for r in recs if r not in within]
    if failing:
        lines += ["", "Models that do not prove and verify within 1 %, with the reason:", ""]
        for r in failing:
            lines.append(f"- {r['model']}: {r['status']}" + (f": {short(r['reason'], 400)}" if r.get("reason") else "")
                         + (f" (error {r['error_pct']:.3g} %)" if r.get("error_pct") is not None else ""))
    with open(out, "w") as fh:
        fh.write("\n".join(lines) + "\n")


def splice(table_md, results_md):
    begin, end = "<!-- BEGIN suite (generated) -->", "<!-- END suite -->"
    with open(table_md) as fh:
        section = f"{begin}\n{fh.read().rstrip()}\n{end}"
    text = open(results_md).read() if os.path.exists(results_md) else ""
    if begin in text and end in text:
        text = text[:text.index(begin)] + section + text[text.index(end) + len(end):]
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    with open(results_md, "w") as fh:
        fh.write(text)


if __name__ == "__main__":
    if len(sys.argv) >= 7 and sys.argv[1] == "row":
        row(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6])
    elif len(sys.argv) >= 4 and sys.argv[1] == "table":
        table(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else "")
    elif len(sys.argv) == 4 and sys.argv[1] == "splice":
        splice(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
