//! Incremental reconciliation: sources arrive one by one, and each is scored against what the run
//! holds instead of recomputing the run.
//!
//! Useful for: a feed of articles about one story, where a report is wanted after every few
//! articles ([`Stream`]). Not useful for: a batch of sources known at once ([`crate::Reconciler`]
//! does the same work in one pass).
//!
//! # What a stream keeps
//!
//! The sources' extractions; the run's claims with their entities resolved across the run, and
//! what resolution reads (every distinct provisional name with its counts, kinds and spellings;
//! the roles each source gives people);
//! every claim prepared for scoring, the document frequency of every term and the IDF the scorer
//! reads ([`crate::align`]'s run state); the links (pairs of claims of different sources scoring
//! at or above the threshold) with their scores; from [`BLOCKING_MIN_CLAIMS`] claims on, the
//! blocking index ([`BlockIndex`]).
//!
//! # What adding a source does
//!
//! 1. Extracts the source, adds its names to the run's name table and resolves the table again
//!    (distinct names, not every mention: canonical names are run-wide, and a new spelling can
//!    rename an entity everywhere). It resolves the claims of the new source, of every source
//!    naming a name whose resolution moved, and of every source naming a person whose run-wide
//!    roles moved ("the Chilean leader" reads against them); the others cannot change. The
//!    result equals resolving the whole run. A claim whose resolved form changed is prepared
//!    again; it is *dirty* unless the changes are a one-to-one renaming of entity names across
//!    the run, which no score sees (names are compared only for equality).
//! 2. Updates the document frequencies. Under [`AlignConfig::idf_steps`] `= s`, the scorer reads
//!    every count rounded down to a step of `2^(1/s)`: a claim is dirty when one of its terms'
//!    stepped count moved, and every claim is when the stepped number of claims moved (about every
//!    `2^(1/s)`-fold growth of the run: a logarithmic number of times). With `s = 0`, the exact
//!    counts, every added claim moves the number of claims, so every addition re-scores the run.
//! 3. Scores the new claims and re-scores the dirty ones against their candidates: every claim of
//!    another source below [`BLOCKING_MIN_CLAIMS`] claims, what [`BlockIndex::query`] answers
//!    from there on. A link whose score falls below the threshold is dropped.
//!
//! [`Stream::reconcile`] then groups the stored links into facts and finds the differences,
//! exactly as [`Reconciliation::build`] does (same anchor links, typical score and grouping),
//! scoring the pairs grouping needs with the same statistics. Its cost is that of a report, about
//! linear in the claims and links, not that of an alignment.
//!
//! # Exactness
//!
//! Below [`BLOCKING_MIN_CLAIMS`] claims, the facts, statuses and differences of
//! [`Stream::reconcile`] are those of a [`crate::Reconciler`] given the same sources in the
//! same order with the same configuration (tested on generated streams). One caveat holds at
//! every size: the scorer numbers strings in the order it meets them, and sums IDF and hashes
//! n-grams in that numbering, so a stream's score of a pair can differ from a full run's in the
//! last bits (a pair within about 1e-15 of the threshold, or one of the 1-in-40-million n-gram
//! hash collisions, could decide differently).
//!
//! From [`BLOCKING_MIN_CLAIMS`] claims on, a full run scores the candidate pairs of a blocking
//! index built over all its claims, while a stream scores those its growing index answered when
//! one of the pair's claims was added or last re-scored, less those no longer candidates when the
//! report is built. They differ in: pairs whose shared key weight (`ln(N / df)` summed) reached
//! the blocking minimum only because the run grew since, until one of their claims is re-scored
//! (every claim is, at each step of the number of claims); pairs that stopped being candidates
//! are dropped when the report is built, so only the first kind is missing; the blocking keys of a
//! claim whose entities were renamed into a different number of keys ([`AddStats::stale_keys`]:
//! the index keeps its old keys until the next full re-score); composite keys made before a key
//! became too common ([`BlockIndex::insert`]); and the claims a full run's probing budget cuts
//! short. The run switches to blocking
//! with a full re-score when it reaches [`BLOCKING_MIN_CLAIMS`] claims.

use std::collections::{BTreeSet, HashMap};
use std::time::Instant;

use serde::{Deserialize, Serialize};

use crate::align::block::{BlockConfig, BlockIndex};
use crate::align::{self, AlignConfig, BLOCKING_MIN_CLAIMS, Changed, RunScorer};
use crate::entity::RunNames;
use crate::error::Result;
use crate::model::Source;
use crate::model::{Claim, SourceId, SourceMeta};
use crate::reconcile::report::{Reconciliation, SourceSummary};
use crate::reconcile::{Config, Reconciler, Stage};

/// A link found by scoring: claims `a < b` (arrival indices) and the score.
type ScoredLink = (u32, u32, f64);

/// What one [`Stream::add_source`] did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AddStats {
    /// Claims the source added.
    pub claims_added: usize,
    /// Claims in the run after it.
    pub claims_total: usize,
    /// Older claims whose entities or speakers resolution named differently after the source
    /// came in.
    pub claims_renamed: usize,
    /// Renamed claims whose blocking keys the index could not replace in place (their number
    /// changed): they keep their old keys until the next full re-score.
    pub stale_keys: usize,
    /// Older claims scored again (their entities resolved differently, other than by a
    /// one-to-one renaming, or the statistics of one of their terms moved a step).
    pub claims_rescored: usize,
    /// Pairs scored.
    pub pairs_scored: u64,
    /// Whether the whole run was scored again (the number of claims moved a step, or the run
    /// reached [`BLOCKING_MIN_CLAIMS`]).
    pub full: bool,
    /// Seconds spent bringing entity resolution up to date.
    pub resolve_seconds: f64,
    /// Seconds the whole call took (extraction included).
    pub seconds: f64,
}

/// A run that grows source by source; see the [module docs](self).
///
/// ```
/// use corroborate::{Config, Source, Stream};
///
/// let mut config = Config::default();
/// config.align.set_idf_steps(4);
/// let mut stream = Stream::new(config);
/// stream.add_source(&Source::new("a", "The bridge reopened on Friday after repairs.")?)?;
/// let stats = stream.add_source(&Source::new("b", "The bridge reopened on Friday.")?)?;
/// assert_eq!(stats.claims_added, 1);
/// let report = stream.reconcile();
/// assert_eq!(report.facts.len(), 1);
/// # Ok::<(), corroborate::Error>(())
/// ```
#[derive(Debug)]
pub struct Stream {
    /// The sources and the configuration (a stream checks and extracts sources as a
    /// [`Reconciler`] does).
    run: Reconciler,
    /// The run's claims, resolved, in arrival order (sources in the order added).
    claims: Vec<Claim>,
    /// Where each source's claims start in `claims`.
    source_starts: Vec<usize>,
    /// Entity resolution, kept up to date source by source.
    names: RunNames,
    /// How many claims hold each name the scorer sees (see [`scored_names`]).
    name_holders: HashMap<String, u32>,
    scorer: RunScorer,
    /// Links by `(a, b)`, arrival indices, `a < b`: the score of each, to f32 precision (the
    /// report scores its links again, with their breakdown).
    links: HashMap<(u32, u32), f32>,
    /// Each claim's linked partners.
    partners: Vec<Vec<u32>>,
    block: BlockConfig,
    index: Option<BlockIndex>,
}

impl Stream {
    /// An empty stream with the given configuration. Set [`AlignConfig::idf_steps`] for
    /// additions to cost less than a full run: 4 stays closer to exact counts, 1 re-scores about
    /// fifteen times fewer claims per addition (on a generated run of 10k claims, 98.7% and 96.0% of
    /// claims are in the same fact as with exact counts; docs/scale.md has the figures). With
    /// exact counts (0) every addition re-scores the run. See the [module docs](self).
    pub fn new(config: Config) -> Stream {
        Stream {
            scorer: RunScorer::new(&config.align),
            block: BlockConfig::for_lexicon(&config.align.lexicon),
            run: Reconciler::new(config),
            claims: Vec::new(),
            source_starts: Vec::new(),
            names: RunNames::default(),
            name_holders: HashMap::new(),
            links: HashMap::new(),
            partners: Vec::new(),
            index: None,
        }
    }

    /// Extracts `source` and adds its claims to the run, scoring them and re-scoring the claims
    /// whose scores they change.
    ///
    /// # Errors
    /// [`Error::DuplicateSource`](crate::Error::DuplicateSource) when a source with the same id
    /// was added before; the stream is unchanged and takes further sources.
    pub fn add_source(&mut self, source: &Source) -> Result<AddStats> {
        let start = Instant::now();
        self.run.add_source(source)?;
        Ok(self.absorb(start))
    }

    /// Adds claims extracted elsewhere (see [`crate::io::import`]) as the source `id`.
    ///
    /// # Errors
    /// [`Error::EmptySource`](crate::Error::EmptySource) when `claims` is empty;
    /// [`Error::DuplicateSource`](crate::Error::DuplicateSource) when a source with the same id
    /// was added before. Either way the stream is unchanged.
    pub fn add_claims(
        &mut self,
        id: SourceId,
        meta: SourceMeta,
        claims: Vec<Claim>,
    ) -> Result<AddStats> {
        let start = Instant::now();
        self.run.add_claims(id, meta, claims)?;
        Ok(self.absorb(start))
    }

    /// Adds several sources at once, extracted in parallel, with one re-score for all of them:
    /// the way to start a stream from a batch. Each source gets its own result.
    pub fn add_sources(&mut self, sources: &[Source]) -> Vec<Result<()>> {
        let start = Instant::now();
        let results = self.run.add_sources(sources);
        self.absorb(start);
        results
    }

    /// The number of sources added.
    pub fn n_sources(&self) -> usize {
        self.run.n_sources()
    }

    /// The number of claims in the run.
    pub fn n_claims(&self) -> usize {
        self.claims.len()
    }

    /// The number of links (pairs of claims of different sources at or above the threshold).
    pub fn n_links(&self) -> usize {
        self.links.len()
    }

    /// Brings the run up to date with the sources added since the last call.
    fn absorb(&mut self, start: Instant) -> AddStats {
        let old = self.claims.len();
        let progress = self.run.config().progress.clone();
        progress.report(Stage::Resolve, 0, 1);
        let resolve_start = Instant::now();
        // Spellings are resolved across the whole run, as a full run resolves them; only the
        // sources whose resolution can change are resolved again.
        let sources: Vec<&[Claim]> =
            self.run.sources().iter().map(|(_, _, e)| e.claims.as_slice()).collect();
        let first = self.source_starts.len();
        let updated = self.names.update(&sources, first, &self.run.config().aliases);
        // Claims of older sources whose resolved form changed, and the new sources' claims.
        let mut changed_claims: Vec<(u32, Claim)> = Vec::new();
        let mut new: Vec<Claim> = Vec::new();
        for (s, claims) in updated {
            if s < first {
                let at = self.source_starts[s];
                for (k, claim) in claims.into_iter().enumerate() {
                    if claim != self.claims[at + k] {
                        changed_claims.push(((at + k) as u32, claim));
                    }
                }
            } else {
                self.source_starts.push(old + new.len());
                new.extend(claims);
            }
        }
        let resolve_seconds = resolve_start.elapsed().as_secs_f64();
        progress.report(Stage::Resolve, 1, 1);
        progress.report(Stage::Align, 0, 1);

        let renamed: Vec<u32> = changed_claims.iter().map(|(i, _)| *i).collect();
        // A new spelling often only renames an entity everywhere ("Zelenskiy" becomes "Zelensky"
        // once that spelling is the more frequent): the scorer compares entity names only for
        // equality, so such claims are prepared again but score as before.
        let renamed_only = renames_only(&self.claims, &changed_claims, &self.name_holders);
        let mut dirty: Vec<u32> = Vec::new();
        let mut stale_keys = 0;
        for (i, claim) in changed_claims {
            self.scorer.replace(i as usize, &claim);
            if let Some(index) = &mut self.index
                && !index.replace_keys(i as usize, &claim)
            {
                stale_keys += 1;
            }
            if !renamed_only {
                dirty.push(i);
            }
            for name in scored_names(&self.claims[i as usize]) {
                if let Some(n) = self.name_holders.get_mut(&name) {
                    *n -= 1;
                }
            }
            for name in scored_names(&claim) {
                *self.name_holders.entry(name).or_default() += 1;
            }
            self.claims[i as usize] = claim;
        }
        for claim in &new {
            self.scorer.push(claim);
            for name in scored_names(claim) {
                *self.name_holders.entry(name).or_default() += 1;
            }
        }
        self.claims.extend(new);
        self.partners.resize(self.claims.len(), Vec::new());
        let n = self.claims.len();

        let changed = self.scorer.settle();
        let blocked = n >= BLOCKING_MIN_CLAIMS;
        let full = matches!(changed, Changed::All) || (blocked && self.index.is_none());
        let mut stats = AddStats {
            claims_added: n - old,
            claims_renamed: renamed.len(),
            stale_keys,
            claims_total: n,
            resolve_seconds,
            full,
            ..AddStats::default()
        };
        if full {
            self.links.clear();
            self.partners.iter_mut().for_each(Vec::clear);
            stats.claims_rescored = old;
            stats.pairs_scored = if blocked { self.score_all_blocked() } else { self.score_all() };
        } else {
            if let Changed::Claims(claims) = changed {
                dirty.extend(claims.into_iter().filter(|&c| (c as usize) < old));
            }
            dirty.sort_unstable();
            dirty.dedup();
            stats.claims_rescored = dirty.len();
            let mut affected = dirty;
            affected.extend(old as u32..n as u32);
            if let Some(index) = &mut self.index {
                let effect = index.insert(&self.claims[old..]);
                // Keys the grown cap lets back in make new candidates among older claims.
                for key in effect.now_usable {
                    affected.extend_from_slice(index.posting(key));
                }
                affected.sort_unstable();
                affected.dedup();
            }
            stats.pairs_scored = self.rescore(&affected);
        }
        progress.report(Stage::Align, 1, 1);
        stats.seconds = start.elapsed().as_secs_f64();
        stats
    }

    /// Scores every cross-source pair (the all-pairs regime); returns the pairs scored.
    fn score_all(&mut self) -> u64 {
        let all: Vec<u32> = (0..self.claims.len() as u32).collect();
        self.rescore(&all)
    }

    /// Builds the blocking index over the run and scores its candidate pairs (found by prefix
    /// filtering over the whole run, as a full run finds them).
    fn score_all_blocked(&mut self) -> u64 {
        let index = BlockIndex::build(&self.claims, &self.block);
        let threshold = self.run.config().align.threshold;
        let scorer = &self.scorer;
        let score = |a: usize, b: usize| scorer.score_value(a, b);
        let (pairs, scored, _) =
            crate::align::block::score_index_candidates(&index, &score, threshold);
        self.index = Some(index);
        for p in pairs {
            self.links.insert((p.a, p.b), p.score);
            self.partners[p.a as usize].push(p.b);
            self.partners[p.b as usize].push(p.a);
        }
        scored
    }

    /// Scores again every candidate pair of the `affected` claims (ascending), replacing their
    /// links; returns the pairs scored.
    fn rescore(&mut self, affected: &[u32]) -> u64 {
        use crate::par::*;
        let n = self.claims.len();
        let mut is_affected = vec![false; n];
        for &i in affected {
            is_affected[i as usize] = true;
        }
        // Drop the links of the affected claims: their pairs are all scored again.
        for &i in affected {
            for j in std::mem::take(&mut self.partners[i as usize]) {
                self.links.remove(&(i.min(j), i.max(j)));
                if !is_affected[j as usize] {
                    self.partners[j as usize].retain(|&k| k != i);
                }
            }
        }
        let threshold = self.run.config().align.threshold;
        let (claims, scorer, index) = (&self.claims, &self.scorer, &self.index);
        let is_affected = &is_affected;
        // A pair of two affected claims is scored once, from the lower one.
        let found: Vec<(Vec<ScoredLink>, u64)> = affected
            .par_iter()
            .map(|&i| {
                let iu = i as usize;
                let partners: Vec<u32> = match index {
                    Some(index) => index.query(iu),
                    None => (0..n as u32)
                        .filter(|&j| claims[j as usize].source != claims[iu].source)
                        .collect(),
                };
                let mut out = Vec::new();
                let mut scored = 0;
                for j in partners {
                    if is_affected[j as usize] && j < i {
                        continue;
                    }
                    scored += 1;
                    let s = scorer.score_value(iu, j as usize);
                    if s >= threshold {
                        out.push((i.min(j), i.max(j), s));
                    }
                }
                (out, scored)
            })
            .collect();
        let mut scored = 0;
        for (links, count) in found {
            scored += count;
            for (a, b, s) in links {
                if self.links.insert((a, b), s as f32).is_none() {
                    self.partners[a as usize].push(b);
                    self.partners[b as usize].push(a);
                }
            }
        }
        scored
    }

    /// The report of the run so far: facts, differences and the agreement graph, as
    /// [`crate::Reconciler::reconcile`] builds them (see the [module docs](self) for where they
    /// can differ), from the stored links.
    ///
    /// **Complexity**: about linear in the claims and links (grouping, anchor links, differences),
    /// no alignment.
    pub fn reconcile(&self) -> Reconciliation {
        let mut order: Vec<u32> = (0..self.claims.len() as u32).collect();
        order.sort_by(|&x, &y| self.claims[x as usize].id.cmp(&self.claims[y as usize].id));
        let mut position = vec![0u32; order.len()];
        for (k, &i) in order.iter().enumerate() {
            position[i as usize] = k as u32;
        }
        let claims: Vec<Claim> = order.iter().map(|&i| self.claims[i as usize].clone()).collect();
        let scorer = self.scorer.scorer(order);
        let min_weight = self.block.min_weight;
        let mut pairs: Vec<(usize, usize)> = self
            .links
            .keys()
            // Pairs that are no longer blocking candidates under the run's statistics are not
            // links of a full run.
            .filter(|&&(a, b)| {
                self.index.as_ref().is_none_or(|index| {
                    index.shared_weight_now(a as usize, b as usize) >= min_weight
                })
            })
            .map(|&(a, b)| {
                let (pa, pb) = (position[a as usize] as usize, position[b as usize] as usize);
                (pa.min(pb), pa.max(pb))
            })
            .collect();
        pairs.sort_unstable();
        let links: Vec<align::Link> = {
            use crate::par::*;
            pairs
                .par_iter()
                .map(|&(a, b)| align::Link { a, b, score: scorer.score(a, b) })
                .collect()
        };

        let mut sources = Vec::new();
        let mut skipped = Vec::new();
        for (id, meta, extraction) in self.run.sources() {
            sources.push(SourceSummary::of(id, meta, extraction));
            skipped.extend(extraction.skipped.iter().cloned());
        }
        Reconciliation::assemble(
            sources,
            claims,
            skipped,
            &self.run.config().align,
            &self.run.config().diff,
            &self.run.config().group,
            &scorer,
            links,
        )
    }

    /// The configuration of the run.
    pub fn config(&self) -> &Config {
        self.run.config()
    }

    /// The alignment settings of the run.
    pub fn align_config(&self) -> &AlignConfig {
        &self.run.config().align
    }
}

/// The names the scorer sees in a claim: canonical entity names and a resolved speaker,
/// lowercased, each once.
fn scored_names(c: &Claim) -> BTreeSet<String> {
    names_in_order(c).collect()
}

/// The names the scorer sees in a claim, in order, with repeats.
fn names_in_order(c: &Claim) -> impl Iterator<Item = String> + '_ {
    let speaker = c.attribution.as_ref().filter(|a| a.resolved).map(|a| a.speaker.as_str());
    c.entities.iter().map(|e| e.canonical.as_str()).chain(speaker).map(str::to_lowercase)
}

/// Whether the differences between the resolved forms of the `changed` claims (index, new form)
/// and their `old` forms are a one-to-one renaming of entity names and nothing else: each old
/// name (lowercased, as the scorer keys it) becomes one new name throughout the run, no two old
/// names become one, and no name held by an unchanged claim takes part (`holders`: how many
/// claims of the run hold each name). Scores compare entity names only for equality, so such a
/// renaming changes no score.
fn renames_only(old: &[Claim], changed: &[(u32, Claim)], holders: &HashMap<String, u32>) -> bool {
    if changed.is_empty() {
        return true;
    }
    // Everything but the names must be equal.
    fn masked(c: &Claim) -> Claim {
        let mut c = c.clone();
        for e in &mut c.entities {
            e.canonical.clear();
            e.kind = crate::model::EntityKind::Other;
        }
        if let Some(a) = &mut c.attribution {
            a.speaker.clear();
        }
        for q in &mut c.quotes {
            q.speaker = None;
        }
        c
    }
    let mut forward: HashMap<String, String> = HashMap::new();
    let mut backward: HashMap<String, String> = HashMap::new();
    for (i, b) in changed {
        let a = &old[*i as usize];
        if masked(a) != masked(b) {
            return false;
        }
        // The renaming must map the names position by position.
        let (na, nb): (Vec<String>, Vec<String>) =
            (names_in_order(a).collect(), names_in_order(b).collect());
        if na.len() != nb.len() {
            return false;
        }
        for (x, y) in na.into_iter().zip(nb) {
            if forward.entry(x.clone()).or_insert_with(|| y.clone()) != &y
                || backward.entry(y).or_insert_with(|| x.clone()) != &x
            {
                return false;
            }
        }
    }
    // An unchanged claim keeps its names: none may be renamed, nor be a new name of another.
    let mut held_by_changed: HashMap<&str, u32> = HashMap::new();
    let olds: Vec<BTreeSet<String>> =
        changed.iter().map(|(i, _)| scored_names(&old[*i as usize])).collect();
    for set in &olds {
        for k in set {
            *held_by_changed.entry(k.as_str()).or_default() += 1;
        }
    }
    let moved = forward.iter().filter(|(k, v)| k != v).map(|(k, _)| k);
    let taken = backward.iter().filter(|(k, v)| k != v).map(|(k, _)| k);
    moved.chain(taken).all(|k| {
        let all = holders.get(k).copied().unwrap_or(0);
        all == held_by_changed.get(k.as_str()).copied().unwrap_or(0)
    })
}
