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
//! its canonical entities (`e`), its quantities as value and unit (`q`), and its content terms
//! (`t`, the stems in [`Claim::terms`]). Two claims of different sources are a candidate pair when
//! they share a *usable* key:
//!
//! - a key held by at least 2 and at most [`BlockConfig::cap`] claims is usable on its own;
//! - a key held by more claims than the cap (the one politician in a third of all claims, "said",
//!   "percent") is never used alone. Instead each claim pairs its
//!   [`BlockConfig::composite_keys`] rarest such keys two by two into *composite* keys ("Marenko" and
//!   "budget"), which are usable when they in turn stay under the cap, and dropped otherwise.
//!
//! The cap is `max(BlockConfig::min_cap, BlockConfig::cap_share · N)` for a run of `N` claims
//! (defaults: `max(1000, 0.001 · N)`), so no block is ever larger than the cap and no single key
//! produces more than `cap²/2` pairs.
//!
//! # Probing budget
//!
//! Each claim looks for partners through its usable keys, rarest first, and stops once it has
//! walked [`BlockConfig::probe_budget`] postings (its first key is always walked). A pair is a
//! candidate when *either* claim finds the other, so a pair sharing a rare key is always found,
//! and a pair sharing only mid-frequency keys is found unless both claims have rarer keys that
//! used up their budget first. This bounds the work per claim by the budget plus one cap, which is
//! what keeps blocking linear in `N` on skewed corpora.
//!
//! # Complexity
//!
//! Building the index is `O(K log K)` for `K` key occurrences (about 15 per claim); candidate
//! generation is `O(N · (probe_budget + cap))` in the worst case and far less on real text; memory
//! is `O(K)` `u32`s. Candidate generation and scoring run in parallel with rayon and give the same
//! result, in the same order, as a serial run.
//!
//! # Contract with [`crate::align::align`]
//!
//! [`align_blocked`] returns the same kind of links as `align` (`a < b`, sorted by `(a, b)`, score at
//! or above the threshold, claims of different sources), but only for candidate pairs. Its
//! *blocking recall* — the share of the links all-pairs scoring makes that it also makes — is what
//! [`blocking_recall`] measures; the scale example and tests hold it at 0.99 or more.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::align::{AlignConfig, Link, Scorer};
use crate::model::{Claim, SourceId};
use crate::text::plain_lower;

/// Settings of blocking.
///
/// ```
/// use corroborate::block::BlockConfig;
/// let config = BlockConfig::default();
/// assert_eq!(config.min_cap, 1000);
/// assert_eq!(config.cap(2_000_000), 2000);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BlockConfig {
    /// The smallest cap on a block: a key held by at most this many claims is always usable.
    /// Default 1000.
    pub min_cap: usize,
    /// The cap as a share of the run's claims, when that is larger than `min_cap`. Default 0.001.
    pub cap_share: f64,
    /// The least *shared weight* a candidate pair must have: the sum, over the usable keys the two
    /// claims share, of `ln(N / df)` (`df`: how many of the run's `N` claims hold the key).
    /// Default 6.0: two claims must share, say, one key held by 1 claim in 400, or three held by
    /// 1 in 8 each.
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
}

impl Default for BlockConfig {
    fn default() -> BlockConfig {
        BlockConfig {
            min_cap: 1000,
            cap_share: 0.001,
            min_weight: 6.0,
            probe_budget: 20_000,
            composite_keys: 5,
            synonyms: Vec::new(),
        }
    }
}

impl BlockConfig {
    /// The largest block a key may make on its own in a run of `n_claims` claims.
    pub fn cap(&self, n_claims: usize) -> usize {
        self.min_cap.max((self.cap_share * n_claims as f64) as usize)
    }
}

/// Counts of what blocking did, for reports and benchmarks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
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
    let threshold = align.threshold;
    let (links, pairs, cut) = (0..index.len() as u32)
        .into_par_iter()
        .map_init(Vec::new, |scratch, i| {
            let cut = index.partners_after(i, scratch);
            let mut links = Vec::new();
            for &j in scratch.iter() {
                let (a, b) = (i as usize, j as usize);
                let score = scorer.score(a, b);
                if score.value >= threshold {
                    links.push(Link { a, b, score });
                }
            }
            (links, scratch.len() as u64, u64::from(cut))
        })
        .reduce(
            || (Vec::new(), 0, 0),
            |(mut la, pa, ca), (lb, pb, cb)| {
                la.extend(lb);
                (la, pa + pb, ca + cb)
            },
        );
    // Rayon's reduce joins adjacent pieces in order, so links come out sorted by (a, b).
    debug_assert!(links.is_sorted_by_key(|l| (l.a, l.b)));
    let mut stats = index.stats();
    stats.pairs = pairs;
    stats.budget_cut = cut;
    (links, stats)
}

/// The share of `reference` links (all-pairs scoring, or a sample of it) that `found` also holds:
/// blocking recall. 1.0 when `reference` is empty. Both lists are compared by `(a, b)`.
pub fn blocking_recall(reference: &[(usize, usize)], found: &[Link]) -> f64 {
    if reference.is_empty() {
        return 1.0;
    }
    let mut have: Vec<(usize, usize)> = found.iter().map(|l| (l.a, l.b)).collect();
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
}

/// What an insert changed, for a caller that keeps candidate pairs up to date
/// ([`crate::incremental`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
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
            key_start: vec![0],
            claim_keys: Vec::new(),
            comp_keys: Vec::new(),
            claim_source: Vec::new(),
            source_ids: HashMap::new(),
            probe_start: vec![0],
            probe_keys: Vec::new(),
            prefix_postings: Vec::new(),
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
        let hashed: Vec<Vec<u64>> = claims.par_iter().map(|c| self.plain_key_hashes(c)).collect();
        let mut touched: Vec<u32> = Vec::new();
        for (offset, (claim, hashes)) in claims.iter().zip(hashed).enumerate() {
            let idx = (first + offset) as u32;
            let n_sources = self.source_ids.len() as u32;
            let source = *self.source_ids.entry(claim.source.clone()).or_insert(n_sources);
            self.claim_source.push(source);
            self.comp_keys.push(Vec::new());
            let start = self.claim_keys.len();
            for h in hashes {
                let key = self.intern(h, false);
                self.postings[key as usize].push(idx);
                if first > 0 {
                    touched.push(key);
                }
                self.claim_keys.push(key);
            }
            self.claim_keys[start..].sort_unstable();
            self.key_start.push(self.claim_keys.len());
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

    /// The indexed claims (other than `claim_idx` itself, and not of its source) that share a
    /// usable key with indexed claim `claim_idx`, ascending. Unlike batch candidate generation this
    /// walks every usable key, ignoring the probing budget.
    pub fn query(&self, claim_idx: usize) -> Vec<u32> {
        let i = claim_idx as u32;
        let source = self.claim_source[claim_idx];
        let mut out = Vec::new();
        for key in self.usable_keys_of(claim_idx, self.cap()) {
            out.extend(
                self.postings[key as usize]
                    .iter()
                    .filter(|&&j| j != i && self.claim_source[j as usize] != source),
            );
        }
        out.sort_unstable();
        out.dedup();
        out
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
        out.clear();
        let iu = i as usize;
        let source = self.claim_source[iu];
        let mut walked = 0usize;
        let mut cut = false;
        for &key in self.probed(iu) {
            let posting = &self.prefix_postings[key as usize];
            let after = &posting[posting.partition_point(|&j| j <= i)..];
            if walked > 0 && walked + after.len() > self.config.probe_budget {
                cut = true;
                break;
            }
            walked += after.len();
            out.extend(after.iter().filter(|&&j| self.claim_source[j as usize] != source));
        }
        out.sort_unstable();
        out.dedup();
        let cap = self.cap();
        let n = self.len();
        let mine = self.usable_keys_of(iu, cap);
        out.retain(|&j| self.shared_weight(&mine, j as usize, n) >= self.config.min_weight);
        cut
    }

    /// The weight claim `j` shares with the usable keys `mine` of another claim.
    fn shared_weight(&self, mine: &[u32], j: usize, n: usize) -> f64 {
        let theirs = self.all_keys(j);
        mine.iter()
            .filter(|k| theirs.contains(k))
            .map(|&k| key_weight(n, self.postings[k as usize].len()))
            .sum()
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
            .filter(|&k| (2..=cap).contains(&self.postings[k as usize].len()))
            .collect();
        usable.sort_unstable_by_key(|&k| (self.postings[k as usize].len(), k));
        usable
    }

    fn intern(&mut self, hash: u64, composite: bool) -> u32 {
        let next = self.postings.len() as u32;
        let key = *self.key_ids.entry(hash).or_insert(next);
        if key == next {
            self.postings.push(Vec::new());
            self.composite.push(composite);
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
                let key = self.intern(h, true);
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
        let per_claim: Vec<Vec<u32>> = (0..n)
            .into_par_iter()
            .map(|i| {
                let mut usable = self.usable_keys_of(i, cap);
                let weights: Vec<f64> = usable
                    .iter()
                    .map(|&k| key_weight(n, self.postings[k as usize].len()))
                    .collect();
                let mut remaining: f64 = weights.iter().sum();
                let mut take = 0;
                for w in &weights {
                    if remaining < min_weight {
                        break;
                    }
                    remaining -= w;
                    take += 1;
                }
                usable.truncate(take);
                usable
            })
            .collect();
        self.probe_start = Vec::with_capacity(per_claim.len() + 1);
        self.probe_start.push(0);
        self.probe_keys.clear();
        self.prefix_postings = vec![Vec::new(); self.postings.len()];
        for (i, prefix) in per_claim.into_iter().enumerate() {
            for &k in &prefix {
                self.prefix_postings[k as usize].push(i as u32);
            }
            self.probe_keys.extend(prefix);
            self.probe_start.push(self.probe_keys.len());
        }
    }

    /// The 64-bit hashes of a claim's plain keys, deduplicated.
    fn plain_key_hashes(&self, claim: &Claim) -> Vec<u64> {
        let mut out = Vec::with_capacity(claim.terms.len() + 4);
        for e in &claim.entities {
            out.push(key_hash(b'e', &plain_lower(&e.canonical)));
        }
        for q in &claim.quantities {
            // -0.0 and 0.0 are one value; the unit keeps "30 day" apart from "30 percent".
            let value = if q.value == 0.0 { 0.0 } else { q.value };
            out.push(key_hash(b'q', &format!("{value}|{}", q.unit)));
        }
        for t in &claim.terms {
            let t = self.synonyms.get(t).unwrap_or(t);
            out.push(key_hash(b't', t));
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
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in std::iter::once(&namespace).chain(text.as_bytes()) {
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
