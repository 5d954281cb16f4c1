//! Observed data: what customers actually went through, as event logs and score tables.
//!
//! This module is the contract between the readers (CSV, XES: bytes in, [`RawEvent`]s and
//! [`RawScore`]s out) and the gap engine (which folds those into aggregates in one streaming
//! pass, then computes the report from the aggregates alone). Readers take any `BufRead`: the
//! caller (the CLI, the store) opens the file; the core reads no file system and no clock.

use std::io::BufRead;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::Id;

pub mod csv;
mod lifecycle;
mod mapping;
mod report;
mod source;
pub mod timestamp;
pub mod xes;

pub use mapping::suggest_mapping;
pub use report::{BadRow, ImportError, ReadReport, Role, FIRST_BAD_KEPT};
pub use source::WithTotal;

/// Reads an event log in the format `settings.format` names (see [`csv::read_events`] and
/// [`xes::read_events`]). On `Err` the sink may have received events already: the caller
/// discards everything it received.
pub fn read_events(
    input: impl BufRead,
    settings: &ImportSettings,
    sink: &mut dyn EventSink,
    progress: &mut dyn Progress,
) -> Result<ReadReport, ImportError> {
    match settings.format {
        DataFormat::Csv => csv::read_events(input, settings, sink, progress),
        DataFormat::Xes => xes::read_events(input, settings, sink, progress),
    }
}

/// Reads a score table ([`csv::read_scores`]; XES holds no score tables). On `Err` the caller
/// discards everything the sink received.
pub fn read_scores(
    input: impl BufRead,
    settings: &ImportSettings,
    sink: &mut dyn ScoreSink,
    progress: &mut dyn Progress,
) -> Result<ReadReport, ImportError> {
    match settings.format {
        DataFormat::Csv => csv::read_scores(input, settings, sink, progress),
        DataFormat::Xes => Err(ImportError::Unsupported {
            kind: DatasetKind::ScoreTable,
            format: DataFormat::Xes,
        }),
    }
}

/// One observed event as a reader yields it. Strings borrow from the reader's buffer, so a
/// sink that keeps one must copy (or intern) it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RawEvent<'a> {
    pub case: &'a str,
    pub activity: &'a str,
    /// Milliseconds since the Unix epoch, UTC.
    pub timestamp: Option<i64>,
    pub channel: Option<&'a str>,
    pub score: Option<f64>,
    pub segment: Option<&'a str>,
    /// Where it came from: the 1-based line of a CSV file, the 1-based ordinal of an XES event.
    /// Events of a case with equal timestamps keep this order.
    pub line: u64,
}

/// One row of a score table: a score given for a touchpoint (named by title or alias) or an
/// activity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RawScore<'a> {
    pub subject: &'a str,
    pub score: f64,
    pub respondent: Option<&'a str>,
    /// Milliseconds since the Unix epoch, UTC.
    pub timestamp: Option<i64>,
    pub channel: Option<&'a str>,
    pub segment: Option<&'a str>,
    pub line: u64,
}

/// Receives events in file order.
pub trait EventSink {
    fn event(&mut self, event: &RawEvent<'_>);
}

/// Receives score rows in file order.
pub trait ScoreSink {
    fn score(&mut self, row: &RawScore<'_>);
}

/// Told how far long work has come; answers whether to go on. `total` is known for files of
/// known length (bytes); `rows` counts rows or events read so far.
pub trait Progress {
    fn advance(&mut self, done: u64, total: Option<u64>, rows: u64) -> Flow;
}

/// Whether long work goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Cancel,
}

/// Progress that is never reported and never cancels.
pub struct Quiet;

impl Progress for Quiet {
    fn advance(&mut self, _: u64, _: Option<u64>, _: u64) -> Flow {
        Flow::Continue
    }
}

/// What shape a dataset has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum DatasetKind {
    /// Case id, activity, timestamp; optionally channel, score, segment.
    EventLog,
    /// Touchpoint or activity, score; optionally respondent, date, channel, segment.
    ScoreTable,
}

/// The file format a dataset was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum DataFormat {
    Csv,
    /// IEEE 1849 XES, plain or gzipped (detected from the bytes).
    Xes,
}

/// How timestamps without an explicit, unambiguous form are read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// ISO 8601 / RFC 3339; a `dd/mm/yyyy` or `mm/dd/yyyy` form only where the data shows
    /// the order: a first number above 12 (`13/01/2026`) shows day-first, a second one above
    /// 12 (`01/13/2026`) month-first. Rows are held back (at most 100,000) until a date shows
    /// it; a file whose dates never do (every day ≤ 12) is an error naming the choice to make.
    #[default]
    Auto,
    /// `dd/mm/yyyy [hh:mm[:ss]]`
    DayFirst,
    /// `mm/dd/yyyy [hh:mm[:ss]]`
    MonthFirst,
}

/// Which events of a log with XES lifecycle transitions count.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum LifecyclePolicy {
    /// Where the log uses the standard lifecycle model (`start`, `complete`, …), only
    /// `complete` events count; a log that uses the key for other statuses keeps every event.
    #[default]
    CompleteOnly,
    /// Every event counts.
    KeepAll,
}

/// Which column (0-based) plays which role. `None` means the role is absent (or, before the
/// mapping step, not yet suggested). For score tables `activity` is the touchpoint or activity
/// named by the row and `timestamp` its date.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ColumnMapping {
    pub case: Option<u32>,
    pub activity: Option<u32>,
    pub timestamp: Option<u32>,
    pub channel: Option<u32>,
    pub score: Option<u32>,
    pub segment: Option<u32>,
    pub respondent: Option<u32>,
}

/// Everything needed to read a dataset again exactly as it was read the first time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ImportSettings {
    pub kind: DatasetKind,
    pub format: DataFormat,
    /// CSV: the delimiter; `None` detects it.
    pub delimiter: Option<char>,
    /// CSV: whether the first row names the columns; `None` detects it.
    pub has_header: Option<bool>,
    /// CSV: the column roles; `None` suggests them from the header names.
    pub columns: Option<ColumnMapping>,
    pub date_order: DateOrder,
    pub lifecycle: LifecyclePolicy,
    /// Fail on the first bad row instead of skipping and reporting bad rows.
    pub strict: bool,
}

impl ImportSettings {
    /// A file of `kind` in `format`, everything else found in the file or at its default: the
    /// delimiter, the header and the columns detected, dates in the order the file settles
    /// (`Auto`), complete events only, bad rows skipped and reported (not strict).
    pub fn detect(kind: DatasetKind, format: DataFormat) -> Self {
        ImportSettings {
            kind,
            format,
            delimiter: None,
            has_header: None,
            columns: None,
            date_order: DateOrder::Auto,
            lifecycle: LifecyclePolicy::CompleteOnly,
            strict: false,
        }
    }
}

/// A dataset stored beside a map: where it came from and how it was read. The store keeps the
/// source bytes with it, so the report can always be recomputed from the original.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DatasetInfo {
    pub id: Id,
    pub map: Id,
    /// A name for people ("web analytics, Q3"), by default the file name.
    pub name: String,
    /// The file name it was imported from.
    pub source: String,
    pub settings: ImportSettings,
    pub imported: chrono::DateTime<chrono::Utc>,
    /// Size of the stored source in bytes.
    pub bytes: u64,
    /// Rows (CSV) or events (XES) read, and how many of those were bad and skipped.
    pub rows: u64,
    pub bad_rows: u64,
}
