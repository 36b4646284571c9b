//! "Here is a reconciliation, gimme what a person reads, in the order they should read it": the
//! plan the text, Markdown and HTML reports share.
//!
//! Contested facts come first, most important first (a contradiction before a hedge, a fact many
//! sources tell before one two tell); each way two tellings differ is said once, however many
//! copies of a text carry it; and in every claim the words that differ are marked, so a detail
//! reads as a phrase in its sentence rather than a fragment in a list.

use std::collections::BTreeMap;
use std::ops::Range;

use crate::model::{Claim, ClaimId};
use crate::reconcile::consensus::{Consensus, DEFAULT_MIN_SOURCES, FactValue, consensus};
use crate::reconcile::diff::{Differ, contests};
use crate::reconcile::report::{Difference, DifferenceKind, Fact, FactStatus, Reconciliation};

/// What a mark in a claim's text stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MarkKind {
    /// The words a contesting difference quotes: the number, the negation, the hedge, the day.
    Key,
    /// Words the other telling lacks (a detail).
    Detail,
}

/// A marked stretch of a claim's text: a byte range into `Claim::text`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Mark {
    pub range: Range<usize>,
    pub kind: MarkKind,
}

/// One text of a fact as told by one or more claims with the same words.
pub(crate) struct Telling<'r> {
    /// The first claim with these words.
    pub claim: &'r Claim,
    /// Other claims of the fact with exactly these words (copies of one text).
    pub copies: Vec<&'r ClaimId>,
    /// In a dispute: other claims that take this side in other words (the same number, the same
    /// day, the same speaker), so the comparison is said once.
    pub alike: Vec<&'r ClaimId>,
    /// The words no other telling of the fact gives.
    pub marks: Vec<Mark>,
}

/// One contesting difference between two tellings, said once.
pub(crate) struct Dispute<'r> {
    /// Its kind (never `detail`).
    pub kind: DifferenceKind,
    /// The summary of the first pair of claims found with these two texts.
    pub summary: &'r str,
    /// The two tellings compared, each with its marks against the other.
    pub sides: [Telling<'r>; 2],
}

/// A fact as a report shows it.
pub(crate) struct FactView<'r> {
    pub fact: &'r Fact,
    /// Its contesting differences, one per kind and pair of texts, the strongest kinds first.
    pub disputes: Vec<Dispute<'r>>,
    /// Its distinct texts, in claim order, each marked with what only it gives.
    pub tellings: Vec<Telling<'r>>,
    /// The id of the story it belongs to, when the run has more than one.
    pub story: Option<String>,
}

/// The whole plan.
pub(crate) struct Outline<'r> {
    pub report: &'r Reconciliation,
    /// Contested facts, most important first.
    pub contested: Vec<FactView<'r>>,
    /// Corroborated facts, those with more sources first.
    pub corroborated: Vec<FactView<'r>>,
    /// Single-source facts per source, in the order sources were added.
    pub single: Vec<(String, Vec<&'r Fact>)>,
    /// Truth discovery over the disputed values (empty below three sources).
    pub consensus: Consensus,
}

impl<'r> Outline<'r> {
    pub(crate) fn new(report: &'r Reconciliation) -> Outline<'r> {
        let differ = report.differ();
        let view = |fact: &'r Fact| fact_view(report, &differ, fact);
        let mut contested: Vec<FactView<'r>> =
            report.facts.iter().filter(|f| f.status == FactStatus::Contested).map(view).collect();
        contested.sort_by_key(|v| {
            let strongest =
                v.disputes.iter().map(|d| kind_rank(d.kind)).min().unwrap_or(usize::MAX);
            (std::cmp::Reverse(v.fact.independent_sources), strongest, v.fact.id)
        });
        let mut corroborated: Vec<FactView<'r>> = report
            .facts
            .iter()
            .filter(|f| f.status == FactStatus::Corroborated)
            .map(view)
            .collect();
        corroborated.sort_by_key(|v| (std::cmp::Reverse(v.fact.independent_sources), v.fact.id));
        Outline {
            report,
            contested,
            corroborated,
            single: single_source_by_source(report),
            consensus: consensus(report, DEFAULT_MIN_SOURCES),
        }
    }

    /// (corroborated, contested, single-source) fact counts.
    pub(crate) fn counts(&self) -> (usize, usize, usize) {
        let single = self.single.iter().map(|(_, f)| f.len()).sum();
        (self.corroborated.len(), self.contested.len(), single)
    }

    /// The summary in sentences: what was read, what was found, where the sources differ.
    pub(crate) fn summary(&self) -> Vec<String> {
        let r = self.report;
        let (corroborated, contested, single) = self.counts();
        let mut lines = vec![format!(
            "{} read, {} found in them, grouped into {}: {corroborated} corroborated, {contested} contested, {single} reported by one source only.",
            plural(r.sources.len(), "source"),
            plural(r.claims.len(), "claim"),
            plural(r.facts.len(), "fact"),
        )];
        if contested > 0 {
            let mut kinds: BTreeMap<usize, (&str, usize)> = BTreeMap::new();
            for v in &self.contested {
                for d in &v.disputes {
                    kinds.entry(kind_rank(d.kind)).or_insert((d.kind.as_str(), 0)).1 += 1;
                }
            }
            let kinds: Vec<String> =
                kinds.values().map(|(k, n)| format!("{} ({n})", kind_words(k))).collect();
            lines.push(format!(
                "The sources differ on {}: {}.",
                plural(contested, "fact"),
                kinds.join(", ")
            ));
        } else {
            lines.push("The sources contradict each other nowhere.".to_string());
        }
        if let Some((top, d)) =
            self.contested.first().and_then(|top| top.disputes.first().map(|d| (top, d)))
        {
            lines.push(format!("Most important difference ({}): {}", top.fact.id, d.summary));
        }
        lines
    }
}

/// Contradictions first, then numbers and days, then speakers, then hedges.
fn kind_rank(kind: DifferenceKind) -> usize {
    match kind {
        DifferenceKind::Polarity => 0,
        DifferenceKind::Account => 1,
        DifferenceKind::Quantity => 2,
        DifferenceKind::Time => 3,
        DifferenceKind::Attribution => 4,
        DifferenceKind::Modality => 5,
        _ => 6,
    }
}

/// A difference kind as a person says it.
pub(crate) fn kind_words(kind: &str) -> &'static str {
    match kind {
        "polarity" => "one denies what another states",
        "account" => "accounts that cannot both be true",
        "quantity" => "a number",
        "time" => "a date",
        "attribution" => "who said it",
        "modality" => "certain against uncertain",
        "detail" => "a detail",
        _ => "other",
    }
}

/// "1 fact", "3 facts", "2 stories".
pub(crate) fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        return format!("1 {noun}");
    }
    match noun.strip_suffix('y') {
        Some(stem) if !stem.ends_with(['a', 'e', 'o', 'u']) => format!("{n} {stem}ies"),
        _ => format!("{n} {noun}s"),
    }
}

/// A consensus value in plain words: what was disputed and what the sources that have been
/// reliable support.
pub(crate) fn consensus_words(report: &Reconciliation, value: &FactValue) -> String {
    let what = match value.attribute.split_once(':') {
        Some(("quantity", "")) => "the number".to_string(),
        Some(("quantity", "percent")) => "the percentage".to_string(),
        Some(("quantity", "usd")) => "the amount in dollars".to_string(),
        Some(("quantity", "fraction")) => "the share".to_string(),
        Some(("quantity", unit)) => format!("the number of {unit}s"),
        _ if value.attribute == "time" => "the date".to_string(),
        _ if value.attribute == "speaker" => "who said it".to_string(),
        _ => value.attribute.clone(),
    };
    let topic = report
        .fact(value.fact)
        .and_then(|f| f.claims.first())
        .and_then(|id| report.claim(id))
        .map(|c| format!(" (\u{201c}{}\u{201d})", crate::reconcile::diff::clip(&c.text, 70)))
        .unwrap_or_default();
    let supporters: Vec<&str> = value.sources.iter().map(|s| s.as_str()).collect();
    format!(
        "Disputed in {}{topic}: {what}, {} values from {} sources. Most reliable sources support {} ({} of {}: {}).",
        value.fact,
        value.candidates,
        value.reporting,
        value.value,
        supporters.len(),
        value.reporting,
        supporters.join(", ")
    )
}

/// Source trust in plain words: who agreed with the weighted majority most and least.
pub(crate) fn trust_words(consensus: &Consensus) -> Option<String> {
    if consensus.trust.len() < 2 {
        return None;
    }
    let mut trust: Vec<(&str, f64)> =
        consensus.trust.iter().map(|t| (t.source.as_str(), t.trust)).collect();
    trust.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(y.0)));
    let top = trust[0].1;
    let bottom = trust[trust.len() - 1].1;
    if (top - bottom).abs() < 1e-6 {
        return Some("All sources were equally reliable on the disputed values.".to_string());
    }
    let most: Vec<&str> = trust.iter().filter(|t| (t.1 - top).abs() < 1e-6).map(|t| t.0).collect();
    let least: Vec<&str> =
        trust.iter().filter(|t| (t.1 - bottom).abs() < 1e-6).map(|t| t.0).collect();
    Some(format!(
        "Most reliable on the disputed values (agreeing most with the others): {}. Least reliable: {}.",
        most.join(", "),
        least.join(", ")
    ))
}

/// The text of `claim` cut into runs, each marked or not, in order (marks never overlap; a key
/// mark wins over a detail mark on the same words).
pub(crate) fn segments<'t>(text: &'t str, marks: &[Mark]) -> Vec<(&'t str, Option<MarkKind>)> {
    let mut kinds: Vec<Option<MarkKind>> = vec![None; text.len()];
    for mark in marks {
        for k in mark.range.clone().filter(|&k| k < text.len()) {
            if kinds[k] != Some(MarkKind::Key) {
                kinds[k] = Some(mark.kind);
            }
        }
    }
    let mut out = Vec::new();
    let mut start = 0;
    for k in 1..=text.len() {
        let boundary = k == text.len() || (text.is_char_boundary(k) && kinds[k] != kinds[start]);
        if boundary {
            out.push((&text[start..k], kinds[start]));
            start = k;
        }
    }
    out
}

fn fact_view<'r>(report: &'r Reconciliation, differ: &Differ, fact: &'r Fact) -> FactView<'r> {
    let claims: Vec<&Claim> = fact.claims.iter().filter_map(|id| report.claim(id)).collect();
    // Tellings: claims with the same words are one text.
    let mut texts: Vec<(&Claim, Vec<&ClaimId>)> = Vec::new();
    for c in &claims {
        match texts.iter_mut().find(|(first, _)| same_text(&first.text, &c.text)) {
            Some((_, copies)) => copies.push(&c.id),
            None => texts.push((c, Vec::new())),
        }
    }
    let tellings: Vec<Telling<'r>> = texts
        .iter()
        .map(|(claim, copies)| {
            let others: Vec<&Claim> =
                texts.iter().map(|t| t.0).filter(|o| o.id != claim.id).collect();
            let marks = match others.is_empty() {
                true => Vec::new(),
                false => detail_marks(differ, claim, &others),
            };
            Telling { claim, copies: copies.clone(), alike: Vec::new(), marks }
        })
        .collect();

    // Disputes: one per kind and pair of texts. A difference across facts is filed under one of
    // them; the other fact is contested by it too, so it shows there as well.
    let mut disputes: Vec<Dispute<'r>> = Vec::new();
    let names_a_claim = |d: &Difference| d.claims.iter().any(|c| fact.claims.contains(c));
    for d in report
        .differences
        .iter()
        .filter(|d| contests(d.kind) && (d.fact == fact.id || names_a_claim(d)))
    {
        let (Some(a), Some(b)) =
            (report.claim(&d.claims[0]), d.claims.get(1).and_then(|id| report.claim(id)))
        else {
            continue;
        };
        let seen = disputes.iter().any(|x| {
            x.kind == d.kind
                && ((same_text(&x.sides[0].claim.text, &a.text)
                    && same_text(&x.sides[1].claim.text, &b.text))
                    || (same_text(&x.sides[0].claim.text, &b.text)
                        && same_text(&x.sides[1].claim.text, &a.text)))
        });
        if seen {
            continue;
        }
        let side = |claim: &'r Claim, other: &'r Claim| {
            let copies = claims
                .iter()
                .filter(|c| c.id != claim.id && same_text(&c.text, &claim.text))
                .map(|c| &c.id)
                .collect();
            let mut marks = match d.kind {
                // The speaker's words, not the quotation both give.
                DifferenceKind::Attribution => speaker_marks(claim),
                _ => key_marks(&claim.text, &d.summary, d.kind),
            };
            marks.extend(detail_marks(differ, claim, &[other]));
            Telling { claim, copies, alike: Vec::new(), marks }
        };
        let sides = [side(a, b), side(b, a)];
        // The same point made again by other claims (“40” against “25”, other words around them)
        // joins the dispute already shown.
        let keys = [key_words(&sides[0]), key_words(&sides[1])];
        let same_point = disputes.iter_mut().find(|x| {
            let xk = [key_words(&x.sides[0]), key_words(&x.sides[1])];
            x.kind == d.kind
                && !keys[0].is_empty()
                && !keys[1].is_empty()
                && (xk == keys || (xk[0] == keys[1] && xk[1] == keys[0]))
        });
        if let Some(x) = same_point {
            for side in &sides {
                let key = key_words(side);
                let Some(target) = x.sides.iter_mut().find(|t| key_words(t) == key) else {
                    continue;
                };
                for id in std::iter::once(&side.claim.id).chain(side.copies.iter().copied()) {
                    let known = &target.claim.id == id
                        || target.copies.contains(&id)
                        || target.alike.contains(&id);
                    if !known {
                        target.alike.push(id);
                    }
                }
            }
            continue;
        }
        disputes.push(Dispute { kind: d.kind, summary: &d.summary, sides });
    }
    for d in &mut disputes {
        for side in &mut d.sides {
            side.alike.sort();
        }
    }
    disputes.sort_by_key(|d| kind_rank(d.kind));
    // One story needs no label on every fact.
    let story = (report.stories.len() > 1).then(|| fact.story.to_string());
    FactView { fact, disputes, tellings, story }
}

fn detail_marks(differ: &Differ, claim: &Claim, others: &[&Claim]) -> Vec<Mark> {
    differ
        .unique_phrases(claim, others)
        .into_iter()
        .map(|range| Mark { range, kind: MarkKind::Detail })
        .collect()
}

/// The words of a telling's key marks, lower-cased, white space collapsed: the point it makes in
/// a dispute.
fn key_words(t: &Telling<'_>) -> String {
    let mut words: Vec<String> = t
        .marks
        .iter()
        .filter(|m| m.kind == MarkKind::Key)
        .filter_map(|m| t.claim.text.get(m.range.clone()))
        .map(|w| w.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase())
        .collect();
    words.sort();
    words.dedup();
    words.join("|")
}

/// The words naming a claim's speaker.
fn speaker_marks(claim: &Claim) -> Vec<Mark> {
    let Some(a) = &claim.attribution else { return Vec::new() };
    let (Some(start), Some(end)) =
        (a.start.checked_sub(claim.start), a.end.checked_sub(claim.start))
    else {
        return Vec::new();
    };
    match claim.text.get(start..end) {
        Some(words) if !words.trim().is_empty() => {
            vec![Mark { range: start..end, kind: MarkKind::Key }]
        }
        _ => Vec::new(),
    }
}

/// The words a difference's summary quotes (“…”), found in `text` at word boundaries. An account
/// quotes whole claims, which would mark everything: of its quotes only the cue (“declined”, “not”)
/// is marked, and the other words are marked as details.
fn key_marks(text: &str, summary: &str, kind: DifferenceKind) -> Vec<Mark> {
    let mut marks = Vec::new();
    let mut rest = summary;
    while let Some(open) = rest.find('\u{201c}') {
        let after = &rest[open + '\u{201c}'.len_utf8()..];
        let Some(close) = after.find('\u{201d}') else { break };
        let quote = after[..close].trim_end_matches('\u{2026}').trim();
        rest = &after[close + '\u{201d}'.len_utf8()..];
        let cue_only = kind == DifferenceKind::Account && quote.split_whitespace().count() > 3;
        if quote.is_empty() || quote.len() * 10 > text.len() * 8 || cue_only {
            continue;
        }
        let mut from = 0;
        while let Some(at) = text[from..].find(quote) {
            let start = from + at;
            let end = start + quote.len();
            let before = text[..start].chars().next_back();
            let after = text[end..].chars().next();
            let bounded = !before.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(char::is_alphanumeric);
            if bounded {
                marks.push(Mark { range: start..end, kind: MarkKind::Key });
            }
            from = end;
        }
    }
    marks
}

/// Whether two claim texts are the same words (white space aside).
fn same_text(x: &str, y: &str) -> bool {
    x.split_whitespace().eq(y.split_whitespace())
}

/// Single-source facts grouped by their source, in the order sources were added. A fact carried
/// only by copies of one text is filed under the original.
pub(crate) fn single_source_by_source(report: &Reconciliation) -> Vec<(String, Vec<&Fact>)> {
    let original: BTreeMap<&str, &str> = report
        .sources
        .iter()
        .filter_map(|s| Some((s.id.as_str(), s.copy_of.as_ref()?.as_str())))
        .collect();
    let mut by_source: BTreeMap<String, Vec<&Fact>> = BTreeMap::new();
    for fact in report.facts.iter().filter(|f| f.status == FactStatus::SingleSource) {
        if let Some(source) = fact.sources.first() {
            let source = original.get(source.as_str()).copied().unwrap_or(source.as_str());
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_cover_the_text_and_key_marks_win() {
        let marks = [
            Mark { range: 4..9, kind: MarkKind::Detail },
            Mark { range: 6..12, kind: MarkKind::Key },
        ];
        let s = segments("the quick brown fox", &marks);
        assert_eq!(
            s,
            [
                ("the ", None),
                ("qu", Some(MarkKind::Detail)),
                ("ick br", Some(MarkKind::Key)),
                ("own fox", None)
            ]
        );
        assert_eq!(segments("", &marks), []);
        // Runs fall on character boundaries.
        let text = "caf\u{e9} na\u{ef}ve \u{201c}ok\u{201d}";
        let marks = [Mark { range: 6..12, kind: MarkKind::Detail }];
        let s = segments(text, &marks);
        assert_eq!(s.iter().map(|x| x.0).collect::<String>(), text);
        assert_eq!(s[1], ("na\u{ef}ve", Some(MarkKind::Detail)));
    }

    #[test]
    fn plural_says_stories() {
        assert_eq!(plural(1, "story"), "1 story");
        assert_eq!(plural(2, "story"), "2 stories");
        assert_eq!(plural(2, "day"), "2 days");
        assert_eq!(plural(0, "fact"), "0 facts");
    }

    #[test]
    fn key_marks_find_quoted_words_at_word_boundaries() {
        let text = "About 40 prisoners and 400 guards.";
        let marks = key_marks(
            text,
            "a says \u{201c}40\u{201d}, b says \u{201c}9\u{201d}.",
            DifferenceKind::Quantity,
        );
        assert_eq!(marks, [Mark { range: 6..8, kind: MarkKind::Key }]);
    }
}
