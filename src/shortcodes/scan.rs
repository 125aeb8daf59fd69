//! Finding shortcodes in a Markdown body: `{{ name(arg=value, …) }}` inline and
//! `{% name(arg=value, …) %} … {% end %}` with a body, outside code blocks and inline
//! code (pulldown-cmark's offsets say where code is).

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use serde_json::Value;

/// One shortcode written in a body; offsets are bytes of the body.
#[derive(Debug, Clone)]
pub(crate) struct Call {
    pub name: String,
    /// Where its name starts (errors about the shortcode point here).
    pub name_at: usize,
    pub args: Vec<Arg>,
    /// The text between `{% name(…) %}` and `{% end %}`.
    pub body: Option<String>,
    /// From `{{`/`{%` to the closing `}}`/`{% end %}`.
    pub range: Range<usize>,
}

#[derive(Debug, Clone)]
pub(crate) struct Arg {
    pub name: String,
    pub name_at: usize,
    pub value: Value,
    pub value_at: usize,
}

/// A shortcode that could not be read: a message at a byte offset.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Malformed {
    pub at: usize,
    pub message: String,
}

/// The byte ranges of code blocks and inline code in `body`.
pub(crate) fn code_ranges(body: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut block_start = None;
    for (event, range) in
        Parser::new_ext(body, crate::markdown::parser_options()).into_offset_iter()
    {
        match event {
            Event::Start(Tag::CodeBlock(_)) => block_start = Some(range.start),
            Event::End(TagEnd::CodeBlock) => {
                ranges.push(block_start.take().unwrap_or(range.start)..range.end);
            }
            Event::Code(_) => ranges.push(range),
            _ => {}
        }
    }
    ranges
}

/// Every shortcode of `body` outside code, in order, and those that could not be read.
pub(crate) fn find(body: &str) -> (Vec<Call>, Vec<Malformed>) {
    if !body.contains("{{") && !body.contains("{%") {
        return (Vec::new(), Vec::new());
    }
    let code = code_ranges(body);
    let in_code = |at: usize| code.iter().any(|r| r.contains(&at));
    let (mut calls, mut problems) = (Vec::new(), Vec::new());
    let mut at = 0;
    while let Some(found) = next_opening(body, at) {
        if in_code(found) {
            at = found + 2;
            continue;
        }
        match read_call(body, found) {
            Ok(Some(call)) => {
                at = call.range.end;
                calls.push(call);
            }
            Ok(None) => at = found + 2,
            Err(problem) => {
                problems.push(problem);
                at = found + 2;
            }
        }
    }
    (calls, problems)
}

fn next_opening(body: &str, from: usize) -> Option<usize> {
    let rest = body.get(from..)?;
    let a = rest.find("{{");
    let b = rest.find("{%");
    let first = match (a, b) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b)?,
    };
    Some(from + first)
}

/// A cursor over the body's bytes.
struct Cursor<'a> {
    text: &'a str,
    at: usize,
}

impl Cursor<'_> {
    fn skip_space(&mut self) {
        while self.text[self.at..].starts_with([' ', '\t', '\n', '\r']) {
            self.at += 1;
        }
    }

    fn eat(&mut self, token: &str) -> bool {
        let found = self.text[self.at..].starts_with(token);
        if found {
            self.at += token.len();
        }
        found
    }

    fn ident(&mut self) -> Option<String> {
        let rest = &self.text[self.at..];
        let len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        let first = rest.chars().next()?;
        if len == 0 || first.is_ascii_digit() {
            return None;
        }
        self.at += len;
        Some(rest[..len].to_string())
    }

    fn fail(&self, message: impl Into<String>) -> Malformed {
        Malformed {
            at: self.at,
            message: message.into(),
        }
    }
}

/// The shortcode opening at `start`; `None` when the braces open no shortcode (no
/// `name(` follows them), so the text stays as written.
fn read_call(body: &str, start: usize) -> Result<Option<Call>, Malformed> {
    let with_body = body[start..].starts_with("{%");
    let mut c = Cursor {
        text: body,
        at: start + 2,
    };
    c.skip_space();
    let name_at = c.at;
    let Some(name) = c.ident() else {
        return Ok(None);
    };
    c.skip_space();
    if !c.eat("(") {
        return Ok(None);
    }
    let args = read_args(&mut c)?;
    c.skip_space();
    let close = if with_body { "%}" } else { "}}" };
    if !c.eat(close) {
        return Err(c.fail(format!("expected `{close}` to close shortcode `{name}`")));
    }
    let (body_text, end) = if with_body {
        let Some((inner, end)) = body_until_end(body, c.at) else {
            return Err(Malformed {
                at: name_at,
                message: format!("shortcode `{name}` has no `{{% end %}}`"),
            });
        };
        (Some(inner), end)
    } else {
        (None, c.at)
    };
    Ok(Some(Call {
        name,
        name_at,
        args,
        body: body_text,
        range: start..end,
    }))
}

/// The body of a shortcode from `from` up to its `{% end %}`, and where that ends.
fn body_until_end(body: &str, from: usize) -> Option<(String, usize)> {
    let mut at = from;
    loop {
        let open = at + body[at..].find("{%")?;
        let mut c = Cursor {
            text: body,
            at: open + 2,
        };
        c.skip_space();
        if c.eat("end") {
            c.skip_space();
            if c.eat("%}") {
                let inner = body[from..open].trim_matches(['\n', '\r']).to_string();
                return Some((inner, c.at));
            }
        }
        at = open + 2;
    }
}

fn read_args(c: &mut Cursor<'_>) -> Result<Vec<Arg>, Malformed> {
    let mut args = Vec::new();
    loop {
        c.skip_space();
        if c.eat(")") {
            return Ok(args);
        }
        if !args.is_empty() && !c.eat(",") {
            return Err(c.fail("expected `,` or `)` after an argument"));
        }
        c.skip_space();
        if c.eat(")") {
            return Ok(args);
        }
        let name_at = c.at;
        let name = c
            .ident()
            .ok_or_else(|| c.fail("expected an argument name, as in `id=\"…\"`"))?;
        c.skip_space();
        if !c.eat("=") {
            return Err(c.fail(format!("expected `=` after argument `{name}`")));
        }
        c.skip_space();
        let value_at = c.at;
        let value = read_value(c)?;
        args.push(Arg {
            name,
            name_at,
            value,
            value_at,
        });
    }
}

/// A string in `"…"` or `'…'` (with `\` escapes), a number, `true` or `false`.
fn read_value(c: &mut Cursor<'_>) -> Result<Value, Malformed> {
    let rest = &c.text[c.at..];
    if let Some(quote) = rest.chars().next().filter(|q| *q == '"' || *q == '\'') {
        let mut text = String::new();
        let mut chars = rest[1..].char_indices();
        while let Some((i, ch)) = chars.next() {
            match ch {
                '\\' => {
                    if let Some((_, next)) = chars.next() {
                        text.push(next);
                    }
                }
                ch if ch == quote => {
                    c.at += i + 2;
                    return Ok(Value::String(text));
                }
                ch => text.push(ch),
            }
        }
        return Err(c.fail("this string has no closing quote"));
    }
    for (word, value) in [("true", true), ("false", false)] {
        if c.eat(word) {
            return Ok(Value::Bool(value));
        }
    }
    let len = rest
        .find(|ch: char| !(ch.is_ascii_digit() || matches!(ch, '-' | '+' | '.' | 'e' | 'E')))
        .unwrap_or(rest.len());
    let number = rest[..len]
        .parse::<f64>()
        .ok()
        .and_then(serde_json::Number::from_f64)
        .ok_or_else(|| c.fail("expected a value: a \"string\", a number, true or false"))?;
    c.at += len;
    Ok(match rest[..len].parse::<i64>() {
        Ok(n) => Value::from(n),
        Err(_) => Value::Number(number),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_inline_and_body_shortcodes() {
        let body = "Hi {{ kpi(value=12.5, target=10, label=\"Reach\") }}\n\n{% quote(author='Ann \\'A\\'') %}\nGreat *work*.\n{% end %}\n";
        let (calls, problems) = find(body);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(calls.len(), 2);
        assert_eq!(calls[0].name, "kpi");
        assert_eq!(calls[0].args[0].value, serde_json::json!(12.5));
        assert_eq!(calls[0].args[1].value, serde_json::json!(10));
        assert_eq!(calls[1].args[0].value, serde_json::json!("Ann 'A'"));
        assert_eq!(calls[1].body.as_deref(), Some("Great *work*."));
        assert_eq!(&body[calls[1].range.clone()][..8], "{% quote");
        assert!(body[calls[1].range.clone()].ends_with("{% end %}"));
    }

    #[test]
    fn leaves_code_and_plain_braces_alone() {
        let body =
            "`{{ youtube(id=\"x\") }}`\n\n```\n{{ youtube(id=\"x\") }}\n```\n\n{{ not a call }}\n";
        let (calls, problems) = find(body);
        assert!(
            calls.is_empty() && problems.is_empty(),
            "{calls:?} {problems:?}"
        );
    }

    #[test]
    fn says_where_a_call_is_broken() {
        let body = "{{ youtube(id=\"abc) }}";
        let (_, problems) = find(body);
        assert_eq!(problems[0].message, "this string has no closing quote");
        assert_eq!(problems[0].at, 14);
        let (_, problems) = find("{% quote(author=\"A\") %} text");
        assert!(problems[0].message.contains("no `{% end %}`"));
    }
}
