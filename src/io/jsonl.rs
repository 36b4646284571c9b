//! JSON Lines: claims and links one JSON object per line, for other engines to hold.
//!
//! Useful for: handing a run's claims and links to DuckDB (`read_json_auto('claims.jsonl')`),
//! Spark (`spark.read.json`), Polars or `jq`, and reading them back, e.g. to align claims that
//! another machine extracted. Not useful for: the report (see [`crate::render`]) or importing
//! claims written by hand or by another tool in a looser shape (see [`crate::io::import`]).
//!
//! A claim line is a [`Claim`] as serde writes it (the same field names as the report's claims,
//! spans included). A link line is [`LinkRecord`]: the two claims by id, their indices in the run,
//! the score and its breakdown. Reading stops at the first bad line with an error naming the
//! input and the 1-based line; blank lines are skipped.

use std::io::{BufRead, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::align::{Contribution, Link};
use crate::error::{Error, Result};
use crate::model::{Claim, ClaimId};

/// A link as written to JSON Lines: self-contained (claim ids, not only run indices).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LinkRecord {
    /// The first claim's id.
    pub a: ClaimId,
    /// The second claim's id.
    pub b: ClaimId,
    /// The first claim's index in the run.
    pub a_index: usize,
    /// The second claim's index in the run.
    pub b_index: usize,
    /// The score in [0, 1].
    pub score: f64,
    /// Each feature's part.
    #[serde(default)]
    pub breakdown: Vec<Contribution>,
}

impl LinkRecord {
    /// The record of `link` between claims of `claims` (the run the link's indices refer to).
    ///
    /// # Panics
    /// When the link's indices are out of range of `claims`.
    pub fn new(link: &Link, claims: &[Claim]) -> LinkRecord {
        LinkRecord {
            a: claims[link.a].id.clone(),
            b: claims[link.b].id.clone(),
            a_index: link.a,
            b_index: link.b,
            score: link.score.value,
            breakdown: link.score.breakdown.clone(),
        }
    }
}

/// Writes `items` to `out`, one JSON object per line.
///
/// # Errors
/// [`Error::Io`] naming `name` when writing fails.
pub fn write<T: Serialize>(out: impl Write, name: &str, items: &[T]) -> Result<()> {
    let mut out = std::io::BufWriter::new(out);
    for item in items {
        // Serialising a model type cannot fail (no maps with non-string keys, no non-finite
        // floats are produced by the pipeline); a NaN from elsewhere becomes `null`.
        serde_json::to_writer(&mut out, item)
            .map_err(|e| Error::io(name, std::io::Error::other(e)))?;
        out.write_all(b"\n").map_err(|e| Error::io(name, e))?;
    }
    out.flush().map_err(|e| Error::io(name, e))
}

/// Reads one JSON object per line from `input` (blank lines skipped). `name` (a file path or a
/// stream name) is what errors report.
///
/// # Errors
/// [`Error::Malformed`] naming `name` and the 1-based line of the first line that is not a valid
/// record; [`Error::Io`] when reading fails (including invalid UTF-8).
pub fn read<T: for<'de> Deserialize<'de>>(input: impl BufRead, name: &str) -> Result<Vec<T>> {
    let mut out = Vec::new();
    for (n, line) in input.lines().enumerate() {
        let line = line.map_err(|e| Error::io(name, e))?;
        if line.trim().is_empty() {
            continue;
        }
        let item = serde_json::from_str(&line)
            .map_err(|e| Error::malformed(name, n + 1, e.to_string()))?;
        out.push(item);
    }
    Ok(out)
}

/// Writes claims to a JSON Lines file.
///
/// # Errors
/// [`Error::Io`] naming the file.
pub fn write_claims(path: impl AsRef<Path>, claims: &[Claim]) -> Result<()> {
    let path = path.as_ref();
    let file = std::fs::File::create(path).map_err(|e| Error::io(path, e))?;
    write(file, &path.display().to_string(), claims)
}

/// Reads claims from a JSON Lines file.
///
/// # Errors
/// [`Error::Io`] naming the file, or [`Error::Malformed`] naming the file and the line.
pub fn read_claims(path: impl AsRef<Path>) -> Result<Vec<Claim>> {
    let path = path.as_ref();
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    read(std::io::BufReader::new(file), &path.display().to_string())
}

/// Writes the links of a run (with the run's claims, for their ids) to a JSON Lines file.
///
/// # Errors
/// [`Error::Io`] naming the file.
///
/// # Panics
/// When a link's indices are out of range of `claims`.
pub fn write_links(path: impl AsRef<Path>, links: &[Link], claims: &[Claim]) -> Result<()> {
    let path = path.as_ref();
    let records: Vec<LinkRecord> = links.iter().map(|l| LinkRecord::new(l, claims)).collect();
    let file = std::fs::File::create(path).map_err(|e| Error::io(path, e))?;
    write(file, &path.display().to_string(), &records)
}

/// Reads links from a JSON Lines file.
///
/// # Errors
/// [`Error::Io`] naming the file, or [`Error::Malformed`] naming the file and the line.
pub fn read_links(path: impl AsRef<Path>) -> Result<Vec<LinkRecord>> {
    let path = path.as_ref();
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    read(std::io::BufReader::new(file), &path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::Score;
    use crate::model::SourceId;

    fn claims() -> Vec<Claim> {
        let mut a = Claim::new(SourceId::new("a"), 0, 10, "Rome will host the talks on Monday.");
        a.terms = crate::text::content_terms(&a.text);
        let b = Claim::new(SourceId::new("b"), 3, 0, "Talks \"in Rome\" — Monday.");
        vec![a, b]
    }

    #[test]
    fn claims_round_trip() {
        let claims = claims();
        let mut buf = Vec::new();
        write(&mut buf, "mem", &claims).unwrap();
        let text = String::from_utf8(buf.clone()).unwrap();
        assert_eq!(text.lines().count(), 2);
        assert!(text.lines().next().unwrap().contains("\"id\":\"a:0\""));
        let back: Vec<Claim> = read(&buf[..], "mem").unwrap();
        assert_eq!(back, claims);
    }

    #[test]
    fn links_round_trip_with_ids() {
        let claims = claims();
        let link = Link { a: 0, b: 1, score: Score { value: 0.75, breakdown: Vec::new() } };
        let record = LinkRecord::new(&link, &claims);
        assert_eq!(record.b.to_string(), "b:3");
        let mut buf = Vec::new();
        write(&mut buf, "mem", std::slice::from_ref(&record)).unwrap();
        let back: Vec<LinkRecord> = read(&buf[..], "mem").unwrap();
        assert_eq!(back, vec![record]);
    }

    #[test]
    fn bad_line_is_named() {
        let input =
            "{\"a\":\"x:0\",\"b\":\"y:1\",\"a_index\":0,\"b_index\":1,\"score\":0.5}\n\n{oops}\n";
        let err = read::<LinkRecord>(input.as_bytes(), "links.jsonl").unwrap_err();
        assert!(err.to_string().starts_with("links.jsonl: line 3: "), "{err}");
        let err = read::<Claim>("{\"text\": 3}".as_bytes(), "c.jsonl").unwrap_err();
        assert!(err.to_string().starts_with("c.jsonl: line 1: "), "{err}");
    }

    #[test]
    fn missing_file_names_the_path() {
        let err = read_claims("/no/such/dir/claims.jsonl").unwrap_err();
        assert!(err.to_string().starts_with("/no/such/dir/claims.jsonl: "), "{err}");
    }
}
