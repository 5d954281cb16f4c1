//! Two reports of one map side by side (before / after, two windows or two segments).

use serde::{Deserialize, Serialize};

use crate::model::Id;

use super::types::GapReport;

/// Two reports and what changed from the first to the second. Every change is
/// `after − before`, `None` when either side has no value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct WindowComparison {
    pub before: GapReport,
    pub after: GapReport,
    /// Per touchpoint, in the board order of the first report.
    pub touchpoints: Vec<TouchpointChange>,
    pub experience_change: Option<f64>,
    pub mean_change: Option<f64>,
    pub log_fitness_change: Option<f64>,
    pub fitting_case_share_change: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
// Named apart from the diff's `TouchpointChange` in the TypeScript bindings (JSON unchanged).
#[serde(rename = "WindowTouchpointChange")]
pub struct TouchpointChange {
    pub touchpoint: Id,
    pub title: String,
    pub before_observations: u32,
    pub after_observations: u32,
    pub before_mean: Option<f64>,
    pub after_mean: Option<f64>,
    pub mean_change: Option<f64>,
    pub before_reach: f64,
    pub after_reach: f64,
    pub reach_change: f64,
    pub before_gap: Option<f64>,
    pub after_gap: Option<f64>,
}

fn change(before: Option<f64>, after: Option<f64>) -> Option<f64> {
    before.zip(after).map(|(b, a)| a - b)
}

/// Compares two reports of the same map.
pub fn compare(before: GapReport, after: GapReport) -> WindowComparison {
    let touchpoints = before
        .touchpoints
        .iter()
        .filter_map(|b| {
            let a = after
                .touchpoints
                .iter()
                .find(|a| a.touchpoint == b.touchpoint)?;
            Some(TouchpointChange {
                touchpoint: b.touchpoint,
                title: b.title.clone(),
                before_observations: b.observations,
                after_observations: a.observations,
                before_mean: b.mean,
                after_mean: a.mean,
                mean_change: change(b.mean, a.mean),
                before_reach: b.reach,
                after_reach: a.reach,
                reach_change: a.reach - b.reach,
                before_gap: b.gap,
                after_gap: a.gap,
            })
        })
        .collect();
    WindowComparison {
        touchpoints,
        experience_change: change(before.experience.score, after.experience.score),
        mean_change: change(before.experience.mean, after.experience.mean),
        log_fitness_change: change(
            before.conformance.log_fitness,
            after.conformance.log_fitness,
        ),
        fitting_case_share_change: change(
            before.conformance.fitting_case_share,
            after.conformance.fitting_case_share,
        ),
        before,
        after,
    }
}
