//! Render stage helper: code highlighting colours made readable. syntect's themes have
//! colours below the WCAG AA contrast of 4.5:1 on our code background (grey comments,
//! light blue numbers); each is darkened (light scheme) or lightened (dark scheme) just
//! enough to reach it, so the theme's look stays.

use crate::color::{MIN_CONTRAST, contrast, luminance, parse_hex};

/// The default theme's `--code-bg` in the light and the dark scheme (style.css).
pub(crate) const LIGHT_CODE_BG: [u8; 3] = [0xf5, 0xf6, 0xf8];
pub(crate) const DARK_CODE_BG: [u8; 3] = [0x1b, 0x1e, 0x24];

/// `css` with every `color: #rrggbb` raised to [`MIN_CONTRAST`] against `background`.
/// Background colours and other declarations are left as they are.
pub(crate) fn readable_css(css: &str, background: [u8; 3]) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(at) = rest.find("color:") {
        let is_property = rest[..at]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || c == ';' || c == '{');
        out.push_str(&rest[..at + "color:".len()]);
        rest = &rest[at + "color:".len()..];
        let value = rest.trim_start();
        let skipped = rest.len() - value.len();
        if is_property
            && let Some(rgb) = value
                .strip_prefix('#')
                .and_then(|v| v.get(..6))
                .and_then(parse_hex)
            && !value[7..].starts_with(|c: char| c.is_ascii_hexdigit())
        {
            let fixed = readable(rgb, background);
            out.push_str(&rest[..skipped]);
            out.push_str(&format!(
                "#{:02x}{:02x}{:02x}",
                fixed[0], fixed[1], fixed[2]
            ));
            rest = &value[7..];
        }
    }
    out.push_str(rest);
    out
}

/// `color` moved towards black or white (away from `background`) until it contrasts
/// enough; unchanged when it already does.
pub(crate) fn readable(color: [u8; 3], background: [u8; 3]) -> [u8; 3] {
    let target: f64 = if luminance(background) > 0.5 {
        0.0
    } else {
        255.0
    };
    let mut mixed = color;
    for step in 0..=20 {
        let t = f64::from(step) / 20.0;
        mixed = color.map(|c| (f64::from(c) + (target - f64::from(c)) * t).round() as u8);
        if contrast(mixed, background) >= MIN_CONTRAST {
            break;
        }
    }
    mixed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raises_low_contrast_colours_only() {
        let css = ".hl-comment {\n color: #969896;\n background-color: #ffffff;\n}\n.hl-k { color: #000000; }\n";
        let fixed = readable_css(css, LIGHT_CODE_BG);
        assert!(fixed.contains("background-color: #ffffff;"), "{fixed}");
        assert!(fixed.contains(".hl-k { color: #000000; }"), "{fixed}");
        let start = fixed.find("color: #").unwrap() + "color: #".len();
        let comment = parse_hex(&fixed[start..start + 6]).unwrap();
        assert!(contrast(comment, LIGHT_CODE_BG) >= MIN_CONTRAST, "{fixed}");
        assert_ne!(comment, [0x96, 0x98, 0x96]);
    }

    #[test]
    fn works_on_dark_backgrounds() {
        let fixed = readable([0xa7, 0x1d, 0x5d], DARK_CODE_BG);
        assert!(contrast(fixed, DARK_CODE_BG) >= MIN_CONTRAST);
        assert_eq!(
            readable([0xff, 0xff, 0xff], DARK_CODE_BG),
            [0xff, 0xff, 0xff]
        );
    }
}
