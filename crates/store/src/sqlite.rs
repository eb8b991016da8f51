//! The embedded backend: one SQLite file in WAL mode, a batch per transaction, forward
//! migrations recorded in `schema_version`. Each version's annotated JSON is stored
//! deflate-compressed (a BLOB; about a quarter of its size); a TEXT value is read as
//! plain JSON.

use std::io::{Read, Write};
use std::path::Path;
use std::time::Duration;

use rusqlite::types::{Type, ValueRef};
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::StoreError;
use crate::backend::{Backend, Counts, Filter, Outcome, Shown, Stored, VersionInfo, Written};
use crate::record::Record;

/// Forward migrations: `MIGRATIONS[i]` takes the schema from version `i` to `i + 1`.
/// Never edit a released one: add the next.
const MIGRATIONS: &[&str] = &[
    // 1: articles, their versions, and each version's annotated JSON (`bodies`).
    "CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        identity TEXT NOT NULL UNIQUE,
        url TEXT,
        first_seen TEXT NOT NULL,
        latest_version INTEGER,
        versions INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE versions (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        seq INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        ingested_at TEXT NOT NULL,
        title TEXT,
        outlet TEXT,
        language TEXT,
        published TEXT,
        day TEXT NOT NULL,
        input TEXT,
        UNIQUE (article_id, seq)
    );
    -- The bodies apart: scans of the small rows above (stats, filters) stay fast.
    CREATE TABLE bodies (
        version_id INTEGER PRIMARY KEY REFERENCES versions(id),
        annotated BLOB NOT NULL
    );
    CREATE INDEX articles_latest ON articles(latest_version);
    CREATE INDEX versions_day ON versions(day);",
    // 2: an outlet's articles by date (outlet pages).
    "CREATE INDEX versions_outlet ON versions(outlet, published);",
    // 3: subscriptions, their items seen, and the fetch log (`storyline feeds`, `watch`).
    "CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        title TEXT,
        folder TEXT,
        kind TEXT,
        etag TEXT,
        last_modified TEXT,
        added TEXT NOT NULL,
        last_poll TEXT,
        last_success TEXT,
        last_error TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        next_poll TEXT NOT NULL
    );
    CREATE INDEX feeds_next_poll ON feeds(next_poll);
    CREATE TABLE feed_items (
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        url TEXT,
        first_seen TEXT NOT NULL,
        tries INTEGER NOT NULL DEFAULT 0,
        done TEXT,
        PRIMARY KEY (feed_id, key)
    );
    CREATE TABLE fetch_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        url TEXT NOT NULL,
        status INTEGER,
        bytes INTEGER NOT NULL,
        elapsed_ms INTEGER NOT NULL,
        error TEXT,
        context TEXT
    );
    CREATE INDEX fetch_log_url ON fetch_log(url);",
    // 4: what a search hit shows of each article's latest version apart from its
    // annotated JSON: the teaser and the text (deflated) that its snippet is cut from
    // (title, outlet and dates are in `versions`). A hit reads this small row instead of
    // inflating and parsing the whole analysis. Filled for existing stores by
    // `backfill_texts` in the same transaction.
    "CREATE TABLE texts (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id),
        version_id INTEGER NOT NULL REFERENCES versions(id),
        teaser TEXT,
        text BLOB NOT NULL
    );",
];

/// The schema version whose migration adds the `texts` table (and fills it).
const TEXTS_SCHEMA: usize = 4;

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// A SQLite database file.
pub struct Sqlite {
    conn: Connection,
}

impl Sqlite {
    /// Opens (creating when absent) the database and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Sqlite, StoreError> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(Duration::from_secs(30))?;
        let mode: String =
            conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Other(format!(
                "cannot switch the database to WAL mode (got {mode})"
            )));
        }
        // FULL: a committed batch survives a power cut, not only a crash.
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Reads through a memory map and a 32 MiB page cache: scans of a large store
        // cost page faults, not a system call per page.
        conn.pragma_update(None, "mmap_size", 1i64 << 30)?;
        conn.pragma_update(None, "cache_size", -32_768)?;
        let mut db = Sqlite { conn };
        db.migrate()?;
        Ok(db)
    }

    /// The open connection (the feeds tables use their own, beside the writer's).
    pub(crate) fn into_connection(self) -> Connection {
        self.conn
    }

    fn migrate(&mut self) -> Result<(), StoreError> {
        let exists: bool = self.conn.query_row(
            "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'",
            [],
            |r| r.get(0),
        )?;
        let current = if exists { self.schema_version()? } else { 0 };
        if current > SCHEMA_VERSION {
            return Err(StoreError::TooNew(current, SCHEMA_VERSION));
        }
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
            let tx = self.conn.transaction()?;
            tx.execute_batch(
                "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)",
            )?;
            tx.execute_batch(sql)?;
            if i + 1 == TEXTS_SCHEMA {
                backfill_texts(&tx)?;
            }
            tx.execute("DELETE FROM schema_version", [])?;
            tx.execute(
                "INSERT INTO schema_version (version) VALUES (?1)",
                [i as i64 + 1],
            )?;
            tx.commit()?;
        }
        Ok(())
    }
}

/// Fills `texts` from each article's latest annotated JSON (the migration to schema 4).
fn backfill_texts(tx: &rusqlite::Transaction<'_>) -> Result<(), StoreError> {
    let mut read = tx.prepare(
        "SELECT a.id, a.latest_version, b.annotated FROM articles a
         JOIN bodies b ON b.version_id = a.latest_version ORDER BY a.id",
    )?;
    let mut add = tx.prepare(
        "INSERT OR REPLACE INTO texts (article_id, version_id, teaser, text) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut rows = read.query([])?;
    while let Some(r) = rows.next()? {
        let article: i64 = r.get(0)?;
        let version: i64 = r.get(1)?;
        let shown: ShownText = serde_json::from_str(&unpack(r, 2)?)?;
        add.execute(params![article, version, shown.teaser, pack(&shown.text)])?;
    }
    Ok(())
}

/// The fields of an annotated article's JSON that `texts` keeps.
#[derive(serde::Deserialize)]
struct ShownText {
    #[serde(default)]
    teaser: Option<String>,
    #[serde(default)]
    text: String,
}

const STORED: &str = "SELECT a.id, v.id, a.identity, a.url, v.title, v.outlet, v.language,
    v.published, v.day, v.seq, a.versions, v.ingested_at, b.annotated";

/// [`STORED`] without the body (the `json` column is an empty string).
const META: &str = "SELECT a.id, v.id, a.identity, a.url, v.title, v.outlet, v.language,
    v.published, v.day, v.seq, a.versions, v.ingested_at, ''";

/// Deflates a JSON text (fast level: the writer must keep up with the analysis).
fn pack(json: &str) -> Vec<u8> {
    let mut enc = flate2::write::DeflateEncoder::new(
        Vec::with_capacity(json.len() / 3),
        flate2::Compression::fast(),
    );
    // Writing into a Vec cannot fail.
    let _ = enc.write_all(json.as_bytes());
    enc.finish().unwrap_or_default()
}

/// The stored JSON: inflated from a BLOB, as is from a TEXT.
fn unpack(r: &Row<'_>, col: usize) -> rusqlite::Result<String> {
    let bad = |e: Box<dyn std::error::Error + Send + Sync>| {
        rusqlite::Error::FromSqlConversionFailure(col, Type::Blob, e)
    };
    match r.get_ref(col)? {
        ValueRef::Text(t) => String::from_utf8(t.to_vec()).map_err(|e| bad(Box::new(e))),
        ValueRef::Blob(b) => {
            let mut s = String::with_capacity(b.len() * 4);
            flate2::read::DeflateDecoder::new(b)
                .read_to_string(&mut s)
                .map_err(|e| bad(Box::new(e)))?;
            Ok(s)
        }
        _ => Ok(String::new()),
    }
}

fn stored(r: &Row<'_>) -> rusqlite::Result<Stored> {
    Ok(Stored {
        article_id: r.get(0)?,
        version_id: r.get(1)?,
        identity: r.get(2)?,
        url: r.get(3)?,
        title: r.get(4)?,
        outlet: r.get(5)?,
        language: r.get(6)?,
        published: r.get(7)?,
        day: r.get(8)?,
        version: r.get(9)?,
        versions: r.get(10)?,
        ingested_at: r.get(11)?,
        json: unpack(r, 12)?,
    })
}

impl Backend for Sqlite {
    fn prefer_writing(&mut self) -> Result<(), StoreError> {
        self.conn.pragma_update(None, "mmap_size", 0i64)?;
        Ok(())
    }

    fn write(&mut self, batch: &[Record], now: &str) -> Result<Vec<Written>, StoreError> {
        let today = now.get(..10).unwrap_or(now);
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut outcomes = Vec::with_capacity(batch.len());
        {
            let mut find = tx.prepare_cached(
                "SELECT a.id, a.versions, v.content_hash, v.id, v.day FROM articles a
                 LEFT JOIN versions v ON v.id = a.latest_version WHERE a.identity = ?1",
            )?;
            let mut add_article = tx.prepare_cached(
                "INSERT INTO articles (identity, url, first_seen) VALUES (?1, ?2, ?3)",
            )?;
            let mut add_version = tx.prepare_cached(
                "INSERT INTO versions (article_id, seq, content_hash, ingested_at, title, outlet,
                 language, published, day, input)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?;
            let mut add_body =
                tx.prepare_cached("INSERT INTO bodies (version_id, annotated) VALUES (?1, ?2)")?;
            let mut add_text = tx.prepare_cached(
                "INSERT OR REPLACE INTO texts (article_id, version_id, teaser, text)
                 VALUES (?1, ?2, ?3, ?4)",
            )?;
            let mut point = tx.prepare_cached(
                "UPDATE articles SET latest_version = ?1, versions = ?2 WHERE id = ?3",
            )?;
            for r in batch {
                type Known = (i64, i64, Option<String>, Option<i64>, Option<String>);
                let known: Option<Known> = find
                    .query_row([&r.identity], |row| {
                        Ok((
                            row.get(0)?,
                            row.get(1)?,
                            row.get(2)?,
                            row.get(3)?,
                            row.get(4)?,
                        ))
                    })
                    .optional()?;
                let (article_id, seq, outcome) = match known {
                    Some((id, _, Some(hash), Some(version_id), day)) if hash == r.content_hash => {
                        outcomes.push(Written {
                            outcome: Outcome::Unchanged,
                            article_id: id,
                            version_id,
                            day: day.unwrap_or_default(),
                        });
                        continue;
                    }
                    Some((id, n, ..)) => (id, n + 1, Outcome::Updated),
                    None => {
                        add_article.execute(params![r.identity, r.url, now])?;
                        (tx.last_insert_rowid(), 1, Outcome::Added)
                    }
                };
                let day = r.day.as_deref().unwrap_or(today);
                add_version.execute(params![
                    article_id,
                    seq,
                    r.content_hash,
                    now,
                    r.title,
                    r.outlet,
                    r.language,
                    r.published,
                    day,
                    r.input,
                ])?;
                let version_id = tx.last_insert_rowid();
                add_body.execute(params![version_id, pack(&r.json)])?;
                add_text.execute(params![
                    article_id,
                    version_id,
                    r.index.teaser,
                    pack(&r.index.text)
                ])?;
                point.execute(params![version_id, seq, article_id])?;
                outcomes.push(Written {
                    outcome,
                    article_id,
                    version_id,
                    day: day.to_string(),
                });
            }
        }
        tx.commit()?;
        Ok(outcomes)
    }

    fn last_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT coalesce(max(id), 0) FROM versions", [], |r| {
                r.get(0)
            })?)
    }

    fn article_count(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?)
    }

    fn latest_since(
        &self,
        after: i64,
        f: &mut dyn FnMut(Stored) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut st = self.conn.prepare(&format!(
            "{STORED} FROM articles a JOIN versions v ON v.id = a.latest_version
             JOIN bodies b ON b.version_id = v.id
             WHERE a.latest_version > ?1 ORDER BY a.latest_version"
        ))?;
        let mut rows = st.query([after])?;
        while let Some(row) = rows.next()? {
            f(stored(row)?)?;
        }
        Ok(())
    }

    fn latest_of(&self, article_ids: &[i64]) -> Result<Vec<Stored>, StoreError> {
        let mut st = self.conn.prepare_cached(&format!(
            "{STORED} FROM articles a JOIN versions v ON v.id = a.latest_version
             JOIN bodies b ON b.version_id = v.id WHERE a.id = ?1"
        ))?;
        let mut out = Vec::with_capacity(article_ids.len());
        for id in article_ids {
            if let Some(s) = st.query_row([id], stored).optional()? {
                out.push(s);
            }
        }
        Ok(out)
    }

    fn shown_of(&self, article_ids: &[i64]) -> Result<Vec<Shown>, StoreError> {
        let mut st = self.conn.prepare_cached(&format!(
            "{META}, t.teaser, t.text FROM articles a JOIN versions v ON v.id = a.latest_version
             LEFT JOIN texts t ON t.article_id = a.id AND t.version_id = a.latest_version
             WHERE a.id = ?1"
        ))?;
        let mut out = Vec::with_capacity(article_ids.len());
        for id in article_ids {
            let row = st
                .query_row([id], |r| {
                    let meta = stored(r)?;
                    if r.get_ref(14)? == ValueRef::Null {
                        return Ok(Err(meta));
                    }
                    Ok(Ok(Shown {
                        teaser: r.get(13)?,
                        text: unpack(r, 14)?,
                        meta,
                    }))
                })
                .optional()?;
            match row {
                Some(Ok(shown)) => out.push(shown),
                // A version without its row (none is written so, but a store may be
                // damaged): from its annotated JSON.
                Some(Err(meta)) => {
                    if let Some(s) = self.latest_of(&[*id])?.pop() {
                        let shown: ShownText = serde_json::from_str(&s.json)?;
                        out.push(Shown {
                            meta,
                            teaser: shown.teaser,
                            text: shown.text,
                        });
                    }
                }
                None => {}
            }
        }
        Ok(out)
    }

    fn each(
        &self,
        filter: &Filter,
        f: &mut dyn FnMut(Stored) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let sql = if filter.all_versions {
            format!(
                "{STORED} FROM versions v JOIN articles a ON a.id = v.article_id
                 JOIN bodies b ON b.version_id = v.id
                 WHERE (?1 IS NULL OR v.day >= ?1) AND (?2 IS NULL OR a.identity = ?2)
                 ORDER BY a.id, v.seq"
            )
        } else {
            format!(
                "{STORED} FROM articles a JOIN versions v ON v.id = a.latest_version
                 JOIN bodies b ON b.version_id = v.id
                 WHERE (?1 IS NULL OR v.day >= ?1) AND (?2 IS NULL OR a.identity = ?2)
                 ORDER BY a.id"
            )
        };
        let mut st = self.conn.prepare(&sql)?;
        let mut rows = st.query(params![filter.since, filter.identity])?;
        while let Some(row) = rows.next()? {
            f(stored(row)?)?;
        }
        Ok(())
    }

    fn versions(&self, identity: &str) -> Result<Vec<VersionInfo>, StoreError> {
        let mut st = self.conn.prepare(
            "SELECT v.seq, v.id, v.ingested_at, v.content_hash, v.title, v.published
             FROM versions v JOIN articles a ON a.id = v.article_id
             WHERE a.identity = ?1 ORDER BY v.seq",
        )?;
        let rows = st.query_map([identity], |r| {
            Ok(VersionInfo {
                version: r.get(0)?,
                version_id: r.get(1)?,
                ingested_at: r.get(2)?,
                content_hash: r.get(3)?,
                title: r.get(4)?,
                published: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn counts(&self) -> Result<Counts, StoreError> {
        use std::collections::HashMap;
        let one = |sql: &str| -> Result<i64, StoreError> {
            Ok(self.conn.query_row(sql, [], |r| r.get(0))?)
        };
        // One pass over the latest versions (in version order: the rows lie in that
        // order in the file), counted here.
        let mut outlets: HashMap<Option<String>, i64> = HashMap::new();
        let mut languages: HashMap<Option<String>, i64> = HashMap::new();
        let mut days: HashMap<String, i64> = HashMap::new();
        let mut st = self.conn.prepare(
            "SELECT v.outlet, v.language, v.day FROM versions v
             WHERE v.id IN (SELECT latest_version FROM articles)",
        )?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            *outlets.entry(r.get(0)?).or_default() += 1;
            *languages.entry(r.get(1)?).or_default() += 1;
            *days.entry(r.get(2)?).or_default() += 1;
        }
        let by_count = |m: HashMap<Option<String>, i64>| {
            let mut v: Vec<_> = m.into_iter().collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            v
        };
        let mut by_day: Vec<(String, i64)> = days.into_iter().collect();
        by_day.sort();
        Ok(Counts {
            articles: one("SELECT count(*) FROM articles")?,
            versions: one("SELECT count(*) FROM versions")?,
            last_version: one("SELECT coalesce(max(id), 0) FROM versions")?,
            by_outlet: by_count(outlets),
            by_language: by_count(languages),
            by_day,
        })
    }

    fn schema_version(&self) -> Result<i64, StoreError> {
        Ok(self.conn.query_row(
            "SELECT coalesce(max(version), 0) FROM schema_version",
            [],
            |r| r.get(0),
        )?)
    }

    fn articles_after(
        &self,
        after: i64,
        f: &mut dyn FnMut(Stored) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut st = self.conn.prepare(&format!(
            "{STORED} FROM articles a JOIN versions v ON v.id = a.latest_version
             JOIN bodies b ON b.version_id = v.id
             WHERE a.id > ?1 ORDER BY a.id"
        ))?;
        let mut rows = st.query([after])?;
        while let Some(row) = rows.next()? {
            f(stored(row)?)?;
        }
        Ok(())
    }

    fn last_article(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT coalesce(max(id), 0) FROM articles", [], |r| {
                r.get(0)
            })?)
    }

    fn meta_of(&self, article_ids: &[i64]) -> Result<Vec<Stored>, StoreError> {
        let mut st = self.conn.prepare_cached(&format!(
            "{META} FROM articles a JOIN versions v ON v.id = a.latest_version WHERE a.id = ?1"
        ))?;
        let mut out = Vec::with_capacity(article_ids.len());
        for id in article_ids {
            if let Some(s) = st.query_row([id], stored).optional()? {
                out.push(s);
            }
        }
        Ok(out)
    }

    fn on_day(&self, day: &str) -> Result<Vec<i64>, StoreError> {
        let mut st = self.conn.prepare_cached(
            "SELECT a.id FROM versions v JOIN articles a ON a.latest_version = v.id
             WHERE v.day = ?1 ORDER BY a.id",
        )?;
        let ids = st
            .query_map([day], |r| r.get(0))?
            .collect::<Result<Vec<i64>, _>>()?;
        Ok(ids)
    }

    fn days_around(&self, day: &str) -> Result<(Option<String>, Option<String>), StoreError> {
        let before = self
            .conn
            .query_row("SELECT max(day) FROM versions WHERE day < ?1", [day], |r| {
                r.get(0)
            })
            .optional()?
            .flatten();
        let after = self
            .conn
            .query_row("SELECT min(day) FROM versions WHERE day > ?1", [day], |r| {
                r.get(0)
            })
            .optional()?
            .flatten();
        Ok((before, after))
    }

    fn of_outlet(&self, outlet: &str, limit: usize) -> Result<(Vec<Stored>, i64), StoreError> {
        let mut st = self.conn.prepare_cached(&format!(
            "{META} FROM versions v JOIN articles a ON a.latest_version = v.id
             WHERE v.outlet = ?1 ORDER BY v.published DESC, a.id DESC LIMIT ?2"
        ))?;
        let rows = st
            .query_map(params![outlet, limit as i64], stored)?
            .collect::<Result<Vec<_>, _>>()?;
        let total = self.conn.query_row(
            "SELECT count(*) FROM versions v JOIN articles a ON a.latest_version = v.id
             WHERE v.outlet = ?1",
            [outlet],
            |r| r.get(0),
        )?;
        Ok((rows, total))
    }
}
