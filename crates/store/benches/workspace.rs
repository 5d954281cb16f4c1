//! The store's speed on realistic work: one edit applied and made durable on a 500-touchpoint
//! map, a workspace of 1,000 maps opened and listed, one 500-touchpoint map loaded (its last
//! checkpoint plus 249 journal entries, the most there can be).
//!
//! `cargo bench -p corridor-store`. Besides criterion's estimates, the edit benchmark times
//! 2,000 single edits itself and prints their median and 99th percentile, which criterion does
//! not report. Targets (docs/architecture.md, "Store performance"): edit p99 < 5 ms, open and
//! list < 100 ms, load < 20 ms.

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use corridor_core::*;
use corridor_store::Workspace;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use uuid::Uuid;

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-03-01T09:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

/// A map of `n` touchpoints with text of the length real ones have (about 700 bytes each in
/// JSON, as in the examples).
fn big_map(id: u128, n: usize) -> JourneyMap {
    let mut next = id << 32;
    let mut ids = || {
        next += 1;
        Uuid::from_u128(next)
    };
    let mut map =
        Template::Lifecycle.instantiate(Uuid::from_u128(id), "Benchmark", &mut ids, now());
    for i in 0..n {
        let stage = map.stages[i % map.stages.len()].id;
        map.touchpoints.push(Touchpoint {
            id: ids(),
            title: format!("Touchpoint {i}: the customer compares delivery options online"),
            stage,
            channel: Channel::Web,
            contact: Contact::Direct,
            owner: Department::ECommerce,
            control: Control::Owned,
            expectation: "Show me when it arrives and what it costs before I give my address, \
                          and let me change the slot later."
                .into(),
            target_score: Some(4.0),
            involvement: vec![Involvement::Rational, Involvement::Emotional],
            designed_emotion: Some(1.0),
            emotion_label: "confident".into(),
            moment_of_truth: i % 17 == 0,
            friction: vec![Friction::Doubt],
            notes: "Slots come from the carrier's API; the page falls back to a range when the \
                    API is slow. Owned by the e-commerce team, reviewed every quarter."
                .into(),
            aliases: vec![format!("delivery_options_viewed_{i}"), format!("tp{i}")],
        });
    }
    assert!(validate(&map).is_empty());
    map
}

/// An edit of touchpoint `i % n`: its notes, as someone typing would change them.
fn note_edit(map: &JourneyMap, i: usize) -> Edit {
    let mut tp = map.touchpoints[i % map.touchpoints.len()].clone();
    tp.notes = format!(
        "{} (revised {i})",
        tp.notes.split(" (revised").next().unwrap()
    );
    Edit::Replace {
        item: Item::Touchpoint(tp),
    }
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn edit_500(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::open(dir.path()).unwrap();
    let map = big_map(1, 500);
    ws.create(&map, now()).unwrap();
    let mut revision = 0;
    let mut i = 0;
    let mut edit = |ws: &Workspace| {
        let applied = ws
            .apply(map.id, revision, &note_edit(&map, i), now())
            .unwrap();
        revision = applied.revision;
        i += 1;
    };
    // Our own timing of single edits, for the percentiles (checkpoints and compaction included).
    let timed: Vec<(Duration, usize)> = (1..=2000)
        .map(|revision| {
            let start = Instant::now();
            edit(&ws);
            (start.elapsed(), revision)
        })
        .collect();
    let mut slowest = timed.clone();
    slowest.sort_by_key(|t| std::cmp::Reverse(t.0));
    let slowest: Vec<String> = slowest[..12]
        .iter()
        .map(|(t, revision)| format!("{revision}: {:.1}", t.as_secs_f64() * 1e3))
        .collect();
    println!(
        "edit_500: the slowest edits (revision: ms; checkpoints every 250): {}",
        slowest.join(", ")
    );
    let mut times: Vec<Duration> = timed.into_iter().map(|(t, _)| t).collect();
    times.sort();
    println!(
        "edit_500: {} single edits: median {:.3} ms, p99 {:.3} ms, max {:.3} ms",
        times.len(),
        percentile(&times, 0.5).as_secs_f64() * 1e3,
        percentile(&times, 0.99).as_secs_f64() * 1e3,
        times.last().unwrap().as_secs_f64() * 1e3,
    );
    c.bench_function("edit_500: apply, validate and flush one edit", |b| {
        b.iter(|| edit(&ws))
    });
}

fn open_and_list_1000(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    {
        let ws = Workspace::open(dir.path()).unwrap();
        let examples: Vec<JourneyMap> = corridor_core::examples::EXAMPLES
            .iter()
            .map(|(_, text)| file::from_str(text).unwrap())
            .collect();
        for n in 0..1000u128 {
            let mut map = examples[n as usize % examples.len()].clone();
            map.id = Uuid::from_u128(0xA000_0000 + n);
            map.title = format!("{} #{n}", map.title);
            ws.create(&map, now()).unwrap();
        }
    }
    c.bench_function(
        "open_and_list_1000: open a workspace of 1,000 maps and list them",
        |b| {
            b.iter(|| {
                let ws = Workspace::open(dir.path()).unwrap();
                let list = ws.list().unwrap();
                assert_eq!(list.len(), 1000);
                black_box(list);
                ws
            })
        },
    );
    let ws = Workspace::open(dir.path()).unwrap();
    c.bench_function("list_1000: list the maps of an open workspace", |b| {
        b.iter(|| black_box(ws.list().unwrap()))
    });
}

fn load_500(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let map = big_map(2, 500);
    {
        let ws = Workspace::open(dir.path()).unwrap();
        ws.create(&map, now()).unwrap();
        // 249 edits after the checkpoint at revision 0: the longest replay there can be.
        for i in 0..249 {
            ws.apply(map.id, i as u64, &note_edit(&map, i), now())
                .unwrap();
        }
    }
    c.bench_function(
        "load_500: load a 500-touchpoint map (checkpoint + 249 edits)",
        |b| {
            b.iter_batched_ref(
                || Workspace::open(dir.path()).unwrap(),
                |ws| black_box(ws.get(map.id).unwrap()),
                BatchSize::PerIteration,
            )
        },
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(Duration::from_secs(5));
    targets = edit_500, open_and_list_1000, load_500
}
criterion_main!(benches);
