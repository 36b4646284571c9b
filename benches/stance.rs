//! Reading an article whole against headlines (`reconcile::stance`): preparing an article of 12
//! generated sentences (`stance/prepare`), one headline's features and the built-in model's
//! probability against it (`stance/features_and_probability`), and a run of one story with 20
//! headlines and 20 such articles (`stance/reconcile_20x20`, every headline read against every
//! article), and the same run with the stance off (`stance/reconcile_20x20_stance_off`).
//!
//! Run: `cargo bench --bench stance`. The benches check their answers first: a debunking
//! article disputes its headline and a confirming one does not.

use std::hint::black_box;

use corroborate::reconcile::stance::{StanceArticle, StanceModel};
use corroborate::{Config, Reconciler, Source};
use criterion::{Criterion, criterion_group, criterion_main};

const HEADLINE: &str = "Shark Swims Down Flooded Street In Marlow";

/// An article of `n` sentences on the flood; `debunk` tells of a shark video that is a fake,
/// else of a shark that officials saw.
fn article(n: usize, debunk: bool) -> Vec<String> {
    let opening: &[&str] = if debunk {
        &[
            "A video said to show a shark swimming down a flooded street in Marlow went viral on social media on Sunday.",
            "The clip was shared thousands of times on Facebook and Twitter after the storm.",
            "But the video is a fake.",
            "The same footage was posted online three years ago and was doctored to add the shark, a fact-checking site found.",
            "City officials said there was no evidence of any shark in the town.",
            "The story was picked up by several websites before it was debunked.",
        ]
    } else {
        &[
            "A shark swam down a flooded street in Marlow on Sunday, city officials confirmed.",
            "Residents filmed the animal as it moved past parked cars after the storm surge.",
            "Marine experts said it was probably a small bull shark carried in by the tide.",
            "The animal later returned to the river as the water fell, officials said.",
        ]
    };
    let mut out: Vec<String> = opening.iter().map(|s| s.to_string()).collect();
    let mut i = 0;
    while out.len() < n {
        out.push(format!(
            "Crews pumped water from {} homes on street number {} as the river fell by {} centimetres.",
            10 + i,
            i + 1,
            5 + i % 7
        ));
        i += 1;
    }
    out
}

fn bench(c: &mut Criterion) {
    let model = StanceModel::builtin();
    let debunk = article(12, true);
    let confirm = article(12, false);
    let read = |a: &[String]| StanceArticle::new(a.iter().map(String::as_str));
    let disputes = |a: &StanceArticle| model.dispute(HEADLINE, a, model.threshold).is_some();
    assert!(disputes(&read(&debunk)), "the debunking article disputes the headline");
    assert!(!disputes(&read(&confirm)), "the confirming article does not");

    let mut group = c.benchmark_group("stance");
    group.bench_function("prepare", |b| b.iter(|| read(black_box(&debunk))));
    let prepared = read(&debunk);
    group.bench_function("features_and_probability", |b| {
        b.iter(|| model.probability(&prepared.features(black_box(HEADLINE))))
    });
    let sources: Vec<Source> = (0..20)
        .flat_map(|i| {
            let body = article(12, i % 2 == 0).join("\n");
            [
                Source::new(format!("h{i}").as_str(), format!("{HEADLINE}, Residents Say ({i})"))
                    .unwrap(),
                Source::new(format!("a{i}").as_str(), body).unwrap(),
            ]
        })
        .collect();
    group.sample_size(10);
    let mut off = Config::default();
    off.diff.brief_stance(false);
    for (name, config) in
        [("reconcile_20x20", Config::default()), ("reconcile_20x20_stance_off", off)]
    {
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut reconciler = Reconciler::new(config.clone());
                for s in &sources {
                    reconciler.add_source(s).unwrap();
                }
                reconciler.reconcile()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
