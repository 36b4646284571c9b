//! Pair scoring: explainable features of two claims combined into a score in [0, 1].

use serde::{Deserialize, Serialize};

use crate::model::Claim;

use super::boost::Compiled;
use super::config::AlignConfig;
use super::features::{self, Context, FEATURES, FeatureVector, Interner, Prepared};
use super::learn::sigmoid;
use super::lexicon::CompiledLexicon;
use super::wordnet::{self, WordNet};

/// What one feature gave to a score.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Contribution {
    /// The feature's name (one of [`super::FEATURES`], or `intercept`).
    pub feature: String,
    /// The feature's raw value.
    pub value: f64,
    /// Its weight in the configuration.
    pub weight: f64,
    /// What it added to the logit: `value × weight`, plus what the configuration's boosted trees
    /// attribute to this feature (each tree's output split along its path by the features
    /// tested; the trees' average output goes to the `intercept`).
    pub part: f64,
}

/// A pair's score and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Score {
    /// The combined score in [0, 1].
    pub value: f64,
    /// Each feature's part, in [`super::FEATURES`] order after the `intercept`.
    pub breakdown: Vec<Contribution>,
}

/// Scores pairs of claims of one run; prepares every claim once.
///
/// **Complexity**: [`Scorer::new`] is linear in the total text of the claims; a pair costs
/// O(t log t + w²) for t terms and w words (at most 128 words of a claim are compared by word
/// sequence).
#[derive(Debug)]
pub struct Scorer<'a> {
    claims: &'a [Claim],
    intercept: f64,
    weights: FeatureVector,
    trees: Compiled,
    prepared: Vec<Prepared>,
    idf: Vec<f64>,
    idf_max: f64,
    rare_idf: f64,
    strings: Vec<String>,
    wordnet: Option<&'static WordNet>,
    /// The WordNet id of every interned string ([`wordnet::NONE`] when it has none).
    wordnet_ids: Vec<u32>,
}

impl<'a> Scorer<'a> {
    /// Prepares `claims` for scoring under `config`.
    ///
    /// Term rarity (IDF) counts each claim as a document, added to the configuration's default
    /// document frequencies: `idf = ln((N + 1) / (df + 1)) + 1` with `N` and `df` summed over both.
    ///
    /// When the configuration's lexicon uses WordNet (`lexicon.wordnet`, the default), the first
    /// scorer of the process decompresses and parses the embedded WordNet synonyms (about 0.2 s,
    /// once; the graph takes about 1.2 MB).
    pub fn new(config: &AlignConfig, claims: &'a [Claim]) -> Scorer<'a> {
        let mut interner = Interner::default();
        let builtin = config.lexicon.builtin.then(CompiledLexicon::builtin);
        let user = CompiledLexicon::compile(
            config.lexicon.synonyms.iter().map(Vec::as_slice),
            CompiledLexicon::builtin_len(),
        );
        let mut prepared: Vec<Prepared> =
            claims.iter().map(|c| features::prepare(c, &mut interner, builtin, &user)).collect();

        let mut run_df = vec![0u32; interner.strings.len()];
        for p in &prepared {
            for &t in &p.terms {
                run_df[t as usize] += 1;
            }
        }
        let documents = config.statistics.documents as f64 + claims.len() as f64;
        // Only content terms need an IDF (run_df > 0 marks them); other interned strings (stop
        // words, entity and unit keys) skip the lookup in the statistics.
        let idf: Vec<f64> = interner
            .strings
            .iter()
            .zip(&run_df)
            .map(|(s, &run)| {
                if run == 0 {
                    return 0.0;
                }
                let df = f64::from(config.statistics.df(s)) + f64::from(run);
                ((documents + 1.0) / (df + 1.0)).ln() + 1.0
            })
            .collect();
        let idf_max = (documents + 1.0).ln() + 1.0;
        let wordnet = config.lexicon.wordnet.then(WordNet::get);
        let wordnet_ids = match wordnet {
            // Only content terms take part in WordNet matches.
            Some(wn) => interner
                .strings
                .iter()
                .zip(&run_df)
                .map(|(s, &run)| if run == 0 { wordnet::NONE } else { wn.id(s) })
                .collect(),
            None => vec![wordnet::NONE; interner.strings.len()],
        };
        for p in prepared.iter_mut().filter(|_| wordnet.is_some()) {
            p.wordnet = p
                .terms
                .iter()
                .map(|&t| wordnet_ids[t as usize])
                .filter(|&id| id != wordnet::NONE)
                .collect();
            p.wordnet.sort_unstable();
            p.wordnet.shrink_to_fit();
        }
        Scorer {
            claims,
            intercept: config.intercept,
            weights: config.weight_vector(),
            // A configuration is validated when loaded; one built in code with malformed trees
            // scores with the logistic model alone.
            trees: Compiled::new(&config.boost).unwrap_or_default(),
            prepared,
            idf,
            idf_max,
            rare_idf: config.rare_idf,
            strings: interner.strings,
            wordnet,
            wordnet_ids,
        }
    }

    /// The claims this scorer was built on.
    pub fn claims(&self) -> &'a [Claim] {
        self.claims
    }

    /// The score of claims `a` and `b` (indices into the claims given to [`Scorer::new`]) with
    /// its breakdown. Symmetric: `score(a, b) == score(b, a)`. A claim without content terms
    /// scores 0 against anything.
    ///
    /// # Panics
    /// When `a` or `b` is out of range.
    pub fn score(&self, a: usize, b: usize) -> Score {
        let f = self.features(a, b);
        let (tree_base, tree_parts) = self.trees.attribute(&f);
        let mut breakdown = Vec::with_capacity(FEATURES.len() + 1);
        breakdown.push(Contribution {
            feature: "intercept".into(),
            value: 1.0,
            weight: self.intercept,
            part: self.intercept + tree_base,
        });
        for (((name, &value), &weight), &tree) in
            FEATURES.iter().zip(&f).zip(&self.weights).zip(&tree_parts)
        {
            breakdown.push(Contribution {
                feature: (*name).into(),
                value,
                weight,
                part: value * weight + tree,
            });
        }
        Score { value: self.combine(a, b, &f), breakdown }
    }

    /// The score of claims `a` and `b` without the breakdown: the same value as
    /// [`Scorer::score`], with no allocation.
    ///
    /// # Panics
    /// When `a` or `b` is out of range.
    pub fn score_value(&self, a: usize, b: usize) -> f64 {
        let f = self.features(a, b);
        self.combine(a, b, &f)
    }

    /// The raw feature values of a pair, in [`FEATURES`] order.
    ///
    /// # Panics
    /// When `a` or `b` is out of range.
    pub fn features(&self, a: usize, b: usize) -> FeatureVector {
        let ctx = Context {
            idf: &self.idf,
            idf_max: self.idf_max,
            rare_idf: self.rare_idf,
            strings: &self.strings,
            wordnet: self.wordnet,
            wordnet_ids: &self.wordnet_ids,
        };
        features::pair_features(&self.prepared[a], &self.prepared[b], &ctx)
    }

    fn combine(&self, a: usize, b: usize, f: &FeatureVector) -> f64 {
        if self.prepared[a].terms.is_empty() || self.prepared[b].terms.is_empty() {
            return 0.0;
        }
        // Summed in feature order so that the value is bit-identical for (a, b) and (b, a).
        let z = f.iter().zip(&self.weights).fold(self.intercept, |z, (x, w)| z + x * w);
        if self.trees.is_empty() { sigmoid(z) } else { sigmoid(z + self.trees.eval(f)) }
    }
}
