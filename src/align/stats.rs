//! Term statistics: in how many documents (claims, sentences) each term occurs, for IDF.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::Claim;
use crate::text;

/// Document frequencies of terms (stems), fitted from a corpus of sentences, and what labelled
/// pairs say of each term.
///
/// A scorer adds the run's own claims to these counts, so a large run is dominated by its own
/// statistics while a small one (two articles, one pair) still knows which words are common.
/// Serialised as `{"documents": 8152, "df": {"talk": 31, …}, "llr": {"talk": [0.1, -0.2], …}}`
/// (`llr` only when fitted from labelled pairs by [`TermStats::fit_labels`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TermStats {
    /// Number of documents counted.
    pub documents: u64,
    /// Term -> number of documents holding it. Terms seen in fewer than
    /// [`TermStats::MIN_DF`] documents are left out to keep the table small.
    pub df: BTreeMap<String, u32>,
    /// Term -> how much more than an average term it says for "the same fact", as log-likelihood
    /// ratios: `[when both claims have it, when only one does]` (see [`TermStats::fit_labels`]).
    /// An unknown term reads as an average one: `[0, 0]`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub llr: BTreeMap<String, [f32; 2]>,
}

impl TermStats {
    /// Terms rarer than this are not stored: an unknown term reads as "seen once or never".
    pub const MIN_DF: u32 = 2;

    /// Labelled pairs a term must occur in (in either claim) for [`TermStats::fit_labels`] to
    /// keep its weights; rarer terms read as unknown, which the prior brings them near anyway.
    pub const MIN_LABELLED_PAIRS: u32 = 3;

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
        TermStats { documents, df: counts, ..TermStats::default() }
    }

    /// Fits the term weights `llr` from labelled pairs (replacing any): for each term, over the
    /// pairs where at least one claim has it, `p` = the share of the pairs asserting the same
    /// fact in which both claims have it, and `q` the same share among the other pairs, each
    /// smoothed towards the share over all terms with `prior` pseudo pairs (so a term seen in
    /// few pairs reads as nearly average). The weights are `[ln(p / q), ln((1 − p) / (1 − q))]`
    /// minus the same of the average term: summed over a pair's terms, by whether both claims
    /// have each, the naive-Bayes evidence its term sharing gives beyond what the number of
    /// shared terms says. The counts are those of TF-KLD (Ji and Eisenstein 2013), whose
    /// Kullback-Leibler weights were tried as well and added nothing in cross-validation.
    ///
    /// Weights are rounded to three decimals; terms seen in fewer than
    /// [`TermStats::MIN_LABELLED_PAIRS`] pairs, or whose weights round to 0, are left out. Terms
    /// are each claim's `terms` (or the content terms of its text), as in
    /// [`TermStats::from_claims`]. Deterministic.
    pub fn fit_labels<'c>(
        &mut self,
        pairs: impl IntoIterator<Item = (&'c [Claim; 2], bool)>,
        prior: f64,
    ) -> &mut TermStats {
        // Per term: [pairs where one claim has it, pairs where both do] for the same-fact pairs,
        // then for the others.
        let mut counts: BTreeMap<String, [u32; 4]> = BTreeMap::new();
        for (claims, same) in pairs {
            let [a, b] = claims.each_ref().map(distinct_terms);
            let at = if same { 0 } else { 2 };
            for t in a.iter().filter(|t| b.binary_search(t).is_err()) {
                counts.entry(t.clone()).or_default()[at] += 1;
            }
            for t in &b {
                let both = a.binary_search(t).is_ok();
                counts.entry(t.clone()).or_default()[at + usize::from(both)] += 1;
            }
        }
        let prior = prior.max(0.0);
        let mut sums = [0u64; 4];
        for c in counts.values() {
            for (s, &x) in sums.iter_mut().zip(c) {
                *s += u64::from(x);
            }
        }
        let share = |both: u64, one: u64| {
            if both + one == 0 { 0.5 } else { both as f64 / (both + one) as f64 }
        };
        let (p_all, q_all) = (share(sums[1], sums[0]), share(sums[3], sums[2]));
        let base = log_ratios(p_all, q_all);
        self.llr.clear();
        for (term, c) in counts {
            if c.iter().sum::<u32>() < TermStats::MIN_LABELLED_PAIRS {
                continue;
            }
            let [one_same, both_same, one_diff, both_diff] = c.map(f64::from);
            let (n_same, n_diff) = (one_same + both_same, one_diff + both_diff);
            let p = (both_same + prior * p_all) / (n_same + prior);
            let q = (both_diff + prior * q_all) / (n_diff + prior);
            let r = log_ratios(p, q);
            let llr = [rounded(r[0] - base[0]), rounded(r[1] - base[1])];
            if llr != [0.0; 2] {
                self.llr.insert(term, llr);
            }
        }
        self
    }

    /// The log-likelihood ratios of `term`, `[shared, in one claim only]` (`[0, 0]` when
    /// unknown); see [`TermStats::fit_labels`].
    pub fn llr(&self, term: &str) -> [f64; 2] {
        self.llr.get(term).map_or([0.0; 2], |r| r.map(f64::from))
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

/// `x` to three decimals, which is all the precision the weights have, and keeps the JSON short.
fn rounded(x: f64) -> f32 {
    ((x * 1000.0).round() / 1000.0) as f32
}

/// `[ln(p / q), ln((1 − p) / (1 − q))]`, both probabilities kept off 0 and 1.
fn log_ratios(p: f64, q: f64) -> [f64; 2] {
    let (p, q) = (p.clamp(EPS, 1.0 - EPS), q.clamp(EPS, 1.0 - EPS));
    [(p / q).ln(), ((1.0 - p) / (1.0 - q)).ln()]
}

/// How far from 0 and 1 an estimated share is kept: a share estimated as 0 or 1 is never
/// certain.
const EPS: f64 = 1e-3;

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

    /// Invented pairs: `both` terms in both claims, `one_a`/`one_b` in one claim only.
    fn pair(both: &[&str], one_a: &[&str], one_b: &[&str], same: bool) -> ([Claim; 2], bool) {
        let text = |only: &[&str]| both.iter().chain(only).copied().collect::<Vec<_>>().join(" ");
        let claims =
            [Claim::new("a".into(), 0, 0, text(one_a)), Claim::new("b".into(), 0, 0, text(one_b))];
        (claims, same)
    }

    /// Fits `llr` on the pairs with `prior`.
    fn fitted(pairs: &[([Claim; 2], bool)], prior: f64) -> TermStats {
        let mut stats = TermStats::default();
        stats.fit_labels(pairs.iter().map(|(c, s)| (c, *s)), prior);
        stats
    }

    #[test]
    fn terms_whose_sharing_tracks_the_label_weigh_most() {
        let mut pairs = Vec::new();
        for i in 0..20 {
            // "treaty" is shared by every same-fact pair and in one claim only of every other;
            // "tariff" the reverse; "harbour" is shared by half the pairs of each kind;
            // "glacier" occurs once.
            let (same, harbour) = (i % 2 == 0, i % 4 < 2);
            let (mut both, mut one_a, mut one_b) = (vec![], vec![], vec![]);
            if same {
                both.push("treaty");
                one_a.push("tariff");
            } else {
                one_a.push("treaty");
                both.push("tariff");
            }
            if harbour {
                both.push("harbour")
            } else {
                one_b.push("harbour")
            }
            if i == 3 {
                one_a.push("glacier");
            }
            pairs.push(pair(&both, &one_a, &one_b, same));
        }
        let stats = fitted(&pairs, 5.0);
        // Sharing "treaty" says "same fact", missing it says "different", each far more than
        // the average term; "tariff" the reverse.
        let [shared, one] = stats.llr("treati");
        assert!(shared > 0.5 && one < -0.5, "{shared} {one}");
        let [t_shared, t_one] = stats.llr("tariff");
        assert!(t_shared < -0.5 && t_one > 0.5, "{t_shared} {t_one}");
        let [h_shared, h_one] = stats.llr("harbour");
        assert!(h_shared.abs() < shared / 4.0 && h_one.abs() < one.abs() / 4.0, "{h_shared}");
        assert_eq!(stats.llr("glacier"), [0.0, 0.0], "one pair: below MIN_LABELLED_PAIRS");
        assert_eq!(stats.llr("unseen"), [0.0, 0.0]);
        let json = serde_json::to_string(&stats).unwrap();
        assert_eq!(serde_json::from_str::<TermStats>(&json).unwrap(), stats);
        // A stronger prior pulls the weights towards the average term's.
        let [s, o] = fitted(&pairs, 50.0).llr("treati");
        assert!(0.0 < s && s < shared && one < o && o < 0.0, "{s} {o}");
    }

    #[test]
    fn terms_that_say_nothing_of_the_label_weigh_nothing() {
        // Every term is shared by half the pairs of each kind.
        let pairs: Vec<([Claim; 2], bool)> = (0..16)
            .map(|i| {
                let (same, shared) = (i % 2 == 0, i % 4 < 2);
                if shared {
                    pair(&["harbour", "bridge"], &[], &[], same)
                } else {
                    pair(&[], &["harbour"], &["bridge"], same)
                }
            })
            .collect();
        let stats = fitted(&pairs, 5.0);
        assert!(stats.llr.is_empty(), "{:?}", stats.llr);
        assert!(!serde_json::to_string(&stats).unwrap().contains("llr"));
    }
}
