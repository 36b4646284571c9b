//! Streams: a run that grows source by source reports the facts and differences of a full run
//! over the same sources, on generated corpora added in shuffled orders.

use corroborate::model::{SourceId, SourceMeta};
use corroborate::synth::{SynthConfig, SynthCorpus};
use corroborate::{Config, Error, Reconciler, Source, Stream};

fn config(steps: u32) -> Config {
    let mut config = Config::default();
    config.align.set_idf_steps(steps);
    config
}

/// `items` shuffled by a small deterministic generator (xorshift) seeded with `seed`.
fn shuffled<T: Clone>(items: &[T], seed: u64) -> Vec<T> {
    let mut out = items.to_vec();
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    for i in (1..out.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        out.swap(i, (state % (i as u64 + 1)) as usize);
    }
    out
}

/// Asserts that `stream` reports what a full run over `added` (in that order) reports.
fn assert_same_as_full_run(stream: &Stream, added: &[Source], config: &Config, what: &str) {
    let mut reconciler = Reconciler::new(config.clone());
    for source in added {
        reconciler.add_source(source).unwrap();
    }
    let full = reconciler.reconcile();
    let streamed = stream.reconcile();
    assert_eq!(streamed.claims, full.claims, "{what}: claims");
    assert_eq!(streamed.facts, full.facts, "{what}: facts");
    assert_eq!(streamed.differences, full.differences, "{what}: differences");
    assert_eq!(streamed.graph().edge_count(), full.graph().edge_count(), "{what}: links");
    for (a, b, edge) in full.graph().edges() {
        let mine = streamed.graph().edge(a, b).unwrap_or_else(|| panic!("{what}: {a} ~ {b}"));
        assert_eq!(mine.kind, edge.kind, "{what}: {a} ~ {b}");
        // The stream numbers strings in arrival order, so IDF sums run in another order: the
        // scores agree to the last bits, not always in them.
        let gap = (mine.score.value - edge.score.value).abs();
        assert!(gap < 1e-12, "{what}: {a} ~ {b}: {} {}", mine.score.value, edge.score.value);
    }
}

/// Adds `sources` one by one, comparing with a full run every `every` additions and at the end.
fn stream_and_compare(sources: &[Source], config: &Config, every: usize, what: &str) -> Stream {
    let mut stream = Stream::new(config.clone());
    for (k, source) in sources.iter().enumerate() {
        let stats = stream.add_source(source).unwrap();
        assert_eq!(stats.claims_total, stream.n_claims());
        if (k + 1) % every == 0 || k + 1 == sources.len() {
            assert_same_as_full_run(&stream, &sources[..=k], config, &format!("{what}, {k}"));
        }
    }
    stream
}

#[test]
fn a_stream_reports_the_facts_of_a_full_run_on_generated_corpora() {
    for (claims, n_sources, seed) in [(160, 8, 1), (240, 12, 7), (320, 10, 23)] {
        let corpus = SynthCorpus::generate(&SynthConfig::new(claims, n_sources).with_seed(seed));
        let sources = shuffled(&corpus.sources(), seed);
        let what = format!("{claims} claims, {n_sources} sources, seed {seed}");
        let stream = stream_and_compare(&sources, &config(4), 3, &what);
        let report = stream.reconcile();
        // The corpus tells facts in several sources: the comparison is not between empty reports.
        assert!(report.facts.iter().any(|f| f.sources.len() >= 2), "{what}");
        assert!(stream.n_links() > 0, "{what}");
    }
}

#[test]
fn the_order_sources_arrive_in_does_not_change_the_facts() {
    let corpus = SynthCorpus::generate(&SynthConfig::new(200, 8).with_seed(5));
    let mut reports = Vec::new();
    for order in [2, 3] {
        let sources = shuffled(&corpus.sources(), order);
        let stream = stream_and_compare(&sources, &config(4), 4, &format!("order {order}"));
        reports.push(stream.reconcile());
    }
    assert_eq!(reports[0].facts, reports[1].facts);
    assert_eq!(reports[0].differences, reports[1].differences);
}

#[test]
fn exact_counts_rescore_the_whole_run_and_steps_do_not() {
    let corpus = SynthCorpus::generate(&SynthConfig::new(240, 40).with_seed(3));
    let sources = corpus.sources();
    // Exact counts: every source with claims moves N, so every addition re-scores everything,
    // and the result is still that of a full run.
    let mut exact = Stream::new(config(0));
    let mut exact_pairs = 0;
    for source in &sources {
        let stats = exact.add_source(source).unwrap();
        assert!(stats.full || stats.claims_added == 0, "{stats:?}");
        exact_pairs += stats.pairs_scored;
    }
    assert_same_as_full_run(&exact, &sources, &config(0), "exact counts");
    // Stepped counts: an addition scores the new claims and the claims whose term steps moved;
    // the whole run only when the number of claims moves a step.
    let mut stepped = Stream::new(config(4));
    let (mut stepped_pairs, mut partial, mut rescored, mut older) = (0, 0, 0, 0);
    for source in &sources {
        let before = stepped.n_claims();
        let stats = stepped.add_source(source).unwrap();
        stepped_pairs += stats.pairs_scored;
        if !stats.full && before > 0 {
            partial += 1;
            rescored += stats.claims_rescored;
            older += before;
        }
    }
    eprintln!(
        "pairs scored: {exact_pairs} exact, {stepped_pairs} stepped; {partial} partial additions \
         re-scored {rescored} of {older} older claims"
    );
    assert!(partial >= sources.len() / 2, "{partial} of {} additions were partial", sources.len());
    // In a run this small most terms are rare, and a rare term's every new occurrence is a step:
    // the saving grows with the run (see examples/stream.rs for 10k and 100k claims).
    assert!(rescored * 4 < older * 3, "{rescored} of {older}");
    assert!(stepped_pairs * 5 < exact_pairs * 4, "{stepped_pairs} against {exact_pairs}");
    assert_same_as_full_run(&stepped, &sources, &config(4), "stepped counts");
}

#[test]
fn renamed_entities_are_rescored_only_when_the_renaming_is_not_one_to_one() {
    let texts = [
        ("a", "Petrova said the harbour would reopen on Monday. Storms closed the port of Varna."),
        (
            "b",
            "Harbour master Elena Petrova said the port would reopen on Monday after the storms.",
        ),
        ("c", "Anna Petrova, a fisherman's wife, said boats stayed in the port of Varna."),
        ("d", "The port of Varna was closed by storms on Saturday, officials said."),
    ];
    let sources: Vec<Source> = texts.iter().map(|(id, t)| Source::new(*id, *t).unwrap()).collect();
    let config = config(4);
    let mut stream = Stream::new(config.clone());
    let mut stats = Vec::new();
    for (k, source) in sources.iter().enumerate() {
        stats.push(stream.add_source(source).unwrap());
        assert_same_as_full_run(&stream, &sources[..=k], &config, &format!("after {k}"));
    }
    let speaker = |stream: &Stream| {
        let report = stream.reconcile();
        report.claims[0].entities.iter().map(|e| e.canonical.clone()).collect::<Vec<_>>()
    };
    // After b, "Petrova" in a is Elena Petrova: a one-to-one renaming, no score moves.
    let mut two = Stream::new(config.clone());
    two.add_source(&sources[0]).unwrap();
    let renamed = two.add_source(&sources[1]).unwrap();
    assert!(speaker(&two).contains(&"Elena Petrova".to_string()), "{:?}", speaker(&two));
    assert!(renamed.claims_renamed >= 1, "{renamed:?}");
    // After c, two full names share "Petrova": a's mention stands alone again while b keeps
    // "Elena Petrova", which is no renaming, so a's claims are scored again.
    assert!(!speaker(&stream).contains(&"Elena Petrova".to_string()), "{:?}", speaker(&stream));
    assert!(stats[2].claims_renamed >= 1 && stats[2].claims_rescored >= 1, "{:?}", stats[2]);
}

#[test]
fn a_bad_source_is_an_error_for_that_call_and_the_stream_goes_on() {
    let corpus = SynthCorpus::generate(&SynthConfig::new(60, 4).with_seed(9));
    let sources = corpus.sources();
    let config = config(4);
    let mut stream = Stream::new(config.clone());
    stream.add_source(&sources[0]).unwrap();
    assert!(matches!(
        stream.add_claims(SourceId::new("empty"), SourceMeta::default(), Vec::new()),
        Err(Error::EmptySource { ref source_id }) if source_id == "empty"
    ));
    assert!(matches!(stream.add_source(&sources[0]), Err(Error::DuplicateSource(_))));
    assert_eq!(stream.n_sources(), 1);
    for source in &sources[1..] {
        stream.add_source(source).unwrap();
    }
    assert_same_as_full_run(&stream, &sources, &config, "after errors");
}

#[test]
fn a_batch_start_and_single_additions_give_the_full_run() {
    let corpus = SynthCorpus::generate(&SynthConfig::new(200, 10).with_seed(11));
    let sources = corpus.sources();
    let config = config(4);
    let mut stream = Stream::new(config.clone());
    assert!(stream.add_sources(&sources[..7]).iter().all(Result::is_ok));
    for source in &sources[7..] {
        stream.add_source(source).unwrap();
    }
    assert_same_as_full_run(&stream, &sources, &config, "batch then singles");
}
