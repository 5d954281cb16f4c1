//! Edits, undo and redo: each change is applied to the live map, checked, and written to the
//! journal (with the map's summary, and every so often a checkpoint of the whole map) in one
//! sled transaction that is flushed before the call returns.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use corridor_core::{validate, Edit, Id, Problem};
use serde::{Deserialize, Serialize};
use sled::transaction::TransactionError;
use sled::Transactional;

use crate::keys;
use crate::live::Live;
use crate::records::{Change, JournalEntry, MapRecord, SummaryRecord};
use crate::{StoreError, Workspace};

/// What an accepted change left: the map's new revision and its undo state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Applied {
    pub id: Id,
    /// The revision the map is at now; the next edit is made against it.
    pub revision: u64,
    /// What happened, for people ("add touchpoint", "undo add touchpoint").
    pub summary: String,
    pub saved_at: DateTime<Utc>,
    pub can_undo: bool,
    pub can_redo: bool,
}

/// Where the undo and redo stacks stand once a change lands (see [`JournalEntry`]).
pub(crate) struct Stacks {
    pub undo_top: Option<u64>,
    pub redo_top: Option<u64>,
    pub below: Option<u64>,
}

impl Stacks {
    /// A new change goes on the undo stack and empties the redo stack.
    pub fn pushed_for_undo(live: &Live, revision: u64) -> Stacks {
        Stacks {
            undo_top: Some(revision),
            redo_top: None,
            below: live.undo_top,
        }
    }
}

/// How a journal entry reads in a history list.
pub(crate) fn describe(change: Change, summary: &str) -> String {
    match change {
        Change::Edit | Change::Restore { .. } => summary.to_string(),
        Change::Undo { .. } => format!("undo {summary}"),
        Change::Redo { .. } => format!("redo {summary}"),
    }
}

/// The problems of `after` that `before` did not have. Problems are matched by message, as a
/// multiset: paths hold positions, which an insertion or a removal shifts.
pub(crate) fn new_problems(before: &[Problem], after: &[Problem]) -> Vec<Problem> {
    let mut known: HashMap<&str, usize> = HashMap::new();
    for p in before {
        *known.entry(p.message.as_str()).or_default() += 1;
    }
    after
        .iter()
        .filter(|p| match known.get_mut(p.message.as_str()) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        })
        .cloned()
        .collect()
}

fn check_base(id: Id, live: &Live, base: Option<u64>) -> Result<(), StoreError> {
    match base {
        Some(base) if base != live.revision => Err(StoreError::Conflict {
            id,
            base,
            head: live.revision,
        }),
        _ => Ok(()),
    }
}

impl Workspace {
    /// Apply `edit` to the map, made against `base_revision`. Refused with
    /// [`StoreError::Conflict`] when the map has moved on since, with
    /// [`StoreError::EditAddsProblems`] when the edit would give the map a problem it did not
    /// have; durable when it returns.
    pub fn apply(
        &self,
        id: Id,
        base_revision: u64,
        edit: &Edit,
        now: DateTime<Utc>,
    ) -> Result<Applied, StoreError> {
        self.with_live(id, |live| {
            check_base(id, live, Some(base_revision))?;
            let revision = live.revision + 1;
            let stacks = Stacks::pushed_for_undo(live, revision);
            self.land(id, live, Change::Edit, edit.summary(), edit, stacks, now)
        })
    }

    /// Undo the latest change not undone yet. `base_revision`, when given, must be the map's
    /// revision (as for an edit).
    pub fn undo(
        &self,
        id: Id,
        base_revision: Option<u64>,
        now: DateTime<Utc>,
    ) -> Result<Applied, StoreError> {
        self.with_live(id, |live| {
            check_base(id, live, base_revision)?;
            let nothing = StoreError::NothingToUndo {
                id,
                compacted: live.undo_top.is_some(),
                oldest: live.oldest,
            };
            let top = live.undo_top.filter(|&t| t >= live.oldest).ok_or(nothing)?;
            let target = self.entry(id, top)?;
            let revision = live.revision + 1;
            let stacks = Stacks {
                undo_top: target.below,
                redo_top: Some(revision),
                below: live.redo_top,
            };
            let change = Change::Undo { of: top };
            self.land(
                id,
                live,
                change,
                target.summary,
                &target.inverse,
                stacks,
                now,
            )
        })
    }

    /// Redo the latest undo, if no edit came after it.
    pub fn redo(
        &self,
        id: Id,
        base_revision: Option<u64>,
        now: DateTime<Utc>,
    ) -> Result<Applied, StoreError> {
        self.with_live(id, |live| {
            check_base(id, live, base_revision)?;
            let top = live
                .redo_top
                .filter(|&t| t >= live.oldest)
                .ok_or(StoreError::NothingToRedo { id })?;
            let target = self.entry(id, top)?;
            let revision = live.revision + 1;
            let stacks = Stacks {
                undo_top: Some(revision),
                redo_top: target.below,
                below: live.undo_top,
            };
            let change = Change::Redo { of: top };
            self.land(
                id,
                live,
                change,
                target.summary,
                &target.inverse,
                stacks,
                now,
            )
        })
    }

    /// One journal entry.
    pub(crate) fn entry(&self, id: Id, revision: u64) -> Result<JournalEntry, StoreError> {
        let key = keys::revision(id, revision);
        let value = self
            .trees()
            .journal
            .get(key)
            .map_err(|e| self.db_err(e))?
            .ok_or_else(|| StoreError::CorruptRecord {
                key: keys::describe(&key),
                message: "the journal entry is missing".into(),
            })?;
        JournalEntry::decode(&key, &value)
    }

    /// Apply `edit` to the live map, check it, and make it durable as the next revision.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn land(
        &self,
        id: Id,
        live: &mut Live,
        change: Change,
        summary: String,
        edit: &Edit,
        stacks: Stacks,
        now: DateTime<Utc>,
    ) -> Result<Applied, StoreError> {
        let inverse = edit
            .apply(&mut live.map)
            .map_err(|source| StoreError::Edit { id, source })?;
        let problems = validate(&live.map);
        let added = new_problems(&live.problems, &problems);
        if !added.is_empty() {
            inverse
                .apply(&mut live.map)
                .expect("an edit's inverse applies to the state the edit left");
            return Err(StoreError::EditAddsProblems {
                title: live.map.title.clone(),
                problems: added,
            });
        }
        let revision = live.revision + 1;
        live.map.modified = now;
        let entry = JournalEntry {
            at: now,
            change,
            summary,
            edit: edit.clone(),
            inverse,
            undo_top: stacks.undo_top,
            redo_top: stacks.redo_top,
            below: stacks.below,
        };
        let checkpoint = revision - live.checkpoint >= self.policy.checkpoint_every;
        // On failure the caller's `with_live` drops this half-changed state from the cache.
        self.commit(id, live, revision, &entry, checkpoint, now)?;
        live.revision = revision;
        live.saved_at = now;
        live.undo_top = entry.undo_top;
        live.redo_top = entry.redo_top;
        live.problems = problems;
        if checkpoint {
            live.checkpoint = revision;
        }
        if live.oldest > revision {
            live.oldest = revision;
        }
        self.compact_if_due(id, live);
        Ok(Applied {
            id,
            revision,
            summary: describe(change, &entry.summary),
            saved_at: now,
            can_undo: live.can_undo(),
            can_redo: live.can_redo(),
        })
    }

    /// Write the entry, the summary and (when due) a checkpoint together, then flush.
    fn commit(
        &self,
        id: Id,
        live: &Live,
        revision: u64,
        entry: &JournalEntry,
        checkpoint: bool,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let record = checkpoint.then(|| {
            sled::IVec::from(
                MapRecord {
                    revision,
                    saved_at: now,
                    map: live.map.clone(),
                    undo_top: entry.undo_top,
                    redo_top: entry.redo_top,
                }
                .encode(),
            )
        });
        let entry = sled::IVec::from(entry.encode());
        let summary = sled::IVec::from(SummaryRecord::of(&live.map, revision, now).encode());
        let t = self.trees();
        (&t.journal, &t.summaries, &t.maps)
            .transaction(|(journal, summaries, maps)| {
                journal.insert(&keys::revision(id, revision), entry.clone())?;
                summaries.insert(&keys::map(id), summary.clone())?;
                if let Some(record) = &record {
                    maps.insert(&keys::map(id), record.clone())?;
                }
                Ok(())
            })
            .map_err(|e: TransactionError<()>| match e {
                TransactionError::Storage(e) => self.db_err(e),
                TransactionError::Abort(()) => unreachable!("the transaction never aborts"),
            })?;
        self.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(path: &str, message: &str) -> Problem {
        Problem {
            path: path.into(),
            message: message.into(),
        }
    }

    #[test]
    fn problems_that_only_moved_are_not_new() {
        let before = [p("touchpoints[0].title", "the touchpoint's title is empty")];
        let after = [
            p("touchpoints[1].title", "the touchpoint's title is empty"),
            p("touchpoints[2].title", "the touchpoint's title is empty"),
        ];
        assert_eq!(new_problems(&before, &after), [after[1].clone()]);
        assert_eq!(new_problems(&after, &before), []);
        assert_eq!(new_problems(&[], &[]), []);
    }
}
