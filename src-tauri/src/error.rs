//! The one error type that crosses the IPC boundary: a code the UI can branch on and a message
//! a person can read.

use corridor_core::EditError;
use corridor_store::StoreError;
use serde::Serialize;
use specta::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The workspace could not be opened; `workspace_info` says why.
    WorkspaceUnavailable,
    /// Another Corridor holds the workspace.
    Locked,
    /// The workspace's files are damaged.
    Damaged,
    /// The workspace's folder may not be read or written.
    PermissionDenied,
    /// The disk holding the workspace is full.
    DiskFull,
    /// The workspace or a file was written by a newer Corridor.
    NewerVersion,
    NotFound,
    AlreadyExists,
    /// The map has problems, or a change would add some; the message lists them.
    Invalid,
    /// The map changed since the edit was made: reload it and make the change again.
    Conflict,
    NothingToUndo,
    NothingToRedo,
    /// The revision is no longer kept (history compacted).
    RevisionGone,
    /// A file is not a readable map, or a dataset's source cannot be read.
    BadFile,
    /// A window could not be opened, closed or made full screen (present mode).
    Window,
    /// The user cancelled; nothing was changed.
    Cancelled,
    /// The store failed to read or write.
    Storage,
    /// An export could not be made (a picture too large, no dataset for the gap tables).
    ExportFailed,
    /// A file could not be read or written at the path the user chose.
    FileSystem,
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
            StoreError::Damaged { .. } | StoreError::CorruptMeta { .. } => ErrorCode::Damaged,
            StoreError::PermissionDenied { .. } => ErrorCode::PermissionDenied,
            StoreError::DiskFull { .. } => ErrorCode::DiskFull,
            StoreError::NewerSchema { .. } => ErrorCode::NewerVersion,
            StoreError::NotFound { .. }
            | StoreError::RevisionUnknown { .. }
            | StoreError::DatasetNotFound { .. } => ErrorCode::NotFound,
            StoreError::AlreadyExists { .. } | StoreError::DatasetExists { .. } => {
                ErrorCode::AlreadyExists
            }
            StoreError::Invalid { .. }
            | StoreError::EditAddsProblems { .. }
            | StoreError::Edit { .. }
            | StoreError::BadName { .. } => ErrorCode::Invalid,
            StoreError::Conflict { .. } => ErrorCode::Conflict,
            StoreError::NothingToUndo { .. } => ErrorCode::NothingToUndo,
            StoreError::NothingToRedo { .. } => ErrorCode::NothingToRedo,
            StoreError::RevisionGone { .. } => ErrorCode::RevisionGone,
            StoreError::BadFile {
                source: corridor_core::FileError::NewerVersion { .. },
                ..
            } => ErrorCode::NewerVersion,
            StoreError::BadFile { .. } | StoreError::DatasetSource { .. } => ErrorCode::BadFile,
            StoreError::Aliases { .. } => ErrorCode::Invalid,
            StoreError::Cancelled => ErrorCode::Cancelled,
            StoreError::Export { .. } => ErrorCode::ExportFailed,
            StoreError::ReadFile { .. } | StoreError::Write { .. } => ErrorCode::FileSystem,
            StoreError::Open { .. }
            | StoreError::CorruptRecord { .. }
            | StoreError::Db { .. }
            | StoreError::NoHome => ErrorCode::Storage,
        };
        let message = err.to_string();
        eprintln!("corridor: {code:?}: {message}");
        AppError { code, message }
    }
}

impl From<EditError> for AppError {
    fn from(err: EditError) -> AppError {
        let code = match &err {
            EditError::NotFound { .. } => ErrorCode::NotFound,
            EditError::DuplicateId { .. } | EditError::IndexOutOfRange { .. } => ErrorCode::Invalid,
        };
        AppError {
            code,
            message: err.to_string(),
        }
    }
}
