//! The commands on map files: new, validate, show and fmt. They never open a workspace.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Result};
use clap::{Args, ValueEnum};
use corridor_core::{file, outline::outline, validate, Template};

use crate::files::{parse, read_map, read_text, write_atomically};
use crate::now_seconds;

// `corridor new`'s arguments.
#[derive(Args)]
pub struct NewArgs {
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
}

#[derive(Clone, Copy, ValueEnum)]
pub enum TemplateArg {
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

/// `corridor new`: a map from a template, to a file or to standard output.
pub fn new(args: NewArgs) -> Result<ExitCode> {
    let NewArgs {
        template,
        title,
        output,
        force,
    } = args;
    let template: Template = template.into();
    let mut ids = uuid::Uuid::new_v4;
    let map = template.instantiate(uuid::Uuid::new_v4(), &title, &mut ids, now_seconds());
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

/// `corridor show FILE`: the map's outline.
pub fn show(path: &Path) -> Result<ExitCode> {
    print!("{}", outline(&read_map(path)?));
    Ok(ExitCode::SUCCESS)
}

/// `corridor validate FILE…`: every problem with its path; exit 1 if any, 3 if a file cannot be
/// read.
pub fn validate_files(files: &[PathBuf]) -> Result<ExitCode> {
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

/// `corridor fmt FILE…`: rewrite in canonical form, or with `check` only report.
pub fn fmt(files: &[PathBuf], check: bool) -> Result<ExitCode> {
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
