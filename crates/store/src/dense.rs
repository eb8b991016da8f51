//! Conjunctions of plain words, ranked and counted in one exact pass, with the very
//! common words read from dense columns.
//!
//! Three words each in a quarter of a million articles ("officials pressure economy")
//! cost tantivy's pruned top-k several milliseconds (their scores are too flat for
//! block-max pruning to skip much) and the count another pass. Here a word held by at
//! least 1/[`DENSE_SHARE`] of a segment's documents is read once into a *dense column* —
//! a bitset of the documents holding it and each one's term frequency as a byte — kept
//! in a bounded, least-recently-used cache beside the index. A conjunction then walks
//! the postings of its rarer words and its filters (leapfrogging, the rarest first) and
//! tests the common ones bit by bit, or, when every word is common, ANDs the bitsets 64
//! documents at a time. Every match is scored with the same BM25 as tantivy's (per-term
//! weights from the whole index's statistics, the segment's field norms) and counted,
//! so the page and the total come out of one walk and the total is exact.
//!
//! Term frequencies above 255 are read as 255 (their BM25 factor is within 0.5 % of
//! its limit by then).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tantivy::fieldnorm::FieldNormReader;
use tantivy::index::SegmentId;
use tantivy::postings::{Postings, SegmentPostings};
use tantivy::query::{Bm25Weight, Scorer, Weight};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocAddress, DocId, DocSet, Score, Searcher, SegmentReader, TERMINATED, Term};

use crate::StoreError;
use crate::top::TopK;

/// A word is read into a dense column in a segment when at least one document in this
/// many holds it (and [`DENSE_MIN_DOCS`] do).
pub(crate) const DENSE_SHARE: u32 = 32;
/// Fewer documents than this are cheaper to walk as postings than to hold as a column.
pub(crate) const DENSE_MIN_DOCS: u32 = 2_048;
/// The cache's bound: about 1.1 bytes per document per column (at a million documents,
/// some 200 common words of a language).
pub(crate) const DENSE_CACHE_BYTES: usize = 256 << 20;

/// The documents of a segment holding one word, and how often each holds it.
pub(crate) struct DenseColumn {
    bits: Vec<u64>,
    freqs: Vec<u8>,
    /// The highest frequency in each block of 64 documents (a word of `bits`).
    block_max: Vec<u8>,
}

impl DenseColumn {
    fn read(mut postings: SegmentPostings, max_doc: u32) -> DenseColumn {
        let blocks = (max_doc as usize).div_ceil(64);
        let mut bits = vec![0u64; blocks];
        let mut block_max = vec![0u8; blocks];
        let mut freqs = vec![0u8; max_doc as usize];
        let mut doc = postings.doc();
        while doc != TERMINATED {
            let at = doc as usize / 64;
            if let (Some(word), Some(most), Some(freq)) = (
                bits.get_mut(at),
                block_max.get_mut(at),
                freqs.get_mut(doc as usize),
            ) {
                *word |= 1 << (doc % 64);
                *freq = postings.term_freq().min(255) as u8;
                *most = (*most).max(*freq);
            }
            doc = postings.advance();
        }
        DenseColumn {
            bits,
            freqs,
            block_max,
        }
    }

    fn bytes(&self) -> usize {
        self.bits.len() * 9 + self.freqs.len()
    }

    #[inline]
    fn freq(&self, doc: DocId) -> u32 {
        u32::from(self.freqs.get(doc as usize).copied().unwrap_or(0))
    }
}

/// Dense columns by segment and word, least recently used first out.
pub(crate) struct DenseCache {
    budget: usize,
    inner: Mutex<CacheInner>,
}

#[derive(Default)]
struct CacheInner {
    columns: HashMap<(SegmentId, Term), (Arc<DenseColumn>, u64)>,
    bytes: usize,
    tick: u64,
    /// The least field norm id of each block of 64 documents, by segment and field (a
    /// byte per 64 documents: not counted against the budget, cleared now and then).
    least_norms: HashMap<(SegmentId, Field), Arc<Vec<u8>>>,
}

/// `least_norms` is cleared when it holds more entries than this (segments merged away
/// leave theirs behind).
const NORMS_KEPT: usize = 512;

impl DenseCache {
    pub(crate) fn new(budget: usize) -> DenseCache {
        DenseCache {
            budget,
            inner: Mutex::new(CacheInner::default()),
        }
    }

    /// The column of `term` in `seg`, read from its postings when not cached.
    fn column(
        &self,
        seg: &SegmentReader,
        term: &Term,
        postings: SegmentPostings,
    ) -> Arc<DenseColumn> {
        let key = (seg.segment_id(), term.clone());
        {
            let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
            inner.tick += 1;
            let tick = inner.tick;
            if let Some((column, used)) = inner.columns.get_mut(&key) {
                *used = tick;
                return column.clone();
            }
        }
        // Read outside the lock: two searches may read the same column at once, and
        // the second one's copy simply replaces the first.
        let column = Arc::new(DenseColumn::read(postings, seg.max_doc()));
        let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        inner.tick += 1;
        let tick = inner.tick;
        inner.bytes += column.bytes();
        if let Some((old, _)) = inner.columns.insert(key, (column.clone(), tick)) {
            inner.bytes -= old.bytes();
        }
        while inner.bytes > self.budget && inner.columns.len() > 1 {
            let oldest = inner
                .columns
                .iter()
                .filter(|(_, (_, used))| *used != tick)
                .min_by_key(|(_, (_, used))| *used)
                .map(|(k, _)| k.clone());
            let Some(oldest) = oldest else { break };
            if let Some((old, _)) = inner.columns.remove(&oldest) {
                inner.bytes -= old.bytes();
            }
        }
        column
    }

    /// The least field norm id of each block of 64 documents of `field` in `seg`.
    fn least_norms(
        &self,
        seg: &SegmentReader,
        field: Field,
        norms: &FieldNormReader,
    ) -> Arc<Vec<u8>> {
        let key = (seg.segment_id(), field);
        if let Some(least) = self
            .inner
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .least_norms
            .get(&key)
        {
            return least.clone();
        }
        let max_doc = seg.max_doc();
        let least: Vec<u8> = (0..max_doc.div_ceil(64))
            .map(|block| {
                (block * 64..(block * 64 + 64).min(max_doc))
                    .map(|doc| norms.fieldnorm_id(doc))
                    .min()
                    .unwrap_or(0)
            })
            .collect();
        let least = Arc::new(least);
        let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        if inner.least_norms.len() >= NORMS_KEPT {
            inner.least_norms.clear();
        }
        inner.least_norms.insert(key, least.clone());
        least
    }

    /// Bytes held (for tests and reports).
    #[cfg(test)]
    pub(crate) fn bytes(&self) -> usize {
        self.inner.lock().map(|i| i.bytes).unwrap_or(0)
    }
}

/// One word of a conjunction, with how many times the query names it.
struct Word {
    term: Term,
    repeats: u32,
    bm25: Bm25Weight,
    /// The word's score for each field norm id and the frequencies 1 to [`TABLED`],
    /// repeats included (`[(tf - 1) * 256 + norm]`): a lookup instead of a division.
    table: Vec<Score>,
}

/// Blocks of 64 documents read ahead of the one being scored.
const AHEAD: usize = 4;

/// Term frequencies up to this one are scored from a table.
const TABLED: u32 = 8;

impl Word {
    fn new(term: Term, repeats: u32, bm25: Bm25Weight) -> Word {
        let mut table = Vec::with_capacity(TABLED as usize * 256);
        for tf in 1..=TABLED {
            for norm in 0..=255u8 {
                table.push(repeats as Score * bm25.score(norm, tf));
            }
        }
        Word {
            term,
            repeats,
            bm25,
            table,
        }
    }

    #[inline]
    fn score(&self, norm: u8, tf: u32) -> Score {
        let tabled = if (1..=TABLED).contains(&tf) {
            self.table.get(((tf - 1) * 256 + u32::from(norm)) as usize)
        } else {
            None
        };
        match tabled {
            Some(s) => *s,
            None => self.repeats as Score * self.bm25.score(norm, tf),
        }
    }
}

/// A document set that a match must be in: a rarer word's postings or a filter.
enum Driver {
    Word {
        postings: Box<SegmentPostings>,
        word: usize,
    },
    Filter(Box<dyn Scorer>),
}

impl Driver {
    fn doc(&self) -> DocId {
        match self {
            Driver::Word { postings, .. } => postings.doc(),
            Driver::Filter(s) => s.doc(),
        }
    }

    fn seek(&mut self, target: DocId) -> DocId {
        match self {
            Driver::Word { postings, .. } => postings.seek(target),
            Driver::Filter(s) => s.seek(target),
        }
    }

    fn advance(&mut self) -> DocId {
        match self {
            Driver::Word { postings, .. } => postings.advance(),
            Driver::Filter(s) => s.advance(),
        }
    }

    fn size_hint(&self) -> u32 {
        match self {
            Driver::Word { postings, .. } => postings.size_hint(),
            Driver::Filter(s) => s.size_hint(),
        }
    }
}

/// The best `limit` matches of the conjunction of `terms` (all of one field) and of the
/// `filters` (weights built without scoring), best first, and how many live documents
/// match in all. Scores are tantivy's BM25 of the words, as its own search would give
/// them; `dense_share` is [`DENSE_SHARE`] but for tests.
pub(crate) fn conjunction(
    searcher: &Searcher,
    cache: &DenseCache,
    terms: &[Term],
    filters: &[Box<dyn Weight>],
    limit: usize,
    dense_share: u32,
    dense_min_docs: u32,
) -> Result<(Vec<(Score, DocAddress)>, usize), StoreError> {
    let Some(field) = terms.first().map(Term::field) else {
        return Ok((Vec::new(), 0));
    };
    // Each word's document frequency over the index first: a word the field lacks (the
    // query's words looked up in another language's field) ends the search before any
    // weight is made.
    let mut counted: Vec<(&Term, u32, u64)> = Vec::new();
    for term in terms {
        if let Some(c) = counted.iter_mut().find(|c| c.0 == term) {
            c.1 += 1;
            continue;
        }
        let df = searcher.doc_freq(term)?;
        if df == 0 {
            return Ok((Vec::new(), 0));
        }
        counted.push((term, 1, df));
    }
    let docs: u64 = searcher
        .segment_readers()
        .iter()
        .map(|s| u64::from(s.max_doc()))
        .sum();
    let tokens: u64 = searcher
        .segment_readers()
        .iter()
        .map(|s| s.inverted_index(field).map(|i| i.total_num_tokens()))
        .sum::<tantivy::Result<u64>>()?;
    let average = tokens as Score / docs.max(1) as Score;
    let words: Vec<Word> = counted
        .into_iter()
        .map(|(term, repeats, df)| {
            // What `Bm25Weight::for_terms` makes of one term.
            Word::new(
                term.clone(),
                repeats,
                Bm25Weight::for_one_term(df, docs, average),
            )
        })
        .collect();
    let mut top = TopK::new(limit);
    let mut total = 0usize;
    for (ord, seg) in searcher.segment_readers().iter().enumerate() {
        let max_doc = seg.max_doc();
        let inverted = seg.inverted_index(field)?;
        let mut dense: Vec<(usize, Arc<DenseColumn>)> = Vec::new();
        let mut drivers: Vec<Driver> = Vec::new();
        let mut absent = false;
        for (i, w) in words.iter().enumerate() {
            let Some(info) = inverted
                .get_term_info(&w.term)
                .map_err(tantivy::TantivyError::from)?
            else {
                absent = true;
                break;
            };
            let postings = inverted
                .read_postings_from_terminfo(&info, IndexRecordOption::WithFreqs)
                .map_err(tantivy::TantivyError::from)?;
            if info.doc_freq >= dense_min_docs && info.doc_freq >= max_doc / dense_share.max(1) {
                dense.push((i, cache.column(seg, &w.term, postings)));
            } else {
                drivers.push(Driver::Word {
                    postings: Box::new(postings),
                    word: i,
                });
            }
        }
        if absent {
            continue;
        }
        for filter in filters {
            drivers.push(Driver::Filter(filter.scorer(seg, 1.0)?));
        }
        let norms = seg.get_fieldnorms_reader(field)?;
        let alive = seg.alive_bitset();
        let is_alive = |doc: DocId| alive.is_none_or(|a| a.is_alive(doc));
        let score_of = |doc: DocId, drivers: &[Driver]| {
            let norm = norms.fieldnorm_id(doc);
            let mut score: Score = 0.0;
            for (i, column) in &dense {
                score += words[*i].score(norm, column.freq(doc));
            }
            for d in drivers {
                if let Driver::Word { postings, word } = d {
                    score += words[*word].score(norm, postings.term_freq());
                }
            }
            score
        };
        if drivers.is_empty() {
            // Every word common: their bitsets ANDed 64 documents at a time. Once the page
            // is full, a block whose best possible score (each word's highest frequency
            // in the block, the block's shortest document) cannot beat the page's last
            // is only counted: most of the walk never reads a frequency or a norm.
            let least = cache.least_norms(seg, field, &norms);
            let Some(((_, first), rest)) = dense.split_first() else {
                continue;
            };
            let mut ahead_sink = 0u8;
            for (block, &bits) in first.bits.iter().enumerate() {
                // Touch the frequencies and norms a few blocks ahead, so that their cache
                // lines are on their way when those blocks are scored.
                let ahead = (block + AHEAD) * 64;
                if ahead < max_doc as usize {
                    for (_, c) in &dense {
                        ahead_sink ^= c.freqs.get(ahead).copied().unwrap_or(0);
                    }
                    ahead_sink ^= norms.fieldnorm_id(ahead as DocId);
                }
                let mut m = bits;
                for (_, c) in rest {
                    m &= c.bits.get(block).copied().unwrap_or(0);
                }
                if m == 0 {
                    continue;
                }
                if let Some(threshold) = top.threshold() {
                    let norm = least.get(block).copied().unwrap_or(0);
                    let mut bound: Score = 0.0;
                    for (i, column) in &dense {
                        let most = column.block_max.get(block).copied().unwrap_or(255);
                        bound += words[*i].score(norm, u32::from(most));
                    }
                    // A later document with an equal score ranks below the page's last.
                    if bound <= threshold {
                        total += if alive.is_none() {
                            m.count_ones() as usize
                        } else {
                            bits_of(block, m).filter(|&d| is_alive(d)).count()
                        };
                        continue;
                    }
                }
                for doc in bits_of(block, m) {
                    if is_alive(doc) {
                        total += 1;
                        top.push(score_of(doc, &[]), DocAddress::new(ord as u32, doc));
                    }
                }
            }
            std::hint::black_box(ahead_sink);
        } else {
            drivers.sort_by_key(Driver::size_hint);
            leapfrog(&mut drivers, &dense, &mut |doc, drivers| {
                if is_alive(doc) {
                    total += 1;
                    top.push(score_of(doc, drivers), DocAddress::new(ord as u32, doc));
                }
            });
        }
    }
    Ok((top.into_sorted(), total))
}

/// The documents of block `block` whose bits are set in `m`, in order.
fn bits_of(block: usize, mut m: u64) -> impl Iterator<Item = DocId> {
    std::iter::from_fn(move || {
        if m == 0 {
            return None;
        }
        let doc = (block * 64) as DocId + m.trailing_zeros();
        m &= m - 1;
        Some(doc)
    })
}

/// Calls `f` with every document all the drivers (sorted rarest first) and all the
/// columns hold, in order, with the drivers positioned on it.
fn leapfrog(
    drivers: &mut [Driver],
    dense: &[(usize, Arc<DenseColumn>)],
    f: &mut impl FnMut(DocId, &[Driver]),
) {
    let Some(lead) = drivers.first().map(Driver::doc) else {
        return;
    };
    let mut candidate = lead;
    'walk: while candidate != TERMINATED {
        for i in 1..drivers.len() {
            let mut d = drivers[i].doc();
            if d < candidate {
                d = drivers[i].seek(candidate);
            }
            if d > candidate {
                candidate = drivers[0].seek(d);
                continue 'walk;
            }
        }
        let word = candidate as usize / 64;
        let bit = 1u64 << (candidate % 64);
        if dense
            .iter()
            .all(|(_, c)| c.bits.get(word).is_some_and(|w| w & bit != 0))
        {
            f(candidate, drivers);
        }
        candidate = drivers[0].advance();
    }
}
