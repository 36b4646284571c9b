//! The integration tests: one binary, a module per area.

mod common;

mod entity;
mod examples;
mod extract;
mod fuzz;
mod graph;
mod html;
mod properties;
mod scale;
mod score;
mod seeds_align;
mod seeds_extract;
mod story;
mod stream;
mod text_report;
mod truth;
