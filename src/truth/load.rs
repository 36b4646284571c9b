//! Reading claims from TSV, CSV and JSON Lines files.
//!
//! Every format holds one statement per line (per record): `source`, `object`, optionally
//! `attribute`, and `value`. TSV and CSV take 3 fields (`source, object, value`; the attribute is
//! empty) or 4 (`source, object, attribute, value`); a first line whose first field is `source`
//! is a header. CSV is read by the `csv` crate (RFC 4180): a field quoted with `"` may hold
//! commas, line breaks and quotes (`""` inside quotes is a quote), and an error names the line its
//! record starts on. JSON Lines records are objects with string fields `source` and `object`, an
//! optional string `attribute`, and `value` (a string, a number, or null for no claim). Blank
//! lines are skipped everywhere. A field the value kind cannot read is an error naming the file
//! and the line; a blank value (or "Not Available" for names) is no claim.

use std::path::Path;

use crate::error::{Error, Result};

use super::dataset::{Dataset, DatasetBuilder};
use super::value::{Value, ValueKind};

/// A claims file format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// Tab-separated, no quoting.
    Tsv,
    /// Comma-separated, `"`-quoted fields (which may hold commas and line breaks).
    Csv,
    /// One JSON object per line.
    JsonLines,
}

impl Format {
    /// The format a file name's extension names: `.tsv`/`.tab`/`.txt`, `.csv`, `.jsonl`/`.ndjson`.
    pub fn from_path(path: &Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "tsv" | "tab" | "txt" => Some(Format::Tsv),
            "csv" => Some(Format::Csv),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            _ => None,
        }
    }
}

/// Reads a claims file, its format from its extension (see [`Format::from_path`]).
pub fn read_file(path: &Path, kind: ValueKind) -> Result<Dataset> {
    let format = Format::from_path(path).ok_or_else(|| {
        Error::malformed(
            path.display().to_string(),
            0,
            "unknown claims format (expected .tsv, .csv or .jsonl)",
        )
    })?;
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    parse(&path.display().to_string(), &text, format, kind)
}

/// Parses claims from `text`; `input` names it in errors.
///
/// ```
/// use corroborate::truth::{load, ValueKind};
/// let data = load::parse("x.tsv", "a\tbook1\t42\nb\tbook1\t41\n", load::Format::Tsv,
///                        ValueKind::Number).unwrap();
/// assert_eq!((data.n_sources(), data.n_claims()), (2, 2));
/// let err = load::parse("x.tsv", "a\tbook1\n", load::Format::Tsv, ValueKind::Number);
/// assert_eq!(err.unwrap_err().to_string(), "x.tsv: line 1: expected 3 or 4 tab-separated fields, found 2");
/// ```
pub fn parse(input: &str, text: &str, format: Format, kind: ValueKind) -> Result<Dataset> {
    let mut builder = DatasetBuilder::new();
    if format == Format::Csv {
        parse_csv(&mut builder, input, text, kind)?;
        return Ok(builder.build());
    }
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        match format {
            Format::Tsv => {
                // The hot path for large files: borrowed fields, no allocation per line.
                let mut it = line.split('\t');
                let f: [Option<&str>; 5] = std::array::from_fn(|_| it.next());
                let (source, object, attribute, value) = match f {
                    [Some(s), Some(o), Some(v), None, _] => (s, o, "", v),
                    [Some(s), Some(o), Some(a), Some(v), None] => (s, o, a, v),
                    _ => {
                        let found = line.split('\t').count();
                        return Err(Error::malformed(
                            input,
                            n,
                            format!("expected 3 or 4 tab-separated fields, found {found}"),
                        ));
                    }
                };
                if n == 1 && source.eq_ignore_ascii_case("source") {
                    continue;
                }
                add(&mut builder, input, n, kind, source, object, attribute, value)?;
            }
            Format::JsonLines => json_line(&mut builder, input, n, kind, line)?,
            Format::Csv => unreachable!("CSV is read above"),
        }
    }
    Ok(builder.build())
}

/// Reads CSV records with the `csv` crate, so a quoted field may hold commas and line breaks.
/// Errors name the line a record starts on.
fn parse_csv(builder: &mut DatasetBuilder, input: &str, text: &str, kind: ValueKind) -> Result<()> {
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    // Where the last record read starts: its byte offset and line.
    let mut last = (0, 0);
    loop {
        let start = reader.position().byte() as usize;
        let more = reader.read_record(&mut record).map_err(|e| {
            let line = e.position().map_or(0, |p| p.line() as usize);
            Error::malformed(input, line, e.to_string())
        })?;
        if !more {
            // The csv crate ends a quoted field left open at the end of the input; that is a
            // missing quote, which would otherwise swallow every line after it into one value.
            let (start, n) = last;
            if ends_in_open_quote(text.get(start..).unwrap_or("")) {
                return Err(Error::malformed(input, n, "unterminated quoted field"));
            }
            return Ok(());
        }
        let n = record.position().map_or(0, |p| p.line() as usize);
        last = (start, n);
        let (source, object, attribute, value) = match record.iter().collect::<Vec<_>>()[..] {
            [blank] if blank.trim().is_empty() => continue,
            [s, o, v] => (s, o, "", v),
            [s, o, a, v] => (s, o, a, v),
            _ => {
                return Err(Error::malformed(
                    input,
                    n,
                    format!("expected 3 or 4 comma-separated fields, found {}", record.len()),
                ));
            }
        };
        if n == 1 && source.eq_ignore_ascii_case("source") {
            continue;
        }
        add(builder, input, n, kind, source, object, attribute, value)?;
    }
}

/// Whether CSV `text` (from the start of a record to the end of the input) ends inside a quoted
/// field, read as the `csv` crate reads it: a quote opens a field only at its start, `""` inside
/// quotes is a quote, and text after the closing quote is kept as it is.
fn ends_in_open_quote(text: &str) -> bool {
    let mut quoted = false;
    let mut at_field_start = true;
    let mut bytes = text.bytes().peekable();
    while let Some(b) = bytes.next() {
        if quoted {
            if b == b'"' {
                if bytes.peek() == Some(&b'"') {
                    bytes.next();
                } else {
                    quoted = false;
                }
            }
        } else if b == b'"' && at_field_start {
            quoted = true;
            at_field_start = false;
        } else {
            at_field_start = matches!(b, b',' | b'\n' | b'\r');
        }
    }
    quoted
}

#[allow(clippy::too_many_arguments)]
fn add(
    builder: &mut DatasetBuilder,
    input: &str,
    line: usize,
    kind: ValueKind,
    source: &str,
    object: &str,
    attribute: &str,
    value: &str,
) -> Result<()> {
    if source.trim().is_empty() || object.trim().is_empty() {
        return Err(Error::malformed(input, line, "empty source or object"));
    }
    let value = if kind == ValueKind::Number {
        // Skip the general parser's trimming and dispatch: this is the path of large numeric
        // files.
        match value.parse::<f64>() {
            Ok(v) if v.is_finite() => Some(Value::Number(v)),
            _ => kind.parse(value).map_err(|m| Error::malformed(input, line, m))?,
        }
    } else {
        kind.parse(value).map_err(|m| Error::malformed(input, line, m))?
    };
    if let Some(v) = value {
        builder.add(source, object, attribute, v);
    }
    Ok(())
}

fn json_line(
    builder: &mut DatasetBuilder,
    input: &str,
    line: usize,
    kind: ValueKind,
    text: &str,
) -> Result<()> {
    let record: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| Error::malformed(input, line, format!("invalid JSON: {e}")))?;
    let field = |name: &str| -> Result<Option<&str>> {
        match record.get(name) {
            None | Some(serde_json::Value::Null) => Ok(None),
            Some(serde_json::Value::String(s)) => Ok(Some(s)),
            Some(_) => {
                Err(Error::malformed(input, line, format!("field {name:?} is not a string")))
            }
        }
    };
    let missing = |name: &str| Error::malformed(input, line, format!("missing field {name:?}"));
    let source = field("source")?.ok_or_else(|| missing("source"))?;
    let object = field("object")?.ok_or_else(|| missing("object"))?;
    let attribute = field("attribute")?.unwrap_or("");
    if !record.as_object().is_some_and(|o| o.contains_key("value")) {
        return Err(missing("value"));
    }
    let value = match &record["value"] {
        serde_json::Value::Null => None,
        serde_json::Value::String(s) => {
            kind.parse(s).map_err(|m| Error::malformed(input, line, m))?
        }
        serde_json::Value::Number(x) if kind == ValueKind::Number => x.as_f64().map(Value::Number),
        serde_json::Value::Number(x) => {
            kind.parse(&x.to_string()).map_err(|m| Error::malformed(input, line, m))?
        }
        _ => {
            return Err(Error::malformed(input, line, "field \"value\" is not a string or number"));
        }
    };
    if source.trim().is_empty() || object.trim().is_empty() {
        return Err(Error::malformed(input, line, "empty source or object"));
    }
    if let Some(v) = value {
        builder.add(source, object, attribute, v);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_with_header_and_attribute() {
        let text = "source\tobject\tattribute\tvalue\r\na\tx\tn\t1\r\n\r\nb\tx\tn\t2\nc\tx\tn\t\n";
        let d = parse("t.tsv", text, Format::Tsv, ValueKind::Number).unwrap();
        assert_eq!((d.n_sources(), d.n_claims()), (2, 2), "a blank value is no claim");
        assert_eq!(d.variable(0), ("x", "n"));
    }

    #[test]
    fn tsv_bad_number_names_file_and_line() {
        let err = parse("t.tsv", "a\tx\t1\nb\tx\tmany\n", Format::Tsv, ValueKind::Number)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("t.tsv: line 2:"), "{err}");
    }

    #[test]
    fn csv_quotes() {
        let text = "a,book,authors,\"Knuth, Donald E.\"\nb,book,authors,Donald E. Knuth\n";
        let d = parse("c.csv", text, Format::Csv, ValueKind::Names).unwrap();
        assert_eq!(d.n_claims(), 1);
        assert_eq!(d.sources_of(0).len(), 2);
        let err = parse("c.csv", "a,b,\"open\n", Format::Csv, ValueKind::Text).unwrap_err();
        assert_eq!(err.to_string(), "c.csv: line 1: unterminated quoted field");
        let err =
            parse("c.csv", "a,b,c\nd,e,\"open\nf,g,h\n", Format::Csv, ValueKind::Text).unwrap_err();
        assert_eq!(err.to_string(), "c.csv: line 2: unterminated quoted field");
    }

    #[test]
    fn csv_quoted_field_holds_commas_quotes_and_line_breaks() {
        let text = concat!(
            "source,object,attribute,value\r\n",
            "a,book,title,\"Ships, Ports\r\nand \"\"Harbours\"\"\"\r\n",
            "\r\n",
            "b,book,title,\"Ships, Ports\nand \"\"Harbours\"\"\"\n",
            "c,book,title,Tides\n",
        );
        let d = parse("c.csv", text, Format::Csv, ValueKind::Text).unwrap();
        assert_eq!((d.n_sources(), d.n_claims()), (3, 2));
        assert_eq!(d.value(0).to_string(), "ships, ports and \"harbours\"");
        assert_eq!(d.sources_of(0).len(), 2);
        // Line numbers count the lines quoted fields span: this record starts on line 8.
        let err =
            parse("c.csv", &format!("{text}d,book\n"), Format::Csv, ValueKind::Text).unwrap_err();
        assert_eq!(
            err.to_string(),
            "c.csv: line 8: expected 3 or 4 comma-separated fields, found 2"
        );
    }

    #[test]
    fn json_lines() {
        let text = concat!(
            "{\"source\":\"a\",\"object\":\"o\",\"value\":3}\n",
            "{\"source\":\"b\",\"object\":\"o\",\"value\":\"3\"}\n",
            "{\"source\":\"c\",\"object\":\"o\",\"value\":null}\n",
        );
        let d = parse("j.jsonl", text, Format::JsonLines, ValueKind::Number).unwrap();
        assert_eq!((d.n_sources(), d.n_claims()), (2, 1));
        let err = parse("j.jsonl", "{\"source\":\"a\"}\n", Format::JsonLines, ValueKind::Number)
            .unwrap_err();
        assert_eq!(err.to_string(), "j.jsonl: line 1: missing field \"object\"");
        let err = parse("j.jsonl", "{oops\n", Format::JsonLines, ValueKind::Number).unwrap_err();
        assert!(err.to_string().starts_with("j.jsonl: line 1: invalid JSON"));
    }

    #[test]
    fn format_from_extension() {
        assert_eq!(Format::from_path(Path::new("a/b.TSV")), Some(Format::Tsv));
        assert_eq!(Format::from_path(Path::new("b.jsonl")), Some(Format::JsonLines));
        assert_eq!(Format::from_path(Path::new("b")), None);
    }
}
