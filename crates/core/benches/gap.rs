//! The gap engine on generated logs of the retail example's corridor: 100k and 1M events
//! (10M with `GAP_BENCH_10M=1`).
//!
//! `cargo bench -p corridor-core --bench gap`
//!
//! - `engine/N`: both layers, events in to report out: feeding a [`Collector`] (from a compact
//!   recording, standing in for a reader), grouping and ordering, aggregating, the report with
//!   the default options (conformance over every variant, the 1000 most frequent listed).
//! - `observe/N`: layer 1 only (feed, finish, aggregate).
//! - `report/N`: layer 2 only, from ready aggregates; `report_all_variants/N` lists every
//!   variant.

use corridor_core::data::Quiet;
use corridor_core::gap::generate::{generate, GenSpec, Recording};
use corridor_core::gap::{report, Aggregates, Collector, Filter, ReportOptions};
use corridor_core::JourneyMap;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

fn map() -> JourneyMap {
    corridor_core::file::from_str(corridor_core::examples::EXAMPLES[0].1).expect("example map")
}

fn record(events: u64) -> Recording {
    let mut rec = Recording::default();
    generate(&GenSpec::from_map(&map()), 42, events, &mut rec);
    rec
}

fn observe(rec: &Recording) -> Aggregates {
    let mut c = Collector::new();
    rec.replay(&mut c);
    let log = c.finish(&mut Quiet).expect("finish");
    log.aggregate(&Filter::all(), &mut Quiet)
        .expect("aggregate")
}

fn bench(c: &mut Criterion) {
    let map = map();
    let mut sizes = vec![100_000u64, 1_000_000];
    if std::env::var_os("GAP_BENCH_10M").is_some() {
        sizes.push(10_000_000);
    }
    let mut group = c.benchmark_group("gap");
    group.sample_size(10);
    for &n in &sizes {
        let rec = record(n);
        let label = format!("{}k", n / 1000);
        group.bench_with_input(BenchmarkId::new("engine", &label), &rec, |b, rec| {
            b.iter(|| {
                let agg = observe(rec);
                report(&map, &agg, &ReportOptions::default(), &mut Quiet).expect("report")
            })
        });
        group.bench_with_input(BenchmarkId::new("observe", &label), &rec, |b, rec| {
            b.iter(|| observe(rec))
        });
        let agg = observe(&rec);
        drop(rec);
        group.bench_with_input(BenchmarkId::new("report", &label), &agg, |b, agg| {
            b.iter(|| report(&map, agg, &ReportOptions::default(), &mut Quiet).expect("report"))
        });
        let all = ReportOptions::all_variants();
        group.bench_with_input(
            BenchmarkId::new("report_all_variants", &label),
            &agg,
            |b, agg| b.iter(|| report(&map, agg, &all, &mut Quiet).expect("report")),
        );
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
