//! The gap report of a quote-free CSV event log against a corridor given on the command line,
//! as JSON on stdout. Used by `tests/pm4py/compare.py` to check the engine against pm4py.
//!
//! `gap_json LOG.csv 'A,B?,C'` — the corridor is a list of activity names, `?` marking an
//! optional step; each name becomes a touchpoint (title and alias). The CSV has a header with
//! at least `case`, `activity` and `timestamp` (RFC 3339) columns, and optionally `channel`,
//! `score` and `segment`; fields are split on commas (no quoting: the generated files have
//! none). This is a test harness, not the product's CSV reader.

use std::io::Read;

use chrono::DateTime;
use corridor_core::data::{EventSink, Quiet, RawEvent};
use corridor_core::gap::{gap_report_with, Collector, Filter, ReportOptions};
use corridor_core::model::*;
use uuid::Uuid;

fn map_of(corridor: &str) -> JourneyMap {
    let mut next = 100u128;
    let mut ids = || {
        next += 1;
        Uuid::from_u128(next)
    };
    let now = DateTime::from_timestamp(0, 0).expect("epoch");
    let mut map = JourneyMap::new(Uuid::from_u128(1), "corridor", &["All"], &mut ids, now);
    let stage = map.stages[0].id;
    for name in corridor.split(',').filter(|s| !s.is_empty()) {
        let optional = name.ends_with('?');
        let name = name.trim_end_matches('?');
        let existing = map
            .touchpoints
            .iter()
            .find(|t| t.title == name)
            .map(|t| t.id);
        let touchpoint = existing.unwrap_or_else(|| {
            let id = ids();
            map.touchpoints.push(Touchpoint {
                owner: Department::Marketing,
                aliases: vec![name.into()],
                ..Touchpoint::new(id, name, stage)
            });
            id
        });
        map.corridor.steps.push(CorridorStep {
            id: ids(),
            touchpoint,
            optional,
            expected_secs_from_previous: None,
        });
    }
    map
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(path), Some(corridor)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: gap_json LOG.csv 'A,B?,C'");
        std::process::exit(2);
    };
    let mut text = String::new();
    std::fs::File::open(path)
        .and_then(|mut f| f.read_to_string(&mut text))
        .unwrap_or_else(|e| panic!("read {path}: {e}"));
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split(',').collect();
    let col = |name: &str| header.iter().position(|h| *h == name);
    let (case, activity) = (
        col("case").expect("case"),
        col("activity").expect("activity"),
    );
    let (time, channel, score, segment) = (
        col("timestamp"),
        col("channel"),
        col("score"),
        col("segment"),
    );
    let mut sink = Collector::new();
    for (i, line) in lines.enumerate() {
        let f: Vec<&str> = line.split(',').collect();
        let get = |c: Option<usize>| c.and_then(|c| f.get(c).copied()).filter(|v| !v.is_empty());
        sink.event(&RawEvent {
            case: f[case],
            activity: f[activity],
            timestamp: get(time).map(|t| {
                DateTime::parse_from_rfc3339(t)
                    .unwrap_or_else(|e| panic!("line {}: {t}: {e}", i + 2))
                    .timestamp_millis()
            }),
            channel: get(channel),
            score: get(score).and_then(|s| s.parse().ok()),
            segment: get(segment),
            line: i as u64 + 2,
        });
    }
    let log = sink.finish(&mut Quiet).expect("finish");
    let map = map_of(corridor);
    let options = ReportOptions::all_variants();
    let report = gap_report_with(&map, &log, &Filter::all(), &options, &mut Quiet).expect("report");
    println!("{}", serde_json::to_string(&report).expect("json"));
}
