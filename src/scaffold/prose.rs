//! The example text of a new file in the language it is written for. The scaffolds
//! of the kinds are written in English; a file for a language listed here gets its
//! example values (descriptions, list items, names, the body) in that language, so
//! that a draft in Ukrainian shows no English on its page. Keys, codes and the
//! comments (notes to the writer) stay as they are. Other languages keep the English
//! text, to be replaced.

/// Ukrainian for each English example text of the scaffolds, as it appears in them
/// (after a key where the bare word would also match elsewhere). Longer texts first.
const UK: &[(&str, &str)] = &[
    (
        "What the role is and who it suits, in one sentence.",
        "Яка це роль і кому вона підійде, одним реченням.",
    ),
    (
        "What the campaign set out to do, in one sentence.",
        "Чого мала досягти кампанія, одним реченням.",
    ),
    (
        "What the analysis is about, in one sentence.",
        "Про що цей аналіз, одним реченням.",
    ),
    (
        "What these samples show, in one sentence.",
        "Що показують ці зразки, одним реченням.",
    ),
    (
        "What the plan covers, in one sentence.",
        "Що охоплює план, одним реченням.",
    ),
    (
        "What the page is about, in one sentence.",
        "Про що ця сторінка, одним реченням.",
    ),
    (
        "What was done, for whom, with what result.",
        "Що зроблено, для кого і з яким результатом.",
    ),
    ("The result in one sentence.", "Результат одним реченням."),
    (
        "Plan and publish the content calendar",
        "Планувати й публікувати контент-календар",
    ),
    (
        "Two years of social-media work",
        "Два роки роботи із соцмережами",
    ),
    (
        "One person makes all the content",
        "Увесь контент створює одна людина",
    ),
    (
        "They understood our audience.",
        "Вони зрозуміли нашу аудиторію.",
    ),
    ("Example Agency, 2027", "Агенція «Приклад», 2027"),
    ("Example Agency", "Агенція «Приклад»"),
    ("Short video is growing", "Короткі відео зростають"),
    ("A loyal audience", "Віддана аудиторія"),
    ("Ad prices rise", "Реклама дорожчає"),
    ("Grow the audience", "Збільшити аудиторію"),
    ("Introduce the team", "Представити команду"),
    ("city: Kyiv", "city: Київ"),
    ("name: Reach", "name: Охоплення"),
    ("metric: Followers", "metric: Підписники"),
    ("author: A. Client", "author: А. Клієнтка"),
    ("Describe the role here.", "Опишіть роль тут."),
    ("What the campaign did.", "Що зробила кампанія."),
    ("The story in full.", "Уся історія."),
    ("Notes on the analysis.", "Нотатки до аналізу."),
    ("About these samples.", "Про ці зразки."),
    ("Notes on the plan.", "Нотатки до плану."),
    ("Write here.", "Пишіть тут."),
];

/// The translations of the example texts for a language (`uk`, `uk-UA`), if any.
fn table(lang: &str) -> Option<&'static [(&'static str, &'static str)]> {
    let primary = lang.split(['-', '_']).next().unwrap_or_default();
    match primary.to_ascii_lowercase().as_str() {
        "uk" => Some(UK),
        _ => None,
    }
}

/// The scaffold `text` with its example texts in `lang`, where folio has them.
pub(crate) fn localise(text: String, lang: Option<&str>) -> String {
    let Some(pairs) = lang.and_then(table) else {
        return text;
    };
    pairs.iter().fold(text, |text, (english, translated)| {
        text.replace(english, translated)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::registry;
    use chrono::NaiveDate;

    fn scaffolds(lang: Option<&str>) -> Vec<String> {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        registry::names()
            .map(|kind| localise(super::super::front_matter(kind, "T", today), lang))
            .collect()
    }

    #[test]
    fn every_english_example_text_is_in_a_scaffold() {
        let english = scaffolds(None).concat();
        for (text, _) in UK {
            assert!(english.contains(text), "no scaffold writes `{text}`");
        }
    }

    #[test]
    fn a_ukrainian_scaffold_keeps_no_english_example_text() {
        for (text, kind) in scaffolds(Some("uk")).iter().zip(registry::names()) {
            for (english, _) in UK {
                assert!(!text.contains(english), "{kind}: `{english}` left");
            }
            assert!(text.contains("timezone: Europe/Kyiv") || kind != "calendar");
        }
        assert_eq!(scaffolds(Some("de")), scaffolds(None));
    }
}
