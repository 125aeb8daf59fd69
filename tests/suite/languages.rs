//! Languages: file-name translations, per-language sections, feeds and taxonomies,
//! hreflang, locale formatting, UI strings with fallback, right-to-left, slugs.

use crate::harness::TestSite;

fn multilingual() -> TestSite {
    let site = TestSite::new();
    site.file(
        "site.yaml",
        "title: Portfolio\nbase_url: https://example.org\nlanguages:\n  uk: {title: Портфоліо}\n  ka: {title: პორტფოლიო}\n  am: {title: ፖርትፎሊዮ}\n  ar: {title: ملف}\n",
    )
    .page("notes/_index.md", "title: Notes", "")
    .page("notes/plan.md", "title: Plan\ndate: 2026-11-22\ntags: [strategy]", "English text.")
    .page("notes/plan.uk.md", "title: План\ndate: 2026-11-22\ntags: [стратегія]", "Український текст.")
    .page("notes/plan.ka.md", "title: გეგმა\ndate: 2026-11-22", "ქართული ტექსტი.")
    .page("notes/plan.am.md", "title: ዕቅድ\ndate: 2026-11-22", "የአማርኛ ጽሑፍ።")
    .page("notes/plan.ar.md", "title: خطة\ndate: 2026-11-22", "نص عربي.");
    site
}

#[test]
fn file_name_languages_get_their_own_urls_sections_feeds_and_terms() {
    let site = multilingual();
    site.build().ok();
    let uk = site.read("public/uk/notes/plan/index.html");
    assert!(uk.contains("<html lang=\"uk\" dir=\"ltr\">"), "{uk}");
    assert!(uk.contains("Український текст."));
    assert!(
        site.read("public/ka/notes/plan/index.html")
            .contains("<html lang=\"ka\"")
    );
    assert!(
        site.read("public/am/notes/plan/index.html")
            .contains("<html lang=\"am\"")
    );
    // Each language lists its own pages in its own section and home page.
    let uk_section = site.read("public/uk/notes/index.html");
    assert!(
        uk_section.contains("План") && !uk_section.contains(">Plan<"),
        "{uk_section}"
    );
    assert!(site.exists("public/uk/index.html"));
    let en_section = site.read("public/notes/index.html");
    assert!(!en_section.contains("План"), "{en_section}");
    // Feeds and taxonomies per language.
    let uk_feed = site.read("public/uk/atom.xml");
    assert!(
        uk_feed.contains("План") && !uk_feed.contains(">Plan<"),
        "{uk_feed}"
    );
    assert!(!site.read("public/atom.xml").contains("План"));
    assert!(site.exists("public/uk/tags/стратегія/index.html"));
    assert!(site.exists("public/tags/strategy/index.html"));
    assert!(!site.exists("public/tags/стратегія/index.html"));
}

#[test]
fn sitemap_has_hreflang_alternates() {
    let site = multilingual();
    site.build().ok();
    let sitemap = site.read("public/sitemap.xml");
    assert!(
        sitemap.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""),
        "{sitemap}"
    );
    let entry_start = sitemap
        .find("<loc>https://example.org/uk/notes/plan/</loc>")
        .expect("uk page listed");
    let entry = &sitemap[entry_start..sitemap[entry_start..].find("</url>").unwrap() + entry_start];
    for (lang, url) in [
        ("en", "https://example.org/notes/plan/"),
        ("uk", "https://example.org/uk/notes/plan/"),
        ("ka", "https://example.org/ka/notes/plan/"),
        ("am", "https://example.org/am/notes/plan/"),
        ("ar", "https://example.org/ar/notes/plan/"),
    ] {
        let link = format!("<xhtml:link rel=\"alternate\" hreflang=\"{lang}\" href=\"{url}\"/>");
        assert!(entry.contains(&link), "{link} missing in {entry}");
    }
}

#[test]
fn pages_link_their_translations() {
    let site = multilingual();
    site.build().ok();
    let uk = site.read("public/uk/notes/plan/index.html");
    let head = &uk[..uk.find("</head>").unwrap()];
    for (lang, url) in [
        ("en", "https://example.org/notes/plan/"),
        ("ka", "https://example.org/ka/notes/plan/"),
        ("x-default", "https://example.org/notes/plan/"),
    ] {
        assert!(
            head.contains(&format!("hreflang=\"{lang}\" href=\"{url}\"")),
            "{lang} alternate in {head}"
        );
    }
    // The switcher: every other version linked by its own name, the current one marked.
    let body = &uk[uk.find("<body").unwrap()..];
    assert!(
        body.contains("href=\"/ka/notes/plan/\"") && body.contains("ქართული"),
        "{body}"
    );
    assert!(body.contains("aria-current=\"true\""), "{body}");
    assert!(body.contains("Українська"));
    // A page without translations has no switcher.
    let site = TestSite::new();
    site.file("site.yaml", "title: T\nlanguages: {uk: {title: Т}}\n")
        .page("solo.md", "title: Solo", "");
    site.build().ok();
    assert!(
        !site
            .read("public/solo/index.html")
            .contains("hreflang=\"uk\"")
    );
}

#[test]
fn right_to_left_languages() {
    let site = multilingual();
    site.build().ok();
    let ar = site.read("public/ar/notes/plan/index.html");
    assert!(ar.contains("<html lang=\"ar\" dir=\"rtl\">"), "{ar}");
    assert!(
        site.read("public/notes/plan/index.html")
            .contains("dir=\"ltr\"")
    );
}

#[test]
fn dates_numbers_and_money_follow_the_page_language() {
    let site = multilingual();
    site.file("templates/page.html", "{{ page.date_display }}");
    site.build().ok();
    let date = |lang: &str| {
        let prefix = if lang == "en" {
            String::new()
        } else {
            format!("{lang}/")
        };
        site.read(&format!("public/{prefix}notes/plan/index.html"))
    };
    assert_eq!(date("en"), "November 22, 2026");
    assert_eq!(date("uk"), "22 листопада 2026\u{202f}р.");
    assert_eq!(date("ka"), "22 ნოემბერი, 2026");
    assert!(date("am").contains("ኖቬምበር"), "{}", date("am"));
    // A campaign budget as money, in English and Ukrainian.
    let site = TestSite::new();
    site.file("site.yaml", "title: T\nlanguages: {uk: {title: Т}}\n")
        .file("templates/campaign.html", "{{ page.campaign.budget.display }}|{{ page.campaign.kpis[0].target_display }}")
        .page("c.md", "title: C\nkind: campaign\nstart: 2026-01-01\nbudget: {amount: 12500, currency: EUR}\nkpis: [{name: Reach, target: 40000}]", "")
        .page("c.uk.md", "title: К\nkind: campaign\nstart: 2026-01-01\nbudget: {amount: 12500, currency: EUR}\nkpis: [{name: Охоплення, target: 40000}]", "");
    site.build().ok();
    assert_eq!(site.read("public/c/index.html"), "€12,500.00|40,000");
    assert_eq!(
        site.read("public/uk/c/index.html"),
        "12\u{a0}500,00\u{a0}€|40\u{a0}000"
    );
}

#[test]
fn ui_strings_fall_back_to_english_and_check_warns() {
    let site = TestSite::new();
    site.file(
        "site.yaml",
        "title: T\nlanguages: {it: {title: Portafoglio}, uk: {title: Т}}\ntranslations:\n  uk: {greeting: Вітаю}\n  en: {greeting: Hello}\n",
    )
    .file("templates/page.html", "{{ t(key=\"greeting\", lang=lang) }}")
    .page("x.md", "title: X", "")
    .page("x.uk.md", "title: Х", "")
    .page("x.it.md", "title: Ics", "");
    let run = site.build().ok();
    assert_eq!(site.read("public/x/index.html"), "Hello");
    assert_eq!(
        site.read("public/uk/x/index.html"),
        "Вітаю",
        "site.yaml overrides"
    );
    assert_eq!(
        site.read("public/it/x/index.html"),
        "Hello",
        "no Italian string: English"
    );
    let check = site.folio(&["check"]);
    let out = check.stderr();
    assert!(
        out.contains("have no `it` translation and will show in English"),
        "{out}"
    );
    assert!(!run.stderr().contains("error"), "{}", run.stderr());
}

#[test]
fn transliterated_slugs_read_naturally() {
    let site = TestSite::new();
    site.file(
        "site.yaml",
        "title: T\nslugify: transliterate\nlanguages: {uk: {title: Т}}\n",
    )
    .page("Стратегія соцмереж.md", "title: A\ntags: [Соцмережі]", "")
    .page("თბილისი.md", "title: B", "")
    .page("አዲስ አበባ.md", "title: C", "")
    .page("keep.md", "title: D\nslug: мій-слаг", "");
    site.build().ok();
    for path in [
        "public/stratehiia-sotsmerezh/index.html",
        "public/tbilisi/index.html",
        "public/adis-abeba/index.html",
        "public/tags/sotsmerezhi/index.html",
        "public/мій-слаг/index.html",
    ] {
        assert!(
            site.exists(path),
            "{path} missing: {:?}",
            site.tree("public")
        );
    }
}

#[test]
fn unicode_slugs_keep_every_script() {
    let site = TestSite::new();
    site.page("Стратегія соцмереж.md", "title: A", "")
        .page("თბილისი.md", "title: B", "");
    site.build().ok();
    assert!(site.exists("public/стратегія-соцмереж/index.html"));
    assert!(site.exists("public/თბილისი/index.html"));
    let sitemap = site.read("public/sitemap.xml");
    assert!(sitemap.contains("https://example.org/%D1%81%D1%82%D1%80%D0%B0%D1%82%D0%B5%D0%B3%D1%96%D1%8F-%D1%81%D0%BE%D1%86%D0%BC%D0%B5%D1%80%D0%B5%D0%B6/"), "{sitemap}");
}

#[test]
fn colliding_slugs_name_both_files() {
    let site = TestSite::new();
    site.page(
        "a.md",
        "title: A\ndate: 2026-01-02\ntags: [Social media]",
        "",
    )
    .page(
        "b.md",
        "title: B\ndate: 2026-01-01\ntags: [social-media]",
        "",
    )
    .page("c.md", "title: C\ntags: [SEO]", "")
    .page("d.md", "title: D\ntags: [seo]", "");
    let err = site.build().fails();
    assert!(err.contains("`social-media` and `Social media`"), "{err}");
    assert!(
        err.contains("content/b.md") && err.contains("content/a.md"),
        "{err}"
    );
    assert!(
        !err.contains("`seo` and"),
        "names that differ only in case are one term: {err}"
    );

    let site = TestSite::new();
    site.page("Plan A.md", "title: A", "")
        .page("plan-a.md", "title: B", "");
    let err = site.build().fails();
    assert!(err.contains("duplicate URL `/plan-a/`"), "{err}");
    assert!(
        err.contains("content/Plan A.md") && err.contains("content/plan-a.md"),
        "{err}"
    );
}

#[test]
fn a_section_with_nothing_in_a_language_says_so_and_links_the_others() {
    let site = multilingual();
    site.page("jobs/_index.md", "title: Jobs", "")
        .page("jobs/_index.uk.md", "title: Вакансії", "")
        .page(
            "jobs/editor.md",
            "title: Editor\ndate: 2026-11-01",
            "English only.",
        );
    site.build().ok();
    let uk = site.read("public/uk/jobs/index.html");
    assert!(uk.contains("<h1 dir=\"auto\">Вакансії</h1>"), "{uk}");
    assert!(
        uk.contains("Тут ще нічого немає цією мовою. Іншими мовами:"),
        "{uk}"
    );
    assert!(uk.contains("<a href=\"/jobs/\" hreflang=\"en\""), "{uk}");
    // A section with pages in its language shows them, not the notice.
    let en = site.read("public/jobs/index.html");
    assert!(
        en.contains("Editor") && !en.contains("Nothing in this language"),
        "{en}"
    );
}

#[test]
fn each_language_navigates_its_own_sections() {
    let site = multilingual();
    site.page("notes/_index.uk.md", "title: Нотатки", "");
    site.build().ok();
    let nav_of = |html: &str| -> String {
        let start = html.find("class=\"site-nav\"").expect("a site navigation");
        let end = html[start..].find("</nav>").expect("its end") + start;
        html[start..end].to_string()
    };
    let uk = nav_of(&site.read("public/uk/notes/plan/index.html"));
    assert!(
        uk.contains("href=\"/uk/notes/\"") && uk.contains(">Нотатки<"),
        "the Ukrainian page's menu should lead to the Ukrainian section:\n{uk}"
    );
    assert!(!uk.contains(">Notes<"), "{uk}");
    let en = nav_of(&site.read("public/notes/plan/index.html"));
    assert!(
        en.contains("href=\"/notes/\"") && en.contains(">Notes<"),
        "{en}"
    );
    // A language whose home has no section of its own there takes the mirrored one.
    let ka = nav_of(&site.read("public/ka/notes/plan/index.html"));
    assert!(ka.contains("href=\"/ka/notes/\""), "{ka}");
}

#[test]
fn bundle_files_are_reachable_from_every_language_version_of_the_page() {
    use crate::planning::image_bytes;
    let site = TestSite::new();
    site.file(
        "site.yaml",
        "title: Portfolio\nbase_url: https://example.org\nlanguages:\n  uk: {title: Портфоліо}\n",
    )
    .page("work/_index.md", "title: Work", "")
    .page("work/_index.uk.md", "title: Роботи", "")
    .page(
        "work/hlyna/index.md",
        "title: Hlyna\nkind: case_study\ncover: cover.svg",
        "![Chart](chart.svg)",
    )
    .page(
        "work/hlyna/index.uk.md",
        "title: Глина\nkind: case_study\ncover: cover.svg",
        "![Графік](chart.svg)",
    )
    .file(
        "content/work/hlyna/cover.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 600 300\"></svg>",
    )
    .file(
        "content/work/hlyna/chart.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    )
    .bytes(
        "content/posts/autumn/photo.jpg",
        &image_bytes(800, 400, image::ImageFormat::Jpeg),
    );
    for (file, title) in [("index.md", "Autumn"), ("index.uk.md", "Осінь")] {
        site.page(
            &format!("posts/autumn/{file}"),
            &format!("title: {title}\nkind: showcase\nitems:\n  - platform: instagram\n    image: photo.jpg"),
            "",
        );
    }
    site.build().ok();
    for (page, lang) in [
        ("public/work/hlyna/index.html", ""),
        ("public/uk/work/hlyna/index.html", "/uk"),
    ] {
        let html = site.read(page);
        let cover = format!(r#"src="{lang}/work/hlyna/cover.svg" width="600" height="300""#);
        assert!(html.contains(&cover), "{page}: {html}");
        assert!(
            site.exists(&format!("public{lang}/work/hlyna/cover.svg")),
            "{page}"
        );
        // A file the Markdown body names relative to the page is beside it too.
        assert!(html.contains(r#"src="chart.svg""#), "{page}");
        assert!(
            site.exists(&format!("public{lang}/work/hlyna/chart.svg")),
            "{page}"
        );
    }
    // The showcase's thumbnails are made once and both languages show them.
    let thumb = "/posts/autumn/photo-640w.jpg";
    for page in [
        "public/posts/autumn/index.html",
        "public/uk/posts/autumn/index.html",
    ] {
        let html = site.read(page);
        assert!(
            html.contains(&format!(r#"src="{thumb}""#)),
            "{page}: {html}"
        );
        assert!(html.contains(r#"width="800" height="400""#), "{page}");
    }
    assert!(site.exists(&format!("public{thumb}")));
    assert!(
        site.exists("public/uk/posts/autumn/photo.jpg"),
        "the source beside the Ukrainian page"
    );
}
