//! Figures and warnings computed from the strategy story: asset totals and the return ratio,
//! moments of truth that nothing in the plan covers, which disciplines the plan addresses, and
//! the initiative timeline grouped by department or stage with its overlaps.
//! Every formula is in `docs/story.md`.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{Id, JourneyMap};
use crate::outline::department_name;
use crate::story::{Discipline, Initiative, Story, WorkStatus};

/// What the assets cost and return, together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AssetTotals {
    pub cost: f64,
    pub expected_return: f64,
    /// expected return − cost
    pub net: f64,
    /// expected return ÷ cost; `None` when nothing costs anything.
    pub return_ratio: Option<f64>,
}

/// Sum the assets' costs and expected returns.
pub fn asset_totals(story: &Story) -> AssetTotals {
    let cost: f64 = story.assets.iter().map(|a| a.cost).sum();
    let expected_return: f64 = story.assets.iter().map(|a| a.expected_return).sum();
    AssetTotals {
        cost,
        expected_return,
        net: expected_return - cost,
        return_ratio: (cost > 0.0).then(|| expected_return / cost),
    }
}

/// Moments of truth that no initiative (through its touchpoints or gaps) and no KPI covers, in
/// board order. Dropped initiatives cover nothing.
pub fn uncovered_moments_of_truth(map: &JourneyMap) -> Vec<Id> {
    let story = &map.story;
    let covered = |id: Id| {
        story
            .initiatives
            .iter()
            .filter(|i| i.status != WorkStatus::Dropped)
            .any(|i| i.touchpoints.contains(&id) || i.gaps.contains(&id))
            || story.kpis.iter().any(|k| k.touchpoints.contains(&id))
    };
    map.touchpoints
        .iter()
        .filter(|t| t.moment_of_truth && !covered(t.id))
        .map(|t| t.id)
        .collect()
}

/// How Corridor knows whether a discipline is addressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum CoverageSource {
    /// Read from the map's content.
    Derived,
    /// The team's own mark.
    Marked,
}

/// Whether the plan addresses one discipline, and why Corridor says so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DisciplineCoverage {
    pub discipline: Discipline,
    pub addressed: bool,
    pub source: CoverageSource,
    /// What in the plan shows it, what is missing, or the team's note.
    pub evidence: String,
}

/// Which of the six disciplines the plan addresses. A team's mark wins over what the content
/// shows; without one, each discipline is derived from the content (rules in `docs/story.md`).
pub fn discipline_coverage(map: &JourneyMap) -> Vec<DisciplineCoverage> {
    Discipline::ALL
        .into_iter()
        .map(|discipline| {
            if let Some(mark) = map
                .story
                .discipline_marks
                .iter()
                .find(|m| m.discipline == discipline)
            {
                return DisciplineCoverage {
                    discipline,
                    addressed: mark.addressed,
                    source: CoverageSource::Marked,
                    evidence: mark.note.clone(),
                };
            }
            let (addressed, evidence) = derive(map, discipline);
            DisciplineCoverage {
                discipline,
                addressed,
                source: CoverageSource::Derived,
                evidence,
            }
        })
        .collect()
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn derive(map: &JourneyMap, discipline: Discipline) -> (bool, String) {
    let story = &map.story;
    match discipline {
        Discipline::Strategy => {
            let written = !story.narrative.opening.trim().is_empty()
                && !story.narrative.climax_solutions.trim().is_empty();
            match (story.style, written) {
                (Some(style), true) => (
                    true,
                    format!(
                        "{} style; the narrative has an opening and a climax",
                        style.label()
                    ),
                ),
                (None, _) => (false, "no strategic style chosen".into()),
                (Some(_), false) => (false, "the narrative lacks an opening or a climax".into()),
            }
        }
        Discipline::Intelligence => {
            let answered = story
                .data_questions
                .iter()
                .filter(|q| !q.answer.trim().is_empty() && !q.evidence.trim().is_empty())
                .count();
            if answered > 0 {
                (
                    true,
                    format!(
                        "{} answered with evidence",
                        plural(answered, "data question", "data questions")
                    ),
                )
            } else {
                (false, "no data question is answered with evidence".into())
            }
        }
        Discipline::Design => {
            let targeted = map
                .touchpoints
                .iter()
                .filter(|t| t.target_score.is_some())
                .count();
            let steps = map.corridor.steps.len();
            if targeted > 0 && steps > 0 {
                (
                    true,
                    format!(
                        "{} with a target score; a corridor of {}",
                        plural(targeted, "touchpoint", "touchpoints"),
                        plural(steps, "step", "steps")
                    ),
                )
            } else if steps == 0 {
                (false, "no corridor drawn".into())
            } else {
                (false, "no touchpoint has a target score".into())
            }
        }
        Discipline::Measurement => {
            let measured = story
                .kpis
                .iter()
                .filter(|k| k.baseline.is_some() && !k.touchpoints.is_empty())
                .count();
            if measured > 0 {
                (
                    true,
                    format!(
                        "{} with a baseline, tied to touchpoints",
                        plural(measured, "KPI", "KPIs")
                    ),
                )
            } else {
                (false, "no KPI has a baseline and linked touchpoints".into())
            }
        }
        Discipline::Connection => {
            // An initiative connects when the touchpoints it changes belong to more than one
            // department or more than one channel.
            let connecting = story
                .initiatives
                .iter()
                .filter(|i| i.status != WorkStatus::Dropped)
                .filter(|i| {
                    let tps: Vec<_> = i
                        .touchpoints
                        .iter()
                        .filter_map(|id| map.touchpoint(*id))
                        .collect();
                    let owners =
                        distinct(tps.iter().map(|t| department_name(&t.owner).to_string()));
                    let channels = distinct(tps.iter().map(|t| format!("{:?}", t.channel)));
                    owners > 1 || channels > 1
                })
                .count();
            if connecting > 0 {
                (
                    true,
                    format!(
                        "{} across departments or channels",
                        plural(connecting, "initiative works", "initiatives work")
                    ),
                )
            } else {
                (
                    false,
                    "no initiative spans more than one department or channel".into(),
                )
            }
        }
        Discipline::LiveOperation => {
            let running = story
                .initiatives
                .iter()
                .filter(|i| matches!(i.status, WorkStatus::InProgress | WorkStatus::Done))
                .count()
                + story
                    .weaknesses
                    .iter()
                    .filter(|w| w.status == WorkStatus::InProgress)
                    .count();
            if running > 0 {
                (
                    true,
                    format!(
                        "{} under way or done",
                        plural(running, "piece of work", "pieces of work")
                    ),
                )
            } else {
                (false, "nothing in the plan is under way yet".into())
            }
        }
    }
}

fn distinct(values: impl Iterator<Item = String>) -> usize {
    let mut v: Vec<String> = values.collect();
    v.sort();
    v.dedup();
    v.len()
}

/// How the timeline groups initiatives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum TimelineGrouping {
    Department,
    Stage,
}

/// One row group of the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TimelineGroup {
    pub label: String,
    /// The group's initiatives, by start date, then end date, then story order.
    pub initiatives: Vec<Id>,
    /// Pairs of initiatives in this group whose dates overlap (both ends inclusive).
    pub overlaps: Vec<[Id; 2]>,
}

/// The timeline: by the initiative's owner department, or by the stages of the touchpoints it
/// changes or answers the gaps of (an initiative then shows once per stage; one with none goes
/// under "No stage"). Department groups are in the order departments first appear in the story;
/// stage groups in stage order.
pub fn timeline(map: &JourneyMap, grouping: TimelineGrouping) -> Vec<TimelineGroup> {
    let story = &map.story;
    let mut groups: Vec<(String, Vec<&Initiative>)> = Vec::new();
    match grouping {
        TimelineGrouping::Department => {
            for init in &story.initiatives {
                let label = department_name(&init.owner).to_string();
                match groups.iter_mut().find(|(l, _)| *l == label) {
                    Some((_, list)) => list.push(init),
                    None => groups.push((label, vec![init])),
                }
            }
        }
        TimelineGrouping::Stage => {
            let mut by_stage: BTreeMap<usize, Vec<&Initiative>> = BTreeMap::new();
            let mut none = Vec::new();
            for init in &story.initiatives {
                let mut stages: Vec<usize> = init
                    .touchpoints
                    .iter()
                    .chain(&init.gaps)
                    .filter_map(|id| map.touchpoint(*id))
                    .filter_map(|t| map.stages.iter().position(|s| s.id == t.stage))
                    .collect();
                stages.sort_unstable();
                stages.dedup();
                if stages.is_empty() {
                    none.push(init);
                }
                for s in stages {
                    by_stage.entry(s).or_default().push(init);
                }
            }
            for (s, list) in by_stage {
                groups.push((map.stages[s].name.clone(), list));
            }
            if !none.is_empty() {
                groups.push(("No stage".into(), none));
            }
        }
    }
    groups
        .into_iter()
        .map(|(label, list)| group(label, list))
        .collect()
}

fn group(label: String, mut list: Vec<&Initiative>) -> TimelineGroup {
    list.sort_by_key(|i| (i.start, i.end));
    let mut overlaps = Vec::new();
    for (a, first) in list.iter().enumerate() {
        for second in &list[a + 1..] {
            if overlap((first.start, first.end), (second.start, second.end)) {
                overlaps.push([first.id, second.id]);
            }
        }
    }
    TimelineGroup {
        label,
        initiatives: list.iter().map(|i| i.id).collect(),
        overlaps,
    }
}

fn overlap(a: (NaiveDate, NaiveDate), b: (NaiveDate, NaiveDate)) -> bool {
    a.0 <= b.1 && b.0 <= a.1
}
