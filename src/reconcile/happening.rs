//! Happenings: "here are the claims of one story, gimme the pairs that tell the same happening".
//!
//! Two outlets that report one event independently rarely write the same sentence: "Acme agreed to
//! buy Beta for $13.9 billion" and "Acme unveiled a bid of nearly $14 billion to purchase Beta"
//! are not paraphrases, and the paraphrase scorer ([`crate::align`]) rightly keeps them out of
//! one fact. They still tell one happening, and a reader (or the ECB+ measure) wants them
//! connected. This module finds such pairs *inside a story* ([`crate::reconcile::story`]) and the report
//! joins them with [`crate::reconcile::graph::EdgeKind::Related`] edges, which never merge facts.
//!
//! The evidence is what carries from one writer to another inside a story: the story's own words
//! (a term held by most of the story's sources says "this is the happening", however common it is
//! in the run: in a run about one story its words are the commonest of all), the names they
//! share, the paraphrase score, and where the claims stand in their articles (news tells its
//! happening first). A logistic model over [`FEATURES`] (fitted on the ECB+ development topics by
//! leave-topics-out cross-validation, `examples/evaluate_news.rs`) gives a probability; pairs at
//! or above [`HappeningConfig::threshold`] are linked.
//!
//! **Complexity**: per story of `S` sources, the first `min(lead_claims, budget / S)` claims of
//! each source are compared with those of the other sources: at most `budget²/2` pairs per story
//! ([`HappeningConfig::budget`]), each costing a merge of two sorted term lists plus one
//! paraphrase score.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::align::{Contribution, Score, Scorer, TermStats};
use crate::model::Claim;

/// The names of the features, in order.
pub const FEATURES: [&str; N_FEATURES] = [
    "story_core_shared",
    "story_core_coverage",
    "term_jaccard",
    "paraphrase_score",
    "entities_shared",
    "lead_position",
];

/// The number of features.
pub const N_FEATURES: usize = 6;

/// A pair's features, in [`FEATURES`] order.
pub type HappeningFeatures = [f64; N_FEATURES];

/// Settings of happening links. The defaults are the fitted ones.
///
/// ```
/// use corroborate::reconcile::happening::HappeningConfig;
///
/// let mut config = HappeningConfig::default();
/// config.set_threshold(0.95);
/// assert_eq!(config.threshold, 0.95);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct HappeningConfig {
    /// Whether happening links are made at all. Default `true`.
    pub enabled: bool,
    /// A pair is linked when its probability is at least this.
    pub threshold: f64,
    /// Logistic weights, in [`FEATURES`] order.
    pub weights: HappeningFeatures,
    /// The logistic model's intercept.
    pub intercept: f64,
    /// How many of each source's first claims are compared. Default 24: a news article tells
    /// its happening in its lead, whose sentences are often cut into several claims. Chosen by
    /// the ECB+ cross-validation of `examples/evaluate_news.rs` among 6, 10, 16 and 24 (pair F1
    /// 0.641, 0.654, 0.655, 0.659). The pairs compared grow with its square: on the 772 ECB+
    /// development articles in one run, 10 makes 83k links against 151k and takes 3.8 s against
    /// 4.3 s (text report); docs/performance.md has the figures.
    pub lead_claims: usize,
    /// The most claims compared per story (the lead shrinks in stories of many sources).
    pub budget: usize,
    /// Stories of fewer sources get no happening links. Default 4: a term's share of the
    /// story's other sources is the model's main evidence, and with two or three sources every
    /// shared word has the top share, so anything the sources share looked like the happening
    /// (in the project's two- and three-source fixtures every lead claim was related to every
    /// other one).
    pub min_story_sources: usize,
}

impl Default for HappeningConfig {
    fn default() -> HappeningConfig {
        HappeningConfig {
            enabled: true,
            threshold: 0.75,
            weights: [0.502, 0.133, 2.891, 0.979, -0.636, -0.047],
            intercept: -0.238,
            lead_claims: 24,
            budget: 3000,
            min_story_sources: 4,
        }
    }
}

impl HappeningConfig {
    /// A configuration that makes no happening links (the default's model, switched off).
    pub const fn disabled() -> HappeningConfig {
        HappeningConfig {
            enabled: false,
            threshold: 1.0,
            weights: [0.0; N_FEATURES],
            intercept: 0.0,
            lead_claims: 0,
            budget: 0,
            min_story_sources: usize::MAX,
        }
    }

    /// Sets [`HappeningConfig::threshold`].
    pub fn set_threshold(&mut self, threshold: f64) -> &mut HappeningConfig {
        self.threshold = threshold;
        self
    }

    /// Sets [`HappeningConfig::weights`] and [`HappeningConfig::intercept`].
    pub fn set_model(
        &mut self,
        weights: HappeningFeatures,
        intercept: f64,
    ) -> &mut HappeningConfig {
        self.weights = weights;
        self.intercept = intercept;
        self
    }

    /// Turns happening links on or off.
    pub fn set_enabled(&mut self, on: bool) -> &mut HappeningConfig {
        self.enabled = on;
        self
    }

    /// The probability of a pair with these features.
    pub fn probability(&self, f: &HappeningFeatures) -> f64 {
        crate::align::learn::logistic(self.intercept, &self.weights, f)
    }

    /// The probability with its breakdown, as a link's [`Score`].
    pub fn score(&self, f: &HappeningFeatures) -> Score {
        let mut breakdown = vec![Contribution {
            feature: "intercept".into(),
            value: 1.0,
            weight: self.intercept,
            part: self.intercept,
        }];
        for (k, (&value, &weight)) in f.iter().zip(&self.weights).enumerate() {
            breakdown.push(Contribution {
                feature: FEATURES[k].into(),
                value,
                weight,
                part: value * weight,
            });
        }
        Score { value: self.probability(f), breakdown }
    }
}

/// Fits the logistic model of `config` to labelled feature rows (L2 penalty `l2`), keeping its
/// threshold and candidate settings.
pub fn fit(config: &mut HappeningConfig, rows: &[(HappeningFeatures, bool)], l2: f64) {
    let (b, w) = crate::align::learn::fit_labelled(rows, l2);
    config.set_model(w, b);
}

/// The compared pairs of a run and their features: `(a, b, features)` with `a < b` indices into
/// `claims`, `story_of[i]` the story of claim `i`. Pairs of one source, of two stories, or past
/// the lead are not compared.
pub fn candidates(
    claims: &[Claim],
    story_of: &[usize],
    scorer: &Scorer<'_>,
    background: &TermStats,
    config: &HappeningConfig,
) -> Vec<(usize, usize, HappeningFeatures)> {
    let mut out = Vec::new();
    each_candidate(claims, story_of, scorer, background, config, |a, b, f| out.push((a, b, f)));
    out
}

/// [`candidates`], handed to `f` one at a time rather than collected: a pile of stories of many
/// sources has millions of candidate pairs, of which few are linked.
fn each_candidate(
    claims: &[Claim],
    story_of: &[usize],
    scorer: &Scorer<'_>,
    background: &TermStats,
    config: &HappeningConfig,
    mut f: impl FnMut(usize, usize, HappeningFeatures),
) {
    let mut by_story: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, &s) in story_of.iter().enumerate() {
        by_story.entry(s).or_default().push(i);
    }
    let mut stories: Vec<(usize, Vec<usize>)> = by_story.into_iter().collect();
    stories.sort_unstable_by_key(|(s, _)| *s);
    let bg_docs = background.documents.max(1) as f64;
    let idf = |t: &str| ((bg_docs + 1.0) / (f64::from(background.df(t)) + 1.0)).ln() + 1.0;
    for (_, members) in stories {
        let mut sources: Vec<&crate::model::SourceId> =
            members.iter().map(|&i| &claims[i].source).collect();
        sources.sort_unstable();
        sources.dedup();
        let n_sources = sources.len();
        if n_sources < config.min_story_sources.max(2) {
            continue;
        }
        let lead = config.lead_claims.min(config.budget / n_sources).max(1);
        // How many of the story's sources hold each term (any claim).
        let mut holders: HashMap<&str, Vec<&crate::model::SourceId>> = HashMap::new();
        for &i in &members {
            for t in &claims[i].terms {
                holders.entry(t.as_str()).or_default().push(&claims[i].source);
            }
        }
        let core: HashMap<&str, f64> = holders
            .into_iter()
            .map(|(t, mut s)| {
                s.sort_unstable();
                s.dedup();
                let share = (s.len() - 1) as f64 / (n_sources - 1) as f64;
                (t, share * idf(t))
            })
            .collect();
        // The lead claims, each with its distinct terms and their core mass.
        let leads: Vec<(usize, Vec<&str>, f64)> = members
            .iter()
            .filter(|&&i| claims[i].id.index() < lead)
            .map(|&i| {
                let mut terms: Vec<&str> = claims[i].terms.iter().map(String::as_str).collect();
                terms.sort_unstable();
                terms.dedup();
                let mass = terms.iter().map(|t| core[t]).sum::<f64>();
                (i, terms, mass)
            })
            .collect();
        for (x, (a, ta, ma)) in leads.iter().enumerate() {
            for (b, tb, mb) in &leads[x + 1..] {
                if claims[*a].source == claims[*b].source {
                    continue;
                }
                let (shared_n, shared_mass) = shared(ta, tb, &core);
                if shared_n == 0 {
                    continue;
                }
                let union = ta.len() + tb.len() - shared_n;
                let entities = shared_entities(&claims[*a], &claims[*b]);
                let (ia, ib) = (claims[*a].id.index(), claims[*b].id.index());
                let features = [
                    (1.0 + shared_mass).ln(),
                    shared_mass / ma.min(*mb).max(1e-9),
                    shared_n as f64 / union.max(1) as f64,
                    scorer.score_value(*a, *b),
                    (entities as f64).min(3.0) / 3.0,
                    1.0 / (1.0 + ia.max(ib) as f64),
                ];
                let (lo, hi) = if a < b { (*a, *b) } else { (*b, *a) };
                f(lo, hi, features);
            }
        }
    }
}

/// The pairs of `claims` that tell one happening, with their scores: `(a, b, score)`, `a < b`.
pub fn links(
    claims: &[Claim],
    story_of: &[usize],
    scorer: &Scorer<'_>,
    background: &TermStats,
    config: &HappeningConfig,
) -> Vec<(usize, usize, Score)> {
    if !config.enabled {
        return Vec::new();
    }
    let mut out = Vec::new();
    each_candidate(claims, story_of, scorer, background, config, |a, b, features| {
        if config.probability(&features) >= config.threshold {
            out.push((a, b, config.score(&features)));
        }
    });
    out
}

/// Which candidate rows are linked: those at or above the threshold.
pub fn select(rows: &[(usize, usize, HappeningFeatures)], config: &HappeningConfig) -> Vec<usize> {
    (0..rows.len()).filter(|&k| config.probability(&rows[k].2) >= config.threshold).collect()
}

/// How many distinct terms two sorted lists share, and their summed core weight.
fn shared(a: &[&str], b: &[&str], core: &HashMap<&str, f64>) -> (usize, f64) {
    let (mut i, mut j, mut n, mut mass) = (0, 0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                mass += core[a[i]];
                i += 1;
                j += 1;
            }
        }
    }
    (n, mass)
}

/// How many canonical entities two claims share.
fn shared_entities(a: &Claim, b: &Claim) -> usize {
    let mut names: Vec<&str> = a.entities.iter().map(|e| e.canonical.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    names.iter().filter(|n| b.entities.iter().any(|e| e.canonical == **n)).count()
}
