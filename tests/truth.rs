//! Truth discovery against the `truthdiscovery` 1.0.4 regression data (read through
//! CORROBORATE_DATA), and the book-listings reader on fixtures of our own.

use std::collections::HashMap;
use std::path::PathBuf;

use corroborate::truth::{Algorithm, Dataset, DatasetBuilder, Value, books};

/// The data folder, or `None` (with a note) when CORROBORATE_DATA is unset outside CI.
fn data_dir() -> Option<PathBuf> {
    match std::env::var_os("CORROBORATE_DATA") {
        Some(dir) => Some(PathBuf::from(dir)),
        None if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("CORROBORATE_DATA must be set in CI")
        }
        None => {
            eprintln!("note: CORROBORATE_DATA unset; skipping a test that reads the shared data");
            None
        }
    }
}

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
