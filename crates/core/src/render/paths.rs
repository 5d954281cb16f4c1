//! The lines drawn over the grid: the corridor's connectors between consecutive steps' cards,
//! and the emotion curve through the touchpoints' designed emotions.

use std::collections::HashMap;
use std::fmt::Write;

use super::layout::{f, Connector, Curve, CurvePoint, Layout, Rect, COL_W, EMOTION_FONT};
use crate::model::{Id, JourneyMap};

pub(super) fn emotion_curve(
    map: &JourneyMap,
    layout: &Layout,
    band: usize,
    stage_index: &HashMap<Id, usize>,
) -> Curve {
    let b = &layout.bands[band];
    let top_y = b.y + 26.0;
    let bottom_y = b.y + b.h - 26.0;
    let zero_y = (top_y + bottom_y) / 2.0;
    let mut points = Vec::new();
    for (s, column) in layout.columns.iter().enumerate() {
        let felt: Vec<_> = map
            .touchpoints
            .iter()
            .filter(|t| stage_index.get(&t.stage) == Some(&s))
            .filter_map(|t| Some((t, t.designed_emotion.filter(|e| e.is_finite())?)))
            .collect();
        let n = felt.len() as f32;
        for (i, (t, emotion)) in felt.into_iter().enumerate() {
            let emotion = emotion.clamp(-2.0, 2.0);
            let spacing = COL_W / n;
            points.push(CurvePoint {
                x: column.x + (i as f32 + 0.5) * spacing,
                y: zero_y - (emotion as f32 / 2.0) * (zero_y - top_y),
                column: s,
                emotion,
                // Labels only where there is room for a word.
                label: if spacing * 1.9 - 6.0 < 30.0 {
                    String::new()
                } else {
                    EMOTION_FONT.clip(&t.emotion_label, (spacing * 1.9 - 6.0).min(110.0))
                },
                label_below: points.len() % 2 == 1,
            });
        }
    }
    let d = smooth_path(&points.iter().map(|p| (p.x, p.y)).collect::<Vec<_>>());
    Curve {
        band,
        zero_y,
        top_y,
        bottom_y,
        points,
        d,
    }
}

/// A smooth path through the points (Catmull-Rom turned into cubic Béziers).
fn smooth_path(p: &[(f32, f32)]) -> String {
    let mut d = String::new();
    let Some(first) = p.first() else {
        return d;
    };
    let _ = write!(d, "M{} {}", f(first.0), f(first.1));
    for i in 0..p.len().saturating_sub(1) {
        let p0 = p[i.saturating_sub(1)];
        let (p1, p2) = (p[i], p[i + 1]);
        let p3 = p[(i + 2).min(p.len() - 1)];
        let c1 = (p1.0 + (p2.0 - p0.0) / 6.0, p1.1 + (p2.1 - p0.1) / 6.0);
        let c2 = (p2.0 - (p3.0 - p1.0) / 6.0, p2.1 - (p3.1 - p1.1) / 6.0);
        let _ = write!(
            d,
            " C{} {} {} {} {} {}",
            f(c1.0),
            f(c1.1),
            f(c2.0),
            f(c2.1),
            f(p2.0),
            f(p2.1)
        );
    }
    d
}

/// An orthogonal path through the points, its corners rounded.
fn rounded(points: &[(f32, f32)], radius: f32) -> String {
    let mut d = format!("M{} {}", f(points[0].0), f(points[0].1));
    for i in 1..points.len() {
        let (x, y) = points[i];
        if i + 1 < points.len() {
            let (px, py) = points[i - 1];
            let (nx, ny) = points[i + 1];
            let into = ((x - px).hypot(y - py) / 2.0).min(radius);
            let out = ((nx - x).hypot(ny - y) / 2.0).min(radius);
            let (ax, ay) = toward((x, y), (px, py), into);
            let (bx, by) = toward((x, y), (nx, ny), out);
            let _ = write!(
                d,
                " L{} {} Q{} {} {} {}",
                f(ax),
                f(ay),
                f(x),
                f(y),
                f(bx),
                f(by)
            );
        } else {
            let _ = write!(d, " L{} {}", f(x), f(y));
        }
    }
    d
}

fn toward(from: (f32, f32), to: (f32, f32), dist: f32) -> (f32, f32) {
    let len = (to.0 - from.0).hypot(to.1 - from.1);
    if len == 0.0 {
        return from;
    }
    (
        from.0 + (to.0 - from.0) / len * dist,
        from.1 + (to.1 - from.1) / len * dist,
    )
}

#[derive(Clone, Copy)]
enum Heading {
    Right,
    Left,
    Down,
}

fn arrow(tip: (f32, f32), heading: Heading) -> String {
    let (back, side) = match heading {
        Heading::Right => ((-8.0, 0.0), (0.0, 4.5)),
        Heading::Left => ((8.0, 0.0), (0.0, 4.5)),
        Heading::Down => ((0.0, -8.0), (4.5, 0.0)),
    };
    format!(
        "M{} {} L{} {} L{} {} Z",
        f(tip.0),
        f(tip.1),
        f(tip.0 + back.0 - side.0),
        f(tip.1 + back.1 - side.1),
        f(tip.0 + back.0 + side.0),
        f(tip.1 + back.1 + side.1)
    )
}

fn bbox(points: &[(f32, f32)]) -> Rect {
    let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
    for &(x, y) in points {
        x0 = x0.min(x);
        y0 = y0.min(y);
        x1 = x1.max(x);
        y1 = y1.max(y);
    }
    Rect {
        x: x0 - 6.0,
        y: y0 - 6.0,
        w: x1 - x0 + 12.0,
        h: y1 - y0 + 12.0,
    }
}

/// A connector's path, the points that bound it, and where its arrow points.
struct Route {
    points: Vec<(f32, f32)>,
    d: String,
    tip: (f32, f32),
    heading: Heading,
}

/// The corridor as connectors between consecutive steps' cards: forward to a later stage as an
/// S-curve through the gutter; within a stage along the right gutter; back to an earlier stage
/// (a loop) down to a return channel under the touchpoints, left, and up the target's gutter.
pub(super) fn connectors(
    map: &JourneyMap,
    layout: &Layout,
    card_of: &HashMap<Id, usize>,
    return_bottom: Option<f32>,
) -> Vec<Connector> {
    let mut out = Vec::new();
    let mut loops = 0;
    let mut same_stage = 0;
    for pair in map.corridor.steps.windows(2) {
        let (Some(&a), Some(&b)) = (
            card_of.get(&pair[0].touchpoint),
            card_of.get(&pair[1].touchpoint),
        ) else {
            continue;
        };
        let dashed = pair[0].optional || pair[1].optional;
        let (ca, cb) = (&layout.cards[a], &layout.cards[b]);
        let (ra, rb) = (ca.rect, cb.rect);
        let Route {
            points,
            d,
            tip,
            heading,
        } = if a == b {
            let x = ra.right();
            let pts = vec![
                (x, ra.cy() - 8.0),
                (x + 16.0, ra.cy() - 8.0),
                (x + 16.0, ra.cy() + 8.0),
                (x + 7.0, ra.cy() + 8.0),
            ];
            let d = rounded(&pts, 6.0);
            Route {
                points: pts,
                d,
                tip: (x, ra.cy() + 8.0),
                heading: Heading::Left,
            }
        } else if cb.column > ca.column {
            let (x1, y1) = (ra.right(), ra.cy());
            let (x2, y2) = (rb.x - 7.0, rb.cy());
            let dx = ((x2 - x1) / 2.0).min(60.0);
            let pts = vec![(x1, y1), (x1 + dx, y1), (x2 - dx, y2), (x2, y2)];
            let d = format!(
                "M{} {} C{} {} {} {} {} {}",
                f(x1),
                f(y1),
                f(x1 + dx),
                f(y1),
                f(x2 - dx),
                f(y2),
                f(x2),
                f(y2)
            );
            Route {
                points: pts,
                d,
                tip: (rb.x, y2),
                heading: Heading::Right,
            }
        } else if cb.column == ca.column && cb.slot == ca.slot + 1 {
            // The next card down the stack: a short link between the two.
            let x = ra.x + ra.w / 2.0;
            let pts = vec![(x, ra.bottom()), (x, rb.y - 7.0)];
            let d = format!("M{} {} V{}", f(x), f(ra.bottom()), f(rb.y - 7.0));
            Route {
                points: pts,
                d,
                tip: (x, rb.y),
                heading: Heading::Down,
            }
        } else if cb.column == ca.column {
            let gx = ra.right() + 7.0 + 3.0 * (same_stage % 3) as f32;
            same_stage += 1;
            let pts = vec![
                (ra.right(), ra.cy()),
                (gx, ra.cy()),
                (gx, rb.cy()),
                (rb.right() + 7.0, rb.cy()),
            ];
            let d = rounded(&pts, 6.0);
            Route {
                points: pts,
                d,
                tip: (rb.right(), rb.cy()),
                heading: Heading::Left,
            }
        } else {
            let channel_y = return_bottom.unwrap_or(ra.bottom()) + 8.0 + 8.0 * loops as f32;
            loops += 1;
            let out_x = ra.right() + 8.0;
            let in_x = rb.x - 9.0;
            let pts = vec![
                (ra.right(), ra.cy()),
                (out_x, ra.cy()),
                (out_x, channel_y),
                (in_x, channel_y),
                (in_x, rb.cy()),
                (rb.x - 7.0, rb.cy()),
            ];
            let d = rounded(&pts, 7.0);
            Route {
                points: pts,
                d,
                tip: (rb.x, rb.cy()),
                heading: Heading::Right,
            }
        };
        out.push(Connector {
            bbox: bbox(&points),
            d,
            arrow: arrow(tip, heading),
            dashed,
        });
    }
    out
}
