//! Layer 1, second half: one pass over the grouped cases that a [`Filter`] keeps, folding them
//! into [`Aggregates`], the contract between the two layers.
//!
//! Everything the report needs is here and nothing else: the report layer never sees an event.
//! A backend on a query engine (DataFusion over Parquet, say) replaces layer 1 by producing this
//! struct with a handful of GROUP BY queries; see `docs/gaps.md`.

use crate::data::{Flow, Progress};

use super::intern::{FxMap, Interner};
use super::observe::{ObservedLog, NO_TIME, PROGRESS_EVERY};
use super::stats::Distribution;
use super::{Filter, GapError};

/// What layer 1 hands to layer 2. All ids index the lists of this struct; all lists are sorted
/// so that the struct, and the report made from it, do not depend on file order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Aggregates {
    /// The filter these aggregates were made through.
    pub filter: Filter,
    /// Cases the filter kept.
    pub cases: u64,
    /// Events of those cases.
    pub events: u64,
    /// Activities occurring in the kept cases, sorted by name (byte order). An activity id is
    /// an index into this list.
    pub activities: Vec<ActivityStats>,
    /// Distinct activity sequences, most frequent first, ties by the sequence of activity names
    /// compared lexicographically (element by element, byte order; a prefix comes first).
    pub variants: Variants,
    /// Directly-follows counts: how often `to` comes right after `from` in a case. Sorted by
    /// (from, to).
    pub dfg: Vec<Edge>,
    /// How many cases start / end with each activity, by activity id.
    pub start_activities: Vec<(u32, u64)>,
    pub end_activities: Vec<(u32, u64)>,
    /// Channels of the kept events, sorted by name; a channel id indexes this list.
    pub channels: Vec<ChannelStats>,
    /// Consecutive event pairs of a case where both events carry a channel.
    pub channel_steps: u64,
    /// Of those, the pairs whose channels differ, by (from, to) channel id, sorted.
    pub channel_switches: Vec<Edge>,
    /// Score-table subjects of the kept rows, sorted by name.
    pub subjects: Vec<SubjectStats>,
    /// What the filter left out.
    pub excluded_cases: u64,
    pub excluded_events: u64,
    pub excluded_score_rows: u64,
    /// Events whose segment differs from the segment their case took (its first one).
    pub segment_conflicts: u64,
    /// Every segment the data names, whatever the filter kept, sorted: the segment filter's
    /// choices.
    pub segments: Vec<String>,
    /// Scores that were not finite numbers (or overflowed single precision), ignored.
    pub unusable_scores: u64,
}

/// One activity in the kept cases.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ActivityStats {
    pub name: String,
    /// Events with this activity.
    pub events: u64,
    /// Cases with at least one such event.
    pub cases: u64,
    /// The scores those events carried.
    pub scores: Distribution,
}

/// One score-table subject (a touchpoint title or alias, or an activity name).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SubjectStats {
    pub name: String,
    pub rows: u64,
    pub scores: Distribution,
}

/// One channel.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChannelStats {
    pub name: String,
    pub events: u64,
}

/// The distinct activity sequences and the cases that followed them, flat: a few vectors for
/// all variants rather than a few allocations per variant (a large log has hundreds of
/// thousands). Variant `v` is [`Variants::get`]`(v)`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Variants {
    /// Variant `v`'s activity ids are `activities[offsets[v]..offsets[v + 1]]`, in case order.
    pub offsets: Vec<usize>,
    pub activities: Vec<u32>,
    /// How many cases followed each variant.
    pub counts: Vec<u64>,
    /// Variant `v`'s example case, the first of its cases in file order, is
    /// `example_names[example_ends[v - 1]..example_ends[v]]` (from 0 for the first).
    pub example_ends: Vec<usize>,
    pub example_names: String,
    /// Variant `v`'s times are `times[time_offsets[v]..time_offsets[v + 1]]`: per case (in
    /// file order of first appearance), per event, milliseconds since the case's earliest
    /// known timestamp, or [`NO_TIME`]; `counts[v] × len` values, row-major.
    pub time_offsets: Vec<usize>,
    pub times: Vec<i64>,
}

/// One variant, borrowed from [`Variants`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct VariantRef<'a> {
    pub activities: &'a [u32],
    pub count: u64,
    pub example_case: &'a str,
    pub times: &'a [i64],
}

impl Variants {
    pub fn len(&self) -> usize {
        self.counts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    pub fn get(&self, v: usize) -> VariantRef<'_> {
        let from = if v == 0 { 0 } else { self.example_ends[v - 1] };
        VariantRef {
            activities: &self.activities[self.offsets[v]..self.offsets[v + 1]],
            count: self.counts[v],
            example_case: &self.example_names[from..self.example_ends[v]],
            times: &self.times[self.time_offsets[v]..self.time_offsets[v + 1]],
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = VariantRef<'_>> {
        (0..self.len()).map(|v| self.get(v))
    }

    /// Appends a variant (for another layer 1 building the contract; keep the order documented
    /// on [`Aggregates::variants`]). `times` holds `count × activities.len()` values.
    pub fn push(&mut self, activities: &[u32], count: u64, example_case: &str, times: &[i64]) {
        if self.offsets.is_empty() {
            self.offsets.push(0);
            self.time_offsets.push(0);
        }
        self.activities.extend_from_slice(activities);
        self.offsets.push(self.activities.len());
        self.counts.push(count);
        self.example_names.push_str(example_case);
        self.example_ends.push(self.example_names.len());
        self.times.extend_from_slice(times);
        self.time_offsets.push(self.times.len());
    }
}

/// A counted pair of ids.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Edge {
    pub from: u32,
    pub to: u32,
    pub count: u64,
}

/// The filter in the log's own terms.
struct Keep {
    /// `None`: any segment; `Some(0)`: a segment the log does not have (nothing is kept).
    segment: Option<u16>,
    window: Option<(i64, i64)>,
}

impl Keep {
    fn new(log: &ObservedLog, filter: &Filter) -> Result<Keep, GapError> {
        let segment = filter
            .segment
            .as_deref()
            .map(|s| match log.segments.lookup(s) {
                Some(id) => id as u16 + 1,
                None => 0,
            });
        let window = filter.window_millis()?;
        Ok(Keep { segment, window })
    }

    fn accepts(&self, segment: u16, time: i64) -> bool {
        if let Some(s) = self.segment {
            if s == 0 || segment != s {
                return false;
            }
        }
        match self.window {
            None => true,
            Some((from, to)) => time != NO_TIME && from <= time && time < to,
        }
    }
}

/// A kept `f32` score as the decimal number it was written as: the shortest decimal that
/// reads back as the same `f32` (4.2f32 is 4.2, not 4.199999809).
fn widen(bits: u32) -> f64 {
    let f = f32::from_bits(bits);
    f.to_string().parse().unwrap_or(f64::from(f))
}

/// Counts of `u32` keys: a short list searched in order while there are few distinct keys (a
/// score scale has a handful of values, a log a handful of channel pairs), a hash map beyond.
#[derive(Debug, Clone, Default)]
struct Tally {
    few: Vec<(u32, u64)>,
    many: FxMap<u32, u64>,
}

impl Tally {
    #[inline]
    fn add(&mut self, key: u32) {
        if let Some(e) = self.few.iter_mut().find(|e| e.0 == key) {
            e.1 += 1;
        } else if self.few.len() < 16 {
            self.few.push((key, 1));
        } else {
            *self.many.entry(key).or_insert(0) += 1;
        }
    }

    fn into_counts(self) -> Vec<(u32, u64)> {
        let mut out = self.few;
        out.extend(self.many);
        out
    }
}

fn distribution(counts: Vec<(u32, u64)>) -> Distribution {
    Distribution::from_counts(counts.into_iter().map(|(bits, n)| (widen(bits), n)))
}

/// What the first pass over the cases leaves for the second.
struct Pass {
    keep: Keep,
    events: Vec<u64>,
    scores: Vec<Tally>,
    table: Interner<Vec<u32>>,
    counts: Vec<u64>,
    examples: Vec<u32>,
    case_variant: Vec<u32>,
    channel_events: Vec<u64>,
    channel_steps: u64,
    nch: usize,
    matrix: Vec<u64>,
    switches: Tally,
    kept_cases: u64,
    kept_events: u64,
    all_events: u64,
}

impl ObservedLog {
    /// Folds the cases (and score rows) `filter` keeps into [`Aggregates`]. A case is kept
    /// whole or not at all: its segment is the first segment its events carry, its time is its
    /// earliest known timestamp. Reports progress in cases.
    pub fn aggregate(
        &self,
        filter: &Filter,
        progress: &mut dyn Progress,
    ) -> Result<Aggregates, GapError> {
        let pass = self.first_pass(filter, progress)?;
        Ok(self.second_pass(filter, pass))
    }

    /// [`ObservedLog::aggregate`] for a log needed only once: the activity, score and channel
    /// columns (10 bytes per event) are dropped after the first pass, before the variants'
    /// times (8 bytes per event) are written, so the two never take memory at once.
    pub fn into_aggregates(
        mut self,
        filter: &Filter,
        progress: &mut dyn Progress,
    ) -> Result<Aggregates, GapError> {
        let pass = self.first_pass(filter, progress)?;
        self.activity = Vec::new();
        self.score = Vec::new();
        self.channel = Vec::new();
        Ok(self.second_pass(filter, pass))
    }

    /// Per kept case: its variant, its activities' events and scores, its channels.
    fn first_pass(&self, filter: &Filter, progress: &mut dyn Progress) -> Result<Pass, GapError> {
        let keep = Keep::new(self, filter)?;
        let ncases = self.cases.len();
        let nacts = self.activities.len();
        let mut events = vec![0u64; nacts];
        let mut scores: Vec<Tally> = vec![Tally::default(); nacts];
        let mut table: Interner<Vec<u32>> = Interner::default();
        let mut counts: Vec<u64> = Vec::new();
        let mut examples: Vec<u32> = Vec::new();
        // Pass 1 notes each kept case's variant; pass 2 writes the times in place.
        let mut case_variant = vec![u32::MAX; ncases];
        let mut channel_events = vec![0u64; self.channels.len() + 1];
        let mut channel_steps = 0u64;
        // Channel pairs: a dense matrix while there are few channels, a tally beyond.
        let nch = self.channels.len() + 1;
        let dense = nch <= 256;
        let mut matrix = vec![0u64; if dense { nch * nch } else { 0 }];
        let mut switches = Tally::default();
        let (mut kept_cases, mut kept_events) = (0u64, 0u64);

        for (c, variant_of_case) in case_variant.iter_mut().enumerate() {
            if c % PROGRESS_EVERY == 0 && c > 0 {
                let rows = u64::from(self.case_start[c]);
                if progress.advance(c as u64, Some(ncases as u64), rows) == Flow::Cancel {
                    return Err(GapError::Cancelled);
                }
            }
            if !keep.accepts(self.case_segment[c], self.case_first_time[c]) {
                continue;
            }
            let range = self.case_start[c] as usize..self.case_start[c + 1] as usize;
            kept_cases += 1;
            kept_events += range.len() as u64;
            let acts = &self.activity[range.clone()];
            let (v, new) = table.intern(acts);
            if new {
                counts.push(0);
                examples.push(c as u32);
            }
            counts[v as usize] += 1;
            *variant_of_case = v;
            for (&a, &s) in acts.iter().zip(&self.score[range.clone()]) {
                events[a as usize] += 1;
                if !s.is_nan() {
                    scores[a as usize].add(s.to_bits());
                }
            }
            let chans = &self.channel[range];
            for &ch in chans {
                channel_events[ch as usize] += 1;
            }
            for pair in chans.windows(2) {
                if pair[0] != 0 && pair[1] != 0 {
                    channel_steps += 1;
                    if pair[0] != pair[1] {
                        if dense {
                            matrix[pair[0] as usize * nch + pair[1] as usize] += 1;
                        } else {
                            switches.add(u32::from(pair[0]) << 16 | u32::from(pair[1]));
                        }
                    }
                }
            }
        }
        let total = Some(ncases as u64);
        if progress.advance(ncases as u64, total, self.activity.len() as u64) == Flow::Cancel {
            return Err(GapError::Cancelled);
        }
        Ok(Pass {
            keep,
            events,
            scores,
            table,
            counts,
            examples,
            case_variant,
            channel_events,
            channel_steps,
            nch,
            matrix,
            switches,
            kept_cases,
            kept_events,
            all_events: self.activity.len() as u64,
        })
    }

    /// Everything else, from the first pass and the time column (the activity, score and
    /// channel columns are not read here: see [`ObservedLog::into_aggregates`]).
    fn second_pass(&self, filter: &Filter, pass: Pass) -> Aggregates {
        let Pass {
            keep,
            events,
            mut scores,
            table,
            counts,
            examples,
            case_variant,
            channel_events,
            channel_steps,
            nch,
            matrix,
            switches,
            kept_cases,
            kept_events,
            all_events,
        } = pass;
        let ncases = self.cases.len();
        let nacts = self.activities.len();

        // Activities that occur, renumbered in name order.
        let mut order: Vec<u32> = (0..nacts as u32)
            .filter(|&a| events[a as usize] > 0)
            .collect();
        order.sort_by(|&a, &b| self.activities.get(a).cmp(self.activities.get(b)));
        let mut rank = vec![u32::MAX; nacts];
        for (r, &a) in order.iter().enumerate() {
            rank[a as usize] = r as u32;
        }
        let mut activities: Vec<ActivityStats> = Vec::with_capacity(order.len());
        for &a in &order {
            activities.push(ActivityStats {
                name: self.activities.get(a).to_string(),
                events: events[a as usize],
                cases: 0,
                scores: distribution(std::mem::take(&mut scores[a as usize]).into_counts()),
            });
        }

        // Variants: most frequent first, ties by their activity names (ids now follow names).
        let (mut seqs, ends) = table.into_parts();
        for a in seqs.iter_mut() {
            *a = rank[*a as usize];
        }
        let seq = |v: u32| {
            let v = v as usize;
            &seqs[if v == 0 { 0 } else { ends[v - 1] }..ends[v]]
        };
        // Sort keys that live together in memory: the count, then the first eight activity
        // ids (each + 1, so a shorter sequence sorts first) packed in 128 bits; the sequences
        // themselves are only read to break ties.
        let packs = activities.len() < u16::MAX as usize;
        let mut keyed: Vec<(u64, u128, u32)> = (0..ends.len() as u32)
            .map(|v| {
                let prefix = if packs {
                    let s = seq(v);
                    (0..8).fold(0u128, |k, i| {
                        k << 16 | s.get(i).map_or(0, |&a| u128::from(a) + 1)
                    })
                } else {
                    0
                };
                (u64::MAX - counts[v as usize], prefix, v)
            })
            .collect();
        keyed.sort_unstable_by(|a, b| {
            (a.0, a.1)
                .cmp(&(b.0, b.1))
                .then_with(|| seq(a.2).cmp(seq(b.2)))
        });
        let sorted: Vec<u32> = keyed.into_iter().map(|k| k.2).collect();
        let mut place = vec![0u32; sorted.len()];
        let mut variants = Variants::default();
        variants.offsets.reserve_exact(sorted.len() + 1);
        variants.activities.reserve_exact(seqs.len());
        variants.offsets.push(0);
        variants.time_offsets.push(0);
        let mut time_end = 0usize;
        for (i, &v) in sorted.iter().enumerate() {
            place[v as usize] = i as u32;
            let acts = seq(v);
            variants.activities.extend_from_slice(acts);
            variants.offsets.push(variants.activities.len());
            variants.counts.push(counts[v as usize]);
            variants
                .example_names
                .push_str(self.cases.get(examples[v as usize]));
            variants.example_ends.push(variants.example_names.len());
            time_end += acts.len() * counts[v as usize] as usize;
            variants.time_offsets.push(time_end);
        }
        drop((seqs, ends, sorted));
        variants.times = vec![NO_TIME; time_end];
        let mut cursor: Vec<usize> = variants.time_offsets[..variants.len()].to_vec();
        for (c, &v) in case_variant.iter().enumerate() {
            if v == u32::MAX {
                continue;
            }
            let p = place[v as usize] as usize;
            let first = self.case_first_time[c];
            let range = self.case_start[c] as usize..self.case_start[c + 1] as usize;
            let out = &mut variants.times[cursor[p]..cursor[p] + range.len()];
            for (slot, &t) in out.iter_mut().zip(&self.time[range]) {
                if t != NO_TIME && first != NO_TIME {
                    *slot = t - first;
                }
            }
            cursor[p] += out.len();
        }
        drop(case_variant);

        let n = activities.len();
        let mut stamp = vec![usize::MAX; n];
        let mut starts = vec![0u64; n];
        let mut ends = vec![0u64; n];
        let mut dfg: FxMap<u64, u64> = FxMap::default();
        for (i, v) in variants.iter().enumerate() {
            for &a in v.activities {
                if stamp[a as usize] != i {
                    stamp[a as usize] = i;
                    activities[a as usize].cases += v.count;
                }
            }
            if let (Some(&s), Some(&e)) = (v.activities.first(), v.activities.last()) {
                starts[s as usize] += v.count;
                ends[e as usize] += v.count;
            }
            for pair in v.activities.windows(2) {
                let key = u64::from(pair[0]) << 32 | u64::from(pair[1]);
                *dfg.entry(key).or_insert(0) += v.count;
            }
        }
        let mut dfg: Vec<Edge> = dfg
            .into_iter()
            .map(|(k, count)| Edge {
                from: (k >> 32) as u32,
                to: k as u32,
                count,
            })
            .collect();
        dfg.sort_by_key(|e| (e.from, e.to));
        let nonzero = |v: Vec<u64>| -> Vec<(u32, u64)> {
            v.into_iter()
                .enumerate()
                .filter(|(_, n)| *n > 0)
                .map(|(a, n)| (a as u32, n))
                .collect()
        };

        // Channels that occur, renumbered in name order.
        let mut chan_order: Vec<u16> = (1..channel_events.len() as u16)
            .filter(|&c| channel_events[c as usize] > 0)
            .collect();
        chan_order.sort_by(|&a, &b| {
            let name = |c: u16| self.channels.get(u32::from(c) - 1);
            name(a).cmp(name(b))
        });
        let mut chan_rank = vec![u32::MAX; channel_events.len()];
        for (r, &c) in chan_order.iter().enumerate() {
            chan_rank[c as usize] = r as u32;
        }
        let channels = chan_order
            .iter()
            .map(|&c| ChannelStats {
                name: self.channels.get(u32::from(c) - 1).to_string(),
                events: channel_events[c as usize],
            })
            .collect();
        let mut pairs = switches.into_counts();
        for (i, &n) in matrix.iter().enumerate() {
            if n > 0 {
                pairs.push((((i / nch) as u32) << 16 | (i % nch) as u32, n));
            }
        }
        let mut channel_switches: Vec<Edge> = pairs
            .into_iter()
            .map(|(k, count)| Edge {
                from: chan_rank[(k >> 16) as usize],
                to: chan_rank[(k & 0xffff) as usize],
                count,
            })
            .collect();
        channel_switches.sort_by_key(|e| (e.from, e.to));

        let (subjects, excluded_rows) = self.aggregate_rows(&keep);
        Aggregates {
            filter: filter.clone(),
            cases: kept_cases,
            events: kept_events,
            activities,
            variants,
            dfg,
            start_activities: nonzero(starts),
            end_activities: nonzero(ends),
            channels,
            channel_steps,
            channel_switches,
            subjects,
            excluded_cases: ncases as u64 - kept_cases,
            excluded_events: all_events - kept_events,
            excluded_score_rows: excluded_rows,
            segment_conflicts: self.segment_conflicts,
            segments: self.segments(),
            unusable_scores: self.unusable_scores,
        }
    }

    /// Score rows the filter keeps (by their own segment and date), per subject.
    fn aggregate_rows(&self, keep: &Keep) -> (Vec<SubjectStats>, u64) {
        let mut per: Vec<FxMap<u32, u64>> = vec![FxMap::default(); self.subjects.len()];
        let mut excluded = 0u64;
        for i in 0..self.row_subject.len() {
            if !keep.accepts(self.row_segment[i], self.row_time[i]) {
                excluded += 1;
                continue;
            }
            let bits = self.row_score[i].to_bits();
            *per[self.row_subject[i] as usize].entry(bits).or_insert(0) += 1;
        }
        let mut out: Vec<SubjectStats> = per
            .into_iter()
            .enumerate()
            .filter(|(_, m)| !m.is_empty())
            .map(|(s, m)| {
                let scores = distribution(m.into_iter().collect());
                SubjectStats {
                    name: self.subjects.get(s as u32).to_string(),
                    rows: scores.count(),
                    scores,
                }
            })
            .collect();
        out.sort_by(|a, b| a.name.cmp(&b.name));
        (out, excluded)
    }
}
