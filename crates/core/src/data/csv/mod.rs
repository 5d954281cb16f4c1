//! CSV event logs and score tables: delimiter and header detected, columns mapped to roles
//! (suggested from the header names, overridable), streamed row by row to a sink.
//!
//! Rows are read in reused buffers: memory is bounded by the longest row (at most 1 MiB; a
//! longer one is a bad row), plus, while the date order is still unknown, the rows held back
//! until the data shows it (at most 100,000 rows or 32 MiB, see [`DateOrder::Auto`]).

mod detect;
mod records;
mod rows;

use std::io::{BufRead, BufReader, Cursor, Read};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use self::detect::{read_sample, sample_rows, SAMPLE_ROWS};
use self::records::{Next, Records, MAX_FIELDS, MAX_RECORD_BYTES};
use self::rows::{Columns, Dates, EventColumns, EventRows, Pending, ScoreColumns, ScoreRows};
use super::lifecycle::LifecycleFilter;
use super::mapping::{self, required, suggest_mapping};
use super::report::{BadRow, ImportError, ReadReport, Role};
use super::source::{Source, Ticker};
use super::timestamp::{order_shown, DayCache, Shown};
use super::{
    ColumnMapping, DataFormat, DatasetKind, DateOrder, EventSink, ImportSettings, Progress,
    ScoreSink,
};

pub use self::rows::parse_number;

/// What the import wizard shows before a read: the detected layout, the first rows, and the
/// suggested column roles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Preview {
    pub delimiter: char,
    pub has_header: bool,
    /// The header names, or `column 1`, `column 2`, … when the file has no header.
    pub headers: Vec<String>,
    /// The first data rows, as text (invalid UTF-8 shown as U+FFFD).
    pub rows: Vec<Vec<String>>,
    /// The roles suggested from the header names (or, with no header, from the values).
    pub suggested: ColumnMapping,
    /// The column of lifecycle transitions, found by its header name.
    pub lifecycle_column: Option<u32>,
    /// The date order the previewed rows show: `Auto` when they show none.
    pub date_order: DateOrder,
    /// A date among the previewed rows that reads both day-first and month-first, when no
    /// date shows the order: the user has to choose one.
    pub ambiguous_date: Option<String>,
}

/// Reads the first `n` data rows (and the layout) for the import wizard. `settings` may fix
/// the delimiter, the header or the mapping; what it leaves `None` is detected.
pub fn preview(
    input: impl BufRead,
    settings: &ImportSettings,
    n: usize,
) -> Result<Preview, ImportError> {
    let mut layout = Layout::detect(input, settings)?;
    let mut rows = Vec::new();
    let mut sampled: Vec<Vec<u8>> = Vec::new();
    let date_col = layout.settings.columns.as_ref().and_then(|m| m.timestamp);
    let mut seen = 0;
    while seen < n.max(SAMPLE_ROWS) {
        match layout.records.next().map_err(|e| layout.source_error(e))? {
            Next::End => break,
            Next::TooLong { .. } => continue,
            Next::Record => {}
        }
        let rec = layout.records.record();
        if rec.is_blank() {
            continue;
        }
        seen += 1;
        if let Some(date) = date_col.and_then(|c| rec.get(c as usize)) {
            sampled.push(date.to_vec());
        }
        if rows.len() < n {
            let texts = (0..rec.len()).filter_map(|i| rec.get(i));
            rows.push(
                texts
                    .map(|f| String::from_utf8_lossy(f).into_owned())
                    .collect(),
            );
        }
    }
    let (date_order, ambiguous_date) = date_order_shown(&sampled);
    let width = layout.width;
    let headers = if layout.has_header() {
        layout.headers.clone()
    } else {
        (1..=width).map(|i| format!("column {i}")).collect()
    };
    Ok(Preview {
        delimiter: layout.settings.delimiter.unwrap_or(','),
        has_header: layout.has_header(),
        headers,
        rows,
        suggested: layout.settings.columns.clone().unwrap_or_default(),
        lifecycle_column: layout.lifecycle,
        date_order,
        ambiguous_date,
    })
}

fn date_order_shown(dates: &[Vec<u8>]) -> (DateOrder, Option<String>) {
    let mut ambiguous = None;
    for date in dates {
        match order_shown(date) {
            Shown::Order(order) => return (order, None),
            Shown::Either if ambiguous.is_none() => ambiguous = Some(text_of(date)),
            _ => {}
        }
    }
    (DateOrder::Auto, ambiguous)
}

fn text_of(field: &[u8]) -> String {
    String::from_utf8_lossy(field.trim_ascii()).into_owned()
}

/// Reads a CSV event log (case, activity, timestamp; optionally channel, score, segment) and
/// hands its events to `sink` in file order. `settings.kind` and `settings.format` are not
/// consulted; the report's settings say `EventLog` and `Csv`.
///
/// On `Err` the sink may already have received events (a fatal error can come late in a
/// file): the caller discards everything it received.
pub fn read_events(
    input: impl BufRead,
    settings: &ImportSettings,
    sink: &mut dyn EventSink,
    progress: &mut dyn Progress,
) -> Result<ReadReport, ImportError> {
    let settings = ImportSettings {
        kind: DatasetKind::EventLog,
        format: DataFormat::Csv,
        ..settings.clone()
    };
    let layout = Layout::detect(input, &settings)?;
    let mapping = layout.mapping();
    check_mapping(&mapping, settings.kind, &layout.headers)?;
    let col = |role| mapping.get(role).map(|c| c as usize);
    let mut rows = EventRows {
        cols: EventColumns {
            case: col(Role::Case).unwrap_or_default(),
            activity: col(Role::Activity).unwrap_or_default(),
            timestamp: col(Role::Timestamp).unwrap_or_default(),
            channel: col(Role::Channel),
            score: col(Role::Score),
            segment: col(Role::Segment),
            lifecycle: layout.lifecycle.map(|c| c as usize),
        },
        names: Columns {
            names: layout.headers.clone(),
        },
        lifecycle: LifecycleFilter::new(settings.lifecycle),
        sink,
    };
    let date_col = col(Role::Timestamp);
    layout.run(date_col, progress, |rec, dates, report| {
        rows.row(rec, dates, report)
    })
}

/// Reads a CSV score table (touchpoint or activity, score; optionally respondent, date,
/// channel, segment) and hands its rows to `sink` in file order. As for [`read_events`], on
/// `Err` the caller discards what the sink received.
pub fn read_scores(
    input: impl BufRead,
    settings: &ImportSettings,
    sink: &mut dyn ScoreSink,
    progress: &mut dyn Progress,
) -> Result<ReadReport, ImportError> {
    let settings = ImportSettings {
        kind: DatasetKind::ScoreTable,
        format: DataFormat::Csv,
        ..settings.clone()
    };
    let layout = Layout::detect(input, &settings)?;
    let mapping = layout.mapping();
    check_mapping(&mapping, settings.kind, &layout.headers)?;
    let col = |role| mapping.get(role).map(|c| c as usize);
    let mut rows = ScoreRows {
        cols: ScoreColumns {
            subject: col(Role::Activity).unwrap_or_default(),
            score: col(Role::Score).unwrap_or_default(),
            timestamp: col(Role::Timestamp),
            respondent: col(Role::Respondent),
            channel: col(Role::Channel),
            segment: col(Role::Segment),
        },
        names: Columns {
            names: layout.headers.clone(),
        },
        sink,
    };
    let date_col = col(Role::Timestamp);
    layout.run(date_col, progress, |rec, dates, report| {
        rows.row(rec, dates, report)
    })
}

/// The sample, then the rest; buffered here so that the per-record calls are inlined (the
/// source behind is a trait object).
type Text<'r> = BufReader<std::io::Chain<Cursor<Vec<u8>>, Box<dyn BufRead + 'r>>>;

/// A CSV file's layout, resolved, and its records positioned after the header.
struct Layout<'r> {
    /// Delimiter, header and columns filled in.
    settings: ImportSettings,
    headers: Vec<String>,
    /// Columns of the widest sampled row.
    width: usize,
    lifecycle: Option<u32>,
    records: Records<Text<'r>>,
    consumed: std::rc::Rc<std::cell::Cell<u64>>,
    gzip: bool,
}

impl<'r> Layout<'r> {
    fn detect(
        input: impl BufRead + 'r,
        settings: &ImportSettings,
    ) -> Result<Layout<'r>, ImportError> {
        let mut source = Source::open(input)?;
        let (sample, whole) = read_sample(&mut source.reader).map_err(|e| source.error(e))?;
        if sample.trim_ascii().is_empty() {
            return Err(ImportError::NoRows);
        }
        let delimiter = match settings.delimiter {
            Some(d) if d.is_ascii() && !matches!(d, '"' | '\n' | '\r') => d as u8,
            Some(d) => return Err(ImportError::Delimiter { delimiter: d }),
            None => detect::detect_delimiter(&sample, whole)
                .ok_or(ImportError::SingleColumn { delimiter: None })?,
        };
        let rows = sample_rows(&sample, whole, delimiter);
        if rows.is_empty() {
            return Err(ImportError::NoRows);
        }
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        if width < 2 {
            return Err(ImportError::SingleColumn {
                delimiter: Some(delimiter as char),
            });
        }
        let has_header = settings
            .has_header
            .unwrap_or_else(|| detect::detect_header(&rows));
        let headers: Vec<String> = if has_header {
            rows[0]
                .iter()
                .map(|f| String::from_utf8_lossy(f).trim().to_owned())
                .collect()
        } else {
            Vec::new()
        };
        let mapping = match &settings.columns {
            Some(mapping) => mapping.clone(),
            None if has_header => suggest_mapping(&headers, settings.kind),
            None => detect::suggest_from_content(&rows, settings.kind),
        };
        let lifecycle = match settings.kind {
            DatasetKind::EventLog => mapping::lifecycle_column(&headers, &mapping),
            DatasetKind::ScoreTable => None,
        };
        let text: Text<'r> =
            BufReader::with_capacity(256 * 1024, Cursor::new(sample).chain(source.reader));
        let mut records = Records::new(text, delimiter);
        if has_header {
            // The header, already read from the sample.
            loop {
                let next = records.next();
                match next.map_err(|e| Source::classify(source.gzip, source.consumed.get(), e))? {
                    Next::Record if records.record().is_blank() => continue,
                    _ => break,
                }
            }
        }
        Ok(Layout {
            settings: ImportSettings {
                delimiter: Some(delimiter as char),
                has_header: Some(has_header),
                columns: Some(mapping),
                ..settings.clone()
            },
            headers,
            width,
            lifecycle,
            records,
            consumed: source.consumed,
            gzip: source.gzip,
        })
    }

    fn has_header(&self) -> bool {
        self.settings.has_header == Some(true)
    }

    fn mapping(&self) -> ColumnMapping {
        self.settings.columns.clone().unwrap_or_default()
    }

    fn source_error(&self, e: std::io::Error) -> ImportError {
        Source::classify(self.gzip, self.consumed.get(), e)
    }

    /// Reads every row into `row`, holding rows back while the date order is unknown.
    fn run(
        mut self,
        date_col: Option<usize>,
        progress: &mut dyn Progress,
        mut row: impl FnMut(records::Record<'_>, &mut Dates, &mut ReadReport) -> Result<(), ImportError>,
    ) -> Result<ReadReport, ImportError> {
        let mut ticker = Ticker::new(progress, self.consumed.clone());
        let mut report = ReadReport::new(self.settings.clone());
        report.headers = self.headers.clone();
        report.lifecycle_column = self.lifecycle;
        let mut dates = Dates {
            order: self.settings.date_order,
            shown_by: None,
            cache: DayCache::default(),
        };
        let mut pending = Pending::default();
        loop {
            match self.records.next().map_err(|e| self.source_error(e))? {
                Next::End => break,
                Next::TooLong { line } => {
                    report.rows += 1;
                    report.bad(too_long(line))?;
                    continue;
                }
                Next::Record => {}
            }
            let rec = self.records.record();
            if rec.is_blank() {
                continue;
            }
            report.rows += 1;
            ticker.tick(report.rows)?;
            if dates.order == DateOrder::Auto {
                let date = date_col.and_then(|c| rec.get(c)).unwrap_or_default();
                match order_shown(date) {
                    Shown::Either if pending.first.is_none() => {
                        pending.first = Some((rec.line, text_of(date)));
                    }
                    Shown::Order(order) => {
                        dates.order = order;
                        dates.shown_by = Some((rec.line, text_of(date)));
                    }
                    _ => {}
                }
                if pending.first.is_some() && dates.order == DateOrder::Auto {
                    if pending.full() {
                        return Err(ambiguous(&pending, &self.headers, date_col));
                    }
                    pending.push(&rec);
                    continue;
                }
                pending.drain(|held| row(held, &mut dates, &mut report))?;
            }
            row(rec, &mut dates, &mut report)?;
        }
        if pending.first.is_some() {
            return Err(ambiguous(&pending, &self.headers, date_col));
        }
        ticker.tell(report.rows)?;
        report.settings.date_order = dates.order;
        report.finish()
    }
}

fn too_long(line: u64) -> BadRow {
    BadRow::new(
        line,
        None,
        format!(
            "the row is longer than {} KiB or has more than {MAX_FIELDS} fields (an unclosed \
             quote?)",
            MAX_RECORD_BYTES / 1024
        ),
    )
}

fn ambiguous(pending: &Pending, headers: &[String], date_col: Option<usize>) -> ImportError {
    let (line, value) = pending.first.clone().unwrap_or_default();
    let column = date_col
        .and_then(|c| headers.get(c).cloned())
        .unwrap_or_else(|| Role::Timestamp.name().to_owned());
    ImportError::AmbiguousDates {
        line,
        column,
        value,
        rows: pending.len() as u64,
    }
}

/// Every required role has a column, and with a header every column exists.
fn check_mapping(
    mapping: &ColumnMapping,
    kind: DatasetKind,
    headers: &[String],
) -> Result<(), ImportError> {
    for &role in required(kind) {
        if mapping.get(role).is_none() {
            return Err(ImportError::MissingColumn {
                role,
                headers: headers.to_vec(),
            });
        }
    }
    if !headers.is_empty() {
        for role in Role::ALL {
            match mapping.get(role) {
                Some(index) if index as usize >= headers.len() => {
                    return Err(ImportError::ColumnOutOfRange {
                        role,
                        index,
                        columns: headers.len() as u32,
                    })
                }
                _ => {}
            }
        }
    }
    Ok(())
}
