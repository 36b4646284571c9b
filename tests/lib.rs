//! The integration tests: one binary, a module per area.

mod common;

mod examples;
mod extract;
mod properties;
mod seeds_extract;
