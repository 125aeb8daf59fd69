//! A page's shared image: its `image:` (or its kind's cover) cut to the 1.91:1 of
//! social cards around its focus and resized to 1200×630, through the cache.

use image::imageops::FilterType;
use serde::Deserialize;

use super::cache::Cache;
use super::resize::{ImageError, decode};

/// Which part of a tall image a card keeps.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Focus {
    Top,
    #[default]
    Center,
    Bottom,
}

/// The card made of the image `bytes`, `width`×`height` pixels, as a PNG, taken from
/// and kept in `cache` when there is one.
pub(crate) fn card(
    bytes: &[u8],
    focus: Focus,
    (width, height): (u32, u32),
    cache: Option<&Cache>,
) -> Result<Vec<u8>, ImageError> {
    let key = Cache::source_key(bytes);
    let path = cache.map(|c| c.path(&key, &format!("card{width}x{height}.{focus:?}.png")));
    if let Some(made) = path.as_ref().and_then(|p| std::fs::read(p).ok()) {
        return Ok(made);
    }
    let image = decode(bytes)?;
    let (w, h) = (image.width(), image.height());
    if w == 0 || h == 0 {
        return Err(ImageError::Empty);
    }
    // The largest box of the card's proportions inside the image.
    let (cw, ch) = if u64::from(w) * u64::from(height) > u64::from(h) * u64::from(width) {
        (
            (u64::from(h) * u64::from(width) / u64::from(height)) as u32,
            h,
        )
    } else {
        (
            w,
            (u64::from(w) * u64::from(height) / u64::from(width)) as u32,
        )
    };
    let x = (w - cw) / 2;
    let y = match focus {
        Focus::Top => 0,
        Focus::Center => (h - ch) / 2,
        Focus::Bottom => h - ch,
    };
    let cut = image.crop_imm(x, y, cw.max(1), ch.max(1));
    let resized = cut
        .resize_exact(width, height, FilterType::Lanczos3)
        .to_rgb8();
    let mut out = Vec::new();
    image::DynamicImage::ImageRgb8(resized)
        .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .map_err(|source| ImageError::Encode { source })?;
    if let (Some(cache), Some(path)) = (cache, path) {
        cache
            .store(&path, &out)
            .map_err(|source| ImageError::Cache {
                dir: cache.dir().to_path_buf(),
                source,
            })?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tall_image_is_cut_around_its_focus() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path());
        // Red on top, blue at the bottom.
        let tall = image::RgbImage::from_fn(400, 800, |_, y| {
            image::Rgb(if y < 400 { [220, 0, 0] } else { [0, 0, 220] })
        });
        let mut bytes = Vec::new();
        image::DynamicImage::ImageRgb8(tall)
            .write_to(
                &mut std::io::Cursor::new(&mut bytes),
                image::ImageFormat::Png,
            )
            .unwrap();
        for (focus, expected) in [(Focus::Top, [220, 0, 0]), (Focus::Bottom, [0, 0, 220])] {
            let png = card(&bytes, focus, (1200, 630), Some(&cache)).unwrap();
            let made = image::load_from_memory(&png).unwrap().to_rgb8();
            assert_eq!(made.dimensions(), (1200, 630));
            assert_eq!(made.get_pixel(600, 315).0, expected, "{focus:?}");
        }
    }
}
