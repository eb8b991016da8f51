//! Story pages (and their HTML) kept between requests.
//!
//! Building a story page reads its articles' bodies from the store; the page only changes
//! when the archive does (an article joins a story, stories merge, related stories move).
//! So built pages are kept, tagged with the archive's generation, until a refresh adds
//! articles: then every page is stale at once (the next request rebuilds it). The cache is
//! bounded: past `capacity` pages the least recently used one goes.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The pages of the most recently asked stories: `K` names a page, `V` is what is kept
/// (cheap to clone: an `Arc`).
pub(crate) struct PageCache<K, V> {
    capacity: usize,
    /// Pages older than this are stale too (pages that show the clock: trends).
    max_age: Option<Duration>,
    inner: Mutex<Inner<K, V>>,
    /// Pages being built: a request that misses waits for the one building the same
    /// page rather than building it too (two hundred requests for a new page build it
    /// once).
    building: Mutex<HashMap<K, Arc<Mutex<()>>>>,
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
    made: Instant,
    used: u64,
    page: V,
}

impl<K: Hash + Eq + Clone, V: Clone> PageCache<K, V> {
    pub fn new(capacity: usize) -> PageCache<K, V> {
        PageCache {
            capacity: capacity.max(1),
            max_age: None,
            inner: Mutex::new(Inner {
                generation: 0,
                clock: 0,
                pages: HashMap::new(),
            }),
            building: Mutex::new(HashMap::new()),
        }
    }

    /// The same, whose pages also go stale `max_age` after they were built.
    pub fn with_max_age(capacity: usize, max_age: Duration) -> PageCache<K, V> {
        PageCache {
            max_age: Some(max_age),
            ..PageCache::new(capacity)
        }
    }

    /// The kept page `id`, else the one `build` makes (kept, and shared with requests
    /// for the same page that arrive while it is being built).
    pub fn get_or_build<E>(&self, id: K, build: impl FnOnce() -> Result<V, E>) -> Result<V, E> {
        if let Some(v) = self.get(&id) {
            return Ok(v);
        }
        let turn = {
            let mut b = match self.building.lock() {
                Ok(g) => g,
                Err(p) => p.into_inner(),
            };
            b.entry(id.clone()).or_default().clone()
        };
        let _turn = match turn.lock() {
            Ok(g) => g,
            Err(p) => p.into_inner(),
        };
        // Built by the request we waited for?
        if let Some(v) = self.get(&id) {
            return Ok(v);
        }
        let generation = self.generation();
        let built = build();
        if let Ok(v) = &built {
            self.put(id.clone(), generation, v.clone());
        }
        let mut b = match self.building.lock() {
            Ok(g) => g,
            Err(p) => p.into_inner(),
        };
        b.remove(&id);
        built
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
        if e.generation != generation || self.max_age.is_some_and(|m| e.made.elapsed() > m) {
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
                made: Instant::now(),
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
    fn concurrent_requests_for_a_new_page_build_it_once() {
        let c: Arc<PageCache<u32, Arc<StoryPage>>> = Arc::new(PageCache::new(8));
        let builds = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let threads: Vec<_> = (0..16)
            .map(|_| {
                let (c, builds) = (c.clone(), builds.clone());
                std::thread::spawn(move || {
                    c.get_or_build(7, || {
                        builds.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        std::thread::sleep(std::time::Duration::from_millis(50));
                        Ok::<_, ()>(page(7))
                    })
                    .map(|p| p.summary.id)
                })
            })
            .collect();
        for t in threads {
            assert_eq!(t.join().unwrap(), Ok(7));
        }
        assert_eq!(builds.load(std::sync::atomic::Ordering::SeqCst), 1);
        // A failed build is not kept.
        assert_eq!(
            c.get_or_build(8, || Err::<Arc<StoryPage>, _>("no")),
            Err("no")
        );
        assert!(c.get(&8).is_none());
    }

    #[test]
    fn a_page_with_a_max_age_goes_stale_with_time() {
        let c: PageCache<u32, Arc<StoryPage>> =
            PageCache::with_max_age(8, Duration::from_millis(30));
        c.put(1, c.generation(), page(1));
        assert!(c.get(&1).is_some());
        std::thread::sleep(Duration::from_millis(60));
        assert!(c.get(&1).is_none());
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
