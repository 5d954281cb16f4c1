//! The initiative timeline as a Gantt-like chart: one row per initiative, grouped by owner
//! department (as `strategy::timeline` groups them), bars over months, and the overlaps within
//! a department shaded so they stand out.

use std::fmt::Write;

use chrono::{Datelike, Months, NaiveDate};

use crate::model::JourneyMap;
use crate::render::layout::{capitalised, f, Rect};
use crate::render::svg::{open, rect, text};
use crate::render::text::Font;
use crate::story::{Priority, WorkStatus};
use crate::strategy::{timeline, TimelineGrouping};

/// The chart's width in the HTML report; the PDF asks for a narrower one.
pub const WIDTH: f32 = 760.0;
const LABEL_W: f32 = 220.0;
const AXIS_H: f32 = 34.0;
const GROUP_H: f32 = 22.0;
const ROW_H: f32 = 22.0;
const INK: &str = "#1f2733";
const MUTED: &str = "#5b6472";
const OVERLAP: &str = "#e69f00";

fn priority_colour(priority: Priority) -> &'static str {
    match priority {
        Priority::High => "#1f4e8c",
        Priority::Medium => "#4f81bd",
        Priority::Low => "#9db8dc",
    }
}

fn first_of_month(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

/// The chart, or `None` when the story has no initiatives.
pub fn timeline_svg(map: &JourneyMap) -> Option<String> {
    timeline_svg_width(map, WIDTH)
}

/// The chart drawn `width` units wide (at least 480).
pub(crate) fn timeline_svg_width(map: &JourneyMap, width: f32) -> Option<String> {
    let width = width.max(480.0);
    let story = &map.story;
    let first = story.initiatives.iter().map(|i| i.start.min(i.end)).min()?;
    let last = story.initiatives.iter().map(|i| i.end.max(i.start)).max()?;
    let start = first_of_month(first);
    let end = first_of_month(last).checked_add_months(Months::new(1))?;
    let days = (end - start).num_days().max(1) as f32;
    let x0 = LABEL_W + 10.0;
    let chart_w = width - x0 - 12.0;
    let x = |d: NaiveDate| x0 + (d - start).num_days() as f32 / days * chart_w;

    let groups = timeline(map, TimelineGrouping::Department);
    let rows: usize = groups.iter().map(|g| g.initiatives.len()).sum();
    let body_h = groups.len() as f32 * GROUP_H + rows as f32 * ROW_H;
    let legend_y = AXIS_H + body_h + 14.0;
    let height = legend_y + 26.0;

    let mut out = String::new();
    open(&mut out, width, height, "Initiative timeline");

    // Months: a line at each start, a label where there is room.
    let mut months = Vec::new();
    let mut m = start;
    while m < end {
        months.push(m);
        m = m.checked_add_months(Months::new(1))?;
    }
    let step = match months.len() {
        0..=14 => 1,
        15..=30 => 3,
        _ => 6,
    };
    for (i, m) in months.iter().enumerate() {
        let mx = x(*m);
        let _ = writeln!(
            out,
            "<line x1=\"{mx}\" y1=\"{top}\" x2=\"{mx}\" y2=\"{bottom}\" stroke=\"#e3e7ec\"/>",
            mx = f(mx),
            top = f(AXIS_H - 6.0),
            bottom = f(AXIS_H + body_h)
        );
        if i % step == 0 {
            let label = m.format("%b").to_string();
            text(
                &mut out,
                mx + 3.0,
                AXIS_H - 10.0,
                Font::regular(9.0),
                MUTED,
                "start",
                &label,
            );
            if i == 0 || m.month() == 1 {
                let year = m.year().to_string();
                text(
                    &mut out,
                    mx + 3.0,
                    AXIS_H - 22.0,
                    Font::bold(9.0),
                    INK,
                    "start",
                    &year,
                );
            }
        }
    }
    let axis_end = f(x(end));
    let _ = writeln!(
        out,
        "<line x1=\"{axis_end}\" y1=\"{}\" x2=\"{axis_end}\" y2=\"{}\" stroke=\"#e3e7ec\"/>",
        f(AXIS_H - 6.0),
        f(AXIS_H + body_h)
    );

    let mut y = AXIS_H;
    let mut overlaps = String::new();
    for group in &groups {
        let band = Rect {
            x: 0.0,
            y,
            w: width,
            h: GROUP_H,
        };
        rect(&mut out, band, 0.0, "#eef1f5", None);
        let label = Font::bold(10.5).clip(&capitalised(&group.label), LABEL_W - 10.0);
        text(
            &mut out,
            6.0,
            y + 15.0,
            Font::bold(10.5),
            INK,
            "start",
            &label,
        );
        y += GROUP_H;
        let top_of: Vec<(crate::model::Id, f32)> = group
            .initiatives
            .iter()
            .enumerate()
            .map(|(i, id)| (*id, y + i as f32 * ROW_H))
            .collect();
        for (id, row_y) in &top_of {
            let Some(init) = story.initiatives.iter().find(|i| i.id == *id) else {
                continue;
            };
            let title = Font::regular(10.0).clip(&init.title, LABEL_W - 16.0);
            text(
                &mut out,
                14.0,
                row_y + 15.0,
                Font::regular(10.0),
                INK,
                "start",
                &title,
            );
            let (a, b) = (init.start.min(init.end), init.start.max(init.end));
            let bar = Rect {
                x: x(a),
                y: row_y + 5.0,
                w: (x(b.succ_opt().unwrap_or(b)) - x(a)).max(2.0),
                h: 12.0,
            };
            match init.status {
                WorkStatus::Dropped => {
                    let _ = writeln!(
                        out,
                        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"12\" rx=\"3\" fill=\"#e4e7eb\" \
                         stroke=\"#9aa3ad\" stroke-dasharray=\"3 2\"/>",
                        f(bar.x),
                        f(bar.y),
                        f(bar.w)
                    );
                }
                _ => rect(&mut out, bar, 3.0, priority_colour(init.priority), None),
            }
        }
        for [a, b] in &group.overlaps {
            let (Some(ia), Some(ib)) = (
                story.initiatives.iter().find(|i| i.id == *a),
                story.initiatives.iter().find(|i| i.id == *b),
            ) else {
                continue;
            };
            let from = ia.start.max(ib.start);
            let to = ia.end.min(ib.end);
            let rows_y: Vec<f32> = top_of
                .iter()
                .filter(|(id, _)| id == a || id == b)
                .map(|(_, y)| *y)
                .collect();
            let top = rows_y.iter().copied().fold(f32::MAX, f32::min);
            let bottom = rows_y.iter().copied().fold(f32::MIN, f32::max) + ROW_H;
            let _ = writeln!(
                overlaps,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{OVERLAP}\" \
                 fill-opacity=\"0.22\" stroke=\"{OVERLAP}\" stroke-width=\"1.2\" stroke-dasharray=\"4 2\"/>",
                f(x(from)),
                f(top + 1.5),
                f((x(to.succ_opt().unwrap_or(to)) - x(from)).max(2.0)),
                f(bottom - top - 3.0)
            );
        }
        y += group.initiatives.len() as f32 * ROW_H;
    }
    out.push_str(&overlaps);

    // Legend.
    let mut lx = 6.0;
    let ly = legend_y;
    for (label, colour) in [
        ("high priority", priority_colour(Priority::High)),
        ("medium", priority_colour(Priority::Medium)),
        ("low", priority_colour(Priority::Low)),
        ("dropped", "#e4e7eb"),
    ] {
        let swatch = Rect {
            x: lx,
            y: ly,
            w: 18.0,
            h: 10.0,
        };
        rect(&mut out, swatch, 2.0, colour, Some(("#9aa3ad", 0.5)));
        text(
            &mut out,
            lx + 23.0,
            ly + 9.0,
            Font::regular(9.0),
            MUTED,
            "start",
            label,
        );
        lx += 30.0 + Font::regular(9.0).width(label);
    }
    let _ = writeln!(
        out,
        "<rect x=\"{}\" y=\"{}\" width=\"18\" height=\"10\" fill=\"{OVERLAP}\" fill-opacity=\"0.22\" \
         stroke=\"{OVERLAP}\" stroke-dasharray=\"4 2\"/>",
        f(lx),
        f(ly)
    );
    text(
        &mut out,
        lx + 23.0,
        ly + 9.0,
        Font::regular(9.0),
        MUTED,
        "start",
        "overlap within a department",
    );
    out.push_str("</svg>\n");
    Some(out)
}
