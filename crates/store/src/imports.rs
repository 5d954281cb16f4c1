//! Importing a file as a dataset beside a map, as the import wizard does it: a preview of the
//! first rows with the detected layout and suggested column roles; the import itself (the file
//! read through the same reader the report uses, then its bytes stored), streaming, with
//! progress and cancel; the unmatched names afterwards; and the edit that confirms aliases.
//!
//! An import is all or nothing: a file that cannot be read, or that keeps no row, is refused
//! before anything is stored; a cancel during the read or the store leaves nothing behind
//! (`dataset_put` removes its chunks).
//!
//! Files dropped on the app's window arrive as bytes, not paths: [`Workspace::upload_begin`]
//! and [`Workspace::upload_append`] write them to a file under the workspace's `incoming/`
//! folder, bounded by [`UPLOAD_LIMIT`]; the import reads that file like any other and the
//! caller removes it afterwards ([`Workspace::upload_remove`]). Left-overs of a crash are
//! removed at the next [`Workspace::upload_sweep`].

use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use corridor_core::data::{
    self, csv, BadRow, ColumnMapping, DataFormat, DatasetInfo, DatasetKind, DateOrder, EventSink,
    Flow, ImportError, ImportSettings, Progress, RawEvent, RawScore, ScoreSink,
};
use corridor_core::gap::{aliases_edit, BlindSpots, ConfirmedAlias, Filter};
use corridor_core::{Edit, Id};
use serde::{Deserialize, Serialize};

use crate::{StoreError, Workspace};

/// How many rows a preview shows.
pub const PREVIEW_ROWS: usize = 20;

/// The largest file a window may hand over as bytes (a drop): 2 GiB.
pub const UPLOAD_LIMIT: u64 = 2 << 30;

/// What the wizard shows before an import: the format and kind detected, the layout, the first
/// rows and the settings suggested (send them back, changed or not, to import).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ImportPreview {
    /// The file's name (not its path).
    pub name: String,
    /// The file's size in bytes.
    pub bytes: u64,
    /// The settings to import with: the detected format, kind, delimiter and header, the
    /// suggested columns, the date order the rows show.
    pub settings: ImportSettings,
    /// The column names (CSV: the header, or `column 1`, …; XES: the fields read).
    pub headers: Vec<String>,
    /// The first rows as text.
    pub rows: Vec<Vec<String>>,
    /// CSV: the column of lifecycle transitions, found by its name.
    pub lifecycle_column: Option<u32>,
    /// A date that reads both day-first and month-first, when no previewed date shows the
    /// order: the user chooses one.
    pub ambiguous_date: Option<String>,
}

/// Which part of an import is running.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ImportPhase {
    /// The file read through the reader, every row checked.
    Reading,
    /// The file's bytes written into the workspace.
    Storing,
}

/// How far an import has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ImportProgress {
    pub phase: ImportPhase,
    /// Bytes of the file done in this phase.
    pub bytes: u64,
    /// The file's size.
    pub total: u64,
    /// Rows (CSV) or events (XES) read so far (the reading phase; the whole count after).
    pub rows: u64,
}

/// What an import stored, and what it skipped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Imported {
    pub dataset: DatasetInfo,
    /// Rows handed on (the rest were bad or left out by the lifecycle policy).
    pub kept: u64,
    pub skipped_lifecycle: u64,
    /// The first bad rows (at most 100), with line, column and reason.
    pub first_bad: Vec<BadRow>,
}

/// The format of a file: XES when its name says so, or when its first bytes are XML (or gzip,
/// unless the name says CSV); otherwise CSV.
pub fn sniff_format(name: &str, head: &[u8]) -> DataFormat {
    let lower = name.to_lowercase();
    if lower.ends_with(".xes") || lower.ends_with(".xes.gz") {
        return DataFormat::Xes;
    }
    if lower.ends_with(".csv") || lower.ends_with(".csv.gz") || lower.ends_with(".tsv") {
        return DataFormat::Csv;
    }
    let text = String::from_utf8_lossy(&head[..head.len().min(256)]);
    let xml = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<');
    if head.starts_with(&[0x1f, 0x8b]) || xml {
        DataFormat::Xes
    } else {
        DataFormat::Csv
    }
}

fn read_err(name: &str, e: impl std::fmt::Display) -> StoreError {
    StoreError::DatasetSource {
        name: name.to_string(),
        message: e.to_string(),
    }
}

fn open(path: &Path, name: &str) -> Result<(BufReader<File>, u64), StoreError> {
    let file = File::open(path).map_err(|e| read_err(name, e))?;
    let len = file.metadata().map_err(|e| read_err(name, e))?.len();
    Ok((BufReader::with_capacity(1 << 16, file), len))
}

fn complete(kind: DatasetKind, m: &ColumnMapping) -> bool {
    match kind {
        DatasetKind::EventLog => m.case.is_some() && m.activity.is_some() && m.timestamp.is_some(),
        DatasetKind::ScoreTable => m.activity.is_some() && m.score.is_some(),
    }
}

/// The preview of the file at `path` (named `name` for people). `settings`: the user's choices
/// so far (format, kind, delimiter, header, columns, date order), kept as given; `None` detects
/// everything, the kind included (an event log unless only a score table's columns are found).
pub fn import_preview(
    path: &Path,
    name: &str,
    settings: Option<&ImportSettings>,
) -> Result<ImportPreview, StoreError> {
    let (mut input, bytes) = open(path, name)?;
    let head = input.fill_buf().map_err(|e| read_err(name, e))?.to_vec();
    // The kind is guessed only when nothing was chosen yet.
    let guessing_kind = settings.is_none();
    let settings = match settings {
        Some(s) => s.clone(),
        None => ImportSettings::detect(DatasetKind::EventLog, sniff_format(name, &head)),
    };
    match settings.format {
        DataFormat::Xes => xes_preview(input, name, bytes, settings),
        DataFormat::Csv => {
            let mut preview = csv_preview(input, name, bytes, &settings)?;
            if guessing_kind && !complete(DatasetKind::EventLog, &columns(&preview.settings)) {
                let mut scores = settings.clone();
                scores.kind = DatasetKind::ScoreTable;
                let (input, _) = open(path, name)?;
                let other = csv_preview(input, name, bytes, &scores)?;
                if complete(DatasetKind::ScoreTable, &columns(&other.settings)) {
                    preview = other;
                }
            }
            Ok(preview)
        }
    }
}

fn columns(settings: &ImportSettings) -> ColumnMapping {
    settings.columns.clone().unwrap_or_default()
}

fn csv_preview(
    input: impl BufRead,
    name: &str,
    bytes: u64,
    settings: &ImportSettings,
) -> Result<ImportPreview, StoreError> {
    let p = csv::preview(input, settings, PREVIEW_ROWS).map_err(|e| read_err(name, e))?;
    let mut resolved = settings.clone();
    resolved.delimiter = Some(p.delimiter);
    resolved.has_header = Some(p.has_header);
    resolved.columns = Some(settings.columns.clone().unwrap_or(p.suggested.clone()));
    if resolved.date_order == DateOrder::Auto {
        resolved.date_order = p.date_order;
    }
    let mut rows = p.rows;
    rows.truncate(PREVIEW_ROWS);
    Ok(ImportPreview {
        name: name.to_string(),
        bytes,
        settings: resolved,
        headers: p.headers,
        rows,
        lifecycle_column: p.lifecycle_column,
        ambiguous_date: p.ambiguous_date,
    })
}

/// The first events of an XES log, as rows of the fields the reader fills.
struct FirstEvents(Vec<Vec<String>>);

fn time_text(ms: Option<i64>) -> String {
    ms.and_then(DateTime::<Utc>::from_timestamp_millis)
        .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
        .unwrap_or_default()
}

impl EventSink for FirstEvents {
    fn event(&mut self, e: &RawEvent<'_>) {
        if self.0.len() < PREVIEW_ROWS {
            self.0.push(vec![
                e.case.to_string(),
                e.activity.to_string(),
                time_text(e.timestamp),
                e.channel.unwrap_or_default().to_string(),
                e.score.map(|s| s.to_string()).unwrap_or_default(),
                e.segment.unwrap_or_default().to_string(),
            ]);
        }
    }
}

/// XES has no mapping step: the preview shows the first events the reader yields, read from
/// the first 4 MiB at most (a log cut there is fine for a preview).
fn xes_preview(
    input: impl BufRead,
    name: &str,
    bytes: u64,
    mut settings: ImportSettings,
) -> Result<ImportPreview, StoreError> {
    settings.kind = DatasetKind::EventLog;
    settings.delimiter = None;
    settings.has_header = None;
    settings.columns = None;
    let mut sink = FirstEvents(Vec::new());
    let read = data::xes::read_events(
        BufReader::new(input.take(4 << 20)),
        &settings,
        &mut sink,
        &mut data::Quiet,
    );
    if let Err(e) = read {
        if sink.0.is_empty() {
            return Err(read_err(name, e));
        }
    }
    Ok(ImportPreview {
        name: name.to_string(),
        bytes,
        settings,
        headers: [
            "case",
            "activity",
            "timestamp",
            "channel",
            "score",
            "segment",
        ]
        .map(String::from)
        .to_vec(),
        rows: sink.0,
        lifecycle_column: None,
        ambiguous_date: None,
    })
}

/// A sink that only lets rows go by: the report counts them.
struct Discard;

impl EventSink for Discard {
    fn event(&mut self, _: &RawEvent<'_>) {}
}

impl ScoreSink for Discard {
    fn score(&mut self, _: &RawScore<'_>) {}
}

/// Turns the readers' and the store's progress into [`ImportProgress`] for one phase.
struct Phase<'a> {
    phase: ImportPhase,
    total: u64,
    rows: u64,
    report: &'a mut dyn FnMut(ImportProgress) -> Flow,
}

impl Progress for Phase<'_> {
    fn advance(&mut self, done: u64, _: Option<u64>, rows: u64) -> Flow {
        if self.phase == ImportPhase::Reading {
            self.rows = rows;
        }
        (self.report)(ImportProgress {
            phase: self.phase,
            bytes: done.min(self.total),
            total: self.total,
            rows: self.rows,
        })
    }
}

/// One file to import.
pub struct ImportRequest<'a> {
    pub map: Id,
    /// Where the bytes are.
    pub path: &'a Path,
    /// The file's name, kept as the dataset's source.
    pub source: &'a str,
    /// The dataset's name for people (the file name if empty).
    pub name: &'a str,
    pub settings: &'a ImportSettings,
    pub id: Id,
    pub now: DateTime<Utc>,
}

impl Workspace {
    /// Import a file as a dataset beside a map: read it whole through the reader (every row
    /// checked, bad rows counted with their lines), then store its bytes with the settings the
    /// read resolved. `progress` hears both phases and may cancel either. A file that cannot be
    /// read, that keeps no row, or a cancel: an error, and nothing is stored.
    pub fn dataset_import(
        &self,
        req: &ImportRequest<'_>,
        progress: &mut dyn FnMut(ImportProgress) -> Flow,
    ) -> Result<Imported, StoreError> {
        self.get(req.map)?;
        let (input, total) = open(req.path, req.source)?;
        let mut reading = Phase {
            phase: ImportPhase::Reading,
            total,
            rows: 0,
            report: progress,
        };
        let read = match req.settings.kind {
            DatasetKind::EventLog => {
                data::read_events(input, req.settings, &mut Discard, &mut reading)
            }
            DatasetKind::ScoreTable => {
                data::read_scores(input, req.settings, &mut Discard, &mut reading)
            }
        };
        let report = match read {
            Ok(r) => r,
            Err(ImportError::Cancelled { .. }) => return Err(StoreError::Cancelled),
            Err(e) => return Err(read_err(req.source, e)),
        };
        if report.kept == 0 {
            return Err(read_err(req.source, "no usable rows"));
        }
        let name = if req.name.trim().is_empty() {
            req.source
        } else {
            req.name.trim()
        };
        let info = DatasetInfo {
            id: req.id,
            map: req.map,
            name: name.to_string(),
            source: req.source.to_string(),
            settings: report.settings.clone(),
            imported: req.now,
            bytes: total,
            rows: report.rows,
            bad_rows: report.bad_rows,
        };
        let mut storing = Phase {
            phase: ImportPhase::Storing,
            total,
            rows: report.rows,
            report: reading.report,
        };
        let mut file = File::open(req.path).map_err(|e| read_err(req.source, e))?;
        let dataset = self.dataset_put(&info, &mut file, &mut storing)?;
        Ok(Imported {
            dataset,
            kept: report.kept,
            skipped_lifecycle: report.skipped_lifecycle,
            first_bad: report.first_bad,
        })
    }

    /// The observed names of the map's datasets that match no touchpoint (with counts and
    /// suggested touchpoints), and the touchpoints never observed; `None` without datasets.
    pub fn unmatched_names(&self, map: Id) -> Result<Option<BlindSpots>, StoreError> {
        Ok(self
            .gap_report_filtered(map, &Filter::all(), false)?
            .map(|(report, _)| report.blind_spots))
    }

    /// The edit that makes each confirmed name an alias of its touchpoint (one `Edit`, to send
    /// like any other, so undo takes it back); `None` when nothing would change.
    pub fn aliases_edit(
        &self,
        map: Id,
        confirmed: &[ConfirmedAlias],
    ) -> Result<Option<Edit>, StoreError> {
        let m = self.get(map)?;
        aliases_edit(&m, confirmed).map_err(|e| StoreError::Aliases {
            title: m.title.clone(),
            reason: e.to_string(),
        })
    }

    fn incoming(&self) -> PathBuf {
        self.path().join("incoming")
    }

    /// Where the bytes of upload `id` are written.
    pub fn upload_path(&self, id: Id) -> PathBuf {
        self.incoming().join(id.to_string())
    }

    /// Start receiving a file of `size` bytes as bytes (a file dropped on a window): an empty
    /// file under the workspace's `incoming/` folder. Refused above [`UPLOAD_LIMIT`].
    pub fn upload_begin(&self, id: Id, name: &str, size: u64) -> Result<PathBuf, StoreError> {
        if size > UPLOAD_LIMIT {
            return Err(read_err(
                name,
                format!(
                    "the file is {} MB; a dropped file may be at most {} MB (open larger files \
                     with Import data… instead)",
                    size >> 20,
                    UPLOAD_LIMIT >> 20
                ),
            ));
        }
        let path = self.upload_path(id);
        let write_err = |e: std::io::Error| StoreError::Write {
            path: path.clone(),
            message: e.to_string(),
        };
        std::fs::create_dir_all(self.incoming()).map_err(write_err)?;
        File::create(&path).map_err(write_err)?;
        Ok(path)
    }

    /// Append the next piece of upload `id`, which must start at `offset` (the bytes so far)
    /// and stay within `size`. Returns the bytes received so far.
    pub fn upload_append(
        &self,
        id: Id,
        offset: u64,
        size: u64,
        bytes: &[u8],
    ) -> Result<u64, StoreError> {
        let path = self.upload_path(id);
        let write_err = |message: String| StoreError::Write {
            path: path.clone(),
            message,
        };
        let mut file = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .map_err(|e| write_err(format!("no upload under way ({e})")))?;
        let have = file.metadata().map_err(|e| write_err(e.to_string()))?.len();
        if have != offset {
            return Err(write_err(format!(
                "a piece for byte {offset} arrived, but {have} bytes were received"
            )));
        }
        let end = offset + bytes.len() as u64;
        if end > size.min(UPLOAD_LIMIT) {
            return Err(write_err(format!(
                "more bytes ({end}) than the file's size ({size})"
            )));
        }
        file.write_all(bytes)
            .map_err(|e| write_err(e.to_string()))?;
        Ok(end)
    }

    /// Remove an upload's file (after its import, or when it was abandoned).
    pub fn upload_remove(&self, id: Id) {
        let _ = std::fs::remove_file(self.upload_path(id));
    }

    /// Remove every upload's file (left over from a crash); call at start-up.
    pub fn upload_sweep(&self) {
        let _ = std::fs::remove_dir_all(self.incoming());
    }
}
