//! The tables of the observed process: deviations from the corridor, variants,
//! directly-follows counts, start and end activities, channels and switches of channel.

use super::{Cell, DataTable};
use crate::gap::{ActivityCount, GapReport};

pub(super) fn deviations(report: &GapReport) -> DataTable {
    let mut t = DataTable::new(
        "deviations",
        "Deviations from the corridor, most cases first",
        &[
            "kind",
            "label",
            "activity",
            "step",
            "touchpoint",
            "cases",
            "occurrences",
            "example_case",
        ],
    );
    for d in &report.conformance.deviations {
        t.row(vec![
            Cell::tag(&d.kind),
            Cell::text(&d.label),
            Cell::opt_text(d.activity.as_deref()),
            Cell::opt_id(d.step),
            Cell::opt_id(d.touchpoint),
            Cell::int(d.cases),
            Cell::int(d.occurrences),
            Cell::text(&d.example_case),
        ]);
    }
    t
}

pub(super) fn variants(report: &GapReport) -> DataTable {
    let mut t = DataTable::new(
        "variants",
        "Distinct activity sequences, most frequent first",
        &[
            "rank",
            "count",
            "share",
            "cost",
            "worst_cost",
            "fitness",
            "outcome",
            "example_case",
            "activities",
        ],
    );
    for (i, v) in report.variants.iter().enumerate() {
        t.row(vec![
            Cell::Int(i as u64 + 1),
            Cell::int(v.count),
            Cell::Num(v.share),
            Cell::int(v.cost),
            Cell::int(v.worst_cost),
            Cell::Num(v.fitness),
            Cell::tag(&v.outcome),
            Cell::text(&v.example_case),
            Cell::List(v.activities.iter().map(|a| a.to_string()).collect()),
        ]);
    }
    t
}

pub(super) fn dfg(report: &GapReport) -> DataTable {
    let mut t = DataTable::new(
        "dfg",
        "Directly-follows counts between activities, most frequent first",
        &["from", "to", "count"],
    );
    for e in &report.dfg {
        t.row(vec![
            Cell::text(&e.from),
            Cell::text(&e.to),
            Cell::int(e.count),
        ]);
    }
    t
}

pub(super) fn start_activities(report: &GapReport) -> DataTable {
    activity_counts(
        "start_activities",
        "How many cases start with each activity",
        &report.start_activities,
    )
}

pub(super) fn end_activities(report: &GapReport) -> DataTable {
    activity_counts(
        "end_activities",
        "How many cases end with each activity",
        &report.end_activities,
    )
}

fn activity_counts(name: &'static str, title: &'static str, list: &[ActivityCount]) -> DataTable {
    let mut t = DataTable::new(name, title, &["activity", "cases"]);
    for a in list {
        t.row(vec![Cell::text(&a.activity), Cell::int(a.count)]);
    }
    t
}

pub(super) fn channels(report: &GapReport) -> DataTable {
    let mut t = DataTable::new("channels", "Events per channel", &["channel", "events"]);
    for c in &report.channels.channels {
        t.row(vec![Cell::text(&c.channel), Cell::int(c.events)]);
    }
    t
}

pub(super) fn channel_switches(report: &GapReport) -> DataTable {
    let mut t = DataTable::new(
        "channel_switches",
        "Switches of channel between consecutive events of a case, most first",
        &["from", "to", "count"],
    );
    for s in &report.channels.matrix {
        t.row(vec![
            Cell::text(&s.from),
            Cell::text(&s.to),
            Cell::int(s.count),
        ]);
    }
    t
}
