//! Sentence pairs as claims, for the examples that read them: each sentence one claim of its own
//! source, annotated by the library's extraction exactly as in a run over articles.

use corroborate::entity;
use corroborate::extract::claim_from_sentence;
use corroborate::model::{Claim, SourceId};

/// Two sentences as the claims of two sources, with entity spellings resolved across the pair.
pub fn pair_claims(a: &str, b: &str) -> [Claim; 2] {
    let mut claims = [
        claim_from_sentence(SourceId::new("a"), 0, a, None),
        claim_from_sentence(SourceId::new("b"), 0, b, None),
    ];
    entity::resolve(&mut claims);
    claims
}
