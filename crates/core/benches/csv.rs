//! The CSV event reader on a generated log of 1M events (about 60 MB: case, activity, ISO
//! timestamp with milliseconds and `Z`, channel, score), from memory, to a sink that touches
//! every string; beside it the floor: csv-core splitting the same bytes into fields and
//! nothing else.
//!
//! `cargo bench -p corridor-core --bench csv`; figures (on-CPU time, see cpu_time.rs) in
//! docs/import.md.

use std::hint::black_box;

use corridor_core::data::{csv, EventSink, ImportSettings, Quiet, RawEvent};
use corridor_core::data::{DataFormat, DatasetKind};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

#[path = "common/cpu_time.rs"]
mod cpu_time;

const ACTIVITIES: [&str; 8] = [
    "Visit website",
    "Read reviews",
    "Add to basket",
    "Checkout",
    "Payment",
    "Delivery",
    "Support call",
    "Leave review",
];
const CHANNELS: [&str; 4] = ["web", "mobile app", "phone", "email"];

/// A deterministic log: `events` events over cases of 2 to 9 events, times rising.
fn generate(events: usize) -> Vec<u8> {
    let mut out = String::with_capacity(events * 64);
    out.push_str("case_id,activity,timestamp,channel,score\n");
    let mut state: u64 = 42;
    let mut next = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    let (mut case, mut left, mut t) = (0u64, 0usize, 1_767_225_600_000i64);
    for _ in 0..events {
        if left == 0 {
            case += 1;
            left = 2 + next() % 8;
        }
        left -= 1;
        t += (next() % 600_000) as i64;
        let secs = t / 1000;
        let (days, rem) = (secs / 86_400, secs % 86_400);
        let date = chrono::DateTime::from_timestamp(days * 86_400, 0)
            .unwrap()
            .date_naive();
        out += &format!(
            "C{case:07},{},{}T{:02}:{:02}:{:02}.{:03}Z,{},{}\n",
            ACTIVITIES[next() % ACTIVITIES.len()],
            date,
            rem / 3600,
            rem / 60 % 60,
            rem % 60,
            t % 1000,
            CHANNELS[next() % CHANNELS.len()],
            1 + next() % 5,
        );
    }
    out.into_bytes()
}

#[derive(Default)]
struct Count {
    events: u64,
    bytes: usize,
}

impl EventSink for Count {
    fn event(&mut self, e: &RawEvent<'_>) {
        self.events += 1;
        self.bytes += e.case.len() + e.activity.len() + e.channel.map_or(0, str::len);
    }
}

fn settings() -> ImportSettings {
    ImportSettings::detect(DatasetKind::EventLog, DataFormat::Csv)
}

fn read(bytes: &[u8]) -> u64 {
    let mut sink = Count::default();
    csv::read_events(bytes, &settings(), &mut sink, &mut Quiet).unwrap();
    black_box(sink.bytes);
    sink.events
}

/// csv-core alone: fields split, nothing parsed.
fn floor(bytes: &[u8]) -> u64 {
    let mut reader = csv_core::Reader::new();
    let (mut out, mut ends) = (vec![0u8; 4096], vec![0usize; 64]);
    let (mut input, mut records) = (bytes, 0u64);
    loop {
        let (res, nin, _, _) = reader.read_record(input, &mut out, &mut ends);
        input = &input[nin..];
        match res {
            csv_core::ReadRecordResult::Record => records += 1,
            csv_core::ReadRecordResult::End => break,
            _ => {}
        }
    }
    records - 1
}

fn bench(c: &mut Criterion<cpu_time::CpuTime>) {
    for events in [100_000, 1_000_000] {
        let bytes = generate(events);
        assert_eq!(read(&bytes), events as u64);
        assert_eq!(floor(&bytes), events as u64);
        let mut group = c.benchmark_group(format!(
            "csv {events} events, {} MB",
            bytes.len() / 1_000_000
        ));
        group.sample_size(10);
        group.throughput(Throughput::Elements(events as u64));
        group.bench_function("corridor csv::read_events", |b| b.iter(|| read(&bytes)));
        group.bench_function("csv-core fields only", |b| b.iter(|| floor(&bytes)));
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().with_measurement(cpu_time::CpuTime);
    targets = bench
}
criterion_main!(benches);
