//! Keeping sled from losing a damaged store without a word.
//!
//! sled 0.34 recovers its log at open by keeping what reads back and writing over the rest:
//! on a store whose files were damaged (a bad disk, a half-copied folder) it opens "fine" with
//! maps missing, and the lost bytes are gone. So, outside sled, the workspace keeps:
//!
//! - `corridor-manifest.json`: the ids of the maps it holds (written on create and delete), so
//!   an open that finds one missing refuses the store as damaged instead of carrying on;
//! - `corridor-closed.json`: the size and time of sled's log file when the workspace was last
//!   closed cleanly. When the log is not exactly as it was closed (after a crash, or if
//!   something else touched it), the store is first copied to `before-open/`, and the copy is
//!   removed once the open has checked out. On a failed check the copy stays, holding the
//!   store as it was before sled touched it, for [`crate::salvage`]. When the copy cannot be
//!   made (a full disk), the store is opened without it.
//!
//! Nothing here ever deletes anything but the copy it made itself in the same open.

use std::collections::BTreeSet;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, UNIX_EPOCH};

use corridor_core::Id;
use serde::{Deserialize, Serialize};

use crate::{StoreError, Workspace};

pub const MANIFEST: &str = "corridor-manifest.json";
pub const CLOSED: &str = "corridor-closed.json";
/// Where the store is copied before an open that cannot vouch for it.
pub const BEFORE_OPEN: &str = "before-open";

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Fingerprint {
    db_len: u64,
    db_modified_ns: u128,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Manifest {
    maps: BTreeSet<Id>,
}

/// What happened before sled opened the store, for [`Guard::verify`] after.
pub struct Guard {
    /// The copy this open made.
    made: Option<PathBuf>,
    /// A copy an earlier, refused open made (kept, never replaced).
    kept: Option<PathBuf>,
}

fn fingerprint(dir: &Path) -> Option<Fingerprint> {
    let meta = std::fs::metadata(dir.join("db")).ok()?;
    let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    Some(Fingerprint {
        db_len: meta.len(),
        db_modified_ns: modified.as_nanos(),
    })
}

/// Write `bytes` to `path` through a temporary file and a rename, synced.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let tmp = path.with_extension("json.tmp");
    let mut f = File::create(&tmp)?;
    f.write_all(bytes)?;
    f.sync_all()?;
    std::fs::rename(&tmp, path)
}

/// Before sled opens `dir`: copy the store aside unless it was closed cleanly and is untouched.
pub fn before_open(dir: &Path) -> Result<Guard, StoreError> {
    let kept = Some(dir.join(BEFORE_OPEN)).filter(|p| p.exists());
    let closed_path = dir.join(CLOSED);
    let closed: Option<Fingerprint> = std::fs::read(&closed_path)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok());
    if closed.is_some() {
        // It vouches for this one open only.
        std::fs::remove_file(&closed_path).map_err(|e| StoreError::io(dir, e))?;
    }
    let current = fingerprint(dir);
    let untouched = current.is_none() || (closed.is_some() && closed == current);
    if untouched || kept.is_some() {
        return Ok(Guard { made: None, kept });
    }
    let copy = dir.join(BEFORE_OPEN);
    if copy_store(dir, &copy).is_err() {
        // No room (or no right) for the copy: open without it rather than not at all, as
        // before this guard existed. The open itself reports a folder it may not write.
        let _ = std::fs::remove_dir_all(&copy);
        return Ok(Guard {
            made: None,
            kept: None,
        });
    }
    Ok(Guard {
        made: Some(copy),
        kept: None,
    })
}

/// Copy sled's files (`conf`, `db`, `snap.*`, `blobs/`) of `from` into `to`.
pub fn copy_store(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to.join("blobs"))?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name == "conf" || name == "db" || name.starts_with("snap.") {
            std::fs::copy(entry.path(), to.join(&*name))?;
        }
    }
    if let Ok(blobs) = std::fs::read_dir(from.join("blobs")) {
        for entry in blobs {
            let entry = entry?;
            std::fs::copy(entry.path(), to.join("blobs").join(entry.file_name()))?;
        }
    }
    Ok(())
}

impl Guard {
    /// The open failed before it could be checked. A store sled calls corrupt keeps the copy
    /// (and the error names it); otherwise the copy this open made is removed.
    pub fn failed(self, err: StoreError) -> StoreError {
        match err {
            StoreError::Damaged {
                path,
                detail,
                preserved: None,
            } => StoreError::Damaged {
                path,
                detail,
                preserved: self.made.or(self.kept),
            },
            err => {
                if let Some(copy) = self.made {
                    let _ = std::fs::remove_dir_all(copy);
                }
                err
            }
        }
    }

    /// After the open: every map the manifest names must be there. On success the copy this
    /// open made is removed and the manifest brought up to date.
    pub fn verify(self, ws: &Workspace) -> Result<(), StoreError> {
        let path = ws.path();
        let stored = ws.stored_ids()?;
        let mut manifest = read_manifest(path);
        if let Some(listed) = &manifest {
            let missing: Vec<&Id> = listed
                .maps
                .iter()
                .filter(|id| !stored.contains(id))
                .collect();
            if !missing.is_empty() {
                return Err(StoreError::Damaged {
                    path: path.to_path_buf(),
                    detail: format!(
                        "{} of the {} maps it should hold cannot be found",
                        missing.len(),
                        listed.maps.len()
                    ),
                    preserved: self.made.or(self.kept),
                });
            }
        }
        let fresh = manifest.get_or_insert_with(Manifest::default);
        if fresh.maps != stored {
            fresh.maps = stored;
            save_manifest(path, fresh)?;
        }
        if let Some(copy) = self.made {
            std::fs::remove_dir_all(&copy).map_err(|e| StoreError::io(path, e))?;
        }
        Ok(())
    }
}

fn read_manifest(dir: &Path) -> Option<Manifest> {
    let bytes = std::fs::read(dir.join(MANIFEST)).ok()?;
    serde_json::from_slice(&bytes).ok()
}

fn save_manifest(dir: &Path, manifest: &Manifest) -> Result<(), StoreError> {
    let bytes = serde_json::to_vec_pretty(manifest).expect("a manifest serialises");
    write_atomically(&dir.join(MANIFEST), &bytes).map_err(|e| StoreError::io(dir, e))
}

/// Record a new map in the manifest (after it is durable in the store).
pub fn map_added(ws: &Workspace, id: Id) -> Result<(), StoreError> {
    let _order = ws.manifest_lock.lock().unwrap_or_else(|p| p.into_inner());
    let mut manifest = read_manifest(ws.path()).unwrap_or_default();
    if manifest.maps.insert(id) {
        save_manifest(ws.path(), &manifest)?;
    }
    Ok(())
}

/// Strike a map from the manifest (before it leaves the store, so a crash between the two
/// never lists a map that is gone).
pub fn map_removed(ws: &Workspace, id: Id) -> Result<(), StoreError> {
    let _order = ws.manifest_lock.lock().unwrap_or_else(|p| p.into_inner());
    let mut manifest = read_manifest(ws.path()).unwrap_or_default();
    if manifest.maps.remove(&id) {
        save_manifest(ws.path(), &manifest)?;
    }
    Ok(())
}

/// After the store is flushed and sled has let go of it: record how its log was left. Best
/// effort: when sled does not let go in time (something still holds a tree), no record is
/// written and the next open copies the store first.
pub fn closed(dir: &Path) {
    let Ok(db) = File::open(dir.join("db")) else {
        return;
    };
    let deadline = Instant::now() + Duration::from_millis(500);
    loop {
        match db.try_lock() {
            Ok(()) => break,
            Err(_) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(2)),
            Err(_) => return,
        }
    }
    if let Some(print) = fingerprint(dir) {
        let bytes = serde_json::to_vec(&print).expect("a fingerprint serialises");
        let _ = write_atomically(&dir.join(CLOSED), &bytes);
    }
    let _ = db.unlock();
}

impl Workspace {
    /// The ids of the maps the store holds, read from their summaries: a summary is written in
    /// the same transaction as its map, and reading them does not read every map.
    fn stored_ids(&self) -> Result<BTreeSet<Id>, StoreError> {
        let mut ids = BTreeSet::new();
        for key in self.trees().summaries.iter().keys() {
            let key = key.map_err(|e| self.db_err(e))?;
            ids.insert(crate::records::map_id(&key)?);
        }
        Ok(ids)
    }
}
