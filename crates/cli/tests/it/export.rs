//! `corridor export`: every format, written whole to the given path and nowhere else.

use std::path::Path;

use crate::common::{example_paths, run};

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn every_format_is_written_to_the_given_path_only() {
    let dir = tempfile::tempdir().unwrap();
    let map = &example_paths()[0];
    for (format, name, magic) in [
        ("svg", "map.svg", &b"<svg xmlns"[..]),
        ("png", "map.png", &b"\x89PNG\r\n"[..]),
        ("pdf", "map.pdf", &b"%PDF-"[..]),
        ("md", "report.md", &b"# "[..]),
        ("html", "report.html", &b"<!DOCTYPE html>"[..]),
        ("report-pdf", "report.pdf", &b"%PDF-"[..]),
    ] {
        let out = dir.path().join(name);
        let (code, stdout, stderr) = run([
            "export".as_ref(),
            map.as_os_str(),
            "--format".as_ref(),
            format.as_ref(),
            "-o".as_ref(),
            out.as_os_str(),
        ]);
        assert_eq!(code, 0, "{format}: {stdout}{stderr}");
        assert!(
            stderr.contains(&format!("wrote {}", out.display())),
            "{stderr}"
        );
        let bytes = std::fs::read(&out).unwrap();
        assert!(bytes.starts_with(magic), "{format}");
    }
    assert_eq!(
        names_in(dir.path()),
        [
            "map.pdf",
            "map.png",
            "map.svg",
            "report.html",
            "report.md",
            "report.pdf"
        ],
        "no temporary file is left behind"
    );
}

#[test]
fn svg_carries_the_fonts_unless_told_not_to() {
    let dir = tempfile::tempdir().unwrap();
    let map = &example_paths()[0];
    let with = dir.path().join("with.svg");
    let without = dir.path().join("without.svg");
    let (code, _, err) = run([
        "export".as_ref(),
        map.as_os_str(),
        "-f".as_ref(),
        "svg".as_ref(),
        "-o".as_ref(),
        with.as_os_str(),
    ]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run([
        "export".as_ref(),
        map.as_os_str(),
        "-f".as_ref(),
        "svg".as_ref(),
        "--no-embed-fonts".as_ref(),
        "-o".as_ref(),
        without.as_os_str(),
    ]);
    assert_eq!(code, 0, "{err}");
    let with = std::fs::read_to_string(with).unwrap();
    let without = std::fs::read_to_string(without).unwrap();
    assert!(with.contains("@font-face{font-family:'Noto Sans'"));
    assert!(!without.contains("@font-face"));
    assert!(with.len() > without.len() + 1_000_000);
}

#[test]
fn png_scale_sets_the_pixel_size() {
    let dir = tempfile::tempdir().unwrap();
    let map = &example_paths()[0];
    let size = |scale: &str| {
        let out = dir.path().join(format!("x{scale}.png"));
        let (code, _, err) = run([
            "export".as_ref(),
            map.as_os_str(),
            "-f".as_ref(),
            "png".as_ref(),
            "--scale".as_ref(),
            scale.as_ref(),
            "-o".as_ref(),
            out.as_os_str(),
        ]);
        assert_eq!(code, 0, "{err}");
        let bytes = std::fs::read(out).unwrap();
        // IHDR: width and height, big-endian, at bytes 16..24.
        let w = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
        let h = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
        (w, h)
    };
    let (w1, h1) = size("1");
    let (w2, h2) = size("2");
    assert!(
        w2.abs_diff(2 * w1) <= 1 && h2.abs_diff(2 * h1) <= 1,
        "{w1}x{h1} {w2}x{h2}"
    );
}

#[test]
fn bad_arguments_and_bad_places_fail_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let map = &example_paths()[0];
    let out = dir.path().join("map.png");
    // A scale out of range is a usage error.
    let (code, _, err) = run([
        "export".as_ref(),
        map.as_os_str(),
        "-f".as_ref(),
        "png".as_ref(),
        "--scale".as_ref(),
        "0".as_ref(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("not a scale from 0.1 to 8"), "{err}");
    // A folder that does not exist: nothing is created anywhere.
    let nowhere = dir.path().join("missing").join("map.png");
    let (code, _, err) = run([
        "export".as_ref(),
        map.as_os_str(),
        "-f".as_ref(),
        "png".as_ref(),
        "-o".as_ref(),
        nowhere.as_os_str(),
    ]);
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("cannot write"), "{err}");
    assert!(names_in(dir.path()).is_empty());
    // A file that is not a map.
    let bad = dir.path().join("bad.corridor.json");
    std::fs::write(&bad, "{}").unwrap();
    let (code, _, err) = run([
        "export".as_ref(),
        bad.as_os_str(),
        "-f".as_ref(),
        "svg".as_ref(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(!out.exists());
}

#[test]
fn an_export_replaces_the_previous_one_whole() {
    let dir = tempfile::tempdir().unwrap();
    let map = &example_paths()[0];
    let out = dir.path().join("map.svg");
    std::fs::write(&out, "old").unwrap();
    let (code, _, err) = run([
        "export".as_ref(),
        map.as_os_str(),
        "-f".as_ref(),
        "svg".as_ref(),
        "--no-embed-fonts".as_ref(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("<svg") && text.ends_with("</svg>\n"));
    assert_eq!(names_in(dir.path()), ["map.svg"]);
}

/// A map with one stage and touchpoints A, B, C (aliases a, b, c, targets 4, scale 1-5) on a
/// corridor A → B → C, and a log where case 1 does a, b, c scoring 5, 4, 3 and case 2 does a, c
/// scoring 2, 2. By hand: A mean 3.5 (gap −0.5, reach 1), B 4 (gap 0, reach ½), C 2.5 (gap −1.5,
/// reach 1); priority C (impact 1.5 × 1 × 1 = 1.5) then A (0.5).
fn map_and_log(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    use corridor_core::{file, CorridorStep, JourneyMap};
    let mut n = 0u128;
    let mut ids = || {
        n += 1;
        uuid::Uuid::from_u128(n)
    };
    let now = chrono::DateTime::from_timestamp(1_767_225_600, 0).unwrap();
    let mut map = JourneyMap::new(ids(), "Tiny", &["One"], &mut ids, now);
    for (title, alias) in [("A", "a"), ("B", "b"), ("C", "c")] {
        let id = ids();
        map.touchpoints.push(corridor_core::Touchpoint {
            owner: corridor_core::Department::Sales,
            target_score: Some(4.0),
            aliases: vec![alias.into()],
            ..corridor_core::Touchpoint::new(id, title, map.stages[0].id)
        });
        map.corridor.steps.push(CorridorStep {
            id: ids(),
            touchpoint: id,
            optional: false,
            expected_secs_from_previous: None,
        });
    }
    let map_path = dir.join("tiny.corridor.json");
    std::fs::write(&map_path, file::to_string(&map)).unwrap();
    let log = dir.join("log.csv");
    std::fs::write(
        &log,
        "case,activity,timestamp,score\n1,a,2026-01-01T10:00:00Z,5\n2,a,2026-01-02T10:00:00Z,2\n\
         1,b,2026-01-01T11:00:00Z,4\n1,c,2026-01-01T12:00:00Z,3\n2,c,2026-01-02T11:00:00Z,2\n",
    )
    .unwrap();
    (map_path, log)
}

fn export_with(args: &[&std::ffi::OsStr]) -> (i32, String) {
    let (code, out, err) = run(args.iter().copied());
    (code, format!("{out}{err}"))
}

#[test]
fn gap_tables_as_csv_zip_one_csv_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let (map, log) = map_and_log(dir.path());
    let (zip, one, json) = (
        dir.path().join("gaps.zip"),
        dir.path().join("priority.csv"),
        dir.path().join("gaps.json"),
    );
    for (format, table, out) in [
        ("csv", None, &zip),
        ("csv", Some("priority"), &one),
        ("json", None, &json),
    ] {
        let mut args: Vec<&std::ffi::OsStr> = vec![
            "export".as_ref(),
            map.as_os_str(),
            "--data".as_ref(),
            log.as_os_str(),
            "--format".as_ref(),
            format.as_ref(),
            "-o".as_ref(),
            out.as_os_str(),
        ];
        if let Some(t) = table {
            args.push("--table".as_ref());
            args.push(t.as_ref());
        }
        let (code, text) = export_with(&args);
        assert_eq!(code, 0, "{text}");
    }
    let bytes = std::fs::read(&zip).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"));
    let text = String::from_utf8_lossy(&bytes);
    for name in [
        "README.txt",
        "touchpoints.csv",
        "priority.csv",
        "variants.csv",
        "dfg.csv",
    ] {
        assert!(text.contains(name), "{name} in the zip");
    }

    let csv = std::fs::read_to_string(&one).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "rank,touchpoint,title,stage,stage_name,owner,gap,reach,weight,impact"
    );
    assert_eq!(lines.len(), 3, "{csv}");
    let c: Vec<&str> = lines[1].split(',').collect();
    let a: Vec<&str> = lines[2].split(',').collect();
    assert_eq!(
        (c[0], c[2], c[4], c[6], c[7], c[9]),
        ("1", "C", "One", "-1.5", "1", "1.5")
    );
    assert_eq!((a[0], a[2], a[6], a[9]), ("2", "A", "-0.5", "0.5"));

    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(doc["source"], "log.csv");
    let tps = doc["tables"]["touchpoints"].as_array().unwrap();
    let means: Vec<f64> = tps.iter().map(|t| t["mean"].as_f64().unwrap()).collect();
    assert_eq!(means, [3.5, 4.0, 2.5]);
    assert_eq!(doc["tables"]["touchpoints"][1]["reach"], 0.5);
    assert_eq!(
        doc["tables"]["summary"][0],
        serde_json::json!({"figure": "cases", "value": 2})
    );
    assert_eq!(
        names_in(dir.path()),
        [
            "gaps.json",
            "gaps.zip",
            "log.csv",
            "priority.csv",
            "tiny.corridor.json"
        ]
    );
}

#[test]
fn data_colours_the_picture_and_fills_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let (map, log) = map_and_log(dir.path());
    let svg = dir.path().join("map.svg");
    let md = dir.path().join("report.md");
    for (format, out) in [("svg", &svg), ("md", &md)] {
        let (code, text) = export_with(&[
            "export".as_ref(),
            map.as_os_str(),
            "--data".as_ref(),
            log.as_os_str(),
            "-f".as_ref(),
            format.as_ref(),
            "--no-embed-fonts".as_ref(),
            "-o".as_ref(),
            out.as_os_str(),
        ]);
        assert_eq!(code, 0, "{text}");
    }
    let svg = std::fs::read_to_string(&svg).unwrap();
    for line in [
        "Observed 3.5 · gap -0.5",
        "Observed 4 · gap 0",
        "Observed 2.5 · gap -1.5",
    ] {
        assert!(svg.contains(line), "{line}");
    }
    let md = std::fs::read_to_string(&md).unwrap();
    assert!(!md.contains("No dataset is linked"), "{md}");
    assert!(
        md.contains("**Observed data:** log.csv: 2 cases, 5 events, 0 score rows"),
        "{md}"
    );
    let c = md
        .find("| 1 | C | -1.5 | 100% | 1.5 |")
        .expect("C first in the priorities");
    let a = md.find("| 2 | A | -0.5 | 100% | 0.5 |").expect("A second");
    assert!(c < a);
}

#[test]
fn gap_tables_without_data_are_a_command_line_error_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (map, _) = map_and_log(dir.path());
    let out = dir.path().join("gaps.zip");
    for format in ["csv", "json"] {
        let (code, text) = export_with(&[
            "export".as_ref(),
            map.as_os_str(),
            "-f".as_ref(),
            format.as_ref(),
            "-o".as_ref(),
            out.as_os_str(),
        ]);
        assert_eq!(code, 2, "{text}");
        assert!(text.contains("--data"), "{text}");
    }
    let (code, text) = export_with(&[
        "export".as_ref(),
        map.as_os_str(),
        "-f".as_ref(),
        "csv".as_ref(),
        "--table".as_ref(),
        "nope".as_ref(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(code, 2, "{text}");
    assert!(
        text.contains("the tables are: summary, touchpoints"),
        "{text}"
    );
    assert!(!out.exists());
}
