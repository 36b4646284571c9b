//! Stories: "here are the sources of a run, gimme the groups that report one seminal event".
//!
//! An aggregator hands over a day's pile: articles on many stories, some of them similar (two
//! earthquakes in one region, two acquisitions by one company). [`group_stories`] groups the
//! sources of a run into stories, and the report keeps facts inside a story.
//!
//! # How
//!
//! Each source becomes three sparse vectors: its content terms, its names and amounts (canonical
//! entities and `value unit` quantities), and the content terms of its lead (the first
//! [`StoryConfig::lead_claims`] claims, where news states its happening). Terms are weighted by
//! sublinear term frequency times a rarity that blends the run's document frequencies with a
//! background table ([`StoryConfig::background_docs`] pseudo-documents drawn from the scorer's
//! [`crate::align::TermStats`]), so that in a run of two articles a word both share is still
//! evidence, and in a pile of hundreds the story's own words are rare against the other stories.
//! The cosines of the three vectors, and the share of the shorter source's term weight that the
//! longer one holds (a headline's words are nearly all in its article, though its cosine with the
//! article is low), go through a logistic model (fitted on the ECB+ development topics and FNC-1
//! headline/body pairs, by folds of topics and of bodies: `examples/evaluate_news.rs`) to give
//! the probability that two sources report one story. Sources are then grouped by average-link
//! agglomeration: two groups merge while the mean probability over all their cross pairs is at
//! least [`StoryConfig::threshold`], so one article that mentions two stories cannot chain them.
//! A group of one or two sources that this leaves then joins the larger story it reports with
//! most on average, at [`StoryConfig::small_threshold`], when that story stands out
//! ([`StoryConfig::small_margin`]); a brief (a headline) still alone joins the story of its
//! most probable article at [`StoryConfig::brief_threshold`].
//!
//! **Complexity**: only pairs of sources that share a key held by at most
//! `max(64, √N · 8)` sources are compared (a pair sharing nothing rarer has a probability near 0
//! anyway); merging uses a heap with lazy invalidation, `O(E log E)` for `E` compared pairs.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::align::TermStats;
use crate::model::{Claim, SourceId};

/// The id of a story: `s0`, `s1`, … in order of each story's first source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StoryId(pub usize);

impl fmt::Display for StoryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "s{}", self.0)
    }
}

impl Serialize for StoryId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for StoryId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<StoryId, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.strip_prefix('s')
            .and_then(|n| n.parse().ok())
            .map(StoryId)
            .ok_or_else(|| serde::de::Error::custom(format!("story id {s:?} is not `s<n>`")))
    }
}

/// Sources that report one seminal event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Story {
    /// `s{n}`.
    pub id: StoryId,
    /// Its sources, in the order they were added to the run.
    pub sources: Vec<SourceId>,
    /// A short label: the names and words its sources share most.
    pub label: String,
}

/// Settings of story grouping. The defaults are the fitted ones (see the [module docs](self)).
///
/// ```
/// use corroborate::reconcile::story::StoryConfig;
///
/// let mut config = StoryConfig::default();
/// assert_eq!(config.lead_claims, 3);
/// config.set_threshold(0.6);
/// assert_eq!(config.threshold, 0.6);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct StoryConfig {
    /// Two groups of sources merge while the mean probability of their cross pairs is at least
    /// this. 1.0 and above keeps every source a story of its own; 0.0 puts the run in one story.
    pub threshold: f64,
    /// Logistic weights of the cosines of the terms, the names and amounts, and the lead terms,
    /// and of the shorter source's containment in the longer.
    pub weights: [f64; 4],
    /// The logistic model's intercept.
    pub intercept: f64,
    /// How many pseudo-documents the background table weighs against the run's own counts.
    pub background_docs: f64,
    /// How many sentences a background document stands for (the table counts sentences).
    pub background_doc_sentences: f64,
    /// How many of a source's first claims make its lead.
    pub lead_claims: usize,
    /// A source of at most this many claims (a headline, an alert) that grouping leaves alone
    /// joins the story of the article it most probably reports with, if that probability is at
    /// least [`StoryConfig::brief_threshold`]. Default `2` (as
    /// [`crate::reconcile::graph::GroupConfig::brief_claims`]); `0` turns this off.
    #[serde(default = "default_brief_claims")]
    pub brief_claims: usize,
    /// See [`StoryConfig::brief_claims`]. Default `0.15`: a headline's few words give its
    /// pairs low cosines, so the story threshold leaves a quarter of FNC-1 headlines outside
    /// their own article's story; at `0.15` (sweep in docs/evaluation.md) related pairs in one
    /// story go from 0.748 to 0.863 and unrelated ones from 0.010 to 0.013.
    #[serde(default = "default_brief_threshold")]
    pub brief_threshold: f64,
    /// A story of at most this many sources that grouping leaves (an article no other source
    /// came close enough to) joins the story of more sources whose sources it reports with
    /// most, on average over all their pairs, if that mean probability is at least
    /// [`StoryConfig::small_threshold`]. Default `2`; `0` turns this off.
    #[serde(default = "default_small_sources")]
    pub small_sources: usize,
    /// See [`StoryConfig::small_sources`]. Default `0.2`. Merging two large groups is where
    /// similar events get joined, so it keeps [`StoryConfig::threshold`]; a lone article has
    /// one best story, and on the ECB+ development pile it is nearly always its own (the sweep
    /// and the pile with lone articles beside it are in docs/evaluation.md).
    #[serde(default = "default_small_threshold")]
    pub small_threshold: f64,
    /// See [`StoryConfig::small_sources`]: the best story's mean must also be at least this many
    /// times the next best's. Default `1.5`. A lone article between two similar stories (two
    /// earthquakes in one region) stays alone rather than join the wrong one.
    #[serde(default = "default_small_margin")]
    pub small_margin: f64,
}

fn default_small_sources() -> usize {
    2
}

fn default_small_threshold() -> f64 {
    0.2
}

fn default_small_margin() -> f64 {
    1.5
}

fn default_brief_claims() -> usize {
    2
}

fn default_brief_threshold() -> f64 {
    0.15
}

impl Default for StoryConfig {
    fn default() -> StoryConfig {
        StoryConfig {
            threshold: 0.5,
            weights: [4.33, 7.22, 6.74, 7.74],
            intercept: -7.0,
            background_docs: 150.0,
            background_doc_sentences: 20.0,
            lead_claims: 3,
            brief_claims: default_brief_claims(),
            brief_threshold: default_brief_threshold(),
            small_sources: default_small_sources(),
            small_threshold: default_small_threshold(),
            small_margin: default_small_margin(),
        }
    }
}

impl StoryConfig {
    /// Sets [`StoryConfig::threshold`].
    pub fn set_threshold(&mut self, threshold: f64) -> &mut StoryConfig {
        self.threshold = threshold;
        self
    }

    /// The probability that two sources with these cosines report one story.
    pub fn probability(&self, f: &StoryFeatures) -> f64 {
        crate::align::learn::logistic(self.intercept, &self.weights, f)
    }

    /// Sets [`StoryConfig::weights`] and [`StoryConfig::intercept`].
    pub fn set_model(&mut self, weights: [f64; 4], intercept: f64) -> &mut StoryConfig {
        self.weights = weights;
        self.intercept = intercept;
        self
    }
}

/// The three cosines of two sources (terms, names and amounts, lead terms) and how much of the
/// shorter one's terms the longer one holds.
pub type StoryFeatures = [f64; 4];

/// Groups `sources` into stories from their `claims`.
///
/// # Arguments
/// `sources`: the run's sources in the order they were added (sources with no claims become
/// stories of their own); `claims`: every claim of the run, in any order; `background`: term
/// document frequencies of general news (the aligner's [`crate::align::AlignConfig::statistics`]).
///
/// # Returns
/// The stories, numbered in order of their first source, each source in exactly one, and for
/// every source (by its index in `sources`) the index of its story.
pub fn group_stories(
    sources: &[SourceId],
    claims: &[Claim],
    background: &TermStats,
    config: &StoryConfig,
) -> (Vec<Story>, Vec<usize>) {
    let docs = Docs::new(sources, claims, background, config);
    let rows: Vec<(usize, usize, StoryFeatures)> =
        docs.compared_pairs().into_iter().map(|(a, b)| (a, b, docs.features(a, b))).collect();
    let mut cluster_of = cluster_from_features(sources.len(), &rows, config);
    attach_briefs(&mut cluster_of, &docs, &rows, config);
    // Number stories by their first source.
    let mut number: HashMap<usize, usize> = HashMap::new();
    let mut story_of = Vec::with_capacity(sources.len());
    for &c in &cluster_of {
        let next = number.len();
        story_of.push(*number.entry(c).or_insert(next));
    }
    let mut stories: Vec<Story> = (0..number.len())
        .map(|s| Story { id: StoryId(s), sources: Vec::new(), label: String::new() })
        .collect();
    for (i, &s) in story_of.iter().enumerate() {
        stories[s].sources.push(sources[i].clone());
    }
    for story in &mut stories {
        story.label = docs.label(&story.sources);
    }
    (stories, story_of)
}

/// The cosines of every compared pair of sources, for fitting: `(a, b, features)` with `a < b`
/// indices into `sources`. Pairs not listed share no key rare enough to be compared.
pub fn story_features(
    sources: &[SourceId],
    claims: &[Claim],
    background: &TermStats,
    config: &StoryConfig,
) -> Vec<(usize, usize, StoryFeatures)> {
    let docs = Docs::new(sources, claims, background, config);
    docs.compared_pairs().into_iter().map(|(a, b)| (a, b, docs.features(a, b))).collect()
}

/// The cluster of each of `n` sources (the smallest source index in it) from the features of
/// their compared pairs ([`story_features`]) under `config`'s model and thresholds: average
/// link at [`StoryConfig::threshold`], then small groups joined at
/// [`StoryConfig::small_threshold`].
pub fn cluster_from_features(
    n: usize,
    rows: &[(usize, usize, StoryFeatures)],
    config: &StoryConfig,
) -> Vec<usize> {
    let scored: Vec<(usize, usize, f64)> =
        rows.iter().map(|&(a, b, ref f)| (a, b, config.probability(f))).collect();
    let mut cluster_of = average_link(n, &scored, config.threshold);
    attach_small(&mut cluster_of, &scored, config);
    cluster_of
}

/// Every cluster of at most `config.small_sources` members joins the larger cluster with the
/// highest mean probability over all their cross pairs (pairs not compared count 0), when that
/// mean is at least `config.small_threshold` and `config.small_margin` times the next best
/// cluster's. All choices are made on the clusters as average link left them, so one small
/// group's move does not draw another after it. Cluster ids stay the smallest member.
fn attach_small(cluster_of: &mut [usize], scored: &[(usize, usize, f64)], config: &StoryConfig) {
    let small = config.small_sources;
    if small == 0 {
        return;
    }
    let size = cluster_sizes(cluster_of);
    // (small cluster, larger cluster) -> sum of probabilities.
    let mut sums: HashMap<(usize, usize), f64> = HashMap::new();
    for &(a, b, p) in scored {
        let (ca, cb) = (cluster_of[a], cluster_of[b]);
        for (x, y) in [(ca, cb), (cb, ca)] {
            if size[&x] <= small && size[&y] > small {
                *sums.entry((x, y)).or_default() += p;
            }
        }
    }
    // Per small cluster: (best mean, its cluster, next best mean).
    let mut best: HashMap<usize, (f64, usize, f64)> = HashMap::new();
    for (&(x, y), &s) in &sums {
        let mean = s / (size[&x] * size[&y]) as f64;
        let slot = best.entry(x).or_insert((f64::NEG_INFINITY, y, 0.0));
        if mean > slot.0 || (mean == slot.0 && y < slot.1) {
            slot.2 = slot.0.max(0.0);
            (slot.0, slot.1) = (mean, y);
        } else {
            slot.2 = slot.2.max(mean);
        }
    }
    let joins: HashMap<usize, usize> = best
        .into_iter()
        .filter(|(_, (mean, _, next))| {
            *mean >= config.small_threshold && *mean >= config.small_margin * next
        })
        .map(|(x, (_, y, _))| (x, y))
        .collect();
    if joins.is_empty() {
        return;
    }
    for c in cluster_of.iter_mut() {
        if let Some(&y) = joins.get(c) {
            *c = y;
        }
    }
    // Keep each cluster named by its smallest member.
    let mut root: HashMap<usize, usize> = HashMap::new();
    for (i, &c) in cluster_of.iter().enumerate() {
        let r = root.entry(c).or_insert(i);
        *r = (*r).min(i);
    }
    for c in cluster_of.iter_mut() {
        *c = root[c];
    }
}

/// A brief (a source of at most `config.brief_claims` claims) left alone in its cluster joins
/// the cluster of the article (a longer source) it most probably reports with, when that
/// probability is at least `config.brief_threshold`.
fn attach_briefs(
    cluster_of: &mut [usize],
    docs: &Docs<'_>,
    rows: &[(usize, usize, StoryFeatures)],
    config: &StoryConfig,
) {
    if config.brief_claims == 0 {
        return;
    }
    let is_brief = |i: usize| (1..=config.brief_claims).contains(&docs.claims[i].len());
    let size = cluster_sizes(cluster_of);
    let mut best: HashMap<usize, (f64, usize)> = HashMap::new();
    for &(a, b, ref f) in rows {
        for (brief, article) in [(a, b), (b, a)] {
            if !is_brief(brief) || is_brief(article) || size[&cluster_of[brief]] > 1 {
                continue;
            }
            let p = config.probability(f);
            let slot = best.entry(brief).or_insert((f64::NEG_INFINITY, article));
            if p > slot.0 || (p == slot.0 && article < slot.1) {
                *slot = (p, article);
            }
        }
    }
    let mut joins: Vec<(usize, usize)> = best
        .into_iter()
        .filter(|(_, (p, _))| *p >= config.brief_threshold)
        .map(|(brief, (_, article))| (brief, article))
        .collect();
    joins.sort_unstable();
    for (brief, article) in joins {
        cluster_of[brief] = cluster_of[article];
    }
}

/// How many sources each cluster holds.
fn cluster_sizes(cluster_of: &[usize]) -> HashMap<usize, usize> {
    let mut size: HashMap<usize, usize> = HashMap::new();
    for &c in cluster_of {
        *size.entry(c).or_default() += 1;
    }
    size
}

/// Fits the logistic model of `config` to labelled feature rows (same story or not) with an L2
/// penalty `l2`, keeping its threshold.
pub fn fit(config: &mut StoryConfig, rows: &[(StoryFeatures, bool)], l2: f64) {
    let (b, w) = crate::align::learn::fit_labelled(rows, l2);
    config.set_model(w, b);
}

/// Sparse unit vectors, one per channel, as `(key, weight)` sorted by key.
type Vector = Vec<(u32, f32)>;

/// The sources of a run as vectors.
struct Docs<'c> {
    /// Per source: terms, names and amounts, lead terms.
    vectors: Vec<[Vector; 3]>,
    /// Key id -> its text (for labels) and whether it is a name.
    keys: Vec<(String, bool)>,
    /// Per key, the sources holding it in any channel.
    postings: Vec<Vec<u32>>,
    /// Per source, its claims (for labels).
    claims: Vec<Vec<&'c Claim>>,
    index: HashMap<&'c SourceId, usize>,
}

impl<'c> Docs<'c> {
    fn new(
        sources: &'c [SourceId],
        claims: &'c [Claim],
        background: &TermStats,
        config: &StoryConfig,
    ) -> Docs<'c> {
        let index: HashMap<&SourceId, usize> =
            sources.iter().enumerate().map(|(i, s)| (s, i)).collect();
        let by_source = crate::model::claims_by_source(sources, claims);
        // Raw counts per channel, with interned keys.
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut keys: Vec<(String, bool)> = Vec::new();
        let mut intern = |s: String, name: bool| -> u32 {
            if let Some(&k) = ids.get(&s) {
                return k;
            }
            let k = keys.len() as u32;
            keys.push((s.clone(), name));
            ids.insert(s, k);
            k
        };
        let mut counts: Vec<[HashMap<u32, f32>; 3]> = Vec::with_capacity(sources.len());
        for list in &by_source {
            let mut ch: [HashMap<u32, f32>; 3] = Default::default();
            for (n, c) in list.iter().enumerate() {
                for t in &c.terms {
                    let k = intern(format!("t:{t}"), false);
                    *ch[0].entry(k).or_default() += 1.0;
                    if n < config.lead_claims {
                        *ch[2].entry(k).or_default() += 1.0;
                    }
                }
                for e in &c.entities {
                    let k = intern(format!("e:{}", e.canonical.to_lowercase()), true);
                    *ch[1].entry(k).or_default() += 1.0;
                }
                for q in &c.quantities {
                    let k = intern(format!("q:{} {}", q.value, q.unit), false);
                    *ch[1].entry(k).or_default() += 1.0;
                }
            }
            counts.push(ch);
        }
        // Document frequency over all channels, and the postings.
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); keys.len()];
        for (i, ch) in counts.iter().enumerate() {
            let mut held: Vec<u32> = ch.iter().flat_map(|m| m.keys().copied()).collect();
            held.sort_unstable();
            held.dedup();
            for k in held {
                postings[k as usize].push(i as u32);
            }
        }
        let n_run = sources.len() as f64;
        let bg_docs = background.documents.max(1) as f64;
        let idf: Vec<f64> = keys
            .iter()
            .enumerate()
            .map(|(k, (key, _))| {
                // A background share per document from a per-sentence count: the chance that
                // one of a document's sentences holds it. Names and amounts have none.
                let share = key.strip_prefix("t:").map_or(0.0, |t| {
                    let p = f64::from(background.df(t)) / bg_docs;
                    1.0 - (1.0 - p.min(1.0)).powf(config.background_doc_sentences)
                });
                let df = postings[k].len() as f64 + config.background_docs * share;
                ((n_run + config.background_docs + 1.0) / (df + 0.5)).ln().max(0.0)
            })
            .collect();
        let vectors = counts
            .into_iter()
            .map(|ch| {
                ch.map(|m| {
                    let mut v: Vector = m
                        .into_iter()
                        .map(|(k, tf)| (k, ((1.0 + f64::from(tf).ln()) * idf[k as usize]) as f32))
                        .filter(|&(_, w)| w > 0.0)
                        .collect();
                    v.sort_unstable_by_key(|&(k, _)| k);
                    let norm = v.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt();
                    if norm > 0.0 {
                        v.iter_mut().for_each(|(_, w)| *w /= norm);
                    }
                    v
                })
            })
            .collect();
        Docs { vectors, keys, postings, claims: by_source, index }
    }

    /// Pairs `(a, b)`, `a < b`, that share a key held by few enough sources.
    fn compared_pairs(&self) -> Vec<(usize, usize)> {
        let n = self.vectors.len();
        let cap = ((n as f64).sqrt() * 8.0).max(64.0) as usize;
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for list in &self.postings {
            if list.len() < 2 || list.len() > cap {
                continue;
            }
            for (x, &a) in list.iter().enumerate() {
                for &b in &list[x + 1..] {
                    pairs.push((a as usize, b as usize));
                }
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        pairs
    }

    fn features(&self, a: usize, b: usize) -> StoryFeatures {
        let (x, y) = (&self.vectors[a], &self.vectors[b]);
        let [t, n, l] = [0, 1, 2].map(|c| cosine(&x[c], &y[c]));
        // A headline or a brief against a full article: the cosine is low because the article
        // says much more, but what the short one says is nearly all inside the long one.
        let (short, long) = if x[0].len() <= y[0].len() { (x, y) } else { (y, x) };
        [t, n, l, containment(&short[0], &long[0])]
    }

    /// The names (else words) most of the story's sources hold, up to four.
    fn label(&self, sources: &[SourceId]) -> String {
        let members: Vec<usize> =
            sources.iter().filter_map(|s| self.index.get(s).copied()).collect();
        let mut held: HashMap<u32, (usize, f32)> = HashMap::new();
        for &i in &members {
            for (k, w) in self.vectors[i][0].iter().chain(&self.vectors[i][1]) {
                let slot = held.entry(*k).or_default();
                slot.0 += 1;
                slot.1 += w;
            }
        }
        let mut ranked: Vec<(u32, usize, f32)> =
            held.into_iter().map(|(k, (n, w))| (k, n, w)).collect();
        // Names first, then by how many sources hold it and how much it weighs in them.
        ranked.sort_by(|x, y| {
            let (nx, ny) = (self.keys[x.0 as usize].1, self.keys[y.0 as usize].1);
            ny.cmp(&nx)
                .then(y.1.cmp(&x.1))
                .then(y.2.partial_cmp(&x.2).unwrap_or(Ordering::Equal))
                .then(x.0.cmp(&y.0))
        });
        let quorum = members.len().div_ceil(2).max(1);
        let mut words: Vec<String> = Vec::new();
        for (k, n, _) in &ranked {
            if *n < quorum || words.len() >= 4 {
                continue;
            }
            let key = &self.keys[*k as usize].0;
            if let Some(name) = key.strip_prefix("e:") {
                // The canonical name as written in one of the claims.
                let written = members
                    .iter()
                    .flat_map(|&i| &self.claims[i])
                    .flat_map(|c| &c.entities)
                    .find(|e| e.canonical.to_lowercase() == name)
                    .map_or(name.to_string(), |e| e.canonical.clone());
                words.push(written);
            } else if let Some(term) = key.strip_prefix("t:") {
                // A stem reads badly; the first word of a claim that stems to it reads well.
                let word = members
                    .iter()
                    .flat_map(|&i| &self.claims[i])
                    .find_map(|c| surface_of(c, term))
                    .unwrap_or_else(|| term.to_string());
                if !words.iter().any(|w| w.eq_ignore_ascii_case(&word)) {
                    words.push(word);
                }
            }
        }
        if words.is_empty() {
            // Nothing most of them share (a story of one source with no names): its first claim.
            let first = members.iter().flat_map(|&i| self.claims[i].first()).next();
            return first.map_or_else(String::new, |c| truncate_words(&c.text, 60));
        }
        words.join(", ")
    }
}

/// The word of `claim` whose content term is `term`.
fn surface_of(claim: &Claim, term: &str) -> Option<String> {
    crate::text::words(&claim.text)
        .map(|w| w.text)
        .find(|w| crate::text::content_terms(w).first().is_some_and(|t| t == term))
        .map(str::to_lowercase)
}

/// `text` cut at a word boundary to at most `max` bytes, with an ellipsis when cut.
fn truncate_words(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_string();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let cut = text[..end].rfind(' ').unwrap_or(end);
    format!("{}…", text[..cut].trim_end())
}

/// The share of unit vector `x`'s squared weight on keys `y` also holds.
fn containment(x: &Vector, y: &Vector) -> f64 {
    sum_shared(x, y, |wx, _| wx * wx)
}

fn cosine(x: &Vector, y: &Vector) -> f64 {
    sum_shared(x, y, |wx, wy| wx * wy)
}

/// The sum of `f(weight in x, weight in y)` over the keys both sorted vectors hold.
fn sum_shared(x: &Vector, y: &Vector, f: impl Fn(f64, f64) -> f64) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0f64);
    while i < x.len() && j < y.len() {
        match x[i].0.cmp(&y[j].0) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                sum += f(f64::from(x[i].1), f64::from(y[j].1));
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// A candidate merge in the heap: the mean probability of two clusters' cross pairs.
#[derive(PartialEq)]
struct Merge {
    mean: f64,
    a: usize,
    b: usize,
    versions: (u32, u32),
}

impl Eq for Merge {}

impl PartialOrd for Merge {
    fn partial_cmp(&self, other: &Merge) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Merge {
    fn cmp(&self, other: &Merge) -> Ordering {
        // Highest mean first; ties to the lowest ids, so the result does not depend on hashing.
        self.mean.total_cmp(&other.mean).then_with(|| (other.a, other.b).cmp(&(self.a, self.b)))
    }
}

/// Average-link agglomeration over a sparse similarity (unlisted pairs count 0): the cluster of
/// each of `n` items, as the smallest item index of its cluster.
fn average_link(n: usize, pairs: &[(usize, usize, f64)], threshold: f64) -> Vec<usize> {
    let mut size = vec![1usize; n];
    let mut version = vec![0u32; n];
    let mut alive = vec![true; n];
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    // Per cluster: neighbour cluster -> sum of the probabilities of their cross pairs.
    let mut sums: Vec<HashMap<usize, f64>> = vec![HashMap::new(); n];
    for &(a, b, p) in pairs {
        *sums[a].entry(b).or_default() += p;
        *sums[b].entry(a).or_default() += p;
    }
    let mut heap = BinaryHeap::new();
    for (a, m) in sums.iter().enumerate() {
        for (&b, &s) in m {
            if a < b && s >= threshold {
                heap.push(Merge { mean: s, a, b, versions: (0, 0) });
            }
        }
    }
    while let Some(Merge { a, b, versions, .. }) = heap.pop() {
        if !alive[a] || !alive[b] || versions != (version[a], version[b]) {
            continue;
        }
        // Merge b into a.
        alive[b] = false;
        let moved = std::mem::take(&mut sums[b]);
        for (c, s) in moved {
            sums[c].remove(&b);
            if c == a {
                continue;
            }
            *sums[a].entry(c).or_default() += s;
            *sums[c].entry(a).or_default() += s;
        }
        sums[a].remove(&b);
        size[a] += size[b];
        let mb = std::mem::take(&mut members[b]);
        members[a].extend(mb);
        version[a] += 1;
        for (&c, &s) in &sums[a] {
            let mean = s / (size[a] * size[c]) as f64;
            if mean >= threshold {
                let (x, y) = if a < c { (a, c) } else { (c, a) };
                heap.push(Merge { mean, a: x, b: y, versions: (version[x], version[y]) });
            }
        }
    }
    let mut cluster_of = vec![0; n];
    for (c, list) in members.iter().enumerate() {
        if !alive[c] {
            continue;
        }
        let root = list.iter().copied().min().unwrap_or(c);
        for &i in list {
            cluster_of[i] = root;
        }
    }
    cluster_of
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn average_link_does_not_chain_through_one_bridge() {
        // 0-1 and 2-3 are tight pairs; 1-2 alone is strong, but the mean over {0,1}x{2,3} is not.
        let pairs = [(0, 1, 0.9), (2, 3, 0.9), (1, 2, 0.9)];
        let c = average_link(4, &pairs, 0.4);
        assert_eq!(c[0], c[1]);
        assert_eq!(c[2], c[3]);
        assert_ne!(c[0], c[2]);
        // A threshold below the mean joins them.
        let c = average_link(4, &pairs, 0.2);
        assert!(c.iter().all(|&x| x == c[0]));
    }

    #[test]
    fn average_link_keeps_unlinked_items_apart() {
        assert_eq!(average_link(3, &[], 0.1), vec![0, 1, 2]);
    }

    /// Two tight stories {0,1,2} and {3,4,5}, and source 6 with probability `to_a` to each of
    /// the first and `to_b` to each of the second.
    fn with_lone(to_a: f64, to_b: f64) -> Vec<(usize, usize, f64)> {
        let mut pairs = Vec::new();
        for story in [[0, 1, 2], [3, 4, 5]] {
            for (x, &a) in story.iter().enumerate() {
                for &b in &story[x + 1..] {
                    pairs.push((a, b, 0.9));
                }
            }
        }
        pairs.extend((0..3).map(|a| (a, 6, to_a)));
        pairs.extend((3..6).map(|b| (b, 6, to_b)));
        pairs
    }

    fn grouped(pairs: &[(usize, usize, f64)], config: &StoryConfig) -> Vec<usize> {
        let mut c = average_link(7, pairs, config.threshold);
        attach_small(&mut c, pairs, config);
        c
    }

    #[test]
    fn a_lone_source_joins_the_story_it_stands_closest_to() {
        let config = StoryConfig::default();
        // Below the story threshold, above the small one, far ahead of the other story.
        let pairs = with_lone(0.3, 0.05);
        assert_eq!(average_link(7, &pairs, config.threshold)[6], 6);
        assert_eq!(grouped(&pairs, &config), vec![0, 0, 0, 3, 3, 3, 0]);
    }

    #[test]
    fn a_lone_source_between_two_stories_or_far_from_both_stays_alone() {
        let config = StoryConfig::default();
        // 0.3 against 0.25: not 1.5 times the next best.
        assert_eq!(grouped(&with_lone(0.3, 0.25), &config)[6], 6);
        // Ahead of the other story, but below the small threshold.
        assert_eq!(grouped(&with_lone(0.15, 0.0), &config)[6], 6);
        // Off.
        let mut off = config.clone();
        off.small_sources = 0;
        assert_eq!(grouped(&with_lone(0.3, 0.05), &off)[6], 6);
    }

    #[test]
    fn a_joined_story_is_named_by_its_smallest_source() {
        // Source 0 alone, {1, 2, 3} a story: 0 joins, and the story is cluster 0.
        let mut pairs = vec![(1, 2, 0.9), (1, 3, 0.9), (2, 3, 0.9)];
        pairs.extend((1..4).map(|b| (0, b, 0.4)));
        let config = StoryConfig::default();
        let mut c = average_link(4, &pairs, config.threshold);
        assert_eq!(c, vec![0, 1, 1, 1]);
        attach_small(&mut c, &pairs, &config);
        assert_eq!(c, vec![0, 0, 0, 0]);
    }

    #[test]
    fn truncation_cuts_at_a_word() {
        assert_eq!(truncate_words("short", 10), "short");
        assert_eq!(truncate_words("the port of Valdor reopened", 12), "the port of…");
    }
}
