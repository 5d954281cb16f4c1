//! The commands on a map's history: history, diff, snapshot, restore, undo, redo.

use std::io::Write;

use anyhow::{Context, Result};
use chrono::{DateTime, Utc};
use corridor_core::Id;
use corridor_store::{Applied, Workspace};

fn when(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d %H:%M UTC").to_string()
}

/// Parse a map id as `corridor list` shows it.
pub fn parse_id(id: &str) -> Result<Id> {
    uuid::Uuid::parse_str(id)
        .with_context(|| format!("`{id}` is not a map id (see `corridor list`)"))
}

/// `corridor history ID`: the latest revisions, newest first, then the snapshots.
pub fn history(ws: &Workspace, id: Id, limit: usize) -> Result<()> {
    let h = ws.history(id, limit)?;
    let title = ws.get(id)?.title;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{title}  ({id})  at revision {}", h.revision)?;
    writeln!(
        out,
        "undo: {}; redo: {}",
        h.undo.as_deref().unwrap_or("nothing"),
        h.redo.as_deref().unwrap_or("nothing")
    )?;
    for e in &h.entries {
        writeln!(out, "{:>6}  {}  {}", e.revision, when(e.at), e.summary)?;
    }
    let shown_to = h.entries.last().map_or(h.revision + 1, |e| e.revision);
    if shown_to > h.oldest {
        writeln!(
            out,
            "        … {} older revision(s) back to {} (--limit to see more)",
            shown_to - h.oldest,
            h.oldest
        )?;
    }
    if h.oldest > 1 {
        writeln!(
            out,
            "        history before revision {} was compacted (see the snapshots)",
            h.oldest
        )?;
    }
    if h.snapshots.is_empty() {
        writeln!(out, "no snapshots (corridor snapshot {id} NAME makes one)")?;
    } else {
        writeln!(out, "snapshots:")?;
        for s in &h.snapshots {
            let name = match &s.name {
                Some(name) => format!("\"{name}\""),
                None => "(automatic)".into(),
            };
            writeln!(
                out,
                "{:>6}  {}  {name}  {}",
                s.revision,
                when(s.taken),
                s.summary
            )?;
        }
    }
    Ok(())
}

/// `corridor diff ID REV`: what changed from a revision to now.
pub fn diff(ws: &Workspace, id: Id, revision: u64) -> Result<()> {
    let d = ws.diff(id, revision)?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "from revision {revision} to now: {}", d.summary())?;
    for t in &d.touchpoints_added {
        writeln!(out, "  + {}", t.title)?;
    }
    for t in &d.touchpoints_removed {
        writeln!(out, "  - {}", t.title)?;
    }
    for t in &d.touchpoints_changed {
        writeln!(out, "  ~ {} ({})", t.title, t.fields.join(", "))?;
    }
    Ok(())
}

/// Report a change that landed (or did not, for a restore that changes nothing).
pub fn applied(a: &Applied) -> Result<()> {
    println!("{}: now at revision {}", a.summary, a.revision);
    Ok(())
}

/// `corridor snapshot ID NAME`: names the current revision.
pub fn snapshot(ws: &Workspace, id: Id, name: &str) -> Result<()> {
    let s = ws.snapshot(id, name, crate::now_seconds())?;
    println!(
        "revision {} is now \"{}\": {}",
        s.revision,
        s.name.unwrap_or_default(),
        s.summary
    );
    Ok(())
}
