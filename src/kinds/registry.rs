//! The one list of kinds. `folio new` and `init`, the check of every page, the
//! template names and the hints of the error messages all read it.

use std::sync::Arc;

use chrono::NaiveDate;
use serde::de::DeserializeOwned;

use super::{CheckInput, Checked, Kind, KindData};
use crate::error::{Diagnostic, nearest};

/// Everything folio knows about a kind before it has a page of it.
pub trait KindSpec: Sync {
    /// `case_study`: the value of `kind:`.
    fn name(&self) -> &'static str;

    /// The folder under `content/` where `folio new` puts it (`""`: `content/` itself).
    fn folder(&self) -> &'static str;

    /// Whether `folio new` writes a page bundle (`<slug>/index.md`), for files beside it.
    fn bundle(&self) -> bool {
        false
    }

    /// The template a page of this kind is rendered with, unless it names another.
    fn template(&self) -> &'static str;

    /// The front matter keys of this kind, besides the common ones and taxonomies.
    fn keys(&self) -> &'static [&'static str];

    /// Parses the kind's keys of a page and checks them into the kind's data.
    fn check(&self, input: CheckInput<'_>) -> Checked<Kind>;

    /// The front matter `folio new` writes after `title` (and `kind`), given the title
    /// as a YAML string.
    fn scaffold(&self, today: NaiveDate) -> String;

    /// The JSON Schema of the kind's own keys, derived from its front matter type.
    fn schema(&self) -> serde_json::Value;
}

/// What a kind module writes: its names and folder as constants, its front matter
/// type, its checked data, its check and its scaffold. [`KindSpec`] (what the shared
/// stages use) follows from it: the keys are read from the front matter type, and the
/// check parses them from the page's YAML with their positions.
pub(crate) trait TypedKind: Sync + 'static {
    /// The value of `kind:`.
    const NAME: &'static str;
    /// The folder under `content/` where `folio new` puts it.
    const FOLDER: &'static str;
    /// The template a page of this kind is rendered with, unless it names another.
    const TEMPLATE: &'static str;
    /// Whether `folio new` writes a page bundle (`<slug>/index.md`).
    const BUNDLE: bool = false;

    /// The kind's own keys (`#[serde(deny_unknown_fields)]`).
    type FrontMatter: DeserializeOwned + schemars::JsonSchema;
    /// What the check makes of them.
    type Data: KindData;

    /// Checks the parsed keys into the kind's data, with every error and warning.
    fn validate(fm: Self::FrontMatter, input: CheckInput<'_>) -> Checked<Self::Data>;

    /// The front matter `folio new` writes after `title` (and `kind`).
    fn scaffold(today: NaiveDate) -> String;
}

impl<T: TypedKind> KindSpec for T {
    fn name(&self) -> &'static str {
        T::NAME
    }

    fn folder(&self) -> &'static str {
        T::FOLDER
    }

    fn bundle(&self) -> bool {
        T::BUNDLE
    }

    fn template(&self) -> &'static str {
        T::TEMPLATE
    }

    fn keys(&self) -> &'static [&'static str] {
        crate::yaml::fields_of::<T::FrontMatter>()
    }

    fn check(&self, input: CheckInput<'_>) -> Checked<Kind> {
        let fm = match input.origin.parse_kind_keys::<T::FrontMatter>() {
            Ok(fm) => fm,
            Err(d) => return (None, vec![d]),
        };
        let (data, problems) = T::validate(fm, input);
        (data.map(|d| Arc::new(d) as Kind), problems)
    }

    fn scaffold(&self, today: NaiveDate) -> String {
        T::scaffold(today)
    }

    fn schema(&self) -> serde_json::Value {
        schemars::schema_for!(T::FrontMatter).to_value()
    }
}

/// Every kind, in the order `folio new --help` and error messages list them.
pub const KINDS: [&dyn KindSpec; 8] = [
    &super::page::Spec,
    &super::job::Spec,
    &super::swot::Spec,
    &super::campaign::Spec,
    &super::case_study::Spec,
    &super::calendar::Spec,
    &super::showcase::Spec,
    &super::resume::Spec,
];

/// The kind named `name`.
pub(crate) fn find(name: &str) -> Option<&'static dyn KindSpec> {
    KINDS.iter().copied().find(|k| k.name() == name)
}

/// The names of every kind.
pub(crate) fn names() -> impl Iterator<Item = &'static str> {
    KINDS.iter().map(|k| k.name())
}

/// The kinds that have a key of this name.
pub(crate) fn owners(key: &str) -> Vec<&'static str> {
    KINDS
        .iter()
        .filter(|k| k.keys().contains(&key))
        .map(|k| k.name())
        .collect()
}

/// Checks a page's front matter for the kind named `kind`: first its keys (each must
/// be common, a taxonomy of the site or a key of the kind), then the kind's values.
pub(crate) fn classify(kind: &str, input: CheckInput<'_>) -> Checked<Kind> {
    let origin = input.origin;
    let Some(spec) = find(kind) else {
        let all: Vec<&str> = names().collect();
        let d = origin.error(&["kind"], format!("unknown kind `{kind}`"));
        let d = match nearest(kind, all.iter().copied()) {
            Some(s) => d.with_help(format!("did you mean `{s}`?")),
            None => d.with_help(format!("expected one of {}", all.join(", "))),
        };
        return (None, vec![d]);
    };
    let problems: Vec<Diagnostic> = input
        .meta
        .rest
        .keys()
        .filter(|key| !spec.keys().contains(&key.as_str()))
        .map(|key| unknown_key(spec, key, input))
        .collect();
    if !problems.is_empty() {
        return (None, problems);
    }
    spec.check(input)
}

/// The error for a key that is not common, not a taxonomy and not the kind's: another
/// kind's key says which kind owns it; else the nearest known key is suggested.
fn unknown_key(spec: &dyn KindSpec, key: &str, input: CheckInput<'_>) -> Diagnostic {
    let kind = spec.name();
    let owners = owners(key);
    if let Some(first) = owners.first() {
        return input
            .origin
            .key_error(
                key,
                format!(
                    "`{key}` is a key of kind {}, not of kind {kind}",
                    owners.join(" and ")
                ),
            )
            .with_help(format!(
                "set `kind: {first}` or move the value under `extra`"
            ));
    }
    let common = crate::content::meta::common_keys();
    let known = common
        .iter()
        .chain(spec.keys())
        .copied()
        .chain(input.taxonomies.iter().map(String::as_str));
    let d = input.origin.key_error(
        key,
        format!("unknown field `{key}`: not a key of kind {kind}"),
    );
    if crate::config::KNOWN_TAXONOMIES.contains(&key) {
        return d.with_help(format!(
            "`{key}` is not a taxonomy of this site: add it to `taxonomies:` in site.yaml"
        ));
    }
    match nearest(key, known) {
        Some(s) => d.with_help(format!("did you mean `{s}`?")),
        None => d.with_help("free-form data goes under `extra`"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_own_name_template_and_keys() {
        let mut names: Vec<&str> = names().collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), KINDS.len(), "two kinds share a name");
        for kind in KINDS {
            assert_eq!(kind.template(), format!("{}.html", kind.name()));
            for key in kind.keys() {
                assert!(
                    !crate::content::meta::common_keys().contains(key),
                    "{}: `{key}` is also a common key",
                    kind.name()
                );
            }
        }
        assert!(find("page").is_some_and(|k| k.keys().is_empty()));
        assert_eq!(owners("client"), ["campaign", "case_study"]);
        assert_eq!(owners("period"), ["case_study", "calendar"]);
        assert_eq!(owners("salary"), ["job"]);
    }
}
