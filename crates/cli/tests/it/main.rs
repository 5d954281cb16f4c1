//! Integration tests of the `corridor` binary: exit codes, output, files and workspaces.

mod common;
mod export;
mod files;
mod aliases;
mod gap;
mod history;
mod workspace;
