//! The workshop's vote session under random use: no device ever holds more dots than its
//! budget, refused actions change nothing, and the tallies always equal the dots accepted.

use std::collections::HashMap;

use corridor_core::workshop::{VoteSession, WorkshopError};
use corridor_core::*;
use proptest::prelude::*;

use crate::common::{id, sound_map};

#[derive(Debug, Clone)]
enum Act {
    Cast(usize, usize, u32),
    Retract(usize, usize, u32),
}

fn act() -> impl Strategy<Value = Act> {
    prop_oneof![
        3 => (0usize..6, 0usize..4, 0u32..5).prop_map(|(d, c, n)| Act::Cast(d, c, n)),
        1 => (0usize..6, 0usize..4, 0u32..4).prop_map(|(d, c, n)| Act::Retract(d, c, n)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn no_device_ever_exceeds_its_budget(
        budget in 1u32..6,
        acts in prop::collection::vec(act(), 0..80),
    ) {
        let map = sound_map();
        // Cards 50 and 51 and touchpoint 41 are in the vote; the fourth choice (id 999) is not.
        let cards = [id(50), id(51), id(41), id(999)];
        let (mut s, _) =
            VoteSession::open(&map, id(300), "Random", cards[..3].to_vec(), budget).unwrap();
        // The model: dots per (device, card), kept independently of the session.
        let mut model: HashMap<(usize, usize), u32> = HashMap::new();
        for act in acts {
            let before = s.clone();
            let (device, card, n, cast) = match act {
                Act::Cast(d, c, n) => (d, c, n, true),
                Act::Retract(d, c, n) => (d, c, n, false),
            };
            let name = format!("phone-{device}");
            let held: u32 = (0..4).map(|c| model.get(&(device, c)).copied().unwrap_or(0)).sum();
            let on_card = model.get(&(device, card)).copied().unwrap_or(0);
            let result = if cast {
                s.cast(&name, cards[card], n)
            } else {
                s.retract(&name, cards[card], n)
            };
            let should_pass = card < 3 && n > 0 && if cast { held + n <= budget } else { n <= on_card };
            prop_assert_eq!(result.is_ok(), should_pass, "{:?}", result);
            match result {
                Ok(left) => {
                    let entry = model.entry((device, card)).or_default();
                    if cast { *entry += n } else { *entry -= n }
                    let held: u32 =
                        (0..4).map(|c| model.get(&(device, c)).copied().unwrap_or(0)).sum();
                    prop_assert_eq!(left, budget - held);
                }
                Err(err) => {
                    prop_assert_eq!(&s, &before, "a refusal changed the session");
                    if card == 3 {
                        prop_assert_eq!(err, WorkshopError::UnknownCard { card: id(999) });
                    }
                }
            }
            for d in 0..6 {
                let placed = s.placed(&format!("phone-{d}"));
                prop_assert!(placed <= budget, "{} holds {} dots", d, placed);
            }
            for (c, tally) in s.tallies().iter().enumerate() {
                let expected: u32 = (0..6).map(|d| model.get(&(d, c)).copied().unwrap_or(0)).sum();
                prop_assert_eq!(tally.dots, expected);
            }
            let total: u32 = s.tallies().iter().map(|t| t.dots).sum();
            prop_assert!(total <= s.voters() * budget);
        }
        // Closing stores a vote that validates.
        let mut map = map;
        let (_, open) = VoteSession::open(&map, id(300), "Random", cards[..3].to_vec(), budget)
            .unwrap();
        open.apply(&mut map).unwrap();
        s.close(&map, "").unwrap().apply(&mut map).unwrap();
        prop_assert_eq!(validate(&map), Vec::<Problem>::new());
    }
}
