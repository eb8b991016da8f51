//! Subscriptions and the fetch log: the `feeds`, `feed_items` and `fetch_log` tables.
//! Opened on their own connection beside the archive's writer (WAL: `storyline watch`
//! and `storyline serve` share one store). Times are RFC 3339 UTC strings
//! (`2024-03-01T10:00:00Z`), compared as text.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;

use crate::{DB_FILE, StoreError};

/// A subscription and how its polling goes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Feed {
    pub id: i64,
    pub url: String,
    pub title: Option<String>,
    /// The folder path (`News/Europe`).
    pub folder: Option<String>,
    /// What the feed turned out to be (`rss`, `atom`, `jsonfeed`, `sitemap`…).
    pub kind: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub added: String,
    pub last_poll: Option<String>,
    pub last_success: Option<String>,
    /// The last poll's error, cleared by a success.
    pub last_error: Option<String>,
    /// Failed polls in a row.
    pub failures: i64,
    pub next_poll: String,
    /// Items seen so far.
    pub items: i64,
}

/// What one poll of a feed did.
#[derive(Debug, Clone, Default)]
pub struct Poll {
    pub now: String,
    pub next_poll: String,
    /// `None`: a success.
    pub error: Option<String>,
    pub title: Option<String>,
    pub kind: Option<String>,
    /// The validators to send next time (a success only).
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// One fetch attempt, as logged.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LogEntry {
    pub at: String,
    pub url: String,
    pub status: Option<i64>,
    pub bytes: i64,
    pub elapsed_ms: i64,
    pub error: Option<String>,
    /// Why it was fetched: `feed`, `item`, `ingest`…
    pub context: Option<String>,
}

/// The subscription tables of a store.
pub struct Feeds {
    conn: Connection,
}

const FEED: &str = "SELECT f.id, f.url, f.title, f.folder, f.kind, f.etag, f.last_modified,
    f.added, f.last_poll, f.last_success, f.last_error, f.failures, f.next_poll,
    (SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id) FROM feeds f";

fn feed(r: &Row<'_>) -> rusqlite::Result<Feed> {
    Ok(Feed {
        id: r.get(0)?,
        url: r.get(1)?,
        title: r.get(2)?,
        folder: r.get(3)?,
        kind: r.get(4)?,
        etag: r.get(5)?,
        last_modified: r.get(6)?,
        added: r.get(7)?,
        last_poll: r.get(8)?,
        last_success: r.get(9)?,
        last_error: r.get(10)?,
        failures: r.get(11)?,
        next_poll: r.get(12)?,
        items: r.get(13)?,
    })
}

impl Feeds {
    /// Opens the tables of the store in `dir` (creating the store and bringing its schema
    /// up to date when needed).
    pub fn open(dir: &Path) -> Result<Feeds, StoreError> {
        std::fs::create_dir_all(dir).map_err(|e| StoreError::io(dir, e))?;
        let conn = crate::sqlite::Sqlite::open(&dir.join(DB_FILE))?.into_connection();
        conn.busy_timeout(Duration::from_secs(30))?;
        Ok(Feeds { conn })
    }

    /// Subscribes to a URL (due at once); false when it was already there (its title
    /// and folder are then filled in where they were empty).
    pub fn add(
        &self,
        url: &str,
        title: Option<&str>,
        folder: Option<&str>,
        now: &str,
    ) -> Result<bool, StoreError> {
        let n = self.conn.execute(
            "INSERT INTO feeds (url, title, folder, added, next_poll) VALUES (?1, ?2, ?3, ?4, ?4)
             ON CONFLICT (url) DO NOTHING",
            params![url, title, folder, now],
        )?;
        if n == 0 {
            self.conn.execute(
                "UPDATE feeds SET title = coalesce(title, ?2), folder = coalesce(folder, ?3)
                 WHERE url = ?1",
                params![url, title, folder],
            )?;
        }
        Ok(n > 0)
    }

    /// Unsubscribes (its items go too; the fetch log stays). False when unknown.
    pub fn remove(&self, url: &str) -> Result<bool, StoreError> {
        let tx = rusqlite::Transaction::new_unchecked(
            &self.conn,
            rusqlite::TransactionBehavior::Immediate,
        )?;
        let id: Option<i64> = tx
            .query_row("SELECT id FROM feeds WHERE url = ?1", [url], |r| r.get(0))
            .optional()?;
        let Some(id) = id else { return Ok(false) };
        tx.execute("DELETE FROM feed_items WHERE feed_id = ?1", [id])?;
        tx.execute("DELETE FROM feeds WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(true)
    }

    /// Every subscription, by folder then URL.
    pub fn list(&self) -> Result<Vec<Feed>, StoreError> {
        let mut st = self.conn.prepare(&format!(
            "{FEED} ORDER BY f.folder IS NOT NULL, f.folder, f.url"
        ))?;
        let rows = st.query_map([], feed)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The subscriptions due at `now`, most overdue first.
    pub fn due(&self, now: &str) -> Result<Vec<Feed>, StoreError> {
        let mut st = self.conn.prepare(&format!(
            "{FEED} WHERE f.next_poll <= ?1 ORDER BY f.next_poll, f.id"
        ))?;
        let rows = st.query_map([now], feed)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The earliest next poll over all subscriptions.
    pub fn next_due(&self) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT min(next_poll) FROM feeds", [], |r| r.get(0))?)
    }

    /// Records a poll: on success the validators, title and kind are kept and the
    /// failure count cleared; on failure the count goes up and the error is kept.
    pub fn polled(&self, id: i64, p: &Poll) -> Result<(), StoreError> {
        match &p.error {
            None => self.conn.execute(
                "UPDATE feeds SET last_poll = ?2, last_success = ?2, last_error = NULL,
                 failures = 0, next_poll = ?3, title = coalesce(?4, title),
                 kind = coalesce(?5, kind), etag = coalesce(?6, etag),
                 last_modified = coalesce(?7, last_modified) WHERE id = ?1",
                params![
                    id,
                    p.now,
                    p.next_poll,
                    p.title,
                    p.kind,
                    p.etag,
                    p.last_modified
                ],
            )?,
            Some(e) => self.conn.execute(
                "UPDATE feeds SET last_poll = ?2, last_error = ?3, failures = failures + 1,
                 next_poll = ?4 WHERE id = ?1",
                params![id, p.now, e, p.next_poll],
            )?,
        };
        Ok(())
    }

    /// Records a feed's items (key, page URL); returns how many were new.
    pub fn add_items(
        &self,
        feed_id: i64,
        items: &[(String, Option<String>)],
        now: &str,
    ) -> Result<usize, StoreError> {
        let tx = rusqlite::Transaction::new_unchecked(
            &self.conn,
            rusqlite::TransactionBehavior::Immediate,
        )?;
        let mut n = 0;
        {
            let mut st = tx.prepare_cached(
                "INSERT INTO feed_items (feed_id, key, url, first_seen) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT DO NOTHING",
            )?;
            for (key, url) in items {
                n += st.execute(params![feed_id, key, url, now])?;
            }
        }
        tx.commit()?;
        Ok(n)
    }

    /// Items of a feed whose page is still to fetch (fewer than `max_tries` failed
    /// tries), oldest first: (key, URL).
    pub fn pending_items(
        &self,
        feed_id: i64,
        max_tries: i64,
    ) -> Result<Vec<(String, String)>, StoreError> {
        let mut st = self.conn.prepare_cached(
            "SELECT key, url FROM feed_items WHERE feed_id = ?1 AND done IS NULL
             AND url IS NOT NULL AND tries < ?2 ORDER BY first_seen, rowid",
        )?;
        let rows = st.query_map(params![feed_id, max_tries], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Items of every feed whose page is still to fetch (fewer than `max_tries` failed
    /// tries), oldest first, at most `per_feed` of each feed: (feed id, key, URL). A
    /// restarted collector starts with these: pages fetched but not committed before a
    /// crash are still pending.
    pub fn pending_all(
        &self,
        max_tries: i64,
        per_feed: usize,
    ) -> Result<Vec<(i64, String, String)>, StoreError> {
        let mut st = self.conn.prepare_cached(
            "SELECT feed_id, key, url FROM feed_items WHERE done IS NULL
             AND url IS NOT NULL AND tries < ?1 ORDER BY feed_id, first_seen, rowid",
        )?;
        let rows = st.query_map(params![max_tries], |r| {
            Ok((r.get::<_, i64>(0)?, r.get(1)?, r.get(2)?))
        })?;
        let mut out = Vec::new();
        let mut count: std::collections::HashMap<i64, usize> = std::collections::HashMap::new();
        for row in rows {
            let row = row?;
            let n = count.entry(row.0).or_default();
            if *n < per_feed {
                *n += 1;
                out.push(row);
            }
        }
        Ok(out)
    }

    /// Marks items collected (one transaction): their pages are in the store. Called
    /// after the articles' transaction committed, never before.
    pub fn items_done(&self, items: &[(i64, String)], now: &str) -> Result<(), StoreError> {
        let tx = rusqlite::Transaction::new_unchecked(
            &self.conn,
            rusqlite::TransactionBehavior::Immediate,
        )?;
        {
            let mut st = tx.prepare_cached(
                "UPDATE feed_items SET tries = tries + 1, done = ?3
                 WHERE feed_id = ?1 AND key = ?2 AND done IS NULL",
            )?;
            for (id, key) in items {
                st.execute(params![id, key, now])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Records a try at an item's page: done (fetched, or not worth another try), or
    /// one more failure.
    pub fn item_tried(
        &self,
        feed_id: i64,
        key: &str,
        done: bool,
        now: &str,
    ) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE feed_items SET tries = tries + 1,
             done = CASE WHEN ?3 THEN ?4 ELSE done END WHERE feed_id = ?1 AND key = ?2",
            params![feed_id, key, done, now],
        )?;
        Ok(())
    }

    /// Appends fetch attempts to the log (one transaction).
    pub fn log(&self, entries: &[LogEntry]) -> Result<(), StoreError> {
        let tx = rusqlite::Transaction::new_unchecked(
            &self.conn,
            rusqlite::TransactionBehavior::Immediate,
        )?;
        {
            let mut st = tx.prepare_cached(
                "INSERT INTO fetch_log (at, url, status, bytes, elapsed_ms, error, context)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?;
            for e in entries {
                st.execute(params![
                    e.at,
                    e.url,
                    e.status,
                    e.bytes,
                    e.elapsed_ms,
                    e.error,
                    e.context
                ])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// The last `limit` log entries (all URLs, or those of one), newest first.
    pub fn log_entries(&self, url: Option<&str>, limit: i64) -> Result<Vec<LogEntry>, StoreError> {
        let mut st = self.conn.prepare(
            "SELECT at, url, status, bytes, elapsed_ms, error, context FROM fetch_log
             WHERE ?1 IS NULL OR url = ?1 ORDER BY id DESC LIMIT ?2",
        )?;
        let rows = st.query_map(params![url, limit], |r| {
            Ok(LogEntry {
                at: r.get(0)?,
                url: r.get(1)?,
                status: r.get(2)?,
                bytes: r.get(3)?,
                elapsed_ms: r.get(4)?,
                error: r.get(5)?,
                context: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subscriptions_items_and_log() {
        let dir = tempfile::tempdir().unwrap();
        let f = Feeds::open(dir.path()).unwrap();
        let t0 = "2024-03-01T10:00:00Z";
        assert!(
            f.add("https://a.example/rss", None, Some("News"), t0)
                .unwrap()
        );
        assert!(!f.add("https://a.example/rss", Some("A"), None, t0).unwrap());
        assert!(
            f.add("https://b.example/atom", Some("B"), None, t0)
                .unwrap()
        );
        let all = f.list().unwrap();
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].url, "https://b.example/atom", "top level first");
        assert_eq!(all[1].title.as_deref(), Some("A"));
        assert_eq!(f.due(t0).unwrap().len(), 2);
        assert_eq!(f.due("2024-03-01T09:00:00Z").unwrap().len(), 0);

        let id = all[1].id;
        let items = vec![
            ("g1".to_string(), Some("https://a.example/1".to_string())),
            ("g2".to_string(), Some("https://a.example/2".to_string())),
        ];
        assert_eq!(f.add_items(id, &items, t0).unwrap(), 2);
        assert_eq!(f.add_items(id, &items, t0).unwrap(), 0);
        f.item_tried(id, "g1", true, t0).unwrap();
        f.item_tried(id, "g2", false, t0).unwrap();
        assert_eq!(f.pending_items(id, 3).unwrap().len(), 1);
        assert_eq!(f.pending_items(id, 1).unwrap().len(), 0);
        assert_eq!(
            f.pending_all(3, 10).unwrap(),
            [(id, "g2".to_string(), "https://a.example/2".to_string())]
        );
        f.items_done(&[(id, "g2".to_string())], t0).unwrap();
        assert!(f.pending_all(3, 10).unwrap().is_empty());
        assert_eq!(f.pending_items(id, 3).unwrap().len(), 0);

        f.polled(
            id,
            &Poll {
                now: t0.into(),
                next_poll: "2024-03-01T11:00:00Z".into(),
                error: Some("HTTP 500".into()),
                ..Poll::default()
            },
        )
        .unwrap();
        let a = f.list().unwrap().into_iter().find(|x| x.id == id).unwrap();
        assert_eq!((a.failures, a.last_error.as_deref()), (1, Some("HTTP 500")));
        assert_eq!(a.items, 2);
        f.polled(
            id,
            &Poll {
                now: t0.into(),
                next_poll: "2024-03-01T12:00:00Z".into(),
                etag: Some("\"e\"".into()),
                kind: Some("rss".into()),
                ..Poll::default()
            },
        )
        .unwrap();
        let a = f.list().unwrap().into_iter().find(|x| x.id == id).unwrap();
        assert_eq!((a.failures, a.last_error), (0, None));
        assert_eq!(a.etag.as_deref(), Some("\"e\""));
        assert_eq!(a.last_success.as_deref(), Some(t0));
        assert_eq!(f.next_due().unwrap().as_deref(), Some(t0));

        f.log(&[LogEntry {
            at: t0.into(),
            url: "https://a.example/rss".into(),
            status: Some(200),
            bytes: 10,
            elapsed_ms: 5,
            error: None,
            context: Some("feed".into()),
        }])
        .unwrap();
        assert_eq!(f.log_entries(None, 10).unwrap().len(), 1);
        assert!(f.remove("https://a.example/rss").unwrap());
        assert!(!f.remove("https://a.example/rss").unwrap());
        assert_eq!(f.list().unwrap().len(), 1);
        assert_eq!(
            f.log_entries(Some("https://a.example/rss"), 10)
                .unwrap()
                .len(),
            1
        );
    }
}
