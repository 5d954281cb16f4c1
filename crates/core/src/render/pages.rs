//! The map cut into pages: whole columns and whole bands per page, the stage headers and lane
//! labels repeated on each, a running head and the legend at the foot.

use std::fmt::Write;
use std::ops::Range;

use super::grid::{grid, View};
use super::layout::{f, Layout, COL_W, HEADER_H, LABEL_W};
use super::palette::*;
use super::svg::{legend, meta_text, open, text};
use super::text::Font;
use super::RenderOptions;
use crate::model::JourneyMap;

/// Page furniture sizes, in points.
const PAGE_MARGIN: f32 = 24.0;
const PAGE_HEAD: f32 = 34.0;
const PAGE_LEGEND_FONT: Font = Font::regular(7.5);
/// The map's scale on paper: as large as fits, within these bounds (map units to points).
const MIN_SCALE: f32 = 0.6;
const MAX_SCALE: f32 = 0.85;

/// The map cut into pages of `paper` (width, height in points).
pub fn pages(
    layout: &Layout,
    map: &JourneyMap,
    _options: &RenderOptions,
    paper: (f32, f32),
) -> Vec<String> {
    let (pw, ph) = paper;
    let inner_w = pw - 2.0 * PAGE_MARGIN;
    let (legend_svg, legend_h) =
        legend(&layout.legend, PAGE_MARGIN, 0.0, inner_w, PAGE_LEGEND_FONT);
    let body_h = ph - 2.0 * PAGE_MARGIN - PAGE_HEAD - legend_h - 6.0;
    // Columns: as many as fit at the smallest scale, spread evenly over the fewest pages; then
    // the scale grows until a page's columns fill its width.
    let n_cols = layout.columns.len().max(1);
    let fit = (((inner_w / MIN_SCALE - LABEL_W) / COL_W).floor() as usize).max(1);
    let across = n_cols.div_ceil(fit);
    let per_page = n_cols.div_ceil(across);
    let scale = (inner_w / (LABEL_W + per_page as f32 * COL_W)).clamp(MIN_SCALE, MAX_SCALE);
    let col_ranges: Vec<Range<usize>> = (0..across)
        .map(|i| (i * per_page).min(n_cols)..((i + 1) * per_page).min(n_cols))
        .filter(|r| !r.is_empty())
        .collect();

    // Bands: greedily, as many as fit under the headers.
    let room = body_h / scale - HEADER_H;
    let mut band_ranges: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    let mut used = 0.0;
    for (i, band) in layout.bands.iter().enumerate() {
        if i > start && used + band.h > room {
            band_ranges.push(start..i);
            start = i;
            used = 0.0;
        }
        used += band.h;
    }
    if start < layout.bands.len() {
        band_ranges.push(start..layout.bands.len());
    }

    let total = col_ranges.len() * band_ranges.len();
    let meta = meta_text(map);
    let mut pages = Vec::with_capacity(total);
    for cols in &col_ranges {
        for bands in &band_ranges {
            let mut out = String::with_capacity(32 * 1024);
            open(&mut out, pw, ph, &map.title);
            let n = pages.len() + 1;
            let where_ = format!(
                "Stages {}\u{2013}{}   \u{b7}   map page {n} of {total}",
                cols.start + 1,
                cols.end
            );
            let right_w = Font::regular(8.0).width(&where_);
            let title = Font::bold(11.0).clip(&map.title, inner_w - right_w - 16.0);
            text(
                &mut out,
                PAGE_MARGIN,
                PAGE_MARGIN + 11.0,
                Font::bold(11.0),
                INK,
                "start",
                &title,
            );
            text(
                &mut out,
                pw - PAGE_MARGIN,
                PAGE_MARGIN + 11.0,
                Font::regular(8.0),
                MUTED,
                "end",
                &where_,
            );
            let meta = Font::regular(8.0).clip(&meta, inner_w);
            text(
                &mut out,
                PAGE_MARGIN,
                PAGE_MARGIN + 24.0,
                Font::regular(8.0),
                MUTED,
                "start",
                &meta,
            );
            let _ = writeln!(
                out,
                "<g transform=\"translate({} {}) scale({})\">",
                f(PAGE_MARGIN),
                f(PAGE_MARGIN + PAGE_HEAD),
                scale
            );
            let view = View {
                cols: cols.clone(),
                bands: bands.clone(),
            };
            grid(&mut out, layout, &view, "grid");
            out.push_str("</g>\n");
            let _ = writeln!(
                out,
                "<g transform=\"translate(0 {})\">",
                f(ph - PAGE_MARGIN - legend_h)
            );
            out.push_str(&legend_svg);
            out.push_str("</g>\n</svg>\n");
            pages.push(out);
        }
    }
    pages
}
