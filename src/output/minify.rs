//! Write stage: minified output for production. Pages pass through `minify-html`
//! (with the CSS of `<style>` and the JavaScript of `<script>`); the theme's
//! stylesheets through `lightningcss` and its scripts through the `oxc` minifier.
//! `<pre>` and `<textarea>` keep their whitespace, JSON-LD and other data scripts
//! their text.

use std::io;
use std::path::Path;

use super::Output;

/// Minifies the HTML pages written through it; every other file passes unchanged.
pub(crate) struct Minifying<'a> {
    pub inner: &'a dyn Output,
}

impl Output for Minifying<'_> {
    fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        match path.ends_with(".html") {
            true => self.inner.write(path, &html(bytes)),
            false => self.inner.write(path, bytes),
        }
    }

    fn copy(&self, path: &str, from: &Path) -> io::Result<()> {
        self.inner.copy(path, from)
    }
}

/// A page, minified. Only changes the HTML standard allows: closing tags it lets out,
/// quotes attribute values do not need, whitespace that does not show.
pub(crate) fn html(bytes: &[u8]) -> Vec<u8> {
    let cfg = minify_html::Cfg {
        minify_css: true,
        minify_js: true,
        ..minify_html::Cfg::default()
    };
    minify_html::minify(bytes, &cfg)
}

/// A stylesheet, minified, or why it cannot be.
pub(crate) fn css(file: &str, text: &str) -> Result<String, String> {
    use lightningcss::stylesheet::{MinifyOptions, ParserOptions, PrinterOptions, StyleSheet};
    let options = ParserOptions {
        filename: file.to_string(),
        ..ParserOptions::default()
    };
    let mut sheet = StyleSheet::parse(text, options).map_err(|e| e.to_string())?;
    sheet
        .minify(MinifyOptions::default())
        .map_err(|e| e.to_string())?;
    let printer = PrinterOptions {
        minify: true,
        ..PrinterOptions::default()
    };
    sheet
        .to_css(printer)
        .map(|done| done.code)
        .map_err(|e| e.to_string())
}

/// A script, minified (names inside functions shortened, nothing removed that could
/// run), or why it cannot be.
pub(crate) fn js(text: &str) -> Result<String, String> {
    use oxc_allocator::Allocator;
    use oxc_codegen::{Codegen, CodegenOptions};
    use oxc_minifier::{CompressOptions, MangleOptions, Minifier, MinifierOptions};
    let allocator = Allocator::default();
    let parsed = oxc_parser::Parser::new(&allocator, text, oxc_span::SourceType::cjs()).parse();
    if let Some(error) = parsed.errors.first() {
        return Err(error.to_string());
    }
    let mut program = parsed.program;
    Minifier::new(MinifierOptions {
        mangle: Some(MangleOptions::default()),
        compress: Some(CompressOptions::safest()),
    })
    .minify(&allocator, &mut program);
    let options = CodegenOptions {
        minify: true,
        ..CodegenOptions::default()
    };
    Ok(Codegen::new().with_options(options).build(&program).code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_keep_preformatted_text_and_json_ld() {
        let page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n  <title>T</title>\n  \
            <script type=\"application/ld+json\">{\"@type\": \"JobPosting\",  \"title\": \"A  B\"}</script>\n\
            </head>\n<body>\n  <p>One   two</p>\n  <pre><code>fn main() {\n    let  x = 1;\n}</code></pre>\n</body>\n</html>\n";
        let small = String::from_utf8(html(page.as_bytes())).unwrap();
        assert!(small.len() < page.len());
        assert!(small.contains("<pre><code>fn main() {\n    let  x = 1;\n}</code></pre>"));
        assert!(small.contains("{\"@type\": \"JobPosting\",  \"title\": \"A  B\"}"));
        assert!(small.contains("<p>One two"));
    }

    #[test]
    fn stylesheets_and_scripts_shrink_and_bad_ones_say_why() {
        let sheet = "body {\n  color: #ff0000;\n  margin: 0px 0px 0px 0px;\n}\n";
        assert_eq!(css("a.css", sheet).unwrap(), "body{color:red;margin:0}");
        let script = "function greet(name) {\n  var message = 'Hello, ' + name;\n  return message;\n}\nwindow.greet = greet;\n";
        let small = js(script).unwrap();
        assert!(small.len() < script.len(), "{small}");
        assert!(small.contains("window.greet"));
        assert!(js("function (").is_err());
    }
}
