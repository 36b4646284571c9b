//! The fuzz targets' checks on stable Rust: every seed input (`fuzz/seeds/TARGET/`) and every
//! input a fuzzer crashed on (`tests/fixtures/fuzz/TARGET/`, kept once the bug is fixed) run
//! through the function the target `TARGET` runs (`fuzz/src/lib.rs`). See `docs/fuzzing.md`.

use std::path::Path;

#[path = "../fuzz/src/lib.rs"]
mod targets;

/// Runs every file under `dir/TARGET/` through the target's function; returns how many ran.
fn replay(dir: &Path) -> usize {
    let mut ran = 0;
    for (name, run) in targets::TARGETS {
        let Ok(entries) = std::fs::read_dir(dir.join(name)) else { continue };
        let mut paths: Vec<_> = entries.map(|e| e.expect("a directory entry").path()).collect();
        paths.sort();
        for path in paths {
            let bytes = std::fs::read(&path).expect("a readable input");
            let outcome = std::panic::catch_unwind(|| run(&bytes));
            assert!(outcome.is_ok(), "target {name} fails on {}", path.display());
            ran += 1;
        }
    }
    ran
}

#[test]
fn seed_inputs_keep_the_invariants() {
    let ran = replay(&Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds"));
    assert!(ran >= targets::TARGETS.len(), "only {ran} seed inputs found");
}

#[test]
fn inputs_that_crashed_a_fuzzer_keep_the_invariants() {
    replay(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz"));
}
