//! Properties of the readers: random events written as CSV (by the `csv` crate) or as XES read
//! back as the same events; any bytes at all are answered without a panic.

use corridor_core::data::*;
use proptest::prelude::*;

use crate::sinks::*;

/// A field value as it survives a read: not empty, no surrounding ASCII blanks (fields are
/// trimmed), but with delimiters, quotes, line ends and non-ASCII inside.
fn value() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 ,;|\t\"'\n\r&<>éü€中]{1,12}"
        .prop_map(|s| s.trim_matches(|c: char| c.is_ascii_whitespace()).to_owned())
        .prop_filter("not empty", |s| !s.is_empty())
}

/// 1900 to 2100, in milliseconds.
fn instant() -> impl Strategy<Value = i64> {
    -2_208_988_800_000i64..4_102_444_800_000
}

prop_compose! {
    fn event()(
        case in value(),
        activity in value(),
        timestamp in instant(),
        channel in proptest::option::of(value()),
        score in proptest::option::of(-1e6f64..1e6),
        segment in proptest::option::of(value()),
    ) -> Ev {
        Ev { case, activity, timestamp: Some(timestamp), channel, score, segment, line: 0 }
    }
}

fn rfc3339(ms: i64, offset_minutes: i32) -> String {
    let zone = chrono::FixedOffset::east_opt(offset_minutes * 60).unwrap();
    let time = chrono::DateTime::from_timestamp_millis(ms)
        .unwrap()
        .with_timezone(&zone);
    time.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

fn write_csv(events: &[Ev], delimiter: u8, crlf: bool, offset: i32) -> Vec<u8> {
    let terminator = if crlf {
        ::csv::Terminator::CRLF
    } else {
        ::csv::Terminator::Any(b'\n')
    };
    let mut w = ::csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(terminator)
        .from_writer(Vec::new());
    w.write_record([
        "case",
        "activity",
        "timestamp",
        "channel",
        "score",
        "segment",
    ])
    .unwrap();
    for e in events {
        let score = e.score.map(|s| s.to_string()).unwrap_or_default();
        let time = rfc3339(e.timestamp.unwrap(), offset);
        let opt = |o: &Option<String>| o.clone().unwrap_or_default();
        w.write_record([
            &e.case,
            &e.activity,
            &time,
            &opt(&e.channel),
            &score,
            &opt(&e.segment),
        ])
        .unwrap();
    }
    w.into_inner().unwrap()
}

/// The line each event starts on: after the header, each record takes one line plus the line
/// ends inside its fields.
fn with_lines(events: &[Ev]) -> Vec<Ev> {
    let mut line = 2;
    events
        .iter()
        .map(|e| {
            let here = line;
            let texts = [
                Some(&e.case),
                Some(&e.activity),
                e.channel.as_ref(),
                e.segment.as_ref(),
            ];
            line += 1 + texts
                .iter()
                .flatten()
                .map(|t| t.matches('\n').count() as u64)
                .sum::<u64>();
            Ev {
                line: here,
                ..e.clone()
            }
        })
        .collect()
}

/// XES text: markup characters escaped, control characters as character references.
fn xml_escape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '&' => out += "&amp;",
            '<' => out += "&lt;",
            '>' => out += "&gt;",
            '"' => out += "&quot;",
            '\'' => out += "&apos;",
            c if (c as u32) < 0x20 => out += &format!("&#{};", c as u32),
            c => out.push(c),
        }
    }
    out
}

fn write_xes(traces: &[(String, Vec<Ev>)], offset: i32) -> String {
    let mut text =
        String::from("<?xml version='1.0' encoding='UTF-8'?>\n<log xes.version=\"1849.2016\">\n");
    for (case, events) in traces {
        text += &format!(
            "<trace>\n\t<string key=\"concept:name\" value=\"{}\"/>\n",
            xml_escape(case)
        );
        for e in events {
            text += "\t<event>\n";
            text += &format!(
                "\t\t<string key=\"concept:name\" value='{}'/>\n",
                xml_escape(&e.activity)
            );
            text += &format!(
                "\t\t<date key=\"time:timestamp\" value=\"{}\"/>\n",
                rfc3339(e.timestamp.unwrap(), offset)
            );
            if let Some(c) = &e.channel {
                text += &format!(
                    "\t\t<string key=\"channel\" value=\"{}\"/>\n",
                    xml_escape(c)
                );
            }
            if let Some(s) = e.score {
                text += &format!("\t\t<float key=\"score\" value=\"{s}\"/>\n");
            }
            if let Some(s) = &e.segment {
                text += &format!(
                    "\t\t<string key = \"segment\"\n value = \"{}\" />\n",
                    xml_escape(s)
                );
            }
            text += "\t</event>\n";
        }
        text += "</trace>\n";
    }
    text + "</log>\n"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn csv_written_by_the_csv_crate_reads_back(
        events in proptest::collection::vec(event(), 1..40),
        delimiter in proptest::sample::select(vec![b',', b';', b'\t', b'|']),
        crlf: bool,
        offset in -720i32..840,
    ) {
        let bytes = write_csv(&events, delimiter, crlf, offset);
        let settings = ImportSettings { delimiter: Some(delimiter as char), ..csv_events() };
        let (read, report) = events_with(&bytes, &settings).unwrap();
        prop_assert_eq!(report.bad_rows, 0, "{:?}", report.first_bad);
        prop_assert_eq!(read, with_lines(&events));
    }

    /// With values that hold no delimiter, everything is detected.
    #[test]
    fn plain_csv_is_detected(
        events in proptest::collection::vec(event(), 2..40),
        delimiter in proptest::sample::select(vec![b',', b';', b'\t', b'|']),
    ) {
        let plain = |s: &String| s.chars().filter(|c| c.is_alphanumeric()).collect::<String>();
        let events: Vec<Ev> = events
            .iter()
            .map(|e| Ev {
                case: format!("c{}", plain(&e.case)),
                activity: format!("a{}", plain(&e.activity)),
                channel: e.channel.as_ref().map(|c| format!("ch{}", plain(c))),
                segment: e.segment.as_ref().map(|s| format!("s{}", plain(s))),
                ..e.clone()
            })
            .collect();
        let bytes = write_csv(&events, delimiter, false, 0);
        let (read, report) = events_with(&bytes, &csv_events()).unwrap();
        prop_assert_eq!(report.settings.delimiter, Some(delimiter as char));
        prop_assert_eq!(read, with_lines(&events));
    }

    #[test]
    fn xes_reads_back(
        traces in proptest::collection::vec((value(), proptest::collection::vec(event(), 0..8)), 1..12),
        offset in -720i32..840,
    ) {
        let text = write_xes(&traces, offset);
        let expected: Vec<Ev> = traces
            .iter()
            .flat_map(|(case, events)| events.iter().map(move |e| Ev { case: case.clone(), ..e.clone() }))
            .enumerate()
            .map(|(i, e)| Ev { line: i as u64 + 1, ..e })
            .collect();
        match xes_with(text.as_bytes(), &xes()) {
            Ok((read, report)) => {
                prop_assert_eq!(report.traces, traces.len() as u64);
                prop_assert_eq!(read, expected);
            }
            Err(ImportError::NoRows) => prop_assert!(expected.is_empty()),
            Err(e) => prop_assert!(false, "{}", e),
        }
    }

    #[test]
    fn any_bytes_are_answered(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = events_with(&bytes, &csv_events());
        let _ = scores_with(&bytes, &csv_scores());
        let _ = csv::preview(&bytes[..], &csv_events(), 5);
        let _ = xes_with(&bytes, &xes());
    }

    #[test]
    fn any_text_made_of_csv_and_xml_pieces_is_answered(
        pieces in proptest::collection::vec(proptest::sample::select(vec![
            "case", "activity", "time", ",", ";", "\t", "\"", "\n", "\r\n", "2026-03-01",
            "01/02/2026", "13/02/2026", "<log>", "</log>", "<trace>", "</trace>", "<event>",
            "</event>", "<event/>", "<string key=\"concept:name\" value=\"a\"/>",
            "<date key=\"time:timestamp\" value=\"2026-03-01\"/>", "&amp;", "&x;", "<!DOCTYPE x>",
            "lifecycle:transition", "start", "complete", "\u{feff}", "é",
        ]), 0..60),
    ) {
        let text = pieces.concat();
        let _ = events_with(text.as_bytes(), &csv_events());
        let _ = scores_with(text.as_bytes(), &csv_scores());
        let _ = xes_with(text.as_bytes(), &xes());
    }
}
