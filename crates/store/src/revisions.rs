//! A map's history: the revisions the journal keeps, named snapshots, opening and comparing an
//! old revision, restoring one (itself an edit, so it can be undone), and compaction.
//!
//! Compaction policy ([`HistoryPolicy`]): the journal keeps every edit of the most recent
//! `keep_edits` revisions of a map. When it holds `compact_slack` more than that, the oldest are
//! dropped down to `keep_edits`; for each day (UTC) on which dropped edits were made, the map
//! as it stood after that day's last dropped edit is kept whole as an automatic snapshot, and
//! only the `keep_daily` most recent automatic snapshots are kept. Named snapshots are never
//! removed by compaction. Undo reaches as far back as the journal keeps edits; as each undo is
//! a revision too, a long run of undos reaches at least `keep_edits / 2` edits back.

use chrono::{DateTime, NaiveDate, Utc};
use corridor_core::{compare, edit_between, Id, JourneyMap, MapDiff};
use serde::{Deserialize, Serialize};

use crate::journal::{describe, Stacks};
use crate::keys;
use crate::live::Live;
use crate::records::{Change, JournalEntry, JournalHeader, SnapshotHeader, SnapshotRecord};
use crate::{Applied, StoreError, Workspace};

/// How much history each map keeps (see the module's documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HistoryPolicy {
    /// The whole map is written again every this many revisions; the edits since the last
    /// such checkpoint are replayed when a map is opened.
    pub checkpoint_every: u64,
    /// Every edit of this many most recent revisions is kept.
    pub keep_edits: u64,
    /// Compaction runs once the journal holds this many entries more than `keep_edits`. With
    /// the defaults it runs at the same edits that write a checkpoint, so only one edit in 250
    /// pays for either.
    pub compact_slack: u64,
    /// Automatic (daily) snapshots kept per map.
    pub keep_daily: usize,
}

impl Default for HistoryPolicy {
    fn default() -> HistoryPolicy {
        HistoryPolicy {
            checkpoint_every: 250,
            keep_edits: 1000,
            compact_slack: 250,
            keep_daily: 90,
        }
    }
}

/// One revision in a history list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct HistoryEntry {
    pub revision: u64,
    pub at: DateTime<Utc>,
    pub change: Change,
    /// What happened, for people ("add touchpoint", "undo rename map").
    pub summary: String,
}

/// A snapshot: a revision kept whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SnapshotInfo {
    pub revision: u64,
    /// The name a person gave it; `None` for the daily snapshots compaction keeps.
    pub name: Option<String>,
    /// When it was taken.
    pub taken: DateTime<Utc>,
    /// When the revision it holds was saved.
    pub saved_at: DateTime<Utc>,
    /// What changed since the snapshot before it ("3 touchpoints added, 1 changed").
    pub summary: String,
}

/// A map's history, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct History {
    pub id: Id,
    pub revision: u64,
    /// The oldest revision the journal still holds (older ones survive only as snapshots).
    pub oldest: u64,
    /// What undo would undo, and what redo would redo, if anything.
    pub undo: Option<String>,
    pub redo: Option<String>,
    /// The most recent revisions, newest first.
    pub entries: Vec<HistoryEntry>,
    /// Every snapshot, newest first.
    pub snapshots: Vec<SnapshotInfo>,
}

const MAX_NAME: usize = 200;

impl Workspace {
    /// The map's history: up to `limit` most recent revisions, and every snapshot.
    pub fn history(&self, id: Id, limit: usize) -> Result<History, StoreError> {
        self.with_live(id, |live| {
            let mut entries = Vec::new();
            let range = keys::revision(id, live.oldest)..=keys::revision(id, live.revision);
            for item in self.trees().journal.range(range).rev().take(limit) {
                let (key, value) = item.map_err(|e| self.db_err(e))?;
                let h: JournalHeader = JournalEntry::header(&key, &value)?;
                entries.push(HistoryEntry {
                    revision: keys::revision_of(&key).unwrap_or_default(),
                    at: h.at,
                    change: h.change,
                    summary: describe(h.change, &h.summary),
                });
            }
            let summary_of = |top: Option<u64>, what: &str| -> Result<Option<String>, StoreError> {
                match top.filter(|&t| t >= live.oldest) {
                    Some(t) => Ok(Some(format!("{what} {}", self.entry(id, t)?.summary))),
                    None => Ok(None),
                }
            };
            Ok(History {
                id,
                revision: live.revision,
                oldest: live.oldest,
                undo: summary_of(live.undo_top, "undo")?,
                redo: summary_of(live.redo_top, "redo")?,
                entries,
                snapshots: self.snapshot_list(id)?,
            })
        })
    }

    /// The map's snapshots, newest first.
    pub fn snapshots(&self, id: Id) -> Result<Vec<SnapshotInfo>, StoreError> {
        self.with_live(id, |_| self.snapshot_list(id))
    }

    fn snapshot_list(&self, id: Id) -> Result<Vec<SnapshotInfo>, StoreError> {
        let mut out = Vec::new();
        for item in self.trees().snapshots.scan_prefix(keys::map(id)).rev() {
            let (key, value) = item.map_err(|e| self.db_err(e))?;
            let h: SnapshotHeader = SnapshotRecord::header(&key, &value)?;
            out.push(SnapshotInfo {
                revision: keys::revision_of(&key).unwrap_or_default(),
                name: h.name,
                taken: h.taken,
                saved_at: h.saved_at,
                summary: h.summary,
            });
        }
        Ok(out)
    }

    /// Name the map's current revision ("after the March workshop"). Naming a revision that
    /// already has a snapshot renames it.
    pub fn snapshot(
        &self,
        id: Id,
        name: &str,
        now: DateTime<Utc>,
    ) -> Result<SnapshotInfo, StoreError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(StoreError::BadName { reason: "is empty" });
        }
        if name.chars().count() > MAX_NAME {
            return Err(StoreError::BadName {
                reason: "is longer than 200 characters",
            });
        }
        self.with_live(id, |live| {
            let key = keys::revision(id, live.revision);
            let previous = self
                .trees()
                .snapshots
                .range(keys::revision(id, 0)..key)
                .next_back()
                .transpose()
                .map_err(|e| self.db_err(e))?;
            let summary = match previous {
                Some((k, v)) => {
                    let before = SnapshotRecord::decode(&k, &v)?;
                    let since = keys::revision_of(&k).unwrap_or_default();
                    let changes = compare(&before.map, &live.map).summary();
                    format!("since revision {since}: {changes}")
                }
                None => "the first snapshot".into(),
            };
            let record = SnapshotRecord {
                name: Some(name.to_string()),
                taken: now,
                saved_at: live.saved_at,
                summary,
                map: live.map.clone(),
            };
            self.trees()
                .snapshots
                .insert(key, record.encode())
                .map_err(|e| self.db_err(e))?;
            self.flush()?;
            Ok(SnapshotInfo {
                revision: live.revision,
                name: record.name,
                taken: now,
                saved_at: live.saved_at,
                summary: record.summary,
            })
        })
    }

    /// The map as it was at `revision`, to read (not to edit).
    pub fn revision(&self, id: Id, revision: u64) -> Result<JourneyMap, StoreError> {
        self.with_live(id, |live| self.map_at(id, live, revision))
    }

    /// What changed from `revision` to now.
    pub fn diff(&self, id: Id, revision: u64) -> Result<MapDiff, StoreError> {
        self.with_live(id, |live| {
            Ok(compare(&self.map_at(id, live, revision)?, &live.map))
        })
    }

    /// Put the map back as it was at `revision`, as a new revision that undo takes back.
    /// A restore that would change nothing makes no revision.
    pub fn restore(
        &self,
        id: Id,
        base_revision: Option<u64>,
        revision: u64,
        now: DateTime<Utc>,
    ) -> Result<Applied, StoreError> {
        self.with_live(id, |live| {
            if let Some(base) = base_revision.filter(|&b| b != live.revision) {
                return Err(StoreError::Conflict {
                    id,
                    base,
                    head: live.revision,
                });
            }
            let target = self.map_at(id, live, revision)?;
            let edit = edit_between(&live.map, &target);
            if edit == (corridor_core::Edit::Batch { edits: vec![] }) {
                return Ok(Applied {
                    id,
                    revision: live.revision,
                    summary: format!("revision {revision} is already the map's content"),
                    saved_at: live.saved_at,
                    can_undo: live.can_undo(),
                    can_redo: live.can_redo(),
                });
            }
            let name = self.snapshot_name(id, revision)?;
            let summary = match name {
                Some(name) => format!("restore \"{name}\" (revision {revision})"),
                None => format!("restore revision {revision}"),
            };
            let stacks = Stacks::pushed_for_undo(live, live.revision + 1);
            let change = Change::Restore { from: revision };
            self.land(id, live, change, summary, &edit, stacks, now)
        })
    }

    fn snapshot_name(&self, id: Id, revision: u64) -> Result<Option<String>, StoreError> {
        let key = keys::revision(id, revision);
        match self
            .trees()
            .snapshots
            .get(key)
            .map_err(|e| self.db_err(e))?
        {
            Some(v) => Ok(SnapshotRecord::header(&key, &v)?.name),
            None => Ok(None),
        }
    }

    /// The map at `revision`: the live map, a snapshot, or the live map walked back through
    /// the journal's inverses.
    fn map_at(&self, id: Id, live: &Live, revision: u64) -> Result<JourneyMap, StoreError> {
        if revision > live.revision {
            return Err(StoreError::RevisionUnknown {
                id,
                revision,
                head: live.revision,
            });
        }
        if revision == live.revision {
            return Ok(live.map.clone());
        }
        let key = keys::revision(id, revision);
        if let Some(v) = self
            .trees()
            .snapshots
            .get(key)
            .map_err(|e| self.db_err(e))?
        {
            return Ok(SnapshotRecord::decode(&key, &v)?.map);
        }
        // Entries revision + 1 ..= head take it back; all must still be kept.
        if revision + 1 < live.oldest {
            return Err(StoreError::RevisionGone {
                id,
                revision,
                oldest: live.oldest,
            });
        }
        let mut map = live.map.clone();
        let range = keys::revision(id, revision + 1)..=keys::revision(id, live.revision);
        for item in self.trees().journal.range(range).rev() {
            let (key, value) = item.map_err(|e| self.db_err(e))?;
            let entry = JournalEntry::decode(&key, &value)?;
            entry
                .inverse
                .apply(&mut map)
                .map_err(|e| StoreError::CorruptRecord {
                    key: keys::describe(&key),
                    message: format!("its inverse does not apply: {e}"),
                })?;
        }
        if let Some(at) = self.saved_at_of(id, revision)? {
            map.modified = at;
        }
        Ok(map)
    }

    fn saved_at_of(&self, id: Id, revision: u64) -> Result<Option<DateTime<Utc>>, StoreError> {
        let key = keys::revision(id, revision);
        match self.trees().journal.get(key).map_err(|e| self.db_err(e))? {
            Some(v) => Ok(Some(JournalEntry::header(&key, &v)?.at)),
            None => Ok(None),
        }
    }

    /// Compact the map's history if the policy says it is time. Housekeeping: a failure is
    /// left for the next edit to retry, and never fails the edit that triggered it.
    pub(crate) fn compact_if_due(&self, id: Id, live: &mut Live) {
        let kept = (live.revision + 1).saturating_sub(live.oldest);
        if kept >= self.policy.keep_edits + self.policy.compact_slack {
            if let Ok(oldest) = self.compact(id, live) {
                live.oldest = oldest;
            }
        }
    }

    /// Drop the journal before the most recent `keep_edits` revisions, keeping one automatic
    /// snapshot per day of the dropped edits. Returns the new oldest revision.
    fn compact(&self, id: Id, live: &Live) -> Result<u64, StoreError> {
        let new_oldest = live.revision + 1 - self.policy.keep_edits.min(live.revision);
        // Never past the checkpoint: the edits after it rebuild the map at open.
        let new_oldest = new_oldest.min(live.checkpoint + 1);
        if new_oldest <= live.oldest {
            return Ok(live.oldest);
        }
        let t = self.trees();
        // The last dropped revision of each day.
        let mut day_ends: Vec<(u64, DateTime<Utc>)> = Vec::new();
        let mut last_day: Option<NaiveDate> = None;
        let dropped = keys::revision(id, live.oldest)..keys::revision(id, new_oldest);
        for item in t.journal.range(dropped.clone()) {
            let (key, value) = item.map_err(|e| self.db_err(e))?;
            let at = JournalEntry::header(&key, &value)?.at;
            let revision = keys::revision_of(&key).unwrap_or_default();
            if last_day == Some(at.date_naive()) {
                day_ends.pop();
            }
            last_day = Some(at.date_naive());
            day_ends.push((revision, at));
        }
        // A day whose later edits stay in the journal gets its snapshot when those go.
        let first_kept = keys::revision(id, new_oldest);
        if let Some(value) = t.journal.get(first_kept).map_err(|e| self.db_err(e))? {
            let kept_day = JournalEntry::header(&first_kept, &value)?.at.date_naive();
            if last_day == Some(kept_day) {
                day_ends.pop();
            }
        }
        // Walk back from the live map through every entry after the oldest day end.
        let mut snapshots = sled::Batch::default();
        let first_day_end = day_ends.first().map_or(live.revision, |d| d.0);
        let mut map = live.map.clone();
        let mut wanted = day_ends.iter().rev().peekable();
        let walk = keys::revision(id, first_day_end + 1)..=keys::revision(id, live.revision);
        for item in t.journal.range(walk).rev() {
            let (key, value) = item.map_err(|e| self.db_err(e))?;
            let entry = JournalEntry::decode(&key, &value)?;
            let revision = keys::revision_of(&key).unwrap_or_default();
            entry
                .inverse
                .apply(&mut map)
                .map_err(|e| StoreError::CorruptRecord {
                    key: keys::describe(&key),
                    message: format!("its inverse does not apply: {e}"),
                })?;
            // `map` is now at revision - 1.
            while let Some(&&(day_end, at)) = wanted.peek() {
                if day_end + 1 != revision {
                    break;
                }
                wanted.next();
                let snap_key = keys::revision(id, day_end);
                if t.snapshots
                    .contains_key(snap_key)
                    .map_err(|e| self.db_err(e))?
                {
                    continue;
                }
                let mut kept = map.clone();
                kept.modified = at;
                let record = SnapshotRecord {
                    name: None,
                    taken: at,
                    saved_at: at,
                    summary: format!("the map at the end of {}", at.date_naive()),
                    map: kept,
                };
                snapshots.insert(&snap_key, record.encode());
            }
        }
        t.snapshots
            .apply_batch(snapshots)
            .map_err(|e| self.db_err(e))?;
        self.flush()?;
        let mut drop_entries = sled::Batch::default();
        for key in t.journal.range(dropped).keys() {
            drop_entries.remove(key.map_err(|e| self.db_err(e))?);
        }
        t.journal
            .apply_batch(drop_entries)
            .map_err(|e| self.db_err(e))?;
        self.trim_daily(id)?;
        self.flush()?;
        Ok(new_oldest)
    }

    /// Keep only the most recent `keep_daily` automatic snapshots.
    fn trim_daily(&self, id: Id) -> Result<(), StoreError> {
        let automatic: Vec<sled::IVec> = self
            .trees()
            .snapshots
            .scan_prefix(keys::map(id))
            .rev()
            .filter_map(|item| {
                let (key, value) = item.ok()?;
                let header = SnapshotRecord::header(&key, &value).ok()?;
                header.name.is_none().then_some(key)
            })
            .skip(self.policy.keep_daily)
            .collect();
        let mut batch = sled::Batch::default();
        for key in automatic {
            batch.remove(key);
        }
        self.trees()
            .snapshots
            .apply_batch(batch)
            .map_err(|e| self.db_err(e))
    }
}
