//! The streaming sink: interns each event's case, activity, channel and segment, keeps the
//! fixed-width columns, and notices when a case comes back after another one started (see
//! the module docs of [`super`]).

use crate::data::{EventSink, RawEvent, RawScore, ScoreSink};

use super::{Collector, MAX_EVENTS, NO_TIME};
use crate::gap::intern::{Fingerprint, Labels, Recent};

/// Slots of the recent-cases cache.
const RECENT: usize = 1024;

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

#[cfg(test)]
mod tests {
    use super::Collector;
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
}
