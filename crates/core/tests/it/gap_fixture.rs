//! The worked example of `docs/gaps.md`: a five-stage map, a 23-event log of 7 cases and a
//! 5-row score table. Every figure the doc computes by hand is asserted in `gap_example.rs`.

use chrono::{DateTime, Duration, Utc};
use corridor_core::data::{EventSink, RawEvent, RawScore, ScoreSink};
use corridor_core::gap::{Collector, ObservedLog};
use corridor_core::*;

use crate::common::{id, step, t0, touchpoint};

/// 2026-03-01T00:00:00Z: case `cN` starts N − 1 days later.
pub fn day0() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-03-01T00:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

pub fn at(day: i64, hours: f64) -> DateTime<Utc> {
    day0() + Duration::days(day) + Duration::milliseconds((hours * 3_600_000.0) as i64)
}

/// Stages 20 Awareness, 21 Purchase, 22 Use, 23 Loyalty, 24 Advocacy (no touchpoints).
/// Touchpoints: 40 A "Sees an ad" (alias ad_click, target 4.0, marketing, owned),
/// 41 B "Checks out online" (checkout, 4.5, moment of truth, e_commerce, owned),
/// 42 C "Delivery" (delivered, 4.0, logistics, intermediary),
/// 43 D "Calls support" (support_call, 3.5, service, owned),
/// 44 E "Review request" (no alias, 4.0, marketing, owned; Loyalty).
/// Corridor: 60 A, 61 B (3600 s), 62 C (86400 s), 63 D optional (172800 s).
pub fn map() -> JourneyMap {
    let mut a = touchpoint(id(40), "Sees an ad", id(20));
    a.aliases = vec!["ad_click".into()];
    a.target_score = Some(4.0);
    let mut b = touchpoint(id(41), "Checks out online", id(21));
    b.aliases = vec!["checkout".into()];
    b.target_score = Some(4.5);
    b.moment_of_truth = true;
    b.owner = Department::ECommerce;
    let mut c = touchpoint(id(42), "Delivery", id(21));
    c.aliases = vec!["delivered".into()];
    c.target_score = Some(4.0);
    c.owner = Department::Logistics;
    c.control = Control::Intermediary;
    let mut d = touchpoint(id(43), "Calls support", id(22));
    d.aliases = vec!["support_call".into()];
    d.target_score = Some(3.5);
    d.owner = Department::Service;
    let mut e = touchpoint(id(44), "Review request", id(23));
    e.target_score = Some(4.0);
    let mut s61 = step(id(61), id(41));
    s61.expected_secs_from_previous = Some(3600);
    let mut s62 = step(id(62), id(42));
    s62.expected_secs_from_previous = Some(86_400);
    let mut s63 = step(id(63), id(43));
    s63.expected_secs_from_previous = Some(172_800);
    s63.optional = true;
    let stage = |n: u128, name: &str| Stage {
        id: id(n),
        name: name.into(),
        description: String::new(),
    };
    let mut map = JourneyMap::new(id(1), "Buying a bike", &[], &mut || id(999), t0());
    map.stages = vec![
        stage(20, "Awareness"),
        stage(21, "Purchase"),
        stage(22, "Use"),
        stage(23, "Loyalty"),
        stage(24, "Advocacy"),
    ];
    map.lanes.clear();
    map.touchpoints = vec![a, b, c, d, e];
    map.corridor = Corridor {
        steps: vec![step(id(60), id(40)), s61, s62, s63],
    };
    map
}

/// (case, activity, hours after the case's start, channel, score, segment).
pub type Row = (
    u32,
    &'static str,
    f64,
    &'static str,
    Option<f64>,
    &'static str,
);

/// The event log, in file order.
pub const LOG: &[Row] = &[
    (1, "ad_click", 0.0, "social", None, "new"),
    (2, "ad_click", 0.0, "social", Some(3.0), "new"),
    (1, "checkout", 1.0, "web", Some(5.0), "new"),
    (2, "checkout", 2.0, "web", Some(4.0), "new"),
    (3, "ad_click", 0.0, "social", None, "returning"),
    (1, "delivered", 25.0, "partner", Some(4.0), "new"),
    (4, "ad_click", 0.0, "social", Some(4.0), "returning"),
    (4, "delivered", 30.0, "partner", Some(5.0), "returning"),
    (4, "FAQ viewed", 2.0, "web", None, "returning"),
    (4, "checkout", 2.0, "web", Some(3.0), "returning"),
    (2, "delivered", 26.0, "partner", Some(2.0), "new"),
    (3, "checkout", 3.0, "web", Some(2.0), "returning"),
    (4, "checkout", 2.5, "web", None, "returning"),
    (2, "support_call", 30.0, "phone", Some(1.0), "new"),
    (5, "checkout", 0.0, "web", Some(4.0), "new"),
    (6, "AD_CLICK", 0.0, "social", None, "returning"),
    (5, "ad_click", 1.0, "social", None, "new"),
    (6, "Checks out online", 1.0, "web", Some(4.0), "returning"),
    (5, "delivered", 20.0, "partner", Some(4.0), "new"),
    (6, "Parcel lost", 50.0, "phone", Some(1.0), "returning"),
    (7, "ad_click", 0.0, "social", Some(5.0), "new"),
    (7, "checkout", 1.0, "web", None, "new"),
    (7, "delivered", 23.0, "partner", None, "new"),
];

/// (subject, score, day, segment).
pub const SCORES: &[(&str, f64, i64, &str)] = &[
    ("Sees an ad", 5.0, 0, "new"),
    ("checkout", 1.0, 1, "returning"),
    ("delivery", 4.0, 2, "new"),
    ("Calls support", 9.0, 3, "returning"),
    ("Review requested", 4.0, 4, "new"),
];

pub fn feed(sink: &mut (impl EventSink + ScoreSink)) {
    for (line, &(case, activity, hours, channel, score, segment)) in LOG.iter().enumerate() {
        let case_id = format!("c{case}");
        sink.event(&RawEvent {
            case: &case_id,
            activity,
            timestamp: Some(at(i64::from(case) - 1, hours).timestamp_millis()),
            channel: Some(channel),
            score,
            segment: Some(segment),
            line: line as u64 + 2,
        });
    }
    for (line, &(subject, score, day, segment)) in SCORES.iter().enumerate() {
        sink.score(&RawScore {
            subject,
            score,
            respondent: None,
            timestamp: Some(at(day, 0.0).timestamp_millis()),
            channel: None,
            segment: Some(segment),
            line: line as u64 + 2,
        });
    }
}

pub fn log() -> ObservedLog {
    let mut c = Collector::new();
    feed(&mut c);
    c.finish(&mut data::Quiet).unwrap()
}

/// Collects events given as `(case, activity, time in ms)` in file order.
pub fn log_of(events: &[(&str, &str, Option<i64>)]) -> ObservedLog {
    let mut c = Collector::new();
    for (line, &(case, activity, timestamp)) in events.iter().enumerate() {
        c.event(&RawEvent {
            case,
            activity,
            timestamp,
            channel: None,
            score: None,
            segment: None,
            line: line as u64 + 1,
        });
    }
    c.finish(&mut data::Quiet).unwrap()
}

/// Asserts two floats agree to 1e-12 (the hand computation and the code may round
/// differently in the last bit).
#[track_caller]
pub fn close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() < 1e-12,
        "{actual} is not {expected}"
    );
}

#[track_caller]
pub fn close_opt(actual: Option<f64>, expected: f64) {
    match actual {
        Some(a) => close(a, expected),
        None => panic!("None is not {expected}"),
    }
}
