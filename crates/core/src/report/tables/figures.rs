//! The report's single figures, and the touchpoints taken together per owner department and
//! per control.

use super::{Cell, DataTable};
use crate::gap::{GapReport, RollUp};

pub(super) fn summary(report: &GapReport) -> DataTable {
    let mut t = DataTable::new(
        "summary",
        "The report's single figures: totals, sweep, experience, conformance, channels, filter",
        &["figure", "value"],
    );
    let tot = &report.totals;
    let sw = &report.sweep;
    let ex = &report.experience;
    let co = &report.conformance;
    let ch = &report.channels;
    let f = &report.filter;
    let rows: Vec<(&str, Cell)> = vec![
        ("cases", Cell::int(tot.cases)),
        ("events", Cell::int(tot.events)),
        ("score_rows", Cell::int(tot.score_rows)),
        ("activities", Cell::int(tot.activities)),
        ("variants", Cell::int(tot.variants)),
        ("excluded_cases", Cell::int(tot.excluded_cases)),
        ("excluded_events", Cell::int(tot.excluded_events)),
        ("excluded_score_rows", Cell::int(tot.excluded_score_rows)),
        (
            "cases_without_touchpoint",
            Cell::int(tot.cases_without_touchpoint),
        ),
        ("out_of_scale_scores", Cell::int(tot.out_of_scale_scores)),
        ("unusable_scores", Cell::int(tot.unusable_scores)),
        ("segment_conflicts", Cell::int(tot.segment_conflicts)),
        ("sweep_won", Cell::Bool(sw.won)),
        ("sweep_stages_met", Cell::int(sw.stages_met)),
        ("sweep_stages_with_target", Cell::int(sw.stages_with_target)),
        ("sweep_stages", Cell::int(sw.stages)),
        ("experience_moments", Cell::int(ex.moments)),
        ("experience_adds", Cell::int(ex.adds)),
        ("experience_neutral", Cell::int(ex.neutral)),
        ("experience_takes_away", Cell::int(ex.takes_away)),
        ("experience_score", Cell::num(ex.score)),
        ("experience_mean", Cell::num(ex.mean)),
        ("conformance_cases", Cell::int(co.cases)),
        ("log_fitness", Cell::num(co.log_fitness)),
        ("mean_case_fitness", Cell::num(co.mean_case_fitness)),
        ("fitting_case_share", Cell::num(co.fitting_case_share)),
        ("total_cost", Cell::Num(co.total_cost)),
        ("total_worst_cost", Cell::Num(co.total_worst_cost)),
        ("cases_following", Cell::int(co.follows)),
        ("cases_dropped_out", Cell::int(co.dropped_out)),
        ("cases_off_path", Cell::int(co.off_path)),
        ("channel_steps", Cell::int(ch.steps)),
        ("channel_switches", Cell::int(ch.switches)),
        ("channel_switch_share", Cell::num(ch.switch_share)),
        ("score_scale_min", Cell::Num(report.score_scale.min)),
        ("score_scale_max", Cell::Num(report.score_scale.max)),
        ("filter_segment", Cell::opt_text(f.segment.as_deref())),
        (
            "filter_from",
            f.from.map_or(Cell::Empty, |t| Cell::Text(t.to_rfc3339())),
        ),
        (
            "filter_to",
            f.to.map_or(Cell::Empty, |t| Cell::Text(t.to_rfc3339())),
        ),
    ];
    for (name, value) in rows {
        t.row(vec![Cell::text(name), value]);
    }
    t
}

pub(super) fn departments(report: &GapReport) -> DataTable {
    rollups(
        "departments",
        "Touchpoints taken together per owner department",
        &report.departments,
    )
}

pub(super) fn control(report: &GapReport) -> DataTable {
    rollups(
        "control",
        "Touchpoints taken together per control (owned or intermediary)",
        &report.control,
    )
}

fn rollups(name: &'static str, title: &'static str, list: &[RollUp]) -> DataTable {
    let mut t = DataTable::new(
        name,
        title,
        &[
            "group",
            "touchpoints",
            "observed",
            "observations",
            "mean",
            "target",
            "adds_share",
            "takes_away_share",
            "experience",
            "negative_gaps",
            "impact",
        ],
    );
    for r in list {
        t.row(vec![
            Cell::text(&r.group),
            Cell::int(r.touchpoints),
            Cell::int(r.observed),
            Cell::int(r.observations),
            Cell::num(r.mean),
            Cell::num(r.target),
            Cell::num(r.adds_share),
            Cell::num(r.takes_away_share),
            Cell::num(r.experience),
            Cell::int(r.negative_gaps),
            Cell::Num(r.impact),
        ]);
    }
    t
}
