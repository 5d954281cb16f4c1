//! The map as a picture: a print layout (stages as columns, lanes as rows) written as SVG text,
//! and, with the `png-pdf` feature, rasterised to PNG (resvg) or paginated into a PDF with text
//! kept as text (krilla). Bytes and strings out; no I/O. Layout rules: `docs/export.md`.
//!
//! Every export uses the shipped Noto Sans ([`fonts`]); user text is escaped, wrapped to its
//! box with the fonts' own metrics, and clamped with an ellipsis.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::{Id, JourneyMap, ScoreScale};

pub mod fonts;
mod grid;
pub(crate) mod layout;
mod pages;
pub(crate) mod palette;
mod paths;
pub(crate) mod svg;
pub mod text;

#[cfg(feature = "png-pdf")]
pub(crate) mod pdf;
#[cfg(feature = "png-pdf")]
mod png;

#[cfg(feature = "png-pdf")]
pub use pdf::map_pdf;
#[cfg(feature = "png-pdf")]
pub use png::map_png;

/// What to draw besides the designed map.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RenderOptions {
    /// Observed scores against targets: cards are coloured by their gap and the legend
    /// explains the colours. `None` when no dataset is linked.
    #[serde(default)]
    pub overlay: Option<GapOverlay>,
    /// Carry the shipped fonts inside the SVG (`@font-face` data, about 1.4 MB), so a browser
    /// without Noto Sans draws it exactly as measured. PNG and PDF never need it.
    #[serde(default)]
    pub embed_fonts: bool,
}

/// Observed scores per touchpoint, as the gap engine computes them. Touchpoints it does not
/// name were not observed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct GapOverlay {
    pub touchpoints: BTreeMap<Id, TouchpointGap>,
}

/// One touchpoint's observed score and its gap (observed − target).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
// Named apart from the gap report's `TouchpointGap` in the TypeScript bindings.
#[serde(rename = "PaintedGap")]
pub struct TouchpointGap {
    pub observed: f64,
    /// observed − target; `None` when the touchpoint has no target.
    pub gap: Option<f64>,
}

/// How a touchpoint's gap is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum GapBand {
    /// gap ≥ 0
    Meets,
    /// below the target by less than a tenth of the score scale's span
    SlightlyBelow,
    /// below the target by a tenth of the span or more
    Below,
    /// observed, but no target to compare with
    NoTarget,
    /// no observation
    NotObserved,
}

impl GapBand {
    /// The band of a gap on a scale (rules in `docs/export.md`).
    pub fn of(gap: Option<&TouchpointGap>, scale: &ScoreScale) -> GapBand {
        let Some(g) = gap else {
            return GapBand::NotObserved;
        };
        let Some(gap) = g.gap else {
            return GapBand::NoTarget;
        };
        let tenth = (scale.max - scale.min).abs() / 10.0;
        if gap >= 0.0 {
            GapBand::Meets
        } else if -gap < tenth {
            GapBand::SlightlyBelow
        } else {
            GapBand::Below
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            GapBand::Meets => "meets its target",
            GapBand::SlightlyBelow => "below target by less than 10% of the scale",
            GapBand::Below => "below target by 10% of the scale or more",
            GapBand::NoTarget => "observed, no target",
            GapBand::NotObserved => "not observed",
        }
    }

    pub(crate) fn colour(self) -> &'static str {
        match self {
            GapBand::Meets => palette::GAP_MEETS,
            GapBand::SlightlyBelow => palette::GAP_SLIGHT,
            GapBand::Below => palette::GAP_BELOW,
            GapBand::NoTarget | GapBand::NotObserved => palette::GAP_NONE,
        }
    }
}

/// Paper for the paginated exports. Map pages are landscape; report pages portrait.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Paper {
    /// 210 × 297 mm
    #[default]
    A4,
    /// 8.5 × 11 in
    Letter,
}

impl Paper {
    /// Width and height in PostScript points, landscape.
    pub fn landscape(self) -> (f32, f32) {
        let (w, h) = self.portrait();
        (h, w)
    }

    /// Width and height in PostScript points, portrait.
    pub fn portrait(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }
}

/// Why a picture could not be made.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RenderError {
    #[error("scale {scale} is not usable: give a number from 0.1 to 8")]
    BadScale { scale: f32 },
    #[error(
        "the picture would be {width} × {height} pixels, more than this export allows \
         ({max} pixels): choose a smaller scale"
    )]
    TooLarge { width: u32, height: u32, max: u64 },
    #[error("the renderer refused the generated SVG: {reason}")]
    Svg { reason: String },
    #[error("the PDF could not be written: {reason}")]
    Pdf { reason: String },
}

/// The whole map as one SVG document (title block, legend, every stage and visible lane).
pub fn map_svg(map: &JourneyMap, options: &RenderOptions) -> String {
    svg::full(&layout::Layout::new(map, options), map, options)
}

/// The map as the pages of a paginated export, each an SVG document sized in points for
/// `paper` (landscape), each repeating the stage headers and lane labels of what it shows.
pub fn map_svg_pages(map: &JourneyMap, options: &RenderOptions, paper: Paper) -> Vec<String> {
    let layout = layout::Layout::new(map, options);
    pages::pages(&layout, map, options, paper.landscape())
}

/// A number as people read it: no needless ".0", at most two decimals.
pub(crate) fn number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        let rounded = (value * 100.0).round() / 100.0;
        format!("{rounded}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gap_bands_split_at_zero_and_a_tenth_of_the_scale() {
        let scale = ScoreScale::csat_1_to_5(); // span 4: a tenth is 0.4
        let g = |gap| {
            GapBand::of(
                Some(&TouchpointGap {
                    observed: 3.0,
                    gap: Some(gap),
                }),
                &scale,
            )
        };
        assert_eq!(g(0.0), GapBand::Meets);
        assert_eq!(g(0.7), GapBand::Meets);
        assert_eq!(g(-0.39), GapBand::SlightlyBelow);
        assert_eq!(g(-0.4), GapBand::Below);
        assert_eq!(GapBand::of(None, &scale), GapBand::NotObserved);
        let untargeted = TouchpointGap {
            observed: 3.0,
            gap: None,
        };
        assert_eq!(GapBand::of(Some(&untargeted), &scale), GapBand::NoTarget);
    }

    #[test]
    fn numbers_read_plainly() {
        assert_eq!(number(4.0), "4");
        assert_eq!(number(4.25), "4.25");
        assert_eq!(number(-0.333), "-0.33");
    }
}
