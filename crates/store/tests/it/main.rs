//! Integration tests of corridor-store, against the real sled store in temporary directories.

mod common;
mod examples;
mod fixture;
mod maps;
mod open;
