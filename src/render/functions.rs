//! Render stage: functions templates can call — `get_url`, `get_data`, `get_section`,
//! `get_page` (and `t`, `card`: see `strings.rs`, `cards.rs`) — and the `list` filter. Their data is serialized once per build and shared between threads.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use serde_json::Value;
use tera::Tera;

use super::context::{Views, section_view};
use super::locale::{ListKind, Localizer};
use crate::error::nearest;
use crate::markdown::Rendered;
use crate::site::Site;

type Args<'a> = &'a HashMap<String, Value>;

/// (Re-)registers the functions with this build's data.
pub(crate) fn register(
    tera: &mut Tera,
    site: &Site,
    views: &Views,
    bodies: &BTreeMap<String, Rendered>,
    data: BTreeMap<String, Value>,
    hashed: BTreeMap<String, String>,
) {
    let base_path = site.config.base_path().to_string();
    tera.register_function("get_url", move |args: Args<'_>| {
        let path = string_arg(args, "path", "get_url")?;
        let path = path.trim_start_matches('/');
        // The theme's stylesheets and scripts under their content-hashed names.
        let path = hashed.get(path).map_or(path, String::as_str);
        Ok(Value::String(format!(
            "{base_path}/{}",
            crate::site::paths::encode_path(path)
        )))
    });

    let data = Arc::new(data);
    tera.register_function("get_data", move |args: Args<'_>| {
        let name = string_arg(args, "name", "get_data")?;
        lookup(&data, &name, "data file", "data/")
    });

    super::strings::register(tera, views.strings.clone(), views.locale.clone());
    register_list(tera, views.locale.clone());
    register_lookups(tera, site, views, bodies);
}

/// Registers the filter `list(lang=…, kind="and"|"or")`: a list of texts as one phrase
/// in the language (`A, B і C`, `A، B أو C`).
fn register_list(tera: &mut Tera, locale: Localizer) {
    tera.register_filter("list", move |value: &Value, args: Args<'_>| {
        let items: Vec<String> = match value {
            Value::Array(items) => items
                .iter()
                .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
                .collect(),
            _ => return Err(tera::Error::msg("the `list` filter needs a list")),
        };
        let lang = args.get("lang").and_then(Value::as_str).unwrap_or("en");
        let kind = match args.get("kind").and_then(Value::as_str) {
            None | Some("and") => ListKind::And,
            Some("or") => ListKind::Or,
            Some(other) => {
                return Err(tera::Error::msg(format!(
                    "the `list` filter's `kind` is `and` or `or`, not `{other}`"
                )));
            }
        };
        Ok(Value::String(locale.list(lang, &items, kind)))
    });
}

/// (Re-)registers `get_section` and `get_page` with the current pages and sections.
pub(crate) fn register_lookups(
    tera: &mut Tera,
    site: &Site,
    views: &Views,
    bodies: &BTreeMap<String, Rendered>,
) {
    let sections: Arc<BTreeMap<String, Value>> = Arc::new(
        site.sections
            .values()
            .map(|s| {
                let mut view = section_view(site, s, bodies.get(&s.id));
                if let Value::Object(map) = &mut view {
                    map.remove("content");
                }
                (s.id.clone(), view)
            })
            .collect(),
    );
    tera.register_function("get_section", move |args: Args<'_>| {
        let path = string_arg(args, "path", "get_section")?;
        lookup(
            &sections,
            path.trim_start_matches("@/"),
            "section",
            "content/",
        )
    });

    let pages = views.summaries.clone();
    tera.register_function("get_page", move |args: Args<'_>| {
        let path = string_arg(args, "path", "get_page")?;
        lookup(&pages, path.trim_start_matches("@/"), "page", "content/").map(|s| s.value())
    });
    // Last: its copy of the templates must have every other function as it is now.
    super::cards::register(tera);
}

fn string_arg(args: Args<'_>, key: &str, function: &str) -> tera::Result<String> {
    match args.get(key) {
        Some(Value::String(s)) => Ok(s.clone()),
        _ => Err(tera::Error::msg(format!(
            "`{function}` needs a string argument `{key}`"
        ))),
    }
}

fn lookup<V: Clone>(
    map: &BTreeMap<String, V>,
    key: &str,
    what: &str,
    under: &str,
) -> tera::Result<V> {
    map.get(key).cloned().ok_or_else(|| {
        let hint = nearest(key, map.keys().map(String::as_str))
            .map(|s| format!(": did you mean `{s}`?"))
            .unwrap_or_default();
        tera::Error::msg(format!("no {what} `{under}{key}`{hint}"))
    })
}
