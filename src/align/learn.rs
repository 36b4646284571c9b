//! Fitting: L2-regularised logistic regression by Newton's method (optionally with sign
//! constraints on the weights), and the threshold that maximises accuracy. All deterministic
//! (fixed iteration order, no randomness).

use super::features::{FEATURE_SIGNS, N_FEATURES};

/// Fits `p(y=1|x) = sigmoid(b + w·x)` to `xs` and targets `ys` in [0, 1] (labels 0/1, or graded
/// similarities read as soft labels) with an L2 penalty `l2 · |w|²/2` (the intercept is not
/// penalised). Returns `(b, w)`.
///
/// Newton-Raphson on the penalised log-likelihood, at most 50 steps, stopping when no
/// coordinate moves more than 1e-9. **Complexity**: O(steps · n · d²) for n rows of d features.
pub(crate) fn logistic_regression<const D: usize>(
    xs: &[[f64; D]],
    ys: &[f64],
    l2: f64,
) -> (f64, [f64; D]) {
    let beta = newton(xs, ys, l2, vec![0.0; D + 1], &[true; D]);
    let mut w = [0.0; D];
    w.copy_from_slice(&beta[1..]);
    (beta[0], w)
}

/// [`logistic_regression`] on rows labelled `true` / `false`.
pub(crate) fn fit_labelled<const D: usize>(rows: &[([f64; D], bool)], l2: f64) -> (f64, [f64; D]) {
    let xs: Vec<[f64; D]> = rows.iter().map(|r| r.0).collect();
    let ys: Vec<f64> = rows.iter().map(|r| f64::from(u8::from(r.1))).collect();
    logistic_regression(&xs, &ys, l2)
}

/// `sigmoid(intercept + weights · x)`: the probability a fitted logistic model gives `x`.
pub(crate) fn logistic<const D: usize>(intercept: f64, weights: &[f64; D], x: &[f64; D]) -> f64 {
    sigmoid(intercept + x.iter().zip(weights).map(|(x, w)| x * w).sum::<f64>())
}

/// [`logistic_regression`] with each weight kept on the side of zero its sign asks for
/// (`1`: `w ≥ 0`, `-1`: `w ≤ 0`, `0`: free), by an active-set method (Lawson and Hanson's, for
/// a convex loss): Newton's method over the weights not held at zero; a weight that the
/// solution would carry across zero is stopped at zero and held there; once the solution is on
/// the right side everywhere, the held weight whose gradient most wants back in is let go, until
/// none does (at most `4·(D + 1)` such rounds).
pub(crate) fn signed_logistic_regression<const D: usize>(
    xs: &[[f64; D]],
    ys: &[f64],
    l2: f64,
    signs: &[i8; D],
) -> (f64, [f64; D]) {
    let sign = |i: usize| f64::from(signs[i]);
    let mut beta = vec![0.0; D + 1];
    // Start with every signed weight held at zero (a feasible point).
    let mut free: [bool; D] = std::array::from_fn(|i| signs[i] == 0);
    for _ in 0..4 * D + 4 {
        let target = newton(xs, ys, l2, beta.clone(), &free);
        // How far towards the target before a free signed weight crosses zero.
        let mut alpha = 1.0f64;
        for i in 0..D {
            if free[i] && sign(i) * target[i + 1] < 0.0 {
                let from = beta[i + 1];
                alpha = alpha.min(from / (from - target[i + 1]));
            }
        }
        if alpha < 1.0 {
            for i in 0..=D {
                beta[i] += alpha * (target[i] - beta[i]);
            }
            for i in 0..D {
                if free[i] && signs[i] != 0 && sign(i) * beta[i + 1] <= 1e-12 {
                    beta[i + 1] = 0.0;
                    free[i] = false;
                }
            }
            continue;
        }
        beta = target;
        // Let go of the held weight whose gradient points most into its side.
        let grad = gradient(xs, ys, l2, &beta);
        let release = (0..D)
            .filter(|&i| !free[i] && sign(i) * grad[i + 1] < -1e-9)
            .max_by(|&i, &j| (-sign(i) * grad[i + 1]).total_cmp(&(-sign(j) * grad[j + 1])));
        match release {
            Some(i) => free[i] = true,
            None => break,
        }
    }
    let mut w = [0.0; D];
    w.copy_from_slice(&beta[1..]);
    (beta[0], w)
}

/// `beta[0] + beta[1..] · x`.
fn logit(beta: &[f64], x: &[f64]) -> f64 {
    beta[0] + x.iter().zip(&beta[1..]).map(|(a, b)| a * b).sum::<f64>()
}

/// The gradient of the penalised negative log-likelihood at `beta` (intercept first).
fn gradient<const D: usize>(xs: &[[f64; D]], ys: &[f64], l2: f64, beta: &[f64]) -> Vec<f64> {
    let mut grad = vec![0.0; D + 1];
    for (x, &y) in xs.iter().zip(ys) {
        let r = sigmoid(logit(beta, x)) - y;
        grad[0] += r;
        for (g, a) in grad[1..].iter_mut().zip(x) {
            *g += r * a;
        }
    }
    for i in 1..=D {
        grad[i] += l2 * beta[i];
    }
    grad
}

/// Newton-Raphson from `beta` over the intercept and the weights marked `free` (the others stay
/// as they are), at most 50 steps, stopping when no coordinate moves more than 1e-9.
fn newton<const D: usize>(
    xs: &[[f64; D]],
    ys: &[f64],
    l2: f64,
    mut beta: Vec<f64>,
    free: &[bool; D],
) -> Vec<f64> {
    let dim = D + 1;
    let vars: Vec<usize> = (0..dim).filter(|&i| i == 0 || free[i - 1]).collect();
    for _ in 0..50 {
        let mut grad = vec![0.0; dim];
        let mut hess = vec![0.0; dim * dim];
        for (x, &y) in xs.iter().zip(ys) {
            let p = sigmoid(logit(&beta, x));
            let r = p - y;
            let w = (p * (1.0 - p)).max(1e-12);
            let row = |i: usize| if i == 0 { 1.0 } else { x[i - 1] };
            for i in 0..dim {
                grad[i] += r * row(i);
                for j in 0..=i {
                    hess[i * dim + j] += w * row(i) * row(j);
                }
            }
        }
        for i in 1..dim {
            grad[i] += l2 * beta[i];
            hess[i * dim + i] += l2;
        }
        for i in 0..dim {
            for j in i + 1..dim {
                hess[i * dim + j] = hess[j * dim + i];
            }
        }
        let n = vars.len();
        let hess = &hess;
        let sub_hess: Vec<f64> =
            vars.iter().flat_map(|&i| vars.iter().map(move |&j| hess[i * dim + j])).collect();
        let sub_grad: Vec<f64> = vars.iter().map(|&i| grad[i]).collect();
        let Some(step) = solve(sub_hess, sub_grad, n) else { break };
        let mut moved = 0.0f64;
        for (&i, s) in vars.iter().zip(&step) {
            beta[i] -= s;
            moved = moved.max(s.abs());
        }
        if moved < 1e-9 {
            break;
        }
    }
    beta
}

/// The logistic function.
pub(crate) fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// Solves `a x = b` (a is `n × n`, row-major) by Gaussian elimination with partial pivoting;
/// `None` when `a` is singular.
fn solve(mut a: Vec<f64>, mut b: Vec<f64>, n: usize) -> Option<Vec<f64>> {
    for col in 0..n {
        let pivot =
            (col..n).max_by(|&i, &j| a[i * n + col].abs().total_cmp(&a[j * n + col].abs()))?;
        if a[pivot * n + col].abs() < 1e-12 {
            return None;
        }
        if pivot != col {
            for k in 0..n {
                a.swap(pivot * n + k, col * n + k);
            }
            b.swap(pivot, col);
        }
        for row in col + 1..n {
            let factor = a[row * n + col] / a[col * n + col];
            if factor != 0.0 {
                for k in col..n {
                    a[row * n + k] -= factor * a[col * n + k];
                }
                b[row] -= factor * b[col];
            }
        }
    }
    let mut x = vec![0.0; n];
    for row in (0..n).rev() {
        let tail: f64 = (row + 1..n).map(|k| a[row * n + k] * x[k]).sum();
        x[row] = (b[row] - tail) / a[row * n + row];
    }
    Some(x)
}

/// Which feature weights a fit keeps on the side of zero that the feature's meaning asks for
/// ([`super::FEATURE_SIGNS`]).
///
/// A logistic model fitted to correlated features is free to give a feature the "wrong" sign:
/// fitted on STS headlines, the IDF mass a pair leaves uncovered gets a *positive* weight,
/// because among headlines of equal coverage the longer pairs are graded higher. On the data it
/// was fitted to that is harmless; on other text it is not (two long sentences of one pattern
/// telling different facts get credit for what they do not share), and a breakdown that shows a
/// conflict counting towards a link explains nothing. Constraining the signs trades a little fit
/// on the training data for a model whose parts mean what their names say. The constraints bind
/// the logistic weights only, not the boosted trees.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WeightSigns {
    /// No constraint: the fit picks each weight's sign.
    #[default]
    Free,
    /// Evidence against a link (conflicts, mismatches, content left uncovered) never counts
    /// for one: the weights of features of sign −1 stay ≤ 0.
    Against,
    /// Also evidence for a link (overlaps, matches) never counts against one: every weight stays
    /// on its feature's side.
    Both,
}

impl WeightSigns {
    /// The sign each weight is held to under this setting (`0`: free).
    pub(crate) fn signs(self) -> [i8; N_FEATURES] {
        let mut signs = FEATURE_SIGNS;
        for s in &mut signs {
            *s = match (self, *s) {
                (WeightSigns::Free, _) => 0,
                (WeightSigns::Against, 1) => 0,
                (_, s) => s,
            };
        }
        signs
    }

    /// Whether this is [`WeightSigns::Free`] (for `skip_serializing_if`).
    pub(crate) fn is_free(&self) -> bool {
        *self == WeightSigns::Free
    }
}

impl std::str::FromStr for WeightSigns {
    type Err = String;

    /// `free`, `against` or `both` (as the JSON writes them).
    fn from_str(s: &str) -> Result<WeightSigns, String> {
        match s {
            "free" => Ok(WeightSigns::Free),
            "against" => Ok(WeightSigns::Against),
            "both" => Ok(WeightSigns::Both),
            other => Err(format!("{other:?} is not free, against or both")),
        }
    }
}

/// What a fitted threshold maximises.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ThresholdObjective {
    /// The share of pairs decided right.
    #[default]
    Accuracy,
    /// Accuracy plus the F1 of the linked pairs: a threshold that also keeps recall up, for
    /// uses that would rather check an extra link than miss one.
    AccuracyPlusF1,
}

/// The threshold that maximises accuracy of `score >= threshold` on `scored` pairs: the midpoint
/// between two consecutive distinct scores, the lowest of equally good ones. 0.5 when empty.
pub(crate) fn best_threshold(scored: &[(f64, bool)]) -> f64 {
    best_threshold_for(scored, ThresholdObjective::Accuracy)
}

/// The threshold that maximises `objective` of `score >= threshold` on `scored` pairs: the
/// midpoint between two consecutive distinct scores, the lowest of equally good ones. 0.5 when
/// empty.
pub(crate) fn best_threshold_for(scored: &[(f64, bool)], objective: ThresholdObjective) -> f64 {
    if scored.is_empty() {
        return 0.5;
    }
    let mut sorted: Vec<(f64, bool)> = scored.to_vec();
    sorted.sort_by(|x, y| x.0.total_cmp(&y.0));
    let n = sorted.len() as f64;
    let positives = sorted.iter().filter(|s| s.1).count();
    // Threshold below everything: all predicted positive.
    let (mut tp, mut fp) = (positives, sorted.len() - positives);
    let value = |tp: usize, fp: usize| {
        let (fn_, tn) = (positives - tp, sorted.len() - positives - fp);
        let accuracy = (tp + tn) as f64 / n;
        match objective {
            ThresholdObjective::Accuracy => accuracy,
            ThresholdObjective::AccuracyPlusF1 => {
                let f1 = if tp == 0 { 0.0 } else { 2.0 * tp as f64 / (2 * tp + fp + fn_) as f64 };
                accuracy + f1
            }
        }
    };
    let (mut best, mut best_threshold) = (value(tp, fp), sorted[0].0 - 1e-9);
    let mut i = 0;
    while i < sorted.len() {
        let score = sorted[i].0;
        // Move every pair with this score below the threshold.
        while i < sorted.len() && sorted[i].0 == score {
            if sorted[i].1 {
                tp -= 1;
            } else {
                fp -= 1;
            }
            i += 1;
        }
        let v = value(tp, fp);
        if v > best + 1e-12 {
            best = v;
            best_threshold =
                if i < sorted.len() { (score + sorted[i].0) / 2.0 } else { score + 1e-9 };
        }
    }
    best_threshold.clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separates_a_noisy_line() {
        // y = 1 when x0 > 0.5, with a few flipped labels.
        let xs: Vec<[f64; 2]> = (0..200).map(|i| [f64::from(i) / 200.0, 0.3]).collect();
        let ys: Vec<f64> =
            (0..200).map(|i| f64::from(u8::from((i > 100) != (i % 37 == 0)))).collect();
        let (b, w) = logistic_regression(&xs, &ys, 1e-3);
        assert!(w[0] > 5.0, "weight {w:?}");
        let boundary = -(b + w[1] * 0.3) / w[0];
        assert!((boundary - 0.5).abs() < 0.05, "boundary {boundary}");
    }

    /// Rows of three features with labels drawn from `sigmoid(truth · x + b)` by a fixed
    /// pseudo-random sequence; features 0 and 1 strongly correlated.
    fn correlated_rows(truth: [f64; 3], b: f64) -> (Vec<[f64; 3]>, Vec<f64>) {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 11) as f64 / (1u64 << 53) as f64
        };
        let (mut xs, mut ys) = (Vec::new(), Vec::new());
        for _ in 0..2000 {
            let t = next();
            let x = [t, t + 0.4 * (next() - 0.5), next()];
            let z = b + truth.iter().zip(&x).map(|(w, v)| w * v).sum::<f64>();
            xs.push(x);
            ys.push(f64::from(u8::from(next() < sigmoid(z))));
        }
        (xs, ys)
    }

    #[test]
    fn signs_the_free_fit_already_meets_change_nothing() {
        let (xs, ys) = correlated_rows([2.0, 2.0, -3.0], -0.5);
        let (b, w) = logistic_regression(&xs, &ys, 1.0);
        assert!(w[0] > 0.0 && w[1] > 0.0 && w[2] < 0.0, "free fit {w:?}");
        let (sb, sw) = signed_logistic_regression(&xs, &ys, 1.0, &[1, 1, -1]);
        assert!((sb - b).abs() < 1e-7, "{sb} against {b}");
        for (s, f) in sw.iter().zip(&w) {
            assert!((s - f).abs() < 1e-7, "{sw:?} against {w:?}");
        }
    }

    #[test]
    fn a_weight_held_to_its_side_ends_at_zero_with_the_rest_refitted() {
        // Feature 1 follows feature 0, and the labels follow 5·x0 − 4·x1: a free fit gives
        // feature 1 a negative weight.
        let (xs, ys) = correlated_rows([5.0, -4.0, 1.0], -1.0);
        let (_, w) = logistic_regression(&xs, &ys, 1.0);
        assert!(w[1] < 0.0, "free fit {w:?}");
        let (sb, sw) = signed_logistic_regression(&xs, &ys, 1.0, &[1, 1, 0]);
        assert_eq!(sw[1], 0.0, "held weight {sw:?}");
        assert!(sw[0] > 0.0, "{sw:?}");
        // The optimum with feature 1 left out: the same intercept and other weights.
        let without: Vec<[f64; 2]> = xs.iter().map(|x| [x[0], x[2]]).collect();
        let (b2, w2) = logistic_regression(&without, &ys, 1.0);
        assert!((sb - b2).abs() < 1e-7 && (sw[0] - w2[0]).abs() < 1e-7, "{sw:?} against {w2:?}");
        assert!((sw[2] - w2[1]).abs() < 1e-7, "{sw:?} against {w2:?}");
        // Optimal on its side: the loss would only fall by moving the weight across zero.
        let grad = gradient(&xs, &ys, 1.0, &[sb, sw[0], sw[1], sw[2]]);
        assert!(grad[2] > 0.0, "gradient {grad:?}");
    }

    #[test]
    fn threshold_maximises_accuracy() {
        let scored =
            [(0.1, false), (0.2, false), (0.4, true), (0.45, false), (0.7, true), (0.9, true)];
        let t = best_threshold(&scored);
        let correct = scored.iter().filter(|(s, y)| (*s >= t) == *y).count();
        assert_eq!(correct, 5);
        assert!(t > 0.2 && t <= 0.4 || t > 0.45 && t <= 0.7, "threshold {t}");
    }
}
