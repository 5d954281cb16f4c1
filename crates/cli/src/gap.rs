//! `corridor gap` and `corridor draft`: observed data against a map, headless.

use std::fs::File;
use std::io::{BufRead, BufReader, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Args, ValueEnum};
use corridor_core::data::{
    self, DataFormat, DatasetKind, DateOrder, Flow, ImportSettings, LifecyclePolicy, Progress,
    ReadReport,
};
use corridor_core::gap::{
    gap_report_owned, Collector, Filter, GapReport, ObservedLog, ReportOptions,
};
use corridor_core::{file, Template};

use crate::files::{read_map, write_atomically};
use crate::now_seconds;

/// How the observed data is read.
#[derive(Args, Clone)]
pub struct ReadArgs {
    /// Score tables (CSV: touchpoint or activity, score; …) to count beside the event logs
    #[arg(long = "scores", value_name = "FILE")]
    pub scores: Vec<PathBuf>,
    /// How to read dates like 03/04/2026 when the file does not settle it
    #[arg(long, value_enum, default_value = "auto")]
    pub date_order: DateOrderArg,
    /// Keep every XES lifecycle transition, not only `complete`
    #[arg(long)]
    pub keep_all_lifecycle: bool,
    /// Stop at the first bad row instead of skipping and reporting bad rows
    #[arg(long)]
    pub strict: bool,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum DateOrderArg {
    /// ISO 8601 / RFC 3339, or a slash form that only one order can read
    Auto,
    DayFirst,
    MonthFirst,
}

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

/// The file's format: XES when its name says so or its bytes are gzip or XML, else CSV.
fn sniff(path: &Path) -> Result<DataFormat> {
    let name = path.to_string_lossy().to_lowercase();
    if name.ends_with(".xes") || name.ends_with(".xes.gz") {
        return Ok(DataFormat::Xes);
    }
    let mut head = [0u8; 64];
    let n = File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .with_context(|| format!("cannot read {}", path.display()))?;
    let head = &head[..n];
    let text = String::from_utf8_lossy(head);
    let xml = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<');
    Ok(if head.starts_with(&[0x1f, 0x8b]) || xml {
        DataFormat::Xes
    } else {
        DataFormat::Csv
    })
}

fn settings(kind: DatasetKind, format: DataFormat, args: &ReadArgs) -> ImportSettings {
    ImportSettings {
        kind,
        format,
        delimiter: None,
        has_header: None,
        columns: None,
        date_order: match args.date_order {
            DateOrderArg::Auto => DateOrder::Auto,
            DateOrderArg::DayFirst => DateOrder::DayFirst,
            DateOrderArg::MonthFirst => DateOrder::MonthFirst,
        },
        lifecycle: if args.keep_all_lifecycle {
            LifecyclePolicy::KeepAll
        } else {
            LifecyclePolicy::CompleteOnly
        },
        strict: args.strict,
    }
}

/// Progress on standard error, when it is a terminal.
struct Meter {
    name: String,
    shown: bool,
}

impl Progress for Meter {
    fn advance(&mut self, done: u64, total: Option<u64>, rows: u64) -> Flow {
        let mut err = std::io::stderr();
        if err.is_terminal() {
            let pct = total
                .filter(|t| *t > 0)
                .map(|t| format!(" {:>3}%", done * 100 / t));
            let _ = write!(
                err,
                "\r{}:{} {rows} rows",
                self.name,
                pct.unwrap_or_default()
            );
            self.shown = true;
        }
        Flow::Continue
    }
}

impl Drop for Meter {
    fn drop(&mut self) {
        if self.shown {
            eprint!("\r\x1b[K");
        }
    }
}

fn open(path: &Path) -> Result<(impl BufRead, u64)> {
    let file = File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    Ok((BufReader::with_capacity(1 << 16, file), len))
}

fn note_bad(path: &Path, report: &ReadReport) {
    if report.bad_rows > 0 {
        eprintln!(
            "{}: {} of {} rows skipped as bad; the first:",
            path.display(),
            report.bad_rows,
            report.rows
        );
        for bad in report.first_bad.iter().take(5) {
            let column = bad
                .column
                .as_deref()
                .map(|c| format!(", column {c}"))
                .unwrap_or_default();
            eprintln!("  line {}{column}: {}", bad.line, bad.reason);
        }
    }
    if report.skipped_lifecycle > 0 {
        eprintln!(
            "{}: {} lifecycle events other than `complete` left out (--keep-all-lifecycle keeps them)",
            path.display(),
            report.skipped_lifecycle
        );
    }
}

/// Read one file into `collector` (an event log, or a score table when `scores`), with
/// progress on standard error; returns the reader's report.
fn read_into(
    collector: &mut Collector,
    path: &Path,
    scores: bool,
    args: &ReadArgs,
) -> Result<ReadReport> {
    let (kind, format) = if scores {
        (DatasetKind::ScoreTable, DataFormat::Csv)
    } else {
        (DatasetKind::EventLog, sniff(path)?)
    };
    let (input, len) = open(path)?;
    let mut meter = Meter {
        name: path.display().to_string(),
        shown: false,
    };
    let mut progress = data::WithTotal {
        progress: &mut meter,
        total: len,
    };
    let settings = settings(kind, format, args);
    let what = if scores { "score table" } else { "event log" };
    let report = if scores {
        data::read_scores(input, &settings, collector, &mut progress)
    } else {
        data::read_events(input, &settings, collector, &mut progress)
    }
    .with_context(|| format!("cannot read the {what} {}", path.display()))?;
    drop(meter);
    note_bad(path, &report);
    Ok(report)
}

/// Read every event log and score table into one observed log. Any unreadable file stops the
/// whole read: nothing half-read is reported on.
pub fn read_all(logs: &[PathBuf], args: &ReadArgs) -> Result<ObservedLog> {
    let mut collector = Collector::new();
    for path in logs {
        read_into(&mut collector, path, false, args)?;
    }
    for path in &args.scores {
        read_into(&mut collector, path, true, args)?;
    }
    let log = collector.finish(&mut corridor_core::data::Quiet)?;
    if log.events() == 0 && log.score_rows() == 0 {
        bail!("the data holds no events and no scores");
    }
    Ok(log)
}

/// Parse a `--from`/`--to` time: RFC 3339, or a date (midnight UTC).
pub fn parse_time(text: &str) -> Result<chrono::DateTime<chrono::Utc>> {
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(text) {
        return Ok(t.with_timezone(&chrono::Utc));
    }
    let date = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .with_context(|| format!("`{text}` is neither a date (2026-03-01) nor an RFC 3339 time"))?;
    Ok(date
        .and_hms_opt(0, 0, 0)
        .expect("midnight exists")
        .and_utc())
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

fn opt(value: Option<f64>, digits: usize) -> String {
    value.map_or_else(|| "–".into(), |v| format!("{v:.digits$}"))
}

fn pct(value: Option<f64>) -> String {
    value.map_or_else(|| "–".into(), |v| format!("{:.0}%", v * 100.0))
}

/// Escape one CSV field.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

fn num(value: Option<f64>) -> String {
    value.map_or_else(String::new, |v| v.to_string())
}

pub fn csv_table(report: &GapReport, table: GapTable) -> String {
    let mut out = String::new();
    match table {
        GapTable::Touchpoints => {
            out.push_str("touchpoint,title,observations,cases,reach,mean,median,p10,target,gap,adds_share,neutral_share,takes_away_share\n");
            for t in &report.touchpoints {
                out.push_str(&format!(
                    "{},{},{},{},{},{},{},{},{},{},{},{},{}\n",
                    t.touchpoint,
                    field(&t.title),
                    t.observations,
                    t.cases,
                    t.reach,
                    num(t.mean),
                    num(t.median),
                    num(t.p10),
                    num(t.target),
                    num(t.gap),
                    num(t.adds_share),
                    num(t.neutral_share),
                    num(t.takes_away_share)
                ));
            }
        }
        GapTable::Stages => {
            out.push_str(
                "stage,name,designed,observed,cases,reach,drop_off,drop_off_share,score,target\n",
            );
            for s in &report.stages {
                out.push_str(&format!(
                    "{},{},{},{},{},{},{},{},{},{}\n",
                    s.stage,
                    field(&s.name),
                    s.designed,
                    s.observed,
                    s.cases,
                    s.reach,
                    s.drop_off.map_or(String::new(), |d| d.to_string()),
                    num(s.drop_off_share),
                    num(s.score),
                    num(s.target)
                ));
            }
        }
        GapTable::Priority => {
            out.push_str("rank,touchpoint,title,gap,reach,weight,impact\n");
            for (i, p) in report.priority.iter().enumerate() {
                out.push_str(&format!(
                    "{},{},{},{},{},{},{}\n",
                    i + 1,
                    p.touchpoint,
                    field(&p.title),
                    p.gap,
                    p.reach,
                    p.weight,
                    p.impact
                ));
            }
        }
        GapTable::Variants => {
            out.push_str("rank,count,share,fitness,activities\n");
            for (i, v) in report.variants.iter().enumerate() {
                let acts: Vec<&str> = v.activities.iter().map(|a| a.as_ref()).collect();
                out.push_str(&format!(
                    "{},{},{},{},{}\n",
                    i + 1,
                    v.count,
                    v.share,
                    v.fitness,
                    field(&acts.join(" > "))
                ));
            }
        }
        GapTable::Dfg => {
            out.push_str("from,to,count\n");
            for e in &report.dfg {
                out.push_str(&format!(
                    "{},{},{}\n",
                    field(&e.from),
                    field(&e.to),
                    e.count
                ));
            }
        }
    }
    out
}

fn kind_name(kind: corridor_core::gap::DeviationKind) -> &'static str {
    use corridor_core::gap::DeviationKind as K;
    match kind {
        K::SkippedStep => "skipped step",
        K::DroppedOut => "dropped out before",
        K::UnexpectedActivity => "unexpected activity",
        K::Repeat => "repeat",
        K::OutOfOrder => "out of order",
    }
}

/// A table printed as aligned text or as Markdown.
struct Table {
    header: Vec<&'static str>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn new(header: &[&'static str]) -> Table {
        Table {
            header: header.to_vec(),
            rows: Vec::new(),
        }
    }

    fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    fn render(&self, md: bool, out: &mut String) {
        if md {
            out.push_str(&format!(
                "| {} |\n|{}\n",
                self.header.join(" | "),
                "---|".repeat(self.header.len())
            ));
            for r in &self.rows {
                let cells: Vec<String> = r.iter().map(|c| c.replace('|', "\\|")).collect();
                out.push_str(&format!("| {} |\n", cells.join(" | ")));
            }
            return;
        }
        let width = |i: usize| {
            self.rows
                .iter()
                .map(|r| r[i].chars().count())
                .chain([self.header[i].chars().count()])
                .max()
                .unwrap_or(0)
        };
        let widths: Vec<usize> = (0..self.header.len()).map(width).collect();
        let line = |cells: Vec<&str>| {
            let padded: Vec<String> = cells
                .iter()
                .zip(&widths)
                .enumerate()
                // The first column is text (left-aligned); the others are figures.
                .map(|(i, (c, w))| {
                    if i == 0 {
                        format!("{c:<w$}")
                    } else {
                        format!("{c:>w$}")
                    }
                })
                .collect();
            format!("  {}\n", padded.join("  ").trim_end())
        };
        out.push_str(&line(self.header.clone()));
        for r in &self.rows {
            out.push_str(&line(r.iter().map(String::as_str).collect()));
        }
    }
}

/// The readable summary; `md` switches to Markdown.
pub fn summary(report: &GapReport, md: bool) -> String {
    let mut o = String::new();
    let t = &report.totals;
    let heading = |o: &mut String, title: &str| {
        o.push_str(&if md {
            format!("\n## {title}\n\n")
        } else {
            format!("\n{title}\n")
        });
    };
    if md {
        o.push_str("# Gap report\n\n");
    }
    o.push_str(&format!(
        "{} cases, {} events, {} score rows, {} activities, {} variants.\n",
        t.cases, t.events, t.score_rows, t.activities, t.variants
    ));
    let c = &report.conformance;
    let e = &report.experience;
    o.push_str(&format!(
        "Sweep: {} of {} stages with a target meet it{}. Experience score {} (mean score {}).\n\
         Conformance: log fitness {}, mean case fitness {}, {} of cases follow the corridor exactly.\n",
        report.sweep.stages_met,
        report.sweep.stages_with_target,
        if report.sweep.won { ": the journey is won" } else { "" },
        opt(e.score, 1),
        opt(e.mean, 2),
        opt(c.log_fitness, 3),
        opt(c.mean_case_fitness, 3),
        pct(c.fitting_case_share),
    ));

    heading(&mut o, "Touchpoints");
    let mut table = Table::new(&[
        "touchpoint",
        "obs",
        "reach",
        "mean",
        "target",
        "gap",
        "takes away",
    ]);
    for tp in &report.touchpoints {
        table.row(vec![
            tp.title.clone(),
            tp.observations.to_string(),
            pct(Some(tp.reach)),
            opt(tp.mean, 2),
            opt(tp.target, 2),
            opt(tp.gap, 2),
            pct(tp.takes_away_share),
        ]);
    }
    table.render(md, &mut o);

    heading(&mut o, "Stages");
    let mut table = Table::new(&["stage", "cases", "score", "target", "drop-off"]);
    for s in &report.stages {
        table.row(vec![
            s.name.clone(),
            s.cases.to_string(),
            opt(s.score, 2),
            opt(s.target, 2),
            pct(s.drop_off_share),
        ]);
    }
    table.render(md, &mut o);

    heading(&mut o, "Priority (impact = |gap| × reach × weight)");
    if report.priority.is_empty() {
        o.push_str("  No touchpoint falls short of its target.\n");
    } else {
        let mut table = Table::new(&["touchpoint", "rank", "gap", "reach", "impact"]);
        for p in &report.priority {
            table.row(vec![
                p.title.clone(),
                p.rank.to_string(),
                format!("{:.2}", p.gap),
                pct(Some(p.reach)),
                format!("{:.3}", p.impact),
            ]);
        }
        table.render(md, &mut o);
    }

    heading(&mut o, "Top deviations from the corridor");
    let mut table = Table::new(&["deviation", "cases", "occurrences"]);
    for d in report.conformance.deviations.iter().take(10) {
        table.row(vec![
            format!("{}: {}", kind_name(d.kind), d.label),
            d.cases.to_string(),
            d.occurrences.to_string(),
        ]);
    }
    table.render(md, &mut o);

    let blind = &report.blind_spots;
    heading(&mut o, "Blind spots");
    o.push_str(&format!(
        "{}{} observed activities match no touchpoint; {} designed touchpoints were never observed.\n",
        if md { "" } else { "  " },
        blind.unmatched_activities.len(),
        blind.unobserved_touchpoints.len()
    ));
    o
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
