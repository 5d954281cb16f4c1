//! The fonts every export uses: Noto Sans Regular and Bold (SIL Open Font License 1.1, see
//! `assets/fonts/OFL.txt`), compiled in so that an export looks the same on a machine without
//! fonts.

/// The family name the exports write; it resolves to the shipped fonts.
pub const FAMILY: &str = "Noto Sans";

/// The `font-family` value written into SVG and CSS: the shipped family first. PNG and PDF
/// resolve every family, generic ones included, to the shipped fonts; a browser showing the
/// SVG or HTML without Noto Sans installed falls back to its own sans-serif.
pub const FAMILY_CSS: &str = "'Noto Sans', sans-serif";

/// Noto Sans Regular 2.004.
pub static REGULAR: &[u8] = include_bytes!("../../../../assets/fonts/NotoSans-Regular.ttf");

/// Noto Sans Bold 2.004.
pub static BOLD: &[u8] = include_bytes!("../../../../assets/fonts/NotoSans-Bold.ttf");

/// CSS `@font-face` rules carrying both shipped fonts as data (about 1.4 MB): a browser then
/// draws an SVG or HTML export in the very fonts its text was measured with.
pub fn font_face_css() -> &'static str {
    use std::sync::OnceLock;

    static CSS: OnceLock<String> = OnceLock::new();
    CSS.get_or_init(|| {
        let face = |weight: u16, data: &[u8]| {
            format!(
                "@font-face{{font-family:'{FAMILY}';font-style:normal;font-weight:{weight};\
                 src:url(data:font/ttf;base64,{}) format('truetype')}}\n",
                base64(data)
            )
        };
        face(400, REGULAR) + &face(700, BOLD)
    })
}

/// Standard base64 with padding (RFC 4648).
fn base64(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> shift) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The font database the PNG and PDF backends parse SVG with: the shipped fonts only, with
/// every generic family mapped to them (usvg silently drops text whose family it cannot
/// resolve).
#[cfg(feature = "png-pdf")]
pub(crate) fn database() -> std::sync::Arc<resvg::usvg::fontdb::Database> {
    use resvg::usvg::fontdb::{Database, Source};
    use std::sync::{Arc, OnceLock};

    static DB: OnceLock<Arc<Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = Database::new();
        db.load_font_source(Source::Binary(Arc::new(REGULAR)));
        db.load_font_source(Source::Binary(Arc::new(BOLD)));
        db.set_sans_serif_family(FAMILY);
        db.set_serif_family(FAMILY);
        db.set_monospace_family(FAMILY);
        db.set_cursive_family(FAMILY);
        db.set_fantasy_family(FAMILY);
        Arc::new(db)
    })
    .clone()
}

/// usvg's options for parsing an export's SVG: the shipped fonts, Noto Sans as the default.
#[cfg(feature = "png-pdf")]
pub(crate) fn usvg_options() -> resvg::usvg::Options<'static> {
    resvg::usvg::Options {
        font_family: FAMILY.to_string(),
        fontdb: database(),
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::base64;

    #[test]
    fn base64_matches_rfc_4648() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }
}
