//! Lists of person names as bibliographic listings and bylines write them: "Knuth, Donald E.",
//! "Donald E. Knuth", "D. E. Knuth", "Russell, Stuart J.; Norvig, Peter", "Aho &amp; Lam",
//! "Calvert, Kenneth L. (Author) Donahoo, Michael J. (Author)".
//!
//! Useful for: reading such a field into a set of names in one canonical form (lowercase,
//! accents stripped, `first middle last`), and scoring how far two lists agree. Not useful for:
//! telling people apart who share a name, or reading corporate authors (they are dropped).

use std::fmt;

/// One person's name: given names (full or initials) and a surname, all lowercase ASCII where the
/// input allowed it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PersonName {
    /// Given names and initials in order, e.g. `["donald", "e"]`; empty when only a surname was
    /// written.
    pub given: Vec<String>,
    /// The surname, particles included (`"de clercq"`, `"o'leary"`, `"conry-murray"`).
    pub last: String,
}

impl PersonName {
    /// Whether only the surname is known.
    pub fn is_bare(&self) -> bool {
        self.given.is_empty()
    }

    /// How far two names can denote the same person, in [0, 1]: 1 when equal; 0.85 when they
    /// agree but one is less specific ("D. E. Knuth", "Donald Knuth", "Donald E. Knuth"); 0.7
    /// when one is a bare surname; 0.2 when the surnames agree but a given name conflicts; 0
    /// when the surnames differ.
    pub fn similarity(&self, other: &PersonName) -> f64 {
        if self == other {
            return 1.0;
        }
        let (a, b) = (squash(&self.last), squash(&other.last));
        let surname = if a == b {
            1.0
        } else if strsim::jaro_winkler(&a, &b) >= 0.93 {
            0.9
        } else {
            return 0.0;
        };
        if self.is_bare() || other.is_bare() {
            return 0.7 * surname;
        }
        let compatible = self.given.iter().zip(&other.given).all(|(x, y)| {
            x == y || (x.len() == 1 || y.len() == 1) && x.as_bytes()[0] == y.as_bytes()[0]
        });
        if !compatible {
            0.2 * surname
        } else if self.given == other.given {
            // Equal given names, surnames spelt a little differently ("o'leary", "oleary").
            0.95 * surname
        } else {
            0.85 * surname
        }
    }
}

impl PersonName {
    /// Whether two names in one list are the same person written twice: same surname and
    /// compatible given names (or one a bare surname), given names a slip apart, or surname and
    /// given name swapped.
    fn same_person(&self, other: &PersonName) -> bool {
        if self == other {
            return true;
        }
        let swapped = |a: &PersonName, b: &PersonName| {
            a.given.len() == 1
                && b.given.first().is_some_and(|g| *g == a.last)
                && b.last == a.given[0]
        };
        if swapped(self, other) || swapped(other, self) {
            return true;
        }
        // "Grey, Ann; Grey" and "Ann Grey; A. Grey Ann": the surname alone, or with the given
        // names' initials in front, repeats a name already in the list.
        let initials_swapped = |a: &PersonName, b: &PersonName| {
            b.given.len() >= 2
                && b.last == a.given[0]
                && b.given.last().is_some_and(|g| *g == a.last)
        };
        if !self.is_bare()
            && !other.is_bare()
            && (initials_swapped(self, other) || initials_swapped(other, self))
        {
            return true;
        }
        let (sa, sb) = (squash(&self.last), squash(&other.last));
        if sa != sb {
            // A slip in the surname ("Catell", "Cattell") with the same first given name or
            // its initial: written twice in one list, it is one person.
            return !self.is_bare()
                && !other.is_bare()
                && sa.len() > 3
                && sb.len() > 3
                && strsim::jaro_winkler(&sa, &sb) >= 0.93
                && {
                    let (a, b) = (&self.given[0], &other.given[0]);
                    a == b || (a.len() == 1 || b.len() == 1) && a.as_bytes()[0] == b.as_bytes()[0]
                };
        }
        if self.is_bare() || other.is_bare() {
            return true;
        }
        let (a, b) = (&self.given[0], &other.given[0]);
        let first_ok = a == b
            || (a.len() == 1 || b.len() == 1) && a.as_bytes()[0] == b.as_bytes()[0]
            || a.len() > 3 && b.len() > 3 && strsim::jaro_winkler(a, b) >= 0.9
            || nickname_of(a, b);
        first_ok && self.implication(other).max(other.implication(self)) >= 0.85
            || first_ok && a != b && a.len() > 1 && b.len() > 1
    }

    /// How much a name says: given-name letters, so that "Ann B. Grey" outranks "Ann Grey" and
    /// "Ann Grey" outranks "A. Grey".
    fn specificity(&self) -> usize {
        self.given.iter().map(String::len).sum::<usize>() + self.given.len()
    }

    /// How much of what this name says another confirms, in [0, 1] (directional): 1 when
    /// `other` is equal or more specific ("Knuth" or "D. Knuth" → "Donald E. Knuth"); 0.85 when
    /// `other` is less specific in a given name ("Donald" → "D.", or a middle name missing); 0.7
    /// when `other` is a bare surname and this is not; 0.2 on conflicting given names; 0 when
    /// the surnames differ. A surname spelt a little differently scales it by 0.9.
    pub fn implication(&self, other: &PersonName) -> f64 {
        if self == other {
            return 1.0;
        }
        let (a, b) = (squash(&self.last), squash(&other.last));
        let surname = if a == b {
            1.0
        } else if strsim::jaro_winkler(&a, &b) >= 0.93 {
            0.9
        } else {
            return 0.0;
        };
        if self.is_bare() {
            return surname;
        }
        if other.is_bare() {
            return 0.7 * surname;
        }
        let mut score: f64 = 1.0;
        for (i, x) in self.given.iter().enumerate() {
            match other.given.get(i) {
                Some(y) if x == y => {}
                Some(y) if x.as_bytes()[0] == y.as_bytes()[0] && (x.len() == 1 || y.len() == 1) => {
                    if y.len() < x.len() {
                        score = score.min(0.85);
                    }
                }
                Some(y) if i == 0 && nickname_of(x, y) => score = score.min(0.85),
                Some(_) => return 0.2 * surname,
                None => score = score.min(0.85),
            }
        }
        score * surname
    }
}

impl PersonName {
    /// The words of the name in natural order: given names, then the surname's words.
    fn words(&self) -> Vec<String> {
        self.given.iter().cloned().chain(self.last.split(' ').map(str::to_string)).collect()
    }
}

impl fmt::Display for PersonName {
    /// `first middle last`, lowercase.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for g in &self.given {
            write!(f, "{g} ")?;
        }
        f.write_str(&self.last)
    }
}

/// A set of person names, kept in the order first written (for display) with an order-free key
/// (for equality).
#[derive(Clone, Debug)]
pub struct NameList {
    names: Vec<PersonName>,
    key: String,
}

impl NameList {
    /// Reads a names field. `None` when it names nobody: blank, "Not Available", "Unknown",
    /// "Various", or only corporate authors and roles.
    ///
    /// Separators: `;`, `/`, `&`, `|`, "and", "with", parentheses (which usually hold a role
    /// such as "(Author)"), and commas, which are read either as "Last, First" inversions or as
    /// list separators depending on the shape of the field. HTML entities (also doubly escaped
    /// or with `&` turned into "and", as scraped listings have them) are decoded, accents
    /// stripped, periods dropped ("J.N." is "j n"), and roles, titles and suffixes ("editor",
    /// "Ph.D.", "Jr.") removed.
    ///
    /// ```
    /// use corroborate::truth::NameList;
    /// let a = NameList::parse("Knuth, Donald E.").unwrap();
    /// let b = NameList::parse("Donald E. Knuth").unwrap();
    /// assert_eq!(a, b);
    /// assert_eq!(a.to_string(), "donald e knuth");
    /// assert_eq!(NameList::parse("Not Available"), None);
    /// ```
    pub fn parse(raw: &str) -> Option<NameList> {
        NameList::from_names(parse_names(raw, &Context::default()))
    }

    /// Reads a names field as [`parse`](NameList::parse) does, with the names other listings
    /// of the same book write apart (`known`, see [`KnownNames`]) to settle cases a field
    /// alone leaves open. Where names are written one after another without
    /// separators ("Ann Grey Tom Lee Black"), they are split where the split gives known names,
    /// before falling back to guessing from the shape of the words (which splits full middle
    /// names and three-word names wrongly). And a part naming an organisation, which alone is
    /// dropped whole, keeps the known names written in it: affiliations after names ("Ann
    /// Grey , Univ. of Somewhere Tom Black , Some College") and a team after its members. And a
    /// name whose words another known name has in another order, written more often, is read
    /// as that name ("Grey Ann" for "Ann Grey": surname first without a comma).
    ///
    /// ```
    /// use corroborate::truth::{KnownNames, NameList};
    /// let known = KnownNames::new(NameList::separated_names("Grey, Ann Marie; Tom Lee Black"));
    /// let run_on = "Ann Marie Grey Tom Lee Black";
    /// assert_eq!(NameList::parse(run_on).unwrap().to_string(), "ann marie; grey tom; lee black");
    /// let read = NameList::parse_in_context(run_on, &known).unwrap();
    /// assert_eq!(read.to_string(), "ann marie grey; tom lee black");
    /// ```
    pub fn parse_in_context(raw: &str, known: &KnownNames) -> Option<NameList> {
        NameList::from_names(parse_names(raw, &Context { known: &known.names, skip_run_on: false }))
    }

    /// The names of a field that are written apart from one another (by separators, or as
    /// "Last, First"), leaving out any run of names written without separators, whose split
    /// is a guess: the names to gather into [`KnownNames`]. Not deduplicated.
    pub fn separated_names(raw: &str) -> Vec<PersonName> {
        parse_names(raw, &Context { known: &[], skip_run_on: true })
    }

    /// A list from already parsed names. `None` when empty. A name written twice in one list is
    /// kept once, in its first place and its most specific form: listings repeat a name with
    /// and without a middle initial ("Ann B. Grey; Ann Grey"), with a one-letter slip in a given
    /// name ("Darrel", "Darrell"), or with surname and given name swapped ("Grey Ann").
    pub fn from_names(names: Vec<PersonName>) -> Option<NameList> {
        let mut unique: Vec<PersonName> = Vec::with_capacity(names.len());
        for n in names {
            match unique.iter_mut().find(|u| u.same_person(&n)) {
                Some(u) => {
                    if n.last == u.last && n.specificity() > u.specificity() {
                        *u = n;
                    }
                }
                None => unique.push(n),
            }
        }
        if unique.is_empty() {
            return None;
        }
        let mut sorted: Vec<String> = unique.iter().map(ToString::to_string).collect();
        sorted.sort();
        Some(NameList { names: unique, key: sorted.join("; ") })
    }

    /// The names, in the order written.
    pub fn names(&self) -> &[PersonName] {
        &self.names
    }

    /// Whether every name is a bare surname ("Knuth").
    pub fn is_bare(&self) -> bool {
        self.names.iter().all(PersonName::is_bare)
    }

    /// The order-free key: the names' display forms, sorted, joined by `; `.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// How far two lists agree, in [0, 1]: each name of one is matched to its most similar name
    /// of the other (greedily, best pairs first), and the matched similarities are summed and
    /// divided by the length of the longer list. So a list that omits co-authors scores low, and
    /// one that abbreviates given names scores high.
    ///
    /// **Complexity**: O(n·m·log(n·m)) for lists of n and m names.
    pub fn similarity(&self, other: &NameList) -> f64 {
        if self.key == other.key {
            return 1.0;
        }
        let total = self.greedy_match(other, PersonName::similarity);
        total / self.names.len().max(other.names.len()) as f64
    }
}

impl NameList {
    /// The sum of the scores of a greedy one-to-one matching of this list's names to `other`'s,
    /// best pairs first (ties by position), under `score`.
    fn greedy_match(
        &self,
        other: &NameList,
        score: impl Fn(&PersonName, &PersonName) -> f64,
    ) -> f64 {
        let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
        for (i, a) in self.names.iter().enumerate() {
            for (j, b) in other.names.iter().enumerate() {
                let s = score(a, b);
                if s > 0.0 {
                    pairs.push((s, i, j));
                }
            }
        }
        pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
        let mut used_a = vec![false; self.names.len()];
        let mut used_b = vec![false; other.names.len()];
        let mut total = 0.0;
        for (s, i, j) in pairs {
            if !used_a[i] && !used_b[j] {
                used_a[i] = true;
                used_b[j] = true;
                total += s;
            }
        }
        total
    }

    /// How much of what this list says `other` confirms, in [0, 1] (directional): names are
    /// matched greedily, best pairs first, by [`PersonName::implication`], and the matched scores
    /// are summed and divided by the length of this list. A partial list ("Knuth") therefore
    /// fully supports a complete one ("Graham; Knuth; Patashnik"), which only partly supports
    /// the partial one (1/3 here): sellers truncate author lists far more often than they
    /// invent authors.
    ///
    /// **Complexity**: O(n·m·log(n·m)) for lists of n and m names.
    pub fn implication(&self, other: &NameList) -> f64 {
        if self.key == other.key {
            return 1.0;
        }
        let total = self.greedy_match(other, PersonName::implication);
        total / self.names.len() as f64
    }
}

impl PartialEq for NameList {
    fn eq(&self, other: &NameList) -> bool {
        self.key == other.key
    }
}

impl Eq for NameList {}

impl fmt::Display for NameList {
    /// The names in written order, each `first middle last`, joined by `; `.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, n) in self.names.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{n}")?;
        }
        Ok(())
    }
}

/// Lowercase ASCII letters and digits only: "o'leary", "o leary" and "oleary" compare equal.
fn squash(s: &str) -> String {
    s.chars().filter(char::is_ascii_alphanumeric).collect()
}

/// Fields that mean "nobody stated".
const NO_CLAIM: &[&str] =
    &["not available", "n/a", "na", "unknown", "various", "anonymous", "none", "-", "null"];

/// Words that mark a segment as a corporate author ("Deitel & Associates", "Microsoft Press",
/// "Lakeside Software") or a publisher written into the author field.
const CORPORATE: &[&str] = &[
    "associates",
    "inc",
    "staff",
    "corporation",
    "corp",
    "team",
    "company",
    "press",
    "publishing",
    "publications",
    "ltd",
    "llc",
    "university",
    "institute",
    "group",
    "committee",
    "council",
    "society",
    "department",
    "software",
    "telecom",
];

/// Words that are roles, titles or suffixes, never part of a name.
const ROLES: &[&str] = &[
    "by",
    "author",
    "authors",
    "joint",
    "editor",
    "editors",
    "edited",
    "eds",
    "foreword",
    "introduction",
    "intro",
    "preface",
    "translator",
    "translated",
    "illustrator",
    "illustrated",
    "compiler",
    "compiled",
    "contributor",
    "contributors",
    "phd",
    "md",
    "jr",
    "sr",
    "ii",
    "iii",
    "iv",
    "dr",
    "prof",
    "professor",
    "mr",
    "mrs",
    "ms",
    "etc",
    "others",
    "edt",
    // Professional credentials written after names ("John Grey, PhD, CISSP").
    "cissp",
    "cism",
    "cisa",
    "cpa",
    "mba",
    "mcse",
    "mcsd",
    "ccie",
    "esq",
];

/// Roles in parentheses that are not authorship: the name they follow is not an author of the
/// book ("Grey, Ann (Translator)").
const NOT_AUTHOR: &[&str] = &[
    "translator",
    "translated by",
    "trn",
    "trans",
    "tra",
    "illustrator",
    "illustrated by",
    "ill",
    "illus",
    "photographer",
    "photographs",
    "narrator",
    "read by",
    // Forewords and prefaces are by someone else than the authors.
    "foreword",
    "foreword by",
    "preface",
    "preface by",
    "introduction by",
    "afterword",
    "afterword by",
];

/// The same roles written in the text before the name they credit ("..., foreword by Ann
/// Grey"): the name that follows, up to the next separator, is not an author.
const NOT_AUTHOR_BEFORE: &[&str] = &[
    "foreword by",
    "preface by",
    "introduction by",
    "afterword by",
    "translated by",
    "illustrated by",
    "photographs by",
    "read by",
];

/// Common English short forms of given names, each with its full form: "Jim Grey" and "James
/// Grey" written in one list are one person.
const NICKNAMES: &[(&str, &str)] = &[
    ("al", "albert"),
    ("alex", "alexander"),
    ("andy", "andrew"),
    ("drew", "andrew"),
    ("art", "arthur"),
    ("ben", "benjamin"),
    ("bill", "william"),
    ("will", "william"),
    ("wm", "william"),
    ("bob", "robert"),
    ("bobby", "robert"),
    ("rob", "robert"),
    ("bert", "robert"),
    ("chris", "christopher"),
    ("chuck", "charles"),
    ("charlie", "charles"),
    ("dan", "daniel"),
    ("danny", "daniel"),
    ("dave", "david"),
    ("dick", "richard"),
    ("rich", "richard"),
    ("rick", "richard"),
    ("don", "donald"),
    ("doug", "douglas"),
    ("ed", "edward"),
    ("ted", "edward"),
    ("fred", "frederick"),
    ("greg", "gregory"),
    ("jack", "john"),
    ("jeff", "jeffrey"),
    ("jerry", "gerald"),
    ("jim", "james"),
    ("jimmy", "james"),
    ("joe", "joseph"),
    ("ken", "kenneth"),
    ("larry", "lawrence"),
    ("matt", "matthew"),
    ("mike", "michael"),
    ("nick", "nicholas"),
    ("pat", "patrick"),
    ("pete", "peter"),
    ("phil", "philip"),
    ("ray", "raymond"),
    ("ron", "ronald"),
    ("sam", "samuel"),
    ("steve", "steven"),
    ("steve", "stephen"),
    ("tim", "timothy"),
    ("tom", "thomas"),
    ("tony", "anthony"),
    ("walt", "walter"),
    ("kate", "katherine"),
    ("liz", "elizabeth"),
    ("beth", "elizabeth"),
    ("sue", "susan"),
    ("jenny", "jennifer"),
];

/// Whether `a` and `b` are a short form and its full form, either way round.
fn nickname_of(a: &str, b: &str) -> bool {
    NICKNAMES.iter().any(|&(short, full)| a == short && b == full || a == full && b == short)
}

/// Surname particles that belong with the following word.
const PARTICLES: &[&str] =
    &["van", "von", "der", "den", "de", "da", "di", "du", "la", "le", "del", "della", "ter", "st"];

/// Names other listings of one book write apart, with how often each is written: the context
/// [`NameList::parse_in_context`] reads a field in.
///
/// ```
/// use corroborate::truth::{KnownNames, NameList};
/// let listings = ["Grey, Ann; Black, Tom", "Ann Grey", "Tom Black & Ann Grey"];
/// let known = KnownNames::new(listings.iter().flat_map(|l| NameList::separated_names(l)));
/// assert_eq!(known.len(), 2);
/// ```
#[derive(Clone, Debug, Default)]
pub struct KnownNames {
    names: Vec<Known>,
}

/// One known name, its words in natural order, and how many times it was written.
#[derive(Clone, Debug)]
struct Known {
    name: PersonName,
    words: Vec<String>,
    count: usize,
}

impl KnownNames {
    /// From names as written, repeats included: they count how often each name is written.
    pub fn new(names: impl IntoIterator<Item = PersonName>) -> KnownNames {
        let mut index: std::collections::HashMap<PersonName, usize> = Default::default();
        let mut out: Vec<Known> = Vec::new();
        for name in names {
            match index.get(&name) {
                Some(&i) => out[i].count += 1,
                None => {
                    index.insert(name.clone(), out.len());
                    let words = name.words();
                    out.push(Known { name, words, count: 1 });
                }
            }
        }
        KnownNames { names: out }
    }

    /// How many distinct names.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// What else is known when reading a field: names other listings of the book write apart.
#[derive(Default)]
struct Context<'a> {
    /// Names with their words (see [`PersonName::words`]): a run of names without separators
    /// is split into these before guessing, and a part naming an organisation keeps these.
    known: &'a [Known],
    /// Leave such runs out instead of guessing.
    skip_run_on: bool,
}

fn parse_names(raw: &str, ctx: &Context<'_>) -> Vec<PersonName> {
    let text =
        drop_credited_after_role(&fold(&drop_parenthesised(&split_glued(&decode_entities(raw)))));
    let trimmed = text.trim().trim_matches(|c: char| c.is_ascii_punctuation() || c == ' ');
    if trimmed.is_empty() || NO_CLAIM.contains(&trimmed) {
        return Vec::new();
    }
    let mut names = Vec::new();
    for (segment, corporate) in split_strong(&text) {
        if corporate {
            known_names_in(&segment, ctx.known, &mut names);
        } else {
            parse_segment(&segment, &mut names, ctx);
        }
    }
    if !ctx.known.is_empty() {
        for name in &mut names {
            if let Some(usual) = usual_order(name, ctx.known) {
                *name = usual.clone();
            }
        }
    }
    names
}

/// The way most of `known` writes a name whose words are `name`'s in another order, turned
/// round ("Grey Ann B" for "Ann B. Grey", "Lee Black Tom" for "Tom Lee Black"): listings that
/// write surname first without a comma cannot be told from the words alone. `None` when no
/// other order is written more often than `name`'s own.
fn usual_order<'a>(name: &PersonName, known: &'a [Known]) -> Option<&'a PersonName> {
    if name.is_bare() {
        return None;
    }
    let words = name.words();
    let rotation_of = |other: &[String]| {
        other.len() == words.len()
            && (0..words.len()).any(|r| words[r..].iter().chain(&words[..r]).eq(other.iter()))
    };
    let own = known.iter().find(|k| k.name == *name).map_or(0, |k| k.count);
    known
        .iter()
        .filter(|k| !k.name.is_bare() && k.name != *name && k.count > own && rotation_of(&k.words))
        .max_by_key(|k| k.count)
        .map(|k| &k.name)
}

/// Pushes the known names (not bare surnames) written in `segment`, in order, either way round
/// ("ann b grey" or "grey ann b"): what can be read with confidence from a part that also names
/// an organisation, where the words alone cannot tell a name from an affiliation.
fn known_names_in(segment: &str, known: &[Known], names: &mut Vec<PersonName>) {
    let tokens = tokens_of(&segment.replace(',', " "));
    let mut i = 0;
    while i < tokens.len() {
        let rest = &tokens[i..];
        let found = known
            .iter()
            .filter(|k| !k.name.is_bare())
            .filter_map(|k| {
                let (n, words) = (&k.name, &k.words);
                let given = n.given.len();
                let inverted = words[given..].iter().chain(&words[..given]);
                let natural = rest.starts_with(words);
                let swapped = rest.len() >= words.len() && inverted.eq(&rest[..words.len()]);
                (natural || swapped).then_some((n, words.len()))
            })
            .max_by_key(|&(_, len)| len);
        match found {
            Some((n, len)) => {
                names.push(n.clone());
                i += len;
            }
            None => i += 1,
        }
    }
}

/// Text in parentheses or brackets holds roles and affiliations ("(Author)", "(EDT)", "(Simon
/// Fraser University)"), never a name: it is replaced by a separator. An unclosed opening
/// parenthesis drops the rest; a stray closing one separates.
fn drop_parenthesised(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    let mut inside = String::new();
    for c in text.chars() {
        match c {
            '(' | '[' | '{' => {
                if depth == 0 {
                    out.push(';');
                    inside.clear();
                }
                depth += 1;
            }
            ')' | ']' | '}' => {
                if depth == 1
                    && NOT_AUTHOR
                        .contains(&inside.trim().trim_end_matches('.').to_lowercase().as_str())
                {
                    // Drop the name this role follows, and the separator that stood for the
                    // opening parenthesis.
                    out.pop();
                    let keep = start_of_last_name(&out);
                    out.truncate(keep);
                }
                if depth == 0 {
                    out.push(';');
                }
                depth = depth.saturating_sub(1);
            }
            _ if depth == 0 => out.push(c),
            _ => inside.push(c),
        }
    }
    out
}

/// Where the last name of `text` starts: after the last separator that always separates
/// names (`; / | &`, a line break, "and", "with"), then after the comma before it, or before
/// the last two comma parts when the text is written "Last, First, Last, First".
fn start_of_last_name(text: &str) -> usize {
    let strong = text.rfind([';', '/', '|', '\n', '&']).map_or(0, |i| i + 1);
    // ASCII lowercase keeps byte offsets.
    let lower = text[strong..].to_ascii_lowercase();
    let word = [" and ", " with "]
        .iter()
        .filter_map(|w| lower.rfind(w).map(|i| i + w.len()))
        .max()
        .unwrap_or(0);
    let start = strong + word;
    let segment = text[start..].trim_end();
    let commas: Vec<usize> = segment.match_indices(',').map(|(i, _)| start + i).collect();
    let Some(&last) = commas.last() else { return start };
    let parts = commas.len() + 1;
    let first_part = text[start..commas[0]].trim();
    let inverted = !first_part.contains(' ') && parts.is_multiple_of(2);
    if !inverted {
        last + 1
    } else if parts >= 3 {
        commas[parts - 3] + 1
    } else {
        start
    }
}

/// Drops each name credited by a role written before it ("foreword by Ann Grey"), up to the
/// next separator (`,` `;` `/` `|` or a line break), leaving a separator in its place. `text`
/// is folded (lowercase).
fn drop_credited_after_role(text: &str) -> String {
    let mut out = text.to_string();
    for role in NOT_AUTHOR_BEFORE {
        let mut from = 0;
        while let Some(found) = out[from..].find(role) {
            let at = from + found;
            if at > 0 && out.as_bytes()[at - 1].is_ascii_alphanumeric() {
                // Inside a word ("overead by"): not the role.
                from = at + role.len();
                continue;
            }
            let after = at + role.len();
            let end =
                out[after..].find([',', ';', '/', '|', '\n']).map_or(out.len(), |e| after + e);
            out.replace_range(at..end, ";");
            from = at + 1;
        }
    }
    out
}

/// Names glued together where a listing lost its separator ("Ann GreyTom Black", "Grey,
/// AnnBlack, Tom"): a lowercase run of three or more letters followed by a capital is split
/// there. Shorter runs are left alone, so "McNeil", "LaRue", "DeWitt", "MacLeod" stay whole.
fn split_glued(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut lower_run = 0;
    for c in text.chars() {
        if c.is_uppercase() && lower_run >= 3 {
            out.push(' ');
        }
        lower_run = if c.is_lowercase() { lower_run + 1 } else { 0 };
        out.push(c);
    }
    out
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '-'
}

/// Splits at the separators that always separate names. First at `; / | ( ) [ ] { }` and line
/// breaks, where a chunk holding a corporate word ("Deitel & Associates", "(Simon Fraser
/// University)") is kept whole and marked `true` (only known names are read from it); then at
/// `&`, `+`, "and" and "with".
fn split_strong(text: &str) -> Vec<(String, bool)> {
    let chunks = text.split([';', '/', '|', '(', ')', '[', ']', '{', '}', '\n']);
    let mut out = Vec::new();
    for chunk in chunks {
        if chunk.split(|c: char| !is_name_char(c)).any(|w| CORPORATE.contains(&w)) {
            out.push((chunk.to_string(), true));
            continue;
        }
        for piece in chunk.split(['&', '+']) {
            let mut current = String::new();
            for word in piece.split(' ') {
                if word == "and" || word == "with" {
                    out.push((std::mem::take(&mut current), false));
                } else {
                    current.push_str(word);
                    current.push(' ');
                }
            }
            out.push((current, false));
        }
    }
    out.retain(|(s, _)| s.chars().any(char::is_alphabetic));
    out
}

/// The words of one comma-separated part of a segment.
struct Part {
    tokens: Vec<String>,
}

fn tokens_of(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let words = text
        .split_whitespace()
        // "ed." (with its period) is "editor"; "Ph.D." is a degree.
        .filter(|w| !matches!(*w, "ed." | "eds." | "ph.d." | "ph.d" | "phd."))
        .flat_map(|w| w.split('.'));
    for word in words {
        let w: String = word.chars().filter(|&c| is_name_char(c)).collect();
        let w = w.trim_matches(|c| c == '\'' || c == '-');
        // A role joined to the name by a hyphen ("Editor-Ann"): the name is what follows.
        let w = match w.split_once('-') {
            Some((role, rest)) if ROLES.contains(&role) && !rest.is_empty() => rest,
            _ => w,
        }
        .to_string();
        if w.is_empty() || !w.chars().any(char::is_alphabetic) || ROLES.contains(&w.as_str()) {
            continue;
        }
        out.push(w);
    }
    // "et al." is a role written in two words.
    if let Some(i) = out.windows(2).position(|w| w[0] == "et" && w[1] == "al") {
        out.truncate(i);
    }
    // What is left of "et al." cut short; nobody is named "Et".
    out.retain(|w| w != "et");
    out
}

fn parse_segment(segment: &str, names: &mut Vec<PersonName>, ctx: &Context<'_>) {
    let parts: Vec<Part> = segment
        .split(',')
        .map(|p| Part { tokens: tokens_of(p) })
        .filter(|p| !p.tokens.is_empty())
        .collect();
    if parts.is_empty() {
        return;
    }
    // "Honeynet Project, The", "The, Honeynet Project", "Honeynet Project The": a group's name
    // filed under its first significant word, as catalogues do, with the article moved behind
    // it or split off. Nobody's name is "The": the article goes back in front.
    let article = |t: &[String]| t.len() == 1 && t[0] == "the";
    let split_off = parts.len() >= 2 && parts.iter().any(|p| article(&p.tokens));
    let trailing = parts.len() == 1
        && parts[0].tokens.len() >= 2
        && parts[0].tokens.last().is_some_and(|w| w == "the");
    if split_off || trailing {
        let mut tokens = vec!["the".to_string()];
        for p in &parts {
            tokens.extend(p.tokens.iter().filter(|w| *w != "the").cloned());
        }
        push_natural(&tokens, names);
        return;
    }
    let inverted = parts.len() >= 2 && surname_like(&parts[0].tokens);
    if !inverted {
        for p in &parts {
            natural_names(&p.tokens, names, ctx);
        }
        return;
    }
    // "Last, First[, Last, First]...": surname parts and given-name parts alternate. When they
    // do not (an odd number of parts, or a given-name part where a surname should be), the
    // listing has left out the commas between names ("Grey, Ann B. White, Tom"): each middle
    // part then holds given names followed by the next name's surname.
    let regular =
        parts.len().is_multiple_of(2) && parts.iter().step_by(2).all(|p| surname_like(&p.tokens));
    if regular {
        for pair in parts.chunks(2) {
            push_inverted(pair[0].tokens.clone(), pair[1].tokens.clone(), names);
        }
        return;
    }
    let mut last = parts[0].tokens.clone();
    for (i, part) in parts.iter().enumerate().skip(1) {
        if last.is_empty() {
            // The previous part held no next surname: this part is one.
            last = part.tokens.clone();
            continue;
        }
        let mut given = part.tokens.clone();
        let mut next = Vec::new();
        if i + 1 < parts.len() && given.len() >= 2 && given.last().is_some_and(|w| w.len() > 1) {
            next.push(given.pop().expect("checked non-empty"));
        }
        push_inverted(std::mem::take(&mut last), given, names);
        last = next;
    }
    if !last.is_empty() {
        push_inverted(last, Vec::new(), names);
    }
}

/// Pushes the name "`given` `last`" read from "Last, Given".
fn push_inverted(mut last: Vec<String>, mut given: Vec<String>, names: &mut Vec<PersonName>) {
    // Trailing particles of the given part belong to the surname ("Clercq, Jan De").
    while given.len() > 1 && given.last().is_some_and(|w| PARTICLES.contains(&w.as_str())) {
        last.insert(0, given.pop().expect("checked non-empty"));
    }
    if !last.is_empty() {
        names.push(PersonName { given, last: last.join(" ") });
    }
}

/// A part that reads as a surname alone: one word, possibly after particles.
fn surname_like(tokens: &[String]) -> bool {
    match tokens.split_last() {
        Some((last, rest)) => {
            last.len() > 1 && rest.iter().all(|t| PARTICLES.contains(&t.as_str()))
        }
        None => false,
    }
}

/// "First Middle Last", or several such names written one after another without separators
/// ("Geoffrey C. Fox Roy D. Williams"), which is assumed only when four or more full words appear.
fn natural_names(tokens: &[String], names: &mut Vec<PersonName>, ctx: &Context<'_>) {
    let full = tokens.iter().filter(|t| t.len() > 1).count();
    if full < 4 {
        push_natural(tokens, names);
        return;
    }
    if ctx.skip_run_on {
        return;
    }
    if let Some(cuts) = split_by_known(tokens, ctx.known) {
        for pair in cuts.windows(2) {
            push_natural(&tokens[pair[0]..pair[1]], names);
        }
        return;
    }
    let mut group: Vec<String> = Vec::new();
    for t in tokens {
        let closes = t.len() > 1 && !group.is_empty() && !PARTICLES.contains(&t.as_str());
        group.push(t.clone());
        if closes {
            push_natural(&group, names);
            group.clear();
        }
    }
    if !group.is_empty() {
        push_natural(&group, names);
    }
}

/// Cut points (from 0 to `tokens.len()`) that split `tokens` into two or more names each
/// equal to a name of `known`, if there are any; the split with the fewest names is taken.
///
/// **Complexity**: O(t² · k) for t tokens and k known names.
fn split_by_known(tokens: &[String], known: &[Known]) -> Option<Vec<usize>> {
    if known.is_empty() {
        return None;
    }
    // best[i]: (names, previous cut) of the shortest split of tokens[..i].
    let mut best: Vec<Option<(usize, usize)>> = vec![None; tokens.len() + 1];
    best[0] = Some((0, 0));
    for end in 1..=tokens.len() {
        for start in 0..end {
            let Some((n, _)) = best[start] else { continue };
            if known.iter().any(|k| k.words.as_slice() == &tokens[start..end])
                && best[end].is_none_or(|(m, _)| n + 1 < m)
            {
                best[end] = Some((n + 1, start));
            }
        }
    }
    let (n, _) = best[tokens.len()]?;
    if n < 2 {
        return None;
    }
    let mut cuts = vec![tokens.len()];
    let mut at = tokens.len();
    while at > 0 {
        at = best[at].expect("on the path").1;
        cuts.push(at);
    }
    cuts.reverse();
    Some(cuts)
}

fn push_natural(tokens: &[String], names: &mut Vec<PersonName>) {
    // "Grey Ann B": a name that ends in an initial is written surname first without its comma.
    if tokens.len() >= 2 && tokens[0].len() > 1 && tokens.last().is_some_and(|t| t.len() == 1) {
        push_inverted(vec![tokens[0].clone()], tokens[1..].to_vec(), names);
        return;
    }
    let Some((last, given)) = tokens.split_last() else { return };
    let mut given = given.to_vec();
    let mut surname = vec![last.clone()];
    while given.len() > 1 && given.last().is_some_and(|w| PARTICLES.contains(&w.as_str())) {
        surname.insert(0, given.pop().expect("checked non-empty"));
    }
    names.push(PersonName { given, last: surname.join(" ") });
}

/// Decodes HTML entities, also doubly escaped ("&amp;amp;") and with the ampersand turned into
/// the word "and" ("Oandapos;Leary"), as listings scraped from the web carry them. Accented
/// letters lose their accents; unknown entities are dropped.
fn decode_entities(raw: &str) -> String {
    let mut s = raw.to_string();
    // Undo repeated escaping first so that one pass decodes the rest.
    while s.contains("&amp;") {
        s = s.replace("&amp;", "&");
    }
    for (mangled, plain) in [("andapos;", "'"), ("andamp;", "&"), ("andquot;", "\"")] {
        s = s.replace(mangled, plain);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s.as_str();
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let end = after.find(';').filter(|&e| {
            e > 0 && e <= 8 && after[..e].chars().all(|c| c.is_ascii_alphanumeric() || c == '#')
        });
        match end {
            Some(e) => {
                out.push_str(&entity(&after[..e]));
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> String {
    match name {
        "apos" | "#39" | "#146" | "rsquo" | "lsquo" | "#8217" => "'".into(),
        "quot" | "ldquo" | "rdquo" => "\"".into(),
        "nbsp" | "#160" => " ".into(),
        "amp" => "&".into(),
        "lt" | "gt" => " ".into(),
        _ => {
            // Accented letters: "eacute", "Ouml", "ntilde", "szlig", "aelig", "oslash".
            let accents = ["acute", "grave", "uml", "circ", "tilde", "cedil", "slash", "ring"];
            for a in accents {
                if let Some(letter) = name.strip_suffix(a)
                    && letter.len() == 1
                {
                    return letter.to_string();
                }
            }
            match name {
                "szlig" => "ss".into(),
                "aelig" => "ae".into(),
                "AElig" => "AE".into(),
                "oelig" => "oe".into(),
                _ => String::new(),
            }
        }
    }
}

/// Lowercase, accents stripped ([`crate::text::fold`]), typographic punctuation made plain.
pub(crate) fn fold(s: &str) -> String {
    crate::text::fold(&s.chars().map(crate::text::plain_char).collect::<String>())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(raw: &str) -> String {
        NameList::parse(raw).map(|n| n.to_string()).unwrap_or_default()
    }

    #[test]
    fn inverted_and_natural_orders_agree() {
        assert_eq!(show("Knuth, Donald E."), "donald e knuth");
        assert_eq!(show("Donald E. Knuth"), "donald e knuth");
        assert_eq!(show("KNUTH,DONALD E"), "donald e knuth");
        assert_eq!(show("D.E. Knuth"), "d e knuth");
    }

    #[test]
    fn separators_split_lists() {
        assert_eq!(show("Grey, Ann; Black, Tom"), "ann grey; tom black");
        assert_eq!(show("Ann Grey, Tom Black"), "ann grey; tom black");
        assert_eq!(show("Ann Grey and Tom Black"), "ann grey; tom black");
        assert_eq!(show("Grey, Ann/ Black, Tom"), "ann grey; tom black");
        assert_eq!(show("Grey, Ann B., Black, Tom"), "ann b grey; tom black");
        assert_eq!(show("Grey, Ann (Author) Black, Tom (Editor)"), "ann grey; tom black");
        assert_eq!(show("Ann B. Grey Tom C. Black Lee Park"), "ann b grey; tom c black; lee park");
    }

    #[test]
    fn missing_comma_between_inverted_names() {
        assert_eq!(show("Grey, A. B White, Tom Q."), "a b grey; tom q white");
        assert_eq!(
            show("GREY, ANN B. WHITE, TOM PARK, LEE Q."),
            "ann b grey; tom white; lee q park"
        );
        assert_eq!(show("Grey, JaneWhite, Tom"), "jane grey; tom white");
        assert_eq!(show("Ann GreyTom McWhite"), "ann grey; tom mcwhite");
        assert_eq!(show("Grey Ann B"), "ann b grey");
        assert_eq!(
            show("Grey, Ann, White, Tom, Park, Lee, Kim"),
            "ann grey; tom white; lee park; kim"
        );
    }

    #[test]
    fn entities_accents_roles_and_corporations() {
        assert_eq!(show("Ren&eacute;e Ol&aacute;h"), "renee olah");
        assert_eq!(show("Zo\u{eb} Bront\u{eb}"), "zoe bronte");
        assert_eq!(show("Pat Oandapos;Neil &amp;amp; Sam Lee"), "pat o'neil; sam lee");
        assert_eq!(show("Grey &amp; Associates; Grey, P. J."), "p j grey");
        // Companies and publishers written as authors.
        assert_eq!(show("Grey, Ann; Lakeside Software"), "ann grey");
        assert_eq!(NameList::parse("Harbourline Press"), None);
        assert_eq!(show("Kim Park, Ph.D., Editor"), "kim park");
        assert_eq!(show("Lee, Ann et al."), "ann lee");
        assert_eq!(show("Clercq, Jan De"), "jan de clercq");
        assert_eq!(show("Grey, Ann (EDT)/ Black, Tom (CON)"), "ann grey; tom black");
        assert_eq!(show("Ann Grey, Tom Black, etc."), "ann grey; tom black");
        // "et al." cut short, and credentials after a name.
        assert_eq!(show("Ann Grey et"), "ann grey");
        assert_eq!(show("Grey, Ann, PhD, CISSP; Black, Tom, MBA"), "ann grey; tom black");
        // A role joined by a hyphen; hyphenated names stay whole.
        assert_eq!(show("Editor-Ann Grey; Editor-Tom Black"), "ann grey; tom black");
        assert_eq!(show("Ann Grey-Black, Jo-Ann Park"), "ann grey-black; jo-ann park");
    }

    #[test]
    fn a_group_name_filed_under_its_first_word_gets_its_article_back() {
        assert_eq!(show("The Lantern Collective"), "the lantern collective");
        assert_eq!(show("Lantern Collective, The"), "the lantern collective");
        assert_eq!(show("The, Lantern Collective"), "the lantern collective");
        assert_eq!(show("Lantern Collective The"), "the lantern collective");
        assert_eq!(
            NameList::parse("LANTERN COLLECTIVE, THE"),
            NameList::parse("The Lantern Collective")
        );
        // Only a whole word "the": "Theo" and "Thea" are given names.
        assert_eq!(show("Grey, Theo"), "theo grey");
        assert_eq!(show("Ann Grey, Thea Black"), "ann grey; thea black");
    }

    fn in_context(raw: &str, others: &[&str]) -> String {
        let known = KnownNames::new(others.iter().flat_map(|o| NameList::separated_names(o)));
        NameList::parse_in_context(raw, &known).map(|n| n.to_string()).unwrap_or_default()
    }

    #[test]
    fn names_run_together_split_into_names_other_listings_give() {
        let others = ["Grey, Ann Marie; Tom Lee Black", "Sam Park"];
        // Alone, the shape of the words guesses the cuts wrongly (full middle names).
        assert_eq!(show("Ann Marie Grey Tom Lee Black"), "ann marie; grey tom; lee black");
        assert_eq!(
            in_context("Ann Marie Grey Tom Lee Black", &others),
            "ann marie grey; tom lee black"
        );
        assert_eq!(
            in_context("Tom Lee Black Sam Park Ann Marie Grey", &others),
            "tom lee black; sam park; ann marie grey"
        );
        // No split into known names: the guess stands.
        assert_eq!(
            in_context("Ann Marie Grey Kim Jo Lee", &others),
            show("Ann Marie Grey Kim Jo Lee")
        );
        // Known names never come from a run, whose cuts are a guess.
        assert!(NameList::separated_names("Ann Marie Grey Tom Lee Black").is_empty());
        assert_eq!(NameList::separated_names("Grey, Ann; Tom Black").len(), 2);
    }

    #[test]
    fn surname_first_without_a_comma_reads_as_the_usual_order() {
        let others = ["Grey, Ann; Black, Tom Lee", "Ann Grey, Tom Lee Black", "Grey Ann"];
        // "Grey Ann" alone reads as given name Grey; the book's other listings write "Ann Grey"
        // twice to its once.
        assert_eq!(show("Grey Ann; Black Tom Lee"), "grey ann; black tom lee");
        assert_eq!(in_context("Grey Ann; Black Tom Lee", &others), "ann grey; tom lee black");
        // The written order stands when it is the usual one, or no other order is known.
        assert_eq!(in_context("Ann Grey; Park Sam", &others), "ann grey; park sam");
        let tied = ["Grey Ann", "Ann Grey"];
        assert_eq!(in_context("Grey Ann", &tied), "grey ann");
    }

    #[test]
    fn a_part_naming_an_organisation_keeps_only_known_names() {
        let others = ["Grey, Ann B.; Black, Tom", "Sam Park"];
        // Affiliations after names, cut short: alone, nothing is read.
        let affiliations = "Ann B. Grey , Lakeside University Tom Black , Hill Inst";
        assert_eq!(NameList::parse(affiliations), None);
        assert_eq!(in_context(affiliations, &others), "ann b grey; tom black");
        // A team after its members, and names written surname first.
        assert_eq!(in_context("Sam Park, Ann B. Grey, Docs Team", &others), "sam park; ann b grey");
        assert_eq!(
            in_context("Park, Sam, Grey, Ann B., Docs Team", &others),
            "sam park; ann b grey"
        );
        // An organisation alone stays no claim, even when a known surname is in it.
        assert_eq!(in_context("Grey & Associates", &["Grey"]), "");
        assert_eq!(in_context("Grey & Associates", &others), "");
    }

    #[test]
    fn translators_and_illustrators_are_not_authors() {
        assert_eq!(show("Grey, Ann (Editor); Black, Tom (Translator)"), "ann grey");
        assert_eq!(show("Grey, Ann/ Black, Tom (TRN)/ Lee, Sam"), "ann grey; sam lee");
        assert_eq!(show("Ann Grey (illustrator); Tom Black (Author)"), "tom black");
        // Other roles in parentheses keep their name.
        assert_eq!(show("Grey, Ann (EDT)/ Black, Tom (With)"), "ann grey; tom black");
    }

    #[test]
    fn foreword_writers_are_not_authors() {
        // The role follows the name: only that name goes, whatever the list's shape.
        assert_eq!(show("Ann Grey, Tom Black, Sam Park (Foreword)"), "ann grey; tom black");
        assert_eq!(show("Grey, Ann, Black, Tom, Park, Sam (Foreword by)"), "ann grey; tom black");
        assert_eq!(show("Grey, Ann; Black, Tom; Sam Park (Foreword)"), "ann grey; tom black");
        assert_eq!(
            show("Grey, Ann B, and Black, Tom, and Park, Sam (Foreword by)"),
            "ann b grey; tom black"
        );
        assert_eq!(show("Grey, Ann (Author) Park, Sam (Preface by)"), "ann grey");
        // The role comes first: the name after it goes, up to the next separator.
        assert_eq!(show("Grey, Ann B. Foreword by Sam Park."), "ann b grey");
        assert_eq!(show("Ann Grey, with Tom Black, foreword by Sam Park"), "ann grey; tom black");
        assert_eq!(show("by Ann Grey, translated by Sam Park, Tom Black"), "ann grey; tom black");
        // Only whole words: a surname ending in the letters of a role is kept.
        assert_eq!(show("Ann Grey, Tom Overead by"), "ann grey; tom overead");
        assert_eq!(show("Tom Overead by, read by Sam Park; Ann Grey"), "tom overead; ann grey");
    }

    #[test]
    fn blanks_and_placeholders_are_no_claim() {
        assert_eq!(NameList::parse(""), None);
        assert_eq!(NameList::parse("  "), None);
        assert_eq!(NameList::parse("Not Available"), None);
        assert_eq!(NameList::parse("N/A"), None);
    }

    #[test]
    fn repeated_names_merge() {
        assert_eq!(show("Ann Grey; Ann B. Grey; Tom Black"), "ann b grey; tom black");
        assert_eq!(show("Darrel Grey; Darrell Grey"), "darrell grey");
        assert_eq!(show("Ann Grey; Tom Black; Grey Ann"), "ann grey; tom black");
        assert_eq!(show("Ann Grey; Tom Grey"), "ann grey; tom grey");
        assert_eq!(show("Ann B. Grey; Grey; Tom Black"), "ann b grey; tom black");
        assert_eq!(show("Tom Black; Ann Grey; B. Grey Ann"), "tom black; ann grey");
        // A short form of a given name repeats the full one; other given names do not.
        assert_eq!(show("James S. Grey; Tom Black; Grey, Jim"), "james s grey; tom black");
        assert_eq!(show("James Grey; John Grey"), "james grey; john grey");
        // A slip in the surname, written twice in one list; other people with near surnames
        // stay apart.
        assert_eq!(show("Ann B. Greyson; Tom Black; Ann B. Greysen"), "ann b greyson; tom black");
        assert_eq!(show("Ann Greyson; A. Greysen"), "ann greyson");
        assert_eq!(show("Ann Greyson; Tom Greysen"), "ann greyson; tom greysen");
        assert_eq!(show("Ann Lee; Ann Lea"), "ann lee; ann lea");
    }

    #[test]
    fn short_forms_of_given_names_imply_the_full_ones() {
        let full = NameList::parse("Thomas Black").unwrap();
        let short = NameList::parse("Tom Black").unwrap();
        let other = NameList::parse("Timothy Black").unwrap();
        assert!((short.implication(&full) - 0.85).abs() < 1e-12);
        assert!((full.implication(&short) - 0.85).abs() < 1e-12);
        assert!(full.implication(&other) < 0.5);
    }

    #[test]
    fn lists_are_sets() {
        assert_eq!(
            NameList::parse("Ann Grey; Tom Black"),
            NameList::parse("Black, Tom; Grey, Ann")
        );
    }

    #[test]
    fn similarity_prefers_compatible_names() {
        let full = NameList::parse("Donald E. Knuth").unwrap();
        let initials = NameList::parse("D. E. Knuth").unwrap();
        let bare = NameList::parse("Knuth").unwrap();
        let other = NameList::parse("Mark Knuth").unwrap();
        let two = NameList::parse("Donald E. Knuth; Ann Grey").unwrap();
        assert_eq!(full.similarity(&full), 1.0);
        assert!(full.similarity(&initials) > full.similarity(&bare));
        assert!(full.similarity(&bare) > full.similarity(&other));
        assert!((full.similarity(&two) - 0.5).abs() < 1e-12);
        assert_eq!(full.similarity(&two), two.similarity(&full));
    }
}
