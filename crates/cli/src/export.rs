//! `corridor export`: a map file as a picture or as the strategy report.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use clap::ValueEnum;
use corridor_core::render::{self, Paper, RenderOptions};
use corridor_core::report::{self, ReportInputs};

use crate::files::{read_map, write_atomically};

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

/// Render a map file and write the result to `output` (and nowhere else).
pub fn export(
    path: &Path,
    format: ExportFormat,
    options: &RenderOptions,
    scale: f32,
    paper: Paper,
    output: &Path,
) -> Result<ExitCode> {
    let map = read_map(path)?;
    let inputs = ReportInputs {
        map: &map,
        gaps: None,
    };
    let bytes = match format {
        ExportFormat::Svg => render::map_svg(&map, options).into_bytes(),
        ExportFormat::Png => render::map_png(&map, options, scale)?,
        ExportFormat::Pdf => render::map_pdf(&map, options, paper)?,
        ExportFormat::Md => report::markdown(&inputs).into_bytes(),
        ExportFormat::Html => report::html(&inputs).into_bytes(),
        ExportFormat::ReportPdf => report::pdf(&inputs, paper)?,
    };
    write_atomically(output, &bytes)?;
    eprintln!("wrote {} ({} bytes)", output.display(), bytes.len());
    Ok(ExitCode::SUCCESS)
}
