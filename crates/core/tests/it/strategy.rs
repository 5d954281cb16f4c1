//! The figures computed from the strategy story, against values worked out by hand on the
//! sound map of `common.rs` (and small changes to it).

use corridor_core::strategy::*;
use corridor_core::*;

use crate::common::{date, id, sound_map};

fn initiative(n: u128, start: (u32, u32), end: (u32, u32), owner: Department) -> Initiative {
    Initiative {
        id: id(n),
        title: format!("Initiative {n}"),
        description: String::new(),
        start: date(2027, start.0, start.1),
        end: date(2027, end.0, end.1),
        owner,
        priority: Priority::Medium,
        status: WorkStatus::Planned,
        touchpoints: Vec::new(),
        gaps: Vec::new(),
    }
}

#[test]
fn asset_totals_and_return_ratio() {
    let mut map = sound_map();
    // The sound map's one asset: cost 40 000, return 120 000.
    let t = asset_totals(&map.story);
    assert_eq!(
        (t.cost, t.expected_return, t.net),
        (40_000.0, 120_000.0, 80_000.0)
    );
    assert_eq!(t.return_ratio, Some(3.0));

    // Add one costing 10 000 and returning 5 000: 50 000 against 125 000, ratio 2.5.
    let mut second = map.story.assets[0].clone();
    second.id = id(90);
    second.cost = 10_000.0;
    second.expected_return = 5_000.0;
    map.story.assets.push(second);
    let t = asset_totals(&map.story);
    assert_eq!(
        (t.cost, t.expected_return, t.net),
        (50_000.0, 125_000.0, 75_000.0)
    );
    assert_eq!(t.return_ratio, Some(2.5));

    // Nothing costs anything: no ratio, rather than a division by zero.
    map.story.assets.clear();
    let t = asset_totals(&map.story);
    assert_eq!(
        (t.cost, t.expected_return, t.net, t.return_ratio),
        (0.0, 0.0, 0.0, None)
    );
}

#[test]
fn moments_of_truth_that_nothing_covers() {
    let mut map = sound_map();
    // 41 is the only moment of truth, covered by KPI 75 and initiative 76.
    assert_eq!(uncovered_moments_of_truth(&map), Vec::<Id>::new());

    // Make 40 and 42 moments of truth too: 42 is covered by the KPI, 40 by nothing.
    map.touchpoints[0].moment_of_truth = true;
    map.touchpoints[2].moment_of_truth = true;
    assert_eq!(uncovered_moments_of_truth(&map), vec![id(40)]);

    // Without the KPI, 42 is uncovered; 41 stays covered by the initiative.
    map.story.kpis.clear();
    assert_eq!(uncovered_moments_of_truth(&map), vec![id(40), id(42)]);

    // A dropped initiative covers nothing; one answering 40's gap covers it.
    map.story.initiatives[0].status = WorkStatus::Dropped;
    assert_eq!(
        uncovered_moments_of_truth(&map),
        vec![id(40), id(41), id(42)]
    );
    map.story.initiatives[0].status = WorkStatus::Planned;
    map.story.initiatives[0].gaps = vec![id(40)];
    assert_eq!(uncovered_moments_of_truth(&map), vec![id(42)]);
}

fn coverage(map: &JourneyMap, d: Discipline) -> DisciplineCoverage {
    discipline_coverage(map)
        .into_iter()
        .find(|c| c.discipline == d)
        .unwrap()
}

#[test]
fn disciplines_derived_from_the_sound_map() {
    let map = sound_map();
    let all = discipline_coverage(&map);
    assert_eq!(
        all.iter().map(|c| c.discipline).collect::<Vec<_>>(),
        Discipline::ALL
    );
    assert!(all.iter().all(|c| c.source == CoverageSource::Derived));
    // Style adaptive with an opening and a climax.
    assert!(coverage(&map, Discipline::Strategy).addressed);
    // Data question 71 has an answer and evidence.
    let intel = coverage(&map, Discipline::Intelligence);
    assert!(intel.addressed);
    assert_eq!(intel.evidence, "1 data question answered with evidence");
    // Touchpoints 40 and 41 have targets; the corridor has 3 steps.
    assert_eq!(
        coverage(&map, Discipline::Design).evidence,
        "2 touchpoints with a target score; a corridor of 3 steps"
    );
    // KPI 75 has a baseline and touchpoints.
    assert!(coverage(&map, Discipline::Measurement).addressed);
    // Initiative 76 changes only touchpoint 41: one department, one channel.
    let connection = coverage(&map, Discipline::Connection);
    assert!(!connection.addressed);
    // Initiative 76 is in progress.
    assert_eq!(
        coverage(&map, Discipline::LiveOperation).evidence,
        "1 piece of work under way or done"
    );
}

#[test]
fn disciplines_follow_the_content_and_marks_win() {
    let mut map = sound_map();
    map.story.style = None;
    map.story.data_questions[0].evidence.clear();
    map.corridor.steps.clear();
    map.story.kpis[0].baseline = None;
    map.story.initiatives[0].status = WorkStatus::Planned;
    for d in Discipline::ALL {
        assert!(
            !coverage(&map, d).addressed,
            "{d:?} should not be addressed"
        );
    }
    assert_eq!(
        coverage(&map, Discipline::Design).evidence,
        "no corridor drawn"
    );

    // The initiative now changes 41 (e-commerce, web) and 42 (service): it connects.
    map.story.initiatives[0].touchpoints.push(id(42));
    assert!(coverage(&map, Discipline::Connection).addressed);

    // The team marks intelligence as addressed (interviews outside the data questions).
    map.story.discipline_marks = vec![DisciplineMark {
        discipline: Discipline::Intelligence,
        addressed: true,
        note: "twelve customer interviews in March".into(),
    }];
    let intel = coverage(&map, Discipline::Intelligence);
    assert!(intel.addressed);
    assert_eq!(intel.source, CoverageSource::Marked);
    assert_eq!(intel.evidence, "twelve customer interviews in March");

    // Marking a discipline twice is a problem at the second mark.
    map.story
        .discipline_marks
        .push(map.story.discipline_marks[0].clone());
    let problems = validate(&map);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].path, "story.discipline_marks[1].discipline");
}

#[test]
fn timeline_by_department_with_overlaps() {
    let mut map = sound_map();
    // 76: e-commerce, Jan 1 – Mar 31 2026. Add, in story order:
    //   80 e-commerce Mar 31 – Apr 30 2027   (touches 76? no: 76 is in 2026)
    //   81 service    Feb 1 – Feb 28 2027
    //   82 e-commerce Jan 15 – Apr 1 2027    (overlaps 80 on Mar 31 – Apr 1)
    //   83 service    Mar 1 – Mar 31 2027    (no overlap with 81: Feb 28 < Mar 1)
    map.story
        .initiatives
        .push(initiative(80, (3, 31), (4, 30), Department::ECommerce));
    map.story
        .initiatives
        .push(initiative(81, (2, 1), (2, 28), Department::Service));
    map.story
        .initiatives
        .push(initiative(82, (1, 15), (4, 1), Department::ECommerce));
    map.story
        .initiatives
        .push(initiative(83, (3, 1), (3, 31), Department::Service));
    let groups = timeline(&map, TimelineGrouping::Department);
    assert_eq!(groups.len(), 2);
    assert_eq!(groups[0].label, "e-commerce");
    assert_eq!(groups[0].initiatives, vec![id(76), id(82), id(80)]);
    assert_eq!(groups[0].overlaps, vec![[id(82), id(80)]]);
    assert_eq!(groups[1].label, "service");
    assert_eq!(groups[1].initiatives, vec![id(81), id(83)]);
    assert!(groups[1].overlaps.is_empty());
}

#[test]
fn timeline_by_stage() {
    let mut map = sound_map();
    // 76 touches 41 (Purchase). 80 touches 40 (Awareness) and answers 42's gap (Use).
    // 81 touches nothing: "No stage".
    let mut i80 = initiative(80, (1, 1), (6, 30), Department::Marketing);
    i80.touchpoints = vec![id(40)];
    i80.gaps = vec![id(42)];
    map.story.initiatives.push(i80);
    map.story
        .initiatives
        .push(initiative(81, (2, 1), (2, 28), Department::Service));
    let groups = timeline(&map, TimelineGrouping::Stage);
    let labels: Vec<&str> = groups.iter().map(|g| g.label.as_str()).collect();
    assert_eq!(labels, ["Awareness", "Purchase", "Use", "No stage"]);
    assert_eq!(groups[0].initiatives, vec![id(80)]);
    assert_eq!(groups[1].initiatives, vec![id(76)]);
    assert_eq!(groups[2].initiatives, vec![id(80)]);
    assert_eq!(groups[3].initiatives, vec![id(81)]);
}
