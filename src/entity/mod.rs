//! Entities: finding names in sentences and resolving their spellings to one canonical entity
//! across all sources of a run.
//!
//! Useful for: the `entities` of each claim, speakers of attributions and quotes, and any caller
//! that wants "Zelenskiy" and "Ukrainian President Volodymyr Zelensky" to be one entity.
//! Not useful for: entity linking to a knowledge base (the gazetteer holds only general news
//! knowledge: countries, capitals, demonyms, major international bodies, seats of government).
//!
//! Three steps, each usable on its own:
//! 1. [`find_mentions`] reads one claim's text: capitalised-word runs (with name particles such as
//!    "von der" and "al-"), acronyms, and gazetteer names. Title words ("Ukrainian President",
//!    "Kremlin spokesperson", "former Swedish prime minister") are stripped from a person's name but
//!    kept in the surface. Hyphenated pairs ("U.S.-Russia", "Trump-Putin") are two entities;
//!    possessives ("Putin's", "Moscow’s") are dropped from the span.
//! 2. [`resolve`] (or [`resolve_with`] and user [`Aliases`]) gives every mention of a run one
//!    canonical name, across sources, independent of the order of the claims.
//! 3. [`resolve_references`] reads one source in text order and resolves attribution and quote
//!    speakers ("he", "the Russian leader") to a named person where the text makes it clear. A
//!    role description anywhere in a claim ("the Russian leader called the talks useful") becomes
//!    a mention of that person, and a clause that continues a report without a subject of its own
//!    ("…, and suggested Russia was ready to talk") is attributed to the subject of the clause
//!    before it.

mod lexicon;
mod references;
mod resolve;

use std::borrow::Cow;

use crate::model::{Entity, EntityKind};
use lexicon::{GzKind, gazetteer};

pub use references::resolve_references;
pub(crate) use resolve::RunNames;
pub use resolve::{Aliases, resolve, resolve_with};

/// The named-entity mentions in `sentence`, spans offset by `base`, in text order.
///
/// Each mention's `canonical` is provisional (its own cleaned form without titles, or the
/// gazetteer's name: "U.S." → "United States") until [`resolve`] runs over the whole run.
/// Spans fall on char boundaries of `sentence` (shifted by `base`) and never overlap.
///
/// # Complexity
/// Linear in the length of `sentence`: one tokenising pass, one Aho-Corasick pass over the
/// gazetteer, and constant-time word-list lookups.
///
/// # Examples
/// ```
/// use corroborate::entity::find_mentions;
/// use corroborate::model::EntityKind;
///
/// let found = find_mentions("Chilean President Ana Ruiz met EU leaders in Brussels.", 100);
/// let names: Vec<&str> = found.iter().map(|e| e.canonical.as_str()).collect();
/// assert_eq!(names, ["Ana Ruiz", "European Union", "Brussels"]);
/// assert_eq!(found[0].surface, "Chilean President Ana Ruiz");
/// assert_eq!(found[0].kind, EntityKind::Person);
/// assert_eq!(found[0].start, 100);
/// ```
pub fn find_mentions(sentence: &str, base: usize) -> Vec<Entity> {
    Finder::new(sentence).run(base)
}

/// What separates a token from the one before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gap {
    /// Spaces or tabs only.
    Space,
    /// Exactly one hyphen or dash-like hyphen.
    Hyphen,
    /// Anything else: punctuation, a line break, the start of the text.
    Other,
}

/// A word of the sentence: letters and digits with internal apostrophes and dots, an
/// abbreviation's final dot; a possessive `'s` is outside `end`.
#[derive(Clone, Copy, Debug)]
struct Tok<'a> {
    start: usize,
    end: usize,
    /// End including a possessive ending.
    full_end: usize,
    text: &'a str,
    poss: bool,
    gap: Gap,
}

impl Tok<'_> {
    fn is_cap(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
            && !self.text.chars().any(|c| c.is_ascii_digit())
    }

    fn is_all_caps(&self) -> bool {
        let mut letters = 0;
        for c in self.text.chars() {
            if c.is_alphabetic() {
                if !c.is_uppercase() {
                    return false;
                }
                letters += 1;
            }
        }
        letters >= 2
    }
}

/// Abbreviations whose final dot belongs to the word, not the sentence.
fn is_abbreviation(lower: &str) -> bool {
    matches!(
        lower,
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "gen"
            | "sen"
            | "rep"
            | "lt"
            | "col"
            | "gov"
            | "st"
            | "jr"
            | "sr"
            | "adm"
            | "maj"
            | "capt"
            | "prof"
            | "rev"
            | "corp"
            | "inc"
            | "ltd"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Cuts `s` into [`Tok`]s.
fn tokenize(s: &str) -> Vec<Tok<'_>> {
    let mut toks: Vec<Tok<'_>> = Vec::new();
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    let mut prev_end = 0;
    while i < chars.len() {
        if !chars[i].1.is_alphanumeric() {
            i += 1;
            continue;
        }
        let start = chars[i].0;
        let mut j = i + 1;
        while j < chars.len() {
            let c = chars[j].1;
            if c.is_alphanumeric() {
                j += 1;
            } else if (c == '.' || is_apostrophe(c))
                && chars.get(j + 1).is_some_and(|&(_, n)| n.is_alphanumeric())
            {
                j += 2;
            } else {
                break;
            }
        }
        let mut end = chars.get(j).map_or(s.len(), |&(o, _)| o);
        // An abbreviation keeps its dot: "U.S.", "Mr.", an initial "F.".
        if chars.get(j).is_some_and(|&(_, c)| c == '.') {
            let word = &s[start..end];
            let letters_and_dots = word.split('.').all(|seg| {
                let mut cs = seg.chars();
                cs.next().is_some_and(char::is_uppercase) && cs.next().is_none()
            });
            if letters_and_dots || is_abbreviation(&word.to_lowercase()) {
                end += 1;
                j += 1;
            }
        }
        let full = &s[start..end];
        let (core_end, poss) = if let Some(stem) =
            full.strip_suffix("'s").or_else(|| full.strip_suffix("\u{2019}s"))
        {
            if stem.is_empty() { (end, false) } else { (start + stem.len(), true) }
        } else {
            (end, false)
        };
        let between = &s[prev_end..start];
        let gap = if toks.is_empty() {
            Gap::Other
        } else if between.chars().all(|c| c == ' ' || c == '\t' || c == '\u{a0}') {
            Gap::Space
        } else if between.chars().count() == 1 && between.chars().all(is_hyphen) {
            Gap::Hyphen
        } else {
            Gap::Other
        };
        toks.push(Tok {
            start,
            end: core_end,
            full_end: end,
            text: &s[start..core_end],
            poss,
            gap,
        });
        prev_end = end;
        i = j;
    }
    toks
}

/// One pass of [`find_mentions`] over a sentence.
struct Finder<'a> {
    s: &'a str,
    toks: Vec<Tok<'a>>,
    /// Lowercase plain forms; borrowed when the word already is one (most words are).
    lower: Vec<Cow<'a, str>>,
    /// Gazetteer match starting at a token: entry and last token.
    gz_at: Vec<Option<(usize, usize)>>,
    /// The token is (part of) a demonym.
    demonym: Vec<bool>,
    /// The token is joined to the one before by a hyphen inside one name ("Jean-Pierre").
    joined: Vec<bool>,
    /// The token belongs to a hyphenated group with a number ("F-16"): never a name.
    numeric_group: Vec<bool>,
}

impl<'a> Finder<'a> {
    fn new(s: &'a str) -> Finder<'a> {
        let toks = tokenize(s);
        let n = toks.len();
        let lower = toks
            .iter()
            .map(|t| {
                if t.text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.')
                {
                    Cow::Borrowed(t.text)
                } else {
                    Cow::Owned(crate::text::plain_lower(t.text))
                }
            })
            .collect();
        let mut f = Finder {
            s,
            toks,
            lower,
            gz_at: vec![None; n],
            demonym: vec![false; n],
            joined: vec![false; n],
            numeric_group: vec![false; n],
        };
        f.match_gazetteer();
        f.group_hyphens();
        f
    }

    fn match_gazetteer(&mut self) {
        let gz = gazetteer();
        for m in gz.automaton.find_iter(self.s) {
            let Ok(first) = self.toks.binary_search_by_key(&m.start(), |t| t.start) else {
                continue;
            };
            let Some(last) =
                (first..self.toks.len().min(first + 10)).find(|&k| self.toks[k].end == m.end())
            else {
                continue;
            };
            // A gazetteer name does not run on through a hyphen into a longer word ("EU-wide"
            // is fine, "UN" inside "UN-Habitat" is a different body but still the UN's).
            let entry = gz.pattern_entry[m.pattern().as_usize()];
            if gz.entries[entry].kind == GzKind::Demonym {
                for d in &mut self.demonym[first..=last] {
                    *d = true;
                }
            } else {
                self.gz_at[first] = Some((entry, last));
            }
        }
    }

    /// Decides, for each chain of hyphen-joined tokens, whether it is one name ("Jean-Pierre",
    /// "al-Assad") or several ("U.S.-Russia", "Trump-Putin", "Kremlin-backed").
    fn group_hyphens(&mut self) {
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            let mut j = i;
            while j + 1 < n && self.toks[j + 1].gap == Gap::Hyphen && !self.toks[j].poss {
                j += 1;
            }
            if j > i {
                let parts = i..=j;
                let numeric =
                    parts.clone().any(|k| self.toks[k].text.bytes().any(|b| b.is_ascii_digit()));
                let known = parts.clone().any(|k| self.gz_covered(k) || self.demonym[k]);
                let all_name = parts.clone().all(|k| {
                    self.toks[k].is_cap() || (lexicon::is_connector(&self.lower[k]) && k < j)
                });
                let next_is_name =
                    self.toks.get(j + 1).is_some_and(|t| t.gap == Gap::Space && t.is_cap());
                let one_name = !numeric
                    && !known
                    && all_name
                    && (next_is_name
                        || parts.clone().any(|k| lexicon::is_connector(&self.lower[k])));
                for k in parts {
                    self.numeric_group[k] = numeric;
                    self.joined[k] = one_name && k > i;
                }
            }
            i = j + 1;
        }
    }

    fn gz_covered(&self, k: usize) -> bool {
        (0..=k).rev().take(10).any(|s| self.gz_at[s].is_some_and(|(_, last)| last >= k))
    }

    /// Whether the text is a headline or heading in title case ("Storm Hits Coast As Leaders
    /// Gather"): at least four capitalised words and no lowercase word but function words. There
    /// capitalisation says nothing about names, so only gazetteer names are read.
    fn is_title_case(&self) -> bool {
        let mut caps = 0;
        for (k, t) in self.toks.iter().enumerate() {
            if !t.text.chars().all(char::is_alphabetic) {
                continue;
            }
            if t.is_cap() {
                caps += usize::from(!self.gz_covered(k));
            } else if t.text.len() >= 3 && !lexicon::is_stop_word(&self.lower[k]) {
                return false;
            }
        }
        caps >= 4
    }

    fn name_like(&self, k: usize) -> bool {
        let t = &self.toks[k];
        t.is_cap() && !self.numeric_group[k] && !lexicon::is_calendar(&self.lower[k])
    }

    fn starts_run(&self, k: usize) -> bool {
        self.name_like(k)
            || (lexicon::is_connector(&self.lower[k])
                && self.toks.get(k + 1).is_some_and(|_| self.joined[k + 1])
                && self.name_like(k + 1))
    }

    /// Whether token `k` continues the run that token `k - 1` is in.
    fn continues(&self, k: usize) -> bool {
        let (prev, t) = (&self.toks[k - 1], &self.toks[k]);
        if prev.poss || self.gz_at[k].is_some() {
            return false;
        }
        match t.gap {
            Gap::Space => {}
            Gap::Hyphen if self.joined[k] => return true,
            _ => return false,
        }
        let lower = &self.lower[k];
        if lexicon::is_roman(t.text) && t.text != "I" && prev.is_cap() {
            return true;
        }
        if self.name_like(k) {
            return !lexicon::is_stop_word(lower) || self.demonym[k];
        }
        // After a particle, more particles may follow ("van der"), then a name.
        let next_is_name = |k: usize| {
            let mut m = k + 1;
            while m < self.toks.len()
                && self.toks[m].gap != Gap::Other
                && lexicon::is_connector(&self.lower[m])
                && m < k + 3
            {
                m += 1;
            }
            self.toks.get(m).is_some_and(|n| n.gap != Gap::Other) && self.name_like(m)
        };
        if lexicon::is_connector(lower) {
            return next_is_name(k);
        }
        lower == "of" && is_of_head(&self.lower[k - 1]) && next_is_name(k)
    }

    fn run(self, base: usize) -> Vec<Entity> {
        let gz = gazetteer();
        let headline = self.is_title_case();
        let mut out = Vec::new();
        // Tokens before this index belong to an emitted mention: a title never reaches back
        // over them.
        let mut used = 0;
        let mut k = 0;
        let n = self.toks.len();
        while k < n {
            if let Some((entry, last)) = self.gz_at[k] {
                let e = &gz.entries[entry];
                out.push(Entity {
                    canonical: e.canonical.clone(),
                    surface: self.s[self.toks[k].start..self.toks[last].end].to_string(),
                    start: base + self.toks[k].start,
                    end: base + self.toks[last].end,
                    kind: e.entity_kind(),
                });
                k = last + 1;
                used = k;
                continue;
            }
            if !self.starts_run(k) {
                k += 1;
                continue;
            }
            let mut j = k;
            while j + 1 < n && self.continues(j + 1) {
                j += 1;
            }
            if !headline && let Some(e) = self.mention(k, j, used, base) {
                out.push(e);
                used = j + 1;
            }
            k = j + 1;
        }
        out
    }

    /// The mention a run of tokens `a..=b` makes, if any.
    fn mention(&self, a: usize, b: usize, used: usize, base: usize) -> Option<Entity> {
        let mut a = a;
        let initial = self.sentence_initial(a);
        // Leading common words ("The", "However", "Following") are dropped, but titles stay.
        let mut p = a;
        let mut core = false;
        while p <= b {
            let l = self.lower[p].as_ref();
            // A nationality the gazetteer lacks still reads as one right before a core title:
            // "Bhutanese Foreign Minister …".
            let nationality = || {
                p < b
                    && self.toks[p].is_cap()
                    && ["an", "ese", "ish", "ic", "i"].iter().any(|e| l.ends_with(e))
                    && self.lower.get(p + 1).is_some_and(|n| {
                        lexicon::is_title(n)
                            && (!lexicon::is_title_modifier(n)
                                || self.lower.get(p + 2).is_some_and(|m| lexicon::is_title(m)))
                    })
            };
            let title_like =
                lexicon::is_title(l) || self.demonym[p] || (l == "of" && p > a) || nationality();
            if title_like {
                core |= lexicon::is_title(l) && !lexicon::is_title_modifier(l);
                p += 1;
            } else if p == a
                && (lexicon::is_common(l)
                    || lexicon::is_calendar(l)
                    || (initial && p == a && is_inflected(l)))
            {
                a += 1;
                p += 1;
            } else {
                break;
            }
        }
        // Without a core title, only demonyms and "former" come off ("Russian" is a title word,
        // "General" of "General Motors" is not).
        let mut name_start = p;
        if !core {
            name_start = a;
            while name_start <= b
                && (self.demonym[name_start] || self.lower[name_start] == "former")
            {
                name_start += 1;
            }
        }
        let mut name_end = b;
        while name_end >= name_start && lexicon::is_connector(&self.lower[name_end]) {
            if name_end == 0 {
                return None;
            }
            name_end -= 1;
        }
        if name_start > name_end {
            return None;
        }
        if (name_start..=name_end).all(|k| self.demonym[k]) {
            return None;
        }
        // A lone letter ("X.", "B") is an initial or a label, not a name we can resolve.
        if name_start == name_end
            && self.toks[name_start].text.trim_end_matches('.').chars().count() < 2
        {
            return None;
        }
        let last_lower = self.lower[name_end].as_ref();
        let org = !core && lexicon::is_org_suffix(last_lower);
        if org {
            // "Russian Defence Ministry": the demonym is part of an organisation's name.
            name_start = a;
        }
        if name_start == name_end && !org && !core {
            let l = self.lower[name_start].as_ref();
            // A lone title word ("General" of "Secretary-General") names nobody.
            if lexicon::is_common(l)
                || lexicon::is_title(l)
                || (initial && name_start == a && is_plural_noun(l))
            {
                return None;
            }
            // "The Valdorian delegation": a nationality adjective the gazetteer lacks.
            if is_adjectival(l)
                && self.toks.get(name_start + 1).is_some_and(|t| {
                    let next = self.lower[name_start + 1].as_ref();
                    t.gap == Gap::Space
                        && !t.is_cap()
                        && !lexicon::is_stop_word(next)
                        && !lexicon::is_speech_verb(next)
                })
            {
                return None;
            }
        }
        let mut surface_start = if core { a } else { name_start };
        let mut titled = core;
        if !org {
            // Lowercase titles before the name: "Kremlin spokesperson Dmitry Peskov", "former
            // Swedish prime minister Carl Bildt".
            let mut s = surface_start;
            let mut ext_core = false;
            while s > used && self.toks[s].gap == Gap::Space && !self.toks[s - 1].poss {
                let l = self.lower[s - 1].as_ref();
                if lexicon::is_title(l) || self.demonym[s - 1] {
                    ext_core |= lexicon::is_title(l) && !lexicon::is_title_modifier(l);
                    s -= 1;
                } else {
                    break;
                }
            }
            if ext_core {
                surface_start = s;
                titled = true;
            }
        }
        let kind = if titled {
            EntityKind::Person
        } else if org
            || (name_start == name_end
                && self.toks[name_start].is_all_caps()
                && !lexicon::is_roman(self.toks[name_start].text))
        {
            EntityKind::Organization
        } else if lexicon::is_place_word(last_lower) && name_end > name_start
            || self.followed_by(name_end, lexicon::is_place_word)
            || self.before_plural_place(name_end)
        {
            EntityKind::Place
        } else if (name_end > name_start && self.followed_by(name_end, lexicon::is_speech_verb))
            || self.appositive_title(name_end)
        {
            EntityKind::Person
        } else {
            EntityKind::Other
        };
        let mut canonical = String::new();
        for k in name_start..=name_end {
            if k > name_start {
                canonical.push(if self.joined[k] { '-' } else { ' ' });
            }
            canonical.extend(self.toks[k].text.chars().map(crate::text::plain_char));
        }
        let (start, end) = (self.toks[surface_start].start, self.toks[name_end].end);
        Some(Entity {
            canonical,
            surface: self.s[start..end].to_string(),
            start: base + start,
            end: base + end,
            kind,
        })
    }

    /// Whether token `k` opens the sentence, a quotation or a clause after a colon.
    fn sentence_initial(&self, k: usize) -> bool {
        if k == 0 {
            return true;
        }
        let between = &self.s[self.toks[k - 1].full_end..self.toks[k].start];
        between.chars().any(|c| {
            matches!(crate::text::plain_char(c), '"' | '\'' | ':' | '(' | '.' | '!' | '?' | ';')
        })
    }

    /// Whether the word after token `k` (space-separated, lowercase) satisfies `pred`.
    fn followed_by(&self, k: usize, pred: fn(&str) -> bool) -> bool {
        self.toks.get(k + 1).is_some_and(|t| t.gap == Gap::Space && !t.is_cap())
            && pred(&self.lower[k + 1])
    }

    /// "Varna and Tulsk regions": a name, "and", a name, then a plural place word.
    fn before_plural_place(&self, k: usize) -> bool {
        let n = self.toks.len();
        if k + 3 >= n || !matches!(self.lower[k + 1].as_ref(), "and" | "or") {
            return false;
        }
        let mut m = k + 2;
        while m < n && self.toks[m].gap == Gap::Space && self.name_like(m) && m < k + 5 {
            m += 1;
        }
        m > k + 2
            && m < n
            && self.toks[m].gap == Gap::Space
            && self.lower[m].ends_with('s')
            && lexicon::is_place_word(&self.lower[m])
    }

    /// "Carl Smith, the former Swedish prime minister": a comma, an article, then title words.
    fn appositive_title(&self, k: usize) -> bool {
        let Some(next) = self.toks.get(k + 1) else { return false };
        let between = &self.s[self.toks[k].full_end..next.start];
        if between.trim() != "," || !matches!(self.lower[k + 1].as_ref(), "the" | "a" | "an") {
            return false;
        }
        for j in k + 2..self.toks.len().min(k + 8) {
            let l = self.lower[j].as_ref();
            if lexicon::is_title(l) && !lexicon::is_title_modifier(l) {
                return true;
            }
            if !(lexicon::is_title(l) || self.demonym[j] || self.gz_at[j].is_some()) {
                return false;
            }
        }
        false
    }
}

/// Words that take an "of" inside a name: "Bank of England", "Secretary of State".
fn is_of_head(lower: &str) -> bool {
    matches!(
        lower,
        "bank"
            | "ministry"
            | "university"
            | "department"
            | "republic"
            | "kingdom"
            | "house"
            | "council"
            | "court"
            | "church"
            | "secretary"
            | "institute"
            | "museum"
            | "chamber"
            | "federation"
            | "union"
            | "league"
            | "office"
            | "minister"
            | "duke"
            | "prince"
            | "princess"
            | "archbishop"
    )
}

/// Plural common nouns by their endings ("Negotiators", "Delegations", "Residents"): as the
/// lone capitalised word opening a sentence they are not names. Endings common in surnames
/// ("-ers": Sanders, Rogers) are left out.
fn is_plural_noun(lower: &str) -> bool {
    lower.chars().count() > 5
        && [
            "ors", "ions", "ists", "ents", "ants", "ives", "ities", "ials", "ages", "ances",
            "ences", "ments", "ships", "ees", "ians",
        ]
        .iter()
        .any(|e| lower.ends_with(e))
}

/// Nationality-adjective endings ("Bhutanese", "Eritrean", "Valdorian").
fn is_adjectival(lower: &str) -> bool {
    lower.chars().count() >= 6 && ["ian", "ean", "ese", "ish"].iter().any(|e| lower.ends_with(e))
}

/// Sentence-opening words shaped like participles and adverbs ("Speaking", "Separately",
/// "Asked"): at the start of a sentence they are almost never names.
fn is_inflected(lower: &str) -> bool {
    lower.chars().count() > 5
        && (lower.ends_with("ing") || lower.ends_with("ly") || lower.ends_with("ed"))
}

#[cfg(test)]
mod tests;
