//! The truth-discovery algorithms: per-source trust and per-claim belief from the incidence
//! between sources and claims.
//!
//! Notation (as in the conformance spec): `S` is the source × claim 0/1 matrix, `n_s` the number
//! of claims of source `s`, `count_c` the number of sources making claim `c`, `M` the claim ×
//! claim matrix with 1 where two claims are about the same variable (diagonal included); *max
//! normalisation* divides a vector by its largest entry. Every product with `S`, `Sᵀ` or `M` is a
//! gather over the CSR arrays of [`Dataset`], run in parallel with rayon, so one iteration costs
//! O(statements + claims).

use std::collections::HashMap;

use crate::par::*;

use super::dataset::Dataset;

/// Below this many rows a parallel loop costs more than it saves.
const PAR_MIN: usize = 4096;

/// A truth-discovery algorithm with its parameters.
///
/// The defaults of each constructor are those of the Python library `truthdiscovery` 1.0.4 (the
/// conformance configuration).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Algorithm {
    /// Majority vote: belief `count_c / max(count)`, every source's trust 1.
    ///
    /// **Complexity**: O(claims).
    Voting,
    /// Sums, or hubs and authorities (Kleinberg 1999, as applied by Pasternack & Roth, "Knowing
    /// What to Believe (when you already know something)", COLING 2010). From belief 0.5 for
    /// every claim, each iteration sets `t = S·b`, `b = Sᵀ·t`, and max-normalises both.
    ///
    /// **Complexity**: O(iterations · (statements + claims)).
    Sums {
        /// Iterations (conformance: 20).
        iterations: usize,
    },
    /// AverageLog (Pasternack & Roth 2010): as Sums, but a source's trust is weighted by
    /// `ln(n_s) / n_s`, so that many claims count, but sub-linearly.
    ///
    /// **Complexity**: O(iterations · (statements + claims)).
    AverageLog {
        /// Iterations (conformance: 20).
        iterations: usize,
    },
    /// Investment (Pasternack & Roth 2010): each source invests its trust evenly in its claims
    /// and is paid back in proportion to its share of each claim's investment times the claim's
    /// belief; belief grows as the invested trust to the power `g`. Prior belief: the vote share
    /// of each claim within its variable.
    ///
    /// **Complexity**: O(iterations · (statements + claims)).
    Investment {
        /// Exponent of belief growth (conformance: 1.2).
        g: f64,
        /// Iterations (conformance: 20).
        iterations: usize,
    },
    /// PooledInvestment (Pasternack & Roth 2010): as Investment, but the grown investment of a
    /// claim is shared out among the claims of its variable (`b_c = base_c · r_c / (M·r)_c`,
    /// `r = base^g`), so mutually exclusive claims compete. Prior belief: uniform within each
    /// variable.
    ///
    /// **Complexity**: O(iterations · (statements + claims)).
    PooledInvestment {
        /// Exponent of belief growth (conformance: 1.4).
        g: f64,
        /// Iterations (conformance: 10).
        iterations: usize,
    },
    /// TruthFinder (Yin, Han & Yu, "Truth Discovery with Multiple Conflicting Information
    /// Providers on the Web", KDD 2007); see [`TruthFinder`].
    ///
    /// **Complexity**: O(iterations · (statements + claims + implication pairs)); the
    /// implication pairs are those of claims about one variable, computed once.
    TruthFinder(TruthFinder),
}

/// TruthFinder's parameters.
///
/// Each iteration: `τ_s = −ln(1 − t_s)`; `σ_c = Σ_s S[s,c]·τ_s`; `σ*_c = σ_c + ρ·Σ_{c'}
/// imp(c' → c)·σ_{c'}` over the other claims `c'` of the same variable; belief `b_c = 1 / (1 +
/// exp(−γ·σ*_c))`; a source's new trust is the mean belief of its claims. It stops when the
/// cosine distance between successive trust vectors falls below `threshold`, when a trust
/// reaches exactly 1, or after `max_iterations`.
///
/// Implication `imp(c' → c)` is `implication(v', v) − base_similarity`, with
/// [`Value::implication`](super::Value::implication) and `number_scale` as the tolerance:
/// positive when similar values support each other, negative when they compete.
///
/// With `copy_discount`, sources that copy one another count less (after Dong, Berti-Equille &
/// Srivastava, "Integrating Conflicting Data: The Role of Source Dependence", VLDB 2009, whose
/// key signal is that independent sources rarely share the same *false* values). A first run
/// gives each variable a winner; the dependence `d(a, b)` of two sources is the cosine
/// similarity of their sets of losing claims, with one pseudo-count so that a single shared
/// loss is weak evidence, `|L_a ∩ L_b| / (√(|L_a|·|L_b|) + 1)`; in a second run,
/// source `s` adds `w·τ_s` to `σ_c` with `w = 1 / (1 + Σ_t d(s, t))` over the other sources `t`
/// of claim `c`, so that `k` sources copying one another weigh about as much as one, while
/// sources that only agree on winning values keep full weight.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct TruthFinder {
    /// ρ, the weight of implication from other claims (conformance: 0.5).
    pub rho: f64,
    /// γ, the dampening factor of the logistic belief (conformance: 0.3).
    pub gamma: f64,
    /// The trust every source starts with (conformance: 0.9).
    pub initial_trust: f64,
    /// Stop when the cosine distance between successive trust vectors is below this
    /// (conformance: 0.001).
    pub threshold: f64,
    /// Never run more iterations than this (conformance: 200).
    pub max_iterations: usize,
    /// Subtracted from similarity to give implication (conformance: 0, so that numbers imply
    /// `exp(−0.5·(v1 − v2)²)`; the paper suggests 0.5 so that dissimilar values compete).
    pub base_similarity: f64,
    /// Tolerance for numbers and dates (conformance: 1).
    pub number_scale: f64,
    /// Discount the votes of sources that share losing claims (conformance: false); costs a
    /// second run plus O(Σ over losing claims of their sources²) to measure the dependence.
    pub copy_discount: bool,
    /// A source stating `k` different values for one variable gives each `1/k` of its vote
    /// (conformance: false, each gets a full vote): a seller listing a book twice with two
    /// author lists is unsure, not twice as sure.
    pub split_votes: bool,
}

impl Default for TruthFinder {
    fn default() -> TruthFinder {
        TruthFinder {
            rho: 0.5,
            gamma: 0.3,
            initial_trust: 0.9,
            threshold: 0.001,
            max_iterations: 200,
            base_similarity: 0.0,
            number_scale: 1.0,
            copy_discount: false,
            split_votes: false,
        }
    }
}

impl Algorithm {
    /// Every algorithm in its conformance configuration, in a fixed order.
    pub fn all() -> Vec<Algorithm> {
        vec![
            Algorithm::Voting,
            Algorithm::Sums { iterations: 20 },
            Algorithm::AverageLog { iterations: 20 },
            Algorithm::Investment { g: 1.2, iterations: 20 },
            Algorithm::PooledInvestment { g: 1.4, iterations: 10 },
            Algorithm::TruthFinder(TruthFinder::default()),
        ]
    }

    /// The algorithm with this snake_case name in its conformance configuration: `voting`,
    /// `sums`, `average_log`, `investment`, `pooled_investment`, `truthfinder`.
    pub fn from_name(name: &str) -> Option<Algorithm> {
        Algorithm::all().into_iter().find(|a| a.name() == name)
    }

    /// The snake_case name.
    pub fn name(&self) -> &'static str {
        match self {
            Algorithm::Voting => "voting",
            Algorithm::Sums { .. } => "sums",
            Algorithm::AverageLog { .. } => "average_log",
            Algorithm::Investment { .. } => "investment",
            Algorithm::PooledInvestment { .. } => "pooled_investment",
            Algorithm::TruthFinder(_) => "truthfinder",
        }
    }

    /// Runs the algorithm on `data`.
    pub fn run(&self, data: &Dataset) -> Outcome {
        match self {
            Algorithm::Voting => voting(data),
            Algorithm::Sums { iterations } => sums(data, *iterations, false),
            Algorithm::AverageLog { iterations } => sums(data, *iterations, true),
            Algorithm::Investment { g, iterations } => investment(data, *g, *iterations, false),
            Algorithm::PooledInvestment { g, iterations } => {
                investment(data, *g, *iterations, true)
            }
            Algorithm::TruthFinder(tf) => truthfinder(data, tf),
        }
    }
}

/// What an algorithm concludes: a trust per source and a belief per claim.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Outcome {
    /// Trust per source index.
    pub trust: Vec<f64>,
    /// Belief per claim index.
    pub belief: Vec<f64>,
    /// Iterations run.
    pub iterations: usize,
    /// TruthFinder only: each claim's adjusted confidence score `σ*` of the last iteration, the
    /// logistic of which is its belief. Beliefs of well-supported claims saturate to exactly 1.0
    /// in floating point, so [`Outcome::winner`] breaks ties between equal beliefs by this score
    /// (the same order as the belief wherever the belief can still tell claims apart).
    pub score: Option<Vec<f64>>,
}

impl Outcome {
    /// The claim of `variable` with the highest belief; equal beliefs are ordered by
    /// [`score`](Outcome::score) when there is one, and remaining ties go to the claim seen
    /// first. `None` when the variable has no claims.
    pub fn winner(&self, data: &Dataset, variable: usize) -> Option<usize> {
        let key = |c: usize| (self.belief[c], self.score.as_ref().map_or(0.0, |s| s[c]));
        let mut best: Option<usize> = None;
        for c in data.variable_claims(variable) {
            if best.is_none_or(|b| key(c) > key(b)) {
                best = Some(c);
            }
        }
        best
    }
}

fn voting(data: &Dataset) -> Outcome {
    let counts: Vec<f64> = (0..data.n_claims()).map(|c| data.sources_of(c).len() as f64).collect();
    let mut belief = counts;
    max_normalise(&mut belief);
    Outcome { trust: vec![1.0; data.n_sources()], belief, iterations: 0, score: None }
}

fn sums(data: &Dataset, iterations: usize, average_log: bool) -> Outcome {
    let weight: Vec<f64> = (0..data.n_sources())
        .map(|s| {
            let n = data.claims_of(s).len() as f64;
            if average_log { n.ln() / n } else { 1.0 }
        })
        .collect();
    let mut trust = vec![0.0; data.n_sources()];
    let mut belief = vec![0.5; data.n_claims()];
    for _ in 0..iterations {
        fill(&mut trust, |s| {
            weight[s] * data.claims_of(s).iter().map(|&c| belief[c as usize]).sum::<f64>()
        });
        fill(&mut belief, |c| data.sources_of(c).iter().map(|&s| trust[s as usize]).sum());
        max_normalise(&mut trust);
        max_normalise(&mut belief);
    }
    Outcome { trust, belief, iterations, score: None }
}

fn investment(data: &Dataset, g: f64, iterations: usize, pooled: bool) -> Outcome {
    let n_claims = data.n_claims();
    let n_s: Vec<f64> = (0..data.n_sources()).map(|s| data.claims_of(s).len() as f64).collect();
    let mut belief: Vec<f64> = if pooled {
        (0..n_claims)
            .map(|c| 1.0 / data.variable_claims(data.claim_variable(c)).len() as f64)
            .collect()
    } else {
        let counts: Vec<f64> = (0..n_claims).map(|c| data.sources_of(c).len() as f64).collect();
        let totals = per_variable_sum(data, &counts);
        (0..n_claims).map(|c| counts[c] / totals[data.claim_variable(c)]).collect()
    };
    let mut trust = vec![1.0; data.n_sources()];
    let mut invested = vec![0.0; data.n_sources()];
    let mut total = vec![0.0; n_claims];
    let mut new_trust = vec![0.0; data.n_sources()];
    let mut share = vec![0.0; data.n_sources()];
    let mut return_rate = vec![0.0; n_claims];
    let mut base = vec![0.0; n_claims];
    let mut done = 0;
    for _ in 0..iterations {
        fill(&mut invested, |s| trust[s] / n_s[s]);
        fill(&mut total, |c| data.sources_of(c).iter().map(|&s| invested[s as usize]).sum());
        if total.contains(&0.0) {
            break;
        }
        // Per-claim and per-source quotients once, so that the loops over statements only add.
        fill(&mut return_rate, |c| belief[c] / total[c]);
        fill(&mut new_trust, |s| {
            invested[s] * data.claims_of(s).iter().map(|&c| return_rate[c as usize]).sum::<f64>()
        });
        fill(&mut share, |s| new_trust[s] / n_s[s]);
        fill(&mut base, |c| data.sources_of(c).iter().map(|&s| share[s as usize]).sum());
        if pooled {
            let grown: Vec<f64> = base.iter().map(|b| b.powf(g)).collect();
            let pools = per_variable_sum(data, &grown);
            fill(&mut belief, |c| base[c] * grown[c] / pools[data.claim_variable(c)]);
        } else {
            fill(&mut belief, |c| base[c].powf(g));
        }
        max_normalise(&mut new_trust);
        max_normalise(&mut belief);
        std::mem::swap(&mut trust, &mut new_trust);
        done += 1;
    }
    Outcome { trust, belief, iterations: done, score: None }
}

/// Implication pairs in CSR form: for claim `c`, the (other claim, imp(other → c)) pairs that
/// are non-zero.
struct Implications {
    start: Vec<usize>,
    pairs: Vec<(u32, f64)>,
}

fn implications(data: &Dataset, tf: &TruthFinder) -> Implications {
    let per_claim: Vec<Vec<(u32, f64)>> = par_map(data.n_claims(), |c| {
        let v = data.value(c);
        data.variable_claims(data.claim_variable(c))
            .filter(|&o| o != c)
            .filter_map(|o| {
                let imp = data.value(o).implication(v, tf.number_scale) - tf.base_similarity;
                (imp != 0.0).then_some((o as u32, imp))
            })
            .collect()
    });
    let mut start = Vec::with_capacity(per_claim.len() + 1);
    start.push(0);
    let mut pairs = Vec::new();
    for p in per_claim {
        pairs.extend(p);
        start.push(pairs.len());
    }
    Implications { start, pairs }
}

fn truthfinder(data: &Dataset, tf: &TruthFinder) -> Outcome {
    let imps = implications(data, tf);
    let split = tf.split_votes.then(|| split_weights(data));
    let first = truthfinder_run(data, tf, &imps, split.as_deref());
    if !tf.copy_discount {
        return first;
    }
    let mut weights = copy_weights(data, &first);
    if let Some(split) = split {
        for (w, s) in weights.iter_mut().zip(split) {
            w.iter_mut().zip(s).for_each(|(w, s)| *w *= s);
        }
    }
    truthfinder_run(data, tf, &imps, Some(&weights))
}

/// Per claim, `1 / k` for each of its sources (aligned with [`Dataset::sources_of`]), where
/// `k` is how many claims that source makes about the claim's variable.
fn split_weights(data: &Dataset) -> Vec<Vec<f64>> {
    par_map(data.n_claims(), |c| {
        let v = data.claim_variable(c);
        data.sources_of(c)
            .iter()
            .map(|&s| {
                // A source's claims are sorted by claim index, and a variable's claims are
                // contiguous, so its claims about `v` are one run, found by two searches.
                let own = data.claims_of(s as usize);
                let range = data.variable_claims(v);
                let lo = own.partition_point(|&o| (o as usize) < range.start);
                let hi = own.partition_point(|&o| (o as usize) < range.end);
                1.0 / (hi - lo).max(1) as f64
            })
            .collect()
    })
}

/// Per claim, the weight of each of its sources (aligned with [`Dataset::sources_of`]):
/// `1 / (1 + Σ_t d(s, t))` over the claim's other sources `t`, where `d` is the (smoothed)
/// cosine similarity of two sources' sets of losing claims under `outcome` (see
/// [`TruthFinder`]).
fn copy_weights(data: &Dataset, outcome: &Outcome) -> Vec<Vec<f64>> {
    let mut winning = vec![false; data.n_claims()];
    for v in 0..data.n_variables() {
        if let Some(w) = outcome.winner(data, v) {
            winning[w] = true;
        }
    }
    let mut losing = vec![0u32; data.n_sources()];
    let mut shared: HashMap<(u32, u32), u32> = HashMap::new();
    for c in (0..data.n_claims()).filter(|&c| !winning[c]) {
        let sources = data.sources_of(c);
        for (i, &a) in sources.iter().enumerate() {
            losing[a as usize] += 1;
            for &b in &sources[i + 1..] {
                *shared.entry((a.min(b), a.max(b))).or_default() += 1;
            }
        }
    }
    let dependence = |a: u32, b: u32| -> f64 {
        shared.get(&(a.min(b), a.max(b))).map_or(0.0, |&n| {
            f64::from(n)
                / ((f64::from(losing[a as usize]) * f64::from(losing[b as usize])).sqrt() + 1.0)
        })
    };
    par_map(data.n_claims(), |c| {
        let sources = data.sources_of(c);
        sources
            .iter()
            .map(|&s| {
                let copied: f64 =
                    sources.iter().filter(|&&t| t != s).map(|&t| dependence(s, t)).sum();
                1.0 / (1.0 + copied)
            })
            .collect()
    })
}

/// One TruthFinder run; `weights`, when given, scales each source's vote per claim (aligned
/// with [`Dataset::sources_of`]).
fn truthfinder_run(
    data: &Dataset,
    tf: &TruthFinder,
    imps: &Implications,
    weights: Option<&[Vec<f64>]>,
) -> Outcome {
    let n_claims = data.n_claims();
    let mut trust = vec![tf.initial_trust; data.n_sources()];
    let mut belief = vec![0.0; n_claims];
    let mut tau = vec![0.0; data.n_sources()];
    let mut sigma = vec![0.0; n_claims];
    let mut adjusted = vec![0.0; n_claims];
    let mut new_trust = vec![0.0; data.n_sources()];
    let mut done = 0;
    while done < tf.max_iterations {
        if trust.contains(&1.0) {
            break;
        }
        fill(&mut tau, |s| -(1.0 - trust[s]).ln());
        match weights {
            None => fill(&mut sigma, |c| data.sources_of(c).iter().map(|&s| tau[s as usize]).sum()),
            Some(w) => fill(&mut sigma, |c| {
                data.sources_of(c).iter().zip(&w[c]).map(|(&s, &w)| w * tau[s as usize]).sum()
            }),
        }
        fill(&mut adjusted, |c| {
            let support: f64 = imps.pairs[imps.start[c]..imps.start[c + 1]]
                .iter()
                .map(|&(o, imp)| imp * sigma[o as usize])
                .sum();
            sigma[c] + tf.rho * support
        });
        fill(&mut belief, |c| 1.0 / (1.0 + (-tf.gamma * adjusted[c]).exp()));
        fill(&mut new_trust, |s| {
            let claims = data.claims_of(s);
            claims.iter().map(|&c| belief[c as usize]).sum::<f64>() / claims.len() as f64
        });
        done += 1;
        let distance = cosine_distance(&new_trust, &trust);
        std::mem::swap(&mut trust, &mut new_trust);
        if distance < tf.threshold {
            break;
        }
    }
    Outcome { trust, belief, iterations: done, score: Some(adjusted) }
}

/// `1 − a·b / (|a||b|)`, clipped to [0, 1]; 1 when a norm is 0.
fn cosine_distance(a: &[f64], b: &[f64]) -> f64 {
    let dot: f64 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    let na = a.iter().map(|x| x * x).sum::<f64>().sqrt();
    let nb = b.iter().map(|x| x * x).sum::<f64>().sqrt();
    if na == 0.0 || nb == 0.0 {
        return 1.0;
    }
    (1.0 - dot / (na * nb)).clamp(0.0, 1.0)
}

/// Sum of `x` over the claims of each variable.
fn per_variable_sum(data: &Dataset, x: &[f64]) -> Vec<f64> {
    (0..data.n_variables()).map(|v| data.variable_claims(v).map(|c| x[c]).sum()).collect()
}

/// Divides by the largest entry, when it is positive.
fn max_normalise(x: &mut [f64]) {
    let max = x.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if max > 0.0 {
        x.iter_mut().for_each(|v| *v /= max);
    }
}

/// `out[i] = f(i)`, in parallel for long vectors.
fn fill(out: &mut [f64], f: impl Fn(usize) -> f64 + Sync) {
    if out.len() >= PAR_MIN {
        out.par_iter_mut().enumerate().for_each(|(i, v)| *v = f(i));
    } else {
        out.iter_mut().enumerate().for_each(|(i, v)| *v = f(i));
    }
}

fn par_map<T: Send>(n: usize, f: impl Fn(usize) -> T + Sync + Send) -> Vec<T> {
    if n >= PAR_MIN { (0..n).into_par_iter().map(f).collect() } else { (0..n).map(f).collect() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::truth::{DatasetBuilder, Value};

    /// Three reliable sources agree on every variable; one unreliable source disagrees.
    fn fixture() -> Dataset {
        let mut b = DatasetBuilder::new();
        for v in 0..5 {
            let obj = format!("o{v}");
            for s in ["good1", "good2", "good3"] {
                b.add(s, &obj, "x", Value::Number(v as f64));
            }
            b.add("bad", &obj, "x", Value::Number(v as f64 + 10.0));
        }
        b.build()
    }

    #[test]
    fn every_algorithm_trusts_the_agreeing_sources() {
        let d = fixture();
        let bad = d.source_index("bad").unwrap();
        let good = d.source_index("good1").unwrap();
        for alg in Algorithm::all() {
            let out = alg.run(&d);
            assert_eq!(out.trust.len(), d.n_sources());
            assert_eq!(out.belief.len(), d.n_claims());
            // Voting trusts everyone alike; PooledInvestment pays a source fully for a claim it
            // alone makes, so a lone dissenter ends as trusted as the majority (a known trait of
            // linear investment), while the beliefs below still pick the majority's values.
            if !matches!(alg, Algorithm::Voting | Algorithm::PooledInvestment { .. }) {
                assert!(out.trust[good] > out.trust[bad], "{}: {:?}", alg.name(), out.trust);
            }
            for v in 0..5 {
                let var = d.variable_index(&format!("o{v}"), "x").unwrap();
                let w = out.winner(&d, var).unwrap();
                assert_eq!(d.value(w).as_number(), Some(v as f64), "{}", alg.name());
            }
            assert!(out.belief.iter().all(|b| b.is_finite() && *b >= 0.0), "{}", alg.name());
        }
    }

    /// Three sources that copy one another (they share every wrong value) against two
    /// independent ones on a contested variable.
    fn copiers() -> Dataset {
        let mut b = DatasetBuilder::new();
        for v in 0..6 {
            let obj = format!("agreed{v}");
            for s in ["i1", "i2", "i3", "i4", "c1", "c2", "c3"] {
                b.add(s, &obj, "x", Value::Number(0.0));
            }
        }
        for v in 0..4 {
            let obj = format!("copied{v}");
            for s in ["i1", "i2", "i3", "i4"] {
                b.add(s, &obj, "x", Value::Number(0.0));
            }
            for s in ["c1", "c2", "c3"] {
                b.add(s, &obj, "x", Value::Number(100.0 + f64::from(v)));
            }
        }
        for s in ["i1", "i2"] {
            b.add(s, "contested", "x", Value::Number(1.0));
        }
        for s in ["c1", "c2", "c3"] {
            b.add(s, "contested", "x", Value::Number(50.0));
        }
        b.build()
    }

    #[test]
    fn copy_discount_weighs_copiers_as_one() {
        let d = copiers();
        let plain = TruthFinder { base_similarity: 0.5, ..TruthFinder::default() };
        let discounted = TruthFinder { copy_discount: true, ..plain.clone() };
        let contested = d.variable_index("contested", "x").unwrap();
        let pick = |tf: &TruthFinder| {
            let out = Algorithm::TruthFinder(tf.clone()).run(&d);
            d.value(out.winner(&d, contested).unwrap()).as_number().unwrap()
        };
        assert_eq!(pick(&plain), 50.0);
        assert_eq!(pick(&discounted), 1.0);
        // The copiers share all four of their losing claims: dependence 4 / (4 + 1) between
        // each pair, so each votes 1 / (1 + 2·0.8) on the contested claim. The first run lets
        // the copiers win it, so the independent pair shares that one loss: 1 / (1 + 1) each,
        // a much weaker discount.
        let first = truthfinder(&d, &plain);
        let weights = copy_weights(&d, &first);
        let claim =
            |x: f64| d.variable_claims(contested).find(|&c| d.value(c).as_number() == Some(x));
        assert!(weights[claim(50.0).unwrap()].iter().all(|w| (w - 1.0 / 2.6).abs() < 1e-12));
        assert!(weights[claim(1.0).unwrap()].iter().all(|w| (w - 1.0 / 1.5).abs() < 1e-12));
        // Sources that never lose together keep their full vote.
        let agreed = d.variable_index("agreed0", "x").unwrap();
        let c = d.variable_claims(agreed).next().unwrap();
        let i3 = d.sources_of(c).iter().position(|&s| d.source_name(s as usize) == "i3");
        assert_eq!(weights[c][i3.unwrap()], 1.0);
        // Off by default: the conformance configuration is untouched.
        assert!(!TruthFinder::default().copy_discount);
    }

    #[test]
    fn split_votes_share_a_source_vote_among_its_values() {
        // "undecided" states two values for the contested variable; the others one each.
        let mut b = DatasetBuilder::new();
        for (s, x) in [("a", 1.0), ("b", 2.0), ("undecided", 1.0), ("undecided", 9.0)] {
            b.add(s, "contested", "x", Value::Number(x));
        }
        b.add("undecided", "other", "x", Value::Number(5.0));
        let d = b.build();
        let w = split_weights(&d);
        let weight_of = |x: f64, source: &str| {
            let v = d.variable_index("contested", "x").unwrap();
            let c = d.variable_claims(v).find(|&c| d.value(c).as_number() == Some(x)).unwrap();
            let i = d.sources_of(c).iter().position(|&s| d.source_name(s as usize) == source);
            w[c][i.unwrap()]
        };
        assert_eq!(weight_of(1.0, "undecided"), 0.5);
        assert_eq!(weight_of(9.0, "undecided"), 0.5);
        assert_eq!(weight_of(1.0, "a"), 1.0);
        assert_eq!(weight_of(2.0, "b"), 1.0);
        let other = d.variable_index("other", "x").unwrap();
        assert_eq!(w[d.variable_claims(other).start], vec![1.0]);
        // Without splitting, value 1 has two full votes against one; with it, one and a half.
        let plain = TruthFinder { base_similarity: 0.5, ..TruthFinder::default() };
        let split = TruthFinder { split_votes: true, ..plain.clone() };
        let sigma = |tf: &TruthFinder| {
            let out = Algorithm::TruthFinder(tf.clone()).run(&d);
            let v = d.variable_index("contested", "x").unwrap();
            let c = d.variable_claims(v).find(|&c| d.value(c).as_number() == Some(1.0)).unwrap();
            out.score.unwrap()[c]
        };
        assert!(sigma(&split) < sigma(&plain));
        assert!(!TruthFinder::default().split_votes);
    }

    #[test]
    fn names_round_trip() {
        for alg in Algorithm::all() {
            assert_eq!(Algorithm::from_name(alg.name()), Some(alg.clone()));
        }
        assert_eq!(Algorithm::from_name("nope"), None);
    }

    #[test]
    fn cosine_distance_edges() {
        assert_eq!(cosine_distance(&[0.0, 0.0], &[1.0, 0.0]), 1.0);
        assert!(cosine_distance(&[1.0, 2.0], &[2.0, 4.0]) < 1e-15);
        assert!((cosine_distance(&[1.0, 0.0], &[0.0, 1.0]) - 1.0).abs() < 1e-15);
    }
}
