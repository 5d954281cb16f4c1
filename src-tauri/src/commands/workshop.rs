//! Workshop mode: dot votes (served to the phones by the room server, or typed on the laptop),
//! private brainstorm rounds, and the workshop's end (a named snapshot, the summary as
//! Markdown). Each command is one call on the workshop service (`crate::workshop`); what lands
//! in the map is an edit through the store, announced as `MapChanged`.

use std::sync::Arc;

use corridor_core::Id;
use corridor_store::{Applied, SnapshotInfo, Written};
use tauri::{AppHandle, State, Window};

use crate::dialogs::ask_save;
use crate::error::AppError;
use crate::events::{changed, workshop_announcer};
use crate::state::AppState;
use crate::workshop::{OpenRound, OpenVote, WorkshopService, WorkshopStatus};

type Service<'a> = State<'a, Arc<WorkshopService>>;

/// What runs for the map's workshop now: an open vote, an open round, an interrupted vote.
#[tauri::command]
#[specta::specta]
pub async fn workshop_status(
    state: State<'_, AppState>,
    service: Service<'_>,
    map: Id,
) -> Result<WorkshopStatus, AppError> {
    service.status(&*state.workspace()?, map)
}

/// Mark the start of the map's workshop (present mode calls it): its summary lists what is
/// captured from here on.
#[tauri::command]
#[specta::specta]
pub async fn workshop_start(
    state: State<'_, AppState>,
    service: Service<'_>,
    map: Id,
) -> Result<(), AppError> {
    service.start(&*state.workspace()?, map)
}

/// The answer to opening a vote: the change that put it in the map, and the vote with its room.
#[derive(Debug, Clone, serde::Serialize, specta::Type)]
pub struct VoteOpened {
    pub applied: Applied,
    pub vote: OpenVote,
}

/// Open a dot vote on `cards` with `dots_per_person` each; the room server starts.
#[allow(clippy::too_many_arguments)] // Tauri passes the app, the window and the states apart.
#[tauri::command]
#[specta::specta]
pub async fn workshop_vote_open(
    app: AppHandle,
    window: Window,
    state: State<'_, AppState>,
    service: Service<'_>,
    map: Id,
    name: String,
    cards: Vec<Id>,
    dots_per_person: u32,
) -> Result<VoteOpened, AppError> {
    let (applied, vote) = service
        .open_vote(
            &*state.workspace()?,
            map,
            &name,
            cards,
            dots_per_person,
            workshop_announcer(&app),
        )
        .await?;
    Ok(VoteOpened {
        applied: changed(&window, applied)?,
        vote,
    })
}

/// Set the dots `voter` (a person named on the laptop) has on `card`.
#[tauri::command]
#[specta::specta]
pub async fn workshop_vote_type(
    service: Service<'_>,
    map: Id,
    voter: String,
    card: Id,
    dots: u32,
) -> Result<OpenVote, AppError> {
    service.type_dots(map, &voter, card, dots)
}

/// Close the open vote with the decision noted; the room server stops.
#[tauri::command]
#[specta::specta]
pub async fn workshop_vote_close(
    window: Window,
    state: State<'_, AppState>,
    service: Service<'_>,
    map: Id,
    decision: String,
) -> Result<Applied, AppError> {
    changed(
        &window,
        service
            .close_vote(&*state.workspace()?, map, &decision)
            .await?,
    )
}

/// Take up the map's interrupted vote again, with the dots its journal kept.
#[tauri::command]
#[specta::specta]
pub async fn workshop_vote_resume(
    app: AppHandle,
    state: State<'_, AppState>,
    service: Service<'_>,
    map: Id,
) -> Result<OpenVote, AppError> {
    service
        .resume_vote(&*state.workspace()?, map, workshop_announcer(&app))
        .await
}

/// Open a private brainstorm round for `stage` and `lane`; the room server starts.
#[tauri::command]
#[specta::specta]
pub async fn workshop_round_open(
    app: AppHandle,
    state: State<'_, AppState>,
    service: Service<'_>,
    map: Id,
    stage: Id,
    lane: Id,
    prompt: String,
) -> Result<OpenRound, AppError> {
    service
        .open_round(
            &*state.workspace()?,
            map,
            stage,
            lane,
            &prompt,
            workshop_announcer(&app),
        )
        .await
}

/// Reveal the open round: its ideas land as lane cards without author; the server stops.
#[tauri::command]
#[specta::specta]
pub async fn workshop_round_reveal(
    window: Window,
    state: State<'_, AppState>,
    service: Service<'_>,
    map: Id,
) -> Result<Applied, AppError> {
    changed(
        &window,
        service.reveal_round(&*state.workspace()?, map).await?,
    )
}

/// End the workshop: a snapshot named `name` of the map as it is now.
#[tauri::command]
#[specta::specta]
pub async fn workshop_end(
    state: State<'_, AppState>,
    service: Service<'_>,
    map: Id,
    name: String,
) -> Result<SnapshotInfo, AppError> {
    service.end(&*state.workspace()?, map, &name)
}

/// The workshop summary as Markdown (to show before saving it).
#[tauri::command]
#[specta::specta]
pub async fn workshop_summary(
    state: State<'_, AppState>,
    service: Service<'_>,
    map: Id,
) -> Result<String, AppError> {
    service.summary(&*state.workspace()?, map)
}

/// Save the workshop summary as Markdown where the save dialog points; `None` when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn workshop_summary_export(
    app: AppHandle,
    state: State<'_, AppState>,
    service: Service<'_>,
    map: Id,
) -> Result<Option<Written>, AppError> {
    let ws = state.workspace()?;
    let text = service.summary(&ws, map)?;
    let report = corridor_store::ExportKind::ReportMarkdown.file_name(&ws.get(map)?.title);
    let name = report.replace("-report.md", "-workshop.md");
    let Some(path) = ask_save(&app, "Markdown", "md", &name).await? else {
        return Ok(None);
    };
    crate::workshop::write_summary(&path, &text).map(Some)
}

/// A closed vote's result, most dots first (ties share a rank).
#[tauri::command]
#[specta::specta]
pub async fn workshop_vote_results(
    state: State<'_, AppState>,
    map: Id,
    vote: Id,
) -> Result<Vec<corridor_core::workshop::Ranked>, AppError> {
    crate::workshop::results(&*state.workspace()?, map, vote)
}
