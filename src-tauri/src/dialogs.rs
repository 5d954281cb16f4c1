//! The system's open and save dialogs (tauri-plugin-dialog), called from Rust: the webview asks
//! for "save this map as PNG" and never names a path, so an export can only go where the user
//! pointed the dialog.
//!
//! Test mode: `CORRIDOR_TEST_OPEN_PATH` answers every open dialog with that file, and
//! `CORRIDOR_TEST_SAVE_DIR` answers every save dialog with the suggested file name in that
//! folder, so end-to-end tests can drive Open… and Save As… without a dialog on screen.

use std::path::PathBuf;

use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

use crate::error::{AppError, ErrorCode};

fn dialog_failed(message: impl std::fmt::Display) -> AppError {
    AppError {
        code: ErrorCode::FileSystem,
        message: format!("the file dialog failed: {message}"),
    }
}

/// Ask for a native file to open; `None` when the user cancels.
pub async fn ask_open<R: Runtime>(app: &AppHandle<R>) -> Result<Option<PathBuf>, AppError> {
    if let Some(path) = std::env::var_os("CORRIDOR_TEST_OPEN_PATH") {
        return Ok(Some(PathBuf::from(path)));
    }
    let dialog = app
        .dialog()
        .file()
        .set_title("Open a Corridor map")
        .add_filter("Corridor map", &["json"]);
    let picked = tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_file())
        .await
        .map_err(dialog_failed)?;
    picked
        .map(|p| p.into_path().map_err(dialog_failed))
        .transpose()
}

/// Ask where to save a file of `label` (`"PNG picture"`) with `extension`, suggesting `name`;
/// `None` when the user cancels.
pub async fn ask_save<R: Runtime>(
    app: &AppHandle<R>,
    label: &str,
    extension: &str,
    name: &str,
) -> Result<Option<PathBuf>, AppError> {
    if let Some(dir) = std::env::var_os("CORRIDOR_TEST_SAVE_DIR") {
        return Ok(Some(PathBuf::from(dir).join(name)));
    }
    // The filter takes the last part of a double extension ("corridor.json" -> "json").
    let filter_ext = extension
        .rsplit('.')
        .next()
        .unwrap_or(extension)
        .to_string();
    let dialog = app
        .dialog()
        .file()
        .set_title(format!("Save as {label}"))
        .set_file_name(name)
        .add_filter(label, &[filter_ext.as_str()]);
    let picked = tauri::async_runtime::spawn_blocking(move || dialog.blocking_save_file())
        .await
        .map_err(dialog_failed)?;
    picked
        .map(|p| p.into_path().map_err(dialog_failed))
        .transpose()
}

/// Ask for a data file to import (an event log or score table: CSV or XES, maybe gzipped);
/// `None` when the user cancels. Answered by `CORRIDOR_TEST_OPEN_PATH` in tests, like Open….
pub async fn ask_open_data<R: Runtime>(app: &AppHandle<R>) -> Result<Option<PathBuf>, AppError> {
    if let Some(path) = std::env::var_os("CORRIDOR_TEST_OPEN_PATH") {
        return Ok(Some(PathBuf::from(path)));
    }
    let dialog = app
        .dialog()
        .file()
        .set_title("Import observed data")
        .add_filter(
            "Event logs and score tables",
            &["csv", "tsv", "txt", "xes", "gz"],
        )
        .add_filter("All files", &["*"]);
    let picked = tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_file())
        .await
        .map_err(dialog_failed)?;
    picked
        .map(|p| p.into_path().map_err(dialog_failed))
        .transpose()
}
