//! Render stage: the `card(page=…, lang=…, level=…)` function of templates, which is
//! `macros::page_card(page, lang, level)` remembered by its arguments.
//!
//! A page shows as the same card on its section's listing and on the page of each of
//! its terms, and the dev server renders a 2,500-card listing again when one title in
//! it changes. Tera cannot remember what a macro gave, so `card` renders the macro with
//! a copy of the templates and keeps the HTML by a hash of the arguments: a card is
//! rendered once per build for each (page summary, language, level), and a rebuild in
//! `folio serve` renders only the cards whose page changed.

use std::collections::HashMap;
use std::hash::Hasher;
use std::sync::{Arc, Mutex};

use serde_json::Value;
use siphasher::sip128::{Hasher128, SipHasher13};
use tera::{Context, Tera};

/// The template `card` renders, added to the copy of the templates only.
const CARD: &str = "(folio)/card.html";
const CARD_TEMPLATE: &str = "{% import \"macros.html\" as macros %}{{ macros::page_card(page=page, lang=lang, level=level) }}";

/// Past this many remembered cards the memory is emptied and starts again.
const MAX_CARDS: usize = 250_000;

/// (Re-)registers `card` on `tera`, with a copy of its templates and functions as they
/// are now, and an empty memory.
pub(crate) fn register(tera: &mut Tera) {
    let has_macros = tera.get_template_names().any(|n| n == "macros.html");
    // The copy's own `card` only says no: a `page_card` that calls `card` would never
    // end, and the copy must not hold the copy of an earlier registration.
    tera.register_function("card", |_: &HashMap<String, Value>| {
        Err(tera::Error::msg(
            "`card` was called while rendering `macros::page_card`: it would never end",
        ))
    });
    let mut renderer = tera.clone();
    let ready = has_macros && renderer.add_raw_template(CARD, CARD_TEMPLATE).is_ok();
    let renderer = Arc::new(renderer);
    let memory: Mutex<HashMap<u128, Arc<str>>> = Mutex::default();
    tera.register_function("card", move |args: &HashMap<String, Value>| {
        if !ready {
            return Err(tera::Error::msg(
                "`card` renders `macros::page_card`, and the theme has no `macros.html`",
            ));
        }
        let page = args
            .get("page")
            .ok_or_else(|| tera::Error::msg("`card` needs the argument `page`"))?;
        let lang = args.get("lang").unwrap_or(&Value::Null);
        let level = args.get("level").cloned().unwrap_or(Value::from(2));
        let key = key(page, lang, &level);
        if let Some(html) = memory.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return Ok(Value::String(html.to_string()));
        }
        let mut context = Context::new();
        context.insert("page", page);
        context.insert("lang", lang);
        context.insert("level", &level);
        let html = renderer.render(CARD, &context)?;
        if let Ok(mut memory) = memory.lock() {
            if memory.len() >= MAX_CARDS {
                memory.clear();
            }
            memory.insert(key, Arc::from(html.as_str()));
        }
        Ok(Value::String(html))
    });
}

/// A hash of the arguments, walked as they are (not serialized first: a listing of
/// thousands of cards hashes every summary).
fn key(page: &Value, lang: &Value, level: &Value) -> u128 {
    let mut h = SipHasher13::new();
    for value in [page, lang, level] {
        hash_value(value, &mut h);
    }
    h.finish128().as_u128()
}

/// Feeds `value` to `h`, each part tagged with its type and each string and collection
/// with its length, so that different values give different input (a JSON object's
/// keys come in order).
fn hash_value(value: &Value, h: &mut SipHasher13) {
    match value {
        Value::Null => h.write_u8(0),
        Value::Bool(b) => h.write(&[1, u8::from(*b)]),
        Value::Number(n) => {
            h.write_u8(2);
            hash_str(&n.to_string(), h);
        }
        Value::String(s) => {
            h.write_u8(3);
            hash_str(s, h);
        }
        Value::Array(items) => {
            h.write_u8(4);
            h.write_usize(items.len());
            for item in items {
                hash_value(item, h);
            }
        }
        Value::Object(map) => {
            h.write_u8(5);
            h.write_usize(map.len());
            for (k, v) in map {
                hash_str(k, h);
                hash_value(v, h);
            }
        }
    }
}

fn hash_str(s: &str, h: &mut SipHasher13) {
    h.write_usize(s.len());
    h.write(s.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tera(page_card: &str) -> Tera {
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html"]);
        tera.set_escape_fn(crate::markdown::escape_html);
        tera.add_raw_templates(vec![
            (
                "macros.html",
                format!("{{% macro page_card(page, lang, level=2) %}}{page_card}{{% endmacro %}}"),
            ),
            (
                "list.html",
                "{% for p in pages %}{{ card(page=p, lang='en', level=3) | safe }};{% endfor %}"
                    .to_string(),
            ),
        ])
        .unwrap();
        register(&mut tera);
        tera
    }

    fn render(tera: &Tera, pages: Value) -> Result<String, tera::Error> {
        let mut context = Context::new();
        context.insert("pages", &pages);
        tera.render("list.html", &context)
    }

    #[test]
    fn cards_are_the_macro_and_follow_every_argument() {
        let tera = tera("<h{{ level }}>{{ page.title }}</h{{ level }}>{{ lang }}");
        let pages =
            serde_json::json!([{"title": "<b>a</b>"}, {"title": "b"}, {"title": "<b>a</b>"}]);
        assert_eq!(
            render(&tera, pages).unwrap(),
            "<h3>&lt;b&gt;a&lt;/b&gt;</h3>en;<h3>b</h3>en;<h3>&lt;b&gt;a&lt;/b&gt;</h3>en;"
        );
        // A changed summary is a new card, not the remembered one.
        let pages = serde_json::json!([{"title": "b", "extra": 1}]);
        assert_eq!(render(&tera, pages).unwrap(), "<h3>b</h3>en;");
    }

    #[test]
    fn different_arguments_have_different_keys() {
        use serde_json::json;
        let keys = [
            key(&json!({"title": "a"}), &json!("en"), &json!(2)),
            key(&json!({"title": "a"}), &json!("uk"), &json!(2)),
            key(&json!({"title": "a"}), &json!("en"), &json!(3)),
            key(&json!({"title": "ab"}), &json!("en"), &json!(2)),
            key(&json!({"title": ["a"]}), &json!("en"), &json!(2)),
            key(&json!({"title": "a", "x": null}), &json!("en"), &json!(2)),
            key(&json!({"titl": "ea"}), &json!("en"), &json!(2)),
            key(&json!({"title": 1}), &json!("en"), &json!(2)),
            key(&json!({"title": "1"}), &json!("en"), &json!(2)),
        ];
        let distinct: std::collections::HashSet<u128> = keys.iter().copied().collect();
        assert_eq!(distinct.len(), keys.len());
        assert_eq!(
            keys[0],
            key(&json!({"title": "a"}), &json!("en"), &json!(2))
        );
    }

    #[test]
    fn a_card_without_a_page_says_what_is_missing() {
        let mut tera = tera("x");
        tera.add_raw_template("bad.html", "{{ card(lang='en') }}")
            .unwrap();
        let err = tera.render("bad.html", &Context::new()).unwrap_err();
        let chain = format!("{err:?}");
        assert!(chain.contains("needs the argument `page`"), "{chain}");
    }

    #[test]
    fn a_card_that_calls_card_is_an_error_not_a_hang() {
        let tera = tera("{{ card(page=page, lang=lang, level=level) | safe }}");
        let err = render(&tera, serde_json::json!([{"title": "a"}])).unwrap_err();
        let chain = format!("{err:?}");
        assert!(chain.contains("never end"), "{chain}");
    }
}
