//! Pair scoring: explainable features of two claims combined into a score in [0, 1].

use std::borrow::Cow;

use crate::par::*;
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
#[non_exhaustive]
pub struct Contribution {
    /// The feature's name (one of [`super::FEATURES`], or `intercept`). Borrowed from
    /// [`super::FEATURES`] when scored, so a breakdown allocates one vector, not a string per
    /// feature (a large run's report holds one per link).
    pub feature: Cow<'static, str>,
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
#[non_exhaustive]
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
    model: Cow<'a, Model>,
    prepared: Cow<'a, [Prepared]>,
    /// Where each claim's prepared form is, when it is not at the claim's own index (a scorer
    /// lent by a [`RunScorer`], whose claims are numbered in arrival order).
    order: Option<Vec<u32>>,
    idf: Cow<'a, [f64]>,
    idf_max: f64,
    strings: Cow<'a, [String]>,
    stem_keys: Cow<'a, [u64]>,
    wordnet: Option<&'static WordNet>,
    /// The WordNet id of every interned string ([`wordnet::NONE`] when it has none, or is no
    /// claim's content term).
    wordnet_ids: Cow<'a, [u32]>,
    /// The log-likelihood ratios of every interned string ([`super::TermStats::llr`]).
    llr: Cow<'a, [[f64; 2]]>,
}

/// What turns a feature vector into a score: weights, intercept, trees.
#[derive(Clone, Debug)]
pub(crate) struct Model {
    intercept: f64,
    weights: FeatureVector,
    trees: Compiled,
    rare_idf: f64,
    rare_gate: bool,
    /// `ln(cap' + 1)` of [`AlignConfig::rare_df_cap`] (`cap'` stepped as the counts are), once
    /// for all pairs; `None` without a cap.
    rare_cap_ln: Option<f64>,
}

impl Model {
    fn new(config: &AlignConfig) -> Model {
        Model {
            intercept: config.intercept,
            weights: config.weight_vector(),
            // A configuration is validated when loaded; one built in code with malformed trees
            // scores with the logistic model alone.
            trees: Compiled::new(&config.boost).unwrap_or_default(),
            rare_idf: config.rare_idf,
            rare_gate: config.rare_gate,
            rare_cap_ln: (config.rare_df_cap > 0)
                .then(|| (step_down(config.rare_df_cap as f64, config.idf_steps) + 1.0).ln()),
        }
    }

    fn context<'r>(&self, run: &RunData<'r>) -> Context<'r> {
        Context {
            idf: run.idf,
            idf_max: run.idf_max,
            rare_idf: self.rare_idf,
            gate_idf: self.gate_idf(run.idf_max),
            strings: run.strings,
            stem_keys: run.stem_keys,
            wordnet: run.wordnet,
            wordnet_ids: run.wordnet_ids,
            llr: run.llr,
        }
    }

    /// The normalised IDF a term needs to open the rare gate in a run whose largest IDF is
    /// `idf_max`: `rare_idf`, raised under [`AlignConfig::rare_df_cap`] to the IDF of a term
    /// held by `cap` documents. With `idf_max = ln(N' + 1) + 1` (`N'` the stepped documents),
    /// that IDF is `ln((N' + 1) / (cap' + 1)) + 1 = idf_max − ln(cap' + 1)`, `cap'` stepped as
    /// the counts are, so a term passes exactly when its stepped count is at most `cap'`.
    fn gate_idf(&self, idf_max: f64) -> f64 {
        let Some(cap_ln) = self.rare_cap_ln else { return self.rare_idf };
        // The IDF of a count at the cap, computed the other way round, may round a hair above
        // the threshold computed here; neighbouring counts differ by far more than the margin.
        self.rare_idf.max((idf_max - cap_ln) / idf_max - 1e-9)
    }

    fn features(&self, a: &Prepared, b: &Prepared, run: &RunData<'_>) -> FeatureVector {
        features::pair_features(a, b, &self.context(run))
    }

    /// Whether [`AlignConfig::rare_gate`] shuts the pair: the configuration asks for a shared
    /// rare term and the claims have none. Checked before the features, which it spares.
    fn shut(&self, a: &Prepared, b: &Prepared, run: &RunData<'_>) -> bool {
        self.rare_gate && !features::share_rare(a, b, &self.context(run))
    }

    /// The score of a pair: 0 when the rare gate shuts it, else its features combined.
    fn value(&self, a: &Prepared, b: &Prepared, run: &RunData<'_>) -> f64 {
        if self.shut(a, b, run) {
            return 0.0;
        }
        let f = self.features(a, b, run);
        self.combine(a, b, &f)
    }

    fn combine(&self, a: &Prepared, b: &Prepared, f: &FeatureVector) -> f64 {
        if a.terms().is_empty() || b.terms().is_empty() {
            return 0.0;
        }
        // Summed in feature order so that the value is bit-identical for (a, b) and (b, a).
        let z = f.iter().zip(&self.weights).fold(self.intercept, |z, (x, w)| z + x * w);
        if self.trees.is_empty() { sigmoid(z) } else { sigmoid(z + self.trees.eval(f)) }
    }
}

/// What the features read of the run besides the two claims.
struct RunData<'r> {
    idf: &'r [f64],
    idf_max: f64,
    strings: &'r [String],
    stem_keys: &'r [u64],
    wordnet: Option<&'static WordNet>,
    wordnet_ids: &'r [u32],
    llr: &'r [[f64; 2]],
}

/// The WordNet ids of `p`'s content terms, sorted (as [`Scorer::new`] sets [`Prepared::wordnet`]).
fn set_wordnet(p: &mut Prepared, wordnet_ids: &[u32]) {
    let mut ids: Vec<u32> = p
        .terms()
        .iter()
        .map(|&t| wordnet_ids[t as usize])
        .filter(|&id| id != wordnet::NONE)
        .collect();
    ids.sort_unstable();
    p.set_wordnet(&ids);
}

/// `x` rounded down to the grid `2^(k / steps)`; `x` itself when `steps` is 0 or `x < 1`.
///
/// Stepped statistics make a score depend on counts only through their step, so a run that
/// grows changes few scores (see [`AlignConfig::idf_steps`]). Deterministic: the same `x` and
/// `steps` always give the same value, which is all the exactness of a stream needs.
pub(crate) fn step_down(x: f64, steps: u32) -> f64 {
    if steps == 0 || x < 1.0 {
        return x;
    }
    let steps = f64::from(steps);
    let k = (x.log2() * steps).floor();
    let grid = (k / steps).exp2();
    // Guard against `log2` rounding a count just above a grid point to below it (or the
    // reverse): the grid value must not exceed `x`, and the next one must.
    if grid > x {
        ((k - 1.0) / steps).exp2()
    } else if ((k + 1.0) / steps).exp2() <= x {
        ((k + 1.0) / steps).exp2()
    } else {
        grid
    }
}

/// `idf = ln((N + 1) / (df + 1)) + 1` with both counts stepped.
fn idf_of(documents: f64, df: f64, steps: u32) -> f64 {
    ((step_down(documents, steps) + 1.0) / (step_down(df, steps) + 1.0)).ln() + 1.0
}

/// The largest IDF a run of `documents` documents can give.
fn idf_max_of(documents: f64, steps: u32) -> f64 {
    (step_down(documents, steps) + 1.0).ln() + 1.0
}

impl<'a> Scorer<'a> {
    /// Prepares `claims` for scoring under `config`.
    ///
    /// Term rarity (IDF) counts each claim as a document, added to the configuration's default
    /// document frequencies: `idf = ln((N + 1) / (df + 1)) + 1` with `N` and `df` summed over both
    /// (and each rounded down to a step when [`AlignConfig::idf_steps`] is set).
    pub fn new(config: &AlignConfig, claims: &'a [Claim]) -> Scorer<'a> {
        let user = user_lexicon(config);
        Scorer::build(config, claims, Cow::Owned(Model::new(config)), &user)
    }

    /// [`Scorer::new`] with the model and the user's lexicon made already.
    fn build(
        config: &AlignConfig,
        claims: &'a [Claim],
        model: Cow<'a, Model>,
        user: &CompiledLexicon,
    ) -> Scorer<'a> {
        let mut interner = Interner::default();
        let builtin = config.lexicon.builtin.then(CompiledLexicon::builtin);
        let mut prepared: Vec<Prepared> =
            features::prepare_all(claims, &mut interner, builtin, user);
        if let Some(e) = &config.embeddings {
            prepared
                .par_iter_mut()
                .zip(claims)
                .for_each(|(p, c)| p.set_embedding(&e.embed(&c.text)));
        }

        let mut run_df = vec![0u32; interner.strings.len()];
        for p in &prepared {
            for &t in p.terms() {
                run_df[t as usize] += 1;
            }
        }
        let steps = config.idf_steps;
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
                idf_of(documents, df, steps)
            })
            .collect();
        let wordnet = config.lexicon.wordnet.then(WordNet::get);
        let wordnet_ids: Vec<u32> = match wordnet {
            // Only content terms take part in WordNet matches.
            Some(wn) => interner
                .strings
                .iter()
                .zip(&run_df)
                .map(|(s, &run)| if run == 0 { wordnet::NONE } else { wn.id(s) })
                .collect(),
            None => vec![wordnet::NONE; interner.strings.len()],
        };
        if wordnet.is_some() {
            prepared.par_iter_mut().for_each(|p| set_wordnet(p, &wordnet_ids));
        }
        let llr: Vec<[f64; 2]> = if config.statistics.llr.is_empty() {
            vec![[0.0; 2]; interner.strings.len()]
        } else {
            interner
                .strings
                .iter()
                .zip(&run_df)
                .map(|(s, &run)| if run == 0 { [0.0; 2] } else { config.statistics.llr(s) })
                .collect()
        };
        Scorer {
            claims,
            model,
            prepared: Cow::Owned(prepared),
            order: None,
            idf: Cow::Owned(idf),
            idf_max: idf_max_of(documents, steps),
            strings: Cow::Owned(interner.strings),
            stem_keys: Cow::Owned(interner.stem_keys),
            wordnet,
            wordnet_ids: Cow::Owned(wordnet_ids),
            llr: Cow::Owned(llr),
        }
    }

    /// This scorer without its borrow of the claims ([`Scorer::claims`] is then empty): it owns
    /// what it prepared, so the claims can be moved while it scores them.
    pub(crate) fn detached(self) -> Scorer<'static> {
        Scorer {
            claims: &[],
            model: Cow::Owned(self.model.into_owned()),
            prepared: Cow::Owned(self.prepared.into_owned()),
            order: self.order,
            idf: Cow::Owned(self.idf.into_owned()),
            idf_max: self.idf_max,
            strings: Cow::Owned(self.strings.into_owned()),
            stem_keys: Cow::Owned(self.stem_keys.into_owned()),
            wordnet: self.wordnet,
            wordnet_ids: Cow::Owned(self.wordnet_ids.into_owned()),
            llr: Cow::Owned(self.llr.into_owned()),
        }
    }

    /// The claims this scorer was built on.
    pub fn claims(&self) -> &'a [Claim] {
        self.claims
    }

    /// The score of claims `a` and `b` (indices into the claims given to [`Scorer::new`]) with
    /// its breakdown. Symmetric: `score(a, b) == score(b, a)`. A claim without content terms
    /// scores 0 against anything, and so does a pair that [`AlignConfig::rare_gate`] shuts (the
    /// breakdown still gives what the features would have added).
    ///
    /// # Panics
    /// When `a` or `b` is out of range.
    pub fn score(&self, a: usize, b: usize) -> Score {
        let f = self.features(a, b);
        let model = &*self.model;
        let (tree_base, tree_parts) = model.trees.attribute(&f);
        let mut breakdown = Vec::with_capacity(FEATURES.len() + 1);
        breakdown.push(Contribution {
            feature: Cow::Borrowed("intercept"),
            value: 1.0,
            weight: model.intercept,
            part: model.intercept + tree_base,
        });
        for (((name, &value), &weight), &tree) in
            FEATURES.iter().zip(&f).zip(&model.weights).zip(&tree_parts)
        {
            breakdown.push(Contribution {
                feature: Cow::Borrowed(name),
                value,
                weight,
                part: value * weight + tree,
            });
        }
        let (pa, pb) = (self.prepared(a), self.prepared(b));
        let value = if self.shut(a, b) { 0.0 } else { model.combine(pa, pb, &f) };
        Score { value, breakdown }
    }

    /// The score of claims `a` and `b` without the breakdown: the same value as
    /// [`Scorer::score`], with no allocation.
    ///
    /// # Panics
    /// When `a` or `b` is out of range.
    pub fn score_value(&self, a: usize, b: usize) -> f64 {
        self.model.value(self.prepared(a), self.prepared(b), &self.run())
    }

    /// Whether [`AlignConfig::rare_gate`] shuts the pair of claims `a` and `b`: the
    /// configuration asks for a shared rare term and the two claims have none, so they score 0.
    ///
    /// # Panics
    /// When `a` or `b` is out of range.
    pub fn shut(&self, a: usize, b: usize) -> bool {
        self.model.shut(self.prepared(a), self.prepared(b), &self.run())
    }

    /// The raw feature values of a pair, in [`FEATURES`] order.
    ///
    /// # Panics
    /// When `a` or `b` is out of range.
    pub fn features(&self, a: usize, b: usize) -> FeatureVector {
        self.model.features(self.prepared(a), self.prepared(b), &self.run())
    }

    fn run(&self) -> RunData<'_> {
        RunData {
            idf: &self.idf,
            idf_max: self.idf_max,
            strings: &self.strings,
            stem_keys: &self.stem_keys,
            wordnet: self.wordnet,
            wordnet_ids: &self.wordnet_ids,
            llr: &self.llr,
        }
    }

    fn prepared(&self, i: usize) -> &Prepared {
        match &self.order {
            None => &self.prepared[i],
            Some(order) => &self.prepared[order[i] as usize],
        }
    }
}

/// The user's synonym groups of `config`, compiled.
fn user_lexicon(config: &AlignConfig) -> CompiledLexicon {
    CompiledLexicon::compile(
        config.lexicon.synonyms.iter().map(Vec::as_slice),
        CompiledLexicon::builtin_len(),
    )
}

/// Scores many small, independent runs under one configuration — typically one pair of claims
/// at a time, each scored on its own as `examples/pairs.rs` does — with what does not depend on
/// the claims (the weights, the compiled trees, the user's lexicon) made once instead of once
/// per [`Scorer::new`] (for `examples/pairs.rs`, which also extracts both sentences of each
/// line, about a tenth less CPU time).
///
/// ```
/// use corroborate::align::{AlignConfig, PairScorer, Scorer};
/// use corroborate::model::Claim;
///
/// let config = AlignConfig::default();
/// let pairs = PairScorer::new(&config);
/// let claims = [
///     Claim::new("a".into(), 0, 0, "Rebels seized the airport on Sunday."),
///     Claim::new("b".into(), 0, 0, "On Sunday the rebels captured the airport."),
/// ];
/// let value = pairs.scorer(&claims).score_value(0, 1);
/// assert_eq!(value, Scorer::new(&config, &claims).score_value(0, 1));
/// ```
#[derive(Debug)]
pub struct PairScorer<'c> {
    config: &'c AlignConfig,
    model: Model,
    user: CompiledLexicon,
}

impl<'c> PairScorer<'c> {
    /// Compiles what scoring under `config` needs whatever the claims.
    pub fn new(config: &'c AlignConfig) -> PairScorer<'c> {
        PairScorer { config, model: Model::new(config), user: user_lexicon(config) }
    }

    /// A [`Scorer`] over `claims` (a run of their own: term rarity from the configuration's
    /// statistics and these claims only), equal to `Scorer::new(config, claims)`.
    pub fn scorer<'a>(&'a self, claims: &'a [Claim]) -> Scorer<'a> {
        Scorer::build(self.config, claims, Cow::Borrowed(&self.model), &self.user)
    }
}

/// Which claims of a growing run score differently after an update of its statistics.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Changed {
    /// Every claim: the stepped number of documents moved, so every IDF did.
    All,
    /// The claims holding a term whose IDF moved, ascending.
    Claims(Vec<u32>),
}

/// The scoring state of a run that grows claim by claim: every claim prepared once, term counts
/// kept up to date, and IDF recomputed only for the terms whose counts moved.
///
/// Scores are those of a [`Scorer`] built over the same claims with the same configuration: the
/// IDF of a term is computed by the same formula from the same (stepped) counts. The claims are
/// numbered in arrival order; [`RunScorer::scorer`] lends a [`Scorer`] over them in any order.
#[derive(Debug)]
pub(crate) struct RunScorer {
    model: Model,
    steps: u32,
    statistics: super::stats::TermStats,
    builtin: bool,
    user: CompiledLexicon,
    interner: Interner,
    prepared: Vec<Prepared>,
    /// Per interned id: how many claims hold it as a content term, and which (ascending).
    run_df: Vec<u32>,
    holders: Vec<Vec<u32>>,
    idf: Vec<f64>,
    idf_max: f64,
    wordnet: Option<&'static WordNet>,
    /// Per interned id, as [`Scorer::new`] sets it: its WordNet id while some claim holds it as
    /// a content term, else [`wordnet::NONE`]. (Only a claim's own terms are looked up in its
    /// WordNet ids, so a string coming or going as a term elsewhere changes no other score.)
    wordnet_ids: Vec<u32>,
    /// Per interned id: its log-likelihood ratios in the configuration's statistics (fixed; only
    /// a claim's own terms are looked up in it).
    llr: Vec<[f64; 2]>,
    /// Terms whose counts moved since the last [`RunScorer::settle`].
    pending: Vec<u32>,
    /// [`AlignConfig::embeddings`].
    embeddings: Option<std::sync::Arc<super::Embeddings>>,
}

impl RunScorer {
    /// An empty run under `config`.
    pub(crate) fn new(config: &AlignConfig) -> RunScorer {
        let documents = config.statistics.documents as f64;
        RunScorer {
            model: Model::new(config),
            steps: config.idf_steps,
            statistics: config.statistics.clone(),
            builtin: config.lexicon.builtin,
            user: user_lexicon(config),
            interner: Interner::default(),
            prepared: Vec::new(),
            run_df: Vec::new(),
            holders: Vec::new(),
            idf: Vec::new(),
            idf_max: idf_max_of(documents, config.idf_steps),
            wordnet: config.lexicon.wordnet.then(WordNet::get),
            wordnet_ids: Vec::new(),
            llr: Vec::new(),
            pending: Vec::new(),
            embeddings: config.embeddings.clone(),
        }
    }

    fn prepare(&mut self, claim: &Claim) -> Prepared {
        let builtin = self.builtin.then(CompiledLexicon::builtin);
        let mut p = features::prepare(claim, &mut self.interner, builtin, &self.user);
        if let Some(e) = &self.embeddings {
            p.set_embedding(&e.embed(&claim.text));
        }
        let n = self.interner.strings.len();
        self.run_df.resize(n, 0);
        self.holders.resize(n, Vec::new());
        self.idf.resize(n, 0.0);
        self.wordnet_ids.resize(n, wordnet::NONE);
        for id in self.llr.len()..n {
            let llr = self.statistics.llr(&self.interner.strings[id]);
            self.llr.push(llr);
        }
        p
    }

    /// Counts term `t` once more (held by claim `i`).
    fn count(&mut self, t: u32, i: u32) {
        let tu = t as usize;
        self.run_df[tu] += 1;
        if self.run_df[tu] == 1
            && let Some(wn) = self.wordnet
        {
            self.wordnet_ids[tu] = wn.id(&self.interner.strings[tu]);
        }
        let h = &mut self.holders[tu];
        if let Err(at) = h.binary_search(&i) {
            h.insert(at, i);
        }
        self.pending.push(t);
    }

    /// Counts term `t` once less (no longer held by claim `i`).
    fn uncount(&mut self, t: u32, i: u32) {
        let tu = t as usize;
        self.run_df[tu] -= 1;
        if self.run_df[tu] == 0 {
            self.wordnet_ids[tu] = wordnet::NONE;
        }
        let h = &mut self.holders[tu];
        if let Ok(at) = h.binary_search(&i) {
            h.remove(at);
        }
        self.pending.push(t);
    }

    /// Adds a claim; it gets the next index. Its terms' IDF waits for [`RunScorer::settle`].
    pub(crate) fn push(&mut self, claim: &Claim) {
        let i = self.prepared.len() as u32;
        let mut p = self.prepare(claim);
        for &t in p.terms() {
            self.count(t, i);
        }
        if self.wordnet.is_some() {
            set_wordnet(&mut p, &self.wordnet_ids);
        }
        self.prepared.push(p);
    }

    /// Replaces claim `i` (its entities were resolved anew, say).
    pub(crate) fn replace(&mut self, i: usize, claim: &Claim) {
        let mut p = self.prepare(claim);
        let idx = i as u32;
        // New counts first, so that a term the claim keeps never passes through zero.
        for &t in p.terms() {
            self.count(t, idx);
        }
        let old = std::mem::take(&mut self.prepared[i]);
        for &t in old.terms() {
            self.uncount(t, idx);
        }
        // A term the claim keeps was counted twice and uncounted once; it must stay held by `i`.
        for &t in p.terms() {
            let h = &mut self.holders[t as usize];
            if let Err(at) = h.binary_search(&idx) {
                h.insert(at, idx);
            }
        }
        if self.wordnet.is_some() {
            set_wordnet(&mut p, &self.wordnet_ids);
        }
        self.prepared[i] = p;
    }

    /// Brings the IDF up to date with the counts and says which claims now score differently.
    pub(crate) fn settle(&mut self) -> Changed {
        let documents = self.statistics.documents as f64 + self.prepared.len() as f64;
        let idf_max = idf_max_of(documents, self.steps);
        let mut pending = std::mem::take(&mut self.pending);
        pending.sort_unstable();
        pending.dedup();
        if idf_max != self.idf_max {
            self.idf_max = idf_max;
            for t in 0..self.idf.len() {
                self.idf[t] = self.idf_now(t, documents);
            }
            return Changed::All;
        }
        let mut claims = Vec::new();
        for t in pending {
            let idf = self.idf_now(t as usize, documents);
            if idf != self.idf[t as usize] {
                self.idf[t as usize] = idf;
                claims.extend_from_slice(&self.holders[t as usize]);
            }
        }
        claims.sort_unstable();
        claims.dedup();
        Changed::Claims(claims)
    }

    /// The IDF term `t` has now, as [`Scorer::new`] computes it (0 for ids no claim holds as a
    /// content term).
    fn idf_now(&self, t: usize, documents: f64) -> f64 {
        let run = self.run_df[t];
        if run == 0 {
            return 0.0;
        }
        let df = f64::from(self.statistics.df(&self.interner.strings[t])) + f64::from(run);
        idf_of(documents, df, self.steps)
    }

    /// The score of claims `a` and `b` (arrival indices) under the statistics of the last
    /// [`RunScorer::settle`].
    pub(crate) fn score_value(&self, a: usize, b: usize) -> f64 {
        let (pa, pb) = (&self.prepared[a], &self.prepared[b]);
        let run = RunData {
            idf: &self.idf,
            idf_max: self.idf_max,
            strings: &self.interner.strings,
            stem_keys: &self.interner.stem_keys,
            wordnet: self.wordnet,
            wordnet_ids: &self.wordnet_ids,
            llr: &self.llr,
        };
        self.model.value(pa, pb, &run)
    }

    /// A [`Scorer`] whose claim `k` is claim `order[k]` of this run ([`Scorer::claims`] is
    /// empty).
    pub(crate) fn scorer(&self, order: Vec<u32>) -> Scorer<'_> {
        Scorer {
            claims: &[],
            model: Cow::Borrowed(&self.model),
            prepared: Cow::Borrowed(&self.prepared),
            order: Some(order),
            idf: Cow::Borrowed(&self.idf),
            idf_max: self.idf_max,
            strings: Cow::Borrowed(&self.interner.strings),
            stem_keys: Cow::Borrowed(&self.interner.stem_keys),
            wordnet: self.wordnet,
            wordnet_ids: Cow::Borrowed(&self.wordnet_ids),
            llr: Cow::Borrowed(&self.llr),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_scorer_scores_like_a_scorer_of_its_own() {
        let texts = [
            (
                "The jab rollout reached 40 percent of adults.",
                "Vaccination now covers 40% of adults.",
            ),
            ("Rebels seized the airport.", "The government retook the port."),
            ("The minister did not resign.", "The minister resigned on Friday."),
        ];
        let mut with_synonyms = AlignConfig::default();
        with_synonyms.add_synonyms(&["jab", "vaccination"]);
        for config in [AlignConfig::default(), AlignConfig::facts(), with_synonyms] {
            let pairs = PairScorer::new(&config);
            for (a, b) in texts {
                let claims = [Claim::new("x".into(), 0, 0, a), Claim::new("y".into(), 0, 0, b)];
                let own = Scorer::new(&config, &claims);
                let lent = pairs.scorer(&claims);
                assert_eq!(lent.score_value(0, 1), own.score_value(0, 1), "{a} / {b}");
                assert_eq!(lent.score(1, 0), own.score(1, 0));
            }
        }
    }

    /// A run of invented reports of one pattern, each about its own place ("Tarskaa", "Tarskab",
    /// …): the pattern's words are common in the run, the place names rare.
    fn pattern_run() -> Vec<Claim> {
        let mut claims: Vec<Claim> = (0..300)
            .map(|i| {
                let place = format!("Tarsk{}{}", (b'a' + (i / 26) as u8) as char, (b'a' + (i % 26) as u8) as char);
                let text = format!(
                    "Police arrested dozens of protesters after clashes outside the old depot in {place} on Sunday."
                );
                Claim::new(format!("s{}", i % 7).as_str().into(), i, 0, &text)
            })
            .collect();
        // Two reports whose only rare words are "Iraq" and "Iraqi".
        claims.push(Claim::new("x".into(), 0, 0, "Police arrested dozens of protesters in Iraq."));
        claims.push(Claim::new("y".into(), 0, 0, "Police arrested dozens of Iraqi protesters."));
        claims
    }

    #[test]
    fn the_rare_gate_shuts_pairs_that_share_only_common_wording() {
        let claims = pattern_run();
        let gated = AlignConfig::facts();
        assert!(gated.rare_gate);
        let mut open = gated.clone();
        open.set_rare_gate(false);
        let (with, without) = (Scorer::new(&gated, &claims), Scorer::new(&open, &claims));
        // Two reports about different places share every word but the place: without the gate
        // they link; with it they score 0, both ways round, and the breakdown is still given.
        assert!(without.score_value(0, 1) >= open.threshold, "{}", without.score_value(0, 1));
        assert_eq!(with.score_value(0, 1), 0.0);
        assert_eq!(with.score_value(1, 0), 0.0);
        assert!(with.shut(0, 1) && !without.shut(0, 1));
        assert_eq!(with.score(0, 1).value, 0.0);
        assert_eq!(with.score(0, 1).breakdown, without.score(0, 1).breakdown);
        // The same report twice shares its rare place: the gate lets it through untouched.
        let twice = [claims[0].clone(), claims[0].clone()];
        let (with2, without2) = (Scorer::new(&gated, &twice), Scorer::new(&open, &twice));
        assert!(with2.score_value(0, 1) > 0.0);
        assert_eq!(with2.score_value(0, 1), without2.score_value(0, 1));
        // "Iraq" and "Iraqi" are one rare term to the gate; the scores are the ungated ones.
        let (x, y) = (claims.len() - 2, claims.len() - 1);
        assert!(with.score_value(x, y) > 0.0);
        assert_eq!(with.score_value(x, y), without.score_value(x, y));
    }

    #[test]
    fn the_rare_df_cap_closes_the_gate_to_terms_many_claims_hold() {
        // Twelve reports of different events at one place: the place is their only rare term
        // (each event's own word is held by one claim), held by 12 claims of a small run, rare
        // by normalised IDF.
        let claims: Vec<Claim> = (0..12)
            .map(|i| {
                let own = format!("Velk{}{}", (b'a' + i as u8) as char, (b'a' + i as u8) as char);
                let text = format!(
                    "Police arrested dozens of protesters outside the {own} depot in Quarnholt."
                );
                Claim::new(format!("s{i}").as_str().into(), 0, 0, &text)
            })
            .collect();
        let mut config = AlignConfig::facts();
        let gate = |config: &AlignConfig| Scorer::new(config, &claims).shut(0, 1);
        config.set_rare_df_cap(0);
        assert!(!gate(&config), "the IDF rule alone calls the place rare");
        config.set_rare_df_cap(12);
        assert!(!gate(&config), "12 claims hold it: within a cap of 12");
        config.set_rare_df_cap(11);
        assert!(gate(&config), "12 claims hold it: over a cap of 11");
        // Blocking's bound under the same cap never falls below what the scorer admits.
        let bound = crate::align::block::BlockConfig::for_align(&config)
            .rare_gate
            .expect("facts() has the gate on")
            .max_df(claims.len());
        assert_eq!(bound, 11);
        // Stepped counts: the cap is read on the same grid as the counts, and the bound
        // allows for it.
        config.set_idf_steps(2).set_rare_df_cap(10);
        assert!(gate(&config), "12 steps down to 11.3, 10 to 8: over the cap");
        config.set_rare_df_cap(12);
        assert!(!gate(&config));
        let stepped = crate::align::block::BlockConfig::for_align(&config).rare_gate.unwrap();
        assert!(stepped.max_df(claims.len()) >= 12);
    }

    #[test]
    fn step_down_lands_on_the_grid_below() {
        assert_eq!(step_down(37.0, 0), 37.0);
        assert_eq!(step_down(0.5, 4), 0.5);
        for steps in [1, 2, 4, 8] {
            let mut previous = 0.0;
            for x in 1..5000 {
                let x = f64::from(x);
                let g = step_down(x, steps);
                assert!(
                    g <= x
                        && ((g.log2() * f64::from(steps)).round() / f64::from(steps)).exp2() == g
                );
                assert!(x < g * (1.0 / f64::from(steps)).exp2() * (1.0 + 1e-12), "{x} {g}");
                assert!(g >= previous, "monotone");
                previous = g;
            }
        }
        assert_eq!(step_down(1024.0, 4), 1024.0);
        assert_eq!(step_down(1023.0, 1), 512.0);
    }

    #[test]
    fn a_growing_run_with_embeddings_scores_like_a_scorer() {
        let texts = [
            "Rebels seized the airport on Sunday.",
            "The airport was captured by rebels.",
            "Rebels lost the airport on Sunday.",
        ];
        let claims: Vec<Claim> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Claim::new(format!("s{i}").as_str().into(), i, 0, *t))
            .collect();
        let words = ["rebels", "seized", "the", "airport", "on", "sunday", "was", "captured", "by"];
        let vectors: Vec<[f32; 3]> =
            (0..words.len()).map(|i| [1.0, (i % 3) as f32, (i % 2) as f32]).collect();
        let table: Vec<(&str, &[f32])> =
            words.iter().zip(&vectors).map(|(w, v)| (*w, v.as_slice())).collect();
        let embeddings = std::sync::Arc::new(crate::align::embed::tests::table(&table));
        let mut plain = AlignConfig::facts();
        plain.set_weight("embedding_cosine", 2.0).unwrap();
        let config = plain.clone().with_embeddings(embeddings).unwrap();
        let mut run = RunScorer::new(&config);
        for claim in &claims {
            run.push(claim);
        }
        run.settle();
        let full = Scorer::new(&config, &claims);
        let without = Scorer::new(&plain, &claims);
        // "lost" has no vector: the third claim's cosine with the first is below 1, not 0.
        assert!(full.features(0, 2)[38] > 0.5 && full.features(0, 2)[38] < 1.0);
        for a in 0..claims.len() {
            for b in 0..claims.len() {
                assert_eq!(run.score_value(a, b), full.score_value(a, b), "{a} {b}");
                if a != b {
                    assert!(full.features(a, b)[38] > 0.0);
                    assert_eq!(without.features(a, b)[38], 0.0);
                    assert!(full.score_value(a, b) > without.score_value(a, b), "{a} {b}");
                }
            }
        }
    }

    #[test]
    fn a_growing_run_scores_like_a_scorer_over_the_same_claims() {
        let texts = [
            "The central bank raised interest rates by half a point on Tuesday.",
            "On Tuesday the central bank lifted rates by 0.5 percentage points.",
            "Flooding closed the northern highway for a second day.",
            "The northern highway stayed closed by floods.",
            "The bank said inflation was easing.",
            "Rates rose by half a point, the bank said.",
        ];
        let claims: Vec<Claim> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Claim::new(format!("s{}", i % 3).as_str().into(), i, 0, *t))
            .collect();
        for steps in [0, 2] {
            let mut config = AlignConfig::facts();
            config.set_idf_steps(steps);
            let mut run = RunScorer::new(&config);
            for (n, claim) in claims.iter().enumerate() {
                run.push(claim);
                run.settle();
                let full = Scorer::new(&config, &claims[..=n]);
                let order: Vec<u32> = (0..=n as u32).rev().collect();
                let lent = run.scorer(order);
                for a in 0..=n {
                    for b in 0..=n {
                        assert_eq!(
                            run.score_value(a, b),
                            full.score_value(a, b),
                            "{steps} {a} {b}"
                        );
                        assert_eq!(lent.score_value(n - a, n - b), full.score_value(a, b));
                    }
                }
            }
            // A claim replaced (words gone and new, some kept) scores as in a fresh scorer, to
            // the last bits (the fresh one numbers strings in another order).
            let mut changed = claims.clone();
            changed[1] = Claim::new("s1".into(), 1, 0, "The central bank lifted borrowing costs.");
            run.replace(1, &changed[1]);
            run.settle();
            let full = Scorer::new(&config, &changed);
            for a in 0..changed.len() {
                for b in 0..changed.len() {
                    let gap = (run.score_value(a, b) - full.score_value(a, b)).abs();
                    assert!(gap < 1e-12, "{steps} {a} {b}: {gap}");
                }
            }
        }
    }
}
