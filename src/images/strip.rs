//! Publishing photos without their metadata: the EXIF and XMP a camera or phone
//! writes (GPS position, camera serial number, the owner's name) are dropped from
//! JPEG, PNG and WebP files without re-encoding them. A JPEG keeps only its EXIF
//! orientation, so that browsers still show it the right way up.

use std::borrow::Cow;

/// `bytes` without EXIF, XMP and IPTC metadata; borrowed when there was none (or the
/// file is not a JPEG, PNG or WebP image folio can read the structure of).
pub(crate) fn strip(bytes: &[u8]) -> Cow<'_, [u8]> {
    let stripped = if bytes.starts_with(&[0xff, 0xd8]) {
        jpeg(bytes)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        png(bytes)
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        webp(bytes)
    } else {
        None
    };
    stripped.map_or(Cow::Borrowed(bytes), Cow::Owned)
}

/// Whether a file name is of an image `strip` reads.
pub(crate) fn is_photo(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    [".jpg", ".jpeg", ".png", ".webp"]
        .iter()
        .any(|ext| name.ends_with(ext))
}

/// Drops APP1 (EXIF, XMP) and APP13 (IPTC) segments before the image data; an EXIF
/// orientation other than "upright" is written again as the only EXIF tag.
fn jpeg(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut out = bytes[..2].to_vec();
    let mut at = 2;
    let mut dropped = false;
    let mut orientation = None;
    while at + 4 <= bytes.len() && bytes[at] == 0xff {
        let marker = bytes[at + 1];
        if marker == 0xda || marker == 0xd9 {
            break;
        }
        let len = usize::from(u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]));
        let end = (at + 2 + len).min(bytes.len());
        let segment = &bytes[at..end];
        if marker == 0xe1 || marker == 0xed {
            dropped = true;
            if marker == 0xe1 && orientation.is_none() {
                orientation = exif_orientation(&segment[4..]);
            }
        } else {
            out.extend_from_slice(segment);
        }
        at = end;
    }
    if !dropped {
        return None;
    }
    if let Some(o) = orientation.filter(|o| *o != 1) {
        // After JFIF's APP0, if any: keep the header first.
        let insert = if out.len() > 4 && out[3] == 0xe0 {
            4 + usize::from(u16::from_be_bytes([out[4], out[5]]))
        } else {
            2
        };
        out.splice(insert..insert, orientation_segment(o));
    }
    out.extend_from_slice(&bytes[at..]);
    Some(out)
}

/// The orientation tag (0x0112) of an APP1 EXIF payload (`Exif\0\0` + TIFF).
fn exif_orientation(payload: &[u8]) -> Option<u16> {
    let tiff = payload.strip_prefix(b"Exif\0\0")?;
    let big = match tiff.get(..2)? {
        b"MM" => true,
        b"II" => false,
        _ => return None,
    };
    let u16_at = |i: usize| {
        let b = [*tiff.get(i)?, *tiff.get(i + 1)?];
        Some(if big {
            u16::from_be_bytes(b)
        } else {
            u16::from_le_bytes(b)
        })
    };
    let u32_at = |i: usize| {
        let b = [
            *tiff.get(i)?,
            *tiff.get(i + 1)?,
            *tiff.get(i + 2)?,
            *tiff.get(i + 3)?,
        ];
        Some(if big {
            u32::from_be_bytes(b)
        } else {
            u32::from_le_bytes(b)
        })
    };
    let ifd = usize::try_from(u32_at(4)?).ok()?;
    let count = usize::from(u16_at(ifd)?);
    (0..count)
        .map(|i| ifd + 2 + i * 12)
        .find(|&entry| u16_at(entry) == Some(0x0112))
        .and_then(|entry| u16_at(entry + 8))
}

/// An APP1 segment holding one EXIF tag: the orientation.
fn orientation_segment(orientation: u16) -> Vec<u8> {
    let mut tiff = b"MM\0\x2a\0\0\0\x08".to_vec();
    tiff.extend_from_slice(&1u16.to_be_bytes());
    tiff.extend_from_slice(&[0x01, 0x12, 0, 3, 0, 0, 0, 1]);
    tiff.extend_from_slice(&orientation.to_be_bytes());
    tiff.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
    let payload = [b"Exif\0\0".as_slice(), &tiff].concat();
    let len = u16::try_from(payload.len() + 2).unwrap_or(u16::MAX);
    [&[0xff, 0xe1][..], &len.to_be_bytes(), &payload].concat()
}

/// Drops the `eXIf` chunk and the text chunks (XMP travels in `iTXt`).
fn png(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut out = bytes[..8].to_vec();
    let mut at = 8;
    let mut dropped = false;
    while at + 12 <= bytes.len() {
        let len = u32::from_be_bytes(bytes[at..at + 4].try_into().ok()?) as usize;
        let end = at.checked_add(12 + len)?.min(bytes.len());
        let kind = &bytes[at + 4..at + 8];
        if matches!(kind, b"eXIf" | b"iTXt" | b"tEXt" | b"zTXt") {
            dropped = true;
        } else {
            out.extend_from_slice(&bytes[at..end]);
        }
        at = end;
    }
    out.extend_from_slice(&bytes[at..]);
    dropped.then_some(out)
}

/// Drops the `EXIF` and `XMP ` chunks and clears their flags in `VP8X`.
fn webp(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut out = bytes[..12].to_vec();
    let mut at = 12;
    let mut dropped = false;
    while at + 8 <= bytes.len() {
        let len = u32::from_le_bytes(bytes[at + 4..at + 8].try_into().ok()?) as usize;
        let end = at.checked_add(8 + len + len % 2)?.min(bytes.len());
        match &bytes[at..at + 4] {
            b"EXIF" | b"XMP " => dropped = true,
            b"VP8X" if end > at + 8 => {
                let start = out.len();
                out.extend_from_slice(&bytes[at..end]);
                out[start + 8] &= !0x0c;
            }
            _ => out.extend_from_slice(&bytes[at..end]),
        }
        at = end;
    }
    if !dropped {
        return None;
    }
    let size = u32::try_from(out.len() - 8).ok()?;
    out[4..8].copy_from_slice(&size.to_le_bytes());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg_with(app1: &[u8]) -> Vec<u8> {
        let mut bytes = Vec::new();
        image::DynamicImage::ImageRgb8(image::RgbImage::new(8, 4))
            .write_to(
                &mut std::io::Cursor::new(&mut bytes),
                image::ImageFormat::Jpeg,
            )
            .unwrap();
        let len = u16::try_from(app1.len() + 2).unwrap().to_be_bytes();
        bytes.splice(2..2, [&[0xff, 0xe1][..], &len, app1].concat());
        bytes
    }

    #[test]
    fn a_jpeg_loses_its_exif_but_keeps_its_orientation_and_pixels() {
        let mut tiff = b"II\x2a\0\x08\0\0\0\x02\0".to_vec();
        tiff.extend_from_slice(&[0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0]);
        tiff.extend_from_slice(&[0x25, 0x88, 4, 0, 1, 0, 0, 0, 0x26, 0, 0, 0]);
        tiff.extend_from_slice(&[0, 0, 0, 0]);
        let photo = jpeg_with(&[b"Exif\0\0".as_slice(), &tiff].concat());
        let clean = strip(&photo);
        assert!(clean.len() < photo.len());
        assert!(!clean.windows(2).any(|w| w == [0x25, 0x88]), "GPS tag kept");
        let decoded = image::load_from_memory(&clean).unwrap();
        assert_eq!((decoded.width(), decoded.height()), (8, 4));
        let app1 = clean.windows(6).position(|w| w == b"Exif\0\0").unwrap();
        assert_eq!(exif_orientation(&clean[app1..]), Some(6));
        // Stripping again changes nothing; a file without metadata is left as it is.
        assert_eq!(strip(&clean[..]), clean);
        let plain = strip(&jpeg_with(b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>")).into_owned();
        assert!(matches!(strip(&plain), Cow::Borrowed(_)));
    }

    #[test]
    fn png_and_webp_lose_their_metadata_chunks() {
        let mut bytes = Vec::new();
        image::DynamicImage::ImageRgb8(image::RgbImage::new(4, 4))
            .write_to(
                &mut std::io::Cursor::new(&mut bytes),
                image::ImageFormat::Png,
            )
            .unwrap();
        let chunk = [
            &6u32.to_be_bytes()[..],
            b"eXIf",
            b"MM\0\x2a\0\0",
            &[0, 0, 0, 0],
        ]
        .concat();
        bytes.splice(33..33, chunk);
        let clean = strip(&bytes);
        assert!(!clean.windows(4).any(|w| w == b"eXIf"));
        assert!(image::load_from_memory(&clean).is_ok());
        let webp = [
            b"RIFF".as_slice(),
            &22u32.to_le_bytes(),
            b"WEBP",
            b"EXIF",
            &2u32.to_le_bytes(),
            b"ab",
            b"VP8L",
            &2u32.to_le_bytes(),
            b"cd",
        ]
        .concat();
        let clean = strip(&webp);
        assert_eq!(&clean[12..16], b"VP8L");
        assert_eq!(u32::from_le_bytes(clean[4..8].try_into().unwrap()), 14);
    }
}
