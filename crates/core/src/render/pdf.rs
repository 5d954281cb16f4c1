//! PDF: SVG pages drawn into one document by krilla, text kept as text (selectable,
//! searchable) in the shipped fonts, embedded as subsets.

use krilla::geom::Size;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::Document;
use krilla_svg::{SurfaceExt, SvgSettings};
use resvg::usvg;

use super::{fonts, map_svg_pages, Paper, RenderError, RenderOptions};
use crate::model::JourneyMap;

/// The map as a PDF of `paper` pages (landscape), each repeating the stage headers and the lane
/// labels of what it shows. Pagination rules: `docs/export.md`.
pub fn map_pdf(
    map: &JourneyMap,
    options: &RenderOptions,
    paper: Paper,
) -> Result<Vec<u8>, RenderError> {
    svg_pages_to_pdf(&map_svg_pages(map, options, paper), &map.title)
}

/// One PDF page per SVG document, each page the size of its SVG (1 unit = 1 point).
pub(crate) fn svg_pages_to_pdf(pages: &[String], title: &str) -> Result<Vec<u8>, RenderError> {
    let options = fonts::usvg_options();
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(title.to_string())
            .creator("Corridor".to_string()),
    );
    for svg in pages {
        let tree = usvg::Tree::from_str(svg, &options).map_err(|e| RenderError::Svg {
            reason: e.to_string(),
        })?;
        let size = Size::from_wh(tree.size().width(), tree.size().height()).ok_or_else(|| {
            RenderError::Svg {
                reason: "a page has no area".into(),
            }
        })?;
        let mut page = document.start_page_with(PageSettings::new(size));
        let mut surface = page.surface();
        surface
            .draw_svg(&tree, size, SvgSettings::default())
            .ok_or_else(|| RenderError::Pdf {
                reason: "krilla could not draw a page".into(),
            })?;
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|e| RenderError::Pdf {
        reason: format!("{e:?}"),
    })
}
