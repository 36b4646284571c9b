//! Speakers named by pronouns and role descriptions, resolved within one source.

use std::collections::{BTreeSet, HashMap};

use crate::model::{Attribution, Claim, Entity, EntityKind};
use crate::text::{plain_char, plain_lower};

use super::lexicon::{self, GzKind, gazetteer};

/// Resolves the speakers of ONE source's claims, given in text order.
///
/// For each claim's [`Attribution`](crate::model::Attribution) that is not yet resolved, and for
/// each quote speaker:
/// - words that overlap a named mention of the claim ("Kremlin adviser Yuri Ushakov") become
///   that mention's canonical name;
/// - "he" / "she" becomes the subject of the sentence (its first person) when a person is named
///   before the pronoun in the same claim, else the subject of the previous claim (or the one
///   before it), where the subject is the claim's resolved speaker or its first person;
/// - a role description ("the Russian leader", "the prime minister", "the Kremlin chief")
///   becomes the one person introduced earlier in the source with that title (any head-of-state
///   title for "leader") and that nationality ("Russian President …", "Russia's president …",
///   "…, the former Swedish prime minister"); when two people fit, or none, it stays as written
///   with `resolved = false` rather than being guessed.
///
/// Besides speakers:
/// - a role description elsewhere in a claim ("the Russian leader called the talks useful")
///   that fits one person in the same way becomes a mention of that person in the claim's
///   entities (kind person, the description as its surface);
/// - a claim with no attribution that continues the sentence before it with a conjunction and a
///   reporting verb ("…, and suggested Russia was ready to talk") is attributed to the subject of
///   that clause, the attribution's span being where the source names the subject.
///
/// Call it after [`resolve`](super::resolve) so that names are canonical (or let
/// [`resolve_with`](super::resolve_with) call it: it does so for every source). Calling it twice
/// changes nothing.
///
/// # Complexity
/// Linear in the number of claims times the number of distinct people of the source.
pub fn resolve_references(claims: &mut [Claim]) {
    let order: Vec<usize> = (0..claims.len()).collect();
    resolve_in_order(claims, &order, &HashMap::new());
}

/// What a source has said about a person so far.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Person {
    canonical: String,
    /// Core title words ("president", "minister", "spokesperson").
    titles: BTreeSet<String>,
    /// The countries the person's titles belong to, as the text says ("Russian President").
    countries: BTreeSet<String>,
}

impl Person {
    /// Adds what `other` says of the same person.
    pub(crate) fn merge(&mut self, other: &Person) {
        self.titles.extend(other.titles.iter().cloned());
        self.countries.extend(other.countries.iter().cloned());
    }

    /// The person's country when the text gives exactly one.
    fn country(&self) -> Option<&str> {
        let mut it = self.countries.iter();
        match (it.next(), it.next()) {
            (Some(c), None) => Some(c),
            _ => None,
        }
    }
}

/// The roles every person of the run is given anywhere, by canonical name.
pub(crate) fn run_roles(claims: &[Claim]) -> HashMap<String, Person> {
    let mut people = HashMap::new();
    for claim in claims {
        learn_roles(claim, &mut people);
    }
    people
}

/// [`resolve_references`] over the claims at `order` (one source, text order).
pub(crate) fn resolve_in_order(
    claims: &mut [Claim],
    order: &[usize],
    run: &HashMap<String, Person>,
) {
    let mut people: People = HashMap::new();
    // Subjects of the last two claims, most recent last.
    let mut subjects: Vec<Option<Subject>> = Vec::new();
    let mut prev: Option<usize> = None;
    for &ci in order {
        learn_roles(&claims[ci], &mut people);
        let roles = role_mentions(&claims[ci], &people, run);
        if !roles.is_empty() {
            let entities = &mut claims[ci].entities;
            entities.extend(roles);
            entities.sort_by_key(|e| (e.start, e.end));
        }
        if claims[ci].attribution.is_none()
            && let Some(p) = prev
            && same_sentence(&claims[p], &claims[ci])
            && let Some(Some(subject)) = subjects.last()
            && let Some(cue) = crate::text::continued_report(&claims[ci].text)
        {
            // "[The Russian leader called …] and suggested Russia was ready …": the clause reports
            // what the subject of the clause before it said.
            claims[ci].attribution = Some(Attribution {
                speaker: subject.canonical.clone(),
                surface: subject.surface.clone(),
                cue,
                start: subject.start,
                end: subject.end,
                resolved: true,
                channel: None,
            });
        }
        prev = Some(ci);
        let people = &people;
        let claim = &claims[ci];
        let recent: Vec<&str> = subjects
            .iter()
            .rev()
            .take(2)
            .filter_map(|s| s.as_ref().map(|s| s.canonical.as_str()))
            .collect();
        let mut new_attribution = None;
        if let Some(a) = &claim.attribution
            && !a.resolved
            && let Some(name) = speaker(claim, &a.surface, a.start, a.end, people, &recent, run)
        {
            new_attribution = Some(name);
        }
        let quote_speakers: Vec<Option<String>> = claim
            .quotes
            .iter()
            .map(|q| {
                let s = q.speaker.as_deref()?;
                // A quote speaker has no span: look for it before the quote, then anywhere.
                speaker(claim, s, q.start, q.start, people, &recent, run)
            })
            .collect();
        let claim = &mut claims[ci];
        if let (Some(a), Some(name)) = (&mut claim.attribution, new_attribution) {
            a.speaker = name;
            a.resolved = true;
        }
        for (q, s) in claim.quotes.iter_mut().zip(quote_speakers) {
            if s.is_some() {
                q.speaker = s;
            }
        }
        subjects.push(subject(&claims[ci], people));
        if subjects.len() > 2 {
            subjects.remove(0);
        }
    }
}

/// The people a source has named so far, by canonical name.
type People = HashMap<String, Person>;

fn is_person(e: &Entity, people: &People) -> bool {
    e.kind == EntityKind::Person || people.contains_key(&e.canonical)
}

/// Who a claim is about or whose words it reports, and where the source names them.
#[derive(Clone, Debug)]
struct Subject {
    canonical: String,
    surface: String,
    start: usize,
    end: usize,
}

/// The claim's subject: its resolved speaker if that is a person, else its first person.
fn subject(claim: &Claim, people: &People) -> Option<Subject> {
    if let Some(a) = &claim.attribution
        && a.resolved
        && people.contains_key(&a.speaker)
    {
        return Some(Subject {
            canonical: a.speaker.clone(),
            surface: a.surface.clone(),
            start: a.start,
            end: a.end,
        });
    }
    claim.entities.iter().find(|e| is_person(e, people)).map(|e| Subject {
        canonical: e.canonical.clone(),
        surface: e.surface.clone(),
        start: e.start,
        end: e.end,
    })
}

/// Whether `next` is a clause of the sentence `prev` belongs to: the source splits one sentence
/// into clauses, so a clause that does not open a sentence follows one that does not close it.
fn same_sentence(prev: &Claim, next: &Claim) -> bool {
    let closing = |c: char| matches!(plain_char(c), '"' | '\'' | ')' | ']');
    let ends_sentence =
        prev.text.trim_end().trim_end_matches(closing).ends_with(['.', '!', '?', '\u{2026}']);
    prev.source == next.source && prev.end <= next.start && !ends_sentence
}

/// Role descriptions the claim uses for a person the source has introduced ("the Russian
/// leader called the talks useful"), as mentions of that person. Descriptions that fit no one
/// person, or two, are left as they are; so are words already inside a mention.
///
/// A description is "the" and up to four title and country words ending in a title word: what
/// [`describe`] reads.
fn role_mentions(claim: &Claim, people: &People, run: &HashMap<String, Person>) -> Vec<Entity> {
    if people.is_empty() {
        return Vec::new();
    }
    let words: Vec<(usize, usize, &str)> =
        crate::text::words(&claim.text).map(|w| (w.start, w.end(), w.text)).collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < words.len() {
        let (ws, _, w) = words[k];
        // Only a definite description points back to someone named before: "a minister" is
        // usually another person.
        if plain_lower(w) != "the" {
            k += 1;
            continue;
        }
        // The longest run of title and country words after the article that ends in a title.
        let mut last_title = None;
        for (j, word) in words.iter().enumerate().take(k + 6).skip(k + 1) {
            let lower = plain_lower(word.2);
            let title = lexicon::is_title(&lower);
            if !(title || country_of(&lower).is_some() || lower == "former") {
                break;
            }
            if title && !lexicon::is_title_modifier(&lower) {
                last_title = Some(j);
            }
        }
        let Some(j) = last_title else {
            k += 1;
            continue;
        };
        let (start, end) = (claim.start + ws, claim.start + words[j].1);
        let free = !claim.entities.iter().any(|e| e.start < end && start < e.end);
        // "the president's wife" describes someone else.
        let possessive = claim.text[words[j].1..].starts_with(['\'', '\u{2019}']);
        let phrase = &claim.text[ws..words[j].1];
        if free
            && !possessive
            && let Some(role) = describe(&plain_lower(phrase))
            && let Some(canonical) = match_role(&role, people, run)
        {
            out.push(Entity {
                canonical,
                surface: phrase.to_string(),
                start,
                end,
                kind: EntityKind::Person,
            });
        }
        k = j + 1;
    }
    out
}

/// The canonical name `surface` (at `start..end` in the source, empty when unknown) stands for.
fn speaker(
    claim: &Claim,
    surface: &str,
    start: usize,
    end: usize,
    people: &People,
    recent: &[&str],
    run: &HashMap<String, Person>,
) -> Option<String> {
    let lower = plain_lower(surface.trim());
    // A named speaker: the mention it overlaps, a person first.
    if end > start {
        let overlapping: Vec<&Entity> =
            claim.entities.iter().filter(|e| e.start < end && start < e.end).collect();
        if let Some(e) = overlapping.iter().find(|e| is_person(e, people)) {
            return Some(e.canonical.clone());
        }
        let titled = lower
            .split_whitespace()
            .any(|w| lexicon::is_title(w) && !lexicon::is_title_modifier(w));
        if !titled && let Some(e) = overlapping.last() {
            return Some(e.canonical.clone());
        }
        if titled {
            // "Ruritania's top diplomat, Anna Berg": the person named right after the title.
            let after = claim.entities.iter().find(|e| {
                e.start >= end
                    && e.kind != EntityKind::Place
                    && e.kind != EntityKind::Organization
                    && claim
                        .text
                        .get(end.saturating_sub(claim.start)..e.start.saturating_sub(claim.start))
                        .is_some_and(|gap| gap.trim() == ",")
            });
            if let Some(e) = after {
                return Some(e.canonical.clone());
            }
            // "Ruritania's top diplomat": a role whose country is the place named.
            if let Some(place) = overlapping.first()
                && let Some(mut role) = describe_after(&lower, &plain_lower(&place.surface))
            {
                role.country = Some(
                    country_of(&plain_lower(&place.canonical))
                        .unwrap_or_else(|| place.canonical.clone()),
                );
                return match_role(&role, people, run);
            }
        }
    } else if let Some(e) =
        claim.entities.iter().find(|e| e.surface == surface || e.canonical == surface)
    {
        return Some(e.canonical.clone());
    }
    if lexicon::is_person_pronoun(&lower) {
        if let Some(e) = claim.entities.iter().find(|e| e.end <= start && is_person(e, people)) {
            return Some(e.canonical.clone());
        }
        return recent.first().map(|s| s.to_string());
    }
    describe(&lower).and_then(|d| match_role(&d, people, run))
}

/// A role description read from words: core titles and a country.
#[derive(Debug, Default)]
struct Role {
    titles: BTreeSet<String>,
    country: Option<String>,
}

/// Reads the title words after a named place or body: "ruritania's top diplomat".
fn describe_after(lower: &str, place: &str) -> Option<Role> {
    let rest = lower.split_once(place)?.1;
    let rest = rest.strip_prefix("'s").unwrap_or(rest);
    describe(&format!("the {}", rest.trim()))
}

/// Reads "the russian leader", "the kremlin chief", "the u.s. president".
fn describe(lower: &str) -> Option<Role> {
    let words: Vec<&str> = lower.split_whitespace().collect();
    let first = *words.first()?;
    if !matches!(first, "the" | "a" | "an") {
        return None;
    }
    let mut role = Role::default();
    for w in &words[1..] {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '-');
        if lexicon::is_title(w) && !lexicon::is_title_modifier(w) {
            role.titles.insert(w.to_string());
        } else if let Some(c) = country_of(w) {
            role.country = Some(c);
        } else if !(lexicon::is_title(w) || w == "former") {
            // Any other word ("the president's wife", "the leader of the party") is not a role
            // description we can read.
            return None;
        }
    }
    (!role.titles.is_empty()).then_some(role)
}

/// The country a word stands for: a demonym, a country, or a body with a country.
fn country_of(lower_word: &str) -> Option<String> {
    let gz = gazetteer();
    let entry = &gz.entries[*gz.by_lower.get(lower_word)?];
    match entry.kind {
        GzKind::Demonym => Some(entry.canonical.clone()),
        _ => entry.country.clone(),
    }
}

fn titles_fit(described: &BTreeSet<String>, person: &BTreeSet<String>) -> bool {
    described.iter().any(|t| {
        person.contains(t) || (t == "leader" && person.iter().any(|p| lexicon::is_head_title(p)))
    })
}

/// The one person the role fits; first among those whose country the text gave, then among
/// those whose country is unknown. What the whole run says of a person counts as well.
fn match_role(role: &Role, people: &People, run: &HashMap<String, Person>) -> Option<String> {
    let known: Vec<Person> = people
        .values()
        .map(|p| {
            let mut p = p.clone();
            if let Some(r) = run.get(&p.canonical) {
                p.titles.extend(r.titles.iter().cloned());
                p.countries.extend(r.countries.iter().cloned());
            }
            p
        })
        .collect();
    let fits: Vec<&Person> = known.iter().filter(|p| titles_fit(&role.titles, &p.titles)).collect();
    let unique = |ps: Vec<&Person>| -> Option<String> {
        let names: BTreeSet<&str> = ps.iter().map(|p| p.canonical.as_str()).collect();
        (names.len() == 1).then(|| names.into_iter().next().map(String::from)).flatten()
    };
    match &role.country {
        None => unique(fits),
        Some(c) => {
            let same: Vec<&Person> =
                fits.iter().copied().filter(|p| p.country() == Some(c.as_str())).collect();
            if !same.is_empty() {
                return unique(same);
            }
            unique(fits.into_iter().filter(|p| p.countries.is_empty()).collect())
        }
    }
}

/// Records the titles and countries the claim gives its people.
fn learn_roles(claim: &Claim, people: &mut People) {
    for (i, e) in claim.entities.iter().enumerate() {
        if e.kind != EntityKind::Person {
            continue;
        }
        let mut titles = BTreeSet::new();
        let mut country = BTreeSet::new();
        let read = |w: &str, titles: &mut BTreeSet<String>, country: &mut BTreeSet<String>| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '-');
            let w = w.strip_suffix("'s").unwrap_or(w);
            if lexicon::is_title(w) && !lexicon::is_title_modifier(w) {
                titles.insert(w.to_string());
            } else if let Some(c) = country_of(w) {
                country.insert(c);
            }
        };
        // Title words in the surface: "Ukrainian President Volodymyr Zelensky".
        let name_words = e.canonical.split_whitespace().count();
        let surface = plain_lower(&e.surface);
        let words: Vec<&str> = surface.split_whitespace().collect();
        for w in &words[..words.len().saturating_sub(name_words)] {
            read(w, &mut titles, &mut country);
        }
        // A country or body right before: "Ukraine's President …", "Kremlin adviser …".
        if i > 0 {
            let prev = &claim.entities[i - 1];
            let gap = e.start.saturating_sub(prev.end);
            if matches!(prev.kind, EntityKind::Place | EntityKind::Organization) && gap <= 4 {
                country.extend(country_of(&plain_lower(&prev.canonical)));
            }
        }
        // An appositive: "Carl Smith, the former Swedish prime minister, said".
        let rel = e.end.saturating_sub(claim.start);
        if let Some(after) = claim.text.get(rel..).filter(|a| a.starts_with(", ")) {
            // Six words are all an appositive title can take: read no further.
            let cut = after.char_indices().nth(80).map_or(after.len(), |(i, _)| i);
            let after = plain_lower(&after[..cut]);
            if let Some(rest) = after.strip_prefix(", the ").or_else(|| after.strip_prefix(", a "))
            {
                let clause = rest.split([',', '.', ';', '"', '(']).next().unwrap_or("");
                let clause_words: Vec<&str> = clause.split_whitespace().take(6).collect();
                if clause_words
                    .iter()
                    .all(|w| lexicon::is_title(w) || country_of(w).is_some() || *w == "former")
                {
                    for w in clause_words {
                        read(w, &mut titles, &mut country);
                    }
                }
            }
        }
        match people.get_mut(&e.canonical) {
            Some(p) => {
                p.titles.extend(titles);
                p.countries.extend(country);
            }
            None => {
                let p = Person { canonical: e.canonical.clone(), titles, countries: country };
                people.insert(e.canonical.clone(), p);
            }
        }
    }
}
