//! Fixtures: sound maps with known ids, fixed times, example files, and a raw view of the store.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, Duration, Utc};
use corridor_core::*;
use corridor_store::Workspace;
use uuid::Uuid;

/// A fixed moment, plus `minutes`.
pub fn at(minutes: i64) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-03-01T09:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
        + Duration::minutes(minutes)
}

/// A sound lifecycle map with id `n`, a chosen persona "Ana" and two touchpoints.
pub fn map(n: u128, title: &str) -> JourneyMap {
    let mut next = n * 1000;
    let mut ids = || {
        next += 1;
        Uuid::from_u128(next)
    };
    let mut map = Template::Lifecycle.instantiate(Uuid::from_u128(n), title, &mut ids, at(0));
    let persona = ids();
    map.personas.push(Persona {
        id: persona,
        name: "Ana".into(),
        summary: String::new(),
        goals: Vec::new(),
        needs: Vec::new(),
        ideal_customer_notes: String::new(),
    });
    map.persona = Some(persona);
    for (i, title) in ["Reads a review", "Orders online"].into_iter().enumerate() {
        map.touchpoints.push(Touchpoint {
            owner: Department::Sales,
            target_score: Some(4.0),
            ..Touchpoint::new(ids(), title, map.stages[i].id)
        });
    }
    assert_eq!(validate(&map), Vec::<Problem>::new());
    map
}

pub fn workspace() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::open(dir.path()).unwrap();
    (dir, ws)
}

/// Every `*.corridor.json` in `examples/`, as (file name, text), sorted by name.
pub fn example_files() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".corridor.json"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no examples in {}", dir.display());
    out
}

/// sled itself on a store closed a moment ago: the lock outlives the drop by a few ms.
fn sled_open(dir: &Path) -> sled::Db {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(2);
    loop {
        match sled::open(dir) {
            Ok(db) => return db,
            Err(e) if std::time::Instant::now() < deadline && e.to_string().contains("lock") => {
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            Err(e) => panic!("open {}: {e}", dir.display()),
        }
    }
}

/// Everything in a closed store, tree by tree, read with sled itself.
pub type Dump = BTreeMap<Vec<u8>, BTreeMap<Vec<u8>, Vec<u8>>>;

pub fn dump(dir: &Path) -> Dump {
    let db = sled_open(dir);
    let mut out = Dump::new();
    for name in db.tree_names() {
        let tree = db.open_tree(&name).unwrap();
        let entries = tree
            .iter()
            .map(|kv| {
                let (k, v) = kv.unwrap();
                (k.to_vec(), v.to_vec())
            })
            .collect();
        out.insert(name.to_vec(), entries);
    }
    out
}

/// Write one key of one tree of a closed store, with sled itself.
pub fn poke(dir: &Path, tree: &str, key: &[u8], value: &[u8]) {
    let db = sled_open(dir);
    db.open_tree(tree).unwrap().insert(key, value).unwrap();
    db.flush().unwrap();
}

/// An edit that adds lane card `n` (text "Card n") to the first lane and stage of `map`, at
/// the front of the list (so it applies whatever cards are there).
pub fn add_card(map: &JourneyMap, n: u128) -> Edit {
    Edit::Insert {
        index: 0,
        item: Item::LaneCard(LaneCard {
            id: Uuid::from_u128(0xC000 + n),
            lane: map.lanes[0].id,
            stage: map.stages[0].id,
            text: format!("Card {n}"),
            notes: String::new(),
            tag: None,
        }),
    }
}

/// The texts of a map's lane cards, in order.
pub fn card_texts(map: &JourneyMap) -> Vec<String> {
    map.lane_cards.iter().map(|c| c.text.clone()).collect()
}

/// A workspace with map 1 in it, and the map.
pub fn workspace_with_map() -> (tempfile::TempDir, Workspace, JourneyMap) {
    let (dir, ws) = workspace();
    let m = map(1, "Buying a sofa");
    ws.create(&m, at(0)).unwrap();
    (dir, ws, m)
}
