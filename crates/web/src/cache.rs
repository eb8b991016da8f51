//! Story pages (and their HTML) kept between requests.
//!
//! Building a story page reads its articles' bodies from the store; the page only changes
//! when the archive does (an article joins a story, stories merge, related stories move).
//! So built pages are kept, tagged with the archive's generation, until a refresh adds
//! articles: then every page is stale at once (the next request rebuilds it). The cache is
//! bounded: past `capacity` pages the least recently used one goes.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Mutex;

/// The pages of the most recently asked stories: `K` names a page, `V` is what is kept
/// (cheap to clone: an `Arc`).
pub(crate) struct PageCache<K, V> {
    capacity: usize,
    inner: Mutex<Inner<K, V>>,
}

struct Inner<K, V> {
    /// Bumped whenever the archive changes; pages of older generations are stale.
    generation: u64,
    /// Requests served so far: the clock of "recently used".
    clock: u64,
    pages: HashMap<K, Entry<V>>,
}

struct Entry<V> {
    generation: u64,
    used: u64,
    page: V,
}

impl<K: Hash + Eq + Clone, V: Clone> PageCache<K, V> {
    pub fn new(capacity: usize) -> PageCache<K, V> {
        PageCache {
            capacity: capacity.max(1),
            inner: Mutex::new(Inner {
                generation: 0,
                clock: 0,
                pages: HashMap::new(),
            }),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner<K, V>> {
        match self.inner.lock() {
            Ok(g) => g,
            Err(p) => p.into_inner(),
        }
    }

    /// The archive changed: every page kept so far is stale.
    pub fn invalidate(&self) {
        let mut inner = self.lock();
        inner.generation += 1;
        inner.pages.clear();
    }

    /// The current generation, to tag a page built from now on.
    pub fn generation(&self) -> u64 {
        self.lock().generation
    }

    /// The kept page `id`, if it is still current.
    pub fn get(&self, id: &K) -> Option<V> {
        let mut inner = self.lock();
        inner.clock += 1;
        let (clock, generation) = (inner.clock, inner.generation);
        let e = inner.pages.get_mut(id)?;
        if e.generation != generation {
            return None;
        }
        e.used = clock;
        Some(e.page.clone())
    }

    /// Keeps `page` as page `id`, built at `generation` (dropped if the archive changed
    /// since).
    pub fn put(&self, id: K, generation: u64, page: V) {
        let mut inner = self.lock();
        if generation != inner.generation {
            return;
        }
        if inner.pages.len() >= self.capacity
            && !inner.pages.contains_key(&id)
            && let Some(oldest) = inner
                .pages
                .iter()
                .min_by_key(|(_, e)| e.used)
                .map(|(k, _)| k.clone())
        {
            inner.pages.remove(&oldest);
        }
        let used = inner.clock;
        inner.pages.insert(
            id,
            Entry {
                generation,
                used,
                page,
            },
        );
    }

    /// Pages kept (tests).
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.lock().pages.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use storyline_stories::views::{StoryPage, StorySummary};

    fn page(id: u32) -> Arc<StoryPage> {
        Arc::new(StoryPage {
            summary: StorySummary {
                id,
                ..StorySummary::default()
            },
            articles: vec![],
            highlights: vec![],
            entities: vec![],
            quotes: vec![],
            ledger: vec![],
            timeline: vec![],
            related: vec![],
        })
    }

    #[test]
    fn a_page_is_kept_until_the_archive_changes() {
        let c: PageCache<u32, Arc<StoryPage>> = PageCache::new(8);
        let g = c.generation();
        c.put(1, g, page(1));
        assert_eq!(c.get(&1).map(|p| p.summary.id), Some(1));
        c.invalidate();
        assert!(c.get(&1).is_none());
        // A page built before the change is not kept after it.
        c.put(2, g, page(2));
        assert!(c.get(&2).is_none());
        let g = c.generation();
        c.put(2, g, page(2));
        assert!(c.get(&2).is_some());
    }

    #[test]
    fn the_least_recently_used_page_goes_first() {
        let c: PageCache<u32, Arc<StoryPage>> = PageCache::new(2);
        let g = c.generation();
        c.put(1, g, page(1));
        c.put(2, g, page(2));
        assert!(c.get(&1).is_some()); // 2 is now the oldest
        c.put(3, g, page(3));
        assert_eq!(c.len(), 2);
        assert!(c.get(&2).is_none());
        assert!(c.get(&1).is_some());
        assert!(c.get(&3).is_some());
    }
}
