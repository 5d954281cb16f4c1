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
