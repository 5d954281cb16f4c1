//! What can go wrong with a workspace, said so a user knows what to do.

use std::path::{Path, PathBuf};

use corridor_core::{FileError, Id, Problem};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "the workspace at {path} is in use by another Corridor (the app or the command line): \
         close it and try again"
    )]
    Locked { path: PathBuf },
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
    #[error("{name}: {source}")]
    BadFile { name: String, source: FileError },
}

fn list(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(Problem::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

impl StoreError {
    pub(crate) fn open(path: &Path, source: sled::Error) -> StoreError {
        let path = path.to_path_buf();
        if let sled::Error::Io(io) = &source {
            let text = io.to_string();
            if io.kind() == std::io::ErrorKind::WouldBlock || text.contains("lock") {
                return StoreError::Locked { path };
            }
            if io.kind() == std::io::ErrorKind::PermissionDenied {
                return StoreError::Open {
                    path,
                    message: "permission denied: check the folder's owner and permissions".into(),
                };
            }
        }
        StoreError::Open {
            path,
            message: source.to_string(),
        }
    }
}
