//! `kind: showcase`: content samples across platforms — an image, a caption, a date,
//! a link and the post's metrics. Images are checked and resized by `crate::images`.

use chrono::NaiveDate;
use serde::Deserialize;

use super::calendar::list_error;
use super::values::bad_link;
use super::{Checked, Origin, checked};
use crate::content::dates::Date;
use crate::content::meta::PageMeta;
use crate::images::Picture;

/// One item as written in front matter.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemMeta {
    pub platform: String,
    pub image: String,
    #[serde(default)]
    pub caption: Option<String>,
    #[serde(default)]
    pub date: Option<Date>,
    #[serde(default)]
    pub link: Option<String>,
    /// Kept in the order written (`reach`, `likes`, …).
    #[serde(default)]
    pub metrics: serde_yaml::Mapping,
}

/// A checked item; `picture` is filled in when the images are processed.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub platform: String,
    pub image: String,
    pub caption: Option<String>,
    pub date: Option<NaiveDate>,
    pub link: Option<String>,
    pub metrics: Vec<(String, f64)>,
    pub picture: Option<Picture>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Showcase {
    pub items: Vec<Item>,
}

pub fn validate(meta: &PageMeta, origin: Origin<'_>) -> Checked<Showcase> {
    let mut problems = Vec::new();
    if meta.items.is_empty() {
        problems.push(
            origin
                .warning(&["items"], "this showcase has no `items`")
                .with_help("list posts under `items:` with platform, image, caption, date, link and metrics"),
        );
    }
    let mut items = Vec::new();
    for (index, item) in meta.items.iter().enumerate() {
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
        if item.image.trim().is_empty() || item.image.contains("://") {
            problems.push(
                at(
                    "image",
                    format!("image `{}` must be a file beside the page", item.image),
                )
                .with_help(
                    "put the image in the page's bundle folder and name it, e.g. `image: reel.jpg`",
                ),
            );
        }
        items.push(Item {
            platform: item.platform.trim().to_lowercase(),
            image: item.image.trim().to_string(),
            caption: item.caption.clone(),
            date: item.date.map(|d| d.0.date_naive()),
            link: item.link.clone().filter(|l| !l.trim().is_empty()),
            metrics,
            picture: None,
        });
    }
    checked(Showcase { items }, problems)
}
