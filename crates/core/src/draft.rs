//! Draft an as-is map from observed data alone, for analysts who have a log but no map yet.
//!
//! - one touchpoint per observed activity, titled and aliased by its name;
//! - the corridor is the most frequent variant (ties: the lexicographically smallest activity
//!   sequence), one step per activity occurrence;
//! - touchpoints are spread over the customer-lifecycle stages by their relative position: for
//!   an activity in that variant, its first position `i` of `n` gives stage `⌊i × S ÷ n⌋` of
//!   `S` stages; an activity outside it takes the count-weighted mean of its relative positions
//!   `i ÷ n` over every variant that holds it, mapped the same way.

use chrono::{DateTime, Utc};

use crate::gap::VariantReport;
use crate::model::{Channel, CorridorStep, Department, Id, JourneyMap, Touchpoint};
use crate::templates::Template;

/// The draft map. `variants` are the report's variants (all of them, most frequent first, ties
/// by the activity names lexicographically, as the gap report sorts them).
pub fn draft_map(
    id: Id,
    title: &str,
    variants: &[VariantReport],
    ids: &mut dyn FnMut() -> Id,
    now: DateTime<Utc>,
) -> JourneyMap {
    let mut map = Template::Lifecycle.instantiate(id, title, ids, now);
    map.description = format!(
        "Drafted from observed data: {} variants; the corridor is the most frequent one.",
        variants.len()
    );
    let stages = map.stages.len();
    // Each activity's relative positions, weighted by the variant's count, in first-seen order.
    let mut activities: Vec<(String, f64, f64)> = Vec::new();
    for v in variants {
        let n = v.activities.len().max(1) as f64;
        let mut seen: Vec<&str> = Vec::new();
        for (i, a) in v.activities.iter().enumerate() {
            if seen.contains(&a.as_ref()) {
                continue;
            }
            seen.push(a);
            let w = f64::from(v.count);
            match activities
                .iter_mut()
                .find(|(name, _, _)| name.as_str() == a.as_ref())
            {
                Some(entry) => {
                    entry.1 += w * (i as f64 / n);
                    entry.2 += w;
                }
                None => activities.push((a.to_string(), w * (i as f64 / n), w)),
            }
        }
    }
    let top = variants.first();
    let stage_of = |name: &str| -> usize {
        let relative = match top.and_then(|v| v.activities.iter().position(|a| a.as_ref() == name))
        {
            Some(i) => i as f64 / top.map_or(1, |v| v.activities.len().max(1)) as f64,
            None => activities
                .iter()
                .find(|(n, _, _)| n == name)
                .map_or(0.0, |(_, sum, weight)| sum / weight.max(f64::MIN_POSITIVE)),
        };
        ((relative * stages as f64).floor() as usize).min(stages - 1)
    };
    let mut placed: Vec<(usize, usize, Touchpoint)> = activities
        .iter()
        .enumerate()
        .map(|(order, (name, _, _))| {
            let stage = stage_of(name);
            let touchpoint = Touchpoint {
                channel: Channel::Other,
                owner: Department::Custom("to be assigned".into()),
                aliases: vec![name.clone()],
                ..Touchpoint::new(ids(), name.clone(), map.stages[stage].id)
            };
            (stage, order, touchpoint)
        })
        .collect();
    // Board order: by stage, then by where the top variant (or first sight) puts them.
    let rank = |t: &Touchpoint, order: usize| {
        top.and_then(|v| v.activities.iter().position(|a| a.as_ref() == t.title))
            .unwrap_or(usize::MAX / 2 + order)
    };
    placed.sort_by_key(|(stage, order, t)| (*stage, rank(t, *order)));
    map.touchpoints = placed.into_iter().map(|(_, _, t)| t).collect();
    if let Some(v) = top {
        for a in v.activities.iter() {
            if let Some(t) = map.touchpoints.iter().find(|t| t.title == a.as_ref()) {
                map.corridor.steps.push(CorridorStep {
                    id: ids(),
                    touchpoint: t.id,
                    optional: false,
                    expected_secs_from_previous: None,
                });
            }
        }
    }
    map
}
