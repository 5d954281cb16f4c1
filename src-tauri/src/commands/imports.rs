//! The import wizard: a data file picked in the dialog or dropped on the window, previewed,
//! imported beside a map off the main thread with progress and cancel, then its unmatched names
//! and the aliases that confirm them.
//!
//! The webview never names a path. A picked file is known here by a token (`file`); a dropped
//! file arrives as bytes (the window has `dragDropEnabled: false`, so HTML5 drag and drop works
//! on the board, and a drop hands the webview a `File` without its path): the UI sends it in
//! base64 pieces to `import_upload_chunk`, written to a file in the workspace (docs/import.md).

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use base64::Engine as _;
use corridor_core::data::{Flow, ImportSettings};
use corridor_core::gap::{BlindSpots, ConfirmedAlias};
use corridor_core::{Edit, Id};
use corridor_store::{import_preview, ImportPreview, ImportProgress, ImportRequest, Imported};
use serde::{Deserialize, Serialize};
use specta::Type;
use tauri::{AppHandle, Runtime, State, Window};
use tauri_specta::Event;

use crate::commands::files::off_main;
use crate::dialogs::ask_open_data;
use crate::error::{AppError, ErrorCode};
use crate::events::LibraryChange;
use crate::state::AppState;

/// A file ready to preview and import.
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
pub struct StagedFile {
    /// The token that names the file in the other import commands.
    pub file: Id,
    /// The file's name (not its path).
    pub name: String,
    pub bytes: u64,
}

struct Staged {
    path: PathBuf,
    name: String,
    size: u64,
    /// Bytes written into the workspace (a drop), removed when the import is done.
    uploaded: bool,
    cancel: Arc<AtomicBool>,
}

/// The files the wizard has staged, by token.
#[derive(Default)]
pub struct Imports {
    files: Mutex<HashMap<Id, Staged>>,
}

impl Imports {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Id, Staged>> {
        self.files.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn stage(&self, path: PathBuf, name: String, size: u64, uploaded: bool) -> StagedFile {
        let file = uuid::Uuid::new_v4();
        self.lock().insert(
            file,
            Staged {
                path,
                name: name.clone(),
                size,
                uploaded,
                cancel: Arc::new(AtomicBool::new(false)),
            },
        );
        StagedFile {
            file,
            name,
            bytes: size,
        }
    }

    fn get(&self, file: Id) -> Result<(PathBuf, String, Arc<AtomicBool>), AppError> {
        self.lock()
            .get(&file)
            .map(|s| (s.path.clone(), s.name.clone(), s.cancel.clone()))
            .ok_or_else(|| AppError {
                code: ErrorCode::NotFound,
                message: "the file to import is no longer staged: pick it again".into(),
            })
    }
}

/// How far an import has come, for the window that runs it (the `file` token says which).
#[derive(Debug, Clone, Serialize, Deserialize, Type, Event)]
pub struct ImportProgressed {
    pub file: Id,
    pub progress: ImportProgress,
}

/// A dataset was added to a map or removed from it: gap views compute their report again.
#[derive(Debug, Clone, Serialize, Deserialize, Type, Event)]
pub struct DatasetsChanged {
    pub map: Id,
    pub dataset: Id,
    pub change: LibraryChange,
    /// The label of the window the change came from.
    pub origin: String,
}

/// Tell every window a map's datasets changed.
pub fn datasets_changed<R: Runtime>(
    window: &Window<R>,
    map: Id,
    dataset: Id,
    change: LibraryChange,
) {
    let event = DatasetsChanged {
        map,
        dataset,
        change,
        origin: window.label().to_string(),
    };
    if let Err(err) = event.emit(window) {
        eprintln!("corridor: cannot announce the dataset change to {map}: {err}");
    }
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Pick a data file in the system's dialog and stage it; `None` when the dialog was cancelled.
#[tauri::command]
#[specta::specta]
pub async fn import_pick(
    app: AppHandle,
    imports: State<'_, Imports>,
) -> Result<Option<StagedFile>, AppError> {
    let Some(path) = ask_open_data(&app).await? else {
        return Ok(None);
    };
    let size = std::fs::metadata(&path)
        .map_err(|e| AppError {
            code: ErrorCode::FileSystem,
            message: format!("cannot read {}: {e}", path.display()),
        })?
        .len();
    let name = file_name(&path);
    Ok(Some(imports.stage(path, name, size, false)))
}

/// Start receiving a dropped file of `size` bytes, sent next in pieces.
#[tauri::command]
#[specta::specta]
pub async fn import_upload_begin(
    state: State<'_, AppState>,
    imports: State<'_, Imports>,
    name: String,
    size: u64,
) -> Result<StagedFile, AppError> {
    let ws = state.workspace()?;
    let id = uuid::Uuid::new_v4();
    let path = ws.upload_begin(id, &name, size)?;
    Ok(imports.stage(path, name, size, true))
}

/// The next piece of a dropped file, base64, starting at byte `offset`; returns the bytes
/// received so far.
#[tauri::command]
#[specta::specta]
pub async fn import_upload_chunk(
    state: State<'_, AppState>,
    imports: State<'_, Imports>,
    file: Id,
    offset: u64,
    data: String,
) -> Result<u64, AppError> {
    let ws = state.workspace()?;
    let (path, name, _) = imports.get(file)?;
    let size = imports.lock().get(&file).map_or(0, |s| s.size);
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(data.as_bytes())
        .map_err(|e| AppError {
            code: ErrorCode::BadFile,
            message: format!("{name}: a piece of the dropped file arrived damaged ({e})"),
        })?;
    let upload = path
        .file_name()
        .and_then(|n| uuid::Uuid::parse_str(&n.to_string_lossy()).ok())
        .ok_or_else(|| AppError {
            code: ErrorCode::Invalid,
            message: format!("{name} was picked, not dropped: it takes no pieces"),
        })?;
    Ok(ws.upload_append(upload, offset, size, &bytes)?)
}

/// The first rows of a staged file, its detected layout and the suggested settings; pass the
/// user's `settings` to preview them.
#[tauri::command]
#[specta::specta]
pub async fn import_preview_file(
    imports: State<'_, Imports>,
    file: Id,
    settings: Option<ImportSettings>,
) -> Result<ImportPreview, AppError> {
    let (path, name, _) = imports.get(file)?;
    off_main(move || Ok(import_preview(&path, &name, settings.as_ref())?)).await
}

/// Import a staged file beside `map` with `settings`, off the main thread, telling
/// `ImportProgressed`; cancel with `import_cancel`. Nothing is stored unless it all succeeds.
#[tauri::command]
#[specta::specta]
pub async fn import_run(
    window: Window,
    state: State<'_, AppState>,
    imports: State<'_, Imports>,
    file: Id,
    map: Id,
    name: String,
    settings: ImportSettings,
) -> Result<Imported, AppError> {
    let ws = state.workspace()?;
    let (path, source, cancel) = imports.get(file)?;
    cancel.store(false, Ordering::SeqCst);
    let w = window.clone();
    let imported = off_main(move || {
        let req = ImportRequest {
            map,
            path: &path,
            source: &source,
            name: &name,
            settings: &settings,
            id: uuid::Uuid::new_v4(),
            now: chrono::Utc::now(),
        };
        let mut tell = |progress: ImportProgress| {
            let _ = ImportProgressed { file, progress }.emit(&w);
            if cancel.load(Ordering::SeqCst) {
                Flow::Cancel
            } else {
                Flow::Continue
            }
        };
        Ok(ws.dataset_import(&req, &mut tell)?)
    })
    .await?;
    datasets_changed(&window, map, imported.dataset.id, LibraryChange::Added);
    Ok(imported)
}

/// Ask a running import to stop; it stores nothing.
#[tauri::command]
#[specta::specta]
pub async fn import_cancel(imports: State<'_, Imports>, file: Id) -> Result<(), AppError> {
    let (_, _, cancel) = imports.get(file)?;
    cancel.store(true, Ordering::SeqCst);
    Ok(())
}

/// Forget a staged file (the wizard closed); a dropped file's bytes are removed.
#[tauri::command]
#[specta::specta]
pub async fn import_discard(imports: State<'_, Imports>, file: Id) -> Result<(), AppError> {
    let staged = imports.lock().remove(&file);
    if let Some(s) = staged {
        s.cancel.store(true, Ordering::SeqCst);
        if s.uploaded {
            let _ = std::fs::remove_file(&s.path);
        }
    }
    Ok(())
}

/// The observed names of the map's datasets that match no touchpoint, with counts and
/// suggestions; `null` when the map has no dataset.
#[tauri::command]
#[specta::specta]
pub async fn datasets_unmatched(
    state: State<'_, AppState>,
    map: Id,
) -> Result<Option<BlindSpots>, AppError> {
    let ws = state.workspace()?;
    off_main(move || Ok(ws.unmatched_names(map)?)).await
}

/// The edit that makes each confirmed name an alias of its touchpoint; `null` when nothing
/// would change. Send it with `maps_edit` (undo takes it back).
#[tauri::command]
#[specta::specta]
pub async fn aliases_edit(
    state: State<'_, AppState>,
    map: Id,
    confirmed: Vec<ConfirmedAlias>,
) -> Result<Option<Edit>, AppError> {
    Ok(state.workspace()?.aliases_edit(map, &confirmed)?)
}
