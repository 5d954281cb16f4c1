//! The gap report of a map against the datasets stored beside it, with a segment and time
//! window filter, and the comparison of two windows. The data is read from the store each time
//! (streaming, a few hundred milliseconds of CPU per million events), so a report always
//! reflects the map and datasets as they are now.

use std::io::BufReader;

use corridor_core::data::{self, DatasetKind, Quiet};
use corridor_core::gap::{
    compare, gap_report_with, Collector, Filter, GapReport, ObservedLog, ReportOptions,
    WindowComparison,
};
use corridor_core::Id;

use crate::{StoreError, Workspace};

fn gap_err(reason: impl std::fmt::Display) -> StoreError {
    StoreError::Export {
        what: "the gap report".into(),
        reason: reason.to_string(),
    }
}

impl Workspace {
    /// Every dataset of `map` read into one observed log, with the datasets' names joined by
    /// commas; `None` when the map has no dataset.
    pub fn observed_log(&self, map: Id) -> Result<Option<(ObservedLog, String)>, StoreError> {
        let datasets = self.datasets(map)?;
        if datasets.is_empty() {
            return Ok(None);
        }
        let mut collector = Collector::new();
        for info in &datasets {
            let reader = BufReader::with_capacity(1 << 16, self.dataset_reader(info.id)?);
            let read = match info.settings.kind {
                DatasetKind::EventLog => {
                    data::read_events(reader, &info.settings, &mut collector, &mut Quiet)
                }
                DatasetKind::ScoreTable => {
                    data::read_scores(reader, &info.settings, &mut collector, &mut Quiet)
                }
            };
            read.map_err(|e| StoreError::DatasetSource {
                name: info.name.clone(),
                message: e.to_string(),
            })?;
        }
        let log = collector.finish(&mut Quiet).map_err(gap_err)?;
        let names: Vec<&str> = datasets.iter().map(|d| d.name.as_str()).collect();
        Ok(Some((log, names.join(", "))))
    }

    /// The gap report of `map` against all its datasets, limited to `filter`'s segment and
    /// window; `None` when the map has no dataset. `all_variants`: list every variant (for the
    /// data files), not only the first 1,000.
    pub fn gap_report_filtered(
        &self,
        map: Id,
        filter: &Filter,
        all_variants: bool,
    ) -> Result<Option<(GapReport, String)>, StoreError> {
        let m = self.get(map)?;
        let Some((log, names)) = self.observed_log(map)? else {
            return Ok(None);
        };
        let options = if all_variants {
            ReportOptions::all_variants()
        } else {
            ReportOptions::default()
        };
        let report = gap_report_with(&m, &log, filter, &options, &mut Quiet).map_err(gap_err)?;
        Ok(Some((report, names)))
    }

    /// The reports of two filters over the same data (typically two time windows) and the
    /// change per touchpoint; `None` when the map has no dataset.
    pub fn gap_compare(
        &self,
        map: Id,
        before: &Filter,
        after: &Filter,
    ) -> Result<Option<WindowComparison>, StoreError> {
        let m = self.get(map)?;
        let Some((log, _)) = self.observed_log(map)? else {
            return Ok(None);
        };
        let options = ReportOptions::default();
        let a = gap_report_with(&m, &log, before, &options, &mut Quiet).map_err(gap_err)?;
        let b = gap_report_with(&m, &log, after, &options, &mut Quiet).map_err(gap_err)?;
        Ok(Some(compare(a, b)))
    }
}
