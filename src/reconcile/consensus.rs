//! Consensus: "here is a reconciliation, gimme the value the weighted sources support where they
//! differ, and how far each source is trusted".
//!
//! With two sources a difference can only be shown. With many, truth discovery ([`crate::truth`])
//! weighs them: every claim of a fact states values — a quantity per unit, a resolved date, a
//! resolved speaker — and each becomes a statement `(source, fact, attribute, value)`. The
//! recommended algorithm ([`truth::recommended`]) then gives every source a trust and every
//! variable a winning value with its belief. A value is reported for a fact only when its sources
//! disagree on it and at least `min_sources` of them state it: fewer cannot outvote each other.
//!
//! Useful for: aggregators and fact-checkers with many outlets on one event. Not useful for: two
//! sources (there is nothing to weigh; read the differences instead).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::{Claim, SourceId};
use crate::reconcile::report::{FactId, Reconciliation};
use crate::truth::{self, Value};

/// The fewest sources that must state a variable before a consensus value is reported.
pub const DEFAULT_MIN_SOURCES: usize = 3;

/// The value the weighted sources support for one attribute of one fact.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FactValue {
    /// The fact.
    pub fact: FactId,
    /// What the value is of: `quantity:{unit}`, `time` or `speaker`.
    pub attribute: String,
    /// The winning value, as text.
    pub value: String,
    /// Its belief under the algorithm.
    pub belief: f64,
    /// The sources stating the winning value.
    pub sources: Vec<SourceId>,
    /// How many sources state any value for this attribute of this fact.
    pub reporting: usize,
    /// How many distinct values they state.
    pub candidates: usize,
}

/// How far a source is trusted, in [0, 1].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SourceTrust {
    /// The source.
    pub source: SourceId,
    /// Its trust under the algorithm.
    pub trust: f64,
}

/// Consensus values and source trust of a run.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Consensus {
    /// One entry per disputed attribute of a fact with at least `min_sources` sources stating it.
    pub values: Vec<FactValue>,
    /// The trust of every source that states a value, in source order of the report.
    pub trust: Vec<SourceTrust>,
}

/// Weighs the sources of `report` by truth discovery and resolves the values they dispute.
///
/// **Complexity**: linear in the number of claims plus that of the algorithm (TruthFinder:
/// iterations × statements).
///
/// # Examples
/// ```
/// use corroborate::reconcile::consensus::{consensus, DEFAULT_MIN_SOURCES};
/// use corroborate::{Config, Reconciler, Source};
///
/// let mut reconciler = Reconciler::new(Config::default());
/// for (id, ships) in [("a", "40"), ("b", "40"), ("c", "40"), ("d", "25")] {
///     let text = format!("Harbour master Ana Lind said {ships} ships were waiting to unload in Valdor.");
///     reconciler.add_source(&Source::new(id, text).unwrap()).unwrap();
/// }
/// let result = consensus(&reconciler.reconcile(), DEFAULT_MIN_SOURCES);
/// let ships = result.values.iter().find(|v| v.attribute == "quantity:ship").unwrap();
/// assert_eq!(ships.value, "40");
/// assert_eq!(ships.reporting, 4);
/// let trust = |id: &str| result.trust.iter().find(|t| t.source.as_str() == id).unwrap().trust;
/// assert!(trust("a") > trust("d"));
/// ```
pub fn consensus(report: &Reconciliation, min_sources: usize) -> Consensus {
    let claims: BTreeMap<&crate::model::ClaimId, &Claim> =
        report.claims.iter().map(|c| (&c.id, c)).collect();
    let mut statements: Vec<(String, String, String, Value)> = Vec::new();
    let mut fact_of: BTreeMap<String, FactId> = BTreeMap::new();
    for fact in report.facts.iter().filter(|f| f.sources.len() >= 2) {
        let object = fact.id.to_string();
        fact_of.insert(object.clone(), fact.id);
        for id in &fact.claims {
            let Some(claim) = claims.get(id) else { continue };
            for (attribute, value) in values_of(claim) {
                statements.push((claim.source.to_string(), object.clone(), attribute, value));
            }
        }
    }
    if statements.is_empty() {
        return Consensus::default();
    }
    let resolution = truth::resolve(statements.iter().cloned(), &truth::recommended());

    // Who states anything, per variable.
    let mut reporting: BTreeMap<(&str, &str), std::collections::BTreeSet<&str>> = BTreeMap::new();
    for (s, o, a, _) in &statements {
        reporting.entry((o.as_str(), a.as_str())).or_default().insert(s.as_str());
    }
    let mut values: Vec<FactValue> = resolution
        .values
        .iter()
        .filter_map(|r| {
            let n = reporting.get(&(r.object.as_str(), r.attribute.as_str()))?.len();
            (r.candidates >= 2 && n >= min_sources).then(|| FactValue {
                fact: fact_of[&r.object],
                attribute: r.attribute.clone(),
                value: r.value.to_string(),
                belief: r.belief,
                sources: r.sources.iter().map(|s| SourceId::new(s.as_str())).collect(),
                reporting: n,
                candidates: r.candidates,
            })
        })
        .collect();
    values.sort_by(|a, b| a.fact.cmp(&b.fact).then_with(|| a.attribute.cmp(&b.attribute)));
    let trust_of: BTreeMap<&str, f64> =
        resolution.trust.iter().map(|(s, t)| (s.as_str(), *t)).collect();
    let trust = report
        .sources
        .iter()
        .filter_map(|s| {
            let t = trust_of.get(s.id.as_str())?;
            Some(SourceTrust { source: s.id.clone(), trust: *t })
        })
        .collect();
    Consensus { values, trust }
}

/// The values a claim states: each quantity whose unit it gives once (so "76 of 112 drones" states
/// no single drone count), its resolved dates, its resolved speaker.
fn values_of(claim: &Claim) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    let mut per_unit: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    for q in claim.quantities.iter().filter(|q| !q.unit.is_empty()) {
        per_unit.entry(q.unit.as_str()).or_default().push(q.value);
    }
    for (unit, values) in per_unit {
        if let [value] = values.as_slice() {
            out.push((format!("quantity:{unit}"), Value::Number(*value)));
        }
    }
    for t in claim.times.iter().filter(|t| t.resolved) {
        if let Some(v) = t.normalized.as_deref().and_then(Value::text) {
            out.push(("time".to_string(), v));
        }
    }
    if let Some(a) = claim.attribution.as_ref().filter(|a| a.resolved)
        && let Some(v) = Value::text(&a.speaker)
    {
        out.push(("speaker".to_string(), v));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, Reconciler, Source};

    fn run(texts: &[(&str, &str)]) -> Reconciliation {
        let mut reconciler = Reconciler::new(Config::default());
        for (id, text) in texts {
            reconciler.add_source(&Source::new(*id, *text).unwrap()).unwrap();
        }
        reconciler.reconcile()
    }

    #[test]
    fn two_sources_cannot_outvote_each_other() {
        let report = run(&[
            ("a", "Officials said 12 people were rescued from the flooded mine on Sunday."),
            ("b", "Officials said 15 people were rescued from the flooded mine on Sunday."),
        ]);
        let result = consensus(&report, DEFAULT_MIN_SOURCES);
        assert!(result.values.is_empty(), "{:?}", result.values);
        assert_eq!(result.trust.len(), 2);
        // With a lower bar the dispute is resolved one way or the other, with both counted.
        let lenient = consensus(&report, 2);
        assert_eq!(lenient.values.len(), 1);
        assert_eq!((lenient.values[0].reporting, lenient.values[0].candidates), (2, 2));
    }

    #[test]
    fn agreeing_sources_report_no_dispute() {
        let text = "Officials said 12 people were rescued from the flooded mine on Sunday.";
        let report = run(&[("a", text), ("b", text), ("c", text)]);
        assert!(consensus(&report, DEFAULT_MIN_SOURCES).values.is_empty());
    }

    #[test]
    fn a_count_repeated_in_one_claim_states_nothing() {
        let mut claim = Claim::new(SourceId::new("a"), 0, 0, "Crews downed 76 of 112 drones.");
        claim.quantities = crate::extract::quantity::find_quantities(&claim.text, 0);
        assert_eq!(claim.quantities.len(), 2);
        assert!(values_of(&claim).is_empty());
    }
}
