//! Present mode's session and its windows.
//!
//! One presentation at a time, held here (the app manages a [`Presenting`]): the map, the stage
//! on screen, the spotlight, details, the timer (`corridor_core::present`). Every change goes
//! through a command and is announced to every window as `PresentChanged`, with a sequence
//! number that grows with each change, so the presenter window (the main one) and the audience
//! window show the same thing. The audience window opens on request, and by itself on a second
//! display when there is one. Closing either window leaves the other usable: the session ends
//! when the last window that shows it closes or the facilitator leaves present mode.

use std::sync::Mutex;

use chrono::Utc;
use corridor_core::present::{PresentError, Presentation};
use corridor_core::{Id, JourneyMap};
use corridor_store::Workspace;
use serde::{Deserialize, Serialize};
use specta::Type;
use tauri::{AppHandle, Manager, Runtime, WebviewUrl, WebviewWindowBuilder, Window, WindowEvent};
use tauri_specta::Event;

use crate::error::{AppError, ErrorCode};
use crate::events::PresentChanged;

/// The label of the app's main window (the board, and the presenter view while presenting).
pub const MAIN: &str = "main";
/// The label of the audience window: the clean presentation, for the projector.
pub const AUDIENCE: &str = "audience";

/// The presentation as every window sees it.
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
pub struct PresentView {
    /// Grows with every change: a window keeps the highest it has seen and ignores older news.
    pub seq: u64,
    pub presentation: Presentation,
    /// Whether the audience window is open.
    pub audience: bool,
}

#[derive(Default)]
struct Slot {
    view: Option<PresentView>,
    seq: u64,
}

/// The running presentation, if any.
#[derive(Default)]
pub struct Presenting {
    slot: Mutex<Slot>,
}

impl From<PresentError> for AppError {
    fn from(err: PresentError) -> AppError {
        let code = match err {
            PresentError::NoSuchCard { .. } => ErrorCode::NotFound,
            _ => ErrorCode::Invalid,
        };
        AppError {
            code,
            message: err.to_string(),
        }
    }
}

fn window_error(what: &str, err: tauri::Error) -> AppError {
    eprintln!("corridor: {what}: {err}");
    AppError {
        code: ErrorCode::Window,
        message: format!("{what}: {err}"),
    }
}

fn not_presenting() -> AppError {
    AppError {
        code: ErrorCode::NotFound,
        message: "No presentation is running: choose Present on a map first.".into(),
    }
}

fn now_ms() -> i64 {
    Utc::now().timestamp_millis()
}

impl Presenting {
    fn slot(&self) -> std::sync::MutexGuard<'_, Slot> {
        self.slot.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The presentation now, if one runs.
    pub fn get(&self) -> Option<PresentView> {
        self.slot().view.clone()
    }

    /// Store `view`'s new state under the next sequence number and tell every window.
    fn publish<R: Runtime>(
        &self,
        app: &AppHandle<R>,
        origin: &str,
        change: impl FnOnce(&mut Slot) -> Result<(), AppError>,
    ) -> Result<Option<PresentView>, AppError> {
        let (seq, view) = {
            let mut slot = self.slot();
            change(&mut slot)?;
            slot.seq += 1;
            let seq = slot.seq;
            if let Some(view) = slot.view.as_mut() {
                view.seq = seq;
            }
            (seq, slot.view.clone())
        };
        let event = PresentChanged {
            view: view.clone(),
            seq,
            origin: origin.to_string(),
        };
        if let Err(err) = event.emit(app) {
            eprintln!("corridor: cannot announce the presentation's change: {err}");
        }
        Ok(view)
    }

    /// Present `map` from the stage at position `stage`. With a second display, the audience
    /// window opens full screen on it; otherwise the window that asked goes full screen.
    pub fn start<R: Runtime>(
        &self,
        window: &Window<R>,
        ws: &Workspace,
        map: Id,
        stage: u32,
    ) -> Result<PresentView, AppError> {
        let presentation = Presentation::start(&ws.get(map)?, stage)?;
        let app = window.app_handle();
        let audience_open = app.get_webview_window(AUDIENCE).is_some();
        let view = self.publish(app, window.label(), |slot| {
            slot.view = Some(PresentView {
                seq: 0,
                presentation,
                audience: audience_open,
            });
            Ok(())
        })?;
        if !audience_open {
            if other_monitor(window).is_some() {
                open_audience(window)?;
                self.set_audience(app, window.label(), true)?;
            } else {
                window
                    .set_fullscreen(true)
                    .map_err(|e| window_error("The window could not go full screen", e))?;
            }
        }
        self.get().or(view).ok_or_else(not_presenting)
    }

    /// Change the presentation with `f`, given the map as it is now.
    pub fn change<R: Runtime>(
        &self,
        window: &Window<R>,
        ws: &Workspace,
        f: impl FnOnce(&mut Presentation, &JourneyMap) -> Result<(), PresentError>,
    ) -> Result<PresentView, AppError> {
        let map_id = self
            .slot()
            .view
            .as_ref()
            .map(|v| v.presentation.map)
            .ok_or_else(not_presenting)?;
        let map = ws.get(map_id)?;
        self.publish(window.app_handle(), window.label(), |slot| {
            let view = slot.view.as_mut().ok_or_else(not_presenting)?;
            let mut next = view.presentation.clone();
            next.reconcile(&map);
            f(&mut next, &map)?;
            view.presentation = next;
            Ok(())
        })?
        .ok_or_else(not_presenting)
    }

    /// Change the timer at the backend's clock.
    pub fn timer<R: Runtime>(
        &self,
        window: &Window<R>,
        action: corridor_core::present::TimerAction,
    ) -> Result<PresentView, AppError> {
        self.publish(window.app_handle(), window.label(), |slot| {
            let view = slot.view.as_mut().ok_or_else(not_presenting)?;
            view.presentation.timer(action, now_ms())?;
            Ok(())
        })?
        .ok_or_else(not_presenting)
    }

    /// Open or close the audience window.
    pub fn audience<R: Runtime>(
        &self,
        window: &Window<R>,
        open: bool,
    ) -> Result<PresentView, AppError> {
        if self.get().is_none() {
            return Err(not_presenting());
        }
        let app = window.app_handle();
        if open {
            if app.get_webview_window(AUDIENCE).is_none() {
                // The presenter view takes the main window: it need not cover the screen.
                if let Some(main) = app.get_webview_window(MAIN) {
                    let _ = main.set_fullscreen(false);
                }
                open_audience(window)?;
            }
        } else if let Some(audience) = app.get_webview_window(AUDIENCE) {
            audience
                .destroy()
                .map_err(|e| window_error("The audience window could not be closed", e))?;
        }
        self.set_audience(app, window.label(), open)?
            .ok_or_else(not_presenting)
    }

    fn set_audience<R: Runtime>(
        &self,
        app: &AppHandle<R>,
        origin: &str,
        open: bool,
    ) -> Result<Option<PresentView>, AppError> {
        self.publish(app, origin, |slot| {
            if let Some(view) = slot.view.as_mut() {
                view.audience = open;
            }
            Ok(())
        })
    }

    /// Leave present mode: the audience window closes, the main window (opened again if it was
    /// closed) leaves full screen and shows the board.
    pub fn stop<R: Runtime>(&self, window: &Window<R>) -> Result<(), AppError> {
        let app = window.app_handle();
        match app.get_webview_window(MAIN) {
            Some(main) => {
                let _ = main.set_fullscreen(false);
            }
            None => {
                open_main(app)?;
            }
        }
        self.publish(app, window.label(), |slot| {
            slot.view = None;
            Ok(())
        })?;
        if let Some(audience) = app.get_webview_window(AUDIENCE) {
            audience
                .destroy()
                .map_err(|e| window_error("The audience window could not be closed", e))?;
        }
        Ok(())
    }
}

/// Take the window into full screen, or out of it (F in present mode); its new state.
pub fn toggle_fullscreen<R: Runtime>(window: &Window<R>) -> Result<bool, AppError> {
    let fail = |e| window_error("The window could not change to or from full screen", e);
    let on = !window.is_fullscreen().map_err(fail)?;
    window.set_fullscreen(on).map_err(fail)?;
    Ok(on)
}

/// A window went away: the audience window's closing is news for the presenter; when the last
/// window showing the presentation is gone, the presentation ends.
pub fn on_window_event<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    if !matches!(event, WindowEvent::Destroyed) {
        return;
    }
    let app = window.app_handle();
    let presenting = app.state::<Presenting>();
    if presenting.get().is_none() {
        return;
    }
    let label = window.label();
    let others = app
        .webview_windows()
        .keys()
        .any(|l| l != label && (l == MAIN || l == AUDIENCE));
    let result = if !others {
        presenting.publish(app, label, |slot| {
            slot.view = None;
            Ok(())
        })
    } else if label == AUDIENCE {
        presenting.set_audience(app, label, false)
    } else {
        Ok(None)
    };
    if let Err(err) = result {
        eprintln!("corridor: {}", err.message);
    }
}

/// A screen, by its rectangle in physical pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    pub x: i32,
    pub y: i32,
    pub width: u32,
    pub height: u32,
}

impl Screen {
    fn contains(&self, x: i32, y: i32) -> bool {
        let right = i64::from(self.x) + i64::from(self.width);
        let bottom = i64::from(self.y) + i64::from(self.height);
        x >= self.x && y >= self.y && i64::from(x) < right && i64::from(y) < bottom
    }
}

/// The screen to put the audience on: the first one that is not the one the presenter's window
/// is on (`current`, its centre). None with a single screen.
pub fn pick_other(screens: &[Screen], current: Option<(i32, i32)>) -> Option<usize> {
    if screens.len() < 2 {
        return None;
    }
    let here = current.and_then(|(x, y)| screens.iter().position(|s| s.contains(x, y)));
    (0..screens.len()).find(|i| Some(*i) != here)
}

/// The other display, if there is one: its monitor.
fn other_monitor<R: Runtime>(window: &Window<R>) -> Option<tauri::Monitor> {
    let monitors = window.available_monitors().ok()?;
    let screens: Vec<Screen> = monitors
        .iter()
        .map(|m| Screen {
            x: m.position().x,
            y: m.position().y,
            width: m.size().width,
            height: m.size().height,
        })
        .collect();
    let centre = match (window.outer_position(), window.outer_size()) {
        (Ok(p), Ok(s)) => Some((
            p.x.saturating_add((s.width / 2) as i32),
            p.y.saturating_add((s.height / 2) as i32),
        )),
        _ => None,
    };
    pick_other(&screens, centre).map(|i| monitors[i].clone())
}

/// Open the audience window: full screen on the other display when there is one, else a
/// 1280×720 window to drag onto the projector (F makes it full screen).
fn open_audience<R: Runtime>(window: &Window<R>) -> Result<(), AppError> {
    let app = window.app_handle();
    let other = other_monitor(window);
    let mut builder =
        WebviewWindowBuilder::new(app, AUDIENCE, WebviewUrl::App("index.html".into()))
            .title("Corridor · audience")
            .inner_size(1280.0, 720.0)
            .min_inner_size(640.0, 360.0)
            .disable_drag_drop_handler();
    if let Some(monitor) = &other {
        let scale = monitor.scale_factor().max(0.1);
        builder = builder.position(
            f64::from(monitor.position().x) / scale,
            f64::from(monitor.position().y) / scale,
        );
    }
    let audience = builder
        .build()
        .map_err(|e| window_error("The audience window could not be opened", e))?;
    if let Some(monitor) = other {
        let at = monitor.position();
        audience
            .set_fullscreen_on_monitor(tauri::PhysicalPosition::new(
                f64::from(at.x),
                f64::from(at.y),
            ))
            .map_err(|e| window_error("The audience window could not go full screen", e))?;
        // The keyboard stays with the presenter.
        let _ = window.set_focus();
    }
    Ok(())
}

/// The main window again, as the configuration makes it at start.
fn open_main<R: Runtime>(app: &AppHandle<R>) -> Result<(), AppError> {
    WebviewWindowBuilder::new(app, MAIN, WebviewUrl::App("index.html".into()))
        .title("Corridor")
        .inner_size(1280.0, 800.0)
        .min_inner_size(800.0, 500.0)
        .disable_drag_drop_handler()
        .build()
        .map_err(|e| window_error("The main window could not be opened again", e))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const LAPTOP: Screen = Screen {
        x: 0,
        y: 0,
        width: 1920,
        height: 1080,
    };
    const PROJECTOR: Screen = Screen {
        x: 1920,
        y: 0,
        width: 1280,
        height: 720,
    };

    #[test]
    fn the_audience_goes_on_the_screen_the_presenter_is_not_on() {
        type Case<'a> = (&'a [Screen], Option<(i32, i32)>, Option<usize>);
        let cases: [Case; 6] = [
            (&[LAPTOP], Some((900, 500)), None),
            (&[], None, None),
            (&[LAPTOP, PROJECTOR], Some((900, 500)), Some(1)),
            (&[LAPTOP, PROJECTOR], Some((2500, 300)), Some(0)),
            (&[PROJECTOR, LAPTOP], Some((900, 500)), Some(0)),
            // Where the presenter is cannot be told: the first screen.
            (&[LAPTOP, PROJECTOR], None, Some(0)),
        ];
        for (screens, centre, expected) in cases {
            assert_eq!(
                pick_other(screens, centre),
                expected,
                "{screens:?} {centre:?}"
            );
        }
    }
}
