//! Differences: how two aligned claims of different sources differ, typed.
//!
//! Useful for: saying, for two claims already known to assert the same fact, *what* differs between
//! them — a number, a negation, the certainty, the speaker, the day, a detail only one gives, or the
//! whole account — with one sentence quoting the exact words. Not useful for: deciding whether two
//! claims assert the same fact at all (that is [`crate::align`]).
//!
//! The rules, in the order they are tried (see [`compare`]):
//!
//! - **quantity**: both claims give a quantity in the same non-empty unit, and no value of one is
//!   compatible with any value of the other. Values are intervals: an exact value is a point, an
//!   approximate one spans ± [`DiffConfig::approx_tolerance`], "more than" / "fewer than" are
//!   half-lines; two values are compatible when their intervals meet. Numbers in different units are
//!   never compared ("two-hour call" against "30-day ceasefire"), nor are unitless numbers, nor a
//!   per-party count ("nine each") against a total, nor amounts said of different things: an
//!   amount is compared only when the content words next to it in its clause ("scored 23 points",
//!   "40 ships were waiting") are also next to an amount of the same unit in the other claim.
//!   "Dozens" and "hundreds" are lower bounds; an age ("61-year-old") is not a span of years.
//! - **polarity**: one claim negates the content the two share and the other affirms it, and the
//!   claims say nearly the same words (each covers at least [`DiffConfig::same_content`] of the
//!   other's content terms). A negation counts only when its scope (the words after the cue, up to
//!   the end of the clause) reaches a content term both claims share, so "X proposed a truce; Y has
//!   declined" does not contradict "X urged Y to accept a truce".
//! - **account**: one claim refuses what the other has go ahead ("declined the proposal for
//!   talks" / "urged both sides to meet"), the claims otherwise saying different things, or
//!   negates it where one of them is a brief's (a headline checked against its article, in a
//!   report); or one calls untrue what the other states ("a hoax", "the reports are false").
//!   Other negations between claims of two articles that say different things are left to
//!   `detail`: on real coverage they were nearly never a conflict (a negative in a clause the
//!   other lacks, "had not yet" / "had yet to").
//! - **modality**: one claim states the fact as definite, the other as hedged, conditional or a
//!   question, and the hedge bears on what the two share: a hedge cue ("could", "reportedly",
//!   "floated") is a short tail ("…, it seems") or qualifies a shared word: the first content word
//!   after it in its clause, and for a hedging verb also its subject ("was reportedly paid"
//!   against "was paid", "the Vatican has been floated as a venue" against "the Vatican offered to
//!   host"; not "reportedly pulled out of the talks" against "in talks"). A condition's "if" is no
//!   cue of its own (the modal of its main clause is), nor are "May" the month, "could be seen",
//!   "expected more from" or the "would" of reported speech; and the definite claim must not
//!   qualify the shared content itself ("should", someone's "claim", "is accused of"). A question
//!   counts when it asks: it opens with a question word or an auxiliary and ends with its
//!   question mark. An adjective that hedges only its noun ("a memorandum on a *possible* peace
//!   accord") does not make the claim uncertain.
//! - **attribution**: the same quoted words (or near-identical claims) put in the mouths of two
//!   different named speakers (resolved entities, or capitalised names; never pronouns or
//!   descriptions such as "the judge"), neither of which the other claim names anywhere ("said
//!   Zadan and Meron" does not differ from "Meron said"). "Olsen" and "Mara Olsen" are one speaker.
//! - **time**: both claims date the event to a day or a week (resolved calendar values, or
//!   unresolved weekday names), and none of the days of one falls in those of the other. Only days
//!   said of the same thing compare: those whose neighbouring content words ("reopened on
//!   Tuesday") the other claim also gives to a day ("opened fire Friday" and "was charged
//!   Saturday" date two happenings). Months and years are background ("the first since March
//!   2022") and are not compared.
//! - **detail**: content words only one claim gives ("which Kyiv accepted"), quoted as phrases.
//!   Not reported when an account difference already covers the pair.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::align::Lexicon;
use crate::align::lexicon::CompiledLexicon;
use crate::model::{Attribution, Bound, Claim, Date, Modality, Polarity, Quantity, TimeExpr};
use crate::reconcile::predicate;
use crate::reconcile::stance::StanceModel;
use crate::text::{content_terms, is_stop_word, plain_lower, stem, words};

/// How two aligned claims differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
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

impl DifferenceKind {
    /// The snake_case name used in the JSON report.
    pub fn as_str(self) -> &'static str {
        match self {
            DifferenceKind::Quantity => "quantity",
            DifferenceKind::Polarity => "polarity",
            DifferenceKind::Modality => "modality",
            DifferenceKind::Attribution => "attribution",
            DifferenceKind::Time => "time",
            DifferenceKind::Detail => "detail",
            DifferenceKind::Account => "account",
        }
    }
}

/// Settings of difference detection.
///
/// ```
/// use corroborate::reconcile::diff::DiffConfig;
/// let config = DiffConfig::default();
/// assert_eq!(config.approx_tolerance, 0.1);
/// assert_eq!(config.same_content, 0.75);
/// assert_eq!(config.max_detail_phrases, 4);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DiffConfig {
    /// Relative tolerance of an approximate quantity: "about 30" is compatible with 27 to 33.
    /// Default `0.1`.
    pub approx_tolerance: f64,
    /// The share of each claim's content terms the other must have for the two to count as saying
    /// the same words: a flipped negation between such claims is a `polarity` difference;
    /// between less similar ones only a refusal ("declined", "rejected"), or any negation where
    /// one claim is a brief's, is an `account` difference. Default `0.75`.
    pub same_content: f64,
    /// At most this many phrases are quoted per side in a `detail` summary. Default `4`.
    pub max_detail_phrases: usize,
    /// Whether a brief (a headline checked against its article) is compared with each article of
    /// its story as a whole ([`crate::reconcile::stance`]): when the article, read whole,
    /// disputes the brief (and holds refuting words to quote), the brief's claims are linked to
    /// their best matches in it with an `account` difference; between the two, a refuting or
    /// negating sentence alone is then no `account` difference (a same-words flip, `polarity`,
    /// still is). Articles of fewer than [`DiffConfig::stance_min_claims`] claims are compared
    /// claim by claim. Default `true`.
    #[serde(default = "default_brief_stance")]
    pub brief_stance: bool,
    /// The probability of "disputes" at or above which a report says so; `None` takes the
    /// model's own threshold ([`StanceModel::threshold`], chosen when it was fitted). Default
    /// `None`.
    #[serde(default)]
    pub stance_threshold: Option<f64>,
    /// An article is read whole against a brief only when it has at least this many claims:
    /// the model was fitted on news articles (FNC-1 bodies, 16 sentences at the median, fewer
    /// than 5 in 6%); a shorter text is compared claim by claim. Default `5`.
    #[serde(default = "default_stance_min_claims")]
    pub stance_min_claims: usize,
    /// The stance model; `None` is the built-in one ([`StanceModel::builtin`]). Not serialised.
    #[serde(skip)]
    pub stance_model: Option<Arc<StanceModel>>,
}

fn default_brief_stance() -> bool {
    true
}

fn default_stance_min_claims() -> usize {
    5
}

impl Default for DiffConfig {
    fn default() -> DiffConfig {
        DiffConfig {
            approx_tolerance: 0.1,
            same_content: 0.75,
            max_detail_phrases: 4,
            brief_stance: true,
            stance_threshold: None,
            stance_min_claims: default_stance_min_claims(),
            stance_model: None,
        }
    }
}

impl DiffConfig {
    /// Sets [`DiffConfig::approx_tolerance`].
    pub fn approx_tolerance(&mut self, tolerance: f64) -> &mut DiffConfig {
        self.approx_tolerance = tolerance;
        self
    }

    /// Sets [`DiffConfig::same_content`].
    pub fn same_content(&mut self, share: f64) -> &mut DiffConfig {
        self.same_content = share;
        self
    }

    /// Sets [`DiffConfig::brief_stance`].
    pub fn brief_stance(&mut self, on: bool) -> &mut DiffConfig {
        self.brief_stance = on;
        self
    }

    /// Sets [`DiffConfig::stance_model`] (and with it the model's threshold, unless
    /// [`DiffConfig::stance_threshold`] is set).
    pub fn stance_model(&mut self, model: StanceModel) -> &mut DiffConfig {
        self.stance_model = Some(Arc::new(model));
        self
    }

    /// The stance model in use and its threshold.
    pub fn stance(&self) -> (&StanceModel, f64) {
        let model = self.stance_model.as_deref().unwrap_or_else(|| StanceModel::builtin());
        (model, self.stance_threshold.unwrap_or(model.threshold))
    }
}

/// One way in which two claims differ, before it is attached to a fact.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PairDifference {
    /// What differs.
    pub kind: DifferenceKind,
    /// One sentence saying what differs, quoting the exact words.
    pub summary: String,
}

/// How claims `a` and `b` (of different sources, already aligned) differ, with the built-in
/// synonym lexicon. See [`Differ`] to use a run's own lexicon, or to compare many pairs.
///
/// Returns the differences in the order of the rules in the [module docs](self); an exact copy of a
/// claim gives none.
///
/// **Complexity**: O(w² + q²) in the claims' words `w` and quantities/times `q`; claims are
/// sentences, so this is small.
pub fn compare(a: &Claim, b: &Claim, config: &DiffConfig) -> Vec<PairDifference> {
    Differ::new(config, &Lexicon::default()).compare(a, b)
}

/// Compares claims with a configuration and a synonym lexicon compiled once.
///
/// Words the lexicon makes synonyms ("talks" and "negotiations", "truce" and "halt in
/// hostilities") count as shared: they are neither a `detail` nor what makes two claims differ.
#[derive(Debug)]
pub struct Differ {
    config: DiffConfig,
    builtin: Option<&'static CompiledLexicon>,
    user: CompiledLexicon,
}

impl Differ {
    /// A differ with `config` and the synonyms of `lexicon` (the built-in groups when
    /// `lexicon.builtin`, and the user's).
    pub fn new(config: &DiffConfig, lexicon: &Lexicon) -> Differ {
        Differ {
            config: config.clone(),
            builtin: lexicon.builtin.then(CompiledLexicon::builtin),
            user: CompiledLexicon::compile(
                lexicon.synonyms.iter().map(Vec::as_slice),
                CompiledLexicon::builtin_len(),
            ),
        }
    }

    /// How claims `a` and `b` differ: see [`compare`].
    pub fn compare(&self, a: &Claim, b: &Claim) -> Vec<PairDifference> {
        compare_views(a, b, &View::new(a, self), &View::new(b, self), &self.config, false)
    }

    /// [`Differ::compare`] where one of the claims is a brief's (a source of one or two claims,
    /// such as a headline checked against its article): any negation of what the other states
    /// is then an `account` difference, not only a refusal.
    pub(crate) fn compare_brief(&self, a: &Claim, b: &Claim, brief: bool) -> Vec<PairDifference> {
        compare_views(a, b, &View::new(a, self), &View::new(b, self), &self.config, brief)
    }

    /// The pairs of `pairs` (indices into `claims`) whose claims tell two different things
    /// ([`crate::reconcile::predicate`]), as `(min, max)`. Each claim's predicates are read once.
    pub(crate) fn apart_links(
        &self,
        claims: &[Claim],
        pairs: impl Iterator<Item = (usize, usize)>,
    ) -> HashSet<(usize, usize)> {
        use crate::par::*;
        use crate::reconcile::predicate::Predicates;
        let pairs: Vec<(usize, usize)> = pairs.map(|(a, b)| (a.min(b), a.max(b))).collect();
        let mut needed: Vec<usize> = pairs.iter().flat_map(|&(a, b)| [a, b]).collect();
        needed.sort_unstable();
        needed.dedup();
        let lexicons: Vec<&CompiledLexicon> =
            self.builtin.into_iter().chain(std::iter::once(&self.user)).collect();
        let read: Vec<Predicates> =
            needed.par_iter().map(|&i| Predicates::of(&claims[i], &lexicons)).collect();
        let of = |i: usize| &read[needed.binary_search(&i).expect("a claim of a pair")];
        pairs.into_iter().filter(|&(a, b)| of(a).apart(of(b))).collect()
    }

    /// The claim's view when it says how long a happening went on ("talks that lasted three
    /// days"): the claims [`Differ::compare_durations_in`] compares.
    fn timed_view<'c>(&self, claim: &'c Claim) -> Option<View<'c>> {
        if !claim.quantities.iter().any(|q| is_time_unit(&q.unit)) {
            return None;
        }
        let view = View::new(claim, self);
        claim
            .quantities
            .iter()
            .any(|q| !duration_of(claim, &view, &q.unit, q).is_empty())
            .then_some(view)
    }

    /// `quantity` differences between claims that give different lengths of one happening
    /// ("talks in Geneva that lasted three days" / "the negotiations ran for four days"), whatever
    /// else they say: claims in two facts are compared this way, where other amounts would too
    /// often be two measures of two happenings. Over the pairs of each group of `claims`
    /// (indices, in the order given) that `pair` admits, each claim's view built once:
    /// `(i, j, difference)` for `i` before `j` in its group. Only the first `max_per_group`
    /// claims of a group that say how long something went on are compared.
    pub(crate) fn compare_durations_in(
        &self,
        claims: &[Claim],
        groups: impl IntoIterator<Item = Vec<usize>>,
        max_per_group: usize,
        pair: impl Fn(usize, usize) -> bool,
    ) -> Vec<(usize, usize, PairDifference)> {
        let mut out = Vec::new();
        for group in groups {
            let timed: Vec<(usize, View<'_>)> = group
                .into_iter()
                .filter_map(|i| self.timed_view(&claims[i]).map(|v| (i, v)))
                .take(max_per_group)
                .collect();
            for (k, (r, view_r)) in timed.iter().enumerate() {
                for (c, view_c) in &timed[k + 1..] {
                    if !pair(*r, *c) {
                        continue;
                    }
                    let (a, b) = (&claims[*r], &claims[*c]);
                    if let Some(d) = quantity(a, b, view_r, view_c, &self.config, false) {
                        out.push((*r, *c, d));
                    }
                }
            }
        }
        out
    }

    /// The byte ranges in `claim.text` of the phrases none of `others` gives, by word or synonym:
    /// the words a `detail` difference quotes, found against several claims at once (so a report
    /// can mark what only this claim says, once, however many claims tell the fact).
    pub(crate) fn unique_phrases(&self, claim: &Claim, others: &[&Claim]) -> Vec<Range<usize>> {
        let view = View::new(claim, self);
        let mut terms = HashSet::new();
        for other in others {
            terms.extend(View::new(other, self).terms);
        }
        let mut ranges = extra_ranges(claim, &view, others, &terms);
        // A phrase reads whole with the small word that leads into it ("at least five rockets",
        // not "least five rockets"): one stop word inside the clause.
        for range in &mut ranges {
            let Some(first) = view.words.iter().position(|w| w.start == range.start) else {
                continue;
            };
            for k in (first.saturating_sub(1)..first).rev() {
                let (word, next) = (&view.words[k], &view.words[k + 1]);
                let gap = claim.text.get(word.start + word.text.len()..next.start);
                let lead = word.terms.is_empty() && LEADS.contains(&word.lower.as_str());
                if !lead || gap.is_none_or(ends_clause) {
                    break;
                }
                range.start = word.start;
            }
        }
        ranges
    }
}

fn compare_views(
    a: &Claim,
    b: &Claim,
    view_a: &View<'_>,
    view_b: &View<'_>,
    config: &DiffConfig,
    brief: bool,
) -> Vec<PairDifference> {
    let shared: HashSet<&str> =
        view_a.terms.intersection(&view_b.terms).map(String::as_str).collect();
    let mut out = Vec::new();

    out.extend(quantity(a, b, view_a, view_b, config, true));

    // A claim that tells an earlier state ("Previously, agencies were required to consult")
    // does not contradict one that tells the present ("The rules don't require it").
    let earlier = tells_an_earlier_state(view_a) || tells_an_earlier_state(view_b);
    let neg_a = !earlier && negates_shared(a, view_a, &shared);
    let neg_b = !earlier && negates_shared(b, view_b, &shared);
    let mut account = false;
    // "Isn't sure what caused it" says the cause is unknown ("the cause is unclear"); it denies
    // nothing the other claim tells.
    if neg_a != neg_b && !negates_certainty(if neg_a { view_a } else { view_b }) {
        let (neg, neg_view, pos) = if neg_a { (a, view_a, b) } else { (b, view_b, a) };
        let close = coverage(view_a, &shared) >= config.same_content
            && coverage(view_b, &shared) >= config.same_content;
        let cue_word = neg_view.negation_cue;
        let cue = cue_word.map(|c| format!(" (\u{201c}{c}\u{201d})")).unwrap_or_default();
        if answers_a_charge(cue_word, pos) {
            // "Man denies arson" against "Man charged with arson": a denial answers an accusation,
            // and both are true.
        } else if close {
            out.push(PairDifference {
                kind: DifferenceKind::Polarity,
                summary: format!("{} negates{cue} what {} affirms.", neg.source, pos.source),
            });
        } else if brief
            || (cue_word.is_some_and(is_refusal)
                // Both refuse it, in other words ("rejected calls for early elections" /
                // "rebuffing calls for early elections").
                && !crate::text::words(&pos.text).any(|w| is_refusal(w.text)))
        {
            // Between looser claims of two articles a negation was nearly never a conflict on
            // real coverage: of 114 such pairs on the 33 ECB+ development topics, none of those
            // read was ("had not yet regained consciousness" / "had yet to regain", a denial
            // against a charge, a negative in a clause the other lacks); they are left to
            // `detail`. A refusal is kept: it stands against a telling in which what was refused
            // goes ahead ("declined the proposal for talks" / "urged both sides to meet"). So is
            // any negation of a brief (a headline checked against its article), which says one
            // thing only: "Ferry Did Not Strike A Sandbank" against "the ferry struck a sandbank
            // off the island with 240 on board".
            account = true;
            out.push(PairDifference {
                kind: DifferenceKind::Account,
                summary: format!(
                    "{} and {} tell the event differently: {} says \u{201c}{}\u{201d}{cue}, {} says \u{201c}{}\u{201d}.",
                    a.source,
                    b.source,
                    neg.source,
                    clip(&neg.text, 90),
                    pos.source,
                    clip(&pos.text, 90)
                ),
            });
        }
    }

    // One calls untrue what the other states ("the reports are false", "a hoax").
    if neg_a == neg_b {
        let (ra, rb) = (refutation_cue(a), refutation_cue(b));
        if let (Some(cue), None) | (None, Some(cue)) = (ra, rb)
            && let (neg, pos) = if ra.is_some() { (a, b) } else { (b, a) }
            && disputes(neg, pos)
            // Between two articles, a denial answers only what the other states: "he denied
            // the accusations" does not contradict "some speculated that he was the source".
            && (brief || pos.modality == Modality::Asserted)
            && !earlier
        {
            account = true;
            out.push(untrue(neg, pos, cue, "it"));
        }
    }
    out.extend(modality(a, b, view_a, view_b, &shared));
    out.extend(attribution(a, b, view_a, view_b, &shared));
    out.extend(time(a, b));
    if !account {
        out.extend(detail(a, b, view_a, view_b, config));
    }
    out
}

/// The `account` difference of an article that, read whole, disputes a brief
/// ([`crate::reconcile::stance`]), quoting its refuting words (at most four).
pub(crate) fn disputed_brief(
    brief: &crate::model::SourceId,
    article: &crate::model::SourceId,
    words: &[String],
) -> PairDifference {
    let quoted: Vec<String> =
        words.iter().take(4).map(|w| format!("\u{201c}{w}\u{201d}")).collect();
    let why = match quoted.is_empty() {
        true => String::new(),
        false => format!(" ({})", quoted.join(", ")),
    };
    PairDifference {
        kind: DifferenceKind::Account,
        summary: format!("{article}, read whole, disputes what {brief} says{why}."),
    }
}

/// Whether the negation `cue` is a denial and `other` reports an accusation, which the denial
/// answers rather than contradicts ("denies arson" / "was charged with arson").
fn answers_a_charge(cue: Option<&str>, other: &Claim) -> bool {
    const ACCUSED: &[&str] = &[
        "charged",
        "charges",
        "charge",
        "accused",
        "accuses",
        "accusation",
        "accusations",
        "alleged",
        "allegedly",
        "allegation",
        "allegations",
        "suspected",
        "suspicion",
        "indicted",
    ];
    cue.is_some_and(|c| plain_lower(c).starts_with("den"))
        && crate::text::words(&other.text).any(|w| ACCUSED.contains(&plain_lower(w.text).as_str()))
}

/// Whether a negation cue is a verb of refusal ("declined", "rejects", "refused").
fn is_refusal(cue: &str) -> bool {
    let cue = plain_lower(cue);
    ["declin", "reject", "refus", "rebuff", "spurn"].iter().any(|stem| cue.starts_with(stem))
}

/// Words that say a report, a claim or an account is untrue: a claim holding one disputes what
/// another source of its story states about the same happening, even where the two are not
/// paraphrases ("Reports of the arrest were a hoax" / "Police arrested the singer on Friday").
const REFUTATION_CUES: &[&str] = &[
    "hoax",
    "hoaxes",
    "fabrication",
    "satire",
    "faked",
    "falsely",
    "debunked",
    "debunk",
    "debunks",
    "retracted",
    "denied",
    "denies",
    "deny",
    "denying",
];

/// Adjectives that refute only where they say a statement or a report is untrue: said of it
/// ("the reports are false", "proved unfounded") or of a report noun ("false claims"), not of a
/// thing ("fake passports", "a false alarm").
const REFUTING_ADJECTIVES: &[&str] =
    &["fake", "false", "untrue", "bogus", "baseless", "unfounded", "fabricated", "doctored"];

/// The first word of `claim` that calls something untrue ("a hoax", "the reports are false",
/// "denied that", "not true"), as written.
pub(crate) fn refutation_cue(claim: &Claim) -> Option<&str> {
    let words: Vec<crate::text::Word<'_>> = crate::text::words(&claim.text).collect();
    let lower: Vec<String> = words.iter().map(|w| w.text.to_lowercase()).collect();
    for (i, w) in words.iter().enumerate() {
        let word = lower[i].as_str();
        let previous = if i > 0 { lower[i - 1].as_str() } else { "" };
        let next = lower.get(i + 1).map_or("", String::as_str);
        let refutes = if REFUTATION_CUES.contains(&word) {
            // "deny" refutes a statement ("denied that", "denied the claims"), not a thing
            // withheld ("to deny them entry").
            !word.starts_with("den") || denies_a_statement(&claim.text[w.start + w.text.len()..])
        } else if REFUTING_ADJECTIVES.contains(&word) {
            PREDICATES.contains(&previous) || REPORTS.contains(&next)
        } else {
            matches!(word, "true" | "real" | "genuine")
                && (matches!(previous, "not" | "never") || previous.ends_with("n't"))
        };
        if refutes {
            return Some(w.text);
        }
    }
    None
}

/// Words after which an adjective is said of the subject: "are false", "proved unfounded".
const PREDICATES: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "as",
    "proved",
    "proven",
    "totally",
    "completely",
    "entirely",
    "wholly",
    "utterly",
    "absolutely",
    "clearly",
    "obviously",
];

/// Nouns that name a report (a story, a claim, a video, a photo).
const REPORTS: &[&str] = &[
    "story",
    "stories",
    "report",
    "reports",
    "reported",
    "claim",
    "claims",
    "claimed",
    "claiming",
    "rumor",
    "rumors",
    "rumour",
    "rumours",
    "video",
    "videos",
    "photo",
    "photos",
    "image",
    "images",
    "picture",
    "pictures",
    "article",
    "articles",
    "post",
    "posts",
    "tweet",
    "tweets",
    "website",
    "footage",
    "recording",
    "purported",
    "allegedly",
    "alleged",
    "news",
];

/// The `account` difference of `refuting`, which calls `what` ("it", "a report of it") untrue
/// with `cue`, against `other`, which states it.
pub(crate) fn untrue(refuting: &Claim, other: &Claim, cue: &str, what: &str) -> PairDifference {
    PairDifference {
        kind: DifferenceKind::Account,
        summary: format!(
            "{} calls {what} untrue (\u{201c}{cue}\u{201d}): \u{201c}{}\u{201d}; {} states \u{201c}{}\u{201d}.",
            refuting.source,
            clip(&refuting.text, 90),
            other.source,
            clip(&other.text, 90)
        ),
    }
}

/// Whether `refuting` (which holds a refutation word) disputes what `other` says: it is no
/// question ("Is the video a hoax?"), and `other` states the thing itself, affirmed, rather
/// than reporting that a report says it ("A report claimed that the singer had died").
pub(crate) fn disputes(refuting: &Claim, other: &Claim) -> bool {
    refuting.modality != Modality::Question
        && other.modality != Modality::Question
        && other.polarity == Polarity::Affirmed
        && !names_a_report(other)
}

/// Whether `claim` names a report (a story, a claim, a video, a photo): a refutation word in
/// it calls that report untrue, and a claim that names one reports what was said.
pub(crate) fn names_a_report(claim: &Claim) -> bool {
    crate::text::words(&claim.text).any(|w| REPORTS.contains(&w.text.to_lowercase().as_str()))
}

/// Whether the words after a "deny" make it a denial of a statement: "that", a report, or the
/// act itself ("denied carrying out the strike", "denied involvement").
fn denies_a_statement(rest: &str) -> bool {
    let mut words = crate::text::words(rest).map(|w| w.text.to_lowercase());
    let Some(first) = words.next() else { return false };
    let second = words.next().unwrap_or_default();
    let statement = |w: &str| {
        matches!(
            w,
            "that"
                | "claims"
                | "claim"
                | "reports"
                | "report"
                | "allegations"
                | "allegation"
                | "rumors"
                | "rumours"
                | "accusations"
                | "involvement"
                | "responsibility"
                | "wrongdoing"
                | "it"
                | "this"
                | "any"
                | "having"
                | "being"
        ) || w.ends_with("ing")
    };
    statement(&first) || (matches!(first.as_str(), "the" | "these" | "those") && statement(&second))
}

/// Whether a difference of this kind makes a fact contested: every kind but `detail`.
pub fn contests(kind: DifferenceKind) -> bool {
    kind != DifferenceKind::Detail
}

/// Small words that lead into a phrase (articles, prepositions, relative pronouns): a marked
/// phrase takes the one before it.
const LEADS: &[&str] = &[
    "a", "an", "the", "at", "in", "on", "of", "for", "to", "from", "by", "with", "after", "before",
    "near", "over", "under", "about", "into", "during", "that", "which", "who", "some", "its",
    "their", "his", "her",
];

/// Words that end the scope of a negation: a new clause begins.
///
/// "and" and "or" are included: "not safe for traffic and will stay closed" negates the safety,
/// not the closure. A narrower scope only ever reports fewer contradictions.
const CLAUSE_WORDS: &[&str] = &[
    "but", "while", "though", "although", "however", "whereas", "because", "since", "which", "and",
    "or",
];

/// Words that hedge the clause they stand in, or make it conditional: quoted in a modality
/// summary, and used to check that a hedge bears on what two claims share. Every word extraction
/// reads as a hedge or a condition (`extract::cues`), and these, which hedge a clause
/// without making extraction call the whole claim hedged.
fn hedge_cue(w: &str) -> bool {
    crate::extract::cues::is_modal_cue(w)
        || matches!(
            w,
            "would"
                | "hoped"
                | "hopes"
                | "considered"
                | "seem"
                | "appear"
                | "suggests"
                | "uncertain"
        )
}

/// Adjectives that, right before a content word, hedge that noun ("a possible peace accord",
/// "a potential venue") rather than the claim: the accord is possible, the claim about it is not.
const ATTRIBUTIVE_HEDGES: &[&str] = &[
    "possible",
    "potential",
    "prospective",
    "proposed",
    "likely",
    "probable",
    "future",
    "eventual",
    "alleged",
    "suspected",
    "expected",
    "planned",
];

/// Words that start a new clause for a hedge (coordination with "and" does not: "X may come and
/// sign" hedges both).
const HEDGE_CLAUSE_WORDS: &[&str] = &["but", "while", "though", "although", "however", "whereas"];

/// How far a negation reaches, in words, at most.
const NEGATION_SCOPE: usize = 10;

/// A claim's words prepared for comparison.
struct View<'c> {
    /// Its content terms, without negation cues (they are compared through polarity), and the
    /// lexicon concepts its words express, as `~{concept}`.
    terms: HashSet<String>,
    /// Its words with their terms.
    words: Vec<ViewWord<'c>>,
    /// The first negation cue, as written.
    negation_cue: Option<&'c str>,
}

struct ViewWord<'c> {
    text: &'c str,
    start: usize,
    lower: String,
    /// Content terms, then the word's concepts as `~{concept}`.
    terms: Vec<String>,
    /// How many of `terms` are content terms (the rest are concepts).
    n_lexical: usize,
}

impl ViewWord<'_> {
    /// Whether the other claim lacks this word: a content term of it is not there, and no concept
    /// it expresses is either.
    fn is_extra(&self, other: &HashSet<String>) -> bool {
        let (lexical, concepts) = self.terms.split_at(self.n_lexical);
        lexical.iter().any(|t| !other.contains(t)) && !concepts.iter().any(|c| other.contains(c))
    }
}

impl<'c> View<'c> {
    fn new(claim: &'c Claim, differ: &Differ) -> View<'c> {
        let mut terms = HashSet::new();
        let mut out = Vec::new();
        let mut negation_cue = None;
        // Stems of every word part, for the lexicon: (word index, stem, is a stop word).
        let mut stems: Vec<(usize, String, bool)> = Vec::new();
        for (i, word) in words(&claim.text).enumerate() {
            let lower = plain_lower(word.text);
            let word_terms = if crate::extract::cues::is_negator(&lower) {
                negation_cue.get_or_insert(word.text);
                Vec::new()
            } else {
                content_terms(word.text)
            };
            let bare = lower.strip_suffix("'s").unwrap_or(&lower);
            for part in bare.split(['-', '\'']).filter(|p| !p.is_empty()) {
                stems.push((i, stem(part), is_stop_word(part)));
            }
            terms.extend(word_terms.iter().cloned());
            let n_lexical = word_terms.len();
            out.push(ViewWord {
                text: word.text,
                start: word.start,
                lower,
                terms: word_terms,
                n_lexical,
            });
        }
        // Concepts, found over the content stems in a row and over all stems, as the scorer does.
        let content: Vec<(usize, &str)> =
            stems.iter().filter(|s| !s.2).map(|s| (s.0, s.1.as_str())).collect();
        let all: Vec<(usize, &str)> = stems.iter().map(|s| (s.0, s.1.as_str())).collect();
        for lex in differ.builtin.into_iter().chain(std::iter::once(&differ.user)) {
            for seq in [&content, &all] {
                let seq_stems: Vec<&str> = seq.iter().map(|s| s.1).collect();
                lex.find(&seq_stems, |start, len, concept| {
                    let token = format!("~{concept}");
                    for &(word, _) in &seq[start..start + len] {
                        let w = &mut out[word];
                        if w.n_lexical > 0 && !w.terms.contains(&token) {
                            w.terms.push(token.clone());
                        }
                    }
                    terms.insert(token);
                });
            }
        }
        View { terms, words: out, negation_cue }
    }
}

/// The share of a claim's content words that the other claim shares (by term or by concept; 1 when
/// it has none).
fn coverage(view: &View<'_>, shared: &HashSet<&str>) -> f64 {
    let content: Vec<&ViewWord<'_>> = view.words.iter().filter(|w| w.n_lexical > 0).collect();
    if content.is_empty() {
        return 1.0;
    }
    let covered = content.iter().filter(|w| w.terms.iter().any(|t| shared.contains(t.as_str())));
    covered.count() as f64 / content.len() as f64
}

/// Whether a claim tells how things were before: "previously", "formerly", "used to".
fn tells_an_earlier_state(view: &View<'_>) -> bool {
    view.words.iter().enumerate().any(|(i, w)| {
        matches!(w.lower.as_str(), "previously" | "formerly")
            || (w.lower == "used" && view.words.get(i + 1).is_some_and(|n| n.lower == "to"))
    })
}

/// Whether `claim` negates content it shares with the other claim: a clause of it holds an odd
/// number of negation cues, and the scope of one of them reaches a shared term (degree words such
/// as "much" aside). A contradiction is only reported when the words that make it are found.
fn negates_shared(claim: &Claim, view: &View<'_>, shared: &HashSet<&str>) -> bool {
    // Negations count per clause: two in one clause cancel ("did not refuse"), two in two clauses
    // do not ("was denied a permit, … who would not say why" negates the permit once).
    let n = view.words.len();
    let gap_before = |i: usize| -> &str {
        let prev = &view.words[i - 1];
        claim.text.get(prev.start + prev.text.len()..view.words[i].start).unwrap_or("")
    };
    // Subordinate clauses count apart too: "with no chance of parole after a jury failed to
    // return a death sentence" negates the parole once.
    const SUBORDINATE: &[&str] = &["after", "before", "when", "until", "who", "if", "unless"];
    let mut clause = vec![0usize; n];
    for i in 1..n {
        let word = view.words[i].lower.as_str();
        let starts = ends_clause(gap_before(i))
            || CLAUSE_WORDS.contains(&word)
            || SUBORDINATE.contains(&word);
        clause[i] = clause[i - 1] + usize::from(starts);
    }
    let lower: Vec<&str> = view.words.iter().map(|w| w.lower.as_str()).collect();
    // "Declined to say whether the blaze was set" withholds an answer; it denies nothing.
    // Neither does "the failed candidate".
    let cue = |i: usize| -> bool {
        crate::extract::cues::negates_at(&lower, i)
            && !crate::extract::cues::withholds_telling_at(&lower, i)
    };
    let mut per_clause = vec![0usize; clause.last().map_or(0, |c| c + 1)];
    for i in (0..n).filter(|&i| cue(i)) {
        per_clause[clause[i]] += 1;
    }
    for (i, word) in view.words.iter().enumerate() {
        if !cue(i) || per_clause[clause[i]].is_multiple_of(2) {
            continue;
        }
        let mut prev_end = word.start + word.text.len();
        for next in view.words[i + 1..].iter().take(NEGATION_SCOPE) {
            let gap = claim.text.get(prev_end..next.start).unwrap_or("");
            if ends_clause(gap) || CLAUSE_WORDS.contains(&next.lower.as_str()) {
                break;
            }
            // Degree words say how much, not what: "a job that hasn't had that much clout"
            // negates nothing of "people who have too much free time".
            let degree = matches!(next.lower.as_str(), "much" | "many" | "more" | "most" | "less");
            if !degree && next.terms.iter().any(|t| shared.contains(t.as_str())) {
                return true;
            }
            prev_end = next.start + next.text.len();
        }
    }
    false
}

/// Whether the text between two words ends a clause.
fn ends_clause(gap: &str) -> bool {
    gap.chars().any(|c| {
        matches!(c, ',' | ';' | ':' | '.' | '!' | '?' | '(' | ')' | '\u{2014}' | '\u{2013}')
    }) || gap.contains(" - ")
}

fn quantity<'c>(
    a: &'c Claim,
    b: &'c Claim,
    view_a: &View<'_>,
    view_b: &View<'_>,
    config: &DiffConfig,
    by_anchor: bool,
) -> Option<PairDifference> {
    // Quantities in one unit per kind of measure ("12 miles" and "19 km" compare), with the
    // quantity as written kept for the summary.
    let measured = |c: &'c Claim| -> Vec<(&'c str, Quantity, usize)> {
        c.quantities
            .iter()
            .enumerate()
            .filter(|(_, q)| !q.unit.is_empty())
            .map(|(k, q)| {
                let written = plain_lower(&quantity_words(c, q));
                // An age ("61-year-old", "aged 61 years") is another measure than a span of
                // years ("41 years later").
                let age = written.ends_with("year-old")
                    || written.ends_with("years-old")
                    || written.ends_with("years old");
                let (unit, factor) = if age { ("year of age", 1.0) } else { common_unit(&q.unit) };
                let mut q = q.clone();
                q.value *= factor;
                // A converted figure was rounded by whoever converted it.
                if factor != 1.0 && q.bound == Bound::Exact {
                    q.bound = Bound::Approximate;
                }
                // "Dozens", "hundreds": at least two of the scale, and no upper bound this module
                // would dare to set ("dozens" holds "around 60").
                if let Some(scale) =
                    written.split_whitespace().next().and_then(crate::text::plural_scale)
                {
                    q.value = 2.0 * scale;
                    q.bound = Bound::Lower;
                    q.upper = None;
                }
                (unit, q, k)
            })
            .collect()
    };
    let (mut ma, mut mb) = (measured(a), measured(b));
    // Only amounts said of the same thing compare: an amount whose anchor (the content words next
    // to it: "scored 23 points", "40 ships were waiting") the other claim gives to an amount of
    // the same unit. "Scored 23 points" and "had five points during a 15-2 run" are two measures.
    // An amount is also said of the same thing when both give how long one happening went on,
    // in other words: "talks that lasted three days" / "the negotiations ran for four days". Its
    // keys: its anchor's words (when anchors count), and the words of what lasted, marked apart.
    let keys = |c: &Claim, v: &View<'_>, ms: &[(&str, Quantity, usize)]| -> Vec<Vec<String>> {
        ms.iter()
            .map(|m| {
                let q = &c.quantities[m.2];
                let anchor = if by_anchor { span_anchor(c, q.start, q.end) } else { Vec::new() };
                let lasting = duration_of(c, v, m.0, q).into_iter().map(|t| format!("lasting {t}"));
                anchor.into_iter().chain(lasting).collect()
            })
            .collect()
    };
    let (ka, kb) = (keys(a, view_a, &ma), keys(b, view_b, &mb));
    // Whether each amount shares a key with some same-unit amount of the other claim.
    type Measured<'q> = [(&'q str, Quantity, usize)];
    let said_of_same =
        |ms: &Measured<'_>, ks: &[Vec<String>], others: &Measured<'_>, other_ks: &[Vec<String>]| {
            ms.iter()
                .zip(ks)
                .map(|(m, k)| {
                    others
                        .iter()
                        .zip(other_ks)
                        .any(|(o, ok)| o.0 == m.0 && k.iter().any(|x| ok.contains(x)))
                })
                .collect::<Vec<bool>>()
        };
    let (keep_a, keep_b) = (said_of_same(&ma, &ka, &mb, &kb), said_of_same(&mb, &kb, &ma, &ka));
    let mut flags = keep_a.into_iter();
    ma.retain(|_| flags.next().unwrap_or(false));
    let mut flags = keep_b.into_iter();
    mb.retain(|_| flags.next().unwrap_or(false));
    let mut units: Vec<&str> =
        ma.iter().map(|m| m.0).filter(|u| mb.iter().any(|m| m.0 == *u)).collect();
    units.sort_unstable();
    units.dedup();
    let mut parts = Vec::new();
    for unit in units {
        let qa: Vec<&(&str, Quantity, usize)> = ma.iter().filter(|m| m.0 == unit).collect();
        let qb: Vec<&(&str, Quantity, usize)> = mb.iter().filter(|m| m.0 == unit).collect();
        // A count within a window of time ("three times since October", "12 goals this
        // season") is another count than one without ("four times"): both may be true.
        let comparable = qa.iter().any(|x| {
            qb.iter().any(|y| {
                x.1.each == y.1.each
                    && windowed(a, &a.quantities[x.2]) == windowed(b, &b.quantities[y.2])
            })
        });
        // A claim that also gives the other's figure, bare, tells both measures ("Charles rushed
        // for 226 yards while Hillis added 101" / "Hillis rushed for 101 yards"); a bare figure
        // before a participle counts something else ("18 injured and 12 arrested").
        let bare = |c: &Claim, v: f64| {
            c.quantities.iter().any(|q| {
                let next = q
                    .end
                    .checked_sub(c.start)
                    .and_then(|e| c.text.get(e..))
                    .and_then(|rest| words(rest).next())
                    .map(|w| plain_lower(w.text));
                q.unit.is_empty()
                    && (q.value - v).abs() < 1e-9
                    && !next.is_some_and(|w| is_participle(&w))
            })
        };
        let compatible = qa.iter().any(|x| {
            qb.iter().any(|y| x.1.each != y.1.each || quantities_compatible(&x.1, &y.1, config))
        }) || qa.iter().any(|x| bare(b, x.1.value))
            || qb.iter().any(|y| bare(a, y.1.value));
        if comparable && !compatible {
            let say = |claim: &Claim, qs: &[&(&str, Quantity, usize)]| {
                qs.iter()
                    .map(|m| {
                        format!("\u{201c}{}\u{201d}", quantity_words(claim, &claim.quantities[m.2]))
                    })
                    .collect::<Vec<_>>()
                    .join(" and ")
            };
            parts.push(format!(
                "{} says {}, {} says {}",
                a.source,
                say(a, &qa),
                b.source,
                say(b, &qb)
            ));
        }
    }
    if parts.is_empty() {
        return None;
    }
    Some(PairDifference {
        kind: DifferenceKind::Quantity,
        summary: format!("{}.", parts.join("; ")),
    })
}

/// Whether the amount `q` of `claim` counts within a window of time, said in the few words after
/// it: "since October", "so far", "this season", "in the past year", "to date".
fn windowed(claim: &Claim, q: &Quantity) -> bool {
    let Some(rest) = q.end.checked_sub(claim.start).and_then(|e| claim.text.get(e..)) else {
        return false;
    };
    let after: Vec<String> = words(rest).take(4).map(|w| plain_lower(w.text)).collect();
    let at = |k: usize| after.get(k).map(String::as_str);
    (0..after.len()).any(|k| match at(k) {
        Some("since") => true,
        Some("so" | "thus") => at(k + 1) == Some("far"),
        Some("to") => at(k + 1) == Some("date"),
        Some("this") => {
            matches!(at(k + 1), Some("year" | "season" | "month" | "week" | "term" | "decade"))
        }
        Some("in" | "over" | "during") => {
            matches!(at(k + 1), Some("the")) && matches!(at(k + 2), Some("past" | "last"))
        }
        _ => false,
    })
}

/// What a duration is the length of: the terms and concepts of the happening's common words when
/// `q` (in `unit`, a unit of time) says how long a happening went on: "talks in Geneva that
/// lasted three days" (the clause's words before "lasted"), "ran for four days". Names are left
/// out: a place or a person is where or who, not what lasted. Empty for any other amount: "a
/// 12-year sentence", "an eight-year deal" (terms of an agreement, and one story tells many),
/// "three days later".
fn duration_of(claim: &Claim, view: &View<'_>, unit: &str, q: &Quantity) -> Vec<String> {
    if !is_time_unit(unit) {
        return Vec::new();
    }
    let Some(start) = q.start.checked_sub(claim.start) else { return Vec::new() };
    let text = &claim.text;
    let words = &view.words;
    let gap = |x: usize, y: usize| -> &str {
        text.get(words[x].start + words[x].text.len()..words[y].start).unwrap_or(".")
    };
    // The happening's words: those of a name are left out, and so is the claim's first word only
    // when it is not a common word in lower case elsewhere (a capital at the start says nothing).
    let common = |k: usize| -> bool {
        let w = &words[k];
        w.n_lexical > 0 && (k == 0 || !w.text.starts_with(|c: char| c.is_uppercase()))
    };
    let terms = |k: usize| words[k].terms.iter().cloned();
    let Some(first) = words.iter().position(|w| w.start >= start) else { return Vec::new() };
    // "lasted three days", "ran for four days".
    let mut verb = first.checked_sub(1);
    if let Some(v) = verb
        && words[v].lower == "for"
    {
        verb = v.checked_sub(1);
    }
    let Some(verb) = verb.filter(|&v| {
        matches!(
            words[v].lower.as_str(),
            "lasted"
                | "lasting"
                | "lasts"
                | "last"
                | "ran"
                | "run"
                | "runs"
                | "running"
                | "continued"
                | "stretched"
                | "spanned"
                | "spanning"
        ) && !(v + 1..first).chain(std::iter::once(first)).any(|k| ends_clause(gap(k - 1, k)))
    }) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for k in (0..verb).rev() {
        if ends_clause(gap(k, k + 1)) {
            break;
        }
        if common(k) {
            out.extend(terms(k));
        }
    }
    out
}

/// Whether a unit measures time, so that an amount in it can be how long something lasted.
fn is_time_unit(unit: &str) -> bool {
    matches!(unit, "second" | "minute" | "hour" | "day" | "week" | "month" | "year")
}

/// The unit a quantity compares in, and the factor to it: lengths in kilometres, areas in square
/// metres, masses in kilograms; other units as they are.
fn common_unit(unit: &str) -> (&str, f64) {
    match unit {
        "kilometre" | "kilometer" | "km" => ("kilometre", 1.0),
        "mile" => ("kilometre", 1.609_344),
        "metre" | "meter" => ("kilometre", 0.001),
        "foot" => ("kilometre", 0.000_304_8),
        "square metre" | "square meter" => ("square metre", 1.0),
        "square foot" => ("square metre", 0.092_903_04),
        "square kilometre" | "square kilometer" => ("square metre", 1e6),
        "square mile" => ("square metre", 2_589_988.11),
        "kilogram" | "kg" => ("kilogram", 1.0),
        "tonne" | "ton" => ("kilogram", 1000.0),
        other => (other, 1.0),
    }
}

/// Whether two quantities of one unit can both be true: their value intervals meet.
pub fn quantities_compatible(x: &Quantity, y: &Quantity, config: &DiffConfig) -> bool {
    let (lo_x, hi_x) = interval(x, config.approx_tolerance);
    let (lo_y, hi_y) = interval(y, config.approx_tolerance);
    // A hair of slack so that 0.1 + 0.2 and 0.3 are one value.
    let eps = 1e-9 * (1.0 + x.value.abs().max(y.value.abs()));
    lo_x <= hi_y + eps && lo_y <= hi_x + eps
}

fn interval(q: &Quantity, tolerance: f64) -> (f64, f64) {
    // A range ("10-12 million") holds every value from its low end to its high end.
    let (v, hi) = (q.value, q.upper.unwrap_or(q.value).max(q.value));
    match q.bound {
        Bound::Exact => (v, hi),
        Bound::Approximate => ((v - (v * tolerance).abs()), hi + (hi * tolerance).abs()),
        Bound::Lower => (v, f64::INFINITY),
        Bound::Upper => (f64::NEG_INFINITY, hi),
    }
}

/// The words of a quantity as written in the claim, or its value and unit when the span is off.
fn quantity_words(claim: &Claim, q: &Quantity) -> String {
    span_words(claim, q.start, q.end).map(str::to_string).unwrap_or_else(|| {
        if q.unit.is_empty() { format!("{}", q.value) } else { format!("{} {}", q.value, q.unit) }
    })
}

/// The text of source span `[start, end)` inside the claim, when it lies there.
fn span_words(claim: &Claim, start: usize, end: usize) -> Option<&str> {
    let s = start.checked_sub(claim.start)?;
    let e = end.checked_sub(claim.start)?;
    claim.text.get(s..e).filter(|w| !w.trim().is_empty())
}

fn modality(
    a: &Claim,
    b: &Claim,
    view_a: &View<'_>,
    view_b: &View<'_>,
    shared: &HashSet<&str>,
) -> Option<PairDifference> {
    let definite = |c: &Claim| c.modality == Modality::Asserted;
    if definite(a) == definite(b) {
        return None;
    }
    let (sure, sure_view, unsure, unsure_view) =
        if definite(a) { (a, view_a, b, view_b) } else { (b, view_b, a, view_a) };
    // A claim that negates certainty ("isn't sure what caused it") tells no definite telling,
    // nor does a clause that opens on "and that": what someone said, who is outside the claim.
    if negates_certainty(sure_view) || continues_a_report(sure_view) {
        return None;
    }
    // "X is accused of shooting Y" states the accusation, not the shooting: it is no definite
    // telling to set against "police allege X opened fire".
    if sure_view.words.iter().any(|w| matches!(w.lower.as_str(), "accused" | "accuses")) {
        return None;
    }
    if qualifies_shared(sure, sure_view, shared) {
        return None;
    }
    // The cue to quote: the one that bears on what both share.
    let mut bearing = None;
    if unsure.modality == Modality::Question {
        if !asks(unsure) {
            return None;
        }
    } else {
        bearing = hedge_bears_on_shared(unsure, unsure_view, shared)?;
    }
    // "Allegedly" and "reportedly" say whose account the content is, not that it may not be so;
    // a claim that gives the same content as someone's account ("…, police said", "according to
    // police", "after police say he fired") stands no surer. (An attribution's cue is one of the
    // claim's own words, so reading the words finds it.) Unless the content is presupposed
    // there, in a relative clause ("a former employee who opened fire … has been charged, police
    // said"): that is stated.
    if bearing.is_some_and(|i| EVIDENTIAL.contains(&unsure_view.words[i].lower.as_str()))
        && sure_view.words.iter().any(|w| reports(&w.lower))
        && !presupposes_shared(sure_view, shared)
    {
        return None;
    }
    let how = match unsure.modality {
        Modality::Conditional => "only under a condition",
        Modality::Question => "as a question",
        _ => "as uncertain",
    };
    let cue = bearing
        .or_else(|| {
            unsure_view.words.iter().enumerate().position(|(i, w)| {
                hedge_cue(&w.lower)
                    && !attributive(unsure, unsure_view, i)
                    && !not_a_hedge(unsure_view, i)
            })
        })
        .map(|i| format!(" (\u{201c}{}\u{201d})", unsure_view.words[i].text))
        .unwrap_or_default();
    Some(PairDifference {
        kind: DifferenceKind::Modality,
        summary: format!(
            "{} states it as definite; {} gives it {how}{cue}.",
            sure.source, unsure.source
        ),
    })
}

/// Hedges that say whose account the content is ("allegedly", "reportedly", "police allege"),
/// not that it may not be so.
const EVIDENTIAL: &[&str] = &[
    "allegedly",
    "alleged",
    "allege",
    "alleges",
    "alleging",
    "reportedly",
    "purportedly",
    "supposedly",
];

/// Whether a lowercase word tells someone's report: a reporting verb ("said", "told") that does
/// not present what it reports as fact, "reporting" or "according".
fn reports(w: &str) -> bool {
    // Not the verbs that present what follows as fact ("confirmed", "admitted").
    let factive = matches!(w, "acknowledged" | "confirmed" | "confirms" | "admitted");
    (crate::text::REPORTING_VERBS.contains(&w) && !factive)
        || matches!(w, "reporting" | "according")
}

/// Whether the claim holds a word of what both share right after "who" or "which": content
/// presupposed in a relative clause ("a former employee who opened fire … was charged, police
/// said") rather than told as someone's account.
fn presupposes_shared(view: &View<'_>, shared: &HashSet<&str>) -> bool {
    view.words.iter().enumerate().any(|(j, w)| {
        w.n_lexical > 0
            && w.terms.iter().any(|t| shared.contains(t.as_str()))
            && (j.saturating_sub(2)..j)
                .any(|k| matches!(view.words[k].lower.as_str(), "who" | "which"))
    })
}

/// Whether a negation in the claim governs certainty itself ("isn't sure", "not entirely
/// clear", "no one is certain"): the claim says something is unknown, not that it is false.
fn negates_certainty(view: &View<'_>) -> bool {
    let words: Vec<&str> = view.words.iter().map(|w| w.lower.as_str()).collect();
    (0..words.len()).any(|i| crate::extract::cues::negated_certainty_at(&words, i).is_some())
}

/// Whether the claim opens as the continuation of someone's report: "and that …", "but that …",
/// or "that …" written in lower case. Its content is what was said, by a speaker before it.
fn continues_a_report(view: &View<'_>) -> bool {
    let first = view.words.first();
    let second = view.words.get(1).map(|w| w.lower.as_str());
    first.is_some_and(|w| {
        (matches!(w.lower.as_str(), "and" | "but" | "or") && second == Some("that"))
            || w.text == "that"
    })
}

/// Whether a claim read as a question asks it: it opens with a question word or an auxiliary
/// and ends with the question mark ("Will the ferry sail again?"), rather than holding a stray
/// one ("Vincenzo?", "Sox Make Offer (8 Years?)", "… like Ross.?").
fn asks(claim: &Claim) -> bool {
    const OPENERS: &[&str] = &[
        "who", "what", "when", "where", "why", "how", "which", "whose", "is", "are", "was", "were",
        "do", "does", "did", "will", "would", "can", "could", "should", "shall", "has", "have",
        "had", "may", "might", "must",
    ];
    let text = claim.text.trim().trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')']);
    let first = words(text).next().map(|w| plain_lower(w.text));
    text.ends_with('?')
        && !text.ends_with(".?")
        && first.is_some_and(|w| OPENERS.contains(&w.as_str()))
        && words(text).count() >= 3
}

/// Whether word `i` is an attributive hedge: an adjective such as "possible" right before a
/// content word, in the same clause.
fn attributive(claim: &Claim, view: &View<'_>, i: usize) -> bool {
    let word = &view.words[i];
    if !ATTRIBUTIVE_HEDGES.contains(&word.lower.as_str()) {
        return false;
    }
    let Some(next) = view.words.get(i + 1) else { return false };
    let gap = claim.text.get(word.start + word.text.len()..next.start).unwrap_or("");
    !ends_clause(gap) && !next.terms.is_empty()
}

/// Whether `w` (lowercase) reads as a past participle: "-ed", "-en", or a common irregular one.
fn is_participle(w: &str) -> bool {
    (w.len() > 4 && (w.ends_with("ed") || w.ends_with("en"))) || predicate::is_irregular_past(w)
}

/// Words of a time phrase that may stand between a verb and its "that" clause ("said on
/// Friday that", "suggested late Saturday that"), beside the weekdays.
const TIME_WORDS: &[&str] = &[
    "on",
    "last",
    "this",
    "late",
    "early",
    "earlier",
    "today",
    "yesterday",
    "morning",
    "afternoon",
    "evening",
    "night",
    "week",
];

/// Personal pronouns: as a subject they stand for someone the claim does not name.
const PRONOUNS: &[&str] = &["he", "she", "it", "they", "we", "i", "you"];

/// Modal verbs: a hedge of this kind qualifies the verb after it.
const MODALS: &[&str] = &["could", "may", "might", "would", "should", "can", "must"];

/// Adverbs that stand between a hedge and what it qualifies ("would definitely not be returning").
const ADVERBS: &[&str] = &[
    "definitely",
    "certainly",
    "probably",
    "possibly",
    "also",
    "still",
    "already",
    "now",
    "soon",
    "finally",
    "eventually",
    "again",
    "even",
    "actually",
    "really",
    "likely",
    "ultimately",
];

/// Whether the hedge of a hedged or conditional claim bears on content both claims share: some
/// hedge cue that is not attributive is a short tail ("…, it seems"), or qualifies a shared word
/// (the first content word after it in its clause, and for a hedging verb also the last before
/// it), or, qualifying nothing, stands in a clause holding a shared term. When no known cue
/// is found at all, extraction knew better, and the hedge counts; when the only cues are
/// attributive ("a memorandum on a possible peace accord"), it does not.
///
/// The answer is `None` when it does not bear, else the word index of the cue that bears (`None`
/// when no known cue is found).
fn hedge_bears_on_shared(
    claim: &Claim,
    view: &View<'_>,
    shared: &HashSet<&str>,
) -> Option<Option<usize>> {
    let cue = |i: usize| {
        let w = view.words[i].lower.as_str();
        hedge_cue(w) || ATTRIBUTIVE_HEDGES.contains(&w)
    };
    match hedge_scope(claim, view, shared, true, cue) {
        Scope::NoCue => Some(None),
        Scope::Bears(i) => Some(Some(i)),
        Scope::Elsewhere => None,
    }
}

/// Whether a claim read as definite qualifies what both claims share all the same, in words
/// extraction does not read as a hedge: a modal ("should have service restored"), someone's claim
/// ("prosecutors' claim that …", "environmentalists claim"), a plan, an intention or attempt
/// ("is negotiating to direct"), a case ("in case the fire was connected"). Such a claim is no
/// definite telling to set against a hedged one.
fn qualifies_shared(claim: &Claim, view: &View<'_>, shared: &HashSet<&str>) -> bool {
    let cue = |i: usize| {
        let w = view.words[i].lower.as_str();
        let prev = i.checked_sub(1).map(|p| view.words[p].lower.as_str());
        // Not "would": in reported speech it is the future of a definite telling ("would be
        // handed over to authorities in Djibouti").
        matches!(w, "could" | "may" | "might" | "should")
            || matches!(
                w,
                "claim" | "claims" | "claimed" | "plans" | "planned" | "intends" | "expecting"
            )
            || (w == "case" && prev == Some("in"))
            // An intention or attempt ("is negotiating to direct", "in talks to buy", "seeks to
            // block") tells that it is sought, not that it happens.
            || (matches!(
                w,
                "negotiating"
                    | "seeking"
                    | "seeks"
                    | "aims"
                    | "aiming"
                    | "hopes"
                    | "hoping"
                    | "wants"
                    | "trying"
                    | "tries"
                    | "attempting"
                    | "talks"
            ) && view.words.get(i + 1).is_some_and(|n| n.lower == "to"))
    };
    // Here any word a cue may qualify counts: "Acme claims that …" qualifies Acme's part too.
    matches!(hedge_scope(claim, view, shared, false, cue), Scope::Bears(_))
}

/// Where the cues of a claim bear, as `hedge_scope` finds it.
enum Scope {
    /// The claim holds no cue.
    NoCue,
    /// The cue at this word index bears on what both claims share.
    Bears(usize),
    /// Every cue bears on something only one claim says.
    Elsewhere,
}

/// Whether a cue of the claim (words `i` for which `is_cue(i)`) bears on what the two claims share
/// (`shared`). With `that_clause`, a verb followed by a "that" clause bears on that clause only.
fn hedge_scope(
    claim: &Claim,
    view: &View<'_>,
    shared: &HashSet<&str>,
    that_clause: bool,
    is_cue: impl Fn(usize) -> bool,
) -> Scope {
    let mut found_cue = false;
    let boundary_before = |j: usize| -> bool {
        // Whether a clause boundary lies between word j-1 and word j.
        let (prev, cur) = (&view.words[j - 1], &view.words[j]);
        let gap = claim.text.get(prev.start + prev.text.len()..cur.start).unwrap_or("");
        ends_clause(gap) || HEDGE_CLAUSE_WORDS.contains(&cur.lower.as_str())
    };
    for (i, word) in view.words.iter().enumerate() {
        if !is_cue(i) {
            continue;
        }
        found_cue = true;
        if attributive(claim, view, i) || not_a_hedge(view, i) {
            continue;
        }
        let is_shared = |w: &ViewWord<'_>| w.terms.iter().any(|t| shared.contains(t.as_str()));
        let plain = |w: &&ViewWord<'_>| {
            w.n_lexical > 0
                && !hedge_cue(&w.lower)
                && !ATTRIBUTIVE_HEDGES.contains(&w.lower.as_str())
                && !ADVERBS.contains(&w.lower.as_str())
        };
        let mut start = i;
        while start > 0 && !boundary_before(start) {
            start -= 1;
        }
        let mut end = i + 1;
        while end < view.words.len() && !boundary_before(end) {
            end += 1;
        }
        // A clause of a few words is a tail that hedges the whole sentence ("…, sources hinted",
        // "…, it seems"); a longer one hedges what it says itself.
        if end - start <= 3 {
            return Scope::Bears(i);
        }
        // Inside its clause a hedge bears on what it qualifies: an adverb or a modal on the first
        // content word after it ("reportedly pulled out of negotiations" hedges pulling out,
        // which a claim that the talks go on does not state; "was reportedly paid" hedges the
        // pay), a hedging verb also on its subject ("The Vatican has been floated as a venue").
        // A hedging verb with a "that" clause ("suggested on Friday that the appeal was doomed")
        // hedges that clause, not its subject (the one who suggests) nor the words between.
        // With "to" the subject's own doing is hedged ("Weitz is expected to direct").
        let complement = view.words[i + 1..end]
            .iter()
            .position(|w| {
                !TIME_WORDS.contains(&w.lower.as_str())
                    && crate::extract::time::weekday_of(&w.lower).is_none()
            })
            .filter(|&k| view.words[i + 1 + k].lower == "that")
            .filter(|_| {
                that_clause && !MODALS.contains(&word.lower.as_str()) && !word.lower.ends_with("ly")
            });
        let after_from = i + 1 + complement.map_or(0, |k| k + 1);
        let after = view.words[after_from..end].iter().find(plain);
        // The subject is the nearest content word before the cue, unless a pronoun stands
        // nearer ("and it appears he was hurt": not the knee before "and").
        let before = view.words[start..i]
            .iter()
            .rev()
            .take_while(|w| !PRONOUNS.contains(&w.lower.as_str()))
            .find(plain);

        // A modal before a passive ("could be held in Switzerland") says its subject's fate.
        let passive = MODALS.contains(&word.lower.as_str()) && {
            let mut rest = view.words[i + 1..end]
                .iter()
                .map(|w| w.lower.as_str())
                .filter(|w| !ADVERBS.contains(w) && *w != "not");
            rest.next() == Some("be") && rest.next().is_some_and(is_participle)
        };
        let verb = passive
            || (!word.lower.ends_with("ly")
                && !MODALS.contains(&word.lower.as_str())
                && complement.is_none());
        let governed: Vec<&ViewWord<'_>> =
            after.into_iter().chain(before.filter(|_| verb)).collect();
        // "In case" makes its whole clause uncertain ("in case the fire was connected").
        let whole_clause = governed.is_empty() || word.lower == "case";
        if governed.iter().any(|w| is_shared(w))
            || (whole_clause && view.words[start..end].iter().any(is_shared))
        {
            return Scope::Bears(i);
        }
    }
    if found_cue { Scope::Elsewhere } else { Scope::NoCue }
}

/// Whether the "may" at word `i` is the month: capitalised inside the claim ("sentenced May 3")
/// or before a number.
fn names_the_month(view: &View<'_>, i: usize) -> bool {
    let w = &view.words[i];
    let next = view.words.get(i + 1).map(|n| n.text);
    w.lower == "may" && crate::extract::cues::may_is_month(w.text, i == 0, next)
}

/// Whether the cue word at `i` hedges nothing here: "May" the month, a modal of perception
/// ("could be seen"), "expected" as a demand ("expected more from"), "would" as the future of
/// reported speech ("said he would reveal"), or a condition's "if" or "unless" (what a condition
/// makes uncertain is said by the modal of its main clause: "she might be alive if the driver had
/// stopped" does not make the driver's not stopping uncertain).
fn not_a_hedge(view: &View<'_>, i: usize) -> bool {
    let w = view.words[i].lower.as_str();
    let reported = w == "would"
        && view.words[i.saturating_sub(3)..i]
            .iter()
            .any(|p| crate::text::REPORTING_VERBS.contains(&p.lower.as_str()));
    reported
        || could_not(view, i)
        || crate::extract::cues::is_conditional_cue(w)
        || names_the_month(view, i)
        || perceives(view, i)
        || demands(view, i)
}

/// Whether word `i` is "could not" or "couldn't", and not "could not have": the past of "can
/// not", which tells what was not possible ("the cause could not be determined", "what comedy
/// could not"), not what may be so.
fn could_not(view: &View<'_>, i: usize) -> bool {
    let w = view.words[i].lower.as_str();
    let next = |k: usize| view.words.get(i + k).map(|n| n.lower.as_str());
    match w {
        "could" => next(1) == Some("not") && next(2) != Some("have"),
        "couldn't" | "couldn\u{2019}t" => next(1) != Some("have"),
        _ => false,
    }
}

/// Whether the "expected" at word `i` is a demand with its object ("Stefanski expected more from
/// a team"), not a forecast ("is expected to direct", "expected that").
fn demands(view: &View<'_>, i: usize) -> bool {
    let w = view.words[i].lower.as_str();
    let next = view.words.get(i + 1).map(|n| n.lower.as_str());
    let prev = i.checked_sub(1).map(|p| view.words[p].lower.as_str());
    let be =
        matches!(prev, Some("is" | "are" | "was" | "were" | "be" | "been" | "being" | "widely"));
    matches!(w, "expected" | "expects" | "expect") && !be && !matches!(next, Some("to" | "that"))
}

/// Whether the modal at word `i` says what could be perceived, not what may be so: "flames
/// could be seen", "could hear".
fn perceives(view: &View<'_>, i: usize) -> bool {
    if !MODALS.contains(&view.words[i].lower.as_str()) {
        return false;
    }
    let mut rest = view.words[i + 1..]
        .iter()
        .map(|w| w.lower.as_str())
        .filter(|w| !ADVERBS.contains(w) && *w != "be" && *w != "clearly");
    matches!(
        rest.next(),
        Some("see" | "seen" | "hear" | "heard" | "feel" | "felt" | "smell" | "smelled" | "spotted")
    )
}

fn attribution(
    a: &Claim,
    b: &Claim,
    view_a: &View<'_>,
    view_b: &View<'_>,
    shared: &HashSet<&str>,
) -> Option<PairDifference> {
    // A speaker counts only where the claim's own words name it: not a pronoun resolved to
    // someone ("he said"), nor the speaker of a quotation carried over from another sentence.
    let resolved = |c: &Claim| {
        c.attribution
            .as_ref()
            .filter(|t| named(t) && names_speaker(&c.text, &t.speaker))
            .map(|t| t.speaker.clone())
    };
    // Two speakers differ only when both are named and neither claim names the other's speaker
    // anywhere: "said Zadan and Meron" does not deny that Meron said it, nor does "ABC's
    // president Paul Lee said" deny that Paul Lee did.
    let differ = |sa: &str, sb: &str| {
        !same_speaker(sa, sb) && !names_speaker(&a.text, sb) && !names_speaker(&b.text, sa)
    };
    for qa in &a.quotes {
        for qb in &b.quotes {
            if !same_words(&qa.text, &qb.text) {
                continue;
            }
            let quoted = |c: &Claim, q: &crate::model::Quote| {
                q.speaker.clone().filter(|s| is_name(s) && names_speaker(&c.text, s))
            };
            let sa = quoted(a, qa).or_else(|| resolved(a));
            let sb = quoted(b, qb).or_else(|| resolved(b));
            if let (Some(sa), Some(sb)) = (sa, sb)
                && differ(&sa, &sb)
            {
                return Some(PairDifference {
                    kind: DifferenceKind::Attribution,
                    summary: format!(
                        "{} attributes \u{201c}{}\u{201d} to {sa}, {} to {sb}.",
                        a.source,
                        clip(&qa.text, 80),
                        b.source
                    ),
                });
            }
        }
    }
    let near_identical = coverage(view_a, shared) >= 0.8 && coverage(view_b, shared) >= 0.8;
    if near_identical
        && let (Some(sa), Some(sb)) = (resolved(a), resolved(b))
        && differ(&sa, &sb)
    {
        return Some(PairDifference {
            kind: DifferenceKind::Attribution,
            summary: format!("{} has {sa} say it, {} has {sb}.", a.source, b.source),
        });
    }
    None
}

/// Whether an attribution names someone: resolved to an entity, or written with a capitalised name
/// ("port director Henrik Dahl"), not a pronoun or a description ("he", "officials").
fn named(attribution: &Attribution) -> bool {
    attribution.resolved || is_name(&attribution.speaker)
}

/// Whether a speaker as written holds a name: a capitalised word that is not a pronoun or an
/// article ("Henrik Dahl", "a Surrey Police spokeswoman"; not "he", "the comedian", "The trade").
fn is_name(speaker: &str) -> bool {
    name_words(speaker).next().is_some()
}

/// The capitalised words of a speaker's name, without pronouns and articles.
fn name_words(speaker: &str) -> impl Iterator<Item = &str> {
    // Pronouns, articles, and the plural sources news cites without naming anyone.
    const NOT_NAMES: &[&str] = &[
        "he",
        "she",
        "they",
        "it",
        "we",
        "i",
        "you",
        "a",
        "an",
        "the",
        "authorities",
        "officials",
        "police",
        "investigators",
        "prosecutors",
        "witnesses",
        "sources",
        "experts",
        "analysts",
        "residents",
        "officers",
        "researchers",
    ];
    speaker
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
        .filter(|w| w.starts_with(char::is_uppercase))
        .filter(|w| !NOT_NAMES.contains(&plain_lower(w).as_str()))
}

/// Whether `text` names `speaker`: holds one of the words of its name of three letters or more,
/// capitalised as in the name ("Meron" in "said Zadan and Meron").
fn names_speaker(text: &str, speaker: &str) -> bool {
    name_words(speaker).filter(|w| w.chars().count() >= 3).any(|name| {
        text.match_indices(name).any(|(i, _)| {
            let before = text[..i].chars().next_back();
            let after = text[i + name.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

/// Whether two quotations are the same words, give or take punctuation, case and an ellipsis.
fn same_words(x: &str, y: &str) -> bool {
    let norm = |s: &str| -> String {
        let lower = plain_lower(s);
        let kept: String =
            lower.chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect();
        kept.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let (x, y) = (norm(x), norm(y));
    if x.is_empty() || y.is_empty() {
        return false;
    }
    if x == y {
        return true;
    }
    let (short, long) = if x.len() <= y.len() { (&x, &y) } else { (&y, &x) };
    (short.len() >= 12 && long.contains(short.as_str()))
        || strsim::normalized_levenshtein(&x, &y) >= 0.85
}

/// Whether two speaker names name one person: equal, or one is the other's last name.
fn same_speaker(x: &str, y: &str) -> bool {
    let (x, y) = (plain_lower(x), plain_lower(y));
    if x == y {
        return true;
    }
    let last = |s: &str| s.split_whitespace().last().map(str::to_string);
    let (short, long) = if x.len() <= y.len() { (&x, &y) } else { (&y, &x) };
    !short.is_empty() && (long.split_whitespace().any(|w| w == short) || last(short) == last(long))
}

/// A day-level time of a claim: a resolved calendar range, or an unresolved weekday name.
#[derive(Clone, Debug, PartialEq)]
enum DayTime {
    Range(i64, i64),
    Weekday(String),
}

/// The longest range, in days, still compared as "a day": a week, give or take.
const MAX_DAY_RANGE: i64 = 10;

const WEEKDAYS: &[&str] =
    &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

fn day_times(claim: &Claim) -> Vec<(DayTime, &TimeExpr)> {
    let mut out = Vec::new();
    for t in &claim.times {
        let Some(norm) = t.normalized.as_deref() else { continue };
        if dates_the_report(claim, t) {
            continue;
        }
        if t.resolved {
            if let Some((lo, hi)) = day_range(norm)
                && hi - lo <= MAX_DAY_RANGE
            {
                out.push((DayTime::Range(lo, hi), t));
            }
        } else if WEEKDAYS.contains(&norm) {
            out.push((DayTime::Weekday(norm.to_string()), t));
        }
    }
    out
}

/// Whether a time says when the claim was reported, not when its happening took place: "police
/// said Saturday", "told reporters on Monday". Two sources reporting one shooting on different
/// days are not two dates of it.
fn dates_the_report(claim: &Claim, t: &TimeExpr) -> bool {
    let Some(before) = t.start.checked_sub(claim.start).and_then(|at| claim.text.get(..at)) else {
        return false;
    };
    let mut words = before.split_whitespace().rev().map(|w| plain_lower(w.trim_matches(',')));
    let mut last = words.next().unwrap_or_default();
    // "said on Saturday", "said late Saturday", "told reporters on Monday".
    for _ in 0..2 {
        if matches!(last.as_str(), "on" | "late" | "early" | "reporters" | "journalists") {
            last = words.next().unwrap_or_default();
        }
    }
    matches!(
        last.as_str(),
        "said"
            | "says"
            | "told"
            | "announced"
            | "reported"
            | "confirmed"
            | "added"
            | "stated"
            | "testified"
            | "declared"
    )
}

/// `YYYY-MM-DD` or `YYYY-MM-DD/YYYY-MM-DD` as days since the epoch; months and years give `None`.
fn day_range(norm: &str) -> Option<(i64, i64)> {
    let (lo, hi) = norm.split_once('/').unwrap_or((norm, norm));
    let lo: Date = lo.parse().ok()?;
    let hi: Date = hi.parse().ok()?;
    Some((lo.to_days(), hi.to_days()))
}

fn time(a: &Claim, b: &Claim) -> Option<PairDifference> {
    // Only days said of one happening compare: a day whose anchor (the content words next to it
    // in its clause: "reopened on Tuesday", "the Monday shootings") the other claim also gives
    // to one of its days. "Opened fire Friday" and "was charged Saturday" date two happenings.
    let anchors = |c: &Claim| -> HashSet<String> {
        c.times.iter().flat_map(|t| span_anchor(c, t.start, t.end)).collect()
    };
    let (anchors_a, anchors_b) = (anchors(a), anchors(b));
    fn anchored<'c>(c: &'c Claim, other: &HashSet<String>) -> Vec<(DayTime, &'c TimeExpr)> {
        let mut ts = day_times(c);
        ts.retain(|(_, t)| span_anchor(c, t.start, t.end).iter().any(|w| other.contains(w)));
        ts
    }
    let ta = anchored(a, &anchors_b);
    let tb = anchored(b, &anchors_a);
    let ranges = |ts: &[(DayTime, &TimeExpr)]| {
        ts.iter()
            .filter_map(
                |(d, _)| if let DayTime::Range(lo, hi) = d { Some((*lo, *hi)) } else { None },
            )
            .collect::<Vec<_>>()
    };
    let (ra, rb) = (ranges(&ta), ranges(&tb));
    let differ = if !ra.is_empty() && !rb.is_empty() {
        !ra.iter().any(|&(l1, h1)| rb.iter().any(|&(l2, h2)| l1 <= h2 && l2 <= h1))
    } else if ra.is_empty() && rb.is_empty() && !ta.is_empty() && !tb.is_empty() {
        !ta.iter().any(|(x, _)| tb.iter().any(|(y, _)| x == y))
    } else {
        false
    };
    if !differ {
        return None;
    }
    let say = |ts: &[(DayTime, &TimeExpr)]| {
        ts.iter()
            .map(|(_, t)| match (&t.normalized, t.resolved) {
                (Some(n), true) => format!("\u{201c}{}\u{201d} ({n})", t.text),
                _ => format!("\u{201c}{}\u{201d}", t.text),
            })
            .collect::<Vec<_>>()
            .join(" and ")
    };
    Some(PairDifference {
        kind: DifferenceKind::Time,
        summary: format!("{} dates it {}, {} {}.", a.source, say(&ta), b.source, say(&tb)),
    })
}

/// The stems of the content words nearest before and after source span `start..end` in its
/// clause, numbers left out: what a day or an amount is said of ("reopened on Tuesday", "40
/// ships were waiting").
fn span_anchor(claim: &Claim, start: usize, end: usize) -> Vec<String> {
    let (Some(start), Some(end)) = (start.checked_sub(claim.start), end.checked_sub(claim.start))
    else {
        return Vec::new();
    };
    let text = &claim.text;
    let stems = |w: &str| -> Vec<String> {
        content_terms(w).into_iter().filter(|t| !t.chars().all(|c| c.is_ascii_digit())).collect()
    };
    let list: Vec<_> = words(text).collect();
    let mut out = Vec::new();
    for w in list.iter().rev().filter(|w| w.start + w.text.len() <= start) {
        if ends_clause(text.get(w.start + w.text.len()..start).unwrap_or(".")) {
            break;
        }
        let found = stems(w.text);
        if !found.is_empty() {
            out.extend(found);
            break;
        }
    }
    for w in list.iter().filter(|w| w.start >= end) {
        if ends_clause(text.get(end..w.start).unwrap_or(".")) {
            break;
        }
        let found = stems(w.text);
        if !found.is_empty() {
            out.extend(found);
            break;
        }
    }
    out
}

fn detail(
    a: &Claim,
    b: &Claim,
    view_a: &View<'_>,
    view_b: &View<'_>,
    config: &DiffConfig,
) -> Option<PairDifference> {
    let only_a = extra_phrases(a, view_a, b, &view_b.terms, config.max_detail_phrases);
    let only_b = extra_phrases(b, view_b, a, &view_a.terms, config.max_detail_phrases);
    let say = |claim: &Claim, phrases: &[String]| {
        format!(
            "only {} gives {}",
            claim.source,
            phrases.iter().map(|p| format!("\u{201c}{p}\u{201d}")).collect::<Vec<_>>().join(", ")
        )
    };
    let summary = match (only_a.is_empty(), only_b.is_empty()) {
        (true, true) => return None,
        (false, true) => say(a, &only_a),
        (true, false) => say(b, &only_b),
        (false, false) => format!("{}; {}", say(a, &only_a), say(b, &only_b)),
    };
    let mut summary = summary;
    if let Some(first) = summary.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    Some(PairDifference { kind: DifferenceKind::Detail, summary: format!("{summary}.") })
}

/// The phrases of `claim` whose content words the other claim lacks, quoted as written (see
/// [`extra_ranges`]), at most `max` of them.
fn extra_phrases(
    claim: &Claim,
    view: &View<'_>,
    other_claim: &Claim,
    other: &HashSet<String>,
    max: usize,
) -> Vec<String> {
    extra_ranges(claim, view, &[other_claim], other)
        .into_iter()
        .filter_map(|r| claim.text.get(r).map(str::to_string))
        .take(max)
        .collect()
}

/// The byte ranges in `claim.text` of the phrases whose content words none of `others` has (their
/// terms and concepts, together, are `other`): runs of such words, joined across stop words,
/// trimmed of stop words at both ends.
///
/// Numbers, names and times another claim answers with its own (a quantity of the same unit or
/// value, the same entity in another spelling, a number, a time) are not details: the quantity and
/// time rules compare them.
fn extra_ranges(
    claim: &Claim,
    view: &View<'_>,
    others: &[&Claim],
    other: &HashSet<String>,
) -> Vec<Range<usize>> {
    let other_units: HashSet<&str> =
        others.iter().flat_map(|o| o.quantities.iter().map(|q| q.unit.as_str())).collect();
    let other_values: Vec<f64> =
        others.iter().flat_map(|o| o.quantities.iter().map(|q| q.value)).collect();
    let other_has_number = others.iter().any(|o| o.text.chars().any(|c| c.is_ascii_digit()));
    let other_names: HashSet<&str> =
        others.iter().flat_map(|o| o.entities.iter().map(|e| e.canonical.as_str())).collect();
    let other_has_time = others.iter().any(|o| !o.times.is_empty());
    let answered = |w: &ViewWord<'_>| {
        let at = claim.start + w.start;
        let in_quantity = claim.quantities.iter().any(|q| {
            q.start <= at
                && at < q.end
                && (other_units.contains(q.unit.as_str()) || other_values.contains(&q.value))
        });
        // A name the other claim gives in another spelling ("Andrei" for "Andriy").
        let in_name = claim
            .entities
            .iter()
            .any(|e| e.start <= at && at < e.end && other_names.contains(e.canonical.as_str()));
        let in_time = other_has_time && claim.times.iter().any(|t| t.start <= at && at < t.end);
        let numeric = other_has_number
            && w.text.chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '.'));
        in_quantity || in_name || in_time || numeric
    };
    let extra: Vec<Option<bool>> = view
        .words
        .iter()
        .map(|w| {
            if w.terms.is_empty() {
                None // a stop word or a negation cue: neither extra nor shared
            } else if answered(w) {
                Some(false) // a number or time the other answers: it ends a phrase
            } else {
                Some(w.is_extra(other))
            }
        })
        .collect();
    let mut ranges = Vec::new();
    let mut i = 0;
    while i < extra.len() {
        if extra[i] != Some(true) {
            i += 1;
            continue;
        }
        let mut end = i;
        let mut j = i + 1;
        while j < extra.len() {
            let gap = claim
                .text
                .get(view.words[j - 1].start + view.words[j - 1].text.len()..view.words[j].start);
            if gap.is_some_and(ends_clause) {
                break;
            }
            match extra[j] {
                Some(true) => end = j,
                Some(false) => break,
                None => {}
            }
            j += 1;
        }
        let from = view.words[i].start;
        let to = view.words[end].start + view.words[end].text.len();
        if claim.text.get(from..to).is_some() {
            ranges.push(from..to);
        }
        i = end + 1;
    }
    ranges
}

/// `text` cut to at most `max` characters at a word boundary, with an ellipsis when cut.
pub(crate) fn clip(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}\u{2026}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Quote, SourceId};

    /// A claim with the quantities extraction finds in its text.
    fn measured(source: &str, text: &str) -> Claim {
        let mut c = claim(source, text);
        c.quantities = crate::extract::quantity::find_quantities(&c.text, 0);
        c
    }

    fn claim(source: &str, text: &str) -> Claim {
        let mut c = Claim::new(SourceId::new(source), 0, 0, text);
        c.terms = content_terms(text);
        c
    }

    #[test]
    fn refutation_words_and_what_they_refute() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Officials said the photo was a hoax.", Some("hoax")),
            ("The ministry said the reports were false.", Some("false")),
            ("Officials dismissed the false claims on Monday.", Some("false")),
            // Said of a thing, not of a statement.
            ("She crossed the border with fake passports.", None),
            ("It was a false alarm.", None),
            ("The juror was dismissed after lunch.", None),
            ("He denied.", None),
            ("That account is not true, the mayor said.", Some("true")),
            ("The claim isn't true.", Some("true")),
            ("The army denied that its jets struck the camp.", Some("denied")),
            ("The army denied carrying out the strike.", Some("denied")),
            ("The company denied the allegations on Monday.", Some("denied")),
            ("The company denies it.", Some("denies")),
            // Withheld, not refuted.
            ("Guards denied them entry to the court.", None),
            ("It is true that the bridge closed.", None),
            ("The bridge reopened on Monday.", None),
        ];
        for (text, want) in cases {
            assert_eq!(refutation_cue(&claim("a", text)), *want, "{text}");
        }
    }

    fn qty(c: &mut Claim, words: &str, value: f64, unit: &str, bound: Bound) {
        let start = c.text.find(words).expect("words in claim");
        c.quantities.push(Quantity {
            value,
            unit: unit.into(),
            start,
            end: start + words.len(),
            bound,
            each: false,
            upper: None,
        });
    }

    fn kinds(a: &Claim, b: &Claim) -> Vec<DifferenceKind> {
        compare(a, b, &DiffConfig::default()).into_iter().map(|d| d.kind).collect()
    }

    #[test]
    fn an_exact_copy_differs_in_nothing() {
        let mut a = claim("a", "Officials said 40 people were hurt on Monday, not 30.");
        a.polarity = Polarity::Negated;
        a.modality = Modality::Hedged;
        qty(&mut a, "40 people", 40.0, "person", Bound::Exact);
        let mut b = a.clone();
        b.source = SourceId::new("b");
        assert!(compare(&a, &b, &DiffConfig::default()).is_empty());
    }

    #[test]
    fn same_unit_different_value_is_a_quantity_difference() {
        let mut a = claim("a", "The strike lasted 12 days.");
        qty(&mut a, "12 days", 12.0, "day", Bound::Exact);
        let mut b = claim("b", "The strike lasted 14 days.");
        qty(&mut b, "14 days", 14.0, "day", Bound::Exact);
        let diffs = compare(&a, &b, &DiffConfig::default());
        assert_eq!(diffs[0].kind, DifferenceKind::Quantity);
        assert_eq!(
            diffs[0].summary,
            "a says \u{201c}12 days\u{201d}, b says \u{201c}14 days\u{201d}."
        );
    }

    #[test]
    fn a_range_holds_the_values_between_its_ends() {
        let range = |id: &str, text: &str, words: &str| {
            let mut c = claim(id, text);
            let start = c.text.find(words).expect("words in claim");
            c.quantities = crate::extract::quantity::find_quantities(&c.text[start..], start);
            assert!(c.quantities.iter().any(|q| q.upper.is_some()), "{text:?}");
            c
        };
        let a = range("a", "The studio paid $140-150 million for the film.", "$140");
        let mut inside = claim("b", "The studio paid $145 million for the film.");
        qty(&mut inside, "$145 million", 1.45e8, "usd", Bound::Exact);
        assert!(!kinds(&a, &inside).contains(&DifferenceKind::Quantity));
        let mut outside = claim("c", "The studio paid $90 million for the film.");
        qty(&mut outside, "$90 million", 9e7, "usd", Bound::Exact);
        assert!(kinds(&a, &outside).contains(&DifferenceKind::Quantity));
        let b =
            range("d", "The studio paid between $145 and $160 million for the film.", "between");
        assert!(!kinds(&a, &b).contains(&DifferenceKind::Quantity), "overlapping ranges");
    }

    #[test]
    fn approximate_values_within_tolerance_and_bounds_agree() {
        let mut a = claim("a", "About 300 workers walked out.");
        qty(&mut a, "About 300 workers", 300.0, "worker", Bound::Approximate);
        let mut b = claim("b", "Some 320 workers walked out.");
        qty(&mut b, "320 workers", 320.0, "worker", Bound::Exact);
        assert!(!kinds(&a, &b).contains(&DifferenceKind::Quantity));
        let mut c = claim("c", "More than 250 workers walked out.");
        qty(&mut c, "More than 250 workers", 250.0, "worker", Bound::Lower);
        assert!(!kinds(&b, &c).contains(&DifferenceKind::Quantity));
        let mut d = claim("d", "Fewer than 200 workers walked out.");
        qty(&mut d, "Fewer than 200 workers", 200.0, "worker", Bound::Upper);
        assert!(kinds(&c, &d).contains(&DifferenceKind::Quantity));
        let mut e = claim("e", "About 400 workers walked out.");
        qty(&mut e, "About 400 workers", 400.0, "worker", Bound::Approximate);
        assert!(kinds(&a, &e).contains(&DifferenceKind::Quantity));
    }

    #[test]
    fn the_day_of_the_report_is_not_the_day_of_the_happening() {
        let time = |c: &mut Claim, words: &str, norm: &str| {
            let start = c.text.find(words).unwrap();
            c.times.push(TimeExpr {
                text: words.into(),
                start,
                end: start + words.len(),
                normalized: Some(norm.into()),
                resolved: false,
            });
        };
        let mut a =
            claim("a", "A man who opened fire at the party was charged, police said Saturday.");
        time(&mut a, "Saturday", "saturday");
        let mut b = claim("b", "A man opened fire at the party on Friday, police said.");
        time(&mut b, "Friday", "friday");
        assert!(!kinds(&a, &b).contains(&DifferenceKind::Time));
        let mut c = claim("c", "A man opened fire at the party on Saturday, police said.");
        time(&mut c, "Saturday", "saturday");
        assert!(kinds(&b, &c).contains(&DifferenceKind::Time));
    }

    #[test]
    fn lengths_compare_across_miles_and_kilometres_and_bounds_hold_values() {
        let mut a = claim("a", "The quake was 12 miles deep.");
        qty(&mut a, "12 miles", 12.0, "mile", Bound::Exact);
        let mut b = claim("b", "The quake was about 19 kilometres deep.");
        qty(&mut b, "about 19 kilometres", 19.0, "kilometre", Bound::Approximate);
        assert!(!kinds(&a, &b).contains(&DifferenceKind::Quantity), "12 mi is 19.3 km");
        let mut c = claim("c", "The quake was 1.2 miles deep.");
        qty(&mut c, "1.2 miles", 1.2, "mile", Bound::Exact);
        assert!(kinds(&b, &c).contains(&DifferenceKind::Quantity));
        // "within 20 miles" holds 17 miles.
        let mut d = claim("d", "It struck within 20 miles of the town.");
        qty(&mut d, "within 20 miles", 20.0, "mile", Bound::Upper);
        let mut e = claim("e", "It struck 17 miles from the town.");
        qty(&mut e, "17 miles", 17.0, "mile", Bound::Exact);
        assert!(!kinds(&d, &e).contains(&DifferenceKind::Quantity));
        // 15,800 square metres is 170,000 square feet.
        let mut f = claim("f", "The 15,800-square-metre building.");
        qty(&mut f, "15,800-square-metre", 15800.0, "square metre", Bound::Exact);
        let mut g = claim("g", "The 170,000-square-foot building.");
        qty(&mut g, "170,000-square-foot", 170_000.0, "square foot", Bound::Exact);
        assert!(!kinds(&f, &g).contains(&DifferenceKind::Quantity));
    }

    #[test]
    fn numbers_in_different_units_or_without_unit_are_not_compared() {
        let mut a = claim("a", "After a two-hour call, a 30-day truce was proposed.");
        qty(&mut a, "two-hour", 2.0, "hour", Bound::Exact);
        qty(&mut a, "30-day", 30.0, "day", Bound::Exact);
        let mut b = claim("b", "Troops downed 76 of 112 drones during the 30-day truce talks.");
        qty(&mut b, "76", 76.0, "drone", Bound::Exact);
        qty(&mut b, "112 drones", 112.0, "drone", Bound::Exact);
        qty(&mut b, "30-day", 30.0, "day", Bound::Exact);
        assert!(!kinds(&a, &b).contains(&DifferenceKind::Quantity));
        let mut c = claim("c", "Item 4 passed.");
        qty(&mut c, "4", 4.0, "", Bound::Exact);
        let mut d = claim("d", "Item 5 passed.");
        qty(&mut d, "5", 5.0, "", Bound::Exact);
        assert!(!kinds(&c, &d).contains(&DifferenceKind::Quantity));
    }

    #[test]
    fn a_negation_of_shared_content_is_polarity_or_a_refusal_account() {
        let a = claim("a", "The mayor approved the new harbour budget on Friday.");
        let mut b = claim("b", "The mayor has not approved the new harbour budget.");
        b.polarity = Polarity::Negated;
        assert!(kinds(&a, &b).contains(&DifferenceKind::Polarity), "{:?}", kinds(&a, &b));
        let c =
            claim("c", "Council members cheered as the harbour budget passed after a long night.");
        let mut d =
            claim("d", "The mayor declined to sign the harbour budget, citing the pension fund.");
        d.polarity = Polarity::Negated;
        // Two looser tellings, one refusing what the other has go ahead: another account.
        let k = kinds(&c, &d);
        assert!(k.contains(&DifferenceKind::Account), "{k:?}");
        assert!(!k.contains(&DifferenceKind::Detail), "an account covers the details: {k:?}");
        // With a plain negative instead, nothing says the two conflict: details only (on real
        // coverage such pairs were nearly never a conflict).
        let mut e =
            claim("e", "The mayor did not attend as the harbour budget passed after midnight.");
        e.polarity = Polarity::Negated;
        let k = kinds(&c, &e);
        assert!(!k.contains(&DifferenceKind::Account), "{k:?}");
        // Two refusals of one thing, in other words, tell it alike.
        let f = claim("f", "The mayor rebuffed union calls to reopen the harbour budget talks.");
        let k = kinds(&d, &f);
        assert!(!k.contains(&DifferenceKind::Account), "{k:?}");
    }

    #[test]
    fn a_hedge_bears_on_what_it_qualifies() {
        let sure = claim("a", "Varna will host a second round of talks next month.");
        let mut passive = claim(
            "b",
            "A second round of talks could be held in Varna next month, a diplomat said.",
        );
        passive.modality = Modality::Hedged;
        assert!(kinds(&sure, &passive).contains(&DifferenceKind::Modality));
        let going = claim("c", "Lena Ardal is in talks to direct the second film.");
        let mut out =
            claim("d", "Lena Ardal has reportedly pulled out of talks to direct the second film.");
        out.modality = Modality::Hedged;
        assert!(
            !kinds(&going, &out).contains(&DifferenceKind::Modality),
            "{:?}",
            kinds(&going, &out)
        );
        let paid = claim("e", "Lena Ardal was paid $3 million to direct the film.");
        let mut reportedly =
            claim("f", "Lena Ardal was reportedly paid $3 million to direct the film.");
        reportedly.modality = Modality::Hedged;
        assert!(kinds(&paid, &reportedly).contains(&DifferenceKind::Modality));
    }

    /// Modality cases read the way real coverage writes them (invented sentences of the kinds
    /// seen on ECB+ development topics), each claim annotated by extraction.
    #[test]
    fn what_hedges_and_what_does_not() {
        let rows: &[(&str, &str, bool)] = &[
            // A hedge against a definite telling.
            (
                "The mayor will open the bridge on Monday.",
                "The mayor is expected to open the bridge on Monday.",
                true,
            ),
            ("Ames shot the guard.", "Ames allegedly shot the guard.", true),
            ("A guard was shot by Ames.", "Police allege Ames shot the guard.", true),
            (
                "Users in Lund had slower connections.",
                "Users in Lund may have had slower connections.",
                true,
            ),
            // Both claims qualify it, in other words.
            ("Police allege Ames shot the guard.", "Ames allegedly shot the guard.", false),
            ("Ames is accused of shooting the guard.", "Police allege Ames shot the guard.", false),
            (
                "Service should be restored by Friday.",
                "Service may not be restored until Friday.",
                false,
            ),
            ("Prosecutors claim Ames shot the guard.", "Ames allegedly shot the guard.", false),
            (
                "Lena Ardal is negotiating to direct the second film.",
                "Lena Ardal is expected to direct the second film.",
                false,
            ),
            ("Acme is in talks to buy Beta.", "Acme may buy Beta.", false),
            // "Allegedly" against a telling given as someone's account ("police said"): both say
            // whose account it is, neither is surer. Unless the account presupposes it in a
            // relative clause, or confirms it.
            ("Ames shot the guard, police said.", "Ames allegedly shot the guard.", false),
            ("Ames shot the guard, according to police.", "Ames allegedly shot the guard.", false),
            (
                "A man who opened fire at the depot was charged on Friday, police said.",
                "Ames was charged on Friday after allegedly opening fire at the depot.",
                true,
            ),
            ("Ames shot the guard, police confirmed.", "Ames allegedly shot the guard.", true),
            ("Ames shot the guard, police said.", "Ames may have shot the guard.", true),
            // Not knowing is uncertainty, not a denial.
            (
                "The cause of the fire is unclear.",
                "Officials are not sure what caused the fire.",
                false,
            ),
            // Not hedges: perception, a demand, reported future, the month, a condition's clause.
            (
                "Smoke rose from the roof of the mill.",
                "Smoke could be seen rising from the roof of the mill.",
                false,
            ),
            (
                "Vale wanted more from a team that had signed Ortiz.",
                "Vale expected more from a team that had signed Ortiz.",
                false,
            ),
            (
                "Reed will reveal the source after the source dies.",
                "Reed said he would reveal the source after the source dies.",
                false,
            ),
            (
                "Ortiz will be sentenced May 3 by Judge Hale.",
                "Ortiz returns to court May 3 before Judge Hale.",
                false,
            ),
            (
                "The driver did not stop for bystanders.",
                "The woman might be alive if the driver had stopped for bystanders.",
                false,
            ),
            (
                "Officials are unsure if the fire is linked to the rally.",
                "Officials do not know whether the fire is linked to the rally.",
                false,
            ),
            // "Could not" is the past of "can not": a definite telling, also when elliptical.
            (
                "The cause of the crash was not determined.",
                "The cause of the crash could not be determined.",
                false,
            ),
            (
                "The producers chose Reyes to host the show.",
                "The producers are betting that Reyes can do what comedians could not.",
                false,
            ),
            (
                "The strike killed the commander.",
                "The strike could have killed the commander.",
                true,
            ),
            // A hedging verb with a "that" clause hedges the clause, not its subject; a pronoun
            // subject ends the search for it.
            (
                "Judge Ruiz spoke to reporters after the verdict on Friday.",
                "Judge Ruiz suggested on Friday that the appeal was doomed.",
                false,
            ),
            (
                "Tom Price was named interim coach.",
                "Tom Price will replace Hale as interim coach and he is expected to keep the job \
                 through the season.",
                false,
            ),
            (
                "It's official: Tom Price takes the coaching job at Hale.",
                "Tom Price is expected to coach at Hale next season.",
                true,
            ),
            (
                "He missed four games after knee surgery in May.",
                "He missed four games after surgery on his knee and it appears he was hurt again \
                 on Sunday.",
                false,
            ),
            (
                "Varna will host the talks.",
                "Varna has been floated as a venue for the talks.",
                true,
            ),
            // A clause that opens on "and that" tells what someone said outside the claim.
            (
                "and that the fire was started by a faulty heater.",
                "The fire was probably started by a faulty heater.",
                false,
            ),
        ];
        let differ = Differ::new(&DiffConfig::default(), &Lexicon::default());
        let mut wrong = Vec::new();
        for (a, b, want) in rows {
            let ca = crate::extract::claim_from_sentence(SourceId::new("a"), 0, a, None);
            let cb = crate::extract::claim_from_sentence(SourceId::new("b"), 0, b, None);
            let got = differ.compare(&ca, &cb).iter().any(|d| d.kind == DifferenceKind::Modality);
            if got != *want {
                wrong.push(format!("{a:?} / {b:?}: modality {got}, want {want}"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn not_being_sure_is_no_denial() {
        let read = |id: &str, text: &str| {
            crate::extract::claim_from_sentence(SourceId::new(id), 0, text, None)
        };
        let a = read("a", "The operator isn't sure what caused the outage at the plant.");
        let b =
            read("b", "The operator says the cause of the outage at the plant is still unclear.");
        assert_eq!(b.modality, Modality::Hedged);
        let k = kinds(&a, &b);
        assert!(!k.contains(&DifferenceKind::Polarity), "{k:?}");
        assert!(!k.contains(&DifferenceKind::Modality), "{k:?}");
        // "Clear" the verb after "did not" is a negation of what the other tells.
        let c = read("c", "The jet did not clear the fence at the end of the runway.");
        let d = read("d", "The jet cleared the fence at the end of the runway.");
        assert!(kinds(&c, &d).contains(&DifferenceKind::Polarity), "{:?}", kinds(&c, &d));
    }

    #[test]
    fn a_question_differs_only_when_it_asks() {
        let a = claim("a", "The ferry will sail again on Monday.");
        let mut b = claim("b", "Will the ferry sail again on Monday?");
        b.modality = Modality::Question;
        assert!(kinds(&a, &b).contains(&DifferenceKind::Modality), "{:?}", kinds(&a, &b));
        let mut c = claim("c", "Ferry to sail again (Monday?)");
        c.modality = Modality::Question;
        assert!(!kinds(&a, &c).contains(&DifferenceKind::Modality), "{:?}", kinds(&a, &c));
    }

    #[test]
    fn a_denial_answers_a_charge_without_contradicting_it() {
        let mut a = claim("a", "Port clerk denies arson at the grain depot");
        a.polarity = Polarity::Negated;
        let b = claim("b", "Port clerk charged with arson at the grain depot");
        assert!(!kinds(&a, &b).contains(&DifferenceKind::Polarity), "{:?}", kinds(&a, &b));
        let c = claim("c", "Port clerk set the fire at the grain depot, police say");
        let mut d = claim("d", "Port clerk did not set the fire at the grain depot, police say");
        d.polarity = Polarity::Negated;
        assert!(kinds(&c, &d).contains(&DifferenceKind::Polarity), "{:?}", kinds(&c, &d));
    }

    #[test]
    fn days_of_two_happenings_are_no_time_difference() {
        let mut a =
            claim("a", "A former clerk opened fire at the depot party on Friday, police said.");
        time_expr(&mut a, "Friday", "friday", false);
        let mut b = claim(
            "b",
            "A former clerk was charged with murder on Saturday after opening fire at the depot party.",
        );
        time_expr(&mut b, "Saturday", "saturday", false);
        assert!(!kinds(&a, &b).contains(&DifferenceKind::Time), "{:?}", kinds(&a, &b));
        let mut c =
            claim("c", "A former clerk opened fire at the depot party on Saturday, police said.");
        time_expr(&mut c, "Saturday", "saturday", false);
        assert!(kinds(&a, &c).contains(&DifferenceKind::Time), "one happening, two days");
    }

    #[test]
    fn amounts_said_of_different_things_are_no_quantity_difference() {
        let mut a = claim("a", "Lena Ardal scored 23 points as Varna beat Tolm 65-53 on Friday.");
        qty(&mut a, "23 points", 23.0, "point", Bound::Exact);
        let mut b =
            claim("b", "Lena Ardal had five points during a late run as Varna beat Tolm 65-53.");
        qty(&mut b, "five points", 5.0, "point", Bound::Exact);
        assert!(!kinds(&a, &b).contains(&DifferenceKind::Quantity), "{:?}", kinds(&a, &b));
        let mut c = claim("c", "Lena Ardal scored 21 points as Varna beat Tolm on Friday.");
        qty(&mut c, "21 points", 21.0, "point", Bound::Exact);
        assert!(kinds(&a, &c).contains(&DifferenceKind::Quantity), "one measure, two values");
    }

    #[test]
    fn a_count_within_a_window_of_time_is_another_count() {
        let all = measured("a", "Ames had been arrested four times on theft charges.");
        for (text, differs) in [
            ("Ames had been arrested three times since October on theft charges.", false),
            ("Ames had been arrested three times so far on theft charges.", false),
            ("Ames had been arrested three times this year on theft charges.", false),
            ("Ames had been arrested three times on theft charges.", true),
        ] {
            let b = measured("b", text);
            assert_eq!(kinds(&all, &b).contains(&DifferenceKind::Quantity), differs, "{text}");
        }
        // Two counts within one window compare.
        let since = measured("c", "Ames had been arrested four times since October.");
        let b = measured("b", "Ames had been arrested three times since October.");
        assert!(kinds(&since, &b).contains(&DifferenceKind::Quantity));
    }

    #[test]
    fn how_long_one_happening_lasted_compares_in_other_words() {
        let a =
            measured("a", "The prisoners were freed after talks in Geneva that lasted three days.");
        let b = measured("b", "The negotiations in Geneva ran for four days.");
        let differ = Differ::new(&DiffConfig::default(), &Lexicon::default());
        let has_duration = |c: &Claim| differ.timed_view(c).is_some();
        let compare = |x: &Claim, y: &Claim| {
            let pair = [x.clone(), y.clone()];
            differ.compare_durations_in(&pair, [vec![0, 1]], 2, |_, _| true).pop().map(|d| d.2)
        };
        assert!(has_duration(&a) && has_duration(&b));
        let d = compare(&a, &b).expect("a quantity difference");
        assert!(d.summary.contains("three days") && d.summary.contains("four days"), "{d:?}");
        // Another happening's length, terms of an agreement, and a time after are not compared.
        let c = measured("c", "The strike by dockers lasted four days.");
        assert!(compare(&a, &c).is_none());
        let d = measured("d", "He was serving a 12-year sentence.");
        let e = measured("e", "That brought him another three-year sentence.");
        assert!(!has_duration(&d) && compare(&d, &e).is_none());
        let f = measured("f", "The talks resumed three days later.");
        assert!(!has_duration(&f));
    }

    #[test]
    fn a_claim_that_gives_the_other_figure_bare_tells_two_measures() {
        let mut a = claim("a", "Charles rushed for 226 yards while Hillis added 101.");
        qty(&mut a, "226 yards", 226.0, "yard", Bound::Exact);
        qty(&mut a, "101", 101.0, "", Bound::Exact);
        let mut b = claim("b", "Hillis rushed for 101 yards.");
        qty(&mut b, "101 yards", 101.0, "yard", Bound::Exact);
        assert!(!kinds(&a, &b).contains(&DifferenceKind::Quantity));
        let mut d = claim("d", "Police said 18 people were injured and 12 arrested.");
        qty(&mut d, "18 people", 18.0, "person", Bound::Exact);
        qty(&mut d, "12", 12.0, "", Bound::Exact);
        let mut e = claim("e", "Police said 12 people were injured.");
        qty(&mut e, "12 people", 12.0, "person", Bound::Exact);
        assert!(
            kinds(&d, &e).contains(&DifferenceKind::Quantity),
            "12 arrested is no count of injured"
        );
        let mut c = claim("c", "Hillis rushed for 110 yards.");
        qty(&mut c, "110 yards", 110.0, "yard", Bound::Exact);
        assert!(kinds(&a, &c).contains(&DifferenceKind::Quantity));
    }

    #[test]
    fn plural_scales_and_ages_are_not_counts_to_contradict() {
        let mut a =
            claim("a", "Around 60 people spent the night in a school hall after the flood.");
        qty(&mut a, "Around 60 people", 60.0, "person", Bound::Approximate);
        let mut b =
            claim("b", "Dozens of people spent the night in a school hall after the flood.");
        qty(&mut b, "Dozens of people", 12.0, "person", Bound::Approximate);
        assert!(!kinds(&a, &b).contains(&DifferenceKind::Quantity), "{:?}", kinds(&a, &b));
        let mut c = claim("c", "Ten people spent the night in a school hall after the flood.");
        qty(&mut c, "Ten people", 10.0, "person", Bound::Exact);
        assert!(kinds(&b, &c).contains(&DifferenceKind::Quantity), "dozens are more than ten");
        // An age against a span of years.
        let mut d = claim("d", "Police arrested a 61-year-old woman for the killing.");
        qty(&mut d, "61-year-old", 61.0, "year", Bound::Exact);
        let mut e = claim("e", "Police arrested a woman for the killing, 41 years later.");
        qty(&mut e, "41 years", 41.0, "year", Bound::Exact);
        assert!(!kinds(&d, &e).contains(&DifferenceKind::Quantity), "{:?}", kinds(&d, &e));
        let mut f = claim("f", "Police arrested a 64-year-old woman for the killing.");
        qty(&mut f, "64-year-old", 64.0, "year", Bound::Exact);
        assert!(kinds(&d, &f).contains(&DifferenceKind::Quantity), "two ages differ");
    }

    #[test]
    fn a_negation_in_another_clause_is_no_contradiction() {
        let a = claim(
            "a",
            "The union proposed a ten-day truce, which the port accepted, but the mayor has declined.",
        );
        let mut a = a;
        a.polarity = Polarity::Negated;
        let b = claim("b", "The union urged the mayor to back a ten-day truce.");
        let k = kinds(&a, &b);
        assert!(
            !k.contains(&DifferenceKind::Polarity) && !k.contains(&DifferenceKind::Account),
            "{k:?}"
        );
        assert!(k.contains(&DifferenceKind::Detail));
    }

    #[test]
    fn hedged_against_definite_is_modality() {
        let a = claim("a", "The cathedral will host the talks.");
        let mut b = claim("b", "The cathedral could possibly host the talks.");
        b.modality = Modality::Hedged;
        let diffs = compare(&a, &b, &DiffConfig::default());
        let m = diffs.iter().find(|d| d.kind == DifferenceKind::Modality).expect("modality");
        assert_eq!(
            m.summary,
            "a states it as definite; b gives it as uncertain (\u{201c}could\u{201d})."
        );
        let mut c = b.clone();
        c.modality = Modality::Conditional;
        assert!(!kinds(&b, &c).contains(&DifferenceKind::Modality), "both indefinite");
    }

    #[test]
    fn an_attributive_hedge_hedges_its_noun_not_the_claim() {
        let a = claim("a", "The ministry is ready to discuss a framework for a peace accord.");
        let mut b =
            claim("b", "The ministry is ready to work on a framework for a possible peace accord.");
        b.modality = Modality::Hedged;
        assert!(!kinds(&a, &b).contains(&DifferenceKind::Modality), "{:?}", kinds(&a, &b));
        let mut c = claim("c", "The ministry could discuss a framework for a peace accord.");
        c.modality = Modality::Hedged;
        assert!(kinds(&a, &c).contains(&DifferenceKind::Modality));
        // A hedge in a short tail clause hedges the whole sentence.
        let mut d =
            claim("d", "The ministry discussed a framework for a peace accord, sources hinted.");
        d.modality = Modality::Hedged;
        assert!(kinds(&a, &d).contains(&DifferenceKind::Modality));
        // A hedge in a clause of its own with nothing both claims say does not.
        let mut e = claim(
            "e",
            "Rumoured to be close to a breakdown last week, the ministry discussed a framework for a peace accord.",
        );
        e.modality = Modality::Hedged;
        assert!(!kinds(&a, &e).contains(&DifferenceKind::Modality), "{:?}", kinds(&a, &e));
    }

    #[test]
    fn same_words_other_speaker_is_attribution() {
        let quote = |c: &mut Claim, speaker: &str| {
            let words = "we will not return to work";
            let start = c.text.to_lowercase().find(words).unwrap();
            let text = c.text[start..start + words.len()].to_string();
            c.quotes.push(Quote {
                text,
                start,
                end: start + words.len(),
                speaker: Some(speaker.into()),
            });
        };
        let mut a = claim("a", "\u{201c}We will not return to work,\u{201d} said Mara Olsen.");
        quote(&mut a, "Mara Olsen");
        let mut b = claim("b", "\u{201c}We will not return to work,\u{201d} said Piet Vance.");
        quote(&mut b, "Piet Vance");
        assert!(kinds(&a, &b).contains(&DifferenceKind::Attribution));
        let mut c = claim("c", "Olsen said: \u{201c}we will not return to work.\u{201d}");
        quote(&mut c, "Olsen");
        assert!(
            !kinds(&a, &c).contains(&DifferenceKind::Attribution),
            "a surname is the same speaker"
        );
        let long = "The strike at the grain port of Valdor goes on into its third week, with no \
                    talks planned before the harvest festival and ships queueing off the coast";
        let mut d = claim("d", &format!("{long}, said Mara Olsen."));
        d.attribution = Some(Attribution {
            speaker: "Mara Olsen".into(),
            surface: "Mara Olsen".into(),
            cue: "said".into(),
            start: 25,
            end: 35,
            resolved: true,
            channel: None,
        });
        let mut e = claim("e", &format!("{long}, said Piet Vance."));
        e.attribution =
            Some(Attribution::new("Piet Vance", "said", long.len() + 7, long.len() + 17));
        e.attribution.as_mut().unwrap().resolved = true;
        assert!(kinds(&d, &e).contains(&DifferenceKind::Attribution));
    }

    #[test]
    fn a_speaker_the_other_claim_also_names_or_does_not_name_is_no_attribution_difference() {
        let words = "the bridge will reopen in spring";
        let quoted = |source: &str, text: &str, speaker: &str| {
            let mut c = claim(source, text);
            let start = c.text.to_lowercase().find(words).unwrap();
            let text = c.text[start..start + words.len()].to_string();
            c.quotes.push(Quote {
                text,
                start,
                end: start + words.len(),
                speaker: Some(speaker.into()),
            });
            c
        };
        let olsen = quoted(
            "a",
            "\u{201c}The bridge will reopen in spring,\u{201d} said Mara Olsen.",
            "Mara Olsen",
        );
        let vance = quoted(
            "b",
            "\u{201c}The bridge will reopen in spring,\u{201d} said Piet Vance.",
            "Piet Vance",
        );
        assert!(kinds(&olsen, &vance).contains(&DifferenceKind::Attribution));
        // A joint statement names both speakers; the other claim's speaker is one of them.
        let joint = quoted(
            "c",
            "\u{201c}The bridge will reopen in spring,\u{201d} said Vance and Olsen.",
            "Piet Vance",
        );
        assert!(!kinds(&olsen, &joint).contains(&DifferenceKind::Attribution));
        // A title before the name: the speaker read as the body still names the person.
        let titled = quoted(
            "d",
            "\u{201c}The bridge will reopen in spring,\u{201d} said Harbour Board chair Mara Olsen.",
            "Harbour Board",
        );
        assert!(!kinds(&olsen, &titled).contains(&DifferenceKind::Attribution));
        // A description or a pronoun names no one to differ from.
        for speaker in ["the mayor", "she", "The council"] {
            let described = quoted(
                "e",
                "\u{201c}The bridge will reopen in spring,\u{201d} the speaker said.",
                speaker,
            );
            assert!(!kinds(&olsen, &described).contains(&DifferenceKind::Attribution), "{speaker}");
        }
        // A name the claim's own words do not give: "he said" resolved to someone, or a
        // quotation whose speaker was carried over from another sentence.
        let resolved =
            quoted("f", "\u{201c}The bridge will reopen in spring,\u{201d} he said.", "Piet Vance");
        assert!(!kinds(&olsen, &resolved).contains(&DifferenceKind::Attribution));
        // Plural sources name no one: "Authorities said" against "Vance said".
        let mut authorities = claim("g", "Authorities said the bridge will reopen in spring.");
        authorities.attribution = Some(Attribution::new("Authorities", "said", 0, 11));
        let mut vance_said = claim("h", "Piet Vance said the bridge will reopen in spring.");
        vance_said.attribution = Some(Attribution::new("Piet Vance", "said", 0, 10));
        assert!(!kinds(&authorities, &vance_said).contains(&DifferenceKind::Attribution));
    }

    #[test]
    fn negations_count_per_clause() {
        let sentence = |source: &str, text: &str| {
            crate::extract::claim_from_sentence(SourceId::new(source), 0, text, None)
        };
        // Two negations in two clauses: the permit is denied in both tellings.
        let a = sentence(
            "a",
            "Ray was denied a gun permit in March, said Hale, who would not say why.",
        );
        let b = sentence(
            "b",
            "Hale said Ray had been denied a gun permit in March but it wasn't clear why.",
        );
        assert!(!kinds(&a, &b).contains(&DifferenceKind::Polarity), "{:?}", kinds(&a, &b));
        // One negation in the clause of what both say still negates it, beside another
        // clause's negation.
        let c =
            sentence("c", "Ray was given a gun permit in March, said Hale, who would not say why.");
        let d = sentence(
            "d",
            "Ray was not given a gun permit in March, said Hale, who would not say why.",
        );
        assert!(kinds(&c, &d).contains(&DifferenceKind::Polarity), "{:?}", kinds(&c, &d));
    }

    fn time_expr(c: &mut Claim, text: &str, normalized: &str, resolved: bool) {
        let start = c.text.find(text).unwrap();
        c.times.push(TimeExpr {
            text: text.into(),
            start,
            end: start + text.len(),
            normalized: Some(normalized.into()),
            resolved,
        });
    }

    #[test]
    fn another_day_is_a_time_difference_but_background_years_are_not() {
        let mut a = claim("a", "The ferry sank on Tuesday.");
        time_expr(&mut a, "Tuesday", "2025-03-11", true);
        let mut b = claim("b", "The ferry sank on Wednesday.");
        time_expr(&mut b, "Wednesday", "2025-03-12", true);
        assert!(kinds(&a, &b).contains(&DifferenceKind::Time));
        let mut c = claim("c", "The ferry sank last week, the first loss since March 2022.");
        time_expr(&mut c, "last week", "2025-03-10/2025-03-16", true);
        time_expr(&mut c, "March 2022", "2022-03", true);
        assert!(!kinds(&a, &c).contains(&DifferenceKind::Time), "the week holds the day");
        let mut d = claim("d", "The ferry sank on Tuesday.");
        time_expr(&mut d, "Tuesday", "tuesday", false);
        let mut e = claim("e", "The ferry sank on Thursday.");
        time_expr(&mut e, "Thursday", "thursday", false);
        assert!(kinds(&d, &e).contains(&DifferenceKind::Time));
        assert!(
            !kinds(&d, &a).contains(&DifferenceKind::Time),
            "resolved against unresolved: unknown"
        );
    }

    #[test]
    fn a_detail_only_one_gives_is_quoted() {
        let a =
            claim("a", "The union proposed a ten-day truce, which the port authority accepted.");
        let b = claim("b", "The union proposed a ten-day truce.");
        let diffs = compare(&a, &b, &DiffConfig::default());
        assert_eq!(diffs.len(), 1, "{diffs:?}");
        assert_eq!(diffs[0].kind, DifferenceKind::Detail);
        assert_eq!(diffs[0].summary, "Only a gives \u{201c}port authority accepted\u{201d}.");
    }

    #[test]
    fn synonyms_are_not_details() {
        let a = claim("a", "Dock workers walked out after talks with the port collapsed.");
        let b = claim("b", "Dock workers walked out after negotiations with the port collapsed.");
        assert!(compare(&a, &b, &DiffConfig::default()).is_empty());
        let c = claim("c", "Dock workers walked out after payments from the port collapsed.");
        let d = &compare(&a, &c, &DiffConfig::default())[0];
        assert_eq!(
            d.summary,
            "Only a gives \u{201c}talks\u{201d}; only c gives \u{201c}payments\u{201d}."
        );
        let mut lexicon = Lexicon::default();
        lexicon.add_synonyms(&["talks", "payments"]);
        assert!(Differ::new(&DiffConfig::default(), &lexicon).compare(&a, &c).is_empty());
    }

    #[test]
    fn another_spelling_of_a_name_or_number_is_not_a_detail() {
        let name = |c: &mut Claim, words: &str| {
            let start = c.text.find(words).unwrap();
            c.entities.push(crate::model::Entity {
                canonical: "Andriy Kovalenko".into(),
                surface: words.into(),
                start,
                end: start + words.len(),
                kind: Default::default(),
            });
        };
        let mut a = claim("a", "Andrei Kovalenko confirmed the swap of 40 prisoners.");
        name(&mut a, "Andrei Kovalenko");
        qty(&mut a, "40 prisoners", 40.0, "prisoner", Bound::Exact);
        let mut b = claim("b", "Andriy Kovalenko confirmed the swap of forty captives.");
        name(&mut b, "Andriy Kovalenko");
        qty(&mut b, "forty captives", 40.0, "captive", Bound::Exact);
        let diffs = compare(&a, &b, &DiffConfig::default());
        assert!(diffs.is_empty(), "{diffs:?}");
    }

    #[test]
    fn clip_cuts_at_a_word() {
        assert_eq!(clip("one two three", 9), "one two\u{2026}");
        assert_eq!(clip("short", 9), "short");
    }
}
