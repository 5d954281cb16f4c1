//! A map's history: listing, named snapshots, old revisions opened and compared, restore, and
//! compaction.

use chrono::Duration;
use corridor_core::*;
use corridor_store::{Change, HistoryPolicy, StoreError, Workspace};

use crate::common::{add_card, at, card_texts, workspace_with_map};

#[test]
fn the_history_lists_revisions_newest_first_with_what_undo_and_redo_would_do() {
    let (_dir, ws, m) = workspace_with_map();
    ws.apply(m.id, 0, &add_card(&m, 1), at(1)).unwrap();
    ws.apply(
        m.id,
        1,
        &Edit::SetTitle {
            title: "Sofa".into(),
        },
        at(2),
    )
    .unwrap();
    ws.undo(m.id, None, at(3)).unwrap();
    let history = ws.history(m.id, 10).unwrap();
    assert_eq!((history.revision, history.oldest), (3, 1));
    let lines: Vec<(u64, String, Change)> = history
        .entries
        .iter()
        .map(|e| (e.revision, e.summary.clone(), e.change))
        .collect();
    assert_eq!(
        lines,
        [
            (3, "undo rename map".into(), Change::Undo { of: 2 }),
            (2, "rename map".into(), Change::Edit),
            (1, "add lane card".into(), Change::Edit),
        ]
    );
    assert_eq!(history.entries[0].at, at(3));
    assert_eq!(history.undo.as_deref(), Some("undo add lane card"));
    assert_eq!(history.redo.as_deref(), Some("redo rename map"));
    assert_eq!(ws.history(m.id, 1).unwrap().entries.len(), 1);
}

#[test]
fn named_snapshots_are_listed_with_what_changed_and_open_read_only() {
    let (_dir, ws, m) = workspace_with_map();
    let first = ws.snapshot(m.id, "  before the workshop ", at(1)).unwrap();
    assert_eq!(first.name.as_deref(), Some("before the workshop"));
    assert_eq!(
        (first.revision, first.summary.as_str()),
        (0, "the first snapshot")
    );
    ws.apply(m.id, 0, &add_card(&m, 1), at(2)).unwrap();
    ws.apply(
        m.id,
        1,
        &Edit::Remove {
            kind: ItemKind::Touchpoint,
            id: m.touchpoints[1].id,
        },
        at(3),
    )
    .unwrap();
    let second = ws
        .snapshot(m.id, "after the March workshop", at(4))
        .unwrap();
    assert_eq!(second.revision, 2);
    assert_eq!(
        second.summary,
        "since revision 0: 1 touchpoint removed; 1 lane card added"
    );
    let list = ws.snapshots(m.id).unwrap();
    let names: Vec<_> = list
        .iter()
        .map(|s| (s.revision, s.name.clone().unwrap()))
        .collect();
    assert_eq!(
        names,
        [
            (2, "after the March workshop".to_string()),
            (0, "before the workshop".to_string())
        ]
    );
    assert_eq!((list[0].taken, list[0].saved_at), (at(4), at(3)));

    // Naming a revision again renames its snapshot.
    ws.snapshot(m.id, "after the workshop in March", at(5))
        .unwrap();
    assert_eq!(
        ws.snapshots(m.id).unwrap()[0].name.as_deref(),
        Some("after the workshop in March")
    );
    // The old revision, read-only: the workspace's map is unchanged.
    assert_eq!(ws.revision(m.id, 0).unwrap().touchpoints.len(), 2);
    assert_eq!(ws.get(m.id).unwrap().touchpoints.len(), 1);

    for (name, reason) in [
        ("   ", "is empty"),
        (&"x".repeat(201)[..], "longer than 200"),
    ] {
        match ws.snapshot(m.id, name, at(6)) {
            Err(err @ StoreError::BadName { .. }) => {
                assert!(err.to_string().contains(reason), "{err}")
            }
            other => panic!("expected BadName, got {other:?}"),
        }
    }
}

#[test]
fn any_kept_revision_opens_and_compares_with_now() {
    let (_dir, ws, m) = workspace_with_map();
    let mut renamed = m.touchpoints[0].clone();
    renamed.title = "Reads three reviews".into();
    ws.apply(m.id, 0, &add_card(&m, 1), at(1)).unwrap();
    ws.apply(
        m.id,
        1,
        &Edit::Replace {
            item: Item::Touchpoint(renamed),
        },
        at(2),
    )
    .unwrap();
    ws.apply(
        m.id,
        2,
        &Edit::Remove {
            kind: ItemKind::Touchpoint,
            id: m.touchpoints[1].id,
        },
        at(3),
    )
    .unwrap();

    let old = ws.revision(m.id, 0).unwrap();
    assert_eq!(old.touchpoints, m.touchpoints);
    assert!(old.lane_cards.is_empty());
    let at1 = ws.revision(m.id, 1).unwrap();
    assert_eq!(
        (card_texts(&at1), at1.modified),
        (vec!["Card 1".to_string()], at(1))
    );

    let diff = ws.diff(m.id, 0).unwrap();
    assert_eq!(diff.touchpoints_removed.len(), 1);
    assert_eq!(diff.touchpoints_removed[0].title, "Orders online");
    assert_eq!(diff.touchpoints_changed.len(), 1);
    assert_eq!(diff.touchpoints_changed[0].fields, ["title"]);
    assert!(diff.touchpoints_added.is_empty());
    assert!(ws.diff(m.id, 3).unwrap().is_empty());
    match ws.revision(m.id, 9) {
        Err(
            err @ StoreError::RevisionUnknown {
                revision: 9,
                head: 3,
                ..
            },
        ) => {
            assert!(err.to_string().contains("no revision 9"), "{err}")
        }
        other => panic!("expected RevisionUnknown, got {other:?}"),
    }
}

#[test]
fn restoring_a_revision_is_an_edit_that_undo_takes_back() {
    let (dir, ws, m) = workspace_with_map();
    ws.snapshot(m.id, "clean", at(0)).unwrap();
    ws.apply(m.id, 0, &add_card(&m, 1), at(1)).unwrap();
    ws.apply(
        m.id,
        1,
        &Edit::SetTitle {
            title: "Messy".into(),
        },
        at(2),
    )
    .unwrap();
    let edited = ws.get(m.id).unwrap();

    let restored = ws.restore(m.id, Some(2), 0, at(3)).unwrap();
    assert_eq!(restored.revision, 3);
    assert_eq!(restored.summary, "restore \"clean\" (revision 0)");
    let now = ws.get(m.id).unwrap();
    assert_eq!(
        (now.title.as_str(), now.lane_cards.len()),
        ("Buying a sofa", 0)
    );
    assert_eq!(now.modified, at(3));
    let entry = &ws.history(m.id, 1).unwrap().entries[0];
    assert_eq!(entry.change, Change::Restore { from: 0 });

    // Restoring the same revision again changes nothing and makes no revision.
    assert_eq!(ws.restore(m.id, None, 0, at(4)).unwrap().revision, 3);

    ws.undo(m.id, Some(3), at(5)).unwrap();
    let mut undone = ws.get(m.id).unwrap();
    undone.modified = edited.modified;
    assert_eq!(undone, edited);
    drop(ws);
    // And redo after a restart.
    let ws = Workspace::open(dir.path()).unwrap();
    ws.redo(m.id, Some(4), at(6)).unwrap();
    assert_eq!(ws.get(m.id).unwrap().title, "Buying a sofa");
}

fn small_policy() -> HistoryPolicy {
    HistoryPolicy {
        checkpoint_every: 7,
        keep_edits: 20,
        compact_slack: 5,
        keep_daily: 3,
    }
}

#[test]
fn compaction_keeps_recent_edits_one_snapshot_a_day_and_every_named_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::open_with(dir.path(), small_policy()).unwrap();
    let m = crate::common::map(1, "Long history");
    ws.create(&m, at(0)).unwrap();
    // Ten edits a day for six days; a named snapshot at revision 15.
    let mut rev = 0;
    let mut maps_at = vec![ws.get(m.id).unwrap()];
    for day in 0..6i64 {
        for k in 0..10i64 {
            let when = at(0) + Duration::days(day) + Duration::minutes(k);
            let edit = Edit::SetDescription {
                description: format!("day {day} edit {k}"),
            };
            rev = ws.apply(m.id, rev, &edit, when).unwrap().revision;
            maps_at.push(ws.get(m.id).unwrap());
            if rev == 15 {
                ws.snapshot(m.id, "mid-week", when).unwrap();
            }
        }
    }
    let history = ws.history(m.id, 100).unwrap();
    assert_eq!(history.revision, 60);
    // Compaction ran when 26 entries were kept, dropping down to 20 each time.
    assert!(history.oldest > 30, "oldest kept: {}", history.oldest);
    assert!(60 + 1 - history.oldest <= 20 + 5);
    assert_eq!(history.entries.len() as u64, 60 + 1 - history.oldest);

    let snapshots = ws.snapshots(m.id).unwrap();
    let named: Vec<_> = snapshots.iter().filter(|s| s.name.is_some()).collect();
    assert_eq!(named.len(), 1);
    assert_eq!(named[0].revision, 15);
    // Days whose edits were dropped keep their last revision, at most three of them.
    let daily: Vec<u64> = snapshots
        .iter()
        .filter(|s| s.name.is_none())
        .map(|s| s.revision)
        .collect();
    assert!(!daily.is_empty() && daily.len() <= 3, "{daily:?}");
    for &revision in &daily {
        assert_eq!(
            revision % 10,
            0,
            "a day ends at a multiple of ten: {daily:?}"
        );
        let mut kept = ws.revision(m.id, revision).unwrap();
        kept.modified = maps_at[revision as usize].modified;
        assert_eq!(kept, maps_at[revision as usize]);
    }
    assert_eq!(ws.revision(m.id, 15).unwrap(), maps_at[15]);

    // A revision neither kept in the journal nor in a snapshot is gone, and says so.
    match ws.revision(m.id, 3) {
        Err(err @ StoreError::RevisionGone { revision: 3, .. }) => {
            assert!(err.to_string().contains("compacted"), "{err}")
        }
        other => panic!("expected RevisionGone, got {other:?}"),
    }
    // Undo reaches back through the kept edits; each undo is a revision too, and compaction
    // keeps making room, so a run of undos reaches at least half of `keep_edits` back.
    let mut undone = 0;
    loop {
        match ws.undo(m.id, None, at(10_000)) {
            Ok(_) => undone += 1,
            Err(StoreError::NothingToUndo {
                compacted: true, ..
            }) => break,
            Err(other) => panic!("{other}"),
        }
    }
    assert!((10..=25).contains(&undone), "{undone} undone");
    let description = ws.get(m.id).unwrap().description;
    assert_eq!(description, maps_at[60 - undone].description);
    // And it all reads back the same after a restart.
    let before = ws.state(m.id).unwrap();
    drop(ws);
    let ws = Workspace::open_with(dir.path(), small_policy()).unwrap();
    assert_eq!(ws.state(m.id).unwrap(), before);
    assert_eq!(
        ws.snapshots(m.id).unwrap(),
        ws.history(m.id, 0).unwrap().snapshots
    );
}
