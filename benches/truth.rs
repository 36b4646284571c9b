//! Truth discovery on about a million synthetic claims (10,000 sources × 2,000 variables × 4
//! candidate values), the shape of the `truthdiscovery` figures quoted in the README, with the
//! same iteration counts (the conformance configuration). `truth/load_tsv/1m` times reading the
//! statements from TSV text into a dataset.
//!
//! `cargo bench --bench truth`

use std::hint::black_box;
use std::time::Duration;

use corroborate::truth::{Algorithm, Dataset, ValueKind, load, synthetic};
use criterion::{Criterion, criterion_group, criterion_main};

/// The share of variables whose most believed value is the true one (`0`).
fn accuracy(data: &Dataset, alg: &Algorithm) -> f64 {
    let out = alg.run(data);
    let right = (0..data.n_variables())
        .filter(|&v| out.winner(data, v).is_some_and(|c| data.value(c).as_number() == Some(0.0)))
        .count();
    right as f64 / data.n_variables() as f64
}

fn bench(c: &mut Criterion) {
    let shape = synthetic::Shape::million();
    let (text, _) = synthetic::tsv(shape);
    let mut group = c.benchmark_group("truth");
    group.sample_size(10).measurement_time(Duration::from_secs(8));
    group.bench_function("load_tsv/1m", |b| {
        b.iter(|| {
            let data =
                load::parse("synthetic", black_box(&text), load::Format::Tsv, ValueKind::Number)
                    .expect("synthetic TSV parses");
            assert!(data.n_statements() > 900_000);
            data
        })
    });
    let data = load::parse("synthetic", &text, load::Format::Tsv, ValueKind::Number)
        .expect("synthetic TSV parses");
    for alg in Algorithm::all() {
        // Every method must beat a random pick among the 4 candidates on this data.
        assert!(accuracy(&data, &alg) > 0.25, "{}", alg.name());
        group.bench_function(format!("{}/1m", alg.name()), |b| {
            b.iter(|| {
                let out = alg.run(black_box(&data));
                assert_eq!(out.belief.len(), data.n_claims());
                assert!(out.trust.iter().all(|t| t.is_finite()));
                out
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
