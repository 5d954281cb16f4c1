//! Edits that cannot apply say why and leave the map as it was; a few exact edits by hand.

use corridor_core::*;

use crate::common::{id, lane, sound_map, step, touchpoint};

/// Apply `edit` to the sound map, expecting `error` and no change.
fn refused(edit: Edit, error: EditError) {
    let map = sound_map();
    let mut target = map.clone();
    assert_eq!(edit.apply(&mut target), Err(error.clone()), "{edit:?}");
    assert_eq!(target, map, "{edit:?} changed the map");
    assert_eq!(edit.invert(&map), Err(error));
}

#[test]
fn missing_items_are_not_found() {
    let missing = id(4242);
    refused(
        Edit::Remove {
            kind: ItemKind::Touchpoint,
            id: missing,
        },
        EditError::NotFound {
            kind: ItemKind::Touchpoint,
            id: missing,
        },
    );
    refused(
        Edit::Replace {
            item: Item::Stage(Stage {
                id: missing,
                name: "Ghost".into(),
                description: String::new(),
            }),
        },
        EditError::NotFound {
            kind: ItemKind::Stage,
            id: missing,
        },
    );
    refused(
        Edit::Move {
            kind: ItemKind::Lane,
            id: missing,
            to: 0,
        },
        EditError::NotFound {
            kind: ItemKind::Lane,
            id: missing,
        },
    );
    // An id of another kind is not found either: the stage 20 is no touchpoint.
    refused(
        Edit::Remove {
            kind: ItemKind::Touchpoint,
            id: id(20),
        },
        EditError::NotFound {
            kind: ItemKind::Touchpoint,
            id: id(20),
        },
    );
    let map = sound_map();
    assert_eq!(
        remove_with_dependents(&map, ItemKind::Persona, missing),
        Err(EditError::NotFound {
            kind: ItemKind::Persona,
            id: missing,
        })
    );
}

#[test]
fn inserting_an_id_already_there_is_a_duplicate() {
    refused(
        Edit::Insert {
            index: 0,
            item: Item::Touchpoint(touchpoint(id(41), "Twin", id(20))),
        },
        EditError::DuplicateId {
            kind: ItemKind::Touchpoint,
            id: id(41),
        },
    );
}

#[test]
fn positions_past_the_end_are_out_of_range() {
    // Three touchpoints: inserting at 3 appends, at 4 is out of range.
    refused(
        Edit::Insert {
            index: 4,
            item: Item::Touchpoint(touchpoint(id(43), "New", id(20))),
        },
        EditError::IndexOutOfRange {
            kind: ItemKind::Touchpoint,
            index: 4,
            len: 3,
        },
    );
    // Moving counts positions after removal: 0..=2 for three lanes.
    refused(
        Edit::Move {
            kind: ItemKind::Lane,
            id: id(30),
            to: 3,
        },
        EditError::IndexOutOfRange {
            kind: ItemKind::Lane,
            index: 3,
            len: 3,
        },
    );
    let mut map = sound_map();
    Edit::Insert {
        index: 3,
        item: Item::Touchpoint(touchpoint(id(43), "New", id(20))),
    }
    .apply(&mut map)
    .unwrap();
    assert_eq!(map.touchpoints[3].id, id(43));
}

#[test]
fn a_batch_stops_at_its_first_error() {
    let map = sound_map();
    let mut target = map.clone();
    let batch = Edit::Batch {
        edits: vec![
            Edit::SetTitle {
                title: "Renamed".into(),
            },
            Edit::Remove {
                kind: ItemKind::Stage,
                id: id(22),
            },
            Edit::Insert {
                index: 0,
                item: Item::Lane(lane(id(33), LaneKind::Feelings)),
            },
            // The stage is gone by now.
            Edit::Remove {
                kind: ItemKind::Stage,
                id: id(22),
            },
            Edit::SetTitle {
                title: "Never".into(),
            },
        ],
    };
    assert_eq!(
        batch.apply(&mut target),
        Err(EditError::NotFound {
            kind: ItemKind::Stage,
            id: id(22),
        })
    );
    assert_eq!(target, map);
}

#[test]
fn move_then_undo_by_hand() {
    let mut map = sound_map();
    let undo = Edit::Move {
        kind: ItemKind::Stage,
        id: id(20),
        to: 2,
    }
    .apply(&mut map)
    .unwrap();
    let order: Vec<Id> = map.stages.iter().map(|s| s.id).collect();
    assert_eq!(order, [id(21), id(22), id(20)]);
    assert_eq!(
        undo,
        Edit::Move {
            kind: ItemKind::Stage,
            id: id(20),
            to: 0,
        }
    );
    undo.apply(&mut map).unwrap();
    assert_eq!(map, sound_map());
}

#[test]
fn removing_a_touchpoint_with_dependents_by_hand() {
    // Touchpoint 41 is in corridor step 61 (and 63, added here), KPI 75 and initiative 76.
    let mut map = sound_map();
    map.corridor.steps.push(step(id(63), id(41)));
    let edit = remove_with_dependents(&map, ItemKind::Touchpoint, id(41)).unwrap();
    let before = map.clone();
    edit.apply(&mut map).unwrap();
    assert_eq!(validate(&map), Vec::<Problem>::new());
    let steps: Vec<Id> = map.corridor.steps.iter().map(|s| s.id).collect();
    assert_eq!(steps, [id(60), id(62)]);
    assert_eq!(map.story.kpis[0].touchpoints, [id(42)]);
    assert!(map.story.initiatives[0].touchpoints.is_empty());
    assert!(map.story.initiatives[0].gaps.is_empty());
    let titles: Vec<&str> = map.touchpoints.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(titles, ["Sees an ad", "Calls support"]);
    // The vote keeps card 51 and its tally only.
    assert_eq!(map.votes[0].cards, [id(51)]);
    assert_eq!(
        map.votes[0].tallies,
        [Tally {
            card: id(51),
            dots: 7
        }]
    );
    // Two steps removed, the vote, the KPI and the initiative unlinked, the touchpoint removed.
    assert_eq!(edit.summary(), "6 changes");
    edit.invert(&before).unwrap().apply(&mut map).unwrap();
    assert_eq!(map, before);
}

#[test]
fn removing_the_chosen_persona_clears_the_choice() {
    let mut map = sound_map();
    let edit = remove_with_dependents(&map, ItemKind::Persona, id(10)).unwrap();
    let undo = edit.apply(&mut map).unwrap();
    assert_eq!(map.persona, None);
    assert!(map.personas.is_empty());
    assert!(map.story.success_definitions.is_empty());
    assert_eq!(validate(&map), Vec::<Problem>::new());
    undo.apply(&mut map).unwrap();
    assert_eq!(map, sound_map());
}

#[test]
fn summaries_name_what_changed() {
    let remove = Edit::Remove {
        kind: ItemKind::LaneCard,
        id: id(50),
    };
    assert_eq!(remove.summary(), "delete lane card");
    assert_eq!(
        Edit::Batch {
            edits: vec![remove.clone()]
        }
        .summary(),
        "delete lane card"
    );
    assert_eq!(
        Edit::Batch {
            edits: vec![remove.clone(), remove]
        }
        .summary(),
        "2 changes"
    );
}
