//! Slugs for file names, taxonomy terms and heading ids, in any script (model stage helper).

mod translit;

use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;

/// How text becomes a URL segment (`slugify` in `site.yaml`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SlugMode {
    /// Keep the letters and digits of every script, lowercased.
    #[default]
    Unicode,
    /// Readable ASCII: native romanisations for Ukrainian, Bulgarian, Georgian and
    /// Amharic, `deunicode` for the rest (see `translit`).
    Transliterate,
}

/// Lowercases, keeps letters, marks and digits of any script, joins words with `-`
/// and drops everything else (punctuation such as the Ethiopic `፡` and `።` included).
/// In [`SlugMode::Transliterate`] the letters are romanised first and only `a-z`,
/// `0-9` and `-` remain.
pub fn slugify(text: &str, mode: SlugMode) -> String {
    bounded(match mode {
        SlugMode::Unicode => unicode_slug(text),
        SlugMode::Transliterate => ascii_slug(&translit::to_ascii(text)),
    })
}

/// The longest slug in bytes: file systems allow 255 per name, and a slug may get a
/// `-2` suffix or become `index.html`'s folder.
pub const MAX_SLUG_BYTES: usize = 200;

/// Cuts a slug to [`MAX_SLUG_BYTES`] at a character boundary, without a dash at the end.
fn bounded(mut slug: String) -> String {
    if slug.len() > MAX_SLUG_BYTES {
        let mut end = MAX_SLUG_BYTES;
        while !slug.is_char_boundary(end) {
            end -= 1;
        }
        slug.truncate(end);
        let kept = slug.trim_end_matches('-').len();
        slug.truncate(kept);
    }
    slug
}

/// [`slugify`] for text whose language is known: `lang` is the page language (a BCP 47
/// tag such as `uk`, `bg-BG`) and picks the romanisation of Cyrillic text (`uk`
/// Ukrainian, `bg` Bulgarian, `ru` and other Cyrillic languages `deunicode`; any other
/// value or `None` decides word by word). The unicode mode ignores it.
pub fn slugify_lang(text: &str, mode: SlugMode, lang: Option<&str>) -> String {
    bounded(match mode {
        SlugMode::Unicode => unicode_slug(text),
        SlugMode::Transliterate => ascii_slug(&translit::to_ascii_lang(text, lang)),
    })
}

/// The slug rules of the `slug` crate (which `Transliterate` used before) on
/// romanised text: ASCII letters lowercased, digits kept, any other run of
/// characters one `-`, none at either end.
fn ascii_slug(romanised: &str) -> String {
    slug::slugify(romanised)
}

fn unicode_slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_dash = false;
    for c in text.nfc() {
        if c.is_alphanumeric() || c == '_' {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.extend(c.to_lowercase());
        } else {
            pending_dash = true;
        }
    }
    out
}

/// True when `segment` is usable as one path segment: no separators, no `.`/`..`,
/// nothing that could leave the output directory.
pub fn is_safe_segment(segment: &str) -> bool {
    !segment.is_empty()
        && segment != "."
        && segment != ".."
        && !segment.contains(['/', '\\', '\0'])
        && !segment.contains(':')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_letters_of_every_script() {
        let cases = [
            ("Hello, World!", "hello-world"),
            ("Стратегія соцмереж 2026", "стратегія-соцмереж-2026"),
            ("Стратегия за социални мрежи", "стратегия-за-социални-мрежи"),
            ("Sociālo mediju stratēģija", "sociālo-mediju-stratēģija"),
            ("მარკეტინგის სტრატეგია", "მარკეტინგის-სტრატეგია"),
            ("የማህበራዊ፡ሚዲያ ስልት።", "የማህበራዊ-ሚዲያ-ስልት"),
            ("استراتيجية التسويق", "استراتيجية-التسويق"),
            ("  --Leading and trailing--  ", "leading-and-trailing"),
            ("snake_case stays", "snake_case-stays"),
        ];
        for (input, expected) in cases {
            assert_eq!(slugify(input, SlugMode::Unicode), expected, "{input}");
        }
    }

    #[test]
    fn transliterate_is_ascii() {
        // Ukrainian official romanisation: и is y (deunicode gave "privit-svit").
        assert_eq!(
            slugify("Привіт Світ", SlugMode::Transliterate),
            "pryvit-svit"
        );
    }

    #[test]
    fn unsafe_segments_are_refused() {
        for bad in ["", ".", "..", "a/b", "a\\b", "c:", "x\0"] {
            assert!(!is_safe_segment(bad), "{bad:?}");
        }
        assert!(is_safe_segment("стратегія"));
    }
}
