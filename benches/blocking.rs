//! Blocked alignment over generated multi-source corpora (`corroborate::synth`):
//! `align/blocked/{1k,10k,100k}` (candidate generation and scoring), `block/candidates/*`
//! (candidate generation alone) and `align/all_pairs_synth/1k` (the same corpus scored
//! all-pairs, for the ratio). `benches/align.rs` has `align/all_pairs/*` on its own corpus.
//!
//! Run: `cargo bench --bench blocking`. Throughput is in claims per second.

use std::hint::black_box;

use corroborate::align::block::{BlockConfig, align_blocked, candidates};
use corroborate::align::{AlignConfig, align};
use corroborate::synth::{SynthConfig, SynthCorpus};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn bench_blocking(c: &mut Criterion) {
    let align_config = AlignConfig::default();
    let block = BlockConfig::default();
    let mut group = c.benchmark_group("align");
    for (name, n, samples) in [("1k", 1_000, 20), ("10k", 10_000, 10), ("100k", 100_000, 10)] {
        let claims = SynthCorpus::generate(&SynthConfig::new(n, n / 100)).claims();
        group.sample_size(samples);
        group.throughput(Throughput::Elements(n as u64));
        // Expected answers are computed inside each function, so that a filtered-out benchmark
        // costs nothing.
        group.bench_function(format!("blocked/{name}"), |b| {
            let expected = align_blocked(&claims, &align_config, &block).len();
            b.iter(|| {
                let links = align_blocked(black_box(&claims), &align_config, &block);
                assert_eq!(links.len(), expected);
                links
            })
        });
        if n == 1_000 {
            group.bench_function(format!("all_pairs_synth/{name}"), |b| {
                let expected = align(&claims, &align_config).len();
                b.iter(|| {
                    let links = align(black_box(&claims), &align_config);
                    assert_eq!(links.len(), expected);
                    links
                })
            });
        }
    }
    group.finish();

    let mut group = c.benchmark_group("block");
    for (name, n) in [("10k", 10_000), ("100k", 100_000)] {
        let claims = SynthCorpus::generate(&SynthConfig::new(n, n / 100)).claims();
        group.sample_size(10);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_function(format!("candidates/{name}"), |b| {
            let expected = candidates(&claims, &block).len();
            b.iter(|| {
                let pairs = candidates(black_box(&claims), &block);
                assert_eq!(pairs.len(), expected);
                pairs
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_blocking);
criterion_main!(benches);
