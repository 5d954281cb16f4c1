//! Files at paths the user chose: Open…, Save As…, the exports, recent files, and the file the
//! app was started with. The dialog picks the path (`crate::dialogs`); the workspace reads or
//! writes it; heavy work runs off the main thread (`spawn_blocking`).

use std::path::PathBuf;
use std::sync::Arc;

use corridor_core::Id;
use corridor_store::{ExportKind, Opened, RecentFile, Workspace, Written};
use tauri::{AppHandle, State};

use crate::dialogs::{ask_open, ask_save};
use crate::error::{AppError, ErrorCode};
use crate::state::AppState;

/// Run `work` on a blocking thread, so the main thread and the IPC stay responsive.
pub(crate) async fn off_main<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, AppError> + Send + 'static,
) -> Result<T, AppError> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|e| AppError {
            code: ErrorCode::Storage,
            message: format!("the work stopped unexpectedly: {e}"),
        })?
}

fn open_at(ws: Arc<Workspace>, path: PathBuf) -> Result<Opened, AppError> {
    Ok(ws.open_file(&path, uuid::Uuid::new_v4(), chrono::Utc::now())?)
}

/// Open… a native file: pick it, bring it into the workspace, and say which map to show.
/// `None` when the dialog was cancelled.
#[tauri::command]
#[specta::specta]
pub async fn file_open(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<Opened>, AppError> {
    let ws = state.workspace()?;
    let Some(path) = ask_open(&app).await? else {
        return Ok(None);
    };
    off_main(move || open_at(ws, path)).await.map(Some)
}

/// Open one of the recent files again (only a path on the recent list is accepted).
#[tauri::command]
#[specta::specta]
pub async fn file_open_recent(
    state: State<'_, AppState>,
    path: String,
) -> Result<Opened, AppError> {
    let ws = state.workspace()?;
    if !ws.recent_files().iter().any(|r| r.path == path) {
        return Err(AppError {
            code: ErrorCode::NotFound,
            message: format!("{path} is not among the recent files"),
        });
    }
    off_main(move || open_at(ws, path.into())).await
}

/// The file named on the command line at start-up (once): opened into the workspace.
#[tauri::command]
#[specta::specta]
pub async fn file_launch(state: State<'_, AppState>) -> Result<Option<Opened>, AppError> {
    // The workspace first: while it is unavailable the file stays waiting for the next call.
    let ws = state.workspace()?;
    let Some(path) = state.take_launch_file() else {
        return Ok(None);
    };
    off_main(move || open_at(ws, path)).await.map(Some)
}

/// The files opened or saved lately, newest first.
#[tauri::command]
#[specta::specta]
pub async fn files_recent(state: State<'_, AppState>) -> Result<Vec<RecentFile>, AppError> {
    Ok(state.workspace()?.recent_files())
}

/// Save As… (`kind` native) or Export… a map: pick the path in a save dialog, then write the
/// file there, whole or not at all, off the main thread. `None` when the dialog was cancelled.
#[tauri::command]
#[specta::specta]
pub async fn map_export(
    app: AppHandle,
    state: State<'_, AppState>,
    map: Id,
    kind: ExportKind,
) -> Result<Option<Written>, AppError> {
    let ws = state.workspace()?;
    let name = kind.file_name(&ws.get(map)?.title);
    let Some(path) = ask_save(&app, kind.label(), kind.extension(), &name).await? else {
        return Ok(None);
    };
    off_main(move || Ok(ws.export_to(map, kind, &path, chrono::Utc::now())?))
        .await
        .map(Some)
}
