//! A store that cannot be opened as it should: damaged files, a path that is no folder; and
//! salvage, which gets the maps out of it without writing to it.

use std::path::Path;

use corridor_core::file;
use corridor_store::{salvage, StoreError, Workspace};

use crate::common::{add_card, at, map};

/// A workspace with three maps (one edited past its checkpoint), closed.
fn three_maps(dir: &Path) -> Vec<corridor_core::JourneyMap> {
    let ws = Workspace::open(dir).unwrap();
    let maps = vec![map(1, "First"), map(2, "Second"), map(3, "Third")];
    for m in &maps {
        ws.create(m, at(0)).unwrap();
    }
    ws.apply(maps[0].id, 0, &add_card(&maps[0], 1), at(1))
        .unwrap();
    let out = maps.iter().map(|m| ws.get(m.id).unwrap()).collect();
    drop(ws);
    out
}

fn overwrite(path: &Path, at: u64, bytes: &[u8]) {
    use std::io::{Seek, SeekFrom, Write};
    let mut f = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    f.seek(SeekFrom::Start(at)).unwrap();
    f.write_all(bytes).unwrap();
    f.sync_all().unwrap();
}

fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn a_store_whose_log_was_overwritten_is_refused_and_a_copy_kept() {
    let dir = tempfile::tempdir().unwrap();
    let maps = three_maps(dir.path());
    overwrite(&dir.path().join("db"), 0, &[0xAB; 64]);
    let damaged = std::fs::read(dir.path().join("db")).unwrap();

    let err = Workspace::open(dir.path()).unwrap_err();
    let copy = dir.path().join("before-open");
    match &err {
        StoreError::Damaged {
            path,
            detail,
            preserved,
        } => {
            assert_eq!(path, dir.path());
            assert_eq!(detail, "3 of the 3 maps it should hold cannot be found");
            assert_eq!(preserved.as_deref(), Some(copy.as_path()));
        }
        other => panic!("expected Damaged, got {other:?}"),
    }
    let text = err.to_string();
    assert!(text.contains("export what can be read"), "{text}");
    assert!(text.contains(&dir.path().display().to_string()), "{text}");
    // The copy holds the log as it was before sled opened it.
    assert!(std::fs::read(copy.join("db")).unwrap() == damaged);

    // Opening again is refused again, and the first copy stays as it was.
    assert!(matches!(
        Workspace::open(dir.path()),
        Err(StoreError::Damaged { .. })
    ));
    assert!(std::fs::read(copy.join("db")).unwrap() == damaged);

    // Salvage finds every map in the copy's bytes, at its latest checkpoint.
    let out = tempfile::tempdir().unwrap();
    let report = salvage(dir.path(), out.path()).unwrap();
    let mut titles: Vec<&str> = report.written.iter().map(|w| w.title.as_str()).collect();
    titles.sort();
    assert_eq!(titles, ["First", "Second", "Third"]);
    for m in &maps[1..] {
        let written = report.written.iter().find(|w| w.id == m.id).unwrap();
        let text = std::fs::read_to_string(&written.file).unwrap();
        assert_eq!(file::from_str(&text).unwrap(), *m);
        assert_eq!(written.problems, 0);
    }
}

#[test]
fn a_damaged_config_file_is_reported_with_the_path_and_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    three_maps(dir.path());
    std::fs::write(dir.path().join("conf"), "this is not sled's config").unwrap();
    match Workspace::open(dir.path()) {
        Err(err @ StoreError::Damaged { .. }) => {
            let text = err.to_string();
            assert!(text.contains(&dir.path().display().to_string()), "{text}");
            assert!(text.contains("nothing was deleted"), "{text}");
        }
        other => panic!("expected Damaged, got {other:?}"),
    }
    assert!(dir.path().join("db").exists());
}

#[test]
fn a_path_that_is_a_file_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let not_a_dir = dir.path().join("workspace");
    std::fs::write(&not_a_dir, "hello").unwrap();
    let err = Workspace::open(&not_a_dir).unwrap_err();
    assert!(
        err.to_string().contains(&not_a_dir.display().to_string()),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&not_a_dir).unwrap(), "hello");
}

#[test]
fn after_a_crash_the_store_is_checked_and_the_copy_removed() {
    let dir = tempfile::tempdir().unwrap();
    let maps = three_maps(dir.path());
    // No record of a clean close: as after a crash.
    std::fs::remove_file(dir.path().join("corridor-closed.json")).unwrap();
    let ws = Workspace::open(dir.path()).unwrap();
    assert!(!dir.path().join("before-open").exists());
    assert_eq!(ws.get(maps[0].id).unwrap(), maps[0]);
    assert_eq!(ws.list().unwrap().len(), 3);
}

#[test]
fn a_clean_close_is_recorded_and_vouches_for_one_open() {
    let dir = tempfile::tempdir().unwrap();
    three_maps(dir.path());
    let closed = dir.path().join("corridor-closed.json");
    assert!(closed.exists());
    let ws = Workspace::open(dir.path()).unwrap();
    assert!(!closed.exists(), "an open workspace is not closed");
    drop(ws);
    assert!(closed.exists());
}

#[test]
fn salvage_writes_every_map_and_never_touches_the_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let maps = three_maps(dir.path());
    let before = files(dir.path());
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("export");

    let report = salvage(dir.path(), &target).unwrap();
    assert_eq!(report.folder, target);
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    assert_eq!(report.written.len(), 3);
    for m in &maps {
        let written = report.written.iter().find(|w| w.id == m.id).unwrap();
        assert!(std::fs::read_to_string(&written.file).unwrap() == file::to_string(m));
    }
    // The journal's edit after the checkpoint is in: revision 1 of the first map.
    let first = report.written.iter().find(|w| w.id == maps[0].id).unwrap();
    assert_eq!(first.revision, Some(1));
    assert!(
        files(dir.path()) == before,
        "salvage wrote to the workspace"
    );

    // Again into the same folder: new names, nothing overwritten.
    let again = salvage(dir.path(), &target).unwrap();
    assert_eq!(std::fs::read_dir(&target).unwrap().count(), 6);
    assert!(again
        .written
        .iter()
        .all(|w| w.file.to_string_lossy().ends_with("-2.corridor.json")));
}

#[test]
fn salvage_of_a_folder_without_a_store_finds_nothing_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("db"), b"not a database at all").unwrap();
    let out = tempfile::tempdir().unwrap();
    let report = salvage(dir.path(), out.path()).unwrap();
    assert!(report.written.is_empty());
    assert_eq!(
        std::fs::read(dir.path().join("db")).unwrap(),
        b"not a database at all"
    );
}
