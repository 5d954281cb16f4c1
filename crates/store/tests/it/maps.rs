//! Create, get, list, save and delete, and what each refuses.

use corridor_core::*;
use corridor_store::{MapSummary, StoreError};
use uuid::Uuid;

use crate::common::{at, map, workspace};

#[test]
fn a_new_workspace_is_empty() {
    let (_dir, ws) = workspace();
    assert_eq!(ws.list().unwrap(), Vec::<MapSummary>::new());
    let missing = Uuid::from_u128(77);
    assert!(matches!(ws.get(missing), Err(StoreError::NotFound { id }) if id == missing));
}

#[test]
fn create_then_get_gives_the_same_map() {
    let (_dir, ws) = workspace();
    let m = map(1, "Buying a sofa");
    ws.create(&m, at(5)).unwrap();
    assert_eq!(ws.get(m.id).unwrap(), m);
}

#[test]
fn the_list_summarises_each_map() {
    let (_dir, ws) = workspace();
    let with_persona = map(1, "Buying a sofa");
    let mut without = map(2, "Returning a lamp");
    without.persona = None;
    without.touchpoints.pop();
    without.stages.truncate(3);
    assert_eq!(validate(&without), Vec::<Problem>::new());
    ws.create(&with_persona, at(10)).unwrap();
    ws.create(&without, at(20)).unwrap();

    // Most recently saved first.
    assert_eq!(
        ws.list().unwrap(),
        [
            MapSummary {
                id: without.id,
                title: "Returning a lamp".into(),
                persona: None,
                stages: 3,
                touchpoints: 1,
                saved_at: at(20),
                revision: 0,
            },
            MapSummary {
                id: with_persona.id,
                title: "Buying a sofa".into(),
                persona: Some("Ana".into()),
                stages: 5,
                touchpoints: 2,
                saved_at: at(10),
                revision: 0,
            },
        ]
    );
}

#[test]
fn maps_saved_at_the_same_moment_are_listed_by_title() {
    let (_dir, ws) = workspace();
    // Ids in the opposite order of the titles, so key order alone would get it wrong.
    ws.create(&map(1, "Zebra"), at(0)).unwrap();
    ws.create(&map(2, "Antelope"), at(0)).unwrap();
    ws.create(&map(3, "Moose"), at(0)).unwrap();
    let titles: Vec<String> = ws.list().unwrap().into_iter().map(|s| s.title).collect();
    assert_eq!(titles, ["Antelope", "Moose", "Zebra"]);
}

#[test]
fn an_invalid_map_is_refused_and_nothing_is_stored() {
    let (_dir, ws) = workspace();
    let mut m = map(1, "Fine so far");
    m.title = "   ".into();
    m.touchpoints[1].stage = Uuid::from_u128(999_999);
    match ws.create(&m, at(0)) {
        Err(StoreError::Invalid { title, problems }) => {
            assert_eq!(title, "   ");
            let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
            assert_eq!(paths, ["title", "touchpoints[1].stage"]);
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
    assert!(ws.list().unwrap().is_empty());
    assert!(matches!(ws.get(m.id), Err(StoreError::NotFound { .. })));
}

#[test]
fn a_second_map_with_the_same_id_is_refused() {
    let (_dir, ws) = workspace();
    let first = map(1, "First");
    ws.create(&first, at(0)).unwrap();
    let mut second = map(1, "Second");
    second.description = "would overwrite".into();
    match ws.create(&second, at(1)) {
        Err(err @ StoreError::AlreadyExists { .. }) => {
            assert!(matches!(&err, StoreError::AlreadyExists { id, title }
                if *id == first.id && title == "Second"));
            assert!(err.to_string().contains(&first.id.to_string()));
        }
        other => panic!("expected AlreadyExists, got {other:?}"),
    }
    assert_eq!(ws.get(first.id).unwrap(), first);
    assert_eq!(ws.list().unwrap().len(), 1);
    assert_eq!(ws.list().unwrap()[0].saved_at, at(0));
}

#[test]
fn save_replaces_the_stored_map() {
    let (_dir, ws) = workspace();
    let mut m = map(1, "Draft");
    ws.create(&m, at(0)).unwrap();
    m.title = "Final".into();
    m.touchpoints.pop();
    let applied = ws.save(&m, at(30)).unwrap();
    assert_eq!((applied.revision, applied.can_undo), (1, true));
    assert_eq!(applied.summary, "1 touchpoint removed; title changed");
    // The store keeps `modified` up to date.
    m.modified = at(30);
    assert_eq!(ws.get(m.id).unwrap(), m);
    let summary = &ws.list().unwrap()[0];
    assert_eq!(
        (
            summary.title.as_str(),
            summary.touchpoints,
            summary.saved_at
        ),
        ("Final", 1, at(30))
    );
}

#[test]
fn save_refuses_unknown_and_invalid_maps() {
    let (_dir, ws) = workspace();
    let stored = map(1, "Stored");
    ws.create(&stored, at(0)).unwrap();

    let unknown = map(2, "Never created");
    assert!(
        matches!(ws.save(&unknown, at(1)), Err(StoreError::NotFound { id }) if id == unknown.id)
    );
    assert!(matches!(
        ws.get(unknown.id),
        Err(StoreError::NotFound { .. })
    ));

    let mut broken = stored.clone();
    broken.score_scale.adds_at_or_above = 9.0;
    match ws.save(&broken, at(2)) {
        Err(StoreError::Invalid { problems, .. }) => {
            assert_eq!(problems.len(), 1);
            assert_eq!(problems[0].path, "score_scale.adds_at_or_above");
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
    assert_eq!(ws.get(stored.id).unwrap(), stored);
    assert_eq!(ws.list().unwrap()[0].saved_at, at(0));
}

#[test]
fn delete_removes_one_map() {
    let (_dir, ws) = workspace();
    ws.create(&map(1, "Keep"), at(0)).unwrap();
    ws.create(&map(2, "Drop"), at(0)).unwrap();
    ws.delete(Uuid::from_u128(2)).unwrap();
    let ids: Vec<Uuid> = ws.list().unwrap().into_iter().map(|s| s.id).collect();
    assert_eq!(ids, [Uuid::from_u128(1)]);
    assert!(matches!(
        ws.get(Uuid::from_u128(2)),
        Err(StoreError::NotFound { .. })
    ));
    // Deleting again finds nothing.
    assert!(matches!(
        ws.delete(Uuid::from_u128(2)),
        Err(StoreError::NotFound { id }) if id == Uuid::from_u128(2)
    ));
}
