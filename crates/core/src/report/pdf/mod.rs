//! The report as PDF: the blocks flowed onto portrait pages (drawn as SVG, measured with the
//! shipped fonts), the map's own landscape pages where the map goes, all turned into one PDF by
//! krilla with text kept as text. Tables repeat their header on each page they run onto;
//! headings stay with what follows; a chart taller than a page is scaled to fit.

use std::fmt::Write;

mod markdown;
mod table;

use super::content::{build, Block, Span};
use super::ReportInputs;
use crate::render::layout::{f, Rect};
use crate::render::pdf::svg_pages_to_pdf;
use crate::render::svg::{open, rect, text};
use crate::render::text::{Font, Weight};
use crate::render::{map_svg_pages, Paper, RenderError, RenderOptions};
use markdown::markdown;
use table::table;

pub(super) const MARGIN_X: f32 = 56.0;
pub(super) const MARGIN_TOP: f32 = 56.0;
pub(super) const MARGIN_BOTTOM: f32 = 64.0;
pub(super) const BODY: f32 = 10.0;
pub(super) const LINE: f32 = 14.0;
pub(super) const CELL: f32 = 8.5;
pub(super) const CELL_LINE: f32 = 11.5;
pub(super) const INK: &str = "#1f2733";
pub(super) const MUTED: &str = "#5b6472";
const CHART_WIDTH: f32 = 600.0;

/// The report as a PDF on `paper`: portrait pages, the map on landscape pages.
pub fn pdf(inputs: &ReportInputs, paper: Paper) -> Result<Vec<u8>, RenderError> {
    let title = format!("{} \u{b7} strategy report", inputs.map.title);
    svg_pages_to_pdf(&report_pages(inputs, paper), &title)
}

enum Page {
    /// A portrait page's body, to be wrapped with its footer once pages are counted.
    Portrait(String),
    /// A finished map page.
    Map(String),
}

pub(super) struct Flow {
    width: f32,
    height: f32,
    pages: Vec<Page>,
    pub(super) body: String,
    pub(super) y: f32,
}

impl Flow {
    pub(super) fn inner(&self) -> f32 {
        self.width - 2.0 * MARGIN_X
    }

    pub(super) fn bottom(&self) -> f32 {
        self.height - MARGIN_BOTTOM
    }

    /// Room for `h` more on this page, or a new page.
    pub(super) fn ensure(&mut self, h: f32) {
        if self.y + h > self.bottom() && self.y > MARGIN_TOP {
            self.break_page();
        }
    }

    pub(super) fn break_page(&mut self) {
        let body = std::mem::take(&mut self.body);
        self.pages.push(Page::Portrait(body));
        self.y = MARGIN_TOP;
    }

    /// Lines of runs, each line checked for room.
    pub(super) fn lines(
        &mut self,
        spans: &[Span],
        size: f32,
        line: f32,
        indent: f32,
        colour: &str,
    ) {
        for l in wrap_runs(spans, size, self.inner() - indent) {
            self.ensure(line);
            draw_runs(
                &mut self.body,
                MARGIN_X + indent,
                self.y + size,
                size,
                colour,
                &l,
            );
            self.y += line;
        }
    }
}

/// A word with its weight, and whether a space comes before it.
#[derive(Clone)]
struct Word {
    text: String,
    bold: bool,
    space: bool,
}

pub(super) fn font(size: f32, bold: bool) -> Font {
    Font {
        size,
        weight: if bold { Weight::Bold } else { Weight::Regular },
    }
}

/// Runs wrapped into lines of words no wider than `width`.
fn wrap_runs(spans: &[Span], size: f32, width: f32) -> Vec<Vec<Word>> {
    let mut words: Vec<Word> = Vec::new();
    let mut pending_space = false;
    for s in spans {
        let mut first = true;
        for (i, part) in s.text.split_whitespace().enumerate() {
            let space = if i == 0 && first {
                pending_space || s.text.starts_with(char::is_whitespace)
            } else {
                true
            };
            first = false;
            let f = font(size, s.bold);
            if f.width(part) <= width {
                words.push(Word {
                    text: part.into(),
                    bold: s.bold,
                    space,
                });
            } else {
                for (j, piece) in f.wrap(part, width, 0).into_iter().enumerate() {
                    words.push(Word {
                        text: piece,
                        bold: s.bold,
                        space: space && j == 0,
                    });
                }
            }
        }
        if !s.text.trim().is_empty() {
            pending_space = s.text.ends_with(char::is_whitespace);
        } else if !s.text.is_empty() {
            pending_space = true;
        }
    }
    let space_w = font(size, false).width(" ");
    let mut lines: Vec<Vec<Word>> = Vec::new();
    let mut line: Vec<Word> = Vec::new();
    let mut used = 0.0;
    for w in words {
        let ww = font(size, w.bold).width(&w.text);
        let gap = if line.is_empty() || !w.space {
            0.0
        } else {
            space_w
        };
        if !line.is_empty() && used + gap + ww > width {
            lines.push(std::mem::take(&mut line));
            used = 0.0;
        }
        used += if line.is_empty() { ww } else { gap + ww };
        line.push(w);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// One line of words, as one `<text>` per run of equal weight.
fn draw_runs(out: &mut String, x: f32, baseline: f32, size: f32, colour: &str, words: &[Word]) {
    let space_w = font(size, false).width(" ");
    let mut cx = x;
    let mut i = 0;
    while i < words.len() {
        let bold = words[i].bold;
        let mut seg = String::new();
        let start_x = cx
            + if i > 0 && words[i].space {
                space_w
            } else {
                0.0
            };
        let mut j = i;
        while j < words.len() && words[j].bold == bold {
            if j > i && words[j].space {
                seg.push(' ');
            }
            seg.push_str(&words[j].text);
            j += 1;
        }
        text(
            out,
            start_x,
            baseline,
            font(size, bold),
            colour,
            "start",
            &seg,
        );
        cx = start_x + font(size, bold).width(&seg);
        i = j;
    }
}

/// The report's pages as SVG documents: portrait pages with their footers, map pages as made.
fn report_pages(inputs: &ReportInputs, paper: Paper) -> Vec<String> {
    let (width, height) = paper.portrait();
    let mut flow = Flow {
        width,
        height,
        pages: Vec::new(),
        body: String::new(),
        y: MARGIN_TOP,
    };
    let options = RenderOptions {
        overlay: inputs.gaps.map(|g| g.overlay.clone()),
        ..RenderOptions::default()
    };
    let blocks = build(inputs);
    for (i, block) in blocks.iter().enumerate() {
        // The map's pages carry their own head: its heading would stand alone on a page.
        if matches!(block, Block::Heading { .. }) && matches!(blocks.get(i + 1), Some(Block::Map)) {
            continue;
        }
        match block {
            Block::Map => {
                if !flow.body.is_empty() {
                    flow.break_page();
                }
                for page in map_svg_pages(inputs.map, &options, paper) {
                    flow.pages.push(Page::Map(page));
                }
            }
            Block::Chart { chart, alt } => {
                if let Some(svg) = chart.svg(inputs, CHART_WIDTH) {
                    figure(&mut flow, &svg, alt);
                }
            }
            other => write_block(&mut flow, other),
        }
    }
    if !flow.body.is_empty() {
        flow.break_page();
    }
    let total = flow.pages.len();
    let footer_title = Font::regular(8.0).clip(&inputs.map.title, width - 2.0 * MARGIN_X - 80.0);
    flow.pages
        .into_iter()
        .enumerate()
        .map(|(i, page)| match page {
            Page::Map(svg) => svg,
            Page::Portrait(body) => {
                let mut out = String::with_capacity(body.len() + 1024);
                open(&mut out, width, height, &inputs.map.title);
                out.push_str(&body);
                let y = height - MARGIN_BOTTOM + 30.0;
                let _ = writeln!(
                    out,
                    "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#d9dee5\"/>",
                    f(MARGIN_X),
                    f(y - 12.0),
                    f(width - MARGIN_X),
                    f(y - 12.0)
                );
                let foot = Font::regular(8.0);
                text(&mut out, MARGIN_X, y, foot, MUTED, "start", &footer_title);
                let n = format!("page {} of {total}", i + 1);
                text(&mut out, width - MARGIN_X, y, foot, MUTED, "end", &n);
                out.push_str("</svg>\n");
                out
            }
        })
        .collect()
}

fn write_block(flow: &mut Flow, block: &Block) {
    let inner = flow.inner();
    match block {
        Block::Title { title, lines } => {
            let big = Font::bold(20.0);
            for line in big.wrap(title, inner, 0) {
                flow.ensure(26.0);
                text(
                    &mut flow.body,
                    MARGIN_X,
                    flow.y + 20.0,
                    big,
                    INK,
                    "start",
                    &line,
                );
                flow.y += 26.0;
            }
            flow.y += 4.0;
            for line in lines {
                flow.lines(
                    &[Span {
                        text: line.clone(),
                        bold: false,
                    }],
                    9.5,
                    13.5,
                    0.0,
                    MUTED,
                );
                flow.y += 3.0;
            }
            flow.y += 6.0;
        }
        Block::Heading { level, text: t } => {
            let (size, before, rule) = match level {
                2 => (14.0, 20.0, true),
                _ => (11.5, 12.0, false),
            };
            let hf = Font::bold(size);
            let lines = hf.wrap(t, inner, 0);
            // Keep a heading with at least three lines of what follows.
            flow.ensure(before + lines.len() as f32 * (size + 5.0) + 3.0 * LINE);
            if flow.y > MARGIN_TOP {
                flow.y += before;
            }
            for line in lines {
                text(
                    &mut flow.body,
                    MARGIN_X,
                    flow.y + size,
                    hf,
                    INK,
                    "start",
                    &line,
                );
                flow.y += size + 5.0;
            }
            if rule {
                let _ = writeln!(
                    flow.body,
                    "<line x1=\"{}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"#1f2a44\" stroke-width=\"1.2\"/>",
                    f(MARGIN_X),
                    f(MARGIN_X + inner),
                    y = f(flow.y + 1.0)
                );
                flow.y += 6.0;
            }
            flow.y += 2.0;
        }
        Block::Paragraph(spans) => {
            flow.lines(spans, BODY, LINE, 0.0, INK);
            flow.y += 5.0;
        }
        Block::Markdown(md) => markdown(flow, md),
        Block::Bullets(items) => {
            for item in items {
                bullet(flow, item, "\u{2022}", 0.0);
            }
            flow.y += 4.0;
        }
        Block::Table(t) => table(flow, t),
        Block::Note { warning, text: t } => {
            let lines = Font::regular(9.5).wrap(t, inner - 22.0, 0);
            let h = lines.len() as f32 * 13.0 + 14.0;
            flow.ensure(h);
            let colour = if *warning { "#d73027" } else { "#4f81bd" };
            let fill = if *warning { "#fdecea" } else { "#eef3fa" };
            let r = Rect {
                x: MARGIN_X,
                y: flow.y,
                w: inner,
                h,
            };
            rect(&mut flow.body, r, 0.0, fill, None);
            rect(&mut flow.body, Rect { w: 3.5, ..r }, 0.0, colour, None);
            for (i, line) in lines.iter().enumerate() {
                let y = flow.y + 7.0 + 9.5 + 13.0 * i as f32;
                text(
                    &mut flow.body,
                    MARGIN_X + 14.0,
                    y,
                    Font::regular(9.5),
                    INK,
                    "start",
                    line,
                );
            }
            flow.y += h + 8.0;
        }
        Block::Map | Block::Chart { .. } => {}
    }
}

pub(super) fn bullet(flow: &mut Flow, item: &[Span], mark: &str, indent: f32) {
    let start = flow.pages.len();
    let y = flow.y;
    flow.lines(item, BODY, LINE, indent + 14.0, INK);
    // The mark goes where the item's first line went (a new page may have begun).
    let first_y = if flow.pages.len() > start {
        MARGIN_TOP
    } else {
        y
    };
    let mark_font = Font::regular(BODY);
    text(
        &mut flow.body,
        MARGIN_X + indent + 3.0,
        first_y + BODY,
        mark_font,
        MUTED,
        "start",
        mark,
    );
    flow.y += 2.0;
}

fn figure(flow: &mut Flow, svg: &str, alt: &str) {
    let (Some(open_end), Some(close)) = (svg.find('>'), svg.rfind("</svg>")) else {
        return;
    };
    let size = |name: &str| -> f32 {
        let key = format!(" {name}=\"");
        svg[..open_end]
            .find(&key)
            .and_then(|at| {
                let rest = &svg[at + key.len()..open_end];
                rest[..rest.find('"')?].parse().ok()
            })
            .unwrap_or(1.0)
    };
    let (w, h) = (size("width"), size("height"));
    let inner = flow.inner();
    let room = flow.bottom() - MARGIN_TOP - 20.0;
    let scale = (inner / w).min(room / h);
    flow.ensure(h * scale + 20.0);
    let _ = writeln!(
        flow.body,
        "<g transform=\"translate({} {}) scale({})\">{}</g>",
        f(MARGIN_X),
        f(flow.y),
        scale,
        &svg[open_end + 1..close]
    );
    flow.y += h * scale + 4.0;
    let caption = Font::regular(8.5).clip(alt, inner);
    text(
        &mut flow.body,
        MARGIN_X,
        flow.y + 9.0,
        Font::regular(8.5),
        MUTED,
        "start",
        &caption,
    );
    flow.y += 20.0;
}
