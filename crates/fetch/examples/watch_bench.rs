//! Collection throughput of the real binary against local servers: HOSTS servers on
//! 127.0.0.1 (one port each: one "host" each for politeness) serving FEEDS RSS feeds
//! with PAGES pages in all (robots.txt: 404, as many sites have). It subscribes a fresh
//! store to every feed (`storyline feeds import`), then times
//!
//! 1. `storyline watch --once --max-items 0`: every feed polled, nothing fetched (feeds/s);
//! 2. `storyline watch --once`: the feeds are not due, the run picks up every pending
//!    item: all pages fetched, extracted, analysed, stored and grouped (pages/s);
//!
//! and with --memory N, the peak RSS of `storyline watch --once --max-items 0` over N
//! subscriptions (`/usr/bin/time -v`). The per-host delay is 0 (STORYLINE_FETCH_DELAY_MS)
//! so that the figures are the collector's, not the politeness.
//!
//! `cargo build --release --bin storyline && cargo run --release -p storyline-fetch
//!  --example watch_bench -- target/release/storyline [FEEDS] [PAGES] [HOSTS] [--memory N]`

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::time::Instant;

/// A server answering `/feed/N.xml` (ITEMS items linking to `/page/N/I`) and
/// `/page/N/I` (a news page), 404 for the rest. One thread per connection, keep-alive.
fn serve(items: usize) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    let base2 = Arc::new(base.clone());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut s) = stream else { return };
            let base = base2.clone();
            std::thread::spawn(move || {
                let mut buf = [0u8; 4096];
                let mut req = Vec::new();
                loop {
                    let n = match s.read(&mut buf) {
                        Ok(0) | Err(_) => return,
                        Ok(n) => n,
                    };
                    req.extend_from_slice(&buf[..n]);
                    while let Some(end) = req.windows(4).position(|w| w == b"\r\n\r\n") {
                        let head = String::from_utf8_lossy(&req[..end]).to_string();
                        req.drain(..end + 4);
                        let path = head.split_whitespace().nth(1).unwrap_or("/").to_string();
                        let (status, ctype, body) = answer(&base, &path, items);
                        let head = format!(
                            "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n\r\n",
                            body.len()
                        );
                        if s.write_all(head.as_bytes()).is_err()
                            || s.write_all(body.as_bytes()).is_err()
                        {
                            return;
                        }
                    }
                }
            });
        }
    });
    base
}

const PLACES: [&str; 8] = [
    "Vardena",
    "Orvalle",
    "Kestrel Bay",
    "Lowmarsh",
    "Tarn",
    "Halden",
    "Brightwater",
    "Sorrel",
];
const EVENTS: [&str; 6] = [
    "flood defences",
    "rail strike",
    "hospital budget",
    "harbour fire",
    "school closures",
    "bridge repairs",
];

fn answer(base: &str, path: &str, items: usize) -> (&'static str, &'static str, String) {
    if let Some(n) = path
        .strip_prefix("/feed/")
        .and_then(|p| p.strip_suffix(".xml"))
    {
        let body: String = (0..items)
            .map(|i| {
                format!(
                    "<item><title>Item {i}</title><link>{base}/page/{n}/{i}</link><guid>{n}-{i}</guid>\
                     <pubDate>Mon, 30 Nov 2026 {:02}:{:02}:00 GMT</pubDate></item>",
                    i % 24,
                    i % 60
                )
            })
            .collect();
        let rss = format!(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed {n}</title>{body}</channel></rss>"
        );
        return ("200 OK", "application/rss+xml", rss);
    }
    if let Some(rest) = path.strip_prefix("/page/") {
        let (n, i) = rest.split_once('/').unwrap_or((rest, "0"));
        let n: usize = n.parse().unwrap_or(0);
        let i: usize = i.parse().unwrap_or(0);
        let place = PLACES[(n + i) % PLACES.len()];
        let event = EVENTS[(n * 7 + i) % EVENTS.len()];
        let para = |k: usize| {
            format!(
                "<p>Officials in {place} said on Monday that the {event} would cost {} million \
                 euros, paragraph {k}. Residents told reporters that {} families had been \
                 affected and that the council would meet again on Thursday.</p>",
                10 + (n * 31 + i * 7 + k) % 90,
                100 + (n * 13 + i) % 900
            )
        };
        let html = format!(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{place}: {event} ({n}-{i})</title></head>\
             <body><article><h1>{place}: {event} update {n}-{i}</h1>{}</article></body></html>",
            (1..=6).map(para).collect::<String>()
        );
        return ("200 OK", "text/html; charset=utf-8", html);
    }
    ("404 Not Found", "text/plain", String::new())
}

fn storyline(bin: &str, db: &Path, args: &[&str]) -> (f64, String) {
    let t = Instant::now();
    let out = Command::new(bin)
        .args(args)
        .arg("--db")
        .arg(db)
        .env("STORYLINE_FETCH_DELAY_MS", "0")
        .output()
        .expect("run storyline");
    let secs = t.elapsed().as_secs_f64();
    let err = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stderr),
        if out.status.success() {
            String::new()
        } else {
            format!("exit: {}\n", out.status)
        }
    );
    (secs, err)
}

/// A store subscribed to `feeds` feeds spread over `hosts` servers.
fn subscribe(
    bin: &str,
    dir: &Path,
    feeds: usize,
    hosts: usize,
    items: usize,
) -> std::path::PathBuf {
    let bases: Vec<String> = (0..hosts).map(|_| serve(items)).collect();
    let outlines: String = (0..feeds)
        .map(|n| {
            format!(
                "<outline type=\"rss\" text=\"Feed {n}\" xmlUrl=\"{}/feed/{n}.xml\"/>",
                bases[n % hosts]
            )
        })
        .collect();
    std::fs::create_dir_all(dir).expect("bench dir");
    let opml = dir.join("feeds.opml");
    std::fs::write(
        &opml,
        format!("<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>bench</title></head><body>{outlines}</body></opml>"),
    )
    .expect("write opml");
    let db = dir.join("store");
    let (_, err) = storyline(bin, &db, &["feeds", "import", &opml.display().to_string()]);
    eprint!("{err}");
    db
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let bin = args
        .first()
        .cloned()
        .unwrap_or("target/release/storyline".into());
    let memory: Option<usize> = args
        .iter()
        .position(|a| a == "--memory")
        .and_then(|i| args.get(i + 1)?.parse().ok());
    let nums: Vec<usize> = args
        .iter()
        .skip(1)
        .take_while(|a| *a != "--memory")
        .filter_map(|a| a.parse().ok())
        .collect();
    let feeds = nums.first().copied().unwrap_or(1000);
    let pages = nums.get(1).copied().unwrap_or(20_000);
    let hosts = nums.get(2).copied().unwrap_or(50);
    let tmp = std::env::temp_dir().join(format!("watch_bench_{}", std::process::id()));
    std::fs::create_dir_all(&tmp).expect("temp dir");

    if let Some(n) = memory {
        let db = subscribe(&bin, &tmp.join("mem"), n, hosts, 2);
        let out = Command::new("/usr/bin/time")
            .arg("-v")
            .arg(&bin)
            .args(["watch", "--once", "--max-items", "0", "--db"])
            .arg(&db)
            .env("STORYLINE_FETCH_DELAY_MS", "0")
            .output()
            .expect("run /usr/bin/time");
        let err = String::from_utf8_lossy(&out.stderr);
        let rss = err
            .lines()
            .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes):"))
            .unwrap_or("?")
            .trim()
            .to_string();
        let wall = err
            .lines()
            .find_map(|l| {
                l.trim()
                    .strip_prefix("Elapsed (wall clock) time (h:mm:ss or m:ss):")
            })
            .unwrap_or("?")
            .trim()
            .to_string();
        for l in err.lines().filter(|l| l.contains("watch:")) {
            println!("{l}");
        }
        println!("watch --once over {n} subscriptions: peak RSS {rss} kB, {wall} wall");
    } else {
        let items = pages.div_ceil(feeds.max(1));
        let db = subscribe(&bin, &tmp.join("run"), feeds, hosts, items);
        let (secs, err) = storyline(&bin, &db, &["watch", "--once", "--max-items", "0"]);
        for l in err.lines().filter(|l| l.contains("watch:")) {
            println!("{l}");
        }
        println!(
            "poll: {feeds} feeds ({items} items each, {hosts} hosts) in {secs:.2} s: {:.0} feeds/s",
            feeds as f64 / secs
        );
        let (secs, err) = storyline(&bin, &db, &["watch", "--once"]);
        for l in err.lines().rev().take(3) {
            println!("{l}");
        }
        let total = feeds * items;
        println!(
            "pages: {total} fetched+ingested in {secs:.2} s: {:.0} pages/s",
            total as f64 / secs
        );
    }
    let _ = std::fs::remove_dir_all(&tmp);
}
