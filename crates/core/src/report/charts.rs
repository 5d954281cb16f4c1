//! Charts of the gap figures, drawn only when a dataset is linked.

use std::fmt::Write;

use crate::model::JourneyMap;
use crate::render::layout::{f, Rect};
use crate::render::svg::{open, rect, text};
use crate::render::text::Font;
use crate::render::{number, GapBand, GapOverlay};

const LABEL_W: f32 = 280.0;
const ROW_H: f32 = 18.0;
const STAGE_H: f32 = 20.0;

/// Gap (observed − target) per touchpoint, in board order grouped by stage: bars left of the
/// axis fall short, bars right of it beat the target. `None` when no touchpoint has a gap.
pub fn gap_chart(map: &JourneyMap, overlay: &GapOverlay, width: f32) -> Option<String> {
    let mut groups = Vec::new();
    for stage in &map.stages {
        let rows: Vec<(&str, f64, GapBand)> = map
            .touchpoints_in(stage.id)
            .filter_map(|t| {
                let observed = overlay.touchpoints.get(&t.id)?;
                let gap = observed.gap.filter(|g| g.is_finite())?;
                Some((
                    t.title.as_str(),
                    gap,
                    GapBand::of(Some(observed), &map.score_scale),
                ))
            })
            .collect();
        if !rows.is_empty() {
            groups.push((stage.name.as_str(), rows));
        }
    }
    if groups.is_empty() {
        return None;
    }
    let largest = groups
        .iter()
        .flat_map(|(_, rows)| rows.iter().map(|r| r.1.abs()))
        .fold(0.0_f64, f64::max)
        .max(f64::EPSILON);
    let half = (width - LABEL_W - 20.0) / 2.0 - 34.0;
    let axis = LABEL_W + 10.0 + (width - LABEL_W - 20.0) / 2.0;
    let n_rows: usize = groups.iter().map(|(_, r)| r.len()).sum();
    let height = 30.0 + groups.len() as f32 * STAGE_H + n_rows as f32 * ROW_H + 10.0;
    let mut out = String::new();
    open(&mut out, width, height, "Gap per touchpoint");
    text(
        &mut out,
        axis - 6.0,
        16.0,
        Font::regular(9.0),
        "#5b6472",
        "end",
        "below target",
    );
    text(
        &mut out,
        axis + 6.0,
        16.0,
        Font::regular(9.0),
        "#5b6472",
        "start",
        "above target",
    );
    let mut y = 26.0;
    for (stage, rows) in &groups {
        let band = Rect {
            x: 0.0,
            y,
            w: width,
            h: STAGE_H,
        };
        rect(&mut out, band, 0.0, "#eef1f5", None);
        let label = Font::bold(10.0).clip(stage, LABEL_W);
        text(
            &mut out,
            6.0,
            y + 14.0,
            Font::bold(10.0),
            "#1f2733",
            "start",
            &label,
        );
        y += STAGE_H;
        for (title, gap, band) in rows {
            let label = Font::regular(9.5).clip(title, LABEL_W - 14.0);
            text(
                &mut out,
                14.0,
                y + 13.0,
                Font::regular(9.5),
                "#1f2733",
                "start",
                &label,
            );
            let len = (gap.abs() / largest) as f32 * half;
            let x = if *gap < 0.0 { axis - len } else { axis };
            let bar = Rect {
                x,
                y: y + 4.0,
                w: len.max(1.0),
                h: 10.0,
            };
            rect(&mut out, bar, 2.0, band.colour(), None);
            let value = if *gap > 0.0 {
                format!("+{}", number(*gap))
            } else {
                number(*gap)
            };
            let (vx, anchor) = if *gap < 0.0 {
                (axis - len - 4.0, "end")
            } else {
                (axis + len + 4.0, "start")
            };
            text(
                &mut out,
                vx,
                y + 12.5,
                Font::regular(9.0),
                "#1f2733",
                anchor,
                &value,
            );
            y += ROW_H;
        }
    }
    let _ = writeln!(
        out,
        "<line x1=\"{a}\" y1=\"22\" x2=\"{a}\" y2=\"{b}\" stroke=\"#5b6472\"/>",
        a = f(axis),
        b = f(y)
    );
    out.push_str("</svg>\n");
    Some(out)
}
