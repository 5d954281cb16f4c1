//! Tauri commands, grouped per feature; each is one line over the workspace API.

pub mod maps;
