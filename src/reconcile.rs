//! The pipeline: sources in, a [`Reconciliation`] out.
//!
//! `text -> claims -> candidate pairs -> scored links -> agreement graph -> facts and differences`.

use std::collections::HashSet;

use crate::align::AlignConfig;
use crate::diff::DiffConfig;
use crate::entity::{self, Aliases};
use crate::error::{Error, Result};
use crate::extract::{self, Extraction};
use crate::graph::GroupConfig;
use crate::model::{Claim, SourceId, SourceMeta};
use crate::report::{Reconciliation, SourceSummary};
use crate::source::Source;

/// Settings of a whole run.
#[derive(Clone, Debug)]
pub struct Config {
    /// How claims are aligned.
    pub align: AlignConfig,
    /// Aliases the user adds at run time ("the Kremlin" for "Russia", say), applied before the
    /// built-in rules when entity spellings are resolved across the run.
    pub aliases: Aliases,
    /// How linked claims are grouped into facts.
    pub group: GroupConfig,
}

impl Default for Config {
    /// Claims are aligned with [`AlignConfig::facts`]; no user aliases; facts grouped by
    /// [`GroupConfig::default`].
    ///
    /// ```
    /// use corroborate::{Config, align::AlignConfig};
    ///
    /// let config = Config::default();
    /// assert_eq!(config.align, AlignConfig::facts());
    /// assert!(config.aliases.is_empty());
    /// ```
    fn default() -> Config {
        Config {
            align: AlignConfig::facts(),
            aliases: Aliases::default(),
            group: GroupConfig::default(),
        }
    }
}

impl Config {
    /// Sets how claims are aligned.
    pub fn set_align(&mut self, align: AlignConfig) -> &mut Config {
        self.align = align;
        self
    }

    /// Sets how linked claims are grouped into facts.
    ///
    /// ```
    /// use corroborate::{Config, graph::GroupConfig};
    ///
    /// let mut config = Config::default();
    /// config.set_group(GroupConfig { anchor_links: true, ..GroupConfig::default() });
    /// assert!(config.group.anchor_links);
    /// ```
    pub fn set_group(&mut self, group: GroupConfig) -> &mut Config {
        self.group = group;
        self
    }

    /// Makes `alias` a name of `canonical` in every source of the run.
    ///
    /// ```
    /// use corroborate::Config;
    ///
    /// let mut config = Config::default();
    /// config.add_alias("the Élysée", "France").add_alias("Downing Street", "United Kingdom");
    /// assert_eq!(config.aliases.len(), 2);
    /// ```
    pub fn add_alias(&mut self, alias: &str, canonical: &str) -> &mut Config {
        self.aliases.add(alias, canonical);
        self
    }
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

    /// Extracts several sources in parallel and adds them in the order given. Each source gets its
    /// own result, so one bad source does not stop the others.
    pub fn add_sources(&mut self, sources: &[Source]) -> Vec<Result<()>> {
        use rayon::prelude::*;
        let extractions: Vec<Extraction> = sources.par_iter().map(extract::extract).collect();
        sources
            .iter()
            .zip(extractions)
            .map(|(source, extraction)| {
                self.check_new(source.id())?;
                self.sources.push((source.id().clone(), source.meta().clone(), extraction));
                Ok(())
            })
            .collect()
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

    /// The configuration of the run.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The sources added so far, in the order added, with their extractions.
    pub(crate) fn sources(&self) -> &[(SourceId, SourceMeta, Extraction)] {
        &self.sources
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
            sources.push(SourceSummary::of(id, meta, extraction));
            claims.extend(extraction.claims.iter().cloned());
            skipped.extend(extraction.skipped.iter().cloned());
        }
        // Spellings are resolved across every source of the run, not per source.
        entity::resolve_with(&mut claims, &self.config.aliases);
        Reconciliation::build(
            sources,
            claims,
            skipped,
            &self.config.align,
            &DiffConfig::default(),
            &self.config.group,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(id: &str, text: &str) -> Source {
        Source::new(id, text).unwrap()
    }

    #[test]
    fn a_bad_source_does_not_stop_the_others() {
        let mut reconciler = Reconciler::default();
        let results = reconciler.add_sources(&[
            source("a", "The bridge reopened on Friday."),
            source("a", "A second source with the same id."),
            source("b", "The bridge was reopened on Friday morning."),
        ]);
        assert!(results[0].is_ok() && results[2].is_ok());
        assert!(matches!(results[1], Err(Error::DuplicateSource(ref id)) if id == "a"));
        let report = reconciler.reconcile();
        let ids: Vec<&str> = report.sources.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
    }

    #[test]
    fn claims_from_elsewhere_join_the_run() {
        let mut reconciler = Reconciler::default();
        reconciler.add_source(&source("a", "The bridge reopened on Friday.")).unwrap();
        let claims = crate::import::claims_from_json(
            &SourceId::new("llm"),
            "llm",
            r#"{"text": "The bridge reopened on Friday."}"#,
        )
        .unwrap();
        reconciler.add_claims(SourceId::new("llm"), SourceMeta::default(), claims).unwrap();
        assert!(matches!(
            reconciler.add_claims(SourceId::new("x"), SourceMeta::default(), Vec::new()),
            Err(Error::EmptySource { .. })
        ));
        let report = reconciler.reconcile();
        assert_eq!(report.claims.len(), 2);
        assert_eq!(report.facts.len(), 1, "the same sentence from two sources is one fact");
    }
}
