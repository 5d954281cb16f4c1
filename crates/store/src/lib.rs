//! The workspace: every map on this machine, kept in an embedded sled store, with each map's
//! history (a journal of edits, undo and redo, named snapshots) and the datasets beside it.
//!
//! Architecture invariant: this is the only crate that names sled. The app, the CLI and the
//! tests all go through [`Workspace`]. Records are versioned structs, keys are fixed-width
//! big-endian, and a `schema_version` key guards the layout (see `docs/architecture.md`).

mod datasets;
mod error;
mod files;
mod gaps;
mod guard;
mod imports;
mod journal;
mod keys;
mod library;
mod live;
mod migrate;
mod records;
mod revisions;
mod salvage;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use corridor_core::{compare, edit_between, file, validate, Id, JourneyMap};
use serde::{Deserialize, Serialize};
use sled::transaction::TransactionError;
use sled::Transactional;

pub use datasets::{DatasetReader, DATASET_CHUNK};
pub use error::StoreError;
pub use files::{
    write_atomically, ExportKind, OpenOutcome, Opened, RecentFile, Written, RECENT_FILES,
};
pub use imports::{
    import_preview, sniff_format, ImportPhase, ImportPreview, ImportProgress, ImportRequest,
    Imported, PREVIEW_ROWS, UPLOAD_LIMIT,
};
pub use journal::Applied;
pub use records::{Change, SCHEMA_VERSION};
pub use revisions::{History, HistoryEntry, HistoryPolicy, SnapshotInfo};
pub use salvage::{
    export_dir_beside, fresh_dir_beside, salvage, SalvageFailure, SalvageReport, SalvagedMap,
};

use journal::Stacks;
use live::Live;
use records::{MapRecord, SummaryRecord};

/// The environment variable that points Corridor at another workspace directory.
pub const WORKSPACE_ENV: &str = "CORRIDOR_WORKSPACE";

/// The app's identifier; the default workspace lives in the platform's data dir under it.
pub const APP_IDENTIFIER: &str = "studio.corridor.app";

const KEY_SEEDED: &str = "seeded_examples";

/// What a library view needs to know of a map without opening it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MapSummary {
    pub id: Id,
    pub title: String,
    /// The name of the persona the map is drawn for, if one is chosen.
    pub persona: Option<String>,
    pub stages: u32,
    pub touchpoints: u32,
    pub saved_at: DateTime<Utc>,
    /// The map's latest revision.
    pub revision: u64,
}

/// A map opened for editing: its content, the revision to make the next edit against, and
/// whether undo and redo have anything to do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MapState {
    pub map: JourneyMap,
    pub revision: u64,
    pub saved_at: DateTime<Utc>,
    pub can_undo: bool,
    pub can_redo: bool,
}

/// sled's trees, one per kind of record (see `docs/architecture.md`).
struct Trees {
    meta: sled::Tree,
    maps: sled::Tree,
    summaries: sled::Tree,
    journal: sled::Tree,
    snapshots: sled::Tree,
    datasets: sled::Tree,
    map_datasets: sled::Tree,
    chunks: sled::Tree,
}

/// The maps on this machine.
pub struct Workspace {
    path: PathBuf,
    /// sled's handles; taken in `drop` so sled lets go of the directory before it returns.
    handle: Option<(sled::Db, Trees)>,
    /// Orders the manifest's read-modify-writes (see `guard.rs`).
    manifest_lock: Mutex<()>,
    /// Maps being worked on, at their latest revision; its lock orders every change.
    live: Mutex<HashMap<Id, Live>>,
    policy: HistoryPolicy,
}

impl std::fmt::Debug for Workspace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Workspace")
            .field("path", &self.path)
            .finish()
    }
}

impl Workspace {
    /// The workspace directory to use: `$CORRIDOR_WORKSPACE` if set, else the platform's
    /// app-data dir (`~/.local/share/studio.corridor.app/workspace` on Linux).
    pub fn default_dir() -> Result<PathBuf, StoreError> {
        if let Some(dir) = std::env::var_os(WORKSPACE_ENV).filter(|d| !d.is_empty()) {
            return Ok(PathBuf::from(dir));
        }
        let base = directories::BaseDirs::new().ok_or(StoreError::NoHome)?;
        Ok(base.data_dir().join(APP_IDENTIFIER).join("workspace"))
    }

    /// Open (or create) the workspace in `dir`, migrating an older layout.
    pub fn open(dir: &Path) -> Result<Workspace, StoreError> {
        Workspace::open_with(dir, HistoryPolicy::default())
    }

    /// Open with another history policy (tests use small ones to exercise compaction).
    pub fn open_with(dir: &Path, policy: HistoryPolicy) -> Result<Workspace, StoreError> {
        std::fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
        let guard = guard::before_open(dir)?;
        match Workspace::open_checked(dir, policy) {
            Ok(ws) => {
                guard.verify(&ws)?;
                Ok(ws)
            }
            Err(err) => Err(guard.failed(err)),
        }
    }

    fn open_checked(dir: &Path, policy: HistoryPolicy) -> Result<Workspace, StoreError> {
        let db = open_db(dir)?;
        let err = |e| StoreError::open(dir, e);
        // The layout version is checked before anything else is opened: opening a tree creates
        // it, and a newer layout must be left untouched.
        let meta = db.open_tree("meta").map_err(err)?;
        migrate::check_and_migrate(dir, &db, &meta)?;
        let trees = Trees {
            meta,
            maps: db.open_tree("maps").map_err(err)?,
            summaries: db.open_tree("summaries").map_err(err)?,
            journal: db.open_tree("journal").map_err(err)?,
            snapshots: db.open_tree("snapshots").map_err(err)?,
            datasets: db.open_tree("datasets").map_err(err)?,
            map_datasets: db.open_tree("map_datasets").map_err(err)?,
            chunks: db.open_tree("chunks").map_err(err)?,
        };
        let ws = Workspace {
            path: dir.to_path_buf(),
            handle: Some((db, trees)),
            manifest_lock: Mutex::new(()),
            live: Mutex::new(HashMap::new()),
            policy,
        };
        ws.finish_interrupted_work()?;
        Ok(ws)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn db(&self) -> &sled::Db {
        &self.handle.as_ref().expect("open until dropped").0
    }

    fn trees(&self) -> &Trees {
        &self.handle.as_ref().expect("open until dropped").1
    }

    /// Put the example maps in a workspace that has never had them and holds no maps.
    /// Returns how many were added.
    pub fn seed_examples(&self) -> Result<usize, StoreError> {
        let meta = &self.trees().meta;
        if meta.get(KEY_SEEDED).map_err(|e| self.db_err(e))?.is_some() {
            return Ok(0);
        }
        let mut added = 0;
        if self.trees().maps.is_empty() {
            for (name, text) in corridor_core::examples::EXAMPLES {
                let map = file::from_str(text).map_err(|source| StoreError::BadFile {
                    name: (*name).to_string(),
                    source,
                })?;
                self.create(&map, map.modified)?;
                added += 1;
            }
        }
        meta.insert(KEY_SEEDED, &[1u8])
            .map_err(|e| self.db_err(e))?;
        self.flush()?;
        Ok(added)
    }

    /// Every map, most recently saved first. Reads the summaries only, never a map.
    pub fn list(&self) -> Result<Vec<MapSummary>, StoreError> {
        let mut out = Vec::new();
        for entry in self.trees().summaries.iter() {
            let (key, value) = entry.map_err(|e| self.db_err(e))?;
            let s = SummaryRecord::decode(&key, &value)?;
            out.push(MapSummary {
                id: records::map_id(&key)?,
                title: s.title,
                persona: s.persona,
                stages: s.stages,
                touchpoints: s.touchpoints,
                saved_at: s.saved_at,
                revision: s.revision,
            });
        }
        out.sort_by(|a, b| {
            b.saved_at
                .cmp(&a.saved_at)
                .then_with(|| a.title.cmp(&b.title))
        });
        Ok(out)
    }

    /// One map, at its latest revision.
    pub fn get(&self, id: Id) -> Result<JourneyMap, StoreError> {
        self.with_live(id, |live| Ok(live.map.clone()))
    }

    /// One map with its revision and undo state: what a board opens to edit.
    pub fn state(&self, id: Id) -> Result<MapState, StoreError> {
        self.with_live(id, |live| {
            Ok(MapState {
                map: live.map.clone(),
                revision: live.revision,
                saved_at: live.saved_at,
                can_undo: live.can_undo(),
                can_redo: live.can_redo(),
            })
        })
    }

    /// Store a new map at revision 0. Refused if a map with its id exists or the map has
    /// problems.
    pub fn create(&self, map: &JourneyMap, now: DateTime<Utc>) -> Result<(), StoreError> {
        check(map)?;
        let mut cache = self.live.lock().unwrap_or_else(|p| p.into_inner());
        let key = keys::map(map.id);
        let record = MapRecord {
            revision: 0,
            saved_at: now,
            map: map.clone(),
            undo_top: None,
            redo_top: None,
        }
        .encode();
        let summary = SummaryRecord::of(map, 0, now).encode();
        let t = self.trees();
        let created = (&t.maps, &t.summaries)
            .transaction(|(maps, summaries)| {
                if maps.get(key)?.is_some() {
                    return Ok(false);
                }
                maps.insert(&key, record.as_slice())?;
                summaries.insert(&key, summary.as_slice())?;
                Ok(true)
            })
            .map_err(|e: TransactionError<()>| self.transaction_err(e))?;
        if !created {
            return Err(StoreError::AlreadyExists {
                id: map.id,
                title: map.title.clone(),
            });
        }
        cache.remove(&map.id);
        drop(cache);
        self.flush()?;
        guard::map_added(self, map.id)
    }

    /// Store a whole map over its latest revision, as one edit (undoable like any other).
    /// Refused if the map is not in the workspace or has problems.
    pub fn save(&self, map: &JourneyMap, now: DateTime<Utc>) -> Result<Applied, StoreError> {
        check(map)?;
        self.with_live(map.id, |live| {
            let edit = edit_between(&live.map, map);
            let summary = compare(&live.map, map).summary();
            let stacks = Stacks::pushed_for_undo(live, live.revision + 1);
            self.land(map.id, live, Change::Edit, summary, &edit, stacks, now)
        })
    }

    /// Remove a map with its history and its datasets.
    pub fn delete(&self, id: Id) -> Result<(), StoreError> {
        let key = keys::map(id);
        let marker = keys::marker(keys::PURGE_PREFIX, id);
        let t = self.trees();
        let mut cache = self.live.lock().unwrap_or_else(|p| p.into_inner());
        guard::map_removed(self, id)?;
        // The map goes at once; its history and datasets go next, and a crash in between
        // leaves the marker for the next open to finish the job.
        let existed = (&t.maps, &t.summaries, &t.meta)
            .transaction(|(maps, summaries, meta)| {
                let existed = maps.remove(&key)?.is_some();
                summaries.remove(&key)?;
                if existed {
                    meta.insert(marker.as_slice(), &[])?;
                }
                Ok(existed)
            })
            .map_err(|e: TransactionError<()>| self.transaction_err(e))?;
        cache.remove(&id);
        drop(cache);
        if !existed {
            return Err(StoreError::NotFound { id });
        }
        self.flush()?;
        self.purge(id)
    }

    /// Remove what is left of a deleted map: its journal, snapshots and datasets.
    fn purge(&self, id: Id) -> Result<(), StoreError> {
        let t = self.trees();
        let prefix = keys::map(id);
        for tree in [&t.journal, &t.snapshots] {
            let mut batch = sled::Batch::default();
            for key in tree.scan_prefix(prefix).keys() {
                batch.remove(key.map_err(|e| self.db_err(e))?);
            }
            tree.apply_batch(batch).map_err(|e| self.db_err(e))?;
        }
        let datasets: Vec<Id> = t
            .map_datasets
            .scan_prefix(prefix)
            .keys()
            .filter_map(|k| k.ok().and_then(|k| keys::dataset_of(&k)))
            .collect();
        for dataset in datasets {
            self.remove_dataset(id, dataset)?;
        }
        t.meta
            .remove(keys::marker(keys::PURGE_PREFIX, id))
            .map_err(|e| self.db_err(e))?;
        self.flush()
    }

    /// Finish what a crash interrupted: maps deleted whose history was not yet removed,
    /// datasets whose chunks were being written.
    fn finish_interrupted_work(&self) -> Result<(), StoreError> {
        let meta = &self.trees().meta;
        let marked = |prefix: &[u8]| -> Result<Vec<Id>, StoreError> {
            meta.scan_prefix(prefix)
                .keys()
                .map(|k| {
                    let k = k.map_err(|e| self.db_err(e))?;
                    records::map_id(&k[prefix.len()..])
                })
                .collect()
        };
        for id in marked(keys::PURGE_PREFIX)? {
            self.purge(id)?;
        }
        for id in marked(keys::PENDING_DATASET_PREFIX)? {
            self.abandon_dataset(id)?;
        }
        Ok(())
    }

    /// Read a native file's text and store it as a new map; returns its id once it is durable.
    /// The map keeps its id and times, so exporting it gives back the same bytes.
    pub fn import_text(&self, text: &str, now: DateTime<Utc>) -> Result<Id, StoreError> {
        let map = file::from_str(text).map_err(|source| StoreError::BadFile {
            name: "the file".into(),
            source,
        })?;
        self.create(&map, now)?;
        Ok(map.id)
    }

    /// The canonical native-file text of a stored map.
    pub fn export_text(&self, id: Id) -> Result<String, StoreError> {
        Ok(file::to_string(&self.get(id)?))
    }

    /// Make every write so far durable before returning.
    fn flush(&self) -> Result<(), StoreError> {
        self.db().flush().map_err(|e| self.db_err(e))?;
        Ok(())
    }

    fn db_err(&self, source: sled::Error) -> StoreError {
        StoreError::db(&self.path, source)
    }

    fn transaction_err(&self, e: TransactionError<()>) -> StoreError {
        match e {
            TransactionError::Storage(e) => self.db_err(e),
            TransactionError::Abort(()) => unreachable!("these transactions never abort"),
        }
    }
}

impl Drop for Workspace {
    fn drop(&mut self) {
        let Some((db, trees)) = self.handle.take() else {
            return;
        };
        let flushed = db.flush().is_ok();
        drop(trees);
        drop(db);
        // A clean close lets the next open skip the copy it makes of an unverified store.
        if flushed {
            guard::closed(&self.path);
        }
    }
}

/// How long opening waits for a lock that a workspace closed in this process still holds.
/// sled lets go of its lock file when the last background job of a dropped database ends, a
/// few milliseconds after the drop; another process holding the workspace is reported once
/// this has passed.
const LOCK_WAIT: Duration = Duration::from_millis(500);

fn open_db(dir: &Path) -> Result<sled::Db, StoreError> {
    let deadline = Instant::now() + LOCK_WAIT;
    loop {
        match sled::Config::new().path(dir).open() {
            Ok(db) => return Ok(db),
            Err(e) => match StoreError::open(dir, e) {
                StoreError::Locked { .. } if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(10));
                }
                err => return Err(err),
            },
        }
    }
}

fn check(map: &JourneyMap) -> Result<(), StoreError> {
    let problems = validate(map);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(StoreError::Invalid {
            title: map.title.clone(),
            problems,
        })
    }
}
