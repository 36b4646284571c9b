//! The integration tests: one binary, a module per area.

mod common;

mod entity;
mod examples;
mod extract;
mod properties;
mod seeds_extract;
