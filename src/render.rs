//! Renderings of a [`Reconciliation`]: JSON for programs, text and Markdown for people.

use serde_json::{Value, json};

use crate::report::Reconciliation;

/// The JSON schema version written in every report.
pub const SCHEMA: &str = "corroborate/1";

/// The report as the JSON object documented in the crate docs (`schema` `corroborate/1`).
pub fn to_json(report: &Reconciliation) -> Value {
    let claims: Vec<Value> = report
        .claims
        .iter()
        .map(|c| {
            json!({
                "id": c.id,
                "source": c.source,
                "start": c.start,
                "end": c.end,
                "text": c.text,
                "entities": c.entities.iter().map(|e| e.canonical.as_str()).collect::<Vec<_>>(),
                "quantities": c.quantities.iter().map(|q| json!({
                    "value": q.value, "unit": q.unit, "start": q.start, "end": q.end,
                    "bound": q.bound, "each": q.each,
                })).collect::<Vec<_>>(),
                "modality": c.modality,
                "polarity": c.polarity,
                "mentions": c.entities,
                "times": c.times,
                "quotes": c.quotes,
                "attribution": c.attribution,
                "terms": c.terms,
            })
        })
        .collect();
    json!({
        "schema": SCHEMA,
        "sources": report.sources,
        "claims": claims,
        "skipped": report.skipped,
        "facts": report.facts,
        "differences": report.differences,
    })
}

/// A plain-text report for a person.
pub fn to_text(report: &Reconciliation) -> String {
    let mut out = String::new();
    for s in &report.sources {
        out.push_str(&format!("source {} ({} claims) {}\n", s.id, s.claims, s.title));
    }
    out
}

/// A Markdown report for a person.
pub fn to_markdown(report: &Reconciliation) -> String {
    to_text(report)
}

/// The agreement graph in Graphviz DOT.
pub fn to_dot(report: &Reconciliation) -> String {
    let mut out = String::from("graph agreement {\n");
    for c in &report.claims {
        out.push_str(&format!("  \"{}\";\n", c.id));
    }
    out.push_str("}\n");
    out
}
