//! Segmentation: a source's text cut into claim spans and skipped spans.
//!
//! Lines are paragraphs. Each line is page furniture (skipped, with its kind: boilerplate, a URL, a
//! byline, a photo credit, a "Read more" pointer), a headline or heading (skipped), or body text,
//! which is cut into sentences and each sentence into clauses that assert one thing. A dateline
//! ("WASHINGTON (Reuters) -") opening the first paragraph is skipped and the rest of the line read
//! as body text.
//!
//! Architecture invariant: the spans returned cover every non-white-space byte of the text exactly
//! once, and every span starts and ends on a char boundary with no white space at either end.

use std::collections::HashSet;

use crate::model::SkipReason;
use crate::text::{plain_char, plain_lower};

/// What a span of the text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpanKind {
    /// A claim: one assertion.
    Claim,
    /// Not a claim, for this reason.
    Skip(SkipReason),
}

/// A span of the text, half-open byte range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    /// Byte offset.
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
    /// Claim or skipped.
    pub kind: SpanKind,
}

/// The segmentation of one text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Segmentation {
    /// All spans in text order.
    pub spans: Vec<Span>,
    /// The headline's span, when the text opens with one.
    pub headline: Option<(usize, usize)>,
}

/// The longest claim, in bytes. A sentence longer than this (a huge line with no punctuation) is
/// cut at white space so that later stages never see unbounded claims.
pub const MAX_CLAIM_BYTES: usize = 2000;

/// A run of non-space bytes longer than this is not prose (an encoded blob, a URL list).
const MAX_TOKEN_BYTES: usize = 200;

/// Cuts `text` into claim spans and skipped spans. `title`, when the source's metadata gives one
/// (a feed record's or a page's title), is the headline wherever it opens the text, even in
/// sentence case ("Barrier raised for the 31st time"), which alone does not read as a headline.
pub fn segment(text: &str, title: Option<&str>) -> Segmentation {
    let mut seg = Segmentation::default();
    let title_key = title.map(normalize_key).filter(|k| !k.is_empty());
    let mut headline_key: Option<String> = None;
    let mut seen_body = false;
    let mut seen_sentences: HashSet<u64> = HashSet::new();
    let mut offset = 0;
    for raw_line in text.split_inclusive('\n') {
        let line_start = offset;
        offset += raw_line.len();
        let Some((ls, le)) = trim_span(text, line_start, line_start + raw_line.len()) else {
            continue;
        };
        let line = &text[ls..le];
        if line.starts_with('\u{FEFF}') {
            // A byte-order mark is not text; it is skipped on its own so the rest reads normally.
            let bom_end = ls + '\u{FEFF}'.len_utf8();
            seg.spans.push(Span {
                start: ls,
                end: bom_end,
                kind: SpanKind::Skip(SkipReason::Empty),
            });
            if let Some((s, e)) = trim_span(text, bom_end, le) {
                classify_line(
                    text,
                    s,
                    e,
                    title_key.as_deref(),
                    &mut seg,
                    &mut headline_key,
                    &mut seen_body,
                    &mut seen_sentences,
                );
            }
            continue;
        }
        classify_line(
            text,
            ls,
            le,
            title_key.as_deref(),
            &mut seg,
            &mut headline_key,
            &mut seen_body,
            &mut seen_sentences,
        );
    }
    // A text that is nothing but its headline (a headline checked against articles, an alert,
    // a one-line statement in title case) asserts what the headline says: it is the claim.
    if let Some((hs, he)) = seg.headline
        && !seg.spans.iter().any(|s| s.kind == SpanKind::Claim)
        && let Some(at) = seg.spans.iter().position(|s| s.start == hs)
    {
        let mut lone = Segmentation::default();
        body(text, hs, he, &mut lone, &mut seen_sentences);
        seg.spans.splice(at..=at, lone.spans);
    }
    seg
}

#[allow(clippy::too_many_arguments)]
fn classify_line(
    text: &str,
    ls: usize,
    le: usize,
    title_key: Option<&str>,
    seg: &mut Segmentation,
    headline_key: &mut Option<String>,
    seen_body: &mut bool,
    seen_sentences: &mut HashSet<u64>,
) {
    let line = &text[ls..le];
    let skip = |reason| Span { start: ls, end: le, kind: SpanKind::Skip(reason) };
    if !line.chars().any(char::is_alphanumeric) {
        seg.spans.push(skip(SkipReason::Empty));
        return;
    }
    if is_url_line(line) {
        seg.spans.push(skip(SkipReason::Url));
        return;
    }
    if let Some(reason) = furniture(line) {
        seg.spans.push(skip(reason));
        return;
    }
    if is_byline(line) {
        seg.spans.push(skip(SkipReason::Byline));
        return;
    }
    if is_timestamp(line) {
        seg.spans.push(skip(SkipReason::Timestamp));
        return;
    }
    // A dateline opens the first paragraph only; later a capitalised word and a dash is prose.
    if !*seen_body && let Some(end) = dateline_end(line) {
        seg.spans.push(Span {
            start: ls,
            end: ls + end,
            kind: SpanKind::Skip(SkipReason::Dateline),
        });
        *seen_body = true;
        if let Some((s, e)) = trim_span(text, ls + end, le) {
            body(text, s, e, seg, seen_sentences);
        }
        return;
    }
    // Headlines and headings are short; long lines skip the comparisons.
    let short = line.len() <= 300;
    let key = if short { normalize_key(line) } else { String::new() };
    if short && headline_key.as_deref() == Some(key.as_str()) {
        seg.spans.push(skip(SkipReason::DuplicateHeadline));
        return;
    }
    let is_title =
        short && !*seen_body && headline_key.is_none() && title_key == Some(key.as_str());
    if is_title || (short && is_heading(line)) {
        if headline_key.is_none() && !*seen_body {
            *headline_key = Some(key);
            seg.headline = Some((ls, le));
            seg.spans.push(skip(SkipReason::Headline));
        } else {
            seg.spans.push(skip(SkipReason::Heading));
        }
        return;
    }
    *seen_body = true;
    body(text, ls, le, seg, seen_sentences);
}

/// Cuts the body text `[ls, le)` (trimmed) into sentences and clauses.
fn body(
    text: &str,
    ls: usize,
    le: usize,
    seg: &mut Segmentation,
    seen_sentences: &mut HashSet<u64>,
) {
    for (s, e) in sentences(text, ls, le) {
        let (key, n_words) = sentence_key(&text[s..e]);
        if n_words >= 5 && !seen_sentences.insert(key) {
            seg.spans.push(Span { start: s, end: e, kind: SpanKind::Skip(SkipReason::Duplicate) });
            continue;
        }
        for (cs, ce) in clauses(text, s, e) {
            for (ps, pe) in bound_length(text, cs, ce) {
                let kind = if !text[ps..pe].chars().any(char::is_alphanumeric) {
                    SpanKind::Skip(SkipReason::Empty)
                } else if longest_token(&text[ps..pe]) > MAX_TOKEN_BYTES {
                    SpanKind::Skip(SkipReason::Unreadable)
                } else {
                    SpanKind::Claim
                };
                seg.spans.push(Span { start: ps, end: pe, kind });
            }
        }
    }
}

/// `[start, end)` with white space trimmed from both ends, or `None` when nothing is left.
fn trim_span(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let piece = &text[start..end];
    let trimmed_start = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if trimmed.is_empty() {
        return None;
    }
    Some((start + trimmed_start, start + trimmed_start + trimmed.len()))
}

/// Lowercase plain letters and digits, single-spaced: two lines with the same key say the same.
fn normalize_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().map(plain_char) {
        let c = if c.is_ascii() {
            c.to_ascii_lowercase()
        } else {
            c.to_lowercase().next().unwrap_or(c)
        };
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with(' ') && !out.is_empty() {
            out.push(' ');
        }
    }
    out.truncate(out.trim_end().len());
    out
}

/// A hash of the sentence's lowercase letters and digits (so that two sentences with the same
/// words have the same key), and its number of words.
fn sentence_key(sentence: &str) -> (u64, usize) {
    use std::hash::Hasher;
    let mut hasher = rustc_hash::FxHasher::default();
    let mut n_words = 0;
    let mut in_word = false;
    for c in sentence.chars() {
        if c.is_alphanumeric() {
            if !in_word {
                n_words += 1;
                hasher.write_u8(b' ');
            }
            in_word = true;
            let lower = if c.is_ascii() {
                c.to_ascii_lowercase()
            } else {
                c.to_lowercase().next().unwrap_or(c)
            };
            hasher.write_u32(u32::from(lower));
        } else {
            in_word = false;
        }
    }
    (hasher.finish(), n_words)
}

/// Page furniture, and which kind: pointers to other articles ("Read more: …") are `read_more`,
/// picture credits `photo_credit`, calls to react, share, subscribe or follow, copyright lines and
/// share-button rows `boilerplate`. Matched on short lines only, so that body prose that happens to
/// begin with one of these words is kept.
fn furniture(line: &str) -> Option<SkipReason> {
    const READ_MORE: &[&str] = &[
        "read more",
        "read also",
        "read next",
        "also read",
        "read the full",
        "continue reading",
        "see also",
        "more on this story",
    ];
    const PHOTO_PREFIXES: &[&str] = &[
        "photo:",
        "photos:",
        "image:",
        "picture:",
        "photograph:",
        "photo credit",
        "image credit",
        "photo by ",
        "credit:",
        "file photo",
    ];
    const BOILERPLATE: &[&str] = &[
        "what's your reaction",
        "what is your reaction",
        "subscribe",
        "sign up",
        "discover more from",
        "more from",
        "share this",
        "share on",
        "share via",
        "follow us",
        "follow @",
        "related:",
        "related articles",
        "related stories",
        "related posts",
        "advertisement",
        "sponsored",
        "click here",
        "leave a comment",
        "leave a reply",
        "like this:",
        "tags:",
        "filed under",
        "posted in",
        "copyright",
        "©",
        "all rights reserved",
        "you may also like",
        "recommended for you",
        "join our",
        "download our app",
        "get the latest",
        "newsletter",
        "loading...",
        "skip to content",
        "back to top",
        "cookie",
        "print this",
        "email this",
    ];
    const BUTTONS: &[&str] = &[
        "facebook",
        "twitter",
        "x",
        "whatsapp",
        "linkedin",
        "reddit",
        "telegram",
        "email",
        "print",
        "share",
        "tweet",
        "pinterest",
        "copy link",
        "comments",
        "comment",
        "like",
        "love",
        "haha",
        "wow",
        "sad",
        "angry",
    ];
    // Cheap test first: furniture lines are short (a caption with its credit a little longer).
    if line.len() > 300 {
        return None;
    }
    let lower = plain_lower(line);
    if is_photo_credit(&lower) {
        return Some(SkipReason::PhotoCredit);
    }
    if line.len() > 160 || line.split_whitespace().nth(14).is_some() {
        return None;
    }
    let lower = lower.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '©');
    if READ_MORE.iter().any(|p| lower.starts_with(p)) {
        return Some(SkipReason::ReadMore);
    }
    if PHOTO_PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return Some(SkipReason::PhotoCredit);
    }
    if BOILERPLATE.iter().any(|p| lower.starts_with(p)) {
        return Some(SkipReason::Boilerplate);
    }
    // A row of share buttons: every word is a button label.
    let labels: Vec<&str> =
        lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let buttons = !labels.is_empty() && labels.iter().all(|w| BUTTONS.contains(w));
    buttons.then_some(SkipReason::Boilerplate)
}

/// A line (already lowercased) that credits a picture the way agencies write it: "Jane Doe / Getty
/// Images", "(AP Photo/Jane Doe)", "REUTERS/Jane Doe", "Photo: …". The marks are written as credits
/// write them (with the slash), so prose that names an agency is kept.
fn is_photo_credit(lower: &str) -> bool {
    const MARKS: &[&str] = &[
        "/ getty images",
        "/getty images",
        "via getty images",
        "ap photo/",
        "ap photo /",
        "afp photo/",
        "afp photo /",
        "reuters/",
        "/ reuters",
        "/reuters",
        "epa-efe/",
        "/ shutterstock",
        "/shutterstock",
        "(photo:",
        "(photo by",
        "(image:",
        "(credit:",
    ];
    lower.split_whitespace().nth(40).is_none() && MARKS.iter().any(|m| lower.contains(m))
}

/// A line that is a web address, or a short label and addresses ("Source: https://…").
fn is_url_line(line: &str) -> bool {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let is_url = |t: &&str| {
        let t = t.trim_start_matches(['<', '(', '[', '"', '\'']).to_ascii_lowercase();
        t.starts_with("http://")
            || t.starts_with("https://")
            || t.starts_with("www.")
            || t.starts_with("ftp://")
    };
    let Some(first_url) = tokens.iter().position(is_url) else { return false };
    // Everything after the first address is an address; before it, at most a three-word label
    // ending in a colon.
    tokens[first_url..].iter().all(is_url)
        && (first_url == 0 || (first_url <= 3 && tokens[first_url - 1].ends_with(':')))
}

/// A byline: "By Jane Doe", "By JANE DOE and JOHN ROE, Staff Writers", "By Jane Doe | March 4",
/// or a wire's credit line "Reporting by …; Editing by …". A sentence that opens with "By" and a
/// capitalised word ("By Friday the port had reopened.") is not one: the name must be two to eight
/// capitalised words, and what follows a separator short.
fn is_byline(line: &str) -> bool {
    const CREDITS: &[&str] = &[
        "reporting by ",
        "additional reporting by ",
        "editing by ",
        "writing by ",
        "written by ",
        "compiled by ",
    ];
    const NOT_NAMES: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "the",
        "then",
        "now",
        "late",
        "early",
        "last",
        "next",
        "this",
    ];
    if line.len() > 300 {
        return false;
    }
    let lower = plain_lower(line);
    if CREDITS.iter().any(|p| lower.starts_with(p)) {
        return line.split_whitespace().nth(40).is_none();
    }
    if !lower.starts_with("by ") {
        return false;
    }
    let rest = &line[3..];
    let name_end = rest.find([',', '|', '–', '—', '(', '/', ';']).unwrap_or(rest.len());
    let words: Vec<&str> = rest[..name_end]
        .split_whitespace()
        .filter(|w| !w.eq_ignore_ascii_case("and") && *w != "&")
        .collect();
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    (2..=8).contains(&words.len())
        && words.iter().all(capitalised)
        && !NOT_NAMES.contains(&words[0].to_lowercase().as_str())
        && rest[name_end..].split_whitespace().nth(8).is_none()
}

/// A page's publication or update stamp: "Last updated 13:26 14/09/2013", "Updated: March 4,
/// 2024 10:15 a.m. ET", "Published on Tuesday 4 March 2024". After the opening word(s) only
/// dates, times, weekdays, months, zones and joining words may follow, so that a sentence
/// ("Updated figures were published on Monday.") is kept.
fn is_timestamp(line: &str) -> bool {
    const OPENERS: &[&str] = &[
        "last updated",
        "last modified",
        "first published",
        "updated",
        "published",
        "posted",
        "modified",
    ];
    const WORDS: &[&str] = &[
        "on",
        "at",
        "and",
        "am",
        "pm",
        "a.m",
        "p.m",
        "a.m.",
        "p.m.",
        "gmt",
        "utc",
        "bst",
        "cet",
        "cest",
        "est",
        "edt",
        "cst",
        "cdt",
        "pst",
        "pdt",
        "et",
        "pt",
        "ist",
        "aest",
        "local",
        "time",
        "today",
        "yesterday",
        "ago",
        "hours",
        "hour",
        "minutes",
        "minute",
        "days",
        "day",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
    ];
    if line.len() > 120 {
        return false;
    }
    let lower = plain_lower(line);
    let Some(rest) = OPENERS.iter().find_map(|o| lower.strip_prefix(o)) else { return false };
    if rest.starts_with(|c: char| c.is_alphanumeric()) {
        return false;
    }
    let tokens: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | ':' | '(' | ')' | '-' | '–'))
        .filter(|t| !t.is_empty())
        .collect();
    let date_word = |t: &str| {
        let t = t.trim_end_matches('.');
        crate::extract::quantity::month_number(t).is_some()
            || crate::extract::time::weekday_of(t).is_some()
    };
    let numeric = |t: &str| {
        t.chars().any(|c| c.is_ascii_digit())
            && t.chars().all(|c| c.is_ascii_digit() || matches!(c, '/' | '.' | ':' | 'h'))
            || ["st", "nd", "rd", "th"].iter().any(|s| {
                t.strip_suffix(s)
                    .is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()))
            })
    };
    tokens.iter().any(|t| numeric(t) || date_word(t))
        && tokens.iter().all(|t| numeric(t) || date_word(t) || WORDS.contains(t))
}

/// The length in bytes of a dateline opening `line`, up to and including its dash:
/// "WASHINGTON (Reuters) -", "KYIV, Ukraine —", "LONDON, March 4 (Reuters) -", "Valdor (Kestria
/// Wire) —". The place is in capitals, or an outlet in parentheses follows it; what follows the
/// dash begins a sentence.
fn dateline_end(line: &str) -> Option<usize> {
    let (dash, dash_len) = line
        .char_indices()
        .take_while(|&(i, _)| i <= 100)
        .find(|&(i, c)| {
            matches!(c, '—' | '–')
                || (c == '-' && line[..i].ends_with(' ') && line[i + 1..].starts_with(' '))
        })
        .map(|(i, c)| (i, c.len_utf8()))?;
    let after = line[dash + dash_len..].trim_start();
    let starts_sentence = after
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric() || matches!(plain_char(c), '"' | '\''));
    if !starts_sentence {
        return None;
    }
    let mut head = line[..dash].trim_end();
    let mut wire = false;
    if head.ends_with(')')
        && let Some(open) = head.rfind('(')
    {
        let inside = &head[open + 1..head.len() - 1];
        if inside.split_whitespace().count() > 4 || !inside.chars().any(char::is_alphabetic) {
            return None;
        }
        wire = true;
        head = head[..open].trim_end();
    }
    if head.split_whitespace().count() > 8 {
        return None;
    }
    let mut parts = head.split(',').map(str::trim);
    let place = parts.next().unwrap_or("");
    let place_ok = if place.is_empty() {
        wire
    } else {
        let letters = place.chars().filter(|c| c.is_alphabetic()).count();
        let name_chars = place.chars().all(|c| c.is_alphabetic() || " .'’-".contains(c));
        let capitals = place.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
        let capitalised = place.split_whitespace().all(|w| w.starts_with(char::is_uppercase));
        name_chars && letters >= 2 && (capitals || (wire && capitalised))
    };
    // The rest: a region or country, a date ("March 4").
    let rest_ok = parts.all(|p| {
        !p.is_empty()
            && p.split_whitespace().count() <= 4
            && p.split_whitespace()
                .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_numeric()))
    });
    (place_ok && rest_ok).then_some(dash + dash_len)
}

/// A headline or section heading: a short line in title case that does not end like a sentence.
fn is_heading(line: &str) -> bool {
    const MINOR: &[&str] = &[
        "a", "an", "the", "and", "or", "nor", "but", "of", "for", "to", "in", "on", "at", "by",
        "with", "from", "as", "vs", "into", "over", "after", "amid", "about", "than", "via", "per",
        "is", "are", "be",
    ];
    let last = line.chars().rev().map(plain_char).find(|c| !c.is_whitespace());
    if matches!(last, Some('.' | '!' | '?' | ':' | ';' | ',' | '"' | '\'' | ')')) {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.is_empty() || words.len() > 20 {
        return false;
    }
    let mut major = 0;
    let mut capitalised = 0;
    for word in &words {
        let bare: String = word.chars().filter(|c| c.is_alphanumeric()).collect();
        let Some(first) = bare.chars().next() else { continue };
        if MINOR.contains(&bare.to_lowercase().as_str()) {
            continue;
        }
        major += 1;
        if first.is_uppercase() || first.is_numeric() {
            capitalised += 1;
        }
    }
    // Sentence case with a proper noun or two ("Pope offers to host talks") is not enough; a
    // heading capitalises nearly every major word. One- and two-word lines need all capitalised.
    major > 0 && capitalised * 5 >= major * 4 && (major > 2 || capitalised == major)
}

/// Abbreviations after which a period does not end a sentence (lowercase, without the period).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "capt", "cpt", "sgt",
    "maj", "adm", "cmdr", "st", "jr", "sr", "rev", "hon", "inc", "corp", "ltd", "co", "vs", "etc",
    "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "fig", "approx", "dept", "est", "govt", "mt", "ft", "pres", "amb", "atty", "supt",
];

/// Words that begin a sentence often enough that a period after an abbreviation with internal
/// periods ("U.S.") followed by one of them is read as a sentence end.
const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "but",
    "however",
    "in",
    "this",
    "that",
    "a",
    "an",
    "there",
    "his",
    "her",
    "their",
    "its",
    "on",
    "after",
    "meanwhile",
    "officials",
    "moreover",
];

/// Where the sentences of the line `[ls, le)` begin and end (trimmed).
fn sentences(text: &str, ls: usize, le: usize) -> Vec<(usize, usize)> {
    let line = &text[ls..le];
    let bytes = line.as_bytes();
    let quotes = QuoteTracker::new(line);
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let is_terminal = b == b'.' || b == b'!' || b == b'?';
        if !is_terminal {
            i += 1;
            continue;
        }
        // The end of the terminal run and any closing quotes or brackets after it.
        let mut j = i + 1;
        while j < bytes.len() && matches!(bytes[j], b'.' | b'!' | b'?') {
            j += 1;
        }
        while j < bytes.len() {
            let c = line[j..].chars().next().unwrap_or(' ');
            if matches!(plain_char(c), '"' | '\'' | ')' | ']') {
                j += c.len_utf8();
            } else {
                break;
            }
        }
        let boundary = j;
        // White space must follow, then something that can start a sentence.
        let rest = &line[boundary..];
        let after_ws = rest.trim_start();
        if after_ws.len() == rest.len() || after_ws.is_empty() {
            i = boundary.max(i + 1);
            continue;
        }
        let next_start = boundary + (rest.len() - after_ws.len());
        let next_char = after_ws.chars().next().unwrap_or(' ');
        let starts_sentence = next_char.is_uppercase()
            || next_char.is_numeric()
            || matches!(plain_char(next_char), '"' | '\'' | '(' | '[');
        if !starts_sentence
            || (b == b'.' && is_abbreviation(line, i, after_ws))
            || quotes.inside_closing_later(i)
        {
            i = boundary.max(i + 1);
            continue;
        }
        if let Some(span) = trim_span(text, ls + start, ls + boundary) {
            out.push(span);
        }
        start = next_start;
        i = next_start;
    }
    if let Some(span) = trim_span(text, ls + start, le) {
        out.push(span);
    }
    out
}

/// Whether the period at byte `dot` of `line` ends an abbreviation rather than a sentence.
fn is_abbreviation(line: &str, dot: usize, next: &str) -> bool {
    let before = &line[..dot];
    let word_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace() || matches!(plain_char(*c), '"' | '(' | '['))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    let mut chars = word.chars();
    // A single capital letter is an initial ("D. E. Knuth").
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return true;
    }
    // "U.S." / "e.g.": internal periods. It ends the sentence only before a common sentence opener.
    if word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.') {
        let next_word: String =
            next.chars().take_while(|c| c.is_alphabetic()).flat_map(char::to_lowercase).collect();
        return !SENTENCE_STARTERS.contains(&next_word.as_str());
    }
    false
}

/// Which bytes of a line are inside a quotation, and whether that quotation closes later in the
/// line. A sentence boundary inside a quotation that closes later is not a boundary: the quotation
/// stays joined to its "X said".
struct QuoteTracker {
    /// `(open, close)` byte offsets of each quotation with both marks in the line.
    closed: Vec<(usize, usize)>,
}

impl QuoteTracker {
    fn new(line: &str) -> QuoteTracker {
        let mut closed = Vec::new();
        let mut open: Option<usize> = None;
        let mut prev: Option<char> = None;
        for (i, c) in line.char_indices() {
            let role = quote_role(c, prev);
            match (role, open) {
                (QuoteRole::Open, None) => open = Some(i),
                (QuoteRole::Close, Some(o)) => {
                    closed.push((o, i));
                    open = None;
                }
                (QuoteRole::Open, Some(_)) | (QuoteRole::Close, None) | (QuoteRole::None, _) => {}
            }
            prev = Some(c);
        }
        QuoteTracker { closed }
    }

    fn inside_closing_later(&self, pos: usize) -> bool {
        // A period right before the closing mark ends the quotation, not a sentence inside it.
        self.closed.iter().any(|&(o, c)| o < pos && pos + 1 < c)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum QuoteRole {
    Open,
    Close,
    None,
}

/// Whether a double quotation mark opens or closes a quotation. Curly marks say so themselves; a
/// straight mark opens after white space or an opening bracket and closes otherwise.
fn quote_role(c: char, prev: Option<char>) -> QuoteRole {
    match c {
        '\u{201C}' | '\u{201E}' | '\u{00AB}' => QuoteRole::Open,
        '\u{201D}' | '\u{00BB}' => QuoteRole::Close,
        '"' => match prev {
            None => QuoteRole::Open,
            Some(p) if p.is_whitespace() || matches!(p, '(' | '[' | '-' | '\u{2014}') => {
                QuoteRole::Open
            }
            Some(_) => QuoteRole::Close,
        },
        _ => QuoteRole::None,
    }
}

/// The byte ranges of `[s, e)` that are outside every quotation (marks included in the quotation).
fn outside_quotes(sentence: &str) -> Vec<bool> {
    let mut inside = vec![false; sentence.len()];
    let mut open: Option<usize> = None;
    let mut prev = None;
    for (i, c) in sentence.char_indices() {
        match (quote_role(c, prev), open) {
            (QuoteRole::Open, None) => open = Some(i),
            (QuoteRole::Close, Some(o)) => {
                inside[o..i + c.len_utf8()].iter_mut().for_each(|x| *x = true);
                open = None;
            }
            _ => {}
        }
        prev = Some(c);
    }
    if let Some(o) = open {
        // An unclosed quotation runs to the end of the sentence.
        inside[o..].iter_mut().for_each(|x| *x = true);
    }
    inside.into_iter().map(|x| !x).collect()
}

/// Conjunctions that, after a comma, join an independent clause.
const CLAUSE_CONJUNCTIONS: &[&str] = &["but", "though", "although", "while", "whereas", "yet"];

/// Openers of a subordinate clause that ends at the first comma: "While X, Y".
const SUBORDINATE_OPENERS: &[&str] = &["while", "though", "although", "whereas"];

/// Cuts the sentence `[s, e)` into clauses that each assert one thing: at ";", around em-dash
/// asides, and before ", but" / ", while" / ", though" / ", and" joining independent clauses. No
/// cut falls inside a quotation.
fn clauses(text: &str, s: usize, e: usize) -> Vec<(usize, usize)> {
    let sentence = &text[s..e];
    let outside = outside_quotes(sentence);
    let mut cuts: Vec<usize> = Vec::new();
    let words = word_starts(sentence);

    // Semicolons.
    for (i, b) in sentence.bytes().enumerate() {
        if b == b';' && outside[i] {
            cuts.push(i + 1);
        }
    }

    // Dashes used as punctuation (not hyphens inside words).
    let dashes: Vec<usize> = sentence
        .char_indices()
        .filter(|&(i, c)| outside[i] && is_clause_dash(sentence, i, c))
        .map(|(i, _)| i)
        .collect();
    match dashes.as_slice() {
        [] => {}
        [d] => {
            if words_between(&words, 0, *d) >= 3 && words_between(&words, *d, sentence.len()) >= 3 {
                cuts.push(*d);
            }
        }
        [d1, d2, ..] => {
            let aside_end = *d2 + sentence[*d2..].chars().next().map_or(1, char::len_utf8);
            if words_between(&words, 0, *d1) >= 2
                && words_between(&words, *d1, *d2) >= 2
                && words_between(&words, aside_end, sentence.len()) >= 2
            {
                cuts.push(*d1);
                cuts.push(aside_end);
            }
        }
    }

    // ", but X", ", while X", ", and X".
    for (k, &(ws, we)) in words.iter().enumerate() {
        if !outside[ws] || k == 0 {
            continue;
        }
        let prev_end = words[k - 1].1;
        let comma_before = sentence[prev_end..ws].contains(',');
        if !comma_before {
            continue;
        }
        let word = sentence[ws..we].to_ascii_lowercase();
        let after = words.len() - k - 1;
        let next_is_gerund = words
            .get(k + 1)
            .is_some_and(|&(a, b)| sentence[a..b].to_ascii_lowercase().ends_with("ing"));
        // The cut goes right before the conjunction, so the comma and any closing quotation mark
        // stay with the clause they end.
        let cut_at = ws;
        let joins_clause = CLAUSE_CONJUNCTIONS.contains(&word.as_str()) && k >= 3;
        let joins_and = word == "and" && !ends_list(sentence, &words, prev_end);
        if (joins_clause || joins_and) && after >= 4 && !next_is_gerund {
            cuts.push(cut_at);
        }
    }

    // "While X, Y": the subordinate clause ends at its first comma.
    if let Some(&(ws, we)) = words.first()
        && SUBORDINATE_OPENERS.contains(&sentence[ws..we].to_ascii_lowercase().as_str())
    {
        let first_cut = cuts.iter().copied().min().unwrap_or(sentence.len());
        if let Some(comma) = sentence[..first_cut].find(',')
            && outside[comma]
            && words_between(&words, 0, comma) >= 4
            && words_between(&words, comma, sentence.len()) >= 4
        {
            cuts.push(comma + 1);
        }
    }

    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::new();
    let mut from = 0;
    for cut in cuts.into_iter().chain(std::iter::once(sentence.len())) {
        if let Some(span) = trim_span(text, s + from, s + cut) {
            out.push(span);
        }
        from = cut;
    }
    merge_wordless(text, out)
}

/// Whether the ", and" right after byte `before_and` closes a list ("Spain, the United Kingdom, and
/// Norway"): the item before it and the one before that are both short (four words or fewer).
fn ends_list(sentence: &str, words: &[(usize, usize)], before_and: usize) -> bool {
    let head = &sentence[..before_and];
    let Some(c1) = head.rfind(',') else { return false };
    let last_item = words_between(words, c1, before_and);
    let item_start = head[..c1].rfind(',').map_or(0, |p| p + 1);
    let earlier_item = words_between(words, item_start, c1);
    last_item <= 4 && earlier_item <= 4
}

/// Pieces with no letter or digit (a stray dash) join the piece before them (or after, first).
fn merge_wordless(text: &str, pieces: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(pieces.len());
    let mut pending: Option<(usize, usize)> = None;
    for (s, e) in pieces {
        let has_word = text[s..e].chars().any(char::is_alphanumeric);
        if !has_word {
            match out.last_mut() {
                Some(last) => last.1 = e,
                None => pending = Some((pending.map_or(s, |p| p.0), e)),
            }
            continue;
        }
        out.push((pending.take().map_or(s, |p| p.0), e));
    }
    // Only punctuation: one piece, which the caller skips as empty.
    out.extend(pending);
    out
}

/// Whether the char `c` at byte `i` is a dash that separates clauses: an em dash, an en dash or a
/// double hyphen anywhere, or a hyphen with white space on at least one side.
fn is_clause_dash(sentence: &str, i: usize, c: char) -> bool {
    let before = sentence[..i].chars().next_back();
    let after = sentence[i + c.len_utf8()..].chars().next();
    let spaced = before.is_some_and(char::is_whitespace) || after.is_some_and(char::is_whitespace);
    match c {
        '\u{2014}' | '\u{2015}' => true,
        '\u{2013}' => spaced,
        '-' => {
            (before.is_some_and(char::is_whitespace) && after.is_some_and(char::is_whitespace))
                || (after == Some('-') && before != Some('-'))
        }
        _ => false,
    }
}

/// `(start, end)` of every word (a run of letters, digits, apostrophes or hyphens) in `s`.
fn word_starts(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in s.char_indices() {
        let in_word = c.is_alphanumeric() || (start.is_some() && matches!(c, '\'' | '\u{2019}'));
        match (in_word, start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push((st, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((st, s.len()));
    }
    out
}

fn words_between(words: &[(usize, usize)], from: usize, to: usize) -> usize {
    words.iter().filter(|&&(s, _)| s >= from && s < to).count()
}

/// Cuts `[s, e)` into pieces of at most [`MAX_CLAIM_BYTES`], at white space where there is some.
fn bound_length(text: &str, s: usize, e: usize) -> Vec<(usize, usize)> {
    if e - s <= MAX_CLAIM_BYTES {
        return vec![(s, e)];
    }
    let mut out = Vec::new();
    let mut from = s;
    while e - from > MAX_CLAIM_BYTES {
        let mut limit = from + MAX_CLAIM_BYTES;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &text[from..limit];
        let cut = match window.rfind(char::is_whitespace) {
            Some(ws) if ws > 0 => from + ws,
            _ => limit,
        };
        if let Some(span) = trim_span(text, from, cut) {
            out.push(span);
        }
        from = cut;
    }
    if let Some(span) = trim_span(text, from, e) {
        out.push(span);
    }
    out
}

fn longest_token(s: &str) -> usize {
    s.split_whitespace().map(str::len).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<(&str, SpanKind)> {
        segment(text, None).spans.iter().map(|s| (&text[s.start..s.end], s.kind)).collect()
    }

    fn claims(text: &str) -> Vec<&str> {
        pieces(text).into_iter().filter(|(_, k)| *k == SpanKind::Claim).map(|(t, _)| t).collect()
    }

    #[test]
    fn a_text_that_is_only_a_headline_is_its_claim() {
        let text = "Harbour Crane Collapses In Storm, Two Hurt\n";
        let seg = segment(text, None);
        assert_eq!(seg.headline, Some((0, text.len() - 1)));
        assert_eq!(claims(text), ["Harbour Crane Collapses In Storm, Two Hurt"]);
        // A headline over body text stays a headline.
        let with_body =
            "Harbour Crane Collapses In Storm\nA crane fell into the harbour on Monday.\n";
        assert_eq!(pieces(with_body)[0].1, SpanKind::Skip(SkipReason::Headline));
        assert_eq!(claims(with_body), ["A crane fell into the harbour on Monday."]);
    }

    #[test]
    fn headline_duplicate_and_furniture_are_skipped() {
        let text = "Port Strike Ends After Deal on Wages\nPort Strike Ends After Deal on Wages\n\n\
                    Dockworkers voted to end the strike on Friday.\nWhat's Your Reaction?\n\
                    Share this article\nNew Talks Planned\nThe union will meet again.\n";
        let got = pieces(text);
        let kinds: Vec<_> = got.iter().map(|p| p.1).collect();
        assert_eq!(
            kinds,
            [
                SpanKind::Skip(SkipReason::Headline),
                SpanKind::Skip(SkipReason::DuplicateHeadline),
                SpanKind::Claim,
                SpanKind::Skip(SkipReason::Boilerplate),
                SpanKind::Skip(SkipReason::Boilerplate),
                SpanKind::Skip(SkipReason::Heading),
                SpanKind::Claim,
            ]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        let text = "Gen. Mark Holt met U.S. officials in Washington. Mr. D. E. Ray said no.";
        assert_eq!(
            claims(text),
            ["Gen. Mark Holt met U.S. officials in Washington.", "Mr. D. E. Ray said no."]
        );
        assert_eq!(
            claims("He spoke to the U.S. The talks ended."),
            ["He spoke to the U.S.", "The talks ended."]
        );
    }

    #[test]
    fn a_quotation_stays_joined_to_its_speaker() {
        let text = "“We are ready. Talks start soon,” the minister said. Then he left.";
        assert_eq!(
            claims(text),
            ["“We are ready. Talks start soon,” the minister said.", "Then he left."]
        );
    }

    #[test]
    fn clauses_split_at_semicolons_dashes_and_conjunctions() {
        assert_eq!(
            claims(
                "The mayor approved a 10-day closure—which the council backed—but the union objected strongly to it."
            ),
            [
                "The mayor approved a 10-day closure",
                "—which the council backed—",
                "but the union objected strongly to it."
            ]
        );
        assert_eq!(
            claims(
                "Rain fell across the north overnight, and rivers rose by two metres in the valley."
            ),
            [
                "Rain fell across the north overnight,",
                "and rivers rose by two metres in the valley."
            ]
        );
        assert_eq!(claims("Prices rose; wages fell."), ["Prices rose;", "wages fell."]);
    }

    #[test]
    fn lists_and_gerunds_are_not_split() {
        let list = "She called leaders from Spain, Poland, Greece, and Norway after the vote.";
        assert_eq!(claims(list), [list]);
        let long_list = "Talks could include Chile, the United States, the European Union, and the African Union to broker a deal.";
        assert_eq!(claims(long_list), [long_list]);
        let gerund = "The army advanced slowly, but taking heavy losses along the way.";
        assert_eq!(claims(gerund), [gerund]);
        let hyphen = "A face-to-face meeting was held in a well-known hotel.";
        assert_eq!(claims(hyphen), [hyphen]);
    }

    #[test]
    fn subordinate_opener_ends_at_first_comma() {
        assert_eq!(
            claims(
                "Although the river crossing reopened on Monday, few trucks used it during the week."
            ),
            [
                "Although the river crossing reopened on Monday,",
                "few trucks used it during the week."
            ]
        );
    }

    #[test]
    fn huge_lines_are_bounded_and_blobs_skipped() {
        let long = "word ".repeat(1000);
        for (s, kind) in pieces(&long) {
            assert_eq!(kind, SpanKind::Claim);
            assert!(s.len() <= MAX_CLAIM_BYTES);
        }
        let blob = format!("Data {} end of line.", "x".repeat(500));
        assert_eq!(pieces(&blob)[0].1, SpanKind::Skip(SkipReason::Unreadable));
    }

    #[test]
    fn urls_datelines_bylines_credits_and_read_more_are_skipped_with_a_reason() {
        let text = "Flood Barrier Holds on the Lagoon\n\
                    By Mara Quell and Tobin Eszes, Staff Writers\n\
                    SALVENTO, Ostmark (Lagoon Wire) — The barrier held overnight as the tide rose.\n\
                    Workers check the gates at dawn. (Photo: Ivo Brandt / Getty Images)\n\
                    Photo: Ivo Brandt\n\
                    Read more: How the gates were built\n\
                    https://example.org/lagoon/gates?id=7\n\
                    Source: https://example.org/a https://example.org/b\n\
                    Engineers said the gates would stay shut until Friday.\n\
                    Reporting by Mara Quell; Editing by Ilse Varga\n";
        let got = pieces(text);
        assert_eq!(
            got,
            [
                ("Flood Barrier Holds on the Lagoon", SpanKind::Skip(SkipReason::Headline)),
                (
                    "By Mara Quell and Tobin Eszes, Staff Writers",
                    SpanKind::Skip(SkipReason::Byline)
                ),
                ("SALVENTO, Ostmark (Lagoon Wire) —", SpanKind::Skip(SkipReason::Dateline)),
                ("The barrier held overnight as the tide rose.", SpanKind::Claim),
                (
                    "Workers check the gates at dawn. (Photo: Ivo Brandt / Getty Images)",
                    SpanKind::Skip(SkipReason::PhotoCredit)
                ),
                ("Photo: Ivo Brandt", SpanKind::Skip(SkipReason::PhotoCredit)),
                ("Read more: How the gates were built", SpanKind::Skip(SkipReason::ReadMore)),
                ("https://example.org/lagoon/gates?id=7", SpanKind::Skip(SkipReason::Url)),
                (
                    "Source: https://example.org/a https://example.org/b",
                    SpanKind::Skip(SkipReason::Url)
                ),
                ("Engineers said the gates would stay shut until Friday.", SpanKind::Claim),
                (
                    "Reporting by Mara Quell; Editing by Ilse Varga",
                    SpanKind::Skip(SkipReason::Byline)
                ),
            ]
        );
    }

    #[test]
    fn publication_and_update_stamps_are_skipped_and_sentences_about_updates_kept() {
        for line in [
            "Last updated 09:12 21/03/2024",
            "Updated: March 4, 2024 10:15 a.m. ET",
            "Published on Tuesday 4 March 2024",
            "Posted: 2024-03-04 | 18:40 GMT",
            "First published Mon 4 Mar 2024 18.40 GMT",
        ] {
            assert!(is_timestamp(line), "{line}");
        }
        for line in [
            "Updated figures were published on Monday.",
            "Published reports put the toll at 12.",
            "Posted guards stood at the gate until 9:00.",
            "Last updated",
            "Updated: the ferry sails again on Monday",
        ] {
            assert!(!is_timestamp(line), "{line}");
        }
        let text = "Ferry Sails Again\nLast updated 09:12 21/03/2024\nThe ferry sailed at dawn.\n";
        assert_eq!(
            pieces(text),
            [
                ("Ferry Sails Again", SpanKind::Skip(SkipReason::Headline)),
                ("Last updated 09:12 21/03/2024", SpanKind::Skip(SkipReason::Timestamp)),
                ("The ferry sailed at dawn.", SpanKind::Claim),
            ]
        );
    }

    #[test]
    fn datelines_in_wire_and_capital_forms() {
        for (line, prefix) in [
            ("WASHINGTON (Reuters) - The Senate voted on Tuesday.", "WASHINGTON (Reuters) -"),
            ("KYIV, Ukraine — Sirens sounded at night.", "KYIV, Ukraine —"),
            ("LONDON, March 4 (Reuters) - Prices rose.", "LONDON, March 4 (Reuters) -"),
            ("PARIS—The talks ended.", "PARIS—"),
        ] {
            let got = pieces(line);
            assert_eq!(got[0], (prefix, SpanKind::Skip(SkipReason::Dateline)), "{line}");
            assert_eq!(got[1].1, SpanKind::Claim, "{line}");
        }
    }

    #[test]
    fn prose_that_looks_like_furniture_is_kept() {
        for line in [
            // A sentence opening with "By" and a day, or a name and then prose.
            "By Friday the port had reopened to ships.",
            "By Tuesday, the port had reopened to ships and trucks.",
            // Datelines open the first paragraph only; later a dash is an aside.
            "The port reopened.\nOfficials - and many others - said so.",
            // Lowercase after the dash: not a dateline.
            "SENATE — which met late — voted on the bill.",
            // An agency named in prose.
            "Getty Images and Reuters signed a licensing deal on Monday.",
            // A URL inside a sentence stays in its claim.
            "The report is online at https://example.org/report and runs to 40 pages.",
        ] {
            assert!(
                pieces(line).iter().all(|(_, k)| *k == SpanKind::Claim),
                "{line}: {:?}",
                pieces(line)
            );
        }
    }

    #[test]
    fn the_known_title_is_the_headline_even_in_sentence_case() {
        let text = "Barrier raised for the 31st time\nThe barrier was raised on Saturday.\n";
        let seg = segment(text, Some("Barrier raised for the 31st time"));
        assert_eq!(seg.spans[0].kind, SpanKind::Skip(SkipReason::Headline));
        assert_eq!(seg.headline, Some((0, 32)));
        // Without the title it reads as a sentence.
        assert_eq!(segment(text, None).spans[0].kind, SpanKind::Claim);
        // Later in the text, the title's words are body text.
        let later = "The barrier was raised.\nBarrier raised for the 31st time\n";
        let seg = segment(later, Some("Barrier raised for the 31st time"));
        assert!(seg.spans.iter().all(|s| s.kind == SpanKind::Claim));
    }

    #[test]
    fn sentence_case_lines_are_not_headings() {
        assert!(!is_heading("Officials said the talks would resume"));
        assert!(is_heading("Officials Say Talks Will Resume"));
        assert!(is_heading("No Timetable For Talks"));
        assert!(!is_heading("Talks resume."));
    }
}
