//! Times the gap engine on a generated log and reports peak memory (Linux).
//!
//! `cargo run --release -p corridor-core --example gap_scale -- 1000000 [stream|csv]`
//!
//! - default: the log is generated into a compact recording first and replayed into the
//!   engine, so the engine's time is measured alone.
//! - `stream`: the generator feeds the engine directly and nothing else holds the log, so the
//!   peak memory is the engine's own (plus the generator's few open cases).
//! - `csv`: the log is written as CSV text in memory, then read twice: by a floor (split on
//!   commas and count directly-follows pairs in file order, nothing else) and by a naive
//!   comma-split reader feeding the engine (timestamps parsed with chrono), which gives an end
//!   to end time until the real readers land.
//! - `csv-out=PATH`: also write that CSV to PATH and print the corridor as `gap_json` takes it
//!   (for `tests/pm4py/speed.py`); `plain`: log every step under its first name only;
//!   `open=N`: N cases open at once (32 by default; 1 writes each case's events together).

use std::time::Instant;

/// Wall time and this thread's CPU time (Linux `schedstat`), so that figures taken on a busy
/// machine can be told apart from the engine's own cost.
struct Watch {
    wall: Instant,
    cpu: u64,
}

fn thread_cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

impl Watch {
    fn start() -> Watch {
        Watch {
            wall: Instant::now(),
            cpu: thread_cpu_ns(),
        }
    }

    fn wall(&self) -> f64 {
        self.wall.elapsed().as_secs_f64()
    }

    fn cpu(&self) -> f64 {
        (thread_cpu_ns() - self.cpu) as f64 / 1e9
    }
}

use chrono::DateTime;
use corridor_core::data::Quiet;
use corridor_core::data::{EventSink, RawEvent};
use corridor_core::gap::generate::{generate, CsvWriter, GenSpec, Recording};
use corridor_core::gap::intern::FxMap;
use corridor_core::gap::{report, Collector, Filter, ReportOptions};

fn peak_mib() -> f64 {
    status_mib("VmHWM:")
}

fn rss_mib() -> f64 {
    status_mib("VmRSS:")
}

fn status_mib(key: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(key))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// A sink that only looks at the strings, as any consumer must.
struct Null(usize);

impl EventSink for Null {
    fn event(&mut self, e: &RawEvent<'_>) {
        self.0 += e.case.len() + e.activity.len();
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let events: u64 = args
        .get(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let stream = args.iter().any(|a| a == "stream");
    let csv = args.iter().any(|a| a == "csv" || a.starts_with("csv-out="));
    let map = corridor_core::file::from_str(corridor_core::examples::EXAMPLES[0].1)
        .expect("the example map reads");
    let mut spec = GenSpec::from_map(&map);
    if args.iter().any(|a| a == "plain") {
        spec.rates.alternative_name = 0.0;
    }
    if let Some(n) = args.iter().find_map(|a| a.strip_prefix("open=")) {
        spec.open_cases = n.parse().expect("open=N: a number of cases");
    }
    let csv_out = args.iter().find_map(|a| a.strip_prefix("csv-out="));

    let mut collector = Collector::new();
    let t = Watch::start();
    let feed_secs;
    let mut feed_cpu = 0.0;
    if csv {
        let mut writer = CsvWriter::new(String::new());
        let (n, cases) = generate(&spec, 42, events, &mut writer);
        let text = writer.out;
        if let Some(path) = csv_out {
            std::fs::write(path, &text).expect("write the CSV");
            let corridor: Vec<String> = spec
                .steps
                .iter()
                .map(|s| format!("{}{}", s.activity, if s.optional { "?" } else { "" }))
                .collect();
            println!("corridor: {}", corridor.join(","));
        }
        println!(
            "generated {n} events, {cases} cases as {:.1} MB of CSV: {:.3} s",
            text.len() as f64 / 1e6,
            t.wall()
        );
        let t = Watch::start();
        let edges = floor(&text);
        println!(
            "floor (split + directly-follows count, {edges} edges): {:.3} s (cpu {:.3} s)",
            t.wall(),
            t.cpu()
        );
        let t = Watch::start();
        read_csv(&text, &mut collector);
        feed_secs = t.wall();
        feed_cpu = t.cpu();
        println!("naive reader + feed: {feed_secs:.3} s (cpu {feed_cpu:.3} s)");
    } else if stream {
        let (n, cases) = generate(&spec, 42, events, &mut collector);
        feed_secs = t.wall();
        println!("generated and fed {n} events, {cases} cases: {feed_secs:.3} s");
    } else {
        let mut rec = Recording::default();
        let (n, cases) = generate(&spec, 42, events, &mut rec);
        println!(
            "generated {n} events, {cases} cases: {:.3} s; peak so far {:.0} MiB",
            t.wall(),
            peak_mib()
        );
        let t = Watch::start();
        let mut null = Null(0);
        rec.replay(&mut null);
        let replay_secs = t.wall();
        let replay_cpu = t.cpu();
        let t = Watch::start();
        rec.replay(&mut collector);
        let fed = t.wall();
        feed_cpu = (t.cpu() - replay_cpu).max(0.0);
        // The replay itself stands in for a reader; its own cost is not the engine's.
        feed_secs = (fed - replay_secs).max(0.0);
        println!(
            "replay alone {replay_secs:.3} s ({}), fed {fed:.3} s",
            null.0
        );
    }
    let mem = |when: &str| {
        println!(
            "  memory after {when}: {:.0} MiB now, {:.0} MiB peak",
            rss_mib(),
            peak_mib()
        )
    };
    mem("feeding");
    let t = Watch::start();
    let log = collector.finish(&mut Quiet).expect("finish");
    let finish_secs = t.wall();
    let finish_cpu = t.cpu();
    mem("finish");
    let t = Watch::start();
    let agg = log
        .aggregate(&Filter::all(), &mut Quiet)
        .expect("aggregate");
    let agg_secs = t.wall();
    let agg_cpu = t.cpu();
    mem("aggregate");
    let t = Watch::start();
    let r = report(&map, &agg, &ReportOptions::default(), &mut Quiet).expect("report");
    let report_secs = t.wall();
    let report_cpu = t.cpu();
    mem("report");
    println!(
        "finish {finish_secs:.3} s, aggregate {agg_secs:.3} s, report {report_secs:.3} s; \
         engine total {:.3} s",
        feed_secs + finish_secs + agg_secs + report_secs
    );
    println!(
        "cpu: feed {feed_cpu:.3} s, finish {finish_cpu:.3} s, aggregate {agg_cpu:.3} s, \
         report {report_cpu:.3} s; engine total {:.3} s",
        feed_cpu + finish_cpu + agg_cpu + report_cpu
    );
    println!(
        "cases {}, variants {}, log fitness {:.4}, log held {:.0} MiB, peak {:.0} MiB",
        r.totals.cases,
        r.totals.variants,
        r.conformance.log_fitness.unwrap_or(f64::NAN),
        log.heap_bytes() as f64 / 1048576.0,
        peak_mib()
    );
}

/// The floor: split each line, count directly-follows pairs of each case in file order.
fn floor(text: &str) -> usize {
    let mut last: FxMap<&str, &str> = FxMap::default();
    let mut dfg: FxMap<(&str, &str), u64> = FxMap::default();
    for line in text.lines().skip(1) {
        let mut f = line.split(',');
        let (Some(case), Some(activity)) = (f.next(), f.next()) else {
            continue;
        };
        if let Some(prev) = last.insert(case, activity) {
            *dfg.entry((prev, activity)).or_insert(0) += 1;
        }
    }
    dfg.len()
}

/// A comma-split reader for the generator's quote-free CSV.
fn read_csv(text: &str, sink: &mut dyn EventSink) {
    for (i, line) in text.lines().enumerate().skip(1) {
        let f: Vec<&str> = line.splitn(6, ',').collect();
        sink.event(&RawEvent {
            case: f[0],
            activity: f[1],
            timestamp: DateTime::parse_from_rfc3339(f[2])
                .ok()
                .map(|t| t.timestamp_millis()),
            channel: Some(f[3]).filter(|s| !s.is_empty()),
            score: f[4].parse().ok(),
            segment: Some(f[5]).filter(|s| !s.is_empty()),
            line: i as u64 + 1,
        });
    }
}
