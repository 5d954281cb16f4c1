//! The tables of the map's own elements held against the observations: touchpoints, corridor
//! steps, stages, the stages that lose the sweep, and the priority list.

use super::{stage_name, Cell, DataTable};
use crate::gap::GapReport;
use crate::model::JourneyMap;

pub(super) fn touchpoints(map: &JourneyMap, report: &GapReport) -> DataTable {
    let mut t = DataTable::new(
        "touchpoints",
        "Each touchpoint held against its observations, in board order",
        &[
            "touchpoint",
            "title",
            "stage",
            "stage_name",
            "moment_of_truth",
            "events",
            "cases",
            "reach",
            "observations",
            "event_scores",
            "table_scores",
            "mean",
            "median",
            "p10",
            "target",
            "gap",
            "adds_share",
            "neutral_share",
            "takes_away_share",
            "expected_secs_from_previous",
            "median_secs_from_previous",
        ],
    );
    for g in &report.touchpoints {
        t.row(vec![
            Cell::id(g.touchpoint),
            Cell::text(&g.title),
            Cell::id(g.stage),
            Cell::text(stage_name(map, g.stage)),
            Cell::Bool(g.moment_of_truth),
            Cell::int(g.events),
            Cell::int(g.cases),
            Cell::Num(g.reach),
            Cell::int(g.observations),
            Cell::int(g.event_scores),
            Cell::int(g.table_scores),
            Cell::num(g.mean),
            Cell::num(g.median),
            Cell::num(g.p10),
            Cell::num(g.target),
            Cell::num(g.gap),
            Cell::num(g.adds_share),
            Cell::num(g.neutral_share),
            Cell::num(g.takes_away_share),
            Cell::opt_int(g.expected_secs_from_previous),
            Cell::num(g.median_secs_from_previous),
        ]);
    }
    t
}

pub(super) fn corridor(report: &GapReport) -> DataTable {
    let mut t = DataTable::new(
        "corridor",
        "Each corridor step: executed or not, and its timing against the expected time",
        &[
            "position",
            "step",
            "touchpoint",
            "title",
            "optional",
            "executed",
            "not_executed",
            "expected_secs_from_previous",
            "median_secs_from_previous",
            "timed_cases",
            "difference_secs",
        ],
    );
    for (i, s) in report.corridor.iter().enumerate() {
        t.row(vec![
            Cell::Int(i as u64 + 1),
            Cell::id(s.step),
            Cell::id(s.touchpoint),
            Cell::text(&s.title),
            Cell::Bool(s.optional),
            Cell::int(s.executed),
            Cell::int(s.not_executed),
            Cell::opt_int(s.expected_secs_from_previous),
            Cell::num(s.median_secs_from_previous),
            Cell::int(s.timed_cases),
            Cell::num(s.difference_secs),
        ]);
    }
    t
}

pub(super) fn stages(report: &GapReport) -> DataTable {
    let mut t = DataTable::new(
        "stages",
        "Each stage: coverage, reach, drop-off, score against target",
        &[
            "stage",
            "name",
            "touchpoints",
            "designed",
            "observed",
            "cases",
            "reach",
            "ended_here",
            "drop_off",
            "drop_off_share",
            "observations",
            "score",
            "target",
            "status",
        ],
    );
    for s in &report.stages {
        t.row(vec![
            Cell::id(s.stage),
            Cell::text(&s.name),
            Cell::int(s.touchpoints),
            Cell::Bool(s.designed),
            Cell::Bool(s.observed),
            Cell::int(s.cases),
            Cell::Num(s.reach),
            Cell::int(s.ended_here),
            Cell::opt_int(s.drop_off),
            Cell::num(s.drop_off_share),
            Cell::int(s.observations),
            Cell::num(s.score),
            Cell::num(s.target),
            Cell::tag(&s.status),
        ]);
    }
    t
}

pub(super) fn sweep_losing(report: &GapReport) -> DataTable {
    let mut t = DataTable::new(
        "sweep_losing",
        "The stages that lose the sweep, in stage order",
        &["stage", "name", "status", "score", "target"],
    );
    for s in &report.sweep.losing {
        t.row(vec![
            Cell::id(s.stage),
            Cell::text(&s.name),
            Cell::tag(&s.status),
            Cell::num(s.score),
            Cell::num(s.target),
        ]);
    }
    t
}

pub(super) fn priority(map: &JourneyMap, report: &GapReport) -> DataTable {
    let mut t = DataTable::new(
        "priority",
        "Every negative gap ranked by impact = |gap| × reach × weight",
        &[
            "rank",
            "touchpoint",
            "title",
            "stage",
            "stage_name",
            "owner",
            "gap",
            "reach",
            "weight",
            "impact",
        ],
    );
    for p in &report.priority {
        t.row(vec![
            Cell::int(p.rank),
            Cell::id(p.touchpoint),
            Cell::text(&p.title),
            Cell::id(p.stage),
            Cell::text(stage_name(map, p.stage)),
            Cell::text(&p.owner),
            Cell::Num(p.gap),
            Cell::Num(p.reach),
            Cell::Num(p.weight),
            Cell::Num(p.impact),
        ]);
    }
    t
}
