//! The gap report of a map against its datasets, computed off the main thread.

use corridor_core::gap::{Filter, GapReport, WindowComparison};
use corridor_core::Id;
use tauri::State;

use crate::commands::files::off_main;
use crate::error::AppError;
use crate::state::AppState;

/// The gap report of `map` against all its datasets, limited to `filter` (segment, time
/// window); `null` when the map has no dataset.
#[tauri::command]
#[specta::specta]
pub async fn gaps_report(
    state: State<'_, AppState>,
    map: Id,
    filter: Filter,
) -> Result<Option<GapReport>, AppError> {
    let ws = state.workspace()?;
    off_main(move || Ok(ws.gap_report_filtered(map, &filter, false)?.map(|(r, _)| r))).await
}

/// Two windows (or segments) of the same data side by side, with the change per touchpoint;
/// `null` when the map has no dataset.
#[tauri::command]
#[specta::specta]
pub async fn gaps_compare(
    state: State<'_, AppState>,
    map: Id,
    before: Filter,
    after: Filter,
) -> Result<Option<WindowComparison>, AppError> {
    let ws = state.workspace()?;
    off_main(move || Ok(ws.gap_compare(map, &before, &after)?)).await
}
