//! Social cards: every page shared with a 1200×630 PNG (`og:image` and its size and
//! alt), drawn in every script the site's languages use, cached, overridable by the
//! theme, switched off by `cards: false`; and photos published without their EXIF.

use crate::harness::{TODAY, TestSite};
use crate::planning::image_bytes;

fn meta<'a>(html: &'a str, property: &str) -> Vec<&'a str> {
    let mut found = Vec::new();
    for needle in [
        format!("property=\"{property}\" content=\""),
        format!("name=\"{property}\" content=\""),
    ] {
        let mut rest = html;
        while let Some(at) = rest.find(&needle) {
            let value = &rest[at + needle.len()..];
            let end = value.find('"').unwrap();
            found.push(&value[..end]);
            rest = &value[end..];
        }
    }
    found
}

fn card(site: &TestSite, rel: &str) -> image::RgbaImage {
    let bytes = std::fs::read(site.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    assert!(bytes.starts_with(b"\x89PNG"), "{rel} is a PNG");
    image::load_from_memory(&bytes).unwrap().to_rgba8()
}

fn site() -> TestSite {
    let site = TestSite::new();
    site.file(
        "site.yaml",
        "title: Portfolio\nbase_url: https://example.org\nauthor: {name: Olena Kovalenko}\nbrand: {accent: \"#0f6e6e\"}\nlanguages:\n  uk: {title: Портфоліо}\n  ka: {title: პორტფოლიო}\n  ar: {title: ملف}\n",
    )
    .page("notes/_index.md", "title: Notes", "")
    .page("notes/plan.md", "title: Spring plan\ndate: 2026-11-22", "Text.")
    .page("notes/plan.uk.md", "title: Весняний план\ndate: 2026-11-22", "Текст.")
    .page(
        "jobs/smm.ka.md",
        "title: ვაკანსია თბილისში\nkind: job\ndate: 2026-11-01\nvalid_through: 2026-12-31\nemployment_type: [FULL_TIME]\ncompany: {name: Teplo Agency}\nlocation: {city: Tbilisi, country: GE}\nsalary: {currency: GEL, min: 3000, max: 4500, unit: MONTH}\napply: {email: jobs@example.org}",
        "აღწერა.",
    );
    site
}

#[test]
fn every_page_is_shared_with_a_card_of_its_own_in_its_language() {
    let site = site();
    site.build_on(TODAY).ok();
    let html = site.read("public/uk/notes/plan/index.html");
    assert_eq!(
        meta(&html, "og:image"),
        ["https://example.org/uk/notes/plan/social.png"]
    );
    assert_eq!(meta(&html, "og:image:width"), ["1200"]);
    assert_eq!(meta(&html, "og:image:height"), ["630"]);
    assert_eq!(meta(&html, "og:image:alt"), ["Весняний план"]);
    assert_eq!(meta(&html, "twitter:card"), ["summary_large_image"]);
    assert_eq!(meta(&html, "og:locale"), ["uk_UA"]);
    assert_eq!(meta(&html, "og:locale:alternate"), ["en_US"]);
    let english = site.read("public/notes/plan/index.html");
    assert_eq!(meta(&english, "og:locale:alternate"), ["uk_UA"]);
    // The job's card tells its place and salary in Georgian.
    let job = site.read("public/ka/jobs/smm/index.html");
    let alt = meta(&job, "og:image:alt")[0];
    assert!(alt.starts_with("ვაკანსია თბილისში — "), "{alt}");
    assert!(
        alt.contains("Tbilisi, საქართველო") && alt.contains("500"),
        "{alt}"
    );
    // The home page and listings have cards too.
    assert_eq!(
        meta(&site.read("public/index.html"), "og:image"),
        ["https://example.org/social.png"]
    );
    for rel in [
        "public/uk/notes/plan/social.png",
        "public/ka/jobs/smm/social.png",
        "public/social.png",
        "public/notes/social.png",
    ] {
        assert_eq!(card(&site, rel).dimensions(), (1200, 630), "{rel}");
    }
    // The brand's accent is the card's bar along the bottom.
    assert_eq!(
        card(&site, "public/notes/plan/social.png")
            .get_pixel(600, 625)
            .0,
        [0x0f, 0x6e, 0x6e, 255]
    );
}

/// The title area of a card (below the label, above the figure).
fn title_area(card: &image::RgbaImage) -> Vec<u8> {
    image::imageops::crop_imm(card, 60, 150, 1080, 260)
        .to_image()
        .into_raw()
}

#[test]
fn titles_are_drawn_with_real_letters_in_every_script() {
    // A letter no font has is drawn as the same empty box whatever the letter: two
    // titles of as many different letters would then give the same pixels.
    let site = TestSite::new();
    site.file(
        "site.yaml",
        "title: T\nbase_url: https://example.org\nlanguages: {uk: {title: Т}, ka: {title: ტ}, ar: {title: ت}, am: {title: ፖ}}\n",
    );
    let pairs = [
        ("uk", "Кампанія", "Вакансія"),
        ("ka", "ვაკანსია", "თბილისში"),
        ("ar", "حملة", "خطةع"),
        ("am", "የሥራ", "ማስታ"),
    ];
    for (lang, a, b) in pairs {
        site.page(&format!("a.{lang}.md"), &format!("title: {a}"), "")
            .page(&format!("b.{lang}.md"), &format!("title: {b}"), "")
            .page(&format!("c.{lang}.md"), "title: \"-\"", "");
    }
    let run = site.build_on(TODAY).ok();
    assert!(!run.stderr().contains("no font has"), "{}", run.stderr());
    for (lang, a, b) in pairs {
        let of = |page: &str| title_area(&card(&site, &format!("public/{lang}/{page}/social.png")));
        let (first, second, blank) = (of("a"), of("b"), of("c"));
        assert_ne!(first, second, "{lang}: {a} and {b} drawn alike");
        assert_ne!(first, blank, "{lang}: {a} not drawn");
    }
    // Right to left: the Arabic title ends at the right margin, the Ukrainian starts
    // at the left one.
    let ink = |lang: &str| {
        let card = card(&site, &format!("public/{lang}/a/social.png"));
        let dark: Vec<u32> = (150..410)
            .flat_map(|y| (0..1200).map(move |x| (x, y)))
            .filter(|&(x, y)| card.get_pixel(x, y).0[0] < 100)
            .map(|(x, _)| x)
            .collect();
        (*dark.iter().min().unwrap(), *dark.iter().max().unwrap())
    };
    let (uk_left, uk_right) = ink("uk");
    let (ar_left, ar_right) = ink("ar");
    assert!(
        (75..100).contains(&uk_left) && uk_right < 800,
        "uk {uk_left}..{uk_right}"
    );
    assert!(
        (1100..1125).contains(&ar_right) && ar_left > 400,
        "ar {ar_left}..{ar_right}"
    );
}

#[test]
fn a_title_no_font_can_show_is_named_in_a_warning() {
    let site = TestSite::new();
    site.page("odd.md", "title: \"Launch \u{10FFFD}\"", "");
    let run = site.build_on(TODAY).ok();
    let stderr = run.stderr();
    assert!(
        stderr.contains("odd.md") && stderr.contains("no font has these characters"),
        "{stderr}"
    );
    assert_eq!(
        card(&site, "public/odd/social.png").dimensions(),
        (1200, 630)
    );
}

#[test]
fn cards_are_drawn_once_and_again_only_for_the_page_that_changed() {
    let site = site();
    site.build_on(TODAY).ok();
    let cached = |site: &TestSite| site.tree(".folio-cache/cards");
    let first = cached(&site);
    assert!(first.len() >= 5, "{first:?}");
    let before = site.snapshot(".folio-cache/cards");
    site.build_on(TODAY).ok();
    assert_eq!(
        site.snapshot(".folio-cache/cards"),
        before,
        "a warm build draws nothing"
    );
    site.page(
        "notes/plan.md",
        "title: Summer plan\ndate: 2026-11-22",
        "Text.",
    );
    site.build_on(TODAY).ok();
    let after = cached(&site);
    assert_eq!(after.len(), first.len() + 1, "one card drawn again");
    // Without the cache nothing is kept, and the cards are the same.
    let kept = std::fs::read(site.path("public/notes/plan/social.png")).unwrap();
    std::fs::remove_dir_all(site.path(".folio-cache")).unwrap();
    site.folio(&["build", "--no-cache", "--today", TODAY]).ok();
    assert!(!site.exists(".folio-cache"));
    assert_eq!(
        std::fs::read(site.path("public/notes/plan/social.png")).unwrap(),
        kept
    );
}

#[test]
fn cards_false_draws_none() {
    let site = TestSite::new();
    site.file(
        "site.yaml",
        "title: T\nbase_url: https://example.org\ncards: false\n",
    )
    .page("a.md", "title: A", "");
    site.build_on(TODAY).ok();
    assert!(!site.exists("public/a/social.png"));
    assert!(!site.exists("public/social.png"));
    let html = site.read("public/a/index.html");
    assert!(meta(&html, "og:image").is_empty(), "{html}");
    assert_eq!(meta(&html, "twitter:card"), ["summary"]);
    assert_eq!(meta(&html, "og:locale"), ["en_US"]);
}

#[test]
fn a_theme_overrides_the_card_of_a_kind() {
    let site = site();
    site.file(
        "templates/cards/job.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{{ card.width }}\" height=\"{{ card.height }}\"><rect width=\"100%\" height=\"100%\" fill=\"#ff0000\"/><text x=\"40\" y=\"100\" font-family=\"{{ card.fonts }}\">{{ card.title }}</text></svg>",
    );
    site.build_on(TODAY).ok();
    assert_eq!(
        card(&site, "public/ka/jobs/smm/social.png")
            .get_pixel(600, 600)
            .0,
        [255, 0, 0, 255]
    );
    assert_ne!(
        card(&site, "public/notes/plan/social.png")
            .get_pixel(600, 600)
            .0,
        [255, 0, 0, 255]
    );
}

#[test]
fn a_page_image_is_cut_to_a_card_around_its_focus() {
    let site = TestSite::new();
    // Red above, blue below: `focus: bottom` keeps the blue.
    let tall = image::RgbImage::from_fn(600, 1200, |_, y| {
        image::Rgb(if y < 600 { [220, 0, 0] } else { [0, 0, 220] })
    });
    let mut bytes = Vec::new();
    image::DynamicImage::ImageRgb8(tall)
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Jpeg,
        )
        .unwrap();
    site.bytes("content/team/photo.jpg", &bytes).page(
        "team/index.md",
        "title: Team\nimage: {src: photo.jpg, alt: The team at the launch, focus: bottom}",
        "",
    );
    site.build_on(TODAY).ok();
    let html = site.read("public/team/index.html");
    assert_eq!(meta(&html, "og:image:alt"), ["The team at the launch"]);
    let made = card(&site, "public/team/social.png");
    assert_eq!(made.dimensions(), (1200, 630));
    let [r, _, b, _] = made.get_pixel(600, 315).0;
    assert!(b > 180 && r < 40, "{:?}", made.get_pixel(600, 315));
}

#[test]
fn a_bad_image_value_is_an_error_at_its_place() {
    let site = TestSite::new();
    site.page("a.md", "title: A\nimage: {src: a.jpg, focus: middle}", "");
    let stderr = site.build_on(TODAY).fails();
    assert!(stderr.contains("a.md:3:"), "{stderr}");
    assert!(
        stderr.contains("middle") && stderr.contains("top"),
        "{stderr}"
    );
    let missing = TestSite::new();
    missing.page("b/index.md", "title: B\nimage: nowhere.jpg", "");
    let stderr = missing.build_on(TODAY).fails();
    assert!(
        stderr.contains("index.md:3:8") && stderr.contains("`nowhere.jpg` not found"),
        "{stderr}"
    );
}

/// A JPEG with an EXIF block holding a GPS position (tag 0x8825) and a camera serial
/// number (tag 0xa431, `SN-12345`).
fn photo_with_gps() -> Vec<u8> {
    let mut bytes = image_bytes(64, 48, image::ImageFormat::Jpeg);
    let mut tiff = b"II\x2a\0\x08\0\0\0\x02\0".to_vec();
    tiff.extend_from_slice(&[0x25, 0x88, 4, 0, 1, 0, 0, 0, 0x26, 0, 0, 0]);
    tiff.extend_from_slice(&[0x31, 0xa4, 2, 0, 9, 0, 0, 0, 0x2a, 0, 0, 0]);
    tiff.extend_from_slice(&[0, 0, 0, 0]);
    tiff.extend_from_slice(b"SN-12345\0");
    let payload = [b"Exif\0\0".as_slice(), &tiff].concat();
    let len = u16::try_from(payload.len() + 2).unwrap().to_be_bytes();
    bytes.splice(2..2, [&[0xff, 0xe1][..], &len, &payload].concat());
    bytes
}

fn has_exif(bytes: &[u8]) -> bool {
    bytes.windows(8).any(|w| w == b"SN-12345") || bytes.windows(6).any(|w| w == b"Exif\0\0")
}

#[test]
fn published_photos_lose_their_exif_unless_kept() {
    let site = TestSite::new();
    let photo = photo_with_gps();
    assert!(has_exif(&photo));
    site.bytes("content/work/a/shot.jpg", &photo)
        .bytes("static/img/shot.jpg", &photo)
        .page(
            "work/a/index.md",
            "title: A\nkind: showcase\nitems:\n  - {platform: instagram, image: shot.jpg, caption: Shot}",
            "",
        );
    site.build_on(TODAY).ok();
    for rel in [
        "public/work/a/shot.jpg",
        "public/img/shot.jpg",
        "public/work/a/shot-64w.jpg",
    ] {
        let published = std::fs::read(site.path(rel)).unwrap();
        assert!(!has_exif(&published), "{rel} keeps its EXIF");
        let image = image::load_from_memory(&published).unwrap();
        assert_eq!((image.width(), image.height()), (64, 48), "{rel}");
    }
    // The original's pixels are untouched: only the metadata went.
    let published = std::fs::read(site.path("public/work/a/shot.jpg")).unwrap();
    assert_eq!(
        published.len(),
        image_bytes(64, 48, image::ImageFormat::Jpeg).len()
    );
    site.file(
        "site.yaml",
        "title: Test site\nbase_url: https://example.org\nimages: {keep_metadata: true}\n",
    );
    site.build_on(TODAY).ok();
    assert_eq!(
        std::fs::read(site.path("public/work/a/shot.jpg")).unwrap(),
        photo
    );
}

#[test]
fn the_live_preview_draws_the_card_of_an_edited_page_again() {
    use folio::{BuildOptions, Change, DevSite, Outcome};
    let site = site();
    let mut options = BuildOptions::new(site.root());
    options.today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let (mut dev, outcome) = DevSite::new(options.clone());
    assert_eq!(outcome, Outcome::Reload, "{:?}", dev.errors);
    let card_of = |dev: &DevSite| dev.served.snapshot()["notes/plan/social.png"].clone();
    let before = card_of(&dev);
    let untouched = dev.served.snapshot()["uk/notes/plan/social.png"].clone();
    site.page(
        "notes/plan.md",
        "title: Summer plan\ndate: 2026-11-22",
        "Text.",
    );
    let outcome = dev.apply(&[Change::Content("notes/plan.md".into())]);
    assert_eq!(outcome, Outcome::Reload, "{:?}", dev.errors);
    let after = card_of(&dev);
    assert_ne!(after, before, "the edited title is drawn");
    let (fresh, _) = DevSite::new(options);
    assert_eq!(
        after,
        fresh.served.snapshot()["notes/plan/social.png"],
        "as a full build draws it"
    );
    assert_eq!(dev.served.snapshot()["uk/notes/plan/social.png"], untouched);
}
