//! PNG: the map's SVG rasterised by resvg with the shipped fonts.

use resvg::{tiny_skia, usvg};

use super::{fonts, map_svg, RenderError, RenderOptions};
use crate::model::JourneyMap;

/// The largest picture made, in pixels (about 400 MB of memory while it is drawn).
pub const MAX_PIXELS: u64 = 100_000_000;

/// The map as a PNG, `scale` pixels per map unit (1: the SVG's own size; 2: twice as sharp).
/// The picture is `ceil(width × scale)` × `ceil(height × scale)` pixels.
pub fn map_png(
    map: &JourneyMap,
    options: &RenderOptions,
    scale: f32,
) -> Result<Vec<u8>, RenderError> {
    svg_to_png(&map_svg(map, options), scale)
}

pub(crate) fn svg_to_png(svg: &str, scale: f32) -> Result<Vec<u8>, RenderError> {
    if !(scale.is_finite() && (0.1..=8.0).contains(&scale)) {
        return Err(RenderError::BadScale { scale });
    }
    let tree = usvg::Tree::from_str(svg, &fonts::usvg_options()).map_err(|e| RenderError::Svg {
        reason: e.to_string(),
    })?;
    let size = tree.size();
    let width = (size.width() * scale).ceil() as u32;
    let height = (size.height() * scale).ceil() as u32;
    let too_large = RenderError::TooLarge {
        width,
        height,
        max: MAX_PIXELS,
    };
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(too_large);
    }
    let mut pixmap = tiny_skia::Pixmap::new(width, height).ok_or(too_large)?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| RenderError::Svg {
        reason: format!("PNG encoding failed: {e}"),
    })
}
