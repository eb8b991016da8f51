//! End-to-end tests of collection (`feeds`, `watch`, `ingest URL`, `ingest x.warc.gz`)
//! against servers on 127.0.0.1 that misbehave on purpose: slow drips, hanging
//! connections, 500s then success, 429 with Retry-After, redirect loops, a 50 MB body,
//! a wrong Content-Type, invalid XML, relative links and duplicate GUIDs, robots.txt
//! disallowing a path. Delays are shortened through the STORYLINE_FETCH_* variables.

mod common;

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::*;
use serde_json::Value;

/// The least time between two requests to one host in these tests.
const DELAY_MS: u64 = 120;

/// One request as the server saw it.
#[derive(Debug, Clone)]
struct Hit {
    path: String,
    at: Instant,
    headers: String,
}

type Handler = dyn Fn(&str, &str, usize, &mut TcpStream) + Send + Sync;

/// A server on 127.0.0.1 (one "host"), one thread per connection.
struct Server {
    base: String,
    log: Arc<Mutex<Vec<Hit>>>,
}

impl Server {
    /// `handler(path, headers, nth request of this path, stream)` writes the response.
    fn start(handler: Arc<Handler>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let base = format!("http://{}", listener.local_addr().unwrap());
        let log = Arc::new(Mutex::new(Vec::new()));
        let log2 = log.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { return };
                let log = log2.clone();
                let handler = handler.clone();
                std::thread::spawn(move || {
                    // Keep-alive: serve requests on the connection until it closes.
                    loop {
                        let Some((path, headers)) = read_request(&mut stream) else {
                            return;
                        };
                        let nth = {
                            let mut l = log.lock().unwrap();
                            l.push(Hit {
                                path: path.clone(),
                                at: Instant::now(),
                                headers: headers.clone(),
                            });
                            l.iter().filter(|h| h.path == path).count()
                        };
                        handler(&path, &headers, nth, &mut stream);
                        if stream.flush().is_err() {
                            return;
                        }
                    }
                });
            }
        });
        Server { base, log }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn hits(&self, path: &str) -> Vec<Hit> {
        self.log
            .lock()
            .unwrap()
            .iter()
            .filter(|h| h.path == path)
            .cloned()
            .collect()
    }

    /// Forgets the requests seen so far (before another process's run).
    fn forget(&self) {
        self.log.lock().unwrap().clear();
    }

    /// Asserts that requests to this host never came closer than the delay (and so
    /// never two at once).
    fn assert_polite(&self) {
        let log = self.log.lock().unwrap();
        let mut times: Vec<&Hit> = log.iter().collect();
        times.sort_by_key(|h| h.at);
        for w in times.windows(2) {
            let gap = w[1].at - w[0].at;
            assert!(
                gap >= Duration::from_millis(DELAY_MS - 10),
                "{}: {} then {} only {gap:?} apart",
                self.base,
                w[0].path,
                w[1].path
            );
        }
    }
}

fn read_request(stream: &mut TcpStream) -> Option<(String, String)> {
    let mut buf = Vec::new();
    let mut byte = [0u8; 1];
    while !buf.ends_with(b"\r\n\r\n") {
        match stream.read(&mut byte) {
            Ok(1) => buf.push(byte[0]),
            _ => return None,
        }
        if buf.len() > 64 << 10 {
            return None;
        }
    }
    let text = String::from_utf8_lossy(&buf).to_string();
    let path = text.split_whitespace().nth(1)?.to_string();
    Some((path, text.to_ascii_lowercase()))
}

fn respond(s: &mut TcpStream, status: &str, headers: &str, body: &[u8]) {
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\n{headers}\r\n",
        body.len()
    );
    let _ = s.write_all(head.as_bytes());
    let _ = s.write_all(body);
}

fn html(title: &str, topic: &str) -> String {
    let para = |i: usize| {
        format!(
            "<p>The {topic} was reported by residents of the lower valley early on Friday, \
             paragraph {i}. Officials from the regional water authority said that crews were \
             working through the night and that 1,200 people had been moved to shelters in \
             the town hall and two schools, while engineers inspected the embankment.</p>"
        )
    };
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title>\
         <meta name=\"author\" content=\"Mara Lind\"></head><body><nav>Home News Sport</nav>\
         <article><h1>{title}</h1>{}</article><footer>Valley Courier</footer></body></html>",
        (1..=5).map(para).collect::<String>()
    )
}

/// The news site: a feed of items that misbehave in every way.
fn news_site() -> Server {
    Server::start(Arc::new(
        |path: &str, headers: &str, nth: usize, s: &mut TcpStream| {
            let ok_html = |s: &mut TcpStream, title: &str| {
                respond(
                    s,
                    "200 OK",
                    "Content-Type: text/html; charset=utf-8\r\n",
                    html(title, title).as_bytes(),
                )
            };
            match path {
            "/robots.txt" => respond(
                s,
                "200 OK",
                "Content-Type: text/plain\r\n",
                b"User-agent: *\nDisallow: /private/\n\nUser-agent: storyline\nDisallow: /private/\nCrawl-delay: 0.12\n",
            ),
            "/feed.xml" => {
                if headers.contains("if-none-match: \"feed-v1\"") {
                    respond(s, "304 Not Modified", "ETag: \"feed-v1\"\r\n", b"");
                    return;
                }
                let items = [
                    ("g1", "/news/dam-breach"),
                    ("g1", "/news/dam-breach-duplicate-guid"),
                    ("g2", "news/relative-toll"),
                    ("g3", "/news/dam-breach"),
                    ("g4", "/news/drip"),
                    ("g5", "/news/flaky"),
                    ("g6", "/news/busy"),
                    ("g7", "/news/moved"),
                    ("g8", "/news/octet"),
                    ("g9", "/private/secret"),
                    ("g10", "/news/big"),
                    ("g11", "/news/loop"),
                    ("g12", "/news/gone"),
                    ("g13", "/news/hang"),
                ];
                let body: String = items
                    .iter()
                    .map(|(g, l)| {
                        format!("<item><title>{l}</title><link>{l}</link><guid>{g}</guid></item>")
                    })
                    .collect();
                let rss = format!(
                    "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Valley Courier</title>{body}</channel></rss>"
                );
                // A wrong Content-Type: the feed is told by its content.
                respond(
                    s,
                    "200 OK",
                    "Content-Type: text/html\r\nETag: \"feed-v1\"\r\n",
                    rss.as_bytes(),
                );
            }
            "/news/dam-breach" => ok_html(s, "Dam breach floods the lower valley"),
            "/news/relative-toll" => ok_html(s, "Toll rises after the dam breach"),
            "/news/final" => ok_html(s, "Moved story about the evacuation"),
            "/news/drip" => {
                // Headers at once, then the body in slow drops (well within the timeout).
                let body = html("Slow drip story about the shelters", "shelter");
                let _ = s.write_all(
                    format!(
                        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n",
                        body.len()
                    )
                    .as_bytes(),
                );
                for chunk in body.as_bytes().chunks(body.len() / 8 + 1) {
                    std::thread::sleep(Duration::from_millis(40));
                    let _ = s.write_all(chunk);
                    let _ = s.flush();
                }
            }
            "/news/flaky" if nth <= 2 => respond(s, "500 Internal Server Error", "", b"oops"),
            "/news/flaky" => ok_html(s, "Flaky server story about the repairs"),
            "/news/busy" if nth == 1 => {
                respond(s, "429 Too Many Requests", "Retry-After: 1\r\n", b"")
            }
            "/news/busy" => ok_html(s, "Busy server story about the engineers"),
            "/news/moved" => respond(s, "301 Moved Permanently", "Location: /news/final\r\n", b""),
            "/news/octet" => respond(
                s,
                "200 OK",
                "Content-Type: application/octet-stream\r\n",
                html("Wrong type story about the schools", "school").as_bytes(),
            ),
            "/news/big" => {
                // 50 MB, chunked (no length to refuse it by): the reader must stop.
                let _ = s.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n");
                let chunk = vec![b'a'; 1 << 20];
                for _ in 0..50 {
                    let head = format!("{:x}\r\n", chunk.len());
                    if s.write_all(head.as_bytes()).is_err()
                        || s.write_all(&chunk).is_err()
                        || s.write_all(b"\r\n").is_err()
                    {
                        return;
                    }
                }
                let _ = s.write_all(b"0\r\n\r\n");
            }
            "/news/loop" => respond(s, "302 Found", "Location: /news/loop2\r\n", b""),
            "/news/loop2" => respond(s, "302 Found", "Location: /news/loop\r\n", b""),
            "/news/gone" => respond(s, "404 Not Found", "", b"no"),
            "/news/hang" => {
                // Never answers; the client gives up at its timeout.
                std::thread::sleep(Duration::from_secs(20));
            }
            _ => respond(s, "404 Not Found", "", b""),
        }
        },
    ))
}

/// A site whose feed is invalid XML, and one with a Google News sitemap.
fn other_sites() -> (Server, Server) {
    let broken = Server::start(Arc::new(
        |path: &str, _: &str, _: usize, s: &mut TcpStream| {
            match path {
            "/feed.atom" => respond(
                s,
                "200 OK",
                "Content-Type: application/atom+xml\r\n",
                b"<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Broken</title><entry><title>x</titl></feed>",
            ),
            _ => respond(s, "404 Not Found", "", b""),
        }
        },
    ));
    let sitemap = Server::start(Arc::new(
        |path: &str, _: &str, _: usize, s: &mut TcpStream| {
            match path {
            "/news-sitemap.xml" => respond(
                s,
                "200 OK",
                "Content-Type: application/xml\r\n",
                b"<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\
                  <url><loc>/wire/one</loc><news:news><news:publication_date>2024-03-01T09:00:00Z</news:publication_date><news:title>Wire one</news:title></news:news></url>\
                  <url><loc>/wire/two</loc><news:news><news:publication_date>2024-03-01T11:00:00Z</news:publication_date><news:title>Wire two</news:title></news:news></url>\
                  </urlset>",
            ),
            "/wire/one" => respond(s, "200 OK", "Content-Type: text/html\r\n", html("Wire one: levee holds", "levee").as_bytes()),
            "/wire/two" => respond(s, "200 OK", "Content-Type: text/html\r\n", html("Wire two: rain eases", "rain").as_bytes()),
            _ => respond(s, "404 Not Found", "", b""),
        }
        },
    ));
    (broken, sitemap)
}

/// Runs storyline with the short test delays.
fn run_fast(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_storyline"))
        .args(args)
        .current_dir(root())
        .env("STORYLINE_FETCH_DELAY_MS", DELAY_MS.to_string())
        .env("STORYLINE_FETCH_TIMEOUT_MS", "1000")
        .env("STORYLINE_FETCH_BACKOFF_MS", "50")
        .env("STORYLINE_FETCH_RETRIES", "2")
        .env("STORYLINE_FETCH_MAX_BYTES", "5000000")
        .stdin(Stdio::null())
        .output()
        .expect("run storyline")
}

fn text(o: &Output) -> String {
    format!(
        "{}\n{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// The URLs of the articles in the store.
fn stored_urls(db: &Path) -> Vec<String> {
    let out = run(&[
        "export",
        "--format",
        "jsonl",
        "--db",
        &db.display().to_string(),
    ]);
    assert!(out.status.success(), "{}", text(&out));
    let mut urls: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter_map(|v| v["url"].as_str().map(str::to_string))
        .collect();
    urls.sort();
    urls
}

fn feeds_json(db: &str) -> Vec<Value> {
    let out = run(&["feeds", "list", "--json", "--db", db]);
    assert!(out.status.success(), "{}", text(&out));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

#[test]
fn watch_collects_everything_collectable_politely_then_polls_conditionally() {
    let news = news_site();
    let (broken, sitemap) = other_sites();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store");
    let d = db.display().to_string();

    let out = run(&[
        "feeds",
        "add",
        "--db",
        &d,
        &news.url("/feed.xml"),
        &broken.url("/feed.atom"),
        &sitemap.url("/news-sitemap.xml"),
        "ftp://not.example/feed",
    ]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a bad URL fails: {}",
        text(&out)
    );
    assert_eq!(feeds_json(&d).len(), 3);

    let started = Instant::now();
    let out = run_fast(&["watch", "--once", "--db", &d]);
    let first = text(&out);
    assert_eq!(out.status.code(), Some(1), "some pages fail: {first}");
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "{:?}",
        started.elapsed()
    );

    let base = &news.base;
    let want: Vec<String> = {
        let mut w = vec![
            format!("{base}/news/busy"),
            format!("{base}/news/dam-breach"),
            format!("{base}/news/drip"),
            format!("{base}/news/final"),
            format!("{base}/news/flaky"),
            format!("{base}/news/octet"),
            format!("{base}/news/relative-toll"),
            sitemap.url("/wire/one"),
            sitemap.url("/wire/two"),
        ];
        w.sort();
        w
    };
    let got = stored_urls(&db);
    // A page's article keeps the URL it was fetched at (the redirect's end for /news/moved).
    let missing: Vec<_> = want.iter().filter(|u| !got.contains(u)).collect();
    assert!(
        missing.is_empty(),
        "missing {missing:?} in {got:?}\n{first}"
    );
    assert_eq!(got.len(), want.len(), "{got:?}");

    // Failures are each one line naming the URL.
    for (path, why) in [
        ("/news/big", "over the limit"),
        ("/news/loop", "redirect loop"),
        ("/news/gone", "HTTP 404"),
        ("/news/hang", "timed out"),
        ("/private/secret", "robots.txt"),
    ] {
        let url = news.url(path);
        assert!(
            first.lines().any(|l| l.contains(&url) && l.contains(why)),
            "no line for {url} ({why}):\n{first}"
        );
    }
    assert!(
        first.contains("Broken") || first.contains("invalid atom feed"),
        "{first}"
    );

    // The server saw what the collector promised.
    assert!(
        news.hits("/private/secret").is_empty(),
        "robots.txt ignored"
    );
    assert_eq!(news.hits("/news/gone").len(), 1, "no retry on 404");
    assert_eq!(news.hits("/news/flaky").len(), 3, "500, 500, then 200");
    let busy = news.hits("/news/busy");
    assert_eq!(busy.len(), 2);
    assert!(
        busy[1].at - busy[0].at >= Duration::from_millis(950),
        "Retry-After: 1 honoured"
    );
    assert_eq!(
        news.hits("/news/hang").len(),
        3,
        "a hanging page is retried, then given up"
    );
    assert_eq!(
        news.hits("/news/dam-breach").len(),
        1,
        "duplicates fetched once"
    );
    assert!(news.hits("/robots.txt").len() == 1);
    assert!(
        news.hits("/feed.xml")[0]
            .headers
            .contains("user-agent: storyline/")
    );
    for s in [&news, &broken, &sitemap] {
        s.assert_polite();
    }

    // The feeds' status.
    let list = feeds_json(&d);
    let by_url: HashMap<&str, &Value> = list
        .iter()
        .map(|f| (f["url"].as_str().unwrap(), f))
        .collect();
    let rss = by_url[news.url("/feed.xml").as_str()];
    assert_eq!(rss["kind"], "rss");
    assert_eq!(rss["title"], "Valley Courier");
    assert_eq!(rss["etag"], "\"feed-v1\"");
    assert_eq!(rss["failures"], 0);
    assert_eq!(
        rss["items"], 12,
        "14 items less one duplicate GUID and one duplicate link"
    );
    let atom = by_url[broken.url("/feed.atom").as_str()];
    assert_eq!(atom["failures"], 1);
    assert!(
        atom["last_error"].as_str().unwrap().contains("invalid"),
        "{atom}"
    );
    assert!(atom["next_poll"].as_str().unwrap() > atom["last_poll"].as_str().unwrap());
    assert_eq!(
        by_url[sitemap.url("/news-sitemap.xml").as_str()]["kind"],
        "sitemap"
    );

    // Round two: the feed answers 304, nothing new is added.
    let feed_hits = news.hits("/feed.xml").len();
    let out = run_fast(&["watch", "--once", "--all", "--db", &d]);
    let second = text(&out);
    let hits = news.hits("/feed.xml");
    assert_eq!(hits.len(), feed_hits + 1);
    assert!(
        hits.last()
            .unwrap()
            .headers
            .contains("if-none-match: \"feed-v1\"")
    );
    assert_eq!(stored_urls(&db), got, "{second}");
    assert!(second.contains("1 unchanged"), "{second}");
    assert!(second.contains("0 new items"), "{second}");
    news.assert_polite();
    let atom = feeds_json(&d)
        .into_iter()
        .find(|f| f["url"] == broken.url("/feed.atom"))
        .unwrap();
    assert_eq!(atom["failures"], 2, "a failing feed keeps counting");
}

#[test]
fn ingest_urls_pages_and_feeds() {
    let (_, sitemap) = other_sites();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store");
    let d = db.display().to_string();
    let out = run_fast(&[
        "ingest",
        "--db",
        &d,
        &sitemap.url("/news-sitemap.xml"),
        &sitemap.url("/missing"),
    ]);
    let t = text(&out);
    assert_eq!(out.status.code(), Some(1), "{t}");
    assert!(
        t.contains(&format!("{}: HTTP 404", sitemap.url("/missing"))),
        "{t}"
    );
    assert_eq!(
        stored_urls(&db),
        [sitemap.url("/wire/one"), sitemap.url("/wire/two")]
    );
    sitemap.assert_polite();
    // A page URL on its own, by a new process: the delay is kept within a process (a new
    // one knows nothing of the last one's requests, and may start sooner than the delay
    // after it), so politeness is checked per run.
    sitemap.forget();
    let out = run_fast(&["ingest", "--db", &d, &sitemap.url("/wire/one")]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("1 unchanged"), "{}", text(&out));
    sitemap.assert_polite();
}

/// One WARC record, gzip-compressed on its own.
fn warc_record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-03-01T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:{}>\r\nContent-Length: {}\r\n\r\n",
        uri.len(),
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&r).unwrap();
    gz.finish().unwrap()
}

#[test]
fn ingest_a_warc_archive_gzip_per_record() {
    let dir = tempfile::tempdir().unwrap();
    let warc = dir.path().join("crawl.warc.gz");
    let page = |title: &str, charset: &str, body: Vec<u8>| {
        let mut b = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset={charset}\r\nContent-Length: {}\r\n\r\n",
            body.len()
        )
        .into_bytes();
        b.extend_from_slice(&body);
        let _ = title;
        b
    };
    // A Latin-1 page: its charset comes only from the HTTP header inside the record.
    let latin1: Vec<u8> = html("Café owners count the damage", "café")
        .replace("<meta charset=\"utf-8\">", "")
        .chars()
        .map(|c| c as u32 as u8)
        .collect();
    let mut bytes = warc_record("warcinfo", "", b"software: storyline tests\r\n");
    bytes.extend(warc_record(
        "response",
        "https://courier.example/news/cafe",
        &page("cafe", "iso-8859-1", latin1),
    ));
    bytes.extend(warc_record(
        "request",
        "https://courier.example/news/cafe",
        b"GET /news/cafe HTTP/1.1\r\n\r\n",
    ));
    bytes.extend(warc_record(
        "response",
        "https://courier.example/news/levee",
        &page(
            "levee",
            "utf-8",
            html("Levee holds overnight", "levee").into_bytes(),
        ),
    ));
    bytes.extend(warc_record(
        "response",
        "https://courier.example/news/missing",
        b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n",
    ));
    std::fs::write(&warc, bytes).unwrap();
    let db = dir.path().join("store");
    let d = db.display().to_string();
    let out = run(&["ingest", "--json", "--db", &d, &warc.display().to_string()]);
    let t = text(&out);
    assert_eq!(
        out.status.code(),
        Some(1),
        "the 404 record is a failure: {t}"
    );
    let summary: Value = serde_json::from_slice(&out.stdout).expect("summary");
    assert_eq!(summary["added"], 2, "{t}");
    assert_eq!(summary["failed"], 1, "{t}");
    assert!(
        t.contains("crawl.warc.gz#5: an HTTP 404 response in the archive"),
        "{t}"
    );
    assert_eq!(
        stored_urls(&db),
        [
            "https://courier.example/news/cafe",
            "https://courier.example/news/levee"
        ]
    );
    let out = run(&["export", "--format", "jsonl", "--db", &d]);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("Café owners count the damage"),
        "the record's charset is used"
    );
}

#[test]
fn feeds_import_export_list_remove() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("store").display().to_string();
    let opml = dir.path().join("subs.opml");
    std::fs::write(
        &opml,
        r#"<?xml version="1.0"?><opml version="2.0"><head><title>mine</title></head><body>
<outline text="News"><outline text="Europe">
  <outline text="Le Courrier" type="rss" xmlUrl="https://courrier.example/rss"/></outline>
  <outline text="Wire" type="rss" xmlUrl="https://wire.example/atom"/></outline>
<outline text="Top" type="rss" xmlUrl="https://top.example/feed.json"/>
<outline text="Bad" type="rss" xmlUrl="javascript:alert(1)"/>
</body></opml>"#,
    )
    .unwrap();
    let out = run(&["feeds", "import", "--db", &d, &opml.display().to_string()]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(text(&out).contains("3 added"), "{}", text(&out));
    let list = feeds_json(&d);
    assert_eq!(list.len(), 3);
    let courrier = list
        .iter()
        .find(|f| f["url"] == "https://courrier.example/rss")
        .unwrap();
    assert_eq!(courrier["folder"], "News/Europe");
    assert_eq!(courrier["title"], "Le Courrier");
    for key in [
        "last_success",
        "last_error",
        "next_poll",
        "failures",
        "items",
    ] {
        assert!(courrier.get(key).is_some(), "{key} missing: {courrier}");
    }
    let out = run(&["feeds", "export", "--db", &d]);
    let exported = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(exported.contains("<outline text=\"Europe\""), "{exported}");
    std::fs::write(&opml, &exported).unwrap();
    let d2 = dir.path().join("other").display().to_string();
    let out = run(&["feeds", "import", "--db", &d2, &opml.display().to_string()]);
    assert!(out.status.success(), "{}", text(&out));
    // Same subscriptions, same folders and titles (the times differ).
    let strip = |v: Vec<Value>| {
        v.into_iter()
            .map(|f| (f["url"].clone(), f["folder"].clone(), f["title"].clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(strip(feeds_json(&d2)), strip(feeds_json(&d)));
    let out = run(&[
        "feeds",
        "remove",
        "--db",
        &d,
        "https://wire.example/atom",
        "https://nope.example/",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(feeds_json(&d).len(), 2);
    let out = run(&["feeds", "list", "--db", &d]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("never polled"));
}

/// An RSS feed of (guid, absolute link) items.
fn rss(title: &str, items: &[(&str, String)]) -> String {
    let body: String = items
        .iter()
        .map(|(g, l)| format!("<item><title>{g}</title><link>{l}</link><guid>{g}</guid></item>"))
        .collect();
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>{title}</title>{body}</channel></rss>"
    )
}

/// A feed on one host whose two items live on two hosts: the first page is served at
/// once, the second (on the other host) hangs while `hang` is set.
fn split_sites(hang: Arc<std::sync::atomic::AtomicBool>) -> (Server, Server) {
    use std::sync::atomic::Ordering;
    let slow = Server::start(Arc::new(
        move |path: &str, _: &str, _: usize, s: &mut TcpStream| match path {
            "/news/levee-repairs" if hang.load(Ordering::SeqCst) => {
                // Headers, then nothing: the fetch waits for a body that does not come.
                let _ = s.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n<html>");
                std::thread::sleep(Duration::from_secs(60));
            }
            "/news/levee-repairs" => respond(
                s,
                "200 OK",
                "Content-Type: text/html\r\n",
                html("Levee repairs begin", "levee").as_bytes(),
            ),
            _ => respond(s, "404 Not Found", "", b""),
        },
    ));
    let slow_base = slow.base.clone();
    let fast = Server::start(Arc::new(
        move |path: &str, _: &str, _: usize, s: &mut TcpStream| match path {
            "/feed.xml" => respond(
                s,
                "200 OK",
                "Content-Type: application/rss+xml\r\n",
                rss(
                    "Harbour Gazette",
                    &[
                        ("h1", "/news/ferry-halted".to_string()),
                        ("h2", format!("{slow_base}/news/levee-repairs")),
                    ],
                )
                .as_bytes(),
            ),
            "/news/ferry-halted" => respond(
                s,
                "200 OK",
                "Content-Type: text/html\r\n",
                html("Ferry service halted by storm", "ferry").as_bytes(),
            ),
            _ => respond(s, "404 Not Found", "", b""),
        },
    ));
    (fast, slow)
}

/// The crash window: a page fetched but not yet committed when the collector dies is
/// still pending, and the next run (its feed not even due) collects it.
#[test]
fn a_watch_killed_between_fetch_and_commit_loses_no_item() {
    use std::sync::atomic::{AtomicBool, Ordering};
    let hang = Arc::new(AtomicBool::new(true));
    let (fast, slow) = split_sites(hang.clone());
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store");
    let d = db.display().to_string();
    let out = run(&["feeds", "add", "--db", &d, &fast.url("/feed.xml")]);
    assert!(out.status.success(), "{}", text(&out));

    let mut child = Command::new(env!("CARGO_BIN_EXE_storyline"))
        .args(["watch", "--once", "--db", &d])
        .current_dir(root())
        .env("STORYLINE_FETCH_DELAY_MS", DELAY_MS.to_string())
        .env("STORYLINE_FETCH_TIMEOUT_MS", "60000")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn watch");
    let t = Instant::now();
    while (fast.hits("/news/ferry-halted").is_empty()
        || slow.hits("/news/levee-repairs").is_empty())
        && t.elapsed() < Duration::from_secs(30)
    {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(
        fast.hits("/news/ferry-halted").len(),
        1,
        "the first page was fetched"
    );
    // Time for the fetched page to reach ingest (it waits there for its batch).
    std::thread::sleep(Duration::from_millis(700));
    child.kill().expect("kill watch");
    let _ = child.wait();
    assert!(
        stored_urls(&db).is_empty(),
        "nothing was committed before the kill"
    );

    hang.store(false, Ordering::SeqCst);
    let out = run_fast(&["watch", "--once", "--db", &d]);
    assert!(out.status.success(), "{}", text(&out));
    // (stored_urls is sorted: the servers' ports decide which URL comes first)
    let mut want = vec![
        fast.url("/news/ferry-halted"),
        slow.url("/news/levee-repairs"),
    ];
    want.sort();
    assert_eq!(stored_urls(&db), want, "{}", text(&out));
    assert_eq!(
        fast.hits("/news/ferry-halted").len(),
        2,
        "the page fetched before the crash is fetched again"
    );
    assert_eq!(
        fast.hits("/feed.xml").len(),
        1,
        "the feed was not due again"
    );
    // Both are now collected: a third run has nothing to do.
    let out = run_fast(&["watch", "--once", "--db", &d]);
    assert!(text(&out).contains("no feed is due"), "{}", text(&out));
}

/// A GET on 127.0.0.1: (status, body).
fn http_get(addr: &str, path: &str) -> (u16, String) {
    let Ok(mut s) = TcpStream::connect(addr) else {
        return (0, String::new());
    };
    let _ = s.set_read_timeout(Some(Duration::from_secs(10)));
    let _ = write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    );
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf);
    let text = String::from_utf8_lossy(&buf).to_string();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = text.split_once("\r\n\r\n").map(|x| x.1).unwrap_or("");
    (status, body.to_string())
}

/// `serve --watch`: the collector runs inside the server; an article published on a
/// subscribed feed shows up in the server's search and stories; the user agent given
/// is the one sent.
#[test]
fn serve_watch_collects_into_the_running_server() {
    use std::io::BufRead;
    use std::sync::atomic::AtomicBool;
    let (fast, slow) = split_sites(Arc::new(AtomicBool::new(false)));
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store");
    let d = db.display().to_string();
    let out = run(&["feeds", "add", "--db", &d, &fast.url("/feed.xml")]);
    assert!(out.status.success(), "{}", text(&out));

    let mut child = Command::new(env!("CARGO_BIN_EXE_storyline"))
        .args(["serve", "--watch", "--addr", "127.0.0.1:0", "--db", &d])
        .current_dir(root())
        .env("STORYLINE_FETCH_DELAY_MS", DELAY_MS.to_string())
        .env("STORYLINE_FETCH_TIMEOUT_MS", "2000")
        .env(
            "STORYLINE_USER_AGENT",
            "HarbourBot/1.0 (+https://news.example.org/bot)",
        )
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn serve --watch");
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .trim()
        .strip_prefix("storyline: serving http://")
        .and_then(|s| s.strip_suffix('/'))
        .unwrap_or_else(|| panic!("unexpected first line: {line:?}"))
        .to_string();
    // The collector stores without grouping; the server groups on its next refresh.
    let t = Instant::now();
    let mut found = (0, String::new());
    let (mut status, mut stories) = (0, String::new());
    while t.elapsed() < Duration::from_secs(40) {
        found = http_get(&addr, "/api/search?q=ferry");
        (status, stories) = http_get(&addr, "/api/stories?limit=50");
        if found.1.contains("/news/ferry-halted") && stories.contains("Ferry service halted") {
            break;
        }
        std::thread::sleep(Duration::from_millis(300));
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(found.1.contains("/news/ferry-halted"), "{found:?}");
    assert_eq!(status, 200);
    assert!(stories.contains("Ferry service halted"), "{stories}");
    let ua = &fast.hits("/feed.xml")[0].headers;
    assert!(
        ua.contains("user-agent: harbourbot/1.0 (+https://news.example.org/bot)"),
        "{ua}"
    );
    let _ = slow;
}
