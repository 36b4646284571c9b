//! Term statistics: in how many documents (claims, sentences) each term occurs, for IDF.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::Claim;
use crate::text;

/// Document frequencies of terms (stems), fitted from a corpus of sentences.
///
/// A scorer adds the run's own claims to these counts, so a large run is dominated by its own
/// statistics while a small one (two articles, one pair) still knows which words are common.
/// Serialised as `{"documents": 8152, "df": {"talk": 31, …}, "kld": {"talk": 0.04, …}}` (`kld`
/// only when fitted from labelled pairs).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TermStats {
    /// Number of documents counted.
    pub documents: u64,
    /// Term -> number of documents holding it. Terms seen in fewer than
    /// [`TermStats::MIN_DF`] documents are left out to keep the table small.
    pub df: BTreeMap<String, u32>,
    /// Term -> discriminative weight (TF-KLD, Ji and Eisenstein 2013), fitted from labelled
    /// pairs by [`TermStats::fit_kld`]: how differently often the term is shared by both claims of
    /// a pair that asserts the same fact and of one that does not. Empty unless fitted; an
    /// unknown term weighs 0.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub kld: BTreeMap<String, f32>,
}

impl TermStats {
    /// Terms rarer than this are not stored: an unknown term reads as "seen once or never".
    pub const MIN_DF: u32 = 2;

    /// Counts the terms of `claims` (each claim one document; its `terms`, or the content terms
    /// of its text when it has none).
    pub fn from_claims<'c>(claims: impl IntoIterator<Item = &'c Claim>) -> TermStats {
        let mut counts: BTreeMap<String, u32> = BTreeMap::new();
        let mut documents = 0;
        for claim in claims {
            documents += 1;
            for t in distinct_terms(claim) {
                *counts.entry(t).or_default() += 1;
            }
        }
        counts.retain(|_, df| *df >= TermStats::MIN_DF);
        TermStats { documents, df: counts, kld: BTreeMap::new() }
    }

    /// Labelled pairs a term must occur in (in either claim) for [`TermStats::fit_kld`] to keep
    /// its weight: rarer terms weigh 0, which the prior brings them near anyway.
    pub const MIN_KLD_PAIRS: u32 = 3;

    /// Discriminative term weights (TF-KLD, Ji and Eisenstein 2013) from labelled pairs: for
    /// each term, over the pairs where at least one claim has it, `p` = the share of pairs
    /// asserting the same fact in which both claims have it, and `q` the same share among the
    /// other pairs; the weight is the Bernoulli Kullback-Leibler divergence `KL(p || q)`,
    /// negative when sharing the term is commoner in the pairs that differ (`p < q`).
    ///
    /// Both shares are smoothed towards the term's share over all its pairs with `prior` pseudo
    /// pairs, so a term seen in few pairs weighs near 0 and a term whose sharing says nothing of
    /// the label weighs 0. Terms seen in fewer than [`TermStats::MIN_KLD_PAIRS`] pairs are left
    /// out. Terms are each claim's `terms` (or the content terms of its text), as in
    /// [`TermStats::from_claims`]. Deterministic.
    pub fn fit_kld<'c>(
        pairs: impl IntoIterator<Item = (&'c [Claim; 2], bool)>,
        prior: f64,
    ) -> BTreeMap<String, f32> {
        // Per term: [pairs with it, of them sharing it] for same-fact pairs, then for the others.
        let mut counts: BTreeMap<String, [u32; 4]> = BTreeMap::new();
        for (claims, same) in pairs {
            let [a, b] = claims.each_ref().map(distinct_terms);
            let at = if same { 0 } else { 2 };
            for t in a.iter().chain(&b) {
                counts.entry(t.clone()).or_default()[at] += 1;
            }
            // A shared term was counted twice above: once as present, once as shared.
            for t in a.iter().filter(|t| b.binary_search(t).is_ok()) {
                let c = counts.entry(t.clone()).or_default();
                c[at] -= 1;
                c[at + 1] += 1;
            }
        }
        let prior = prior.max(0.0);
        counts
            .into_iter()
            .filter(|(_, c)| c[0] + c[2] >= TermStats::MIN_KLD_PAIRS)
            .filter_map(|(term, [n_same, s_same, n_diff, s_diff])| {
                let (n_same, s_same) = (f64::from(n_same), f64::from(s_same));
                let (n_diff, s_diff) = (f64::from(n_diff), f64::from(s_diff));
                let pooled = (s_same + s_diff) / (n_same + n_diff);
                let p = (s_same + prior * pooled) / (n_same + prior);
                let q = (s_diff + prior * pooled) / (n_diff + prior);
                let w = bernoulli_kl(p, q).copysign(p - q) as f32;
                (w.abs() >= 1e-4).then_some((term, w))
            })
            .collect()
    }

    /// The TF-KLD weight of `term` (0 when unknown); see [`TermStats::fit_kld`].
    pub fn kld(&self, term: &str) -> f64 {
        self.kld.get(term).copied().map_or(0.0, f64::from)
    }

    /// The document frequency of `term` (0 when unknown).
    pub fn df(&self, term: &str) -> u32 {
        self.df.get(term).copied().unwrap_or(0)
    }
}

/// The distinct terms of a claim, sorted: its `terms`, or the content terms of its text.
fn distinct_terms(claim: &Claim) -> Vec<String> {
    let mut terms =
        if claim.terms.is_empty() { text::content_terms(&claim.text) } else { claim.terms.clone() };
    terms.sort_unstable();
    terms.dedup();
    terms
}

/// `KL(p || q)` of two Bernoulli distributions, with both probabilities kept off 0 and 1 (a
/// share estimated as 0 or 1 is never certain).
fn bernoulli_kl(p: f64, q: f64) -> f64 {
    const EPS: f64 = 1e-3;
    let (p, q) = (p.clamp(EPS, 1.0 - EPS), q.clamp(EPS, 1.0 - EPS));
    (p * (p / q).ln() + (1.0 - p) * ((1.0 - p) / (1.0 - q)).ln()).max(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_documents_not_occurrences() {
        let claims: Vec<Claim> = ["talks talks resume", "talks stall", "rain"]
            .iter()
            .enumerate()
            .map(|(i, t)| Claim::new("s".into(), i, 0, *t))
            .collect();
        let stats = TermStats::from_claims(&claims);
        assert_eq!(stats.documents, 3);
        assert_eq!(stats.df("talk"), 2);
        assert_eq!(stats.df("rain"), 0, "df 1 is below MIN_DF and not stored");
    }
}
