//! How the observations meet the map: every observed activity and its touchpoint, and the
//! blind spots (names that match no touchpoint, touchpoints never observed).

use super::{touchpoint_title, Cell, DataTable};
use crate::gap::{GapReport, UnmatchedName};
use crate::model::JourneyMap;

pub(super) fn activities(map: &JourneyMap, report: &GapReport) -> DataTable {
    let mut t = DataTable::new(
        "activities",
        "Every observed activity and the touchpoint it was matched to",
        &[
            "activity",
            "events",
            "cases",
            "touchpoint",
            "touchpoint_title",
            "matched_by",
        ],
    );
    for a in &report.activities {
        t.row(vec![
            Cell::text(&a.activity),
            Cell::int(a.events),
            Cell::int(a.cases),
            Cell::opt_id(a.touchpoint),
            a.touchpoint
                .map_or(Cell::Empty, |id| Cell::text(touchpoint_title(map, id))),
            a.matched_by.as_ref().map_or(Cell::Empty, Cell::tag),
        ]);
    }
    t
}

pub(super) fn unmatched_activities(report: &GapReport) -> DataTable {
    unmatched(
        "unmatched_activities",
        "Blind spots: observed activities that match no touchpoint, most events first",
        "events",
        &report.blind_spots.unmatched_activities,
        true,
    )
}

pub(super) fn unmatched_subjects(report: &GapReport) -> DataTable {
    unmatched(
        "unmatched_subjects",
        "Blind spots: score-table subjects that match no touchpoint, most rows first",
        "rows",
        &report.blind_spots.unmatched_subjects,
        false,
    )
}

pub(super) fn unobserved_touchpoints(report: &GapReport) -> DataTable {
    let mut t = DataTable::new(
        "unobserved_touchpoints",
        "Blind spots: designed touchpoints with no event and no score, in board order",
        &["touchpoint", "title"],
    );
    for r in &report.blind_spots.unobserved_touchpoints {
        t.row(vec![Cell::id(r.touchpoint), Cell::text(&r.title)]);
    }
    t
}

fn unmatched(
    name: &'static str,
    title: &'static str,
    count: &'static str,
    list: &[UnmatchedName],
    with_cases: bool,
) -> DataTable {
    let mut columns = vec!["name", count];
    if with_cases {
        columns.push("cases");
    }
    columns.extend([
        "suggested_touchpoint",
        "suggested_title",
        "suggestion_similarity",
    ]);
    let mut t = DataTable::new(name, title, &columns);
    for u in list {
        let mut row = vec![Cell::text(&u.name), Cell::int(u.count)];
        if with_cases {
            row.push(Cell::int(u.cases));
        }
        match &u.suggestion {
            Some(s) => row.extend([
                Cell::id(s.touchpoint),
                Cell::text(&s.title),
                Cell::Num(s.similarity),
            ]),
            None => row.extend([Cell::Empty, Cell::Empty, Cell::Empty]),
        }
        t.row(row);
    }
    t
}
