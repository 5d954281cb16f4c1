//! The app's one piece of state: the workspace, opened at start-up.

use std::path::PathBuf;
use std::sync::Arc;

use corridor_store::Workspace;

use crate::error::{AppError, ErrorCode};

/// The workspace, or why it could not be opened (shown by the UI instead of the library).
pub struct AppState {
    workspace: Result<Arc<Workspace>, String>,
}

impl AppState {
    /// Open the workspace in `dir` (by default `$CORRIDOR_WORKSPACE` or the platform's app-data
    /// dir) and seed it with the examples the first time.
    pub fn open(dir: Option<PathBuf>) -> AppState {
        let workspace = dir
            .map_or_else(Workspace::default_dir, Ok)
            .and_then(|dir| Workspace::open(&dir))
            .and_then(|ws| {
                ws.seed_examples()?;
                Ok(ws)
            })
            .map(Arc::new)
            .map_err(|e| {
                eprintln!("corridor: cannot open the workspace: {e}");
                e.to_string()
            });
        AppState { workspace }
    }

    pub fn workspace(&self) -> Result<&Workspace, AppError> {
        match &self.workspace {
            Ok(ws) => Ok(ws),
            Err(message) => Err(AppError {
                code: ErrorCode::WorkspaceUnavailable,
                message: message.clone(),
            }),
        }
    }
}
