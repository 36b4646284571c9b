//! The features of a pair of claims: what each claim is reduced to once ([`Prepared`]), and the
//! feature vector of a pair computed from two prepared claims ([`pair_features`]).
//!
//! Every feature is symmetric by construction: a feature measured in one direction ("how much of
//! `a` does `b` cover") appears as the minimum and the maximum of the two directions, and every
//! other feature is a symmetric function of the two sets or sequences it compares.

use crate::model::{Claim, Polarity};
use crate::text;

use super::hash::FxMap;
use super::lexicon::CompiledLexicon;
use super::wordnet::WordNet;

/// The names of the features, in the order of the feature vector and of a score's breakdown.
///
/// | name | raw value |
/// | --- | --- |
/// | `coverage_min`, `coverage_max` | IDF-weighted share of one claim's content terms that the other covers by the same stem, a synonym of the lexicon, a WordNet synonym, or a near-identical spelling (strsim Jaro-Winkler); the weaker and the stronger direction |
/// | `stem_overlap_min`, `stem_overlap_max` | share of one claim's distinct stems found in the other, unweighted; both directions |
/// | `rare_overlap` | Jaccard overlap of the rare terms (normalised IDF ≥ `rare_idf`) |
/// | `rare_unmatched` | normalised IDF of the rarest term one claim has and the other does not cover |
/// | `unmatched_terms` | content terms neither covered on the other side, both claims together, /10, at most 1 |
/// | `length_ratio` | shorter / longer length in words |
/// | `numbers_matched` | numbers both claims give (values in digits or words, with million/billion scaled), /3, at most 1 |
/// | `numbers_mismatched` | when both give numbers: numbers only one of them gives, /3, at most 1 |
/// | `numbers_extra` | 1 when only one claim gives numbers |
/// | `quantities_matched` | extracted quantities with the same unit and value, /3, at most 1 |
/// | `quantity_conflict` | 1 when the claims give a quantity of the same unit, never with the same value |
/// | `negation_mismatch` | 1 when one claim is negated ("not", "never", "no", or polarity `negated`) and the other is not |
/// | `entity_overlap` | Jaccard overlap of the canonical entities |
/// | `entity_missing` | canonical entities of one claim absent from the other, /3, at most 1 |
/// | `names_missing` | capitalised words (names) of one claim absent from the other's words, /3, at most 1 |
/// | `quote_shared` | 1 when both claims quote the same words |
/// | `lcs` | longest common subsequence of the words, × 2 / (sum of lengths) |
/// | `char_ngrams` | Dice overlap of character trigrams |
/// | `bigram_overlap` | Dice overlap of word-stem bigrams |
/// | `wording` | 1 − word-level Levenshtein distance (strsim) / longer length |
/// | `unmatched_max` | uncovered content terms of the claim with more of them, /10, at most 1 |
/// | `uncovered_idf` | IDF mass left uncovered in the weaker direction, in units of the largest IDF, /3, at most 1 |
/// | `content_bigrams` | Dice overlap of content-term bigrams (stop words skipped) |
/// | `word_trigrams` | Dice overlap of word-stem trigrams |
/// | `coverage_min_sq` | `coverage_min` squared (lets the linear model bend) |
/// | `length_diff` | difference in distinct content terms, /10, at most 1 |
/// | `names_conflict` | names each claim has and the other lacks ("Kenya" against "Nigeria"): the smaller of the two counts, /2, at most 1 |
/// | `entity_conflict` | the same for canonical entities |
/// | `day_conflict` | 1 when both name a weekday or month and none in common |
/// | `entities_shared` | canonical entities both claims name, /4, at most 1: news claims about one event share several actors and places even when their wording differs |
/// | `run_max` | the longest run of consecutive words (stop words included) of one claim that the other has neither by stem nor by synonym (lexicon or WordNet), the longer of the two, /10, at most 1: an added clause ("who took office last year") |
/// | `run_words` | words in such runs of three words or more, both claims together, /20, at most 1 |
/// | `word_precision_min` | share of one claim's words (stop words included) whose stem the other has, the weaker direction (BLEU's unigram precision) |
/// | `fourgrams` | Dice overlap of word-stem 4-grams |
/// | `fragmentation` | METEOR's fragmentation: runs of matched words that are also consecutive in the other claim, per matched word, the larger of the two directions (1 when nothing matches) |
/// | `term_evidence` | naive-Bayes evidence of the terms for "the same fact": the log-likelihood ratios ([`super::TermStats::llr`]) of every term of either claim, as shared by both or in one only, summed, /5, in [−1, 1] |
pub const FEATURES: &[&str] = &[
    "coverage_min",
    "coverage_max",
    "stem_overlap_min",
    "stem_overlap_max",
    "rare_overlap",
    "rare_unmatched",
    "unmatched_terms",
    "length_ratio",
    "numbers_matched",
    "numbers_mismatched",
    "numbers_extra",
    "quantities_matched",
    "quantity_conflict",
    "negation_mismatch",
    "entity_overlap",
    "entity_missing",
    "names_missing",
    "quote_shared",
    "lcs",
    "char_ngrams",
    "bigram_overlap",
    "wording",
    "unmatched_max",
    "uncovered_idf",
    "content_bigrams",
    "word_trigrams",
    "coverage_min_sq",
    "length_diff",
    "names_conflict",
    "entity_conflict",
    "day_conflict",
    "entities_shared",
    "run_max",
    "run_words",
    "word_precision_min",
    "fourgrams",
    "fragmentation",
    "term_evidence",
    "embedding_cosine",
];

/// The side of zero each feature's weight belongs on by what the feature means, in the order of
/// [`FEATURES`]: `1` for evidence that two claims tell one fact (overlaps, matched numbers and
/// entities), `-1` for evidence against (conflicts, mismatches, content left uncovered), `0` where
/// the meaning sets no side (`coverage_min_sq` bends `coverage_min` either way). Used by
/// [`super::WeightSigns`].
pub const FEATURE_SIGNS: [i8; N_FEATURES] = [
    1,  // coverage_min
    1,  // coverage_max
    1,  // stem_overlap_min
    1,  // stem_overlap_max
    1,  // rare_overlap
    -1, // rare_unmatched
    -1, // unmatched_terms
    1,  // length_ratio
    1,  // numbers_matched
    -1, // numbers_mismatched
    -1, // numbers_extra
    1,  // quantities_matched
    -1, // quantity_conflict
    -1, // negation_mismatch
    1,  // entity_overlap
    -1, // entity_missing
    -1, // names_missing
    1,  // quote_shared
    1,  // lcs
    1,  // char_ngrams
    1,  // bigram_overlap
    1,  // wording
    -1, // unmatched_max
    -1, // uncovered_idf
    1,  // content_bigrams
    1,  // word_trigrams
    0,  // coverage_min_sq
    -1, // length_diff
    -1, // names_conflict
    -1, // entity_conflict
    -1, // day_conflict
    1,  // entities_shared
    -1, // run_max
    -1, // run_words
    1,  // word_precision_min
    1,  // fourgrams
    -1, // fragmentation
    1,  // term_evidence
    1,  // embedding_cosine
];

/// Number of features.
pub const N_FEATURES: usize = 39;

/// A feature vector in the order of [`FEATURES`].
pub type FeatureVector = [f64; N_FEATURES];

/// Credit for a term covered by a synonym instead of the same stem.
const SYNONYM_CREDIT: f64 = 0.9;
/// Credit for a term covered by a WordNet synonym: less than the news lexicon's, since WordNet
/// merges all senses of a word (0.5, 0.8 and 0.95 were compared by cross-validation; 0.8 was
/// kept).
const WORDNET_CREDIT: f64 = 0.8;
/// Smallest Jaro-Winkler similarity for two stems to count as one spelling.
const SPELLING_MIN: f64 = 0.9;
/// Words of a claim taken into the sequence features (longer claims are cut, to bound work).
const MAX_WORDS: usize = 128;

/// Interns strings as dense `u32` ids, so that per-pair work compares integers.
#[derive(Debug, Default)]
pub(crate) struct Interner {
    ids: FxMap<String, u32>,
    pub(crate) strings: Vec<String>,
    /// [`stem_key`] of every string, so that the rare gate's test for a derived form reads a
    /// compact array before it reads any string.
    pub(crate) stem_keys: Vec<u64>,
}

impl Interner {
    pub(crate) fn id(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.strings.len() as u32;
        self.strings.push(s.to_string());
        self.stem_keys.push(stem_key(s));
        self.ids.insert(s.to_string(), id);
        id
    }

    /// [`Interner::id`] of a string the caller owns (no copy when it is new).
    pub(crate) fn id_owned(&mut self, s: String) -> u32 {
        if let Some(&id) = self.ids.get(&s) {
            return id;
        }
        let id = self.strings.len() as u32;
        self.stem_keys.push(stem_key(&s));
        self.ids.insert(s.clone(), id);
        self.strings.push(s);
        id
    }
}

/// A stem's length (high word) and first four bytes (low word); 0 for stems shorter than four
/// bytes, which [`extends`] never relates.
fn stem_key(s: &str) -> u64 {
    match s.as_bytes().first_chunk::<4>() {
        Some(head) => (s.len() as u64) << 32 | u64::from(u32::from_le_bytes(*head)),
        None => 0,
    }
}

/// What [`prepare`] computes for one claim, field by field, before [`Prepared::pack`] lays it out
/// in one allocation.
#[derive(Clone, Debug, Default)]
pub(crate) struct Parts {
    /// Distinct content-term ids, sorted.
    pub(crate) terms: Vec<u32>,
    /// `(term, concept)` for every term inside a lexicon expression of this claim, sorted.
    pub(crate) term_concepts: Vec<(u32, u32)>,
    /// Distinct concepts this claim expresses, sorted.
    pub(crate) concepts: Vec<u32>,
    /// Every word stem (stop words included), in order, at most [`MAX_WORDS`].
    pub(crate) words: Vec<u32>,
    /// Distinct word stems, sorted.
    pub(crate) word_set: Vec<u32>,
    /// Distinct word-stem bigrams (hashed to 32 bits, like the other n-gram sets: a chance
    /// collision between two claims' n-grams is about one in 40 million pairs of n-grams, and
    /// the halved memory matters for runs of a million claims), sorted.
    pub(crate) bigrams: Vec<u32>,
    /// Distinct character trigrams, sorted.
    pub(crate) trigrams: Vec<u32>,
    /// Distinct content-term bigrams, sorted.
    pub(crate) content_bigrams: Vec<u32>,
    /// Distinct word-stem trigrams (hashed), sorted.
    pub(crate) word_trigrams: Vec<u32>,
    /// Distinct word-stem 4-grams (hashed), sorted.
    pub(crate) fourgrams: Vec<u32>,
    /// `(stem, position)` of every word of `words`, sorted.
    pub(crate) word_pos: Vec<(u32, u8)>,
    /// Distinct numbers, sorted (as `f64` bits of values rounded to 1e-6).
    pub(crate) numbers: Vec<u64>,
    /// Distinct `(unit id, value bits)` of the claim's extracted quantities, sorted.
    pub(crate) quantities: Vec<(u32, u64)>,
    /// Distinct canonical entity ids, sorted.
    pub(crate) entities: Vec<u32>,
    /// Distinct stems of capitalised words after the first word, sorted.
    pub(crate) names: Vec<u32>,
    /// Distinct quotes (hashes of their stem sequences), sorted.
    pub(crate) quotes: Vec<u64>,
    /// Whether the claim is negated.
    pub(crate) negated: bool,
    /// Bit set of the weekdays (bits 0–6) and months (bits 7–18) the claim names.
    pub(crate) days: u32,
    /// WordNet ids of the content terms that have WordNet synonyms, sorted (filled by the scorer
    /// when its configuration uses WordNet). A stem has one id, so two claims share a term with
    /// an id exactly when they share the id.
    pub(crate) wordnet: Vec<u32>,
}

/// One claim reduced to what the features compare; built once per claim by the scorer.
///
/// The fields of [`Parts`] laid end to end in one boxed slice of `u32` (wider values as arrays of
/// `u32`, high word first, so that arrays sort as the values do): one allocation per claim
/// instead of eighteen, and about 500 bytes less per claim, which at a million claims is half a
/// gigabyte.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Prepared {
    data: Box<[u32]>,
    /// End of each field in `data` (in `u32`s), in the order of [`Field`].
    ends: [u32; FIELDS],
    /// Whether the claim is negated.
    pub(crate) negated: bool,
    /// Bit set of the weekdays (bits 0–6) and months (bits 7–18) the claim names.
    pub(crate) days: u32,
}

/// The fields of [`Prepared::data`], in order: the plain `u32` sets first, then those of wider
/// values, then the sentence vector (`f32` bits; empty without embeddings, so a claim pays
/// nothing for it then), and `Wordnet`, the two fields the scorer sets after packing.
#[derive(Clone, Copy)]
enum Field {
    Terms,
    Concepts,
    Words,
    WordSet,
    Bigrams,
    Trigrams,
    ContentBigrams,
    WordTrigrams,
    Fourgrams,
    Entities,
    Names,
    TermConcepts,
    WordPos,
    Numbers,
    Quantities,
    Quotes,
    Embedding,
    Wordnet,
}

const FIELDS: usize = Field::Wordnet as usize + 1;

/// `x` as two `u32`s, high word first.
fn split64(x: u64) -> [u32; 2] {
    [(x >> 32) as u32, x as u32]
}

impl Prepared {
    /// Lays `parts` out in one allocation.
    pub(crate) fn pack(parts: Parts) -> Prepared {
        let mut data: Vec<u32> = Vec::new();
        let mut ends = [0u32; FIELDS];
        for (field, v) in [
            (Field::Terms, &parts.terms),
            (Field::Concepts, &parts.concepts),
            (Field::Words, &parts.words),
            (Field::WordSet, &parts.word_set),
            (Field::Bigrams, &parts.bigrams),
            (Field::Trigrams, &parts.trigrams),
            (Field::ContentBigrams, &parts.content_bigrams),
            (Field::WordTrigrams, &parts.word_trigrams),
            (Field::Fourgrams, &parts.fourgrams),
            (Field::Entities, &parts.entities),
            (Field::Names, &parts.names),
        ] {
            data.extend(v);
            ends[field as usize] = data.len() as u32;
        }
        data.extend(parts.term_concepts.iter().flat_map(|&(t, c)| [t, c]));
        ends[Field::TermConcepts as usize] = data.len() as u32;
        data.extend(parts.word_pos.iter().flat_map(|&(w, i)| [w, u32::from(i)]));
        ends[Field::WordPos as usize] = data.len() as u32;
        data.extend(parts.numbers.iter().flat_map(|&x| split64(x)));
        ends[Field::Numbers as usize] = data.len() as u32;
        data.extend(parts.quantities.iter().flat_map(|&(u, x)| {
            let [hi, lo] = split64(x);
            [u, hi, lo]
        }));
        ends[Field::Quantities as usize] = data.len() as u32;
        data.extend(parts.quotes.iter().flat_map(|&x| split64(x)));
        ends[Field::Quotes as usize] = data.len() as u32;
        ends[Field::Embedding as usize] = data.len() as u32;
        data.extend(&parts.wordnet);
        ends[Field::Wordnet as usize] = data.len() as u32;
        Prepared { data: data.into_boxed_slice(), ends, negated: parts.negated, days: parts.days }
    }

    /// Where `field` sits in `data`.
    fn span(&self, field: Field) -> std::ops::Range<usize> {
        let i = field as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        start..self.ends[i] as usize
    }

    fn field(&self, field: Field) -> &[u32] {
        &self.data[self.span(field)]
    }

    /// Distinct content-term ids, sorted.
    pub(crate) fn terms(&self) -> &[u32] {
        self.field(Field::Terms)
    }

    /// `[term, concept]` for every term inside a lexicon expression of this claim, sorted.
    pub(crate) fn term_concepts(&self) -> &[[u32; 2]] {
        self.field(Field::TermConcepts).as_chunks().0
    }

    /// Distinct concepts this claim expresses, sorted.
    pub(crate) fn concepts(&self) -> &[u32] {
        self.field(Field::Concepts)
    }

    /// Every word stem (stop words included), in order, at most [`MAX_WORDS`].
    pub(crate) fn words(&self) -> &[u32] {
        self.field(Field::Words)
    }

    /// Distinct word stems, sorted.
    pub(crate) fn word_set(&self) -> &[u32] {
        self.field(Field::WordSet)
    }

    /// Distinct word-stem bigrams (hashed), sorted.
    pub(crate) fn bigrams(&self) -> &[u32] {
        self.field(Field::Bigrams)
    }

    /// Distinct character trigrams, sorted.
    pub(crate) fn trigrams(&self) -> &[u32] {
        self.field(Field::Trigrams)
    }

    /// Distinct content-term bigrams, sorted.
    pub(crate) fn content_bigrams(&self) -> &[u32] {
        self.field(Field::ContentBigrams)
    }

    /// Distinct word-stem trigrams (hashed), sorted.
    pub(crate) fn word_trigrams(&self) -> &[u32] {
        self.field(Field::WordTrigrams)
    }

    /// Distinct word-stem 4-grams (hashed), sorted.
    pub(crate) fn fourgrams(&self) -> &[u32] {
        self.field(Field::Fourgrams)
    }

    /// `[stem, position]` of every word of `words`, sorted.
    pub(crate) fn word_pos(&self) -> &[[u32; 2]] {
        self.field(Field::WordPos).as_chunks().0
    }

    /// Distinct numbers (`f64` bits of values rounded to 1e-6, high word first), sorted.
    pub(crate) fn numbers(&self) -> &[[u32; 2]] {
        self.field(Field::Numbers).as_chunks().0
    }

    /// Distinct `[unit id, value bits high, value bits low]` of the claim's quantities, sorted.
    pub(crate) fn quantities(&self) -> &[[u32; 3]] {
        self.field(Field::Quantities).as_chunks().0
    }

    /// Distinct canonical entity ids, sorted.
    pub(crate) fn entities(&self) -> &[u32] {
        self.field(Field::Entities)
    }

    /// Distinct stems of capitalised words after the first word, sorted.
    pub(crate) fn names(&self) -> &[u32] {
        self.field(Field::Names)
    }

    /// Distinct quotes (hashes of their stem sequences, high word first), sorted.
    pub(crate) fn quotes(&self) -> &[[u32; 2]] {
        self.field(Field::Quotes).as_chunks().0
    }

    /// WordNet ids of the content terms that have WordNet synonyms, sorted (set by the scorer
    /// when its configuration uses WordNet). A stem has one id, so two claims share a term with
    /// an id exactly when they share the id.
    pub(crate) fn wordnet(&self) -> &[u32] {
        self.field(Field::Wordnet)
    }

    /// The claim's sentence vector ([`super::Embeddings::embed`]) as `f32` bits; empty unless
    /// the scorer's configuration has embeddings.
    pub(crate) fn embedding(&self) -> &[u32] {
        self.field(Field::Embedding)
    }

    /// Sets the sentence vector (`f32` bits; the other fields are kept).
    pub(crate) fn set_embedding(&mut self, vector: &[f32]) {
        let bits: Vec<u32> = vector.iter().map(|x| x.to_bits()).collect();
        self.replace(Field::Embedding, &bits);
    }

    /// Replaces the WordNet ids (the other fields are kept).
    pub(crate) fn set_wordnet(&mut self, ids: &[u32]) {
        self.replace(Field::Wordnet, ids);
    }

    /// Replaces one field's values, moving the fields after it.
    fn replace(&mut self, field: Field, values: &[u32]) {
        let span = self.span(field);
        let shift = values.len() as i64 - span.len() as i64;
        let mut data = std::mem::take(&mut self.data).into_vec();
        data.splice(span, values.iter().copied());
        for e in &mut self.ends[field as usize..] {
            *e = (i64::from(*e) + shift) as u32;
        }
        self.data = data.into_boxed_slice();
    }
}

/// Run-wide data the features need besides the two prepared claims.
pub(crate) struct Context<'a> {
    /// IDF of every interned id (0 for ids that are never content terms).
    pub(crate) idf: &'a [f64],
    /// The largest possible IDF in this run, for normalising.
    pub(crate) idf_max: f64,
    /// Normalised IDF at or above which a term is rare.
    pub(crate) rare_idf: f64,
    /// Normalised IDF at or above which a term opens the rare gate: `rare_idf`, or higher under
    /// [`super::AlignConfig::rare_df_cap`].
    pub(crate) gate_idf: f64,
    /// Interned strings, for spelling similarity.
    pub(crate) strings: &'a [String],
    /// [`Interner::stem_keys`].
    pub(crate) stem_keys: &'a [u64],
    /// WordNet's synonym graph, when the configuration uses it.
    pub(crate) wordnet: Option<&'a WordNet>,
    /// The WordNet id of every interned id.
    pub(crate) wordnet_ids: &'a [u32],
    /// The log-likelihood ratios ([`super::TermStats::llr`]) of every interned id (`[0, 0]` for
    /// ids that are never content terms, or have none).
    pub(crate) llr: &'a [[f64; 2]],
}

/// Reduces `claim` to its [`Prepared`] form, interning strings into `interner`.
pub(crate) fn prepare(
    claim: &Claim,
    interner: &mut Interner,
    builtin: Option<&CompiledLexicon>,
    user: &CompiledLexicon,
) -> Prepared {
    analyse(claim, interner, builtin, user).finish()
}

/// How many claims [`prepare_all`] reads with one local interner.
const PREPARE_CHUNK: usize = 1024;

/// [`prepare`] of every claim in order, in parallel: the same [`Prepared`] forms and the same
/// ids in `interner` as preparing them one by one.
///
/// Each chunk of claims is read with an interner of its own; the chunks' strings are then
/// interned into `interner` chunk by chunk, in each chunk's order of first use. A string's first
/// use in the whole run is its first use in the first chunk that uses it, so every string gets
/// the id the serial order gives it, and the chunks' ids are translated before anything is
/// derived from them (bigram hashes, sorted sets). Chunks are taken a batch at a time, so the
/// unfinished forms of only one batch are held at once.
pub(crate) fn prepare_all(
    claims: &[Claim],
    interner: &mut Interner,
    builtin: Option<&CompiledLexicon>,
    user: &CompiledLexicon,
) -> Vec<Prepared> {
    let batch = PREPARE_CHUNK * 4 * crate::par::threads();
    prepare_in_chunks(claims, interner, builtin, user, PREPARE_CHUNK, batch)
}

/// [`prepare_all`] with `chunk` claims to a local interner and `batch` claims to a batch.
fn prepare_in_chunks(
    claims: &[Claim],
    interner: &mut Interner,
    builtin: Option<&CompiledLexicon>,
    user: &CompiledLexicon,
    chunk: usize,
    batch: usize,
) -> Vec<Prepared> {
    use crate::par::*;
    let mut out = Vec::with_capacity(claims.len());
    for claims in claims.chunks(batch.max(1)) {
        let mut chunks: Vec<(Vec<Analysed>, Interner)> = claims
            .par_chunks(chunk.max(1))
            .map(|chunk| {
                let mut local = Interner::default();
                let analysed =
                    chunk.iter().map(|c| analyse(c, &mut local, builtin, user)).collect();
                (analysed, local)
            })
            .collect();
        let maps: Vec<Vec<u32>> = chunks
            .iter_mut()
            .map(|(_, local)| {
                std::mem::take(&mut local.strings)
                    .into_iter()
                    .map(|s| interner.id_owned(s))
                    .collect()
            })
            .collect();
        out.par_extend(chunks.into_par_iter().zip(maps).flat_map_iter(|((analysed, _), map)| {
            analysed.into_iter().map(move |mut a| {
                a.remap(&map);
                a.finish()
            })
        }));
    }
    out
}

/// What [`prepare`] reads off a claim before it derives anything from the interned ids: the
/// ids in the order the claim uses them, so that [`prepare_all`] can translate a chunk's local
/// ids to the run's before [`Analysed::finish`] hashes and sorts them.
struct Analysed {
    /// Every word stem's id, in order.
    stems: Vec<u32>,
    /// Whether each stem is a stop word.
    stop: Vec<bool>,
    /// Content-term ids, in order.
    terms: Vec<u32>,
    term_concepts: Vec<(u32, u32)>,
    concepts: Vec<u32>,
    trigrams: Vec<u32>,
    numbers: Vec<u64>,
    quantities: Vec<(u32, u64)>,
    entities: Vec<u32>,
    names: Vec<u32>,
    quotes: Vec<u64>,
    negated: bool,
    days: u32,
}

/// The interning half of [`prepare`]: every string the claim needs is interned here, in one
/// fixed order, and nothing is derived from the ids yet.
fn analyse(
    claim: &Claim,
    interner: &mut Interner,
    builtin: Option<&CompiledLexicon>,
    user: &CompiledLexicon,
) -> Analysed {
    let text = &claim.text;

    // One pass of word segmentation: each word lowercased in its plain form, and whether it
    // starts with a capital.
    let words: Vec<(String, bool)> = text::words(text)
        .map(|w| (text::plain_lower(w.text), w.text.chars().next().is_some_and(char::is_uppercase)))
        .collect();

    // Word stems in order, with their word index and stop-word flag, split and stemmed the same
    // way as `text::content_terms` (so the content stems are exactly the claim's terms).
    let mut stems: Vec<(usize, String, bool)> = Vec::new();
    for (i, (lower, _)) in words.iter().enumerate() {
        let lower = lower.strip_suffix("'s").unwrap_or(lower);
        for part in lower.split(['-', '\'']).filter(|p| !p.is_empty()) {
            stems.push((i, text::stem(part), text::is_stop_word(part)));
        }
    }
    let stem_ids: Vec<u32> = stems.iter().map(|s| interner.id(&s.1)).collect();

    // Content terms: the claim's own when it has them (the pipeline's representation), else the
    // same computation from its text.
    let terms: Vec<u32> = if claim.terms.is_empty() {
        stems.iter().zip(&stem_ids).filter(|(s, _)| !s.2).map(|(_, &id)| id).collect()
    } else {
        claim.terms.iter().map(|t| interner.id(t)).collect()
    };

    // Lexicon concepts, found over the content stems in a row (stop words skipped, as in terms),
    // and over all stems (so "said", a stop word, still expresses the reporting concept).
    let content: Vec<&str> = stems.iter().filter(|s| !s.2).map(|s| s.1.as_str()).collect();
    let all: Vec<&str> = stems.iter().map(|s| s.1.as_str()).collect();
    let mut concepts = Vec::new();
    let mut term_concepts: Vec<(u32, u32)> = Vec::new();
    for lex in builtin.into_iter().chain(std::iter::once(user)) {
        for seq in [&content, &all] {
            lex.find(seq, |start, len, concept| {
                concepts.push(concept);
                for s in &seq[start..start + len] {
                    term_concepts.push((interner.id(s), concept));
                }
            });
        }
    }

    let mut numbers = numbers_in_words(&words);
    let mut quantities = Vec::new();
    for q in &claim.quantities {
        numbers.push(value_bits(q.value));
        let unit = interner.id(&format!("unit:{}", q.unit));
        quantities.push((unit, value_bits(q.value)));
    }

    // A claim is about its named entities and about whoever it reports as the speaker ("and
    // suggested …" names its speaker only in the clause before).
    let speaker = claim.attribution.as_ref().filter(|a| a.resolved).map(|a| a.speaker.as_str());
    let entities = claim
        .entities
        .iter()
        .map(|e| e.canonical.as_str())
        .chain(speaker)
        .map(|name| interner.id(&format!("entity:{}", name.to_lowercase())))
        .collect();

    // Names: capitalised words after the first (which is capitalised anyway), stop words aside.
    // In a title-cased headline ("Supreme Court to Hear Voting Rights Case") capitals say nothing,
    // so a claim whose content words are mostly capitalised has no names by this test.
    let content_words = stems.iter().filter(|s| !s.2);
    let (capitalised, total) =
        content_words.fold((0, 0), |(c, t), s| (c + usize::from(words[s.0].1), t + 1));
    let mut names = Vec::new();
    if capitalised * 3 <= total * 2 || total < 3 {
        for ((i, _, stop), &id) in stems.iter().zip(&stem_ids) {
            if *i > 0 && words[*i].1 && !stop {
                names.push(id);
            }
        }
    }

    Analysed {
        stop: stems.iter().map(|s| s.2).collect(),
        stems: stem_ids,
        terms,
        term_concepts,
        concepts,
        trigrams: char_trigrams(text),
        numbers,
        quantities,
        entities,
        names,
        quotes: quotes_in(claim),
        negated: claim.polarity == Polarity::Negated || words.iter().any(|(w, _)| is_negation(w)),
        days: words.iter().fold(0, |bits, (w, _)| bits | day_bit(w)),
    }
}

impl Analysed {
    /// Translates every interned id through `map` (local id to the run's).
    fn remap(&mut self, map: &[u32]) {
        let m = |id: &mut u32| *id = map[*id as usize];
        self.stems.iter_mut().for_each(m);
        self.terms.iter_mut().for_each(m);
        self.entities.iter_mut().for_each(m);
        self.names.iter_mut().for_each(m);
        self.term_concepts.iter_mut().for_each(|(id, _)| m(id));
        self.quantities.iter_mut().for_each(|(id, _)| m(id));
    }

    /// The half of [`prepare`] that derives from the ids: sorted sets, n-gram hashes, the packed
    /// form.
    fn finish(self) -> Prepared {
        let mut p = Parts { terms: self.terms, ..Parts::default() };
        sort_dedup(&mut p.terms);
        p.term_concepts = self.term_concepts;
        sort_dedup(&mut p.term_concepts);
        p.concepts = self.concepts;
        sort_dedup(&mut p.concepts);

        p.words = self.stems.iter().copied().take(MAX_WORDS).collect();
        p.word_set = self.stems.clone();
        sort_dedup(&mut p.word_set);
        p.bigrams = p.words.windows(2).map(|w| mix(&[w[0], w[1]])).collect();
        sort_dedup(&mut p.bigrams);
        p.trigrams = self.trigrams;
        let content_ids: Vec<u32> = self
            .stems
            .iter()
            .zip(&self.stop)
            .filter(|(_, stop)| !**stop)
            .map(|(&id, _)| id)
            .collect();
        p.content_bigrams = content_ids.windows(2).map(|w| mix(&[w[0], w[1]])).collect();
        sort_dedup(&mut p.content_bigrams);
        p.word_trigrams = p.words.windows(3).map(|w| mix(&[w[0], w[1], w[2]])).collect();
        sort_dedup(&mut p.word_trigrams);
        p.fourgrams = p.words.windows(4).map(|w| mix(&[w[0], w[1], w[2], w[3]])).collect();
        sort_dedup(&mut p.fourgrams);
        p.word_pos = p.words.iter().enumerate().map(|(i, &w)| (w, i as u8)).collect();
        sort_dedup(&mut p.word_pos);

        p.numbers = self.numbers;
        sort_dedup(&mut p.numbers);
        p.quantities = self.quantities;
        sort_dedup(&mut p.quantities);
        p.entities = self.entities;
        sort_dedup(&mut p.entities);
        p.names = self.names;
        sort_dedup(&mut p.names);

        p.days = self.days;
        p.quotes = self.quotes;
        p.negated = self.negated;
        Prepared::pack(p)
    }
}

/// The feature vector of a pair. Symmetric: `pair_features(a, b) == pair_features(b, a)`.
pub(crate) fn pair_features(a: &Prepared, b: &Prepared, ctx: &Context<'_>) -> FeatureVector {
    let mut f = [0.0; N_FEATURES];
    let (wa, wb) = wordnet_matches(a, b, ctx);
    let (cover_a, cover_b) = (SynonymCover::of(a, b), SynonymCover::of(b, a));
    let da = direction(a, b, &cover_a, wa, ctx);
    let db = direction(b, a, &cover_b, wb, ctx);
    f[0] = da.coverage.min(db.coverage);
    f[1] = da.coverage.max(db.coverage);
    let shared = count_shared(a.terms(), b.terms()) as f64;
    let (sa, sb) = (ratio(shared, a.terms().len()), ratio(shared, b.terms().len()));
    f[2] = sa.min(sb);
    f[3] = sa.max(sb);
    f[4] = rare_jaccard(a.terms(), b.terms(), ctx);
    f[5] = da.rarest_unmatched.max(db.rarest_unmatched);
    f[6] = (f64::from(da.unmatched + db.unmatched) / 10.0).min(1.0);
    let (la, lb) = (a.words().len(), b.words().len());
    f[7] = if la.max(lb) == 0 { 0.0 } else { la.min(lb) as f64 / la.max(lb) as f64 };

    let shared_numbers = count_shared(a.numbers(), b.numbers());
    f[8] = capped(shared_numbers, 3);
    if !a.numbers().is_empty() && !b.numbers().is_empty() {
        f[9] = capped(a.numbers().len() + b.numbers().len() - 2 * shared_numbers, 3);
    } else if a.numbers().is_empty() != b.numbers().is_empty() {
        f[10] = 1.0;
    }
    f[11] = capped(count_shared(a.quantities(), b.quantities()), 3);
    f[12] = f64::from(quantity_conflict(a.quantities(), b.quantities()));
    f[13] = f64::from(a.negated != b.negated);
    let shared_entities = count_shared(a.entities(), b.entities());
    let union_entities = a.entities().len() + b.entities().len() - shared_entities;
    f[14] = ratio(shared_entities as f64, union_entities);
    f[15] = capped(union_entities - shared_entities, 3);
    let missing_ab = a.names().iter().filter(|n| b.word_set().binary_search(n).is_err()).count();
    let missing_ba = b.names().iter().filter(|n| a.word_set().binary_search(n).is_err()).count();
    f[16] = capped(missing_ab + missing_ba, 3);
    f[17] = f64::from(count_shared(a.quotes(), b.quotes()) > 0);
    let seq = sequence(a, b);
    f[18] = ratio(2.0 * seq.lcs as f64, la + lb);
    f[19] = dice(a.trigrams(), b.trigrams());
    f[20] = dice(a.bigrams(), b.bigrams());
    f[21] = if la.max(lb) == 0 { 0.0 } else { 1.0 - seq.distance as f64 / la.max(lb) as f64 };
    f[22] = (f64::from(da.unmatched.max(db.unmatched)) / 10.0).min(1.0);
    f[23] = (da.uncovered.max(db.uncovered) / ctx.idf_max / 3.0).min(1.0);
    f[24] = dice(a.content_bigrams(), b.content_bigrams());
    f[25] = dice(a.word_trigrams(), b.word_trigrams());
    f[26] = f[0] * f[0];
    f[27] = (a.terms().len().abs_diff(b.terms().len()) as f64 / 10.0).min(1.0);
    f[28] = capped(missing_ab.min(missing_ba), 2);
    let only_a = a.entities().len() - shared_entities;
    let only_b = b.entities().len() - shared_entities;
    f[29] = capped(only_a.min(only_b), 2);
    f[30] = f64::from(a.days != 0 && b.days != 0 && a.days & b.days == 0);
    f[31] = capped(shared_entities, 4);
    let (ra, rb) = (
        unmatched_runs(a, &cover_a, seq.a_matched, wa, ctx),
        unmatched_runs(b, &cover_b, seq.b_matched, wb, ctx),
    );
    f[32] = capped(ra.longest.max(rb.longest), 10);
    f[33] = capped(ra.in_long_runs + rb.in_long_runs, 20);
    let (wa, wb) = (ratio(ra.matched as f64, la), ratio(rb.matched as f64, lb));
    f[34] = wa.min(wb);
    f[35] = dice(a.fourgrams(), b.fourgrams());
    f[36] = seq.fragmentation;
    // Naive-Bayes evidence of the terms: each term of either claim by whether both have it.
    let mut evidence = 0.0;
    for &t in a.terms() {
        let shared = b.terms().binary_search(&t).is_ok();
        evidence += ctx.llr[t as usize][usize::from(!shared)];
    }
    for &t in b.terms().iter().filter(|t| a.terms().binary_search(t).is_err()) {
        evidence += ctx.llr[t as usize][1];
    }
    f[37] = (evidence / 5.0).clamp(-1.0, 1.0);
    // Distributional similarity, when the configuration has embeddings (else both are empty).
    f[38] = super::embed::cosine(a.embedding(), b.embedding());
    f
}

/// Words of `from` with and without a match in `to`, as runs.
struct Runs {
    /// Words whose stem `to` has (or whose lexicon concept it expresses, or a WordNet synonym of
    /// which it has).
    matched: usize,
    /// The longest run of consecutive unmatched words.
    longest: usize,
    /// Unmatched words in runs of three or more.
    in_long_runs: usize,
}

/// The runs of `from`'s words, given the bit set of its word positions whose stem `to` has.
fn unmatched_runs(
    from: &Prepared,
    synonyms: &SynonymCover<'_>,
    same_stem: u128,
    wordnet: u64,
    ctx: &Context<'_>,
) -> Runs {
    let (mut matched, mut longest, mut in_long_runs, mut run) = (0, 0, 0, 0);
    let close = |run: usize, longest: &mut usize, in_long: &mut usize| {
        *longest = (*longest).max(run);
        if run >= 3 {
            *in_long += run;
        }
    };
    for (i, &w) in from.words().iter().enumerate() {
        if same_stem >> i & 1 == 1
            || synonyms.covers(w)
            || wordnet != 0 && wordnet_covered(w, from, wordnet, ctx)
        {
            matched += 1;
            close(run, &mut longest, &mut in_long_runs);
            run = 0;
        } else {
            run += 1;
        }
    }
    close(run, &mut longest, &mut in_long_runs);
    Runs { matched, longest, in_long_runs }
}

/// What the word sequences of a pair give, computed in one pass over `b`'s words with bit sets
/// over `a`'s positions (at most [`MAX_WORDS`] = 128, one `u128`).
struct Sequence {
    /// Length of the longest common subsequence (Hyyrö's bit-parallel LCS).
    lcs: usize,
    /// Word-level Levenshtein distance (Myers' bit-parallel algorithm, in Hyyrö's formulation).
    distance: usize,
    /// Positions of `a` whose stem `b` has.
    a_matched: u128,
    /// Positions of `b` whose stem `a` has.
    b_matched: u128,
    /// METEOR's fragmentation, the larger of the two directions: chunks of matched words that
    /// sit consecutively in the other claim (each word at the first position of its stem there),
    /// per matched word; 1 when nothing matches.
    fragmentation: f64,
}

fn sequence(a: &Prepared, b: &Prepared) -> Sequence {
    let m = a.words().len();
    let all: u128 = if m == 128 { !0 } else { (1u128 << m) - 1 };
    let high: u128 = if m == 0 { 0 } else { 1u128 << (m - 1) };
    let (mut lcs_v, mut pv, mut mv, mut distance) = (!0u128, all, 0u128, m);
    let (mut a_matched, mut b_matched) = (0u128, 0u128);
    // First position in `b` of each of `a`'s words (u8::MAX: none).
    let mut first_in_b = [u8::MAX; MAX_WORDS];
    // Fragmentation of `b` against `a`: chunks and matches.
    let (mut chunks_b, mut matches_b, mut previous): (usize, usize, Option<u32>) = (0, 0, None);
    for (j, &y) in b.words().iter().enumerate() {
        let start = a.word_pos().partition_point(|&[s, _]| s < y);
        let eq = a.word_pos()[start..]
            .iter()
            .take_while(|&&[s, _]| s == y)
            .fold(0u128, |mask, &[_, i]| mask | 1u128 << i);
        // LCS.
        let u = lcs_v & eq;
        lcs_v = lcs_v.wrapping_add(u) | (lcs_v - u);
        // Levenshtein.
        let xv = eq | mv;
        let xh = ((eq & pv).wrapping_add(pv) ^ pv) | eq;
        let mut ph = mv | !(xh | pv);
        let mut mh = pv & xh;
        if ph & high != 0 {
            distance += 1;
        } else if mh & high != 0 {
            distance -= 1;
        }
        ph = (ph << 1) | 1;
        mh <<= 1;
        pv = mh | !(xv | ph);
        mv = ph & xv;
        if eq != 0 {
            b_matched |= 1u128 << j;
            a_matched |= eq;
            let mut bits = eq;
            while bits != 0 {
                let i = bits.trailing_zeros() as usize;
                if first_in_b[i] == u8::MAX {
                    first_in_b[i] = j as u8;
                }
                bits &= bits - 1;
            }
            let at = eq.trailing_zeros();
            matches_b += 1;
            if previous.is_none_or(|p| p + 1 != at) {
                chunks_b += 1;
            }
            previous = Some(at);
        } else {
            previous = None;
        }
    }
    let (mut chunks_a, mut matches_a, mut previous): (usize, usize, Option<u8>) = (0, 0, None);
    for &pos in &first_in_b[..m] {
        if pos == u8::MAX {
            previous = None;
            continue;
        }
        matches_a += 1;
        if previous.is_none_or(|p| u16::from(p) + 1 != u16::from(pos)) {
            chunks_a += 1;
        }
        previous = Some(pos);
    }
    let frag = |chunks: usize, matches: usize| {
        if matches == 0 { 1.0 } else { chunks as f64 / matches as f64 }
    };
    Sequence {
        lcs: (!lcs_v & all).count_ones() as usize,
        // With no words in `a`, the bit vectors are empty: every word of `b` is an insertion.
        distance: if m == 0 { b.words().len() } else { distance },
        a_matched,
        b_matched,
        fragmentation: frag(chunks_a, matches_a).max(frag(chunks_b, matches_b)),
    }
}

/// What one direction of a pair gives: how much of `from` the other claim covers.
struct Direction {
    /// IDF-weighted covered share of `from`'s terms.
    coverage: f64,
    /// Normalised IDF of the rarest uncovered term (0 when all are covered).
    rarest_unmatched: f64,
    /// Number of uncovered terms.
    unmatched: u32,
    /// IDF mass left uncovered.
    uncovered: f64,
}

/// How much of `from`'s content `to` covers: by the same stem (credit 1), a shared lexicon concept
/// (credit 0.9), a WordNet synonym (credit 0.8), or a near-identical spelling (credit 0.9 ×
/// similarity).
fn direction(
    from: &Prepared,
    to: &Prepared,
    synonyms: &SynonymCover<'_>,
    wordnet: u64,
    ctx: &Context<'_>,
) -> Direction {
    let (mut total, mut covered, mut rarest, mut unmatched) = (0.0, 0.0, 0.0f64, 0u32);
    for &t in from.terms() {
        let idf = ctx.idf[t as usize];
        total += idf;
        let credit = if to.terms().binary_search(&t).is_ok() {
            1.0
        } else if synonyms.covers(t) {
            SYNONYM_CREDIT
        } else if wordnet != 0 && wordnet_covered(t, from, wordnet, ctx) {
            WORDNET_CREDIT
        } else {
            SYNONYM_CREDIT * spelling_similarity(t, to, ctx)
        };
        covered += idf * credit;
        if credit == 0.0 {
            unmatched += 1;
            rarest = rarest.max(idf / ctx.idf_max);
        }
    }
    Direction {
        coverage: if total > 0.0 { covered / total } else { 0.0 },
        rarest_unmatched: rarest,
        unmatched,
        uncovered: total - covered,
    }
}

/// The terms of one claim (`from`) that lie in a lexicon expression whose concept the other
/// claim (`to`) also expresses, found once per pair and direction: the scorer asks of every
/// unmatched term and word, and most claims have a handful of such terms or none. Holds up to
/// [`SynonymCover::CAP`] terms; past that it answers by asking the claims themselves.
struct SynonymCover<'a> {
    terms: [u32; SynonymCover::CAP],
    len: usize,
    /// More than `CAP` terms are covered: [`SynonymCover::covers`] reads the claims.
    overflow: Option<(&'a Prepared, &'a Prepared)>,
}

impl<'a> SynonymCover<'a> {
    const CAP: usize = 16;

    fn of(from: &'a Prepared, to: &'a Prepared) -> SynonymCover<'a> {
        let mut cover = SynonymCover { terms: [0; SynonymCover::CAP], len: 0, overflow: None };
        if to.concepts().is_empty() {
            return cover;
        }
        // `term_concepts` is sorted by term: a covered term is pushed once, in order.
        for &[t, c] in from.term_concepts() {
            if cover.len > 0 && cover.terms[cover.len - 1] == t {
                continue;
            }
            if to.concepts().binary_search(&c).is_ok() {
                if cover.len == SynonymCover::CAP {
                    cover.overflow = Some((from, to));
                    return cover;
                }
                cover.terms[cover.len] = t;
                cover.len += 1;
            }
        }
        cover
    }

    fn covers(&self, t: u32) -> bool {
        match self.overflow {
            Some((from, to)) => synonym_covered(t, from, to),
            None => self.terms[..self.len].contains(&t),
        }
    }
}

/// Whether term `t` of `from` lies in a lexicon expression whose concept `to` also expresses.
fn synonym_covered(t: u32, from: &Prepared, to: &Prepared) -> bool {
    let start = from.term_concepts().partition_point(|&[term, _]| term < t);
    from.term_concepts()[start..]
        .iter()
        .take_while(|&&[term, _]| term == t)
        .any(|&[_, c]| to.concepts().binary_search(&c).is_ok())
}

/// Which of each claim's WordNet terms ([`Prepared::wordnet`]) a WordNet synonym among the other
/// claim's terms covers, as bit sets over the two lists (bit `i`: `a.wordnet()[i]`; terms past the
/// 64th are never covered). Only terms one claim has and the other lacks take part: a shared term
/// is matched already and covers nothing else. Computed once per pair, from the shorter side's
/// synonym lists: those lists live in one large table, and fetching them is most of the cost.
fn wordnet_matches(a: &Prepared, b: &Prepared, ctx: &Context<'_>) -> (u64, u64) {
    let Some(wn) = ctx.wordnet else { return (0, 0) };
    if a.wordnet().is_empty() || b.wordnet().is_empty() {
        return (0, 0);
    }
    let (short, long, swapped) =
        if a.wordnet().len() <= b.wordnet().len() { (a, b, false) } else { (b, a, true) };
    let (mut in_short, mut in_long) = (0u64, 0u64);
    for (i, &x) in short.wordnet().iter().enumerate().take(64) {
        if long.wordnet().binary_search(&x).is_ok() {
            continue;
        }
        let synonyms = wn.synonyms(x);
        for (j, y) in long.wordnet().iter().enumerate().take(64) {
            if synonyms.binary_search(y).is_ok() && short.wordnet().binary_search(y).is_err() {
                in_short |= 1 << i;
                in_long |= 1 << j;
            }
        }
    }
    if swapped { (in_long, in_short) } else { (in_short, in_long) }
}

/// Whether term `t` of `from` is among the WordNet terms `covered` marks (see
/// [`wordnet_matches`]).
fn wordnet_covered(t: u32, from: &Prepared, covered: u64, ctx: &Context<'_>) -> bool {
    let id = ctx.wordnet_ids[t as usize];
    id != super::wordnet::NONE
        && from.wordnet().binary_search(&id).is_ok_and(|i| i < 64 && covered >> i & 1 == 1)
}

/// The best Jaro-Winkler similarity of term `t` to a term of `to` sharing its first two letters,
/// when at least [`SPELLING_MIN`]; else 0. Catches transliterations and spelling variants
/// ("zelenskiy"/"zelenski") that stemming leaves apart.
fn spelling_similarity(t: u32, to: &Prepared, ctx: &Context<'_>) -> f64 {
    // Lengths and first letters are read from the stem keys (0: shorter than four bytes; the low
    // 16 bits: the first two bytes), one table of `u64`s, rather than from each string's heap
    // block: most terms fail the test, and fetching their strings was most of this loop's cost.
    let key = ctx.stem_keys[t as usize];
    if key == 0 {
        return 0.0;
    }
    let s = &ctx.strings[t as usize];
    let mut best = 0.0f64;
    for &u in to.terms() {
        let other = ctx.stem_keys[u as usize];
        if other != 0 && other as u16 == key as u16 {
            best = best.max(strsim::jaro_winkler(s, &ctx.strings[u as usize]));
        }
    }
    if best >= SPELLING_MIN { best } else { 0.0 }
}

/// Whether the claims share a rare term (normalised IDF ≥ `gate_idf`): a rare term of one claim
/// that the other has, or has in a derived form ("Iraq" / "Iraqi", "Zambia" / "Zambian"; see
/// [`extends`]). Symmetric. Synonyms do not count: the lexicon's are common news words
/// ("postpone" / "delay"), rare only in a small run, and say what kind of event, not which one;
/// WordNet merges the senses of a word. Nor do near spellings in general ("Ashenvale" /
/// "Ashervale" are two places).
pub(crate) fn share_rare(a: &Prepared, b: &Prepared, ctx: &Context<'_>) -> bool {
    covers_rare(a, b, ctx) || covers_rare(b, a, ctx)
}

fn covers_rare(from: &Prepared, to: &Prepared, ctx: &Context<'_>) -> bool {
    from.terms().iter().any(|&t| {
        ctx.idf[t as usize] / ctx.idf_max >= ctx.gate_idf
            && (to.terms().binary_search(&t).is_ok()
                || to.terms().iter().any(|&u| extends(t, u, ctx)))
    })
}

/// Endings, as stems have them, that make a people's or a language's name of a country's, which
/// stemming leaves apart ("iraq" + "i", "zambia" + "n", "ukrain" + "ian", "japan" + "es" of
/// "japanese").
const DERIVED: &[&str] = &["i", "n", "an", "ian", "es"];

/// Whether one of the stems `t` and `u` is the other plus one of the [`DERIVED`] endings, the
/// shorter having at least four letters. Compares [`stem_key`]s first: lengths and first four
/// bytes.
fn extends(t: u32, u: u32, ctx: &Context<'_>) -> bool {
    let (kt, ku) = (ctx.stem_keys[t as usize], ctx.stem_keys[u as usize]);
    if kt == 0 || ku == 0 || kt as u32 != ku as u32 || kt >> 32 == ku >> 32 {
        return false;
    }
    let (a, b) = (&ctx.strings[t as usize], &ctx.strings[u as usize]);
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    long.strip_prefix(short.as_str()).is_some_and(|ending| DERIVED.contains(&ending))
}

fn rare_jaccard(a: &[u32], b: &[u32], ctx: &Context<'_>) -> f64 {
    let rare = |t: &&u32| ctx.idf[**t as usize] / ctx.idf_max >= ctx.rare_idf;
    let (ra, rb) = (a.iter().filter(rare).count(), b.iter().filter(rare).count());
    let shared = a.iter().filter(rare).filter(|t| b.binary_search(t).is_ok()).count();
    ratio(shared as f64, ra + rb - shared)
}

/// Whether the claims give a quantity of one unit (`[unit, value high, value low]`), never with
/// the same value.
fn quantity_conflict(a: &[[u32; 3]], b: &[[u32; 3]]) -> bool {
    a.iter().any(|&[unit, ..]| {
        let same_unit = |q: &&[u32; 3]| q[0] == unit;
        b.iter().any(|q| q[0] == unit)
            && !a
                .iter()
                .filter(same_unit)
                .any(|qa| b.iter().filter(same_unit).any(|qb| qa[1..] == qb[1..]))
    })
}

fn dice<T: Ord + Copy>(a: &[T], b: &[T]) -> f64 {
    ratio(2.0 * count_shared(a, b) as f64, a.len() + b.len())
}

/// Number of elements two sorted, deduplicated slices share.
///
/// Walks both in blocks of four: all sixteen pairs of two blocks are compared at once (the
/// compiler makes vector compares of them), then the block with the smaller last element moves on
/// (both when the last elements are equal). Every shared element is counted exactly once: the two
/// blocks holding it are current together at some step, since a block only moves on once its
/// last element is below the other block's, and no pair of blocks is current twice. The scalar
/// merge finishes the tails. One step per four elements instead of one per element: a pair's
/// n-gram sets hold a hundred or more hashes each, and this merge was the scorer's hottest loop.
pub(crate) fn count_shared<T: Ord + Copy>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i + 4 <= a.len() && j + 4 <= b.len() {
        let x: [T; 4] = a[i..i + 4].try_into().expect("a block of four");
        let y: [T; 4] = b[j..j + 4].try_into().expect("a block of four");
        for p in x {
            n += y.iter().map(|&q| usize::from(p == q)).sum::<usize>();
        }
        let (last_x, last_y) = (x[3], y[3]);
        i += 4 * usize::from(last_x <= last_y);
        j += 4 * usize::from(last_y <= last_x);
    }
    n + count_shared_merge(&a[i..], &b[j..])
}

/// [`count_shared`] as a branch-free scalar merge: the comparisons of two unrelated sets are
/// unpredictable, and mispredicted branches cost more than the few extra instructions.
fn count_shared_merge<T: Ord + Copy>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        n += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    n
}

fn ratio(num: f64, den: usize) -> f64 {
    if den == 0 { 0.0 } else { num / den as f64 }
}

fn capped(n: usize, cap: usize) -> f64 {
    n.min(cap) as f64 / cap as f64
}

fn sort_dedup<T: Ord>(v: &mut Vec<T>) {
    v.sort_unstable();
    v.dedup();
    v.shrink_to_fit();
}

/// Character trigrams of the lowercased plain text, letters and digits only, runs of anything
/// else read as one space.
fn char_trigrams(text: &str) -> Vec<u32> {
    let mut chars: Vec<char> = Vec::with_capacity(text.len() + 2);
    chars.push(' ');
    for c in text.chars().map(text::plain_char).flat_map(char::to_lowercase) {
        let c = if c.is_alphanumeric() { c } else { ' ' };
        if c != ' ' || chars.last() != Some(&' ') {
            chars.push(c);
        }
    }
    if chars.last() != Some(&' ') {
        chars.push(' ');
    }
    let mut out: Vec<u32> = chars
        .windows(3)
        .map(|w| mix(&[u32::from(w[0]), u32::from(w[1]), u32::from(w[2])]))
        .collect();
    sort_dedup(&mut out);
    out
}

/// The bits of `v` rounded to six decimals, so equal values compare equal as integers.
fn value_bits(v: f64) -> u64 {
    ((v * 1e6).round() / 1e6).to_bits()
}

/// Numbers written in `text`: digits ("1,250", "2.5", "30-day"), small number words ("nine"), each
/// scaled by a following "thousand", "million", "billion" or "trillion".
#[cfg(test)]
fn numbers_in(text: &str) -> Vec<u64> {
    let words: Vec<(String, bool)> =
        text::words(text).map(|w| (text::plain_lower(w.text), false)).collect();
    numbers_in_words(&words)
}

/// [`numbers_in`] over words already lowercased.
fn numbers_in_words(words: &[(String, bool)]) -> Vec<u64> {
    const WORDS: &[(&str, f64)] = &[
        ("one", 1.0),
        ("two", 2.0),
        ("three", 3.0),
        ("four", 4.0),
        ("five", 5.0),
        ("six", 6.0),
        ("seven", 7.0),
        ("eight", 8.0),
        ("nine", 9.0),
        ("ten", 10.0),
        ("eleven", 11.0),
        ("twelve", 12.0),
        ("twenty", 20.0),
        ("thirty", 30.0),
        ("forty", 40.0),
        ("fifty", 50.0),
        ("hundred", 100.0),
        ("dozen", 12.0),
    ];
    let mut out = Vec::new();
    for (i, (w, _)) in words.iter().enumerate() {
        let value = if w.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            let digits: String = w
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
                .filter(|c| *c != ',')
                .collect();
            digits.trim_end_matches('.').parse::<f64>().ok()
        } else {
            WORDS.iter().find(|(name, _)| name == w).map(|(_, v)| *v)
        };
        let Some(mut value) = value else { continue };
        if w == "hundred" && i > 0 && words[i - 1].0.chars().all(|c| c.is_ascii_digit()) {
            continue; // already counted with its multiplier below
        }
        let scale = match words.get(i + 1).map(|w| w.0.as_str()) {
            Some("hundred") if !w.eq("hundred") => 100.0,
            Some("thousand") => 1e3,
            Some("million") => 1e6,
            Some("billion") => 1e9,
            Some("trillion") => 1e12,
            _ => 1.0,
        };
        value *= scale;
        if value.is_finite() {
            out.push(value_bits(value));
        }
    }
    out
}

/// The bit of a weekday or month name (0 for other words). "May" is left out: it is mostly the
/// verb.
fn day_bit(lower: &str) -> u32 {
    const NAMES: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    NAMES.iter().position(|n| !n.is_empty() && *n == lower).map_or(0, |i| 1 << i)
}

/// Whether `lower` (a lowercased plain word) is a negation.
fn is_negation(lower: &str) -> bool {
    matches!(
        lower,
        "not" | "no" | "never" | "none" | "nobody" | "nothing" | "neither" | "nor" | "cannot"
    ) || lower.ends_with("n't")
}

#[cfg(test)]
fn has_negation(text: &str) -> bool {
    text::words(text).any(|w| is_negation(&text::plain_lower(w.text)))
}

/// Quotes of a claim: its extracted quotes, and any words between a pair of double quotes in
/// its text; each as a hash of its stem sequence (two stems at least).
fn quotes_in(claim: &Claim) -> Vec<u64> {
    let mut texts: Vec<String> = claim.quotes.iter().map(|q| q.text.clone()).collect();
    let plain: String = claim.text.chars().map(text::plain_char).collect();
    let parts: Vec<&str> = plain.split('"').collect();
    for inner in parts.iter().skip(1).step_by(2).take(parts.len().saturating_sub(1) / 2) {
        texts.push((*inner).to_string());
    }
    let mut out: Vec<u64> = texts
        .iter()
        .filter_map(|t| {
            let terms = text::content_terms(t);
            (terms.len() >= 2).then(|| fnv(terms.join(" ").as_bytes()))
        })
        .collect();
    sort_dedup(&mut out);
    out
}

/// A 32-bit hash of a few ids (a multiply-xorshift mix), for n-gram sets.
fn mix(ids: &[u32]) -> u32 {
    let mut h: u64 = 0x9E37_79B9_7F4A_7C15;
    for &id in ids {
        h = (h ^ u64::from(id)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        h ^= h >> 31;
    }
    (h >> 32) as u32
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(0xcbf2_9ce4_8422_2325u64, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preparing_in_parallel_gives_the_serial_forms_and_ids() {
        use crate::synth::{SynthConfig, SynthCorpus};
        let corpus = SynthCorpus::generate(&SynthConfig { claims: 1_000, sources: 20, seed: 3 });
        let mut claims = corpus.claims();
        // Claims without terms of their own take them from their text.
        for c in claims.iter_mut().step_by(7) {
            c.terms.clear();
        }
        let builtin = Some(CompiledLexicon::builtin());
        let user = CompiledLexicon::compile(
            [vec!["ceasefire".to_string(), "truce".to_string()]].iter().map(Vec::as_slice),
            CompiledLexicon::builtin_len(),
        );
        // Interners that already hold strings, as a growing run's does.
        let seeded = || {
            let mut interner = Interner::default();
            for s in ["unit:percent", "zebra", &claims[500].terms[0]] {
                interner.id(s);
            }
            interner
        };
        let mut serial = seeded();
        let one_by_one: Vec<Prepared> =
            claims.iter().map(|c| prepare(c, &mut serial, builtin, &user)).collect();
        // Chunks and batches that do not divide the claims evenly.
        for (chunk, batch) in [(1, 1), (37, 200), (64, 1_000), (5_000, 5_000)] {
            let mut parallel = seeded();
            let all = prepare_in_chunks(&claims, &mut parallel, builtin, &user, chunk, batch);
            assert_eq!(parallel.strings, serial.strings, "chunk {chunk}, batch {batch}");
            assert_eq!(parallel.stem_keys, serial.stem_keys);
            assert!(all == one_by_one, "chunk {chunk}, batch {batch}: forms differ");
        }
        assert!(serial.strings.len() > 500, "the corpus interns many strings");
    }

    #[test]
    fn numbers_are_read_and_scaled() {
        let bits = |v: f64| value_bits(v);
        let found =
            numbers_in("It paid $2.5 billion for 1,250 shares over nine days, a 30-day plan.");
        for v in [2.5e9, 1250.0, 9.0, 30.0] {
            assert!(found.contains(&bits(v)), "{v} missing from {found:?}");
        }
        assert_eq!(found.len(), 4);
    }

    /// A claim prepared from a word-id sequence, for the sequence features.
    fn words(ids: &[u32]) -> Prepared {
        let mut p = Parts { words: ids.to_vec(), ..Parts::default() };
        p.word_pos = ids.iter().enumerate().map(|(i, &w)| (w, i as u8)).collect();
        p.word_pos.sort_unstable();
        Prepared::pack(p)
    }

    /// The cover found once per pair answers as `synonym_covered` does for every term, with few
    /// covered terms and with more than it holds.
    #[test]
    fn synonym_cover_answers_as_the_claims_do() {
        let claim = |term_concepts: Vec<(u32, u32)>| {
            let mut concepts: Vec<u32> = term_concepts.iter().map(|&(_, c)| c).collect();
            concepts.sort_unstable();
            concepts.dedup();
            let mut terms: Vec<u32> = term_concepts.iter().map(|&(t, _)| t).collect();
            terms.dedup();
            Prepared::pack(Parts { terms, term_concepts, concepts, ..Parts::default() })
        };
        // Term 3 has two concepts, the second shared; term 5's concept is not.
        let from = claim(vec![(1, 10), (3, 11), (3, 12), (5, 13), (7, 10)]);
        let to = claim(vec![(2, 10), (4, 12)]);
        let none = claim(vec![]);
        // More covered terms than the cover holds.
        let many = claim((0..40).map(|t| (t, 100 + t % 3)).collect());
        let many_to = claim(vec![(90, 100), (91, 102)]);
        for (f, t) in
            [(&from, &to), (&to, &from), (&from, &none), (&none, &from), (&many, &many_to)]
        {
            let cover = SynonymCover::of(f, t);
            for term in 0..50 {
                assert_eq!(cover.covers(term), synonym_covered(term, f, t), "term {term}");
            }
        }
        assert!(SynonymCover::of(&from, &to).covers(3));
        assert!(!SynonymCover::of(&from, &to).covers(5));
        assert!(SynonymCover::of(&many, &many_to).overflow.is_some());
    }

    #[test]
    fn packing_keeps_every_field_and_the_order_of_wide_values() {
        let big = value_bits(2.5e9);
        let small = value_bits(3.0);
        let mut numbers = vec![big, small, value_bits(0.5)];
        numbers.sort_unstable();
        let parts = Parts {
            terms: vec![1, 4],
            term_concepts: vec![(1, 7), (4, 2)],
            concepts: vec![2, 7],
            words: vec![9, 1, 4],
            word_set: vec![1, 4, 9],
            bigrams: vec![11],
            trigrams: vec![12, 13],
            content_bigrams: vec![14],
            word_trigrams: vec![15],
            fourgrams: vec![],
            word_pos: vec![(1, 1), (4, 2), (9, 0)],
            numbers: numbers.clone(),
            quantities: vec![(3, small), (5, big)],
            entities: vec![20],
            names: vec![21, 22],
            quotes: vec![u64::MAX - 1],
            negated: true,
            days: 0b101,
            wordnet: vec![30],
        };
        let mut p = Prepared::pack(parts);
        let join = |x: &[u32; 2]| u64::from(x[0]) << 32 | u64::from(x[1]);
        assert_eq!(p.terms(), &[1, 4]);
        assert_eq!(p.term_concepts(), &[[1, 7], [4, 2]]);
        assert_eq!(p.concepts(), &[2, 7]);
        assert_eq!(p.words(), &[9, 1, 4]);
        assert_eq!(p.word_set(), &[1, 4, 9]);
        assert_eq!((p.bigrams(), p.trigrams()), (&[11][..], &[12, 13][..]));
        assert_eq!((p.content_bigrams(), p.word_trigrams()), (&[14][..], &[15][..]));
        assert!(p.fourgrams().is_empty());
        assert_eq!(p.word_pos(), &[[1, 1], [4, 2], [9, 0]]);
        assert_eq!(p.numbers().iter().map(join).collect::<Vec<_>>(), numbers);
        // Arrays of words, high word first, sort as the values they hold.
        assert!(p.numbers().is_sorted());
        let q = p.quantities();
        assert_eq!((q[0][0], join(&[q[0][1], q[0][2]])), (3, small));
        assert_eq!((q[1][0], join(&[q[1][1], q[1][2]])), (5, big));
        assert_eq!((p.entities(), p.names()), (&[20][..], &[21, 22][..]));
        assert_eq!(p.quotes().iter().map(join).collect::<Vec<_>>(), vec![u64::MAX - 1]);
        assert!(p.negated && p.days == 0b101);
        assert_eq!(p.wordnet(), &[30]);
        p.set_wordnet(&[31, 32]);
        assert_eq!(p.wordnet(), &[31, 32]);
        assert_eq!(p.quotes().len(), 1, "replacing the last field leaves the others");
        // No sentence vector until one is set; setting it, in either order with the WordNet
        // ids, keeps every other field.
        assert!(p.embedding().is_empty());
        p.set_embedding(&[0.6, -0.8]);
        assert_eq!(p.embedding(), &[0.6f32.to_bits(), (-0.8f32).to_bits()]);
        assert_eq!(p.wordnet(), &[31, 32]);
        p.set_wordnet(&[33]);
        p.set_embedding(&[1.0]);
        assert_eq!((p.embedding(), p.wordnet()), (&[1.0f32.to_bits()][..], &[33][..]));
        assert_eq!(p.quotes().iter().map(join).collect::<Vec<_>>(), vec![u64::MAX - 1]);
        assert_eq!(p.word_pos(), &[[1, 1], [4, 2], [9, 0]]);
    }

    /// The sentence vector lives in the packed slice, so a claim scored without embeddings
    /// carries no second allocation for it (16 bytes a claim, 16 MB at a million claims).
    #[test]
    #[cfg(target_pointer_width = "64")]
    fn prepared_claim_has_one_allocation() {
        assert_eq!(std::mem::size_of::<Prepared>(), 96);
    }

    /// The textbook dynamic programme, against which the bit-parallel pass is checked.
    fn lcs_table(a: &[u32], b: &[u32]) -> usize {
        let mut t = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for i in 0..a.len() {
            for j in 0..b.len() {
                t[i + 1][j + 1] =
                    if a[i] == b[j] { t[i][j] + 1 } else { t[i][j + 1].max(t[i + 1][j]) };
            }
        }
        t[a.len()][b.len()]
    }

    #[test]
    fn sequence_pass_matches_dynamic_programming() {
        assert_eq!(sequence(&words(&[1, 2, 3, 4]), &words(&[1, 3, 4, 5])).lcs, 3);
        assert_eq!(sequence(&words(&[]), &words(&[1, 2])).distance, 2);
        assert_eq!(sequence(&words(&[1, 2]), &words(&[])).distance, 2);
        // Pseudo-random sequences over small alphabets (many repeats), lengths up to 128.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = |k: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % k) as u32
        };
        for round in 0..300 {
            let (la, lb) = (next(129) as usize, next(129) as usize);
            let k = [2, 5, 30][round % 3];
            let a: Vec<u32> = (0..la).map(|_| next(k)).collect();
            let b: Vec<u32> = (0..lb).map(|_| next(k)).collect();
            let s = sequence(&words(&a), &words(&b));
            assert_eq!(s.lcs, lcs_table(&a, &b), "lcs of {a:?} {b:?}");
            assert_eq!(s.distance, strsim::generic_levenshtein(&a, &b), "distance of {a:?} {b:?}");
            let back = sequence(&words(&b), &words(&a));
            assert_eq!((back.lcs, back.distance), (s.lcs, s.distance));
            assert_eq!(back.fragmentation, s.fragmentation);
        }
    }

    /// `coverage_min` of two one-sentence claims, with WordNet on or off.
    #[cfg(feature = "wordnet")]
    fn coverage_min(a: &str, b: &str, wordnet: bool) -> f64 {
        let mut config = crate::align::AlignConfig::untrained();
        config.lexicon.wordnet = wordnet;
        let claims = [a, b].map(|t| Claim::new("s".into(), 0, 0, t));
        let f = crate::align::Scorer::new(&config, &claims).features(0, 1);
        f[FEATURES.iter().position(|n| *n == "coverage_min").unwrap()]
    }

    #[test]
    #[cfg(feature = "wordnet")]
    fn wordnet_synonyms_cover_terms() {
        // "reply" and "answer" are in no group of the news lexicon, but WordNet has them.
        let (a, b) = ("The ministry sent a reply", "The ministry sent an answer");
        let (with, without) = (coverage_min(a, b, true), coverage_min(a, b, false));
        assert!(with > without + 0.1, "{with} vs {without}");
        assert!(with < 1.0);
        // An unrelated word gains nothing.
        let c = "The ministry sent a volcano";
        assert_eq!(coverage_min(a, c, true), coverage_min(a, c, false));
        assert!(coverage_min(a, c, true) < with);
    }

    /// `term_evidence` is 0 in a configuration without term weights fitted from labels
    /// (hand-made, or fitted to graded pairs), and says what the weights say once fitted.
    #[test]
    fn term_evidence_follows_the_fitted_term_weights() {
        let at = FEATURES.iter().position(|n| *n == "term_evidence").unwrap();
        let claims = ["Rebels seized the northern airport", "Rebels seized the port"]
            .map(|t| Claim::new("s".into(), 0, 0, t));
        let mut config = crate::align::AlignConfig::untrained();
        assert_eq!(crate::align::Scorer::new(&config, &claims).features(0, 1)[at], 0.0);

        // Invented labelled pairs: "airport" is shared only by pairs asserting the same fact,
        // "troop" and "left" by every pair.
        let pairs: Vec<[Claim; 2]> = (0..12)
            .map(|i| {
                let b = if i % 2 == 0 { "Troops left the airport" } else { "Troops left the town" };
                [
                    Claim::new("a".into(), i, 0, "Troops left the airport"),
                    Claim::new("b".into(), i, 0, b),
                ]
            })
            .collect();
        config.statistics.fit_labels(pairs.iter().enumerate().map(|(i, p)| (p, i % 2 == 0)), 2.0);
        // "airport" in one claim only is evidence against the same fact; in both, for it.
        assert!(crate::align::Scorer::new(&config, &claims).features(0, 1)[at] < 0.0);
        let twice = [claims[0].clone(), claims[0].clone()];
        assert!(crate::align::Scorer::new(&config, &twice).features(0, 1)[at] > 0.0);
    }

    #[test]
    fn a_country_name_extends_to_its_derived_forms_only() {
        let mut interner = Interner::default();
        let mut related = |a: &str, b: &str| {
            let (t, u) = (interner.id(a), interner.id(b));
            let ctx = Context {
                idf: &[],
                idf_max: 1.0,
                rare_idf: 0.6,
                gate_idf: 0.6,
                strings: &interner.strings,
                stem_keys: &interner.stem_keys,
                wordnet: None,
                wordnet_ids: &[],
                llr: &[],
            };
            let (x, y) = (extends(t, u, &ctx), extends(u, t, &ctx));
            assert_eq!(x, y, "{a} / {b}: not symmetric");
            x
        };
        for (a, b) in [
            ("iraq", "iraqi"),
            ("zambian", "zambia"),
            ("ukrain", "ukrainian"),
            ("japan", "japanes"),
        ] {
            assert!(related(a, b), "{a} / {b}");
        }
        for (a, b) in [
            ("ashenval", "asherval"), // one letter changed: another name
            ("iraq", "iraq"),         // the same stem is not an extension
            ("war", "warn"),          // too short to say
            ("minist", "ministaik"),  // not a derived ending: another word
            ("mill", "millmor"),
            ("iraqi", "irani"), // same head and length, not an extension
        ] {
            assert!(!related(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn count_shared_counts_the_intersection() {
        assert_eq!(count_shared(&[1, 3, 5, 7], &[2, 3, 4, 7, 9]), 2);
        assert_eq!(count_shared::<u32>(&[], &[1]), 0);
    }

    proptest::proptest! {
        /// The blocked walk counts what the plain merge and a naive count do, over sets of many
        /// sizes and overlaps (small value ranges make blocks that end equal and sets inside one
        /// another; lengths not a multiple of four leave tails).
        #[test]
        fn blocked_count_shared_equals_the_merge(
            range in 1u32..80,
            a in proptest::collection::btree_set(0u32..80, 0..40),
            b in proptest::collection::btree_set(0u32..80, 0..40),
        ) {
            let a: Vec<u32> = a.into_iter().map(|x| x % range).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
            let b: Vec<u32> = b.into_iter().map(|x| x % range).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
            let naive = a.iter().filter(|x| b.contains(x)).count();
            proptest::prop_assert_eq!(count_shared(&a, &b), naive);
            proptest::prop_assert_eq!(count_shared(&b, &a), naive);
            proptest::prop_assert_eq!(count_shared_merge(&a, &b), naive);
        }
    }

    /// Sets that interleave without meeting, and a set against itself, through the blocked walk.
    #[test]
    fn blocked_count_shared_on_long_sets() {
        let evens: Vec<u32> = (0..100).map(|x| 2 * x).collect();
        let odds: Vec<u32> = (0..100).map(|x| 2 * x + 1).collect();
        assert_eq!(count_shared(&evens, &odds), 0);
        assert_eq!(count_shared(&evens, &evens), 100);
    }

    #[test]
    fn negation_words() {
        assert!(has_negation("He did not sign it"));
        assert!(has_negation("They didn't agree"));
        assert!(!has_negation("Notable signatures"));
    }

    #[test]
    fn quotes_from_text() {
        let claim =
            Claim::new("a".into(), 0, 0, "He called it \"a historic step forward\" on Monday.");
        assert_eq!(quotes_in(&claim).len(), 1);
        let bare = Claim::new("a".into(), 0, 0, "A lone \" mark.");
        assert!(quotes_in(&bare).is_empty());
    }
}
