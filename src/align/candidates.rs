//! Candidate generation: which pairs of claims are worth scoring.
//!
//! For now every pair of claims from different sources is a candidate ("all pairs"); blocking
//! (scoring only pairs that share a rare term or entity) replaces this for large runs.

use crate::model::Claim;

/// Every pair `(a, b)`, `a < b`, of claims from different sources, in order of `a` then `b`.
///
/// **Complexity**: O(n²) pairs for n claims.
pub fn all_pairs(claims: &[Claim]) -> impl Iterator<Item = (usize, usize)> + '_ {
    (0..claims.len()).flat_map(move |a| partners(claims, a).map(move |b| (a, b)))
}

/// The claims after `a` (by index) from another source than `a`'s: the candidates of `a` among
/// all pairs.
pub fn partners(claims: &[Claim], a: usize) -> impl Iterator<Item = usize> + '_ {
    let source = &claims[a].source;
    (a + 1..claims.len()).filter(move |&b| claims[b].source != *source)
}

/// The number of pairs [`all_pairs`] yields, computed from the source sizes in O(n).
pub fn count_all_pairs(claims: &[Claim]) -> usize {
    let mut per_source: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for c in claims {
        *per_source.entry(c.source.as_str()).or_default() += 1;
    }
    let n = claims.len();
    let same: usize = per_source.values().map(|k| k * k.saturating_sub(1) / 2).sum();
    n * n.saturating_sub(1) / 2 - same
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SourceId;

    #[test]
    fn all_pairs_are_cross_source_and_counted() {
        let claims: Vec<Claim> = ["a", "a", "b", "c", "b"]
            .iter()
            .enumerate()
            .map(|(i, s)| Claim::new(SourceId::new(*s), i, 0, "x"))
            .collect();
        let pairs: Vec<_> = all_pairs(&claims).collect();
        assert_eq!(pairs, [(0, 2), (0, 3), (0, 4), (1, 2), (1, 3), (1, 4), (2, 3), (3, 4)]);
        assert_eq!(count_all_pairs(&claims), pairs.len());
    }
}
