//! `storyline serve`: the web pages, the JSON API and the feeds over a story archive.
//!
//! An adapter around [`storyline_stories::Archive`]: every request reads the archive
//! (a read lock inside `spawn_blocking`), a background task brings it up to date with
//! [`Archive::refresh`] so that a concurrent `storyline ingest` on the same store shows
//! up. The server never writes the store and never fetches anything: pages use one CSS
//! file and one small script served by the binary, under a strict Content-Security-Policy.

mod api;
mod cache;
mod error;
mod feeds;
mod html;
mod jsonld;
mod kept;
mod params;
mod svg;
#[cfg(test)]
mod tests;

use std::io::Write;
use std::net::SocketAddr;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::Response;
use axum::routing::get;
use kept::KeptPage;
use storyline_store::SearchQuery;
use storyline_stories::Facets;
use storyline_stories::views::{SearchResults, StoryPage};
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

pub(crate) use error::Error;
pub use storyline_stories::Archive;

/// Story pages kept between requests (each is a few kB to a few hundred kB).
const PAGES_KEPT: usize = 512;

/// Search results kept between requests (popular queries are asked again and again).
const SEARCHES_KEPT: usize = 1024;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// How often the archive is refreshed from the store (0: never).
    pub refresh_every: Duration,
    /// Tokio worker threads ([`run`] only).
    pub workers: usize,
    /// Longest time a request may take before it is answered 408.
    pub timeout: Duration,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            refresh_every: Duration::from_secs(5),
            workers: 2,
            timeout: Duration::from_secs(10),
        }
    }
}

/// What can stop the server.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error("{addr}: cannot listen: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// The shared state of every request.
pub(crate) struct State {
    pub archive: RwLock<Archive>,
    /// Languages and outlets of the archive, recounted after each refresh that adds articles.
    pub facets: RwLock<Arc<Facets>>,
    /// Story pages built since the archive last changed ...
    pub pages: cache::PageCache<u32, Arc<StoryPage>>,
    /// ... and their HTML, by story and by the base address it was rendered for.
    pub html: cache::PageCache<(u32, String), Arc<KeptPage>>,
    /// The home page's HTML by query string, for a few seconds (it shows trends).
    pub home: cache::PageCache<String, Arc<KeptPage>>,
    /// The search page's HTML by query string, until the archive changes.
    pub search_pages: cache::PageCache<String, Arc<KeptPage>>,
    /// Search results since the archive last changed, by query.
    pub searches: cache::PageCache<String, Arc<SearchResults>>,
}

pub(crate) type Shared = Arc<State>;

impl State {
    pub fn new(archive: Archive) -> Shared {
        let facets = Arc::new(archive.facets());
        Arc::new(State {
            archive: RwLock::new(archive),
            facets: RwLock::new(facets),
            pages: cache::PageCache::new(PAGES_KEPT),
            html: cache::PageCache::new(PAGES_KEPT),
            searches: cache::PageCache::new(SEARCHES_KEPT),
            search_pages: cache::PageCache::new(SEARCHES_KEPT),
            home: cache::PageCache::with_max_age(64, Duration::from_secs(5)),
        })
    }

    /// Story `id`'s page: kept from an earlier request while the archive is unchanged,
    /// else built (and kept). `archive` is the one this state's read lock guards.
    pub fn story(&self, archive: &Archive, id: u32) -> Result<Option<Arc<StoryPage>>, Error> {
        let id = archive.index().resolve(id);
        // `Err(None)`: no such story (not kept).
        let page = self.pages.get_or_build(id, || match archive.story(id) {
            Ok(Some(page)) => Ok(Arc::new(page)),
            Ok(None) => Err(None),
            Err(e) => Err(Some(Error::from(e))),
        });
        match page {
            Ok(page) => Ok(Some(page)),
            Err(None) => Ok(None),
            Err(Some(e)) => Err(e),
        }
    }

    /// The results of a search: kept from an earlier request with the same query while
    /// the archive is unchanged, else searched (and kept).
    pub fn search(&self, archive: &Archive, q: &SearchQuery) -> Result<Arc<SearchResults>, Error> {
        self.searches
            .get_or_build(format!("{q:?}"), || Ok(Arc::new(archive.search(q)?)))
    }

    pub fn facets(&self) -> Arc<Facets> {
        match self.facets.read() {
            Ok(f) => f.clone(),
            Err(p) => p.into_inner().clone(),
        }
    }
}

/// Runs `f` on the archive under a read lock, on the blocking pool.
pub(crate) async fn read<T, F>(state: &Shared, f: F) -> Result<T, Error>
where
    T: Send + 'static,
    F: FnOnce(&Archive, &State) -> Result<T, Error> + Send + 'static,
{
    let state = state.clone();
    tokio::task::spawn_blocking(move || {
        let archive = state
            .archive
            .read()
            .map_err(|_| Error::Internal("the archive lock is poisoned".into()))?;
        f(&archive, &state)
    })
    .await
    .map_err(|e| Error::Internal(e.to_string()))?
}

/// Brings the archive up to date with the store; how many articles were added.
pub(crate) fn refresh(state: &State) -> Result<usize, String> {
    let mut archive = state
        .archive
        .write()
        .map_err(|_| "the archive lock is poisoned".to_string())?;
    let n = archive.refresh().map_err(|e| e.to_string())?;
    if n > 0 {
        // Under the write lock: no request can keep a page of the old archive.
        state.pages.invalidate();
        state.html.invalidate();
        state.searches.invalidate();
        state.search_pages.invalidate();
        state.home.invalidate();
        let facets = Arc::new(archive.facets());
        drop(archive);
        if let Ok(mut f) = state.facets.write() {
            *f = facets;
        }
    } else {
        drop(archive);
    }
    // An archive that keeps its snapshot (`serve --watch`) saves it under a read lock:
    // requests go on meanwhile.
    let archive = state
        .archive
        .read()
        .map_err(|_| "the archive lock is poisoned".to_string())?;
    archive.save_if_due().map_err(|e| e.to_string())?;
    Ok(n)
}

const CSP: &str = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Adds the security headers to every response.
async fn secure(mut res: Response) -> Response {
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    res
}

/// The whole application: pages, API, feeds and assets, with compression, a timeout, a
/// request body limit and the security headers.
pub(crate) fn app(state: Shared, timeout: Duration) -> Router {
    let api = Router::new()
        .route("/stories", get(api::stories))
        .route("/stories/{id}", get(api::story))
        .route("/articles/{id}", get(api::article))
        .route("/entities/{name}", get(api::entity))
        .route("/outlets/{name}", get(api::outlet))
        .route("/claims", get(api::claims))
        .route("/search", get(api::search))
        .route("/day/{day}", get(api::day))
        .route("/trends", get(api::trends))
        .route("/openapi.json", get(api::openapi))
        .fallback(api::not_found);
    Router::new()
        .route("/", get(html::home))
        .route("/story/{id}", get(html::story))
        .route("/article/{id}", get(html::article))
        .route("/day/{day}", get(html::day))
        .route("/outlet/{name}", get(html::outlet))
        .route("/entity/{name}", get(html::entity))
        .route("/search", get(html::search))
        .route("/static/style.css", get(html::css))
        .route("/static/app.js", get(html::js))
        .route("/feeds/stories.atom", get(feeds::stories_atom))
        .route("/feeds/stories.json", get(feeds::stories_json))
        .route("/feeds/search.atom", get(feeds::search_atom))
        .route("/feeds/search.json", get(feeds::search_json))
        .route("/feeds/story/{file}", get(feeds::story))
        .route("/feeds/entity/{file}", get(feeds::entity))
        .route("/feeds/outlet/{file}", get(feeds::outlet))
        .nest("/api", api)
        .fallback(html::not_found)
        .with_state(state)
        .layer(axum::middleware::map_response(secure))
        .layer(CompressionLayer::new())
        .layer(RequestBodyLimitLayer::new(16 * 1024))
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            timeout,
        ))
}

/// The router over an archive (tests, or to embed the pages in another server).
pub fn router(archive: Archive) -> Router {
    app(State::new(archive), ServeOptions::default().timeout)
}

/// Serves `archive` on `listener` until Ctrl-C or SIGTERM, refreshing it from the store
/// every `options.refresh_every`. Prints `storyline: serving http://ADDR/` first.
pub async fn serve(
    archive: Archive,
    listener: tokio::net::TcpListener,
    options: ServeOptions,
) -> Result<(), WebError> {
    let state = State::new(archive);
    let addr = listener.local_addr()?;
    {
        let mut out = std::io::stdout().lock();
        writeln!(out, "storyline: serving http://{addr}/")?;
        out.flush()?;
    }
    if !options.refresh_every.is_zero() {
        let state = state.clone();
        let every = options.refresh_every;
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(every);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            tick.tick().await;
            loop {
                tick.tick().await;
                let s = state.clone();
                match tokio::task::spawn_blocking(move || refresh(&s)).await {
                    Ok(Ok(_)) => {}
                    Ok(Err(e)) => eprintln!("storyline: refresh: {e}"),
                    Err(e) => eprintln!("storyline: refresh: {e}"),
                }
            }
        });
    }
    let app = app(state, options.timeout);
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown())
        .await?;
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM.
async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    eprintln!("storyline: shutting down");
}

/// Builds the runtime, binds `addr` and [`serve`]s until Ctrl-C or SIGTERM.
pub fn run(archive: Archive, addr: SocketAddr, options: ServeOptions) -> Result<(), WebError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(options.workers.max(1))
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| WebError::Bind { addr, source })?;
        serve(archive, listener, options).await
    })
}
