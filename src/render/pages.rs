//! Render stage: single pages — a page's HTML through its template, the files its
//! kind writes beside it (a calendar's `.ics`), the redirects of its aliases, and the
//! body it shows (kept from before or rendered now).

use std::borrow::Cow;

use serde_json::{Map, Value, json};

use super::context::{self, Summary};
use super::{Fresher, Renderer, format, sharing};
use crate::error::Diagnostic;
use crate::markdown::Rendered;
use crate::site::paths::output_file;
use crate::site::{Page, ROOT};

impl<'a> Renderer<'a> {
    /// The pages before and after `page` in its section's order (a lookup, where
    /// searching the section for each page would make a build quadratic).
    fn neighbours(&self, page: &Page) -> (Option<&'a Page>, Option<&'a Page>) {
        let site = self.site;
        let positions = self.positions.get_or_init(|| {
            site.sections
                .values()
                .flat_map(|s| s.pages.iter().enumerate())
                .map(|(i, id)| (id.as_str(), i))
                .collect()
        });
        let Some(section) = site.sections.get(&page.section) else {
            return (None, None);
        };
        let Some(&i) = positions.get(page.id.as_str()) else {
            return (None, None);
        };
        if section.pages.get(i) != Some(&page.id) {
            return (None, None);
        }
        let before = i.checked_sub(1).and_then(|j| section.pages.get(j));
        let after = section.pages.get(i + 1);
        (
            before.and_then(|p| site.pages.get(p)),
            after.and_then(|p| site.pages.get(p)),
        )
    }

    /// A page's rendered body: kept from before, or rendered now when it was deferred.
    pub(super) fn body_of(&self, page: &Page) -> Cow<'a, Rendered> {
        match (self.bodies.get(&page.id), self.fresh) {
            (Some(body), _) if !body.deferred => Cow::Borrowed(body),
            (_, Some(fresh)) => Cow::Owned(fresh.render_page(page)),
            (Some(body), None) => Cow::Borrowed(body),
            (None, None) => Cow::Owned(Rendered::default()),
        }
    }

    /// One page, and the redirects of its aliases; with the problems of its body when
    /// that is rendered now.
    pub(crate) fn page(&self, id: &str) -> Vec<Diagnostic> {
        self.page_and_summary(id).0
    }

    /// [`Renderer::page`], and the page's summary when its body was rendered now (the
    /// one in the views was made without the body's word count).
    pub(super) fn page_and_summary(&self, id: &str) -> (Vec<Diagnostic>, Option<Fresher>) {
        let page = &self.site.pages[id];
        let body = self.body_of(page);
        let (mut problems, summary) = match &body {
            Cow::Owned(fresh) => {
                let format = self.format_for(page);
                let summary = context::page_summary(self.site, page, Some(fresh), format);
                (fresh.problems.clone(), Some(summary))
            }
            Cow::Borrowed(_) => (Vec::new(), None),
        };
        let fresher = summary.as_ref().map(|s| (id.to_string(), Summary::new(s)));
        let view = summary.unwrap_or_else(|| {
            self.views
                .summaries
                .get(id)
                .map(Summary::value)
                .unwrap_or_default()
        });
        let (card, warnings) = self.share_image(page);
        problems.extend(warnings);
        problems.extend(self.page_with(page, body, view, card.as_ref()).err());
        (problems, fresher)
    }

    fn page_with(
        &self,
        page: &Page,
        body: Cow<'_, Rendered>,
        summary: Value,
        card: Option<&crate::social::ShareImage>,
    ) -> Result<(), Diagnostic> {
        let site = self.site;
        let template = self.template_for(
            page.meta.template.as_deref(),
            page.kind.spec().template(),
            &page.file,
            &page.front_matter,
        )?;
        let section = site.sections.get(&page.section).filter(|s| s.id != ROOT);
        let mut extra = Map::new();
        // What needs the body, before `page` takes its HTML (not copied when it was
        // rendered now).
        let json_ld = json!(page.kind.json_ld(site, page, &body));
        let structured_data = super::structured_data::page(site, page, &body);
        let embeds = body.embeds || page.kind.has_embeds();
        extra.insert(
            "page".into(),
            context::page_view(site, self.views, page, body, summary, self.neighbours(page)),
        );
        extra.insert(
            "section".into(),
            section.map_or(
                Value::Null,
                |s| json!({"title": s.meta.title, "url": site.url(&s.path)}),
            ),
        );
        extra.insert("og".into(), sharing::open_graph(site, page, card));
        extra.insert("json_ld".into(), json_ld);
        extra.insert("structured_data".into(), structured_data);
        extra.insert("embeds".into(), json!(embeds));
        extra.extend(self.i18n(&page.lang, Some(&page.translation_key)));
        let ctx = self.views.context(site, &page.lang, &page.path, extra);
        let html = self.templates.render(&template, &ctx, &page.file)?;
        self.write(&output_file(&page.path), html.as_bytes(), &page.file)?;
        for (name, text) in page.kind.files(site, page, self.format_for(page)) {
            let path = format!("{}{name}", page.path.trim_start_matches('/'));
            self.write(&path, text.as_bytes(), &page.file)?;
        }
        self.aliases(&page.meta.aliases, &page.path, &page.file)
    }

    /// How dates, numbers and strings are written in a page's language.
    fn format_for<'f>(&'f self, page: &'f Page) -> format::Format<'f> {
        format::Format {
            locale: &self.views.locale,
            strings: &self.views.strings,
            lang: &page.lang,
        }
    }
}
