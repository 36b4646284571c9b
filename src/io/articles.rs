//! Articles as people store them: "here is a file, gimme its sources".
//!
//! Useful for: reading a folder of saved articles whatever their form: plain text, JSON Lines of
//! article records, HTML pages, and (through [`crate::io::import`]) claims another tool extracted. Not
//! useful for: the text itself (that is [`crate::extract`]), or fetching anything: nothing here
//! touches the network.
//!
//! [`read_file`] tells the forms apart by the file's extension and, for JSON, by the fields of its
//! records:
//!
//! | extension | read as |
//! |---|---|
//! | `.html`, `.htm`, `.xhtml` | one HTML page ([`source_from_html`]) |
//! | `.jsonl`, `.ndjson`, `.json` | article records when the first record has `outlet`, `url`, `title` or `date` ([`articles_from_json`]); claim records otherwise ([`crate::io::import`]) |
//! | anything else | plain UTF-8 text, one article ([`Source::from_file`]) |
//!
//! # Article records
//! One JSON object per line (or a JSON array of them), as scrapers and datasets keep articles:
//!
//! ```json
//! {"id": "valdor-1", "outlet": "Kestria Wire", "url": "https://…", "title": "Port reopens",
//!  "date": "2026-03-04", "text": "The port of Valdor reopened on Tuesday. …"}
//! ```
//!
//! `text` is required; `id` (a string or number) defaults to `{file stem}-{line}`; `date` is
//! `YYYY-MM-DD`, or an ISO 8601 date-time whose date part is read; other fields are ignored. A bad
//! record (not JSON, no text, a bad date, an id seen before) is an [`Error::Malformed`] naming the
//! file and line, and the other records still load. The byte spans of an article's claims are
//! offsets into its `text` string (as UTF-8), not into the file.
//!
//! # HTML pages
//! The main text is the page's `<article>`, else its `<main>` (or `role="main"`), else its
//! `<body>`, without scripts, styles, navigation, asides, forms, footers and hidden elements.
//! Block elements (paragraphs, headings, list items, captions, …) become lines, so the headline, a
//! byline and a photo credit each sit on a line of their own, where extraction recognises and skips
//! them. The title comes from `og:title`, else `<title>`, else the first `<h1>`; the publication date
//! from `article:published_time` (or `date`, `pubdate`, `DC.date.issued`, `itemprop="datePublished"`
//! metas), else the first `<time datetime>`; the outlet from `og:site_name`; the address from the
//! canonical link or `og:url`. The byte spans of the claims are offsets into this extracted text
//! ([`Source::text`]), not into the HTML file.

use std::path::Path;

use serde_json::{Map, Value};

#[cfg(feature = "html")]
pub use super::html::source_from_html;

use super::parse_date;
use crate::error::{Error, Position, Result};
use crate::io::import::claims_from_json;
use crate::model::{Claim, SourceId};
use crate::model::{Source, file_stem};

/// What one file held: articles, claims made elsewhere, and the records that could not be read.
#[derive(Debug, Default)]
#[non_exhaustive]
pub struct FileContents {
    /// The articles, in file order.
    pub sources: Vec<Source>,
    /// Claims extracted elsewhere ([`crate::io::import`]), as one source with its id.
    pub claims: Option<(SourceId, Vec<Claim>)>,
    /// What could not be read: the whole file (missing, not UTF-8, empty), or single records.
    pub errors: Vec<Error>,
}

/// Reads one file of articles or claims; see the [module docs](self) for the forms it knows.
///
/// Never fails as a whole: a file that cannot be read gives one error in
/// [`FileContents::errors`], and a bad record of a JSON Lines file an error naming its line while
/// the other records load.
///
/// # Examples
/// ```
/// use corroborate::io::articles::read_file;
///
/// let dir = std::env::temp_dir().join(format!("corroborate-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// let path = dir.join("feed.jsonl");
/// std::fs::write(&path, concat!(
///     r#"{"id": "a", "outlet": "Kestria Wire", "date": "2026-03-04", "text": "The port reopened."}"#, "\n",
///     "{not json\n",
///     r#"{"id": "b", "outlet": "Harbour Courier", "text": "The port reopened on Tuesday."}"#, "\n",
/// )).unwrap();
/// let contents = read_file(&path);
/// assert_eq!(contents.sources.len(), 2);
/// assert_eq!(contents.sources[0].meta().outlet.as_deref(), Some("Kestria Wire"));
/// assert!(contents.errors[0].to_string().contains("feed.jsonl: line 2: "));
/// # std::fs::remove_dir_all(&dir).ok();
/// ```
pub fn read_file(path: impl AsRef<Path>) -> FileContents {
    let path = path.as_ref();
    let mut contents = FileContents::default();
    let extension =
        path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    let kind = match extension.as_str() {
        "html" | "htm" | "xhtml" => Kind::Html,
        "jsonl" | "ndjson" | "json" => Kind::Json,
        _ => Kind::Text,
    };
    if kind == Kind::Text {
        match Source::from_file(path) {
            Ok(source) => contents.sources.push(source),
            Err(err) => contents.errors.push(err),
        }
        return contents;
    }
    let name = path.display().to_string();
    let text = match read_utf8(path) {
        Ok(text) => text,
        Err(err) => {
            contents.errors.push(err);
            return contents;
        }
    };
    let id = file_stem(path);
    match kind {
        #[cfg(feature = "html")]
        Kind::Html => match source_from_html(id, &text) {
            Ok(source) => contents.sources.push(source),
            Err(err) => contents.errors.push(err),
        },
        #[cfg(not(feature = "html"))]
        Kind::Html => contents.errors.push(Error::Malformed {
            input: name,
            line: 0,
            message: "an HTML page: this build of corroborate has no `html` feature".to_string(),
        }),
        _ if holds_articles(&text) => {
            let (sources, errors) = articles_from_json(&id, &name, &text);
            contents.sources = sources;
            contents.errors = errors;
        }
        _ => match claims_from_json(&id, &name, &text) {
            Ok(claims) => contents.claims = Some((id, claims)),
            Err(err) => contents.errors.push(err),
        },
    }
    contents
}

/// Parses article records (JSON Lines, or a JSON array) into sources. `stem` makes the ids of
/// records without one (`{stem}-{line}`); `input_name` names the input in errors.
///
/// Returns the articles that could be read, in order, and one error per bad record naming
/// `input_name` and the record's line (for an array, its number).
///
/// # Examples
/// ```
/// use corroborate::{SourceId, io::articles::articles_from_json};
///
/// let jsonl = "{\"title\": \"Port Reopens\", \"date\": \"2026-03-04T09:30:00Z\", \"text\": \"Ships left.\"}\n\
///              {\"title\": \"No text\"}\n";
/// let (sources, errors) = articles_from_json(&SourceId::new("feed"), "feed.jsonl", jsonl);
/// assert_eq!(sources[0].id().as_str(), "feed-1");
/// assert_eq!(sources[0].meta().date.unwrap().to_string(), "2026-03-04");
/// assert_eq!(errors[0].to_string(), "feed.jsonl: line 2: an article record needs a \"text\" string");
/// ```
pub fn articles_from_json(
    stem: &SourceId,
    input_name: &str,
    json: &str,
) -> (Vec<Source>, Vec<Error>) {
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (line, record) in records(input_name, json) {
        let source = record.and_then(|value| article(stem, input_name, line, value));
        match source {
            Ok(source) if !seen.insert(source.id().clone()) => errors.push(Error::malformed(
                input_name,
                line,
                format!("article id {:?} was used by an earlier record", source.id().as_str()),
            )),
            Ok(source) => sources.push(source),
            Err(err) => errors.push(err),
        }
    }
    if sources.is_empty() && errors.is_empty() {
        errors.push(Error::EmptySource { source_id: input_name.to_string() });
    }
    (sources, errors)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Html,
    Json,
}

fn read_utf8(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    String::from_utf8(bytes).map_err(|err| {
        let offset = err.utf8_error().valid_up_to();
        Error::InvalidUtf8 {
            source_id: path.display().to_string(),
            position: Position::locate(err.as_bytes(), offset),
        }
    })
}

/// The fields only an article record has; a claim record ([`crate::io::import`]) has none of them.
const ARTICLE_FIELDS: [&str; 4] = ["outlet", "url", "title", "date"];

/// Whether the first record that parses as a JSON object is an article record.
fn holds_articles(json: &str) -> bool {
    let is_article = |v: &Value| {
        v.as_object().is_some_and(|o| ARTICLE_FIELDS.iter().any(|f| o.contains_key(*f)))
    };
    if json.trim_start().starts_with('[') {
        // An array is parsed whole; a broken one is left to the claims reader's error.
        return serde_json::from_str::<Vec<Value>>(json)
            .is_ok_and(|values| values.first().is_some_and(is_article));
    }
    json.lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .find(Value::is_object)
        .is_some_and(|v| is_article(&v))
}

/// The records of JSON Lines or a JSON array, each with its line (or, in an array, its number).
fn records(input_name: &str, json: &str) -> Vec<(usize, Result<Value>)> {
    if json.trim_start().starts_with('[') {
        return match serde_json::from_str::<Vec<Value>>(json) {
            Ok(values) => values.into_iter().enumerate().map(|(n, v)| (n + 1, Ok(v))).collect(),
            Err(e) => vec![(e.line(), Err(Error::malformed(input_name, e.line(), e.to_string())))],
        };
    }
    json.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(n, line)| {
            let value = serde_json::from_str::<Value>(line)
                .map_err(|e| Error::malformed(input_name, n + 1, e.to_string()));
            (n + 1, value)
        })
        .collect()
}

/// One article record as a source.
fn article(stem: &SourceId, input_name: &str, line: usize, value: Value) -> Result<Source> {
    let bad = |message: String| Error::malformed(input_name, line, message);
    let Value::Object(record) = value else {
        return Err(bad("an article record is a JSON object".into()));
    };
    let text = match record.get("text") {
        Some(Value::String(text)) if !text.trim().is_empty() => text.clone(),
        Some(Value::String(_)) => return Err(bad("the article's \"text\" is empty".into())),
        _ => return Err(bad("an article record needs a \"text\" string".into())),
    };
    let id = match record.get("id") {
        None | Some(Value::Null) => format!("{stem}-{line}"),
        Some(Value::String(id)) if !id.trim().is_empty() => id.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(other) => {
            return Err(bad(format!("\"id\" must be a string or a number, not {other}")));
        }
    };
    let mut source = Source::new(SourceId::new(id), text)?;
    if let Some(outlet) = string_field(&record, "outlet", &bad)? {
        source = source.with_outlet(outlet);
    }
    if let Some(title) = string_field(&record, "title", &bad)? {
        source = source.with_title(title);
    }
    if let Some(url) = string_field(&record, "url", &bad)? {
        source = source.with_url(url);
    }
    if let Some(date) = string_field(&record, "date", &bad)? {
        let parsed = parse_date(&date).ok_or_else(|| {
            bad(format!("date {date:?} is not YYYY-MM-DD or an ISO 8601 date-time"))
        })?;
        source = source.with_date(parsed);
    }
    Ok(source)
}

/// A string field of a record, `None` when absent, null or blank.
fn string_field(
    record: &Map<String, Value>,
    field: &str,
    bad: &impl Fn(String) -> Error,
) -> Result<Option<String>> {
    match record.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.trim().to_string())),
        Some(other) => Err(bad(format!("\"{field}\" must be a string, not {other}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_pages_and_feeds_write_them() {
        assert_eq!(parse_date("2026-03-04").unwrap().to_string(), "2026-03-04");
        assert_eq!(parse_date("2026-03-04T23:10:00-05:00").unwrap().to_string(), "2026-03-04");
        assert_eq!(parse_date("2026-03-04 10:00").unwrap().to_string(), "2026-03-04");
        assert!(parse_date("2026-03-041").is_none());
        assert!(parse_date("March 4, 2026").is_none());
        assert!(parse_date("2026-02-30").is_none());
    }

    #[test]
    fn article_and_claim_records_are_told_apart_by_their_fields() {
        assert!(holds_articles("{\"title\": \"T\", \"text\": \"x\"}\n"));
        assert!(holds_articles("not json\n{\"url\": \"u\", \"text\": \"x\"}\n"));
        assert!(holds_articles("[{\"date\": \"2026-01-01\", \"text\": \"x\"}]"));
        assert!(!holds_articles("{\"text\": \"x\", \"modality\": \"hedged\"}\n"));
        assert!(!holds_articles("{\"id\": 3, \"text\": \"x\"}\n"));
        assert!(!holds_articles("[{\"text\": \"x\"}]"));
    }

    #[test]
    fn bad_records_name_their_line_and_the_others_load() {
        let jsonl = "{\"id\": \"a\", \"title\": \"A\", \"text\": \"Ships left the port.\"}\n\
                     \n\
                     {\"id\": \"b\", \"text\": \"Rain fell.\"\n\
                     {\"id\": \"a\", \"text\": \"Again.\"}\n\
                     {\"id\": 7, \"date\": \"04/03/2026\", \"text\": \"Bad date.\"}\n\
                     {\"id\": 8, \"title\": 5, \"text\": \"Bad title.\"}\n\
                     [1]\n\
                     {\"id\": 9, \"text\": \" \"}\n\
                     {\"id\": 10, \"outlet\": \"Wire\", \"text\": \"The port reopened.\"}\n";
        let (sources, errors) = articles_from_json(&SourceId::new("f"), "f.jsonl", jsonl);
        let ids: Vec<&str> = sources.iter().map(|s| s.id().as_str()).collect();
        assert_eq!(ids, ["a", "10"]);
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(lines.len(), 6, "{lines:#?}");
        for (message, line) in lines.iter().zip([3, 4, 5, 6, 7, 8]) {
            assert!(message.starts_with(&format!("f.jsonl: line {line}: ")), "{message}");
        }
        assert!(lines[1].contains("used by an earlier record"));
        assert!(lines[2].contains("\"04/03/2026\""));
        let (sources, errors) = articles_from_json(&SourceId::new("f"), "f.jsonl", "\n\n");
        assert!(sources.is_empty());
        assert!(matches!(errors[..], [Error::EmptySource { .. }]));
    }
}
