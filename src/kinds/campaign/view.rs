//! What templates get of a campaign: `page.campaign` ([`CampaignView`]) on its page,
//! with its KPIs and their chart, and the fields a listing shows of it
//! ([`CampaignSummary`]).

use serde::Serialize;

use super::{Campaign, Kpi, Status};
use crate::error::Diagnostic;
use crate::kinds::values::Better;
use crate::kinds::view::{ListItemView, ViewContext};
use crate::render::charts;
use crate::render::format::Format;
use crate::site::Page;

/// `page.campaign`: a campaign as its page shows it.
#[derive(Debug, Serialize)]
pub(crate) struct CampaignView {
    /// Who the campaign is for, as written.
    pub client: Option<String>,
    /// `planned`, `running` or `completed`.
    pub status: Status,
    /// The status in words: `Planned`, `Running` or `Completed`.
    pub status_label: &'static str,
    /// The first day, `YYYY-MM-DD`.
    pub start: String,
    /// The last day, `YYYY-MM-DD`; `null` while open-ended.
    pub end: Option<String>,
    /// `start` in the page's language.
    pub start_display: String,
    /// `end` in the page's language.
    pub end_display: Option<String>,
    /// Whole days from start to end, both counted; `null` while open-ended.
    pub duration_days: Option<i64>,
    /// The budget, formatted as money.
    pub budget: Option<BudgetView>,
    /// The objectives, each entry rendered from Markdown.
    pub objectives: Vec<ListItemView>,
    /// The audience, rendered from Markdown.
    pub audience: Option<String>,
    /// The KPIs in the order written, each with its target, actual value and progress.
    pub kpis: Vec<KpiView>,
    /// The KPIs as inline SVG bar charts in the page's language, a wide layout
    /// (class `chart-wide`) and a narrow one (`chart-narrow`) for the stylesheet to
    /// choose from; `null` when there are none.
    pub chart_svg: Option<String>,
}

/// `page.campaign.budget`.
#[derive(Debug, Serialize)]
pub(crate) struct BudgetView {
    /// The amount, a number.
    pub amount: f64,
    /// The ISO 4217 code, upper case.
    pub currency: String,
    /// The amount as money in the page's language.
    pub display: String,
}

/// One row of `page.campaign.kpis`.
#[derive(Debug, Serialize)]
pub(crate) struct KpiView {
    /// What is measured (`Reach`).
    pub name: String,
    /// The value aimed at.
    pub target: f64,
    /// The value reached; `null` until measured.
    pub actual: Option<f64>,
    /// The unit (`%`, `UAH`, `clicks`), as written.
    pub unit: Option<String>,
    /// `higher` or `lower`: which way is better.
    pub better: Better,
    /// How much of the target is reached, a whole percentage.
    pub percent: Option<i64>,
    /// Whether the target is met (for `lower`, not exceeded).
    pub met: Option<bool>,
    /// `target` with its unit, in the page's language.
    pub target_display: String,
    /// `actual` with its unit, in the page's language.
    pub actual_display: Option<String>,
    /// `percent` in the page's language (`85 %`).
    pub percent_display: Option<String>,
}

/// What a listing shows of a campaign, besides every page's summary.
#[derive(Debug, Serialize)]
pub(crate) struct CampaignSummary {
    /// `planned`, `running` or `completed`.
    pub status: Status,
    /// The status in words.
    pub status_label: &'static str,
    /// The first day, `YYYY-MM-DD`.
    pub start: String,
    /// The last day, `YYYY-MM-DD`.
    pub end: Option<String>,
    /// Who the campaign is for.
    pub client: Option<String>,
    /// `start` in the page's language.
    pub start_display: String,
    /// `end` in the page's language.
    pub end_display: Option<String>,
}

impl CampaignView {
    pub(crate) fn new(
        cx: &ViewContext<'_>,
        page: &Page,
        c: &Campaign,
        problems: &mut Vec<Diagnostic>,
    ) -> CampaignView {
        let m = &c.fm;
        let f = cx.format(page);
        CampaignView {
            client: m.client.clone(),
            status: c.status,
            status_label: status_label(c.status),
            start: c.start.format("%Y-%m-%d").to_string(),
            end: c.end.map(|e| e.format("%Y-%m-%d").to_string()),
            start_display: f.date(c.start),
            end_display: c.end.map(|e| f.date(e)),
            duration_days: c.duration_days(),
            budget: m.budget.as_ref().map(|b| BudgetView {
                amount: b.amount.0,
                currency: b.currency.to_ascii_uppercase(),
                display: f.money(b.amount.0, &b.currency),
            }),
            objectives: cx.items(page, &["objectives"], &m.objectives, problems),
            audience: m
                .audience
                .as_ref()
                .map(|a| cx.markdown(page, &["audience"], a, problems)),
            kpis: m.kpis.iter().map(|k| KpiView::new(k, f)).collect(),
            chart_svg: chart(page, &m.kpis, f),
        }
    }
}

impl KpiView {
    fn new(k: &Kpi, f: Format<'_>) -> KpiView {
        let actual = k.actual.map(|a| a.0);
        let percent = actual.and_then(|a| charts::percent_of_target(k.target.0, a));
        KpiView {
            name: k.name.clone(),
            target: k.target.0,
            actual,
            unit: k.unit.clone(),
            better: k.better,
            percent,
            met: actual.map(|a| charts::is_met(k.target.0, a, k.better)),
            target_display: f.with_unit(k.target.0, k.unit.as_deref()),
            actual_display: actual.map(|a| f.with_unit(a, k.unit.as_deref())),
            percent_display: percent.map(|p| f.percent(p)),
        }
    }
}

impl CampaignSummary {
    pub(crate) fn new(c: &Campaign, f: Format<'_>) -> CampaignSummary {
        CampaignSummary {
            status: c.status,
            status_label: status_label(c.status),
            start: c.start.format("%Y-%m-%d").to_string(),
            end: c.end.map(|e| e.format("%Y-%m-%d").to_string()),
            client: c.fm.client.clone(),
            start_display: f.date(c.start),
            end_display: c.end.map(|e| f.date(e)),
        }
    }
}

/// The KPIs' bar chart, target against actual, in both layouts.
fn chart(page: &Page, kpis: &[Kpi], f: Format<'_>) -> Option<String> {
    let bars: Vec<charts::KpiBar> = kpis
        .iter()
        .map(|k| charts::KpiBar {
            name: k.name.clone(),
            target: k.target.0,
            actual: k.actual.map(|a| a.0),
            unit: k.unit.clone(),
            better: k.better,
        })
        .collect();
    let rtl = crate::config::SiteConfig::direction(&page.lang) == "rtl";
    let title = f
        .word("chart_kpi_title")
        .replace("{title}", &page.meta.title);
    charts::both_layouts("kpi", &title, rtl, &f, |spec| {
        charts::kpi_chart(&bars, spec)
    })
}

fn status_label(status: Status) -> &'static str {
    match status {
        Status::Planned => "Planned",
        Status::Running => "Running",
        Status::Completed => "Completed",
    }
}
