//! WordNet synonyms as a graph over word stems, for the pair features.
//!
//! Useful for: general synonyms the hand-written news lexicon ([`super::lexicon`]) lacks
//! ("reply"/"answer", "enormous"/"huge", "physician"/"doctor"), so that a claim reworded with them
//! is still seen as covered. Not useful for: phrases (only one-word entries are kept) or names.
//!
//! The data is WordNet 3.0's synonym sets (Princeton University's WordNet licence, which allows
//! use and redistribution with its notice) as the `thesaurus-wordnet` crate (MIT) embeds them: one
//! line per word, `word|synonym|synonym|…`, all senses merged in WordNet's sense order. It is
//! decompressed and parsed once, on first use, into a compact graph: every one-word entry's
//! Snowball stem (the claims' own stemming, [`crate::text::stem`]) gets a dense id, and each id a
//! sorted list of synonym ids. Only the first [`MAX_SYNONYMS`] one-word synonyms of an entry are
//! taken, so that the rare senses of very polysemous words ("break", "run") do not link everything
//! to everything; the relation is then made symmetric, which keeps every feature symmetric in its
//! two claims.

use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

use crate::text;

use super::hash::FxMap;

/// One-word synonyms taken per WordNet entry, in WordNet's sense order. Chosen by the 10-fold
/// cross-validation of `examples/evaluate.rs` among 2, 4, 6, 8, 12 and all.
pub(crate) const MAX_SYNONYMS: usize = 6;

/// The id of a stem that has no WordNet synonym.
pub(crate) const NONE: u32 = u32::MAX;

/// WordNet's one-word synonyms as a symmetric graph over stems.
///
/// Only stems with at least one synonym are kept, sorted, back to back in one string: a lookup
/// is a binary search, and the whole graph takes a few megabytes.
#[derive(Debug, Default)]
pub(crate) struct WordNet {
    /// The stems, sorted, back to back.
    text: String,
    /// Stem `i` is `text[starts[i]..starts[i + 1]]`.
    starts: Vec<u32>,
    /// `synonyms[offsets[i]..offsets[i + 1]]` are the synonym ids of stem `i`, sorted.
    offsets: Vec<u32>,
    /// The synonym lists, back to back.
    synonyms: Vec<u32>,
}

impl WordNet {
    /// The graph of the embedded WordNet data, built on first use: about 0.2 s (decompression
    /// 0.04 s, parsing and stemming the rest), and the graph holds 35.9k stems and 76.8k synonym
    /// pairs in about 1.2 MB.
    pub(crate) fn get() -> &'static WordNet {
        static WORDNET: OnceLock<WordNet> = OnceLock::new();
        WORDNET.get_or_init(|| {
            #[cfg(feature = "wordnet")]
            let data = thesaurus_wordnet::uncompress();
            // Without the `wordnet` feature the thesaurus is empty: no term has a WordNet synonym.
            #[cfg(not(feature = "wordnet"))]
            let data = String::new();
            WordNet::parse(&data, MAX_SYNONYMS)
        })
    }

    /// Builds the graph from lines `word|synonym|…`, taking at most `cap` one-word synonyms
    /// (distinct by stem) per line. Words that are not one run of letters (phrases,
    /// abbreviations with dots, numbers) and stop words are skipped, as heads and as synonyms.
    pub(crate) fn parse<'a>(data: &'a str, cap: usize) -> WordNet {
        // A stemmer of its own: the shared one caches per thread, and WordNet's words would fill
        // that cache with words news text rarely uses.
        let stemmer = Stemmer::create(Algorithm::English);
        let usable =
            |w: &str| w.len() >= 2 && w.chars().all(char::is_alphabetic) && !text::is_stop_word(w);
        // Words repeat across lines: each is stemmed once.
        let mut word_ids: FxMap<&'a str, u32> = FxMap::default();
        let mut stem_ids: FxMap<String, u32> = FxMap::default();
        let mut id_of = |word: &'a str| -> u32 {
            if let Some(&id) = word_ids.get(word) {
                return id;
            }
            let next = stem_ids.len() as u32;
            let id = *stem_ids.entry(stemmer.stem(word).into_owned()).or_insert(next);
            word_ids.insert(word, id);
            id
        };
        let mut edges: Vec<(u32, u32)> = Vec::new();
        let mut taken: Vec<u32> = Vec::with_capacity(cap);
        for line in data.lines() {
            let mut fields = line.split('|');
            let Some(head) = fields.next().filter(|w| usable(w)) else { continue };
            let mut synonyms = fields.filter(|w| usable(w)).peekable();
            if synonyms.peek().is_none() {
                continue;
            }
            let head = id_of(head);
            taken.clear();
            for word in synonyms {
                if taken.len() == cap {
                    break;
                }
                let id = id_of(word);
                if id != head && !taken.contains(&id) {
                    taken.push(id);
                }
            }
            for &id in &taken {
                edges.push((head, id));
                edges.push((id, head));
            }
        }
        drop(word_ids);
        let mut stems = vec![String::new(); stem_ids.len()];
        for (stem, id) in stem_ids {
            stems[id as usize] = stem;
        }
        // Dense ids in stem order, for the stems that have a synonym.
        let mut linked: Vec<u32> = edges.iter().map(|e| e.0).collect();
        linked.dedup();
        linked.sort_unstable_by(|&x, &y| stems[x as usize].cmp(&stems[y as usize]));
        linked.dedup();
        let mut dense = vec![NONE; stems.len()];
        let mut wn = WordNet::default();
        wn.starts.push(0);
        for (i, &old) in linked.iter().enumerate() {
            dense[old as usize] = i as u32;
            wn.text.push_str(&stems[old as usize]);
            wn.starts.push(wn.text.len() as u32);
        }
        let mut edges: Vec<(u32, u32)> =
            edges.iter().map(|&(x, y)| (dense[x as usize], dense[y as usize])).collect();
        edges.sort_unstable();
        edges.dedup();
        wn.synonyms = edges.iter().map(|e| e.1).collect();
        wn.offsets.push(0);
        let mut at = 0;
        for i in 0..linked.len() as u32 {
            at += edges[at..].iter().take_while(|e| e.0 == i).count();
            wn.offsets.push(at as u32);
        }
        wn.text.shrink_to_fit();
        wn
    }

    fn stem(&self, i: usize) -> &str {
        &self.text[self.starts[i] as usize..self.starts[i + 1] as usize]
    }

    /// The id of `stem`, or [`NONE`] when it has no synonym.
    pub(crate) fn id(&self, stem: &str) -> u32 {
        let n = self.starts.len().saturating_sub(1);
        let (mut lo, mut hi) = (0, n);
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.stem(mid).cmp(stem) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return mid as u32,
            }
        }
        NONE
    }

    /// The sorted synonym ids of `id` (empty for [`NONE`]).
    pub(crate) fn synonyms(&self, id: u32) -> &[u32] {
        if id == NONE {
            return &[];
        }
        let i = id as usize;
        &self.synonyms[self.offsets[i] as usize..self.offsets[i + 1] as usize]
    }

    /// Whether the stems of ids `a` and `b` are WordNet synonyms.
    #[cfg(test)]
    pub(crate) fn are_synonyms(&self, a: u32, b: u32) -> bool {
        b != NONE && self.synonyms(a).binary_search(&b).is_ok()
    }

    /// Number of stems, and of synonym links (each counted in both directions).
    #[cfg(test)]
    pub(crate) fn size(&self) -> (usize, usize) {
        (self.starts.len() - 1, self.synonyms.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(feature = "wordnet")]
    fn general_synonyms_are_linked_both_ways() {
        let wn = WordNet::get();
        let id = |w: &str| wn.id(&text::stem(w));
        assert!(wn.are_synonyms(id("purchase"), id("buy")));
        assert!(wn.are_synonyms(id("buy"), id("purchase")));
        assert!(wn.are_synonyms(id("physician"), id("doctor")));
        assert!(wn.are_synonyms(id("enormous"), id("huge")));
        assert!(wn.are_synonyms(id("reply"), id("answer")));
        assert!(!wn.are_synonyms(id("purchase"), id("volcano")));
        assert!(!wn.are_synonyms(id("doctor"), NONE));
        assert_eq!(wn.synonyms(id("xqzzy")), &[] as &[u32]);
        // Every stem is found again by its binary search: sorted and distinct.
        let (stems, links) = wn.size();
        assert!(stems > 20_000 && links > stems, "{stems} stems, {links} links");
        for i in 0..stems {
            assert_eq!(wn.id(wn.stem(i)), i as u32);
        }
    }

    #[test]
    fn parse_caps_and_skips() {
        let wn = WordNet::parse(
            "big|large|great|huge\nice cream|gelato\nthe|a\nlarge|big\nhuge|enormous",
            2,
        );
        let id = |w: &str| wn.id(&text::stem(w));
        assert!(wn.are_synonyms(id("big"), id("large")));
        assert!(wn.are_synonyms(id("great"), id("big")));
        // Past the cap of two.
        assert!(!wn.are_synonyms(id("big"), id("huge")));
        // Phrases and stop words are not entries.
        assert_eq!(id("gelato"), NONE);
        assert_eq!(id("the"), NONE);
        assert_eq!(wn.size(), (5, 6));
    }
}
