//! The HTML report: one self-contained page (inline CSS, a few lines of inline script, the
//! agreement graph as inline SVG laid out here), nothing fetched from the network.

use std::f64::consts::{PI, TAU};
use std::fmt::Write as _;

use super::outline::{
    FactView, MarkKind, Outline, Telling, consensus_words, kind_words, plural, segments,
    trust_words,
};
use crate::model::ClaimId;
use crate::reconcile::graph::EdgeKind;
use crate::reconcile::report::{FactStatus, Reconciliation, SourceSummary};

/// The report as one self-contained HTML page for a person.
///
/// Sections, each an element with its id: `summary`; `sources` (outlet, title, date); `stories`
/// (the events the sources report, [`crate::reconcile::story`]; each fact is labelled with its story when
/// there are several);
/// `differences` (contested facts, most important first, each difference once with the two claims
/// side by side and the differing words in `<mark>`); `corroborated` (each fact with the sources
/// that carry it, words only one telling gives marked); `consensus` (with three or more sources:
/// what was disputed and what the most reliable sources support); `single-source` (per source,
/// collapsed in `<details>`); `graph` (the agreement graph as inline SVG: claims around a circle
/// grouped by source, links as curves coloured by kind).
///
/// Nothing is loaded from the network: the styles and the script that opens and closes the
/// collapsed sections are inline, and the page holds no external `src` or `href`. Every text
/// from the sources (claims, titles, ids) is HTML-escaped, so a claim that holds `<script>` shows
/// those characters and runs nothing. The page is laid out for a desktop window and for a phone
/// (`viewport` meta, one column below 700 px).
///
/// # Examples
/// ```
/// use corroborate::{Config, Reconciler, Source, render};
///
/// let mut reconciler = Reconciler::new(Config::default());
/// for (id, text) in [
///     ("a", "Officials said 12 miners were rescued from the flooded mine near Valdor on Monday."),
///     ("b", "Officials said 19 miners were rescued from the flooded mine near Valdor on Monday <img src=x onerror=alert(1)>."),
/// ] {
///     reconciler.add_source(&Source::new(id, text).unwrap()).unwrap();
/// }
/// let html = render::to_html(&reconciler.reconcile());
/// assert!(html.starts_with("<!DOCTYPE html>"));
/// assert!(html.contains("id=\"differences\""));
/// assert!(html.contains("&lt;img src=x") && !html.contains("<img"));
/// ```
pub fn to_html(report: &Reconciliation) -> String {
    let outline = Outline::new(report);
    let mut out = String::with_capacity(16 * 1024 + report.claims.len() * 600);
    let title = match report.sources.iter().find(|s| !s.title.is_empty()) {
        Some(s) => format!("Reconciliation: {}", s.title),
        None => "Reconciliation".to_string(),
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
        esc(&title)
    );
    let _ = writeln!(
        out,
        "<header><h1>What the sources say</h1><p class=\"lede\">{}</p>\
         <nav><a href=\"#summary\">Summary</a> <a href=\"#sources\">Sources</a> <a href=\"#stories\">Stories</a> \
         <a href=\"#differences\">Differences</a> <a href=\"#corroborated\">Corroborated</a> \
         <a href=\"#single-source\">Single-source</a> <a href=\"#graph\">Graph</a></nav></header>",
        esc(&title)
    );
    summary(&mut out, &outline);
    sources(&mut out, report);
    stories(&mut out, report);
    differences(&mut out, &outline);
    corroborated(&mut out, &outline);
    consensus_section(&mut out, &outline);
    single_source(&mut out, &outline);
    graph(&mut out, report);
    let _ = writeln!(
        out,
        "<footer>Made by corroborate from {}. Claim ids read <code>source:n</code>, the n-th claim \
         of that source.</footer>\n</main>\n<script>{SCRIPT}</script>\n</body>\n</html>",
        plural(report.sources.len(), "source")
    );
    out
}

/// `text` safe in HTML text and in a double- or single-quoted attribute.
pub(crate) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn summary(out: &mut String, outline: &Outline<'_>) {
    let r = outline.report;
    let (corroborated, contested, single) = outline.counts();
    out.push_str("<section id=\"summary\"><h2>Summary</h2>\n<ul class=\"stats\">");
    for (n, label, class) in [
        (r.sources.len(), "sources", ""),
        (r.claims.len(), "claims", ""),
        (contested, "contested", "contested"),
        (corroborated, "corroborated", "corroborated"),
        (single, "single-source", "single"),
    ] {
        let _ = write!(out, "<li class=\"{class}\"><b>{n}</b> {label}</li>");
    }
    out.push_str("</ul>\n");
    for line in outline.summary() {
        let _ = writeln!(out, "<p>{}</p>", esc(&line));
    }
    out.push_str(
        "<p class=\"legend\"><mark class=\"key\">words</mark> what a difference is about \
         &nbsp; <mark class=\"detail\">words</mark> what only this telling gives</p>\n</section>\n",
    );
}

fn sources(out: &mut String, report: &Reconciliation) {
    out.push_str("<section id=\"sources\"><h2>Sources</h2>\n<ol class=\"sources\">\n");
    for (i, s) in report.sources.iter().enumerate() {
        // The title leads; a source without one is named by its id.
        let (head, id) = match s.title.is_empty() {
            true => (
                format!("<b class=\"sid\">{}</b>", esc(s.id.as_str())),
                "<span class=\"meta\">untitled</span>".into(),
            ),
            false => (
                format!("<cite>{}</cite>", esc(&s.title)),
                format!("<b class=\"sid\">{}</b>", esc(s.id.as_str())),
            ),
        };
        let _ = writeln!(
            out,
            "<li><span class=\"swatch\" style=\"background:{}\"></span><div>{head}<br>{id} \
             <span class=\"meta\">· {} · {} · {}{}</span></div></li>",
            source_colour(i),
            esc(s.outlet.as_deref().unwrap_or("outlet not given")),
            s.date.map_or_else(|| "undated".to_string(), |d| d.to_string()),
            plural(s.claims, "claim"),
            s.copy_of
                .as_ref()
                .map(|o| format!(" · copies {}", esc(o.as_str())))
                .unwrap_or_default(),
        );
    }
    out.push_str("</ol>\n</section>\n");
}

fn stories(out: &mut String, report: &Reconciliation) {
    let _ = writeln!(
        out,
        "<section id=\"stories\"><h2>Stories <small>{}: the events the sources report; every \
         fact belongs to one</small></h2>",
        plural(report.stories.len(), "story")
    );
    if report.stories.len() == 1 {
        let story = &report.stories[0];
        let _ = writeln!(out, "<p>All sources report one story: <q>{}</q>.</p>", esc(&story.label));
    } else {
        out.push_str("<ul class=\"stories\">\n");
        for story in &report.stories {
            let sources: Vec<String> = story.sources.iter().map(|s| esc(s.as_str())).collect();
            let _ = writeln!(
                out,
                "<li><span class=\"story\">{}</span> <q>{}</q> <span class=\"meta\">{}: {}</span></li>",
                story.id,
                esc(&story.label),
                plural(story.sources.len(), "source"),
                sources.join(", ")
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

fn differences(out: &mut String, outline: &Outline<'_>) {
    let _ = writeln!(
        out,
        "<section id=\"differences\"><h2>Where the sources differ <small>{}, most important \
         first</small></h2>",
        plural(outline.contested.len(), "fact")
    );
    if outline.contested.is_empty() {
        out.push_str("<p class=\"none\">No fact is contested.</p>\n");
    }
    for view in &outline.contested {
        let _ = writeln!(out, "<article class=\"fact contested\" id=\"{}\">", view.fact.id);
        fact_heading(out, outline.report, view);
        let mut shown: Vec<&ClaimId> = Vec::new();
        for d in &view.disputes {
            let _ = writeln!(
                out,
                "<div class=\"dispute\"><p><span class=\"kind\">{}</span> {}</p><div class=\"pair\">",
                esc(kind_words(d.kind.as_str())),
                esc(d.summary)
            );
            for side in &d.sides {
                claim_block(out, outline.report, side);
                shown.push(&side.claim.id);
                shown.extend(side.copies.iter().copied());
                shown.extend(side.alike.iter().copied());
            }
            out.push_str("</div></div>\n");
        }
        let others: Vec<&Telling<'_>> =
            view.tellings.iter().filter(|t| !shown.contains(&&t.claim.id)).collect();
        if !others.is_empty() {
            out.push_str("<p class=\"also\">Also in this fact:</p>\n<div class=\"tellings\">");
            for t in others {
                claim_block(out, outline.report, t);
            }
            out.push_str("</div>\n");
        }
        out.push_str("</article>\n");
    }
    out.push_str("</section>\n");
}

fn corroborated(out: &mut String, outline: &Outline<'_>) {
    let _ = writeln!(
        out,
        "<section id=\"corroborated\"><h2>Corroborated <small>{}, those with more sources \
         first</small></h2>",
        plural(outline.corroborated.len(), "fact")
    );
    if outline.corroborated.is_empty() {
        out.push_str("<p class=\"none\">No fact is told by two sources that agree.</p>\n");
    }
    for view in &outline.corroborated {
        let _ = writeln!(out, "<article class=\"fact corroborated\" id=\"{}\">", view.fact.id);
        fact_heading(out, outline.report, view);
        out.push_str("<div class=\"tellings\">");
        for t in &view.tellings {
            claim_block(out, outline.report, t);
        }
        out.push_str("</div></article>\n");
    }
    out.push_str("</section>\n");
}

fn consensus_section(out: &mut String, outline: &Outline<'_>) {
    if outline.consensus.values.is_empty() {
        return;
    }
    out.push_str(
        "<section id=\"consensus\"><h2>What the most reliable sources support</h2>\n<ul>\n",
    );
    for v in &outline.consensus.values {
        let _ = writeln!(out, "<li>{}</li>", esc(&consensus_words(outline.report, v)));
    }
    out.push_str("</ul>\n");
    if let Some(trust) = trust_words(&outline.consensus) {
        let _ = writeln!(out, "<p>{}</p>", esc(&trust));
    }
    out.push_str("</section>\n");
}

fn single_source(out: &mut String, outline: &Outline<'_>) {
    let (_, _, single) = outline.counts();
    let _ = writeln!(
        out,
        "<section id=\"single-source\"><h2>Reported by one source only <small>{}</small></h2>\
         <p class=\"tools\"><button type=\"button\" data-open=\"1\">Open all</button> \
         <button type=\"button\" data-open=\"0\">Close all</button></p>",
        plural(single, "fact")
    );
    let report = outline.report;
    for (source, facts) in &outline.single {
        let _ = writeln!(
            out,
            "<details><summary>only <b>{}</b> ({})</summary><ul class=\"claims\">",
            esc(source),
            plural(facts.len(), "fact")
        );
        for fact in facts {
            for id in &fact.claims {
                let text = report.claim(id).map_or("", |c| c.text.as_str());
                let _ = writeln!(
                    out,
                    "<li id=\"{}\"><span class=\"cid\">{}</span> <span class=\"text\">{}</span></li>",
                    claim_anchor(id),
                    esc(&id.to_string()),
                    esc(text)
                );
            }
        }
        out.push_str("</ul></details>\n");
    }
    out.push_str("</section>\n");
}

fn fact_heading(out: &mut String, report: &Reconciliation, view: &FactView<'_>) {
    let sources: Vec<String> = view
        .fact
        .sources
        .iter()
        .map(|s| {
            let i = report.sources.iter().position(|x| &x.id == s).unwrap_or(0);
            format!(
                "<span class=\"src\" style=\"border-color:{}\">{}</span>",
                source_colour(i),
                esc(s.as_str())
            )
        })
        .collect();
    let story = view
        .story
        .as_deref()
        .map(|s| {
            let label = report
                .stories
                .get(view.fact.story.0)
                .map(|st| format!(" {}", esc(&clip_label(&st.label, 40))))
                .unwrap_or_default();
            format!(" <span class=\"story\">{}{label}</span>", esc(s))
        })
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "<h3>{}{story} <small>{}:</small> {}</h3>",
        view.fact.id,
        esc(&super::source_count(view.fact)),
        sources.join(" ")
    );
}

/// One claim as a block: its id and source, its words with the marks, its copies.
fn claim_block(out: &mut String, report: &Reconciliation, t: &Telling<'_>) {
    let claim = t.claim;
    let i = report.sources.iter().position(|s| s.id == claim.source).unwrap_or(0);
    let _ = write!(
        out,
        "<blockquote class=\"claim\" style=\"border-color:{}\"><p class=\"cid\">{}{}</p><p class=\"text\">",
        source_colour(i),
        esc(&claim.id.to_string()),
        source_suffix(report.sources.get(i)),
    );
    for (words, mark) in segments(&claim.text, &t.marks) {
        match mark {
            Some(MarkKind::Key) => {
                let _ = write!(out, "<mark class=\"key\">{}</mark>", esc(words));
            }
            Some(MarkKind::Detail) => {
                let _ = write!(out, "<mark class=\"detail\">{}</mark>", esc(words));
            }
            None => out.push_str(&esc(words)),
        }
    }
    out.push_str("</p>");
    if !t.copies.is_empty() {
        let copies: Vec<String> = t.copies.iter().map(|c| esc(&c.to_string())).collect();
        let _ = write!(out, "<p class=\"copies\">same words in {}</p>", copies.join(", "));
    }
    if !t.alike.is_empty() {
        let alike: Vec<String> = t.alike.iter().map(|c| esc(&c.to_string())).collect();
        let _ = write!(out, "<p class=\"copies\">likewise {}</p>", alike.join(", "));
    }
    out.push_str("</blockquote>\n");
}

/// " · Outlet, date" after a claim id, when known.
fn source_suffix(source: Option<&SourceSummary>) -> String {
    let Some(s) = source else { return String::new() };
    let mut parts = Vec::new();
    if let Some(outlet) = &s.outlet {
        parts.push(esc(outlet));
    }
    if let Some(date) = s.date {
        parts.push(date.to_string());
    }
    match parts.is_empty() {
        true => String::new(),
        false => format!(" <span class=\"meta\">· {}</span>", parts.join(", ")),
    }
}

/// An element id for a claim: `claim-` and the id with anything but letters and digits as `-`.
fn claim_anchor(id: &ClaimId) -> String {
    let s: String =
        id.to_string().chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    format!("claim-{s}")
}

/// Colours for sources, told apart by hue, dark enough for white text around them.
const PALETTE: [&str; 10] = [
    "#1f77b4", "#d95f02", "#7570b3", "#e7298a", "#1b9e77", "#a6761d", "#666666", "#e6ab02",
    "#17becf", "#8c564b",
];

/// The colour of the `i`-th source: the palette, then hues a golden angle apart.
fn source_colour(i: usize) -> String {
    match PALETTE.get(i) {
        Some(colour) => colour.to_string(),
        None => format!("hsl({:.0},65%,40%)", (i as f64 * 137.508) % 360.0),
    }
}

/// The agreement graph as inline SVG, laid out here: every claim a dot on one circle, the claims of
/// a source together on an arc of its colour (arcs sized by claim count, a gap between sources),
/// links as curves bent towards the centre (green agrees, red conflicts, grey dashed related).
/// Dots are filled by their fact's status. Each dot and link carries a `<title>` with its claim
/// ids and words, which a browser shows on hover.
///
/// **Complexity**: O(claims + links).
fn graph(out: &mut String, report: &Reconciliation) {
    let n = report.claims.len();
    let _ = writeln!(
        out,
        "<section id=\"graph\"><h2>Agreement graph <small>{}, {}</small></h2>",
        plural(n, "claim"),
        plural(report.graph().edges().count(), "link")
    );
    if n == 0 {
        out.push_str("<p class=\"none\">No claims.</p></section>\n");
        return;
    }
    // Room beside the circle for source labels, which run sideways.
    const WIDTH: f64 = 1000.0;
    const HEIGHT: f64 = 660.0;
    let (cx, cy, radius) = (WIDTH / 2.0, HEIGHT / 2.0, 260.0);
    let n_sources = report.sources.len().max(1);
    // A gap of a fifth of the circle shared between sources, none for a single source.
    let gap = if n_sources > 1 { TAU * 0.2 / n_sources as f64 } else { 0.0 };
    let step = (TAU - gap * n_sources as f64) / n as f64;
    let dot = (radius * step * 0.4).clamp(1.5, 7.0);

    // Claims are sorted by id, so each source's claims sit together; sources keep report order.
    let mut angle_of: Vec<f64> = vec![0.0; n];
    let mut arcs: Vec<(usize, f64, f64)> = Vec::new();
    let mut at = -PI / 2.0 + gap / 2.0;
    for (si, s) in report.sources.iter().enumerate() {
        let start = at;
        for (ci, c) in report.claims.iter().enumerate().filter(|(_, c)| c.source == s.id) {
            let _ = c;
            angle_of[ci] = at + step / 2.0;
            at += step;
        }
        if at > start {
            arcs.push((si, start, at));
        }
        at += gap;
    }
    let index: std::collections::HashMap<&ClaimId, usize> =
        report.claims.iter().enumerate().map(|(i, c)| (&c.id, i)).collect();
    let point = |angle: f64, r: f64| (cx + r * angle.cos(), cy + r * angle.sin());

    let _ = writeln!(
        out,
        "<figure><svg class=\"graph\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" \
         aria-label=\"Agreement graph: claims around a circle by source, links between them\">"
    );
    // Source arcs and labels; a label close to the one before it moves out a line, so that the
    // labels of two short arcs side by side do not overprint.
    let mut last_label: Option<(f64, bool)> = None;
    for &(si, a0, a1) in &arcs {
        let (x0, y0) = point(a0, radius + 14.0);
        let (x1, y1) = point(a1, radius + 14.0);
        let large = if a1 - a0 > PI { 1 } else { 0 };
        let source = &report.sources[si];
        let _ = writeln!(
            out,
            "<path d=\"M{x0:.1},{y0:.1} A{r:.1},{r:.1} 0 {large} 1 {x1:.1},{y1:.1}\" fill=\"none\" \
             stroke=\"{}\" stroke-width=\"6\"><title>{}</title></path>",
            source_colour(si),
            esc(source.id.as_str()),
            r = radius + 14.0
        );
        let mid = (a0 + a1) / 2.0;
        let crowded = last_label.is_some_and(|(at, out)| !out && mid - at < 0.16);
        last_label = Some((mid, crowded));
        let (lx, ly) = point(mid, radius + if crowded { 50.0 } else { 30.0 });
        let anchor = if mid.cos() > 0.3 {
            "start"
        } else if mid.cos() < -0.3 {
            "end"
        } else {
            "middle"
        };
        let baseline = if mid.sin() > 0.3 { "hanging" } else { "auto" };
        let _ = writeln!(
            out,
            "<text x=\"{lx:.1}\" y=\"{ly:.1}\" text-anchor=\"{anchor}\" dominant-baseline=\"{baseline}\" \
             class=\"slabel\" fill=\"{}\">{}</text>",
            source_colour(si),
            esc(&clip_label(source.id.as_str(), 22))
        );
    }
    // Links under the dots.
    let mut edges: Vec<_> = report.graph().edges().collect();
    edges.sort_by(|x, y| (x.0, x.1).cmp(&(y.0, y.1)));
    for (a, b, e) in edges {
        let (Some(&ia), Some(&ib)) = (index.get(a), index.get(b)) else { continue };
        let (x0, y0) = point(angle_of[ia], radius);
        let (x1, y1) = point(angle_of[ib], radius);
        // The control point: the chord's midpoint pulled most of the way to the centre.
        let (mx, my) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
        let (qx, qy) = (cx + (mx - cx) * 0.25, cy + (my - cy) * 0.25);
        let (class, width) = match e.kind {
            EdgeKind::Agrees => ("agrees", 1.0 + 2.0 * e.score.value),
            EdgeKind::Conflicts => ("conflicts", 1.5 + 2.0 * e.score.value),
            EdgeKind::Related => ("related", 1.0),
        };
        let _ = writeln!(
            out,
            "<path class=\"link {class}\" d=\"M{x0:.1},{y0:.1} Q{qx:.1},{qy:.1} {x1:.1},{y1:.1}\" \
             stroke-width=\"{width:.1}\"><title>{} \u{2013} {}: {} ({:.2})</title></path>",
            esc(&a.to_string()),
            esc(&b.to_string()),
            e.kind.as_str(),
            e.score.value
        );
    }
    // Dots, and their numbers when there is room.
    let numbers = n <= 80;
    for (i, c) in report.claims.iter().enumerate() {
        let (x, y) = point(angle_of[i], radius);
        let status = report.fact_of(&c.id).map_or(FactStatus::SingleSource, |f| f.status);
        let class = match status {
            FactStatus::Contested => "contested",
            FactStatus::Corroborated => "corroborated",
            _ => "single",
        };
        let _ = writeln!(
            out,
            "<circle class=\"node {class}\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{dot:.1}\"><title>{}: {}</title></circle>",
            esc(&c.id.to_string()),
            esc(&crate::reconcile::diff::clip(&c.text, 160))
        );
        if numbers {
            let (tx, ty) = point(angle_of[i], radius - dot - 9.0);
            let _ = writeln!(
                out,
                "<text x=\"{tx:.1}\" y=\"{ty:.1}\" class=\"nlabel\" text-anchor=\"middle\" \
                 dominant-baseline=\"middle\">{}</text>",
                c.id.index()
            );
        }
    }
    out.push_str("</svg>\n");
    out.push_str(
        "<figcaption>Each dot is a claim, placed with its source's claims on that source's arc and \
         numbered in text order. Dots: <span class=\"k contested\">contested</span> \
         <span class=\"k corroborated\">corroborated</span> <span class=\"k single\">single-source</span>. \
         Lines join claims the aligner linked: <span class=\"l agrees\">agree</span> \
         <span class=\"l conflicts\">conflict</span> <span class=\"l related\">related, other fact</span>. \
         Hover a dot or a line for its words.</figcaption></figure>\n</section>\n",
    );
}

/// `label` cut to `max` characters with an ellipsis.
fn clip_label(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        return label.to_string();
    }
    let cut: String = label.chars().take(max - 1).collect();
    format!("{cut}\u{2026}")
}

const STYLE: &str = r#"
:root{--fg:#1d2329;--muted:#5b6670;--line:#d8dde2;--bg:#fff;--card:#f6f7f9;--red:#c0392b;--green:#1e8449;--grey:#8a949c;--key:#ffd7cf;--detail:#fff1a8}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1120px;margin:0 auto;padding:24px 32px 48px}
header h1{margin:0 0 4px;font-size:1.9rem}
.lede{margin:0 0 12px;color:var(--muted)}
nav{display:flex;flex-wrap:wrap;gap:6px 14px;padding:8px 0 4px;border-bottom:1px solid var(--line)}
nav a{color:#1f5fa8;text-decoration:none}
h2{font-size:1.4rem;margin:32px 0 12px;padding-bottom:4px;border-bottom:2px solid var(--line)}
h2 small,h3 small{font-weight:normal;color:var(--muted);font-size:.8em}
h3{font-size:1.05rem;margin:0 0 10px;display:flex;flex-wrap:wrap;gap:6px;align-items:baseline}
.stats{list-style:none;margin:0 0 12px;padding:0;display:flex;flex-wrap:wrap;gap:10px}
.stats li{background:var(--card);border-radius:8px;padding:8px 14px;min-width:110px}
.stats b{display:block;font-size:1.6rem;line-height:1.2}
.stats .contested b{color:var(--red)}.stats .corroborated b{color:var(--green)}.stats .single b{color:var(--grey)}
.legend{color:var(--muted);font-size:.92rem}
mark{border-radius:3px;padding:0 2px;color:inherit}
mark.key{background:var(--key);box-shadow:inset 0 -2px 0 var(--red)}
mark.detail{background:var(--detail)}
.sources{list-style:none;padding:0;margin:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:10px}
.sources li{display:flex;gap:10px;background:var(--card);border-radius:8px;padding:10px 12px;min-width:0}
.sources cite{font-style:normal;font-weight:600}
.swatch{flex:none;width:12px;border-radius:3px}
.sid,.cid{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem;overflow-wrap:anywhere}
.meta{color:var(--muted);font-size:.88rem}
.fact{border:1px solid var(--line);border-radius:10px;padding:14px 16px;margin:0 0 14px;background:#fff}
.fact.contested{border-left:5px solid var(--red)}
.fact.corroborated{border-left:5px solid var(--green)}
.src{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.8rem;font-weight:normal;border:1px solid;border-left-width:4px;border-radius:4px;padding:0 5px}
.stories{padding-left:20px}.stories li{margin:4px 0}
.story{font-size:.8rem;font-weight:normal;background:#e8eef7;border-radius:4px;padding:0 6px}
.dispute>p{margin:0 0 8px}
.kind{display:inline-block;background:var(--red);color:#fff;border-radius:4px;padding:0 7px;font-size:.8rem;font-weight:600;margin-right:4px}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:12px;margin-bottom:12px}
.tellings{display:grid;gap:8px}
.claim{margin:0;background:var(--card);border-left:4px solid;border-radius:6px;padding:8px 12px;min-width:0}
.claim p{margin:0}
.claim .cid{color:var(--muted);margin-bottom:2px}
.claim .text{overflow-wrap:anywhere}
.copies{color:var(--muted);font-size:.85rem;margin-top:4px!important}
.also{margin:4px 0 6px;color:var(--muted)}
.none{color:var(--muted)}
details{border:1px solid var(--line);border-radius:8px;margin:0 0 8px;background:#fff}
summary{cursor:pointer;padding:8px 12px}
details ul{margin:0;padding:0 12px 10px 32px}
details li{margin:4px 0;overflow-wrap:anywhere}
.tools button{font:inherit;font-size:.9rem;padding:3px 10px;border:1px solid var(--line);border-radius:6px;background:var(--card);cursor:pointer}
figure{margin:0}
svg.graph{display:block;width:100%;max-width:920px;height:auto;margin:0 auto}
.link{fill:none}.link.agrees{stroke:var(--green);opacity:.75}.link.conflicts{stroke:var(--red)}.link.related{stroke:var(--grey);stroke-dasharray:4 3;opacity:.7}
.node{stroke:#fff;stroke-width:1}.node.contested{fill:var(--red)}.node.corroborated{fill:var(--green)}.node.single{fill:var(--grey)}
.slabel{font-size:15px;font-weight:600}.nlabel{font-size:10px;fill:var(--muted)}
figcaption{color:var(--muted);font-size:.9rem;max-width:920px;margin:8px auto 0}
.k,.l{white-space:nowrap}.k::before{content:"";display:inline-block;width:10px;height:10px;border-radius:50%;margin:0 4px 0 2px;vertical-align:middle}
.k.contested::before{background:var(--red)}.k.corroborated::before{background:var(--green)}.k.single::before{background:var(--grey)}
.l::before{content:"";display:inline-block;width:18px;border-top:3px solid;margin:0 4px 0 2px;vertical-align:middle}
.l.agrees::before{border-color:var(--green)}.l.conflicts::before{border-color:var(--red)}.l.related::before{border-top:2px dashed var(--grey)}
footer{margin-top:36px;color:var(--muted);font-size:.85rem}
@media (max-width:700px){
main{padding:14px 14px 32px}
header h1{font-size:1.5rem}
.pair{grid-template-columns:1fr}
.sources{grid-template-columns:1fr}
.fact{padding:10px 10px}
.stats{gap:6px}
.stats li{min-width:0;flex:1 1 28%;padding:6px 10px}
.stats b{font-size:1.3rem}
h2 small{display:block;font-size:.7em}
figure{overflow-x:auto}
svg.graph{width:680px;max-width:none}
figcaption{position:sticky;left:0;max-width:calc(100vw - 28px)}
}
"#;

const SCRIPT: &str = r##"
document.querySelectorAll("button[data-open]").forEach(function (b) {
  b.addEventListener("click", function () {
    var open = b.getAttribute("data-open") === "1";
    document.querySelectorAll("#single-source details").forEach(function (d) { d.open = open; });
  });
});
"##;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn esc_makes_markup_text() {
        assert_eq!(
            esc("<script>alert(\"x\" & 'y')</script>"),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;"
        );
    }

    #[test]
    fn claim_anchor_is_an_id() {
        let id = ClaimId::new(crate::model::SourceId::new("41_1ecb x"), 3);
        assert_eq!(claim_anchor(&id), "claim-41-1ecb-x-3");
    }

    #[test]
    fn clip_label_keeps_short_labels() {
        assert_eq!(clip_label("abc", 5), "abc");
        assert_eq!(clip_label("abcdefgh", 5), "abcd\u{2026}");
    }
}
