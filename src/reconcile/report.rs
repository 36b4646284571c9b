//! The report: sources, claims, facts, the differences between sources, and the agreement graph.
//!
//! Useful for: reading what a run found ([`Reconciliation`]), asking why two claims were or were not
//! aligned ([`Reconciliation::explain`]). Renderings are in [`crate::render`]; the JSON schema is
//! documented there.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::align::{self, AlignConfig, Score, Scorer};
use crate::model::{Claim, ClaimId, Modality, Polarity, Skipped, SourceId};
pub use crate::reconcile::diff::DifferenceKind;
use crate::reconcile::diff::{self, DiffConfig, Differ, PairDifference};
use crate::reconcile::graph::{
    self, AgreementGraph, Edge, EdgeKind, GroupConfig, group_facts_apart,
};
use crate::reconcile::stance::StanceArticle;
use crate::reconcile::story::{Story, StoryId, group_stories};
use crate::reconcile::{happening, predicate};

/// The id of a fact: `f0`, `f1`, … in order of first appearance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FactId(pub usize);

impl fmt::Display for FactId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "f{}", self.0)
    }
}

impl Serialize for FactId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for FactId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<FactId, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.strip_prefix('f')
            .and_then(|n| n.parse().ok())
            .map(FactId)
            .ok_or_else(|| serde::de::Error::custom(format!("fact id {s:?} is not `f<n>`")))
    }
}

impl FactId {
    /// The fact's number: `3` for `f3`.
    pub fn index(self) -> usize {
        self.0
    }
}

/// Whether a fact is backed by more than one source, and whether they agree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FactStatus {
    /// Two or more independent sources state it and agree (copies of one text count once).
    Corroborated,
    /// Only one source states it, or only copies of one text, and no other source differs from it.
    SingleSource,
    /// Its sources differ in a quantity, polarity, modality, attribution or time, or tell it in two
    /// accounts that cannot both be true; or a claim of another source, in another fact, differs
    /// from it (a denial, another length of one happening, a condition against a decision), even
    /// when only one source states it.
    Contested,
}

impl FactStatus {
    /// The snake_case name used in the JSON report.
    pub fn as_str(self) -> &'static str {
        match self {
            FactStatus::Corroborated => "corroborated",
            FactStatus::SingleSource => "single_source",
            FactStatus::Contested => "contested",
        }
    }
}

/// A group of claims that assert the same thing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Fact {
    /// `f{n}`.
    pub id: FactId,
    /// Its claims.
    pub claims: Vec<ClaimId>,
    /// The distinct sources of its claims.
    pub sources: Vec<SourceId>,
    /// Corroborated (two or more independent sources), single-source (one source, or only copies
    /// of one text) or contested.
    pub status: FactStatus,
    /// The story its sources report.
    pub story: StoryId,
    /// How many independent sources state it: copies of one text count once.
    pub independent_sources: usize,
}

/// One way in which the claims of a fact differ.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Difference {
    /// What differs.
    pub kind: DifferenceKind,
    /// The fact.
    pub fact: FactId,
    /// The claims that differ.
    pub claims: Vec<ClaimId>,
    /// One sentence saying what differs.
    pub summary: String,
}

/// One source as the report lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SourceSummary {
    /// The source id.
    pub id: SourceId,
    /// The title, or `""`.
    pub title: String,
    /// How many claims it gave.
    pub claims: usize,
    /// The outlet that published it, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// The publication date, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<crate::model::Date>,
    /// The source whose text this one copies (wire copy, syndication, a press release), or
    /// `None` ([`crate::reconcile::copies`]). Set by the report, not by the caller.
    #[serde(default)]
    pub copy_of: Option<SourceId>,
}

impl SourceSummary {
    /// The summary of source `id` with `claims` claims and nothing else known about it (for
    /// [`Reconciliation::build`] over claims made elsewhere).
    pub fn new(id: SourceId, claims: usize) -> SourceSummary {
        SourceSummary { id, title: String::new(), claims, outlet: None, date: None, copy_of: None }
    }

    /// The summary of a source added to a run: its title is the one given, else its headline.
    pub(crate) fn of(
        id: &SourceId,
        meta: &crate::model::SourceMeta,
        extraction: &crate::extract::Extraction,
    ) -> SourceSummary {
        SourceSummary {
            title: meta.title.clone().or_else(|| extraction.title.clone()).unwrap_or_default(),
            outlet: meta.outlet.clone(),
            date: meta.date,
            ..SourceSummary::new(id.clone(), extraction.claims.len())
        }
    }
}

/// Sets `copy_of` on the sources that copy another's text and returns, for each such source, the
/// original. The original of a group of copies is its earliest-dated source (undated last), then
/// the smallest id, so the result does not depend on the order sources were added in.
fn mark_copies(sources: &mut [SourceSummary], claims: &[Claim]) -> HashMap<SourceId, SourceId> {
    let mut order: Vec<usize> = (0..sources.len()).collect();
    order.sort_by(|&x, &y| {
        let key = |s: &SourceSummary| (s.date.is_none(), s.date, s.id.clone());
        key(&sources[x]).cmp(&key(&sources[y]))
    });
    let ids: Vec<SourceId> = order.iter().map(|&i| sources[i].id.clone()).collect();
    let copies = crate::reconcile::copies::find_copies(&ids, claims);
    let mut original_of = HashMap::new();
    for (k, copy) in copies.into_iter().enumerate() {
        let source = &mut sources[order[k]];
        source.copy_of = copy.map(|o| ids[o].clone());
        if let Some(o) = &source.copy_of {
            original_of.insert(source.id.clone(), o.clone());
        }
    }
    original_of
}

/// Everything a run found.
///
/// Built by [`crate::Reconciler::reconcile`], or from claims made elsewhere with
/// [`Reconciliation::build`]. Claims are in id order (by source id, then index), facts are numbered
/// in the order of their first claim, and differences are sorted by fact, kind and claims, so the
/// same claims give the same report whatever order the sources were added in.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct Reconciliation {
    /// The sources, in the order they were added.
    pub sources: Vec<SourceSummary>,
    /// Every claim of every source.
    pub claims: Vec<Claim>,
    /// Every skipped span of every source.
    pub skipped: Vec<Skipped>,
    /// The facts: every claim is in exactly one.
    pub facts: Vec<Fact>,
    /// The differences within facts.
    pub differences: Vec<Difference>,
    /// The stories: groups of sources that report one seminal event. Every source is in exactly
    /// one; no fact crosses two.
    pub stories: Vec<Story>,
    graph: AgreementGraph,
    align: AlignConfig,
    diff: DiffConfig,
    claim_index: HashMap<ClaimId, usize>,
    fact_of: Vec<usize>,
}

impl Reconciliation {
    /// Aligns `claims`, groups them into facts, finds the differences within facts and builds the
    /// agreement graph.
    ///
    /// `claims` may come in any order (they are sorted by id); their ids must be unique. The steps:
    /// [`align::align`] links every cross-source pair scoring at least `align.threshold`;
    /// [`graph::anchor_links`] adds links between claims that tell one event in other words and
    /// share a specific entity or quantity (when `group.anchor_links`);
    /// [`graph::group_facts`] groups linked claims into facts (average link, so a chain of weak
    /// links does not merge distinct facts; a link between two claims that tell different things,
    /// no verb of one said by the other, counts as none); [`diff::compare`] types the differences of every link inside a
    /// fact. A link inside a fact is [`EdgeKind::Conflicts`] when it carries a difference other
    /// than `detail`, else [`EdgeKind::Agrees`]; a link between facts is [`EdgeKind::Related`].
    /// A fact's differences are those of its *best-match* links (for a claim and another source of
    /// the fact, the link to that source's claim it scores highest with), one per kind and pair of
    /// sources (the one on the strongest link). A fact is contested when one of its differences is
    /// not a `detail`.
    pub fn build(
        sources: Vec<SourceSummary>,
        mut claims: Vec<Claim>,
        skipped: Vec<Skipped>,
        align: &AlignConfig,
        diff_config: &DiffConfig,
        group: &GroupConfig,
    ) -> Reconciliation {
        claims.sort_by(|x, y| x.id.cmp(&y.id));
        let links = align::align(&claims, align);
        // The scorer owns what it prepared, so the claims can move into the report.
        let scorer = Scorer::new(align, &claims).detached();
        Reconciliation::assemble(
            sources,
            claims,
            skipped,
            align,
            diff_config,
            group,
            &scorer,
            links,
        )
    }

    /// [`Reconciliation::build`] from its links: `claims` sorted by id, `scorer` scoring those
    /// claims by their index in it, and `links` the pairs [`align::align`] links (sorted by
    /// `(a, b)`). A [`crate::Stream`] keeps its links up to date as sources arrive and builds its
    /// report here.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn assemble(
        sources: Vec<SourceSummary>,
        claims: Vec<Claim>,
        skipped: Vec<Skipped>,
        align: &AlignConfig,
        diff_config: &DiffConfig,
        group: &GroupConfig,
        scorer: &Scorer<'_>,
        mut links: Vec<align::Link>,
    ) -> Reconciliation {
        let mut sources = sources;
        let original_of = mark_copies(&mut sources, &claims);
        // Stories first: a link between two stories is a coincidence of wording, not a fact.
        let mut source_ids: Vec<SourceId> = sources.iter().map(|s| s.id.clone()).collect();
        for c in &claims {
            if !source_ids.contains(&c.source) {
                source_ids.push(c.source.clone());
            }
        }
        let (stories, story_of_source) =
            group_stories(&source_ids, &claims, &align.statistics, &group.stories);
        let source_index: HashMap<&SourceId, usize> =
            source_ids.iter().enumerate().map(|(i, s)| (s, i)).collect();
        let story_of: Vec<usize> =
            claims.iter().map(|c| story_of_source[source_index[&c.source]]).collect();
        links.retain(|l| story_of[l.a] == story_of[l.b]);
        let mut anchors: HashMap<(usize, usize), String> = HashMap::new();
        if group.anchor_links {
            let floor = align.threshold * group.anchor_floor;
            for (a, b, anchor) in graph::anchor_links(
                &claims,
                &links,
                floor,
                group.anchor_max_sources,
                group.anchor_min_overlap,
                |i, j| scorer.score_value(i, j),
            ) {
                links.push(align::Link { a, b, score: scorer.score(a, b) });
                anchors.insert((a, b), anchor);
            }
            links.retain(|l| story_of[l.a] == story_of[l.b]);
            links.sort_by_key(|l| (l.a, l.b));
        }
        // Claims per source, to know a brief's (a headline checked against its article).
        let mut per_source: HashMap<SourceId, usize> = HashMap::new();
        for c in &claims {
            *per_source.entry(c.source.clone()).or_default() += 1;
        }
        let is_brief = |i: usize| per_source[&claims[i].source] <= group.brief_claims;
        // Whether the stance decides between claims `x` and `y`: one is a brief's, the other an
        // article's long enough to be read whole (`DiffConfig::stance_min_claims`; shorter
        // texts are outside what the model was fitted on, and keep the per-claim rules). A
        // refuting word or a negation in one sentence then makes no `account` difference: the
        // article as a whole disputes the brief or not. That holds for a negation in the brief
        // too: keeping those (a headline that denies, against its article's sentence that
        // affirms) flagged 5 more agreeing FNC-1 pairs in 100 and 2 more disputing ones
        // (cross-validated J 0.31 -> 0.28). Same-words flips (`polarity`) stay.
        let stance_decides = |x: usize, y: usize| {
            let (b, a) = if is_brief(x) { (x, y) } else { (y, x) };
            diff_config.brief_stance
                && is_brief(b)
                && !is_brief(a)
                && per_source[&claims[a].source] >= diff_config.stance_min_claims
        };
        // Each brief against each article of its story, read whole: the articles that dispute
        // it, with their refuting words.
        let disputed = disputing_articles(&claims, &story_of, &per_source, group, diff_config);
        // A brief's claims (a headline checked against its article) join their best matches; in
        // an article that disputes the brief, whatever its best match is (it is what the
        // dispute is about), as long as the two share something.
        let briefs: HashSet<(usize, usize)> = graph::brief_links(
            &claims,
            &story_of,
            &links,
            group.brief_claims,
            |i, j| match disputed
                .contains_key(&(claims[i].source.clone(), claims[j].source.clone()))
            {
                true => f64::MIN_POSITIVE,
                false => group.brief_floor,
            },
            |i, j| scorer.score_value(i, j),
        )
        .into_iter()
        .collect();
        if !briefs.is_empty() {
            links.extend(briefs.iter().map(|&(a, b)| align::Link {
                a,
                b,
                score: scorer.score(a, b),
            }));
            links.sort_by_key(|l| (l.a, l.b));
        }
        // For grouping, an anchor or brief link counts as a link at the threshold: enough to
        // join two claims, not to pull a third in on its own. Grouping reads values only.
        let group_links: Vec<align::Link> = links
            .iter()
            .map(|l| {
                let lifted = anchors.contains_key(&(l.a, l.b)) || briefs.contains(&(l.a, l.b));
                let value = match lifted {
                    true => l.score.value.max(align.threshold),
                    false => l.score.value,
                };
                align::Link { a: l.a, b: l.b, score: Score { value, breakdown: Vec::new() } }
            })
            .collect();
        let cohesion = graph::typical_score(&claims, |i, j| scorer.score_value(i, j));
        // Linked claims that tell two different things (no verb of one is said by the other:
        // "… closed the port" / "… asked") stay related, not one fact. A brief's claim and
        // its best match are left to the brief's rules.
        let differ = Differ::new(diff_config, &align.lexicon);
        let apart = differ.apart_links(
            &claims,
            group_links.iter().map(|l| (l.a, l.b)).filter(|&(a, b)| !is_brief(a) && !is_brief(b)),
        );
        let groups = group_facts_apart(
            &claims,
            &group_links,
            align.threshold,
            cohesion,
            |i, j| scorer.score_value(i, j),
            |a, b| apart.contains(&(a, b)),
        );
        let mut fact_of = vec![0; claims.len()];
        for (f, group) in groups.iter().enumerate() {
            for &i in group {
                fact_of[i] = f;
            }
        }

        // The differences of every link inside a fact.
        let pair_diffs: Vec<Option<Vec<PairDifference>>> = {
            use crate::par::*;
            links
                .par_iter()
                .map(|l| {
                    (fact_of[l.a] == fact_of[l.b]).then(|| {
                        let brief = is_brief(l.a) || is_brief(l.b);
                        let mut found = differ.compare_brief(&claims[l.a], &claims[l.b], brief);
                        if stance_decides(l.a, l.b) {
                            let (b, a) = if is_brief(l.a) { (l.a, l.b) } else { (l.b, l.a) };
                            let (brief_source, article) = (&claims[b].source, &claims[a].source);
                            found.retain(|d| d.kind != DifferenceKind::Account);
                            if let Some(words) =
                                disputed.get(&(brief_source.clone(), article.clone()))
                            {
                                found.push(diff::disputed_brief(brief_source, article, words));
                            }
                        }
                        // Two articles' claims linked below the threshold (through an anchor:
                        // a shared name or quotation) may say two things about one happening:
                        // "the expectations seemed unfair" / "Luck couldn't help but smile".
                        // A hedge, a negation or an account then sets two statements against
                        // each other, so those are not told; a day, an amount or a speaker is
                        // compared only where both claims give it of the same words. A brief's
                        // claim says one thing, and its best match in the article is what it
                        // says.
                        if !brief && l.score.value < align.threshold {
                            found.retain(|d| {
                                !matches!(
                                    d.kind,
                                    DifferenceKind::Modality
                                        | DifferenceKind::Polarity
                                        | DifferenceKind::Account
                                )
                            });
                        }
                        found
                    })
                })
                .collect()
        };
        let best = best_matches(&claims, &links, &pair_diffs);
        // Per fact, per (kind, pair of sources): the difference found on the strongest best match.
        let mut found: BTreeMap<(usize, DifferenceKind, SourceId, SourceId), (f64, Difference)> =
            BTreeMap::new();
        for (l, link) in links.iter().enumerate() {
            let (Some(diffs), true) = (&pair_diffs[l], best[l]) else { continue };
            let (a, b) = (&claims[link.a], &claims[link.b]);
            let fact = fact_of[link.a];
            for PairDifference { kind, summary } in diffs.iter().cloned() {
                let (sa, sb) = if a.source <= b.source {
                    (a.source.clone(), b.source.clone())
                } else {
                    (b.source.clone(), a.source.clone())
                };
                let mut ids = vec![a.id.clone(), b.id.clone()];
                ids.sort();
                let difference = Difference { kind, fact: FactId(fact), claims: ids, summary };
                let slot = found
                    .entry((fact, kind, sa, sb))
                    .or_insert((f64::NEG_INFINITY, difference.clone()));
                if link.score.value > slot.0 {
                    *slot = (link.score.value, difference);
                }
            }
        }
        let mut differences: Vec<Difference> = found.into_values().map(|(_, d)| d).collect();

        // The graph takes the links' scores (with their breakdowns) rather than copies.
        let mut graph = AgreementGraph::new(claims.iter().map(|c| &c.id));
        for (link, diffs) in links.into_iter().zip(&pair_diffs) {
            let kind = match diffs {
                None => EdgeKind::Related,
                Some(d) if d.iter().any(|d| diff::contests(d.kind)) => EdgeKind::Conflicts,
                Some(_) => EdgeKind::Agrees,
            };
            let anchor = anchors.get(&(link.a, link.b)).cloned();
            let edge = Edge { kind, score: link.score, anchor };
            graph.link(&claims[link.a].id, &claims[link.b].id, edge);
        }
        // Claims of one story that tell the same happening in other words: related, not merged.
        for (a, b, score) in
            happening::links(&claims, &story_of, scorer, &align.statistics, &group.happenings)
        {
            let (ida, idb) = (&claims[a].id, &claims[b].id);
            if graph.edge(ida, idb).is_none() {
                graph.link(ida, idb, Edge { kind: EdgeKind::Related, score, anchor: None });
            }
        }
        let mut contested: HashSet<usize> =
            differences.iter().filter(|d| diff::contests(d.kind)).map(|d| d.fact.index()).collect();
        // Claims of one story whose one subject acts on one thing in two sources ("European
        // leaders urged tougher sanctions" / "European leaders opted to ramp up sanctions").
        for (a, b, found) in frame_links(&claims, &story_of, &fact_of) {
            let (ida, idb) = (&claims[a].id, &claims[b].id);
            if graph.edge(ida, idb).is_some() {
                continue;
            }
            let score = scorer.score(a, b);
            let kind = match found {
                Some(PairDifference { kind, summary }) => {
                    let (fa, fb) = (fact_of[a], fact_of[b]);
                    let claims = vec![ida.clone(), idb.clone()];
                    differences.push(Difference { kind, fact: FactId(fa), claims, summary });
                    contested.extend([fa, fb]);
                    EdgeKind::Conflicts
                }
                None => EdgeKind::Related,
            };
            graph.link(ida, idb, Edge { kind, score, anchor: None });
        }
        // Claims of one story in two facts that cannot both be true: a denial, "a hoax".
        let mut sink = ConflictSink {
            differences: &mut differences,
            contested: &mut contested,
            graph: &mut graph,
        };
        for (r, c, found) in conflicts_across_facts(
            &claims,
            &story_of,
            &fact_of,
            &differ,
            group.conflict_floor,
            group.brief_claims,
            stance_decides,
            |i, j| scorer.score_value(i, j),
        ) {
            let mut ids = vec![claims[r].id.clone(), claims[c].id.clone()];
            ids.sort();
            let score = scorer.score(r, c);
            sink.file(ids, (fact_of[c], fact_of[r]), found, score);
        }
        // Two lengths of one happening told in two facts ("lasted three days" / "ran for four
        // days").
        for (r, c, found) in durations_across_facts(&claims, &story_of, &fact_of, &differ) {
            let ids = vec![claims[r].id.clone(), claims[c].id.clone()];
            sink.file(ids, (fact_of[r], fact_of[c]), [found], scorer.score(r, c));
        }
        // "No one was hurt" against "two officers were injured", of one day.
        for (z, c, found) in super::casualty::across_facts(&claims, &story_of, &fact_of) {
            let (ida, idb) = (&claims[z].id, &claims[c].id);
            if sink.graph.edge(ida, idb).is_some_and(|e| e.kind == EdgeKind::Conflicts) {
                continue;
            }
            let mut ids = vec![ida.clone(), idb.clone()];
            ids.sort();
            sink.file(ids, (fact_of[z], fact_of[c]), [found], scorer.score(z, c));
        }
        differences.sort_by(|x, y| (x.fact, x.kind, &x.claims).cmp(&(y.fact, y.kind, &y.claims)));

        let facts = groups
            .iter()
            .enumerate()
            .map(|(f, group)| {
                let sources: BTreeSet<&SourceId> =
                    group.iter().map(|&i| &claims[i].source).collect();
                let independent: BTreeSet<&SourceId> =
                    sources.iter().map(|s| original_of.get(*s).unwrap_or(s)).collect();
                // A fact of one source is contested when a claim of another source, in another
                // fact, cannot be true with it ("the talks ran for four days" / "talks that
                // lasted three days"): the sources differ on it.
                let status = if contested.contains(&f) {
                    FactStatus::Contested
                } else if independent.len() < 2 {
                    FactStatus::SingleSource
                } else {
                    FactStatus::Corroborated
                };
                Fact {
                    id: FactId(f),
                    claims: group.iter().map(|&i| claims[i].id.clone()).collect(),
                    sources: sources.into_iter().cloned().collect(),
                    status,
                    story: StoryId(story_of[group[0]]),
                    independent_sources: independent.len(),
                }
            })
            .collect();
        let claim_index = claims.iter().enumerate().map(|(i, c)| (c.id.clone(), i)).collect();
        Reconciliation {
            sources,
            claims,
            skipped,
            facts,
            differences,
            stories,
            graph,
            align: align.clone(),
            diff: diff_config.clone(),
            claim_index,
            fact_of,
        }
    }

    /// A differ with the run's difference settings and synonyms.
    pub(crate) fn differ(&self) -> Differ {
        Differ::new(&self.diff, &self.align.lexicon)
    }

    /// The agreement graph: every claim, and every link with its kind and score breakdown.
    pub fn graph(&self) -> &AgreementGraph {
        &self.graph
    }

    /// The alignment settings the run used.
    pub fn align_config(&self) -> &AlignConfig {
        &self.align
    }

    /// The claim with this id.
    pub fn claim(&self, id: &ClaimId) -> Option<&Claim> {
        self.claim_index.get(id).map(|&i| &self.claims[i])
    }

    /// The fact a claim belongs to.
    pub fn fact_of(&self, id: &ClaimId) -> Option<&Fact> {
        let &i = self.claim_index.get(id)?;
        self.facts.get(*self.fact_of.get(i)?)
    }

    /// The fact with this id.
    pub fn fact(&self, id: FactId) -> Option<&Fact> {
        self.facts.get(id.0).filter(|f| f.id == id)
    }

    /// The differences found within a fact.
    pub fn differences_of(&self, fact: FactId) -> impl Iterator<Item = &Difference> + '_ {
        self.differences.iter().filter(move |d| d.fact == fact)
    }

    /// Why claims `a` and `b` were, or were not, aligned: their score with its breakdown against
    /// the threshold, the link and fact they share, and how they differ. `None` when either claim is
    /// not in the run.
    ///
    /// Scores the pair afresh with the run's configuration and claims (so the rarity statistics are
    /// the run's), which costs one pass over the claims.
    pub fn explain(&self, a: &ClaimId, b: &ClaimId) -> Option<Explanation> {
        let (&ia, &ib) = (self.claim_index.get(a)?, self.claim_index.get(b)?);
        let edge = self.graph.edge(a, b);
        let scorer = Scorer::new(&self.align, &self.claims);
        let score = match edge {
            Some(edge) => edge.score.clone(),
            None => scorer.score(ia, ib),
        };
        let (ca, cb) = (&self.claims[ia], &self.claims[ib]);
        let fa = self.fact_of.get(ia).map(|&f| FactId(f));
        let fb = self.fact_of.get(ib).map(|&f| FactId(f));
        Some(Explanation {
            a: a.clone(),
            b: b.clone(),
            same_source: ca.source == cb.source,
            shut: scorer.shut(ia, ib),
            threshold: self.align.threshold,
            edge: edge.map(|e| e.kind),
            anchor: edge.and_then(|e| e.anchor.clone()),
            same_fact: if fa == fb { fa } else { None },
            differences: Differ::new(&self.diff, &self.align.lexicon).compare(ca, cb),
            score,
        })
    }
}

/// Marks the links inside facts that are a best match: for some claim of the link and the other
/// claim's source, no link inside the fact scores higher (ties: fewer contesting differences, then
/// fewer differences, then the lower index). Differences are reported on best matches only, so a
/// source that states a fact twice is compared through its closest wording, and a source compared
/// with an exact copy of itself shows no difference.
fn best_matches(
    claims: &[Claim],
    links: &[align::Link],
    pair_diffs: &[Option<Vec<PairDifference>>],
) -> Vec<bool> {
    // For each (claim, other source): the best link so far, as (rank key, link index).
    type Key = (f64, usize, usize, usize);
    let mut best: HashMap<(usize, &SourceId), (Key, usize)> = HashMap::new();
    let better = |x: &Key, y: &Key| -> bool {
        // Higher score first, then fewer contesting differences, fewer differences, lower index.
        match x.0.total_cmp(&y.0) {
            std::cmp::Ordering::Greater => true,
            std::cmp::Ordering::Less => false,
            std::cmp::Ordering::Equal => (x.1, x.2, x.3) < (y.1, y.2, y.3),
        }
    };
    for (l, link) in links.iter().enumerate() {
        let Some(diffs) = &pair_diffs[l] else { continue };
        let contesting = diffs.iter().filter(|d| diff::contests(d.kind)).count();
        for (from, to) in [(link.a, link.b), (link.b, link.a)] {
            let key: Key = (link.score.value, contesting, diffs.len(), to);
            let slot = best.entry((from, &claims[to].source)).or_insert((key, l));
            if better(&key, &slot.0) {
                *slot = (key, l);
            }
        }
    }
    let mut marked = vec![false; links.len()];
    for (_, l) in best.into_values() {
        marked[l] = true;
    }
    marked
}

/// Why two claims were, or were not, aligned: the answer of [`Reconciliation::explain`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Explanation {
    /// The first claim.
    pub a: ClaimId,
    /// The second claim.
    pub b: ClaimId,
    /// The pair's score, with each feature's part.
    pub score: Score,
    /// The threshold a cross-source pair must reach to be linked.
    pub threshold: f64,
    /// Whether both claims come from one source (such pairs are never linked).
    pub same_source: bool,
    /// Whether the configuration's rare gate ([`crate::align::AlignConfig::rare_gate`]) shut the
    /// pair: the claims share no rare term, so they score 0 whatever the breakdown gives.
    pub shut: bool,
    /// The kind of the link between them, if they are linked.
    pub edge: Option<EdgeKind>,
    /// The shared anchor that linked them below the threshold, for an anchor link.
    pub anchor: Option<String>,
    /// The fact they share, if they are in one.
    pub same_fact: Option<FactId>,
    /// How the two claims differ (computed whether or not they are linked).
    pub differences: Vec<PairDifference>,
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let verdict = match (self.edge, self.same_source) {
            (Some(kind), _) => match &self.anchor {
                Some(anchor) => format!(
                    "linked ({}) by the shared anchor \u{201c}{anchor}\u{201d}",
                    kind.as_str()
                ),
                None => format!("linked ({})", kind.as_str()),
            },
            (None, true) => "not linked: same source".to_string(),
            (None, false) if self.shut => "not linked: no rare term shared (rare gate)".to_string(),
            (None, false) => "not linked: below the threshold".to_string(),
        };
        writeln!(
            f,
            "{} ~ {}: score {:.3} (threshold {:.3}), {verdict}",
            self.a, self.b, self.score.value, self.threshold
        )?;
        match self.same_fact {
            Some(fact) => writeln!(f, "  same fact: {fact}")?,
            None => writeln!(f, "  different facts")?,
        }
        for c in &self.score.breakdown {
            writeln!(
                f,
                "  {:<20} {:>6.3} x {:>5.2} = {:>6.3}",
                c.feature,
                c.value,
                c.weight,
                c.value * c.weight
            )?;
        }
        for d in &self.differences {
            writeln!(f, "  {}: {}", d.kind.as_str(), d.summary)?;
        }
        Ok(())
    }
}

/// Pairs of claims of one story, in two sources and two facts, that give different lengths of one
/// happening: `(first, second, difference)` with `first < second` in claim order. Only claims that
/// say how long something went on are compared, at most `MAX_TIMED` per story.
fn durations_across_facts(
    claims: &[Claim],
    story_of: &[usize],
    fact_of: &[usize],
    differ: &Differ,
) -> Vec<(usize, usize, PairDifference)> {
    /// Claims with a duration compared pairwise in one story, at most: the cost stays bounded in
    /// a story of thousands of claims.
    const MAX_TIMED: usize = 256;
    let mut by_story: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, &story) in story_of.iter().enumerate() {
        by_story.entry(story).or_default().push(i);
    }
    differ.compare_durations_in(claims, by_story.into_values(), MAX_TIMED, |r, c| {
        claims[r].source != claims[c].source && fact_of[r] != fact_of[c]
    })
}

/// Where the conflicts found across facts go: each difference filed under the first fact of the
/// pair, both facts contested, and a `Conflicts` edge between the two claims.
struct ConflictSink<'r> {
    differences: &'r mut Vec<Difference>,
    contested: &'r mut HashSet<usize>,
    graph: &'r mut AgreementGraph,
}

impl ConflictSink<'_> {
    fn file(
        &mut self,
        ids: Vec<ClaimId>,
        (fact, other): (usize, usize),
        found: impl IntoIterator<Item = PairDifference>,
        score: Score,
    ) {
        for PairDifference { kind, summary } in found {
            let claims = ids.clone();
            self.differences.push(Difference { kind, fact: FactId(fact), claims, summary });
        }
        self.contested.extend([fact, other]);
        self.graph.link(&ids[0], &ids[1], Edge { kind: EdgeKind::Conflicts, score, anchor: None });
    }
}

/// Pairs of claims `(a, b)`, `a < b`, of one story and two sources, not in one fact, that share
/// a subject and act on one thing ([`predicate::frame`]): the same content words before the first
/// predicate, held by no other claim of either source (a subject named in many claims of a
/// source is background, not one statement), and a head noun after it that is neither a name nor
/// of the subject ("sanctions" in "… echoed the call for tougher sanctions on Moscow" and "…
/// opted to ramp up sanctions against Russia"; not "pay" in "a new pay deal" against "the demand
/// for overtime pay"). Such claims tell two things about one matter: related in the graph. When
/// one of them puts that thing under a condition in its clause ("… tougher sanctions on Moscow if
/// it fails to act") and the other states it flatly and affirmed, the pair comes with a
/// `modality` difference.
fn frame_links(
    claims: &[Claim],
    story_of: &[usize],
    fact_of: &[usize],
) -> Vec<(usize, usize, Option<PairDifference>)> {
    let frames: Vec<Option<predicate::Frame>> = {
        use crate::par::*;
        claims.par_iter().map(predicate::frame).collect()
    };
    // Per story and subject, per source, the claims that have it.
    type PerSource<'c> = BTreeMap<&'c SourceId, Vec<usize>>;
    let mut by_subject: HashMap<(usize, &[String]), PerSource<'_>> = HashMap::new();
    for (i, f) in frames.iter().enumerate() {
        if let Some(f) = f {
            by_subject
                .entry((story_of[i], f.subject.as_slice()))
                .or_default()
                .entry(&claims[i].source)
                .or_default()
                .push(i);
        }
    }
    let mut out = Vec::new();
    for per_source in by_subject.values() {
        let once: Vec<usize> = per_source.values().filter(|v| v.len() == 1).map(|v| v[0]).collect();
        for (x, &a) in once.iter().enumerate() {
            for &b in &once[x + 1..] {
                let (Some(fa), Some(fb)) = (&frames[a], &frames[b]) else { continue };
                if fact_of[a] == fact_of[b] || !fa.heads.iter().any(|h| fb.heads.contains(h)) {
                    continue;
                }
                let (a, b, fa, fb) = if a < b { (a, b, fa, fb) } else { (b, a, fb, fa) };
                out.push((a, b, conditioned_against_definite(claims, (a, fa), (b, fb))));
            }
        }
    }
    out.sort_unstable_by_key(|&(a, b, _)| (a, b));
    out
}

/// The `modality` difference of two frame-linked claims ([`frame_links`]) where one puts a thing
/// both act on under a condition and the other states it as definite and affirmed.
fn conditioned_against_definite(
    claims: &[Claim],
    (a, fa): (usize, &predicate::Frame),
    (b, fb): (usize, &predicate::Frame),
) -> Option<PairDifference> {
    let flat = |i: usize| {
        claims[i].modality == Modality::Asserted && claims[i].polarity == Polarity::Affirmed
    };
    let (unsure, sure) = if claims[a].modality == Modality::Conditional
        && flat(b)
        && fa.conditioned.iter().any(|h| fb.heads.contains(h))
    {
        (a, b)
    } else if claims[b].modality == Modality::Conditional
        && flat(a)
        && fb.conditioned.iter().any(|h| fa.heads.contains(h))
    {
        (b, a)
    } else {
        return None;
    };
    Some(PairDifference {
        kind: DifferenceKind::Modality,
        summary: format!(
            "{} states it as definite; {} gives it only under a condition.",
            claims[sure].source, claims[unsure].source
        ),
    })
}

/// Pairs of claims of one story, in two facts and two sources, that cannot both be true:
/// `(contrary, other, differences)`. A *contrary* claim calls something untrue ("a hoax",
/// "denied", "not true") or is negated; the other is its best match in another source (scoring
/// at least `floor`), states it, and is neither. A refutation word makes an `account` difference
/// when the differ finds none; a plain negation counts only where the differ finds that it
/// negates what the two share (`polarity`). Candidates share a term held by few claims.
#[allow(clippy::too_many_arguments)]
fn conflicts_across_facts(
    claims: &[Claim],
    story_of: &[usize],
    fact_of: &[usize],
    differ: &Differ,
    floor: f64,
    brief_claims: usize,
    stance_decides: impl Fn(usize, usize) -> bool,
    score: impl Fn(usize, usize) -> f64,
) -> Vec<(usize, usize, Vec<PairDifference>)> {
    /// A term held by more claims than this names no one happening.
    const MAX_POSTINGS: usize = 400;
    /// Claims scored against one contrary claim, at most (give or take one term's list).
    const MAX_CANDIDATES: usize = 256;
    let refutes: Vec<Option<&str>> = claims.iter().map(diff::refutation_cue).collect();
    let contrary = |i: usize| refutes[i].is_some() || claims[i].polarity == Polarity::Negated;
    if !(0..claims.len()).any(contrary) {
        return Vec::new();
    }
    let mut postings: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, c) in claims.iter().enumerate() {
        for t in c.terms.iter().collect::<BTreeSet<_>>() {
            postings.entry(t.as_str()).or_default().push(i);
        }
    }
    let mut by_source: BTreeMap<&SourceId, Vec<usize>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        by_source.entry(&c.source).or_default().push(i);
    }
    let brief = |i: usize| by_source[&claims[i].source].len() <= brief_claims;
    // A brief against an article read whole (`stance_decides`): the article's stance, not one
    // refuting sentence, says whether it disputes the brief.
    let refutes_brief = |r: usize, c: usize| (brief(r) || brief(c)) && !stance_decides(r, c);
    let mut out = Vec::new();
    for r in (0..claims.len()).filter(|&r| contrary(r)) {
        // Per other source: its best match for `r`.
        let mut best: BTreeMap<&SourceId, (f64, usize)> = BTreeMap::new();
        let mut seen: HashSet<usize> = HashSet::new();
        // Rarest terms first, and a bounded number of candidates: the cost stays linear.
        let mut lists: Vec<&Vec<usize>> = claims[r]
            .terms
            .iter()
            .filter_map(|t| postings.get(t.as_str()))
            .filter(|l| l.len() <= MAX_POSTINGS)
            .collect();
        lists.sort_by_key(|l| l.len());
        for list in lists {
            if seen.len() >= MAX_CANDIDATES {
                break;
            }
            for &c in list {
                if claims[c].source == claims[r].source
                    || story_of[c] != story_of[r]
                    || !seen.insert(c)
                {
                    continue;
                }
                let v = score(r, c);
                let slot = best.entry(&claims[c].source).or_insert((f64::NEG_INFINITY, c));
                if v > slot.0 || (v == slot.0 && c < slot.1) {
                    *slot = (v, c);
                }
            }
        }
        for (v, c) in best.into_values() {
            if v < floor || fact_of[c] == fact_of[r] || contrary(c) {
                continue;
            }
            if refutes[r].is_some() && !diff::disputes(&claims[r], &claims[c]) {
                continue;
            }
            let mut found: Vec<PairDifference> = differ
                .compare(&claims[r], &claims[c])
                .into_iter()
                .filter(|d| match d.kind {
                    DifferenceKind::Polarity => true,
                    // Between two articles, a refutation's best match in the other is too often
                    // another statement of the story (read on ECB+: 1 of 8 real); a brief says
                    // one thing, so its best match is what is refuted.
                    DifferenceKind::Account => refutes[r].is_some() && refutes_brief(r, c),
                    _ => false,
                })
                .collect();
            if found.is_empty()
                && refutes_brief(r, c)
                && let Some(cue) = refutes[r]
            {
                found.push(diff::untrue(&claims[r], &claims[c], cue, "it"));
            }
            if !found.is_empty() {
                out.push((r, c, found));
            }
        }
    }
    // A brief (a headline, one statement to check) states its story's happening: a claim of the
    // story that calls a report of it untrue ("the story is a hoax", "the video was fake")
    // disputes it even when they share no word.
    let paired: HashSet<(usize, usize)> = out.iter().map(|(r, c, _)| (*r, *c)).collect();
    let refuting: Vec<usize> = (0..claims.len()).filter(|&r| refutes[r].is_some()).collect();
    for brief in by_source.values().filter(|m| m.len() <= brief_claims) {
        for &h in brief.iter().filter(|&&h| !contrary(h)) {
            let mut done: HashSet<&SourceId> = HashSet::new();
            for &r in &refuting {
                let source = &claims[r].source;
                if source == &claims[h].source
                    || !refutes_brief(r, h)
                    || story_of[r] != story_of[h]
                    || fact_of[r] == fact_of[h]
                    || paired.contains(&(r, h))
                    || done.contains(source)
                    || !diff::names_a_report(&claims[r])
                    || claims[r].modality == crate::model::Modality::Question
                {
                    continue;
                }
                done.insert(source);
                let cue = refutes[r].unwrap_or_default();
                let found = diff::untrue(&claims[r], &claims[h], cue, "a report of it");
                out.push((r, h, vec![found]));
            }
        }
    }
    out
}

/// For each brief (a source of at most `group.brief_claims` claims) and each article of its
/// story (at least `config.stance_min_claims` claims), whether the article read whole disputes
/// the brief ([`crate::reconcile::stance::StanceModel::dispute`]): `(brief, article)` to the
/// article's refuting words and phrases. Empty when [`DiffConfig::brief_stance`] is off.
fn disputing_articles(
    claims: &[Claim],
    story_of: &[usize],
    per_source: &HashMap<SourceId, usize>,
    group: &GroupConfig,
    config: &DiffConfig,
) -> HashMap<(SourceId, SourceId), Vec<String>> {
    let mut out = HashMap::new();
    if !config.brief_stance || group.brief_claims == 0 {
        return out;
    }
    let (model, threshold) = config.stance();
    // Per story, per source, its claims in text order.
    let mut stories: BTreeMap<usize, BTreeMap<&SourceId, Vec<&Claim>>> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        stories.entry(story_of[i]).or_default().entry(&c.source).or_default().push(c);
    }
    for sources in stories.values_mut() {
        let (briefs, articles): (Vec<_>, Vec<_>) = sources
            .iter_mut()
            .map(|(id, of)| {
                of.sort_by_key(|c| c.start);
                (*id, &*of)
            })
            .filter(|(id, _)| {
                per_source[*id] <= group.brief_claims || per_source[*id] >= config.stance_min_claims
            })
            .partition(|(id, _)| per_source[*id] <= group.brief_claims);
        if briefs.is_empty() {
            continue;
        }
        // Each article is read once, whatever the number of briefs.
        let articles: Vec<(&SourceId, StanceArticle)> = articles
            .into_iter()
            .map(|(id, of)| (id, StanceArticle::new(of.iter().map(|c| c.text.as_str()))))
            .filter(|(_, article)| !article.evidence().is_empty())
            .collect();
        for (brief, of) in briefs {
            let text = of.iter().map(|c| c.text.as_str()).collect::<Vec<_>>().join(" ");
            for (id, article) in &articles {
                if let Some(evidence) = model.dispute(&text, article, threshold) {
                    out.insert((brief.clone(), (*id).clone()), evidence.to_vec());
                }
            }
        }
    }
    out
}
