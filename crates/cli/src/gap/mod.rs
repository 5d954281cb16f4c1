//! `corridor gap` and `corridor draft`: observed data against a map, headless. Reading the data
//! is in `read`, printing the report in `text`.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Args, ValueEnum};
use corridor_core::data;
use corridor_core::gap::{
    gap_report_owned, Collector, Filter, GapReport, ObservedLog, ReportOptions,
};
use corridor_core::{file, Template};

use crate::files::{read_map, write_atomically};
use crate::now_seconds;

mod read;
mod text;

use read::read_into;
pub use read::{parse_time, read_all, ReadArgs};
pub use text::{csv_table, summary};

/// What `corridor gap` prints.
#[derive(Clone, Copy, ValueEnum)]
pub enum GapFormat {
    /// A readable summary
    Table,
    /// The whole report (documented in docs/gaps.md)
    Json,
    /// One table as CSV (see --table)
    Csv,
    /// A Markdown summary
    Md,
}

/// Which table `--format csv` prints.
#[derive(Clone, Copy, ValueEnum)]
pub enum GapTable {
    Touchpoints,
    Stages,
    Priority,
    Variants,
    Dfg,
}

/// The report of `map` against `log` (consumed: layer 1 frees its columns as it goes).
pub fn report(
    map: &corridor_core::JourneyMap,
    log: ObservedLog,
    filter: &Filter,
    all_variants: bool,
) -> Result<GapReport> {
    let options = if all_variants {
        ReportOptions::all_variants()
    } else {
        ReportOptions::default()
    };
    Ok(gap_report_owned(
        map,
        log,
        filter,
        &options,
        &mut corridor_core::data::Quiet,
    )?)
}

/// `corridor import-data`: read the file through the same reader the report uses (so a file
/// that cannot be read is refused before anything is stored), then store its bytes beside the
/// map with the settings the read resolved. Returns the dataset as stored.
pub fn import_data(
    ws: &corridor_store::Workspace,
    map: corridor_core::Id,
    path: &Path,
    scores: bool,
    args: &ReadArgs,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<data::DatasetInfo> {
    // The map must exist before the file is read at all.
    ws.get(map)?;
    let report = read_into(&mut Collector::new(), path, scores, args)?;
    let len = std::fs::metadata(path)
        .with_context(|| format!("cannot read {}", path.display()))?
        .len();
    if report.kept == 0 {
        bail!("{}: no usable rows: nothing was stored", path.display());
    }
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let info = data::DatasetInfo {
        id: uuid::Uuid::new_v4(),
        map,
        name: name.clone(),
        source: name,
        settings: report.settings.clone(),
        imported: now,
        bytes: len,
        rows: report.rows,
        bad_rows: report.bad_rows,
    };
    let mut file = File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(ws.dataset_put(&info, &mut file, &mut corridor_core::data::Quiet)?)
}

// `corridor gap`'s arguments.
#[derive(Args)]
pub struct GapArgs {
    /// The map (*.corridor.json)
    #[arg(value_name = "MAP")]
    map: PathBuf,
    /// Event logs: CSV, XES or XES.gz
    #[arg(value_name = "DATA")]
    data: Vec<PathBuf>,
    #[command(flatten)]
    read: ReadArgs,
    /// Only cases of this segment
    #[arg(long)]
    segment: Option<String>,
    /// Only cases whose first event is at or after this time (2026-03-01 or RFC 3339)
    #[arg(long, value_name = "TIME")]
    from: Option<String>,
    /// Only cases whose first event is before this time
    #[arg(long, value_name = "TIME")]
    to: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    format: GapFormat,
    /// With --format csv: which table
    #[arg(long, value_enum, default_value = "touchpoints")]
    table: GapTable,
    /// Write to FILE instead of standard output
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// `corridor gap MAP DATA…`: the gap report, as a summary, JSON, CSV or Markdown.
pub fn gap(args: GapArgs) -> Result<ExitCode> {
    let GapArgs {
        map,
        data,
        read,
        segment,
        from,
        to,
        format,
        table,
        output,
    } = args;
    let map = read_map(&map)?;
    if data.is_empty() && read.scores.is_empty() {
        bail!("give at least one event log (DATA) or score table (--scores)");
    }
    let filter = Filter {
        segment,
        from: from.as_deref().map(parse_time).transpose()?,
        to: to.as_deref().map(parse_time).transpose()?,
    };
    let log = read_all(&data, &read)?;
    let all_variants = matches!(format, GapFormat::Json | GapFormat::Csv);
    let report = report(&map, log, &filter, all_variants)?;
    let text = match format {
        GapFormat::Json => {
            let mut t = serde_json::to_string_pretty(&report)?;
            t.push('\n');
            t
        }
        GapFormat::Csv => csv_table(&report, table),
        GapFormat::Table => summary(&report, false),
        GapFormat::Md => summary(&report, true),
    };
    match output {
        Some(path) => write_atomically(&path, text.as_bytes())?,
        None => print!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}

// `corridor draft`'s arguments.
#[derive(Args)]
pub struct DraftArgs {
    #[arg(value_name = "LOG")]
    log: PathBuf,
    #[command(flatten)]
    read: ReadArgs,
    /// The map's title
    #[arg(long, default_value = "As-is journey")]
    title: String,
    #[arg(long, short, value_name = "MAP")]
    output: PathBuf,
    /// Replace MAP if it exists
    #[arg(long)]
    force: bool,
}

/// `corridor draft LOG -o MAP`: an as-is map drafted from the event log alone.
pub fn draft(args: DraftArgs) -> Result<ExitCode> {
    let DraftArgs {
        log,
        read,
        title,
        output,
        force,
    } = args;
    if output.exists() && !force {
        bail!(
            "{} exists already; pass --force to replace it",
            output.display()
        );
    }
    let observed = read_all(std::slice::from_ref(&log), &read)?;
    let empty = Template::Blank.instantiate(
        uuid::Uuid::new_v4(),
        &title,
        &mut uuid::Uuid::new_v4,
        now_seconds(),
    );
    let report = report(&empty, observed, &Filter::all(), true)?;
    let map = corridor_core::draft::draft_map(
        uuid::Uuid::new_v4(),
        &title,
        &report.variants,
        &mut uuid::Uuid::new_v4,
        now_seconds(),
    );
    write_atomically(&output, file::to_string(&map).as_bytes())?;
    eprintln!(
        "wrote {}: {} touchpoints, a corridor of {} steps",
        output.display(),
        map.touchpoints.len(),
        map.corridor.steps.len()
    );
    Ok(ExitCode::SUCCESS)
}
