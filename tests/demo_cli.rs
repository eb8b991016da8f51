//! End-to-end test of `storyline demo --no-serve`: the bundled corpus becomes a store
//! whose stories span languages, fold copies and trend on the corpus's last day; a second
//! run reuses the store.

mod common;

use common::*;
use serde_json::Value;

#[test]
fn demo_builds_a_store_of_stories_and_reuses_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo");
    let d = db.display().to_string();
    let out = run(&["demo", "--no-serve", "--db", &d]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("building the demo store"), "{err}");
    assert!(db.join("sample-pages").is_dir());

    let stats = store_stats(&db);
    let pages = std::fs::read_dir(root().join("crates/cli/demo/pages"))
        .unwrap()
        .count() as u64;
    let seeds = u64::from(root().join("../shared/seeds").is_dir()) * 2;
    assert_eq!(stats["articles"].as_u64(), Some(pages + seeds), "{stats}");

    // A second run ingests nothing.
    let out = run(&["demo", "--no-serve", "--db", &d]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("reusing it"), "{err}");
    assert_eq!(store_stats(&db)["versions"], stats["versions"]);

    let out = run(&["stories", "--all", "--json", "--db", &d]);
    let all: Value = serde_json::from_slice(&out.stdout).expect("stories JSON");
    let all = all.as_array().unwrap();
    // Fewer stories than articles: coverage is grouped.
    assert!((all.len() as u64) < pages, "{} stories", all.len());
    // A story across at least three languages (the Kestria recruitment or the dam).
    let widest = all
        .iter()
        .map(|s| s["languages"].as_array().unwrap().len())
        .max()
        .unwrap();
    assert!(widest >= 3, "no story spans three languages");
    // The wire story run verbatim by three outlets: one original, two duplicates.
    let duplicates: Vec<&Value> = all
        .iter()
        .flat_map(|s| s["articles"].as_array().unwrap().iter())
        .filter(|a| a["copy"]["kind"] == "duplicate")
        .collect();
    assert!(duplicates.len() >= 2, "{duplicates:#?}");
    // Translations are linked to their originals.
    assert!(
        all.iter()
            .flat_map(|s| s["articles"].as_array().unwrap().iter())
            .any(|a| a["copy"]["kind"] == "translation"),
        "no translation linked"
    );
    // Several outlets published on the corpus's last day: something trends.
    let out = run(&["trends", "--json", "--db", &d]);
    let trends: Value = serde_json::from_slice(&out.stdout).expect("trends JSON");
    assert!(
        trends["now"].as_str().unwrap().starts_with("2026-11-2"),
        "{trends}"
    );
    assert!(
        !trends["stories"].as_array().unwrap().is_empty(),
        "{trends}"
    );
}
