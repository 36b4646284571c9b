//! The examples, run as a user runs them.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

/// The built example binary (`cargo test` builds the examples next to the test binary).
pub(crate) fn example(name: &str) -> Command {
    let exe = std::env::current_exe().expect("test binary path");
    let dir = exe.parent().and_then(|d| d.parent()).expect("target dir");
    let path: PathBuf =
        dir.join("examples").join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    assert!(path.exists(), "example {name} is not built at {}", path.display());
    Command::new(path)
}

#[test]
fn reconcile_demo_prints_the_json_report() {
    let out = example("reconcile").args(["--format", "json"]).output().expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).expect("stdout is one JSON object");
    assert_eq!(report["schema"], "corroborate/1");
    let sources: Vec<&str> =
        report["sources"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(sources, ["harbor_courier", "kestria_wire"]);
    let claims = report["claims"].as_array().unwrap();
    assert!(claims.len() >= 10);
    for (field, kind) in
        [("id", "string"), ("start", "number"), ("end", "number"), ("text", "string")]
    {
        for c in claims {
            let ok = if kind == "string" { c[field].is_string() } else { c[field].is_u64() };
            assert!(ok, "claim field {field} is not a {kind}: {c}");
        }
    }
    // Every claim is in exactly one fact.
    let mut in_facts: Vec<&str> = report["facts"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["claims"].as_array().unwrap().iter().map(|c| c.as_str().unwrap()))
        .collect();
    in_facts.sort_unstable();
    let mut ids: Vec<&str> = claims.iter().map(|c| c["id"].as_str().unwrap()).collect();
    ids.sort_unstable();
    assert_eq!(in_facts, ids);
    assert!(report["skipped"].as_array().unwrap().iter().any(|s| s["reason"] == "boilerplate"));
    // How long the talks lasted, told in two facts: "lasted three days" / "ran for four days".
    let lengths: Vec<&Value> = report["differences"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["kind"] == "quantity")
        .collect();
    assert_eq!(lengths.len(), 1, "{lengths:?}");
    let summary = lengths[0]["summary"].as_str().unwrap();
    assert!(summary.contains("three days") && summary.contains("four days"), "{summary}");
    let links = report["links"].as_array().unwrap();
    let conflict = |l: &&Value| l["kind"] == "conflicts" && l["claims"] == lengths[0]["claims"];
    assert!(links.iter().any(|l| conflict(&l)), "no conflicts link for {:?}", lengths[0]);
}

#[test]
fn reconcile_reports_bad_input_and_exits_non_zero() {
    let dir = std::env::temp_dir().join(format!("corroborate-ex-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, b"fine\n\xff\xfe broken").unwrap();
    let out = example("reconcile").arg(&bad).output().expect("run");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("source bad: invalid UTF-8 at line 2"), "{stderr}");
    assert!(out.stdout.is_empty());

    let out = example("reconcile").arg(dir.join("missing.txt")).output().expect("run");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.txt"));

    let claims = dir.join("bad.jsonl");
    std::fs::write(&claims, "{\"text\": \"ok\"}\nnot json\n").unwrap();
    let out = example("reconcile").arg(&claims).output().expect("run");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.jsonl: line 2"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn reconcile_files_with_outlets_dates_and_consensus() {
    let dir = std::env::temp_dir().join(format!("corroborate-outlets-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut args: Vec<std::ffi::OsString> =
        ["--format", "json", "--date", "2026-03-04"].iter().map(Into::into).collect();
    for (i, (id, rescued)) in
        [("north", 12), ("south", 12), ("east", 12), ("west", 19)].iter().enumerate()
    {
        let path = dir.join(format!("{id}.txt"));
        let text = format!(
            "Mine Flood Rescue Ends\nOfficials said {rescued} miners were rescued from the flooded mine near Valdor on Monday.\n"
        );
        std::fs::write(&path, text).unwrap();
        args.push("--outlet".into());
        args.push(format!("Outlet {i}").into());
        args.push(path.into());
    }
    let out = example("reconcile").args(&args).output().expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let sources = report["sources"].as_array().unwrap();
    assert_eq!(sources[3]["outlet"], "Outlet 3");
    assert_eq!(sources[0]["date"], "2026-03-04");
    assert_eq!(sources[0]["title"], "Mine Flood Rescue Ends");
    // Monday resolves against the publication date.
    let times = report["claims"][0]["times"].as_array().unwrap();
    assert_eq!(times[0]["normalized"], "2026-03-02");
    // Three sources outvote the fourth, which is trusted less.
    let values = report["consensus"]["values"].as_array().unwrap();
    let miners = values.iter().find(|v| v["attribute"] == "quantity:miner").expect("miners");
    assert_eq!(miners["value"], "12");
    let trust = |id: &str| {
        report["consensus"]["trust"].as_array().unwrap().iter().find(|t| t["source"] == id).unwrap()
            ["trust"]
            .as_f64()
            .unwrap()
    };
    assert!(trust("north") > trust("west"));
    std::fs::remove_dir_all(&dir).ok();
}

/// A fresh scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("corroborate-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn every_example_has_help() {
    for name in [
        "reconcile",
        "pairs",
        "scale",
        "stream",
        "truth",
        "truth_eval",
        "truth_perf",
        "evaluate",
        "evaluate_news",
        "fit_facts",
    ] {
        for flag in ["--help", "-h"] {
            let out = example(name).arg(flag).output().expect("run");
            assert!(
                out.status.success(),
                "{name} {flag}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let help = String::from_utf8_lossy(&out.stdout);
            assert!(help.contains(&format!("Usage: {name}")), "{name} {flag}: {help}");
            assert!(help.contains("-h, --help"), "{name}: {help}");
        }
        let out = example(name).arg("--no-such-option").output().expect("run");
        assert_eq!(out.status.code(), Some(2), "{name}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("--no-such-option"), "{name}: {stderr}");
        assert!(out.stdout.is_empty(), "{name}: stdout is for the format asked for");
    }
}

#[test]
fn reconcile_reports_a_missing_file_and_reconciles_the_others() {
    let dir = scratch("missing");
    let a = dir.join("a.txt");
    let b = dir.join("b.txt");
    std::fs::write(&a, "The ferry to Orlen resumed on Monday after a two-day strike.\n").unwrap();
    std::fs::write(&b, "Ferries to Orlen ran again on Monday, ending a strike of two days.\n")
        .unwrap();
    let missing = dir.join("missing.txt");
    let out = example("reconcile")
        .args(["--format", "json"])
        .args([&a, &missing, &b])
        .output()
        .expect("run");
    assert!(!out.status.success(), "a file could not be read: the status says so");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("missing.txt"), "{stderr}");
    let report: Value = serde_json::from_slice(&out.stdout).expect("the report of a and b");
    let ids: Vec<&str> =
        report["sources"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a", "b"]);

    // --strict stops at the first bad file and prints no report.
    let out = example("reconcile")
        .args(["--strict", "--format", "json"])
        .args([&a, &missing, &b])
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("missing.txt") && stderr.contains("--strict"), "{stderr}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
#[cfg(feature = "html")]
fn reconcile_reads_article_feeds_html_pages_and_claims_together() {
    let dir = scratch("formats");
    let claims = dir.join("model_claims.jsonl");
    std::fs::write(&claims, "{\"text\": \"All 78 gates of the Salvento barrier were raised.\"}\n")
        .unwrap();
    let out = example("reconcile")
        .args(["--format", "json"])
        .arg(crate::common::fixture("articles/lagoon_feed.jsonl"))
        .arg(crate::common::fixture("articles/lagoon_page.html"))
        .arg(&claims)
        .output()
        .expect("run");
    // Two records of the feed are bad: named on stderr by file and line, the rest reconciled.
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("lagoon_feed.jsonl: line 3: "), "{stderr}");
    assert!(stderr.contains("lagoon_feed.jsonl: line 4: "), "{stderr}");
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let sources = report["sources"].as_array().unwrap();
    let by_id = |id: &str| sources.iter().find(|s| s["id"] == id).unwrap_or_else(|| panic!("{id}"));
    assert_eq!(sources.len(), 4, "{sources:?}");
    assert_eq!(by_id("ostmark-post")["outlet"], "Ostmark Post");
    assert_eq!(by_id("ostmark-post")["title"], "Barrier Holds Back Record Tide");
    assert_eq!(by_id("canal-herald")["date"], "2026-11-14");
    let page = by_id("lagoon_page");
    assert_eq!(page["outlet"], "Lido Courier");
    assert_eq!(page["title"], "Salvento barrier raised for the 31st time");
    assert_eq!(page["date"], "2026-11-15");
    assert_eq!(by_id("model_claims")["claims"], 1);
    // Nothing of the page's script, navigation or footer became a claim; its byline, credit and
    // "Read more" line are skipped with their reasons, as are the feed's dateline and byline.
    let claims = report["claims"].as_array().unwrap();
    for c in claims {
        let text = c["text"].as_str().unwrap();
        for chrome in ["not article text", "Sport", "Most read", "All rights reserved"] {
            assert!(!text.contains(chrome), "{text}");
        }
    }
    let reasons: Vec<(&str, &str)> = report["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["source"].as_str().unwrap(), s["reason"].as_str().unwrap()))
        .collect();
    for expected in [
        ("lagoon_page", "byline"),
        ("lagoon_page", "photo_credit"),
        ("lagoon_page", "read_more"),
        ("ostmark-post", "dateline"),
        ("canal-herald", "byline"),
    ] {
        assert!(reasons.contains(&expected), "{expected:?} not in {reasons:?}");
    }
    // The 78 gates are told by the feed, the page and the claims file.
    let gates = claims
        .iter()
        .filter(|c| c["text"].as_str().unwrap().contains("78 gates"))
        .map(|c| c["id"].as_str().unwrap())
        .collect::<Vec<_>>();
    assert!(gates.len() >= 3, "{gates:?}");
    std::fs::remove_dir_all(&dir).ok();
}
