//! Words, plain forms and content terms: the text utilities every stage shares.
//!
//! Useful for: splitting text into words with byte offsets, reading curly quotes and dashes as their
//! plain forms, and turning words into the stemmed content terms that alignment matches on.

use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

/// A word of a text, with its byte span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    /// The word as written.
    pub text: &'a str,
    /// Byte offset in the text it was cut from.
    pub start: usize,
}

impl Word<'_> {
    /// End (exclusive) of the word.
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

/// The words of `text`, with offsets relative to `text`: runs of letters and digits, joined as
/// Unicode word boundaries (UAX #29) join them: an apostrophe or period between two letters stays
/// inside the word ("didn't", "Putin's", "U.S"), and a period or comma between two digits too
/// ("2.5", "1,250"). Hyphens and other punctuation separate words.
pub fn words(text: &str) -> impl Iterator<Item = Word<'_>> {
    let bytes = text.as_bytes();
    let char_at = move |pos: usize| -> Option<(char, usize)> {
        let b = *bytes.get(pos)?;
        if b < 0x80 {
            Some((char::from(b), 1))
        } else {
            let c = text[pos..].chars().next()?;
            Some((c, c.len_utf8()))
        }
    };
    let mut pos = 0;
    std::iter::from_fn(move || {
        // Skip to the next letter or digit.
        loop {
            let (c, len) = char_at(pos)?;
            if c.is_alphanumeric() {
                break;
            }
            pos += len;
        }
        let start = pos;
        let mut prev = ' ';
        while let Some((c, len)) = char_at(pos) {
            if c.is_alphanumeric() {
                pos += len;
                prev = c;
                continue;
            }
            let Some((next, _)) = char_at(pos + len) else { break };
            let joins_letters =
                matches!(plain_char(c), '\'' | '.') && prev.is_alphabetic() && next.is_alphabetic();
            let joins_digits =
                matches!(c, '.' | ',') && prev.is_ascii_digit() && next.is_ascii_digit();
            if joins_letters || joins_digits {
                pos += len;
                prev = c;
            } else {
                break;
            }
        }
        Some(Word { text: &text[start..pos], start })
    })
}

/// The plain ASCII form of a typographic character: curly quotes, primes, dashes and non-breaking
/// spaces read like their plain forms. Other characters map to themselves.
pub fn plain_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => '-',
        '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2009}' => ' ',
        _ => c,
    }
}

/// `s` with every character replaced by [`plain_char`], lowercased. Byte offsets of the result do
/// not match `s`; use it for comparison, not for spans.
pub fn plain_lower(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_plain_lower(s, &mut out);
    out
}

/// Appends [`plain_lower`] of `s` to `out`, with a fast path for ASCII (most news text).
pub fn push_plain_lower(s: &str, out: &mut String) {
    if s.is_ascii() {
        out.extend(s.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        out.extend(s.chars().map(plain_char).flat_map(char::to_lowercase));
    }
}

/// `s` lowercased, with its accents and other diacritics stripped: the one folding every comparison
/// of names and words shares (author names in truth discovery, entity keys in resolution, the
/// tokenizer of attached embeddings), so "Strauß", "STRAUSS" and "Strauss" fold alike everywhere.
///
/// Each character is lowercased, decomposed by Unicode compatibility decomposition (NFKD, so
/// ligatures, full-width and superscript forms read as their plain letters and digits), its
/// combining marks dropped, and what is left lowercased again. Latin letters that carry their
/// stroke or ligature in the letter itself, and so do not decompose, are spelled out: ß → ss,
/// æ → ae, œ → oe, ø → o, ł → l, đ and ð → d, þ → th, ı → i, ħ → h, ŧ → t, ŀ → l. Everything else
/// (punctuation, digits, other scripts' letters) is kept. Byte offsets of the result do not match
/// `s`: use it for comparison, never for spans.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_fold(s, &mut out);
    out
}

/// Appends [`fold`] of `s` to `out`, with a fast path for ASCII.
pub(crate) fn push_fold(s: &str, out: &mut String) {
    if s.is_ascii() {
        out.extend(s.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        return;
    }
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        for lower in c.to_lowercase() {
            if let Some(spelled) = spelled_out(lower) {
                out.push_str(spelled);
                continue;
            }
            unicode_normalization::char::decompose_compatible(lower, |d| {
                if unicode_normalization::char::is_combining_mark(d) {
                    return;
                }
                for d in d.to_lowercase() {
                    match spelled_out(d) {
                        Some(spelled) => out.push_str(spelled),
                        None => out.push(d),
                    }
                }
            });
        }
    }
}

/// The plain spelling of a lowercase letter that compatibility decomposition leaves whole.
fn spelled_out(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ø' => "o",
        'ł' => "l",
        'đ' | 'ð' => "d",
        'þ' => "th",
        'ı' => "i",
        'ħ' => "h",
        'ŧ' => "t",
        // Decomposes to "l·"; the middle dot is punctuation, not a mark.
        'ŀ' => "l",
        _ => return None,
    })
}

/// Words that carry no content of their own for matching.
pub const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "may",
    "me",
    "might",
    "more",
    "most",
    "must",
    "my",
    "myself",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "shall",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "s",
    "t",
    "said",
    "says",
    "say",
    "told",
    "according",
    "mr",
    "mrs",
    "ms",
    "dr",
    "already",
    "yet",
    "still",
    "however",
    "though",
    "although",
    "whether",
    "per",
    "via",
    "upon",
    "within",
    "without",
    "would",
    "'s",
];

/// Whether `lower` (a lowercased word) is a stop word.
pub fn is_stop_word(lower: &str) -> bool {
    static SET: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| STOP_WORDS.iter().copied().collect()).contains(lower)
}

/// The English Snowball stem of a lowercased word.
///
/// Stems are cached per thread: news vocabulary is Zipfian, so most words are stemmed once. The
/// cache is cleared when it reaches [`STEM_CACHE_CAP`] entries, which bounds its memory.
pub fn stem(lower: &str) -> String {
    thread_local! {
        static CACHE: std::cell::RefCell<rustc_hash::FxHashMap<String, String>> =
            std::cell::RefCell::new(rustc_hash::FxHashMap::default());
    }
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(stem) = cache.get(lower) {
            return stem.clone();
        }
        let stem =
            STEMMER.get_or_init(|| Stemmer::create(Algorithm::English)).stem(lower).into_owned();
        if cache.len() >= STEM_CACHE_CAP {
            cache.clear();
        }
        cache.insert(lower.to_string(), stem.clone());
        stem
    })
}

/// The most words [`stem`] keeps cached per thread.
pub const STEM_CACHE_CAP: usize = 200_000;

/// The content terms of `text`: stems of the lowercased plain words that are not stop words, in
/// text order. Possessive `'s` is dropped; hyphenated words count as their parts.
pub fn content_terms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut lower = String::new();
    for word in words(text) {
        lower.clear();
        push_plain_lower(word.text, &mut lower);
        let base = lower.strip_suffix("'s").unwrap_or(&lower);
        for part in base.split('\'').filter(|p| !p.is_empty()) {
            if !is_stop_word(part) {
                out.push(stem(part));
            }
        }
    }
    out
}

/// A word of a claim: lowercase plain form and byte span relative to the claim.
#[derive(Clone, Debug)]
pub(crate) struct Token<'a> {
    /// Borrowed when the word is already plain lowercase, as most words are.
    pub lower: std::borrow::Cow<'a, str>,
    pub start: usize,
    pub end: usize,
}

/// Lowercase plain words with spans; apostrophes (straight or curly) stay inside words, so "didn’t"
/// is one token "didn't".
pub(crate) fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    fn flush<'a>(text: &'a str, out: &mut Vec<Token<'a>>, s: usize, e: usize) {
        let word = &text[s..e];
        let word = word.trim_end_matches(['\'', '\u{2019}']);
        if word.is_empty() {
            return;
        }
        let plain =
            word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'\'');
        let lower = if plain {
            std::borrow::Cow::Borrowed(word)
        } else {
            std::borrow::Cow::Owned(crate::text::plain_lower(word))
        };
        out.push(Token { lower, start: s, end: s + word.len() });
    }
    for (i, c) in text.char_indices() {
        let in_word = c.is_alphanumeric() || (start.is_some() && plain_char(c) == '\'');
        match (in_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                flush(text, &mut out, s, i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        flush(text, &mut out, s, text.len());
    }
    out
}

/// Reporting verbs: "X said", "X noted", "said X".
pub(crate) const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "noted",
    "notes",
    "stated",
    "states",
    "declared",
    "declares",
    "added",
    "adds",
    "mentioned",
    "warned",
    "warns",
    "argued",
    "argues",
    "claimed",
    "claims",
    "announced",
    "announces",
    "insisted",
    "insists",
    "explained",
    "responded",
    "replied",
    "wrote",
    "writes",
    "posted",
    "commented",
    "reiterated",
    "acknowledged",
    "confirmed",
    "confirms",
    "emphasized",
    "emphasised",
    "stressed",
    "asserted",
    "remarked",
    "recalled",
    "observed",
    "reported",
    "tweeted",
    "admitted",
    "contended",
    "predicted",
    "suggested",
    "characterized",
    "characterised",
    "described",
];

/// The reporting verb of a clause that continues the sentence before it without a subject of its
/// own ("… and suggested Russia was ready to talk"): its speaker is the subject of that sentence,
/// which only the clauses before it name.
pub(crate) fn continued_report(text: &str) -> Option<String> {
    let tokens = tokens(text);
    let (first, verb) = (tokens.first()?, tokens.get(1)?);
    let opens_quote = text[..first.start].contains(['"', '\u{201C}']);
    (matches!(first.lower.as_ref(), "and" | "but" | "yet")
        && REPORTING_VERBS.contains(&verb.lower.as_ref())
        && !opens_quote)
        .then(|| verb.lower.to_string())
}

// Number words, shared by quantities, times and the entity finder.

/// The value of a cardinal number word from zero to ninety.
pub(crate) fn number_value(w: &str) -> Option<f64> {
    Some(match w {
        "zero" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" | "fourty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

/// Whether `w` (lowercase) is a word of a number: a cardinal ("fifty"), a scale ("hundred",
/// "thousands") or "dozen(s)". Capitalised at the start of a sentence ("Fifty people …") such a
/// word is still a number, not a name.
pub(crate) fn is_number_word(w: &str) -> bool {
    number_value(w).is_some()
        || scale_value(w).is_some()
        || plural_scale(w).is_some()
        || w == "dozen"
}

/// Scale words that multiply what comes before.
pub(crate) fn scale_value(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    })
}

/// Plural scales that read as an approximate count: "hundreds", "dozens".
pub(crate) fn plural_scale(w: &str) -> Option<f64> {
    Some(match w {
        "tens" => 10.0,
        "dozens" => 12.0,
        "scores" => 20.0,
        "hundreds" => 1e2,
        "thousands" => 1e3,
        "millions" => 1e6,
        "billions" => 1e9,
        "trillions" => 1e12,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_have_offsets() {
        let ws: Vec<_> = words("Putin’s call, 30-day truce.").collect();
        let texts: Vec<_> = ws.iter().map(|w| w.text).collect();
        assert_eq!(texts, ["Putin’s", "call", "30", "day", "truce"]);
        assert_eq!(ws[1].start, 10);
        let ws: Vec<_> = words("don’t-stop U.S. rock’n $2.5 1,250. end.").map(|w| w.text).collect();
        assert_eq!(ws, ["don’t", "stop", "U.S", "rock’n", "2.5", "1,250", "end"]);
    }

    #[test]
    fn plain_forms() {
        assert_eq!(plain_lower("“Hi”—it’s"), "\"hi\"-it's");
    }

    /// One folding for every comparison: (input, folded).
    const FOLDS: &[(&str, &str)] = &[
        ("Strauß", "strauss"),
        ("STRAUSS", "strauss"),
        ("STRAU\u{1E9E}", "strauss"),
        ("Ærøskøbing", "aeroskobing"),
        ("Œuvre", "oeuvre"),
        ("Łódź", "lodz"),
        ("Đoković", "dokovic"),
        ("Ðóra", "dora"),
        ("Þór", "thor"),
        ("Iİı", "iii"),
        ("Ħamrun", "hamrun"),
        ("Ŀl", "ll"),
        ("Zürich", "zurich"),
        ("Zu\u{308}rich", "zurich"),
        ("São Paulo", "sao paulo"),
        ("Nguyễn Văn", "nguyen van"),
        ("Çağlar Şişli", "caglar sisli"),
        ("Dvořák", "dvorak"),
        ("Chrétien", "chretien"),
        ("Tromsø, Norway", "tromso, norway"),
        ("O’Neil", "o’neil"),
        ("ﬁnance", "finance"),
        ("Ｐｏｒｔ", "port"),
        ("x²", "x2"),
        ("Ελλάδα", "ελλαδα"),
        ("Ёлка й", "елка и"),
        ("東京", "東京"),
        // Hangul syllables decompose to their jamo (letters, not marks), as BERT's normaliser does.
        ("서울", "\u{1109}\u{1165}\u{110B}\u{116E}\u{11AF}"),
        ("", ""),
        ("plain ascii, 42.", "plain ascii, 42."),
    ];

    #[test]
    fn folds() {
        for (input, folded) in FOLDS {
            assert_eq!(fold(input), *folded, "fold({input:?})");
        }
    }

    proptest::proptest! {
        #[test]
        fn folding_twice_is_folding_once(s in "\\PC{0,40}") {
            let once = fold(&s);
            proptest::prop_assert_eq!(fold(&once), once);
        }
    }

    #[test]
    fn terms_are_stemmed_content_words() {
        assert_eq!(
            content_terms("The talks were negotiated in Istanbul"),
            ["talk", "negoti", "istanbul"]
        );
        assert_eq!(content_terms("Trump’s ceasefire"), ["trump", "ceasefir"]);
    }

    #[test]
    fn a_clause_continuing_a_report_has_its_verb_but_no_speaker() {
        assert_eq!(
            continued_report("and suggested the port was safe.").as_deref(),
            Some("suggested")
        );
        assert_eq!(continued_report("but warned of delays").as_deref(), Some("warned"));
        assert_eq!(continued_report("and the navy said it would help."), None);
        assert_eq!(continued_report("“and said nothing,” she wrote."), None);
        assert_eq!(continued_report("and"), None);
    }
}
