//! Properties of the gap engine on random corridors, traces and logs.

use corridor_core::data::{EventSink, Quiet, RawEvent};
use corridor_core::gap::align::{deviations, Aligner, ModelStep, Outcome, NO_LABEL};
use corridor_core::gap::*;
use proptest::prelude::*;

use crate::gap_fixture::map;

fn arb_model() -> impl Strategy<Value = Vec<ModelStep>> {
    prop::collection::vec((0..4u32, any::<bool>()), 0..7).prop_map(|steps| {
        steps
            .into_iter()
            .map(|(label, optional)| ModelStep { label, optional })
            .collect()
    })
}

/// Labels 0..4, and 4 for an activity matched to no touchpoint.
fn arb_trace() -> impl Strategy<Value = Vec<u32>> {
    prop::collection::vec(0..5u32, 0..9).prop_map(|t| {
        t.into_iter()
            .map(|l| if l == 4 { NO_LABEL } else { l })
            .collect()
    })
}

fn lcs(a: &[u32], b: &[u32]) -> usize {
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            d[i][j] = if a[i - 1] != NO_LABEL && a[i - 1] == b[j - 1] {
                d[i - 1][j - 1] + 1
            } else {
                d[i - 1][j].max(d[i][j - 1])
            };
        }
    }
    d[a.len()][b.len()]
}

/// The cheapest alignment by brute force: over every run of the model (each optional step
/// taken or not), moves on log and on model are what the longest common subsequence leaves.
fn oracle(trace: &[u32], model: &[ModelStep]) -> u32 {
    let optional: Vec<usize> = (0..model.len()).filter(|&k| model[k].optional).collect();
    (0u32..1 << optional.len())
        .map(|mask| {
            let run: Vec<u32> = (0..model.len())
                .filter(|&k| {
                    !model[k].optional
                        || mask & (1 << optional.iter().position(|&o| o == k).unwrap()) != 0
                })
                .map(|k| model[k].label)
                .collect();
            (trace.len() + run.len() - 2 * lcs(trace, &run)) as u32
        })
        .min()
        .unwrap_or(trace.len() as u32)
}

/// An event: case 0..8, activity, hour, channel, score.
type Ev = (u8, usize, u8, Option<u8>, Option<u8>);

const ACTIVITIES: [&str; 6] = [
    "ad_click",
    "checkout",
    "delivered",
    "support_call",
    "FAQ viewed",
    "Checks out online",
];
const CHANNELS: [&str; 3] = ["web", "phone", "email"];

fn arb_log() -> impl Strategy<Value = Vec<Ev>> {
    prop::collection::vec(
        (
            0..8u8,
            0..ACTIVITIES.len(),
            0..30u8,
            prop::option::of(0..3u8),
            prop::option::of(0..7u8),
        ),
        0..60,
    )
}

fn collect(events: &[Ev]) -> ObservedLog {
    let mut c = Collector::new();
    for (line, &(case, a, hour, channel, score)) in events.iter().enumerate() {
        let case = format!("case{case}");
        c.event(&RawEvent {
            case: &case,
            activity: ACTIVITIES[a],
            timestamp: Some(i64::from(hour) * 3_600_000),
            channel: channel.map(|c| CHANNELS[c as usize]),
            score: score.map(f64::from),
            segment: Some(if case.ends_with('1') { "b" } else { "a" }),
            line: line as u64 + 1,
        });
    }
    c.finish(&mut Quiet).unwrap()
}

/// The same events, with the cases interleaved differently (each case's own order kept).
fn interleave(events: &[Ev], picks: &[u8]) -> Vec<Ev> {
    let mut per_case: Vec<std::collections::VecDeque<Ev>> = vec![Default::default(); 8];
    for &e in events {
        per_case[e.0 as usize].push_back(e);
    }
    let mut out = Vec::with_capacity(events.len());
    let mut p = picks.iter().cycle();
    while out.len() < events.len() {
        let open: Vec<usize> = (0..8).filter(|&c| !per_case[c].is_empty()).collect();
        let k = open[*p.next().unwrap_or(&0) as usize % open.len()];
        out.extend(per_case[k].pop_front());
    }
    out
}

fn without_examples(mut r: GapReport) -> GapReport {
    for v in &mut r.variants {
        v.example_case.clear();
    }
    for d in &mut r.conformance.deviations {
        d.example_case.clear();
    }
    r
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Dynamic programming finds the cheapest alignment; fitness stays in [0, 1]; only a
    /// cost-0 case follows.
    #[test]
    fn alignment_is_optimal_and_bounded(trace in arb_trace(), model in arb_model()) {
        let a = Aligner::default().align(&trace, &model);
        prop_assert_eq!(a.cost, oracle(&trace, &model));
        prop_assert!(a.cost <= a.worst);
        let f = a.fitness();
        prop_assert!((0.0..=1.0).contains(&f));
        let d = deviations(&a, &trace, &model);
        prop_assert_eq!(d.outcome(a.cost) == Outcome::Follows, a.cost == 0);
        // Each trace event and each step appears in exactly one move.
        let events = a.moves.iter().filter(|m| !matches!(m, align::Move::Model { .. })).count();
        let steps = a.moves.iter().filter(|m| !matches!(m, align::Move::Log { .. })).count();
        prop_assert_eq!((events, steps), (trace.len(), model.len()));
        if d.outcome(a.cost) == Outcome::DroppedOut {
            prop_assert!(d.dropped_before.is_some());
        }
    }

    /// A trace that takes every required step in order, and any optional ones, fits exactly.
    #[test]
    fn following_the_corridor_fits_exactly(
        model in arb_model(),
        take in prop::collection::vec(any::<bool>(), 7),
    ) {
        let trace: Vec<u32> = model
            .iter()
            .zip(&take)
            .filter(|(s, t)| !s.optional || **t)
            .map(|(s, _)| s.label)
            .collect();
        let a = Aligner::default().align(&trace, &model);
        prop_assert_eq!(a.cost, 0);
        prop_assert_eq!(a.fitness(), 1.0);
    }

    /// Cases that follow the example's corridor give fitness 1 through the whole engine.
    #[test]
    fn following_cases_fit_through_the_engine(cases in prop::collection::vec((any::<bool>(), any::<bool>()), 1..20)) {
        let mut c = Collector::new();
        for (i, &(title, support)) in cases.iter().enumerate() {
            let case = format!("{i}");
            let mut acts = vec!["ad_click", if title { "Checks out online" } else { "checkout" }, "delivered"];
            if support {
                acts.push("support_call");
            }
            for (k, a) in acts.into_iter().enumerate() {
                c.event(&RawEvent { case: &case, activity: a, timestamp: Some(k as i64), channel: None, score: None, segment: None, line: 0 });
            }
        }
        let r = gap_report(&map(), &c.finish(&mut Quiet).unwrap(), &Filter::all(), &mut Quiet).unwrap();
        prop_assert_eq!(r.conformance.log_fitness, Some(1.0));
        prop_assert_eq!(r.conformance.mean_case_fitness, Some(1.0));
        prop_assert_eq!(r.conformance.fitting_case_share, Some(1.0));
        prop_assert_eq!(r.conformance.follows as usize, cases.len());
        prop_assert!(r.variants.iter().all(|v| v.fitness == 1.0));
    }

    /// Counts that must add up, on random logs.
    #[test]
    fn totals_add_up(events in arb_log()) {
        let log = collect(&events);
        let r = gap_report(&map(), &log, &Filter::all(), &mut Quiet).unwrap();
        let cases = r.totals.cases;
        prop_assert_eq!(r.totals.events as usize, events.len());
        prop_assert_eq!(r.variants.iter().map(|v| v.count).sum::<u32>(), cases);
        let follows: u32 = r.dfg.iter().map(|e| e.count).sum();
        let lens: usize = r.variants.iter().map(|v| (v.activities.len() - 1) * v.count as usize).sum();
        prop_assert_eq!(follows as usize, lens);
        prop_assert_eq!(follows, r.totals.events - cases);
        let ended: u32 = r.stages.iter().map(|s| s.ended_here).sum();
        prop_assert_eq!(ended + r.totals.cases_without_touchpoint, cases);
        for s in &r.stages {
            prop_assert!(s.ended_here <= s.cases);
            if let Some(x) = s.drop_off_share {
                prop_assert!((0.0..=1.0).contains(&x));
            }
        }
        let c = &r.conformance;
        prop_assert_eq!(c.follows + c.dropped_out + c.off_path, cases);
        if cases > 0 {
            prop_assert_eq!(c.fitting_case_share, Some(f64::from(c.follows) / f64::from(cases)));
            for x in [c.log_fitness, c.mean_case_fitness] {
                prop_assert!((0.0..=1.0).contains(&x.unwrap()));
            }
        }
        for s in &r.corridor {
            prop_assert_eq!(s.executed + s.not_executed, cases);
        }
        for t in &r.touchpoints {
            prop_assert!((0.0..=1.0).contains(&t.reach));
            let shares = [t.adds_share, t.neutral_share, t.takes_away_share];
            if t.observations > 0 {
                let sum: f64 = shares.iter().map(|s| s.unwrap()).sum();
                prop_assert!((sum - 1.0).abs() < 1e-12);
                prop_assert!(t.p10 <= t.median && t.median.unwrap() <= 5.0);
            }
        }
        if let Some(x) = r.experience.score {
            prop_assert!((-100.0..=100.0).contains(&x));
        }
        let switches: u32 = r.channels.matrix.iter().map(|s| s.count).sum();
        prop_assert_eq!(switches, r.channels.switches);
        prop_assert!(switches <= r.channels.steps);
        for p in r.priority.windows(2) {
            prop_assert!(p[0].impact >= p[1].impact);
        }
        // Segments split the cases.
        let a = log.aggregate(&Filter { segment: Some("a".into()), ..Filter::all() }, &mut Quiet).unwrap();
        let b = log.aggregate(&Filter { segment: Some("b".into()), ..Filter::all() }, &mut Quiet).unwrap();
        prop_assert_eq!(a.cases + b.cases, u64::from(cases));
    }

    /// The report does not depend on how the cases are interleaved in the file (only the
    /// example case ids, the first in file order, may change).
    #[test]
    fn interleaving_does_not_change_the_report(events in arb_log(), picks in prop::collection::vec(any::<u8>(), 1..20)) {
        let shuffled = interleave(&events, &picks);
        let one = gap_report(&map(), &collect(&events), &Filter::all(), &mut Quiet).unwrap();
        let two = gap_report(&map(), &collect(&shuffled), &Filter::all(), &mut Quiet).unwrap();
        prop_assert_eq!(without_examples(one), without_examples(two));
    }
}
