//! Alignment: which claims of different sources assert the same fact, and how strongly.
//!
//! Useful for: scoring pairs of claims with an explainable breakdown ([`Scorer`]), and linking the
//! claims of a run ([`align`]).

mod score;

pub use score::{AlignConfig, Contribution, Score, Scorer};

use serde::{Deserialize, Serialize};

use crate::model::Claim;

/// A scored link between two claims of a run (indices into the run's claim list, `a < b`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// The first claim's index in the run.
    pub a: usize,
    /// The second claim's index in the run.
    pub b: usize,
    /// The score with its breakdown.
    pub score: Score,
}

/// Links the claims of different sources that assert the same fact: every candidate pair scoring at
/// or above the configuration's threshold.
pub fn align(claims: &[Claim], config: &AlignConfig) -> Vec<Link> {
    let scorer = Scorer::new(config, claims);
    let mut links = Vec::new();
    for a in 0..claims.len() {
        for b in a + 1..claims.len() {
            if claims[a].source == claims[b].source {
                continue;
            }
            let score = scorer.score(a, b);
            if score.value >= config.threshold {
                links.push(Link { a, b, score });
            }
        }
    }
    links
}
