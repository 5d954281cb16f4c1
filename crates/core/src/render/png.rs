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
    encode(&pixmap).map_err(|e| RenderError::Svg {
        reason: format!("PNG encoding failed: {e}"),
    })
}

/// The picture as an 8-bit RGB PNG. It is painted on opaque white, so dropping the alpha
/// channel loses nothing. Deflate level 1 with adaptive filters: on a 200-touchpoint map about
/// five times faster than the default level, for a file about a quarter larger.
fn encode(pixmap: &tiny_skia::Pixmap) -> Result<Vec<u8>, png::EncodingError> {
    let rgb: Vec<u8> = pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect();
    let mut out = Vec::with_capacity(rgb.len() / 6);
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_deflate_compression(png::DeflateCompression::Level(1));
    encoder.set_filter(png::Filter::Adaptive);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&rgb)?;
    writer.finish()?;
    Ok(out)
}
