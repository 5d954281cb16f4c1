//! The app's one piece of state: the workspace, opened at start-up, or why it could not be.
//!
//! While the workspace is unavailable every command that needs it tries to open it again (the
//! other Corridor holding it may have closed), and the UI offers a way out: a fresh workspace
//! beside the old one, or an export of what can be read from it. Nothing is ever deleted.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use chrono::Utc;
use corridor_store::{SalvageReport, StoreError, Workspace};
use serde::Serialize;
use specta::Type;

use crate::error::{AppError, ErrorCode};

/// Where the workspace is, and whether it is open.
#[derive(Debug, Clone, Serialize, Type)]
pub struct WorkspaceInfo {
    /// The workspace directory (`None` only when no home directory could be found).
    pub path: Option<String>,
    /// Why it is not open; `None` when it is.
    pub problem: Option<AppError>,
}

struct Slot {
    dir: Option<PathBuf>,
    workspace: Result<Arc<Workspace>, AppError>,
}

pub struct AppState {
    slot: Mutex<Slot>,
}

fn open_and_seed(dir: &std::path::Path) -> Result<Arc<Workspace>, StoreError> {
    let ws = Workspace::open(dir)?;
    ws.seed_examples()?;
    Ok(Arc::new(ws))
}

/// The error a command sees while the workspace is unavailable: its own code and message are
/// kept in `WorkspaceInfo::problem`.
fn unavailable(err: StoreError) -> AppError {
    let cause = AppError::from(err);
    AppError {
        code: ErrorCode::WorkspaceUnavailable,
        message: cause.message,
    }
}

impl AppState {
    /// Open the workspace in `dir` (by default `$CORRIDOR_WORKSPACE` or the platform's app-data
    /// dir) and seed it with the examples the first time.
    pub fn open(dir: Option<PathBuf>) -> AppState {
        let dir = dir.map_or_else(Workspace::default_dir, Ok);
        let slot = match dir {
            Ok(dir) => Slot {
                workspace: open_and_seed(&dir).map_err(unavailable),
                dir: Some(dir),
            },
            Err(err) => Slot {
                dir: None,
                workspace: Err(unavailable(err)),
            },
        };
        if let Err(err) = &slot.workspace {
            eprintln!("corridor: cannot open the workspace: {}", err.message);
        }
        AppState {
            slot: Mutex::new(slot),
        }
    }

    fn slot(&self) -> std::sync::MutexGuard<'_, Slot> {
        self.slot.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The open workspace; when it is unavailable, one more attempt to open it.
    pub fn workspace(&self) -> Result<Arc<Workspace>, AppError> {
        let mut slot = self.slot();
        if slot.workspace.is_err() {
            if let Some(dir) = slot.dir.clone() {
                slot.workspace = open_and_seed(&dir).map_err(unavailable);
            }
        }
        slot.workspace.clone()
    }

    pub fn info(&self) -> WorkspaceInfo {
        let slot = self.slot();
        WorkspaceInfo {
            path: slot.dir.as_ref().map(|d| d.display().to_string()),
            problem: slot.workspace.as_ref().err().cloned(),
        }
    }

    /// Open a new, empty workspace beside the one that cannot be opened, and use it from now on
    /// (for this session: the next start tries the usual workspace again).
    pub fn open_fresh(&self) -> Result<WorkspaceInfo, AppError> {
        {
            let mut slot = self.slot();
            let dir = slot.dir.clone().ok_or_else(no_dir)?;
            let fresh = corridor_store::fresh_dir_beside(&dir, Utc::now());
            slot.workspace = Ok(open_and_seed(&fresh)?);
            slot.dir = Some(fresh);
        }
        Ok(self.info())
    }

    /// Write every map that can be read from the workspace's directory into a new folder
    /// beside it (or `out`), without writing to the workspace.
    pub fn salvage(&self, out: Option<PathBuf>) -> Result<SalvageReport, AppError> {
        let dir = self.slot().dir.clone().ok_or_else(no_dir)?;
        let out = out.unwrap_or_else(|| corridor_store::export_dir_beside(&dir, Utc::now()));
        Ok(corridor_store::salvage(&dir, &out)?)
    }

    /// Let go of the workspace at exit, so it is closed cleanly.
    pub fn close(&self) {
        let mut slot = self.slot();
        slot.workspace = Err(AppError {
            code: ErrorCode::WorkspaceUnavailable,
            message: "Corridor is closing".into(),
        });
        slot.dir = None;
    }
}

fn no_dir() -> AppError {
    AppError::from(StoreError::NoHome)
}
