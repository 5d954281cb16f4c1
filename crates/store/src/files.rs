//! Files that leave the workspace or come into it at a path the user chose: the native file
//! (open, save as), the exports (pictures, the report, the gap tables), and the list of recent
//! files. Every write goes to a temporary file in the same folder, synced, then renamed over
//! the target: a reader never sees half a file, and a failure leaves the old file as it was.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use corridor_core::gap::{Filter, GapReport};
use corridor_core::render::{self, Paper, RenderOptions};
use corridor_core::report::tables::{gap_tables, tables_json, tables_zip};
use corridor_core::report::{self, ReportGaps, ReportInputs};
use corridor_core::{file, Id};
use serde::{Deserialize, Serialize};

use crate::{MapSummary, StoreError, Workspace};

/// What to write.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ExportKind {
    /// The native file (`*.corridor.json`), canonical.
    Native,
    /// The map as SVG, with the fonts inside.
    Svg,
    /// The map as PNG; `scale` pixels per map unit, 0.1 to 8.
    Png {
        scale: f32,
    },
    /// The map on landscape pages.
    Pdf {
        paper: Paper,
    },
    ReportMarkdown,
    ReportHtml,
    ReportPdf {
        paper: Paper,
    },
    /// Every gap table as CSV, one file per table in a zip (needs a dataset).
    GapCsv,
    /// Every gap table in one JSON document (needs a dataset).
    GapJson,
}

impl ExportKind {
    /// The file name extension (without the dot).
    pub fn extension(self) -> &'static str {
        match self {
            ExportKind::Native => "corridor.json",
            ExportKind::Svg => "svg",
            ExportKind::Png { .. } => "png",
            ExportKind::Pdf { .. } | ExportKind::ReportPdf { .. } => "pdf",
            ExportKind::ReportMarkdown => "md",
            ExportKind::ReportHtml => "html",
            ExportKind::GapCsv => "zip",
            ExportKind::GapJson => "json",
        }
    }

    /// What the save dialog calls the file type.
    pub fn label(self) -> &'static str {
        match self {
            ExportKind::Native => "Corridor map",
            ExportKind::Svg => "SVG picture",
            ExportKind::Png { .. } => "PNG picture",
            ExportKind::Pdf { .. } => "PDF of the map",
            ExportKind::ReportMarkdown => "Markdown report",
            ExportKind::ReportHtml => "HTML report",
            ExportKind::ReportPdf { .. } => "PDF report",
            ExportKind::GapCsv => "Gap tables (CSV in a zip)",
            ExportKind::GapJson => "Gap tables (JSON)",
        }
    }

    /// A file name to suggest for `title`: its letters and digits, then the extension.
    pub fn file_name(self, title: &str) -> String {
        let mut stem: String = title
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect();
        while stem.contains("--") {
            stem = stem.replace("--", "-");
        }
        let stem = stem.trim_matches('-');
        let stem: String = stem.chars().take(60).collect();
        let stem = if stem.is_empty() { "map".into() } else { stem };
        let suffix = match self {
            ExportKind::ReportMarkdown | ExportKind::ReportHtml | ExportKind::ReportPdf { .. } => {
                "-report"
            }
            ExportKind::GapCsv | ExportKind::GapJson => "-gaps",
            _ => "",
        };
        format!("{stem}{suffix}.{}", self.extension())
    }
}

/// A file that was written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Written {
    pub path: String,
    pub bytes: u64,
}

/// How an opened file came into the workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum OpenOutcome {
    /// A new map.
    Imported,
    /// The workspace already held this very map (same id, same content): nothing changed.
    AlreadyHere,
    /// The workspace holds a different map with the file's id: the file came in as a copy
    /// with a new id.
    Copy,
}

/// A native file opened into the workspace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Opened {
    pub summary: MapSummary,
    pub outcome: OpenOutcome,
    pub path: String,
}

/// A file opened or saved lately.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RecentFile {
    pub path: String,
    pub title: String,
    pub at: DateTime<Utc>,
}

/// How many recent files are kept.
pub const RECENT_FILES: usize = 10;
const RECENT_NAME: &str = "corridor-recent.json";

/// Write `bytes` to `path` whole or not at all: a temporary file beside it (`.NAME.PID.tmp`),
/// synced, then renamed over it. On failure the temporary file is removed and `path` is as it
/// was. Nothing else is written.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let fail = |message: String| StoreError::Write {
        path: path.to_path_buf(),
        message,
    };
    let name = path
        .file_name()
        .ok_or_else(|| fail("the path names no file".into()))?
        .to_string_lossy();
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(err) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail(err.to_string()));
    }
    Ok(())
}

fn export_err(what: &str, reason: impl std::fmt::Display) -> StoreError {
    StoreError::Export {
        what: what.into(),
        reason: reason.to_string(),
    }
}

impl Workspace {
    /// The gap report of a map against all its datasets, and their names; `None` when it has
    /// none. `all_variants`: list every variant (for the data files), not only the first 1,000.
    pub fn gap_report(
        &self,
        map: Id,
        all_variants: bool,
    ) -> Result<Option<(GapReport, String)>, StoreError> {
        self.gap_report_filtered(map, &Filter::all(), all_variants)
    }

    /// A map as the bytes of `kind`. Pictures and the report include the gap colouring and
    /// the gap section when the map has datasets; the gap tables need one.
    pub fn export_bytes(&self, map: Id, kind: ExportKind) -> Result<Vec<u8>, StoreError> {
        if kind == ExportKind::Native {
            return Ok(self.export_text(map)?.into_bytes());
        }
        let m = self.get(map)?;
        let tables = matches!(kind, ExportKind::GapCsv | ExportKind::GapJson);
        let gaps = self.gap_report(map, tables)?;
        let hooks = gaps
            .as_ref()
            .map(|(r, names)| ReportGaps::from_gap_report(r, names));
        let options = RenderOptions {
            overlay: hooks.as_ref().map(|h| h.overlay.clone()),
            embed_fonts: kind == ExportKind::Svg,
        };
        let inputs = ReportInputs {
            map: &m,
            gaps: hooks.as_ref(),
        };
        let picture = |e: render::RenderError| export_err(kind.label(), e);
        Ok(match kind {
            ExportKind::Native => unreachable!("returned above"),
            ExportKind::Svg => render::map_svg(&m, &options).into_bytes(),
            ExportKind::Png { scale } => render::map_png(&m, &options, scale).map_err(picture)?,
            ExportKind::Pdf { paper } => render::map_pdf(&m, &options, paper).map_err(picture)?,
            ExportKind::ReportMarkdown => report::markdown(&inputs).into_bytes(),
            ExportKind::ReportHtml => report::html(&inputs).into_bytes(),
            ExportKind::ReportPdf { paper } => report::pdf(&inputs, paper).map_err(picture)?,
            ExportKind::GapCsv | ExportKind::GapJson => {
                let Some((r, names)) = &gaps else {
                    return Err(export_err(
                        kind.label(),
                        "the map has no dataset: import observed data first",
                    ));
                };
                let tables = gap_tables(&m, r);
                if kind == ExportKind::GapJson {
                    tables_json(&m, names, &tables).into_bytes()
                } else {
                    tables_zip(&m, names, &tables).map_err(|e| export_err(kind.label(), e))?
                }
            }
        })
    }

    /// Write a map as `kind` to `path` (and nowhere else), atomically. A native file is
    /// remembered among the recent files.
    pub fn export_to(
        &self,
        map: Id,
        kind: ExportKind,
        path: &Path,
        now: DateTime<Utc>,
    ) -> Result<Written, StoreError> {
        let bytes = self.export_bytes(map, kind)?;
        write_atomically(path, &bytes)?;
        if kind == ExportKind::Native {
            let title = self.get(map)?.title;
            self.remember_file(path, &title, now);
        }
        Ok(Written {
            path: path.display().to_string(),
            bytes: bytes.len() as u64,
        })
    }

    /// Read a native file and bring it into the workspace: a new map; or, when the workspace
    /// holds the same map already, nothing; or, when it holds a different map with the same id,
    /// a copy under `new_id`. A file that cannot be read, is malformed or comes from a newer
    /// Corridor is refused with the reason and changes nothing.
    pub fn open_file(
        &self,
        path: &Path,
        new_id: Id,
        now: DateTime<Utc>,
    ) -> Result<Opened, StoreError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| StoreError::ReadFile {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
        let mut map = file::from_str(&text).map_err(|source| StoreError::BadFile {
            name: name.clone(),
            source,
        })?;
        let outcome = match self.get(map.id) {
            Ok(existing) if file::to_string(&existing) == file::to_string(&map) => {
                OpenOutcome::AlreadyHere
            }
            Ok(_) => {
                map.id = new_id;
                self.create(&map, now)?;
                OpenOutcome::Copy
            }
            Err(StoreError::NotFound { .. }) => {
                self.create(&map, now)?;
                OpenOutcome::Imported
            }
            Err(err) => return Err(err),
        };
        self.remember_file(path, &map.title, now);
        let summary = self
            .list()?
            .into_iter()
            .find(|s| s.id == map.id)
            .ok_or(StoreError::NotFound { id: map.id })?;
        Ok(Opened {
            summary,
            outcome,
            path: name,
        })
    }

    fn recent_path(&self) -> PathBuf {
        self.path().join(RECENT_NAME)
    }

    /// The files opened or saved lately, newest first. A missing or unreadable list is empty.
    pub fn recent_files(&self) -> Vec<RecentFile> {
        std::fs::read(self.recent_path())
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    /// Put `path` at the top of the recent files (once; at most [`RECENT_FILES`]). Failing to
    /// write the list is not worth failing the open or save for: it is reported and ignored.
    pub fn remember_file(&self, path: &Path, title: &str, now: DateTime<Utc>) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let path = path.display().to_string();
        let mut list = self.recent_files();
        list.retain(|r| r.path != path);
        list.insert(
            0,
            RecentFile {
                path,
                title: title.to_string(),
                at: now,
            },
        );
        list.truncate(RECENT_FILES);
        let text = serde_json::to_vec_pretty(&list).unwrap_or_default();
        if let Err(err) = write_atomically(&self.recent_path(), &text) {
            eprintln!("corridor: cannot keep the list of recent files: {err}");
        }
    }
}
