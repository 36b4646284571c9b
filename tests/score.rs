//! The pair scorer: symmetry, determinism, the default configuration on hand-written claims.

use corroborate::align::{AlignConfig, Scorer};
use corroborate::model::{Claim, SourceId};
use corroborate::text;
use proptest::prelude::*;

fn claim(source: &str, index: usize, sentence: &str) -> Claim {
    let mut claim = Claim::new(SourceId::new(source), index, 0, sentence);
    claim.terms = text::content_terms(sentence);
    claim
}

fn pair_score(config: &AlignConfig, a: &str, b: &str) -> f64 {
    let claims = [claim("a", 0, a), claim("b", 0, b)];
    Scorer::new(config, &claims).score(0, 1).value
}

#[test]
fn restatements_link_and_unrelated_claims_do_not() {
    let config = AlignConfig::default();
    let same = [
        (
            "The two sides agreed to a 30-day ceasefire starting on Monday.",
            "Both sides agreed to a 30-day truce that starts Monday.",
        ),
        (
            "Talks between the unions and the rail operator will resume in Lisbon next week.",
            "Negotiations between the rail operator and the unions resume next week in Lisbon.",
        ),
        (
            "Four people were killed when the bridge collapsed in heavy rain.",
            "Four people died when the bridge collapsed during heavy rain.",
        ),
    ];
    for (a, b) in same {
        let s = pair_score(&config, a, b);
        assert!(s >= config.threshold, "{s:.3} < {:.3}: {a} / {b}", config.threshold);
    }
    let different = [
        (
            "The minister said the new budget would cut spending on roads.",
            "The company said quarterly profits rose on strong phone sales.",
        ),
        (
            "Heavy rain flooded the northern suburbs overnight.",
            "The central bank kept interest rates unchanged on Thursday.",
        ),
        (
            "Police arrested two men after the robbery in the harbour district.",
            "Two men were injured in a crash on the coastal road.",
        ),
    ];
    for (a, b) in different {
        let s = pair_score(&config, a, b);
        assert!(s < config.threshold, "{s:.3} >= {:.3}: {a} / {b}", config.threshold);
    }
}

#[test]
fn a_shared_common_word_alone_does_not_link() {
    let config = AlignConfig::default();
    let s = pair_score(
        &config,
        "Officials said the river level was rising near the old mill.",
        "Officials said the festival would open with a concert.",
    );
    assert!(s < config.threshold, "{s}");
}

#[test]
fn synonyms_raise_the_score() {
    let config = AlignConfig::default();
    let mut plain = AlignConfig::default();
    plain.lexicon.builtin = false;
    let (a, b) =
        ("Rebels announced a truce in the north.", "Rebels announced a ceasefire in the north.");
    assert!(pair_score(&config, a, b) > pair_score(&plain, a, b));
}

#[test]
fn user_synonyms_are_used() {
    let (a, b) = (
        "The clinic gave the jab to 500 pupils.",
        "The clinic gave the vaccination to 500 pupils.",
    );
    let base = AlignConfig::default();
    let mut extended = AlignConfig::default();
    extended.add_synonyms(&["jab", "vaccination"]);
    assert!(pair_score(&extended, a, b) > pair_score(&base, a, b));
}

#[test]
fn a_number_mismatch_lowers_the_score() {
    let config = AlignConfig::default();
    let same = pair_score(
        &config,
        "The firm sold the unit for $2.5 billion.",
        "The unit was sold by the firm for $2.5 billion.",
    );
    let other = pair_score(
        &config,
        "The firm sold the unit for $2.5 billion.",
        "The unit was sold by the firm for $1.8 billion.",
    );
    assert!(other < same, "{other} >= {same}");
    let claims = [claim("a", 0, "It cost 25 dollars."), claim("b", 0, "It cost 30 dollars.")];
    let score = Scorer::new(&config, &claims).score(0, 1);
    let flag = score.breakdown.iter().find(|c| c.feature == "numbers_mismatched").unwrap();
    assert!(flag.value > 0.0);
}

#[test]
fn a_claim_without_content_scores_zero() {
    let config = AlignConfig::default();
    assert_eq!(pair_score(&config, "It was there.", "It was there."), 0.0);
}

#[test]
fn breakdown_explains_the_value() {
    let config = AlignConfig::default();
    let claims =
        [claim("a", 0, "Shares rose 5 percent."), claim("b", 0, "The shares gained 5 percent.")];
    let score = Scorer::new(&config, &claims).score(0, 1);
    let z: f64 = score.breakdown.iter().map(|c| c.part).sum();
    assert!((1.0 / (1.0 + (-z).exp()) - score.value).abs() < 1e-12);
    assert_eq!(score.breakdown[0].feature, "intercept");
    assert_eq!(score.breakdown.len(), corroborate::align::FEATURES.len() + 1);
}

fn sentence() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "talks",
        "truce",
        "ceasefire",
        "30",
        "nine",
        "prisoners",
        "Kyiv",
        "Moscow",
        "said",
        "not",
        "rose",
        "\"historic",
        "deal\"",
        "the",
        "a",
        "killed",
        "died",
        "swap",
        "exchange",
        "2.5",
        "billion",
        "Zelenskiy",
        "Zelensky",
        "it's",
        "-",
        "élan",
        "会谈",
    ]);
    prop::collection::vec(words, 0..18).prop_map(|w| w.join(" "))
}

proptest! {
    #[test]
    fn scoring_is_symmetric_bounded_and_deterministic(a in sentence(), b in sentence(), c in sentence()) {
        let config = AlignConfig::default();
        let claims = [claim("x", 0, &a), claim("y", 0, &b), claim("z", 0, &c)];
        let scorer = Scorer::new(&config, &claims);
        for (i, j) in [(0, 1), (0, 2), (1, 2)] {
            let (s, t) = (scorer.score(i, j), scorer.score(j, i));
            prop_assert_eq!(s.value.to_bits(), t.value.to_bits());
            prop_assert_eq!(&s.breakdown, &t.breakdown);
            prop_assert!((0.0..=1.0).contains(&s.value));
            prop_assert_eq!(s.value.to_bits(), scorer.score_value(i, j).to_bits());
        }
        let again = Scorer::new(&config, &claims);
        prop_assert_eq!(again.score(0, 1), scorer.score(0, 1));
    }

    #[test]
    fn arbitrary_text_never_panics(a in ".{0,200}", b in ".{0,200}") {
        let config = AlignConfig::default();
        let claims = [claim("x", 0, &a), claim("y", 0, &b)];
        let v = Scorer::new(&config, &claims).score_value(0, 1);
        prop_assert!((0.0..=1.0).contains(&v));
    }
}
