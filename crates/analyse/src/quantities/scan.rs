//! Splitting a text into bounded chunks and chunks into tokens.

/// Longest chunk handed to the recognisers, in bytes (cut at whitespace when possible).
const CHUNK_BYTES: usize = 64 * 1024;

/// Calls `f(chunk_chars, char_offset)` for consecutive chunks of `text`, cut at line breaks
/// or other whitespace so that expressions are rarely split.
pub(crate) fn for_each_chunk(text: &str, mut f: impl FnMut(&[char], usize)) {
    let mut rest = text;
    let mut base = 0usize;
    while !rest.is_empty() {
        let cut = if rest.len() <= CHUNK_BYTES {
            rest.len()
        } else {
            let mut limit = CHUNK_BYTES;
            while !rest.is_char_boundary(limit) {
                limit -= 1;
            }
            let head = &rest[..limit];
            let min = limit / 2;
            match head.rfind('\n').filter(|&i| i >= min) {
                Some(i) => i + 1,
                None => match head.rfind(char::is_whitespace).filter(|&i| i >= min) {
                    Some(i) => i + head[i..].chars().next().map_or(1, char::len_utf8),
                    None => limit.max(1),
                },
            }
        };
        let (chunk, tail) = rest.split_at(cut);
        let chars: Vec<char> = chunk.chars().collect();
        f(&chars, base);
        base += chars.len();
        rest = tail;
    }
}

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// Letters (and apostrophes inside a word).
    Word,
    /// ASCII digits.
    Digits,
    /// Whitespace.
    Space,
    /// Any other single character.
    Other,
}

/// A token: `[start, end)` in chars of the chunk; `lower` is the lowercased word for words.
#[derive(Debug, Clone)]
pub(crate) struct Tok {
    pub kind: TokKind,
    pub start: usize,
    pub end: usize,
    pub lower: String,
}

/// True for characters that separate tokens as whitespace.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{200b}'
}

/// Splits a chunk into tokens.
pub(crate) fn tokenize(chars: &[char]) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        let kind = if c.is_ascii_digit() {
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            TokKind::Digits
        } else if c.is_alphabetic() {
            while i < chars.len() && (chars[i].is_alphabetic() || is_mark(chars[i])) {
                i += 1;
            }
            TokKind::Word
        } else if is_space(c) {
            while i < chars.len() && is_space(chars[i]) {
                i += 1;
            }
            TokKind::Space
        } else {
            i += 1;
            TokKind::Other
        };
        let lower = if kind == TokKind::Word {
            chars[start..i]
                .iter()
                .flat_map(|c| c.to_lowercase())
                .collect()
        } else {
            String::new()
        };
        toks.push(Tok {
            kind,
            start,
            end: i,
            lower,
        });
    }
    toks
}

/// Combining marks that belong to the word before them.
fn is_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_cover_the_text_in_order() {
        let text = "word ".repeat(40_000);
        let mut total = 0;
        let mut offsets = Vec::new();
        for_each_chunk(&text, |c, base| {
            offsets.push(base);
            total += c.len();
        });
        assert_eq!(total, text.chars().count());
        assert!(offsets.len() > 1);
    }

    #[test]
    fn tokens_split_words_digits_and_marks() {
        let chars: Vec<char> = "Über 12,5 km".chars().collect();
        let toks = tokenize(&chars);
        let kinds: Vec<TokKind> = toks.iter().map(|t| t.kind).collect();
        assert_eq!(
            kinds,
            [
                TokKind::Word,
                TokKind::Space,
                TokKind::Digits,
                TokKind::Other,
                TokKind::Digits,
                TokKind::Space,
                TokKind::Word
            ]
        );
        assert_eq!(toks[0].lower, "über");
    }
}
