//! Predicates: what a claim says happened, so that claims which share names and background but
//! tell two different things are not grouped into one fact.
//!
//! The paraphrase scorer sees words. "Harbour master Li Wei asked." (the question stood in the
//! sentence before) and "Harbour master Li Wei closed the port to tankers" share most of their
//! rare words and score as a paraphrase; so do two quotations of one spokesperson ("…," said
//! city spokesperson Ana Ruiz). What tells them apart is the verb: one asked, the other closed the
//! port. Such claims are still about one happening and stay linked in the agreement graph
//! ([`crate::reconcile::graph::EdgeKind::Related`]); they are only kept out of one fact, since a
//! fact is one assertion.
//!
//! There is no part-of-speech tagger here: a word is read as a verb when it has a verb's form or
//! stands where a verb stands ([`predicate_words`]). Mistaking a noun for a verb adds a word that
//! the other claim usually shares, which keeps the two together; the check therefore errs towards
//! grouping, which is what the scorer already decided. Two claims are told apart only when both
//! have predicates, neither has one that the other claim expresses (as the same stem, a synonym of
//! the lexicon or a WordNet synonym), and one of them tells nothing the other shares
//! ([`Predicates::apart`]).
//!
//! Measured on the ECB+ development topics (docs/evaluation.md, "Facts stay assertions"): 79 of
//! 1,826 multi-source facts split, 12 of 20 splits read by hand right.
//!
//! The same reading gives a claim's [`Frame`]: its subject (the words before its first predicate)
//! and the head nouns after it. Two claims of two sources with one subject that act on one head
//! noun ("European leaders echoed the call for tougher sanctions" / "European leaders opted to
//! ramp up sanctions") tell two things about one matter; the report relates them (21 such edges
//! on the ECB+ development topics, 17 read as about one matter).

use std::collections::HashSet;

use crate::align::lexicon::{CompiledLexicon, word_stems};
use crate::align::wordnet::{NONE, WordNet};
use crate::model::Claim;
use crate::text::{self, REPORTING_VERBS, plain_lower, words};

/// Forms of "be", "have", "do" and the modals: they carry tense or mood, not the happening. After
/// a modal or "do" stands a verb's base form; after "be" or "have", a participle (read by its
/// form) or an adjective.
const AUXILIARIES: &[&str] = &[
    "be", "been", "being", "is", "are", "was", "were", "am", "'s", "has", "have", "had", "having",
    "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might",
    "must", "get", "got", "gets",
];

/// Words that may stand between an auxiliary and its verb ("has also been", "will not").
const BETWEEN: &[&str] = &[
    "not",
    "never",
    "also",
    "already",
    "still",
    "just",
    "now",
    "reportedly",
    "allegedly",
    "apparently",
    "since",
    "then",
    "later",
    "finally",
    "even",
];

/// Support and aspect verbs: they say that a happening took place, began or was planned, while
/// their object or subject names it ("a service will be held", "talks began", "is planned for
/// Tuesday"), so they are not what a claim tells.
const SUPPORT_VERBS: &[&str] = &[
    "held",
    "hold",
    "planned",
    "plan",
    "scheduled",
    "expected",
    "set",
    "made",
    "make",
    "took",
    "taken",
    "take",
    "gave",
    "given",
    "give",
    "began",
    "begun",
    "begin",
    "started",
    "start",
    "continued",
    "continue",
    "happened",
    "occurred",
    "came",
    "went",
    "seemed",
    "appeared",
    "remained",
    "become",
    "became",
    "used",
];

/// Words in "-ed" that are not verbs.
const NOT_VERBS_ED: &[&str] = &[
    "hundred",
    "united",
    "indeed",
    "naked",
    "wicked",
    "sacred",
    "kindred",
    "speed",
    "breed",
    "creed",
    "greed",
    "seed",
    "weed",
    "need",
    "feed",
    "reed",
    "deed",
    "heed",
    "shed",
    "embed",
    "tweed",
    "unprecedented",
    "alleged",
    "supposed",
    "so-called",
    "related",
    "based",
    "armed",
    "aged",
    "beloved",
    "detailed",
    "limited",
    "advanced",
    "experienced",
    "talented",
    "married",
    "skilled",
];

/// Common irregular past forms and participles, with their base form (the stems of the
/// synonym lexicon and WordNet are of base forms).
const IRREGULAR: &[(&str, &str)] = &[
    ("arose", "arise"),
    ("arisen", "arise"),
    ("awoke", "awake"),
    ("began", "begin"),
    ("begun", "begin"),
    ("bent", "bend"),
    ("bit", "bite"),
    ("bitten", "bite"),
    ("blew", "blow"),
    ("blown", "blow"),
    ("bore", "bear"),
    ("borne", "bear"),
    ("bought", "buy"),
    ("broke", "break"),
    ("broken", "break"),
    ("brought", "bring"),
    ("built", "build"),
    ("burnt", "burn"),
    ("caught", "catch"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("came", "come"),
    ("cut", "cut"),
    ("dealt", "deal"),
    ("dug", "dig"),
    ("drew", "draw"),
    ("drawn", "draw"),
    ("drove", "drive"),
    ("driven", "drive"),
    ("ate", "eat"),
    ("eaten", "eat"),
    ("fell", "fall"),
    ("fallen", "fall"),
    ("fed", "feed"),
    ("felt", "feel"),
    ("fought", "fight"),
    ("found", "find"),
    ("fled", "flee"),
    ("flew", "fly"),
    ("flown", "fly"),
    ("forgot", "forget"),
    ("forgotten", "forget"),
    ("froze", "freeze"),
    ("frozen", "freeze"),
    ("gave", "give"),
    ("given", "give"),
    ("went", "go"),
    ("gone", "go"),
    ("grew", "grow"),
    ("grown", "grow"),
    ("hung", "hang"),
    ("heard", "hear"),
    ("hid", "hide"),
    ("hidden", "hide"),
    ("hit", "hit"),
    ("held", "hold"),
    ("hurt", "hurt"),
    ("kept", "keep"),
    ("knew", "know"),
    ("known", "know"),
    ("laid", "lay"),
    ("led", "lead"),
    ("left", "leave"),
    ("lent", "lend"),
    ("lit", "light"),
    ("lost", "lose"),
    ("made", "make"),
    ("meant", "mean"),
    ("met", "meet"),
    ("paid", "pay"),
    ("put", "put"),
    ("quit", "quit"),
    ("ran", "run"),
    ("rang", "ring"),
    ("rose", "rise"),
    ("risen", "rise"),
    ("sought", "seek"),
    ("sold", "sell"),
    ("sent", "send"),
    ("set", "set"),
    ("shown", "show"),
    ("shook", "shake"),
    ("shaken", "shake"),
    ("shot", "shoot"),
    ("shut", "shut"),
    ("sang", "sing"),
    ("sank", "sink"),
    ("sunk", "sink"),
    ("sat", "sit"),
    ("slept", "sleep"),
    ("slid", "slide"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("spent", "spend"),
    ("spun", "spin"),
    ("split", "split"),
    ("spread", "spread"),
    ("stood", "stand"),
    ("stole", "steal"),
    ("stolen", "steal"),
    ("stuck", "stick"),
    ("struck", "strike"),
    ("stricken", "strike"),
    ("swore", "swear"),
    ("sworn", "swear"),
    ("swept", "sweep"),
    ("took", "take"),
    ("taken", "take"),
    ("taught", "teach"),
    ("tore", "tear"),
    ("torn", "tear"),
    ("thought", "think"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("understood", "understand"),
    ("woke", "wake"),
    ("wore", "wear"),
    ("won", "win"),
    ("wound", "wind"),
    ("withdrew", "withdraw"),
    ("withdrawn", "withdraw"),
    ("wrote", "write"),
    ("written", "write"),
    ("overtook", "overtake"),
    ("undertook", "undertake"),
    ("upheld", "uphold"),
    ("oversaw", "oversee"),
    ("saw", "see"),
    ("seen", "see"),
    ("became", "become"),
    ("did", "do"),
    ("done", "do"),
];

/// The base form of an irregular past form or participle.
fn irregular_base(lower: &str) -> Option<&'static str> {
    IRREGULAR.iter().find(|(form, _)| *form == lower).map(|(_, base)| *base)
}

/// Whether a lowercase word is a common irregular past form or participle ("held", "struck").
pub(crate) fn is_irregular_past(lower: &str) -> bool {
    irregular_base(lower).is_some()
}

/// The indices of the words of `text` read as verbs that tell what happened (see the module
/// docs): a past form ("-ed", or a common irregular one), a word after an auxiliary or after
/// "to" ("will host", "has been named", "to see"), or an "-ing" form after a form of "be". Names
/// (`names` are byte ranges of `text`), auxiliaries, support verbs ("held", "began"), stop words
/// and reporting verbs are not, except in a claim that is only a speaker and the verb ("Harbour
/// master Li Wei asked.").
pub(crate) fn predicate_words(text: &str, names: &[(usize, usize)]) -> Vec<usize> {
    let ws: Vec<(String, usize)> = words(text).map(|w| (plain_lower(w.text), w.start)).collect();
    predicates_among(text, &ws, names)
}

/// [`predicate_words`] of `text` read as `ws`: each word lowercased, with its start.
fn predicates_among(text: &str, ws: &[(String, usize)], names: &[(usize, usize)]) -> Vec<usize> {
    let in_name = |start: usize| names.iter().any(|&(s, e)| s <= start && start < e);
    let mut verbs = Vec::new();
    let mut reports = Vec::new();
    for (i, (lower, start)) in ws.iter().enumerate() {
        let lower = lower.as_str();
        if in_name(*start) || !lower.chars().all(|c| c.is_alphabetic()) {
            continue;
        }
        if REPORTING_VERBS.contains(&lower) {
            reports.push(i);
            continue;
        }
        if AUXILIARIES.contains(&lower)
            || SUPPORT_VERBS.contains(&lower)
            || text::is_stop_word(lower)
        {
            continue;
        }
        // The word before, over adverbs that may stand between an auxiliary and its verb.
        let before = ws[..i]
            .iter()
            .rev()
            .map(|(w, _)| w.as_str())
            .find(|w| !(BETWEEN.contains(w) || (w.len() > 4 && w.ends_with("ly"))));
        // After a modal, "do" or "to" stands a base form; after "be" or "have", a participle
        // (read by its form) or an adjective.
        let after_modal = before.is_some_and(|b| {
            matches!(
                b,
                "will"
                    | "would"
                    | "shall"
                    | "should"
                    | "can"
                    | "could"
                    | "may"
                    | "might"
                    | "must"
                    | "do"
                    | "does"
                    | "did"
                    | "to"
            )
        });
        let after_be = before.is_some_and(|b| {
            matches!(b, "be" | "been" | "being" | "is" | "are" | "was" | "were" | "am")
        });
        let past = (lower.len() >= 4 && lower.ends_with("ed") && !NOT_VERBS_ED.contains(&lower))
            || irregular_base(lower).is_some();
        let progressive = lower.len() >= 5 && lower.ends_with("ing") && after_be;
        let base = after_modal && !lower.ends_with("ing");
        if past || progressive || base {
            verbs.push(i);
        }
    }
    // A claim that is only its speaker and a reporting verb ("Harbour master Li Wei asked.",
    // the quotation in the sentence before) tells that someone spoke; any other claim without
    // a verb found has none to compare ("By noon the fire was under control, Owen said.").
    let speaker_only = reports.len() == 1
        && reports[0] + 1 == ws.len()
        && ws.len() <= SPEAKER_ONLY_WORDS
        && !text.contains(['"', '\u{201C}', '\u{201D}']);
    match verbs.is_empty() && speaker_only {
        true => reports,
        false => verbs,
    }
}

/// The most words of a claim that is only a speaker and a reporting verb.
const SPEAKER_ONLY_WORDS: usize = 6;

/// A claim's predicates and everything its words express, for [`Predicates::apart`].
#[derive(Debug, Default)]
pub(crate) struct Predicates {
    /// The predicate words.
    verbs: Vec<Verb>,
    /// The WordNet ids of the predicates' own stems.
    verb_ids: HashSet<u32>,
    /// The words of what the claim tells, rather than of whom it is about or who says it: its
    /// quotations when it has any, else the words from its first predicate on.
    told: Words,
    /// What all the claim's words express.
    all: Words,
}

/// What some words express: their stems and their lexicon concepts.
#[derive(Debug, Default)]
struct Words {
    stems: HashSet<String>,
    concepts: HashSet<u32>,
}

impl Words {
    /// Whether `other` holds one of these stems or concepts.
    fn meet(&self, other: &Words) -> bool {
        self.stems.iter().any(|s| other.stems.contains(s))
            || self.concepts.iter().any(|c| other.concepts.contains(c))
    }

    fn extend(&mut self, other: &Words) {
        self.stems.extend(other.stems.iter().cloned());
        self.concepts.extend(other.concepts.iter().copied());
    }
}

/// One word of a claim: what it expresses, and the ids of its WordNet synonyms.
#[derive(Debug, Default)]
struct Verb {
    words: Words,
    synonyms: HashSet<u32>,
}

impl Verb {
    /// Whether `claim` says this predicate: any of its words by stem or concept (a noun may name
    /// the happening: "charged" / "the charges"), or one of its predicates by a WordNet synonym
    /// (WordNet merges every sense and part of speech, so "begin" is a synonym of the noun
    /// "source", and a synonym among all words meets too easily).
    fn said_by(&self, claim: &Predicates) -> bool {
        self.words.meet(&claim.all) || self.synonyms.iter().any(|s| claim.verb_ids.contains(s))
    }
}

/// The byte ranges of `spans` (source offsets) that lie inside `claim`, relative to its text.
fn spans_in(claim: &Claim, spans: impl Iterator<Item = (usize, usize)>) -> Vec<(usize, usize)> {
    spans
        .filter(|&(start, end)| start >= claim.start && end <= claim.end)
        .map(|(start, end)| (start - claim.start, end - claim.start))
        .collect()
}

impl Predicates {
    /// The predicates of `claim`, with the synonym groups of `lexicons`.
    pub(crate) fn of(claim: &Claim, lexicons: &[&CompiledLexicon]) -> Predicates {
        let names = spans_in(claim, claim.entities.iter().map(|e| (e.start, e.end)));
        let verbs = predicate_words(&claim.text, &names);
        // Stems per word (a word may have parts: "break-in"), irregular forms at their base.
        let mut stems: Vec<(usize, String)> = Vec::new();
        word_stems(&claim.text, |i, stem, stop| {
            if !stop {
                stems.push((i, stem));
            }
        });
        let lowers: Vec<String> = words(&claim.text).map(|w| plain_lower(w.text)).collect();
        for (i, stem) in &mut stems {
            if let Some(base) = irregular_base(&lowers[*i]) {
                *stem = text::stem(base);
            }
        }
        let mut per_word: Vec<Verb> = (0..lowers.len()).map(|_| Verb::default()).collect();
        let wordnet = WordNet::get();
        for (i, stem) in &stems {
            let id = wordnet.id(stem);
            let entry = &mut per_word[*i];
            if id != NONE {
                entry.synonyms.insert(id);
                entry.synonyms.extend(wordnet.synonyms(id).iter().copied());
            }
            entry.words.stems.insert(stem.clone());
        }
        let refs: Vec<&str> = stems.iter().map(|(_, s)| s.as_str()).collect();
        for lexicon in lexicons {
            lexicon.find(&refs, |start, len, concept| {
                for (i, _) in &stems[start..start + len] {
                    per_word[*i].words.concepts.insert(concept);
                }
            });
        }
        let mut all = Words::default();
        for w in &per_word {
            all.extend(&w.words);
        }
        // The predicates' own WordNet ids, so that two synonyms meet (one side's synonyms
        // against the other's ids), not two words that merely share a synonym.
        let verb_ids = stems
            .iter()
            .filter(|(i, _)| verbs.contains(i))
            .map(|(_, stem)| wordnet.id(stem))
            .filter(|&id| id != NONE)
            .collect();
        let quotes = spans_in(claim, claim.quotes.iter().map(|q| (q.start, q.end)));
        let first = verbs.first().copied().unwrap_or(0);
        let mut told = Words::default();
        for (i, w) in words(&claim.text).enumerate() {
            let in_told = match quotes.is_empty() {
                true => i >= first,
                false => quotes.iter().any(|&(s, e)| s <= w.start && w.start < e),
            };
            if in_told {
                told.extend(&per_word[i].words);
            }
        }
        let verbs = verbs.into_iter().map(|i| std::mem::take(&mut per_word[i])).collect();
        Predicates { verbs, verb_ids, told, all }
    }

    /// Whether two claims tell different things: both have predicates, none of either's is
    /// expressed by the other claim's words, and what one of them tells (its quotation, or its
    /// words from the predicate on) has no word of the other: what they share is only whom they
    /// are about or who speaks ("Harbour master Li Wei asked." / "… Li Wei closed the port").
    /// Two writers who tell one thing with other verbs still share what it is done to ("The
    /// mayor proposed a 30-day rent freeze" / "The mayor tried to get the council to agree to a
    /// 30-day freeze on rents").
    pub(crate) fn apart(&self, other: &Predicates) -> bool {
        let no_verb_said = !self.verbs.is_empty()
            && !other.verbs.is_empty()
            && !self.verbs.iter().any(|v| v.said_by(other))
            && !other.verbs.iter().any(|v| v.said_by(self));
        no_verb_said && (!self.told.meet(&other.all) || !other.told.meet(&self.all))
    }
}

/// What a claim is about, read from its word order: its subject (the stems of the content words
/// before its first predicate: "European leaders", "the port authority") and the head nouns after
/// that predicate (a content word that ends its phrase: "sanctions" in "tougher sanctions on
/// Moscow", but not "pay" in "a new pay deal"), for [`frame_links`](crate::reconcile::report).
#[derive(Debug, PartialEq)]
pub(crate) struct Frame {
    /// The subject's stems, sorted and without repeats.
    pub subject: Vec<String>,
    /// The stems of the head nouns after the first predicate, names and the subject's own
    /// words left out.
    pub heads: HashSet<String>,
    /// Those of `heads` that a condition later in their clause governs ("tougher sanctions on
    /// Moscow if it fails to act").
    pub conditioned: HashSet<String>,
}

/// Nouns of time: as the head of a phrase they tell when, not what is acted on.
const TIME_NOUNS: &[&str] = &[
    "time",
    "times",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "season",
    "seasons",
    "hour",
    "hours",
    "minute",
    "minutes",
    "night",
    "nights",
    "morning",
    "mornings",
    "evening",
    "evenings",
    "afternoon",
    "afternoons",
    "decade",
    "decades",
    "moment",
    "period",
];

/// The [`Frame`] of `claim`, if it has a predicate and a subject of content words before it.
pub(crate) fn frame(claim: &Claim) -> Option<Frame> {
    let names = spans_in(claim, claim.entities.iter().map(|e| (e.start, e.end)));
    let ws: Vec<text::Word<'_>> = words(&claim.text).collect();
    let lowered: Vec<(String, usize)> = ws.iter().map(|w| (plain_lower(w.text), w.start)).collect();
    let verbs = predicates_among(&claim.text, &lowered, &names);
    let &first = verbs.first()?;
    let lower = |i: usize| lowered[i].0.as_str();
    let content = |i: usize| {
        let w = lower(i);
        w.len() > 2 && w.chars().all(char::is_alphabetic) && !text::is_stop_word(w)
    };
    let mut subject: Vec<String> =
        (0..first).filter(|&i| content(i)).map(|i| text::stem(lower(i))).collect();
    subject.sort();
    subject.dedup();
    if subject.is_empty() {
        return None;
    }
    let in_name = |start: usize| names.iter().any(|&(s, e)| s <= start && start < e);
    let times = spans_in(claim, claim.times.iter().map(|t| (t.start, t.end)));
    let in_time = |start: usize| times.iter().any(|&(s, e)| s <= start && start < e);
    // Words that end a phrase without naming what is acted on: adverbs ("called immediately"),
    // negations, and the nouns of time phrases ("in three seasons", "at the time").
    let circumstance = |i: usize| {
        let w = lower(i);
        (w.len() > 4 && w.ends_with("ly"))
            || crate::extract::cues::is_negator(w)
            || TIME_NOUNS.contains(&w)
            || in_time(ws[i].start)
    };
    // Whether punctuation stands between word `i` and the next.
    let breaks = |i: usize| {
        ws.get(i + 1).is_some_and(|next| {
            claim.text[ws[i].end()..next.start].chars().any(|c| !c.is_whitespace())
        })
    };
    // Whether word `i` is joined to the next by a hyphen ("10-year-old", "cease-fire").
    let hyphen = |i: usize| {
        ws.get(i + 1).is_some_and(|next| {
            matches!(&claim.text[ws[i].end()..next.start], "-" | "\u{2010}" | "\u{2011}")
        })
    };
    // Whether an "if" or "unless" follows word `i` in its clause (one pass from the end).
    let mut condition_after = vec![false; ws.len()];
    let mut seen = false;
    for i in (0..ws.len()).rev() {
        condition_after[i] = seen;
        seen |= matches!(lower(i), "if" | "unless");
        if i > 0 && breaks(i - 1) {
            seen = false;
        }
    }
    let mut heads = HashSet::new();
    let mut conditioned = HashSet::new();
    for i in first + 1..ws.len() {
        // A head ends its phrase: the sentence ends, punctuation follows, or a word that is no
        // content word ("on", "to", "and"); a part of a hyphenated word is none.
        let head = content(i)
            && !in_name(ws[i].start)
            && verbs.binary_search(&i).is_err()
            && !circumstance(i)
            && !hyphen(i)
            && !hyphen(i - 1)
            && (i + 1 == ws.len() || breaks(i) || !content(i + 1));
        if !head {
            continue;
        }
        let stem = text::stem(lower(i));
        if subject.binary_search(&stem).is_ok() {
            continue;
        }
        if condition_after[i] {
            conditioned.insert(stem.clone());
        }
        heads.insert(stem);
    }
    Some(Frame { subject, heads, conditioned })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verbs(text: &str) -> Vec<String> {
        let ws: Vec<&str> = words(text).map(|w| w.text).collect();
        predicate_words(text, &[]).into_iter().map(|i| ws[i].to_lowercase()).collect()
    }

    #[test]
    fn verbs_are_read_from_their_form_and_place() {
        let rows: &[(&str, &[&str])] = &[
            ("The ferry was delayed by a storm.", &["delayed"]),
            ("Flood waters swept through the valley.", &["swept"]),
            ("The museum will host the exhibition.", &["host"]),
            ("Crews are clearing the road.", &["clearing"]),
            ("It was hard to see.", &["see"]),
            ("\"We will rebuild,\" the mayor said.", &["rebuild"]),
            ("The mayor said.", &["said"]),
            ("By noon the fire was under control, the mayor said.", &[]),
            ("A hundred and two united fans.", &[]),
        ];
        for (text, want) in rows {
            assert_eq!(verbs(text), *want, "{text}");
        }
    }

    /// The claim extracted from `text` (one sentence), with its names and quotations.
    fn claim(text: &str) -> Claim {
        let source = crate::Source::new("s", text).unwrap();
        let mut claims = crate::extract::extract(&source).claims;
        assert_eq!(claims.len(), 1, "{text}");
        claims.remove(0)
    }

    fn apart(a: &str, b: &str) -> bool {
        let lex = [CompiledLexicon::builtin()];
        Predicates::of(&claim(a), &lex).apart(&Predicates::of(&claim(b), &lex))
    }

    #[test]
    fn claims_are_apart_when_neither_tells_what_the_other_does() {
        // Two things told of one person; and a claim that is only its speaker against one that
        // tells something.
        assert!(apart(
            "Festival director Omar Haddad cancelled the closing concert.",
            "Festival director Omar Haddad was dancing on the main stage."
        ));
        assert!(apart(
            "Festival director Omar Haddad asked.",
            "Festival director Omar Haddad cancelled the closing concert."
        ));
        // Two quotations of one speaker.
        assert!(apart(
            "\"It was awful to watch,\" said Lee Park, an editor at the station.",
            "\"The moment he braked, I knew she had died,\" said station editor Lee Park."
        ));
        // One proposal told with other verbs: both tell what was proposed.
        assert!(!apart(
            "While the mayor proposed a 30-day freeze on rents, the council declined.",
            "The mayor has tried to persuade the council to agree to a 30-day rent freeze."
        ));
        // Not caught: a shared background told after both verbs.
        assert!(!apart(
            "The scandal began to unfold after burglars were arrested at the hotel.",
            "The reporter said he turned to his source after he wrote about the hotel break-in."
        ));
        // One happening in other words: a shared stem, a lexicon synonym, a nominalisation.
        assert!(!apart("The ferry was delayed by a storm.", "A storm delayed the ferry again."));
        assert!(!apart("Two workers were killed in the blast.", "Two workers died in the blast."));
        assert!(!apart(
            "A man has been charged with the murder of his neighbour.",
            "The man is accused of murdering his neighbour."
        ));
        assert!(!apart("The quake struck the coast at dawn.", "A quake hit the coast at dawn."));
        // A claim without a verb (a headline) is never apart.
        assert!(!apart("Storm chaos on the coast", "The storm flooded the coast road."));
    }

    #[test]
    fn a_frame_is_a_subject_and_the_heads_after_its_predicate() {
        let f = frame(&claim(
            "The harbour council has backed calls for higher mooring fees if the strike goes on.",
        ))
        .unwrap();
        assert_eq!(f.subject, vec!["council".to_string(), "harbour".to_string()]);
        for head in ["call", "fee"] {
            assert!(f.heads.contains(head), "{head}: {f:?}");
        }
        // "higher" and "mooring" stand before the noun they qualify.
        assert!(!f.heads.contains("higher") && !f.heads.contains("moor"), "{f:?}");
        // The condition governs what stands before it in its clause.
        assert!(f.conditioned.contains("fee"), "{f:?}");
        // "pay" in "a new pay deal" is no head; parts of a hyphenated word are none.
        let f = frame(&claim("The port board will offer a new pay deal to 30-year-old dockers."))
            .unwrap();
        assert!(f.heads.contains("deal") && !f.heads.contains("pay"), "{f:?}");
        assert!(!f.heads.contains("year") && !f.heads.contains("old"), "{f:?}");
        assert!(f.conditioned.is_empty(), "{f:?}");
        // Adverbs, negations and the nouns of time phrases tell how and when, not what.
        let f = frame(&claim(
            "The rangers were called immediately and stayed for three seasons, not months.",
        ))
        .unwrap();
        assert!(f.heads.is_empty(), "{f:?}");
        // No predicate, or nothing but small words before it: no frame.
        assert_eq!(frame(&claim("A quiet night in the old port.")), None);
        assert_eq!(frame(&claim("He closed the port to tankers.")), None);
    }
}
