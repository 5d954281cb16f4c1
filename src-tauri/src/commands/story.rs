//! The strategy story's computed figures: asset totals and the return ratio, the moments of truth
//! nothing covers, discipline coverage and the initiative timeline. Each is a pure
//! `corridor_core::strategy` call over the stored map; the story itself changes through
//! `maps_edit` like everything else.

use corridor_core::strategy::{
    self, AssetTotals, DisciplineCoverage, TimelineGroup, TimelineGrouping,
};
use corridor_core::Id;
use serde::Serialize;
use tauri::State;

use crate::error::AppError;
use crate::state::AppState;

/// What the Story view shows beside what the team wrote.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct StoryFigures {
    pub totals: AssetTotals,
    /// Moments of truth that no initiative or KPI covers, in board order.
    pub uncovered_moments_of_truth: Vec<Id>,
    pub discipline_coverage: Vec<DisciplineCoverage>,
    pub timeline: Vec<TimelineGroup>,
}

/// The story's figures for the map as stored now, the timeline grouped by `grouping`.
#[tauri::command]
#[specta::specta]
pub async fn story_figures(
    state: State<'_, AppState>,
    id: Id,
    grouping: TimelineGrouping,
) -> Result<StoryFigures, AppError> {
    let map = state.workspace()?.get(id)?;
    Ok(StoryFigures {
        totals: strategy::asset_totals(&map.story),
        uncovered_moments_of_truth: strategy::uncovered_moments_of_truth(&map),
        discipline_coverage: strategy::discipline_coverage(&map),
        timeline: strategy::timeline(&map, grouping),
    })
}
