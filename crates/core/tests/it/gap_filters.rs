//! Filters on the worked example: segment, time window, and the comparison of two windows.
//! Expected values computed by hand from the tables in `gap_fixture.rs`.

use corridor_core::data::Quiet;
use corridor_core::gap::*;

use crate::gap_fixture::{at, close, close_opt, log, log_of, map};

fn run(filter: Filter) -> GapReport {
    gap_report(&map(), &log(), &filter, &mut Quiet).unwrap()
}

fn window(from: i64, to: i64) -> Filter {
    Filter {
        segment: None,
        from: Some(at(from, 0.0)),
        to: Some(at(to, 0.0)),
    }
}

#[test]
fn segment_keeps_whole_cases_and_its_score_rows() {
    let r = run(Filter {
        segment: Some("new".into()),
        ..Filter::all()
    });
    // Cases 1, 2, 5, 7; score rows 1, 3, 5.
    let t = &r.totals;
    assert_eq!(
        (t.cases, t.events, t.excluded_cases, t.excluded_events),
        (4, 13, 3, 10)
    );
    assert_eq!((t.score_rows, t.excluded_score_rows), (3, 2));
    let c = &r.conformance;
    close_opt(c.log_fitness, 23.0 / 25.0);
    close_opt(c.mean_case_fitness, 11.0 / 12.0);
    close_opt(c.fitting_case_share, 0.75);
    close_opt(r.touchpoints[0].mean, 13.0 / 3.0);
    close_opt(r.touchpoints[1].mean, 13.0 / 3.0);
    assert_eq!(r.filter.segment.as_deref(), Some("new"));
    // The segment filter's choices are every segment of the data, whatever the filter kept.
    assert_eq!(r.segments, ["new", "returning"]);
}

#[test]
fn window_is_half_open_on_the_first_event() {
    // Cases start on days 0..6; [day 2, day 5) keeps cases 3, 4, 5 and rows of days 2, 3, 4.
    let r = run(window(2, 5));
    assert_eq!((r.totals.cases, r.totals.events), (3, 10));
    assert_eq!((r.totals.score_rows, r.totals.excluded_score_rows), (3, 2));
    let c = &r.conformance;
    close_opt(c.log_fitness, 14.0 / 19.0);
    assert_eq!((c.follows, c.dropped_out, c.off_path), (0, 1, 2));
    // A case starting exactly at `to` is out, one starting exactly at `from` is in.
    assert_eq!(run(window(2, 3)).totals.cases, 1);
}

#[test]
fn two_windows_compared() {
    let before = window(0, 3);
    let after = window(3, 7);
    let cmp = compare_windows(&map(), &log(), &before, &after, &mut Quiet).unwrap();
    assert_eq!((cmp.before.totals.cases, cmp.after.totals.cases), (3, 4));
    let b = &cmp.touchpoints[1];
    // B before: 5, 4, 2 and the table's 1 → 3; after: 3, 4, 4 → 11/3.
    close_opt(b.before_mean, 3.0);
    close_opt(b.after_mean, 11.0 / 3.0);
    close_opt(b.mean_change, 2.0 / 3.0);
    close(b.reach_change, 0.0);
    let a = &cmp.touchpoints[0];
    close_opt(a.mean_change, 0.5);
    close_opt(cmp.log_fitness_change, 10.0 / 13.0 - 17.0 / 18.0);
    close_opt(cmp.experience_change, 600.0 / 7.0 - 10.0);
    // E has no observations on either side.
    assert_eq!(cmp.touchpoints[4].mean_change, None);
}

#[test]
fn bad_and_empty_filters() {
    let err = log().aggregate(&window(3, 3), &mut Quiet).unwrap_err();
    assert!(matches!(err, GapError::EmptyWindow { .. }), "{err}");
    let r = run(Filter {
        segment: Some("nobody".into()),
        ..Filter::all()
    });
    assert_eq!((r.totals.cases, r.totals.score_rows), (0, 0));
    assert_eq!(r.conformance.log_fitness, None);
    assert_eq!(r.touchpoints[0].reach, 0.0);
    assert_eq!(r.experience.score, None);
}

#[test]
fn a_case_without_time_is_in_no_window() {
    let log = log_of(&[
        ("timed", "ad_click", Some(at(1, 0.0).timestamp_millis())),
        ("untimed", "ad_click", None),
    ]);
    let all = log.aggregate(&Filter::all(), &mut Quiet).unwrap();
    assert_eq!(all.cases, 2);
    let from_only = Filter {
        from: Some(at(0, 0.0)),
        ..Filter::all()
    };
    let windowed = log.aggregate(&from_only, &mut Quiet).unwrap();
    assert_eq!((windowed.cases, windowed.excluded_cases), (1, 1));
}
