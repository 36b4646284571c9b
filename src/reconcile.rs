//! The pipeline: sources in, a [`Reconciliation`] out.
//!
//! `text -> claims -> candidate pairs -> scored links -> agreement graph -> facts and differences`.

use std::collections::HashSet;

use crate::align::{self, AlignConfig};
use crate::error::{Error, Result};
use crate::extract::{self, Extraction};
use crate::model::{Claim, SourceId, SourceMeta};
use crate::report::{Fact, FactId, FactStatus, Reconciliation, SourceSummary};
use crate::source::Source;

/// Settings of a whole run.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// How claims are aligned.
    pub align: AlignConfig,
}

/// Collects sources and reconciles them.
///
/// Each source is extracted when it is added; a bad source is an error for that call alone, so a
/// caller can report it and go on with the others.
#[derive(Clone, Debug, Default)]
pub struct Reconciler {
    config: Config,
    sources: Vec<(SourceId, SourceMeta, Extraction)>,
    ids: HashSet<SourceId>,
}

impl Reconciler {
    /// A reconciler with the given configuration.
    pub fn new(config: Config) -> Reconciler {
        Reconciler { config, ..Reconciler::default() }
    }

    /// Extracts `source` and adds it to the run.
    ///
    /// # Errors
    /// [`Error::DuplicateSource`] when a source with the same id was added before.
    pub fn add_source(&mut self, source: &Source) -> Result<()> {
        self.check_new(source.id())?;
        let extraction = extract::extract(source);
        self.sources.push((source.id().clone(), source.meta().clone(), extraction));
        Ok(())
    }

    /// Adds claims extracted elsewhere (see [`crate::import`]) as the source `id`.
    ///
    /// # Errors
    /// [`Error::DuplicateSource`] when a source with the same id was added before;
    /// [`Error::EmptySource`] when `claims` is empty.
    pub fn add_claims(&mut self, id: SourceId, meta: SourceMeta, claims: Vec<Claim>) -> Result<()> {
        if claims.is_empty() {
            return Err(Error::EmptySource { source_id: id.to_string() });
        }
        self.check_new(&id)?;
        let extraction = Extraction { claims, skipped: Vec::new(), title: None };
        self.sources.push((id, meta, extraction));
        Ok(())
    }

    /// The number of sources added so far.
    pub fn n_sources(&self) -> usize {
        self.sources.len()
    }

    fn check_new(&mut self, id: &SourceId) -> Result<()> {
        if !self.ids.insert(id.clone()) {
            return Err(Error::DuplicateSource(id.to_string()));
        }
        Ok(())
    }

    /// Aligns all sources added so far and builds the report.
    pub fn reconcile(&self) -> Reconciliation {
        let mut claims: Vec<Claim> = Vec::new();
        let mut skipped = Vec::new();
        let mut sources = Vec::new();
        for (id, meta, extraction) in &self.sources {
            sources.push(SourceSummary {
                id: id.clone(),
                title: meta.title.clone().unwrap_or_default(),
                claims: extraction.claims.len(),
            });
            claims.extend(extraction.claims.iter().cloned());
            skipped.extend(extraction.skipped.iter().cloned());
        }
        let _links = align::align(&claims, &self.config.align);
        let facts = claims
            .iter()
            .enumerate()
            .map(|(i, c)| Fact {
                id: FactId(i),
                claims: vec![c.id.clone()],
                sources: vec![c.source.clone()],
                status: FactStatus::SingleSource,
            })
            .collect();
        Reconciliation { sources, claims, skipped, facts, differences: Vec::new() }
    }
}
