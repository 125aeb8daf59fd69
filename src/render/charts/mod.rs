//! Render stage: build-time inline SVG charts — a KPI target/actual bar chart and a
//! campaign timeline. No JavaScript; every colour comes from the theme's stylesheet
//! through CSS classes (`.chart-*`, `.timeline-*`), text and axes use `currentColor`,
//! so the charts follow light mode, dark mode and print.
//!
//! The SVG is embedded in pages with `| safe`, so every piece of caller text goes
//! through [`escape`](svg::escape), and ids are reduced to a safe token.
//!
//! Right-to-left: the root `<svg>` always carries an explicit `direction`
//! (`ltr` or `rtl`) so the result does not depend on what the page around it
//! inherits. In RTL the horizontal layout is mirrored (labels on the right, bars
//! growing leftwards); text anchors stay *logical* (`start` is the left edge of the
//! text in LTR and its right edge in RTL), so the same anchor lands on the
//! mirrored side. Caller text and values are wrapped in Unicode first-strong
//! isolates so mixed-direction text keeps its own order (see
//! [`isolate`](svg::isolate)).
//!
//! Geometry is in user units of the `viewBox`; the SVG has `width="100%"` and no
//! height, so it scales with its container and keeps its aspect ratio. Text widths
//! are estimated from the character count ([`CHAR_W`](svg::CHAR_W)), which is
//! enough to reserve room for the text column and keep text clear of the bars.
//!
//! Every word, number, month and date in a chart comes from the caller's
//! [`ChartText`] (the page's locale layer), so this module knows no language and
//! no template.
//!
//! Each chart is drawn in two layouts ([`Width`]): a wide one (labels, bars and
//! values side by side) and a narrow one (each row stacked: name, bars, values),
//! both with 12-unit text; the stylesheet shows the one whose `viewBox` fits the
//! column, so text never renders smaller than 12 CSS px.
//!
//! Layout of this module: `kpi` draws the KPI chart, `timeline` the campaign
//! timeline, `calendar_days` the day and month arithmetic the timeline needs
//! (chrono), and `svg` the geometry and markup helpers both charts share.

use chrono::NaiveDate;

mod calendar_days;
mod kpi;
mod svg;
mod timeline;

pub(crate) use kpi::{is_met, kpi_chart, percent_of_target};
pub(crate) use timeline::timeline;

/// Which layout to draw: the wide one for a column at least [`Width::Wide`]'s
/// `viewBox` wide, the narrow one for phones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Width {
    Wide,
    Narrow,
}

impl Width {
    /// The class the root `<svg>` carries, for the stylesheet to pick a layout.
    fn class(self) -> &'static str {
        match self {
            Width::Wide => "chart-wide",
            Width::Narrow => "chart-narrow",
        }
    }
}

/// What every chart is drawn with: ids, its accessible name, direction, layout
/// and the page's language.
pub(crate) struct Chart<'a> {
    /// Prefix of the ids of its `<title>` and `<desc>`.
    pub id_prefix: &'a str,
    /// The accessible name, in the page's language.
    pub title: &'a str,
    pub rtl: bool,
    pub width: Width,
    pub text: &'a dyn ChartText,
}

/// A chart in both its layouts, one after the other (the stylesheet shows the one that
/// fits the column): `draw` is called with the wide, then the narrow spec, whose ids
/// are `id` and `id-narrow`. `None` when it draws nothing.
pub(crate) fn both_layouts(
    id: &str,
    title: &str,
    rtl: bool,
    text: &dyn ChartText,
    draw: impl Fn(&Chart<'_>) -> Option<String>,
) -> Option<String> {
    let narrow = format!("{id}-narrow");
    let layouts = [(id, Width::Wide), (narrow.as_str(), Width::Narrow)];
    let svgs: Option<Vec<String>> = layouts
        .into_iter()
        .map(|(id_prefix, width)| {
            draw(&Chart {
                id_prefix,
                title,
                rtl,
                width,
                text,
            })
        })
        .collect();
    svgs.map(|s| s.concat())
}

/// The page's language for a chart: values and words formatted by the caller.
pub(crate) trait ChartText {
    /// A whole percentage: `83 %` (uk), `83%` (en).
    fn percent(&self, n: i64) -> String;
    /// A value with its unit (money for a currency code).
    fn with_unit(&self, n: f64, unit: Option<&str>) -> String;
    /// A day: `22 листопада 2026 р.`.
    fn date(&self, date: NaiveDate) -> String;
    /// A month of a year, short: `бер. 2026 р.`, `Mar 2026`.
    fn month(&self, year: i32, month: u32) -> String;
    /// The UI string `key` with each `{name}` replaced by its value.
    fn text(&self, key: &str, args: &[(&str, &str)]) -> String;
}

/// Whether a bigger actual value is better: the kinds' own enum.
pub(crate) use crate::kinds::values::Better;

/// One KPI row: a target and (once measured) an actual value.
#[derive(Debug, Clone)]
pub(crate) struct KpiBar {
    pub name: String,
    pub target: f64,
    pub actual: Option<f64>,
    pub unit: Option<String>,
    pub better: Better,
}

/// One campaign on the timeline. `status` is `planned`, `running` or
/// `completed` (a class name); `status_label` is it in the page's language.
#[derive(Debug, Clone)]
pub(crate) struct TimelineItem {
    pub label: String,
    pub url: String,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
    pub status: String,
    pub status_label: String,
}

/// Sample data, an SVG tag and attribute reader, and well-formedness checks shared
/// by the tests of every chart.
#[cfg(test)]
mod test_support {
    use std::sync::LazyLock;

    use chrono::NaiveDate;

    use super::{Better, Chart, KpiBar, TimelineItem, Width};
    use crate::render::format::Format;
    use crate::render::locale::Localizer;
    use crate::render::strings::Strings;

    /// The locale layer the pages use, in `lang`.
    pub(super) fn format(lang: &'static str) -> Format<'static> {
        static LOCALE: LazyLock<Localizer> = LazyLock::new(Localizer::default);
        static STRINGS: LazyLock<Strings> = LazyLock::new(Strings::shipped);
        Format {
            locale: &LOCALE,
            strings: &STRINGS,
            lang,
        }
    }

    /// A wide English chart, the tests' usual one.
    pub(super) fn chart(id_prefix: &'static str, title: &'static str, rtl: bool) -> Chart<'static> {
        in_lang("en", id_prefix, title, rtl, Width::Wide)
    }

    pub(super) fn in_lang(
        lang: &'static str,
        id_prefix: &'static str,
        title: &'static str,
        rtl: bool,
        width: Width,
    ) -> Chart<'static> {
        Chart {
            id_prefix,
            title,
            rtl,
            width,
            text: Box::leak(Box::new(format(lang))),
        }
    }

    /// Everything a reader sees or hears of an SVG: the text between its tags.
    pub(super) fn words_of(svg: &str) -> String {
        svg.split('<')
            .filter_map(|part| part.split_once('>').map(|(_, text)| text.trim()))
            .filter(|text| !text.is_empty())
            .collect::<Vec<_>>()
            .join(" | ")
    }

    pub(super) fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
    }

    pub(super) fn kpi(name: &str, target: f64, actual: Option<f64>, better: Better) -> KpiBar {
        KpiBar {
            name: name.to_string(),
            target,
            actual,
            unit: None,
            better,
        }
    }

    pub(super) fn item(
        label: &str,
        (sy, sm, sd): (i32, u32, u32),
        end: Option<(i32, u32, u32)>,
        status: &str,
    ) -> TimelineItem {
        TimelineItem {
            label: label.to_string(),
            url: format!("/campaigns/{}/", label.to_lowercase()),
            start: ymd(sy, sm, sd),
            end: end.map(|(y, m, d)| ymd(y, m, d)),
            status: status.to_string(),
            status_label: status.to_string(),
        }
    }

    pub(super) fn sample_kpis() -> Vec<KpiBar> {
        vec![
            KpiBar {
                unit: Some("EUR".into()),
                ..kpi("Revenue", 15_000.0, Some(12_400.0), Better::Higher)
            },
            KpiBar {
                unit: Some("%".into()),
                ..kpi("Churn", 3.0, Some(3.2), Better::Lower)
            },
            kpi("Signups", 100.0, None, Better::Higher),
        ]
    }

    pub(super) fn sample_timeline() -> Vec<TimelineItem> {
        vec![
            item("Early", (2026, 1, 5), Some((2026, 2, 20)), "completed"),
            item("Later", (2026, 3, 10), Some((2026, 5, 31)), "planned"),
            item("Open", (2026, 2, 1), None, "running"),
        ]
    }

    /// Every start tag `<name ...>` (or self-closing), in document order.
    pub(super) fn tags<'a>(svg: &'a str, name: &str) -> Vec<&'a str> {
        let open = format!("<{name}");
        let mut found = Vec::new();
        let mut rest = svg;
        while let Some(at) = rest.find(&open) {
            let after = &rest[at + open.len()..];
            let boundary = after.chars().next();
            let end = after.find('>').expect("unclosed tag");
            if matches!(boundary, Some(' ' | '>' | '/')) {
                found.push(&rest[at..at + open.len() + end + 1]);
            }
            rest = &after[end..];
        }
        found
    }

    pub(super) fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
        let key = format!(" {name}=\"");
        let at = tag.find(&key)? + key.len();
        let len = tag[at..].find('"')?;
        Some(&tag[at..at + len])
    }

    pub(super) fn num_attr(tag: &str, name: &str) -> f64 {
        attr(tag, name)
            .unwrap_or_else(|| panic!("no {name} in {tag}"))
            .parse()
            .unwrap()
    }

    /// Well-formedness: tags nest and balance, attribute values are quoted,
    /// `&` only starts a known entity, no raw `<` or `>` in text.
    pub(super) fn assert_well_formed(svg: &str) {
        let mut stack: Vec<String> = Vec::new();
        let mut rest = svg;
        let mut roots = 0;
        loop {
            let Some(lt) = rest.find('<') else {
                check_text(rest);
                break;
            };
            check_text(&rest[..lt]);
            let gt = rest[lt..].find('>').expect("unterminated tag") + lt;
            let tag = &rest[lt + 1..gt];
            assert!(!tag.contains('<'), "`<` inside tag: {tag}");
            if let Some(name) = tag.strip_prefix('/') {
                let open = stack.pop().unwrap_or_else(|| panic!("stray </{name}>"));
                assert_eq!(open, name, "mismatched close tag");
            } else {
                let self_closing = tag.ends_with('/');
                let body = tag.trim_end_matches('/');
                let name = body.split_whitespace().next().expect("empty tag");
                assert!(
                    name.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == ':'),
                    "bad tag name {name}"
                );
                check_attributes(&body[name.len()..]);
                if stack.is_empty() {
                    roots += 1;
                }
                if !self_closing {
                    stack.push(name.to_string());
                }
            }
            rest = &rest[gt + 1..];
        }
        assert!(stack.is_empty(), "unclosed: {stack:?}");
        assert_eq!(roots, 1, "exactly one root element");
    }

    fn check_attributes(mut attrs: &str) {
        loop {
            attrs = attrs.trim_start();
            if attrs.is_empty() {
                return;
            }
            let eq = attrs.find('=').expect("attribute without value");
            let name = &attrs[..eq];
            assert!(
                !name.is_empty()
                    && name
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == ':'),
                "bad attribute name {name:?}"
            );
            let value = attrs[eq + 1..]
                .strip_prefix('"')
                .expect("unquoted attribute");
            let close = value.find('"').expect("unterminated attribute");
            check_text(&value[..close]);
            attrs = &value[close + 1..];
        }
    }

    fn check_text(text: &str) {
        assert!(!text.contains('>'), "raw > in {text:?}");
        for (i, _) in text.match_indices('&') {
            let entity = &text[i..];
            assert!(
                ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
                    .iter()
                    .any(|e| entity.starts_with(e)),
                "bare & in {text:?}"
            );
        }
    }

    /// Every number in a geometry attribute has at most 2 decimals.
    pub(super) fn assert_short_numbers(svg: &str) {
        for name in [
            "x",
            "y",
            "width",
            "height",
            "x1",
            "y1",
            "x2",
            "y2",
            "font-size",
        ] {
            for element in ["rect", "line", "text", "svg"] {
                for tag in tags(svg, element) {
                    if let Some(value) = attr(tag, name).filter(|v| *v != "100%") {
                        let decimals = value.split_once('.').map_or(0, |(_, d)| d.len());
                        assert!(decimals <= 2, "{name}={value} in {tag}");
                        assert!(value.parse::<f64>().is_ok(), "{name}={value}");
                    }
                }
            }
        }
        let view_box = attr(tags(svg, "svg")[0], "viewBox").unwrap();
        for part in view_box.split(' ') {
            assert!(part.split_once('.').is_none_or(|(_, d)| d.len() <= 2));
        }
    }

    pub(super) fn assert_accessible(svg: &str, prefix: &str) {
        let root = tags(svg, "svg")[0];
        assert!(matches!(attr(root, "role"), Some("img" | "group")));
        assert_eq!(attr(root, "width"), Some("100%"));
        assert_eq!(attr(root, "height"), None, "no fixed height");
        assert_eq!(attr(root, "font-family"), Some("inherit"));
        assert!(attr(root, "viewBox").is_some());
        let title_id = format!("{prefix}-title");
        let desc_id = format!("{prefix}-desc");
        assert_eq!(attr(root, "aria-labelledby"), Some(title_id.as_str()));
        assert_eq!(attr(root, "aria-describedby"), Some(desc_id.as_str()));
        assert!(svg.contains(&format!(r#"<title id="{title_id}">"#)));
        assert!(svg.contains(&format!(r#"<desc id="{desc_id}">"#)));
    }
}
