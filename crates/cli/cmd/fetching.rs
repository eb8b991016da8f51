//! Collection glue shared by `ingest URL…`, `ingest x.warc.gz` and `watch`: the fetcher's
//! settings, a producer thread running the async fetcher that hands pages to ingest's
//! pipeline as an iterator, and the fetch log written to the store.

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use storyline_fetch::feed;
use storyline_fetch::{Config, Fetched, Fetcher, Validators};
use storyline_store::feeds::{Feeds, LogEntry};

use crate::cmd::ingest::{WebItem, WebPage};

/// The help text of `--user-agent` (ingest, watch, serve).
pub const USER_AGENT_HELP: &str = "The User-Agent sent with every request (default: $STORYLINE_USER_AGENT, \
else `storyline/VERSION (self-hosted news collector)`). Name a page where site owners can \
reach you, e.g. `storyline/0.1 (+https://news.example.org/bot)`. Its product token (`storyline`) is \
the name robots.txt groups are matched against.";

/// The user agent: the one given, else `$STORYLINE_USER_AGENT`, else the default.
pub fn user_agent(given: Option<&str>) -> String {
    given
        .map(str::to_string)
        .or_else(|| std::env::var("STORYLINE_USER_AGENT").ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(storyline_fetch::http::user_agent)
}

/// The fetcher's settings: the defaults with this user agent, and the test knobs read
/// from the environment (`STORYLINE_FETCH_DELAY_MS`, `_TIMEOUT_MS`, `_BACKOFF_MS`,
/// `_RETRIES`, `_MAX_BYTES`, `_CONNECTIONS`, `_ROBOTS_RETRY_MS`).
pub fn config(user_agent: &str) -> Config {
    let num = |name: &str| -> Option<u64> {
        std::env::var(format!("STORYLINE_FETCH_{name}"))
            .ok()?
            .trim()
            .parse()
            .ok()
    };
    let mut c = Config {
        user_agent: user_agent.to_string(),
        ..Config::default()
    };
    if let Some(ms) = num("ROBOTS_RETRY_MS") {
        c.robots_retry = Duration::from_millis(ms);
    }
    if let Some(ms) = num("DELAY_MS") {
        c.host_delay = Duration::from_millis(ms);
    }
    if let Some(ms) = num("TIMEOUT_MS") {
        c.timeout = Duration::from_millis(ms);
        c.connect_timeout = c.connect_timeout.min(c.timeout);
    }
    if let Some(ms) = num("BACKOFF_MS") {
        c.backoff = Duration::from_millis(ms);
    }
    if let Some(n) = num("RETRIES") {
        c.retries = n.min(10) as u32;
    }
    if let Some(n) = num("MAX_BYTES") {
        c.max_bytes = n;
    }
    if let Some(n) = num("CONNECTIONS") {
        c.max_connections = n.max(1) as usize;
    }
    c
}

/// Now, as stored (RFC 3339 UTC, seconds).
pub fn now() -> String {
    stamp(chrono::Utc::now())
}

pub fn stamp(t: chrono::DateTime<chrono::Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// A fetch's attempts as fetch-log entries.
pub fn log_entries(f: &Fetched, context: &str) -> Vec<LogEntry> {
    f.attempts
        .iter()
        .map(|a| LogEntry {
            at: stamp(a.at),
            url: a.url.clone(),
            status: a.status.map(i64::from),
            bytes: a.bytes as i64,
            elapsed_ms: a.elapsed.as_millis() as i64,
            error: a.error.clone(),
            context: Some(context.to_string()),
        })
        .collect()
}

/// Writes the log; a failure to log is reported, never fatal.
pub fn write_log(feeds: Option<&Feeds>, entries: &[LogEntry]) {
    if let Some(f) = feeds
        && let Err(e) = f.log(entries)
    {
        eprintln!("storyline: fetch log: {e}");
    }
}

/// A current-thread runtime for the producer thread (the fetcher is I/O bound).
pub fn runtime() -> std::io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
}

/// Turns a fetch into a page for ingest, or a failure naming the URL.
pub fn to_item(url: &str, f: Fetched) -> WebItem {
    match f.result {
        Ok(r) => Ok(WebPage {
            name: url.to_string(),
            url: Some(r.final_url),
            bytes: r.body,
            charset: r.charset,
        }),
        Err(e) => Err((url.to_string(), e.to_string())),
    }
}

/// Fetches many URLs at once (the fetcher keeps each host polite) and calls `done` with
/// each result as it comes, in completion order.
pub async fn fetch_many(
    fetcher: &Fetcher,
    urls: Vec<(String, Validators)>,
    mut done: impl FnMut(String, Fetched),
) {
    let mut set = tokio::task::JoinSet::new();
    for (url, v) in urls {
        let f = fetcher.clone();
        set.spawn(async move {
            let r = f.fetch(&url, &v).await;
            (url, r)
        });
    }
    while let Some(r) = set.join_next().await {
        if let Ok((url, fetched)) = r {
            done(url, fetched);
        }
    }
}

/// How many child sitemaps of a sitemap index are read.
pub const MAX_CHILD_SITEMAPS: usize = 50;

/// The pages behind URLs given to `storyline ingest`: a page is ingested as it is; a
/// feed or sitemap (told by content) has its items' pages fetched and ingested. Runs on
/// its own thread; the fetch log goes to the store in `db`.
pub fn web_pages(
    urls: Vec<String>,
    db: &Path,
    user_agent: String,
) -> impl Iterator<Item = WebItem> + Send {
    let (tx, rx) = mpsc::sync_channel::<WebItem>(32);
    let db = db.to_path_buf();
    std::thread::spawn(move || {
        let feeds = Feeds::open(&db)
            .map_err(|e| eprintln!("storyline: {}: fetch log: {e}", db.display()))
            .ok();
        let rt = match runtime() {
            Ok(rt) => rt,
            Err(e) => {
                for u in urls {
                    let _ = tx.send(Err((u, e.to_string())));
                }
                return;
            }
        };
        let fetcher = match Fetcher::new(config(&user_agent)) {
            Ok(f) => f,
            Err(e) => {
                for u in urls {
                    let _ = tx.send(Err((u, e.to_string())));
                }
                return;
            }
        };
        rt.block_on(async {
            let mut items: Vec<(String, Validators)> = Vec::new();
            let first: Vec<_> = urls
                .into_iter()
                .map(|u| (u, Validators::default()))
                .collect();
            let mut sitemaps = Vec::new();
            fetch_many(&fetcher, first, |url, f| {
                write_log(feeds.as_ref(), &log_entries(&f, "ingest"));
                match &f.result {
                    Ok(r) if feed::sniff(&r.body).is_feed() => {
                        match feed::parse(&r.body, &r.final_url) {
                            Ok(parsed) => {
                                sitemaps
                                    .extend(parsed.sitemaps.into_iter().take(MAX_CHILD_SITEMAPS));
                                items.extend(
                                    parsed
                                        .items
                                        .into_iter()
                                        .filter_map(|i| i.url)
                                        .map(|u| (u, Validators::default())),
                                );
                            }
                            Err(e) => {
                                let _ = tx.send(Err((url, e.to_string())));
                            }
                        }
                    }
                    _ => {
                        let _ = tx.send(to_item(&url, f));
                    }
                }
            })
            .await;
            let children: Vec<_> = sitemaps
                .into_iter()
                .map(|u| (u, Validators::default()))
                .collect();
            fetch_many(&fetcher, children, |url, f| {
                write_log(feeds.as_ref(), &log_entries(&f, "sitemap"));
                match f
                    .result
                    .as_ref()
                    .map(|r| feed::parse(&r.body, &r.final_url))
                {
                    Ok(Ok(parsed)) => items.extend(
                        parsed
                            .items
                            .into_iter()
                            .filter_map(|i| i.url)
                            .map(|u| (u, Validators::default())),
                    ),
                    Ok(Err(e)) => {
                        let _ = tx.send(Err((url, e.to_string())));
                    }
                    Err(e) => {
                        let _ = tx.send(Err((url, e.to_string())));
                    }
                }
            })
            .await;
            let mut seen = std::collections::HashSet::new();
            items.retain(|(u, _)| seen.insert(u.clone()));
            fetch_many(&fetcher, items, |url, f| {
                write_log(feeds.as_ref(), &log_entries(&f, "item"));
                let _ = tx.send(to_item(&url, f));
            })
            .await;
        });
    });
    rx.into_iter()
}

/// Whether a command-line input names a web address.
pub fn is_url(s: &str) -> bool {
    let l = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    l.starts_with("http://") || l.starts_with("https://")
}

/// Whether a file is a WARC archive (by its name).
pub fn is_warc(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    let n = n.strip_suffix(".gz").unwrap_or(&n);
    n.ends_with(".warc")
}
