//! Render stage: build-time inline SVG charts — a KPI target/actual bar chart and a
//! campaign timeline. No JavaScript; every colour comes from the theme's stylesheet
//! through CSS classes (`.chart-*`, `.timeline-*`), text and axes use `currentColor`,
//! so the charts follow light mode, dark mode and print.
//!
//! The SVG is embedded in pages with `| safe`, so every piece of caller text goes
//! through [`escape`], and ids are reduced to a safe token.
//!
//! Right-to-left: the root `<svg>` always carries an explicit `direction`
//! (`ltr` or `rtl`) so the result does not depend on what the page around it
//! inherits. In RTL the horizontal layout is mirrored (labels on the right, bars
//! growing leftwards); text anchors stay *logical* (`start` is the left edge of the
//! text in LTR and its right edge in RTL), so the same anchor lands on the
//! mirrored side. Caller text and values are wrapped in Unicode first-strong
//! isolates so mixed-direction text keeps its own order (see [`isolate`]).
//!
//! Geometry is in user units of the `viewBox`; the SVG has `width="100%"` and no
//! height, so it scales with its container and keeps its aspect ratio. Text widths
//! are estimated from the character count ([`CHAR_W`]), which is enough to reserve
//! room for the text column and keep text clear of the bars.

use std::fmt::Write as _;

/// Whether a bigger actual value is better: the kinds' own enum.
pub use crate::kinds::values::Better;

/// One KPI row: a target and (once measured) an actual value.
#[derive(Debug, Clone)]
pub struct KpiBar {
    pub name: String,
    pub target: f64,
    pub actual: Option<f64>,
    pub unit: Option<String>,
    pub better: Better,
}

/// One campaign on the timeline. Dates are `(year, month, day)`; `status` is
/// `planned`, `running` or `completed`.
#[derive(Debug, Clone)]
pub struct TimelineItem {
    pub label: String,
    pub url: String,
    pub start: (i32, u32, u32),
    pub end: Option<(i32, u32, u32)>,
    pub status: String,
}

// ---------------------------------------------------------------------------
// Shared geometry

/// Width of the `viewBox` (it only grows when the text column cannot fit).
const VIEW_W: f64 = 640.0;
/// Outer padding on every side.
const PAD: f64 = 8.0;
/// Label column (KPI names, campaign labels): 35 % of [`VIEW_W`], gap included.
const LABEL_W: f64 = 224.0;
/// Gap between a column's content and the next column.
const GAP: f64 = 8.0;
/// Font size in user units.
const FONT_SIZE: f64 = 12.0;
/// Estimated advance of one character at [`FONT_SIZE`] (deliberately generous).
const CHAR_W: f64 = 7.0;
/// Names longer than this are cut with an ellipsis (the full text becomes a tooltip).
const LABEL_MAX_CHARS: usize = ((LABEL_W - GAP) / CHAR_W) as usize;

// KPI chart

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

// Timeline

/// Height of one campaign row.
const TL_ROW_H: f64 = 28.0;
/// Height of a campaign bar.
const TL_BAR_H: f64 = 14.0;
/// Height of the month axis above the rows.
const TL_AXIS_H: f64 = 24.0;
/// Baseline of the month labels below the top padding.
const TL_AXIS_BASELINE: f64 = 14.0;
/// Height of the line under the rows holding the "today" label.
const TL_FOOTER_H: f64 = 18.0;
/// A bar is never drawn narrower than this, so one-day items stay visible.
const TL_MIN_BAR_W: f64 = 2.0;
/// Room one month label ("Sep 2026") needs, its offset from the tick included.
const TL_TICK_LABEL_W: f64 = 8.0 * CHAR_W + 6.0;
/// Offset of a month label from its tick line.
const TL_TICK_LABEL_DX: f64 = 4.0;
/// Candidate spacings of labelled ticks, in months (then whole years).
const TL_TICK_STEPS: [i64; 6] = [1, 2, 3, 4, 6, 12];
/// Length of an open-ended item that has not started yet.
const OPEN_ENDED_DAYS: i64 = 30;

/// English month abbreviations, a placeholder until locale formatting arrives.
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

// ---------------------------------------------------------------------------
// KPI chart

/// Rounded `actual` as a percentage of `target`; `None` when the target is zero
/// (or either value is not a finite number).
pub fn percent_of_target(target: f64, actual: f64) -> Option<i64> {
    if target == 0.0 || !target.is_finite() || !actual.is_finite() {
        return None;
    }
    let percent = (actual / target * 100.0).round();
    percent.is_finite().then_some(percent as i64)
}

/// Whether `actual` meets `target`: at or above it when higher is better, at or
/// below it when lower is better.
pub fn is_met(target: f64, actual: f64, better: Better) -> bool {
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
pub fn kpi_chart(kpis: &[KpiBar], id_prefix: &str, title: &str, rtl: bool) -> Option<String> {
    if kpis.is_empty() {
        return None;
    }
    let rows: Vec<KpiRow> = kpis.iter().map(KpiRow::new).collect();

    let heading = "actual / target";
    let text_w = rows
        .iter()
        .flat_map(|r| [text_width(&r.values), text_width(&r.status)])
        .fold(text_width(heading), f64::max);
    let bar_w = (VIEW_W - 2.0 * PAD - LABEL_W - GAP - text_w).max(MIN_BAR_W);
    let width = 2.0 * PAD + LABEL_W + bar_w + GAP + text_w;
    let rows_top = PAD + KPI_LEGEND_H;
    let rows_bottom = rows_top + rows.len() as f64 * KPI_ROW_H;
    let height = rows_bottom + PAD;

    let frame = Frame { width, rtl };
    let bar_x = PAD + LABEL_W;
    let text_x = bar_x + bar_w + GAP;

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
        &frame,
        height,
    );

    // Legend: what the thin and the thick bar mean, and the text column's heading.
    let legend_base = PAD + KPI_LEGEND_BASELINE;
    let legend_y = PAD;
    let swatch = |out: &mut String, x: f64, h: f64, class: &str| {
        let y = legend_y + (KPI_LEGEND_H - 4.0 - h) / 2.0;
        let _ = writeln!(
            out,
            r#"<rect class="{class}" x="{}" y="{}" width="{}" height="{}"/>"#,
            num(frame.span(x, SWATCH_W)),
            num(y),
            num(SWATCH_W),
            num(h),
        );
    };
    let legend_label_x = |x: f64| x + SWATCH_W + 4.0;
    swatch(&mut out, bar_x, TARGET_H, "chart-target");
    text(
        &mut out,
        frame.x(legend_label_x(bar_x)),
        legend_base,
        "start",
        "target",
    );
    let actual_x = legend_label_x(bar_x) + text_width("target") + 2.0 * GAP;
    swatch(&mut out, actual_x, ACTUAL_H, "chart-actual");
    text(
        &mut out,
        frame.x(legend_label_x(actual_x)),
        legend_base,
        "start",
        "actual",
    );
    text(&mut out, frame.x(text_x), legend_base, "start", heading);

    // The common baseline the bars grow from.
    let _ = writeln!(
        out,
        r#"<line class="chart-axis" stroke="currentColor" x1="{x}" y1="{}" x2="{x}" y2="{}"/>"#,
        num(rows_top),
        num(rows_bottom),
        x = num(frame.x(bar_x)),
    );

    for (i, row) in rows.iter().enumerate() {
        let top = rows_top + i as f64 * KPI_ROW_H;
        out.push_str("<g class=\"chart-row\">\n");
        label_text(&mut out, &frame, &row.name, top + KPI_NAME_BASELINE);

        let target_w = bar_w * row.target_share;
        let _ = writeln!(
            out,
            r#"<rect class="chart-target" x="{}" y="{}" width="{}" height="{}"><title>{}</title></rect>"#,
            num(frame.span(bar_x, target_w)),
            num(top + TARGET_Y),
            num(target_w),
            num(TARGET_H),
            escape(&format!("target {}", row.target_text)),
        );
        if let (Some(share), Some(met)) = (row.actual_share, row.met) {
            let actual_w = bar_w * share;
            let _ = writeln!(
                out,
                r#"<rect class="chart-actual {}" x="{}" y="{}" width="{}" height="{}"><title>{}</title></rect>"#,
                if met { "chart-met" } else { "chart-missed" },
                num(frame.span(bar_x, actual_w)),
                num(top + ACTUAL_Y),
                num(actual_w),
                num(ACTUAL_H),
                escape(&format!("actual {}", row.actual_text)),
            );
        }
        text(
            &mut out,
            frame.x(text_x),
            top + KPI_LINE1_BASELINE,
            "start",
            &row.values,
        );
        text(
            &mut out,
            frame.x(text_x),
            top + KPI_LINE2_BASELINE,
            "start",
            &row.status,
        );
        out.push_str("</g>\n");
    }
    out.push_str("</svg>\n");
    Some(out)
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

// ---------------------------------------------------------------------------
// Timeline

/// Gantt-like timeline: a month axis ("Jan 2026" labels, thinned out when months
/// are narrow), one row per item in the given order with the label as a link and
/// a bar from start to end (inclusive) with class `timeline-bar timeline-<status>`,
/// and a vertical `timeline-today` line when `today` lies in the charted range.
/// Open-ended items run to `today`, or 30 days from their start when today is
/// before it.
///
/// Returns `None` when `items` is empty.
pub fn timeline(
    items: &[TimelineItem],
    today: (i32, u32, u32),
    id_prefix: &str,
    title: &str,
    rtl: bool,
) -> Option<String> {
    if items.is_empty() {
        return None;
    }
    let today_day = day_number(today);
    // Day spans, end exclusive (the bar covers its last day).
    let spans: Vec<(i64, i64)> = items
        .iter()
        .map(|item| {
            let start = day_number(item.start);
            let last = match item.end {
                Some(end) => day_number(end).max(start),
                None if today_day >= start => today_day,
                None => start + OPEN_ENDED_DAYS,
            };
            (start, last + 1)
        })
        .collect();
    let first = spans.iter().map(|s| s.0).min()?;
    let last = spans.iter().map(|s| s.1 - 1).max()?;

    // The charted range: whole months, from the first day's month up to the
    // month after the last day's.
    let first_month = month_index(civil_from_days(first));
    let end_month = month_index(civil_from_days(last)) + 1;
    let months = end_month - first_month;
    let range_start = month_start(first_month);
    let range_end = month_start(end_month);
    let range_days = (range_end - range_start) as f64;

    let plot_x = PAD + LABEL_W;
    let plot_w = VIEW_W - PAD - plot_x;
    let plot_end = plot_x + plot_w;
    let x_of = |day: f64| plot_x + (day - range_start as f64) / range_days * plot_w;

    let rows_top = PAD + TL_AXIS_H;
    let rows_bottom = rows_top + items.len() as f64 * TL_ROW_H;
    let show_today = (range_start..range_end).contains(&today_day);
    let height = rows_bottom + if show_today { TL_FOOTER_H } else { 0.0 } + PAD;
    let frame = Frame { width: VIEW_W, rtl };

    let mut description = format!(
        "{} {} from {} to {}.",
        items.len(),
        if items.len() == 1 { "item" } else { "items" },
        month_label(first_month),
        month_label(end_month - 1),
    );
    for item in items {
        let _ = write!(description, " {}: {}.", item.label, item_period(item));
    }
    if show_today {
        let _ = write!(description, " Today is {}.", iso_date(today));
    }
    let mut out = String::new();
    open_svg(
        &mut out,
        "timeline",
        id_prefix,
        title,
        &description,
        &frame,
        height,
    );

    // Month axis: a labelled tick every `step` months, aligned to the calendar
    // (quarters start in January, April, …).
    let month_w = plot_w / months as f64;
    let step = TL_TICK_STEPS
        .into_iter()
        .find(|s| *s as f64 * month_w >= TL_TICK_LABEL_W)
        .unwrap_or_else(|| {
            let years = (TL_TICK_LABEL_W / (12.0 * month_w)).ceil() as i64;
            12 * years.max(1)
        });
    for month in first_month..end_month {
        if month.rem_euclid(step) != 0 {
            continue;
        }
        let x = x_of(month_start(month) as f64);
        let _ = writeln!(
            out,
            r#"<line class="chart-axis" stroke="currentColor" stroke-opacity="0.35" x1="{x}" y1="{}" x2="{x}" y2="{}"/>"#,
            num(PAD + 2.0),
            num(rows_bottom),
            x = num(frame.x(x)),
        );
        if plot_end - x >= TL_TICK_LABEL_W {
            let label_x = frame.x(x + TL_TICK_LABEL_DX);
            text(
                &mut out,
                label_x,
                PAD + TL_AXIS_BASELINE,
                "start",
                &month_label(month),
            );
        }
    }
    let _ = writeln!(
        out,
        r#"<line class="chart-axis" stroke="currentColor" x1="{}" y1="{y}" x2="{}" y2="{y}"/>"#,
        num(frame.x(plot_x)),
        num(frame.x(plot_end)),
        y = num(rows_top),
    );

    for (i, (item, (start, end))) in items.iter().zip(&spans).enumerate() {
        let top = rows_top + i as f64 * TL_ROW_H;
        out.push_str("<g class=\"timeline-row\">\n");
        let _ = write!(out, r#"<a href="{}">"#, escape(&safe_url(&item.url)));
        label_text_with(
            &mut out,
            &frame,
            &item.label,
            top + TL_ROW_H / 2.0 + FONT_SIZE * 0.35,
            r#" text-decoration="underline""#,
        );
        out.push_str("</a>\n");

        let x = x_of(*start as f64);
        let w = (x_of(*end as f64) - x).max(TL_MIN_BAR_W);
        let _ = writeln!(
            out,
            r#"<rect class="timeline-bar timeline-{}" x="{}" y="{}" width="{}" height="{}" rx="2"><title>{}</title></rect>"#,
            status_token(&item.status),
            num(frame.span(x, w)),
            num(top + (TL_ROW_H - TL_BAR_H) / 2.0),
            num(w),
            num(TL_BAR_H),
            escape(&format!("{}: {}", item.label, item_period(item))),
        );
        out.push_str("</g>\n");
    }

    if show_today {
        let x = x_of(today_day as f64 + 0.5);
        let _ = writeln!(
            out,
            r#"<line class="timeline-today" stroke="currentColor" stroke-width="2" stroke-dasharray="4 3" x1="{x}" y1="{}" x2="{x}" y2="{}"><title>{}</title></line>"#,
            num(rows_top - 4.0),
            num(rows_bottom + 4.0),
            escape(&format!("today, {}", iso_date(today))),
            x = num(frame.x(x)),
        );
        // Keep the centred label inside the plot.
        let half = text_width("today") / 2.0;
        let label_x = x.clamp(plot_x + half, plot_end - half);
        text(
            &mut out,
            frame.x(label_x),
            rows_bottom + TL_FOOTER_H - 4.0,
            "middle",
            "today",
        );
    }
    out.push_str("</svg>\n");
    Some(out)
}

/// "2026-01-05 to 2026-03-01 (running)" or "since 2026-01-05, open-ended (running)".
fn item_period(item: &TimelineItem) -> String {
    match item.end {
        Some(end) => format!(
            "{} to {} ({})",
            iso_date(item.start),
            iso_date(end),
            item.status
        ),
        None => format!(
            "since {}, open-ended ({})",
            iso_date(item.start),
            item.status
        ),
    }
}

/// The status as a class-name suffix: lower-case ASCII letters, digits and `-`.
fn status_token(status: &str) -> String {
    let token: String = status
        .trim()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    if token.is_empty() {
        "planned".to_string()
    } else {
        token
    }
}

/// The URL, unless its scheme could run script (`javascript:`, `vbscript:`,
/// `data:`), which becomes `#`.
fn safe_url(url: &str) -> String {
    // Browsers ignore whitespace and control characters inside the scheme.
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    let scheme = cleaned
        .split_once(':')
        .map(|(scheme, _)| scheme)
        .filter(|scheme| !scheme.contains(['/', '?', '#']));
    if matches!(scheme, Some("javascript" | "vbscript" | "data")) {
        "#".to_string()
    } else {
        url.to_string()
    }
}

// ---------------------------------------------------------------------------
// Dates

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// `days_from_civil`). Out-of-range months and days are clamped.
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let month = i64::from(month.clamp(1, 12));
    let day = i64::from(day.clamp(1, 31));
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date of a day number, the inverse of [`days_from_civil`].
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
    let month = (if mp < 10 { mp + 3 } else { mp - 9 }) as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn day_number((year, month, day): (i32, u32, u32)) -> i64 {
    days_from_civil(i64::from(year), month, day)
}

/// Months since year 0: `year * 12 + month - 1`.
fn month_index((year, month, _): (i64, u32, u32)) -> i64 {
    year * 12 + i64::from(month) - 1
}

/// Day number of the first day of a [`month_index`].
fn month_start(month: i64) -> i64 {
    days_from_civil(month.div_euclid(12), month.rem_euclid(12) as u32 + 1, 1)
}

/// "Jan 2026".
fn month_label(month: i64) -> String {
    format!(
        "{} {}",
        MONTHS[month.rem_euclid(12) as usize],
        month.div_euclid(12)
    )
}

fn iso_date((year, month, day): (i32, u32, u32)) -> String {
    format!("{year:04}-{month:02}-{day:02}")
}

// ---------------------------------------------------------------------------
// SVG helpers

/// Horizontal mirroring for right-to-left pages: layout is computed left-to-right
/// and every x goes through here.
struct Frame {
    width: f64,
    rtl: bool,
}

impl Frame {
    /// A point.
    fn x(&self, x: f64) -> f64 {
        if self.rtl { self.width - x } else { x }
    }

    /// The left edge of a span that starts at `x` and is `w` wide.
    fn span(&self, x: f64, w: f64) -> f64 {
        if self.rtl { self.width - x - w } else { x }
    }
}

/// The opening `<svg>` with its accessible name and description.
fn open_svg(
    out: &mut String,
    kind: &str,
    id_prefix: &str,
    title: &str,
    description: &str,
    frame: &Frame,
    height: f64,
) {
    let id = id_token(id_prefix);
    // The timeline links its bars to the campaigns: an image cannot hold links.
    let role = if kind == "timeline" { "group" } else { "img" };
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-{kind}" viewBox="0 0 {} {}" width="100%" role="{role}" aria-labelledby="{id}-title" aria-describedby="{id}-desc" font-family="inherit" font-size="{}" fill="currentColor" direction="{}">"#,
        num(frame.width),
        num(height),
        num(FONT_SIZE),
        if frame.rtl { "rtl" } else { "ltr" },
    );
    let _ = writeln!(out, r#"<title id="{id}-title">{}</title>"#, escape(title));
    let _ = writeln!(
        out,
        r#"<desc id="{id}-desc">{}</desc>"#,
        escape(description)
    );
}

/// A line of text in `currentColor`; `content` is escaped here.
fn text(out: &mut String, x: f64, y: f64, anchor: &str, content: &str) {
    let _ = writeln!(
        out,
        r#"<text class="chart-label" fill="currentColor" x="{}" y="{}" text-anchor="{anchor}">{}</text>"#,
        num(x),
        num(y),
        escape(content),
    );
}

/// A name in the label column, cut to fit with its full text as a tooltip.
fn label_text(out: &mut String, frame: &Frame, name: &str, baseline: f64) {
    label_text_with(out, frame, name, baseline, "");
}

fn label_text_with(out: &mut String, frame: &Frame, name: &str, baseline: f64, extra: &str) {
    let shown = truncate(name, LABEL_MAX_CHARS);
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
fn text_width(text: &str) -> f64 {
    text.chars().filter(|c| !BIDI_ISOLATES.contains(c)).count() as f64 * CHAR_W
}

/// First-strong isolate (FSI) and pop-directional-isolate (PDI), plus LRI and RLI.
const BIDI_ISOLATES: [char; 4] = ['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}'];

/// Wraps caller text (a name, a value with its unit) in a first-strong isolate, so
/// it takes its direction from its own first strong character instead of the
/// chart's: an English name or "12,400 EUR" stays intact in an RTL chart, a Hebrew
/// name in an LTR one, and the pieces of "actual / target" keep their order.
fn isolate(text: &str) -> String {
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
fn num(value: f64) -> String {
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
fn escape(text: &str) -> String {
    let allowed: String = text
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\t' | '\n' | '\r'))
        .collect();
    crate::markdown::escape_html(&allowed)
}

// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;

    fn kpi(name: &str, target: f64, actual: Option<f64>, better: Better) -> KpiBar {
        KpiBar {
            name: name.to_string(),
            target,
            actual,
            unit: None,
            better,
        }
    }

    fn item(
        label: &str,
        start: (i32, u32, u32),
        end: Option<(i32, u32, u32)>,
        status: &str,
    ) -> TimelineItem {
        TimelineItem {
            label: label.to_string(),
            url: format!("/campaigns/{}/", label.to_lowercase()),
            start,
            end,
            status: status.to_string(),
        }
    }

    fn sample_kpis() -> Vec<KpiBar> {
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

    fn sample_timeline() -> Vec<TimelineItem> {
        vec![
            item("Early", (2026, 1, 5), Some((2026, 2, 20)), "completed"),
            item("Later", (2026, 3, 10), Some((2026, 5, 31)), "planned"),
            item("Open", (2026, 2, 1), None, "running"),
        ]
    }

    /// Every start tag `<name ...>` (or self-closing), in document order.
    fn tags<'a>(svg: &'a str, name: &str) -> Vec<&'a str> {
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

    fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
        let key = format!(" {name}=\"");
        let at = tag.find(&key)? + key.len();
        let len = tag[at..].find('"')?;
        Some(&tag[at..at + len])
    }

    fn num_attr(tag: &str, name: &str) -> f64 {
        attr(tag, name)
            .unwrap_or_else(|| panic!("no {name} in {tag}"))
            .parse()
            .unwrap()
    }

    /// Well-formedness: tags nest and balance, attribute values are quoted,
    /// `&` only starts a known entity, no raw `<` or `>` in text.
    fn assert_well_formed(svg: &str) {
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
    fn assert_short_numbers(svg: &str) {
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

    fn assert_accessible(svg: &str, prefix: &str) {
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

    // --- formatting and helpers

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
        assert_short_numbers(&kpi_chart(&kpis, "k", "K", false).unwrap());
        assert_short_numbers(&kpi_chart(&kpis, "k", "K", true).unwrap());
        let items = sample_timeline();
        assert_short_numbers(&timeline(&items, (2026, 2, 17), "t", "T", false).unwrap());
        assert_short_numbers(&timeline(&items, (2026, 2, 17), "t", "T", true).unwrap());
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
    fn long_labels_are_cut_with_a_tooltip() {
        let long = "A very long key performance indicator name indeed";
        let svg = kpi_chart(
            &[kpi(long, 1.0, Some(1.0), Better::Higher)],
            "k",
            "K",
            false,
        )
        .unwrap();
        let shown = truncate(long, LABEL_MAX_CHARS);
        assert!(shown.ends_with('…'));
        assert!(shown.chars().count() <= LABEL_MAX_CHARS);
        assert!(svg.contains(&format!("<title>{long}</title>{}</text>", isolate(&shown))));
        assert_eq!(truncate("short", 10), "short");
    }

    // --- KPI chart

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

    // --- timeline

    #[test]
    fn timeline_is_none_without_items() {
        assert!(timeline(&[], (2026, 1, 1), "t", "T", false).is_none());
    }

    #[test]
    fn timeline_is_well_formed_and_accessible() {
        for rtl in [false, true] {
            let svg = timeline(&sample_timeline(), (2026, 2, 17), "tl", "Campaigns", rtl).unwrap();
            assert_well_formed(&svg);
            assert_accessible(&svg, "tl");
        }
    }

    fn bars(svg: &str) -> Vec<&str> {
        tags(svg, "rect")
            .into_iter()
            .filter(|t| attr(t, "class").is_some_and(|c| c.starts_with("timeline-bar")))
            .collect()
    }

    #[test]
    fn later_campaigns_sit_further_along() {
        let items = sample_timeline();
        let ltr = timeline(&items, (2026, 2, 17), "t", "T", false).unwrap();
        let b = bars(&ltr);
        assert_eq!(b.len(), 3);
        let (early, later) = (b[0], b[1]);
        assert!(num_attr(later, "x") > num_attr(early, "x") + num_attr(early, "width"));
        assert_eq!(
            attr(early, "class"),
            Some("timeline-bar timeline-completed")
        );
        assert_eq!(attr(later, "class"), Some("timeline-bar timeline-planned"));
        assert_eq!(attr(b[2], "class"), Some("timeline-bar timeline-running"));

        let rtl = timeline(&items, (2026, 2, 17), "t", "T", true).unwrap();
        let b = bars(&rtl);
        let (early, later) = (b[0], b[1]);
        assert!(num_attr(later, "x") + num_attr(later, "width") < num_attr(early, "x"));
    }

    #[test]
    fn month_ticks_are_labelled() {
        let svg = timeline(&sample_timeline(), (2026, 2, 17), "t", "T", false).unwrap();
        for month in ["Jan 2026", "Feb 2026", "Mar 2026", "Apr 2026", "May 2026"] {
            assert!(svg.contains(&format!(">{month}</text>")), "{month}");
        }
        assert!(!svg.contains("Dec 2025") && !svg.contains("Jun 2026"));
        assert!(svg.contains("from Jan 2026 to May 2026"));
    }

    #[test]
    fn long_ranges_thin_out_month_labels() {
        let items = vec![item("Long", (2020, 1, 1), Some((2026, 12, 31)), "running")];
        let svg = timeline(&items, (2030, 1, 1), "t", "T", false).unwrap();
        let labels: Vec<f64> = tags(&svg, "text")
            .iter()
            .filter(|t| attr(t, "y") == Some(&num(PAD + TL_AXIS_BASELINE)))
            .map(|t| num_attr(t, "x"))
            .collect();
        assert!(labels.len() >= 3 && labels.len() < 12, "{labels:?}");
        assert!(labels.windows(2).all(|w| w[1] - w[0] >= TL_TICK_LABEL_W));
        assert!(svg.contains(">Jan 2020</text>"));
        assert!(!svg.contains(">Feb 2020</text>"));
        assert!(labels.iter().all(|x| x + TL_TICK_LABEL_W <= VIEW_W));
    }

    #[test]
    fn today_line_only_when_in_range() {
        let items = vec![item("A", (2026, 1, 5), Some((2026, 2, 20)), "completed")];
        let inside = timeline(&items, (2026, 2, 1), "t", "T", false).unwrap();
        assert_eq!(
            tags(&inside, "line")
                .iter()
                .filter(|t| attr(t, "class") == Some("timeline-today"))
                .count(),
            1
        );
        assert!(inside.contains(">today</text>"));
        assert!(inside.contains("Today is 2026-02-01."));

        for outside in [(2025, 12, 31), (2026, 3, 1), (2027, 6, 1)] {
            let svg = timeline(&items, outside, "t", "T", false).unwrap();
            assert!(!svg.contains("timeline-today"), "{outside:?}");
            assert!(!svg.contains(">today</text>"));
        }
        // The last day of the charted range still counts.
        let edge = timeline(&items, (2026, 2, 28), "t", "T", false).unwrap();
        assert!(edge.contains("timeline-today"));
    }

    #[test]
    fn today_line_lies_on_the_open_ended_bar_end() {
        let items = vec![
            item("Closed", (2026, 1, 1), Some((2026, 4, 30)), "completed"),
            item("Open", (2026, 2, 1), None, "running"),
        ];
        let svg = timeline(&items, (2026, 3, 15), "t", "T", false).unwrap();
        let open = bars(&svg)[1];
        let bar_end = num_attr(open, "x") + num_attr(open, "width");
        let line = *tags(&svg, "line")
            .iter()
            .find(|t| attr(t, "class") == Some("timeline-today"))
            .unwrap();
        let today_x = num_attr(line, "x1");
        assert!(
            today_x < bar_end && bar_end - today_x < 2.0,
            "{today_x} {bar_end}"
        );
    }

    #[test]
    fn open_ended_items_before_today_run_thirty_days() {
        let items = vec![item("Soon", (2026, 6, 1), None, "planned")];
        let svg = timeline(&items, (2026, 1, 1), "t", "T", false).unwrap();
        // June 1 + 30 days = July 1: the range covers June and July.
        assert!(svg.contains(">Jun 2026</text>") && svg.contains(">Jul 2026</text>"));
        assert!(!svg.contains("Aug 2026"));
        assert!(!svg.contains("timeline-today"));
        assert!(svg.contains("since 2026-06-01, open-ended (planned)"));
    }

    #[test]
    fn labels_are_links_with_safe_urls() {
        let items = vec![
            TimelineItem {
                url: "/c/a?x=1&y=\"2\"".into(),
                ..item("<A & B>", (2026, 1, 1), Some((2026, 1, 31)), "running")
            },
            TimelineItem {
                url: " JavaScript:alert(1)".into(),
                ..item(
                    "Evil",
                    (2026, 1, 1),
                    Some((2026, 1, 31)),
                    "running\" onload=\"x",
                )
            },
        ];
        let svg = timeline(&items, (2026, 1, 10), "t", "T", false).unwrap();
        assert_well_formed(&svg);
        let links = tags(&svg, "a");
        assert_eq!(attr(links[0], "href"), Some("/c/a?x=1&amp;y=&quot;2&quot;"));
        assert_eq!(attr(links[1], "href"), Some("#"));
        assert!(svg.contains("&lt;A &amp; B&gt;\u{2069}</text>\n</a>"));
        assert!(!svg.contains("onload=\""));
        assert_eq!(
            attr(bars(&svg)[1], "class"),
            Some("timeline-bar timeline-running--onload--x")
        );
        assert_eq!(
            safe_url("https://example.com/a:b"),
            "https://example.com/a:b"
        );
        assert_eq!(safe_url("/path/with:colon"), "/path/with:colon");
        assert_eq!(safe_url("data:text/html,x"), "#");
    }

    #[test]
    fn reversed_or_single_day_items_stay_visible() {
        let items = vec![
            item("Backwards", (2026, 3, 10), Some((2026, 3, 1)), "completed"),
            item("One day", (2026, 3, 5), Some((2026, 3, 5)), "completed"),
        ];
        let svg = timeline(&items, (2026, 3, 5), "t", "T", false).unwrap();
        for bar in bars(&svg) {
            assert!(num_attr(bar, "width") >= TL_MIN_BAR_W);
        }
        assert_well_formed(&svg);
    }

    #[test]
    fn civil_day_arithmetic() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil(1969, 12, 31), -1);
        assert_eq!(
            days_from_civil(2024, 3, 1) - days_from_civil(2024, 2, 28),
            2
        );
        assert_eq!(
            days_from_civil(2026, 3, 1) - days_from_civil(2026, 2, 28),
            1
        );
        assert_eq!(
            days_from_civil(2026, 1, 1) - days_from_civil(2025, 1, 1),
            365
        );
        for day in [-800_000, -1, 0, 1, 11_017, 20_454, 2_932_896] {
            let (y, m, d) = civil_from_days(day);
            assert_eq!(days_from_civil(y, m, d), day);
        }
        assert_eq!(civil_from_days(20_454), (2026, 1, 1));
        assert_eq!(month_label(month_index((2026, 1, 1))), "Jan 2026");
        assert_eq!(month_label(month_index((2025, 12, 1)) + 1), "Jan 2026");
        assert_eq!(
            month_start(month_index((2026, 3, 17))),
            days_from_civil(2026, 3, 1)
        );
    }
}
