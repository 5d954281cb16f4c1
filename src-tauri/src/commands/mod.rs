//! Tauri commands, grouped per feature; each is one line over the workspace API (and, for a
//! change, the event that tells the other windows).

pub mod datasets;
pub mod edits;
pub mod files;
pub mod gaps;
pub mod history;
pub mod imports;
pub mod maps;
pub mod present;
pub mod story;
pub mod workshop;
pub mod workspace;
