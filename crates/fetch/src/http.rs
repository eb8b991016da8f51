//! The fetcher: HTTP(S) GETs that are polite (robots.txt, one request at a time per
//! host with a delay between them, many hosts at once) and robust (timeouts on connect
//! and on the whole body, a body size cap, redirects followed by hand with a limit and
//! loop detection, retries with exponential backoff and jitter on 5xx, 429 and network
//! errors, never on other 4xx). Every attempt — robots.txt, each redirect hop, each
//! retry — is an [`Attempt`] in the result, so nothing fetched is dropped silently.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, Hasher};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use reqwest::StatusCode;
use reqwest::header::{self, HeaderMap};
use url::Url;

use crate::robots::Robots;

/// The product token robots.txt groups are matched against with the default user agent.
pub const ROBOTS_TOKEN: &str = "storyline";

/// The default user agent: `storyline/VERSION (self-hosted news collector)`. It names no
/// site: whoever runs storyline should give one where site owners can reach them
/// (`Config::user_agent`; the command line's `--user-agent` / `STORYLINE_USER_AGENT`).
pub fn user_agent() -> String {
    format!(
        "storyline/{} (self-hosted news collector)",
        env!("CARGO_PKG_VERSION")
    )
}

/// The product token of a user agent (`mybot` for `MyBot/1.2 (+https://…)`), lower-cased:
/// the name robots.txt groups are matched against (RFC 9309 §2.2.1).
pub fn product_token(user_agent: &str) -> String {
    let token: String = user_agent
        .trim()
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
        .collect();
    if token.is_empty() {
        ROBOTS_TOKEN.to_string()
    } else {
        token.to_ascii_lowercase()
    }
}

/// How the fetcher behaves. The defaults suit the open web; tests shorten the delays.
#[derive(Debug, Clone)]
pub struct Config {
    pub user_agent: String,
    /// Time to establish a connection.
    pub connect_timeout: Duration,
    /// Time for one whole attempt: connection, headers and body.
    pub timeout: Duration,
    /// Bodies larger than this (after decompression) are refused; reading stops there.
    pub max_bytes: u64,
    /// Redirects followed per fetch.
    pub max_redirects: usize,
    /// Retries after the first attempt (5xx, 429, network errors and timeouts).
    pub retries: u32,
    /// The first retry's wait; doubled each time, with up to 50% jitter added.
    pub backoff: Duration,
    /// A `Retry-After` longer than this is not waited for: the fetch fails (and the
    /// feed's schedule backs off instead).
    pub max_retry_after: Duration,
    /// The least time between two requests to one host (its robots.txt `Crawl-delay`
    /// lengthens it, up to `max_crawl_delay`).
    pub host_delay: Duration,
    pub max_crawl_delay: Duration,
    /// Requests in flight at once, over all hosts.
    pub max_connections: usize,
    /// Honour robots.txt (always on in the product; off only for tests of other things).
    pub robots: bool,
    /// How long a robots.txt that could not be read (5xx, network error, a redirect that
    /// led nowhere reachable) keeps its host disallowed before it is asked for again.
    pub robots_retry: Duration,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            user_agent: user_agent(),
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            max_bytes: 10 << 20,
            max_redirects: 10,
            retries: 3,
            backoff: Duration::from_secs(1),
            max_retry_after: Duration::from_secs(120),
            host_delay: Duration::from_secs(1),
            max_crawl_delay: Duration::from_secs(30),
            max_connections: 64,
            robots: true,
            robots_retry: Duration::from_secs(15 * 60),
        }
    }
}

/// Validators from an earlier fetch of the same URL (conditional GET).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// One request sent (or refused before sending), as the fetch log keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct Attempt {
    pub at: DateTime<Utc>,
    pub url: String,
    /// The HTTP status, when a response came.
    pub status: Option<u16>,
    /// Body bytes read.
    pub bytes: u64,
    pub elapsed: Duration,
    pub error: Option<String>,
}

/// A successful fetch (2xx, or 304 for a conditional GET).
#[derive(Debug, Clone)]
pub struct Response {
    /// The URL asked for, and where the redirects ended.
    pub url: String,
    pub final_url: String,
    pub status: u16,
    pub content_type: Option<String>,
    pub charset: Option<String>,
    pub validators: Validators,
    /// Empty for a 304.
    pub body: Vec<u8>,
}

impl Response {
    /// A 304: unchanged since the validators given.
    pub fn not_modified(&self) -> bool {
        self.status == 304
    }
}

/// Why a fetch gave nothing.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FetchError {
    #[error("not an http(s) URL: {0}")]
    BadUrl(String),
    #[error("disallowed by robots.txt")]
    Robots,
    #[error("HTTP {0}")]
    Status(u16),
    #[error("HTTP 429, retry after {0} s (longer than we wait)")]
    RetryLater(u64),
    #[error("timed out after {0} ms")]
    Timeout(u128),
    #[error("body over the limit of {0} bytes")]
    TooLarge(u64),
    #[error("more than {0} redirects")]
    TooManyRedirects(usize),
    #[error("redirect loop at {0}")]
    RedirectLoop(String),
    #[error("redirect without a valid Location")]
    BadRedirect,
    #[error("{0}")]
    Network(String),
}

impl FetchError {
    /// Worth another try later in the same fetch.
    fn retryable(&self) -> bool {
        match self {
            FetchError::Status(s) => *s >= 500,
            FetchError::Timeout(_) | FetchError::Network(_) => true,
            _ => false,
        }
    }
}

/// A fetch: its outcome and every attempt made for it.
#[derive(Debug, Clone)]
pub struct Fetched {
    pub result: Result<Response, FetchError>,
    pub attempts: Vec<Attempt>,
}

/// What we know of one host (scheme, name and port).
#[derive(Default)]
struct HostState {
    /// When the last request to it ended.
    last: Option<Instant>,
    /// The rules and until when they hold.
    robots: Option<(Robots, Instant)>,
}

/// The fetcher; cheap to clone (shared state inside).
#[derive(Clone)]
pub struct Fetcher {
    inner: Arc<Inner>,
}

struct Inner {
    client: reqwest::Client,
    config: Config,
    hosts: Mutex<HashMap<String, Arc<tokio::sync::Mutex<HostState>>>>,
    connections: tokio::sync::Semaphore,
}

/// How long a host's robots.txt is trusted.
const ROBOTS_TTL: Duration = Duration::from_secs(24 * 3600);
/// Redirects followed for a robots.txt (RFC 9309 §2.3.1.2: at least five).
const ROBOTS_REDIRECTS: usize = 5;
/// The most of a robots.txt read.
const ROBOTS_MAX: u64 = 512 << 10;

/// One attempt's outcome before it is sorted into success, redirect or error.
enum Outcome {
    Done(Response),
    Redirect(String),
    Failed(FetchError, Option<Duration>),
}

impl Fetcher {
    pub fn new(config: Config) -> Result<Fetcher, FetchError> {
        let client = reqwest::Client::builder()
            .user_agent(config.user_agent.clone())
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(config.connect_timeout)
            .pool_idle_timeout(Duration::from_secs(30))
            .pool_max_idle_per_host(2)
            .build()
            .map_err(|e| FetchError::Network(e.to_string()))?;
        Ok(Fetcher {
            inner: Arc::new(Inner {
                client,
                connections: tokio::sync::Semaphore::new(config.max_connections.max(1)),
                config,
                hosts: Mutex::new(HashMap::new()),
            }),
        })
    }

    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    fn host(&self, url: &Url) -> Arc<tokio::sync::Mutex<HostState>> {
        let key = format!(
            "{}://{}:{}",
            url.scheme(),
            url.host_str().unwrap_or(""),
            url.port_or_known_default().unwrap_or(0)
        );
        let mut hosts = self.inner.hosts.lock().unwrap_or_else(|e| e.into_inner());
        hosts.entry(key).or_default().clone()
    }

    /// Fetches a URL: robots.txt first (once per host), then the page, following
    /// redirects and retrying what is worth retrying.
    pub async fn fetch(&self, url: &str, validators: &Validators) -> Fetched {
        let mut attempts = Vec::new();
        let result = self.fetch_inner(url, validators, &mut attempts).await;
        Fetched { result, attempts }
    }

    async fn fetch_inner(
        &self,
        url: &str,
        validators: &Validators,
        attempts: &mut Vec<Attempt>,
    ) -> Result<Response, FetchError> {
        let cfg = &self.inner.config;
        let mut current = parse_url(url)?;
        let mut seen = HashSet::new();
        seen.insert(current.to_string());
        let mut hops = 0usize;
        loop {
            let host = self.host(&current);
            let mut state = host.lock().await;
            if cfg.robots {
                let fresh = state
                    .robots
                    .as_ref()
                    .is_some_and(|(_, until)| Instant::now() < *until);
                if !fresh {
                    let (robots, unreachable) = self.robots(&current, &mut state, attempts).await;
                    let ttl = if unreachable {
                        cfg.robots_retry
                    } else {
                        ROBOTS_TTL
                    };
                    state.robots = Some((robots, Instant::now() + ttl));
                }
                let path = match current.query() {
                    Some(q) => format!("{}?{q}", current.path()),
                    None => current.path().to_string(),
                };
                if let Some((robots, _)) = &state.robots
                    && !robots.allowed(&path)
                {
                    attempts.push(Attempt {
                        at: Utc::now(),
                        url: current.to_string(),
                        status: None,
                        bytes: 0,
                        elapsed: Duration::ZERO,
                        error: Some(FetchError::Robots.to_string()),
                    });
                    return Err(FetchError::Robots);
                }
            }
            let mut tries = 0u32;
            let outcome = loop {
                let outcome = self
                    .attempt(&current, validators, cfg.max_bytes, &mut state, attempts)
                    .await;
                let Outcome::Failed(err, retry_after) = &outcome else {
                    break outcome;
                };
                if tries >= cfg.retries || !(err.retryable() || retry_after.is_some()) {
                    break outcome;
                }
                let wait = match retry_after {
                    Some(ra) if *ra > cfg.max_retry_after => {
                        break Outcome::Failed(FetchError::RetryLater(ra.as_secs()), None);
                    }
                    Some(ra) => *ra,
                    None => backoff(cfg.backoff, tries),
                };
                tries += 1;
                // The host stays ours while we wait: nobody else hammers it meanwhile.
                tokio::time::sleep(wait).await;
            };
            drop(state);
            match outcome {
                Outcome::Done(mut r) => {
                    r.url = url.to_string();
                    return Ok(r);
                }
                Outcome::Failed(e, _) => return Err(e),
                Outcome::Redirect(location) => {
                    hops += 1;
                    if hops > cfg.max_redirects {
                        return Err(FetchError::TooManyRedirects(cfg.max_redirects));
                    }
                    let next = current
                        .join(&location)
                        .ok()
                        .filter(|u| matches!(u.scheme(), "http" | "https"))
                        .ok_or(FetchError::BadRedirect)?;
                    if !seen.insert(next.to_string()) {
                        return Err(FetchError::RedirectLoop(next.to_string()));
                    }
                    current = next;
                }
            }
        }
    }

    /// Waits for the host's turn, then runs one request; records it.
    async fn attempt(
        &self,
        url: &Url,
        validators: &Validators,
        max_bytes: u64,
        state: &mut HostState,
        attempts: &mut Vec<Attempt>,
    ) -> Outcome {
        let cfg = &self.inner.config;
        let crawl_delay = state
            .robots
            .as_ref()
            .and_then(|(r, _)| r.crawl_delay)
            .map(|s| Duration::from_secs_f64(s).min(cfg.max_crawl_delay))
            .unwrap_or_default();
        let delay = cfg.host_delay.max(crawl_delay);
        if let Some(last) = state.last {
            let ready = last + delay;
            let now = Instant::now();
            if ready > now {
                tokio::time::sleep(ready - now).await;
            }
        }
        let permit = self.inner.connections.acquire().await;
        let at = Utc::now();
        let started = Instant::now();
        let mut bytes = 0u64;
        let mut status = None;
        let run = self.request(url, validators, max_bytes, &mut bytes, &mut status);
        let outcome = match tokio::time::timeout(cfg.timeout, run).await {
            Ok(o) => o,
            Err(_) => Outcome::Failed(FetchError::Timeout(cfg.timeout.as_millis()), None),
        };
        drop(permit);
        state.last = Some(Instant::now());
        let error = match &outcome {
            Outcome::Failed(e, _) => Some(e.to_string()),
            _ => None,
        };
        attempts.push(Attempt {
            at,
            url: url.to_string(),
            status,
            bytes,
            elapsed: started.elapsed(),
            error,
        });
        outcome
    }

    async fn request(
        &self,
        url: &Url,
        validators: &Validators,
        max_bytes: u64,
        bytes: &mut u64,
        status_out: &mut Option<u16>,
    ) -> Outcome {
        let mut req = self.inner.client.get(url.clone());
        if let Some(etag) = &validators.etag {
            req = req.header(header::IF_NONE_MATCH, etag);
        }
        if let Some(lm) = &validators.last_modified {
            req = req.header(header::IF_MODIFIED_SINCE, lm);
        }
        let mut resp = match req.send().await {
            Ok(r) => r,
            Err(e) => return Outcome::Failed(network(&e), None),
        };
        let status = resp.status();
        *status_out = Some(status.as_u16());
        let headers = resp.headers().clone();
        if status.is_redirection() && status != StatusCode::NOT_MODIFIED {
            return match headers.get(header::LOCATION).and_then(|v| v.to_str().ok()) {
                Some(l) => Outcome::Redirect(l.to_string()),
                None => Outcome::Failed(FetchError::BadRedirect, None),
            };
        }
        if status == StatusCode::TOO_MANY_REQUESTS
            || (status == StatusCode::SERVICE_UNAVAILABLE
                && headers.contains_key(header::RETRY_AFTER))
        {
            let wait = retry_after(&headers).unwrap_or(self.inner.config.backoff);
            return Outcome::Failed(FetchError::Status(status.as_u16()), Some(wait));
        }
        if !status.is_success() && status != StatusCode::NOT_MODIFIED {
            return Outcome::Failed(FetchError::Status(status.as_u16()), None);
        }
        if resp.content_length().is_some_and(|n| n > max_bytes) {
            return Outcome::Failed(FetchError::TooLarge(max_bytes), None);
        }
        let mut body = Vec::new();
        loop {
            match resp.chunk().await {
                Ok(Some(c)) => {
                    *bytes += c.len() as u64;
                    if *bytes > max_bytes {
                        return Outcome::Failed(FetchError::TooLarge(max_bytes), None);
                    }
                    body.extend_from_slice(&c);
                }
                Ok(None) => break,
                Err(e) => return Outcome::Failed(network(&e), None),
            }
        }
        let text = |h| {
            headers
                .get(h)
                .and_then(|v: &reqwest::header::HeaderValue| v.to_str().ok())
                .map(str::to_string)
        };
        let content_type = text(header::CONTENT_TYPE);
        Outcome::Done(Response {
            url: url.to_string(),
            final_url: url.to_string(),
            status: status.as_u16(),
            charset: content_type.as_deref().and_then(crate::warc::charset_of),
            content_type,
            validators: Validators {
                etag: text(header::ETAG),
                last_modified: text(header::LAST_MODIFIED),
            },
            body,
        })
    }

    /// Reads a host's robots.txt (RFC 9309 §2.3.1): its rules on 2xx; redirects followed
    /// (up to five, then it counts as unavailable); everything allowed when unavailable
    /// (4xx, too many redirects, a loop); everything disallowed when unreachable (5xx,
    /// network errors, after one retry). The flag is true for unreachable: that verdict
    /// is kept only `Config::robots_retry`.
    async fn robots(
        &self,
        url: &Url,
        state: &mut HostState,
        attempts: &mut Vec<Attempt>,
    ) -> (Robots, bool) {
        let mut robots_url = url.clone();
        robots_url.set_path("/robots.txt");
        robots_url.set_query(None);
        robots_url.set_fragment(None);
        let none = Validators::default();
        let token = product_token(&self.inner.config.user_agent);
        let mut seen = HashSet::from([robots_url.to_string()]);
        let mut tries = 0;
        loop {
            // A hop to another host is one request made under this host's turn (the
            // other host's lock is not taken: two hosts redirecting to each other would
            // wait for each other).
            match self
                .attempt(&robots_url, &none, ROBOTS_MAX, state, attempts)
                .await
            {
                Outcome::Done(r) => {
                    return (
                        Robots::parse(&String::from_utf8_lossy(&r.body), &token),
                        false,
                    );
                }
                Outcome::Redirect(location) => {
                    let next = robots_url
                        .join(&location)
                        .ok()
                        .filter(|u| matches!(u.scheme(), "http" | "https"));
                    match next {
                        Some(next)
                            if seen.len() <= ROBOTS_REDIRECTS && seen.insert(next.to_string()) =>
                        {
                            robots_url = next;
                            tries = 0;
                        }
                        // Too many hops, a loop or a bad Location: unavailable.
                        _ => return (Robots::allow_all(), false),
                    }
                }
                Outcome::Failed(FetchError::Status(s), _) if (400..500).contains(&s) => {
                    return (Robots::allow_all(), false);
                }
                Outcome::Failed(FetchError::TooLarge(_), _) => return (Robots::allow_all(), false),
                Outcome::Failed(FetchError::BadRedirect, _) => return (Robots::allow_all(), false),
                Outcome::Failed(e, _) => {
                    if tries >= 1 || !e.retryable() {
                        return (Robots::disallow_all(), true);
                    }
                    tries += 1;
                    tokio::time::sleep(backoff(self.inner.config.backoff, 0)).await;
                }
            }
        }
    }
}

fn parse_url(url: &str) -> Result<Url, FetchError> {
    Url::parse(url.trim())
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some())
        .ok_or_else(|| FetchError::BadUrl(url.to_string()))
}

fn network(e: &reqwest::Error) -> FetchError {
    if e.is_timeout() {
        return FetchError::Timeout(0);
    }
    // The innermost cause says most ("connection refused", "dns error…").
    let mut msg = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        msg = s.to_string();
        source = s.source();
    }
    FetchError::Network(msg)
}

/// `Retry-After`: seconds, or an HTTP date.
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let v = headers.get(header::RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(s) = v.parse::<u64>() {
        return Some(Duration::from_secs(s));
    }
    let when = DateTime::parse_from_rfc2822(v).ok()?.with_timezone(&Utc);
    Some((when - Utc::now()).to_std().unwrap_or(Duration::ZERO))
}

/// `base × 2^n`, plus up to half of that again at random.
fn backoff(base: Duration, n: u32) -> Duration {
    let d = base
        .saturating_mul(1u32 << n.min(16))
        .min(Duration::from_secs(3600));
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u32(n);
    let jitter = (h.finish() % 1000) as f64 / 2000.0;
    d.saturating_add(d.mul_f64(jitter))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_with_jitter() {
        let b = Duration::from_millis(100);
        for n in 0..4 {
            let d = backoff(b, n);
            let min = b * (1 << n);
            assert!(d >= min && d <= min + min / 2, "{n}: {d:?}");
        }
        assert!(backoff(Duration::from_secs(u64::MAX / 4), 40) <= Duration::from_secs(5400));
    }

    #[test]
    fn retry_after_forms() {
        let mut h = HeaderMap::new();
        h.insert(header::RETRY_AFTER, "7".parse().unwrap());
        assert_eq!(retry_after(&h), Some(Duration::from_secs(7)));
        h.insert(
            header::RETRY_AFTER,
            "Wed, 21 Oct 2015 07:28:00 GMT".parse().unwrap(),
        );
        assert_eq!(retry_after(&h), Some(Duration::ZERO));
        h.insert(header::RETRY_AFTER, "soon".parse().unwrap());
        assert_eq!(retry_after(&h), None);
    }

    #[test]
    fn urls() {
        assert!(parse_url("ftp://x.example/").is_err());
        assert!(parse_url("not a url").is_err());
        assert!(parse_url("https://x.example/a").is_ok());
        assert!(user_agent().starts_with("storyline/"));
    }

    /// A tiny HTTP server on 127.0.0.1 answering from a closure, logging request times.
    async fn serve(
        reply: impl Fn(&str, usize) -> String + Send + Sync + 'static,
    ) -> (String, Arc<Mutex<Vec<(String, Instant)>>>) {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let log = Arc::new(Mutex::new(Vec::new()));
        let reply = Arc::new(reply);
        let log2 = log.clone();
        tokio::spawn(async move {
            loop {
                let Ok((mut sock, _)) = listener.accept().await else {
                    return;
                };
                let log = log2.clone();
                let reply = reply.clone();
                tokio::spawn(async move {
                    let mut buf = vec![0u8; 4096];
                    let n = sock.read(&mut buf).await.unwrap_or(0);
                    let req = String::from_utf8_lossy(&buf[..n]).to_string();
                    let path = req.split_whitespace().nth(1).unwrap_or("/").to_string();
                    let count = {
                        let mut l = log.lock().unwrap();
                        l.push((path.clone(), Instant::now()));
                        l.iter().filter(|(p, _)| *p == path).count()
                    };
                    let answer = reply(&req, count);
                    match answer.strip_prefix("HANG") {
                        Some(rest) => {
                            let _ = sock.write_all(rest.as_bytes()).await;
                            tokio::time::sleep(Duration::from_secs(3)).await;
                        }
                        None => {
                            let _ = sock.write_all(answer.as_bytes()).await;
                        }
                    }
                });
            }
        });
        (base, log)
    }

    fn quick() -> Config {
        Config {
            timeout: Duration::from_millis(500),
            backoff: Duration::from_millis(10),
            host_delay: Duration::from_millis(30),
            ..Config::default()
        }
    }

    fn ok(body: &str, extra: &str) -> String {
        format!(
            "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n{extra}\r\n{body}",
            body.len()
        )
    }

    #[tokio::test(flavor = "current_thread")]
    async fn retries_redirects_robots_and_politeness() {
        let (base, log) = serve(|req, n| {
            let path = req.split_whitespace().nth(1).unwrap_or("/");
            match path {
                "/robots.txt" => ok("User-agent: *\nDisallow: /secret\n", ""),
                "/flaky" if n < 3 => "HTTP/1.1 503 Busy\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".into(),
                "/flaky" => ok("finally", "ETag: \"v1\"\r\n"),
                "/loop-a" => "HTTP/1.1 302 Found\r\nLocation: /loop-b\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".into(),
                "/loop-b" => "HTTP/1.1 301 Moved\r\nLocation: /loop-a\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".into(),
                "/gone" => "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".into(),
                "/big" => "HTTP/1.1 200 OK\r\nContent-Length: 999999999\r\nConnection: close\r\n\r\nxxxx".into(),
                "/cond" if req.to_ascii_lowercase().contains("if-none-match: \"v1\"") => "HTTP/1.1 304 Not Modified\r\nConnection: close\r\n\r\n".into(),
                "/cond" => ok("body", "ETag: \"v1\"\r\n"),
                _ => ok("hello", ""),
            }
        })
        .await;
        let f = Fetcher::new(quick()).unwrap();
        let none = Validators::default();

        let r = f.fetch(&format!("{base}/flaky"), &none).await;
        let resp = r.result.unwrap();
        assert_eq!(resp.body, b"finally");
        assert_eq!(resp.validators.etag.as_deref(), Some("\"v1\""));
        // robots.txt, then three tries of /flaky.
        assert_eq!(r.attempts.len(), 4, "{:?}", r.attempts);
        assert_eq!(r.attempts[1].status, Some(503));

        let r = f.fetch(&format!("{base}/loop-a"), &none).await;
        assert!(
            matches!(r.result, Err(FetchError::RedirectLoop(_))),
            "{:?}",
            r.result
        );
        assert_eq!(r.attempts.len(), 2);

        let r = f.fetch(&format!("{base}/gone"), &none).await;
        assert_eq!(r.result.unwrap_err(), FetchError::Status(404));
        assert_eq!(r.attempts.len(), 1, "no retry on 404");

        let r = f.fetch(&format!("{base}/secret/x"), &none).await;
        assert_eq!(r.result.unwrap_err(), FetchError::Robots);
        assert_eq!(
            r.attempts[0].error.as_deref(),
            Some("disallowed by robots.txt")
        );

        let r = f.fetch(&format!("{base}/big"), &none).await;
        assert!(matches!(r.result, Err(FetchError::TooLarge(_))));

        let r = f
            .fetch(&format!("{base}/cond"), &none)
            .await
            .result
            .unwrap();
        let again = f
            .fetch(&format!("{base}/cond"), &r.validators)
            .await
            .result
            .unwrap();
        assert!(again.not_modified());

        // Never two requests to the host closer than the delay.
        let log = log.lock().unwrap();
        for w in log.windows(2) {
            let gap = w[1].1 - w[0].1;
            assert!(
                gap >= Duration::from_millis(25),
                "{:?} → {:?}: {gap:?}",
                w[0].0,
                w[1].0
            );
        }
    }

    #[tokio::test(flavor = "current_thread")]
    async fn timeouts_and_unreachable() {
        let (base, _) = serve(|req, _| {
            if req.contains("/robots.txt") {
                return "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .into();
            }
            // Claims more than it sends: the client waits for the rest until the timeout.
            "HANGHTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc".into()
        })
        .await;
        let cfg = Config {
            retries: 1,
            ..quick()
        };
        let f = Fetcher::new(cfg).unwrap();
        let t = Instant::now();
        let r = f
            .fetch(&format!("{base}/hang"), &Validators::default())
            .await;
        assert!(
            matches!(r.result, Err(FetchError::Timeout(_))),
            "{:?}",
            r.result
        );
        assert_eq!(r.attempts.len(), 3, "robots + two tries");
        assert!(t.elapsed() < Duration::from_secs(3));
        // A closed port: a network error, robots.txt unreachable → nothing fetched.
        let r = f
            .fetch("http://127.0.0.1:9/x", &Validators::default())
            .await;
        assert!(r.result.is_err());
        assert!(r.attempts.iter().all(|a| a.error.is_some()));
    }
    fn redirect(to: &str) -> String {
        format!(
            "HTTP/1.1 301 Moved\r\nLocation: {to}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        )
    }

    fn status(code: &str) -> String {
        format!("HTTP/1.1 {code}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
    }

    #[tokio::test(flavor = "current_thread")]
    async fn robots_redirects_are_followed() {
        let (base, log) = serve(|req, n| {
            let path = req.split_whitespace().nth(1).unwrap_or("/");
            match path {
                // Three hops to the real file, which disallows /private for us.
                "/robots.txt" => redirect("/r1"),
                "/r1" => redirect("/r2"),
                "/r2" => redirect("/r3"),
                "/r3" => ok("User-agent: mybot\nDisallow: /private\n", ""),
                // The second host's robots.txt: six hops (one too many: allow all).
                "/six" => redirect("/h1"),
                "/h1" => redirect("/h2"),
                "/h2" => redirect("/h3"),
                "/h3" => redirect("/h4"),
                "/h4" => redirect("/h5"),
                "/h5" => redirect("/h6"),
                "/h6" => ok("User-agent: *\nDisallow: /\n", ""),
                // The third host's: a redirect to a failing file, then (later) to a 404.
                "/down" if n <= 2 => status("503 Unavailable"),
                "/down" => status("404 Not Found"),
                _ => ok("page", ""),
            }
        })
        .await;
        let none = Validators::default();
        let cfg = Config {
            user_agent: "MyBot/2.0 (+https://news.example.org/bot)".into(),
            ..quick()
        };
        let f = Fetcher::new(cfg.clone()).unwrap();
        let r = f.fetch(&format!("{base}/private/a"), &none).await;
        assert_eq!(
            r.result.unwrap_err(),
            FetchError::Robots,
            "{:?}",
            r.attempts
        );
        // robots.txt and its three hops, then the refusal.
        assert_eq!(r.attempts.len(), 5, "{:?}", r.attempts);
        assert!(
            f.fetch(&format!("{base}/public"), &none)
                .await
                .result
                .is_ok()
        );

        // Another host whose robots.txt redirects to the first one's /six: six hops
        // in all: robots.txt counts as unavailable, everything is allowed.
        let six = format!("{base}/six");
        let (other, _) = serve(move |req, _| {
            if req.contains("/robots.txt") {
                redirect(&six)
            } else {
                ok("page", "")
            }
        })
        .await;
        let r = f.fetch(&format!("{other}/anything"), &none).await;
        assert!(r.result.is_ok(), "{:?}", r.attempts);

        // Unreachable behind a redirect (503 twice): disallowed for `robots_retry`, then
        // asked again (now a 404: allowed).
        let down = format!("{base}/down");
        let (third, _) = serve(move |req, _| {
            if req.contains("/robots.txt") {
                redirect(&down)
            } else {
                ok("page", "")
            }
        })
        .await;
        let f = Fetcher::new(Config {
            robots_retry: Duration::from_millis(300),
            ..cfg
        })
        .unwrap();
        let r = f.fetch(&format!("{third}/x"), &none).await;
        assert_eq!(
            r.result.unwrap_err(),
            FetchError::Robots,
            "{:?}",
            r.attempts
        );
        let r = f.fetch(&format!("{third}/x"), &none).await;
        assert_eq!(
            r.result.unwrap_err(),
            FetchError::Robots,
            "still within the wait"
        );
        tokio::time::sleep(Duration::from_millis(350)).await;
        let r = f.fetch(&format!("{third}/x"), &none).await;
        assert!(r.result.is_ok(), "{:?}", r.attempts);
        let downs = log
            .lock()
            .unwrap()
            .iter()
            .filter(|(p, _)| p == "/down")
            .count();
        assert_eq!(downs, 3, "two tries, then one more after the wait");
    }

    #[test]
    fn product_tokens() {
        assert_eq!(product_token("MyBot/2.0 (+https://x.example)"), "mybot");
        assert_eq!(product_token(&user_agent()), "storyline");
        assert_eq!(product_token("  "), "storyline");
    }
}
