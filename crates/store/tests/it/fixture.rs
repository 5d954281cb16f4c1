//! The committed fixture stores: one per released store layout, written by the code of that
//! layout, and opened (migrated) by every later build.
//!
//! `tests/fixtures/v<N>/` is a sled directory as version N of the store wrote it. To add the
//! fixture of a new layout, once its code is final:
//!
//! ```sh
//! CORRIDOR_WRITE_FIXTURE=1 cargo test -p corridor-store --test it fixture::write -- --ignored
//! ```
//!
//! which writes `tests/fixtures/v<current>/` with the steps below. Never rewrite an older one.

use std::path::{Path, PathBuf};

use corridor_core::data::*;
use corridor_store::{Change, Workspace};

use crate::common::{at, map};

/// The directory of the fixture of one layout version.
pub fn fixture_dir(version: u32) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/v{version}"))
}

/// What the fixtures hold, written through that version's API. Every version: the seeded
/// examples; "Buying a sofa" (map 1) created at minute 5 and saved again, retitled "Buying a
/// sofa, revised", at minute 9; "Short-lived" (map 2) created and deleted. From version 2: a
/// lane card added to the sofa map and undone, the revision named "fixture snapshot", and a
/// dataset of 12 bytes beside it.
fn write_steps(ws: &Workspace) {
    ws.seed_examples().unwrap();
    let mut sofa = map(1, "Buying a sofa");
    ws.create(&sofa, at(5)).unwrap();
    sofa.title = "Buying a sofa, revised".into();
    ws.save(&sofa, at(9)).unwrap();
    let gone = map(2, "Short-lived");
    ws.create(&gone, at(6)).unwrap();
    ws.delete(gone.id).unwrap();
    // Version 2.
    ws.apply(sofa.id, 1, &crate::common::add_card(&sofa, 1), at(10))
        .unwrap();
    ws.undo(sofa.id, Some(2), at(11)).unwrap();
    ws.snapshot(sofa.id, "fixture snapshot", at(12)).unwrap();
    ws.dataset_put(&fixture_dataset(), &mut &b"a,b\n1,2\n3,4\n"[..], &mut Quiet)
        .unwrap();
}

fn fixture_dataset() -> DatasetInfo {
    DatasetInfo {
        id: uuid::Uuid::from_u128(0xDA7A),
        map: map(1, "x").id,
        name: "fixture data".into(),
        source: "fixture.csv".into(),
        settings: ImportSettings {
            delimiter: Some(','),
            has_header: Some(true),
            ..ImportSettings::detect(DatasetKind::EventLog, DataFormat::Csv)
        },
        imported: at(13),
        bytes: 12,
        rows: 0,
        bad_rows: 0,
    }
}

#[test]
#[ignore = "writes a fixture store; run by hand when a layout is released"]
fn write() {
    if std::env::var_os("CORRIDOR_WRITE_FIXTURE").is_none() {
        return;
    }
    let version = corridor_store::SCHEMA_VERSION;
    let dir = fixture_dir(version);
    assert!(
        !dir.exists(),
        "{} exists: fixtures of released layouts are never rewritten",
        dir.display()
    );
    let ws = Workspace::open(&dir).unwrap();
    write_steps(&ws);
    drop(ws);
    // sled lets go of the directory a moment after the drop.
    std::thread::sleep(std::time::Duration::from_millis(200));
    // The record of a clean close describes this machine's copy only.
    let _ = std::fs::remove_file(dir.join("corridor-closed.json"));
    eprintln!("wrote {}", dir.display());
}

/// A copy of a fixture in a temporary directory: opening a store writes to it.
pub fn copy_fixture(version: u32) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let from = fixture_dir(version);
    for entry in walk(&from) {
        let to = tmp.path().join(entry.strip_prefix(&from).unwrap());
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&entry, &to).unwrap();
    }
    tmp
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// The maps a fixture holds, checked through the current API.
fn check_fixture_contents(ws: &Workspace) {
    use std::collections::BTreeSet;

    let examples: Vec<corridor_core::JourneyMap> = corridor_core::examples::EXAMPLES
        .iter()
        .map(|(_, text)| corridor_core::file::from_str(text).unwrap())
        .collect();
    let mut sofa = map(1, "Buying a sofa");
    sofa.title = "Buying a sofa, revised".into();

    let listed = ws.list().unwrap();
    let titles: BTreeSet<&str> = listed.iter().map(|s| s.title.as_str()).collect();
    let mut expected: BTreeSet<&str> = examples.iter().map(|m| m.title.as_str()).collect();
    expected.insert("Buying a sofa, revised");
    assert_eq!(titles, expected);
    let sofa_summary = listed.iter().find(|s| s.id == sofa.id).unwrap();
    assert_eq!(sofa_summary.saved_at, at(9));
    assert_eq!(sofa_summary.persona.as_deref(), Some("Ana"));
    assert_eq!(ws.get(sofa.id).unwrap(), sofa);
    for example in &examples {
        assert_eq!(&ws.get(example.id).unwrap(), example, "{}", example.title);
    }
    assert!(ws.get(map(2, "Short-lived").id).is_err());
}

#[test]
fn the_version_1_fixture_opens_with_every_map() {
    let dir = copy_fixture(1);
    let ws = Workspace::open(dir.path()).unwrap();
    check_fixture_contents(&ws);
}

#[test]
fn the_version_1_fixture_migrates_to_the_current_layout_and_takes_edits() {
    let dir = copy_fixture(1);
    let sofa = map(1, "Buying a sofa");
    {
        let ws = Workspace::open(dir.path()).unwrap();
        assert!(ws.list().unwrap().iter().all(|s| s.revision == 0));
        let state = ws.state(sofa.id).unwrap();
        assert_eq!(state.revision, 0);
        assert!(!state.can_undo);
        let applied = ws
            .apply(sofa.id, 0, &crate::common::add_card(&state.map, 1), at(20))
            .unwrap();
        assert_eq!(applied.revision, 1);
        ws.undo(sofa.id, Some(1), at(21)).unwrap();
        assert!(ws.get(sofa.id).unwrap().lane_cards.is_empty());
    }
    let dump = crate::common::dump(dir.path());
    assert_eq!(
        dump[b"meta".as_slice()][b"schema_version".as_slice()],
        corridor_store::SCHEMA_VERSION.to_be_bytes()
    );
    // Every map record was rewritten in the current record version, with a summary beside it.
    let maps = &dump[b"maps".as_slice()];
    assert_eq!(maps.len(), 3);
    assert!(maps.values().all(|v| v[0] == 2));
    assert_eq!(dump[b"summaries".as_slice()].len(), 3);
    // And it reopens as it was left.
    let ws = Workspace::open(dir.path()).unwrap();
    assert_eq!(ws.state(sofa.id).unwrap().revision, 2);
    check_fixture_contents_after_edits(&ws);
}

/// The fixture's maps, after the migration test's edit and undo (the sofa's `modified` moved).
fn check_fixture_contents_after_edits(ws: &Workspace) {
    let listed = ws.list().unwrap();
    assert_eq!(listed.len(), 3);
    let sofa = listed.iter().find(|s| s.id == map(1, "x").id).unwrap();
    assert_eq!(sofa.title, "Buying a sofa, revised");
    assert_eq!((sofa.saved_at, sofa.revision), (at(21), 2));
}

#[test]
fn the_version_2_fixture_opens_with_its_history_snapshot_and_dataset() {
    let dir = copy_fixture(2);
    let ws = Workspace::open(dir.path()).unwrap();
    let sofa = map(1, "x").id;
    let listed = ws.list().unwrap();
    assert_eq!(listed.len(), 3);
    let summary = listed.iter().find(|s| s.id == sofa).unwrap();
    assert_eq!(
        (summary.title.as_str(), summary.revision),
        ("Buying a sofa, revised", 3)
    );

    let history = ws.history(sofa, 10).unwrap();
    let changes: Vec<Change> = history.entries.iter().map(|e| e.change).collect();
    assert_eq!(
        changes,
        [Change::Undo { of: 2 }, Change::Edit, Change::Edit]
    );
    assert_eq!(history.redo.as_deref(), Some("redo add lane card"));
    assert_eq!(history.snapshots.len(), 1);
    assert_eq!(
        history.snapshots[0].name.as_deref(),
        Some("fixture snapshot")
    );
    assert_eq!(ws.revision(sofa, 2).unwrap().lane_cards.len(), 1);

    let datasets = ws.datasets(sofa).unwrap();
    assert_eq!(datasets, [fixture_dataset()]);
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut ws.dataset_reader(datasets[0].id).unwrap(), &mut bytes)
        .unwrap();
    assert_eq!(bytes, b"a,b\n1,2\n3,4\n");
    // And it takes edits: redo the undone card.
    ws.redo(sofa, Some(3), at(20)).unwrap();
    assert_eq!(ws.get(sofa).unwrap().lane_cards.len(), 1);
}
