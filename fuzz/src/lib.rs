//! What the fuzz targets share: settings made from the input's first byte, sinks that check
//! what readers hand them, and the invariants of a report.

use corridor_core::data::*;

/// Settings chosen by the bits of `b`: delimiter (detected or one of four), header (detected,
/// yes, no), date order, lifecycle policy, strict mode.
pub fn settings(b: u8, kind: DatasetKind, format: DataFormat) -> ImportSettings {
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

/// Counts what it receives and checks each item's own promises.
#[derive(Default)]
pub struct Check {
    pub items: u64,
    last_line: u64,
    csv: bool,
}

impl Check {
    /// For CSV events, which always have a timestamp.
    pub fn csv() -> Check {
        Check {
            csv: true,
            ..Check::default()
        }
    }
}

impl EventSink for Check {
    fn event(&mut self, e: &RawEvent<'_>) {
        assert!(!e.case.is_empty() && !e.activity.is_empty());
        assert!(e.score.is_none_or(f64::is_finite));
        assert!(e.line > self.last_line, "lines go forward");
        if self.csv {
            assert!(e.timestamp.is_some());
        }
        self.last_line = e.line;
        self.items += 1;
    }
}

impl ScoreSink for Check {
    fn score(&mut self, s: &RawScore<'_>) {
        assert!(!s.subject.is_empty());
        assert!(s.score.is_finite());
        assert!(s.line > self.last_line, "lines go forward");
        self.last_line = s.line;
        self.items += 1;
    }
}

/// The invariants of a finished read.
pub fn check(result: Result<ReadReport, ImportError>, sink: &Check) {
    match result {
        Ok(report) => {
            assert_eq!(report.kept, sink.items);
            assert!(report.kept > 0);
            assert_eq!(
                report.rows,
                report.kept + report.bad_rows + report.skipped_lifecycle
            );
            assert_eq!(
                report.first_bad.len() as u64,
                report.bad_rows.min(FIRST_BAD_KEPT as u64)
            );
            assert!(report.first_bad.iter().all(|b| b.line >= 1));
        }
        Err(e) => {
            // Every error can be told.
            assert!(!e.to_string().is_empty());
        }
    }
}
