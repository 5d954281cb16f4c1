//! Comparing two versions of a map, and the edit between them (how a revision is restored).

use corridor_core::diff::{KindCounts, TouchpointChange, TouchpointRef};
use corridor_core::*;
use proptest::prelude::*;

use crate::common::{id, sound_map, t0, touchpoint};
use crate::gen::{arb_map, arb_plan, fresh_ids, resolve};

/// `map` with the store's bookkeeping of `like`, so two maps compare on content alone.
fn content_of(mut map: JourneyMap, like: &JourneyMap) -> JourneyMap {
    map.id = like.id;
    map.created = like.created;
    map.modified = like.modified;
    map
}

fn restored(from: &JourneyMap, to: &JourneyMap) -> JourneyMap {
    let mut map = from.clone();
    edit_between(from, to)
        .apply(&mut map)
        .expect("the edit between two maps applies to the first");
    map
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any map turns into any other: ids, order and content all follow.
    #[test]
    fn the_edit_between_two_maps_turns_one_into_the_other(a in arb_map(), b in arb_map()) {
        prop_assert_eq!(restored(&a, &b), content_of(b.clone(), &a));
        prop_assert!(compare(&restored(&a, &b), &content_of(b, &a)).is_empty());
    }

    /// After a few edits, the edit back is found, it undoes them, and its own inverse redoes them.
    #[test]
    fn the_edit_back_after_edits_restores_and_undoes(
        (map, plans) in (arb_map(), proptest::collection::vec(arb_plan(), 1..5))
    ) {
        let mut edited = map.clone();
        let mut fresh = fresh_ids();
        for plan in &plans {
            let edit = resolve(plan, &edited, &mut fresh);
            edit.apply(&mut edited).expect("a resolved edit applies");
        }
        let back = edit_between(&edited, &map);
        let mut restored = edited.clone();
        let inverse = back.apply(&mut restored).expect("applies");
        prop_assert_eq!(&restored, &content_of(map.clone(), &edited));
        inverse.apply(&mut restored).expect("the inverse applies");
        prop_assert_eq!(&restored, &edited);
        prop_assert_eq!(compare(&map, &edited).is_empty(), map == edited);
    }
}

#[test]
fn alike_maps_need_an_empty_edit_and_have_no_diff() {
    let map = sound_map();
    let mut later = map.clone();
    later.modified = t0() + chrono::Duration::days(3);
    assert_eq!(edit_between(&map, &later), Edit::Batch { edits: vec![] });
    let diff = compare(&map, &later);
    assert!(diff.is_empty());
    assert_eq!(diff.summary(), "no changes");
}

#[test]
fn the_diff_names_touchpoints_added_removed_and_changed() {
    let old = sound_map();
    let mut new = old.clone();
    new.title = "Buying an e-bike".into();
    // 40 removed, 41 changed (title and target), 43 added, 42 unchanged.
    new.touchpoints.retain(|t| t.id != id(40));
    new.touchpoints[0].title = "Checks out in the app".into();
    new.touchpoints[0].target_score = Some(5.0);
    new.touchpoints
        .push(touchpoint(id(43), "Collects in store", id(21)));
    // A lane card moves to the end of its list.
    new.lane_cards.rotate_left(1);

    let diff = compare(&old, &new);
    assert_eq!(diff.fields, ["title"]);
    assert_eq!(
        diff.touchpoints_added,
        [TouchpointRef {
            id: id(43),
            title: "Collects in store".into()
        }]
    );
    assert_eq!(
        diff.touchpoints_removed,
        [TouchpointRef {
            id: id(40),
            title: "Sees an ad".into()
        }]
    );
    assert_eq!(
        diff.touchpoints_changed,
        [TouchpointChange {
            id: id(41),
            title: "Checks out in the app".into(),
            fields: vec!["target_score".into(), "title".into()],
        }]
    );
    assert_eq!(
        diff.kinds,
        [
            KindCounts {
                kind: ItemKind::Touchpoint,
                added: 1,
                removed: 1,
                changed: 1,
                moved: 0
            },
            KindCounts {
                kind: ItemKind::LaneCard,
                added: 0,
                removed: 0,
                changed: 0,
                moved: 1
            },
        ]
    );
    assert_eq!(
        diff.summary(),
        "1 touchpoint added, 1 removed, 1 changed; 1 lane card moved; title changed"
    );
    // And the edit between them gets there.
    assert_eq!(restored(&old, &new), new);
}

#[test]
fn one_item_moved_to_the_front_counts_as_one_move() {
    let old = sound_map();
    let mut new = old.clone();
    new.stages.rotate_right(1);
    let diff = compare(&old, &new);
    assert_eq!(diff.kinds.len(), 1);
    assert_eq!(
        (diff.kinds[0].kind, diff.kinds[0].moved),
        (ItemKind::Stage, 1)
    );
    assert_eq!(diff.summary(), "1 stage moved");
    assert_eq!(
        edit_between(&old, &new),
        Edit::Batch {
            edits: vec![Edit::Move {
                kind: ItemKind::Stage,
                id: id(22),
                to: 0
            }]
        }
    );
}

#[test]
fn plurals_read_naturally() {
    let old = sound_map();
    let mut new = old.clone();
    new.story.kpis.clear();
    new.story.capabilities.clear();
    new.personas.clear();
    new.persona = None;
    new.story.success_definitions.clear();
    let summary = compare(&old, &new).summary();
    assert_eq!(
        summary,
        "1 persona removed; 1 success definition removed; 1 capability removed; \
         1 KPI removed; persona changed"
    );
}
