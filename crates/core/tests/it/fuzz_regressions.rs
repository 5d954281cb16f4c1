//! Inputs the fuzz targets (fuzz/, see docs/import.md) once failed on, checked with the same
//! invariants as the targets: the input's first byte picks the settings, the rest is the file.

use corridor_core::data::*;

/// The settings `fuzz/src/lib.rs` makes from a first byte.
fn settings(b: u8, kind: DatasetKind, format: DataFormat) -> ImportSettings {
    ImportSettings {
        kind,
        format,
        delimiter: [
            None,
            Some(','),
            Some(';'),
            Some('\t'),
            Some('|'),
            None,
            None,
            None,
        ][usize::from(b & 7)],
        has_header: [None, Some(true), Some(false), None][usize::from((b >> 3) & 3)],
        columns: None,
        date_order: [
            DateOrder::Auto,
            DateOrder::DayFirst,
            DateOrder::MonthFirst,
            DateOrder::Auto,
        ][usize::from((b >> 5) & 3)],
        lifecycle: if b & 0x80 != 0 {
            LifecyclePolicy::KeepAll
        } else {
            LifecyclePolicy::CompleteOnly
        },
        strict: b == 0xff,
    }
}

#[derive(Default)]
struct Check {
    items: u64,
    last_line: u64,
}

impl EventSink for Check {
    fn event(&mut self, e: &RawEvent<'_>) {
        assert!(!e.case.is_empty() && !e.activity.is_empty());
        assert!(
            e.line > self.last_line,
            "lines go forward: {} after {}",
            e.line,
            self.last_line
        );
        self.last_line = e.line;
        self.items += 1;
    }
}

impl ScoreSink for Check {
    fn score(&mut self, s: &RawScore<'_>) {
        assert!(
            s.line > self.last_line,
            "lines go forward: {} after {}",
            s.line,
            self.last_line
        );
        self.last_line = s.line;
        self.items += 1;
    }
}

fn check(result: Result<ReadReport, ImportError>, sink: &Check) {
    if let Ok(report) = result {
        assert_eq!(report.kept, sink.items);
        assert_eq!(
            report.rows,
            report.kept + report.bad_rows + report.skipped_lifecycle
        );
    }
}

/// Runs an input through what every fuzz target does with it.
fn replay(data: &[u8]) {
    let (&first, text) = data.split_first().unwrap();
    let mut sink = Check::default();
    let settings_csv = settings(first, DatasetKind::EventLog, DataFormat::Csv);
    check(
        csv::read_events(text, &settings_csv, &mut sink, &mut Quiet),
        &sink,
    );
    let _ = csv::preview(text, &settings_csv, 20);
    let mut sink = Check::default();
    let settings_scores = settings(first, DatasetKind::ScoreTable, DataFormat::Csv);
    check(
        csv::read_scores(text, &settings_scores, &mut sink, &mut Quiet),
        &sink,
    );
    let mut sink = Check::default();
    let settings_xes = settings(first, DatasetKind::EventLog, DataFormat::Xes);
    check(
        xes::read_events(text, &settings_xes, &mut sink, &mut Quiet),
        &sink,
    );
}

/// csv_events, 10 s in: rows ended by a CR alone shared a line number (csv-core counts LF only).
#[test]
fn rows_ended_by_a_cr_alone() {
    replay(
        b"!case,activity,time,lifecycifecycle:transition\nc1,a,20le:transition\nc1,a,\
          2026-03-01T10:00:00Z,start\rc1,a,2026-03-01T10:05:00Z,comcasee\x08",
    );
}
