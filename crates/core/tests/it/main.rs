//! Integration tests of corridor-core: one binary, one module per concern.

mod common;
mod edit_errors;
mod edit_props;
mod file;
mod gen;
mod schema;
mod strategy;
mod templates;
mod validate;
