//! Matching observed names to touchpoints, suggestions, and confirmed aliases as an edit.

use corridor_core::data::Quiet;
use corridor_core::gap::*;
use corridor_core::*;

use crate::common::{id, t0, touchpoint};
use crate::gap_fixture::{close_opt, log, map as example_map};

/// 40 "Sees an ad" (alias "Ad click"), 41 "checkout" (alias "pay"), 42 "Pay",
/// 43 and 44 both "Help".
fn map() -> JourneyMap {
    let mut m = JourneyMap::new(id(1), "m", &[], &mut || id(999), t0());
    m.lanes.clear();
    m.stages = vec![Stage {
        id: id(20),
        name: "All".into(),
        description: String::new(),
    }];
    let mut a = touchpoint(id(40), "Sees an ad", id(20));
    a.aliases = vec!["Ad click".into()];
    let mut b = touchpoint(id(41), "checkout", id(20));
    b.aliases = vec!["pay".into()];
    m.touchpoints = vec![
        a,
        b,
        touchpoint(id(42), "Pay", id(20)),
        touchpoint(id(43), "Help", id(20)),
        touchpoint(id(44), "Help", id(20)),
    ];
    m
}

#[test]
fn precedence_alias_then_normalised_alias_then_title() {
    let m = map();
    let index = AliasIndex::new(&m);
    use MatchKind::*;
    let cases = [
        ("Ad click", Some((0, Alias))),
        ("  AD   CLICK ", Some((0, AliasNormalized))),
        // The normalised alias "pay" of touchpoint 41 beats the exact title "Pay" of 42.
        ("Pay", Some((1, AliasNormalized))),
        ("checkout", Some((1, Title))),
        ("CHECKOUT", Some((1, TitleNormalized))),
        ("Sees an ad", Some((0, Title))),
        // Two touchpoints share the title: it names neither.
        ("Help", None),
        ("help", None),
        ("Ad-click", None),
    ];
    for (name, expected) in cases {
        assert_eq!(index.resolve(name), expected, "{name}");
    }
}

#[test]
fn suggestions_need_similarity_and_break_ties_by_board_order() {
    let m = map();
    let index = AliasIndex::new(&m);
    let s = index.suggest("ad_clicked").expect("close to \"Ad click\"");
    assert_eq!(s.touchpoint, 0);
    assert!(s.similarity >= SUGGEST_AT_LEAST_FOR_TESTS);
    // "Help" is both 43 and 44: the earlier wins.
    assert_eq!(index.suggest("help!").unwrap().touchpoint, 3);
    assert_eq!(index.suggest("zzzz"), None);
}

const SUGGEST_AT_LEAST_FOR_TESTS: f64 = corridor_core::gap::mapping::SUGGEST_AT_LEAST;

fn confirm(activity: &str, n: u128) -> ConfirmedAlias {
    ConfirmedAlias {
        activity: activity.into(),
        touchpoint: id(n),
    }
}

#[test]
fn confirmed_aliases_become_one_undoable_edit() {
    let m = map();
    let edit = aliases_edit(
        &m,
        &[
            confirm("paid", 41),
            confirm("Ad clicked", 40),
            confirm("AD  CLICKED", 40),
            confirm("ad CLICK", 40),
        ],
    )
    .unwrap()
    .expect("two touchpoints change");
    let Edit::Batch { edits } = &edit else {
        panic!("a batch")
    };
    let changed: Vec<(Id, Vec<String>)> = edits
        .iter()
        .map(|e| match e {
            Edit::Replace {
                item: Item::Touchpoint(t),
            } => (t.id, t.aliases.clone()),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        changed,
        [
            (
                id(40),
                vec!["Ad click".to_string(), "Ad clicked".to_string()]
            ),
            (id(41), vec!["pay".to_string(), "paid".to_string()]),
        ]
    );
    let mut edited = m.clone();
    let undo = edit.apply(&mut edited).unwrap();
    assert_eq!(validate(&edited), []);
    assert_eq!(
        AliasIndex::new(&edited).resolve("Ad clicked"),
        Some((0, MatchKind::Alias))
    );
    undo.apply(&mut edited).unwrap();
    assert_eq!(edited, m);

    assert_eq!(aliases_edit(&m, &[confirm("pay", 41)]), Ok(None));
    assert_eq!(aliases_edit(&m, &[]), Ok(None));
}

#[test]
fn confirmed_aliases_that_cannot_be() {
    let m = map();
    assert_eq!(
        aliases_edit(&m, &[confirm("x", 77)]),
        Err(MappingError::UnknownTouchpoint { touchpoint: id(77) })
    );
    assert_eq!(
        aliases_edit(&m, &[confirm("   ", 40)]),
        Err(MappingError::EmptyAlias)
    );
    assert_eq!(
        aliases_edit(&m, &[confirm("PAY", 40)]),
        Err(MappingError::AliasTaken {
            activity: "PAY".into(),
            touchpoint: id(41),
            title: "checkout".into(),
        })
    );
    assert_eq!(
        aliases_edit(&m, &[confirm("x", 40), confirm("X", 41)]),
        Err(MappingError::Conflict {
            activity: "X".into(),
            first: id(40),
            second: id(41),
        })
    );
}

#[test]
fn a_confirmed_alias_changes_the_report() {
    // Confirm "Parcel lost" as the delivery: case 6 then follows the corridor exactly.
    let mut m = example_map();
    let edit = aliases_edit(&m, &[confirm("Parcel lost", 42)])
        .unwrap()
        .unwrap();
    edit.apply(&mut m).unwrap();
    let r = gap_report(&m, &log(), &Filter::all(), &mut Quiet).unwrap();
    let unmatched: Vec<&str> = r
        .blind_spots
        .unmatched_activities
        .iter()
        .map(|u| u.name.as_str())
        .collect();
    assert_eq!(unmatched, ["FAQ viewed"]);
    close_opt(r.conformance.log_fitness, 1.0 - 5.0 / 44.0);
    assert_eq!(r.conformance.follows, 4);
    // C gains case 6's score of 1: 2, 4, 4, 4, 5 and 1.
    close_opt(r.touchpoints[2].mean, 20.0 / 6.0);
}
