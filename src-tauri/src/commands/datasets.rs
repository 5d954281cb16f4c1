//! The datasets stored beside a map.

use corridor_core::data::DatasetInfo;
use corridor_core::Id;
use tauri::{State, Window};

use crate::commands::imports::datasets_changed;
use crate::events::LibraryChange;

use crate::error::AppError;
use crate::state::AppState;

/// The datasets of one map, oldest import first.
#[tauri::command]
#[specta::specta]
pub async fn datasets_list(
    state: State<'_, AppState>,
    map: Id,
) -> Result<Vec<DatasetInfo>, AppError> {
    Ok(state.workspace()?.datasets(map)?)
}

/// One dataset's description.
#[tauri::command]
#[specta::specta]
pub async fn datasets_get(state: State<'_, AppState>, id: Id) -> Result<DatasetInfo, AppError> {
    Ok(state.workspace()?.dataset(id)?)
}

/// Remove a dataset and its stored bytes.
#[tauri::command]
#[specta::specta]
pub async fn datasets_delete(
    window: Window,
    state: State<'_, AppState>,
    id: Id,
) -> Result<(), AppError> {
    let ws = state.workspace()?;
    let map = ws.dataset(id)?.map;
    ws.dataset_delete(id)?;
    datasets_changed(&window, map, id, LibraryChange::Deleted);
    Ok(())
}
