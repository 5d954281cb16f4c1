//! Integration tests of corridor-core: one binary, one module per concern.

#[cfg(feature = "png-pdf")]
mod big;
mod common;
mod edit_errors;
mod edit_props;
mod file;
mod gen;
#[cfg(feature = "png-pdf")]
mod raster;
mod render;
mod report;
mod schema;
mod strategy;
mod templates;
mod validate;
