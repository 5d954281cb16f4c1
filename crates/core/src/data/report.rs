//! What a reader hands back: the report of a finished read, the bad rows it skipped, and the
//! errors that stop a read.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{DataFormat, DatasetKind, ImportSettings};

/// How many bad rows a report keeps (it counts them all).
pub const FIRST_BAD_KEPT: usize = 100;

/// The role a column (CSV) or attribute (XES) plays in a dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Case,
    /// The activity of an event, or the touchpoint or activity a score is given for.
    Activity,
    /// The time of an event, or the date of a score.
    Timestamp,
    Channel,
    Score,
    Segment,
    Respondent,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Role::Case,
        Role::Activity,
        Role::Timestamp,
        Role::Channel,
        Role::Score,
        Role::Segment,
        Role::Respondent,
    ];

    /// The role's name in messages and in docs/import.md.
    pub fn name(self) -> &'static str {
        match self {
            Role::Case => "case",
            Role::Activity => "activity",
            Role::Timestamp => "timestamp",
            Role::Channel => "channel",
            Role::Score => "score",
            Role::Segment => "segment",
            Role::Respondent => "respondent",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A row (CSV) or event (XES) that was skipped, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BadRow {
    /// The 1-based line of the file where the row (or the XES `<event>`) starts.
    pub line: u64,
    /// The column's header name (or its role when the file has no header), or the XES
    /// attribute key, when one field is at fault.
    pub column: Option<String>,
    /// What is wrong, quoting the value: `'31/02/2026' is not a date`.
    pub reason: String,
}

impl BadRow {
    pub(crate) fn new(line: u64, column: Option<&str>, reason: impl Into<String>) -> BadRow {
        BadRow {
            line,
            column: column.map(str::to_owned),
            reason: reason.into(),
        }
    }
}

impl fmt::Display for BadRow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.column {
            Some(column) => write!(f, "line {}, column {}: {}", self.line, column, self.reason),
            None => write!(f, "line {}: {}", self.line, self.reason),
        }
    }
}

/// What a finished read did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReadReport {
    /// The settings as resolved: detected delimiter and header, the column mapping used, the
    /// date order inferred. Reading the same bytes with these settings gives the same result,
    /// so these are what a store keeps.
    pub settings: ImportSettings,
    /// The header names (CSV with a header), else empty.
    pub headers: Vec<String>,
    /// Data rows read (CSV, blank rows not counted) or `<event>` elements read (XES).
    pub rows: u64,
    /// Rows or events handed to the sink.
    pub kept: u64,
    /// Rows skipped as bad (all of them; `first_bad` keeps the first 100).
    pub bad_rows: u64,
    pub first_bad: Vec<BadRow>,
    /// Events left out by the lifecycle policy (`rows = kept + bad_rows + skipped_lifecycle`).
    pub skipped_lifecycle: u64,
    /// CSV: the column holding XES-style lifecycle transitions, found by its header name.
    pub lifecycle_column: Option<u32>,
    /// XES: `<trace>` elements read.
    pub traces: u64,
}

impl ReadReport {
    pub(crate) fn new(settings: ImportSettings) -> ReadReport {
        ReadReport {
            settings,
            headers: Vec::new(),
            rows: 0,
            kept: 0,
            bad_rows: 0,
            first_bad: Vec::new(),
            skipped_lifecycle: 0,
            lifecycle_column: None,
            traces: 0,
        }
    }

    /// Counts a bad row, keeps it if it is among the first 100, and fails in strict mode.
    pub(crate) fn bad(&mut self, row: BadRow) -> Result<(), ImportError> {
        if self.settings.strict {
            return Err(ImportError::BadRow(row));
        }
        self.bad_rows += 1;
        if self.first_bad.len() < FIRST_BAD_KEPT {
            self.first_bad.push(row);
        }
        Ok(())
    }

    /// The end of a read: a read that kept nothing is an error, not an empty dataset.
    pub(crate) fn finish(self) -> Result<ReadReport, ImportError> {
        if self.rows == 0 {
            return Err(ImportError::NoRows);
        }
        if self.kept == 0 {
            return Err(ImportError::NothingKept {
                rows: self.rows,
                bad_rows: self.bad_rows,
                skipped_lifecycle: self.skipped_lifecycle,
                first_bad: self.first_bad.into_iter().next().map(Box::new),
            });
        }
        Ok(self)
    }
}

/// Why a read stopped. The sink may already have received rows from before the error (a
/// reader streams and cannot know that a file ends badly): on `Err` the caller discards
/// everything the sink received (the store does so atomically).
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("could not read the data: {0}")]
    Io(#[from] std::io::Error),
    #[error("the gzip data is damaged or cut short (after {offset} compressed bytes): {reason}")]
    Gzip { offset: u64, reason: String },
    #[error("this is not a text file: binary data at byte {offset}")]
    NotText { offset: u64 },
    #[error("the file is {encoding}: save it as UTF-8 and import it again")]
    Encoding { encoding: &'static str },
    #[error("the file has no data rows (or, in XES, no events)")]
    NoRows,
    #[error("{}", nothing_kept(*.rows, *.bad_rows, *.skipped_lifecycle, .first_bad.as_deref()))]
    NothingKept {
        rows: u64,
        bad_rows: u64,
        skipped_lifecycle: u64,
        first_bad: Option<Box<BadRow>>,
    },
    #[error("the delimiter must be a single ASCII character, not {delimiter:?}")]
    Delimiter { delimiter: char },
    #[error("{}", single_column(*.delimiter))]
    SingleColumn { delimiter: Option<char> },
    #[error("no column for the {role}: map one (columns: {})", list(.headers))]
    MissingColumn { role: Role, headers: Vec<String> },
    #[error("the {role} is mapped to column {index}, but the file has {columns} columns")]
    ColumnOutOfRange {
        role: Role,
        index: u32,
        columns: u32,
    },
    /// Strict mode: the first bad row.
    #[error("{0}")]
    BadRow(BadRow),
    #[error(
        "line {line}, column {column}: '{value}' could be day-first (dd/mm/yyyy) or month-first \
         (mm/dd/yyyy), and no date among the {rows} rows read from there tells which: set the \
         date order to day_first or month_first"
    )]
    AmbiguousDates {
        line: u64,
        column: String,
        value: String,
        rows: u64,
    },
    #[error(
        "the lifecycle transitions mix the standard model ('{skipped_value}' at line \
         {skipped_line}, left out) with other statuses ('{value}' at line {line}): set the \
         lifecycle policy to keep_all"
    )]
    LifecycleMixed {
        skipped_line: u64,
        skipped_value: String,
        line: u64,
        value: String,
    },
    #[error("line {line}, column {column}: {reason}")]
    Xml {
        line: u64,
        column: u64,
        reason: String,
    },
    #[error("line {line}, column {column}: a DOCTYPE is not allowed (no entity expansion)")]
    Doctype { line: u64, column: u64 },
    #[error(
        "line {line}, column {column}: the entity '&{name};' is not allowed (no entity expansion)"
    )]
    Entity {
        line: u64,
        column: u64,
        name: String,
    },
    #[error("not an XES log: {reason}")]
    NotXes { reason: String },
    #[error("line {line}, column {column}: the file ends inside <{open}> (cut short?)")]
    Truncated {
        line: u64,
        column: u64,
        open: String,
    },
    #[error("a {kind:?} cannot be read from {format:?}")]
    Unsupported {
        kind: DatasetKind,
        format: DataFormat,
    },
    #[error("cancelled after {rows} rows")]
    Cancelled { rows: u64 },
}

fn list(headers: &[String]) -> String {
    if headers.is_empty() {
        return "none named".into();
    }
    headers
        .iter()
        .map(|h| format!("'{h}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn single_column(delimiter: Option<char>) -> String {
    match delimiter {
        Some(d) => format!(
            "every row has a single column when split at {}: is that the delimiter?",
            show_delimiter(d)
        ),
        None => "every row has a single column: no delimiter (comma, semicolon, tab, pipe) \
                 splits it"
            .into(),
    }
}

pub(crate) fn show_delimiter(d: char) -> String {
    match d {
        '\t' => "tab".into(),
        ',' => "comma ','".into(),
        ';' => "semicolon ';'".into(),
        '|' => "pipe '|'".into(),
        other => format!("{other:?}"),
    }
}

fn nothing_kept(rows: u64, bad: u64, lifecycle: u64, first: Option<&BadRow>) -> String {
    let mut text = format!("none of the {rows} rows could be used");
    if bad > 0 {
        text += &format!(": {bad} bad");
        if let Some(first) = first {
            text += &format!(", the first at {first}");
        }
    }
    if lifecycle > 0 {
        text += &format!(
            "; {lifecycle} left out by the lifecycle policy (only 'complete' events count; \
             keep_all keeps them all)"
        );
    }
    text
}
