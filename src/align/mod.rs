//! Alignment: which claims of different sources assert the same fact, and how strongly.
//!
//! Useful for: scoring pairs of claims with an explainable breakdown.

use serde::{Deserialize, Serialize};

use crate::model::Claim;

/// Settings of the aligner.
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

/// A scored link between two claims of a run (indices into the run's claim list).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// The first claim's index in the run.
    pub a: usize,
    /// The second claim's index in the run.
    pub b: usize,
    /// The combined score in [0, 1].
    pub score: f64,
}

/// Links the claims of different sources that assert the same fact.
pub fn align(claims: &[Claim], config: &AlignConfig) -> Vec<Link> {
    let _ = (claims, config);
    Vec::new()
}
