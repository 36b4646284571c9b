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
