//! The report as one self-contained HTML file: inline CSS (screen and A4 print), the shipped
//! fonts as data, the map and the charts as inline SVG; nothing loaded from anywhere, and a
//! Content-Security-Policy that forbids scripts and remote resources.
//!
//! User text is escaped. The narrative's Markdown goes through pulldown-cmark with raw HTML
//! turned into visible text, images into their alt text, and links kept only for http(s),
//! mailto and in-page targets.

use std::fmt::Write;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::content::{build, Align, Block, Span, Table};
use super::ReportInputs;
use crate::render::text::escape;
use crate::render::{fonts, map_svg, RenderOptions};

const CSS: &str = r#"
:root{color:#1f2733;font-family:'Noto Sans',sans-serif;font-size:15px;line-height:1.5}
body{margin:0;background:#eef1f5}
main{max-width:1120px;margin:0 auto;padding:36px 44px 48px;background:#fff}
h1{font-size:28px;line-height:1.25;margin:0 0 10px}
h2{font-size:20px;margin:40px 0 12px;padding-bottom:5px;border-bottom:2px solid #1f2a44}
h3{font-size:16px;margin:24px 0 6px}
h4,h5,h6{font-size:15px;margin:16px 0 4px}
p{margin:6px 0 10px}
ul,ol{margin:6px 0 12px;padding-left:24px}
.lead{color:#5b6472;margin:2px 0}
table{border-collapse:collapse;width:100%;font-size:13px;margin:8px 0 18px}
th{background:#eef1f5;text-align:left}
th,td{border-bottom:1px solid #d9dee5;padding:6px 8px;vertical-align:top}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tfoot td{font-weight:700;border-top:2px solid #1f2a44;border-bottom:none}
figure{margin:12px 0 22px}
figure svg{display:block;width:100%;height:auto}
figure.map{border:1px solid #d9dee5}
figcaption{font-size:12px;color:#5b6472;margin-top:6px}
.note{border-left:4px solid #4f81bd;background:#eef3fa;padding:8px 12px;margin:12px 0}
.note.warning{border-color:#d73027;background:#fdecea}
.narrative{max-width:760px}
code{font-family:inherit;background:#f1f3f6;padding:0 3px;border-radius:3px}
blockquote{margin:8px 0;padding-left:12px;border-left:3px solid #d9dee5;color:#5b6472}
footer{margin-top:40px;font-size:12px;color:#8a93a0}
@page{size:A4;margin:16mm 14mm 18mm}
@page wide{size:A4 landscape;margin:10mm}
@media print{
:root{font-size:10pt}
body{background:#fff}
main{max-width:none;padding:0}
h1{font-size:20pt}
h2{font-size:14pt;margin-top:22pt;break-after:avoid}
h3{font-size:11.5pt;break-after:avoid}
table{font-size:9pt}
thead{display:table-header-group}
tr,figure,.note{break-inside:avoid}
figure.map{page:wide;border:none}
figure.map svg{max-height:172mm}
footer{font-size:8pt}
}
"#;

/// The report as a self-contained HTML document.
pub fn html(inputs: &ReportInputs) -> String {
    let map = inputs.map;
    let mut out = String::with_capacity(2 * 1024 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; font-src data:; img-src data:\">\n\
         <meta name=\"generator\" content=\"Corridor\">\n\
         <title>{} \u{b7} strategy report</title>\n<style>\n{}{CSS}</style>\n</head>\n<body>\n<main>\n",
        escape(&map.title),
        fonts::font_face_css()
    );
    let options = RenderOptions {
        overlay: inputs.gaps.map(|g| g.overlay.clone()),
        ..RenderOptions::default()
    };
    for block in build(inputs) {
        match block {
            Block::Map => {
                let _ = write!(
                    out,
                    "<figure class=\"map\">\n{}<figcaption>The journey map: stages as columns, \
                     lanes as rows, the corridor in gold.</figcaption>\n</figure>\n",
                    map_svg(map, &options)
                );
            }
            Block::Chart { chart, alt } => {
                if let Some(svg) = chart.svg(inputs, super::timeline::WIDTH) {
                    let _ = writeln!(
                        out,
                        "<figure>\n{svg}<figcaption>{}</figcaption>\n</figure>",
                        escape(&alt)
                    );
                }
            }
            block => write_block(&mut out, &block),
        }
    }
    out.push_str(
        "<footer>Made with Corridor. Set in Noto Sans (SIL Open Font License 1.1).</footer>\n\
         </main>\n</body>\n</html>\n",
    );
    out
}

fn spans(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|s| {
            if s.bold {
                format!("<strong>{}</strong>", escape(&s.text))
            } else {
                escape(&s.text)
            }
        })
        .collect()
}

fn write_block(out: &mut String, block: &Block) {
    match block {
        Block::Title { title, lines } => {
            let _ = writeln!(out, "<header>\n<h1>{}</h1>", escape(title));
            for line in lines {
                let _ = writeln!(out, "<p class=\"lead\">{}</p>", escape(line));
            }
            out.push_str("</header>\n");
        }
        Block::Heading { level, text } => {
            let _ = writeln!(out, "<h{level}>{}</h{level}>", escape(text));
        }
        Block::Paragraph(s) => {
            let _ = writeln!(out, "<p>{}</p>", spans(s));
        }
        Block::Markdown(text) => {
            let _ = writeln!(
                out,
                "<div class=\"narrative\">\n{}</div>",
                markdown_to_html(text)
            );
        }
        Block::Bullets(items) => {
            out.push_str("<ul>\n");
            for item in items {
                let _ = writeln!(out, "<li>{}</li>", spans(item));
            }
            out.push_str("</ul>\n");
        }
        Block::Table(t) => table(out, t),
        // Drawn by the caller, which knows the inputs.
        Block::Map | Block::Chart { .. } => {}
        Block::Note { warning, text } => {
            let class = if *warning { "note warning" } else { "note" };
            let _ = writeln!(out, "<p class=\"{class}\">{}</p>", escape(text));
        }
    }
}

fn table(out: &mut String, t: &Table) {
    let class = |a: Align| match a {
        Align::Left => "",
        Align::Right => " class=\"num\"",
    };
    out.push_str("<table>\n<thead><tr>");
    for (h, a) in t.header.iter().zip(&t.align) {
        let _ = write!(out, "<th{}>{}</th>", class(*a), escape(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &t.rows {
        out.push_str("<tr>");
        for (cell, a) in row.iter().zip(&t.align) {
            let _ = write!(out, "<td{}>{}</td>", class(*a), escape(cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n");
    if let Some(footer) = &t.footer {
        out.push_str("<tfoot><tr>");
        for (cell, a) in footer.iter().zip(&t.align) {
            let _ = write!(out, "<td{}>{}</td>", class(*a), escape(cell));
        }
        out.push_str("</tr></tfoot>\n");
    }
    out.push_str("</table>\n");
}

/// Whether a link target is safe to keep: the web, mail, or a place in this page.
fn safe_link(url: &str) -> bool {
    let url: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    url.starts_with("https://")
        || url.starts_with("http://")
        || url.starts_with("mailto:")
        || url.starts_with('#')
}

/// The team's Markdown as HTML, with no raw HTML, no images and no unsafe links. Headings
/// start at level 4, under the report's own.
pub fn markdown_to_html(text: &str) -> String {
    let parser = Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH);
    let mut links_kept: Vec<bool> = Vec::new();
    let mut events: Vec<Event> = Vec::new();
    for event in parser {
        match event {
            Event::Html(raw) | Event::InlineHtml(raw) => events.push(Event::Text(raw)),
            Event::Start(Tag::HtmlBlock) => events.push(Event::Start(Tag::Paragraph)),
            Event::End(TagEnd::HtmlBlock) => events.push(Event::End(TagEnd::Paragraph)),
            // An image would load a resource: keep its alt text (the events inside) only.
            Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => {}
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let keep = safe_link(&dest_url);
                links_kept.push(keep);
                if keep {
                    events.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }));
                }
            }
            Event::End(TagEnd::Link) => {
                if links_kept.pop().unwrap_or(false) {
                    events.push(Event::End(TagEnd::Link));
                }
            }
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => events.push(Event::Start(Tag::Heading {
                level: demote(level),
                id,
                classes,
                attrs,
            })),
            Event::End(TagEnd::Heading(level)) => {
                events.push(Event::End(TagEnd::Heading(demote(level))));
            }
            Event::InlineMath(m) | Event::DisplayMath(m) => events.push(Event::Text(m)),
            Event::FootnoteReference(r) => events.push(Event::Text(CowStr::from(format!("[{r}]")))),
            other => events.push(other),
        }
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    html
}

fn demote(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H4,
        HeadingLevel::H2 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_in_markdown_becomes_text() {
        let html = markdown_to_html(
            "Hello <script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n**bold**",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
        assert!(
            html.contains("&lt;img src=x onerror=alert(2)&gt;"),
            "{html}"
        );
        assert!(html.contains("<strong>bold</strong>"), "{html}");
    }

    #[test]
    fn unsafe_links_and_images_lose_their_markup() {
        let html = markdown_to_html(
            "[click](javascript:alert(1)) [ok](https://example.org) ![alt text](http://x/y.png) \
             [sneaky](  JaVaScRiPt:alert(1))",
        );
        let lower = html.to_ascii_lowercase();
        for href in lower.split("href=\"").skip(1) {
            assert!(href.starts_with("https://"), "{html}");
        }
        assert!(
            html.contains("<a href=\"https://example.org\">ok</a>"),
            "{html}"
        );
        assert!(
            !html.contains("<img") && html.contains("alt text"),
            "{html}"
        );
        assert!(html.contains("click") && html.contains("sneaky"), "{html}");
    }

    #[test]
    fn headings_sit_under_the_reports_own() {
        assert!(markdown_to_html("# Big").contains("<h4>Big</h4>"));
    }
}
