//! create, duplicate, rename and delete: maps made and removed in a workspace from the command
//! line, through the same store API as the app.

use std::path::Path;

use corridor_core::Template;
use corridor_store::Workspace;

use crate::common::{corridor, outcome};

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

/// (id, title) of every map, most recently saved first, read with the store itself.
fn maps(dir: &Path) -> Vec<(String, String)> {
    let ws = Workspace::open(dir).unwrap();
    ws.list()
        .unwrap()
        .into_iter()
        .map(|s| (s.id.to_string(), s.title))
        .collect()
}

#[test]
fn create_duplicate_rename_delete() {
    let ws = tempfile::tempdir().unwrap();
    let dir = ws.path();

    let (code, out, err) = in_workspace(
        dir,
        &[
            "create",
            "--template",
            "public-service",
            "--title",
            "Passport renewal",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let id = out.trim().to_string();
    assert!(err.contains("Public service journey"), "{err}");
    {
        let store = Workspace::open(dir).unwrap();
        let map = store.get(uuid::Uuid::parse_str(&id).unwrap()).unwrap();
        let stages: Vec<&str> = map.stages.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(stages, Template::PublicService.stage_names());
    }

    let (code, out, err) = in_workspace(dir, &["duplicate", &id]);
    assert_eq!(code, 0, "{err}");
    let copy = out.trim().to_string();
    assert_ne!(copy, id);
    assert!(err.contains("Passport renewal (copy)"), "{err}");

    let (code, _, err) = in_workspace(dir, &["rename", &copy, "Passport, first time"]);
    assert_eq!(code, 0, "{err}");
    let mut listed = maps(dir);
    listed.sort();
    let mut expected = vec![
        (id.clone(), "Passport renewal".to_string()),
        (copy.clone(), "Passport, first time".to_string()),
    ];
    expected.sort();
    assert_eq!(listed, expected);

    // The rename is an edit: undo takes it back.
    let (code, _, err) = in_workspace(dir, &["undo", &copy]);
    assert_eq!(code, 0, "{err}");
    assert!(maps(dir).contains(&(copy.clone(), "Passport renewal (copy)".to_string())));

    let (code, _, err) = in_workspace(dir, &["delete", &id]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("deleted \"Passport renewal\""), "{err}");
    assert_eq!(
        maps(dir),
        [(copy.clone(), "Passport renewal (copy)".to_string())]
    );
}

#[test]
fn bad_requests_say_what_and_change_nothing() {
    let ws = tempfile::tempdir().unwrap();
    let dir = ws.path();
    let (code, out, err) = in_workspace(dir, &["create", "--title", "  "]);
    assert_eq!((code, out.as_str()), (1, ""), "{err}");
    assert!(err.contains("title is empty"), "{err}");
    assert!(maps(dir).is_empty());

    let (code, _, err) = in_workspace(dir, &["create", "--template", "nope", "--title", "x"]);
    assert_eq!(code, 2, "{err}");

    let (code, out, _) = in_workspace(dir, &["create", "--title", "Kept"]);
    assert_eq!(code, 0);
    let id = out.trim().to_string();
    let (code, _, err) = in_workspace(dir, &["rename", &id, ""]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("title is empty"), "{err}");

    let missing = uuid::Uuid::from_u128(404).to_string();
    for args in [vec!["delete", &missing], vec!["duplicate", &missing]] {
        let (code, _, err) = in_workspace(dir, &args);
        assert_eq!(code, 3, "{args:?}: {err}");
        assert!(err.contains(&missing), "{args:?}: {err}");
    }
    let (code, _, err) = in_workspace(dir, &["delete", "not-an-id"]);
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("is not a map id"), "{err}");
    assert_eq!(maps(dir), [(id, "Kept".to_string())]);
}
