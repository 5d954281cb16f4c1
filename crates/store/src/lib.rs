//! The workspace: every map on this machine, kept in an embedded sled store.
//!
//! Architecture invariant: this is the only crate that names sled. The app, the CLI and the
//! tests all go through [`Workspace`]. Records are versioned structs, keys are fixed-width
//! big-endian, and a `schema_version` key guards the layout (see `docs/architecture.md`).

mod error;
mod records;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use corridor_core::{file, validate, Id, JourneyMap};
use serde::{Deserialize, Serialize};

pub use error::StoreError;
use records::MapRecord;
pub use records::SCHEMA_VERSION;

/// The environment variable that points Corridor at another workspace directory.
pub const WORKSPACE_ENV: &str = "CORRIDOR_WORKSPACE";

/// The app's identifier; the default workspace lives in the platform's data dir under it.
pub const APP_IDENTIFIER: &str = "studio.corridor.app";

const MAPS: &str = "maps";
const META: &str = "meta";
const KEY_SCHEMA_VERSION: &str = "schema_version";
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
}

/// The maps on this machine.
pub struct Workspace {
    path: PathBuf,
    db: sled::Db,
    maps: sled::Tree,
    meta: sled::Tree,
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

    /// Open (or create) the workspace in `dir`.
    pub fn open(dir: &Path) -> Result<Workspace, StoreError> {
        std::fs::create_dir_all(dir).map_err(|e| StoreError::open(dir, e.into()))?;
        let db = open_db(dir)?;
        let sled_err = |e| StoreError::open(dir, e);
        // The layout version is checked before anything else is opened: opening a tree creates
        // it, and a newer layout must be left untouched.
        let meta = db.open_tree(META).map_err(sled_err)?;
        check_schema(dir, &db, &meta)?;
        let maps = db.open_tree(MAPS).map_err(sled_err)?;
        Ok(Workspace {
            path: dir.to_path_buf(),
            db,
            maps,
            meta,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Put the example maps in a workspace that has never had them and holds no maps.
    /// Returns how many were added.
    pub fn seed_examples(&self) -> Result<usize, StoreError> {
        if self
            .meta
            .get(KEY_SEEDED)
            .map_err(|e| self.db_err(e))?
            .is_some()
        {
            return Ok(0);
        }
        let mut added = 0;
        if self.maps.is_empty() {
            for (name, text) in corridor_core::examples::EXAMPLES {
                let map = file::from_str(text).map_err(|source| StoreError::BadFile {
                    name: (*name).to_string(),
                    source,
                })?;
                self.put(&map, map.modified)?;
                added += 1;
            }
        }
        self.meta
            .insert(KEY_SEEDED, &[1u8])
            .map_err(|e| self.db_err(e))?;
        self.flush()?;
        Ok(added)
    }

    /// Every map, most recently saved first.
    pub fn list(&self) -> Result<Vec<MapSummary>, StoreError> {
        let mut out = Vec::new();
        for entry in self.maps.iter() {
            let (key, value) = entry.map_err(|e| self.db_err(e))?;
            let record = MapRecord::decode(&key, &value)?;
            let map = &record.map;
            out.push(MapSummary {
                id: map.id,
                title: map.title.clone(),
                persona: map
                    .persona
                    .and_then(|p| map.persona_by_id(p))
                    .map(|p| p.name.clone()),
                stages: map.stages.len() as u32,
                touchpoints: map.touchpoints.len() as u32,
                saved_at: record.saved_at,
            });
        }
        out.sort_by(|a, b| {
            b.saved_at
                .cmp(&a.saved_at)
                .then_with(|| a.title.cmp(&b.title))
        });
        Ok(out)
    }

    /// One map.
    pub fn get(&self, id: Id) -> Result<JourneyMap, StoreError> {
        let value = self.maps.get(id.as_bytes()).map_err(|e| self.db_err(e))?;
        let value = value.ok_or(StoreError::NotFound { id })?;
        Ok(MapRecord::decode(id.as_bytes(), &value)?.map)
    }

    /// Store a new map. Refused if a map with its id exists or the map has problems.
    pub fn create(&self, map: &JourneyMap, now: DateTime<Utc>) -> Result<(), StoreError> {
        check(map)?;
        if self
            .maps
            .contains_key(map.id.as_bytes())
            .map_err(|e| self.db_err(e))?
        {
            return Err(StoreError::AlreadyExists {
                id: map.id,
                title: map.title.clone(),
            });
        }
        self.put(map, now)
    }

    /// Store a map over its earlier version. Refused if the map has problems.
    pub fn save(&self, map: &JourneyMap, now: DateTime<Utc>) -> Result<(), StoreError> {
        check(map)?;
        if !self
            .maps
            .contains_key(map.id.as_bytes())
            .map_err(|e| self.db_err(e))?
        {
            return Err(StoreError::NotFound { id: map.id });
        }
        self.put(map, now)
    }

    /// Remove a map.
    pub fn delete(&self, id: Id) -> Result<(), StoreError> {
        let old = self
            .maps
            .remove(id.as_bytes())
            .map_err(|e| self.db_err(e))?;
        if old.is_none() {
            return Err(StoreError::NotFound { id });
        }
        self.flush()
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

    fn put(&self, map: &JourneyMap, saved_at: DateTime<Utc>) -> Result<(), StoreError> {
        let record = MapRecord {
            saved_at,
            map: map.clone(),
        };
        self.maps
            .insert(map.id.as_bytes(), record.encode())
            .map_err(|e| self.db_err(e))?;
        self.flush()
    }

    /// Make every write so far durable before returning.
    fn flush(&self) -> Result<(), StoreError> {
        self.db.flush().map_err(|e| self.db_err(e))?;
        Ok(())
    }

    fn db_err(&self, source: sled::Error) -> StoreError {
        StoreError::Db {
            path: self.path.clone(),
            message: source.to_string(),
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

fn check_schema(path: &Path, db: &sled::Db, meta: &sled::Tree) -> Result<(), StoreError> {
    let db_err = |source: sled::Error| StoreError::Db {
        path: path.to_path_buf(),
        message: source.to_string(),
    };
    match meta.get(KEY_SCHEMA_VERSION).map_err(db_err)? {
        None => {
            meta.insert(KEY_SCHEMA_VERSION, &SCHEMA_VERSION.to_be_bytes())
                .map_err(db_err)?;
            db.flush().map_err(db_err)?;
            Ok(())
        }
        Some(bytes) => {
            let found = <[u8; 4]>::try_from(bytes.as_ref())
                .map(u32::from_be_bytes)
                .map_err(|_| StoreError::CorruptMeta {
                    path: path.to_path_buf(),
                })?;
            if found > SCHEMA_VERSION {
                return Err(StoreError::NewerSchema {
                    path: path.to_path_buf(),
                    found,
                    supported: SCHEMA_VERSION,
                });
            }
            // Version 1 is the first layout: there is nothing older to migrate from yet.
            Ok(())
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
