//! Helpers shared by the integration tests: where the shared seeds and data are.

use std::path::PathBuf;

/// The folder named by the environment variable `var`, or `None` (with a note on stderr) when it is
/// unset outside CI. Under `CI=true` a missing or unreadable folder fails the test instead.
pub fn shared_dir(var: &str) -> Option<PathBuf> {
    let in_ci = std::env::var("CI").is_ok_and(|v| v == "true");
    match std::env::var_os(var) {
        Some(dir) => {
            let dir = PathBuf::from(dir);
            assert!(dir.is_dir(), "{var}={} is not a folder", dir.display());
            Some(dir)
        }
        None if in_ci => panic!("{var} is not set, and CI=true: the shared folder is required"),
        None => {
            eprintln!("note: {var} is not set; skipping the tests that need it");
            None
        }
    }
}

/// The seeds folder (`CORROBORATE_SEEDS`).
pub fn seeds_dir() -> Option<PathBuf> {
    shared_dir("CORROBORATE_SEEDS")
}

/// The data folder (`CORROBORATE_DATA`).
#[allow(dead_code)]
pub fn data_dir() -> Option<PathBuf> {
    shared_dir("CORROBORATE_DATA")
}

/// The path of a fixture file under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests").join("fixtures").join(name)
}
