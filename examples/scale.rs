//! Extraction and alignment at scale, with blocking recall measured against brute force.
//!
//! `cargo run --release --example scale -- --claims N --sources S [--brute-sample K] [--seed X]
//! [--gold] [--config facts|pairs|FILE]`
//!
//! Generates a synthetic multi-source corpus ([`corroborate::synth`]; not timed), extracts claims
//! from every article and aligns them with blocking (timed), then measures blocking recall: K
//! claims drawn at random are scored by brute force against every claim of the corpus, and recall
//! is the share of those above-threshold links that the blocked run also made. `--gold` skips
//! extraction and uses the generator's own annotations (entities, numbers) instead. Claims are
//! aligned with [`AlignConfig::facts`], the configuration the article pipeline links facts with
//! (`--config pairs`: the sentence-pair default, [`AlignConfig::default`]; `--config FILE`: a
//! configuration saved with [`AlignConfig::save`]); links are kept as
//! [`ScoredPair`]s (12 bytes each, the breakdown on demand). Blocking honours the aligner's rare
//! gate ([`BlockConfig::for_align`]: candidates share a term the scorer may call rare, and only
//! such terms' postings are walked, with `block::RARE_GATE_MIN_WEIGHT`); `--no-rare-blocking`
//! blocks without it. `--min-weight W10` sets the minimum shared weight in tenths (`80`: 8.0).
//! `--show-false K` prints K links that join two different facts (spread over the run), with both
//! claims' text, for error analysis.
//!
//! The last line of stdout is exactly
//! `claims=N sources=S seconds=T pairs_scored=P recall=R peak_mb=M`; everything else goes to stderr.

#[path = "support/cli.rs"]
mod cli;
#[path = "support/progress.rs"]
mod progress;

use std::collections::HashMap;
use std::process::ExitCode;
use std::time::Instant;

/// The allocator of this binary (the library picks none). A run of a million claims makes and
/// frees hundreds of millions of small lists and strings from two threads; glibc's allocator
/// spends a third of the run in `malloc` and `free` on that (89 s against 62 s on an earlier build,
/// measured 2026-12-04 with the same corpus), mimalloc does not. A program embedding corroborate at this
/// scale does well to choose it too.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use rayon::prelude::*;

use corroborate::align::block::{
    BlockConfig, ScoredPair, align_blocked_pairs, blocking_recall_of, candidates, count_candidates,
};
use corroborate::align::{AlignConfig, Scorer};
use corroborate::model::Claim;
use corroborate::synth::{SynthConfig, SynthCorpus};
use corroborate::{entity, extract};

struct Args {
    claims: usize,
    sources: usize,
    brute_sample: usize,
    seed: u64,
    gold: bool,
    show: usize,
    show_false: usize,
    candidates_only: bool,
    block: BlockConfig,
    align: AlignConfig,
}

const HELP: &str = "\
Extraction and alignment at scale, with blocking recall measured against brute force.

Usage: scale --claims N --sources S [OPTIONS]

Generates a synthetic corpus (not timed), extracts and aligns it (timed), then measures
blocking recall. The last line of stdout is exactly
claims=N sources=S seconds=T pairs_scored=P recall=R peak_mb=M; everything else goes to stderr.

Options:
  --claims N               claims to generate (default 10000)
  --sources S              articles to spread them over (default 100)
  --brute-sample K         claims scored by brute force for the recall (default 1000)
  --seed X                 the generator's seed (default 1)
  --gold                   use the generator's annotations instead of extraction
  --config WHICH           facts (default), pairs, or a configuration FILE
  --candidates-only        count candidates against the truth, score nothing
  --show K                 print the first K lines of the corpus
  --show-false K           print K links that join two different facts
  --min-cap N              BlockConfig::min_cap
  --min-weight W10         minimum shared key weight, in tenths (80: 8.0)
  --composite-keys N       BlockConfig::composite_keys
  --no-lexicon-keys        block without the lexicon's synonym keys
  --no-rare-blocking       block without the aligner's rare gate
  -h, --help               print this help
";

fn parse_args(parser: &mut cli::Parser) -> Result<Option<Args>, cli::Error> {
    use cli::*;
    let mut args = Args {
        claims: 10_000,
        sources: 100,
        brute_sample: 1000,
        seed: 1,
        gold: false,
        show: 0,
        show_false: 0,
        candidates_only: false,
        block: BlockConfig::default(),
        align: AlignConfig::facts(),
    };
    let mut lexicon_keys = true;
    let mut rare_blocking = true;
    let mut min_weight: Option<f64> = None;
    while let Some(arg) = parser.next()? {
        match arg {
            Long("claims") => args.claims = cli::value(parser, "--claims")?,
            Long("sources") => args.sources = cli::value(parser, "--sources")?,
            Long("brute-sample") => args.brute_sample = cli::value(parser, "--brute-sample")?,
            Long("seed") => args.seed = cli::value(parser, "--seed")?,
            Long("gold") => args.gold = true,
            Long("candidates-only") => args.candidates_only = true,
            Long("show") => args.show = cli::value(parser, "--show")?,
            Long("show-false") => args.show_false = cli::value(parser, "--show-false")?,
            Long("min-cap") => args.block.min_cap = cli::value(parser, "--min-cap")?,
            Long("min-weight") => {
                min_weight = Some(cli::value::<u64>(parser, "--min-weight")? as f64 / 10.0)
            }
            Long("composite-keys") => {
                args.block.composite_keys = cli::value(parser, "--composite-keys")?
            }
            Long("no-lexicon-keys") => lexicon_keys = false,
            Long("no-rare-blocking") => rare_blocking = false,
            Long("config") => {
                args.align = match parser.value()?.string()?.as_str() {
                    "facts" => AlignConfig::facts(),
                    "pairs" => AlignConfig::default(),
                    path => AlignConfig::load(path).map_err(|e| format!("--config: {e}"))?,
                }
            }
            Short('h') | Long("help") => return Ok(None),
            _ => return Err(arg.unexpected()),
        }
    }
    if lexicon_keys {
        args.block.synonyms = BlockConfig::for_lexicon(&args.align.lexicon).synonyms;
    }
    if rare_blocking {
        let aligned = BlockConfig::for_align(&args.align);
        args.block.rare_gate = aligned.rare_gate;
        args.block.min_weight = aligned.min_weight;
    }
    if let Some(w) = min_weight {
        args.block.min_weight = w;
    }
    if args.sources == 0 {
        return Err("--sources must be at least 1".into());
    }
    Ok(Some(args))
}

fn main() -> ExitCode {
    let args = cli::parse_or_exit(HELP, parse_args);
    let generating = progress::spinner("generating the corpus");
    let t = Instant::now();
    let corpus =
        SynthCorpus::generate(&SynthConfig::new(args.claims, args.sources).with_seed(args.seed));
    generating.finish_and_clear();
    let hardness = corpus.hardness();
    eprintln!(
        "generated {} sentences in {} articles in {:.2}s: dominant entity in {:.1}% of sentences, \
         {} true pairs, {:.1}% of them share no entity and no number",
        corpus.len(),
        corpus.articles.len(),
        t.elapsed().as_secs_f64(),
        100.0 * hardness.dominant_share,
        hardness.true_pairs,
        100.0 * hardness.bare_pair_share
    );
    for line in corpus.articles.iter().flat_map(|a| a.text.lines()).take(args.show) {
        eprintln!("  {line}");
    }
    let sentence_facts = sentence_facts(&corpus);
    let gold = if args.gold { Some(corpus.claims()) } else { None };
    let sources = if args.gold { Vec::new() } else { corpus.sources() };
    let text_bytes: usize = corpus.articles.iter().map(|a| a.text.len()).sum();
    drop(corpus);

    // Timed: extraction and alignment.
    let t = Instant::now();
    let claims: Vec<Claim> = match gold {
        Some(claims) => claims,
        None => {
            let bar = progress::bar(sources.len() as u64, "extracting");
            let mut claims: Vec<Claim> = sources
                .par_iter()
                .flat_map_iter(|s| {
                    let claims = extract::extract(s).claims;
                    bar.inc(1);
                    claims
                })
                .collect();
            bar.finish_and_clear();
            let resolving = progress::spinner("resolving entities");
            entity::resolve(&mut claims);
            resolving.finish_and_clear();
            claims
        }
    };
    drop(sources);
    let t_extract = t.elapsed().as_secs_f64();
    let align = args.align.clone();
    let block = args.block.clone();
    if args.candidates_only {
        let t = Instant::now();
        let found = candidates(&claims, &block);
        let truth = true_pairs(&claims, &sentence_facts);
        let hit = truth.iter().filter(|p| found.binary_search(p).is_ok()).count();
        eprintln!(
            "candidates only: {} pairs ({:.1} per claim) in {:.2}s; {hit} of {} true pairs ({:.4})",
            found.len(),
            found.len() as f64 / claims.len().max(1) as f64,
            t.elapsed().as_secs_f64(),
            truth.len(),
            hit as f64 / truth.len().max(1) as f64
        );
        return ExitCode::SUCCESS;
    }
    let aligning = progress::spinner("aligning");
    let (links, stats) = align_blocked_pairs(&claims, &align, &block);
    aligning.finish_and_clear();
    let seconds = t.elapsed().as_secs_f64();
    // The last line's peak also covers the untimed steps below (the truth check's candidate list
    // among them); this is the peak of generation, extraction and alignment.
    let aligned_peak = peak_mb();
    eprintln!(
        "extraction {t_extract:.2}s ({:.1} MB/s), alignment {:.2}s: {} claims, {} keys ({} too \
         common, cap {}), {} pairs scored, {} links, peak so far {aligned_peak:.0} MiB",
        text_bytes as f64 / 1e6 / t_extract.max(1e-9),
        seconds - t_extract,
        stats.claims,
        stats.keys,
        stats.common_keys,
        stats.cap,
        stats.pairs,
        links.len()
    );

    // Not timed: blocking recall against brute force for a sample of claims.
    let t = Instant::now();
    // No spinner here: the measurement prints its own line on the way.
    let recall = sampled_recall(&claims, &align, &links, args.brute_sample, args.seed);
    eprintln!(
        "recall on {} sampled claims measured in {:.2}s",
        args.brute_sample.min(claims.len()),
        t.elapsed().as_secs_f64()
    );

    // Not timed: blocking recall against the generator's truth (pairs of claims of different
    // sources telling one fact), which does not depend on the scorer.
    let t = Instant::now();
    let checking = progress::spinner("blocking against the truth");
    let truth = true_pairs(&claims, &sentence_facts);
    let hit = count_candidates(&claims, &block, &truth);
    checking.finish_and_clear();
    eprintln!(
        "blocking recall against the truth: {hit} of {} true pairs are candidates ({:.4}), \
         measured in {:.2}s",
        truth.len(),
        hit as f64 / truth.len().max(1) as f64,
        t.elapsed().as_secs_f64()
    );
    // What the scorer makes of them: links that join two tellings of one fact, and true pairs
    // linked.
    let true_links = links.iter().filter(|p| truth.binary_search(&(p.a, p.b)).is_ok()).count();
    eprintln!(
        "links against the truth: {true_links} of {} links join one fact (precision {:.4}), \
         {:.4} of true pairs linked",
        links.len(),
        true_links as f64 / links.len().max(1) as f64,
        true_links as f64 / truth.len().max(1) as f64
    );

    // Error analysis: links that join two different facts, spread over the run.
    if args.show_false > 0 {
        let false_links: Vec<&ScoredPair> =
            links.iter().filter(|p| truth.binary_search(&(p.a, p.b)).is_err()).collect();
        let step = (false_links.len() / args.show_false.max(1)).max(1);
        for p in false_links.iter().step_by(step).take(args.show_false) {
            eprintln!(
                "false link {:.3}:\n  {}\n  {}",
                p.score, claims[p.a as usize].text, claims[p.b as usize].text
            );
        }
    }

    println!(
        "claims={} sources={} seconds={:.3} pairs_scored={} recall={:.4} peak_mb={:.1}",
        claims.len(),
        args.sources,
        seconds,
        stats.pairs,
        recall,
        peak_mb()
    );
    ExitCode::SUCCESS
}

/// Blocking recall for `k` claims drawn at random: each is scored against every claim of the
/// corpus; the above-threshold links found so are the reference.
fn sampled_recall(
    claims: &[Claim],
    align: &AlignConfig,
    links: &[ScoredPair],
    k: usize,
    seed: u64,
) -> f64 {
    let n = claims.len();
    if n == 0 || k == 0 {
        return 1.0;
    }
    let mut order: Vec<usize> = (0..n).collect();
    let mut state = seed ^ 0x2545_f491_4f6c_dd1d;
    for i in (1..n).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        order.swap(i, (state % (i as u64 + 1)) as usize);
    }
    order.truncate(k.min(n));
    let scorer = Scorer::new(align, claims);
    let mut reference: Vec<(usize, usize)> = order
        .par_iter()
        .flat_map_iter(|&i| {
            let scorer = &scorer;
            (0..n).filter_map(move |j| {
                if j == i || claims[i].source == claims[j].source {
                    return None;
                }
                let (a, b) = (i.min(j), i.max(j));
                (scorer.score_value(a, b) >= align.threshold).then_some((a, b))
            })
        })
        .collect();
    reference.sort_unstable();
    reference.dedup();
    let recall = blocking_recall_of(&reference, links.iter().map(|p| (p.a as usize, p.b as usize)));
    eprintln!(
        "brute force: {} reference links for {} sampled claims",
        reference.len(),
        order.len()
    );
    recall
}

/// For each article, its sentences' starts and facts, to find the fact of a claim by its offset.
fn sentence_facts(corpus: &SynthCorpus) -> HashMap<String, Vec<(usize, u32)>> {
    corpus
        .articles
        .iter()
        .map(|a| (a.id.clone(), a.sentences.iter().map(|s| (s.start, s.fact)).collect()))
        .collect()
}

/// Pairs `(a, b)`, `a < b`, of claims of different sources whose sentences tell one fact, sorted.
fn true_pairs(claims: &[Claim], facts: &HashMap<String, Vec<(usize, u32)>>) -> Vec<(u32, u32)> {
    let mut by_fact: Vec<(u32, u32)> = claims
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let sentences = facts.get(c.source.as_str())?;
            let at = sentences.partition_point(|s| s.0 <= c.start).checked_sub(1)?;
            Some((sentences[at].1, i as u32))
        })
        .collect();
    by_fact.sort_unstable();
    let mut pairs = Vec::new();
    for group in by_fact.chunk_by(|x, y| x.0 == y.0) {
        for (x, &(_, a)) in group.iter().enumerate() {
            for &(_, b) in &group[x + 1..] {
                if claims[a as usize].source != claims[b as usize].source {
                    pairs.push((a.min(b), a.max(b)));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// Peak resident memory in MiB (VmHWM), 0 where /proc is not available.
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
