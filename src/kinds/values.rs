//! Parse stage: value shapes shared by the typed kinds — list items with sub-items,
//! numbers that explain themselves, one-or-many lists, `better: higher|lower`.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::error::Diagnostic;

/// An enum of the keywords a front matter value may take (`FULL_TIME`, `running`),
/// each with its text; checks turn the written text into one of these.
macro_rules! keywords {
    ($(#[$m:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
        pub(crate) enum $name {
            $(#[serde(rename = $text)] $variant),+
        }

        impl $name {
            /// The keywords, as written.
            pub(crate) const NAMES: &'static [&'static str] = &[$($text),+];

            pub(crate) fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            /// The keyword written exactly `text`.
            #[allow(dead_code)]
            pub(crate) fn parse(text: &str) -> Option<$name> {
                match text {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use keywords;

/// A list entry: a string (inline Markdown) or a one-key map whose value lists sub-items.
#[derive(Debug, Clone, PartialEq)]
pub struct ListItem {
    pub text: String,
    pub children: Vec<ListItem>,
}

impl<'de> Deserialize<'de> for ListItem {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ListItemVisitor)
    }
}

struct ListItemVisitor;

impl<'de> Visitor<'de> for ListItemVisitor {
    type Value = ListItem;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string, or a one-key map of a string to a list of sub-items")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<ListItem, E> {
        Ok(ListItem {
            text: v.to_string(),
            children: Vec::new(),
        })
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<ListItem, E> {
        self.visit_str(&v.to_string())
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<ListItem, E> {
        self.visit_str(&v.to_string())
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<ListItem, E> {
        self.visit_str(&v.to_string())
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<ListItem, E> {
        self.visit_str(&v.to_string())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ListItem, A::Error> {
        let Some((text, children)) = map.next_entry::<String, Vec<ListItem>>()? else {
            return Err(de::Error::custom("an empty map is not a list item"));
        };
        if map.next_key::<String>()?.is_some() {
            return Err(de::Error::custom(
                "a list item with sub-items is a map of ONE key (the item) to a list (its sub-items)",
            ));
        }
        Ok(ListItem { text, children })
    }
}

/// A number in front matter; a string that is not one gets a message that says so.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub(crate) struct Number(pub f64);

impl Serialize for Number {
    /// Whole numbers as integers (`50000`, not `50000.0`), in JSON-LD and `jobs.json`.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0.fract() == 0.0 && self.0.abs() < 9.0e15 {
            serializer.serialize_i64(self.0 as i64)
        } else {
            serializer.serialize_f64(self.0)
        }
    }
}

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NumberVisitor)
    }
}

struct NumberVisitor;

impl Visitor<'_> for NumberVisitor {
    type Value = Number;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Number, E> {
        Ok(Number(v as f64))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Number, E> {
        Ok(Number(v as f64))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Number, E> {
        if v.is_finite() {
            Ok(Number(v))
        } else {
            Err(E::custom("the number must be finite"))
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Number, E> {
        match v.trim().parse::<f64>() {
            Ok(n) if n.is_finite() => Ok(Number(n)),
            _ => Err(E::custom(format!(
                "`{v}` is not a number: write digits only, e.g. 12400 or 3.5 (no thousands separators, put % or currency in `unit`)"
            ))),
        }
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Number, E> {
        Err(E::custom(format!("`{v}` is not a number")))
    }
}

/// One string or a list of strings (`employment_type: FULL_TIME` or `[FULL_TIME, PART_TIME]`).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct OneOrMany(pub Vec<String>);

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(OneOrManyVisitor)
    }
}

struct OneOrManyVisitor;

impl<'de> Visitor<'de> for OneOrManyVisitor {
    type Value = OneOrMany;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string or a list of strings")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<OneOrMany, E> {
        Ok(OneOrMany(vec![v.to_string()]))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<OneOrMany, A::Error> {
        let mut all = Vec::new();
        while let Some(s) = seq.next_element::<String>()? {
            all.push(s);
        }
        Ok(OneOrMany(all))
    }
}

/// Whether a bigger value of a KPI or result is better.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Better {
    #[default]
    Higher,
    Lower,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_items_nest() {
        let items: Vec<ListItem> = serde_yaml::from_str(
            "- plain\n- \"Parent\":\n    - child one\n    - child two\n- 42\n",
        )
        .unwrap();
        assert_eq!(items.len(), 3);
        assert_eq!(items[1].text, "Parent");
        assert_eq!(items[1].children.len(), 2);
        assert_eq!(items[2].text, "42");
        let err = serde_yaml::from_str::<Vec<ListItem>>("- a: [x]\n  b: [y]\n").unwrap_err();
        assert!(err.to_string().contains("ONE key"), "{err}");
    }

    #[test]
    fn numbers_explain_themselves() {
        assert_eq!(serde_yaml::from_str::<Number>("12.5").unwrap().0, 12.5);
        assert_eq!(serde_yaml::from_str::<Number>("'300'").unwrap().0, 300.0);
        let err = serde_yaml::from_str::<Number>("12,400").unwrap_err();
        assert!(err.to_string().contains("not a number"), "{err}");
    }

    #[test]
    fn one_or_many() {
        assert_eq!(
            serde_yaml::from_str::<OneOrMany>("FULL_TIME").unwrap().0,
            ["FULL_TIME"]
        );
        assert_eq!(
            serde_yaml::from_str::<OneOrMany>("[A, B]").unwrap().0,
            ["A", "B"]
        );
    }
}

/// An absolute `http://` or `https://` URL (case-insensitive scheme): the only
/// outside addresses content may send readers to (no `javascript:`, `data:`, …).
pub(crate) fn is_http_url(url: &str) -> bool {
    let lower = url
        .trim_start()
        .get(..8)
        .unwrap_or(url)
        .to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// A link a calendar entry or showcase item may carry: an http(s) URL, a path on
/// this site (`/about/`) or a content file (`@/notes/launch.md`).
pub(crate) fn is_content_link(link: &str) -> bool {
    link.starts_with("@/")
        || is_http_url(link)
        || (link.starts_with('/') && !link.starts_with("//"))
}

/// The error for a `link:` value (an empty one is no link) that [`is_content_link`]
/// refuses; `at(key, message)` places it in the file.
pub(crate) fn bad_link(
    link: Option<&str>,
    at: impl FnOnce(&str, String) -> Diagnostic,
) -> Option<Diagnostic> {
    let link = link.filter(|l| !l.trim().is_empty() && !is_content_link(l))?;
    Some(
        at(
            "link",
            format!("link `{link}` is neither an http(s) URL, a site path nor an `@/` path"),
        )
        .with_help("a full URL (https://…) or a content file, e.g. \"@/notes/launch.md\""),
    )
}

#[cfg(test)]
mod link_tests {
    use super::{is_content_link, is_http_url};

    #[test]
    fn only_web_site_and_content_links_pass() {
        for ok in [
            "https://example.com/x",
            "HTTP://example.com",
            "/about/",
            "@/notes/a.md",
        ] {
            assert!(is_content_link(ok), "{ok}");
        }
        for bad in [
            "javascript://%0Aalert(1)",
            "JavaScript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript://x",
            "//evil.example/x",
            "ftp://example.com",
            "notes/a.md",
        ] {
            assert!(!is_content_link(bad), "{bad}");
        }
        assert!(!is_http_url(" javascript:alert(1)"));
    }
}
