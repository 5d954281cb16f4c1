//! Measuring, wrapping and escaping text for the exports.
//!
//! Widths come from the shipped fonts' advance widths (`hmtx`), without kerning: Noto Sans
//! kerns mostly inwards, so a measured line is at worst a little wider than the drawn one and
//! never spills over its box.

use std::sync::OnceLock;

use ttf_parser::Face;

use super::fonts;

/// Which of the two shipped faces a text is set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

impl Weight {
    /// The SVG/CSS `font-weight` value.
    pub fn css(self) -> u16 {
        match self {
            Weight::Regular => 400,
            Weight::Bold => 700,
        }
    }
}

struct Faces {
    regular: Face<'static>,
    bold: Face<'static>,
}

fn faces() -> &'static Faces {
    static FACES: OnceLock<Faces> = OnceLock::new();
    FACES.get_or_init(|| Faces {
        regular: Face::parse(fonts::REGULAR, 0).expect("the shipped regular font parses"),
        bold: Face::parse(fonts::BOLD, 0).expect("the shipped bold font parses"),
    })
}

/// The ellipsis that ends a clamped line.
pub const ELLIPSIS: char = '\u{2026}';

/// The width of `text` set in `size` units.
pub fn width(text: &str, size: f32, weight: Weight) -> f32 {
    let face = match weight {
        Weight::Regular => &faces().regular,
        Weight::Bold => &faces().bold,
    };
    let units: u32 = text.chars().map(|c| advance(face, c)).sum();
    units as f32 * size / f32::from(face.units_per_em())
}

fn advance(face: &Face<'_>, c: char) -> u32 {
    let glyph = face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
    u32::from(face.glyph_hor_advance(glyph).unwrap_or(0))
}

/// A text style: size and weight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Font {
    pub size: f32,
    pub weight: Weight,
}

impl Font {
    pub const fn regular(size: f32) -> Font {
        Font {
            size,
            weight: Weight::Regular,
        }
    }

    pub const fn bold(size: f32) -> Font {
        Font {
            size,
            weight: Weight::Bold,
        }
    }

    pub fn width(self, text: &str) -> f32 {
        width(text, self.size, self.weight)
    }

    /// `text` wrapped to `max_width`, at most `max_lines` lines (0: no limit); when it does not
    /// fit, the last line ends with an ellipsis. Whitespace (newlines included) separates words;
    /// a word wider than a line is broken between characters.
    pub fn wrap(self, text: &str, max_width: f32, max_lines: usize) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        let mut line = String::new();
        let mut truncated = false;
        'words: for word in text.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if self.width(&candidate) <= max_width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                if max_lines > 0 && lines.len() == max_lines {
                    truncated = true;
                    break 'words;
                }
            }
            if self.width(word) <= max_width {
                line = word.to_string();
                continue;
            }
            // A word wider than a whole line: break it after a slash or hyphen where that
            // fits, else between characters.
            for c in word.chars() {
                line.push(c);
                if self.width(&line) > max_width && line.chars().count() > 1 {
                    line.pop();
                    let last = line.char_indices().last().map_or(0, |(i, _)| i);
                    let rest = match line[..last].rfind(['/', '-']) {
                        Some(at) if at > 0 => line.split_off(at + 1),
                        _ => String::new(),
                    };
                    lines.push(std::mem::replace(&mut line, rest));
                    if max_lines > 0 && lines.len() == max_lines {
                        truncated = true;
                        break 'words;
                    }
                    line.push(c);
                }
            }
        }
        if !truncated && !line.is_empty() {
            lines.push(line);
        }
        if truncated {
            if let Some(last) = lines.last_mut() {
                *last = self.with_ellipsis(last, max_width);
            }
        }
        lines
    }

    /// One line: `text` as it is when it fits, else cut and ended with an ellipsis.
    pub fn clip(self, text: &str, max_width: f32) -> String {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if self.width(&text) <= max_width {
            text
        } else {
            self.with_ellipsis(&text, max_width)
        }
    }

    /// `text` shortened until it and an ellipsis fit in `max_width`.
    fn with_ellipsis(self, text: &str, max_width: f32) -> String {
        let mut kept: String = text.trim_end().to_string();
        loop {
            let candidate = format!("{}{ELLIPSIS}", kept.trim_end());
            if self.width(&candidate) <= max_width || kept.is_empty() {
                return candidate;
            }
            kept.pop();
        }
    }
}

/// `text` safe inside XML or HTML text and attribute values: markup characters escaped, and
/// characters XML 1.0 forbids (most control characters) dropped; tabs and line breaks become
/// spaces.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || (0x7f..0xa0).contains(&(c as u32)) => {}
            '\u{fffe}' | '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bold_is_wider_and_width_scales_with_size() {
        let r = width("Checkout", 12.0, Weight::Regular);
        let b = width("Checkout", 12.0, Weight::Bold);
        assert!(b > r && r > 30.0 && r < 70.0, "{r} {b}");
        let double = width("Checkout", 24.0, Weight::Regular);
        assert!((double - 2.0 * r).abs() < 0.01);
        assert_eq!(width("", 12.0, Weight::Regular), 0.0);
    }

    #[test]
    fn wrapping_fills_lines_and_clamps_with_an_ellipsis() {
        let font = Font::regular(12.0);
        let text = "Spring outdoor-living campaign on Instagram and Pinterest";
        let lines = font.wrap(text, 120.0, 0);
        assert!(lines.len() >= 3, "{lines:?}");
        assert_eq!(lines.join(" "), text);
        for line in &lines {
            assert!(font.width(line) <= 120.0, "{line}");
        }
        let clamped = font.wrap(text, 120.0, 2);
        assert_eq!(clamped.len(), 2);
        assert!(clamped[1].ends_with(ELLIPSIS), "{clamped:?}");
        assert!(font.width(&clamped[1]) <= 120.0);
        // Exactly as many lines as allowed: no ellipsis.
        assert_eq!(font.wrap(text, 120.0, lines.len()), lines);
    }

    #[test]
    fn a_word_wider_than_the_line_is_broken() {
        let font = Font::bold(12.0);
        let lines = font.wrap("Donaudampfschifffahrtsgesellschaftskapitän", 60.0, 0);
        assert!(lines.len() > 2, "{lines:?}");
        assert_eq!(lines.concat(), "Donaudampfschifffahrtsgesellschaftskapitän");
        for line in &lines {
            assert!(font.width(line) <= 60.0, "{line}");
        }
        assert!(font.wrap("   \n ", 60.0, 3).is_empty());
        // After a slash or a hyphen, where there is one.
        let lines = Font::regular(8.5).wrap("inventory/logistics", 60.0, 0);
        assert_eq!(lines, ["inventory/", "logistics"]);
    }

    #[test]
    fn clip_keeps_one_line() {
        let font = Font::regular(10.0);
        assert_eq!(font.clip("short", 100.0), "short");
        let clipped = font.clip("a rather long label that cannot fit", 60.0);
        assert!(clipped.ends_with(ELLIPSIS) && font.width(&clipped) <= 60.0);
    }

    #[test]
    fn escape_makes_markup_inert_and_drops_forbidden_characters() {
        assert_eq!(
            escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
        assert_eq!(escape("a\u{0}b\u{7}c\nd\u{ffff}"), "abc d");
    }
}
