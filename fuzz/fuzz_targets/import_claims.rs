//! `cargo +nightly fuzz run import_claims`: see `corroborate_fuzz::import_claims` (fuzz/src/lib.rs) for what it runs
//! and checks, and docs/fuzzing.md.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| corroborate_fuzz::import_claims(data));
