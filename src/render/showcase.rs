//! Render stage: the template view of a showcase — each sample with its resized
//! picture, caption, date, link and metrics formatted for the page's language.

use serde_json::{Value, json};

use super::calendar::{platform_class, platform_label};
use super::kinds::{KindViews, plain_text};
use crate::error::Diagnostic;
use crate::images::Slot;
use crate::kinds::Origin;
use crate::kinds::calendar::list_error;
use crate::kinds::showcase::Showcase;
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

impl KindViews<'_> {
    pub(crate) fn showcase(
        &self,
        page: &Page,
        showcase: &Showcase,
        problems: &mut Vec<Diagnostic>,
    ) -> Value {
        let f = self.format(page);
        let origin = Origin {
            file: &page.file,
            front_matter: &page.front_matter,
        };
        let items: Vec<Value> = showcase
            .items
            .iter()
            .enumerate()
            .map(|(index, item)| {
                let at = index.to_string();
                let caption = item.caption.as_deref().map(|c| {
                    self.markdown(page, &["items", &at, "caption"], c, problems)
                });
                let alt = item.caption.as_deref().map(plain_text).unwrap_or_default();
                let picture = self.site.pictures.get(&(page.id.clone(), Slot::Item(index)));
                let image = match picture {
                    Some(p) => {
                        let mut v = super::picture::view(self.site, p);
                        v["alt"] = json!(alt.trim());
                        v
                    }
                    None => Value::Null,
                };
                let link = item.link.as_deref().and_then(|link| {
                    let Some(id) = link.strip_prefix("@/") else {
                        return Some(link.to_string());
                    };
                    let file = id.split('#').next().unwrap_or(id);
                    match self.site.pages.get(file) {
                        Some(p) => Some(self.site.url(&p.path)),
                        None => {
                            problems.push(
                                list_error(origin, "items", index, "link", format!("broken link `{link}`: no such page"))
                                    .with_help(format!("`content/{file}` does not exist; an `@/` link names a file under content/")),
                            );
                            None
                        }
                    }
                });
                let metrics: Vec<Value> = item
                    .metrics
                    .iter()
                    .map(|(name, value)| {
                        let key = name.to_lowercase();
                        let label = if KNOWN_METRICS.contains(&key.as_str()) {
                            f.word(&format!("metric_{key}"))
                        } else {
                            name.replace('_', " ")
                        };
                        json!({
                            "name": name,
                            "label": label,
                            "value": value,
                            "display": f.number(*value),
                        })
                    })
                    .collect();
                json!({
                    "platform": item.platform,
                    "platform_label": platform_label(&item.platform),
                    "platform_class": platform_class(&item.platform),
                    "image": image,
                    "caption": caption,
                    "date": item.date.map(|d| d.format("%Y-%m-%d").to_string()),
                    "date_display": item.date.map(|d| f.date(d)),
                    "link": link,
                    "metrics": metrics,
                })
            })
            .collect();
        json!({ "items": items })
    }
}
