//! `cargo +nightly fuzz run truth_load`: see `corroborate_fuzz::truth_load` (fuzz/src/lib.rs) for what it runs
//! and checks, and docs/fuzzing.md.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| corroborate_fuzz::truth_load(data));
