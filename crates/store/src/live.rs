//! The maps being worked on, kept in memory: the store's latest checkpoint of a map with the
//! journal's later edits replayed onto it. Only one process can open a store (sled locks it),
//! so this copy is the truth as long as the workspace is open; every change is written through.

use chrono::{DateTime, Utc};
use corridor_core::{validate, Id, JourneyMap, Problem};

use crate::keys;
use crate::records::{JournalEntry, MapRecord};
use crate::{StoreError, Workspace};

/// A map at its latest revision, with its undo state.
#[derive(Debug, Clone)]
pub(crate) struct Live {
    pub map: JourneyMap,
    pub revision: u64,
    pub saved_at: DateTime<Utc>,
    pub undo_top: Option<u64>,
    pub redo_top: Option<u64>,
    /// The revision of the map record in `maps` (the last checkpoint).
    pub checkpoint: u64,
    /// The oldest revision whose journal entry is kept; `revision + 1` when none is.
    pub oldest: u64,
    /// What `validate` says of `map`, so an edit compares before and after without
    /// validating twice.
    pub problems: Vec<Problem>,
}

impl Live {
    pub fn can_undo(&self) -> bool {
        self.undo_top.is_some_and(|top| top >= self.oldest)
    }

    pub fn can_redo(&self) -> bool {
        self.redo_top.is_some_and(|top| top >= self.oldest)
    }
}

impl Workspace {
    /// Read a map's checkpoint and replay the journal after it.
    pub(crate) fn load(&self, id: Id) -> Result<Live, StoreError> {
        let record = self
            .trees()
            .maps
            .get(keys::map(id))
            .map_err(|e| self.db_err(e))?
            .ok_or(StoreError::NotFound { id })?;
        let record = MapRecord::decode(&keys::map(id), &record)?;
        let mut live = Live {
            map: record.map,
            revision: record.revision,
            saved_at: record.saved_at,
            undo_top: record.undo_top,
            redo_top: record.redo_top,
            checkpoint: record.revision,
            oldest: record.revision + 1,
            problems: Vec::new(),
        };
        let after = keys::revision(id, record.revision + 1);
        for item in self
            .trees()
            .journal
            .range(after..=keys::revision(id, u64::MAX))
        {
            let (key, value) = item.map_err(|e| self.db_err(e))?;
            let revision = keys::revision_of(&key).unwrap_or_default();
            let corrupt = |message: String| StoreError::CorruptRecord {
                key: keys::describe(&key),
                message,
            };
            if revision != live.revision + 1 {
                return Err(corrupt(format!(
                    "the journal skips from revision {} to {revision}",
                    live.revision
                )));
            }
            let entry = JournalEntry::decode(&key, &value)?;
            entry
                .edit
                .apply(&mut live.map)
                .map_err(|e| corrupt(format!("its edit does not apply: {e}")))?;
            live.map.modified = entry.at;
            live.saved_at = entry.at;
            live.revision = revision;
            live.undo_top = entry.undo_top;
            live.redo_top = entry.redo_top;
        }
        if let Some(first) = self.trees().journal.scan_prefix(keys::map(id)).next() {
            let (key, _) = first.map_err(|e| self.db_err(e))?;
            live.oldest = keys::revision_of(&key).unwrap_or(live.revision + 1);
        } else {
            live.oldest = live.revision + 1;
        }
        live.problems = validate(&live.map);
        Ok(live)
    }

    /// Run `f` on the map's live state, loading it first if needed. The cache's lock is held
    /// throughout, so `f` sees the latest revision and no other change lands meanwhile. When
    /// `f` fails the map is dropped from the cache, to be read again from the store.
    pub(crate) fn with_live<R>(
        &self,
        id: Id,
        f: impl FnOnce(&mut Live) -> Result<R, StoreError>,
    ) -> Result<R, StoreError> {
        let mut cache = self
            .live
            .lock()
            .unwrap_or_else(|poison| poison.into_inner());
        let live = match cache.entry(id) {
            std::collections::hash_map::Entry::Occupied(entry) => entry.into_mut(),
            std::collections::hash_map::Entry::Vacant(entry) => entry.insert(self.load(id)?),
        };
        let result = f(live);
        if result.as_ref().is_err_and(needs_reload) {
            cache.remove(&id);
        }
        result
    }
}

/// Errors after which the in-memory state may differ from the store's.
fn needs_reload(err: &StoreError) -> bool {
    matches!(
        err,
        StoreError::Db { .. }
            | StoreError::DiskFull { .. }
            | StoreError::PermissionDenied { .. }
            | StoreError::Damaged { .. }
            | StoreError::CorruptRecord { .. }
    )
}
