//! corroborate: cross-source fact reconciliation.
//!
//! Several outlets report the same event, each in its own words, numbers and spellings. corroborate
//! reads each source, normalises what it asserts into one shared claim model, aligns the claims that
//! assert the same fact across sources in a petgraph agreement graph, and reports which facts are
//! corroborated, which only one outlet reports, and exactly where and how the sources differ: a
//! different number, a negation, a hedge against a definite statement, another speaker, another day.
//!
//! ```
//! use corroborate::reconcile::report::{DifferenceKind, FactStatus};
//! use corroborate::{Config, Reconciler, Source};
//!
//! let a = Source::new("courier", "Port Reopens After Strike\n\
//!     The port of Valdor reopened on Tuesday after a strike that lasted nine days.\n\
//!     Harbour master Ana Lind said 40 ships were waiting to unload.\n").unwrap();
//! let b = Source::new("wire", "Dockers return to work in Valdor, ending a nine-day strike.\n\
//!     Harbour master Ana Lind said 35 ships were waiting to unload.\n\
//!     The union will vote on the new contract next week.\n").unwrap();
//!
//! let mut reconciler = Reconciler::new(Config::default());
//! reconciler.add_source(&a)?;
//! reconciler.add_source(&b)?;
//! let report = reconciler.reconcile();
//!
//! // The ships claim is one fact, contested: the sources give different numbers.
//! let ships = report.differences.iter().find(|d| d.kind == DifferenceKind::Quantity).unwrap();
//! let fact = report.facts.iter().find(|f| f.id == ships.fact).unwrap();
//! assert_eq!(fact.status, FactStatus::Contested);
//! assert_eq!(fact.sources.len(), 2);
//! // The vote is reported by one source only.
//! let vote = report.claims.iter().find(|c| c.text.contains("vote")).unwrap();
//! let vote_fact = report.facts.iter().find(|f| f.claims.contains(&vote.id)).unwrap();
//! assert_eq!(vote_fact.status, FactStatus::SingleSource);
//! # Ok::<(), corroborate::Error>(())
//! ```
//!
//! # The pipeline
//!
//! `bytes -> Source -> claims + skipped -> entities resolved across the run -> candidate pairs ->
//! scored links -> agreement graph -> facts and differences -> report`
//!
//! The crate's modules follow it, one per stage:
//!
//! - [`model`]: the shared claim model ([`Claim`], entities, quantities, times, quotes,
//!   attribution, modality, polarity), [`Source`] (one article, checked for UTF-8 and emptiness
//!   when it is made; errors name the source and the line: [`Error`]) and calendar dates.
//! - [`extract`]: a source's claims, each with exact byte spans, and the spans it skipped (page
//!   furniture, headlines, headings) with a reason. Every non-space byte is in one or the other.
//!   Quantities ([`extract::quantity`]) and time expressions ([`extract::time`]) are found here.
//! - [`entity`]: one canonical name for the spellings and titles of an entity across all sources.
//! - [`align`]: pair scores with an explainable breakdown ([`align::Scorer`]), configuration and
//!   fitting ([`align::AlignConfig`]), static sentence embeddings a user attaches
//!   ([`align::Embeddings`]), and candidate pairs for large runs ([`align::block`], used by
//!   [`align::align`] from [`align::BLOCKING_MIN_CLAIMS`] claims on).
//! - [`reconcile`]: the run ([`Reconciler`], [`Config`]) and what it builds: stories
//!   ([`reconcile::story`]), the agreement graph and facts ([`reconcile::graph`]), typed
//!   differences ([`reconcile::diff`]), copies of one text ([`reconcile::copies`]), the report
//!   ([`reconcile::report`], [`Reconciliation`]), a run that grows source by source
//!   ([`reconcile::stream`], [`Stream`]: each new source is scored against what the run holds, with
//!   term statistics read in steps, [`align::AlignConfig::idf_steps`], so that only the claims whose
//!   scores move are re-scored) and source trust over the values facts dispute
//!   ([`reconcile::consensus`]).
//! - [`render`]: the report as text, Markdown, HTML, JSON and DOT. The JSON report schema
//!   (`corroborate/1`) is documented there.
//! - [`io`]: files as people store articles ([`io::articles`]: plain text, JSON Lines of article
//!   records, HTML pages read for their main text and metadata, with one error per bad record),
//!   claims extracted elsewhere (a language model, a person) as JSON or JSON Lines
//!   ([`io::import`]), and claims and links as JSON Lines ([`io::jsonl`]).
//! - [`truth`]: truth discovery (Voting, Sums, AverageLog, Investment, PooledInvestment,
//!   TruthFinder) over `(source, object, attribute, value)` statements.
//! - [`synth`]: generated multi-source corpora with known truth, for tests and benchmarks.
//!
//! # Errors and robustness
//!
//! A bad source (empty, not UTF-8, unreadable, malformed claims JSON) is an [`Error`] for that
//! source alone: [`Reconciler::add_source`] returns it and the run goes on with the others;
//! [`io::articles::read_file`] gives one error per bad record of a feed, naming the file and line,
//! and loads the rest. The library prints nothing; [`Config::set_progress`] sets a callback told
//! how far a run is. Nothing
//! in extraction or alignment panics on arbitrary text (property-tested). Disagreement between
//! sources is never an error: it is data in the report.
#![deny(missing_docs)]

pub mod align;
pub mod entity;
mod error;
pub mod extract;
pub mod io;
pub mod model;
mod par;
pub mod reconcile;
pub mod render;
mod rng;
// Unit tests use the generator whatever the features.
#[cfg(any(feature = "synth", test))]
pub mod synth;
pub(crate) mod text;
pub mod truth;

pub use crate::error::{Error, Result};
pub use crate::model::Source;
pub use crate::model::{Claim, ClaimId, Modality, Polarity, SourceId};
pub use crate::reconcile::report::Reconciliation;
pub use crate::reconcile::stream::Stream;
pub use crate::reconcile::{Config, Reconciler};

/// The README's example, compiled as a doc test so that it stays true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
