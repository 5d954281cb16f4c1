//! `corridor`: Corridor's command line. Works on map files directly, and on a workspace (the
//! app's own, or one named with `--workspace`) through the same store API the app uses.

mod aliases;
mod history;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use corridor_core::render::{self, RenderOptions};
use corridor_core::{file, outline::outline, validate, Template};
use corridor_store::{StoreError, Workspace};

mod export;
mod files;
mod gap;
mod library;

use export::{parse_scale, ExportFormat, PaperArg};
use files::{parse, read_map, read_text, write_atomically};

const EXIT_CODES: &str = "\
Exit codes:
  0  success
  1  an input has problems, or the request cannot be done: a map that does not validate, a
     file that is not a readable map, nothing to undo, a revision that is not kept
  2  the command line itself is wrong (unknown command or option, missing argument)
  3  the workspace or the file system failed (locked, unreadable, not found, cannot write)";

/// Design customer journeys, headless.
#[derive(Parser)]
#[command(name = "corridor", version, about, after_help = EXIT_CODES)]
struct Cli {
    /// The workspace directory (default: the app's own workspace)
    #[arg(long, global = true, env = "CORRIDOR_WORKSPACE", value_name = "DIR")]
    workspace: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write a new map from a template
    New {
        /// The template to start from
        #[arg(long, short, value_enum, default_value = "lifecycle")]
        template: TemplateArg,
        /// The map's title
        #[arg(long, default_value = "Untitled journey")]
        title: String,
        /// Where to write the map (default: standard output)
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace FILE if it exists
        #[arg(long)]
        force: bool,
    },
    /// Check map files; lists every problem with its path and exits 1 if there are any
    Validate {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Print a readable outline of a map: stages, touchpoints, corridor, story
    Show {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Rewrite map files in the canonical form (or, with --check, report those that are not)
    Fmt {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Change nothing; exit 1 if a file is not in canonical form
        #[arg(long)]
        check: bool,
    },
    /// Store a map file in the workspace; prints the map's id once it is durably stored
    Import {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// List the maps in the workspace
    List,
    /// Store a new map from a template in the workspace; prints its id
    Create {
        /// The template to start from
        #[arg(long, short, value_enum, default_value = "lifecycle")]
        template: TemplateArg,
        /// The map's title
        #[arg(long)]
        title: String,
    },
    /// Store a copy of a map ("<title> (copy)", without its history); prints the copy's id
    Duplicate { id: String },
    /// Give a map a new title (an edit: `corridor undo` takes it back)
    Rename { id: String, title: String },
    /// Remove a map from the workspace with its history and datasets (cannot be undone)
    Delete { id: String },
    /// Store observed data (an event log, or with --scores a score table) beside a map in the
    /// workspace; prints the dataset's id once it is durably stored
    ImportData {
        /// The map's id (as `corridor list` shows it)
        id: String,
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The file is a score table, not an event log
        #[arg(long = "score-table")]
        score_table: bool,
        #[command(flatten)]
        read: gap::ReadArgs,
    },
    /// Hold a map against observed data: the gap report (formulas in docs/gaps.md)
    Gap {
        /// The map (*.corridor.json)
        #[arg(value_name = "MAP")]
        map: PathBuf,
        /// Event logs: CSV, XES or XES.gz
        #[arg(value_name = "DATA")]
        data: Vec<PathBuf>,
        #[command(flatten)]
        read: gap::ReadArgs,
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
        format: gap::GapFormat,
        /// With --format csv: which table
        #[arg(long, value_enum, default_value = "touchpoints")]
        table: gap::GapTable,
        /// Write to FILE instead of standard output
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// List the observed names that match no touchpoint (with counts and a suggested
    /// touchpoint); with --accept or --accept-suggestions, save the answers as aliases
    Aliases {
        /// The map: a *.corridor.json file (rewritten in place) or a workspace map's id
        #[arg(value_name = "MAP")]
        map: String,
        /// Event logs: CSV, XES or XES.gz
        #[arg(value_name = "DATA")]
        data: Vec<PathBuf>,
        #[command(flatten)]
        read: gap::ReadArgs,
        /// Save NAME as an alias of TOUCHPOINT (its id or its title); repeatable
        #[arg(long, value_name = "NAME=TOUCHPOINT", value_parser = aliases::parse_accept)]
        accept: Vec<(String, String)>,
        /// Save every suggested touchpoint as shown by the listing
        #[arg(long)]
        accept_suggestions: bool,
    },
    /// Draft an as-is map from an event log alone (one touchpoint per activity; the corridor
    /// is the most frequent variant)
    Draft {
        #[arg(value_name = "LOG")]
        log: PathBuf,
        #[command(flatten)]
        read: gap::ReadArgs,
        /// The map's title
        #[arg(long, default_value = "As-is journey")]
        title: String,
        #[arg(long, short, value_name = "MAP")]
        output: PathBuf,
        /// Replace MAP if it exists
        #[arg(long)]
        force: bool,
    },
    /// Export a map file as a picture (svg, png, pdf), as the strategy report (md, html,
    /// report-pdf), or with observed data as the gap tables (csv, json)
    #[command(
        after_help = "Examples:\n  corridor export map.corridor.json --format png --scale 2 -o map.png\n  \
        corridor export map.corridor.json --format pdf --paper letter -o map.pdf\n  \
        corridor export map.corridor.json --format html -o report.html\n  \
        corridor export map.corridor.json --data events.csv --format csv -o gaps.zip\n  \
        corridor export map.corridor.json --data events.csv --format csv --table priority -o priority.csv\n  \
        corridor export map.corridor.json --data log.xes.gz --scores survey.csv --format html -o report.html"
    )]
    Export {
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
        #[arg(long, value_name = "NAME", value_parser = export::parse_table)]
        table: Option<String>,
        /// Where to write (replaced if it exists; written whole or not at all)
        #[arg(long, short, value_name = "OUT")]
        output: PathBuf,
    },
    /// Write a stored map to a native file
    ExportFile {
        /// The map's id (as `corridor list` shows it)
        id: String,
        #[arg(value_name = "OUT")]
        out: PathBuf,
    },
    /// Show a map's latest revisions, what undo and redo would do, and its snapshots
    History {
        id: String,
        /// How many revisions to show
        #[arg(long, default_value_t = 30)]
        limit: usize,
    },
    /// Show what changed from a revision of a map to now
    Diff { id: String, revision: u64 },
    /// Name the current revision of a map ("after the March workshop")
    Snapshot { id: String, name: String },
    /// Put a map back as it was at a revision (itself a change that `undo` takes back)
    Restore { id: String, revision: u64 },
    /// Undo the latest change to a map
    Undo { id: String },
    /// Redo the latest undone change to a map
    Redo { id: String },
    /// Write every map that can be read from a workspace, even a damaged one, as native files
    /// into OUT; never writes to the workspace
    Salvage {
        #[arg(value_name = "OUT")]
        out: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum TemplateArg {
    /// Awareness, Consideration, Transaction, Use, Inactivity
    Lifecycle,
    /// Discovery, Evaluation, Negotiation, Onboarding, Adoption, Renewal
    Saas,
    /// A citizen's path through a public service
    PublicService,
    /// One stage
    Blank,
}

impl From<TemplateArg> for Template {
    fn from(t: TemplateArg) -> Template {
        match t {
            TemplateArg::Lifecycle => Template::Lifecycle,
            TemplateArg::Saas => Template::Saas,
            TemplateArg::PublicService => Template::PublicService,
            TemplateArg::Blank => Template::Blank,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            let input = err.chain().any(|e| {
                e.is::<corridor_core::FileError>()
                    || e.is::<corridor_core::data::ImportError>()
                    || e.is::<render::RenderError>()
                    || e.is::<corridor_core::report::tables::TooLargeForZip>()
                    || e.is::<corridor_core::gap::MappingError>()
                    || e.is::<aliases::Refused>()
                    || matches!(
                        e.downcast_ref::<StoreError>(),
                        Some(
                            StoreError::Invalid { .. }
                                | StoreError::BadFile { .. }
                                | StoreError::EditAddsProblems { .. }
                                | StoreError::Edit { .. }
                                | StoreError::NothingToUndo { .. }
                                | StoreError::NothingToRedo { .. }
                                | StoreError::RevisionUnknown { .. }
                                | StoreError::RevisionGone { .. }
                                | StoreError::BadName { .. }
                        )
                    )
            });
            ExitCode::from(if input { 1 } else { 3 })
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::New {
            template,
            title,
            output,
            force,
        } => new(template.into(), &title, output, force),
        Command::Validate { files } => validate_files(&files),
        Command::Show { file } => {
            print!("{}", outline(&read_map(&file)?));
            Ok(ExitCode::SUCCESS)
        }
        Command::Fmt { files, check } => fmt(&files, check),
        Command::Import { file } => {
            let text = read_text(&file)?;
            let ws = open_workspace(cli.workspace)?;
            let id = ws
                .import_text(&text, chrono::Utc::now())
                .with_context(|| format!("cannot import {}", file.display()))?;
            println!("{id}");
            Ok(ExitCode::SUCCESS)
        }
        Command::List => {
            let ws = open_workspace(cli.workspace)?;
            let maps = ws.list()?;
            if maps.is_empty() {
                eprintln!("the workspace at {} holds no maps", ws.path().display());
            }
            let mut out = std::io::stdout().lock();
            for m in maps {
                writeln!(
                    out,
                    "{}  {}  ({} stages, {} touchpoints{}; saved {})",
                    m.id,
                    m.title,
                    m.stages,
                    m.touchpoints,
                    m.persona.map(|p| format!(", for {p}")).unwrap_or_default(),
                    m.saved_at.format("%Y-%m-%d %H:%M UTC"),
                )?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Create { template, title } => {
            library::create(&open_workspace(cli.workspace)?, template.into(), &title)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Duplicate { id } => {
            let id = history::parse_id(&id)?;
            library::duplicate(&open_workspace(cli.workspace)?, id)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Rename { id, title } => {
            let id = history::parse_id(&id)?;
            library::rename(&open_workspace(cli.workspace)?, id, &title)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Delete { id } => {
            let id = history::parse_id(&id)?;
            library::delete(&open_workspace(cli.workspace)?, id)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Gap {
            map,
            data,
            read,
            segment,
            from,
            to,
            format,
            table,
            output,
        } => {
            let map = read_map(&map)?;
            if data.is_empty() && read.scores.is_empty() {
                anyhow::bail!("give at least one event log (DATA) or score table (--scores)");
            }
            let filter = corridor_core::gap::Filter {
                segment,
                from: from.as_deref().map(gap::parse_time).transpose()?,
                to: to.as_deref().map(gap::parse_time).transpose()?,
            };
            let log = gap::read_all(&data, &read)?;
            let all_variants = matches!(format, gap::GapFormat::Json | gap::GapFormat::Csv);
            let report = gap::report(&map, log, &filter, all_variants)?;
            let text = match format {
                gap::GapFormat::Json => {
                    let mut t = serde_json::to_string_pretty(&report)?;
                    t.push('\n');
                    t
                }
                gap::GapFormat::Csv => gap::csv_table(&report, table),
                gap::GapFormat::Table => gap::summary(&report, false),
                gap::GapFormat::Md => gap::summary(&report, true),
            };
            match output {
                Some(path) => write_atomically(&path, text.as_bytes())?,
                None => print!("{text}"),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Aliases {
            map,
            data,
            read,
            accept,
            accept_suggestions,
        } => {
            aliases::aliases(
                &map,
                &data,
                &read,
                &accept,
                accept_suggestions,
                cli.workspace,
                now_seconds(),
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Draft {
            log,
            read,
            title,
            output,
            force,
        } => {
            if output.exists() && !force {
                bail!(
                    "{} exists already; pass --force to replace it",
                    output.display()
                );
            }
            let observed = gap::read_all(std::slice::from_ref(&log), &read)?;
            let empty = Template::Blank.instantiate(
                uuid::Uuid::new_v4(),
                &title,
                &mut uuid::Uuid::new_v4,
                now_seconds(),
            );
            let report = gap::report(&empty, observed, &corridor_core::gap::Filter::all(), true)?;
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
        Command::Export {
            file,
            format,
            scale,
            paper,
            no_embed_fonts,
            data,
            read,
            table,
            output,
        } => {
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
            let data = export::DataArgs {
                logs: &data,
                read: &read,
                table: table.as_deref(),
            };
            export::export(&file, format, &options, scale, paper.into(), &data, &output)
        }
        Command::ExportFile { id, out } => {
            let id = history::parse_id(&id)?;
            let ws = open_workspace(cli.workspace)?;
            let text = ws.export_text(id)?;
            write_atomically(&out, text.as_bytes())?;
            eprintln!("wrote {}", out.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::ImportData {
            id,
            file,
            score_table,
            read,
        } => {
            let id = history::parse_id(&id)?;
            let ws = open_workspace(cli.workspace)?;
            let info = gap::import_data(&ws, id, &file, score_table, &read, now_seconds())?;
            eprintln!(
                "stored {} ({} rows, {} bad) beside the map",
                info.name, info.rows, info.bad_rows
            );
            println!("{}", info.id);
            Ok(ExitCode::SUCCESS)
        }
        Command::History { id, limit } => {
            let id = history::parse_id(&id)?;
            history::history(&open_workspace(cli.workspace)?, id, limit)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Diff { id, revision } => {
            let id = history::parse_id(&id)?;
            history::diff(&open_workspace(cli.workspace)?, id, revision)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Snapshot { id, name } => {
            let id = history::parse_id(&id)?;
            let s = open_workspace(cli.workspace)?.snapshot(id, &name, now_seconds())?;
            println!(
                "revision {} is now \"{}\": {}",
                s.revision,
                s.name.unwrap_or_default(),
                s.summary
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Restore { id, revision } => {
            let id = history::parse_id(&id)?;
            let ws = open_workspace(cli.workspace)?;
            history::applied(&ws.restore(id, None, revision, now_seconds())?)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Undo { id } => {
            let id = history::parse_id(&id)?;
            let ws = open_workspace(cli.workspace)?;
            history::applied(&ws.undo(id, None, now_seconds())?)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Redo { id } => {
            let id = history::parse_id(&id)?;
            let ws = open_workspace(cli.workspace)?;
            history::applied(&ws.redo(id, None, now_seconds())?)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Salvage { out } => {
            let dir = match cli.workspace {
                Some(dir) => dir,
                None => Workspace::default_dir()?,
            };
            let report = corridor_store::salvage(&dir, &out)
                .with_context(|| format!("cannot salvage the workspace at {}", dir.display()))?;
            for m in &report.written {
                println!("{}  {}", m.file.display(), m.title);
            }
            for f in &report.failed {
                eprintln!("could not read {}: {}", f.what, f.reason);
            }
            eprintln!(
                "wrote {} map(s) into {}",
                report.written.len(),
                report.folder.display()
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn new(template: Template, title: &str, output: Option<PathBuf>, force: bool) -> Result<ExitCode> {
    let mut ids = uuid::Uuid::new_v4;
    let map = template.instantiate(uuid::Uuid::new_v4(), title, &mut ids, now_seconds());
    let text = file::to_string(&map);
    match output {
        Some(path) => {
            if path.exists() && !force {
                bail!(
                    "{} exists already; pass --force to replace it",
                    path.display()
                );
            }
            write_atomically(&path, text.as_bytes())?;
            eprintln!("wrote {} ({} template)", path.display(), template.label());
        }
        None => print!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}

/// Now, to the second: maps keep whole-second times so files stay short and readable.
fn now_seconds() -> chrono::DateTime<chrono::Utc> {
    let now = chrono::Utc::now();
    chrono::DateTime::from_timestamp(now.timestamp(), 0).unwrap_or(now)
}

fn validate_files(files: &[PathBuf]) -> Result<ExitCode> {
    let mut bad = 0;
    let mut unreadable = 0;
    for path in files {
        let text = match read_text(path) {
            Ok(text) => text,
            Err(err) => {
                unreadable += 1;
                println!("{}: {err:#}", path.display());
                continue;
            }
        };
        match parse(path, &text) {
            Err(err) => {
                bad += 1;
                println!("{}: {err:#}", path.display());
            }
            Ok(map) => {
                let problems = validate(&map);
                if problems.is_empty() {
                    println!("{}: ok", path.display());
                } else {
                    bad += 1;
                    println!("{}: {} problem(s)", path.display(), problems.len());
                    for p in problems {
                        println!("  {}: {}", p.path, p.message);
                    }
                }
            }
        }
    }
    Ok(match (unreadable, bad) {
        (0, 0) => ExitCode::SUCCESS,
        (0, _) => ExitCode::from(1),
        _ => ExitCode::from(3),
    })
}

fn fmt(files: &[PathBuf], check: bool) -> Result<ExitCode> {
    let mut unformatted = 0;
    for path in files {
        let text = read_text(path)?;
        let map = parse(path, &text)?;
        let canonical = file::to_string(&map);
        if canonical != text {
            unformatted += 1;
            if check {
                println!("{}: not in canonical form", path.display());
            } else {
                write_atomically(path, canonical.as_bytes())?;
                println!("{}: rewritten", path.display());
            }
        }
    }
    Ok(if check && unformatted > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn open_workspace(dir: Option<PathBuf>) -> Result<Workspace> {
    let dir = match dir {
        Some(dir) => dir,
        None => Workspace::default_dir()?,
    };
    Ok(Workspace::open(&dir)?)
}
