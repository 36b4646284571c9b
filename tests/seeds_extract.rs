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
