//! One sentence as one claim, built with the library's extraction pieces, for the examples that
//! read sentence pairs.

use corroborate::model::{Claim, SourceId};
use corroborate::{entity, quantity, text};

/// The claim a lone sentence makes, as the pipeline represents it: content terms, entity mentions
/// and quantities found by the library.
pub fn sentence_claim(source: &str, sentence: &str) -> Claim {
    let mut claim = Claim::new(SourceId::new(source), 0, 0, sentence);
    claim.terms = text::content_terms(sentence);
    claim.entities = entity::find_mentions(sentence, 0);
    claim.quantities = quantity::find_quantities(sentence, 0);
    claim
}

/// Two sentences as the claims of two sources, with entities resolved across the pair.
pub fn pair_claims(a: &str, b: &str) -> [Claim; 2] {
    let mut claims = [sentence_claim("a", a), sentence_claim("b", b)];
    entity::resolve(&mut claims);
    claims
}
