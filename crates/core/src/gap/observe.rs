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

use crate::data::{EventSink, Flow, Progress, RawEvent, RawScore, ScoreSink};

use super::intern::{Fingerprint, Labels, Recent, Strings};
use super::GapError;

/// A timestamp that is not known.
pub const NO_TIME: i64 = i64::MIN;

/// The most events one log may hold (ids are `u32`).
pub const MAX_EVENTS: usize = u32::MAX as usize;

/// Slots of the recent-cases cache.
const RECENT: usize = 1024;

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

/// A label's id, or 0 (and `full` set) once the table is full.
fn label_id(
    table: &mut Labels,
    value: Option<&str>,
    what: &'static str,
    full: &mut Option<(&'static str, u64)>,
) -> u16 {
    table.id(value).unwrap_or_else(|| {
        *full = Some((what, u16::MAX as u64 - 1));
        0
    })
}

/// A score as kept: finite `f32` or NaN; -0 is 0.
fn keep_score(score: Option<f64>, unusable: &mut u64) -> f32 {
    match score {
        None => f32::NAN,
        Some(s) => {
            let f = s as f32;
            if f.is_finite() {
                f + 0.0
            } else {
                *unusable += 1;
                f32::NAN
            }
        }
    }
}

impl Collector {
    pub fn new() -> Collector {
        Collector::default()
    }

    /// Events received so far.
    pub fn events(&self) -> u64 {
        self.ev_activity.len() as u64
    }

    /// Whether the cases arrived grouped so far (each case's events together).
    pub fn grouped(&self) -> bool {
        !self.interleaved
    }

    /// A case reappeared: write the case column for the events so far (cases are numbered in
    /// order of first appearance, which while grouped is their blocks' order).
    fn interleave(&mut self) {
        self.interleaved = true;
        let mut column = Vec::with_capacity(self.ev_activity.len() + (1 << 16));
        for (c, &k) in self.case_events.iter().enumerate() {
            column.extend(std::iter::repeat_n(c as u32, k as usize));
        }
        self.ev_case = column;
    }

    /// Score-table rows received so far.
    pub fn score_rows(&self) -> u64 {
        self.row_subject.len() as u64
    }

    fn case_id(&mut self, case: &str) -> u32 {
        let fp = Fingerprint::of(case);
        let recent = self.recent_cases.get_or_insert_with(|| Recent::new(RECENT));
        if let Some(id) = recent.get(&self.cases, case, &fp) {
            return id;
        }
        let (id, new) = self.cases.intern(case);
        if new {
            self.case_segment.push(0);
            self.case_events.push(0);
        }
        recent.put(fp, id);
        id
    }

    fn activity_id(&mut self, activity: &str) -> u32 {
        let fp = Fingerprint::of(activity);
        let recent = self
            .recent_activities
            .get_or_insert_with(|| Recent::new(RECENT));
        if let Some(id) = recent.get(&self.activities, activity, &fp) {
            return id;
        }
        let id = self.activities.intern(activity).0;
        recent.put(fp, id);
        id
    }

    /// Groups events by case and orders each case by time (see [`ObservedLog`]). Reports
    /// progress in cases; a cancel gives [`GapError::Cancelled`].
    pub fn finish(self, progress: &mut dyn Progress) -> Result<ObservedLog, GapError> {
        if let Some((what, limit)) = self.too_large {
            return Err(GapError::TooLarge { what, limit });
        }
        let Collector {
            cases,
            activities,
            channels,
            segments,
            subjects,
            ev_case,
            ev_activity,
            ev_time,
            ev_score,
            ev_channel,
            case_segment,
            case_events,
            segment_conflicts,
            unusable_scores,
            row_subject,
            row_score,
            row_time,
            row_segment,
            interleaved,
            ..
        } = self;
        let n = ev_activity.len();
        let ncases = cases.len();

        let mut case_start = Vec::with_capacity(ncases + 1);
        let mut acc = 0u32;
        case_start.push(0);
        for &k in &case_events {
            acc += k;
            case_start.push(acc);
        }
        drop(case_events);
        let (mut activity, mut time, mut score, mut channel) =
            (ev_activity, ev_time, ev_score, ev_channel);

        if !interleaved {
            // Grouped: each case is its block already; order each block by time, in place.
            let mut case_first_time = vec![NO_TIME; ncases];
            let mut keys: Vec<(i64, u32)> = Vec::new();
            let mut scratch = Scratch::default();
            for c in 0..ncases {
                if c % PROGRESS_EVERY == 0 && c > 0 {
                    let rows = u64::from(case_start[c]);
                    if progress.advance(c as u64, Some(ncases as u64), rows) == Flow::Cancel {
                        return Err(GapError::Cancelled);
                    }
                }
                let range = case_start[c] as usize..case_start[c + 1] as usize;
                let (first, sorted) = case_keys(&time, range.clone(), &mut keys);
                case_first_time[c] = first;
                if !sorted {
                    keys.sort_by_key(|k| k.0);
                    scratch.reorder(
                        &keys,
                        range.start,
                        Columns(&mut activity, &mut time, &mut score, &mut channel),
                    );
                }
            }
            if progress.advance(ncases as u64, Some(ncases as u64), n as u64) == Flow::Cancel {
                return Err(GapError::Cancelled);
            }
            return Ok(ObservedLog {
                cases,
                activities,
                channels: channels.names,
                segments: segments.names,
                subjects,
                case_start,
                activity,
                time,
                score,
                channel,
                case_segment,
                case_first_time,
                segment_conflicts,
                unusable_scores,
                row_subject,
                row_score,
                row_time,
                row_segment,
            });
        }

        // Interleaved. Counting sort by case, in arrival order within a case.
        let mut order = vec![0u32; n];
        {
            let mut cursor: Vec<u32> = case_start[..ncases].to_vec();
            for (i, &c) in ev_case.iter().enumerate() {
                let c = c as usize;
                order[cursor[c] as usize] = i as u32;
                cursor[c] += 1;
            }
        }
        drop(ev_case);

        // Within a case: by time, ties (and events without a time, which take the time of the
        // case's previous event in file order) in arrival order.
        let mut case_first_time = vec![NO_TIME; ncases];
        let mut keys: Vec<(i64, u32)> = Vec::new();
        for c in 0..ncases {
            if c % PROGRESS_EVERY == 0 && c > 0 {
                let rows = u64::from(case_start[c]);
                if progress.advance(c as u64, Some(ncases as u64), rows) == Flow::Cancel {
                    return Err(GapError::Cancelled);
                }
            }
            let slice = &mut order[case_start[c] as usize..case_start[c + 1] as usize];
            let (first, sorted) =
                sort_keys(slice.iter().map(|&i| (time[i as usize], i)), &mut keys);
            case_first_time[c] = first;
            if !sorted {
                keys.sort_by_key(|k| k.0);
                for (slot, &(_, i)) in slice.iter_mut().zip(keys.iter()) {
                    *slot = i;
                }
            }
        }
        // Reorder the columns in place, cycle by cycle: no second copy of a column.
        permute(
            &mut Columns(&mut activity, &mut time, &mut score, &mut channel),
            &order,
        );
        drop(order);
        if progress.advance(ncases as u64, Some(ncases as u64), n as u64) == Flow::Cancel {
            return Err(GapError::Cancelled);
        }
        Ok(ObservedLog {
            cases,
            activities,
            channels: channels.names,
            segments: segments.names,
            subjects,
            case_start,
            activity,
            time,
            score,
            channel,
            case_segment,
            case_first_time,
            segment_conflicts,
            unusable_scores,
            row_subject,
            row_score,
            row_time,
            row_segment,
        })
    }
}

/// The sort keys of one case's events, given in arrival order as (time, index): the time, or
/// for an event without one the time of the case's previous event in arrival order. Returns
/// the case's earliest known time and whether the keys are already in order.
fn sort_keys(events: impl Iterator<Item = (i64, u32)>, keys: &mut Vec<(i64, u32)>) -> (i64, bool) {
    keys.clear();
    let mut carried = NO_TIME;
    let mut first = NO_TIME;
    let mut sorted = true;
    for (t, i) in events {
        if t != NO_TIME {
            carried = t;
            if first == NO_TIME || t < first {
                first = t;
            }
        }
        if keys.last().is_some_and(|&(k, _)| carried < k) {
            sorted = false;
        }
        keys.push((carried, i));
    }
    (first, sorted)
}

/// [`sort_keys`] over one block of a grouped log.
fn case_keys(
    time: &[i64],
    range: std::ops::Range<usize>,
    keys: &mut Vec<(i64, u32)>,
) -> (i64, bool) {
    let start = range.start;
    sort_keys(
        time[range]
            .iter()
            .enumerate()
            .map(|(k, &t)| (t, (start + k) as u32)),
        keys,
    )
}

/// Reused buffers for reordering one block of a grouped log.
#[derive(Default)]
struct Scratch(Vec<(u32, i64, f32, u16)>);

impl Scratch {
    /// Puts the events `keys` names (global indices, in their new order) at `start..`.
    fn reorder(&mut self, keys: &[(i64, u32)], start: usize, mut columns: Columns<'_>) {
        self.0.clear();
        self.0
            .extend(keys.iter().map(|&(_, i)| columns.get(i as usize)));
        for (k, &item) in self.0.iter().enumerate() {
            columns.set(start + k, item);
        }
    }
}

/// Columns moved together by [`permute`].
trait Permutable {
    type Item: Copy;
    fn len(&self) -> usize;
    fn get(&self, i: usize) -> Self::Item;
    fn set(&mut self, i: usize, item: Self::Item);
}

impl<T: Copy> Permutable for Vec<T> {
    type Item = T;
    fn len(&self) -> usize {
        self.as_slice().len()
    }
    fn get(&self, i: usize) -> T {
        self[i]
    }
    fn set(&mut self, i: usize, item: T) {
        self[i] = item;
    }
}

struct Columns<'a>(&'a mut [u32], &'a mut [i64], &'a mut [f32], &'a mut [u16]);

impl Permutable for Columns<'_> {
    type Item = (u32, i64, f32, u16);
    fn len(&self) -> usize {
        self.0.len()
    }
    #[inline]
    fn get(&self, i: usize) -> Self::Item {
        (self.0[i], self.1[i], self.2[i], self.3[i])
    }
    #[inline]
    fn set(&mut self, i: usize, (a, t, s, c): Self::Item) {
        self.0[i] = a;
        self.1[i] = t;
        self.2[i] = s;
        self.3[i] = c;
    }
}

/// Puts the item at `order[i]` at `i` for every `i`, in place, following the permutation's
/// cycles (one bit per item marks what is done).
fn permute<P: Permutable>(values: &mut P, order: &[u32]) {
    let n = values.len();
    let mut seen = vec![0u64; n.div_ceil(64)];
    for start in 0..n {
        if seen[start / 64] >> (start % 64) & 1 == 1 {
            continue;
        }
        let first = values.get(start);
        let mut at = start;
        loop {
            seen[at / 64] |= 1 << (at % 64);
            let from = order[at] as usize;
            if from == start {
                values.set(at, first);
                break;
            }
            let item = values.get(from);
            values.set(at, item);
            at = from;
        }
    }
}

impl EventSink for Collector {
    fn event(&mut self, e: &RawEvent<'_>) {
        if self.too_large.is_some() {
            return;
        }
        if self.ev_activity.len() >= MAX_EVENTS {
            self.too_large = Some(("events", MAX_EVENTS as u64));
            return;
        }
        let case = self.case_id(e.case);
        if !self.interleaved && self.open_case != Some(case) {
            if self.case_events[case as usize] == 0 {
                self.open_case = Some(case);
            } else {
                self.interleave();
            }
        }
        let activity = self.activity_id(e.activity);
        let channel = label_id(
            &mut self.channels,
            e.channel,
            "channels",
            &mut self.too_large,
        );
        let segment = label_id(
            &mut self.segments,
            e.segment,
            "segments",
            &mut self.too_large,
        );
        let c = case as usize;
        if segment != 0 {
            match self.case_segment[c] {
                0 => self.case_segment[c] = segment,
                s if s != segment => self.segment_conflicts += 1,
                _ => {}
            }
        }
        self.case_events[c] += 1;
        if self.interleaved {
            self.ev_case.push(case);
        }
        self.ev_activity.push(activity);
        self.ev_time.push(e.timestamp.unwrap_or(NO_TIME));
        self.ev_score
            .push(keep_score(e.score, &mut self.unusable_scores));
        self.ev_channel.push(channel);
    }
}

impl ScoreSink for Collector {
    fn score(&mut self, row: &RawScore<'_>) {
        if self.too_large.is_some() {
            return;
        }
        let score = keep_score(Some(row.score), &mut self.unusable_scores);
        if score.is_nan() {
            return;
        }
        let segment = label_id(
            &mut self.segments,
            row.segment,
            "segments",
            &mut self.too_large,
        );
        let subject = self.subjects.intern(row.subject).0;
        self.row_subject.push(subject);
        self.row_score.push(score);
        self.row_time.push(row.timestamp.unwrap_or(NO_TIME));
        self.row_segment.push(segment);
    }
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

#[cfg(test)]
mod tests {
    use super::{permute, Collector};
    use crate::data::{EventSink, Quiet, RawEvent};
    use crate::gap::generate::{generate, GenSpec};
    use crate::gap::Filter;

    fn event<'a>(case: &'a str, activity: &'a str, t: Option<i64>, line: u64) -> RawEvent<'a> {
        RawEvent {
            case,
            activity,
            timestamp: t,
            channel: Some(if line.is_multiple_of(3) { "web" } else { "app" }),
            score: line.is_multiple_of(2).then_some(line as f64 % 5.0),
            segment: None,
            line,
        }
    }

    /// Feeds `events` into a collector that streams grouped cases and into one made to keep
    /// the case column from the start (the interleaved path); both must give the same
    /// aggregates, through `aggregate` and through `into_aggregates`.
    fn both_paths(feed: impl Fn(&mut Collector)) -> bool {
        let mut grouped = Collector::new();
        feed(&mut grouped);
        let streamed = grouped.grouped();
        let mut interleaved = Collector::new();
        interleaved.interleave();
        feed(&mut interleaved);
        assert!(!interleaved.grouped());
        let a = grouped.finish(&mut Quiet).unwrap();
        let b = interleaved.finish(&mut Quiet).unwrap();
        assert_eq!(a.case_start, b.case_start);
        assert_eq!(a.case_first_time, b.case_first_time);
        let all = Filter::all();
        let (aa, ba) = (
            a.aggregate(&all, &mut Quiet).unwrap(),
            b.aggregate(&all, &mut Quiet).unwrap(),
        );
        assert_eq!(aa, ba);
        assert_eq!(a.into_aggregates(&all, &mut Quiet).unwrap(), aa);
        streamed
    }

    #[test]
    fn grouped_cases_stream_and_give_what_the_interleaved_path_gives() {
        let map = crate::file::from_str(crate::examples::EXAMPLES[0].1).unwrap();
        let mut spec = GenSpec::from_map(&map);
        spec.open_cases = 1;
        let streamed = both_paths(|c| {
            generate(&spec, 7, 20_000, c);
        });
        assert!(streamed, "one case open at a time is grouped");
        // Out of order within a case, ties, and events without a time (they take the time
        // of the case's previous event in arrival order).
        let streamed = both_paths(|c| {
            for (i, (case, act, t)) in [
                ("x", "b", Some(50)),
                ("x", "a", Some(10)),
                ("x", "c", None),
                ("x", "d", Some(10)),
                ("y", "a", None),
                ("y", "b", None),
                ("z", "c", Some(5)),
                ("z", "a", Some(5)),
                ("z", "b", Some(1)),
            ]
            .into_iter()
            .enumerate()
            {
                c.event(&event(case, act, t, i as u64 + 2));
            }
        });
        assert!(streamed);
    }

    #[test]
    fn a_case_that_comes_back_turns_the_collector_to_the_interleaved_path() {
        let mut c = Collector::new();
        for (i, case) in ["p", "p", "q", "p", "q"].into_iter().enumerate() {
            c.event(&event(case, "a", Some(i as i64), i as u64 + 2));
            assert_eq!(c.grouped(), i < 3, "after event {i}");
        }
        let log = c.finish(&mut Quiet).unwrap();
        assert_eq!(log.case_start, [0, 3, 5]);
        assert_eq!(log.time, [0, 1, 3, 2, 4]);
    }

    #[test]
    fn permuting_in_place_is_gathering() {
        // A permutation of 0..200 with cycles of several lengths and fixed points.
        let order: Vec<u32> = (0..200u32).map(|i| (i * 7 + 3) % 200).collect();
        let values: Vec<i64> = (0..200).map(|i| i * 10).collect();
        let gathered: Vec<i64> = order.iter().map(|&i| values[i as usize]).collect();
        let mut in_place = values.clone();
        permute(&mut in_place, &order);
        assert_eq!(in_place, gathered);
        let identity: Vec<u32> = (0..200).collect();
        permute(&mut in_place, &identity);
        assert_eq!(in_place, gathered);
    }
}
