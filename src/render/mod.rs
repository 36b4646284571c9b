//! Renderings of a [`Reconciliation`]: JSON for programs, text and Markdown for people, DOT for
//! the agreement graph.
//!
//! # The JSON report (`corroborate/1`)
//!
//! [`to_json`] writes one object, the contract other programs read (`reconcile --format json`).
//! Fields are only ever added, never renamed or dropped. Every id is a string; every list is in a
//! fixed order, so the same input gives byte-identical output.
//!
//! | field | type | what |
//! | --- | --- | --- |
//! | `schema` | string | `"corroborate/1"` |
//! | `sources` | array | one object per source, in the order added: `id`, `title` (`""` when none), `claims` (a count), and `outlet` and `date` (`YYYY-MM-DD`) when known |
//! | `claims` | array | every claim, sorted by source id then index (see below) |
//! | `skipped` | array | spans in no claim: `source`, `start`, `end`, `reason` (snake_case: `boilerplate`, `heading`, `duplicate_headline`, `headline`, `empty`, `duplicate`, `unreadable`) |
//! | `facts` | array | groups of claims asserting one thing, `f0`, `f1`, … in order of their first claim |
//! | `differences` | array | how the claims of a fact differ, sorted by fact, kind, claims |
//! | `links` | array | the edges of the agreement graph, sorted by their claims |
//! | `consensus` | object | truth discovery over the values the facts dispute ([`crate::consensus`]): `values` (`fact`, `attribute`, `value`, `belief`, `sources`, `reporting`, `candidates`; only where at least three sources state the attribute) and `trust` (`source`, `trust`) |
//!
//! A **claim** is `{"id": "a:3", "source": "a", "start": 120, "end": 210, "text": "…",
//! "entities": ["Volodymyr Zelensky"], "quantities": [{"value": 30, "unit": "day", …}],
//! "modality": "asserted", "polarity": "affirmed", …}`: `id` is `{source}:{n}` with `n` counting
//! the source's claims in text order; `start`/`end` are byte offsets into the source file's original
//! bytes, half-open; `entities` are canonical names; a quantity's `value` is a number and its `unit` a
//! lowercase singular noun or `""`; `modality` is `asserted` | `hedged` | `conditional` |
//! `question`, `polarity` `affirmed` | `negated`. Further fields (`mentions`, `times`, `quotes`,
//! `attribution`, `terms`, and a quantity's `start`, `end`, `bound`, `each`) carry the full
//! [`crate::model::Claim`].
//!
//! A **fact** is `{"id": "f0", "claims": ["a:3", "b:7"], "sources": ["a", "b"], "status": "…"}`,
//! `claims` and `sources` sorted. Every claim is in exactly one fact. `status` is `corroborated`
//! (two or more sources, no contesting difference), `single_source`, or `contested` (its sources
//! differ in `quantity`, `polarity`, `modality`, `attribution` or `time`, or give two `account`s
//! that cannot both be true; a `detail` difference alone leaves a fact `corroborated`).
//!
//! A **difference** is `{"kind": "quantity", "fact": "f0", "claims": ["a:3", "b:7"], "summary":
//! "a says “9 prisoners each”, b says “10”."}`, `kind` one of `quantity` | `polarity` | `modality` |
//! `attribution` | `time` | `detail` | `account` (see [`crate::diff`] for the rules), `summary` one
//! sentence quoting the exact words.
//!
//! A **link** is `{"claims": ["a:3", "b:7"], "kind": "agrees", "score": 0.71, "anchor": null,
//! "breakdown": [{"feature": "…", "value": 0.8, "weight": 0.5, "part": 0.4}]}`, `kind` one of
//! `agrees` | `conflicts` | `related` ([`crate::graph::EdgeKind`]); `anchor` names the entity or
//! quantity of an anchor link ([`crate::graph::anchor_links`]), `null` for a link by score.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::{Value, json};

use crate::consensus::{DEFAULT_MIN_SOURCES, consensus};

use crate::graph::EdgeKind;
use crate::model::{Claim, ClaimId};
use crate::report::{DifferenceKind, Fact, FactStatus, Reconciliation};

/// The JSON schema version written in every report.
pub const SCHEMA: &str = "corroborate/1";

/// The report as the JSON object documented in the [module docs](self) (`schema` `corroborate/1`).
pub fn to_json(report: &Reconciliation) -> Value {
    let mut claims: Vec<&Claim> = report.claims.iter().collect();
    claims.sort_by(|x, y| x.id.cmp(&y.id));
    let claims: Vec<Value> = claims
        .into_iter()
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
    let mut links: Vec<(&ClaimId, &ClaimId, Value)> = report
        .graph()
        .edges()
        .map(|(a, b, e)| {
            let v = json!({
                "claims": [a, b],
                "kind": e.kind,
                "score": e.score.value,
                "anchor": e.anchor,
                "breakdown": e.score.breakdown,
            });
            (a, b, v)
        })
        .collect();
    links.sort_by(|x, y| (x.0, x.1).cmp(&(y.0, y.1)));
    json!({
        "schema": SCHEMA,
        "sources": report.sources,
        "claims": claims,
        "skipped": report.skipped,
        "facts": report.facts,
        "differences": report.differences,
        "links": links.into_iter().map(|(_, _, v)| v).collect::<Vec<_>>(),
        "consensus": consensus(report, DEFAULT_MIN_SOURCES),
    })
}

/// Width of the text report, in characters.
const WIDTH: usize = 100;

/// A plain-text report for a person: what the sources agree on, where they differ (the two claims
/// side by side, in their exact words), and what only one source reports.
pub fn to_text(report: &Reconciliation) -> String {
    let mut out = String::new();
    let counts = status_counts(report);
    let _ = writeln!(
        out,
        "{} sources, {} claims, {} facts: {} corroborated, {} contested, {} single-source",
        report.sources.len(),
        report.claims.len(),
        report.facts.len(),
        counts.0,
        counts.1,
        counts.2
    );
    out.push_str("\nSOURCES\n");
    for s in &report.sources {
        let title = if s.title.is_empty() { String::new() } else { format!("  {}", s.title) };
        let _ = writeln!(out, "  {}  ({} claims){title}", s.id, s.claims);
    }

    let contested: Vec<&Fact> =
        report.facts.iter().filter(|f| f.status == FactStatus::Contested).collect();
    let _ = writeln!(out, "\nWHERE THE SOURCES DIFFER ({})", facts_count(contested.len()));
    for fact in contested {
        let _ = writeln!(out, "\n  {}  reported by {}", fact.id, join_ids(&fact.sources));
        for d in report.differences_of(fact.id).filter(|d| d.kind != DifferenceKind::Detail) {
            let _ = writeln!(out, "  [{}] {}", d.kind.as_str(), d.summary);
            side_by_side(&mut out, report, &d.claims);
        }
        let others: Vec<&ClaimId> = fact
            .claims
            .iter()
            .filter(|c| {
                !report
                    .differences_of(fact.id)
                    .any(|d| d.kind != DifferenceKind::Detail && d.claims.contains(c))
            })
            .collect();
        if !others.is_empty() {
            out.push_str("    also in this fact:\n");
            for id in others {
                claim_line(&mut out, report, id, 6);
            }
        }
        details(&mut out, report, fact);
    }

    let corroborated: Vec<&Fact> =
        report.facts.iter().filter(|f| f.status == FactStatus::Corroborated).collect();
    let _ = writeln!(out, "\nCORROBORATED ({})", facts_count(corroborated.len()));
    for fact in corroborated {
        let _ = writeln!(out, "\n  {}  reported by {}", fact.id, join_ids(&fact.sources));
        for id in &fact.claims {
            claim_line(&mut out, report, id, 4);
        }
        details(&mut out, report, fact);
    }

    let weighed = consensus(report, DEFAULT_MIN_SOURCES);
    if !weighed.values.is_empty() {
        let _ = writeln!(out, "\nWHAT THE WEIGHTED SOURCES SUPPORT ({})", weighed.values.len());
        for v in &weighed.values {
            let _ = writeln!(
                out,
                "  {}  {}: {} (belief {:.2}; stated by {} of {} reporting sources, {} values)",
                v.fact,
                v.attribute,
                v.value,
                v.belief,
                v.sources.len(),
                v.reporting,
                v.candidates
            );
        }
        out.push_str("\n  source trust:\n");
        for t in &weighed.trust {
            let _ = writeln!(out, "    {:<24} {:.3}", t.source.as_str(), t.trust);
        }
    }

    let _ = writeln!(out, "\nREPORTED BY ONE SOURCE ONLY ({})", facts_count(counts.2));
    for (source, facts) in single_source_by_source(report) {
        let _ = writeln!(out, "\n  only {source} ({}):", facts_count(facts.len()));
        for fact in facts {
            for id in &fact.claims {
                claim_line(&mut out, report, id, 4);
            }
        }
    }
    out
}

/// A Markdown report for a person: the same sections as [`to_text`], differences as two-column
/// tables.
pub fn to_markdown(report: &Reconciliation) -> String {
    let mut out = String::new();
    let counts = status_counts(report);
    out.push_str("# Reconciliation\n\n");
    let _ = writeln!(
        out,
        "{} sources, {} claims, {} facts: **{} corroborated**, **{} contested**, {} single-source.\n",
        report.sources.len(),
        report.claims.len(),
        report.facts.len(),
        counts.0,
        counts.1,
        counts.2
    );
    out.push_str("## Sources\n\n| source | title | claims |\n| --- | --- | --- |\n");
    for s in &report.sources {
        let _ = writeln!(out, "| `{}` | {} | {} |", s.id, md_cell(&s.title), s.claims);
    }

    out.push_str("\n## Where the sources differ\n");
    for fact in report.facts.iter().filter(|f| f.status == FactStatus::Contested) {
        let _ = writeln!(out, "\n### {} (reported by {})\n", fact.id, join_ids(&fact.sources));
        for d in report.differences_of(fact.id).filter(|d| d.kind != DifferenceKind::Detail) {
            let _ = writeln!(out, "**{}**: {}\n", d.kind.as_str(), md_text(&d.summary));
            let cells: Vec<(String, String)> = d
                .claims
                .iter()
                .map(|id| {
                    let text = report.claim(id).map_or("", |c| c.text.as_str());
                    (format!("`{id}`"), md_cell(text))
                })
                .collect();
            let _ = writeln!(
                out,
                "| {} |\n|{}\n| {} |\n",
                cells.iter().map(|c| c.0.as_str()).collect::<Vec<_>>().join(" | "),
                " --- |".repeat(cells.len()),
                cells.iter().map(|c| c.1.as_str()).collect::<Vec<_>>().join(" | ")
            );
        }
        md_details(&mut out, report, fact);
    }

    out.push_str("\n## Corroborated\n");
    for fact in report.facts.iter().filter(|f| f.status == FactStatus::Corroborated) {
        let _ = writeln!(out, "\n### {} (reported by {})\n", fact.id, join_ids(&fact.sources));
        for id in &fact.claims {
            let text = report.claim(id).map_or("", |c| c.text.as_str());
            let _ = writeln!(out, "- `{id}` {}", md_text(text));
        }
        md_details(&mut out, report, fact);
    }

    out.push_str("\n## Reported by one source only\n");
    for (source, facts) in single_source_by_source(report) {
        let _ = writeln!(out, "\n### Only `{source}`\n");
        for fact in facts {
            for id in &fact.claims {
                let text = report.claim(id).map_or("", |c| c.text.as_str());
                let _ = writeln!(out, "- `{id}` {}", md_text(text));
            }
        }
    }
    out
}

/// The agreement graph in Graphviz DOT: one box per claim, facts of several claims as clusters,
/// links labelled with their score (green: agrees, red: conflicts, grey dashed: related).
pub fn to_dot(report: &Reconciliation) -> String {
    let mut out = String::new();
    out.push_str("graph agreement {\n");
    out.push_str("  graph [fontname=\"Helvetica\", fontsize=10];\n");
    out.push_str("  node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=9];\n");
    for fact in &report.facts {
        let nodes: String = fact
            .claims
            .iter()
            .map(|id| {
                let text = report.claim(id).map_or("", |c| c.text.as_str());
                format!(
                    "    \"{}\" [label=\"{}\\n{}\"];\n",
                    dot_escape(&id.to_string()),
                    dot_escape(&id.to_string()),
                    dot_escape(&crate::diff::clip(text, 60))
                )
            })
            .collect();
        if fact.claims.len() > 1 {
            let _ = writeln!(
                out,
                "  subgraph cluster_{} {{\n    label=\"{} {}\";",
                fact.id,
                fact.id,
                fact.status.as_str()
            );
            out.push_str(&nodes);
            out.push_str("  }\n");
        } else {
            out.push_str(nodes.strip_prefix("  ").unwrap_or(&nodes));
        }
    }
    let mut edges: Vec<_> = report.graph().edges().collect();
    edges.sort_by(|x, y| (x.0, x.1).cmp(&(y.0, y.1)));
    for (a, b, e) in edges {
        let style = match e.kind {
            EdgeKind::Agrees => "color=\"darkgreen\"",
            EdgeKind::Conflicts => "color=\"red\", penwidth=2",
            EdgeKind::Related => "color=\"grey\", style=dashed",
        };
        let _ = writeln!(
            out,
            "  \"{}\" -- \"{}\" [label=\"{:.2} {}\", {style}];",
            dot_escape(&a.to_string()),
            dot_escape(&b.to_string()),
            e.score.value,
            e.kind.as_str()
        );
    }
    out.push_str("}\n");
    out
}

/// "1 fact", "3 facts".
fn facts_count(n: usize) -> String {
    if n == 1 { "1 fact".to_string() } else { format!("{n} facts") }
}

/// (corroborated, contested, single-source) fact counts.
fn status_counts(report: &Reconciliation) -> (usize, usize, usize) {
    let count = |s: FactStatus| report.facts.iter().filter(|f| f.status == s).count();
    (count(FactStatus::Corroborated), count(FactStatus::Contested), count(FactStatus::SingleSource))
}

/// Single-source facts grouped by their source, in the order sources were added.
fn single_source_by_source(report: &Reconciliation) -> Vec<(String, Vec<&Fact>)> {
    let mut by_source: BTreeMap<String, Vec<&Fact>> = BTreeMap::new();
    for fact in report.facts.iter().filter(|f| f.status == FactStatus::SingleSource) {
        if let Some(source) = fact.sources.first() {
            by_source.entry(source.to_string()).or_default().push(fact);
        }
    }
    let mut out = Vec::new();
    for s in &report.sources {
        if let Some(facts) = by_source.remove(s.id.as_str()) {
            out.push((s.id.to_string(), facts));
        }
    }
    out.extend(by_source);
    out
}

fn join_ids<T: std::fmt::Display>(ids: &[T]) -> String {
    ids.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
}

/// One claim: its id, then its exact words wrapped under it.
fn claim_line(out: &mut String, report: &Reconciliation, id: &ClaimId, indent: usize) {
    let text = report.claim(id).map_or("", |c| c.text.as_str());
    let label = format!("{id}  ");
    let lines = wrap(text, WIDTH.saturating_sub(indent + label.len()).max(20));
    for (i, line) in lines.iter().enumerate() {
        let head = if i == 0 { label.clone() } else { " ".repeat(label.len()) };
        let _ = writeln!(out, "{}{head}{line}", " ".repeat(indent));
    }
}

/// Two (or more) claims in columns, each headed by its id.
fn side_by_side(out: &mut String, report: &Reconciliation, ids: &[ClaimId]) {
    let columns = ids.len().max(1);
    let width = (WIDTH.saturating_sub(4 + 3 * (columns - 1)) / columns).max(12);
    let cells: Vec<Vec<String>> = ids
        .iter()
        .map(|id| {
            let text = report.claim(id).map_or("", |c| c.text.as_str());
            let mut lines = vec![id.to_string(), "-".repeat(id.to_string().chars().count())];
            lines.extend(wrap(text, width));
            lines
        })
        .collect();
    let rows = cells.iter().map(Vec::len).max().unwrap_or(0);
    for r in 0..rows {
        let row: Vec<String> = cells
            .iter()
            .map(|c| {
                let cell = c.get(r).map_or("", String::as_str);
                format!("{cell}{}", " ".repeat(width.saturating_sub(cell.chars().count())))
            })
            .collect();
        let _ = writeln!(out, "    {}", row.join(" | ").trim_end());
    }
}

fn details(out: &mut String, report: &Reconciliation, fact: &Fact) {
    for d in report.differences_of(fact.id).filter(|d| d.kind == DifferenceKind::Detail) {
        let lines = wrap(&format!("detail: {}", d.summary), WIDTH - 4);
        for (i, line) in lines.iter().enumerate() {
            let _ = writeln!(out, "    {}{line}", if i == 0 { "" } else { "  " });
        }
    }
}

fn md_details(out: &mut String, report: &Reconciliation, fact: &Fact) {
    for d in report.differences_of(fact.id).filter(|d| d.kind == DifferenceKind::Detail) {
        let _ = writeln!(out, "- *detail*: {}", md_text(&d.summary));
    }
}

/// `text` broken into lines of at most `width` characters at spaces (a longer word stands alone).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let len = line.chars().count();
        if len > 0 && len + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Text safe in Markdown running text: one line, and characters Markdown would read as markup
/// escaped.
fn md_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Text safe in a Markdown table cell.
fn md_cell(text: &str) -> String {
    md_text(text.trim())
}

/// Text safe inside a DOT double-quoted string.
fn dot_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_words_whole() {
        assert_eq!(wrap("one two three four", 9), ["one two", "three", "four"]);
        assert_eq!(wrap("", 9), [""]);
        assert_eq!(wrap("unbreakableword x", 5), ["unbreakableword", "x"]);
    }

    #[test]
    fn escapes_are_safe() {
        assert_eq!(dot_escape("say \"hi\"\\"), "say \\\"hi\\\"\\\\");
        assert_eq!(md_cell(" a | b *c* "), "a \\| b \\*c\\*");
    }
}
