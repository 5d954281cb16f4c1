//! Workshop logic: a dot vote in progress, a private brainstorm round, and the workshop summary.
//!
//! Pure: no clock, no I/O, no randomness. The room server (crates/room) and the app keep one
//! [`VoteSession`] or [`BrainstormRound`] behind a lock and call these methods; what lands in
//! the map comes out as an [`Edit`](crate::edit::Edit) for the store, so it is undoable and
//! journaled like any other.
//!
//! Devices are named by an id the phone's page makes up and keeps ([`check_device`]); the
//! session gives each device its own budget of dots. Ideas of a private round are held apart
//! from the devices that sent them (only a count per device is kept, to bound a flood) and can
//! not be read until the facilitator reveals the round.
//!
//! The parts: [`VoteSession`] and [`ranking`] (the dot vote), [`BrainstormRound`] (the private
//! round) and [`summary_markdown`] (the workshop summary); this module keeps what they share,
//! the limits, [`WorkshopError`] and the device check.

mod brainstorm;
mod summary;
mod vote;

pub use brainstorm::{BrainstormRound, Idea, Role};
pub use summary::{summary_markdown, WorkshopRecord};
pub use vote::{ranking, Ranked, VoteSession};

use crate::model::{Id, JourneyMap};

/// The most dots a person may be given in one vote.
pub const MAX_DOTS_PER_PERSON: u32 = 100;
/// The most cards one vote may hold (a phone page lists them all).
pub const MAX_CARDS_PER_VOTE: usize = 200;
/// The most devices one vote or round accepts (a room of 30 with plenty to spare).
pub const MAX_DEVICES: usize = 500;
/// The longest device id the page may send.
pub const MAX_DEVICE_ID_LEN: usize = 64;
/// The longest idea, in characters.
pub const MAX_IDEA_CHARS: usize = 500;
/// The longest table-group tag, in characters.
pub const MAX_GROUP_CHARS: usize = 60;
/// The most ideas one device may send in one round.
pub const MAX_IDEAS_PER_DEVICE: usize = 50;

/// Why a workshop action was refused. Nothing changed when one is returned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WorkshopError {
    #[error("the vote needs a name")]
    EmptyName,
    #[error("the vote needs at least one card")]
    NoCards,
    #[error("a vote holds at most {max} cards; this one has {count}")]
    TooManyCards { count: usize, max: usize },
    #[error("card {card} is not a lane card or touchpoint of this map")]
    NotOnMap { card: Id },
    #[error("card {card} is in the vote twice")]
    DuplicateCard { card: Id },
    #[error("each person needs between 1 and {max} dots, not {dots}")]
    BadBudget { dots: u32, max: u32 },
    #[error("card {card} is not in this vote")]
    UnknownCard { card: Id },
    #[error("a vote counts whole dots from 1 up, not {dots}")]
    BadDotCount { dots: u32 },
    #[error(
        "this device has placed {placed} of its {budget} dots: {asked} more would exceed its budget"
    )]
    OverBudget {
        budget: u32,
        placed: u32,
        asked: u32,
    },
    #[error("this device has {placed} dots on card {card}: it cannot take back {asked}")]
    NothingToRetract { card: Id, placed: u32, asked: u32 },
    #[error(
        "{dots} dots typed for {people} people with {budget} dots each: that is more than they had"
    )]
    TypedOverBudget { dots: u64, people: u32, budget: u32 },
    #[error("the device id must be 1 to {max} letters, digits, '-' or '_'", max = MAX_DEVICE_ID_LEN)]
    BadDevice,
    #[error("this vote or round already has {max} devices", max = MAX_DEVICES)]
    TooManyDevices,
    #[error("the vote is closed")]
    VoteClosed,
    #[error("vote {vote} is not on this map")]
    VoteNotOnMap { vote: Id },
    #[error("no stage {stage} on this map")]
    NoStage { stage: Id },
    #[error("no lane {lane} on this map")]
    NoLane { lane: Id },
    #[error("the touchpoint lane holds touchpoints, not ideas: choose another lane")]
    TouchpointLane,
    #[error("an idea needs some text")]
    EmptyIdea,
    #[error("an idea is at most {max} characters; this one has {chars}", max = MAX_IDEA_CHARS)]
    IdeaTooLong { chars: usize },
    #[error("a table group is at most {max} characters; this one has {chars}", max = MAX_GROUP_CHARS)]
    GroupTooLong { chars: usize },
    #[error("this device has sent {max} ideas, the most one round takes", max = MAX_IDEAS_PER_DEVICE)]
    TooManyIdeas,
    #[error("the round has been revealed: it takes no more ideas")]
    RoundRevealed,
    #[error("the ideas stay hidden until the facilitator reveals the round")]
    RoundHidden,
    #[error("only the facilitator can end a round")]
    NotFacilitator,
}

/// Check a device id as the page sends it: 1 to 64 ASCII letters, digits, `-` or `_`.
pub fn check_device(device: &str) -> Result<(), WorkshopError> {
    let ok = !device.is_empty()
        && device.len() <= MAX_DEVICE_ID_LEN
        && device
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(WorkshopError::BadDevice)
    }
}

/// Whether `card` is a lane card or a touchpoint of `map`.
fn on_map(map: &JourneyMap, card: Id) -> bool {
    map.lane_cards.iter().any(|c| c.id == card) || map.touchpoints.iter().any(|t| t.id == card)
}

/// What the tests of the workshop's parts share: a small map to vote and brainstorm on.
#[cfg(test)]
mod fixture {
    use chrono::{TimeZone, Utc};
    use uuid::Uuid;

    use crate::model::{Channel, Id, JourneyMap, LaneCard, LaneKind, Touchpoint};

    pub(super) fn id(n: u128) -> Id {
        Uuid::from_u128(n)
    }

    /// Stages 2 "Onboarding" and 3 "Use"; lanes 4 to 13 in `JourneyMap::new`'s order (5 holds
    /// the touchpoints, 8 the pain points); pain points 100 (stage 2) and 101 (stage 3);
    /// touchpoint 200 (stage 2).
    pub(super) fn map() -> JourneyMap {
        let mut n = 1;
        let mut ids = || {
            n += 1;
            id(n)
        };
        let now = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
        let mut map = JourneyMap::new(id(1), "Onboarding", &["Onboarding", "Use"], &mut ids, now);
        let pains = map
            .lanes
            .iter()
            .find(|l| l.kind == LaneKind::PainPoints)
            .unwrap()
            .id;
        assert_eq!(pains, id(8));
        for (n, text, stage) in [(100, "Too many forms", 2), (101, "Slow approval", 3)] {
            map.lane_cards.push(LaneCard {
                id: id(n),
                lane: pains,
                stage: id(stage),
                text: text.into(),
                notes: String::new(),
                tag: None,
            });
        }
        map.touchpoints.push(Touchpoint {
            channel: Channel::Phone,
            ..Touchpoint::new(id(200), "Welcome call", id(2))
        });
        map
    }
}
