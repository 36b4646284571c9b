//! Blocking: which pairs of claims are worth scoring at all.
//!
//! Useful for: aligning a run of many claims (thousands of sources, a million claims) in near-linear
//! time ([`align_blocked`]), listing the candidate pairs ([`candidates`]), and keeping an index that
//! new sources are queried against instead of recomputing everything ([`BlockIndex`]).
//! Not useful for: deciding whether two claims assert the same fact (that is
//! [`crate::align::Scorer`]); blocking only rules out pairs that cannot score high.
//!
//! # Keys
//!
//! Every claim gets a set of *blocking keys*, each hashed to 64 bits and interned as a `u32`:
//! its canonical entities (`e`), its quantities as value and unit (`q`), its content terms (`t`,
//! the stems in [`Claim::terms`], with [`BlockConfig::synonyms`] folded), and each two consecutive
//! content terms (`b`: "grain harbour" is rare as a phrase though each word is common).
//!
//! - A key held by at least 2 and at most [`BlockConfig::cap`] claims is *usable*. The cap is
//!   `max(min_cap, cap_share · N)` for a run of `N` claims (defaults: `max(1000, 0.001 · N)`), so
//!   no block is larger than the cap, whatever the skew.
//! - A key held by more claims than the cap (the politician in a third of all claims, "said",
//!   "percent") is never used alone: each claim pairs its [`BlockConfig::composite_keys`] rarest
//!   such keys two by two into *composite* keys, usable when they in turn stay under the cap.
//!
//! # Candidates: weighted prefix filtering
//!
//! A usable key held by `df` of the `N` claims weighs `ln(N / df)`. Two claims of different
//! sources are a candidate pair when the keys they share weigh at least
//! [`BlockConfig::min_weight`] together. Such pairs are found without looking at all pairs:
//! each claim orders its usable keys rarest first and indexes only its *prefix*, the keys up to
//! the point where the remaining ones weigh less than the minimum together. Two claims reaching
//! the minimum share a key in both prefixes (Bayardo, Ma and Srikant, "Scaling up all pairs
//! similarity search", WWW 2007). Each claim accumulates, per partner, the weight of the shared
//! prefix keys in a per-thread array; a partner whose bound (that weight plus both claims'
//! weight outside their prefixes) stays under the minimum is dropped, the others are verified by
//! a merge of the two claims' keys.
//!
//! [`BlockConfig::probe_budget`] guards the work per claim (postings walked); runs report how
//! many claims hit it ([`BlockStats::budget_cut`]).
//!
//! # Complexity
//!
//! Building is `O(K log K)` for `K` key occurrences (about 30 per claim); candidate generation
//! walks, per claim, the postings of its prefix keys, each at most the cap long, and never more
//! than the probing budget: `O(N · min(budget, prefix · cap))`. Memory is `O(K)` `u32`s.
//! Candidate generation and scoring run in parallel with rayon and give the same result, in the
//! same order, as a serial run.
//!
//! # Contract with [`crate::align::align`]
//!
//! [`align_blocked`] returns the same kind of links as `align` (`a < b`, sorted by `(a, b)`, score at
//! or above the threshold, claims of different sources), but only for candidate pairs. Its
//! *blocking recall* — the share of the links all-pairs scoring makes that it also makes — is what
//! [`blocking_recall`] measures.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::par::*;
use serde::{Deserialize, Serialize};

use crate::align::{AlignConfig, BUILTIN_SYNONYMS, Lexicon, Link, Scorer};
use crate::model::{Claim, SourceId};
use crate::text::plain_lower;

/// Settings of blocking.
///
/// ```
/// use corroborate::align::block::BlockConfig;
/// let config = BlockConfig::default();
/// assert_eq!(config.min_cap, 1000);
/// assert_eq!(config.cap(2_000_000), 2000);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BlockConfig {
    /// The smallest cap on a block: a key held by at most this many claims is always usable.
    /// Default 1000.
    pub min_cap: usize,
    /// The cap as a share of the run's claims, when that is larger than `min_cap`. Default 0.001.
    pub cap_share: f64,
    /// The least *shared weight* a candidate pair must have: the sum, over the usable keys the two
    /// claims share, of `ln(N / df)` (`df`: how many of the run's `N` claims hold the key).
    /// Default 10.0: two claims must share, say, two keys held by 1 claim in 150 each, or four
    /// held by 1 in 12 each.
    pub min_weight: f64,
    /// A guard on the work per claim: how many postings candidate generation walks for one claim
    /// (rarest keys first) before it stops. Default 20,000; runs count the claims that hit it.
    pub probe_budget: usize,
    /// How many of a claim's too-common keys (rarest first) are paired into composite keys.
    /// Default 5 (10 composites at most).
    pub composite_keys: usize,
    /// Term groups whose members block as one key (synonyms: `["truce", "ceasefir"]`, written as
    /// stems, the form [`Claim::terms`] holds). The first member of a group stands for the others.
    #[serde(default)]
    pub synonyms: Vec<Vec<String>>,
    /// The aligner's rare gate ([`AlignConfig::rare_gate`]), when candidates should honour it:
    /// then a candidate pair must also share a content-term key that the scorer may call rare
    /// ([`RareGate::max_df`]), and candidate generation walks only the postings of such keys
    /// instead of every prefix key (far fewer: a rare key is held by a few hundred claims of a
    /// million; a term folded into a synonym group keeps a walk-only key of its own, since the
    /// scorer judges rarity term by term). Pairs the gate would shut are not candidates; its
    /// derived-form path ("Iraq" / "Iraqi") is not indexed, so such pairs are candidates only if
    /// they share a rare term key besides. Default: none ([`BlockConfig::for_align`] sets it from the aligner's
    /// configuration, with [`RARE_GATE_MIN_WEIGHT`] as the minimum weight).
    #[serde(default)]
    pub rare_gate: Option<RareGate>,
}

/// What blocking needs to know of the aligner's rare gate to honour it (see
/// [`BlockConfig::rare_gate`]).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RareGate {
    /// [`AlignConfig::rare_idf`].
    pub rare_idf: f64,
    /// The documents of the aligner's default statistics, which its IDF counts besides the run's
    /// claims ([`crate::align::TermStats::documents`]).
    pub documents: u64,
    /// [`AlignConfig::idf_steps`].
    pub idf_steps: u32,
    /// [`AlignConfig::rare_df_cap`] (0: none): no term held by more documents opens the gate,
    /// whatever the run's size.
    #[serde(default)]
    pub df_cap: u64,
}

impl RareGate {
    /// A gate at `rare_idf` with no background documents, no IDF steps and no cap.
    pub fn new(rare_idf: f64) -> RareGate {
        RareGate { rare_idf, documents: 0, idf_steps: 0, df_cap: 0 }
    }

    /// The most claims of a run of `n` that can hold a term the scorer calls rare: the scorer's
    /// rare terms have `ln((N + 1) / (df + 1)) + 1 ≥ rare_idf · (ln(N + 1) + 1)` with `N` the
    /// run's claims plus the default statistics' documents and `df` the run's count plus the
    /// statistics' own, so the run's count is at most `((N + 1) · e)^(1 − rare_idf) − 1`; stepped
    /// counts ([`AlignConfig::idf_steps`] `= s`) can read a count up to `2^(1/s)` lower, which
    /// the bound allows for. Under a [`RareGate::df_cap`] the bound is at most the cap (times
    /// `2^(1/s)` with steps), which keeps the postings a claim's rare terms bring bounded however
    /// large the run. A bound, never below the truth: blocking on it loses no pair the gate lets
    /// through by a shared rare term.
    ///
    /// ```
    /// use corroborate::align::block::RareGate;
    /// let gate = RareGate::new(0.6);
    /// assert_eq!(gate.max_df(1_000_000), 373);
    /// let mut capped = gate;
    /// capped.df_cap = 128;
    /// assert_eq!(capped.max_df(1_000_000), 128);
    /// assert_eq!(capped.max_df(10_000), gate.max_df(10_000));
    /// ```
    pub fn max_df(&self, n: usize) -> usize {
        let documents = (n as u64).saturating_add(self.documents) as f64;
        let mut bound = ((documents + 1.0) * std::f64::consts::E).powf(1.0 - self.rare_idf) - 1.0;
        if self.df_cap > 0 {
            bound = bound.min(self.df_cap as f64);
        }
        if self.idf_steps > 0 {
            bound *= (1.0 / f64::from(self.idf_steps)).exp2();
        }
        bound.max(0.0).floor() as usize
    }
}

/// [`BlockConfig::min_weight`] under a rare gate ([`BlockConfig::for_align`]). Every candidate
/// shares a rare key there, which alone weighs `ln(N / max_df)` (6.5 at 100,000 claims, 7.9 at a
/// million) or more, so less besides it is asked for than the default 10. Measured on generated
/// corpora (`examples/scale.rs`, 2026-12-04): at 100,000 claims, blocking recall against brute
/// force over 1,000 sampled claims was 0.988 at 10 and 0.9997 at 8, with 9 and 17 candidates per
/// claim.
pub const RARE_GATE_MIN_WEIGHT: f64 = 8.0;

impl Default for BlockConfig {
    fn default() -> BlockConfig {
        BlockConfig {
            min_cap: 1000,
            cap_share: 0.001,
            min_weight: 10.0,
            probe_budget: 20_000,
            composite_keys: 5,
            synonyms: Vec::new(),
            rare_gate: None,
        }
    }
}

impl BlockConfig {
    /// The default settings, with the one-word synonyms of `lexicon` (built-in and the user's)
    /// blocking as one key: claims that tell one fact in other words ("truce" against
    /// "ceasefire") then share keys, as the scorer sees them sharing a concept.
    ///
    /// ```
    /// use corroborate::align::Lexicon;
    /// use corroborate::align::block::BlockConfig;
    /// let config = BlockConfig::for_lexicon(&Lexicon::default());
    /// assert!(config.synonyms.iter().any(|g| g.contains(&"truce".to_string())));
    /// ```
    pub fn for_lexicon(lexicon: &Lexicon) -> BlockConfig {
        let builtin = BUILTIN_SYNONYMS
            .iter()
            .filter(|_| lexicon.builtin)
            .map(|g| g.iter().map(|w| (*w).to_string()).collect::<Vec<String>>());
        let synonyms = builtin
            .chain(lexicon.synonyms.iter().cloned())
            .filter_map(|group| {
                // Only one-word members: a key is one stem (phrases match through their words).
                let mut stems: Vec<String> = group
                    .iter()
                    .filter(|w| {
                        !w.trim().contains(|c: char| c.is_whitespace() || c == '-' || c == '\'')
                    })
                    .map(|w| crate::text::stem(&plain_lower(w.trim())))
                    .filter(|s| !s.is_empty())
                    .collect();
                stems.dedup();
                (stems.len() >= 2).then_some(stems)
            })
            .collect();
        BlockConfig { synonyms, ..BlockConfig::default() }
    }

    /// [`BlockConfig::for_lexicon`] of the aligner's lexicon, honouring its rare gate
    /// ([`BlockConfig::rare_gate`]) when it has one on: what [`crate::align::align`] blocks with.
    ///
    /// ```
    /// use corroborate::align::AlignConfig;
    /// use corroborate::align::block::BlockConfig;
    /// assert!(BlockConfig::for_align(&AlignConfig::facts()).rare_gate.is_some());
    /// assert!(BlockConfig::for_align(&AlignConfig::default()).rare_gate.is_none());
    /// ```
    pub fn for_align(align: &AlignConfig) -> BlockConfig {
        let lexicon = BlockConfig::for_lexicon(&align.lexicon);
        if !align.rare_gate {
            return lexicon;
        }
        BlockConfig {
            rare_gate: Some(RareGate {
                rare_idf: align.rare_idf,
                documents: align.statistics.documents,
                idf_steps: align.idf_steps,
                df_cap: align.rare_df_cap,
            }),
            min_weight: RARE_GATE_MIN_WEIGHT,
            ..lexicon
        }
    }

    /// The largest block a key may make on its own in a run of `n_claims` claims.
    pub fn cap(&self, n_claims: usize) -> usize {
        self.min_cap.max((self.cap_share * n_claims as f64) as usize)
    }
}

/// Counts of what blocking did, for reports and benchmarks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BlockStats {
    /// Claims indexed.
    pub claims: usize,
    /// Distinct keys (plain and composite).
    pub keys: usize,
    /// Keys held by more claims than the cap (used only in composites).
    pub common_keys: usize,
    /// The cap in force.
    pub cap: usize,
    /// Candidate pairs (each scored once).
    pub pairs: u64,
    /// Claims whose candidate walk the probing budget cut short.
    pub budget_cut: u64,
}

/// The candidate pairs of `claims`: pairs `(a, b)` with `a < b` of claims from different sources
/// that share a usable blocking key (see the [module docs](self)), sorted and without duplicates.
///
/// # Complexity
/// Near-linear in the number of claims; see the module docs.
pub fn candidates(claims: &[Claim], config: &BlockConfig) -> Vec<(u32, u32)> {
    let index = BlockIndex::build(claims, config);
    let mut pairs: Vec<(u32, u32)> = (0..index.len() as u32)
        .into_par_iter()
        .map_init(Vec::new, |scratch, i| {
            index.partners_after(i, scratch);
            scratch.iter().map(|&j| (i, j)).collect::<Vec<_>>()
        })
        .flatten_iter()
        .collect();
    pairs.par_sort_unstable();
    pairs
}

/// How many of `pairs` (each `(a, b)` with `a < b`) are candidate pairs of `claims`: the count
/// `candidates(claims, config)` would share with them, found claim by claim without listing
/// every candidate, so that it needs the memory of the index, not of all candidate pairs (at a
/// million claims, hundreds of millions of pairs). For measuring blocking recall against a known
/// truth.
///
#[cfg_attr(feature = "synth", doc = "```")]
#[cfg_attr(not(feature = "synth"), doc = "```ignore")]
/// use corroborate::align::block::{BlockConfig, candidates, count_candidates};
/// use corroborate::synth::{SynthConfig, SynthCorpus};
///
/// let claims = SynthCorpus::generate(&SynthConfig::new(300, 10)).claims();
/// let config = BlockConfig::default();
/// let all = candidates(&claims, &config);
/// let some: Vec<(u32, u32)> = all.iter().copied().step_by(3).chain([(0, 1)]).collect();
/// let expected = some.iter().filter(|p| all.binary_search(p).is_ok()).count();
/// assert_eq!(count_candidates(&claims, &config, &some), expected);
/// ```
pub fn count_candidates(claims: &[Claim], config: &BlockConfig, pairs: &[(u32, u32)]) -> usize {
    let index = BlockIndex::build(claims, config);
    let mut pairs: Vec<(u32, u32)> =
        pairs.iter().filter(|&&(a, b)| a < b && (b as usize) < index.len()).copied().collect();
    pairs.sort_unstable();
    pairs.dedup();
    let groups: Vec<&[(u32, u32)]> = pairs.chunk_by(|x, y| x.0 == y.0).collect();
    groups
        .par_iter()
        .map_init(Vec::new, |scratch, group| {
            index.partners_after(group[0].0, scratch);
            group.iter().filter(|p| scratch.binary_search(&p.1).is_ok()).count()
        })
        .sum()
}

/// Aligns `claims` like [`crate::align::align`], scoring only the candidate pairs of
/// [`candidates`], in parallel. Returns links sorted by `(a, b)`; the result does not depend on the
/// number of threads.
pub fn align_blocked(claims: &[Claim], align: &AlignConfig, config: &BlockConfig) -> Vec<Link> {
    align_blocked_with_stats(claims, align, config).0
}

/// [`align_blocked`], also returning what blocking did.
pub fn align_blocked_with_stats(
    claims: &[Claim],
    align: &AlignConfig,
    config: &BlockConfig,
) -> (Vec<Link>, BlockStats) {
    let index = BlockIndex::build(claims, config);
    let scorer = Scorer::new(align, claims);
    let (pairs, stats) = score_candidates(&index, &scorer, align.threshold);
    // The breakdown (which allocates) only for the pairs that are linked.
    let links = pairs
        .par_iter()
        .map(|p| {
            let (a, b) = (p.a as usize, p.b as usize);
            Link { a, b, score: scorer.score(a, b) }
        })
        .collect();
    (links, stats)
}

/// A linked pair without its breakdown: claim indices (`a < b`) and score, 12 bytes.
///
/// A [`Link`] keeps every feature's part, which a person reading a report wants and a run of a
/// million claims cannot afford for each of its millions of links;
/// [`Scorer::score`](crate::align::Scorer::score) gives the breakdown of any pair on demand.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScoredPair {
    /// The first claim's index in the run.
    pub a: u32,
    /// The second claim's index in the run (`a < b`).
    pub b: u32,
    /// The score, in [0, 1].
    pub score: f32,
}

/// Aligns `claims` like [`align_blocked`] but keeps each link as a [`ScoredPair`]: the form for
/// large runs. Sorted by `(a, b)`, the same whatever the number of threads.
pub fn align_blocked_pairs(
    claims: &[Claim],
    align: &AlignConfig,
    config: &BlockConfig,
) -> (Vec<ScoredPair>, BlockStats) {
    // The index before the scorer: the index build's working memory (every claim's key hashes,
    // its probing order) is freed before the scorer prepares the claims, so the two do not add
    // up in a large run's peak.
    let index = BlockIndex::build(claims, config);
    let scorer = Scorer::new(align, claims);
    score_candidates(&index, &scorer, align.threshold)
}

/// Scores the candidate pairs of a built index in parallel, keeping those at or above
/// `threshold`.
fn score_candidates(
    index: &BlockIndex,
    scorer: &Scorer<'_>,
    threshold: f64,
) -> (Vec<ScoredPair>, BlockStats) {
    let score = |a: usize, b: usize| scorer.score_value(a, b);
    let (pairs, scored, cut) = score_index_candidates(index, &score, threshold);
    let mut stats = index.stats();
    stats.pairs = scored;
    stats.budget_cut = cut;
    (pairs, stats)
}

/// Scores the candidate pairs of a built index ([`BlockIndex::build`]) with `score`, in
/// parallel, keeping those at or above `threshold`: the pairs sorted by `(a, b)`, how many pairs
/// were scored, and how many claims the probing budget cut short.
pub(crate) fn score_index_candidates(
    index: &BlockIndex,
    score: &(impl Fn(usize, usize) -> f64 + Sync),
    threshold: f64,
) -> (Vec<ScoredPair>, u64, u64) {
    let pieces = (0..index.len() as u32).into_par_iter().map_init(Vec::new, |scratch, i| {
        let cut = index.partners_after(i, scratch);
        let mut pairs = Vec::new();
        for &j in scratch.iter() {
            let s = score(i as usize, j as usize);
            if s >= threshold {
                pairs.push(ScoredPair { a: i, b: j, score: s as f32 });
            }
        }
        (pairs, scratch.len() as u64, u64::from(cut))
    });
    let (pairs, scored, cut) = crate::par::reduce_in_order(
        pieces,
        || (Vec::new(), 0, 0),
        |(mut pa, sa, ca), (pb, sb, cb)| {
            pa.extend(pb);
            (pa, sa + sb, ca + cb)
        },
    );
    // Rayon's reduce joins adjacent pieces in order, so pairs come out sorted by (a, b).
    debug_assert!(pairs.is_sorted_by_key(|p| (p.a, p.b)));
    (pairs, scored, cut)
}

/// The share of `reference` links (all-pairs scoring, or a sample of it) that `found` also holds:
/// blocking recall. 1.0 when `reference` is empty. Both lists are compared by `(a, b)`.
pub fn blocking_recall(reference: &[(usize, usize)], found: &[Link]) -> f64 {
    blocking_recall_of(reference, found.iter().map(|l| (l.a, l.b)))
}

/// [`blocking_recall`] of pairs `(a, b)` found in any form ([`ScoredPair`]s of a large run, say).
pub fn blocking_recall_of(
    reference: &[(usize, usize)],
    found: impl IntoIterator<Item = (usize, usize)>,
) -> f64 {
    if reference.is_empty() {
        return 1.0;
    }
    let mut have: Vec<(usize, usize)> = found.into_iter().collect();
    have.sort_unstable();
    let hit = reference.iter().filter(|p| have.binary_search(p).is_ok()).count();
    hit as f64 / reference.len() as f64
}

/// An index of the blocking keys of claims, which grows as sources arrive.
///
/// Claims are numbered in the order they are inserted (`0..len()`), which is their index in the
/// run. [`BlockIndex::query`] lists the indexed claims that share a usable key with a claim; the
/// statistics that decide which keys are usable (how many claims hold each key, the cap) are
/// those of the claims indexed so far, so they update with every insert.
#[derive(Clone, Debug)]
pub struct BlockIndex {
    config: BlockConfig,
    synonyms: HashMap<String, String>,
    key_ids: HashMap<u64, u32, KeyHash>,
    /// Claims holding each key, ascending.
    postings: Vec<Vec<u32>>,
    /// Whether the key is a composite (composites are never paired again).
    composite: Vec<bool>,
    /// What the key is to [`BlockConfig::rare_gate`]: [`KeyKind`].
    kind: Vec<KeyKind>,
    /// Each claim's plain keys, ascending: `claim_keys[key_start[i]..key_start[i + 1]]`.
    key_start: Vec<usize>,
    claim_keys: Vec<u32>,
    /// Each claim's composite keys, ascending (mostly empty: only claims with too-common keys).
    comp_keys: Vec<Vec<u32>>,
    /// Each claim's source, interned.
    claim_source: Vec<u32>,
    source_ids: HashMap<SourceId, u32>,
    /// Each claim's prefix keys (rarest first), set by [`BlockIndex::build`]; see `prepare_probes`.
    probe_start: Vec<usize>,
    probe_keys: Vec<u32>,
    /// The claims holding each key in their prefix, ascending (empty until `prepare_probes`).
    prefix_postings: Vec<Vec<u32>>,
    /// Each claim's usable keys sorted by id (set by `prepare_probes`), for computing shared
    /// weights by a merge (the weights are read from `key_weight`, not stored per claim: 4 bytes
    /// less per key of every claim).
    usable_start: Vec<usize>,
    usable: Vec<u32>,
    /// Each claim's weight outside its prefix (less than the minimum by construction).
    rest: Vec<f32>,
    /// Each key's weight (0 for keys that are not usable), set by `prepare_probes`.
    key_weight: Vec<f32>,
}

/// What an insert changed, for a caller that keeps candidate pairs up to date as sources stream
/// in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct InsertEffect {
    /// The indices the inserted claims got.
    pub new_claims: std::ops::Range<usize>,
    /// Keys that were too common before the insert and are usable now (the cap grew with the
    /// run): every pair in their blocks is a new candidate.
    pub now_usable: Vec<u32>,
}

impl BlockIndex {
    /// An empty index.
    pub fn new(config: &BlockConfig) -> BlockIndex {
        let mut synonyms = HashMap::new();
        for group in &config.synonyms {
            if let Some(head) = group.first() {
                for member in group {
                    synonyms.insert(member.clone(), head.clone());
                }
            }
        }
        BlockIndex {
            config: config.clone(),
            synonyms,
            key_ids: HashMap::default(),
            postings: Vec::new(),
            composite: Vec::new(),
            kind: Vec::new(),
            key_start: vec![0],
            claim_keys: Vec::new(),
            comp_keys: Vec::new(),
            claim_source: Vec::new(),
            source_ids: HashMap::new(),
            probe_start: vec![0],
            probe_keys: Vec::new(),
            prefix_postings: Vec::new(),
            usable_start: vec![0],
            usable: Vec::new(),
            rest: Vec::new(),
            key_weight: Vec::new(),
        }
    }

    /// The index of a whole run: every claim inserted at once, so that every key's rarity is that
    /// of the whole run, and each claim's probing order prepared for candidate generation.
    pub fn build(claims: &[Claim], config: &BlockConfig) -> BlockIndex {
        let mut index = BlockIndex::new(config);
        index.insert(claims);
        index.prepare_probes();
        index
    }

    /// How many claims are indexed.
    pub fn len(&self) -> usize {
        self.claim_source.len()
    }

    /// Whether no claim is indexed.
    pub fn is_empty(&self) -> bool {
        self.claim_source.is_empty()
    }

    /// The cap in force for the claims indexed so far.
    pub fn cap(&self) -> usize {
        self.config.cap(self.len())
    }

    /// The claims holding `key`, ascending.
    pub fn posting(&self, key: u32) -> &[u32] {
        &self.postings[key as usize]
    }

    /// Whether claims `a` and `b` come from the same source.
    pub fn same_source(&self, a: usize, b: usize) -> bool {
        self.claim_source[a] == self.claim_source[b]
    }

    /// Adds `claims` to the index; they get the indices `len()..len() + claims.len()`.
    ///
    /// Key counts and the cap are brought up to date. Claims that hold a key that has just become
    /// too common get their composite keys recomputed (the *affected* claims: about a cap's worth
    /// per such key), so that the index answers [`BlockIndex::query`] as a fresh index over all
    /// claims would, except that composites made earlier stay (a claim does hold both of their
    /// keys, so they only ever add true candidates).
    ///
    /// # Complexity
    /// `O(k log k)` per new claim with `k` keys, plus the affected claims; not the whole index.
    pub fn insert(&mut self, claims: &[Claim]) -> InsertEffect {
        let old_cap = self.cap();
        let first = self.len();
        // Hashing is the costly part of key extraction and needs no shared state: parallel.
        let hashed: Vec<Vec<(u64, KeyKind)>> =
            claims.par_iter().map(|c| self.plain_key_hashes(c)).collect();
        let mut touched: Vec<u32> = Vec::new();
        if first == 0 {
            self.intern_fresh(claims, hashed);
        } else {
            self.intern_serial(claims, hashed, &mut touched);
        }
        let cap = self.cap();
        touched.sort_unstable();
        touched.dedup();
        // Keys that are too common now but were not before: their older claims need composites.
        let mut affected: Vec<u32> = Vec::new();
        if first > 0 {
            for &key in &touched {
                let df = self.postings[key as usize].len();
                let before = self.postings[key as usize].partition_point(|&c| (c as usize) < first);
                if df > cap && before <= old_cap {
                    affected.extend(
                        self.postings[key as usize].iter().filter(|&&c| (c as usize) < first),
                    );
                }
            }
            affected.sort_unstable();
            affected.dedup();
        }
        affected.extend(first as u32..self.len() as u32);
        self.add_composites(&affected);
        // Keys the grown cap lets back in.
        let now_usable = if cap > old_cap && first > 0 {
            (0..self.postings.len() as u32)
                .filter(|&k| {
                    let p = &self.postings[k as usize];
                    let before = p.partition_point(|&c| (c as usize) < first);
                    !self.composite[k as usize] && before > old_cap && p.len() <= cap
                })
                .collect()
        } else {
            Vec::new()
        };
        InsertEffect { new_claims: first..self.len(), now_usable }
    }

    /// Gives indexed claim `i` the plain keys of `claim` (its new form: entities resolved anew,
    /// say) in place of its old ones, when it has as many; returns whether it did. Composite keys
    /// made earlier stay (see [`BlockIndex::insert`]). A key a claim drops or gains changes that
    /// key's count, so other claims' candidates can change too; the caller re-queries what it
    /// needs.
    pub fn replace_keys(&mut self, i: usize, claim: &Claim) -> bool {
        let hashes = self.plain_key_hashes(claim);
        let (start, end) = (self.key_start[i], self.key_start[i + 1]);
        if hashes.len() != end - start {
            return false;
        }
        let mut keys: Vec<u32> = hashes.into_iter().map(|h| self.intern(h, false)).collect();
        keys.sort_unstable();
        keys.dedup();
        if keys.len() != end - start {
            return false;
        }
        let old: Vec<u32> = self.claim_keys[start..end].to_vec();
        let idx = i as u32;
        for &k in old.iter().filter(|k| keys.binary_search(k).is_err()) {
            let posting = &mut self.postings[k as usize];
            if let Ok(at) = posting.binary_search(&idx) {
                posting.remove(at);
            }
        }
        for &k in keys.iter().filter(|k| old.binary_search(k).is_err()) {
            let posting = &mut self.postings[k as usize];
            if let Err(at) = posting.binary_search(&idx) {
                posting.insert(at, idx);
            }
        }
        self.claim_keys[start..end].copy_from_slice(&keys);
        true
    }

    /// The indexed claims (other than `claim_idx` itself, and not of its source) whose shared keys
    /// with indexed claim `claim_idx` weigh at least [`BlockConfig::min_weight`] under the
    /// index's current statistics, ascending. This is what a new claim is matched against when a
    /// source is added to a run; unlike batch candidate generation it walks every usable key.
    pub fn query(&self, claim_idx: usize) -> Vec<u32> {
        let i = claim_idx as u32;
        let source = self.claim_source[claim_idx];
        let n = self.len();
        let min_weight = self.config.min_weight;
        // Keys in id order, so that each partner's weight is summed in the order
        // [`BlockIndex::shared_weight_now`] sums it (the same f32 additions, the same result).
        let mut keys = self.usable_keys_of(claim_idx, self.cap());
        keys.sort_unstable();
        let mut out = Vec::new();
        SCRATCH.with(|scratch| {
            let (acc, touched) = &mut *scratch.borrow_mut();
            if acc.len() < n {
                acc.resize(n, 0.0);
            }
            for key in keys {
                let posting = &self.postings[key as usize];
                let w = key_weight(n, posting.len()) as f32;
                for &j in posting {
                    if j != i && self.claim_source[j as usize] != source {
                        let a = &mut acc[j as usize];
                        if *a == 0.0 {
                            touched.push(j);
                        }
                        *a += w;
                    }
                }
            }
            touched.sort_unstable();
            touched.dedup();
            for &j in touched.iter() {
                if f64::from(acc[j as usize]) >= min_weight {
                    out.push(j);
                }
                acc[j as usize] = 0.0;
            }
            touched.clear();
        });
        out
    }

    /// The weight of the usable keys claims `a` and `b` share, under the index's current
    /// statistics (see the [module docs](self)).
    pub fn shared_weight_now(&self, a: usize, b: usize) -> f64 {
        let n = self.len();
        let kb = self.all_keys(b);
        let mut shared: Vec<(u32, f32)> = self
            .usable_keys_of(a, self.cap())
            .into_iter()
            .filter(|k| kb.contains(k))
            .map(|k| (k, key_weight(n, self.postings[k as usize].len()) as f32))
            .collect();
        // Summed in key order, as the merge in candidate generation sums them.
        shared.sort_unstable_by_key(|u| u.0);
        f64::from(shared.iter().map(|u| u.1).sum::<f32>())
    }

    /// Whether claims `a` and `b` share a key usable under the index's current statistics.
    pub fn share_usable_key(&self, a: usize, b: usize) -> bool {
        let cap = self.cap();
        let kb = self.all_keys(b);
        self.usable_keys_of(a, cap).iter().any(|k| kb.contains(k))
    }

    /// What the index holds, with `pairs` left at zero.
    pub fn stats(&self) -> BlockStats {
        let cap = self.cap();
        BlockStats {
            claims: self.len(),
            keys: self.postings.len(),
            common_keys: self
                .postings
                .iter()
                .zip(&self.composite)
                .filter(|(p, c)| !**c && p.len() > cap)
                .count(),
            cap,
            pairs: 0,
            budget_cut: 0,
        }
    }

    /// The candidate partners `j > i` of claim `i`, ascending, in `out`: claims of other sources
    /// that share a key of both prefixes and whose shared weight reaches the minimum. Returns
    /// whether the probing budget cut the walk short. Needs `prepare_probes` (done by
    /// [`BlockIndex::build`]).
    fn partners_after(&self, i: u32, out: &mut Vec<u32>) -> bool {
        if let Some(gate) = &self.config.rare_gate {
            return self.rare_partners_after(i, gate.max_df(self.len()), out);
        }
        out.clear();
        let iu = i as usize;
        let min_weight = self.config.min_weight as f32;
        let mut cut = false;
        SCRATCH.with(|scratch| {
            let (acc, touched) = &mut *scratch.borrow_mut();
            if acc.len() < self.len() {
                acc.resize(self.len(), 0.0);
            }
            // Accumulate the weight of the prefix keys each partner shares with claim i.
            let keys = self.probed(iu).iter().map(|&k| &self.prefix_postings[k as usize]);
            cut = self.accumulate(i, self.probed(iu).iter().copied().zip(keys), acc, touched);
            // Keys outside either prefix add at most the two rests: a partner whose bound stays
            // under the minimum cannot reach it, and is not verified.
            let rest_i = self.rest[iu];
            let mine = self.usable_sorted(iu);
            let weights = &self.key_weight;
            for &j in touched.iter() {
                let partial = acc[j as usize];
                acc[j as usize] = 0.0;
                // The prefix keys alone may settle it either way; only the rest is merged.
                let keep = partial >= min_weight
                    || (partial + rest_i + self.rest[j as usize] >= min_weight - 1e-3
                        && shared_weight(mine, self.usable_sorted(j as usize), weights)
                            >= min_weight);
                if keep {
                    out.push(j);
                }
            }
            touched.clear();
        });
        out.sort_unstable();
        cut
    }

    /// [`BlockIndex::partners_after`] under a rare gate: the partners `j > i` of other sources
    /// that share with claim `i` a content-term key held by at most `max_df` claims, and whose
    /// shared weight reaches the minimum. Walks the postings of those keys only.
    fn rare_partners_after(&self, i: u32, max_df: usize, out: &mut Vec<u32>) -> bool {
        out.clear();
        let iu = i as usize;
        let min_weight = self.config.min_weight as f32;
        let rare = max_df.min(self.cap());
        let mut cut = false;
        SCRATCH.with(|scratch| {
            let (acc, touched) = &mut *scratch.borrow_mut();
            if acc.len() < self.len() {
                acc.resize(self.len(), 0.0);
            }
            let plain = &self.claim_keys[self.key_start[iu]..self.key_start[iu + 1]];
            let keys = plain.iter().map(|&k| (k, &self.postings[k as usize])).filter(|(k, p)| {
                self.kind[*k as usize] != KeyKind::Other && (2..=rare).contains(&p.len())
            });
            cut = self.accumulate(i, keys, acc, touched);
            // A folded term's own key weighs 0 and leaves no mark: a partner may be listed twice.
            touched.sort_unstable();
            touched.dedup();
            // The rare keys alone may reach the minimum; else the whole key sets are merged.
            let mine = self.usable_sorted(iu);
            for &j in touched.iter() {
                let partial = acc[j as usize];
                acc[j as usize] = 0.0;
                if partial >= min_weight
                    || shared_weight(mine, self.usable_sorted(j as usize), &self.key_weight)
                        >= min_weight
                {
                    out.push(j);
                }
            }
            touched.clear();
        });
        out.sort_unstable();
        cut
    }

    /// Adds each key's weight to the partners `j > i` of other sources in its posting, noting
    /// in `touched` the partners first reached. Returns whether the probing budget stopped the
    /// walk.
    fn accumulate<'a>(
        &'a self,
        i: u32,
        keys: impl Iterator<Item = (u32, &'a Vec<u32>)>,
        acc: &mut [f32],
        touched: &mut Vec<u32>,
    ) -> bool {
        let source = self.claim_source[i as usize];
        let mut walked = 0usize;
        for (key, posting) in keys {
            let after = &posting[posting.partition_point(|&j| j <= i)..];
            if walked > 0 && walked + after.len() > self.config.probe_budget {
                return true;
            }
            walked += after.len();
            let w = self.key_weight[key as usize];
            for &j in after {
                if self.claim_source[j as usize] != source {
                    let a = &mut acc[j as usize];
                    if *a == 0.0 {
                        touched.push(j);
                    }
                    *a += w;
                }
            }
        }
        false
    }

    fn usable_sorted(&self, i: usize) -> &[u32] {
        &self.usable[self.usable_start[i]..self.usable_start[i + 1]]
    }

    /// Claim `i`'s plain and composite keys, each sorted.
    fn all_keys(&self, i: usize) -> KeySet<'_> {
        KeySet {
            plain: &self.claim_keys[self.key_start[i]..self.key_start[i + 1]],
            comp: &self.comp_keys[i],
        }
    }

    fn probed(&self, i: usize) -> &[u32] {
        &self.probe_keys[self.probe_start[i]..self.probe_start[i + 1]]
    }

    /// Claim `i`'s usable keys (plain and composite), rarest first.
    fn usable_keys_of(&self, i: usize, cap: usize) -> Vec<u32> {
        let keys = self.all_keys(i);
        let mut usable: Vec<u32> = keys
            .plain
            .iter()
            .chain(keys.comp)
            .copied()
            .filter(|&k| self.is_usable(k as usize, cap))
            .collect();
        usable.sort_unstable_by_key(|&k| (self.postings[k as usize].len(), k));
        usable
    }

    /// Whether key `k` may bring candidates: not walk-only, held by two claims or more and by no
    /// more than `cap`.
    fn is_usable(&self, k: usize, cap: usize) -> bool {
        self.kind[k] != KeyKind::WalkOnly && (2..=cap).contains(&self.postings[k].len())
    }

    /// The source id of `claim`, interned.
    fn source_of(&mut self, claim: &Claim) -> u32 {
        if let Some(&id) = self.source_ids.get(&claim.source) {
            return id;
        }
        let id = self.source_ids.len() as u32;
        self.source_ids.insert(claim.source.clone(), id);
        id
    }

    /// Interns the plain keys of new `claims` (`hashed`, from `plain_key_hashes`) one claim at a
    /// time, noting in `touched` every key a new claim holds.
    fn intern_serial(
        &mut self,
        claims: &[Claim],
        hashed: Vec<Vec<(u64, KeyKind)>>,
        touched: &mut Vec<u32>,
    ) {
        let first = self.len();
        for (offset, (claim, hashes)) in claims.iter().zip(hashed).enumerate() {
            let idx = (first + offset) as u32;
            let source = self.source_of(claim);
            self.claim_source.push(source);
            self.comp_keys.push(Vec::new());
            let start = self.claim_keys.len();
            for h in hashes {
                let key = self.intern(h, false);
                self.postings[key as usize].push(idx);
                touched.push(key);
                self.claim_keys.push(key);
            }
            self.claim_keys[start..].sort_unstable();
            self.key_start.push(self.claim_keys.len());
        }
    }

    /// [`BlockIndex::intern_serial`] into an empty index, in parallel, with the same result: the
    /// same key ids, postings and per-claim keys.
    ///
    /// Interning one claim at a time gives a key the next id when it is first met, and a claim's
    /// keys are met in hash order, so ids follow `(first claim holding the key, hash)`. Here the
    /// keys are split by hash into shards that are interned side by side (each shard reads the
    /// claims in order, so its postings come out ascending), and the ids are then given by
    /// sorting all keys on that pair.
    fn intern_fresh(&mut self, claims: &[Claim], hashed: Vec<Vec<(u64, KeyKind)>>) {
        debug_assert!(self.is_empty() && self.postings.is_empty());
        let shards = 8 * crate::par::threads();
        let shard_of = |h: u64| ((h.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as usize) % shards;
        struct Shard {
            /// Each key's first claim, hash and kind, in the shard's order of first use.
            keys: Vec<(u32, u64, KeyKind)>,
            postings: Vec<Vec<u32>>,
        }
        let interned: Vec<Shard> = (0..shards)
            .into_par_iter()
            .map(|shard| {
                let mut ids: HashMap<u64, u32, KeyHash> = HashMap::default();
                let mut out = Shard { keys: Vec::new(), postings: Vec::new() };
                for (i, hashes) in hashed.iter().enumerate() {
                    let i = i as u32;
                    for &(h, kind) in hashes.iter().filter(|(h, _)| shard_of(*h) == shard) {
                        let next = out.keys.len() as u32;
                        let local = *ids.entry(h).or_insert(next);
                        if local == next {
                            out.keys.push((i, h, kind));
                            out.postings.push(Vec::new());
                        }
                        out.postings[local as usize].push(i);
                    }
                }
                out
            })
            .collect();
        let mut order: Vec<(u32, u64, u32, u32)> = interned
            .iter()
            .enumerate()
            .flat_map(|(s, shard)| {
                shard.keys.iter().enumerate().map(move |(l, &(i, h, _))| (i, h, s as u32, l as u32))
            })
            .collect();
        order.par_sort_unstable();
        let mut shard_postings: Vec<Vec<Vec<u32>>> = Vec::with_capacity(shards);
        let mut shard_kinds: Vec<Vec<KeyKind>> = Vec::with_capacity(shards);
        for shard in interned {
            shard_kinds.push(shard.keys.iter().map(|k| k.2).collect());
            shard_postings.push(shard.postings);
        }
        self.key_ids.reserve(order.len());
        self.postings.reserve_exact(order.len());
        self.kind.reserve_exact(order.len());
        for (id, &(_, h, s, l)) in order.iter().enumerate() {
            self.key_ids.insert(h, id as u32);
            self.postings.push(std::mem::take(&mut shard_postings[s as usize][l as usize]));
            self.kind.push(shard_kinds[s as usize][l as usize]);
        }
        self.composite = vec![false; order.len()];
        drop(order);
        let key_ids = &self.key_ids;
        let per_claim: Vec<Vec<u32>> = hashed
            .into_par_iter()
            .map(|hashes| {
                let mut keys: Vec<u32> = hashes.iter().map(|(h, _)| key_ids[h]).collect();
                keys.sort_unstable();
                keys
            })
            .collect();
        self.claim_keys.reserve_exact(per_claim.iter().map(Vec::len).sum());
        self.key_start.reserve_exact(claims.len());
        for keys in per_claim {
            self.claim_keys.extend(keys);
            self.key_start.push(self.claim_keys.len());
        }
        self.claim_source.reserve_exact(claims.len());
        for claim in claims {
            let source = self.source_of(claim);
            self.claim_source.push(source);
        }
        self.comp_keys = vec![Vec::new(); claims.len()];
    }

    fn intern(&mut self, (hash, kind): (u64, KeyKind), composite: bool) -> u32 {
        let next = self.postings.len() as u32;
        let key = *self.key_ids.entry(hash).or_insert(next);
        if key == next {
            self.postings.push(Vec::new());
            self.composite.push(composite);
            self.kind.push(kind);
        }
        key
    }

    /// Gives each claim of `claims` (ascending) the composite keys of its rarest too-common
    /// keys, two by two, adding it to their postings where it is not there yet.
    fn add_composites(&mut self, claims: &[u32]) {
        let cap = self.cap();
        let take = self.config.composite_keys;
        let made: Vec<Vec<u64>> = claims
            .par_iter()
            .map(|&i| {
                let i = i as usize;
                let plain = &self.claim_keys[self.key_start[i]..self.key_start[i + 1]];
                let mut common: Vec<u32> = plain
                    .iter()
                    .copied()
                    .filter(|&k| self.postings[k as usize].len() > cap)
                    .collect();
                common.sort_unstable_by_key(|&k| (self.postings[k as usize].len(), k));
                common.truncate(take);
                common.sort_unstable();
                let mut out = Vec::new();
                for (x, &a) in common.iter().enumerate() {
                    for &b in &common[x + 1..] {
                        out.push(composite_hash(a, b));
                    }
                }
                out
            })
            .collect();
        for (&i, hashes) in claims.iter().zip(made) {
            for h in hashes {
                let key = self.intern((h, KeyKind::Other), true);
                if self.comp_keys[i as usize].binary_search(&key).is_err() {
                    let posting = &mut self.postings[key as usize];
                    // Affected older claims arrive after newer ones were added: keep it sorted.
                    let at = posting.partition_point(|&c| c < i);
                    posting.insert(at, i);
                    let own = &mut self.comp_keys[i as usize];
                    let at = own.partition_point(|&k| k < key);
                    own.insert(at, key);
                }
            }
        }
    }

    /// Each claim's *prefix*: its usable keys, rarest first, up to the last key from which on the
    /// remaining keys still weigh at least `min_weight` together. Two claims sharing a weight of
    /// `min_weight` or more share their rarest shared key, and it lies in both prefixes (weights
    /// depend only on key counts, so all claims order keys alike): indexing and probing
    /// prefixes only loses no such pair (prefix filtering, Chaudhuri et al. 2006; Bayardo et al.
    /// 2007, "Scaling up all pairs similarity search").
    fn prepare_probes(&mut self) {
        let cap = self.cap();
        let n = self.len();
        let min_weight = self.config.min_weight;
        let gated = self.config.rare_gate.is_some();
        // A key's weight depends on its count only: one per key, 0 for keys that are not usable.
        self.key_weight = (0..self.postings.len())
            .into_par_iter()
            .map(|k| {
                if self.is_usable(k, cap) {
                    key_weight(n, self.postings[k].len()) as f32
                } else {
                    0.0
                }
            })
            .collect();
        self.probe_start = Vec::with_capacity(n + 1);
        self.probe_start.push(0);
        self.probe_keys.clear();
        self.prefix_postings = vec![Vec::new(); if gated { 0 } else { self.postings.len() }];
        self.usable_start = Vec::with_capacity(n + 1);
        self.usable_start.push(0);
        self.usable.clear();
        self.rest = Vec::with_capacity(n);
        // Claims a block at a time, so that only one block's working lists are held at once.
        const BLOCK: usize = 1 << 16;
        for block in (0..n).step_by(BLOCK) {
            let per_claim: Vec<(Vec<u32>, Vec<u32>, f32)> = (block..n.min(block + BLOCK))
                .into_par_iter()
                .map(|i| {
                    let mut usable = self.usable_keys_of(i, cap);
                    let weights: Vec<f32> =
                        usable.iter().map(|&k| self.key_weight[k as usize]).collect();
                    // suffix[p]: the weight of the keys from position p on. A key is in the
                    // prefix while that is at least the minimum (less a rounding margin: shared
                    // weights are summed in another order).
                    let mut suffix = vec![0.0f32; weights.len() + 1];
                    for p in (0..weights.len()).rev() {
                        suffix[p] = suffix[p + 1] + weights[p];
                    }
                    let take =
                        suffix.iter().take_while(|&&w| w >= min_weight as f32 - 1e-3).count();
                    let take = take.min(weights.len());
                    let in_prefix: f32 = weights[..take].iter().sum();
                    let all: f32 = weights.iter().sum();
                    // Under a rare gate candidates walk the rare keys' full postings, not
                    // prefixes.
                    let prefix = if gated { Vec::new() } else { usable[..take].to_vec() };
                    usable.sort_unstable();
                    (prefix, usable, (all - in_prefix).max(0.0))
                })
                .collect();
            for (offset, (prefix, usable, rest)) in per_claim.into_iter().enumerate() {
                let i = (block + offset) as u32;
                self.rest.push(rest);
                for &k in &prefix {
                    self.prefix_postings[k as usize].push(i);
                }
                self.probe_keys.extend(prefix);
                self.probe_start.push(self.probe_keys.len());
                self.usable.extend(usable);
                self.usable_start.push(self.usable.len());
            }
        }
    }

    /// The 64-bit hashes of a claim's plain keys, deduplicated, each with its [`KeyKind`].
    fn plain_key_hashes(&self, claim: &Claim) -> Vec<(u64, KeyKind)> {
        let mut out = Vec::with_capacity(claim.terms.len() + 4);
        for e in &claim.entities {
            out.push((key_hash(b'e', &plain_lower(&e.canonical)), KeyKind::Other));
        }
        for q in &claim.quantities {
            // -0.0 and 0.0 are one value; the unit keeps "30 day" apart from "30 percent".
            let value = if q.value == 0.0 { 0.0 } else { q.value };
            out.push((key_hash(b'q', &format!("{value}|{}", q.unit)), KeyKind::Other));
        }
        let terms: Vec<&String> =
            claim.terms.iter().map(|t| self.synonyms.get(t).unwrap_or(t)).collect();
        for (t, folded) in claim.terms.iter().zip(&terms) {
            out.push((key_hash(b't', folded), KeyKind::Term));
            // The scorer judges a term's rarity by its own count, not its synonym group's.
            if self.config.rare_gate.is_some() && t != *folded {
                out.push((key_hash(b'u', t), KeyKind::WalkOnly));
            }
        }
        // Consecutive content terms: a description made of common words ("riverside grain
        // harbour") is rare as a phrase even when each word is common.
        for pair in terms.windows(2) {
            out.push((
                key_hash_parts(b'b', &[pair[0].as_str(), " ", pair[1].as_str()]),
                KeyKind::Other,
            ));
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// The weight of a key held by `df` of `n` claims: its inverse document frequency.
fn key_weight(n: usize, df: usize) -> f64 {
    (n as f64 / df.max(1) as f64).ln()
}

/// What a key is to a rare gate ([`BlockConfig::rare_gate`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum KeyKind {
    /// An entity, quantity, term pair or composite: weighed, never walked as rare.
    Other,
    /// A content term (synonyms folded): weighed, and walked when rare.
    Term,
    /// A folded term's own key, kept only under a rare gate: walked when rare, never weighed (its
    /// group's key weighs for it).
    WalkOnly,
}

thread_local! {
    /// Per-thread accumulator for candidate generation: a weight per claim (all zero between
    /// claims) and the claims touched, so that no allocation happens per claim.
    static SCRATCH: std::cell::RefCell<(Vec<f32>, Vec<u32>)> =
        const { std::cell::RefCell::new((Vec::new(), Vec::new())) };
}

/// The summed weight of the keys two claims share: a merge of their usable keys, sorted by id.
fn shared_weight(a: &[u32], b: &[u32], weights: &[f32]) -> f32 {
    let (mut x, mut y, mut w) = (0, 0, 0.0f32);
    while x < a.len() && y < b.len() {
        match a[x].cmp(&b[y]) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => {
                w += weights[a[x] as usize];
                x += 1;
                y += 1;
            }
        }
    }
    w
}

/// A claim's plain and composite keys.
struct KeySet<'a> {
    plain: &'a [u32],
    comp: &'a [u32],
}

impl KeySet<'_> {
    fn contains(&self, key: &u32) -> bool {
        self.plain.binary_search(key).is_ok() || self.comp.binary_search(key).is_ok()
    }
}

/// FNV-1a over a namespace byte and the key's text: stable across runs and platforms, so key
/// hashes can be compared between machines (a partitioned run) and releases.
fn key_hash(namespace: u8, text: &str) -> u64 {
    key_hash_parts(namespace, &[text])
}

/// [`key_hash`] of the concatenation of `parts`, without building it (FNV-1a reads bytes in
/// order, so the hash is that of the joined text).
fn key_hash_parts(namespace: u8, parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let bytes = parts.iter().flat_map(|p| p.as_bytes());
    for &b in std::iter::once(&namespace).chain(bytes) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn composite_hash(a: u32, b: u32) -> u64 {
    // Key ids are local to one index; composites never leave it. The high bit keeps them apart
    // from plain-key hashes in the same interner (a plain hash with that bit set could collide
    // only with probability 2^-63 per pair, which is ignored).
    let mut h = (u64::from(a) << 32 | u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    h ^= h >> 29;
    h | 1 << 63
}

/// A hasher for keys that are already well-mixed 64-bit hashes: passes them through.
#[derive(Default, Clone, Copy, Debug)]
struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type KeyHash = BuildHasherDefault<PassThrough>;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SourceId;
    use crate::synth::{SynthConfig, SynthCorpus};

    fn corpus(n: usize, sources: usize) -> Vec<Claim> {
        SynthCorpus::generate(&SynthConfig::new(n, sources)).claims()
    }

    #[test]
    fn a_key_hashed_in_parts_is_the_key_of_the_joined_text() {
        assert_eq!(
            key_hash_parts(b'b', &["grain", " ", "harbour"]),
            key_hash(b'b', "grain harbour")
        );
        assert_ne!(
            key_hash_parts(b'b', &["grain", " ", "harbour"]),
            key_hash(b't', "grain harbour")
        );
        assert_eq!(key_hash_parts(b'e', &[]), key_hash(b'e', ""));
    }

    /// The parallel interning of a fresh index gives what interning one claim at a time gives:
    /// the same key ids, kinds, postings and per-claim keys.
    #[test]
    fn a_fresh_index_interns_in_parallel_as_one_claim_at_a_time() {
        let mut claims = corpus(3_000, 40);
        // Two sources interleaved, so that sources are not met in one block each.
        claims.swap(5, 2_500);
        let config = BlockConfig::for_align(&AlignConfig::facts());
        let hashed = |index: &BlockIndex| -> Vec<Vec<(u64, KeyKind)>> {
            claims.iter().map(|c| index.plain_key_hashes(c)).collect()
        };
        let mut fresh = BlockIndex::new(&config);
        fresh.intern_fresh(&claims, hashed(&fresh));
        let mut serial = BlockIndex::new(&config);
        serial.intern_serial(&claims, hashed(&serial), &mut Vec::new());
        assert!(fresh.postings.len() > 1_000, "{} keys", fresh.postings.len());
        assert!(fresh.kind.contains(&KeyKind::WalkOnly), "synonym-folded terms have walk keys");
        assert_eq!(fresh.key_ids, serial.key_ids);
        assert_eq!(fresh.postings, serial.postings);
        assert_eq!(fresh.kind, serial.kind);
        assert_eq!(fresh.composite, serial.composite);
        assert_eq!(fresh.key_start, serial.key_start);
        assert_eq!(fresh.claim_keys, serial.claim_keys);
        assert_eq!(fresh.claim_source, serial.claim_source);
        assert_eq!(fresh.source_ids, serial.source_ids);
        assert_eq!(fresh.comp_keys, serial.comp_keys);
    }

    /// Candidates are exactly the pairs whose shared weight reaches the minimum: prefix
    /// filtering loses none of them and adds none.
    #[test]
    fn candidates_equal_the_weight_definition() {
        let claims = corpus(1500, 30);
        let config = BlockConfig { min_cap: 40, ..BlockConfig::default() };
        let index = BlockIndex::build(&claims, &config);
        let mut expected = Vec::new();
        for a in 0..claims.len() {
            for b in a + 1..claims.len() {
                if claims[a].source != claims[b].source
                    && index.shared_weight_now(a, b) >= config.min_weight
                {
                    expected.push((a as u32, b as u32));
                }
            }
        }
        let found = candidates(&claims, &config);
        assert!(found.len() > 500, "{}", found.len());
        assert!(found.len() < claims.len() * claims.len() / 20, "{}", found.len());
        assert_eq!(found, expected);
    }

    /// Under a rare gate, candidates are exactly the pairs that share a term key held by at most
    /// `max_df` claims (a folded synonym's own key included) and whose usable keys weigh the
    /// minimum: walking the rare keys' postings loses none and adds none.
    #[test]
    fn rare_gate_candidates_equal_their_definition() {
        let claims = corpus(1500, 30);
        let align = AlignConfig::facts();
        let config = BlockConfig { min_cap: 40, ..BlockConfig::for_align(&align) };
        let gate = config.rare_gate.expect("facts() has the gate on");
        let index = BlockIndex::build(&claims, &config);
        let max_df = gate.max_df(claims.len()).min(index.cap());
        let rare_terms = |i: usize| -> Vec<u32> {
            let keys = index.all_keys(i).plain;
            keys.iter()
                .copied()
                .filter(|&k| {
                    index.kind[k as usize] != KeyKind::Other
                        && (2..=max_df).contains(&index.postings[k as usize].len())
                })
                .collect()
        };
        let mut expected = Vec::new();
        let mut sharing = 0;
        for a in 0..claims.len() {
            let ra = rare_terms(a);
            for b in a + 1..claims.len() {
                if claims[a].source == claims[b].source
                    || !rare_terms(b).iter().any(|k| ra.contains(k))
                {
                    continue;
                }
                sharing += 1;
                if index.shared_weight_now(a, b) >= config.min_weight {
                    expected.push((a as u32, b as u32));
                }
            }
        }
        let found = candidates(&claims, &config);
        assert!(found.len() > 200, "{}", found.len());
        // The weight rules some rare-sharing pairs out, and the gate most pairs the plain
        // definition would take.
        assert!(found.len() < sharing, "{} of {sharing}", found.len());
        let plain = candidates(&claims, &BlockConfig { rare_gate: None, ..config.clone() });
        assert!(found.len() < plain.len(), "{} vs {}", found.len(), plain.len());
        assert_eq!(found, expected);
    }

    #[test]
    fn the_rare_bound_admits_every_term_the_scorer_calls_rare() {
        // The scorer's rare terms: ln((N + 1) / (df + 1)) + 1 >= r (ln(N + 1) + 1).
        let gate = RareGate { rare_idf: 0.6, documents: 8152, idf_steps: 0, df_cap: 0 };
        for n in [5_000usize, 100_000, 1_000_000] {
            let docs = (n + 8152) as f64;
            let rare =
                |df: f64| ((docs + 1.0) / (df + 1.0)).ln() + 1.0 >= 0.6 * ((docs + 1.0).ln() + 1.0);
            let max = gate.max_df(n) as f64;
            assert!(rare(max) && !rare(max + 1.0), "n = {n}: {max}");
        }
        let stepped = RareGate { idf_steps: 2, ..gate };
        assert!(stepped.max_df(100_000) > gate.max_df(100_000));
    }

    #[test]
    fn a_key_in_every_claim_is_not_used_alone() {
        let mut claims = Vec::new();
        for i in 0..400 {
            let source = SourceId::new(format!("s{}", i % 20));
            // One word in every claim, one shared by pairs only.
            let mut c = Claim::new(source, i, 0, format!("Marenko spoke w{}", i / 2));
            c.terms = crate::text::content_terms(&c.text);
            claims.push(c);
        }
        let config = BlockConfig { min_cap: 50, min_weight: 3.0, ..BlockConfig::default() };
        let index = BlockIndex::build(&claims, &config);
        assert!(index.stats().common_keys >= 2, "{:?}", index.stats());
        let found = candidates(&claims, &config);
        // Only the pairs that share their rare word: (0, 1), (2, 3), ...
        assert_eq!(found.len(), 200);
        assert!(found.iter().all(|&(a, b)| b == a + 1 && a % 2 == 0));
    }

    #[test]
    #[cfg(feature = "parallel")]
    fn parallel_run_equals_serial_run() {
        let claims = corpus(2000, 40);
        let align = AlignConfig::default();
        let config = BlockConfig::default();
        let parallel = align_blocked(&claims, &align, &config);
        let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
        let serial = pool.install(|| align_blocked(&claims, &align, &config));
        assert!(!parallel.is_empty());
        assert_eq!(parallel, serial);
        assert!(parallel.windows(2).all(|w| (w[0].a, w[0].b) < (w[1].a, w[1].b)));

        // The compact form holds the same pairs with the same scores.
        let (pairs, stats) = align_blocked_pairs(&claims, &align, &config);
        assert_eq!(pairs.len(), parallel.len());
        for (p, l) in pairs.iter().zip(&parallel) {
            assert_eq!((p.a as usize, p.b as usize), (l.a, l.b));
            assert_eq!(p.score, l.score.value as f32);
        }
        assert!(stats.pairs >= pairs.len() as u64);
    }

    #[test]
    fn streamed_index_answers_like_a_built_one() {
        let claims = corpus(1200, 24);
        let config = BlockConfig::default();
        let built = BlockIndex::build(&claims, &config);
        let mut streamed = BlockIndex::new(&config);
        let mut start = 0;
        for chunk in claims.chunk_by(|a, b| a.source == b.source) {
            let effect = streamed.insert(chunk);
            assert_eq!(effect.new_claims, start..start + chunk.len());
            start += chunk.len();
        }
        assert_eq!(streamed.len(), claims.len());
        let pairs = candidates(&claims, &config);
        for i in (0..claims.len()).step_by(7) {
            assert_eq!(streamed.query(i), built.query(i), "claim {i}");
            // The answer is the weight definition, and the batch candidates of the claim.
            let by_definition: Vec<u32> = (0..claims.len() as u32)
                .filter(|&j| {
                    j as usize != i
                        && !built.same_source(i, j as usize)
                        && built.shared_weight_now(i, j as usize) >= config.min_weight
                })
                .collect();
            assert_eq!(built.query(i), by_definition, "claim {i}");
            let batch: Vec<u32> = pairs
                .iter()
                .filter_map(|&(a, b)| match (a as usize == i, b as usize == i) {
                    (true, _) => Some(b),
                    (_, true) => Some(a),
                    _ => None,
                })
                .collect();
            let mut batch = batch;
            batch.sort_unstable();
            assert_eq!(built.query(i), batch, "claim {i}");
        }
    }

    #[test]
    fn synonyms_block_as_one_key() {
        let make = |source: &str, text: &str| {
            let mut c = Claim::new(SourceId::new(source), 0, 0, text);
            c.terms = crate::text::content_terms(text);
            c
        };
        let mut claims = vec![make("a", "truce agreed"), make("b", "ceasefire agreed")];
        for i in 0..50 {
            claims.push(make(&format!("x{i}"), &format!("filler number w{i}")));
        }
        let plain = BlockConfig { min_weight: 5.0, ..BlockConfig::default() };
        assert!(!candidates(&claims, &plain).contains(&(0, 1)));
        let folded =
            BlockConfig { synonyms: vec![vec!["truce".into(), "ceasefir".into()]], ..plain };
        assert!(candidates(&claims, &folded).contains(&(0, 1)));
        // The lexicon's one-word synonyms fold the same way, the user's groups included.
        let mut lexicon = crate::align::Lexicon::default();
        lexicon.synonyms.push(vec!["filler".into(), "padding".into(), "two words".into()]);
        let from_lexicon = BlockConfig { min_weight: 5.0, ..BlockConfig::for_lexicon(&lexicon) };
        assert!(candidates(&claims, &from_lexicon).contains(&(0, 1)));
        assert!(from_lexicon.synonyms.contains(&vec!["filler".to_string(), "pad".to_string()]));
        let none = BlockConfig::for_lexicon(&crate::align::Lexicon {
            builtin: false,
            ..crate::align::Lexicon::default()
        });
        assert!(none.synonyms.is_empty());
    }

    #[test]
    fn recall_is_the_share_found() {
        let link =
            |a, b| Link { a, b, score: crate::align::Score { value: 1.0, breakdown: vec![] } };
        assert_eq!(blocking_recall(&[], &[]), 1.0);
        assert_eq!(blocking_recall(&[(0, 1), (2, 3)], &[link(2, 3), link(4, 5)]), 0.5);
    }
}
