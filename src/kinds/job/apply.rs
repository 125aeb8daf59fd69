//! Applying and printing: the `mailto:` link with a subject that names the posting,
//! the posting's reference, and the QR code of its address on the printed page.

use qrcode::QrCode;
use qrcode::render::svg;

use crate::site::Page;

/// The reference of a posting, shared by its translations: its default-language
/// file without `.md` (`jobs/social-media-manager`). Job boards and mail filters
/// match applications by it.
pub(crate) fn reference(page: &Page) -> String {
    let key = page.translation_key.as_str();
    key.strip_suffix("/index.md")
        .or_else(|| key.strip_suffix(".md"))
        .unwrap_or(key)
        .to_string()
}

/// `mailto:` the address with the subject `Title (ref. reference)`, percent-encoded
/// as UTF-8 (RFC 6068) so that a subject in any script reaches the mail program.
pub(crate) fn mailto(email: &str, title: &str, reference: &str) -> String {
    let subject = format!("{title} (ref. {reference})");
    format!("mailto:{email}?subject={}", percent_encode(&subject))
}

/// Every byte but RFC 3986's unreserved characters as `%XX`.
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The file name of a posting's QR code, beside its page.
pub(crate) const QR_FILE: &str = "qr.svg";

/// The QR code of `url` as an SVG file (black on white, with its quiet zone); `None`
/// if the URL is too long for a QR code.
pub(crate) fn qr_svg(url: &str) -> Option<String> {
    let code = QrCode::new(url.as_bytes()).ok()?;
    let image = code
        .render::<svg::Color<'_>>()
        .module_dimensions(4, 4)
        .dark_color(svg::Color("#000"))
        .light_color(svg::Color("#fff"))
        .build();
    Some(image + "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_in_any_script_are_encoded() {
        assert_eq!(
            mailto("jobs@example.org", "SMM-менеджер & Co", "jobs/smm"),
            "mailto:jobs@example.org?subject=SMM-%D0%BC%D0%B5%D0%BD%D0%B5%D0%B4%D0%B6%D0%B5%D1%80%20%26%20Co%20%28ref.%20jobs%2Fsmm%29"
        );
    }

    #[test]
    fn the_qr_code_is_an_svg_file() {
        let svg = qr_svg("https://example.org/jobs/smm/").unwrap();
        assert!(svg.starts_with("<?xml"), "{svg}");
        assert!(svg.contains("<svg") && svg.contains("<path"), "{svg}");
    }
}
