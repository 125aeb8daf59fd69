//! The fonts social cards are drawn with: Noto subsets shipped with folio (Latin,
//! Greek, Cyrillic, Georgian, Ethiopic, Arabic, Hebrew; regular and bold), so that a
//! site gives the same card on any machine. Text in a script none of them covers is
//! drawn with the system's fonts, loaded only when a card needs them.

use std::sync::{Arc, OnceLock};

use resvg::usvg::fontdb::{Database, ID};

/// The font families, in the order a card's `font-family` lists them.
pub(crate) const FAMILIES: &str = "'Noto Sans', 'Noto Sans Georgian', 'Noto Sans Ethiopic', 'Noto Sans Arabic', 'Noto Sans Hebrew'";

macro_rules! font {
    ($name:literal) => {
        include_bytes!(concat!("../../themes/default/fonts/", $name, ".ttf")).as_slice()
    };
}

const SHIPPED: [&[u8]; 10] = [
    font!("NotoSans-Regular"),
    font!("NotoSans-Bold"),
    font!("NotoSansGeorgian-Regular"),
    font!("NotoSansGeorgian-Bold"),
    font!("NotoSansEthiopic-Regular"),
    font!("NotoSansEthiopic-Bold"),
    font!("NotoSansArabic-Regular"),
    font!("NotoSansArabic-Bold"),
    font!("NotoSansHebrew-Regular"),
    font!("NotoSansHebrew-Bold"),
];

/// The bold shipped fonts, one per script, in the order of [`FAMILIES`].
pub(crate) const BOLD: [&[u8]; 5] = [SHIPPED[1], SHIPPED[3], SHIPPED[5], SHIPPED[7], SHIPPED[9]];

/// The shipped fonts only.
pub(crate) fn shipped() -> Arc<Database> {
    static DB: OnceLock<Arc<Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = Database::new();
        for data in SHIPPED {
            db.load_font_data(data.to_vec());
        }
        db.set_sans_serif_family("Noto Sans");
        Arc::new(db)
    })
    .clone()
}

/// The shipped fonts, then the system's.
pub(crate) fn with_system() -> Arc<Database> {
    static DB: OnceLock<Arc<Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = (*shipped()).clone();
        db.load_system_fonts();
        Arc::new(db)
    })
    .clone()
}

/// The characters of `text` no font of `db` has (spaces and controls aside).
pub(crate) fn missing(db: &Database, text: &str) -> Vec<char> {
    let mut missing: Vec<char> = text
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control() && !is_format(*c))
        .filter(|c| !db.faces().any(|face| has_char(db, face.id, *c)))
        .collect();
    missing.sort_unstable();
    missing.dedup();
    missing
}

pub(crate) fn has_char(db: &Database, id: ID, c: char) -> bool {
    db.with_face_data(id, |data, index| {
        let font = skrifa::FontRef::from_index(data, index).ok()?;
        skrifa::MetadataProvider::charmap(&font).map(c)
    })
    .flatten()
    .is_some()
}

/// Invisible formatting characters (direction marks, joiners) that need no glyph.
fn is_format(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_fonts_cover_every_script_of_the_ui_languages() {
        let db = shipped();
        for text in [
            "Campaign results 2026 — €1,200",
            "Кампанія «Весна» і ґанок",
            "Съобщение на български",
            "Kampaņa Latvijā",
            "ვაკანსია თბილისში",
            "የሥራ ማስታወቂያ",
            "حملة الربيع ٢٠٢٦",
            "קמפיין אביב",
            "Ζήτω",
        ] {
            assert_eq!(missing(&db, text), Vec::<char>::new(), "{text}");
        }
        assert_eq!(missing(&db, "中文"), vec!['中', '文']);
    }
}
