//! End-to-end tests of the store commands (`ingest`, `search`, `export`, `stats`) on a
//! real SQLite file and index in a temporary folder.

mod common;

use std::collections::HashSet;
use std::path::Path;

use common::*;
use serde_json::Value;

/// `storyline ingest --json --db DB PATHS…`: returns the exit code and the summary.
fn ingest(db: &Path, paths: &[&str]) -> (i32, Value, String) {
    let d = db.display().to_string();
    let mut args = vec!["ingest", "--json", "--db", d.as_str()];
    args.extend_from_slice(paths);
    let out = run(&args);
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    let summary = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("no JSON summary ({e}): {stderr}"));
    (out.status.code().unwrap_or(-1), summary, stderr)
}

fn n(v: &Value, k: &str) -> u64 {
    v[k].as_u64()
        .unwrap_or_else(|| panic!("{k} missing in {v}"))
}

#[test]
fn fixtures_ingested_twice_are_all_unchanged_the_second_time() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store");
    let pages = fixture("pages").display().to_string();
    let (code, first, err) = ingest(&db, &[&pages]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(n(&first, "failed"), 0);
    assert_eq!(n(&first, "inputs"), 11);
    let added = n(&first, "added");
    assert!(added >= 10, "{first}");
    let (code, second, err) = ingest(&db, &[&pages]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        (
            n(&second, "added"),
            n(&second, "updated"),
            n(&second, "unchanged")
        ),
        (0, 0, 11),
        "{second}"
    );
    let st = store_stats(&db);
    assert_eq!(n(&st, "articles"), added);
    assert_eq!(n(&st, "index_documents"), added);
    assert_eq!(st["last_version"], st["indexed_version"]);
    // Every article is exported once, with its analysis.
    let lines = store_export(&db, &[]);
    assert_eq!(lines.len() as u64, added);
    for a in &lines {
        check_contract(a);
        check_analysis(a);
        for k in ["id", "identity", "version", "versions", "ingested_at"] {
            assert!(a.get(k).is_some(), "{k} missing");
        }
    }
    let ids: HashSet<&str> = lines.iter().map(|a| s(a, "identity")).collect();
    assert_eq!(ids.len(), lines.len());
}

#[test]
fn a_changed_page_becomes_a_new_version() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store");
    let page = dir.path().join("page.html");
    let html = std::fs::read_to_string(fixture("pages/fr_courrier_du_val.html")).unwrap();
    std::fs::write(&page, &html).unwrap();
    let p = page.display().to_string();
    let (_, first, _) = ingest(&db, &[&p]);
    assert_eq!(n(&first, "added"), 1);
    let changed = html.replacen("41 personnes sont mortes", "44 personnes sont mortes", 1);
    assert_ne!(changed, html, "the fixture changed: update this test");
    std::fs::write(&page, &changed).unwrap();
    let (_, second, _) = ingest(&db, &[&p]);
    assert_eq!(n(&second, "updated"), 1, "{second}");
    let (_, third, _) = ingest(&db, &[&p]);
    assert_eq!(n(&third, "unchanged"), 1, "{third}");
    let st = store_stats(&db);
    assert_eq!((n(&st, "articles"), n(&st, "versions")), (1, 2));
    let all = store_export(&db, &["--versions"]);
    assert_eq!(all.len(), 2);
    assert_eq!((n(&all[0], "version"), n(&all[1], "version")), (1, 2));
    assert!(s(&all[0], "text").contains("41 personnes"));
    assert!(s(&all[1], "text").contains("44 personnes"));
    assert_eq!(s(&all[0], "identity"), s(&all[1], "identity"));
    let id = s(&all[0], "identity").to_string();
    let history = store_export(&db, &["--versions", "--article", &id]);
    assert_eq!(history.len(), 2);
    assert!(store_export(&db, &["--article", "https://nowhere.example/"]).is_empty());
    let url = "https://WWW.courrierduval.fr/faits-divers/barrage-de-vardena-le-bilan-s-alourdit-a-41-morts?utm_source=x#top";
    assert_eq!(
        store_export(&db, &["--versions", "--article", url]).len(),
        2
    );
    let latest = store_export(&db, &[]);
    assert_eq!(latest.len(), 1);
    assert_eq!(n(&latest[0], "versions"), 2);
    // The index holds the latest text only.
    let r = store_search(&db, "44", &[]);
    assert_eq!(n(&r, "total"), 1);
    assert_eq!(n(&r["hits"][0], "versions"), 2);
}

#[test]
fn json_lines_of_articles_are_ingested_and_bad_records_reported() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store");
    let file = dir.path().join("articles.jsonl");
    let mut corpus = corpus_jsonl(5);
    corpus.push_str("{not json\n");
    corpus.push_str(r#"{"url": "https://a.example/x", "text": "no title"}"#);
    corpus.push('\n');
    corpus.push_str(
        r#"{"id": "wire-7", "title": "Wire", "text": "A wire story about the reservoir."}"#,
    );
    corpus.push('\n');
    std::fs::write(&file, corpus).unwrap();
    let f = file.display().to_string();
    let (code, sum, err) = ingest(&db, &[&f]);
    assert_eq!(code, 1, "bad records make the exit code 1: {err}");
    assert_eq!((n(&sum, "added"), n(&sum, "failed")), (6, 2), "{sum}");
    assert!(err.contains("articles.jsonl:6: bad JSON"), "{err}");
    assert!(
        err.contains("articles.jsonl:7: bad record: no `title`"),
        "{err}"
    );
    let lines = store_export(&db, &[]);
    let ids: Vec<&str> = lines.iter().map(|a| s(a, "identity")).collect();
    assert!(ids.contains(&"id:wire-7"), "{ids:?}");
    assert!(
        ids.contains(&"url:https://outlet0.example/news/0"),
        "{ids:?}"
    );
    // Standard input works too, and the same records are unchanged.
    let input = std::fs::read(&file).unwrap();
    let d = db.display().to_string();
    let out = run_with_stdin(&["ingest", "--json", "--db", &d, "-"], &input);
    let sum: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((n(&sum, "unchanged"), n(&sum, "failed")), (6, 2), "{sum}");
    // Gzip JSON Lines.
    let gz = dir.path().join("more.jsonl.gz");
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut enc, corpus_jsonl(8).as_bytes()).unwrap();
    std::fs::write(&gz, enc.finish().unwrap()).unwrap();
    let (code, sum, err) = ingest(&db, &[&gz.display().to_string()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!((n(&sum, "added"), n(&sum, "unchanged")), (3, 5), "{sum}");
}

#[test]
fn search_finds_each_language_with_its_analyser() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store");
    let (code, _, err) = ingest(&db, &[&fixture("pages").display().to_string()]);
    assert_eq!(code, 0, "{err}");
    for (lang, query) in [
        ("en", "collapsed dams"),
        ("fr", "barrages secours"),
        ("de", "Talsperren"),
        ("ru", "плотина спасатели"),
        ("zh", "大坝"),
        ("zh", "遇难人数"),
        ("ja", "決壊"),
        ("ja", "行方"),
    ] {
        let r = store_search(&db, query, &[]);
        let hits = r["hits"].as_array().unwrap();
        assert!(!hits.is_empty(), "{query:?} found nothing");
        assert_eq!(s(&hits[0], "language"), lang, "{query:?}: {r}");
        assert!(!s(&hits[0], "snippet").is_empty());
        let with_lang = store_search(&db, query, &["--lang", lang]);
        assert_eq!(with_lang["hits"][0]["id"], hits[0]["id"]);
    }
    // Highlights point into the snippet.
    let r = store_search(&db, "Orvalle", &["--lang", "en", "--limit", "3"]);
    assert!(r["hits"].as_array().unwrap().len() <= 3);
    assert!(n(&r, "total") >= 3);
    for h in r["hits"].as_array().unwrap() {
        let snip = s(h, "snippet");
        for hl in h["highlights"].as_array().unwrap() {
            let (a, b) = (hl[0].as_u64().unwrap(), hl[1].as_u64().unwrap());
            assert_eq!(span(snip, a as usize, b as usize).to_lowercase(), "orvalle");
        }
    }
    // Filters.
    let r = store_search(&db, "Vardena", &["--outlet", "the northern dispatch"]);
    assert_eq!(n(&r, "total"), 1, "{r}");
    let r = store_search(&db, "Vardena", &["--since", "2024-03-14"]);
    for h in r["hits"].as_array().unwrap() {
        // Without a publication date, the day of ingestion counts.
        assert!(
            h["published"].is_null() || s(h, "published") >= "2024-03-14",
            "{h}"
        );
    }
    // The Northern Dispatch (15 March) and the undated Harbour Ledger.
    assert_eq!(n(&r, "total"), 2, "{r}");
    // The human output.
    let d = db.display().to_string();
    let out = run(&["search", "--db", &d, "dam"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("1. "), "{text}");
    assert!(text.contains("matching articles"), "{text}");
}

#[test]
fn a_missing_search_index_is_rebuilt_from_the_database_and_said_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store");
    let (code, _, err) = ingest(&db, &[&fixture("pages").display().to_string()]);
    assert_eq!(code, 0, "{err}");
    // An upgrade to another index layout, or a lost index: the database holds everything.
    let before = store_search(&db, "Vardena", &[]);
    std::fs::remove_dir_all(db.join("index")).unwrap();
    let d = db.display().to_string();
    let out = run(&["search", "--json", "--db", &d, "Vardena"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("building the search index from the database")
            && stderr.contains("search index built in"),
        "{stderr}"
    );
    let after: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(after["total"], before["total"], "{after}");
    assert!(n(&after, "total") > 0);
    // Built once: the next command says nothing of it.
    let out = run(&["search", "--json", "--db", &d, "Vardena"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("search index"), "{stderr}");
}

#[test]
fn export_and_stats_keep_their_json_shape() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store");
    let file = dir.path().join("a.jsonl");
    std::fs::write(&file, corpus_jsonl(30)).unwrap();
    let (code, _, err) = ingest(&db, &[&file.display().to_string()]);
    assert_eq!(code, 0, "{err}");
    let st = store_stats(&db);
    for k in [
        "articles",
        "versions",
        "store_bytes",
        "database_bytes",
        "index_bytes",
        "index_documents",
        "last_version",
        "indexed_version",
        "schema_version",
    ] {
        assert!(st[k].is_u64(), "{k} in {st}");
    }
    assert!(st["store"].is_string());
    assert_eq!(n(&st, "articles"), 30);
    let langs = st["by_language"].as_array().unwrap();
    assert_eq!(langs.len(), 3, "{st}");
    assert_eq!(n(&langs[0], "articles"), 10);
    assert_eq!(st["by_outlet"].as_array().unwrap().len(), 7);
    let days: u64 = st["by_day"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| n(d, "articles"))
        .sum();
    assert_eq!(days, 30);
    assert!(s(&st["by_day"][0], "key") <= s(&st["by_day"][1], "key"));
    let since = store_export(&db, &["--since", "2024-03-20"]);
    assert!(since.iter().all(|a| s(a, "published") >= "2024-03-20"));
    assert_eq!(since.len(), 9, "days 20 to 28");
    let d = db.display().to_string();
    let out = run(&["export", "--db", &d, "--format", "csv"]);
    assert!(out.status.success());
    let csv = String::from_utf8_lossy(&out.stdout);
    assert!(csv.starts_with("id,identity,version,versions,ingested_at,url,title,"));
    assert!(
        csv.contains("\"Report 0: rescuers"),
        "texts with line breaks are quoted"
    );
    let out = run(&["stats", "--db", &d]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("articles    30"));
    // A store that does not exist is an error, not a new empty store.
    let missing = dir.path().join("nothing").display().to_string();
    let out = run(&["stats", "--db", &missing]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no store here"));
    assert!(!dir.path().join("nothing").exists());
}

/// A small tmpfs mounted for the test, unmounted when dropped; `None` where mounting is
/// not allowed.
struct Mount(std::path::PathBuf);

impl Mount {
    fn new(path: &Path, size: &str) -> Option<Mount> {
        std::fs::create_dir_all(path).ok()?;
        let ok = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(path)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| Mount(path.to_path_buf()))
    }

    fn remount_read_only(&self) -> bool {
        std::process::Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(&self.0)
            .status()
            .is_ok_and(|s| s.success())
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(&self.0)
            .status();
    }
}

#[test]
fn a_read_only_store_gives_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let Some(mount) = Mount::new(&dir.path().join("ro"), "16m") else {
        eprintln!("skipped: cannot mount a tmpfs here (needs root)");
        return;
    };
    let db = mount.0.join("store");
    let file = dir.path().join("a.jsonl");
    std::fs::write(&file, corpus_jsonl(6)).unwrap();
    let f = file.display().to_string();
    let (code, _, err) = ingest(&db, &[&f]);
    assert_eq!(code, 0, "{err}");
    assert!(mount.remount_read_only());
    std::fs::write(&file, corpus_jsonl(9)).unwrap();
    let d = db.display().to_string();
    let out = run(&["ingest", "--db", &d, &f]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.contains("read-only"), "{err}");
    // A new store in a read-only folder, too.
    let fresh = mount.0.join("fresh").display().to_string();
    let out = run(&["ingest", "--db", &fresh, &f]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("read-only"), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
}

#[test]
fn a_full_disk_gives_one_clear_line_and_leaves_the_store_consistent() {
    let dir = tempfile::tempdir().unwrap();
    let Some(mount) = Mount::new(&dir.path().join("full"), "3m") else {
        eprintln!("skipped: cannot mount a tmpfs here (needs root)");
        return;
    };
    let db = mount.0.join("store");
    let file = dir.path().join("a.jsonl");
    std::fs::write(&file, corpus_jsonl(3000)).unwrap();
    let d = db.display().to_string();
    let out = run(&[
        "ingest",
        "--db",
        &d,
        "--batch",
        "64",
        &file.display().to_string(),
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("full") || err.contains("No space"), "{err}");
    // What was committed is whole; reading still works.
    let out = run(&["export", "--db", &d]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out.stdout);
    let ids: HashSet<&str> = lines.iter().map(|a| s(a, "identity")).collect();
    assert_eq!(ids.len(), lines.len());
    assert_eq!(lines.len() % 64, 0, "whole batches only: {}", lines.len());
}
