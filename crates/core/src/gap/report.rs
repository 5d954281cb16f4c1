//! Layer 2: the gap report, computed from a map and [`Aggregates`] alone.

use serde::{Deserialize, Serialize};

use crate::data::Progress;
use crate::model::{JourneyMap, ScoreScale};

use super::aggregate::Aggregates;
use super::align::NO_LABEL;
use super::conformance::{self, ConformanceRun};
use super::mapping::{AliasIndex, MatchKind};
use super::observe::NO_TIME;
use super::rollup;
use super::stats::{c32, median_millis_as_secs, share, Distribution};
use super::types::*;
use super::GapError;

/// Adds, neutral and takes-away moments of a distribution on `scale`: a score adds when it is
/// at or above `adds_at_or_above`, otherwise takes away when at or below
/// `takes_away_at_or_below`, otherwise is neutral.
pub(crate) fn moments(d: &Distribution, scale: &ScoreScale) -> (u64, u64, u64) {
    let adds = d.count_where(|v| v >= scale.adds_at_or_above);
    let takes = d.count_where(|v| v < scale.adds_at_or_above && v <= scale.takes_away_at_or_below);
    (adds, d.count() - adds - takes, takes)
}

/// (adds − takes away) / moments × 100.
pub(crate) fn experience_score(d: &Distribution, scale: &ScoreScale) -> Option<f64> {
    let (adds, _, takes) = moments(d, scale);
    let n = d.count();
    (n > 0).then(|| (adds as f64 - takes as f64) / n as f64 * 100.0)
}

fn shares(d: &Distribution, scale: &ScoreScale) -> [Option<f64>; 3] {
    let n = d.count();
    let (a, m, t) = moments(d, scale);
    if n == 0 {
        return [None; 3];
    }
    [a, m, t].map(|x| Some(x as f64 / n as f64))
}

/// What a matched name contributes to one touchpoint.
#[derive(Debug, Clone, Default)]
pub(crate) struct Observed {
    pub events: u64,
    pub event_scores: Distribution,
    pub table_scores: Distribution,
    /// Both sources: the touchpoint's observations.
    pub all: Distribution,
    pub cases: u64,
}

/// Cases per touchpoint and per stage, from the variants.
struct Flow {
    tp_cases: Vec<u64>,
    stage_cases: Vec<u64>,
    ended_here: Vec<u64>,
    no_stage: u64,
}

fn flow(agg: &Aggregates, labels: &[u32], tp_stage: &[Option<usize>], stages: usize) -> Flow {
    let nt = tp_stage.len();
    let mut f = Flow {
        tp_cases: vec![0; nt],
        stage_cases: vec![0; stages],
        ended_here: vec![0; stages],
        no_stage: 0,
    };
    let mut tp_seen = vec![usize::MAX; nt];
    let mut stage_seen = vec![usize::MAX; stages];
    for (v, variant) in agg.variants.iter().enumerate() {
        let mut furthest: Option<usize> = None;
        for &a in variant.activities {
            let t = labels[a as usize];
            if t == NO_LABEL {
                continue;
            }
            let t = t as usize;
            if tp_seen[t] != v {
                tp_seen[t] = v;
                f.tp_cases[t] += variant.count;
            }
            if let Some(s) = tp_stage[t] {
                if stage_seen[s] != v {
                    stage_seen[s] = v;
                    f.stage_cases[s] += variant.count;
                }
                furthest = furthest.max(Some(s));
            }
        }
        match furthest {
            Some(s) => f.ended_here[s] += variant.count,
            None => f.no_stage += variant.count,
        }
    }
    f
}

/// For corridor step `k` (from the second on): the times, in milliseconds, from the previous
/// step's event to this step's, over cases whose alignment synchronises both steps. One
/// sequential pass over the variants' times per step, so memory stays at one value per case.
fn step_times(agg: &Aggregates, conf: &ConformanceRun, steps: usize, k: usize) -> Vec<i64> {
    let mut out = Vec::new();
    if k == 0 {
        return out;
    }
    let vs = &agg.variants;
    for (v, &a) in conf.alignment_of.iter().enumerate() {
        let a = a as usize;
        let (p, q) = (conf.synced[a * steps + k - 1], conf.synced[a * steps + k]);
        if p == NO_LABEL || q == NO_LABEL {
            continue;
        }
        let len = vs.offsets[v + 1] - vs.offsets[v];
        let times = &vs.times[vs.time_offsets[v]..vs.time_offsets[v + 1]];
        for case in times.chunks_exact(len) {
            let (tp, tq) = (case[p as usize], case[q as usize]);
            if tp != NO_TIME && tq != NO_TIME {
                out.push(tq - tp);
            }
        }
    }
    out
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0u32), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / f64::from(n))
}

/// How much the report lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReportOptions {
    /// How many variants `GapReport::variants` lists (the most frequent). Every figure
    /// (conformance, DFG, reach, …) covers all variants whatever this is.
    pub max_variants: u32,
}

impl Default for ReportOptions {
    fn default() -> ReportOptions {
        ReportOptions { max_variants: 1000 }
    }
}

impl ReportOptions {
    /// Every variant listed.
    pub fn all_variants() -> ReportOptions {
        ReportOptions {
            max_variants: u32::MAX,
        }
    }
}

/// The gap report of `map` against `agg`. Reports progress while aligning variants.
pub fn report(
    map: &JourneyMap,
    agg: &Aggregates,
    options: &ReportOptions,
    progress: &mut dyn Progress,
) -> Result<GapReport, GapError> {
    let index = AliasIndex::new(map);
    let scale = &map.score_scale;
    let nt = map.touchpoints.len();
    let act_match: Vec<Option<(usize, MatchKind)>> = agg
        .activities
        .iter()
        .map(|a| index.resolve(&a.name))
        .collect();
    let subj_match: Vec<Option<(usize, MatchKind)>> = agg
        .subjects
        .iter()
        .map(|s| index.resolve(&s.name))
        .collect();
    let labels: Vec<u32> = act_match
        .iter()
        .map(|m| m.map_or(NO_LABEL, |(t, _)| t as u32))
        .collect();

    let mut obs = vec![Observed::default(); nt];
    let mut out_of_scale = 0u64;
    let on_scale = |d: &Distribution| d.filter(|v| scale.contains(v));
    for (a, m) in agg.activities.iter().zip(&act_match) {
        if let Some((t, _)) = *m {
            let d = on_scale(&a.scores);
            out_of_scale += a.scores.count() - d.count();
            obs[t].events += a.events;
            obs[t].event_scores.merge(&d);
        }
    }
    for (s, m) in agg.subjects.iter().zip(&subj_match) {
        if let Some((t, _)) = *m {
            let d = on_scale(&s.scores);
            out_of_scale += s.scores.count() - d.count();
            obs[t].table_scores.merge(&d);
        }
    }
    let tp_stage: Vec<Option<usize>> = map
        .touchpoints
        .iter()
        .map(|t| map.stages.iter().position(|s| s.id == t.stage))
        .collect();
    let flow = flow(agg, &labels, &tp_stage, map.stages.len());
    for (t, o) in obs.iter_mut().enumerate() {
        o.all = o.event_scores.clone();
        o.all.merge(&o.table_scores);
        o.cases = flow.tp_cases[t];
    }

    let conf = conformance::run(map, agg, &labels, options.max_variants as usize, progress)?;
    let m = map.corridor.steps.len();
    let corridor: Vec<StepReport> = map
        .corridor
        .steps
        .iter()
        .enumerate()
        .map(|(k, step)| {
            let mut times = step_times(agg, &conf, m, k);
            let median = median_millis_as_secs(&mut times);
            let expected = step.expected_secs_from_previous;
            StepReport {
                step: step.id,
                touchpoint: step.touchpoint,
                title: map
                    .touchpoint(step.touchpoint)
                    .map(|t| t.title.clone())
                    .unwrap_or_default(),
                optional: step.optional,
                executed: c32(conf.executed[k]),
                not_executed: c32(conf.not_executed[k]),
                expected_secs_from_previous: expected,
                median_secs_from_previous: median,
                timed_cases: c32(times.len() as u64),
                difference_secs: median.zip(expected).map(|(o, e)| o - f64::from(e)),
            }
        })
        .collect();

    let touchpoints: Vec<TouchpointGap> = map
        .touchpoints
        .iter()
        .zip(&obs)
        .map(|(t, o)| {
            let first_step = corridor.iter().find(|s| s.touchpoint == t.id);
            let mean = o.all.mean();
            let [adds, neutral, takes] = shares(&o.all, scale);
            TouchpointGap {
                touchpoint: t.id,
                title: t.title.clone(),
                stage: t.stage,
                moment_of_truth: t.moment_of_truth,
                events: c32(o.events),
                cases: c32(o.cases),
                reach: share(o.cases, agg.cases),
                observations: c32(o.all.count()),
                event_scores: c32(o.event_scores.count()),
                table_scores: c32(o.table_scores.count()),
                mean,
                median: o.all.quantile(0.5),
                p10: o.all.quantile(0.1),
                target: t.target_score,
                gap: mean.zip(t.target_score).map(|(m, g)| m - g),
                adds_share: adds,
                neutral_share: neutral,
                takes_away_share: takes,
                expected_secs_from_previous: first_step.and_then(|s| s.expected_secs_from_previous),
                median_secs_from_previous: first_step.and_then(|s| s.median_secs_from_previous),
            }
        })
        .collect();

    let last_stage = map.stages.len().saturating_sub(1);
    let stages: Vec<StageReport> = map
        .stages
        .iter()
        .enumerate()
        .map(|(s, stage)| {
            let members: Vec<usize> = (0..nt).filter(|&t| tp_stage[t] == Some(s)).collect();
            let mut scores = Distribution::default();
            for &t in &members {
                scores.merge(&obs[t].all);
            }
            let score = scores.mean();
            let target = mean(
                members
                    .iter()
                    .filter_map(|&t| map.touchpoints[t].target_score),
            );
            let status = match (score, target) {
                (_, None) => StageStatus::NoTarget,
                (None, Some(_)) => StageStatus::NoData,
                (Some(x), Some(g)) if x >= g => StageStatus::Met,
                _ => StageStatus::BelowTarget,
            };
            let cases = flow.stage_cases[s];
            let drop_off = (s < last_stage).then_some(flow.ended_here[s]);
            StageReport {
                stage: stage.id,
                name: stage.name.clone(),
                touchpoints: members.len() as u32,
                designed: !members.is_empty(),
                observed: members
                    .iter()
                    .any(|&t| obs[t].events > 0 || obs[t].all.count() > 0),
                cases: c32(cases),
                reach: share(cases, agg.cases),
                ended_here: c32(flow.ended_here[s]),
                drop_off: drop_off.map(c32),
                drop_off_share: drop_off.filter(|_| cases > 0).map(|d| share(d, cases)),
                observations: c32(scores.count()),
                score,
                target,
                status,
            }
        })
        .collect();

    let with_target = stages
        .iter()
        .filter(|s| s.status != StageStatus::NoTarget)
        .count() as u32;
    let met = stages
        .iter()
        .filter(|s| s.status == StageStatus::Met)
        .count() as u32;
    let sweep = Sweep {
        won: with_target > 0 && met == with_target,
        stages_met: met,
        stages_with_target: with_target,
        stages: stages.len() as u32,
        losing: stages
            .iter()
            .filter(|s| matches!(s.status, StageStatus::BelowTarget | StageStatus::NoData))
            .map(|s| LosingStage {
                stage: s.stage,
                name: s.name.clone(),
                status: s.status,
                score: s.score,
                target: s.target,
            })
            .collect(),
    };

    let mut all = Distribution::default();
    for o in &obs {
        all.merge(&o.all);
    }
    let (adds, neutral, takes) = moments(&all, scale);
    let experience = Experience {
        moments: c32(all.count()),
        adds: c32(adds),
        neutral: c32(neutral),
        takes_away: c32(takes),
        score: experience_score(&all, scale),
        mean: all.mean(),
    };

    let name = |a: u32| agg.activities[a as usize].name.clone();
    let mut dfg: Vec<DfgEdge> = agg
        .dfg
        .iter()
        .map(|e| DfgEdge {
            from: name(e.from),
            to: name(e.to),
            count: c32(e.count),
        })
        .collect();
    dfg.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| (&a.from, &a.to).cmp(&(&b.from, &b.to)))
    });
    let counts = |list: &[(u32, u64)]| -> Vec<ActivityCount> {
        list.iter()
            .map(|&(a, n)| ActivityCount {
                activity: name(a),
                count: c32(n),
            })
            .collect()
    };
    let activities: Vec<ActivityMatch> = agg
        .activities
        .iter()
        .zip(&act_match)
        .map(|(a, m)| ActivityMatch {
            activity: a.name.clone(),
            events: c32(a.events),
            cases: c32(a.cases),
            touchpoint: m.map(|(t, _)| map.touchpoints[t].id),
            matched_by: m.map(|(_, k)| k),
        })
        .collect();

    let priority = rollup::priority(map, &touchpoints, agg.cases);
    let (departments, control) = rollup::roll_ups(map, &touchpoints, &obs, &priority);
    Ok(GapReport {
        map: map.id,
        filter: agg.filter.clone(),
        segments: agg.segments.clone(),
        score_scale: scale.clone(),
        totals: Totals {
            cases: c32(agg.cases),
            events: c32(agg.events),
            score_rows: c32(agg.subjects.iter().map(|s| s.rows).sum()),
            activities: c32(agg.activities.len() as u64),
            variants: c32(agg.variants.len() as u64),
            excluded_cases: c32(agg.excluded_cases),
            excluded_events: c32(agg.excluded_events),
            excluded_score_rows: c32(agg.excluded_score_rows),
            cases_without_touchpoint: c32(flow.no_stage),
            out_of_scale_scores: c32(out_of_scale),
            unusable_scores: c32(agg.unusable_scores),
            segment_conflicts: c32(agg.segment_conflicts),
        },
        touchpoints,
        corridor,
        stages,
        sweep,
        experience,
        conformance: conf.conformance,
        variants: conf.variants,
        dfg,
        start_activities: counts(&agg.start_activities),
        end_activities: counts(&agg.end_activities),
        activities,
        blind_spots: rollup::blind_spots(map, agg, &act_match, &subj_match, &index, &obs),
        channels: rollup::channels(agg),
        departments,
        control,
        priority,
    })
}
