//! End-to-end in a real browser: Debian's chromium, headless, driven through
//! chromedriver's WebDriver protocol (JSON over HTTP, spoken with the tiny client of
//! `web_common`). Follows home → story → article → search, checks that the ledger table
//! and the SVG charts render, that the page script ran and that the browser logged no
//! Content-Security-Policy violation, and saves screenshots under
//! `target/browser-screenshots/` (in `$CARGO_TARGET_DIR` when set). Skips (with a message) when chromium or chromedriver
//! is absent.

mod web_common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use web_common::{Server, ingest, request, root};

fn find(cmd: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|d| Path::new(d).join(cmd))
        .find(|p| p.is_file())
}

struct Driver {
    child: Child,
    addr: String,
    session: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = request(
                &self.addr,
                "DELETE",
                &format!("/session/{}", self.session),
                None,
            );
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Driver {
    fn start(chromium: &Path, chromedriver: &Path) -> Driver {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let addr = format!("127.0.0.1:{port}");
        let mut d = Driver {
            child,
            addr,
            session: String::new(),
        };
        let start = Instant::now();
        while std::net::TcpStream::connect(&d.addr).is_err() {
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:loggingPrefs": {"browser": "ALL"},
            "goog:chromeOptions": {
                "binary": chromium,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1100,1400", "--remote-debugging-port=0"]
            }
        }}});
        let v = d.call("POST", "/session", Some(caps));
        d.session = v["sessionId"].as_str().expect("a session").to_string();
        d
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let body = body.map(|b| b.to_string());
        let (status, _, text) = request(&self.addr, method, path, body.as_deref());
        let v: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        assert_eq!(status, 200, "{method} {path}: {text}");
        v["value"].clone()
    }

    fn s(&self, rest: &str) -> String {
        format!("/session/{}{rest}", self.session)
    }

    fn go(&self, url: &str) {
        self.call("POST", &self.s("/url"), Some(json!({"url": url})));
    }

    fn js(&self, script: &str) -> Value {
        self.call(
            "POST",
            &self.s("/execute/sync"),
            Some(json!({"script": script, "args": []})),
        )
    }

    fn screenshot(&self, name: &str) {
        let b64 = self.call("GET", &self.s("/screenshot"), None);
        let png = decode_base64(b64.as_str().expect("base64"));
        assert!(png.starts_with(b"\x89PNG"), "{name}: not a PNG");
        let dir = screenshots();
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
    }

    /// Console messages since the last call (chromedriver's log endpoint).
    fn console(&self) -> Vec<String> {
        let body = Some(json!({"type": "browser"}).to_string());
        let (status, _, text) = request(&self.addr, "POST", &self.s("/se/log"), body.as_deref());
        if status != 200 {
            return Vec::new();
        }
        let v: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        v["value"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|m| m["message"].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// `$CARGO_TARGET_DIR/browser-screenshots`, else `target/browser-screenshots`.
fn screenshots() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target"))
        .join("browser-screenshots")
}

fn decode_base64(s: &str) -> Vec<u8> {
    let val = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in s.bytes() {
        let Some(v) = val(c) else { continue };
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

#[test]
fn home_story_article_search_in_chromium() {
    let (Some(chromium), Some(chromedriver)) = (find("chromium"), find("chromedriver")) else {
        println!(
            "SKIPPED: chromium and chromedriver are needed (Debian: apt-get install chromium chromium-driver)"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store");
    ingest(
        &db,
        &[
            root().join("tests/fixtures/pages"),
            root().join("tests/fixtures/web"),
        ],
    );
    let server = Server::start(&db);
    let d = Driver::start(&chromium, &chromedriver);

    // Home.
    d.go(&server.url("/"));
    assert_eq!(
        d.js("return document.documentElement.dataset.js || ''"),
        "1",
        "app.js ran"
    );
    let title = d.js("return document.title");
    assert!(
        title.as_str().unwrap().contains("Latest stories"),
        "{title}"
    );
    d.screenshot("1-home");
    // Follow the Vardena story.
    let href = d.js(
        "var a = Array.from(document.querySelectorAll('li.story a.title')).find(a => a.textContent.includes('Vardena')); return a ? a.getAttribute('href') : null",
    );
    let href = href
        .as_str()
        .expect("a Vardena story on the home page")
        .to_string();
    d.js(&format!(
        "document.querySelector('a.title[href=\"{href}\"]').click(); return null"
    ));
    let start = Instant::now();
    while !d
        .js("return location.pathname")
        .as_str()
        .unwrap_or("")
        .starts_with("/story/")
    {
        assert!(start.elapsed() < Duration::from_secs(10), "no story page");
        std::thread::sleep(Duration::from_millis(100));
    }
    // The timeline chart has a size and bars; the ledger table has rows.
    let chart = d.js(
        "var s = document.querySelector('svg.chart.timeline'); if (!s) return null; var r = s.getBoundingClientRect(); return [r.width, r.height, s.querySelectorAll('rect').length]",
    );
    let chart = chart.as_array().expect("a timeline chart");
    assert!(
        chart[0].as_f64().unwrap() > 100.0 && chart[1].as_f64().unwrap() > 20.0,
        "{chart:?}"
    );
    assert!(chart[2].as_u64().unwrap() >= 2, "{chart:?}");
    let rows = d.js("return document.querySelectorAll('table.ledger tbody tr').length");
    assert!(rows.as_u64().unwrap() >= 2, "ledger rows: {rows}");
    let figure = d.js(
        "var s = document.querySelector('svg.chart.figure'); return s ? s.getBoundingClientRect().width : 0",
    );
    assert!(figure.as_f64().unwrap() > 50.0, "figure chart: {figure}");
    d.screenshot("2-story");
    // An article of the story.
    let href = d.js("return document.querySelector('#outlets ~ h3 + ul.articles a, ul.articles a').getAttribute('href')");
    d.go(&server.url(href.as_str().expect("an article link")));
    let marks = d.js("return document.querySelectorAll('section.text mark').length");
    assert!(marks.as_u64().unwrap() >= 1, "marks: {marks}");
    d.screenshot("3-article");
    // Search, through the form.
    d.go(&server.url("/search"));
    d.js("document.getElementById('q').value = 'Orvalle'; document.querySelector('form.filters').submit(); return null");
    let start = Instant::now();
    while d
        .js("return document.querySelectorAll('ol.hits li').length")
        .as_u64()
        .unwrap_or(0)
        == 0
    {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "no search results"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    d.screenshot("4-search");
    // The hostile page: nothing ran.
    d.go(&server.url("/search?q=strike"));
    let href = d.js(
        "var a = document.querySelector('ol.hits a'); return a ? a.getAttribute('href') : null",
    );
    d.go(&server.url(href.as_str().expect("the probe article")));
    assert_eq!(d.js("return typeof window.alert"), "function");
    assert_eq!(
        d.js("return document.querySelectorAll('img, iframe, section.text svg').length"),
        0
    );
    d.screenshot("5-hostile-article");

    let violations: Vec<String> = d
        .console()
        .into_iter()
        .filter(|m| m.contains("Content Security Policy") || m.contains("Refused to"))
        .collect();
    assert!(violations.is_empty(), "CSP violations: {violations:#?}");
    println!("screenshots in {}", screenshots().display());
}
