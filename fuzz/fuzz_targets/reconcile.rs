//! `cargo +nightly fuzz run reconcile`: see `corroborate_fuzz::reconcile` (fuzz/src/lib.rs) for what it runs
//! and checks, and docs/fuzzing.md.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| corroborate_fuzz::reconcile(data));
