//! `kind: showcase`: content samples across platforms — an image, a local video or an
//! embedded post (`media.rs`), a caption, a date, a link and the post's metrics.
//! Images and posters are checked and resized by `crate::images`; `view.rs` shows them.

pub(crate) mod media;
pub(crate) mod view;

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::Value;

use super::calendar::list_error;
use super::values::bad_link;
use super::view::to_json;
use super::{CheckInput, Checked, KindData, KindSpec, Origin, TypedKind, ViewContext, checked};
use crate::content::dates::Date;
use crate::error::Diagnostic;
use crate::images::Slot;
use crate::site::Page;

pub(crate) struct Spec;

/// The keys of a showcase.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct FrontMatter {
    #[serde(default)]
    pub items: Vec<ItemMeta>,
}

/// One item as written in front matter.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ItemMeta {
    pub platform: String,
    /// A still image beside the page.
    #[serde(default)]
    pub image: Option<String>,
    /// A video file beside the page (MP4 or WebM), shown with `poster`.
    #[serde(default)]
    pub video: Option<String>,
    /// A post's URL on YouTube, Vimeo, TikTok, Instagram or LinkedIn.
    #[serde(default)]
    pub embed: Option<String>,
    /// The image shown for a video or an embed until it plays.
    #[serde(default)]
    pub poster: Option<String>,
    /// The text alternative of the image or poster (else the caption's text).
    #[serde(default)]
    pub alt: Option<String>,
    #[serde(default)]
    pub caption: Option<String>,
    #[serde(default)]
    pub date: Option<Date>,
    #[serde(default)]
    pub link: Option<String>,
    /// Kept in the order written (`reach`, `likes`, …).
    #[serde(default)]
    #[schemars(with = "std::collections::BTreeMap<String, crate::kinds::values::Number>")]
    pub metrics: serde_yaml::Mapping,
}

/// A checked item; its thumbnails are the site's picture of slot `Slot::Item(n)`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Item {
    pub platform: String,
    /// The picture shown: the image, or the poster of a video or embed.
    pub image: Option<String>,
    pub media: media::Media,
    pub alt: Option<String>,
    pub caption: Option<String>,
    pub date: Option<NaiveDate>,
    pub link: Option<String>,
    pub metrics: Vec<(String, f64)>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Showcase {
    pub items: Vec<Item>,
}

impl TypedKind for Spec {
    const NAME: &'static str = "showcase";
    const FOLDER: &'static str = "showcase";
    const TEMPLATE: &'static str = "showcase.html";
    const BUNDLE: bool = true;
    type FrontMatter = FrontMatter;
    type Data = Showcase;

    fn validate(fm: FrontMatter, input: CheckInput<'_>) -> Checked<Showcase> {
        validate(&fm, input.origin)
    }

    fn scaffold(today: NaiveDate) -> String {
        let date = today.format("%Y-%m-%d");
        format!(
            "description: \"What these samples show, in one sentence.\"\ndate: {date}\nplatforms: []\nitems:                   # each an image, a video (+ poster) or an embed; files sit beside this file\n  - platform: instagram\n    image: sample.png\n    caption: \"\"\n    date: {date}\n    link: https://www.instagram.com/\n    metrics: {{reach: 0, likes: 0, comments: 0, shares: 0}}\n---\n\nAbout these samples.\n"
        )
    }
}

impl KindData for Showcase {
    fn spec(&self) -> &'static dyn KindSpec {
        &Spec
    }

    /// The platforms of the items, as `Instagram, TikTok and LinkedIn`.
    fn card_figure(&self, f: crate::render::format::Format<'_>) -> Option<String> {
        let mut platforms: Vec<String> = Vec::new();
        for item in &self.items {
            let label = super::calendar::platform::platform_label(&item.platform);
            if !platforms.contains(&label) {
                platforms.push(label);
            }
        }
        (!platforms.is_empty()).then(|| f.list(&platforms, crate::render::locale::ListKind::And))
    }

    fn view(
        &self,
        cx: &ViewContext<'_>,
        page: &Page,
        problems: &mut Vec<Diagnostic>,
    ) -> Option<Value> {
        Some(to_json(&view::ShowcaseView::new(cx, page, self, problems)))
    }

    fn share_image(&self) -> Option<&str> {
        self.items.iter().find_map(|i| i.image.as_deref())
    }

    fn images(&self) -> Vec<(Slot, &str)> {
        let items = self.items.iter().enumerate();
        items
            .filter_map(|(i, item)| Some((Slot::Item(i), item.image.as_deref()?)))
            .collect()
    }

    fn has_embeds(&self) -> bool {
        self.items
            .iter()
            .any(|i| matches!(i.media, media::Media::Embed(_)))
    }
}

fn validate(fm: &FrontMatter, origin: Origin<'_>) -> Checked<Showcase> {
    let mut problems = Vec::new();
    if fm.items.is_empty() {
        problems.push(
            origin
                .warning(&["items"], "this showcase has no `items`")
                .with_help("list posts under `items:` with platform, image, caption, date, link and metrics"),
        );
    }
    let mut items = Vec::new();
    for (index, item) in fm.items.iter().enumerate() {
        let at = |key: &str, message: String| list_error(origin, "items", index, key, message);
        let mut metrics = Vec::new();
        for (name, value) in &item.metrics {
            let Some(name) = name.as_str() else {
                problems.push(at(
                    "metrics",
                    "a metric's name must be text, e.g. `reach`".into(),
                ));
                continue;
            };
            let number = match value {
                serde_yaml::Value::Number(n) => n.as_f64(),
                serde_yaml::Value::String(s) => s.trim().parse::<f64>().ok(),
                _ => None,
            };
            match number.filter(|n| n.is_finite()) {
                Some(n) => metrics.push((name.to_string(), n)),
                None => problems.push(
                    at("metrics", format!("metric `{name}` is not a number"))
                        .with_help("write digits only, e.g. 12400 (no thousands separators)"),
                ),
            }
        }
        problems.extend(bad_link(item.link.as_deref(), at));
        let (media, image) = match media::check(item) {
            Ok(found) => found,
            Err(found) => {
                problems.extend(media::diagnostics(found, at));
                (media::Media::Image, None)
            }
        };
        items.push(Item {
            platform: item.platform.trim().to_lowercase(),
            image,
            media,
            alt: item.alt.clone().filter(|a| !a.trim().is_empty()),
            caption: item.caption.clone(),
            date: item.date.map(|d| d.0.date_naive()),
            link: item.link.clone().filter(|l| !l.trim().is_empty()),
            metrics,
        });
    }
    checked(Showcase { items }, problems)
}
