//! End-to-end: `storyline serve` on a store made by `storyline ingest` from the fixture
//! pages, fetched over HTTP; a concurrent ingest shows up; SIGTERM stops it cleanly.

mod web_common;

use std::time::{Duration, Instant};

use serde_json::Value;
use web_common::{Server, ingest, root};

fn json(server: &Server, path: &str) -> (u16, Value) {
    let (status, head, body) = server.get(path);
    assert!(
        head.contains("content-type: application/json"),
        "{path}: {head}"
    );
    (
        status,
        serde_json::from_str(&body).unwrap_or_else(|e| panic!("{path}: {e}: {body}")),
    )
}

#[test]
fn serve_answers_pages_api_and_feeds_and_follows_an_ingest() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store");
    ingest(
        &db,
        &[
            root().join("tests/fixtures/pages"),
            root().join("tests/fixtures/web/en_xss_probe.html"),
        ],
    );
    let mut server = Server::start(&db);

    let (status, head, body) = server.get("/");
    assert_eq!(status, 200, "{body}");
    assert!(
        head.contains("content-security-policy: default-src 'self'"),
        "{head}"
    );
    assert!(body.contains("Vardena"), "{body}");

    let (status, v) = json(&server, "/api/stories?limit=100");
    assert_eq!(status, 200);
    let stories = v["stories"].as_array().unwrap();
    // The biggest story about the dam.
    let dam = stories
        .iter()
        .filter(|s| s["title"].as_str().unwrap().contains("Vardena"))
        .max_by_key(|s| s["articles"].as_u64())
        .unwrap_or_else(|| panic!("no Vardena story: {v}"));
    let id = dam["id"].as_u64().unwrap();
    assert!(dam["articles"].as_u64().unwrap() >= 2, "{dam}");

    let (status, _, body) = server.get(&format!("/story/{id}"));
    assert_eq!(status, 200);
    assert!(body.contains("<svg class=\"chart timeline\""), "{body}");
    assert!(body.contains("application/ld+json"));

    let (status, v) = json(&server, &format!("/api/stories/{id}"));
    assert_eq!(status, 200);
    let article = v["articles"][0]["id"].as_i64().unwrap();
    let (status, _, body) = server.get(&format!("/article/{article}"));
    assert_eq!(status, 200);
    assert!(body.contains("<section class=\"text\""), "{body}");

    let (status, v) = json(&server, "/api/search?q=dam");
    assert_eq!(status, 200);
    assert!(v["total"].as_u64().unwrap() >= 3, "{v}");
    let (status, _, body) = server.get("/search?q=Orvalle");
    assert_eq!(status, 200);
    assert!(body.contains("<mark>"), "{body}");

    let (status, _, atom) = server.get("/feeds/stories.atom");
    assert_eq!(status, 200);
    assert!(atom.starts_with("<?xml") && atom.contains("<entry>"));

    // The hostile page renders inert.
    let (_, _, body) = server.get("/search?q=strike");
    assert!(!body.contains("<script>alert"), "{body}");
    assert!(!body.contains("<svg onload"));
    let (_, v) = json(&server, "/api/search?q=strike");
    let hit = &v["hits"][0];
    let (_, _, page) = server.get(&format!("/article/{}", hit["id"]));
    assert!(!page.contains("<script>alert"), "{page}");
    assert!(!page.contains("<img src=x"), "{page}");
    assert!(!page.contains("href=\"javascript:"), "{page}");
    assert!(page.contains("&lt;script&gt;alert"), "{page}");

    // Unknown ids and bad parameters.
    assert_eq!(server.get("/story/987654").0, 404);
    assert_eq!(server.get("/story/abc").0, 400);
    assert_eq!(server.get("/day/2024-02-31").0, 400);
    assert_eq!(json(&server, "/api/articles/987654").0, 404);
    assert_eq!(json(&server, "/api/search").0, 400);

    // Every story page is built once now (and kept by the server) ...
    let (_, v) = json(&server, "/api/stories?limit=100");
    for s in v["stories"].as_array().unwrap() {
        assert_eq!(json(&server, &format!("/api/stories/{}", s["id"])).0, 200);
    }

    // A concurrent ingest on the same store shows up without a restart.
    ingest(
        &db,
        &[root().join("tests/fixtures/web/en_orvalle_gazette_update.html")],
    );
    // Its story and its words: the server's story index and search index catch up.
    let start = Instant::now();
    loop {
        let (_, v) = json(&server, "/api/stories?limit=100");
        let found = v["stories"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["outlets"].to_string().contains("The Orvalle Gazette"));
        if found {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the new article did not show up: {v}"
        );
        std::thread::sleep(Duration::from_millis(500));
    }
    // ... and the page of the story it joined is built again, with it.
    let (_, v) = json(&server, "/api/stories?limit=100");
    let joined = v["stories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["outlets"].to_string().contains("The Orvalle Gazette"))
        .map(|s| s["id"].clone())
        .unwrap();
    let (_, page) = json(&server, &format!("/api/stories/{joined}"));
    assert!(
        page["articles"]
            .as_array()
            .is_some_and(|a| a.iter().any(|x| x["outlet"] == "The Orvalle Gazette")),
        "a kept story page is not served after the story changed: {page}"
    );
    let (_, v) = json(&server, "/api/search?q=Kestrelmoor");
    assert!(
        v["hits"]
            .as_array()
            .is_some_and(|h| h.iter().any(|x| x["outlet"] == "The Orvalle Gazette")),
        "the running server's search sees the new article: {v}"
    );

    // SIGTERM: a graceful stop.
    let status = server.terminate(Duration::from_secs(10)).expect("stopped");
    assert!(status.success(), "{status:?}");
}

#[test]
fn serve_without_a_store_fails_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_storyline"))
        .args(["serve", "--addr", "127.0.0.1:0", "--db"])
        .arg(dir.path().join("none"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no store here"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}
