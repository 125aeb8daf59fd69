//! Render stage: the language variables every template gets — the translations of
//! what it shows (each named in its own language by CLDR), its language's home and
//! search page.

use serde_json::{Map, Value, json};

use super::{Renderer, feeds};

impl Renderer<'_> {
    /// The language variables of a template: the translations of what it shows (with
    /// the current one marked), its language's home and search page.
    pub(super) fn i18n(&self, lang: &str, key: Option<&str>) -> Map<String, Value> {
        let site = self.site;
        let translations: Vec<Value> = key
            .map(|k| feeds::alternates(site, k))
            .unwrap_or_default()
            .into_iter()
            .map(|(l, permalink)| {
                let url = permalink
                    .strip_prefix(site.origin())
                    .unwrap_or(&permalink)
                    .to_string();
                json!({
                    "lang": l,
                    "name": self.views.locale.language_name(&l),
                    "url": url,
                    "permalink": permalink,
                    "current": l == lang,
                })
            })
            .collect();
        let root = site.config.lang_prefix(lang);
        let mut map = Map::new();
        map.insert("translations".into(), json!(translations));
        map.insert("lang_home".into(), json!(site.url(&format!("{root}/"))));
        map.insert(
            "search_url".into(),
            if site.config.search {
                json!(site.url(&format!("{root}/search/")))
            } else {
                Value::Null
            },
        );
        map
    }
}
