//! From records to events and scores: fields by role, values parsed, bad rows told apart, and
//! the date order found out from the data when it is [`DateOrder::Auto`].

use super::records::Record;
use crate::data::lifecycle::LifecycleFilter;
use crate::data::report::{BadRow, ImportError, ReadReport, Role};
use crate::data::timestamp::{self, DayCache, TimestampError};
use crate::data::{DateOrder, EventSink, RawEvent, RawScore, ScoreSink};

/// Rows held back while the date order is still unknown, at most …
pub const PENDING_ROWS: usize = 100_000;
/// … and at most these many bytes of them.
pub const PENDING_BYTES: usize = 32 << 20;

/// A number: `4`, `-1.5`, `1e3`, or with a decimal comma (`4,5`) when it has no point.
/// Not-a-number and infinities are not numbers here.
pub fn parse_number(field: &[u8]) -> Option<f64> {
    let field = field.trim_ascii();
    // Small whole numbers (most scores) without the general float parser.
    if !field.is_empty() && field.len() <= 15 && field.iter().all(u8::is_ascii_digit) {
        return Some(field.iter().fold(0u64, |n, d| n * 10 + u64::from(d - b'0')) as f64);
    }
    let text = std::str::from_utf8(field).ok()?;
    let value = match text.parse::<f64>() {
        Ok(v) => v,
        Err(_) if !text.contains('.') && text.matches(',').count() == 1 => {
            text.replace(',', ".").parse().ok()?
        }
        Err(_) => return None,
    };
    value.is_finite().then_some(value)
}

/// The date order in force, and what decided it.
pub struct Dates {
    pub order: DateOrder,
    /// The line and value that showed the order, when the data decided it.
    pub shown_by: Option<(u64, String)>,
    pub cache: DayCache,
}

impl Dates {
    fn hint(&self) -> String {
        let order = match self.order {
            DateOrder::DayFirst => "day-first (dd/mm/yyyy)",
            DateOrder::MonthFirst => "month-first (mm/dd/yyyy)",
            DateOrder::Auto => return String::new(),
        };
        match &self.shown_by {
            Some((line, value)) => {
                format!(" in {order} order, which '{value}' at line {line} shows")
            }
            None => format!(" in {order} order, as set"),
        }
    }
}

/// The column names used in messages: the header's, or the role's when there is no header.
pub struct Columns {
    pub names: Vec<String>,
}

impl Columns {
    fn name(&self, col: usize, role: Role) -> &str {
        self.names.get(col).map_or(role.name(), String::as_str)
    }
}

/// A field's problem, before it becomes a [`BadRow`].
fn bad(rec: &Record<'_>, cols: &Columns, col: usize, role: Role, reason: String) -> BadRow {
    BadRow::new(rec.line, Some(cols.name(col, role)), reason)
}

#[inline]
fn field<'a>(rec: &Record<'a>, cols: &Columns, col: usize, role: Role) -> Result<&'a str, BadRow> {
    match rec.text(col) {
        Some(Ok(text)) => Ok(text.trim_ascii()),
        problem => Err(not_a_field(rec, cols, col, role, problem.is_some())),
    }
}

/// Why field `col` could not be read: it is not UTF-8, or (`!present`) the row is too short.
#[cold]
#[inline(never)]
fn not_a_field(rec: &Record<'_>, cols: &Columns, col: usize, role: Role, present: bool) -> BadRow {
    let reason = match rec.text(col) {
        Some(Err(at)) if present => format!("not UTF-8 text (byte {})", at + 1),
        _ => format!("missing: the row has {} fields", rec.len()),
    };
    bad(rec, cols, col, role, reason)
}

fn required<'a>(
    rec: &Record<'a>,
    cols: &Columns,
    col: usize,
    role: Role,
) -> Result<&'a str, BadRow> {
    let text = field(rec, cols, col, role)?;
    if text.is_empty() {
        return Err(bad(rec, cols, col, role, "empty".into()));
    }
    Ok(text)
}

/// An optional field: absent or empty is `None`.
fn optional<'a>(
    rec: &Record<'a>,
    cols: &Columns,
    col: Option<usize>,
    role: Role,
) -> Result<Option<&'a str>, BadRow> {
    let Some(col) = col else { return Ok(None) };
    if rec.get(col).is_none() {
        return Ok(None);
    }
    Ok(Some(field(rec, cols, col, role)?).filter(|t| !t.is_empty()))
}

fn time(
    rec: &Record<'_>,
    cols: &Columns,
    col: usize,
    text: &str,
    dates: &mut Dates,
) -> Result<i64, BadRow> {
    let order = dates.order;
    timestamp::parse_with(text.as_bytes(), order, &mut dates.cache).map_err(|e| {
        let reason = match e {
            TimestampError::NotADate => format!("'{text}' is not a date{}", dates.hint()),
            TimestampError::Ambiguous => format!("'{text}' could be day-first or month-first"),
        };
        bad(rec, cols, col, Role::Timestamp, reason)
    })
}

fn number(rec: &Record<'_>, cols: &Columns, col: usize, text: &str) -> Result<f64, BadRow> {
    parse_number(text.as_bytes()).ok_or_else(|| {
        bad(
            rec,
            cols,
            col,
            Role::Score,
            format!("'{text}' is not a number"),
        )
    })
}

/// The columns of an event log (0-based).
pub struct EventColumns {
    pub case: usize,
    pub activity: usize,
    pub timestamp: usize,
    pub channel: Option<usize>,
    pub score: Option<usize>,
    pub segment: Option<usize>,
    pub lifecycle: Option<usize>,
}

/// Hands each row of an event log to the sink, or reports why not.
pub struct EventRows<'s> {
    pub cols: EventColumns,
    pub names: Columns,
    pub lifecycle: LifecycleFilter,
    pub sink: &'s mut dyn EventSink,
}

impl EventRows<'_> {
    pub fn row(
        &mut self,
        rec: Record<'_>,
        dates: &mut Dates,
        report: &mut ReadReport,
    ) -> Result<(), ImportError> {
        if self.cols.lifecycle.is_some() {
            let transition = match optional(&rec, &self.names, self.cols.lifecycle, Role::Activity)
            {
                Ok(t) => t,
                Err(row) => return report.bad(row),
            };
            if !self.lifecycle.keeps(transition, rec.line)? {
                report.skipped_lifecycle += 1;
                return Ok(());
            }
        }
        match self.event(&rec, dates) {
            Ok(event) => {
                self.sink.event(&event);
                report.kept += 1;
                Ok(())
            }
            Err(row) => report.bad(row),
        }
    }

    fn event<'a>(&self, rec: &Record<'a>, dates: &mut Dates) -> Result<RawEvent<'a>, BadRow> {
        let (c, n) = (&self.cols, &self.names);
        let case = required(rec, n, c.case, Role::Case)?;
        let activity = required(rec, n, c.activity, Role::Activity)?;
        let when = required(rec, n, c.timestamp, Role::Timestamp)?;
        let timestamp = time(rec, n, c.timestamp, when, dates)?;
        let score = match optional(rec, n, c.score, Role::Score)? {
            Some(text) => Some(number(rec, n, c.score.unwrap_or_default(), text)?),
            None => None,
        };
        Ok(RawEvent {
            case,
            activity,
            timestamp: Some(timestamp),
            channel: optional(rec, n, c.channel, Role::Channel)?,
            score,
            segment: optional(rec, n, c.segment, Role::Segment)?,
            line: rec.line,
        })
    }
}

/// The columns of a score table (0-based).
pub struct ScoreColumns {
    pub subject: usize,
    pub score: usize,
    pub timestamp: Option<usize>,
    pub respondent: Option<usize>,
    pub channel: Option<usize>,
    pub segment: Option<usize>,
}

/// Hands each row of a score table to the sink, or reports why not.
pub struct ScoreRows<'s> {
    pub cols: ScoreColumns,
    pub names: Columns,
    pub sink: &'s mut dyn ScoreSink,
}

impl ScoreRows<'_> {
    pub fn row(
        &mut self,
        rec: Record<'_>,
        dates: &mut Dates,
        report: &mut ReadReport,
    ) -> Result<(), ImportError> {
        match self.score(&rec, dates) {
            Ok(row) => {
                self.sink.score(&row);
                report.kept += 1;
                Ok(())
            }
            Err(row) => report.bad(row),
        }
    }

    fn score<'a>(&self, rec: &Record<'a>, dates: &mut Dates) -> Result<RawScore<'a>, BadRow> {
        let (c, n) = (&self.cols, &self.names);
        let subject = required(rec, n, c.subject, Role::Activity)?;
        let text = required(rec, n, c.score, Role::Score)?;
        let score = number(rec, n, c.score, text)?;
        let timestamp = match optional(rec, n, c.timestamp, Role::Timestamp)? {
            Some(text) => Some(time(rec, n, c.timestamp.unwrap_or_default(), text, dates)?),
            None => None,
        };
        Ok(RawScore {
            subject,
            score,
            respondent: optional(rec, n, c.respondent, Role::Respondent)?,
            timestamp,
            channel: optional(rec, n, c.channel, Role::Channel)?,
            segment: optional(rec, n, c.segment, Role::Segment)?,
            line: rec.line,
        })
    }
}

/// Rows held back, in file order, until the data shows the date order.
#[derive(Default)]
pub struct Pending {
    data: Vec<u8>,
    ends: Vec<usize>,
    /// Per row: its line and where its data and ends stop.
    rows: Vec<(u64, usize, usize)>,
    /// The first row that could not be read without knowing the order, and its date.
    pub first: Option<(u64, String)>,
}

impl Pending {
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether one more row would go over the bounds.
    pub fn full(&self) -> bool {
        self.rows.len() >= PENDING_ROWS || self.data.len() >= PENDING_BYTES
    }

    pub fn push(&mut self, rec: &Record<'_>) {
        self.data.extend_from_slice(rec.data());
        self.ends.extend_from_slice(rec.ends());
        self.rows.push((rec.line, self.data.len(), self.ends.len()));
    }

    /// Hands every held row to `f`, in order, and forgets them.
    pub fn drain(
        &mut self,
        mut f: impl FnMut(Record<'_>) -> Result<(), ImportError>,
    ) -> Result<(), ImportError> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let (mut data_at, mut ends_at) = (0, 0);
        for &(line, data_end, ends_end) in &self.rows {
            f(Record::new(
                line,
                &self.data[data_at..data_end],
                &self.ends[ends_at..ends_end],
            ))?;
            (data_at, ends_at) = (data_end, ends_end);
        }
        self.data.clear();
        self.ends.clear();
        self.rows.clear();
        self.first = None;
        Ok(())
    }
}
