//! Timestamps: every form the readers accept, checked against chrono (or by hand), and the
//! texts they refuse.

use corridor_core::data::timestamp::{parse_timestamp, TimestampError};
use corridor_core::data::DateOrder::{self, *};
use proptest::prelude::*;

use crate::sinks::utc;

#[track_caller]
fn check(cases: &[(&str, DateOrder, i64)]) {
    for &(text, order, expected) in cases {
        assert_eq!(
            parse_timestamp(text, order),
            Ok(expected),
            "{text:?} read {order:?}"
        );
    }
}

#[test]
fn iso_dates_and_times_in_utc() {
    check(&[
        ("1970-01-01", Auto, 0),
        ("1970-01-02", Auto, 86_400_000),
        ("2026-03-01", Auto, utc(2026, 3, 1, 0, 0, 0)),
        ("2026-03-01T14:05:09", Auto, utc(2026, 3, 1, 14, 5, 9)),
        ("2026-03-01T14:05:09Z", Auto, utc(2026, 3, 1, 14, 5, 9)),
        ("2026-03-01t14:05:09z", Auto, utc(2026, 3, 1, 14, 5, 9)),
        ("2026-03-01 14:05:09", Auto, utc(2026, 3, 1, 14, 5, 9)),
        ("2026-03-01  14:05", Auto, utc(2026, 3, 1, 14, 5, 0)),
        ("2026-03-01T14:05", Auto, utc(2026, 3, 1, 14, 5, 0)),
        ("2026-03-01T4:05", Auto, utc(2026, 3, 1, 4, 5, 0)),
        ("2026/03/01 14:05:09", Auto, utc(2026, 3, 1, 14, 5, 9)),
        ("2026.03.01", Auto, utc(2026, 3, 1, 0, 0, 0)),
        ("2026-3-1", Auto, utc(2026, 3, 1, 0, 0, 0)),
        ("  2026-03-01T14:05:09Z\t", Auto, utc(2026, 3, 1, 14, 5, 9)),
        ("2026-03-01 14:05:09 UTC", Auto, utc(2026, 3, 1, 14, 5, 9)),
        ("2026-03-01 14:05:09 GMT", Auto, utc(2026, 3, 1, 14, 5, 9)),
    ]);
}

#[test]
fn fractions_of_a_second_keep_milliseconds() {
    let base = utc(2026, 3, 1, 14, 5, 9);
    check(&[
        ("2026-03-01T14:05:09.1Z", Auto, base + 100),
        ("2026-03-01T14:05:09.12Z", Auto, base + 120),
        ("2026-03-01T14:05:09.123Z", Auto, base + 123),
        ("2026-03-01T14:05:09.123999Z", Auto, base + 123),
        ("2026-03-01T14:05:09.123456789", Auto, base + 123),
        ("2026-03-01 14:05:09,5", Auto, base + 500),
        ("2026-03-01T14:05:09.000+00:00", Auto, base),
    ]);
}

/// Offsets by hand: 14:05 at +02:00 is 12:05 UTC; at −05:30 it is 19:35 UTC. No daylight
/// saving is applied: an offset is an offset, whatever the date.
#[test]
fn offsets_are_normalised_to_utc() {
    check(&[
        ("2026-03-01T14:05:00+02:00", Auto, utc(2026, 3, 1, 12, 5, 0)),
        ("2026-03-01T14:05:00+0200", Auto, utc(2026, 3, 1, 12, 5, 0)),
        ("2026-03-01T14:05:00+02", Auto, utc(2026, 3, 1, 12, 5, 0)),
        (
            "2026-03-01T14:05:00-05:30",
            Auto,
            utc(2026, 3, 1, 19, 35, 0),
        ),
        (
            "2026-03-01 14:05:00 -0530",
            Auto,
            utc(2026, 3, 1, 19, 35, 0),
        ),
        (
            "2026-03-01T14:05:00.250+01:00",
            Auto,
            utc(2026, 3, 1, 13, 5, 0) + 250,
        ),
        // Across midnight and a year's end.
        (
            "2026-01-01T01:00:00+02:00",
            Auto,
            utc(2025, 12, 31, 23, 0, 0),
        ),
        ("2025-12-31T22:00:00-03:00", Auto, utc(2026, 1, 1, 1, 0, 0)),
        // Summer and winter dates in Europe: the same offset gives the same shift.
        (
            "2026-07-15T12:00:00+01:00",
            Auto,
            utc(2026, 7, 15, 11, 0, 0),
        ),
        (
            "2026-01-15T12:00:00+01:00",
            Auto,
            utc(2026, 1, 15, 11, 0, 0),
        ),
        (
            "2026-03-01T14:05:00 UTC+01:00",
            Auto,
            utc(2026, 3, 1, 13, 5, 0),
        ),
        // From the XES logs in tests/data.
        ("2010-12-30T14:32:00.000+01:00", Auto, 1_293_715_920_000),
        ("2011-10-11T13:45:40.276+02:00", Auto, 1_318_333_540_276),
    ]);
}

#[test]
fn day_first_and_month_first_dates_follow_the_order() {
    check(&[
        ("03/01/2026", DayFirst, utc(2026, 1, 3, 0, 0, 0)),
        ("03/01/2026", MonthFirst, utc(2026, 3, 1, 0, 0, 0)),
        ("3/1/2026 9:07", DayFirst, utc(2026, 1, 3, 9, 7, 0)),
        ("3/1/2026 9:07", MonthFirst, utc(2026, 3, 1, 9, 7, 0)),
        (
            "31/12/2026 23:59:59",
            DayFirst,
            utc(2026, 12, 31, 23, 59, 59),
        ),
        (
            "12/31/2026 23:59:59",
            MonthFirst,
            utc(2026, 12, 31, 23, 59, 59),
        ),
        ("31.12.2026 08:00", DayFirst, utc(2026, 12, 31, 8, 0, 0)),
        ("31-12-2026", DayFirst, utc(2026, 12, 31, 0, 0, 0)),
        (
            "12/31/2026 3:04 PM",
            MonthFirst,
            utc(2026, 12, 31, 15, 4, 0),
        ),
        (
            "12/31/2026 12:04 am",
            MonthFirst,
            utc(2026, 12, 31, 0, 4, 0),
        ),
        (
            "12/31/2026 12:04:05PM",
            MonthFirst,
            utc(2026, 12, 31, 12, 4, 5),
        ),
        (
            "31/12/2026 14:00 +01:00",
            DayFirst,
            utc(2026, 12, 31, 13, 0, 0),
        ),
        (
            "31/12/2026T14:00:00Z",
            DayFirst,
            utc(2026, 12, 31, 14, 0, 0),
        ),
    ]);
}

#[test]
fn auto_reads_slashed_dates_only_when_they_show_their_order() {
    check(&[
        ("13/01/2026", Auto, utc(2026, 1, 13, 0, 0, 0)),
        ("01/13/2026", Auto, utc(2026, 1, 13, 0, 0, 0)),
        // Both readings give the same date.
        ("05/05/2026", Auto, utc(2026, 5, 5, 0, 0, 0)),
    ]);
    for text in ["01/02/2026", "12/11/2026 10:00", "1.2.2026"] {
        assert_eq!(
            parse_timestamp(text, Auto),
            Err(TimestampError::Ambiguous),
            "{text}"
        );
    }
}

#[test]
fn leap_years_and_month_lengths() {
    check(&[
        ("2024-02-29", Auto, utc(2024, 2, 29, 0, 0, 0)),
        ("2000-02-29", Auto, utc(2000, 2, 29, 0, 0, 0)),
        ("29/02/2024", DayFirst, utc(2024, 2, 29, 0, 0, 0)),
        ("1969-12-31T23:59:59Z", Auto, -1000),
        ("1900-01-01", Auto, utc(1900, 1, 1, 0, 0, 0)),
        ("9999-12-31T23:59:59Z", Auto, utc(9999, 12, 31, 23, 59, 59)),
        // A leap second is read as the next second.
        ("2016-12-31T23:59:60Z", Auto, utc(2017, 1, 1, 0, 0, 0)),
    ]);
}

#[test]
fn texts_that_are_not_dates() {
    let not_dates = [
        "",
        " ",
        "yesterday",
        "2026",
        "20260301",
        "2026-02-29",
        "1900-02-29",
        "2026-13-01",
        "2026-00-10",
        "2026-04-31",
        "2026-03-01T24:00:00",
        "2026-03-01T12:60",
        "2026-03-01T12:00:61",
        "2026-03-01T12",
        "2026-03-01T",
        "2026-03-01X12:00",
        "2026-03-01T12:00:00.",
        "2026-03-01T12:00:00+25:00",
        "2026-03-01T12:00:00+02:60",
        "2026-03-01T12:00:00+2",
        "2026-03-01T12:00:00 CET",
        "2026-03-01T12:00:00Z junk",
        "2026-03-01T13:00 PM",
        "2026-03-01T00:00 AM",
        "31/02/2026",
        "26-03-01",
        "1/2/26",
        "001/02/2026",
        "12/31/2026",
        "+2026-03-01",
        "２０２６-03-01",
    ];
    for text in not_dates {
        for order in [Auto, DayFirst] {
            if text == "12/31/2026" && order == Auto {
                continue;
            }
            assert_eq!(
                parse_timestamp(text, order),
                Err(TimestampError::NotADate),
                "{text:?} {order:?}"
            );
        }
    }
}

proptest! {
    /// Any instant written in RFC 3339 by chrono, with any offset and precision, reads back
    /// as the same millisecond.
    #[test]
    fn rfc3339_from_chrono_reads_back(ms in -2_208_988_800_000i64..253_402_128_000_000, offset in -1439i32..1439, precision in 0usize..4) {
        let zone = chrono::FixedOffset::east_opt(offset * 60).unwrap();
        let time = chrono::DateTime::from_timestamp_millis(ms).unwrap().with_timezone(&zone);
        let format = match precision {
            0 => chrono::SecondsFormat::Secs,
            1 => chrono::SecondsFormat::Millis,
            2 => chrono::SecondsFormat::Micros,
            _ => chrono::SecondsFormat::Nanos,
        };
        let text = time.to_rfc3339_opts(format, true);
        let expected = if precision == 0 { ms.div_euclid(1000) * 1000 } else { ms };
        prop_assert_eq!(parse_timestamp(&text, Auto), Ok(expected), "{}", text);
    }

    /// `dd/mm/yyyy hh:mm:ss` written by chrono reads back day-first; swapped, month-first.
    #[test]
    fn day_and_month_first_from_chrono_read_back(secs in 0i64..4_102_444_800) {
        let time = chrono::DateTime::from_timestamp(secs, 0).unwrap();
        let day_first = time.format("%d/%m/%Y %H:%M:%S").to_string();
        let month_first = time.format("%m/%d/%Y %H:%M:%S").to_string();
        prop_assert_eq!(parse_timestamp(&day_first, DayFirst), Ok(secs * 1000));
        prop_assert_eq!(parse_timestamp(&month_first, MonthFirst), Ok(secs * 1000));
    }

    /// Whatever the text, the parser answers (no panic).
    #[test]
    fn any_text_is_answered(text in ".{0,40}") {
        let _ = parse_timestamp(&text, Auto);
        let _ = parse_timestamp(&text, DayFirst);
    }
}
