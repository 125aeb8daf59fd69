//! Load and parse stages: everything a build reads from the site's folder — the
//! configuration, the templates, the syntax highlighter, the content files (parsed),
//! the bundle files and the data files — each kept with its own errors, so that one
//! broken input does not hide the others and a change re-reads only what it touched.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde_json::Value;

use crate::build::BuildOptions;
use crate::config::{KNOWN_TAXONOMIES, SiteConfig};
use crate::content::data::load_data;
use crate::content::discover::{discover, display};
use crate::content::parse::{Meta, ParsedFile, parse_file};
use crate::content::source::decode;
use crate::error::{Diagnostic, Diagnostics};
use crate::markdown::{self, Highlighter};
use crate::render::Templates;
use crate::render::templates::TemplateSources;
use crate::yaml::Fragment;

/// The inputs of a site as they are on disk.
pub(crate) struct Inputs {
    pub root: PathBuf,
    pub config: Result<SiteConfig, Vec<Diagnostic>>,
    pub templates: Result<Templates, Vec<Diagnostic>>,
    pub highlighter: Result<Highlighter, Diagnostic>,
    /// Every Markdown file under `content/`, by content id, parsed or not.
    pub parsed: BTreeMap<String, Result<ParsedFile, Diagnostic>>,
    /// Files beside the content (bundle images, PDFs), by content id.
    pub assets: Vec<String>,
    pub discover_problems: Vec<Diagnostic>,
    pub data: BTreeMap<String, Value>,
    pub data_problems: Vec<Diagnostic>,
    /// Warnings that do not stop a build (UI strings missing in a language).
    pub warnings: Vec<Diagnostic>,
    /// Whether pages keep their Markdown in memory (the live preview) or have it read
    /// again when rendered (a build, whose memory does not grow with the content).
    keep_bodies: bool,
    /// Word counts of the pages whose bodies were dropped, when templates look pages
    /// up before rendering them (`get_page`).
    pub words: BTreeMap<String, usize>,
    base_url: Option<String>,
}

impl Inputs {
    /// Reads everything. The theme and the syntaxes load on one thread while the other
    /// finds and parses the content (in parallel too, taking over both when done).
    pub(crate) fn load(options: &BuildOptions, keep_bodies: bool) -> Inputs {
        let root = options.root.clone();
        let mut inputs = Inputs {
            config: load_config(&root, options.base_url.as_deref()),
            templates: Err(Vec::new()),
            highlighter: Err(Diagnostic::error("site.yaml", "not loaded")),
            parsed: BTreeMap::new(),
            assets: Vec::new(),
            discover_problems: Vec::new(),
            data: BTreeMap::new(),
            data_problems: Vec::new(),
            warnings: Vec::new(),
            keep_bodies,
            words: BTreeMap::new(),
            base_url: options.base_url.clone(),
            root,
        };
        let Ok(config) = &inputs.config else {
            // Nothing can be rendered; the templates are still checked, so that all
            // their errors come in this run.
            inputs.templates = Templates::load(&inputs.root, "default");
            return inputs;
        };
        let sources = TemplateSources::read(&inputs.root, &config.theme);
        let count_words = sources.uses_lookups() && !keep_bodies;
        let taxonomies = config.taxonomies.clone();
        let root = &inputs.root;
        let ((templates, highlighter), scanned) = rayon::join(
            || {
                let templates = sources.parse();
                let highlighter = highlighter_of(config, root);
                markdown::highlight::load_syntaxes();
                (templates, highlighter)
            },
            || scan(root, &taxonomies, keep_bodies, count_words, &|_| false),
        );
        inputs.templates = templates;
        inputs.highlighter = highlighter;
        inputs.warnings = crate::render::strings::Strings::new(config).missing(config);
        inputs.take(scanned);
        inputs.reload_data();
        inputs
    }

    /// Reads `site.yaml` again, and with it the templates (the theme may have changed)
    /// and the highlighter.
    pub(crate) fn reload_config(&mut self) {
        self.config = load_config(&self.root, self.base_url.as_deref());
        self.reload_templates();
        self.highlighter = match &self.config {
            Ok(config) => highlighter_of(config, &self.root),
            Err(_) => Err(Diagnostic::error(
                "site.yaml",
                "the configuration has errors",
            )),
        };
    }

    pub(crate) fn reload_templates(&mut self) {
        let theme = self.config.as_ref().map_or("default", |c| c.theme.as_str());
        self.templates = Templates::load(&self.root, theme);
    }

    pub(crate) fn reload_data(&mut self) {
        let (data, problems) = load_data(&self.root.join("data"), &self.root);
        self.data = data;
        self.data_problems = problems;
    }

    /// Walks `content/` again; with `reparse`, reads every Markdown file again too.
    pub(crate) fn rediscover(&mut self, reparse: bool) {
        let taxonomies = self.taxonomies();
        let known = |id: &str| !reparse && self.parsed.contains_key(id);
        let scanned = scan(&self.root, &taxonomies, self.keep_bodies, false, &known);
        self.take(scanned);
    }

    /// Keeps what a scan found: the files it read replace their old versions; files
    /// no longer found are dropped.
    fn take(&mut self, scanned: Scan) {
        self.discover_problems = scanned.problems;
        self.assets = scanned.assets;
        self.parsed.retain(|id, _| scanned.markdown.contains(id));
        for (id, file, words) in scanned.read {
            if let Some(words) = words {
                self.words.insert(id.clone(), words);
            }
            self.parsed.insert(id, file);
        }
    }

    /// Reads one content file again after it changed; `true` when it appeared or
    /// disappeared (the other files are then looked for again too).
    pub(crate) fn reread(&mut self, id: &str) -> bool {
        let exists = self.root.join("content").join(id).is_file();
        let known = self.parsed.contains_key(id);
        if exists {
            let file = read_content(&self.root, id, &self.taxonomies());
            self.parsed.insert(id.to_string(), file);
        } else {
            self.parsed.remove(id);
        }
        if exists != known {
            self.rediscover(false);
        }
        exists != known
    }

    /// The taxonomies content files are parsed with: the site's, or the default ones
    /// while `site.yaml` is broken.
    pub(crate) fn taxonomies(&self) -> Vec<String> {
        match &self.config {
            Ok(config) => config.taxonomies.clone(),
            Err(_) => KNOWN_TAXONOMIES.map(String::from).to_vec(),
        }
    }

    /// Every Markdown file found, parsed or not (links to them are not reported again).
    pub(crate) fn all_ids(&self) -> BTreeSet<String> {
        self.parsed.keys().cloned().collect()
    }

    /// The files that parsed.
    pub(crate) fn files(&self) -> Vec<ParsedFile> {
        self.parsed
            .values()
            .filter_map(|r| r.as_ref().ok().cloned())
            .collect()
    }

    /// Whether every input loaded without error.
    pub(crate) fn all_ok(&self) -> bool {
        self.config.is_ok()
            && self.templates.is_ok()
            && self.highlighter.is_ok()
            && self.discover_problems.is_empty()
            && self.data_problems.is_empty()
            && self.parsed.values().all(Result::is_ok)
    }

    /// Every problem of the inputs, warnings included.
    pub(crate) fn problems(&self) -> Diagnostics {
        let mut all = Diagnostics::default();
        if let Err(p) = &self.config {
            all.extend(p.iter().cloned());
        }
        if let Err(p) = &self.templates {
            all.extend(p.iter().cloned());
        }
        if let (Ok(_), Err(d)) = (&self.config, &self.highlighter) {
            all.push(d.clone());
        }
        all.extend(self.warnings.iter().cloned());
        all.extend(self.discover_problems.iter().cloned());
        all.extend(
            self.parsed
                .values()
                .filter_map(|r| r.as_ref().err().cloned()),
        );
        all.extend(self.data_problems.iter().cloned());
        all
    }
}

/// What a walk of `content/` found and read.
struct Scan {
    problems: Vec<Diagnostic>,
    assets: Vec<String>,
    markdown: BTreeSet<String>,
    read: Vec<(String, Result<ParsedFile, Diagnostic>, Option<usize>)>,
}

/// Finds the content files and reads and parses every Markdown file but those `known`,
/// in parallel. Unless `keep` (the bodies), pages keep no Markdown: each body is read
/// again when its page is rendered, so memory does not grow with the size of the
/// content; their word counts come with that render, unless `count_words`.
fn scan(
    root: &Path,
    taxonomies: &[String],
    keep: bool,
    count_words: bool,
    known: &(dyn Fn(&str) -> bool + Sync),
) -> Scan {
    let found = discover(&root.join("content"), root);
    let read = found
        .markdown
        .par_iter()
        .filter(|id| !known(id))
        .map(|id| match read_content(root, id, taxonomies) {
            Ok(file) if !keep => {
                let (file, words) = drop_body(file, count_words);
                (id.clone(), Ok(file), words)
            }
            other => (id.clone(), other, None),
        })
        .collect();
    Scan {
        problems: found.problems,
        assets: found.assets,
        markdown: found.markdown.into_iter().collect(),
        read,
    }
}

/// A page without its Markdown (read again when rendered), and its word count when
/// `count_words`.
fn drop_body(mut file: ParsedFile, count_words: bool) -> (ParsedFile, Option<usize>) {
    match file.meta {
        Meta::Page(_) => {
            let words = count_words.then(|| markdown::word_count(&file.body));
            file.body = Arc::from("");
            (file, words)
        }
        Meta::Section(_) => (file, None),
    }
}

/// The highlighter of the configured themes; an error is placed on `highlight:`.
fn highlighter_of(config: &SiteConfig, root: &Path) -> Result<Highlighter, Diagnostic> {
    Highlighter::new(&config.highlight.theme, &config.highlight.dark_theme).map_err(|err| {
        let text = read_lossy(&root.join("site.yaml"));
        let line = Fragment {
            text: &text,
            first_line: 1,
        }
        .key_line("highlight");
        let d = Diagnostic::error("site.yaml", err.to_string());
        match line {
            Some(l) => d.at_line(l),
            None => d,
        }
    })
}

/// Reads and parses one content file by id.
pub(crate) fn read_content(
    root: &Path,
    id: &str,
    taxonomies: &[String],
) -> Result<ParsedFile, Diagnostic> {
    let path = root.join("content").join(id);
    let shown = display(&path, root);
    let bytes =
        std::fs::read(&path).map_err(|e| Diagnostic::error(&shown, format!("cannot read: {e}")))?;
    parse_file(id, shown, bytes, taxonomies)
}

/// Reads and checks `site.yaml`; `base_url` overrides its `base_url`.
pub(crate) fn load_config(
    root: &Path,
    base_url: Option<&str>,
) -> Result<SiteConfig, Vec<Diagnostic>> {
    let path = root.join("site.yaml");
    let shown = PathBuf::from("site.yaml");
    let bytes = std::fs::read(&path).map_err(|e| {
        vec![
            Diagnostic::error(&shown, format!("cannot read the site configuration: {e}"))
                .with_help(format!(
                    "run folio in a site's folder or pass -r; `{}` has no site.yaml",
                    root.display()
                )),
        ]
    })?;
    let text = decode(&shown, bytes).map_err(|d| vec![d])?;
    let mut config = SiteConfig::parse(&shown, &text)?;
    let problems = config.check_files(root, &shown, &text);
    if !problems.is_empty() {
        return Err(problems);
    }
    if let Some(url) = base_url {
        config.base_url = url.trim_end_matches('/').to_string();
    }
    Ok(config)
}

fn read_lossy(path: &Path) -> String {
    std::fs::read(path)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default()
}
