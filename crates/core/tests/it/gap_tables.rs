//! The gap tables (CSV in a zip, JSON) and the report's gap section, on the worked example of
//! `docs/gaps.md`. Expected values are the doc's hand computations; the CSV is read back with
//! the `csv` crate and the zip with a reader written here, not with the code under test.

use std::collections::BTreeMap;
use std::io::Read;

use corridor_core::data::Quiet;
use corridor_core::gap::{gap_report, Filter, GapReport};
use corridor_core::render::GapBand;
use corridor_core::report::tables::{gap_tables, table_csv, tables_json, tables_zip, TABLE_NAMES};
use corridor_core::report::{markdown, ReportGaps, ReportInputs};

use crate::common::id;
use crate::gap_fixture::{log, map};

fn full() -> GapReport {
    gap_report(&map(), &log(), &Filter::all(), &mut Quiet).unwrap()
}

/// A table's CSV read back as rows of column name → field.
fn read_csv(name: &str) -> Vec<BTreeMap<String, String>> {
    let tables = gap_tables(&map(), &full());
    let table = tables.iter().find(|t| t.name == name).expect(name);
    let text = table_csv(table);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, table.columns);
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            header
                .iter()
                .cloned()
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect()
}

#[track_caller]
fn num(row: &BTreeMap<String, String>, column: &str, expected: f64) {
    let got: f64 = row[column]
        .parse()
        .unwrap_or_else(|_| panic!("{column}: {:?}", row[column]));
    assert!(
        (got - expected).abs() < 1e-12,
        "{column}: {got} is not {expected}"
    );
}

#[test]
fn every_table_of_the_report_is_there_in_order() {
    let tables = gap_tables(&map(), &full());
    let names: Vec<&str> = tables.iter().map(|t| t.name).collect();
    assert_eq!(names, TABLE_NAMES);
    for t in &tables {
        for row in &t.rows {
            assert_eq!(row.len(), t.columns.len(), "{}", t.name);
        }
    }
}

#[test]
fn touchpoint_rows_carry_the_hand_computed_figures() {
    let rows = read_csv("touchpoints");
    let titles: Vec<&str> = rows.iter().map(|r| r["title"].as_str()).collect();
    assert_eq!(
        titles,
        [
            "Sees an ad",
            "Checks out online",
            "Delivery",
            "Calls support",
            "Review request"
        ]
    );
    let a = &rows[0];
    assert_eq!(a["touchpoint"], id(40).to_string());
    assert_eq!(a["stage_name"], "Awareness");
    assert_eq!(
        (
            a["events"].as_str(),
            a["cases"].as_str(),
            a["observations"].as_str()
        ),
        ("7", "7", "4")
    );
    num(a, "mean", 4.25);
    num(a, "median", 4.5);
    num(a, "p10", 3.3);
    num(a, "gap", 0.25);
    num(a, "adds_share", 0.75);
    let b = &rows[1];
    assert_eq!(b["moment_of_truth"], "true");
    num(b, "mean", 23.0 / 7.0);
    num(b, "gap", 23.0 / 7.0 - 4.5);
    num(b, "takes_away_share", 2.0 / 7.0);
    num(&rows[2], "reach", 5.0 / 7.0);
    // E: never observed, so its figures are empty fields, not zeros.
    let e = &rows[4];
    assert_eq!(
        (e["mean"].as_str(), e["gap"].as_str(), e["target"].as_str()),
        ("", "", "4")
    );
}

#[test]
fn stages_corridor_and_sweep() {
    let stages = read_csv("stages");
    let purchase = &stages[1];
    assert_eq!(purchase["name"], "Purchase");
    num(purchase, "score", 3.5);
    num(purchase, "target", 4.25);
    num(purchase, "drop_off_share", 6.0 / 7.0);
    assert_eq!(purchase["status"], "below_target");
    assert_eq!(stages[3]["status"], "no_data");
    assert_eq!(stages[4]["drop_off"], "", "the last stage has no drop-off");

    let corridor = read_csv("corridor");
    let got: Vec<(&str, &str, &str)> = corridor
        .iter()
        .map(|r| {
            (
                r["title"].as_str(),
                r["executed"].as_str(),
                r["not_executed"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("Sees an ad", "7", "0"),
            ("Checks out online", "6", "1"),
            ("Delivery", "5", "2"),
            ("Calls support", "1", "6"),
        ]
    );
    num(&corridor[1], "median_secs_from_previous", 5400.0);
    num(&corridor[1], "difference_secs", 1800.0);
    assert_eq!(corridor[3]["optional"], "true");

    let losing: Vec<String> = read_csv("sweep_losing")
        .iter()
        .map(|r| r["name"].clone())
        .collect();
    assert_eq!(losing, ["Purchase", "Use", "Loyalty"]);
}

#[test]
fn summary_priority_channels_and_blind_spots() {
    let summary: BTreeMap<String, String> = read_csv("summary")
        .into_iter()
        .map(|r| (r["figure"].clone(), r["value"].clone()))
        .collect();
    assert_eq!(summary["cases"], "7");
    assert_eq!(summary["events"], "23");
    assert_eq!(summary["out_of_scale_scores"], "1");
    assert_eq!(summary["sweep_won"], "false");
    assert_eq!(summary["sweep_stages_met"], "1");
    assert_eq!(summary["sweep_stages_with_target"], "4");
    let f = |k: &str| summary[k].parse::<f64>().unwrap();
    assert!((f("log_fitness") - 37.0 / 44.0).abs() < 1e-12);
    assert!((f("mean_case_fitness") - 353.0 / 420.0).abs() < 1e-12);
    assert!((f("experience_score") - 700.0 / 17.0).abs() < 1e-9);
    assert!((f("channel_switch_share") - 0.875).abs() < 1e-12);
    assert_eq!(summary["filter_segment"], "");

    let priority = read_csv("priority");
    let got: Vec<(&str, &str, &str)> = priority
        .iter()
        .map(|r| (r["rank"].as_str(), r["title"].as_str(), r["owner"].as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("1", "Checks out online", "e_commerce"),
            ("2", "Calls support", "service"),
            ("3", "Delivery", "logistics"),
        ]
    );
    num(&priority[0], "impact", 17.0 / 7.0);
    num(&priority[0], "weight", 2.0);
    num(&priority[1], "impact", 2.5 / 7.0);
    num(&priority[2], "impact", 0.2 * 5.0 / 7.0);

    let switches = read_csv("channel_switches");
    assert_eq!(
        (
            switches[0]["from"].as_str(),
            switches[0]["to"].as_str(),
            switches[0]["count"].as_str()
        ),
        ("social", "web", "6")
    );
    assert_eq!(switches.len(), 6);

    let subjects = read_csv("unmatched_subjects");
    assert_eq!(subjects.len(), 1);
    assert_eq!(subjects[0]["name"], "Review requested");
    assert_eq!(subjects[0]["suggested_title"], "Review request");
    num(&subjects[0], "suggestion_similarity", 0.975);
    let activities: Vec<String> = read_csv("unmatched_activities")
        .iter()
        .map(|r| r["name"].clone())
        .collect();
    assert_eq!(activities, ["FAQ viewed", "Parcel lost"]);
    let unobserved = read_csv("unobserved_touchpoints");
    assert_eq!(unobserved[0]["title"], "Review request");

    let control = read_csv("control");
    assert_eq!(control[0]["group"], "owned");
    num(&control[0], "mean", 41.0 / 12.0);
    num(&control[0], "impact", 17.0 / 7.0 + 2.5 / 7.0);

    let variants = read_csv("variants");
    assert_eq!(variants[0]["activities"], "ad_click > checkout > delivered");
    assert_eq!(variants[0]["count"], "2");
    let dfg = read_csv("dfg");
    assert_eq!(dfg.len(), 10);
    assert_eq!(
        dfg.iter()
            .map(|r| r["count"].parse::<u32>().unwrap())
            .sum::<u32>(),
        16
    );
}

#[test]
fn json_holds_the_same_rows_as_objects_in_column_order() {
    let (m, r) = (map(), full());
    let tables = gap_tables(&m, &r);
    let text = tables_json(&m, "log.csv", &tables);
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["format"], "corridor-gap-tables");
    assert_eq!(doc["map"]["title"], "Buying a bike");
    assert_eq!(doc["source"], "log.csv");
    let names: Vec<&String> = doc["tables"].as_object().unwrap().keys().collect();
    assert_eq!(names.len(), TABLE_NAMES.len());
    let p = &doc["tables"]["priority"][0];
    assert_eq!(p["title"], "Checks out online");
    assert!((p["impact"].as_f64().unwrap() - 17.0 / 7.0).abs() < 1e-12);
    let e = &doc["tables"]["touchpoints"][4];
    assert!(e["mean"].is_null());
    assert_eq!(e["moment_of_truth"], false);
    let v = &doc["tables"]["variants"][0]["activities"];
    assert_eq!(v, &serde_json::json!(["ad_click", "checkout", "delivered"]));
    // Keys appear in column order (serde_json sorts when it builds objects, so look at the text).
    let first_row = text
        .lines()
        .find(|l| l.contains("\"rank\": 1, \"touchpoint\""))
        .expect("a priority row");
    assert!(first_row.find("\"rank\"") < first_row.find("\"impact\""));
    // Every table has as many rows as in CSV.
    for t in &tables {
        assert_eq!(
            doc["tables"][t.name].as_array().unwrap().len(),
            t.rows.len(),
            "{}",
            t.name
        );
    }
}

/// The entries of a zip file, read from its central directory, each inflated and checked
/// against its CRC-32 and size.
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let u16_at = |i: usize| u16::from_le_bytes([bytes[i], bytes[i + 1]]) as usize;
    let u32_at = |i: usize| u32::from_le_bytes(bytes[i..i + 4].try_into().unwrap()) as usize;
    let end = bytes.len() - 22;
    assert_eq!(u32_at(end), 0x0605_4b50, "end of central directory");
    let (count, mut at) = (u16_at(end + 10), u32_at(end + 16));
    let mut out = Vec::new();
    for _ in 0..count {
        assert_eq!(u32_at(at), 0x0201_4b50);
        assert_eq!(u16_at(at + 10), 8, "deflated");
        let (crc, packed, plain) = (u32_at(at + 16), u32_at(at + 20), u32_at(at + 24));
        let (name_len, extra, comment) = (u16_at(at + 28), u16_at(at + 30), u16_at(at + 32));
        let local = u32_at(at + 42);
        let name = String::from_utf8(bytes[at + 46..at + 46 + name_len].to_vec()).unwrap();
        assert_eq!(u32_at(local), 0x0403_4b50);
        let data_at = local + 30 + u16_at(local + 26) + u16_at(local + 28);
        let mut data = Vec::new();
        flate2::read::DeflateDecoder::new(&bytes[data_at..data_at + packed])
            .read_to_end(&mut data)
            .unwrap();
        assert_eq!(data.len(), plain, "{name}");
        let mut c = flate2::Crc::new();
        c.update(&data);
        assert_eq!(c.sum() as usize, crc, "{name}");
        out.push((name, data));
        at += 46 + name_len + extra + comment;
    }
    out
}

#[test]
fn the_zip_holds_a_readme_and_one_csv_per_table() {
    let (m, r) = (map(), full());
    let tables = gap_tables(&m, &r);
    let bytes = tables_zip(&m, "log.csv", &tables).unwrap();
    assert_eq!(
        bytes,
        tables_zip(&m, "log.csv", &tables).unwrap(),
        "deterministic"
    );
    let entries = unzip(&bytes);
    assert_eq!(entries.len(), TABLE_NAMES.len() + 1);
    assert_eq!(entries[0].0, "README.txt");
    let readme = String::from_utf8(entries[0].1.clone()).unwrap();
    assert!(readme.contains("priority.csv (3 rows)"), "{readme}");
    for (t, (name, data)) in tables.iter().zip(&entries[1..]) {
        assert_eq!(name, &format!("{}.csv", t.name));
        assert_eq!(String::from_utf8(data.clone()).unwrap(), table_csv(t));
    }
}

#[test]
fn the_report_and_the_picture_take_the_gaps_from_the_engine() {
    let (m, r) = (map(), full());
    let gaps = ReportGaps::from_gap_report(&r, "log.csv, scores.csv");
    assert_eq!(
        gaps.source,
        "log.csv, scores.csv: 7 cases, 23 events, 5 score rows"
    );
    // A to D have scores; E has none and is left out (drawn "not observed").
    assert_eq!(gaps.overlay.touchpoints.len(), 4);
    assert!(!gaps.overlay.touchpoints.contains_key(&id(44)));
    let a = gaps.overlay.touchpoints[&id(40)];
    assert!((a.observed - 4.25).abs() < 1e-12 && (a.gap.unwrap() - 0.25).abs() < 1e-12);
    let band = |n| GapBand::of(gaps.overlay.touchpoints.get(&id(n)), &m.score_scale);
    // Span 4, a tenth 0.4: A +0.25 meets, C −0.2 slightly below, B −1.21 and D −2.5 below.
    assert_eq!(
        [band(40), band(41), band(42), band(43), band(44)],
        [
            GapBand::Meets,
            GapBand::Below,
            GapBand::SlightlyBelow,
            GapBand::Below,
            GapBand::NotObserved
        ]
    );
    let order: Vec<_> = gaps.priorities.iter().map(|p| p.touchpoint).collect();
    assert_eq!(order, [id(41), id(43), id(42)]);
    let figure = |label: &str| {
        gaps.summary
            .iter()
            .find(|f| f.label.starts_with(label))
            .unwrap_or_else(|| panic!("{label}"))
            .value
            .clone()
    };
    assert_eq!(figure("Stages that meet"), "1 of 4");
    assert_eq!(figure("Experience score"), "+41.2");
    assert_eq!(figure("Log fitness"), "0.841");
    assert_eq!(figure("Cases that follow"), "42.9%");
    assert_eq!(
        figure("Blind spots"),
        "2 activities unmatched, 1 touchpoint never observed"
    );

    let md = markdown(&ReportInputs {
        map: &m,
        gaps: Some(&gaps),
    });
    assert!(
        md.contains("| Stages that meet their target | 1 of 4 |"),
        "{md}"
    );
    let b = md
        .find("| 1 | Checks out online |")
        .expect("B first in the priorities");
    let d = md.find("| 2 | Calls support |").expect("D second");
    assert!(b < d);
}
