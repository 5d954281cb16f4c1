//! Conformance: each distinct variant aligned once against the corridor, its figures weighted
//! by the variant's count.

use std::sync::Arc;

use crate::data::{Flow, Progress};
use crate::model::JourneyMap;

use super::aggregate::Aggregates;
use super::align::{deviations, Aligner, ModelStep, Move, Outcome, NO_LABEL};
use super::intern::{FxMap, Interner};
use super::stats::c32;
use super::types::{CaseOutcome, Conformance, Deviation, DeviationKind, VariantReport};
use super::GapError;

/// How often (in variants) the alignment loop reports progress.
const PROGRESS_EVERY: usize = 4096;

pub(crate) struct ConformanceRun {
    pub conformance: Conformance,
    pub variants: Vec<VariantReport>,
    /// Per variant, the index of its alignment (variants with the same touchpoint sequence
    /// share one).
    pub alignment_of: Vec<u32>,
    /// Per alignment, per corridor step: the trace position synchronised with the step, or
    /// `NO_LABEL`. Row-major, `alignments × steps`.
    pub synced: Vec<u32>,
    /// Per corridor step: cases with a synchronous move on it, and with a move on model.
    pub executed: Vec<u64>,
    pub not_executed: Vec<u64>,
}

/// What is kept of one alignment: its figures and its deviations, each named by a trace
/// position (moves on log) or a step (moves on model), in `found[found_from..found_to]`.
struct Aligned {
    cost: u32,
    worst: u32,
    fitness: f64,
    outcome: Outcome,
    found_to: usize,
}

struct Tally {
    cases: u64,
    occurrences: u64,
    example: usize,
}

fn outcome(o: Outcome) -> CaseOutcome {
    match o {
        Outcome::Follows => CaseOutcome::Follows,
        Outcome::DroppedOut => CaseOutcome::DroppedOut,
        Outcome::OffPath => CaseOutcome::OffPath,
    }
}

/// The corridor as a model over touchpoint indices.
pub(crate) fn model(map: &JourneyMap) -> Vec<ModelStep> {
    map.corridor
        .steps
        .iter()
        .map(|s| ModelStep {
            label: map
                .touchpoints
                .iter()
                .position(|t| t.id == s.touchpoint)
                .map_or(NO_LABEL, |i| i as u32),
            optional: s.optional,
        })
        .collect()
}

/// `labels[a]` is the touchpoint index activity `a` matched, or `NO_LABEL`.
pub(crate) fn run(
    map: &JourneyMap,
    agg: &Aggregates,
    labels: &[u32],
    max_variants: usize,
    progress: &mut dyn Progress,
) -> Result<ConformanceRun, GapError> {
    let model = model(map);
    let m = model.len();
    let mut aligner = Aligner::default();
    let mut trace: Vec<u32> = Vec::new();
    let mut synced: Vec<u32> = Vec::new();
    let mut alignment_of: Vec<u32> = Vec::with_capacity(agg.variants.len());
    let mut executed = vec![0u64; m];
    let mut not_executed = vec![0u64; m];
    let (mut cost, mut worst, mut fitness_sum) = (0f64, 0f64, 0f64);
    let (mut fitting, mut follows, mut dropped, mut off) = (0u64, 0u64, 0u64, 0u64);
    let mut tallies: FxMap<(DeviationKind, u32), Tally> = FxMap::default();
    let mut found: Vec<(DeviationKind, u32)> = Vec::new();
    let mut named: Vec<(DeviationKind, u32)> = Vec::new();
    let mut variants = Vec::with_capacity(agg.variants.len().min(max_variants));
    let names: Vec<Arc<str>> = agg
        .activities
        .iter()
        .map(|a| a.name.as_str().into())
        .collect();
    let mut cases_done = 0u64;
    let mut seen: Interner<Vec<u32>> = Interner::default();
    let mut aligned: Vec<Aligned> = Vec::new();

    for (v, variant) in agg.variants.iter().enumerate() {
        if v % PROGRESS_EVERY == 0 && v > 0 {
            let total = Some(agg.variants.len() as u64);
            if progress.advance(v as u64, total, cases_done) == Flow::Cancel {
                return Err(GapError::Cancelled);
            }
        }
        let n = variant.count;
        cases_done += n;
        trace.clear();
        trace.extend(variant.activities.iter().map(|&a| labels[a as usize]));
        // Variants that differ only in names of the same touchpoints align alike.
        let (key, new) = seen.intern(&trace);
        if new {
            let a = aligner.align(&trace, &model);
            let d = deviations(&a, &trace, &model);
            let row = synced.len();
            synced.resize(row + m, NO_LABEL);
            for mv in &a.moves {
                if let Move::Sync { event, step } = *mv {
                    synced[row + step as usize] = event;
                }
            }
            found.extend(
                d.skipped_steps
                    .iter()
                    .map(|&s| (DeviationKind::SkippedStep, s)),
            );
            found.extend(d.dropped_before.map(|s| (DeviationKind::DroppedOut, s)));
            found.extend(
                d.unexpected
                    .iter()
                    .map(|&e| (DeviationKind::UnexpectedActivity, e)),
            );
            found.extend(d.repeats.iter().map(|&e| (DeviationKind::Repeat, e)));
            found.extend(
                d.out_of_order
                    .iter()
                    .map(|&e| (DeviationKind::OutOfOrder, e)),
            );
            aligned.push(Aligned {
                cost: a.cost,
                worst: a.worst,
                fitness: a.fitness(),
                outcome: d.outcome(a.cost),
                found_to: found.len(),
            });
        }
        alignment_of.push(key);
        let al = &aligned[key as usize];
        cost += (u64::from(al.cost) * n) as f64;
        worst += (u64::from(al.worst) * n) as f64;
        fitness_sum += al.fitness * n as f64;
        if al.cost == 0 {
            fitting += n;
        }
        match al.outcome {
            Outcome::Follows => follows += n,
            Outcome::DroppedOut => dropped += n,
            Outcome::OffPath => off += n,
        }
        let row = &synced[key as usize * m..(key as usize + 1) * m];
        for (k, &event) in row.iter().enumerate() {
            if event == NO_LABEL {
                not_executed[k] += n;
            } else {
                executed[k] += n;
            }
        }

        // Name each deviation: moves on log by their activity, moves on model by their step.
        let from = if key == 0 {
            0
        } else {
            aligned[key as usize - 1].found_to
        };
        named.clear();
        named.extend(
            found[from..al.found_to]
                .iter()
                .map(|&(kind, at)| match kind {
                    DeviationKind::SkippedStep | DeviationKind::DroppedOut => (kind, at),
                    _ => (kind, variant.activities[at as usize]),
                }),
        );
        named.sort_unstable();
        for run in named.chunk_by(|x, y| x == y) {
            let t = tallies.entry(run[0]).or_insert(Tally {
                cases: 0,
                occurrences: 0,
                example: v,
            });
            t.cases += n;
            t.occurrences += run.len() as u64 * n;
        }

        if v >= max_variants {
            continue;
        }
        variants.push(VariantReport {
            activities: variant
                .activities
                .iter()
                .map(|&x| names[x as usize].clone())
                .collect(),
            count: c32(n),
            share: if agg.cases == 0 {
                0.0
            } else {
                n as f64 / agg.cases as f64
            },
            cost: al.cost,
            worst_cost: al.worst,
            fitness: al.fitness,
            outcome: outcome(al.outcome),
            example_case: variant.example_case.to_string(),
        });
    }

    let total = agg.variants.len() as u64;
    if progress.advance(total, Some(total), cases_done) == Flow::Cancel {
        return Err(GapError::Cancelled);
    }

    let title = |t: u32| {
        map.touchpoints
            .get(t as usize)
            .map_or_else(|| "(unknown touchpoint)".to_string(), |t| t.title.clone())
    };
    let tp_id = |t: u32| map.touchpoints.get(t as usize).map(|t| t.id);
    let mut deviations: Vec<Deviation> = tallies
        .into_iter()
        .map(|((kind, subject), t)| {
            let example_case = agg.variants.get(t.example).example_case.to_string();
            let (cases, occurrences) = (c32(t.cases), c32(t.occurrences));
            match kind {
                DeviationKind::SkippedStep | DeviationKind::DroppedOut => {
                    let step = &map.corridor.steps[subject as usize];
                    let label = model[subject as usize].label;
                    Deviation {
                        kind,
                        activity: None,
                        step: Some(step.id),
                        touchpoint: Some(step.touchpoint),
                        label: title(label),
                        cases,
                        occurrences,
                        example_case,
                    }
                }
                _ => {
                    let name = agg.activities[subject as usize].name.clone();
                    Deviation {
                        kind,
                        activity: Some(name.clone()),
                        step: None,
                        touchpoint: tp_id(labels[subject as usize]),
                        label: name,
                        cases,
                        occurrences,
                        example_case,
                    }
                }
            }
        })
        .collect();
    deviations.sort_by(|a, b| {
        (b.cases, b.occurrences)
            .cmp(&(a.cases, a.occurrences))
            .then_with(|| (a.kind, &a.label).cmp(&(b.kind, &b.label)))
    });

    let cases = agg.cases;
    let some = |x: f64| if cases == 0 { None } else { Some(x) };
    let log_fitness = if worst > 0.0 { 1.0 - cost / worst } else { 1.0 };
    let conformance = Conformance {
        cases: c32(cases),
        log_fitness: some(log_fitness),
        mean_case_fitness: some(fitness_sum / cases as f64),
        fitting_case_share: some(fitting as f64 / cases as f64),
        total_cost: cost,
        total_worst_cost: worst,
        follows: c32(follows),
        dropped_out: c32(dropped),
        off_path: c32(off),
        deviations,
    };
    Ok(ConformanceRun {
        conformance,
        variants,
        alignment_of,
        synced,
        executed,
        not_executed,
    })
}
