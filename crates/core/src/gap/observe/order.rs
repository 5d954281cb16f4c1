//! [`Collector::finish`]: groups the events by case and orders each case by time, in place
//! (block by block for a grouped log, by one permutation of the columns for an interleaved
//! one).

use crate::data::{Flow, Progress};

use super::{Collector, ObservedLog, NO_TIME, PROGRESS_EVERY};
use crate::gap::GapError;

impl Collector {
    /// Groups events by case and orders each case by time (see [`ObservedLog`]). Reports
    /// progress in cases; a cancel gives [`GapError::Cancelled`].
    pub fn finish(self, progress: &mut dyn Progress) -> Result<ObservedLog, GapError> {
        if let Some((what, limit)) = self.too_large {
            return Err(GapError::TooLarge { what, limit });
        }
        let Collector {
            cases,
            activities,
            channels,
            segments,
            subjects,
            ev_case,
            ev_activity,
            ev_time,
            ev_score,
            ev_channel,
            case_segment,
            case_events,
            segment_conflicts,
            unusable_scores,
            row_subject,
            row_score,
            row_time,
            row_segment,
            interleaved,
            ..
        } = self;
        let n = ev_activity.len();
        let ncases = cases.len();

        let mut case_start = Vec::with_capacity(ncases + 1);
        let mut acc = 0u32;
        case_start.push(0);
        for &k in &case_events {
            acc += k;
            case_start.push(acc);
        }
        drop(case_events);
        let (mut activity, mut time, mut score, mut channel) =
            (ev_activity, ev_time, ev_score, ev_channel);

        if !interleaved {
            // Grouped: each case is its block already; order each block by time, in place.
            let mut case_first_time = vec![NO_TIME; ncases];
            let mut keys: Vec<(i64, u32)> = Vec::new();
            let mut scratch = Scratch::default();
            for c in 0..ncases {
                if c % PROGRESS_EVERY == 0 && c > 0 {
                    let rows = u64::from(case_start[c]);
                    if progress.advance(c as u64, Some(ncases as u64), rows) == Flow::Cancel {
                        return Err(GapError::Cancelled);
                    }
                }
                let range = case_start[c] as usize..case_start[c + 1] as usize;
                let (first, sorted) = case_keys(&time, range.clone(), &mut keys);
                case_first_time[c] = first;
                if !sorted {
                    keys.sort_by_key(|k| k.0);
                    scratch.reorder(
                        &keys,
                        range.start,
                        Columns(&mut activity, &mut time, &mut score, &mut channel),
                    );
                }
            }
            if progress.advance(ncases as u64, Some(ncases as u64), n as u64) == Flow::Cancel {
                return Err(GapError::Cancelled);
            }
            return Ok(ObservedLog {
                cases,
                activities,
                channels: channels.names,
                segments: segments.names,
                subjects,
                case_start,
                activity,
                time,
                score,
                channel,
                case_segment,
                case_first_time,
                segment_conflicts,
                unusable_scores,
                row_subject,
                row_score,
                row_time,
                row_segment,
            });
        }

        // Interleaved. Counting sort by case, in arrival order within a case.
        let mut order = vec![0u32; n];
        {
            let mut cursor: Vec<u32> = case_start[..ncases].to_vec();
            for (i, &c) in ev_case.iter().enumerate() {
                let c = c as usize;
                order[cursor[c] as usize] = i as u32;
                cursor[c] += 1;
            }
        }
        drop(ev_case);

        // Within a case: by time, ties (and events without a time, which take the time of the
        // case's previous event in file order) in arrival order.
        let mut case_first_time = vec![NO_TIME; ncases];
        let mut keys: Vec<(i64, u32)> = Vec::new();
        for c in 0..ncases {
            if c % PROGRESS_EVERY == 0 && c > 0 {
                let rows = u64::from(case_start[c]);
                if progress.advance(c as u64, Some(ncases as u64), rows) == Flow::Cancel {
                    return Err(GapError::Cancelled);
                }
            }
            let slice = &mut order[case_start[c] as usize..case_start[c + 1] as usize];
            let (first, sorted) =
                sort_keys(slice.iter().map(|&i| (time[i as usize], i)), &mut keys);
            case_first_time[c] = first;
            if !sorted {
                keys.sort_by_key(|k| k.0);
                for (slot, &(_, i)) in slice.iter_mut().zip(keys.iter()) {
                    *slot = i;
                }
            }
        }
        // Reorder the columns in place, cycle by cycle: no second copy of a column.
        permute(
            &mut Columns(&mut activity, &mut time, &mut score, &mut channel),
            &order,
        );
        drop(order);
        if progress.advance(ncases as u64, Some(ncases as u64), n as u64) == Flow::Cancel {
            return Err(GapError::Cancelled);
        }
        Ok(ObservedLog {
            cases,
            activities,
            channels: channels.names,
            segments: segments.names,
            subjects,
            case_start,
            activity,
            time,
            score,
            channel,
            case_segment,
            case_first_time,
            segment_conflicts,
            unusable_scores,
            row_subject,
            row_score,
            row_time,
            row_segment,
        })
    }
}

/// The sort keys of one case's events, given in arrival order as (time, index): the time, or
/// for an event without one the time of the case's previous event in arrival order. Returns
/// the case's earliest known time and whether the keys are already in order.
fn sort_keys(events: impl Iterator<Item = (i64, u32)>, keys: &mut Vec<(i64, u32)>) -> (i64, bool) {
    keys.clear();
    let mut carried = NO_TIME;
    let mut first = NO_TIME;
    let mut sorted = true;
    for (t, i) in events {
        if t != NO_TIME {
            carried = t;
            if first == NO_TIME || t < first {
                first = t;
            }
        }
        if keys.last().is_some_and(|&(k, _)| carried < k) {
            sorted = false;
        }
        keys.push((carried, i));
    }
    (first, sorted)
}

/// [`sort_keys`] over one block of a grouped log.
fn case_keys(
    time: &[i64],
    range: std::ops::Range<usize>,
    keys: &mut Vec<(i64, u32)>,
) -> (i64, bool) {
    let start = range.start;
    sort_keys(
        time[range]
            .iter()
            .enumerate()
            .map(|(k, &t)| (t, (start + k) as u32)),
        keys,
    )
}

/// Reused buffers for reordering one block of a grouped log.
#[derive(Default)]
struct Scratch(Vec<(u32, i64, f32, u16)>);

impl Scratch {
    /// Puts the events `keys` names (global indices, in their new order) at `start..`.
    fn reorder(&mut self, keys: &[(i64, u32)], start: usize, mut columns: Columns<'_>) {
        self.0.clear();
        self.0
            .extend(keys.iter().map(|&(_, i)| columns.get(i as usize)));
        for (k, &item) in self.0.iter().enumerate() {
            columns.set(start + k, item);
        }
    }
}

/// Columns moved together by [`permute`].
trait Permutable {
    type Item: Copy;
    fn len(&self) -> usize;
    fn get(&self, i: usize) -> Self::Item;
    fn set(&mut self, i: usize, item: Self::Item);
}

impl<T: Copy> Permutable for Vec<T> {
    type Item = T;
    fn len(&self) -> usize {
        self.as_slice().len()
    }
    fn get(&self, i: usize) -> T {
        self[i]
    }
    fn set(&mut self, i: usize, item: T) {
        self[i] = item;
    }
}

struct Columns<'a>(&'a mut [u32], &'a mut [i64], &'a mut [f32], &'a mut [u16]);

impl Permutable for Columns<'_> {
    type Item = (u32, i64, f32, u16);
    fn len(&self) -> usize {
        self.0.len()
    }
    #[inline]
    fn get(&self, i: usize) -> Self::Item {
        (self.0[i], self.1[i], self.2[i], self.3[i])
    }
    #[inline]
    fn set(&mut self, i: usize, (a, t, s, c): Self::Item) {
        self.0[i] = a;
        self.1[i] = t;
        self.2[i] = s;
        self.3[i] = c;
    }
}

/// Puts the item at `order[i]` at `i` for every `i`, in place, following the permutation's
/// cycles (one bit per item marks what is done).
fn permute<P: Permutable>(values: &mut P, order: &[u32]) {
    let n = values.len();
    let mut seen = vec![0u64; n.div_ceil(64)];
    for start in 0..n {
        if seen[start / 64] >> (start % 64) & 1 == 1 {
            continue;
        }
        let first = values.get(start);
        let mut at = start;
        loop {
            seen[at / 64] |= 1 << (at % 64);
            let from = order[at] as usize;
            if from == start {
                values.set(at, first);
                break;
            }
            let item = values.get(from);
            values.set(at, item);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::permute;

    #[test]
    fn permuting_in_place_is_gathering() {
        // A permutation of 0..200 with cycles of several lengths and fixed points.
        let order: Vec<u32> = (0..200u32).map(|i| (i * 7 + 3) % 200).collect();
        let values: Vec<i64> = (0..200).map(|i| i * 10).collect();
        let gathered: Vec<i64> = order.iter().map(|&i| values[i as usize]).collect();
        let mut in_place = values.clone();
        permute(&mut in_place, &order);
        assert_eq!(in_place, gathered);
        let identity: Vec<u32> = (0..200).collect();
        permute(&mut in_place, &identity);
        assert_eq!(in_place, gathered);
    }
}
