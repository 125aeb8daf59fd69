//! The images a page's `figure` shortcodes show, found when the page is parsed: the
//! model stage resizes them with the images its front matter names (slot
//! `Slot::Figure(n)`), so that the rendered figure gets a `srcset` of thumbnails.

use super::scan::find;
use crate::error::line_col;

/// The shortcode whose `src` goes through the image pipeline.
const FIGURE: &str = "figure";

/// An image a `figure` shortcode names, and where its `src` value is in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureImage {
    /// As written: `team.jpg` (beside the page) or `/img/team.jpg` (in `static/`).
    pub src: String,
    pub line: usize,
    pub column: usize,
}

/// The `src` of every `figure` shortcode in `body` (which starts on line `first_line`
/// of its file), in order; code blocks and inline code are left out.
pub(crate) fn figure_images(body: &str, first_line: usize) -> Vec<FigureImage> {
    if !body.contains(FIGURE) {
        return Vec::new();
    }
    let (calls, _) = find(body);
    calls
        .iter()
        .filter(|call| call.name == FIGURE)
        .filter_map(|call| call.args.iter().find(|arg| arg.name == "src"))
        .filter_map(|arg| {
            let src = arg.value.as_str()?;
            let (line, column) = line_col(body, arg.value_at);
            Some(FigureImage {
                src: src.to_string(),
                line: line + first_line - 1,
                column,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_figures_outside_code() {
        let body = "Intro.\n\n{{ figure(src=\"team.jpg\", alt=\"Team\") }}\n\n```\n{{ figure(src=\"no.jpg\", alt=\"\") }}\n```\n\n`{{ figure(src=\"nor.jpg\") }}` {{ kpi(value=1) }}\n";
        let found = figure_images(body, 5);
        assert_eq!(
            found,
            [FigureImage {
                src: "team.jpg".into(),
                line: 7,
                column: 15,
            }]
        );
        assert!(figure_images("No shortcodes.", 1).is_empty());
    }
}
