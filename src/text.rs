//! Words, plain forms and content terms: the text utilities every stage shares.
//!
//! Useful for: splitting text into words with byte offsets, reading curly quotes and dashes as their
//! plain forms, and turning words into the stemmed content terms that alignment matches on.

use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

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

/// The words of `text` (UAX#29 word boundaries, keeping only pieces with a letter or digit), with
/// offsets relative to `text`.
pub fn words(text: &str) -> impl Iterator<Item = Word<'_>> {
    text.split_word_bound_indices()
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
        .map(|(start, text)| Word { text, start })
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
    s.chars().map(plain_char).flat_map(char::to_lowercase).collect()
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
pub fn stem(lower: &str) -> String {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English)).stem(lower).into_owned()
}

/// The content terms of `text`: stems of the lowercased plain words that are not stop words, in
/// text order. Possessive `'s` is dropped; hyphenated words count as their parts.
pub fn content_terms(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in words(text) {
        let lower = plain_lower(word.text);
        let lower = lower.strip_suffix("'s").unwrap_or(&lower);
        for part in lower.split(['-', '\'']).filter(|p| !p.is_empty()) {
            if !is_stop_word(part) {
                out.push(stem(part));
            }
        }
    }
    out
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
    }

    #[test]
    fn plain_forms() {
        assert_eq!(plain_lower("“Hi”—it’s"), "\"hi\"-it's");
    }

    #[test]
    fn terms_are_stemmed_content_words() {
        assert_eq!(
            content_terms("The talks were negotiated in Istanbul"),
            ["talk", "negoti", "istanbul"]
        );
        assert_eq!(content_terms("Trump’s ceasefire"), ["trump", "ceasefir"]);
    }
}
