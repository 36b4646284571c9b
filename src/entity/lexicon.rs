//! The built-in word lists and the gazetteer: loaded once, shared by every call.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::model::EntityKind;

/// The built-in gazetteer: general news knowledge only (see the file's header).
const GAZETTEER_TSV: &str = include_str!("gazetteer.tsv");

/// What a gazetteer entry names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum GzKind {
    /// A country, city or region.
    Place,
    /// An international body, a seat of government, an agency.
    Org,
    /// A nationality adjective ("Ukrainian"): a title word, not an entity of its own.
    Demonym,
}

/// One gazetteer entry.
#[derive(Clone, Debug)]
pub(crate) struct GzEntry {
    pub(crate) kind: GzKind,
    pub(crate) canonical: String,
    /// The country the entry stands for ("Kremlin" → Russia), used to read role descriptions.
    pub(crate) country: Option<String>,
}

impl GzEntry {
    pub(crate) fn entity_kind(&self) -> EntityKind {
        match self.kind {
            GzKind::Place => EntityKind::Place,
            GzKind::Org => EntityKind::Organization,
            GzKind::Demonym => EntityKind::Other,
        }
    }
}

/// The gazetteer: entries, and an automaton over every spelling (case-sensitive, leftmost-longest,
/// so "European Union" wins over "European").
pub(crate) struct Gazetteer {
    pub(crate) entries: Vec<GzEntry>,
    /// For each automaton pattern, the entry it spells.
    pub(crate) pattern_entry: Vec<usize>,
    pub(crate) automaton: AhoCorasick,
    /// Lowercased spelling → entry, for role descriptions ("the russian leader") and acronyms.
    pub(crate) by_lower: HashMap<String, usize>,
    /// Every entry's canonical name. Kept here rather than collected per resolution: for the
    /// runs of two claims that the pair interface makes, collecting it took a seventh of the time.
    pub(crate) canonicals: HashSet<String>,
}

/// The gazetteer, parsed on first use. A malformed built-in line is skipped (a unit test checks
/// that none is), so that no input can make this panic.
pub(crate) fn gazetteer() -> &'static Gazetteer {
    static GZ: OnceLock<Gazetteer> = OnceLock::new();
    GZ.get_or_init(|| parse_gazetteer(GAZETTEER_TSV).0)
}

/// Parses gazetteer text; also returns the 1-based numbers of lines it could not read.
pub(crate) fn parse_gazetteer(text: &str) -> (Gazetteer, Vec<usize>) {
    let mut entries = Vec::new();
    let mut patterns: Vec<String> = Vec::new();
    let mut pattern_entry = Vec::new();
    let mut by_lower = HashMap::new();
    let mut bad = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let kind = match cols.first().copied() {
            Some("place") => GzKind::Place,
            Some("org") => GzKind::Org,
            Some("demonym") => GzKind::Demonym,
            _ => {
                bad.push(n + 1);
                continue;
            }
        };
        let Some(canonical) = cols.get(1).map(|c| c.trim()).filter(|c| !c.is_empty()) else {
            bad.push(n + 1);
            continue;
        };
        let country = cols.get(3).map(|c| c.trim()).filter(|c| !c.is_empty()).map(String::from);
        let idx = entries.len();
        entries.push(GzEntry { kind, canonical: canonical.to_string(), country });
        let aliases = cols.get(2).map_or("", |c| c.trim());
        // A demonym's canonical is its country, which is not itself one of its spellings.
        let own = if kind == GzKind::Demonym { None } else { Some(canonical) };
        for spelling in own.into_iter().chain(aliases.split('|').map(str::trim)) {
            if spelling.is_empty() {
                continue;
            }
            patterns.push(spelling.to_string());
            pattern_entry.push(idx);
            by_lower.entry(spelling.to_lowercase()).or_insert(idx);
        }
    }
    let automaton = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
        .unwrap_or_else(|_| AhoCorasick::new(Vec::<String>::new()).expect("empty automaton"));
    let canonicals = entries.iter().map(|e| e.canonical.clone()).collect();
    (Gazetteer { entries, pattern_entry, automaton, by_lower, canonicals }, bad)
}

/// A word set with a cheap hash (FNV-1a): these sets are probed for nearly every word of every
/// sentence, and their keys are fixed, so hash flooding is no concern.
pub(crate) type WordSet = HashSet<&'static str, BuildHasherDefault<Fnv>>;

/// FNV-1a.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

fn set(words: &'static [&'static str]) -> WordSet {
    words.iter().copied().collect()
}

/// [`crate::text::is_stop_word`] with the cheap hash.
pub(crate) fn is_stop_word(lower: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| set(crate::text::STOP_WORDS)).contains(lower)
}

/// Capitalised words that are not names: sentence starters, function words, capitalised common
/// nouns of quotes and headlines. A run of capitalised words loses these at its start.
pub(crate) fn is_common(lower: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    let set = SET.get_or_init(|| set(COMMON));
    // "I'm", "We've", "What's": a contraction of a common word.
    let head = lower.split(['\'', '\u{2019}']).next().unwrap_or(lower);
    set.contains(lower)
        || is_stop_word(lower)
        || (head.len() < lower.len() && is_stop_word(head))
        || crate::text::is_number_word(lower)
}

const COMMON: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "acknowledging",
    "across",
    "after",
    "afterwards",
    "again",
    "against",
    "ahead",
    "all",
    "along",
    "also",
    "although",
    "amid",
    "among",
    "an",
    "analysts",
    "and",
    "another",
    "any",
    "anyone",
    "as",
    "asked",
    "at",
    "back",
    "because",
    "before",
    "behind",
    "besides",
    "beyond",
    "both",
    "breaking",
    "but",
    "by",
    "critics",
    "despite",
    "diplomats",
    "during",
    "each",
    "earlier",
    "either",
    "else",
    "end",
    "even",
    "eventually",
    "every",
    "everyone",
    "experts",
    "finally",
    "first",
    "following",
    "for",
    "former",
    "from",
    "furthermore",
    "given",
    "here",
    "how",
    "however",
    "if",
    "in",
    "indeed",
    "inside",
    "instead",
    "into",
    "it",
    "just",
    "last",
    "later",
    "lawmakers",
    "like",
    "live",
    "many",
    "maybe",
    "meanwhile",
    "more",
    "moreover",
    "most",
    "much",
    "my",
    "near",
    "neither",
    "never",
    "nevertheless",
    "new",
    "next",
    "no",
    "none",
    "nonetheless",
    "nor",
    "not",
    "nothing",
    "now",
    "observers",
    "of",
    "officials",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "others",
    "our",
    "outside",
    "over",
    "people",
    "perhaps",
    "please",
    "protesters",
    "rather",
    "read",
    "recently",
    "regardless",
    "residents",
    "several",
    "she",
    "since",
    "so",
    "some",
    "someone",
    "soon",
    "sources",
    "still",
    "such",
    "than",
    "thanks",
    "that",
    "the",
    "their",
    "then",
    "there",
    "therefore",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "throughout",
    "thus",
    "to",
    "today",
    "together",
    "tomorrow",
    "tonight",
    "too",
    "two",
    "three",
    "under",
    "unless",
    "unlike",
    "until",
    "update",
    "upon",
    "us",
    "very",
    "via",
    "video",
    "watch",
    "we",
    "well",
    "what",
    "whatever",
    "when",
    "whenever",
    "where",
    "whereas",
    "whether",
    "which",
    "while",
    "who",
    "whoever",
    "why",
    "with",
    "within",
    "without",
    "witnesses",
    "yes",
    "yesterday",
    "yet",
    "you",
    "western",
    "eastern",
    "northern",
    "southern",
    "central",
    "potential",
    "war",
    "peace",
    "ceasefire",
    "truce",
    "talks",
    "deal",
    "summit",
    "trade",
    "news",
    "state",
    "government",
    "president",
    "minister",
    "sanctions",
    "attack",
    "attacks",
    "photo",
    "opinion",
    "analysis",
    "exclusive",
    "editorial",
    "comment",
    "advertisement",
    "subscribe",
    "share",
    "related",
    "reporting",
    "editing",
    "writing",
    "additional",
    "ok",
    "okay",
    "oh",
    "thank",
    "great",
    "big",
    "good",
    "bad",
    "important",
    "very",
    "really",
    "absolutely",
    "certainly",
    "clearly",
    "let",
    "look",
    "god",
    "sir",
    "madam",
    "ladies",
    "gentlemen",
    "everybody",
    "nobody",
    "separately",
    "similarly",
    "likewise",
    "specifically",
    "notably",
    "overall",
    "currently",
    "previously",
    "initially",
    "ultimately",
    "additionally",
    "importantly",
    "interestingly",
];

/// Day and month names: time words, never entities ("May" is left to the common-word rule).
pub(crate) fn is_calendar(lower: &str) -> bool {
    matches!(
        lower,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "january"
            | "february"
            | "march"
            | "april"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan."
            | "feb."
            | "mar."
            | "apr."
            | "jun."
            | "jul."
            | "aug."
            | "sep."
            | "sept."
            | "oct."
            | "nov."
            | "dec."
    )
}

/// Lowercase particles that sit inside names: "Ursula von der Leyen", "Bashar al-Assad".
pub(crate) fn is_connector(lower: &str) -> bool {
    matches!(
        lower,
        "von"
            | "van"
            | "der"
            | "den"
            | "de"
            | "del"
            | "della"
            | "di"
            | "da"
            | "du"
            | "la"
            | "le"
            | "bin"
            | "ibn"
            | "al"
            | "el"
            | "ad"
            | "ben"
            | "dos"
            | "das"
            | "ter"
            | "zu"
    )
}

/// Title words: stripped from a person's name, kept in the surface, and read as the person's role.
/// Lowercase, with the abbreviation's dot where it has one.
pub(crate) fn is_title(lower: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| set(TITLES)).contains(lower)
}

const TITLES: &[&str] = &[
    "president",
    "president-elect",
    "vice",
    "prime",
    "minister",
    "chancellor",
    "pope",
    "foreign",
    "defence",
    "defense",
    "interior",
    "finance",
    "economy",
    "trade",
    "justice",
    "health",
    "secretary",
    "secretary-general",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "adviser",
    "advisor",
    "aide",
    "envoy",
    "special",
    "ambassador",
    "gen.",
    "sen.",
    "rep.",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof.",
    "lt.",
    "col.",
    "capt.",
    "maj.",
    "adm.",
    "gov.",
    "rev.",
    "king",
    "queen",
    "prince",
    "princess",
    "crown",
    "sheikh",
    "emir",
    "sultan",
    "governor",
    "mayor",
    "deputy",
    "chief",
    "commander",
    "colonel",
    "admiral",
    "judge",
    "speaker",
    "leader",
    "opposition",
    "ceo",
    "chairman",
    "chairwoman",
    "chair",
    "premier",
    "senator",
    "representative",
    "congressman",
    "congresswoman",
    "lawmaker",
    "cardinal",
    "archbishop",
    "patriarch",
    "ayatollah",
    "supreme",
    "former",
    "acting",
    "late",
    "lord",
    "sir",
    "dame",
    "negotiator",
    "diplomat",
    "official",
    "director",
    "head",
    "state",
    "general",
    "attorney",
    "top",
    "senior",
    "lead",
    "national",
    "security",
    "counsel",
    "officer",
    "pastor",
    "rabbi",
    "imam",
    "bishop",
    "father",
    "sister",
    "brother",
    "saint",
    "st.",
    "first",
    "lady",
];

/// Title words that only qualify another title ("Prime" Minister, "Foreign" Minister, "General"
/// Motors): a run is read as titled only when it also holds a core title word.
pub(crate) fn is_title_modifier(lower: &str) -> bool {
    matches!(
        lower,
        "vice"
            | "prime"
            | "foreign"
            | "defence"
            | "defense"
            | "interior"
            | "finance"
            | "economy"
            | "trade"
            | "justice"
            | "health"
            | "special"
            | "crown"
            | "supreme"
            | "former"
            | "acting"
            | "late"
            | "top"
            | "senior"
            | "lead"
            | "national"
            | "security"
            | "state"
            | "first"
            | "deputy"
            | "opposition"
            | "general"
            | "saint"
            | "st."
            | "father"
            | "sister"
            | "brother"
    )
}

/// Title words that on their own name a head of state or government: what "the leader" can mean.
pub(crate) fn is_head_title(lower: &str) -> bool {
    matches!(
        lower,
        "president"
            | "prime"
            | "chancellor"
            | "premier"
            | "king"
            | "queen"
            | "emir"
            | "sultan"
            | "leader"
            | "pope"
            | "ayatollah"
    )
}

/// Last words that make a capitalised run an organisation: "Defence Ministry", "Central Bank".
pub(crate) fn is_org_suffix(lower: &str) -> bool {
    matches!(
        lower,
        "ministry"
            | "department"
            | "agency"
            | "bank"
            | "council"
            | "committee"
            | "commission"
            | "court"
            | "party"
            | "parliament"
            | "assembly"
            | "army"
            | "navy"
            | "forces"
            | "force"
            | "guard"
            | "police"
            | "institute"
            | "university"
            | "college"
            | "school"
            | "foundation"
            | "group"
            | "company"
            | "corporation"
            | "corp."
            | "inc."
            | "ltd"
            | "ltd."
            | "plc"
            | "association"
            | "union"
            | "federation"
            | "organization"
            | "organisation"
            | "office"
            | "church"
            | "times"
            | "post"
            | "journal"
            | "news"
            | "network"
            | "service"
            | "authority"
            | "board"
            | "fund"
            | "league"
            | "movement"
            | "front"
            | "brigade"
            | "cabinet"
            | "senate"
            | "congress"
            | "administration"
            | "hospital"
            | "airlines"
            | "airways"
    )
}

/// Last words that make a capitalised run a place; also lowercase words right after a run
/// ("Sumy and Donetsk regions").
pub(crate) fn is_place_word(lower: &str) -> bool {
    matches!(
        lower,
        "region"
            | "regions"
            | "province"
            | "provinces"
            | "oblast"
            | "city"
            | "district"
            | "county"
            | "state"
            | "island"
            | "islands"
            | "river"
            | "sea"
            | "ocean"
            | "mountains"
            | "valley"
            | "strait"
            | "gulf"
            | "peninsula"
            | "square"
            | "street"
            | "airport"
            | "port"
            | "border"
            | "village"
            | "town"
    )
}

/// Upper-case Roman numerals as in regnal names ("Leo XIV", "Charles III").
pub(crate) fn is_roman(word: &str) -> bool {
    !word.is_empty()
        && word.len() <= 6
        && word.bytes().all(|b| matches!(b, b'I' | b'V' | b'X' | b'L'))
        && word != "L"
}

/// Personal pronouns that can stand for a named speaker.
pub(crate) fn is_person_pronoun(lower: &str) -> bool {
    matches!(lower, "he" | "she" | "him" | "her")
}

/// Reporting verbs after a name: "Smith said" marks Smith as a person.
pub(crate) fn is_speech_verb(lower: &str) -> bool {
    matches!(
        lower,
        "said"
            | "says"
            | "told"
            | "added"
            | "noted"
            | "stated"
            | "wrote"
            | "argued"
            | "insisted"
            | "warned"
            | "explained"
            | "claimed"
            | "urged"
            | "declared"
            | "responded"
            | "replied"
            | "recalled"
            | "stressed"
            | "mentioned"
    )
}
