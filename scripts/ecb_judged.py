#!/usr/bin/env python3
"""Scores today's differences of the ECB+ piles against a reading kept in docs/judged/.

usage: python3 scripts/ecb_judged.py [--judged FILE] [DATA]
  (run in the project root after `cargo build --release --example reconcile`). FILE is a reading of
  pile differences (default docs/judged/ecb-differences-2026-12-08-piles.json: rows of {"pile",
  "kind", "claims", "real"}). Each pile the reading covers is reconciled again as one run, as
  `scripts/ecb_differences.py --pile K` does, and the non-`detail` differences reported now are
  matched to the reading by pile, kind and claim pair. Prints, overall and per kind: how many are
  reported now, how many of those were read real, and how many are new (not read); then the read
  ones no longer reported. The readings hold claim ids only: the texts stay in the data."""
import collections, json, sys

from ecb_topics import ecb_dir, option, reconciled_pile


def main(argv):
    if any(a in ("-h", "--help") for a in argv):
        print(__doc__)
        return 0
    path = option(argv, "--judged", "docs/judged/ecb-differences-2026-12-08-piles.json")
    try:
        rows = json.load(open(path, encoding="utf-8"))
    except (OSError, ValueError) as e:
        print(f"error: cannot read the reading {path}: {e}", file=sys.stderr)
        return 2
    read = {(r["pile"], r["kind"], frozenset(r["claims"])): r["real"] for r in rows}
    ecb = ecb_dir(argv)
    if ecb is None:
        return 2
    now = set()
    for pile in sorted({r["pile"] for r in rows}):
        try:
            for _, _, report in reconciled_pile(ecb, "1-45", pile):
                for d in report["differences"]:
                    if d["kind"] != "detail":
                        now.add((pile, d["kind"], frozenset(d["claims"][:2])))
        except RuntimeError as e:
            print(f"error: {e}", file=sys.stderr)
            return 1
    kinds = sorted({k[1] for k in now} | {k[1] for k in read})
    print(f"reading: {path} ({len(read)} differences read, {sum(read.values())} real)")
    for kind in [None] + kinds:
        mine = [k for k in now if kind is None or k[1] == kind]
        known = [k for k in mine if k in read]
        real = sum(read[k] for k in known)
        share = f"{real / len(known):.0%}" if known else "-"
        name = kind or "all"
        print(f"{name:12} reported {len(mine):3}, read {len(known):3}, real {real:3} ({share}), new {len(mine) - len(known)}")
    gone = collections.Counter(read[k] for k in read if k not in now)
    print(f"read and no longer reported: {gone[True]} real, {gone[False]} false")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
