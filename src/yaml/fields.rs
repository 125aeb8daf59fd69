//! Parse stage helper: the keys a front matter type accepts, read from the type's own
//! `Deserialize` implementation, so that "did you mean" hints and "this key belongs to
//! kind X" come from the types themselves and no list of keys is kept by hand.

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

/// The field names of a struct deriving `Deserialize` (renames applied), in
/// declaration order. Empty for a type that is not a struct.
pub(crate) fn of<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    let mut fields: &'static [&'static str] = &[];
    // The probe answers the struct's call with an error once it has the names.
    let _ = T::deserialize(Probe {
        fields: &mut fields,
    });
    fields
}

struct Probe<'a> {
    fields: &'a mut &'static [&'static str],
}

#[derive(Debug)]
struct Done;

impl std::fmt::Display for Done {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("field names read")
    }
}

impl std::error::Error for Done {}

impl de::Error for Done {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Done
    }
}

impl<'de> Deserializer<'de> for Probe<'_> {
    type Error = Done;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Done> {
        Err(Done)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Done> {
        *self.fields = fields;
        Err(Done)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    #[allow(dead_code)]
    #[serde(deny_unknown_fields)]
    struct Example {
        title: String,
        #[serde(rename = "valid_through")]
        until: Option<String>,
    }

    #[test]
    fn reads_the_names_serde_accepts() {
        assert_eq!(of::<Example>(), ["title", "valid_through"]);
        assert!(of::<String>().is_empty());
    }
}
