//! Render stage: what a listing shows of a page beyond its common fields — its
//! dates in the page's language, then what its kind adds (`KindData::summary`).

use serde_json::{Map, Value, json};

use super::format::Format;
use crate::site::{Page, Site};

/// Fields a listing shows of every page: its dates, displayed; then the kind's own.
pub(crate) fn summary_extra(site: &Site, page: &Page, f: Format<'_>) -> Map<String, Value> {
    let mut map = Map::new();
    map.insert(
        "date_display".into(),
        json!(page.date().map(|d| f.date(d.0.date_naive()))),
    );
    map.insert(
        "updated_display".into(),
        json!(page.meta.updated.map(|d| f.date(d.0.date_naive()))),
    );
    map.extend(page.kind.summary(site, page, f));
    map
}
