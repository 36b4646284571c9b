//! The integration tests: one binary, a module per area.

mod common;

mod entity;
mod examples;
mod extract;
#[cfg(all(feature = "html", feature = "truth"))]
mod fuzz;
mod graph;
mod html;
mod properties;
#[cfg(feature = "synth")]
mod scale;
mod score;
mod seeds_align;
mod seeds_extract;
mod story;
#[cfg(feature = "synth")]
mod stream;
mod text_report;
#[cfg(feature = "truth")]
mod truth;
