//! The strategy report: the map, the story, its figures and (when a dataset is linked) the gap
//! summary, its chart and the priority list, as Markdown, self-contained HTML, or PDF.
//!
//! The content is built once as a list of neutral blocks ([`content`]) and written by one
//! writer per format, so the three say the same thing. User text is text in every format:
//! escaped, and the narrative's Markdown rendered without raw HTML. No I/O.

use serde::{Deserialize, Serialize};

use crate::model::{Id, JourneyMap};
use crate::render::GapOverlay;

mod charts;
mod content;
mod gaps;
mod html;
pub(crate) mod markdown;
#[cfg(feature = "png-pdf")]
mod pdf;
pub mod tables;
mod timeline;

pub use gaps::overlay;
pub use html::html;
pub use markdown::markdown;
#[cfg(feature = "png-pdf")]
pub use pdf::pdf;
pub use timeline::timeline_svg;

/// What a report is made from: the map, and the gap figures when a dataset is linked.
#[derive(Debug, Clone, Copy)]
pub struct ReportInputs<'a> {
    pub map: &'a JourneyMap,
    /// `None`: no dataset linked; the report says where the gap figures will appear.
    pub gaps: Option<&'a ReportGaps>,
}

/// The gap engine's findings, in the shape the report prints them. The gap engine fills this
/// from its own report; the report does no gap arithmetic itself.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReportGaps {
    /// What was observed: the dataset(s), the window, the filters ("412 cases, Jan-Mar 2027").
    pub source: String,
    /// Headline figures, in order: ("Stages met", "3 of 5"), ("Fitness", "0.82"), …
    pub summary: Vec<Figure>,
    /// Observed score and gap per touchpoint: colours the map and draws the gap chart.
    pub overlay: GapOverlay,
    /// Negative gaps ranked by impact, highest first.
    pub priorities: Vec<PriorityRow>,
}

/// One headline figure of the gap summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Figure {
    pub label: String,
    pub value: String,
}

/// One entry of the priority list: impact = |gap| × reach × weight.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PriorityRow {
    pub touchpoint: Id,
    pub gap: f64,
    /// Share of cases that reach the touchpoint, 0 to 1.
    pub reach: f64,
    pub impact: f64,
}
