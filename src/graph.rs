//! The agreement graph, and how its claims are grouped into facts.
//!
//! Useful for: walking the claims of a run and the scored, typed links between them
//! ([`AgreementGraph`]), and grouping linked claims into facts ([`group_facts`]). Not useful for:
//! scoring pairs ([`crate::align`]) or saying how linked claims differ ([`crate::diff`]).
//!
//! *Invariant*: the graph knows nothing of text formats; its public ids are [`ClaimId`]s, never
//! petgraph node indices.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap, HashMap};

use petgraph::stable_graph::{NodeIndex, StableUnGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use serde::{Deserialize, Serialize};

use crate::align::{Link, Score};
use crate::model::{Claim, ClaimId};

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
/// use corroborate::graph::GroupConfig;
/// let config = GroupConfig::default();
/// assert!(config.anchor_links);
/// assert_eq!(config.anchor_floor, 0.1);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GroupConfig {
    /// Whether claims are also linked by [`anchor_links`]. Default `true`.
    pub anchor_links: bool,
    /// An anchor link needs a score of at least the link threshold times this. Default `0.1`.
    pub anchor_floor: f64,
}

impl Default for GroupConfig {
    fn default() -> GroupConfig {
        GroupConfig { anchor_links: true, anchor_floor: 0.1 }
    }
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
///   or about a 30-day truce);
/// - each is the other's best match in the other's source among the claims sharing a specific
///   anchor with it: the one sharing the most specific anchors, then scoring highest (a mutual
///   best match, as in competitive linking for record linkage; shared arguments — places, people,
///   amounts — are the classic evidence that two mentions tell one event);
/// - their score is at least `floor`.
///
/// Returns `(a, b, anchor)` with `a < b`, sorted, the anchor being the first shared one in sorted
/// order.
///
/// **Complexity**: O(k · m) calls to `score`, for k candidate pairs (claims sharing an anchor
/// named once per source: few) and sources of at most m claims.
pub fn anchor_links(
    claims: &[Claim],
    links: &[Link],
    floor: f64,
    score: impl Fn(usize, usize) -> f64,
) -> Vec<(usize, usize, String)> {
    let anchors: Vec<BTreeSet<String>> = claims.iter().map(claim_anchors).collect();
    let mut per_source: HashMap<(&str, &str), usize> = HashMap::new();
    let mut by_anchor: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut by_source: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, set) in anchors.iter().enumerate() {
        let source = claims[i].source.as_str();
        by_source.entry(source).or_default().push(i);
        for anchor in set {
            *per_source.entry((source, anchor.as_str())).or_default() += 1;
            by_anchor.entry(anchor.as_str()).or_default().push(i);
        }
    }
    let linked: std::collections::HashSet<(usize, usize)> =
        links.iter().map(|l| (l.a.min(l.b), l.a.max(l.b))).collect();
    // The specific anchors of each claim: those named once in its source.
    let specific: Vec<BTreeSet<&str>> = anchors
        .iter()
        .enumerate()
        .map(|(i, set)| {
            let source = claims[i].source.as_str();
            set.iter().map(String::as_str).filter(|a| per_source[&(source, *a)] == 1).collect()
        })
        .collect();
    let shared_count = |x: usize, y: usize| specific[x].intersection(&specific[y]).count();
    let mut best_cache: HashMap<(usize, String), Option<usize>> = HashMap::new();
    // Among the claims of `source` sharing a specific anchor with `i`, the one sharing the most,
    // then scoring highest (then the lowest index).
    let mut best_in = |i: usize, source: &str| -> Option<usize> {
        if let Some(&b) = best_cache.get(&(i, source.to_string())) {
            return b;
        }
        let mut best: Option<(usize, f64, usize)> = None;
        for &c in by_source.get(source).map(Vec::as_slice).unwrap_or(&[]) {
            let n = shared_count(i, c);
            if n == 0 {
                continue;
            }
            let s = score(i, c);
            if best
                .is_none_or(|(bn, bs, _)| (n, s).partial_cmp(&(bn, bs)) == Some(Ordering::Greater))
            {
                best = Some((n, s, c));
            }
        }
        let found = best.map(|(_, _, c)| c);
        best_cache.insert((i, source.to_string()), found);
        found
    };
    let mut out: BTreeMap<(usize, usize), String> = BTreeMap::new();
    for (anchor, members) in &by_anchor {
        for (k, &x) in members.iter().enumerate() {
            for &y in &members[k + 1..] {
                let (sx, sy) = (claims[x].source.as_str(), claims[y].source.as_str());
                let key = (x.min(y), x.max(y));
                if sx == sy
                    || per_source[&(sx, *anchor)] != 1
                    || per_source[&(sy, *anchor)] != 1
                    || linked.contains(&key)
                    || out.contains_key(&key)
                    || score(x, y) < floor
                {
                    continue;
                }
                if best_in(x, sy) == Some(y) && best_in(y, sx) == Some(x) {
                    out.insert(key, (*anchor).to_string());
                }
            }
        }
    }
    out.into_iter().map(|((a, b), anchor)| (a, b, anchor)).collect()
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
/// those same-source pairs is at least half the threshold. So a chain of links `x – y – z` where
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
pub fn group_facts(
    claims: &[Claim],
    links: &[Link],
    threshold: f64,
    score: impl Fn(usize, usize) -> f64,
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
    let mut link_scores: HashMap<(usize, usize), f64> = HashMap::with_capacity(links.len());
    for link in links {
        let key = (link.a.min(link.b), link.a.max(link.b));
        link_scores.insert(key, link.score.value);
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
        groups.extend(cluster(&members, &source_of, &link_scores, threshold, dense, &score));
    }
    for g in &mut groups {
        g.sort_unstable();
    }
    groups.sort_unstable_by_key(|g| g[0]);
    groups
}

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
    link_scores: &HashMap<(usize, usize), f64>,
    threshold: f64,
    dense: bool,
    score: &impl Fn(usize, usize) -> f64,
) -> Vec<Vec<usize>> {
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
                    Some(&s) => pair(x, y, s, true, &mut clusters),
                    None => pair(x, y, score(gx, gy), false, &mut clusters),
                }
            }
        }
    } else {
        let mut keys: Vec<(&(usize, usize), &f64)> = link_scores
            .iter()
            .filter(|((a, b), _)| local.contains_key(a) && local.contains_key(b))
            .collect();
        keys.sort_by_key(|(k, _)| **k);
        for (&(a, b), &s) in keys {
            pair(local[&a], local[&b], s, true, &mut clusters);
        }
    }

    let mut heap = BinaryHeap::new();
    for x in 0..m {
        for (&y, stat) in clusters[x].stats.range(x + 1..) {
            if let Some(average) = eligible(&clusters[x], &clusters[y], stat, threshold, dense) {
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
            if let Some(average) = eligible(&clusters[a], &clusters[b], &stat, threshold, dense) {
                let versions = (clusters[a].version, clusters[b].version);
                heap.push(Candidate { average, a, b, versions });
            }
        }
    }
    clusters.into_iter().filter(|c| c.alive).map(|c| c.members).collect()
}

/// The average cross-source link of two clusters when they may merge, else `None`.
fn eligible(x: &Cluster, y: &Cluster, stat: &PairStat, threshold: f64, dense: bool) -> Option<f64> {
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
    if dense && same_pairs > 0 && stat.same_sum / (same_pairs as f64) < threshold / 2.0 {
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
        let groups = group_facts(&cs, &links, 0.5, score);
        assert_eq!(groups, vec![vec![0, 1], vec![2]]);
    }

    #[test]
    fn a_clique_of_sources_is_one_fact() {
        let cs = claims(&["a", "b", "c"]);
        let (links, score) = setup(&[(0, 1, 0.8), (1, 2, 0.6), (0, 2, 0.7)], 0.5);
        assert_eq!(group_facts(&cs, &links, 0.5, score), vec![vec![0, 1, 2]]);
    }

    #[test]
    fn a_fact_stated_twice_by_one_source_is_one_fact() {
        // a0 (lead) and a1 (quote) both match b0; they are loosely alike themselves.
        let cs = claims(&["a", "a", "b"]);
        let (links, score) = setup(&[(0, 2, 0.7), (1, 2, 0.8), (0, 1, 0.4)], 0.5);
        assert_eq!(group_facts(&cs, &links, 0.5, score), vec![vec![0, 1, 2]]);
        // Two unrelated claims of one source are not glued together by one claim that matches both.
        let (links, score) = setup(&[(0, 2, 0.7), (1, 2, 0.8), (0, 1, 0.0)], 0.5);
        assert_eq!(group_facts(&cs, &links, 0.5, score), vec![vec![0], vec![1, 2]]);
    }

    #[test]
    fn every_claim_is_in_exactly_one_group_and_results_are_deterministic() {
        let cs = claims(&["a", "b", "c", "a", "b", "c", "d"]);
        let table = [(0, 1, 0.9), (1, 2, 0.6), (2, 3, 0.7), (3, 4, 0.8), (4, 5, 0.5), (0, 5, 0.9)];
        let (links, score) = setup(&table, 0.5);
        let groups = group_facts(&cs, &links, 0.5, &score);
        let mut all: Vec<usize> = groups.iter().flatten().copied().collect();
        all.sort_unstable();
        assert_eq!(all, (0..cs.len()).collect::<Vec<_>>());
        let mut reversed = links.clone();
        reversed.reverse();
        assert_eq!(group_facts(&cs, &reversed, 0.5, &score), groups);
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
        let groups = group_facts(&cs, &links, 0.5, score);
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
        assert_eq!(anchor_links(&cs, &links, 0.05, &score), vec![(0, 2, "Istanbul".to_string())]);
        // Below the floor: not linked.
        assert!(anchor_links(&cs, &links, 0.25, &score).is_empty());
        // Not a mutual best match: b0 shares more specific anchors with a1.
        let mut cs2 = cs.clone();
        name(&mut cs2[1], "Istanbul");
        name(&mut cs2[1], "Kessmark");
        name(&mut cs2[2], "Kessmark");
        name(&mut cs2[0], "Kessmark");
        // Now Istanbul and Kessmark are named twice in a: nothing specific is left to share.
        assert!(anchor_links(&cs2, &links, 0.05, &score).is_empty());
        let mut cs3 = cs.clone();
        name(&mut cs3[1], "Kessmark");
        name(&mut cs3[2], "Kessmark");
        name(&mut cs3[1], "Osterholm");
        name(&mut cs3[2], "Osterholm");
        // b0 shares two specific anchors with a1, one with a0: a1 is its best match.
        assert_eq!(anchor_links(&cs3, &links, 0.05, &score).len(), 1);
        assert_eq!(anchor_links(&cs3, &links, 0.05, &score)[0].0, 1);
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
