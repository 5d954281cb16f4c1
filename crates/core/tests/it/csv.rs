//! CSV event logs and score tables read from small hand-written files with known events:
//! delimiters, headers, column suggestions, quoting, line ends, BOM, the date order, lifecycle
//! columns, progress.

use corridor_core::data::*;

use crate::sinks::*;

fn ev(case: &str, activity: &str, timestamp: i64, line: u64) -> Ev {
    Ev {
        case: case.into(),
        activity: activity.into(),
        timestamp: Some(timestamp),
        channel: None,
        score: None,
        segment: None,
        line,
    }
}

fn mapping(case: u32, activity: u32, timestamp: u32) -> ColumnMapping {
    ColumnMapping {
        case: Some(case),
        activity: Some(activity),
        timestamp: Some(timestamp),
        ..ColumnMapping::default()
    }
}

const DAY: i64 = 86_400_000;

#[test]
fn a_small_log_with_every_column() {
    let text = "case_id,activity,timestamp,channel,score,segment\n\
                c1,Visit,2026-03-01T10:00:00Z,web,4,new\n\
                c1,Buy,2026-03-01T10:05:00Z,web,,new\n\
                c2,Visit,2026-03-02,phone,2.5,\n";
    let (events, report) = events(text);
    let t = utc(2026, 3, 1, 10, 0, 0);
    assert_eq!(
        events,
        [
            Ev {
                channel: Some("web".into()),
                score: Some(4.0),
                segment: Some("new".into()),
                ..ev("c1", "Visit", t, 2)
            },
            Ev {
                channel: Some("web".into()),
                segment: Some("new".into()),
                ..ev("c1", "Buy", t + 300_000, 3)
            },
            Ev {
                channel: Some("phone".into()),
                score: Some(2.5),
                ..ev("c2", "Visit", utc(2026, 3, 2, 0, 0, 0), 4)
            },
        ]
    );
    assert_eq!((report.rows, report.kept, report.bad_rows), (3, 3, 0));
    assert_eq!(
        report.headers,
        [
            "case_id",
            "activity",
            "timestamp",
            "channel",
            "score",
            "segment"
        ]
    );
    let settings = &report.settings;
    assert_eq!(settings.delimiter, Some(','));
    assert_eq!(settings.has_header, Some(true));
    assert_eq!(
        settings.columns,
        Some(ColumnMapping {
            channel: Some(3),
            score: Some(4),
            segment: Some(5),
            ..mapping(0, 1, 2)
        })
    );
    assert_eq!(
        (settings.kind, settings.format),
        (DatasetKind::EventLog, DataFormat::Csv)
    );
}

#[test]
fn each_delimiter_is_detected() {
    for d in [',', ';', '\t', '|'] {
        let text = format!("case{d}activity{d}time\n1{d}a b{d}2026-03-01\n1{d}c, d{d}2026-03-02\n");
        let text = if d == ',' {
            text.replace("c, d", "\"c, d\"")
        } else {
            text
        };
        let (events, report) = events(&text);
        assert_eq!(report.settings.delimiter, Some(d), "{d:?}");
        assert_eq!(
            events
                .iter()
                .map(|e| e.activity.as_str())
                .collect::<Vec<_>>(),
            ["a b", "c, d"]
        );
    }
}

#[test]
fn a_semicolon_file_with_decimal_commas_is_not_taken_for_commas() {
    let text =
        "case;activity;time;score\n1;a;2026-03-01;4,5\n1;b;2026-03-02;3\n2;a;2026-03-03;1,25\n";
    let (events, report) = events(text);
    assert_eq!(report.settings.delimiter, Some(';'));
    assert_eq!(
        events.iter().map(|e| e.score).collect::<Vec<_>>(),
        [Some(4.5), Some(3.0), Some(1.25)]
    );
}

#[test]
fn a_file_without_header_is_mapped_by_its_values() {
    let text = "c1,Visit,2026-03-01T10:00:00Z,5\nc1,Buy,2026-03-01T11:00:00Z,3\nc2,Visit,2026-03-02T09:00:00Z,4\n";
    let (events, report) = events(text);
    assert_eq!(report.settings.has_header, Some(false));
    assert!(report.headers.is_empty());
    assert_eq!(
        report.settings.columns,
        Some(ColumnMapping {
            score: Some(3),
            ..mapping(0, 1, 2)
        })
    );
    assert_eq!(events.len(), 3);
    assert_eq!(events[0].line, 1);
    assert_eq!(events[2].score, Some(4.0));
}

#[test]
fn a_header_is_found_by_its_names_or_by_text_above_dates() {
    // Names no role knows, but text above a column of dates.
    let text = "who,what,when\nc1,Visit,2026-03-01\nc1,Buy,2026-03-02\n";
    let mut settings = csv_events();
    settings.columns = Some(mapping(0, 1, 2));
    let (events, report) = events_with(text.as_bytes(), &settings).unwrap();
    assert_eq!(report.settings.has_header, Some(true));
    assert_eq!(events.len(), 2);
    // Told there is no header, the first row is data (and its date is bad).
    settings.has_header = Some(false);
    let (events, report) = events_with(text.as_bytes(), &settings).unwrap();
    assert_eq!(events.len(), 2);
    assert_eq!(report.bad_rows, 1);
    assert_eq!(
        report.first_bad[0].to_string(),
        "line 1, column timestamp: 'when' is not a date"
    );
}

#[test]
fn a_mapping_given_overrides_the_suggestion() {
    let text = "activity,case,timestamp,extra\nVisit,c1,2026-03-01,x\n";
    let mut settings = csv_events();
    // Read the case from "extra" instead.
    settings.columns = Some(mapping(3, 0, 2));
    let (events, report) = events_with(text.as_bytes(), &settings).unwrap();
    assert_eq!(events[0].case, "x");
    assert_eq!(report.settings.columns, settings.columns);
}

#[test]
fn quoted_fields_hold_delimiters_quotes_and_line_ends() {
    let text = "case,activity,time\n\
                \"c,1\",\"Said \"\"hi\"\"\",2026-03-01\n\
                c2,\"two\nlines\",2026-03-02\n\
                c3,after,2026-03-03\n";
    let (events, _) = events(text);
    assert_eq!(events[0].case, "c,1");
    assert_eq!(events[0].activity, "Said \"hi\"");
    assert_eq!(
        (events[1].activity.as_str(), events[1].line),
        ("two\nlines", 3)
    );
    // The line of a row is the line it starts on, counting line ends inside quotes.
    assert_eq!((events[2].activity.as_str(), events[2].line), ("after", 5));
}

#[test]
fn crlf_cr_and_blank_lines() {
    let text = "case,activity,time\r\n\r\nc1,a,2026-03-01\r\n,,\r\nc1,b,2026-03-02\r\n\r\n";
    let (events, report) = events(text);
    assert_eq!(
        events
            .iter()
            .map(|e| (e.activity.as_str(), e.line))
            .collect::<Vec<_>>(),
        [("a", 3), ("b", 5)]
    );
    // Blank rows (`,,`) are not counted.
    assert_eq!(report.rows, 2);
    // No final line end.
    let (last, _) = crate::sinks::events("case,activity,time\nc1,a,2026-03-01");
    assert_eq!(last.len(), 1);
}

#[test]
fn a_cr_alone_ends_a_line_too() {
    // Old Mac files: every row on its own line, lines rising.
    let (events, _) =
        events("case,activity,time\rc1,a,2026-03-01\r\rc1,b,2026-03-02\r\nc1,c,2026-03-03\r");
    assert_eq!(
        events
            .iter()
            .map(|e| (e.activity.as_str(), e.line))
            .collect::<Vec<_>>(),
        [("a", 2), ("b", 4), ("c", 5)]
    );
}

#[test]
fn a_byte_order_mark_is_skipped() {
    let text = "\u{feff}case,activity,time\nc1,a,2026-03-01\n";
    let (events, report) = events(text);
    assert_eq!(report.headers[0], "case");
    assert_eq!(events[0].case, "c1");
}

#[test]
fn fields_are_trimmed_and_utf8_is_kept() {
    let text = "case, activity , time\n c1 ,  Café crème  , 2026-03-01 \n";
    let (events, report) = events(text);
    assert_eq!(report.headers, ["case", "activity", "time"]);
    assert_eq!(
        events[0],
        ev("c1", "Café crème", utc(2026, 3, 1, 0, 0, 0), 2)
    );
}

#[test]
fn gzipped_csv_is_read_directly() {
    use std::io::Write;
    let text = "case,activity,time\nc1,a,2026-03-01\nc1,b,2026-03-02\n";
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(text.as_bytes()).unwrap();
    let (events, _) = events_with(&gz.finish().unwrap(), &csv_events()).unwrap();
    assert_eq!(events.len(), 2);
}

#[test]
fn day_first_dates_are_found_out_and_earlier_rows_held_back() {
    // Lines 2 and 3 could be either order; line 4 shows day-first.
    let text = "case,activity,time\nc1,a,01/02/2026 10:00\nc1,b,03/02/2026\nc2,a,13/02/2026\nc2,b,2026-02-14\n";
    let (events, report) = events(text);
    assert_eq!(report.settings.date_order, DateOrder::DayFirst);
    assert_eq!(
        events
            .iter()
            .map(|e| (e.line, e.timestamp.unwrap()))
            .collect::<Vec<_>>(),
        [
            (2, utc(2026, 2, 1, 10, 0, 0)),
            (3, utc(2026, 2, 3, 0, 0, 0)),
            (4, utc(2026, 2, 13, 0, 0, 0)),
            (5, utc(2026, 2, 14, 0, 0, 0)),
        ]
    );
}

#[test]
fn month_first_dates_are_found_out_and_a_contradiction_is_a_bad_row() {
    let text = "case,activity,time\nc1,a,02/01/2026\nc1,b,02/13/2026\nc2,a,13/02/2026\n";
    let (events, report) = events(text);
    assert_eq!(report.settings.date_order, DateOrder::MonthFirst);
    assert_eq!(events[0].timestamp, Some(utc(2026, 2, 1, 0, 0, 0)));
    assert_eq!(events.len(), 2);
    assert_eq!(
        report.first_bad[0].to_string(),
        "line 4, column time: '13/02/2026' is not a date in month-first (mm/dd/yyyy) order, \
         which '02/13/2026' at line 3 shows"
    );
}

#[test]
fn ambiguous_dates_are_refused_in_auto_with_the_choice_to_make() {
    let text = "case,activity,when\nc1,a,01/02/2026\nc1,b,03/02/2026 10:00\nc2,a,2026-02-04\n";
    let err = events_with(text.as_bytes(), &csv_events()).unwrap_err();
    assert!(
        matches!(
            err,
            ImportError::AmbiguousDates {
                line: 2,
                rows: 3,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "line 2, column when: '01/02/2026' could be day-first (dd/mm/yyyy) or month-first \
         (mm/dd/yyyy), and no date among the 3 rows read from there tells which: set the date \
         order to day_first or month_first"
    );
    // Chosen, the same file reads.
    for (order, month, day) in [(DateOrder::DayFirst, 2, 1), (DateOrder::MonthFirst, 1, 2)] {
        let settings = ImportSettings {
            date_order: order,
            ..csv_events()
        };
        let (events, report) = events_with(text.as_bytes(), &settings).unwrap();
        assert_eq!(events[0].timestamp, Some(utc(2026, month, day, 0, 0, 0)));
        assert_eq!(report.settings.date_order, order);
    }
}

#[test]
fn iso_dates_leave_the_order_unset() {
    let (_, report) = events("case,activity,time\nc1,a,2026-02-01\n");
    assert_eq!(report.settings.date_order, DateOrder::Auto);
}

#[test]
fn a_score_table() {
    let text = "touchpoint;score;respondent;date;channel;segment\n\
                Checkout;4;r1;2026-03-01;web;new\n\
                Delivery;2,5;;;;\n";
    let (scores, report) = scores_with(text.as_bytes(), &csv_scores()).unwrap();
    assert_eq!(
        scores,
        [
            Sc {
                subject: "Checkout".into(),
                score: 4.0,
                respondent: Some("r1".into()),
                timestamp: Some(utc(2026, 3, 1, 0, 0, 0)),
                channel: Some("web".into()),
                segment: Some("new".into()),
                line: 2,
            },
            Sc {
                subject: "Delivery".into(),
                score: 2.5,
                respondent: None,
                timestamp: None,
                channel: None,
                segment: None,
                line: 3,
            },
        ]
    );
    assert_eq!(report.settings.kind, DatasetKind::ScoreTable);
}

#[test]
fn a_score_table_needs_a_subject_and_a_score() {
    let (_, report) = scores_with(
        b"touchpoint,score\nCheckout,\n,4\nCheckout,x\nCheckout,5\n",
        &csv_scores(),
    )
    .unwrap();
    let reasons: Vec<String> = report.first_bad.iter().map(ToString::to_string).collect();
    assert_eq!(
        reasons,
        [
            "line 2, column score: empty",
            "line 3, column touchpoint: empty",
            "line 4, column score: 'x' is not a number",
        ]
    );
    assert_eq!(report.kept, 1);
}

#[test]
fn lifecycle_columns_keep_complete_events_by_default() {
    let text = "case,activity,time,lifecycle:transition\n\
                c1,a,2026-03-01T10:00:00Z,start\n\
                c1,a,2026-03-01T10:05:00Z,complete\n\
                c1,b,2026-03-01T10:06:00Z,COMPLETE\n\
                c1,c,2026-03-01T10:07:00Z,\n";
    let (events, report) = events(text);
    assert_eq!(events.iter().map(|e| e.line).collect::<Vec<_>>(), [3, 4, 5]);
    assert_eq!(
        (report.rows, report.kept, report.skipped_lifecycle),
        (4, 3, 1)
    );
    assert_eq!(report.lifecycle_column, Some(3));
    let settings = ImportSettings {
        lifecycle: LifecyclePolicy::KeepAll,
        ..csv_events()
    };
    let (events, report) = events_with(text.as_bytes(), &settings).unwrap();
    assert_eq!((events.len(), report.skipped_lifecycle), (4, 0));
}

#[test]
fn a_status_column_named_lifecycle_keeps_every_event() {
    let text = "case,activity,time,lifecycle\nc1,a,2026-03-01,Open\nc1,b,2026-03-02,In Progress\nc1,c,2026-03-03,Closed\n";
    let (events, report) = events(text);
    assert_eq!((events.len(), report.skipped_lifecycle), (3, 0));
}

#[test]
fn progress_is_told_and_can_cancel() {
    struct Record(Vec<(u64, Option<u64>, u64)>, Option<u64>);
    impl Progress for Record {
        fn advance(&mut self, done: u64, total: Option<u64>, rows: u64) -> Flow {
            self.0.push((done, total, rows));
            if self.1.is_some_and(|stop| rows >= stop) {
                Flow::Cancel
            } else {
                Flow::Continue
            }
        }
    }
    let mut text = String::from("case,activity,time\n");
    for i in 0..200_000 {
        text += &format!("c{},a,2026-03-01T00:00:00Z\n", i / 4);
    }
    let mut progress = Record(Vec::new(), None);
    let mut sink = Events::default();
    let total = text.len() as u64;
    let report = csv::read_events(
        text.as_bytes(),
        &csv_events(),
        &mut sink,
        &mut WithTotal {
            progress: &mut progress,
            total,
        },
    )
    .unwrap();
    assert_eq!(report.kept, 200_000);
    let calls = &progress.0;
    // Every 64 Ki rows or 1 MiB (the file is 6 MB), and once at the end with everything.
    assert!(calls.len() >= 6, "{calls:?}");
    assert!(calls
        .windows(2)
        .all(|w| w[0].0 <= w[1].0 && w[0].2 <= w[1].2));
    assert!(calls.iter().all(|c| c.1 == Some(total)));
    assert_eq!(*calls.last().unwrap(), (total, Some(total), 200_000));

    let mut progress = Record(Vec::new(), Some(100_000));
    let err = csv::read_events(
        text.as_bytes(),
        &csv_events(),
        &mut Events::default(),
        &mut progress,
    )
    .unwrap_err();
    assert!(
        matches!(err, ImportError::Cancelled { rows } if rows < 200_000),
        "{err:?}"
    );
}

#[test]
fn reading_again_with_the_reported_settings_gives_the_same_events() {
    let text = "x|y|z\nc1|a|13/01/2026\nc1|b|14/01/2026\n";
    let mut settings = csv_events();
    settings.columns = Some(mapping(0, 1, 2));
    let (first, report) = events_with(text.as_bytes(), &settings).unwrap();
    let (again, report2) = events_with(text.as_bytes(), &report.settings).unwrap();
    assert_eq!(first, again);
    assert_eq!(report, report2);
}

#[test]
fn timestamps_a_day_apart_differ_by_a_day() {
    let (events, _) = events(
        "case,activity,time\nc,a,2026-03-28T12:00:00+01:00\nc,b,2026-03-29T12:00:00+02:00\n",
    );
    // Central European time changes on 29 March 2026: the offsets say so, not a time zone.
    assert_eq!(
        events[1].timestamp.unwrap() - events[0].timestamp.unwrap(),
        DAY - 3_600_000
    );
}
