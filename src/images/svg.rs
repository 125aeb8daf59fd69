//! The intrinsic size of an SVG image, from its root element's `width` and `height`
//! (in pixels, or unitless) or else its `viewBox`, so that a page can give an SVG
//! `<img>` its `width` and `height` and keep its layout from jumping while it loads.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// The size in pixels of the SVG document `text`, or `None` when it has no root
/// `<svg>` element or the element gives no usable size.
pub(crate) fn size(text: &str) -> Option<(u32, u32)> {
    let mut reader = Reader::from_str(text);
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) | Event::Empty(e) => {
                return (e.local_name().as_ref() == b"svg")
                    .then(|| root_size(&e))
                    .flatten();
            }
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// `width` and `height` when both are lengths in pixels; else the `viewBox` size.
fn root_size(svg: &BytesStart<'_>) -> Option<(u32, u32)> {
    let attribute = |name: &[u8]| {
        svg.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == name)
            // Lengths and a view box have no entities to unescape.
            .and_then(|a| std::str::from_utf8(&a.value).ok().map(str::to_owned))
    };
    let width = attribute(b"width").and_then(|w| pixels(&w));
    let height = attribute(b"height").and_then(|h| pixels(&h));
    if let (Some(w), Some(h)) = (width, height) {
        return Some((w, h));
    }
    let view_box = attribute(b"viewBox")?;
    let numbers: Vec<f64> = view_box
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|s| !s.is_empty())
        .map(str::parse)
        .collect::<Result<_, _>>()
        .ok()?;
    match numbers[..] {
        [_, _, w, h] => Some((rounded(w)?, rounded(h)?)),
        _ => None,
    }
}

/// `1200`, `1200px` or `1200.5` as whole pixels; percentages and other units are not.
fn pixels(length: &str) -> Option<u32> {
    let number = length.trim().strip_suffix("px").unwrap_or(length.trim());
    rounded(number.parse().ok()?)
}

fn rounded(n: f64) -> Option<u32> {
    (n.is_finite() && n >= 1.0 && n < f64::from(u32::MAX)).then(|| n.round() as u32)
}

#[cfg(test)]
mod tests {
    use super::size;

    #[test]
    fn size_comes_from_width_and_height_else_the_view_box() {
        let both = r#"<?xml version="1.0"?><!-- cover --><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 5" width="1200px" height="630"></svg>"#;
        assert_eq!(size(both), Some((1200, 630)));
        let relative = r#"<svg width="100%" height="100%" viewBox="0,0,800.4,450"/>"#;
        assert_eq!(size(relative), Some((800, 450)));
        assert_eq!(size(r#"<svg width="3em" height="2em"/>"#), None);
        assert_eq!(size("<html><svg width='1' height='1'/></html>"), None);
        assert_eq!(size("not xml at all <"), None);
    }
}
