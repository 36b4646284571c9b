#!/usr/bin/env python3
"""Same-happening lead pairs on ECB+ topics: how many corroborate links (one fact or one edge).

usage: python3 scripts/ecb_leads.py [--topics 1-35] [--with-headlines] [--misses] [DATA]
  (run in the project root after `cargo build --release --example reconcile`). DATA is the shared
  data directory (default: $CORROBORATE_DATA, else ../shared/data). Each topic is reconciled on its
  own. An article's lead is its first two annotated body sentences, as the held-out reading takes
  them (an `ecbplus` article's URL line and headline left out; `--with-headlines` keeps the
  headline, as this script did before 2026-12-07's eighth session); two leads of two articles of
  one gold story report the same happening when they share an event chain. Printed: the share of such pairs linked, overall and for pairs written
  independently (word Jaccard of the two sentences below 0.6, so not one wire text). With
  `--misses`, where the unlinked pairs are: a lead sentence without a claim, the two articles in
  two stories of the run, in one story of fewer than four sources (no happening links there), or in
  one larger story."""
import itertools, os, re, sys

from ecb_topics import option, topic_runs


def words(text):
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def is_headline(tdir, s, subtopic):
    """Whether an annotated sentence is its article's headline rather than a body sentence: the
    first line of the text (line 0 of an `ecb` file; in the `ecbplus` files line 0 is the page's
    URL and line 1 its headline) when it has no sentence-final punctuation. On the development
    data that is 369 of the 381 `ecbplus` files and 103 of the 391 `ecb` files."""
    if s["sentence"] != (1 if subtopic == "ecbplus" else 0):
        return False
    with open(os.path.join(tdir, s["doc"] + ".txt"), "rb") as f:
        line = f.read()[s["start"]:s["end"]].decode("utf-8").rstrip()
    return not line.endswith((".", "!", "?", '"', "\u201d"))


def main(argv):
    if any(a in ("-h", "--help") for a in argv):
        print(__doc__)
        return 0
    with_headlines = "--with-headlines" in argv
    if with_headlines:
        argv.remove("--with-headlines")
    show_misses = "--misses" in argv
    if show_misses:
        argv.remove("--misses")
    misses = {"no claim": 0, "two stories": 0, "small story": 0, "one story": 0}
    spec = option(argv, "--topics", "1-45")
    total = linked = indep = indep_linked = 0
    ecb, runs, status = topic_runs(argv, spec)
    if runs is None:
        return status
    for t, gold, rep in runs:
        tdir = os.path.join(ecb, str(t))
        sub = {d["doc"]: d["subtopic"] for d in gold["docs"]}
        by_doc = {}
        for s in sorted(gold["sentences"], key=lambda s: (s["doc"], s["sentence"])):
            if sub[s["doc"]] == "ecbplus" and s["sentence"] == 0:
                continue
            if not with_headlines and is_headline(tdir, s, sub[s["doc"]]):
                continue
            by_doc.setdefault(s["doc"], []).append(s)
        leads = [s for doc in by_doc.values() for s in doc[:2]]
        stem = lambda p: os.path.basename(str(p)).removesuffix(".txt")
        # Claims overlapping each lead sentence; claims joined by a fact or a link.
        over = {}
        for c in rep["claims"]:
            for k, s in enumerate(leads):
                if stem(c["source"]) == s["doc"] and c["start"] < s["end"] and c["end"] > s["start"]:
                    over.setdefault(k, set()).add(c["id"])
        fact_of = {c: f["id"] for f in rep["facts"] for c in f["claims"]}
        story_of = {stem(src): st["id"] for st in rep.get("stories", []) for src in st["sources"]}
        story_size = {}
        for st in story_of.values():
            story_size[st] = story_size.get(st, 0) + 1
        edges = {frozenset(l["claims"]) for l in rep.get("links", [])}
        def joined(x, y):
            return any(fact_of[a] == fact_of[b] or frozenset((a, b)) in edges
                       for a in over.get(x, ()) for b in over.get(y, ()))
        text = {}
        for k, s in enumerate(leads):
            with open(os.path.join(tdir, s["doc"] + ".txt"), "rb") as f:
                text[k] = f.read()[s["start"]:s["end"]].decode("utf-8")
        for x, y in itertools.combinations(range(len(leads)), 2):
            a, b = leads[x], leads[y]
            if a["doc"] == b["doc"] or sub[a["doc"]] != sub[b["doc"]] or not set(a["chains"]) & set(b["chains"]):
                continue
            wa, wb = words(text[x]), words(text[y])
            copy = len(wa & wb) / max(1, len(wa | wb)) >= 0.6
            hit = joined(x, y)
            total += 1; linked += hit
            if not hit:
                if x not in over or y not in over:
                    misses["no claim"] += 1
                elif story_of.get(a["doc"]) != story_of.get(b["doc"]):
                    misses["two stories"] += 1
                elif story_size[story_of[a["doc"]]] < 4:
                    misses["small story"] += 1
                else:
                    misses["one story"] += 1
            if not copy:
                indep += 1; indep_linked += hit
    print(f"same-happening lead pairs: {total}, linked {linked} ({linked / max(1, total):.3f}); "
          f"written independently: {indep}, linked {indep_linked} ({indep_linked / max(1, indep):.3f})")
    if show_misses:
        print("unlinked: " + ", ".join(f"{k} {v}" for k, v in misses.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
