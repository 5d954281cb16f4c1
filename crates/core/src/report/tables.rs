//! The gap report's tables as data files: every table of a [`GapReport`] as CSV (one file per
//! table, together in a zip) and as one JSON document. Columns are listed in `docs/export.md`;
//! every figure is defined in `docs/gaps.md`. Bytes and strings out; no I/O.
//!
//! Numbers are written in full (Rust's shortest form that reads back as the same `f64`), not
//! rounded for display: these files are for further work in a spreadsheet or a notebook.

use std::fmt::Write as _;

use chrono::{DateTime, Datelike, Timelike, Utc};
use serde::Serialize;

use crate::gap::{GapReport, RollUp, UnmatchedName};
use crate::model::{Id, JourneyMap};

/// One value of a table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(u64),
    Num(f64),
    Bool(bool),
    /// A list of names (a variant's activities): joined with " > " in CSV, an array in JSON.
    List(Vec<String>),
    /// No value: an empty CSV field, `null` in JSON.
    Empty,
}

impl Cell {
    fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    fn id(id: Id) -> Cell {
        Cell::Text(id.to_string())
    }

    fn int(n: u32) -> Cell {
        Cell::Int(u64::from(n))
    }

    fn num(v: Option<f64>) -> Cell {
        match v {
            Some(v) if v.is_finite() => Cell::Num(v),
            _ => Cell::Empty,
        }
    }

    fn opt_int(v: Option<u32>) -> Cell {
        v.map_or(Cell::Empty, Cell::int)
    }

    fn opt_id(v: Option<Id>) -> Cell {
        v.map_or(Cell::Empty, Cell::id)
    }

    fn opt_text(v: Option<&str>) -> Cell {
        v.map_or(Cell::Empty, Cell::text)
    }

    /// A serde enum by its snake_case name (`below_target`, `skipped_step`).
    fn tag<T: Serialize>(value: &T) -> Cell {
        match serde_json::to_value(value) {
            Ok(serde_json::Value::String(s)) => Cell::Text(s),
            _ => Cell::Empty,
        }
    }
}

/// One table of the gap report.
#[derive(Debug, Clone, PartialEq)]
pub struct DataTable {
    /// The file name without extension, and the key in the JSON document (`touchpoints`).
    pub name: &'static str,
    /// What it holds, in a sentence.
    pub title: &'static str,
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
}

impl DataTable {
    fn new(name: &'static str, title: &'static str, columns: &[&'static str]) -> DataTable {
        DataTable {
            name,
            title,
            columns: columns.to_vec(),
            rows: Vec::new(),
        }
    }

    fn row(&mut self, cells: Vec<Cell>) {
        debug_assert_eq!(cells.len(), self.columns.len(), "{}", self.name);
        self.rows.push(cells);
    }
}

/// The names of every table, in the order [`gap_tables`] returns them.
pub const TABLE_NAMES: &[&str] = &[
    "summary",
    "touchpoints",
    "corridor",
    "stages",
    "sweep_losing",
    "deviations",
    "variants",
    "dfg",
    "start_activities",
    "end_activities",
    "activities",
    "unmatched_activities",
    "unmatched_subjects",
    "unobserved_touchpoints",
    "channels",
    "channel_switches",
    "departments",
    "control",
    "priority",
];

/// Every table of the gap report, in the order of [`TABLE_NAMES`]. `map` supplies the names
/// the report refers to by id (stage names, touchpoint titles of matched activities).
pub fn gap_tables(map: &JourneyMap, report: &GapReport) -> Vec<DataTable> {
    let stage_name = |id: Id| {
        map.stages
            .iter()
            .find(|s| s.id == id)
            .map_or_else(String::new, |s| s.name.clone())
    };
    let title_of = |id: Id| {
        map.touchpoints
            .iter()
            .find(|t| t.id == id)
            .map_or_else(String::new, |t| t.title.clone())
    };
    let mut out = Vec::with_capacity(TABLE_NAMES.len());

    out.push(summary(report));

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
            Cell::text(stage_name(g.stage)),
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
    out.push(t);

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
    out.push(t);

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
    out.push(t);

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
    out.push(t);

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
    out.push(t);

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
    out.push(t);

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
    out.push(t);

    for (name, title, list) in [
        (
            "start_activities",
            "How many cases start with each activity",
            &report.start_activities,
        ),
        (
            "end_activities",
            "How many cases end with each activity",
            &report.end_activities,
        ),
    ] {
        let mut t = DataTable::new(name, title, &["activity", "cases"]);
        for a in list {
            t.row(vec![Cell::text(&a.activity), Cell::int(a.count)]);
        }
        out.push(t);
    }

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
                .map_or(Cell::Empty, |id| Cell::text(title_of(id))),
            a.matched_by.as_ref().map_or(Cell::Empty, Cell::tag),
        ]);
    }
    out.push(t);

    out.push(unmatched(
        "unmatched_activities",
        "Blind spots: observed activities that match no touchpoint, most events first",
        "events",
        &report.blind_spots.unmatched_activities,
        true,
    ));
    out.push(unmatched(
        "unmatched_subjects",
        "Blind spots: score-table subjects that match no touchpoint, most rows first",
        "rows",
        &report.blind_spots.unmatched_subjects,
        false,
    ));

    let mut t = DataTable::new(
        "unobserved_touchpoints",
        "Blind spots: designed touchpoints with no event and no score, in board order",
        &["touchpoint", "title"],
    );
    for r in &report.blind_spots.unobserved_touchpoints {
        t.row(vec![Cell::id(r.touchpoint), Cell::text(&r.title)]);
    }
    out.push(t);

    let mut t = DataTable::new("channels", "Events per channel", &["channel", "events"]);
    for c in &report.channels.channels {
        t.row(vec![Cell::text(&c.channel), Cell::int(c.events)]);
    }
    out.push(t);

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
    out.push(t);

    out.push(rollups(
        "departments",
        "Touchpoints taken together per owner department",
        &report.departments,
    ));
    out.push(rollups(
        "control",
        "Touchpoints taken together per control (owned or intermediary)",
        &report.control,
    ));

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
            Cell::text(stage_name(p.stage)),
            Cell::text(&p.owner),
            Cell::Num(p.gap),
            Cell::Num(p.reach),
            Cell::Num(p.weight),
            Cell::Num(p.impact),
        ]);
    }
    out.push(t);

    debug_assert_eq!(
        out.iter().map(|t| t.name).collect::<Vec<_>>(),
        TABLE_NAMES.to_vec()
    );
    out
}

fn summary(report: &GapReport) -> DataTable {
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

fn number(v: f64) -> String {
    // `{}` on f64 is the shortest text that reads back as the same number, never exponent
    // notation: 0.1 + 0.2 is "0.30000000000000004", 1e21 is "1000000000000000000000".
    format!("{v}")
}

/// One CSV field. Text a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`,
/// a tab or a carriage return) gets a leading `'`, so an activity name from someone else's log
/// cannot become a formula in the reader's spreadsheet; numbers are written as numbers.
fn csv_field(cell: &Cell, out: &mut String) {
    let text = match cell {
        Cell::Text(s) => {
            if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                format!("'{s}")
            } else {
                s.clone()
            }
        }
        Cell::List(items) => {
            let joined = items.join(" > ");
            if joined.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                format!("'{joined}")
            } else {
                joined
            }
        }
        Cell::Int(n) => n.to_string(),
        Cell::Num(v) => number(*v),
        Cell::Bool(b) => b.to_string(),
        Cell::Empty => String::new(),
    };
    if text.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&text);
    }
}

/// A table as CSV (RFC 4180: comma-separated, fields with a comma, quote or line break quoted,
/// lines ended by CRLF), with a header row of the column names.
pub fn table_csv(table: &DataTable) -> String {
    let mut out = String::new();
    out.push_str(&table.columns.join(","));
    out.push_str("\r\n");
    for row in &table.rows {
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            csv_field(cell, &mut out);
        }
        out.push_str("\r\n");
    }
    out
}

fn json_value(cell: &Cell, out: &mut String) {
    let quoted = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "null".into());
    match cell {
        Cell::Text(s) => out.push_str(&quoted(s)),
        Cell::List(items) => {
            out.push('[');
            for (i, s) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&quoted(s));
            }
            out.push(']');
        }
        Cell::Int(n) => {
            let _ = write!(out, "{n}");
        }
        Cell::Num(v) => out.push_str(&number(*v)),
        Cell::Bool(b) => {
            let _ = write!(out, "{b}");
        }
        Cell::Empty => out.push_str("null"),
    }
}

/// Every table as one JSON document:
/// `{"format": "corridor-gap-tables", "version": 1, "map": {"id", "title"}, "source",
/// "tables": {"touchpoints": [{"touchpoint": …, "title": …, …}, …], …}}`, each row an object
/// whose keys are the table's columns in order, one row per line.
pub fn tables_json(map: &JourneyMap, source: &str, tables: &[DataTable]) -> String {
    let q = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "null".into());
    let mut out = String::new();
    let _ = write!(
        out,
        "{{\n  \"format\": \"corridor-gap-tables\",\n  \"version\": 1,\n  \"map\": {{\"id\": {}, \"title\": {}}},\n  \"source\": {},\n  \"tables\": {{",
        q(&map.id.to_string()),
        q(&map.title),
        q(source)
    );
    for (ti, table) in tables.iter().enumerate() {
        if ti > 0 {
            out.push(',');
        }
        let _ = write!(out, "\n    {}: [", q(table.name));
        for (ri, row) in table.rows.iter().enumerate() {
            if ri > 0 {
                out.push(',');
            }
            out.push_str("\n      {");
            for (i, (column, cell)) in table.columns.iter().zip(row).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&q(column));
                out.push_str(": ");
                json_value(cell, &mut out);
            }
            out.push('}');
        }
        if !table.rows.is_empty() {
            out.push_str("\n    ");
        }
        out.push(']');
    }
    out.push_str("\n  }\n}\n");
    out
}

/// A short README for the zip: what each file holds.
fn readme(map: &JourneyMap, source: &str, tables: &[DataTable]) -> String {
    let mut out = format!(
        "Gap tables of \"{}\" (Corridor)\r\nObserved data: {}\r\n\r\n\
         One CSV file per table (RFC 4180, UTF-8, comma-separated, CRLF line ends).\r\n\
         Every figure is defined in Corridor's docs/gaps.md; the columns in docs/export.md.\r\n\
         Text that a spreadsheet would read as a formula starts with an added apostrophe.\r\n\r\n",
        map.title, source
    );
    for t in tables {
        let _ = write!(
            out,
            "{}.csv ({} rows): {}\r\n",
            t.name,
            t.rows.len(),
            t.title
        );
    }
    out
}

/// Why the zip of the tables could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "the gap tables are too large for a zip file (more than 4 GiB): export one table at a time"
)]
pub struct TooLargeForZip;

/// Every table as CSV, one file per table (`touchpoints.csv`, …) plus `README.txt`, in one zip
/// file (deflated). The files are dated with the map's last change, so the same map and report
/// always give the same bytes.
pub fn tables_zip(
    map: &JourneyMap,
    source: &str,
    tables: &[DataTable],
) -> Result<Vec<u8>, TooLargeForZip> {
    let mut files: Vec<(String, Vec<u8>)> = Vec::with_capacity(tables.len() + 1);
    files.push((
        "README.txt".into(),
        readme(map, source, tables).into_bytes(),
    ));
    for t in tables {
        files.push((format!("{}.csv", t.name), table_csv(t).into_bytes()));
    }
    zip(&files, map.modified)
}

/// MS-DOS date and time (two-second resolution, years 1980 to 2107).
fn dos_time(at: DateTime<Utc>) -> (u16, u16) {
    let year = at.year().clamp(1980, 2107) as u16;
    let time = (at.hour() as u16) << 11 | (at.minute() as u16) << 5 | (at.second() as u16 / 2);
    let date = (year - 1980) << 9 | (at.month() as u16) << 5 | at.day() as u16;
    (time, date)
}

/// A zip archive (PKWARE APPNOTE 6.3, no ZIP64) of `files`, each deflated, names in UTF-8.
pub fn zip(
    files: &[(String, Vec<u8>)],
    modified: DateTime<Utc>,
) -> Result<Vec<u8>, TooLargeForZip> {
    use std::io::Write;
    let (time, date) = dos_time(modified);
    let u32_of = |n: usize| u32::try_from(n).map_err(|_| TooLargeForZip);
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in files {
        let mut enc =
            flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(data).map_err(|_| TooLargeForZip)?;
        let packed = enc.finish().map_err(|_| TooLargeForZip)?;
        let mut crc = flate2::Crc::new();
        crc.update(data);
        let offset = u32_of(out.len())?;
        let name_len = u16::try_from(name.len()).map_err(|_| TooLargeForZip)?;
        let (packed_len, plain_len) = (u32_of(packed.len())?, u32_of(data.len())?);
        // The fields both headers share: version needed 2.0, flags (bit 11: UTF-8 names),
        // method 8 (deflate), time, date, CRC-32, sizes, name length, extra length.
        let mut common = Vec::with_capacity(26);
        for v in [20u16, 0x0800, 8, time, date] {
            common.extend_from_slice(&v.to_le_bytes());
        }
        for v in [crc.sum(), packed_len, plain_len] {
            common.extend_from_slice(&v.to_le_bytes());
        }
        common.extend_from_slice(&name_len.to_le_bytes());
        common.extend_from_slice(&0u16.to_le_bytes());

        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        out.extend_from_slice(&common);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&packed);

        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes()); // made by: 2.0, MS-DOS attributes
        central.extend_from_slice(&common);
        // Comment length, disk number, internal attributes, external attributes, offset.
        central.extend_from_slice(&[0; 10]);
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let count = u16::try_from(files.len()).map_err(|_| TooLargeForZip)?;
    let central_offset = u32_of(out.len())?;
    let central_len = u32_of(central.len())?;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]); // this disk, the disk where the directory starts
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&central_len.to_le_bytes());
    out.extend_from_slice(&central_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // comment length
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_formulas_defused() {
        let mut t = DataTable::new("t", "t", &["a", "b", "c", "d"]);
        t.row(vec![
            Cell::text("=HYPERLINK(\"x\")"),
            Cell::text("a, \"b\"\nc"),
            Cell::Num(-0.25),
            Cell::Empty,
        ]);
        t.row(vec![
            Cell::List(vec!["A".into(), "B".into()]),
            Cell::Bool(true),
            Cell::Int(7),
            Cell::text("-1"),
        ]);
        assert_eq!(
            table_csv(&t),
            "a,b,c,d\r\n\"'=HYPERLINK(\"\"x\"\")\",\"a, \"\"b\"\"\nc\",-0.25,\r\nA > B,true,7,'-1\r\n"
        );
    }

    #[test]
    fn dos_times_pack_as_appnote_says() {
        let at = DateTime::parse_from_rfc3339("2026-11-27T13:45:58Z")
            .unwrap()
            .with_timezone(&Utc);
        // 13:45:58 -> 13 << 11 | 45 << 5 | 29; 2026-11-27 -> 46 << 9 | 11 << 5 | 27
        assert_eq!(
            dos_time(at),
            (13 << 11 | 45 << 5 | 29, 46 << 9 | 11 << 5 | 27)
        );
    }
}
