//! The commands on a map's history, headless: history, diff, snapshot, restore, undo, redo;
//! and salvage.

use std::path::Path;

use chrono::{DateTime, Utc};
use corridor_core::{file, Edit, JourneyMap};
use corridor_store::Workspace;

use crate::common::{corridor, example_paths, outcome};

fn in_workspace(dir: &Path, args: &[&str]) -> (i32, String, String) {
    outcome(
        corridor()
            .arg("--workspace")
            .arg(dir)
            .args(args)
            .output()
            .unwrap(),
    )
}

fn t(minutes: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_772_355_600 + minutes * 60, 0).unwrap()
}

/// A workspace holding the first example, renamed twice (revisions 1 and 2).
fn edited_workspace() -> (tempfile::TempDir, JourneyMap) {
    let dir = tempfile::tempdir().unwrap();
    let map = file::from_str(&std::fs::read_to_string(&example_paths()[0]).unwrap()).unwrap();
    let ws = Workspace::open(dir.path()).unwrap();
    ws.create(&map, t(0)).unwrap();
    ws.apply(
        map.id,
        0,
        &Edit::SetTitle {
            title: "Draft".into(),
        },
        t(1),
    )
    .unwrap();
    ws.apply(
        map.id,
        1,
        &Edit::SetTitle {
            title: "Final".into(),
        },
        t(2),
    )
    .unwrap();
    (dir, map)
}

#[test]
fn history_lists_revisions_and_what_undo_would_do() {
    let (dir, map) = edited_workspace();
    let id = map.id.to_string();
    let (code, out, err) = in_workspace(dir.path(), &["history", &id]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], format!("Final  ({id})  at revision 2"));
    assert_eq!(lines[1], "undo: undo rename map; redo: nothing");
    assert!(
        lines[2].starts_with("     2  ") && lines[2].ends_with("rename map"),
        "{out}"
    );
    assert!(lines[3].starts_with("     1  "), "{out}");
    assert!(out.contains("no snapshots"), "{out}");

    let (_, out, _) = in_workspace(dir.path(), &["history", &id, "--limit", "1"]);
    assert!(out.contains("… 1 older revision(s) back to 1"), "{out}");
}

#[test]
fn undo_redo_snapshot_restore_and_diff_work_headless() {
    let (dir, map) = edited_workspace();
    let id = map.id.to_string();
    let ws = dir.path();

    let (code, out, err) = in_workspace(ws, &["undo", &id]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "undo rename map: now at revision 3\n");
    let (code, out, _) = in_workspace(ws, &["redo", &id]);
    assert_eq!(
        (code, out.as_str()),
        (0, "redo rename map: now at revision 4\n")
    );

    let (code, out, err) = in_workspace(ws, &["snapshot", &id, "after the March workshop"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "revision 4 is now \"after the March workshop\": the first snapshot\n"
    );

    let (code, out, _) = in_workspace(ws, &["restore", &id, "0"]);
    assert_eq!(
        (code, out.as_str()),
        (0, "restore revision 0: now at revision 5\n")
    );
    let (_, out, _) = in_workspace(ws, &["list"]);
    assert!(out.contains(&format!("  {}  (", map.title)), "{out}");

    let (code, out, _) = in_workspace(ws, &["diff", &id, "4"]);
    assert_eq!(code, 0);
    assert_eq!(out, "from revision 4 to now: title changed\n");

    let (_, out, _) = in_workspace(ws, &["history", &id]);
    assert!(out.contains("restore revision 0"), "{out}");
    assert!(
        out.contains("\"after the March workshop\"  the first snapshot"),
        "{out}"
    );

    // Restoring the snapshot's revision names it.
    let (_, out, _) = in_workspace(ws, &["restore", &id, "4"]);
    assert_eq!(
        out,
        "restore \"after the March workshop\" (revision 4): now at revision 6\n"
    );
    let reopened = Workspace::open(ws).unwrap();
    assert_eq!(reopened.get(map.id).unwrap().title, "Final");
}

#[test]
fn what_cannot_be_done_exits_1_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let path = &example_paths()[0];
    let id = file::from_str(&std::fs::read_to_string(path).unwrap())
        .unwrap()
        .id
        .to_string();
    assert_eq!(
        in_workspace(dir.path(), &["import", path.to_str().unwrap()]).0,
        0
    );

    let (code, _, err) = in_workspace(dir.path(), &["undo", &id]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("has nothing to undo"), "{err}");
    let (code, _, err) = in_workspace(dir.path(), &["redo", &id]);
    assert_eq!(code, 1, "{err}");
    let (code, _, err) = in_workspace(dir.path(), &["restore", &id, "7"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("no revision 7 (it is at revision 0)"), "{err}");
    let (code, _, err) = in_workspace(dir.path(), &["snapshot", &id, "  "]);
    assert_eq!(code, 1, "{err}");
    let (code, _, err) = in_workspace(dir.path(), &["history", "not-an-id"]);
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("`not-an-id` is not a map id"), "{err}");
}

#[test]
fn salvage_writes_every_map_as_a_file() {
    let (dir, map) = edited_workspace();
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("rescued");
    let (code, stdout, err) = in_workspace(dir.path(), &["salvage", target.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("wrote 1 map(s) into"), "{err}");
    let written = stdout.split("  ").next().unwrap();
    let saved = file::from_str(&std::fs::read_to_string(written).unwrap()).unwrap();
    assert_eq!((saved.id, saved.title.as_str()), (map.id, "Final"));
}
