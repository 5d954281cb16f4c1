//! The gap report's tables as data files: every table of a [`GapReport`] as CSV (one file per
//! table, together in a zip) and as one JSON document. Columns are listed in `docs/export.md`;
//! every figure is defined in `docs/gaps.md`. Bytes and strings out; no I/O.
//!
//! Numbers are written in full (Rust's shortest form that reads back as the same `f64`), not
//! rounded for display: these files are for further work in a spreadsheet or a notebook.
//!
//! One file per kind of table: `journey.rs` holds the tables of the map's own elements
//! (touchpoints, corridor steps, stages, the priority list), `process.rs` the observed process
//! (deviations, variants, directly-follows, start and end activities, channels), `matching.rs`
//! how the observations meet the map (activities and the blind spots), `figures.rs` the single
//! figures and the roll-ups (departments, control); `csv_json.rs` writes them as CSV and JSON,
//! `archive.rs` as a zip.

use serde::Serialize;

use crate::gap::GapReport;
use crate::model::{Id, JourneyMap};

mod archive;
mod csv_json;
mod figures;
mod journey;
mod matching;
mod process;

pub use archive::{tables_zip, zip, TooLargeForZip};
pub use csv_json::{table_csv, tables_json};

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
    let out = vec![
        figures::summary(report),
        journey::touchpoints(map, report),
        journey::corridor(report),
        journey::stages(report),
        journey::sweep_losing(report),
        process::deviations(report),
        process::variants(report),
        process::dfg(report),
        process::start_activities(report),
        process::end_activities(report),
        matching::activities(map, report),
        matching::unmatched_activities(report),
        matching::unmatched_subjects(report),
        matching::unobserved_touchpoints(report),
        process::channels(report),
        process::channel_switches(report),
        figures::departments(report),
        figures::control(report),
        journey::priority(map, report),
    ];
    debug_assert_eq!(
        out.iter().map(|t| t.name).collect::<Vec<_>>(),
        TABLE_NAMES.to_vec()
    );
    out
}

/// The name of the stage `id` on `map`, empty if there is none.
fn stage_name(map: &JourneyMap, id: Id) -> String {
    map.stages
        .iter()
        .find(|s| s.id == id)
        .map_or_else(String::new, |s| s.name.clone())
}

/// The title of the touchpoint `id` on `map`, empty if there is none.
fn touchpoint_title(map: &JourneyMap, id: Id) -> String {
    map.touchpoints
        .iter()
        .find(|t| t.id == id)
        .map_or_else(String::new, |t| t.title.clone())
}
