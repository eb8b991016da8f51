//! End-to-end tests of the stories commands (`stories`, `story`, `trends`, `day`) on a
//! store built by `storyline ingest` from our fixture pages: the Vardena dam collapse in
//! seven languages and two outlets' copies, plus (when ../shared is present) the seeds.

mod common;

use std::path::Path;

use common::*;
use serde_json::Value;

fn ingest(db: &Path, paths: &[&str]) -> Value {
    let d = db.display().to_string();
    let mut args = vec!["ingest", "--json", "--db", d.as_str()];
    args.extend_from_slice(paths);
    let out = run(&args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("no summary ({e}): {stderr}"))
}

fn json(db: &Path, args: &[&str]) -> Value {
    let d = db.display().to_string();
    let mut all = args.to_vec();
    all.extend_from_slice(&["--json", "--db", d.as_str()]);
    let out = run(&all);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn urls(story: &Value) -> Vec<String> {
    story["articles"]
        .as_array()
        .expect("articles")
        .iter()
        .map(|a| a["url"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// The fixtures' dam story, from `stories --all --json`.
fn dam_story(all: &Value) -> &Value {
    all.as_array()
        .expect("stories")
        .iter()
        .filter(|s| s["title"].as_str().unwrap_or_default().contains("Vardena"))
        .max_by_key(|s| s["articles"].as_array().map_or(0, Vec::len))
        .expect("a Vardena story")
}

#[test]
fn fixtures_group_into_one_dam_story_across_languages_with_copies_folded() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store");
    let summary = ingest(&db, &[&fixture("pages").display().to_string()]);
    assert!(summary["stories"].as_u64().unwrap() >= 1, "{summary}");
    // Where the writer's time went: grouping and snapshots are part of it.
    let secs = |k: &str| {
        summary[k]
            .as_f64()
            .unwrap_or_else(|| panic!("{k}: {summary}"))
    };
    assert!(secs("group_seconds") > 0.0, "{summary}");
    assert!(secs("snapshot_seconds") > 0.0, "{summary}");
    assert!(
        secs("group_seconds") + secs("snapshot_seconds") <= secs("write_seconds"),
        "{summary}"
    );

    let all = json(&db, &["stories", "--all"]);
    // Every article is in exactly one story.
    let mut seen: Vec<i64> = all
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["articles"].as_array().unwrap().iter())
        .map(|a| a["id"].as_i64().unwrap())
        .collect();
    let n = seen.len();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), n, "an article in two stories");
    assert_eq!(n as u64, summary["added"].as_u64().unwrap());

    let dam = dam_story(&all);
    let langs: Vec<&str> = dam["languages"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for l in ["en", "fr", "es"] {
        assert!(
            langs.contains(&l),
            "{l} missing from the dam story: {langs:?}"
        );
    }
    let members = urls(dam);
    assert!(members.len() >= 6, "{members:#?}");

    // The copies: the Daily Relay republishes the Courier and translates the French page.
    let copies: Vec<&Value> = dam["articles"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| !a["copy_of"].is_null())
        .collect();
    assert!(copies.len() >= 2, "{copies:#?}");
    for c in &copies {
        let of = c["copy_of"].as_i64().unwrap();
        assert!(
            dam["articles"]
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a["id"].as_i64() == Some(of)),
            "a copy's original is in its story"
        );
        assert_ne!(c["id"].as_i64(), Some(of));
    }
    assert_eq!(
        dam["copies"].as_u64().unwrap() as usize,
        copies.len(),
        "copies are counted apart"
    );

    // The story page.
    let id = dam["id"].as_u64().unwrap().to_string();
    let page = json(&db, &["story", &id]);
    assert_eq!(page["id"], dam["id"]);
    assert_eq!(urls(&page).len(), members.len());
    let dates: Vec<&str> = page["articles"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["published"].as_str())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort_by_key(|d| d.get(..10).unwrap_or(d).to_string());
    assert_eq!(
        dates.iter().map(|d| &d[..10]).collect::<Vec<_>>(),
        sorted.iter().map(|d| &d[..10]).collect::<Vec<_>>(),
        "articles by date"
    );
    let highlights = page["highlights"].as_array().unwrap();
    assert!((3..=5).contains(&highlights.len()), "{highlights:#?}");
    assert!(!page["ledger"].as_array().unwrap().is_empty());
    assert!(
        page["entities"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["name"] == "Ilse Maren"),
        "{:#}",
        page["entities"]
    );
    assert!(!page["timeline"].as_array().unwrap().is_empty());

    // The text view holds the same story.
    let d = db.display().to_string();
    let out = run(&["story", &id, "--db", &d]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("## Figure ledger"), "{text}");
    assert!(text.contains("copy:"), "{text}");

    // Unknown story: exit 1, one line.
    let out = run(&["story", "99999", "--db", &d]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such story"));
}

#[test]
fn days_trends_and_filters() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store");
    ingest(&db, &[&fixture("pages").display().to_string()]);

    let day = json(&db, &["day", "2024-03-12"]);
    assert_eq!(day["day"], "2024-03-12");
    let stories = day["stories"].as_array().unwrap();
    assert!(!stories.is_empty());
    for s in stories {
        for a in s["articles"].as_array().unwrap() {
            assert!(
                a["published"].as_str().unwrap().starts_with("2024-03-12"),
                "{a}"
            );
        }
    }
    assert!(day["previous"].as_str().unwrap() < "2024-03-12");

    let d = db.display().to_string();
    let out = run(&["day", "March 12", "--db", &d]);
    assert_eq!(out.status.code(), Some(2), "a bad day is a usage error");

    // The fixtures stop in March 2024: trends are measured at the newest article.
    let trends = json(&db, &["trends"]);
    assert!(
        trends["now"].as_str().unwrap().starts_with("2024-03-1"),
        "{trends}"
    );

    let fr = json(&db, &["stories", "--lang", "fr"]);
    for s in fr.as_array().unwrap() {
        assert!(
            s["languages"].as_array().unwrap().iter().any(|l| l == "fr"),
            "{s}"
        );
    }
    assert!(!fr.as_array().unwrap().is_empty());
    let none = json(&db, &["stories", "--since", "24h"]);
    assert!(
        none.as_array().unwrap().is_empty(),
        "nothing was published in the last 24 hours: {none}"
    );
    let out = run(&["stories", "--since", "soon", "--db", &d]);
    assert_eq!(out.status.code(), Some(2));
    // No store: a clear error.
    let out = run(&[
        "stories",
        "--db",
        &dir.path().join("nothing").display().to_string(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no store here"));
}

#[test]
fn stories_survive_losing_the_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store");
    ingest(&db, &[&fixture("pages").display().to_string()]);
    let before = json(&db, &["stories", "--all"]);
    std::fs::remove_file(db.join("stories.snapshot")).expect("the ingest saved a snapshot");
    // The command groups the store anew, says so, and saves what it made.
    let d = db.display().to_string();
    let out = run(&["stories", "--all", "--json", "--db", &d]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("grouping the stored articles into stories")
            && stderr.contains("stories grouped in"),
        "{stderr}"
    );
    let after: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(before, after);
    assert!(db.join("stories.snapshot").is_file());
    // A snapshot of another layout (an older storyline) is not read, and said so too.
    let mut other = std::fs::read(db.join("stories.snapshot")).unwrap();
    other[..9].copy_from_slice(b"storylinX");
    std::fs::write(db.join("stories.snapshot"), &other).unwrap();
    let out = run(&["stories", "--all", "--json", "--db", &d]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("stories grouped in"), "{stderr}");
    assert_eq!(
        before,
        serde_json::from_slice::<Value>(&out.stdout).unwrap()
    );
    // Saved once: the next command says nothing of it.
    let out = run(&["stories", "--all", "--json", "--db", &d]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("grouping"), "{stderr}");
    assert_eq!(
        before,
        serde_json::from_slice::<Value>(&out.stdout).unwrap()
    );
}

#[test]
fn seeds_are_one_story_with_the_prisoner_figures() {
    let (Some(a), Some(b)) = (seed("000"), seed("001")) else {
        eprintln!("../shared/seeds not found: skipping");
        return;
    };
    // In an archive with other news (term weights need more than two documents).
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store");
    ingest(
        &db,
        &[
            &fixture("pages").display().to_string(),
            &a.display().to_string(),
            &b.display().to_string(),
        ],
    );
    let all = json(&db, &["stories", "--all"]);
    let seeds: Vec<&Value> = all
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| {
            s["articles"].as_array().unwrap().iter().any(|x| {
                let u = x["url"].as_str().unwrap_or_default();
                u.contains("bolnews")
                    || u.contains("thelimitedtimes")
                    || x["outlet"]
                        .as_str()
                        .is_some_and(|o| o.contains("BOL") || o.contains("Limited Times"))
            })
        })
        .collect();
    assert_eq!(seeds.len(), 1, "the two seeds tell one story: {seeds:#?}");
    assert_eq!(seeds[0]["articles"].as_array().unwrap().len(), 2);
    let id = seeds[0]["id"].as_u64().unwrap().to_string();
    let page = json(&db, &["story", &id]);
    let ledger = page["ledger"].as_array().unwrap();
    let romanova = ledger
        .iter()
        .flat_map(|l| l["entries"].as_array().unwrap().iter())
        .find(|e| e["claimant"]["name"] == "Olga Romanova")
        .unwrap_or_else(|| panic!("Olga Romanova's figure: {ledger:#?}"));
    assert_eq!(romanova["value"].as_f64(), Some(100_000.0));
    assert!(
        romanova["hedge"]
            .as_str()
            .unwrap_or_default()
            .contains("never given an official figure"),
        "{romanova}"
    );
}
