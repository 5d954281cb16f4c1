//! Layer 1, first half: the streaming sink that keeps each event as a few fixed-width numbers,
//! then groups the events by case and orders each case by time.
//!
//! Per event it keeps a case id and an activity id (`u32` each, interned), a timestamp (`i64`
//! milliseconds), a score (`f32`, NaN when absent) and a channel (`u16`, 0 when absent): 22
//! bytes, in one vector per field. (A large vector grows by remapping its pages, and capacity
//! not yet written is not resident, so growth costs neither a copy nor memory.)
//! [`Collector::finish`] drops the case column and reorders the others case by case, in place
//! (18 bytes per event stay). Score-table rows keep a subject id, score, timestamp and segment.
//!
//! **Grouped input streams.** While each case's events arrive together (an XES log always; a
//! CSV log sorted or grouped by case), the case column is not kept at all: a case's events are
//! the block after the previous case's, so the collector keeps 18 bytes per event and `finish`
//! only orders each block by time, in place, without a permutation of the whole log. When a
//! case reappears after another case started, the collector writes the case column for the
//! events so far (it knows each case's event count) and goes on as for any interleaved log.
//! Telling the two apart costs nothing extra: the table of case ids, which is there anyway,
//! is the set of cases seen.
//!
//! The code is in two parts: `collect.rs` is the sink itself (interning, and telling grouped
//! from interleaved cases as events arrive); `order.rs` is [`Collector::finish`], which groups
//! the events by case and orders each case by time, in place.

mod collect;
mod order;

use super::intern::{Labels, Recent, Strings};

/// A timestamp that is not known.
pub const NO_TIME: i64 = i64::MIN;

/// The most events one log may hold (ids are `u32`).
pub const MAX_EVENTS: usize = u32::MAX as usize;

/// How often (in cases) long loops report progress and look for a cancel.
pub(crate) const PROGRESS_EVERY: usize = 1 << 16;

/// The sink readers feed. Cases need not be contiguous; events of a case need not arrive in
/// time order.
#[derive(Debug, Default)]
pub struct Collector {
    cases: Strings,
    activities: Strings,
    channels: Labels,
    segments: Labels,
    subjects: Strings,
    /// The case of each event; empty while the cases arrive grouped (see the module docs).
    ev_case: Vec<u32>,
    /// Some case reappeared after another one started: `ev_case` is kept.
    interleaved: bool,
    /// The case whose events are arriving (none before the first event).
    open_case: Option<u32>,
    ev_activity: Vec<u32>,
    ev_time: Vec<i64>,
    ev_score: Vec<f32>,
    ev_channel: Vec<u16>,
    /// Per case: its segment (0 = none, else segment id + 1), and how many events it has.
    case_segment: Vec<u16>,
    case_events: Vec<u32>,
    segment_conflicts: u64,
    unusable_scores: u64,
    row_subject: Vec<u32>,
    row_score: Vec<f32>,
    row_time: Vec<i64>,
    row_segment: Vec<u16>,
    /// Recently seen cases and activities: logs ordered by time interleave the events of the
    /// cases open at that time, and this keeps those out of the big table.
    recent_cases: Option<Recent>,
    recent_activities: Option<Recent>,
    too_large: Option<(&'static str, u64)>,
}

/// Every event, grouped by case and ordered within the case. Cases are numbered in order of
/// first appearance; the events of case `c` are `case_start[c]..case_start[c + 1]`.
///
/// Order within a case: by timestamp; equal timestamps keep the order in which the sink
/// received them (file order, which is `RawEvent::line` order within one file); an event
/// without a timestamp is ordered as if it had the timestamp of the case's previous event in
/// file order (so a log without timestamps keeps file order).
#[derive(Debug)]
pub struct ObservedLog {
    pub(crate) cases: Strings,
    pub(crate) activities: Strings,
    pub(crate) channels: Strings,
    pub(crate) segments: Strings,
    pub(crate) subjects: Strings,
    pub(crate) case_start: Vec<u32>,
    pub(crate) activity: Vec<u32>,
    pub(crate) time: Vec<i64>,
    pub(crate) score: Vec<f32>,
    pub(crate) channel: Vec<u16>,
    /// 0 = none, else segment id + 1: the first segment any event of the case carried.
    pub(crate) case_segment: Vec<u16>,
    /// The earliest known timestamp of the case, or [`NO_TIME`].
    pub(crate) case_first_time: Vec<i64>,
    pub(crate) segment_conflicts: u64,
    pub(crate) unusable_scores: u64,
    pub(crate) row_subject: Vec<u32>,
    pub(crate) row_score: Vec<f32>,
    pub(crate) row_time: Vec<i64>,
    pub(crate) row_segment: Vec<u16>,
}

impl ObservedLog {
    pub fn cases(&self) -> usize {
        self.cases.len()
    }

    pub fn events(&self) -> usize {
        self.activity.len()
    }

    pub fn score_rows(&self) -> usize {
        self.row_subject.len()
    }

    /// The segment names seen in events or score rows, sorted.
    pub fn segments(&self) -> Vec<String> {
        let mut out: Vec<String> = (0..self.segments.len() as u32)
            .map(|i| self.segments.get(i).to_string())
            .collect();
        out.sort();
        out
    }

    /// The earliest and latest event timestamps (milliseconds since the epoch), if any.
    pub fn time_span(&self) -> Option<(i64, i64)> {
        let known = self.time.iter().copied().filter(|&t| t != NO_TIME);
        known.fold(None, |span, t| match span {
            None => Some((t, t)),
            Some((lo, hi)) => Some((lo.min(t), hi.max(t))),
        })
    }

    /// Bytes held by the columns and tables, for the memory figures in the docs.
    pub fn heap_bytes(&self) -> usize {
        self.case_start.capacity() * 4
            + self.activity.capacity() * 4
            + self.time.capacity() * 8
            + self.score.capacity() * 4
            + self.channel.capacity() * 2
            + self.case_segment.capacity() * 2
            + self.case_first_time.capacity() * 8
            + self.row_subject.capacity() * 18
            + self.cases.heap_bytes()
            + self.activities.heap_bytes()
    }
}
