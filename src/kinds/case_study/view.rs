//! What templates get of a case study: `page.case_study` ([`CaseStudyView`]) on its
//! page — the story rendered from Markdown, the results with their change, the
//! testimonial and the related pages — and the fields a listing shows of it
//! ([`CaseStudySummary`]).

use serde::Serialize;

use super::{CaseResult, CaseStudy};
use crate::error::Diagnostic;
use crate::images::Slot;
use crate::kinds::values::Better;
use crate::kinds::view::{ViewContext, asset_url, plain_text};
use crate::render::charts::ChartText;
use crate::render::format::Format;
use crate::render::picture::{self, PictureView};
use crate::site::{Page, Site};

/// `page.case_study`: a case study as its page shows it.
#[derive(Debug, Serialize)]
pub(crate) struct CaseStudyView {
    /// Who the work was for, as written.
    pub client: Option<String>,
    /// What part the author played, as written.
    pub role: Option<String>,
    /// When the work was done.
    pub period: Option<PeriodView>,
    /// The cover image.
    pub cover: Option<CoverView>,
    /// The summary, rendered from Markdown.
    pub summary: Option<String>,
    /// The challenge, rendered from Markdown.
    pub challenge: Option<String>,
    /// The approach, rendered from Markdown.
    pub approach: Option<String>,
    /// The measured results, in the order written.
    pub results: Vec<ResultView>,
    /// What the client said.
    pub testimonial: Option<TestimonialView>,
    /// The pages of `related` that exist, in the order written.
    pub related: Vec<RelatedView>,
}

/// `page.case_study.period`.
#[derive(Debug, Serialize)]
pub(crate) struct PeriodView {
    /// The first day, `YYYY-MM-DD`.
    pub start: String,
    /// The last day, `YYYY-MM-DD`; `null` while ongoing.
    pub end: Option<String>,
    /// `start` in the page's language.
    pub start_display: String,
    /// `end` in the page's language.
    pub end_display: Option<String>,
}

/// A case study's cover, on its page and in listings.
#[derive(Debug, Serialize)]
pub(crate) struct CoverView {
    /// The image's URL (a file of the page's bundle, or as written).
    pub url: String,
    /// The image's text alternative: `alt` as given, else empty (decoration).
    pub alt: String,
    /// The thumbnails and their `srcset`, for a raster image; `null` for SVG and
    /// images elsewhere.
    pub picture: Option<PictureView>,
    /// The image's width in pixels, for its `width` attribute: the source's for a
    /// resized image, an SVG file's own (its `width`, else its `viewBox`); `null` when
    /// unknown (an image elsewhere).
    pub width: Option<u32>,
    /// The image's height in pixels, like `width`.
    pub height: Option<u32>,
}

/// One row of `page.case_study.results`.
#[derive(Debug, Serialize)]
pub(crate) struct ResultView {
    /// What was measured.
    pub metric: String,
    /// The value before the work.
    pub before: f64,
    /// The value after it.
    pub after: f64,
    /// `before` with its unit, in the page's language.
    pub before_display: String,
    /// `after` with its unit, in the page's language.
    pub after_display: String,
    /// The unit (`%`, `UAH`, `days`), as written.
    pub unit: Option<String>,
    /// `higher` or `lower`: which way is better.
    pub better: Better,
    /// `after - before`.
    pub change: f64,
    /// The change in words: points for a `%` unit (`+4 pts`), else a percentage of
    /// `before` (`-35%`), or the change itself when `before` is zero.
    pub change_display: String,
    /// `up`, `down` or `flat`.
    pub direction: &'static str,
    /// Whether the change went the better way.
    pub improved: bool,
}

/// `page.case_study.testimonial`.
#[derive(Debug, Serialize)]
pub(crate) struct TestimonialView {
    /// The quote, rendered from Markdown.
    pub quote: String,
    /// Who said it.
    pub author: String,
    /// Their role, as written.
    pub role: Option<String>,
}

/// A page of `page.case_study.related`.
#[derive(Debug, Serialize)]
pub(crate) struct RelatedView {
    /// The page's title.
    pub title: String,
    /// The page's URL.
    pub url: String,
    /// The page's kind (`campaign`).
    pub kind: &'static str,
}

/// What a listing shows of a case study, besides every page's summary.
#[derive(Debug, Serialize)]
pub(crate) struct CaseStudySummary {
    /// Who the work was for.
    pub client: Option<String>,
    /// The summary as plain text.
    pub summary_text: Option<String>,
    /// The cover image.
    pub cover: Option<CoverView>,
}

impl CaseStudyView {
    pub(crate) fn new(
        cx: &ViewContext<'_>,
        page: &Page,
        study: &CaseStudy,
        problems: &mut Vec<Diagnostic>,
    ) -> CaseStudyView {
        let m = &study.fm;
        let f = cx.format(page);
        let mut text = |key: &str, value: &Option<String>| {
            value
                .as_ref()
                .map(|v| cx.markdown(page, &[key], v, problems))
        };
        let summary = text("summary", &m.summary);
        let challenge = text("challenge", &m.challenge);
        let approach = text("approach", &m.approach);
        let testimonial = m.testimonial.as_ref().map(|t| TestimonialView {
            quote: cx.markdown(page, &["testimonial", "quote"], &t.quote, problems),
            author: t.author.clone(),
            role: t.role.clone(),
        });
        CaseStudyView {
            client: m.client.clone(),
            role: m.role.clone(),
            period: m.period.as_ref().map(|p| PeriodView {
                start: p.start.ymd(),
                end: p.end.map(|e| e.ymd()),
                start_display: f.date(p.start.0.date_naive()),
                end_display: p.end.map(|e| f.date(e.0.date_naive())),
            }),
            cover: m.cover.as_ref().map(|c| CoverView::new(cx.site, page, c)),
            summary,
            challenge,
            approach,
            results: m.results.iter().map(|r| ResultView::new(r, f)).collect(),
            testimonial,
            related: related(cx, page, study, problems),
        }
    }
}

/// The pages `related` names; a link to no page is an error.
fn related(
    cx: &ViewContext<'_>,
    page: &Page,
    study: &CaseStudy,
    problems: &mut Vec<Diagnostic>,
) -> Vec<RelatedView> {
    let site = cx.site;
    let links = study.fm.related.iter();
    links
        .filter_map(|link| {
            let id = link.strip_prefix("@/")?;
            let id = id.split('#').next().unwrap_or(id);
            match site.pages.get(id) {
                Some(p) => Some(RelatedView {
                    title: p.meta.title.clone(),
                    url: site.url(&p.path),
                    kind: p.kind.spec().name(),
                }),
                None => {
                    problems.push(
                        cx.origin(page)
                            .error(&["related"], format!("broken related link `{link}`: no such page"))
                            .with_help(format!("`content/{id}` does not exist; an `@/` link names a file under content/")),
                    );
                    None
                }
            }
        })
        .collect()
}

impl CoverView {
    /// The cover named `cover` in the front matter of `page`.
    pub(crate) fn new(
        site: &Site,
        page: &Page,
        cover: &crate::content::image_ref::ImageRef,
    ) -> CoverView {
        let key = (page.id.clone(), Slot::Cover);
        let thumbnails = site.pictures.get(&key);
        let size = thumbnails
            .map(|p| (p.width, p.height))
            .or_else(|| site.svg_sizes.get(&key).copied());
        CoverView {
            url: asset_url(site, page, cover.src()),
            alt: cover.alt().unwrap_or_default().to_string(),
            picture: thumbnails.map(|p| picture::view(site, p)),
            width: size.map(|s| s.0),
            height: size.map(|s| s.1),
        }
    }
}

impl ResultView {
    pub(super) fn new(r: &CaseResult, f: Format<'_>) -> ResultView {
        let change = r.after.0 - r.before.0;
        let direction = if change > 0.0 {
            "up"
        } else if change < 0.0 {
            "down"
        } else {
            "flat"
        };
        let improved = match r.better {
            Better::Higher => change > 0.0,
            Better::Lower => change < 0.0,
        };
        ResultView {
            metric: r.metric.clone(),
            before: r.before.0,
            after: r.after.0,
            before_display: f.with_unit(r.before.0, r.unit.as_deref()),
            after_display: f.with_unit(r.after.0, r.unit.as_deref()),
            unit: r.unit.clone(),
            better: r.better,
            change,
            change_display: change_display(r, change, f),
            direction,
            improved,
        }
    }
}

/// Points for a `%` unit, else a whole percentage of `before`, or the change itself
/// with its unit when `before` is zero; signed.
fn change_display(r: &CaseResult, change: f64, f: Format<'_>) -> String {
    let sign = |n: f64| if n > 0.0 { "+" } else { "" };
    if r.unit.as_deref() == Some("%") {
        let value = format!("{}{}", sign(change), f.number(change));
        ChartText::text(&f, "change_points", &[("value", &value)])
    } else if r.before.0 != 0.0 {
        let pct = (change / r.before.0.abs() * 100.0).round();
        format!("{}{}", sign(pct), f.percent(pct as i64))
    } else {
        format!("{}{}", sign(change), f.with_unit(change, r.unit.as_deref()))
    }
}

impl CaseStudySummary {
    pub(crate) fn new(site: &Site, page: &Page, study: &CaseStudy) -> CaseStudySummary {
        let m = &study.fm;
        CaseStudySummary {
            client: m.client.clone(),
            summary_text: m.summary.as_deref().map(plain_text),
            cover: m.cover.as_ref().map(|c| CoverView::new(site, page, c)),
        }
    }
}
