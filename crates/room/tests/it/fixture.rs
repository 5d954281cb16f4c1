//! A small map to vote on, and rooms started on 127.0.0.1 with a free port.

use std::net::SocketAddr;

use chrono::{TimeZone, Utc};
use corridor_core::workshop::{BrainstormRound, VoteSession};
use corridor_core::*;
use corridor_room::{Room, RoomEvent};
use tokio::sync::mpsc::UnboundedReceiver;
use uuid::Uuid;

pub fn id(n: u128) -> Id {
    Uuid::from_u128(n)
}

pub const LOOPBACK: &str = "127.0.0.1:0";

/// Stages 2 "Onboarding", 3 "Use"; lanes 4 to 13 as `JourneyMap::new` makes them (8 holds the
/// pain points); pain points 100 "Too many forms", 101 "Slow approval" and 102 "SECRET: not in
/// the vote".
pub fn map() -> JourneyMap {
    let mut n = 1;
    let mut ids = || {
        n += 1;
        id(n)
    };
    let now = Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap();
    let mut map = JourneyMap::new(
        id(1),
        "Onboarding map",
        &["Onboarding", "Use"],
        &mut ids,
        now,
    );
    for (n, text) in [
        (100, "Too many forms"),
        (101, "Slow approval"),
        (102, "SECRET: not in the vote"),
    ] {
        map.lane_cards.push(LaneCard {
            id: id(n),
            lane: id(8),
            stage: id(2),
            text: text.into(),
            notes: "SECRET NOTES".into(),
            tag: None,
        });
    }
    map
}

/// A room with a vote on cards 100 and 101, `dots` each.
pub async fn vote_room(dots: u32) -> (Room, UnboundedReceiver<RoomEvent>, JourneyMap) {
    let mut map = map();
    let (session, edit) =
        VoteSession::open(&map, id(300), "Fix first?", vec![id(100), id(101)], dots).unwrap();
    edit.apply(&mut map).unwrap();
    let (room, events) = Room::start_vote(LOOPBACK.parse().unwrap(), session, &map)
        .await
        .unwrap();
    (room, events, map)
}

pub async fn brainstorm_room() -> (Room, UnboundedReceiver<RoomEvent>, JourneyMap) {
    let map = map();
    let round = BrainstormRound::open(&map, id(3), id(8), "What slows you down?").unwrap();
    let (room, events) = Room::start_brainstorm(LOOPBACK.parse().unwrap(), round, &map)
        .await
        .unwrap();
    (room, events, map)
}

/// The room's address and its path prefix (`/v/TOKEN/`).
pub fn parts(room: &Room) -> (SocketAddr, String) {
    let url = room.url();
    let path = url.split_once("//").unwrap().1;
    let path = &path[path.find('/').unwrap()..];
    (room.local_addr(), path.to_string())
}
