//! Decoding an image once and encoding its thumbnails (source format and WebP),
//! reusing every thumbnail the cache already holds.

use std::io::{self, Cursor};
use std::path::PathBuf;

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::codecs::webp::WebPEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader};
use rayon::prelude::*;

use super::cache::Cache;
use super::{Encoding, widths_for};

/// JPEG quality of the thumbnails.
const JPEG_QUALITY: u8 = 82;

/// Quality of the lossy WebP thumbnails of photos (JPEG sources); those of PNG
/// sources (graphics, screenshots, transparency) are lossless.
const WEBP_QUALITY: f32 = 80.0;

/// Why an image cannot be made into thumbnails. The message says what is wrong with
/// the file, for a diagnostic that names it.
#[derive(Debug, thiserror::Error)]
pub(crate) enum ImageError {
    /// The source file could not be read.
    #[error("cannot read: {source}")]
    Read {
        #[source]
        source: io::Error,
    },
    /// Its first bytes could not be read to tell its format.
    #[error("{source}")]
    Sniff {
        #[source]
        source: io::Error,
    },
    /// An image format folio does not resize (BMP, TIFF…), named by its usual
    /// extension in capitals.
    #[error("{format} images are not supported here; use JPEG, PNG, WebP or GIF")]
    Unsupported { format: String },
    /// Not an image format known at all.
    #[error("not a JPEG, PNG, WebP or GIF image")]
    Unknown,
    /// 0 pixels wide or high.
    #[error("the image is empty (0 pixels wide or high)")]
    Empty,
    /// The header or the pixels cannot be decoded (a broken or truncated file).
    #[error("{source}")]
    Decode {
        #[source]
        source: image::ImageError,
    },
    /// A thumbnail cannot be encoded.
    #[error("cannot encode a thumbnail: {source}")]
    Encode {
        #[source]
        source: image::ImageError,
    },
    /// A thumbnail cannot be stored in the cache folder `dir`.
    #[error("cannot write the image cache {}: {source}", dir.display())]
    Cache {
        dir: PathBuf,
        #[source]
        source: io::Error,
    },
}

impl From<image::ImageError> for ImageError {
    fn from(source: image::ImageError) -> Self {
        ImageError::Decode { source }
    }
}

/// A thumbnail in the cache, before it is given an output path.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Thumb {
    pub width: u32,
    pub height: u32,
    pub encoding: Encoding,
    pub cached: PathBuf,
}

/// The thumbnails of one source image.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Thumbs {
    pub width: u32,
    pub height: u32,
    pub fallback: Encoding,
    pub thumbs: Vec<Thumb>,
    /// How many thumbnails had to be made (not found in the cache).
    pub made: usize,
}

/// Makes (or finds in `cache`) the thumbnails of the image in `bytes`. The error says
/// what is wrong with the file, for a message that names it.
pub(crate) fn thumbnails(bytes: &[u8], cache: &Cache) -> Result<Thumbs, ImageError> {
    let key = Cache::source_key(bytes);
    let meta_path = cache.path(&key, "meta.txt");
    let known = std::fs::read_to_string(&meta_path)
        .ok()
        .and_then(|text| parse_meta(&text));
    let (width, height, fallback) = match known {
        Some(meta) => meta,
        None => probe(bytes)?,
    };
    let mut encodings = vec![fallback];
    if fallback != Encoding::Webp {
        encodings.push(Encoding::Webp);
    }
    let mut thumbs: Vec<Thumb> = Vec::new();
    for w in widths_for(width) {
        let h = ((u64::from(height) * u64::from(w) + u64::from(width) / 2) / u64::from(width))
            .max(1) as u32;
        for &encoding in &encodings {
            let operation = match (encoding, fallback) {
                (Encoding::Webp, Encoding::Jpeg) => format!("w{w}.q{WEBP_QUALITY}.webp"),
                _ => format!("w{w}.{}", encoding.extension()),
            };
            let cached = cache.path(&key, &operation);
            thumbs.push(Thumb {
                width: w,
                height: h,
                encoding,
                cached,
            });
        }
    }
    let missing: Vec<&Thumb> = thumbs.iter().filter(|t| !t.cached.is_file()).collect();
    if !missing.is_empty() {
        let image = decode(bytes)?;
        missing.par_iter().try_for_each(|t| {
            let bytes = encode(&image, t, fallback == Encoding::Jpeg)?;
            cache
                .store(&t.cached, &bytes)
                .map_err(|source| ImageError::Cache {
                    dir: cache.dir().to_path_buf(),
                    source,
                })
        })?;
    }
    if known.is_none() {
        // Not fatal: without it the next build probes the header again.
        let _ = cache.store(&meta_path, format_meta(width, height, fallback).as_bytes());
    }
    let made = missing.len();
    // WebP thumbnails are offered only when they weigh less than the fallback ones
    // (lossless WebP can be heavier than a JPEG).
    if fallback != Encoding::Webp {
        let weight = |encoding: Encoding| -> u64 {
            thumbs
                .iter()
                .filter(|t| t.encoding == encoding)
                .map(|t| std::fs::metadata(&t.cached).map_or(u64::MAX / 16, |m| m.len()))
                .sum()
        };
        if weight(Encoding::Webp) >= weight(fallback) {
            thumbs.retain(|t| t.encoding == fallback);
        }
    }
    Ok(Thumbs {
        width,
        height,
        fallback,
        made,
        thumbs,
    })
}

fn reader(bytes: &[u8]) -> Result<ImageReader<Cursor<&[u8]>>, ImageError> {
    ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|source| ImageError::Sniff { source })
}

/// The size as displayed (EXIF orientation applied) and the thumbnails' encoding,
/// from the header only.
fn probe(bytes: &[u8]) -> Result<(u32, u32, Encoding), ImageError> {
    let reader = reader(bytes)?;
    let fallback = match reader.format() {
        Some(ImageFormat::Jpeg) => Encoding::Jpeg,
        Some(ImageFormat::Png) => Encoding::Png,
        Some(ImageFormat::WebP) => Encoding::Webp,
        // An animated GIF: its first frame makes still thumbnails, lossless like a PNG's.
        Some(ImageFormat::Gif) => Encoding::Png,
        Some(other) => {
            return Err(ImageError::Unsupported {
                format: other
                    .extensions_str()
                    .first()
                    .unwrap_or(&"these")
                    .to_uppercase(),
            });
        }
        None => return Err(ImageError::Unknown),
    };
    let mut decoder = reader.into_decoder()?;
    let (w, h) = decoder.dimensions();
    let turned = matches!(
        decoder.orientation()?,
        image::metadata::Orientation::Rotate90
            | image::metadata::Orientation::Rotate270
            | image::metadata::Orientation::Rotate90FlipH
            | image::metadata::Orientation::Rotate270FlipH
    );
    if w == 0 || h == 0 {
        return Err(ImageError::Empty);
    }
    Ok(if turned {
        (h, w, fallback)
    } else {
        (w, h, fallback)
    })
}

/// The whole image, EXIF orientation applied.
pub(crate) fn decode(bytes: &[u8]) -> Result<DynamicImage, ImageError> {
    let mut decoder = reader(bytes)?.into_decoder()?;
    let orientation = decoder.orientation()?;
    let mut image = DynamicImage::from_decoder(decoder)?;
    image.apply_orientation(orientation);
    Ok(image)
}

/// Encodes one thumbnail; `photo` makes WebP lossy.
fn encode(image: &DynamicImage, thumb: &Thumb, photo: bool) -> Result<Vec<u8>, ImageError> {
    let resized = if image.width() == thumb.width && image.height() == thumb.height {
        image.clone()
    } else {
        image.resize_exact(thumb.width, thumb.height, FilterType::Lanczos3)
    };
    let mut out = Vec::new();
    let result = match thumb.encoding {
        Encoding::Jpeg => DynamicImage::ImageRgb8(resized.to_rgb8())
            .write_with_encoder(JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)),
        Encoding::Png => resized.write_with_encoder(PngEncoder::new(&mut out)),
        Encoding::Webp if photo => {
            let rgb = resized.to_rgb8();
            let encoded = webp::Encoder::from_rgb(rgb.as_raw(), rgb.width(), rgb.height())
                .encode(WEBP_QUALITY);
            out.extend_from_slice(&encoded);
            Ok(())
        }
        Encoding::Webp => {
            let flat = if resized.color().has_alpha() {
                DynamicImage::ImageRgba8(resized.to_rgba8())
            } else {
                DynamicImage::ImageRgb8(resized.to_rgb8())
            };
            flat.write_with_encoder(WebPEncoder::new_lossless(&mut out))
        }
    };
    result.map_err(|source| ImageError::Encode { source })?;
    Ok(out)
}

fn format_meta(width: u32, height: u32, encoding: Encoding) -> String {
    format!("{width} {height} {}\n", encoding.extension())
}

fn parse_meta(text: &str) -> Option<(u32, u32, Encoding)> {
    let mut parts = text.split_whitespace();
    let width = parts.next()?.parse().ok()?;
    let height = parts.next()?.parse().ok()?;
    let encoding = match parts.next()? {
        "jpg" => Encoding::Jpeg,
        "png" => Encoding::Png,
        "webp" => Encoding::Webp,
        _ => return None,
    };
    Some((width, height, encoding))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let image = image::RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
        });
        let mut out = Vec::new();
        DynamicImage::ImageRgb8(image)
            .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
            .unwrap();
        out
    }

    #[test]
    fn thumbnails_are_made_once_then_reused() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path());
        let bytes = png(700, 350);
        let first = thumbnails(&bytes, &cache).unwrap();
        assert_eq!((first.width, first.height), (700, 350));
        let sizes: Vec<(u32, u32, Encoding)> = first
            .thumbs
            .iter()
            .map(|t| (t.width, t.height, t.encoding))
            .collect();
        assert_eq!(
            sizes,
            [
                (320, 160, Encoding::Png),
                (320, 160, Encoding::Webp),
                (640, 320, Encoding::Png),
                (640, 320, Encoding::Webp),
                (700, 350, Encoding::Png),
                (700, 350, Encoding::Webp),
            ]
        );
        assert_eq!(first.made, 6);
        for t in &first.thumbs {
            let img = image::open(&t.cached).unwrap();
            assert_eq!((img.width(), img.height()), (t.width, t.height));
        }
        let second = thumbnails(&bytes, &cache).unwrap();
        assert_eq!(second.made, 0);
        assert_eq!(second.thumbs, first.thumbs);
    }

    /// A photo-like JPEG: noise that lossless WebP cannot shrink below JPEG.
    fn noisy_jpeg(width: u32, height: u32) -> Vec<u8> {
        let mut seed = 7u32;
        let image = image::RgbImage::from_fn(width, height, |_, _| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            let v = (seed >> 16) as u8;
            image::Rgb([v, v.wrapping_mul(3), v.wrapping_add(90)])
        });
        let mut out = Vec::new();
        DynamicImage::ImageRgb8(image)
            .write_to(&mut Cursor::new(&mut out), ImageFormat::Jpeg)
            .unwrap();
        out
    }

    fn size(t: &Thumb) -> u64 {
        std::fs::metadata(&t.cached).unwrap().len()
    }

    #[test]
    fn webp_is_lossy_for_photos_and_lossless_for_graphics() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path());
        let photo = thumbnails(&noisy_jpeg(400, 300), &cache).unwrap();
        let jpeg: Vec<&Thumb> = photo
            .thumbs
            .iter()
            .filter(|t| t.encoding == Encoding::Jpeg)
            .collect();
        let webp: Vec<&Thumb> = photo
            .thumbs
            .iter()
            .filter(|t| t.encoding == Encoding::Webp)
            .collect();
        assert_eq!((jpeg.len(), webp.len()), (2, 2), "{photo:?}");
        for (j, w) in jpeg.iter().zip(&webp) {
            assert!(size(w) < size(j), "lossy WebP lighter than JPEG: {w:?}");
            let img = image::open(&w.cached).unwrap();
            assert_eq!((img.width(), img.height()), (w.width, w.height));
        }
        // Flat graphics: lossless WebP, the same pixels as the PNG.
        let flat = image::RgbImage::from_fn(400, 300, |x, _| {
            image::Rgb(if x < 200 {
                [40, 78, 120]
            } else {
                [143, 170, 140]
            })
        });
        let mut bytes = Vec::new();
        DynamicImage::ImageRgb8(flat)
            .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)
            .unwrap();
        let graphic = thumbnails(&bytes, &cache).unwrap();
        let of = |e: Encoding| {
            let t = graphic
                .thumbs
                .iter()
                .find(|t| t.encoding == e && t.width == 400)
                .unwrap();
            image::open(&t.cached).unwrap().to_rgb8()
        };
        assert_eq!(of(Encoding::Webp), of(Encoding::Png));
    }

    #[test]
    fn broken_and_foreign_files_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path());
        let err = thumbnails(b"not an image at all", &cache).unwrap_err();
        assert!(matches!(err, ImageError::Unknown), "{err:?}");
        assert_eq!(err.to_string(), "not a JPEG, PNG, WebP or GIF image");
        let mut truncated = png(64, 64);
        truncated.truncate(truncated.len() / 2);
        let err = thumbnails(&truncated, &cache).unwrap_err();
        assert!(matches!(err, ImageError::Decode { .. }), "{err:?}");
        let bmp = b"BM\x3a\x00\x00\x00\x00\x00\x00\x00\x36\x00\x00\x00";
        let err = thumbnails(bmp, &cache).unwrap_err();
        assert!(
            matches!(&err, ImageError::Unsupported { format } if format == "BMP"),
            "{err:?}"
        );
        assert_eq!(
            err.to_string(),
            "BMP images are not supported here; use JPEG, PNG, WebP or GIF"
        );
    }

    /// A GIF of `frames` solid colours, 400×200.
    fn animated_gif(frames: &[[u8; 4]]) -> Vec<u8> {
        let mut out = Vec::new();
        {
            let mut encoder = image::codecs::gif::GifEncoder::new(&mut out);
            encoder
                .set_repeat(image::codecs::gif::Repeat::Infinite)
                .unwrap();
            for colour in frames {
                let frame = image::RgbaImage::from_pixel(400, 200, image::Rgba(*colour));
                encoder.encode_frame(image::Frame::new(frame)).unwrap();
            }
        }
        out
    }

    #[test]
    fn an_animated_gif_makes_still_thumbnails_of_its_first_frame() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path());
        let gif = animated_gif(&[[200, 30, 30, 255], [30, 30, 200, 255]]);
        let thumbs = thumbnails(&gif, &cache).unwrap();
        assert_eq!((thumbs.width, thumbs.height), (400, 200));
        assert_eq!(thumbs.fallback, Encoding::Png);
        let first = thumbs.thumbs.first().unwrap();
        let still = image::open(&first.cached).unwrap().to_rgb8();
        let [r, _, b] = still.get_pixel(10, 10).0;
        assert!(
            r > 150 && b < 80,
            "the first frame's red, not the second's blue"
        );
    }
}
