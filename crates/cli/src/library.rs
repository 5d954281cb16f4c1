//! The commands that make and remove maps in the workspace: create (from a template),
//! duplicate, rename and delete. Each is one call to the same workspace API the app uses.

use anyhow::{Context, Result};
use corridor_core::{Edit, Id, Template};
use corridor_store::Workspace;

use crate::now_seconds;

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
