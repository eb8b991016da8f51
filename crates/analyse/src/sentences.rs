//! Sentence boundaries.
//!
//! PLACEHOLDER: a naive splitter (after `.`, `!`, `?` or a blank line) until the real
//! segmenter (abbreviations, quotes spanning sentences, ellipses) lands.

use serde::{Deserialize, Serialize};

/// One sentence: code-point offsets into the text, `[start, end)`, trimmed of whitespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
}

/// The sentences of `text`, in order, non-overlapping, none empty.
pub fn split(text: &str, _lang: &str) -> Vec<Sentence> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut start = None;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if start.is_none() && !c.is_whitespace() {
            start = Some(i);
        }
        let boundary = matches!(c, '.' | '!' | '?')
            && chars.get(i + 1).is_none_or(|n| n.is_whitespace())
            || c == '\n' && chars.get(i + 1) == Some(&'\n');
        if boundary && let Some(s) = start.take() {
            let mut end = if c == '\n' { i } else { i + 1 };
            while end > s && chars[end - 1].is_whitespace() {
                end -= 1;
            }
            out.push(Sentence { start: s, end });
        }
        i += 1;
    }
    if let Some(s) = start {
        let mut end = chars.len();
        while end > s && chars[end - 1].is_whitespace() {
            end -= 1;
        }
        out.push(Sentence { start: s, end });
    }
    out
}
