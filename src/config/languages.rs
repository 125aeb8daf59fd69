//! The languages of a site, and the language codes a file name or `folio new --lang`
//! may carry: ISO 639-1 two-letter codes, optionally with a region (`pt-BR`).

use super::SiteConfig;

/// Every ISO 639-1 code.
const ISO_639_1: &str = "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs \
ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl \
gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl \
km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb \
nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg \
si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur \
uz ve vi vo wa wo xh yi yo za zh zu";

/// Whether `code` is written as a language code: an ISO 639-1 code in lower case,
/// optionally followed by `-` and a region (`pt-BR`, two letters in upper case or three
/// digits). `v2`, `final` or `js` are not.
pub(crate) fn is_language_code(code: &str) -> bool {
    let (language, region) = match code.split_once('-') {
        Some((language, region)) => (language, Some(region)),
        None => (code, None),
    };
    let region_ok = region.is_none_or(|r| {
        (r.len() == 2 && r.bytes().all(|b| b.is_ascii_uppercase()))
            || (r.len() == 3 && r.bytes().all(|b| b.is_ascii_digit()))
    });
    language.len() == 2 && region_ok && ISO_639_1.split(' ').any(|c| c == language)
}

impl SiteConfig {
    /// The site's languages, the default first.
    pub(crate) fn language_codes(&self) -> Vec<&str> {
        let mut codes = vec![self.default_language.as_str()];
        codes.extend(
            self.languages
                .keys()
                .map(String::as_str)
                .filter(|c| *c != self.default_language),
        );
        codes
    }

    /// Whether the site is published in `code`.
    pub(crate) fn has_language(&self, code: &str) -> bool {
        code == self.default_language || self.languages.contains_key(code)
    }
}

/// The lines of `site.yaml` that add `code` to a site.
pub(crate) fn lines_to_add(code: &str) -> String {
    format!("languages:\n  {code}:\n    title: …   # the site's title in this language")
}

/// The language code a content file's name carries that the site does not have
/// (`lv` of `about.lv.md` on a site in `en` and `uk`).
pub(crate) fn unknown_suffix<'a>(name: &'a str, config: &SiteConfig) -> Option<&'a str> {
    let stem = name.strip_suffix(".md")?;
    let (_, code) = stem.rsplit_once('.')?;
    (is_language_code(code) && !config.has_language(code)).then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes_are_iso_639_1_with_an_optional_region() {
        for code in ["uk", "lv", "pt-BR", "es-419", "zh"] {
            assert!(is_language_code(code), "{code}");
        }
        for code in ["v2", "final", "js", "xx", "pt-br", "EN", "ukr", "d"] {
            assert!(!is_language_code(code), "{code}");
        }
    }

    #[test]
    fn only_unknown_language_suffixes_are_named() {
        let text = "title: T\ndefault_language: en\nlanguages: {uk: {}}\n";
        let config = SiteConfig::parse(std::path::Path::new("site.yaml"), text).unwrap();
        assert_eq!(unknown_suffix("about.lv.md", &config), Some("lv"));
        assert_eq!(unknown_suffix("about.uk.md", &config), None);
        assert_eq!(unknown_suffix("about.en.md", &config), None);
        assert_eq!(unknown_suffix("report.v2.md", &config), None);
        assert_eq!(unknown_suffix("notes.final.md", &config), None);
        assert_eq!(unknown_suffix("about.md", &config), None);
        assert_eq!(config.language_codes(), ["en", "uk"]);
    }
}
