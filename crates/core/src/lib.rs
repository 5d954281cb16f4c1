//! Corridor's domain: the journey model, edits, validation, templates and the native file.
//!
//! Architecture invariant: this crate does no I/O and reads no clock. Ids and times are
//! passed in by the caller; files come in and go out as text.

pub mod data;
pub mod diff;
pub mod draft;
pub mod edit;
pub mod examples;
pub mod file;
pub mod gap;
pub mod model;
pub mod outline;
pub mod present;
pub mod render;
pub mod report;
pub mod story;
pub mod strategy;
pub mod templates;
pub mod validate;
pub mod workshop;

pub use diff::{compare, edit_between, MapDiff};
pub use edit::{remove_with_dependents, Edit, EditError, Item, ItemKind};
pub use file::{FileError, FORMAT_VERSION};
pub use model::*;
pub use story::*;
pub use templates::{Template, TemplateInfo};
pub use validate::{validate, Problem};
