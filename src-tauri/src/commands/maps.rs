//! Maps in the workspace: list and open.

use corridor_core::{Id, JourneyMap};
use corridor_store::{MapState, MapSummary};
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

/// Every map in the workspace, most recently saved first.
#[tauri::command]
#[specta::specta]
pub async fn maps_list(state: State<'_, AppState>) -> Result<Vec<MapSummary>, AppError> {
    Ok(state.workspace()?.list()?)
}

/// One map, whole.
#[tauri::command]
#[specta::specta]
pub async fn maps_get(state: State<'_, AppState>, id: Id) -> Result<JourneyMap, AppError> {
    Ok(state.workspace()?.get(id)?)
}

/// One map to edit: its content, its revision (to make the next edit against) and whether
/// undo and redo have anything to do.
#[tauri::command]
#[specta::specta]
pub async fn maps_open(state: State<'_, AppState>, id: Id) -> Result<MapState, AppError> {
    Ok(state.workspace()?.state(id)?)
}
