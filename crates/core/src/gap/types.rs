//! The gap report as data: what the CLI prints as JSON and the app sends to the UI.
//!
//! Counts are `u32` (saturating) and measures `f64`, because the TypeScript bindings cannot carry
//! 64-bit integers. Every list has a documented order. `docs/gaps.md` defines every figure.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::model::{Id, ScoreScale};

use super::mapping::MatchKind;
use super::Filter;

/// Everything the gap engine says about one map and its observed data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct GapReport {
    pub map: Id,
    /// The filter the data was read through.
    pub filter: Filter,
    /// Every segment the data names, whatever the filter kept, sorted: the choices of the
    /// segment filter. Empty when the data has no segment column.
    #[serde(default)]
    pub segments: Vec<String>,
    /// The scale whose thresholds split moments into adds / neutral / takes away.
    pub score_scale: ScoreScale,
    pub totals: Totals,
    /// Per touchpoint, in board order.
    pub touchpoints: Vec<TouchpointGap>,
    /// Per corridor step, in corridor order.
    pub corridor: Vec<StepReport>,
    /// Per stage, in stage order.
    pub stages: Vec<StageReport>,
    pub sweep: Sweep,
    pub experience: Experience,
    pub conformance: Conformance,
    /// Distinct activity sequences, most frequent first, ties by the activity names compared
    /// lexicographically; the first [`ReportOptions::max_variants`] of them
    /// (`totals.variants` says how many there are).
    ///
    /// [`ReportOptions::max_variants`]: super::ReportOptions::max_variants
    pub variants: Vec<VariantReport>,
    /// Directly-follows counts over activity names, most frequent first, ties by from, then to.
    pub dfg: Vec<DfgEdge>,
    /// How many cases start / end with each activity, by activity name.
    pub start_activities: Vec<ActivityCount>,
    pub end_activities: Vec<ActivityCount>,
    /// Every observed activity and the touchpoint it was matched to, by name.
    pub activities: Vec<ActivityMatch>,
    pub blind_spots: BlindSpots,
    pub channels: ChannelReport,
    /// Roll-ups per owner department and per control, in order of first appearance on the board.
    pub departments: Vec<RollUp>,
    pub control: Vec<RollUp>,
    /// Every touchpoint with a negative gap, highest impact first.
    pub priority: Vec<PriorityItem>,
}

/// Sizes of what was read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Totals {
    pub cases: u32,
    pub events: u32,
    /// Score-table rows kept by the filter.
    pub score_rows: u32,
    pub activities: u32,
    /// Distinct activity sequences (all of them, however many the report lists).
    pub variants: u32,
    pub excluded_cases: u32,
    pub excluded_events: u32,
    pub excluded_score_rows: u32,
    /// Cases none of whose events matched a touchpoint.
    pub cases_without_touchpoint: u32,
    /// Scores of matched events or rows outside the map's scale, left out of every figure.
    pub out_of_scale_scores: u32,
    /// Scores that were not finite numbers, left out.
    pub unusable_scores: u32,
    /// Events whose segment differs from their case's (the case's first segment counts).
    pub segment_conflicts: u32,
}

/// One touchpoint held against its observations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TouchpointGap {
    pub touchpoint: Id,
    pub title: String,
    pub stage: Id,
    pub moment_of_truth: bool,
    /// Events matched to it.
    pub events: u32,
    /// Cases with at least one such event.
    pub cases: u32,
    /// cases / all cases.
    pub reach: f64,
    /// Scored moments: event scores plus score-table rows, within the scale.
    pub observations: u32,
    pub event_scores: u32,
    pub table_scores: u32,
    pub mean: Option<f64>,
    pub median: Option<f64>,
    /// 10th percentile (linear interpolation, as numpy's default).
    pub p10: Option<f64>,
    pub target: Option<f64>,
    /// mean − target.
    pub gap: Option<f64>,
    pub adds_share: Option<f64>,
    pub neutral_share: Option<f64>,
    pub takes_away_share: Option<f64>,
    /// From its first corridor step: the expected and the median observed time from the
    /// previous step.
    pub expected_secs_from_previous: Option<u32>,
    pub median_secs_from_previous: Option<f64>,
}

/// One corridor step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StepReport {
    pub step: Id,
    pub touchpoint: Id,
    pub title: String,
    pub optional: bool,
    /// Cases whose alignment has a synchronous move on this step.
    pub executed: u32,
    /// Cases whose alignment has a move on model on it (skipped, out of order, dropped before,
    /// or an optional step not taken).
    pub not_executed: u32,
    pub expected_secs_from_previous: Option<u32>,
    /// Median over cases that executed both this step and the previous one, of the time
    /// between the two events, in seconds.
    pub median_secs_from_previous: Option<f64>,
    /// How many cases that median is over.
    pub timed_cases: u32,
    /// median − expected.
    pub difference_secs: Option<f64>,
}

/// One stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StageReport {
    pub stage: Id,
    pub name: String,
    /// Touchpoints designed in it.
    pub touchpoints: u32,
    /// Design coverage: it has at least one touchpoint.
    pub designed: bool,
    /// Data coverage: one of its touchpoints has an event or a score.
    pub observed: bool,
    /// Cases with an event on one of its touchpoints, and their share of all cases.
    pub cases: u32,
    pub reach: f64,
    /// Cases for which this is the furthest stage reached.
    pub ended_here: u32,
    /// Cases that reach this stage and never a later one (`ended_here`); none for the last stage.
    pub drop_off: Option<u32>,
    /// drop_off / cases.
    pub drop_off_share: Option<f64>,
    pub observations: u32,
    /// Mean of all observations of its touchpoints (observation-weighted).
    pub score: Option<f64>,
    /// Mean of its touchpoints' targets.
    pub target: Option<f64>,
    pub status: StageStatus,
}

/// Whether a stage meets its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum StageStatus {
    Met,
    BelowTarget,
    /// It has a target but no observations.
    NoData,
    /// None of its touchpoints has a target: it does not take part in the sweep.
    NoTarget,
}

/// A journey is won only when every stage with a target meets it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Sweep {
    pub won: bool,
    pub stages_met: u32,
    pub stages_with_target: u32,
    pub stages: u32,
    /// The stages that lose it, in stage order.
    pub losing: Vec<LosingStage>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LosingStage {
    pub stage: Id,
    pub name: String,
    pub status: StageStatus,
    pub score: Option<f64>,
    pub target: Option<f64>,
}

/// The journey experience score beside the mean score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Experience {
    pub moments: u32,
    pub adds: u32,
    pub neutral: u32,
    pub takes_away: u32,
    /// (adds − takes_away) / moments × 100, from −100 to 100.
    pub score: Option<f64>,
    /// Mean of the same moments.
    pub mean: Option<f64>,
}

/// Conformance of the cases to the corridor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Conformance {
    pub cases: u32,
    /// 1 − Σ cost / Σ worst-case cost, over cases.
    pub log_fitness: Option<f64>,
    /// Mean over cases of 1 − cost / worst-case cost.
    pub mean_case_fitness: Option<f64>,
    /// Share of cases with cost 0.
    pub fitting_case_share: Option<f64>,
    pub total_cost: f64,
    pub total_worst_cost: f64,
    pub follows: u32,
    pub dropped_out: u32,
    pub off_path: u32,
    /// Most cases first, then most occurrences, then kind, then label.
    pub deviations: Vec<Deviation>,
}

/// How a case relates to the corridor as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum CaseOutcome {
    Follows,
    DroppedOut,
    OffPath,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum DeviationKind {
    /// A required step missed before the case's last synchronous move.
    SkippedStep,
    /// Required steps missed after the last synchronous move: the case stopped; named by the
    /// first such step.
    DroppedOut,
    /// An activity on no corridor step (or matched to no touchpoint).
    UnexpectedActivity,
    /// A corridor activity done again (or more often than the corridor asks).
    Repeat,
    /// A corridor activity done, but not where the corridor has it.
    OutOfOrder,
}

/// One kind of deviation at one place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Deviation {
    pub kind: DeviationKind,
    /// The activity, for moves on log.
    pub activity: Option<String>,
    /// The corridor step, for moves on model.
    pub step: Option<Id>,
    pub touchpoint: Option<Id>,
    /// The activity name or the step's touchpoint title.
    pub label: String,
    /// Cases with at least one.
    pub cases: u32,
    pub occurrences: u32,
    /// A case that shows it.
    pub example_case: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct VariantReport {
    /// Activity names (shared between variants: a log may have many thousands).
    pub activities: Vec<Arc<str>>,
    pub count: u32,
    pub share: f64,
    pub cost: u32,
    pub worst_cost: u32,
    pub fitness: f64,
    pub outcome: CaseOutcome,
    pub example_case: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DfgEdge {
    pub from: String,
    pub to: String,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ActivityCount {
    pub activity: String,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ActivityMatch {
    pub activity: String,
    pub events: u32,
    pub cases: u32,
    pub touchpoint: Option<Id>,
    pub matched_by: Option<MatchKind>,
}

/// What the data shows that the design does not, and the reverse.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct BlindSpots {
    /// Observed activities matched to no touchpoint, most events first, then by name.
    pub unmatched_activities: Vec<UnmatchedName>,
    /// Score-table subjects matched to no touchpoint, most rows first, then by name.
    pub unmatched_subjects: Vec<UnmatchedName>,
    /// Designed touchpoints with no event and no score, in board order.
    pub unobserved_touchpoints: Vec<TouchpointRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct UnmatchedName {
    pub name: String,
    /// Events (activities) or rows (subjects).
    pub count: u32,
    /// Cases (activities; 0 for subjects).
    pub cases: u32,
    pub suggestion: Option<SuggestedTouchpoint>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SuggestedTouchpoint {
    pub touchpoint: Id,
    pub title: String,
    pub similarity: f64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
// Named apart from the diff's `TouchpointRef` in the TypeScript bindings (JSON unchanged).
#[serde(rename = "GapTouchpointRef")]
pub struct TouchpointRef {
    pub touchpoint: Id,
    pub title: String,
}

/// Channel use and switches between consecutive events of a case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ChannelReport {
    /// Events per channel, by channel name.
    pub channels: Vec<ChannelCount>,
    /// Consecutive event pairs where both events carry a channel.
    pub steps: u32,
    /// Of those, pairs whose channels differ.
    pub switches: u32,
    pub switch_share: Option<f64>,
    /// from → to counts of switches, most first, then by from, then to.
    pub matrix: Vec<ChannelSwitch>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ChannelCount {
    pub channel: String,
    pub events: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ChannelSwitch {
    pub from: String,
    pub to: String,
    pub count: u32,
}

/// The touchpoints of one owner department (or one kind of control), taken together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RollUp {
    /// The department (`marketing`, …, or a custom name) or the control (`owned`,
    /// `intermediary`).
    pub group: String,
    pub touchpoints: u32,
    /// Touchpoints with an event or a score.
    pub observed: u32,
    pub observations: u32,
    /// Mean of all their observations.
    pub mean: Option<f64>,
    /// Mean of their targets.
    pub target: Option<f64>,
    pub adds_share: Option<f64>,
    pub takes_away_share: Option<f64>,
    /// The experience score of their moments.
    pub experience: Option<f64>,
    pub negative_gaps: u32,
    /// Sum of the priority impact of their negative gaps.
    pub impact: f64,
}

/// A negative gap, ranked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PriorityItem {
    /// 1 is the most urgent.
    pub rank: u32,
    pub touchpoint: Id,
    pub title: String,
    pub stage: Id,
    pub owner: String,
    pub gap: f64,
    /// The reach used: the touchpoint's reach, or 1 for all when the data has no cases.
    pub reach: f64,
    /// 2 for a moment of truth, else 1.
    pub weight: f64,
    /// |gap| × reach × weight.
    pub impact: f64,
}
