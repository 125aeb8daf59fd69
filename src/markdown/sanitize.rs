//! Render stage helper: the HTML sanitiser for `safe_html: true`. Raw HTML written by
//! others keeps its harmless markup (emphasis, tables, links, images); scripts, event
//! handler attributes, `javascript:` URLs, styles, forms and frames are removed. The
//! markup folio itself writes survives: heading ids and anchors, footnote links and
//! roles, `hl-` highlighting classes, task-list checkboxes and table alignment.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::LazyLock;

use ammonia::Builder;

/// Class names folio writes into rendered Markdown; any other class is dropped.
const CLASSES: [&str; 8] = [
    "anchor",
    "task",
    "code",
    "footnotes",
    "footnote-reference",
    "footnote-definition",
    "footnote-definition-label",
    "footnote-backref",
];

/// Class prefixes of the highlighter (`hl-…`) and of code blocks (`language-…`).
const CLASS_PREFIXES: [&str; 2] = ["hl-", "language-"];

/// ARIA roles folio writes for footnotes.
const ROLES: [&str; 3] = ["doc-noteref", "doc-endnotes", "doc-backlink"];

static SANITIZER: LazyLock<Builder<'static>> = LazyLock::new(|| {
    let mut builder = Builder::default();
    builder
        .add_tags(["section", "input", "label"])
        .add_generic_attributes(["id", "class", "dir"])
        .add_tag_attributes("a", ["aria-hidden", "aria-label", "role", "tabindex"])
        .add_tag_attributes("sup", ["role"])
        .add_tag_attributes("section", ["role"])
        .add_tag_attributes("pre", ["data-lang", "tabindex"])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        .add_tag_attributes("th", ["style"])
        .add_tag_attributes("td", ["style"])
        .filter_style_properties(HashSet::from(["text-align"]))
        .link_rel(Some("noopener noreferrer"))
        .attribute_filter(keep_attribute);
    builder
});

/// Sanitises a rendered HTML fragment.
pub(crate) fn sanitize(html: &str) -> String {
    SANITIZER.clean(html).to_string()
}

fn keep_attribute<'u>(element: &str, attribute: &str, value: &'u str) -> Option<Cow<'u, str>> {
    match (element, attribute) {
        (_, "class") => {
            let kept: Vec<&str> = value
                .split_ascii_whitespace()
                .filter(|class| {
                    CLASSES.contains(class) || CLASS_PREFIXES.iter().any(|p| class.starts_with(p))
                })
                .collect();
            (!kept.is_empty()).then(|| Cow::Owned(kept.join(" ")))
        }
        (_, "role") => ROLES.contains(&value).then_some(Cow::Borrowed(value)),
        (_, "tabindex") => matches!(value, "0" | "-1").then_some(Cow::Borrowed(value)),
        ("input", "type") => (value == "checkbox").then_some(Cow::Borrowed(value)),
        (_, "dir") => matches!(value, "ltr" | "rtl" | "auto").then_some(Cow::Borrowed(value)),
        _ => Some(Cow::Borrowed(value)),
    }
}

#[cfg(test)]
mod tests {
    use super::sanitize;

    #[test]
    fn keeps_folio_markup() {
        let ours = concat!(
            "<h2 id=\"плани\">Плани <a class=\"anchor\" href=\"#плани\" aria-hidden=\"true\">#</a></h2>",
            "<pre class=\"code\" data-lang=\"rust\"><code class=\"language-rust\"><span class=\"hl-source hl-rust\">fn</span></code></pre>",
            "<ul><li><input disabled=\"\" type=\"checkbox\" checked=\"\">done</li></ul>",
            "<sup class=\"footnote-reference\" id=\"fnref:1\"><a href=\"#fn:1\" role=\"doc-noteref\">1</a></sup>",
            "<table><thead><tr><th style=\"text-align: right\">n</th></tr></thead></table>",
        );
        let clean = sanitize(ours);
        for kept in [
            "id=\"плани\"",
            "class=\"anchor\"",
            "aria-hidden=\"true\"",
            "data-lang=\"rust\"",
            "class=\"hl-source hl-rust\"",
            "class=\"language-rust\"",
            "type=\"checkbox\"",
            "checked=\"\"",
            "role=\"doc-noteref\"",
            "href=\"#fn:1\"",
            "text-align:right",
        ] {
            assert!(clean.contains(kept), "lost {kept}: {clean}");
        }
    }

    #[test]
    fn drops_foreign_classes_roles_and_inputs() {
        let clean = sanitize(
            "<p class=\"btn hl-x\" role=\"button\">a</p><input type=\"text\" value=\"x\"><form action=\"/x\"><button>b</button></form>",
        );
        assert!(clean.contains("class=\"hl-x\""), "{clean}");
        for gone in [
            "btn",
            "role=",
            "type=\"text\"",
            "value=",
            "<form",
            "<button",
        ] {
            assert!(!clean.contains(gone), "kept {gone}: {clean}");
        }
    }
}
