//! The XES reader against the one it was chosen over: process_mining 0.6.2's streaming reader
//! (`stream_xes_from_path`), and a bare quick-xml + flate2 pull loop that only counts `<event>`
//! elements (the floor), on the receipt log (tests/data/receipt.xes.gz, 8,577 events) and on
//! the receipt log's traces repeated 30 times (257,310 events, about the size of BPIC 2012),
//! gzipped, written to target/tmp first.
//!
//! `cargo bench -p corridor-core --bench xes`; figures (on-CPU time, see cpu_time.rs) in
//! docs/import.md.

use std::fs::File;
use std::hint::black_box;
use std::io::BufReader;
use std::path::PathBuf;

use corridor_core::data::{xes, EventSink, ImportSettings, Quiet, RawEvent};
use corridor_core::data::{DataFormat, DatasetKind};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

#[path = "common/cpu_time.rs"]
mod cpu_time;

/// A log of tests/data, or one made by [`repeated`] in target/tmp.
fn path(name: &str) -> PathBuf {
    let data = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    if data.exists() {
        data
    } else {
        PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name)
    }
}

/// The receipt log with its traces written `times` times (case ids made unique), gzipped.
fn repeated(times: usize) -> String {
    use std::io::{Read, Write};
    let name = format!("receipt-x{times}.xes.gz");
    let target = path(&name);
    if target.exists() {
        return name;
    }
    let mut text = String::new();
    flate2::read::GzDecoder::new(File::open(path("receipt.xes.gz")).unwrap())
        .read_to_string(&mut text)
        .unwrap();
    let (start, end) = (text.find("<trace>").unwrap(), text.rfind("</log>").unwrap());
    let (head, traces) = (&text[..start], &text[start..end]);
    let mut out = String::from(head);
    for i in 0..times {
        out += &traces.replace("value=\"case-", &format!("value=\"x{i}-case-"));
    }
    out += "</log>\n";
    let file = File::create(&target).unwrap();
    let mut gz = flate2::write::GzEncoder::new(file, flate2::Compression::default());
    gz.write_all(out.as_bytes()).unwrap();
    gz.finish().unwrap();
    name
}

/// Counts events and touches their text, as a real sink would.
#[derive(Default)]
struct Count {
    events: u64,
    bytes: usize,
}

impl EventSink for Count {
    fn event(&mut self, e: &RawEvent<'_>) {
        self.events += 1;
        self.bytes += e.case.len() + e.activity.len();
    }
}

fn settings() -> ImportSettings {
    ImportSettings::detect(DatasetKind::EventLog, DataFormat::Xes)
}

fn corridor(name: &str) -> u64 {
    let file = BufReader::with_capacity(64 * 1024, File::open(path(name)).unwrap());
    let mut sink = Count::default();
    xes::read_events(file, &settings(), &mut sink, &mut Quiet).unwrap();
    black_box(sink.bytes);
    sink.events
}

fn process_mining(name: &str) -> u64 {
    use process_mining::core::event_data::case_centric::xes::{
        stream_xes_from_path, XESImportOptions,
    };
    let (mut stream, _log) = stream_xes_from_path(path(name), XESImportOptions::default()).unwrap();
    let mut events = 0;
    for trace in &mut stream {
        events += trace.events.len() as u64;
        black_box(&trace);
    }
    events
}

fn bare_quick_xml(name: &str) -> u64 {
    let file = BufReader::new(File::open(path(name)).unwrap());
    let gz = BufReader::with_capacity(256 * 1024, flate2::bufread::MultiGzDecoder::new(file));
    let mut reader = quick_xml::Reader::from_reader(gz);
    let mut buf = Vec::new();
    let mut events = 0;
    loop {
        match reader.read_event_into(&mut buf).unwrap() {
            quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e)
                if e.local_name().as_ref() == "event" =>
            {
                events += 1
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    events
}

fn bench(c: &mut Criterion<cpu_time::CpuTime>) {
    for (name, events) in [
        ("receipt.xes.gz".to_owned(), 8577),
        (repeated(30), 8577 * 30),
    ] {
        let name = name.as_str();
        assert_eq!(corridor(name), events);
        assert_eq!(process_mining(name), events);
        assert_eq!(bare_quick_xml(name), events);
        let mut group = c.benchmark_group(format!("xes {name}"));
        group.sample_size(if events > 100_000 { 10 } else { 50 });
        group.throughput(Throughput::Elements(events));
        group.bench_function("corridor xes::read_events", |b| b.iter(|| corridor(name)));
        group.bench_function("process_mining stream_xes_from_path", |b| {
            b.iter(|| process_mining(name))
        });
        group.bench_function("bare quick-xml loop", |b| b.iter(|| bare_quick_xml(name)));
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().with_measurement(cpu_time::CpuTime);
    targets = bench
}
criterion_main!(benches);
