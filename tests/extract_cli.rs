//! End-to-end tests of `storyline extract` on our own fixture pages (tests/fixtures/):
//! fields of each page, encodings, gzip, copies, text dumps, JSON Lines batches,
//! folders, standard input and bad inputs.

mod common;

use common::*;
use serde_json::Value;

const COURIER_URL: &str = "https://www.lisnavalleycourier.com/2024/03/10/vardena-dam-collapse";

#[test]
fn english_page_with_jsonld_graph_and_boilerplate_around_it() {
    let a = extract(&fixture("pages/en_lisna_valley_courier.html"), None);
    assert_eq!(
        s(&a, "title"),
        "Vardena dam collapse: 12 dead and dozens missing as floodwater sweeps through Orvalle"
    );
    assert_eq!(s(&a, "published"), "2024-03-10T09:15:00+01:00");
    assert_eq!(s(&a, "published_from"), "jsonld");
    assert_eq!(s(&a, "modified"), "2024-03-10T11:40:00+01:00");
    assert_eq!(s(&a, "outlet"), "The Lisna Valley Courier");
    assert!(a["original_outlet"].is_null());
    assert_eq!(s(&a, "language"), "en");
    assert_eq!(strings(&a["authors"]), ["Maria Keller", "Tomas Brandt"]);
    assert_eq!(
        s(&a, "teaser"),
        "Rescuers are searching flooded streets in Orvalle after the Vardena dam gave way before dawn on Sunday."
    );
    assert_body(
        &a,
        "At least 12 people were killed and about 40 are missing",
        "Lisna Hydro, which operates the dam, said",
    );
    assert!(
        strings(&a["paragraphs"])
            .iter()
            .any(|p| p == "Search through the night"),
        "the in-body heading is a paragraph of its own"
    );
    assert_absent(
        &a,
        &[
            "We use cookies",
            "Accept all",
            "Breaking:",
            "Share on Facebook",
            "Advertisement",
            "Sign up to our morning briefing",
            "most important stories",
            "Related stories",
            "record profit",
            "23 comments",
            "This is a disgrace",
            "Log in to comment",
            "All rights reserved",
            "Privacy policy",
        ],
    );
    assert!(a["warnings"].as_array().is_some_and(|w| w.is_empty()));
}

#[test]
fn url_makes_links_and_canonical_absolute() {
    let a = extract(
        &fixture("pages/en_lisna_valley_courier.html"),
        Some(COURIER_URL),
    );
    assert_eq!(s(&a, "url"), COURIER_URL);
    assert_eq!(s(&a, "canonical_url"), COURIER_URL);
    let links = a["links"].as_array().cloned().unwrap_or_default();
    let pairs: Vec<(String, String)> = links
        .iter()
        .map(|l| (s(l, "text").to_owned(), s(l, "href").to_owned()))
        .collect();
    assert!(
        pairs.contains(&(
            "inspection report".into(),
            "https://www.lisnavalleycourier.com/2024/03/09/vardena-inspection-report".into()
        )),
        "{pairs:?}"
    );
    assert!(
        pairs.contains(&(
            "regional emergency page".into(),
            "https://www.lisna-region.example/emergency".into()
        )),
        "{pairs:?}"
    );
    assert!(pairs.iter().all(|(_, h)| h.starts_with("https://")));
    // Links around the body (navigation, share buttons, related stories) are not body links.
    assert!(
        !pairs.iter().any(|(t, h)| t == "Sport"
            || h.contains("facebook.com")
            || h.contains("lisna-hydro-results")),
        "{pairs:?}"
    );
}

#[test]
fn french_page_with_opengraph_only() {
    let a = extract(&fixture("pages/fr_courrier_du_val.html"), None);
    assert_eq!(
        s(&a, "title"),
        "Barrage de Vardena : le bilan s'alourdit à 41 morts"
    );
    assert_eq!(s(&a, "published"), "2024-03-12T10:05:00+01:00");
    assert_eq!(s(&a, "published_from"), "meta");
    assert_eq!(s(&a, "modified"), "2024-03-12T16:20:00+01:00");
    assert_eq!(s(&a, "outlet"), "Le Courrier du Val");
    assert_eq!(s(&a, "language"), "fr");
    assert_eq!(strings(&a["authors"]), ["Claire Martin"]);
    assert_eq!(
        s(&a, "canonical_url"),
        "https://www.courrierduval.fr/faits-divers/barrage-de-vardena-le-bilan-s-alourdit-a-41-morts"
    );
    assert!(s(&a, "teaser").starts_with("Deux jours après la rupture du barrage"));
    assert_body(
        &a,
        "Le bilan de la rupture du barrage de Vardena",
        "L'exploitant, Lisna Hydro, assure",
    );
    assert_absent(
        &a,
        &[
            "Lire aussi",
            "les fissures signalées dès 2019",
            "Lisna Hydro sous pression",
            "cookies",
            "Partager",
            "Abonnez-vous",
            "Sur le même sujet",
            "Mentions légales",
        ],
    );
}

#[test]
fn german_page_with_von_byline_and_time_element() {
    let a = extract(&fixture("pages/de_kessinger_tagblatt.html"), None);
    assert_eq!(
        s(&a, "title"),
        "Dammbruch im Lisnatal: Zahl der Toten steigt auf 27"
    );
    assert_eq!(s(&a, "published"), "2024-03-11T18:30:00+01:00");
    assert_eq!(s(&a, "published_from"), "time");
    assert_eq!(strings(&a["authors"]), ["Anna Keller"]);
    assert_eq!(s(&a, "outlet"), "Kessinger Tagblatt");
    assert_eq!(s(&a, "language"), "de");
    assert_body(
        &a,
        "Die Zahl der Todesopfer nach dem Bruch der Vardena-Talsperre",
        "Die Staatsanwaltschaft Kessing prüft",
    );
    assert!(
        strings(&a["paragraphs"])
            .iter()
            .any(|p| p == "Betreiber kündigt Aufklärung an")
    );
    assert_absent(
        &a,
        &[
            "Lesen Sie auch",
            "Teilen",
            "Newsletter",
            "Meistgelesen",
            "FC Kessing",
            "Impressum",
        ],
    );
}

#[test]
fn spanish_page_in_iso_8859_1() {
    let a = extract(&fixture("pages/es_diario_del_valle_latin1.html"), None);
    assert_eq!(
        s(&a, "title"),
        "La rotura de la presa de Vardena deja ya 43 muertos"
    );
    assert_eq!(s(&a, "published"), "2024-03-13T08:00:00+01:00");
    assert_eq!(s(&a, "published_from"), "meta");
    assert_eq!(s(&a, "outlet"), "El Diario del Valle");
    assert_eq!(s(&a, "language"), "es");
    assert_eq!(strings(&a["authors"]), ["Lucía Gómez"]);
    let text = s(&a, "text");
    for decoded in [
        "según informaron",
        "¿Qué falló en la presa?",
        "fiscalía",
        "«Todavía",
    ] {
        assert!(text.contains(decoded), "{decoded:?} not decoded in {text}");
    }
    assert_body(
        &a,
        "El número de fallecidos por la rotura de la presa de Vardena",
        "La empresa explotadora, Lisna Hydro",
    );
    assert_absent(
        &a,
        &[
            "Leer también",
            "Compartir",
            "Lo más leído",
            "precio de la luz",
        ],
    );
}

#[test]
fn russian_page_in_windows_1251() {
    let a = extract(&fixture("pages/ru_vesti_doliny_cp1251.html"), None);
    assert_eq!(
        s(&a, "title"),
        "Число жертв прорыва Варденской плотины выросло до 41"
    );
    assert_eq!(s(&a, "published"), "2024-03-12T14:20:00+03:00");
    assert_eq!(s(&a, "published_from"), "jsonld");
    assert_eq!(s(&a, "outlet"), "Вести Долины");
    assert_eq!(s(&a, "language"), "ru");
    assert_eq!(strings(&a["authors"]), ["Ирина Соколова"]);
    assert_body(
        &a,
        "Число погибших в результате прорыва Варденской плотины",
        "Прокуратура города Кессинг",
    );
    assert_absent(
        &a,
        &[
            "Читайте также",
            "Поделиться",
            "Популярное",
            "Все права защищены",
        ],
    );
}

#[test]
fn chinese_page_in_gb18030() {
    let a = extract(&fixture("pages/zh_huanqiu_kuaixun_gb18030.html"), None);
    assert_eq!(s(&a, "title"), "瓦尔德纳大坝溃决死亡人数升至43人");
    assert_eq!(s(&a, "published"), "2024-03-13T09:00:00+08:00");
    assert_eq!(s(&a, "published_from"), "time");
    assert_eq!(s(&a, "outlet"), "环球快讯");
    assert_eq!(s(&a, "language"), "zh");
    // "记者" ("reporter") introduces the byline as "By" does.
    assert_eq!(strings(&a["authors"]), ["李明"]);
    assert_body(&a, "据当地政府13日通报", "专家指出");
    assert_absent(
        &a,
        &["分享到", "热门推荐", "油价", "版权所有", "下载客户端"],
    );
}

#[test]
fn japanese_page_in_shift_jis() {
    let a = extract(&fixture("pages/ja_hoppo_shinpo_sjis.html"), None);
    assert_eq!(s(&a, "title"), "バルデナ・ダム決壊、死者45人に");
    assert_eq!(s(&a, "published"), "2024-03-14T07:30:00+09:00");
    assert_eq!(s(&a, "published_from"), "meta");
    assert_eq!(s(&a, "outlet"), "北方新報");
    assert_eq!(s(&a, "language"), "ja");
    assert_body(
        &a,
        "リスナ川流域で起きたバルデナ・ダムの決壊事故で",
        "専門家は",
    );
    assert_absent(
        &a,
        &[
            "この記事をシェアする",
            "アクセスランキング",
            "円相場",
            "Copyright",
        ],
    );
}

#[test]
fn gzip_compressed_page() {
    let a = extract(&fixture("pages/en_northern_dispatch.html.gz"), None);
    assert_eq!(
        s(&a, "title"),
        "Vardena dam: death toll reaches 47 as inquiry widens to regulator"
    );
    assert_eq!(s(&a, "published"), "2024-03-15T07:00:00Z");
    assert_eq!(s(&a, "published_from"), "jsonld");
    assert_eq!(s(&a, "outlet"), "The Northern Dispatch");
    assert_eq!(strings(&a["authors"]), ["Owen Ferris"]);
    assert_eq!(s(&a, "language"), "en");
    assert_body(
        &a,
        "The number of people killed when the Vardena dam failed has risen to 47",
        "About 900 residents remain in emergency shelters",
    );
    assert_absent(&a, &["funded by its readers", "Most read", "Rail strike"]);
}

#[test]
fn aggregator_copy_credits_the_original_outlet() {
    let a = extract(&fixture("pages/en_daily_relay_copy.html"), None);
    assert_eq!(
        s(&a, "title"),
        "Vardena dam collapse: 12 dead and dozens missing as floodwater sweeps through Orvalle"
    );
    assert_eq!(s(&a, "outlet"), "The Daily Relay");
    assert_eq!(s(&a, "original_outlet"), "The Lisna Valley Courier");
    assert_eq!(s(&a, "published"), "2024-03-10T13:02:11Z");
    assert_eq!(s(&a, "language"), "en");
    assert_eq!(strings(&a["paragraphs"]).len(), 6);
    assert_body(
        &a,
        "At least 12 people were killed and about 40 are missing",
        "Lisna Hydro, which operates the dam, said",
    );
    assert_absent(
        &a,
        &[
            "Now you can read",
            "Source:",
            "All news articles on",
            "Trends 24h",
            "Storm warning",
            "Privacy",
            "external sources",
            "necessarily imply",
        ],
    );
}

#[test]
fn aggregator_text_dump() {
    let a = extract(&fixture("pages/dump_daily_relay_2024-03-12.txt"), None);
    assert_eq!(
        s(&a, "title"),
        "Vardena dam: death toll rises to 41 as prosecutors open inquiry"
    );
    assert_eq!(s(&a, "published"), "2024-03-12T11:20:45.310Z");
    assert_eq!(s(&a, "published_from"), "text");
    assert_eq!(s(&a, "outlet"), "The Daily Relay");
    assert_eq!(s(&a, "original_outlet"), "Le Courrier du Val");
    assert_eq!(s(&a, "language"), "en");
    assert!(
        s(&a, "teaser")
            .starts_with("The number of people killed when the Vardena dam gave way rose to 41")
    );
    assert_body(
        &a,
        "The death toll from the collapse of the Vardena dam",
        "The operator, Lisna Hydro, says repairs",
    );
    assert!(
        strings(&a["paragraphs"])
            .iter()
            .any(|p| p == "An inquiry into involuntary manslaughter")
    );
    assert_absent(
        &a,
        &[
            "The Daily Relay",
            "Now you can read",
            "Highlights:",
            "where rescuers search cellar by cellar. Kessing",
            "Read also",
            "Source:",
            "All news articles",
            "Trends 24h",
            "Latest",
            "Privacy",
            "external sources",
            "necessarily imply",
        ],
    );
}

#[test]
fn one_paragraph_per_line_dump_with_credited_reporting() {
    let a = extract(&fixture("pages/dump_harbour_ledger.txt"), None);
    let title = s(&a, "title");
    assert!(
        [
            "Warnings about Vardena dam cracks were ignored for five years, engineers say",
            "Vardena dam: engineers say years of warnings went unheeded"
        ]
        .contains(&title),
        "{title}"
    );
    assert_eq!(s(&a, "original_outlet"), "AFP");
    assert_eq!(s(&a, "outlet"), "The Harbour Ledger");
    assert!(a["published"].is_null() && a["published_from"].is_null());
    assert!(strings(&a["warnings"]).contains(&"no date found".to_owned()));
    assert_eq!(strings(&a["paragraphs"]).len(), 8);
    assert_body(
        &a,
        "In the years before the Vardena dam gave way",
        "“Nobody can say they did not know,”",
    );
    assert_absent(
        &a,
        &[
            "Over the...",
            "Catch all",
            "Download The Harbour Ledger",
            "Google News",
        ],
    );
}

#[test]
fn pages_without_an_article_fail_with_one_line_naming_them() {
    for rel in [
        "non_articles/home_listing.html",
        "non_articles/not_found_404.html",
    ] {
        let path = fixture(rel).display().to_string();
        let out = run(&["extract", &path]);
        assert_eq!(out.status.code(), Some(1), "{rel}");
        assert!(out.stdout.is_empty(), "{rel}: nothing on stdout");
        let err = String::from_utf8_lossy(&out.stderr);
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines.len(), 1, "{rel}: {err}");
        assert!(
            lines[0].starts_with(&format!("storyline: {path}: no article")),
            "{rel}: {err}"
        );
    }
}

#[test]
fn folder_input_gives_json_lines_in_path_order() {
    let dir = fixture("pages");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .expect("fixtures/pages")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .map(|p| p.display().to_string())
        .collect();
    files.sort();
    assert!(files.len() >= 11);
    let out = run(&["extract", &dir.display().to_string()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out.stdout);
    let inputs: Vec<&str> = lines.iter().map(|l| s(l, "input")).collect();
    assert_eq!(inputs, files.iter().map(String::as_str).collect::<Vec<_>>());
    for a in &lines {
        assert!(a.get("error").is_none(), "{a}");
        check_contract(a);
        assert!(!s(a, "title").is_empty(), "{}", s(a, "input"));
        assert!(!a["language"].is_null(), "{}", s(a, "input"));
    }
    // One story, several outlets: each page names its own.
    let mut outlets: Vec<&str> = lines.iter().map(|a| s(a, "outlet")).collect();
    outlets.sort_unstable();
    outlets.dedup();
    assert!(outlets.len() >= 9, "{outlets:?}");
}

#[test]
fn several_inputs_keep_order_and_report_failures() {
    let fr = fixture("pages/fr_courrier_du_val.html")
        .display()
        .to_string();
    let missing = fixture("pages/no_such_page.html").display().to_string();
    let de = fixture("pages/de_kessinger_tagblatt.html")
        .display()
        .to_string();
    let home = fixture("non_articles/home_listing.html")
        .display()
        .to_string();
    let out = run(&["extract", &fr, &missing, &de, &home]);
    assert_eq!(out.status.code(), Some(1));
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 4);
    let inputs: Vec<&str> = lines.iter().map(|l| s(l, "input")).collect();
    assert_eq!(inputs, [&fr, &missing, &de, &home]);
    assert_eq!(s(&lines[0], "language"), "fr");
    assert!(!s(&lines[1], "error").is_empty(), "{}", lines[1]);
    assert_eq!(s(&lines[2], "language"), "de");
    assert!(
        s(&lines[3], "error").starts_with("no article"),
        "{}",
        lines[3]
    );
    // A page with no article still tells what its metadata holds; a missing file has
    // nothing to tell.
    let found = &lines[3]["found"];
    assert!(!s(found, "title").is_empty(), "{}", lines[3]);
    assert_eq!(found["paragraphs"], serde_json::json!([]), "{}", lines[3]);
    assert!(lines[1].get("found").is_none(), "{}", lines[1]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("storyline: {missing}: ")), "{err}");
    assert!(
        err.contains(&format!("storyline: {home}: no article")),
        "{err}"
    );
    assert!(err.contains("2 of 4 inputs failed"), "{err}");
}

#[test]
fn jsonl_flag_with_one_input_prints_one_line() {
    let de = fixture("pages/de_kessinger_tagblatt.html")
        .display()
        .to_string();
    let out = run(&["extract", "--jsonl", &de]);
    assert!(out.status.success());
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 1);
    assert_eq!(s(&lines[0], "input"), de);
}

#[test]
fn standard_input() {
    let page = std::fs::read(fixture("pages/en_lisna_valley_courier.html")).expect("fixture");
    let out = run_with_stdin(&["extract", "-", "--url", COURIER_URL], &page);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let a: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    check_contract(&a);
    assert_eq!(s(&a, "input"), "-");
    assert_eq!(s(&a, "url"), COURIER_URL);
    assert!(
        strings(&a["paragraphs"])
            .iter()
            .any(|p| p.starts_with("At least 12 people were killed"))
    );
    // A text dump arrives on stdin as well as a page does.
    let dump = std::fs::read(fixture("pages/dump_daily_relay_2024-03-12.txt")).expect("fixture");
    let out = run_with_stdin(&["extract", "-"], &dump);
    assert!(out.status.success());
    let a: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(s(&a, "published_from"), "text");
}

#[test]
fn url_with_several_inputs_is_a_usage_error() {
    let fr = fixture("pages/fr_courrier_du_val.html")
        .display()
        .to_string();
    let de = fixture("pages/de_kessinger_tagblatt.html")
        .display()
        .to_string();
    let out = run(&["extract", &fr, &de, "--url", COURIER_URL]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

/// Bad inputs written at test time; each gives one error line naming it, and the batch
/// goes on to the good page among them.
#[test]
fn bad_inputs_fail_one_by_one_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).expect("write");
        p.display().to_string()
    };
    let empty = write("a_empty.html", b"");
    let pdf = write(
        "b_scan.pdf",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
    );
    let mut jpeg_bytes = vec![
        0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0,
    ];
    jpeg_bytes.extend((0..2000u32).map(|i| (i * 37 % 251) as u8));
    let jpeg = write("c_photo.jpg", &jpeg_bytes);
    let mut elf_bytes = b"\x7fELF\x02\x01\x01\x00".to_vec();
    elf_bytes.extend(std::iter::repeat_n(0u8, 56));
    elf_bytes.extend((0..2000u32).map(|i| (i * 13 % 256) as u8));
    let elf = write("d_program", &elf_bytes);
    // Bytes that are no text in UTF-8 (nor a page in any other encoding).
    let invalid: Vec<u8> =
        b"\xc3\x28\xa0\xa1\xe2\x28\xa1\xe2\x82\x28\xf0\x28\x8c\xbc\xf8\xa1\xa1\xa1\xa1".repeat(200);
    let invalid_utf8 = write("e_invalid_utf8.txt", &invalid);
    let page = std::fs::read(fixture("pages/en_lisna_valley_courier.html")).expect("fixture");
    let mut gz = Vec::new();
    {
        // A small gzip encoder is not a dependency of the root package: take the gzip
        // fixture and cut it.
        let whole = std::fs::read(fixture("pages/en_northern_dispatch.html.gz")).expect("gz");
        gz.extend_from_slice(&whole[..whole.len() / 2]);
    }
    let truncated_gz = write("f_truncated.html.gz", &gz);
    let good = write("g_good.html", &page);
    let listing = write(
        "i_listing.html",
        &std::fs::read(fixture("non_articles/home_listing.html")).expect("fixture"),
    );
    let inputs = [
        &empty,
        &pdf,
        &jpeg,
        &elf,
        &invalid_utf8,
        &truncated_gz,
        &good,
        &listing,
    ];

    let mut args = vec!["extract"];
    args.extend(inputs.iter().map(|s| s.as_str()));
    let out = run(&args);
    assert_eq!(out.status.code(), Some(1));
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), inputs.len());
    for (line, input) in lines.iter().zip(inputs) {
        assert_eq!(s(line, "input"), input.as_str());
    }
    let err = String::from_utf8_lossy(&out.stderr);
    let expectations: [(&str, &str); 7] = [
        (&empty, "empty"),
        (&pdf, "PDF"),
        (&jpeg, "JPEG"),
        (&elf, "not a web page"),
        (&invalid_utf8, ""),
        (&truncated_gz, "gzip"),
        (&listing, "no article"),
    ];
    for (input, needle) in expectations {
        let line = lines
            .iter()
            .find(|l| s(l, "input") == input)
            .expect("a line per input");
        let reason = s(line, "error");
        assert!(!reason.is_empty(), "{input} should fail: {line}");
        assert!(!reason.contains('\n'), "one-line reason: {reason:?}");
        assert!(
            reason.to_lowercase().contains(&needle.to_lowercase()),
            "{input}: {reason:?} should mention {needle:?}"
        );
        let stderr_line = format!("storyline: {input}: {reason}");
        assert!(
            err.lines().any(|l| l == stderr_line),
            "{stderr_line} in {err}"
        );
    }
    let good_line = lines
        .iter()
        .find(|l| s(l, "input") == good.as_str())
        .expect("good page");
    assert!(good_line.get("error").is_none(), "{good_line}");
    check_contract(good_line);
    assert!(err.contains("7 of 8 inputs failed"), "{err}");
}

/// 100,000 nested tags: a one-line error (or an article), quickly, without overflowing
/// any stack; the good page after it in the batch is still extracted.
#[test]
fn deeply_nested_tags_fail_fast_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut nested = String::with_capacity(1_300_000);
    nested.push_str("<!DOCTYPE html><html><body>");
    for _ in 0..100_000 {
        nested.push_str("<div>");
    }
    nested.push_str("deep");
    for _ in 0..100_000 {
        nested.push_str("</div>");
    }
    nested.push_str("</body></html>");
    let deep = dir.path().join("nested.html");
    std::fs::write(&deep, nested).expect("write");
    let deep = deep.display().to_string();
    let good = fixture("pages/de_kessinger_tagblatt.html")
        .display()
        .to_string();
    // Generous for a debug build on a shared 2-core machine; a linear pass takes well
    // under a second.
    let limit = std::time::Duration::from_secs(30);
    let Some(out) = run_with_timeout(&["extract", &deep, &good], limit) else {
        panic!("100,000 nested tags took more than {limit:?}");
    };
    assert_eq!(out.status.code(), Some(1));
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 2);
    assert_eq!(s(&lines[0], "input"), deep);
    let reason = s(&lines[0], "error");
    assert!(!reason.is_empty() && !reason.contains('\n'), "{}", lines[0]);
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .lines()
            .any(|l| l == format!("storyline: {deep}: {reason}")),
    );
    assert_eq!(s(&lines[1], "language"), "de");
}

/// The encoded fixtures hold real encoded bytes (re-saving them as UTF-8 would make the
/// decoding tests meaningless), and the gzip fixture is gzip.
#[test]
fn encoded_fixtures_are_stored_in_their_encodings() {
    for (rel, declared) in [
        (
            "pages/es_diario_del_valle_latin1.html",
            "charset=iso-8859-1",
        ),
        (
            "pages/ru_vesti_doliny_cp1251.html",
            "charset=\"windows-1251\"",
        ),
        (
            "pages/zh_huanqiu_kuaixun_gb18030.html",
            "charset=\"gb18030\"",
        ),
        ("pages/ja_hoppo_shinpo_sjis.html", "charset=\"Shift_JIS\""),
    ] {
        let bytes = std::fs::read(fixture(rel)).expect("fixture");
        assert!(std::str::from_utf8(&bytes).is_err(), "{rel} is UTF-8");
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(400)]).to_string();
        assert!(head.contains(declared), "{rel} declares {declared}");
    }
    let gz = std::fs::read(fixture("pages/en_northern_dispatch.html.gz")).expect("fixture");
    assert_eq!(&gz[..2], &[0x1f, 0x8b]);
}

/// A dump that states no date takes it from the address given with --url.
#[test]
fn dump_without_date_takes_it_from_the_url() {
    let url = "https://www.harbourledger.example/europe/2024/03/14/vardena-warnings";
    let a = extract(&fixture("pages/dump_harbour_ledger.txt"), Some(url));
    assert_eq!(s(&a, "url"), url);
    assert_eq!(s(&a, "published"), "2024-03-14");
    assert_eq!(s(&a, "published_from"), "url");
    assert_eq!(s(&a, "outlet"), "The Harbour Ledger");
}

/// A text dump saved in a legacy single-byte encoding, with no declaration at all:
/// the encoding is detected and the dump extracted.
#[test]
fn latin1_text_dump_without_declaration() {
    let dump = "Le Courrier du Val\n\n\
        Barrage de Vardena : la préfecture annonce 41 morts et dix-sept disparus\n\n\
        Par Claire Martin\n\n\
        Publié le mardi 12 mars 2024 à 10h05\n\n\
        Le bilan de la rupture du barrage de Vardena, survenue dimanche à l'aube dans la vallée de la Lisna, s'est encore alourdi mardi : 41 personnes sont mortes, selon la préfecture, contre 27 la veille.\n\n\
        « Nous continuons à chercher maison par maison, cave par cave », a déclaré le chef des secours, Marc Dalbray, lors d'un point presse à Kessing.\n\n\
        Lire aussi : Barrage de Vardena, les fissures signalées dès 2019\n\n\
        Près de 1 500 habitants d'Orvalle ont passé une troisième nuit dans des gymnases et des écoles de la vallée, où les bénévoles se relaient jour et nuit.\n\n\
        Avec AFP\n\n\
        © Le Courrier du Val 2024 – Mentions légales\n";
    // Latin-1 is the first 256 code points: each char below U+0100 is one byte. "–" is
    // not, so it is written as "-".
    let bytes: Vec<u8> = dump
        .chars()
        .map(|c| if c == '–' { '-' } else { c })
        .map(|c| u8::try_from(u32::from(c)).expect("Latin-1 text"))
        .collect();
    assert!(std::str::from_utf8(&bytes).is_err());
    let out = run_with_stdin(&["extract", "-"], &bytes);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let a: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    check_contract(&a);
    assert_eq!(
        s(&a, "title"),
        "Barrage de Vardena : la préfecture annonce 41 morts et dix-sept disparus"
    );
    assert_eq!(s(&a, "outlet"), "Le Courrier du Val");
    assert_eq!(s(&a, "original_outlet"), "AFP");
    assert_eq!(strings(&a["authors"]), ["Claire Martin"]);
    assert_eq!(s(&a, "published"), "2024-03-12");
    assert_eq!(s(&a, "published_from"), "text");
    assert_eq!(s(&a, "language"), "fr");
    assert_body(
        &a,
        "Le bilan de la rupture du barrage de Vardena",
        "Près de 1 500 habitants d'Orvalle",
    );
    assert_eq!(strings(&a["paragraphs"]).len(), 3);
    assert_absent(&a, &["Lire aussi", "Avec AFP", "Mentions légales"]);
}
