//! Alignment accuracy on labelled news sentence pairs.
//!
//! ```text
//! cargo run --release --example evaluate -- [--data DIR] [--worst N] [--write-default FILE]
//!     [--dump FILE] [--rounds N] [--depth N] [--rate X] [--subsample X] [--l2 X] [--contrast X]
//!     [--objective accuracy|accuracy_plus_f1] [--label-prior X] [--shuffle SEED]
//!     [--weight-signs free|against|both] [--embeddings DIR]
//! ```
//!
//! `DIR` (default: `$CORROBORATE_DATA`) holds `msrp/msr_paraphrase_train.txt` and
//! `sts-headlines/2013_headlines.tsv`, `2014_headlines.tsv`. Prints one table:
//! - MSRP train, 10-fold cross-validation of the whole fitting procedure (term statistics,
//!   weights and threshold fitted on nine folds, the tenth scored): accuracy, precision, recall,
//!   F1, and a threshold sweep of the pooled fold scores;
//! - STS headlines 2013+2014: Pearson and Spearman of the score of the configuration fitted on
//!   all of MSRP train against the gold similarity;
//! - the numeric slice of MSRP train (both sentences give numbers, not the same ones): how often
//!   a number or quantity mismatch is flagged;
//! - cross pairs of MSRP train (a first sentence against the second sentence of the pair of its
//!   held-out fold it shares the most terms with): how often the fold's configuration links them;
//!
//! then the worst cross-validated false positives and false negatives with their breakdowns.
//! With `--write-default FILE` it also saves the configuration fitted on all of MSRP train
//! (this is how `src/align/default_config.json` is made). `--dump FILE` writes one line per MSRP
//! pair: its cross-validated score, its fold's threshold, its label and the two sentences (for
//! error analysis; keep the file out of the repository). The other options change the fitting
//! settings of `AlignConfig::untrained()`: boosted trees (rounds, depth, learning rate, row
//! subsample), the L2 penalty, contrast pairs, what the threshold maximises, the prior of the
//! term weights fitted from labels (0: none), and which weights keep their feature's sign
//! (`AlignConfig::weight_signs`). `--shuffle SEED` puts the pairs in a pseudo-random
//! order (a permutation drawn from `SEED`) before the folds are cut, so that the spread of the
//! cross-validated figures over partitions can be measured (0, the default, keeps the file's
//! order). `--embeddings DIR` fits and scores with static sentence embeddings attached
//! (`corroborate::align::Embeddings`, a Model2Vec directory: feature `embedding_cosine`).

#[path = "support/cli.rs"]
mod cli;
#[path = "support/progress.rs"]
mod progress;
#[path = "support/sentence.rs"]
mod sentence;
#[path = "support/sts.rs"]
mod sts;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use corroborate::align::{
    AlignConfig, Embeddings, GradedPair, LabelledPair, Scorer, ThresholdObjective, WeightSigns,
};
use corroborate::{Error, Result};
use rayon::prelude::*;
use rustc_hash::FxHashSet;

struct Args {
    rounds: Option<usize>,
    depth: Option<usize>,
    rate: Option<f64>,
    subsample: Option<f64>,
    objective: Option<String>,
    l2: Option<f64>,
    contrast: Option<f64>,
    label_prior: Option<f64>,
    weight_signs: WeightSigns,
    shuffle: u64,
    data: PathBuf,
    worst: usize,
    write_default: Option<PathBuf>,
    dump: Option<PathBuf>,
    embeddings: Option<Arc<Embeddings>>,
}

const HELP: &str = "\
Alignment accuracy on labelled news sentence pairs (MSRP train, STS headlines).

Usage: evaluate [OPTIONS]

Options:
  --data DIR             the data folder holding msrp/ and sts-headlines/ (default: $CORROBORATE_DATA)
  --worst N              false positives and negatives to show (default 5)
  --write-default FILE   save the configuration fitted on all of MSRP train
  --dump FILE            one line per MSRP pair: CV score, fold threshold, label, sentences
  --rounds N             boosted trees
  --depth N              depth of each tree
  --rate X               learning rate of the trees
  --subsample X          row subsample of the trees
  --l2 X                 L2 penalty of the logistic model
  --contrast X           weight of contrast pairs
  --objective WHICH      what the threshold maximises: accuracy or accuracy_plus_f1
  --label-prior X        prior (pseudo-pairs) of the term weights fitted from labels (0: none)
  --shuffle SEED         shuffle the pairs before the folds are cut (0, the default: file order)
  --weight-signs WHICH   free (default), against or both
  --embeddings DIR       fit and score with static embeddings attached (a Model2Vec folder)
  -h, --help             print this help
";

fn parse_args(parser: &mut cli::Parser) -> std::result::Result<Option<Args>, cli::Error> {
    use cli::*;
    let mut data = std::env::var_os("CORROBORATE_DATA").map(PathBuf::from);
    let (mut worst, mut write_default, mut dump) = (5, None, None);
    let (mut l2, mut contrast, mut label_prior, mut shuffle) = (None, None, None, 0);
    let (mut rounds, mut depth, mut rate, mut subsample) = (None, None, None, None);
    let mut objective = None;
    let mut weight_signs = WeightSigns::Free;
    let mut embeddings = None;
    while let Some(arg) = parser.next()? {
        match arg {
            Long("data") => data = Some(parser.value()?.into()),
            Long("worst") => worst = cli::value(parser, "--worst")?,
            Long("write-default") => write_default = Some(parser.value()?.into()),
            Long("dump") => dump = Some(parser.value()?.into()),
            Long("embeddings") => {
                let dir = parser.value()?;
                embeddings = Some(Arc::new(Embeddings::load(&dir).map_err(|e| e.to_string())?));
            }
            Long("rounds") => rounds = Some(cli::value(parser, "--rounds")?),
            Long("depth") => depth = Some(cli::value(parser, "--depth")?),
            Long("rate") => rate = Some(cli::value(parser, "--rate")?),
            Long("objective") => {
                let v = parser.value()?.string()?;
                if !matches!(v.as_str(), "accuracy" | "accuracy_plus_f1") {
                    return Err(format!(
                        "--objective {v:?}: expected accuracy or accuracy_plus_f1"
                    )
                    .into());
                }
                objective = Some(v);
            }
            Long("subsample") => subsample = Some(cli::value(parser, "--subsample")?),
            Long("l2") => l2 = Some(cli::value(parser, "--l2")?),
            Long("contrast") => contrast = Some(cli::value(parser, "--contrast")?),
            Long("label-prior") => label_prior = Some(cli::value(parser, "--label-prior")?),
            Long("shuffle") => shuffle = cli::value(parser, "--shuffle")?,
            Long("weight-signs") => weight_signs = cli::value(parser, "--weight-signs")?,
            Short('h') | Long("help") => return Ok(None),
            _ => return Err(arg.unexpected()),
        }
    }
    let data = data.ok_or("no data folder: pass --data DIR or set CORROBORATE_DATA")?;
    Ok(Some(Args {
        rounds,
        depth,
        rate,
        subsample,
        objective,
        l2,
        contrast,
        label_prior,
        weight_signs,
        shuffle,
        data,
        worst,
        write_default,
        dump,
        embeddings,
    }))
}

fn main() -> ExitCode {
    let args = cli::parse_or_exit(HELP, parse_args);
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("evaluate: {e}");
            ExitCode::FAILURE
        }
    }
}

/// A labelled MSRP pair with its raw sentences.
struct MsrpPair {
    pair: LabelledPair,
    texts: [String; 2],
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| Error::io(path, e))
}

/// MSRP: BOM, a header line, then `quality<TAB>id1<TAB>id2<TAB>s1<TAB>s2`; no quoting.
fn load_msrp(path: &Path) -> Result<Vec<MsrpPair>> {
    let text = read(path)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let name = path.display().to_string();
    let mut pairs = Vec::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != 5 {
            return Err(Error::malformed(
                &name,
                i + 1,
                format!("{} fields, expected 5", fields.len()),
            ));
        }
        let same = match fields[0] {
            "1" => true,
            "0" => false,
            q => {
                return Err(Error::malformed(&name, i + 1, format!("quality {q:?} is not 0 or 1")));
            }
        };
        pairs.push(MsrpPair {
            pair: LabelledPair { claims: sentence::pair_claims(fields[3], fields[4]), same },
            texts: [fields[3].to_string(), fields[4].to_string()],
        });
    }
    Ok(pairs)
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    tn: usize,
    fn_: usize,
}

impl Counts {
    fn of(scored: &[(f64, bool)], threshold: f64) -> Counts {
        let mut c = Counts::default();
        for &(s, y) in scored {
            match (s >= threshold, y) {
                (true, true) => c.tp += 1,
                (true, false) => c.fp += 1,
                (false, false) => c.tn += 1,
                (false, true) => c.fn_ += 1,
            }
        }
        c
    }
    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.tn += o.tn;
        self.fn_ += o.fn_;
    }
    fn accuracy(&self) -> f64 {
        (self.tp + self.tn) as f64 / (self.tp + self.tn + self.fp + self.fn_).max(1) as f64
    }
    fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

/// Average ranks (ties share the mean rank).
fn ranks(xs: &[f64]) -> Vec<f64> {
    let mut idx: Vec<usize> = (0..xs.len()).collect();
    idx.sort_by(|&a, &b| xs[a].total_cmp(&xs[b]));
    let mut r = vec![0.0; xs.len()];
    let mut i = 0;
    while i < idx.len() {
        let mut j = i;
        while j + 1 < idx.len() && xs[idx[j + 1]] == xs[idx[i]] {
            j += 1;
        }
        for &k in &idx[i..=j] {
            r[k] = (i + j) as f64 / 2.0 + 1.0;
        }
        i = j + 1;
    }
    r
}

fn spearman(xs: &[f64], ys: &[f64]) -> f64 {
    sts::pearson(&ranks(xs), &ranks(ys))
}

/// Digit runs of a sentence ("2.5", "1,250" read as 1250), independent of the scorer's parser.
fn digit_numbers(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    for c in s.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() || (!cur.is_empty() && (c == '.' || c == ',')) {
            if c != ',' {
                cur.push(c);
            }
        } else if !cur.is_empty() {
            out.push(cur.trim_end_matches('.').to_string());
            cur.clear();
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The starting configuration, with the fitting settings given on the command line.
fn untrained(args: &Args) -> AlignConfig {
    let mut config = AlignConfig::untrained();
    config.embeddings.clone_from(&args.embeddings);
    if let Some(l2) = args.l2 {
        config.l2 = l2;
    }
    if let Some(contrast) = args.contrast {
        config.contrast = contrast;
    }
    if let Some(prior) = args.label_prior {
        config.label_prior = prior;
    }
    config.set_weight_signs(args.weight_signs);
    if let Some(rounds) = args.rounds {
        config.boost.rounds = rounds;
    }
    if let Some(depth) = args.depth {
        config.boost.depth = depth;
    }
    if let Some(rate) = args.rate {
        config.boost.learning_rate = rate;
    }
    if let Some(subsample) = args.subsample {
        config.boost.subsample = subsample;
    }
    match args.objective.as_deref() {
        Some("accuracy") => config.threshold_objective = ThresholdObjective::Accuracy,
        Some("accuracy_plus_f1") => config.threshold_objective = ThresholdObjective::AccuracyPlusF1,
        _ => {}
    }
    config
}

fn run(args: &Args) -> Result<()> {
    let msrp_path = args.data.join("msrp/msr_paraphrase_train.txt");
    let mut msrp = load_msrp(&msrp_path)?;
    if args.shuffle != 0 {
        shuffle(&mut msrp, args.shuffle);
    }
    let pairs: Vec<LabelledPair> = msrp.iter().map(|m| m.pair.clone()).collect();
    eprintln!("MSRP train: {} pairs", pairs.len());

    // 10-fold cross-validation of the whole fitting procedure.
    const FOLDS: usize = 10;
    let mut cv_scores = vec![0.0; pairs.len()];
    let mut fold_configs = Vec::with_capacity(FOLDS);
    let mut fold_counts = Counts::default();
    let mut cross_linked = 0;
    let bar = progress::bar(FOLDS as u64, "MSRP folds");
    for fold in 0..FOLDS {
        let train: Vec<LabelledPair> = sts::outside_fold(&pairs, fold, FOLDS);
        let mut config = untrained(args);
        config.fit(&train);
        let test: Vec<usize> = (0..pairs.len()).filter(|i| i % FOLDS == fold).collect();
        let scored: Vec<(f64, bool)> =
            test.par_iter().map(|&i| (config.score_pair(&pairs[i]), pairs[i].same)).collect();
        for (&i, &(s, _)) in test.iter().zip(&scored) {
            cv_scores[i] = s;
        }
        cross_linked += cross_pairs(&pairs, &test)
            .par_iter()
            .filter(|p| config.score_pair(p) >= config.threshold)
            .count();
        fold_counts.add(Counts::of(&scored, config.threshold));
        bar.suspend(|| {
            eprintln!(
                "fold {fold}: threshold {:.4}, accuracy {:.4}",
                config.threshold,
                Counts::of(&scored, config.threshold).accuracy()
            )
        });
        bar.inc(1);
        fold_configs.push(config);
    }
    bar.finish_and_clear();

    if let Some(path) = &args.dump {
        // One line per pair: cross-validated score, fold threshold, label, the two sentences.
        let lines: Vec<String> = (0..pairs.len())
            .map(|i| {
                format!(
                    "{:.4}\t{:.4}\t{}\t{}\t{}",
                    cv_scores[i],
                    fold_configs[i % FOLDS].threshold,
                    u8::from(pairs[i].same),
                    msrp[i].texts[0],
                    msrp[i].texts[1]
                )
            })
            .collect();
        std::fs::write(path, lines.join("\n") + "\n").map_err(|e| Error::io(path, e))?;
    }

    // The configuration fitted on all of MSRP train: the default.
    let mut full = untrained(args);
    full.fit(&pairs);
    if let Some(path) = &args.write_default {
        full.save(path)?;
        eprintln!("wrote {}", path.display());
    }

    let mut sts_rows = Vec::new();
    let mut sts_pairs: Vec<[String; 2]> = Vec::new();
    let mut all_gold = Vec::new();
    let mut all_score = Vec::new();
    for year in ["2013", "2014"] {
        let path = args.data.join(format!("sts-headlines/{year}_headlines.tsv"));
        let sts = sts::load_sts(&path)?;
        let scores: Vec<f64> = sts
            .par_iter()
            .map(|(_, [a, b])| Scorer::new(&full, &sentence::pair_claims(a, b)).score_value(0, 1))
            .collect();
        let gold: Vec<f64> = sts.iter().map(|(g, _)| *g).collect();
        sts_pairs.extend(sts.iter().map(|(_, t)| t.clone()));
        sts_rows.push((year, sts.len(), sts::pearson(&scores, &gold), spearman(&scores, &gold)));
        all_gold.extend(gold);
        all_score.extend(scores);
    }

    // A separate graded model: the same features fitted to STS similarity (soft labels), by
    // 10-fold cross-validation over the 1500 pairs; term statistics stay those of MSRP train.
    let graded: Vec<GradedPair> = sts_pairs
        .iter()
        .zip(&all_gold)
        .map(|([a, b], g)| GradedPair { claims: sentence::pair_claims(a, b), similarity: g / 5.0 })
        .collect();
    let mut graded_cv = vec![0.0; graded.len()];
    let bar = progress::bar(FOLDS as u64, "STS folds");
    for fold in 0..FOLDS {
        bar.inc(1);
        let train: Vec<GradedPair> = sts::outside_fold(&graded, fold, FOLDS);
        let mut config = full.clone();
        // As `examples/fit_facts.rs` fits `AlignConfig::facts()`: the logistic model alone.
        config.boost.rounds = 0;
        config.fit_graded(&train);
        for i in (0..graded.len()).filter(|i| i % FOLDS == fold) {
            graded_cv[i] = Scorer::new(&config, &graded[i].claims).score_value(0, 1);
        }
    }
    bar.finish_and_clear();

    // Numeric slice: both sentences give digits, not the same set.
    let numeric: Vec<usize> = (0..msrp.len())
        .filter(|&i| {
            let (a, b) = (digit_numbers(&msrp[i].texts[0]), digit_numbers(&msrp[i].texts[1]));
            !a.is_empty() && !b.is_empty() && a != b
        })
        .collect();
    let flagged = numeric
        .iter()
        .filter(|&&i| {
            let f = Scorer::new(&fold_configs[i % FOLDS], &pairs[i].claims).features(0, 1);
            f[9] > 0.0 || f[12] > 0.0
        })
        .count();
    let numeric_scored: Vec<(f64, bool)> =
        numeric.iter().map(|&i| (cv_scores[i], pairs[i].same)).collect();
    let numeric_counts: Counts = numeric.iter().fold(Counts::default(), |mut c, &i| {
        c.add(Counts::of(&[(cv_scores[i], pairs[i].same)], fold_configs[i % FOLDS].threshold));
        c
    });
    let numeric_negatives = numeric_scored.iter().filter(|s| !s.1).count();

    println!("| data | split | measure | value |");
    println!("| --- | --- | --- | --- |");
    let c = fold_counts;
    println!(
        "| MSRP train ({} pairs) | 10-fold CV | accuracy | {:.4} |",
        pairs.len(),
        c.accuracy()
    );
    println!("| MSRP train | 10-fold CV | precision | {:.4} |", c.precision());
    println!("| MSRP train | 10-fold CV | recall | {:.4} |", c.recall());
    println!("| MSRP train | 10-fold CV | F1 | {:.4} |", c.f1());
    let cv_scored: Vec<(f64, bool)> =
        cv_scores.iter().copied().zip(pairs.iter().map(|p| p.same)).collect();
    for t in (6..=16).map(|k| f64::from(k) * 0.05) {
        let s = Counts::of(&cv_scored, t);
        println!(
            "| MSRP train | 10-fold CV, fixed threshold {t:.2} | accuracy / F1 | {:.4} / {:.4} |",
            s.accuracy(),
            s.f1()
        );
    }
    let full_counts = Counts::of(
        &pairs.iter().map(|p| (full.score_pair(p), p.same)).collect::<Vec<_>>(),
        full.threshold,
    );
    println!(
        "| MSRP train | fit on all (training fit, optimistic) | accuracy / F1 at threshold {:.4} | {:.4} / {:.4} |",
        full.threshold,
        full_counts.accuracy(),
        full_counts.f1()
    );
    for (year, n, p, s) in &sts_rows {
        println!(
            "| STS headlines {year} ({n} pairs) | default config (MSRP fit) | Pearson / Spearman | {p:.4} / {s:.4} |"
        );
    }
    println!(
        "| STS headlines 2013+2014 ({} pairs) | default config (MSRP fit) | Pearson / Spearman | {:.4} / {:.4} |",
        all_gold.len(),
        sts::pearson(&all_score, &all_gold),
        spearman(&all_score, &all_gold)
    );
    println!(
        "| STS headlines 2013+2014 | separate graded model, 10-fold CV on STS | Pearson / Spearman | {:.4} / {:.4} |",
        sts::pearson(&graded_cv, &all_gold),
        spearman(&graded_cv, &all_gold)
    );
    println!(
        "| MSRP numeric slice ({} pairs, {} negative) | 10-fold CV | number/quantity mismatch flagged | {:.4} |",
        numeric.len(),
        numeric_negatives,
        flagged as f64 / numeric.len().max(1) as f64
    );
    println!(
        "| MSRP numeric slice | 10-fold CV | accuracy / F1 | {:.4} / {:.4} |",
        numeric_counts.accuracy(),
        numeric_counts.f1()
    );
    println!(
        "| MSRP train cross pairs ({} pairs, different by construction) | 10-fold CV | linked | {:.4} |",
        pairs.len(),
        cross_linked as f64 / pairs.len().max(1) as f64
    );

    // The worst errors of cross-validation, with their breakdowns.
    let mut order: Vec<usize> = (0..pairs.len()).collect();
    order.sort_by(|&a, &b| cv_scores[b].total_cmp(&cv_scores[a]));
    let false_pos: Vec<usize> = order
        .iter()
        .copied()
        .filter(|&i| !pairs[i].same && cv_scores[i] >= fold_configs[i % FOLDS].threshold)
        .take(args.worst)
        .collect();
    let false_neg: Vec<usize> = order
        .iter()
        .rev()
        .copied()
        .filter(|&i| pairs[i].same && cv_scores[i] < fold_configs[i % FOLDS].threshold)
        .take(args.worst)
        .collect();
    for (title, list) in
        [("worst false positives", &false_pos), ("worst false negatives", &false_neg)]
    {
        println!("\n## {title}");
        for &i in list.iter() {
            let score = Scorer::new(&fold_configs[i % FOLDS], &pairs[i].claims).score(0, 1);
            println!("\nscore {:.4} (label {})", score.value, u8::from(pairs[i].same));
            println!("  a: {}\n  b: {}", msrp[i].texts[0], msrp[i].texts[1]);
            print_breakdown(&score);
        }
    }
    // STS pairs whose score (× 5) is furthest from the gold similarity.
    let mut sts_order: Vec<usize> = (0..all_gold.len()).collect();
    let gap = |i: usize| all_score[i] * 5.0 - all_gold[i];
    sts_order.sort_by(|&a, &b| gap(b).abs().total_cmp(&gap(a).abs()));
    println!("\n## STS pairs furthest from gold (score × 5 against gold)");
    for &i in sts_order.iter().take(args.worst * 2) {
        let [a, b] = &sts_pairs[i];
        let score = Scorer::new(&full, &sentence::pair_claims(a, b)).score(0, 1);
        println!("\ngold {:.1} score×5 {:.2}\n  a: {a}\n  b: {b}", all_gold[i], score.value * 5.0);
        print_breakdown(&score);
    }
    println!("\n## weights (fit on all of MSRP train)\nintercept {:.3}", full.intercept);
    for (name, w) in &full.weights {
        println!("{name} {w:.3}");
    }
    Ok(())
}

/// Pairs that look alike but report different things, to see how often a configuration links
/// them: each first sentence of the held-out fold `test` against the second sentence of the other
/// pair of that fold with which it shares the most terms (the first such pair on ties). A few are
/// the same news told twice (MSRP holds several pairs from one story), so a handful of links is
/// no error; many are.
fn cross_pairs(pairs: &[LabelledPair], test: &[usize]) -> Vec<LabelledPair> {
    // The second sentences' terms of the fold, as sets, in the order of `test`.
    let terms: Vec<FxHashSet<&str>> = test
        .iter()
        .map(|&j| pairs[j].claims[1].terms.iter().map(String::as_str).collect())
        .collect();
    test.iter()
        .enumerate()
        .filter_map(|(k, &i)| {
            let shared = |m: usize| {
                pairs[i].claims[0].terms.iter().filter(|t| terms[m].contains(t.as_str())).count()
            };
            let m = (0..test.len())
                .filter(|&m| m != k)
                .max_by(|&a, &b| shared(a).cmp(&shared(b)).then(b.cmp(&a)))?;
            let j = test[m];
            Some(LabelledPair {
                claims: [pairs[i].claims[0].clone(), pairs[j].claims[1].clone()],
                same: false,
            })
        })
        .collect()
}

/// Puts `items` in the order of a permutation drawn from `seed` (Fisher-Yates over xorshift).
fn shuffle<T>(items: &mut [T], seed: u64) {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    for i in (1..items.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        items.swap(i, (state % (i as u64 + 1)) as usize);
    }
}

/// Prints the features that moved a score's logit by 0.05 or more: `name=value×weight`.
fn print_breakdown(score: &corroborate::align::Score) {
    let parts: Vec<String> = score
        .breakdown
        .iter()
        .filter(|c| c.part.abs() >= 0.05)
        .map(|c| format!("{}={:.2}×{:.2}", c.feature, c.value, c.weight))
        .collect();
    println!("  {}", parts.join(" "));
}
