//! Present mode: which stage of a map is on the projector, the touchpoint in the spotlight,
//! whether details show, and the workshop timer.
//!
//! Pure: no clock, no I/O. The app holds one [`Presentation`] and calls these methods with the
//! map as it is now and, for the timer, the time as milliseconds since the Unix epoch. A running
//! timer is kept as a deadline, so every window that shows it computes the same time left from
//! its own clock, and nothing has to tick in the backend.

use serde::{Deserialize, Serialize};

use crate::model::{Id, JourneyMap, Stage};

/// A minute, in milliseconds: what "add a minute" adds.
pub const MINUTE_MS: u64 = 60_000;
/// The longest timer, in seconds (three hours).
pub const MAX_TIMER_SECS: u32 = 3 * 60 * 60;
/// The timer a presentation starts with, in seconds.
pub const DEFAULT_TIMER_SECS: u32 = 5 * 60;

/// Why a present-mode action was refused. Nothing changed when one is returned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PresentError {
    #[error("the map \"{title}\" has no stages to present")]
    NoStages { title: String },
    #[error("there is no stage {number}: the map has {count} stages")]
    NoSuchStage { number: u32, count: usize },
    #[error("touchpoint {touchpoint} is not in the stage on screen, \"{stage}\"")]
    NotInStage { touchpoint: Id, stage: String },
    #[error("lane card {card} is not on the map")]
    NoSuchCard { card: Id },
    #[error("a timer runs from 1 second to {max} seconds (3 hours), not {secs} seconds")]
    BadDuration { secs: u32, max: u32 },
}

/// Where to go among the stages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum StageMove {
    Next,
    Previous,
    First,
    Last,
    /// The stage at this position, counted from 0.
    Index(u32),
}

/// Which touchpoint of the stage on screen to put in the spotlight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum SpotlightMove {
    /// The next touchpoint down the stage; past the last one, the spotlight goes off.
    Next,
    /// The one above; above the first, off; from off, the last.
    Previous,
    Off,
    Touchpoint(Id),
}

/// What the facilitator does with the timer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum TimerAction {
    /// Set the length (seconds) and stop at it.
    SetSeconds(u32),
    /// Run from what is left (from the whole length when the time is up).
    Start,
    Pause,
    /// One more minute, running or not (after the time is up: one minute from now).
    AddMinute,
    /// Stop, back at the length set.
    Reset,
}

/// A countdown. While it runs it is a deadline; while it is stopped, the time left.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Timer {
    /// The length set, in milliseconds (what a reset goes back to).
    pub duration_ms: u64,
    /// While it runs: when it reaches zero, in milliseconds since the Unix epoch.
    pub deadline_ms: Option<i64>,
    /// While it is stopped: the time left, in milliseconds.
    pub remaining_ms: u64,
}

impl Timer {
    /// A stopped timer of `secs` seconds.
    pub fn new(secs: u32) -> Result<Timer, PresentError> {
        if secs == 0 || secs > MAX_TIMER_SECS {
            return Err(PresentError::BadDuration {
                secs,
                max: MAX_TIMER_SECS,
            });
        }
        let ms = u64::from(secs) * 1000;
        Ok(Timer {
            duration_ms: ms,
            deadline_ms: None,
            remaining_ms: ms,
        })
    }

    pub fn is_running(&self) -> bool {
        self.deadline_ms.is_some()
    }

    /// The time left at `now_ms`, never below zero.
    pub fn remaining(&self, now_ms: i64) -> u64 {
        match self.deadline_ms {
            Some(deadline) => u64::try_from(deadline.saturating_sub(now_ms)).unwrap_or(0),
            None => self.remaining_ms,
        }
    }

    /// Whether the time is up at `now_ms`.
    pub fn is_up(&self, now_ms: i64) -> bool {
        self.remaining(now_ms) == 0
    }

    /// Do `action` at `now_ms`.
    pub fn apply(&mut self, action: TimerAction, now_ms: i64) -> Result<(), PresentError> {
        let max_ms = u64::from(MAX_TIMER_SECS) * 1000;
        match action {
            TimerAction::SetSeconds(secs) => *self = Timer::new(secs)?,
            TimerAction::Start => {
                if !self.is_running() {
                    let left = if self.remaining_ms == 0 {
                        self.duration_ms
                    } else {
                        self.remaining_ms
                    };
                    self.deadline_ms = Some(now_ms.saturating_add(ms_i64(left)));
                }
            }
            TimerAction::Pause => {
                if self.is_running() {
                    self.remaining_ms = self.remaining(now_ms);
                    self.deadline_ms = None;
                }
            }
            TimerAction::AddMinute => match self.deadline_ms {
                Some(_) => {
                    let left = (self.remaining(now_ms) + MINUTE_MS).min(max_ms);
                    self.deadline_ms = Some(now_ms.saturating_add(ms_i64(left)));
                }
                None => self.remaining_ms = (self.remaining_ms + MINUTE_MS).min(max_ms),
            },
            TimerAction::Reset => {
                self.deadline_ms = None;
                self.remaining_ms = self.duration_ms;
            }
        }
        Ok(())
    }
}

fn ms_i64(ms: u64) -> i64 {
    i64::try_from(ms).unwrap_or(i64::MAX)
}

/// A map on the projector: the stage shown, the spotlight, details, the timer, and what was
/// captured while presenting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Presentation {
    pub map: Id,
    /// The stage on screen, by position in the map's stages (from 0).
    pub stage: u32,
    /// The touchpoint in the spotlight (one of the stage's); the others are dimmed.
    pub spotlight: Option<Id>,
    /// Whether the details (expectations, emotions, frictions, lane cards) show.
    pub details: bool,
    /// Whether the audience sees a blank screen (the room's attention on the people, not the
    /// slide); moving to another stage shows the screen again.
    #[serde(default)]
    pub blank: bool,
    pub timer: Timer,
    /// The lane cards captured while presenting, in capture order (for the workshop summary).
    pub captured: Vec<Id>,
}

impl Presentation {
    /// Present `map` from the stage at position `stage`.
    pub fn start(map: &JourneyMap, stage: u32) -> Result<Presentation, PresentError> {
        check_stage(map, stage)?;
        Ok(Presentation {
            map: map.id,
            stage,
            spotlight: None,
            details: false,
            blank: false,
            timer: Timer::new(DEFAULT_TIMER_SECS)?,
            captured: Vec::new(),
        })
    }

    /// The stage on screen.
    pub fn current<'m>(&self, map: &'m JourneyMap) -> Option<&'m Stage> {
        map.stages.get(self.stage as usize)
    }

    /// Go to another stage. A new stage starts with no spotlight and its details hidden; at
    /// either end, Next and Previous stay where they are. A blank screen shows again, whether
    /// the stage changes or not (the presenter moving on wants the room to see).
    pub fn go(&mut self, map: &JourneyMap, to: StageMove) -> Result<(), PresentError> {
        let last = check_stage(map, 0)?;
        let target = match to {
            StageMove::Next => (self.stage + 1).min(last),
            StageMove::Previous => self.stage.saturating_sub(1).min(last),
            StageMove::First => 0,
            StageMove::Last => last,
            StageMove::Index(index) => {
                check_stage(map, index)?;
                index
            }
        };
        if target != self.stage {
            self.stage = target;
            self.spotlight = None;
            self.details = false;
        }
        self.blank = false;
        Ok(())
    }

    /// Move the spotlight among the touchpoints of the stage on screen, in board order.
    pub fn spotlight(&mut self, map: &JourneyMap, to: SpotlightMove) -> Result<(), PresentError> {
        self.reconcile(map);
        let Some(stage) = self.current(map) else {
            return Err(PresentError::NoStages {
                title: map.title.clone(),
            });
        };
        let order: Vec<Id> = map.touchpoints_in(stage.id).map(|t| t.id).collect();
        let at = self
            .spotlight
            .and_then(|id| order.iter().position(|t| *t == id));
        self.spotlight = match to {
            SpotlightMove::Off => None,
            SpotlightMove::Next => match at {
                None => order.first().copied(),
                Some(i) => order.get(i + 1).copied(),
            },
            SpotlightMove::Previous => match at {
                None => order.last().copied(),
                Some(0) => None,
                Some(i) => order.get(i - 1).copied(),
            },
            SpotlightMove::Touchpoint(id) => {
                if !order.contains(&id) {
                    return Err(PresentError::NotInStage {
                        touchpoint: id,
                        stage: stage.name.clone(),
                    });
                }
                Some(id)
            }
        };
        Ok(())
    }

    pub fn set_details(&mut self, shown: bool) {
        self.details = shown;
    }

    /// Blank the audience's screen, or show it again.
    pub fn set_blank(&mut self, blank: bool) {
        self.blank = blank;
    }

    pub fn timer(&mut self, action: TimerAction, now_ms: i64) -> Result<(), PresentError> {
        self.timer.apply(action, now_ms)
    }

    /// Remember a lane card captured while presenting (once).
    pub fn record_capture(&mut self, map: &JourneyMap, card: Id) -> Result<(), PresentError> {
        if !map.lane_cards.iter().any(|c| c.id == card) {
            return Err(PresentError::NoSuchCard { card });
        }
        if !self.captured.contains(&card) {
            self.captured.push(card);
        }
        Ok(())
    }

    /// Keep the presentation valid after the map changed: a stage index past the end goes to the
    /// last stage; a spotlight on a touchpoint no longer in the stage goes off.
    pub fn reconcile(&mut self, map: &JourneyMap) {
        let count = map.stages.len() as u32;
        if count > 0 && self.stage >= count {
            self.stage = count - 1;
            self.spotlight = None;
        }
        if let (Some(id), Some(stage)) = (self.spotlight, self.current(map)) {
            if map.touchpoint(id).is_none_or(|t| t.stage != stage.id) {
                self.spotlight = None;
            }
        }
    }
}

/// The last stage's position, if `index` is a stage of the map.
fn check_stage(map: &JourneyMap, index: u32) -> Result<u32, PresentError> {
    let count = map.stages.len();
    if count == 0 {
        return Err(PresentError::NoStages {
            title: map.title.clone(),
        });
    }
    if index as usize >= count {
        return Err(PresentError::NoSuchStage {
            number: index + 1,
            count,
        });
    }
    Ok(count as u32 - 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LaneCard, Touchpoint};
    use chrono::TimeZone;
    use uuid::Uuid;

    fn ids() -> impl FnMut() -> Id {
        let mut n = 0u128;
        move || {
            n += 1;
            Uuid::from_u128(n)
        }
    }

    fn touchpoint(id: u128, stage: Id, title: &str) -> Touchpoint {
        Touchpoint::new(Uuid::from_u128(id), title, stage)
    }

    /// Three stages; the first has touchpoints a, b, c (with one of the second's between them
    /// on the map's list), the second has d, the third none.
    fn map() -> JourneyMap {
        let mut next = ids();
        let now = chrono::Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
        let mut map = JourneyMap::new(
            Uuid::from_u128(1000),
            "Patio",
            &["Awareness", "Consideration", "Use"],
            &mut next,
            now,
        );
        let (s0, s1) = (map.stages[0].id, map.stages[1].id);
        map.touchpoints = vec![
            touchpoint(101, s0, "a"),
            touchpoint(102, s0, "b"),
            touchpoint(104, s1, "d"),
            touchpoint(103, s0, "c"),
        ];
        map
    }

    const A: Id = Uuid::from_u128(101);
    const B: Id = Uuid::from_u128(102);
    const C: Id = Uuid::from_u128(103);
    const D: Id = Uuid::from_u128(104);

    #[test]
    fn start_checks_the_stage() {
        let map = map();
        let p = Presentation::start(&map, 1).unwrap();
        assert_eq!((p.stage, p.spotlight, p.details), (1, None, false));
        assert_eq!(p.current(&map).unwrap().name, "Consideration");
        assert_eq!(
            Presentation::start(&map, 3).unwrap_err().to_string(),
            "there is no stage 4: the map has 3 stages"
        );
        let mut empty = map.clone();
        empty.stages.clear();
        assert_eq!(
            Presentation::start(&empty, 0).unwrap_err(),
            PresentError::NoStages {
                title: "Patio".into()
            }
        );
    }

    #[test]
    fn stage_moves_stop_at_either_end() {
        let map = map();
        let mut p = Presentation::start(&map, 0).unwrap();
        let cases = [
            (StageMove::Previous, 0),
            (StageMove::Next, 1),
            (StageMove::Next, 2),
            (StageMove::Next, 2),
            (StageMove::Previous, 1),
            (StageMove::First, 0),
            (StageMove::Last, 2),
            (StageMove::Index(1), 1),
        ];
        for (to, stage) in cases {
            p.go(&map, to).unwrap();
            assert_eq!(p.stage, stage, "after {to:?}");
        }
        let before = p.clone();
        assert!(matches!(
            p.go(&map, StageMove::Index(7)),
            Err(PresentError::NoSuchStage {
                number: 8,
                count: 3
            })
        ));
        assert_eq!(p, before, "a refused move changes nothing");
    }

    #[test]
    fn a_blank_screen_shows_again_when_the_presenter_moves_on() {
        let map = map();
        let mut p = Presentation::start(&map, 0).unwrap();
        assert!(!p.blank);
        p.set_blank(true);
        p.set_details(true);
        assert!(p.blank);
        // At the last stage Next stays where it is, and still shows the screen again.
        p.go(&map, StageMove::Last).unwrap();
        assert!(!p.blank);
        p.set_blank(true);
        p.go(&map, StageMove::Next).unwrap();
        assert_eq!((p.stage, p.blank), (2, false));
        p.set_blank(true);
        p.set_blank(false);
        assert!(!p.blank);
    }

    #[test]
    fn a_new_stage_starts_without_spotlight_or_details() {
        let map = map();
        let mut p = Presentation::start(&map, 0).unwrap();
        p.spotlight(&map, SpotlightMove::Next).unwrap();
        p.set_details(true);
        // Staying put (Previous on the first stage) keeps both.
        p.go(&map, StageMove::Previous).unwrap();
        assert_eq!((p.spotlight, p.details), (Some(A), true));
        p.go(&map, StageMove::Next).unwrap();
        assert_eq!((p.spotlight, p.details), (None, false));
    }

    #[test]
    fn the_spotlight_walks_the_stage_in_board_order_and_goes_off_past_the_ends() {
        let map = map();
        let mut p = Presentation::start(&map, 0).unwrap();
        let walk = [
            (SpotlightMove::Next, Some(A)),
            (SpotlightMove::Next, Some(B)),
            (SpotlightMove::Next, Some(C)),
            (SpotlightMove::Next, None),
            (SpotlightMove::Previous, Some(C)),
            (SpotlightMove::Previous, Some(B)),
            (SpotlightMove::Previous, Some(A)),
            (SpotlightMove::Previous, None),
            (SpotlightMove::Touchpoint(B), Some(B)),
            (SpotlightMove::Off, None),
        ];
        for (to, expected) in walk {
            p.spotlight(&map, to).unwrap();
            assert_eq!(p.spotlight, expected, "after {to:?}");
        }
        assert_eq!(
            p.spotlight(&map, SpotlightMove::Touchpoint(D))
                .unwrap_err()
                .to_string(),
            format!("touchpoint {D} is not in the stage on screen, \"Awareness\"")
        );
        // A stage without touchpoints has nothing to light.
        p.go(&map, StageMove::Last).unwrap();
        p.spotlight(&map, SpotlightMove::Next).unwrap();
        assert_eq!(p.spotlight, None);
    }

    #[test]
    fn reconcile_follows_a_changed_map() {
        let mut map = map();
        let mut p = Presentation::start(&map, 0).unwrap();
        p.spotlight(&map, SpotlightMove::Touchpoint(B)).unwrap();
        // The touchpoint moves to another stage: the spotlight goes off.
        map.touchpoints[1].stage = map.stages[1].id;
        p.reconcile(&map);
        assert_eq!(p.spotlight, None);
        // The last stages are deleted while the presentation is on the last one.
        p.go(&map, StageMove::Last).unwrap();
        map.stages.truncate(1);
        p.reconcile(&map);
        assert_eq!(p.stage, 0);
    }

    #[test]
    fn captures_are_recorded_once_and_must_be_on_the_map() {
        let mut map = map();
        let mut p = Presentation::start(&map, 0).unwrap();
        let card = Uuid::from_u128(500);
        assert_eq!(
            p.record_capture(&map, card),
            Err(PresentError::NoSuchCard { card })
        );
        map.lane_cards.push(LaneCard {
            id: card,
            lane: map.lanes[4].id,
            stage: map.stages[0].id,
            text: "Show delivery slots earlier".into(),
            notes: String::new(),
            tag: None,
        });
        p.record_capture(&map, card).unwrap();
        p.record_capture(&map, card).unwrap();
        assert_eq!(p.captured, vec![card]);
    }

    const T0: i64 = 1_800_000_000_000;

    #[test]
    fn a_timer_counts_down_from_its_deadline() {
        let mut t = Timer::new(300).unwrap();
        assert_eq!((t.is_running(), t.remaining(T0)), (false, 300_000));
        t.apply(TimerAction::Start, T0).unwrap();
        assert_eq!(t.deadline_ms, Some(T0 + 300_000));
        assert_eq!(t.remaining(T0 + 10_000), 290_000);
        // Starting again while it runs changes nothing.
        t.apply(TimerAction::Start, T0 + 10_000).unwrap();
        assert_eq!(t.deadline_ms, Some(T0 + 300_000));
        t.apply(TimerAction::Pause, T0 + 100_000).unwrap();
        assert_eq!((t.deadline_ms, t.remaining_ms), (None, 200_000));
        // Time passing while paused changes nothing.
        assert_eq!(t.remaining(T0 + 900_000), 200_000);
        t.apply(TimerAction::Start, T0 + 900_000).unwrap();
        assert_eq!(t.deadline_ms, Some(T0 + 1_100_000));
        assert!(!t.is_up(T0 + 1_099_999));
        assert!(t.is_up(T0 + 1_100_000));
        assert_eq!(t.remaining(T0 + 2_000_000), 0, "never below zero");
    }

    #[test]
    fn adding_a_minute() {
        let mut t = Timer::new(120).unwrap();
        t.apply(TimerAction::AddMinute, T0).unwrap();
        assert_eq!(t.remaining_ms, 180_000, "stopped: to the time left");
        t.apply(TimerAction::Start, T0).unwrap();
        t.apply(TimerAction::AddMinute, T0 + 30_000).unwrap();
        assert_eq!(
            t.remaining(T0 + 30_000),
            210_000,
            "running: to the deadline"
        );
        // After the time is up: one minute from now, not from the old deadline.
        t.apply(TimerAction::AddMinute, T0 + 600_000).unwrap();
        assert_eq!(t.deadline_ms, Some(T0 + 660_000));
        // Never past the longest timer.
        let mut long = Timer::new(MAX_TIMER_SECS).unwrap();
        long.apply(TimerAction::AddMinute, T0).unwrap();
        assert_eq!(long.remaining_ms, u64::from(MAX_TIMER_SECS) * 1000);
    }

    #[test]
    fn reset_set_and_restart_after_the_time_is_up() {
        let mut t = Timer::new(60).unwrap();
        t.apply(TimerAction::Start, T0).unwrap();
        t.apply(TimerAction::Pause, T0 + 70_000).unwrap();
        assert_eq!(t.remaining_ms, 0);
        // Start on a timer that is up runs the whole length again.
        t.apply(TimerAction::Start, T0 + 80_000).unwrap();
        assert_eq!(t.deadline_ms, Some(T0 + 140_000));
        t.apply(TimerAction::Reset, T0 + 90_000).unwrap();
        assert_eq!((t.deadline_ms, t.remaining_ms), (None, 60_000));
        t.apply(TimerAction::SetSeconds(600), T0).unwrap();
        assert_eq!((t.duration_ms, t.remaining_ms), (600_000, 600_000));
        let before = t.clone();
        for secs in [0, MAX_TIMER_SECS + 1] {
            assert_eq!(
                t.apply(TimerAction::SetSeconds(secs), T0),
                Err(PresentError::BadDuration {
                    secs,
                    max: MAX_TIMER_SECS
                })
            );
            assert_eq!(t, before, "a refused length changes nothing");
        }
    }

    #[test]
    fn moves_and_actions_have_the_json_the_ui_sends() {
        let cases: [(serde_json::Value, &str); 4] = [
            (serde_json::to_value(StageMove::Next).unwrap(), r#""next""#),
            (
                serde_json::to_value(StageMove::Index(2)).unwrap(),
                r#"{"index":2}"#,
            ),
            (
                serde_json::to_value(SpotlightMove::Touchpoint(A)).unwrap(),
                r#"{"touchpoint":"00000000-0000-0000-0000-000000000065"}"#,
            ),
            (
                serde_json::to_value(TimerAction::SetSeconds(90)).unwrap(),
                r#"{"set_seconds":90}"#,
            ),
        ];
        for (value, json) in cases {
            assert_eq!(value.to_string(), json);
        }
    }
}
