//! Real coverage: the same happening across independently written articles (ECB+), stories in a
//! pooled pile, and a headline linked into its article (FNC-1), on the development data.
//!
//! ```text
//! cargo run --release --example evaluate_news -- [--data DIR] [--folds K] [--skip-fnc]
//! ```
//! `DIR` (default `$CORROBORATE_DATA`) holds `ecbplus/` (topics with `gold.json`) and `fnc1/`.
//!
//! 1. **ECB+ sentence pairs**, scored as `ecb_score.py` scores them (pairs of annotated sentences
//!    of two articles of one topic; gold when they share an event chain; predicted when a claim of
//!    one and a claim of the other share a fact or an edge of the agreement graph). The happening
//!    model ([`corroborate::reconcile::happening`]) is fitted by leave-topics-out cross-validation (`K` folds,
//!    topic number mod `K`): each fold's topics are scored with weights and a threshold fitted on
//!    the other folds only. The threshold is the one with the best F1 on the training topics whose
//!    precision is at least `MIN_PRECISION`. Also printed: the shipped default, and the model
//!    fitted on every topic (what the default should be).
//! 2. **Stories**: every article of every topic in one run; pairwise precision, recall and F1 of
//!    "same story" against (topic, `ecb`/`ecbplus`), as `ecb_stories.py` computes them, and the
//!    share of multi-source facts that mix two gold stories. The story model is fitted by the same
//!    leave-topics-out folds on pairs of articles.
//!    Then the same pile with one FNC-1 body per claim added, each a story of its own (an
//!    aggregator's pile also holds articles on nothing else in it): per setting of
//!    `StoryConfig::small_threshold` and `small_margin`, "same story" F1 over the ECB+ articles,
//!    the share of lone articles put with another story, and F1 over the whole pile, and the
//!    setting chosen by folds.
//!    Then **piles of the held-out measure's size**: the topics dealt in turn into three piles
//!    (about 250 articles and 22 stories each, as the held-out pile of about ten topics), each
//!    reconciled as one run: the shipped model per pile, a sweep of its thresholds, and the model
//!    refitted on the other two piles (with the FNC-1 pairs of other bodies), its threshold chosen
//!    on them.
//! 3. **FNC-1**: for a fixed sample of headline–body pairs per stance, the share in which a claim of
//!    the headline is linked (one fact or one edge) to a claim of the body.
//! 4. **FNC-1 stance** ([`corroborate::reconcile::stance`]): whether the body, read whole, disputes
//!    the headline. The model is cross-validated by claim (headlines and bodies joined by a pair
//!    are one group; 5 folds of groups, 3 shuffles): fitted on the `agree` and `disagree` pairs of
//!    four folds, its threshold set on them, and scored on the fifth. Printed: the share of
//!    `disagree`, `agree` and `discuss` pairs it flags, and J (disagree − agree).
//!    `--fit-stance FILE` also fits the model on every pair and writes it (the shipped one is
//!    `src/reconcile/stance_model.json`); `--stance-only` runs this part alone.

#[path = "support/cli.rs"]
mod cli;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use corroborate::reconcile::happening::{self, HappeningConfig, HappeningFeatures};
use corroborate::reconcile::stance::{FitParams, StanceArticle, StanceFeatures, StanceModel};
use corroborate::reconcile::story::{self, StoryConfig, StoryFeatures};
use corroborate::{Config, Reconciler, Reconciliation, Source};
use serde_json::Value;

/// The precision the happening threshold must keep on the training topics.
const MIN_PRECISION: f64 = 0.87;

const HELP: &str = "\
Real coverage on the development data: ECB+ sentence pairs (leave-topics-out CV of the happening
model), stories of the pooled ECB+ pile, FNC-1 headlines linked into their bodies.

Usage: evaluate_news [--data DIR] [--folds K] [--skip-fnc] [--stance-only] [--fit-stance FILE]

Options:
  --data DIR   holds ecbplus/ and fnc1/ (default: $CORROBORATE_DATA)
  --folds K    folds of topics for cross-validation (default 5, at least 2)
  --skip-fnc   leave out the FNC-1 figures, and FNC-1 pairs in the story model's fit
  --stance-only  run only the FNC-1 stance part (cross-validated)
  --fit-stance FILE  also fit the stance model on every FNC-1 pair and write it to FILE
  -h, --help   print this help

Environment: STORY_BG and STORY_TH override the story model's background documents and threshold
(the grid in docs/evaluation.md); HAPPENING_MIN_P the precision (default 0.87) the happening
threshold must keep on the training topics.
";

fn main() -> ExitCode {
    let args = cli::parse_or_exit(HELP, parse_args);
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

struct Args {
    data: Option<PathBuf>,
    folds: usize,
    fnc: bool,
    stance_only: bool,
    fit_stance: Option<PathBuf>,
}

fn parse_args(parser: &mut cli::Parser) -> Result<Option<Args>, cli::Error> {
    use cli::*;
    let mut args = Args {
        data: std::env::var_os("CORROBORATE_DATA").map(PathBuf::from),
        folds: 5,
        fnc: true,
        stance_only: false,
        fit_stance: None,
    };
    while let Some(arg) = parser.next()? {
        match arg {
            Long("data") => args.data = Some(parser.value()?.into()),
            Long("folds") => {
                args.folds = cli::value(parser, "--folds")?;
                if args.folds < 2 {
                    return Err("--folds must be at least 2".into());
                }
            }
            Long("skip-fnc") => args.fnc = false,
            Long("stance-only") => args.stance_only = true,
            Long("fit-stance") => args.fit_stance = Some(parser.value()?.into()),
            Short('h') | Long("help") => return Ok(None),
            _ => return Err(arg.unexpected()),
        }
    }
    Ok(Some(args))
}

/// One annotated sentence: its document, byte range and event chains.
struct Sentence {
    doc: String,
    start: usize,
    end: usize,
    chains: HashSet<String>,
}

/// One ECB+ topic, reconciled without happening links, with its candidate pairs.
struct Topic {
    number: usize,
    sentences: Vec<Sentence>,
    subtopic: HashMap<String, String>,
    /// Sentence pairs the report links without happening links.
    base: HashSet<(usize, usize)>,
    /// Candidate claim pairs: their features and the sentence pairs they would link.
    candidates: Vec<(HappeningFeatures, Vec<(usize, usize)>)>,
    /// The same candidates as the library sees them (for `happening::select`).
    rows: Vec<(usize, usize, HappeningFeatures)>,
    /// Gold sentence pairs.
    gold: HashSet<(usize, usize)>,
}

fn run(args: Args) -> Result<(), String> {
    let data = args.data.ok_or("no data folder: pass --data DIR or set CORROBORATE_DATA")?;
    if args.stance_only {
        return stance(&data.join("fnc1"), args.fit_stance.as_deref());
    }
    let ecb = data.join("ecbplus");
    let mut numbers: Vec<usize> = std::fs::read_dir(&ecb)
        .map_err(|e| format!("{}: {e}", ecb.display()))?
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
        .filter(|n: &usize| ecb.join(n.to_string()).join("gold.json").exists())
        .collect();
    numbers.sort_unstable();
    if numbers.is_empty() {
        return Err(format!("no ECB+ topics with gold.json in {}", ecb.display()));
    }
    eprintln!("reading {} ECB+ topics", numbers.len());
    let mut base_config = Config::default();
    tune(&mut base_config);
    base_config.group.happenings.set_enabled(false);
    let topics: Vec<Topic> = numbers
        .iter()
        .map(|&n| load_topic(&ecb.join(n.to_string()), n, &base_config))
        .collect::<Result<_, _>>()?;

    println!(
        "== ECB+ sentence pairs ({} topics, leave-topics-out, {} folds)",
        topics.len(),
        args.folds
    );
    let shipped = HappeningConfig::default();
    let (p, r, f, x) = score_topics(&topics, |_| &shipped);
    println!("shipped default:        P={p:.3} R={r:.3} F1={f:.3} cross-subtopic={x:.3}");
    let (p, r, f, x) = score_topics(&topics, |_| &NONE);
    println!("without happening links: P={p:.3} R={r:.3} F1={f:.3} cross-subtopic={x:.3}");
    let fold_of = |t: &Topic| t.number % args.folds;
    let fitted: Vec<HappeningConfig> = (0..args.folds)
        .map(|k| fit_happenings(topics.iter().filter(|t| fold_of(t) != k)))
        .collect();
    let (p, r, f, x) = score_topics(&topics, |t| &fitted[fold_of(t)]);
    println!("cross-validated:        P={p:.3} R={r:.3} F1={f:.3} cross-subtopic={x:.3}");
    for (k, c) in fitted.iter().enumerate() {
        println!(
            "  fold {k}: threshold {:.3}, weights {:?}, intercept {:.3}",
            c.threshold,
            round(&c.weights),
            c.intercept
        );
    }
    let all = fit_happenings(topics.iter());
    println!(
        "fitted on all topics: threshold {:.3}, weights {:?}, intercept {:.3}",
        all.threshold,
        round(&all.weights),
        all.intercept
    );

    println!("== Stories (all {} topics pooled in one run)", topics.len());
    let fnc_rows = if args.fnc { fnc_story_rows(&data.join("fnc1"))? } else { Vec::new() };
    stories(&ecb, &numbers, args.folds, &fnc_rows)?;
    println!("== Stories in piles of the held-out measure's size (topics dealt into {PILES})");
    piles(&ecb, &numbers, &fnc_rows)?;
    if args.fnc {
        println!("== Stories with lone articles (the pooled pile and one FNC-1 body per claim)");
        lone_articles(&ecb, &numbers, &data.join("fnc1"), args.folds)?;
    }

    if args.fnc {
        println!("== FNC-1 (headline linked into its body)");
        fnc(&data.join("fnc1"))?;
        stance(&data.join("fnc1"), args.fit_stance.as_deref())?;
    } else if args.fit_stance.is_some() {
        return Err("--fit-stance needs the FNC-1 pairs: drop --skip-fnc".into());
    }
    Ok(())
}

/// Story settings from the environment, for trying values without rebuilding.
fn tune(config: &mut Config) {
    let var = |k: &str| std::env::var(k).ok().and_then(|v| v.parse::<f64>().ok());
    if let Some(k) = var("STORY_BG") {
        config.group.stories.background_docs = k;
    }
    if let Some(t) = var("STORY_TH") {
        config.group.stories.set_threshold(t);
    }
}

/// Happening links off: the report's own links only.
static NONE: HappeningConfig = HappeningConfig::disabled();

fn round(w: &[f64]) -> Vec<f64> {
    w.iter().map(|x| (x * 1000.0).round() / 1000.0).collect()
}

fn load_topic(dir: &Path, number: usize, config: &Config) -> Result<Topic, String> {
    let gold_path = dir.join("gold.json");
    let gold: Value = serde_json::from_str(
        &std::fs::read_to_string(&gold_path)
            .map_err(|e| format!("{}: {e}", gold_path.display()))?,
    )
    .map_err(|e| format!("{}: {e}", gold_path.display()))?;
    let mut reconciler = Reconciler::new(config.clone());
    let mut subtopic = HashMap::new();
    for d in gold["docs"].as_array().ok_or("gold.json: no docs")? {
        let doc = d["doc"].as_str().ok_or("gold.json: doc without id")?.to_string();
        let file = dir.join(d["file"].as_str().ok_or("gold.json: doc without file")?);
        let source = Source::from_file(&file).map_err(|e| e.to_string())?;
        reconciler.add_source(&source).map_err(|e| e.to_string())?;
        subtopic.insert(doc, d["subtopic"].as_str().unwrap_or("").to_string());
    }
    let sentences: Vec<Sentence> = gold["sentences"]
        .as_array()
        .ok_or("gold.json: no sentences")?
        .iter()
        .map(|s| Sentence {
            doc: s["doc"].as_str().unwrap_or("").to_string(),
            start: s["start"].as_u64().unwrap_or(0) as usize,
            end: s["end"].as_u64().unwrap_or(0) as usize,
            chains: s["chains"]
                .as_array()
                .map(|c| c.iter().filter_map(|x| x.as_str().map(String::from)).collect())
                .unwrap_or_default(),
        })
        .collect();
    let report = reconciler.reconcile();
    // Each claim's annotated sentences.
    let sentences_of: Vec<Vec<usize>> = report
        .claims
        .iter()
        .map(|c| {
            (0..sentences.len())
                .filter(|&k| {
                    let s = &sentences[k];
                    s.doc == c.source.as_str() && c.start < s.end && c.end > s.start
                })
                .collect()
        })
        .collect();
    let index: HashMap<&corroborate::ClaimId, usize> =
        report.claims.iter().enumerate().map(|(i, c)| (&c.id, i)).collect();
    let link_claims = |a: usize, b: usize, out: &mut HashSet<(usize, usize)>| {
        for &i in &sentences_of[a] {
            for &j in &sentences_of[b] {
                if sentences[i].doc != sentences[j].doc {
                    out.insert((i.min(j), i.max(j)));
                }
            }
        }
    };
    let mut base = HashSet::new();
    for fact in &report.facts {
        let members: Vec<usize> = fact.claims.iter().map(|c| index[c]).collect();
        for (x, &a) in members.iter().enumerate() {
            for &b in &members[x + 1..] {
                link_claims(a, b, &mut base);
            }
        }
    }
    for (a, b, _) in report.graph().edges() {
        link_claims(index[a], index[b], &mut base);
    }
    let rows = candidate_rows(&report, config);
    let candidates = rows
        .iter()
        .map(|&(a, b, f)| {
            let mut pairs = HashSet::new();
            link_claims(a, b, &mut pairs);
            (f, pairs.into_iter().collect())
        })
        .collect();
    let mut gold_pairs = HashSet::new();
    for i in 0..sentences.len() {
        for j in i + 1..sentences.len() {
            if sentences[i].doc == sentences[j].doc {
                continue;
            }
            if !sentences[i].chains.is_disjoint(&sentences[j].chains) {
                gold_pairs.insert((i, j));
            }
        }
    }
    Ok(Topic { number, sentences, subtopic, base, candidates, rows, gold: gold_pairs })
}

/// The happening candidates of a report and their features.
fn candidate_rows(
    report: &Reconciliation,
    config: &Config,
) -> Vec<(usize, usize, HappeningFeatures)> {
    let story_of_source: HashMap<&corroborate::SourceId, usize> = report
        .stories
        .iter()
        .flat_map(|s| s.sources.iter().map(move |src| (src, s.id.0)))
        .collect();
    let story_of: Vec<usize> = report.claims.iter().map(|c| story_of_source[&c.source]).collect();
    let scorer = corroborate::align::Scorer::new(&config.align, &report.claims);
    happening::candidates(
        &report.claims,
        &story_of,
        &scorer,
        &config.align.statistics,
        &config.group.happenings,
    )
}

/// Micro P, R, F1 and cross-subtopic share over `topics`, each with the configuration `pick` gives.
fn score_topics<'c>(
    topics: &[Topic],
    pick: impl Fn(&Topic) -> &'c HappeningConfig,
) -> (f64, f64, f64, f64) {
    let (mut tp, mut fp, mut fn_, mut cross) = (0usize, 0usize, 0usize, 0usize);
    for t in topics {
        let pred = predicted(t, pick(t), t.base.clone());
        for &(i, j) in &pred {
            let gold = t.gold.contains(&(i, j));
            tp += usize::from(gold);
            fp += usize::from(!gold);
            if t.subtopic.get(&t.sentences[i].doc) != t.subtopic.get(&t.sentences[j].doc) {
                cross += 1;
            }
        }
        fn_ += t.gold.iter().filter(|p| !pred.contains(p)).count();
    }
    prf(tp, fp, fn_, cross)
}

fn prf(tp: usize, fp: usize, fn_: usize, cross: usize) -> (f64, f64, f64, f64) {
    let p = if tp + fp > 0 { tp as f64 / (tp + fp) as f64 } else { 0.0 };
    let r = if tp + fn_ > 0 { tp as f64 / (tp + fn_) as f64 } else { 0.0 };
    let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    let x = if tp + fp > 0 { cross as f64 / (tp + fp) as f64 } else { 0.0 };
    (p, r, f, x)
}

fn predicted(
    t: &Topic,
    config: &HappeningConfig,
    mut pred: HashSet<(usize, usize)>,
) -> HashSet<(usize, usize)> {
    if config.enabled {
        for k in happening::select(&t.rows, config) {
            pred.extend(t.candidates[k].1.iter().copied());
        }
    }
    pred
}

/// Fits the happening model on `topics`: logistic regression on candidate claim pairs (positive
/// when some pair of their annotated sentences shares a chain), then the threshold with the best
/// sentence-pair F1 at a precision of at least [`MIN_PRECISION`].
fn fit_happenings<'t>(topics: impl Iterator<Item = &'t Topic> + Clone) -> HappeningConfig {
    let mut rows: Vec<(HappeningFeatures, bool)> = Vec::new();
    for t in topics.clone() {
        for (f, pairs) in t.candidates.iter().filter(|c| !c.1.is_empty()) {
            rows.push((*f, pairs.iter().any(|p| t.gold.contains(p))));
        }
    }
    let mut config = HappeningConfig::default();
    happening::fit(&mut config, &rows, 1.0);
    let topics: Vec<&Topic> = topics.collect();
    let min_precision = std::env::var("HAPPENING_MIN_P")
        .ok()
        .and_then(|v| v.parse::<f64>().ok())
        .unwrap_or(MIN_PRECISION);
    let mut best = (f64::NEG_INFINITY, 0.99);
    for step in 0..140 {
        let threshold = 0.3 + 0.005 * f64::from(step);
        config.set_threshold(threshold);
        let (mut tp, mut fp, mut fn_) = (0, 0, 0);
        for t in &topics {
            let pred = predicted(t, &config, t.base.clone());
            let hits = pred.iter().filter(|p| t.gold.contains(p)).count();
            tp += hits;
            fp += pred.len() - hits;
            fn_ += t.gold.len() - hits;
        }
        let (p, _, f, _) = prf(tp, fp, fn_, 0);
        if p >= min_precision && f > best.0 {
            best = (f, threshold);
        }
    }
    config.set_threshold(best.1);
    config
}

/// A gold story of ECB+: (topic, subtopic).
type GoldStory = (usize, String);

/// The articles of ECB+ topics `numbers`: (document id, file, gold story).
fn ecb_articles(
    ecb: &Path,
    numbers: &[usize],
) -> Result<Vec<(String, PathBuf, GoldStory)>, String> {
    let mut out = Vec::new();
    for &n in numbers {
        let dir = ecb.join(n.to_string());
        let path = dir.join("gold.json");
        let g: Value = serde_json::from_str(
            &std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?,
        )
        .map_err(|e| format!("{}: {e}", path.display()))?;
        for d in g["docs"].as_array().ok_or("gold.json: no docs")? {
            let doc = d["doc"].as_str().unwrap_or("").to_string();
            let story = (n, d["subtopic"].as_str().unwrap_or("").to_string());
            out.push((doc, dir.join(d["file"].as_str().unwrap_or("")), story));
        }
    }
    Ok(out)
}

/// Stories of the pooled pile: the shipped model, and one fitted by leave-topics-out folds.
fn stories(
    ecb: &Path,
    numbers: &[usize],
    folds: usize,
    fnc_rows: &[(usize, StoryFeatures, bool)],
) -> Result<(), String> {
    let mut pooled = Config::default();
    tune(&mut pooled);
    let Pile { gold, sources, rows, report } = Pile::read(ecb, numbers, pooled)?;
    let label: HashMap<&str, usize> = report
        .stories
        .iter()
        .flat_map(|s| s.sources.iter().map(move |src| (src.as_str(), s.id.0)))
        .collect();
    let (p, r, f) = pairwise(&gold, |d| label[d]);
    let multi: Vec<_> = report.facts.iter().filter(|f| f.sources.len() > 1).collect();
    let mixed = multi
        .iter()
        .filter(|f| f.sources.iter().map(|s| &gold[s.as_str()]).collect::<HashSet<_>>().len() > 1)
        .count();
    println!(
        "shipped default: P={p:.3} R={r:.3} F1={f:.3} ({} stories for {} gold); mixed facts={:.3} ({mixed}/{})",
        report.stories.len(),
        gold.values().collect::<HashSet<_>>().len(),
        mixed as f64 / multi.len().max(1) as f64,
        multi.len()
    );
    // Refit the story model by folds of topics on the pooled pile's compared pairs.
    let topic_of: Vec<usize> = sources.iter().map(|s| gold[s.as_str()].0).collect();
    let same = |a: usize, b: usize| gold[sources[a].as_str()] == gold[sources[b].as_str()];
    let mut cv_label: HashMap<&str, (usize, usize)> = HashMap::new();
    let mut fitted = Vec::new();
    // FNC-1 pairs (unrelated, related) of the test folds: (pairs, put in one story).
    let mut fnc_cv = [(0usize, 0usize); 2];
    for k in 0..folds {
        let mut train: Vec<(StoryFeatures, bool)> = rows
            .iter()
            .filter(|(a, b, _)| topic_of[*a] % folds != k && topic_of[*b] % folds != k)
            .map(|(a, b, f)| (*f, same(*a, *b)))
            .collect();
        train.extend(fnc_rows.iter().filter(|r| r.0 % folds != k).map(|r| (r.1, r.2)));
        let mut sc = StoryConfig::default();
        story::fit(&mut sc, &train, 1.0);
        // The threshold with the best pairwise F1 on the training topics.
        let train_sources: Vec<usize> =
            (0..sources.len()).filter(|&i| topic_of[i] % folds != k).collect();
        let test_sources: Vec<usize> =
            (0..sources.len()).filter(|&i| topic_of[i] % folds == k).collect();
        let mut best = (f64::NEG_INFINITY, sc.threshold);
        for step in 1..20 {
            let th = 0.05 * f64::from(step);
            sc.set_threshold(th);
            let labels = story::cluster_from_features(sources.len(), &rows, &sc);
            let sub: BTreeMap<String, (usize, String)> = train_sources
                .iter()
                .map(|&i| (sources[i].as_str().to_string(), gold[sources[i].as_str()].clone()))
                .collect();
            let idx: HashMap<&str, usize> =
                sources.iter().enumerate().map(|(i, s)| (s.as_str(), i)).collect();
            let (_, _, f) = pairwise(&sub, |d| labels[idx[d]]);
            if f > best.0 {
                best = (f, th);
            }
        }
        sc.set_threshold(best.1);
        for (related, counts) in fnc_cv.iter_mut().enumerate() {
            for r in fnc_rows.iter().filter(|r| r.0 % folds == k && r.2 == (related == 1)) {
                counts.0 += 1;
                counts.1 += usize::from(sc.probability(&r.1) >= sc.threshold);
            }
        }
        let labels = story::cluster_from_features(sources.len(), &rows, &sc);
        for &i in &test_sources {
            cv_label.insert(sources[i].as_str(), (k, labels[i]));
        }
        fitted.push(sc);
    }
    let (p, r, f) = pairwise(&gold, |d| cv_label[d]);
    println!("cross-validated: P={p:.3} R={r:.3} F1={f:.3}");
    if !fnc_rows.is_empty() {
        let share = |(n, k): (usize, usize)| k as f64 / n.max(1) as f64;
        println!(
            "FNC-1 headline and body in one story, cross-validated by body: related {:.3}, unrelated {:.3}",
            share(fnc_cv[1]),
            share(fnc_cv[0])
        );
        let shipped = StoryConfig::default();
        let together = |related: bool| {
            let rows: Vec<_> = fnc_rows.iter().filter(|r| r.2 == related).collect();
            let k = rows.iter().filter(|r| shipped.probability(&r.1) >= shipped.threshold).count();
            k as f64 / rows.len().max(1) as f64
        };
        println!(
            "FNC-1 headline and body in one story, shipped default: related {:.3}, unrelated {:.3}",
            together(true),
            together(false)
        );
        // A headline left alone joins its article's story above `brief_threshold`: the pair's
        // probability against lower thresholds (the sweep behind the default).
        let sweep: Vec<String> = [0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5]
            .iter()
            .map(|&th| {
                let share = |related: bool| {
                    let rows: Vec<_> = fnc_rows.iter().filter(|r| r.2 == related).collect();
                    let k = rows.iter().filter(|r| shipped.probability(&r.1) >= th).count();
                    k as f64 / rows.len().max(1) as f64
                };
                format!("{th:.2}: {:.3}/{:.3}", share(true), share(false))
            })
            .collect();
        println!(
            "FNC-1 pairs at or above a brief threshold (related/unrelated): {} (shipped brief_threshold {:.2})",
            sweep.join(", "),
            shipped.brief_threshold
        );
    }
    let mut all: Vec<(StoryFeatures, bool)> =
        rows.iter().map(|(a, b, f)| (*f, same(*a, *b))).collect();
    all.extend(fnc_rows.iter().map(|r| (r.1, r.2)));
    let mut sc = StoryConfig::default();
    story::fit(&mut sc, &all, 1.0);
    println!("fitted on all: weights {:?}, intercept {:.3}", round(&sc.weights), sc.intercept);
    for (k, c) in fitted.iter().enumerate() {
        println!(
            "  fold {k}: threshold {:.2}, weights {:?}, intercept {:.3}",
            c.threshold,
            round(&c.weights),
            c.intercept
        );
    }
    Ok(())
}

/// Small stories joining larger ones ([`StoryConfig::small_threshold`], `small_margin`) where
/// a pile also holds articles that belong to no other story: the pooled ECB+ pile plus one
/// FNC-1 body per claim (headlines and bodies joined by a related pair are one claim), each
/// its own gold story. Prints, per setting, "same story" F1 over the ECB+ articles, the share
/// of lone articles put with another story's source, and F1 over the whole pile; then the
/// setting chosen by folds (ECB+ topic number mod `folds`, lone articles by their index) on
/// the whole pile's F1 of the training sources, scored on the test sources.
fn lone_articles(
    ecb: &Path,
    numbers: &[usize],
    fnc_dir: &Path,
    folds: usize,
) -> Result<(), String> {
    use rayon::prelude::*;
    let (bodies, by_stance) = read_fnc(fnc_dir)?;
    // The lowest body id of each claim group.
    let groups = claim_groups(&related_pairs(&bodies, &by_stance));
    let mut lone: BTreeMap<usize, u64> = BTreeMap::new();
    for (&(kind, id), &group) in &groups {
        if kind == "b" {
            let id: u64 = id.parse().unwrap_or(u64::MAX);
            let slot = lone.entry(group).or_insert(id);
            *slot = (*slot).min(id);
        }
    }
    let mut texts: Vec<(String, String, (usize, String))> = Vec::new();
    for (doc, path, story) in ecb_articles(ecb, numbers)? {
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        texts.push((doc, text, story));
    }
    let n_ecb = texts.len();
    let mut ids: Vec<u64> = lone.into_values().collect();
    ids.sort_unstable();
    for (k, id) in ids.iter().enumerate() {
        let Some(body) = bodies.get(&id.to_string()) else { continue };
        texts.push((format!("fnc{id}"), body.clone(), (100_000 + k, "fnc".to_string())));
    }
    let sources: Vec<corroborate::SourceId> =
        texts.iter().map(|t| corroborate::SourceId::from(t.0.as_str())).collect();
    let claims: Vec<corroborate::Claim> = texts
        .par_iter()
        .flat_map_iter(|(id, text, _)| {
            Source::new(id.as_str(), text.trim())
                .map(|s| corroborate::extract::extract(&s).claims)
                .unwrap_or_default()
        })
        .collect();
    let config = Config::default();
    let rows =
        story::story_features(&sources, &claims, &config.align.statistics, &config.group.stories);
    let gold: Vec<&(usize, String)> = texts.iter().map(|t| &t.2).collect();
    let fold_of = |i: usize| if i < n_ecb { gold[i].0 % folds } else { (i - n_ecb) % folds };
    // Pairwise counts over the sources `keep` admits: (tp, fp, fn).
    let counts = |labels: &[usize], keep: &dyn Fn(usize) -> bool| {
        let idx: Vec<usize> = (0..sources.len()).filter(|&i| keep(i)).collect();
        let (mut tp, mut fp, mut fn_) = (0, 0, 0);
        for (x, &i) in idx.iter().enumerate() {
            for &j in &idx[x + 1..] {
                let (p, g) = (labels[i] == labels[j], gold[i] == gold[j]);
                tp += usize::from(p && g);
                fp += usize::from(p && !g);
                fn_ += usize::from(g && !p);
            }
        }
        (tp, fp, fn_)
    };
    let f1 = |(tp, fp, fn_): (usize, usize, usize)| prf(tp, fp, fn_, 0).2;
    let grid: Vec<(f64, f64)> = [1.1, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4]
        .iter()
        .flat_map(|&t| [1.0, 1.5, 2.0].map(|m| (t, m)))
        .filter(|&(t, m)| t <= 1.0 || m == 1.0)
        .collect();
    let labelled: Vec<Vec<usize>> = grid
        .iter()
        .map(|&(t, m)| {
            let mut sc = StoryConfig::default();
            sc.small_threshold = t;
            sc.small_margin = m;
            story::cluster_from_features(sources.len(), &rows, &sc)
        })
        .collect();
    println!(
        "{} ECB+ articles and {} lone articles; per setting: ECB+ F1, lone articles joined to another story, whole pile F1",
        n_ecb,
        sources.len() - n_ecb
    );
    for (&(t, m), labels) in grid.iter().zip(&labelled) {
        let wrong = (n_ecb..sources.len())
            .filter(|&i| (0..sources.len()).any(|j| labels[j] == labels[i] && gold[j] != gold[i]))
            .count();
        let setting = if t > 1.0 { "off".to_string() } else { format!("{t:.2} × {m:.1}") };
        println!(
            "  small_threshold × margin {setting:>11}: ECB+ {:.3}, lone joined {:.3}, pile {:.3}",
            f1(counts(labels, &|i| i < n_ecb)),
            wrong as f64 / (sources.len() - n_ecb).max(1) as f64,
            f1(counts(labels, &|_| true))
        );
    }
    let mut test = (0, 0, 0);
    let mut chosen = Vec::new();
    for k in 0..folds {
        let best = (0..grid.len())
            .max_by(|&a, &b| {
                let fa = f1(counts(&labelled[a], &|i| fold_of(i) != k));
                let fb = f1(counts(&labelled[b], &|i| fold_of(i) != k));
                fa.total_cmp(&fb).then(b.cmp(&a))
            })
            .unwrap_or(0);
        chosen.push(grid[best]);
        let c = counts(&labelled[best], &|i| fold_of(i) == k);
        test = (test.0 + c.0, test.1 + c.1, test.2 + c.2);
    }
    let (p, r, f, _) = prf(test.0, test.1, test.2, 0);
    println!(
        "cross-validated (whole pile, within test folds): P={p:.3} R={r:.3} F1={f:.3}; chosen {chosen:?}"
    );
    Ok(())
}

/// Pairwise precision, recall and F1 of "same story" for the documents of `gold`.
fn pairwise<L: PartialEq>(
    gold: &BTreeMap<String, (usize, String)>,
    label: impl Fn(&str) -> L,
) -> (f64, f64, f64) {
    let docs: Vec<(&String, &(usize, String))> = gold.iter().collect();
    let labels: Vec<L> = docs.iter().map(|(d, _)| label(d)).collect();
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    for i in 0..docs.len() {
        for j in i + 1..docs.len() {
            let (p, g) = (labels[i] == labels[j], docs[i].1 == docs[j].1);
            tp += usize::from(p && g);
            fp += usize::from(p && !g);
            fn_ += usize::from(g && !p);
        }
    }
    let (p, r, f, _) = prf(tp, fp, fn_, 0);
    (p, r, f)
}

/// The FNC-1 CSVs: bodies by id, and (headline, body id) pairs by stance.
type FncData = (HashMap<String, String>, BTreeMap<String, Vec<(String, String)>>);

fn read_fnc(dir: &Path) -> Result<FncData, String> {
    let bodies_path = dir.join("train_bodies.csv");
    let stances_path = dir.join("train_stances.csv");
    let mut bodies: HashMap<String, String> = HashMap::new();
    let mut reader = csv::Reader::from_path(&bodies_path)
        .map_err(|e| format!("{}: {e}", bodies_path.display()))?;
    for record in reader.records() {
        let r = record.map_err(|e| format!("{}: {e}", bodies_path.display()))?;
        bodies.insert(r[0].to_string(), r[1].to_string());
    }
    let mut by_stance: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    let mut reader = csv::Reader::from_path(&stances_path)
        .map_err(|e| format!("{}: {e}", stances_path.display()))?;
    for record in reader.records() {
        let r = record.map_err(|e| format!("{}: {e}", stances_path.display()))?;
        by_stance.entry(r[2].to_string()).or_default().push((r[0].to_string(), r[1].to_string()));
    }
    Ok((bodies, by_stance))
}

/// Story features of FNC-1 headline/body pairs, each as a run of two sources: `(body id,
/// features, related)`. Every k-th pair, 400 per stance (related: agree, disagree, discuss).
fn fnc_story_rows(dir: &Path) -> Result<Vec<(usize, StoryFeatures, bool)>, String> {
    let (bodies, by_stance) = read_fnc(dir)?;
    let config = Config::default();
    let ids = [corroborate::SourceId::from("h"), corroborate::SourceId::from("b")];
    let mut rows = Vec::new();
    for (stance, pairs) in &by_stance {
        let step = (pairs.len() / 400).max(1);
        for (headline, body_id) in pairs.iter().step_by(step).take(400) {
            let Some(body) = bodies.get(body_id) else { continue };
            let (Ok(h), Ok(b)) = (Source::new("h", headline.trim()), Source::new("b", body.trim()))
            else {
                continue;
            };
            let claims: Vec<corroborate::Claim> =
                [h, b].iter().flat_map(|s| corroborate::extract::extract(s).claims).collect();
            let f = story::story_features(
                &ids,
                &claims,
                &config.align.statistics,
                &config.group.stories,
            );
            let features = f.first().map_or([0.0; 4], |r| r.2);
            rows.push((body_id.parse().unwrap_or(0), features, stance != "unrelated"));
        }
    }
    Ok(rows)
}

/// FNC-1: the share of pairs per stance in which a claim of the headline is linked into the body.
fn fnc(dir: &Path) -> Result<(), String> {
    let (bodies, by_stance) = read_fnc(dir)?;
    // A fixed sample: every k-th pair of each stance, 200 per stance.
    for (stance, pairs) in &by_stance {
        let step = (pairs.len() / 200).max(1);
        let sample: Vec<&(String, String)> = pairs.iter().step_by(step).take(200).collect();
        let mut linked = 0;
        for (headline, body_id) in &sample {
            let Some(body) = bodies.get(body_id) else { continue };
            let (Ok(h), Ok(b)) = (Source::new("h", headline.trim()), Source::new("b", body.trim()))
            else {
                continue;
            };
            let mut reconciler = Reconciler::new(Config::default());
            reconciler.add_source(&h).map_err(|e| e.to_string())?;
            reconciler.add_source(&b).map_err(|e| e.to_string())?;
            let report = reconciler.reconcile();
            let in_fact = report.facts.iter().any(|f| f.sources.len() > 1);
            let by_edge = report.graph().edges().next().is_some();
            linked += usize::from(in_fact || by_edge);
        }
        println!(
            "{stance:<10} {} pairs, linked {:.2}",
            sample.len(),
            linked as f64 / sample.len().max(1) as f64
        );
    }
    Ok(())
}

/// A headline–body pair read for stance: its features, stance and group (a claim: headlines and
/// bodies joined by pairs).
struct StancePair<'a> {
    headline: &'a str,
    body: &'a str,
    features: StanceFeatures,
    /// Whether the body holds refuting words or phrases (a report says "disputes" only then).
    evidence: bool,
    stance: String,
    group: usize,
}

/// The claims' texts of one text, as a run reads it (one source).
fn claim_texts(id: &str, text: &str) -> Vec<String> {
    match Source::new(id, text.trim()) {
        Ok(source) => {
            corroborate::extract::extract(&source).claims.into_iter().map(|c| c.text).collect()
        }
        Err(_) => Vec::new(),
    }
}

/// The related FNC-1 pairs (`agree`, `disagree`, `discuss`) whose body is known: (stance,
/// headline, body id).
fn related_pairs<'a>(
    bodies: &HashMap<String, String>,
    by_stance: &'a BTreeMap<String, Vec<(String, String)>>,
) -> Vec<(&'static str, &'a String, &'a String)> {
    ["agree", "disagree", "discuss"]
        .iter()
        .flat_map(|s| by_stance.get(*s).into_iter().flatten().map(move |(h, b)| (*s, h, b)))
        .filter(|(_, _, b)| bodies.contains_key(*b))
        .collect()
}

/// FNC-1's claims: headlines (`("h", text)`) and bodies (`("b", id)`) joined by a related pair
/// are one group (union-find over both). Each to its group, numbered by a node of it.
fn claim_groups<'a>(
    related: &[(&str, &'a String, &'a String)],
) -> HashMap<(&'static str, &'a str), usize> {
    let mut index: HashMap<(&'static str, &'a str), usize> = HashMap::new();
    let mut parent: Vec<usize> = Vec::new();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for &(_, h, b) in related {
        let mut node = |key: (&'static str, &'a str)| -> usize {
            *index.entry(key).or_insert_with(|| {
                parent.push(parent.len());
                parent.len() - 1
            })
        };
        let (x, y) = (node(("h", h.as_str())), node(("b", b.as_str())));
        let (rx, ry) = (root(&mut parent, x), root(&mut parent, y));
        parent[rx] = ry;
    }
    index.into_iter().map(|(key, x)| (key, root(&mut parent, x))).collect()
}

/// The FNC-1 related pairs (agree, disagree, discuss) read for stance.
fn stance_pairs<'a>(
    bodies: &'a HashMap<String, String>,
    by_stance: &'a BTreeMap<String, Vec<(String, String)>>,
) -> Vec<StancePair<'a>> {
    use rayon::prelude::*;
    let related = related_pairs(bodies, by_stance);
    let mut texts: Vec<(&str, &str)> = Vec::new();
    let mut seen = HashSet::new();
    for &(_, h, b) in &related {
        if seen.insert(("h", h.as_str())) {
            texts.push(("h", h));
        }
        if seen.insert(("b", b.as_str())) {
            texts.push(("b", &bodies[b]));
        }
    }
    let claims: HashMap<(&str, &str), Vec<String>> =
        texts.par_iter().map(|&(kind, text)| ((kind, text), claim_texts(kind, text))).collect();
    let groups = claim_groups(&related);
    let pairs = related
        .par_iter()
        .map(|&(stance, h, b)| {
            let brief = claims[&("h", h.as_str())].join(" ");
            let body = &claims[&("b", bodies[b].as_str())];
            let article = StanceArticle::new(body.iter().map(String::as_str));
            (stance, article.features(&brief), !article.evidence().is_empty())
        })
        .collect::<Vec<_>>();
    pairs
        .into_iter()
        .zip(&related)
        .map(|((stance, features, evidence), &(_, h, b))| StancePair {
            headline: h,
            body: &bodies[b],
            features,
            evidence,
            stance: stance.to_string(),
            group: groups[&("h", h.as_str())],
        })
        .collect()
}

/// FNC-1 stance: cross-validated by claim, and the fit on every pair when `write` is given.
fn stance(dir: &Path, write: Option<&Path>) -> Result<(), String> {
    const FOLDS: usize = 5;
    const SHUFFLES: u64 = 3;
    let (bodies, by_stance) = read_fnc(dir)?;
    let pairs = stance_pairs(&bodies, &by_stance);
    let groups: Vec<usize> = {
        let mut g: Vec<usize> = pairs.iter().map(|p| p.group).collect();
        g.sort_unstable();
        g.dedup();
        g
    };
    println!(
        "== FNC-1 stance ({} related pairs, {} claims; {FOLDS} folds of claims x {SHUFFLES} shuffles)",
        pairs.len(),
        groups.len()
    );
    let params = FitParams::default();
    let training = |keep: &dyn Fn(&StancePair) -> bool| -> Vec<(StanceFeatures, bool)> {
        pairs
            .iter()
            .filter(|p| p.stance != "discuss" && keep(p))
            .map(|p| (p.features, p.stance == "disagree"))
            .collect()
    };
    let mut js = Vec::new();
    let mut shares = [0.0; 3];
    // Per stance (disagree, agree, discuss): pairs reconciled, linked, flagged.
    let mut pipeline = [[0usize; 3]; 3];
    for shuffle in 0..SHUFFLES {
        // Groups to folds: a seeded shuffle of the groups, dealt round the folds.
        let mut order = groups.clone();
        let mut state = shuffle.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x5EED;
        for i in (1..order.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            order.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let fold: HashMap<usize, usize> =
            order.iter().enumerate().map(|(i, &g)| (g, i % FOLDS)).collect();
        for k in 0..FOLDS {
            let model = StanceModel::fit(&training(&|p| fold[&p.group] != k), &params);
            let flagged = |stance: &str| {
                let test: Vec<&StancePair> =
                    pairs.iter().filter(|p| fold[&p.group] == k && p.stance == stance).collect();
                let n = test
                    .iter()
                    .filter(|p| p.evidence && model.disputes(&p.features, model.threshold))
                    .count();
                n as f64 / test.len().max(1) as f64
            };
            let f = [flagged("disagree"), flagged("agree"), flagged("discuss")];
            js.push(f[0] - f[1]);
            if shuffle == 0 {
                for (s, stance) in ["disagree", "agree", "discuss"].iter().enumerate() {
                    let test: Vec<&StancePair> = pairs
                        .iter()
                        .filter(|p| fold[&p.group] == k && p.stance == *stance)
                        .collect();
                    let step = (test.len() / PIPELINE_PER_FOLD).max(1);
                    let sample: Vec<&StancePair> =
                        test.into_iter().step_by(step).take(PIPELINE_PER_FOLD).collect();
                    let flags = pipeline_flags(&sample, &model);
                    pipeline[s][0] += sample.len();
                    pipeline[s][1] += flags.0;
                    pipeline[s][2] += flags.1;
                }
            }
            for (s, v) in shares.iter_mut().zip(f) {
                *s += v / (FOLDS as f64 * SHUFFLES as f64);
            }
        }
    }
    let mean = js.iter().sum::<f64>() / js.len() as f64;
    let (lo, hi) = js.iter().fold((f64::MAX, f64::MIN), |(lo, hi), &j| (lo.min(j), hi.max(j)));
    println!(
        "cross-validated: J={mean:.3} (folds {lo:.2} to {hi:.2}); flagged disagree {:.2}, agree {:.2}, discuss {:.2}",
        shares[0], shares[1], shares[2]
    );
    let share = |s: usize, what: usize| pipeline[s][what] as f64 / pipeline[s][0].max(1) as f64;
    println!(
        "whole runs as fnc_score.py reads them (first shuffle, up to {PIPELINE_PER_FOLD} test pairs per stance and fold, \
         each fold's model): J={:.3}; disagree linked {:.2} flagged {:.2}; agree linked {:.2} flagged {:.2}; \
         discuss linked {:.2} flagged {:.2}",
        share(0, 2) - share(1, 2),
        share(0, 1),
        share(0, 2),
        share(1, 1),
        share(1, 2),
        share(2, 1),
        share(2, 2)
    );
    if let Some(path) = write {
        let mut model = StanceModel::fit(&training(&|_| true), &params);
        model.fitted_on = format!(
            "FNC-1 training pairs, agree against disagree ({} pairs); cross-validated by claim J={mean:.3}; \
             refit: cargo run --release --example evaluate_news -- --stance-only --fit-stance FILE",
            training(&|_| true).len()
        );
        std::fs::write(path, model.to_json() + "\n")
            .map_err(|e| format!("{}: {e}", path.display()))?;
        println!(
            "wrote the stance model fitted on every pair to {} (threshold {:.3})",
            path.display(),
            model.threshold
        );
    }
    Ok(())
}

/// Test pairs per stance and fold reconciled whole in the stance cross-validation.
const PIPELINE_PER_FOLD: usize = 60;

/// Each pair reconciled as a headline `h` and a body `b` with `model` as the stance model, read
/// as `fnc_score.py` reads a report: (pairs linked, pairs flagged). Linked: a fact holds a claim
/// of each; flagged: linked, and such a fact is contested or a difference other than `detail`
/// names a claim of each.
fn pipeline_flags(sample: &[&StancePair], model: &StanceModel) -> (usize, usize) {
    use corroborate::reconcile::report::{DifferenceKind, FactStatus};
    use rayon::prelude::*;
    let mut config = Config::default();
    config.diff.stance_model(model.clone());
    let flags: Vec<(bool, bool)> = sample
        .par_iter()
        .map(|p| {
            let (Ok(h), Ok(b)) =
                (Source::new("h", p.headline.trim()), Source::new("b", p.body.trim()))
            else {
                return (false, false);
            };
            let mut reconciler = Reconciler::new(config.clone());
            if reconciler.add_source(&h).is_err() || reconciler.add_source(&b).is_err() {
                return (false, false);
            }
            let report = reconciler.reconcile();
            let is_h = |c: &corroborate::ClaimId| c.source().as_str() == "h";
            let both =
                |ids: &[corroborate::ClaimId]| ids.iter().any(is_h) && ids.iter().any(|c| !is_h(c));
            let linked: Vec<_> = report.facts.iter().filter(|f| both(&f.claims)).collect();
            let flagged = !linked.is_empty()
                && (linked.iter().any(|f| f.status == FactStatus::Contested)
                    || report
                        .differences
                        .iter()
                        .any(|d| d.kind != DifferenceKind::Detail && both(&d.claims)));
            (!linked.is_empty(), flagged)
        })
        .collect();
    (flags.iter().filter(|f| f.0).count(), flags.iter().filter(|f| f.1).count())
}

/// One pile of articles reconciled in one run, with what fitting and scoring it needs.
struct Pile {
    /// Gold story of each source, by source id.
    gold: BTreeMap<String, GoldStory>,
    sources: Vec<corroborate::SourceId>,
    /// The compared pairs of sources and their story features (the default configuration's).
    rows: Vec<(usize, usize, StoryFeatures)>,
    report: Reconciliation,
}

impl Pile {
    /// The articles of ECB+ topics `numbers` reconciled in one run under `config`.
    fn read(ecb: &Path, numbers: &[usize], config: Config) -> Result<Pile, String> {
        let mut gold = BTreeMap::new();
        let mut reconciler = Reconciler::new(config);
        for (doc, path, story) in ecb_articles(ecb, numbers)? {
            let source = Source::from_file(path).map_err(|e| e.to_string())?;
            reconciler.add_source(&source).map_err(|e| e.to_string())?;
            gold.insert(doc, story);
        }
        let report = reconciler.reconcile();
        let sources: Vec<corroborate::SourceId> =
            report.sources.iter().map(|s| s.id.clone()).collect();
        let config = Config::default();
        let rows = story::story_features(
            &sources,
            &report.claims,
            &config.align.statistics,
            &config.group.stories,
        );
        Ok(Pile { gold, sources, rows, report })
    }

    fn labelled(&self) -> impl Iterator<Item = (StoryFeatures, bool)> + '_ {
        self.rows.iter().map(|(a, b, f)| {
            (*f, self.gold[self.sources[*a].as_str()] == self.gold[self.sources[*b].as_str()])
        })
    }

    /// Pairwise P, R, F1 of the stories `config` makes of this pile, and how many.
    fn score(&self, config: &StoryConfig) -> (f64, f64, f64, usize) {
        let labels = story::cluster_from_features(self.sources.len(), &self.rows, config);
        let idx: HashMap<&str, usize> =
            self.sources.iter().enumerate().map(|(i, s)| (s.as_str(), i)).collect();
        let (p, r, f) = pairwise(&self.gold, |d| labels[idx[d]]);
        let n = labels.iter().collect::<HashSet<_>>().len();
        (p, r, f, n)
    }
}

/// How many piles [`piles`] deals the topics into: the held-out pile is about ten topics.
const PILES: usize = 3;

/// Stories in piles of the held-out measure's size (about ten topics, 250 articles, each its
/// own run): the shipped model per pile, a small sweep of its thresholds, and the model refitted
/// on the other piles' pairs (and FNC-1 pairs of other bodies, as [`stories`] fits it), its
/// threshold chosen on them.
fn piles(
    ecb: &Path,
    numbers: &[usize],
    fnc_rows: &[(usize, StoryFeatures, bool)],
) -> Result<(), String> {
    let piles: Vec<Pile> = (0..PILES)
        .map(|k| {
            let mine: Vec<usize> = numbers
                .iter()
                .enumerate()
                .filter(|(i, _)| i % PILES == k)
                .map(|(_, &n)| n)
                .collect();
            Pile::read(ecb, &mine, Config::default())
        })
        .collect::<Result<_, _>>()?;
    let shipped = StoryConfig::default();
    for (k, pile) in piles.iter().enumerate() {
        let (p, r, f, n) = pile.score(&shipped);
        println!(
            "pile {k} ({} articles, {} gold stories): shipped P={p:.3} R={r:.3} F1={f:.3} ({n} stories)",
            pile.sources.len(),
            pile.gold.values().collect::<HashSet<_>>().len()
        );
    }
    let mean_f1 = |c: &StoryConfig| piles.iter().map(|p| p.score(c).2).sum::<f64>() / PILES as f64;
    for th in [0.4, 0.5, 0.6] {
        let row: Vec<String> = [0.1, 0.2, 0.3]
            .iter()
            .map(|&small| {
                let mut c = shipped.clone();
                c.set_threshold(th);
                c.small_threshold = small;
                format!("small {small:.1}: {:.3}", mean_f1(&c))
            })
            .collect();
        println!("mean F1 at threshold {th:.1}: {}", row.join(", "));
    }
    let mut cv = 0.0;
    for k in 0..PILES {
        let mut train: Vec<(StoryFeatures, bool)> = piles
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != k)
            .flat_map(|(_, p)| p.labelled())
            .collect();
        train.extend(fnc_rows.iter().filter(|r| r.0 % PILES != k).map(|r| (r.1, r.2)));
        let mut sc = StoryConfig::default();
        story::fit(&mut sc, &train, 1.0);
        let mut best = (f64::NEG_INFINITY, sc.threshold);
        for step in 4..15 {
            sc.set_threshold(0.05 * f64::from(step));
            let f: f64 = piles
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != k)
                .map(|(_, p)| p.score(&sc).2)
                .sum();
            if f > best.0 {
                best = (f, sc.threshold);
            }
        }
        sc.set_threshold(best.1);
        let (p, r, f, n) = piles[k].score(&sc);
        cv += f / PILES as f64;
        println!(
            "pile {k}, model refitted on the others: P={p:.3} R={r:.3} F1={f:.3} ({n} stories; threshold {:.2}, weights {:?}, intercept {:.3})",
            best.1,
            round(&sc.weights),
            sc.intercept
        );
    }
    println!("mean F1: shipped {:.3}, refitted by piles {cv:.3}", mean_f1(&shipped));
    let mut all: Vec<(StoryFeatures, bool)> = piles.iter().flat_map(Pile::labelled).collect();
    all.extend(fnc_rows.iter().map(|r| (r.1, r.2)));
    let mut sc = StoryConfig::default();
    story::fit(&mut sc, &all, 1.0);
    let mut best = (f64::NEG_INFINITY, sc.threshold);
    for step in 4..15 {
        sc.set_threshold(0.05 * f64::from(step));
        let f = mean_f1(&sc);
        if f > best.0 {
            best = (f, sc.threshold);
        }
    }
    println!(
        "fitted on all piles: threshold {:.2} (mean F1 {:.3}), weights {:?}, intercept {:.3}",
        best.1,
        best.0,
        round(&sc.weights),
        sc.intercept
    );
    Ok(())
}
