//! STS headline pairs, Pearson correlation and cross-validation folds, shared by the examples that
//! evaluate and fit the aligner.

use std::path::Path;

use corroborate::{Error, Result};

/// STS: `score<TAB>s1<TAB>s2`.
pub fn load_sts(path: &Path) -> Result<Vec<(f64, [String; 2])>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let name = path.display().to_string();
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != 3 {
            return Err(Error::malformed(
                &name,
                i + 1,
                format!("{} fields, expected 3", fields.len()),
            ));
        }
        let gold: f64 = fields[0]
            .parse()
            .map_err(|_| Error::malformed(&name, i + 1, "score is not a number"))?;
        out.push((gold, [fields[1].to_string(), fields[2].to_string()]));
    }
    Ok(out)
}

/// Pearson's correlation of `xs` and `ys`.
pub fn pearson(xs: &[f64], ys: &[f64]) -> f64 {
    let n = xs.len() as f64;
    let (mx, my) = (xs.iter().sum::<f64>() / n, ys.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in xs.iter().zip(ys) {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
        syy += (y - my) * (y - my);
    }
    sxy / (sxx * syy).sqrt()
}

/// The items outside fold `fold` of `folds` (item `i` is in fold `i % folds`): the training part of
/// one round of cross-validation.
pub fn outside_fold<T: Clone>(items: &[T], fold: usize, folds: usize) -> Vec<T> {
    items.iter().enumerate().filter(|(i, _)| i % folds != fold).map(|(_, p)| p.clone()).collect()
}
