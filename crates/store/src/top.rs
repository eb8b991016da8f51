//! The best hits of a search: a bounded heap of scored documents, and the score a new
//! one must beat once it is full.

use tantivy::{DocAddress, Score};

/// The best `limit` scored documents (ties: the earlier document first, as tantivy).
pub(crate) struct TopK {
    limit: usize,
    heap: std::collections::BinaryHeap<std::cmp::Reverse<Entry>>,
}

#[derive(PartialEq)]
struct Entry(Score, DocAddress);

impl Eq for Entry {}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Entry {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0).then(other.1.cmp(&self.1))
    }
}

impl TopK {
    pub(crate) fn new(limit: usize) -> TopK {
        TopK {
            limit,
            heap: std::collections::BinaryHeap::with_capacity(limit + 1),
        }
    }

    /// The score to beat once the page is full.
    #[inline]
    pub(crate) fn threshold(&self) -> Option<Score> {
        if self.limit > 0 && self.heap.len() == self.limit {
            self.heap.peek().map(|e| e.0.0)
        } else {
            None
        }
    }

    #[inline]
    pub(crate) fn push(&mut self, score: Score, addr: DocAddress) {
        if self.limit == 0 {
            return;
        }
        if self.heap.len() == self.limit {
            if let Some(min) = self.heap.peek()
                && Entry(score, addr) <= min.0
            {
                return;
            }
            self.heap.pop();
        }
        self.heap.push(std::cmp::Reverse(Entry(score, addr)));
    }

    pub(crate) fn into_sorted(self) -> Vec<(Score, DocAddress)> {
        let mut v: Vec<(Score, DocAddress)> = self
            .heap
            .into_iter()
            .map(|std::cmp::Reverse(Entry(s, a))| (s, a))
            .collect();
        v.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        v
    }
}
