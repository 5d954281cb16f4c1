//! Integration tests of corridor-core: one binary, one module per concern.

mod common;
mod csv;
mod csv_bad;
mod csv_wizard;
mod edit_errors;
mod edit_props;
mod file;
mod fuzz_regressions;
mod gen;
mod read_props;
mod schema;
mod sinks;
mod templates;
mod timestamps;
mod validate;
mod xes;
