//! The room's security promises, each checked against the real server on loopback.

use corridor_core::workshop::VoteSession;
use corridor_core::*;
use corridor_room::{Room, RoomEvent, BODY_LIMIT, CSP};
use serde_json::json;

use crate::client::{get, post, request};
use crate::fixture::{brainstorm_room, id, map, parts, vote_room, LOOPBACK};

fn tallies(room: &Room) -> Vec<u32> {
    room.with_vote(|s| s.tallies().iter().map(|t| t.dots).collect())
        .unwrap()
}

#[tokio::test]
async fn requests_without_the_token_or_with_a_wrong_one_get_403() {
    let (room, _events, _) = vote_room(3).await;
    let (addr, base) = parts(&room);
    let token = base
        .trim_start_matches("/v/")
        .trim_end_matches('/')
        .to_string();
    assert!(token.len() >= 32, "{token}");
    let mut wrong = token.clone().into_bytes();
    wrong[5] = if wrong[5] == b'a' { b'b' } else { b'a' };
    let wrong = String::from_utf8(wrong).unwrap();
    for path in [
        "/".to_string(),
        "/v/".to_string(),
        "/v".to_string(),
        "/room.js".to_string(),
        "/etc/passwd".to_string(),
        format!("/v/{wrong}/"),
        format!("/v/{}/", &token[..token.len() - 1]),
        format!("/v/{token}x/"),
        format!("/x/{token}/"),
        format!("/v/{}/", token.to_uppercase()),
    ] {
        let reply = get(addr, &path).await;
        assert_eq!(reply.status, 403, "{path}");
        assert_eq!(reply.header("content-security-policy"), Some(CSP), "{path}");
        assert!(reply.json()["error"].as_str().unwrap().contains("link"));
    }
    let vote = json!({ "device": "phone-1", "card": id(100), "op": "cast", "dots": 1 });
    for path in [format!("/v/{wrong}/api/dots"), "/api/dots".to_string()] {
        assert_eq!(post(addr, &path, &vote).await.status, 403, "{path}");
    }
    assert_eq!(tallies(&room), [0, 0], "a refused request changed nothing");
    // With the token, the page and its API answer; other paths under it are 404, not files.
    assert_eq!(get(addr, &base).await.status, 200);
    assert_eq!(
        post(addr, &format!("{base}api/dots"), &vote).await.status,
        200
    );
    for path in [
        "../../../etc/passwd",
        "src/lib.rs",
        "assets/room.html",
        "api/",
        "api/map",
    ] {
        assert_eq!(
            get(addr, &format!("{base}{path}")).await.status,
            404,
            "{path}"
        );
    }
    // Without the final slash: sent to the page.
    let reply = get(addr, base.trim_end_matches('/')).await;
    assert_eq!(reply.status, 308);
    assert_eq!(tallies(&room), [1, 0]);
}

#[tokio::test]
async fn every_room_has_its_own_token_and_a_qr_code_of_its_url() {
    let (a, _ea, _) = vote_room(3).await;
    let (b, _eb, _) = vote_room(3).await;
    assert_ne!(parts(&a).1, parts(&b).1);
    assert!(a
        .url()
        .starts_with(&format!("http://{}/v/", a.local_addr())));
    let svg = a.qr_svg();
    assert!(svg.contains("<svg"), "{svg}");
    assert!(svg.contains("<path"), "{svg}");
    assert_ne!(svg, b.qr_svg(), "the code carries the URL");
}

#[tokio::test]
async fn the_page_and_the_api_expose_only_the_cards_of_the_vote() {
    let (room, _events, _) = vote_room(3).await;
    let (addr, base) = parts(&room);
    let page = get(addr, &base).await;
    assert_eq!(page.status, 200);
    assert_eq!(page.header("content-security-policy"), Some(CSP));
    assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(page.header("referrer-policy"), Some("no-referrer"));
    assert!(page
        .header("content-type")
        .unwrap()
        .starts_with("text/html"));
    // The page loads nothing from elsewhere: no URL with a scheme or a host in it.
    for asset in ["", "room.js", "room.css"] {
        let body = get(addr, &format!("{base}{asset}")).await.body;
        assert!(
            !body.contains("http://") && !body.contains("https://") && !body.contains("//cdn"),
            "{asset}"
        );
        assert!(!body.contains("innerHTML"), "{asset}");
    }
    let state = post(
        addr,
        &format!("{base}api/state"),
        &json!({ "device": "phone-1" }),
    )
    .await;
    assert_eq!(state.status, 200);
    let value = state.json();
    let cards: Vec<(String, String)> = value["cards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["id"].as_str().unwrap().to_string(),
                c["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        cards,
        [
            (id(100).to_string(), "Too many forms".to_string()),
            (id(101).to_string(), "Slow approval".to_string()),
        ]
    );
    // Nothing else of the map: not the other card, not notes, not the map's title or stages.
    for secret in [
        "SECRET",
        "Onboarding map",
        "Onboarding\"",
        &id(102).to_string(),
        &id(1).to_string(),
    ] {
        assert!(!state.body.contains(secret), "{secret} in {}", state.body);
    }
    assert_eq!(value["dots_per_person"], 3);
    assert_eq!(value["remaining"], 3);
    // Totals are not shown while the vote is open (no bandwagon).
    assert!(value["cards"][0].get("dots").is_none());
}

#[tokio::test]
async fn over_budget_and_malformed_votes_get_a_clear_4xx_and_change_nothing() {
    let (room, mut events, _) = vote_room(2).await;
    let (addr, base) = parts(&room);
    let dots = format!("{base}api/dots");
    let cast = |device: &str, card: Id, n: u32| json!({ "device": device, "card": card, "op": "cast", "dots": n });
    assert_eq!(
        post(addr, &dots, &cast("phone-1", id(100), 2)).await.status,
        200
    );
    assert!(matches!(
        events.recv().await,
        Some(RoomEvent::Tally { voters: 1, .. })
    ));

    let over = post(addr, &dots, &cast("phone-1", id(101), 1)).await;
    assert_eq!(over.status, 409);
    assert!(
        over.json()["error"]
            .as_str()
            .unwrap()
            .contains("exceed its budget"),
        "{}",
        over.body
    );
    let too_many = post(addr, &dots, &cast("phone-2", id(101), 3)).await;
    assert_eq!(too_many.status, 409);

    let cases: Vec<(Vec<u8>, u16, &str)> = vec![
        (b"{not json".to_vec(), 400, ""),
        (b"[]".to_vec(), 422, ""),
        (
            json!({ "device": "phone-3", "card": id(100), "op": "cast" })
                .to_string()
                .into_bytes(),
            422,
            "dots",
        ),
        (
            json!({ "device": "phone-3", "card": "not-a-uuid", "op": "cast", "dots": 1 })
                .to_string()
                .into_bytes(),
            422,
            "",
        ),
        (
            json!({ "device": "phone-3", "card": id(100), "op": "steal", "dots": 1 })
                .to_string()
                .into_bytes(),
            422,
            "",
        ),
        (
            json!({ "device": "phone-3", "card": id(100), "op": "cast", "dots": -1 })
                .to_string()
                .into_bytes(),
            422,
            "",
        ),
        (
            json!({ "device": "phone-3", "card": id(100), "op": "cast", "dots": 1, "admin": true })
                .to_string()
                .into_bytes(),
            422,
            "admin",
        ),
        (
            cast("phone-3", id(100), 0).to_string().into_bytes(),
            422,
            "whole dots",
        ),
        (
            cast("phone 3 <script>", id(100), 1)
                .to_string()
                .into_bytes(),
            422,
            "device id",
        ),
        (
            cast("", id(100), 1).to_string().into_bytes(),
            422,
            "device id",
        ),
        (
            cast(&"x".repeat(65), id(100), 1).to_string().into_bytes(),
            422,
            "device id",
        ),
        (
            cast("phone-3", id(102), 1).to_string().into_bytes(),
            422,
            "not in this vote",
        ),
        (
            json!({ "device": "phone-3", "card": id(101), "op": "retract", "dots": 1 })
                .to_string()
                .into_bytes(),
            409,
            "cannot take back",
        ),
    ];
    for (body, status, says) in cases {
        let reply = request(addr, "POST", &dots, Some(&body)).await;
        assert_eq!(
            reply.status,
            status,
            "{} → {}",
            String::from_utf8_lossy(&body),
            reply.body
        );
        let message = reply.json()["error"].as_str().unwrap().to_string();
        assert!(message.contains(says), "{message}");
    }
    assert_eq!(tallies(&room), [2, 0]);
    assert_eq!(room.with_vote(|s| s.voters()).unwrap(), 1);
    assert!(
        events.try_recv().is_err(),
        "a refused vote announced a change"
    );
}

#[tokio::test]
async fn a_one_megabyte_body_is_refused_with_413_and_changes_nothing() {
    let (room, mut events, _) = vote_room(3).await;
    let (addr, base) = parts(&room);
    // A valid vote padded to 1 MB by a long device id: refused for its size, before parsing.
    let big = json!({ "device": "p".repeat(1 << 20), "card": id(100), "op": "cast", "dots": 1 });
    let body = big.to_string().into_bytes();
    assert!(body.len() > 1 << 20);
    for path in ["api/dots", "api/state", "api/ideas"] {
        let reply = request(addr, "POST", &format!("{base}{path}"), Some(&body)).await;
        assert_eq!(reply.status, 413, "{path}: {}", reply.body);
        assert!(reply.json()["error"]
            .as_str()
            .unwrap()
            .contains(&BODY_LIMIT.to_string()));
    }
    assert_eq!(tallies(&room), [0, 0]);
    assert!(events.try_recv().is_err());
    // The server is still fine.
    let ok = post(
        addr,
        &format!("{base}api/dots"),
        &json!({ "device": "p", "card": id(100), "op": "cast", "dots": 1 }),
    )
    .await;
    assert_eq!(ok.status, 200);
}

#[tokio::test]
async fn private_ideas_are_unreadable_before_the_reveal_and_authorless_after() {
    let (room, mut events, mut map) = brainstorm_room().await;
    let (addr, base) = parts(&room);
    let ideas = format!("{base}api/ideas");
    let secret = "Nobody reads the welcome email";
    let r = post(
        addr,
        &ideas,
        &json!({ "device": "alice-phone", "text": secret }),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(
        !r.body.contains(secret),
        "the sender's own answer holds no idea text"
    );
    let r = post(
        addr,
        &ideas,
        &json!({ "device": "bob-phone", "text": "Approval takes a week", "group": "Table 2" }),
    )
    .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["count"], 2);
    assert_eq!(r.json()["sent"], 1);
    // Bad ideas are refused and not counted.
    for (body, status) in [
        (json!({ "device": "bob-phone", "text": "   " }), 422),
        (
            json!({ "device": "bob-phone", "text": "x".repeat(501) }),
            422,
        ),
        (
            json!({ "device": "bob-phone", "text": "ok", "group": "g".repeat(61) }),
            422,
        ),
        (
            json!({ "device": "bob-phone", "text": "ok", "author": "Bob" }),
            422,
        ),
    ] {
        assert_eq!(post(addr, &ideas, &body).await.status, status, "{body}");
    }
    assert_eq!(room.idea_count().unwrap(), 2);
    // Before the reveal, no request of anyone shows an idea: not the state, not the page.
    for device in ["alice-phone", "bob-phone", "projector"] {
        let state = post(
            addr,
            &format!("{base}api/state"),
            &json!({ "device": device }),
        )
        .await;
        assert_eq!(state.status, 200);
        assert!(
            !state.body.contains(secret) && !state.body.contains("Approval"),
            "{}",
            state.body
        );
        assert_eq!(state.json()["ideas"], json!([]));
        assert_eq!(state.json()["revealed"], false);
    }
    for path in ["", "room.js", "api/ideas"] {
        let reply = get(addr, &format!("{base}{path}")).await;
        assert!(!reply.body.contains(secret), "{path}");
    }
    // The app hears counts only.
    let mut heard = Vec::new();
    while let Ok(event) = events.try_recv() {
        heard.push(event);
    }
    assert_eq!(
        heard,
        [RoomEvent::Ideas { count: 1 }, RoomEvent::Ideas { count: 2 }]
    );
    // Votes are not taken in a brainstorm room.
    let vote = json!({ "device": "bob-phone", "card": id(100), "op": "cast", "dots": 1 });
    assert_eq!(
        post(addr, &format!("{base}api/dots"), &vote).await.status,
        409
    );

    // The facilitator reveals: lane cards in the round's stage and lane, no author anywhere.
    let mut n = 500;
    let edit = room
        .reveal(&map, &mut || {
            n += 1;
            id(n)
        })
        .unwrap();
    let text = serde_json::to_string(&edit).unwrap();
    assert!(!text.contains("alice") && !text.contains("bob"), "{text}");
    edit.apply(&mut map).unwrap();
    let new: Vec<&LaneCard> = map.lane_cards.iter().filter(|c| c.id >= id(501)).collect();
    assert_eq!(new.len(), 2);
    assert!(new.iter().all(|c| c.stage == id(3) && c.lane == id(8)));
    let by_text = |t: &str| new.iter().find(|c| c.text == t).unwrap().tag.clone();
    assert_eq!(by_text(secret), None);
    assert_eq!(
        by_text("Approval takes a week"),
        Some(CardTag::TableGroup("Table 2".into()))
    );
    assert_eq!(validate(&map), Vec::<Problem>::new());
    // After the reveal the phones see the ideas, without author; no more are taken.
    let state = post(
        addr,
        &format!("{base}api/state"),
        &json!({ "device": "alice-phone" }),
    )
    .await;
    assert!(state.body.contains(secret));
    assert!(
        !state.body.contains("alice") && !state.body.contains("bob"),
        "{}",
        state.body
    );
    let late = post(
        addr,
        &ideas,
        &json!({ "device": "carol-phone", "text": "late" }),
    )
    .await;
    assert_eq!(late.status, 409);
    // Only the facilitator ends a round: the API has no way to, and a second reveal is refused.
    assert!(room.reveal(&map, &mut || id(999)).is_err());
}

#[tokio::test]
async fn closing_the_vote_stores_it_and_stopping_the_room_closes_the_port() {
    let (room, _events, mut map) = vote_room(2).await;
    let (addr, base) = parts(&room);
    let cast = json!({ "device": "phone-1", "card": id(101), "op": "cast", "dots": 2 });
    assert_eq!(
        post(addr, &format!("{base}api/dots"), &cast).await.status,
        200
    );
    // Two dots typed on the laptop for one person without a phone.
    room.with_vote(|s| s.set_typed(&[(id(100), 2)].into_iter().collect(), 1))
        .unwrap()
        .unwrap();
    let edit = room.close_vote(&map, "Forms first").unwrap();
    edit.apply(&mut map).unwrap();
    let vote = map.vote(id(300)).unwrap();
    assert_eq!(vote.status, VoteStatus::Closed);
    assert_eq!(vote.voters, 2);
    assert_eq!(
        vote.tallies.iter().map(|t| t.dots).collect::<Vec<_>>(),
        [2, 2]
    );
    // Closed: the page says so, shows totals, and takes no more dots.
    let state = post(
        addr,
        &format!("{base}api/state"),
        &json!({ "device": "phone-1" }),
    )
    .await;
    assert_eq!(state.json()["closed"], true);
    assert_eq!(state.json()["cards"][0]["dots"], 2);
    let more = json!({ "device": "phone-2", "card": id(100), "op": "cast", "dots": 1 });
    assert_eq!(
        post(addr, &format!("{base}api/dots"), &more).await.status,
        409
    );
    room.stop().await;
    assert!(
        tokio::net::TcpStream::connect(addr).await.is_err(),
        "the port still answers"
    );
}

#[tokio::test]
async fn a_dropped_room_stops_listening() {
    let map = map();
    let (session, _) = VoteSession::open(&map, id(300), "V", vec![id(100)], 1).unwrap();
    let (room, _events) = Room::start_vote(LOOPBACK.parse().unwrap(), session, &map)
        .await
        .unwrap();
    let addr = room.local_addr();
    drop(room);
    let mut refused = false;
    for _ in 0..50 {
        if tokio::net::TcpStream::connect(addr).await.is_err() {
            refused = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(refused, "the port still answers after the room was dropped");
}
