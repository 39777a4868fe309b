//! Criterion benches: format detection, segmentation only, the full parse
//! of each layout, and each analysis, on the seeds and on the synthetic
//! corpus (see `corpus/`), plus 1×, 10× and 100× inputs to show that the
//! cost per MB stays flat. Run with `cargo bench -p oewg-core`; add a
//! group name to run one (`cargo bench -p oewg-core -- segment`).

mod corpus;

use corpus::{record, seeds, Profile, Rng, LAYOUTS};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use oewg_core::{analysis, detect, parse, render, segment, Format};
use std::hint::black_box;
use std::time::Duration;

/// The seeds and one synthetic record per layout of the seeds' size.
fn inputs() -> Vec<(String, String)> {
    let profile = Profile::from_seeds();
    let mut rng = Rng::new(1);
    let mut v: Vec<(String, String)> = seeds()
        .into_iter()
        .map(|(name, text)| (format!("seed/{}", &name[..3]), text))
        .collect();
    for (n, layout) in LAYOUTS.into_iter().enumerate() {
        v.push((
            format!("synthetic/{layout}"),
            record(&profile, &mut rng, layout, n, 160_000),
        ));
    }
    v
}

fn per_input(c: &mut Criterion, group: &str, inputs: &[(String, String)], f: fn(&str)) {
    let mut g = c.benchmark_group(group);
    for (name, src) in inputs {
        g.throughput(Throughput::Bytes(src.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), src.as_str(), |b, s| {
            b.iter(|| f(black_box(s)))
        });
    }
    g.finish();
}

fn layers(c: &mut Criterion) {
    let inputs = inputs();
    per_input(c, "detect", &inputs, |s| {
        black_box(detect(s));
    });
    per_input(c, "segment", &inputs, |s| {
        black_box(segment(s).ok());
    });
    per_input(c, "parse", &inputs, |s| {
        black_box(parse(s).ok());
    });
    per_input(c, "parse+analyses", &inputs, |s| {
        let session = parse(s).expect("bench inputs parse");
        black_box(render::glance(&session).to_html());
    });
}

fn analyses(c: &mut Criterion) {
    let sessions: Vec<(String, oewg_core::Session, usize)> = inputs()
        .into_iter()
        .map(|(name, src)| {
            let s = parse(&src).expect("bench inputs parse");
            (name, s, src.len())
        })
        .collect();
    let mut g = c.benchmark_group("analyses");
    for (name, s, bytes) in &sessions {
        g.throughput(Throughput::Bytes(*bytes as u64));
        g.bench_with_input(BenchmarkId::new("floor", name), s, |b, s| {
            b.iter(|| black_box(analysis::floor(s)))
        });
        g.bench_with_input(BenchmarkId::new("render_html", name), s, |b, s| {
            b.iter(|| black_box(render::html(s)))
        });
        g.bench_with_input(BenchmarkId::new("render_markdown", name), s, |b, s| {
            b.iter(|| black_box(render::markdown(s)))
        });
        g.bench_with_input(BenchmarkId::new("to_json", name), s, |b, s| {
            b.iter(|| black_box(s.to_json()))
        });
    }
    g.finish();
}

/// 1 MB, 10 MB and 100 MB records of each layout: flat per-MB cost.
fn scaling(c: &mut Criterion) {
    let profile = Profile::from_seeds();
    let mut g = c.benchmark_group("scaling");
    g.sample_size(10).measurement_time(Duration::from_secs(8));
    for layout in [Format::Verbatim, Format::Turns, Format::Report] {
        for mb in [1, 10, 100] {
            let src = record(&profile, &mut Rng::new(2), layout, 0, mb << 20);
            g.throughput(Throughput::Bytes(src.len() as u64));
            let id = format!("{layout}/{mb}MB");
            g.bench_with_input(BenchmarkId::new("segment", &id), src.as_str(), |b, s| {
                b.iter(|| black_box(segment(s).ok()))
            });
            g.bench_with_input(BenchmarkId::new("parse", &id), src.as_str(), |b, s| {
                b.iter(|| black_box(parse(s).ok()))
            });
        }
    }
    g.finish();
}

criterion_group!(benches, layers, analyses, scaling);
criterion_main!(benches);
