//! Render stage: the template views of the typed kinds (`page.job`, `page.swot`, …),
//! the `JobPosting` JSON-LD and the Open Graph data.

use serde_json::{Map, Value, json};

use super::format::Format;
use super::locale::Localizer;
use super::strings::Strings;
use crate::error::Diagnostic;
use crate::images::Slot;
use crate::kinds::Origin;
use crate::kinds::campaign::{Campaign, Status as CampaignStatus};
use crate::kinds::case_study::CaseStudy;
use crate::kinds::job::{Job, country_name};
use crate::kinds::swot::Swot;
use crate::kinds::values::{Better, ListItem};
use crate::markdown::{MarkdownOptions, Rendered, render_fragment};
use crate::site::{Page, Site};

/// Builds kind views; Markdown inside front matter values is rendered here.
pub struct KindViews<'a> {
    pub site: &'a Site,
    pub markdown: &'a MarkdownOptions<'a>,
    pub locale: &'a Localizer,
    pub strings: &'a Strings,
}

impl KindViews<'_> {
    /// `("job", {...})` for a job page, and problems met (broken `@/` links in values).
    pub fn view(&self, page: &Page) -> (Option<(&'static str, Value)>, Vec<Diagnostic>) {
        let mut problems = Vec::new();
        let view = page.kind.view(self, page, &mut problems);
        (view.map(|v| (page.kind.spec().name(), v)), problems)
    }

    pub fn format<'p>(&'p self, page: &'p Page) -> Format<'p> {
        Format {
            locale: self.locale,
            strings: self.strings,
            lang: &page.lang,
        }
    }

    fn origin<'p>(&self, page: &'p Page) -> Origin<'p> {
        Origin {
            file: &page.file,
            front_matter: &page.front_matter,
        }
    }

    pub(super) fn markdown(
        &self,
        page: &Page,
        path: &[&str],
        text: &str,
        problems: &mut Vec<Diagnostic>,
    ) -> String {
        let line = self.origin(page).line(path);
        let Rendered {
            html,
            problems: found,
            ..
        } = render_fragment(&page.file, text, line, self.markdown);
        problems.extend(found);
        html
    }

    fn items(
        &self,
        page: &Page,
        path: &[&str],
        items: &[ListItem],
        problems: &mut Vec<Diagnostic>,
    ) -> Vec<Value> {
        items
            .iter()
            .map(|item| {
                json!({
                    "html": self.markdown(page, path, &item.text, problems),
                    "children": self.items(page, path, &item.children, problems),
                })
            })
            .collect()
    }

    pub fn job(&self, page: &Page, job: &Job, problems: &mut Vec<Diagnostic>) -> Value {
        let closed = job.closed;
        let m = &job.fm;
        let apply = m.apply.clone().unwrap_or_default();
        let href = apply
            .url
            .clone()
            .or_else(|| apply.email.as_ref().map(|e| format!("mailto:{e}")));
        let f = self.format(page);
        let salary = m.salary.as_ref().map(|s| {
            let money = |n: f64| f.money(n, &s.currency);
            let amount = match (s.min, s.max, s.value) {
                (Some(min), Some(max), _) => format!("{} – {}", money(min.0), money(max.0)),
                (Some(min), None, _) => format!("{} {}", f.word("salary_from"), money(min.0)),
                (None, Some(max), _) => format!("{} {}", f.word("salary_up_to"), money(max.0)),
                (None, None, Some(v)) => money(v.0),
                _ => String::new(),
            };
            json!({
                "currency": s.currency.to_ascii_uppercase(),
                "min": s.min, "max": s.max, "value": s.value,
                "unit": s.unit,
                "unit_label": f.per_unit(&s.unit),
                "amount_display": amount,
                "display": format!("{amount} {}", f.per_unit(&s.unit)),
            })
        });
        json!({
            "date_posted": page.meta.date.map(|d| d.ymd()),
            "valid_through": m.valid_through.map(|d| d.ymd()),
            "closed": closed,
            "employment_type": job.employment_types,
            "employment_type_labels": job.employment_types.iter().map(|t| f.employment_type(t.as_str())).collect::<Vec<_>>(),
            "date_posted_display": page.meta.date.map(|d| f.date(d.0.date_naive())),
            "valid_through_display": m.valid_through.map(|d| f.date(d.0.date_naive())),
            "company": m.company.as_ref().map(|c| json!({
                "name": c.name,
                "url": c.url,
                "logo": c.logo.as_ref().map(|l| self.asset_url(page, l)),
            })),
            "location": location_view(job, f),
            "salary": salary,
            "department": m.department,
            "seniority": m.seniority,
            "apply": {"url": apply.url, "email": apply.email, "href": href},
            "responsibilities": self.items(page, &["responsibilities"], &m.responsibilities, problems),
            "qualifications": self.items(page, &["qualifications"], &m.qualifications, problems),
            "nice_to_have": self.items(page, &["nice_to_have"], &m.nice_to_have, problems),
            "benefits": self.items(page, &["benefits"], &m.benefits, problems),
        })
    }

    pub fn swot(&self, page: &Page, swot: &Swot, problems: &mut Vec<Diagnostic>) -> Value {
        let m = &swot.fm;
        let mut quadrant = |key: &str, items: &Option<Vec<ListItem>>| {
            self.items(page, &[key], items.as_deref().unwrap_or_default(), problems)
        };
        let strengths = quadrant("strengths", &m.strengths);
        let weaknesses = quadrant("weaknesses", &m.weaknesses);
        let opportunities = quadrant("opportunities", &m.opportunities);
        let threats = quadrant("threats", &m.threats);
        let strategies = m.strategies.as_ref().map(|s| {
            json!({
                "so": self.items(page, &["strategies", "so"], &s.so, problems),
                "wo": self.items(page, &["strategies", "wo"], &s.wo, problems),
                "st": self.items(page, &["strategies", "st"], &s.st, problems),
                "wt": self.items(page, &["strategies", "wt"], &s.wt, problems),
            })
        });
        json!({
            "subject": m.subject,
            "strengths": strengths,
            "weaknesses": weaknesses,
            "opportunities": opportunities,
            "threats": threats,
            "strategies": strategies,
        })
    }

    pub fn campaign(&self, page: &Page, c: &Campaign, problems: &mut Vec<Diagnostic>) -> Value {
        let m = &c.fm;
        let f = self.format(page);
        let kpis: Vec<Value> = m
            .kpis
            .iter()
            .map(|k| {
                let actual = k.actual.map(|a| a.0);
                let percent = actual.and_then(|a| super::charts::percent_of_target(k.target.0, a));
                let met = actual.map(|a| super::charts::is_met(k.target.0, a, k.better));
                json!({
                    "name": k.name,
                    "target": k.target.0,
                    "actual": actual,
                    "unit": k.unit,
                    "better": k.better,
                    "percent": percent,
                    "met": met,
                    "target_display": f.with_unit(k.target.0, k.unit.as_deref()),
                    "actual_display": actual.map(|a| f.with_unit(a, k.unit.as_deref())),
                    "percent_display": percent.map(|p| f.percent(p)),
                })
            })
            .collect();
        let bars: Vec<super::charts::KpiBar> = m
            .kpis
            .iter()
            .map(|k| super::charts::KpiBar {
                name: k.name.clone(),
                target: k.target.0,
                actual: k.actual.map(|a| a.0),
                unit: k.unit.clone(),
                better: k.better,
            })
            .collect();
        let rtl = crate::config::SiteConfig::direction(&page.lang) == "rtl";
        let chart = super::charts::kpi_chart(
            &bars,
            "kpi",
            &format!("{}: KPIs, target and actual", page.meta.title),
            rtl,
        );
        json!({
            "client": m.client,
            "status": c.status,
            "status_label": status_label(c.status),
            "start": c.start.format("%Y-%m-%d").to_string(),
            "end": c.end.map(|e| e.format("%Y-%m-%d").to_string()),
            "start_display": f.date(c.start),
            "end_display": c.end.map(|e| f.date(e)),
            "duration_days": c.duration_days(),
            "budget": m.budget.as_ref().map(|b| json!({
                "amount": b.amount.0,
                "currency": b.currency.to_ascii_uppercase(),
                "display": f.money(b.amount.0, &b.currency),
            })),
            "objectives": self.items(page, &["objectives"], &m.objectives, problems),
            "audience": m.audience.as_ref().map(|a| self.markdown(page, &["audience"], a, problems)),
            "kpis": kpis,
            "chart_svg": chart,
        })
    }

    pub fn case_study(
        &self,
        page: &Page,
        study: &CaseStudy,
        problems: &mut Vec<Diagnostic>,
    ) -> Value {
        let m = &study.fm;
        let f = self.format(page);
        let mut text = |key: &str, value: &Option<String>| {
            value
                .as_ref()
                .map(|v| self.markdown(page, &[key], v, problems))
        };
        let summary = text("summary", &m.summary);
        let challenge = text("challenge", &m.challenge);
        let approach = text("approach", &m.approach);
        let results: Vec<Value> = m
            .results
            .iter()
            .map(|r| {
                let change = r.after.0 - r.before.0;
                let direction = if change > 0.0 {
                    "up"
                } else if change < 0.0 {
                    "down"
                } else {
                    "flat"
                };
                let improved = match r.better {
                    Better::Higher => change > 0.0,
                    Better::Lower => change < 0.0,
                };
                let change_display = if r.unit.as_deref() == Some("%") {
                    format!(
                        "{}{} pts",
                        if change > 0.0 { "+" } else { "" },
                        f.number(change)
                    )
                } else if r.before.0 != 0.0 {
                    let pct = change / r.before.0.abs() * 100.0;
                    format!(
                        "{}{}%",
                        if pct > 0.0 { "+" } else { "" },
                        f.number(pct.round())
                    )
                } else {
                    format!(
                        "{}{}",
                        if change > 0.0 { "+" } else { "" },
                        f.with_unit(change, r.unit.as_deref())
                    )
                };
                json!({
                    "metric": r.metric,
                    "before": r.before.0,
                    "after": r.after.0,
                    "before_display": f.with_unit(r.before.0, r.unit.as_deref()),
                    "after_display": f.with_unit(r.after.0, r.unit.as_deref()),
                    "unit": r.unit,
                    "better": r.better,
                    "change": change,
                    "change_display": change_display,
                    "direction": direction,
                    "improved": improved,
                })
            })
            .collect();
        let testimonial = m.testimonial.as_ref().map(|t| {
            json!({
                "quote": self.markdown(page, &["testimonial", "quote"], &t.quote, problems),
                "author": t.author,
                "role": t.role,
            })
        });
        let related: Vec<Value> = m
            .related
            .iter()
            .filter_map(|link| {
                let id = link.strip_prefix("@/")?;
                let id = id.split('#').next().unwrap_or(id);
                match self.site.pages.get(id) {
                    Some(p) => Some(json!({"title": p.meta.title, "url": self.site.url(&p.path), "kind": p.kind.spec().name()})),
                    None => {
                        problems.push(
                            self.origin(page)
                                .error(&["related"], format!("broken related link `{link}`: no such page"))
                                .with_help(format!("`content/{id}` does not exist; an `@/` link names a file under content/")),
                        );
                        None
                    }
                }
            })
            .collect();
        json!({
            "client": m.client,
            "role": m.role,
            "period": m.period.as_ref().map(|p| json!({
                "start": p.start.ymd(),
                "end": p.end.map(|e| e.ymd()),
                "start_display": f.date(p.start.0.date_naive()),
                "end_display": p.end.map(|e| f.date(e.0.date_naive())),
            })),
            "cover": m.cover.as_ref().map(|c| cover_view(self.site, page, c)),
            "summary": summary,
            "challenge": challenge,
            "approach": approach,
            "results": results,
            "testimonial": testimonial,
            "related": related,
        })
    }

    /// A file named relative to a page (a bundle's `cover.svg`) as a URL path.
    fn asset_url(&self, page: &Page, path: &str) -> String {
        asset_url(self.site, page, path)
    }
}

/// A case study's cover: `{url, alt}`, plus `picture` (thumbnails and `srcset`) for a
/// raster image.
fn cover_view(site: &Site, page: &Page, cover: &str) -> Value {
    let picture = site.pictures.get(&(page.id.clone(), Slot::Cover));
    json!({
        "url": asset_url(site, page, cover),
        "alt": "",
        "picture": picture.map(|p| super::picture::view(site, p)),
    })
}

/// A file named in front matter as a URL: absolute URLs and `/paths` stay, other
/// paths are relative to the page's bundle.
pub fn asset_url(site: &Site, page: &Page, path: &str) -> String {
    if path.contains("://") || path.starts_with('/') {
        path.to_string()
    } else {
        let base = site.url(&page.path);
        format!("{base}{}", crate::site::paths::encode_path(path))
    }
}

fn status_label(status: CampaignStatus) -> &'static str {
    match status {
        CampaignStatus::Planned => "Planned",
        CampaignStatus::Running => "Running",
        CampaignStatus::Completed => "Completed",
    }
}

fn location_view(job: &Job, f: Format<'_>) -> Value {
    let Some(l) = &job.fm.location else {
        return Value::Null;
    };
    let country = l.country.as_ref().map(|c| c.to_ascii_uppercase());
    let country_label = country.as_deref().and_then(country_name);
    let place: Vec<&str> = [l.city.as_deref(), l.region.as_deref(), country_label]
        .into_iter()
        .flatten()
        .collect();
    let applicants: Vec<Value> = l
        .applicant_countries
        .iter()
        .map(|c| json!({"code": c.to_ascii_uppercase(), "name": country_name(c)}))
        .collect();
    let names: Vec<&str> = l
        .applicant_countries
        .iter()
        .filter_map(|c| country_name(c))
        .collect();
    let label = match (place.is_empty(), l.remote) {
        (false, true) => format!("{} {}", place.join(", "), f.word("or_remote")),
        (false, false) => place.join(", "),
        (true, _) if names.is_empty() => f.word("remote"),
        (true, _) => format!("{} ({})", f.word("remote"), names.join(", ")),
    };
    json!({
        "street": l.street,
        "city": l.city,
        "region": l.region,
        "postal_code": l.postal_code,
        "country": country,
        "country_name": country_label,
        "remote": l.remote,
        "applicant_countries": applicants,
        "label": label,
    })
}

/// Fields a listing shows of every page: its dates, displayed; then the kind's own.
pub fn summary_extra(site: &Site, page: &Page, f: Format<'_>) -> Map<String, Value> {
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

/// What a listing shows of a job posting.
pub fn job_summary(job: &Job, f: Format<'_>) -> Map<String, Value> {
    {
        let m = &job.fm;
        let mut map = Map::new();
        map.insert("closed".into(), json!(job.closed));
        map.insert(
            "valid_through".into(),
            json!(m.valid_through.map(|d| d.ymd())),
        );
        map.insert(
            "valid_through_display".into(),
            json!(m.valid_through.map(|d| f.date(d.0.date_naive()))),
        );
        map.insert(
            "company_name".into(),
            json!(m.company.as_ref().map(|c| &c.name)),
        );
        map.insert(
            "location_label".into(),
            location_view(job, f)
                .get("label")
                .cloned()
                .unwrap_or_default(),
        );
        let types = &job.employment_types;
        let labels: Vec<String> = types
            .iter()
            .map(|t| f.employment_type(t.as_str()))
            .collect();
        map.insert("employment_type_labels".into(), json!(labels));
        map.insert("employment_type".into(), json!(types));
        map
    }
}

/// What a listing shows of a campaign.
pub fn campaign_summary(c: &Campaign, f: Format<'_>) -> Map<String, Value> {
    {
        let mut map = Map::new();
        map.insert("status".into(), json!(c.status));
        map.insert("status_label".into(), json!(status_label(c.status)));
        map.insert(
            "start".into(),
            json!(c.start.format("%Y-%m-%d").to_string()),
        );
        map.insert(
            "end".into(),
            json!(c.end.map(|e| e.format("%Y-%m-%d").to_string())),
        );
        map.insert("client".into(), json!(c.fm.client));
        map.insert("start_display".into(), json!(f.date(c.start)));
        map.insert("end_display".into(), json!(c.end.map(|e| f.date(e))));
        map
    }
}

/// What a listing shows of a case study.
pub fn case_study_summary(site: &Site, page: &Page, study: &CaseStudy) -> Map<String, Value> {
    {
        let m = &study.fm;
        let mut map = Map::new();
        map.insert("client".into(), json!(m.client));
        map.insert(
            "summary_text".into(),
            json!(m.summary.as_deref().map(plain_text)),
        );
        map.insert(
            "cover".into(),
            json!(m.cover.as_ref().map(|c| cover_view(site, page, c))),
        );
        map
    }
}

/// Markdown reduced to its text, for summaries and meta descriptions.
pub fn plain_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, Parser};
    let mut text = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(_) if !text.ends_with(' ') => text.push(' '),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The schema.org `JobPosting` of an open job, as JSON safe to put inside `<script>`.
pub fn job_posting_json_ld(site: &Site, page: &Page, job: &Job, body: &Rendered) -> Option<String> {
    if job.closed {
        return None;
    }
    let m = &job.fm;
    let common = &page.meta;
    let company = m.company.as_ref()?;
    let mut ld = Map::new();
    ld.insert("@context".into(), json!("https://schema.org/"));
    ld.insert("@type".into(), json!("JobPosting"));
    ld.insert("title".into(), json!(common.title));
    // schema.org reads `description` as HTML: plain front matter text is escaped.
    let description = if body.html.trim().is_empty() {
        crate::markdown::escape_html(common.description.as_deref().unwrap_or(&common.title))
    } else {
        body.html.clone()
    };
    ld.insert("description".into(), json!(description));
    ld.insert(
        "datePosted".into(),
        json!(job.posted.format("%Y-%m-%d").to_string()),
    );
    if let Some(until) = m.valid_through {
        ld.insert(
            "validThrough".into(),
            json!(format!("{}T23:59:59", until.ymd())),
        );
    }
    let types = &job.employment_types;
    if types.len() == 1 {
        ld.insert("employmentType".into(), json!(types[0]));
    } else if !types.is_empty() {
        ld.insert("employmentType".into(), json!(types));
    }
    let mut org = Map::new();
    org.insert("@type".into(), json!("Organization"));
    org.insert("name".into(), json!(company.name));
    if let Some(url) = &company.url {
        org.insert("sameAs".into(), json!(url));
    }
    if let Some(logo) = &company.logo {
        let url = asset_url(site, page, logo);
        let absolute = if url.contains("://") {
            url
        } else {
            format!("{}{}", site.origin(), url)
        };
        org.insert("logo".into(), json!(absolute));
    }
    ld.insert("hiringOrganization".into(), Value::Object(org));
    if let Some(l) = &m.location {
        if l.city.is_some() || l.region.is_some() || l.country.is_some() {
            let mut address = Map::new();
            address.insert("@type".into(), json!("PostalAddress"));
            let fields = [
                ("streetAddress", &l.street),
                ("addressLocality", &l.city),
                ("addressRegion", &l.region),
                ("postalCode", &l.postal_code),
            ];
            for (key, value) in fields {
                if let Some(v) = value {
                    address.insert(key.into(), json!(v));
                }
            }
            if let Some(c) = &l.country {
                address.insert("addressCountry".into(), json!(c.to_ascii_uppercase()));
            }
            ld.insert(
                "jobLocation".into(),
                json!({"@type": "Place", "address": address}),
            );
        }
        if l.remote {
            ld.insert("jobLocationType".into(), json!("TELECOMMUTE"));
            let countries: Vec<Value> = l
                .applicant_countries
                .iter()
                .map(|c| json!({"@type": "Country", "name": c.to_ascii_uppercase()}))
                .collect();
            if !countries.is_empty() {
                ld.insert("applicantLocationRequirements".into(), json!(countries));
            }
        }
    }
    if let Some(s) = &m.salary {
        let mut value = Map::new();
        value.insert("@type".into(), json!("QuantitativeValue"));
        match (s.min, s.max, s.value) {
            (None, None, Some(v)) => {
                value.insert("value".into(), json!(v));
            }
            (min, max, _) => {
                if let Some(min) = min {
                    value.insert("minValue".into(), json!(min));
                }
                if let Some(max) = max {
                    value.insert("maxValue".into(), json!(max));
                }
            }
        }
        value.insert("unitText".into(), json!(s.unit));
        ld.insert(
            "baseSalary".into(),
            json!({"@type": "MonetaryAmount", "currency": s.currency.to_ascii_uppercase(), "value": value}),
        );
    }
    ld.insert(
        "identifier".into(),
        json!({"@type": "PropertyValue", "name": company.name, "value": page.id}),
    );
    let direct = m.apply.as_ref().is_some_and(|a| a.url.is_some());
    ld.insert("directApply".into(), json!(direct));
    ld.insert("url".into(), json!(site.permalink(&page.path)));
    let skills = common.terms("skills");
    if !skills.is_empty() {
        ld.insert("skills".into(), json!(skills.join(", ")));
    }
    Some(script_safe(&Value::Object(ld)))
}

/// JSON that cannot end a `<script>` element or open a comment: `<`, `>` and `&`
/// become `\u` escapes, which JSON parsers read back as the same characters.
pub fn script_safe(value: &Value) -> String {
    serde_json::to_string_pretty(value)
        .unwrap_or_default()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// Open Graph and Twitter card data of a page.
pub fn open_graph(site: &Site, page: &Page) -> Value {
    let m = &page.meta;
    let image = page.kind.share_image().map(|p| {
        let url = asset_url(site, page, p);
        if url.contains("://") {
            url
        } else {
            format!("{}{}", site.origin(), url)
        }
    });
    let description = m
        .description
        .clone()
        .or_else(|| page.kind.description())
        .or_else(|| site.config.description.clone());
    json!({
        "type": "article",
        "title": m.title,
        "description": description,
        "url": site.permalink(&page.path),
        "image": image,
        "site_name": site.config.title,
    })
}
