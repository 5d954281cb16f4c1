//! Present mode: one line each over the presentation held in `windows::Presenting` (pure
//! transitions in `corridor_core::present`); every change is announced as `PresentChanged`.
//! Captures are ordinary edits (`maps_edit`); `present_captured` only notes them for the
//! workshop summary.

use corridor_core::present::{SpotlightMove, StageMove, TimerAction};
use corridor_core::Id;
use tauri::{State, Window};

use crate::error::AppError;
use crate::state::AppState;
use crate::windows::{self, PresentView, Presenting};

/// Present `map` from the stage at position `stage` (from 0): full screen, or on the second
/// display's audience window when there is one.
#[tauri::command]
#[specta::specta]
pub async fn present_start(
    state: State<'_, AppState>,
    presenting: State<'_, Presenting>,
    window: Window,
    map: Id,
    stage: u32,
) -> Result<PresentView, AppError> {
    presenting.start(&window, state.workspace()?.as_ref(), map, stage)
}

/// The presentation running now, if any (a window opening asks this first).
#[tauri::command]
#[specta::specta]
pub async fn present_get(
    presenting: State<'_, Presenting>,
) -> Result<Option<PresentView>, AppError> {
    Ok(presenting.get())
}

/// Go to another stage.
#[tauri::command]
#[specta::specta]
pub async fn present_go(
    state: State<'_, AppState>,
    presenting: State<'_, Presenting>,
    window: Window,
    to: StageMove,
) -> Result<PresentView, AppError> {
    presenting.change(&window, state.workspace()?.as_ref(), |p, map| p.go(map, to))
}

/// Move the spotlight among the touchpoints of the stage on screen.
#[tauri::command]
#[specta::specta]
pub async fn present_spotlight(
    state: State<'_, AppState>,
    presenting: State<'_, Presenting>,
    window: Window,
    to: SpotlightMove,
) -> Result<PresentView, AppError> {
    presenting.change(&window, state.workspace()?.as_ref(), |p, map| {
        p.spotlight(map, to)
    })
}

/// Show or hide the details.
#[tauri::command]
#[specta::specta]
pub async fn present_details(
    state: State<'_, AppState>,
    presenting: State<'_, Presenting>,
    window: Window,
    shown: bool,
) -> Result<PresentView, AppError> {
    presenting.change(&window, state.workspace()?.as_ref(), |p, _| {
        p.set_details(shown);
        Ok(())
    })
}

/// Blank the audience's screen, or show it again.
#[tauri::command]
#[specta::specta]
pub async fn present_blank(
    state: State<'_, AppState>,
    presenting: State<'_, Presenting>,
    window: Window,
    blank: bool,
) -> Result<PresentView, AppError> {
    presenting.change(&window, state.workspace()?.as_ref(), |p, _| {
        p.set_blank(blank);
        Ok(())
    })
}

/// Set, start, pause, lengthen or reset the timer.
#[tauri::command]
#[specta::specta]
pub async fn present_timer(
    presenting: State<'_, Presenting>,
    window: Window,
    action: TimerAction,
) -> Result<PresentView, AppError> {
    presenting.timer(&window, action)
}

/// Note a lane card captured while presenting (after its edit landed), for the summary.
#[tauri::command]
#[specta::specta]
pub async fn present_captured(
    state: State<'_, AppState>,
    presenting: State<'_, Presenting>,
    window: Window,
    card: Id,
) -> Result<PresentView, AppError> {
    presenting.change(&window, state.workspace()?.as_ref(), |p, map| {
        p.record_capture(map, card)
    })
}

/// Open or close the audience window.
#[tauri::command]
#[specta::specta]
pub async fn present_audience(
    presenting: State<'_, Presenting>,
    window: Window,
    open: bool,
) -> Result<PresentView, AppError> {
    presenting.audience(&window, open)
}

/// Take the calling window into full screen, or out of it; answers whether it is now.
#[tauri::command]
#[specta::specta]
pub async fn present_fullscreen(window: Window) -> Result<bool, AppError> {
    windows::toggle_fullscreen(&window)
}

/// Leave present mode: back to the board.
#[tauri::command]
#[specta::specta]
pub async fn present_stop(
    presenting: State<'_, Presenting>,
    window: Window,
) -> Result<(), AppError> {
    presenting.stop(&window)
}
