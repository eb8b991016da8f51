//! [`Archive`]: the store plus the story index, kept in step.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use storyline_analyse::AnnotatedArticle;
use storyline_group::{ArticleFeatures, Config, StoryIndex};
use storyline_store::{Outcome, Record, Store, Written};

use crate::ArchiveError;
use crate::snapshot::{self, SnapshotRef};

/// A snapshot is written at least this often while an ingest runs (and at its end).
const SAVE_EVERY: Duration = Duration::from_secs(300);

/// An annotated article made ready to store and to group (built in parallel, pure).
#[derive(Debug, Clone)]
pub struct Prepared {
    pub record: Record,
    /// Its grouping features; the id is set when the store gives the article one.
    pub features: ArticleFeatures,
}

impl Prepared {
    /// Prepares an annotated article; `id` is a JSON Lines record's own id, if any.
    pub fn new(a: &AnnotatedArticle, id: Option<&str>) -> Result<Prepared, String> {
        Ok(Prepared {
            record: Record::new(a, id)?,
            features: ArticleFeatures::from_annotated(0, a),
        })
    }
}

/// What the archive remembers besides the index: each live story's members (the index
/// keeps only the most recent ones). An article's outlet, language and date come from
/// the index ([`StoryIndex::article`]).
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub(crate) struct Facts {
    /// Live story id → article ids, in the order added.
    members: HashMap<u32, Vec<u64>>,
}

impl Facts {
    pub(crate) fn members(&self, story: u32) -> &[u64] {
        self.members.get(&story).map_or(&[], Vec::as_slice)
    }
}

/// Which stories a list shows.
#[derive(Debug, Clone, Default)]
pub struct StoryFilter {
    /// Only stories with an original published at or after this time (seconds since 1970).
    pub since: Option<i64>,
    /// Only stories with an article in this language (ISO 639-1).
    pub language: Option<String>,
    /// Only stories with an article from this outlet.
    pub outlet: Option<String>,
    /// Most stories returned (0: no limit), after skipping `offset`.
    pub limit: usize,
    pub offset: usize,
}

/// Stored articles turned into features together when the index is brought up to date.
const REPLAY_CHUNK: usize = 1024;

/// The parts of an [`Archive`] that grouping an article changes (borrowed apart from the
/// store, which is read meanwhile).
struct Grouping<'a> {
    index: &'a mut StoryIndex,
    facts: &'a mut Facts,
    grouped_through: &'a mut i64,
}

impl Grouping<'_> {
    /// Groups stored articles (id, annotated JSON) in order; returns how many. An
    /// unreadable article still takes its place (with no features), and the first
    /// failure is kept in `failed`.
    fn replay(&mut self, chunk: Vec<(i64, String)>, failed: &mut Option<ArchiveError>) -> usize {
        let features: Vec<(i64, Result<ArticleFeatures, String>)> = chunk
            .into_par_iter()
            .map(|(id, json)| {
                let f = serde_json::from_str::<AnnotatedArticle>(&json)
                    .map(|a| ArticleFeatures::from_annotated(id as u64, &a))
                    .map_err(|e| e.to_string());
                (id, f)
            })
            .collect();
        let n = features.len();
        for (id, f) in features {
            let f = f.unwrap_or_else(|reason| {
                failed.get_or_insert(ArchiveError::Json { id, reason });
                ArticleFeatures {
                    id: id as u64,
                    ..ArticleFeatures::default()
                }
            });
            self.add(&f);
        }
        n
    }

    fn add(&mut self, f: &ArticleFeatures) {
        let a = self.index.add(f);
        if let Some(old) = a.merged
            && let Some(moved) = self.facts.members.remove(&old)
        {
            let into = self.facts.members.entry(a.story).or_default();
            into.extend(moved);
            into.sort_unstable();
        }
        self.facts.members.entry(a.story).or_default().push(f.id);
        *self.grouped_through = (*self.grouped_through).max(f.id as i64);
    }
}

/// A store folder open with its stories.
pub struct Archive {
    pub(crate) store: Store,
    pub(crate) index: StoryIndex,
    pub(crate) facts: Facts,
    /// Articles with ids up to this one are in the index.
    grouped_through: i64,
    /// False for an archive opened with [`Archive::open_storing`]: written articles are
    /// stored, not grouped.
    grouping: bool,
    /// Whether this archive saves snapshots (a writer; a reader after
    /// [`Archive::keep_snapshot`]).
    saves: bool,
    /// `grouped_through` of the last snapshot saved or loaded.
    saved_through: AtomicI64,
    /// Held while a snapshot is written: when the last one was, and the time spent.
    saving: Mutex<Saving>,
    /// Least time between two snapshots saved while articles keep coming.
    save_every: Duration,
    /// Articles replayed from the database when opening or refreshing (not in the
    /// snapshot).
    pub replayed: usize,
    /// The snapshot was missing, unreadable, stale or of another configuration: the
    /// index was rebuilt from the stored articles.
    pub rebuilt: bool,
    timings: Timings,
}

struct Saving {
    last: Instant,
    spent: Duration,
}

/// Where a writer's time went (see [`Archive::timings`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct Timings {
    /// Adding written articles to the story index (copies, stories, merges).
    pub group: Duration,
    /// Writing snapshots of the index.
    pub snapshot: Duration,
}

impl Archive {
    /// Whether opening the store in `dir` will group every stored article into stories
    /// anew: it holds articles but no snapshot of its stories, or one of another layout
    /// or grouping configuration (after an upgrade). That takes minutes on a large
    /// store, so a command says so before it opens the store.
    pub fn regroups(dir: &Path) -> bool {
        storyline_store::last_article_in(dir)
            .is_some_and(|last| last > 0 && !snapshot::fits(dir, &Config::default(), last))
    }

    /// Opens a store folder to read (it must exist: see `Store::open`), with its stories.
    pub fn open(dir: &Path) -> Result<Archive, ArchiveError> {
        let store = Store::open(dir)?;
        Archive::load(store, false)
    }

    /// Opens a store folder to write: ingest adds articles with [`Archive::write`] and
    /// ends with [`Archive::finish`].
    pub fn open_writer(dir: &Path) -> Result<Archive, ArchiveError> {
        let store = Store::open_writer(dir)?;
        Archive::load(store, true)
    }

    /// Opens a store folder to write articles without grouping them: the story index is
    /// neither loaded nor kept, so this costs no memory for it. The articles are grouped
    /// by the next archive that opens or refreshes the store (`storyline serve`, whose
    /// collector writes this way so that the server's index is the only one in memory).
    pub fn open_storing(dir: &Path) -> Result<Archive, ArchiveError> {
        let store = Store::open_writer(dir)?;
        Ok(Archive {
            store,
            index: StoryIndex::new(Config::default()),
            facts: Facts::default(),
            grouped_through: 0,
            grouping: false,
            saves: false,
            saved_through: AtomicI64::new(0),
            saving: Mutex::new(Saving {
                last: Instant::now(),
                spent: Duration::ZERO,
            }),
            save_every: SAVE_EVERY,
            replayed: 0,
            rebuilt: false,
            timings: Timings::default(),
        })
    }

    fn load(store: Store, writer: bool) -> Result<Archive, ArchiveError> {
        let dir = store.dir().to_path_buf();
        let last = store.last_article()?;
        let config = Config::default();
        let loaded = snapshot::fits(&dir, &config, last)
            .then(|| snapshot::load(&dir))
            .flatten()
            .filter(|s| s.index.config() == &config && s.grouped_through <= last);
        let rebuilt = loaded.is_none() && last > 0;
        let (index, facts, grouped_through) = match loaded {
            Some(s) => (s.index, s.facts, s.grouped_through),
            None => (StoryIndex::new(config), Facts::default(), 0),
        };
        let mut archive = Archive {
            store,
            index,
            facts,
            grouped_through,
            grouping: true,
            saves: writer,
            saved_through: AtomicI64::new(grouped_through),
            saving: Mutex::new(Saving {
                last: Instant::now(),
                spent: Duration::ZERO,
            }),
            save_every: SAVE_EVERY,
            replayed: 0,
            rebuilt,
            timings: Timings::default(),
        };
        archive.refresh()?;
        if writer && archive.unsaved() {
            archive.save()?;
        } else if rebuilt && archive.unsaved() {
            // A reader that grouped the whole store (no snapshot, or one of another
            // version) saves what it made, so that the next command does not group it
            // all again; where it cannot (a read-only folder), the next one will.
            let _ = archive.save();
        }
        Ok(archive)
    }

    /// Adds the articles stored since the index was last brought up to date (by another
    /// process's ingest, or before a crash), in article id order; returns how many.
    ///
    /// Streams: the stored articles are read, turned into features (in parallel, a chunk
    /// at a time) and added in order, so memory does not grow with their number.
    pub fn refresh(&mut self) -> Result<usize, ArchiveError> {
        if !self.grouping {
            return Ok(0);
        }
        let mut failed: Option<ArchiveError> = None;
        let mut chunk: Vec<(i64, String)> = Vec::new();
        let mut n = 0;
        let Archive {
            store,
            index,
            facts,
            grouped_through,
            ..
        } = self;
        let mut grouping = Grouping {
            index,
            facts,
            grouped_through,
        };
        store.articles_after(*grouping.grouped_through, &mut |s| {
            chunk.push((s.article_id, s.json));
            if chunk.len() >= REPLAY_CHUNK {
                n += grouping.replay(std::mem::take(&mut chunk), &mut failed);
            }
            Ok(())
        })?;
        n += grouping.replay(chunk, &mut failed);
        // The search index is committed after the database: look at it every time.
        self.store.reload_search()?;
        self.replayed += n;
        match failed {
            Some(e) if n == 0 => Err(e),
            _ => Ok(n),
        }
    }

    fn add(&mut self, f: &ArticleFeatures) {
        Grouping {
            index: &mut self.index,
            facts: &mut self.facts,
            grouped_through: &mut self.grouped_through,
        }
        .add(f);
    }

    /// Writes a batch (one transaction) and groups the articles it added (unless opened
    /// with [`Archive::open_storing`]); returns what writing each record did.
    pub fn write(&mut self, batch: Vec<Prepared>) -> Result<Vec<Written>, ArchiveError> {
        let (records, features): (Vec<Record>, Vec<ArticleFeatures>) =
            batch.into_iter().map(|p| (p.record, p.features)).unzip();
        let written = self.store.write(&records)?;
        let t = Instant::now();
        for (w, mut f) in written.iter().zip(features) {
            if self.grouping && w.outcome == Outcome::Added && w.article_id > self.grouped_through {
                f.id = w.article_id as u64;
                self.add(&f);
            }
        }
        self.timings.group += t.elapsed();
        self.save_if_due()?;
        Ok(written)
    }

    /// Articles grouped since the last snapshot?
    fn unsaved(&self) -> bool {
        self.grouped_through > self.saved_through.load(Ordering::Acquire)
    }

    fn lock_saving(&self) -> std::sync::MutexGuard<'_, Saving> {
        self.saving.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Makes a reader save snapshots too (see [`Archive::save_if_due`]): for a process
    /// that is the only one grouping the store (`storyline serve --watch`, whose
    /// collector stores without grouping).
    pub fn keep_snapshot(&mut self) {
        self.saves = self.grouping;
    }

    /// Saves a snapshot when articles were grouped since the last one and it is older
    /// than a few minutes; true when it saved. Takes `&self`, so a server saves under a
    /// read lock while requests go on; concurrent calls save once.
    pub fn save_if_due(&self) -> Result<bool, ArchiveError> {
        if !self.saves || !self.unsaved() || self.lock_saving().last.elapsed() < self.save_every {
            return Ok(false);
        }
        self.save()
    }

    /// Saves the snapshot now, unless another call saved this state meanwhile.
    fn save(&self) -> Result<bool, ArchiveError> {
        let mut saving = self.lock_saving();
        if !self.unsaved() && snapshot::path(self.store.dir()).is_file() {
            return Ok(false);
        }
        let t = Instant::now();
        let snap = SnapshotRef {
            grouped_through: self.grouped_through,
            index: &self.index,
            facts: &self.facts,
        };
        snapshot::save(self.store.dir(), &snap)?;
        self.saved_through
            .store(self.grouped_through, Ordering::Release);
        saving.last = Instant::now();
        saving.spent += t.elapsed();
        Ok(true)
    }

    /// Saves the snapshot and commits the search index; the end of an ingest. Returns
    /// where the writer's time went, this last snapshot included.
    pub fn finish(self) -> Result<Timings, ArchiveError> {
        if self.saves {
            self.save()?;
        }
        let timings = self.timings();
        self.store.finish()?;
        Ok(timings)
    }

    /// The store underneath (search, export, stats, versions).
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Time spent grouping written articles and saving snapshots since opening.
    pub fn timings(&self) -> Timings {
        Timings {
            snapshot: self.lock_saving().spent,
            ..self.timings
        }
    }

    /// The story index.
    pub fn index(&self) -> &StoryIndex {
        &self.index
    }

    /// The story an article belongs to.
    pub fn story_of(&self, article: i64) -> Option<u32> {
        self.index.story_of(article as u64)
    }

    /// An article's publication time (seconds since 1970), when known.
    pub(crate) fn published_of(&self, article: u64) -> Option<i64> {
        self.index.article(article)?.published
    }

    /// An article's outlet, when known.
    pub(crate) fn outlet_of(&self, article: u64) -> Option<&str> {
        self.index.article(article)?.outlet
    }

    /// An article's language (ISO 639-1), when known.
    pub(crate) fn language_of(&self, article: u64) -> Option<&str> {
        self.index.article(article)?.language
    }

    /// Every article's id in a story (copies included), in the order added.
    pub fn members(&self, story: u32) -> &[u64] {
        self.facts.members(self.index.resolve(story))
    }

    /// Articles in the index.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }
}

#[cfg(test)]
mod tests;
