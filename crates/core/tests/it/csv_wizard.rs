//! What the import wizard shows: column roles suggested from header names, and the preview of
//! a file's layout and first rows.

use corridor_core::data::*;

use crate::sinks::*;

fn mapping(case: u32, activity: u32, timestamp: u32) -> ColumnMapping {
    ColumnMapping {
        case: Some(case),
        activity: Some(activity),
        timestamp: Some(timestamp),
        ..ColumnMapping::default()
    }
}

#[test]
fn columns_are_suggested_from_header_names() {
    let suggest = |headers: &[&str], kind| {
        let headers: Vec<String> = headers.iter().map(|h| h.to_string()).collect();
        suggest_mapping(&headers, kind)
    };
    let log = DatasetKind::EventLog;
    assert_eq!(
        suggest(&["Case ID", "Activity", "Timestamp"], log),
        mapping(0, 1, 2)
    );
    assert_eq!(
        suggest(
            &["case:concept:name", "concept:name", "time:timestamp"],
            log
        ),
        mapping(0, 1, 2)
    );
    assert_eq!(suggest(&["time", "step", "session"], log), mapping(2, 1, 0));
    assert_eq!(
        suggest(&["customer_id", "event", "datetime"], log),
        mapping(0, 1, 2)
    );
    assert_eq!(
        suggest(
            &["caseid", "action", "date", "medium", "NPS", "cohort"],
            log
        ),
        ColumnMapping {
            channel: Some(3),
            score: Some(4),
            segment: Some(5),
            ..mapping(0, 1, 2)
        }
    );
    // "user" is a case only when nothing names a case.
    assert_eq!(suggest(&["user", "activity", "ts"], log), mapping(0, 1, 2));
    assert_eq!(
        suggest(&["user", "session", "activity", "ts"], log),
        mapping(1, 2, 3)
    );
    // The more specific name wins, whatever the column order.
    assert_eq!(
        suggest(&["date", "timestamp", "case", "activity"], log),
        mapping(2, 3, 1)
    );
    assert_eq!(
        suggest(&["source", "channel", "case", "activity", "time"], log).channel,
        Some(1)
    );
    // Nothing recognisable: nothing suggested.
    assert_eq!(suggest(&["a", "b", "c"], log), ColumnMapping::default());

    let scores = DatasetKind::ScoreTable;
    assert_eq!(
        suggest(
            &[
                "Touchpoint",
                "CSAT",
                "respondent_id",
                "date",
                "channel",
                "segment"
            ],
            scores
        ),
        ColumnMapping {
            activity: Some(0),
            score: Some(1),
            respondent: Some(2),
            timestamp: Some(3),
            channel: Some(4),
            segment: Some(5),
            ..ColumnMapping::default()
        }
    );
    assert_eq!(
        suggest(&["user", "activity", "rating"], scores),
        ColumnMapping {
            activity: Some(1),
            score: Some(2),
            respondent: Some(0),
            ..ColumnMapping::default()
        }
    );
}

#[test]
fn preview_shows_the_layout_and_first_rows() {
    let text = "\u{feff}Session;Step;Date;Rating\ns1;Visit;01/02/2026;4\ns1;Buy;15/02/2026;5\ns2;Visit;03/02/2026;3\n";
    let preview = csv::preview(text.as_bytes(), &csv_events(), 2).unwrap();
    assert_eq!(preview.delimiter, ';');
    assert!(preview.has_header);
    assert_eq!(preview.headers, ["Session", "Step", "Date", "Rating"]);
    assert_eq!(
        preview.rows,
        [
            ["s1", "Visit", "01/02/2026", "4"],
            ["s1", "Buy", "15/02/2026", "5"]
        ]
    );
    assert_eq!(
        preview.suggested,
        ColumnMapping {
            score: Some(3),
            ..mapping(0, 1, 2)
        }
    );
    assert_eq!(preview.date_order, DateOrder::DayFirst);
    assert_eq!(preview.ambiguous_date, None);

    let text = "a,b,c\nx,y,01/02/2026\n";
    let mut settings = csv_events();
    settings.columns = Some(mapping(0, 1, 2));
    let preview = csv::preview(text.as_bytes(), &settings, 10).unwrap();
    assert_eq!(preview.date_order, DateOrder::Auto);
    assert_eq!(preview.ambiguous_date.as_deref(), Some("01/02/2026"));
    // No header: columns are named by position; no suggestion is an error in a preview.
    let preview = csv::preview(&b"1,2\n3,4\n"[..], &csv_events(), 10).unwrap();
    assert_eq!(preview.headers, ["column 1", "column 2"]);
    assert!(!preview.has_header);
    assert_eq!(preview.rows.len(), 2);
}
