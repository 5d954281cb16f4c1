//! Change events: every window hears what changed in the workspace, with the label of the
//! window that changed it, so a window can ignore its own echo.

use corridor_core::Id;
use corridor_store::Applied;
use serde::{Deserialize, Serialize};
use specta::Type;
use tauri::{Runtime, Window};
use tauri_specta::Event;

use crate::error::AppError;

/// A map moved to a new revision (an edit, an undo, a redo, a restore).
#[derive(Debug, Clone, Serialize, Deserialize, Type, Event)]
pub struct MapChanged {
    pub map: Id,
    pub revision: u64,
    /// What happened ("add touchpoint", "undo rename map").
    pub summary: String,
    /// The label of the window the change came from.
    pub origin: String,
}

/// The app switched to another workspace (a fresh one): everything shown is stale.
#[derive(Debug, Clone, Serialize, Deserialize, Type, Event)]
pub struct WorkspaceChanged {
    pub path: Option<String>,
    pub origin: String,
}

/// Tell every window about a change that landed, and hand it back to the caller.
pub fn changed<R: Runtime>(window: &Window<R>, applied: Applied) -> Result<Applied, AppError> {
    let event = MapChanged {
        map: applied.id,
        revision: applied.revision,
        summary: applied.summary.clone(),
        origin: window.label().to_string(),
    };
    if let Err(err) = event.emit(window) {
        eprintln!(
            "corridor: cannot announce the change to {}: {err}",
            applied.id
        );
    }
    Ok(applied)
}

/// Tell every window the workspace was replaced.
pub fn workspace_changed<R: Runtime>(
    window: &Window<R>,
    info: crate::state::WorkspaceInfo,
) -> Result<crate::state::WorkspaceInfo, AppError> {
    let event = WorkspaceChanged {
        path: info.path.clone(),
        origin: window.label().to_string(),
    };
    if let Err(err) = event.emit(window) {
        eprintln!("corridor: cannot announce the new workspace: {err}");
    }
    Ok(info)
}
