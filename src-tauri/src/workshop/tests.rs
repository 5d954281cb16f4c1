use super::journal::read_journal;
use super::*;
use corridor_core::LaneKind;

fn workspace() -> (tempfile::TempDir, Workspace, Id) {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::open(&dir.path().join("ws")).unwrap();
    ws.seed_examples().unwrap();
    let map = ws.list().unwrap()[0].id;
    (dir, ws, map)
}

fn quiet() -> Announce {
    Arc::new(|_| {})
}

#[test]
fn a_typed_vote_lands_in_the_map_and_survives_a_crash_through_its_journal() {
    tauri::async_runtime::block_on(async {
        let (_dir, ws, map) = workspace();
        let service = Arc::new(WorkshopService::default());
        let m = ws.get(map).unwrap();
        let cards: Vec<Id> = m.lane_cards.iter().take(3).map(|c| c.id).collect();
        let (applied, open) = service
            .open_vote(&ws, map, "Which first?", cards.clone(), 2, quiet())
            .await
            .unwrap();
        assert!(applied.can_undo);
        assert!(open.room.url.contains("/v/"), "{}", open.room.url);
        assert!(open.room.qr_svg.starts_with("<?xml") || open.room.qr_svg.contains("<svg"));
        // The open vote is in the map; a second vote is refused while it runs.
        assert_eq!(
            ws.get(map).unwrap().votes.last().unwrap().status,
            VoteStatus::Open
        );
        assert!(service
            .open_vote(&ws, map, "Again", cards.clone(), 2, quiet())
            .await
            .is_err());

        service.type_dots(map, "Ana", cards[1], 2).unwrap();
        let view = service.type_dots(map, "Ben", cards[0], 1).unwrap();
        assert_eq!(view.voters, 2);
        assert_eq!(view.ranking[0].card, cards[1]);
        // Over budget: refused, nothing changed.
        let err = service.type_dots(map, "Ana", cards[2], 1).unwrap_err();
        assert!(
            err.message.starts_with("Ana has placed 2 of 2 dots"),
            "{}",
            err.message
        );
        assert_eq!(service.vote(map).unwrap().tallies, view.tallies);
        // Lowering a typed vote takes dots back.
        let view = service.type_dots(map, "Ana", cards[1], 1).unwrap();
        assert_eq!(view.tallies[1].dots, 1);
        assert_eq!(view.typed.len(), 2);

        // The room's event task journals the tally; give it a moment.
        let path = journal_path(&ws);
        let mut journaled = None;
        for _ in 0..100 {
            journaled = read_journal(&path).filter(|j| j.voters == 2 && j.tallies[1].dots == 1);
            if journaled.is_some() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        let journaled = journaled.expect("the journal holds the typed dots");
        assert_eq!(journaled.tallies[0].dots, 1);

        // A crash: the service is gone without closing the vote.
        let first = open.room.url.trim_start_matches("http://");
        let first = first.split('/').next().unwrap().to_string();
        service.shutdown();
        drop(service);
        // Quitting stops the room: its port closes.
        let mut gone = false;
        for _ in 0..100 {
            if std::net::TcpStream::connect(&first).is_err() {
                gone = true;
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        assert!(gone, "the room stopped when the app quit");
        let service = Arc::new(WorkshopService::default());
        let status = service.status(&ws, map).unwrap();
        let interrupted = status.interrupted.expect("an interrupted vote");
        assert_eq!(interrupted.voters, 2);
        let resumed = service.resume_vote(&ws, map, quiet()).await.unwrap();
        assert_eq!(resumed.tallies, journaled.tallies);

        let port = resumed
            .room
            .url
            .trim_start_matches("http://")
            .split('/')
            .next()
            .unwrap()
            .to_string();
        assert!(
            std::net::TcpStream::connect(&port).is_ok(),
            "the room answers"
        );
        let closed = service
            .close_vote(&ws, map, "Fix the form first")
            .await
            .unwrap();
        assert!(
            std::net::TcpStream::connect(&port).is_err(),
            "the room stopped with the vote"
        );
        let vote = ws.get(map).unwrap().votes.last().cloned().unwrap();
        assert_eq!(vote.status, VoteStatus::Closed);
        assert_eq!(vote.decision, "Fix the form first");
        assert_eq!(vote.tallies, journaled.tallies);
        assert!(!path.exists(), "the journal goes once the vote is closed");
        // Undo takes the closing back like any change.
        ws.undo(map, Some(closed.revision), Utc::now()).unwrap();
        assert_eq!(
            ws.get(map).unwrap().votes.last().unwrap().status,
            VoteStatus::Open
        );
    });
}

#[test]
fn a_round_shows_only_its_count_and_reveals_authorless_cards_then_the_workshop_ends() {
    tauri::async_runtime::block_on(async {
        let (_dir, ws, map) = workspace();
        let service = Arc::new(WorkshopService::default());
        let m = ws.get(map).unwrap();
        let lane = m
            .lanes
            .iter()
            .find(|l| l.kind != LaneKind::Touchpoints)
            .unwrap()
            .id;
        let stage = m.stages[0].id;
        let before = m.lane_cards.len();
        let round = service
            .open_round(&ws, map, stage, lane, "What slows you down?", quiet())
            .await
            .unwrap();
        assert_eq!(round.count, 0);
        let status = service.status(&ws, map).unwrap();
        assert!(status.round.is_some() && status.vote.is_none());
        let err = service.end(&ws, map, "Workshop").unwrap_err();
        assert!(err.message.contains("still open"), "{}", err.message);
        service.reveal_round(&ws, map).await.unwrap();
        assert_eq!(ws.get(map).unwrap().lane_cards.len(), before);
        assert!(service.status(&ws, map).unwrap().round.is_none());

        let snapshot = service.end(&ws, map, "Workshop 27 Nov").unwrap();
        assert_eq!(snapshot.name.as_deref(), Some("Workshop 27 Nov"));
        assert!(ws
            .snapshots(map)
            .unwrap()
            .iter()
            .any(|s| s.name.as_deref() == Some("Workshop 27 Nov")));
        let summary = service.summary(&ws, map).unwrap();
        assert!(summary.starts_with("# Workshop summary: "), "{summary}");
    });
}
