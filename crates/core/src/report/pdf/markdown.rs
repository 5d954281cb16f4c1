//! The team's Markdown on report pages.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::{bullet, Flow, BODY, INK, LINE};
use crate::report::content::Span;

/// The team's Markdown as paragraphs, list items and headings of plain and bold runs. Raw HTML
/// is shown as the text it is; images by their alt text; links by their text.
pub(super) fn markdown(flow: &mut Flow, md: &str) {
    let mut runs: Vec<Span> = Vec::new();
    let mut strong = 0usize;
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut mark: Option<String> = None;
    let flush = |flow: &mut Flow, runs: &mut Vec<Span>, mark: &mut Option<String>, depth: usize| {
        if runs.iter().all(|r| r.text.trim().is_empty()) {
            runs.clear();
            return;
        }
        let indent = 14.0 * depth.saturating_sub(1) as f32;
        match mark.take() {
            Some(m) => bullet(flow, runs, &m, indent),
            None if depth > 0 => flow.lines(runs, BODY, LINE, indent + 14.0, INK),
            None => {
                flow.lines(runs, BODY, LINE, 0.0, INK);
                flow.y += 5.0;
            }
        }
        runs.clear();
    };
    for event in Parser::new(md) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                runs.push(Span {
                    text: t.to_string(),
                    bold: strong > 0,
                });
            }
            Event::SoftBreak | Event::HardBreak => runs.push(Span {
                text: " ".into(),
                bold: false,
            }),
            Event::Start(Tag::Strong) => strong += 1,
            Event::End(TagEnd::Strong) => strong = strong.saturating_sub(1),
            Event::Start(Tag::List(start)) => {
                flush(flow, &mut runs, &mut mark, lists.len());
                lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                flush(flow, &mut runs, &mut mark, lists.len());
                lists.pop();
                if lists.is_empty() {
                    flow.y += 4.0;
                }
            }
            Event::Start(Tag::Item) => {
                flush(flow, &mut runs, &mut mark, lists.len());
                mark = Some(match lists.last_mut() {
                    Some(Some(n)) => {
                        let m = format!("{n}.");
                        *n += 1;
                        m
                    }
                    _ => "\u{2022}".into(),
                });
            }
            Event::Start(Tag::Heading { .. }) => {
                flush(flow, &mut runs, &mut mark, lists.len());
                strong += 1;
            }
            Event::End(TagEnd::Heading(_)) => {
                strong = strong.saturating_sub(1);
                flow.ensure(3.0 * LINE);
                flush(flow, &mut runs, &mut mark, lists.len());
            }
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::HtmlBlock
                | TagEnd::TableRow
                | TagEnd::TableHead
                | TagEnd::BlockQuote(_),
            ) => flush(flow, &mut runs, &mut mark, lists.len()),
            Event::End(TagEnd::TableCell) => runs.push(Span {
                text: "   ".into(),
                bold: false,
            }),
            _ => {}
        }
    }
    flush(flow, &mut runs, &mut mark, lists.len());
}
