//! Alignment over generated multi-source claim sets: all-pairs scoring (`align/all_pairs/*`) and
//! the whole report build — alignment, fact grouping, differences, graph (`align/build/*`).
//!
//! Run: `cargo bench --bench align`. Throughput is in candidate pairs scored per second.

use std::hint::black_box;

use corroborate::align::{self, AlignConfig, candidates};
use corroborate::extract::content_terms;
use corroborate::reconcile::diff::DiffConfig;
use corroborate::reconcile::graph::GroupConfig;
use corroborate::reconcile::report::Reconciliation;
use corroborate::{Claim, SourceId};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const SUBJECTS: &[&str] = &[
    "the council",
    "port workers",
    "the health ministry",
    "local farmers",
    "the regional airline",
    "hospital staff",
    "the mayor",
    "rail unions",
    "the central bank",
    "teachers",
    "the coast guard",
    "energy regulators",
    "the army",
    "opposition leaders",
    "the school board",
    "fishermen",
];
const VERBS: &[&str] = &[
    "approved",
    "rejected",
    "announced",
    "delayed",
    "criticised",
    "welcomed",
    "proposed",
    "suspended",
    "investigated",
    "funded",
    "blocked",
    "reviewed",
];
const OBJECTS: &[&str] = &[
    "a housing budget",
    "the pay offer",
    "bridge repairs",
    "a diesel tax",
    "the rail timetable",
    "a water plan",
    "the hospital merger",
    "a fishing quota",
    "the airport expansion",
    "emergency loans",
    "a curfew",
    "flood defences",
    "the pension reform",
    "a ferry contract",
];
const PLACES: &[&str] = &[
    "in Varnhold",
    "in Kessmark",
    "in Osterholm",
    "near the border",
    "in the capital",
    "on the coast",
    "in the north",
    "across the region",
];
const TAILS: &[&str] = &[
    "on Monday",
    "after a long debate",
    "despite protests",
    "by a narrow vote",
    "for 30 days",
    "without consulting residents",
    "amid growing anger",
    "at an emergency meeting",
];

/// A xorshift generator: the same claims on every run, without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// `n` claims from `sources` sources: events told by about three sources each, each telling with
/// its own place or tail, plus as many claims only one source gives.
fn generate(n: usize, sources: usize) -> Vec<Claim> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut per_source: Vec<Vec<String>> = vec![Vec::new(); sources];
    let mut made = 0;
    while made < n {
        let event = format!(
            "{} {} {} {}",
            rng.pick(SUBJECTS),
            rng.pick(VERBS),
            rng.pick(OBJECTS),
            rng.pick(PLACES)
        );
        let tellers = if rng.next().is_multiple_of(2) { 1 } else { 2 + (rng.next() % 3) as usize };
        for _ in 0..tellers.min(n - made) {
            let s = (rng.next() % sources as u64) as usize;
            per_source[s].push(format!("{event} {}.", rng.pick(TAILS)));
            made += 1;
        }
    }
    let mut claims = Vec::with_capacity(n);
    for (s, texts) in per_source.into_iter().enumerate() {
        let source = SourceId::new(format!("s{s:02}"));
        for (i, text) in texts.into_iter().enumerate() {
            let mut claim = Claim::new(source.clone(), i, i * 200, text);
            claim.terms = content_terms(&claim.text);
            claims.push(claim);
        }
    }
    claims
}

fn bench_align(c: &mut Criterion) {
    // The configuration `reconcile` uses.
    let config = corroborate::Config::default().align;
    let mut group = c.benchmark_group("align");
    for (name, n, samples) in [("1k", 1_000, 20), ("10k", 10_000, 10)] {
        let claims = generate(n, 10);
        group.sample_size(samples);
        group.throughput(Throughput::Elements(candidates::count_all_pairs(&claims) as u64));
        // The expected answers are computed inside each function, so that a filtered-out
        // benchmark costs nothing.
        group.bench_function(format!("all_pairs/{name}"), |b| {
            let expected = align::align(&claims, &config).len();
            b.iter(|| {
                let links = align::align(black_box(&claims), &config);
                assert_eq!(links.len(), expected);
                links
            })
        });
        group.bench_function(format!("build/{name}"), |b| {
            let facts = build(&claims, &config).facts.len();
            b.iter(|| {
                let report = build(black_box(&claims), &config);
                assert_eq!(report.facts.len(), facts);
                report
            })
        });
    }
    group.finish();
}

fn build(claims: &[Claim], config: &AlignConfig) -> Reconciliation {
    Reconciliation::build(
        Vec::new(),
        claims.to_vec(),
        Vec::new(),
        config,
        &DiffConfig::default(),
        &GroupConfig::default(),
    )
}

criterion_group!(benches, bench_align);
criterion_main!(benches);
