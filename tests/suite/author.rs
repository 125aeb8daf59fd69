//! The site's author in every language: `languages.<lang>.author_name` names them in
//! that language's footer, home page, social cards, feed and structured data (and
//! `author_headline` describes them there); `author.image` is the `Person`'s image and
//! shown on every language's home page.

use crate::harness::{TODAY, TestSite, json_ld_of};

const ARABIC: &str = "أولينا كوفالينكو";

/// A site whose author is `name`, with `ar_name` as the Arabic pages' name if given.
fn site(name: &str, ar_name: Option<&str>) -> TestSite {
    let ar = match ar_name {
        Some(n) => format!("{{title: Portfolio, author_name: {n}, author_headline: مديرة}}"),
        None => "{title: Portfolio}".to_string(),
    };
    let site = TestSite::new();
    site.file(
        "site.yaml",
        &format!(
            "title: Portfolio\nbase_url: https://example.org\nauthor:\n  name: {name}\n  headline: Manager\n  image: /author.png\n  links: [{{name: LinkedIn, url: \"https://www.linkedin.com/in/x\"}}]\nlanguages:\n  ar: {ar}\n"
        ),
    )
    .page("_index.md", "title: Home", "Hello.")
    .page("_index.ar.md", "title: الرئيسية", "مرحبا.")
    .page("notes/a.md", "title: Note\ndate: 2026-11-01", "Text.")
    .page("notes/a.ar.md", "title: ملاحظة\ndate: 2026-11-01", "نص.")
    .bytes(
        "static/author.png",
        &crate::planning::image_bytes(200, 200, image::ImageFormat::Png),
    );
    site
}

fn person(html: &str) -> serde_json::Value {
    json_ld_of(html)
        .into_iter()
        .find(|o| o["@type"] == "Person")
        .expect("a Person on the home page")
}

#[test]
fn each_language_names_the_author_in_its_own_script() {
    let site = site("Olena Kovalenko", Some(ARABIC));
    site.build_on(TODAY).ok();
    let ar = site.read("public/ar/index.html");
    let en = site.read("public/index.html");
    assert!(
        ar.contains(&format!(
            "<p class=\"footer-author\">&copy; <bdi>{ARABIC}</bdi></p>"
        )),
        "{ar}"
    );
    assert!(
        en.contains("<p class=\"footer-author\">&copy; <bdi>Olena Kovalenko</bdi></p>"),
        "{en}"
    );
    assert!(
        ar.contains(&format!("class=\"author-name\">{ARABIC}</h2>")),
        "{ar}"
    );
    assert!(
        ar.contains("<p class=\"author-headline\">مديرة</p>"),
        "{ar}"
    );
    // The Person of the Arabic home page: the Arabic name, the Latin one beside it.
    let ld = person(&ar);
    assert_eq!(ld["name"], ARABIC);
    assert_eq!(ld["description"], "مديرة");
    assert_eq!(ld["alternateName"], "Olena Kovalenko");
    assert_eq!(person(&en)["name"], "Olena Kovalenko");
    assert!(person(&en).get("alternateName").is_none());
    // An Arabic article names its author in Arabic; the Arabic feed too.
    let note = site.read("public/ar/notes/a/index.html");
    let article = json_ld_of(&note)
        .into_iter()
        .find(|o| o["@type"] == "Article")
        .expect("an Article");
    assert_eq!(article["author"]["name"], ARABIC);
    let feed = site.read("public/ar/atom.xml");
    assert!(feed.contains(&format!("<name>{ARABIC}</name>")), "{feed}");
}

#[test]
fn the_arabic_card_is_drawn_with_the_arabic_name() {
    let card = |site: &TestSite| std::fs::read(site.path("public/ar/social.png")).unwrap();
    // The Arabic name given for Arabic pages draws the same card as a site whose
    // author's only name is Arabic, and not the card of the Latin name.
    let localised = site("Olena Kovalenko", Some(ARABIC));
    let arabic_only = site(ARABIC, None);
    let latin_only = site("Olena Kovalenko", None);
    for s in [&localised, &arabic_only, &latin_only] {
        s.build_on(TODAY).ok();
    }
    assert!(card(&localised) == card(&arabic_only));
    assert!(card(&localised) != card(&latin_only));
}

#[test]
fn the_author_image_is_the_persons_image_and_on_the_home_page() {
    let site = site("Olena Kovalenko", None);
    site.build_on(TODAY).ok();
    let home = site.read("public/index.html");
    assert_eq!(person(&home)["image"], "https://example.org/author.png");
    assert!(
        home.contains(
            "<img class=\"author-image\" src=\"/author.png\" width=\"96\" height=\"96\" alt=\"\""
        ),
        "{home}"
    );
    assert!(site.exists("public/author.png"));
}
