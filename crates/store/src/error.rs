//! What can go wrong with a workspace, said so a user knows what happened, where, and what to do.

use std::path::{Path, PathBuf};

use corridor_core::{EditError, FileError, Id, Problem};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "the workspace at {path} is in use by another Corridor (the app or the command line): \
         close it and try again"
    )]
    Locked { path: PathBuf },
    #[error(
        "Corridor may not read or write the workspace at {path} (permission denied): check the \
         folder's owner and permissions, or open another workspace"
    )]
    PermissionDenied { path: PathBuf },
    #[error(
        "the disk holding the workspace at {path} is full: free some space and try again; \
         nothing was changed"
    )]
    DiskFull { path: PathBuf },
    #[error(
        "the workspace at {path} is damaged ({detail}): export what can be read, then open a \
         fresh workspace; nothing was deleted{}",
        preserved_note(preserved)
    )]
    Damaged {
        path: PathBuf,
        detail: String,
        /// A copy of the store as it was before this open, kept for export.
        preserved: Option<PathBuf>,
    },
    #[error("cannot open the workspace at {path}: {message}")]
    Open { path: PathBuf, message: String },
    #[error(
        "the workspace at {path} was written by a newer Corridor (store version {found}; this \
         one knows up to {supported}): update Corridor; the workspace was left untouched"
    )]
    NewerSchema {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("the workspace at {path} has an unreadable schema_version: the store is damaged")]
    CorruptMeta { path: PathBuf },
    #[error("the stored record {key} cannot be read: {message}")]
    CorruptRecord { key: String, message: String },
    #[error("workspace at {path}: {message}")]
    Db { path: PathBuf, message: String },
    #[error("no home directory to keep the workspace in: set CORRIDOR_WORKSPACE to a directory")]
    NoHome,
    #[error("no map with id {id} in this workspace")]
    NotFound { id: Id },
    #[error("the workspace already holds a map with id {id} (\"{title}\")")]
    AlreadyExists { id: Id, title: String },
    #[error("the map \"{title}\" has {} problem(s): {}", problems.len(), list(problems))]
    Invalid {
        title: String,
        problems: Vec<Problem>,
    },
    #[error(
        "this change would give the map \"{title}\" {} new problem(s), so it was not made: {}",
        problems.len(),
        list(problems)
    )]
    EditAddsProblems {
        title: String,
        problems: Vec<Problem>,
    },
    #[error("{name}: {source}")]
    BadFile { name: String, source: FileError },
    #[error(
        "the map {id} changed since this edit was made (made against revision {base}, the map \
         is at revision {head}): reload the map and make the change again"
    )]
    Conflict { id: Id, base: u64, head: u64 },
    #[error("cannot apply this change to the map {id}: {source}")]
    Edit { id: Id, source: EditError },
    #[error("{}", if *compacted {
        format!("the map {id} has no older edits to undo: its history before revision {oldest} was compacted")
    } else {
        format!("the map {id} has nothing to undo")
    })]
    NothingToUndo {
        id: Id,
        compacted: bool,
        oldest: u64,
    },
    #[error("the map {id} has nothing to redo")]
    NothingToRedo { id: Id },
    #[error("the map {id} has no revision {revision} (it is at revision {head})")]
    RevisionUnknown { id: Id, revision: u64, head: u64 },
    #[error(
        "revision {revision} of the map {id} is no longer kept: history before revision {oldest} \
         was compacted, and no snapshot holds it (see `corridor history`)"
    )]
    RevisionGone { id: Id, revision: u64, oldest: u64 },
    #[error("a snapshot's name {reason}")]
    BadName { reason: &'static str },
    #[error("no dataset with id {id} in this workspace")]
    DatasetNotFound { id: Id },
    #[error("the workspace already holds a dataset with id {id} (\"{name}\")")]
    DatasetExists { id: Id, name: String },
    #[error("cannot read the dataset's source {name}: {message}; nothing was stored")]
    DatasetSource { name: String, message: String },
    #[error("cannot confirm the aliases on the map \"{title}\": {reason}; nothing was changed")]
    Aliases { title: String, reason: String },
    #[error("cancelled; nothing was stored")]
    Cancelled,
    #[error("cannot write {path}: {message}")]
    Write { path: PathBuf, message: String },
    #[error("cannot read {path}: {message}")]
    ReadFile { path: PathBuf, message: String },
    #[error("cannot make the {what}: {reason}; nothing was written")]
    Export { what: String, reason: String },
}

fn list(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(Problem::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

fn preserved_note(preserved: &Option<PathBuf>) -> String {
    match preserved {
        Some(copy) => format!(
            " (a copy of it as it was before this attempt is in {})",
            copy.display()
        ),
        None => String::new(),
    }
}

/// Whether an I/O error says the disk is full.
fn disk_full(io: &std::io::Error) -> bool {
    io.kind() == std::io::ErrorKind::StorageFull || io.raw_os_error() == Some(28)
}

impl StoreError {
    /// Why opening the store in `path` failed.
    pub(crate) fn open(path: &Path, source: sled::Error) -> StoreError {
        let path = path.to_path_buf();
        match &source {
            sled::Error::Io(io) => {
                let text = io.to_string();
                if io.kind() == std::io::ErrorKind::WouldBlock || text.contains("lock") {
                    StoreError::Locked { path }
                } else if io.kind() == std::io::ErrorKind::PermissionDenied {
                    StoreError::PermissionDenied { path }
                } else if disk_full(io) {
                    StoreError::DiskFull { path }
                } else {
                    StoreError::Open {
                        path,
                        message: text,
                    }
                }
            }
            sled::Error::Corruption { .. } => StoreError::Damaged {
                path,
                detail: "its database files do not read back as they were written".into(),
                preserved: None,
            },
            other => StoreError::Open {
                path,
                message: other.to_string(),
            },
        }
    }

    /// A read or write of an open store failed.
    pub(crate) fn db(path: &Path, source: sled::Error) -> StoreError {
        let path = path.to_path_buf();
        match &source {
            sled::Error::Io(io) if disk_full(io) => StoreError::DiskFull { path },
            sled::Error::Io(io) if io.kind() == std::io::ErrorKind::PermissionDenied => {
                StoreError::PermissionDenied { path }
            }
            sled::Error::Corruption { .. } => StoreError::Damaged {
                path,
                detail: "a record does not read back as it was written".into(),
                preserved: None,
            },
            other => StoreError::Db {
                path,
                message: other.to_string(),
            },
        }
    }

    /// An I/O error on a file of the store directory itself.
    pub(crate) fn io(path: &Path, io: std::io::Error) -> StoreError {
        StoreError::open(path, sled::Error::Io(io))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn io(kind: std::io::ErrorKind) -> sled::Error {
        sled::Error::Io(std::io::Error::new(kind, "test"))
    }

    #[test]
    fn open_failures_say_what_happened_where_and_what_to_do() {
        let path = Path::new("/data/ws");
        let cases: [(sled::Error, &str); 5] = [
            (
                io(std::io::ErrorKind::WouldBlock),
                "in use by another Corridor",
            ),
            (
                io(std::io::ErrorKind::PermissionDenied),
                "check the folder's owner",
            ),
            (io(std::io::ErrorKind::StorageFull), "free some space"),
            (
                sled::Error::Io(std::io::Error::from_raw_os_error(28)),
                "disk holding the workspace at /data/ws is full",
            ),
            (
                sled::Error::Corruption { at: None, bt: () },
                "export what can be read, then open a fresh workspace; nothing was deleted",
            ),
        ];
        for (source, expected) in cases {
            let text = StoreError::open(path, source).to_string();
            assert!(text.contains("/data/ws"), "{text}");
            assert!(text.contains(expected), "{text}");
        }
    }

    #[test]
    fn a_damaged_store_names_the_copy_kept_of_it() {
        let err = StoreError::Damaged {
            path: "/data/ws".into(),
            detail: "3 maps are missing".into(),
            preserved: Some("/data/ws/before-open".into()),
        };
        assert!(err.to_string().ends_with(
            "nothing was deleted (a copy of it as it was before this attempt is in \
             /data/ws/before-open)"
        ));
    }
}
