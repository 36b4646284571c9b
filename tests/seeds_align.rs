//! What the reference articles (`CORROBORATE_SEEDS`) must show once aligned: issue 3's list.
//!
//! The checks name claims by a few words the issue itself quotes; the rules that make them pass are
//! general (nothing here or in the library exists for these articles alone).

use corroborate::reconcile::report::{DifferenceKind, FactStatus};
use corroborate::{ClaimId, Config, Reconciler, Reconciliation, Source, render};

use crate::common::seeds_dir;

const A: &str = "000_4e2aa8c4eb03245d";
const B: &str = "001_7d1d56639177ba1c";

fn reconcile_seeds() -> Option<Reconciliation> {
    let dir = seeds_dir()?;
    let mut reconciler = Reconciler::new(Config::default());
    for id in [A, B] {
        let source =
            Source::from_file(dir.join(format!("{id}.txt"))).unwrap_or_else(|e| panic!("{e}"));
        reconciler.add_source(&source).unwrap_or_else(|e| panic!("{e}"));
    }
    Some(reconciler.reconcile())
}

/// The claims of `source` whose text holds every one of `words` (case-insensitive).
fn claims_with<'r>(report: &'r Reconciliation, source: &str, words: &[&str]) -> Vec<&'r ClaimId> {
    report
        .claims
        .iter()
        .filter(|c| {
            let text = c.text.to_lowercase().replace('\u{2019}', "'");
            c.source.as_str() == source && words.iter().all(|w| text.contains(&w.to_lowercase()))
        })
        .map(|c| &c.id)
        .collect()
}

fn one(report: &Reconciliation, source: &str, words: &[&str]) -> ClaimId {
    let hits = claims_with(report, source, words);
    assert!(!hits.is_empty(), "no claim of {source} holds {words:?}");
    hits[0].clone()
}

/// Some claim of A holding `wa` and some of B holding `wb` share a fact; returns the first such
/// pair and the fact's status.
fn shared_fact(
    report: &Reconciliation,
    wa: &[&str],
    wb: &[&str],
) -> Option<(ClaimId, ClaimId, FactStatus)> {
    for a in claims_with(report, A, wa) {
        for b in claims_with(report, B, wb) {
            let (fa, fb) = (report.fact_of(a).unwrap(), report.fact_of(b).unwrap());
            if fa.id == fb.id {
                return Some((a.clone(), b.clone(), fa.status));
            }
        }
    }
    None
}

fn explain_all(report: &Reconciliation, wa: &[&str], wb: &[&str]) -> String {
    let mut out = String::new();
    for a in claims_with(report, A, wa) {
        for b in claims_with(report, B, wb) {
            out.push_str(&report.explain(a, b).unwrap().to_string());
        }
    }
    out
}

#[test]
fn the_thirty_day_ceasefire_is_one_corroborated_fact() {
    let Some(report) = reconcile_seeds() else { return };
    let (wa, wb) = (&["30-day unconditional ceasefire"][..], &["30-day halt in hostilities"][..]);
    let found = shared_fact(&report, wa, wb);
    let Some((_, _, status)) = found else {
        panic!("not one fact:\n{}", explain_all(&report, wa, wb))
    };
    assert_eq!(status, FactStatus::Corroborated, "{}", explain_all(&report, wa, wb));
}

#[test]
fn the_vatican_offer_is_aligned_and_its_certainty_differs() {
    let Some(report) = reconcile_seeds() else { return };
    let (wa, wb) = (&["Vatican", "host"][..], &["Vatican", "interest"][..]);
    let Some((a, b, _)) = shared_fact(&report, wa, wb) else {
        panic!("not aligned:\n{}", explain_all(&report, wa, wb))
    };
    let fact = report.fact_of(&a).unwrap().id;
    let certainty = [DifferenceKind::Modality, DifferenceKind::Account, DifferenceKind::Polarity];
    let flagged = report
        .differences_of(fact)
        .any(|d| certainty.contains(&d.kind) && d.claims.contains(&a) && d.claims.contains(&b));
    assert!(
        flagged,
        "no certainty difference between {a} and {b}: {:?}",
        report.differences_of(fact).collect::<Vec<_>>()
    );
}

#[test]
fn the_prisoner_exchange_is_reported_by_one_source_only() {
    let Some(report) = reconcile_seeds() else { return };
    let exchange = one(&report, B, &["prisoner exchange"]);
    let fact = report.fact_of(&exchange).unwrap();
    assert_eq!(fact.status, FactStatus::SingleSource, "{fact:?}");
    assert_eq!(fact.sources.len(), 1);
    let linked: Vec<String> = report
        .graph()
        .neighbors(&exchange)
        .iter()
        .filter(|(c, _)| c.source().as_str() == A)
        .map(|(c, e)| format!("{c} ({:.3})", e.score.value))
        .collect();
    assert!(linked.is_empty(), "aligned to {linked:?}");
    // The report says so, under the source that alone reports it.
    let text = render::to_text(&report);
    let section = text.split(&format!("only {B} (")).nth(1).expect("a single-source section for B");
    assert!(section.contains(&format!("{exchange}  ")), "{exchange} not listed under only {B}");
}

/// Claims of A holding `wa` and of B holding `wb` share one corroborated fact.
fn assert_corroborated(report: &Reconciliation, wa: &[&str], wb: &[&str]) {
    let Some((_, _, status)) = shared_fact(report, wa, wb) else {
        panic!("{wa:?} not one fact:\n{}", explain_all(report, wa, wb))
    };
    assert_eq!(status, FactStatus::Corroborated, "{wa:?}: {}", explain_all(report, wa, wb));
}

#[test]
fn the_immediate_negotiations_quote_is_corroborated() {
    let Some(report) = reconcile_seeds() else { return };
    let words = &["immediately start negotiations"][..];
    assert_corroborated(&report, words, words);
}

/// The claim of `to` that scores highest against `claim`.
fn best_match(report: &Reconciliation, claim: &ClaimId, to: &str) -> ClaimId {
    report
        .claims
        .iter()
        .filter(|c| c.source.as_str() == to)
        .map(|c| (report.explain(claim, &c.id).unwrap().score.value, &c.id))
        .max_by(|x, y| x.0.total_cmp(&y.0).then_with(|| y.1.cmp(x.1)))
        .map(|(_, id)| id.clone())
        .unwrap()
}

/// The memorandum: "ready to discuss a peace memorandum" (the clause continues a sentence about
/// "the Russian leader", so it is his report) against Putin's quotation about "a memorandum on a
/// possible future peace accord". They share little wording beyond the one rare word; they are
/// each other's best match across the two sources and one corroborated fact.
#[test]
#[cfg_attr(not(feature = "wordnet"), ignore = "the link rests on a WordNet synonym")]
fn the_memorandum_is_corroborated() {
    let Some(report) = reconcile_seeds() else { return };
    let a = one(&report, A, &["memorandum"]);
    let b = best_match(&report, &a, B);
    assert!(claims_with(&report, B, &["memorandum"]).contains(&&b), "best match of {a} is {b}");
    assert_eq!(best_match(&report, &b, A), a, "best match of {b}");
    let explanation = report.explain(&a, &b).unwrap();
    assert!(explanation.score.value >= explanation.threshold, "{explanation:?}");
    assert_corroborated(&report, &["memorandum"], &["memorandum"]);
}

#[test]
fn the_briefing_of_european_leaders_is_corroborated() {
    let Some(report) = reconcile_seeds() else { return };
    let countries = &["France", "Germany", "Italy", "Finland"][..];
    assert_corroborated(&report, countries, countries);
}

#[test]
fn the_istanbul_talks_are_linked_and_told_differently() {
    let Some(report) = reconcile_seeds() else { return };
    let (wa, wb) = (&["Istanbul"][..], &["Istanbul"][..]);
    let Some((a, b, status)) = shared_fact(&report, wa, wb) else {
        panic!("not linked:\n{}", explain_all(&report, wa, wb))
    };
    assert!(report.graph().edge(&a, &b).is_some(), "{a} and {b} share a fact but no link");
    let fact = report.fact_of(&a).unwrap().id;
    let flagged = report.differences_of(fact).any(|d| {
        d.kind != DifferenceKind::Detail && d.claims.contains(&a) && d.claims.contains(&b)
    });
    assert!(flagged, "{:?}", report.differences_of(fact).collect::<Vec<_>>());
    assert_eq!(status, FactStatus::Contested);
}

#[test]
fn the_european_leaders_on_sanctions_are_linked_and_differ() {
    let Some(report) = reconcile_seeds() else { return };
    // Issue 26: ramping sanctions up, in one; urging them if Russia fails to act, in the other.
    let words = &["European leaders", "sanctions"][..];
    let (a, b) = (one(&report, A, words), one(&report, B, words));
    let edge = report.graph().edge(&a, &b);
    assert!(edge.is_some(), "not linked:\n{}", explain_all(&report, words, words));
    // Issue 27: the difference is flagged, and not as a mere detail.
    let d = report.differences.iter().find(|d| d.claims.contains(&a) && d.claims.contains(&b));
    assert!(d.is_some_and(|d| d.kind != DifferenceKind::Detail), "{d:?}");
}

#[test]
fn unrelated_numbers_are_no_difference() {
    let Some(report) = reconcile_seeds() else { return };
    let unrelated: Vec<ClaimId> = [&["two-hour"][..], &["30-day"], &["76 of 112"]]
        .iter()
        .flat_map(|w| {
            let mut ids: Vec<ClaimId> = claims_with(&report, A, w).into_iter().cloned().collect();
            ids.extend(claims_with(&report, B, w).into_iter().cloned());
            ids
        })
        .collect();
    assert!(unrelated.len() >= 3, "the numbers are in the claims: {unrelated:?}");
    for d in &report.differences {
        if d.kind == DifferenceKind::Quantity {
            assert!(!d.claims.iter().any(|c| unrelated.contains(c)), "{d:?}");
        }
    }
}
