//! `corridor aliases MAP DATA…`: the observed names that match no touchpoint, with counts and
//! suggested touchpoints; `--accept NAME=TOUCHPOINT` and `--accept-suggestions` save the
//! answers as aliases (core's `aliases_edit`), in a map file (rewritten canonically and
//! atomically) or in a workspace map (through the store, so the change can be undone).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::Args;
use corridor_core::gap::{aliases_edit, ConfirmedAlias, Filter, UnmatchedName};
use corridor_core::validate::normalize_alias;
use corridor_core::{file, validate, Id, JourneyMap};

use crate::files::{read_map, write_atomically};
use crate::gap::{self, ReadArgs};

/// An answer the map cannot take (exit code 1, like any input problem).
#[derive(Debug)]
pub struct Refused(pub String);

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Refused {}

macro_rules! refuse {
    ($($arg:tt)*) => {
        return Err(Refused(format!($($arg)*)).into())
    };
}

/// Where the map lives.
pub enum Target {
    File(PathBuf),
    Workspace(Id),
}

/// A map file when `map` names an existing file, else a workspace map when it is an id.
pub fn target(map: &str) -> Result<Target> {
    let path = Path::new(map);
    if path.is_file() {
        return Ok(Target::File(path.to_path_buf()));
    }
    match uuid::Uuid::parse_str(map.trim()) {
        Ok(id) => Ok(Target::Workspace(id)),
        Err(_) => bail!(
            "{map} is neither a map file nor a map id (`corridor list` shows the workspace's ids)"
        ),
    }
}

/// One `--accept NAME=TOUCHPOINT`: split at the last `=` (touchpoint ids and titles rarely hold
/// one; observed names may).
pub fn parse_accept(text: &str) -> Result<(String, String), String> {
    match text.rsplit_once('=') {
        Some((name, tp)) if !name.trim().is_empty() && !tp.trim().is_empty() => {
            Ok((name.trim().to_string(), tp.trim().to_string()))
        }
        _ => Err(format!(
            "`{text}` is not NAME=TOUCHPOINT (the touchpoint by id or title)"
        )),
    }
}

/// The touchpoint `text` names: its id, its exact title, or its title after normalising
/// (case and runs of spaces ignored), when only one touchpoint has it.
fn touchpoint(map: &JourneyMap, text: &str) -> Result<Id> {
    if let Ok(id) = uuid::Uuid::parse_str(text) {
        if map.touchpoint(id).is_some() {
            return Ok(id);
        }
        refuse!("no touchpoint with id {id} on the map \"{}\"", map.title);
    }
    let exact: Vec<&corridor_core::Touchpoint> =
        map.touchpoints.iter().filter(|t| t.title == text).collect();
    let found = if exact.is_empty() {
        let norm = normalize_alias(text);
        map.touchpoints
            .iter()
            .filter(|t| normalize_alias(&t.title) == norm)
            .collect()
    } else {
        exact
    };
    match found.as_slice() {
        [t] => Ok(t.id),
        [] => {
            let titles: Vec<String> = map
                .touchpoints
                .iter()
                .map(|t| format!("\"{}\"", t.title))
                .collect();
            refuse!(
                "no touchpoint titled \"{text}\" on the map \"{}\"; its touchpoints are {}",
                map.title,
                if titles.is_empty() {
                    "none".to_string()
                } else {
                    titles.join(", ")
                }
            )
        }
        many => {
            let ids: Vec<String> = many.iter().map(|t| t.id.to_string()).collect();
            refuse!(
                "{} touchpoints are titled \"{text}\": name one by its id ({})",
                many.len(),
                ids.join(", ")
            )
        }
    }
}

fn print_unmatched(kind: &str, names: &[UnmatchedName], with_cases: bool) {
    if names.is_empty() {
        println!("Every {kind} matches a touchpoint.");
        return;
    }
    println!("{} unmatched {kind}(s):", names.len());
    let width = names
        .iter()
        .map(|n| n.name.chars().count())
        .max()
        .unwrap_or(0)
        .clamp(8, 40);
    for n in names {
        let counts = if with_cases {
            format!("{:>9} events {:>8} cases", n.count, n.cases)
        } else {
            format!("{:>9} rows", n.count)
        };
        let suggestion = n.suggestion.as_ref().map_or_else(
            || "no suggestion".to_string(),
            |s| format!("→ \"{}\" ({:.2}) {}", s.title, s.similarity, s.touchpoint),
        );
        println!("  {:<width$}  {counts}  {suggestion}", n.name);
    }
}

// `corridor aliases`'s arguments.
#[derive(Args)]
pub struct AliasesArgs {
    /// The map: a *.corridor.json file (rewritten in place) or a workspace map's id
    #[arg(value_name = "MAP")]
    map: String,
    /// Event logs: CSV, XES or XES.gz
    #[arg(value_name = "DATA")]
    data: Vec<PathBuf>,
    #[command(flatten)]
    read: ReadArgs,
    /// Save NAME as an alias of TOUCHPOINT (its id or its title); repeatable
    #[arg(long, value_name = "NAME=TOUCHPOINT", value_parser = parse_accept)]
    accept: Vec<(String, String)>,
    /// Save every suggested touchpoint as shown by the listing
    #[arg(long)]
    accept_suggestions: bool,
}

/// `corridor aliases` from its arguments, with the workspace named by `--workspace` (if any).
pub fn run(args: AliasesArgs, workspace: Option<PathBuf>) -> Result<ExitCode> {
    aliases(
        &args.map,
        &args.data,
        &args.read,
        &args.accept,
        args.accept_suggestions,
        workspace,
        crate::now_seconds(),
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Runs the command; `now` stamps a workspace change.
pub fn aliases(
    map_arg: &str,
    data: &[PathBuf],
    read: &ReadArgs,
    accept: &[(String, String)],
    accept_suggestions: bool,
    workspace: Option<PathBuf>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<()> {
    let target = target(map_arg)?;
    let (map, revision, ws) = match &target {
        Target::File(path) => (read_map(path)?, 0, None),
        Target::Workspace(id) => {
            let ws = crate::open_workspace(workspace)?;
            let state = ws.state(*id)?;
            (state.map, state.revision, Some(ws))
        }
    };
    if data.is_empty() && read.scores.is_empty() {
        bail!("give at least one event log (DATA) or score table (--scores)");
    }
    let log = gap::read_all(data, read)?;
    let report = gap::report(&map, log, &Filter::all(), false)?;
    let blind = &report.blind_spots;
    let observed = |name: &str| {
        blind.unmatched_activities.iter().any(|n| n.name == name)
            || blind.unmatched_subjects.iter().any(|n| n.name == name)
    };

    let mut confirmed: Vec<ConfirmedAlias> = Vec::new();
    for (name, tp) in accept {
        let touchpoint = touchpoint(&map, tp).with_context(|| format!("--accept {name}={tp}"))?;
        if !observed(name) {
            eprintln!("note: \"{name}\" is not among the data's unmatched names");
        }
        confirmed.push(ConfirmedAlias {
            activity: name.clone(),
            touchpoint,
        });
    }
    if accept_suggestions {
        let explicit = |name: &str| accept.iter().any(|(n, _)| n == name);
        for n in blind
            .unmatched_activities
            .iter()
            .chain(&blind.unmatched_subjects)
        {
            if let (Some(s), false) = (&n.suggestion, explicit(&n.name)) {
                confirmed.push(ConfirmedAlias {
                    activity: n.name.clone(),
                    touchpoint: s.touchpoint,
                });
            }
        }
    }

    if confirmed.is_empty() {
        print_unmatched("activity", &blind.unmatched_activities, true);
        if !read.scores.is_empty() {
            print_unmatched("score-table subject", &blind.unmatched_subjects, false);
        }
        if accept_suggestions {
            eprintln!("no unmatched name has a suggested touchpoint: nothing to save");
        }
        return Ok(());
    }

    let Some(edit) = aliases_edit(&map, &confirmed)? else {
        eprintln!("every confirmed name already is an alias of its touchpoint: nothing to save");
        return Ok(());
    };
    match (&target, ws) {
        (Target::File(path), _) => {
            let before = validate(&map).len();
            let mut changed = map.clone();
            edit.apply(&mut changed)
                .context("the aliases could not be applied to the map")?;
            let problems = validate(&changed);
            if problems.len() > before {
                let list: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
                refuse!(
                    "the aliases would give {} problems; nothing was written:\n  {}",
                    path.display(),
                    list.join("\n  ")
                );
            }
            write_atomically(path, file::to_string(&changed).as_bytes())?;
        }
        (Target::Workspace(id), Some(ws)) => {
            ws.apply(*id, revision, &edit, now)?;
        }
        (Target::Workspace(_), None) => unreachable!("a workspace target opens the workspace"),
    }
    let mut saved: Vec<String> = Vec::new();
    for c in &confirmed {
        let title = map
            .touchpoint(c.touchpoint)
            .map(|t| t.title.as_str())
            .unwrap_or_default();
        let line = format!("\"{}\" → \"{title}\"", c.activity);
        if !saved.contains(&line) {
            saved.push(line);
        }
    }
    println!("saved {} alias(es):", saved.len());
    for line in saved {
        println!("  {line}");
    }
    Ok(())
}
