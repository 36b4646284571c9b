//! The integration tests: one binary, a module per area.

mod common;

mod examples;
mod extract;
mod graph;
mod properties;
mod seeds_align;
mod seeds_extract;
