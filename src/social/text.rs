//! Fitting a card's title into its box: the width of a text from the shipped fonts'
//! advances (without shaping: near enough to break lines), lines broken between
//! words, and the size stepped down until the title fits in three lines.

use std::sync::OnceLock;

use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

use super::fonts;

/// The sizes a title is tried at, largest first, in pixels.
const SIZES: [f32; 5] = [64.0, 58.0, 52.0, 46.0, 40.0];
const MAX_LINES: usize = 3;

/// A title broken into lines, at a size.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub(crate) struct Title {
    pub lines: Vec<String>,
    pub size: f32,
}

/// Each bold shipped font's character map and advances, at 1 pixel per em.
type Metrics = (
    skrifa::charmap::Charmap<'static>,
    skrifa::metrics::GlyphMetrics<'static>,
);

fn bold_metrics() -> &'static [Metrics] {
    static METRICS: OnceLock<Vec<Metrics>> = OnceLock::new();
    METRICS.get_or_init(|| {
        fonts::BOLD
            .iter()
            .filter_map(|data| FontRef::new(data).ok())
            .map(|font| {
                (
                    font.charmap(),
                    font.glyph_metrics(Size::new(1.0), LocationRef::default()),
                )
            })
            .collect()
    })
}

/// The width of `text` in bold at 1 pixel per em; a character no shipped font has
/// counts as 0.6 em.
pub(crate) fn width_em(text: &str) -> f32 {
    let metrics = bold_metrics();
    text.chars()
        .map(|c| {
            metrics
                .iter()
                .find_map(|(map, advances)| advances.advance_width(map.map(c)?))
                .unwrap_or(0.6)
        })
        .sum()
}

/// `title` in at most three lines of `width` pixels, at the largest size that fits;
/// at the smallest, what does not fit ends in `…`.
pub(crate) fn fit(title: &str, width: f32) -> Title {
    for size in SIZES {
        let lines = wrap(title, width / size);
        if lines.len() <= MAX_LINES {
            return Title { lines, size };
        }
    }
    let size = SIZES[SIZES.len() - 1];
    let mut lines = wrap(title, width / size);
    lines.truncate(MAX_LINES);
    if let Some(last) = lines.last_mut() {
        while !last.is_empty() && width_em(&format!("{last}…")) > width / size {
            last.pop();
        }
        *last = format!("{}…", last.trim_end());
    }
    Title { lines, size }
}

/// The largest of `sizes` at which `text` is at most `width` pixels wide, and the
/// text; at the smallest, cut to fit and ended with `…`.
pub(crate) fn fit_line(text: &str, width: f32, sizes: &[f32]) -> (String, f32) {
    let smallest = sizes.last().copied().unwrap_or(16.0);
    if let Some(size) = sizes.iter().copied().find(|s| width_em(text) * s <= width) {
        return (text.to_string(), size);
    }
    let mut cut: String = text.to_string();
    while !cut.is_empty() && width_em(&format!("{cut}…")) * smallest > width {
        cut.pop();
    }
    (format!("{}…", cut.trim_end()), smallest)
}

/// Lines of at most `em` ems, broken between words (inside a word only when it is
/// longer than a line).
fn wrap(text: &str, em: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if width_em(&candidate) <= em || line.is_empty() && width_em(word) <= em {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for c in word.chars() {
            if !line.is_empty() && width_em(&format!("{line}{c}")) > em {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_break_between_words_and_shrink_to_three_lines() {
        let short = fit("Spring coffee campaign", 1040.0);
        assert_eq!((short.lines.len(), short.size), (1, 64.0));
        let long = "Весняна кампанія для мережі кав'ярень у Києві, Львові та Одесі: охоплення, залучення і продажі";
        let fitted = fit(long, 1040.0);
        assert!(fitted.lines.len() <= 3 && fitted.size < 64.0, "{fitted:?}");
        assert_eq!(fitted.lines.join(" "), long);
        for line in &fitted.lines {
            assert!(width_em(line) * fitted.size <= 1040.0, "{line}");
        }
        let endless = "ვაკანსია ".repeat(40);
        let cut = fit(&endless, 1040.0);
        assert_eq!(cut.lines.len(), 3);
        assert!(cut.lines[2].ends_with('…'));
    }
}
