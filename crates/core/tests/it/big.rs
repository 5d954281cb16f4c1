//! A generated map of any size, for the pagination tests and the render benchmark (which
//! includes this file by path).

use chrono::{DateTime, Utc};
use corridor_core::*;
use uuid::Uuid;

const STAGES: [&str; 5] = [
    "Awareness",
    "Consideration",
    "Transaction",
    "Use",
    "Inactivity",
];
const CHANNELS: [Channel; 8] = [
    Channel::Web,
    Channel::MobileApp,
    Channel::Phone,
    Channel::InPerson,
    Channel::Email,
    Channel::Chat,
    Channel::Social,
    Channel::Partner,
];
const WORDS: [&str; 12] = [
    "order", "delivery", "advice", "review", "invoice", "return", "booking", "reminder", "survey",
    "account", "support", "renewal",
];

/// A map of `n` touchpoints spread over the five lifecycle stages, every one on the corridor
/// (with a loop back every 40 steps), a card per stage in each standard lane, and emotions.
pub fn big_map(n: usize) -> JourneyMap {
    let mut next = 0u128;
    let mut ids = || {
        next += 1;
        Uuid::from_u128(next)
    };
    let t0: DateTime<Utc> = DateTime::parse_from_rfc3339("2026-02-03T04:05:06Z")
        .unwrap()
        .with_timezone(&Utc);
    let mut map = JourneyMap::new(ids(), "A generated journey", &STAGES, &mut ids, t0);
    let stages: Vec<Id> = map.stages.iter().map(|s| s.id).collect();
    for i in 0..n {
        let stage = stages[i * stages.len() / n.max(1)];
        let w = |k: usize| WORDS[(i * 7 + k * 5) % WORDS.len()];
        map.touchpoints.push(Touchpoint {
            channel: CHANNELS[i % CHANNELS.len()].clone(),
            owner: if i % 3 == 0 {
                Department::Service
            } else {
                Department::Custom("Customer success".into())
            },
            target_score: Some(3.0 + (i % 5) as f64 * 0.5),
            designed_emotion: Some(((i % 9) as f64 - 4.0) / 2.0),
            emotion_label: w(3).to_string(),
            moment_of_truth: i % 11 == 0,
            ..Touchpoint::new(
                ids(),
                format!("Touchpoint {} {} {} and {}", i + 1, w(0), w(1), w(2)),
                stage,
            )
        });
    }
    let lanes: Vec<Id> = map
        .lanes
        .iter()
        .filter(|l| l.kind != LaneKind::Touchpoints)
        .map(|l| l.id)
        .collect();
    for (li, lane) in lanes.iter().enumerate() {
        for (si, stage) in stages.iter().enumerate() {
            map.lane_cards.push(LaneCard {
                id: ids(),
                lane: *lane,
                stage: *stage,
                text: format!("Lane {} note for stage {}: {}", li + 1, si + 1, WORDS[li]),
                notes: String::new(),
                tag: None,
            });
        }
    }
    let tps: Vec<Id> = map.touchpoints.iter().map(|t| t.id).collect();
    for (i, tp) in tps.iter().enumerate() {
        map.corridor.steps.push(CorridorStep {
            id: ids(),
            touchpoint: *tp,
            optional: i % 6 == 5,
            expected_secs_from_previous: None,
        });
        if i % 40 == 39 {
            map.corridor.steps.push(CorridorStep {
                id: ids(),
                touchpoint: tps[i - 30],
                optional: false,
                expected_secs_from_previous: None,
            });
        }
    }
    map
}
