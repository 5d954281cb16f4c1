//! The commands that make and remove maps in the workspace: create (from a template),
//! duplicate, rename and delete. Each is one call to the same workspace API the app uses.
//! Also the workspace's other commands: import, list, export-file, import-data and salvage.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use corridor_core::{Edit, Id, Template};
use corridor_store::Workspace;

use crate::files::{read_text, write_atomically};
use crate::{gap, now_seconds};

/// `corridor create`: a new map from a template, stored in the workspace; prints its id.
pub fn create(ws: &Workspace, template: Template, title: &str) -> Result<()> {
    let map = ws
        .create_from_template(template, title, &mut uuid::Uuid::new_v4, now_seconds())
        .with_context(|| format!("cannot create \"{}\"", title.trim()))?;
    eprintln!(
        "created \"{}\" ({} template, {} stages)",
        map.title,
        template.label(),
        map.stages
    );
    println!("{}", map.id);
    Ok(())
}

/// `corridor duplicate ID`: a copy of the map, with no history; prints the copy's id.
pub fn duplicate(ws: &Workspace, id: Id) -> Result<()> {
    let copy = ws
        .duplicate(id, uuid::Uuid::new_v4(), now_seconds())
        .with_context(|| format!("cannot duplicate {id}"))?;
    eprintln!("created \"{}\"", copy.title);
    println!("{}", copy.id);
    Ok(())
}

/// `corridor rename ID TITLE`: an edit like any other, which `corridor undo` takes back.
pub fn rename(ws: &Workspace, id: Id, title: &str) -> Result<()> {
    let revision = ws.state(id)?.revision;
    let edit = Edit::SetTitle {
        title: title.to_string(),
    };
    let applied = ws
        .apply(id, revision, &edit, now_seconds())
        .with_context(|| format!("cannot rename {id}"))?;
    eprintln!("renamed to \"{title}\" (revision {})", applied.revision);
    Ok(())
}

/// `corridor delete ID`: removes the map, its history and its datasets. Not undoable.
pub fn delete(ws: &Workspace, id: Id) -> Result<()> {
    let title = ws.get(id)?.title;
    ws.delete(id)
        .with_context(|| format!("cannot delete \"{title}\""))?;
    eprintln!("deleted \"{title}\" ({id})");
    Ok(())
}

/// `corridor import FILE`: stores the map file in the workspace; prints its id.
pub fn import(dir: Option<PathBuf>, file: &Path) -> Result<ExitCode> {
    let text = read_text(file)?;
    let ws = crate::open_workspace(dir)?;
    let id = ws
        .import_text(&text, chrono::Utc::now())
        .with_context(|| format!("cannot import {}", file.display()))?;
    println!("{id}");
    Ok(ExitCode::SUCCESS)
}

/// `corridor list`: one line per map.
pub fn list(ws: &Workspace) -> Result<()> {
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
    Ok(())
}

/// `corridor export-file ID OUT`: the stored map as a native file.
pub fn export_file(ws: &Workspace, id: Id, out: &Path) -> Result<()> {
    let text = ws.export_text(id)?;
    write_atomically(out, text.as_bytes())?;
    eprintln!("wrote {}", out.display());
    Ok(())
}

/// `corridor import-data ID FILE`: observed data stored beside the map; prints the dataset's id.
pub fn import_data(
    ws: &Workspace,
    id: Id,
    file: &Path,
    score_table: bool,
    read: &gap::ReadArgs,
) -> Result<()> {
    let info = gap::import_data(ws, id, file, score_table, read, now_seconds())?;
    eprintln!(
        "stored {} ({} rows, {} bad) beside the map",
        info.name, info.rows, info.bad_rows
    );
    println!("{}", info.id);
    Ok(())
}

/// `corridor salvage OUT`: every readable map of the workspace (damaged or not) as native files.
pub fn salvage(dir: Option<PathBuf>, out: &Path) -> Result<ExitCode> {
    let dir = match dir {
        Some(dir) => dir,
        None => Workspace::default_dir()?,
    };
    let report = corridor_store::salvage(&dir, out)
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
