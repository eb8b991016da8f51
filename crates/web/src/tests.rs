//! The router over a small store written here: several outlets and languages, a copy,
//! a figure that changes, and an article full of XSS payloads.

use std::path::Path;
use std::sync::OnceLock;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use serde_json::Value;
use storyline_analyse::{Options, annotate};
use storyline_core::Article;
use storyline_stories::{Archive, Prepared};
use tower::ServiceExt;

use crate::html::marked;

const XSS_TITLE: &str = "<script>alert('title')</script> Harbour \"strike\" ends";
const XSS_AUTHOR: &str = "<img src=x onerror=alert('author')>";
const XSS_OUTLET: &str = "Evil\"><svg onload=alert('outlet')>";
const XSS_URL: &str = "javascript:alert('url')";

fn article(
    url: &str,
    title: &str,
    outlet: &str,
    lang: &str,
    published: &str,
    paragraphs: &[&str],
) -> Article {
    let mut a = Article {
        url: Some(url.to_string()),
        title: Some(title.to_string()),
        outlet: Some(outlet.to_string()),
        language: Some(lang.to_string()),
        published: Some(published.to_string()),
        authors: vec!["Anna Keller".to_string()],
        ..Article::default()
    };
    a.set_paragraphs(paragraphs.iter().map(|p| p.to_string()).collect());
    a
}

fn fixture_articles() -> Vec<Article> {
    let bridge1 = [
        "The Lisna river bridge in Dorvik will stay closed after engineers found cracks in two of its pillars, the city council said on Wednesday.",
        "\"We cannot take any risk with the safety of commuters,\" said Mayor Helena Brandt. About 12,000 vehicles crossed the bridge every day before the closure.",
        "Repairs are expected to cost 4 million euros, according to the council's engineering office.",
    ];
    let bridge2 = [
        "Repairs to the Lisna river bridge in Dorvik will cost 9 million euros, more than twice the first estimate, the council's engineering office said on Friday.",
        "\"The damage to the pillars is deeper than we thought,\" Mayor Helena Brandt told reporters. The bridge carried about 12,000 vehicles a day.",
        "The bridge will remain closed until the spring, the mayor said.",
    ];
    let bridge_fr = [
        "Le pont sur la Lisna à Dorvik restera fermé après la découverte de fissures dans deux de ses piliers, a annoncé le conseil municipal.",
        "« Nous ne pouvons prendre aucun risque avec la sécurité des usagers », a déclaré la maire Helena Brandt. Les réparations coûteront 9 millions d'euros selon le bureau d'ingénierie.",
    ];
    let football = [
        "FC Dorvik beat Harbour United 3-1 on Saturday to climb to second place in the northern league.",
        "Striker Tomas Berg scored twice in the second half in front of 8,500 supporters, the club said.",
    ];
    let weather = [
        "Der Deutsche Wetterdienst warnt vor starkem Schneefall in den Alpen am Wochenende.",
        "Bis zu 40 Zentimeter Neuschnee werden in höheren Lagen erwartet, sagte ein Sprecher des Wetterdienstes.",
    ];
    let xss = [
        "Dockworkers ended their strike on Monday. </script><script>alert('text')</script> <img src=x onerror=alert('img')>",
        "\"<svg onload=alert('quote')>We won,\" said union leader Marta <b>Holm</b>. About 1,200 workers <a href=\"javascript:alert(1)\">joined</a> the strike.",
    ];
    vec![
        article(
            "https://northern-dispatch.example/bridge-closed",
            "Dorvik's Lisna bridge stays closed after cracks found",
            "Northern Dispatch",
            "en",
            "2023-11-08T09:00:00Z",
            &bridge1,
        ),
        article(
            "https://lisna-courier.example/bridge-repairs-cost",
            "Lisna bridge repairs to cost 9 million euros",
            "Lisna Valley Courier",
            "en",
            "2023-11-10T10:00:00Z",
            &bridge2,
        ),
        // A copy of the Courier's article by another outlet.
        article(
            "https://daily-relay.example/2023/11/10/bridge",
            "Lisna bridge repairs to cost 9 million euros",
            "Daily Relay",
            "en",
            "2023-11-10T14:00:00Z",
            &bridge2,
        ),
        article(
            "https://courrier-du-val.example/pont-lisna",
            "Le pont de la Lisna restera fermé",
            "Courrier du Val",
            "fr",
            "2023-11-10T12:00:00Z",
            &bridge_fr,
        ),
        article(
            "https://northern-dispatch.example/football",
            "FC Dorvik beat Harbour United to climb to second",
            "Northern Dispatch",
            "en",
            "2023-11-11T20:00:00Z",
            &football,
        ),
        article(
            "https://kessinger-tagblatt.example/wetter",
            "Starker Schneefall in den Alpen erwartet",
            "Kessinger Tagblatt",
            "de",
            "2023-11-12T07:00:00Z",
            &weather,
        ),
        {
            let mut a = article(
                XSS_URL,
                XSS_TITLE,
                XSS_OUTLET,
                "en",
                "2023-11-12T08:00:00Z",
                &xss,
            );
            a.authors = vec![XSS_AUTHOR.to_string()];
            a.teaser = Some("<iframe src=javascript:alert('teaser')></iframe>".into());
            a
        },
    ]
}

fn write_store(dir: &Path) {
    let mut archive = Archive::open_writer(dir).expect("open writer");
    let batch: Vec<Prepared> = fixture_articles()
        .into_iter()
        .map(|a| {
            let options = Options {
                lang: a.language.clone(),
                outlet: None,
            };
            Prepared::new(&annotate(a, &options), None).expect("prepare")
        })
        .collect();
    archive.write(batch).expect("write");
    archive.finish().expect("finish");
}

/// The store, written once for every test.
fn store() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir");
        write_store(dir.path());
        dir
    })
    .path()
}

fn app() -> Router {
    crate::router(Archive::open(store()).expect("open archive"))
}

async fn get(app: &Router, uri: &str) -> (StatusCode, HeaderMap, String) {
    let res = app
        .clone()
        .oneshot(
            Request::builder()
                .uri(uri)
                .header("host", "news.test")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = axum::body::to_bytes(res.into_body(), 1 << 24)
        .await
        .unwrap();
    (status, headers, String::from_utf8(bytes.to_vec()).unwrap())
}

async fn json(app: &Router, uri: &str) -> (StatusCode, Value) {
    let (status, headers, body) = get(app, uri).await;
    assert!(
        headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json"),
        "{uri}: {headers:?}"
    );
    (status, serde_json::from_str(&body).expect(uri))
}

/// The id of the story whose headline contains `words`.
async fn story_id(app: &Router, words: &str) -> u64 {
    let (_, v) = json(app, "/api/stories?limit=100").await;
    v["stories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["title"].as_str().unwrap().contains(words))
        .unwrap_or_else(|| panic!("no story titled {words:?}: {v}"))["id"]
        .as_u64()
        .unwrap()
}

/// The id of the article whose title contains `words` (and of `outlet`).
async fn article_id(app: &Router, words: &str, outlet: &str) -> u64 {
    let (_, v) = json(app, &format!("/api/outlets/{}", crate::params::seg(outlet))).await;
    v["recent"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["title"].as_str().unwrap_or("").contains(words))
        .unwrap_or_else(|| panic!("no article titled {words:?}: {v}"))["id"]
        .as_u64()
        .unwrap()
}

#[tokio::test]
async fn home_lists_stories_languages_and_feeds() {
    let app = app();
    let (status, headers, body) = get(&app, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        headers["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("default-src 'self'")
    );
    assert!(
        headers["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("frame-ancestors 'none'")
    );
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert!(headers.contains_key("referrer-policy"));
    assert!(body.contains("Lisna bridge"), "{body}");
    assert!(body.contains("FC Dorvik beat Harbour United"));
    assert!(body.contains(r#"href="/?lang=fr""#));
    assert!(body.contains(r#"rel="alternate" type="application/atom+xml""#));
    assert!(body.contains(r#"href="/feeds/stories.json""#));
    assert!(body.contains("<main id=\"main\""));
    // Language filter: German only shows the weather story.
    let (status, _, de) = get(&app, "/?lang=de").await;
    assert_eq!(status, StatusCode::OK);
    assert!(de.contains("Schneefall"));
    assert!(!de.contains("FC Dorvik beat"));
    for bad in ["/?lang=english!", "/?page=x", "/?since=2023-13-01"] {
        assert_eq!(get(&app, bad).await.0, StatusCode::BAD_REQUEST, "{bad}");
    }
}

#[tokio::test]
async fn story_page_has_ledger_chart_quotes_and_folded_copies() {
    let app = app();
    let id = story_id(&app, "Lisna bridge").await;
    let (status, _, body) = get(&app, &format!("/story/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    // The timeline chart and the ledger.
    assert!(body.contains(r#"<svg class="chart timeline""#), "{body}");
    assert!(body.contains("role=\"img\" aria-label=\"Coverage by day"));
    assert!(body.contains(r#"<table class="ledger""#), "{body}");
    assert!(body.contains(r#"<svg class="chart figure""#), "{body}");
    assert!(
        body.contains("9,000,000") || body.contains("9 million"),
        "{body}"
    );
    // Quotes by speaker, copies folded under their original.
    assert!(body.contains("Helena Brandt"));
    assert!(body.contains("<details class=\"copies\">"), "{body}");
    assert!(body.contains("Daily Relay"));
    assert!(body.contains("application/ld+json"));
    assert!(body.contains(&format!(r#"href="/feeds/story/{id}.atom""#)));
    // JSON-LD parses and holds claims.
    let start = body.find("application/ld+json\">").unwrap() + "application/ld+json\">".len();
    let end = start + body[start..].find("</script>").unwrap();
    let ld: Value = serde_json::from_str(&body[start..end]).unwrap();
    let graph = ld["@graph"].as_array().unwrap();
    assert_eq!(graph[0]["@type"], "NewsArticle");
    assert!(graph.iter().any(|g| g["@type"] == "Claim"), "{ld}");

    assert_eq!(get(&app, "/story/999999").await.0, StatusCode::NOT_FOUND);
    assert_eq!(get(&app, "/story/abc").await.0, StatusCode::BAD_REQUEST);
    assert_eq!(get(&app, "/story/-1").await.0, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn article_page_marks_claims_and_quotes_and_links_the_source() {
    let app = app();
    let id = article_id(&app, "repairs to cost", "Lisna Valley Courier").await;
    let (status, _, body) = get(&app, &format!("/article/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("<mark class=\"claim\">"), "{body}");
    assert!(body.contains("<mark class=\"quote\">"), "{body}");
    assert!(body.contains(
        r#"href="https://lisna-courier.example/bridge-repairs-cost" rel="noopener noreferrer nofollow""#
    ));
    assert!(body.contains("Versions"));
    assert!(body.contains("Copies of this article"), "{body}");
    assert_eq!(get(&app, "/article/999999").await.0, StatusCode::NOT_FOUND);
    assert_eq!(get(&app, "/article/0").await.0, StatusCode::BAD_REQUEST);
    assert_eq!(get(&app, "/article/1e3").await.0, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn day_outlet_entity_and_search_pages() {
    let app = app();
    let (status, _, body) = get(&app, "/day/2023-11-10").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Lisna bridge"));
    assert!(
        body.contains(r#"href="/day/2023-11-08""#),
        "previous day: {body}"
    );
    assert!(body.contains(r#"href="/day/2023-11-11""#), "next day");
    for bad in ["/day/2023-02-30", "/day/yesterday", "/day/2023-1-1"] {
        assert_eq!(get(&app, bad).await.0, StatusCode::BAD_REQUEST, "{bad}");
    }
    let (status, _, body) = get(&app, "/outlet/Northern%20Dispatch").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("FC Dorvik"));
    assert_eq!(
        get(&app, "/outlet/Nobody%20Times").await.0,
        StatusCode::NOT_FOUND
    );
    let (status, _, body) = get(&app, "/entity/Helena%20Brandt").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body.contains("Lisna bridge"));
    assert_eq!(
        get(&app, "/entity/Nobody%20Atall").await.0,
        StatusCode::NOT_FOUND
    );
    let (status, _, body) = get(&app, "/search?q=bridge&lang=en").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("<mark>"), "{body}");
    assert!(
        body.contains(r#"href="/feeds/search.atom?q=bridge&amp;lang=en""#),
        "{body}"
    );
    let (status, _, body) = get(&app, "/search?q=bridge&outlet=Daily%20Relay").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        !body.contains("Northern Dispatch</a> · en"),
        "outlet filter"
    );
    assert_eq!(get(&app, "/search").await.0, StatusCode::OK);
    let long = "a".repeat(300);
    for bad in [
        format!("/search?q={long}"),
        "/search?q=x&since=2023-99-01".into(),
        "/search?q=x&lang=12".into(),
        format!("/search?q={}", "b".repeat(3000)),
    ] {
        assert_eq!(get(&app, &bad).await.0, StatusCode::BAD_REQUEST, "{bad}");
    }
    assert_eq!(get(&app, "/no/such/page").await.0, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn api_routes_answer_json_with_the_right_status() {
    let app = app();
    let story = story_id(&app, "Lisna bridge").await;
    let article = article_id(&app, "stays closed", "Northern Dispatch").await;
    let (s, v) = json(&app, &format!("/api/stories/{story}")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(!v["ledger"].as_array().unwrap().is_empty(), "{v}");
    assert!(
        v["articles"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| !a["copy_of"].is_null())
    );
    let (s, v) = json(&app, &format!("/api/claims?story={story}")).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["story"], story);
    let (s, v) = json(&app, "/api/stories?lang=fr").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["stories"].as_array().unwrap().len(), 1, "{v}");
    let (s, v) = json(&app, "/api/stories?limit=1&offset=1").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["stories"].as_array().unwrap().len(), 1);
    let (s, v) = json(&app, "/api/search?q=Schneefall").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["total"], 1, "{v}");
    let (s, v) = json(&app, "/api/trends").await;
    assert_eq!(s, StatusCode::OK);
    assert!(v["now"].as_str().unwrap().starts_with("2023-11-12"), "{v}");
    assert_eq!(
        json(&app, &format!("/api/articles/{article}")).await.0,
        StatusCode::OK
    );
    assert_eq!(json(&app, "/api/day/2023-11-12").await.0, StatusCode::OK);

    for (uri, status) in [
        ("/api/stories/424242", StatusCode::NOT_FOUND),
        ("/api/stories/x", StatusCode::BAD_REQUEST),
        ("/api/articles/424242", StatusCode::NOT_FOUND),
        ("/api/articles/zz", StatusCode::BAD_REQUEST),
        ("/api/entities/Nobody%20Atall", StatusCode::NOT_FOUND),
        ("/api/outlets/Nobody%20Times", StatusCode::NOT_FOUND),
        ("/api/claims", StatusCode::BAD_REQUEST),
        ("/api/claims?story=x", StatusCode::BAD_REQUEST),
        ("/api/claims?story=424242", StatusCode::NOT_FOUND),
        ("/api/search", StatusCode::BAD_REQUEST),
        ("/api/search?q=x&limit=1000", StatusCode::BAD_REQUEST),
        ("/api/day/2023-02-30", StatusCode::BAD_REQUEST),
        ("/api/stories?since=soon", StatusCode::BAD_REQUEST),
        ("/api/stories?limit=-1", StatusCode::BAD_REQUEST),
        ("/api/trends?n=many", StatusCode::BAD_REQUEST),
        ("/api/nothing", StatusCode::NOT_FOUND),
    ] {
        let (s, v) = json(&app, uri).await;
        assert_eq!(s, status, "{uri}: {v}");
        assert!(
            v["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{uri}: {v}"
        );
    }
    // Read-only: no other method.
    let res = app
        .clone()
        .oneshot(
            Request::post("/api/stories")
                .body(Body::from("{}"))
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::METHOD_NOT_ALLOWED);
}

#[tokio::test]
async fn openapi_paths_exist_and_responses_carry_the_documented_fields() {
    let app = app();
    let (s, doc) = json(&app, "/api/openapi.json").await;
    assert_eq!(s, StatusCode::OK);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    let story = story_id(&app, "Lisna bridge").await;
    let article = article_id(&app, "stays closed", "Northern Dispatch").await;
    let schemas = &doc["components"]["schemas"];
    let paths = doc["paths"].as_object().unwrap();
    assert!(paths.len() >= 10);
    for (template, item) in paths {
        let uri = template
            .replace(
                "{id}",
                &if template.contains("articles") {
                    article
                } else {
                    story
                }
                .to_string(),
            )
            .replace(
                "{name}",
                if template.contains("outlets") {
                    "Northern%20Dispatch"
                } else {
                    "Helena%20Brandt"
                },
            )
            .replace("{day}", "2023-11-10");
        let uri = match template.as_str() {
            "/api/claims" => format!("{uri}?story={story}"),
            "/api/search" => format!("{uri}?q=bridge"),
            _ => uri,
        };
        let (s, v) = json(&app, &uri).await;
        assert_eq!(s, StatusCode::OK, "{uri}: {v}");
        let schema = &item["get"]["responses"]["200"]["content"]["application/json"]["schema"];
        let schema = match schema["$ref"].as_str() {
            Some(r) => &schemas[r.trim_start_matches("#/components/schemas/")],
            None => schema,
        };
        let required = schema["required"].as_array().expect(template);
        assert!(!required.is_empty());
        for field in required {
            let f = field.as_str().unwrap();
            assert!(v.get(f).is_some(), "{uri}: no {f:?} in {v}");
        }
        // Documented errors answer with the error object.
        for code in item["get"]["responses"].as_object().unwrap().keys() {
            assert!(
                ["200", "400", "404"].contains(&code.as_str()),
                "{template}: {code}"
            );
        }
    }
    // Every API route of the router is documented.
    for route in [
        "/api/stories",
        "/api/stories/{id}",
        "/api/articles/{id}",
        "/api/entities/{name}",
        "/api/outlets/{name}",
        "/api/claims",
        "/api/search",
        "/api/day/{day}",
        "/api/trends",
    ] {
        assert!(paths.contains_key(route), "{route} is not documented");
    }
}

/// Every element and text of an XML document, or the parse error.
fn parse_xml(xml: &str) -> Result<Vec<String>, String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut texts = Vec::new();
    let mut depth = 0i32;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(quick_xml::events::Event::Start(_)) => depth += 1,
            Ok(quick_xml::events::Event::End(_)) => depth -= 1,
            Ok(quick_xml::events::Event::Text(t)) => texts.push(t.into_inner().into_owned()),
            Ok(quick_xml::events::Event::GeneralRef(r)) => {
                texts.push(format!("&{};", r.into_inner()))
            }
            Ok(_) => {}
            Err(e) => return Err(format!("{e} at {}", reader.buffer_position())),
        }
    }
    if depth != 0 {
        return Err(format!("unbalanced: {depth}"));
    }
    Ok(texts)
}

#[tokio::test]
async fn feeds_parse() {
    let app = app();
    let story = story_id(&app, "Lisna bridge").await;
    for uri in [
        "/feeds/stories.atom".to_string(),
        format!("/feeds/story/{story}.atom"),
        "/feeds/search.atom?q=bridge".into(),
        "/feeds/search.atom?q=strike".into(),
        "/feeds/entity/Helena%20Brandt.atom".into(),
        "/feeds/outlet/Northern%20Dispatch.atom".into(),
        format!("/feeds/outlet/{}.atom", crate::params::seg(XSS_OUTLET)),
    ] {
        let (s, h, body) = get(&app, &uri).await;
        assert_eq!(s, StatusCode::OK, "{uri}: {body}");
        assert!(
            h["content-type"]
                .to_str()
                .unwrap()
                .starts_with("application/atom+xml")
        );
        let texts = parse_xml(&body).unwrap_or_else(|e| panic!("{uri}: {e}\n{body}"));
        assert!(body.contains("<entry>"), "{uri}: {body}");
        assert!(!texts.is_empty());
        assert!(!body.contains("<script"), "{uri}");
        let json_uri = uri.replace(".atom", ".json");
        let (s, h, body) = get(&app, &json_uri).await;
        assert_eq!(s, StatusCode::OK, "{json_uri}");
        assert!(
            h["content-type"]
                .to_str()
                .unwrap()
                .starts_with("application/feed+json")
        );
        let v: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(v["version"], "https://jsonfeed.org/version/1.1");
        assert!(
            v["feed_url"]
                .as_str()
                .unwrap()
                .starts_with("http://news.test/feeds/")
        );
        let items = v["items"].as_array().unwrap();
        assert!(!items.is_empty(), "{json_uri}");
        for it in items {
            assert!(it["id"].is_string() && it["url"].is_string());
            if let Some(e) = it["external_url"].as_str() {
                assert!(e.starts_with("http"), "{e}");
            }
        }
    }
    for (uri, status) in [
        ("/feeds/story/424242.atom", StatusCode::NOT_FOUND),
        ("/feeds/story/abc.json", StatusCode::BAD_REQUEST),
        ("/feeds/story/1.rss", StatusCode::NOT_FOUND),
        ("/feeds/search.atom", StatusCode::BAD_REQUEST),
        ("/feeds/entity/Nobody%20Atall.json", StatusCode::NOT_FOUND),
    ] {
        assert_eq!(get(&app, uri).await.0, status, "{uri}");
    }
}

/// The elements our pages use.
const ALLOWED: &[&str] = &[
    "doctype",
    "html",
    "head",
    "meta",
    "title",
    "link",
    "script",
    "body",
    "a",
    "header",
    "nav",
    "form",
    "label",
    "input",
    "button",
    "main",
    "footer",
    "p",
    "h1",
    "h2",
    "h3",
    "ul",
    "ol",
    "li",
    "section",
    "article",
    "span",
    "time",
    "svg",
    "line",
    "text",
    "rect",
    "polyline",
    "circle",
    "figure",
    "figcaption",
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "blockquote",
    "details",
    "summary",
    "dl",
    "dt",
    "dd",
    "mark",
    "select",
    "option",
    "q",
];

/// The tags of an HTML page (from `<` to the next `>`), JSON-LD skipped.
fn tags(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        let Some(j) = rest[i..].find('>') else { break };
        let tag = &rest[i..i + j + 1];
        out.push(tag);
        rest = &rest[i + j + 1..];
    }
    out
}

/// The attributes of a tag: (name lower-cased, raw value).
fn attributes(tag: &str) -> Vec<(String, String)> {
    let inner = tag
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim_end_matches('/');
    let chars: Vec<char> = inner.chars().collect();
    let mut i = chars
        .iter()
        .position(|c| c.is_whitespace())
        .unwrap_or(chars.len());
    let mut out = Vec::new();
    while i < chars.len() {
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        let start = i;
        while i < chars.len() && !chars[i].is_whitespace() && chars[i] != '=' {
            i += 1;
        }
        let name: String = chars[start..i].iter().collect::<String>().to_lowercase();
        let mut value = String::new();
        if i < chars.len() && chars[i] == '=' {
            i += 1;
            if i < chars.len() && (chars[i] == '"' || chars[i] == '\'') {
                let q = chars[i];
                i += 1;
                while i < chars.len() && chars[i] != q {
                    value.push(chars[i]);
                    i += 1;
                }
                i += 1;
            } else {
                while i < chars.len() && !chars[i].is_whitespace() {
                    value.push(chars[i]);
                    i += 1;
                }
            }
        }
        if !name.is_empty() {
            out.push((name, value));
        }
    }
    out
}

#[tokio::test]
async fn xss_payloads_render_inert() {
    let app = app();
    let id = article_id(&app, "Harbour", XSS_OUTLET).await;
    let story = story_id(&app, "Harbour \"strike\"").await;
    let outlet = crate::params::seg(XSS_OUTLET);
    let pages = [
        "/".to_string(),
        format!("/article/{id}"),
        format!("/story/{story}"),
        format!("/outlet/{outlet}"),
        "/search?q=strike".into(),
        "/search?q=%3Cscript%3Ealert(1)%3C/script%3E".into(),
        "/day/2023-11-12".into(),
        "/entity/Marta%20Holm".into(),
        "/story/%3Cscript%3E".into(),
        "/entity/%3Cimg%20src=x%20onerror=alert(1)%3E".into(),
    ];
    for uri in &pages {
        let (status, _, body) = get(&app, uri).await;
        assert!(status.as_u16() < 500, "{uri}: {status}");
        // Escaped text holds no `<`: every `<` opens one of our own tags.
        for tag in tags(&body) {
            let lower = tag.to_lowercase();
            let name: String = lower
                .trim_start_matches(['<', '/', '!'])
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            assert!(
                ALLOWED.contains(&name.as_str()),
                "{uri}: unexpected <{name}> in {tag}"
            );
            if name == "script" && !lower.starts_with("</") {
                assert!(
                    lower == "<script src=\"/static/app.js\" defer>"
                        || lower == "<script type=\"application/ld+json\">",
                    "{uri}: unexpected {tag}"
                );
            }
            for (attr, value) in attributes(tag) {
                assert!(
                    !attr.starts_with("on") && attr != "style" && attr != "srcdoc",
                    "{uri}: attribute {attr} in {tag}"
                );
                if ["href", "src", "action", "formaction"].contains(&attr.as_str()) {
                    let v = value.to_lowercase();
                    assert!(
                        v.starts_with('/')
                            || v.starts_with('#')
                            || v.starts_with("http://")
                            || v.starts_with("https://"),
                        "{uri}: {attr}={value} in {tag}"
                    );
                }
            }
        }
    }
    // The payloads are there, as text.
    let (_, _, body) = get(&app, &format!("/article/{id}")).await;
    assert!(
        body.contains("&lt;script&gt;alert('title')&lt;/script&gt;"),
        "{body}"
    );
    assert!(body.contains("&lt;img src=x onerror=alert('author')&gt;"));
    assert!(
        !body.contains("rel=\"noopener noreferrer nofollow\""),
        "no link for javascript: URLs"
    );
    // JSON-LD keeps the payload as data, with `<` escaped.
    let start = body.find("application/ld+json\">").unwrap() + "application/ld+json\">".len();
    let end = start + body[start..].find("</script>").unwrap();
    let ld: Value = serde_json::from_str(&body[start..end]).unwrap();
    assert_eq!(ld["@graph"][0]["headline"], XSS_TITLE);
    assert!(!body[start..end].contains('<'));
    // The API returns them as JSON strings.
    let (_, v) = json(&app, &format!("/api/articles/{id}")).await;
    assert_eq!(v["annotated"]["title"], XSS_TITLE);
}

#[test]
fn marked_splits_paragraphs_and_overlapping_spans() {
    let text = "Ab cd.\n\nEf “gh” 12.";
    // "cd" a claim; "gh 12" a quote and "12" a claim inside it.
    let p = marked(text, &[(3, 5, 1), (12, 18, 2), (16, 18, 1), (100, 200, 1)]);
    assert_eq!(p.len(), 2);
    assert_eq!(
        p[0],
        vec![("Ab ".into(), 0), ("cd".into(), 1), (".".into(), 0)]
    );
    assert_eq!(
        p[1],
        vec![
            ("Ef “".into(), 0),
            ("gh” ".into(), 2),
            ("12".into(), 3),
            (".".into(), 0)
        ]
    );
}

#[test]
fn xml_escape_keeps_text_and_drops_what_xml_forbids() {
    let s = crate::feeds::xml_escape("a<b>&\"c'\u{0}\u{1b}d\né");
    assert_eq!(s, "a&lt;b&gt;&amp;&quot;c&apos;d\né");
    let doc = format!("<t>{s}</t>");
    assert!(parse_xml(&doc).is_ok());
}

#[test]
fn json_ld_cannot_close_its_script() {
    let v = serde_json::json!({"t": "</script><script>alert(1)</script> & <!--"});
    let s = crate::jsonld::script_safe(&v);
    assert!(!s.contains('<') && !s.contains('>') && !s.contains('&'));
    let back: Value = serde_json::from_str(&s).unwrap();
    assert_eq!(back, v);
}

#[test]
fn numbers_are_written_as_people_read_them() {
    assert_eq!(crate::svg::number(75000.0), "75,000");
    assert_eq!(crate::svg::number(9_000_000.0), "9,000,000");
    assert_eq!(crate::svg::number(-1234.0), "-1,234");
    assert_eq!(crate::svg::number(12.5), "12.5");
    assert_eq!(crate::svg::number(f64::NAN), "");
}
