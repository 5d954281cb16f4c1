//! Integration tests of corridor-core: one binary, one module per concern.

mod common;
mod edit_errors;
mod edit_props;
mod file;
mod gap_contract;
mod gap_example;
mod gap_filters;
mod gap_fixture;
mod gap_generate;
mod gap_mapping;
mod gap_observe;
mod gap_props;
mod gen;
mod schema;
mod templates;
mod validate;
