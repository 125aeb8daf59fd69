//! Render stage: loading Tera templates — the default theme compiled in, then the
//! theme's folder, then the site's `templates/`, later ones winning by file name.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tera::Tera;
use walkdir::WalkDir;

use crate::content::discover::display;
use crate::content::source::decode;
use crate::error::Diagnostic;

/// The default theme's templates, compiled into the binary.
pub(crate) const DEFAULT_TEMPLATES: [(&str, &str); 35] = [
    (
        "base.html",
        include_str!("../../themes/default/templates/base.html"),
    ),
    (
        "macros.html",
        include_str!("../../themes/default/templates/macros.html"),
    ),
    (
        "index.html",
        include_str!("../../themes/default/templates/index.html"),
    ),
    (
        "section.html",
        include_str!("../../themes/default/templates/section.html"),
    ),
    (
        "page.html",
        include_str!("../../themes/default/templates/page.html"),
    ),
    (
        "taxonomy_list.html",
        include_str!("../../themes/default/templates/taxonomy_list.html"),
    ),
    (
        "taxonomy_term.html",
        include_str!("../../themes/default/templates/taxonomy_term.html"),
    ),
    (
        "404.html",
        include_str!("../../themes/default/templates/404.html"),
    ),
    (
        "job.html",
        include_str!("../../themes/default/templates/job.html"),
    ),
    (
        "job_groups.html",
        include_str!("../../themes/default/templates/job_groups.html"),
    ),
    (
        "search.html",
        include_str!("../../themes/default/templates/search.html"),
    ),
    (
        "swot.html",
        include_str!("../../themes/default/templates/swot.html"),
    ),
    (
        "campaign.html",
        include_str!("../../themes/default/templates/campaign.html"),
    ),
    (
        "case_study.html",
        include_str!("../../themes/default/templates/case_study.html"),
    ),
    (
        "calendar.html",
        include_str!("../../themes/default/templates/calendar.html"),
    ),
    (
        "showcase.html",
        include_str!("../../themes/default/templates/showcase.html"),
    ),
    (
        "resume.html",
        include_str!("../../themes/default/templates/resume.html"),
    ),
    (
        "shortcodes/_facade.html",
        include_str!("../../themes/default/templates/shortcodes/_facade.html"),
    ),
    (
        "shortcodes/youtube.html",
        include_str!("../../themes/default/templates/shortcodes/youtube.html"),
    ),
    (
        "shortcodes/vimeo.html",
        include_str!("../../themes/default/templates/shortcodes/vimeo.html"),
    ),
    (
        "shortcodes/tiktok.html",
        include_str!("../../themes/default/templates/shortcodes/tiktok.html"),
    ),
    (
        "shortcodes/instagram.html",
        include_str!("../../themes/default/templates/shortcodes/instagram.html"),
    ),
    (
        "shortcodes/linkedin.html",
        include_str!("../../themes/default/templates/shortcodes/linkedin.html"),
    ),
    (
        "shortcodes/video.html",
        include_str!("../../themes/default/templates/shortcodes/video.html"),
    ),
    (
        "shortcodes/figure.html",
        include_str!("../../themes/default/templates/shortcodes/figure.html"),
    ),
    (
        "shortcodes/kpi.html",
        include_str!("../../themes/default/templates/shortcodes/kpi.html"),
    ),
    (
        "shortcodes/quote.html",
        include_str!("../../themes/default/templates/shortcodes/quote.html"),
    ),
    (
        "cards/base.svg",
        include_str!("../../themes/default/templates/cards/base.svg"),
    ),
    (
        "cards/page.svg",
        include_str!("../../themes/default/templates/cards/page.svg"),
    ),
    (
        "cards/campaign.svg",
        include_str!("../../themes/default/templates/cards/campaign.svg"),
    ),
    (
        "cards/case_study.svg",
        include_str!("../../themes/default/templates/cards/case_study.svg"),
    ),
    (
        "cards/job.svg",
        include_str!("../../themes/default/templates/cards/job.svg"),
    ),
    (
        "cards/swot.svg",
        include_str!("../../themes/default/templates/cards/swot.svg"),
    ),
    (
        "cards/calendar.svg",
        include_str!("../../themes/default/templates/cards/calendar.svg"),
    ),
    (
        "cards/showcase.svg",
        include_str!("../../themes/default/templates/cards/showcase.svg"),
    ),
];

/// The default theme's static files, compiled into the binary.
pub(crate) const DEFAULT_STATIC: [(&str, &str); 5] = [
    (
        "style.css",
        include_str!("../../themes/default/static/style.css"),
    ),
    (
        "print.css",
        include_str!("../../themes/default/static/print.css"),
    ),
    (
        "embeds.js",
        include_str!("../../themes/default/static/embeds.js"),
    ),
    (
        "job-filters.js",
        include_str!("../../themes/default/static/job-filters.js"),
    ),
    (
        "favicon.svg",
        include_str!("../../themes/default/static/favicon.svg"),
    ),
];

/// Loaded templates and where each came from, for error messages.
pub(crate) struct Templates {
    pub tera: Tera,
    sources: BTreeMap<String, PathBuf>,
    lookups: bool,
    /// The shortcode templates (`shortcodes/*.html`), rendered on their own.
    shortcodes: Vec<crate::shortcodes::Source>,
}

/// The text of every template a site uses (the default theme's, overridden by the
/// site's theme and its `templates/`), read but not parsed yet.
pub(crate) struct TemplateSources {
    chosen: BTreeMap<String, (String, PathBuf)>,
    problems: Vec<Diagnostic>,
}

impl TemplateSources {
    pub(crate) fn read(root: &Path, theme: &str) -> TemplateSources {
        let mut chosen: BTreeMap<String, (String, PathBuf)> = DEFAULT_TEMPLATES
            .iter()
            .map(|(name, text)| {
                let origin = PathBuf::from(format!("(built-in theme)/templates/{name}"));
                (name.to_string(), (text.to_string(), origin))
            })
            .collect();
        let mut problems = Vec::new();
        for dir in [
            root.join("themes").join(theme).join("templates"),
            root.join("templates"),
        ] {
            read_dir_templates(&dir, root, &mut chosen, &mut problems);
        }
        TemplateSources { chosen, problems }
    }

    /// Whether any template calls `get_page` or `get_section`.
    pub(crate) fn uses_lookups(&self) -> bool {
        self.chosen
            .values()
            .any(|(text, _)| text.contains("get_page") || text.contains("get_section"))
    }

    /// Parses every template; all syntax errors come back together.
    pub(crate) fn parse(self) -> Result<Templates, Vec<Diagnostic>> {
        let lookups = self.uses_lookups();
        let TemplateSources {
            chosen,
            mut problems,
        } = self;
        if !problems.is_empty() {
            problems.extend(syntax_problems(&chosen));
            return Err(problems);
        }
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html", ".htm", ".xml", ".svg"]);
        // Tera's default escaper also turns `/` into `&#x2F;`, which makes every URL
        // unreadable in the HTML; escaping `& < > " '` is enough for safety.
        tera.set_escape_fn(crate::markdown::escape_html);
        let raw: Vec<(&str, &str)> = chosen
            .iter()
            .map(|(n, (t, _))| (n.as_str(), t.as_str()))
            .collect();
        // Templates are parsed once, here; only when that fails is each parsed again on
        // its own, so that every file with a syntax error is reported, not the first.
        if let Err(err) = tera.add_raw_templates(raw) {
            let syntax = syntax_problems(&chosen);
            if !syntax.is_empty() {
                return Err(syntax);
            }
            // Only cross-template problems are left, e.g. extending a missing parent.
            let origin =
                template_named_in(&err, &chosen).unwrap_or_else(|| PathBuf::from("templates"));
            return Err(vec![Diagnostic::error(origin, chain(&err))]);
        }
        let shortcodes = crate::shortcodes::sources(chosen.iter());
        let sources = chosen.into_iter().map(|(n, (_, p))| (n, p)).collect();
        Ok(Templates {
            tera,
            sources,
            lookups,
            shortcodes,
        })
    }
}

impl Templates {
    /// Reads and parses every template; all syntax errors come back together.
    pub(crate) fn load(root: &Path, theme: &str) -> Result<Templates, Vec<Diagnostic>> {
        TemplateSources::read(root, theme).parse()
    }

    /// Whether any template calls `get_page` or `get_section`, whose data must then
    /// be handed over again after every edit.
    pub(crate) fn uses_lookups(&self) -> bool {
        self.lookups
    }

    pub(crate) fn shortcodes(&self) -> &[crate::shortcodes::Source] {
        &self.shortcodes
    }

    pub(crate) fn has(&self, name: &str) -> bool {
        self.sources.contains_key(name)
    }

    /// Template names, for "did you mean" help.
    pub(crate) fn names(&self) -> impl Iterator<Item = &str> {
        self.sources.keys().map(String::as_str)
    }

    /// Renders `name`; a failure names the template file and the page being rendered.
    pub(crate) fn render(
        &self,
        name: &str,
        context: &tera::Context,
        for_file: &Path,
    ) -> Result<String, Diagnostic> {
        self.tera.render(name, context).map_err(|err| {
            let origin = self
                .sources
                .get(name)
                .cloned()
                .unwrap_or_else(|| PathBuf::from(name));
            Diagnostic::error(
                origin,
                format!("{} (while rendering {})", chain(&err), for_file.display()),
            )
        })
    }
}

fn read_dir_templates(
    dir: &Path,
    root: &Path,
    chosen: &mut BTreeMap<String, (String, PathBuf)>,
    problems: &mut Vec<Diagnostic>,
) {
    if !dir.is_dir() {
        return;
    }
    for entry in WalkDir::new(dir).follow_links(true).sort_by_file_name() {
        let entry = match entry {
            Ok(e) => e,
            Err(err) => {
                let path = err.path().map(|p| display(p, root)).unwrap_or_default();
                problems.push(Diagnostic::error(
                    path,
                    format!("cannot read template: {err}"),
                ));
                continue;
            }
        };
        if !entry.file_type().is_file() || entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(dir) else {
            continue;
        };
        let name = rel.to_string_lossy().replace('\\', "/");
        let origin = display(entry.path(), root);
        let text = std::fs::read(entry.path())
            .map_err(|e| Diagnostic::error(&origin, format!("cannot read template: {e}")))
            .and_then(|bytes| decode(&origin, bytes));
        match text {
            Ok(text) => {
                chosen.insert(name, (text, origin));
            }
            Err(d) => problems.push(d),
        }
    }
}

/// The messages of an error and all its causes, joined.
pub(crate) fn chain(err: &dyn std::error::Error) -> String {
    let mut parts = vec![err.to_string()];
    let mut source = err.source();
    while let Some(e) = source {
        parts.push(e.to_string());
        source = e.source();
    }
    parts.join(": ")
}

/// Turns Tera's parse error (a pest report with ` --> line:col` and `= expected …`)
/// into a diagnostic at that place of the template file.
fn tera_diagnostic(origin: &Path, err: &tera::Error, _text: &str) -> Diagnostic {
    let full = chain(err);
    let position = full.lines().find_map(|l| {
        let rest = l.trim_start().strip_prefix("--> ")?;
        let (line, col) = rest.trim().split_once(':')?;
        Some((line.parse::<usize>().ok()?, col.parse::<usize>().ok()?))
    });
    let expected = full
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("= "))
        .map(str::to_string);
    let message = match &expected {
        Some(e) => format!("template syntax error: {e}"),
        None => format!(
            "template syntax error: {}",
            full.lines().next().unwrap_or_default()
        ),
    };
    let d = Diagnostic::error(origin, message);
    match position {
        Some((line, col)) => d.at(line, col),
        None => d,
    }
}

/// The syntax error of each template that has one, with its place in its file.
fn syntax_problems(chosen: &BTreeMap<String, (String, PathBuf)>) -> Vec<Diagnostic> {
    chosen
        .iter()
        .filter_map(|(name, (text, origin))| {
            tera::Template::new(name, None, text)
                .err()
                .map(|err| tera_diagnostic(origin, &err, text))
        })
        .collect()
}

fn template_named_in(
    err: &tera::Error,
    chosen: &BTreeMap<String, (String, PathBuf)>,
) -> Option<PathBuf> {
    let text = chain(err);
    chosen
        .iter()
        .find(|(name, _)| text.contains(&format!("'{name}'")))
        .map(|(_, (_, origin))| origin.clone())
}
