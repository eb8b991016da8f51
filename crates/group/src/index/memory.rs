//! What the story index holds in memory, part by part (an estimate from lengths and
//! capacities: the allocator's own overhead is not counted). For `storyline stats` and
//! the scale benchmarks, so the growth of each part can be followed as an archive grows.

use std::collections::VecDeque;
use std::mem::size_of;

use super::{KeptLink, Recent, Record, Story, StoryIndex};
use crate::hash::Map;

/// Bytes held by one part of the index.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Part {
    pub name: &'static str,
    /// Entries in it (articles, stories, keys…).
    pub entries: usize,
    pub bytes: usize,
}

fn vec<T>(v: &Vec<T>) -> usize {
    v.capacity() * size_of::<T>()
}

fn deque<T>(v: &VecDeque<T>) -> usize {
    v.capacity() * size_of::<T>()
}

fn strings(v: &Vec<String>) -> usize {
    vec(v) + v.iter().map(String::capacity).sum::<usize>()
}

fn slice<T>(v: &[T]) -> usize {
    std::mem::size_of_val(v)
}

/// A hash map's table: a slot and a control byte per bucket.
fn map<K, V>(m: &Map<K, V>) -> usize {
    m.capacity() * (size_of::<(K, V)>() + 1)
}

impl Record {
    fn heap(&self) -> usize {
        self.copy
            .as_ref()
            .map_or(0, |c| size_of::<KeptLink>() + c.figures_differ.len())
    }
}

impl Recent {
    fn heap(&self) -> usize {
        // The signature is inline (counted in the deque's slots).
        slice(&self.terms) + slice(&self.anchors) + slice(&self.figures)
    }
}

impl Story {
    fn heap(&self) -> usize {
        vec(&self.terms)
            + vec(&self.names)
            + vec(&self.figures)
            + vec(&self.members)
            + deque(&self.activity)
            + strings(&self.labels)
            + strings(&self.name_labels)
            + strings(&self.languages)
    }
}

impl StoryIndex {
    /// The index's parts with their sizes, largest first.
    pub fn memory(&self) -> Vec<Part> {
        let mut parts = vec![
            Part {
                name: "records",
                entries: self.records.len(),
                bytes: vec(&self.records) + self.records.iter().map(Record::heap).sum::<usize>(),
            },
            Part {
                name: "ids",
                entries: self.ids.as_ref().map_or(0, Map::len),
                bytes: self.ids.as_ref().map_or(0, map),
            },
            Part {
                name: "recent",
                entries: self.recent.len(),
                bytes: deque(&self.recent)
                    + deque(&self.sketches)
                    + self.recent.iter().map(Recent::heap).sum::<usize>(),
            },
            Part {
                name: "lsh",
                entries: self.lsh.values().map(Vec::len).sum(),
                bytes: map(&self.lsh) + self.lsh.values().map(vec).sum::<usize>(),
            },
            Part {
                name: "copies",
                entries: self.copies.values().map(Vec::len).sum(),
                bytes: map(&self.copies) + self.copies.values().map(vec).sum::<usize>(),
            },
            Part {
                name: "stories",
                entries: self.stories.len(),
                bytes: vec(&self.stories) + self.stories.iter().map(Story::heap).sum::<usize>(),
            },
            Part {
                name: "postings",
                entries: self.postings.len(),
                bytes: map(&self.postings) + self.postings.values().map(deque).sum::<usize>(),
            },
            Part {
                name: "symbols",
                entries: self.symbols.names.len(),
                bytes: strings(&self.symbols.names)
                    + self
                        .symbols
                        .names
                        .iter()
                        .map(|n| n.capacity() + 32)
                        .sum::<usize>(),
            },
            Part {
                name: "df",
                entries: self.df.len(),
                bytes: map(&self.df),
            },
        ];
        parts.sort_by(|a, b| b.bytes.cmp(&a.bytes).then(a.name.cmp(b.name)));
        parts
    }
}
