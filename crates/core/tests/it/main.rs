//! Integration tests of corridor-core: one binary, one module per concern.

#[cfg(feature = "png-pdf")]
mod big;
mod common;
mod csv;
mod csv_bad;
mod csv_wizard;
mod diff;
mod edit_errors;
mod edit_props;
mod file;
mod fuzz_regressions;
mod gap_contract;
mod gap_example;
mod gap_filters;
mod gap_fixture;
mod gap_generate;
mod gap_mapping;
mod gap_observe;
mod gap_props;
mod gap_tables;
mod gap_ui_fixture;
mod gen;
#[cfg(feature = "png-pdf")]
mod raster;
mod read_props;
mod render;
mod report;
mod schema;
mod sinks;
mod strategy;
mod templates;
mod timestamps;
mod ui_parity;
mod validate;
mod workshop;
mod xes;
