//! Optimal alignment of one activity sequence against the corridor, and what its deviations
//! mean.
//!
//! The corridor is a sequential model: its steps in order, where an optional step may be
//! skipped. An alignment pairs the trace with one run of the model using three moves:
//! synchronous (the event is the step's touchpoint, cost 0), move on log (an event the model
//! does not explain, cost 1), move on model (a step the trace does not show, cost 1, or 0 for an
//! optional step). The cost is found by dynamic programming over (events, steps), which for a
//! sequence model is exactly the A* search pm4py runs on the equivalent Petri net (a chain of
//! transitions, with a silent transition beside each optional one).
//!
//! Among equally cheap alignments the one reported is fixed: backtracking from the end, prefer
//! a synchronous move, then a move on model, then a move on log. Moves on model therefore come
//! as late as possible, which is what lets a case that stopped early show all its model moves
//! at the end.

/// A trace or step label: a touchpoint index. [`NO_LABEL`] never matches anything.
pub const NO_LABEL: u32 = u32::MAX;

/// A label no step carries (touchpoint indices are far below it).
const NEVER: u32 = u32::MAX - 1;

/// One move of an alignment. `event` indexes the trace, `step` the corridor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Sync { event: u32, step: u32 },
    Log { event: u32 },
    Model { step: u32 },
}

/// One step of the model: its touchpoint label and whether it may be skipped for free.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ModelStep {
    pub label: u32,
    pub optional: bool,
}

/// An optimal alignment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alignment {
    /// Moves on log + moves on required steps.
    pub cost: u32,
    /// The cost of the worst alignment: every event a move on log, plus the cheapest run of the
    /// model alone (its required steps).
    pub worst: u32,
    pub moves: Vec<Move>,
}

impl Alignment {
    /// 1 − cost / worst; 1 when worst is 0 (an empty trace against a corridor of optional steps).
    pub fn fitness(&self) -> f64 {
        if self.worst == 0 {
            1.0
        } else {
            1.0 - f64::from(self.cost) / f64::from(self.worst)
        }
    }
}

/// Aligns traces against one model, reusing its table between calls.
#[derive(Debug, Default)]
pub struct Aligner {
    table: Vec<u32>,
}

impl Aligner {
    pub fn align(&mut self, trace: &[u32], model: &[ModelStep]) -> Alignment {
        let (n, m) = (trace.len(), model.len());
        let w = m + 1;
        let cost = |k: usize| u32::from(!model[k].optional);
        let syncs = |i: usize, k: usize| trace[i] != NO_LABEL && trace[i] == model[k].label;
        self.table.clear();
        self.table.resize((n + 1) * w, 0);
        let d = &mut self.table;
        for k in 1..=m {
            d[k] = d[k - 1] + cost(k - 1);
        }
        for i in 1..=n {
            let (done, rest) = d.split_at_mut(i * w);
            let prev = &done[(i - 1) * w..];
            let row = &mut rest[..w];
            // An activity on no touchpoint matches no step (not even one on no touchpoint).
            let label = match trace[i - 1] {
                NO_LABEL => NEVER,
                l => l,
            };
            let mut left = i as u32;
            row[0] = left;
            for ((out, pair), step) in row[1..].iter_mut().zip(prev.windows(2)).zip(model) {
                let mut best = (pair[1] + 1).min(left + u32::from(!step.optional));
                if step.label == label {
                    best = best.min(pair[0]);
                }
                *out = best;
                left = best;
            }
        }
        let total = d[n * w + m];
        let required = (0..m).map(cost).sum::<u32>();
        let mut moves = Vec::with_capacity(n + m);
        let (mut i, mut k) = (n, m);
        while i > 0 || k > 0 {
            let here = d[i * w + k];
            if i > 0 && k > 0 && syncs(i - 1, k - 1) && d[(i - 1) * w + k - 1] == here {
                moves.push(Move::Sync {
                    event: i as u32 - 1,
                    step: k as u32 - 1,
                });
                i -= 1;
                k -= 1;
            } else if k > 0 && d[i * w + k - 1] + cost(k - 1) == here {
                moves.push(Move::Model { step: k as u32 - 1 });
                k -= 1;
            } else {
                moves.push(Move::Log {
                    event: i as u32 - 1,
                });
                i -= 1;
            }
        }
        moves.reverse();
        Alignment {
            cost: total,
            worst: n as u32 + required,
            moves,
        }
    }
}

/// How a case relates to the corridor, as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Outcome {
    /// Cost 0: every required step, in order, nothing else.
    Follows,
    /// Its only deviation is that it stopped: it follows a prefix of the corridor, and every
    /// required step it misses comes after its last synchronous move.
    DroppedOut,
    /// Anything else: it skipped, repeated, reordered or added something.
    OffPath,
}

/// The deviations of one alignment, each named by the trace event or corridor step it concerns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Deviations {
    /// Required steps missed before the case's last synchronous move.
    pub skipped_steps: Vec<u32>,
    /// The first required step missed after the last synchronous move (where the case stopped).
    pub dropped_before: Option<u32>,
    /// Moves on log of an activity whose touchpoint is on no corridor step (or of an activity
    /// mapped to no touchpoint).
    pub unexpected: Vec<u32>,
    /// Moves on log of a corridor touchpoint, not paired with a move on model of the same
    /// touchpoint: done again, or once more than the corridor asks.
    pub repeats: Vec<u32>,
    /// Moves on log paired with a move on model of the same touchpoint (the first unpaired one,
    /// in alignment order): done, but not where the corridor has it.
    pub out_of_order: Vec<u32>,
    /// Optional steps not taken (no cost, not a deviation).
    pub optional_skips: Vec<u32>,
}

impl Deviations {
    /// The case's outcome given its alignment cost.
    pub fn outcome(&self, cost: u32) -> Outcome {
        if cost == 0 {
            Outcome::Follows
        } else if self.skipped_steps.is_empty()
            && self.unexpected.is_empty()
            && self.repeats.is_empty()
            && self.out_of_order.is_empty()
            && self.dropped_before.is_some()
        {
            Outcome::DroppedOut
        } else {
            Outcome::OffPath
        }
    }
}

/// Reads the deviations off an alignment of `trace` against `model`.
pub fn deviations(alignment: &Alignment, trace: &[u32], model: &[ModelStep]) -> Deviations {
    let mut out = Deviations::default();
    let last_sync = alignment
        .moves
        .iter()
        .rposition(|m| matches!(m, Move::Sync { .. }));
    let mut model_moves: Vec<(usize, u32, bool)> = alignment
        .moves
        .iter()
        .enumerate()
        .filter_map(|(at, m)| match *m {
            Move::Model { step } => Some((at, step, false)),
            _ => None,
        })
        .collect();
    for m in &alignment.moves {
        let Move::Log { event } = *m else { continue };
        let label = trace[event as usize];
        if label == NO_LABEL || !model.iter().any(|s| s.label == label) {
            out.unexpected.push(event);
            continue;
        }
        let partner = model_moves
            .iter_mut()
            .find(|(_, step, used)| !*used && model[*step as usize].label == label);
        match partner {
            Some(p) => {
                p.2 = true;
                out.out_of_order.push(event);
            }
            None => out.repeats.push(event),
        }
    }
    for &(at, step, used) in &model_moves {
        if used {
            continue;
        }
        if model[step as usize].optional {
            out.optional_skips.push(step);
        } else if last_sync.is_some_and(|s| at < s) {
            out.skipped_steps.push(step);
        } else if out.dropped_before.is_none() {
            out.dropped_before = Some(step);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model(spec: &str) -> Vec<ModelStep> {
        spec.split_whitespace()
            .map(|s| ModelStep {
                label: u32::from(s.as_bytes()[0] - b'a'),
                optional: s.ends_with('?'),
            })
            .collect()
    }

    fn trace(spec: &str) -> Vec<u32> {
        spec.bytes()
            .map(|b| {
                if b == b'x' {
                    NO_LABEL
                } else {
                    u32::from(b - b'a')
                }
            })
            .collect()
    }

    fn run(t: &str, m: &str) -> (Alignment, Deviations) {
        let (t, m) = (trace(t), model(m));
        let a = Aligner::default().align(&t, &m);
        let d = deviations(&a, &t, &m);
        (a, d)
    }

    #[test]
    fn costs_by_hand() {
        let (a, d) = run("abc", "a b c");
        assert_eq!((a.cost, a.worst, a.fitness()), (0, 6, 1.0));
        assert_eq!(d.outcome(a.cost), Outcome::Follows);

        // Optional step skipped for free; the worst case counts required steps only.
        let (a, d) = run("ac", "a b? c");
        assert_eq!((a.cost, a.worst), (0, 4));
        assert_eq!(d.optional_skips, [1]);

        // Stopped after a: two required steps missed at the end.
        let (a, d) = run("a", "a b c");
        assert_eq!((a.cost, a.worst), (2, 4));
        assert_eq!(d.dropped_before, Some(1));
        assert_eq!(d.outcome(a.cost), Outcome::DroppedOut);

        // Skipped b in the middle.
        let (a, d) = run("ac", "a b c");
        assert_eq!(a.cost, 1);
        assert_eq!(d.skipped_steps, [1]);
        assert_eq!(d.outcome(a.cost), Outcome::OffPath);

        // Unexpected activity.
        let (a, d) = run("axb", "a b");
        assert_eq!((a.cost, a.worst), (1, 5));
        assert_eq!(d.unexpected, [1]);

        // A loop: b done twice.
        let (a, d) = run("abbc", "a b c");
        assert_eq!(a.cost, 1);
        assert_eq!(d.repeats.len(), 1);

        // Out of order: c before b; one move on log and one on model, paired.
        let (a, d) = run("acb", "a b c");
        assert_eq!(a.cost, 2);
        assert_eq!(d.out_of_order.len(), 1);
        assert!(d.skipped_steps.is_empty() && d.dropped_before.is_none());
        assert_eq!(
            a.moves,
            [
                Move::Sync { event: 0, step: 0 },
                Move::Log { event: 1 },
                Move::Sync { event: 2, step: 1 },
                Move::Model { step: 2 },
            ]
        );

        // Went off the path, then stopped: both told.
        let (a, d) = run("ax", "a b c");
        assert_eq!(a.cost, 3);
        assert_eq!(d.unexpected, [1]);
        assert_eq!(d.dropped_before, Some(1));
        assert_eq!(d.outcome(a.cost), Outcome::OffPath);
    }

    #[test]
    fn empty_cases() {
        let (a, _) = run("", "a? b?");
        assert_eq!((a.cost, a.worst, a.fitness()), (0, 0, 1.0));
        let (a, _) = run("ab", "");
        assert_eq!((a.cost, a.worst, a.fitness()), (2, 2, 0.0));
    }
}
