//! Truth discovery: which value is right, and which sources are reliable, when many sources state
//! values for many variables.
//!
//! Useful for: structured claims (source, object, attribute, value) from files ([`load`]) or
//! from the text pipeline ([`resolve`]), values that are text, numbers, dates or lists of person
//! names ([`Value`]), and the classic algorithms (majority vote, Sums, AverageLog, Investment,
//! PooledInvestment, TruthFinder; [`Algorithm`]), with sources that copy one another counted
//! less ([`TruthFinder::copy_discount`], in [`recommended`]). Not useful for: two sources (there
//! is nothing to weigh; show the difference instead), or values that depend on time (no temporal
//! models).
//!
//! ```
//! use corroborate::truth::{Algorithm, DatasetBuilder, Value};
//! let mut b = DatasetBuilder::new();
//! for (source, days) in [("a", 30.0), ("b", 30.0), ("c", 31.0), ("d", 3.0)] {
//!     b.add(source, "ceasefire", "days", Value::Number(days));
//! }
//! let data = b.build();
//! let outcome = Algorithm::Voting.run(&data);
//! let best = outcome.winner(&data, 0).unwrap();
//! assert_eq!(data.value(best).as_number(), Some(30.0));
//! ```
//!
//! Architecture invariant: the algorithms see only the sparse incidence of [`Dataset`] and the
//! similarity of values; they know nothing of file formats or of books.

mod algorithms;
#[cfg(feature = "truth")]
pub mod books;
mod dataset;
#[cfg(feature = "truth")]
pub mod load;
mod names;
#[cfg(feature = "truth")]
pub mod synthetic;
mod value;

pub use algorithms::{Algorithm, Outcome, TruthFinder};
pub use dataset::{Dataset, DatasetBuilder};
pub use names::{KnownNames, NameList, PersonName};
pub use value::{Value, ValueKind};

/// The recommended configuration: TruthFinder with implication between similar values (base
/// similarity 0.5, so that dissimilar values compete) and with the votes of sources that share
/// losing claims discounted ([`TruthFinder::copy_discount`]), chosen by exact-match accuracy on
/// the book listings' silver reference as a whole and checked on both halves of it (see the
/// the truth-discovery table of docs/evaluation.md and `examples/truth_eval.rs`).
pub fn recommended() -> Algorithm {
    Algorithm::TruthFinder(TruthFinder {
        base_similarity: 0.5,
        copy_discount: true,
        ..TruthFinder::default()
    })
}

/// The value the weighted sources support for one variable, as [`resolve`] returns it.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Resolved {
    /// The object.
    pub object: String,
    /// The attribute.
    pub attribute: String,
    /// The winning value.
    pub value: Value,
    /// Its belief under the algorithm (for TruthFinder, a probability-like score in (0, 1)).
    pub belief: f64,
    /// The sources stating exactly this value.
    pub sources: Vec<String>,
    /// How many distinct values the sources stated for this variable.
    pub candidates: usize,
}

/// What [`resolve`] returns: one winner per variable, and the trust of each source.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Resolution {
    /// One entry per variable, in order of first appearance.
    pub values: Vec<Resolved>,
    /// `(source, trust)` in order of first appearance.
    pub trust: Vec<(String, f64)>,
}

/// Runs `algorithm` (use [`recommended`] unless there is a reason not to) on statements
/// `(source, object, attribute, value)` and returns, for each (object, attribute), the value the
/// weighted sources support with its belief, and each source's trust.
///
/// This is how the text pipeline resolves a fact whose sources differ on a value (a number, a
/// date, a speaker): one statement per source per value. Whether enough sources report a
/// variable to trust the answer is the caller's call (`sources.len()`, `candidates`).
///
/// ```
/// use corroborate::truth::{recommended, resolve, Value};
/// let statements = vec![
///     ("a", "talks", "day", Value::text("monday").unwrap()),
///     ("b", "talks", "day", Value::text("Monday").unwrap()),
///     ("c", "talks", "day", Value::text("tuesday").unwrap()),
/// ];
/// let r = resolve(statements, &recommended());
/// assert_eq!(r.values[0].value, Value::text("monday").unwrap());
/// assert_eq!(r.values[0].sources, vec!["a", "b"]);
/// assert_eq!(r.trust.len(), 3);
/// ```
///
/// **Complexity**: that of the algorithm, plus O(S log S) to build the dataset from S
/// statements.
pub fn resolve<S, O, A>(
    statements: impl IntoIterator<Item = (S, O, A, Value)>,
    algorithm: &Algorithm,
) -> Resolution
where
    S: AsRef<str>,
    O: AsRef<str>,
    A: AsRef<str>,
{
    let mut builder = DatasetBuilder::new();
    for (s, o, a, v) in statements {
        builder.add(s.as_ref(), o.as_ref(), a.as_ref(), v);
    }
    let data = builder.build();
    let outcome = algorithm.run(&data);
    let values = (0..data.n_variables())
        .filter_map(|v| {
            let c = outcome.winner(&data, v)?;
            let (object, attribute) = data.variable(v);
            Some(Resolved {
                object: object.to_string(),
                attribute: attribute.to_string(),
                value: data.value(c).clone(),
                belief: outcome.belief[c],
                sources: data
                    .sources_of(c)
                    .iter()
                    .map(|&s| data.source_name(s as usize).to_string())
                    .collect(),
                candidates: data.variable_claims(v).len(),
            })
        })
        .collect();
    let trust = (0..data.n_sources())
        .map(|s| (data.source_name(s).to_string(), outcome.trust[s]))
        .collect();
    Resolution { values, trust }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolve_weighs_reliable_sources() {
        // Sources a and b agree with each other on three facts; c contradicts them on all, and
        // d sides with c on the last one. The reliable pair should win the contested fact.
        let mut st = Vec::new();
        for (fact, good, bad) in [("f1", 10.0, 90.0), ("f2", 20.0, 80.0), ("f3", 30.0, 70.0)] {
            st.push(("a", fact, "n", Value::Number(good)));
            st.push(("b", fact, "n", Value::Number(good)));
            st.push(("c", fact, "n", Value::Number(bad)));
        }
        st.push(("d", "f3", "n", Value::Number(70.0)));
        let r = resolve(st, &recommended());
        let f3 = r.values.iter().find(|v| v.object == "f3").unwrap();
        assert_eq!(f3.value, Value::Number(30.0));
        assert_eq!(f3.candidates, 2);
        let trust = |name: &str| r.trust.iter().find(|(s, _)| s == name).unwrap().1;
        assert!(trust("a") > trust("c"));
    }
}
