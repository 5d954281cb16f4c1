//! The commands that work on a workspace: import, list, export-file; and the lock.

use std::path::Path;

use corridor_core::file;
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

#[test]
fn import_list_export_gives_back_each_example() {
    let ws = tempfile::tempdir().unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    for path in example_paths() {
        let text = std::fs::read_to_string(&path).unwrap();
        let map = file::from_str(&text).unwrap();

        let (code, out, err) = in_workspace(ws.path(), &["import", path.to_str().unwrap()]);
        assert_eq!(code, 0, "{err}");
        assert_eq!(out, format!("{}\n", map.id));

        let (code, out, err) = in_workspace(ws.path(), &["list"]);
        assert_eq!(code, 0, "{err}");
        let line = out
            .lines()
            .find(|l| l.starts_with(&map.id.to_string()))
            .unwrap_or_else(|| panic!("{} not listed: {out}", map.id));
        assert!(line.contains(&format!("  {}  (", map.title)), "{line}");
        assert!(
            line.contains(&format!("({} stages, ", map.stages.len())),
            "{line}"
        );
        assert!(
            line.contains(&format!(", {} touchpoints", map.touchpoints.len())),
            "{line}"
        );

        let exported = out_dir.path().join(path.file_name().unwrap());
        let (code, _, err) = in_workspace(
            ws.path(),
            &[
                "export-file",
                &map.id.to_string(),
                exported.to_str().unwrap(),
            ],
        );
        assert_eq!(code, 0, "{err}");
        assert!(
            std::fs::read(&exported).unwrap() == text.as_bytes(),
            "{} exported differently",
            path.display()
        );
    }
    let (_, out, _) = in_workspace(ws.path(), &["list"]);
    assert_eq!(out.lines().count(), example_paths().len(), "{out}");
}

#[test]
fn the_workspace_can_come_from_the_environment() {
    let ws = tempfile::tempdir().unwrap();
    let path = &example_paths()[0];
    let id = file::from_str(&std::fs::read_to_string(path).unwrap())
        .unwrap()
        .id;
    let (code, _, err) = outcome(
        corridor()
            .env("CORRIDOR_WORKSPACE", ws.path())
            .arg("import")
            .arg(path)
            .output()
            .unwrap(),
    );
    assert_eq!(code, 0, "{err}");
    let (_, out, _) = in_workspace(ws.path(), &["list"]);
    assert!(out.starts_with(&id.to_string()), "{out}");
}

#[test]
fn an_empty_workspace_lists_nothing() {
    let ws = tempfile::tempdir().unwrap();
    let (code, out, err) = in_workspace(ws.path(), &["list"]);
    assert_eq!((code, out.as_str()), (0, ""));
    assert!(err.contains("holds no maps"), "{err}");
}

#[test]
fn exporting_an_unknown_id_exits_3() {
    let ws = tempfile::tempdir().unwrap();
    let out = ws.path().join("out.corridor.json");
    let id = "00000000-0000-0000-0000-00000000beef";
    let (code, _, err) = in_workspace(ws.path(), &["export-file", id, out.to_str().unwrap()]);
    assert_eq!(code, 3, "{err}");
    assert!(err.contains(&format!("no map with id {id}")), "{err}");
    assert!(!out.exists());
}

#[test]
fn importing_a_map_with_problems_exits_1_and_stores_nothing() {
    let ws = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut map = file::from_str(&std::fs::read_to_string(&example_paths()[0]).unwrap()).unwrap();
    map.title = String::new();
    let path = dir.path().join("untitled.corridor.json");
    std::fs::write(&path, file::to_string(&map)).unwrap();
    let (code, _, err) = in_workspace(ws.path(), &["import", path.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("title: "), "{err}");
    // Importing the same file twice: the second is refused, and is not an input problem.
    let good = &example_paths()[0];
    assert_eq!(
        in_workspace(ws.path(), &["import", good.to_str().unwrap()]).0,
        0
    );
    let (code, _, err) = in_workspace(ws.path(), &["import", good.to_str().unwrap()]);
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("already holds"), "{err}");
    let (_, out, _) = in_workspace(ws.path(), &["list"]);
    assert_eq!(out.lines().count(), 1, "{out}");
}

#[test]
fn a_workspace_held_by_another_process_is_locked() {
    let dir = tempfile::tempdir().unwrap();
    let held = Workspace::open(dir.path()).unwrap();
    let (code, _, err) = in_workspace(dir.path(), &["list"]);
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("in use by another Corridor"), "{err}");
    drop(held);
}
