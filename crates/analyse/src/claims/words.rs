//! A small tokenizer over a window of the text's code points: words, numbers and single
//! punctuation marks, each with its offsets and (for words) its lowercase form.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TK {
    /// Letters, with apostrophes, hyphens and dots inside ("jusqu'à", "Gulagu.net").
    Word,
    /// Digits, with separators inside ("100,000", "75 000").
    Num,
    /// One other character that is not whitespace.
    Punct,
}

/// One token: `[start, end)` in code points of the whole text.
#[derive(Debug, Clone)]
pub(super) struct Tok {
    pub kind: TK,
    pub start: usize,
    pub end: usize,
    /// The lowercase word (with ’ read as '), the digits, or the punctuation mark.
    pub lower: String,
    /// True when the first letter is upper case.
    pub cap: bool,
    /// True for words of two or more letters all in upper case ("UN", "EU").
    pub upper: bool,
}

impl Tok {
    pub fn is_word(&self) -> bool {
        self.kind == TK::Word
    }

    /// The punctuation mark, for punctuation tokens.
    pub fn punct(&self) -> Option<char> {
        if self.kind == TK::Punct {
            self.lower.chars().next()
        } else {
            None
        }
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_num_sep(c: char) -> bool {
    matches!(c, ',' | '.' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'')
}

/// Tokens of `chars[from..to]` (offsets stay those of `chars`).
pub(super) fn tokenize(chars: &[char], from: usize, to: usize) -> Vec<Tok> {
    let to = to.min(chars.len());
    let mut out = Vec::new();
    let mut i = from.min(to);
    while i < to {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if c.is_alphabetic() {
            let mut lower = String::new();
            while i < to {
                let d = chars[i];
                if d.is_alphabetic() || d.is_numeric() && i > start {
                    lower.extend(d.to_lowercase());
                    i += 1;
                } else if (is_apostrophe(d) || d == '-' || d == '.')
                    && i + 1 < to
                    && chars[i + 1].is_alphabetic()
                    && i > start
                    && chars[i - 1].is_alphabetic()
                {
                    lower.push(if is_apostrophe(d) { '\'' } else { d });
                    i += 1;
                } else {
                    break;
                }
            }
            let upper = i - start > 1
                && chars[start..i]
                    .iter()
                    .all(|ch| !ch.is_alphabetic() || ch.is_uppercase());
            out.push(Tok {
                kind: TK::Word,
                start,
                end: i,
                lower,
                cap: c.is_uppercase(),
                upper,
            });
        } else if c.is_ascii_digit() {
            let mut lower = String::new();
            while i < to {
                let d = chars[i];
                if d.is_ascii_digit() {
                    lower.push(d);
                    i += 1;
                } else if is_num_sep(d) && i + 1 < to && chars[i + 1].is_ascii_digit() {
                    i += 1;
                } else {
                    break;
                }
            }
            out.push(Tok {
                kind: TK::Num,
                start,
                end: i,
                lower,
                cap: false,
                upper: false,
            });
        } else {
            i += 1;
            out.push(Tok {
                kind: TK::Punct,
                start,
                end: i,
                lower: if is_apostrophe(c) {
                    "'".into()
                } else {
                    c.to_string()
                },
                cap: false,
                upper: false,
            });
        }
    }
    out
}

/// The text of `chars[start..end]` with runs of whitespace collapsed to one space.
pub(super) fn span_text(chars: &[char], start: usize, end: usize) -> String {
    let end = end.min(chars.len());
    let mut s = String::new();
    let mut space = false;
    for &c in chars.get(start.min(end)..end).unwrap_or(&[]) {
        if c.is_whitespace() {
            space = true;
        } else {
            if space && !s.is_empty() {
                s.push(' ');
            }
            space = false;
            s.push(c);
        }
    }
    s
}

/// True for quotation marks.
pub(super) fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '«' | '»' | '„' | '‟' | '‹' | '›' | '「' | '」'
    )
}
