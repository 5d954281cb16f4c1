//! The gap engine: holds a journey map's design against observed data.
//!
//! Two layers, with [`Aggregates`] as the contract between them (`docs/gaps.md`):
//!
//! 1. **Observation** ([`Collector`], [`ObservedLog`]): readers stream [`RawEvent`]s and
//!    [`RawScore`]s into a [`Collector`] (it is an [`EventSink`] and a [`ScoreSink`]); `finish`
//!    groups events by case and orders them by time; [`ObservedLog::aggregate`] folds the cases a
//!    [`Filter`] keeps into [`Aggregates`]: distinct variants with counts and per-case event
//!    times, per-activity counts and score distributions, directly-follows counts, channel
//!    switches, per-subject score distributions. Knows nothing of the map.
//! 2. **Report** ([`report`]): from a [`JourneyMap`] and [`Aggregates`] only, matches names to
//!    touchpoints, aligns each distinct variant once against the corridor, and computes the
//!    [`GapReport`].
//!
//! No I/O, no clock, no threads. Long loops report through [`Progress`] and stop with
//! [`GapError::Cancelled`] when told to.
//!
//! [`RawEvent`]: crate::data::RawEvent
//! [`RawScore`]: crate::data::RawScore
//! [`EventSink`]: crate::data::EventSink
//! [`ScoreSink`]: crate::data::ScoreSink

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::data::Progress;
use crate::model::JourneyMap;

mod aggregate;
pub mod align;
mod compare;
mod conformance;
pub mod generate;
pub mod intern;
pub mod mapping;
mod observe;
mod report;
mod rollup;
pub mod similarity;
pub mod stats;
mod types;

pub use aggregate::{
    ActivityStats, Aggregates, ChannelStats, Edge, SubjectStats, VariantRef, Variants,
};
pub use compare::{compare, TouchpointChange, WindowComparison};
pub use mapping::{aliases_edit, AliasIndex, ConfirmedAlias, MappingError, MatchKind};
pub use observe::{Collector, ObservedLog, MAX_EVENTS, NO_TIME};
pub use report::{report, ReportOptions};
pub use types::*;

/// Which cases and score rows a report looks at.
///
/// A case is kept whole or not at all: it is in the segment if the first segment its events
/// carry (in file order) is `segment`; it is in the window if its earliest timestamp `t`
/// satisfies `from ≤ t < to` (a case without any timestamp is in no window). A score row is
/// kept by its own segment and date the same way.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Filter {
    #[serde(default)]
    pub segment: Option<String>,
    #[serde(default)]
    pub from: Option<DateTime<Utc>>,
    #[serde(default)]
    pub to: Option<DateTime<Utc>>,
}

impl Filter {
    /// Everything.
    pub fn all() -> Filter {
        Filter::default()
    }

    /// The window in milliseconds since the epoch, half-open, or `None` without bounds.
    pub(crate) fn window_millis(&self) -> Result<Option<(i64, i64)>, GapError> {
        if self.from.is_none() && self.to.is_none() {
            return Ok(None);
        }
        if let (Some(from), Some(to)) = (self.from, self.to) {
            if from >= to {
                return Err(GapError::EmptyWindow { from, to });
            }
        }
        let from = self.from.map_or(i64::MIN + 1, |t| t.timestamp_millis());
        let to = self.to.map_or(i64::MAX, |t| t.timestamp_millis());
        Ok(Some((from, to)))
    }
}

/// Why the gap engine stopped.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GapError {
    #[error("cancelled")]
    Cancelled,
    #[error("the data has more {what} than the gap engine can hold (at most {limit})")]
    TooLarge { what: &'static str, limit: u64 },
    #[error("the time window is empty: {from} is not before {to}")]
    EmptyWindow {
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    },
}

/// Layer 1 then layer 2 over one filter: the report of `map` against `log`, with the default
/// [`ReportOptions`].
pub fn gap_report(
    map: &JourneyMap,
    log: &ObservedLog,
    filter: &Filter,
    progress: &mut dyn Progress,
) -> Result<GapReport, GapError> {
    gap_report_with(map, log, filter, &ReportOptions::default(), progress)
}

/// [`gap_report`] with chosen options.
pub fn gap_report_with(
    map: &JourneyMap,
    log: &ObservedLog,
    filter: &Filter,
    options: &ReportOptions,
    progress: &mut dyn Progress,
) -> Result<GapReport, GapError> {
    let aggregates = log.aggregate(filter, progress)?;
    report(map, &aggregates, options, progress)
}

/// [`gap_report_with`] for a log needed only once: it is consumed, which lets layer 1 free
/// each column as soon as it is read for the last time (see [`ObservedLog::into_aggregates`]).
pub fn gap_report_owned(
    map: &JourneyMap,
    log: ObservedLog,
    filter: &Filter,
    options: &ReportOptions,
    progress: &mut dyn Progress,
) -> Result<GapReport, GapError> {
    let aggregates = log.into_aggregates(filter, progress)?;
    report(map, &aggregates, options, progress)
}

/// The reports of two filters (typically two time windows of one segment) and their
/// differences.
pub fn compare_windows(
    map: &JourneyMap,
    log: &ObservedLog,
    before: &Filter,
    after: &Filter,
    progress: &mut dyn Progress,
) -> Result<WindowComparison, GapError> {
    let a = gap_report(map, log, before, progress)?;
    let b = gap_report(map, log, after, progress)?;
    Ok(compare(a, b))
}
