//! Synthetic claims for benchmarks, shaped like those of the Python library `truthdiscovery`'s
//! generator: each source has a trust drawn uniformly from [0, 1); for each variable, each
//! source makes a claim with a fixed probability, the true value with probability equal to its
//! trust and otherwise one of the other candidate values at random.
//!
//! Useful for: timing the algorithms on data of a known shape, and checking that they recover
//! the truth. Not useful for: judging accuracy on real data (real errors are correlated).

use std::fmt::Write;

/// The shape of a synthetic dataset.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shape {
    /// Number of sources.
    pub sources: usize,
    /// Number of variables.
    pub variables: usize,
    /// Candidate values per variable (the true one is 0).
    pub values: usize,
    /// Probability that a source makes a claim about a variable.
    pub claim_probability: f64,
    /// Seed of the random generator; the same seed gives the same data.
    pub seed: u64,
}

impl Shape {
    /// 10,000 sources × 2,000 variables × 4 values, claim probability 0.05: about a million
    /// claims, the shape of the figures quoted for `truthdiscovery` in docs/performance.md.
    pub fn million() -> Shape {
        Shape { sources: 10_000, variables: 2_000, values: 4, claim_probability: 0.05, seed: 1 }
    }
}

/// Synthetic statements as TSV (`source<TAB>object<TAB>value`, values numbers `0..values`, the
/// true value `0`), and the true trust of each source.
pub fn tsv(shape: Shape) -> (String, Vec<f64>) {
    let mut rng = XorShift(shape.seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let trust: Vec<f64> = (0..shape.sources).map(|_| rng.unit()).collect();
    let expected =
        (shape.sources as f64 * shape.variables as f64 * shape.claim_probability) as usize;
    let mut out = String::with_capacity(expected * 16);
    for v in 0..shape.variables {
        for (s, &t) in trust.iter().enumerate() {
            if rng.unit() >= shape.claim_probability {
                continue;
            }
            let value = if rng.unit() < t || shape.values < 2 {
                0
            } else {
                1 + (rng.next() % (shape.values as u64 - 1)) as usize
            };
            writeln!(out, "s{s}\tv{v}\t{value}").expect("writing to a String cannot fail");
        }
    }
    (out, trust)
}

/// Marsaglia's xorshift64*: fast, deterministic, and good enough for benchmark data.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::truth::{Algorithm, ValueKind, load};

    #[test]
    fn algorithms_recover_the_truth_of_synthetic_data() {
        let shape =
            Shape { sources: 60, variables: 40, values: 4, claim_probability: 0.5, seed: 7 };
        let (text, _) = tsv(shape);
        assert_eq!(tsv(shape).0, text, "same seed, same data");
        let data = load::parse("synthetic", &text, load::Format::Tsv, ValueKind::Number).unwrap();
        assert_eq!(data.n_variables(), 40);
        for alg in Algorithm::all() {
            let out = alg.run(&data);
            let right = (0..data.n_variables())
                .filter(|&v| data.value(out.winner(&data, v).unwrap()).as_number() == Some(0.0))
                .count();
            // Half the sources are right more often than not; every method should do far better
            // than a random pick (a quarter).
            assert!(right >= 32, "{}: {right}/40", alg.name());
        }
    }
}
