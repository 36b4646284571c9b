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

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::{Map, Value};

use crate::error::{Error, Position, Result};
use crate::io::import::claims_from_json;
use crate::model::Date;
use crate::model::{Claim, SourceId};
use crate::model::{Source, file_stem};

/// What one file held: articles, claims made elsewhere, and the records that could not be read.
#[derive(Debug, Default)]
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
        Kind::Html => match source_from_html(id, &text) {
            Ok(source) => contents.sources.push(source),
            Err(err) => contents.errors.push(err),
        },
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

/// One HTML page as a source: its main text, with title, date, outlet and address from the page's
/// metadata (see the [module docs](self) for which). Claim spans are offsets into the extracted
/// text, [`Source::text`].
///
/// # Errors
/// [`Error::EmptySource`] when the page has no main text.
///
/// # Examples
/// ```
/// use corroborate::io::articles::source_from_html;
///
/// let html = r#"<html><head><title>Port Reopens | Kestria Wire</title>
///   <meta property="og:title" content="Port Reopens">
///   <meta property="article:published_time" content="2026-03-04T08:00:00Z">
///   <script>track();</script></head>
///   <body><nav><a href="/">Home</a></nav>
///   <article><h1>Port Reopens</h1><p>The port of <b>Valdor</b> reopened on Tuesday.</p>
///   <p>Officials said 40 ships were waiting &amp; more were due.</p></article>
///   <footer>© Kestria Wire</footer></body></html>"#;
/// let source = source_from_html("valdor", html).unwrap();
/// assert_eq!(source.text(), "Port Reopens\nThe port of Valdor reopened on Tuesday.\n\
///     Officials said 40 ships were waiting & more were due.\n");
/// assert_eq!(source.meta().title.as_deref(), Some("Port Reopens"));
/// assert_eq!(source.meta().date.unwrap().to_string(), "2026-03-04");
/// ```
pub fn source_from_html(id: impl Into<SourceId>, html: &str) -> Result<Source> {
    let id = id.into();
    let page = Html::parse_document(html);
    let text = main_text(&page);
    let mut source = Source::new(id, text)?;
    if let Some(title) = page_title(&page) {
        source = source.with_title(title);
    }
    if let Some(date) = page_date(&page) {
        source = source.with_date(date);
    }
    if let Some(outlet) = meta_content(&page, &["meta[property='og:site_name']"]) {
        source = source.with_outlet(outlet);
    }
    if let Some(url) = meta_content(&page, &["link[rel='canonical']", "meta[property='og:url']"]) {
        source = source.with_url(url);
    }
    Ok(source)
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

/// `YYYY-MM-DD`, or the date part of an ISO 8601 date-time (`2026-03-04T09:30:00+01:00`).
fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let date = s.get(..10)?;
    let rest = &s[10..];
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    date.parse().ok()
}

/// Elements whose text is never article text.
const DROPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "nav", "aside", "form", "button", "select",
    "textarea", "input", "svg", "iframe", "object", "canvas", "dialog", "menu",
];

/// Elements that break lines.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "caption",
    "figure",
    "figcaption",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "address",
    "hr",
    "br",
];

/// The page's main text, one line per block, white space collapsed inside a line.
fn main_text(page: &Html) -> String {
    let root = ["article", "main", "[role='main']", "body"]
        .iter()
        .find_map(|s| page.select(&selector(s)).next())
        .unwrap_or_else(|| page.root_element());
    // Site headers and footers sit in <body>; an article's own header holds its headline.
    let in_body = root.value().name() == "body";
    let mut out = String::new();
    let mut pending_space = false;
    // The page is walked by open and close edges, without recursion: nesting depth is the
    // page's to choose.
    let mut skipping: Option<ego_tree::NodeId> = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(text) => {
                        for c in text.chars() {
                            if c.is_whitespace() {
                                pending_space = true;
                            } else {
                                if pending_space && !out.is_empty() && !out.ends_with('\n') {
                                    out.push(' ');
                                }
                                pending_space = false;
                                out.push(c);
                            }
                        }
                    }
                    Node::Element(element) => {
                        let name = element.name();
                        let hidden = element.attr("hidden").is_some()
                            || element.attr("aria-hidden") == Some("true")
                            || element.attr("style").is_some_and(|s| {
                                s.replace(' ', "").to_ascii_lowercase().contains("display:none")
                            });
                        if DROPPED.contains(&name)
                            || hidden
                            || (in_body && matches!(name, "header" | "footer"))
                        {
                            skipping = Some(node.id());
                        } else if BLOCKS.contains(&name) {
                            end_line(&mut out, &mut pending_space);
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                } else if skipping.is_none()
                    && let Node::Element(element) = node.value()
                    && BLOCKS.contains(&element.name())
                {
                    end_line(&mut out, &mut pending_space);
                }
            }
        }
    }
    end_line(&mut out, &mut pending_space);
    out
}

fn end_line(out: &mut String, pending_space: &mut bool) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    *pending_space = false;
}

fn selector(css: &str) -> Selector {
    // The selectors are this file's constants; a typo is a bug caught by the tests.
    Selector::parse(css).unwrap_or_else(|e| panic!("bad built-in selector {css:?}: {e}"))
}

/// The `content` (or, for a link, `href`) of the first element matching one of `selectors`, in
/// their order of preference.
fn meta_content(page: &Html, selectors: &[&str]) -> Option<String> {
    selectors.iter().find_map(|css| {
        page.select(&selector(css))
            .filter_map(|e| e.attr("content").or_else(|| e.attr("href")))
            .map(collapse)
            .find(|s| !s.is_empty())
    })
}

fn page_title(page: &Html) -> Option<String> {
    meta_content(page, &["meta[property='og:title']", "meta[name='twitter:title']"]).or_else(|| {
        ["title", "h1"]
            .iter()
            .find_map(|css| page.select(&selector(css)).map(element_text).find(|t| !t.is_empty()))
    })
}

fn page_date(page: &Html) -> Option<Date> {
    const METAS: &[&str] = &[
        "meta[property='article:published_time']",
        "meta[name='article:published_time']",
        "meta[itemprop='datePublished']",
        "meta[name='date']",
        "meta[name='pubdate']",
        "meta[name='publishdate']",
        "meta[name='DC.date.issued']",
        "meta[name='dc.date']",
    ];
    METAS
        .iter()
        .filter_map(|css| meta_content(page, &[css]))
        .chain(
            page.select(&selector("time[datetime]"))
                .filter_map(|e| e.attr("datetime").map(str::to_string)),
        )
        .find_map(|s| parse_date(&s))
}

fn element_text(element: ElementRef<'_>) -> String {
    collapse(&element.text().collect::<String>())
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
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

    #[test]
    fn html_main_text_skips_chrome_and_keeps_lines() {
        let html = "<!doctype html><html><head><title>Barrier Holds | Kestria Wire</title>\
            <style>p { color: red }</style></head><body>\
            <header><a href=/>Kestria Wire</a> <nav>World | Sport</nav></header>\
            <main><h1>Barrier  Holds</h1>\
            <p class=byline>By Mara Quell</p>\
            <figure><img src=x.jpg><figcaption>Gates at dawn. (Photo: Ivo Brandt / Getty Images)</figcaption></figure>\
            <p>The barrier held\n   overnight.<br>Engineers said so.</p>\
            <div hidden>Secret</div><span style=\"display: none\">gone</span>\
            <aside>Most read</aside><ul><li>One</li><li>Two</li></ul>\
            <time datetime=\"2026-05-06T07:00Z\">6 May</time></main>\
            <footer>© 2026</footer><script>var x = '<p>not text</p>';</script></body></html>";
        let source = source_from_html("p", html).unwrap();
        assert_eq!(
            source.text(),
            "Barrier Holds\nBy Mara Quell\nGates at dawn. (Photo: Ivo Brandt / Getty Images)\n\
             The barrier held overnight.\nEngineers said so.\nOne\nTwo\n6 May\n"
        );
        assert_eq!(source.meta().title.as_deref(), Some("Barrier Holds | Kestria Wire"));
        assert_eq!(source.meta().date.unwrap().to_string(), "2026-05-06");
        let empty = source_from_html("e", "<html><body><script>x()</script></body></html>");
        assert!(matches!(empty, Err(Error::EmptySource { .. })));
        // Deep nesting is walked without recursion.
        let deep = format!("{}text{}", "<div>".repeat(20_000), "</div>".repeat(20_000));
        assert_eq!(source_from_html("d", &deep).unwrap().text(), "text\n");
    }
}
