//! What templates get of a showcase: `page.showcase` ([`ShowcaseView`]) — each
//! sample with its resized picture, caption, date, link and metrics formatted for the
//! page's language.

use serde::Serialize;

use super::media::{Media, video_type};
use super::{Item, Showcase};
use crate::error::Diagnostic;
use crate::images::Slot;
use crate::kinds::calendar::list_error;
use crate::kinds::calendar::platform::{platform_class, platform_label};
use crate::kinds::view::asset_url;
use crate::kinds::view::{ViewContext, plain_text};
use crate::render::format::Format;
use crate::render::picture::{self, PictureView};
use crate::shortcodes::embeds::Embed;
use crate::site::Page;

/// Metrics the theme has a label for (`metric_reach`); others show their own name.
const KNOWN_METRICS: [&str; 10] = [
    "reach",
    "impressions",
    "views",
    "likes",
    "comments",
    "shares",
    "saves",
    "clicks",
    "followers",
    "engagement",
];

/// `page.showcase`: a showcase as its page shows it.
#[derive(Debug, Serialize)]
pub(crate) struct ShowcaseView {
    /// The samples, in the order written.
    pub items: Vec<ItemView>,
}

/// One sample of `page.showcase.items`.
#[derive(Debug, Serialize)]
pub(crate) struct ItemView {
    /// The platform, lower case (`instagram`).
    pub platform: String,
    /// The platform's name (`Instagram`).
    pub platform_label: String,
    /// The CSS class of the platform's colour (`platform-instagram`, `platform-other`).
    pub platform_class: String,
    /// The sample's image, or its video's or embed's poster, resized; `null` when
    /// there is none or it could not be read.
    pub image: Option<ImageView>,
    /// A local video: its URL and MIME type; `null` for other items.
    pub video: Option<VideoView>,
    /// An embedded post, shown as a facade (`platform`, `name`, `src` for the iframe,
    /// `href` of the post, `upright`); `null` for other items.
    pub embed: Option<Embed>,
    /// What the item shows, as text: its `alt`, else its caption as plain text, else
    /// the platform's name (a video's or embed's accessible name).
    pub label: String,
    /// The caption, rendered from Markdown.
    pub caption: Option<String>,
    /// When it was published, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// `date` in the page's language.
    pub date_display: Option<String>,
    /// Where it is (an `@/` link resolved to its page's URL); `null` for none or a
    /// broken `@/` link.
    pub link: Option<String>,
    /// Its metrics, in the order written.
    pub metrics: Vec<MetricView>,
}

/// A sample's image: its picture (`src`, `srcset`, `width`, …) and its `alt`.
#[derive(Debug, Serialize)]
pub(crate) struct ImageView {
    /// The thumbnails, as every picture has them.
    #[serde(flatten)]
    pub picture: PictureView,
    /// The item's `alt`, else the caption as plain text; empty without either.
    pub alt: String,
}

/// A sample's video file.
#[derive(Debug, Serialize)]
pub(crate) struct VideoView {
    /// Its URL.
    pub src: String,
    /// `video/mp4` or `video/webm`.
    #[serde(rename = "type")]
    pub mime: &'static str,
}

/// One metric of a sample (`reach: 12400`).
#[derive(Debug, Serialize)]
pub(crate) struct MetricView {
    /// Its name, as written.
    pub name: String,
    /// Its name in the page's language for the known metrics, else the name with
    /// spaces for underscores.
    pub label: String,
    /// Its value, a number.
    pub value: f64,
    /// The value in the page's language.
    pub display: String,
}

impl ShowcaseView {
    /// The view of a showcase; broken `@/` links in items are reported.
    pub(crate) fn new(
        cx: &ViewContext<'_>,
        page: &Page,
        showcase: &Showcase,
        problems: &mut Vec<Diagnostic>,
    ) -> ShowcaseView {
        let items = showcase.items.iter().enumerate();
        ShowcaseView {
            items: items
                .map(|(index, item)| ItemView::new(cx, page, index, item, problems))
                .collect(),
        }
    }
}

impl ItemView {
    fn new(
        cx: &ViewContext<'_>,
        page: &Page,
        index: usize,
        item: &Item,
        problems: &mut Vec<Diagnostic>,
    ) -> ItemView {
        let f = cx.format(page);
        let at = index.to_string();
        let caption = item
            .caption
            .as_deref()
            .map(|c| cx.markdown(page, &["items", &at, "caption"], c, problems));
        let alt = match &item.alt {
            Some(alt) => alt.clone(),
            None => item.caption.as_deref().map(plain_text).unwrap_or_default(),
        };
        let thumbnails = cx.site.pictures.get(&(page.id.clone(), Slot::Item(index)));
        let image = thumbnails.map(|p| ImageView {
            picture: picture::view(cx.site, p),
            alt: alt.trim().to_string(),
        });
        let label = match alt.trim() {
            "" => platform_label(&item.platform),
            text => text.to_string(),
        };
        ItemView {
            platform: item.platform.clone(),
            platform_label: platform_label(&item.platform),
            platform_class: platform_class(&item.platform),
            image,
            video: match &item.media {
                Media::Video { src } => Some(VideoView {
                    src: asset_url(cx.site, page, src),
                    mime: video_type(src),
                }),
                _ => None,
            },
            embed: match &item.media {
                Media::Embed(embed) => Some(embed.clone()),
                _ => None,
            },
            label,
            caption,
            date: item.date.map(|d| d.format("%Y-%m-%d").to_string()),
            date_display: item.date.map(|d| f.date(d)),
            link: link(cx, page, index, item, problems),
            metrics: item
                .metrics
                .iter()
                .map(|(name, value)| MetricView::new(name, *value, f))
                .collect(),
        }
    }
}

/// An item's link: an `@/` link as its page's URL, others as written; a link to no
/// page is an error.
fn link(
    cx: &ViewContext<'_>,
    page: &Page,
    index: usize,
    item: &Item,
    problems: &mut Vec<Diagnostic>,
) -> Option<String> {
    let link = item.link.as_deref()?;
    let Some(id) = link.strip_prefix("@/") else {
        return Some(link.to_string());
    };
    let file = id.split('#').next().unwrap_or(id);
    match cx.site.pages.get(file) {
        Some(p) => Some(cx.site.url(&p.path)),
        None => {
            problems.push(
                list_error(
                    cx.origin(page),
                    "items",
                    index,
                    "link",
                    format!("broken link `{link}`: no such page"),
                )
                .with_help(format!(
                    "`content/{file}` does not exist; an `@/` link names a file under content/"
                )),
            );
            None
        }
    }
}

impl MetricView {
    fn new(name: &str, value: f64, f: Format<'_>) -> MetricView {
        let key = name.to_lowercase();
        let label = if KNOWN_METRICS.contains(&key.as_str()) {
            f.word(&format!("metric_{key}"))
        } else {
            name.replace('_', " ")
        };
        MetricView {
            name: name.to_string(),
            label,
            value,
            display: f.number(value),
        }
    }
}
