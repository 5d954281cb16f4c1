//! `corridor`: Corridor's command line. Works on map files directly, and on a workspace (the
//! app's own, or one named with `--workspace`) through the same store API the app uses.

mod aliases;
mod history;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Parser, Subcommand};
use corridor_core::{render, Id};
use corridor_store::{StoreError, Workspace};

mod export;
mod files;
mod gap;
mod library;
mod maps;

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
    New(maps::NewArgs),
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
        template: maps::TemplateArg,
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
    Gap(gap::GapArgs),
    /// List the observed names that match no touchpoint (with counts and a suggested
    /// touchpoint); with --accept or --accept-suggestions, save the answers as aliases
    Aliases(aliases::AliasesArgs),
    /// Draft an as-is map from an event log alone (one touchpoint per activity; the corridor
    /// is the most frequent variant)
    Draft(gap::DraftArgs),
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
    Export(export::ExportArgs),
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
    let ws = cli.workspace;
    match cli.command {
        Command::New(args) => maps::new(args),
        Command::Validate { files } => maps::validate_files(&files),
        Command::Show { file } => maps::show(&file),
        Command::Fmt { files, check } => maps::fmt(&files, check),
        Command::Import { file } => library::import(ws, &file),
        Command::List => in_workspace(ws, library::list),
        Command::Create { template, title } => {
            in_workspace(ws, |w| library::create(w, template.into(), &title))
        }
        Command::Duplicate { id } => on_map(ws, &id, library::duplicate),
        Command::Rename { id, title } => on_map(ws, &id, |w, id| library::rename(w, id, &title)),
        Command::Delete { id } => on_map(ws, &id, library::delete),
        Command::Gap(args) => gap::gap(args),
        Command::Aliases(args) => aliases::run(args, ws),
        Command::Draft(args) => gap::draft(args),
        Command::Export(args) => export::run(args),
        Command::ExportFile { id, out } => {
            on_map(ws, &id, |w, id| library::export_file(w, id, &out))
        }
        Command::ImportData {
            id,
            file,
            score_table,
            read,
        } => on_map(ws, &id, |w, id| {
            library::import_data(w, id, &file, score_table, &read)
        }),
        Command::History { id, limit } => on_map(ws, &id, |w, id| history::history(w, id, limit)),
        Command::Diff { id, revision } => on_map(ws, &id, |w, id| history::diff(w, id, revision)),
        Command::Snapshot { id, name } => on_map(ws, &id, |w, id| history::snapshot(w, id, &name)),
        Command::Restore { id, revision } => on_map(ws, &id, |w, id| {
            history::applied(&w.restore(id, None, revision, now_seconds())?)
        }),
        Command::Undo { id } => on_map(ws, &id, |w, id| {
            history::applied(&w.undo(id, None, now_seconds())?)
        }),
        Command::Redo { id } => on_map(ws, &id, |w, id| {
            history::applied(&w.redo(id, None, now_seconds())?)
        }),
        Command::Salvage { out } => library::salvage(ws, &out),
    }
}

/// Runs `f` on the workspace (opened here); exit code 0 when it succeeds.
fn in_workspace(
    dir: Option<PathBuf>,
    f: impl FnOnce(&Workspace) -> Result<()>,
) -> Result<ExitCode> {
    f(&open_workspace(dir)?)?;
    Ok(ExitCode::SUCCESS)
}

/// Runs `f` on a map of the workspace: the id is parsed first, so a bad id is reported before
/// the workspace is opened.
fn on_map(
    dir: Option<PathBuf>,
    id: &str,
    f: impl FnOnce(&Workspace, Id) -> Result<()>,
) -> Result<ExitCode> {
    let id = history::parse_id(id)?;
    in_workspace(dir, |ws| f(ws, id))
}

/// Now, to the second: maps keep whole-second times so files stay short and readable.
fn now_seconds() -> chrono::DateTime<chrono::Utc> {
    let now = chrono::Utc::now();
    chrono::DateTime::from_timestamp(now.timestamp(), 0).unwrap_or(now)
}

fn open_workspace(dir: Option<PathBuf>) -> Result<Workspace> {
    let dir = match dir {
        Some(dir) => dir,
        None => Workspace::default_dir()?,
    };
    Ok(Workspace::open(&dir)?)
}
