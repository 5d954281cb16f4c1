//! Change events: every window hears what changed in the workspace, with the label of the
//! window that changed it, so a window can ignore its own echo.

use corridor_core::Id;
use corridor_store::{Applied, MapSummary};
use serde::{Deserialize, Serialize};
use specta::Type;
use tauri::{Runtime, Window};
use tauri_specta::Event;

use crate::error::AppError;

/// A map moved to a new revision (an edit, an undo, a redo, a restore).
#[derive(Debug, Clone, Serialize, Deserialize, Type, Event)]
pub struct MapChanged {
    pub map: Id,
    pub revision: u64,
    /// What happened ("add touchpoint", "undo rename map").
    pub summary: String,
    /// The label of the window the change came from.
    pub origin: String,
}

/// The app switched to another workspace (a fresh one): everything shown is stale.
#[derive(Debug, Clone, Serialize, Deserialize, Type, Event)]
pub struct WorkspaceChanged {
    pub path: Option<String>,
    pub origin: String,
}

/// A map was added to the workspace or removed from it (a new map, a copy, a deletion): every
/// library shows the list again. Renames are edits, announced as `MapChanged`.
#[derive(Debug, Clone, Serialize, Deserialize, Type, Event)]
pub struct LibraryChanged {
    pub map: Id,
    pub change: LibraryChange,
    /// The label of the window the change came from.
    pub origin: String,
}

/// The presentation changed (a stage, the spotlight, details, the timer, the audience window),
/// started (`view` set) or ended (`view` null). `seq` grows with every change: a window ignores
/// news older than what it shows.
#[derive(Debug, Clone, Serialize, Deserialize, Type, Event)]
pub struct PresentChanged {
    pub view: Option<crate::windows::PresentView>,
    pub seq: u64,
    /// The label of the window the change came from.
    pub origin: String,
}

/// How the list of maps changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum LibraryChange {
    Added,
    Deleted,
}

/// Tell every window a map was added, and hand its summary back to the caller.
pub fn added<R: Runtime>(window: &Window<R>, map: MapSummary) -> Result<MapSummary, AppError> {
    library_changed(window, map.id, LibraryChange::Added);
    Ok(map)
}

/// Tell every window a map was deleted.
pub fn deleted<R: Runtime>(window: &Window<R>, map: Id) -> Result<(), AppError> {
    library_changed(window, map, LibraryChange::Deleted);
    Ok(())
}

fn library_changed<R: Runtime>(window: &Window<R>, map: Id, change: LibraryChange) {
    let event = LibraryChanged {
        map,
        change,
        origin: window.label().to_string(),
    };
    if let Err(err) = event.emit(window) {
        eprintln!("corridor: cannot announce the library change to {map}: {err}");
    }
}

/// Tell every window about a change that landed, and hand it back to the caller.
pub fn changed<R: Runtime>(window: &Window<R>, applied: Applied) -> Result<Applied, AppError> {
    let event = MapChanged {
        map: applied.id,
        revision: applied.revision,
        summary: applied.summary.clone(),
        origin: window.label().to_string(),
    };
    if let Err(err) = event.emit(window) {
        eprintln!(
            "corridor: cannot announce the change to {}: {err}",
            applied.id
        );
    }
    Ok(applied)
}

/// Tell every window the workspace was replaced.
pub fn workspace_changed<R: Runtime>(
    window: &Window<R>,
    info: crate::state::WorkspaceInfo,
) -> Result<crate::state::WorkspaceInfo, AppError> {
    let event = WorkspaceChanged {
        path: info.path.clone(),
        origin: window.label().to_string(),
    };
    if let Err(err) = event.emit(window) {
        eprintln!("corridor: cannot announce the new workspace: {err}");
    }
    Ok(info)
}

/// The live tally of the open vote changed (a phone voted, a vote was typed on the laptop).
#[derive(Debug, Clone, Serialize, Type, Event)]
pub struct VoteChanged {
    pub vote: crate::workshop::OpenVote,
}

/// An idea arrived in the open private round: its count, never its text.
#[derive(Debug, Clone, Serialize, Deserialize, Type, Event)]
pub struct IdeasChanged {
    pub map: Id,
    pub count: u32,
}

/// The workshop service's news as Tauri events to every window.
pub fn workshop_announcer<R: Runtime>(app: &tauri::AppHandle<R>) -> crate::workshop::Announce {
    let app = app.clone();
    std::sync::Arc::new(move |news| {
        let sent = match news {
            crate::workshop::News::Vote(vote) => VoteChanged { vote: *vote }.emit(&app),
            crate::workshop::News::Ideas { map, count } => IdeasChanged { map, count }.emit(&app),
        };
        if let Err(err) = sent {
            eprintln!("corridor: cannot announce the workshop's news: {err}");
        }
    })
}
