#!/usr/bin/env python3
"""Lists the non-`detail` differences that corroborate reports on ECB+ topics, for reading by hand.

usage: python3 scripts/ecb_differences.py [--topics 1-35] [--out FILE] [DATA]
  (run in the project root after `cargo build --release --example reconcile`). DATA is the shared
  data directory (default: $CORROBORATE_DATA, else ../shared/data); each topic is reconciled on its
  own, as ../shared/tools/ecb_score.py does. Writes one JSON list (default: stdout) of
  {"topic", "kind", "fact", "claims", "a", "b", "summary"} and prints a count per kind on stderr.
  docs/evaluation.md says how the lists were read and what was found."""
import collections, json, os, subprocess, sys


def topic_list(spec, available):
    out = set()
    for part in spec.split(","):
        if "-" in part:
            lo, hi = part.split("-", 1)
            out.update(range(int(lo), int(hi) + 1))
        elif part:
            out.add(int(part))
    return sorted(out & set(available))


def main(argv):
    if any(a in ("-h", "--help") for a in argv):
        print(__doc__)
        return 0
    spec, out = "1-45", None
    if "--topics" in argv:
        k = argv.index("--topics"); spec = argv[k + 1]; del argv[k:k + 2]
    if "--out" in argv:
        k = argv.index("--out"); out = argv[k + 1]; del argv[k:k + 2]
    data = argv[0] if argv else os.environ.get("CORROBORATE_DATA", os.path.join("..", "shared", "data"))
    ecb = os.path.join(data, "ecbplus")
    if not os.path.isdir(ecb):
        print(f"error: no ecbplus/ in {data}", file=sys.stderr)
        return 2
    exe = os.path.join("target", "release", "examples", "reconcile")
    available = [int(d) for d in os.listdir(ecb) if d.isdigit()]
    rows = []
    for t in topic_list(spec, available):
        gold = json.load(open(os.path.join(ecb, str(t), "gold.json"), encoding="utf-8"))
        files = [os.path.join(ecb, str(t), d["file"]) for d in gold["docs"]]
        run = subprocess.run([exe, "--format", "json"] + files, capture_output=True, text=True)
        if run.returncode != 0:
            print(f"error: reconcile exits {run.returncode} on topic {t}", file=sys.stderr)
            return 1
        report = json.loads(run.stdout)
        text = {c["id"]: c["text"] for c in report["claims"]}
        for d in report["differences"]:
            if d["kind"] == "detail":
                continue
            a, b = d["claims"][:2]
            rows.append({"topic": t, "kind": d["kind"], "fact": d["fact"], "claims": [a, b],
                         "a": text[a], "b": text[b], "summary": d["summary"]})
    body = json.dumps(rows, indent=1, ensure_ascii=False)
    if out:
        open(out, "w", encoding="utf-8").write(body)
    else:
        print(body)
    counts = collections.Counter(r["kind"] for r in rows)
    print(f"{len(rows)} differences: " + ", ".join(f"{k} {n}" for k, n in counts.most_common()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
