//! Colours shared by the stages: CSS hex colours, WCAG 2.x contrast, and shades of a
//! colour found by changing only its OKLCH lightness (so its hue stays the same).

/// An sRGB colour.
pub(crate) type Rgb = [u8; 3];

/// WCAG AA for normal text.
pub(crate) const MIN_CONTRAST: f64 = 4.5;

/// A CSS hex colour, `#rgb` or `#rrggbb` (any case).
pub(crate) fn parse_css_hex(text: &str) -> Option<Rgb> {
    let hex = text.strip_prefix('#')?;
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    match hex.len() {
        3 => {
            let digit = |i: usize| u8::from_str_radix(&hex[i..=i], 16).ok().map(|d| d * 17);
            Some([digit(0)?, digit(1)?, digit(2)?])
        }
        6 => parse_hex(hex),
        _ => None,
    }
}

/// Six hex digits without `#`.
pub(crate) fn parse_hex(hex: &str) -> Option<Rgb> {
    let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

/// `#rrggbb`, lowercase.
pub(crate) fn to_hex(rgb: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2])
}

fn to_linear(c: u8) -> f64 {
    let c = f64::from(c) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

/// A linear channel back to 0–255; `None` when it is outside sRGB.
fn from_linear(c: f64) -> Option<u8> {
    if !(-1e-4..=1.0 + 1e-4).contains(&c) {
        return None;
    }
    let c = c.clamp(0.0, 1.0);
    let encoded = if c <= 0.003_130_8 {
        c * 12.92
    } else {
        1.055 * c.powf(1.0 / 2.4) - 0.055
    };
    Some((encoded * 255.0).round() as u8)
}

/// WCAG 2.x relative luminance.
pub(crate) fn luminance(rgb: Rgb) -> f64 {
    let [r, g, b] = rgb.map(to_linear);
    0.2126 * r + 0.7152 * g + 0.0722 * b
}

/// WCAG contrast ratio, 1 to 21.
pub(crate) fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// A ratio as people read it, rounded down so a failing one never shows as passing:
/// `2.13:1`.
pub(crate) fn ratio_text(ratio: f64) -> String {
    format!("{:.2}:1", (ratio * 100.0).floor() / 100.0)
}

/// OKLab lightness, a and b.
fn to_oklab(rgb: Rgb) -> [f64; 3] {
    let [r, g, b] = rgb.map(to_linear);
    let l = (0.412_221_470_8 * r + 0.536_332_536_3 * g + 0.051_445_992_9 * b).cbrt();
    let m = (0.211_903_498_2 * r + 0.680_699_545_1 * g + 0.107_396_956_6 * b).cbrt();
    let s = (0.088_302_461_9 * r + 0.281_718_837_6 * g + 0.629_978_700_5 * b).cbrt();
    [
        0.210_454_255_3 * l + 0.793_617_785_0 * m - 0.004_072_046_8 * s,
        1.977_998_495_1 * l - 2.428_592_205_0 * m + 0.450_593_709_9 * s,
        0.025_904_037_1 * l + 0.782_771_766_2 * m - 0.808_675_766_0 * s,
    ]
}

/// An OKLab colour in sRGB; `None` when it is outside sRGB.
fn from_oklab([lightness, a, b]: [f64; 3]) -> Option<Rgb> {
    let l = (lightness + 0.396_337_777_4 * a + 0.215_803_757_3 * b).powi(3);
    let m = (lightness - 0.105_561_345_8 * a - 0.063_854_172_8 * b).powi(3);
    let s = (lightness - 0.089_484_177_5 * a - 1.291_485_548_0 * b).powi(3);
    Some([
        from_linear(4.076_741_662_1 * l - 3.307_711_591_3 * m + 0.230_969_929_2 * s)?,
        from_linear(-1.268_438_004_6 * l + 2.609_757_401_1 * m - 0.341_319_396_5 * s)?,
        from_linear(-0.004_196_086_3 * l - 0.703_418_614_7 * m + 1.707_614_701_0 * s)?,
    ])
}

/// `color` at OKLCH lightness `lightness`, same hue; its chroma is lowered as little
/// as needed to stay inside sRGB.
fn at_lightness(color: Rgb, lightness: f64) -> Rgb {
    let [_, a, b] = to_oklab(color);
    if let Some(rgb) = from_oklab([lightness, a, b]) {
        return rgb;
    }
    let (mut inside, mut outside) = (0.0, 1.0);
    for _ in 0..24 {
        let mid = (inside + outside) / 2.0;
        if from_oklab([lightness, a * mid, b * mid]).is_some() {
            inside = mid;
        } else {
            outside = mid;
        }
    }
    from_oklab([lightness, a * inside, b * inside]).unwrap_or([0; 3])
}

/// The shade of `color` nearest to it (in OKLCH lightness, same hue) that contrasts
/// [`MIN_CONTRAST`] with `background`: darker on a light background, lighter on a dark
/// one. `color` itself when it already does.
pub(crate) fn nearest_passing(color: Rgb, background: Rgb) -> Rgb {
    if contrast(color, background) >= MIN_CONTRAST {
        return color;
    }
    let (start, end) = if luminance(background) > 0.18 {
        (to_oklab(color)[0], 0.0)
    } else {
        (to_oklab(color)[0], 1.0)
    };
    const STEPS: u32 = 400;
    for step in 1..=STEPS {
        let lightness = start + (end - start) * f64::from(step) / f64::from(STEPS);
        let shade = at_lightness(color, lightness);
        if contrast(shade, background) >= MIN_CONTRAST {
            return shade;
        }
    }
    if end == 0.0 { [0; 3] } else { [255; 3] }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIGHT: Rgb = [0xfd, 0xfd, 0xfc];
    const DARK: Rgb = [0x15, 0x17, 0x1b];

    #[test]
    fn hex_colours_in_both_lengths() {
        assert_eq!(parse_css_hex("#2A5BD7"), Some([0x2a, 0x5b, 0xd7]));
        assert_eq!(parse_css_hex("#f80"), Some([0xff, 0x88, 0x00]));
        for bad in ["2a5bd7", "#2a5bd", "#ggg", "blue", "#2a5bd7ff", "#"] {
            assert_eq!(parse_css_hex(bad), None, "{bad}");
        }
        assert_eq!(to_hex([0x2a, 0x5b, 0xd7]), "#2a5bd7");
    }

    #[test]
    fn contrast_follows_wcag() {
        assert!((contrast([0; 3], [255; 3]) - 21.0).abs() < 1e-9);
        assert!((contrast([0x77; 3], [255; 3]) - 4.48).abs() < 0.01);
        assert_eq!(ratio_text(4.4999), "4.49:1");
    }

    #[test]
    fn oklab_round_trips() {
        for rgb in [
            [0x2a, 0x5b, 0xd7],
            [0xff, 0xff, 0xff],
            [0x0d, 0x73, 0x77],
            [0; 3],
        ] {
            assert_eq!(from_oklab(to_oklab(rgb)), Some(rgb));
        }
    }

    #[test]
    fn nearest_passing_keeps_the_hue_and_only_just_passes() {
        let light_blue = [0x7f, 0xb3, 0xff];
        let darker = nearest_passing(light_blue, LIGHT);
        assert!(contrast(darker, LIGHT) >= MIN_CONTRAST);
        assert!(contrast(darker, LIGHT) < 4.8, "{}", to_hex(darker));
        assert!(darker[2] > darker[0], "still blue: {}", to_hex(darker));

        let teal = [0x0d, 0x73, 0x77];
        let lighter = nearest_passing(teal, DARK);
        assert!(contrast(lighter, DARK) >= MIN_CONTRAST);
        assert!(luminance(lighter) > luminance(teal));
        assert_eq!(nearest_passing(teal, LIGHT), teal);
    }
}
