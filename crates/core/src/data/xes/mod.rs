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

mod attributes;
mod lines;

use std::io::{self, BufRead, Read};
use std::ops::Range;

use quick_xml::events::{BytesRef, BytesStart, Event};

use self::attributes::attributes;
use self::lines::{Lines, MAX_EVENT_BYTES};
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
            Err(quick_xml::Error::Io(_)) if xml.get_ref().too_long => {
                let at = xml.get_mut().marked();
                let reason = format!(
                    "an element or text longer than {} MiB",
                    MAX_EVENT_BYTES >> 20
                );
                return Err(xml_error(at, reason));
            }
            Err(quick_xml::Error::Io(e)) => {
                let e = io::Error::new(e.kind(), e.to_string());
                return Err(Source::classify(gzip, consumed.get(), e));
            }
            Err(quick_xml::Error::Encoding(_)) => {
                let reason = "not UTF-8 text: XES is read as UTF-8 (save the file as UTF-8)";
                return Err(xml_error(xml.get_mut().marked(), reason.into()));
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
                        let score = crate::data::csv::parse_number(value.as_bytes())
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
