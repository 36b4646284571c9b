//! The report: sources, claims, facts and the differences between sources, and its renderings.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::{Claim, ClaimId, Skipped, SourceId};

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

/// Whether a fact is backed by more than one source, and whether they agree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FactStatus {
    /// Two or more sources state it and agree.
    Corroborated,
    /// Only one source states it.
    SingleSource,
    /// Its sources differ in a quantity, polarity, modality, attribution or time.
    Contested,
}

/// A group of claims that assert the same thing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// `f{n}`.
    pub id: FactId,
    /// Its claims.
    pub claims: Vec<ClaimId>,
    /// The distinct sources of its claims.
    pub sources: Vec<SourceId>,
    /// Corroborated, single-source or contested.
    pub status: FactStatus,
}

/// How two aligned claims differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DifferenceKind {
    /// Same unit, different value.
    Quantity,
    /// One affirms what the other negates.
    Polarity,
    /// Definite against hedged or conditional.
    Modality,
    /// Another speaker for the same words.
    Attribution,
    /// Another day.
    Time,
    /// A detail only one gives.
    Detail,
    /// Two tellings of one event that cannot both be true.
    Account,
}

/// One way in which the claims of a fact differ.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
pub struct SourceSummary {
    /// The source id.
    pub id: SourceId,
    /// The title, or `""`.
    pub title: String,
    /// How many claims it gave.
    pub claims: usize,
}

/// Everything a run found.
#[derive(Clone, Debug, Default)]
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
}
