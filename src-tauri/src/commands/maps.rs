//! Maps in the workspace: list, open, make from a template, copy and delete. (Renaming is an
//! edit, `Edit::SetTitle` through `maps_edit`.) Additions and deletions are announced to every
//! window as `LibraryChanged`.

use chrono::{SubsecRound, Utc};
use corridor_core::{Id, JourneyMap, Template, TemplateInfo};
use corridor_store::{MapState, MapSummary};
use tauri::{State, Window};
use uuid::Uuid;

use crate::error::AppError;
use crate::events::{added, deleted};
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

/// The templates a new map can start from, in the order to offer them.
#[tauri::command]
#[specta::specta]
pub async fn templates_list() -> Result<Vec<TemplateInfo>, AppError> {
    Ok(Template::catalogue())
}

/// Store a new map laid out by `template`; an empty title fails with the `invalid` code.
#[tauri::command]
#[specta::specta]
pub async fn maps_create_from_template(
    state: State<'_, AppState>,
    window: Window,
    template: Template,
    title: String,
) -> Result<MapSummary, AppError> {
    added(
        &window,
        state.workspace()?.create_from_template(
            template,
            &title,
            &mut Uuid::new_v4,
            Utc::now().trunc_subsecs(0),
        )?,
    )
}

/// Store a copy of a map as it is now, titled "<title> (copy)", with no history of its own.
#[tauri::command]
#[specta::specta]
pub async fn maps_duplicate(
    state: State<'_, AppState>,
    window: Window,
    id: Id,
) -> Result<MapSummary, AppError> {
    added(
        &window,
        state
            .workspace()?
            .duplicate(id, Uuid::new_v4(), Utc::now().trunc_subsecs(0))?,
    )
}

/// Remove a map with its history and its datasets. Not undoable: the UI asks first.
#[tauri::command]
#[specta::specta]
pub async fn maps_delete(
    state: State<'_, AppState>,
    window: Window,
    id: Id,
) -> Result<(), AppError> {
    state.workspace()?.delete(id)?;
    deleted(&window, id)
}
