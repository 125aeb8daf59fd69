//! An SVG card drawn into a PNG by resvg, with the shipped fonts (and the system's
//! when the text needs them).

use std::sync::Arc;

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{self, fontdb::Database};

/// Draws `svg` at `width`×`height` pixels (its own size scaled to fit) and encodes
/// it as a PNG.
pub(crate) fn draw(
    svg: &str,
    fonts: Arc<Database>,
    width: u32,
    height: u32,
) -> Result<Vec<u8>, String> {
    let options = usvg::Options {
        fontdb: fonts,
        font_family: "Noto Sans".into(),
        font_resolver: usvg::FontResolver {
            select_font: usvg::FontResolver::default_font_selector(),
            select_fallback: same_weight_fallback(),
        },
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| e.to_string())?;
    let mut pixmap = Pixmap::new(width, height).ok_or("the card has no pixels")?;
    let size = tree.size();
    let scale = Transform::from_scale(width as f32 / size.width(), height as f32 / size.height());
    resvg::render(&tree, scale, &mut pixmap.as_mut());
    png(pixmap)
}

/// For a character the chosen font lacks: the font nearest in weight that has it (a
/// bold Latin title goes on in bold Georgian, not in the first Georgian font found),
/// the shipped fonts before the system's.
fn same_weight_fallback() -> usvg::FallbackSelectionFn<'static> {
    Box::new(|c, used, db| {
        let base = db.face(*used.first()?)?;
        let (weight, style) = (i32::from(base.weight.0), base.style);
        db.faces()
            .filter(|face| !used.contains(&face.id) && super::fonts::has_char(db, face.id, c))
            .min_by_key(|face| {
                (
                    (i32::from(face.weight.0) - weight).abs(),
                    face.style != style,
                )
            })
            .map(|face| face.id)
    })
}

/// The pixels as an RGBA PNG, compressed for speed (cards are flat colours and text,
/// which compress well even so).
fn png(pixmap: Pixmap) -> Result<Vec<u8>, String> {
    use image::ImageEncoder;
    use image::codecs::png::{CompressionType, FilterType, PngEncoder};
    let (width, height) = (pixmap.width(), pixmap.height());
    let rgba = pixmap.take_demultiplied();
    let mut out = Vec::new();
    PngEncoder::new_with_quality(&mut out, CompressionType::Fast, FilterType::Adaptive)
        .write_image(&rgba, width, height, image::ExtendedColorType::Rgba8)
        .map_err(|e| e.to_string())?;
    Ok(out)
}
