//! Render stage: the KPI chart — per KPI a thin target bar and a thick actual
//! bar on the row's own scale, with "actual / target" and "NN% of target · met"
//! beside them; also the target arithmetic KPI pages show as text.

use std::fmt::Write as _;

use super::svg::{
    Frame, GAP, LABEL_W, PAD, VIEW_W, escape, isolate, label_text, num, open_svg, text, text_width,
};
use super::{Better, KpiBar};

/// Height of one KPI row (two text lines in the text column).
const KPI_ROW_H: f64 = 32.0;
/// Height of the legend line above the rows, and the baseline of its text.
const KPI_LEGEND_H: f64 = 20.0;
const KPI_LEGEND_BASELINE: f64 = 12.0;
/// Thin target bar: offset from the row top and height.
const TARGET_Y: f64 = 6.0;
const TARGET_H: f64 = 4.0;
/// Thick actual bar: offset from the row top and height.
const ACTUAL_Y: f64 = 12.0;
const ACTUAL_H: f64 = 12.0;
/// Baselines (offset from the row top) of the name and the two text-column lines.
const KPI_NAME_BASELINE: f64 = 19.0;
const KPI_LINE1_BASELINE: f64 = 13.0;
const KPI_LINE2_BASELINE: f64 = 27.0;
/// The bar area never shrinks below this, the chart widens instead.
const MIN_BAR_W: f64 = 160.0;
/// Legend swatch width.
const SWATCH_W: f64 = 16.0;
/// Room below the legend swatches: they are centred in the rest of the legend line.
const KPI_LEGEND_BOTTOM_GAP: f64 = 4.0;
/// Gap between a legend swatch and its label.
const SWATCH_LABEL_GAP: f64 = 4.0;
/// Heading of the text column, on the legend line.
const KPI_TEXT_HEADING: &str = "actual / target";

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
/// The label column holds the KPI name; the text column after the bars holds
/// "actual / target" with units and "NN% of target · met|missed". The actual bar has
/// class `chart-actual` plus `chart-met` or `chart-missed`. A KPI without an actual
/// value shows only its target bar and "no result yet". Negative values draw as
/// empty bars (the text still shows them).
///
/// Returns `None` when `kpis` is empty.
pub(crate) fn kpi_chart(
    kpis: &[KpiBar],
    id_prefix: &str,
    title: &str,
    rtl: bool,
) -> Option<String> {
    if kpis.is_empty() {
        return None;
    }
    let rows: Vec<KpiRow> = kpis.iter().map(KpiRow::new).collect();
    let layout = KpiLayout::new(&rows, rtl);

    let description = rows
        .iter()
        .map(|r| r.sentence.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = String::new();
    open_svg(
        &mut out,
        "kpi",
        id_prefix,
        title,
        &description,
        &layout.frame,
        layout.height,
    );
    write_legend(&mut out, &layout);
    write_axis(&mut out, &layout);
    for (i, row) in rows.iter().enumerate() {
        let top = layout.rows_top + i as f64 * KPI_ROW_H;
        write_row(&mut out, &layout, row, top);
    }
    out.push_str("</svg>\n");
    Some(out)
}

/// Where the columns and rows of a KPI chart go. Columns, left to right: padding,
/// labels, bars, gap, text, padding; the text column is as wide as its longest
/// line, and the bar area takes the rest of [`VIEW_W`] but never less than
/// [`MIN_BAR_W`].
struct KpiLayout {
    frame: Frame,
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
    fn new(rows: &[KpiRow], rtl: bool) -> KpiLayout {
        let text_w = rows
            .iter()
            .flat_map(|r| [text_width(&r.values), text_width(&r.status)])
            .fold(text_width(KPI_TEXT_HEADING), f64::max);
        let bar_w = (VIEW_W - 2.0 * PAD - LABEL_W - GAP - text_w).max(MIN_BAR_W);
        let width = 2.0 * PAD + LABEL_W + bar_w + GAP + text_w;
        let rows_top = PAD + KPI_LEGEND_H;
        let rows_bottom = rows_top + rows.len() as f64 * KPI_ROW_H;
        let bar_x = PAD + LABEL_W;
        KpiLayout {
            frame: Frame { width, rtl },
            bar_x,
            bar_w,
            text_x: bar_x + bar_w + GAP,
            rows_top,
            rows_bottom,
            height: rows_bottom + PAD,
        }
    }
}

/// Legend: what the thin and the thick bar mean, and the text column's heading.
fn write_legend(out: &mut String, layout: &KpiLayout) {
    let frame = &layout.frame;
    let baseline = PAD + KPI_LEGEND_BASELINE;
    let target_x = layout.bar_x;
    legend_swatch(out, frame, target_x, TARGET_H, "chart-target");
    text(
        out,
        frame.x(legend_label_x(target_x)),
        baseline,
        "start",
        "target",
    );
    let actual_x = legend_label_x(target_x) + text_width("target") + 2.0 * GAP;
    legend_swatch(out, frame, actual_x, ACTUAL_H, "chart-actual");
    text(
        out,
        frame.x(legend_label_x(actual_x)),
        baseline,
        "start",
        "actual",
    );
    text(
        out,
        frame.x(layout.text_x),
        baseline,
        "start",
        KPI_TEXT_HEADING,
    );
}

/// A legend swatch starting at `x`, `h` high, centred on the legend line.
fn legend_swatch(out: &mut String, frame: &Frame, x: f64, h: f64, class: &str) {
    let y = PAD + (KPI_LEGEND_H - KPI_LEGEND_BOTTOM_GAP - h) / 2.0;
    let _ = writeln!(
        out,
        r#"<rect class="{class}" x="{}" y="{}" width="{}" height="{}"/>"#,
        num(frame.span(x, SWATCH_W)),
        num(y),
        num(SWATCH_W),
        num(h),
    );
}

/// Where the label of the legend swatch starting at `x` starts.
fn legend_label_x(x: f64) -> f64 {
    x + SWATCH_W + SWATCH_LABEL_GAP
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
fn write_row(out: &mut String, layout: &KpiLayout, row: &KpiRow, top: f64) {
    let frame = &layout.frame;
    out.push_str("<g class=\"chart-row\">\n");
    label_text(out, frame, &row.name, top + KPI_NAME_BASELINE);

    let target_w = layout.bar_w * row.target_share;
    let _ = writeln!(
        out,
        r#"<rect class="chart-target" x="{}" y="{}" width="{}" height="{}"><title>{}</title></rect>"#,
        num(frame.span(layout.bar_x, target_w)),
        num(top + TARGET_Y),
        num(target_w),
        num(TARGET_H),
        escape(&format!("target {}", row.target_text)),
    );
    if let (Some(share), Some(met)) = (row.actual_share, row.met) {
        let actual_w = layout.bar_w * share;
        let _ = writeln!(
            out,
            r#"<rect class="chart-actual {}" x="{}" y="{}" width="{}" height="{}"><title>{}</title></rect>"#,
            if met { "chart-met" } else { "chart-missed" },
            num(frame.span(layout.bar_x, actual_w)),
            num(top + ACTUAL_Y),
            num(actual_w),
            num(ACTUAL_H),
            escape(&format!("actual {}", row.actual_text)),
        );
    }
    text(
        out,
        frame.x(layout.text_x),
        top + KPI_LINE1_BASELINE,
        "start",
        &row.values,
    );
    text(
        out,
        frame.x(layout.text_x),
        top + KPI_LINE2_BASELINE,
        "start",
        &row.status,
    );
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
    fn new(kpi: &KpiBar) -> KpiRow {
        let unit = kpi.unit.as_deref();
        let actual = kpi.actual.filter(|a| a.is_finite());
        let target_text = with_unit(kpi.target, unit);
        let actual_text = actual.map_or_else(|| "—".to_string(), |a| with_unit(a, unit));

        let length = |v: f64| if v.is_finite() { v.max(0.0) } else { 0.0 };
        let scale = length(kpi.target).max(actual.map_or(0.0, length));
        let share = |v: f64| if scale > 0.0 { length(v) / scale } else { 0.0 };

        let met = actual.map(|a| is_met(kpi.target, a, kpi.better));
        let status = match (actual, met) {
            (Some(a), Some(met)) => {
                let word = if met { "met" } else { "missed" };
                match percent_of_target(kpi.target, a) {
                    Some(p) => format!("{p}% of target · {word}"),
                    None => word.to_string(),
                }
            }
            _ => "no result yet".to_string(),
        };
        let sentence = match actual {
            Some(_) => format!(
                "{}: actual {actual_text}, target {target_text}, {status}.",
                kpi.name
            ),
            None => format!("{}: target {target_text}, {status}.", kpi.name),
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

/// A value with its unit, e.g. "12,400" or "3.2 %".
fn with_unit(value: f64, unit: Option<&str>) -> String {
    match unit.map(str::trim).filter(|u| !u.is_empty()) {
        Some(unit) => format!("{} {unit}", format_number(value)),
        None => format_number(value),
    }
}

/// A number for people: "," as thousands separator, at most 2 decimals, trailing
/// zeros trimmed. A placeholder until locale formatting arrives.
fn format_number(value: f64) -> String {
    if !value.is_finite() {
        return "n/a".to_string();
    }
    let fixed = format!("{:.2}", value.abs());
    let (int, frac) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let frac = frac.trim_end_matches('0');
    let mut out = String::new();
    if value < 0.0 && (int != "0" || !frac.is_empty()) {
        out.push('-');
    }
    for (i, digit) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{
        assert_accessible, assert_well_formed, attr, kpi, num_attr, sample_kpis, tags,
    };
    use super::*;

    #[test]
    fn formats_numbers_for_people() {
        assert_eq!(format_number(12_400.0), "12,400");
        assert_eq!(format_number(3.2), "3.2");
        assert_eq!(format_number(2.0), "2");
        assert_eq!(format_number(0.0), "0");
        assert_eq!(format_number(999.0), "999");
        assert_eq!(format_number(1000.0), "1,000");
        assert_eq!(format_number(1_234_567.891), "1,234,567.89");
        assert_eq!(format_number(999.999), "1,000");
        assert_eq!(format_number(0.5), "0.5");
        assert_eq!(format_number(-1234.5), "-1,234.5");
        assert_eq!(format_number(-0.001), "0");
        assert_eq!(format_number(f64::NAN), "n/a");
        assert_eq!(with_unit(3.2, Some("%")), "3.2 %");
        assert_eq!(with_unit(12_400.0, None), "12,400");
        assert_eq!(with_unit(5.0, Some("  ")), "5");
    }

    #[test]
    fn kpi_chart_is_none_without_kpis() {
        assert!(kpi_chart(&[], "k", "KPIs", false).is_none());
    }

    #[test]
    fn kpi_chart_is_well_formed_and_accessible() {
        for rtl in [false, true] {
            let svg = kpi_chart(&sample_kpis(), "kpis-2026", "KPIs 2026", rtl).unwrap();
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
            r#"x"><script>"#,
            "Title </title><script>",
            false,
        )
        .unwrap();
        assert_well_formed(&svg);
        assert!(!svg.contains("<script"));
        assert!(!svg.contains("</svg><"));
        assert!(!svg.contains("<b>"));
        assert!(svg.contains("&lt;/svg&gt;&lt;script&gt;alert(&#39;x&#39;)"));
        assert!(svg.contains("Title &lt;/title&gt;&lt;script&gt;"));
        assert!(svg.contains("2 &lt;b&gt;&amp;&lt;/b&gt;"));
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
        let svg = kpi_chart(&kpis, "k", "K", false).unwrap();
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
        assert!(svg.contains(">120% of target · met</text>"));
        assert!(svg.contains(">80% of target · missed</text>"));
        assert!(svg.contains(">80% of target · met</text>"));
        assert!(svg.contains(">120% of target · missed</text>"));
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
            "k",
            "K",
            false,
        )
        .unwrap();
        assert!(svg.contains(">met</text>"));
        assert!(!svg.contains("% of target"));
        assert_well_formed(&svg);
    }

    #[test]
    fn values_are_printed_with_units() {
        let svg = kpi_chart(&sample_kpis(), "k", "K", false).unwrap();
        assert!(svg.contains(">\u{2068}12,400 EUR\u{2069} / \u{2068}15,000 EUR\u{2069}</text>"));
        assert!(svg.contains(">83% of target · missed</text>"));
        assert!(svg.contains(">\u{2068}3.2 %\u{2069} / \u{2068}3 %\u{2069}</text>"));
        assert!(svg.contains(">107% of target · missed</text>"));
        assert!(svg.contains("Revenue: actual 12,400 EUR, target 15,000 EUR"));
    }

    #[test]
    fn kpi_without_result_shows_only_the_target() {
        let svg = kpi_chart(
            &[kpi("Signups", 100.0, None, Better::Higher)],
            "k",
            "K",
            false,
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
        let svg = kpi_chart(&sample_kpis(), "k", "K", false).unwrap();
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
        let svg = kpi_chart(&kpis, "k", "K", false).unwrap();
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
        let ltr = kpi_chart(&sample_kpis(), "k", "K", false).unwrap();
        let rtl = kpi_chart(&sample_kpis(), "k", "K", true).unwrap();
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
            let baseline = num(PAD + KPI_LEGEND_H + KPI_NAME_BASELINE);
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
