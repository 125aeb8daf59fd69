//! An image named in front matter as a file name (`reel.jpg`) or with its alt text and
//! the part a social card keeps (`{src: reel.jpg, alt: …, focus: top}`): a page's
//! `image:` and a case study's `cover:`.

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use crate::images::crop::Focus;

/// In a schema: a file name, or the mapping with `src`, `alt` and `focus`.
#[derive(Debug, Clone, PartialEq, schemars::JsonSchema)]
#[schemars(untagged)]
pub enum ImageRef {
    Name(String),
    Full(ImageSpec),
}

#[derive(Debug, Clone, PartialEq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ImageSpec {
    pub src: String,
    #[serde(default)]
    pub alt: Option<String>,
    #[serde(default)]
    pub focus: Focus,
}

impl ImageRef {
    /// The file name or URL, as written.
    pub fn src(&self) -> &str {
        match self {
            ImageRef::Name(name) => name,
            ImageRef::Full(spec) => &spec.src,
        }
    }

    pub fn alt(&self) -> Option<&str> {
        match self {
            ImageRef::Name(_) => None,
            ImageRef::Full(spec) => spec.alt.as_deref(),
        }
    }

    pub fn focus(&self) -> Focus {
        match self {
            ImageRef::Name(_) => Focus::Center,
            ImageRef::Full(spec) => spec.focus,
        }
    }
}

impl<'de> Deserialize<'de> for ImageRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Either;
        impl<'de> Visitor<'de> for Either {
            type Value = ImageRef;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an image file name, or a map with `src`, `alt` and `focus` (top, center or bottom)")
            }

            fn visit_str<E: de::Error>(self, name: &str) -> Result<ImageRef, E> {
                Ok(ImageRef::Name(name.to_string()))
            }

            fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<ImageRef, M::Error> {
                ImageSpec::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(ImageRef::Full)
            }
        }
        d.deserialize_any(Either)
    }
}
