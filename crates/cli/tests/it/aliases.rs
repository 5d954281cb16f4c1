//! `corridor aliases`: unmatched activities listed with counts and suggestions; confirmed ones
//! saved as aliases in a map file or a workspace map.
//!
//! Map: touchpoints "Pay online" (alias `pay`) and "Read reviews" (no alias).
//! Log: `pay` ×3 (matched by alias), `read review` ×2 in 2 cases (unmatched; "Read reviews" is
//! the obvious suggestion), `zzz` ×1 (unmatched, like nothing).

use std::path::{Path, PathBuf};

use chrono::DateTime;
use corridor_core::{file, JourneyMap, Touchpoint};

use crate::common::{corridor, outcome, run};

fn touchpoint(map: &JourneyMap, id: uuid::Uuid, title: &str, aliases: &[&str]) -> Touchpoint {
    Touchpoint {
        owner: corridor_core::Department::Sales,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        ..Touchpoint::new(id, title, map.stages[0].id)
    }
}

const PAY: u128 = 100;
const READ: u128 = 101;

fn setup() -> (tempfile::TempDir, PathBuf, PathBuf, JourneyMap) {
    let dir = tempfile::tempdir().unwrap();
    let mut n = 0u128;
    let mut ids = || {
        n += 1;
        uuid::Uuid::from_u128(n)
    };
    let now = DateTime::from_timestamp(1_767_225_600, 0).unwrap();
    let mut map = JourneyMap::new(ids(), "Shop", &["One"], &mut ids, now);
    let pay = touchpoint(&map, uuid::Uuid::from_u128(PAY), "Pay online", &["pay"]);
    let read = touchpoint(&map, uuid::Uuid::from_u128(READ), "Read reviews", &[]);
    map.touchpoints.extend([pay, read]);
    let path = dir.path().join("shop.corridor.json");
    std::fs::write(&path, file::to_string(&map)).unwrap();
    let log = dir.path().join("log.csv");
    std::fs::write(
        &log,
        "case,activity,timestamp\n\
         1,read review,2026-01-01T10:00:00Z\n\
         1,pay,2026-01-01T10:05:00Z\n\
         2,read review,2026-01-02T10:00:00Z\n\
         2,pay,2026-01-02T10:05:00Z\n\
         3,zzz,2026-01-03T10:00:00Z\n\
         3,pay,2026-01-03T10:05:00Z\n",
    )
    .unwrap();
    (dir, path, log, map)
}

fn aliases_of(path: &Path, id: u128) -> Vec<String> {
    let map = file::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let t = map.touchpoint(uuid::Uuid::from_u128(id)).unwrap();
    t.aliases.clone()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn lists_unmatched_activities_with_counts_and_suggestions() {
    let (_dir, map, log, _) = setup();
    let before = std::fs::read(&map).unwrap();
    let (code, out, err) = run(["aliases", s(&map), s(&log)]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("2 unmatched activity(s)"), "{out}");
    let read = out.lines().find(|l| l.contains("read review")).expect(&out);
    assert!(
        read.contains("2 events") && read.contains("2 cases"),
        "{read}"
    );
    assert!(read.contains("→ \"Read reviews\""), "{read}");
    assert!(
        read.contains(&uuid::Uuid::from_u128(READ).to_string()),
        "{read}"
    );
    let zzz = out.lines().find(|l| l.contains("zzz")).expect(&out);
    assert!(
        zzz.contains("1 events") && zzz.contains("no suggestion"),
        "{zzz}"
    );
    assert!(
        !out.contains(" pay "),
        "a matched activity is not listed: {out}"
    );
    // Most events first.
    assert!(out.find("read review").unwrap() < out.find("zzz").unwrap());
    assert_eq!(
        std::fs::read(&map).unwrap(),
        before,
        "listing changes nothing"
    );
}

#[test]
fn accepting_by_title_and_by_id_rewrites_the_file_canonically() {
    let (_dir, map, log, _) = setup();
    let read_id = uuid::Uuid::from_u128(READ).to_string();
    let (code, out, err) = run([
        "aliases",
        s(&map),
        s(&log),
        "--accept",
        "zzz=pay ONLINE",
        "--accept",
        &format!("read review={read_id}"),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("saved 2 alias(es)"), "{out}");
    assert_eq!(aliases_of(&map, PAY), ["pay", "zzz"]);
    assert_eq!(aliases_of(&map, READ), ["read review"]);
    let text = std::fs::read_to_string(&map).unwrap();
    assert_eq!(file::to_string(&file::from_str(&text).unwrap()), text);
    // Nothing is unmatched any more.
    let (code, out, _) = run(["aliases", s(&map), s(&log)]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Every activity matches a touchpoint."),
        "{out}"
    );
}

#[test]
fn accepting_the_suggestions_saves_only_the_suggested() {
    let (_dir, map, log, _) = setup();
    let (code, out, err) = run(["aliases", s(&map), s(&log), "--accept-suggestions"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"read review\" → \"Read reviews\""), "{out}");
    assert_eq!(aliases_of(&map, READ), ["read review"]);
    assert_eq!(aliases_of(&map, PAY), ["pay"], "zzz had no suggestion");
    // Again: nothing left to suggest, nothing changes.
    let before = std::fs::read(&map).unwrap();
    let (code, _, err) = run(["aliases", s(&map), s(&log), "--accept-suggestions"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("nothing to save"), "{err}");
    assert_eq!(std::fs::read(&map).unwrap(), before);
}

#[test]
fn bad_answers_are_refused_and_change_nothing() {
    let (_dir, map, log, _) = setup();
    let before = std::fs::read(&map).unwrap();
    let cases: [(&str, &str); 5] = [
        ("zzz=Checkout", "no touchpoint titled \"Checkout\""),
        (
            "zzz=00000000-0000-0000-0000-000000000999",
            "no touchpoint with id 00000000-0000-0000-0000-000000000999",
        ),
        ("pay=Read reviews", "already an alias of \"Pay online\""),
        ("PAY =Read reviews", "already an alias of \"Pay online\""),
        ("zzz", "is not NAME=TOUCHPOINT"),
    ];
    for (accept, message) in cases {
        let (code, out, err) = run(["aliases", s(&map), s(&log), "--accept", accept]);
        // 1: an input problem; 2: clap refused the argument.
        assert_eq!(code, if accept == "zzz" { 2 } else { 1 }, "{accept}: {out}");
        assert!(err.contains(message), "{accept}: {err}");
        assert_eq!(std::fs::read(&map).unwrap(), before, "{accept}");
    }
    // 3: not found, like any file that is not there.
    let (code, _, err) = run(["aliases", "no-such-map", s(&log)]);
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("neither a map file nor a map id"), "{err}");
}

#[test]
fn a_workspace_map_gets_the_aliases_through_the_store_and_undo_removes_them() {
    let (dir, map_path, log, map) = setup();
    let ws = tempfile::tempdir().unwrap();
    let in_ws = |args: &[&str]| {
        outcome(
            corridor()
                .arg("--workspace")
                .arg(ws.path())
                .args(args)
                .output()
                .unwrap(),
        )
    };
    let (code, _, err) = in_ws(&["import", s(&map_path)]);
    assert_eq!(code, 0, "{err}");
    let id = map.id.to_string();
    let (code, out, err) = in_ws(&["aliases", &id, s(&log), "--accept", "zzz=Read reviews"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"zzz\" → \"Read reviews\""), "{out}");
    let exported = dir.path().join("out.corridor.json");
    let (code, _, err) = in_ws(&["export-file", &id, s(&exported)]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(aliases_of(&exported, READ), ["zzz"]);
    let (code, _, err) = in_ws(&["undo", &id]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = in_ws(&["export-file", &id, s(&exported)]);
    assert_eq!(code, 0, "{err}");
    assert!(aliases_of(&exported, READ).is_empty());
    // An id the workspace does not hold.
    let (code, _, err) = in_ws(&[
        "aliases",
        "00000000-0000-0000-0000-0000000000ff",
        s(&log),
        "--accept",
        "zzz=Read reviews",
    ]);
    assert_ne!(code, 0);
    assert!(!err.is_empty());
}
