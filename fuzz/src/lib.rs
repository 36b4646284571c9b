//! What each fuzz target runs on one input, and the invariants it checks beyond "no panic".
//!
//! The targets in `fuzz_targets/` are one line each, calling a function here. The main crate's
//! tests include this file (`tests/fuzz.rs`) and replay the seed inputs (`fuzz/seeds/`) and every
//! input a fuzzer once crashed on (`tests/fixtures/fuzz/`) through the same functions, on stable
//! Rust and without libFuzzer. See `docs/fuzzing.md`.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use corroborate::align::{AlignConfig, PairScorer};
use corroborate::extract::{Extraction, MAX_CLAIM_BYTES, extract as extract_claims};
use corroborate::io::articles::{articles_from_json, source_from_html};
use corroborate::io::import::claims_from_json;
use corroborate::model::SourceMeta;
use corroborate::render::{to_dot, to_html, to_json, to_markdown, to_text};
use corroborate::truth::books::parse_listings;
use corroborate::truth::load::{Format, parse};
use corroborate::truth::{Algorithm, Dataset, ValueKind};
use corroborate::{Claim, Config, Error, Reconciler, Reconciliation, Source, SourceId};

#[path = "../../examples/support/pair_lines.rs"]
mod pair_lines;
#[path = "../../examples/support/sentence.rs"]
mod sentence;

/// What a target runs on one input.
pub type Target = fn(&[u8]);

/// The targets by name, as `cargo fuzz run NAME` knows them.
pub const TARGETS: [(&str, Target); 6] = [
    ("extract", extract),
    ("reconcile", reconcile),
    ("import_claims", import_claims),
    ("truth_load", truth_load),
    ("pairs", pairs),
    ("articles", articles),
];

/// Extraction of arbitrary bytes: `Source::from_bytes`, then `extract`.
///
/// Checks: bad bytes are an error naming the source, never a panic, and good text is never
/// refused; on text, every extraction invariant ([`check_extraction`]); extraction of a short
/// input is deterministic.
pub fn extract(data: &[u8]) {
    let source = match Source::from_bytes("fuzz", data.to_vec()) {
        Ok(source) => source,
        Err(err) => {
            names_input(&err, "fuzz");
            let text = std::str::from_utf8(data);
            assert!(text.is_err() || text.unwrap().trim().is_empty(), "refused good text: {err}");
            return;
        }
    };
    let ex = extract_claims(&source);
    check_extraction("fuzz", source.text(), &ex);
    // Twice the work: checked on short inputs only, where most executions are.
    if data.len() <= 128 {
        assert_eq!(extract_claims(&source), ex, "extraction is not deterministic");
    }
}

/// A full run over two sources cut from arbitrary bytes: `Reconciler`, `reconcile`, and every
/// rendering.
///
/// The input is split at its first 0xFF byte (never part of UTF-8 text): before it source `a`,
/// after it source `b`. Checks: claim spans are valid in their source's text; every claim is in
/// exactly one fact ([`check_facts`]); the JSON report parses, and every rendering is made.
pub fn reconcile(data: &[u8]) {
    let (a, b) = match data.iter().position(|&x| x == 0xFF) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    let sources: Vec<Source> = [("a", a), ("b", b)]
        .into_iter()
        .filter_map(|(id, bytes)| Source::from_bytes(id, bytes.to_vec()).ok())
        .collect();
    let mut run = Reconciler::new(Config::default());
    for source in &sources {
        run.add_source(source).expect("two distinct ids");
    }
    let report = run.reconcile();
    let texts: HashMap<&str, &str> = sources.iter().map(|s| (s.id().as_str(), s.text())).collect();
    for claim in &report.claims {
        let text = texts[claim.id.source().as_str()];
        assert!(claim.start < claim.end && claim.end <= text.len(), "claim span outside its text");
        assert_eq!(&text[claim.start..claim.end], claim.text);
    }
    check_facts(&report);
    for rendered in [to_text(&report), to_markdown(&report), to_html(&report), to_dot(&report)] {
        assert!(!rendered.is_empty());
    }
}

/// Claims from elsewhere: `import::claims_from_json` (a JSON array or JSON Lines of claim
/// records) on arbitrary text, then a run over the imported claims.
///
/// Checks: bad input is an error naming the input, never a panic; imported claims have ids
/// `fuzz:{n}` in record order, non-blank text and `start <= end`; what `jsonl` writes of them it
/// reads back equal; a `Reconciler` given them as a source of their own, beside an extracted
/// source, puts every claim in exactly one fact.
pub fn import_claims(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let id = SourceId::new("fuzz");
    let claims = match claims_from_json(&id, "fuzz.jsonl", text) {
        Ok(claims) => claims,
        Err(err) => return names_input(&err, "fuzz"),
    };
    assert!(!claims.is_empty(), "Ok with no claim");
    for (n, c) in claims.iter().enumerate() {
        assert_eq!(c.id.to_string(), format!("fuzz:{n}"));
        assert!(!c.text.trim().is_empty(), "a claim with blank text");
        assert!(c.start <= c.end, "claim span {}..{} backwards", c.start, c.end);
    }
    let mut written = Vec::new();
    corroborate::io::jsonl::write(&mut written, "mem", &claims).expect("claims serialise");
    let read: Vec<Claim> =
        corroborate::io::jsonl::read(&written[..], "mem").expect("claims read back");
    assert_eq!(read, claims, "claims change in a JSON Lines round trip");
    if claims.len() > 8 {
        return; // A run is the slow part; small inputs reach it as well.
    }
    let mut run = Reconciler::new(Config::default());
    let other = Source::new("other", claims[0].text.clone()).expect("non-blank text");
    run.add_source(&other).expect("first source");
    run.add_claims(id, SourceMeta::default(), claims).expect("claims of a new source");
    check_facts(&run.reconcile());
}

/// The truth loaders: `truth::load::parse` (TSV, CSV, JSON Lines; each value kind) and
/// `truth::books::parse_listings` on arbitrary text, then every algorithm on what they read.
///
/// The first byte picks the reader: bits 0–1 the format (TSV, CSV, JSON Lines, book listings),
/// bits 2–3 the value kind (text, number, names, date). Checks: bad input is an error naming the
/// input and a line, never a panic; the dataset is consistent ([`check_dataset`]); book listings
/// keep their bookkeeping (one first claim per book among its claims, one display string per
/// claim, ISBN-13 objects); every algorithm gives finite trust and belief and a winner per
/// variable.
pub fn truth_load(data: &[u8]) {
    let Some((&selector, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let kind = [ValueKind::Text, ValueKind::Number, ValueKind::Names, ValueKind::Date]
        [usize::from(selector >> 2 & 3)];
    let data = match selector & 3 {
        3 => match parse_listings("fuzz.txt", text) {
            Ok(l) => {
                assert_eq!(l.first_claim.len(), l.data.n_variables());
                assert_eq!(l.display.len(), l.data.n_claims());
                for v in 0..l.data.n_variables() {
                    let isbn = l.data.variable(v).0;
                    assert!(isbn.len() == 13 && isbn.bytes().all(|b| b.is_ascii_digit()), "{isbn}");
                    assert!(l.data.variable_claims(v).contains(&l.first_claim[v]));
                }
                assert!(l.display.iter().all(|d| !d.is_empty()), "an empty author list shown");
                l.data
            }
            Err(err) => return names_input(&err, "fuzz.txt: line "),
        },
        f => {
            let (format, name) = [
                (Format::Tsv, "fuzz.tsv"),
                (Format::Csv, "fuzz.csv"),
                (Format::JsonLines, "fuzz.jsonl"),
            ][usize::from(f)];
            match parse(name, text, format, kind) {
                Ok(d) => {
                    assert!((0..d.n_claims()).all(|c| d.value(c).kind() == kind), "a value's kind");
                    d
                }
                Err(err) => return names_input(&err, &format!("{name}: line ")),
            }
        }
    };
    check_dataset(&data);
    if data.n_statements() <= 64 {
        for algorithm in Algorithm::all() {
            let outcome = algorithm.run(&data);
            let name = algorithm.name();
            assert_eq!(outcome.trust.len(), data.n_sources());
            assert_eq!(outcome.belief.len(), data.n_claims());
            assert!(outcome.trust.iter().all(|t| t.is_finite()), "{name}: trust not finite");
            assert!(outcome.belief.iter().all(|b| b.is_finite()), "{name}: belief not finite");
            for v in 0..data.n_variables() {
                let w = outcome.winner(&data, v).expect("a variable has claims");
                assert!(data.variable_claims(v).contains(&w));
            }
        }
    }
}

/// The pair interface: the pair-line reader (`examples/support/pair_lines.rs`, what
/// `examples/pairs.rs` reads) on arbitrary text, then each pair scored as `pairs` scores it.
///
/// Checks: a bad line is an error naming the input and its line, never a panic; every score is
/// in [0, 1] and the same both ways round.
pub fn pairs(data: &[u8]) {
    static CONFIG: OnceLock<AlignConfig> = OnceLock::new();
    let Ok(text) = std::str::from_utf8(data) else { return };
    let lines = match pair_lines::parse("fuzz.tsv", text) {
        Ok(lines) => lines,
        Err(err) => return names_input(&err, "fuzz.tsv: line "),
    };
    let scorer = PairScorer::new(CONFIG.get_or_init(AlignConfig::default));
    for (_, a, b) in lines.iter().take(8) {
        let claims = sentence::pair_claims(a, b);
        let run = scorer.scorer(&claims);
        let score = run.score_value(0, 1);
        assert!((0.0..=1.0).contains(&score), "score {score} outside [0, 1]");
        assert_eq!(score, run.score_value(1, 0), "score not symmetric");
    }
}

/// The article readers: `articles::source_from_html` (an HTML page) and
/// `articles::articles_from_json` (article records, JSON Lines or a JSON array) on arbitrary text,
/// then extraction of what they read.
///
/// The first byte picks the reader (even: HTML, odd: JSON). Checks: a page with no main text is
/// `EmptySource`, never a panic; a page's text is non-blank and extracts with every extraction
/// invariant, spans being offsets into the extracted text; records give sources with distinct
/// ids and non-blank text and one error per bad record naming the input, never neither.
pub fn articles(data: &[u8]) {
    let Some((&selector, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    if selector % 2 == 0 {
        match source_from_html("page", text) {
            Ok(source) => {
                assert!(!source.text().trim().is_empty(), "a page source with blank text");
                check_extraction("page", source.text(), &extract_claims(&source));
            }
            Err(err) => assert!(matches!(err, Error::EmptySource { .. }), "{err}"),
        }
    } else {
        let (sources, errors) = articles_from_json(&SourceId::new("feed"), "feed.jsonl", text);
        assert!(!sources.is_empty() || !errors.is_empty(), "neither sources nor errors");
        let mut ids = HashSet::new();
        for source in &sources {
            assert!(ids.insert(source.id().clone()), "two sources with id {}", source.id());
            assert!(!source.text().trim().is_empty(), "an article with blank text");
        }
        for err in &errors {
            names_input(err, "feed");
        }
        if let Some(source) = sources.first() {
            check_extraction(source.id().as_str(), source.text(), &extract_claims(source));
        }
    }
}

/// ARCHITECTURE.md's extraction invariants: every span a half-open byte range of `text` on char
/// boundaries, a claim's text its span, annotations inside their claim, no byte in two spans,
/// every non-white-space byte in a claim or a skipped span, no claim longer than
/// `MAX_CLAIM_BYTES`, ids `{source}:{n}` in text order, quantities finite.
pub fn check_extraction(source_id: &str, text: &str, ex: &Extraction) {
    let mut covered = vec![false; text.len()];
    let mut mark = |what: &str, s: usize, e: usize| {
        assert!(s < e && e <= text.len(), "{what} span {s}..{e} outside the text ({})", text.len());
        assert!(
            text.is_char_boundary(s) && text.is_char_boundary(e),
            "{what} span {s}..{e} splits a char"
        );
        for c in &mut covered[s..e] {
            assert!(!*c, "{what} span {s}..{e} covers a byte twice");
            *c = true;
        }
    };
    let mut last_end = 0;
    for (n, c) in ex.claims.iter().enumerate() {
        mark("claim", c.start, c.end);
        assert!(c.start >= last_end, "claims out of text order");
        last_end = c.end;
        assert_eq!(c.id.to_string(), format!("{source_id}:{n}"));
        assert_eq!(&text[c.start..c.end], c.text, "a claim's text is not its span");
        assert!(c.end - c.start <= MAX_CLAIM_BYTES, "claim of {} bytes", c.end - c.start);
        let inside = |s: usize, e: usize| c.start <= s && s <= e && e <= c.end;
        assert!(c.entities.iter().all(|x| inside(x.start, x.end)), "entity outside its claim");
        assert!(c.quantities.iter().all(|x| inside(x.start, x.end)), "quantity outside its claim");
        assert!(c.times.iter().all(|x| inside(x.start, x.end)), "time outside its claim");
        assert!(c.quotes.iter().all(|x| inside(x.start, x.end)), "quote outside its claim");
        assert!(c.quantities.iter().all(|q| q.value.is_finite()), "a quantity not finite");
    }
    for s in &ex.skipped {
        mark("skipped", s.start, s.end);
    }
    for (i, ch) in text.char_indices() {
        assert!(ch.is_whitespace() || covered[i], "byte {i} ({ch:?}) in no claim and not skipped");
    }
}

/// ARCHITECTURE.md's report invariant: every claim belongs to exactly one fact, facts name only
/// claims of the run; and the JSON report is valid JSON.
pub fn check_facts(report: &Reconciliation) {
    let mut fact_of: HashMap<_, usize> = report.claims.iter().map(|c| (c.id.clone(), 0)).collect();
    for fact in &report.facts {
        for id in &fact.claims {
            let n = fact_of.get_mut(id).expect("a fact names a claim not in the run");
            *n += 1;
        }
    }
    assert!(fact_of.values().all(|&n| n == 1), "a claim in no fact or in two");
    let json = to_json(report).to_string();
    serde_json::from_str::<serde_json::Value>(&json).expect("the JSON report parses");
}

/// A truth-discovery dataset's bookkeeping: each variable's claims consecutive and non-empty,
/// every claim stated by a source, `claims_of` and `sources_of` agreeing, and each value as like
/// itself as values can be (similarity 1).
pub fn check_dataset(d: &Dataset) {
    let mut next = 0;
    for v in 0..d.n_variables() {
        let claims = d.variable_claims(v);
        assert_eq!(claims.start, next, "a variable's claims are not consecutive");
        assert!(!claims.is_empty(), "a variable without claims");
        next = claims.end;
        for c in claims {
            assert_eq!(d.claim_variable(c), v);
            assert!(!d.sources_of(c).is_empty(), "a claim without a source");
            let s = d.value(c).similarity(d.value(c), 1.0);
            assert!((s - 1.0).abs() < 1e-9, "a value is {s} like itself: {}", d.value(c));
        }
    }
    assert_eq!(next, d.n_claims());
    for s in 0..d.n_sources() {
        for &c in d.claims_of(s) {
            assert!(d.sources_of(c as usize).contains(&(s as u32)), "claims_of and sources_of");
        }
    }
}

/// The project's standard for bad input: an error whose message names the input.
pub fn names_input(err: &Error, input: &str) {
    let message = err.to_string();
    assert!(message.contains(input), "error {message:?} does not name {input:?}");
}
