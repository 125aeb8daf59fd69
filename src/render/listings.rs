//! Render stage: listing pages — every pager of a section, its paginator, the
//! campaign timeline it shows, and the lists of the home page.

use serde_json::{Map, Value, json};

use super::{Renderer, charts, context, sharing};
use crate::error::Diagnostic;
use crate::kinds::campaign::Campaign;
use crate::kinds::case_study::CaseStudy;
use crate::kinds::data_of;
use crate::site::assemble::pager_count;
use crate::site::paths::output_file;
use crate::site::{ROOT, Section};

/// How many recent pages the home page lists.
const HOME_RECENT_PAGES: usize = 10;
/// How many case studies the home page features.
const HOME_FEATURED_CASE_STUDIES: usize = 6;
/// How many open jobs the home page lists.
const HOME_OPEN_JOBS: usize = 10;

impl Renderer<'_> {
    /// Every listing page of a section (all its pagers), and its aliases.
    pub(crate) fn section(&self, id: &str) -> Vec<Diagnostic> {
        let section = &self.site.sections[id];
        let (card, mut problems) = self.section_card(section);
        if let Err(d) = self.section_pagers(section, card.as_ref()) {
            problems.push(d);
        }
        problems
    }

    fn section_pagers(
        &self,
        section: &Section,
        card: Option<&crate::social::ShareImage>,
    ) -> Result<(), Diagnostic> {
        let site = self.site;
        // Every language's home page is a home page, with the author and its lists.
        let default = if section.translation_key == ROOT {
            "index.html"
        } else {
            "section.html"
        };
        let template = self.template_for(
            section.meta.template.as_deref(),
            default,
            &section.file,
            &section.front_matter,
        )?;
        let view = context::section_view(site, section, self.bodies.get(&section.id));
        let count = pager_count(section);
        for n in 1..=count {
            let mut extra = Map::new();
            extra.insert("section".into(), view.clone());
            extra.insert("paginator".into(), self.paginator(section, n, count));
            extra.insert("og".into(), sharing::section_og(site, section, card));
            extra.insert(
                "structured_data".into(),
                super::structured_data::section(site, section),
            );
            let embeds = self.bodies.get(&section.id).is_some_and(|b| b.embeds);
            extra.insert("embeds".into(), json!(embeds));
            extra.insert("timeline_svg".into(), json!(self.timeline(section)));
            extra.insert("job_feed_url".into(), json!(job_feed_url(site, section)));
            if section.path == format!("{}/", site.config.lang_prefix(&section.lang)) {
                extra.extend(self.home_lists(&section.lang));
            }
            let path = pager_path(section, n);
            extra.extend(self.i18n(&section.lang, Some(&section.translation_key)));
            let ctx = self.views.context(site, &section.lang, &path, extra);
            let html = self.templates.render(&template, &ctx, &section.file)?;
            self.write(&output_file(&path), html.as_bytes(), &section.file)?;
        }
        self.aliases(&section.meta.aliases, &section.path, &section.file)
    }

    /// The paginator of pager `n` of `count` of a section, with the summaries of the
    /// pages it lists.
    fn paginator(&self, section: &Section, n: usize, count: usize) -> Value {
        let site = self.site;
        let per_pager = section
            .meta
            .paginate_by
            .filter(|n| *n > 0)
            .unwrap_or(usize::MAX);
        let ids = section
            .pages
            .iter()
            .skip((n - 1).saturating_mul(per_pager))
            .take(per_pager);
        let mut paginator = json!({
            "current_index": n,
            "number_pagers": count,
            "total_pages": section.pages.len(),
            "first": site.url(&pager_path(section, 1)),
            "last": site.url(&pager_path(section, count)),
            "previous": (n > 1).then(|| site.url(&pager_path(section, n - 1))),
            "next": (n < count).then(|| site.url(&pager_path(section, n + 1))),
        });
        // Moved in, not through `json!`, which would copy every summary.
        if let Value::Object(map) = &mut paginator {
            map.insert("pages".into(), Value::Array(self.views.summaries_of(ids)));
        }
        paginator
    }

    /// The lists of the home page: recent pages, featured case studies, open jobs.
    fn home_lists(&self, lang: &str) -> Map<String, Value> {
        let site = self.site;
        let in_lang: Vec<&crate::site::Page> = site
            .pages_by_date()
            .into_iter()
            .filter(|p| p.lang == lang)
            .collect();
        let dated = in_lang.iter().filter(|p| p.date().is_some());
        let recent = self
            .views
            .summaries_of(dated.take(HOME_RECENT_PAGES).map(|p| &p.id));
        let cases = in_lang
            .iter()
            .filter(|p| data_of::<CaseStudy>(p).is_some())
            .take(HOME_FEATURED_CASE_STUDIES);
        let jobs = in_lang
            .iter()
            .filter(|p| p.kind.is_open_job())
            .take(HOME_OPEN_JOBS);
        let mut map = Map::new();
        map.insert("recent_pages".into(), Value::Array(recent));
        map.insert(
            "featured_case_studies".into(),
            Value::Array(self.views.summaries_of(cases.map(|p| &p.id))),
        );
        map.insert(
            "open_jobs".into(),
            Value::Array(self.views.summaries_of(jobs.map(|p| &p.id))),
        );
        map
    }

    /// The SVG timeline of a section's campaigns, if it lists any.
    fn timeline(&self, section: &Section) -> Option<String> {
        let f = super::format::Format {
            locale: &self.views.locale,
            strings: &self.views.strings,
            lang: &section.lang,
        };
        let items: Vec<charts::TimelineItem> = section
            .pages
            .iter()
            .filter_map(|id| self.site.pages.get(id))
            .filter_map(|p| {
                let c = data_of::<Campaign>(p)?;
                let status = c.status.as_str();
                Some(charts::TimelineItem {
                    label: p.meta.title.clone(),
                    url: self.site.url(&p.path),
                    start: c.start,
                    end: c.end,
                    status: status.to_string(),
                    status_label: f.word(&format!("status_{status}")),
                })
            })
            .collect();
        let rtl = crate::config::SiteConfig::direction(&section.lang) == "rtl";
        let title = f
            .word("chart_timeline_title")
            .replace("{title}", &section.meta.title);
        let today = self.site.today;
        charts::both_layouts("timeline", &title, rtl, &f, |spec| {
            charts::timeline(&items, today, spec)
        })
    }
}

/// The path of pager `n` of a section: the section's own for the first.
fn pager_path(section: &Section, n: usize) -> String {
    if n <= 1 {
        section.path.clone()
    } else {
        format!("{}page/{n}/", section.path)
    }
}
/// The XML job feed of a section that lists job postings, in its language.
fn job_feed_url(site: &crate::site::Site, section: &Section) -> Option<String> {
    let lists_jobs = section.pages.iter().any(|id| {
        site.pages
            .get(id)
            .is_some_and(|p| crate::kinds::data_of::<crate::kinds::job::Job>(p).is_some())
    });
    (lists_jobs && site.config.feeds)
        .then(|| site.url(&crate::kinds::job::xml_feed::feed_path(site, &section.lang)))
}
