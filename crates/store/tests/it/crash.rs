//! The crash test: a child process applies edits in a loop (undo, redo and snapshots among
//! them) and is killed with SIGKILL at random moments, over and over. After every kill the
//! store must open, hold a sound map, hold every edit and snapshot whose call had returned
//! (the child prints an ack line after each), and be exactly where a reference workspace,
//! driven through the same deterministic steps without kills, is at the same revision.
//!
//! The child is this test binary itself, running the ignored test `crash::child`.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use corridor_core::*;
use corridor_store::{Applied, HistoryPolicy, StoreError, Workspace};
use uuid::Uuid;

use crate::common::{at, map};

const CHILD_ENV: &str = "CORRIDOR_CRASH_CHILD";
const KILLS: usize = 200;
/// The test fails if the kills take longer than this (they take 10-30 s on two busy cores).
const TIME_LIMIT: Duration = Duration::from_secs(60);

/// Small enough that checkpoints, compaction and automatic snapshots happen under the kills.
fn policy() -> HistoryPolicy {
    HistoryPolicy {
        checkpoint_every: 10,
        keep_edits: 60,
        compact_slack: 15,
        keep_daily: 3,
    }
}

fn map_id() -> Uuid {
    map(1, "Crash test").id
}

/// The edit the step to revision `n` makes when it is not an undo or a redo.
fn edit_for(n: u64, map: &JourneyMap) -> Edit {
    let card = |n: u64, text: String| LaneCard {
        id: Uuid::from_u128(0xC000 + u128::from(n)),
        lane: map.lanes[0].id,
        stage: map.stages[(n % 3) as usize].id,
        text,
        notes: String::new(),
        tag: None,
    };
    match (n % 4, map.lane_cards.first(), map.lane_cards.last()) {
        (1, _, _) => Edit::SetDescription {
            description: format!("revision {n}"),
        },
        (2, Some(first), _) => {
            let mut edited = first.clone();
            edited.text = format!("{} (edited at {n})", first.text);
            Edit::Replace {
                item: Item::LaneCard(edited),
            }
        }
        (3, _, Some(last)) => Edit::Remove {
            kind: ItemKind::LaneCard,
            id: last.id,
        },
        _ => Edit::Insert {
            index: 0,
            item: Item::LaneCard(card(n, format!("Card {n}"))),
        },
    }
}

/// One deterministic step: what it does depends only on the map's state.
fn step(ws: &Workspace) -> Result<Applied, StoreError> {
    let id = map_id();
    let state = ws.state(id)?;
    let next = state.revision + 1;
    let now = at(next as i64 * 10);
    match next % 10 {
        3 if state.can_undo => ws.undo(id, Some(state.revision), now),
        4 if state.can_redo => ws.redo(id, Some(state.revision), now),
        _ => ws.apply(id, state.revision, &edit_for(next, &state.map), now),
    }
}

fn snapshot_name(revision: u64) -> String {
    format!("snapshot at {revision}")
}

#[test]
#[ignore = "the child of `many_kills_lose_no_acknowledged_edit`"]
fn child() {
    let Some(dir) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let ws = Workspace::open_with(Path::new(&dir), policy()).expect("the child opens the store");
    println!("ready");
    loop {
        let applied = step(&ws).expect("a step");
        println!("ack {}", applied.revision);
        if applied.revision.is_multiple_of(17) {
            let name = snapshot_name(applied.revision);
            ws.snapshot(map_id(), &name, at(applied.revision as i64 * 10))
                .expect("a snapshot");
            println!("snap {}", applied.revision);
        }
    }
}

/// A small xorshift generator: no dependency, and the seed is printed to replay a failure.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// Run the child until it is killed; returns its output lines.
fn run_child_and_kill(dir: &Path, rng: &mut Rng) -> Vec<String> {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["crash::child", "--exact", "--ignored", "--nocapture"])
        .env(CHILD_ENV, dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn the child");
    let lines = Arc::new(Mutex::new(Vec::new()));
    let ready = Arc::new(Mutex::new(false));
    let reader = {
        let (lines, ready) = (lines.clone(), ready.clone());
        let out = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                if line == "ready" {
                    *ready.lock().unwrap() = true;
                }
                lines.lock().unwrap().push(line);
            }
        })
    };
    // A quarter of the kills land at any moment from the start (opening included); the rest
    // a little after the child is ready, while it edits.
    if rng.below(4) == 0 {
        std::thread::sleep(Duration::from_micros(rng.below(12_000)));
    } else {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !*ready.lock().unwrap() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_micros(500));
        }
        std::thread::sleep(Duration::from_micros(rng.below(30_000)));
    }
    child.kill().expect("SIGKILL the child");
    child.wait().unwrap();
    reader.join().unwrap();
    let lines = lines.lock().unwrap().clone();
    lines
}

fn acked(lines: &[String], prefix: &str) -> Vec<u64> {
    lines
        .iter()
        .filter_map(|l| l.strip_prefix(prefix)?.parse().ok())
        .collect()
}

#[test]
fn many_kills_lose_no_acknowledged_edit() {
    let dir = tempfile::tempdir().unwrap();
    let reference_dir = tempfile::tempdir().unwrap();
    let reference = Workspace::open_with(reference_dir.path(), policy()).unwrap();
    {
        let ws = Workspace::open_with(dir.path(), policy()).unwrap();
        ws.create(&map(1, "Crash test"), at(0)).unwrap();
    }
    reference.create(&map(1, "Crash test"), at(0)).unwrap();

    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    eprintln!("crash test seed {seed}");
    let mut rng = Rng(seed);
    let started = Instant::now();
    let (mut acks, mut snaps, mut killed_before_ready) = (0usize, 0usize, 0usize);
    for kill in 1..=KILLS {
        assert!(
            started.elapsed() < TIME_LIMIT,
            "only {kill} kills in {TIME_LIMIT:?} (seed {seed})"
        );
        let lines = run_child_and_kill(dir.path(), &mut rng);
        if !lines.iter().any(|l| l == "ready") {
            killed_before_ready += 1;
        }
        let ws = Workspace::open_with(dir.path(), policy())
            .unwrap_or_else(|e| panic!("kill {kill} (seed {seed}): the store does not open: {e}"));
        let state = ws.state(map_id()).unwrap();
        assert_eq!(validate(&state.map), Vec::<Problem>::new(), "kill {kill}");
        let acked_revisions = acked(&lines, "ack ");
        if let Some(&last) = acked_revisions.last() {
            assert!(
                last <= state.revision,
                "kill {kill} (seed {seed}): revision {last} was acknowledged, the store is at {}",
                state.revision
            );
        }
        let snapshots = ws.snapshots(map_id()).unwrap();
        for revision in acked(&lines, "snap ") {
            let name = snapshot_name(revision);
            assert!(
                snapshots.iter().any(|s| s.revision == revision && s.name.as_deref() == Some(&name)),
                "kill {kill} (seed {seed}): the snapshot at {revision} was acknowledged and is gone"
            );
            snaps += 1;
        }
        acks += acked_revisions.len();

        // The reference, stepped to the same revision, is in exactly the same state.
        let mut expected = reference.state(map_id()).unwrap();
        while expected.revision < state.revision {
            step(&reference).unwrap();
            expected = reference.state(map_id()).unwrap();
        }
        assert_eq!(state, expected, "kill {kill} (seed {seed})");
        // A kill during compaction leaves older entries for a later edit to drop (one more
        // entry per compaction killed in a row), so the two may compact at different
        // revisions; the journal never keeps fewer than the policy says, and where both keep
        // entries they agree.
        let (ours, theirs) = (
            ws.history(map_id(), 200).unwrap(),
            reference.history(map_id(), 200).unwrap(),
        );
        let kept = ours.revision + 1 - ours.oldest;
        let p = policy();
        assert!(
            kept >= p.keep_edits.min(ours.revision) && kept <= p.keep_edits + p.compact_slack + 10,
            "kill {kill} (seed {seed}): the journal keeps {kept} entries"
        );
        let both = ours.oldest.max(theirs.oldest);
        let ours: Vec<_> = ours
            .entries
            .into_iter()
            .filter(|e| e.revision >= both)
            .collect();
        let theirs: Vec<_> = theirs
            .entries
            .into_iter()
            .filter(|e| e.revision >= both)
            .collect();
        assert_eq!(ours, theirs, "kill {kill} (seed {seed})");
    }
    let revision = reference.state(map_id()).unwrap().revision;
    eprintln!(
        "crash test: {KILLS} kills in {:.1} s ({killed_before_ready} before the child was \
         ready), {acks} acknowledged edits and {snaps} snapshots checked, {revision} revisions",
        started.elapsed().as_secs_f64()
    );
    assert!(revision > 1000, "too few edits to mean much: {revision}");
    assert!(killed_before_ready > 10, "too few kills during start-up");
}
