//! Truth discovery against the `truthdiscovery` 1.0.4 regression data (read through
//! CORROBORATE_DATA), and the book-listings reader on fixtures of our own.

use std::collections::HashMap;

use corroborate::truth::{Algorithm, Dataset, DatasetBuilder, Value, books};

use crate::common::data_dir;

/// `data.csv`: one row per source, one column per variable, blank = no claim.
fn regression_dataset(dir: &std::path::Path) -> Dataset {
    let text = std::fs::read_to_string(dir.join("data.csv")).expect("data.csv");
    let mut b = DatasetBuilder::new();
    for (s, line) in text.lines().enumerate() {
        for (v, cell) in line.trim_end_matches('\r').split(',').enumerate() {
            if !cell.trim().is_empty() {
                let x: f64 = cell.trim().parse().expect("a float cell");
                b.add(&s.to_string(), &v.to_string(), "", Value::Number(x));
            }
        }
    }
    b.build()
}

#[test]
fn conformance_with_truthdiscovery() {
    let Some(data_dir) = data_dir() else { return };
    let dir = data_dir.join("truth/truthdiscovery-regression");
    let data = regression_dataset(&dir);
    assert_eq!(data.n_sources(), 35);
    assert_eq!(data.n_variables(), 20);
    for alg in Algorithm::all() {
        let path = dir.join(format!("{}_results.json", alg.name()));
        let expected: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("results file")).unwrap();
        let out = alg.run(&data);
        let trust = expected["trust"].as_object().unwrap();
        assert_eq!(trust.len(), data.n_sources(), "{}", alg.name());
        for (source, want) in trust {
            let s = data.source_index(source).unwrap();
            let want = want.as_f64().unwrap();
            assert!(
                (out.trust[s] - want).abs() <= 1e-9,
                "{} trust of {source}: got {}, want {want}",
                alg.name(),
                out.trust[s]
            );
        }
        let belief = expected["belief"].as_object().unwrap();
        let mut checked = 0;
        for (var, values) in belief {
            let v = data.variable_index(var, "").unwrap();
            let got: HashMap<u64, f64> = data
                .variable_claims(v)
                .map(|c| (data.value(c).as_number().unwrap().to_bits(), out.belief[c]))
                .collect();
            let values = values.as_object().unwrap();
            assert_eq!(values.len(), got.len(), "{} variable {var}", alg.name());
            for (value, want) in values {
                let x: f64 = value.parse().unwrap();
                let want = want.as_f64().unwrap();
                let have = got[&x.to_bits()];
                assert!(
                    (have - want).abs() <= 1e-9,
                    "{} belief of {var}={value}: got {have}, want {want}",
                    alg.name()
                );
                checked += 1;
            }
        }
        assert_eq!(checked, data.n_claims(), "{}", alg.name());
    }
}

#[test]
fn book_listings_end_to_end() {
    // Three sellers spell one author list three ways; a fourth omits the co-author; a fifth
    // names a different person. Every algorithm should settle on the full, agreed list.
    let text = "\
shopA\t0-306-40615-2\tA Title\tGrey, Ann B.; Black, Tom\r
shopB\t9780306406157\tA Title\tAnn B. Grey and Tom Black\r
shopC\t0306406152\tA Title\tA. B. Grey, T. Black\r
shopD\t0306406152\tA Title\tAnn Grey\r
shopE\t0306406152\tA Title\tMark Green\r
shopF\t0306406152\tA Title\tNot Available\r
";
    let listings = books::parse_listings("fixture", text).unwrap();
    assert_eq!(listings.data.n_variables(), 1);
    assert_eq!(listings.data.variable(0).0, "9780306406157");
    for alg in Algorithm::all() {
        let out = alg.run(&listings.data);
        let answers = books::answers(&listings, &out, &alg);
        assert_eq!(answers.len(), 1);
        assert_eq!(answers[0].1, "ann b grey; tom black", "{}", alg.name());
    }
}

/// The built example binary (`cargo test` builds the examples next to the test binary).
fn example(name: &str) -> std::process::Command {
    let exe = std::env::current_exe().expect("test binary path");
    let dir = exe.parent().and_then(|d| d.parent()).expect("target dir");
    let path = dir.join("examples").join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    assert!(path.exists(), "example {name} is not built at {}", path.display());
    std::process::Command::new(path)
}

#[test]
fn truth_example_prints_one_line_per_book() {
    let dir = std::env::temp_dir().join(format!("corroborate-truth-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("listings.txt");
    std::fs::write(
        &input,
        "s1\t0-306-40615-2\tT\tGrey, Ann B.; Black, Tom\r\n\
         s2\t9780306406157\tT\tAnn B. Grey & Tom Black\r\n\
         s3\t0306406152\tT\tAnn Grey\r\n\
         s1\t0-19-853453-1\tU\tRen&eacute; Lef\u{e8}vre\n\
         s2\t0198534531\tU\tNot Available\n\
         s3\t0198534531\tU\tLefevre, Rene\n\
         s4\t0198534531\tU\tMark Green\n\
         s1\t1-111-11111-1\tV\t\n",
    )
    .unwrap();
    for alg in [None, Some("voting"), Some("pooled_investment"), Some("truthfinder")] {
        let mut cmd = example("truth");
        cmd.arg("--input").arg(&input);
        if let Some(a) = alg {
            cmd.args(["--algorithm", a]);
        }
        let out = cmd.output().expect("run");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let stdout = String::from_utf8(out.stdout).unwrap();
        let lines: Vec<Vec<&str>> = stdout.lines().map(|l| l.split('\t').collect()).collect();
        assert_eq!(lines.len(), 2, "{alg:?}: {stdout}");
        assert_eq!(lines[0][..2], ["9780306406157", "ann b grey; tom black"], "{alg:?}");
        assert_eq!(lines[1][..2], ["9780198534532", "rene lefevre"], "{alg:?}");
        for l in &lines {
            let confidence: f64 = l[2].parse().unwrap();
            assert!((0.0..=1.0).contains(&confidence));
        }
    }
    std::fs::write(&input, "s1\t0306406152\tT\n").unwrap();
    let out = example("truth").arg("--input").arg(&input).output().expect("run");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("listings.txt: line 1: expected 4"));
    let out = example("truth").args(["--algorithm", "nope"]).output().expect("run");
    assert!(!out.status.success());
    std::fs::remove_dir_all(&dir).ok();
}

mod properties {
    use std::collections::HashMap;

    use corroborate::truth::{Algorithm, DatasetBuilder, NameList, Value};
    use proptest::prelude::*;

    /// A person: one or two given names (a word or an initial) and a surname. Words end in "z"
    /// so that none is a role, title or corporate word ("Editor", "Press"), which the reader
    /// drops on purpose.
    fn person() -> impl Strategy<Value = (Vec<String>, String)> {
        let given = prop_oneof!["[A-Z][a-z]{2,7}z", "[A-Z]"];
        (prop::collection::vec(given, 1..3), "[A-Z][a-z]{3,9}z")
    }

    fn natural(p: &(Vec<String>, String)) -> String {
        let given: Vec<String> =
            p.0.iter().map(|g| if g.len() == 1 { format!("{g}.") } else { g.clone() }).collect();
        format!("{} {}", given.join(" "), p.1)
    }

    fn inverted(p: &(Vec<String>, String)) -> String {
        let given: Vec<String> =
            p.0.iter().map(|g| if g.len() == 1 { format!("{g}.") } else { g.clone() }).collect();
        format!("{}, {}", p.1, given.join(" "))
    }

    proptest! {
        #[test]
        fn name_parsing_never_panics(raw in "\\PC{0,80}") {
            let _ = NameList::parse(&raw);
        }

        #[test]
        fn author_lists_read_the_same_in_every_common_format(
            people in prop::collection::vec(person(), 1..4)
        ) {
            // Distinct surnames, so that no two generated people are the same person.
            let mut surnames: Vec<&String> = people.iter().map(|p| &p.1).collect();
            surnames.sort();
            surnames.dedup();
            prop_assume!(surnames.len() == people.len());
            let formats = [
                people.iter().map(natural).collect::<Vec<_>>().join("; "),
                people.iter().map(natural).collect::<Vec<_>>().join(", "),
                people.iter().map(inverted).collect::<Vec<_>>().join("; "),
                people.iter().map(inverted).collect::<Vec<_>>().join("/ "),
                people.iter().map(|p| natural(p).to_uppercase()).collect::<Vec<_>>().join(" & "),
            ];
            let first = NameList::parse(&formats[0]).expect("names");
            prop_assert_eq!(first.names().len(), people.len());
            for f in &formats[1..] {
                let parsed = NameList::parse(f);
                prop_assert_eq!(parsed.as_ref(), Some(&first), "{}", f);
            }
            // Normalisation is idempotent: the display form reads back as the same list.
            prop_assert_eq!(NameList::parse(&first.to_string()), Some(first.clone()));
        }

        #[test]
        fn results_do_not_depend_on_statement_order(
            statements in prop::collection::vec((0u8..6, 0u8..4, 0u8..3), 1..40),
            rotate in 0usize..40,
        ) {
            let build = |order: &[(u8, u8, u8)]| {
                let mut b = DatasetBuilder::new();
                for &(s, v, x) in order {
                    b.add(&format!("s{s}"), &format!("v{v}"), "", Value::Number(f64::from(x)));
                }
                b.build()
            };
            let mut rotated = statements.clone();
            let k = rotate % rotated.len();
            rotated.rotate_left(k);
            let (a, b) = (build(&statements), build(&rotated));
            for alg in Algorithm::all() {
                let (ra, rb) = (alg.run(&a), alg.run(&b));
                let beliefs = |d: &corroborate::truth::Dataset, belief: &[f64]| {
                    (0..d.n_claims())
                        .map(|c| {
                            let key = (d.variable(d.claim_variable(c)).0.to_string(),
                                       d.value(c).as_number().unwrap().to_bits());
                            (key, belief[c])
                        })
                        .collect::<HashMap<_, _>>()
                };
                let (ba, bb) = (beliefs(&a, &ra.belief), beliefs(&b, &rb.belief));
                for (k, x) in &ba {
                    prop_assert!((x - bb[k]).abs() < 1e-9, "{} belief {:?}", alg.name(), k);
                }
                for s in 0..a.n_sources() {
                    let t = rb.trust[b.source_index(a.source_name(s)).unwrap()];
                    prop_assert!((ra.trust[s] - t).abs() < 1e-9, "{} trust", alg.name());
                }
            }
        }
    }
}
