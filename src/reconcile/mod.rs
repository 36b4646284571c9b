//! The pipeline: sources in, a [`Reconciliation`] out.
//!
//! `text -> claims -> candidate pairs -> scored links -> agreement graph -> facts and differences`.

mod casualty;
pub mod consensus;
pub mod copies;
pub mod diff;
pub mod graph;
pub mod happening;
mod predicate;
pub mod report;
pub mod stance;
pub mod story;
pub mod stream;

use std::collections::HashSet;
use std::fmt;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::align::AlignConfig;
use crate::entity::{self, Aliases};
use crate::error::{Error, Result};
use crate::extract::{self, Extraction};
use crate::model::Source;
use crate::model::{Claim, SourceId, SourceMeta};
use crate::reconcile::diff::DiffConfig;
use crate::reconcile::graph::GroupConfig;
use crate::reconcile::report::{Reconciliation, SourceSummary};

/// Settings of a whole run.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Config {
    /// How claims are aligned.
    pub align: AlignConfig,
    /// Aliases the user adds at run time ("the Kremlin" for "Russia", say), applied before the
    /// built-in rules when entity spellings are resolved across the run.
    pub aliases: Aliases,
    /// How linked claims are grouped into facts.
    pub group: GroupConfig,
    /// How the differences between linked claims are told.
    pub diff: DiffConfig,
    /// Who is told how far a run is (silent by default).
    pub progress: Progress,
}

/// A stage of a run, as [`Progress`] reports it. A [`crate::Stream`] reports the same stages
/// for each addition.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Stage {
    /// Extracting claims from the sources ([`Reconciler::add_sources`]): `done` of `total`
    /// sources.
    Extract,
    /// Resolving entity spellings across the run: one step (`0` of `1`, then `1` of `1`).
    Resolve,
    /// Aligning the claims, grouping them into facts and typing their differences: one step.
    Align,
}

impl Stage {
    /// A lowercase name for messages: `extract`, `resolve`, `align`.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Extract => "extract",
            Stage::Resolve => "resolve",
            Stage::Align => "align",
        }
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A progress callback: `(stage, done, total)`, called as a run moves on; silent by default.
///
/// It may be called from several threads at once (extraction runs in parallel), so `done` can
/// arrive out of order; take the largest seen. Set it with [`Config::set_progress`].
#[derive(Clone, Default)]
pub struct Progress(Option<Arc<ProgressFn>>);

/// The callback a [`Progress`] holds.
type ProgressFn = dyn Fn(Stage, usize, usize) + Send + Sync;

impl Progress {
    /// A callback that reports to `f`.
    pub fn new(f: impl Fn(Stage, usize, usize) + Send + Sync + 'static) -> Progress {
        Progress(Some(Arc::new(f)))
    }

    /// Tells the callback, if there is one.
    pub fn report(&self, stage: Stage, done: usize, total: usize) {
        if let Some(f) = &self.0 {
            f(stage, done, total);
        }
    }

    /// Whether a callback is set.
    pub fn is_silent(&self) -> bool {
        self.0.is_none()
    }
}

impl fmt::Debug for Progress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.is_silent() { "Progress(silent)" } else { "Progress(callback)" })
    }
}

impl Default for Config {
    /// Claims are aligned with [`AlignConfig::facts`]; no user aliases; facts grouped by
    /// [`GroupConfig::default`]; differences told by [`DiffConfig::default`].
    ///
    /// ```
    /// use corroborate::{Config, align::AlignConfig};
    ///
    /// let config = Config::default();
    /// assert_eq!(config.align, AlignConfig::facts());
    /// assert!(config.aliases.is_empty());
    /// assert!(config.progress.is_silent());
    /// ```
    fn default() -> Config {
        Config {
            align: AlignConfig::facts(),
            aliases: Aliases::default(),
            group: GroupConfig::default(),
            diff: DiffConfig::default(),
            progress: Progress::default(),
        }
    }
}

impl Config {
    /// Sets how the differences between linked claims are told.
    pub fn set_diff(&mut self, diff: DiffConfig) -> &mut Config {
        self.diff = diff;
        self
    }

    /// Sets how claims are aligned.
    pub fn set_align(&mut self, align: AlignConfig) -> &mut Config {
        self.align = align;
        self
    }

    /// Sets how linked claims are grouped into facts.
    ///
    /// ```
    /// use corroborate::{Config, reconcile::graph::GroupConfig};
    ///
    /// let mut config = Config::default();
    /// let mut group = GroupConfig::default();
    /// group.anchor_links = true;
    /// config.set_group(group);
    /// assert!(config.group.anchor_links);
    /// ```
    pub fn set_group(&mut self, group: GroupConfig) -> &mut Config {
        self.group = group;
        self
    }

    /// Sets the progress callback, told `(stage, done, total)` as a run moves on (none by default:
    /// a library prints nothing). It may be called from several threads at once.
    ///
    /// ```
    /// use std::sync::{Arc, Mutex};
    /// use corroborate::{Config, Reconciler, Source, reconcile::Stage};
    ///
    /// let seen = Arc::new(Mutex::new(Vec::new()));
    /// let log = Arc::clone(&seen);
    /// let mut config = Config::default();
    /// config.set_progress(move |stage, done, total| log.lock().unwrap().push((stage, done, total)));
    /// let mut reconciler = Reconciler::new(config);
    /// let sources = [Source::new("a", "The port reopened.")?, Source::new("b", "Ships left.")?];
    /// reconciler.add_sources(&sources);
    /// reconciler.reconcile();
    /// let seen = seen.lock().unwrap();
    /// assert!(seen.contains(&(Stage::Extract, 2, 2)));
    /// assert_eq!(seen.last(), Some(&(Stage::Align, 1, 1)));
    /// # Ok::<(), corroborate::Error>(())
    /// ```
    pub fn set_progress(
        &mut self,
        callback: impl Fn(Stage, usize, usize) + Send + Sync + 'static,
    ) -> &mut Config {
        self.progress = Progress::new(callback);
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
        use crate::par::*;
        let progress = &self.config.progress;
        let done = AtomicUsize::new(0);
        progress.report(Stage::Extract, 0, sources.len());
        let extractions: Vec<Extraction> = sources
            .par_iter()
            .map(|source| {
                let extraction = extract::extract(source);
                let n = done.fetch_add(1, Ordering::Relaxed) + 1;
                progress.report(Stage::Extract, n, sources.len());
                extraction
            })
            .collect();
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

    /// Adds claims extracted elsewhere (see [`crate::io::import`]) as the source `id`.
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
        let progress = &self.config.progress;
        // Spellings are resolved across every source of the run, not per source.
        progress.report(Stage::Resolve, 0, 1);
        entity::resolve_with(&mut claims, &self.config.aliases);
        progress.report(Stage::Resolve, 1, 1);
        progress.report(Stage::Align, 0, 1);
        let report = Reconciliation::build(
            sources,
            claims,
            skipped,
            &self.config.align,
            &self.config.diff,
            &self.config.group,
        );
        progress.report(Stage::Align, 1, 1);
        report
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
        let claims = crate::io::import::claims_from_json(
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
