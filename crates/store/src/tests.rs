use storyline_analyse::AnnotatedArticle;
use storyline_core::Article;

use super::*;

fn record(url: Option<&str>, title: &str, text: &str, lang: &str, day: &str) -> Record {
    let a = AnnotatedArticle {
        article: Article {
            url: url.map(str::to_string),
            title: Some(title.into()),
            text: text.into(),
            paragraphs: vec![text.into()],
            language: Some(lang.into()),
            outlet: Some("The Courier".into()),
            published: Some(day.into()),
            ..Article::default()
        },
        ..AnnotatedArticle::default()
    };
    Record::new(&a, None).unwrap()
}

fn outcomes(w: &[Written]) -> Vec<Outcome> {
    w.iter().map(|w| w.outcome).collect()
}

#[test]
fn same_page_twice_is_a_no_op_and_a_change_is_a_new_version() {
    let dir = tempfile::tempdir().unwrap();
    let a = record(
        Some("https://a.org/1"),
        "Dam",
        "The dam broke.",
        "en",
        "2024-03-10",
    );
    let b = record(
        None,
        "Flood",
        "Water rose in the valley.",
        "en",
        "2024-03-11",
    );
    let mut s = Store::open_writer(dir.path()).unwrap();
    assert_eq!(
        outcomes(&s.write(&[a.clone(), b.clone()]).unwrap()),
        [Outcome::Added, Outcome::Added]
    );
    assert_eq!(
        outcomes(&s.write(&[a.clone(), b.clone()]).unwrap()),
        [Outcome::Unchanged, Outcome::Unchanged]
    );
    let a2 = record(
        Some("https://A.org/1?utm_source=x#c"),
        "Dam",
        "The dam broke; 41 dead.",
        "en",
        "2024-03-10",
    );
    assert_eq!(outcomes(&s.write(&[a2]).unwrap()), [Outcome::Updated]);
    s.finish().unwrap();

    let s = Store::open(dir.path()).unwrap();
    let st = s.stats().unwrap();
    assert_eq!((st.articles, st.versions), (2, 3));
    assert_eq!(st.index_documents, 2);
    assert_eq!(st.indexed_version, st.last_version);
    assert_eq!(st.schema_version, sqlite::SCHEMA_VERSION);
    let v = s.versions("https://a.org/1").unwrap();
    assert_eq!(v.iter().map(|v| v.version).collect::<Vec<_>>(), [1, 2]);
    let r = s.search(&words("dead")).unwrap();
    assert_eq!(r.total, 1);
    assert_eq!(r.hits[0].versions, 2);
    assert!(r.hits[0].snippet.contains("dead"), "{:?}", r.hits[0]);
    // The old text is not searchable any more: the index holds the latest version.
    let r = s.search(&words("broke")).unwrap();
    assert_eq!(r.total, 1);
}

#[test]
fn the_index_catches_up_and_is_rebuilt_when_lost() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open_writer(dir.path()).unwrap();
    let batch: Vec<Record> = (0..30)
        .map(|i| {
            record(
                Some(&format!("https://a.org/{i}")),
                "Dam",
                &format!("Report number {i} on the reservoir."),
                "en",
                "2024-03-10",
            )
        })
        .collect();
    s.write(&batch).unwrap();
    // A crash: the database committed, the index did not.
    drop(s);
    let s = Store::open(dir.path()).unwrap();
    assert_eq!(s.opened.caught_up, 30);
    assert_eq!(s.stats().unwrap().index_documents, 30);
    assert_eq!(s.indexed_articles().unwrap(), (1..=30).collect::<Vec<_>>());
    drop(s);
    std::fs::remove_dir_all(dir.path().join(INDEX_DIR)).unwrap();
    let s = Store::open(dir.path()).unwrap();
    assert!(s.opened.rebuilt);
    assert_eq!(s.stats().unwrap().index_documents, 30);
    drop(s);
    std::fs::write(dir.path().join(INDEX_DIR).join("meta.json"), "garbage").unwrap();
    let s = Store::open(dir.path()).unwrap();
    assert!(s.opened.rebuilt);
    let st = s.stats().unwrap();
    assert_eq!((st.index_documents, st.indexed_version), (30, 30));
}

#[test]
fn languages_are_stemmed_or_bigrammed_and_filters_apply() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open_writer(dir.path()).unwrap();
    s.write(&[
        record(
            Some("https://a.org/en"),
            "Dams",
            "The dams collapsed after the storms.",
            "en",
            "2024-03-10",
        ),
        record(
            Some("https://a.org/fr"),
            "Barrage",
            "Le barrage s'est effondré, les secouristes cherchent.",
            "fr",
            "2024-03-12",
        ),
        record(
            Some("https://a.org/de"),
            "Staudamm",
            "Die Rettungskräfte suchten nach Vermissten.",
            "de",
            "2024-03-11",
        ),
        record(
            Some("https://a.org/ru"),
            "Плотина",
            "Спасатели продолжают поиски пропавших жителей.",
            "ru",
            "2024-03-12",
        ),
        record(
            Some("https://a.org/zh"),
            "大坝决堤",
            "救援人员仍在搜寻失踪者。",
            "zh",
            "2024-03-13",
        ),
        record(
            Some("https://a.org/ja"),
            "ダム決壊",
            "救助隊は行方不明者の捜索を続けている。",
            "ja",
            "2024-03-14",
        ),
    ])
    .unwrap();
    s.finish().unwrap();
    let s = Store::open(dir.path()).unwrap();
    let find = |text: &str, lang: Option<&str>, since: Option<&str>| -> Vec<String> {
        s.search(&SearchQuery {
            text: text.into(),
            lang: lang.map(str::to_string),
            since: since.map(str::to_string),
            limit: 10,
            ..SearchQuery::default()
        })
        .unwrap()
        .hits
        .into_iter()
        .filter_map(|h| h.url)
        .collect()
    };
    assert_eq!(find("collapse dam", None, None), ["https://a.org/en"]);
    assert_eq!(find("secouriste", Some("fr"), None), ["https://a.org/fr"]);
    assert_eq!(find("Vermisste", None, None), ["https://a.org/de"]);
    assert_eq!(find("спасатель", None, None), ["https://a.org/ru"]);
    assert_eq!(find("失踪", None, None), ["https://a.org/zh"]);
    assert_eq!(find("搜寻失踪", None, None), ["https://a.org/zh"]);
    assert_eq!(find("行方不明", None, None), ["https://a.org/ja"]);
    assert_eq!(find("dams", Some("fr"), None), Vec::<String>::new());
    assert_eq!(find("dams", None, Some("2024-03-11")), Vec::<String>::new());
    assert_eq!(find("dams", None, Some("2024-03-10")), ["https://a.org/en"]);
    let hits = s
        .search(&SearchQuery {
            text: "dams".into(),
            outlet: Some("the courier".into()),
            limit: 10,
            ..SearchQuery::default()
        })
        .unwrap();
    assert_eq!(hits.total, 1);
    let hits = s
        .search(&SearchQuery {
            text: "dams".into(),
            outlet: Some("Other".into()),
            limit: 10,
            ..SearchQuery::default()
        })
        .unwrap();
    assert_eq!(hits.total, 0);
    // Odd queries do not fail.
    for q in ["", "\"", "AND OR", "title_en:", "(((", "*"] {
        s.search(&SearchQuery {
            text: q.into(),
            limit: 5,
            ..SearchQuery::default()
        })
        .unwrap();
    }
}

#[test]
fn a_title_word_outranks_a_text_word_and_shared_analysers_are_filtered() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open_writer(dir.path()).unwrap();
    let filler = "Officials met on Tuesday to discuss the budget for next year.";
    let mut batch = vec![
        record(
            Some("https://a.org/weather"),
            "Heavy rain expected",
            &format!("{filler} Dockers said a strike was possible."),
            "en",
            "2024-03-10",
        ),
        record(
            Some("https://a.org/port"),
            "Port strike halts ferries",
            &format!("{filler} Dockers walked out at dawn."),
            "en",
            "2024-03-10",
        ),
        // Polish and Czech share the unstemmed analyser, Bokmål and Norwegian the
        // Norwegian one: a language filter must still tell them apart.
        record(
            Some("https://a.org/pl"),
            "Strajk",
            "Strajk w Gdańsku trwa.",
            "pl",
            "2024-03-10",
        ),
        record(
            Some("https://a.org/cs"),
            "Stávka",
            "Stávka v Gdańsku pokračuje.",
            "cs",
            "2024-03-10",
        ),
        record(
            Some("https://a.org/nb"),
            "Streik",
            "Streik i Bergen havn.",
            "nb",
            "2024-03-10",
        ),
        record(
            Some("https://a.org/no"),
            "Streik",
            "Streik ved Bergen havn.",
            "no",
            "2024-03-10",
        ),
    ];
    for i in 0..15 {
        batch.push(record(
            Some(&format!("https://a.org/more/{i}")),
            &format!("Dispatch {i}"),
            &format!("{filler} The strike entered day {i}."),
            "en",
            "2024-03-11",
        ));
    }
    s.write(&batch).unwrap();
    s.finish().unwrap();
    let s = Store::open(dir.path()).unwrap();
    let find = |text: &str, lang: Option<&str>, limit: usize| {
        let r = s
            .search(&SearchQuery {
                text: text.into(),
                lang: lang.map(str::to_string),
                limit,
                ..SearchQuery::default()
            })
            .unwrap();
        let urls: Vec<String> = r.hits.into_iter().filter_map(|h| h.url).collect();
        (r.total, urls)
    };
    // The title match first; the count is every match, beyond the page.
    let (total, urls) = find("strike", None, 3);
    assert_eq!(total, 17);
    assert_eq!(urls.len(), 3);
    assert_eq!(urls[0], "https://a.org/port");
    let (total, urls) = find("strike dockers", Some("EN"), 10);
    assert_eq!(total, 2);
    assert_eq!(urls, ["https://a.org/port", "https://a.org/weather"]);
    assert_eq!(find("Gdańsku", None, 10).0, 2);
    assert_eq!(find("Gdańsku", Some("pl"), 10).1, ["https://a.org/pl"]);
    assert_eq!(find("Gdańsku", Some("cs"), 10).1, ["https://a.org/cs"]);
    assert_eq!(find("havn", None, 10).0, 2);
    assert_eq!(find("havn", Some("nb"), 10).1, ["https://a.org/nb"]);
    assert_eq!(find("havn", Some("no"), 10).1, ["https://a.org/no"]);
}

#[test]
fn export_streams_in_id_order_with_since_and_versions() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open_writer(dir.path()).unwrap();
    s.write(&[
        record(Some("https://a.org/1"), "A", "one", "en", "2024-03-10"),
        record(Some("https://a.org/2"), "B", "two", "en", "2024-03-12"),
    ])
    .unwrap();
    s.write(&[record(
        Some("https://a.org/1"),
        "A",
        "one more",
        "en",
        "2024-03-10",
    )])
    .unwrap();
    s.finish().unwrap();
    let s = Store::open(dir.path()).unwrap();
    let collect = |filter: Filter| {
        let mut out = Vec::new();
        s.each(&filter, &mut |st| {
            out.push((st.article_id, st.version));
            Ok(())
        })
        .unwrap();
        out
    };
    assert_eq!(collect(Filter::default()), [(1, 2), (2, 1)]);
    assert_eq!(
        collect(Filter {
            all_versions: true,
            ..Filter::default()
        }),
        [(1, 1), (1, 2), (2, 1)]
    );
    assert_eq!(
        collect(Filter {
            since: Some("2024-03-11".into()),
            ..Filter::default()
        }),
        [(2, 1)]
    );
    let st = s.stats().unwrap();
    assert_eq!(st.by_day.len(), 2);
    assert_eq!(st.by_outlet[0].articles, 2);
    assert!(st.store_bytes > 0);
}

#[test]
fn a_newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open(dir.path()).unwrap());
    let conn = rusqlite::Connection::open(dir.path().join(DB_FILE)).unwrap();
    conn.execute("UPDATE schema_version SET version = 99", [])
        .unwrap();
    drop(conn);
    let err = Store::open(dir.path()).err().unwrap().to_string();
    assert!(err.contains("newer"), "{err}");
}

#[test]
fn a_snippet_is_looked_for_around_the_first_paragraph_naming_the_query() {
    let body = "The mayor spoke.\n\nRain fell all week.\n\nThe dam at Vardena collapsed on Monday.\n\nRescuers searched.\n\nMore later.";
    // "collapse" stems to "collaps": its first five letters are in "collapsed".
    assert_eq!(
        super::snippet_window(body, "Vardena collapse"),
        "The dam at Vardena collapsed on Monday.\n\nRescuers searched."
    );
    // Case and query syntax do not matter.
    assert_eq!(
        super::snippet_window(body, "\"RESCUERS searched\" AND NOT flood"),
        "Rescuers searched.\n\nMore later."
    );
    // No paragraph names a word (the match was in the title): the first two paragraphs.
    assert_eq!(
        super::snippet_window(body, "Kestria"),
        "The mayor spoke.\n\nRain fell all week."
    );
    assert_eq!(super::snippet_window("", "x"), "");
    assert_eq!(
        super::snippet_window("One paragraph only.", ""),
        "One paragraph only."
    );
    // CJK: the first two characters of a run.
    assert_eq!(
        super::snippet_window("天气很好。\n\n大坝溃决，遇难人数上升。", "遇难人数"),
        "大坝溃决，遇难人数上升。"
    );
}

/// A store with a teaser and several paragraphs per article, in two languages.
fn texts_store(dir: &std::path::Path) -> Vec<SearchQuery> {
    let mut s = Store::open_writer(dir).unwrap();
    let mut batch = Vec::new();
    for i in 0..12 {
        let (lang, text) = if i % 3 == 0 {
            (
                "fr",
                format!(
                    "Le maire a parlé.\n\nLe barrage {i} a cédé lundi.\n\nLes secours cherchent."
                ),
            )
        } else {
            (
                "en",
                format!(
                    "The mayor spoke.\n\nRain fell all week.\n\nThe dam {i} collapsed on Monday; {i} dead.\n\nRescuers searched."
                ),
            )
        };
        let mut r = record(
            Some(&format!("https://a.org/{i}")),
            &format!("Report {i}"),
            &text,
            lang,
            "2024-03-10",
        );
        // A teaser: the snippet is cut from the teaser and the text together.
        let mut a: storyline_analyse::AnnotatedArticle = serde_json::from_str(&r.json).unwrap();
        a.article.teaser = Some(format!("Teaser {i}: the reservoir gave way."));
        a.article.paragraphs = text.split("\n\n").map(str::to_string).collect();
        r = Record::new(&a, None).unwrap();
        batch.push(r);
    }
    s.write(&batch).unwrap();
    s.finish().unwrap();
    [
        "dam collapsed",
        "reservoir",
        "barrage",
        "Report 4",
        "secours OR rescuers",
    ]
    .iter()
    .map(|t| SearchQuery {
        text: (*t).into(),
        limit: 5,
        ..SearchQuery::default()
    })
    .collect()
}

fn answers(s: &Store, queries: &[SearchQuery]) -> Vec<serde_json::Value> {
    queries
        .iter()
        .map(|q| serde_json::to_value(s.search(q).unwrap()).unwrap())
        .collect()
}

#[test]
fn a_store_of_the_previous_schema_gets_its_search_texts_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let queries = texts_store(dir.path());
    let before = answers(&Store::open(dir.path()).unwrap(), &queries);
    // Hits show the teaser's and the text's words, and the total counts every match.
    assert_eq!(before[0]["total"], 8, "{:#}", before[0]);
    assert_eq!(before[0]["hits"].as_array().unwrap().len(), 5);
    assert!(
        before[0]["hits"][0]["snippet"]
            .as_str()
            .unwrap()
            .contains("collapsed"),
        "{:#}",
        before[0]
    );
    assert!(
        before[1]["hits"][0]["snippet"]
            .as_str()
            .unwrap()
            .contains("reservoir gave way"),
        "{:#}",
        before[1]
    );
    assert_eq!(before[2]["total"], 4, "{:#}", before[2]);
    assert_eq!(before[4]["total"], 12, "{:#}", before[4]);

    // The same store as schema 3 wrote it: no `texts` table.
    let conn = rusqlite::Connection::open(dir.path().join(DB_FILE)).unwrap();
    conn.execute_batch("DROP TABLE texts; UPDATE schema_version SET version = 3;")
        .unwrap();
    drop(conn);
    let s = Store::open(dir.path()).unwrap();
    assert_eq!(s.stats().unwrap().schema_version, 4);
    let conn = rusqlite::Connection::open(dir.path().join(DB_FILE)).unwrap();
    let rows: i64 = conn
        .query_row(
            "SELECT count(*) FROM texts t JOIN articles a
             ON a.id = t.article_id AND a.latest_version = t.version_id",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(rows, 12);
    drop(conn);
    assert_eq!(answers(&s, &queries), before);
}

#[test]
fn a_hit_without_its_search_text_row_is_shown_from_its_annotated_json() {
    let dir = tempfile::tempdir().unwrap();
    let queries = texts_store(dir.path());
    let before = answers(&Store::open(dir.path()).unwrap(), &queries);
    let conn = rusqlite::Connection::open(dir.path().join(DB_FILE)).unwrap();
    conn.execute("DELETE FROM texts WHERE article_id % 2 = 0", [])
        .unwrap();
    drop(conn);
    assert_eq!(answers(&Store::open(dir.path()).unwrap(), &queries), before);
}

#[test]
fn a_new_version_replaces_the_search_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open_writer(dir.path()).unwrap();
    let a = record(
        Some("https://a.org/1"),
        "Dam",
        "The dam broke.",
        "en",
        "2024-03-10",
    );
    s.write(&[a]).unwrap();
    let a2 = record(
        Some("https://a.org/1"),
        "Dam",
        "The dam broke; the toll rose to 41.",
        "en",
        "2024-03-10",
    );
    s.write(&[a2]).unwrap();
    s.finish().unwrap();
    let s = Store::open(dir.path()).unwrap();
    let r = s.search(&words("dam")).unwrap();
    assert_eq!(r.hits.len(), 1);
    assert_eq!(r.hits[0].version, 2);
    assert!(
        r.hits[0].snippet.contains("toll rose to 41"),
        "{:?}",
        r.hits[0]
    );
    let conn = rusqlite::Connection::open(dir.path().join(DB_FILE)).unwrap();
    let rows: i64 = conn
        .query_row("SELECT count(*) FROM texts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rows, 1);
}

/// A search for `text`, top 10, no filters.
fn words(text: &str) -> SearchQuery {
    SearchQuery {
        text: text.into(),
        limit: 10,
        ..SearchQuery::default()
    }
}
