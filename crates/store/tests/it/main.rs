//! Integration tests of corridor-store, against the real sled store in temporary directories.

mod common;
mod crash;
mod damage;
mod datasets;
mod edits;
mod examples;
mod files;
mod fixture;
mod history;
mod imports;
mod library;
mod maps;
mod open;
