//! Drawing a window of the map's grid: stage headers, lane labels, backgrounds, the emotion
//! curve, the corridor and the cards. The whole map is one window; a page is another.

use std::fmt::Write;
use std::ops::Range;

use super::layout::{
    badge_width, f, Card, CardBody, Layout, Rect, BADGE_FONT, CARD_FONT, CHANNEL_FONT, COL_W,
    EMOTION_FONT, HEADER_H, LABEL_W, LANE_FONT, META_FONT, STAGE_FONT, TITLE_FONT,
};
use super::palette::*;
use super::svg::{corridor_path, rect, text};
use super::text::Font;

const MOT_FONT: Font = Font::bold(7.5);

/// Which part of the grid a drawing shows: a range of stage columns and of bands.
pub struct View {
    pub cols: Range<usize>,
    pub bands: Range<usize>,
}

/// Draw a window of the grid with its top-left corner at (0, 0): the stage headers of its
/// columns, the labels of its lanes, then backgrounds, the emotion curve, the corridor and the
/// cards. `id` names its clip path (unique within the document).
pub fn grid(out: &mut String, layout: &Layout, view: &View, id: &str) {
    let cols = &layout.columns[view.cols.clone()];
    let bands = &layout.bands[view.bands.clone()];
    let (Some(first_col), Some(first_band), Some(last_band)) =
        (cols.first(), bands.first(), bands.last())
    else {
        return;
    };
    let sx = LABEL_W - first_col.x;
    let sy = HEADER_H - first_band.y;
    let region = Rect {
        x: first_col.x,
        y: first_band.y,
        w: cols.len() as f32 * COL_W,
        h: last_band.y + last_band.h - first_band.y,
    };
    let body_w = LABEL_W + region.w;
    let body_bottom = HEADER_H + region.h;

    // Stage headers, and the corner above the lane labels.
    rect(
        out,
        Rect {
            x: 0.0,
            y: 0.0,
            w: body_w,
            h: HEADER_H,
        },
        0.0,
        HEADER,
        None,
    );
    text(
        out,
        12.0,
        29.0,
        Font::bold(9.0),
        "#aab4c8",
        "start",
        "STAGES",
    );
    for c in cols {
        let x = c.x + sx;
        let _ = writeln!(
            out,
            "<line x1=\"{x}\" y1=\"0\" x2=\"{x}\" y2=\"{h}\" stroke=\"#3a4766\"/>",
            x = f(x),
            h = f(HEADER_H)
        );
        let _ = writeln!(
            out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"11\" fill=\"#ffffff\"/>",
            f(x + 24.0),
            f(HEADER_H / 2.0)
        );
        text(
            out,
            x + 24.0,
            HEADER_H / 2.0 + 4.5,
            Font::bold(12.0),
            HEADER,
            "middle",
            &c.number.to_string(),
        );
        let top = if c.name.len() > 1 { 20.0 } else { 29.0 };
        for (i, line) in c.name.iter().enumerate() {
            text(
                out,
                x + 44.0,
                top + 16.0 * i as f32,
                STAGE_FONT,
                "#ffffff",
                "start",
                line,
            );
        }
    }

    // Lane rows: label cell, background, bottom rule.
    for (li, lane) in layout.lanes.iter().enumerate() {
        let start = lane.bands.start.max(view.bands.start);
        let end = lane.bands.end.min(view.bands.end);
        if start >= end {
            continue;
        }
        let y0 = layout.bands[start].y + sy;
        let last = &layout.bands[end - 1];
        let y1 = last.y + last.h + sy;
        let bg = if li % 2 == 0 { "#ffffff" } else { ROW_ALT };
        rect(
            out,
            Rect {
                x: LABEL_W,
                y: y0,
                w: region.w,
                h: y1 - y0,
            },
            0.0,
            bg,
            None,
        );
        rect(
            out,
            Rect {
                x: 0.0,
                y: y0,
                w: LABEL_W,
                h: y1 - y0,
            },
            0.0,
            LABEL_BG,
            None,
        );
        let mut ty = y0 + 21.0;
        for line in &lane.title {
            text(out, 12.0, ty, LANE_FONT, INK, "start", line);
            ty += 15.0;
        }
        if start > lane.bands.start {
            text(
                out,
                12.0,
                ty,
                Font::regular(9.5),
                FAINT,
                "start",
                "(continued)",
            );
        }
        let _ = writeln!(
            out,
            "<line x1=\"0\" y1=\"{y}\" x2=\"{w}\" y2=\"{y}\" stroke=\"{RULE}\"/>",
            y = f(y1),
            w = f(body_w)
        );
    }
    // The emotion scale, at the right of the curve's lane label.
    if let Some(curve) = layout
        .curve
        .as_ref()
        .filter(|c| view.bands.contains(&c.band))
    {
        for (value, y) in [
            ("+2", curve.top_y),
            ("0", curve.zero_y),
            ("-2", curve.bottom_y),
        ] {
            text(
                out,
                LABEL_W - 8.0,
                y + sy + 3.0,
                Font::regular(9.0),
                FAINT,
                "end",
                value,
            );
        }
    }
    for (i, c) in cols.iter().enumerate() {
        if i > 0 {
            let _ = writeln!(
                out,
                "<line x1=\"{x}\" y1=\"{top}\" x2=\"{x}\" y2=\"{bottom}\" stroke=\"{RULE}\"/>",
                x = f(c.x + sx),
                top = f(HEADER_H),
                bottom = f(body_bottom)
            );
        }
    }
    let _ = writeln!(
        out,
        "<line x1=\"{x}\" y1=\"{top}\" x2=\"{x}\" y2=\"{bottom}\" stroke=\"{CARD_STROKE}\"/>",
        x = f(LABEL_W),
        top = f(HEADER_H),
        bottom = f(body_bottom)
    );

    // What may cross column and page edges is clipped to the window.
    let _ = writeln!(
        out,
        "<clipPath id=\"{id}\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/></clipPath>",
        f(LABEL_W),
        f(HEADER_H),
        f(region.w),
        f(region.h)
    );
    let _ = writeln!(out, "<g clip-path=\"url(#{id})\">");
    let _ = writeln!(out, "<g transform=\"translate({} {})\">", f(sx), f(sy));
    if let Some(curve) = &layout.curve {
        if view.bands.contains(&curve.band) {
            emotion_curve(out, layout, view, region);
        }
    }
    for c in layout
        .connectors
        .iter()
        .filter(|c| c.bbox.intersects(&region))
    {
        corridor_path(out, &c.d, c.dashed, 1.0);
        let _ = writeln!(out, "<path d=\"{}\" fill=\"{CORRIDOR_CASING}\"/>", c.arrow);
    }
    out.push_str("</g>\n</g>\n");

    let _ = writeln!(out, "<g transform=\"translate({} {})\">", f(sx), f(sy));
    for card in layout.cards.iter().filter(|c| {
        view.cols.contains(&c.column) && c.rect.y >= region.y && c.rect.bottom() <= region.bottom()
    }) {
        draw_card(out, card);
    }
    out.push_str("</g>\n");
}

fn emotion_curve(out: &mut String, layout: &Layout, view: &View, region: Rect) {
    let Some(curve) = &layout.curve else {
        return;
    };
    for (value, y) in [
        ("+2", curve.top_y),
        ("0", curve.zero_y),
        ("-2", curve.bottom_y),
    ] {
        let dash = if value == "0" {
            ""
        } else {
            " stroke-dasharray=\"2 4\""
        };
        let _ = writeln!(
            out,
            "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"#c9ced6\"{dash}/>",
            f(region.x),
            f(region.right()),
            y = f(y)
        );
    }
    let _ = writeln!(
        out,
        "<path d=\"{}\" fill=\"none\" stroke=\"{CURVE}\" stroke-width=\"2.2\"/>",
        curve.d
    );
    for p in curve
        .points
        .iter()
        .filter(|p| view.cols.contains(&p.column))
    {
        let colour = if p.emotion > 0.0 {
            POSITIVE
        } else if p.emotion < 0.0 {
            NEGATIVE
        } else {
            NEUTRAL
        };
        let _ = writeln!(
            out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"4.5\" fill=\"{colour}\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>",
            f(p.x),
            f(p.y)
        );
        if !p.label.is_empty() {
            let y = if p.label_below { p.y + 15.0 } else { p.y - 9.0 };
            text(out, p.x, y, EMOTION_FONT, MUTED, "middle", &p.label);
        }
    }
}

fn draw_card(out: &mut String, card: &Card) {
    let r = card.rect;
    match &card.body {
        CardBody::Lane {
            fill,
            stroke,
            lines,
        } => {
            rect(out, r, 5.0, fill, Some((stroke, 1.0)));
            for (i, line) in lines.iter().enumerate() {
                text(
                    out,
                    r.x + 10.0,
                    r.y + 20.0 + 14.0 * i as f32,
                    CARD_FONT,
                    INK,
                    "start",
                    line,
                );
            }
        }
        CardBody::Touchpoint(t) => {
            rect(out, r, 6.0, "#ffffff", None);
            let _ = writeln!(
                out,
                "<path d=\"M{x6} {y} V{b} Q{x} {b} {x} {b6} V{y6} Q{x} {y} {x6} {y} Z\" fill=\"{}\"/>",
                t.stripe,
                x = f(r.x),
                x6 = f(r.x + 6.0),
                y = f(r.y),
                y6 = f(r.y + 6.0),
                b = f(r.bottom()),
                b6 = f(r.bottom() - 6.0),
            );
            let border = match &t.gap {
                Some((_, colour, _)) => (*colour, 2.0),
                None => (CARD_STROKE, 1.0),
            };
            rect(out, r, 6.0, "none", Some(border));
            // Top row: channel, then the corridor step badges at the right.
            rect(
                out,
                Rect {
                    x: r.x + 14.0,
                    y: r.y + 10.5,
                    w: 7.0,
                    h: 7.0,
                },
                1.5,
                t.stripe,
                None,
            );
            text(
                out,
                r.x + 25.0,
                r.y + 17.5,
                CHANNEL_FONT,
                MUTED,
                "start",
                &t.channel,
            );
            let mut bx = r.right() - 8.0;
            for badge in t.steps.iter().rev() {
                let w = badge_width(badge.number);
                bx -= w;
                let pill = Rect {
                    x: bx,
                    y: r.y + 6.5,
                    w,
                    h: 16.0,
                };
                if badge.optional {
                    let _ = writeln!(
                        out,
                        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"16\" rx=\"8\" fill=\"#fff8e6\" \
                         stroke=\"{CORRIDOR_CASING}\" stroke-width=\"1.2\" stroke-dasharray=\"3 2\"/>",
                        f(pill.x),
                        f(pill.y),
                        f(w)
                    );
                } else {
                    rect(out, pill, 8.0, CORRIDOR, Some((CORRIDOR_CASING, 1.0)));
                }
                text(
                    out,
                    bx + w / 2.0,
                    r.y + 18.0,
                    BADGE_FONT,
                    CORRIDOR_TEXT,
                    "middle",
                    &badge.number.to_string(),
                );
                bx -= 3.0;
            }
            for (i, line) in t.title.iter().enumerate() {
                text(
                    out,
                    r.x + 14.0,
                    r.y + t.title_y + 15.0 * i as f32,
                    TITLE_FONT,
                    INK,
                    "start",
                    line,
                );
            }
            text(
                out,
                r.x + 14.0,
                r.y + t.meta_y,
                META_FONT,
                MUTED,
                "start",
                &t.owner,
            );
            if let Some(target) = &t.target {
                text(
                    out,
                    r.right() - 10.0,
                    r.y + t.meta_y,
                    META_FONT,
                    INK,
                    "end",
                    target,
                );
            }
            if let Some(top) = t.moment_of_truth_y {
                let label = "MOMENT OF TRUTH";
                let w = MOT_FONT.width(label) + 12.0;
                rect(
                    out,
                    Rect {
                        x: r.x + 14.0,
                        y: r.y + top,
                        w,
                        h: 14.0,
                    },
                    7.0,
                    MOMENT_OF_TRUTH,
                    None,
                );
                text(
                    out,
                    r.x + 20.0,
                    r.y + top + 10.0,
                    MOT_FONT,
                    "#ffffff",
                    "start",
                    label,
                );
            }
            if let Some((line, colour, baseline)) = &t.gap {
                text(
                    out,
                    r.x + 14.0,
                    r.y + baseline,
                    META_FONT,
                    colour,
                    "start",
                    line,
                );
            }
        }
    }
}
