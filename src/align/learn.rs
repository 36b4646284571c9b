//! Fitting: L2-regularised logistic regression by Newton's method, and the threshold that
//! maximises accuracy. Both are deterministic (fixed iteration order, no randomness).

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
    let dim = D + 1;
    let mut beta = vec![0.0; dim];
    for _ in 0..50 {
        let mut grad = vec![0.0; dim];
        let mut hess = vec![0.0; dim * dim];
        for (x, &y) in xs.iter().zip(ys) {
            let z = beta[0] + x.iter().zip(&beta[1..]).map(|(a, b)| a * b).sum::<f64>();
            let p = sigmoid(z);
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
        let Some(step) = solve(hess, grad, dim) else { break };
        let mut moved = 0.0f64;
        for (b, s) in beta.iter_mut().zip(&step) {
            *b -= s;
            moved = moved.max(s.abs());
        }
        if moved < 1e-9 {
            break;
        }
    }
    let mut w = [0.0; D];
    w.copy_from_slice(&beta[1..]);
    (beta[0], w)
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

/// What a fitted threshold maximises.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
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
