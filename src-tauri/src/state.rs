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
    /// The file named on the command line, until the UI takes it.
    launch: Mutex<Option<PathBuf>>,
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
            launch: Mutex::new(None),
        }
    }

    /// Remember a native file to open once the UI is up.
    pub fn with_launch_file(self, file: Option<PathBuf>) -> AppState {
        *self.launch.lock().unwrap_or_else(|p| p.into_inner()) = file;
        self
    }

    /// The file named on the command line, once.
    pub fn take_launch_file(&self) -> Option<PathBuf> {
        self.launch.lock().unwrap_or_else(|p| p.into_inner()).take()
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A workspace directory whose store is damaged: the start of sled's log is overwritten.
    fn damaged() -> (tempfile::TempDir, PathBuf) {
        use std::io::Write;
        let parent = tempfile::tempdir().unwrap();
        let dir = parent.path().join("workspace");
        open_and_seed(&dir).unwrap();
        let mut db = std::fs::OpenOptions::new()
            .write(true)
            .open(dir.join("db"))
            .unwrap();
        db.write_all(&[0xAB; 64]).unwrap();
        (parent, dir)
    }

    #[test]
    fn an_unavailable_workspace_says_why_and_offers_a_fresh_one_beside_it() {
        let (parent, dir) = damaged();
        let state = AppState::open(Some(dir.clone()));
        let info = state.info();
        assert_eq!(
            info.path.as_deref(),
            Some(dir.display().to_string().as_str())
        );
        let problem = info.problem.expect("a problem");
        assert_eq!(problem.code, ErrorCode::WorkspaceUnavailable);
        assert!(problem.message.contains("damaged"), "{}", problem.message);
        let err = state.workspace().unwrap_err();
        assert_eq!(err.code, ErrorCode::WorkspaceUnavailable);

        let fresh = state.open_fresh().unwrap();
        assert!(fresh.problem.is_none());
        let fresh_path = PathBuf::from(fresh.path.unwrap());
        assert_eq!(fresh_path.parent(), Some(parent.path()));
        assert!(fresh_path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("workspace-fresh-"));
        // The fresh workspace has the examples; the damaged one is still there, untouched.
        let examples = corridor_core::examples::EXAMPLES.len();
        assert_eq!(state.workspace().unwrap().list().unwrap().len(), examples);
        assert!(dir.join("before-open").join("db").exists());
    }

    #[test]
    fn salvage_writes_beside_the_workspace_by_default() {
        let parent = tempfile::tempdir().unwrap();
        let dir = parent.path().join("workspace");
        let state = AppState::open(Some(dir.clone()));
        let maps = state.workspace().unwrap().list().unwrap();
        let report = state.salvage(None).unwrap();
        assert_eq!(report.folder.parent(), Some(parent.path()));
        assert_eq!(report.written.len(), maps.len());
        let chosen = parent.path().join("chosen");
        assert_eq!(state.salvage(Some(chosen.clone())).unwrap().folder, chosen);
    }

    #[test]
    fn a_locked_workspace_opens_once_the_other_corridor_lets_go() {
        let parent = tempfile::tempdir().unwrap();
        let dir = parent.path().join("workspace");
        let other = Workspace::open(&dir).unwrap();
        let state = AppState::open(Some(dir.clone()));
        assert!(state.info().problem.unwrap().message.contains("in use"));
        drop(other);
        assert!(state.workspace().is_ok());
        assert!(state.info().problem.is_none());
    }

    #[test]
    fn store_errors_keep_their_codes() {
        let id = uuid::Uuid::nil();
        let cases = [
            (
                StoreError::Conflict {
                    id,
                    base: 1,
                    head: 2,
                },
                ErrorCode::Conflict,
            ),
            (StoreError::NothingToRedo { id }, ErrorCode::NothingToRedo),
            (
                StoreError::EditAddsProblems {
                    title: "t".into(),
                    problems: vec![],
                },
                ErrorCode::Invalid,
            ),
            (StoreError::Cancelled, ErrorCode::Cancelled),
            (
                StoreError::RevisionGone {
                    id,
                    revision: 1,
                    oldest: 5,
                },
                ErrorCode::RevisionGone,
            ),
        ];
        for (err, code) in cases {
            let message = err.to_string();
            let app = AppError::from(err);
            assert_eq!((app.code, app.message), (code, message));
        }
    }
}
