//! The archive: annotated articles and every version of them, in a database behind the
//! [`Backend`] trait (SQLite today: one file in WAL mode, a batch per transaction,
//! forward migrations), with a full-text index beside it (tantivy) that is caught up from
//! the database when it lags and rebuilt when it is missing or unreadable.
//!
//! This crate is an adapter: it does the I/O. What it stores is decided by pure
//! functions ([`identity`], [`record`]) that ingest runs in parallel; one writer
//! ([`Store::write`]) commits batches.
//!
//! A store is a folder: `storyline.sqlite3` (with its `-wal` and `-shm` files) and
//! `index/`.

pub mod backend;
mod cjk;
mod dense;
pub mod feeds;
pub mod identity;
pub mod index;
pub mod record;
pub mod sqlite;
mod top;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use serde::Serialize;
use tantivy::snippet::{Snippet, SnippetGenerator};

pub use backend::{Backend, Counts, Filter, Outcome, Shown, Stored, VersionInfo, Written};
pub use index::SearchQuery;
pub use record::{IndexDoc, Record, article_from_json};

/// The database file's name inside the store folder.
pub const DB_FILE: &str = "storyline.sqlite3";
/// The index folder's name inside the store folder.
pub const INDEX_DIR: &str = "index";
/// The environment variable naming the default store folder.
pub const ENV_DATA: &str = "STORYLINE_DATA";

/// How often, at most, ingest commits the index (the database commits every batch; the
/// index catches up from it after a crash).
const INDEX_COMMIT_EVERY: Duration = Duration::from_secs(2);

/// Why the store failed. The messages are one line, meant for people.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: {error}")]
    Io { path: String, error: std::io::Error },
    #[error("{}", sqlite_message(.0))]
    Sqlite(rusqlite::Error),
    #[error("search index: {}", index_message(.0))]
    Index(tantivy::TantivyError),
    #[error("bad stored JSON: {0}")]
    Json(serde_json::Error),
    #[error("the store folder is read-only ({0})")]
    ReadOnly(String),
    #[error(
        "the store has schema version {0}, newer than this storyline knows ({1}): upgrade storyline"
    )]
    TooNew(i64, i64),
    #[error("the store is in use by another storyline process (its index is locked)")]
    Busy,
    #[error("{0}")]
    Other(String),
}

// Conversions by hand, not `#[from]`: the messages already say what the source says, and
// a source would be printed twice by error-chain printers.
impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Sqlite(e)
    }
}

impl From<tantivy::TantivyError> for StoreError {
    fn from(e: tantivy::TantivyError) -> Self {
        StoreError::Index(e)
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(e: serde_json::Error) -> Self {
        StoreError::Json(e)
    }
}

impl StoreError {
    fn io(path: &Path, error: std::io::Error) -> StoreError {
        if error.kind() == std::io::ErrorKind::ReadOnlyFilesystem {
            return StoreError::ReadOnly(error.to_string());
        }
        StoreError::Io {
            path: path.display().to_string(),
            error,
        }
    }
}

fn index_message(e: &tantivy::TantivyError) -> String {
    let s = e.to_string();
    if s.contains("No space left") {
        "the disk is full: the index could not be written".into()
    } else {
        s
    }
}

/// Checks that the store folder takes new files (a read-only folder or file system
/// would otherwise fail later, less clearly).
fn probe_writable(dir: &Path) -> Result<(), StoreError> {
    let probe = dir.join(".storyline-write-probe");
    match std::fs::write(&probe, b"") {
        Ok(()) => {
            let _ = std::fs::remove_file(&probe);
            Ok(())
        }
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::ReadOnlyFilesystem | std::io::ErrorKind::PermissionDenied
            ) =>
        {
            Err(StoreError::ReadOnly(e.to_string()))
        }
        Err(e) => Err(StoreError::io(dir, e)),
    }
}

fn sqlite_message(e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode::*;
    match e.sqlite_error_code() {
        Some(ReadOnly) => "the store is read-only: cannot write the database".into(),
        Some(DiskFull) => "the disk is full: the last batch was not written".into(),
        Some(CannotOpen) => format!("cannot open the database: {e}"),
        Some(PermissionDenied) => "no permission to open the database".into(),
        Some(DatabaseBusy) | Some(DatabaseLocked) => {
            "the database is locked by another process".into()
        }
        Some(NotADatabase) | Some(DatabaseCorrupt) => {
            "the database file is not a storyline database or is damaged".into()
        }
        _ => format!("database: {e}"),
    }
}

/// The store folder: `$STORYLINE_DATA`, else `./storyline-data`.
pub fn default_dir() -> PathBuf {
    match std::env::var_os(ENV_DATA) {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => PathBuf::from("storyline-data"),
    }
}

/// One search hit (`storyline search --json`).
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub score: f32,
    /// The article's id in this store.
    pub id: i64,
    pub identity: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub language: Option<String>,
    pub published: Option<String>,
    /// The latest version's number, and how many versions the article has.
    pub version: i64,
    pub versions: i64,
    /// A passage of the text around the query's words.
    pub snippet: String,
    /// The query's words in `snippet`: `[start, end)` code-point offsets.
    pub highlights: Vec<[usize; 2]>,
}

/// A search's answer.
#[derive(Debug, Clone, Serialize)]
pub struct Results {
    pub query: String,
    /// How many articles match (beyond those listed).
    pub total: usize,
    /// `total` is extrapolated from a sample of the index (above 20,000 matches), to
    /// two significant digits.
    pub total_estimated: bool,
    pub hits: Vec<Hit>,
}

/// What `storyline stats` reports.
#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    pub articles: i64,
    pub versions: i64,
    pub by_outlet: Vec<Count>,
    pub by_language: Vec<Count>,
    pub by_day: Vec<Count>,
    pub store_bytes: u64,
    pub database_bytes: u64,
    pub index_bytes: u64,
    pub index_documents: u64,
    /// The last version id written, and the last the index holds (equal when caught up).
    pub last_version: i64,
    pub indexed_version: i64,
    pub schema_version: i64,
}

/// A count under a key (an outlet, a language, a day; null when unknown).
#[derive(Debug, Clone, Serialize)]
pub struct Count {
    pub key: Option<String>,
    pub articles: i64,
}

/// How opening went.
#[derive(Debug, Clone, Copy, Default)]
pub struct Opened {
    /// The index was missing, unreadable or of another layout, and was rebuilt.
    pub rebuilt: bool,
    /// Articles (re)indexed from the database to catch up.
    pub caught_up: usize,
}

/// Why a reader could not catch the index up (a full disk, a read-only folder): the
/// search then runs on the index as it was.
pub type CatchUpError = Option<String>;

/// A store folder open for reading and writing.
pub struct Store {
    dir: PathBuf,
    /// Behind a mutex so that a `Store` can be shared by threads (a web server's
    /// requests): each call holds it only for its own queries.
    db: Mutex<Box<dyn Backend>>,
    index: index::Index,
    last_commit: Instant,
    written: i64,
    pub opened: Opened,
    /// Set when opening could not bring the index up to date.
    pub index_warning: CatchUpError,
}

/// Whether opening the store in `dir` will build its search index from the database:
/// the database exists but the index is missing, unreadable or of another layout (after
/// an upgrade). That takes minutes on a large store (about 5 per million articles), so
/// a command says so before it opens the store.
pub fn rebuilds_search_index(dir: &Path) -> bool {
    dir.join(DB_FILE).is_file() && index::Index::would_rebuild(&dir.join(INDEX_DIR))
}

/// The highest article id of the store in `dir` (0 when it holds none), read without
/// opening the store (no index, no migration); `None` when there is no database or it
/// cannot be read yet (it is then not a store with articles to speak of).
pub fn last_article_in(dir: &Path) -> Option<i64> {
    let path = dir.join(DB_FILE);
    if !path.is_file() {
        return None;
    }
    let conn =
        rusqlite::Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .ok()?;
    conn.busy_timeout(Duration::from_secs(5)).ok()?;
    conn.query_row("SELECT coalesce(max(id), 0) FROM articles", [], |r| {
        r.get(0)
    })
    .ok()
}

impl Store {
    /// Opens the store in `dir`, creating it when absent; catches the index up with the
    /// database (rebuilding it when missing or unreadable) unless another process is
    /// writing it.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        std::fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
        let db = sqlite::Sqlite::open(&dir.join(DB_FILE))?;
        let (index, rebuilt) = index::Index::open(&dir.join(INDEX_DIR))?;
        let mut store = Store {
            dir: dir.to_path_buf(),
            written: db.last_version()?,
            db: Mutex::new(Box::new(db)),
            index,
            last_commit: Instant::now(),
            opened: Opened {
                rebuilt,
                caught_up: 0,
            },
            index_warning: None,
        };
        match store.catch_up() {
            Ok(n) => store.opened.caught_up = n,
            Err(e) => store.index_warning = Some(e.to_string()),
        }
        // Readers do not keep the index's lock: an ingest may start beside them.
        if let Err(e) = store.index.close() {
            store.index_warning.get_or_insert(e.to_string());
        }
        Ok(store)
    }

    /// Opens the store to write: takes the index's writer lock (waiting a little for
    /// another process to release it).
    pub fn open_writer(dir: &Path) -> Result<Store, StoreError> {
        std::fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
        probe_writable(dir)?;
        let mut store = Store::open(dir)?;
        let start = Instant::now();
        while !store.index.lock()? {
            if start.elapsed() > Duration::from_secs(5) {
                return Err(StoreError::Busy);
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        if store.index_warning.is_some() || store.index.indexed_version() < store.written {
            store.opened.caught_up += store.catch_up()?;
            store.index_warning = None;
        }
        store.db().prefer_writing()?;
        Ok(store)
    }

    /// The database (a poisoned lock is taken over: every write is one transaction, so
    /// a panic elsewhere cannot leave it half-done).
    fn db(&self) -> MutexGuard<'_, Box<dyn Backend>> {
        self.db.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The store's folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Brings the index up to the database: indexes the latest version of every article
    /// changed since the index's last commit; rebuilds it whole when it claims more than
    /// the database holds or disagrees with it. Does nothing (0) when another process
    /// holds the index's lock.
    fn catch_up(&mut self) -> Result<usize, StoreError> {
        let mut total = 0;
        for attempt in 0..2 {
            let db_last = self.db().last_version()?;
            let articles = self.db().article_count()? as u64;
            let indexed = self.index.indexed_version();
            if indexed == db_last && self.index.documents() == articles {
                break;
            }
            if !self.index.lock()? {
                break;
            }
            let mut from = indexed;
            if indexed >= db_last || attempt > 0 {
                self.index.clear()?;
                self.opened.rebuilt = true;
                from = 0;
            }
            let index = &mut self.index;
            let mut n = 0usize;
            let db = self.db.lock().unwrap_or_else(|e| e.into_inner());
            db.latest_since(from, &mut |s| {
                let doc = IndexDoc::from_json(&s.json)?;
                index.upsert(s.article_id, &doc, &s.day)?;
                n += 1;
                if index.pending() >= 50_000 {
                    index.commit(s.version_id)?;
                }
                Ok(())
            })?;
            self.index.commit(db_last)?;
            total += n;
        }
        Ok(total)
    }

    /// Writes a batch (one database transaction) and indexes what changed; the index is
    /// committed every few seconds and by [`Store::finish`].
    pub fn write(&mut self, batch: &[Record]) -> Result<Vec<Written>, StoreError> {
        let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let written = self.db().write(batch, &now)?;
        for (w, r) in written.iter().zip(batch) {
            if w.outcome != Outcome::Unchanged {
                self.index.upsert(w.article_id, &r.index, &w.day)?;
                self.written = self.written.max(w.version_id);
            }
        }
        if self.index.pending() > 0 && self.last_commit.elapsed() >= INDEX_COMMIT_EVERY {
            self.index.commit(self.written)?;
            self.last_commit = Instant::now();
        }
        Ok(written)
    }

    /// Commits the index and releases its lock.
    pub fn finish(mut self) -> Result<(), StoreError> {
        if self.index.pending() > 0 || self.index.indexed_version() < self.written {
            self.index.commit(self.written)?;
        }
        self.index.close()
    }

    /// Makes the search see what another process (an ingest beside a server) committed
    /// to the index since this store was opened.
    pub fn reload_search(&self) -> Result<(), StoreError> {
        self.index.reload()
    }

    /// Full-text search, best first, with snippets.
    pub fn search(&self, q: &SearchQuery) -> Result<Results, StoreError> {
        let found = self.index.search(q)?;
        let ids: Vec<i64> = found.hits.iter().map(|(_, id)| *id).collect();
        // One small row per hit (metadata, teaser, text), in the hits' order.
        let shown = self.db().shown_of(&ids)?;
        let mut shown = shown.into_iter().peekable();
        // A snippet maker per language among the hits (most pages have one or two).
        let mut makers: Vec<(&'static str, Option<SnippetGenerator>)> = Vec::new();
        let mut hits = Vec::with_capacity(found.hits.len());
        for (score, id) in &found.hits {
            let Some(s) = shown.next_if(|s| s.meta.article_id == *id) else {
                continue;
            };
            let body = match &s.teaser {
                Some(t) => format!("{t}\n\n{}", s.text),
                None => s.text,
            };
            let window = snippet_window(&body, &q.text);
            let analyser = index::analyser_of(s.meta.language.as_deref());
            let at = match makers.iter().position(|(a, _)| *a == analyser) {
                Some(at) => at,
                None => {
                    makers.push((analyser, found.snippets(s.meta.language.as_deref(), 200)));
                    makers.len() - 1
                }
            };
            let snip = match &makers[at].1 {
                Some(g) => g.snippet(window),
                None => Snippet::empty(),
            };
            let fragment = snip.fragment();
            let highlights = snip
                .highlighted()
                .iter()
                .filter_map(|r| {
                    let start = fragment.get(..r.start)?.chars().count();
                    let len = fragment.get(r.clone())?.chars().count();
                    Some([start, start + len])
                })
                .collect();
            let snippet = if fragment.is_empty() {
                window.chars().take(200).collect()
            } else {
                fragment.to_string()
            };
            let m = s.meta;
            hits.push(Hit {
                score: *score,
                id: m.article_id,
                identity: m.identity,
                url: m.url,
                title: m.title,
                outlet: m.outlet,
                language: m.language,
                published: m.published,
                version: m.version,
                versions: m.versions,
                snippet,
                highlights,
            });
        }
        Ok(Results {
            query: q.text.clone(),
            total: found.total,
            total_estimated: found.total_estimated,
            hits,
        })
    }

    /// Streams articles (each latest version, or every version) in id order.
    pub fn each(
        &self,
        filter: &Filter,
        f: &mut dyn FnMut(Stored) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        self.db().each(filter, f)
    }

    /// Every version of the article with this identity (or URL), oldest first.
    pub fn versions(&self, identity_or_url: &str) -> Result<Vec<VersionInfo>, StoreError> {
        self.db().versions(&identity_key(identity_or_url))
    }

    /// Counts and sizes.
    pub fn stats(&self) -> Result<Stats, StoreError> {
        let c = self.db().counts()?;
        let count = |v: Vec<(Option<String>, i64)>| {
            v.into_iter()
                .map(|(key, articles)| Count { key, articles })
                .collect()
        };
        let database_bytes = [DB_FILE, "storyline.sqlite3-wal", "storyline.sqlite3-shm"]
            .iter()
            .filter_map(|f| std::fs::metadata(self.dir.join(f)).ok())
            .map(|m| m.len())
            .sum();
        let index_bytes = dir_size(&self.dir.join(INDEX_DIR));
        Ok(Stats {
            articles: c.articles,
            versions: c.versions,
            by_outlet: count(c.by_outlet),
            by_language: count(c.by_language),
            by_day: c
                .by_day
                .into_iter()
                .map(|(d, articles)| Count {
                    key: Some(d),
                    articles,
                })
                .collect(),
            store_bytes: database_bytes + index_bytes,
            database_bytes,
            index_bytes,
            index_documents: self.index.documents(),
            last_version: c.last_version,
            indexed_version: self.index.indexed_version(),
            schema_version: self.db().schema_version()?,
        })
    }

    /// Calls `f` on the latest version of each article whose id is above `after`, in
    /// article id order.
    pub fn articles_after(
        &self,
        after: i64,
        f: &mut dyn FnMut(Stored) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        self.db().articles_after(after, f)
    }

    /// The highest article id, 0 for an empty store.
    pub fn last_article(&self) -> Result<i64, StoreError> {
        self.db().last_article()
    }

    /// The latest version of one article, with its annotated JSON.
    pub fn article(&self, id: i64) -> Result<Option<Stored>, StoreError> {
        Ok(self.db().latest_of(&[id])?.pop())
    }

    /// The latest versions of the given articles without bodies, in the order given.
    pub fn meta_of(&self, ids: &[i64]) -> Result<Vec<Stored>, StoreError> {
        self.db().meta_of(ids)
    }

    /// The ids of the articles of one day (`YYYY-MM-DD`: publication, else ingestion).
    pub fn on_day(&self, day: &str) -> Result<Vec<i64>, StoreError> {
        self.db().on_day(day)
    }

    /// The nearest earlier and later days with articles.
    pub fn days_around(&self, day: &str) -> Result<(Option<String>, Option<String>), StoreError> {
        self.db().days_around(day)
    }

    /// An outlet's newest articles (no bodies), and how many it has.
    pub fn of_outlet(&self, outlet: &str, limit: usize) -> Result<(Vec<Stored>, i64), StoreError> {
        self.db().of_outlet(outlet, limit)
    }

    /// The article ids the committed index holds, sorted (a consistency check).
    pub fn indexed_articles(&self) -> Result<Vec<i64>, StoreError> {
        self.index.article_ids()
    }
}

/// The identity key an article is named by on the command line: a URL (normalised) or
/// an identity key as printed (`url:…`, `id:…`, `text:…`).
pub fn identity_key(identity_or_url: &str) -> String {
    let s = identity_or_url.trim();
    if s.starts_with("url:") || s.starts_with("id:") || s.starts_with("text:") {
        return s.to_string();
    }
    match identity::normalise_url(s) {
        Some(u) => format!("url:{u}"),
        None => s.to_string(),
    }
}

fn dir_size(dir: &Path) -> u64 {
    let mut total = 0;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            match entry.metadata() {
                Ok(m) if m.is_dir() => stack.push(entry.path()),
                Ok(m) => total += m.len(),
                Err(_) => {}
            }
        }
    }
    total
}

#[cfg(test)]
mod tests;

/// Where in `body` a search snippet is looked for: the first paragraph that holds one of
/// the query's words (compared by their first letters, which stemming keeps), with the
/// paragraph after it; else the first two paragraphs (the match was in the title, an
/// entity or a quote). Making a snippet stems every word it is given, so giving it two
/// paragraphs rather than the whole article keeps a search page cheap.
fn snippet_window<'a>(body: &'a str, query: &str) -> &'a str {
    let probes: Vec<String> = query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !matches!(*w, "AND" | "OR" | "NOT"))
        .map(|w| {
            let w = w.to_lowercase();
            // Latin and Cyrillic words keep their first five letters through stemming;
            // CJK "words" are runs of characters matched as bigrams: the first two.
            let keep = if w.chars().any(cjk::is_cjk) { 2 } else { 5 };
            w.chars().take(keep).collect()
        })
        .collect();
    let mut starts: Vec<usize> = vec![0];
    starts.extend(body.match_indices("\n\n").map(|(i, _)| i + 2));
    let end_of = |k: usize| {
        starts
            .get(k + 1)
            .map_or(body.len(), |&next| next.saturating_sub(2))
    };
    let hit = (!probes.is_empty())
        .then(|| {
            (0..starts.len()).find(|&k| {
                let p = body.get(starts[k]..end_of(k)).unwrap_or("").to_lowercase();
                probes.iter().any(|w| p.contains(w.as_str()))
            })
        })
        .flatten();
    let first = hit.unwrap_or(0);
    let last = (first + 1).min(starts.len() - 1);
    body.get(starts[first]..end_of(last)).unwrap_or(body)
}
