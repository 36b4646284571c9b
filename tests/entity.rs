//! Entities through the public API: two invented sources about one event.

use corroborate::entity::{Aliases, find_mentions, resolve_with};
use corroborate::model::{Attribution, Claim, EntityKind, SourceId};

const SOURCE_A: &[&str] = &[
    "Brazilian President Rafael Moreira and Chancellor Ingrid Solberg met in Geneva on Friday.",
    "Moreira said the Amazon accord would be signed within 30 days.",
    "The Brazilian leader also thanked the UN.",
];

const SOURCE_B: &[&str] = &[
    "Rafael Moreyra, Brazil’s president, told the United Nations that talks went well.",
    "Solberg’s office said she hoped for a deal before winter.",
];

fn claims(id: &str, sentences: &[&str]) -> Vec<Claim> {
    let mut out = Vec::new();
    let mut offset = 0;
    for (i, s) in sentences.iter().enumerate() {
        let mut claim = Claim::new(SourceId::new(id), i, offset, *s);
        claim.entities = find_mentions(s, offset);
        out.push(claim);
        offset += s.len() + 1;
    }
    out
}

fn canonicals(claim: &Claim) -> Vec<&str> {
    claim.entities.iter().map(|e| e.canonical.as_str()).collect()
}

#[test]
fn two_sources_share_canonical_names() {
    let mut run = claims("a", SOURCE_A);
    run.extend(claims("b", SOURCE_B));
    // "The Brazilian leader also thanked …": extraction would put the description here.
    let text = run[2].text.clone();
    let len = "The Brazilian leader".len();
    run[2].attribution =
        Some(Attribution::new(&text[..len], "thanked", run[2].start, run[2].start + len));
    let aliases = Aliases::parse("# alias\tcanonical\nAmazon\tAmazon rainforest\n", "aliases.tsv");
    let aliases = aliases.unwrap_or_default();
    resolve_with(&mut run, &aliases);

    assert_eq!(canonicals(&run[0]), ["Rafael Moreira", "Ingrid Solberg", "Geneva"]);
    assert_eq!(canonicals(&run[1]), ["Rafael Moreira", "Amazon rainforest"]);
    // The description is also a mention of the person it stands for.
    assert_eq!(canonicals(&run[2]), ["Rafael Moreira", "United Nations"]);
    assert_eq!(run[2].entities[0].surface, "The Brazilian leader");
    assert_eq!(run[2].entities[0].kind, EntityKind::Person);
    assert_eq!(canonicals(&run[3]), ["Rafael Moreira", "Brazil", "United Nations"]);
    assert_eq!(canonicals(&run[4]), ["Ingrid Solberg"]);
    assert_eq!(run[4].entities[0].kind, EntityKind::Person);
    let speaker = run[2].attribution.as_ref().map(|a| (a.speaker.as_str(), a.resolved));
    assert_eq!(speaker, Some(("Rafael Moreira", true)));
}
