//! The floor of a build, for the benchmark (`bench/bench.py`): what any generator must do
//! with the corpus and nothing more. It reads every `.md` file under CONTENT, drops the
//! front matter, renders the Markdown with pulldown-cmark, highlights fenced code with
//! syntect (Oniguruma) into CSS classes, and writes one HTML file per page under OUT, in
//! parallel. No templates, listings, feeds or taxonomies.
//!
//! Usage: cargo run --release --example floor -- CONTENT OUT

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd, html};
use rayon::prelude::*;
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

static SYNTAXES: LazyLock<SyntaxSet> = LazyLock::new(SyntaxSet::load_defaults_newlines);

fn main() {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [content, out] = args.as_slice() else {
        eprintln!("usage: floor CONTENT OUT");
        std::process::exit(2);
    };
    let files: Vec<PathBuf> = walkdir::WalkDir::new(content)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.into_path())
        .collect();
    let failed = files
        .par_iter()
        .filter(|file| page(content, out, file).is_err())
        .count();
    if failed > 0 {
        eprintln!("{failed} files failed");
        std::process::exit(1);
    }
}

fn page(content: &Path, out: &Path, file: &Path) -> std::io::Result<()> {
    let text = std::fs::read_to_string(file)?;
    let body = strip_front_matter(&text);
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION;
    let mut code: Option<(String, String)> = None;
    let events = Parser::new_ext(body, options).filter_map(|event| match event {
        Event::Start(Tag::CodeBlock(kind)) => {
            let lang = match kind {
                CodeBlockKind::Fenced(info) => info.split_whitespace().next().unwrap_or("").into(),
                CodeBlockKind::Indented => String::new(),
            };
            code = Some((lang, String::new()));
            None
        }
        Event::Text(text) if code.is_some() => {
            if let Some((_, buf)) = code.as_mut() {
                buf.push_str(&text);
            }
            None
        }
        Event::End(TagEnd::CodeBlock) => {
            let (lang, text) = code.take().unwrap_or_default();
            Some(Event::Html(highlight(&lang, &text).into()))
        }
        other => Some(other),
    });
    let mut html_out = String::with_capacity(body.len() * 2);
    html::push_html(&mut html_out, events);
    let rel = file
        .strip_prefix(content)
        .unwrap_or(file)
        .with_extension("");
    let dest = out.join(rel).join("index.html");
    if let Some(parent) = dest.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(dest, html_out)
}

fn strip_front_matter(text: &str) -> &str {
    text.strip_prefix("---\n")
        .and_then(|rest| rest.split_once("\n---\n"))
        .map_or(text, |(_, body)| body)
}

fn highlight(lang: &str, code: &str) -> String {
    let Some(syntax) = SYNTAXES.find_syntax_by_token(lang) else {
        return format!("<pre><code>{}</code></pre>", escape(code));
    };
    let mut generator = ClassedHTMLGenerator::new_with_class_style(
        syntax,
        &SYNTAXES,
        ClassStyle::SpacedPrefixed { prefix: "hl-" },
    );
    for line in LinesWithEndings::from(code) {
        if generator
            .parse_html_for_line_which_includes_newline(line)
            .is_err()
        {
            return format!("<pre><code>{}</code></pre>", escape(code));
        }
    }
    format!("<pre><code>{}</code></pre>", generator.finalize())
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
