//! The agreement graph, and how its claims are grouped into facts.
//!
//! Useful for: walking the claims of a run and the scored, typed links between them
//! ([`AgreementGraph`]), and grouping linked claims into facts ([`group_facts`]). Not useful for:
//! scoring pairs ([`crate::align`]) or saying how linked claims differ ([`crate::reconcile::diff`]).
//!
//! *Invariant*: the graph knows nothing of text formats; its public ids are [`ClaimId`]s, never
//! petgraph node indices.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap, HashMap, HashSet};

use petgraph::stable_graph::{NodeIndex, StableUnGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use serde::{Deserialize, Serialize};

use crate::align::{Link, Score};
use crate::model::{Claim, ClaimId, SourceId};

/// How two linked claims relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EdgeKind {
    /// Same fact, and the claims differ in nothing but detail.
    Agrees,
    /// Same fact, and the claims differ in a quantity, polarity, modality, attribution, time or in
    /// their whole account.
    Conflicts,
    /// Linked (the pair scored above the threshold), but grouping put the claims in different facts:
    /// they are about related things, not the same one.
    Related,
}

impl EdgeKind {
    /// The lowercase name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            EdgeKind::Agrees => "agrees",
            EdgeKind::Conflicts => "conflicts",
            EdgeKind::Related => "related",
        }
    }
}

/// A link of the agreement graph: its kind, and the score that made it, with the breakdown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Edge {
    /// Agrees, conflicts or related.
    pub kind: EdgeKind,
    /// The pair's score and why.
    pub score: Score,
    /// For an anchor link (see [`anchor_links`]), the specific entity or quantity the two claims
    /// share that linked them below the threshold; `None` for a link by score.
    pub anchor: Option<String>,
}

/// The agreement graph of a run: one node per claim, one undirected edge per link.
///
/// Built by [`crate::reconcile::Reconciler::reconcile`] and read through
/// [`crate::Reconciliation::graph`]. Nodes and edges are kept in the order they were added (claims
/// by id, links by their first then second claim), so every walk is deterministic.
#[derive(Clone, Debug, Default)]
pub struct AgreementGraph {
    graph: StableUnGraph<ClaimId, Edge>,
    nodes: HashMap<ClaimId, NodeIndex>,
}

impl AgreementGraph {
    /// A graph with one node per claim and no edge.
    pub fn new<'c>(claims: impl IntoIterator<Item = &'c ClaimId>) -> AgreementGraph {
        let mut graph = AgreementGraph::default();
        for id in claims {
            if !graph.nodes.contains_key(id) {
                let node = graph.graph.add_node(id.clone());
                graph.nodes.insert(id.clone(), node);
            }
        }
        graph
    }

    /// Adds (or replaces) the edge between claims `a` and `b`. Returns `false`, adding nothing, when
    /// either claim is not in the graph or `a == b`.
    pub fn link(&mut self, a: &ClaimId, b: &ClaimId, edge: Edge) -> bool {
        let (Some(&na), Some(&nb)) = (self.nodes.get(a), self.nodes.get(b)) else { return false };
        if na == nb {
            return false;
        }
        self.graph.update_edge(na, nb, edge);
        true
    }

    /// The number of claims.
    pub fn claim_count(&self) -> usize {
        self.graph.node_count()
    }

    /// The number of links.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Whether `claim` is in the graph.
    pub fn contains(&self, claim: &ClaimId) -> bool {
        self.nodes.contains_key(claim)
    }

    /// The claims, in the order they were added.
    pub fn claims(&self) -> impl Iterator<Item = &ClaimId> + '_ {
        self.graph.node_indices().map(|n| &self.graph[n])
    }

    /// The link between `a` and `b`, if any (either order).
    pub fn edge(&self, a: &ClaimId, b: &ClaimId) -> Option<&Edge> {
        let (na, nb) = (*self.nodes.get(a)?, *self.nodes.get(b)?);
        self.graph.find_edge(na, nb).map(|e| &self.graph[e])
    }

    /// Every link as `(a, b, edge)` with `a < b`, in the order they were added.
    pub fn edges(&self) -> impl Iterator<Item = (&ClaimId, &ClaimId, &Edge)> + '_ {
        self.graph.edge_references().map(|e| {
            let (x, y) = (&self.graph[e.source()], &self.graph[e.target()]);
            if x <= y { (x, y, e.weight()) } else { (y, x, e.weight()) }
        })
    }

    /// The claims linked to `claim`, with the link, sorted by claim id.
    pub fn neighbors(&self, claim: &ClaimId) -> Vec<(&ClaimId, &Edge)> {
        let Some(&n) = self.nodes.get(claim) else { return Vec::new() };
        let mut out: Vec<(&ClaimId, &Edge)> = self
            .graph
            .edges(n)
            .map(|e| {
                let other = if e.source() == n { e.target() } else { e.source() };
                (&self.graph[other], e.weight())
            })
            .collect();
        out.sort_by(|x, y| x.0.cmp(y.0));
        out
    }
}

/// Settings of fact grouping.
///
/// ```
/// use corroborate::reconcile::graph::GroupConfig;
/// let config = GroupConfig::default();
/// assert!(config.anchor_links);
/// assert_eq!(config.anchor_floor, 0.1);
/// assert_eq!(config.anchor_min_overlap, 0.15);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct GroupConfig {
    /// Whether claims are also linked by [`anchor_links`]. Default `true`.
    ///
    /// They serve runs of a few sources on one story (the same quotation given to two
    /// speakers; "the 48-hour stoppage" told by its effects). In a run that mixes many stories
    /// a place or an amount named once per article is mostly a coincidence: on generated
    /// corpora (`SynthCorpus`), without the overlap and best-score conditions, 0.3–6% of anchor
    /// links joined two tellings of one fact and the pairwise precision of facts fell from 0.98
    /// to 0.84 (20k claims, 200 sources). With them: 20 anchor links at 10k claims over 100
    /// sources, 107 (11% true) at 2k over 20, where fact precision went from 0.982 to 0.979.
    /// Turn it off for a run that mixes unrelated stories.
    pub anchor_links: bool,
    /// An anchor link needs a score of at least the link threshold times this. Default `0.1`.
    pub anchor_floor: f64,
    /// An anchor that more sources than this name once each is not used for anchor links (see
    /// [`anchor_links`]). Default `100`: more than a story's outlets, few enough that pairing
    /// them costs little.
    #[serde(default = "default_anchor_max_sources")]
    pub anchor_max_sources: usize,
    /// Two sources are anchor-linked only when at least this share of their claims already has
    /// a link into the other (see [`anchor_links`]). Default `0.15`: two reports of one event
    /// in the test fixtures and the reference pair share 0.2–0.7; articles on other stories
    /// share next to nothing.
    #[serde(default = "default_anchor_min_overlap")]
    pub anchor_min_overlap: f64,
    /// How sources are grouped into stories ([`crate::reconcile::story`]). Claims of different stories are
    /// never linked.
    #[serde(default)]
    pub stories: crate::reconcile::story::StoryConfig,
    /// Which claims of one story tell the same happening in other words
    /// ([`crate::reconcile::happening`]): joined by [`EdgeKind::Related`] edges, never merged into a fact.
    #[serde(default)]
    pub happenings: crate::reconcile::happening::HappeningConfig,
    /// A source with at most this many claims is a *brief* (a headline, an alert, one statement
    /// to check): each of its claims joins the fact of its best match in every other source of
    /// its story when that scores at least [`GroupConfig::brief_floor`], so a headline joins the
    /// claim of its article that tells it. Default `2`; `0` turns brief links off.
    #[serde(default = "default_brief_claims")]
    pub brief_claims: usize,
    /// The least score of a brief link. Default `0.25` (fitted on FNC-1 development pairs by
    /// folds of article bodies: `examples/evaluate_news.rs`).
    #[serde(default = "default_brief_floor")]
    pub brief_floor: f64,
    /// Two claims of one story in different facts, one calling what the other states untrue (a
    /// denial, "a hoax") or negating it, are compared when the other is its best match in its
    /// source and scores at least this: they get a `Conflicts` edge and a difference, and both
    /// facts are contested. Default `0.25`.
    #[serde(default = "default_conflict_floor")]
    pub conflict_floor: f64,
}

fn default_conflict_floor() -> f64 {
    0.25
}

fn default_brief_claims() -> usize {
    2
}

fn default_brief_floor() -> f64 {
    0.25
}

fn default_anchor_min_overlap() -> f64 {
    0.15
}

fn default_anchor_max_sources() -> usize {
    100
}

impl Default for GroupConfig {
    fn default() -> GroupConfig {
        GroupConfig {
            anchor_links: true,
            anchor_floor: 0.1,
            anchor_max_sources: default_anchor_max_sources(),
            stories: crate::reconcile::story::StoryConfig::default(),
            happenings: crate::reconcile::happening::HappeningConfig::default(),
            anchor_min_overlap: default_anchor_min_overlap(),
            brief_claims: default_brief_claims(),
            brief_floor: default_brief_floor(),
            conflict_floor: default_conflict_floor(),
        }
    }
}

/// Links from the claims of *briefs* (sources of at most `max_claims` claims) to their best
/// match in each other source of the same story, when it scores at least `floor(brief claim,
/// other claim)`: `(a, b)` with `a < b`, not already in `links`.
///
/// A headline says in eight words what its article says in its lead; against the run's longer
/// sentences it scores below the link threshold (the lead says more), yet it asserts one of
/// them. A brief is short enough that its best match is that one: it joins that claim's fact,
/// and what the two say differently (a denial, a hedge, another number) is typed as a
/// difference. Longer sources do not get this: among an article's claims the best match of a
/// claim is often another happening of the story.
pub(crate) fn brief_links(
    claims: &[Claim],
    story_of: &[usize],
    links: &[Link],
    max_claims: usize,
    floor: impl Fn(usize, usize) -> f64,
    score: impl Fn(usize, usize) -> f64,
) -> Vec<(usize, usize)> {
    if max_claims == 0 {
        return Vec::new();
    }
    let mut by_source: BTreeMap<&SourceId, Vec<usize>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        by_source.entry(&c.source).or_default().push(i);
    }
    let linked: HashSet<(usize, usize)> = links.iter().map(|l| (l.a, l.b)).collect();
    let mut out: BTreeSet<(usize, usize)> = BTreeSet::new();
    for (source, brief) in &by_source {
        if brief.len() > max_claims {
            continue;
        }
        for &i in brief {
            for (other, members) in &by_source {
                if other == source || story_of[members[0]] != story_of[i] {
                    continue;
                }
                let best = members
                    .iter()
                    .map(|&j| (score(i, j), j))
                    .filter(|(v, _)| v.is_finite())
                    .max_by(|x, y| x.0.total_cmp(&y.0).then(y.1.cmp(&x.1)));
                if let Some((v, j)) = best
                    && v >= floor(i, j)
                {
                    let pair = (i.min(j), i.max(j));
                    if !linked.contains(&pair) {
                        out.insert(pair);
                    }
                }
            }
        }
    }
    out.into_iter().collect()
}

/// The specific things a claim names: its entities' canonical names, its quantities with a unit
/// ("30 day"), and its quotations of four words or more (lowercased, punctuation dropped).
fn claim_anchors(claim: &Claim) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for e in &claim.entities {
        if !e.canonical.trim().is_empty() {
            out.insert(e.canonical.clone());
        }
    }
    for q in &claim.quantities {
        if !q.unit.is_empty() {
            out.insert(format!("{} {}", q.value, q.unit));
        }
    }
    // A quotation of a few words or more is as specific as a name: the same words quoted twice.
    for q in &claim.quotes {
        let lower = crate::text::plain_lower(&q.text);
        let words: Vec<&str> =
            lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        if words.len() >= 4 {
            out.insert(format!("\u{201c}{}\u{201d}", words.join(" ")));
        }
    }
    out
}

/// Anchor links: pairs of claims that tell one event in words too different for the score to link
/// them, found by what they specifically share.
///
/// A pair `(a, b)` of claims of two sources, not already linked, is an anchor link when
/// - they share an *anchor* (an entity, a quantity with a unit, or a quotation of four words or
///   more) that no other claim of `a`'s
///   source and no other claim of `b`'s source names (the one claim of each source about Istanbul,
///   or about a 30-day truce), and that at most `max_sources` sources name that way;
/// - each is the other's best match in the other's source among the claims sharing a specific
///   anchor with it: the one sharing the most specific anchors, then scoring highest (a mutual
///   best match, as in competitive linking for record linkage; shared arguments — places, people,
///   amounts — are the classic evidence that two mentions tell one event);
/// - no claim of the other source scores higher with either of them (the anchor admits only a
///   pair that competitive linking by score would also pick);
/// - their two sources already tell alike: at least `min_overlap` of the claims of both have a
///   link (in `links`) into the other source;
/// - their score is at least `floor`.
///
/// Returns `(a, b, anchor)` with `a < b`, sorted, the anchor being the first shared one in sorted
/// order.
///
/// Why `max_sources`: an anchor named once by each of thousands of sources (a capital, a leader
/// in a run that mixes many stories) is a topic, not evidence that two claims tell one event, and
/// pairing all its claims would cost the square of their number.
///
/// **Complexity**: Σ min(s_k, `max_sources`)² calls to `score` over the anchors k, s_k being the
/// number of sources naming anchor k once, plus m per mutual best match for sources of at most m
/// claims; claims are handled in parallel (rayon), with the same result as one thread.
pub fn anchor_links(
    claims: &[Claim],
    links: &[Link],
    floor: f64,
    max_sources: usize,
    min_overlap: f64,
    score: impl Fn(usize, usize) -> f64 + Sync,
) -> Vec<(usize, usize, String)> {
    use crate::par::*;
    use rustc_hash::{FxHashMap, FxHashSet};

    let anchors: Vec<BTreeSet<String>> = claims.iter().map(claim_anchors).collect();
    // Anchors and sources as dense numbers; anchor numbers follow the anchors' sorted order, so
    // the smallest shared number is the first shared anchor in sorted order.
    let names: Vec<&str> = anchors
        .iter()
        .flatten()
        .map(String::as_str)
        .collect::<BTreeSet<&str>>()
        .into_iter()
        .collect();
    let anchor_id: FxHashMap<&str, u32> =
        names.iter().enumerate().map(|(k, a)| (*a, k as u32)).collect();
    let mut source_id: FxHashMap<&str, u32> = FxHashMap::default();
    let source_of: Vec<u32> = claims
        .iter()
        .map(|c| {
            let next = source_id.len() as u32;
            *source_id.entry(c.source.as_str()).or_insert(next)
        })
        .collect();
    let mut per_source: FxHashMap<(u32, u32), u32> = FxHashMap::default();
    for (i, set) in anchors.iter().enumerate() {
        for a in set {
            *per_source.entry((source_of[i], anchor_id[a.as_str()])).or_default() += 1;
        }
    }
    // The specific anchors of each claim (named once in its source), and who names each so.
    let mut specific: Vec<Vec<u32>> = vec![Vec::new(); claims.len()];
    let mut by_anchor: Vec<Vec<u32>> = vec![Vec::new(); names.len()];
    for (i, set) in anchors.iter().enumerate() {
        for a in set {
            let k = anchor_id[a.as_str()];
            if per_source[&(source_of[i], k)] == 1 {
                specific[i].push(k);
                by_anchor[k as usize].push(i as u32);
            }
        }
    }
    // Each source names a specific anchor in one claim, so members count sources.
    for members in &mut by_anchor {
        if members.len() > max_sources {
            members.clear();
        }
    }
    for set in &mut specific {
        set.retain(|&k| !by_anchor[k as usize].is_empty());
    }
    let linked: FxHashSet<(u32, u32)> =
        links.iter().map(|l| (l.a.min(l.b) as u32, l.a.max(l.b) as u32)).collect();
    let mut by_source: Vec<Vec<u32>> = vec![Vec::new(); source_id.len()];
    for (i, &s) in source_of.iter().enumerate() {
        by_source[s as usize].push(i as u32);
    }
    // How much two sources already tell alike: the share of their claims with a link into the
    // other. Two reports of one story share much; two articles of a run that mixes stories share
    // little, and there a shared name or amount is most likely a coincidence. Checked first, so
    // that claims of sources that may not be anchor-linked are never scored.
    let reaching: FxHashSet<(u32, u32)> = links
        .iter()
        .flat_map(|l| [(l.a as u32, source_of[l.b]), (l.b as u32, source_of[l.a])])
        .collect();
    let mut reach: FxHashMap<(u32, u32), usize> = FxHashMap::default();
    for &(claim, to) in &reaching {
        *reach.entry((source_of[claim as usize], to)).or_default() += 1;
    }
    let together = |a: u32, b: u32| {
        let shared =
            reach.get(&(a, b)).copied().unwrap_or(0) + reach.get(&(b, a)).copied().unwrap_or(0);
        shared as f64 / (by_source[a as usize].len() + by_source[b as usize].len()) as f64
            >= min_overlap
    };

    // For each claim and each other source: the claim of that source sharing the most specific
    // anchors with it, then scoring highest, then the lowest index; with that pair's score and
    // first shared anchor.
    struct Best {
        source: u32,
        claim: u32,
        shared: usize,
        score: f64,
        anchor: u32,
    }
    let best: Vec<Vec<Best>> = (0..claims.len())
        .into_par_iter()
        .map(|x| {
            let mut shared: FxHashMap<u32, (usize, u32)> = FxHashMap::default();
            for &k in &specific[x] {
                for &c in &by_anchor[k as usize] {
                    let (sx, sc) = (source_of[x], source_of[c as usize]);
                    if sx != sc && together(sx, sc) {
                        let slot = shared.entry(c).or_insert((0, k));
                        slot.0 += 1;
                        slot.1 = slot.1.min(k);
                    }
                }
            }
            let mut found: FxHashMap<u32, Best> = FxHashMap::default();
            for (c, (n, anchor)) in shared {
                let s = score(x, c as usize);
                let source = source_of[c as usize];
                let candidate = Best { source, claim: c, shared: n, score: s, anchor };
                match found.get_mut(&source) {
                    Some(b) => {
                        let rank = (n, s).partial_cmp(&(b.shared, b.score));
                        if rank == Some(Ordering::Greater)
                            || (rank == Some(Ordering::Equal) && c < b.claim)
                        {
                            *b = candidate;
                        }
                    }
                    None => {
                        found.insert(source, candidate);
                    }
                }
            }
            let mut found: Vec<Best> = found.into_values().collect();
            found.sort_unstable_by_key(|b| b.source);
            found
        })
        .collect();
    let best_in = |x: usize, source: u32| -> Option<&Best> {
        let row = &best[x];
        row.binary_search_by_key(&source, |b| b.source).ok().map(|k| &row[k])
    };
    let mut mutual: Vec<(usize, usize, f64, u32)> = Vec::new();
    for (x, row) in best.iter().enumerate() {
        for b in row {
            let y = b.claim as usize;
            if y <= x
                || b.score < floor
                || linked.contains(&(x as u32, y as u32))
                || best_in(y, source_of[x]).is_none_or(|back| back.claim as usize != x)
            {
                continue;
            }
            mutual.push((x, y, b.score, b.anchor));
        }
    }
    // No claim of the other source may score higher with either claim: the anchor only admits
    // a pair that competitive linking by score alone would also pick.
    let top = |x: usize, s: f64, source: u32| {
        by_source[source as usize].iter().all(|&c| c as usize == x || score(x, c as usize) <= s)
    };
    let mut out: Vec<(usize, usize, String)> = mutual
        .par_iter()
        .filter(|&&(x, y, s, _)| top(x, s, source_of[y]) && top(y, s, source_of[x]))
        .map(|&(x, y, _, anchor)| (x, y, names[anchor as usize].to_string()))
        .collect();
    out.sort();
    out
}

/// The score of a typical pair of the run's claims from different sources: the median over a
/// fixed sample of at most 4,096 cross-source pairs (0 when there is none). Two claims of one
/// source that score below it are less alike than unrelated claims usually are.
///
/// The sample depends only on the claims' order, which the caller fixes (by id).
///
/// **Complexity**: at most 4,096 calls to `score`.
pub fn typical_score(claims: &[Claim], score: impl Fn(usize, usize) -> f64) -> f64 {
    const SAMPLE: usize = 4096;
    let n = claims.len();
    let mut scores = Vec::new();
    if n >= 2 {
        // Two strides coprime with most run sizes walk the pairs in a spread-out fixed order.
        for k in 0..SAMPLE * 2 {
            let i = (k * 7919) % n;
            let j = (k * 104_729 + 1 + k / n) % n;
            if i != j && claims[i].source != claims[j].source {
                scores.push(score(i, j));
                if scores.len() == SAMPLE {
                    break;
                }
            }
        }
    }
    if scores.is_empty() {
        return 0.0;
    }
    scores.sort_by(f64::total_cmp);
    scores[scores.len() / 2]
}

/// Components larger than this are grouped from their links alone (see [`group_facts`]).
pub const DENSE_COMPONENT_LIMIT: usize = 200;

/// Groups claims into facts: average-link agglomerative clustering over the links.
///
/// Arguments: the run's `claims`, its above-threshold `links` (indices into `claims`), the link
/// `threshold`, and `score(i, j)`, the (symmetric) score of any two claims.
///
/// Returns the groups, each a sorted list of claim indices; every claim is in exactly one group, and
/// groups are ordered by their first claim.
///
/// # How
/// Each claim starts as its own group. Repeatedly, the two groups with the highest *average link*
/// are merged, where the average link of two groups is the mean score over every pair of claims
/// from different sources, one in each group, and only groups joined by at least one link are
/// candidates. A merge happens only when that mean is at least `threshold` — every member of the
/// merged fact is, on average, tied to the rest as strongly as a link requires — and, when the merge
/// puts two claims of one source together (a lead and a later quote), when the mean score over
/// those same-source pairs is at least `cohesion`: the two must be more alike than unrelated
/// claims are (the caller passes the run's [`typical_score`]), so one claim that matches two
/// unrelated claims of another source does not glue them into one fact. So a chain of links `x – y – z` where
/// `x` and `z` are unrelated does not make one fact: after `{x, y}`, adding `z` needs the mean of
/// `score(x, z)` and `score(y, z)` to reach the threshold (single linkage would merge them).
/// Ties are broken by the lowest claim indices, so the result depends only on the claims' order,
/// which the caller fixes (by id).
///
/// Connected components (by links) are clustered separately. In a component of more than
/// [`DENSE_COMPONENT_LIMIT`] claims, unlinked pairs count as score 0 and are not scored, and the
/// same-source check is skipped: a stricter, sparse approximation that keeps the cost near-linear in
/// the links.
///
/// **Complexity**: O(m² log m) time and O(m²) calls to `score` for a component of m ≤
/// [`DENSE_COMPONENT_LIMIT`] claims; O(e log e) for larger ones with e links (times the size of the
/// merged neighbourhoods). Average linkage is UPGMA (Sokal and Michener, 1958).
///
/// The report groups the same way, except that a link between two claims that tell different
/// things (no verb of one said by the other, and one of them telling nothing the other shares)
/// counts as no link with score 0: such claims stay related, not one fact.
pub fn group_facts(
    claims: &[Claim],
    links: &[Link],
    threshold: f64,
    cohesion: f64,
    score: impl Fn(usize, usize) -> f64,
) -> Vec<Vec<usize>> {
    group_facts_apart(claims, links, threshold, cohesion, score, |_, _| false)
}

/// [`group_facts`], where a link between claims that `apart(a, b)` (`a < b`) keeps apart (they
/// tell two different things about one happening, [`crate::reconcile::predicate`]) counts as no
/// link, with score 0: two such claims alone never make a fact, and inside larger clusters the
/// pair pulls the average down as an unrelated pair would. Only linked pairs are asked.
pub(crate) fn group_facts_apart(
    claims: &[Claim],
    links: &[Link],
    threshold: f64,
    cohesion: f64,
    score: impl Fn(usize, usize) -> f64,
    apart: impl Fn(usize, usize) -> bool,
) -> Vec<Vec<usize>> {
    let n = claims.len();
    let mut uf = UnionFind::new(n);
    for link in links {
        uf.union(link.a, link.b);
    }
    let mut components: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        components.entry(uf.find(i)).or_default().push(i);
    }
    let mut link_scores: HashMap<(usize, usize), LinkEntry> = HashMap::with_capacity(links.len());
    for link in links {
        let key = (link.a.min(link.b), link.a.max(link.b));
        let entry = match apart(key.0, key.1) {
            true => (0.0, false),
            false => (link.score.value, true),
        };
        link_scores.insert(key, entry);
    }
    // Sources as small integers, for counting same-source pairs.
    let mut source_ix: HashMap<&str, usize> = HashMap::new();
    let source_of: Vec<usize> = claims
        .iter()
        .map(|c| {
            let next = source_ix.len();
            *source_ix.entry(c.source.as_str()).or_insert(next)
        })
        .collect();

    let mut groups = Vec::new();
    for members in components.into_values() {
        if members.len() == 1 {
            groups.push(members);
            continue;
        }
        let dense = members.len() <= DENSE_COMPONENT_LIMIT;
        let bars = Bars { threshold, cohesion, dense };
        groups.extend(cluster(&members, &source_of, &link_scores, bars, &score));
    }
    for g in &mut groups {
        g.sort_unstable();
    }
    groups.sort_unstable_by_key(|g| g[0]);
    groups
}

/// A linked pair's score for grouping, and whether it counts as a link (not when kept apart).
type LinkEntry = (f64, bool);

/// Sums of pair scores between two clusters, split by whether the pair is of one source.
#[derive(Clone, Copy, Debug, Default)]
struct PairStat {
    cross_sum: f64,
    same_sum: f64,
    linked: bool,
}

impl PairStat {
    fn add(&mut self, other: &PairStat) {
        self.cross_sum += other.cross_sum;
        self.same_sum += other.same_sum;
        self.linked |= other.linked;
    }
}

/// A candidate merge in the heap; `versions` tell stale entries apart.
#[derive(Debug)]
struct Candidate {
    average: f64,
    a: usize,
    b: usize,
    versions: (u32, u32),
}

impl PartialEq for Candidate {
    fn eq(&self, other: &Candidate) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Candidate {}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Candidate) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Candidate {
    /// Highest average first; among equals, the lowest cluster ids first.
    fn cmp(&self, other: &Candidate) -> Ordering {
        self.average
            .total_cmp(&other.average)
            .then_with(|| other.a.cmp(&self.a))
            .then_with(|| other.b.cmp(&self.b))
    }
}

struct Cluster {
    members: Vec<usize>,
    /// Members per source.
    per_source: BTreeMap<usize, usize>,
    /// Pair statistics with every other live cluster it has a (scored) pair with.
    stats: BTreeMap<usize, PairStat>,
    version: u32,
    alive: bool,
}

/// Average-link clustering of one connected component; returns groups of claim indices.
fn cluster(
    members: &[usize],
    source_of: &[usize],
    link_scores: &HashMap<(usize, usize), LinkEntry>,
    bars: Bars,
    score: &impl Fn(usize, usize) -> f64,
) -> Vec<Vec<usize>> {
    let dense = bars.dense;
    let m = members.len();
    let mut clusters: Vec<Cluster> = members
        .iter()
        .map(|&i| Cluster {
            members: vec![i],
            per_source: BTreeMap::from([(source_of[i], 1)]),
            stats: BTreeMap::new(),
            version: 0,
            alive: true,
        })
        .collect();
    let local: HashMap<usize, usize> = members.iter().enumerate().map(|(l, &g)| (g, l)).collect();
    let pair = |x: usize, y: usize, s: f64, linked: bool, clusters: &mut Vec<Cluster>| {
        let same = source_of[members[x]] == source_of[members[y]];
        let stat = PairStat {
            cross_sum: if same { 0.0 } else { s },
            same_sum: if same { s } else { 0.0 },
            linked,
        };
        clusters[x].stats.insert(y, stat);
        clusters[y].stats.insert(x, stat);
    };
    if dense {
        for x in 0..m {
            for y in x + 1..m {
                let (gx, gy) = (members[x], members[y]);
                let key = (gx.min(gy), gx.max(gy));
                match link_scores.get(&key) {
                    Some(&(s, linked)) => pair(x, y, s, linked, &mut clusters),
                    None => pair(x, y, score(gx, gy), false, &mut clusters),
                }
            }
        }
    } else {
        let mut keys: Vec<(&(usize, usize), &LinkEntry)> = link_scores
            .iter()
            .filter(|((a, b), _)| local.contains_key(a) && local.contains_key(b))
            .collect();
        keys.sort_by_key(|(k, _)| **k);
        for (&(a, b), &(s, linked)) in keys {
            pair(local[&a], local[&b], s, linked, &mut clusters);
        }
    }

    let mut heap = BinaryHeap::new();
    for x in 0..m {
        for (&y, stat) in clusters[x].stats.range(x + 1..) {
            if let Some(average) = eligible(&clusters[x], &clusters[y], stat, bars) {
                heap.push(Candidate { average, a: x, b: y, versions: (0, 0) });
            }
        }
    }
    while let Some(c) = heap.pop() {
        let (x, y) = (c.a, c.b);
        if !clusters[x].alive
            || !clusters[y].alive
            || (clusters[x].version, clusters[y].version) != c.versions
        {
            continue;
        }
        // Merge y into x (x < y, so the surviving id is the lower one).
        let y_cluster = std::mem::replace(
            &mut clusters[y],
            Cluster {
                members: Vec::new(),
                per_source: BTreeMap::new(),
                stats: BTreeMap::new(),
                version: 0,
                alive: false,
            },
        );
        clusters[x].stats.remove(&y);
        for (&k, stat) in &y_cluster.stats {
            if k == x {
                continue;
            }
            clusters[x].stats.entry(k).or_default().add(stat);
            clusters[k].stats.remove(&y);
        }
        clusters[x].members.extend(y_cluster.members);
        for (s, count) in y_cluster.per_source {
            *clusters[x].per_source.entry(s).or_default() += count;
        }
        clusters[x].version += 1;
        let merged: Vec<(usize, PairStat)> =
            clusters[x].stats.iter().map(|(&k, s)| (k, *s)).collect();
        for (k, stat) in merged {
            clusters[k].stats.insert(x, stat);
            let (a, b) = (x.min(k), x.max(k));
            if let Some(average) = eligible(&clusters[a], &clusters[b], &stat, bars) {
                let versions = (clusters[a].version, clusters[b].version);
                heap.push(Candidate { average, a, b, versions });
            }
        }
    }
    clusters.into_iter().filter(|c| c.alive).map(|c| c.members).collect()
}

/// The average cross-source link of two clusters when they may merge, else `None`.
/// What a merge must reach.
#[derive(Clone, Copy, Debug)]
struct Bars {
    threshold: f64,
    cohesion: f64,
    dense: bool,
}

fn eligible(x: &Cluster, y: &Cluster, stat: &PairStat, bars: Bars) -> Option<f64> {
    let Bars { threshold, cohesion, dense } = bars;
    if !stat.linked {
        return None;
    }
    let same_pairs: usize =
        x.per_source.iter().map(|(s, n)| n * y.per_source.get(s).copied().unwrap_or(0)).sum();
    let all_pairs = x.members.len() * y.members.len();
    let cross_pairs = all_pairs - same_pairs;
    if cross_pairs == 0 {
        return None;
    }
    let average = stat.cross_sum / cross_pairs as f64;
    if average < threshold {
        return None;
    }
    if dense && same_pairs > 0 && stat.same_sum / (same_pairs as f64) < cohesion {
        return None;
    }
    Some(average)
}

/// Disjoint sets over `0..n`, with path halving.
struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind { parent: (0..n).collect() }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // The lower root wins, so roots do not depend on the order of links.
            let (lo, hi) = (ra.min(rb), ra.max(rb));
            self.parent[hi] = lo;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::Score;
    use crate::model::SourceId;

    fn claims(sources: &[&str]) -> Vec<Claim> {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        sources
            .iter()
            .map(|s| {
                let n = counts.entry(s).or_default();
                *n += 1;
                Claim::new(SourceId::new(*s), *n - 1, 0, format!("claim {s}{n}"))
            })
            .collect()
    }

    /// Links and a score function from a table of pair scores (unlisted pairs score 0.05).
    fn setup(
        table: &[(usize, usize, f64)],
        threshold: f64,
    ) -> (Vec<Link>, impl Fn(usize, usize) -> f64) {
        let map: HashMap<(usize, usize), f64> =
            table.iter().map(|&(a, b, s)| ((a.min(b), a.max(b)), s)).collect();
        let links = table
            .iter()
            .filter(|t| t.2 >= threshold)
            .map(|&(a, b, s)| Link { a, b, score: Score { value: s, breakdown: Vec::new() } })
            .collect();
        (links, move |a: usize, b: usize| *map.get(&(a.min(b), a.max(b))).unwrap_or(&0.05))
    }

    #[test]
    fn a_chain_of_links_does_not_merge_distinct_facts() {
        // x(a) – y(b) strong, y(b) – z(c) just above the threshold, x – z unrelated.
        let cs = claims(&["a", "b", "c"]);
        let (links, score) = setup(&[(0, 1, 0.9), (1, 2, 0.55), (0, 2, 0.1)], 0.5);
        let groups = group_facts(&cs, &links, 0.5, 0.25, score);
        assert_eq!(groups, vec![vec![0, 1], vec![2]]);
    }

    #[test]
    fn claims_kept_apart_are_no_fact_alone_and_weigh_as_unrelated_in_a_larger_one() {
        let cs = claims(&["a", "b"]);
        let (links, score) = setup(&[(0, 1, 0.9)], 0.5);
        let groups = group_facts_apart(&cs, &links, 0.5, 0.25, &score, |_, _| true);
        assert_eq!(groups, vec![vec![0], vec![1]]);
        assert_eq!(group_facts(&cs, &links, 0.5, 0.25, score), vec![vec![0, 1]]);
        // Four sources that agree strongly, one of whose pairs is apart: the average still holds.
        let cs = claims(&["a", "b", "c", "d"]);
        let table = [(0, 1, 0.9), (0, 2, 0.9), (0, 3, 0.9), (1, 2, 0.9), (1, 3, 0.9), (2, 3, 0.9)];
        let (links, score) = setup(&table, 0.5);
        let groups = group_facts_apart(&cs, &links, 0.5, 0.25, score, |a, b| (a, b) == (2, 3));
        assert_eq!(groups, vec![vec![0, 1, 2, 3]]);
    }

    #[test]
    fn a_clique_of_sources_is_one_fact() {
        let cs = claims(&["a", "b", "c"]);
        let (links, score) = setup(&[(0, 1, 0.8), (1, 2, 0.6), (0, 2, 0.7)], 0.5);
        assert_eq!(group_facts(&cs, &links, 0.5, 0.25, score), vec![vec![0, 1, 2]]);
    }

    #[test]
    fn a_fact_stated_twice_by_one_source_is_one_fact() {
        // a0 (lead) and a1 (quote) both match b0; they are loosely alike themselves.
        let cs = claims(&["a", "a", "b"]);
        let (links, score) = setup(&[(0, 2, 0.7), (1, 2, 0.8), (0, 1, 0.4)], 0.5);
        assert_eq!(group_facts(&cs, &links, 0.5, 0.25, score), vec![vec![0, 1, 2]]);
        // Two unrelated claims of one source are not glued together by one claim that matches both.
        let (links, score) = setup(&[(0, 2, 0.7), (1, 2, 0.8), (0, 1, 0.0)], 0.5);
        assert_eq!(group_facts(&cs, &links, 0.5, 0.25, score), vec![vec![0], vec![1, 2]]);
    }

    #[test]
    fn every_claim_is_in_exactly_one_group_and_results_are_deterministic() {
        let cs = claims(&["a", "b", "c", "a", "b", "c", "d"]);
        let table = [(0, 1, 0.9), (1, 2, 0.6), (2, 3, 0.7), (3, 4, 0.8), (4, 5, 0.5), (0, 5, 0.9)];
        let (links, score) = setup(&table, 0.5);
        let groups = group_facts(&cs, &links, 0.5, 0.25, &score);
        let mut all: Vec<usize> = groups.iter().flatten().copied().collect();
        all.sort_unstable();
        assert_eq!(all, (0..cs.len()).collect::<Vec<_>>());
        let mut reversed = links.clone();
        reversed.reverse();
        assert_eq!(group_facts(&cs, &reversed, 0.5, 0.25, &score), groups);
    }

    #[test]
    fn sparse_components_are_grouped_from_links() {
        // A long chain over two sources, beyond the dense limit: only adjacent pairs are linked,
        // so pairs merge but the chain never becomes one fact.
        let n = DENSE_COMPONENT_LIMIT + 20;
        let sources: Vec<&str> = (0..n).map(|i| if i % 2 == 0 { "a" } else { "b" }).collect();
        let cs = claims(&sources);
        let table: Vec<(usize, usize, f64)> = (0..n - 1).map(|i| (i, i + 1, 0.9)).collect();
        let (links, score) = setup(&table, 0.5);
        let groups = group_facts(&cs, &links, 0.5, 0.25, score);
        assert!(groups.iter().all(|g| g.len() <= 3), "{:?}", groups.iter().map(Vec::len).max());
        assert_eq!(groups.iter().map(Vec::len).sum::<usize>(), n);
    }

    #[test]
    fn anchor_links_need_a_specific_anchor_and_a_mutual_best_match() {
        use crate::model::Entity;
        let mut cs = claims(&["a", "a", "b", "b", "b"]);
        let name = |c: &mut Claim, n: &str| {
            c.entities.push(Entity {
                canonical: n.into(),
                surface: n.into(),
                start: 0,
                end: n.len(),
                kind: Default::default(),
            })
        };
        name(&mut cs[0], "Istanbul");
        name(&mut cs[2], "Istanbul");
        name(&mut cs[1], "Geneva");
        name(&mut cs[3], "Geneva");
        name(&mut cs[4], "Geneva");
        let table = [(0, 2, 0.2), (0, 3, 0.1), (1, 3, 0.3), (1, 4, 0.25), (0, 4, 0.01)];
        let (links, score) = setup(&table, 0.5);
        assert!(links.is_empty());
        // a0 ~ b0 share Istanbul, named once per source, and are each other's best: linked.
        // Geneva is named twice in b: not specific.
        assert_eq!(
            anchor_links(&cs, &links, 0.05, 100, 0.0, &score),
            vec![(0, 2, "Istanbul".to_string())]
        );
        // Below the floor: not linked.
        assert!(anchor_links(&cs, &links, 0.25, 100, 0.0, &score).is_empty());
        // Not a mutual best match: b0 shares more specific anchors with a1.
        let mut cs2 = cs.clone();
        name(&mut cs2[1], "Istanbul");
        name(&mut cs2[1], "Kessmark");
        name(&mut cs2[2], "Kessmark");
        name(&mut cs2[0], "Kessmark");
        // Now Istanbul and Kessmark are named twice in a: nothing specific is left to share.
        assert!(anchor_links(&cs2, &links, 0.05, 100, 0.0, &score).is_empty());
        let mut cs3 = cs.clone();
        name(&mut cs3[1], "Kessmark");
        name(&mut cs3[2], "Kessmark");
        name(&mut cs3[1], "Osterholm");
        name(&mut cs3[2], "Osterholm");
        // b0 shares two specific anchors with a1, one with a0, and scores alike with both: a1
        // is its best match.
        let table = [(0, 2, 0.2), (1, 2, 0.2), (0, 3, 0.1), (1, 3, 0.15), (1, 4, 0.05)];
        let (links3, score3) = setup(&table, 0.5);
        assert_eq!(
            anchor_links(&cs3, &links3, 0.05, 100, 0.0, &score3),
            vec![(1, 2, "Kessmark".to_string())]
        );
        // A claim of b scoring higher with a1 than b0 does: no anchor link for a1.
        let table = [(0, 2, 0.2), (1, 2, 0.2), (0, 3, 0.1), (1, 3, 0.3), (1, 4, 0.05)];
        let (links4, score4) = setup(&table, 0.5);
        assert!(anchor_links(&cs3, &links4, 0.05, 100, 0.0, &score4).is_empty());
    }

    #[test]
    fn an_anchor_named_by_more_sources_than_the_cap_links_nothing() {
        let mut cs = claims(&["a", "b", "c"]);
        for c in &mut cs {
            c.entities.push(crate::model::Entity {
                canonical: "Kessmark".into(),
                surface: "Kessmark".into(),
                start: 0,
                end: 8,
                kind: Default::default(),
            });
        }
        let score = |_: usize, _: usize| 0.3;
        assert_eq!(
            anchor_links(&cs, &[], 0.05, 3, 0.0, score).len(),
            3,
            "a clique of three sources"
        );
        assert!(anchor_links(&cs, &[], 0.05, 2, 0.0, score).is_empty());
        // Sources with no link between them tell other stories: no anchor link.
        assert!(anchor_links(&cs, &[], 0.05, 3, 0.2, score).is_empty());
    }

    /// [`anchor_links`] as its documentation defines it, pair by pair, with no index.
    fn anchor_links_by_definition(
        claims: &[Claim],
        links: &[Link],
        floor: f64,
        max_sources: usize,
        min_overlap: f64,
        score: impl Fn(usize, usize) -> f64,
    ) -> Vec<(usize, usize, String)> {
        let anchors: Vec<BTreeSet<String>> = claims.iter().map(claim_anchors).collect();
        let named = |i: usize, a: &str| {
            (0..claims.len())
                .filter(|&j| claims[j].source == claims[i].source && anchors[j].contains(a))
                .count()
        };
        let specific = |i: usize| -> BTreeSet<String> {
            anchors[i]
                .iter()
                .filter(|a| named(i, a) == 1)
                .filter(|a| {
                    let sources: BTreeSet<&str> = (0..claims.len())
                        .filter(|&j| anchors[j].contains(*a) && named(j, a) == 1)
                        .map(|j| claims[j].source.as_str())
                        .collect();
                    sources.len() <= max_sources
                })
                .cloned()
                .collect()
        };
        let best = |x: usize, source: &str| -> Option<usize> {
            let mut best: Option<(usize, f64, usize)> = None;
            for c in (0..claims.len()).filter(|&c| claims[c].source.as_str() == source) {
                let n = specific(x).intersection(&specific(c)).count();
                let s = score(x, c);
                if n > 0 && best.is_none_or(|(bn, bs, _)| (n, s) > (bn, bs)) {
                    best = Some((n, s, c));
                }
            }
            best.map(|b| b.2)
        };
        let of = |source: &str| -> Vec<usize> {
            (0..claims.len()).filter(|&c| claims[c].source.as_str() == source).collect()
        };
        let top = |x: usize, y: usize| {
            of(claims[y].source.as_str()).into_iter().all(|c| score(x, c) <= score(x, y))
        };
        let reaching = |a: &str, b: &str| {
            of(a)
                .into_iter()
                .filter(|&x| {
                    links.iter().any(|l| {
                        (l.a == x && claims[l.b].source.as_str() == b)
                            || (l.b == x && claims[l.a].source.as_str() == b)
                    })
                })
                .count()
        };
        let overlap = |a: &str, b: &str| {
            (reaching(a, b) + reaching(b, a)) as f64 / (of(a).len() + of(b).len()) as f64
        };
        let mut out = Vec::new();
        for x in 0..claims.len() {
            for y in x + 1..claims.len() {
                let shared: Vec<String> = specific(x).intersection(&specific(y)).cloned().collect();
                if claims[x].source == claims[y].source
                    || shared.is_empty()
                    || links.iter().any(|l| (l.a.min(l.b), l.a.max(l.b)) == (x, y))
                    || score(x, y) < floor
                    || best(x, claims[y].source.as_str()) != Some(y)
                    || best(y, claims[x].source.as_str()) != Some(x)
                    || !top(x, y)
                    || !top(y, x)
                    || overlap(claims[x].source.as_str(), claims[y].source.as_str()) < min_overlap
                {
                    continue;
                }
                out.push((x, y, shared[0].clone()));
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn anchor_links_follow_their_definition(
            naming in proptest::collection::vec((0usize..4, proptest::collection::vec(0usize..4, 0..3)), 2..14),
            scores in proptest::collection::vec(0u8..10, 196),
            max_sources in 1usize..5,
            min_overlap in proptest::sample::select(vec![0.0, 0.2, 0.5]),
            linked in proptest::collection::vec((0usize..14, 0usize..14), 0..4),
        ) {
            let sources = ["a", "b", "c", "d"];
            let mut cs = claims(&naming.iter().map(|(s, _)| sources[*s]).collect::<Vec<_>>());
            for (c, (_, names)) in cs.iter_mut().zip(&naming) {
                for &k in names {
                    let name = ["Istanbul", "Geneva", "Kessmark", "Osterholm"][k];
                    c.entities.push(crate::model::Entity {
                        canonical: name.into(),
                        surface: name.into(),
                        start: 0,
                        end: name.len(),
                        kind: Default::default(),
                    });
                }
            }
            let n = cs.len();
            // A symmetric score table with ties (ten levels).
            let score = |i: usize, j: usize| f64::from(scores[i.min(j) * 14 + i.max(j)]) / 10.0;
            let links: Vec<Link> = linked
                .iter()
                .filter(|(a, b)| a < b && *b < n)
                .map(|&(a, b)| Link { a, b, score: Score { value: 0.9, breakdown: Vec::new() } })
                .collect();
            proptest::prop_assert_eq!(
                anchor_links(&cs, &links, 0.2, max_sources, min_overlap, score),
                anchor_links_by_definition(&cs, &links, 0.2, max_sources, min_overlap, score)
            );
        }
    }

    #[test]
    fn graph_ids_are_claim_ids() {
        let cs = claims(&["a", "b"]);
        let mut graph = AgreementGraph::new(cs.iter().map(|c| &c.id));
        let edge = Edge {
            kind: EdgeKind::Agrees,
            score: Score { value: 0.7, breakdown: Vec::new() },
            anchor: None,
        };
        assert!(graph.link(&cs[1].id, &cs[0].id, edge));
        assert_eq!(graph.edge_count(), 1);
        let (a, b, e) = graph.edges().next().unwrap();
        assert_eq!(
            (a.to_string(), b.to_string(), e.kind),
            ("a:0".into(), "b:0".into(), EdgeKind::Agrees)
        );
        assert!(graph.edge(&cs[0].id, &cs[1].id).is_some());
        assert_eq!(graph.neighbors(&cs[0].id)[0].0, &cs[1].id);
        assert!(!graph.link(
            &cs[0].id,
            &ClaimId::new(SourceId::new("z"), 0),
            graph.edge(&cs[0].id, &cs[1].id).unwrap().clone()
        ));
    }
}
