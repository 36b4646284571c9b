//! Whether an article, read whole, disputes what a brief (a headline) says.
//!
//! A headline checked against its article is one claim against many sentences. The per-claim
//! rules of [`crate::reconcile::diff`] look at the headline's best match only, and a negation there
//! tells little: a body that debunks a headline ("the story is a hoax", "there is no evidence")
//! rarely negates the headline's own words, and a body that confirms it often negates something
//! else ("no one was hurt"). So a brief and an article are also compared as wholes:
//!
//! - [`StanceFeatures::of`] reads the article for refuting words (hoax, fake, false, denied,
//!   debunked, …), negations, hedges, words about the reporting itself (story, site, viral,
//!   rumours), confirmations, where they sit (the lead, the sentences that repeat most of the
//!   headline) and how much of the headline the article repeats; and the headline for its own
//!   refuting words, negations, hedges and question mark (a headline that already says "hoax"
//!   agrees with a body that debunks);
//! - a [`StanceModel`] (gradient-boosted regression trees) turns those into the probability that
//!   the article disputes the brief;
//! - [`StanceModel::dispute`] says so only where the article holds something to quote
//!   ([`refuting_evidence`]).
//!
//! [`crate::reconcile::report`] asks this for every brief and every article of at least
//! [`crate::reconcile::diff::DiffConfig::stance_min_claims`] claims in its story, each article
//! read once ([`StanceArticle`]); see [`crate::reconcile::diff::DiffConfig::brief_stance`].
//!
//! The built-in model ([`StanceModel::builtin`]) is fitted on the FNC-1 development pairs
//! (`agree` against `disagree`): `cargo run --release --example evaluate_news -- --stance-only
//! --fit-stance src/reconcile/stance_model.json` refits it and prints its cross-validated
//! figures, split by claim (headlines and bodies joined by a pair are never on both sides of a
//! split): J 0.33 for the model with the evidence requirement, 0.31 for whole runs
//! (docs/evaluation.md). [`StanceModel::fit`] fits one on other labelled pairs.
//!
//! ```
//! use corroborate::reconcile::stance::{StanceArticle, StanceModel};
//!
//! let article = StanceArticle::new([
//!     "A photo of a whale in the canal was shared widely online on Monday.",
//!     "The harbour office said the photo is a fake.",
//! ]);
//! assert_eq!(article.evidence(), ["fake"]);
//! let model = StanceModel::builtin();
//! let p = model.probability(&article.features("Whale Swims Up City Canal"));
//! assert!((0.0..=1.0).contains(&p));
//! ```

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::rng::SplitMix64;

/// The number of features of a (brief, article) pair.
pub const FEATURES: usize = 21;

/// The features' names, in the order of [`StanceFeatures::values`]; a model names them too, and
/// loading checks that they match.
pub const FEATURE_NAMES: [&str; FEATURES] = [
    "refuting_log",
    "refuting_rate",
    "refuting_lead",
    "refuting_closest",
    "negation_closest",
    "negation_rate",
    "brief_refuting",
    "brief_negation",
    "hedge_rate",
    "brief_hedge",
    "brief_overlap",
    "closest_overlap",
    "length_log",
    "brief_question",
    "brief_and_article_refuting",
    "reporting_rate",
    "confirming_rate",
    "refuting_phrases",
    "first_refuting",
    "negation_lead",
    "reporting_closest",
];

/// Words that call a report untrue, or say it was denied or taken back.
const REFUTING: &[&str] = &[
    "fake",
    "fakes",
    "faked",
    "hoax",
    "hoaxes",
    "false",
    "falsely",
    "untrue",
    "deny",
    "denies",
    "denied",
    "denial",
    "debunk",
    "debunked",
    "debunks",
    "fabricated",
    "fabrication",
    "satire",
    "satirical",
    "rumor",
    "rumors",
    "rumour",
    "rumours",
    "myth",
    "misleading",
    "doctored",
    "photoshopped",
    "prank",
    "spoof",
    "bogus",
    "retract",
    "retracted",
    "retraction",
    "refute",
    "refuted",
    "refutes",
    "dismissed",
    "dismiss",
    "baseless",
    "unfounded",
    "nonsense",
    "lie",
    "lies",
    "lied",
    "fiction",
    "fictional",
    "parody",
    "scam",
    "wrong",
    "incorrect",
    "inaccurate",
];

/// Word sequences that say something is not so.
const REFUTING_PHRASES: &[&[&str]] = &[
    &["not", "true"],
    &["no", "evidence"],
    &["not", "real"],
    &["turned", "out"],
    &["made", "up"],
    &["in", "fact"],
    &["is", "not"],
    &["was", "not"],
    &["isn't"],
    &["wasn't"],
    &["didn't"],
    &["doesn't"],
    &["never", "happened"],
    &["no", "truth"],
    &["no", "such"],
    &["not", "the", "case"],
    &["there", "is", "no"],
    &["there", "was", "no"],
];

const NEGATIONS: &[&str] =
    &["not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "cannot"];

const HEDGES: &[&str] = &[
    "reportedly",
    "allegedly",
    "alleged",
    "claim",
    "claims",
    "claimed",
    "claiming",
    "rumored",
    "rumoured",
    "unconfirmed",
    "unverified",
    "purportedly",
    "supposedly",
    "apparently",
    "may",
    "might",
    "could",
    "possibly",
    "appears",
    "appear",
];

/// Words about the reporting itself: a debunking article talks about the story, the site that
/// ran it and how it spread.
const REPORTING: &[&str] = &[
    "story",
    "stories",
    "site",
    "website",
    "sites",
    "article",
    "articles",
    "viral",
    "internet",
    "outlets",
    "outlet",
    "report",
    "reports",
    "reported",
    "reporting",
    "published",
    "claim",
    "claims",
    "claimed",
    "rumor",
    "rumors",
    "rumour",
    "rumours",
    "circulating",
    "circulated",
    "shared",
    "social",
    "facebook",
    "twitter",
    "online",
    "headline",
    "headlines",
];

const CONFIRMING: &[&str] =
    &["confirmed", "confirms", "confirm", "confirming", "officially", "announced", "verified"];

/// Function words left out of the headline's content words.
const STOP: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "at", "for", "by", "with", "from", "and", "or",
    "but", "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these",
    "those", "as", "has", "have", "had", "he", "she", "they", "we", "you", "i", "his", "her",
    "their", "our", "your", "not", "no", "said", "says", "say", "will", "would", "could", "may",
    "might", "can", "do", "does", "did", "than", "then", "so", "if", "into", "over", "after",
    "before", "about", "up", "out", "more", "most", "new",
];

/// The article's sentences that repeat most of the headline, read apart.
const CLOSEST: usize = 3;
/// The article's first sentences, read apart.
const LEAD: usize = 3;

/// Lowercase ASCII words and numbers; an apostrophe inside a word ("isn't", "it's") stays in it.
/// Curly apostrophes count as straight ones.
fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = text.chars().map(|c| if c == '\u{2019}' { '\'' } else { c }).collect();
    for (i, c) in chars.iter().map(char::to_ascii_lowercase).enumerate() {
        let inside_word = c == '\''
            && !current.is_empty()
            && chars.get(i + 1).is_some_and(|n| n.is_ascii_alphabetic());
        if c.is_ascii_alphanumeric() || inside_word {
            current.push(c);
        } else if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn count_in(words: &[String], list: &[&str]) -> usize {
    words.iter().filter(|w| list.contains(&w.as_str())).count()
}

fn negations(words: &[String]) -> usize {
    words.iter().filter(|w| NEGATIONS.contains(&w.as_str()) || w.ends_with("n't")).count()
}

fn phrases(words: &[String]) -> usize {
    REFUTING_PHRASES
        .iter()
        .map(|p| (0..words.len()).filter(|&i| starts_with_words(&words[i..], p)).count())
        .sum()
}

/// Whether `words` starts with `phrase`.
fn starts_with_words(words: &[String], phrase: &[&str]) -> bool {
    words.len() >= phrase.len() && words.iter().zip(phrase).all(|(w, p)| w == p)
}

fn ln1p(n: usize) -> f64 {
    (n as f64).ln_1p()
}

/// The features of a (brief, article) pair: see the [module docs](self).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StanceFeatures {
    /// The values, in the order of [`FEATURE_NAMES`].
    pub values: [f64; FEATURES],
}

impl StanceFeatures {
    /// The features of `brief` (a headline's text) against `article`, the article's sentences in
    /// order (its claims' texts). To read one article against many briefs, prepare it once with
    /// [`StanceArticle::new`].
    pub fn of<'a>(brief: &str, article: impl IntoIterator<Item = &'a str>) -> StanceFeatures {
        StanceArticle::new(article).features(brief)
    }
}

/// What one sentence of an article counts.
#[derive(Clone, Debug)]
struct SentenceCounts {
    /// Its distinct words, sorted.
    words: Vec<String>,
    refuting: usize,
    negations: usize,
    reporting: usize,
}

/// An article read once: its sentences' words and counts, and what in it says something is not
/// so. [`StanceArticle::features`] then reads it against a brief in time linear in its
/// sentences times the brief's words.
#[derive(Clone, Debug)]
pub struct StanceArticle {
    sentences: Vec<SentenceCounts>,
    /// Every distinct word of the article, sorted.
    words: Vec<String>,
    /// Word count, and counts of refuting words, negations, hedges, reporting and confirming
    /// words and refuting phrases over the whole article.
    length: usize,
    refuting: usize,
    negations: usize,
    hedges: usize,
    reporting: usize,
    confirming: usize,
    phrases: usize,
    /// The index of the first sentence with a refuting word.
    first_refuting: Option<usize>,
    evidence: Vec<String>,
}

impl StanceArticle {
    /// Reads `article`, its sentences in order (its claims' texts).
    pub fn new<'a>(article: impl IntoIterator<Item = &'a str>) -> StanceArticle {
        let tokenized: Vec<Vec<String>> = article.into_iter().map(tokens).collect();
        let flat: Vec<String> = tokenized.iter().flatten().cloned().collect();
        let distinct = |words: &[String]| {
            let mut d = words.to_vec();
            d.sort_unstable();
            d.dedup();
            d
        };
        let sentences: Vec<SentenceCounts> = tokenized
            .iter()
            .map(|s| SentenceCounts {
                words: distinct(s),
                refuting: count_in(s, REFUTING),
                negations: negations(s),
                reporting: count_in(s, REPORTING),
            })
            .collect();
        StanceArticle {
            first_refuting: sentences.iter().position(|s| s.refuting > 0),
            words: distinct(&flat),
            length: flat.len(),
            refuting: count_in(&flat, REFUTING),
            negations: negations(&flat),
            hedges: count_in(&flat, HEDGES),
            reporting: count_in(&flat, REPORTING),
            confirming: count_in(&flat, CONFIRMING),
            phrases: phrases(&flat),
            evidence: evidence_in(&tokenized),
            sentences,
        }
    }

    /// What in the article says something is not so: see [`refuting_evidence`].
    pub fn evidence(&self) -> &[String] {
        &self.evidence
    }

    /// The features of `brief` (a headline's text) against this article.
    pub fn features(&self, brief: &str) -> StanceFeatures {
        let head = tokens(brief);
        let mut content: Vec<&str> =
            head.iter().map(String::as_str).filter(|w| w.len() > 2 && !STOP.contains(w)).collect();
        content.sort_unstable();
        content.dedup();
        let overlap = |words: &[String]| {
            let found =
                content.iter().filter(|c| words.binary_search_by(|w| w.as_str().cmp(c)).is_ok());
            found.count() as f64 / content.len().max(1) as f64
        };
        let per_sentence: Vec<f64> = self.sentences.iter().map(|s| overlap(&s.words)).collect();
        let mut order: Vec<usize> = (0..self.sentences.len()).collect();
        // Stable: among equally close sentences, the earlier.
        order.sort_by(|&a, &b| per_sentence[b].total_cmp(&per_sentence[a]));
        let closest: Vec<&SentenceCounts> =
            order.iter().take(CLOSEST).map(|&i| &self.sentences[i]).collect();
        let lead = &self.sentences[..self.sentences.len().min(LEAD)];
        let n = self.length.max(1) as f64;
        let brief_refuting = f64::from(u8::from(count_in(&head, REFUTING) > 0));
        let first_refuting =
            self.first_refuting.map_or(1.0, |i| i as f64 / self.sentences.len() as f64);
        let values = [
            ln1p(self.refuting),
            1000.0 * self.refuting as f64 / n,
            ln1p(total(lead, |s| s.refuting)),
            ln1p(total(closest.iter().copied(), |s| s.refuting)),
            ln1p(total(closest.iter().copied(), |s| s.negations)),
            1000.0 * self.negations as f64 / n,
            brief_refuting,
            f64::from(u8::from(negations(&head) > 0)),
            1000.0 * self.hedges as f64 / n,
            f64::from(u8::from(count_in(&head, HEDGES) > 0)),
            overlap(&self.words),
            per_sentence.iter().copied().fold(0.0, f64::max),
            ln1p(self.length),
            f64::from(u8::from(brief.contains('?'))),
            brief_refuting * ln1p(self.refuting),
            1000.0 * self.reporting as f64 / n,
            1000.0 * self.confirming as f64 / n,
            ln1p(self.phrases),
            first_refuting,
            ln1p(total(lead, |s| s.negations)),
            ln1p(total(closest.iter().copied(), |s| s.reporting)),
        ];
        StanceFeatures { values }
    }
}

/// The sum of `count` over some sentences of an article.
fn total<'s>(
    sentences: impl IntoIterator<Item = &'s SentenceCounts>,
    count: impl Fn(&SentenceCounts) -> usize,
) -> usize {
    sentences.into_iter().map(count).sum()
}

/// Word sequences that say outright that something is not so: quoted before the other
/// [`REFUTING_PHRASES`].
const EVIDENCE_PHRASES: &[&[&str]] = &[
    &["not", "true"],
    &["no", "evidence"],
    &["not", "real"],
    &["made", "up"],
    &["never", "happened"],
    &["no", "truth"],
    &["not", "the", "case"],
];

/// What in `article` (its sentences) says something is not so: its refuting words and the
/// phrases that say so outright ("hoax", "not true", "no evidence"), each once, in order of
/// first use; failing those, its other refuting phrases ("turned out", "is not", "didn't"). A
/// report quotes them when it says an article disputes a brief, and says so only when there is
/// one: alone, the model's other evidence (talk about the reporting, hedges) is no dispute to
/// show. On ECB+ this removed the one whole-article dispute told (an article on a nomination
/// against its headline, read by hand: no dispute); on FNC-1 it cost 0.006 of whole-run J.
pub fn refuting_evidence<'a>(article: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let sentences: Vec<Vec<String>> = article.into_iter().map(tokens).collect();
    evidence_in(&sentences)
}

/// [`refuting_evidence`] of tokenized sentences.
fn evidence_in(sentences: &[Vec<String>]) -> Vec<String> {
    let find = |phrases: &[&[&str]], words_too: bool| {
        let mut found: Vec<String> = Vec::new();
        for words in sentences {
            for (i, w) in words.iter().enumerate() {
                let phrase =
                    phrases.iter().find(|p| starts_with_words(&words[i..], p)).map(|p| p.join(" "));
                let word = (words_too && REFUTING.contains(&w.as_str())).then(|| w.clone());
                if let Some(hit) = phrase.or(word)
                    && !found.contains(&hit)
                {
                    found.push(hit);
                }
            }
        }
        found
    };
    let strong = find(EVIDENCE_PHRASES, true);
    if strong.is_empty() { find(REFUTING_PHRASES, false) } else { strong }
}

/// One node of a regression tree: a split on a feature, or a leaf's value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
enum Node {
    /// Rows whose feature is below `threshold` go `left`, the others `right` (node indices).
    Split { feature: usize, threshold: f64, left: usize, right: usize },
    /// Adds `value` to the log-odds.
    Leaf { value: f64 },
}

/// A regression tree: its nodes, the root first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Tree {
    nodes: Vec<Node>,
}

impl Tree {
    fn predict(&self, x: &[f64; FEATURES]) -> f64 {
        let mut at = 0;
        loop {
            match self.nodes[at] {
                Node::Leaf { value } => return value,
                Node::Split { feature, threshold, left, right } => {
                    at = if x[feature] < threshold { left } else { right };
                }
            }
        }
    }
}

/// How [`StanceModel::fit`] grows its trees.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FitParams {
    /// The number of trees. Default `200`.
    pub trees: usize,
    /// The depth of each tree. Default `3`.
    pub depth: usize,
    /// Each tree's step, as a share of its Newton step. Default `0.05`.
    pub learning_rate: f64,
    /// The fewest training pairs in a leaf. Default `50`.
    pub min_leaf: usize,
    /// The share of pairs each tree is grown on (drawn anew per tree). Default `0.8`.
    pub subsample: f64,
    /// The decision threshold is the one that separates the training pairs best with at most
    /// this share of the non-disputing pairs above it. Default `0.07`.
    pub max_false_share: f64,
    /// Seeds the subsamples. Default `0`.
    pub seed: u64,
}

impl Default for FitParams {
    fn default() -> FitParams {
        FitParams {
            trees: 200,
            depth: 3,
            learning_rate: 0.05,
            min_leaf: 50,
            subsample: 0.8,
            max_false_share: 0.07,
            seed: 0,
        }
    }
}

/// Gradient-boosted trees giving the probability that an article disputes a brief, and the
/// threshold above which a report says so.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StanceModel {
    /// The features the trees read, by name (checked against [`FEATURE_NAMES`] on load).
    features: Vec<String>,
    /// The log-odds before any tree.
    base: f64,
    trees: Vec<Tree>,
    /// A probability at or above this says "disputes".
    pub threshold: f64,
    /// What the model was fitted on, for people reading the file.
    #[serde(default)]
    pub fitted_on: String,
}

static BUILTIN: OnceLock<StanceModel> = OnceLock::new();

impl StanceModel {
    /// The model shipped with the crate (fitted on FNC-1 development pairs; see the
    /// [module docs](self)).
    pub fn builtin() -> &'static StanceModel {
        BUILTIN.get_or_init(|| {
            StanceModel::from_json(include_str!("stance_model.json"))
                .expect("the built-in stance model is valid (tested)")
        })
    }

    /// Reads a model written by [`StanceModel::to_json`].
    ///
    /// # Errors
    /// [`Error::Config`] when the JSON is malformed, names other features than this version
    /// computes, or a tree points outside itself.
    pub fn from_json(json: &str) -> Result<StanceModel> {
        let model: StanceModel =
            serde_json::from_str(json).map_err(|e| Error::Config(format!("stance model: {e}")))?;
        if model.features != FEATURE_NAMES {
            return Err(Error::Config(format!(
                "stance model: features {:?}, this version computes {:?}",
                model.features, FEATURE_NAMES
            )));
        }
        for (t, tree) in model.trees.iter().enumerate() {
            let bad = tree.nodes.is_empty()
                || tree.nodes.iter().any(|n| match *n {
                    Node::Split { feature, left, right, .. } => {
                        feature >= FEATURES || left >= tree.nodes.len() || right >= tree.nodes.len()
                    }
                    Node::Leaf { .. } => false,
                });
            // Children come after their parent, so a walk always ends.
            let forward = tree.nodes.iter().enumerate().all(|(i, n)| match *n {
                Node::Split { left, right, .. } => left > i && right > i,
                Node::Leaf { .. } => true,
            });
            if bad || !forward {
                return Err(Error::Config(format!("stance model: tree {t} is malformed")));
            }
        }
        Ok(model)
    }

    /// The model as JSON (what [`StanceModel::from_json`] reads).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a stance model serialises")
    }

    /// The probability that the article disputes the brief.
    pub fn probability(&self, features: &StanceFeatures) -> f64 {
        let z = self.base + self.trees.iter().map(|t| t.predict(&features.values)).sum::<f64>();
        1.0 / (1.0 + (-z).exp())
    }

    /// Whether the article disputes the brief: [`StanceModel::probability`] at or above
    /// `threshold`.
    pub fn disputes(&self, features: &StanceFeatures, threshold: f64) -> bool {
        self.probability(features) >= threshold
    }

    /// What a report says of `brief` against `article`: the article's evidence
    /// ([`refuting_evidence`]) when it disputes the brief ([`StanceModel::disputes`]) and has
    /// some, else `None`.
    pub fn dispute<'a>(
        &self,
        brief: &str,
        article: &'a StanceArticle,
        threshold: f64,
    ) -> Option<&'a [String]> {
        if article.evidence.is_empty() || !self.disputes(&article.features(brief), threshold) {
            return None;
        }
        Some(&article.evidence)
    }

    /// Fits a model on labelled pairs (`true`: the article disputes the brief) by gradient
    /// boosting of the log loss, and sets [`StanceModel::threshold`] from the training pairs (see
    /// [`FitParams::max_false_share`]). Deterministic for a given `params.seed`.
    ///
    /// **Complexity**: O(trees · 2^depth · features · n log n).
    pub fn fit(rows: &[(StanceFeatures, bool)], params: &FitParams) -> StanceModel {
        let n = rows.len();
        let positives = rows.iter().filter(|r| r.1).count();
        let prior = (positives as f64 + 0.5) / (n as f64 + 1.0);
        let base = (prior / (1.0 - prior)).ln();
        let mut score = vec![base; n];
        let mut trees = Vec::with_capacity(params.trees);
        let mut rng = SplitMix64::new(params.seed);
        let take = ((n as f64 * params.subsample).round() as usize).clamp(1.min(n), n);
        let mut order: Vec<usize> = (0..n).collect();
        for _ in 0..params.trees {
            // The gradient and Hessian of the log loss at the current scores.
            let (grad, hess): (Vec<f64>, Vec<f64>) = rows
                .iter()
                .zip(&score)
                .map(|(r, &z)| {
                    let p = 1.0 / (1.0 + (-z).exp());
                    (f64::from(u8::from(r.1)) - p, p * (1.0 - p))
                })
                .unzip();
            // A fresh subsample: a partial Fisher–Yates shuffle.
            for i in 0..take {
                let j = i + (rng.next() % (n - i) as u64) as usize;
                order.swap(i, j);
            }
            let mut sample = order[..take].to_vec();
            let mut tree = Tree { nodes: Vec::new() };
            grow(&mut tree, rows, &grad, &hess, &mut sample, params.depth, params);
            for node in &mut tree.nodes {
                if let Node::Leaf { value } = node {
                    *value *= params.learning_rate;
                }
            }
            for (s, r) in score.iter_mut().zip(rows) {
                *s += tree.predict(&r.0.values);
            }
            trees.push(tree);
        }
        let mut model = StanceModel {
            features: FEATURE_NAMES.iter().map(|s| s.to_string()).collect(),
            base,
            trees,
            threshold: 0.5,
            fitted_on: String::new(),
        };
        let probabilities: Vec<(f64, bool)> =
            rows.iter().map(|r| (model.probability(&r.0), r.1)).collect();
        model.threshold = best_threshold(&probabilities, params.max_false_share);
        model
    }
}

/// The threshold that maximises (share of positives at or above it) − (share of negatives at or
/// above it), among those with at most `max_false_share` of the negatives at or above it.
pub fn best_threshold(scored: &[(f64, bool)], max_false_share: f64) -> f64 {
    let positives = scored.iter().filter(|s| s.1).count().max(1) as f64;
    let negatives = scored.iter().filter(|s| !s.1).count().max(1) as f64;
    let mut sorted: Vec<(f64, bool)> = scored.to_vec();
    sorted.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (mut tp, mut fp) = (0.0, 0.0);
    let mut best = (f64::NEG_INFINITY, 1.0 + f64::EPSILON);
    let mut i = 0;
    while i < sorted.len() {
        let value = sorted[i].0;
        // All pairs of one score are on one side of any threshold.
        while i < sorted.len() && sorted[i].0 == value {
            if sorted[i].1 {
                tp += 1.0;
            } else {
                fp += 1.0;
            }
            i += 1;
        }
        if fp / negatives <= max_false_share && tp / positives - fp / negatives > best.0 {
            best = (tp / positives - fp / negatives, value);
        }
    }
    best.1
}

/// Grows the subtree of the rows `sample` and returns its node's index.
fn grow(
    tree: &mut Tree,
    rows: &[(StanceFeatures, bool)],
    grad: &[f64],
    hess: &[f64],
    sample: &mut [usize],
    depth: usize,
    params: &FitParams,
) -> usize {
    let at = tree.nodes.len();
    let g: f64 = sample.iter().map(|&i| grad[i]).sum();
    let h: f64 = sample.iter().map(|&i| hess[i]).sum();
    tree.nodes.push(Node::Leaf { value: if h > 1e-12 { g / h } else { 0.0 } });
    if depth == 0 || sample.len() < 2 * params.min_leaf.max(1) {
        return at;
    }
    // The split that most reduces the squared error of the gradient.
    let total = sample.len() as f64;
    let parent = g * g / total;
    let mut best: Option<(f64, usize, f64)> = None;
    for f in 0..FEATURES {
        sample.sort_by(|&a, &b| rows[a].0.values[f].total_cmp(&rows[b].0.values[f]));
        let mut left = 0.0;
        for k in 0..sample.len() - 1 {
            left += grad[sample[k]];
            let (x, next) = (rows[sample[k]].0.values[f], rows[sample[k + 1]].0.values[f]);
            let nl = k + 1;
            if x == next || nl < params.min_leaf || sample.len() - nl < params.min_leaf {
                continue;
            }
            let right = g - left;
            let gain = left * left / nl as f64 + right * right / (total - nl as f64) - parent;
            if best.is_none_or(|b| gain > b.0) {
                best = Some((gain, f, (x + next) / 2.0));
            }
        }
    }
    let Some((gain, feature, threshold)) = best else { return at };
    if gain <= 1e-12 {
        return at;
    }
    sample.sort_by(|&a, &b| rows[a].0.values[feature].total_cmp(&rows[b].0.values[feature]));
    let cut = sample.partition_point(|&i| rows[i].0.values[feature] < threshold);
    let (l, r) = sample.split_at_mut(cut);
    let left = grow(tree, rows, grad, hess, l, depth - 1, params);
    let right = grow(tree, rows, grad, hess, r, depth - 1, params);
    tree.nodes[at] = Node::Split { feature, threshold, left, right };
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_contractions_and_split_on_everything_else() {
        assert_eq!(
            tokens("It isn\u{2019}t TRUE, officials said."),
            ["it", "isn't", "true", "officials", "said"]
        );
        assert_eq!(tokens("'quoted' 9-for-9"), ["quoted", "9", "for", "9"]);
        assert!(tokens("").is_empty());
    }

    #[test]
    fn features_see_refutation_near_the_headline() {
        let brief = "Mayor buys a golden statue of himself";
        let debunk = [
            "A story about a mayor and a golden statue went viral on social media this week.",
            "The mayor's office said the story is a hoax and the statue does not exist.",
            "The site that published it writes satire.",
        ];
        let confirm = [
            "The mayor bought a golden statue of himself, his office confirmed on Monday.",
            "It will stand in the town square.",
        ];
        let d = StanceFeatures::of(brief, debunk);
        let c = StanceFeatures::of(brief, confirm);
        let at = |name: &str| FEATURE_NAMES.iter().position(|n| *n == name).unwrap();
        assert!(d.values[at("refuting_log")] > 0.0);
        assert_eq!(c.values[at("refuting_log")], 0.0);
        assert!(d.values[at("reporting_rate")] > c.values[at("reporting_rate")]);
        assert!(c.values[at("confirming_rate")] > 0.0);
        assert_eq!(d.values[at("first_refuting")], 1.0 / 3.0);
        assert_eq!(c.values[at("first_refuting")], 1.0);
        assert_eq!(refuting_evidence(debunk), ["hoax", "satire"]);
        assert_eq!(
            refuting_evidence(["It is not true, and there is no evidence it was faked."]),
            ["not true", "no evidence", "faked"]
        );
        assert!(refuting_evidence(confirm).is_empty());
        // Weaker phrases are quoted only when nothing stronger is there.
        assert_eq!(refuting_evidence(["It turned out he didn't go."]), ["turned out", "didn't"]);
        assert_eq!(refuting_evidence(["It turned out to be a hoax."]), ["hoax"]);
    }

    #[test]
    fn empty_texts_give_finite_features() {
        let f = StanceFeatures::of("", std::iter::empty());
        assert!(f.values.iter().all(|v| v.is_finite()));
        let p = StanceModel::builtin().probability(&f);
        assert!((0.0..=1.0).contains(&p));
    }

    #[test]
    fn builtin_model_loads_and_round_trips() {
        let model = StanceModel::builtin();
        assert!(!model.trees.is_empty());
        assert!(model.threshold > 0.0 && model.threshold < 1.0);
        assert_eq!(&StanceModel::from_json(&model.to_json()).unwrap(), model);
    }

    #[test]
    fn malformed_models_are_errors() {
        assert!(StanceModel::from_json("{").is_err());
        let mut model = StanceModel::builtin().clone();
        model.features.pop();
        assert!(
            StanceModel::from_json(&model.to_json()).unwrap_err().to_string().contains("features")
        );
        let mut model = StanceModel::builtin().clone();
        model.trees[0].nodes[0] = Node::Split { feature: 0, threshold: 0.0, left: 0, right: 0 };
        assert!(
            StanceModel::from_json(&model.to_json()).unwrap_err().to_string().contains("tree 0")
        );
    }

    /// A rule the trees can learn: "disputes" when the first feature is high, with a little
    /// label noise and a second feature that carries nothing.
    #[test]
    fn fit_learns_a_separable_rule_and_sets_its_threshold() {
        let mut rng = SplitMix64::new(7);
        let rows: Vec<(StanceFeatures, bool)> = (0..600)
            .map(|i| {
                let mut values = [0.0; FEATURES];
                values[0] = (rng.next() % 1000) as f64 / 1000.0;
                values[1] = (rng.next() % 1000) as f64 / 1000.0;
                let noisy = i % 50 == 0;
                (StanceFeatures { values }, (values[0] > 0.6) != noisy)
            })
            .collect();
        let params = FitParams { trees: 50, min_leaf: 20, ..FitParams::default() };
        let model = StanceModel::fit(&rows, &params);
        let with = |v0: f64| {
            let mut values = [0.0; FEATURES];
            values[0] = v0;
            values[1] = 0.5;
            model.probability(&StanceFeatures { values })
        };
        assert!(with(0.9) > 0.5 && with(0.2) < 0.5, "{} {}", with(0.9), with(0.2));
        let flagged = |positive: bool| {
            let of: Vec<_> = rows.iter().filter(|r| (r.0.values[0] > 0.6) == positive).collect();
            let n = of.iter().filter(|r| model.disputes(&r.0, model.threshold)).count();
            n as f64 / of.len() as f64
        };
        assert!(flagged(true) > 0.9, "{}", flagged(true));
        assert!(flagged(false) <= 0.07, "{}", flagged(false));
        // The first split is on the feature that carries the rule.
        assert!(matches!(model.trees[0].nodes[0], Node::Split { feature: 0, .. }));
        assert_eq!(StanceModel::fit(&rows, &params), model, "deterministic");
    }

    #[test]
    fn best_threshold_respects_the_false_share() {
        let scored = [(0.9, true), (0.8, false), (0.7, true), (0.6, true), (0.1, false)];
        // Taking 0.6 catches every positive but half the negatives.
        assert_eq!(best_threshold(&scored, 1.0), 0.6);
        assert_eq!(best_threshold(&scored, 0.0), 0.9);
    }
}
