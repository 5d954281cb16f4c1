//! Integration tests of the `corridor` binary: exit codes, output, files and workspaces.

mod common;
mod files;
mod gap;
mod history;
mod workspace;
