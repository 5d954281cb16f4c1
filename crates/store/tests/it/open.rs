//! Opening a workspace: durability, the layout version, damage, and the lock.

use corridor_store::{StoreError, Workspace};

use crate::common::{at, dump, map, poke, workspace};

#[test]
fn maps_survive_closing_and_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (map(1, "One"), map(2, "Two"));
    {
        let ws = Workspace::open(dir.path()).unwrap();
        assert_eq!(ws.path(), dir.path());
        ws.create(&a, at(1)).unwrap();
        ws.create(&b, at(2)).unwrap();
        ws.delete(b.id).unwrap();
    }
    let ws = Workspace::open(dir.path()).unwrap();
    assert_eq!(ws.get(a.id).unwrap(), a);
    assert!(matches!(ws.get(b.id), Err(StoreError::NotFound { .. })));
    let list = ws.list().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].saved_at, at(1));
}

#[test]
fn open_creates_the_directory() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("a/b/workspace");
    let ws = Workspace::open(&nested).unwrap();
    ws.create(&map(1, "Deep"), at(0)).unwrap();
    assert!(nested.is_dir());
}

#[test]
fn a_new_workspace_records_its_layout_version() {
    let dir = tempfile::tempdir().unwrap();
    drop(Workspace::open(dir.path()).unwrap());
    let meta = &dump(dir.path())[b"meta".as_slice()];
    assert_eq!(
        meta.get(b"schema_version".as_slice()),
        Some(&corridor_store::SCHEMA_VERSION.to_be_bytes().to_vec())
    );
}

#[test]
fn a_newer_layout_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    {
        let ws = Workspace::open(dir.path()).unwrap();
        ws.create(&map(1, "Old"), at(0)).unwrap();
    }
    let newer = corridor_store::SCHEMA_VERSION + 1;
    poke(dir.path(), "meta", b"schema_version", &newer.to_be_bytes());
    let before = dump(dir.path());

    match Workspace::open(dir.path()) {
        Err(err @ StoreError::NewerSchema { .. }) => {
            let StoreError::NewerSchema {
                path,
                found,
                supported,
            } = &err
            else {
                unreachable!()
            };
            let current = corridor_store::SCHEMA_VERSION;
            assert_eq!(
                (path.as_path(), *found, *supported),
                (dir.path(), newer, current)
            );
            let shown = err.to_string();
            assert!(
                shown.contains(&format!("version {newer}"))
                    && shown.contains(&format!("up to {current}")),
                "{shown}"
            );
        }
        other => panic!("expected NewerSchema, got {other:?}"),
    }
    assert_eq!(dump(dir.path()), before);
}

#[test]
fn a_newer_layout_without_our_trees_gains_none() {
    // A future layout may have renamed `maps`: refusing it must not create one.
    let dir = tempfile::tempdir().unwrap();
    poke(dir.path(), "meta", b"schema_version", &9u32.to_be_bytes());
    let before = dump(dir.path());
    assert!(!before.contains_key(b"maps".as_slice()));
    assert!(matches!(
        Workspace::open(dir.path()),
        Err(StoreError::NewerSchema { found: 9, .. })
    ));
    assert_eq!(dump(dir.path()), before);
}

#[test]
fn a_damaged_layout_version_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    poke(dir.path(), "meta", b"schema_version", &[0, 1, 2]);
    assert!(matches!(
        Workspace::open(dir.path()),
        Err(StoreError::CorruptMeta { path }) if path == dir.path()
    ));
}

#[test]
fn a_damaged_record_names_its_map() {
    let dir = tempfile::tempdir().unwrap();
    let m = map(1, "Fine");
    {
        let ws = Workspace::open(dir.path()).unwrap();
        ws.create(&m, at(0)).unwrap();
    }
    // Record version 9 does not exist.
    poke(dir.path(), "maps", m.id.as_bytes(), b"\x09{}");
    poke(dir.path(), "summaries", m.id.as_bytes(), b"\x09{}");
    let ws = Workspace::open(dir.path()).unwrap();
    for result in [ws.get(m.id).map(drop), ws.list().map(drop)] {
        match result {
            Err(StoreError::CorruptRecord { key, message }) => {
                assert_eq!(key, m.id.to_string());
                assert!(message.contains('9'), "{message}");
            }
            other => panic!("expected CorruptRecord, got {other:?}"),
        }
    }
}

#[test]
fn a_workspace_open_elsewhere_is_locked() {
    let (dir, _ws) = workspace();
    match Workspace::open(dir.path()) {
        Err(err @ StoreError::Locked { .. }) => {
            assert!(err.to_string().contains("in use"), "{err}");
        }
        other => panic!("expected Locked, got {other:?}"),
    }
}

#[test]
fn the_lock_ends_when_the_workspace_is_dropped() {
    let (dir, ws) = workspace();
    drop(ws);
    let again = Workspace::open(dir.path()).unwrap();
    assert!(again.list().unwrap().is_empty());
}
