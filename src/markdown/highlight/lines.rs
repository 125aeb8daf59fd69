//! Highlighting line by line, remembering what each line gave.
//!
//! syntect's result for a line depends only on the line's text and the parser's state
//! before it (its context stack and the open scopes); lines recur a lot across a site
//! (`}`, `fi`, `set -euo pipefail`, the same imports and keys). So each thread keeps a
//! table from (line, state before) to (HTML, state after), and a line seen before in
//! the same state is not parsed again. The output is byte for byte what syntect's
//! `ClassedHTMLGenerator` writes.
//!
//! States are shared, not copied: most lines leave the state as they found it, so a
//! remembered line holds two pointers to one state, and a small pool of recent states
//! lets equal states met in different blocks share one copy too.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use syntect::html::{ClassStyle, line_tokens_to_classed_spans};
use syntect::parsing::{ParseState, ScopeStack, SyntaxReference, SyntaxSet};
use syntect::util::LinesWithEndings;

/// Past this many bytes (roughly) a thread's table is emptied and starts again.
const MAX_BYTES: usize = 24 << 20;
/// How many recent distinct states a thread keeps for sharing.
const POOL: usize = 64;

/// The parser's state between two lines.
#[derive(Clone, PartialEq, Eq)]
struct State {
    parse: ParseState,
    scopes: ScopeStack,
}

/// What a line gave in one state.
struct Outcome {
    before: Rc<State>,
    after: Rc<State>,
    html: Box<str>,
    /// Spans opened minus spans closed by the line.
    delta: isize,
}

#[derive(Default)]
struct Table {
    lines: HashMap<Box<str>, Vec<Outcome>>,
    /// Recent distinct states, the newest last.
    pool: Vec<Rc<State>>,
    bytes: usize,
}

thread_local! {
    static TABLE: RefCell<Table> = RefCell::new(Table::default());
}

/// `code` highlighted with `syntax` into spans classed by `style`, or `None` when syntect
/// fails on a line (the caller shows the code unhighlighted).
pub(super) fn highlight(
    code: &str,
    syntax: &SyntaxReference,
    syntaxes: &SyntaxSet,
    style: ClassStyle,
) -> Option<String> {
    TABLE.with(|table| {
        let mut table = table.borrow_mut();
        let mut state = table.shared(State {
            parse: ParseState::new(syntax),
            scopes: ScopeStack::new(),
        });
        let mut html = String::with_capacity(code.len() * 3);
        let mut open: isize = 0;
        for line in LinesWithEndings::from(code) {
            let known = table.lines.get(line).and_then(|outcomes| {
                outcomes
                    .iter()
                    .find(|o| Rc::ptr_eq(&o.before, &state) || o.before == state)
            });
            if let Some(outcome) = known {
                html.push_str(&outcome.html);
                open += outcome.delta;
                state = outcome.after.clone();
                continue;
            }
            let mut next = State::clone(&state);
            let ops = next.parse.parse_line(line, syntaxes).ok()?;
            let (spans, delta) =
                line_tokens_to_classed_spans(line, &ops, style, &mut next.scopes).ok()?;
            html.push_str(&spans);
            open += delta;
            let after = if next == *state {
                state.clone()
            } else {
                table.shared(next)
            };
            table.remember(line, state, after.clone(), spans, delta);
            state = after;
        }
        for _ in 0..open {
            html.push_str("</span>");
        }
        Some(html)
    })
}

impl Table {
    /// `state`, as the pool's equal state when it has one (then added to the pool).
    fn shared(&mut self, state: State) -> Rc<State> {
        if let Some(i) = self.pool.iter().rposition(|s| **s == state) {
            return self.pool[i].clone();
        }
        if self.pool.len() == POOL {
            self.pool.remove(0);
        }
        let state = Rc::new(state);
        self.pool.push(state.clone());
        // A state is a few small vectors; count it roughly.
        self.bytes += 512;
        state
    }

    fn remember(
        &mut self,
        line: &str,
        before: Rc<State>,
        after: Rc<State>,
        html: String,
        delta: isize,
    ) {
        // States are shared; count a new one roughly, whole lines exactly.
        let size = line.len() + html.len() + std::mem::size_of::<Outcome>() + 64;
        if self.bytes + size > MAX_BYTES {
            self.lines.clear();
            self.bytes = 0;
        }
        self.bytes += size;
        let outcome = Outcome {
            before,
            after,
            html: html.into_boxed_str(),
            delta,
        };
        match self.lines.get_mut(line) {
            Some(outcomes) => outcomes.push(outcome),
            None => {
                self.lines.insert(line.into(), vec![outcome]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use syntect::html::ClassedHTMLGenerator;

    const STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

    fn syntect_alone(code: &str, syntax: &SyntaxReference, syntaxes: &SyntaxSet) -> String {
        let mut generator = ClassedHTMLGenerator::new_with_class_style(syntax, syntaxes, STYLE);
        for line in LinesWithEndings::from(code) {
            generator
                .parse_html_for_line_which_includes_newline(line)
                .unwrap();
        }
        generator.finalize()
    }

    #[test]
    fn remembered_lines_give_what_syntect_gives() {
        let syntaxes = syntaxes();
        // The same lines in different states: inside and outside a string, a comment,
        // a heredoc; the same text in two languages; a block left open at the end.
        let blocks = [
            ("rs", "fn main() {\n    let s = \"}\n\";\n}\n"),
            ("rs", "/* }\n}\n*/\n}\n"),
            ("rs", "fn main() {\n}\n"),
            ("sh", "cat <<EOF\n}\nfi\nEOF\nfi\n"),
            ("sh", "if true; then\n  echo }\nfi\n"),
            (
                "py",
                "def f():\n    \"\"\"\n    }\n    \"\"\"\n    return 1\n",
            ),
            ("py", "x = '''\nfi\n"),
            ("yaml", "a:\n  - }\n  - fi\nb: |\n  }\n"),
            ("json", "{\n  \"}\": [1, 2]\n}\n"),
            ("rs", "let s = \"open\n"),
        ];
        // Twice, so the second round comes from the table.
        for round in 0..2 {
            for (lang, code) in blocks {
                let syntax = syntaxes.find_syntax_by_extension(lang).unwrap();
                assert_eq!(
                    highlight(code, syntax, syntaxes, STYLE).unwrap(),
                    syntect_alone(code, syntax, syntaxes),
                    "round {round}, {lang}: {code:?}"
                );
            }
        }
        let remembered = TABLE.with(|t| t.borrow().lines.get("}\n").map_or(0, Vec::len));
        assert!(remembered >= 3, "`}}` seen in several states: {remembered}");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

        /// Blocks made of lines that open and close strings, comments and blocks, in any
        /// order and language: the table never changes what syntect writes.
        #[test]
        fn any_mix_of_lines_gives_what_syntect_gives(
            lang in proptest::sample::select(vec!["rs", "sh", "py", "yaml", "json", "html", "js"]),
            picks in proptest::collection::vec(0usize..LINES.len(), 0..24),
        ) {
            let syntaxes = syntaxes();
            let code: String = picks.iter().map(|&i| LINES[i]).collect();
            let syntax = syntaxes.find_syntax_by_extension(lang).unwrap();
            proptest::prop_assert_eq!(
                highlight(&code, syntax, syntaxes, STYLE).unwrap(),
                syntect_alone(&code, syntax, syntaxes)
            );
        }
    }

    const LINES: &[&str] = &[
        "}\n",
        "{\n",
        "fi\n",
        "\"\n",
        "'\n",
        "\"\"\"\n",
        "/*\n",
        "*/\n",
        "<!--\n",
        "-->\n",
        "<script>\n",
        "</script>\n",
        "  - item: 1\n",
        "key: |\n",
        "cat <<EOF\n",
        "EOF\n",
        "fn main() {\n",
        "def f(x):\n",
        "    return x  # }\n",
        "let s = `${a}`;\n",
        "\n",
        "\u{440}\u{44f}\u{434}\u{43e}\u{43a} \u{10e5}\u{10d0} \u{1200}\u{1208}\n",
    ];

    fn syntaxes() -> &'static SyntaxSet {
        static SET: std::sync::LazyLock<SyntaxSet> =
            std::sync::LazyLock::new(SyntaxSet::load_defaults_newlines);
        &SET
    }
}
