//! Changing a map: edits made against a revision, undo and redo. Each is durable when it
//! returns, and announced to every window as `MapChanged`.

use chrono::Utc;
use corridor_core::{remove_with_dependents, Edit, Id, ItemKind};
use corridor_store::Applied;
use tauri::{State, Window};

use crate::error::AppError;
use crate::events::changed;
use crate::state::AppState;

/// Apply an edit made against `base_revision`; a stale one fails with the `conflict` code.
#[tauri::command]
#[specta::specta]
pub async fn maps_edit(
    state: State<'_, AppState>,
    window: Window,
    id: Id,
    base_revision: u64,
    edit: Edit,
) -> Result<Applied, AppError> {
    changed(
        &window,
        state
            .workspace()?
            .apply(id, base_revision, &edit, Utc::now())?,
    )
}

/// Undo the map's latest change.
#[tauri::command]
#[specta::specta]
pub async fn maps_undo(
    state: State<'_, AppState>,
    window: Window,
    id: Id,
    base_revision: u64,
) -> Result<Applied, AppError> {
    changed(
        &window,
        state
            .workspace()?
            .undo(id, Some(base_revision), Utc::now())?,
    )
}

/// Redo the map's latest undone change.
#[tauri::command]
#[specta::specta]
pub async fn maps_redo(
    state: State<'_, AppState>,
    window: Window,
    id: Id,
    base_revision: u64,
) -> Result<Applied, AppError> {
    changed(
        &window,
        state
            .workspace()?
            .redo(id, Some(base_revision), Utc::now())?,
    )
}

/// The edit that removes `item_id` of `kind` together with what points at it (a stage's
/// touchpoints and lane cards, a touchpoint's corridor steps, ...), made against the map as it is
/// now; send it with `maps_edit`. Changes nothing by itself.
#[tauri::command]
#[specta::specta]
pub async fn maps_removal(
    state: State<'_, AppState>,
    id: Id,
    kind: ItemKind,
    item_id: Id,
) -> Result<Edit, AppError> {
    Ok(remove_with_dependents(
        &state.workspace()?.get(id)?,
        kind,
        item_id,
    )?)
}
