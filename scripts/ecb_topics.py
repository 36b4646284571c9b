"""What the ECB+ reading scripts share: options, the topics asked for, one reconcile run per topic.

Not a script of its own; `ecb_differences.py`, `ecb_facts.py` and `ecb_leads.py` import it (run them from the
project root after `cargo build --release --example reconcile`)."""
import json, os, subprocess, sys


def option(argv, name, default):
    """The value after `name` in argv (removed from it), else `default`."""
    if name in argv:
        k = argv.index(name)
        value = argv[k + 1]
        del argv[k:k + 2]
        return value
    return default


def ecb_dir(argv):
    """The ecbplus/ folder of the data directory argv names (default: $CORROBORATE_DATA, else
    ../shared/data), or None after printing an error."""
    data = argv[0] if argv else os.environ.get("CORROBORATE_DATA", os.path.join("..", "shared", "data"))
    ecb = os.path.join(data, "ecbplus")
    if not os.path.isdir(ecb):
        print(f"error: no ecbplus/ in {data}", file=sys.stderr)
        return None
    return ecb


def topic_list(spec, available):
    """'1-35', '1-3,5' -> the sorted topic numbers among `available`."""
    out = set()
    for part in spec.split(","):
        if "-" in part:
            lo, hi = part.split("-", 1)
            out.update(range(int(lo), int(hi) + 1))
        elif part:
            out.add(int(part))
    return sorted(out & set(available))


def reconciled_topics(ecb, spec):
    """(topic, gold, JSON report) for each topic of `spec`, each topic reconciled on its own as
    ../shared/tools/ecb_score.py does. Raises RuntimeError when reconcile fails."""
    exe = os.path.join("target", "release", "examples", "reconcile")
    available = [int(d) for d in os.listdir(ecb) if d.isdigit()]
    for t in topic_list(spec, available):
        gold = json.load(open(os.path.join(ecb, str(t), "gold.json"), encoding="utf-8"))
        files = [os.path.join(ecb, str(t), d["file"]) for d in gold["docs"]]
        run = subprocess.run([exe, "--format", "json"] + files, capture_output=True, text=True)
        if run.returncode != 0:
            raise RuntimeError(f"reconcile exits {run.returncode} on topic {t}")
        yield t, gold, json.loads(run.stdout)


def reconciled_pile(ecb, spec, pile, piles=3):
    """One run over every article of pile `pile`: the topics of `spec` dealt in turn into `piles`
    piles, as `examples/evaluate_news.rs` deals them (piles of the held-out measure's size, about
    ten topics). Yields one (name, None, JSON report). Raises RuntimeError when reconcile fails."""
    exe = os.path.join("target", "release", "examples", "reconcile")
    available = [int(d) for d in os.listdir(ecb) if d.isdigit()]
    mine = [t for i, t in enumerate(topic_list(spec, available)) if i % piles == pile]
    files = []
    for t in mine:
        gold = json.load(open(os.path.join(ecb, str(t), "gold.json"), encoding="utf-8"))
        files += [os.path.join(ecb, str(t), d["file"]) for d in gold["docs"]]
    run = subprocess.run([exe, "--format", "json"] + files, capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"reconcile exits {run.returncode} on pile {pile}")
    yield f"pile {pile} (topics {','.join(map(str, mine))})", None, json.loads(run.stdout)


def topic_runs(argv, spec, pile=None):
    """The ecbplus/ folder argv names and the runs of `reconciled_topics` over it, as a list,
    with the exit status: (ecb, runs, 0), or (ecb, None, 2) without the data, (ecb, None, 1)
    when reconcile fails (an error printed either way). With `pile` (a number), the one run of
    `reconciled_pile` instead, whose gold is None."""
    ecb = ecb_dir(argv)
    if ecb is None:
        return None, None, 2
    try:
        runs = reconciled_topics(ecb, spec) if pile is None else reconciled_pile(ecb, spec, pile)
        return ecb, list(runs), 0
    except RuntimeError as e:
        print(f"error: {e}", file=sys.stderr)
        return ecb, None, 1
