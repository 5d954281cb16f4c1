//! Layer 1: ordering within a case, interleaved cases, missing timestamps, scores, segments,
//! progress and cancelling.

use corridor_core::data::{EventSink, Flow, Progress, Quiet, RawEvent};
use corridor_core::gap::*;

use crate::gap_fixture::{log, log_of, map};

fn names(agg: &Aggregates, v: VariantRef<'_>) -> Vec<String> {
    v.activities
        .iter()
        .map(|&a| agg.activities[a as usize].name.clone())
        .collect()
}

#[test]
fn cases_are_ordered_by_time_with_ties_in_file_order() {
    let log = log_of(&[
        ("k", "b", Some(20)),
        ("other", "x", Some(5)),
        ("k", "a", Some(10)),
        ("k", "c", Some(10)),
        ("other", "y", Some(1)),
    ]);
    assert_eq!((log.cases(), log.events()), (2, 5));
    let agg = log.aggregate(&Filter::all(), &mut Quiet).unwrap();
    let got: Vec<Vec<String>> = agg.variants.iter().map(|v| names(&agg, v)).collect();
    assert_eq!(got, [vec!["a", "c", "b"], vec!["y", "x"]]);
    // Times are kept per case, relative to its first event.
    assert_eq!(agg.variants.get(0).times, [0, 0, 10]);
    assert_eq!(agg.variants.get(0).example_case, "k");
}

#[test]
fn long_names_that_differ_only_in_the_middle_stay_apart() {
    // Equal length, first and last 8 bytes: only a full comparison tells them apart.
    let log = log_of(&[
        (
            "customer-0001-of-region-north",
            "Visited the store page",
            Some(1),
        ),
        (
            "customer-0002-of-region-north",
            "Visited the other page",
            Some(2),
        ),
        (
            "customer-0001-of-region-north",
            "Visited the other page",
            Some(3),
        ),
    ]);
    assert_eq!(log.cases(), 2);
    let agg = log.aggregate(&Filter::all(), &mut Quiet).unwrap();
    let names: Vec<&str> = agg.activities.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Visited the other page", "Visited the store page"]);
}

#[test]
fn an_event_without_time_follows_its_predecessor_in_the_file() {
    let log = log_of(&[
        ("m", "x", Some(100)),
        ("m", "y", None),
        ("m", "z", Some(50)),
        ("u", "p", None),
        ("u", "q", None),
    ]);
    let agg = log.aggregate(&Filter::all(), &mut Quiet).unwrap();
    let got: Vec<Vec<String>> = agg.variants.iter().map(|v| names(&agg, v)).collect();
    assert_eq!(got, [vec!["p", "q"], vec!["z", "x", "y"]]);
    assert_eq!(agg.variants.get(1).times, [0, 50, NO_TIME]);
    assert_eq!(agg.variants.get(0).times, [NO_TIME, NO_TIME]);
}

#[test]
fn variant_counts_and_dfg_totals() {
    let agg = log().aggregate(&Filter::all(), &mut Quiet).unwrap();
    let cases: u64 = agg.variants.iter().map(|v| v.count).sum();
    assert_eq!(cases, 7);
    let follows: u64 = agg.dfg.iter().map(|e| e.count).sum();
    assert_eq!(follows, agg.events - agg.cases);
    assert_eq!(agg.channel_steps, 16);
}

fn event<'a>(case: &'a str, score: Option<f64>, segment: Option<&'a str>) -> RawEvent<'a> {
    RawEvent {
        case,
        activity: "a",
        timestamp: Some(0),
        channel: Some(""),
        score,
        segment,
        line: 1,
    }
}

#[test]
fn scores_segments_and_empty_labels() {
    let mut c = Collector::new();
    c.event(&event("1", Some(4.2), Some("s1")));
    c.event(&event("1", Some(f64::NAN), Some("s2")));
    c.event(&event("1", Some(1e300), Some("")));
    c.event(&event("2", Some(-0.0), None));
    assert_eq!(c.events(), 4);
    let log = c.finish(&mut Quiet).unwrap();
    assert_eq!(log.segments(), ["s1", "s2"]);
    let agg = log.aggregate(&Filter::all(), &mut Quiet).unwrap();
    // 4.2 is kept in single precision and read back as the decimal it was.
    assert_eq!(agg.activities[0].scores.values, [(0.0, 1), (4.2, 1)]);
    assert_eq!(agg.unusable_scores, 2);
    assert_eq!(agg.segment_conflicts, 1);
    assert!(agg.channels.is_empty(), "an empty channel is no channel");
    let s1 = Filter {
        segment: Some("s1".into()),
        ..Filter::all()
    };
    assert_eq!(log.aggregate(&s1, &mut Quiet).unwrap().cases, 1);
}

/// Counts calls; cancels on call number `cancel_at` (never when 0).
struct Counting {
    calls: u64,
    cancel_at: u64,
}

impl Progress for Counting {
    fn advance(&mut self, done: u64, total: Option<u64>, _rows: u64) -> Flow {
        self.calls += 1;
        assert!(total.is_some_and(|t| done <= t), "{done} of {total:?}");
        if self.calls == self.cancel_at {
            Flow::Cancel
        } else {
            Flow::Continue
        }
    }
}

/// 70,000 cases with 16,384 distinct variants: enough for every stage to report progress.
fn big() -> Collector {
    let mut c = Collector::new();
    let acts = ["ad_click", "checkout", "delivered", "support_call"];
    for i in 0..70_000u32 {
        let case = format!("case{i}");
        for k in 0..7 {
            let a = acts[((i >> (2 * k)) & 3) as usize];
            c.event(&RawEvent {
                case: &case,
                activity: a,
                timestamp: Some(i64::from(k)),
                channel: None,
                score: None,
                segment: None,
                line: u64::from(i * 7 + k),
            });
        }
    }
    c
}

#[test]
fn long_runs_report_progress_and_can_be_cancelled() {
    let mut p = Counting {
        calls: 0,
        cancel_at: 0,
    };
    let log = big().finish(&mut p).unwrap();
    let after_finish = p.calls;
    assert!(after_finish >= 2, "finish reported {after_finish} times");
    let agg = log.aggregate(&Filter::all(), &mut p).unwrap();
    assert!(p.calls > after_finish);
    assert_eq!(agg.variants.len(), 16_384);
    let before_report = p.calls;
    report(&map(), &agg, &ReportOptions::default(), &mut p).unwrap();
    assert!(p.calls >= before_report + 4, "alignment reported progress");

    let cancel = |at| Counting {
        calls: 0,
        cancel_at: at,
    };
    assert_eq!(
        big().finish(&mut cancel(1)).unwrap_err(),
        GapError::Cancelled
    );
    let e = log.aggregate(&Filter::all(), &mut cancel(1)).unwrap_err();
    assert_eq!(e, GapError::Cancelled);
    let e = report(&map(), &agg, &ReportOptions::default(), &mut cancel(1)).unwrap_err();
    assert_eq!(e, GapError::Cancelled);
}

#[test]
fn an_empty_log_gives_an_empty_report() {
    let log = Collector::new().finish(&mut Quiet).unwrap();
    let r = gap_report(&map(), &log, &Filter::all(), &mut Quiet).unwrap();
    assert_eq!(r.totals.cases, 0);
    assert_eq!(r.conformance.log_fitness, None);
    assert!(r.variants.is_empty() && r.dfg.is_empty());
    assert_eq!(r.blind_spots.unobserved_touchpoints.len(), 5);
    assert!(r.priority.is_empty());
}
