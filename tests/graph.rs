//! The agreement graph, facts, differences and the report renderings, end to end.
//!
//! Fixture cases (`tests/fixtures/align/<case>/`: one `.txt` per source and an `expect.txt`) run
//! through one `check_case` helper; properties run on generated articles.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use corroborate::align::Scorer;
use corroborate::reconcile::diff::DiffConfig;
use corroborate::reconcile::graph::EdgeKind;
use corroborate::reconcile::graph::GroupConfig;
use corroborate::reconcile::report::{DifferenceKind, FactStatus, SourceSummary};
use corroborate::{Claim, ClaimId, Config, Reconciler, Reconciliation, Source, render};
use proptest::prelude::*;
use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/align")
}

/// Reconciles every `.txt` file of `dir`, in file-name order.
fn reconcile_dir(dir: &Path) -> Reconciliation {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt") && !p.ends_with("expect.txt"))
        .collect();
    files.sort();
    let mut reconciler = Reconciler::new(Config::default());
    for f in &files {
        let source = Source::from_file(f).unwrap_or_else(|e| panic!("{e}"));
        reconciler.add_source(&source).unwrap_or_else(|e| panic!("{e}"));
    }
    reconciler.reconcile()
}

/// The claim of `source` whose text holds `words`.
fn find(report: &Reconciliation, source: &str, words: &str) -> Result<ClaimId, String> {
    let hits: Vec<&Claim> = report
        .claims
        .iter()
        .filter(|c| c.source.as_str() == source && c.text.contains(words))
        .collect();
    match hits.as_slice() {
        [one] => Ok(one.id.clone()),
        [] => Err(format!("no claim of {source} holds {words:?}")),
        many => Err(format!("{} claims of {source} hold {words:?}", many.len())),
    }
}

fn status_name(s: FactStatus) -> &'static str {
    s.as_str()
}

fn kind_from(name: &str) -> DifferenceKind {
    serde_json::from_value(Value::String(name.to_string()))
        .unwrap_or_else(|_| panic!("unknown difference kind {name:?}"))
}

/// Runs the checks of `<case>/expect.txt` and returns every failure, one line each.
fn check_case(case: &str) -> Vec<String> {
    let dir = fixtures().join(case);
    let report = reconcile_dir(&dir);
    let expect = std::fs::read_to_string(dir.join("expect.txt")).unwrap();
    let mut failures = Vec::new();
    let mut allowed: HashSet<(ClaimId, ClaimId)> = HashSet::new();
    for (n, line) in expect.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.split(" | ");
        let head: Vec<&str> = parts.next().unwrap().split_whitespace().collect();
        let claims: Result<Vec<ClaimId>, String> = parts
            .map(|p| {
                let (source, words) = p.split_once(": ").expect("`source: words`");
                find(&report, source.trim(), words)
            })
            .collect();
        let at = format!("{case}/expect.txt:{}: {line}", n + 1);
        let claims = match claims {
            Ok(c) => c,
            Err(e) => {
                failures.push(format!("{at}\n    {e}"));
                continue;
            }
        };
        let fact_of = |c: &ClaimId| report.fact_of(c).unwrap();
        match head.as_slice() {
            ["fact", status] => {
                for x in &claims {
                    for y in &claims {
                        allowed.insert((x.clone(), y.clone()));
                    }
                }
                let facts: BTreeSet<String> =
                    claims.iter().map(|c| fact_of(c).id.to_string()).collect();
                if facts.len() != 1 {
                    failures.push(format!("{at}\n    claims are in facts {facts:?}"));
                } else if status_name(fact_of(&claims[0]).status) != *status {
                    let f = fact_of(&claims[0]);
                    let diffs: Vec<String> = report
                        .differences_of(f.id)
                        .map(|d| format!("{}: {}", d.kind.as_str(), d.summary))
                        .collect();
                    failures
                        .push(format!("{at}\n    status is {} ({diffs:?})", status_name(f.status)));
                }
            }
            ["diff", kind] | ["nodiff", kind] => {
                let kind = kind_from(kind);
                let found = report
                    .differences
                    .iter()
                    .any(|d| d.kind == kind && claims.iter().all(|c| d.claims.contains(c)));
                let wanted = head[0] == "diff";
                if found != wanted {
                    let all: Vec<String> = report
                        .differences
                        .iter()
                        .filter(|d| claims.iter().any(|c| d.claims.contains(c)))
                        .map(|d| format!("{} {:?}: {}", d.kind.as_str(), d.claims, d.summary))
                        .collect();
                    failures.push(format!("{at}\n    differences of these claims: {all:?}"));
                }
            }
            ["single"] => {
                let c = &claims[0];
                let f = fact_of(c);
                let neighbours = report.graph().neighbors(c);
                if f.status != FactStatus::SingleSource || !neighbours.is_empty() {
                    failures.push(format!(
                        "{at}\n    status {}, linked to {:?}",
                        status_name(f.status),
                        neighbours.iter().map(|n| n.0.to_string()).collect::<Vec<_>>()
                    ));
                }
            }
            _ => panic!("{at}: unknown check"),
        }
    }
    for (a, b, edge) in report.graph().edges() {
        if !allowed.contains(&(a.clone(), b.clone())) {
            let text = |c: &ClaimId| report.claim(c).map_or("", |c| c.text.as_str()).to_string();
            failures.push(format!(
                "{case}: false link {a} ~ {b} ({}, score {:.3}):\n    {}\n    {}",
                edge.kind.as_str(),
                edge.score.value,
                text(a),
                text(b)
            ));
        }
    }
    failures
}

#[test]
fn fixture_harbour_strike() {
    let failures = check_case("harbour_strike");
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn fixture_bridge_closure() {
    let failures = check_case("bridge_closure");
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

/// Claims built by hand, so that these tests depend on the scorer only through "identical words
/// score above the threshold, unrelated words below".
fn claim(source: &str, index: usize, text: &str) -> Claim {
    let mut c = Claim::new(source.into(), index, index * 1000, text);
    c.terms = corroborate::extract::content_terms(text);
    c
}

fn build(claims: Vec<Claim>) -> Reconciliation {
    let mut sources: BTreeMap<String, usize> = BTreeMap::new();
    for c in &claims {
        *sources.entry(c.source.to_string()).or_default() += 1;
    }
    let sources = sources
        .into_iter()
        .map(|(id, claims)| SourceSummary::new(id.as_str().into(), claims))
        .collect();
    Reconciliation::build(
        sources,
        claims,
        Vec::new(),
        &Config::default().align,
        &DiffConfig::default(),
        &GroupConfig::default(),
    )
}

const HARBOUR: &str = "Dock workers in Varnhold walked off the job after wage talks with the port authority collapsed.";
const FERRY: &str = "The evening ferry to Osterholm was cancelled because of a storm warning.";
const MARKET: &str = "Fish prices at the central market rose sharply during the week.";

#[test]
fn identical_claims_are_one_corroborated_fact_and_unrelated_ones_stay_apart() {
    let report = build(vec![
        claim("a", 0, HARBOUR),
        claim("a", 1, MARKET),
        claim("b", 0, FERRY),
        claim("b", 1, HARBOUR),
    ]);
    let fact = report.fact_of(&"a:0".parse().unwrap()).unwrap();
    assert_eq!(fact.status, FactStatus::Corroborated);
    assert_eq!(fact.claims, ["a:0".parse().unwrap(), "b:1".parse::<ClaimId>().unwrap()]);
    assert_eq!(report.facts.len(), 3);
    assert!(report.differences.is_empty(), "{:?}", report.differences);
    let edges: Vec<_> = report.graph().edges().collect();
    assert_eq!(edges.len(), 1);
    assert_eq!(edges[0].2.kind, EdgeKind::Agrees);
    for id in ["a:1", "b:0"] {
        assert_eq!(report.fact_of(&id.parse().unwrap()).unwrap().status, FactStatus::SingleSource);
    }
}

#[test]
fn a_negated_copy_is_a_contested_fact_with_a_conflicts_edge() {
    let negated = "Dock workers in Varnhold did not walk off the job after wage talks with the port authority collapsed.";
    let mut b = claim("b", 0, negated);
    b.polarity = corroborate::Polarity::Negated;
    let report = build(vec![claim("a", 0, HARBOUR), b]);
    let fact = &report.facts[0];
    assert_eq!(fact.claims.len(), 2, "{:?}", report.facts);
    assert_eq!(fact.status, FactStatus::Contested);
    assert_eq!(report.differences.len(), 1, "{:?}", report.differences);
    assert_eq!(report.differences[0].kind, DifferenceKind::Polarity);
    assert_eq!(report.differences[0].summary, "b negates (\u{201c}not\u{201d}) what a affirms.");
    let (_, _, edge) = report.graph().edges().next().unwrap();
    assert_eq!(edge.kind, EdgeKind::Conflicts);
}

#[test]
fn explain_says_why_and_why_not() {
    // b:1 shares a rare name with a:0 and nothing else; b:2 shares no rare term with it at all.
    let report = build(vec![
        claim("a", 0, HARBOUR),
        claim("b", 0, HARBOUR),
        claim("b", 1, "The evening ferry to Varnhold was cancelled because of a storm warning."),
        claim("b", 2, FERRY),
    ]);
    let [a0, b0, b1, b2] = ["a:0", "b:0", "b:1", "b:2"].map(|id| id.parse().unwrap());
    let yes = report.explain(&a0, &b0).unwrap();
    assert_eq!(yes.edge, Some(EdgeKind::Agrees));
    assert!(yes.score.value >= yes.threshold);
    assert!(!yes.score.breakdown.is_empty());
    assert!(yes.to_string().contains("linked (agrees)"), "{yes}");
    let no = report.explain(&a0, &b1).unwrap();
    assert_eq!(no.edge, None);
    assert!(!no.shut && no.score.value > 0.0 && no.score.value < no.threshold, "{no}");
    assert!(no.to_string().contains("not linked: below the threshold"), "{no}");
    // The rare gate ([`AlignConfig::rare_gate`], on in the facts configuration) shuts the pair
    // that shares no rare term: score 0, the breakdown still given.
    let shut = report.explain(&a0, &b2).unwrap();
    assert!(shut.shut && shut.score.value == 0.0, "{shut}");
    assert_eq!(shut.score.breakdown.len(), corroborate::align::FEATURES.len() + 1);
    assert!(shut.to_string().contains("not linked: no rare term shared (rare gate)"), "{shut}");
    assert!(report.explain(&a0, &"z:9".parse().unwrap()).is_none());
}

/// The streaming writer gives the same bytes as pretty-printing the tree, on a report with
/// differences, quantities, quotes and links of every kind.
#[test]
fn written_json_is_the_json_tree_printed() {
    for fixture in ["bridge_closure", "harbour_strike"] {
        let report = reconcile_dir(&fixtures().join(fixture));
        let mut written = Vec::new();
        render::write_json(&report, &mut written).unwrap();
        let tree = serde_json::to_vec_pretty(&render::to_json(&report)).unwrap();
        assert!(!report.differences.is_empty() && report.graph().edge_count() > 0, "{fixture}");
        assert_eq!(String::from_utf8(written).unwrap(), String::from_utf8(tree).unwrap());
    }
}

#[test]
fn json_follows_the_interface() {
    let report = reconcile_dir(&fixtures().join("bridge_closure"));
    let json = render::to_json(&report);
    assert_eq!(json["schema"], "corroborate/1");
    for key in ["sources", "claims", "skipped", "facts", "differences", "links"] {
        assert!(json[key].is_array(), "{key}");
    }
    let claim_ids: Vec<&str> =
        json["claims"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect();
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for f in json["facts"].as_array().unwrap() {
        assert!(f["id"].as_str().unwrap().starts_with('f'));
        let status = f["status"].as_str().unwrap();
        assert!(["corroborated", "single_source", "contested"].contains(&status));
        let sources = f["sources"].as_array().unwrap();
        assert_eq!(status == "single_source", sources.len() == 1, "{f}");
        for c in f["claims"].as_array().unwrap() {
            *seen.entry(c.as_str().unwrap()).or_default() += 1;
        }
    }
    assert_eq!(seen.len(), claim_ids.len(), "every claim in a fact");
    assert!(seen.values().all(|&n| n == 1), "every claim in exactly one fact");
    let kinds = ["quantity", "polarity", "modality", "attribution", "time", "detail", "account"];
    for d in json["differences"].as_array().unwrap() {
        assert!(kinds.contains(&d["kind"].as_str().unwrap()), "{d}");
        assert!(d["fact"].as_str().unwrap().starts_with('f'));
        assert!(!d["summary"].as_str().unwrap().is_empty());
        for c in d["claims"].as_array().unwrap() {
            assert!(claim_ids.contains(&c.as_str().unwrap()), "{d}");
        }
    }
    for s in json["sources"].as_array().unwrap() {
        assert!(s["id"].is_string() && s["title"].is_string() && s["claims"].is_u64(), "{s}");
    }
    let text = serde_json::to_string(&json).unwrap();
    let again =
        serde_json::to_string(&render::to_json(&reconcile_dir(&fixtures().join("bridge_closure"))))
            .unwrap();
    assert_eq!(text, again, "the same input gives the same bytes");
}

#[test]
fn text_markdown_and_dot_show_the_facts() {
    let mut b = claim(
        "b",
        0,
        "The evening ferry to Osterholm was not cancelled because of a storm warning.",
    );
    b.polarity = corroborate::Polarity::Negated;
    let report = build(vec![
        claim("a", 0, HARBOUR),
        claim("a", 1, FERRY),
        claim("b", 1, HARBOUR),
        b,
        claim("b", 2, MARKET),
    ]);
    let text = render::to_text(&report);
    assert!(text.starts_with("SUMMARY\n"), "{text}");
    assert!(text.contains("WHERE THE SOURCES DIFFER (1 fact, most important first)"), "{text}");
    assert!(text.contains("[one denies what another states] b negates"), "{text}");
    assert!(text.contains("CORROBORATED (1 fact,"), "{text}");
    assert!(text.contains("only b (1 fact):"), "{text}");
    assert!(text.contains("Fish prices"), "{text}");
    // Side by side: both claims' ids head one row.
    assert!(text.lines().any(|l| l.contains("a:1") && l.contains("| b:0")), "{text}");

    let md = render::to_markdown(&report);
    assert!(md.contains("## Where the sources differ"));
    assert!(md.contains("**one denies what another states**: b negates"), "{md}");
    assert!(md.contains("| `a:1` | `b:0` |"), "{md}");
    assert!(md.contains("### Only `b`"), "{md}");

    let dot = render::to_dot(&report);
    assert!(dot.starts_with("graph agreement {\n") && dot.ends_with("}\n"));
    assert!(dot.contains("\"a:0\" -- \"b:1\""), "{dot}");
    assert!(dot.contains("conflicts\", color=\"red\""), "{dot}");
    assert_eq!(dot.matches('{').count(), dot.matches('}').count());
    for c in &report.claims {
        assert!(dot.contains(&format!("\"{}\" [label=", c.id)), "{}", c.id);
    }
}

// ---- Properties ----

const SUBJECTS: &[&str] = &[
    "The council",
    "Port workers",
    "The health ministry",
    "Local farmers",
    "The regional airline",
    "Hospital staff",
    "The mayor of Kessmark",
    "Rail unions",
];
const VERBS: &[&str] = &["approved", "rejected", "announced", "delayed", "criticised", "welcomed"];
const OBJECTS: &[&str] = &[
    "a new housing budget",
    "the revised pay offer",
    "the bridge repairs",
    "a tax on diesel fuel",
    "the winter rail timetable",
    "the plan for river water",
];
const TAILS: &[&str] = &[
    "on Monday.",
    "after a long debate.",
    "despite protests outside.",
    "by 12 votes to 9.",
    "for 30 days.",
    "without consulting residents.",
];

/// An article of distinct generated sentences.
fn article() -> impl Strategy<Value = Vec<String>> {
    prop::collection::btree_set(
        (0..SUBJECTS.len(), 0..VERBS.len(), 0..OBJECTS.len(), 0..TAILS.len()),
        2..7,
    )
    .prop_map(|set| {
        set.into_iter()
            .map(|(s, v, o, t)| format!("{} {} {} {}", SUBJECTS[s], VERBS[v], OBJECTS[o], TAILS[t]))
            .collect()
    })
}

fn reconcile_texts(texts: &[(String, String)]) -> Reconciliation {
    let mut r = Reconciler::new(Config::default());
    for (id, text) in texts {
        r.add_source(&Source::new(id.as_str(), text.clone()).unwrap()).unwrap();
    }
    r.reconcile()
}

/// The parts of the JSON report that do not depend on the order sources were added in. Story
/// ids number stories by their first source, so a fact's story is given by its sources.
fn findings(report: &Reconciliation) -> String {
    let mut json = render::to_json(report);
    let members: std::collections::HashMap<String, Vec<String>> = report
        .stories
        .iter()
        .map(|s| {
            let mut sources: Vec<String> = s.sources.iter().map(|x| x.to_string()).collect();
            sources.sort();
            (s.id.to_string(), sources)
        })
        .collect();
    for fact in json["facts"].as_array_mut().unwrap() {
        let id = fact["story"].as_str().unwrap().to_string();
        fact["story"] = serde_json::json!(members[&id]);
    }
    serde_json::to_string(&(&json["claims"], &json["facts"], &json["differences"], &json["links"]))
        .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn independent_of_source_order_and_deterministic(
        articles in prop::collection::vec(article(), 2..4),
        shared in article(),
    ) {
        // Every source also tells some shared sentences, so that there is something to align.
        let texts: Vec<(String, String)> = articles
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let mut lines = a.clone();
                lines.extend(shared.iter().skip(i % 2).cloned());
                (format!("s{i}"), lines.join("\n"))
            })
            .collect();
        let forward = reconcile_texts(&texts);
        let mut reversed = texts.clone();
        reversed.reverse();
        prop_assert_eq!(findings(&forward), findings(&reconcile_texts(&reversed)));
        prop_assert_eq!(findings(&forward), findings(&reconcile_texts(&texts)));
    }

    #[test]
    fn independent_of_claim_order(articles in prop::collection::vec(article(), 2..4), seed in any::<u64>()) {
        let texts: Vec<(String, String)> =
            articles.iter().enumerate().map(|(i, a)| (format!("s{i}"), a.join("\n"))).collect();
        let report = reconcile_texts(&texts);
        let mut claims = report.claims.clone();
        // A deterministic shuffle from the seed.
        let mut state = seed | 1;
        for i in (1..claims.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            claims.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let shuffled = Reconciliation::build(
            report.sources.clone(),
            claims,
            Vec::new(),
            &Config::default().align,
            &DiffConfig::default(),
        &GroupConfig::default(),
        );
        prop_assert_eq!(findings(&report), findings(&shuffled));
    }

    #[test]
    fn scoring_is_symmetric(articles in prop::collection::vec(article(), 2..3)) {
        let texts: Vec<(String, String)> =
            articles.iter().enumerate().map(|(i, a)| (format!("s{i}"), a.join("\n"))).collect();
        let report = reconcile_texts(&texts);
        let scorer = Scorer::new(&Config::default().align, &report.claims);
        for a in 0..report.claims.len() {
            for b in 0..report.claims.len() {
                let (x, y) = (scorer.score(a, b), scorer.score(b, a));
                prop_assert!((x.value - y.value).abs() < 1e-12, "{} vs {}", x.value, y.value);
            }
        }
    }

    #[test]
    fn arbitrary_text_never_panics(a in "\\PC{1,300}", b in "\\PC{1,300}") {
        let texts: Vec<(String, String)> = [("a", a), ("b", b)]
            .into_iter()
            .filter(|(_, t)| !t.trim().is_empty())
            .map(|(id, t)| (id.to_string(), t))
            .collect();
        let report = reconcile_texts(&texts);
        let text = render::to_text(&report);
        prop_assert!(text.contains("facts"));
        render::to_markdown(&report);
        prop_assert!(render::to_html(&report).ends_with("</html>\n"));
        render::to_dot(&report);
        prop_assert_eq!(&render::to_json(&report)["schema"], "corroborate/1");
    }

    #[test]
    fn an_exact_copy_agrees_and_counts_as_one_independent_source(lines in article()) {
        let text = lines.join("\n");
        let report = reconcile_texts(&[("a".into(), text.clone()), ("b".into(), text)]);
        prop_assert!(report.differences.is_empty(), "{:?}", report.differences);
        // A text long enough to tell copying from coincidence is a copy of the first; then every
        // fact has one independent source and is not corroborated. A short one stays two voices.
        let copy = report.sources[1].copy_of.is_some();
        prop_assert_eq!(report.sources[0].copy_of.as_ref(), None);
        for fact in &report.facts {
            let (independent, status) = match copy {
                true => (1, FactStatus::SingleSource),
                false => (fact.sources.len(), FactStatus::Corroborated),
            };
            prop_assert_eq!(fact.independent_sources, independent, "{:?}", fact);
            prop_assert_eq!(fact.status, status, "{:?}", fact);
        }
    }
}
