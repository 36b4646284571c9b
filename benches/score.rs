//! The pair scorer on generated claims: preparing a run (`score/prepare/*`), scoring prepared
//! pairs with and without the breakdown (`score/value/*`, `score/breakdown/*`), and one pair
//! from raw sentences as `examples/pairs.rs` does it (`score/sentence_pair`); the same preparing
//! and scoring with a static embedding table attached (`score/embeddings/*`: a generated table of
//! 30,000 tokens × 64, the size of potion-base-2M).
//!
//! Run: `cargo bench --bench score`. Throughput is in claims or pairs per second.

use std::hint::black_box;

use std::sync::Arc;

use corroborate::align::{AlignConfig, Embeddings, Scorer};
use corroborate::extract::claim_from_sentence;
use corroborate::{Claim, SourceId};
use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main};

const WHO: &[&str] = &[
    "The harbour authority",
    "Striking nurses",
    "The finance minister",
    "Two hikers",
    "The city council",
    "Rescue teams",
    "The airline",
    "Opposition lawmakers",
    "Local fishermen",
    "The school board",
];
const DID: &[&str] = &[
    "approved",
    "rejected",
    "postponed",
    "announced",
    "criticised",
    "welcomed",
    "suspended",
    "investigated",
    "proposed",
    "cancelled",
];
const WHAT: &[&str] = &[
    "a 12 percent pay rise",
    "the new ferry timetable",
    "a truce with the rebels",
    "talks on the budget",
    "a ban on night flights",
    "the 40 million euro bridge repair",
    "an inquiry into the fire",
    "the merger of two hospitals",
    "a curfew in the old town",
    "emergency loans for farmers",
];
const WHEN: &[&str] = &[
    "on Tuesday",
    "after a long debate",
    "despite protests",
    "for 30 days",
    "late last week",
    "without consulting residents",
    "amid growing anger",
    "by a narrow margin",
];

/// `n` claims from `sources` sources, built deterministically from the word lists.
fn claims(n: usize, sources: usize) -> Vec<Claim> {
    (0..n)
        .map(|i| {
            let k = i.wrapping_mul(2_654_435_761) >> 3;
            let text = format!(
                "{} {} {} {}.",
                WHO[k % WHO.len()],
                DID[(k / 7) % DID.len()],
                WHAT[(k / 61) % WHAT.len()],
                WHEN[(k / 577) % WHEN.len()]
            );
            claim_from_sentence(
                SourceId::new(format!("s{}", i % sources)),
                i / sources,
                &text,
                None,
            )
        })
        .collect()
}

/// A table holding every word of the generator and filler tokens up to 30,000, 64 values each,
/// generated deterministically.
fn table() -> Embeddings {
    let mut tokens: Vec<String> = [WHO, DID, WHAT, WHEN]
        .concat()
        .iter()
        .flat_map(|phrase| phrase.split(' '))
        .map(str::to_lowercase)
        .chain([".".to_string()])
        .collect();
    tokens.sort();
    tokens.dedup();
    let words = tokens.len();
    tokens.extend((words..30_000).map(|i| format!("filler{i}")));
    let values = (0..tokens.len() * 64)
        .map(|i| ((i.wrapping_mul(2_654_435_761) >> 7) % 2001) as f32 / 1000.0 - 1.0)
        .collect();
    Embeddings::from_parts(tokens, 64, values, true).expect("a consistent table")
}

/// `{prefix}prepare/1k` and `{prefix}value/100k` under `config`; the scorer over `run`.
fn prepare_and_value<'r>(
    group: &mut BenchmarkGroup<'_, WallTime>,
    prefix: &str,
    config: &AlignConfig,
    run: &'r [Claim],
    pairs: &[(usize, usize)],
) -> Scorer<'r> {
    group.throughput(Throughput::Elements(run.len() as u64));
    group.bench_function(format!("{prefix}prepare/1k"), |b| {
        b.iter(|| {
            let scorer = Scorer::new(config, black_box(run));
            assert_eq!(scorer.claims().len(), 1000);
        })
    });
    let scorer = Scorer::new(config, run);
    group.throughput(Throughput::Elements(pairs.len() as u64));
    group.bench_function(format!("{prefix}value/100k"), |b| {
        b.iter(|| {
            let total: f64 = pairs.iter().map(|&(x, y)| scorer.score_value(x, y)).sum();
            assert!(total > 0.0 && total < pairs.len() as f64);
            total
        })
    });
    scorer
}

fn bench(c: &mut Criterion) {
    let config = AlignConfig::default();
    let run = claims(1000, 4);
    let mut group = c.benchmark_group("score");

    let pairs: Vec<(usize, usize)> = (0..100_000).map(|i| (i % 1000, (i * 7 + 1) % 1000)).collect();
    let scorer = prepare_and_value(&mut group, "", &config, &run, &pairs);
    let few = &pairs[..10_000];
    group.throughput(Throughput::Elements(few.len() as u64));
    group.bench_function("breakdown/10k", |b| {
        b.iter(|| {
            let n = few.iter().filter(|&&(x, y)| scorer.score(x, y).breakdown.len() > 1).count();
            assert_eq!(n, few.len());
        })
    });

    let (a, bs) = (
        "Rescue teams suspended the search for two hikers on Tuesday.",
        "The search for the two hikers was halted by rescue teams on Tuesday.",
    );
    group.throughput(Throughput::Elements(1));
    group.bench_function("sentence_pair", |b| {
        b.iter(|| {
            let pair = [
                claim_from_sentence(SourceId::new("a"), 0, black_box(a), None),
                claim_from_sentence(SourceId::new("b"), 0, black_box(bs), None),
            ];
            let v = Scorer::new(&config, &pair).score_value(0, 1);
            assert!(v > config.threshold);
            v
        })
    });

    let mut with = config.clone().with_embeddings(Arc::new(table())).expect("unfitted table");
    with.set_weight("embedding_cosine", 1.0).expect("a known feature");
    let scorer = prepare_and_value(&mut group, "embeddings/", &with, &run, &pairs);
    assert!(pairs.iter().all(|&(x, y)| scorer.features(x, y)[38] != 0.0));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
