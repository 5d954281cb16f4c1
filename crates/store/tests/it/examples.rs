//! Native files in and out, and the examples a new workspace starts with.

use std::collections::BTreeSet;

use corridor_core::examples::EXAMPLES;
use corridor_core::{file, FileError, Id};
use corridor_store::{StoreError, Workspace};

use crate::common::{at, example_files, map, workspace};

#[test]
fn import_then_export_gives_back_each_example_byte_for_byte() {
    let (_dir, ws) = workspace();
    for (name, text) in example_files() {
        let id = ws
            .import_text(&text, at(1))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let expected = file::from_str(&text).unwrap();
        assert_eq!(id, expected.id, "{name}: the map keeps its id");
        assert_eq!(ws.get(id).unwrap(), expected, "{name}");
        assert!(
            ws.export_text(id).unwrap() == text,
            "{name}: export differs"
        );
    }
    assert_eq!(ws.list().unwrap().len(), example_files().len());
}

#[test]
fn importing_the_same_file_twice_is_refused() {
    let (_dir, ws) = workspace();
    let (_, text) = &example_files()[0];
    let id = ws.import_text(text, at(1)).unwrap();
    assert!(matches!(
        ws.import_text(text, at(2)),
        Err(StoreError::AlreadyExists { id: again, .. }) if again == id
    ));
    assert_eq!(ws.list().unwrap()[0].saved_at, at(1));
}

#[test]
fn importing_a_broken_file_stores_nothing() {
    let (_dir, ws) = workspace();
    let text =
        file::to_string(&map(1, "Ok")).replace("\"format_version\": 1", "\"format_version\": 3");
    match ws.import_text(&text, at(0)) {
        Err(StoreError::BadFile { source, .. }) => {
            assert_eq!(
                source,
                FileError::NewerVersion {
                    found: 3,
                    supported: 1
                }
            );
        }
        other => panic!("expected BadFile, got {other:?}"),
    }
    // A file that reads but does not validate.
    let mut bad = map(2, "Bad");
    bad.touchpoints[0].target_score = Some(11.0);
    match ws.import_text(&file::to_string(&bad), at(0)) {
        Err(StoreError::Invalid { problems, .. }) => {
            assert_eq!(problems[0].path, "touchpoints[0].target_score");
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
    assert!(matches!(
        ws.import_text("{ not json", at(0)),
        Err(StoreError::BadFile {
            source: FileError::Syntax { .. },
            ..
        })
    ));
    assert!(ws.list().unwrap().is_empty());
}

fn example_ids() -> BTreeSet<Id> {
    EXAMPLES
        .iter()
        .map(|(_, text)| file::from_str(text).unwrap().id)
        .collect()
}

fn listed_ids(ws: &Workspace) -> BTreeSet<Id> {
    ws.list().unwrap().into_iter().map(|s| s.id).collect()
}

#[test]
fn seeding_adds_the_examples_exactly_once() {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::open(dir.path()).unwrap();
    assert_eq!(ws.seed_examples().unwrap(), EXAMPLES.len());
    assert_eq!(listed_ids(&ws), example_ids());
    assert_eq!(ws.list().unwrap().len(), EXAMPLES.len());
    for (name, text) in EXAMPLES {
        let id = file::from_str(text).unwrap().id;
        assert!(ws.export_text(id).unwrap() == *text, "{name}");
    }

    // Again: nothing more.
    assert_eq!(ws.seed_examples().unwrap(), 0);
    assert_eq!(ws.list().unwrap().len(), EXAMPLES.len());

    // The user deletes them all; reopening and seeding does not bring them back.
    for id in example_ids() {
        ws.delete(id).unwrap();
    }
    drop(ws);
    let ws = Workspace::open(dir.path()).unwrap();
    assert_eq!(ws.seed_examples().unwrap(), 0);
    assert!(ws.list().unwrap().is_empty());
}

#[test]
fn a_workspace_that_already_holds_maps_is_not_seeded() {
    let (_dir, ws) = workspace();
    let own = map(1, "Mine");
    ws.create(&own, at(0)).unwrap();
    assert_eq!(ws.seed_examples().unwrap(), 0);
    assert_eq!(listed_ids(&ws), BTreeSet::from([own.id]));
    // Not later either, once it is empty.
    ws.delete(own.id).unwrap();
    assert_eq!(ws.seed_examples().unwrap(), 0);
    assert!(ws.list().unwrap().is_empty());
}
