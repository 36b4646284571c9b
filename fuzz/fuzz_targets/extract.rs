//! `cargo +nightly fuzz run extract`: see `corroborate_fuzz::extract` (fuzz/src/lib.rs) for what it runs
//! and checks, and docs/fuzzing.md.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| corroborate_fuzz::extract(data));
