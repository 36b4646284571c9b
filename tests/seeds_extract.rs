//! Extraction on the reference articles in `CORROBORATE_SEEDS`.

use std::path::Path;

use corroborate::model::SkipReason;
use corroborate::{Claim, Config, Modality, Polarity, Reconciler, Reconciliation, Source};

use crate::common::seeds_dir;

const A: &str = "000_4e2aa8c4eb03245d";
const B: &str = "001_7d1d56639177ba1c";

fn reconcile_seeds(dir: &Path) -> Reconciliation {
    let mut reconciler = Reconciler::new(Config::default());
    for id in [A, B] {
        let source = Source::from_file(dir.join(format!("{id}.txt"))).expect("seed");
        reconciler.add_source(&source).expect("add");
    }
    reconciler.reconcile()
}

/// The one claim of `source` whose text contains `words`.
fn claim<'a>(report: &'a Reconciliation, source: &str, words: &str) -> &'a Claim {
    let found: Vec<&Claim> = report
        .claims
        .iter()
        .filter(|c| c.source.as_str() == source && c.text.contains(words))
        .collect();
    assert_eq!(found.len(), 1, "{source}: {} claims contain {words:?}", found.len());
    found[0]
}

#[test]
fn cues_on_the_seed_claims() {
    let Some(dir) = seeds_dir() else { return };
    let report = reconcile_seeds(&dir);
    assert_eq!(claim(&report, A, "the Kremlin declined").polarity, Polarity::Negated);
    assert_eq!(claim(&report, A, "floated as a potential venue").modality, Modality::Hedged);
    assert_eq!(claim(&report, A, "if it fails to act").modality, Modality::Conditional);
}

#[test]
fn boilerplate_and_headlines_are_skipped() {
    let Some(dir) = seeds_dir() else { return };
    let report = reconcile_seeds(&dir);
    let text_a = std::fs::read_to_string(dir.join(format!("{A}.txt"))).unwrap();
    let text_b = std::fs::read_to_string(dir.join(format!("{B}.txt"))).unwrap();
    let skipped = |source: &str, reason: SkipReason| -> Vec<String> {
        let text = if source == A { &text_a } else { &text_b };
        report
            .skipped
            .iter()
            .filter(|s| s.source.as_str() == source && s.reason == reason)
            .map(|s| text[s.start..s.end].to_string())
            .collect()
    };
    assert_eq!(skipped(A, SkipReason::DuplicateHeadline).len(), 1);
    assert!(skipped(A, SkipReason::Boilerplate).iter().any(|s| s.contains("Reaction")));
    let b_furniture = skipped(B, SkipReason::Boilerplate);
    assert!(b_furniture.iter().any(|s| s.starts_with("Discover more from")), "{b_furniture:?}");
    assert!(b_furniture.iter().any(|s| s.starts_with("Subscribe")), "{b_furniture:?}");
    assert_eq!(skipped(B, SkipReason::Heading).len(), 2);
    // No claim holds page furniture.
    assert!(
        !report.claims.iter().any(|c| c.text.contains("Reaction?") || c.text.contains("Subscribe"))
    );
}

/// The canonical names of the claims of `source` that mention `surface` as written.
fn canonical_of(report: &Reconciliation, source: &str, surface: &str) -> Vec<String> {
    let mut names: Vec<String> = report
        .claims
        .iter()
        .filter(|c| c.source.as_str() == source)
        .flat_map(|c| c.entities.iter())
        .filter(|e| e.surface.contains(surface))
        .map(|e| e.canonical.clone())
        .collect();
    names.sort();
    names.dedup();
    names
}

#[test]
fn entity_spellings_merge_across_the_sources() {
    let Some(dir) = seeds_dir() else { return };
    let report = reconcile_seeds(&dir);
    // Each group: (source, surface as written) pairs that must share one canonical name.
    let groups: [&[(&str, &str)]; 5] = [
        &[(A, "Zelensky"), (B, "Zelenskiy"), (A, "Volodymyr Zelensky")],
        &[(A, "Pope Leo XIV"), (B, "Pope Leo")],
        &[(A, "Ursula von der Leyen"), (B, "Ursula von der Leyen")],
        &[(A, "U.S."), (A, "United States"), (B, "United States")],
        &[(A, "Putin"), (A, "Vladimir Putin"), (B, "Vladimir Putin")],
    ];
    for group in groups {
        let mut all: Vec<String> =
            group.iter().flat_map(|(s, surface)| canonical_of(&report, s, surface)).collect();
        assert!(!all.is_empty(), "{group:?}: no mention found");
        all.sort();
        all.dedup();
        assert_eq!(all.len(), 1, "{group:?} resolve to {all:?}");
    }
    // "EC" and "European Commission" name one body, whose president is one person.
    let ec = canonical_of(&report, A, "EC");
    let commission = canonical_of(&report, B, "European Commission");
    assert!(ec.iter().any(|n| commission.contains(n)), "{ec:?} vs {commission:?}");
}

/// `(value, unit)` of every quantity of the one claim of `source` holding `words`.
fn quantities(report: &Reconciliation, source: &str, words: &str) -> Vec<(f64, String)> {
    claim(report, source, words).quantities.iter().map(|q| (q.value, q.unit.clone())).collect()
}

#[test]
fn quantities_on_the_seed_claims() {
    let Some(dir) = seeds_dir() else { return };
    let report = reconcile_seeds(&dir);
    let day = |v: f64| (v, "day".to_string());
    assert!(quantities(&report, A, "30-day unconditional ceasefire").contains(&day(30.0)));
    assert!(quantities(&report, B, "30-day halt in hostilities").contains(&day(30.0)));
    let exchange = claim(&report, B, "prisoner exchange");
    let nine: Vec<_> = exchange.quantities.iter().filter(|q| q.value == 9.0).collect();
    assert_eq!(nine.len(), 1, "{:?}", exchange.quantities);
    assert!(nine[0].each, "nine from each country is a per-party count");
    assert!(quantities(&report, A, "two-hour conversation").contains(&(2.0, "hour".to_string())));
    let drones = quantities(&report, A, "drones");
    assert!(drones.contains(&(76.0, "drone".to_string())), "{drones:?}");
    assert!(drones.contains(&(112.0, "drone".to_string())), "{drones:?}");
    // "Leo XIV" is a name, not a count.
    let vatican = quantities(&report, A, "Pope Leo XIV");
    assert!(vatican.iter().all(|(v, _)| *v != 14.0), "{vatican:?}");
}
