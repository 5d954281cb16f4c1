//! Map files in and out: reading with the file named in every error, writing atomically.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use corridor_core::{file, JourneyMap};

pub fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

pub fn parse(path: &Path, text: &str) -> Result<JourneyMap> {
    file::from_str(text)
        .with_context(|| format!("{} is not a readable Corridor map", path.display()))
}

pub fn read_map(path: &Path) -> Result<JourneyMap> {
    parse(path, &read_text(path)?)
}

/// Write to a temporary file beside `path`, then rename it over `path`: a reader never sees
/// half a file, and a failure leaves the old file as it was.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .context("the output path names no file")?
        .to_string_lossy();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(err) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(err).with_context(|| format!("cannot write {}", path.display()));
    }
    Ok(())
}
