//! Writing the layout as SVG text: the primitives, the title block, the legend, and the whole
//! map. Hand-written SVG, every user string escaped; numbers rounded to a tenth so the output
//! is stable.

use std::fmt::Write;

use super::grid::{grid, View};
use super::layout::{f, Layout, LegendItem, Rect, Swatch};
use super::palette::*;
use super::text::{escape, Font};
use super::{fonts, number, RenderOptions};
use crate::model::JourneyMap;

const MARGIN: f32 = 24.0;
const MAP_TITLE_FONT: Font = Font::bold(22.0);
const MAP_META_FONT: Font = Font::regular(11.0);
const LEGEND_FONT: Font = Font::regular(10.0);

pub(crate) fn open(out: &mut String, w: f32, h: f32, title: &str) {
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
         font-family=\"{family}\">\n<title>{title}</title>\n\
         <rect width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>\n",
        w = f(w),
        h = f(h),
        family = fonts::FAMILY_CSS,
        title = escape(title),
    );
}

/// A `<text>` element. `anchor` is "start", "middle" or "end".
pub(crate) fn text(
    out: &mut String,
    x: f32,
    y: f32,
    font: Font,
    fill: &str,
    anchor: &str,
    content: &str,
) {
    let _ = write!(
        out,
        "<text x=\"{}\" y=\"{}\" font-size=\"{}\"",
        f(x),
        f(y),
        font.size
    );
    if font.weight == super::text::Weight::Bold {
        out.push_str(" font-weight=\"700\"");
    }
    if anchor != "start" {
        let _ = write!(out, " text-anchor=\"{anchor}\"");
    }
    let _ = writeln!(out, " fill=\"{fill}\">{}</text>", escape(content));
}

pub(crate) fn rect(out: &mut String, r: Rect, rx: f32, fill: &str, stroke: Option<(&str, f32)>) {
    let _ = write!(
        out,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"",
        f(r.x),
        f(r.y),
        f(r.w),
        f(r.h)
    );
    if rx > 0.0 {
        let _ = write!(out, " rx=\"{}\"", f(rx));
    }
    let _ = write!(out, " fill=\"{fill}\"");
    if let Some((colour, width)) = stroke {
        let _ = write!(out, " stroke=\"{colour}\" stroke-width=\"{}\"", f(width));
    }
    out.push_str("/>\n");
}

/// The lines under the map's title: persona, score scale, last change.
pub(crate) fn meta_text(map: &JourneyMap) -> String {
    let mut parts = Vec::new();
    if let Some(p) = map.persona.and_then(|id| map.persona_by_id(id)) {
        parts.push(format!("Persona: {}", p.name));
    } else if !map.personas.is_empty() {
        let names: Vec<&str> = map.personas.iter().map(|p| p.name.as_str()).collect();
        parts.push(format!("Personas: {}", names.join(", ")));
    }
    let s = &map.score_scale;
    parts.push(format!(
        "Score scale: {} ({} to {})",
        s.label,
        number(s.min),
        number(s.max)
    ));
    parts.push(format!("Modified {}", map.modified.format("%-d %B %Y")));
    parts.join("   \u{b7}   ")
}

/// The whole map: title block, legend, then the grid.
pub fn full(layout: &Layout, map: &JourneyMap, options: &RenderOptions) -> String {
    let width = (layout.grid_w + 2.0 * MARGIN).max(480.0);
    let inner = width - 2.0 * MARGIN;
    let title = MAP_TITLE_FONT.wrap(&map.title, inner, 2);
    let meta = MAP_META_FONT.wrap(&meta_text(map), inner, 3);
    let mut y = MARGIN + 22.0;
    let mut head = String::new();
    for line in &title {
        text(&mut head, MARGIN, y, MAP_TITLE_FONT, INK, "start", line);
        y += 28.0;
    }
    y -= 6.0;
    for line in &meta {
        text(&mut head, MARGIN, y, MAP_META_FONT, MUTED, "start", line);
        y += 16.0;
    }
    y += 4.0;
    let (legend, legend_h) = legend(&layout.legend, MARGIN, y, inner, LEGEND_FONT);
    y += legend_h + 10.0;
    let height = y + layout.grid_h + MARGIN;
    let mut out = String::with_capacity(64 * 1024);
    open(&mut out, width, height, &map.title);
    if options.embed_fonts {
        let _ = writeln!(out, "<style>\n{}</style>", fonts::font_face_css());
    }
    out.push_str(&head);
    out.push_str(&legend);
    let view = View {
        cols: 0..layout.columns.len(),
        bands: 0..layout.bands.len(),
    };
    let _ = writeln!(out, "<g transform=\"translate({} {})\">", f(MARGIN), f(y));
    grid(&mut out, layout, &view, "grid");
    out.push_str("</g>\n</svg>\n");
    out
}

/// The legend flowed into rows `width` wide from (x, y); returns the SVG and its height.
pub(crate) fn legend(
    items: &[LegendItem],
    x0: f32,
    y0: f32,
    width: f32,
    font: Font,
) -> (String, f32) {
    let mut out = String::new();
    if items.is_empty() {
        return (out, 0.0);
    }
    let row_h = font.size * 2.0;
    let swatch_w = font.size * 2.4;
    let (mut x, mut y) = (x0, y0);
    for item in items {
        let s = font.size;
        let own_w = match item.swatch {
            Swatch::Channel(_) => s * 0.9,
            Swatch::Badge => s * 1.6,
            Swatch::Gap(_) => swatch_w * 0.7,
            Swatch::Corridor { .. } | Swatch::Curve => swatch_w,
        };
        let w = own_w + 5.0 + font.width(&item.label) + s * 1.6;
        if x > x0 && x + w > x0 + width {
            x = x0;
            y += row_h;
        }
        let mid = y + row_h / 2.0;
        match item.swatch {
            Swatch::Channel(colour) => rect(
                &mut out,
                Rect {
                    x,
                    y: mid - s * 0.45,
                    w: s * 0.9,
                    h: s * 0.9,
                },
                1.5,
                colour,
                None,
            ),
            Swatch::Corridor { dashed } => {
                let d = format!("M{} {} H{}", f(x), f(mid), f(x + swatch_w));
                corridor_path(&mut out, &d, dashed, s / 10.0);
            }
            Swatch::Badge => {
                let r = Rect {
                    x,
                    y: mid - s * 0.8,
                    w: s * 1.6,
                    h: s * 1.6,
                };
                rect(&mut out, r, s * 0.8, CORRIDOR, Some((CORRIDOR_CASING, 0.8)));
                let badge = Font::bold(s * 0.9);
                text(
                    &mut out,
                    x + s * 0.8,
                    mid + s * 0.32,
                    badge,
                    CORRIDOR_TEXT,
                    "middle",
                    "3",
                );
            }
            Swatch::Curve => {
                let _ = writeln!(
                    out,
                    "<path d=\"M{} {} Q{} {} {} {}\" fill=\"none\" stroke=\"{CURVE}\" stroke-width=\"{}\"/>",
                    f(x),
                    f(mid + s * 0.4),
                    f(x + swatch_w / 2.0),
                    f(mid - s * 0.9),
                    f(x + swatch_w),
                    f(mid + s * 0.2),
                    f(s * 0.2)
                );
            }
            Swatch::Gap(colour) => rect(
                &mut out,
                Rect {
                    x,
                    y: mid - s * 0.5,
                    w: swatch_w * 0.7,
                    h: s,
                },
                2.0,
                "#ffffff",
                Some((colour, s * 0.22)),
            ),
        }
        text(
            &mut out,
            x + own_w + 5.0,
            mid + s * 0.35,
            font,
            MUTED,
            "start",
            &item.label,
        );
        x += w;
    }
    (out, y + row_h - y0)
}

/// The corridor's line: gold on a darker casing; to or from an optional step, one dashed line.
pub(crate) fn corridor_path(out: &mut String, d: &str, dashed: bool, unit: f32) {
    if dashed {
        let _ = writeln!(
            out,
            "<path d=\"{d}\" fill=\"none\" stroke=\"{CORRIDOR_DASHED}\" stroke-width=\"{}\" \
             stroke-dasharray=\"{} {}\"/>",
            f(2.6 * unit),
            f(6.0 * unit),
            f(4.0 * unit)
        );
    } else {
        let _ = writeln!(
            out,
            "<path d=\"{d}\" fill=\"none\" stroke=\"{CORRIDOR_CASING}\" stroke-width=\"{}\"/>\
             <path d=\"{d}\" fill=\"none\" stroke=\"{CORRIDOR}\" stroke-width=\"{}\"/>",
            f(5.0 * unit),
            f(3.0 * unit)
        );
    }
}
