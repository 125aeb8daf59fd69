//! Render stage, first half: the Markdown bodies of pages and sections, the one path
//! both a build and the live preview take (through the on-disk cache when a build
//! has one).

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use crate::markdown::Rendered;
use crate::render::Fresh;
use crate::site::Site;

/// Which bodies to render.
#[derive(Clone, Copy)]
pub(crate) enum Which<'a> {
    /// Every section and the pages whose body a feed carries; the other pages are
    /// deferred (with their word count, when known), each rendered when its page is
    /// written and then dropped: a build's memory does not grow with the content.
    Outline(&'a BTreeMap<String, usize>),
    /// Every page and section (the live preview keeps them all).
    All,
    /// Only these ids (after an edit).
    Only(&'a BTreeSet<String>),
}

/// Renders the bodies `which` asks for, in parallel.
pub(crate) fn render(
    site: &Site,
    fresh: &Fresh<'_>,
    which: Which<'_>,
) -> BTreeMap<String, Rendered> {
    let keep = match which {
        Which::Outline(_) => crate::render::feeds::pages_in_feeds(site),
        _ => BTreeSet::new(),
    };
    let wanted = |id: &String| match which {
        Which::Only(only) => only.contains(id),
        _ => true,
    };
    let pages = site
        .pages
        .par_iter()
        .filter(|(id, _)| wanted(id))
        .map(|(id, p)| {
            let body = match which {
                Which::Outline(words) if !keep.contains(id) => {
                    Rendered::deferred(words.get(id).copied().unwrap_or_default())
                }
                _ => fresh.render_page(p),
            };
            (id.clone(), body)
        });
    let sections = site
        .sections
        .par_iter()
        .filter(|(id, _)| wanted(id))
        .map(|(id, s)| {
            let scope = crate::shortcodes::Scope {
                lang: &s.lang,
                path: &s.path,
                id,
            };
            let body = fresh.render_body(&s.file, &s.body, s.body_first_line, scope);
            (id.clone(), body)
        });
    pages.chain(sections).collect()
}
