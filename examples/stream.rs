//! What adding one article to a large run costs: a [`Stream`] built from a generated corpus, then
//! articles added one at a time and timed.
//!
//! `cargo run --release --example stream -- --claims N --sources S [--add K] [--steps s]
//! [--seed X] [--check] [--report]`
//!
//! Generates a synthetic corpus ([`corroborate::synth`], not timed) of `N` claims over `S`
//! articles, adds all but `K` articles (default 9) as one batch ([`Stream::add_sources`]: one
//! full alignment), then adds the other `K` one by one ([`Stream::add_source`]) and prints, for
//! each, its [`AddStats`]; then the median and largest cost. Claims are aligned with
//! [`AlignConfig::facts`](corroborate::align::AlignConfig::facts) with `idf_steps = s`
//! (default 4). `--report` also times [`Stream::reconcile`]; `--check` runs a full
//! [`Reconciler`] over the same sources and says how many claims the two put in the same fact,
//! and (with steps) what the steps change against a full run with exact counts.
//!
//! The last line of stdout is exactly `claims=N sources=S steps=s add_median_s=T add_max_s=T
//! pairs_median=P rescored_median=R resolve_median_s=T stream_peak_mb=M peak_mb=M` (the peak
//! before any report is built, and at the end); everything else goes to stderr.

#[path = "support/cli.rs"]
mod cli;
#[path = "support/progress.rs"]
mod progress;

use std::collections::{BTreeSet, HashMap};
use std::process::ExitCode;
use std::time::Instant;

use corroborate::reconcile::stream::AddStats;
use corroborate::synth::{SynthConfig, SynthCorpus};
use corroborate::{ClaimId, Config, Reconciler, Reconciliation, Stream};

struct Args {
    claims: usize,
    sources: usize,
    add: usize,
    steps: u32,
    seed: u64,
    check: bool,
    report: bool,
}

const HELP: &str = "\
What adding one article to a large run costs: a Stream built from a generated corpus, then
articles added one at a time and timed.

Usage: stream --claims N --sources S [OPTIONS]

The last line of stdout is exactly claims=N sources=S steps=s add_median_s=T add_max_s=T
pairs_median=P rescored_median=R resolve_median_s=T stream_peak_mb=M peak_mb=M; everything
else goes to stderr.

Options:
  --claims N   claims to generate (default 10000)
  --sources S  articles to spread them over (default 500)
  --add K      articles added one by one after the batch (default 9)
  --steps s    AlignConfig::idf_steps (default 4)
  --seed X     the generator's seed (default 1)
  --report     also time Stream::reconcile
  --check      also run a full Reconciler over the same sources and compare
  -h, --help   print this help
";

fn parse_args(parser: &mut cli::Parser) -> Result<Option<Args>, cli::Error> {
    use cli::*;
    let mut args = Args {
        claims: 10_000,
        sources: 500,
        add: 9,
        steps: 4,
        seed: 1,
        check: false,
        report: false,
    };
    while let Some(arg) = parser.next()? {
        match arg {
            Long("claims") => args.claims = cli::value(parser, "--claims")?,
            Long("sources") => args.sources = cli::value(parser, "--sources")?,
            Long("add") => args.add = cli::value(parser, "--add")?,
            Long("steps") => args.steps = cli::value(parser, "--steps")?,
            Long("seed") => args.seed = cli::value(parser, "--seed")?,
            Long("check") => args.check = true,
            Long("report") => args.report = true,
            Short('h') | Long("help") => return Ok(None),
            _ => return Err(arg.unexpected()),
        }
    }
    if args.add == 0 || args.add >= args.sources {
        return Err(format!("--add {} must be in 1..{}", args.add, args.sources).into());
    }
    Ok(Some(args))
}

fn main() -> ExitCode {
    let args = cli::parse_or_exit(HELP, parse_args);
    let generating = progress::spinner("generating the corpus");
    let corpus =
        SynthCorpus::generate(&SynthConfig::new(args.claims, args.sources).with_seed(args.seed));
    let sources = corpus.sources();
    generating.finish_and_clear();
    let mut config = Config::default();
    config.align.set_idf_steps(args.steps);
    // The batch that starts the stream is one long alignment: its stages are shown as it goes.
    let mut shown = config.clone();
    shown.set_progress(progress::stages());
    let mut stream = Stream::new(shown);
    let held = sources.len() - args.add;

    let start = Instant::now();
    let failed = stream.add_sources(&sources[..held]).iter().filter(|r| r.is_err()).count();
    assert_eq!(failed, 0, "every generated article is new");
    eprintln!(
        "batch of {held} articles: {} claims, {} links, {:.1} s",
        stream.n_claims(),
        stream.n_links(),
        start.elapsed().as_secs_f64()
    );

    let mut all: Vec<AddStats> = Vec::new();
    for source in &sources[held..] {
        let stats = stream.add_source(source).expect("a new article");
        eprintln!(
            "add {}: {} claims (run {}), {} renamed, {} older re-scored, {} pairs, full={}, \
             resolve {:.3} s, total {:.3} s",
            source.id(),
            stats.claims_added,
            stats.claims_total,
            stats.claims_renamed,
            stats.claims_rescored,
            stats.pairs_scored,
            stats.full,
            stats.resolve_seconds,
            stats.seconds
        );
        all.push(stats);
    }
    let median = |f: &dyn Fn(&AddStats) -> f64| {
        let mut v: Vec<f64> = all.iter().map(f).collect();
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let add_median = median(&|s| s.seconds);
    let add_max = all.iter().map(|s| s.seconds).fold(0.0, f64::max);
    let pairs_median = median(&|s| s.pairs_scored as f64);
    let rescored_median = median(&|s| s.claims_rescored as f64);
    let resolve_median = median(&|s| s.resolve_seconds);
    let stream_peak = peak_mb();
    eprintln!("peak memory before any report: {stream_peak:.0} MB");

    if args.report || args.check {
        let start = Instant::now();
        let streamed = stream.reconcile();
        eprintln!(
            "report from the stream: {} facts, {:.2} s",
            streamed.facts.len(),
            start.elapsed().as_secs_f64()
        );
        if args.check {
            let start = Instant::now();
            let full = full_run(&sources, config.clone());
            eprintln!(
                "full run: {} facts, {:.1} s",
                full.facts.len(),
                start.elapsed().as_secs_f64()
            );
            compare("stream against a full run with the same steps", &streamed, &full);
            eprintln!("full run with steps {}: {}", args.steps, against_truth(&full, &corpus));
            if args.steps > 0 {
                let mut exact = config;
                exact.align.set_idf_steps(0);
                let exact = full_run(&sources, exact);
                compare("full run with steps against one with exact counts", &full, &exact);
                eprintln!("full run with exact counts: {}", against_truth(&exact, &corpus));
            }
        }
    }
    println!(
        "claims={} sources={} steps={} add_median_s={add_median:.3} add_max_s={add_max:.3} \
         pairs_median={pairs_median} rescored_median={rescored_median} \
         resolve_median_s={resolve_median:.3} stream_peak_mb={stream_peak:.0} peak_mb={:.0}",
        stream.n_claims(),
        stream.n_sources(),
        args.steps,
        peak_mb()
    );
    ExitCode::SUCCESS
}

fn full_run(sources: &[corroborate::Source], config: Config) -> Reconciliation {
    let mut reconciler = Reconciler::new(config);
    reconciler.add_sources(sources);
    reconciler.reconcile()
}

/// Pairwise precision and recall of the facts against the generator's truth: pairs of claims put
/// in one fact, against pairs whose sentences tell one fact.
fn against_truth(r: &Reconciliation, corpus: &SynthCorpus) -> String {
    let starts: HashMap<&str, Vec<(usize, u32)>> = corpus
        .articles
        .iter()
        .map(|a| (a.id.as_str(), a.sentences.iter().map(|s| (s.start, s.fact)).collect()))
        .collect();
    let truth_of = |id: &ClaimId| -> Option<u32> {
        let claim = r.claim(id)?;
        let sentences = starts.get(claim.source.as_str())?;
        let at = sentences.partition_point(|s| s.0 <= claim.start).checked_sub(1)?;
        Some(sentences[at].1)
    };
    let pairs = |n: u64| n * n.saturating_sub(1) / 2;
    let (mut predicted, mut hit) = (0u64, 0u64);
    let mut truth_sizes: HashMap<u32, u64> = HashMap::new();
    for fact in &r.facts {
        predicted += pairs(fact.claims.len() as u64);
        let mut by_truth: HashMap<Option<u32>, u64> = HashMap::new();
        for c in &fact.claims {
            let t = truth_of(c);
            *by_truth.entry(t).or_default() += 1;
            if let Some(t) = t {
                *truth_sizes.entry(t).or_default() += 1;
            }
        }
        hit += by_truth.iter().filter(|(t, _)| t.is_some()).map(|(_, &n)| pairs(n)).sum::<u64>();
    }
    let truth: u64 = truth_sizes.values().map(|&n| pairs(n)).sum();
    format!(
        "same-fact pairs against the truth: precision {:.4}, recall {:.4}",
        hit as f64 / predicted.max(1) as f64,
        hit as f64 / truth.max(1) as f64
    )
}

/// Prints how many claims `a` and `b` put in the same fact, and their links.
fn compare(what: &str, a: &Reconciliation, b: &Reconciliation) {
    let groups = |r: &Reconciliation| -> HashMap<ClaimId, BTreeSet<ClaimId>> {
        let mut out = HashMap::new();
        for fact in &r.facts {
            let set: BTreeSet<ClaimId> = fact.claims.iter().cloned().collect();
            for c in &fact.claims {
                out.insert(c.clone(), set.clone());
            }
        }
        out
    };
    let (ga, gb) = (groups(a), groups(b));
    let same = ga.iter().filter(|(c, g)| gb.get(*c) == Some(*g)).count();
    let edges = |r: &Reconciliation| -> BTreeSet<(ClaimId, ClaimId)> {
        r.graph().edges().map(|(x, y, _)| (x.min(y).clone(), x.max(y).clone())).collect()
    };
    let (ea, eb) = (edges(a), edges(b));
    eprintln!(
        "{what}: claims in the same fact {same} of {} ({:.4}); facts equal: {}; differences \
         equal: {}; links {} and {}, shared {}",
        ga.len(),
        same as f64 / ga.len().max(1) as f64,
        a.facts == b.facts,
        a.differences == b.differences,
        ea.len(),
        eb.len(),
        ea.intersection(&eb).count()
    );
}

/// The peak resident memory of this process (Linux; 0 elsewhere).
fn peak_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}
