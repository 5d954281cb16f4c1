//! `validate`: a sound map has no problems; each kind of problem is reported at its exact path.

use corridor_core::*;

use crate::common::{card, id, lane, problem_paths, sound_map, step};

/// Apply `change` to the sound map and return the paths `validate` reports.
fn paths_after(change: impl FnOnce(&mut JourneyMap)) -> Vec<String> {
    let mut map = sound_map();
    change(&mut map);
    problem_paths(&map)
}

#[test]
fn the_sound_map_has_no_problems() {
    assert_eq!(validate(&sound_map()), Vec::<Problem>::new());
}

#[test]
fn touchpoint_pointing_at_a_missing_stage() {
    let mut map = sound_map();
    map.touchpoints[1].stage = id(999);
    let problems = validate(&map);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].path, "touchpoints[1].stage");
    assert!(problems[0].message.contains(&id(999).to_string()));
    assert_eq!(
        problems[0].to_string(),
        format!("touchpoints[1].stage: {}", problems[0].message)
    );
}

#[test]
fn lane_card_pointing_at_a_missing_lane_or_stage() {
    assert_eq!(
        paths_after(|m| m.lane_cards[1].lane = id(998)),
        ["lane_cards[1].lane"]
    );
    assert_eq!(
        paths_after(|m| m.lane_cards[0].stage = id(998)),
        ["lane_cards[0].stage"]
    );
}

#[test]
fn ids_shared_across_collections() {
    // The asset takes the id of the second stage: the later one is reported, naming the first.
    let mut map = sound_map();
    map.story.assets[0].id = id(21);
    let problems = validate(&map);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].path, "story.assets[0].id");
    assert!(problems[0].message.contains("stages[1].id"), "{problems:?}");

    // The map's own id counts too.
    assert_eq!(
        paths_after(|m| m.story.capabilities[0].id = id(1)),
        ["story.capabilities[0].id"]
    );
    // And two entries of one collection.
    assert_eq!(
        paths_after(|m| m.lane_cards[0].id = id(51)),
        ["lane_cards[1].id"]
    );
}

#[test]
fn target_score_outside_the_scale() {
    assert_eq!(
        paths_after(|m| m.touchpoints[0].target_score = Some(5.5)),
        ["touchpoints[0].target_score"]
    );
    assert_eq!(
        paths_after(|m| m.touchpoints[2].target_score = Some(0.0)),
        ["touchpoints[2].target_score"]
    );
    // The bounds themselves are on the scale.
    assert!(paths_after(|m| {
        m.touchpoints[0].target_score = Some(1.0);
        m.touchpoints[1].target_score = Some(5.0);
    })
    .is_empty());
    assert_eq!(
        paths_after(|m| m.touchpoints[1].target_score = Some(f64::NAN)),
        ["touchpoints[1].target_score"]
    );
}

#[test]
fn designed_emotion_outside_minus_two_to_two() {
    assert_eq!(
        paths_after(|m| m.touchpoints[1].designed_emotion = Some(-2.5)),
        ["touchpoints[1].designed_emotion"]
    );
    assert_eq!(
        paths_after(|m| m.touchpoints[0].designed_emotion = Some(2.01)),
        ["touchpoints[0].designed_emotion"]
    );
    assert!(paths_after(|m| {
        m.touchpoints[0].designed_emotion = Some(-2.0);
        m.touchpoints[1].designed_emotion = Some(2.0);
    })
    .is_empty());
}

#[test]
fn corridor_step_pointing_nowhere() {
    assert_eq!(
        paths_after(|m| m.corridor.steps[1].touchpoint = id(997)),
        ["corridor.steps[1].touchpoint"]
    );
}

#[test]
fn the_same_touchpoint_in_two_corridor_steps_is_fine() {
    let mut map = sound_map();
    // A loop: back to the checkout after calling support.
    map.corridor.steps.push(step(id(63), id(41)));
    map.corridor.steps.push(step(id(64), id(41)));
    assert_eq!(validate(&map), Vec::<Problem>::new());
}

#[test]
fn empty_title() {
    assert_eq!(paths_after(|m| m.title = String::new()), ["title"]);
    assert_eq!(paths_after(|m| m.title = " \t ".into()), ["title"]);
}

#[test]
fn empty_names() {
    assert_eq!(
        paths_after(|m| m.stages[1].name = "  ".into()),
        ["stages[1].name"]
    );
    assert_eq!(
        paths_after(|m| m.personas[0].name = String::new()),
        ["personas[0].name"]
    );
    assert_eq!(
        paths_after(|m| m.lanes[2].title = String::new()),
        ["lanes[2].title"]
    );
    assert_eq!(
        paths_after(|m| m.touchpoints[2].title = String::new()),
        ["touchpoints[2].title"]
    );
    assert_eq!(
        paths_after(|m| m.lane_cards[0].text = String::new()),
        ["lane_cards[0].text"]
    );
    assert_eq!(
        paths_after(|m| m.touchpoints[1].aliases.push(String::new())),
        ["touchpoints[1].aliases[1]"]
    );
    assert_eq!(
        paths_after(|m| m.touchpoints[0].channel = Channel::Custom(" ".into())),
        ["touchpoints[0].channel"]
    );
    assert_eq!(
        paths_after(|m| m.touchpoints[0].owner = Department::Custom(String::new())),
        ["touchpoints[0].owner"]
    );
}

#[test]
fn a_map_without_stages() {
    assert_eq!(
        paths_after(|m| {
            m.stages.clear();
            m.touchpoints.clear();
            m.lane_cards.clear();
            m.votes.clear();
            m.corridor.steps.clear();
            m.story.kpis[0].touchpoints.clear();
            m.story.initiatives[0].touchpoints.clear();
            m.story.initiatives[0].gaps.clear();
        }),
        ["stages"]
    );
}

#[test]
fn bad_score_scales() {
    // min not below max; the targets are cleared so only the scale itself is wrong.
    let clear_targets = |m: &mut JourneyMap| {
        for t in &mut m.touchpoints {
            t.target_score = None;
        }
    };
    assert_eq!(
        paths_after(|m| {
            clear_targets(m);
            m.score_scale.min = 5.0;
            m.score_scale.max = 1.0;
        }),
        ["score_scale"]
    );
    assert_eq!(
        paths_after(|m| {
            clear_targets(m);
            m.score_scale.max = f64::INFINITY;
        }),
        ["score_scale"]
    );
    // A threshold off the scale.
    assert_eq!(
        paths_after(|m| m.score_scale.adds_at_or_above = 6.0),
        ["score_scale.adds_at_or_above"]
    );
    assert_eq!(
        paths_after(|m| m.score_scale.takes_away_at_or_below = 0.5),
        ["score_scale.takes_away_at_or_below"]
    );
    // Thresholds the wrong way round (or equal): nothing could be neutral.
    assert_eq!(
        paths_after(|m| {
            m.score_scale.adds_at_or_above = 3.0;
            m.score_scale.takes_away_at_or_below = 3.0;
        }),
        ["score_scale"]
    );
}

#[test]
fn initiative_ending_before_it_starts() {
    let mut map = sound_map();
    map.story.initiatives[0].end = crate::common::date(2025, 12, 31);
    let problems = validate(&map);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].path, "story.initiatives[0].end");
    assert!(problems[0].message.contains("2025-12-31"));
    assert!(problems[0].message.contains("2026-01-01"));
    // Ending on the day it starts is fine.
    assert!(paths_after(|m| m.story.initiatives[0].end = m.story.initiatives[0].start).is_empty());
}

#[test]
fn story_links_to_missing_things() {
    assert_eq!(
        paths_after(|m| m.story.kpis[0].touchpoints[1] = id(996)),
        ["story.kpis[0].touchpoints[1]"]
    );
    assert_eq!(
        paths_after(|m| m.story.initiatives[0].touchpoints.push(id(996))),
        ["story.initiatives[0].touchpoints[1]"]
    );
    assert_eq!(
        paths_after(|m| m.story.initiatives[0].gaps[0] = id(996)),
        ["story.initiatives[0].gaps[0]"]
    );
    assert_eq!(
        paths_after(|m| m.story.success_definitions[0].persona = id(996)),
        ["story.success_definitions[0].persona"]
    );
}

#[test]
fn other_story_problems() {
    assert_eq!(
        paths_after(|m| {
            let mut again = m.story.data_questions[0].clone();
            again.id = id(80);
            m.story.data_questions.push(again);
        }),
        ["story.data_questions[1].question"]
    );
    assert_eq!(
        paths_after(|m| m.story.assets[0].cost = -1.0),
        ["story.assets[0].cost"]
    );
    assert_eq!(
        paths_after(|m| m.story.success_definitions[0].metrics[0].name = String::new()),
        ["story.success_definitions[0].metrics[0].name"]
    );
}

#[test]
fn lane_card_in_the_touchpoint_lane() {
    assert_eq!(
        paths_after(|m| m.lane_cards[1].lane = id(31)),
        ["lane_cards[1].lane"]
    );
}

#[test]
fn two_touchpoint_lanes() {
    let mut map = sound_map();
    map.lanes.push(lane(id(33), LaneKind::Feelings));
    map.lanes.push(lane(id(34), LaneKind::Touchpoints));
    map.lanes.push(lane(id(35), LaneKind::Touchpoints));
    // The second touchpoint lane is the problem; a third is not reported again.
    assert_eq!(problem_paths(&map), ["lanes[4].kind"]);
}

#[test]
fn a_map_without_a_touchpoint_lane_is_fine() {
    let mut map = sound_map();
    map.lanes.remove(1);
    assert_eq!(validate(&map), Vec::<Problem>::new());
}

#[test]
fn persona_choice_pointing_nowhere() {
    assert_eq!(paths_after(|m| m.persona = Some(id(995))), ["persona"]);
    assert!(paths_after(|m| m.persona = None).is_empty());
}

#[test]
fn several_problems_are_reported_together_in_map_order() {
    let mut map = sound_map();
    map.title = String::new();
    map.stages[2].name = String::new();
    map.touchpoints[0].stage = id(900);
    map.touchpoints[1].target_score = Some(9.0);
    map.lane_cards
        .push(card(id(52), id(31), id(901), "in the wrong lane"));
    map.corridor.steps[0].touchpoint = id(902);
    map.story.kpis[0].touchpoints[0] = id(903);
    map.story.initiatives[0].end = crate::common::date(2025, 1, 1);
    assert_eq!(
        problem_paths(&map),
        [
            "title",
            "stages[2].name",
            "touchpoints[0].stage",
            "touchpoints[1].target_score",
            "lane_cards[2].stage",
            "lane_cards[2].lane",
            "corridor.steps[0].touchpoint",
            "story.kpis[0].touchpoints[0]",
            "story.initiatives[0].end",
        ]
    );
}

#[test]
fn numbers_that_json_cannot_hold_are_problems() {
    // JSON has no NaN or infinity: serde_json writes them as `null`, which does not read back
    // as a number. A map that passes `validate` must survive its own file.
    assert_eq!(
        paths_after(|m| m.story.assets[0].cost = f64::NAN),
        ["story.assets[0].cost"]
    );
    assert_eq!(
        paths_after(|m| m.story.assets[0].expected_return = f64::INFINITY),
        ["story.assets[0].expected_return"]
    );
    assert_eq!(
        paths_after(|m| m.story.kpis[0].target = f64::NEG_INFINITY),
        ["story.kpis[0].target"]
    );
    assert_eq!(
        paths_after(|m| m.story.kpis[0].baseline = Some(f64::NAN)),
        ["story.kpis[0].baseline"]
    );
    assert_eq!(
        paths_after(|m| m.story.success_definitions[0].metrics[0].target = f64::INFINITY),
        ["story.success_definitions[0].metrics[0].target"]
    );
}

#[test]
fn an_alias_naming_two_touchpoints() {
    // Matching ignores case and runs of spaces, so these collide.
    let mut map = sound_map();
    map.touchpoints[0].aliases = vec!["Checkout  Started".into()];
    map.touchpoints[1].aliases = vec!["other".into(), "checkout started".into()];
    let problems = validate(&map);
    assert_eq!(
        problem_paths(&map),
        ["touchpoints[1].aliases[1]"],
        "{problems:?}"
    );
    assert!(
        problems[0].message.contains(&map.touchpoints[0].title),
        "{problems:?}"
    );
    // The same alias twice on one touchpoint names one touchpoint: no problem.
    map.touchpoints[1].aliases = vec!["x".into(), "X".into()];
    assert_eq!(problem_paths(&map), Vec::<String>::new());
}

#[test]
fn vote_problems() {
    assert_eq!(
        paths_after(|m| m.votes[0].name = " ".into()),
        ["votes[0].name"]
    );
    assert_eq!(
        paths_after(|m| m.votes[0].dots_per_person = 0),
        ["votes[0].dots_per_person", "votes[0].tallies"]
    );
    // A stage is not a card; a card named twice is reported at its second place.
    assert_eq!(
        paths_after(|m| m.votes[0].cards[1] = id(20)),
        ["votes[0].cards[1]", "votes[0].tallies[1].card"]
    );
    assert_eq!(
        paths_after(|m| m.votes[0].cards.push(id(51))),
        ["votes[0].cards[2]"]
    );
    assert_eq!(
        paths_after(|m| m.votes[0].tallies[1].card = id(51)),
        ["votes[0].tallies[1].card"]
    );
    // 4 voters of 3 dots place at most 12; the fixture counts 7 + 5.
    assert!(paths_after(|m| m.votes[0].tallies[0].dots = 7).is_empty());
    let problems = {
        let mut map = sound_map();
        map.votes[0].tallies[0].dots = 8;
        validate(&map)
    };
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].path, "votes[0].tallies");
    assert!(problems[0]
        .message
        .contains("13 dots counted, but 4 voters with 3 dots each have only 12"));
    assert_eq!(
        paths_after(|m| m.lane_cards[1].tag = Some(CardTag::Participant(" ".into()))),
        ["lane_cards[1].tag"]
    );
}
