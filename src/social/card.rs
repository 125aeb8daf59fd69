//! What a card template gets (`card`): the page's title fitted into lines, its kind,
//! byline and headline figure in the page's language, the brand's colours, and where
//! text starts for the page's direction.

use serde::Serialize;

use super::fonts::FAMILIES;
use super::text::{Title, fit, fit_line, width_em};
use super::{HEIGHT, WIDTH};
use crate::color::{self, Rgb};
use crate::render::format::Format;
use crate::site::Site;

/// Left and right margin, in pixels.
const MARGIN: f32 = 80.0;
/// The figure's sizes, largest first, in pixels.
const FIGURE_SIZES: [f32; 4] = [34.0, 30.0, 26.0, 22.0];
/// The padding on either side of the figure in its box.
const FIGURE_PADDING: f32 = 28.0;
/// The default theme's accent (style.css), for a site without `brand.accent`.
const DEFAULT_ACCENT: Rgb = [0x2a, 0x5b, 0xd7];

/// What a card tells of a page or section.
pub(crate) struct Subject<'a> {
    pub title: &'a str,
    pub lang: &'a str,
    /// The kind's name (`campaign`); `page` and `section` show no label.
    pub kind: &'a str,
    /// Who the page is for or by, when not the site's author.
    pub byline: Option<&'a str>,
    pub figure: Option<String>,
}

/// `card` in a card template. Text values are isolated in the page's direction.
#[derive(Debug, Serialize)]
pub(crate) struct CardView {
    pub width: u32,
    pub height: u32,
    /// The page's language and `ltr` or `rtl`.
    pub lang: String,
    pub dir: &'static str,
    /// Where lines start: `x` 80 (`ltr`) or 1120 (`rtl`), with the `text-anchor`.
    pub x: f32,
    pub anchor: &'static str,
    /// The `font-family` list of the shipped fonts.
    pub fonts: &'static str,
    /// The title as written, and broken into at most three lines at `title_size` px.
    pub title: String,
    pub title_lines: Vec<String>,
    pub title_size: f32,
    /// The kind's name (`Campaign`), empty for a free page.
    pub label: String,
    /// The job's company, the campaign's or case study's client, else the site's author.
    pub byline: String,
    /// The kind's headline figure, with its width in pixels at `figure_size`.
    pub figure: Option<String>,
    pub figure_size: f32,
    pub figure_width: f32,
    /// The site's title in the page's language.
    pub site: String,
    /// Colours as `#rrggbb`: the brand's accent, text that reads on it, the page.
    pub accent: String,
    pub on_accent: String,
    pub background: String,
    pub text: String,
    pub muted: String,
}

impl CardView {
    pub(crate) fn new(site: &Site, subject: Subject<'_>, f: Format<'_>) -> CardView {
        let rtl = crate::config::SiteConfig::direction(subject.lang) == "rtl";
        let isolate = |text: &str| {
            if rtl {
                format!("\u{2067}{text}\u{2069}")
            } else {
                text.to_string()
            }
        };
        let accent = site.config.brand.accent().unwrap_or(DEFAULT_ACCENT);
        let white = [0xff, 0xff, 0xff];
        let on_accent = if color::contrast(accent, white) >= 4.5 {
            white
        } else {
            [0x15, 0x17, 0x1b]
        };
        let Title { lines, size } = fit(subject.title, WIDTH as f32 - 2.0 * MARGIN);
        let label = match subject.kind {
            "page" | "section" => String::new(),
            kind => f.word(&format!("kind_{kind}")),
        };
        let byline = subject
            .byline
            .map(str::to_string)
            .or_else(|| site.config.author_name(subject.lang).map(str::to_string))
            .unwrap_or_default();
        let figure = subject.figure.map(|figure| {
            let room = WIDTH as f32 - 2.0 * (MARGIN + FIGURE_PADDING);
            fit_line(&figure, room, &FIGURE_SIZES)
        });
        let site_title = site
            .config
            .languages
            .get(subject.lang)
            .and_then(|l| l.title.clone())
            .unwrap_or_else(|| site.config.title.clone());
        CardView {
            width: WIDTH,
            height: HEIGHT,
            lang: subject.lang.to_string(),
            dir: if rtl { "rtl" } else { "ltr" },
            x: if rtl { WIDTH as f32 - MARGIN } else { MARGIN },
            anchor: if rtl { "end" } else { "start" },
            fonts: FAMILIES,
            title: subject.title.to_string(),
            title_lines: lines.iter().map(|l| isolate(l)).collect(),
            title_size: size,
            label: isolate(&label),
            byline: isolate(&byline),
            figure_width: figure
                .as_ref()
                .map_or(0.0, |(t, s)| (width_em(t) * s).ceil()),
            figure_size: figure.as_ref().map_or(FIGURE_SIZES[0], |(_, s)| *s),
            figure: figure.map(|(t, _)| isolate(&t)),
            site: isolate(&site_title),
            accent: color::to_hex(accent),
            on_accent: color::to_hex(on_accent),
            background: "#fdfdfc".into(),
            text: "#15171b".into(),
            muted: "#4b5260".into(),
        }
    }

    /// All the text the card shows, to check that the fonts have it.
    pub(crate) fn text(&self) -> String {
        let mut all = self.title_lines.join(" ");
        for part in [&self.label, &self.byline, &self.site] {
            all.push(' ');
            all.push_str(part);
        }
        if let Some(figure) = &self.figure {
            all.push(' ');
            all.push_str(figure);
        }
        all
    }
}
