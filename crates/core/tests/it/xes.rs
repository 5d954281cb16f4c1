//! XES logs: the real logs in tests/data against counts made independently, hand-written
//! logs for lifecycle, trace attributes and bad events, and the inputs that must be refused.
//!
//! The expected numbers for the real logs come from tests/data/expected.py, run once with
//! pm4py 2.7.23 (its XES reader, on lxml), cross-checked by a plain xml.etree count:
//!
//! | log | traces | events | sum of timestamps (ms) | first event (case, activity, ms) |
//! |---|---|---|---|---|
//! | running-example.xes | 6 | 42 | 54_370_397_700_000 | 3, register request, 1_293_715_920_000 |
//! | receipt.xes.gz | 1,434 | 8,577 | 11_202_765_606_624_687 | case-10011, Confirmation of receipt, 1_318_333_540_276 |
//! | roadtraffic100traces.xes | 100 | 390 | 446_992_131_600_000 | N77802, Create Fine, 1_111_532_400_000 |

use std::collections::BTreeMap;
use std::io::Write;

use corridor_core::data::*;

use crate::sinks::*;

fn read(bytes: &[u8]) -> (Vec<Ev>, ReadReport) {
    xes_with(bytes, &xes()).unwrap()
}

fn error(bytes: &[u8]) -> ImportError {
    xes_with(bytes, &xes()).unwrap_err()
}

/// A log of traces given as (case, events), each event as its attribute elements.
fn log(traces: &[(&str, &[&str])]) -> String {
    let mut text =
        String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<log xes.version=\"1.0\">\n");
    for (case, events) in traces {
        text += &format!("  <trace>\n    <string key=\"concept:name\" value=\"{case}\"/>\n");
        for attributes in *events {
            text += &format!("    <event>{attributes}</event>\n");
        }
        text += "  </trace>\n";
    }
    text + "</log>\n"
}

fn act(name: &str, time: &str) -> String {
    format!("<string key=\"concept:name\" value=\"{name}\"/><date key=\"time:timestamp\" value=\"{time}\"/>")
}

#[track_caller]
fn check_real_log(name: &str, traces: u64, events: u64, sum: i64, first: (&str, &str, i64)) {
    let (read, report) = read(&data_file(name));
    assert_eq!(
        (report.traces, report.rows, report.kept, report.bad_rows),
        (traces, events, events, 0)
    );
    assert_eq!(read.iter().map(|e| e.timestamp.unwrap()).sum::<i64>(), sum);
    let e = &read[0];
    assert_eq!(
        (e.case.as_str(), e.activity.as_str(), e.timestamp.unwrap()),
        first
    );
    // `line` is the event's ordinal, 1, 2, 3, … in file order.
    assert!(read.iter().enumerate().all(|(i, e)| e.line == i as u64 + 1));
    let cases: std::collections::BTreeSet<&str> = read.iter().map(|e| e.case.as_str()).collect();
    assert_eq!(cases.len() as u64, traces);
}

#[test]
fn running_example() {
    check_real_log(
        "running-example.xes",
        6,
        42,
        54_370_397_700_000,
        ("3", "register request", 1_293_715_920_000),
    );
    let (events, _) = read(&data_file("running-example.xes"));
    let mut counts = BTreeMap::new();
    for e in &events {
        *counts.entry(e.activity.as_str()).or_insert(0) += 1;
    }
    assert_eq!(
        (
            counts["check ticket"],
            counts["decide"],
            counts["register request"]
        ),
        (9, 9, 6)
    );
    assert_eq!(counts.len(), 8);
}

#[test]
fn receipt_gzipped_with_trace_channels() {
    check_real_log(
        "receipt.xes.gz",
        1434,
        8577,
        11_202_765_606_624_687,
        ("case-10011", "Confirmation of receipt", 1_318_333_540_276),
    );
    // Each trace's `channel` is its events' channel (pm4py: case:channel per event).
    let (events, _) = read(&data_file("receipt.xes.gz"));
    let mut per_channel = BTreeMap::new();
    for e in &events {
        *per_channel.entry(e.channel.clone().unwrap()).or_insert(0) += 1;
    }
    let expected = [
        ("Desk", 657),
        ("Intern", 6),
        ("Internet", 7478),
        ("Post", 308),
        ("e-mail", 128),
    ];
    assert_eq!(
        per_channel,
        expected.iter().map(|(c, n)| (c.to_string(), *n)).collect()
    );
}

#[test]
fn road_traffic() {
    check_real_log(
        "roadtraffic100traces.xes",
        100,
        390,
        446_992_131_600_000,
        ("N77802", "Create Fine", 1_111_532_400_000),
    );
}

#[test]
fn the_same_log_plain_and_gzipped_reads_the_same() {
    let plain = data_file("running-example.xes");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&plain).unwrap();
    assert_eq!(read(&plain), read(&gz.finish().unwrap()));
}

#[test]
fn a_hand_written_log() {
    let text = log(&[
        ("c1", &[&act("Visit", "2026-03-01T10:00:00+01:00"), "<string key=\"concept:name\" value=\"Buy &amp; pay &#233;\"/>"]),
        ("c2", &[&(act("Visit", "2026-03-02T10:00:00Z") + "<string key=\"Channel\" value=\"web\"/><int key=\"score\" value=\"4\"/><string key=\"segment\" value=\"new\"/>")]),
    ]);
    let (events, report) = read(text.as_bytes());
    assert_eq!(
        events,
        [
            Ev {
                case: "c1".into(),
                activity: "Visit".into(),
                timestamp: Some(utc(2026, 3, 1, 9, 0, 0)),
                channel: None,
                score: None,
                segment: None,
                line: 1,
            },
            Ev {
                case: "c1".into(),
                activity: "Buy & pay é".into(),
                timestamp: None,
                channel: None,
                score: None,
                segment: None,
                line: 2,
            },
            Ev {
                case: "c2".into(),
                activity: "Visit".into(),
                timestamp: Some(utc(2026, 3, 2, 10, 0, 0)),
                channel: Some("web".into()),
                score: Some(4.0),
                segment: Some("new".into()),
                line: 3,
            },
        ]
    );
    assert_eq!(
        (report.traces, report.settings.format),
        (2, DataFormat::Xes)
    );
}

#[test]
fn trace_channel_and_segment_are_defaults_that_events_override() {
    let text = "<log><trace><string key=\"concept:name\" value=\"c\"/>\
                <string key=\"channel\" value=\"phone\"/><string key=\"tier\" value=\"gold\"/>\
                <event><string key=\"concept:name\" value=\"a\"/></event>\
                <event><string key=\"concept:name\" value=\"b\"/><string key=\"medium\" value=\"web\"/></event>\
                </trace></log>";
    let (events, _) = read(text.as_bytes());
    let got: Vec<_> = events
        .iter()
        .map(|e| (e.channel.as_deref(), e.segment.as_deref()))
        .collect();
    assert_eq!(
        got,
        [(Some("phone"), Some("gold")), (Some("web"), Some("gold"))]
    );
}

#[test]
fn a_case_named_after_its_events_still_names_them() {
    let text = "<log><trace><event><string key=\"concept:name\" value=\"a\"/></event>\
                <string key=\"concept:name\" value=\"late\"/>\
                <event><string key=\"concept:name\" value=\"b\"/></event></trace></log>";
    let (events, _) = read(text.as_bytes());
    assert_eq!(
        events
            .iter()
            .map(|e| (e.case.as_str(), e.line))
            .collect::<Vec<_>>(),
        [("late", 1), ("late", 2)]
    );
}

const LIFECYCLE: &str = "<log>\n<trace><string key=\"concept:name\" value=\"c\"/>\n\
    <event><string key=\"concept:name\" value=\"a\"/><string key=\"lifecycle:transition\" value=\"start\"/></event>\n\
    <event><string key=\"concept:name\" value=\"a\"/><string key=\"lifecycle:transition\" value=\"complete\"/></event>\n\
    <event><string key=\"concept:name\" value=\"b\"/><string key=\"lifecycle:transition\" value=\"SCHEDULE\"/></event>\n\
    <event><string key=\"concept:name\" value=\"b\"/><string key=\"lifecycle:transition\" value=\"COMPLETE\"/></event>\n\
    <event><string key=\"concept:name\" value=\"c\"/></event>\n\
    </trace></log>";

#[test]
fn only_complete_events_count_in_a_standard_lifecycle_log() {
    let (events, report) = read(LIFECYCLE.as_bytes());
    assert_eq!(
        events
            .iter()
            .map(|e| (e.activity.as_str(), e.line))
            .collect::<Vec<_>>(),
        [("a", 2), ("b", 4), ("c", 5)]
    );
    assert_eq!(
        (report.rows, report.kept, report.skipped_lifecycle),
        (5, 3, 2)
    );
    let settings = ImportSettings {
        lifecycle: LifecyclePolicy::KeepAll,
        ..xes()
    };
    let (events, report) = xes_with(LIFECYCLE.as_bytes(), &settings).unwrap();
    assert_eq!((events.len(), report.skipped_lifecycle), (5, 0));
}

#[test]
fn a_log_using_the_key_for_its_own_statuses_keeps_every_event() {
    let text = LIFECYCLE
        .replace("\"start\"", "\"In Progress\"")
        .replace("\"SCHEDULE\"", "\"Queued\"");
    let (events, report) = read(text.as_bytes());
    assert_eq!((events.len(), report.skipped_lifecycle), (5, 0));
    // A status first, then standard names: still everything.
    let text = LIFECYCLE.replace("\"start\"", "\"Opened\"");
    let (events, _) = read(text.as_bytes());
    assert_eq!(events.len(), 5);
    // Standard names left out first, then a status: the log mixes both uses.
    let text = LIFECYCLE.replace("\"COMPLETE\"", "\"Closed\"");
    let err = error(text.as_bytes());
    assert_eq!(
        err.to_string(),
        "the lifecycle transitions mix the standard model ('start' at line 3, left out) with \
         other statuses ('Closed' at line 6): set the lifecycle policy to keep_all"
    );
}

#[test]
fn bad_events_are_skipped_with_their_line_and_reason() {
    let text = "<log>\n<trace><string key=\"concept:name\" value=\"c\"/>\n\
                <event/>\n\
                <event><date key=\"time:timestamp\" value=\"2026-03-01\"/></event>\n\
                <event><string key=\"concept:name\" value=\"a\"/><date key=\"time:timestamp\" value=\"soon\"/></event>\n\
                <event><string key=\"concept:name\" value=\"b\"/><float key=\"rating\" value=\"high\"/></event>\n\
                <event><string key=\"concept:name\" value=\"ok\"/></event>\n\
                </trace>\n\
                <trace>\n<event><string key=\"concept:name\" value=\"x\"/></event>\n</trace>\n\
                <event><string key=\"concept:name\" value=\"y\"/></event>\n\
                </log>";
    let (events, report) = read(text.as_bytes());
    assert_eq!(
        events
            .iter()
            .map(|e| (e.activity.as_str(), e.line))
            .collect::<Vec<_>>(),
        [("ok", 5)]
    );
    assert_eq!(
        (report.rows, report.kept, report.bad_rows, report.traces),
        (7, 1, 6, 2)
    );
    let told: Vec<String> = report.first_bad.iter().map(ToString::to_string).collect();
    assert_eq!(
        told,
        [
            "line 3: an empty <event/>",
            "line 4, column concept:name: missing",
            "line 5, column time:timestamp: 'soon' is not a date",
            "line 6, column rating: 'high' is not a number",
            "line 10: its <trace> (line 9) has no concept:name",
            "line 12: an <event> outside any <trace>",
        ]
    );
    let strict = ImportSettings {
        strict: true,
        ..xes()
    };
    let err = xes_with(text.as_bytes(), &strict).unwrap_err();
    assert_eq!(err.to_string(), "line 3: an empty <event/>");
}

#[test]
fn a_doctype_is_refused_with_its_position() {
    let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE log [<!ENTITY boom \"boom\">]>\n<log/>";
    let err = error(text.as_bytes());
    assert!(
        matches!(err, ImportError::Doctype { line: 2, column: 1 }),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "line 2, column 1: a DOCTYPE is not allowed (no entity expansion)"
    );
}

#[test]
fn a_custom_entity_is_refused_in_values_and_in_text() {
    let text = log(&[(
        "c",
        &["  <string key=\"concept:name\" value=\"a &boom; b\"/>"],
    )]);
    let err = error(text.as_bytes());
    assert!(
        matches!(&err, ImportError::Entity { line: 5, column: 14, name } if name == "boom"),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "line 5, column 14: the entity '&boom;' is not allowed (no entity expansion)"
    );
    let err = error(b"<log>\n  <trace>&lol;</trace></log>");
    assert!(
        matches!(&err, ImportError::Entity { line: 2, name, .. } if name == "lol"),
        "{err:?}"
    );
    // On an element whose attributes are not read.
    let err = error(b"<log><extension name=\"&x;\"/></log>");
    assert!(
        matches!(&err, ImportError::Entity { line: 1, column: 6, name } if name == "x"),
        "{err:?}"
    );
    // Predefined entities and character references are fine, in text too.
    let text = log(&[(
        "c &lt;1&gt; &quot;&apos;",
        &["<string key=\"concept:name\" value=\"&#x41;&#66;\"/>"],
    )]);
    let (events, _) = read(text.replace("</trace>", "&amp;&#10;</trace>").as_bytes());
    assert_eq!(
        (events[0].case.as_str(), events[0].activity.as_str()),
        ("c <1> \"'", "AB")
    );
}

#[test]
fn a_truncated_log_is_an_error_at_its_end() {
    let text = String::from_utf8(data_file("running-example.xes")).unwrap();
    let cut = &text[..text.len() / 2];
    let cut = &cut[..cut.rfind('>').unwrap() + 1];
    let err = error(cut.as_bytes());
    assert!(
        matches!(&err, ImportError::Truncated { open, .. } if open == "event" || open == "trace"),
        "{err:?}"
    );
    assert!(err.to_string().contains("the file ends inside <"), "{err}");
    // Cut inside a tag.
    let err = error(&text.as_bytes()[..text.find("<event>").unwrap() + 4]);
    assert!(matches!(err, ImportError::Xml { .. }), "{err:?}");
}

#[test]
fn a_twenty_megabyte_value_is_refused_and_memory_stays_bounded() {
    let mut text = b"<log>\n<trace><string key=\"concept:name\" value=\"".to_vec();
    text.extend(std::iter::repeat_n(b'x', 20 << 20));
    text.extend_from_slice(b"\"/></trace></log>");
    let err = error(&text);
    assert!(
        matches!(
            err,
            ImportError::Xml {
                line: 2,
                column: 8,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "line 2, column 8: an element or text longer than 16 MiB"
    );
}

#[test]
fn a_truncated_gzip_is_an_error() {
    let gz = data_file("receipt.xes.gz");
    let err = error(&gz[..gz.len() - 1000]);
    assert!(matches!(err, ImportError::Gzip { .. }), "{err:?}");
}

#[test]
fn files_that_are_not_xes_are_refused() {
    assert_eq!(
        error(b"case,activity,time\nc,a,2026-03-01\n").to_string(),
        "not an XES log: it has no <log> element"
    );
    assert_eq!(
        error(b"<html><body/></html>").to_string(),
        "not an XES log: its root element is <html>, not <log>"
    );
    assert!(matches!(error(b""), ImportError::NotXes { .. }));
    assert!(matches!(error(b"<log></log>"), ImportError::NoRows));
    assert!(matches!(
        error(b"\x00\x01\x02junk"),
        ImportError::NotText { offset: 0 }
    ));
    let err = error(b"<log><trace></event></log>");
    assert!(
        matches!(
            err,
            ImportError::Xml {
                line: 1,
                column: 13,
                ..
            }
        ),
        "{err:?}"
    );
    let err =
        error(b"<log>\n<trace><string key=\"concept:name\" value=\"caf\xe9\"/></trace></log>");
    assert!(matches!(err, ImportError::Xml { line: 2, .. }), "{err:?}");
}

#[test]
fn data_read_events_dispatches_on_the_format() {
    let mut sink = Events::default();
    let report = read_events(
        &data_file("running-example.xes")[..],
        &xes(),
        &mut sink,
        &mut Quiet,
    )
    .unwrap();
    assert_eq!(report.kept, 42);
    let mut sink = Events::default();
    read_events(
        &b"case,activity,time\nc,a,2026-03-01\n"[..],
        &csv_events(),
        &mut sink,
        &mut Quiet,
    )
    .unwrap();
    assert_eq!(sink.0.len(), 1);
}

#[test]
fn prefixes_comments_cdata_and_instructions_are_read_past() {
    let prefixed = "<xes:log xmlns:xes=\"http://www.xes-standard.org/\"><xes:trace>\
                    <xes:string key=\"concept:name\" value=\"c\"/><xes:event>\
                    <xes:string key=\"concept:name\" value=\"a\"/></xes:event></xes:trace></xes:log>";
    assert_eq!(read(prefixed.as_bytes()).0.len(), 1);
    // `&…;` inside a comment, CDATA or a processing instruction is no entity.
    let text = "<log><trace><string key=\"concept:name\" value=\"c\"/><!-- &comment; -->\
                <![CDATA[ &x; ]]><?pi &y;?><event><string key=\"concept:name\" value=\"a\"/>\
                </event></trace></log>";
    assert_eq!(read(text.as_bytes()).0.len(), 1);
}

#[test]
fn only_utf8_is_read() {
    let head = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<log><trace>";
    // Declared Latin-1 but plain ASCII: fine.
    let ascii = format!("{head}<string key=\"concept:name\" value=\"c\"/><event><string key=\"concept:name\" value=\"a\"/></event></trace></log>");
    assert_eq!(read(ascii.as_bytes()).0.len(), 1);
    let mut latin = head.as_bytes().to_vec();
    latin.extend_from_slice(b"<string key=\"concept:name\" value=\"caf\xe9\"/></trace></log>");
    assert_eq!(
        error(&latin).to_string(),
        "line 2, column 13: not UTF-8 text: XES is read as UTF-8 (save the file as UTF-8)"
    );
}
