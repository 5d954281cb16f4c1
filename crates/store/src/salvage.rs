//! Getting maps out of a workspace that will not open: every map that can be read is written
//! as a native file, read as leniently as possible, and the workspace itself is never written.
//!
//! The store is copied to a temporary directory and read from the copy with sled (which writes
//! to what it opens). Every map record is decoded, older record versions included, with the
//! journal's later edits replayed for as long as they apply. Then sled's files are scanned raw
//! for map records sled itself no longer finds (a damaged log loses its tail to sled): for each
//! map the most recent readable revision wins. A copy that an earlier open kept in
//! `before-open/` is read the same way.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use corridor_core::{file, validate, Id, JourneyMap};
use serde::{Deserialize, Serialize};

use crate::guard::{copy_store, BEFORE_OPEN, MANIFEST};
use crate::keys;
use crate::records::{JournalEntry, MapRecord};
use crate::StoreError;

/// A map written out by [`salvage`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SalvagedMap {
    pub id: Id,
    pub title: String,
    pub file: PathBuf,
    /// The revision written, when the record said.
    pub revision: Option<u64>,
    /// How many problems `validate` finds in it (it is written anyway, to be fixed by hand).
    pub problems: u32,
}

/// Something that could not be read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SalvageFailure {
    pub what: String,
    pub reason: String,
}

/// What [`salvage`] wrote, and what it could not read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SalvageReport {
    pub folder: PathBuf,
    pub written: Vec<SalvagedMap>,
    pub failed: Vec<SalvageFailure>,
}

/// A map found, and how recent it is.
struct Found {
    map: JourneyMap,
    revision: Option<u64>,
}

impl Found {
    fn newer_than(&self, other: &Found) -> bool {
        (self.revision, self.map.modified) > (other.revision, other.map.modified)
    }
}

/// Write every map that can be read from the workspace in `dir` into `out_dir` (created if
/// needed) as `<title>-<id>.corridor.json`. Never writes to `dir`; never overwrites a file.
pub fn salvage(dir: &Path, out_dir: &Path) -> Result<SalvageReport, StoreError> {
    let write_err = |e: std::io::Error| StoreError::Write {
        path: out_dir.to_path_buf(),
        message: e.to_string(),
    };
    std::fs::create_dir_all(out_dir).map_err(write_err)?;
    let mut found: BTreeMap<Id, Found> = BTreeMap::new();
    let mut failed = Vec::new();
    let listed = manifest_ids(dir);
    let mut sources = vec![dir.to_path_buf()];
    let kept = dir.join(BEFORE_OPEN);
    if kept.is_dir() {
        sources.push(kept);
    }
    for source in &sources {
        let mut raw = Vec::new();
        match read_with_sled(source, &mut failed) {
            Ok(maps) => maps.into_iter().for_each(|f| keep_newest(&mut found, f)),
            Err(reason) => failed.push(SalvageFailure {
                what: source.display().to_string(),
                reason,
            }),
        }
        scan_raw(source, &mut raw);
        // Raw records include maps deleted long ago: only those the workspace should hold (or,
        // with no list of those, any when sled found none) are kept.
        for f in raw {
            let wanted = match &listed {
                Some(ids) => ids.contains(&f.map.id),
                None => found.is_empty() || found.contains_key(&f.map.id),
            };
            if wanted {
                keep_newest(&mut found, f);
            }
        }
    }
    let mut written = Vec::new();
    for (id, f) in found {
        let path = free_name(out_dir, &f.map);
        std::fs::write(&path, file::to_string(&f.map)).map_err(write_err)?;
        written.push(SalvagedMap {
            id,
            title: f.map.title.clone(),
            file: path,
            revision: f.revision,
            problems: validate(&f.map).len() as u32,
        });
    }
    Ok(SalvageReport {
        folder: out_dir.to_path_buf(),
        written,
        failed,
    })
}

fn keep_newest(found: &mut BTreeMap<Id, Found>, f: Found) {
    match found.get(&f.map.id) {
        Some(old) if !f.newer_than(old) => {}
        _ => {
            found.insert(f.map.id, f);
        }
    }
}

fn manifest_ids(dir: &Path) -> Option<Vec<Id>> {
    #[derive(Deserialize)]
    struct Manifest {
        maps: Vec<Id>,
    }
    let bytes = std::fs::read(dir.join(MANIFEST)).ok()?;
    Some(serde_json::from_slice::<Manifest>(&bytes).ok()?.maps)
}

/// A temporary copy of a store, removed when dropped.
struct TempCopy(PathBuf);

impl Drop for TempCopy {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn temp_copy(source: &Path) -> std::io::Result<TempCopy> {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let dir = std::env::temp_dir().join(format!("corridor-salvage-{}-{nanos}", std::process::id()));
    let copy = TempCopy(dir);
    copy_store(source, &copy.0)?;
    Ok(copy)
}

/// Every map record sled can read in a copy of `source`, with the journal replayed.
fn read_with_sled(source: &Path, failed: &mut Vec<SalvageFailure>) -> Result<Vec<Found>, String> {
    let copy = temp_copy(source).map_err(|e| format!("cannot copy it to read: {e}"))?;
    let opened = std::panic::catch_unwind(|| sled::Config::new().path(&copy.0).open());
    let db = match opened {
        Ok(Ok(db)) => db,
        Ok(Err(e)) => return Err(format!("sled cannot open it: {e}")),
        Err(_) => return Err("sled failed while opening it".into()),
    };
    let names = db.tree_names();
    let has = |name: &str| names.iter().any(|n| n.as_ref() == name.as_bytes());
    if !has("maps") {
        return Ok(Vec::new());
    }
    let maps = db.open_tree("maps").map_err(|e| e.to_string())?;
    let journal = if has("journal") {
        Some(db.open_tree("journal").map_err(|e| e.to_string())?)
    } else {
        None
    };
    let mut out = Vec::new();
    for item in maps.iter() {
        let (key, value) = match item {
            Ok(kv) => kv,
            Err(e) => {
                failed.push(SalvageFailure {
                    what: "the maps tree".into(),
                    reason: e.to_string(),
                });
                break;
            }
        };
        match lenient_record(&value) {
            Some(mut f) => {
                if let (Some(journal), Some(revision)) = (&journal, f.revision) {
                    replay(journal, &mut f, revision);
                }
                out.push(f);
            }
            None => failed.push(SalvageFailure {
                what: format!("map {}", keys::describe(&key)),
                reason: "its record cannot be read as a map".into(),
            }),
        }
    }
    Ok(out)
}

/// Apply the journal's edits after `from` for as long as they read and apply.
fn replay(journal: &sled::Tree, f: &mut Found, from: u64) {
    let id = f.map.id;
    let range = keys::revision(id, from + 1)..=keys::revision(id, u64::MAX);
    for (expected, item) in (from + 1..).zip(journal.range(range)) {
        let Ok((key, value)) = item else { break };
        if keys::revision_of(&key) != Some(expected) {
            break;
        }
        let Ok(entry) = JournalEntry::decode(&key, &value) else {
            break;
        };
        let mut next = f.map.clone();
        if entry.edit.apply(&mut next).is_err() {
            break;
        }
        next.modified = entry.at;
        f.map = next;
        f.revision = Some(expected);
    }
}

/// A map record of any version, or failing that any JSON holding a readable `map`.
fn lenient_record(bytes: &[u8]) -> Option<Found> {
    if let Ok(record) = MapRecord::decode(b"", bytes) {
        return Some(Found {
            map: record.map,
            revision: Some(record.revision),
        });
    }
    let json = bytes.get(1..)?;
    let value: serde_json::Value = serde_json::from_slice(json).ok()?;
    from_value(&value)
}

/// A map out of a record's JSON: `{"map": {...}, "revision": n?}`, read as a native file
/// would be (so older map formats migrate).
fn from_value(value: &serde_json::Value) -> Option<Found> {
    let map = value.get("map")?;
    let text = serde_json::json!({ "format_version": file::FORMAT_VERSION, "map": map });
    let map = file::from_str(&text.to_string()).ok()?;
    Some(Found {
        map,
        revision: value.get("revision").and_then(serde_json::Value::as_u64),
    })
}

/// Map records found by scanning sled's files as bytes.
fn scan_raw(source: &Path, out: &mut Vec<Found>) {
    let mut files = vec![source.join("db")];
    if let Ok(blobs) = std::fs::read_dir(source.join("blobs")) {
        files.extend(blobs.filter_map(|e| e.ok()).map(|e| e.path()));
    }
    for path in files {
        if let Ok(bytes) = std::fs::read(&path) {
            scan_bytes(&bytes, out);
        }
    }
}

/// Every JSON object that starts like a map record (`{"revision":` or `{"saved_at":`) and
/// holds a readable map.
fn scan_bytes(bytes: &[u8], out: &mut Vec<Found>) {
    const STARTS: [&[u8]; 2] = [b"{\"revision\":", b"{\"saved_at\":"];
    for (start, _) in bytes.iter().enumerate().filter(|(_, &b)| b == b'{') {
        let rest = &bytes[start..];
        if !STARTS.iter().any(|s| rest.starts_with(s)) {
            continue;
        }
        let mut stream =
            serde_json::Deserializer::from_slice(rest).into_iter::<serde_json::Value>();
        if let Some(Ok(value)) = stream.next() {
            if let Some(found) = from_value(&value) {
                out.push(found);
            }
        }
    }
}

/// `<title>-<first 8 of id>.corridor.json`, with a counter if that is taken.
fn free_name(dir: &Path, map: &JourneyMap) -> PathBuf {
    let mut slug: String = map
        .title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    while slug.contains("--") {
        slug = slug.replace("--", "-");
    }
    let slug: String = slug.trim_matches('-').chars().take(60).collect();
    let slug = if slug.is_empty() { "map".into() } else { slug };
    let short = &map.id.simple().to_string()[..8];
    let mut n = 1;
    loop {
        let name = match n {
            1 => format!("{slug}-{short}.corridor.json"),
            _ => format!("{slug}-{short}-{n}.corridor.json"),
        };
        let path = dir.join(name);
        if !path.exists() {
            return path;
        }
        n += 1;
    }
}

/// A directory beside `dir` for a fresh workspace: `<dir>-fresh-<YYYYMMDD-HHMMSS>`, with a
/// counter if that exists.
pub fn fresh_dir_beside(dir: &Path, now: DateTime<Utc>) -> PathBuf {
    beside(dir, "fresh", now)
}

/// A directory beside `dir` for what [`salvage`] writes: `<dir>-export-<YYYYMMDD-HHMMSS>`.
pub fn export_dir_beside(dir: &Path, now: DateTime<Utc>) -> PathBuf {
    beside(dir, "export", now)
}

fn beside(dir: &Path, what: &str, now: DateTime<Utc>) -> PathBuf {
    let name = dir
        .file_name()
        .map_or_else(|| "workspace".into(), |n| n.to_string_lossy().into_owned());
    let base = format!("{name}-{what}-{}", now.format("%Y%m%d-%H%M%S"));
    let parent = dir.parent().unwrap_or(Path::new("."));
    let mut n = 1;
    loop {
        let candidate = match n {
            1 => parent.join(&base),
            _ => parent.join(format!("{base}-{n}")),
        };
        if !candidate.exists() {
            return candidate;
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_scanning_finds_map_records_among_other_bytes() {
        let map = corridor_core::Template::Blank.instantiate(
            Id::from_u128(7),
            "Found again",
            &mut {
                let mut n = 100;
                move || {
                    n += 1;
                    Id::from_u128(n)
                }
            },
            DateTime::from_timestamp(1_700_000_000, 0).unwrap(),
        );
        let record = MapRecord {
            revision: 12,
            saved_at: map.modified,
            map: map.clone(),
            undo_top: None,
            redo_top: None,
        }
        .encode();
        let mut bytes = b"\x00\x01garbage{\"revision\": not json".to_vec();
        bytes.extend_from_slice(&record);
        bytes.extend_from_slice(b"\xff\xfe{\"saved_at\":\"2020\"} trailing");
        let mut out = Vec::new();
        scan_bytes(&bytes, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].map, map);
        assert_eq!(out[0].revision, Some(12));
    }

    #[test]
    fn file_names_come_from_titles_and_never_clash() {
        let dir = tempfile::tempdir().unwrap();
        let mut map = corridor_core::Template::Blank.instantiate(
            Id::from_u128(0xabcdef12_0000_0000_0000_000000000000),
            "Café: “Rush hour” / Q3!",
            &mut || Id::from_u128(1),
            DateTime::from_timestamp(0, 0).unwrap(),
        );
        let first = free_name(dir.path(), &map);
        assert_eq!(
            first.file_name().unwrap(),
            "café-rush-hour-q3-abcdef12.corridor.json"
        );
        std::fs::write(&first, "").unwrap();
        assert!(free_name(dir.path(), &map).ends_with("café-rush-hour-q3-abcdef12-2.corridor.json"));
        map.title = "???".into();
        assert!(free_name(dir.path(), &map).ends_with("map-abcdef12.corridor.json"));
    }

    #[test]
    fn a_fresh_workspace_goes_beside_the_old_one() {
        let dir = tempfile::tempdir().unwrap();
        let ws = dir.path().join("workspace");
        let now = DateTime::parse_from_rfc3339("2026-03-01T09:05:07Z")
            .unwrap()
            .with_timezone(&Utc);
        let fresh = fresh_dir_beside(&ws, now);
        assert_eq!(fresh, dir.path().join("workspace-fresh-20260301-090507"));
        std::fs::create_dir(&fresh).unwrap();
        assert_eq!(
            fresh_dir_beside(&ws, now),
            dir.path().join("workspace-fresh-20260301-090507-2")
        );
        assert_eq!(
            export_dir_beside(&ws, now),
            dir.path().join("workspace-export-20260301-090507")
        );
    }
}
