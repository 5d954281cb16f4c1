//! Integration tests of corridor-core: one binary, one module per concern.

mod big;
mod common;
mod edit_errors;
mod edit_props;
mod file;
mod gen;
mod render;
mod report;
mod schema;
mod strategy;
mod templates;
mod validate;
