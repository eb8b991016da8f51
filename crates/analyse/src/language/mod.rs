//! The language of a text, with how sure we are.
//!
//! Detection uses lingua's n-gram models for a fixed set of languages common in news
//! ([`LANGUAGES`]), with one detector built on first use and shared. Only a bounded
//! sample of a long text is read (a few windows spread over it), so a 10 MB text costs
//! the same as a 4 KB one; the language of most of the sample wins, so an English
//! article quoting a French sentence is English.
//!
//! Texts with too few letters to tell (empty, digits, a word or two) give `None`; short
//! texts give a confidence scaled down by how little there is to read.

use std::sync::LazyLock;

use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};
use serde::{Deserialize, Serialize};

mod prefilter;
#[cfg(test)]
mod tests;

/// A decided language: ISO 639-1 code and confidence in `[0, 1]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LanguageGuess {
    pub code: String,
    pub confidence: f64,
}

impl LanguageGuess {
    /// A language the caller imposed: confidence 1.
    pub fn forced(code: &str) -> LanguageGuess {
        LanguageGuess {
            code: code.trim().to_ascii_lowercase(),
            confidence: 1.0,
        }
    }
}

/// The languages the detector chooses from (each one a lingua feature in Cargo.toml).
pub const LANGUAGES: [Language; 32] = [
    Language::Arabic,
    Language::Bokmal,
    Language::Bulgarian,
    Language::Chinese,
    Language::Croatian,
    Language::Czech,
    Language::Danish,
    Language::Dutch,
    Language::English,
    Language::Finnish,
    Language::French,
    Language::German,
    Language::Greek,
    Language::Hebrew,
    Language::Hindi,
    Language::Hungarian,
    Language::Indonesian,
    Language::Italian,
    Language::Japanese,
    Language::Korean,
    Language::Persian,
    Language::Polish,
    Language::Portuguese,
    Language::Romanian,
    Language::Russian,
    Language::Slovak,
    Language::Slovene,
    Language::Spanish,
    Language::Swedish,
    Language::Turkish,
    Language::Ukrainian,
    Language::Vietnamese,
];

/// Below this much evidence (letters, ideographs counting triple) there is nothing to tell.
const MIN_EVIDENCE: usize = 12;
/// From this much evidence on, lingua's confidence is taken as it is; below, it is scaled
/// down in proportion (a three-word headline keeps about a third of it).
const FULL_EVIDENCE: usize = 60;
/// Texts up to this many bytes are read whole.
const WHOLE_TEXT_BYTES: usize = 480;
/// Longer texts: this many windows of [`WINDOW_BYTES`], spread evenly.
const WINDOWS: usize = 3;
const WINDOW_BYTES: usize = 160;

/// The shared detector: built once, its models (embedded in the binary) mapped on use.
static DETECTOR: LazyLock<LanguageDetector> =
    LazyLock::new(|| LanguageDetectorBuilder::from_languages(&LANGUAGES).build());

/// The main language of `text`, or None when the text is too short or too mixed to tell.
pub fn detect(text: &str) -> Option<LanguageGuess> {
    let sample = sample(text);
    let evidence = evidence(&sample);
    if evidence < MIN_EVIDENCE {
        return None;
    }
    // lingua's cost grows with the number of candidates and the n-grams it looks up
    // (see `prefilter`): a function-word vote won by far decides alone, a clear one
    // narrows the Latin-script candidates to the winner's neighbours, an open one leaves
    // lingua all of them.
    let (language, confidence) = match prefilter::vote(&sample) {
        prefilter::Vote::Decided(language, confidence) => (language, confidence),
        prefilter::Vote::Narrowed(detector) => lingua_guess(detector, &sample)?,
        prefilter::Vote::Open => lingua_guess(&DETECTOR, &sample)?,
    };
    let scale = (evidence as f64 / FULL_EVIDENCE as f64).min(1.0);
    Some(LanguageGuess {
        code: language.iso_code_639_1().to_string(),
        confidence: (confidence * scale).clamp(0.0, 1.0),
    })
}

/// lingua's best language for `sample` among `detector`'s and its confidence, if any.
fn lingua_guess(detector: &LanguageDetector, sample: &str) -> Option<(Language, f64)> {
    let values = detector.compute_language_confidence_values(sample);
    let (language, confidence) = values.into_iter().next()?;
    (confidence.is_finite() && confidence > 0.0).then_some((language, confidence))
}

/// The ISO 639-1 codes [`detect`] may return.
pub fn supported_codes() -> Vec<String> {
    LANGUAGES
        .iter()
        .map(|l| l.iso_code_639_1().to_string())
        .collect()
}

/// How much there is to read: letters, with ideographs, kana and hangul counting triple
/// (one carries about a word's worth).
fn evidence(text: &str) -> usize {
    text.chars()
        .filter(|c| c.is_alphabetic())
        .map(|c| if is_cjk(c) { 3 } else { 1 })
        .sum()
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // hiragana, katakana
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xAC00..=0xD7AF    // hangul syllables
        | 0x1100..=0x11FF    // hangul jamo
        | 0xF900..=0xFAFF    // CJK compatibility ideographs
        | 0x20000..=0x2FFFF) // CJK extensions B..
}

/// A bounded sample of `text`: the whole of a short text, else [`WINDOWS`] windows of
/// about [`WINDOW_BYTES`] spread over it, each cut at word boundaries.
fn sample(text: &str) -> String {
    if text.len() <= WHOLE_TEXT_BYTES {
        return text.to_string();
    }
    let mut out = String::with_capacity(WINDOWS * (WINDOW_BYTES + 1));
    let last_start = text.len() - WINDOW_BYTES;
    for w in 0..WINDOWS {
        let start = last_start * w / (WINDOWS - 1).max(1);
        let start = after_space(text, floor_boundary(text, start), 48);
        let end = before_space(
            text,
            floor_boundary(text, (start + WINDOW_BYTES).min(text.len())),
            48,
        );
        if let Some(window) = text.get(start..end) {
            out.push_str(window);
            out.push('\n');
        }
    }
    out
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The first byte after a whitespace within `limit` bytes from `i` (so the window does
/// not start mid-word), else `i`.
fn after_space(text: &str, i: usize, limit: usize) -> usize {
    if i == 0 {
        return 0;
    }
    let Some(rest) = text.get(i..) else {
        return i;
    };
    for (off, c) in rest.char_indices() {
        if off > limit {
            break;
        }
        if c.is_whitespace() {
            return i + off + c.len_utf8();
        }
    }
    i
}

/// The start of the last whitespace within `limit` bytes before `i`, else `i`.
fn before_space(text: &str, i: usize, limit: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    let Some(head) = text.get(..i) else {
        return i;
    };
    for (off, c) in head.char_indices().rev() {
        if i - off > limit {
            break;
        }
        if c.is_whitespace() {
            return off;
        }
    }
    i
}
