//! Claims from elsewhere: "here are claims another tool extracted, gimme them in the shared model".
//!
//! Useful for: checking what a language model or a person extracted against what the articles say,
//! by loading their claims as one more source. Not useful for: article text (that is
//! [`crate::extract`]).
//!
//! # Format
//! A JSON array of claim records, or JSON Lines with one record per line (blank lines allowed). A
//! record needs only `"text"`; every other field of [`Claim`] may be given, and what is not given is
//! filled by the same annotators extraction uses, from the text:
//!
//! ```json
//! {"text": "The port reopened on Friday.",
//!  "entities": ["Port of Valdor"],                   // names, or full entity objects
//!  "quantities": [{"value": 40, "unit": "ship"}],
//!  "modality": "hedged", "polarity": "affirmed",
//!  "attribution": "Ana Lind",                         // a name, or a full attribution object
//!  "start": 0, "end": 28}
//! ```
//!
//! `start` and `end`, when absent, are offsets into the records' texts joined by newlines, so spans
//! stay distinct and ordered. The source id is the file stem (or the id given); claim ids are
//! `{source}:{n}` in record order, whatever the records say.

use std::path::Path;

use serde::Deserialize;
use serde_json::Value;

use crate::error::{Error, Result};
use crate::extract::claim_from_sentence;
use crate::model::file_stem;
use crate::model::{
    Attribution, Claim, ClaimId, Entity, EntityKind, Modality, Polarity, Quantity, Quote, SourceId,
    TimeExpr,
};

/// Loads the claims of a JSON or JSON Lines file as one source, whose id is the file stem.
///
/// # Errors
/// [`Error::Io`] when the file cannot be read; [`Error::Malformed`] naming the file and line of the
/// first bad record; [`Error::InvalidUtf8`]; [`Error::EmptySource`] when it holds no record.
pub fn claims_from_file(path: impl AsRef<Path>) -> Result<(SourceId, Vec<Claim>)> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let id = file_stem(path);
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let offset = err.utf8_error().valid_up_to();
            return Err(Error::InvalidUtf8 {
                source_id: path.display().to_string(),
                position: crate::error::Position::locate(err.as_bytes(), offset),
            });
        }
    };
    let claims = claims_from_json(&id, &path.display().to_string(), &text)?;
    Ok((id, claims))
}

/// Parses claim records (a JSON array or JSON Lines) as the claims of source `id`. `input_name`
/// names the input in errors (a file path, say).
///
/// # Errors
/// [`Error::Malformed`] naming `input_name` and the line of the first bad record;
/// [`Error::EmptySource`] when there is no record.
///
/// # Examples
/// ```
/// use corroborate::{Modality, SourceId, io::import::claims_from_json};
///
/// let jsonl = r#"{"text": "Rome will host the talks."}
/// {"text": "The talks may start in May.", "modality": "hedged"}"#;
/// let claims = claims_from_json(&SourceId::new("llm"), "llm.jsonl", jsonl).unwrap();
/// assert_eq!(claims[1].id.to_string(), "llm:1");
/// assert_eq!(claims[1].modality, Modality::Hedged);
///
/// let err = claims_from_json(&SourceId::new("llm"), "llm.jsonl", "{\"text\": 3}").unwrap_err();
/// assert!(err.to_string().starts_with("llm.jsonl: line 1: "));
/// ```
pub fn claims_from_json(id: &SourceId, input_name: &str, json: &str) -> Result<Vec<Claim>> {
    let records: Vec<(usize, Record)> = if json.trim_start().starts_with('[') {
        let values: Vec<Value> = serde_json::from_str(json)
            .map_err(|e| Error::malformed(input_name, e.line(), e.to_string()))?;
        // Records of an array are numbered by the line their object starts on.
        let mut out = Vec::with_capacity(values.len());
        for (n, value) in values.into_iter().enumerate() {
            let record: Record = serde_json::from_value(value)
                .map_err(|e| Error::malformed(input_name, 0, format!("record {}: {e}", n + 1)))?;
            out.push((n + 1, record));
        }
        out
    } else {
        let mut out = Vec::new();
        for (n, line) in json.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let record: Record = serde_json::from_str(line)
                .map_err(|e| Error::malformed(input_name, n + 1, e.to_string()))?;
            out.push((n + 1, record));
        }
        out
    };
    if records.is_empty() {
        return Err(Error::EmptySource { source_id: id.to_string() });
    }
    let mut claims = Vec::with_capacity(records.len());
    let mut offset = 0;
    for (index, (line, record)) in records.into_iter().enumerate() {
        if record.text.trim().is_empty() {
            return Err(Error::malformed(input_name, line, "record has an empty \"text\""));
        }
        let claim = record
            .into_claim(id, index, &mut offset)
            .map_err(|m| Error::malformed(input_name, line, m))?;
        claims.push(claim);
    }
    Ok(claims)
}

/// One claim record as another tool writes it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Record {
    text: String,
    #[serde(default)]
    id: Option<Value>,
    #[serde(default)]
    source: Option<Value>,
    #[serde(default)]
    start: Option<usize>,
    #[serde(default)]
    end: Option<usize>,
    #[serde(default)]
    entities: Option<Vec<EntityRecord>>,
    #[serde(default)]
    quantities: Option<Vec<Quantity>>,
    #[serde(default)]
    times: Option<Vec<TimeExpr>>,
    #[serde(default)]
    quotes: Option<Vec<Quote>>,
    #[serde(default)]
    attribution: Option<AttributionRecord>,
    #[serde(default)]
    modality: Option<Modality>,
    #[serde(default)]
    polarity: Option<Polarity>,
    #[serde(default)]
    terms: Option<Vec<String>>,
    #[serde(default)]
    mentions: Option<Value>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum EntityRecord {
    Name(String),
    Full(Entity),
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum AttributionRecord {
    Name(String),
    Full(Attribution),
}

impl Record {
    /// The claim of this record; `offset` is where a record without `start` begins, and moves
    /// past this one. An error message when `start` or `end` is too large to place the text.
    fn into_claim(
        self,
        id: &SourceId,
        index: usize,
        offset: &mut usize,
    ) -> std::result::Result<Claim, String> {
        let _ = (self.id, self.source, self.mentions);
        let start = self.start.unwrap_or(*offset);
        // A span past the end of memory cannot be an offset into any text; checking here keeps
        // every span below (start + the text's length, and the next record's offset) in range.
        let text_end = start
            .checked_add(self.text.len())
            .filter(|e| e.checked_add(1).is_some())
            .ok_or_else(|| format!("\"start\" {start} is too large for a text"))?;
        let end = self.end.unwrap_or(text_end).max(start);
        let next = end.checked_add(1).ok_or_else(|| format!("\"end\" {end} is too large"))?;
        let mut claim = claim_from_sentence(id.clone(), index, &self.text, None);
        // The annotators worked at offset 0; move their spans to the claim's place.
        shift_spans(&mut claim, start);
        claim.id = ClaimId::new(id.clone(), index);
        claim.end = end;
        *offset = next;
        if let Some(entities) = self.entities {
            claim.entities = entities
                .into_iter()
                .map(|e| match e {
                    EntityRecord::Full(e) => e,
                    EntityRecord::Name(name) => {
                        let (s, e) = self.text.find(&name).map_or((claim.start, claim.end), |p| {
                            (start + p, start + p + name.len())
                        });
                        Entity {
                            canonical: name.clone(),
                            surface: name,
                            start: s,
                            end: e,
                            kind: EntityKind::Other,
                        }
                    }
                })
                .collect();
        }
        if let Some(q) = self.quantities {
            claim.quantities = q;
        }
        if let Some(t) = self.times {
            claim.times = t;
        }
        if let Some(q) = self.quotes {
            claim.quotes = q;
        }
        if let Some(a) = self.attribution {
            claim.attribution = Some(match a {
                AttributionRecord::Full(a) => a,
                AttributionRecord::Name(name) => Attribution {
                    speaker: name.clone(),
                    surface: name,
                    cue: String::new(),
                    start: claim.start,
                    end: claim.start,
                    resolved: false,
                    channel: None,
                },
            });
        }
        if let Some(m) = self.modality {
            claim.modality = m;
        }
        if let Some(p) = self.polarity {
            claim.polarity = p;
        }
        if let Some(t) = self.terms {
            claim.terms = t;
        }
        Ok(claim)
    }
}

fn shift_spans(claim: &mut Claim, by: usize) {
    claim.start += by;
    claim.end += by;
    for e in &mut claim.entities {
        e.start += by;
        e.end += by;
    }
    for q in &mut claim.quantities {
        q.start += by;
        q.end += by;
    }
    for t in &mut claim.times {
        t.start += by;
        t.end += by;
    }
    for q in &mut claim.quotes {
        q.start += by;
        q.end += by;
    }
    if let Some(a) = &mut claim.attribution {
        a.start += by;
        a.end += by;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id() -> SourceId {
        SourceId::new("x")
    }

    #[test]
    fn array_and_lines_give_the_same_claims() {
        let lines = "{\"text\": \"Ships left the port.\"}\n\n{\"text\": \"Rain may fall.\"}\n";
        let array = "[{\"text\": \"Ships left the port.\"}, {\"text\": \"Rain may fall.\"}]";
        let a = claims_from_json(&id(), "a", lines).unwrap();
        let b = claims_from_json(&id(), "b", array).unwrap();
        assert_eq!(a, b);
        assert_eq!(a[1].start, "Ships left the port.".len() + 1);
        assert_eq!(a[1].modality, Modality::Hedged);
        assert!(!a[0].terms.is_empty());
    }

    #[test]
    fn given_fields_win_over_annotators() {
        let json = r#"{"text": "Lind said 40 ships left.", "quantities": [{"value": 41, "unit": "ship", "start": 0, "end": 2}], "entities": ["Ana Lind"], "polarity": "negated", "attribution": "Ana Lind"}"#;
        let c = &claims_from_json(&id(), "a", json).unwrap()[0];
        assert_eq!(c.quantities[0].value, 41.0);
        assert_eq!(c.entities[0].canonical, "Ana Lind");
        assert_eq!(c.polarity, Polarity::Negated);
        assert_eq!(c.attribution.as_ref().unwrap().speaker, "Ana Lind");
    }

    #[test]
    fn errors_name_input_and_line() {
        let err = claims_from_json(&id(), "f.jsonl", "{\"text\": \"ok\"}\n{oops\n").unwrap_err();
        assert!(err.to_string().starts_with("f.jsonl: line 2: "), "{err}");
        let err = claims_from_json(&id(), "f.jsonl", "{\"txt\": \"typo\"}").unwrap_err();
        assert!(err.to_string().starts_with("f.jsonl: line 1: "), "{err}");
        let err =
            claims_from_json(&id(), "f.json", "[{\"text\": \"ok\"},\n{\"text\": 5}]").unwrap_err();
        assert!(err.to_string().contains("record 2"), "{err}");
        let err = claims_from_json(&id(), "f.jsonl", "\n\n").unwrap_err();
        assert!(matches!(err, Error::EmptySource { .. }));
        let err = claims_from_json(&id(), "f.jsonl", "{\"text\": \" \"}").unwrap_err();
        assert!(err.to_string().contains("empty"), "{err}");
    }

    #[test]
    fn missing_file_is_an_io_error() {
        assert!(matches!(claims_from_file("/no/such/claims.jsonl"), Err(Error::Io { .. })));
    }

    /// Spans near `usize::MAX` overflowed when the claim was placed (a panic in debug builds,
    /// wrapped offsets in release); found while writing the `import_claims` fuzz target.
    #[test]
    fn offsets_too_large_to_place_are_errors() {
        let max = usize::MAX;
        for (json, field) in [
            (format!("{{\"text\": \"Ships left.\", \"start\": {max}}}"), "\"start\""),
            (format!("{{\"text\": \"Ships left.\", \"start\": {}}}", max - 11), "\"start\""),
            (format!("{{\"text\": \"a\"}}\n{{\"text\": \"b\", \"end\": {max}}}"), "\"end\""),
        ] {
            let err = claims_from_json(&id(), "c.jsonl", &json).unwrap_err().to_string();
            assert!(err.starts_with("c.jsonl: line ") && err.contains(field), "{err}");
        }
        let json = format!("{{\"text\": \"a\", \"start\": {}}}", max - 2);
        let claims = claims_from_json(&id(), "c.jsonl", &json).unwrap();
        assert_eq!((claims[0].start, claims[0].end), (max - 2, max - 1));
    }
}
