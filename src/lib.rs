//! corroborate: cross-source fact reconciliation.
//!
//! Several outlets report the same event, each in its own words, numbers and spellings. corroborate
//! reads each source, normalises what it asserts into one shared claim model, aligns the claims that
//! assert the same fact across sources in an agreement graph, and reports which facts are
//! corroborated, which only one outlet reports, and where and how the sources differ.
#![deny(missing_docs)]

pub mod align;
pub mod block;
pub mod entity;
pub mod error;
pub mod extract;
pub mod import;
pub mod jsonl;
pub mod model;
pub mod quantity;
pub mod reconcile;
pub mod render;
pub mod report;
pub mod source;
pub mod synth;
pub mod text;
pub mod time;

pub use crate::error::{Error, Result};
pub use crate::model::{Claim, ClaimId, Modality, Polarity, SourceId};
pub use crate::reconcile::{Config, Reconciler};
pub use crate::report::Reconciliation;
pub use crate::source::Source;
