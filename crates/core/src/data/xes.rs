//! XES event logs (IEEE 1849), plain or gzipped, streamed with quick-xml's pull parser.
//!
//! Read: a `<trace>`'s `concept:name` is the case; an `<event>`'s `concept:name` is the
//! activity, `time:timestamp` its time, `lifecycle:transition` its transition (see
//! [`LifecyclePolicy`](super::LifecyclePolicy)); the keys `channel`/`medium`,
//! `segment`/`cohort`/`tier` and `score`/`rating`/`csat`/`nps` (any case) give channel,
//! segment and score. A trace's own channel and segment are its events' defaults. Other
//! attributes, nested attributes, lists, `<global>` defaults and classifiers are ignored.
//!
//! No entity is expanded: a DOCTYPE, or any `&name;` other than the five predefined ones and
//! numeric character references, stops the read with its line and column.
//!
//! Memory: events are handed on as they close; only events read before their trace's
//! `concept:name` (which XES writers put first) are held until it comes.
//!
//! `RawEvent::line` is the event's 1-based ordinal among the log's `<event>` elements;
//! [`BadRow::line`] is the file line where the `<event>` starts.

use std::borrow::Cow;
use std::io::{self, BufRead, Read};
use std::ops::Range;

use quick_xml::events::{BytesRef, BytesStart, Event};

use super::lifecycle::LifecycleFilter;
use super::mapping::{rank_any_case as rank, XES_CHANNEL, XES_SCORE, XES_SEGMENT};
use super::report::{BadRow, ImportError, ReadReport};
use super::source::{Source, Ticker};
use super::timestamp;
use super::{DataFormat, DatasetKind, DateOrder, EventSink, ImportSettings, Progress, RawEvent};

/// Reads an XES log (gzipped or not: told by the first bytes) and hands its events to `sink`
/// in file order. `settings.lifecycle` and `settings.strict` apply; the CSV settings do not.
///
/// On `Err` the sink may already have received events (a log can be cut short or hold an
/// entity near its end): the caller discards everything it received.
pub fn read_events(
    input: impl BufRead,
    settings: &ImportSettings,
    sink: &mut dyn EventSink,
    progress: &mut dyn Progress,
) -> Result<ReadReport, ImportError> {
    let settings = ImportSettings {
        kind: DatasetKind::EventLog,
        format: DataFormat::Xes,
        delimiter: None,
        has_header: None,
        columns: None,
        ..settings.clone()
    };
    let source = Source::open(input)?;
    let (gzip, consumed) = (source.gzip, source.consumed.clone());
    let mut xml = quick_xml::Reader::from_reader(Lines::new(source.reader));
    let mut ticker = Ticker::new(progress, consumed.clone());
    let mut log = Log {
        report: ReadReport::new(settings.clone()),
        lifecycle: LifecycleFilter::new(settings.lifecycle),
        sink,
        open: Vec::new(),
        seen_log: false,
        trace: Trace::default(),
        held: Held::default(),
        event: None,
        ordinal: 0,
    };
    let mut buf = Vec::with_capacity(1024);
    loop {
        xml.get_mut().set_mark();
        let event = match xml.read_event_into(&mut buf) {
            Ok(event) => event,
            Err(quick_xml::Error::Io(e)) => {
                let e = io::Error::new(e.kind(), e.to_string());
                return Err(Source::classify(gzip, consumed.get(), e));
            }
            Err(other) => return Err(xml_error(xml.get_mut().marked(), other.to_string())),
        };
        match event {
            Event::Start(e) => log.open(&e, false, xml.get_mut())?,
            Event::Empty(e) => {
                log.open(&e, true, xml.get_mut())?;
                log.close()?;
            }
            Event::End(_) => log.close()?,
            Event::DocType(_) => {
                let (line, column) = xml.get_mut().marked();
                return Err(ImportError::Doctype { line, column });
            }
            Event::GeneralRef(r) => check_reference(&r, xml.get_mut().marked())?,
            Event::Eof => break,
            _ => {}
        }
        ticker.tick(log.report.rows)?;
        buf.clear();
    }
    if let Some(open) = log.open.last() {
        let (line, column) = xml.get_mut().here();
        return Err(ImportError::Truncated {
            line,
            column,
            open: open.name().into(),
        });
    }
    if !log.seen_log {
        return Err(ImportError::NotXes {
            reason: "it has no <log> element".into(),
        });
    }
    ticker.tell(log.report.rows)?;
    log.report.finish()
}

fn xml_error((line, column): (u64, u64), reason: String) -> ImportError {
    ImportError::Xml {
        line,
        column,
        reason,
    }
}

/// `&lt;` and its four siblings and `&#…;` pass; any other entity is refused.
fn check_reference(r: &BytesRef<'_>, (line, column): (u64, u64)) -> Result<(), ImportError> {
    let name = r.to_string();
    let known = r.is_char_ref() || quick_xml::escape::resolve_predefined_entity(&name).is_some();
    if known {
        Ok(())
    } else {
        Err(ImportError::Entity { line, column, name })
    }
}

/// The elements that matter, as they nest.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Elem {
    Log,
    Trace,
    Event,
    /// A `string`, `date`, `int`, `float`, `boolean` or `id` attribute, or anything else.
    Other,
}

impl Elem {
    fn name(self) -> &'static str {
        match self {
            Elem::Log => "log",
            Elem::Trace => "trace",
            Elem::Event => "event",
            Elem::Other => "an element",
        }
    }
}

/// The current trace's own attributes.
#[derive(Default)]
struct Trace {
    line: u64,
    case: Option<String>,
    channel: Option<(usize, String)>,
    segment: Option<(usize, String)>,
}

/// An event as read, its text in [`Held::text`].
#[derive(Default)]
struct Ev {
    line: u64,
    ordinal: u64,
    empty: bool,
    outside: bool,
    activity: Option<Range<usize>>,
    /// The time, or the text that is not one.
    timestamp: Option<Result<i64, Range<usize>>>,
    lifecycle: Option<Range<usize>>,
    channel: Option<(usize, Range<usize>)>,
    segment: Option<(usize, Range<usize>)>,
    /// The score, or the key and text that are not one.
    score: Option<(usize, Result<f64, NotANumber>)>,
}

/// An attribute's key and the text of its value, which is not a number.
type NotANumber = (String, Range<usize>);

/// Events read and not yet handed on (all of a trace's events until its case is known).
#[derive(Default)]
struct Held {
    text: String,
    events: Vec<Ev>,
}

impl Held {
    fn keep(&mut self, value: &str) -> Range<usize> {
        let start = self.text.len();
        self.text.push_str(value);
        start..self.text.len()
    }
}

struct Log<'s> {
    report: ReadReport,
    lifecycle: LifecycleFilter,
    sink: &'s mut dyn EventSink,
    open: Vec<Elem>,
    seen_log: bool,
    trace: Trace,
    held: Held,
    event: Option<Ev>,
    ordinal: u64,
}

impl Log<'_> {
    fn open<R: Read>(
        &mut self,
        e: &BytesStart<'_>,
        empty: bool,
        lines: &mut Lines<R>,
    ) -> Result<(), ImportError> {
        let parent = self.open.last().copied();
        let name = e.local_name();
        let elem = match (parent, name.as_ref()) {
            (None, "log") => {
                self.seen_log = true;
                Elem::Log
            }
            (None, other) => {
                let name = other.to_owned();
                return Err(ImportError::NotXes {
                    reason: format!("its root element is <{name}>, not <log>"),
                });
            }
            (Some(Elem::Log), "trace") => {
                self.trace = Trace {
                    line: lines.marked().0,
                    ..Trace::default()
                };
                Elem::Trace
            }
            (Some(Elem::Log | Elem::Trace), "event") => {
                self.ordinal += 1;
                self.report.rows += 1;
                self.event = Some(Ev {
                    line: lines.marked().0,
                    ordinal: self.ordinal,
                    empty,
                    outside: parent == Some(Elem::Log),
                    ..Ev::default()
                });
                Elem::Event
            }
            _ => Elem::Other,
        };
        let attribute = matches!(
            name.as_ref(),
            "string" | "date" | "int" | "float" | "boolean" | "id"
        ) && matches!(parent, Some(Elem::Event | Elem::Trace));
        if attribute {
            // Only an error needs the position: lines are not counted for every element.
            let key_value = attributes(e).map_err(|err| err.at(lines.marked()))?;
            if let (Some(key), Some(value)) = key_value {
                match parent {
                    Some(Elem::Event) => self.event_attribute(&key, &value),
                    _ => self.trace_attribute(&key, &value)?,
                }
            }
        } else if e.attributes_raw().contains('&') {
            attributes(e).map_err(|err| err.at(lines.marked()))?;
        }
        self.open.push(elem);
        Ok(())
    }

    fn close(&mut self) -> Result<(), ImportError> {
        match self.open.pop() {
            Some(Elem::Event) => {
                if let Some(ev) = self.event.take() {
                    self.held.events.push(ev);
                    if self.trace.case.is_some() || self.open.last() == Some(&Elem::Log) {
                        self.flush()?;
                    }
                }
            }
            Some(Elem::Trace) => {
                self.report.traces += 1;
                self.flush()?;
                self.trace = Trace::default();
            }
            _ => {}
        }
        Ok(())
    }

    fn event_attribute(&mut self, key: &str, value: &str) {
        let Some(ev) = self.event.as_mut() else {
            return;
        };
        let held = &mut self.held;
        match key {
            "concept:name" => ev.activity = Some(held.keep(value)),
            "time:timestamp" => {
                ev.timestamp = Some(
                    timestamp::parse(value.as_bytes(), DateOrder::Auto)
                        .map_err(|_| held.keep(value)),
                );
            }
            "lifecycle:transition" => ev.lifecycle = Some(held.keep(value)),
            _ => {
                if let Some(r) = rank(XES_CHANNEL, key) {
                    if ev.channel.as_ref().is_none_or(|(best, _)| r <= *best) {
                        ev.channel = Some((r, held.keep(value)));
                    }
                } else if let Some(r) = rank(XES_SEGMENT, key) {
                    if ev.segment.as_ref().is_none_or(|(best, _)| r <= *best) {
                        ev.segment = Some((r, held.keep(value)));
                    }
                } else if let Some(r) = rank(XES_SCORE, key) {
                    if ev.score.as_ref().is_none_or(|(best, _)| r <= *best) {
                        let score = super::csv::parse_number(value.as_bytes())
                            .ok_or_else(|| (key.to_owned(), held.keep(value)));
                        ev.score = Some((r, score));
                    }
                }
            }
        }
    }

    fn trace_attribute(&mut self, key: &str, value: &str) -> Result<(), ImportError> {
        if key == "concept:name" {
            self.trace.case = Some(value.to_owned());
            return self.flush();
        }
        if let Some(r) = rank(XES_CHANNEL, key) {
            if self
                .trace
                .channel
                .as_ref()
                .is_none_or(|(best, _)| r <= *best)
            {
                self.trace.channel = Some((r, value.to_owned()));
            }
        } else if let Some(r) = rank(XES_SEGMENT, key) {
            if self
                .trace
                .segment
                .as_ref()
                .is_none_or(|(best, _)| r <= *best)
            {
                self.trace.segment = Some((r, value.to_owned()));
            }
        }
        Ok(())
    }

    /// Hands the held events on, or (at the end of a trace without a case) reports them bad.
    fn flush(&mut self) -> Result<(), ImportError> {
        let events = std::mem::take(&mut self.held.events);
        for ev in &events {
            self.hand_on(ev)?;
        }
        self.held.events = events;
        self.held.events.clear();
        self.held.text.clear();
        Ok(())
    }

    fn hand_on(&mut self, ev: &Ev) -> Result<(), ImportError> {
        let text = &self.held.text;
        let get = |r: &Range<usize>| &text[r.clone()];
        let bad = |column: Option<&str>, reason: String| BadRow::new(ev.line, column, reason);
        let problem = if ev.outside {
            Some(bad(None, "an <event> outside any <trace>".into()))
        } else if ev.empty {
            Some(bad(None, "an empty <event/>".into()))
        } else if self.trace.case.is_none() {
            Some(bad(
                None,
                format!("its <trace> (line {}) has no concept:name", self.trace.line),
            ))
        } else {
            None
        };
        if let Some(row) = problem {
            return self.report.bad(row);
        }
        if !self
            .lifecycle
            .keeps(ev.lifecycle.as_ref().map(get), ev.line)?
        {
            self.report.skipped_lifecycle += 1;
            return Ok(());
        }
        let activity = match &ev.activity {
            Some(r) if !get(r).trim().is_empty() => get(r),
            Some(_) => return self.report.bad(bad(Some("concept:name"), "empty".into())),
            None => return self.report.bad(bad(Some("concept:name"), "missing".into())),
        };
        let timestamp = match &ev.timestamp {
            Some(Ok(t)) => Some(*t),
            Some(Err(r)) => {
                let reason = format!("'{}' is not a date", get(r));
                return self.report.bad(bad(Some("time:timestamp"), reason));
            }
            None => None,
        };
        let score = match &ev.score {
            Some((_, Ok(s))) => Some(*s),
            Some((_, Err((key, r)))) => {
                let reason = format!("'{}' is not a number", get(r));
                return self.report.bad(bad(Some(key), reason));
            }
            None => None,
        };
        let trace = &self.trace;
        let event = RawEvent {
            case: trace.case.as_deref().unwrap_or_default(),
            activity,
            timestamp,
            channel: ev
                .channel
                .as_ref()
                .map(|(_, r)| get(r))
                .or(trace.channel.as_ref().map(|(_, c)| c.as_str())),
            score,
            segment: ev
                .segment
                .as_ref()
                .map(|(_, r)| get(r))
                .or(trace.segment.as_ref().map(|(_, s)| s.as_str())),
            line: ev.ordinal,
        };
        self.sink.event(&event);
        self.report.kept += 1;
        Ok(())
    }
}

/// The `key` and `value` attributes of an element, unescaped; every other attribute is
/// checked for entities. A small scanner of `name="value"` pairs: quick-xml has checked the
/// tag's quotes; the values need only unescaping, and only when they hold `&` or a line end.
type KeyValue<'a> = (Option<Cow<'a, str>>, Option<Cow<'a, str>>);

fn attributes<'a>(e: &'a BytesStart<'_>) -> Result<KeyValue<'a>, ValueError> {
    let raw = e.attributes_raw();
    let b = raw.as_bytes();
    let name = e.local_name();
    let malformed = |what: &str| {
        ValueError::Xml(format!(
            "malformed attributes in <{}>: {what}",
            name.as_ref()
        ))
    };
    let (mut key, mut value) = (None, None);
    let mut i = 0;
    loop {
        while b.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if i >= b.len() {
            return Ok((key, value));
        }
        let name_start = i;
        while b
            .get(i)
            .is_some_and(|&c| c != b'=' && !c.is_ascii_whitespace())
        {
            i += 1;
        }
        let name = &raw[name_start..i];
        while b.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if b.get(i) != Some(&b'=') {
            return Err(malformed("a name without '='"));
        }
        i += 1;
        while b.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        let quote = match b.get(i) {
            Some(&q @ (b'"' | b'\'')) => q,
            _ => return Err(malformed("a value without quotes")),
        };
        let len =
            memchr::memchr(quote, &b[i + 1..]).ok_or_else(|| malformed("an unclosed quote"))?;
        let text = unescape(&raw[i + 1..i + 1 + len])?;
        i += len + 2;
        match name {
            "key" => key = Some(text),
            "value" => value = Some(text),
            _ => {}
        }
    }
}

/// An attribute value as XML reads it: line ends and tabs become spaces, the five predefined
/// entities and character references are replaced; any other entity is an error.
fn unescape(raw: &str) -> Result<Cow<'_, str>, ValueError> {
    if !raw.bytes().any(|c| c == b'&' || c < b' ') {
        return Ok(Cow::Borrowed(raw));
    }
    if raw.contains('<') {
        return Err(ValueError::Xml("'<' in an attribute value".into()));
    }
    let spaced = raw.replace("\r\n", " ").replace(['\r', '\n', '\t'], " ");
    match quick_xml::escape::unescape(&spaced) {
        Ok(text) => Ok(Cow::Owned(text.into_owned())),
        Err(quick_xml::escape::EscapeError::UnrecognizedEntity(_, name)) => {
            Err(ValueError::Entity(name))
        }
        Err(other) => Err(ValueError::Xml(other.to_string())),
    }
}

/// Why an attribute value could not be read (its position is added by the caller).
enum ValueError {
    Entity(String),
    Xml(String),
}

impl ValueError {
    fn at(self, (line, column): (u64, u64)) -> ImportError {
        match self {
            ValueError::Entity(name) => ImportError::Entity { line, column, name },
            ValueError::Xml(reason) => ImportError::Xml {
                line,
                column,
                reason,
            },
        }
    }
}

/// The text, buffered, with a mark whose line and column (in bytes, from 1) it can tell.
/// quick-xml consumes exactly up to the end of each event, so a mark set before an event is
/// where the event starts. Lines are counted in whole buffers (and up to a mark when asked),
/// not at each event.
struct Lines<R> {
    inner: R,
    buf: Box<[u8]>,
    pos: usize,
    filled: usize,
    /// Offset of `buf[0]` in the text.
    start: u64,
    /// Newlines are counted in `buf[..counted]`: `line` and `line_start` hold there.
    counted: usize,
    line: u64,
    line_start: u64,
    mark: u64,
    /// The mark's line and column, once counted.
    at_mark: Option<(u64, u64)>,
}

impl<R: Read> Lines<R> {
    fn new(inner: R) -> Lines<R> {
        Lines {
            inner,
            buf: vec![0; 256 * 1024].into_boxed_slice(),
            pos: 0,
            filled: 0,
            start: 0,
            counted: 0,
            line: 1,
            line_start: 0,
            mark: 0,
            at_mark: Some((1, 1)),
        }
    }

    /// Sets the mark at the next byte to be read.
    fn set_mark(&mut self) {
        self.mark = self.start + self.pos as u64;
        self.at_mark = None;
    }

    /// The line and column of the mark.
    fn marked(&mut self) -> (u64, u64) {
        if let Some(at) = self.at_mark {
            return at;
        }
        self.count_to((self.mark - self.start) as usize);
        let at = (self.line, self.mark - self.line_start + 1);
        self.at_mark = Some(at);
        at
    }

    /// The line and column of the next byte to be read.
    fn here(&mut self) -> (u64, u64) {
        self.set_mark();
        self.marked()
    }

    fn count_to(&mut self, end: usize) {
        if end <= self.counted {
            return;
        }
        let chunk = &self.buf[self.counted..end];
        if let Some(last) = memchr::memrchr(b'\n', chunk) {
            self.line += memchr::memchr_iter(b'\n', chunk).count() as u64;
            self.line_start = self.start + (self.counted + last) as u64 + 1;
        }
        self.counted = end;
    }
}

impl<R: Read> Read for Lines<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(out.len());
        out[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: Read> BufRead for Lines<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos >= self.filled {
            if self.at_mark.is_none() {
                self.marked();
            }
            self.count_to(self.filled);
            self.start += self.filled as u64;
            self.filled = self.inner.read(&mut self.buf)?;
            (self.pos, self.counted) = (0, 0);
        }
        Ok(&self.buf[self.pos..self.filled])
    }

    fn consume(&mut self, amt: usize) {
        self.pos = (self.pos + amt).min(self.filled);
    }
}
