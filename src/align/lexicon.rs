//! The synonym lexicon: words and phrases of news language that say the same thing.
//!
//! Useful for: matching "ceasefire" with "truce" and "halt in hostilities", "talks" with
//! "negotiations", "killed" with "dead". Not useful for: entity spellings (those are resolved by
//! [`crate::entity`]) or numbers.
//!
//! Every entry is written by hand for news reporting in general (diplomacy, conflict, politics,
//! business, courts, disasters, reporting verbs); nothing is mined from evaluation data. A group
//! is a set of interchangeable expressions; each expression is one word or a phrase of several.
//! Expressions are compared after the same normalisation as claim terms (lowercase, plain
//! characters, Snowball stems), so "negotiations" also covers "negotiated", and a phrase matches
//! wherever its stems occur in a row.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::text;

use super::hash::FxMap;

/// The built-in synonym groups. Each inner slice is one group of interchangeable expressions.
pub const BUILTIN_SYNONYMS: &[&[&str]] = &[
    // Conflict and diplomacy.
    &[
        "ceasefire",
        "cease fire",
        "truce",
        "armistice",
        "halt in hostilities",
        "halt to hostilities",
        "cessation of hostilities",
        "halt in fighting",
        "halt to fighting",
        "stop fighting",
    ],
    &["talks", "negotiations", "discussions", "negotiate", "parley", "dialogue"],
    &["peace deal", "peace agreement", "peace accord", "peace settlement", "peace treaty"],
    &["agreement", "deal", "accord", "pact", "treaty"],
    &["exchange", "swap", "trade"],
    &["prisoner", "captive", "detainee", "pow", "prisoner of war"],
    &["sanctions", "punitive measures", "penalties", "embargo"],
    &["attack", "assault", "strike", "raid", "offensive"],
    &["bomb", "explosive"],
    &["blast", "explosion", "detonation"],
    &["soldier", "troops", "servicemen", "forces"],
    &["army", "military", "armed forces"],
    &["war", "conflict", "fighting", "hostilities"],
    &["invasion", "incursion"],
    &["withdraw", "pull out", "retreat", "pullout", "withdrawal"],
    &["capture", "seize", "take control of"],
    &["arrest", "detain", "apprehend", "take into custody"],
    &["release", "free", "set free", "let go"],
    &["hostage", "abductee"],
    &["kidnap", "abduct"],
    &["rebel", "insurgent", "militant", "fighter", "guerrilla"],
    &["terrorist", "extremist"],
    &["drone", "unmanned aerial vehicle", "uav"],
    &["missile", "rocket"],
    &["shoot down", "intercept"],
    &["nuclear", "atomic"],
    &["weapon", "arm", "arms"],
    &["envoy", "emissary", "representative"],
    &["delegation", "delegates", "negotiators"],
    &["ambassador", "envoy"],
    &["summit", "meeting", "talks"],
    &["meet", "hold talks", "sit down"],
    &["propose", "suggest", "put forward", "float", "offer"],
    &["reject", "refuse", "turn down", "dismiss", "rebuff", "decline"],
    &["accept", "agree to", "approve", "endorse"],
    &["support", "endorse", "back up"],
    &["oppose", "object to", "resist"],
    &["condemn", "denounce", "criticize", "criticise", "slam", "blast"],
    &["warn", "caution"],
    &["threaten", "threat"],
    &["memorandum", "memo"],
    &["host", "hold", "stage"],
    &["venue", "location", "site"],
    // Reporting verbs.
    &[
        "say",
        "said",
        "state",
        "declare",
        "announce",
        "note",
        "add",
        "remark",
        "comment",
        "tell",
        "told",
        "according to",
    ],
    &["claim", "allege", "assert", "contend", "maintain"],
    &["deny", "dispute", "reject the claim"],
    &["confirm", "verify", "corroborate"],
    &["report", "reported", "reportedly"],
    &["spokesman", "spokeswoman", "spokesperson", "press secretary"],
    &["statement", "communique", "announcement", "declaration"],
    &["ask", "request", "call for", "urge", "appeal"],
    &["promise", "pledge", "vow", "commit"],
    &["admit", "acknowledge", "concede"],
    &["explain", "clarify"],
    &["reveal", "disclose", "unveil"],
    &["believe", "think", "consider"],
    &["expect", "anticipate", "forecast", "predict"],
    // Casualties and disasters.
    &[
        "kill",
        "killed",
        "dead",
        "die",
        "death",
        "slain",
        "fatality",
        "lose their lives",
        "lost their lives",
    ],
    &["injure", "wound", "hurt"],
    &["victim", "casualty"],
    &["murder", "homicide", "slaying"],
    &["fire", "blaze"],
    &["flood", "flooding", "deluge"],
    &["earthquake", "quake", "tremor"],
    &["storm", "hurricane", "typhoon", "cyclone"],
    &["crash", "collision"],
    &["evacuate", "flee", "evacuation"],
    &["rescue", "save"],
    &["damage", "destroy", "devastate", "wreck"],
    &["hospital", "medical center", "clinic"],
    &["doctor", "physician"],
    &["disease", "illness", "sickness"],
    &["outbreak", "epidemic"],
    // Politics and government.
    &["government", "administration", "authorities", "cabinet"],
    &["president", "head of state"],
    &["prime minister", "premier", "pm"],
    &["minister", "secretary"],
    &["lawmaker", "legislator", "congressman", "congresswoman", "mp", "member of parliament"],
    &["parliament", "legislature", "congress", "assembly"],
    &["senator", "sen"],
    &["official", "officer", "authority"],
    &["leader", "chief", "head"],
    &["election", "vote", "poll", "ballot"],
    &["candidate", "contender", "nominee"],
    &["win", "victory", "triumph", "prevail"],
    &["lose", "defeat", "loss"],
    &["resign", "step down", "quit", "stand down", "leave office"],
    &["appoint", "nominate", "designate"],
    &["fire", "dismiss", "sack", "oust"],
    &["law", "legislation", "bill", "statute"],
    &["ban", "prohibit", "outlaw", "bar"],
    &["allow", "permit", "authorize", "authorise"],
    &["plan", "proposal", "scheme", "initiative", "blueprint"],
    &["policy", "strategy"],
    &["reform", "overhaul", "change"],
    &["investigate", "probe", "inquiry", "investigation", "look into", "examine"],
    &["protest", "demonstration", "rally"],
    &["protester", "demonstrator", "activist"],
    &["riot", "unrest", "disturbance", "clashes"],
    &["citizen", "resident", "people", "civilian"],
    &["country", "nation"],
    &["border", "frontier"],
    &["capital", "seat of government"],
    &["aid", "assistance", "help", "relief"],
    &["immediately", "at once", "right away", "without delay", "straight away"],
    &["soon", "shortly", "in the near future", "before long"],
    &["begin", "start", "launch", "commence", "kick off", "initiate", "open"],
    &["end", "finish", "conclude", "complete", "wrap up"],
    &["stop", "halt", "suspend", "freeze", "pause"],
    &["resume", "restart", "renew"],
    &["continue", "carry on", "persist"],
    &["delay", "postpone", "put off", "defer"],
    &["cancel", "call off", "scrap", "abandon"],
    &["try", "attempt", "seek", "aim"],
    &["help", "assist", "aid"],
    &["meet", "meeting"],
    &["phone call", "call", "telephone conversation", "phone conversation", "conversation"],
    &["speak", "talk"],
    &["visit", "trip", "tour"],
    &["discuss", "debate", "talk about"],
    &["unconditional", "without conditions", "without preconditions", "no strings attached"],
    &["condition", "precondition", "term", "demand"],
    &["territory", "land", "region", "area"],
    &["city", "town"],
    &["village", "hamlet", "settlement"],
    &["building", "structure"],
    &["house", "home", "residence"],
    &["car", "vehicle", "automobile"],
    &["plane", "aircraft", "airplane", "jet", "airliner"],
    &["ship", "vessel", "boat"],
    &["airport", "airfield", "airbase", "air base"],
    // Courts and crime.
    &["court", "tribunal"],
    &["judge", "justice", "magistrate"],
    &["trial", "hearing", "proceedings"],
    &["convict", "find guilty", "found guilty"],
    &["acquit", "find not guilty", "found not guilty"],
    &["sentence", "jail term", "prison term"],
    &["prison", "jail", "penitentiary"],
    &["charge", "indict", "accuse", "prosecute"],
    &["lawsuit", "suit", "litigation", "legal action"],
    &["sue", "file suit", "take legal action"],
    &["lawyer", "attorney", "counsel", "solicitor", "barrister"],
    &["prosecutor", "district attorney", "prosecution"],
    &["defendant", "accused", "suspect"],
    &["police", "law enforcement", "officers", "cops"],
    &["steal", "rob", "theft", "robbery", "burglary"],
    &["fraud", "scam", "deception"],
    &["evidence", "proof"],
    &["appeal", "challenge"],
    &["rule", "ruling", "decide", "decision", "verdict", "judgment", "judgement"],
    &["settle", "settlement", "resolve"],
    &["fine", "penalty"],
    &["illegal", "unlawful", "illicit"],
    // Business and economy.
    &["company", "firm", "corporation", "business", "group", "enterprise"],
    &[
        "rise", "increase", "gain", "grow", "climb", "jump", "surge", "rally", "advance", "go up",
        "went up", "rose", "soar",
    ],
    &[
        "fall",
        "decrease",
        "decline",
        "drop",
        "slide",
        "slip",
        "sink",
        "tumble",
        "plunge",
        "go down",
        "went down",
        "fell",
        "dip",
        "shed",
    ],
    &["profit", "earnings", "net income"],
    &["revenue", "sales", "turnover"],
    &["loss", "deficit"],
    &["share", "stock"],
    &["shareholder", "stockholder", "investor"],
    &["price", "cost"],
    &["buy", "purchase", "acquire", "take over", "takeover", "acquisition"],
    &["sell", "sale", "divest", "dispose of"],
    &["merge", "merger", "combine", "combination"],
    &["cut", "reduce", "lower", "slash", "trim", "reduction"],
    &["job", "position", "role"],
    &["layoff", "job cut", "redundancy"],
    &["worker", "employee", "staff", "workforce", "personnel"],
    &["chief executive", "ceo", "chief executive officer", "boss", "head"],
    &["chairman", "chair", "chairwoman"],
    &["pay", "wage", "salary", "compensation"],
    &["tax", "levy", "duty", "tariff"],
    &["economy", "economic"],
    &["market", "markets"],
    &["bank", "lender"],
    &["loan", "credit", "lending"],
    &["debt", "liability", "borrowing"],
    &["fund", "finance", "financing", "funding"],
    &["money", "cash", "funds"],
    &["invest", "investment", "stake"],
    &["quarter", "three months"],
    &["annual", "yearly", "per year", "a year"],
    &["percent", "per cent", "pct", "percentage", "%"],
    &["billion", "bn"],
    &["million", "mln"],
    &["dollar", "usd", "$"],
    &["estimate", "estimation", "projection", "forecast"],
    &["analyst", "expert", "economist", "observer"],
    &["customer", "client", "consumer", "user"],
    &["product", "goods", "merchandise"],
    &["contract", "deal", "agreement"],
    &["oil", "crude", "petroleum"],
    &["gas", "fuel"],
    &["software", "program", "application", "app"],
    &["computer", "pc"],
    &["internet", "web", "online"],
    &["website", "web site"],
    &["phone", "telephone", "handset", "cellphone", "mobile phone", "mobile"],
    &["security", "safety"],
    &["flaw", "vulnerability", "bug", "hole", "weakness"],
    &["virus", "worm", "malware"],
    &["launch", "introduce", "release", "roll out", "unveil"],
    &["record", "all time high"],
    &["strong", "robust", "solid"],
    &["weak", "poor", "soft", "sluggish"],
    // General wording.
    &["big", "large", "major", "huge", "massive"],
    &["small", "little", "minor", "tiny"],
    &["important", "significant", "key", "crucial", "vital", "critical"],
    &["new", "fresh", "latest"],
    &["old", "former", "ex", "previous"],
    &["many", "numerous", "several", "lots of", "a lot of"],
    &["almost", "nearly", "about", "around", "roughly", "approximately", "close to"],
    &["more than", "over", "above", "exceed", "in excess of"],
    &["less than", "under", "below", "fewer than"],
    &["also", "too", "as well"],
    &["however", "but", "yet", "though"],
    &["because", "due to", "owing to", "as a result of", "since"],
    &["before", "prior to", "ahead of", "earlier"],
    &["after", "following", "later"],
    &["during", "amid", "amidst", "throughout"],
    &["now", "currently", "presently", "at present"],
    &["recent", "recently", "lately"],
    &["today", "this day"],
    &["yesterday", "previous day"],
    &["week", "seven days"],
    &["month", "30 days"],
    &["year", "twelve months", "12 months"],
    &["nearby", "near", "close"],
    &["problem", "issue", "trouble", "difficulty"],
    &["concern", "worry", "fear"],
    &["danger", "risk", "hazard"],
    &["crisis", "emergency"],
    &["effort", "attempt", "bid", "push"],
    &["goal", "aim", "objective", "target"],
    &["result", "outcome", "consequence"],
    &["reason", "cause"],
    &["show", "indicate", "demonstrate", "suggest", "reveal"],
    &["find", "discover", "uncover"],
    &["use", "employ", "utilize", "utilise"],
    &["need", "require", "necessary"],
    &["want", "wish", "desire", "seek"],
    &["give", "provide", "supply", "offer", "grant", "deliver"],
    &["get", "receive", "obtain"],
    &["make", "create", "produce"],
    &["build", "construct", "erect"],
    &["send", "dispatch", "deploy"],
    &["return", "come back", "go back"],
    &["leave", "depart", "exit"],
    &["arrive", "reach"],
    &["improve", "boost", "strengthen", "enhance"],
    &["worsen", "deteriorate", "weaken"],
    &["fail", "failure", "collapse"],
    &["succeed", "success"],
    &["chance", "possibility", "likelihood", "prospect"],
    &["possible", "potential", "likely", "probable"],
    &["first", "initial"],
    &["last", "final"],
    &["main", "chief", "principal", "primary"],
    &["whole", "entire", "all"],
    &["enough", "sufficient", "adequate"],
    &["quickly", "rapidly", "swiftly", "fast"],
    &["again", "once more", "anew"],
    &["job", "work", "employment"],
    &["child", "kid", "children", "minor"],
    &["man", "male"],
    &["woman", "female"],
    &["wife", "spouse"],
    &["husband", "spouse"],
    &["talk", "speech", "address"],
    &["news conference", "press conference", "briefing", "news briefing", "press briefing"],
    &["journalist", "reporter", "correspondent"],
    &["newspaper", "paper"],
    &["agency", "office", "bureau", "department"],
    &["organization", "organisation", "body", "group"],
    &["union", "labor union", "trade union"],
    &["school", "college", "academy"],
    &["university", "college"],
    &["student", "pupil"],
    &["study", "research", "survey", "report"],
    &["scientist", "researcher"],
    &["data", "figures", "statistics", "numbers"],
    // More general news wording.
    &["shooting", "gunfire", "shot", "shots fired"],
    &["gunman", "shooter", "attacker", "assailant"],
    &["bomber", "suicide bomber"],
    &["death toll", "toll", "number of dead", "fatalities"],
    &["escape", "flee", "run away"],
    &["walkout", "strike", "industrial action", "stoppage"],
    &["refugee", "asylum seeker", "migrant", "displaced"],
    &["crackdown", "repression", "clampdown"],
    &["coup", "putsch", "overthrow"],
    &["cargo", "shipment", "consignment", "freight"],
    &["tourist", "visitor", "holidaymaker"],
    &["wildfire", "bushfire", "forest fire", "brush fire"],
    &["factory", "plant", "facility"],
    &["gun", "firearm", "rifle", "pistol"],
    &["drug", "narcotic"],
    &["smuggle", "traffic", "trafficking", "smuggling"],
    &["senior", "top", "high ranking"],
    &["escalate", "intensify", "step up", "ramp up"],
    &["ease", "relax", "loosen"],
    &["tighten", "toughen", "harden"],
    &["raise", "hike", "increase"],
    &["custody", "detention", "jail"],
    &["bail", "bond"],
    &["highway", "motorway", "freeway"],
    &["train", "railway", "rail"],
    &["power cut", "blackout", "outage", "without power"],
    &["shortage", "scarcity", "lack"],
    &["price rise", "inflation"],
    &["recession", "downturn", "slump"],
    &["recovery", "rebound", "upturn"],
    &["unemployment", "joblessness"],
    &["jobless", "unemployed", "out of work"],
    &["bankrupt", "insolvent", "bankruptcy", "insolvency"],
    &["shut", "close", "shut down", "closure"],
    &["reopen", "open again"],
    &["rule out", "exclude"],
    &["retain", "maintain"],
    &["tell", "inform", "brief", "notify"],
    &["praise", "hail", "commend", "applaud"],
    &["apologise", "apologize", "apology", "say sorry"],
    &["vote", "ballot", "referendum"],
    &["voter", "elector"],
    &["win", "secure", "clinch"],
    &["dead", "corpse", "remains"],
    &["missing", "unaccounted for", "disappeared"],
    &["search", "hunt", "manhunt"],
    &["cost", "price tag"],
    &["spend", "spending", "expenditure", "outlay"],
    &["budget", "spending plan"],
    &["deadline", "cut off", "time limit"],
    &["authorities", "officials"],
];

/// A synonym lexicon: the built-in groups, optionally, plus groups a user adds.
///
/// Serialised as `{"builtin": true, "wordnet": true, "synonyms": [["jab", "vaccination", "shot"], …]}`; only the
/// user's groups are stored, the built-in ones come with the code.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Lexicon {
    /// Whether the built-in groups ([`BUILTIN_SYNONYMS`]) are used. Default: `true`.
    #[serde(default = "default_true")]
    pub builtin: bool,
    /// Whether WordNet's one-word synonyms (embedded, from the `thesaurus-wordnet` crate) also
    /// count as covering a term, at a lower credit than the lexicon's groups.
    /// Default: `true`.
    #[serde(default = "default_true")]
    pub wordnet: bool,
    /// The user's groups, each a list of interchangeable words or phrases.
    #[serde(default)]
    pub synonyms: Vec<Vec<String>>,
}

fn default_true() -> bool {
    true
}

impl Default for Lexicon {
    fn default() -> Lexicon {
        Lexicon { builtin: true, wordnet: true, synonyms: Vec::new() }
    }
}

impl Lexicon {
    /// Adds a group of interchangeable expressions ("jab", "vaccination", "shot in the arm").
    pub fn add_synonyms<S: AsRef<str>>(&mut self, group: &[S]) -> &mut Lexicon {
        self.synonyms.push(group.iter().map(|s| s.as_ref().to_string()).collect());
        self
    }
}

/// A lexicon compiled for matching: stem sequences mapped to concept ids.
#[derive(Debug, Default)]
pub(crate) struct CompiledLexicon {
    /// Stems joined by spaces -> the concepts the expression gives (it may be in several groups).
    phrases: FxMap<String, Vec<u32>>,
    /// First stems of the expressions, to skip positions where none starts.
    firsts: FxMap<String, ()>,
    /// The longest phrase, in stems.
    max_len: usize,
}

/// The stems of an expression, normalised like claim words (see [`word_stems`]).
pub(crate) fn expression_stems(expr: &str) -> Vec<String> {
    let mut out = Vec::new();
    word_stems(expr, |_, stem, _| out.push(stem));
    out
}

/// Calls `f(word_index, stem, is_stop_word)` for every word part of `text`, split and stemmed the
/// same way as [`text::content_terms`] (so the content parts are exactly the claim's terms).
pub(crate) fn word_stems(text: &str, mut f: impl FnMut(usize, String, bool)) {
    for (i, word) in text::words(text).enumerate() {
        let lower = text::plain_lower(word.text);
        let lower = lower.strip_suffix("'s").unwrap_or(&lower);
        for part in lower.split(['-', '\'']).filter(|p| !p.is_empty()) {
            f(i, text::stem(part), text::is_stop_word(part));
        }
    }
    // "%" and "$" are not words to UAX#29; they are handled by quantities, not here.
}

impl CompiledLexicon {
    /// Compiles `groups`, numbering concepts from `first_concept`.
    pub(crate) fn compile<'a, G, S>(groups: G, first_concept: u32) -> CompiledLexicon
    where
        G: IntoIterator<Item = &'a [S]>,
        S: AsRef<str> + 'a,
    {
        let mut lex = CompiledLexicon::default();
        for (g, group) in groups.into_iter().enumerate() {
            let concept = first_concept + g as u32;
            for expr in group {
                let stems = expression_stems(expr.as_ref());
                if stems.is_empty() {
                    continue;
                }
                lex.max_len = lex.max_len.max(stems.len());
                lex.firsts.insert(stems[0].clone(), ());
                let entry = lex.phrases.entry(stems.join(" ")).or_default();
                if !entry.contains(&concept) {
                    entry.push(concept);
                }
            }
        }
        lex
    }

    /// The built-in lexicon, compiled once per process.
    pub(crate) fn builtin() -> &'static CompiledLexicon {
        static BUILTIN: OnceLock<CompiledLexicon> = OnceLock::new();
        BUILTIN.get_or_init(|| CompiledLexicon::compile(BUILTIN_SYNONYMS.iter().copied(), 0))
    }

    /// Number of built-in concepts (user concepts are numbered after them).
    pub(crate) fn builtin_len() -> u32 {
        BUILTIN_SYNONYMS.len() as u32
    }

    /// Every occurrence of an expression in `stems`: calls `f(start, len, concept)`.
    pub(crate) fn find(&self, stems: &[&str], mut f: impl FnMut(usize, usize, u32)) {
        if self.phrases.is_empty() {
            return;
        }
        let mut key = String::new();
        for start in 0..stems.len() {
            if !self.firsts.contains_key(stems[start]) {
                continue;
            }
            key.clear();
            for len in 1..=self.max_len.min(stems.len() - start) {
                if len > 1 {
                    key.push(' ');
                }
                key.push_str(stems[start + len - 1]);
                if let Some(concepts) = self.phrases.get(key.as_str()) {
                    for &c in concepts {
                        f(start, len, c);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn concepts_of(text: &str) -> Vec<u32> {
        let stems = expression_stems(text);
        let refs: Vec<&str> = stems.iter().map(String::as_str).collect();
        let mut out = Vec::new();
        CompiledLexicon::builtin().find(&refs, |_, _, c| out.push(c));
        out.sort_unstable();
        out.dedup();
        out
    }

    fn share(a: &str, b: &str) -> bool {
        let (ca, cb) = (concepts_of(a), concepts_of(b));
        ca.iter().any(|c| cb.contains(c))
    }

    #[test]
    fn news_synonyms_share_a_concept() {
        assert!(share("a truce", "the ceasefire"));
        assert!(share("a halt in hostilities", "an armistice"));
        assert!(share("negotiations began", "talks"));
        assert!(share("a prisoner swap", "an exchange"));
        assert!(share("punitive measures", "sanctions"));
        assert!(share("three people died", "killed"));
        assert!(share("shares rose", "an increase"));
    }

    #[test]
    fn unrelated_words_share_none() {
        assert!(!share("ceasefire", "profit"));
        assert!(!share("election", "earthquake"));
    }

    #[test]
    fn user_groups_compile_after_builtin() {
        let mut lexicon = Lexicon::default();
        lexicon.add_synonyms(&["jab", "vaccination"]);
        let groups = lexicon.synonyms.iter().map(Vec::as_slice);
        let compiled = CompiledLexicon::compile(groups, CompiledLexicon::builtin_len());
        let mut found = Vec::new();
        compiled.find(&["vaccin"], |_, _, c| found.push(c));
        assert_eq!(found, [CompiledLexicon::builtin_len()]);
    }
}
