use super::*;
use crate::model::{Attribution, Claim, EntityKind, Quote, SourceId};

use EntityKind::{Organization as O, Other as X, Person as P, Place as L};

/// One row: a sentence and the mentions it must give, as (surface, canonical, kind).
type Row = (&'static str, &'static [(&'static str, &'static str, EntityKind)]);

const MENTIONS: &[Row] = &[
    // A number word opening a sentence is a number, not a name.
    ("Fifty people were evacuated from the depot on Monday.", &[]),
    ("Thirty-two firefighters arrived later, officials said.", &[]),
    ("Hundreds of residents left before Mara Olsen spoke.", &[("Mara Olsen", "Mara Olsen", X)]),
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
        &[("Varna", "Varna", L), ("Tulsk", "Tulsk", L)],
    ),
    ("Storm Hits Coast As Leaders Gather In Paris", &[("Paris", "Paris", L)]),
    ("", &[]),
    (
        "Negotiators from the Eritrean side met Julian in Asmara.",
        &[("Julian", "Julian", X), ("Asmara", "Asmara", X)],
    ),
    ("Delegations arrived; Julian said little.", &[("Julian", "Julian", X)]),
    ("The U.N. Secretary-General spoke.", &[("U.N.", "United Nations", O)]),
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

/// Claims of one source, one per sentence, with their mentions found.
fn source(id: &str, sentences: &[&str]) -> Vec<Claim> {
    let mut claims = Vec::new();
    let mut offset = 0;
    for (i, s) in sentences.iter().enumerate() {
        let mut c = Claim::new(SourceId::new(id), i, offset, *s);
        c.entities = find_mentions(s, offset);
        claims.push(c);
        offset += s.len() + 1;
    }
    claims
}

/// The canonical name every mention with `surface` got (all must agree).
fn canonical_of(claims: &[Claim], surface: &str) -> String {
    let names: std::collections::BTreeSet<&str> = claims
        .iter()
        .flat_map(|c| &c.entities)
        .filter(|e| e.surface == surface)
        .map(|e| e.canonical.as_str())
        .collect();
    assert_eq!(names.len(), 1, "{surface:?} has names {names:?}");
    names.into_iter().next().unwrap_or_default().to_string()
}

fn run() -> Vec<Claim> {
    let mut claims = source(
        "a",
        &[
            "Ukrainian President Taras Kovalskiy met Pope Gregory XVII in Rome.",
            "EC President Marta van der Berg joined the U.S. envoy, Boris Ignatov, for talks.",
            "Anna Lind and Erik Lind both attended, and Lind spoke first.",
            "Andrei Lunin chaired the session.",
            "The National Grain Board said exports would rise.",
        ],
    );
    claims.extend(source(
        "b",
        &[
            "Kovalsky thanked Pope Gregory for the invitation.",
            "European Commission President Marta van der Berg said the United States agreed.",
            "Ignatov later flew home, and Taras Kovalsky followed.",
            "The NGB expects larger harvests.",
            "Andriy Lunin closed it.",
        ],
    ));
    claims
}

/// (surface, canonical after resolution).
const MERGES: &[(&str, &str)] = &[
    // Both full spellings occur once: the lexicographically first wins.
    ("Ukrainian President Taras Kovalskiy", "Taras Kovalskiy"),
    ("Kovalsky", "Taras Kovalskiy"),
    ("Taras Kovalsky", "Taras Kovalskiy"),
    ("Pope Gregory XVII", "Gregory XVII"),
    ("Pope Gregory", "Gregory XVII"),
    ("EC", "European Commission"),
    ("European Commission", "European Commission"),
    ("President Marta van der Berg", "Marta van der Berg"),
    ("U.S.", "United States"),
    ("United States", "United States"),
    ("Boris Ignatov", "Boris Ignatov"),
    ("Ignatov", "Boris Ignatov"),
    // Two full names share the surname: the bare surname stays itself.
    ("Lind", "Lind"),
    ("Anna Lind", "Anna Lind"),
    ("Erik Lind", "Erik Lind"),
    ("NGB", "National Grain Board"),
    ("Andriy Lunin", "Andrei Lunin"),
];

#[test]
fn resolution_merges_variants() {
    let mut claims = run();
    resolve(&mut claims);
    for (surface, canonical) in MERGES {
        assert_eq!(canonical_of(&claims, surface), *canonical, "{surface}");
    }
    let kovalsky = claims.iter().flat_map(|c| &c.entities).find(|e| e.surface == "Kovalsky");
    assert_eq!(kovalsky.map(|e| e.kind), Some(EntityKind::Person));
}

#[test]
fn resolving_twice_changes_nothing() {
    let mut once = run();
    once.extend(speaker_claims());
    resolve(&mut once);
    let mut twice = once.clone();
    resolve(&mut twice);
    assert_eq!(once, twice);
}

#[test]
fn user_aliases_win() {
    let mut claims = run();
    let mut aliases = Aliases::new();
    aliases.add("NGB", "Grain Board of the Republic").add("Lind", "Anna Lind");
    resolve_with(&mut claims, &aliases);
    assert_eq!(canonical_of(&claims, "NGB"), "Grain Board of the Republic");
    assert_eq!(canonical_of(&claims, "National Grain Board"), "Grain Board of the Republic");
    assert_eq!(canonical_of(&claims, "Lind"), "Anna Lind");
    assert_eq!(canonical_of(&claims, "Erik Lind"), "Erik Lind");
}

#[test]
fn alias_file_errors_name_the_line() {
    let err = Aliases::parse("a\tb\nno tab here\n", "my.tsv").unwrap_err();
    assert_eq!(err.to_string(), "my.tsv: line 2: expected `alias<TAB>canonical`");
    assert!(Aliases::parse("\tb\n", "x").is_err());
    assert_eq!(Aliases::parse("# only a comment\n\n", "x").map(|a| a.len()).ok(), Some(0));
}

#[test]
fn transliteration_variants_share_a_form() {
    use resolve::transliterate;
    for (a, b) in [
        ("zelenskiy", "zelensky"),
        ("zelenskyy", "zelensky"),
        ("khodorov", "hodorov"),
        ("wladimir", "vladimir"),
        ("yuri", "yury"),
    ] {
        assert_eq!(transliterate(a), transliterate(b), "{a} ~ {b}");
    }
    assert_ne!(transliterate("petrov"), transliterate("petrova"));
}

fn attributed(mut claim: Claim, surface: &str) -> Claim {
    let at = claim.text.find(surface).unwrap_or(0);
    claim.attribution = Some(Attribution {
        speaker: surface.to_string(),
        surface: surface.to_string(),
        cue: "said".into(),
        start: claim.start + at,
        end: claim.start + at + surface.len(),
        resolved: false,
        channel: None,
    });
    claim
}

/// (claim text, speaker surface, expected speaker, expected resolved).
const SPEAKERS: &[(&str, &str, &str, bool)] = &[
    ("Russian President Ivan Petrov met Chancellor Greta Holm in Oslo.", "", "", false),
    ("He said the talks were useful.", "He", "Ivan Petrov", true),
    ("The Russian leader later said he was tired.", "The Russian leader", "Ivan Petrov", true),
    ("The chancellor said she would return.", "The chancellor", "Greta Holm", true),
    ("President Tom Reed said markets were calm.", "President Tom Reed", "Tom Reed", true),
    // Two presidents are now known: "the president" is not clear.
    ("The president said more was needed.", "The president", "The president", false),
    (
        "Kremlin adviser Pavel Sorin noted the delay.",
        "Kremlin adviser Pavel Sorin",
        "Pavel Sorin",
        true,
    ),
    ("The prices rose in the afternoon.", "", "", false),
    (
        "Talks will go on, said Norway's top negotiator, Siri Dahl.",
        "Norway's top negotiator",
        "Siri Dahl",
        true,
    ),
    ("Russia's president said no more.", "Russia's president", "Ivan Petrov", true),
    ("Later still, they said it again.", "they", "they", false),
];

fn speaker_claims() -> Vec<Claim> {
    let mut claims = source("s", &SPEAKERS.iter().map(|r| r.0).collect::<Vec<_>>());
    for (claim, row) in claims.iter_mut().zip(SPEAKERS) {
        if !row.1.is_empty() {
            *claim = attributed(claim.clone(), row.1);
        }
    }
    claims
}

#[test]
fn speakers_resolve_where_clear() {
    let mut claims = speaker_claims();
    resolve(&mut claims);
    for (claim, (text, _, speaker, resolved)) in claims.iter().zip(SPEAKERS) {
        match &claim.attribution {
            Some(a) => {
                assert_eq!((a.speaker.as_str(), a.resolved), (*speaker, *resolved), "{text}");
            }
            None => assert!(speaker.is_empty()),
        }
    }
}

#[test]
fn pronoun_with_no_person_before_stays_unresolved() {
    let mut claims = vec![attributed(source("t", &["She said rain was coming."]).remove(0), "She")];
    resolve_references(&mut claims);
    let a = claims[0].attribution.as_ref().map(|a| (a.speaker.as_str(), a.resolved));
    assert_eq!(a, Some(("She", false)));
}

#[test]
fn quote_pronoun_speaker_resolves() {
    let mut claims =
        source("q", &["Deputy Minister Sara Vidal arrived.", "\"It is done,\" she said."]);
    let at = claims[1].start;
    claims[1].quotes.push(Quote {
        text: "It is done,".into(),
        start: at + 1,
        end: at + 12,
        speaker: Some("she".into()),
    });
    resolve_references(&mut claims);
    assert_eq!(claims[1].quotes[0].speaker.as_deref(), Some("Sara Vidal"));
    // Resolving twice changes nothing.
    let before = claims.clone();
    resolve_references(&mut claims);
    assert_eq!(before, claims);
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn resolution_is_independent_of_claim_order(seed in any::<u64>()) {
            let mut base = run();
            resolve(&mut base);
            let mut shuffled = run();
            // A deterministic permutation from the seed (Fisher-Yates with an LCG).
            let mut state = seed;
            for i in (1..shuffled.len()).rev() {
                state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                let j = (state >> 33) as usize % (i + 1);
                shuffled.swap(i, j);
            }
            resolve(&mut shuffled);
            shuffled.sort_by(|a, b| a.id.cmp(&b.id));
            base.sort_by(|a, b| a.id.cmp(&b.id));
            prop_assert_eq!(base, shuffled);
        }

        #[test]
        fn find_mentions_spans_are_valid(text in "\\PC{0,80}", base in 0usize..1000) {
            let found = find_mentions(&text, base);
            let mut last_end = base;
            for e in &found {
                prop_assert!(e.start >= last_end && e.start < e.end && e.end <= base + text.len());
                prop_assert!(text.is_char_boundary(e.start - base) && text.is_char_boundary(e.end - base));
                prop_assert_eq!(&text[e.start - base..e.end - base], e.surface.as_str());
                last_end = e.end;
            }
        }

        #[test]
        fn find_mentions_on_name_like_text(text in "([A-Z][a-z]{0,6}|U\\.S\\.|al|von|der|'s|’s|-|\\.|,|“| ){0,20}") {
            let found = find_mentions(&text, 0);
            for e in &found {
                prop_assert_eq!(&text[e.start..e.end], e.surface.as_str());
                prop_assert!(!e.canonical.is_empty());
            }
        }
    }
}

#[test]
fn builtin_gazetteer_has_no_bad_lines() {
    let (gz, bad) = lexicon::parse_gazetteer(include_str!("gazetteer.tsv"));
    assert!(bad.is_empty(), "unreadable gazetteer lines: {bad:?}");
    assert!(gz.entries.len() > 200);
    let (_, bad) = lexicon::parse_gazetteer("place\tA\n\nbogus\tB\norg\n# note\n");
    assert_eq!(bad, [3, 4]);
}

/// Claims of one invented article, through extraction and resolution.
fn extracted(text: &str) -> Vec<Claim> {
    let source = crate::model::Source::new("r", text).unwrap();
    let mut claims = crate::extract::extract(&source).claims;
    resolve(&mut claims);
    claims
}

#[test]
fn role_descriptions_are_mentions_and_clauses_inherit_the_speaker() {
    let claims = extracted(
        "Chilean President Marta Rojas met trade envoys in Lima on Monday. Later, the Chilean \
         leader called the meeting \"useful and frank,\" and suggested Chile was ready to sign a \
         port memorandum within weeks.",
    );
    let called = claims.iter().find(|c| c.text.contains("called")).unwrap();
    let mention = called.entities.iter().find(|e| e.surface == "the Chilean leader");
    assert_eq!(
        mention.map(|e| (e.canonical.as_str(), e.kind)),
        Some(("Marta Rojas", EntityKind::Person))
    );
    let suggested = claims.iter().find(|c| c.text.starts_with("and suggested")).unwrap();
    let a = suggested.attribution.as_ref().expect("the clause reports what Rojas suggested");
    assert_eq!(
        (a.speaker.as_str(), a.cue.as_str(), a.resolved),
        ("Marta Rojas", "suggested", true)
    );
    assert_eq!(a.surface, "the Chilean leader");
    let whole = claims.iter().map(|c| c.text.as_str()).collect::<Vec<_>>().join(" ");
    assert!(whole.contains(&a.surface), "the speaker's span is in the source");
}

#[test]
fn descriptions_that_fit_two_people_or_none_or_are_indefinite_stay_words() {
    let claims = extracted(
        "Chilean President Marta Rojas and Peruvian President Hugo Salas met in Lima. The \
         president thanked the hosts. The minister left early. A Chilean president once vetoed \
         a treaty.",
    );
    for c in claims.iter().filter(|c| !c.text.contains("met in Lima")) {
        assert!(
            c.entities.iter().all(|e| e.kind != EntityKind::Person),
            "{}: {:?}",
            c.text,
            c.entities
        );
    }
}

#[test]
fn a_new_sentence_does_not_inherit_the_speaker() {
    // "And said …" opening a sentence has no clause before it in the same sentence.
    let claims =
        extracted("Chilean President Marta Rojas met envoys. And said the port would reopen soon.");
    let last = claims.last().unwrap();
    assert!(last.attribution.as_ref().is_none_or(|a| !a.resolved), "{:?}", last.attribution);
}

/// Extracted claims of several invented sources, unresolved.
fn extracted_sources(texts: &[(&str, &str)]) -> Vec<Vec<Claim>> {
    texts
        .iter()
        .map(|(id, text)| {
            let source = crate::model::Source::new(*id, *text).unwrap();
            crate::extract::extract(&source).claims
        })
        .collect()
}

#[test]
fn resolution_kept_up_to_date_source_by_source_equals_resolving_the_whole_run() {
    // Later sources rename earlier mentions ("Olsen" joins "Mara Olsen"; a second "Lind" makes
    // the bare surname ambiguous) and give people roles that descriptions in sources whose names
    // do not change need ("the Chilean leader" in a).
    let sources = extracted_sources(&[
        (
            "a",
            "Mara Olsen said the port would reopen. Later, the Chilean leader called the talks useful.",
        ),
        ("b", "Chilean President Mara Olsen met Anna Lind in Valparaiso. Lind spoke first."),
        ("c", "Erik Lind, the harbour chief, said crews were ready. Olsen thanked him."),
        ("d", "The Chilean leader said the strike was over, and suggested pay talks resume."),
    ]);
    let orders: [[usize; 4]; 4] = [[0, 1, 2, 3], [3, 2, 1, 0], [1, 3, 0, 2], [2, 0, 3, 1]];
    for order in orders {
        let arrived: Vec<&[Claim]> = order.iter().map(|&s| sources[s].as_slice()).collect();
        let mut whole: Vec<Claim> = arrived.iter().flat_map(|s| s.iter().cloned()).collect();
        resolve_with(&mut whole, &Aliases::default());

        let mut names = RunNames::default();
        let mut current: Vec<Vec<Claim>> = Vec::new();
        let mut redone = 0;
        for k in 0..arrived.len() {
            for (s, claims) in names.update(&arrived[..=k], k, &Aliases::default()) {
                if s < current.len() {
                    redone += 1;
                    current[s] = claims;
                } else {
                    current.push(claims);
                }
            }
        }
        let kept: Vec<Claim> = current.into_iter().flatten().collect();
        assert_eq!(kept, whole, "order {order:?}");
        assert!(redone > 0, "a later source changes an earlier one in order {order:?}");
    }
}

#[test]
fn sources_resolved_side_by_side_equal_sources_interleaved() {
    // Each source's claims together (resolved in parallel) or interleaved with another's
    // (resolved one source after another): every claim ends up the same.
    let sources = extracted_sources(&[
        (
            "a",
            "Chilean President Mara Olsen met envoys. Later, the Chilean leader called the talks \
             useful, and suggested pay talks resume.",
        ),
        ("b", "Erik Lind, the harbour chief, said crews were ready. Lind thanked Olsen."),
        ("c", "The Chilean leader said the strike was over. Olsen said \"we are done\"."),
    ]);
    let mut together: Vec<Claim> = sources.iter().flatten().cloned().collect();
    resolve_with(&mut together, &Aliases::default());
    // b's claims around a's and c's.
    let (a, b, c) = (&sources[0], &sources[1], &sources[2]);
    assert!(b.len() >= 2 && a.len() >= 2, "the test needs sources of two claims or more");
    let mut interleaved: Vec<Claim> = vec![b[0].clone()];
    interleaved.extend(a.iter().cloned());
    interleaved.extend(b[1..].iter().cloned());
    interleaved.extend(c.iter().cloned());
    resolve_with(&mut interleaved, &Aliases::default());
    let key = |c: &Claim| (c.id.to_string(), c.start);
    let mut left: Vec<&Claim> = together.iter().collect();
    let mut right: Vec<&Claim> = interleaved.iter().collect();
    left.sort_by_key(|c| key(c));
    right.sort_by_key(|c| key(c));
    assert_eq!(left, right);
    assert!(together.iter().any(|c| c.entities.iter().any(|e| e.canonical == "Mara Olsen")));
}
