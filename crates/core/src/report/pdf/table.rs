//! Tables on report pages: columns sized to their words, rows that never split, the header
//! repeated on every page a table runs onto.

use std::fmt::Write;

use super::{font, Flow, CELL, CELL_LINE, INK, MARGIN_X};
use crate::render::layout::{f, Rect};
use crate::render::svg::{rect, text};
use crate::report::content::{Align, Table};

pub(super) fn table(flow: &mut Flow, t: &Table) {
    let inner = flow.inner();
    let widths = column_widths(t, inner);
    let header: Vec<String> = t.header.iter().map(|h| h.to_string()).collect();
    let draw_header = |flow: &mut Flow| {
        row(flow, &header, &widths, &t.align, true, "#eef1f5");
    };
    flow.ensure(2.0 * (CELL_LINE + 8.0));
    draw_header(flow);
    for cells in &t.rows {
        let h = row_height(cells, &widths, false);
        if flow.y + h > flow.bottom() {
            flow.break_page();
            draw_header(flow);
        }
        row(flow, cells, &widths, &t.align, false, "#ffffff");
    }
    if let Some(footer) = &t.footer {
        if flow.y + row_height(footer, &widths, true) > flow.bottom() {
            flow.break_page();
            draw_header(flow);
        }
        row(flow, footer, &widths, &t.align, true, "#ffffff");
    }
    flow.y += 10.0;
}

/// Each column gets its share of the width by the table's weights, but at least room for its
/// longest word (so words break only when they must); the columns with room to spare give it
/// up. Too narrow a page: the minimums shrink together.
fn column_widths(t: &Table, inner: f32) -> Vec<f32> {
    let n = t.widths.len();
    let longest_word = |text: &str, bold: bool| {
        text.split_whitespace()
            .map(|w| font(CELL, bold).width(w))
            .fold(0.0_f32, f32::max)
    };
    let min: Vec<f32> = (0..n)
        .map(|c| {
            let header = longest_word(t.header.get(c).copied().unwrap_or(""), true);
            let cells = t
                .rows
                .iter()
                .chain(t.footer.iter())
                .filter_map(|r| r.get(c))
                .map(|cell| longest_word(cell, false))
                .fold(0.0_f32, f32::max);
            (header.max(cells) + 9.0).min(inner * 0.4)
        })
        .collect();
    let min_sum: f32 = min.iter().sum();
    if min_sum >= inner {
        return min.iter().map(|m| m / min_sum * inner).collect();
    }
    let weights: f32 = t.widths.iter().sum();
    let mut widths: Vec<f32> = t
        .widths
        .iter()
        .zip(&min)
        .map(|(w, m)| (w / weights * inner).max(*m))
        .collect();
    let over = widths.iter().sum::<f32>() - inner;
    if over > 0.0 {
        let slack: f32 = widths.iter().zip(&min).map(|(w, m)| w - m).sum();
        for (w, m) in widths.iter_mut().zip(&min) {
            *w -= (*w - m) / slack * over;
        }
    }
    widths
}

fn row_height(cells: &[String], widths: &[f32], bold: bool) -> f32 {
    let f = font(CELL, bold);
    let lines = cells
        .iter()
        .zip(widths)
        .map(|(c, w)| f.wrap(c, w - 8.0, 0).len().max(1))
        .max()
        .unwrap_or(1);
    lines as f32 * CELL_LINE + 8.0
}

fn row(flow: &mut Flow, cells: &[String], widths: &[f32], align: &[Align], bold: bool, fill: &str) {
    let h = row_height(cells, widths, bold);
    let inner = flow.inner();
    rect(
        &mut flow.body,
        Rect {
            x: MARGIN_X,
            y: flow.y,
            w: inner,
            h,
        },
        0.0,
        fill,
        None,
    );
    let mut x = MARGIN_X;
    let f_ = font(CELL, bold);
    for ((cell, w), a) in cells.iter().zip(widths).zip(align) {
        for (i, line) in f_.wrap(cell, w - 8.0, 0).iter().enumerate() {
            let y = flow.y + 4.0 + CELL + CELL_LINE * i as f32 - 1.0;
            match a {
                Align::Left => text(&mut flow.body, x + 4.0, y, f_, INK, "start", line),
                Align::Right => text(&mut flow.body, x + w - 4.0, y, f_, INK, "end", line),
            }
        }
        x += w;
    }
    let _ = writeln!(
        flow.body,
        "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"#d9dee5\"/>",
        f(MARGIN_X),
        f(MARGIN_X + inner),
        y = f(flow.y + h)
    );
    flow.y += h;
}
