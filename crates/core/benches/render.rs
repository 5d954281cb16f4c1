//! The exports of a 200-touchpoint map: SVG, PNG (1x and 2x), the paginated A4 PDF, and the
//! report as HTML and PDF. Target: under a second each. Figures in docs/performance.md.
//!
//! `cargo bench -p corridor-core --bench render`

use std::hint::black_box;
use std::time::Duration;

use corridor_core::render::{map_pdf, map_png, map_svg, Paper, RenderOptions};
use corridor_core::report::{self, ReportInputs};
use criterion::{criterion_group, criterion_main, Criterion};

#[path = "../tests/it/big.rs"]
mod big;

fn exports(c: &mut Criterion) {
    let map = big::big_map(200);
    let options = RenderOptions::default();
    let inputs = ReportInputs {
        map: &map,
        gaps: None,
    };
    let mut group = c.benchmark_group("200 touchpoints");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("svg", |b| b.iter(|| map_svg(black_box(&map), &options)));
    group.bench_function("png 1x", |b| {
        b.iter(|| map_png(black_box(&map), &options, 1.0).unwrap())
    });
    group.bench_function("png 2x", |b| {
        b.iter(|| map_png(black_box(&map), &options, 2.0).unwrap())
    });
    group.bench_function("pdf a4", |b| {
        b.iter(|| map_pdf(black_box(&map), &options, Paper::A4).unwrap())
    });
    group.bench_function("report html", |b| {
        b.iter(|| report::html(black_box(&inputs)))
    });
    group.bench_function("report pdf a4", |b| {
        b.iter(|| report::pdf(black_box(&inputs), Paper::A4).unwrap())
    });
    group.finish();
}

criterion_group!(benches, exports);
criterion_main!(benches);
