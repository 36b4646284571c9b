//! Extraction: "here is a source's text, gimme its claims and what I skipped".
//!
//! Useful for: turning one article into [`Claim`]s with spans, entities, quantities, times, quotes,
//! attribution, modality, polarity and content terms. Not useful for: anything across sources
//! (entity resolution across a run happens in [`crate::entity::resolve`], alignment in
//! [`crate::align`]).
//!
//! Architecture invariants:
//! - extraction does no I/O and never fails: a [`Source`] is already known to hold text;
//! - every non-white-space byte of the source is inside exactly one claim or one skipped span;
//! - every span is a byte range of the original text on char boundaries, so curly quotes and dashes
//!   are read like their plain forms without moving any offset.

pub(crate) mod cues;
pub mod quantity;
mod segment;
pub mod time;

pub use crate::text::content_terms;
pub use segment::MAX_CLAIM_BYTES;

use crate::entity;
use crate::model::Date;
use crate::model::Source;
use crate::model::{Attribution, Claim, SkipReason, Skipped, SourceId};

/// What extraction made of one source.
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct Extraction {
    /// The claims, in text order, ids `{source}:{n}`.
    pub claims: Vec<Claim>,
    /// The spans in no claim, with the reason.
    pub skipped: Vec<Skipped>,
    /// The headline, when the text opens with one.
    pub title: Option<String>,
}

/// Extracts the claims of one source.
///
/// Entity names are as written (titles stripped) and pronoun speakers unresolved: resolving
/// spellings across sources, and pronouns and role descriptions to the people the text names, is
/// the job of [`crate::entity::resolve`], which [`crate::Reconciler`] runs over the whole run once
/// every source is in, so that what one source says of a person helps read the others.
///
/// # Complexity
/// Linear in the length of the text.
///
/// # Examples
/// ```
/// use corroborate::{Source, extract::extract};
///
/// let source = Source::new("a", "Harbour Reopens After Storm\nThe harbour reopened on Friday. \
///     Officials said 40 ships were waiting.").unwrap();
/// let extraction = extract(&source);
/// assert_eq!(extraction.claims.len(), 2);
/// assert_eq!(extraction.claims[1].quantities[0].value, 40.0);
/// assert_eq!(extraction.claims[1].quantities[0].unit, "ship");
/// assert_eq!(extraction.title.as_deref(), Some("Harbour Reopens After Storm"));
/// ```
pub fn extract(source: &Source) -> Extraction {
    let text = source.text();
    let date = source.meta().date;
    let seg = segment::segment(text, source.meta().title.as_deref());
    let mut claims = Vec::new();
    let mut skipped = Vec::new();
    for span in &seg.spans {
        match span.kind {
            segment::SpanKind::Claim => {
                let index = claims.len();
                claims.push(annotate(
                    source.id(),
                    index,
                    span.start,
                    &text[span.start..span.end],
                    date,
                ));
            }
            segment::SpanKind::Skip(reason) => skipped.push(Skipped {
                source: source.id().clone(),
                start: span.start,
                end: span.end,
                reason,
            }),
        }
    }
    carry_quote_speakers(&mut claims);
    for claim in &mut claims {
        claim.shrink_to_fit();
    }
    let title = seg.headline.map(|(s, e)| text[s..e].to_string());
    Extraction { claims, skipped, title }
}

/// One sentence as one claim, fully annotated: for callers that already have their sentences (the
/// pair interface, evaluation, claims from another tool). `index` numbers it within `source`.
///
/// # Examples
/// ```
/// use corroborate::{Modality, SourceId, extract::claim_from_sentence};
///
/// let claim = claim_from_sentence(SourceId::new("x"), 0, "Rome could host the talks.", None);
/// assert_eq!(claim.modality, Modality::Hedged);
/// assert_eq!(claim.end, "Rome could host the talks.".len());
/// ```
pub fn claim_from_sentence(
    source: SourceId,
    index: usize,
    sentence: &str,
    date: Option<Date>,
) -> Claim {
    annotate(&source, index, 0, sentence, date)
}

/// Annotates the claim text at `start` of its source.
fn annotate(
    source: &SourceId,
    index: usize,
    start: usize,
    text: &str,
    date: Option<Date>,
) -> Claim {
    let mut claim = Claim::new(source.clone(), index, start, text);
    let tokens = crate::text::tokens(text);
    claim.entities = entity::find_mentions(text, start);
    claim.quantities = quantity::find_quantities(text, start);
    claim.times = time::find_times(text, start, date);
    claim.modality = cues::modality(text, &tokens);
    claim.polarity = cues::polarity(text, &tokens);
    claim.attribution = cues::attribution(text, &tokens, &claim.entities, start);
    let speaker = claim.attribution.as_ref().map(|a| a.speaker.as_str());
    claim.quotes = cues::quotes(text, start, speaker);
    claim.terms = content_terms(text);
    claim
}

/// A claim that is nothing but a quotation continues the quoting of the claim before it ("“…,”
/// Lind said. “…”"): it takes that claim's speaker. A quotation left open that the next claim
/// closes and attributes ("“… time.” / “…,” said DeGeneres.") is that claim's speaker's instead:
/// the quotation runs on, and its speaker comes at its end.
fn carry_quote_speakers(claims: &mut [Claim]) {
    for i in 0..claims.len() {
        let only_quote = {
            let c = &claims[i];
            c.attribution.is_none()
                && c.quotes.len() == 1
                && c.quotes[0].text.len() + 8 >= c.text.trim().len()
        };
        if !only_quote {
            continue;
        }
        // The claim that closes a quotation left open, within the next few (a quotation is cut
        // into clauses too: "… time. / You know what they say / - the third time's the charm,”
        // said DeGeneres.").
        let next: Option<Attribution> = if opens_quote(&claims[i].text) {
            claims[i + 1..]
                .iter()
                .take(MAX_QUOTE_CLAIMS)
                .find(|n| closes_quote(&n.text))
                .and_then(|n| n.attribution.clone())
        } else {
            None
        };
        let prev: Option<Attribution> = match i {
            0 => None,
            _ => claims[i - 1].attribution.clone().filter(|_| !claims[i - 1].quotes.is_empty()),
        };
        if let Some(prev) = next.or(prev) {
            let speaker = prev.speaker.clone();
            claims[i].attribution = Some(prev);
            for q in &mut claims[i].quotes {
                q.speaker = Some(speaker.clone());
            }
        }
    }
}

/// How many claims after one that opens a quotation are searched for the one that closes it.
const MAX_QUOTE_CLAIMS: usize = 3;

/// Whether `text` leaves a quotation open: more opening than closing curly marks, or an odd
/// number of straight ones.
fn opens_quote(text: &str) -> bool {
    let count = |c: char| text.matches(c).count();
    count('\u{201c}') > count('\u{201d}') || count('"') % 2 == 1
}

/// Whether `text` closes a quotation opened before it.
fn closes_quote(text: &str) -> bool {
    let count = |c: char| text.matches(c).count();
    count('\u{201d}') > count('\u{201c}') || count('"') % 2 == 1
}

/// Whether a skip reason marks page furniture rather than article text.
pub fn is_furniture(reason: SkipReason) -> bool {
    matches!(
        reason,
        SkipReason::Boilerplate
            | SkipReason::DuplicateHeadline
            | SkipReason::Url
            | SkipReason::Dateline
            | SkipReason::Byline
            | SkipReason::PhotoCredit
            | SkipReason::ReadMore
            | SkipReason::Timestamp
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Modality, Polarity};

    fn covered(text: &str, ex: &Extraction) -> Result<(), usize> {
        let mut hit = vec![false; text.len()];
        for (s, e) in ex
            .claims
            .iter()
            .map(|c| (c.start, c.end))
            .chain(ex.skipped.iter().map(|s| (s.start, s.end)))
        {
            for h in &mut hit[s..e] {
                assert!(!*h, "byte covered twice");
                *h = true;
            }
        }
        for (i, c) in text.char_indices() {
            if !c.is_whitespace() && !hit[i] {
                return Err(i);
            }
        }
        Ok(())
    }

    const ARTICLE: &str = "Storm Closes Harbour\nStorm Closes Harbour\n\n\
        The harbour closed on Monday as a storm hit the coast; ferries stayed in port.\n\
        “We will reopen when it is safe,” harbour master Ana Lind said. “Not before.”\n\
        Officials said the closure could last a week, and the navy may send ships if needed.\n\
        Subscribe to get our newsletter\n";

    #[test]
    fn every_non_space_byte_is_covered_once() {
        let source = Source::new("a", ARTICLE).unwrap();
        let ex = extract(&source);
        assert_eq!(covered(ARTICLE, &ex), Ok(()));
        assert_eq!(ex.title.as_deref(), Some("Storm Closes Harbour"));
        for c in &ex.claims {
            assert_eq!(&ARTICLE[c.start..c.end], c.text);
        }
    }

    #[test]
    fn claims_are_numbered_in_text_order_with_cues() {
        let ex = extract(&Source::new("a", ARTICLE).unwrap());
        let texts: Vec<&str> = ex.claims.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "The harbour closed on Monday as a storm hit the coast;",
                "ferries stayed in port.",
                "“We will reopen when it is safe,” harbour master Ana Lind said.",
                "“Not before.”",
                "Officials said the closure could last a week,",
                "and the navy may send ships if needed.",
            ]
        );
        assert_eq!(ex.claims[3].id.to_string(), "a:3");
        assert_eq!(ex.claims[3].polarity, Polarity::Negated);
        assert_eq!(ex.claims[4].modality, Modality::Hedged);
        assert_eq!(ex.claims[5].modality, Modality::Conditional);
        let skipped: Vec<_> = ex.skipped.iter().map(|s| s.reason).collect();
        assert_eq!(
            skipped,
            [SkipReason::Headline, SkipReason::DuplicateHeadline, SkipReason::Boilerplate]
        );
    }

    #[test]
    fn a_quotation_left_open_takes_the_speaker_that_closes_it() {
        let text = "The port of Valdor reopened on Tuesday after a long strike.\n\
            \u{201c}We will load the first ships tonight,\u{201d} said Mara Olsen.\n\
            \u{201c}The strike has cost the union dearly.\n\
            You know what they say - we hope to talk again on Monday,\u{201d} said Piet Vance.\n\
            \u{201c}Nobody wanted it to last this long.\u{201d}\n";
        let ex = extract(&Source::new("a", text).unwrap());
        let speaker = |words: &str| {
            let c = ex.claims.iter().find(|c| c.text.contains(words)).expect(words);
            c.quotes.first().and_then(|q| q.speaker.clone())
        };
        assert_eq!(speaker("cost the union").as_deref(), Some("Piet Vance"));
        // A closed quotation with no speaker of its own still continues the one before it.
        assert_eq!(speaker("Nobody wanted").as_deref(), Some("Piet Vance"));
    }

    #[test]
    fn a_bare_quotation_continues_the_previous_speaker() {
        let ex = extract(&Source::new("a", ARTICLE).unwrap());
        let said = ex.claims[2].attribution.as_ref().expect("attributed");
        let cont = ex.claims[3].attribution.as_ref().expect("carried over");
        assert_eq!(said.speaker, cont.speaker);
        assert_eq!(ex.claims[3].quotes[0].speaker.as_deref(), Some(said.speaker.as_str()));
    }
}
