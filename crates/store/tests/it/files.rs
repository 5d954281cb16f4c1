//! Files at a path the user chose: Save As and exports written whole or not at all, Open of a
//! native file (new, the same map again, a different map with a taken id, malformed, newer),
//! the recent files, and exports with and without a dataset.

use corridor_core::data::*;
use corridor_core::render::Paper;
use corridor_core::{file, FileError};
use corridor_store::{write_atomically, ExportKind, OpenOutcome, StoreError, Workspace};
use uuid::Uuid;

use crate::common::{at, map, workspace};

fn names_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn save_as_writes_the_canonical_file_and_it_opens_back_unchanged() {
    let (_ws_dir, ws) = workspace();
    let m = map(1, "Bike shop");
    ws.create(&m, at(0)).unwrap();
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("bike.corridor.json");
    let written = ws
        .export_to(m.id, ExportKind::Native, &path, at(1))
        .unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text, file::to_string(&m));
    assert_eq!(written.bytes, text.len() as u64);
    assert_eq!(
        names_in(out.path()),
        ["bike.corridor.json"],
        "no temporary file left"
    );

    let opened = ws.open_file(&path, Uuid::from_u128(99), at(2)).unwrap();
    assert_eq!(opened.outcome, OpenOutcome::AlreadyHere);
    assert_eq!(opened.summary.id, m.id);
    assert_eq!(ws.list().unwrap().len(), 1, "nothing added");
    assert_eq!(ws.export_text(m.id).unwrap(), text);
}

#[test]
fn a_failed_write_leaves_the_old_file_as_it_was() {
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("map.png");
    std::fs::write(&path, b"the old file").unwrap();
    // The temporary file's name is taken by a folder: creating it fails.
    let tmp = out
        .path()
        .join(format!(".map.png.{}.tmp", std::process::id()));
    std::fs::create_dir(&tmp).unwrap();
    let err = write_atomically(&path, b"the new file").unwrap_err();
    assert!(matches!(err, StoreError::Write { .. }), "{err}");
    assert!(err.to_string().contains("map.png"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), b"the old file");
    std::fs::remove_dir(&tmp).unwrap();

    // An export that cannot be made (a scale out of range) writes nothing either.
    let (_ws_dir, ws) = workspace();
    let m = map(1, "Bike shop");
    ws.create(&m, at(0)).unwrap();
    let err = ws
        .export_to(m.id, ExportKind::Png { scale: 50.0 }, &path, at(1))
        .unwrap_err();
    assert!(matches!(err, StoreError::Export { .. }), "{err}");
    assert!(err.to_string().contains("scale 50"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), b"the old file");
    assert_eq!(names_in(out.path()), ["map.png"]);

    // A path in a folder that does not exist: an error naming it, nothing written anywhere.
    let missing = out.path().join("no-such-folder").join("map.svg");
    let err = ws
        .export_to(m.id, ExportKind::Svg, &missing, at(1))
        .unwrap_err();
    assert!(err.to_string().contains("no-such-folder"), "{err}");
    assert_eq!(names_in(out.path()), ["map.png"]);
}

#[test]
fn open_imports_a_new_map_and_copies_a_different_one_with_a_taken_id() {
    let (_ws_dir, ws) = workspace();
    let out = tempfile::tempdir().unwrap();
    let m = map(1, "Bike shop");
    let path = out.path().join("bike.corridor.json");
    std::fs::write(&path, file::to_string(&m)).unwrap();
    let opened = ws.open_file(&path, Uuid::from_u128(99), at(1)).unwrap();
    assert_eq!(opened.outcome, OpenOutcome::Imported);
    assert_eq!(
        (opened.summary.id, opened.summary.title.as_str()),
        (m.id, "Bike shop")
    );
    assert_eq!(ws.get(m.id).unwrap(), m);

    let mut changed = m.clone();
    changed.title = "Bike shop, revised".into();
    let other = out.path().join("revised.corridor.json");
    std::fs::write(&other, file::to_string(&changed)).unwrap();
    let opened = ws.open_file(&other, Uuid::from_u128(99), at(2)).unwrap();
    assert_eq!(opened.outcome, OpenOutcome::Copy);
    assert_eq!(opened.summary.id, Uuid::from_u128(99));
    assert_eq!(
        ws.get(m.id).unwrap().title,
        "Bike shop",
        "the map in the workspace is untouched"
    );
    assert_eq!(
        ws.get(Uuid::from_u128(99)).unwrap().title,
        "Bike shop, revised"
    );

    let recent: Vec<String> = ws.recent_files().into_iter().map(|r| r.title).collect();
    assert_eq!(recent, ["Bike shop, revised", "Bike shop"], "newest first");
    // Opening the first file again moves it to the top, once.
    ws.open_file(&path, Uuid::from_u128(98), at(3)).unwrap();
    let recent: Vec<String> = ws.recent_files().into_iter().map(|r| r.title).collect();
    assert_eq!(recent, ["Bike shop", "Bike shop, revised"]);
    // The list is kept with the workspace: a reopened workspace has it.
    let dir = ws.path().to_path_buf();
    drop(ws);
    let ws = Workspace::open(&dir).unwrap();
    assert_eq!(ws.recent_files().len(), 2);
}

#[test]
fn a_malformed_or_newer_file_is_refused_and_changes_nothing() {
    let (_ws_dir, ws) = workspace();
    let out = tempfile::tempdir().unwrap();
    let bad = out.path().join("bad.corridor.json");
    std::fs::write(&bad, "{\"format_version\": 1, \"map\": {\"id\": 3").unwrap();
    let err = ws.open_file(&bad, Uuid::from_u128(99), at(1)).unwrap_err();
    assert!(matches!(err, StoreError::BadFile { .. }), "{err}");
    assert!(err.to_string().contains("bad.corridor.json"), "{err}");

    let mut text = file::to_string(&map(1, "From the future"));
    text = text.replacen("\"format_version\": 1", "\"format_version\": 99", 1);
    let newer = out.path().join("newer.corridor.json");
    std::fs::write(&newer, text).unwrap();
    let err = ws
        .open_file(&newer, Uuid::from_u128(99), at(1))
        .unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::BadFile {
                source: FileError::NewerVersion { found: 99, .. },
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("newer"), "{err}");

    let err = ws
        .open_file(
            &out.path().join("missing.corridor.json"),
            Uuid::from_u128(99),
            at(1),
        )
        .unwrap_err();
    assert!(matches!(err, StoreError::ReadFile { .. }), "{err}");

    assert!(ws.list().unwrap().is_empty(), "nothing was added");
    assert!(
        ws.recent_files().is_empty(),
        "a refused file is not a recent one"
    );
}

fn score_table(map: Uuid, bytes: u64) -> DatasetInfo {
    DatasetInfo {
        id: Uuid::from_u128(0xD001),
        map,
        name: "survey.csv".into(),
        source: "survey.csv".into(),
        settings: ImportSettings {
            delimiter: Some(','),
            has_header: Some(true),
            ..ImportSettings::detect(DatasetKind::ScoreTable, DataFormat::Csv)
        },
        imported: at(1),
        bytes,
        rows: 3,
        bad_rows: 0,
    }
}

#[test]
fn exports_use_the_maps_datasets_and_the_gap_tables_need_one() {
    let (_ws_dir, ws) = workspace();
    let m = map(1, "Bike shop");
    ws.create(&m, at(0)).unwrap();
    let out = tempfile::tempdir().unwrap();
    let json = out.path().join("gaps.json");
    let err = ws
        .export_to(m.id, ExportKind::GapJson, &json, at(1))
        .unwrap_err();
    assert!(err.to_string().contains("no dataset"), "{err}");
    assert!(!json.exists());

    // "Reads a review" scores 3 and 5 (mean 4, target 4: gap 0); "Orders online" 2 (gap −2).
    // A score table has no cases, so reach is 1 and the impact of the one negative gap is
    // |−2| × 1 × 1 = 2.
    let csv = "touchpoint,score\nReads a review,3\nReads a review,5\nOrders online,2\n";
    let info = score_table(m.id, csv.len() as u64);
    ws.dataset_put(&info, &mut csv.as_bytes(), &mut Quiet)
        .unwrap();

    ws.export_to(m.id, ExportKind::GapJson, &json, at(1))
        .unwrap();
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(doc["source"], "survey.csv");
    let tps = &doc["tables"]["touchpoints"];
    assert_eq!(
        (tps[0]["mean"].as_f64(), tps[0]["gap"].as_f64()),
        (Some(4.0), Some(0.0))
    );
    assert_eq!(
        (tps[1]["mean"].as_f64(), tps[1]["gap"].as_f64()),
        (Some(2.0), Some(-2.0))
    );
    let p = &doc["tables"]["priority"];
    assert_eq!(p.as_array().unwrap().len(), 1);
    assert_eq!(
        (p[0]["title"].as_str(), p[0]["impact"].as_f64()),
        (Some("Orders online"), Some(2.0))
    );

    let zip = out.path().join("gaps.zip");
    ws.export_to(m.id, ExportKind::GapCsv, &zip, at(1)).unwrap();
    assert!(std::fs::read(&zip).unwrap().starts_with(b"PK\x03\x04"));

    // The picture is coloured by the gaps and the report has the gap section.
    let svg = String::from_utf8(ws.export_bytes(m.id, ExportKind::Svg).unwrap()).unwrap();
    assert!(
        svg.contains("Observed 2 · gap -2"),
        "the gap line on the card"
    );
    let md = String::from_utf8(ws.export_bytes(m.id, ExportKind::ReportMarkdown).unwrap()).unwrap();
    assert!(
        md.contains("**Observed data:** survey.csv: 0 cases, 0 events, 3 score rows"),
        "{md}"
    );
    let pdf = ws
        .export_bytes(
            m.id,
            ExportKind::Pdf {
                paper: Paper::Letter,
            },
        )
        .unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let png = ws
        .export_bytes(m.id, ExportKind::Png { scale: 0.5 })
        .unwrap();
    assert!(png.starts_with(b"\x89PNG"));
    assert_eq!(names_in(out.path()), ["gaps.json", "gaps.zip"]);
}

#[test]
fn suggested_file_names_are_tame() {
    assert_eq!(
        ExportKind::Png { scale: 2.0 }.file_name("Onboarding: 2027 / EU"),
        "Onboarding-2027-EU.png"
    );
    assert_eq!(ExportKind::Native.file_name("../.."), "map.corridor.json");
    assert_eq!(ExportKind::ReportHtml.file_name("Tiny"), "Tiny-report.html");
    assert_eq!(ExportKind::GapCsv.file_name("Tiny"), "Tiny-gaps.zip");
}
