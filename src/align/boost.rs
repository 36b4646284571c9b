//! Gradient-boosted trees on the pair features: small, deterministic, serialised in the
//! configuration. They add to the logistic model's logit what a linear sum cannot express: that
//! an uncovered rare word matters more when the claims are otherwise near-identical, that a
//! length difference matters less when one claim only adds an attribution, and so on.
//!
//! Every tree is complete to its depth (a node that did not split sends everything left and its
//! right leaf repeats its value), so evaluation is a fixed number of comparisons per tree with no
//! branching on the tree's shape.

use serde::{Deserialize, Serialize};

use super::features::{FEATURES, FeatureVector, N_FEATURES};

const _: () = assert!(N_FEATURES <= 64, "tree walks index a 64-wide copy of the feature vector");

/// Settings and fitted trees of the boosted part of a score.
///
/// The score is `sigmoid(intercept + Σ weight_f · value_f + Σ_trees tree(values))`; with no trees
/// (`rounds` = 0, or a configuration saved before trees existed) the score is the logistic model
/// alone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Boost {
    /// Trees fitted by [`super::AlignConfig::fit`] and [`super::AlignConfig::fit_graded`]. Default: 0
    /// (no trees).
    #[serde(default)]
    pub rounds: usize,
    /// Depth of every tree (at most 6). Default: 3.
    #[serde(default = "default_depth")]
    pub depth: usize,
    /// Shrinkage of each tree's leaf values. Default: 0.05.
    #[serde(default = "default_learning_rate")]
    pub learning_rate: f64,
    /// L2 penalty on leaf values (the λ of second-order boosting). Default: 1.0.
    #[serde(default = "default_lambda")]
    pub lambda: f64,
    /// Smallest summed Hessian (p·(1−p)) a leaf may hold. Default: 5.0.
    #[serde(default = "default_min_hessian")]
    pub min_hessian: f64,
    /// Share of the training rows each tree is fitted on (rows chosen by a fixed hash of the
    /// row and the round, so fitting stays deterministic). Default: 1.0 (all rows).
    #[serde(default = "default_subsample")]
    pub subsample: f64,
    /// The fitted trees.
    #[serde(default)]
    pub trees: Vec<Tree>,
}

fn default_subsample() -> f64 {
    1.0
}

fn default_depth() -> usize {
    3
}
fn default_learning_rate() -> f64 {
    0.05
}
fn default_lambda() -> f64 {
    1.0
}
fn default_min_hessian() -> f64 {
    5.0
}

impl Default for Boost {
    fn default() -> Boost {
        Boost {
            rounds: 0,
            depth: default_depth(),
            learning_rate: default_learning_rate(),
            lambda: default_lambda(),
            min_hessian: default_min_hessian(),
            subsample: default_subsample(),
            trees: Vec::new(),
        }
    }
}

/// One complete binary tree of depth `d`: `2^d − 1` internal nodes in breadth-first order (node
/// `i` has children `2i + 1` and `2i + 2`) and `2^d` leaves, left to right. A node that does not
/// split has the threshold `f64::MAX`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tree {
    /// Feature name tested at each internal node (one of [`FEATURES`]).
    pub features: Vec<String>,
    /// A value goes right when it is greater than the node's threshold.
    pub thresholds: Vec<f64>,
    /// What each leaf adds to the logit.
    pub leaves: Vec<f64>,
}

/// Trees ready for evaluation: feature indices instead of names, all trees in flat arrays.
#[derive(Clone, Debug, Default)]
pub(crate) struct Compiled {
    depth: usize,
    /// `(threshold, feature index)` of every internal node, tree after tree.
    nodes: Vec<(f64, u32)>,
    leaves: Vec<f64>,
    /// The same trees when their depth is 3 (the shipped default's), laid out for an unrolled
    /// walk without bounds checks.
    depth3: Vec<Tree3>,
}

/// A tree of depth 3 in fixed-size arrays.
#[derive(Clone, Debug)]
struct Tree3 {
    thresholds: [f64; 7],
    features: [u8; 7],
    leaves: [f64; 8],
}

/// The index of the feature `name` in [`FEATURES`]. A scorer compiles its trees when it is made,
/// once per pair in the pair interface, so the lookup is a hash, not a scan of the names.
fn feature_index(name: &str) -> Option<usize> {
    static INDEX: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, usize>> =
        std::sync::OnceLock::new();
    INDEX
        .get_or_init(|| FEATURES.iter().enumerate().map(|(i, &f)| (f, i)).collect())
        .get(name)
        .copied()
}

impl Compiled {
    /// Compiles `boost`'s trees; `None` when a tree is malformed (wrong sizes, unknown feature).
    pub(crate) fn new(boost: &Boost) -> Option<Compiled> {
        let depth = boost.depth;
        if !(1..=6).contains(&depth) {
            return None;
        }
        let (inner, outer) = ((1usize << depth) - 1, 1usize << depth);
        let mut c = Compiled { depth, ..Compiled::default() };
        for tree in &boost.trees {
            if tree.features.len() != inner
                || tree.thresholds.len() != inner
                || tree.leaves.len() != outer
            {
                return None;
            }
            for (name, &threshold) in tree.features.iter().zip(&tree.thresholds) {
                let f = feature_index(name)?;
                c.nodes.push((threshold, f as u32));
            }
            c.leaves.extend(&tree.leaves);
        }
        if depth == 3 {
            c.depth3 = c
                .nodes
                .chunks_exact(inner)
                .zip(c.leaves.chunks_exact(outer))
                .map(|(nodes, leaves)| Tree3 {
                    thresholds: std::array::from_fn(|i| nodes[i].0),
                    features: std::array::from_fn(|i| nodes[i].1 as u8),
                    leaves: std::array::from_fn(|i| leaves[i]),
                })
                .collect();
        }
        Some(c)
    }

    /// Whether there are no trees.
    pub(crate) fn is_empty(&self) -> bool {
        self.leaves.is_empty()
    }

    /// The summed output of all trees on `x`.
    pub(crate) fn eval(&self, x: &FeatureVector) -> f64 {
        if !self.depth3.is_empty() {
            // Feature indices are below 64 (checked when compiling), so a 64-wide copy of the
            // vector is indexed without bounds checks; the node indices of an unrolled walk are
            // provably in range.
            let mut v = [0.0; 64];
            v[..N_FEATURES].copy_from_slice(x);
            let at = |f: u8| v[usize::from(f & 63)];
            let mut sum = 0.0;
            for t in &self.depth3 {
                let n1 = 1 + usize::from(at(t.features[0]) > t.thresholds[0]);
                let n2 = 2 * n1 + 1 + usize::from(at(t.features[n1]) > t.thresholds[n1]);
                let leaf = 2 * n2 + 1 + usize::from(at(t.features[n2]) > t.thresholds[n2]) - 7;
                sum += t.leaves[leaf];
            }
            return sum;
        }
        let (inner, outer) = ((1usize << self.depth) - 1, 1usize << self.depth);
        let mut sum = 0.0;
        for (nodes, leaves) in self.nodes.chunks_exact(inner).zip(self.leaves.chunks_exact(outer)) {
            let mut node = 0usize;
            for _ in 0..self.depth {
                let (threshold, f) = nodes[node];
                node = 2 * node + 1 + usize::from(x[f as usize] > threshold);
            }
            sum += leaves[node - inner];
        }
        sum
    }

    /// The trees' output on `x` attributed to features: walking each tree's path, the change of
    /// the expected output at each split goes to the feature tested there (so the parts sum to
    /// [`Compiled::eval`] minus the trees' average output, which is returned as the first item).
    pub(crate) fn attribute(&self, x: &FeatureVector) -> (f64, FeatureVector) {
        let (inner, outer) = ((1usize << self.depth) - 1, 1usize << self.depth);
        let mut parts = [0.0; N_FEATURES];
        let mut base_sum = 0.0;
        for (nodes, leaves) in self.nodes.chunks_exact(inner).zip(self.leaves.chunks_exact(outer)) {
            let (mut node, mut lo, mut width) = (0usize, 0usize, outer);
            let mean =
                |lo: usize, width: usize| leaves[lo..lo + width].iter().sum::<f64>() / width as f64;
            let mut expected = mean(0, outer);
            base_sum += expected;
            for _ in 0..self.depth {
                let (threshold, f) = nodes[node];
                let f = f as usize;
                let go_right = x[f] > threshold;
                width /= 2;
                if go_right {
                    lo += width;
                }
                let next = mean(lo, width);
                parts[f] += next - expected;
                expected = next;
                node = 2 * node + 1 + usize::from(go_right);
            }
        }
        (base_sum, parts)
    }
}

/// Candidate split points of each feature: midpoints between distinct values at up to `bins`
/// quantiles of the training rows.
fn cut_points(xs: &[FeatureVector], bins: usize) -> Vec<Vec<f64>> {
    (0..N_FEATURES)
        .map(|f| {
            let mut v: Vec<f64> = xs.iter().map(|x| x[f]).collect();
            v.sort_by(f64::total_cmp);
            v.dedup();
            if v.len() <= 1 {
                return Vec::new();
            }
            let mut cuts: Vec<f64> = if v.len() <= bins {
                v.windows(2).map(|w| (w[0] + w[1]) / 2.0).collect()
            } else {
                (1..bins)
                    .map(|k| {
                        let i = k * (v.len() - 1) / bins;
                        (v[i] + v[i + 1]) / 2.0
                    })
                    .collect()
            };
            cuts.dedup();
            cuts
        })
        .collect()
}

/// Fits `boost.rounds` trees by second-order gradient boosting of the logistic loss, starting
/// from the margins `base` (the logistic model's logits), to targets `ys` in [0, 1].
/// Deterministic: no sampling, ties between splits go to the lower feature and cut.
///
/// **Complexity**: O(rounds · depth · n · f) for n rows and f features, with rows binned once.
pub(crate) fn fit(boost: &Boost, xs: &[FeatureVector], ys: &[f64], base: &[f64]) -> Vec<Tree> {
    const BINS: usize = 32;
    let depth = boost.depth.clamp(1, 6);
    let cuts = cut_points(xs, BINS);
    // Each row's bin per feature: the number of cuts below its value.
    let binned: Vec<[u8; N_FEATURES]> = xs
        .iter()
        .map(|x| {
            let mut b = [0u8; N_FEATURES];
            for f in 0..N_FEATURES {
                b[f] = cuts[f].partition_point(|&c| c < x[f]) as u8;
            }
            b
        })
        .collect();
    let mut margin: Vec<f64> = base.to_vec();
    let mut trees = Vec::with_capacity(boost.rounds);
    let (inner, outer) = ((1usize << depth) - 1, 1usize << depth);
    let mut node_of = vec![0usize; xs.len()];
    let keep = (boost.subsample.clamp(0.0, 1.0) * f64::from(u32::MAX)) as u64;
    for round in 0..boost.rounds {
        // Rows left out of this round weigh nothing in its splits and leaves.
        let (g, h): (Vec<f64>, Vec<f64>) = margin
            .iter()
            .zip(ys)
            .enumerate()
            .map(|(r, (&m, &y))| {
                if keep < u64::from(u32::MAX) && row_hash(r, round) > keep {
                    return (0.0, 0.0);
                }
                let p = super::learn::sigmoid(m);
                (p - y, (p * (1.0 - p)).max(1e-6))
            })
            .unzip();
        let mut features = vec![0u8; inner];
        // A node that does not split sends everything left: no value exceeds `f64::MAX` (finite,
        // so that it survives JSON).
        let mut thresholds = vec![f64::MAX; inner];
        node_of.iter_mut().for_each(|n| *n = 0);
        for level in 0..depth {
            let first = (1 << level) - 1;
            let count = 1 << level;
            // Histograms of gradient and Hessian per node of this level, feature and bin.
            let stride = BINS + 1;
            let mut hist_g = vec![0.0; count * N_FEATURES * stride];
            let mut hist_h = vec![0.0; count * N_FEATURES * stride];
            for (r, row) in binned.iter().enumerate() {
                let n = node_of[r] - first;
                for (f, &bin) in row.iter().enumerate() {
                    let k = (n * N_FEATURES + f) * stride + usize::from(bin);
                    hist_g[k] += g[r];
                    hist_h[k] += h[r];
                }
            }
            for n in 0..count {
                let mut best: Option<(f64, usize, usize)> = None;
                for (f, feature_cuts) in cuts.iter().enumerate() {
                    let at = (n * N_FEATURES + f) * stride;
                    let (hg, hh) = (&hist_g[at..at + stride], &hist_h[at..at + stride]);
                    let (gt, ht): (f64, f64) = (hg.iter().sum(), hh.iter().sum());
                    let parent = gt * gt / (ht + boost.lambda);
                    let (mut gl, mut hl) = (0.0, 0.0);
                    for c in 0..feature_cuts.len() {
                        gl += hg[c];
                        hl += hh[c];
                        let (gr, hr) = (gt - gl, ht - hl);
                        if hl < boost.min_hessian || hr < boost.min_hessian {
                            continue;
                        }
                        let gain =
                            gl * gl / (hl + boost.lambda) + gr * gr / (hr + boost.lambda) - parent;
                        if gain > 1e-9 && best.is_none_or(|(b, _, _)| gain > b) {
                            best = Some((gain, f, c));
                        }
                    }
                }
                if let Some((_, f, c)) = best {
                    features[first + n] = f as u8;
                    thresholds[first + n] = cuts[f][c];
                }
            }
            for (r, x) in xs.iter().enumerate() {
                let n = node_of[r];
                let right = x[usize::from(features[n])] > thresholds[n];
                node_of[r] = 2 * n + 1 + usize::from(right);
            }
        }
        let (mut lg, mut lh) = (vec![0.0; outer], vec![0.0; outer]);
        for (r, &n) in node_of.iter().enumerate() {
            lg[n - inner] += g[r];
            lh[n - inner] += h[r];
        }
        let leaves: Vec<f64> = lg
            .iter()
            .zip(&lh)
            .map(|(&g, &h)| -boost.learning_rate * g / (h + boost.lambda))
            .collect();
        for (r, &n) in node_of.iter().enumerate() {
            margin[r] += leaves[n - inner];
        }
        trees.push(Tree {
            features: features.iter().map(|&f| FEATURES[usize::from(f)].to_string()).collect(),
            thresholds,
            leaves,
        });
    }
    trees
}

/// A fixed 32-bit hash of a row and a round (splitmix64), for deterministic subsampling.
fn row_hash(row: usize, round: usize) -> u64 {
    crate::rng::SplitMix64::hash((row as u64) << 20 ^ round as u64) >> 32
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An XOR of two features, which no linear model separates, is learnt by depth-2 trees.
    #[test]
    fn learns_an_interaction() {
        let mut xs = Vec::new();
        let mut ys = Vec::new();
        for i in 0..400 {
            let mut x = [0.0; N_FEATURES];
            x[0] = f64::from(i % 20) / 20.0;
            x[1] = f64::from((i / 20) % 20) / 20.0;
            ys.push(f64::from(u8::from((x[0] > 0.5) != (x[1] > 0.5))));
            xs.push(x);
        }
        let boost = Boost { rounds: 60, depth: 2, learning_rate: 0.3, ..Boost::default() };
        let trees = fit(&boost, &xs, &ys, &vec![0.0; xs.len()]);
        let compiled = Compiled::new(&Boost { trees, ..boost }).unwrap();
        let correct =
            xs.iter().zip(&ys).filter(|(x, y)| (compiled.eval(x) > 0.0) == (**y > 0.5)).count();
        assert!(correct >= 390, "{correct} of 400");
        let (base, parts) = compiled.attribute(&xs[7]);
        assert!(compiled.depth3.is_empty());
        let total = base + parts.iter().sum::<f64>();
        assert!((total - compiled.eval(&xs[7])).abs() < 1e-9);
    }

    /// The unrolled walk of depth-3 trees gives what the general walk gives.
    #[test]
    fn depth_three_walk_equals_the_general_walk() {
        let xs: Vec<FeatureVector> = (0..300)
            .map(|i| std::array::from_fn(|f| f64::from((i * 7 + f as i32 * 13) % 29) / 29.0))
            .collect();
        let ys: Vec<f64> =
            xs.iter().map(|x| f64::from(u8::from(x[3] + x[5] * x[8] > 0.7))).collect();
        let boost = Boost { rounds: 20, depth: 3, learning_rate: 0.3, ..Boost::default() };
        let trees = fit(&boost, &xs, &ys, &vec![0.0; xs.len()]);
        let fast = Compiled::new(&Boost { trees, ..boost }).unwrap();
        assert_eq!(fast.depth3.len(), 20);
        let general = Compiled { depth3: Vec::new(), ..fast.clone() };
        for x in &xs {
            assert_eq!(fast.eval(x), general.eval(x));
        }
    }
}
