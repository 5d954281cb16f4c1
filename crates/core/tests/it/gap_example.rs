//! The worked example of `docs/gaps.md`, figure by figure. Every expected value here was
//! computed by hand in the doc (fractions kept as fractions), not copied from the output.

use corridor_core::data::Quiet;
use corridor_core::gap::*;

use crate::common::id;
use crate::gap_fixture::{close, close_opt, log, map};

fn full() -> GapReport {
    gap_report(&map(), &log(), &Filter::all(), &mut Quiet).unwrap()
}

#[test]
fn the_example_map_is_sound() {
    assert_eq!(corridor_core::validate(&map()), []);
}

#[test]
fn totals() {
    let r = full();
    let t = &r.totals;
    assert_eq!(
        (t.cases, t.events, t.score_rows, t.activities),
        (7, 23, 5, 8)
    );
    assert_eq!(
        (t.excluded_cases, t.excluded_events, t.excluded_score_rows),
        (0, 0, 0)
    );
    assert_eq!(t.cases_without_touchpoint, 0);
    assert_eq!(
        t.out_of_scale_scores, 1,
        "Calls support = 9 is off the 1-5 scale"
    );
    assert_eq!((t.unusable_scores, t.segment_conflicts), (0, 0));
}

#[test]
fn activities_and_how_they_matched() {
    let r = full();
    let got: Vec<(&str, u32, Option<MatchKind>)> = r
        .activities
        .iter()
        .map(|a| (a.activity.as_str(), a.events, a.matched_by))
        .collect();
    use MatchKind::*;
    assert_eq!(
        got,
        [
            ("AD_CLICK", 1, Some(AliasNormalized)),
            ("Checks out online", 1, Some(Title)),
            ("FAQ viewed", 1, None),
            ("Parcel lost", 1, None),
            ("ad_click", 6, Some(Alias)),
            ("checkout", 7, Some(Alias)),
            ("delivered", 5, Some(Alias)),
            ("support_call", 1, Some(Alias)),
        ]
    );
    assert_eq!(r.activities[0].touchpoint, Some(id(40)));
    assert_eq!(r.activities[1].touchpoint, Some(id(41)));
}

#[test]
fn touchpoint_figures() {
    let r = full();
    let [a, b, c, d, e] = &r.touchpoints[..] else {
        panic!("five touchpoints")
    };
    // A: scores 3, 4, 5 from events and 5 from the table.
    assert_eq!((a.events, a.cases, a.observations), (7, 7, 4));
    assert_eq!((a.event_scores, a.table_scores), (3, 1));
    close(a.reach, 1.0);
    close_opt(a.mean, 4.25);
    close_opt(a.median, 4.5);
    close_opt(a.p10, 3.3);
    close_opt(a.gap, 0.25);
    close_opt(a.adds_share, 0.75);
    close_opt(a.neutral_share, 0.25);
    close_opt(a.takes_away_share, 0.0);
    assert_eq!(a.expected_secs_from_previous, None);
    assert_eq!(a.median_secs_from_previous, None);

    // B: 5, 4, 2, 3, 4, 4 from events, 1 from the table.
    assert_eq!((b.events, b.cases, b.observations), (8, 7, 7));
    close_opt(b.mean, 23.0 / 7.0);
    close_opt(b.median, 4.0);
    close_opt(b.p10, 1.6);
    close_opt(b.gap, 23.0 / 7.0 - 4.5);
    close_opt(b.adds_share, 4.0 / 7.0);
    close_opt(b.neutral_share, 1.0 / 7.0);
    close_opt(b.takes_away_share, 2.0 / 7.0);
    assert_eq!(b.expected_secs_from_previous, Some(3600));
    close_opt(b.median_secs_from_previous, 5400.0);

    // C: 4, 2, 5, 4 and 4 (table, "delivery" matches the title "Delivery").
    assert_eq!((c.events, c.cases, c.observations), (5, 5, 5));
    close(c.reach, 5.0 / 7.0);
    close_opt(c.mean, 3.8);
    close_opt(c.median, 4.0);
    close_opt(c.p10, 2.8);
    close_opt(c.gap, 3.8 - 4.0);
    close_opt(c.adds_share, 0.8);
    close_opt(c.takes_away_share, 0.2);
    close_opt(c.median_secs_from_previous, 86_400.0);

    // D: 1 from an event; the table's 9 is off the scale.
    assert_eq!(
        (d.events, d.cases, d.observations, d.table_scores),
        (1, 1, 1, 0)
    );
    close(d.reach, 1.0 / 7.0);
    close_opt(d.mean, 1.0);
    close_opt(d.gap, -2.5);
    close_opt(d.takes_away_share, 1.0);
    close_opt(d.median_secs_from_previous, 14_400.0);

    // E: never observed.
    assert_eq!((e.events, e.cases, e.observations), (0, 0, 0));
    assert_eq!((e.mean, e.gap, e.adds_share), (None, None, None));
    assert_eq!(e.target, Some(4.0));
}

#[test]
fn corridor_steps_and_times() {
    let r = full();
    let got: Vec<(u32, u32, u32)> = r
        .corridor
        .iter()
        .map(|s| (s.executed, s.not_executed, s.timed_cases))
        .collect();
    assert_eq!(got, [(7, 0, 0), (6, 1, 6), (5, 2, 4), (1, 6, 1)]);
    assert_eq!(r.corridor[0].median_secs_from_previous, None);
    // A → B: 3600, 3600, 3600, 7200, 9000, 10800 s; median = (3600 + 7200) / 2.
    close_opt(r.corridor[1].median_secs_from_previous, 5400.0);
    close_opt(r.corridor[1].difference_secs, 1800.0);
    // B → C: 79200, 86400, 86400, 99000 s.
    close_opt(r.corridor[2].median_secs_from_previous, 86_400.0);
    close_opt(r.corridor[2].difference_secs, 0.0);
    // C → D: case 2 only, 4 h.
    close_opt(r.corridor[3].difference_secs, 14_400.0 - 172_800.0);
}

#[test]
fn stages_and_sweep() {
    let r = full();
    let s = &r.stages;
    let coverage: Vec<(bool, bool, u32)> = s
        .iter()
        .map(|s| (s.designed, s.observed, s.cases))
        .collect();
    assert_eq!(
        coverage,
        [
            (true, true, 7),
            (true, true, 7),
            (true, true, 1),
            (true, false, 0),
            (false, false, 0)
        ]
    );
    let ended: Vec<u32> = s.iter().map(|s| s.ended_here).collect();
    assert_eq!(ended, [0, 6, 1, 0, 0]);
    let drop: Vec<Option<u32>> = s.iter().map(|s| s.drop_off).collect();
    assert_eq!(drop, [Some(0), Some(6), Some(1), Some(0), None]);
    close_opt(s[0].drop_off_share, 0.0);
    close_opt(s[1].drop_off_share, 6.0 / 7.0);
    close_opt(s[2].drop_off_share, 1.0);
    assert_eq!(s[3].drop_off_share, None);

    close_opt(s[0].score, 4.25);
    close_opt(s[1].score, 3.5);
    close_opt(s[1].target, 4.25);
    close_opt(s[2].score, 1.0);
    assert_eq!((s[3].score, s[3].target), (None, Some(4.0)));
    assert_eq!(s[1].observations, 12);
    use StageStatus::*;
    let status: Vec<StageStatus> = s.iter().map(|s| s.status).collect();
    assert_eq!(status, [Met, BelowTarget, BelowTarget, NoData, NoTarget]);

    let w = &r.sweep;
    assert!(!w.won);
    assert_eq!((w.stages_met, w.stages_with_target, w.stages), (1, 4, 5));
    let losing: Vec<&str> = w.losing.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(losing, ["Purchase", "Use", "Loyalty"]);
}

#[test]
fn experience() {
    let x = full().experience;
    assert_eq!((x.moments, x.adds, x.neutral, x.takes_away), (17, 11, 2, 4));
    close_opt(x.score, 700.0 / 17.0);
    close_opt(x.mean, 60.0 / 17.0);
}

#[test]
fn conformance() {
    let r = full();
    let c = &r.conformance;
    assert_eq!(c.cases, 7);
    close(c.total_cost, 7.0);
    close(c.total_worst_cost, 44.0);
    close_opt(c.log_fitness, 37.0 / 44.0);
    close_opt(c.mean_case_fitness, 353.0 / 420.0);
    close_opt(c.fitting_case_share, 3.0 / 7.0);
    assert_eq!((c.follows, c.dropped_out, c.off_path), (3, 1, 3));
    let devs: Vec<(DeviationKind, &str, u32, &str)> = c
        .deviations
        .iter()
        .map(|d| (d.kind, d.label.as_str(), d.cases, d.example_case.as_str()))
        .collect();
    use DeviationKind::*;
    assert_eq!(
        devs,
        [
            (DroppedOut, "Delivery", 2, "c6"),
            (UnexpectedActivity, "FAQ viewed", 1, "c4"),
            (UnexpectedActivity, "Parcel lost", 1, "c6"),
            (Repeat, "checkout", 1, "c4"),
            (OutOfOrder, "checkout", 1, "c5"),
        ]
    );
    assert_eq!(c.deviations[0].step, Some(id(62)));
    assert_eq!(c.deviations[3].touchpoint, Some(id(41)));
    assert_eq!(c.deviations[1].touchpoint, None);
}

#[test]
fn variants_and_dfg() {
    let r = full();
    let v: Vec<(Vec<&str>, u32, u32, u32, CaseOutcome)> = r
        .variants
        .iter()
        .map(|v| {
            let acts = v.activities.iter().map(|a| &**a).collect();
            (acts, v.count, v.cost, v.worst_cost, v.outcome)
        })
        .collect();
    use CaseOutcome::*;
    assert_eq!(
        v,
        [
            (vec!["ad_click", "checkout", "delivered"], 2, 0, 6, Follows),
            (
                vec!["AD_CLICK", "Checks out online", "Parcel lost"],
                1,
                2,
                6,
                OffPath
            ),
            (
                vec![
                    "ad_click",
                    "FAQ viewed",
                    "checkout",
                    "checkout",
                    "delivered"
                ],
                1,
                2,
                8,
                OffPath
            ),
            (vec!["ad_click", "checkout"], 1, 1, 5, DroppedOut),
            (
                vec!["ad_click", "checkout", "delivered", "support_call"],
                1,
                0,
                7,
                Follows
            ),
            (vec!["checkout", "ad_click", "delivered"], 1, 2, 6, OffPath),
        ]
    );
    assert_eq!(r.variants[0].example_case, "c1");
    assert_eq!(r.totals.variants, 6);
    // Listing fewer variants changes the list, not the figures.
    let two = ReportOptions { max_variants: 2 };
    let short = gap_report_with(&map(), &log(), &Filter::all(), &two, &mut Quiet).unwrap();
    assert_eq!(short.variants[..], r.variants[..2]);
    assert_eq!(
        (short.totals.variants, &short.conformance),
        (6, &r.conformance)
    );
    close(r.variants[0].share, 2.0 / 7.0);
    close(r.variants[3].fitness, 0.8);

    let dfg: Vec<(&str, &str, u32)> = r
        .dfg
        .iter()
        .map(|e| (e.from.as_str(), e.to.as_str(), e.count))
        .collect();
    assert_eq!(
        dfg,
        [
            ("ad_click", "checkout", 4),
            ("checkout", "delivered", 4),
            ("AD_CLICK", "Checks out online", 1),
            ("Checks out online", "Parcel lost", 1),
            ("FAQ viewed", "checkout", 1),
            ("ad_click", "FAQ viewed", 1),
            ("ad_click", "delivered", 1),
            ("checkout", "ad_click", 1),
            ("checkout", "checkout", 1),
            ("delivered", "support_call", 1),
        ]
    );
    let starts: Vec<(&str, u32)> = r
        .start_activities
        .iter()
        .map(|a| (a.activity.as_str(), a.count))
        .collect();
    assert_eq!(starts, [("AD_CLICK", 1), ("ad_click", 5), ("checkout", 1)]);
    let ends: Vec<(&str, u32)> = r
        .end_activities
        .iter()
        .map(|a| (a.activity.as_str(), a.count))
        .collect();
    assert_eq!(
        ends,
        [
            ("Parcel lost", 1),
            ("checkout", 1),
            ("delivered", 4),
            ("support_call", 1)
        ]
    );
}

#[test]
fn blind_spots() {
    let b = full().blind_spots;
    let acts: Vec<(&str, u32, u32)> = b
        .unmatched_activities
        .iter()
        .map(|u| (u.name.as_str(), u.count, u.cases))
        .collect();
    assert_eq!(acts, [("FAQ viewed", 1, 1), ("Parcel lost", 1, 1)]);
    // Nothing on the map is 0.7-similar to these.
    assert!(b
        .unmatched_activities
        .iter()
        .all(|u| u.suggestion.is_none()));
    assert_eq!(b.unmatched_subjects.len(), 1);
    let review = &b.unmatched_subjects[0];
    assert_eq!(
        (review.name.as_str(), review.count),
        ("Review requested", 1)
    );
    let suggestion = review.suggestion.as_ref().expect("a suggestion");
    assert_eq!(suggestion.touchpoint, id(44));
    // "review requested" vs "review request": 14 of 16 and 14 of 14 characters match, none
    // transposed: Jaro = (14/16 + 1 + 1) / 3 = 0.958333…; prefix 4: + 0.4 × (1 − Jaro).
    close(suggestion.similarity, 0.975);
    let unobserved: Vec<&str> = b
        .unobserved_touchpoints
        .iter()
        .map(|t| t.title.as_str())
        .collect();
    assert_eq!(unobserved, ["Review request"]);
}

#[test]
fn channels() {
    let c = full().channels;
    let events: Vec<(&str, u32)> = c
        .channels
        .iter()
        .map(|c| (c.channel.as_str(), c.events))
        .collect();
    assert_eq!(
        events,
        [("partner", 5), ("phone", 2), ("social", 7), ("web", 9)]
    );
    assert_eq!((c.steps, c.switches), (16, 14));
    close_opt(c.switch_share, 0.875);
    let m: Vec<(&str, &str, u32)> = c
        .matrix
        .iter()
        .map(|s| (s.from.as_str(), s.to.as_str(), s.count))
        .collect();
    assert_eq!(
        m,
        [
            ("social", "web", 6),
            ("web", "partner", 4),
            ("partner", "phone", 1),
            ("social", "partner", 1),
            ("web", "phone", 1),
            ("web", "social", 1),
        ]
    );
}

#[test]
fn roll_ups_and_priority() {
    let r = full();
    let p: Vec<(u32, &str)> = r
        .priority
        .iter()
        .map(|p| (p.rank, p.title.as_str()))
        .collect();
    assert_eq!(
        p,
        [
            (1, "Checks out online"),
            (2, "Calls support"),
            (3, "Delivery")
        ]
    );
    close(r.priority[0].impact, (4.5 - 23.0 / 7.0) * 2.0);
    close(r.priority[0].weight, 2.0);
    close(r.priority[1].impact, 2.5 / 7.0);
    close(r.priority[2].impact, (4.0 - 3.8) * 5.0 / 7.0);
    assert_eq!(r.priority[0].owner, "e_commerce");

    let groups: Vec<(&str, u32, u32, u32)> = r
        .departments
        .iter()
        .map(|g| (g.group.as_str(), g.touchpoints, g.observed, g.observations))
        .collect();
    assert_eq!(
        groups,
        [
            ("marketing", 2, 1, 4),
            ("e_commerce", 1, 1, 7),
            ("logistics", 1, 1, 5),
            ("service", 1, 1, 1),
        ]
    );
    let marketing = &r.departments[0];
    close_opt(marketing.mean, 4.25);
    close_opt(marketing.target, 4.0);
    close_opt(marketing.experience, 75.0);
    assert_eq!(marketing.negative_gaps, 0);
    close_opt(r.departments[1].experience, 200.0 / 7.0);
    close_opt(r.departments[3].experience, -100.0);

    let owned = &r.control[0];
    assert_eq!(owned.group, "owned");
    assert_eq!(
        (owned.touchpoints, owned.observed, owned.observations),
        (4, 3, 12)
    );
    close_opt(owned.mean, 41.0 / 12.0);
    close_opt(owned.target, 4.0);
    close_opt(owned.adds_share, 7.0 / 12.0);
    close_opt(owned.takes_away_share, 0.25);
    close_opt(owned.experience, 100.0 / 3.0);
    assert_eq!(owned.negative_gaps, 2);
    close(owned.impact, (4.5 - 23.0 / 7.0) * 2.0 + 2.5 / 7.0);
    assert_eq!(r.control[1].group, "intermediary");
}

/// The JSON form's field names are a promise to the CLI's users (`docs/gaps.md`).
#[test]
fn json_field_names_are_pinned() {
    let json = serde_json::to_value(full()).unwrap();
    let keys =
        |v: &serde_json::Value| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };
    let mut top = keys(&json);
    top.sort();
    assert_eq!(
        top,
        [
            "activities",
            "blind_spots",
            "channels",
            "conformance",
            "control",
            "corridor",
            "departments",
            "dfg",
            "end_activities",
            "experience",
            "filter",
            "map",
            "priority",
            "score_scale",
            "segments",
            "stages",
            "start_activities",
            "sweep",
            "totals",
            "touchpoints",
            "variants",
        ]
    );
    let c = &json["conformance"];
    for key in ["log_fitness", "mean_case_fitness", "fitting_case_share"] {
        assert!(c[key].is_f64(), "conformance.{key}");
    }
    assert_eq!(
        json["dfg"][0],
        serde_json::json!({"from": "ad_click", "to": "checkout", "count": 4})
    );
    let v = &json["variants"][0];
    assert_eq!(
        v["activities"],
        serde_json::json!(["ad_click", "checkout", "delivered"])
    );
    assert_eq!(v["count"], 2);
    assert_eq!(v["outcome"], "follows");
    assert_eq!(json["conformance"]["deviations"][0]["kind"], "dropped_out");
    assert_eq!(json["stages"][1]["status"], "below_target");
    // Read back, the report is the same value.
    let back: GapReport = serde_json::from_value(json).unwrap();
    assert_eq!(back, full());
}
