//! The one error type that crosses the IPC boundary: a code the UI can branch on and a message
//! a person can read.

use corridor_store::StoreError;
use serde::Serialize;
use specta::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The workspace could not be opened when the app started.
    WorkspaceUnavailable,
    /// Another Corridor holds the workspace.
    Locked,
    /// The workspace or a file was written by a newer Corridor.
    NewerVersion,
    NotFound,
    AlreadyExists,
    /// The map has problems; the message lists them.
    Invalid,
    /// A file is not a readable map.
    BadFile,
    /// The store failed to read or write.
    Storage,
}

#[derive(Debug, Clone, Serialize, Type, thiserror::Error)]
#[error("{message}")]
pub struct AppError {
    pub code: ErrorCode,
    pub message: String,
}

impl From<StoreError> for AppError {
    fn from(err: StoreError) -> AppError {
        let code = match &err {
            StoreError::Locked { .. } => ErrorCode::Locked,
            StoreError::NewerSchema { .. } => ErrorCode::NewerVersion,
            StoreError::NotFound { .. } => ErrorCode::NotFound,
            StoreError::AlreadyExists { .. } => ErrorCode::AlreadyExists,
            StoreError::Invalid { .. } => ErrorCode::Invalid,
            StoreError::BadFile {
                source: corridor_core::FileError::NewerVersion { .. },
                ..
            } => ErrorCode::NewerVersion,
            StoreError::BadFile { .. } => ErrorCode::BadFile,
            StoreError::Open { .. }
            | StoreError::CorruptMeta { .. }
            | StoreError::CorruptRecord { .. }
            | StoreError::Db { .. }
            | StoreError::NoHome => ErrorCode::Storage,
        };
        let message = err.to_string();
        eprintln!("corridor: {code:?}: {message}");
        AppError { code, message }
    }
}
