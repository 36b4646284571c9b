//! The pair scorer: symmetry, determinism, the default configuration on hand-written claims.

use std::path::PathBuf;
use std::process::Command;

use corroborate::align::{AlignConfig, FEATURES, LabelledPair, Scorer};
use corroborate::extract::claim_from_sentence;
use corroborate::extract::content_terms;
use corroborate::model::{Claim, SourceId};
use proptest::prelude::*;

use crate::common::data_dir;

fn claim(source: &str, index: usize, sentence: &str) -> Claim {
    let mut claim = Claim::new(SourceId::new(source), index, 0, sentence);
    claim.terms = content_terms(sentence);
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

#[test]
fn the_default_configuration_is_fitted() {
    let config = AlignConfig::default();
    assert!(config.threshold > 0.05 && config.threshold < 0.95);
    assert_eq!(config.weights.len(), FEATURES.len());
    assert!(config.statistics.documents > 1000, "default term statistics are missing");
    assert!(config.weights["coverage_min"] > 0.0, "covering content must count for a link");
}

/// The built `pairs` example (`cargo test` builds examples next to the test binary).
fn pairs_example() -> Command {
    let exe = std::env::current_exe().expect("test binary path");
    let dir = exe.parent().and_then(|d| d.parent()).expect("target dir");
    let path: PathBuf = dir.join("examples").join(format!("pairs{}", std::env::consts::EXE_SUFFIX));
    assert!(path.exists(), "example pairs is not built at {}", path.display());
    Command::new(path)
}

fn temp_file(name: &str, contents: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("corroborate-score-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn pairs_example_scores_each_line_on_its_own() {
    let first = "p1\tThe mayor opened the new bridge on Friday.\tOn Friday the mayor opened the new bridge.\n";
    let rest =
        "p2\tShe said \"no comment.\tThe storm closed three schools.\r\np3\tRain.\tRain fell.\n";
    let both = temp_file("both.tsv", &format!("{first}{rest}"));
    let alone = temp_file("alone.tsv", first);
    let out = pairs_example().arg(&both).output().expect("run pairs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3);
    let config = AlignConfig::default();
    for (line, id) in lines.iter().zip(["p1", "p2", "p3"]) {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 3, "{line}");
        assert_eq!(fields[0], id);
        let decimals = fields[1].split('.').nth(1).map_or(0, str::len);
        assert!(decimals >= 4, "{line}");
        let score: f64 = fields[1].parse().unwrap();
        assert!((0.0..=1.0).contains(&score));
        assert_eq!(fields[2], if score >= config.threshold { "1" } else { "0" });
    }
    assert!(lines[0].ends_with("\t1") && lines[1].ends_with("\t0"), "{stdout}");
    let out = pairs_example().arg(&alone).output().expect("run pairs");
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().next(), Some(lines[0]));
}

#[test]
fn pairs_example_rejects_a_line_without_three_fields() {
    let bad = temp_file("bad.tsv", "ok\ta\tb\nbroken\tonly two\n");
    let out = pairs_example().arg(&bad).output().expect("run pairs");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bad.tsv: line 2"), "{stderr}");
    assert!(out.stdout.is_empty());
}

/// Fitting on part of MSRP train and scoring the rest does better than chance and than always
/// answering "paraphrase" (the majority class, about two thirds).
#[test]
fn fitting_on_msrp_generalises_to_held_out_pairs() {
    let Some(data) = data_dir() else { return };
    let path = data.join("msrp/msr_paraphrase_train.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let pairs: Vec<LabelledPair> = text
        .trim_start_matches('\u{feff}')
        .lines()
        .skip(1)
        .take(1500)
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), 5, "{line}");
            LabelledPair {
                claims: [
                    claim_from_sentence(SourceId::new("a"), 0, f[3], None),
                    claim_from_sentence(SourceId::new("b"), 0, f[4], None),
                ],
                same: f[0] == "1",
            }
        })
        .collect();
    let (train, test): (Vec<_>, Vec<_>) =
        pairs.into_iter().enumerate().partition(|(i, _)| i % 3 != 0);
    let train: Vec<LabelledPair> = train.into_iter().map(|(_, p)| p).collect();
    let mut config = AlignConfig::untrained();
    config.fit(&train);
    let correct =
        test.iter().filter(|(_, p)| (config.score_pair(p) >= config.threshold) == p.same).count();
    let majority = test.iter().filter(|(_, p)| p.same).count();
    let accuracy = correct as f64 / test.len() as f64;
    assert!(correct > majority, "accuracy {accuracy:.3} is no better than the majority class");
    assert!(accuracy > 0.72, "accuracy {accuracy:.3}");
}

#[test]
fn pairs_example_reads_a_saved_configuration() {
    let input = temp_file(
        "config-input.tsv",
        "q1\tThe mayor opened the bridge.\tThe storm closed three schools.\n",
    );
    let mut always = AlignConfig::default();
    always.set_threshold(0.0);
    let always_file = temp_file("always.json", &always.to_json());
    let out = pairs_example().arg("--config").arg(&always_file).arg(&input).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let fields: Vec<&str> = stdout.trim_end().split('\t').collect();
    // Unrelated sentences, linked only because this configuration's threshold is 0.
    assert_eq!(fields[2], "1", "{stdout}");
    let default = pairs_example().arg(&input).output().unwrap();
    let default = String::from_utf8(default.stdout).unwrap();
    assert_eq!(default.trim_end().split('\t').nth(2), Some("0"), "{default}");
    assert_eq!(default.split('\t').nth(1), Some(fields[1]));

    // A configuration fitted with embeddings is refused without them.
    let mut needs = AlignConfig::default();
    needs.embeddings_fitted = Some("29528x64-0123456789abcdef".into());
    let needs_file = temp_file("needs.json", &needs.to_json());
    let out = pairs_example().arg("--config").arg(&needs_file).arg(&input).output().unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("none attached") && out.stdout.is_empty(), "{stderr}");

    let missing = pairs_example().arg("--embeddings").arg("/no/such/dir").arg(&input).output();
    let stderr = String::from_utf8(missing.unwrap().stderr).unwrap();
    assert!(stderr.contains("/no/such/dir/model.safetensors"), "{stderr}");
    let usage = pairs_example().arg("--config").output().unwrap();
    assert_eq!(usage.status.code(), Some(2));
}
