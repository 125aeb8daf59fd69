//! Render stage helper: heading ids that work in any script, and the table of contents.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::slugify::{SlugMode, slugify};

/// One entry of a table of contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub title: String,
    pub children: Vec<Heading>,
}

/// Ids the default theme's layout uses itself; a heading "Main" must not take `main`
/// (the skip link's target).
const RESERVED: [&str; 8] = [
    "main",
    "author-name",
    "intro-title",
    "not-found-title",
    "pages-title",
    "recent-title",
    "sections-title",
    "subsections-title",
];

/// Hands out unique heading ids within one document.
pub(crate) struct Ids {
    taken: HashSet<String>,
    /// The next `-n` suffix to try for each base id: every smaller one is taken, so
    /// a title repeated thousands of times costs no rescans.
    next: HashMap<String, usize>,
}

impl Default for Ids {
    fn default() -> Self {
        Ids {
            taken: RESERVED.iter().map(|s| s.to_string()).collect(),
            next: HashMap::new(),
        }
    }
}

impl Ids {
    /// The id for a heading: its explicit `{#id}`, else its slug; `-1`, `-2` … on repeats.
    pub(crate) fn assign(&mut self, explicit: Option<&str>, text: &str, mode: SlugMode) -> String {
        let base = match explicit {
            Some(id) if !id.is_empty() => id.to_string(),
            _ => {
                let slug = slugify(text, mode);
                if slug.is_empty() {
                    "section".to_string()
                } else {
                    slug
                }
            }
        };
        if self.taken.insert(base.clone()) {
            return base;
        }
        let n = self.next.entry(base.clone()).or_insert(1);
        loop {
            let id = format!("{base}-{n}");
            *n += 1;
            if self.taken.insert(id.clone()) {
                return id;
            }
        }
    }
}

/// Nests flat headings by level: an h3 after an h2 becomes its child.
pub(crate) fn nest(flat: Vec<Heading>) -> Vec<Heading> {
    let mut roots: Vec<Heading> = Vec::new();
    for heading in flat {
        insert(&mut roots, heading);
    }
    roots
}

fn insert(siblings: &mut Vec<Heading>, heading: Heading) {
    match siblings.last_mut() {
        Some(last) if heading.level > last.level => insert(&mut last.children, heading),
        _ => siblings.push(heading),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(level: u8, id: &str) -> Heading {
        Heading {
            level,
            id: id.into(),
            title: id.into(),
            children: vec![],
        }
    }

    #[test]
    fn ids_are_unique_and_unicode() {
        let mut ids = Ids::default();
        assert_eq!(
            ids.assign(None, "Стратегія", SlugMode::Unicode),
            "стратегія"
        );
        assert_eq!(
            ids.assign(None, "Стратегія", SlugMode::Unicode),
            "стратегія-1"
        );
        assert_eq!(ids.assign(None, "მიზნები", SlugMode::Unicode), "მიზნები");
        assert_eq!(ids.assign(None, "ዓላማዎች።", SlugMode::Unicode), "ዓላማዎች");
        assert_eq!(ids.assign(None, "!!!", SlugMode::Unicode), "section");
        assert_eq!(ids.assign(Some("custom"), "x", SlugMode::Unicode), "custom");
        assert_eq!(ids.assign(None, "Main", SlugMode::Unicode), "main-1");
    }

    #[test]
    fn nests_by_level() {
        let toc = nest(vec![
            h(2, "a"),
            h(3, "a1"),
            h(3, "a2"),
            h(2, "b"),
            h(4, "b1"),
        ]);
        assert_eq!(toc.len(), 2);
        assert_eq!(toc[0].children.len(), 2);
        assert_eq!(toc[1].children[0].id, "b1");
    }
}
