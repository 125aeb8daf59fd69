//! Render stage: the SVG geometry and markup helpers both charts share — the
//! common layout constants, right-to-left mirroring, the opening `<svg>`, text and
//! label elements, text width estimates, bidi isolates, attribute numbers and
//! escaping.

use std::fmt::Write as _;

use super::Chart;

/// Width of the `viewBox` (it only grows when the text column cannot fit).
pub(super) const VIEW_W: f64 = 640.0;
/// Outer padding on every side.
pub(super) const PAD: f64 = 8.0;
/// Width of the narrow layouts' `viewBox`: at most the text column of a 360 px
/// phone, so 12-unit text renders at 12 CSS px or more there.
pub(super) const NARROW_W: f64 = 320.0;
/// Label column (KPI names, campaign labels): 35 % of [`VIEW_W`], gap included.
pub(super) const LABEL_W: f64 = 224.0;
/// Gap between a column's content and the next column.
pub(super) const GAP: f64 = 8.0;
/// Font size in user units.
pub(super) const FONT_SIZE: f64 = 12.0;
/// Estimated advance of one character at [`FONT_SIZE`] (deliberately generous).
pub(super) const CHAR_W: f64 = 7.0;
/// Names longer than this are cut with an ellipsis (the full text becomes a tooltip).
#[cfg(test)]
const LABEL_MAX_CHARS: usize = ((LABEL_W - GAP) / CHAR_W) as usize;

/// Horizontal mirroring for right-to-left pages: layout is computed left-to-right
/// and every x goes through here.
pub(super) struct Frame {
    pub(super) width: f64,
    pub(super) rtl: bool,
    /// Width of the label column, gap included (names are cut to fit it).
    pub(super) label_w: f64,
}

impl Frame {
    /// A point.
    pub(super) fn x(&self, x: f64) -> f64 {
        if self.rtl { self.width - x } else { x }
    }

    /// The left edge of a span that starts at `x` and is `w` wide.
    pub(super) fn span(&self, x: f64, w: f64) -> f64 {
        if self.rtl { self.width - x - w } else { x }
    }
}

/// The opening `<svg>` with its accessible name and description.
pub(super) fn open_svg(
    out: &mut String,
    kind: &str,
    chart: &Chart<'_>,
    description: &str,
    frame: &Frame,
    height: f64,
) {
    let id = id_token(chart.id_prefix);
    // The timeline links its bars to the campaigns: an image cannot hold links.
    let role = if kind == "timeline" { "group" } else { "img" };
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-{kind} {}" viewBox="0 0 {} {}" width="100%" role="{role}" aria-labelledby="{id}-title" aria-describedby="{id}-desc" font-family="inherit" font-size="{}" fill="currentColor" direction="{}">"#,
        chart.width.class(),
        num(frame.width),
        num(height),
        num(FONT_SIZE),
        if frame.rtl { "rtl" } else { "ltr" },
    );
    let _ = writeln!(
        out,
        r#"<title id="{id}-title">{}</title>"#,
        escape(chart.title)
    );
    let _ = writeln!(
        out,
        r#"<desc id="{id}-desc">{}</desc>"#,
        escape(description)
    );
}

/// A line of text in `currentColor`; `content` is escaped here.
pub(super) fn text(out: &mut String, x: f64, y: f64, anchor: &str, content: &str) {
    let _ = writeln!(
        out,
        r#"<text class="chart-label" fill="currentColor" x="{}" y="{}" text-anchor="{anchor}">{}</text>"#,
        num(x),
        num(y),
        escape(content),
    );
}

/// A name in the label column, cut to fit with its full text as a tooltip.
pub(super) fn label_text(out: &mut String, frame: &Frame, name: &str, baseline: f64) {
    label_text_with(out, frame, name, baseline, "");
}

/// [`label_text`] with `extra` attributes on the `<text>` element.
pub(super) fn label_text_with(
    out: &mut String,
    frame: &Frame,
    name: &str,
    baseline: f64,
    extra: &str,
) {
    let max_chars = ((frame.label_w - GAP) / CHAR_W).max(1.0) as usize;
    let shown = truncate(name, max_chars);
    let tooltip = if shown.len() == name.len() {
        String::new()
    } else {
        format!("<title>{}</title>", escape(name))
    };
    let _ = writeln!(
        out,
        r#"<text class="chart-label" fill="currentColor" x="{}" y="{}" text-anchor="start"{extra}>{tooltip}{}</text>"#,
        num(frame.x(PAD)),
        num(baseline),
        escape(&isolate(&shown)),
    );
}

/// A name in the label column on one line at `single`, or on two lines at `two`
/// when it needs them, broken between words; a name longer than two lines is cut
/// with an ellipsis, its full text a tooltip.
pub(super) fn label_wrapped(
    out: &mut String,
    frame: &Frame,
    name: &str,
    single: f64,
    two: [f64; 2],
) {
    let max_chars = ((frame.label_w - GAP) / CHAR_W).max(1.0) as usize;
    let lines = wrap(name, max_chars);
    let [first, rest @ ..] = lines.as_slice() else {
        return;
    };
    if rest.is_empty() {
        return label_text(out, frame, first, single);
    }
    let cut = lines.iter().map(|l| l.chars().count()).sum::<usize>() + lines.len() - 1
        < name
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .count();
    let tooltip = if cut {
        format!("<title>{}</title>", escape(name))
    } else {
        String::new()
    };
    let x = num(frame.x(PAD));
    let spans: String = lines
        .iter()
        .zip(two)
        .map(|(line, y)| {
            format!(
                r#"<tspan x="{x}" y="{}">{}</tspan>"#,
                num(y),
                escape(&isolate(line))
            )
        })
        .collect();
    let _ = writeln!(
        out,
        r#"<text class="chart-label" fill="currentColor" x="{x}" y="{}" text-anchor="start">{tooltip}{spans}</text>"#,
        num(two[0]),
    );
}

/// `text` on at most two lines of `max` characters, broken between words (inside a
/// word only when one word is longer than a line); the second line ends with an
/// ellipsis when the text does not fit.
fn wrap(text: &str, max: usize) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut first = String::new();
    let mut taken = 0;
    for word in &words {
        let len = first.chars().count() + usize::from(!first.is_empty()) + word.chars().count();
        if len > max {
            break;
        }
        if !first.is_empty() {
            first.push(' ');
        }
        first.push_str(word);
        taken += 1;
    }
    let rest = if first.is_empty() {
        // One word longer than a line: it is broken where the line ends.
        let all = words.join(" ");
        first = all.chars().take(max).collect();
        all.chars().skip(max).collect::<String>()
    } else {
        words[taken..].join(" ")
    };
    if rest.is_empty() {
        return vec![first];
    }
    vec![first, truncate(&rest, max)]
}

/// At most `max` characters, the last one an ellipsis when cut.
fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
        cut.truncate(cut.trim_end().len());
        cut.push('…');
        cut
    }
}

/// Estimated rendered width of a line of text (bidi isolates take no room).
pub(super) fn text_width(text: &str) -> f64 {
    text.chars().filter(|c| !BIDI_ISOLATES.contains(c)).count() as f64 * CHAR_W
}

/// First-strong isolate (FSI) and pop-directional-isolate (PDI), plus LRI and RLI.
const BIDI_ISOLATES: [char; 4] = ['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}'];

/// Wraps caller text (a name, a value with its unit) in a first-strong isolate, so
/// it takes its direction from its own first strong character instead of the
/// chart's: an English name or "12,400 EUR" stays intact in an RTL chart, a Hebrew
/// name in an LTR one, and the pieces of "actual / target" keep their order.
pub(super) fn isolate(text: &str) -> String {
    format!("\u{2068}{text}\u{2069}")
}

/// `id_prefix` reduced to an id token: ASCII letters, digits, `-` and `_`, other
/// characters replaced by `-` (ids go into the space-separated `aria-*` lists).
fn id_token(prefix: &str) -> String {
    let token: String = prefix
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    if token.is_empty() {
        "chart".to_string()
    } else {
        token
    }
}

/// A number for an attribute: at most 2 decimals, trailing zeros trimmed.
pub(super) fn num(value: f64) -> String {
    let value = if value.is_finite() { value } else { 0.0 };
    let fixed = format!("{value:.2}");
    let trimmed = fixed.trim_end_matches('0').trim_end_matches('.');
    if trimmed == "-0" {
        "0".to_string()
    } else {
        trimmed.to_string()
    }
}

/// XML-escapes text for element content and attribute values. Control
/// characters XML does not allow are dropped.
pub(super) fn escape(text: &str) -> String {
    let allowed: String = text
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'))
        .collect();
    crate::markdown::escape_html(&allowed)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{assert_short_numbers, chart, kpi, sample_timeline, ymd};
    use super::super::{Better, kpi_chart, timeline};
    use super::*;

    #[test]
    fn attribute_numbers_have_at_most_two_decimals() {
        assert_eq!(num(1.0 / 3.0), "0.33");
        assert_eq!(num(2.0), "2");
        assert_eq!(num(2.5), "2.5");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(f64::INFINITY), "0");
        let kpis = vec![
            kpi("Thirds", 3.0, Some(1.0), Better::Higher),
            kpi("Sevenths", 7.0, Some(3.0), Better::Higher),
        ];
        assert_short_numbers(&kpi_chart(&kpis, &chart("k", "K", false)).unwrap());
        assert_short_numbers(&kpi_chart(&kpis, &chart("k", "K", true)).unwrap());
        let items = sample_timeline();
        assert_short_numbers(&timeline(&items, ymd(2026, 2, 17), &chart("t", "T", false)).unwrap());
        assert_short_numbers(&timeline(&items, ymd(2026, 2, 17), &chart("t", "T", true)).unwrap());
    }

    #[test]
    fn escapes_all_markup_characters() {
        assert_eq!(
            escape(r#"<a href="x">Tom & Jerry's</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;"
        );
        assert_eq!(escape("bell\u{7}tab\t"), "belltab\t");
        assert_eq!(text_width(&isolate("abc")), 3.0 * CHAR_W);
    }

    #[test]
    fn id_prefix_becomes_a_safe_token() {
        assert_eq!(id_token("kpi-q1_2026"), "kpi-q1_2026");
        assert_eq!(id_token(r#"a b"><x"#), "a-b---x");
        assert_eq!(id_token(""), "chart");
    }

    #[test]
    fn long_labels_take_two_lines_between_words() {
        assert_eq!(wrap("Email sign-ups", 30), vec!["Email sign-ups"]);
        assert_eq!(
            wrap("Середній час перегляду в TikTok", 20),
            vec!["Середній час", "перегляду в TikTok"]
        );
        assert_eq!(
            wrap("one two three four five six seven", 9),
            vec!["one two", "three fo…"]
        );
        assert_eq!(
            wrap("Donaudampfschifffahrt", 8),
            vec!["Donaudam", "pfschif…"]
        );
        let svg = kpi_chart(
            &[kpi(
                "First kiln drop sold within 48 hours of the launch",
                1.0,
                Some(1.0),
                Better::Higher,
            )],
            &chart("k", "K", false),
        )
        .unwrap();
        assert!(
            svg.contains("First kiln drop sold within 48\u{2069}</tspan>"),
            "{svg}"
        );
        assert!(svg.contains(">\u{2068}hours of the launch\u{2069}</tspan>"));
        assert!(
            !svg.contains("<title>First kiln"),
            "nothing cut, no tooltip"
        );
    }

    #[test]
    fn long_labels_are_cut_with_a_tooltip() {
        let long = "A very long key performance indicator name indeed";
        let svg = timeline(
            &[super::super::test_support::item(
                long,
                (2026, 1, 5),
                Some((2026, 2, 20)),
                "completed",
            )],
            ymd(2026, 2, 17),
            &chart("t", "T", false),
        )
        .unwrap();
        let shown = truncate(long, LABEL_MAX_CHARS);
        assert!(shown.ends_with('…'));
        assert!(shown.chars().count() <= LABEL_MAX_CHARS);
        assert!(svg.contains(&format!("<title>{long}</title>{}</text>", isolate(&shown))));
        let longer = format!("{long}, and then some more words than two lines hold");
        let svg = kpi_chart(
            &[kpi(&longer, 1.0, Some(1.0), Better::Higher)],
            &chart("k", "K", false),
        )
        .unwrap();
        assert!(svg.contains(&format!("<title>{longer}</title><tspan")));
        assert_eq!(truncate("short", 10), "short");
    }
}
