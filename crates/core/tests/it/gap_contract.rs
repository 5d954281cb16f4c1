//! The contract between the layers: aggregates built by hand, as another layer 1 (a query
//! engine) would build them from the documented field meanings, give the very report the
//! engine gives from events.

use corridor_core::data::{EventSink, Quiet, RawEvent};
use corridor_core::gap::stats::Distribution;
use corridor_core::gap::*;

use crate::gap_fixture::map;

fn event<'a>(
    case: &'a str,
    activity: &'a str,
    ms: i64,
    channel: Option<&'a str>,
    score: Option<f64>,
) -> RawEvent<'a> {
    RawEvent {
        case,
        activity,
        timestamp: Some(ms),
        channel,
        score,
        segment: None,
        line: 0,
    }
}

#[test]
fn hand_built_aggregates_give_the_engines_report() {
    let mut c = Collector::new();
    c.event(&event("b", "checkout", 5_000, None, None));
    c.event(&event("a", "ad_click", 0, Some("web"), Some(4.0)));
    c.event(&event("a", "checkout", 3_600_000, Some("phone"), None));
    c.event(&event("b", "FAQ viewed", 6_000, None, None));
    c.event(&event("a", "delivered", 90_000_000, None, None));
    let from_events = gap_report(
        &map(),
        &c.finish(&mut Quiet).unwrap(),
        &Filter::all(),
        &mut Quiet,
    )
    .unwrap();

    // Activities by name: FAQ viewed 0, ad_click 1, checkout 2, delivered 3.
    let activity = |name: &str, events, cases, scores: &[f64]| ActivityStats {
        name: name.into(),
        events,
        cases,
        scores: Distribution::from_values(scores.iter().copied()),
    };
    let mut variants = Variants::default();
    // Case a's names come first ("ad_click" < "checkout"); times from each case's start.
    variants.push(&[1, 2, 3], 1, "a", &[0, 3_600_000, 90_000_000]);
    variants.push(&[2, 0], 1, "b", &[0, 1_000]);
    let edge = |from, to, count| Edge { from, to, count };
    let hand = Aggregates {
        filter: Filter::all(),
        segments: vec![],
        cases: 2,
        events: 5,
        activities: vec![
            activity("FAQ viewed", 1, 1, &[]),
            activity("ad_click", 1, 1, &[4.0]),
            activity("checkout", 2, 2, &[]),
            activity("delivered", 1, 1, &[]),
        ],
        variants,
        dfg: vec![edge(1, 2, 1), edge(2, 0, 1), edge(2, 3, 1)],
        start_activities: vec![(1, 1), (2, 1)],
        end_activities: vec![(0, 1), (3, 1)],
        channels: vec![
            ChannelStats {
                name: "phone".into(),
                events: 1,
            },
            ChannelStats {
                name: "web".into(),
                events: 1,
            },
        ],
        channel_steps: 1,
        channel_switches: vec![edge(1, 0, 1)],
        ..Aggregates::default()
    };
    let from_hand = report(&map(), &hand, &ReportOptions::default(), &mut Quiet).unwrap();
    assert_eq!(from_hand, from_events);
    assert_eq!(
        from_hand.corridor[1].median_secs_from_previous,
        Some(3600.0)
    );
}
