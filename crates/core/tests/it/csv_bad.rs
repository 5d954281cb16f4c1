//! CSV files that are partly or wholly wrong: bad rows are reported with line, column and
//! reason (strict mode stops at the first); files that cannot be read give a clear error.

use std::io::Write;

use corridor_core::data::*;

use crate::sinks::*;

fn error(bytes: &[u8]) -> ImportError {
    events_with(bytes, &csv_events()).unwrap_err()
}

fn strict() -> ImportSettings {
    ImportSettings {
        strict: true,
        ..csv_events()
    }
}

const LOG: &str = "case,activity,timestamp,score\n\
                   c1,a,2026-03-01T10:00:00Z,4\n\
                   c1,b,31/02/2026,4\n\
                   c1,,2026-03-01T10:02:00Z,4\n\
                   c2,a,2026-03-01T10:03:00Z,lots\n\
                   c2,b\n\
                   c2,c,2026-03-01T10:05:00Z,\n";

#[test]
fn bad_rows_are_counted_and_told_with_line_column_and_reason() {
    let (events, report) = events(LOG);
    assert_eq!(events.iter().map(|e| e.line).collect::<Vec<_>>(), [2, 7]);
    assert_eq!((report.rows, report.kept, report.bad_rows), (6, 2, 4));
    let told: Vec<String> = report.first_bad.iter().map(ToString::to_string).collect();
    assert_eq!(
        told,
        [
            "line 3, column timestamp: '31/02/2026' is not a date",
            "line 4, column activity: empty",
            "line 5, column score: 'lots' is not a number",
            "line 6, column timestamp: missing: the row has 2 fields",
        ]
    );
    assert_eq!(report.first_bad[0].column.as_deref(), Some("timestamp"));
    assert_eq!(report.first_bad[0].line, 3);
}

#[test]
fn strict_mode_stops_at_the_first_bad_row() {
    let err = events_with(LOG.as_bytes(), &strict()).unwrap_err();
    assert!(
        matches!(&err, ImportError::BadRow(row) if row.line == 3),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "line 3, column timestamp: '31/02/2026' is not a date"
    );
}

#[test]
fn only_the_first_hundred_bad_rows_are_kept_but_all_are_counted() {
    let mut text = String::from("case,activity,time\nc,a,2026-03-01\n");
    for i in 0..250 {
        text += &format!("c,a,not a date {i}\n");
    }
    let (_, report) = events(&text);
    assert_eq!(
        (report.bad_rows, report.first_bad.len()),
        (250, FIRST_BAD_KEPT)
    );
    assert_eq!(report.first_bad[99].line, 102);
}

#[test]
fn invalid_utf8_is_a_bad_row_naming_line_and_column() {
    let bytes = b"case,activity,time\nc1,caf\xe9,2026-03-01\nc1,ok,2026-03-02\nc\xff\xfe,x\xe9,2026-03-03\n";
    let (events, report) = events_with(bytes, &csv_events()).unwrap();
    assert_eq!(events.len(), 1);
    let told: Vec<String> = report.first_bad.iter().map(ToString::to_string).collect();
    assert_eq!(
        told,
        [
            "line 2, column activity: not UTF-8 text (byte 4)",
            "line 4, column case: not UTF-8 text (byte 2)"
        ]
    );
}

#[test]
fn a_ten_megabyte_field_is_a_bad_row_and_memory_stays_bounded() {
    let mut text = b"case,activity,time\nc1,a,2026-03-01\nc1,\"".to_vec();
    text.extend(std::iter::repeat_n(b'x', 10 << 20));
    text.extend_from_slice(b"\",2026-03-02\nc1,b,2026-03-03\n");
    let (events, report) = events_with(&text, &csv_events()).unwrap();
    assert_eq!(
        events
            .iter()
            .map(|e| e.activity.as_str())
            .collect::<Vec<_>>(),
        ["a", "b"]
    );
    assert_eq!(report.bad_rows, 1);
    assert_eq!(
        report.first_bad[0].to_string(),
        "line 3: the row is longer than 1024 KiB or has more than 16384 fields (an unclosed quote?)"
    );
}

#[test]
fn an_unclosed_quote_swallows_the_rest_of_the_file_into_one_bad_row() {
    let mut text = String::from("case,activity,time\nc1,a,2026-03-01\nc1,\"oops,2026-03-02\n");
    for _ in 0..30_000 {
        text += "c1,b,2026-03-03\n";
    }
    let (events, report) = events(&text);
    assert_eq!(events.len(), 1);
    assert_eq!((report.bad_rows, report.first_bad[0].line), (1, 3));
}

#[test]
fn an_empty_file_or_one_with_only_a_header_has_no_rows() {
    for text in [
        "",
        "\n\n",
        "case,activity,time\n",
        "\u{feff}case,activity,time\r\n,,\r\n",
    ] {
        let err = error(text.as_bytes());
        assert!(matches!(err, ImportError::NoRows), "{text:?}: {err:?}");
    }
    assert_eq!(
        error(b"").to_string(),
        "the file has no data rows (or, in XES, no events)"
    );
}

#[test]
fn a_file_of_bad_rows_only_is_an_error_naming_the_first() {
    let err = error(b"case,activity,time\nc1,a,yesterday\nc1,b,today\n");
    assert!(
        matches!(
            err,
            ImportError::NothingKept {
                rows: 2,
                bad_rows: 2,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "none of the 2 rows could be used: 2 bad, the first at line 2, column time: 'yesterday' \
         is not a date"
    );
    let err = error(b"case,activity,time,lifecycle:transition\nc1,a,2026-03-01,start\n");
    assert_eq!(
        err.to_string(),
        "none of the 1 rows could be used; 1 left out by the lifecycle policy (only 'complete' \
         events count; keep_all keeps them all)"
    );
}

#[test]
fn a_missing_column_is_named_with_the_columns_there_are() {
    let err = error(b"case,activity,colour\nc1,a,red\n");
    assert!(
        matches!(
            err,
            ImportError::MissingColumn {
                role: Role::Timestamp,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "no column for the timestamp: map one (columns: 'case', 'activity', 'colour')"
    );
    let err = scores_with(b"touchpoint,respondent\nCheckout,r1\n", &csv_scores()).unwrap_err();
    assert!(
        matches!(
            err,
            ImportError::MissingColumn {
                role: Role::Score,
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn a_mapping_past_the_last_column_is_refused() {
    let settings = ImportSettings {
        columns: Some(ColumnMapping {
            case: Some(0),
            activity: Some(1),
            timestamp: Some(7),
            ..Default::default()
        }),
        ..csv_events()
    };
    let err = events_with(b"case,activity,time\nc,a,2026-03-01\n", &settings).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the timestamp is mapped to column 7, but the file has 3 columns"
    );
}

#[test]
fn the_wrong_delimiter_gives_a_single_column() {
    let settings = ImportSettings {
        delimiter: Some(';'),
        ..csv_events()
    };
    let err = events_with(b"case,activity,time\nc1,a,2026-03-01\n", &settings).unwrap_err();
    assert!(
        matches!(
            err,
            ImportError::SingleColumn {
                delimiter: Some(';')
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "every row has a single column when split at semicolon ';': is that the delimiter?"
    );
    let err = error(b"just one column\nand another line\n");
    assert_eq!(
        err.to_string(),
        "every row has a single column: no delimiter (comma, semicolon, tab, pipe) splits it"
    );
    let settings = ImportSettings {
        delimiter: Some('é'),
        ..csv_events()
    };
    assert!(matches!(
        events_with(b"a,b\n", &settings),
        Err(ImportError::Delimiter { delimiter: 'é' })
    ));
}

#[test]
fn binary_junk_and_other_encodings_are_refused() {
    let mut junk: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    junk[100] = 0;
    let err = error(&junk);
    assert!(matches!(err, ImportError::NotText { .. }), "{err:?}");
    assert!(err
        .to_string()
        .starts_with("this is not a text file: binary data at byte"));
    // A PNG.
    let err = error(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    assert!(matches!(err, ImportError::NotText { offset: 8 }), "{err:?}");
    // UTF-16 with its byte-order mark.
    let utf16: Vec<u8> = "\u{feff}case,activity,time\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert_eq!(
        error(&utf16).to_string(),
        "the file is UTF-16: save it as UTF-8 and import it again"
    );
}

#[test]
fn a_truncated_file_reads_up_to_the_cut_and_reports_the_cut_row() {
    let text = "case,activity,time\nc1,a,2026-03-01T10:00:00Z\nc1,b,2026-03-01T10";
    let (events, report) = events(text);
    assert_eq!(events.len(), 1);
    assert_eq!(
        report.first_bad[0].to_string(),
        "line 3, column time: '2026-03-01T10' is not a date"
    );
    let (cut, report) = crate::sinks::events("case,activity,time\nc1,a,2026-03-01\nc1,b");
    assert_eq!((cut.len(), report.bad_rows), (1, 1));
}

#[test]
fn a_truncated_or_damaged_gzip_is_an_error() {
    let mut text = String::from("case,activity,time\n");
    for i in 0..5000 {
        text += &format!("c{i},a,2026-03-01\n");
    }
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(text.as_bytes()).unwrap();
    let gz = gz.finish().unwrap();
    let err = error(&gz[..gz.len() / 2]);
    assert!(matches!(err, ImportError::Gzip { .. }), "{err:?}");
    assert!(
        err.to_string()
            .starts_with("the gzip data is damaged or cut short"),
        "{err}"
    );
    let mut damaged = gz.clone();
    damaged[gz.len() / 2] ^= 0xff;
    damaged[gz.len() / 2 + 1] ^= 0x55;
    let err = error(&damaged);
    assert!(matches!(err, ImportError::Gzip { .. }), "{err:?}");
    // Only the magic bytes.
    assert!(matches!(error(&[0x1f, 0x8b]), ImportError::Gzip { .. }));
}

#[test]
fn a_failing_reader_is_an_io_error() {
    struct Failing;
    impl std::io::Read for Failing {
        fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk on fire"))
        }
    }
    let err = csv::read_events(
        std::io::BufReader::new(Failing),
        &csv_events(),
        &mut Events::default(),
        &mut Quiet,
    )
    .unwrap_err();
    assert_eq!(err.to_string(), "could not read the data: disk on fire");
}

#[test]
fn lifecycle_columns_mixing_the_standard_model_and_statuses_are_refused() {
    let text = "case,activity,time,lifecycle:transition\nc1,a,2026-03-01,start\nc1,a,2026-03-02,approved\n";
    let err = error(text.as_bytes());
    assert_eq!(
        err.to_string(),
        "the lifecycle transitions mix the standard model ('start' at line 2, left out) with \
         other statuses ('approved' at line 3): set the lifecycle policy to keep_all"
    );
    let settings = ImportSettings {
        lifecycle: LifecyclePolicy::KeepAll,
        ..csv_events()
    };
    assert_eq!(events_with(text.as_bytes(), &settings).unwrap().0.len(), 2);
}

#[test]
fn xes_holds_no_score_tables() {
    let settings = settings(DatasetKind::ScoreTable, DataFormat::Xes);
    let err = read_scores(
        &b"<log/>"[..],
        &settings,
        &mut Scores::default(),
        &mut Quiet,
    )
    .unwrap_err();
    assert_eq!(err.to_string(), "a ScoreTable cannot be read from Xes");
}
