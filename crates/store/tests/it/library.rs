//! Making maps in the library: from a template, by copying one; renaming and deleting them.

use corridor_core::data::*;
use corridor_core::*;
use corridor_store::{MapSummary, StoreError, Workspace};
use uuid::Uuid;

use crate::common::{add_card, at, workspace, workspace_with_map};

/// Ids 0x7000 + 1, 2, 3, … in the order asked for.
fn counter() -> impl FnMut() -> Uuid {
    let mut next = 0x7000;
    move || {
        next += 1;
        Uuid::from_u128(next)
    }
}

fn stage_names(map: &JourneyMap) -> Vec<&str> {
    map.stages.iter().map(|s| s.name.as_str()).collect()
}

#[test]
fn a_map_from_a_template_is_stored_listed_and_kept_across_a_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let summary = {
        let ws = Workspace::open(dir.path()).unwrap();
        let summary = ws
            .create_from_template(Template::Saas, "  Renewals 2027 ", &mut counter(), at(3))
            .unwrap();
        // The first id given is the map's.
        assert_eq!(summary.id, Uuid::from_u128(0x7001));
        assert_eq!(
            summary,
            MapSummary {
                id: summary.id,
                title: "Renewals 2027".into(),
                persona: None,
                stages: Template::Saas.stage_names().len() as u32,
                touchpoints: 0,
                saved_at: at(3),
                revision: 0,
            }
        );
        assert_eq!(ws.list().unwrap(), std::slice::from_ref(&summary));
        summary
    };
    let ws = Workspace::open(dir.path()).unwrap();
    assert_eq!(ws.list().unwrap(), std::slice::from_ref(&summary));
    let map = ws.get(summary.id).unwrap();
    assert_eq!(stage_names(&map), Template::Saas.stage_names());
    assert_eq!(map.title, "Renewals 2027");
    assert_eq!((map.created, map.modified), (at(3), at(3)));
    assert_eq!(validate(&map), Vec::<Problem>::new());
    let state = ws.state(summary.id).unwrap();
    assert!(!state.can_undo && !state.can_redo);
}

#[test]
fn every_template_makes_a_map() {
    let (_dir, ws) = workspace();
    let mut ids = counter();
    for template in Template::ALL {
        let s = ws
            .create_from_template(template, template.label(), &mut ids, at(0))
            .unwrap();
        assert_eq!(
            stage_names(&ws.get(s.id).unwrap()),
            template.stage_names(),
            "{template:?}"
        );
    }
    assert_eq!(ws.list().unwrap().len(), Template::ALL.len());
}

#[test]
fn an_empty_title_is_refused_and_nothing_is_stored() {
    let (_dir, ws) = workspace();
    match ws.create_from_template(Template::Lifecycle, "   ", &mut counter(), at(0)) {
        Err(StoreError::Invalid { problems, .. }) => {
            assert_eq!(problems.len(), 1, "{problems:?}");
            assert_eq!(problems[0].path, "title");
            assert!(
                problems[0].message.contains("title is empty"),
                "{problems:?}"
            );
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
    assert_eq!(ws.list().unwrap(), Vec::<MapSummary>::new());
}

#[test]
fn a_template_map_whose_id_is_taken_is_refused() {
    let (_dir, ws, original) = workspace_with_map();
    let mut ids = {
        let id = original.id;
        let mut first = true;
        let mut rest = counter();
        move || {
            if std::mem::take(&mut first) {
                id
            } else {
                rest()
            }
        }
    };
    assert!(matches!(
        ws.create_from_template(Template::Blank, "Clash", &mut ids, at(1)),
        Err(StoreError::AlreadyExists { id, .. }) if id == original.id
    ));
    assert_eq!(ws.get(original.id).unwrap(), original);
    assert_eq!(ws.list().unwrap().len(), 1);
}

#[test]
fn a_copy_has_the_content_a_new_id_and_title_and_no_history() {
    let (_dir, ws, original) = workspace_with_map();
    // The original has moved on from revision 0: the copy takes it as it is now.
    ws.apply(original.id, 0, &add_card(&original, 1), at(1))
        .unwrap();
    let now = ws.get(original.id).unwrap();
    let copy_id = Uuid::from_u128(0xC0B1);
    let summary = ws.duplicate(original.id, copy_id, at(9)).unwrap();
    assert_eq!(
        summary,
        MapSummary {
            id: copy_id,
            title: "Buying a sofa (copy)".into(),
            persona: Some("Ana".into()),
            stages: 5,
            touchpoints: 2,
            saved_at: at(9),
            revision: 0,
        }
    );
    let copy = ws.get(copy_id).unwrap();
    assert_eq!(
        copy,
        JourneyMap {
            id: copy_id,
            title: "Buying a sofa (copy)".into(),
            created: at(9),
            modified: at(9),
            ..now.clone()
        }
    );
    assert_eq!(copy.lane_cards.len(), 1);
    // No history: nothing to undo in the copy; the original keeps its own.
    assert!(matches!(
        ws.undo(copy_id, Some(0), at(10)),
        Err(StoreError::NothingToUndo { .. })
    ));
    assert!(ws.state(original.id).unwrap().can_undo);
    // Listed beside the original.
    let listed: Vec<Uuid> = ws.list().unwrap().into_iter().map(|s| s.id).collect();
    assert_eq!(listed, [copy_id, original.id]);
}

#[test]
fn a_copy_and_its_original_change_apart() {
    let (_dir, ws, original) = workspace_with_map();
    let copy_id = Uuid::from_u128(0xC0B1);
    ws.duplicate(original.id, copy_id, at(1)).unwrap();
    let copy = ws.get(copy_id).unwrap();
    ws.apply(copy_id, 0, &add_card(&copy, 1), at(2)).unwrap();
    ws.apply(
        copy_id,
        1,
        &Edit::SetTitle {
            title: "Renamed copy".into(),
        },
        at(3),
    )
    .unwrap();
    assert_eq!(ws.get(original.id).unwrap(), original);
    assert_eq!(ws.get(copy_id).unwrap().lane_cards.len(), 1);
    // Deleting the original leaves the copy whole.
    ws.delete(original.id).unwrap();
    let left = ws.list().unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(
        (left[0].id, left[0].title.as_str(), left[0].revision),
        (copy_id, "Renamed copy", 2)
    );
}

#[test]
fn copies_of_copies_are_numbered() {
    let (_dir, ws, original) = workspace_with_map();
    let titles: Vec<String> = (1..=3)
        .map(|n| {
            ws.duplicate(original.id, Uuid::from_u128(0xC000 + n), at(n as i64))
                .unwrap()
                .title
        })
        .collect();
    assert_eq!(
        titles,
        [
            "Buying a sofa (copy)",
            "Buying a sofa (copy 2)",
            "Buying a sofa (copy 3)"
        ]
    );
    // A copy of a copy is named after the copy.
    let again = ws
        .duplicate(Uuid::from_u128(0xC001), Uuid::from_u128(0xC100), at(9))
        .unwrap();
    assert_eq!(again.title, "Buying a sofa (copy) (copy)");
}

#[test]
fn duplicating_refuses_an_unknown_map_or_a_taken_id() {
    let (_dir, ws, original) = workspace_with_map();
    let nowhere = Uuid::from_u128(404);
    assert!(matches!(
        ws.duplicate(nowhere, Uuid::from_u128(5), at(1)),
        Err(StoreError::NotFound { id }) if id == nowhere
    ));
    assert!(matches!(
        ws.duplicate(original.id, original.id, at(1)),
        Err(StoreError::AlreadyExists { id, .. }) if id == original.id
    ));
    assert_eq!(ws.list().unwrap().len(), 1);
    assert_eq!(ws.get(original.id).unwrap(), original);
}

struct Quiet;

impl Progress for Quiet {
    fn advance(&mut self, _: u64, _: Option<u64>, _: u64) -> Flow {
        Flow::Continue
    }
}

#[test]
fn a_copy_does_not_take_the_datasets_and_survives_a_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let copy_id = Uuid::from_u128(0xC0B1);
    let original = crate::common::map(1, "Buying a sofa");
    {
        let ws = Workspace::open(dir.path()).unwrap();
        ws.create(&original, at(0)).unwrap();
        let info = DatasetInfo {
            id: Uuid::from_u128(0xD001),
            map: original.id,
            name: "log".into(),
            source: "log.csv".into(),
            settings: ImportSettings {
                delimiter: Some(','),
                has_header: Some(true),
                ..ImportSettings::detect(DatasetKind::EventLog, DataFormat::Csv)
            },
            imported: at(1),
            bytes: 0,
            rows: 1,
            bad_rows: 0,
        };
        ws.dataset_put(&info, &mut &b"case,activity,time\n"[..], &mut Quiet)
            .unwrap();
        ws.duplicate(original.id, copy_id, at(2)).unwrap();
        assert_eq!(ws.datasets(copy_id).unwrap().len(), 0);
        assert_eq!(ws.datasets(original.id).unwrap().len(), 1);
    }
    let ws = Workspace::open(dir.path()).unwrap();
    let copy = ws.get(copy_id).unwrap();
    assert_eq!(copy.title, "Buying a sofa (copy)");
    assert_eq!(copy.touchpoints, original.touchpoints);
    assert_eq!(ws.datasets(original.id).unwrap().len(), 1);
}

#[test]
fn a_rename_is_an_edit_that_the_list_shows_and_undo_takes_back() {
    let (_dir, ws) = workspace();
    let s = ws
        .create_from_template(Template::Lifecycle, "Draft", &mut counter(), at(0))
        .unwrap();
    let rename = Edit::SetTitle {
        title: "Moving house".into(),
    };
    ws.apply(s.id, 0, &rename, at(1)).unwrap();
    assert_eq!(ws.list().unwrap()[0].title, "Moving house");
    ws.undo(s.id, Some(1), at(2)).unwrap();
    assert_eq!(ws.list().unwrap()[0].title, "Draft");
    // An empty title is refused like any edit that adds a problem.
    let blank = Edit::SetTitle { title: " ".into() };
    assert!(matches!(
        ws.apply(s.id, 2, &blank, at(3)),
        Err(StoreError::EditAddsProblems { .. })
    ));
    assert_eq!(ws.list().unwrap()[0].title, "Draft");
}
