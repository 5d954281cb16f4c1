//! A map's history: revisions, snapshots, an old revision opened read-only or compared with
//! now, and restore (a change like any other, announced as `MapChanged`).

use chrono::Utc;
use corridor_core::{Id, JourneyMap, MapDiff};
use corridor_store::{Applied, History, SnapshotInfo};
use tauri::{State, Window};

use crate::error::AppError;
use crate::events::changed;
use crate::state::AppState;

/// The map's latest `limit` revisions, what undo and redo would do, and its snapshots.
#[tauri::command]
#[specta::specta]
pub async fn history_get(
    state: State<'_, AppState>,
    id: Id,
    limit: u32,
) -> Result<History, AppError> {
    Ok(state.workspace()?.history(id, limit as usize)?)
}

/// The map's snapshots, newest first.
#[tauri::command]
#[specta::specta]
pub async fn snapshots_list(
    state: State<'_, AppState>,
    id: Id,
) -> Result<Vec<SnapshotInfo>, AppError> {
    Ok(state.workspace()?.snapshots(id)?)
}

/// Name the map's current revision.
#[tauri::command]
#[specta::specta]
pub async fn snapshots_create(
    state: State<'_, AppState>,
    id: Id,
    name: String,
) -> Result<SnapshotInfo, AppError> {
    Ok(state.workspace()?.snapshot(id, &name, Utc::now())?)
}

/// The map as it was at `revision`, to read.
#[tauri::command]
#[specta::specta]
pub async fn revisions_get(
    state: State<'_, AppState>,
    id: Id,
    revision: u64,
) -> Result<JourneyMap, AppError> {
    Ok(state.workspace()?.revision(id, revision)?)
}

/// What changed from `revision` to now.
#[tauri::command]
#[specta::specta]
pub async fn revisions_diff(
    state: State<'_, AppState>,
    id: Id,
    revision: u64,
) -> Result<MapDiff, AppError> {
    Ok(state.workspace()?.diff(id, revision)?)
}

/// Put the map back as it was at `revision`, as a change undo takes back.
#[tauri::command]
#[specta::specta]
pub async fn revisions_restore(
    state: State<'_, AppState>,
    window: Window,
    id: Id,
    base_revision: u64,
    revision: u64,
) -> Result<Applied, AppError> {
    let ws = state.workspace()?;
    changed(
        &window,
        ws.restore(id, Some(base_revision), revision, Utc::now())?,
    )
}
