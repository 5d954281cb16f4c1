//! `corridor export`: a map file as a picture, as the strategy report, or (with observed data)
//! as the gap tables.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Result};
use clap::{Args, ValueEnum};
use corridor_core::gap::{Filter, GapReport};
use corridor_core::render::{self, Paper, RenderOptions};
use corridor_core::report::tables::{gap_tables, table_csv, tables_json, tables_zip};
use corridor_core::report::{self, ReportGaps, ReportInputs};

use crate::files::{read_map, write_atomically};
use crate::gap;

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// The map as SVG
    Svg,
    /// The map as PNG, at --scale
    Png,
    /// The map as PDF, on --paper (landscape), split across pages as needed
    Pdf,
    /// The strategy report as Markdown
    Md,
    /// The strategy report as one self-contained HTML file (the map and charts inline)
    Html,
    /// The strategy report as PDF, on --paper
    ReportPdf,
    /// The gap tables (needs --data or --scores): a zip of one CSV per table, or with --table
    /// that one table as a CSV file
    Csv,
    /// The gap tables (needs --data or --scores) as one JSON document
    Json,
}

impl ExportFormat {
    pub fn needs_data(self) -> bool {
        matches!(self, ExportFormat::Csv | ExportFormat::Json)
    }
}

#[derive(Clone, Copy, ValueEnum)]
pub enum PaperArg {
    /// 210 x 297 mm
    A4,
    /// 8.5 x 11 in
    Letter,
}

impl From<PaperArg> for Paper {
    fn from(p: PaperArg) -> Paper {
        match p {
            PaperArg::A4 => Paper::A4,
            PaperArg::Letter => Paper::Letter,
        }
    }
}

pub fn parse_scale(text: &str) -> Result<f32, String> {
    match text.parse::<f32>() {
        Ok(scale) if scale.is_finite() && (0.1..=8.0).contains(&scale) => Ok(scale),
        _ => Err(format!("`{text}` is not a scale from 0.1 to 8")),
    }
}

/// `--table NAME`: one of the gap tables.
pub fn parse_table(text: &str) -> Result<String, String> {
    let names = corridor_core::report::tables::TABLE_NAMES;
    if names.contains(&text) {
        Ok(text.to_string())
    } else {
        Err(format!(
            "`{text}` is not a gap table; the tables are: {}",
            names.join(", ")
        ))
    }
}

// `corridor export`'s arguments.
#[derive(Args)]
pub struct ExportArgs {
    /// The map file (*.corridor.json)
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// What to write
    #[arg(long, short, value_enum)]
    format: ExportFormat,
    /// PNG only: pixels per map unit (0.1 to 8)
    #[arg(long, default_value_t = 1.0, value_parser = parse_scale)]
    scale: f32,
    /// PDF only: the paper size (map pages are landscape, report pages portrait)
    #[arg(long, value_enum, default_value = "a4")]
    paper: PaperArg,
    /// SVG only: leave the fonts out (about 1.4 MB smaller; viewers without Noto Sans then
    /// draw the text in a font of their own)
    #[arg(long)]
    no_embed_fonts: bool,
    /// Observed data (event logs: CSV, XES, XES.gz): colours the map by gap, fills the
    /// report's gap section, and is what the gap tables (csv, json) are made of
    #[arg(long = "data", value_name = "DATA")]
    data: Vec<PathBuf>,
    #[command(flatten)]
    read: gap::ReadArgs,
    /// CSV only: write this one gap table as a CSV file instead of a zip of all of them
    #[arg(long, value_name = "NAME", value_parser = parse_table)]
    table: Option<String>,
    /// Where to write (replaced if it exists; written whole or not at all)
    #[arg(long, short, value_name = "OUT")]
    output: PathBuf,
}

/// `corridor export` from its arguments: exit 2 when csv or json is asked for without data.
pub fn run(args: ExportArgs) -> Result<ExitCode> {
    let ExportArgs {
        file,
        format,
        scale,
        paper,
        no_embed_fonts,
        data,
        read,
        table,
        output,
    } = args;
    let options = RenderOptions {
        embed_fonts: format == ExportFormat::Svg && !no_embed_fonts,
        ..RenderOptions::default()
    };
    if format.needs_data() && data.is_empty() && read.scores.is_empty() {
        eprintln!(
            "error: --format csv and json are the gap tables: give --data FILE (an event \
             log) or --scores FILE (a score table)"
        );
        return Ok(ExitCode::from(2));
    }
    let data = DataArgs {
        logs: &data,
        read: &read,
        table: table.as_deref(),
    };
    export(&file, format, &options, scale, paper.into(), &data, &output)
}

/// Observed data for an export: the files and how to read them.
pub struct DataArgs<'a> {
    pub logs: &'a [PathBuf],
    pub read: &'a gap::ReadArgs,
    /// `--table`: with CSV, write this one table as a plain CSV file.
    pub table: Option<&'a str>,
}

impl DataArgs<'_> {
    fn given(&self) -> bool {
        !self.logs.is_empty() || !self.read.scores.is_empty()
    }

    /// What was read, by file name: "events.csv, survey.csv".
    fn names(&self) -> String {
        self.logs
            .iter()
            .chain(&self.read.scores)
            .map(|p| {
                p.file_name().map_or_else(
                    || p.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Render a map file and write the result to `output` (and nowhere else).
pub fn export(
    path: &Path,
    format: ExportFormat,
    options: &RenderOptions,
    scale: f32,
    paper: Paper,
    data: &DataArgs,
    output: &Path,
) -> Result<ExitCode> {
    let map = read_map(path)?;
    if format.needs_data() && !data.given() {
        bail!(
            "the gap tables need observed data: give --data FILE (an event log) or --scores FILE"
        );
    }
    // Every table lists every variant: a data file should hold all of them.
    let gaps: Option<(GapReport, ReportGaps)> = if data.given() {
        let log = gap::read_all(data.logs, data.read)?;
        let report = gap::report(&map, log, &Filter::all(), format.needs_data())?;
        let hooks = ReportGaps::from_gap_report(&report, &data.names());
        Some((report, hooks))
    } else {
        None
    };
    let mut options = options.clone();
    if let Some((_, hooks)) = &gaps {
        options.overlay = Some(hooks.overlay.clone());
    }
    let inputs = ReportInputs {
        map: &map,
        gaps: gaps.as_ref().map(|(_, hooks)| hooks),
    };
    let bytes = match format {
        ExportFormat::Svg => render::map_svg(&map, &options).into_bytes(),
        ExportFormat::Png => render::map_png(&map, &options, scale)?,
        ExportFormat::Pdf => render::map_pdf(&map, &options, paper)?,
        ExportFormat::Md => report::markdown(&inputs).into_bytes(),
        ExportFormat::Html => report::html(&inputs).into_bytes(),
        ExportFormat::ReportPdf => report::pdf(&inputs, paper)?,
        ExportFormat::Csv | ExportFormat::Json => {
            let Some((report, _)) = &gaps else {
                unreachable!("checked above: the tables have data")
            };
            let tables = gap_tables(&map, report);
            let source = data.names();
            match (format, data.table) {
                (ExportFormat::Json, _) => tables_json(&map, &source, &tables).into_bytes(),
                (_, Some(name)) => {
                    let table = tables
                        .iter()
                        .find(|t| t.name == name)
                        .expect("a known table");
                    table_csv(table).into_bytes()
                }
                _ => tables_zip(&map, &source, &tables)?,
            }
        }
    };
    write_atomically(output, &bytes)?;
    eprintln!("wrote {} ({} bytes)", output.display(), bytes.len());
    Ok(ExitCode::SUCCESS)
}
