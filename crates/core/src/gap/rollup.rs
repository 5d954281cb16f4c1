//! The report's lists across touchpoints: blind spots, channel switches, roll-ups, priority.

use crate::model::{Control, Department, JourneyMap};

use super::aggregate::Aggregates;
use super::mapping::{AliasIndex, MatchKind};
use super::report::{experience_score, moments, Observed};
use super::stats::{c32, Distribution};
use super::types::*;

/// A department as the report names it: its file-format name, or the custom name.
pub(crate) fn department_name(d: &Department) -> String {
    match serde_json::to_value(d) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(serde_json::Value::Object(o)) => o
            .get("custom")
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string(),
        _ => format!("{d:?}"),
    }
}

fn control_name(c: Control) -> String {
    match c {
        Control::Owned => "owned".into(),
        Control::Intermediary => "intermediary".into(),
    }
}

pub(crate) fn blind_spots(
    map: &JourneyMap,
    agg: &Aggregates,
    act_match: &[Option<(usize, MatchKind)>],
    subj_match: &[Option<(usize, MatchKind)>],
    index: &AliasIndex<'_>,
    obs: &[Observed],
) -> BlindSpots {
    let suggest = |name: &str| {
        index.suggest(name).map(|s| SuggestedTouchpoint {
            touchpoint: map.touchpoints[s.touchpoint].id,
            title: map.touchpoints[s.touchpoint].title.clone(),
            similarity: s.similarity,
        })
    };
    let by_count = |a: &UnmatchedName, b: &UnmatchedName| {
        b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name))
    };
    let mut unmatched_activities: Vec<UnmatchedName> = agg
        .activities
        .iter()
        .zip(act_match)
        .filter(|(_, m)| m.is_none())
        .map(|(a, _)| UnmatchedName {
            name: a.name.clone(),
            count: c32(a.events),
            cases: c32(a.cases),
            suggestion: suggest(&a.name),
        })
        .collect();
    unmatched_activities.sort_by(by_count);
    let mut unmatched_subjects: Vec<UnmatchedName> = agg
        .subjects
        .iter()
        .zip(subj_match)
        .filter(|(_, m)| m.is_none())
        .map(|(s, _)| UnmatchedName {
            name: s.name.clone(),
            count: c32(s.rows),
            cases: 0,
            suggestion: suggest(&s.name),
        })
        .collect();
    unmatched_subjects.sort_by(by_count);
    let unobserved_touchpoints = map
        .touchpoints
        .iter()
        .zip(obs)
        .filter(|(_, o)| o.events == 0 && o.all.count() == 0)
        .map(|(t, _)| TouchpointRef {
            touchpoint: t.id,
            title: t.title.clone(),
        })
        .collect();
    BlindSpots {
        unmatched_activities,
        unmatched_subjects,
        unobserved_touchpoints,
    }
}

pub(crate) fn channels(agg: &Aggregates) -> ChannelReport {
    let name = |c: u32| agg.channels[c as usize].name.clone();
    let switches: u64 = agg.channel_switches.iter().map(|e| e.count).sum();
    let mut matrix: Vec<ChannelSwitch> = agg
        .channel_switches
        .iter()
        .map(|e| ChannelSwitch {
            from: name(e.from),
            to: name(e.to),
            count: c32(e.count),
        })
        .collect();
    matrix.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| (&a.from, &a.to).cmp(&(&b.from, &b.to)))
    });
    ChannelReport {
        channels: agg
            .channels
            .iter()
            .map(|c| ChannelCount {
                channel: c.name.clone(),
                events: c32(c.events),
            })
            .collect(),
        steps: c32(agg.channel_steps),
        switches: c32(switches),
        switch_share: (agg.channel_steps > 0).then(|| switches as f64 / agg.channel_steps as f64),
        matrix,
    }
}

/// Every negative gap, ranked by impact = |gap| × reach × weight (weight 2 for a moment of
/// truth, else 1); ties by larger |gap|, then board order. Without any case in the data, reach
/// is taken as 1 for every touchpoint.
pub(crate) fn priority(
    map: &JourneyMap,
    touchpoints: &[TouchpointGap],
    cases: u64,
) -> Vec<PriorityItem> {
    let mut items: Vec<(usize, PriorityItem)> = touchpoints
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            let gap = t.gap.filter(|g| *g < 0.0)?;
            let reach = if cases == 0 { 1.0 } else { t.reach };
            let weight = if t.moment_of_truth { 2.0 } else { 1.0 };
            Some((
                i,
                PriorityItem {
                    rank: 0,
                    touchpoint: t.touchpoint,
                    title: t.title.clone(),
                    stage: t.stage,
                    owner: department_name(&map.touchpoints[i].owner),
                    gap,
                    reach,
                    weight,
                    impact: gap.abs() * reach * weight,
                },
            ))
        })
        .collect();
    items.sort_by(|(i, a), (j, b)| {
        b.impact
            .total_cmp(&a.impact)
            .then_with(|| b.gap.abs().total_cmp(&a.gap.abs()))
            .then_with(|| i.cmp(j))
    });
    items
        .into_iter()
        .enumerate()
        .map(|(r, (_, mut p))| {
            p.rank = r as u32 + 1;
            p
        })
        .collect()
}

/// Roll-ups per owner department and per control.
pub(crate) fn roll_ups(
    map: &JourneyMap,
    touchpoints: &[TouchpointGap],
    obs: &[Observed],
    priority: &[PriorityItem],
) -> (Vec<RollUp>, Vec<RollUp>) {
    let departments: Vec<String> = map
        .touchpoints
        .iter()
        .map(|t| department_name(&t.owner))
        .collect();
    let controls: Vec<String> = map
        .touchpoints
        .iter()
        .map(|t| control_name(t.control))
        .collect();
    let by = |keys: &[String]| -> Vec<RollUp> {
        let mut groups: Vec<&String> = Vec::new();
        for k in keys {
            if !groups.contains(&k) {
                groups.push(k);
            }
        }
        groups
            .into_iter()
            .map(|g| {
                let members: Vec<usize> = (0..keys.len()).filter(|&i| &keys[i] == g).collect();
                roll_up(g, &members, map, touchpoints, obs, priority)
            })
            .collect()
    };
    (by(&departments), by(&controls))
}

fn roll_up(
    group: &str,
    members: &[usize],
    map: &JourneyMap,
    touchpoints: &[TouchpointGap],
    obs: &[Observed],
    priority: &[PriorityItem],
) -> RollUp {
    let scale = &map.score_scale;
    let mut all = Distribution::default();
    for &i in members {
        all.merge(&obs[i].all);
    }
    let n = all.count();
    let (adds, _, takes) = moments(&all, scale);
    let targets: Vec<f64> = members
        .iter()
        .filter_map(|&i| map.touchpoints[i].target_score)
        .collect();
    let ids: Vec<_> = members.iter().map(|&i| touchpoints[i].touchpoint).collect();
    let negative: Vec<&PriorityItem> = priority
        .iter()
        .filter(|p| ids.contains(&p.touchpoint))
        .collect();
    RollUp {
        group: group.to_string(),
        touchpoints: members.len() as u32,
        observed: members
            .iter()
            .filter(|&&i| obs[i].events > 0 || obs[i].all.count() > 0)
            .count() as u32,
        observations: c32(n),
        mean: all.mean(),
        target: (!targets.is_empty()).then(|| targets.iter().sum::<f64>() / targets.len() as f64),
        adds_share: (n > 0).then(|| adds as f64 / n as f64),
        takes_away_share: (n > 0).then(|| takes as f64 / n as f64),
        experience: experience_score(&all, scale),
        negative_gaps: negative.len() as u32,
        impact: negative.iter().map(|p| p.impact).sum(),
    }
}
