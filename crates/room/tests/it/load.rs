//! 30 phones voting at once on loopback: no vote is lost and no budget exceeded.

use std::time::{Duration, Instant};

use serde_json::json;

use crate::client::post;
use crate::fixture::{id, parts, vote_room};

const PHONES: usize = 30;
const BUDGET: u32 = 5;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn thirty_phones_voting_at_once_lose_no_vote_and_exceed_no_budget() {
    let (room, mut events, _) = vote_room(BUDGET).await;
    let (addr, base) = parts(&room);
    let dots = format!("{base}api/dots");
    let started = Instant::now();
    let mut phones = Vec::new();
    for phone in 0..PHONES {
        let dots = dots.clone();
        phones.push(tokio::spawn(async move {
            let device = format!("phone-{phone}");
            // Each phone tries 8 single dots (5 fit), alternating cards by its number, and
            // takes one back and places it again: 9 accepted, 3 refused, 2 dots per card known.
            let mut accepted = 0;
            let mut refused = 0;
            let mut on = [0u32; 2];
            for attempt in 0..8usize {
                let card = (phone + attempt) % 2;
                let body = json!({ "device": device, "card": id(100 + card as u128), "op": "cast", "dots": 1 });
                let reply = post(addr, &dots, &body).await;
                match reply.status {
                    200 => {
                        accepted += 1;
                        on[card] += 1;
                        assert_eq!(reply.json()["remaining"], BUDGET - on[0] - on[1]);
                    }
                    409 => refused += 1,
                    other => panic!("phone {phone}: {other} {}", reply.body),
                }
                if attempt == 2 {
                    let body = json!({ "device": device, "card": id(100 + card as u128), "op": "retract", "dots": 1 });
                    assert_eq!(post(addr, &dots, &body).await.status, 200);
                    on[card] -= 1;
                }
            }
            (accepted, refused, on)
        }));
    }
    let mut expected = [0u32; 2];
    let outcome = tokio::time::timeout(Duration::from_secs(60), async {
        let mut all = Vec::new();
        for p in phones {
            all.push(p.await.expect("a phone's task panicked"));
        }
        all
    })
    .await
    .expect("30 phones took over 60 s");
    for (accepted, refused, on) in outcome {
        assert_eq!(on[0] + on[1], BUDGET, "a phone could not place its dots");
        assert_eq!(
            accepted, 6,
            "5 dots, plus one placed again after taking it back"
        );
        assert_eq!(refused, 2);
        expected[0] += on[0];
        expected[1] += on[1];
    }
    let elapsed = started.elapsed();
    let (tallies, voters, placed) = room
        .with_vote(|s| {
            let tallies: Vec<u32> = s.tallies().iter().map(|t| t.dots).collect();
            let placed: Vec<u32> = (0..PHONES)
                .map(|p| s.placed(&format!("phone-{p}")))
                .collect();
            (tallies, s.voters(), placed)
        })
        .unwrap();
    assert_eq!(tallies, expected);
    assert_eq!(tallies.iter().sum::<u32>(), PHONES as u32 * BUDGET);
    assert_eq!(voters, PHONES as u32);
    assert!(placed.iter().all(|&p| p == BUDGET), "{placed:?}");
    // Every accepted change was announced: 6 casts and 1 retraction per phone.
    let mut heard = 0;
    while events.try_recv().is_ok() {
        heard += 1;
    }
    assert_eq!(heard, PHONES * 7);
    eprintln!("{PHONES} phones, {} requests, in {elapsed:?}", PHONES * 9);
    room.stop().await;
}
