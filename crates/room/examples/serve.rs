//! A room on 127.0.0.1 over the retail example map, for trying the phone page by hand and for
//! the browser test (ui/e2e/room.test.mjs): a vote on the map's first five pain points with 3
//! dots each (`serve`), or a private round for the pain points of its first stage
//! (`serve brainstorm`). An optional second argument is the address (default `127.0.0.1:0`).
//!
//! It speaks JSON lines. Its first line on stdout says where the room is:
//! `{"url", "token", "kind", "cards": [{"id", "text"}], "dots_per_person"}`. Then each event of
//! the room as `{"event": …}`. It reads commands on stdin, one a line, and answers each on
//! stdout, as the app would ask the room:
//! `tally` → `{"tally": [{"card", "dots"}], "voters"}`; `count` → `{"count"}`;
//! `close` → `{"closed": EDIT}`; `reveal` → `{"revealed": EDIT}` (the lane cards the ideas
//! became); anything else → `{"error"}`. It stops at the end of stdin or when killed.

use corridor_core::workshop::{BrainstormRound, VoteSession};
use corridor_core::{Id, LaneKind};
use corridor_room::Room;
use serde_json::json;
use tokio::io::AsyncBufReadExt;

#[tokio::main(flavor = "multi_thread", worker_threads = 1)]
async fn main() {
    let text = include_str!("../../../examples/retail-omnichannel.corridor.json");
    let map = corridor_core::file::from_str(text).expect("the example reads");
    let addr = std::env::args()
        .nth(2)
        .unwrap_or_else(|| "127.0.0.1:0".into())
        .parse()
        .expect("an address such as 127.0.0.1:8080");
    let brainstorm = std::env::args().nth(1).as_deref() == Some("brainstorm");
    let pains = map
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::PainPoints)
        .expect("a pain-point lane");
    let (room, mut events, cards) = if brainstorm {
        let round = BrainstormRound::open(&map, map.stages[0].id, pains.id, "What slows you down?")
            .expect("the round opens");
        let (room, events) = Room::start_brainstorm(addr, round, &map)
            .await
            .expect("the room starts");
        (room, events, Vec::new())
    } else {
        let cards: Vec<Id> = map
            .lane_cards
            .iter()
            .filter(|c| c.lane == pains.id)
            .take(5)
            .map(|c| c.id)
            .collect();
        let (session, _) = VoteSession::open(
            &map,
            Id::from_u128(1),
            "Which pain points first?",
            cards.clone(),
            3,
        )
        .expect("the vote opens");
        let (room, events) = Room::start_vote(addr, session, &map)
            .await
            .expect("the room starts");
        let cards: Vec<_> = cards
            .iter()
            .map(|&id| json!({ "id": id, "text": map.card_text(id) }))
            .collect();
        (room, events, cards)
    };
    let token = room
        .url()
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_string();
    println!(
        "{}",
        json!({
            "url": room.url(),
            "token": token,
            "kind": if brainstorm { "brainstorm" } else { "vote" },
            "cards": cards,
            "dots_per_person": 3,
        })
    );
    tokio::spawn(async move {
        while let Some(event) = events.recv().await {
            println!("{}", json!({ "event": event }));
        }
    });
    let mut lines = tokio::io::BufReader::new(tokio::io::stdin()).lines();
    let mut next = 1000u128;
    while let Ok(Some(line)) = lines.next_line().await {
        let answer = match line.trim() {
            "tally" => match room.with_vote(|s| (s.tallies(), s.voters())) {
                Ok((tally, voters)) => json!({ "tally": tally, "voters": voters }),
                Err(e) => json!({ "error": e.to_string() }),
            },
            "count" => match room.idea_count() {
                Ok(count) => json!({ "count": count }),
                Err(e) => json!({ "error": e.to_string() }),
            },
            "close" => match room.close_vote(&map, "Fix the top one first") {
                Ok(edit) => json!({ "closed": edit }),
                Err(e) => json!({ "error": e.to_string() }),
            },
            "reveal" => {
                let mut ids = || {
                    next += 1;
                    Id::from_u128(next)
                };
                match room.reveal(&map, &mut ids) {
                    Ok(edit) => json!({ "revealed": edit }),
                    Err(e) => json!({ "error": e.to_string() }),
                }
            }
            other => json!({ "error": format!("unknown command {other:?}") }),
        };
        println!("{answer}");
    }
    room.stop().await;
}
