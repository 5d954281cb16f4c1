//! Integration tests of corridor-core: one binary, one module per concern.

mod common;
mod csv;
mod csv_bad;
mod diff;
mod edit_errors;
mod edit_props;
mod file;
mod fuzz_regressions;
mod gap_example;
mod gap_filters;
mod gap_fixture;
mod gap_mapping;
mod gap_observe;
mod gap_props;
mod gen;
mod read_props;
mod schema;
mod sinks;
mod strategy;
mod templates;
mod timestamps;
mod validate;
mod xes;
