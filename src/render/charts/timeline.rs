//! Render stage: the campaign timeline — a month axis, one row per campaign with
//! its label as a link and a bar over its days, and a line marking today.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::calendar_days::{date_of, day_number, month_index, month_start, year_month};
use super::svg::{
    FONT_SIZE, Frame, LABEL_W, NARROW_W, PAD, VIEW_W, escape, isolate, label_text_with, num,
    open_svg, text, text_width,
};
use super::{Chart, ChartText, TimelineItem, Width};

/// Height of one campaign row: wide (label beside the bar) and narrow (label
/// above it).
const TL_ROW_H: f64 = 28.0;
const TL_NARROW_ROW_H: f64 = 40.0;
/// Narrow rows: baseline of the label and top of the bar below the row top.
const TL_NARROW_LABEL_BASELINE: f64 = 13.0;
const TL_NARROW_BAR_Y: f64 = 19.0;
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
/// Room a month label needs besides its text: its offset from the tick and a gap.
const TL_TICK_LABEL_ROOM: f64 = 6.0;
/// Offset of a month label from its tick line.
const TL_TICK_LABEL_DX: f64 = 4.0;
/// Candidate spacings of labelled ticks, in months (then whole years).
const TL_TICK_STEPS: [i64; 6] = [1, 2, 3, 4, 6, 12];
/// Length of an open-ended item that has not started yet.
const OPEN_ENDED_DAYS: i64 = 30;

/// Top of the month tick lines below the top padding.
const TL_TICK_TOP: f64 = 2.0;
/// Shift from the middle of a row down to the baseline of its label, in font
/// sizes: it centres the label on the bar.
const TL_LABEL_BASELINE_SHIFT: f64 = 0.35;
/// How far the "today" line reaches above the first row and below the last.
const TL_TODAY_OVERHANG: f64 = 4.0;
/// Gap between the baseline of the "today" label and the bottom of the footer.
const TL_TODAY_LABEL_DESCENT: f64 = 4.0;
/// The "today" line runs through the middle of the day.
const TL_MID_DAY: f64 = 0.5;

/// Gantt-like timeline: a month axis (month labels in the page's language,
/// thinned out when months are narrow), one row per item in the given order with
/// the label as a link and a bar from start to end (inclusive) with class
/// `timeline-bar timeline-<status>`, and a vertical `timeline-today` line when
/// `today` lies in the charted range. Open-ended items run to `today`, or 30
/// days from their start when today is before it.
///
/// Returns `None` when `items` is empty.
pub(crate) fn timeline(
    items: &[TimelineItem],
    today: NaiveDate,
    chart: &Chart<'_>,
) -> Option<String> {
    if items.is_empty() {
        return None;
    }
    let today_day = day_number(today);
    let spans = day_spans(items, today_day);
    let layout = TimelineLayout::new(&spans, today_day, chart)?;

    let t = chart.text;
    let description = description(items, &layout, today, t);
    let mut out = String::new();
    open_svg(
        &mut out,
        "timeline",
        chart,
        &description,
        &layout.frame,
        layout.height,
    );
    write_month_axis(&mut out, &layout, t);
    for (i, (item, span)) in items.iter().zip(&spans).enumerate() {
        let top = layout.rows_top + i as f64 * layout.row_h;
        write_row(&mut out, &layout, item, *span, top, t);
    }
    if layout.show_today {
        write_today(&mut out, &layout, today, t);
    }
    out.push_str("</svg>\n");
    Some(out)
}

/// Each item's days as `(first, end)`, end exclusive (the bar covers its last
/// day). Open-ended items run to `today_day`, or [`OPEN_ENDED_DAYS`] past their
/// start when it is still ahead.
fn day_spans(items: &[TimelineItem], today_day: i64) -> Vec<(i64, i64)> {
    items
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
        .collect()
}

/// Where the months, rows and days of a timeline go.
struct TimelineLayout {
    frame: Frame,
    narrow: bool,
    row_h: f64,
    /// The charted range in whole months: month indexes of its first month and
    /// of the month after its last.
    first_month: i64,
    end_month: i64,
    /// The same range as day numbers, end exclusive.
    range_start: i64,
    range_end: i64,
    /// Left edge, width and right edge of the plot area.
    plot_x: f64,
    plot_w: f64,
    plot_end: f64,
    /// Top of the first row and bottom of the last.
    rows_top: f64,
    rows_bottom: f64,
    /// Whether today lies in the charted range (and gets its line and label).
    show_today: bool,
    /// Height of the `viewBox`.
    height: f64,
}

impl TimelineLayout {
    /// The layout for one row per span; `None` without spans.
    fn new(spans: &[(i64, i64)], today_day: i64, chart: &Chart<'_>) -> Option<TimelineLayout> {
        let first = spans.iter().map(|s| s.0).min()?;
        let last = spans.iter().map(|s| s.1 - 1).max()?;

        // The charted range: whole months, from the first day's month up to the
        // month after the last day's.
        let first_month = month_index(date_of(first));
        let end_month = month_index(date_of(last)) + 1;
        let range_start = month_start(first_month);
        let range_end = month_start(end_month);

        let narrow = chart.width == Width::Narrow;
        let (width, label_w, row_h) = if narrow {
            (NARROW_W, NARROW_W - 2.0 * PAD, TL_NARROW_ROW_H)
        } else {
            (VIEW_W, LABEL_W, TL_ROW_H)
        };
        let plot_x = if narrow { PAD } else { PAD + LABEL_W };
        let plot_w = width - PAD - plot_x;
        let rows_top = PAD + TL_AXIS_H;
        let rows_bottom = rows_top + spans.len() as f64 * row_h;
        let show_today = (range_start..range_end).contains(&today_day);
        let height = rows_bottom + if show_today { TL_FOOTER_H } else { 0.0 } + PAD;
        Some(TimelineLayout {
            frame: Frame {
                width,
                rtl: chart.rtl,
                label_w,
            },
            narrow,
            row_h,
            first_month,
            end_month,
            range_start,
            range_end,
            plot_x,
            plot_w,
            plot_end: plot_x + plot_w,
            rows_top,
            rows_bottom,
            show_today,
            height,
        })
    }

    /// The x of a day number (fractions of a day allowed), before mirroring.
    fn x_of(&self, day: f64) -> f64 {
        let range_days = (self.range_end - self.range_start) as f64;
        self.plot_x + (day - self.range_start as f64) / range_days * self.plot_w
    }
}

/// The chart's `<desc>`: the charted months, every item's period, and today
/// when it is charted.
fn description(
    items: &[TimelineItem],
    layout: &TimelineLayout,
    today: NaiveDate,
    t: &dyn ChartText,
) -> String {
    let mut description = t.text(
        "chart_timeline_range",
        &[
            ("first", &month_label(layout.first_month, t)),
            ("last", &month_label(layout.end_month - 1, t)),
        ],
    );
    for item in items {
        let _ = write!(description, " {}: {}.", item.label, item_period(item, t));
    }
    if layout.show_today {
        let today_is = t.text("chart_today_is", &[("date", &t.date(today))]);
        let _ = write!(description, " {today_is}");
    }
    description
}

/// Month axis: a labelled tick every [`tick_step`] months, aligned to the
/// calendar (quarters start in January, April, …), and the line above the rows.
fn write_month_axis(out: &mut String, layout: &TimelineLayout, t: &dyn ChartText) {
    let frame = &layout.frame;
    let months = layout.end_month - layout.first_month;
    let label_w = (layout.first_month..layout.end_month)
        .map(|m| text_width(&month_label(m, t)))
        .fold(0.0, f64::max)
        + TL_TICK_LABEL_ROOM;
    let step = tick_step(layout.plot_w / months as f64, label_w);
    for month in layout.first_month..layout.end_month {
        if month.rem_euclid(step) != 0 {
            continue;
        }
        let x = layout.x_of(month_start(month) as f64);
        let _ = writeln!(
            out,
            r#"<line class="chart-axis" stroke="currentColor" stroke-opacity="0.35" x1="{x}" y1="{}" x2="{x}" y2="{}"/>"#,
            num(PAD + TL_TICK_TOP),
            num(layout.rows_bottom),
            x = num(frame.x(x)),
        );
        if layout.plot_end - x >= label_w {
            let label_x = frame.x(x + TL_TICK_LABEL_DX);
            text(
                out,
                label_x,
                PAD + TL_AXIS_BASELINE,
                "start",
                &month_label(month, t),
            );
        }
    }
    let _ = writeln!(
        out,
        r#"<line class="chart-axis" stroke="currentColor" x1="{}" y1="{y}" x2="{}" y2="{y}"/>"#,
        num(frame.x(layout.plot_x)),
        num(frame.x(layout.plot_end)),
        y = num(layout.rows_top),
    );
}

/// Months between labelled ticks when one month is `month_w` wide and a label
/// needs `label_w`: the first of [`TL_TICK_STEPS`] that leaves room for a label,
/// else enough whole years.
fn tick_step(month_w: f64, label_w: f64) -> i64 {
    TL_TICK_STEPS
        .into_iter()
        .find(|s| *s as f64 * month_w >= label_w)
        .unwrap_or_else(|| {
            let years = (label_w / (12.0 * month_w)).ceil() as i64;
            12 * years.max(1)
        })
}

/// One campaign row starting at `top`: the label as a link (beside the bar, or
/// above it when narrow) and the bar over the item's days `(start, end)`, end
/// exclusive.
fn write_row(
    out: &mut String,
    layout: &TimelineLayout,
    item: &TimelineItem,
    (start, end): (i64, i64),
    top: f64,
    t: &dyn ChartText,
) {
    let frame = &layout.frame;
    let (label_baseline, bar_y) = if layout.narrow {
        (top + TL_NARROW_LABEL_BASELINE, top + TL_NARROW_BAR_Y)
    } else {
        (
            top + TL_ROW_H / 2.0 + FONT_SIZE * TL_LABEL_BASELINE_SHIFT,
            top + (TL_ROW_H - TL_BAR_H) / 2.0,
        )
    };
    out.push_str("<g class=\"timeline-row\">\n");
    let _ = write!(out, r#"<a href="{}">"#, escape(&safe_url(&item.url)));
    label_text_with(
        out,
        frame,
        &item.label,
        label_baseline,
        r#" text-decoration="underline""#,
    );
    out.push_str("</a>\n");

    let x = layout.x_of(start as f64);
    let w = (layout.x_of(end as f64) - x).max(TL_MIN_BAR_W);
    let _ = writeln!(
        out,
        r#"<rect class="timeline-bar timeline-{}" x="{}" y="{}" width="{}" height="{}" rx="2"><title>{}</title></rect>"#,
        status_token(&item.status),
        num(frame.span(x, w)),
        num(bar_y),
        num(w),
        num(TL_BAR_H),
        escape(&format!("{}: {}", item.label, item_period(item, t))),
    );
    out.push_str("</g>\n");
}

/// The dashed "today" line across the rows, and its label centred below them.
fn write_today(out: &mut String, layout: &TimelineLayout, today: NaiveDate, t: &dyn ChartText) {
    let frame = &layout.frame;
    let x = layout.x_of(day_number(today) as f64 + TL_MID_DAY);
    let word = t.text("chart_today", &[]);
    let _ = writeln!(
        out,
        r#"<line class="timeline-today" stroke="currentColor" stroke-width="2" stroke-dasharray="4 3" x1="{x}" y1="{}" x2="{x}" y2="{}"><title>{}</title></line>"#,
        num(layout.rows_top - TL_TODAY_OVERHANG),
        num(layout.rows_bottom + TL_TODAY_OVERHANG),
        escape(&format!("{word}, {}", t.date(today))),
        x = num(frame.x(x)),
    );
    // Keep the centred label inside the plot.
    let half = (text_width(&word) / 2.0).min(layout.plot_w / 2.0);
    let label_x = x.clamp(layout.plot_x + half, layout.plot_end - half);
    text(
        out,
        frame.x(label_x),
        layout.rows_bottom + TL_FOOTER_H - TL_TODAY_LABEL_DESCENT,
        "middle",
        &word,
    );
}

/// "2026-01-05 to 2026-03-01 (running)" or "since 2026-01-05, open-ended
/// (running)", in the page's language.
fn item_period(item: &TimelineItem, t: &dyn ChartText) -> String {
    let start = isolate(&t.date(item.start));
    match item.end {
        Some(end) => t.text(
            "chart_period",
            &[
                ("start", &start),
                ("end", &isolate(&t.date(end))),
                ("status", &item.status_label),
            ],
        ),
        None => t.text(
            "chart_period_open",
            &[("start", &start), ("status", &item.status_label)],
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

/// A [`month_index`] in the page's language: "Mar 2026", "бер. 2026 р.".
fn month_label(month: i64, t: &dyn ChartText) -> String {
    let (year, month) = year_month(month);
    t.month(year, month)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{
        assert_accessible, assert_well_formed, attr, chart, in_lang, item, num_attr,
        sample_timeline, tags, words_of, ymd,
    };
    use super::*;

    #[test]
    fn a_ukrainian_timeline_speaks_ukrainian() {
        let mut items = sample_timeline();
        items[0].status_label = "Завершено".into();
        for width in [Width::Wide, Width::Narrow] {
            let uk = in_lang("uk", "t", "Хронологія", false, width);
            let svg = timeline(&items, ymd(2026, 2, 17), &uk).unwrap();
            assert_well_formed(&svg);
            let words = words_of(&svg);
            for ukrainian in [
                "січ. 2026",
                "сьогодні",
                "Сьогодні 17 лютого 2026",
                "Кампанії з",
                "Завершено",
            ] {
                assert!(
                    words.contains(ukrainian),
                    "{ukrainian} in {width:?}: {words}"
                );
            }
            for english in [
                "Jan",
                "Feb",
                "today",
                "Today",
                "from",
                "since",
                "2026-02-17",
            ] {
                assert!(!words.contains(english), "{english} in {width:?}: {words}");
            }
        }
    }

    #[test]
    fn the_narrow_timeline_puts_labels_above_full_width_bars() {
        let narrow = in_lang("en", "t", "T", false, Width::Narrow);
        let svg = timeline(&sample_timeline(), ymd(2026, 2, 17), &narrow).unwrap();
        assert_well_formed(&svg);
        assert_accessible(&svg, "t");
        let root = tags(&svg, "svg")[0];
        assert_eq!(
            attr(root, "class"),
            Some("chart chart-timeline chart-narrow")
        );
        assert!(
            attr(root, "viewBox")
                .unwrap()
                .starts_with(&format!("0 0 {} ", num(NARROW_W)))
        );
        // The earliest item starts at the plot's left edge, which is the padding.
        let first = bars(&svg)[0];
        assert!(num_attr(first, "x") < PAD + 20.0, "{first}");
        let label = tags(&svg, "text")
            .into_iter()
            .find(|t| attr(t, "text-decoration").is_some())
            .unwrap();
        assert!(num_attr(label, "y") < num_attr(first, "y"));
    }

    #[test]
    fn timeline_is_none_without_items() {
        assert!(timeline(&[], ymd(2026, 1, 1), &chart("t", "T", false)).is_none());
    }

    #[test]
    fn timeline_is_well_formed_and_accessible() {
        for rtl in [false, true] {
            let svg = timeline(
                &sample_timeline(),
                ymd(2026, 2, 17),
                &chart("tl", "Campaigns", rtl),
            )
            .unwrap();
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
        let ltr = timeline(&items, ymd(2026, 2, 17), &chart("t", "T", false)).unwrap();
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

        let rtl = timeline(&items, ymd(2026, 2, 17), &chart("t", "T", true)).unwrap();
        let b = bars(&rtl);
        let (early, later) = (b[0], b[1]);
        assert!(num_attr(later, "x") + num_attr(later, "width") < num_attr(early, "x"));
    }

    #[test]
    fn month_ticks_are_labelled() {
        let svg = timeline(
            &sample_timeline(),
            ymd(2026, 2, 17),
            &chart("t", "T", false),
        )
        .unwrap();
        for month in ["Jan 2026", "Feb 2026", "Mar 2026", "Apr 2026", "May 2026"] {
            assert!(svg.contains(&format!(">{month}</text>")), "{month}");
        }
        assert!(!svg.contains("Dec 2025") && !svg.contains("Jun 2026"));
        assert!(svg.contains("from Jan 2026 to May 2026"));
    }

    #[test]
    fn long_ranges_thin_out_month_labels() {
        let items = vec![item("Long", (2020, 1, 1), Some((2026, 12, 31)), "running")];
        let svg = timeline(&items, ymd(2030, 1, 1), &chart("t", "T", false)).unwrap();
        let labels: Vec<f64> = tags(&svg, "text")
            .iter()
            .filter(|t| attr(t, "y") == Some(num(PAD + TL_AXIS_BASELINE).as_str()))
            .map(|t| num_attr(t, "x"))
            .collect();
        assert!(labels.len() >= 3 && labels.len() < 12, "{labels:?}");
        let label_w = text_width("Sep 2026") + TL_TICK_LABEL_ROOM;
        assert!(labels.windows(2).all(|w| w[1] - w[0] >= label_w));
        assert!(svg.contains(">Jan 2020</text>"));
        assert!(!svg.contains(">Feb 2020</text>"));
        assert!(labels.iter().all(|x| x + label_w <= VIEW_W));
    }

    #[test]
    fn today_line_only_when_in_range() {
        let items = vec![item("A", (2026, 1, 5), Some((2026, 2, 20)), "completed")];
        let inside = timeline(&items, ymd(2026, 2, 1), &chart("t", "T", false)).unwrap();
        assert_eq!(
            tags(&inside, "line")
                .iter()
                .filter(|t| attr(t, "class") == Some("timeline-today"))
                .count(),
            1
        );
        assert!(inside.contains(">today</text>"));
        assert!(inside.contains("Today is February 1, 2026."));

        for (y, m, d) in [(2025, 12, 31), (2026, 3, 1), (2027, 6, 1)] {
            let outside = ymd(y, m, d);
            let svg = timeline(&items, outside, &chart("t", "T", false)).unwrap();
            assert!(!svg.contains("timeline-today"), "{outside:?}");
            assert!(!svg.contains(">today</text>"));
        }
        // The last day of the charted range still counts.
        let edge = timeline(&items, ymd(2026, 2, 28), &chart("t", "T", false)).unwrap();
        assert!(edge.contains("timeline-today"));
    }

    #[test]
    fn today_line_lies_on_the_open_ended_bar_end() {
        let items = vec![
            item("Closed", (2026, 1, 1), Some((2026, 4, 30)), "completed"),
            item("Open", (2026, 2, 1), None, "running"),
        ];
        let svg = timeline(&items, ymd(2026, 3, 15), &chart("t", "T", false)).unwrap();
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
        let svg = timeline(&items, ymd(2026, 1, 1), &chart("t", "T", false)).unwrap();
        // June 1 + 30 days = July 1: the range covers June and July.
        assert!(svg.contains(">Jun 2026</text>") && svg.contains(">Jul 2026</text>"));
        assert!(!svg.contains("Aug 2026"));
        assert!(!svg.contains("timeline-today"));
        assert!(svg.contains("since \u{2068}June 1, 2026\u{2069}, open-ended (planned)"));
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
        let svg = timeline(&items, ymd(2026, 1, 10), &chart("t", "T", false)).unwrap();
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
        let svg = timeline(&items, ymd(2026, 3, 5), &chart("t", "T", false)).unwrap();
        for bar in bars(&svg) {
            assert!(num_attr(bar, "width") >= TL_MIN_BAR_W);
        }
        assert_well_formed(&svg);
    }
}
