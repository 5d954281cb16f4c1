//! Score distributions and percentiles.
//!
//! A distribution is kept as its distinct values with counts, so a touchpoint scored a million
//! times on a 1-5 scale costs five entries, and the median and 10th percentile are exact.

/// Distinct values, ascending, each with how many times it was seen.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Distribution {
    pub values: Vec<(f64, u64)>,
}

impl Distribution {
    /// From values in any order (each counted once). NaN values are left out.
    pub fn from_values(values: impl IntoIterator<Item = f64>) -> Distribution {
        let mut all: Vec<f64> = values.into_iter().filter(|v| !v.is_nan()).collect();
        all.sort_by(f64::total_cmp);
        let mut out: Vec<(f64, u64)> = Vec::new();
        for v in all {
            match out.last_mut() {
                Some((last, n)) if *last == v => *n += 1,
                _ => out.push((v, 1)),
            }
        }
        Distribution { values: out }
    }

    /// From (value, count) pairs in any order; equal values are added up.
    pub fn from_counts(pairs: impl IntoIterator<Item = (f64, u64)>) -> Distribution {
        let mut all: Vec<(f64, u64)> = pairs
            .into_iter()
            .filter(|(v, n)| !v.is_nan() && *n > 0)
            .collect();
        all.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut out: Vec<(f64, u64)> = Vec::with_capacity(all.len());
        for (v, n) in all {
            match out.last_mut() {
                Some((last, m)) if *last == v => *m += n,
                _ => out.push((v, n)),
            }
        }
        Distribution { values: out }
    }

    /// How many values.
    pub fn count(&self) -> u64 {
        self.values.iter().map(|(_, n)| n).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Adds every value of `other`.
    pub fn merge(&mut self, other: &Distribution) {
        if other.is_empty() {
            return;
        }
        let both = self.values.iter().chain(&other.values).copied();
        *self = Distribution::from_counts(both.collect::<Vec<_>>());
    }

    /// Only the values `keep` accepts.
    pub fn filter(&self, keep: impl Fn(f64) -> bool) -> Distribution {
        Distribution {
            values: self
                .values
                .iter()
                .copied()
                .filter(|(v, _)| keep(*v))
                .collect(),
        }
    }

    /// How many values `pred` accepts.
    pub fn count_where(&self, pred: impl Fn(f64) -> bool) -> u64 {
        self.values
            .iter()
            .filter(|(v, _)| pred(*v))
            .map(|(_, n)| n)
            .sum()
    }

    /// The arithmetic mean: Σ value × count / Σ count, summed in ascending value order.
    pub fn mean(&self) -> Option<f64> {
        let n = self.count();
        if n == 0 {
            return None;
        }
        let sum: f64 = self.values.iter().map(|(v, c)| v * *c as f64).sum();
        Some(sum / n as f64)
    }

    /// The value at 0-based rank `r` of the sorted sample.
    fn at_rank(&self, r: u64) -> f64 {
        let mut seen = 0;
        for &(v, n) in &self.values {
            seen += n;
            if r < seen {
                return v;
            }
        }
        self.values.last().map_or(f64::NAN, |(v, _)| *v)
    }

    /// The `q`-quantile (0 ≤ q ≤ 1) by linear interpolation between closest ranks, numpy's
    /// default: with the n values sorted as x₀ ≤ … ≤ xₙ₋₁, h = (n − 1)·q, and the result is
    /// x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋).
    pub fn quantile(&self, q: f64) -> Option<f64> {
        let n = self.count();
        if n == 0 {
            return None;
        }
        let h = (n - 1) as f64 * q.clamp(0.0, 1.0);
        let lo = h.floor();
        let lo_rank = lo as u64;
        let a = self.at_rank(lo_rank);
        let t = h - lo;
        if t == 0.0 || lo_rank + 1 >= n {
            return Some(a);
        }
        Some(lerp(a, self.at_rank(lo_rank + 1), t))
    }
}

/// numpy's `_lerp`: the same interpolation, computed from the nearer end.
fn lerp(a: f64, b: f64, t: f64) -> f64 {
    let d = b - a;
    if t >= 0.5 {
        b - d * (1.0 - t)
    } else {
        a + d * t
    }
}

/// The `q`-quantile of values already sorted ascending, as [`Distribution::quantile`].
pub fn quantile_sorted(sorted: &[f64], q: f64) -> Option<f64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let h = (n - 1) as f64 * q.clamp(0.0, 1.0);
    let lo = h.floor();
    let i = lo as usize;
    let t = h - lo;
    if t == 0.0 || i + 1 >= n {
        return Some(sorted[i]);
    }
    Some(lerp(sorted[i], sorted[i + 1], t))
}

/// The `q`-quantile of values in any order, as [`quantile_sorted`], in linear time (the values
/// are reordered).
pub fn quantile_unsorted(values: &mut [f64], q: f64) -> Option<f64> {
    let n = values.len();
    if n == 0 {
        return None;
    }
    let h = (n - 1) as f64 * q.clamp(0.0, 1.0);
    let lo = h.floor();
    let t = h - lo;
    let (_, a, rest) = values.select_nth_unstable_by(lo as usize, f64::total_cmp);
    let a = *a;
    if t == 0.0 || rest.is_empty() {
        return Some(a);
    }
    let b = rest.iter().copied().fold(f64::INFINITY, f64::min);
    Some(lerp(a, b, t))
}

/// The median of durations in milliseconds, in seconds: as [`quantile_sorted`] at q = 0.5 over
/// the values divided by 1000, in linear time (the values are reordered).
pub fn median_millis_as_secs(values: &mut [i64]) -> Option<f64> {
    let n = values.len();
    if n == 0 {
        return None;
    }
    let h = (n - 1) as f64 * 0.5;
    let lo = h.floor();
    let t = h - lo;
    let (_, a, rest) = values.select_nth_unstable(lo as usize);
    let a = *a as f64 / 1000.0;
    match rest.iter().min() {
        Some(&b) if t > 0.0 => Some(lerp(a, b as f64 / 1000.0, t)),
        _ => Some(a),
    }
}

/// `part / whole`, or 0 when `whole` is 0.
pub fn share(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// A count as the `u32` the report carries (saturating: a report never shows a wrong small
/// number for a huge one).
pub fn c32(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_match_numpy_linear() {
        // numpy.percentile([1, 2, 3, 4, 5, 5, 5, 2, 1, 4], [10, 50]) = [1.0, 3.5]
        let d = Distribution::from_values([1., 2., 3., 4., 5., 5., 5., 2., 1., 4.]);
        assert_eq!(d.values, [(1., 2), (2., 2), (3., 1), (4., 2), (5., 3)]);
        assert_eq!(d.quantile(0.1), Some(1.0));
        assert_eq!(d.quantile(0.5), Some(3.5));
        // numpy.percentile([2, 4, 5], 10) = 2.4
        let d = Distribution::from_values([5., 2., 4.]);
        assert!((d.quantile(0.1).unwrap() - 2.4).abs() < 1e-12);
        assert_eq!(d.quantile(0.5), Some(4.0));
        assert_eq!(d.mean(), Some(11.0 / 3.0));
        assert_eq!(quantile_sorted(&[2., 4., 5.], 0.5), Some(4.0));
        assert_eq!(quantile_unsorted(&mut [5., 2., 4., 7.], 0.5), Some(4.5));
        let q = quantile_unsorted(&mut [5., 2., 4.], 0.1).unwrap();
        assert!((q - 2.4).abs() < 1e-12);
        assert_eq!(quantile_unsorted(&mut [], 0.5), None);
        assert_eq!(
            median_millis_as_secs(&mut [9000, 1500, 3000, 7000]),
            Some(5.0)
        );
        assert_eq!(median_millis_as_secs(&mut [1500]), Some(1.5));
        assert_eq!(median_millis_as_secs(&mut []), None);
        assert_eq!(Distribution::default().quantile(0.5), None);
    }

    #[test]
    fn merge_adds_counts() {
        let mut a = Distribution::from_values([1., 3.]);
        a.merge(&Distribution::from_counts([(3., 2), (2., 1)]));
        assert_eq!(a.values, [(1., 1), (2., 1), (3., 3)]);
        assert_eq!(a.count(), 5);
    }
}
