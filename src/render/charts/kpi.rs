//! Render stage: the KPI chart — per KPI a thin target bar and a thick actual
//! bar on the row's own scale, with "actual / target" and "NN% of target · met"
//! beside them (wide) or below them (narrow); also the target arithmetic KPI
//! pages show as text.

use std::fmt::Write as _;

use super::svg::{
    Frame, GAP, LABEL_W, NARROW_W, PAD, VIEW_W, escape, isolate, label_text, label_wrapped, num,
    open_svg, text, text_width,
};
use super::{Better, Chart, ChartText, KpiBar, Width};

/// Height of the heading line above the rows of the wide layout (the legend is the
/// figure's caption, in HTML), and the baseline of its text.
const HEADING_H: f64 = 20.0;
const HEADING_BASELINE: f64 = 12.0;
/// Heights of the thin target bar and of the thick actual bar.
const TARGET_H: f64 = 4.0;
const ACTUAL_H: f64 = 12.0;
/// The bar area never shrinks below this, the chart widens instead.
const MIN_BAR_W: f64 = 160.0;

/// Where things go in one KPI row, as offsets from the row top.
struct RowGeometry {
    height: f64,
    name_baseline: f64,
    target_y: f64,
    actual_y: f64,
    line1_baseline: f64,
    line2_baseline: f64,
}

/// Wide: name, bars and two text lines side by side.
const WIDE_ROW: RowGeometry = RowGeometry {
    height: 32.0,
    name_baseline: 19.0,
    target_y: 6.0,
    actual_y: 12.0,
    line1_baseline: 13.0,
    line2_baseline: 27.0,
};

/// Narrow: the name, then the bars across the whole width, then two text lines.
const NARROW_ROW: RowGeometry = RowGeometry {
    height: 78.0,
    name_baseline: 13.0,
    target_y: 20.0,
    actual_y: 26.0,
    line1_baseline: 52.0,
    line2_baseline: 67.0,
};

/// Rounded `actual` as a percentage of `target`; `None` when the target is zero
/// (or either value is not a finite number).
pub(crate) fn percent_of_target(target: f64, actual: f64) -> Option<i64> {
    if target == 0.0 || !target.is_finite() || !actual.is_finite() {
        return None;
    }
    let percent = (actual / target * 100.0).round();
    percent.is_finite().then_some(percent as i64)
}

/// Whether `actual` meets `target`: at or above it when higher is better, at or
/// below it when lower is better.
pub(crate) fn is_met(target: f64, actual: f64, better: Better) -> bool {
    match better {
        Better::Higher => actual >= target,
        Better::Lower => actual <= target,
    }
}

/// Horizontal grouped bar chart: per KPI a thin "target" bar and a thick "actual"
/// bar, both scaled to that KPI's own `max(target, actual)` (KPIs have different
/// units, so each row has its own scale and the bars show shares of the row width).
/// The label column holds the KPI name; the text column after the bars (below
/// them when narrow) holds "actual / target" with units and "NN% of target · met".
/// The actual bar has class `chart-actual` plus `chart-met` or `chart-missed`. A
/// KPI without an actual value shows only its target bar and "no result yet".
/// Negative values draw as empty bars (the text still shows them). Every word and
/// value comes from `chart.text`.
///
/// Returns `None` when `kpis` is empty.
pub(crate) fn kpi_chart(kpis: &[KpiBar], chart: &Chart<'_>) -> Option<String> {
    if kpis.is_empty() {
        return None;
    }
    let t = chart.text;
    let rows: Vec<KpiRow> = kpis.iter().map(|k| KpiRow::new(k, t)).collect();
    let heading = t.text("chart_values_heading", &[]);
    let layout = KpiLayout::new(&rows, &heading, chart);

    let description = rows
        .iter()
        .map(|r| r.sentence.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = String::new();
    open_svg(
        &mut out,
        "kpi",
        chart,
        &description,
        &layout.frame,
        layout.height,
    );
    if !layout.narrow {
        text(
            &mut out,
            layout.frame.x(layout.text_x),
            PAD + HEADING_BASELINE,
            "start",
            &heading,
        );
        write_axis(&mut out, &layout);
    }
    for (i, row) in rows.iter().enumerate() {
        let top = layout.rows_top + i as f64 * layout.row.height;
        write_row(&mut out, &layout, row, top, t);
    }
    out.push_str("</svg>\n");
    Some(out)
}

/// Where the columns and rows of a KPI chart go. Wide columns, left to right:
/// padding, labels, bars, gap, text, padding; the text column is as wide as its
/// longest line, and the bar area takes the rest of [`VIEW_W`] but never less
/// than [`MIN_BAR_W`]. Narrow: every part of a row spans [`NARROW_W`], one
/// under the other.
struct KpiLayout {
    frame: Frame,
    narrow: bool,
    row: &'static RowGeometry,
    /// Left edge and width of the bar area.
    bar_x: f64,
    bar_w: f64,
    /// Left edge of the text column.
    text_x: f64,
    /// Top of the first row and bottom of the last.
    rows_top: f64,
    rows_bottom: f64,
    /// Height of the `viewBox`.
    height: f64,
}

impl KpiLayout {
    fn new(rows: &[KpiRow], heading: &str, chart: &Chart<'_>) -> KpiLayout {
        let narrow = chart.width == Width::Narrow;
        let text_w = rows
            .iter()
            .flat_map(|r| [text_width(&r.values), text_width(&r.status)])
            .fold(if narrow { 0.0 } else { text_width(heading) }, f64::max);
        let row = if narrow { &NARROW_ROW } else { &WIDE_ROW };
        let rows_top = if narrow { PAD } else { PAD + HEADING_H };
        let rows_bottom = rows_top + rows.len() as f64 * row.height;
        let (width, label_w, bar_x, bar_w, text_x) = if narrow {
            let width = NARROW_W.max(2.0 * PAD + text_w);
            let inner = width - 2.0 * PAD;
            (width, inner + GAP, PAD, inner, PAD)
        } else {
            let bar_w = (VIEW_W - 2.0 * PAD - LABEL_W - GAP - text_w).max(MIN_BAR_W);
            let width = 2.0 * PAD + LABEL_W + bar_w + GAP + text_w;
            let bar_x = PAD + LABEL_W;
            (width, LABEL_W, bar_x, bar_w, bar_x + bar_w + GAP)
        };
        KpiLayout {
            frame: Frame {
                width,
                rtl: chart.rtl,
                label_w,
            },
            narrow,
            row,
            bar_x,
            bar_w,
            text_x,
            rows_top,
            rows_bottom,
            height: rows_bottom + PAD,
        }
    }
}

/// The common baseline the bars grow from.
fn write_axis(out: &mut String, layout: &KpiLayout) {
    let _ = writeln!(
        out,
        r#"<line class="chart-axis" stroke="currentColor" x1="{x}" y1="{}" x2="{x}" y2="{}"/>"#,
        num(layout.rows_top),
        num(layout.rows_bottom),
        x = num(layout.frame.x(layout.bar_x)),
    );
}

/// One KPI row starting at `top`: the name, the target bar, the actual bar (once
/// there is a result) and the two lines of the text column.
fn write_row(out: &mut String, layout: &KpiLayout, row: &KpiRow, top: f64, t: &dyn ChartText) {
    let (frame, geometry) = (&layout.frame, layout.row);
    out.push_str("<g class=\"chart-row\">\n");
    if layout.narrow {
        label_text(out, frame, &row.name, top + geometry.name_baseline);
    } else {
        let two = [top + geometry.line1_baseline, top + geometry.line2_baseline];
        label_wrapped(out, frame, &row.name, top + geometry.name_baseline, two);
    }

    let target_w = layout.bar_w * row.target_share;
    let _ = writeln!(
        out,
        r#"<rect class="chart-target" x="{}" y="{}" width="{}" height="{}"><title>{}</title></rect>"#,
        num(frame.span(layout.bar_x, target_w)),
        num(top + geometry.target_y),
        num(target_w),
        num(TARGET_H),
        escape(&t.text("chart_target_value", &[("value", &row.target_text)])),
    );
    if let (Some(share), Some(met)) = (row.actual_share, row.met) {
        let actual_w = layout.bar_w * share;
        let _ = writeln!(
            out,
            r#"<rect class="chart-actual {}" x="{}" y="{}" width="{}" height="{}"><title>{}</title></rect>"#,
            if met { "chart-met" } else { "chart-missed" },
            num(frame.span(layout.bar_x, actual_w)),
            num(top + geometry.actual_y),
            num(actual_w),
            num(ACTUAL_H),
            escape(&t.text("chart_actual_value", &[("value", &row.actual_text)])),
        );
    }
    for (line, baseline) in [
        (&row.values, geometry.line1_baseline),
        (&row.status, geometry.line2_baseline),
    ] {
        text(out, frame.x(layout.text_x), top + baseline, "start", line);
    }
    out.push_str("</g>\n");
}

/// Everything one KPI row draws, computed up front so the column widths can be
/// measured before drawing.
struct KpiRow {
    name: String,
    target_text: String,
    actual_text: String,
    /// Share of the bar area: target and actual, each in `0..=1`.
    target_share: f64,
    actual_share: Option<f64>,
    /// `None` while there is no result.
    met: Option<bool>,
    /// First text-column line: "actual / target".
    values: String,
    /// Second text-column line: "NN% of target · met" or "no result yet".
    status: String,
    /// The row as a sentence, for the chart's `<desc>`.
    sentence: String,
}

impl KpiRow {
    fn new(kpi: &KpiBar, t: &dyn ChartText) -> KpiRow {
        let unit = kpi.unit.as_deref().map(str::trim).filter(|u| !u.is_empty());
        let actual = kpi.actual.filter(|a| a.is_finite());
        let target_text = t.with_unit(kpi.target, unit);
        let actual_text = actual.map_or_else(|| "—".to_string(), |a| t.with_unit(a, unit));

        let length = |v: f64| if v.is_finite() { v.max(0.0) } else { 0.0 };
        let scale = length(kpi.target).max(actual.map_or(0.0, length));
        let share = |v: f64| if scale > 0.0 { length(v) / scale } else { 0.0 };

        let met = actual.map(|a| is_met(kpi.target, a, kpi.better));
        let status = status_line(kpi, actual, met, t);
        let sentence = match actual {
            Some(_) => t.text(
                "chart_kpi_sentence",
                &[
                    ("name", &kpi.name),
                    ("actual", &actual_text),
                    ("target", &target_text),
                    ("status", &status),
                ],
            ),
            None => t.text(
                "chart_kpi_sentence_pending",
                &[
                    ("name", &kpi.name),
                    ("target", &target_text),
                    ("status", &status),
                ],
            ),
        };
        KpiRow {
            name: kpi.name.clone(),
            values: format!("{} / {}", isolate(&actual_text), isolate(&target_text)),
            target_share: share(kpi.target),
            actual_share: actual.map(share),
            target_text,
            actual_text,
            met,
            status,
            sentence,
        }
    }
}

/// "83% of target · missed", "met" without a target, "no result yet".
fn status_line(kpi: &KpiBar, actual: Option<f64>, met: Option<bool>, t: &dyn ChartText) -> String {
    let (Some(a), Some(met)) = (actual, met) else {
        return t.text("chart_no_result", &[]);
    };
    let word = t.text(if met { "chart_met" } else { "chart_missed" }, &[]);
    match percent_of_target(kpi.target, a) {
        Some(p) => {
            let percent = isolate(&t.percent(p));
            let share = t.text("chart_of_target", &[("percent", &percent)]);
            format!("{share} · {word}")
        }
        None => word,
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{
        assert_accessible, assert_well_formed, attr, chart, in_lang, kpi, num_attr, sample_kpis,
        tags, words_of,
    };
    use super::*;

    /// `NN% of target · word` as the chart writes it (the percentage isolated).
    fn status(percent: &str, word: &str) -> String {
        format!(">\u{2068}{percent}\u{2069} of target · {word}</text>")
    }

    #[test]
    fn a_ukrainian_chart_speaks_ukrainian() {
        for width in [Width::Wide, Width::Narrow] {
            let svg = kpi_chart(
                &sample_kpis(),
                &in_lang("uk", "k", "Ключові показники", false, width),
            )
            .unwrap();
            assert_well_formed(&svg);
            for ukrainian in [
                "ціль",
                "факт",
                "від цілі",
                "не досягнуто",
                "результату ще немає",
            ] {
                assert!(svg.contains(ukrainian), "{ukrainian} in {width:?}");
            }
            // Numbers as the tables write them: "12 400,00 €", "3,2 %", "15 000".
            assert!(svg.contains("12\u{a0}400,00"), "{svg}");
            assert!(svg.contains("3,2\u{a0}%"), "{svg}");
            assert!(svg.contains("83\u{a0}%"), "{svg}");
            let words = words_of(&svg);
            for english in ["target", "actual", "met", "missed", "no result", "12,400"] {
                assert!(!words.contains(english), "{english} in {width:?}: {words}");
            }
        }
    }

    #[test]
    fn the_narrow_layout_keeps_text_at_full_size_on_a_phone() {
        let svg = kpi_chart(
            &sample_kpis(),
            &in_lang("uk", "k", "K", false, Width::Narrow),
        )
        .unwrap();
        let root = tags(&svg, "svg")[0];
        assert_eq!(attr(root, "class"), Some("chart chart-kpi chart-narrow"));
        let view_w: f64 = attr(root, "viewBox")
            .unwrap()
            .split(' ')
            .nth(2)
            .unwrap()
            .parse()
            .unwrap();
        // A 360 px phone's text column is 328 px: the 12-unit text scales up, not down.
        assert_eq!(view_w, NARROW_W);
        assert!(svg.contains(r#"font-size="12""#));
        // Names, bars and values are stacked: the values start at the left padding.
        let values = tags(&svg, "text")
            .into_iter()
            .find(|t| num_attr(t, "y") > PAD + NARROW_ROW.actual_y)
            .unwrap();
        assert_eq!(num_attr(values, "x"), PAD);
    }

    #[test]
    fn kpi_chart_is_none_without_kpis() {
        assert!(kpi_chart(&[], &chart("k", "KPIs", false)).is_none());
    }

    #[test]
    fn kpi_chart_is_well_formed_and_accessible() {
        for rtl in [false, true] {
            let svg = kpi_chart(&sample_kpis(), &chart("kpis-2026", "KPIs 2026", rtl)).unwrap();
            assert_well_formed(&svg);
            assert_accessible(&svg, "kpis-2026");
            let narrow = in_lang("en", "kpis-2026", "KPIs 2026", rtl, Width::Narrow);
            let svg = kpi_chart(&sample_kpis(), &narrow).unwrap();
            assert_well_formed(&svg);
            assert_accessible(&svg, "kpis-2026");
            assert!(svg.contains(r#"font-size="12""#));
        }
    }

    #[test]
    fn kpi_chart_escapes_hostile_text() {
        let hostile = KpiBar {
            unit: Some("<b>&</b>".into()),
            ..kpi(
                "</svg><script>alert('x')</script>",
                1.0,
                Some(2.0),
                Better::Higher,
            )
        };
        let svg = kpi_chart(
            &[hostile],
            &chart(r#"x"><script>"#, "Title </title><script>", false),
        )
        .unwrap();
        assert_well_formed(&svg);
        assert!(!svg.contains("<script"));
        assert!(!svg.contains("</svg><"));
        assert!(!svg.contains("<b>"));
        assert!(svg.contains("&lt;/svg&gt;&lt;script&gt;alert(&#39;x&#39;)"));
        assert!(svg.contains("Title &lt;/title&gt;&lt;script&gt;"));
        assert!(svg.contains("2\u{a0}&lt;b&gt;&amp;&lt;/b&gt;"));
        assert_eq!(svg.matches("</svg>").count(), 1);
    }

    #[test]
    fn met_and_missed_for_higher_and_lower() {
        assert!(is_met(100.0, 100.0, Better::Higher));
        assert!(is_met(100.0, 120.0, Better::Higher));
        assert!(!is_met(100.0, 99.9, Better::Higher));
        assert!(is_met(3.0, 3.0, Better::Lower));
        assert!(is_met(3.0, 2.5, Better::Lower));
        assert!(!is_met(3.0, 3.2, Better::Lower));

        let kpis = vec![
            kpi("Higher met", 10.0, Some(12.0), Better::Higher),
            kpi("Higher missed", 10.0, Some(8.0), Better::Higher),
            kpi("Lower met", 10.0, Some(8.0), Better::Lower),
            kpi("Lower missed", 10.0, Some(12.0), Better::Lower),
        ];
        let svg = kpi_chart(&kpis, &chart("k", "K", false)).unwrap();
        let classes: Vec<&str> = tags(&svg, "rect")
            .into_iter()
            .filter_map(|t| attr(t, "class"))
            .filter(|c| c.starts_with("chart-actual "))
            .collect();
        assert_eq!(
            classes,
            [
                "chart-actual chart-met",
                "chart-actual chart-missed",
                "chart-actual chart-met",
                "chart-actual chart-missed",
            ]
        );
        assert!(svg.contains(&status("120%", "met")));
        assert!(svg.contains(&status("80%", "missed")));
        assert!(svg.contains(&status("80%", "met")));
        assert!(svg.contains(&status("120%", "missed")));
    }

    #[test]
    fn percent_rounds_and_needs_a_target() {
        assert_eq!(percent_of_target(3.0, 2.0), Some(67));
        assert_eq!(percent_of_target(8.0, 1.0), Some(13));
        assert_eq!(percent_of_target(15_000.0, 12_400.0), Some(83));
        assert_eq!(percent_of_target(200.0, 0.0), Some(0));
        assert_eq!(percent_of_target(100.0, 100.0), Some(100));
        assert_eq!(percent_of_target(0.0, 5.0), None);
        assert_eq!(percent_of_target(0.0, 0.0), None);
        assert_eq!(percent_of_target(f64::NAN, 1.0), None);

        let svg = kpi_chart(
            &[kpi("Zero target", 0.0, Some(0.0), Better::Lower)],
            &chart("k", "K", false),
        )
        .unwrap();
        assert!(svg.contains(">met</text>"));
        assert!(!svg.contains("% of target"));
        assert_well_formed(&svg);
    }

    #[test]
    fn values_are_printed_with_units() {
        let svg = kpi_chart(&sample_kpis(), &chart("k", "K", false)).unwrap();
        assert!(svg.contains(">\u{2068}€12,400.00\u{2069} / \u{2068}€15,000.00\u{2069}</text>"));
        assert!(svg.contains(&status("83%", "missed")));
        assert!(svg.contains(">\u{2068}3.2%\u{2069} / \u{2068}3%\u{2069}</text>"));
        assert!(svg.contains(&status("107%", "missed")));
        assert!(svg.contains("Revenue: actual €12,400.00, target €15,000.00"));
    }

    #[test]
    fn kpi_without_result_shows_only_the_target() {
        let svg = kpi_chart(
            &[kpi("Signups", 100.0, None, Better::Higher)],
            &chart("k", "K", false),
        )
        .unwrap();
        assert!(svg.contains(">no result yet</text>"));
        let bars: Vec<&str> = tags(&svg, "rect")
            .into_iter()
            .filter(|t| !t.ends_with("/>")) // legend swatches are self-closed
            .collect();
        assert_eq!(bars.len(), 1);
        assert_eq!(attr(bars[0], "class"), Some("chart-target"));
        assert!(!svg.contains("chart-met") && !svg.contains("chart-missed"));
    }

    #[test]
    fn bars_use_each_rows_own_scale_and_leave_room_for_text() {
        let svg = kpi_chart(&sample_kpis(), &chart("k", "K", false)).unwrap();
        let view_w: f64 = attr(tags(&svg, "svg")[0], "viewBox")
            .unwrap()
            .split(' ')
            .nth(2)
            .unwrap()
            .parse()
            .unwrap();
        let bars: Vec<&str> = tags(&svg, "rect")
            .into_iter()
            .filter(|t| !t.ends_with("/>"))
            .collect();
        // Revenue: the target is the max, the actual a share of it.
        let (target, actual) = (bars[0], bars[1]);
        let full = num_attr(target, "width");
        let share = num_attr(actual, "width") / full;
        assert!((share - 12_400.0 / 15_000.0).abs() < 0.01);
        // Churn: the actual is the max — both rows' longest bars are equally long.
        assert!((num_attr(bars[3], "width") - full).abs() < 0.01);
        // The text column starts after the longest bar.
        let bar_end = num_attr(target, "x") + full;
        let texts = tags(&svg, "text");
        let value_text = texts
            .iter()
            .find(|t| num_attr(t, "x") > bar_end)
            .expect("text after the bars");
        assert!(num_attr(value_text, "x") >= bar_end + GAP - 0.01);
        assert!(bar_end < view_w);
    }

    #[test]
    fn long_text_widens_the_chart_instead_of_squeezing_bars() {
        let kpis = vec![KpiBar {
            unit: Some("very long unit name for a measurement".into()),
            ..kpi("X", 123_456_789.0, Some(98_765_432.1), Better::Higher)
        }];
        let svg = kpi_chart(&kpis, &chart("k", "K", false)).unwrap();
        let view_w: f64 = attr(tags(&svg, "svg")[0], "viewBox")
            .unwrap()
            .split(' ')
            .nth(2)
            .unwrap()
            .parse()
            .unwrap();
        assert!(view_w > VIEW_W);
        let target = tags(&svg, "rect")
            .into_iter()
            .find(|t| t.starts_with(r#"<rect class="chart-target" x="232""#) && !t.ends_with("/>"))
            .unwrap();
        assert!((num_attr(target, "width") - MIN_BAR_W).abs() < 0.01);
    }

    #[test]
    fn rtl_mirrors_the_kpi_chart() {
        let ltr = kpi_chart(&sample_kpis(), &chart("k", "K", false)).unwrap();
        let rtl = kpi_chart(&sample_kpis(), &chart("k", "K", true)).unwrap();
        assert_eq!(attr(tags(&ltr, "svg")[0], "direction"), Some("ltr"));
        assert_eq!(attr(tags(&rtl, "svg")[0], "direction"), Some("rtl"));

        fn first_bar(svg: &str) -> &str {
            tags(svg, "rect")
                .into_iter()
                .find(|t| !t.ends_with("/>"))
                .unwrap()
        }
        let (l, r) = (first_bar(&ltr), first_bar(&rtl));
        let w = num_attr(l, "width");
        assert_eq!(w, num_attr(r, "width"));
        assert_ne!(num_attr(l, "x"), num_attr(r, "x"));
        // LTR bars grow rightwards from the axis, RTL bars leftwards from its mirror.
        assert_eq!(num_attr(l, "x"), PAD + LABEL_W);
        assert!((num_attr(r, "x") + w - (VIEW_W - PAD - LABEL_W)).abs() < 0.01);

        // The name sits at the left edge in LTR and at the right edge in RTL,
        // anchored at its logical start (its right side under direction="rtl").
        fn name(svg: &str) -> &str {
            let baseline = num(PAD + HEADING_H + WIDE_ROW.name_baseline);
            tags(svg, "text")
                .into_iter()
                .find(|t| attr(t, "y") == Some(baseline.as_str()))
                .unwrap()
        }
        assert_eq!(num_attr(name(&ltr), "x"), PAD);
        assert_eq!(num_attr(name(&rtl), "x"), VIEW_W - PAD);
        assert_eq!(attr(name(&rtl), "text-anchor"), Some("start"));
        // Everything is mirrored, nothing else changes.
        assert_eq!(tags(&ltr, "text").len(), tags(&rtl, "text").len());
    }
}
