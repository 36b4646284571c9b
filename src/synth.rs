//! Synthetic news corpora: many sources reporting shared facts in their own words.
//!
//! Useful for: benchmarks and tests at any scale (a thousand claims or ten million), where the
//! truth is known: which sentences report the same fact, and where each entity and number is.
//! Not useful for: judging extraction or alignment quality on real news (use real articles).
//!
//! The corpus is built to be hard on blocking:
//! - one politician (the *dominant entity*) appears in more than 30% of all sentences;
//! - each fact is told through templates with synonym choices ("killed" / "died"), numbers in
//!   digits or in words ("23", "twenty-three", "$40 million", "forty million dollars"), and name
//!   variants ("Tomas Keller", "Keller", "Mr Keller");
//! - each telling drops the entities or the numbers often enough that well over 20% of the pairs
//!   of sentences reporting one fact share neither an entity nor a number: they match only
//!   through their wording;
//! - single-source sentences (facts nobody else reports) and low-content remarks are mixed in.
//!
//! Generation is deterministic for a given [`SynthConfig`] (its own small PRNG; no dependency).

use crate::model::Source;
use crate::model::{Claim, Entity, EntityKind, Quantity, SourceId};
use crate::text::content_terms;

/// What to generate.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct SynthConfig {
    /// How many sentences (claims) in all.
    pub claims: usize,
    /// How many sources (articles) they are spread over.
    pub sources: usize,
    /// The PRNG seed.
    pub seed: u64,
}

impl SynthConfig {
    /// `claims` sentences over `sources` articles, seed 1.
    pub fn new(claims: usize, sources: usize) -> SynthConfig {
        SynthConfig { claims, sources: sources.max(1), seed: 1 }
    }

    /// The same corpus shape with another PRNG seed.
    pub fn with_seed(mut self, seed: u64) -> SynthConfig {
        self.seed = seed;
        self
    }
}

/// An entity mention the generator wrote: byte span in the article, and its canonical name.
#[derive(Clone, Debug, PartialEq)]
pub struct SynthEntity {
    /// Byte offset in the article.
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
    /// The canonical name every variant of it resolves to.
    pub canonical: String,
    /// Person, place or organisation.
    pub kind: EntityKind,
}

/// A number the generator wrote: span, value and unit.
#[derive(Clone, Debug, PartialEq)]
pub struct SynthQuantity {
    /// Byte offset in the article.
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
    /// The value (`40000000` for "$40 million").
    pub value: f64,
    /// The unit, as in [`Quantity::unit`].
    pub unit: String,
}

/// One sentence of an article, with what the generator knows about it.
#[derive(Clone, Debug, PartialEq)]
pub struct SynthSentence {
    /// Byte offset in the article.
    pub start: usize,
    /// End (exclusive), before the newline.
    pub end: usize,
    /// The fact it reports; sentences with the same fact assert the same thing.
    pub fact: u32,
    /// Entity mentions.
    pub entities: Vec<SynthEntity>,
    /// Numbers.
    pub quantities: Vec<SynthQuantity>,
}

/// One generated article.
#[derive(Clone, Debug, PartialEq)]
pub struct SynthArticle {
    /// Its source id (`s0`, `s1`, …).
    pub id: String,
    /// The article: one sentence per paragraph.
    pub text: String,
    /// Its sentences, in text order.
    pub sentences: Vec<SynthSentence>,
}

/// A generated corpus.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct SynthCorpus {
    /// The articles.
    pub articles: Vec<SynthArticle>,
    /// The canonical name of the dominant entity.
    pub dominant: String,
}

impl SynthCorpus {
    /// Generates a corpus.
    ///
    /// # Complexity
    /// Linear in `config.claims`.
    pub fn generate(config: &SynthConfig) -> SynthCorpus {
        let mut rng = Rng::new(config.seed);
        let vocab = Vocab::new(config.claims);
        // Facts and how many sources report each, until the reports fill the corpus.
        let mut reports: Vec<u32> = Vec::with_capacity(config.claims);
        let mut facts: Vec<Fact> = Vec::new();
        while reports.len() < config.claims {
            let fact = Fact::random(&mut rng, &vocab, facts.len() as u32);
            // Most facts are told by a few sources; some by one only (distractors for blocking:
            // they share words with others but nobody else reports them).
            let n = match rng.below(100) {
                0..=17 => 1,
                18..=42 => 2,
                43..=62 => 3,
                63..=77 => 4,
                _ => 5 + rng.below(4) as usize,
            };
            for _ in 0..n.min(config.claims - reports.len()) {
                reports.push(fact.id);
            }
            facts.push(fact);
        }
        rng.shuffle(&mut reports);
        let n_sources = config.sources.max(1);
        let mut articles = Vec::with_capacity(n_sources);
        let per = config.claims / n_sources;
        let extra = config.claims % n_sources;
        let mut next = 0;
        for s in 0..n_sources {
            let count = per + usize::from(s < extra);
            let mut article =
                SynthArticle { id: format!("s{s}"), text: String::new(), sentences: Vec::new() };
            for &fact in &reports[next..next + count] {
                let sentence = facts[fact as usize].tell(&mut rng, &vocab, &mut article.text);
                article.text.push('\n');
                article.sentences.push(sentence);
            }
            next += count;
            articles.push(article);
        }
        SynthCorpus { articles, dominant: vocab.dominant_canonical() }
    }

    /// How many sentences in all.
    pub fn len(&self) -> usize {
        self.articles.iter().map(|a| a.sentences.len()).sum()
    }

    /// Whether the corpus has no sentence.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The articles as sources, for extraction.
    pub fn sources(&self) -> Vec<Source> {
        self.articles
            .iter()
            .filter_map(|a| Source::new(a.id.as_str(), a.text.clone()).ok())
            .collect()
    }

    /// The claims as the generator knows them, one per sentence, articles in order: text, span,
    /// entities with canonical names, quantities, and content terms. Ready for alignment
    /// without extraction.
    pub fn claims(&self) -> Vec<Claim> {
        let mut claims = Vec::with_capacity(self.len());
        for article in &self.articles {
            let source = SourceId::new(article.id.as_str());
            for (n, s) in article.sentences.iter().enumerate() {
                let text = &article.text[s.start..s.end];
                let mut claim = Claim::new(source.clone(), n, s.start, text);
                claim.entities = s
                    .entities
                    .iter()
                    .map(|e| Entity {
                        canonical: e.canonical.clone(),
                        surface: article.text[e.start..e.end].to_string(),
                        start: e.start,
                        end: e.end,
                        kind: e.kind,
                    })
                    .collect();
                claim.quantities = s
                    .quantities
                    .iter()
                    .map(|q| Quantity {
                        value: q.value,
                        unit: q.unit.clone(),
                        start: q.start,
                        end: q.end,
                        bound: Default::default(),
                        each: false,
                        upper: None,
                    })
                    .collect();
                claim.terms = content_terms(text);
                claims.push(claim);
            }
        }
        claims
    }

    /// The fact of each sentence, in the order of [`SynthCorpus::claims`].
    pub fn facts(&self) -> Vec<u32> {
        self.articles.iter().flat_map(|a| a.sentences.iter().map(|s| s.fact)).collect()
    }

    /// What makes the corpus hard, measured: the share of sentences naming the dominant entity,
    /// and the share of true pairs (two sources, one fact) sharing no entity and no number.
    pub fn hardness(&self) -> Hardness {
        let sentences: Vec<(&str, &SynthSentence)> = self
            .articles
            .iter()
            .flat_map(|a| a.sentences.iter().map(move |s| (a.id.as_str(), s)))
            .collect();
        let dominant = sentences
            .iter()
            .filter(|(_, s)| s.entities.iter().any(|e| e.canonical == self.dominant))
            .count();
        let mut by_fact: Vec<(u32, usize)> =
            sentences.iter().enumerate().map(|(i, (_, s))| (s.fact, i)).collect();
        by_fact.sort_unstable();
        let (mut pairs, mut bare) = (0u64, 0u64);
        for group in by_fact.chunk_by(|x, y| x.0 == y.0) {
            for (x, &(_, a)) in group.iter().enumerate() {
                for &(_, b) in &group[x + 1..] {
                    let ((sa, a), (sb, b)) = (sentences[a], sentences[b]);
                    if sa == sb {
                        continue;
                    }
                    pairs += 1;
                    let shares_entity = a
                        .entities
                        .iter()
                        .any(|e| b.entities.iter().any(|f| f.canonical == e.canonical));
                    let shares_number = a.quantities.iter().any(|q| {
                        b.quantities.iter().any(|r| r.value == q.value && r.unit == q.unit)
                    });
                    if !shares_entity && !shares_number {
                        bare += 1;
                    }
                }
            }
        }
        Hardness {
            dominant_share: dominant as f64 / sentences.len().max(1) as f64,
            true_pairs: pairs,
            bare_pair_share: bare as f64 / pairs.max(1) as f64,
        }
    }
}

/// How hard a corpus is on blocking (see [`SynthCorpus::hardness`]).
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct Hardness {
    /// Share of sentences that name the dominant entity.
    pub dominant_share: f64,
    /// Pairs of sentences of different sources reporting one fact.
    pub true_pairs: u64,
    /// Share of those pairs that share no entity and no number.
    pub bare_pair_share: f64,
}

/// A small, fast, deterministic PRNG (SplitMix64).
#[derive(Clone, Debug)]
struct Rng(crate::rng::SplitMix64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(crate::rng::SplitMix64::new(seed ^ 0x5851_f42d_4c95_7f2d))
    }

    fn next(&mut self) -> u64 {
        self.0.next()
    }

    /// Uniform in `0..n` (`n > 0`).
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next()) * u128::from(n)) >> 64) as u64
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i as u64 + 1) as usize;
            items.swap(i, j);
        }
    }
}

const FIRST: &[&str] = &[
    "Tomas", "Ilsa", "Rena", "Oskar", "Mirela", "Anton", "Greta", "Pavel", "Lucia", "Emil",
    "Nadia", "Viktor", "Sanna", "Felix", "Irena", "Marco", "Leona", "Henrik", "Dalia", "Ruben",
    "Alina", "Jonas", "Katya", "Stefan", "Maren", "Idris", "Noemi", "Elias", "Selma", "Bruno",
];
const SUR_A: &[&str] = &[
    "Ber", "Kal", "Dro", "Ven", "Mar", "Sol", "Tor", "Vel", "Gar", "Lin", "Hal", "Ost", "Rav",
    "Pel", "Zan", "Cor", "Mel", "Dar", "Fen", "Jor",
];
const SUR_B: &[&str] = &["", "en", "ar", "ol", "is", "um", "ad", "ev", "or", "in"];
const SUR_C: &[&str] = &[
    "ek", "ani", "ov", "strom", "ard", "ino", "ez", "ski", "ley", "ton", "berg", "etti", "ou",
    "ada", "ich",
];
const PLACE_A: &[&str] = &[
    "Ash", "Bel", "Cal", "Dun", "Eld", "Fair", "Glen", "Hart", "Ivy", "Kings", "Lake", "Mill",
    "North", "Oak", "Pine", "Red", "Stone", "West", "York", "Brook",
];
const PLACE_B: &[&str] = &["", "en", "ing", "er", "a", "well"];
const PLACE_C: &[&str] = &[
    "ford", "ton", "ham", "wick", "dale", "bury", "field", "mouth", "port", "vale", "stead",
    "holm", "more", "by", "gate",
];
const ROLES: &[&str] = &["Minister", "Governor", "Mayor", "Senator", "Commissioner", "Director"];
const ADJ: &[&str] = &[
    "old",
    "new",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "main",
    "historic",
    "coastal",
    "riverside",
    "municipal",
    "regional",
    "national",
    "public",
    "private",
    "military",
    "royal",
    "lower",
    "upper",
    "inner",
    "outer",
    "disused",
    "flagship",
    "temporary",
    "state-run",
    "derelict",
    "busy",
    "small",
    "largest",
];
const MODIFIER: &[&str] = &[
    "grain", "cargo", "city", "water", "steel", "rail", "ferry", "fishing", "textile", "tram",
    "coal", "timber", "glass", "paper", "salt", "cotton", "dairy", "tobacco", "copper", "wool",
];
/// Facility nouns, with a synonym where news uses one.
const NOUN: &[(&str, &str)] = &[
    ("bridge", "bridge"),
    ("harbour", "port"),
    ("depot", "yard"),
    ("hospital", "hospital"),
    ("library", "library"),
    ("stadium", "arena"),
    ("market", "market"),
    ("school", "school"),
    ("factory", "plant"),
    ("reservoir", "reservoir"),
    ("museum", "museum"),
    ("terminal", "terminal"),
    ("refinery", "refinery"),
    ("tunnel", "tunnel"),
    ("dam", "dam"),
    ("clinic", "clinic"),
    ("courthouse", "courthouse"),
    ("warehouse", "warehouse"),
    ("prison", "jail"),
    ("pier", "jetty"),
    ("canal", "canal"),
    ("station", "station"),
    ("mill", "mill"),
    ("quay", "wharf"),
    ("exchange", "exchange"),
    ("works", "works"),
    ("cathedral", "cathedral"),
    ("barracks", "barracks"),
    ("college", "college"),
    ("lighthouse", "lighthouse"),
];
const DAYS: &[&str] =
    &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const ONES: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: &[&str] =
    &["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

const ANNOUNCE: &[&[&str]] = &[
    &["announced", "unveiled", "set out"],
    &["approved", "signed off", "backed"],
    &["proposed", "floated", "put forward"],
    &["rejected", "turned down", "blocked"],
    &["delayed", "postponed", "put off"],
    &["scrapped", "cancelled", "axed"],
];
const REBUILD: &[&[&str]] = &[
    &["rebuild", "restore", "renovate"],
    &["expand", "enlarge"],
    &["demolish", "tear down", "knock down"],
    &["sell", "privatise"],
    &["modernise", "upgrade"],
    &["relocate", "move"],
];
const HARM: &[&[&str]] = &[
    &["were killed", "died", "lost their lives"],
    &["were injured", "were hurt", "were wounded"],
    &["were rescued", "were saved", "were pulled to safety"],
    &["were trapped", "were stranded"],
];
const DISASTER: &[&[&str]] = &[
    &["a storm", "a violent storm", "severe storms"],
    &["a fire", "a blaze"],
    &["an explosion", "a blast"],
    &["a landslide", "a mudslide"],
    &["an earthquake", "a quake", "a tremor"],
    &["a flood", "flash flooding"],
];
const HIT: &[&[&str]] = &[
    &["hit", "struck", "battered"],
    &["tore through", "ripped through"],
    &["engulfed", "swept through"],
];
const MEET: &[&[&str]] = &[
    &["met", "held talks with"],
    &["phoned", "spoke by telephone with", "called"],
    &["criticised", "attacked", "rebuked"],
    &["praised", "commended", "hailed"],
];
const ISSUE: &[&[&str]] = &[
    &["dispute", "row", "disagreement"],
    &["future", "fate"],
    &["funding", "financing"],
    &["safety", "security"],
    &["sale", "privatisation"],
];
const RESIGN: &[&[&str]] = &[
    &["resigned", "stepped down", "quit"],
    &["was sacked", "was fired", "was dismissed"],
    &["was appointed", "was named"],
    &["was suspended", "was put on leave"],
];
const ARREST: &[&[&str]] = &[
    &["arrested", "detained"],
    &["dispersed", "broke up"],
    &["fined", "penalised"],
    &["questioned", "interviewed"],
];
const PROTEST: &[&[&str]] = &[
    &["protests", "demonstrations", "rallies"],
    &["clashes", "scuffles", "fighting"],
    &["a strike", "a walkout", "industrial action"],
    &["a break-in", "a burglary"],
    &["a sit-in", "an occupation"],
];
const CLOSE: &[&[&str]] = &[
    &["close", "shut"],
    &["reopen", "open again"],
    &["be sold", "go on sale"],
    &["stay open", "remain open"],
];
const WORKS: &[&[&str]] = &[
    &["repairs", "maintenance work", "renovation"],
    &["a safety inspection", "safety checks"],
    &["cleaning", "decontamination"],
    &["an audit", "a review"],
];
const WIN: &[&[&str]] =
    &[&["won", "secured", "took"], &["lost", "was defeated with"], &["gained", "picked up"]];
const BODY: &[&[&str]] =
    &[&["council", "committee"], &["board", "panel"], &["assembly", "chamber"]];
const EVACUATE: &[&[&str]] =
    &[&["evacuated", "moved", "relocated"], &["rescued", "saved"], &["warned", "alerted"]];
const HAZARD: &[&[&str]] = &[
    &["flood waters", "floodwaters", "rivers"],
    &["wildfires", "bush fires", "flames"],
    &["landslides", "mudslides"],
    &["storm surges", "tidal surges"],
    &["toxic fumes", "poisonous smoke"],
];
const RISE: &[&[&str]] = &[
    &["rose", "climbed", "spread"],
    &["threatened", "menaced"],
    &["advanced", "approached", "closed in"],
];
const TOPIC_ADJ: &[&str] = &[
    "budget",
    "fuel",
    "housing",
    "water",
    "energy",
    "transport",
    "pension",
    "health",
    "trade",
    "border",
    "labour",
    "tax",
    "school",
    "farm",
    "wage",
    "rent",
    "grain",
    "power",
    "rail",
    "port",
];
const TOPIC_NOUN: &[&[&str]] = &[
    &["row", "dispute"],
    &["crisis", "emergency"],
    &["shortage", "scarcity"],
    &["strike", "walkout"],
    &["scandal", "affair"],
    &["reform", "overhaul"],
    &["protests", "unrest"],
    &["debate", "argument"],
];

/// Number of event templates in [`Fact::tell`].
const TEMPLATES: u64 = 8;

/// The vocabulary: fixed lists, and facility modifiers whose number grows with the corpus.
struct Vocab {
    dominant_first: &'static str,
    dominant_last: &'static str,
    /// How many distinct facility modifiers facts draw from: the common ones of [`MODIFIER`] and
    /// then generated words.
    modifiers: u64,
}

/// Claims per facility modifier: the modifier vocabulary grows with the corpus, as real news
/// vocabulary does (Heaps' law: a million sentences of news hold a few hundred thousand distinct
/// words). With a fixed handful of modifiers, a million claims would hold tens of thousands of
/// tellings of one template that differ in nothing but common words, which no news corpus does
/// and no scorer could tell apart.
const CLAIMS_PER_MODIFIER: usize = 10;

/// Syllables of generated modifiers ("torvane", "belmiska").
const SYLLABLE_ON: &[&str] =
    &["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "tr", "sk", "dr"];
const SYLLABLE_NUCLEUS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ou"];
const SYLLABLE_CODA: &[&str] = &["", "n", "r", "l", "s", "k", "m", "st", "nd"];

impl Vocab {
    fn new(claims: usize) -> Vocab {
        let modifiers = (claims / CLAIMS_PER_MODIFIER).max(MODIFIER.len()) as u64;
        Vocab { dominant_first: "Aldo", dominant_last: "Marenko", modifiers }
    }

    /// Facility modifier number `k`: a common word of [`MODIFIER`], or a generated one (three
    /// syllables, distinct for distinct `k`).
    fn modifier(&self, k: u64) -> String {
        if let Some(word) = MODIFIER.get(k as usize) {
            return (*word).to_string();
        }
        // A bijection of the syllable space spreads consecutive numbers over all syllables, so
        // that generated words do not share endings.
        const SPACE: u64 =
            ((SYLLABLE_ON.len() * SYLLABLE_NUCLEUS.len() * SYLLABLE_CODA.len()) as u64).pow(3);
        let k = k - MODIFIER.len() as u64;
        let (round, k) = (k / SPACE, k % SPACE);
        let mut k = (u128::from(k) * 1_000_003 % u128::from(SPACE)) as u64;
        let mut word = String::new();
        for _ in 0..3 {
            for part in [SYLLABLE_ON, SYLLABLE_NUCLEUS, SYLLABLE_CODA] {
                word.push_str(part[(k % part.len() as u64) as usize]);
                k /= part.len() as u64;
            }
        }
        // Past the 3-syllable space (1.4 billion modifiers) a numeral keeps words distinct.
        if round > 0 {
            word.push_str(&round.to_string());
        }
        word
    }

    fn dominant_canonical(&self) -> String {
        format!("{} {}", self.dominant_first, self.dominant_last)
    }
}

/// A person: first name, surname, role.
#[derive(Clone, Debug)]
struct Person {
    first: &'static str,
    last: String,
    role: &'static str,
}

impl Person {
    fn random(rng: &mut Rng) -> Person {
        let last = format!("{}{}{}", rng.pick(SUR_A), rng.pick(SUR_B), rng.pick(SUR_C));
        Person { first: rng.pick(FIRST), last, role: rng.pick(ROLES) }
    }

    fn canonical(&self) -> String {
        format!("{} {}", self.first, self.last)
    }
}

/// One fact: what happened, who, where, how many, and when.
#[derive(Clone, Debug)]
struct Fact {
    id: u32,
    template: u64,
    actor: Option<Person>,
    other: Person,
    place: String,
    adj: &'static str,
    modifier: String,
    noun: usize,
    number: u64,
    day: usize,
    /// Picks the fact's wording groups (one per slot of its template) and its topic.
    wording: u64,
}

impl Fact {
    fn random(rng: &mut Rng, vocab: &Vocab, id: u32) -> Fact {
        // The dominant politician acts in 45% of facts (None stands for him).
        let actor = if rng.chance(45) { None } else { Some(Person::random(rng)) };
        Fact {
            id,
            template: rng.below(TEMPLATES),
            actor,
            other: Person::random(rng),
            place: format!("{}{}{}", rng.pick(PLACE_A), rng.pick(PLACE_B), rng.pick(PLACE_C)),
            adj: rng.pick(ADJ),
            modifier: vocab.modifier(rng.below(vocab.modifiers)),
            noun: rng.below(NOUN.len() as u64) as usize,
            number: 2 + rng.below(97),
            day: rng.below(7) as usize,
            wording: rng.next(),
        }
    }

    /// Appends one telling of the fact to `text` and returns what it wrote.
    fn tell(&self, rng: &mut Rng, vocab: &Vocab, text: &mut String) -> SynthSentence {
        let mut w = Writer { text, start: 0, entities: Vec::new(), quantities: Vec::new() };
        w.start = w.text.len();
        // Each telling names the people, the place and the number, or not, independently.
        let name = rng.chance(70);
        let place = rng.chance(55);
        let number = rng.chance(55);
        let when = rng.chance(50);
        let noun = NOUN[self.noun];
        let noun = if rng.chance(50) { noun.0 } else { noun.1 };
        let desc = format!("{} {} {}", self.adj, self.modifier, noun);
        match self.template {
            0 => {
                self.actor(rng, vocab, &mut w, name, true);
                w.push(" ");
                w.push(self.choose(rng, 0, ANNOUNCE));
                w.push(" a ");
                if number {
                    w.money(rng, self.number);
                    w.push(" plan to ");
                } else {
                    w.push("multimillion-dollar plan to ");
                }
                w.push(self.choose(rng, 1, REBUILD));
                w.push(" the ");
                w.push(&desc);
                self.place(&mut w, place, " in ", " in the region");
                self.when(rng, &mut w, when);
            }
            1 => {
                if number {
                    w.count(rng, self.number, "person", "people", true);
                } else {
                    w.push(rng.pick(&["Several people", "A number of people"]));
                }
                w.push(" ");
                w.push(self.choose(rng, 2, HARM));
                w.push(" when ");
                w.push(self.choose(rng, 3, DISASTER));
                w.push(" ");
                w.push(self.choose(rng, 4, HIT));
                w.push(" the ");
                w.push(&desc);
                self.place(&mut w, place, " near ", " overnight");
                self.when(rng, &mut w, when);
                if rng.chance(60) {
                    w.push(", ");
                    self.actor(rng, vocab, &mut w, name, false);
                    w.push(" said");
                }
            }
            2 => {
                self.actor(rng, vocab, &mut w, name, true);
                w.push(" ");
                w.push(self.choose(rng, 5, MEET));
                w.push(" ");
                self.other(rng, &mut w, name);
                self.place(&mut w, place, " in ", "");
                w.push(" to discuss the ");
                w.push(self.choose(rng, 6, ISSUE));
                w.push(" over the ");
                w.push(&desc);
                self.when(rng, &mut w, when);
            }
            3 => {
                self.other(rng, &mut w, name);
                w.push(" ");
                w.push(self.choose(rng, 7, RESIGN));
                w.push(" as head of the ");
                w.push(&desc);
                w.push(" ");
                w.push(rng.pick(&["authority", "board", "trust"]));
                self.when(rng, &mut w, when);
                w.push(", ");
                self.actor(rng, vocab, &mut w, name, false);
                w.push(" ");
                w.push(rng.pick(&["said", "confirmed"]));
            }
            4 => {
                w.push("Police ");
                w.push(self.choose(rng, 8, ARREST));
                w.push(" ");
                if number {
                    w.count(rng, self.number, "person", "people", false);
                } else {
                    w.push(rng.pick(&["several people", "a number of protesters"]));
                }
                w.push(" after ");
                w.push(self.choose(rng, 9, PROTEST));
                w.push(" ");
                w.push(rng.pick(&["outside", "at"]));
                w.push(" the ");
                w.push(&desc);
                self.place(&mut w, place, " in ", "");
                self.when(rng, &mut w, when);
                if rng.chance(50) {
                    w.push(" against ");
                    self.actor(rng, vocab, &mut w, name, false);
                }
            }
            5 => {
                w.push("The ");
                w.push(&desc);
                self.place(&mut w, place, " in ", "");
                w.push(" will ");
                w.push(self.choose(rng, 10, CLOSE));
                w.push(" for ");
                if number {
                    w.count(rng, self.number, "day", "days", false);
                } else {
                    w.push("several weeks");
                }
                w.push(" for ");
                w.push(self.choose(rng, 11, WORKS));
                w.push(", ");
                self.actor(rng, vocab, &mut w, name, false);
                w.push(" ");
                w.push(rng.pick(&["said", "announced"]));
                self.when(rng, &mut w, when);
            }
            6 => {
                self.other(rng, &mut w, name);
                w.push(" ");
                w.push(self.choose(rng, 12, WIN));
                w.push(" ");
                if number {
                    w.percent(rng, self.number);
                } else {
                    w.push("a clear majority");
                }
                w.push(" of the vote for the ");
                w.push(&desc);
                w.push(" ");
                w.push(self.choose(rng, 13, BODY));
                self.place(&mut w, place, " in ", "");
                self.when(rng, &mut w, when);
                if rng.chance(50) {
                    w.push(", defeating an ally of ");
                    self.actor(rng, vocab, &mut w, name, false);
                }
            }
            _ => {
                w.push("Officials");
                self.place(&mut w, place, " in ", "");
                w.push(" ");
                w.push(self.choose(rng, 14, EVACUATE));
                w.push(" ");
                if number {
                    w.count(rng, self.number, "resident", "residents", false);
                } else {
                    w.push("hundreds of residents");
                }
                w.push(" from the ");
                w.push(&desc);
                w.push(" as ");
                w.push(self.choose(rng, 15, HAZARD));
                w.push(" ");
                w.push(self.choose(rng, 16, RISE));
                self.when(rng, &mut w, when);
                if rng.chance(60) {
                    w.push(", ");
                    self.actor(rng, vocab, &mut w, name, false);
                    w.push(" said");
                }
            }
        }
        if rng.chance(60) {
            // The story's wider topic, which every report of it may mention.
            let topic = TOPIC_ADJ[(self.wording >> 40) as usize % TOPIC_ADJ.len()];
            w.push(rng.pick(&[", amid the ", ", during the ", " as part of the "]));
            w.push(topic);
            w.push(" ");
            w.push(self.choose(rng, 99, TOPIC_NOUN));
        }
        w.push(".");
        let end = w.text.len();
        SynthSentence {
            start: w.start,
            end,
            fact: self.id,
            entities: w.entities,
            quantities: w.quantities,
        }
    }

    /// One of the synonyms of the wording group this fact uses for `slot`: every report of the
    /// fact uses the same group (the same meaning), each picks its own synonym.
    fn choose(&self, rng: &mut Rng, slot: u64, groups: &[&[&'static str]]) -> &'static str {
        let mixed = (self.wording ^ slot.wrapping_mul(0x9e37_79b9_7f4a_7c15))
            .wrapping_mul(0xff51_afd7_ed55_8ccd);
        rng.pick(groups[(mixed >> 33) as usize % groups.len()])
    }

    /// The actor: the dominant politician (always named when he acts, as news does) or another
    /// person, named or described.
    fn actor(&self, rng: &mut Rng, vocab: &Vocab, w: &mut Writer<'_>, name: bool, capital: bool) {
        match &self.actor {
            None => {
                let canonical = vocab.dominant_canonical();
                let surface = match rng.below(4) {
                    0 => canonical.clone(),
                    1 => vocab.dominant_last.to_string(),
                    2 => format!("Prime Minister {}", vocab.dominant_last),
                    _ => format!("Prime Minister {canonical}"),
                };
                w.entity(&surface, &canonical, EntityKind::Person);
            }
            Some(p) if name => person(rng, w, p),
            Some(p) => {
                let role = p.role.to_lowercase();
                w.push(if capital { "The " } else { "the " });
                w.push(&role);
            }
        }
    }

    fn other(&self, rng: &mut Rng, w: &mut Writer<'_>, name: bool) {
        if name {
            person(rng, w, &self.other);
        } else {
            w.push(if w.at_start() { "The " } else { "the " });
            w.push("local ");
            w.push(&self.other.role.to_lowercase());
        }
    }

    fn place(&self, w: &mut Writer<'_>, named: bool, prep: &str, otherwise: &str) {
        if named {
            w.push(prep);
            w.entity(&self.place, &self.place, EntityKind::Place);
        } else {
            w.push(otherwise);
        }
    }

    fn when(&self, rng: &mut Rng, w: &mut Writer<'_>, when: bool) {
        if when {
            w.push(" on ");
            w.push(DAYS[self.day]);
        } else if rng.chance(20) {
            w.push(" this week");
        }
    }
}

fn person(rng: &mut Rng, w: &mut Writer<'_>, p: &Person) {
    let canonical = p.canonical();
    let surface = match rng.below(4) {
        0 | 1 => canonical.clone(),
        2 => format!("{} {canonical}", p.role),
        _ => format!("{} {}", p.role, p.last),
    };
    w.entity(&surface, &canonical, EntityKind::Person);
}

/// Appends to an article, recording spans.
struct Writer<'a> {
    text: &'a mut String,
    start: usize,
    entities: Vec<SynthEntity>,
    quantities: Vec<SynthQuantity>,
}

impl Writer<'_> {
    fn push(&mut self, s: &str) {
        self.text.push_str(s);
    }

    fn at_start(&self) -> bool {
        self.text.len() == self.start
    }

    fn entity(&mut self, surface: &str, canonical: &str, kind: EntityKind) {
        let start = self.text.len();
        self.text.push_str(surface);
        let end = self.text.len();
        self.entities.push(SynthEntity { start, end, canonical: canonical.to_string(), kind });
    }

    fn quantity(&mut self, surface: &str, value: f64, unit: &str) {
        let start = self.text.len();
        self.text.push_str(surface);
        let end = self.text.len();
        self.quantities.push(SynthQuantity { start, end, value, unit: unit.to_string() });
    }

    /// "23 people", "twenty-three people" (a sentence never opens with digits).
    fn count(&mut self, rng: &mut Rng, n: u64, unit: &str, plural: &str, capital: bool) {
        let number = if capital || rng.chance(40) {
            let words = number_words(n);
            if capital { capitalise(&words) } else { words }
        } else {
            n.to_string()
        };
        self.quantity(&format!("{number} {plural}"), n as f64, unit);
    }

    /// "$40 million", "40 million dollars", "forty million dollars".
    fn money(&mut self, rng: &mut Rng, n: u64) {
        let surface = match rng.below(3) {
            0 => format!("${n} million"),
            1 => format!("{n} million dollar"),
            _ => format!("{} million dollar", number_words(n)),
        };
        self.quantity(&surface, n as f64 * 1e6, "usd");
    }

    /// "52 percent", "52%", "fifty-two percent".
    fn percent(&mut self, rng: &mut Rng, n: u64) {
        let surface = match rng.below(3) {
            0 => format!("{n} percent"),
            1 => format!("{n}%"),
            _ => format!("{} percent", number_words(n)),
        };
        self.quantity(&surface, n as f64, "percent");
    }
}

/// English words for 0..=99.
fn number_words(n: u64) -> String {
    let n = n as usize;
    if n < 20 {
        ONES[n].to_string()
    } else if n.is_multiple_of(10) {
        TENS[n / 10].to_string()
    } else {
        format!("{}-{}", TENS[n / 10], ONES[n % 10])
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corpus_has_the_requested_size_and_spans_match() {
        let corpus = SynthCorpus::generate(&SynthConfig::new(2000, 37));
        assert_eq!(corpus.len(), 2000);
        assert_eq!(corpus.articles.len(), 37);
        for a in &corpus.articles {
            for s in &a.sentences {
                assert!(a.text[s.start..s.end].ends_with('.'));
                for e in &s.entities {
                    assert!(e.start >= s.start && e.end <= s.end);
                    let surface = &a.text[e.start..e.end];
                    let last = e.canonical.rsplit(' ').next().unwrap();
                    assert!(surface.contains(last), "{surface} / {}", e.canonical);
                }
            }
        }
        let claims = corpus.claims();
        assert_eq!(claims.len(), 2000);
        assert!(claims.iter().all(|c| !c.terms.is_empty()));
    }

    #[test]
    fn the_modifier_vocabulary_grows_with_the_corpus_and_its_words_are_distinct() {
        let (small, large) = (Vocab::new(150), Vocab::new(1_000_000));
        assert_eq!(small.modifiers, MODIFIER.len() as u64);
        assert_eq!(large.modifiers, 100_000);
        let words: std::collections::HashSet<String> =
            (0..large.modifiers).map(|k| large.modifier(k)).collect();
        assert_eq!(words.len() as u64, large.modifiers);
        assert_eq!(large.modifier(3), MODIFIER[3]);
        let generated = large.modifier(MODIFIER.len() as u64 + 7);
        assert!(generated.chars().all(|c| c.is_ascii_lowercase()), "{generated}");
    }

    #[test]
    fn corpus_is_hard_on_blocking_by_construction() {
        let h = SynthCorpus::generate(&SynthConfig::new(5000, 50)).hardness();
        assert!(h.dominant_share >= 0.30, "{h:?}");
        assert!(h.bare_pair_share >= 0.20, "{h:?}");
        assert!(h.true_pairs > 2000, "{h:?}");
    }

    #[test]
    fn generation_is_deterministic() {
        let a = SynthCorpus::generate(&SynthConfig::new(300, 5));
        let b = SynthCorpus::generate(&SynthConfig::new(300, 5));
        assert_eq!(a, b);
        let c = SynthCorpus::generate(&SynthConfig { seed: 2, ..SynthConfig::new(300, 5) });
        assert_ne!(a, c);
    }

    #[test]
    fn numbers_in_words() {
        assert_eq!(number_words(7), "seven");
        assert_eq!(number_words(40), "forty");
        assert_eq!(number_words(23), "twenty-three");
    }
}
