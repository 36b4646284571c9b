#!/usr/bin/env python3
"""Samples the multi-source facts corroborate reports on ECB+ topics, for reading by hand.

usage: python3 scripts/ecb_facts.py [--topics 1-35] [--pile K] [--sample N] [--seed S] [--out FILE] [DATA]
  (run in the project root after `cargo build --release --example reconcile`). DATA is the shared
  data directory (default: $CORROBORATE_DATA, else ../shared/data); each topic is reconciled on its
  own, as ../shared/tools/ecb_score.py does; with --pile K (0, 1 or 2), the topics are dealt into three
  piles of the held-out measure's size and pile K is reconciled as one run. Writes one JSON list (default: stdout) of
  {"topic", "fact", "status", "sources", "claims": [{"id", "text"}]}: every fact whose claims come
  from two sources or more, or a sample of N of them (default seed 1). Prints on stderr how many
  there are and how many mix the topic's two gold stories (`ecb` and `ecbplus` documents).
  docs/evaluation.md says how the sample was read and what was found. The texts are ECB+'s: keep
  the output outside the repository; a reading keeps claim ids only."""
import json, random, sys

from ecb_topics import option, topic_runs


def main(argv):
    if any(a in ("-h", "--help") for a in argv):
        print(__doc__)
        return 0
    spec = option(argv, "--topics", "1-45")
    sample = option(argv, "--sample", None)
    seed = int(option(argv, "--seed", "1"))
    out = option(argv, "--out", None)
    pile = option(argv, "--pile", None)
    rows, mixed = [], 0
    _, runs, status = topic_runs(argv, spec, None if pile is None else int(pile))
    if runs is None:
        return status
    for t, gold, report in runs:
        if gold is None:
            # A pile: a document's gold story is its topic and its half (`ecb` or `ecbplus`).
            story = {s["id"]: (s["id"].split("_")[0], s["id"].endswith("ecbplus")) for s in report["sources"]}
        else:
            story = {d["doc"]: d["subtopic"] for d in gold["docs"]}
        text = {c["id"]: c["text"] for c in report["claims"]}
        for f in report["facts"]:
            if len(set(f["sources"])) < 2:
                continue
            mixed += len({story.get(s) for s in f["sources"]}) > 1
            rows.append({"topic": t, "fact": f["id"], "status": f["status"], "sources": f["sources"],
                         "claims": [{"id": c, "text": text[c]} for c in f["claims"]]})
    total = len(rows)
    if sample is not None:
        rows = random.Random(seed).sample(rows, min(int(sample), total))
    body = json.dumps(rows, indent=1, ensure_ascii=False)
    if out:
        open(out, "w", encoding="utf-8").write(body)
    else:
        print(body)
    print(f"{total} multi-source facts, {mixed} of them mixing two gold stories; {len(rows)} written",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
