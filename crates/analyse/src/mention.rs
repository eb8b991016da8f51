//! A piece of the text: its words and where they are.

use serde::{Deserialize, Serialize};

/// Words of the text and their code-point offsets (`[start, end)`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Mention {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

impl Mention {
    /// The mention of `[start, end)` (code points) in `text`.
    pub fn of(text: &str, start: usize, end: usize) -> Mention {
        let words: String = text
            .chars()
            .skip(start)
            .take(end.saturating_sub(start))
            .collect();
        Mention {
            text: words,
            start,
            end,
        }
    }

    /// True when the two mentions share at least one character.
    pub fn overlaps(&self, start: usize, end: usize) -> bool {
        self.start < end && start < self.end
    }
}
