//! Extraction throughput in MB/s of article text.
//!
//! The corpus is the project's own fixture and demo articles, each repeated with its numbers and
//! names varied so that no two copies are the same text, about 1 MiB in all.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

use corroborate::Source;
use corroborate::extract::extract;

const ARTICLES: [&str; 4] = [
    include_str!("../examples/demo/harbor_courier.txt"),
    include_str!("../examples/demo/kestria_wire.txt"),
    include_str!("../tests/fixtures/wildfire_ledger.txt"),
    include_str!("../tests/fixtures/wildfire_dispatch.txt"),
];

/// Roughly `bytes` of article text: the articles again and again, with digits shifted and a name
/// swapped per copy.
fn corpus(bytes: usize) -> Vec<String> {
    let names = ["Kovalenko", "Sandoval", "Brandt", "Okafor", "Lindqvist", "Haddad"];
    let mut out = Vec::new();
    let mut total = 0;
    let mut copy = 0usize;
    while total < bytes {
        let article = ARTICLES[copy % ARTICLES.len()];
        let varied: String = article
            .chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_digit((d + copy as u32) % 10, 10).unwrap_or(c),
                None => c,
            })
            .collect();
        let varied = varied.replace("Geneva", names[copy % names.len()]);
        total += varied.len();
        out.push(varied);
        copy += 1;
    }
    out
}

fn bench_extract(c: &mut Criterion) {
    let articles = corpus(1 << 20);
    let bytes: usize = articles.iter().map(String::len).sum();
    let sources: Vec<Source> = articles
        .iter()
        .enumerate()
        .map(|(i, text)| Source::new(format!("s{i}").as_str(), text.as_str()).expect("text"))
        .collect();
    let expected_claims: usize = sources.iter().map(|s| extract(s).claims.len()).sum();
    assert!(expected_claims > 1000);

    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("articles/1MiB", |b| {
        b.iter(|| {
            let n: usize = sources.iter().map(|s| extract(s).claims.len()).sum();
            assert_eq!(n, expected_claims);
            n
        })
    });
    group.finish();
}

criterion_group!(benches, bench_extract);
criterion_main!(benches);
