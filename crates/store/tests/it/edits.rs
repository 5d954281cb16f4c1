//! Edits through the workspace: applied, checked, durable; conflicts; undo and redo, also
//! across a restart.

use std::sync::{Arc, Barrier};

use corridor_core::*;
use corridor_store::{StoreError, Workspace};

use crate::common::{add_card, at, card_texts, map, workspace_with_map};

#[test]
fn an_edit_lands_at_the_next_revision_and_stays_after_a_restart() {
    let (dir, ws, m) = workspace_with_map();
    assert_eq!(ws.state(m.id).unwrap().revision, 0);
    let applied = ws.apply(m.id, 0, &add_card(&m, 1), at(1)).unwrap();
    assert_eq!(applied.revision, 1);
    assert_eq!(applied.summary, "add lane card");
    assert!(applied.can_undo && !applied.can_redo);
    let applied = ws
        .apply(
            m.id,
            1,
            &Edit::SetTitle {
                title: "Sofa, v2".into(),
            },
            at(2),
        )
        .unwrap();
    assert_eq!(applied.revision, 2);

    let summary = ws.list().unwrap().remove(0);
    assert_eq!(
        (summary.title.as_str(), summary.revision, summary.saved_at),
        ("Sofa, v2", 2, at(2))
    );
    drop(ws);

    let ws = Workspace::open(dir.path()).unwrap();
    let state = ws.state(m.id).unwrap();
    assert_eq!(state.revision, 2);
    assert_eq!(state.map.title, "Sofa, v2");
    assert_eq!(card_texts(&state.map), ["Card 1"]);
    assert_eq!(state.map.modified, at(2));
    assert_eq!(state.saved_at, at(2));
}

#[test]
fn a_stale_edit_is_a_conflict_and_changes_nothing() {
    let (_dir, ws, m) = workspace_with_map();
    ws.apply(m.id, 0, &add_card(&m, 1), at(1)).unwrap();
    // A second window still at revision 0 renames the map.
    let stale = Edit::SetTitle {
        title: "Overwritten?".into(),
    };
    match ws.apply(m.id, 0, &stale, at(2)) {
        Err(err @ StoreError::Conflict { .. }) => {
            assert!(matches!(err, StoreError::Conflict { id, base: 0, head: 1 } if id == m.id));
            assert!(err.to_string().contains("reload the map"), "{err}");
        }
        other => panic!("expected Conflict, got {other:?}"),
    }
    let state = ws.state(m.id).unwrap();
    assert_eq!(
        (state.revision, state.map.title.as_str()),
        (1, "Buying a sofa")
    );
    // Undo, redo and restore check the base too.
    assert!(matches!(
        ws.undo(m.id, Some(0), at(3)),
        Err(StoreError::Conflict {
            base: 0,
            head: 1,
            ..
        })
    ));
    assert!(matches!(
        ws.restore(m.id, Some(5), 0, at(3)),
        Err(StoreError::Conflict {
            base: 5,
            head: 1,
            ..
        })
    ));
    assert_eq!(ws.state(m.id).unwrap().revision, 1);
}

#[test]
fn two_threads_editing_against_one_revision_get_one_edit_and_one_conflict() {
    let (_dir, ws, m) = workspace_with_map();
    let ws = Arc::new(ws);
    let barrier = Arc::new(Barrier::new(2));
    let handles: Vec<_> = (1..=2u128)
        .map(|n| {
            let (ws, barrier, m) = (ws.clone(), barrier.clone(), m.clone());
            std::thread::spawn(move || {
                barrier.wait();
                ws.apply(m.id, 0, &add_card(&m, n), at(1))
            })
        })
        .collect();
    let results: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let ok = results.iter().filter(|r| r.is_ok()).count();
    let conflicts = results
        .iter()
        .filter(|r| {
            matches!(
                r,
                Err(StoreError::Conflict {
                    base: 0,
                    head: 1,
                    ..
                })
            )
        })
        .count();
    assert_eq!((ok, conflicts), (1, 1), "{results:?}");
    let state = ws.state(m.id).unwrap();
    assert_eq!((state.revision, state.map.lane_cards.len()), (1, 1));
}

#[test]
fn an_edit_that_adds_a_problem_is_refused_and_changes_nothing() {
    let (_dir, ws, m) = workspace_with_map();
    let blank = Edit::SetTitle { title: " ".into() };
    match ws.apply(m.id, 0, &blank, at(1)) {
        Err(err @ StoreError::EditAddsProblems { .. }) => {
            let StoreError::EditAddsProblems { problems, .. } = &err else {
                unreachable!()
            };
            assert_eq!(problems.len(), 1);
            assert_eq!(problems[0].path, "title");
            assert!(err.to_string().contains("1 new problem(s)"), "{err}");
        }
        other => panic!("expected EditAddsProblems, got {other:?}"),
    }
    let state = ws.state(m.id).unwrap();
    assert_eq!(
        (state.revision, state.map.title.as_str()),
        (0, "Buying a sofa")
    );
    assert!(!state.can_undo);
    assert_eq!(ws.list().unwrap()[0].revision, 0);
}

#[test]
fn an_edit_that_does_not_apply_says_why() {
    let (_dir, ws, m) = workspace_with_map();
    let missing = Edit::Remove {
        kind: ItemKind::Touchpoint,
        id: uuid::Uuid::from_u128(424242),
    };
    match ws.apply(m.id, 0, &missing, at(1)) {
        Err(StoreError::Edit { id, source }) => {
            assert_eq!(id, m.id);
            assert!(matches!(source, EditError::NotFound { .. }));
        }
        other => panic!("expected Edit, got {other:?}"),
    }
    assert!(matches!(
        ws.apply(uuid::Uuid::from_u128(5), 0, &missing, at(1)),
        Err(StoreError::NotFound { .. })
    ));
    assert_eq!(ws.state(m.id).unwrap().revision, 0);
}

#[test]
fn an_edit_may_leave_an_existing_problem_alone() {
    // A map stored before a check existed can have a problem; edits elsewhere still land, and
    // one that fixes it too.
    let dir = tempfile::tempdir().unwrap();
    let mut m = map(1, "Old");
    {
        let ws = Workspace::open(dir.path()).unwrap();
        ws.create(&m, at(0)).unwrap();
    }
    m.touchpoints[0].title = String::new();
    let record = {
        let mut bytes = vec![2u8];
        serde_json::to_writer(
            &mut bytes,
            &serde_json::json!({
                "revision": 0, "saved_at": at(0), "map": m, "undo_top": null, "redo_top": null
            }),
        )
        .unwrap();
        bytes
    };
    crate::common::poke(dir.path(), "maps", m.id.as_bytes(), &record);
    let ws = Workspace::open(dir.path()).unwrap();
    ws.apply(m.id, 0, &add_card(&m, 1), at(1)).unwrap();
    // Another empty touchpoint title is a new problem.
    let mut second = m.touchpoints[1].clone();
    second.title = String::new();
    assert!(matches!(
        ws.apply(
            m.id,
            1,
            &Edit::Replace {
                item: Item::Touchpoint(second)
            },
            at(2)
        ),
        Err(StoreError::EditAddsProblems { .. })
    ));
    let mut fixed = m.touchpoints[0].clone();
    fixed.title = "Reads a review".into();
    ws.apply(
        m.id,
        1,
        &Edit::Replace {
            item: Item::Touchpoint(fixed),
        },
        at(3),
    )
    .unwrap();
    assert_eq!(validate(&ws.get(m.id).unwrap()), Vec::<Problem>::new());
}

#[test]
fn undo_and_redo_walk_the_edits_back_and_forth() {
    let (_dir, ws, m) = workspace_with_map();
    for n in 1..=3 {
        ws.apply(m.id, n as u64 - 1, &add_card(&m, n), at(n as i64))
            .unwrap();
    }
    let undone = ws.undo(m.id, Some(3), at(10)).unwrap();
    assert_eq!(undone.summary, "undo add lane card");
    assert_eq!(
        (undone.revision, undone.can_undo, undone.can_redo),
        (4, true, true)
    );
    ws.undo(m.id, None, at(11)).unwrap();
    assert_eq!(card_texts(&ws.get(m.id).unwrap()), ["Card 1"]);
    let redone = ws.redo(m.id, Some(5), at(12)).unwrap();
    assert_eq!(redone.summary, "redo add lane card");
    assert_eq!(card_texts(&ws.get(m.id).unwrap()), ["Card 2", "Card 1"]);
    ws.redo(m.id, None, at(13)).unwrap();
    assert_eq!(
        card_texts(&ws.get(m.id).unwrap()),
        ["Card 3", "Card 2", "Card 1"]
    );
    assert!(matches!(
        ws.redo(m.id, None, at(14)),
        Err(StoreError::NothingToRedo { .. })
    ));
    // Undo all the way.
    for _ in 0..3 {
        ws.undo(m.id, None, at(15)).unwrap();
    }
    let state = ws.state(m.id).unwrap();
    assert!(state.map.lane_cards.is_empty());
    assert!(!state.can_undo && state.can_redo);
    match ws.undo(m.id, None, at(16)) {
        Err(
            err @ StoreError::NothingToUndo {
                compacted: false, ..
            },
        ) => {
            assert!(err.to_string().contains("nothing to undo"), "{err}");
        }
        other => panic!("expected NothingToUndo, got {other:?}"),
    }
}

#[test]
fn a_new_edit_clears_redo() {
    let (_dir, ws, m) = workspace_with_map();
    ws.apply(m.id, 0, &add_card(&m, 1), at(1)).unwrap();
    ws.apply(m.id, 1, &add_card(&m, 2), at(2)).unwrap();
    ws.undo(m.id, None, at(3)).unwrap();
    let applied = ws.apply(m.id, 3, &add_card(&m, 3), at(4)).unwrap();
    assert!(!applied.can_redo);
    assert!(matches!(
        ws.redo(m.id, None, at(5)),
        Err(StoreError::NothingToRedo { .. })
    ));
    // Undo now takes back card 3, then card 1: card 2's undo is no longer there to take back.
    ws.undo(m.id, None, at(6)).unwrap();
    assert_eq!(card_texts(&ws.get(m.id).unwrap()), ["Card 1"]);
    ws.undo(m.id, None, at(7)).unwrap();
    assert!(ws.get(m.id).unwrap().lane_cards.is_empty());
}

#[test]
fn undo_and_redo_survive_a_restart() {
    let (dir, ws, m) = workspace_with_map();
    ws.apply(m.id, 0, &add_card(&m, 1), at(1)).unwrap();
    ws.apply(
        m.id,
        1,
        &Edit::SetTitle {
            title: "Renamed".into(),
        },
        at(2),
    )
    .unwrap();
    ws.undo(m.id, None, at(3)).unwrap();
    drop(ws);

    let ws = Workspace::open(dir.path()).unwrap();
    let state = ws.state(m.id).unwrap();
    assert_eq!(state.map.title, "Buying a sofa");
    assert!(state.can_undo && state.can_redo);
    ws.redo(m.id, Some(3), at(4)).unwrap();
    assert_eq!(ws.get(m.id).unwrap().title, "Renamed");
    drop(ws);

    let ws = Workspace::open(dir.path()).unwrap();
    ws.undo(m.id, Some(4), at(5)).unwrap();
    ws.undo(m.id, Some(5), at(6)).unwrap();
    let state = ws.state(m.id).unwrap();
    assert_eq!(state.map.title, "Buying a sofa");
    assert!(state.map.lane_cards.is_empty());
    assert_eq!(state.revision, 6);
    assert!(!state.can_undo);
}

#[test]
fn a_map_read_back_after_many_edits_equals_the_one_in_memory() {
    // More edits than a checkpoint interval: the reopened map is the last checkpoint plus the
    // journal's replay.
    let (dir, ws, m) = workspace_with_map();
    let mut rev = 0;
    for n in 1..=250u128 {
        let edit = if n % 3 == 0 {
            Edit::SetDescription {
                description: format!("after {n}"),
            }
        } else {
            add_card(&m, n)
        };
        rev = ws.apply(m.id, rev, &edit, at(n as i64)).unwrap().revision;
    }
    for _ in 0..7 {
        rev = ws.undo(m.id, Some(rev), at(300)).unwrap().revision;
    }
    let before = ws.state(m.id).unwrap();
    drop(ws);
    let ws = Workspace::open(dir.path()).unwrap();
    assert_eq!(ws.state(m.id).unwrap(), before);
    assert_eq!(before.revision, 257);
}

#[test]
fn deleting_a_map_removes_its_history() {
    let (dir, ws, m) = workspace_with_map();
    ws.apply(m.id, 0, &add_card(&m, 1), at(1)).unwrap();
    ws.snapshot(m.id, "first", at(2)).unwrap();
    ws.delete(m.id).unwrap();
    assert!(matches!(
        ws.history(m.id, 10),
        Err(StoreError::NotFound { .. })
    ));
    drop(ws);
    let dump = crate::common::dump(dir.path());
    for tree in ["journal", "snapshots", "maps", "summaries"] {
        assert!(
            dump.get(tree.as_bytes()).is_none_or(|t| t.is_empty()),
            "{tree} still holds something"
        );
    }
    // Creating it again starts a new history.
    let ws = Workspace::open(dir.path()).unwrap();
    ws.create(&m, at(5)).unwrap();
    let state = ws.state(m.id).unwrap();
    assert_eq!((state.revision, state.can_undo), (0, false));
}
