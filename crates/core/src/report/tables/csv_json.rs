//! The tables written as text: one table as CSV, every table as one JSON document.

use std::fmt::Write as _;

use super::{Cell, DataTable};
use crate::model::JourneyMap;

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
}
