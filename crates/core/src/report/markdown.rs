//! The report as Markdown (CommonMark with pipe tables). Plain text to read and diff: the map
//! is given in words (stages, touchpoints, the corridor), charts by their tables.
//!
//! User text is escaped so that it reads as written: Markdown punctuation is backslash-escaped,
//! and in the narrative (which is Markdown by design) `<` is written `&lt;`, so no renderer
//! turns it into HTML.

use std::fmt::Write;

use super::content::{build, Align, Block, Span, Table};
use super::ReportInputs;
use crate::model::JourneyMap;
use crate::outline::{channel_name, department_name, duration_text};
use crate::render::number;

/// The report as Markdown.
pub fn markdown(inputs: &ReportInputs) -> String {
    let mut out = String::new();
    for block in build(inputs) {
        write_block(&mut out, &block, inputs.map);
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// Plain text as Markdown inline content: what it says, nothing more.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            c if c.is_whitespace() => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '&' | '#' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// The team's Markdown, with raw HTML made inert.
fn narrative(text: &str) -> String {
    text.replace('<', "&lt;")
}

fn spans(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|s| {
            let text = escape(&s.text);
            let trimmed = text.trim_end();
            if s.bold && !trimmed.is_empty() {
                format!("**{trimmed}**{}", &text[trimmed.len()..])
            } else {
                text
            }
        })
        .collect()
}

fn write_block(out: &mut String, block: &Block, map: &JourneyMap) {
    match block {
        Block::Title { title, lines } => {
            let _ = writeln!(out, "# {}\n", escape(title));
            for line in lines {
                let _ = writeln!(out, "{}\n", escape(line));
            }
        }
        Block::Heading { level, text } => {
            let _ = writeln!(
                out,
                "{} {}\n",
                "#".repeat(usize::from(*level)),
                escape(text)
            );
        }
        Block::Paragraph(s) => {
            let _ = writeln!(out, "{}\n", spans(s));
        }
        Block::Markdown(text) => {
            let _ = writeln!(out, "{}\n", narrative(text));
        }
        Block::Bullets(items) => {
            for item in items {
                let _ = writeln!(out, "- {}", spans(item));
            }
            out.push('\n');
        }
        Block::Table(t) => table(out, t),
        Block::Map => map_in_words(out, map),
        Block::Chart { alt, .. } => {
            let _ = writeln!(
                out,
                "*{}: the chart is in the HTML and PDF reports.*\n",
                escape(alt)
            );
        }
        Block::Note { warning, text } => {
            let label = if *warning { "Warning" } else { "Note" };
            let _ = writeln!(out, "> **{label}:** {}\n", escape(text));
        }
    }
}

fn table(out: &mut String, t: &Table) {
    let _ = writeln!(out, "| {} |", t.header.join(" | "));
    let rule: Vec<&str> = t
        .align
        .iter()
        .map(|a| match a {
            Align::Left => "---",
            Align::Right => "---:",
        })
        .collect();
    let _ = writeln!(out, "| {} |", rule.join(" | "));
    for row in &t.rows {
        let cells: Vec<String> = row.iter().map(|c| escape(c)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    if let Some(footer) = &t.footer {
        let cells: Vec<String> = footer
            .iter()
            .map(|c| {
                if c.is_empty() {
                    String::new()
                } else {
                    format!("**{}**", escape(c))
                }
            })
            .collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

/// The map without its picture: each stage with its touchpoints, then the corridor.
fn map_in_words(out: &mut String, map: &JourneyMap) {
    out.push_str(
        "*The picture of the map is in the HTML and PDF reports and in the map's own \
         SVG, PNG and PDF exports. In words:*\n\n",
    );
    for (i, stage) in map.stages.iter().enumerate() {
        let _ = writeln!(out, "**{}. {}**\n", i + 1, escape(&stage.name));
        let mut any = false;
        for t in map.touchpoints_in(stage.id) {
            any = true;
            let mut facts = vec![
                channel_name(&t.channel).to_string(),
                department_name(&t.owner).to_string(),
            ];
            if let Some(target) = t.target_score {
                facts.push(format!("target {}", number(target)));
            }
            let steps: Vec<String> = map
                .corridor
                .steps
                .iter()
                .enumerate()
                .filter(|(_, s)| s.touchpoint == t.id)
                .map(|(n, _)| (n + 1).to_string())
                .collect();
            if !steps.is_empty() {
                facts.push(format!("corridor step {}", steps.join(", ")));
            }
            let mot = if t.moment_of_truth {
                " **moment of truth**"
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "- {} ({}){mot}",
                escape(&t.title),
                escape(&facts.join(", "))
            );
        }
        if !any {
            out.push_str("- (no touchpoints)\n");
        }
        out.push('\n');
    }
    if !map.corridor.steps.is_empty() {
        out.push_str("**The corridor**\n\n");
        for (i, step) in map.corridor.steps.iter().enumerate() {
            let title = map
                .touchpoint(step.touchpoint)
                .map_or("(missing touchpoint)", |t| &t.title);
            let mut extra = Vec::new();
            if step.optional {
                extra.push("optional".to_string());
            }
            if let Some(secs) = step.expected_secs_from_previous {
                extra.push(format!("after {}", duration_text(secs)));
            }
            let extra = if extra.is_empty() {
                String::new()
            } else {
                format!(" ({})", extra.join(", "))
            };
            let _ = writeln!(out, "{}. {}{}", i + 1, escape(title), extra);
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_keeps_the_words_and_drops_the_markup() {
        assert_eq!(escape("a *b* [c](d) | e"), "a \\*b\\* \\[c\\](d) \\| e");
        assert_eq!(
            escape("<script>x</script>"),
            "&lt;script&gt;x&lt;/script&gt;"
        );
        assert_eq!(escape("two\n\n lines "), "two lines ");
        assert_eq!(
            narrative("**bold** <img onerror=x>"),
            "**bold** &lt;img onerror=x>"
        );
    }
}
