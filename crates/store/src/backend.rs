//! The storage contract: what any database behind the archive must do. SQLite implements
//! it today ([`crate::sqlite`]); a PostgreSQL backend can follow for several machines.

use serde::Serialize;

use crate::StoreError;
use crate::record::Record;

/// What writing one record did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// A new article (its first version).
    Added,
    /// A known article whose content changed: a new version.
    Updated,
    /// The same content as the article's latest version: nothing written.
    Unchanged,
}

/// What writing one record did, and where it went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub outcome: Outcome,
    pub article_id: i64,
    /// The new version's id (the latest version's when unchanged).
    pub version_id: i64,
    /// The day stored for the version: its publication day, else the ingestion day.
    pub day: String,
}

/// The latest version of an article, as the index and the search results need it.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored {
    pub article_id: i64,
    pub version_id: i64,
    /// The article's identity key (`url:…`, `id:…`, `text:…`).
    pub identity: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub language: Option<String>,
    pub published: Option<String>,
    /// The publication day, else the day the version was ingested.
    pub day: String,
    /// The version's number (1 for the first), and how many the article has.
    pub version: i64,
    pub versions: i64,
    pub ingested_at: String,
    /// The annotated article's JSON.
    pub json: String,
}

/// What a search hit shows of an article: its latest version without the annotated JSON
/// (`meta.json` is empty), and the teaser and text its snippet is cut from.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub meta: Stored,
    pub teaser: Option<String>,
    pub text: String,
}

/// One version of an article (`storyline export --versions`, the versions list).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VersionInfo {
    pub version: i64,
    pub version_id: i64,
    pub ingested_at: String,
    pub content_hash: String,
    pub title: Option<String>,
    pub published: Option<String>,
}

/// Which articles an export or a listing covers.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Only articles whose day (publication, else ingestion) is on or after this
    /// `YYYY-MM-DD`.
    pub since: Option<String>,
    /// Every version, not only each article's latest.
    pub all_versions: bool,
    /// Only the article with this identity key (`url:…`, `id:…`, `text:…`).
    pub identity: Option<String>,
}

/// Counts for `storyline stats`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Counts {
    pub articles: i64,
    pub versions: i64,
    /// The highest version id written (the index records how far it has caught up).
    pub last_version: i64,
    pub by_outlet: Vec<(Option<String>, i64)>,
    pub by_language: Vec<(Option<String>, i64)>,
    pub by_day: Vec<(String, i64)>,
}

/// A database of articles and their versions.
///
/// Writes come from one writer; a batch is all or nothing. Reads may run beside it.
pub trait Backend: Send {
    /// Tunes the backend for a long write (an ingest) rather than for reads: with the
    /// embedded database, no memory map, so that the writer's memory does not grow
    /// with the database file (reads still go through the page cache).
    fn prefer_writing(&mut self) -> Result<(), StoreError> {
        Ok(())
    }

    /// Writes a batch in one transaction: each record becomes a new article, a new
    /// version of a known one, or nothing (same content as its latest version).
    /// `now` is the ingestion time (RFC 3339).
    fn write(&mut self, batch: &[Record], now: &str) -> Result<Vec<Written>, StoreError>;

    /// The highest version id written, 0 for an empty store.
    fn last_version(&self) -> Result<i64, StoreError>;

    /// The number of articles.
    fn article_count(&self) -> Result<i64, StoreError>;

    /// Calls `f` on each article whose latest version's id is above `after`, in version
    /// order (the index catches up with this).
    fn latest_since(
        &self,
        after: i64,
        f: &mut dyn FnMut(Stored) -> Result<(), StoreError>,
    ) -> Result<(), StoreError>;

    /// The latest versions of the given articles (search results), in no set order.
    fn latest_of(&self, article_ids: &[i64]) -> Result<Vec<Stored>, StoreError>;

    /// What search hits show of the given articles (their latest versions), in the order
    /// given (unknown ids left out): a small row each, not the annotated JSON.
    fn shown_of(&self, article_ids: &[i64]) -> Result<Vec<Shown>, StoreError>;

    /// Streams articles (or every version) in id order.
    fn each(
        &self,
        filter: &Filter,
        f: &mut dyn FnMut(Stored) -> Result<(), StoreError>,
    ) -> Result<(), StoreError>;

    /// Every version of the article with this identity, oldest first.
    fn versions(&self, identity: &str) -> Result<Vec<VersionInfo>, StoreError>;

    /// Counts per outlet, language and day (over each article's latest version).
    fn counts(&self) -> Result<Counts, StoreError>;

    /// The schema version of the database.
    fn schema_version(&self) -> Result<i64, StoreError>;

    /// Calls `f` on the latest version of each article whose id is above `after`, in
    /// article id order (the order articles were first stored: the stories stage replays
    /// this).
    fn articles_after(
        &self,
        after: i64,
        f: &mut dyn FnMut(Stored) -> Result<(), StoreError>,
    ) -> Result<(), StoreError>;

    /// The highest article id, 0 for an empty store.
    fn last_article(&self) -> Result<i64, StoreError>;

    /// The latest versions of the given articles without their bodies (`json` empty), in
    /// the order given (unknown ids left out).
    fn meta_of(&self, article_ids: &[i64]) -> Result<Vec<Stored>, StoreError>;

    /// The ids of the articles whose latest version's day is `day` (`YYYY-MM-DD`).
    fn on_day(&self, day: &str) -> Result<Vec<i64>, StoreError>;

    /// The nearest days before and after `day` that have articles.
    fn days_around(&self, day: &str) -> Result<(Option<String>, Option<String>), StoreError>;

    /// An outlet's articles (latest versions, no bodies), newest first, at most `limit`,
    /// and how many it has in all.
    fn of_outlet(&self, outlet: &str, limit: usize) -> Result<(Vec<Stored>, i64), StoreError>;
}
