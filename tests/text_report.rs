//! The text report as an editor reads it: the summary first, the sources with outlet, title and
//! date, differences by importance, each said once, details as phrases in their sentence,
//! consensus in plain words.

use corroborate::{Config, Reconciler, Source, render};

use crate::common::fixture;

fn ferry() -> corroborate::Reconciliation {
    let mut reconciler = Reconciler::new(Config::default());
    for (id, outlet) in [
        ("brenport_gazette", "Brenport Gazette"),
        ("coastal_times", "The Coastal Times"),
        ("island_radio", "Island Radio"),
        ("harbour_post", "Harbour Post"),
    ] {
        let source = Source::from_file(fixture(&format!("ferry/{id}.txt")))
            .unwrap()
            .with_outlet(outlet)
            .with_date("2026-11-30".parse().unwrap());
        reconciler.add_source(&source).unwrap();
    }
    reconciler.reconcile()
}

/// The lines of `text` from the heading that starts with `heading` to the next heading (a line
/// that starts with a capital letter).
fn section<'t>(text: &'t str, heading: &str) -> &'t str {
    let start = text
        .match_indices(heading)
        .map(|(i, _)| i)
        .find(|&i| i == 0 || text[..i].ends_with('\n'))
        .unwrap_or_else(|| panic!("no {heading}: {text}"));
    let rest = &text[start..];
    let end = rest
        .match_indices('\n')
        .map(|(i, _)| i + 1)
        .find(|&i| rest[i..].starts_with(|c: char| c.is_ascii_uppercase()))
        .unwrap_or(rest.len());
    &rest[..end]
}

/// `text` with its line breaks and indents as single spaces.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_text_report_reads_top_down_for_an_editor() {
    let text = render::to_text(&ferry());
    // The summary first, naming the most important difference.
    assert!(text.starts_with("SUMMARY\n  4 sources read, 18 claims"), "{text}");
    let summary = flat(section(&text, "SUMMARY"));
    assert!(summary.contains("Most important difference (f0)"), "{summary}");
    // Sources with outlet, date and title.
    let sources = section(&text, "SOURCES");
    assert!(
        sources.contains(
            "brenport_gazette: Brenport Gazette, 2026-11-30. \u{201c}Ferry Runs Aground Off Corrin Island\u{201d} (5 claims)."
        ),
        "{sources}"
    );
    // Differences by importance: the fact four sources tell before the one two tell.
    let differ = section(&text, "WHERE THE SOURCES DIFFER");
    let four = differ
        .find("reported by brenport_gazette, coastal_times, harbour_post, island_radio")
        .unwrap();
    let two = differ.find("f4, reported by brenport_gazette, coastal_times (2 sources)").unwrap();
    assert!(four < two, "{differ}");
    // A copy of a text is named once beside it, not compared again.
    // Another source making the same point in other words joins the comparison shown.
    // (In the left column, which wraps: "(same words: harbour_post:0; likewise:" / "coastal_times:0)".)
    assert!(differ.contains("(same words: harbour_post:0; likewise:"), "{differ}");
    assert!(differ.contains("\n    coastal_times:0)"), "{differ}");
    assert_eq!(differ.matches("[a date]").count(), 1, "{differ}");
    assert!(!differ.contains("harbour_post:0    "), "harbour_post:0 compared on its own: {differ}");
    // The differing words are marked inside the claim, whole phrases included.
    assert!(differ.contains("\u{ab}Saturday evening\u{bb}"), "{differ}");
    assert!(differ.contains("\u{ab}at high tide\u{bb}"), "{differ}");
    // Consensus in plain words, without beliefs or trust scores.
    let consensus = flat(section(&text, "WHAT THE MOST RELIABLE SOURCES SUPPORT"));
    assert!(consensus.contains("the date, 2 values from 4 sources"), "{consensus}");
    assert!(consensus.contains("Most reliable sources support 2026-11-29"), "{consensus}");
    assert!(!consensus.contains("belief") && !consensus.contains("0."), "{consensus}");
    // Sections in order.
    let at = |h: &str| text.find(h).unwrap();
    assert!(at("SOURCES") < at("WHERE THE SOURCES DIFFER"));
    assert!(at("WHERE THE SOURCES DIFFER") < at("CORROBORATED"));
    assert!(at("CORROBORATED") < at("REPORTED BY ONE SOURCE ONLY"));
}

#[test]
fn markdown_follows_the_text_report() {
    let md = render::to_markdown(&ferry());
    let at = |h: &str| md.find(h).unwrap_or_else(|| panic!("no {h}: {md}"));
    assert!(at("4 sources read") < at("## Sources"));
    assert!(at("## Sources") < at("## Where the sources differ"));
    assert!(at("## Where the sources differ") < at("## Corroborated"));
    assert!(md.contains("| `brenport_gazette` | Brenport Gazette | Ferry Runs Aground Off Corrin Island | 2026-11-30 | 5 |"), "{md}");
    assert!(md.contains("**Saturday evening**"), "{md}");
    assert!(md.contains("## What the most reliable sources support"), "{md}");
}
