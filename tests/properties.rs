//! Properties of extraction on arbitrary text: no panic, spans valid, nothing lost.

use proptest::prelude::*;

use corroborate::Source;
use corroborate::extract::extract;

/// Text that looks a little like news: words, numbers, quotes, dashes and odd characters.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[A-Z][a-z]{1,8}",
        "[a-z]{1,8}",
        "[0-9]{1,5}",
        Just("U.S.".to_string()),
        Just("Mr.".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("—".to_string()),
        Just("–".to_string()),
        Just("-".to_string()),
        Just(". ".to_string()),
        Just(", ".to_string()),
        Just("; ".to_string()),
        Just("? ".to_string()),
        Just("\n".to_string()),
        Just(" ".to_string()),
        Just("\u{FEFF}".to_string()),
        // Furniture the segmenter skips with a reason: addresses, datelines, bylines, credits.
        Just("https://example.org/a?b=1".to_string()),
        Just("\nBy".to_string()),
        Just("WASHINGTON".to_string()),
        Just("(Wire) -".to_string()),
        Just("\nPhoto:".to_string()),
        Just("/ Getty Images".to_string()),
        Just("\nRead more:".to_string()),
        Just("Reporting by".to_string()),
        "\\PC{1,3}",
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.join(" "))
}

fn check_invariants(text: &str) {
    let Ok(source) = Source::new("p", text) else {
        assert!(text.trim().is_empty());
        return;
    };
    let ex = extract(&source);
    let mut covered = vec![false; text.len()];
    let mut mark = |s: usize, e: usize| {
        assert!(s < e && e <= text.len(), "span {s}..{e} outside the text");
        assert!(
            text.is_char_boundary(s) && text.is_char_boundary(e),
            "span {s}..{e} splits a char"
        );
        for c in &mut covered[s..e] {
            assert!(!*c, "byte covered twice");
            *c = true;
        }
    };
    for c in &ex.claims {
        mark(c.start, c.end);
        assert_eq!(&text[c.start..c.end], c.text);
        let inside = |s: usize, e: usize| c.start <= s && s <= e && e <= c.end;
        assert!(c.entities.iter().all(|x| inside(x.start, x.end)));
        assert!(c.quantities.iter().all(|x| inside(x.start, x.end)));
        assert!(c.times.iter().all(|x| inside(x.start, x.end)));
        assert!(c.quotes.iter().all(|x| inside(x.start, x.end)));
    }
    for s in &ex.skipped {
        mark(s.start, s.end);
    }
    for (i, ch) in text.char_indices() {
        assert!(
            ch.is_whitespace() || covered[i],
            "byte {i} ({ch:?}) is in no claim and not skipped"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn newsish_text_keeps_the_invariants(text in newsish()) {
        check_invariants(&text);
    }

    #[test]
    fn arbitrary_strings_keep_the_invariants(text in "\\PC{0,300}") {
        check_invariants(&text);
    }
}

#[test]
fn huge_line_keeps_the_invariants() {
    let text = format!("{} end.", "several words without any stop ".repeat(2_000));
    check_invariants(&text);
}
