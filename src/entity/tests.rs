use super::*;
use crate::model::{Attribution, Claim, EntityKind, Quote, SourceId};

use EntityKind::{Organization as O, Other as X, Person as P, Place as L};

/// One row: a sentence and the mentions it must give, as (surface, canonical, kind).
type Row = (&'static str, &'static [(&'static str, &'static str, EntityKind)]);

const MENTIONS: &[Row] = &[
    (
        "Chilean President Ana Ruiz met EU leaders in Brussels.",
        &[
            ("Chilean President Ana Ruiz", "Ana Ruiz", P),
            ("EU", "European Union", O),
            ("Brussels", "Brussels", L),
        ],
    ),
    (
        "However, Ruiz’s envoy flew to Lisbon on Tuesday.",
        &[("Ruiz", "Ruiz", X), ("Lisbon", "Lisbon", X)],
    ),
    (
        "Following the vote, the Kremlin's spokesperson Ivan Dorokhov said nothing.",
        &[("Kremlin", "Kremlin", O), ("spokesperson Ivan Dorokhov", "Ivan Dorokhov", P)],
    ),
    (
        "EC President Marta van der Berg spoke with the U.S. delegation.",
        &[
            ("EC", "European Commission", O),
            ("President Marta van der Berg", "Marta van der Berg", P),
            ("U.S.", "United States", L),
        ],
    ),
    (
        "The U.S.-Canada deal followed a Lund-Okafor meeting.",
        &[
            ("U.S.", "United States", L),
            ("Canada", "Canada", L),
            ("Lund", "Lund", X),
            ("Okafor", "Okafor", X),
        ],
    ),
    (
        "Pope Gregory XVII urged calm in Rome.",
        &[("Pope Gregory XVII", "Gregory XVII", P), ("Rome", "Rome", L)],
    ),
    (
        "Despite the storm, NATO and the United Nations sent aid to Bashar al-Haddad.",
        &[
            ("NATO", "NATO", O),
            ("United Nations", "United Nations", O),
            ("Bashar al-Haddad", "Bashar al-Haddad", X),
        ],
    ),
    (
        "Lena Okafor, the former Danish prime minister, said the plan would fail.",
        &[("Lena Okafor", "Lena Okafor", P), ("Danish", "", X)],
    ),
    (
        "Moscow’s reply came on Monday, in March, before the Norwegian Defence Ministry spoke.",
        &[("Moscow", "Moscow", L), ("Norwegian Defence Ministry", "Norwegian Defence Ministry", O)],
    ),
    (
        "\u{201c}We will END this now,\u{201d} Mr. Tomas Brandt told reporters at the White House.",
        &[("Mr. Tomas Brandt", "Tomas Brandt", P), ("White House", "White House", O)],
    ),
    (
        "Speaking in Kyiv, Ukraine’s President Petro Marchenko thanked the IAEA.",
        &[
            ("Kyiv", "Kyiv", L),
            ("Ukraine", "Ukraine", L),
            ("President Petro Marchenko", "Petro Marchenko", P),
            ("IAEA", "International Atomic Energy Agency", O),
        ],
    ),
    (
        "The rebels advanced in the northern Varna and Tulsk regions.",
        &[("Varna", "Varna", X), ("Tulsk", "Tulsk", L)],
    ),
    ("Storm Hits Coast As Leaders Gather In Paris", &[("Paris", "Paris", L)]),
    ("", &[]),
    (
        "Bhutanese Foreign Minister Karma Dorji and Swedish officials met in Oslo.",
        &[("Bhutanese Foreign Minister Karma Dorji", "Karma Dorji", P), ("Oslo", "Oslo", L)],
    ),
    ("no names here at all, only lowercase words.", &[]),
];

#[test]
fn mentions_table() {
    let mut failures = Vec::new();
    for (sentence, expected) in MENTIONS {
        let found = find_mentions(sentence, 7);
        let got: Vec<(&str, &str, EntityKind)> =
            found.iter().map(|e| (e.surface.as_str(), e.canonical.as_str(), e.kind)).collect();
        // Rows list a demonym with an empty canonical to say "this word is NOT a mention".
        let want: Vec<(&str, &str, EntityKind)> =
            expected.iter().copied().filter(|(_, c, _)| !c.is_empty()).collect();
        if got != want {
            failures.push(format!("{sentence:?}\n  got  {got:?}\n  want {want:?}"));
        }
        for e in &found {
            assert_eq!(&sentence[e.start - 7..e.end - 7], e.surface, "span of {e:?}");
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
