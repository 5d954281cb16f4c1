//! A room on 127.0.0.1 for trying the phone page by hand or from a browser test: a vote on the
//! pain points of the SaaS onboarding example (`serve`), or a private round (`serve brainstorm`).
//! Prints the URL on the first line, then each event, until killed.

use corridor_core::workshop::{BrainstormRound, VoteSession};
use corridor_core::{Id, LaneKind};
use corridor_room::Room;

#[tokio::main(flavor = "multi_thread", worker_threads = 1)]
async fn main() {
    let text = include_str!("../../../examples/saas-onboarding.corridor.json");
    let map = corridor_core::file::from_str(text).expect("the example reads");
    let addr = std::env::args()
        .nth(2)
        .unwrap_or_else(|| "127.0.0.1:0".into())
        .parse()
        .expect("an address such as 127.0.0.1:8080");
    let (room, mut events) = if std::env::args().nth(1).as_deref() == Some("brainstorm") {
        let lane = map
            .lanes
            .iter()
            .find(|l| l.kind == LaneKind::PainPoints)
            .expect("a lane");
        let round = BrainstormRound::open(&map, map.stages[0].id, lane.id, "What slows you down?")
            .expect("the round opens");
        Room::start_brainstorm(addr, round, &map).await
    } else {
        let cards: Vec<Id> = map.lane_cards.iter().take(5).map(|c| c.id).collect();
        let (session, _) =
            VoteSession::open(&map, Id::from_u128(1), "Which pain points first?", cards, 3)
                .expect("the vote opens");
        Room::start_vote(addr, session, &map).await
    }
    .expect("the room starts");
    println!("{}", room.url());
    while let Some(event) = events.recv().await {
        println!(
            "{}",
            serde_json::to_string(&event).expect("an event serialises")
        );
    }
}
