//! Fitting an [`AlignConfig`] to labelled or graded pairs: term statistics, weights, trees and
//! the threshold. Kept apart from the configuration itself because fitting scores pairs with a
//! [`Scorer`], and the scorer reads the configuration.

use super::boost;
use super::config::{AlignConfig, GradedPair, LabelledPair};
use super::features::{FEATURES, FeatureVector};
use super::learn::{self, WeightSigns};
use super::score::Scorer;
use super::stats::TermStats;
use crate::model::Claim;

/// Folds of the cross-fitting of the term weights fitted from labels when the threshold is not
/// cross-validated.
const LABEL_FOLDS: usize = 5;

/// Whether a claim has content terms (a claim without any scores 0 against anything).
fn has_terms(claim: &Claim) -> bool {
    !claim.terms.is_empty() || !crate::text::content_terms(&claim.text).is_empty()
}

impl AlignConfig {
    /// Fits everything from labelled pairs: term statistics from their claims, then weights and
    /// `boost.rounds` trees, then the threshold (maximising `threshold_objective` on the scores of
    /// a `threshold_folds`-fold cross-validation of the weights and trees over `pairs`).
    /// Deterministic.
    ///
    /// Labelled paraphrase data holds only pairs that already look alike, while a run of
    /// articles mostly scores claims about different things. So that the weights also learn that
    /// sharing a few words is not enough, the weights are fitted on the labelled pairs plus
    /// `contrast` × as many *contrast pairs*: the first claim of one pair with the second claim of
    /// another (the one, among 16 chosen deterministically, sharing the most terms), labelled
    /// different. The threshold is then fitted on the labelled pairs alone.
    ///
    /// With `label_prior > 0`, term weights are also fitted from the labels
    /// ([`TermStats::fit_labels`]), for the feature `term_evidence`. The feature
    /// rows the model learns from are cross-fitted: a row of fold `i % threshold_folds` is
    /// computed with term weights fitted on the labelled pairs outside that fold, so that its
    /// features never know its own label (weights fitted on a pair's own label make it look more
    /// telling than on new pairs, and the model would over-trust them). The configuration keeps
    /// the weights fitted on all of `pairs`.
    pub fn fit(&mut self, pairs: &[LabelledPair]) -> &mut AlignConfig {
        self.set_statistics(TermStats::from_claims(pairs.iter().flat_map(|p| p.claims.iter())));
        let mut train = pairs.to_vec();
        train.extend(contrast_pairs(pairs, self.contrast));
        let folds = self.threshold_folds;
        let cross = folds >= 2 && pairs.len() >= folds;
        let label_folds = if cross { folds } else { LABEL_FOLDS };
        let xs = if self.label_prior > 0.0 && pairs.len() >= label_folds {
            self.cross_fitted_rows(pairs, &train, label_folds)
        } else {
            self.feature_rows(&train)
        };
        let ys: Vec<f64> = train.iter().map(|p| f64::from(u8::from(p.same))).collect();
        let scorable: Vec<bool> = pairs.iter().map(|p| p.claims.iter().all(has_terms)).collect();
        let scored: Vec<(f64, bool)> = if cross {
            // Out-of-fold scores: the model fitted without a fold scores that fold, so the
            // threshold is chosen on scores like those of unseen pairs (in-sample scores of the
            // trees are overconfident).
            let mut oof = vec![0.0; pairs.len()];
            for k in 0..folds {
                let keep: Vec<usize> = (0..train.len()).filter(|i| i % folds != k).collect();
                let sub_x: Vec<FeatureVector> = keep.iter().map(|&i| xs[i]).collect();
                let sub_y: Vec<f64> = keep.iter().map(|&i| ys[i]).collect();
                let mut model = self.clone();
                model.fit_model(&sub_x, &sub_y);
                let compiled = boost::Compiled::new(&model.boost).unwrap_or_default();
                for i in (0..pairs.len()).filter(|i| i % folds == k) {
                    oof[i] = model.row_score(&xs[i], &compiled, scorable[i]);
                }
            }
            oof.into_iter().zip(pairs.iter().map(|p| p.same)).collect()
        } else {
            Vec::new()
        };
        self.fit_model(&xs, &ys);
        if self.label_prior > 0.0 {
            let labelled = pairs.iter().map(|p| (&p.claims, p.same));
            self.statistics.fit_labels(labelled, self.label_prior);
        }
        if scored.is_empty() {
            self.fit_threshold(pairs);
        } else {
            self.threshold = learn::best_threshold_for(&scored, self.threshold_objective);
        }
        self
    }

    /// The feature rows of `train` (the labelled `pairs`, then contrast pairs) with the features
    /// of the term weights fitted from labels cross-fitted: row `i` is computed with term weights fitted on the labelled pairs
    /// outside its fold (`i % folds`), so that no row's features know its own label (weights
    /// fitted on a pair's own label make its features look more telling than they are on new
    /// pairs). The folds are those of the threshold's cross-validation in [`AlignConfig::fit`],
    /// so a held-out fold's rows are scored with weights fitted without it.
    fn cross_fitted_rows(
        &self,
        pairs: &[LabelledPair],
        train: &[LabelledPair],
        folds: usize,
    ) -> Vec<FeatureVector> {
        use crate::par::*;
        let configs: Vec<AlignConfig> = (0..folds)
            .map(|k| {
                let mut c = self.clone();
                let outside = pairs.iter().enumerate().filter(|(i, _)| i % folds != k);
                c.statistics
                    .fit_labels(outside.map(|(_, p)| (&p.claims, p.same)), self.label_prior);
                c
            })
            .collect();
        train
            .par_iter()
            .enumerate()
            .map(|(i, p)| Scorer::new(&configs[i % folds], &p.claims).features(0, 1))
            .collect()
    }

    /// Fits the logistic weights, then `boost.rounds` trees on top, to feature rows.
    fn fit_model(&mut self, xs: &[FeatureVector], ys: &[f64]) {
        let (intercept, w) = self.fit_logistic(xs, ys);
        self.intercept = intercept;
        self.weights = FEATURES.iter().zip(w).map(|(n, w)| ((*n).to_string(), w)).collect();
        self.fit_trees(xs, ys);
        self.embeddings_fitted = self.embeddings.as_ref().map(|e| e.fingerprint().to_string());
    }

    /// The logistic intercept and weights fitted to feature rows, under `weight_signs`.
    fn fit_logistic(&self, xs: &[FeatureVector], ys: &[f64]) -> (f64, FeatureVector) {
        match self.weight_signs {
            WeightSigns::Free => learn::logistic_regression(xs, ys, self.l2),
            signs => learn::signed_logistic_regression(xs, ys, self.l2, &signs.signs()),
        }
    }

    /// The score of a feature row under this configuration's model (what [`Scorer`] gives).
    fn row_score(&self, x: &FeatureVector, trees: &boost::Compiled, scorable: bool) -> f64 {
        if !scorable {
            return 0.0;
        }
        let w = self.weight_vector();
        let z = x.iter().zip(&w).fold(self.intercept, |z, (a, b)| z + a * b);
        learn::sigmoid(z + trees.eval(x))
    }

    /// Fits `boost.rounds` trees on top of the current logistic model (replacing any trees).
    fn fit_trees(&mut self, xs: &[FeatureVector], ys: &[f64]) {
        let w = self.weight_vector();
        let base: Vec<f64> = xs
            .iter()
            .map(|x| x.iter().zip(&w).fold(self.intercept, |z, (a, b)| z + a * b))
            .collect();
        self.boost.trees = boost::fit(&self.boost, xs, ys, &base);
    }

    /// Fits the weights by L2-regularised logistic regression on the pairs' features (each pair
    /// scored on its own, as `examples/pairs.rs` does), and drops any trees: the logistic model
    /// alone.
    pub fn fit_weights(&mut self, pairs: &[LabelledPair]) -> &mut AlignConfig {
        let xs = self.feature_rows(pairs);
        let ys: Vec<f64> = pairs.iter().map(|p| f64::from(u8::from(p.same))).collect();
        let (intercept, w) = self.fit_logistic(&xs, &ys);
        self.intercept = intercept;
        self.weights = FEATURES.iter().zip(w).map(|(n, w)| ((*n).to_string(), w)).collect();
        self.boost.trees.clear();
        self.embeddings_fitted = self.embeddings.as_ref().map(|e| e.fingerprint().to_string());
        self
    }

    /// Fits the weights to graded similarities (each in [0, 1], read as soft labels) by the same
    /// logistic regression, and `boost.rounds` trees on top, so that the score tracks the grade;
    /// the threshold is left alone.
    pub fn fit_graded(&mut self, pairs: &[GradedPair]) -> &mut AlignConfig {
        use crate::par::*;
        let xs: Vec<FeatureVector> =
            pairs.par_iter().map(|p| Scorer::new(self, &p.claims).features(0, 1)).collect();
        let ys: Vec<f64> = pairs.iter().map(|p| p.similarity.clamp(0.0, 1.0)).collect();
        self.fit_model(&xs, &ys);
        self
    }

    /// Sets the threshold that maximises accuracy on `pairs` under the current weights.
    pub fn fit_threshold(&mut self, pairs: &[LabelledPair]) -> &mut AlignConfig {
        let scored: Vec<(f64, bool)> = pairs.iter().map(|p| (self.score_pair(p), p.same)).collect();
        self.threshold = learn::best_threshold(&scored);
        self
    }

    /// The score of one pair, scored on its own (the run is the two claims).
    pub fn score_pair(&self, pair: &LabelledPair) -> f64 {
        Scorer::new(self, &pair.claims).score_value(0, 1)
    }

    /// The feature vectors of `pairs`, each scored on its own.
    pub fn feature_rows(&self, pairs: &[LabelledPair]) -> Vec<FeatureVector> {
        use crate::par::*;
        pairs.par_iter().map(|p| Scorer::new(self, &p.claims).features(0, 1)).collect()
    }
}

/// Up to `ratio × pairs.len()` contrast pairs (see [`AlignConfig::fit`]).
fn contrast_pairs(pairs: &[LabelledPair], ratio: f64) -> Vec<LabelledPair> {
    let n = pairs.len();
    if n < 2 || ratio <= 0.0 {
        return Vec::new();
    }
    let terms: Vec<[Vec<&str>; 2]> = pairs
        .iter()
        .map(|p| {
            p.claims.each_ref().map(|c| {
                let mut t: Vec<&str> = c.terms.iter().map(String::as_str).collect();
                t.sort_unstable();
                t.dedup();
                t
            })
        })
        .collect();
    let wanted = ((n as f64 * ratio).round() as usize).min(n * 4);
    let mut out = Vec::with_capacity(wanted);
    for k in 0..wanted {
        let i = k % n;
        let round = k / n;
        let mut best: Option<(usize, usize)> = None;
        for c in 0..16usize {
            let j = (i + 1 + (c * 7919 + round * 104_729 + i * 31) % (n - 1)) % n;
            let shared = super::features::count_shared(&terms[i][0], &terms[j][1]);
            if best.is_none_or(|(_, s)| shared > s) {
                best = Some((j, shared));
            }
        }
        if let Some((j, _)) = best {
            out.push(LabelledPair {
                claims: [pairs[i].claims[0].clone(), pairs[j].claims[1].clone()],
                same: false,
            });
        }
    }
    out
}
