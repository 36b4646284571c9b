//! The shared claim model: what every source asserts, normalised into one vocabulary.
//!
//! Useful for: reading what extraction produced, building claims by hand or loading them from
//! another tool (a language model, a person) in the same shape.
//!
//! Every span (`start`, `end`) is a half-open byte range into the *original* bytes of the source the
//! claim came from, never into the claim's own text, so that a mention can be highlighted in the
//! article without any bookkeeping.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

mod date;
mod source;

pub use date::{Date, Weekday, days_in_month};
pub use source::{Source, file_stem};

/// The id of a source: one article. For files it is the file stem.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SourceId(String);

impl SourceId {
    /// A source id from any string.
    pub fn new(id: impl Into<String>) -> SourceId {
        SourceId(id.into())
    }

    /// The id as a string.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SourceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for SourceId {
    fn from(s: &str) -> SourceId {
        SourceId(s.to_string())
    }
}

/// The id of a claim: its source and its index among that source's claims, in text order.
///
/// It prints and serialises as `{source}:{index}` (`"a:3"`), so the same input gives the same ids on
/// every run.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClaimId {
    source: SourceId,
    index: usize,
}

impl ClaimId {
    /// The `index`th claim of `source`.
    pub fn new(source: SourceId, index: usize) -> ClaimId {
        ClaimId { source, index }
    }

    /// The source the claim belongs to.
    pub fn source(&self) -> &SourceId {
        &self.source
    }

    /// The claim's index among its source's claims.
    pub fn index(&self) -> usize {
        self.index
    }
}

impl fmt::Display for ClaimId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.source, self.index)
    }
}

impl FromStr for ClaimId {
    type Err = String;

    fn from_str(s: &str) -> Result<ClaimId, String> {
        let (source, index) =
            s.rsplit_once(':').ok_or_else(|| format!("claim id {s:?} is not `source:index`"))?;
        let index = index.parse().map_err(|_| format!("claim id {s:?}: index is not a number"))?;
        Ok(ClaimId { source: SourceId::new(source), index })
    }
}

impl Serialize for ClaimId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ClaimId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ClaimId, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// How certain a claim is.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Modality {
    /// Stated as fact.
    #[default]
    Asserted,
    /// Softened: "potential", "possible", "floated", "reportedly", "could".
    Hedged,
    /// Holds only under a condition: "if", "unless".
    Conditional,
    /// Asked, not asserted.
    Question,
}

impl Modality {
    /// The lowercase name used in the JSON report.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Hedged => "hedged",
            Modality::Conditional => "conditional",
            Modality::Question => "question",
        }
    }
}

/// Whether a claim affirms or negates what it says.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Polarity {
    /// It happened, it is so.
    #[default]
    Affirmed,
    /// "no", "not", "declined", "rejected", "refused".
    Negated,
}

impl Polarity {
    /// The lowercase name used in the JSON report.
    pub fn as_str(self) -> &'static str {
        match self {
            Polarity::Affirmed => "affirmed",
            Polarity::Negated => "negated",
        }
    }
}

/// What kind of thing an entity is, as far as extraction can tell.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum EntityKind {
    /// A person.
    Person,
    /// A country, city, region or other place.
    Place,
    /// A government, company, institution or other body.
    Organization,
    /// Anything else, or not known.
    #[default]
    Other,
}

/// A named entity mentioned in a claim.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Entity {
    /// The canonical name, shared by every spelling of the entity across all sources of a run
    /// ("Volodymyr Zelensky" for "Zelenskiy" and "Ukrainian President Volodymyr Zelenskiy").
    pub canonical: String,
    /// The words as written.
    pub surface: String,
    /// Byte offset of the mention in the source.
    pub start: usize,
    /// End (exclusive) of the mention in the source.
    pub end: usize,
    /// Person, place, organisation or other.
    #[serde(default)]
    pub kind: EntityKind,
}

/// Whether a quantity is exact, approximate or a bound.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Bound {
    /// "30 days".
    #[default]
    Exact,
    /// "about 30", "nearly 30", "hundreds of".
    Approximate,
    /// "over three years", "at least 30", "more than 30".
    Lower,
    /// "under 30", "at most 30", "fewer than 30", "up to 30".
    Upper,
}

/// A number with its unit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Quantity {
    /// The value: `30` for "30-day", `0.2` for "a fifth", `1500000` for "1.5 million".
    pub value: f64,
    /// A lowercase singular noun (`day`, `person`, `prisoner`, `drone`, `percent`, `fraction`, `usd`)
    /// or `""` when the number has no unit.
    pub unit: String,
    /// Byte offset of the expression in the source.
    pub start: usize,
    /// End (exclusive) of the expression in the source.
    pub end: usize,
    /// Exact, approximate or a bound.
    #[serde(default)]
    pub bound: Bound,
    /// "nine individuals from each country": the value counts per party, not in total.
    #[serde(default)]
    pub each: bool,
    /// The high end of a range ("10-12 million dollars", "between 10 and 12 people"), whose low
    /// end is `value`; `None` for a single value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upper: Option<f64>,
}

/// A time expression: "Monday", "last week", "March 2022".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TimeExpr {
    /// The words as written.
    pub text: String,
    /// Byte offset of the expression in the source.
    pub start: usize,
    /// End (exclusive) of the expression in the source.
    pub end: usize,
    /// The normalised value, where there is one: an ISO 8601 date or period (`2025-05-19`,
    /// `2025-05-12/2025-05-18`, `2022-03`, `2022`) when the expression is absolute or was resolved
    /// against the source's date; otherwise a symbolic form (`monday`, `last_week`, `overnight`).
    pub normalized: Option<String>,
    /// Whether `normalized` is a calendar value (absolute, or resolved against a reference date).
    #[serde(default)]
    pub resolved: bool,
}

/// A quotation and, where the text says, who said it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub text: String,
    /// Byte offset of the quoted words (inside the marks) in the source.
    pub start: usize,
    /// End (exclusive) of the quoted words in the source.
    pub end: usize,
    /// The speaker's canonical name, when stated or resolvable.
    pub speaker: Option<String>,
}

/// Who asserts a claim: "Ushakov noted", "according to a post from Merz", "he told reporters".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Attribution {
    /// The speaker: a canonical entity name when resolved, else the words as written.
    pub speaker: String,
    /// The words naming the speaker, as written ("he", "Kremlin adviser Yuri Ushakov").
    pub surface: String,
    /// The reporting verb or phrase ("said", "noted", "according to").
    pub cue: String,
    /// Byte offset of the speaker's words in the source.
    pub start: usize,
    /// End (exclusive) of the speaker's words in the source.
    pub end: usize,
    /// Whether `speaker` is a resolved entity (false for an unresolved pronoun or description).
    #[serde(default)]
    pub resolved: bool,
    /// The outlet, platform or occasion through which it was said, kept apart from the speaker:
    /// "AFP" in "a resident told AFP", "a post on X", "state media", "a news conference".
    #[serde(default)]
    pub channel: Option<String>,
}

impl Attribution {
    /// An unresolved attribution to the words `surface` at `start..end` of the source, told by
    /// the reporting verb or phrase `cue`, with no channel. Entity resolution sets `speaker` to a
    /// canonical name and `resolved` when it can.
    pub fn new(
        surface: impl Into<String>,
        cue: impl Into<String>,
        start: usize,
        end: usize,
    ) -> Self {
        let surface = surface.into();
        Attribution {
            speaker: surface.clone(),
            surface,
            cue: cue.into(),
            start,
            end,
            resolved: false,
            channel: None,
        }
    }
}

/// One assertion of one source, normalised.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Claim {
    /// `{source}:{n}`.
    pub id: ClaimId,
    /// The source the claim comes from.
    pub source: SourceId,
    /// Byte offset of the claim in the source's original bytes.
    pub start: usize,
    /// End (exclusive) of the claim in the source's original bytes.
    pub end: usize,
    /// The claim's text: exactly `source_text[start..end]`.
    pub text: String,
    /// Named entities, in text order.
    #[serde(default)]
    pub entities: Vec<Entity>,
    /// Numbers with units, in text order.
    #[serde(default)]
    pub quantities: Vec<Quantity>,
    /// Time expressions, in text order.
    #[serde(default)]
    pub times: Vec<TimeExpr>,
    /// Quotations, in text order.
    #[serde(default)]
    pub quotes: Vec<Quote>,
    /// Who asserts the claim, when the text says.
    #[serde(default)]
    pub attribution: Option<Attribution>,
    /// Asserted, hedged, conditional or a question.
    #[serde(default)]
    pub modality: Modality,
    /// Affirmed or negated.
    #[serde(default)]
    pub polarity: Polarity,
    /// The content terms used for matching: lowercase stems of the content words, in text order,
    /// stop words left out.
    #[serde(default)]
    pub terms: Vec<String>,
}

impl Claim {
    /// A bare claim with the given span and text: asserted, affirmed, no annotations yet.
    pub fn new(source: SourceId, index: usize, start: usize, text: impl Into<String>) -> Claim {
        let text = text.into();
        Claim {
            id: ClaimId::new(source.clone(), index),
            source,
            start,
            end: start + text.len(),
            text,
            entities: Vec::new(),
            quantities: Vec::new(),
            times: Vec::new(),
            quotes: Vec::new(),
            attribution: None,
            modality: Modality::Asserted,
            polarity: Polarity::Affirmed,
            terms: Vec::new(),
        }
    }

    /// Gives back the spare capacity of the claim's lists and strings. A list grown one push at
    /// a time holds room for four entities or times where a claim has one or two; a run that
    /// keeps a million claims gives that room back. [`crate::extract::extract`] does it for the
    /// claims it makes.
    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.entities.shrink_to_fit();
        self.quantities.shrink_to_fit();
        self.times.shrink_to_fit();
        self.quotes.shrink_to_fit();
        self.terms.shrink_to_fit();
        for t in &mut self.terms {
            t.shrink_to_fit();
        }
    }
}

/// Why a span of a source is in no claim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SkipReason {
    /// Page furniture: "What's Your Reaction?", "Subscribe to get the latest posts", share buttons.
    Boilerplate,
    /// A section heading.
    Heading,
    /// The headline repeated.
    DuplicateHeadline,
    /// The article's headline (a title, not an assertion of the body).
    Headline,
    /// Punctuation or symbols with no words.
    Empty,
    /// A sentence repeated verbatim in the same source.
    Duplicate,
    /// Text that could not be read as sentences (a run of symbols, a very long token).
    Unreadable,
    /// A line that is a web address (or a short label and one): a link, not an assertion.
    Url,
    /// The place (and wire) an article was filed from, opening its first paragraph:
    /// "WASHINGTON (Reuters) -", "KYIV, Ukraine —".
    Dateline,
    /// Who wrote the article: "By Jane Doe", "Reporting by …; Editing by …".
    Byline,
    /// A picture's credit or caption credit: "Photo: Jane Doe / Getty Images", "(AP Photo/…)".
    PhotoCredit,
    /// A pointer to another article: "Read more: …", "Continue reading", "See also".
    ReadMore,
    /// When the page was published or updated, and nothing else: "Last updated 13:26 14/09/2013",
    /// "Published: 4 March 2024, 10:15 GMT". Two outlets' stamps differ and assert nothing.
    Timestamp,
}

impl SkipReason {
    /// The snake_case code used in the JSON report.
    pub fn as_str(self) -> &'static str {
        match self {
            SkipReason::Boilerplate => "boilerplate",
            SkipReason::Heading => "heading",
            SkipReason::DuplicateHeadline => "duplicate_headline",
            SkipReason::Headline => "headline",
            SkipReason::Empty => "empty",
            SkipReason::Duplicate => "duplicate",
            SkipReason::Unreadable => "unreadable",
            SkipReason::Url => "url",
            SkipReason::Dateline => "dateline",
            SkipReason::Byline => "byline",
            SkipReason::PhotoCredit => "photo_credit",
            SkipReason::ReadMore => "read_more",
            SkipReason::Timestamp => "timestamp",
        }
    }
}

/// A span of a source that is in no claim, and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Skipped {
    /// The source.
    pub source: SourceId,
    /// Byte offset in the source.
    pub start: usize,
    /// End (exclusive) in the source.
    pub end: usize,
    /// Why it is not a claim.
    pub reason: SkipReason,
}

/// Metadata of a source: what it is and when it was published.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SourceMeta {
    /// The outlet that published it ("Reuters"), so that later stages weigh outlets, not files.
    pub outlet: Option<String>,
    /// The article's title, if known (extraction takes the first line when it reads as a headline).
    pub title: Option<String>,
    /// The publication date: "Monday" and "last week" resolve against it.
    pub date: Option<Date>,
    /// Where the article was published, when known (a feed record's `url`, a page's canonical
    /// link).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// The claims of each of `sources` (by index), in text order; claims of other sources are left
/// out.
pub(crate) fn claims_by_source<'c>(
    sources: &[SourceId],
    claims: &'c [Claim],
) -> Vec<Vec<&'c Claim>> {
    let index: std::collections::HashMap<&SourceId, usize> =
        sources.iter().enumerate().map(|(i, s)| (s, i)).collect();
    let mut by_source: Vec<Vec<&Claim>> = vec![Vec::new(); sources.len()];
    for c in claims {
        if let Some(&i) = index.get(&c.source) {
            by_source[i].push(c);
        }
    }
    for list in &mut by_source {
        list.sort_by_key(|c| c.id.index());
    }
    by_source
}
