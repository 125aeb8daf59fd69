//! Render stage: a page's shared image, made as the page is written (so the live
//! preview makes it again whenever it renders the page again): the page's own image
//! or its kind's cover cut to 1200×630, else a card drawn from the theme's template
//! `cards/<kind>.svg`. Both are cached by content hash in `.folio-cache/cards/`.

use std::path::Path;
use std::sync::Arc;

use resvg::usvg::fontdb::Database;

use super::card::{CardView, Subject};
use super::{FILE_NAME, HEIGHT, ShareImage, WIDTH, fonts, raster};
use crate::error::Diagnostic;
use crate::images::cache::Cache;
use crate::images::crop::{self, Focus};
use crate::images::locate::{Location, locate};
use crate::render::Renderer;
use crate::render::format::Format;
use crate::site::{Page, Section};

/// Bump when the drawing changes (fonts, renderer), so old cached cards are not used.
const VERSION: u32 = 1;

impl Renderer<'_> {
    /// The image `page` is shared with, written beside it, and warnings about it.
    pub(crate) fn share_image(&self, page: &Page) -> (Option<ShareImage>, Vec<Diagnostic>) {
        let mut problems = Vec::new();
        if let Some(image) = self.cut_image(page, &mut problems) {
            return (Some(image), problems);
        }
        if !self.site.config.cards {
            return (None, problems);
        }
        let subject = Subject {
            title: &page.meta.title,
            lang: &page.lang,
            kind: page.kind.spec().name(),
            byline: page.kind.card_byline(),
            figure: page.kind.card_figure(self.format_of(&page.lang)),
        };
        let made = self.draw_card(subject, (&page.path, &page.file), &mut problems);
        (made, problems)
    }

    /// The card of a section (the home page, a listing), drawn from `cards/section.svg`
    /// (else `cards/page.svg`) with the section's title.
    pub(crate) fn section_card(&self, section: &Section) -> (Option<ShareImage>, Vec<Diagnostic>) {
        let mut problems = Vec::new();
        if !self.site.config.cards {
            return (None, problems);
        }
        let subject = Subject {
            title: &section.meta.title,
            lang: &section.lang,
            kind: "section",
            byline: None,
            figure: None,
        };
        let made = self.draw_card(subject, (&section.path, &section.file), &mut problems);
        (made, problems)
    }

    /// How values are written in `lang`.
    fn format_of<'f>(&'f self, lang: &'f str) -> Format<'f> {
        Format {
            locale: &self.views.locale,
            strings: &self.views.strings,
            lang,
        }
    }

    /// The cache of cards, unless the build keeps none.
    fn card_cache(&self) -> Option<Cache> {
        let root = self.views.site_root.as_deref()?;
        self.views.card_cache.then(|| Cache::cards(root))
    }

    /// The page's `image:` or its kind's first cover or item, cut to a card.
    fn cut_image(&self, page: &Page, problems: &mut Vec<Diagnostic>) -> Option<ShareImage> {
        let root = self.views.site_root.as_deref()?;
        let (name, focus, alt) = shared_image(page)?;
        let Location::File(source) = locate(root, &page.id, name) else {
            return None;
        };
        if name.to_ascii_lowercase().ends_with(".svg") {
            return None;
        }
        let alt = alt.unwrap_or_else(|| page.meta.title.clone());
        if self.out.discards() {
            return Some(self.shared(&page.path, alt));
        }
        let dest = format!("{}{FILE_NAME}", page.path.trim_start_matches('/'));
        let made = std::fs::read(&source)
            .map_err(|e| e.to_string())
            .and_then(|bytes| {
                let cache = self.card_cache();
                crop::card(&bytes, focus, (WIDTH, HEIGHT), cache.as_ref())
                    .map_err(|e| e.to_string())
            })
            .and_then(|png| self.out.write(&dest, &png).map_err(|e| e.to_string()));
        match made {
            Ok(()) => Some(self.shared(&page.path, alt)),
            Err(why) => {
                problems.push(Diagnostic::warning(
                    &page.file,
                    format!("image `{name}` cannot be cut into a social card: {why}"),
                ));
                None
            }
        }
    }

    /// The card drawn from the theme's template for `subject`'s kind, written at
    /// `path` + `social.png`; `file` is named in problems.
    fn draw_card(
        &self,
        subject: Subject<'_>,
        (path, file): (&str, &Path),
        problems: &mut Vec<Diagnostic>,
    ) -> Option<ShareImage> {
        let alt = match &subject.figure {
            Some(figure) => format!("{} — {figure}", subject.title),
            None => subject.title.to_string(),
        };
        let kind_template = format!("cards/{}.svg", subject.kind);
        let template = if self.templates.has(&kind_template) {
            kind_template
        } else {
            "cards/page.svg".to_string()
        };
        let lang = subject.lang;
        let view = CardView::new(self.site, subject, self.format_of(lang));
        let mut context = tera::Context::new();
        context.insert("card", &view);
        let svg = match self.templates.render(&template, &context, file) {
            Ok(svg) => svg,
            Err(problem) => {
                problems.push(problem);
                return None;
            }
        };
        let (fonts, warning) = fonts_for(&view.text(), file);
        problems.extend(warning);
        if self.out.discards() {
            return Some(self.shared(path, alt));
        }
        let dest = format!("{}{FILE_NAME}", path.trim_start_matches('/'));
        let written = self
            .card_png(&svg, fonts)
            .map_err(|why| format!("cannot draw the social card from {template}: {why}"))
            .and_then(|png| {
                self.out
                    .write(&dest, &png)
                    .map_err(|e| format!("cannot write {dest}: {e}"))
            });
        if let Err(why) = written {
            problems.push(Diagnostic::error(file, why));
            return None;
        }
        Some(self.shared(path, alt))
    }

    /// The PNG of a card's SVG: from the cache, else drawn (and kept there).
    fn card_png(&self, svg: &str, fonts: Arc<Database>) -> Result<Vec<u8>, String> {
        let system = !Arc::ptr_eq(&fonts, &fonts::shipped());
        let key = Cache::source_key(format!("v{VERSION}:{system}:{svg}").as_bytes());
        let cache = self.card_cache();
        let cached = cache.as_ref().map(|c| c.path(&key, "card.png"));
        if let Some(png) = cached.as_ref().and_then(|p| std::fs::read(p).ok()) {
            return Ok(png);
        }
        let png = raster::draw(svg, fonts, WIDTH, HEIGHT)?;
        if let (Some(cache), Some(path)) = (cache, cached) {
            cache.store(&path, &png).map_err(|e| e.to_string())?;
        }
        Ok(png)
    }

    fn shared(&self, path: &str, alt: String) -> ShareImage {
        ShareImage {
            url: self.site.permalink(&format!("{path}{FILE_NAME}")),
            width: WIDTH,
            height: HEIGHT,
            alt,
        }
    }
}

/// The fonts that have the characters of `text`: the shipped ones, else with the
/// system's too; a warning naming `file` when none has some of them.
fn fonts_for(text: &str, file: &Path) -> (Arc<Database>, Option<Diagnostic>) {
    let shipped = fonts::shipped();
    if fonts::missing(&shipped, text).is_empty() {
        return (shipped, None);
    }
    let all = fonts::with_system();
    let missing: String = fonts::missing(&all, text).into_iter().take(10).collect();
    let warning = (!missing.is_empty()).then(|| {
        Diagnostic::warning(
            file,
            format!(
                "the social card of this page cannot show `{missing}`: no font has these characters"
            ),
        )
        .with_help("install a font for this script, or give the page an `image:`")
    });
    (all, warning)
}

/// The image a page is shared with, as written: its `image:`, else its kind's first
/// cover or showcase item (a job's logo is no picture of the page).
fn shared_image(page: &Page) -> Option<(&str, Focus, Option<String>)> {
    if let Some(image) = &page.meta.image {
        return Some((image.src(), image.focus(), image.alt().map(str::to_string)));
    }
    page.kind
        .images()
        .into_iter()
        .find(|(slot, _)| *slot != crate::images::Slot::Logo)
        .map(|(_, name)| (name, Focus::Center, None))
}
