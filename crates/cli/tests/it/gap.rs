//! `corridor gap` and `corridor draft` on a tiny map and log whose figures are worked out by
//! hand below.
//!
//! Map: corridor A → B → C (touchpoints titled A, B, C, aliased a, b, c; targets 4; scale 1-5).
//! Log: case 1 does a, b, c scoring 5, 4, 3; case 2 does a, c scoring 2, 2.
//!
//! - dfg: a→b 1, b→c 1, a→c 1. variants: [a,b,c] 1 and [a,c] 1; the tie goes to the
//!   lexicographically smaller sequence, [a,b,c] (b < c at the second place).
//! - alignment: case 1 costs 0 of a worst case of 3 + 3 = 6 (fitness 1); case 2 skips B, cost 1
//!   of 2 + 3 = 5 (fitness 0.8). log fitness 1 − 1/11; mean case fitness 0.9; half the cases fit.
//! - A: mean (5 + 2)/2 = 3.5, gap −0.5, reach 1. B: mean 4, gap 0, reach ½. C: mean 2.5,
//!   gap −1.5, reach 1. Priority: C (impact 1.5 × 1 × 1 = 1.5), then A (0.5).

use std::path::{Path, PathBuf};

use chrono::DateTime;
use corridor_core::{file, CorridorStep, JourneyMap, Touchpoint};

use crate::common::run;

fn tiny_map(dir: &Path) -> PathBuf {
    let mut n = 0u128;
    let mut ids = || {
        n += 1;
        uuid::Uuid::from_u128(n)
    };
    let now = DateTime::from_timestamp(1_767_225_600, 0).unwrap();
    let mut map = JourneyMap::new(ids(), "Tiny", &["One", "Two"], &mut ids, now);
    for (name, alias) in [("A", "a"), ("B", "b"), ("C", "c")] {
        let id = ids();
        map.touchpoints.push(Touchpoint {
            owner: corridor_core::Department::Sales,
            target_score: Some(4.0),
            aliases: vec![alias.into()],
            ..Touchpoint::new(id, name, map.stages[0].id)
        });
        let step = CorridorStep {
            id: ids(),
            touchpoint: id,
            optional: false,
            expected_secs_from_previous: None,
        };
        map.corridor.steps.push(step);
    }
    let path = dir.join("tiny.corridor.json");
    std::fs::write(&path, file::to_string(&map)).unwrap();
    path
}

const LOG: &str = "case,activity,timestamp,score
1,a,2026-01-01T10:00:00Z,5
2,a,2026-01-02T10:00:00Z,2
1,b,2026-01-01T11:00:00Z,4
1,c,2026-01-01T12:00:00Z,3
2,c,2026-01-02T11:00:00Z,2
";

fn setup() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let map = tiny_map(dir.path());
    let log = dir.path().join("log.csv");
    std::fs::write(&log, LOG).unwrap();
    (dir, map, log)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn gap_json_has_the_hand_computed_figures() {
    let (_dir, map, log) = setup();
    let (code, out, err) = run([
        "gap".as_ref(),
        map.as_os_str(),
        log.as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();

    let mut dfg: Vec<(String, String, u64)> = v["dfg"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["from"].as_str().unwrap().to_string(),
                e["to"].as_str().unwrap().to_string(),
                e["count"].as_u64().unwrap(),
            )
        })
        .collect();
    dfg.sort();
    let expected: Vec<(String, String, u64)> = [("a", "b", 1), ("a", "c", 1), ("b", "c", 1)]
        .iter()
        .map(|(f, t, c)| (f.to_string(), t.to_string(), *c))
        .collect();
    assert_eq!(dfg, expected);

    let variants = v["variants"].as_array().unwrap();
    assert_eq!(variants.len(), 2);
    assert_eq!(
        variants[0]["activities"],
        serde_json::json!(["a", "b", "c"])
    );
    assert_eq!(variants[1]["activities"], serde_json::json!(["a", "c"]));
    assert_eq!(variants[0]["count"], 1);

    let c = &v["conformance"];
    assert!(
        close(c["log_fitness"].as_f64().unwrap(), 1.0 - 1.0 / 11.0),
        "{c}"
    );
    assert!(close(c["mean_case_fitness"].as_f64().unwrap(), 0.9), "{c}");
    assert!(close(c["fitting_case_share"].as_f64().unwrap(), 0.5), "{c}");

    let tps = v["touchpoints"].as_array().unwrap();
    let by_title = |t: &str| tps.iter().find(|x| x["title"] == t).unwrap();
    for (title, mean, gap, reach) in [
        ("A", 3.5, -0.5, 1.0),
        ("B", 4.0, 0.0, 0.5),
        ("C", 2.5, -1.5, 1.0),
    ] {
        let tp = by_title(title);
        assert!(close(tp["mean"].as_f64().unwrap(), mean), "{title}: {tp}");
        assert!(close(tp["gap"].as_f64().unwrap(), gap), "{title}: {tp}");
        assert!(close(tp["reach"].as_f64().unwrap(), reach), "{title}: {tp}");
    }
    let priority: Vec<&str> = v["priority"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["title"].as_str().unwrap())
        .collect();
    assert_eq!(priority, ["C", "A"]);
    assert!(close(v["priority"][0]["impact"].as_f64().unwrap(), 1.5));
}

#[test]
fn gap_csv_table_and_text_summary() {
    let (_dir, map, log) = setup();
    let (code, out, err) = run([
        "gap".as_ref(),
        map.as_os_str(),
        log.as_os_str(),
        "--format".as_ref(),
        "csv".as_ref(),
        "--table".as_ref(),
        "priority".as_ref(),
    ]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "rank,touchpoint,title,gap,reach,weight,impact");
    assert_eq!(lines.len(), 3, "{out}");
    assert!(
        lines[1].starts_with("1,") && lines[1].contains(",C,-1.5,1,1,1.5"),
        "{out}"
    );

    let (code, out, err) = run(["gap".as_ref(), map.as_os_str(), log.as_os_str()]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("2 cases, 5 events, 0 score rows, 3 activities, 2 variants.\n"),
        "{out}"
    );
    assert!(
        out.contains("50% of cases follow the corridor exactly"),
        "{out}"
    );
    assert!(out.contains("skipped step: B"), "{out}");
}

#[test]
fn gap_filters_by_time_window() {
    let (_dir, map, log) = setup();
    // Only case 2 starts on or after 2 January.
    let (code, out, err) = run([
        "gap".as_ref(),
        map.as_os_str(),
        log.as_os_str(),
        "--from".as_ref(),
        "2026-01-02".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["totals"]["cases"], 1);
    assert!(close(
        v["conformance"]["log_fitness"].as_f64().unwrap(),
        0.8
    ));
}

#[test]
fn gap_refuses_a_log_without_a_needed_column() {
    let (dir, map, _) = setup();
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "who,what\n1,a\n").unwrap();
    let (code, _, err) = run(["gap".as_ref(), map.as_os_str(), bad.as_os_str()]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("bad.csv"), "{err}");
}

#[test]
fn draft_makes_a_map_from_the_log_alone() {
    let (dir, _, log) = setup();
    let out = dir.path().join("drafted.corridor.json");
    let (code, _, err) = run([
        "draft".as_ref(),
        log.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(code, 0, "{err}");
    let map = file::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert!(corridor_core::validate(&map).is_empty());
    let titles: Vec<&str> = map.touchpoints.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(titles, ["a", "b", "c"]);
    // The corridor is the top variant [a, b, c].
    let steps: Vec<&str> = map
        .corridor
        .steps
        .iter()
        .map(|s| map.touchpoint(s.touchpoint).unwrap().title.as_str())
        .collect();
    assert_eq!(steps, ["a", "b", "c"]);
    // Positions 0, 1, 2 of 3 over 5 stages: ⌊0⌋ = 0, ⌊5/3⌋ = 1, ⌊10/3⌋ = 3.
    let stage_index = |t: &Touchpoint| map.stages.iter().position(|s| s.id == t.stage).unwrap();
    let stages: Vec<usize> = map.touchpoints.iter().map(stage_index).collect();
    assert_eq!(stages, [0, 1, 3]);
    // Each touchpoint is aliased by its activity.
    assert!(map
        .touchpoints
        .iter()
        .all(|t| t.aliases == [t.title.clone()]));
    // And it refuses to overwrite.
    let (code, _, _) = run([
        "draft".as_ref(),
        log.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(code, 3);
}

#[test]
fn import_data_stores_a_readable_log_and_refuses_a_bad_one() {
    let (dir, map, log) = setup();
    let ws = dir.path().join("ws");
    let wsa = ws.as_os_str();
    let (code, id, err) = run([
        "--workspace".as_ref(),
        wsa,
        "import".as_ref(),
        map.as_os_str(),
    ]);
    assert_eq!(code, 0, "{err}");
    let id = id.trim().to_string();

    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "who,what\n1,a\n").unwrap();
    let (code, _, err) = run([
        "--workspace".as_ref(),
        wsa,
        "import-data".as_ref(),
        id.as_ref(),
        bad.as_os_str(),
    ]);
    assert_eq!(code, 1, "{err}");

    let (code, out, err) = run([
        "--workspace".as_ref(),
        wsa,
        "import-data".as_ref(),
        id.as_ref(),
        log.as_os_str(),
    ]);
    assert_eq!(code, 0, "{err}");
    let dataset = uuid::Uuid::parse_str(out.trim()).expect("the dataset's id");

    let workspace = corridor_store::Workspace::open(&ws).unwrap();
    let map_id = uuid::Uuid::parse_str(&id).unwrap();
    let stored = workspace.datasets(map_id).unwrap();
    assert_eq!(stored.len(), 1, "the bad file left nothing behind");
    assert_eq!(stored[0].id, dataset);
    assert_eq!((stored[0].rows, stored[0].bad_rows), (5, 0));
    assert_eq!(stored[0].bytes, LOG.len() as u64);
    let mut back = String::new();
    std::io::Read::read_to_string(&mut workspace.dataset_reader(dataset).unwrap(), &mut back)
        .unwrap();
    assert_eq!(back, LOG);
}
