//! Extraction on the project's own fixture articles, driven by `tests/fixtures/extract_*.json`.

use serde::Deserialize;

use corroborate::Source;
use corroborate::extract::{Extraction, extract};

use crate::common::fixture;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    file: String,
    /// Words that identify the claim (unique among the file's claims).
    claim: String,
    modality: Option<String>,
    polarity: Option<String>,
    /// The attribution's speaker contains this.
    attribution: Option<String>,
    /// The attribution's surface words contain this.
    attribution_surface: Option<String>,
    /// The number of quotations.
    quotes: Option<usize>,
}

#[derive(Deserialize)]
struct Skips {
    file: String,
    reasons: Vec<String>,
}

fn extract_fixture(file: &str) -> (Source, Extraction) {
    let source = Source::from_file(fixture(file)).expect("fixture");
    let extraction = extract(&source);
    (source, extraction)
}

fn check(case: &Case) -> Result<(), String> {
    let (_, ex) = extract_fixture(&case.file);
    let found: Vec<_> = ex.claims.iter().filter(|c| c.text.contains(&case.claim)).collect();
    let [claim] = found.as_slice() else {
        return Err(format!("{:?}: {} claims contain it", case.claim, found.len()));
    };
    let mut errors = Vec::new();
    if let Some(m) = &case.modality
        && claim.modality.as_str() != m
    {
        errors.push(format!("modality {} != {m}", claim.modality.as_str()));
    }
    if let Some(p) = &case.polarity
        && claim.polarity.as_str() != p
    {
        errors.push(format!("polarity {} != {p}", claim.polarity.as_str()));
    }
    let attribution = claim.attribution.as_ref();
    if let Some(a) = &case.attribution
        && !attribution.is_some_and(|x| x.speaker.contains(a.as_str()))
    {
        errors.push(format!("speaker {:?} lacks {a:?}", attribution.map(|x| &x.speaker)));
    }
    if let Some(a) = &case.attribution_surface
        && !attribution.is_some_and(|x| x.surface.contains(a.as_str()))
    {
        errors.push(format!("surface {:?} lacks {a:?}", attribution.map(|x| &x.surface)));
    }
    if let Some(n) = case.quotes
        && claim.quotes.len() != n
    {
        errors.push(format!("{} quotes != {n}", claim.quotes.len()));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(format!("{:?} in {:?}: {}", case.claim, claim.text, errors.join("; ")))
    }
}

#[test]
fn claim_cases() {
    let cases: Vec<Case> =
        serde_json::from_str(include_str!("fixtures/extract_cases.json")).expect("cases");
    let failures: Vec<String> = cases.iter().filter_map(|c| check(c).err()).collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn skipped_spans_and_reasons() {
    let all: Vec<Skips> =
        serde_json::from_str(include_str!("fixtures/extract_skips.json")).expect("cases");
    for case in all {
        let (_, ex) = extract_fixture(&case.file);
        let got: Vec<&str> = ex.skipped.iter().map(|s| s.reason.as_str()).collect();
        assert_eq!(got, case.reasons, "{}", case.file);
    }
}

#[test]
fn spans_are_the_original_bytes_and_cover_the_text() {
    for file in
        ["wildfire_ledger.txt", "wildfire_dispatch.txt", "lagoon_wire.txt", "ferry_refloated.txt"]
    {
        let (source, ex) = extract_fixture(file);
        let text = source.text();
        let mut covered = vec![0u8; text.len()];
        for c in &ex.claims {
            assert_eq!(&text[c.start..c.end], c.text);
            covered[c.start..c.end].iter_mut().for_each(|x| *x += 1);
            for e in &c.entities {
                assert!(c.start <= e.start && e.end <= c.end, "{e:?} outside {}", c.id);
            }
            for q in &c.quantities {
                assert!(c.start <= q.start && q.end <= c.end, "{q:?} outside {}", c.id);
            }
        }
        for s in &ex.skipped {
            covered[s.start..s.end].iter_mut().for_each(|x| *x += 1);
        }
        for (i, ch) in text.char_indices() {
            let want = u8::from(!ch.is_whitespace());
            assert!(
                covered[i] == want || (ch.is_whitespace() && covered[i] <= 1),
                "byte {i} {ch:?} covered {} times",
                covered[i]
            );
        }
    }
}

#[test]
fn ids_are_stable_across_runs() {
    let (_, a) = extract_fixture("wildfire_ledger.txt");
    let (_, b) = extract_fixture("wildfire_ledger.txt");
    assert_eq!(a, b);
    for (n, c) in a.claims.iter().enumerate() {
        assert_eq!(c.id.to_string(), format!("wildfire_ledger:{n}"));
    }
}
