//! Entities: finding names in sentences and resolving their spellings to one canonical entity
//! across all sources of a run.

use crate::model::{Claim, Entity};

/// The named-entity mentions in `sentence`, spans offset by `base`. Each mention's `canonical` is
/// provisional (its own cleaned form) until [`resolve`] runs over the whole run.
pub fn find_mentions(sentence: &str, base: usize) -> Vec<Entity> {
    let _ = (sentence, base);
    Vec::new()
}

/// Gives every mention in `claims` (all sources of a run) its canonical name.
pub fn resolve(claims: &mut [Claim]) {
    let _ = claims;
}

/// Resolves pronoun and role-description speakers within one source's claims (text order).
pub fn resolve_references(claims: &mut [Claim]) {
    let _ = claims;
}
