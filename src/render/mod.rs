//! Renderings of a [`Reconciliation`]: JSON for programs; text, Markdown and HTML ([`to_html`],
//! one self-contained page) for people; DOT for the agreement graph.
//!
//! # The JSON report (`corroborate/1`)
//!
//! [`to_json`] writes one object, the contract other programs read (`reconcile --format json`);
//! [`write_json`] writes the same JSON to a writer without building the object in memory.
//! Fields are only ever added, never renamed or dropped. Every id is a string; every list is in a
//! fixed order, so the same input gives byte-identical output.
//!
//! | field | type | what |
//! | --- | --- | --- |
//! | `schema` | string | `"corroborate/1"` |
//! | `sources` | array | one object per source, in the order added: `id`, `title` (`""` when none), `claims` (a count), `outlet` and `date` (`YYYY-MM-DD`) when known, `copy_of` (the id of the source whose text this one copies, or `null`; [`crate::reconcile::copies`]) |
//! | `claims` | array | every claim, sorted by source id then index (see below) |
//! | `skipped` | array | spans in no claim: `source`, `start`, `end`, `reason` (snake_case: `boilerplate`, `heading`, `duplicate_headline`, `headline`, `empty`, `duplicate`, `unreadable`) |
//! | `facts` | array | groups of claims asserting one thing, `f0`, `f1`, … in order of their first claim |
//! | `differences` | array | how the claims of a fact differ, sorted by fact, kind, claims |
//! | `links` | array | the edges of the agreement graph, sorted by their claims |
//! | `stories` | array | groups of sources that report one seminal event ([`crate::reconcile::story`]): `id` (`s0`, `s1`, … in order of their first source), `sources` (in the order added), `label` (the names and words most of its sources share); every source is in exactly one |
//! | `consensus` | object | truth discovery over the values the facts dispute ([`crate::reconcile::consensus`]): `values` (`fact`, `attribute`, `value`, `belief`, `sources`, `reporting`, `candidates`; only where at least three sources state the attribute) and `trust` (`source`, `trust`) |
//!
//! A **claim** is `{"id": "a:3", "source": "a", "start": 120, "end": 210, "text": "…",
//! "entities": ["Volodymyr Zelensky"], "quantities": [{"value": 30, "unit": "day", …}],
//! "modality": "asserted", "polarity": "affirmed", …}`: `id` is `{source}:{n}` with `n` counting
//! the source's claims in text order; `start`/`end` are byte offsets into the source file's original
//! bytes, half-open; `entities` are canonical names; a quantity's `value` is a number and its `unit` a
//! lowercase singular noun or `""`; `modality` is `asserted` | `hedged` | `conditional` |
//! `question`, `polarity` `affirmed` | `negated`. Further fields (`mentions`, `times`, `quotes`,
//! `attribution` (`speaker`, `surface`, `cue`, `start`, `end`, `resolved`, and `channel`: the outlet,
//! platform or occasion it was said through, or `null`), `terms`, and a quantity's `start`, `end`, `bound`, `each`) carry the full
//! [`crate::model::Claim`].
//!
//! A **fact** is `{"id": "f0", "claims": ["a:3", "b:7"], "sources": ["a", "b"], "status": "…",
//! "story": "s0"}`, `claims` and `sources` sorted, `story` the story of its sources, `independent_sources` how many of them are independent
//! (copies of one text count once). Every claim is in exactly one fact. `status` is `corroborated`
//! (two or more sources, no contesting difference), `single_source`, or `contested` (its sources
//! differ in `quantity`, `polarity`, `modality`, `attribution` or `time`, or give two `account`s
//! that cannot both be true; a `detail` difference alone leaves a fact `corroborated`).
//!
//! A **difference** is `{"kind": "quantity", "fact": "f0", "claims": ["a:3", "b:7"], "summary":
//! "a says “9 prisoners each”, b says “10”."}`, `kind` one of `quantity` | `polarity` | `modality` |
//! `attribution` | `time` | `detail` | `account` (see [`crate::reconcile::diff`] for the rules), `summary` one
//! sentence quoting the exact words.
//!
//! A **link** is `{"claims": ["a:3", "b:7"], "kind": "agrees", "score": 0.71, "anchor": null,
//! "breakdown": [{"feature": "…", "value": 0.8, "weight": 0.5, "part": 0.4}]}`, `kind` one of
//! `agrees` | `conflicts` | `related` ([`crate::reconcile::graph::EdgeKind`]); `anchor` names the entity or
//! quantity of an anchor link ([`crate::reconcile::graph::anchor_links`]), `null` for a link by score.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use serde_json::{Value, json};

use crate::reconcile::consensus::{DEFAULT_MIN_SOURCES, consensus};

use crate::model::{Claim, ClaimId};
use crate::reconcile::graph::EdgeKind;
use crate::reconcile::report::{Reconciliation, SourceSummary};
use crate::reconcile::story::Story;

mod html;
mod outline;

pub use html::to_html;

use outline::{
    FactView, Outline, Telling, consensus_words, kind_words, plural, segments, trust_words,
};

/// The JSON schema version written in every report.
pub const SCHEMA: &str = "corroborate/1";

/// The report as the JSON object documented in the [module docs](self) (`schema` `corroborate/1`).
///
/// The whole report becomes one [`Value`] tree, several times the size of its text: to write a
/// large report, [`write_json`] gives the same JSON without building the tree.
pub fn to_json(report: &Reconciliation) -> Value {
    serde_json::to_value(JsonReport(report)).expect("a report always serializes")
}

/// Writes the report's JSON (as [`to_json`], pretty-printed as `serde_json::to_writer_pretty`
/// would print it) to `writer`, one claim and one link at a time: the peak memory is the report
/// and the writer's buffer, not a tree of the whole report.
///
/// ```
/// use corroborate::{Config, Reconciler, Source, render};
///
/// let mut reconciler = Reconciler::new(Config::default());
/// reconciler.add_source(&Source::new("a", "The ferry sailed on Monday.").unwrap()).unwrap();
/// let report = reconciler.reconcile();
/// let mut out = Vec::new();
/// render::write_json(&report, &mut out).unwrap();
/// assert_eq!(out, serde_json::to_vec_pretty(&render::to_json(&report)).unwrap());
/// ```
pub fn write_json<W: std::io::Write>(report: &Reconciliation, writer: W) -> serde_json::Result<()> {
    use serde::Serialize as _;
    let mut serializer = serde_json::Serializer::pretty(writer);
    JsonReport(report).serialize(&mut serializer)
}

/// The JSON report, serialized field by field (the order of the module docs' table).
struct JsonReport<'r>(&'r Reconciliation);

impl serde::Serialize for JsonReport<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap as _;
        let report = self.0;
        let mut claims: Vec<&Claim> = report.claims.iter().collect();
        claims.sort_by(|x, y| x.id.cmp(&y.id));
        let mut links: Vec<LinkRef<'_>> = report.graph().edges().collect();
        links.sort_by(|x, y| (x.0, x.1).cmp(&(y.0, y.1)));
        let mut map = serializer.serialize_map(Some(9))?;
        map.serialize_entry("schema", SCHEMA)?;
        map.serialize_entry("sources", &report.sources)?;
        map.serialize_entry("claims", &Each(&claims, |c: &&Claim| claim_json(c)))?;
        map.serialize_entry("skipped", &report.skipped)?;
        map.serialize_entry("facts", &report.facts)?;
        map.serialize_entry("differences", &report.differences)?;
        map.serialize_entry("links", &Each(&links, link_json))?;
        map.serialize_entry("consensus", &consensus(report, DEFAULT_MIN_SOURCES))?;
        map.serialize_entry("stories", &report.stories)?;
        map.end()
    }
}

/// A list serialized one element at a time, each made into a [`Value`] by `to` when its turn
/// comes (so only one element's tree exists at once).
struct Each<'a, T, F>(&'a [T], F);

impl<T, F: Fn(&T) -> Value> serde::Serialize for Each<'_, T, F> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq as _;
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        for item in self.0 {
            seq.serialize_element(&(self.1)(item))?;
        }
        seq.end()
    }
}

/// One claim of the JSON report.
fn claim_json(c: &Claim) -> Value {
    json!({
        "id": c.id,
        "source": c.source,
        "start": c.start,
        "end": c.end,
        "text": c.text,
        "entities": c.entities.iter().map(|e| e.canonical.as_str()).collect::<Vec<_>>(),
        "quantities": c.quantities.iter().map(|q| {
            let mut v = json!({
                "value": q.value, "unit": q.unit, "start": q.start, "end": q.end,
                "bound": q.bound, "each": q.each,
            });
            if let Some(upper) = q.upper {
                v["upper"] = json!(upper);
            }
            v
        }).collect::<Vec<_>>(),
        "modality": c.modality,
        "polarity": c.polarity,
        "mentions": c.entities,
        "times": c.times,
        "quotes": c.quotes,
        "attribution": c.attribution,
        "terms": c.terms,
    })
}

/// A link of the agreement graph: its two claims and the edge.
type LinkRef<'r> = (&'r ClaimId, &'r ClaimId, &'r crate::reconcile::graph::Edge);

/// One link of the JSON report.
fn link_json(&(a, b, e): &LinkRef<'_>) -> Value {
    json!({
        "claims": [a, b],
        "kind": e.kind,
        "score": e.score.value,
        "anchor": e.anchor,
        "breakdown": e.score.breakdown,
    })
}

/// Width of the text report, in characters.
const WIDTH: usize = 100;

/// A plain-text report for an editor: the summary first; the sources with outlet, title and date;
/// where the sources differ, most important first, each difference said once with the two claims
/// side by side and the words that differ between «guillemets»; the corroborated facts with the
/// sources that carry them (words only one telling gives marked the same way); the disputed values
/// in plain words (what was disputed, what the most reliable sources support); what only one source
/// reports.
pub fn to_text(report: &Reconciliation) -> String {
    let outline = Outline::new(report);
    let mut out = String::new();
    out.push_str("SUMMARY\n");
    for line in outline.summary() {
        paragraph(&mut out, &line, 2);
    }

    out.push_str("\nSOURCES\n");
    for s in &report.sources {
        paragraph(&mut out, &source_words(s), 2);
    }
    if report.stories.len() > 1 {
        let _ =
            writeln!(out, "\nSTORIES ({} events; every fact belongs to one)", report.stories.len());
        for story in &report.stories {
            paragraph(&mut out, &story_words(story), 2);
        }
    }
    out.push_str(
        "\n  Words in \u{ab}guillemets\u{bb} are those the other telling does not give.\n",
    );

    let _ = writeln!(
        out,
        "\nWHERE THE SOURCES DIFFER ({}, most important first)",
        plural(outline.contested.len(), "fact")
    );
    for view in &outline.contested {
        fact_heading(&mut out, view);
        let mut shown: BTreeSet<&ClaimId> = BTreeSet::new();
        for d in &view.disputes {
            paragraph(&mut out, &format!("[{}] {}", kind_words(d.kind.as_str()), d.summary), 2);
            side_by_side(&mut out, &d.sides);
            for side in &d.sides {
                shown.insert(&side.claim.id);
                shown.extend(side.copies.iter().copied());
                shown.extend(side.alike.iter().copied());
            }
        }
        let others: Vec<&Telling<'_>> =
            view.tellings.iter().filter(|t| !shown.contains(&t.claim.id)).collect();
        if !others.is_empty() {
            out.push_str("    also in this fact:\n");
            for t in others {
                telling_line(&mut out, t, 6);
            }
        }
    }

    let _ = writeln!(
        out,
        "\nCORROBORATED ({}, those with more sources first)",
        plural(outline.corroborated.len(), "fact")
    );
    for view in &outline.corroborated {
        fact_heading(&mut out, view);
        for t in &view.tellings {
            telling_line(&mut out, t, 4);
        }
    }

    if !outline.consensus.values.is_empty() {
        let _ = writeln!(
            out,
            "\nWHAT THE MOST RELIABLE SOURCES SUPPORT ({})",
            plural(outline.consensus.values.len(), "disputed value")
        );
        for v in &outline.consensus.values {
            paragraph(&mut out, &consensus_words(report, v), 2);
        }
        if let Some(trust) = trust_words(&outline.consensus) {
            paragraph(&mut out, &trust, 2);
        }
    }

    let (_, _, single) = outline.counts();
    let _ = writeln!(out, "\nREPORTED BY ONE SOURCE ONLY ({})", plural(single, "fact"));
    for (source, facts) in &outline.single {
        let _ = writeln!(out, "\n  only {source} ({}):", plural(facts.len(), "fact"));
        for fact in facts {
            for id in &fact.claims {
                let text = report.claim(id).map_or("", |c| c.text.as_str());
                labelled_lines(&mut out, &id.to_string(), text, 4);
            }
        }
    }
    out
}

/// A Markdown report for a person: the same sections, in the same order, as [`to_text`];
/// differences as two-column tables, the words that differ in bold.
pub fn to_markdown(report: &Reconciliation) -> String {
    let outline = Outline::new(report);
    let mut out = String::new();
    out.push_str("# Reconciliation\n\n");
    for line in outline.summary() {
        let _ = writeln!(out, "{}\n", md_text(&line));
    }
    out.push_str("## Sources\n\n| source | outlet | title | date | claims |\n| --- | --- | --- | --- | --- |\n");
    for s in &report.sources {
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {} |",
            s.id,
            md_cell(s.outlet.as_deref().unwrap_or("")),
            md_cell(&s.title),
            s.date.map(|d| d.to_string()).unwrap_or_default(),
            s.claims
        );
    }
    if report.stories.len() > 1 {
        out.push_str("\n## Stories\n\n");
        for story in &report.stories {
            let _ = writeln!(out, "- {}", md_text(&story_words(story)));
        }
    }
    out.push_str("\nWords in **bold** are those the other telling does not give.\n");

    out.push_str("\n## Where the sources differ\n");
    for view in &outline.contested {
        let _ = writeln!(out, "\n### {}\n", md_text(&fact_title(view)));
        for d in &view.disputes {
            let _ = writeln!(out, "**{}**: {}\n", kind_words(d.kind.as_str()), md_text(d.summary));
            let head: Vec<String> =
                d.sides.iter().map(|t| format!("`{}`{}", t.claim.id, md_copies(t))).collect();
            let body: Vec<String> = d.sides.iter().map(md_marked).collect();
            let _ = writeln!(
                out,
                "| {} |\n| --- | --- |\n| {} |\n",
                head.join(" | "),
                body.join(" | ")
            );
        }
    }

    out.push_str("\n## Corroborated\n");
    for view in &outline.corroborated {
        let _ = writeln!(out, "\n### {}\n", md_text(&fact_title(view)));
        for t in &view.tellings {
            let _ = writeln!(out, "- `{}`{} {}", t.claim.id, md_copies(t), md_marked(t));
        }
    }

    if !outline.consensus.values.is_empty() {
        out.push_str("\n## What the most reliable sources support\n\n");
        for v in &outline.consensus.values {
            let _ = writeln!(out, "- {}", md_text(&consensus_words(report, v)));
        }
        if let Some(trust) = trust_words(&outline.consensus) {
            let _ = writeln!(out, "\n{}", md_text(&trust));
        }
    }

    out.push_str("\n## Reported by one source only\n");
    for (source, facts) in &outline.single {
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
                    dot_escape(&crate::reconcile::diff::clip(text, 60))
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

/// A source in words: its id, outlet, date and title, and how many claims it gave.
fn source_words(s: &SourceSummary) -> String {
    let outlet = s.outlet.as_deref().unwrap_or("outlet not given");
    let date = s.date.map_or_else(|| "undated".to_string(), |d| d.to_string());
    let title = match s.title.is_empty() {
        true => "untitled".to_string(),
        false => format!("\u{201c}{}\u{201d}", s.title),
    };
    let copy = s.copy_of.as_ref().map(|o| format!(" Copies the text of {o}.")).unwrap_or_default();
    format!("{}: {outlet}, {date}. {title} ({}).{copy}", s.id, plural(s.claims, "claim"))
}

/// "s0 (“label”): a, b, c."
fn story_words(story: &Story) -> String {
    format!("{} (\u{201c}{}\u{201d}): {}.", story.id, story.label, join_ids(&story.sources))
}

/// "f3 (story s0), reported by a, b, c (3 sources)".
fn fact_title(view: &FactView<'_>) -> String {
    let story = view.story.as_deref().map(|s| format!(" (story {s})")).unwrap_or_default();
    format!(
        "{}{story}, reported by {} ({})",
        view.fact.id,
        join_ids(&view.fact.sources),
        source_count(view.fact)
    )
}

/// "3 sources", or "3 sources, 2 independent" when some copy another's text.
pub(crate) fn source_count(fact: &crate::reconcile::report::Fact) -> String {
    let n = fact.sources.len();
    match fact.independent_sources < n {
        true => format!("{}, {} independent", plural(n, "source"), fact.independent_sources),
        false => plural(n, "source"),
    }
}

fn fact_heading(out: &mut String, view: &FactView<'_>) {
    out.push('\n');
    paragraph(out, &fact_title(view), 2);
}

/// `text` wrapped at [`WIDTH`] with every line indented by `indent`.
fn paragraph(out: &mut String, text: &str, indent: usize) {
    for line in wrap(text, WIDTH.saturating_sub(indent).max(20)) {
        let _ = writeln!(out, "{}{line}", " ".repeat(indent));
    }
}

/// A claim's text with its marks between guillemets.
fn marked_text(t: &Telling<'_>) -> String {
    mark_runs(t, "\u{ab}", "\u{bb}", str::to_string)
}

/// A claim's text, each text run through `escape`, each marked phrase between `open` and `close`.
/// Marks that touch or stand only a space apart read as one phrase.
fn mark_runs(t: &Telling<'_>, open: &str, close: &str, escape: fn(&str) -> String) -> String {
    let mut runs: Vec<(String, bool)> = Vec::new();
    for (words, mark) in segments(&t.claim.text, &t.marks) {
        let marked = mark.is_some();
        let bridge = !marked && words.trim().is_empty() && runs.last().is_some_and(|r| r.1);
        match runs.last_mut() {
            Some(last) if last.1 == marked || bridge => last.0.push_str(words),
            // A space that joined two marks but no mark follows goes back outside.
            _ => runs.push((words.to_string(), marked)),
        }
    }
    let mut out = String::new();
    for (words, marked) in runs {
        if !marked {
            out.push_str(&escape(&words));
            continue;
        }
        let trimmed = words.trim_end();
        let _ = write!(out, "{open}{}{close}", escape(trimmed));
        out.push_str(&escape(&words[trimmed.len()..]));
    }
    out
}

/// "c:1, d:2" said as "(same words: c:1, d:2)", or nothing.
fn copies_words(t: &Telling<'_>) -> String {
    let mut parts = Vec::new();
    if !t.copies.is_empty() {
        parts.push(format!("same words: {}", join_ids(&t.copies)));
    }
    if !t.alike.is_empty() {
        parts.push(format!("likewise: {}", join_ids(&t.alike)));
    }
    match parts.is_empty() {
        true => String::new(),
        false => format!(" ({})", parts.join("; ")),
    }
}

/// One telling: its id, then its marked words wrapped under it, then its copies.
fn telling_line(out: &mut String, t: &Telling<'_>, indent: usize) {
    let text = format!("{}{}", marked_text(t), copies_words(t));
    labelled_lines(out, &t.claim.id.to_string(), &text, indent);
}

/// A label, then `text` wrapped beside it.
fn labelled_lines(out: &mut String, label: &str, text: &str, indent: usize) {
    let label = format!("{label}  ");
    let width = label.chars().count();
    let lines = wrap(text, WIDTH.saturating_sub(indent + width).max(20));
    for (i, line) in lines.iter().enumerate() {
        let head = if i == 0 { label.clone() } else { " ".repeat(width) };
        let _ = writeln!(out, "{}{head}{line}", " ".repeat(indent));
    }
}

/// The two sides of a dispute in columns, each headed by its claim id.
fn side_by_side(out: &mut String, sides: &[Telling<'_>]) {
    let columns = sides.len().max(1);
    let width = (WIDTH.saturating_sub(4 + 3 * (columns - 1)) / columns).max(12);
    let cells: Vec<Vec<String>> = sides
        .iter()
        .map(|t| {
            let id = t.claim.id.to_string();
            let mut lines = vec![id.clone(), "-".repeat(id.chars().count())];
            lines.extend(wrap(&marked_text(t), width));
            if !t.copies.is_empty() || !t.alike.is_empty() {
                lines.extend(wrap(copies_words(t).trim(), width));
            }
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

/// A claim's text for Markdown, its marks in bold.
fn md_marked(t: &Telling<'_>) -> String {
    mark_runs(t, "**", "**", md_text)
}

fn md_copies(t: &Telling<'_>) -> String {
    md_text(&copies_words(t))
}

fn join_ids<T: std::fmt::Display>(ids: &[T]) -> String {
    ids.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
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
