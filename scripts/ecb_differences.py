#!/usr/bin/env python3
"""Lists the non-`detail` differences that corroborate reports on ECB+ topics, for reading by hand.

usage: python3 scripts/ecb_differences.py [--topics 1-35] [--pile K] [--out FILE] [DATA]
  (run in the project root after `cargo build --release --example reconcile`). DATA is the shared
  data directory (default: $CORROBORATE_DATA, else ../shared/data); each topic is reconciled on its
  own, as ../shared/tools/ecb_score.py does; with --pile K (0, 1 or 2), the topics are dealt into three
  piles of the held-out measure's size and pile K is reconciled as one run. Writes one JSON list (default: stdout) of
  {"topic", "kind", "fact", "claims", "a", "b", "summary"} and prints a count per kind on stderr.
  docs/evaluation.md says how the lists were read and what was found."""
import collections, json, sys

from ecb_topics import option, topic_runs


def main(argv):
    if any(a in ("-h", "--help") for a in argv):
        print(__doc__)
        return 0
    spec = option(argv, "--topics", "1-45")
    out = option(argv, "--out", None)
    pile = option(argv, "--pile", None)
    rows = []
    _, runs, status = topic_runs(argv, spec, None if pile is None else int(pile))
    if runs is None:
        return status
    for t, _, report in runs:
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
