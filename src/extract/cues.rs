//! Cue words: modality (hedged, conditional, question), polarity (negated), attribution ("X said")
//! and quotations.
//!
//! These read one claim's text. They are word rules, not a parser: they look for the cue words of
//! English news prose and keep to what those words make clear.

use crate::model::{Attribution, Entity, EntityKind, Modality, Polarity, Quote};
use crate::text::{REPORTING_VERBS, Token, plain_char};

/// Words that hedge a claim: the speaker is not stating it as fact.
const HEDGES: &[&str] = &[
    "potential",
    "potentially",
    "possible",
    "possibly",
    "floated",
    "reportedly",
    "could",
    "might",
    "may",
    "allegedly",
    "alleged",
    // "Police allege he opened fire": the speaker charges it, the text does not state it.
    "allege",
    "alleges",
    "alleging",
    "likely",
    "unlikely",
    "perhaps",
    "maybe",
    "probably",
    "apparently",
    "seemingly",
    "seems",
    "seemed",
    "appears",
    "appeared",
    "suggested",
    "suggesting",
    "hinted",
    "rumored",
    "rumoured",
    "considering",
    "consider",
    "mulling",
    "weighing",
    "speculated",
    "expected",
    "unclear",
    "unconfirmed",
    "purportedly",
    "supposedly",
    "tentative",
    "tentatively",
];

/// Words that make a claim hold only under a condition.
const CONDITIONALS: &[&str] = &["if", "unless"];

/// Whether a lowercase word is one extraction reads as a hedge or a condition.
pub(crate) fn is_modal_cue(w: &str) -> bool {
    HEDGES.contains(&w) || CONDITIONALS.contains(&w)
}

/// Whether a lowercase word makes a claim hold only under a condition ("if", "unless").
pub(crate) fn is_conditional_cue(w: &str) -> bool {
    CONDITIONALS.contains(&w)
}

/// Words before "if" that make it mean "whether" rather than a condition.
const IF_AS_WHETHER: &[&str] = &[
    "unclear",
    "whether",
    "asked",
    "know",
    "knows",
    "see",
    "wondered",
    "clear",
    "decide",
    "determine",
    "sure",
    "unsure",
    "uncertain",
];

/// Words that negate a claim.
const NEGATORS: &[&str] = &[
    "not",
    "no",
    "never",
    "neither",
    "nor",
    "none",
    "nobody",
    "nothing",
    "cannot",
    "without",
    "declined",
    "declines",
    "decline",
    "declining",
    "rejected",
    "rejects",
    "reject",
    "rejecting",
    "refused",
    "refuses",
    "refuse",
    "refusing",
    "denied",
    "denies",
    "deny",
    "denying",
    "ruled",
    "failed",
    "fails",
    "fail",
    "halted",
    "dismissed",
    "dismisses",
];

/// Whether the word at `k` of `words` (lowercase) negates what the claim tells: a negating word
/// outside its idioms ([`negates_before`]: "ruled" only in "ruled out", not "not only" or "no
/// doubt") and no participle used as an adjective ("the failed candidate", "a rejected bid"
/// describe a thing; they deny nothing that happened). Extraction's polarity and the differ's
/// reading of what a negation governs both use it.
pub(crate) fn negates_at(words: &[&str], k: usize) -> bool {
    let attributive = words[k].ends_with("ed")
        && k.checked_sub(1).is_some_and(|p| is_determiner(words[p]) || words[p] == "this");
    negates_before(words[k], words.get(k + 1).copied()) && !attributive
}

/// Whether the lowercase word `word`, followed by `next`, negates what it governs: a negating word
/// ([`is_negator`]) outside the idioms that do not ("not only", "no doubt", "no idea what caused
/// it", "without doubt"), and "ruled" only in "ruled out". Extraction's polarity and the differ's
/// reading of what a negation governs both use it.
pub(crate) fn negates_before(word: &str, next: Option<&str>) -> bool {
    if !is_negator(word) {
        return false;
    }
    match word {
        "ruled" => next == Some("out"),
        // "We have no idea what caused it" says what is not known, not what did not happen.
        "not" | "no" => {
            !matches!(next, Some("only" | "doubt" | "longer" | "matter" | "less" | "idea"))
        }
        "without" => !matches!(next, Some("doubt")),
        _ => true,
    }
}

/// The word of certainty ("sure", "certain" or "clear") that the negating word at `i` of
/// `words` (lowercase) negates, when it says that something is not known rather than that
/// something did not happen: "isn't sure what caused it", "it was not yet clear who fired" (up to
/// four words on, over "be" and a few adverbs). Not after "do": in "did not clear the runway" the
/// word is a verb. Extraction's polarity and modality and the differ's reading of a denial use it.
pub(crate) fn negated_certainty_at<'w>(words: &[&'w str], i: usize) -> Option<&'w str> {
    const BETWEEN: &[&str] =
        &["be", "is", "was", "are", "were", "been", "one", "entirely", "quite", "yet", "fully"];
    if !is_negator(words[i]) {
        return None;
    }
    let is_do = |w: &str| {
        matches!(w, "do" | "does" | "did" | "don't")
            || w.starts_with("didn")
            || w.starts_with("doesn")
    };
    if is_do(words[i]) || i.checked_sub(1).is_some_and(|p| is_do(words[p])) {
        return None;
    }
    words[i + 1..]
        .iter()
        .take(4)
        .find(|x| !BETWEEN.contains(x))
        .copied()
        .filter(|x| matches!(*x, "sure" | "certain" | "clear"))
}

/// Whether a lowercase word is one that negates a claim ("not", "never", "denied", "failed",
/// "don't", …), idioms aside (see [`negates_before`]).
pub(crate) fn is_negator(w: &str) -> bool {
    NEGATORS.contains(&w) || w.ends_with("n't") || UNMARKED_CONTRACTIONS.contains(&w)
}

/// Contractions written without their apostrophe, as comments, posts and quick copy often have
/// them ("I cant speak for him"). "Wont" is left out: it is also a word ("as was her wont").
const UNMARKED_CONTRACTIONS: &[&str] = &[
    "dont", "doesnt", "didnt", "isnt", "wasnt", "arent", "werent", "cant", "couldnt", "wouldnt",
    "shouldnt", "hasnt", "havent", "hadnt", "aint", "mustnt", "neednt",
];

/// Verbs of telling: a negation or refusal that governs one withholds an answer.
const TELLING: &[&str] = &[
    "say",
    "comment",
    "confirm",
    "disclose",
    "elaborate",
    "speculate",
    "reveal",
    "identify",
    "name",
    "specify",
    "divulge",
];

/// Verbs that withhold an answer only as an infinitive ("declined to discuss it", "would not
/// respond to questions"): "a ceasefire was not discussed" tells what the talks left out, and
/// "did not respond to treatment" withholds no answer.
const TELLING_AFTER_TO: &[&str] = &["discuss", "respond", "answer"];

/// Whether the negating word at `i` of `words` (lowercase) withholds a telling rather than
/// negating what is told: "declined to comment on the fire", "refused to say whether the blaze
/// was set", "would not confirm the figure", "no comment". What is withheld is neither affirmed
/// nor denied, so the claim does not contradict one that tells it; the claim itself stays
/// `Negated`, since it tells that something was not said. The verb is looked for up to three
/// words on, over "to", "be" and a few adverbs. The differ's reading of what a negation governs
/// uses it.
pub(crate) fn withholds_telling_at(words: &[&str], i: usize) -> bool {
    const BETWEEN: &[&str] =
        &["to", "be", "been", "immediately", "publicly", "officially", "further", "yet"];
    if !is_negator(words[i]) {
        return false;
    }
    let Some(k) = (i + 1..words.len().min(i + 4)).find(|&k| !BETWEEN.contains(&words[k])) else {
        return false;
    };
    // "Has not been named as a suspect" denies a part; "was not named" withholds a name.
    let named_as = words[k].starts_with("nam") && words.get(k + 1) == Some(&"as");
    (is_telling(words[k]) && !named_as)
        || (TELLING_AFTER_TO.contains(&words[k]) && words[k - 1] == "to")
}

/// Whether a lowercase word is a form of a verb of [`TELLING`] ("says", "said", "specified",
/// "identifying").
fn is_telling(w: &str) -> bool {
    let base = |suffix: &str, add: &str| {
        w.strip_suffix(suffix).is_some_and(|b| {
            TELLING.iter().any(|v| v.strip_suffix(add).is_some_and(|stem| stem == b))
        })
    };
    w == "said"
        || TELLING.contains(&w)
        || base("s", "")
        || base("d", "")
        || base("ed", "")
        || base("ing", "")
        || base("ing", "e")
        || base("ied", "y")
}

/// The modality of a claim's text.
pub(crate) fn modality(text: &str, tokens: &[Token<'_>]) -> Modality {
    let trimmed = text
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(plain_char(c), '"' | '\'' | ')'));
    if trimmed.ends_with('?') && !quoted_question(text) {
        return Modality::Question;
    }
    for (k, t) in tokens.iter().enumerate() {
        if CONDITIONALS.contains(&t.lower.as_ref()) {
            let prev = k.checked_sub(1).map(|p| tokens[p].lower.as_ref());
            // "asked if", "asked him twice if": up to three words back, "if" means "whether".
            let asks = tokens[k.saturating_sub(3)..k].iter().any(|p| {
                IF_AS_WHETHER.contains(&p.lower.as_ref()) || p.lower == "ask" || p.lower == "asks"
            });
            if t.lower == "if" && asks {
                continue;
            }
            // "even if" still conditions; "as if" compares.
            if t.lower == "if" && prev == Some("as") {
                continue;
            }
            return Modality::Conditional;
        }
    }
    let hedge = |(k, t): (usize, &Token<'_>)| {
        HEDGES.contains(&t.lower.as_ref())
            && !(t.lower == "may" && names_the_month(text, tokens, k))
    };
    if tokens.iter().enumerate().any(hedge) {
        return Modality::Hedged;
    }
    // "Officials aren't sure the fire was set": the claim is not vouched for. ("Not clear" is
    // left alone: it mostly asks about a detail, "it was not clear why".)
    if tokens.iter().any(|t| is_negator(&t.lower)) {
        let lower: Vec<&str> = tokens.iter().map(|t| t.lower.as_ref()).collect();
        if (0..lower.len())
            .any(|k| matches!(negated_certainty_at(&lower, k), Some("sure" | "certain")))
        {
            return Modality::Hedged;
        }
    }
    Modality::Asserted
}

/// Whether the "may" at token `k` is the month (or a name): capitalised inside the sentence ("to
/// launch in May"), or opening it before a number ("May 5 was chosen").
fn names_the_month(text: &str, tokens: &[Token<'_>], k: usize) -> bool {
    let next = tokens.get(k + 1).map(|n| n.lower.as_ref());
    may_is_month(&text[tokens[k].start..], k == 0, next)
}

/// Whether a "may" written as `written` (from the word on) is the month: capitalised and not the
/// first word of its sentence, or first but before a number (`next`, the word after). Extraction
/// and the differ read the month the same way.
pub(crate) fn may_is_month(written: &str, first: bool, next: Option<&str>) -> bool {
    let number_next = next.is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()));
    written.starts_with('M') && (!first || number_next)
}

/// A question inside a quotation that the sentence reports ("asked: “Why now?”" ends in "?" but
/// asserts that someone asked) is read as the claim's words, so only a bare question is a question.
fn quoted_question(text: &str) -> bool {
    let t = text.trim_end();
    // Typed quotes may open with two apostrophes or backticks (''Would we …?").
    let start = text.trim_start();
    let opens =
        start.starts_with(['"', '\u{201C}']) || start.starts_with("''") || start.starts_with("``");
    t.ends_with(['"', '\u{201D}']) && !opens
}

/// The polarity of a claim's text: negated when it has an odd number of negating cues outside
/// idioms ("not only"), so that "did not refuse" reads as affirmed. A negation inside a
/// condition ("sanctions follow if the army fails to withdraw", from "if" or "unless" to the
/// clause's end) belongs to the condition, not to what the claim asserts.
pub(crate) fn polarity(text: &str, tokens: &[Token<'_>]) -> Polarity {
    if !tokens.iter().any(|t| is_negator(&t.lower)) {
        return Polarity::Affirmed;
    }
    let lower: Vec<&str> = tokens.iter().map(|t| t.lower.as_ref()).collect();
    let negations: Vec<usize> = (0..tokens.len()).filter(|&k| negates_at(&lower, k)).collect();
    let mut in_condition = vec![false; tokens.len()];
    let mut inside = false;
    for (k, t) in tokens.iter().enumerate() {
        let gap = k.checked_sub(1).map_or("", |p| &text[tokens[p].end..t.start]);
        if gap.contains([',', ';', ':', '.', '!', '?', '\u{2014}', '\u{2013}']) {
            inside = false;
        }
        if matches!(lower[k], "if" | "unless") {
            inside = true;
        }
        in_condition[k] = inside;
    }
    // "Isn't sure what caused it" says what is not known, not what did not happen; "declined to
    // say whether it was arson" withholds an answer.
    let count = negations
        .into_iter()
        .filter(|&k| negated_certainty_at(&lower, k).is_none() && !in_condition[k])
        .count();
    if count % 2 == 1 { Polarity::Negated } else { Polarity::Affirmed }
}

/// Words that may stand between a speaker and the reporting verb ("Ushakov also noted").
const SPEAKER_VERB_GAP: &[&str] = &[
    "also",
    "later",
    "then",
    "had",
    "has",
    "have",
    "previously",
    "again",
    "once",
    "further",
    "earlier",
    "himself",
    "herself",
    "separately",
    "repeatedly",
];

/// Pronouns that may name a speaker.
const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "it"];

/// Words that end a speaker description read leftwards ("the minister", "Kremlin adviser X").
fn is_determiner(w: &str) -> bool {
    matches!(w, "the" | "a" | "an" | "his" | "her" | "their" | "its" | "one")
}

/// Who asserts the claim, when the text says: "X said", "said X", "according to X", and through
/// which channel (an outlet, a platform, an occasion), kept apart from the speaker.
///
/// `entities` are the claim's mentions (spans absolute), `base` the claim's offset in the source.
pub(crate) fn attribution(
    text: &str,
    tokens: &[Token<'_>],
    entities: &[Entity],
    base: usize,
) -> Option<Attribution> {
    let mut found = speaker_of(text, tokens, entities, base)?;
    found.channel = channel(text, tokens);
    Some(found)
}

/// Platforms a statement is posted on (capitalised in the text: "on X", not "on x").
const PLATFORMS: &[&str] =
    &["x", "twitter", "facebook", "telegram", "instagram", "tiktok", "youtube", "truth"];

/// The channel of a report, outside quotations: who was told ("told AFP", "told reporters", "told
/// the newspaper"), a post or an interview ("in a post on X", "in an interview with CNN"), a
/// platform ("on Telegram"), state media, or an occasion ("at a news conference").
fn channel(text: &str, tokens: &[Token<'_>]) -> Option<String> {
    let outside = outside_quote_mask(text);
    let word = |k: usize| tokens.get(k).map_or("", |t| t.lower.as_ref());
    let cap =
        |k: usize| tokens.get(k).is_some_and(|t| text[t.start..].starts_with(char::is_uppercase));
    let joined = |k: usize| text[tokens[k - 1].end..tokens[k].start].trim().is_empty();
    // The last token of a run of capitalised words from `k` ("The Associated Press"), at most four.
    let name_end = |k: usize| -> Option<usize> {
        if !cap(k) {
            return None;
        }
        let mut last = k;
        while last + 1 < tokens.len() && last + 1 - k < 4 && cap(last + 1) && joined(last + 1) {
            last += 1;
        }
        Some(last)
    };
    let span = |a: usize, b: usize| text[tokens[a].start..tokens[b].end].to_string();
    for (k, t) in tokens.iter().enumerate() {
        if !outside[t.start] {
            continue;
        }
        match t.lower.as_ref() {
            "told" | "tells" => {
                let n = k + 1;
                if let Some(end) = name_end(n) {
                    return Some(span(n, end));
                }
                if matches!(word(n), "reporters" | "journalists" | "lawmakers" | "parliament") {
                    return Some(span(n, n));
                }
                if matches!(word(n), "the" | "a" | "an") && !word(n + 1).is_empty() {
                    let end = name_end(n + 1).unwrap_or(n + 1);
                    return Some(span(n, end));
                }
                if word(n) == "state"
                    && matches!(word(n + 1), "media" | "television" | "tv" | "radio")
                {
                    return Some(span(n, n + 1));
                }
            }
            "in" if matches!(word(k + 1), "a" | "an" | "his" | "her" | "their")
                && matches!(
                    word(k + 2),
                    "post"
                        | "tweet"
                        | "statement"
                        | "interview"
                        | "video"
                        | "message"
                        | "broadcast"
                ) =>
            {
                // "a post on X", "an interview with CNN", or just "a statement".
                let end = match (word(k + 3), name_end(k + 4)) {
                    ("on" | "with" | "to", Some(end)) => end,
                    _ => k + 2,
                };
                return Some(span(k + 1, end));
            }
            "on" if PLATFORMS.contains(&word(k + 1)) && cap(k + 1) => {
                return Some(span(k + 1, name_end(k + 1).unwrap_or(k + 1)));
            }
            "on" if word(k + 1) == "social" && word(k + 2) == "media" => {
                return Some(span(k + 1, k + 2));
            }
            "state" if matches!(word(k + 1), "media" | "television" | "tv" | "radio") => {
                return Some(span(k, k + 1));
            }
            "at" if matches!(word(k + 1), "a" | "the")
                && matches!(word(k + 2), "news" | "press")
                && matches!(word(k + 3), "conference" | "briefing") =>
            {
                return Some(span(k + 1, k + 3));
            }
            _ => {}
        }
    }
    None
}

/// The speaker of [`attribution`].
fn speaker_of(
    text: &str,
    tokens: &[Token<'_>],
    entities: &[Entity],
    base: usize,
) -> Option<Attribution> {
    let outside = outside_quote_mask(text);
    // "according to X": X is the last named entity before the next comma or the end.
    for (k, t) in tokens.iter().enumerate() {
        if t.lower == "according" && tokens.get(k + 1).is_some_and(|n| n.lower == "to") {
            if !outside[t.start] {
                continue;
            }
            let from = tokens[k + 1].end;
            let to = text[from..].find([',', ';', '.']).map_or(text.len(), |p| from + p);
            let named = entities
                .iter()
                .filter(|e| e.start >= base + from && e.end <= base + to)
                .max_by_key(|e| (e.start, e.end));
            let (speaker, surface, s, e, resolved) = match named {
                Some(e) => (e.canonical.clone(), e.surface.clone(), e.start, e.end, true),
                None => {
                    let phrase = text[from..to].trim();
                    let off = from + (text[from..to].len() - text[from..to].trim_start().len());
                    (
                        phrase.to_string(),
                        phrase.to_string(),
                        base + off,
                        base + off + phrase.len(),
                        false,
                    )
                }
            };
            if surface.is_empty() {
                continue;
            }
            return Some(Attribution {
                speaker,
                surface,
                cue: "according to".into(),
                start: s,
                end: e,
                resolved,
                channel: None,
            });
        }
    }
    for (k, t) in tokens.iter().enumerate() {
        if !REPORTING_VERBS.contains(&t.lower.as_ref()) || !outside[t.start] {
            continue;
        }
        if let Some(found) = speaker_before(text, tokens, entities, base, k) {
            return Some(found);
        }
        // "…,” said X": the speaker follows only when the verb directly follows a quotation or
        // opens the clause.
        let before_verb = text[..t.start].trim_end();
        let inverted = k == 0
            || before_verb.ends_with([',', '"', '\u{201D}'])
                && text[..t.start].contains(['"', '\u{201D}']);
        if inverted && let Some(found) = speaker_after(text, tokens, entities, base, k) {
            return Some(found);
        }
    }
    None
}

fn speaker_before(
    text: &str,
    tokens: &[Token<'_>],
    entities: &[Entity],
    base: usize,
    verb: usize,
) -> Option<Attribution> {
    let mut k = verb;
    while k > 0 && SPEAKER_VERB_GAP.contains(&tokens[k - 1].lower.as_ref()) {
        k -= 1;
    }
    if k == 0 {
        return None;
    }
    let cue = tokens[verb].lower.to_string();
    let last = &tokens[k - 1];
    // Between the speaker and the verb there may be only white space (or a comma-free gap).
    let gap = &text[last.end..tokens[k].start];
    if gap.contains([',', ';', ':', '"', '\u{201C}', '\u{201D}']) && k == verb {
        // "…,” he said" is fine (the gap is before the speaker); a comma between speaker and verb
        // is an apposition we do not read.
        return None;
    }
    if PRONOUNS.contains(&last.lower.as_ref()) {
        let start = base + last.start;
        return Some(Attribution {
            speaker: text[last.start..last.end].to_string(),
            surface: text[last.start..last.end].to_string(),
            cue,
            start,
            end: base + last.end,
            resolved: false,
            channel: None,
        });
    }
    if let Some(e) = entities.iter().find(|e| e.end == base + last.end) {
        return Some(Attribution {
            speaker: e.canonical.clone(),
            surface: e.surface.clone(),
            cue,
            start: e.start,
            end: e.end,
            resolved: true,
            channel: None,
        });
    }
    // A capitalised name the entity finder did not know ("harbour master Ana Lind said").
    let is_cap =
        |t: &Token<'_>| text[t.start..t.end].chars().next().is_some_and(char::is_uppercase);
    if is_cap(last) {
        let mut j = k - 1;
        while j > 0
            && is_cap(&tokens[j - 1])
            && !text[tokens[j - 1].end..tokens[j].start].contains([',', ';', '"', '\u{201D}'])
        {
            j -= 1;
        }
        let (s, e) = (tokens[j].start, last.end);
        return Some(Attribution {
            speaker: text[s..e].to_string(),
            surface: text[s..e].to_string(),
            cue,
            start: base + s,
            end: base + e,
            resolved: false,
            channel: None,
        });
    }
    // A bare plural, or "police", at the start or after a clause break ("…, police said",
    // "officials say the bridge will reopen", "…, investigators added"): who speaks, with no
    // determiner before it.
    let written = &text[last.start..last.end];
    let bare = written.len() > 3
        && written.bytes().all(|b| b.is_ascii_lowercase())
        && (written.ends_with('s') || written == "police")
        && !crate::text::is_stop_word(written)
        && (k == 1 || text[tokens[k - 2].end..last.start].contains([',', ';', ':']));
    if bare {
        return Some(Attribution {
            speaker: written.to_string(),
            surface: written.to_string(),
            cue,
            start: base + last.start,
            end: base + last.end,
            resolved: false,
            channel: None,
        });
    }
    // A description: "the Russian leader", "a spokesperson for the ministry" (up to five words
    // back to a determiner).
    let mut j = k - 1;
    let lowest = (k - 1).saturating_sub(5);
    while j > lowest && !is_determiner(&tokens[j].lower) {
        j -= 1;
    }
    if is_determiner(&tokens[j].lower) && j < k - 1 {
        let (s, e) = (tokens[j].start, last.end);
        let phrase = &text[s..e];
        if !phrase.contains([',', ';']) {
            return Some(Attribution {
                speaker: phrase.to_string(),
                surface: phrase.to_string(),
                cue,
                start: base + s,
                end: base + e,
                resolved: false,
                channel: None,
            });
        }
    }
    None
}

fn speaker_after(
    text: &str,
    tokens: &[Token<'_>],
    entities: &[Entity],
    base: usize,
    verb: usize,
) -> Option<Attribution> {
    // "…,” said the minister, Ana Lind." — the named entity soonest after the verb. After "told"
    // comes who was told (the channel), not who spoke.
    if matches!(tokens[verb].lower.as_ref(), "told" | "tells") {
        return None;
    }
    let after = tokens.get(verb + 1)?;
    let near: Vec<&Entity> = entities
        .iter()
        .filter(|e| e.start >= base + after.start && e.start <= base + after.start + 60)
        // A possessive names whose speaker it is, not the speaker ("Kestria's top diplomat").
        .filter(|e| {
            let rest = text.get(e.end - base..).unwrap_or("");
            !(rest.starts_with("'s") || rest.starts_with("\u{2019}s"))
        })
        // Places do not speak ("said a resident of Valdor").
        .filter(|e| e.kind != EntityKind::Place)
        .collect();
    // A person is the speaker over a place or body named on the way ("said Kestria's top
    // diplomat, Ana Lind"); without one, the first name after the verb.
    let e = near
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .min_by_key(|e| e.start)
        .or_else(|| near.iter().min_by_key(|e| e.start))?;
    Some(Attribution {
        speaker: e.canonical.clone(),
        surface: e.surface.clone(),
        cue: tokens[verb].lower.to_string(),
        start: e.start,
        end: e.end,
        resolved: true,
        channel: None,
    })
}

/// For each byte of `text`, whether it is outside every quotation.
fn outside_quote_mask(text: &str) -> Vec<bool> {
    let mut mask = vec![true; text.len()];
    for q in quote_spans(text) {
        mask[q.0..q.1].iter_mut().for_each(|m| *m = false);
    }
    mask
}

/// `(open_mark_start, close_mark_end)` of every quotation in `text`; an unclosed one runs to the
/// end.
fn quote_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut prev: Option<char> = None;
    let misplaced = misplaced_close(text);
    for (i, c) in text.char_indices() {
        let plain = plain_char(c);
        if plain == '"' {
            let opens = match c {
                '\u{201C}' | '\u{201E}' => true,
                '\u{201D}' => false,
                _ if misplaced == Some(i) => false,
                _ => prev
                    .is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '-' | '\u{2014}')),
            };
            match (opens, open) {
                (true, None) => open = Some(i),
                (false, Some(o)) => {
                    out.push((o, i + c.len_utf8()));
                    open = None;
                }
                (false, None) => {
                    // A closing mark with no opening one: the quotation began in an earlier
                    // sentence and runs from the start of this one.
                    out.push((0, i + c.len_utf8()));
                }
                (true, Some(_)) => {}
            }
        }
        prev = Some(c);
    }
    if let Some(o) = open {
        out.push((o, text.len()));
    }
    out
}

/// The byte index of a straight mark that closes a quotation begun in an earlier sentence though
/// a space stands before it, as scraped or mistyped text has it ("… definitely wrong, "Pigeon
/// told the paper."): the claim's only straight mark, after a comma or a sentence's end and a
/// space, and followed by a short attribution (at most 12 words, one a reporting verb) to the
/// end. An opening mark there ("Obama said, "We should look …") is followed by the quotation.
fn misplaced_close(text: &str) -> Option<usize> {
    let mut marks = text.char_indices().filter(|&(_, c)| c == '"');
    let (i, _) = marks.next()?;
    if marks.next().is_some() || text.contains(['\u{201C}', '\u{201D}']) {
        return None;
    }
    let before = text[..i].trim_end();
    let spaced = before.len() < i;
    if !spaced || !before.ends_with([',', '.', '!', '?']) || before.split_whitespace().count() < 3 {
        return None;
    }
    // "King said that in his meetings with players, "not one of them said …": the words before
    // the mark introduce the quotation, which opens there.
    let reports = |w: &str| {
        let w = crate::text::plain_lower(w);
        REPORTING_VERBS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric()))
    };
    if before.split_whitespace().any(reports) {
        return None;
    }
    let after = &text[i + 1..];
    let words: Vec<&str> = after.split_whitespace().collect();
    (words.len() <= 12 && words.iter().any(|w| reports(w))).then_some(i)
}

/// The quotations of a claim's text, without their marks, spans absolute.
pub(crate) fn quotes(text: &str, base: usize, speaker: Option<&str>) -> Vec<Quote> {
    quote_spans(text)
        .into_iter()
        .filter_map(|(s, e)| {
            let inner_start = text[s..]
                .chars()
                .next()
                .filter(|c| plain_char(*c) == '"')
                .map_or(s, |c| s + c.len_utf8());
            let inner_end = text[..e]
                .chars()
                .next_back()
                .filter(|c| plain_char(*c) == '"')
                .map_or(e, |c| e - c.len_utf8())
                .max(inner_start);
            let inner = &text[inner_start..inner_end];
            let trimmed = inner.trim();
            if !trimmed.chars().any(char::is_alphanumeric) {
                return None;
            }
            let lead = inner.len() - inner.trim_start().len();
            Some(Quote {
                text: trimmed.to_string(),
                start: base + inner_start + lead,
                end: base + inner_start + lead + trimmed.len(),
                speaker: speaker.map(str::to_string),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens;

    fn modality_of(s: &str) -> Modality {
        modality(s, &tokens(s))
    }

    fn polarity_of(s: &str) -> Polarity {
        polarity(s, &tokens(s))
    }

    #[test]
    fn modality_cues() {
        let cases = [
            ("The ministry confirmed the deal on Friday.", Modality::Asserted),
            ("Geneva was floated as a possible host city.", Modality::Hedged),
            ("The talks could resume next month.", Modality::Hedged),
            ("The phone goes on sale in May.", Modality::Asserted),
            ("He entered the office and asked him twice if he was ready.", Modality::Asserted),
            ("May 5 was set as the date of the vote.", Modality::Asserted),
            ("The vote may be delayed until May.", Modality::Hedged),
            ("May is when the vote was held.", Modality::Hedged),
            ("The rebels reportedly seized the airport.", Modality::Hedged),
            ("Sanctions will follow if the army fails to withdraw.", Modality::Conditional),
            ("Aid stays frozen unless the border opens.", Modality::Conditional),
            ("Will the truce hold?", Modality::Question),
            ("It was unclear if the plan would work.", Modality::Hedged),
            ("She asked: “Why now?”", Modality::Asserted),
            // Typed quotes that open with two apostrophes still hold a bare question.
            ("''Would we have won without him?\"", Modality::Question),
            ("Officials are unsure if the fire was set.", Modality::Asserted),
            ("Officials aren't sure the fire was set.", Modality::Hedged),
            ("Police are not yet certain the driver fled.", Modality::Hedged),
            ("It was not clear who fired first.", Modality::Asserted),
            ("The mayor is not running again.", Modality::Asserted),
            ("Police allege the driver fled.", Modality::Hedged),
        ];
        for (text, want) in cases {
            assert_eq!(modality_of(text), want, "{text}");
        }
    }

    #[test]
    fn a_withheld_answer_is_told_apart_from_a_denial() {
        let cases = [
            ("The pastor declined to say whether the fire was set.", true),
            ("Police would not immediately confirm the toll.", true),
            ("The club had no comment on the transfer.", true),
            ("It was not specified how many were aboard.", true),
            ("The cause has not been confirmed.", true),
            ("The victims were not named.", true),
            ("The union refused to discuss the offer.", true),
            ("He has not been named as a suspect.", false),
            ("A full truce was not discussed.", false),
            ("The patient did not respond to treatment.", false),
            ("The union refused to sign the offer.", false),
            ("The pastor said the fire was not set.", false),
        ];
        for (text, want) in cases {
            let toks = tokens(text);
            let lower: Vec<&str> = toks.iter().map(|t| t.lower.as_ref()).collect();
            let got = (0..lower.len()).any(|k| withholds_telling_at(&lower, k));
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn polarity_cues() {
        let cases = [
            ("The union accepted the offer.", Polarity::Affirmed),
            ("The union rejected the offer.", Polarity::Negated),
            ("The council declined the mayor’s request for funds.", Polarity::Negated),
            ("No date was set for the vote.", Polarity::Negated),
            ("The minister didn’t attend.", Polarity::Negated),
            ("The minister did not refuse the invitation.", Polarity::Affirmed),
            ("Not only prices but wages rose.", Polarity::Affirmed),
            ("The court ruled on Monday.", Polarity::Affirmed),
            ("The court ruled out an appeal.", Polarity::Negated),
            ("We have no idea what caused the fire.", Polarity::Affirmed),
            ("He kept denying the charge.", Polarity::Negated),
            ("Officials aren't sure the fire was set.", Polarity::Affirmed),
            ("It was not clear who fired first.", Polarity::Affirmed),
            ("The river isn't clean yet.", Polarity::Negated),
            ("The jet did not clear the fence.", Polarity::Negated),
            ("Sanctions will follow if the army fails to withdraw.", Polarity::Affirmed),
            ("Aid stays frozen unless the border does not open.", Polarity::Affirmed),
            ("If the talks fail, the army will not withdraw.", Polarity::Negated),
            ("The army will not withdraw if the talks fail.", Polarity::Negated),
            ("She did not make sure the door was locked.", Polarity::Negated),
            ("The club declined to sign the striker.", Polarity::Negated),
            // A refusal to tell is still a negative telling (the differ reads it apart).
            ("Police would not confirm the toll.", Polarity::Negated),
            (
                "Ames declined to say if it was aimed at Ruiz, the failed candidate.",
                Polarity::Negated,
            ),
            ("The army crushed a failed coup.", Polarity::Affirmed),
            ("The coup failed.", Polarity::Negated),
            ("A full truce was not discussed.", Polarity::Negated),
            ("The patient did not respond to treatment.", Polarity::Negated),
            ("The victims were not saved.", Polarity::Negated),
            ("I cant speak for the others.", Polarity::Negated),
            ("The crew didnt see the rocks.", Polarity::Negated),
            ("As was his wont, he spoke last.", Polarity::Affirmed),
        ];
        for (text, want) in cases {
            assert_eq!(polarity_of(text), want, "{text}");
        }
    }

    #[test]
    fn the_channel_is_kept_apart_from_the_speaker() {
        let cases = [
            ("\u{201c}The wall collapsed,\u{201d} a resident told AFP.", "a resident", Some("AFP")),
            ("\u{201c}The bridge is safe,\u{201d} he told reporters.", "he", Some("reporters")),
            (
                "Ana Lind said in a post on X that the port would reopen.",
                "Ana Lind",
                Some("a post on X"),
            ),
            (
                "Ana Lind told the Harbour Times the port would reopen.",
                "Ana Lind",
                Some("the Harbour Times"),
            ),
            ("The port will reopen, Ana Lind told state media.", "Ana Lind", Some("state media")),
            (
                "Ana Lind said at a news conference the port would reopen.",
                "Ana Lind",
                Some("a news conference"),
            ),
            ("The port will reopen, Ana Lind said.", "Ana Lind", None),
            ("\u{201c}We told them on Monday,\u{201d} Ana Lind said.", "Ana Lind", None),
        ];
        for (text, speaker, channel) in cases {
            let a = attribution(text, &tokens(text), &[], 0).expect(text);
            assert_eq!(a.speaker, speaker, "{text}");
            assert_eq!(a.channel.as_deref(), channel, "{text}");
        }
    }

    #[test]
    fn attribution_by_pronoun_description_and_according_to() {
        let t = "“The bridge is safe,” he told reporters.";
        let a = attribution(t, &tokens(t), &[], 100).unwrap();
        assert_eq!((a.speaker.as_str(), a.cue.as_str(), a.resolved), ("he", "told", false));
        assert_eq!(a.start, 100 + t.find("he told").unwrap());

        let t = "The harbour will reopen, the port director said.";
        let a = attribution(t, &tokens(t), &[], 0).unwrap();
        assert_eq!(a.speaker, "the port director");

        // A bare plural or "police" after a clause break speaks; one inside a clause does not.
        for (t, speaker) in [
            ("The fire was set on purpose, police said.", Some("police")),
            ("Officials say the bridge will reopen.", Some("Officials")),
            ("The ship sank at dawn, investigators told reporters.", Some("investigators")),
            ("He left after, police say, pointing a gun at them.", Some("police")),
            ("Costs rose as prices said nothing new.", None),
        ] {
            let got = attribution(t, &tokens(t), &[], 0).map(|a| a.speaker);
            assert_eq!(got.as_deref(), speaker, "{t}");
        }

        let t = "According to the finance minister, the deficit shrank.";
        let a = attribution(t, &tokens(t), &[], 0).unwrap();
        assert_eq!((a.speaker.as_str(), a.cue.as_str()), ("the finance minister", "according to"));

        let t = "The deficit shrank in March.";
        assert!(attribution(t, &tokens(t), &[], 0).is_none());
    }

    #[test]
    fn reporting_verbs_inside_quotes_do_not_attribute() {
        let t = "“Nobody said it would be easy,” Lind wrote.";
        let lind = Entity {
            canonical: "Ana Lind".into(),
            surface: "Lind".into(),
            start: t.find("Lind").unwrap(),
            end: t.find("Lind").unwrap() + 4,
            kind: crate::model::EntityKind::Person,
        };
        let a = attribution(t, &tokens(t), std::slice::from_ref(&lind), 0).unwrap();
        assert_eq!((a.speaker.as_str(), a.cue.as_str()), ("Ana Lind", "wrote"));
        // The named entity after a reporting verb is its object, not its speaker, unless the verb
        // follows a quotation.
        let t = "The mayor, after a long meeting, warned Lind about the budget.";
        let lind =
            Entity { start: t.find("Lind").unwrap(), end: t.find("Lind").unwrap() + 4, ..lind };
        assert!(attribution(t, &tokens(t), std::slice::from_ref(&lind), 0).is_none());
        let t = "“We will rebuild,” said Valdor’s mayor, Lind.";
        let valdor = Entity {
            canonical: "Valdor".into(),
            surface: "Valdor".into(),
            start: t.find("Valdor").unwrap(),
            end: t.find("Valdor").unwrap() + 6,
            kind: crate::model::EntityKind::Place,
        };
        let lind =
            Entity { start: t.find("Lind").unwrap(), end: t.find("Lind").unwrap() + 4, ..lind };
        assert_eq!(attribution(t, &tokens(t), &[valdor, lind], 0).unwrap().speaker, "Ana Lind");
    }

    #[test]
    fn quotes_have_inner_spans() {
        let t = "She said “we will win” and left.";
        let q = quotes(t, 10, Some("X"));
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].text, "we will win");
        assert_eq!(&t[q[0].start - 10..q[0].end - 10], "we will win");
        assert_eq!(q[0].speaker.as_deref(), Some("X"));
        let open = "“The first half of a long quote.";
        assert_eq!(quotes(open, 0, None)[0].text, "The first half of a long quote.");
    }

    #[test]
    fn a_closing_mark_after_a_space_closes_a_quotation_begun_before() {
        // Scraped text: the closing mark of a quotation opened a sentence earlier, with a space.
        let t = "Something was badly wrong at the dock, \"Ivo Brandt told the Lagoon Wire.";
        let q = quotes(t, 0, None);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].text, "Something was badly wrong at the dock,");
        assert!(outside_quote_mask(t)[t.find("Ivo").unwrap()]);
        // An opening mark after "said," opens, also before a short quotation that reports.
        let t = "Lind said that at the meeting, \"not one of them said they would leave.";
        assert_eq!(quotes(t, 0, None)[0].text, "not one of them said they would leave.");
        let t = "The mayor said, \"We will rebuild the dock before the winter storms.";
        assert_eq!(
            quotes(t, 0, None)[0].text,
            "We will rebuild the dock before the winter storms."
        );
        // So does one followed by a long quotation that holds a reporting verb.
        let t = "He paused, \"The engineers told us the gates would hold through the worst of the \
                 tide and the wind that came with it.";
        assert!(quotes(t, 0, None)[0].text.starts_with("The engineers told us"));
    }
}
