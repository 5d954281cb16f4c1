//! What the store keeps, as versioned records: one version byte, then JSON.
//!
//! A record type's layout never changes under its version byte: a change adds a new version,
//! and decoding keeps reading the older ones (or a migration rewrites them). See the table in
//! `docs/architecture.md` for which tree holds which record under which key.

use chrono::{DateTime, Utc};
use corridor_core::data::DatasetInfo;
use corridor_core::{Edit, Id, JourneyMap};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::keys::describe;
use crate::StoreError;

/// The layout of the whole store. Bumped by a migration (`migrate.rs`); checked at open.
///
/// - 1: `meta` and `maps` (map records version 1: the map and when it was saved).
/// - 2: adds `summaries`, `journal`, `snapshots`, `datasets`, `map_datasets`, `chunks`; map
///   records version 2 carry the revision they hold.
pub const SCHEMA_VERSION: u32 = 2;

fn encode<T: Serialize>(version: u8, value: &T) -> Vec<u8> {
    let mut bytes = vec![version];
    serde_json::to_writer(&mut bytes, value).expect("a store record serialises");
    bytes
}

/// The version byte and the JSON after it, or why there is none.
fn split<'a>(key: &[u8], bytes: &'a [u8]) -> Result<(u8, &'a [u8]), StoreError> {
    match bytes.split_first() {
        Some((version, json)) => Ok((*version, json)),
        None => Err(corrupt(key, "empty record".into())),
    }
}

fn json<T: DeserializeOwned>(key: &[u8], json: &[u8]) -> Result<T, StoreError> {
    serde_json::from_slice(json).map_err(|e| corrupt(key, e.to_string()))
}

fn corrupt(key: &[u8], message: String) -> StoreError {
    StoreError::CorruptRecord {
        key: describe(key),
        message,
    }
}

fn unknown(key: &[u8], what: &str, version: u8) -> StoreError {
    corrupt(
        key,
        format!("unknown {what} record version {version} (written by a newer Corridor?)"),
    )
}

/// A map as it stood at one revision: written when the map is created and then every
/// [`crate::HistoryPolicy::checkpoint_every`] edits. The edits after it are in the journal.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MapRecord {
    pub revision: u64,
    pub saved_at: DateTime<Utc>,
    pub map: JourneyMap,
    /// The undo and redo stacks' tops at this revision (see [`JournalEntry`]).
    pub undo_top: Option<u64>,
    pub redo_top: Option<u64>,
}

/// Version 1 (store layout 1): no revisions yet.
#[derive(Deserialize)]
struct MapRecordV1 {
    saved_at: DateTime<Utc>,
    map: JourneyMap,
}

impl MapRecord {
    pub fn encode(&self) -> Vec<u8> {
        encode(2, self)
    }

    pub fn decode(key: &[u8], bytes: &[u8]) -> Result<MapRecord, StoreError> {
        match split(key, bytes)? {
            (1, body) => {
                let old: MapRecordV1 = json(key, body)?;
                Ok(MapRecord {
                    revision: 0,
                    saved_at: old.saved_at,
                    map: old.map,
                    undo_top: None,
                    redo_top: None,
                })
            }
            (2, body) => json(key, body),
            (version, _) => Err(unknown(key, "map", version)),
        }
    }
}

/// What the library lists of a map, kept beside it so listing reads no map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummaryRecord {
    pub revision: u64,
    pub saved_at: DateTime<Utc>,
    pub title: String,
    pub persona: Option<String>,
    pub stages: u32,
    pub touchpoints: u32,
}

impl SummaryRecord {
    pub fn of(map: &JourneyMap, revision: u64, saved_at: DateTime<Utc>) -> SummaryRecord {
        SummaryRecord {
            revision,
            saved_at,
            title: map.title.clone(),
            persona: map
                .persona
                .and_then(|p| map.persona_by_id(p))
                .map(|p| p.name.clone()),
            stages: map.stages.len() as u32,
            touchpoints: map.touchpoints.len() as u32,
        }
    }

    pub fn encode(&self) -> Vec<u8> {
        encode(1, self)
    }

    pub fn decode(key: &[u8], bytes: &[u8]) -> Result<SummaryRecord, StoreError> {
        match split(key, bytes)? {
            (1, body) => json(key, body),
            (version, _) => Err(unknown(key, "summary", version)),
        }
    }
}

/// How a revision came about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    /// An edit made by someone.
    Edit,
    /// The edit of revision `of` undone.
    Undo { of: u64 },
    /// The undo of revision `of` undone again.
    Redo { of: u64 },
    /// The map put back as it was at revision `from`.
    Restore { from: u64 },
}

/// One revision of a map: the edit that made it from the one before, and the edit that takes
/// it back. Keyed by (map id, revision).
///
/// Undo and redo are two stacks threaded through the journal: `undo_top` and `redo_top` are
/// the stacks' tops once this entry is applied, and `below` is the entry under this one on the
/// stack it was pushed onto (edits, redos and restores go on the undo stack, undos on the redo
/// stack). A new edit empties the redo stack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JournalEntry {
    pub at: DateTime<Utc>,
    pub change: Change,
    /// What the edit does, for people ("add touchpoint").
    pub summary: String,
    pub edit: Edit,
    pub inverse: Edit,
    pub undo_top: Option<u64>,
    pub redo_top: Option<u64>,
    pub below: Option<u64>,
}

/// The part of a journal entry a history list needs (the edits are skipped, not built).
#[derive(Debug, Clone, Deserialize)]
pub struct JournalHeader {
    pub at: DateTime<Utc>,
    pub change: Change,
    pub summary: String,
}

impl JournalEntry {
    pub fn encode(&self) -> Vec<u8> {
        encode(1, self)
    }

    pub fn decode(key: &[u8], bytes: &[u8]) -> Result<JournalEntry, StoreError> {
        match split(key, bytes)? {
            (1, body) => json(key, body),
            (version, _) => Err(unknown(key, "journal", version)),
        }
    }

    pub fn header(key: &[u8], bytes: &[u8]) -> Result<JournalHeader, StoreError> {
        match split(key, bytes)? {
            (1, body) => json(key, body),
            (version, _) => Err(unknown(key, "journal", version)),
        }
    }
}

/// A map kept whole at one revision: named by a person, or made by compaction (one per day of
/// history that compaction thins out). Keyed by (map id, revision).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SnapshotRecord {
    /// `None` for the automatic snapshots compaction keeps.
    pub name: Option<String>,
    /// When the snapshot was taken.
    pub taken: DateTime<Utc>,
    /// When the revision it holds was saved.
    pub saved_at: DateTime<Utc>,
    /// What changed since the snapshot before it.
    pub summary: String,
    pub map: JourneyMap,
}

/// The part of a snapshot record a list needs.
#[derive(Debug, Clone, Deserialize)]
pub struct SnapshotHeader {
    pub name: Option<String>,
    pub taken: DateTime<Utc>,
    pub saved_at: DateTime<Utc>,
    pub summary: String,
}

impl SnapshotRecord {
    pub fn encode(&self) -> Vec<u8> {
        encode(1, self)
    }

    pub fn decode(key: &[u8], bytes: &[u8]) -> Result<SnapshotRecord, StoreError> {
        match split(key, bytes)? {
            (1, body) => json(key, body),
            (version, _) => Err(unknown(key, "snapshot", version)),
        }
    }

    pub fn header(key: &[u8], bytes: &[u8]) -> Result<SnapshotHeader, StoreError> {
        match split(key, bytes)? {
            (1, body) => json(key, body),
            (version, _) => Err(unknown(key, "snapshot", version)),
        }
    }
}

/// A dataset's description; its bytes are in `chunks`, keyed by (dataset id, chunk number).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DatasetRecord {
    pub info: DatasetInfo,
    pub chunks: u32,
}

impl DatasetRecord {
    pub fn encode(&self) -> Vec<u8> {
        encode(1, self)
    }

    pub fn decode(key: &[u8], bytes: &[u8]) -> Result<DatasetRecord, StoreError> {
        match split(key, bytes)? {
            (1, body) => json(key, body),
            (version, _) => Err(unknown(key, "dataset", version)),
        }
    }
}

/// The map id a key of the `maps` or `summaries` tree names.
pub fn map_id(key: &[u8]) -> Result<Id, StoreError> {
    Id::from_slice(key).map_err(|_| corrupt(key, "a map key is not 16 bytes".into()))
}
