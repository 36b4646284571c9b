//! Term statistics: in how many documents (claims, sentences) each term occurs, for IDF.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::Claim;
use crate::text;

/// Document frequencies of terms (stems), fitted from a corpus of sentences.
///
/// A scorer adds the run's own claims to these counts, so a large run is dominated by its own
/// statistics while a small one (two articles, one pair) still knows which words are common.
/// Serialised as `{"documents": 8152, "df": {"talk": 31, …}}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TermStats {
    /// Number of documents counted.
    pub documents: u64,
    /// Term -> number of documents holding it. Terms seen in fewer than
    /// [`TermStats::MIN_DF`] documents are left out to keep the table small.
    pub df: BTreeMap<String, u32>,
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
            let mut terms = if claim.terms.is_empty() {
                text::content_terms(&claim.text)
            } else {
                claim.terms.clone()
            };
            terms.sort_unstable();
            terms.dedup();
            for t in terms {
                *counts.entry(t).or_default() += 1;
            }
        }
        counts.retain(|_, df| *df >= TermStats::MIN_DF);
        TermStats { documents, df: counts }
    }

    /// The document frequency of `term` (0 when unknown).
    pub fn df(&self, term: &str) -> u32 {
        self.df.get(term).copied().unwrap_or(0)
    }
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
