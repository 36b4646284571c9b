//! Copies: "here are the sources of a run, gimme the ones that copy another's text".
//!
//! Wire copy, syndication and press releases put one text under many mastheads. Two outlets that
//! print one agency story are one witness, not two: a fact they alone carry is not corroborated.
//! [`find_copies`] finds such sources from the long word sequences they share: each source's claims
//! are read as one sequence of lowercased words, cut into overlapping runs of [`SHINGLE_WORDS`]
//! words; two sources are copies when most of the shorter one's runs
//! ([`COPY_CONTAINMENT`]) are in the longer. Independently written reports of one event share
//! names and short phrases, and a quotation or two, but hardly any eight-word run beyond those.
//! Copies group transitively (A copies B, B copies C); in each group the first source added is the
//! original the others are `copy_of`.
//!
//! **Complexity**: linear in the words of the run to shingle; pairs are counted through the
//! postings of each shingle, skipping shingles held by more than [`MAX_HOLDERS`] sources (a
//! boilerplate line every page of a site carries says nothing of who copied whom).

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use crate::model::{Claim, SourceId};

/// Words in one shingle.
pub const SHINGLE_WORDS: usize = 8;

/// The share of the shorter source's shingles that must be in the longer for a copy.
pub const COPY_CONTAINMENT: f64 = 0.5;

/// A source with fewer shingles than this is never called a copy (a headline alone is too short
/// to tell copying from two outlets writing the same plain sentence).
pub const MIN_SHINGLES: usize = 3;

/// Shingles held by more sources than this are not counted.
pub const MAX_HOLDERS: usize = 64;

/// For each of `sources` (by index), the index of the source whose text it copies, or `None`.
pub fn find_copies(sources: &[SourceId], claims: &[Claim]) -> Vec<Option<usize>> {
    let shingles: Vec<Vec<u64>> = crate::model::claims_by_source(sources, claims)
        .iter()
        .map(|list| {
            let mut words: Vec<String> = Vec::new();
            for c in list.iter() {
                words.extend(crate::text::words(&c.text).map(|w| crate::text::plain_lower(w.text)));
            }
            let mut set: Vec<u64> = words.windows(SHINGLE_WORDS).map(hash_of).collect();
            set.sort_unstable();
            set.dedup();
            set
        })
        .collect();
    let mut postings: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, set) in shingles.iter().enumerate() {
        for &h in set {
            postings.entry(h).or_default().push(i);
        }
    }
    let mut shared: HashMap<(usize, usize), usize> = HashMap::new();
    for holders in postings.values() {
        if holders.len() < 2 || holders.len() > MAX_HOLDERS {
            continue;
        }
        for (x, &a) in holders.iter().enumerate() {
            for &b in &holders[x + 1..] {
                *shared.entry((a, b)).or_default() += 1;
            }
        }
    }
    // Union-find over copy pairs; each group's root is its first source.
    let mut parent: Vec<usize> = (0..sources.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut pairs: Vec<((usize, usize), usize)> = shared.into_iter().collect();
    pairs.sort_unstable();
    for ((a, b), n) in pairs {
        let smaller = shingles[a].len().min(shingles[b].len());
        if smaller >= MIN_SHINGLES && n as f64 >= COPY_CONTAINMENT * smaller as f64 {
            let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
            if ra != rb {
                let (lo, hi) = (ra.min(rb), ra.max(rb));
                parent[hi] = lo;
            }
        }
    }
    (0..sources.len())
        .map(|i| {
            let r = root(&mut parent, i);
            (r != i).then_some(r)
        })
        .collect()
}

fn hash_of(words: &[String]) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    words.hash(&mut h);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(source: &str, text: &str) -> Vec<Claim> {
        text.split('\n')
            .enumerate()
            .map(|(i, t)| Claim::new(SourceId::new(source), i, i * 1000, t))
            .collect()
    }

    const WIRE: &str = "Dock workers in Varnhold walked off the job on Tuesday after talks with the port authority collapsed.\n\
        The union said 2,400 workers joined the strike, which halted 40 container ships in the outer harbour.\n\
        Mayor Ilse Brandt met the union leaders at the town hall on Wednesday evening.";

    #[test]
    fn a_near_verbatim_copy_is_a_copy_and_an_independent_report_is_not() {
        // The copy drops a sentence, adds a line of its own and changes a word.
        let copy = "Dock workers in Varnhold walked off the job on Tuesday after talks with the port authority collapsed.\n\
            The union said 2,400 workers joined the strike, which halted 40 container ships in the outer harbour.\n\
            Follow our live coverage for updates.";
        let own = "Varnhold's dockers went on strike on Tuesday when negotiations with the port broke down.\n\
            About 2,400 of them stopped work, the union said, and 40 ships were stuck outside the harbour.\n\
            The mayor is due to meet union leaders.";
        let sources = [SourceId::new("wire"), SourceId::new("copy"), SourceId::new("own")];
        let mut all = claims("wire", WIRE);
        all.extend(claims("copy", copy));
        all.extend(claims("own", own));
        assert_eq!(find_copies(&sources, &all), vec![None, Some(0), None]);
    }

    #[test]
    fn the_first_source_added_is_the_original_and_copies_group_transitively() {
        let sources = [SourceId::new("z"), SourceId::new("a"), SourceId::new("m")];
        let mut all = claims("z", WIRE);
        all.extend(claims("a", WIRE));
        all.extend(claims("m", WIRE));
        assert_eq!(find_copies(&sources, &all), vec![None, Some(0), Some(0)]);
    }

    #[test]
    fn short_texts_are_never_copies() {
        let sources = [SourceId::new("a"), SourceId::new("b")];
        let mut all = claims("a", "The bridge reopened on Friday.");
        all.extend(claims("b", "The bridge reopened on Friday."));
        assert_eq!(find_copies(&sources, &all), vec![None, None]);
    }
}
