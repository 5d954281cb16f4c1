//! Reading the observed data for `corridor gap`, `draft`, `aliases`, `export` and `import-data`:
//! event logs and score tables, with progress on standard error.

use std::fs::File;
use std::io::{BufRead, BufReader, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use clap::{Args, ValueEnum};
use corridor_core::data::{
    self, DataFormat, DatasetKind, DateOrder, Flow, ImportSettings, LifecyclePolicy, Progress,
    ReadReport,
};
use corridor_core::gap::{Collector, ObservedLog};

/// How the observed data is read.
#[derive(Args, Clone)]
pub struct ReadArgs {
    /// Score tables (CSV: touchpoint or activity, score; …) to count beside the event logs
    #[arg(long = "scores", value_name = "FILE")]
    pub scores: Vec<PathBuf>,
    /// How to read dates like 03/04/2026 when the file does not settle it
    #[arg(long, value_enum, default_value = "auto")]
    pub date_order: DateOrderArg,
    /// Keep every XES lifecycle transition, not only `complete`
    #[arg(long)]
    pub keep_all_lifecycle: bool,
    /// Stop at the first bad row instead of skipping and reporting bad rows
    #[arg(long)]
    pub strict: bool,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum DateOrderArg {
    /// ISO 8601 / RFC 3339, or a slash form that only one order can read
    Auto,
    DayFirst,
    MonthFirst,
}

/// The file's format: XES when its name says so or its bytes are gzip or XML, else CSV.
fn sniff(path: &Path) -> Result<DataFormat> {
    let name = path.to_string_lossy().to_lowercase();
    if name.ends_with(".xes") || name.ends_with(".xes.gz") {
        return Ok(DataFormat::Xes);
    }
    let mut head = [0u8; 64];
    let n = File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .with_context(|| format!("cannot read {}", path.display()))?;
    let head = &head[..n];
    let text = String::from_utf8_lossy(head);
    let xml = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<');
    Ok(if head.starts_with(&[0x1f, 0x8b]) || xml {
        DataFormat::Xes
    } else {
        DataFormat::Csv
    })
}

fn settings(kind: DatasetKind, format: DataFormat, args: &ReadArgs) -> ImportSettings {
    ImportSettings {
        date_order: match args.date_order {
            DateOrderArg::Auto => DateOrder::Auto,
            DateOrderArg::DayFirst => DateOrder::DayFirst,
            DateOrderArg::MonthFirst => DateOrder::MonthFirst,
        },
        lifecycle: if args.keep_all_lifecycle {
            LifecyclePolicy::KeepAll
        } else {
            LifecyclePolicy::CompleteOnly
        },
        strict: args.strict,
        ..ImportSettings::detect(kind, format)
    }
}

/// Progress on standard error, when it is a terminal.
struct Meter {
    name: String,
    shown: bool,
}

impl Progress for Meter {
    fn advance(&mut self, done: u64, total: Option<u64>, rows: u64) -> Flow {
        let mut err = std::io::stderr();
        if err.is_terminal() {
            let pct = total
                .filter(|t| *t > 0)
                .map(|t| format!(" {:>3}%", done * 100 / t));
            let _ = write!(
                err,
                "\r{}:{} {rows} rows",
                self.name,
                pct.unwrap_or_default()
            );
            self.shown = true;
        }
        Flow::Continue
    }
}

impl Drop for Meter {
    fn drop(&mut self) {
        if self.shown {
            eprint!("\r\x1b[K");
        }
    }
}

fn open(path: &Path) -> Result<(impl BufRead, u64)> {
    let file = File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    Ok((BufReader::with_capacity(1 << 16, file), len))
}

fn note_bad(path: &Path, report: &ReadReport) {
    if report.bad_rows > 0 {
        eprintln!(
            "{}: {} of {} rows skipped as bad; the first:",
            path.display(),
            report.bad_rows,
            report.rows
        );
        for bad in report.first_bad.iter().take(5) {
            let column = bad
                .column
                .as_deref()
                .map(|c| format!(", column {c}"))
                .unwrap_or_default();
            eprintln!("  line {}{column}: {}", bad.line, bad.reason);
        }
    }
    if report.skipped_lifecycle > 0 {
        eprintln!(
            "{}: {} lifecycle events other than `complete` left out (--keep-all-lifecycle keeps them)",
            path.display(),
            report.skipped_lifecycle
        );
    }
}

/// Read one file into `collector` (an event log, or a score table when `scores`), with
/// progress on standard error; returns the reader's report.
pub(super) fn read_into(
    collector: &mut Collector,
    path: &Path,
    scores: bool,
    args: &ReadArgs,
) -> Result<ReadReport> {
    let (kind, format) = if scores {
        (DatasetKind::ScoreTable, DataFormat::Csv)
    } else {
        (DatasetKind::EventLog, sniff(path)?)
    };
    let (input, len) = open(path)?;
    let mut meter = Meter {
        name: path.display().to_string(),
        shown: false,
    };
    let mut progress = data::WithTotal {
        progress: &mut meter,
        total: len,
    };
    let settings = settings(kind, format, args);
    let what = if scores { "score table" } else { "event log" };
    let report = if scores {
        data::read_scores(input, &settings, collector, &mut progress)
    } else {
        data::read_events(input, &settings, collector, &mut progress)
    }
    .with_context(|| format!("cannot read the {what} {}", path.display()))?;
    drop(meter);
    note_bad(path, &report);
    Ok(report)
}

/// Read every event log and score table into one observed log. Any unreadable file stops the
/// whole read: nothing half-read is reported on.
pub fn read_all(logs: &[PathBuf], args: &ReadArgs) -> Result<ObservedLog> {
    let mut collector = Collector::new();
    for path in logs {
        read_into(&mut collector, path, false, args)?;
    }
    for path in &args.scores {
        read_into(&mut collector, path, true, args)?;
    }
    let log = collector.finish(&mut corridor_core::data::Quiet)?;
    if log.events() == 0 && log.score_rows() == 0 {
        bail!("the data holds no events and no scores");
    }
    Ok(log)
}

/// Parse a `--from`/`--to` time: RFC 3339, or a date (midnight UTC).
pub fn parse_time(text: &str) -> Result<chrono::DateTime<chrono::Utc>> {
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(text) {
        return Ok(t.with_timezone(&chrono::Utc));
    }
    let date = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .with_context(|| format!("`{text}` is neither a date (2026-03-01) nor an RFC 3339 time"))?;
    Ok(date
        .and_hms_opt(0, 0, 0)
        .expect("midnight exists")
        .and_utc())
}
