//! Extraction: a source's text in, claims and skipped spans out. Does no I/O.

use crate::model::{Claim, Skipped};
use crate::source::Source;
use crate::text::content_terms;

/// What extraction made of one source.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extraction {
    /// The claims, in text order.
    pub claims: Vec<Claim>,
    /// The spans in no claim, with the reason.
    pub skipped: Vec<Skipped>,
}

/// Extracts the claims of one source.
pub fn extract(source: &Source) -> Extraction {
    let text = source.text();
    let mut claims = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let off = start + line.find(trimmed).unwrap_or(0);
            let mut claim = Claim::new(source.id().clone(), claims.len(), off, trimmed);
            claim.terms = content_terms(trimmed);
            claims.push(claim);
        }
        start += line.len();
    }
    Extraction { claims, skipped: Vec::new() }
}
