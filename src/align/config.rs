//! The aligner's configuration: feature weights, the link threshold, term statistics and the
//! synonym lexicon; a builder; JSON save and load; fitting from labelled pairs.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::Claim;

use super::boost::{self, Boost};
use super::embed::Embeddings;
use super::features::{FEATURES, FeatureVector, N_FEATURES};
use super::learn::{ThresholdObjective, WeightSigns};
use super::lexicon::Lexicon;
use super::stats::TermStats;

/// The default configuration, fitted on MSRP train (see [`AlignConfig`] for the command).
const DEFAULT_JSON: &str = include_str!("default_config.json");
const FACTS_JSON: &str = include_str!("facts_config.json");

/// Settings of the aligner: the link threshold, feature weights, term statistics, the lexicon.
///
/// A pair's score is `sigmoid(intercept + Σ weight_f · value_f + Σ_trees tree(values))` over the
/// features listed in [`FEATURES`], the trees being the configuration's boosted trees ([`Boost`];
/// none in [`AlignConfig::facts`]); pairs scoring at or above `threshold` are linked.
///
/// [`AlignConfig::default`] holds weights, 100 boosted trees of depth 3, a threshold and term
/// statistics fitted on the training split of the Microsoft Research Paraphrase Corpus (4,076 news
/// sentence pairs from different outlets; research-use licence), and the built-in news lexicon.
/// The configuration holds only weights, trees (feature thresholds and leaf values), a threshold,
/// document frequencies of terms seen at least twice and the term weights fitted from the labels
/// of terms seen in at least three pairs ([`TermStats::fit_labels`]), nothing per example.
///
/// # Fitting
///
/// The shipped `src/align/default_config.json` is made by
///
/// ```text
/// cargo run --release --example evaluate -- --data ../shared/data \
///     --write-default src/align/default_config.json
/// ```
///
/// which, after its 10-fold cross-validation, runs [`AlignConfig::fit`] on all of MSRP train, each
/// sentence one claim built by [`crate::extract::claim_from_sentence`]: term statistics from the
/// sentences, weights by L2-regularised logistic regression (Newton's method, deterministic),
/// 100 gradient-boosted trees on top of it (second-order boosting of the logistic loss,
/// deterministic), then the threshold that maximises accuracy + F1 on 5-fold cross-validated
/// scores of the training pairs. Users with labelled pairs of their own do the same with
/// [`AlignConfig::fit`] and [`AlignConfig::save`].
///
/// # What the score means
///
/// MSRP labels a pair 1 only when the sentences say the same thing with nothing of note added, so
/// the default score reads as "these claims are restatements of each other". Two claims sharing a
/// fact but each adding much of its own (a clause on who proposed what, another on who refused)
/// score well below the threshold, though usually far above unrelated claims.
///
/// ```
/// use corroborate::align::AlignConfig;
///
/// let mut config = AlignConfig::default();
/// assert!(config.threshold > 0.0 && config.threshold < 1.0);
/// config.set_threshold(0.8).add_synonyms(&["jab", "vaccination", "shot in the arm"]);
/// let json = config.to_json();
/// assert_eq!(AlignConfig::from_json(&json, "inline").unwrap(), config);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AlignConfig {
    /// Pairs scoring at or above this are linked. Default: fitted (maximum accuracy + F1 of
    /// cross-validated scores on MSRP train).
    pub threshold: f64,
    /// The logistic intercept.
    pub intercept: f64,
    /// Feature name -> weight (names of [`FEATURES`]; a missing feature weighs 0).
    pub weights: BTreeMap<String, f64>,
    /// Normalised IDF (IDF / largest possible IDF) at or above which a term counts as rare for
    /// `rare_overlap` and [`AlignConfig::rare_gate`]. Default: 0.6.
    #[serde(default = "default_rare_idf")]
    pub rare_idf: f64,
    /// When set, two claims that share no rare term (normalised IDF ≥ `rare_idf`, held by both,
    /// or by one as a country's name and by the other as its people's or language's: "Iraq" /
    /// "Iraqi") score 0, checked before any feature: all they share is wording that many
    /// different facts share ("Police arrested 12 people after protests at the …" about two
    /// different places), and in a large run such pairs outnumber the true ones. Synonyms do not
    /// open the gate: the lexicon's are common news words. Fitting ignores it (it reads
    /// features, not scores); [`crate::align::block::BlockConfig::for_align`] carries it into blocking.
    /// Default: off in [`AlignConfig::default`] (a paraphrase may restate common words only); on
    /// in [`AlignConfig::facts`]. Not written to JSON when off.
    #[serde(default, skip_serializing_if = "is_false")]
    pub rare_gate: bool,
    /// When above 0, a term opens the [`AlignConfig::rare_gate`] only if at most this many
    /// documents hold it (the run's claims plus the default statistics' count; stepped as
    /// [`AlignConfig::idf_steps`] steps counts), whatever its normalised IDF. The IDF rule alone
    /// lets the most a rare term may have grow with the run (`N^(1 − rare_idf)`: 150 claims at
    /// 100,000, 370 at a million), and a term held by a few hundred claims names a place or a
    /// person many different facts mention, not one fact: pairs sharing only that are what makes
    /// candidates per claim, and false links, grow with the run. The cap bounds the postings a
    /// rare term brings to blocking ([`crate::align::block::RareGate::df_cap`]), so candidate
    /// generation stays linear. Below about 60,000 claims the IDF rule is the stricter one and
    /// the cap changes nothing. Default: 0 (no cap) in [`AlignConfig::default`]; 128 in
    /// [`AlignConfig::facts`]. Not written to JSON when 0.
    #[serde(default, skip_serializing_if = "is_zero_u64")]
    pub rare_df_cap: u64,
    /// L2 penalty used when fitting weights. Default: 1.0.
    #[serde(default = "default_l2")]
    pub l2: f64,
    /// Contrast pairs added per labelled pair when fitting (see [`AlignConfig::fit`]). Default: 1.
    #[serde(default = "default_contrast")]
    pub contrast: f64,
    /// Folds of the inner cross-validation that chooses the threshold in [`AlignConfig::fit`]
    /// (below 2: the threshold of best training accuracy). Default: 5.
    #[serde(default = "default_threshold_folds")]
    pub threshold_folds: usize,
    /// Prior strength (pseudo pairs) of the term weights that [`AlignConfig::fit`] fits from the
    /// labels ([`TermStats::fit_labels`]); 0 fits none. Default: 20 (5, 10, 20, 40 and 80 were
    /// compared by the cross-validation of `examples/evaluate.rs`).
    #[serde(default = "default_label_prior")]
    pub label_prior: f64,
    /// What the threshold fitted by [`AlignConfig::fit`] maximises. Default: accuracy.
    #[serde(default)]
    pub threshold_objective: ThresholdObjective,
    /// Which weights the fits ([`AlignConfig::fit`], [`AlignConfig::fit_graded`],
    /// [`AlignConfig::fit_weights`]) keep on the side of zero their feature's meaning asks for.
    /// Default: [`WeightSigns::Free`] (not written to JSON when free; both shipped configurations
    /// are fitted free).
    #[serde(default, skip_serializing_if = "WeightSigns::is_free")]
    pub weight_signs: WeightSigns,
    /// The synonym lexicon: the built-in news lexicon plus the user's groups.
    #[serde(default)]
    pub lexicon: Lexicon,
    /// Default document frequencies, added to the run's own.
    #[serde(default)]
    pub statistics: TermStats,
    /// Boosted trees added to the logistic model (none by default in a hand-made configuration).
    #[serde(default)]
    pub boost: Boost,
    /// Steps per doubling of the term statistics the scorer reads: with `s > 0`, the number of
    /// documents `N` and every document frequency `df` are rounded down to the grid
    /// `2^(k/s)` before IDF is computed, so a score changes only when `N` or the `df` of one of
    /// its terms crosses a step (at most `1 − 2^(−1/s)` below the exact count: 16% for `s = 4`).
    /// This is what lets [`crate::Stream`] re-score only the claims an added source affects.
    /// Default 0: exact counts (not written to JSON when 0).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub idf_steps: u32,
    /// Static sentence embeddings for the feature `embedding_cosine` ([`Embeddings`]; none by
    /// default: corroborate ships none). Not written to JSON: attach them with
    /// [`AlignConfig::with_embeddings`], after loading a configuration fitted with them.
    #[serde(skip)]
    pub embeddings: Option<Arc<Embeddings>>,
    /// The [`Embeddings::fingerprint`] of the embeddings the weights were fitted with, set by the
    /// fits; [`AlignConfig::validate`] fails while it is set and the embeddings are not attached,
    /// since the weights would then read a cosine of 0 on every pair. Scoring does not check
    /// ([`Scorer::new`](super::Scorer::new) and [`crate::Reconciler::new`] cannot fail): call `validate` after
    /// loading and attaching. Not written when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub embeddings_fitted: Option<String>,
}

fn is_false(x: &bool) -> bool {
    !*x
}

fn is_zero(x: &u32) -> bool {
    *x == 0
}

fn is_zero_u64(x: &u64) -> bool {
    *x == 0
}

fn default_rare_idf() -> f64 {
    0.6
}

fn default_l2() -> f64 {
    1.0
}

fn default_contrast() -> f64 {
    1.0
}

fn default_threshold_folds() -> usize {
    5
}

fn default_label_prior() -> f64 {
    20.0
}

impl Default for AlignConfig {
    fn default() -> AlignConfig {
        static DEFAULT: OnceLock<AlignConfig> = OnceLock::new();
        DEFAULT
            .get_or_init(|| {
                AlignConfig::from_json(DEFAULT_JSON, "default_config.json")
                    .expect("the shipped default configuration parses")
            })
            .clone()
    }
}

impl AlignConfig {
    /// The configuration that links the claims of articles: the same features, fitted to STS news
    /// headline similarity grades (2013 and 2014) and linking pairs whose predicted grade is at
    /// least 2.5 of 5 (threshold 0.5). Articles ask whether two claims report the same fact, with
    /// details that may differ, which is looser than the paraphrase question of
    /// [`AlignConfig::default`] (fitted on MSRP). [`crate::Config::default`] uses this one.
    /// Refit with `cargo run --release --example fit_facts -- --data ../shared/data --write
    /// src/align/facts_config.json`.
    ///
    /// ```
    /// let facts = corroborate::align::AlignConfig::facts();
    /// assert_eq!(facts.threshold, 0.5);
    /// ```
    pub fn facts() -> AlignConfig {
        static FACTS: OnceLock<AlignConfig> = OnceLock::new();
        FACTS
            .get_or_init(|| {
                AlignConfig::from_json(FACTS_JSON, "facts_config.json")
                    .expect("the shipped facts configuration parses")
            })
            .clone()
    }
}

/// A pair of claims with a label: whether they assert the same fact.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelledPair {
    /// The two claims.
    pub claims: [Claim; 2],
    /// `true` when they assert the same fact.
    pub same: bool,
}

/// A pair of claims with a graded similarity in [0, 1] (an STS score of 0–5 divided by 5).
#[derive(Clone, Debug, PartialEq)]
pub struct GradedPair {
    /// The two claims.
    pub claims: [Claim; 2],
    /// How alike they are, from 0 (unrelated) to 1 (the same meaning).
    pub similarity: f64,
}

impl AlignConfig {
    /// A configuration with no fitted weights or statistics: hand-set weights that favour shared
    /// rare content, the built-in lexicon, threshold 0.5, no trees yet. A starting point for
    /// [`AlignConfig::fit`], with the settings the shipped default is fitted with: 100 trees of
    /// depth 3 (`boost.rounds`), the threshold by accuracy + F1 on 5-fold cross-validated scores.
    pub fn untrained() -> AlignConfig {
        let hand: &[(&str, f64)] = &[
            ("coverage_min", 6.0),
            ("coverage_max", 2.0),
            ("numbers_mismatched", -1.5),
            ("negation_mismatch", -1.0),
            ("quote_shared", 1.0),
            ("entity_overlap", 1.0),
        ];
        AlignConfig {
            threshold: 0.5,
            intercept: -4.5,
            weights: hand.iter().map(|(n, w)| ((*n).to_string(), *w)).collect(),
            rare_idf: default_rare_idf(),
            rare_gate: false,
            rare_df_cap: 0,
            l2: default_l2(),
            contrast: default_contrast(),
            threshold_folds: default_threshold_folds(),
            label_prior: default_label_prior(),
            // The settings the shipped default is fitted with (chosen by the 10-fold CV of
            // `examples/evaluate.rs`): 100 trees of depth 3 on top of the logistic model, and a
            // threshold that keeps recall up as well as accuracy.
            threshold_objective: ThresholdObjective::AccuracyPlusF1,
            weight_signs: WeightSigns::Free,
            lexicon: Lexicon::default(),
            statistics: TermStats::default(),
            boost: Boost { rounds: 100, ..Boost::default() },
            idf_steps: 0,
            embeddings: None,
            embeddings_fitted: None,
        }
    }

    /// Attaches static sentence embeddings, for the feature `embedding_cosine`. Fit the
    /// configuration afterwards (its weights give the feature no weight until then), or attach
    /// the embeddings a saved configuration was fitted with.
    ///
    /// # Errors
    /// [`Error::Config`] when the configuration was fitted with other embeddings (another
    /// [`Embeddings::fingerprint`]).
    pub fn with_embeddings(mut self, embeddings: Arc<Embeddings>) -> Result<AlignConfig> {
        self.check_embeddings(Some(&embeddings))?;
        self.embeddings = Some(embeddings);
        Ok(self)
    }

    /// Whether `attached` is the table the weights were fitted with (any table, or none, when
    /// they were fitted without one).
    fn check_embeddings(&self, attached: Option<&Embeddings>) -> Result<()> {
        let Some(fitted) = &self.embeddings_fitted else { return Ok(()) };
        match attached.map(Embeddings::fingerprint) {
            Some(fingerprint) if fingerprint == fitted => Ok(()),
            Some(other) => {
                Err(Error::Config(format!("fitted with embeddings {fitted}, {other} attached")))
            }
            None => Err(Error::Config(format!(
                "fitted with embeddings {fitted}, none attached (AlignConfig::with_embeddings)"
            ))),
        }
    }

    /// Sets which weights the fits keep on their feature's side of zero ([`WeightSigns`]).
    ///
    /// ```
    /// use corroborate::align::{AlignConfig, WeightSigns};
    ///
    /// let mut config = AlignConfig::untrained();
    /// config.set_weight_signs(WeightSigns::Against);
    /// let json = config.to_json();
    /// assert!(json.contains(r#""weight_signs": "against""#));
    /// assert_eq!(AlignConfig::from_json(&json, "inline").unwrap(), config);
    /// ```
    pub fn set_weight_signs(&mut self, signs: WeightSigns) -> &mut AlignConfig {
        self.weight_signs = signs;
        self
    }

    /// Turns [`AlignConfig::rare_gate`] on or off.
    ///
    /// ```
    /// use corroborate::align::AlignConfig;
    ///
    /// assert!(AlignConfig::facts().rare_gate);
    /// let mut config = AlignConfig::default();
    /// assert!(!config.rare_gate && !config.to_json().contains("rare_gate"));
    /// config.set_rare_gate(true);
    /// assert!(config.to_json().contains(r#""rare_gate": true"#));
    /// ```
    pub fn set_rare_gate(&mut self, on: bool) -> &mut AlignConfig {
        self.rare_gate = on;
        self
    }

    /// Sets [`AlignConfig::rare_df_cap`] (0: no cap).
    ///
    /// ```
    /// use corroborate::align::AlignConfig;
    ///
    /// assert_eq!(AlignConfig::facts().rare_df_cap, 128);
    /// let mut config = AlignConfig::default();
    /// assert!(!config.to_json().contains("rare_df_cap"));
    /// config.set_rare_df_cap(64);
    /// assert!(config.to_json().contains(r#""rare_df_cap": 64"#));
    /// ```
    pub fn set_rare_df_cap(&mut self, cap: u64) -> &mut AlignConfig {
        self.rare_df_cap = cap;
        self
    }

    /// Sets the link threshold (in [0, 1]).
    pub fn set_threshold(&mut self, threshold: f64) -> &mut AlignConfig {
        self.threshold = threshold;
        self
    }

    /// Sets the weight of feature `name` (one of [`FEATURES`]).
    ///
    /// # Errors
    /// [`Error::Config`] when `name` is not a feature.
    pub fn set_weight(&mut self, name: &str, weight: f64) -> Result<&mut AlignConfig> {
        if !FEATURES.contains(&name) {
            return Err(Error::Config(format!("unknown feature {name:?}")));
        }
        self.weights.insert(name.to_string(), weight);
        Ok(self)
    }

    /// Adds a group of interchangeable words or phrases to the lexicon.
    pub fn add_synonyms<S: AsRef<str>>(&mut self, group: &[S]) -> &mut AlignConfig {
        self.lexicon.add_synonyms(group);
        self
    }

    /// Reads term statistics on a grid of `steps` steps per doubling (0: exact); see
    /// [`AlignConfig::idf_steps`].
    ///
    /// ```
    /// use corroborate::align::AlignConfig;
    /// let mut config = AlignConfig::facts();
    /// config.set_idf_steps(4);
    /// assert_eq!(config.idf_steps, 4);
    /// assert!(config.to_json().contains("\"idf_steps\": 4"));
    /// assert!(!AlignConfig::facts().to_json().contains("idf_steps"));
    /// ```
    pub fn set_idf_steps(&mut self, steps: u32) -> &mut AlignConfig {
        self.idf_steps = steps;
        self
    }

    /// Sets the default term statistics.
    pub fn set_statistics(&mut self, statistics: TermStats) -> &mut AlignConfig {
        self.statistics = statistics;
        self
    }

    /// The weights in [`FEATURES`] order.
    pub fn weight_vector(&self) -> FeatureVector {
        let mut w = [0.0; N_FEATURES];
        for (i, name) in FEATURES.iter().enumerate() {
            w[i] = self.weights.get(*name).copied().unwrap_or(0.0);
        }
        w
    }

    /// Checks that every value is usable: finite weights, a threshold in [0, 1], known feature
    /// names, and the embeddings the weights were fitted with attached.
    ///
    /// # Errors
    /// [`Error::Config`] naming the bad value.
    pub fn validate(&self) -> Result<()> {
        self.validate_values()?;
        self.check_embeddings(self.embeddings.as_deref())
    }

    /// [`AlignConfig::validate`] without the embeddings check (a configuration read from JSON
    /// has its embeddings attached after it is read).
    fn validate_values(&self) -> Result<()> {
        if !(0.0..=1.0).contains(&self.threshold) {
            return Err(Error::Config(format!("threshold {} is not in [0, 1]", self.threshold)));
        }
        if !self.intercept.is_finite() {
            return Err(Error::Config("intercept is not finite".into()));
        }
        for (name, w) in &self.weights {
            if !FEATURES.contains(&name.as_str()) {
                return Err(Error::Config(format!("unknown feature {name:?} in weights")));
            }
            if !w.is_finite() {
                return Err(Error::Config(format!("weight of {name} is not finite")));
            }
        }
        if self.boost.depth == 0 || self.boost.depth > 6 {
            return Err(Error::Config(format!("tree depth {} is not in 1..=6", self.boost.depth)));
        }
        if boost::Compiled::new(&self.boost).is_none() {
            return Err(Error::Config(
                "a boosted tree has the wrong number of nodes or an unknown feature".into(),
            ));
        }
        if self.boost.trees.iter().any(|t| {
            t.leaves.iter().any(|v| !v.is_finite()) || t.thresholds.iter().any(|v| v.is_nan())
        }) {
            return Err(Error::Config("a boosted tree has a value that is not finite".into()));
        }
        Ok(())
    }

    /// The configuration as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a configuration always serialises")
    }

    /// Parses a configuration from JSON; `input` names where it came from, for errors.
    ///
    /// # Errors
    /// [`Error::Malformed`] naming `input` and the line when the JSON does not parse;
    /// [`Error::Config`] when a value is out of range.
    pub fn from_json(json: &str, input: &str) -> Result<AlignConfig> {
        let config: AlignConfig = serde_json::from_str(json)
            .map_err(|e| Error::malformed(input, e.line(), e.to_string()))?;
        config.validate_values().map_err(|e| Error::malformed(input, 0, e.to_string()))?;
        Ok(config)
    }

    /// Writes the configuration as JSON to `path`.
    ///
    /// # Errors
    /// [`Error::Io`] naming the file.
    pub fn save(&self, path: impl AsRef<Path>) -> Result<()> {
        let path = path.as_ref();
        std::fs::write(path, self.to_json() + "\n").map_err(|e| Error::io(path, e))
    }

    /// Reads a configuration saved by [`AlignConfig::save`].
    ///
    /// # Errors
    /// [`Error::Io`] or [`Error::Malformed`] naming the file.
    pub fn load(path: impl AsRef<Path>) -> Result<AlignConfig> {
        let path = path.as_ref();
        let json = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        AlignConfig::from_json(&json, &path.display().to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_json_names_input_and_line() {
        let err = AlignConfig::from_json("{\n\"threshold\": }", "my.json").unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("my.json: line 2"), "{msg}");
    }

    #[test]
    fn out_of_range_threshold_is_rejected() {
        let mut config = AlignConfig::untrained();
        config.set_threshold(1.5);
        let err = AlignConfig::from_json(&config.to_json(), "c.json").unwrap_err();
        assert!(err.to_string().contains("threshold"), "{err}");
    }

    #[test]
    fn unknown_weight_is_an_error() {
        assert!(AlignConfig::untrained().set_weight("no_such_feature", 1.0).is_err());
    }

    /// Ten labelled pairs of invented news sentences.
    fn small_pairs() -> Vec<LabelledPair> {
        let texts = [
            (
                "The council approved the budget on Monday.",
                "On Monday the council passed the budget.",
                true,
            ),
            ("Rebels seized the airport.", "The rebels captured the airport.", true),
            ("The bank cut its rate.", "The bank raised its rate sharply.", false),
            ("Police arrested two men.", "Two men were detained by police.", true),
            ("The mayor resigned.", "The mayor opened a new bridge in the north.", false),
            ("Exports fell 5 percent.", "Exports dropped 5 percent.", true),
            ("The storm killed three people.", "Three people died in the storm.", true),
            ("The firm sold its unit.", "Workers at the firm went on strike.", false),
            ("Talks resumed in Geneva.", "Negotiations restarted in Geneva.", true),
            ("The court fined the company.", "The company won its appeal in court.", false),
        ];
        let pairs: Vec<LabelledPair> = texts
            .iter()
            .enumerate()
            .map(|(i, (a, b, same))| LabelledPair {
                claims: [Claim::new("a".into(), i, 0, *a), Claim::new("b".into(), i, 0, *b)],
                same: *same,
            })
            .collect();
        pairs
    }

    /// A configuration fitted with trees (and the inner cross-validation of its threshold) saves
    /// and loads unchanged, and scores the same after loading.
    #[test]
    fn fitted_trees_round_trip_through_json() {
        let pairs = small_pairs();
        let mut config = AlignConfig::untrained();
        config.boost.rounds = 5;
        config.boost.min_hessian = 0.1;
        config.fit(&pairs);
        assert_eq!(config.boost.trees.len(), 5);
        let loaded = AlignConfig::from_json(&config.to_json(), "fitted.json").unwrap();
        assert_eq!(loaded, config);
        for p in &pairs {
            assert_eq!(loaded.score_pair(p), config.score_pair(p));
        }
    }

    #[test]
    fn weight_signs_bind_the_fitted_weights() {
        // Long tellings of one fact, each with words of its own: what makes a free fit credit
        // words left uncovered.
        let long = [
            (
                "The president said on Monday that the army would withdraw from the northern town \
                 after weeks of fighting with rebel units.",
                "The army will pull out of the northern town, the president announced on Monday, \
                 ending weeks of clashes that displaced thousands of families.",
            ),
            (
                "Heavy rain flooded hundreds of homes in the river valley overnight, and rescue \
                 crews evacuated residents by boat.",
                "Hundreds of homes in the valley were flooded after a night of heavy rain, local \
                 officials said, as boats carried residents to safety.",
            ),
            (
                "The central bank kept its main interest rate unchanged on Thursday, citing \
                 slowing inflation and weak exports.",
                "On Thursday the central bank left interest rates where they were, pointing to \
                 cooling prices and a slump in foreign sales.",
            ),
        ];
        let mut pairs = small_pairs();
        for (i, (a, b)) in long.iter().enumerate() {
            let i = pairs.len() + i;
            pairs.push(LabelledPair {
                claims: [Claim::new("a".into(), i, 0, *a), Claim::new("b".into(), i, 0, *b)],
                same: true,
            });
        }
        let fitted = |signs: WeightSigns| {
            let mut config = AlignConfig::untrained();
            // A weak penalty, so that the free fit leans on chance correlations of ten pairs.
            config.l2 = 0.01;
            config.set_weight_signs(signs).fit_weights(&pairs);
            config.weight_vector()
        };
        let wrong_side = |w: &FeatureVector, of: i8| {
            FEATURES
                .iter()
                .zip(w)
                .zip(super::super::FEATURE_SIGNS)
                .filter(|&((_, &w), s)| s == of && f64::from(s) * w < 0.0)
                .map(|((name, _), _)| *name)
                .collect::<Vec<_>>()
        };
        // Thirteen pairs, 38 correlated features (embedding_cosine is 0 here), a weak penalty:
        // the free fit puts weights on both wrong sides, so the checks below can fail.
        let free = fitted(WeightSigns::Free);
        assert!(
            !wrong_side(&free, -1).is_empty() && !wrong_side(&free, 1).is_empty(),
            "{:?} {:?}",
            wrong_side(&free, -1),
            wrong_side(&free, 1)
        );
        let against = fitted(WeightSigns::Against);
        assert_eq!(wrong_side(&against, -1), Vec::<&str>::new());
        let both = fitted(WeightSigns::Both);
        assert_eq!(wrong_side(&both, -1), Vec::<&str>::new());
        assert_eq!(wrong_side(&both, 1), Vec::<&str>::new());
    }

    #[test]
    fn saved_floats_load_back_exactly() {
        // Loading must not move a float by a unit in the last place, so that a loaded
        // configuration scores exactly as the fitted one it was saved from. (The second value
        // came back one unit off before serde_json's exact float parsing was switched on.)
        let mut config = AlignConfig::untrained();
        let mut x = 0.123_456_789_f64;
        for (i, name) in FEATURES.iter().enumerate() {
            x = (x * 7.919 + 0.271_828_459_045_235_3).fract();
            config
                .weights
                .insert((*name).to_string(), if i == 1 { 0.154_044_016_523_941_53 } else { x });
        }
        config.intercept = -5.585_722_680_614_765;
        let loaded = AlignConfig::from_json(&config.to_json(), "floats.json").unwrap();
        for (name, w) in &config.weights {
            assert_eq!(loaded.weights[name].to_bits(), w.to_bits(), "{name}: {w}");
        }
        assert_eq!(loaded, config);
    }

    #[test]
    fn save_and_load_round_trip() {
        let dir = std::env::temp_dir().join(format!("corroborate-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("c.json");
        let mut config = AlignConfig::untrained();
        config.add_synonyms(&["jab", "vaccination"]);
        config.save(&path).unwrap();
        assert_eq!(AlignConfig::load(&path).unwrap(), config);
        let missing = AlignConfig::load(dir.join("missing.json")).unwrap_err();
        assert!(missing.to_string().contains("missing.json"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// Invented verbs (no lexicon or WordNet knows them) in one frame, so that the pairs differ
    /// only in which verbs they use: `vapa{i}` and `vapb{i}` share a vector (synonyms to the
    /// embeddings), `vapc{i}` has another. Word overlap sees the same thing in both kinds.
    fn verb_pairs(range: std::ops::Range<usize>) -> (Vec<LabelledPair>, Embeddings) {
        let mut words: Vec<(String, Vec<f32>)> =
            ["the", "army", "town"].iter().map(|w| ((*w).to_string(), vec![0.3; 8])).collect();
        let mut pairs = Vec::new();
        for i in range {
            let mut v = vec![0.0; 8];
            v[i % 8] = 3.0;
            let mut w = vec![0.0; 8];
            w[(i + 4) % 8] = 3.0;
            words.push((format!("vapa{i}"), v.clone()));
            words.push((format!("vapb{i}"), v));
            words.push((format!("vapc{i}"), w));
            for (other, same) in [("vapb", true), ("vapc", false)] {
                let n = pairs.len();
                let a = format!("The army vapa{i} the town.");
                let b = format!("The army {other}{i} the town.");
                pairs.push(LabelledPair {
                    claims: [
                        Claim::new("a".into(), n, 0, a.as_str()),
                        Claim::new("b".into(), n, 0, b.as_str()),
                    ],
                    same,
                });
            }
        }
        let tokens = words.iter().map(|(w, _)| w.clone()).collect();
        let values = words.iter().flat_map(|(_, v)| v.iter().copied()).collect();
        (pairs, Embeddings::from_parts(tokens, 8, values, true).unwrap())
    }

    #[test]
    fn fitted_embeddings_tell_apart_what_word_overlap_cannot() {
        let (train, _) = verb_pairs(0..12);
        let (held_out, _) = verb_pairs(12..14);
        // One table for all the words, so that the held-out verbs have vectors too.
        let (_, embeddings) = verb_pairs(0..14);
        let embeddings = Arc::new(embeddings);

        let mut plain = AlignConfig::untrained();
        plain.boost.rounds = 0;
        plain.fit_weights(&train);
        // Without embeddings the two kinds of pair look alike (this is what can fail below).
        assert!((plain.score_pair(&held_out[0]) - plain.score_pair(&held_out[1])).abs() < 1e-9);
        assert_eq!(plain.embeddings_fitted, None);

        let mut with = AlignConfig::untrained().with_embeddings(embeddings.clone()).unwrap();
        with.boost.rounds = 0;
        with.fit_weights(&train);
        assert!(with.weights["embedding_cosine"] > 0.5, "{:?}", with.weights["embedding_cosine"]);
        assert_eq!(with.embeddings_fitted.as_deref(), Some(embeddings.fingerprint()));
        let (same, different) = (with.score_pair(&held_out[0]), with.score_pair(&held_out[1]));
        assert!(same > different + 0.1, "{same} {different}");
        with.validate().unwrap();

        // Saved, the configuration names its embeddings but does not hold them: it is
        // incomplete until they are attached again, and refuses others.
        let loaded = AlignConfig::from_json(&with.to_json(), "with.json").unwrap();
        assert_eq!(loaded.embeddings, None);
        let err = loaded.validate().unwrap_err().to_string();
        assert!(err.contains("none attached"), "{err}");
        let (_, other) = verb_pairs(0..3);
        let err = loaded.clone().with_embeddings(Arc::new(other)).unwrap_err().to_string();
        assert!(err.contains(embeddings.fingerprint()), "{err}");
        let restored = loaded.with_embeddings(embeddings).unwrap();
        restored.validate().unwrap();
        assert_eq!(restored, with);
        assert_eq!(restored.score_pair(&held_out[0]), same);
    }
}
