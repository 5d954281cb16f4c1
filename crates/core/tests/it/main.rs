//! Integration tests of corridor-core: one binary, one module per concern.

mod common;
mod diff;
mod edit_errors;
mod edit_props;
mod file;
mod gen;
mod schema;
mod templates;
mod validate;
