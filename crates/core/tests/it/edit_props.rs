//! Properties of edits on random maps: undo, redo, `invert`, all-or-none batches, and removal
//! with dependents.

use corridor_core::*;
use proptest::prelude::*;
use proptest::sample::Index;

use crate::common::Ids;
use crate::gen::{arb_map, arb_plan, fresh_ids, make_item, present_kinds, resolve, Plan, NOWHERE};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn generated_maps_are_sound(map in arb_map()) {
        prop_assert_eq!(validate(&map), Vec::<Problem>::new());
    }

    /// Apply, undo, redo: each step lands exactly where it should.
    #[test]
    fn undo_and_redo_restore_exactly((map, plan) in (arb_map(), arb_plan())) {
        let edit = resolve(&plan, &map, &mut fresh_ids());

        let mut edited = map.clone();
        let inverse = edit.apply(&mut edited).expect("a resolved edit applies");
        prop_assert_eq!(edit.invert(&map), Ok(inverse.clone()));

        let mut undone = edited.clone();
        let redo = inverse.apply(&mut undone).expect("the inverse applies to the edited map");
        prop_assert_eq!(&undone, &map);

        let mut redone = undone.clone();
        let undo_again = redo.apply(&mut redone).expect("redo applies to the restored map");
        prop_assert_eq!(&redone, &edited);
        // Inverting twice gives the edit back, and the second undo is the first one.
        prop_assert_eq!(&redo, &edit);
        prop_assert_eq!(&undo_again, &inverse);
    }

    /// A batch whose later edit fails leaves the map exactly as it was.
    #[test]
    fn a_failing_batch_changes_nothing(
        (map, before, bad, after, wrap) in (
            arb_map(),
            prop::collection::vec(arb_plan(), 0..4),
            any::<(Index, Index, Index)>(),
            prop::collection::vec(arb_plan(), 0..3),
            any::<bool>(),
        )
    ) {
        let mut fresh = fresh_ids();
        let mut scratch = map.clone();
        let mut edits = Vec::new();
        for plan in &before {
            let edit = resolve(plan, &scratch, &mut fresh);
            edit.apply(&mut scratch).expect("a resolved edit applies");
            edits.push(edit);
        }
        let (failing, expected) = failing_edit(&scratch, bad, &mut fresh);
        // The failing edit fails, with this error, where the batch meets it.
        prop_assert_eq!(failing.apply(&mut scratch.clone()), Err(expected.clone()));
        edits.push(if wrap { Edit::Batch { edits: vec![failing] } } else { failing });
        for plan in &after {
            edits.push(resolve(plan, &scratch, &mut fresh));
        }

        let batch = Edit::Batch { edits };
        let mut target = map.clone();
        prop_assert_eq!(batch.apply(&mut target), Err(expected.clone()));
        prop_assert_eq!(&target, &map);
        prop_assert_eq!(batch.invert(&map), Err(expected));
    }

    /// Removing a stage, touchpoint, lane or persona with its dependents leaves a sound map,
    /// takes away exactly the dependents, and undoes exactly.
    #[test]
    fn removing_with_dependents_leaves_a_sound_map(
        (map, kind, which) in (arb_map(), any::<Index>(), any::<Index>())
    ) {
        let kinds: Vec<ItemKind> = [
            ItemKind::Stage,
            ItemKind::Touchpoint,
            ItemKind::Lane,
            ItemKind::Persona,
            ItemKind::LaneCard,
        ]
        .into_iter()
        .filter(|k| k.count(&map) > 0)
        .collect();
        let kind = kinds[kind.index(kinds.len())];
        let ids = kind.ids(&map);
        let id = ids[which.index(ids.len())];

        let edit = remove_with_dependents(&map, kind, id).unwrap();
        let mut after = map.clone();
        let undo = edit.apply(&mut after).unwrap();

        let problems: Vec<String> = validate(&after).into_iter().map(|p| p.path).collect();
        if kind == ItemKind::Stage && map.stages.len() == 1 {
            // The one problem left is the map having no stage at all.
            prop_assert_eq!(problems, vec!["stages".to_string()]);
        } else {
            prop_assert_eq!(problems, Vec::<String>::new());
        }
        prop_assert!(Item::get(&after, kind, id).is_none());
        expect_only_dependents_gone(&map, &after, kind, id)?;

        let mut back = after.clone();
        undo.apply(&mut back).unwrap();
        prop_assert_eq!(back, map);
    }
}

/// An edit that fails on `map`, and the error it must fail with.
fn failing_edit(
    map: &JourneyMap,
    (kind, which, how): (Index, Index, Index),
    fresh: &mut Ids,
) -> (Edit, EditError) {
    let any_kind = ItemKind::ALL[kind.index(ItemKind::ALL.len())];
    let present = present_kinds(map);
    let not_found = EditError::NotFound {
        kind: any_kind,
        id: NOWHERE,
    };
    let choice = if present.is_empty() {
        how.index(3)
    } else {
        how.index(6)
    };
    match choice {
        0 => (
            Edit::Remove {
                kind: any_kind,
                id: NOWHERE,
            },
            not_found,
        ),
        1 => {
            let item = make_item(any_kind, NOWHERE, 7, &[which, which], map);
            (Edit::Replace { item }, not_found)
        }
        2 => (
            Edit::Move {
                kind: any_kind,
                id: NOWHERE,
                to: 0,
            },
            not_found,
        ),
        3 => {
            let kind = present[kind.index(present.len())];
            let ids = kind.ids(map);
            let taken = ids[which.index(ids.len())];
            let item = make_item(kind, taken, 8, &[which, which], map);
            let error = EditError::DuplicateId { kind, id: taken };
            (Edit::Insert { index: 0, item }, error)
        }
        4 => {
            let item = make_item(any_kind, fresh.next(), 9, &[which, which], map);
            let len = any_kind.count(map);
            let index = len + 1 + which.index(3);
            let error = EditError::IndexOutOfRange {
                kind: any_kind,
                index,
                len,
            };
            (
                Edit::Insert {
                    index: index as u32,
                    item,
                },
                error,
            )
        }
        _ => {
            let kind = present[kind.index(present.len())];
            let ids = kind.ids(map);
            let id = ids[which.index(ids.len())];
            let len = kind.count(map);
            let error = EditError::IndexOutOfRange {
                kind,
                index: len,
                len,
            };
            (
                Edit::Move {
                    kind,
                    id,
                    to: len as u32,
                },
                error,
            )
        }
    }
}

/// Check that removing `id` of `kind` from `before` took away it and its dependents, and
/// nothing else.
fn expect_only_dependents_gone(
    before: &JourneyMap,
    after: &JourneyMap,
    kind: ItemKind,
    id: Id,
) -> Result<(), TestCaseError> {
    let others = |k: ItemKind, gone: usize| -> Result<(), TestCaseError> {
        prop_assert_eq!(k.count(after), k.count(before) - gone, "{:?}", k);
        Ok(())
    };
    match kind {
        ItemKind::Stage => {
            let doomed: Vec<Id> = before.touchpoints_in(id).map(|t| t.id).collect();
            others(ItemKind::Stage, 1)?;
            others(ItemKind::Touchpoint, doomed.len())?;
            others(
                ItemKind::LaneCard,
                before.lane_cards.iter().filter(|c| c.stage == id).count(),
            )?;
            others(
                ItemKind::CorridorStep,
                before
                    .corridor
                    .steps
                    .iter()
                    .filter(|s| doomed.contains(&s.touchpoint))
                    .count(),
            )?;
            others(ItemKind::Lane, 0)?;
            others(ItemKind::Kpi, 0)?;
        }
        ItemKind::Touchpoint => {
            others(ItemKind::Touchpoint, 1)?;
            others(ItemKind::Stage, 0)?;
            others(
                ItemKind::CorridorStep,
                before
                    .corridor
                    .steps
                    .iter()
                    .filter(|s| s.touchpoint == id)
                    .count(),
            )?;
            // KPIs and initiatives stay, only unlinked.
            others(ItemKind::Kpi, 0)?;
            others(ItemKind::Initiative, 0)?;
            for (b, a) in before.story.kpis.iter().zip(&after.story.kpis) {
                let kept: Vec<Id> = b.touchpoints.iter().copied().filter(|t| *t != id).collect();
                prop_assert_eq!(&a.touchpoints, &kept);
                prop_assert_eq!(&a.name, &b.name);
            }
        }
        ItemKind::Lane => {
            others(ItemKind::Lane, 1)?;
            others(
                ItemKind::LaneCard,
                before.lane_cards.iter().filter(|c| c.lane == id).count(),
            )?;
            others(ItemKind::Stage, 0)?;
        }
        ItemKind::Persona => {
            others(ItemKind::Persona, 1)?;
            others(
                ItemKind::SuccessDefinition,
                before
                    .story
                    .success_definitions
                    .iter()
                    .filter(|d| d.persona == id)
                    .count(),
            )?;
            let expected = before.persona.filter(|p| *p != id);
            prop_assert_eq!(after.persona, expected);
        }
        ItemKind::LaneCard => {
            others(ItemKind::LaneCard, 1)?;
            others(ItemKind::Vote, 0)?;
        }
        _ => unreachable!("only five kinds have dependents"),
    }
    // Votes stay, without the cards that went (and their tallies).
    let cards: std::collections::HashSet<Id> = after
        .lane_cards
        .iter()
        .map(|c| c.id)
        .chain(after.touchpoints.iter().map(|t| t.id))
        .collect();
    prop_assert_eq!(ItemKind::Vote.count(after), ItemKind::Vote.count(before));
    for (b, a) in before.votes.iter().zip(&after.votes) {
        let kept: Vec<Id> = b
            .cards
            .iter()
            .copied()
            .filter(|c| cards.contains(c))
            .collect();
        prop_assert_eq!(&a.cards, &kept);
        let tallies: Vec<Tally> = b
            .tallies
            .iter()
            .filter(|t| cards.contains(&t.card))
            .cloned()
            .collect();
        prop_assert_eq!(&a.tallies, &tallies);
        prop_assert_eq!(&a.name, &b.name);
    }
    Ok(())
}

#[test]
fn a_plan_of_every_kind_resolves_against_the_sound_map() {
    // The generators reach every kind: inserting one of each into the sound map works.
    let map = crate::common::sound_map();
    let mut fresh = fresh_ids();
    for (n, kind) in ItemKind::ALL.iter().enumerate() {
        let position = ItemKind::ALL.iter().position(|k| k == kind).unwrap();
        let plan = Plan::Insert(
            index_of(position, ItemKind::ALL.len()),
            index_of(0, kind.count(&map) + 1),
            n as u16,
            [index_of(0, 1), index_of(0, 1)],
        );
        let edit = resolve(&plan, &map, &mut fresh);
        let Edit::Insert { item, index } = &edit else {
            panic!("{edit:?}")
        };
        assert_eq!(item.kind(), *kind);
        assert_eq!(*index, 0);
        let mut edited = map.clone();
        edit.apply(&mut edited).unwrap();
        assert_eq!(kind.count(&edited), kind.count(&map) + 1);
        assert_eq!(kind.ids(&edited)[0], item.id());
    }
}

/// An `Index` that resolves to `at` in a collection of `len`.
fn index_of(at: usize, len: usize) -> Index {
    // Index's scaling is proptest's business: draw deterministic ones until one lands there.
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    loop {
        let i = any::<Index>().new_tree(&mut runner).unwrap().current();
        if i.index(len) == at {
            return i;
        }
    }
}
