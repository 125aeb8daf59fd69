//! `kind: page`: free Markdown (strategy documents, about pages), with only the
//! common keys.

use chrono::NaiveDate;

use super::{CheckInput, Checked, Kind, KindData, KindSpec};
use std::sync::Arc;

pub(crate) struct Spec;

/// A free page: nothing beyond the common keys.
#[derive(Debug)]
pub(crate) struct Page;

// Not a `TypedKind`: a free page has no keys of its own, so its check parses nothing
// (most pages of a large site are free pages).
impl KindSpec for Spec {
    fn name(&self) -> &'static str {
        "page"
    }

    fn folder(&self) -> &'static str {
        ""
    }

    fn template(&self) -> &'static str {
        "page.html"
    }

    fn keys(&self) -> &'static [&'static str] {
        &[]
    }

    fn check(&self, _: CheckInput<'_>) -> Checked<Kind> {
        (Some(Arc::new(Page)), Vec::new())
    }

    fn scaffold(&self, today: NaiveDate) -> String {
        let date = today.format("%Y-%m-%d");
        format!(
            "description: \"What the page is about, in one sentence.\"\ndate: {date}\ntags: []\n---\n\nWrite here.\n"
        )
    }

    fn schema(&self) -> serde_json::Value {
        serde_json::json!({"type": "object", "properties": {}})
    }
}

impl KindData for Page {
    fn spec(&self) -> &'static dyn KindSpec {
        &Spec
    }
}
