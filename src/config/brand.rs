//! `brand:` in `site.yaml`: the owner's accent colours, logo and fonts, checked here
//! and handed to the theme as CSS custom properties (`--brand-*`).

use std::path::Path;

use serde::Deserialize;

use crate::color::{self, MIN_CONTRAST, Rgb};
use crate::error::Diagnostic;
use crate::yaml::Fragment;

/// What the default theme shows the accent on in one colour scheme (style.css): the
/// page (`--bg`) and its boxes (`--surface`: cards, the author box, the contents).
#[derive(Clone, Copy)]
pub(crate) struct Scheme {
    name: &'static str,
    pub(crate) background: Rgb,
    /// The boxes are nearer the accent's lightness than the page: the harder test.
    pub(crate) surface: Rgb,
}

pub(crate) const LIGHT: Scheme = Scheme {
    name: "light",
    background: [0xfd, 0xfd, 0xfc],
    surface: [0xf3, 0xf4, 0xf6],
};
pub(crate) const DARK: Scheme = Scheme {
    name: "dark",
    background: [0x15, 0x17, 0x1b],
    surface: [0x1d, 0x20, 0x26],
};

/// `brand:` as written.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BrandConfig {
    /// Accent in the light scheme: links, section headings, the chart's bars.
    #[serde(default, deserialize_with = "present")]
    pub accent: Option<String>,
    /// Accent in the dark scheme; derived from `accent` when absent.
    #[serde(default, deserialize_with = "present")]
    pub accent_dark: Option<String>,
    /// An image under `static/`, shown beside the site's title.
    #[serde(default, deserialize_with = "present")]
    pub logo: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub font_heading: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub font_body: Option<String>,
    /// The logo's size in pixels, read from the file when it is checked, for the
    /// `<img>`'s `width` and `height`.
    #[serde(skip)]
    pub logo_size: Option<(u32, u32)>,
}

/// A key given without a value (`accent: #2a5bd7` unquoted is a comment) is kept as
/// `""`, so that it is reported rather than ignored.
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Option::<String>::deserialize(d).map(|value| Some(value.unwrap_or_default()))
}

const KEYS: [&str; 5] = ["accent", "accent_dark", "logo", "font_heading", "font_body"];

impl BrandConfig {
    fn value(&self, key: &str) -> Option<&str> {
        match key {
            "accent" => self.accent.as_deref(),
            "accent_dark" => self.accent_dark.as_deref(),
            "logo" => self.logo.as_deref(),
            "font_heading" => self.font_heading.as_deref(),
            _ => self.font_body.as_deref(),
        }
    }

    /// Problems with the colours and fonts, each at its line in `site.yaml`.
    pub(super) fn check(&self, file: &Path, fragment: Fragment<'_>) -> Vec<Diagnostic> {
        let mut problems = Vec::new();
        for key in KEYS {
            let Some(problem) = self.value(key).and_then(|v| value_problem(file, key, v)) else {
                continue;
            };
            // Positions are looked up only for an error: a clean build reads none.
            let (line, column) = fragment
                .position(&["brand", key])
                .map_or((fragment.key_line("brand").unwrap_or(1), 1), |p| {
                    (p.line, p.column)
                });
            problems.push(problem.at(line, column));
        }
        problems
    }

    /// Whether the logo is an image file under `root/static/`; the problem at its line.
    pub(crate) fn check_logo(
        &mut self,
        root: &Path,
        file: &Path,
        fragment: Fragment<'_>,
    ) -> Option<Diagnostic> {
        let name = self.logo.as_deref()?;
        let position = fragment.position(&["brand", "logo"]);
        let (line, column) = position.map_or((1, 1), |p| (p.line, p.column));
        let path = crate::output::safe_join(&root.join("static"), name.trim_start_matches('/'))
            .ok()
            .filter(|p| p.is_file());
        let problem = match path {
            None => Diagnostic::error(
                file,
                format!("brand logo `{name}` is not a file under static/"),
            )
            .with_help(
                "put the logo in the site's static/ folder and name it from there: logo: logo.svg",
            ),
            Some(path) if !is_image(&path) => {
                Diagnostic::error(file, format!("brand logo `{name}` is not an image"))
                    .with_help("a logo is an SVG, PNG, JPEG, GIF, WebP or AVIF file")
            }
            Some(path) => {
                self.logo_size = image_size(&path);
                return None;
            }
        };
        Some(problem.at(line, column))
    }

    /// The logo's path in the site (`/logo.svg`).
    pub(crate) fn logo_path(&self) -> Option<String> {
        self.logo
            .as_deref()
            .map(|name| format!("/{}", name.trim_start_matches('/')))
    }

    pub(crate) fn accent(&self) -> Option<Rgb> {
        self.accent.as_deref().and_then(color::parse_css_hex)
    }

    /// The dark scheme's accent: as given, else `accent` lightened to the nearest shade
    /// that reads on the dark background and its boxes.
    pub(crate) fn accent_dark(&self) -> Option<Rgb> {
        match self.accent_dark.as_deref() {
            Some(given) => color::parse_css_hex(given),
            None => self
                .accent()
                .map(|accent| color::nearest_passing(accent, DARK.surface)),
        }
    }

    /// The `--brand-*` custom properties for `:root`, or `None` without a brand.
    pub(crate) fn css(&self) -> Option<String> {
        let mut properties = Vec::new();
        for (scheme, accent, background, tint) in [
            ("", self.accent(), LIGHT.background, 0.1),
            ("-dark", self.accent_dark(), DARK.background, 0.2),
        ] {
            let Some(accent) = accent else { continue };
            let tag_bg = mix(accent, background, tint);
            let tag_fg = color::nearest_passing(accent, tag_bg);
            for (name, value) in [("accent", accent), ("tag-bg", tag_bg), ("tag-fg", tag_fg)] {
                properties.push(format!("--brand-{name}{scheme}:{}", color::to_hex(value)));
            }
        }
        for (name, stack) in [
            ("font-heading", &self.font_heading),
            ("font-body", &self.font_body),
        ] {
            if let Some(stack) = stack {
                properties.push(format!("--brand-{name}:{stack}"));
            }
        }
        (!properties.is_empty()).then(|| format!(":root{{{}}}", properties.join(";")))
    }
}

/// What is wrong with the value of `key`, if anything.
fn value_problem(file: &Path, key: &str, value: &str) -> Option<Diagnostic> {
    if value.trim().is_empty() {
        return Some(empty(file, key));
    }
    match key {
        "accent" => colour_problem(file, key, value, LIGHT),
        "accent_dark" => colour_problem(file, key, value, DARK),
        "font_heading" | "font_body" if !is_font_stack(value) => Some(
            Diagnostic::error(file, format!("{key} `{value}` is not a CSS font stack")).with_help(
                "font family names separated by commas, names with spaces in quotes: \
                 font_body: '\"Source Sans 3\", system-ui, sans-serif'",
            ),
        ),
        _ => None,
    }
}

fn empty(file: &Path, key: &str) -> Diagnostic {
    let help = if key.starts_with("accent") {
        format!("quote the colour: an unquoted # starts a YAML comment ({key}: \"#2a5bd7\")")
    } else {
        "give a value or leave the key out".to_string()
    };
    Diagnostic::error(file, format!("brand {key} is empty")).with_help(help)
}

/// Why `value` cannot be the accent of `scheme`.
fn colour_problem(file: &Path, key: &str, value: &str, scheme: Scheme) -> Option<Diagnostic> {
    let Some(rgb) = color::parse_css_hex(value) else {
        return Some(
            Diagnostic::error(file, format!("{key} `{value}` is not a CSS hex colour")).with_help(
                format!("write #rgb or #rrggbb in quotes: {key}: \"#2a5bd7\""),
            ),
        );
    };
    let on_surface = color::contrast(rgb, scheme.surface);
    if on_surface >= MIN_CONTRAST {
        return None;
    }
    Some(
        Diagnostic::error(
            file,
            format!(
                "{key} {value} has a contrast of {} against the {} background {} and {} against its boxes {} \
                 (needs {MIN_CONTRAST}:1); the nearest passing shade is {}",
                color::ratio_text(color::contrast(rgb, scheme.background)),
                scheme.name,
                color::to_hex(scheme.background),
                color::ratio_text(on_surface),
                color::to_hex(scheme.surface),
                color::to_hex(color::nearest_passing(rgb, scheme.surface)),
            ),
        )
        .with_help(
            "the theme shows the accent as text (links, headings) on the page and on its boxes: \
             WCAG AA asks for 4.5:1",
        ),
    )
}

/// `a` laid over `b` with opacity `t`.
fn mix(a: Rgb, b: Rgb, t: f64) -> Rgb {
    std::array::from_fn(|i| (f64::from(a[i]) * t + f64::from(b[i]) * (1.0 - t)).round() as u8)
}

/// Family names, plain or quoted, separated by commas: nothing that could end the
/// declaration or the `<style>` element it is written into.
fn is_font_stack(value: &str) -> bool {
    let mut quote = None;
    for c in value.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) if c.is_alphanumeric() || " -_.&+".contains(c) => {}
            Some(_) => return false,
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c.is_alphanumeric() || " -_,".contains(c) => {}
            None => return false,
        }
    }
    quote.is_none() && value.split(',').all(|family| !family.trim().is_empty())
}

/// Whether the file starts like an image a browser shows.
fn is_image(path: &Path) -> bool {
    let Ok(bytes) = std::fs::read(path) else {
        return false;
    };
    let head = &bytes[..bytes.len().min(1024)];
    let raster = head.starts_with(b"\x89PNG\r\n\x1a\n")
        || head.starts_with(b"\xff\xd8\xff")
        || head.starts_with(b"GIF8")
        || (head.starts_with(b"RIFF") && head.get(8..12) == Some(&b"WEBP"[..]))
        || head.get(4..12).is_some_and(|b| b == b"ftypavif");
    raster || String::from_utf8_lossy(head).contains("<svg")
}

/// The size in pixels of the image at `path`: an SVG's from its root element, another
/// image's from its header.
fn image_size(path: &Path) -> Option<(u32, u32)> {
    let svg = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("svg"));
    match svg {
        true => crate::images::svg::size(&std::fs::read_to_string(path).ok()?),
        false => image::image_dimensions(path).ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn font_stacks() {
        assert!(is_font_stack("\"Source Sans 3\", system-ui, sans-serif"));
        assert!(is_font_stack("Georgia, 'Times New Roman', serif"));
        for bad in ["a; color: red", "x}</style>", "\"open", "a,,b", ""] {
            assert!(!is_font_stack(bad), "{bad}");
        }
    }

    #[test]
    fn derived_dark_accent_passes_on_the_dark_background_and_boxes() {
        let brand = BrandConfig {
            accent: Some("#0d7377".into()),
            ..BrandConfig::default()
        };
        let dark = brand.accent_dark().unwrap();
        assert!(color::contrast(dark, DARK.background) >= MIN_CONTRAST);
        assert!(color::contrast(dark, DARK.surface) >= MIN_CONTRAST);
        let css = brand.css().unwrap();
        assert!(css.starts_with(":root{--brand-accent:#0d7377;"), "{css}");
        assert!(css.contains(&format!("--brand-accent-dark:{}", color::to_hex(dark))));
    }
}
