//! The workspace itself: where it is, whether it opened, and the ways out when it did not.

use corridor_store::SalvageReport;
use tauri::{State, Window};

use crate::error::AppError;
use crate::events::workspace_changed;
use crate::state::{AppState, WorkspaceInfo};

/// Where the workspace is, and why it is not open if it is not.
#[tauri::command]
#[specta::specta]
pub async fn workspace_info(state: State<'_, AppState>) -> Result<WorkspaceInfo, AppError> {
    Ok(state.info())
}

/// Open a new, empty workspace beside the one that cannot be opened (which is left as it is).
#[tauri::command]
#[specta::specta]
pub async fn workspace_open_fresh(
    state: State<'_, AppState>,
    window: Window,
) -> Result<WorkspaceInfo, AppError> {
    workspace_changed(&window, state.open_fresh()?)
}

/// Write every map that can be read from the workspace into a new folder beside it (or into
/// `folder`), as native files. Never writes to the workspace.
#[tauri::command]
#[specta::specta]
pub async fn workspace_salvage(
    state: State<'_, AppState>,
    folder: Option<String>,
) -> Result<SalvageReport, AppError> {
    state.salvage(folder.map(Into::into))
}
