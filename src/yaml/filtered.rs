//! Parse stage helper: a map deserialized into a type with some of its keys left out,
//! for the second step of a page's front matter (the kind's own keys, without the
//! common ones already parsed). Values are read straight from the YAML parser, so
//! their errors keep their line and column.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, IntoDeserializer, MapAccess};
use serde::{Deserialize, de::Visitor};

/// The values of the keys left out, by key.
pub(super) type Rest = BTreeMap<String, serde_yaml::Value>;

/// Deserializes a `T` from a map, without the keys for which `skip` is true (their
/// values go to `rest` when given).
pub(super) struct Without<'s, T> {
    skip: &'s dyn Fn(&str) -> bool,
    rest: Option<&'s mut Rest>,
    target: PhantomData<T>,
}

impl<'s, T> Without<'s, T> {
    pub(super) fn new(skip: &'s dyn Fn(&str) -> bool, rest: Option<&'s mut Rest>) -> Self {
        Without {
            skip,
            rest,
            target: PhantomData,
        }
    }
}

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for Without<'_, T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for Without<'_, T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map of keys to values")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::deserialize(MapAccessDeserializer::new(Kept {
            inner: map,
            skip: self.skip,
            rest: self.rest,
        }))
    }
}

/// The entries of a map that are not skipped.
struct Kept<'s, A> {
    inner: A,
    skip: &'s dyn Fn(&str) -> bool,
    rest: Option<&'s mut Rest>,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Kept<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        while let Some(key) = self.inner.next_key::<String>()? {
            if (self.skip)(&key) {
                match self.rest.as_deref_mut() {
                    Some(rest) => {
                        let value = self.inner.next_value::<serde_yaml::Value>()?;
                        rest.insert(key, value);
                    }
                    None => {
                        self.inner.next_value::<IgnoredAny>()?;
                    }
                }
                continue;
            }
            let key: de::value::StringDeserializer<A::Error> = key.into_deserializer();
            return seed.deserialize(key).map(Some);
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.inner.next_value_seed(seed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Kpi {
        target: u32,
    }

    fn parse(text: &str) -> Result<Kpi, serde_yaml::Error> {
        let skip = |k: &str| k == "title" || k == "tags";
        Without::<Kpi>::new(&skip, None).deserialize(serde_yaml::Deserializer::from_str(text))
    }

    #[test]
    fn skipped_keys_are_left_out_and_others_denied() {
        assert_eq!(parse("title: x\ntarget: 3\ntags: [a]\n").unwrap().target, 3);
        let err = parse("title: x\ntarget: 3\nbudget: 1\n").unwrap_err();
        assert!(err.to_string().contains("unknown field `budget`"), "{err}");
    }

    #[test]
    fn value_errors_keep_their_place() {
        let err = parse("title: x\ntarget: lots\n").unwrap_err();
        let at = err.location().expect("a location");
        assert_eq!((at.line(), at.column()), (2, 9), "{err}");
    }
}
