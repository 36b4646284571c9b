//! Scale: blocking recall against brute force and against the generator's truth, JSON Lines
//! round trips of a run, and blocking on the seed articles.

use corroborate::align::block::{BlockConfig, align_blocked, blocking_recall, candidates};
use corroborate::align::{AlignConfig, align};
use corroborate::extract;
use corroborate::io::jsonl;
use corroborate::model::Claim;
use corroborate::model::Source;
use corroborate::synth::{SynthConfig, SynthCorpus};

use crate::common::seeds_dir;

/// Pairs of claims of different sources telling one fact, from the generator's truth.
fn true_pairs(corpus: &SynthCorpus, claims: &[Claim]) -> Vec<(u32, u32)> {
    let facts = corpus.facts();
    let mut pairs = Vec::new();
    for a in 0..claims.len() {
        for b in a + 1..claims.len() {
            if facts[a] == facts[b] && claims[a].source != claims[b].source {
                pairs.push((a as u32, b as u32));
            }
        }
    }
    pairs
}

#[test]
fn blocking_finds_the_true_pairs_of_a_hard_corpus() {
    let corpus = SynthCorpus::generate(&SynthConfig::new(6000, 60));
    let hardness = corpus.hardness();
    assert!(hardness.dominant_share >= 0.3 && hardness.bare_pair_share >= 0.2, "{hardness:?}");
    let claims = corpus.claims();
    let truth = true_pairs(&corpus, &claims);
    let found = candidates(&claims, &BlockConfig::default());
    let hit = truth.iter().filter(|p| found.binary_search(p).is_ok()).count();
    let recall = hit as f64 / truth.len() as f64;
    assert!(recall >= 0.99, "recall {recall} ({hit} of {})", truth.len());
    // Far fewer pairs than all pairs (about 18 million here).
    assert!(found.len() < claims.len() * 250, "{} candidates", found.len());
}

#[test]
fn blocked_alignment_keeps_most_all_pairs_links() {
    let corpus = SynthCorpus::generate(&SynthConfig::new(800, 16));
    let claims = corpus.claims();
    let config = AlignConfig::default();
    let all: Vec<(usize, usize)> = align(&claims, &config).iter().map(|l| (l.a, l.b)).collect();
    let blocked = align_blocked(&claims, &config, &BlockConfig::default());
    assert!(!all.is_empty());
    // Every blocked link is an all-pairs link with the same score.
    assert!(blocked.iter().all(|l| all.binary_search(&(l.a, l.b)).is_ok()));
    let recall = blocking_recall(&all, &blocked);
    eprintln!("blocking recall against all pairs: {recall:.4} of {} links", all.len());
    assert!(recall >= 0.9, "recall {recall}");
}

#[test]
fn claims_and_links_round_trip_through_json_lines() {
    let corpus = SynthCorpus::generate(&SynthConfig::new(300, 6));
    let claims = corpus.claims();
    let links = align_blocked(&claims, &AlignConfig::default(), &BlockConfig::default());
    let dir = std::env::temp_dir().join(format!("corroborate-scale-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (claims_path, links_path) = (dir.join("claims.jsonl"), dir.join("links.jsonl"));
    jsonl::write_claims(&claims_path, &claims).unwrap();
    jsonl::write_links(&links_path, &links, &claims).unwrap();
    assert_eq!(jsonl::read_claims(&claims_path).unwrap(), claims);
    let back = jsonl::read_links(&links_path).unwrap();
    assert_eq!(back.len(), links.len());
    for (record, link) in back.iter().zip(&links) {
        assert_eq!(record.a, claims[link.a].id);
        assert_eq!(record.b_index, link.b);
        // serde_json reads floats to within one unit in the last place.
        assert!((record.score - link.score.value).abs() < 1e-12);
    }
    // A damaged line is reported with the file and its line number.
    let text = std::fs::read_to_string(&claims_path).unwrap();
    let damaged: String = text
        .lines()
        .enumerate()
        .map(|(i, l)| if i == 4 { "{\"id\": 1}\n".to_string() } else { format!("{l}\n") })
        .collect();
    std::fs::write(&claims_path, damaged).unwrap();
    let err = jsonl::read_claims(&claims_path).unwrap_err().to_string();
    assert!(err.contains("claims.jsonl: line 5: "), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn seeds_blocking_recall() {
    let Some(dir) = seeds_dir() else { return };
    let mut claims = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 2, "expected two seed articles in {}", dir.display());
    for path in paths {
        let source = Source::from_file(&path).unwrap();
        claims.extend(extract::extract(&source).claims);
    }
    let config = AlignConfig::default();
    let all: Vec<(usize, usize)> = align(&claims, &config).iter().map(|l| (l.a, l.b)).collect();
    let blocked = align_blocked(&claims, &config, &BlockConfig::default());
    let recall = blocking_recall(&all, &blocked);
    eprintln!(
        "seeds: {} claims, {} all-pairs links, blocking recall {recall:.4}",
        claims.len(),
        all.len()
    );
    assert!(recall >= 0.99, "recall {recall} on {} links", all.len());
}

/// The scale example's last stdout line is exactly the documented one, with sane values.
#[test]
fn scale_example_prints_the_documented_last_line() {
    let exe = std::env::current_exe().expect("test binary path");
    let dir = exe.parent().and_then(|d| d.parent()).expect("target dir");
    let path = dir.join("examples").join(format!("scale{}", std::env::consts::EXE_SUFFIX));
    assert!(path.exists(), "example scale is not built at {}", path.display());
    let out = std::process::Command::new(path)
        .args(["--claims", "600", "--sources", "12", "--brute-sample", "20"])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1, "stdout holds only the result line: {stdout}");
    let line = stdout.trim_end();
    let fields: Vec<(&str, &str)> =
        line.split(' ').map(|f| f.split_once('=').expect("key=value")).collect();
    let keys: Vec<&str> = fields.iter().map(|f| f.0).collect();
    assert_eq!(keys, ["claims", "sources", "seconds", "pairs_scored", "recall", "peak_mb"]);
    assert!(fields[0].1.parse::<usize>().unwrap() >= 500, "{line}");
    assert_eq!(fields[1].1, "12");
    assert!(fields[2].1.parse::<f64>().unwrap() > 0.0);
    assert!(fields[3].1.parse::<u64>().unwrap() > 0);
    let recall: f64 = fields[4].1.parse().unwrap();
    assert!((0.0..=1.0).contains(&recall));
    assert!(fields[5].1.parse::<f64>().unwrap() > 0.0);

    let bad = std::process::Command::new(dir.join("examples").join("scale"))
        .args(["--claims", "ten"])
        .output()
        .expect("run");
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--claims"));
}
