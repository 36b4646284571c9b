//! Alignment: which claims of different sources assert the same fact, and how strongly.
//!
//! Useful for: scoring pairs of claims with an explainable breakdown ([`Scorer`]), and linking the
//! claims of a run ([`align`]). Static sentence embeddings the user supplies ([`Embeddings`])
//! add a distributional feature once a configuration is fitted with them.

pub mod block;
mod boost;
pub mod candidates;
mod config;
mod embed;
mod features;
mod fit;
mod hash;
pub(crate) mod learn;
pub(crate) mod lexicon;
mod score;
mod stats;
pub(crate) mod wordnet;

pub use boost::{Boost, Tree};
pub use config::{AlignConfig, GradedPair, LabelledPair};
pub use embed::Embeddings;
pub use features::{FEATURE_SIGNS, FEATURES, FeatureVector, N_FEATURES};
pub use learn::{ThresholdObjective, WeightSigns};
pub use lexicon::{BUILTIN_SYNONYMS, Lexicon};
pub(crate) use score::{Changed, RunScorer};
pub use score::{Contribution, PairScorer, Score, Scorer};
pub use stats::TermStats;

use crate::par::*;
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

/// From this many claims on, [`align`] scores only the candidate pairs that blocking finds
/// ([`crate::align::block`]) instead of all cross-source pairs. Below it all pairs cost little and no
/// link can be missed; from it on, the quadratic cost is what would blow up.
pub const BLOCKING_MIN_CLAIMS: usize = 5_000;

/// Links the claims of different sources that assert the same fact: every candidate pair
/// ([`candidates::all_pairs`] below [`BLOCKING_MIN_CLAIMS`] claims, blocked candidates from there
/// on, with the configuration's one-word synonyms blocking as one key:
/// [`crate::align::block::BlockConfig::for_lexicon`], and candidates honouring its rare gate:
/// [`crate::align::block::BlockConfig::for_align`]) scoring at or above the configuration's threshold.
///
/// Returns the links sorted by `(a, b)`, whatever the number of threads: pairs are scored in
/// parallel (rayon), one claim's candidates per task, and collected in order.
///
/// **Complexity**: O(n²) scored pairs for n claims below [`BLOCKING_MIN_CLAIMS`]; near-linear from
/// there on (see [`crate::align::block`]).
pub fn align(claims: &[Claim], config: &AlignConfig) -> Vec<Link> {
    if claims.len() >= BLOCKING_MIN_CLAIMS {
        let block = crate::align::block::BlockConfig::for_align(config);
        return crate::align::block::align_blocked(claims, config, &block);
    }
    let scorer = Scorer::new(config, claims);
    (0..claims.len())
        .into_par_iter()
        .flat_map_iter(|a| {
            let scorer = &scorer;
            // The breakdown is built only for the few pairs that are linked.
            candidates::partners(claims, a)
                .filter(move |&b| scorer.score_value(a, b) >= config.threshold)
                .map(move |b| Link { a, b, score: scorer.score(a, b) })
        })
        .collect()
}
