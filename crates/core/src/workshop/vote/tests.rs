//! Tests of the dot vote (kept apart from `vote.rs` so that file stays short).

use super::*;
use crate::workshop::fixture::{id, map};

fn open(map: &JourneyMap, dots: u32) -> VoteSession {
    let (session, edit) = VoteSession::open(
        map,
        id(300),
        "Fix first?",
        vec![id(100), id(101), id(200)],
        dots,
    )
    .unwrap();
    let mut copy = map.clone();
    edit.apply(&mut copy).unwrap();
    assert_eq!(copy.votes.len(), 1);
    assert_eq!(copy.votes[0].status, VoteStatus::Open);
    assert!(
        crate::validate(&copy).is_empty(),
        "{:?}",
        crate::validate(&copy)
    );
    session
}

#[test]
fn opening_refuses_a_bad_vote() {
    let map = map();
    let try_open = |name: &str, cards: Vec<Id>, dots| {
        VoteSession::open(&map, id(300), name, cards, dots)
            .map(|_| ())
            .unwrap_err()
    };
    assert_eq!(try_open(" ", vec![id(100)], 3), WorkshopError::EmptyName);
    assert_eq!(try_open("V", vec![], 3), WorkshopError::NoCards);
    assert_eq!(
        try_open("V", vec![id(100)], 0),
        WorkshopError::BadBudget { dots: 0, max: 100 }
    );
    assert_eq!(
        try_open("V", vec![id(999)], 3),
        WorkshopError::NotOnMap { card: id(999) }
    );
    // A stage is not a card.
    assert_eq!(
        try_open("V", vec![id(2)], 3),
        WorkshopError::NotOnMap { card: id(2) }
    );
    assert_eq!(
        try_open("V", vec![id(100), id(100)], 3),
        WorkshopError::DuplicateCard { card: id(100) }
    );
}

#[test]
fn dots_are_cast_and_retracted_within_each_device_budget() {
    let map = map();
    let mut s = open(&map, 3);
    assert_eq!(s.cast("phone-a", id(100), 2), Ok(1));
    assert_eq!(s.cast("phone-a", id(200), 1), Ok(0));
    assert_eq!(
        s.cast("phone-a", id(101), 1),
        Err(WorkshopError::OverBudget {
            budget: 3,
            placed: 3,
            asked: 1
        })
    );
    // Another phone has its own budget.
    assert_eq!(
        s.cast("phone-b", id(100), 4),
        Err(WorkshopError::OverBudget {
            budget: 3,
            placed: 0,
            asked: 4
        })
    );
    assert_eq!(s.cast("phone-b", id(100), 3), Ok(0));
    assert_eq!(
        s.cast("phone-b", id(999), 1),
        Err(WorkshopError::UnknownCard { card: id(999) })
    );
    assert_eq!(s.cast("phone b", id(100), 1), Err(WorkshopError::BadDevice));
    assert_eq!(
        s.cast("phone-c", id(100), 0),
        Err(WorkshopError::BadDotCount { dots: 0 })
    );
    assert_eq!(
        s.retract("phone-a", id(101), 1),
        Err(WorkshopError::NothingToRetract {
            card: id(101),
            placed: 0,
            asked: 1
        })
    );
    assert_eq!(s.retract("phone-a", id(100), 1), Ok(1));
    assert_eq!(s.cast("phone-a", id(101), 1), Ok(0));
    // a: 100 ×1, 101 ×1, 200 ×1; b: 100 ×3.
    let t = s.tallies();
    assert_eq!(
        t.iter().map(|t| (t.card, t.dots)).collect::<Vec<_>>(),
        [(id(100), 4), (id(101), 1), (id(200), 1)]
    );
    assert_eq!(s.voters(), 2);
    assert_eq!(
        s.ranking(),
        [
            Ranked {
                rank: 1,
                card: id(100),
                dots: 4
            },
            Ranked {
                rank: 2,
                card: id(101),
                dots: 1
            },
            Ranked {
                rank: 2,
                card: id(200),
                dots: 1
            },
        ]
    );
    // A device that takes back all its dots no longer counts as a voter.
    s.retract("phone-b", id(100), 3).unwrap();
    assert_eq!(s.voters(), 1);
    assert_eq!(s.remaining("phone-b"), 3);
}

#[test]
fn ties_share_a_rank_and_keep_the_vote_order() {
    let t = |card, dots| Tally {
        card: id(card),
        dots,
    };
    let ranks: Vec<(u32, Id)> = ranking(&[t(1, 2), t(2, 5), t(3, 2), t(4, 0), t(5, 5)])
        .into_iter()
        .map(|r| (r.rank, r.card))
        .collect();
    assert_eq!(
        ranks,
        [(1, id(2)), (1, id(5)), (3, id(1)), (3, id(3)), (5, id(4))]
    );
}

#[test]
fn typed_dots_count_with_their_people() {
    let map = map();
    let mut s = open(&map, 2);
    s.cast("phone-a", id(101), 2).unwrap();
    let typed = BTreeMap::from([(id(100), 3), (id(101), 2)]);
    assert_eq!(
        s.set_typed(&typed, 2),
        Err(WorkshopError::TypedOverBudget {
            dots: 5,
            people: 2,
            budget: 2
        })
    );
    s.set_typed(&typed, 3).unwrap();
    assert_eq!(s.voters(), 4);
    assert_eq!(s.tallies()[0].dots, 3);
    assert_eq!(s.tallies()[1].dots, 4);
    let bad = BTreeMap::from([(id(7), 1)]);
    assert_eq!(
        s.set_typed(&bad, 9),
        Err(WorkshopError::UnknownCard { card: id(7) })
    );
    assert_eq!(s.voters(), 4, "a refused typing changes nothing");
}

#[test]
fn closing_stores_the_tallies_and_refuses_more_dots() {
    let mut map = map();
    let (mut s, opened) =
        VoteSession::open(&map, id(300), "Fix first?", vec![id(100), id(101)], 2).unwrap();
    opened.apply(&mut map).unwrap();
    s.cast("a", id(101), 2).unwrap();
    s.cast("b", id(100), 1).unwrap();
    let edit = s.close(&map, " Fix approvals ").unwrap();
    assert!(matches!(edit, Edit::Replace { .. }));
    edit.apply(&mut map).unwrap();
    let vote = &map.votes[0];
    assert_eq!(vote.status, VoteStatus::Closed);
    assert_eq!(vote.voters, 2);
    assert_eq!(vote.decision, "Fix approvals");
    assert_eq!(
        vote.tallies,
        [
            Tally {
                card: id(100),
                dots: 1
            },
            Tally {
                card: id(101),
                dots: 2
            }
        ]
    );
    assert!(crate::validate(&map).is_empty());
    assert_eq!(s.cast("c", id(100), 1), Err(WorkshopError::VoteClosed));
    assert_eq!(s.close(&map, "").unwrap_err(), WorkshopError::VoteClosed);
}

#[test]
fn a_vote_closed_without_its_open_record_is_inserted() {
    let map = map();
    let (mut s, _) = VoteSession::open(&map, id(300), "V", vec![id(200)], 1).unwrap();
    s.cast("a", id(200), 1).unwrap();
    let edit = s.close(&map, "").unwrap();
    assert!(matches!(edit, Edit::Insert { index: 0, .. }));
}
