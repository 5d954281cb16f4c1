//! Integration tests of the `corridor` binary: exit codes, output, files and workspaces.

mod aliases;
mod common;
mod export;
mod files;
mod gap;
mod history;
mod library;
mod workspace;
