//! The native file, `*.corridor.json`: bytes in, bytes out.
//!
//! The canonical form is pretty-printed JSON with two-space indents, keys in declaration order
//! and a final newline, so two saves of the same map are byte-identical and a change diffs to
//! the lines it touched. See `docs/file-format.md`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::JourneyMap;

/// The format version this build writes, and the newest it reads.
pub const FORMAT_VERSION: u32 = 1;

/// The oldest format version this build can read (through migrations).
pub const OLDEST_FORMAT_VERSION: u32 = 1;

/// The whole file: a version and one map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "Corridor journey map file")]
pub struct CorridorFile {
    /// The version of this format the file was written in.
    pub format_version: u32,
    pub map: JourneyMap,
}

/// Why a file could not be read. Lines and columns count from 1.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FileError {
    #[error("line {line}, column {column}: not valid JSON: {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("line {line}, column {column}, at `{path}`: {message}")]
    Schema {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("this file has no `format_version`: it is not a Corridor map file")]
    MissingVersion,
    #[error(
        "this file is format version {found}, written by a newer Corridor; this Corridor reads \
         versions up to {supported}: update Corridor to open it"
    )]
    NewerVersion { found: u64, supported: u32 },
    #[error("format version {found} is older than any this Corridor can read (oldest: {oldest})")]
    UnknownOldVersion { found: u64, oldest: u32 },
}

/// The canonical text of a map file.
pub fn to_string(map: &JourneyMap) -> String {
    #[derive(Serialize)]
    struct Out<'a> {
        format_version: u32,
        map: &'a JourneyMap,
    }
    let mut text = serde_json::to_string_pretty(&Out {
        format_version: FORMAT_VERSION,
        map,
    })
    .expect("a journey map always serialises");
    text.push('\n');
    text
}

/// Read a map file, migrating older versions and refusing newer ones.
pub fn from_str(text: &str) -> Result<JourneyMap, FileError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| FileError::Syntax {
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    })?;
    let version = value
        .get("format_version")
        .and_then(serde_json::Value::as_u64)
        .ok_or(FileError::MissingVersion)?;
    if version > u64::from(FORMAT_VERSION) {
        return Err(FileError::NewerVersion {
            found: version,
            supported: FORMAT_VERSION,
        });
    }
    if version < u64::from(OLDEST_FORMAT_VERSION) {
        return Err(FileError::UnknownOldVersion {
            found: version,
            oldest: OLDEST_FORMAT_VERSION,
        });
    }
    if version < u64::from(FORMAT_VERSION) {
        // Older files are brought up to date as JSON values, then read like current ones.
        let migrated = migrate(value, version as u32);
        return decode(&serde_json::to_string(&migrated).expect("a JSON value serialises"));
    }
    decode(text)
}

fn decode(text: &str) -> Result<JourneyMap, FileError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let file: CorridorFile = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        FileError::Schema {
            path,
            line: inner.line(),
            column: inner.column(),
            message: strip_position(&inner.to_string()),
        }
    })?;
    Ok(file.map)
}

/// serde_json appends " at line L column C" to its messages; the error carries those itself.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message.to_string(),
    }
}

/// One step that rewrites a file of version `from` into version `from + 1`.
type Migration = fn(&mut serde_json::Value);

/// The migrations, indexed by the version they start from. Empty while version 1 is the only
/// version; a change to the format adds its step here and bumps [`FORMAT_VERSION`].
const MIGRATIONS: &[(u32, Migration)] = &[];

fn migrate(mut value: serde_json::Value, from: u32) -> serde_json::Value {
    for (start, step) in MIGRATIONS {
        if *start >= from {
            step(&mut value);
        }
    }
    value["format_version"] = FORMAT_VERSION.into();
    value
}

/// The JSON Schema of the file, pretty-printed with a final newline, as committed in `docs/`.
pub fn schema() -> String {
    let schema = schemars::schema_for!(CorridorFile);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serialises");
    text.push('\n');
    text
}
