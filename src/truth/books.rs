//! Book listings from online sellers: `source<TAB>isbn<TAB>title<TAB>authors`, and the
//! reference files to score a run against: `isbn13<TAB>authors`.
//!
//! Useful for: the classic truth-discovery benchmark of author lists (many sellers, messy
//! spellings, incomplete lists). Not useful for: titles (read, not judged).

use std::collections::HashMap;
use std::path::Path;

use crate::error::{Error, Result};

use super::algorithms::{Algorithm, Outcome};
use super::dataset::{Dataset, DatasetBuilder};
use super::names::{KnownNames, NameList, PersonName};
use super::value::Value;

/// The attribute under which author lists are recorded.
pub const AUTHORS: &str = "authors";

/// Book listings read into a dataset: one variable per book (object = ISBN-13, attribute
/// [`AUTHORS`]), one claim per distinct author set.
#[derive(Debug)]
pub struct Listings {
    /// The claims.
    pub data: Dataset,
    /// Per variable, the claim stated by the first listing of the book that has a valid author
    /// claim (the "first listing wins" baseline).
    pub first_claim: Vec<usize>,
    /// Per claim, its author list in the order most of its listings write it (ties: the order
    /// seen first); claims are sets, so this is kept apart for display.
    pub display: Vec<String>,
    /// Lines skipped, with why (an ISBN that is neither ISBN-10 nor ISBN-13).
    pub skipped: Vec<(usize, String)>,
    /// Listings read (lines with four fields).
    pub listings: usize,
}

/// Reads a listings file.
pub fn read_listings(path: &Path) -> Result<Listings> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    parse_listings(&path.display().to_string(), &text)
}

/// Parses listings (CRLF or LF line ends); `input` names the text in errors. A line without
/// exactly four tab-separated fields is an error naming its line; a line whose ISBN cannot be
/// read is skipped and recorded in [`Listings::skipped`]; an authors field naming nobody
/// ("Not Available", blank) is no claim. Each authors field is read in the context of the
/// book's other listings ([`NameList::parse_in_context`]): names run together without
/// separators are split into names other listings write apart, and a part naming an
/// organisation keeps the known names in it.
///
/// ```
/// use corroborate::truth::books::parse_listings;
/// let text = "shop1\t0306406152\tSome Title\tKnuth, Donald E.\r\n\
///             shop2\t978-0-306-40615-7\tSome Title\tDonald E. Knuth\r\n\
///             shop3\t0306406152\tSome Title\tNot Available\r\n";
/// let l = parse_listings("books.txt", text).unwrap();
/// assert_eq!((l.data.n_variables(), l.data.n_claims(), l.data.n_sources()), (1, 1, 2));
/// assert_eq!(l.data.variable(0).0, "9780306406157");
/// ```
pub fn parse_listings(input: &str, text: &str) -> Result<Listings> {
    // First pass: check every line, and gather per book the names its listings write apart
    // from one another (see `NameList::parse_in_context`).
    let mut rows: Vec<(&str, String, &str)> = Vec::new();
    let mut known: HashMap<String, Vec<PersonName>> = HashMap::new();
    let mut skipped = Vec::new();
    let mut listings = 0;
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [source, isbn, _title, authors] = fields.as_slice() else {
            return Err(Error::malformed(
                input,
                n,
                format!(
                    "expected 4 tab-separated fields (source, isbn, title, authors), found {}",
                    fields.len()
                ),
            ));
        };
        listings += 1;
        let Some(isbn13) = isbn13(isbn) else {
            skipped.push((n, format!("{isbn:?} is not an ISBN-10 or ISBN-13")));
            continue;
        };
        if source.trim().is_empty() {
            return Err(Error::malformed(input, n, "empty source"));
        }
        // Repeats are kept: how often a name is written tells its usual order.
        known.entry(isbn13.clone()).or_default().extend(NameList::separated_names(authors));
        rows.push((source.trim(), isbn13, authors));
    }
    let context: HashMap<String, KnownNames> =
        known.into_iter().map(|(isbn, names)| (isbn, KnownNames::new(names))).collect();
    let mut builder = DatasetBuilder::new();
    let mut first: HashMap<String, NameList> = HashMap::new();
    // (isbn, set key) -> written orders with their counts, in order first seen.
    let mut orders: HashMap<(String, String), Vec<(String, usize)>> = HashMap::new();
    for (source, isbn13, authors) in rows {
        let Some(names) = NameList::parse_in_context(authors, &context[&isbn13]) else { continue };
        first.entry(isbn13.clone()).or_insert_with(|| names.clone());
        let written = names.to_string();
        let seen = orders.entry((isbn13.clone(), names.key().to_string())).or_default();
        match seen.iter_mut().find(|(o, _)| *o == written) {
            Some((_, n)) => *n += 1,
            None => seen.push((written, 1)),
        }
        builder.add(source, &isbn13, AUTHORS, Value::Names(names));
    }
    let data = builder.build();
    let first_claim = (0..data.n_variables())
        .map(|v| {
            let names = &first[data.variable(v).0];
            data.variable_claims(v)
                .find(|&c| data.value(c).as_names() == Some(names))
                .expect("the first listing's claim is among the book's claims")
        })
        .collect();
    let display = (0..data.n_claims())
        .map(|c| {
            let names = data.value(c).as_names().expect("book claims are name lists");
            let isbn = data.variable(data.claim_variable(c)).0.to_string();
            let seen = &orders[&(isbn, names.key().to_string())];
            // max_by_key keeps the last maximum; reversing keeps the first seen among ties.
            seen.iter().rev().max_by_key(|(_, n)| *n).map(|(o, _)| o.clone()).expect("seen once")
        })
        .collect();
    Ok(Listings { data, first_claim, display, skipped, listings })
}

/// The ISBN-13 of an ISBN-10 or ISBN-13 (hyphens and spaces ignored). The check digit of an
/// ISBN-10 is not verified (sellers' data often has it wrong while the rest is right); the
/// ISBN-13 check digit is computed afresh.
///
/// ```
/// use corroborate::truth::books::isbn13;
/// assert_eq!(isbn13("0-306-40615-2").as_deref(), Some("9780306406157"));
/// assert_eq!(isbn13("097522980X").as_deref(), Some("9780975229804"));
/// assert_eq!(isbn13("9780306406157").as_deref(), Some("9780306406157"));
/// assert_eq!(isbn13("F"), None);
/// ```
pub fn isbn13(raw: &str) -> Option<String> {
    let s: String = raw.chars().filter(|c| !matches!(c, '-' | ' ')).collect();
    let bytes = s.as_bytes();
    match bytes.len() {
        13 if bytes.iter().all(u8::is_ascii_digit) => Some(s),
        10 if bytes[..9].iter().all(u8::is_ascii_digit)
            && (bytes[9].is_ascii_digit() || bytes[9] == b'X' || bytes[9] == b'x') =>
        {
            let body = format!("978{}", &s[..9]);
            let sum: u32 = body
                .bytes()
                .enumerate()
                .map(|(i, b)| u32::from(b - b'0') * if i % 2 == 0 { 1 } else { 3 })
                .sum();
            Some(format!("{body}{}", (10 - sum % 10) % 10))
        }
        _ => None,
    }
}

/// One output line per book: `isbn13<TAB>authors<TAB>confidence`, in order of first appearance,
/// the authors in the order most listings of the winning claim write them.
/// Confidence is the winning claim's belief, as a share of the book's total belief for
/// algorithms whose belief is not already a probability (all but TruthFinder), so it lies in
/// [0, 1] and compares across books.
pub fn answers(
    listings: &Listings,
    outcome: &Outcome,
    algorithm: &Algorithm,
) -> Vec<(String, String, f64)> {
    let data = &listings.data;
    (0..data.n_variables())
        .filter_map(|v| {
            let c = outcome.winner(data, v)?;
            let confidence = match algorithm {
                Algorithm::TruthFinder(_) => outcome.belief[c],
                _ => {
                    let total: f64 = data.variable_claims(v).map(|o| outcome.belief[o]).sum();
                    if total > 0.0 { outcome.belief[c] / total } else { 0.0 }
                }
            };
            Some((
                data.variable(v).0.to_string(),
                listings.display[c].clone(),
                confidence.clamp(0.0, 1.0),
            ))
        })
        .collect()
}

/// A reference: ISBN-13 to the author list, read with the same name normaliser as the listings
/// so that formatting differences ("j.j. smith" and "j j smith") do not count as errors. Lines
/// whose ISBN cannot be read or whose authors name nobody are skipped.
pub fn read_reference(path: &Path) -> Result<HashMap<String, NameList>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    let mut out = HashMap::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        let Some((isbn, authors)) = line.split_once('\t') else {
            return Err(Error::malformed(
                path.display().to_string(),
                i + 1,
                "expected isbn<TAB>authors",
            ));
        };
        // The reference writes names "first middle last" separated by "; ", so each name is
        // read on its own: a comma inside one is not an inversion.
        let names: Vec<_> = authors
            .split(';')
            .filter_map(NameList::parse)
            .flat_map(|n| n.names().to_vec())
            .collect();
        if let (Some(isbn), Some(list)) = (isbn13(isbn), NameList::from_names(names)) {
            out.insert(isbn, list);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrong_field_count_names_the_line() {
        let err = parse_listings("b.txt", "s\t0306406152\tt\tA B\ns\t0306406152\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "b.txt: line 2: expected 4 tab-separated fields (source, isbn, title, authors), found 2"
        );
    }

    #[test]
    fn listings_are_read_in_the_context_of_the_book() {
        // s2 runs the names together, s3 follows each with an affiliation; both read as the
        // list s1 writes, so the book has one claim. Another book's names do not count.
        let text = "s1\t0306406152\tt\tGrey, Ann Marie; Black, Tom Lee\n\
                    s2\t0306406152\tt\tAnn Marie Grey Tom Lee Black\n\
                    s3\t0306406152\tt\tAnn Marie Grey , Hill University Tom Lee Black , Lake Co\n\
                    s4\t0201633612\tt\tSam Park Ann Marie Grey Tom Lee Black\n";
        let l = parse_listings("b.txt", text).unwrap();
        let book = l.data.variable_index("9780306406157", AUTHORS).unwrap();
        assert_eq!(l.data.variable_claims(book).len(), 1);
        let c = l.data.variable_claims(book).start;
        assert_eq!(l.display[c], "ann marie grey; tom lee black");
        assert_eq!(l.data.sources_of(c).len(), 3);
        let other = l.data.variable_index("9780201633610", AUTHORS).unwrap();
        let c = l.data.variable_claims(other).start;
        assert_ne!(l.display[c], "sam park; ann marie grey; tom lee black");
    }

    #[test]
    fn first_listing_and_skips() {
        let text = "s1\t0306406152\tt\t\ns2\t0306406152\tt\tGrey, Ann\ns3\t0306406152\tt\tTom Black\ns4\tnope\tt\tX Y\n";
        let l = parse_listings("b.txt", text).unwrap();
        assert_eq!(l.skipped.len(), 1);
        assert_eq!(l.skipped[0].0, 4);
        assert_eq!(l.data.value(l.first_claim[0]).to_string(), "ann grey");
        assert_eq!(l.listings, 4);
    }

    #[test]
    fn answers_are_probabilities() {
        let text = "s1\t0306406152\tt\tAnn Grey\ns2\t0306406152\tt\tGrey, Ann\ns3\t0306406152\tt\tTom Black\n";
        let l = parse_listings("b.txt", text).unwrap();
        for alg in Algorithm::all() {
            let out = alg.run(&l.data);
            let a = answers(&l, &out, &alg);
            assert_eq!(a.len(), 1);
            assert_eq!(a[0].1, "ann grey", "{}", alg.name());
            assert!((0.0..=1.0).contains(&a[0].2));
        }
    }
}
