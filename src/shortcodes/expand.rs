//! Expanding the shortcodes of one body: each is checked against its template's
//! declared arguments and rendered, and its place in the Markdown taken by a
//! placeholder that survives Markdown rendering and sanitising; the outputs replace
//! the placeholders in the finished HTML.

use std::borrow::Cow;
use std::path::Path;

use serde_json::{Map, Value, json};

use super::args::{Param, Type, mismatch};
use super::scan::{Call, find};
use super::{FACADE_MARK, Scope, Shortcodes};
use crate::error::{Diagnostic, line_col, nearest};
use crate::markdown::{MarkdownOptions, Rendered};

/// A problem with a call: where in the body (a byte offset), the message, the help.
type Problem = (usize, String, Option<String>);

/// A body with its shortcodes replaced by placeholders, and their outputs.
pub(crate) struct Prepared<'b> {
    /// The Markdown to render.
    pub text: Cow<'b, str>,
    outputs: Vec<String>,
    problems: Vec<Diagnostic>,
}

/// The placeholder of a shortcode that stands on its own lines: an HTML comment, a
/// block of its own in Markdown.
fn block_placeholder(n: usize) -> String {
    format!("<!--folio-shortcode:{n}-->")
}

/// Where a shortcode's output goes in the HTML: characters of Unicode's private use
/// area around its number, kept by the Markdown renderer and the sanitiser alike.
fn token(n: usize) -> String {
    format!("\u{E000}{n}\u{E001}")
}

/// The token of a block placeholder (raw HTML in the Markdown), if `html` is one.
pub(crate) fn placeholder_token(html: &str) -> Option<String> {
    let n = html
        .trim()
        .strip_prefix("<!--folio-shortcode:")?
        .strip_suffix("-->")?;
    n.parse::<usize>().ok().map(token)
}

/// Where a call is: its number in the body, the line of its name, and whether it sits
/// inside a paragraph's text.
#[derive(Clone, Copy)]
struct Place {
    n: usize,
    line: usize,
    inline: bool,
}

/// Whether the text at `range` has nothing else on its first and last line.
fn stands_alone(body: &str, range: &std::ops::Range<usize>) -> bool {
    let before = &body[..range.start];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let after = &body[range.end..];
    let line_end = after.find('\n').unwrap_or(after.len());
    before[line_start..].trim().is_empty() && after[..line_end].trim().is_empty()
}

impl Shortcodes {
    /// Replaces the shortcodes of `body` (starting on line `first_line` of `file`).
    pub(crate) fn prepare<'b>(
        &self,
        file: &Path,
        body: &'b str,
        first_line: usize,
        scope: Scope<'_>,
        options: &MarkdownOptions<'_>,
    ) -> Prepared<'b> {
        let (calls, malformed) = find(body);
        let at = |offset: usize, message: String| {
            let (line, column) = line_col(body, offset);
            Diagnostic::error(file, message).at(line + first_line - 1, column)
        };
        let mut problems: Vec<Diagnostic> =
            malformed.into_iter().map(|m| at(m.at, m.message)).collect();
        if calls.is_empty() {
            return Prepared {
                text: Cow::Borrowed(body),
                outputs: Vec::new(),
                problems,
            };
        }
        let mut text = String::with_capacity(body.len());
        let mut outputs = Vec::with_capacity(calls.len());
        let mut done = 0;
        for (n, call) in calls.iter().enumerate() {
            text.push_str(&body[done..call.range.start]);
            let written = &body[call.range.clone()];
            let alone = stands_alone(body, &call.range);
            if alone {
                text.push_str(&block_placeholder(n));
                text.extend(std::iter::repeat_n('\n', written.matches('\n').count()));
            } else {
                text.push_str(&token(n));
            }
            done = call.range.end;
            let place = Place {
                n,
                line: line_col(body, call.name_at).0 + first_line - 1,
                inline: !alone,
            };
            match self.output(file, call, place, scope, options) {
                Ok(html) => outputs.push(html),
                Err(found) => {
                    problems.extend(found.into_iter().map(|(offset, message, help)| {
                        let d = at(offset, message);
                        match help {
                            Some(h) => d.with_help(h),
                            None => d,
                        }
                    }));
                    outputs.push(String::new());
                }
            }
        }
        text.push_str(&body[done..]);
        Prepared {
            text: Cow::Owned(text),
            outputs,
            problems,
        }
    }

    /// The HTML of one shortcode, or its problems as (offset, message, help).
    fn output(
        &self,
        file: &Path,
        call: &Call,
        place: Place,
        scope: Scope<'_>,
        options: &MarkdownOptions<'_>,
    ) -> Result<String, Vec<Problem>> {
        let Some(definition) = self.definitions.get(&call.name) else {
            let help = match nearest(&call.name, self.definitions.keys().map(String::as_str)) {
                Some(near) => format!("did you mean `{near}`?"),
                None => "a shortcode is a template in templates/shortcodes/".to_string(),
            };
            let message = format!("unknown shortcode `{}`", call.name);
            return Err(vec![(call.name_at, message, Some(help))]);
        };
        if let Some(broken) = &self.broken {
            return Err(vec![(call.name_at, broken.message.clone(), None)]);
        }
        let params = definition.params.as_ref().map_err(|e| {
            let message = format!(
                "{} declares its arguments wrongly: {e}",
                definition.origin.display()
            );
            vec![(call.name_at, message, None)]
        })?;
        let mut context = self.arguments(call, params.as_deref(), scope)?;
        context.insert("lang".into(), json!(scope.lang));
        context.insert("nth".into(), json!(place.n));
        context.insert("inline".into(), json!(place.inline));
        if let Some(body) = &call.body {
            let inner = crate::markdown::render(file, body, place.line + 1, options);
            context.insert("body".into(), json!(inner.html));
        }
        let context = tera::Context::from_value(Value::Object(context))
            .map_err(|e| vec![(call.name_at, e.to_string(), None)])?;
        self.tera
            .render(&format!("{}.html", call.name), &context)
            .map_err(|e| {
                let message = format!(
                    "shortcode `{}` failed: {}",
                    call.name,
                    crate::render::templates::chain(&e)
                );
                vec![(
                    call.name_at,
                    message,
                    Some(format!("in {}", definition.origin.display())),
                )]
            })
    }

    /// The template context of a call's arguments, checked against `params`: files as
    /// URLs, a platform id with its `embed`.
    fn arguments(
        &self,
        call: &Call,
        params: Option<&[Param]>,
        scope: Scope<'_>,
    ) -> Result<Map<String, Value>, Vec<Problem>> {
        let mut context = Map::new();
        let mut problems = Vec::new();
        let Some(params) = params else {
            for arg in &call.args {
                context.insert(arg.name.clone(), arg.value.clone());
            }
            return Ok(context);
        };
        for arg in &call.args {
            let Some(param) = params.iter().find(|p| p.name == arg.name) else {
                let names = params.iter().map(|p| p.name.as_str());
                let help = match nearest(&arg.name, names) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => format!("`{}` takes {}", call.name, list_params(params)),
                };
                let message = format!(
                    "unknown argument `{}` of shortcode `{}`",
                    arg.name, call.name
                );
                problems.push((arg.name_at, message, Some(help)));
                continue;
            };
            if let Some(wrong) = mismatch(param.kind, &arg.value) {
                problems.push((arg.value_at, format!("`{}`: {wrong}", arg.name), None));
                continue;
            }
            let value = match (param.kind, arg.value.as_str()) {
                (Type::File, Some(name)) => match self.file_url(scope, name) {
                    Some((url, source)) => {
                        // An image's size, so that the page does not jump as it loads.
                        if let Some((w, h)) = super::image_size(&source) {
                            context.insert(format!("{}_width", arg.name), json!(w));
                            context.insert(format!("{}_height", arg.name), json!(h));
                        }
                        // A figure's image, resized: its `srcset`s.
                        let key = (scope.id.to_string(), name.to_string());
                        if let Some(picture) = self.pictures.get(&key) {
                            context.insert(format!("{}_picture", arg.name), json!(picture));
                        }
                        json!(url)
                    }
                    None => {
                        let message = format!("{} file `{name}` not found", arg.name);
                        let help = "a file name is looked up beside the page's Markdown file (in its bundle), a name starting with `/` in static/";
                        problems.push((arg.value_at, message, Some(help.to_string())));
                        continue;
                    }
                },
                (Type::Id(platform), Some(id)) => {
                    context.insert("embed".into(), json!(platform.embed(id)));
                    arg.value.clone()
                }
                _ => arg.value.clone(),
            };
            context.insert(arg.name.clone(), value);
        }
        for missing in params.iter().filter(|p| p.required) {
            if !call.args.iter().any(|a| a.name == missing.name) {
                let message = format!(
                    "shortcode `{}` needs the argument `{}`",
                    call.name, missing.name
                );
                let help = format!("`{}` takes {}", call.name, list_params(params));
                problems.push((call.name_at, message, Some(help)));
            }
        }
        if problems.is_empty() {
            Ok(context)
        } else {
            Err(problems)
        }
    }
}

fn list_params(params: &[Param]) -> String {
    let names: Vec<String> = params
        .iter()
        .map(|p| {
            format!(
                "`{}`{}",
                p.name,
                if p.required { "" } else { " (optional)" }
            )
        })
        .collect();
    names.join(", ")
}

impl Prepared<'_> {
    /// Puts the shortcodes' outputs in the rendered HTML and adds their problems.
    pub(crate) fn finish(self, rendered: &mut Rendered) {
        rendered.problems.extend(self.problems);
        if self.outputs.is_empty() {
            return;
        }
        let mut html = String::with_capacity(rendered.html.len());
        let mut rest = rendered.html.as_str();
        while let Some(start) = rest.find('\u{E000}') {
            html.push_str(&rest[..start]);
            let after = &rest[start + '\u{E000}'.len_utf8()..];
            let output = after.split_once('\u{E001}').and_then(|(n, tail)| {
                let n: usize = n.parse().ok()?;
                Some((self.outputs.get(n)?, tail))
            });
            match output {
                Some((output, tail)) => {
                    html.push_str(output);
                    rest = tail;
                }
                None => {
                    html.push('\u{E000}');
                    rest = after;
                }
            }
        }
        html.push_str(rest);
        // A block shortcode's paragraph-less HTML sits where its comment was.
        rendered.embeds |= html.contains(FACADE_MARK);
        rendered.html = html;
    }
}
