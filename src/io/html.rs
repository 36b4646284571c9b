//! One HTML page as a source (the `html` feature): its main text, and title, date, outlet and
//! address from the page's metadata. Parsed with `scraper` (html5ever); nothing is fetched.

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};

use super::parse_date;
use crate::error::Result;
use crate::model::{Date, Source, SourceId};

/// One HTML page as a source: its main text, with title, date, outlet and address from the page's
/// metadata (see the [module docs](crate::io::articles) for which). Claim spans are offsets into the extracted
/// text, [`Source::text`].
///
/// # Errors
/// [`Error::EmptySource`](crate::Error::EmptySource) when the page has no main text.
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
    use crate::error::Error;

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
