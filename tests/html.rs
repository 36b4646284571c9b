//! The HTML report, checked as a file and in a real browser: headless Chromium renders it to a
//! PNG and to its DOM (`--dump-dom`), and the tests check that every section and every claim is
//! there and that the picture is not blank.
//!
//! Chromium is the Debian package `chromium` (`.ci/run` installs it when missing). Without it the
//! browser tests say so and skip, except under `CI=true`, where they fail. The pages and pictures
//! stay under `target/tmp/html/` to be looked at.

use std::path::{Path, PathBuf};
use std::process::Command;

use corroborate::{Config, Reconciler, Source, render};
use serde_json::Value;

use crate::common::fixture;
use crate::examples::example;

/// The sections every report has, by element id.
const SECTIONS: [&str; 7] =
    ["summary", "sources", "stories", "differences", "corroborated", "single-source", "graph"];

/// The four invented ferry articles under `tests/fixtures/ferry/`, with their outlets.
const FERRY: [(&str, &str); 4] = [
    ("brenport_gazette", "Brenport Gazette"),
    ("coastal_times", "The Coastal Times"),
    ("island_radio", "Island Radio"),
    ("harbour_post", "Harbour Post"),
];

#[test]
fn html_is_self_contained_and_escapes_every_text() {
    let mut reconciler = Reconciler::new(Config::default());
    let hostile = "Officials said 12 miners were rescued near Valdor <script>document.title='pwned'</script> & \"more\" on Monday.";
    let plain = "Officials said 19 miners were rescued near Valdor on Monday.";
    for (id, text) in [("a<b>", hostile), ("c", plain)] {
        let source = Source::new(id, text).unwrap().with_outlet("<i>Outlet</i>");
        reconciler.add_source(&source).unwrap();
    }
    let html = render::to_html(&reconciler.reconcile());
    // The only script is the page's own; the claim's markup is text.
    assert_eq!(html.matches("<script").count(), 1, "{html}");
    assert!(html.contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"), "{html}");
    assert!(html.contains("&amp; &quot;more&quot;"), "{html}");
    assert!(!html.contains("<b>a") && html.contains("a&lt;b&gt;"), "source id unescaped: {html}");
    assert!(!html.contains("<i>") && html.contains("&lt;i&gt;Outlet&lt;/i&gt;"), "{html}");
    assert_self_contained(&html);
}

#[test]
fn html_report_lists_sections_sources_and_every_claim() {
    let (html, json) = ferry_report();
    assert_self_contained(&html);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<meta name=\"viewport\""));
    for section in SECTIONS {
        assert!(html.contains(&format!("<section id=\"{section}\"")), "no section {section}");
    }
    for (_, outlet) in FERRY {
        assert!(html.contains(outlet), "outlet {outlet} missing");
    }
    assert!(html.contains("2026-11-30"), "publication date missing");
    assert!(html.contains("Ferry Runs Aground Off Corrin Island"), "title missing");
    // Differences come before corroborated facts, and the differing words are marked.
    let at = |s: &str| html.find(&format!("<section id=\"{s}\"")).unwrap();
    assert!(at("summary") < at("sources") && at("sources") < at("differences"));
    assert!(at("differences") < at("corroborated") && at("corroborated") < at("single-source"));
    assert!(html.contains("<mark class=\"key\">Saturday evening</mark>"), "{html}");
    assert!(html.contains("likewise coastal_times:0"), "{html}");
    // The fact four sources tell before the one two tell.
    let differences = &html[at("differences")..at("corroborated")];
    let f0 = differences.find("id=\"f0\"").expect("f0 contested");
    let f4 = differences.find("id=\"f4\"").expect("f4 contested");
    assert!(f0 < f4, "{differences}");
    // Single-source facts are collapsed, one <details> per source.
    let single = &html[at("single-source")..at("graph")];
    assert_eq!(single.matches("<details>").count(), 3, "{single}");
    // The graph: one dot per claim.
    let claims = json["claims"].as_array().unwrap();
    let svg = &html[at("graph")..];
    assert!(svg.contains("<svg"));
    assert_eq!(svg.matches("<circle").count(), claims.len());
    let text = visible_text(&html);
    for c in claims {
        let words = normalize(c["text"].as_str().unwrap());
        assert!(text.contains(&words), "claim {} missing: {words}", c["id"]);
    }
}

#[test]
fn browser_renders_the_demo_report() {
    let Some(chromium) = chromium() else { return };
    let html = run_reconcile(&["--format", "html"]);
    let json: Value = serde_json::from_str(&run_reconcile(&["--format", "json"])).unwrap();
    check_in_browser(&chromium, "demo", &html, &json);
}

#[test]
fn browser_renders_a_report_of_four_articles() {
    let Some(chromium) = chromium() else { return };
    let (html, json) = ferry_report();
    check_in_browser(&chromium, "ferry", &html, &json);
}

#[test]
fn browser_renders_the_seeds_report() {
    let Some(dir) = crate::common::seeds_dir() else { return };
    let Some(chromium) = chromium() else { return };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 2, "no seed articles in {}", dir.display());
    let with = |format: &str| {
        let mut args = vec!["--format".into(), format.into()];
        args.extend(files.iter().map(|f| f.display().to_string()));
        args
    };
    let html = run_reconcile(&with("html"));
    assert_self_contained(&html);
    let json: Value = serde_json::from_str(&run_reconcile(&with("json"))).unwrap();
    check_in_browser(&chromium, "seeds", &html, &json);
}

#[test]
fn browser_runs_no_script_from_a_claim() {
    let Some(chromium) = chromium() else { return };
    let mut reconciler = Reconciler::new(Config::default());
    for (id, text) in [
        (
            "a",
            "Officials said 12 miners were rescued <script>document.title='pwned'</script> on Monday.",
        ),
        ("b", "Officials said 19 miners were rescued on Monday."),
    ] {
        reconciler.add_source(&Source::new(id, text).unwrap()).unwrap();
    }
    let html = render::to_html(&reconciler.reconcile());
    let dir = shot_dir("hostile");
    let page = dir.join("report.html");
    std::fs::write(&page, &html).unwrap();
    let dom = dump_dom(&chromium, &dir, &page);
    assert!(!dom.contains("pwned</title>"), "a claim's script ran");
    assert!(visible_text(&dom).contains("<script>document.title='pwned'</script>"), "{dom}");
}

/// Renders `html` at desktop and phone width and checks the DOM and the pictures.
fn check_in_browser(chromium: &Path, name: &str, html: &str, json: &Value) {
    let dir = shot_dir(name);
    let page = dir.join("report.html");
    std::fs::write(&page, html).unwrap();

    let dom = dump_dom(chromium, &dir, &page);
    for section in SECTIONS {
        assert!(
            dom.contains(&format!("id=\"{section}\"")),
            "{name}: no section {section} in the DOM"
        );
    }
    let text = visible_text(&dom);
    let claims = json["claims"].as_array().unwrap();
    assert!(!claims.is_empty());
    for c in claims {
        let words = normalize(c["text"].as_str().unwrap());
        assert!(text.contains(&words), "{name}: claim {} not in the DOM: {words}", c["id"]);
    }
    for s in json["sources"].as_array().unwrap() {
        let title = normalize(s["title"].as_str().unwrap());
        assert!(text.contains(&title), "{name}: source title {title} not in the DOM");
    }

    for (width, height) in [(1280, 2000), (390, 2000)] {
        let png = dir.join(format!("{name}-{width}.png"));
        screenshot(chromium, &dir, &page, &png, width, height);
        let (w, h, channels, pixels) = decode_png(&png);
        assert_eq!((w, h), (width, height), "{}", png.display());
        assert!(channels >= 3, "{}: not a colour picture", png.display());
        assert_not_blank(&pixels, channels, &png);
    }
}

/// The page loads nothing: no `src`, no link or `url(…)` out of the page.
fn assert_self_contained(html: &str) {
    assert!(!html.contains(" src="), "the page loads a resource");
    for pattern in ["href=\"http", "href=\"//", "url(", "@import", "<link", "<iframe"] {
        assert!(!html.contains(pattern), "the page refers to the outside: {pattern}");
    }
    for (i, _) in html.match_indices("href=\"") {
        assert!(html[i + 6..].starts_with('#'), "href not within the page: {}", &html[i..i + 40]);
    }
}

/// The report of the four ferry articles, as `reconcile --format html` and `--format json` print it.
fn ferry_report() -> (String, Value) {
    let mut args: Vec<String> = vec!["--date".into(), "2026-11-30".into()];
    for (id, outlet) in FERRY {
        args.push("--outlet".into());
        args.push(outlet.into());
        args.push(fixture(&format!("ferry/{id}.txt")).display().to_string());
    }
    let with = |format: &str| {
        let mut a = vec!["--format".to_string(), format.to_string()];
        a.extend(args.iter().cloned());
        a
    };
    let html = run_reconcile(&with("html"));
    let json = serde_json::from_str(&run_reconcile(&with("json"))).unwrap();
    (html, json)
}

fn run_reconcile<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> String {
    let out = example("reconcile").args(args).output().expect("run reconcile");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// The Chromium binary, or `None` with a note when it is missing outside CI.
fn chromium() -> Option<PathBuf> {
    let found = ["chromium", "chromium-browser"].iter().find_map(|name| {
        std::env::var_os("PATH").and_then(|paths| {
            std::env::split_paths(&paths).map(|d| d.join(name)).find(|p| p.is_file())
        })
    });
    let in_ci = std::env::var("CI").is_ok_and(|v| v == "true");
    match found {
        Some(path) => Some(path),
        None if in_ci => {
            panic!("chromium is not installed, and CI=true: the browser tests need it")
        }
        None => {
            eprintln!(
                "note: chromium is not installed (apt-get install chromium); skipping the browser tests"
            );
            None
        }
    }
}

/// A folder under the target directory for one test's page and pictures (kept, to be looked at).
fn shot_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("html").join(name);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn headless(chromium: &Path, dir: &Path) -> Command {
    let mut cmd = Command::new(chromium);
    cmd.args(["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"])
        // A profile per test, so tests running at once do not share one.
        .arg(format!("--user-data-dir={}", dir.join("profile").display()));
    cmd
}

fn file_url(page: &Path) -> String {
    format!("file://{}", page.display())
}

fn dump_dom(chromium: &Path, dir: &Path, page: &Path) -> String {
    let out = headless(chromium, dir).arg("--dump-dom").arg(file_url(page)).output().unwrap();
    assert!(out.status.success(), "chromium --dump-dom: {}", String::from_utf8_lossy(&out.stderr));
    let dom = String::from_utf8(out.stdout).unwrap();
    assert!(dom.contains("</html>"), "no DOM: {dom}");
    dom
}

fn screenshot(chromium: &Path, dir: &Path, page: &Path, png: &Path, width: u32, height: u32) {
    std::fs::remove_file(png).ok();
    let out = headless(chromium, dir)
        .arg(format!("--screenshot={}", png.display()))
        .arg(format!("--window-size={width},{height}"))
        .arg(file_url(page))
        .output()
        .unwrap();
    assert!(
        out.status.success() && png.is_file(),
        "chromium --screenshot: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Width, height, samples per pixel and the pixel bytes of an 8-bit PNG.
fn decode_png(path: &Path) -> (u32, u32, usize, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    buf.truncate(info.buffer_size());
    assert_eq!(info.bit_depth, png::BitDepth::Eight, "{}", path.display());
    (info.width, info.height, info.color_type.samples(), buf)
}

/// A page with text, coloured marks and a graph: many colours, a good share of non-white pixels,
/// dark text as well as light background.
fn assert_not_blank(pixels: &[u8], channels: usize, png: &Path) {
    let mut colours = std::collections::HashSet::new();
    let (mut dark, mut non_white) = (0usize, 0usize);
    let n = pixels.len() / channels;
    for px in pixels.chunks(channels) {
        colours.insert((px[0], px[1], px[2]));
        let luma = (px[0] as u32 * 3 + px[1] as u32 * 6 + px[2] as u32) / 10;
        if luma < 80 {
            dark += 1;
        }
        if luma < 245 {
            non_white += 1;
        }
    }
    let shown = png.display();
    assert!(colours.len() >= 50, "{shown}: only {} colours", colours.len());
    assert!(dark * 200 > n, "{shown}: almost no dark (text) pixels: {dark} of {n}");
    assert!(non_white * 20 > n, "{shown}: almost all white: {non_white} of {n}");
    assert!(non_white * 10 < n * 9, "{shown}: almost nothing white: {non_white} of {n}");
}

/// The text of an HTML document as a reader sees it: tags dropped, entities decoded, white space
/// collapsed (the contents of `<style>` and `<script>` dropped too).
fn visible_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let tag = &rest[open..];
        let skip_to = ["<style", "<script"].iter().find(|t| tag.starts_with(**t)).map(|t| {
            let close = format!("</{}>", &t[1..]);
            tag.find(&close).map_or(tag.len(), |i| i + close.len())
        });
        let end = skip_to.unwrap_or_else(|| tag.find('>').map_or(tag.len(), |i| i + 1));
        rest = &tag[end..];
    }
    text.push_str(rest);
    let decoded = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&");
    normalize(&decoded)
}

fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn facts_carry_their_story_when_a_run_has_several() {
    let mut reconciler = Reconciler::new(Config::default());
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join("demo");
    let files = FERRY
        .iter()
        .map(|(id, _)| fixture(&format!("ferry/{id}.txt")))
        .chain(["harbor_courier.txt", "kestria_wire.txt"].map(|f| demo.join(f)));
    for path in files {
        reconciler.add_source(&Source::from_file(path).unwrap()).unwrap();
    }
    let report = reconciler.reconcile();
    assert_eq!(report.stories.len(), 2, "{:?}", report.stories);
    let html = render::to_html(&report);
    let stories = &html[html.find("<section id=\"stories\"").unwrap()..];
    let stories = &stories[..stories.find("</section>").unwrap()];
    assert_eq!(stories.matches("<li>").count(), 2, "{stories}");
    // Every fact heading names its story.
    let headings = html.matches("<h3>").count();
    assert!(headings > 0);
    assert_eq!(html.matches("<h3>f").count(), headings);
    assert_eq!(
        html.split("<h3>").skip(1).filter(|h| h.contains("<span class=\"story\">s")).count(),
        headings
    );
    let text = render::to_text(&report);
    assert!(text.contains("STORIES (2 events"), "{text}");
    assert!(text.contains("(story s1), reported by harbor_courier, kestria_wire"), "{text}");
}
