//! A tokenizer for Chinese, Japanese and Korean: runs of CJK characters become
//! overlapping character bigrams (a lone character stays a unigram), other runs of
//! letters and digits become words. A query of two or more CJK characters then matches
//! as a phrase of bigrams, without a dictionary.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// The bigram tokenizer (stateless).
#[derive(Debug, Clone, Copy, Default)]
pub struct CjkBigrams;

/// Whether `c` is written without spaces between words: Han, kana, Hangul.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF       // Hiragana, Katakana
        | 0x31F0..=0x31FF     // Katakana phonetic extensions
        | 0x3400..=0x4DBF     // Han extension A
        | 0x4E00..=0x9FFF     // Han
        | 0xAC00..=0xD7AF     // Hangul syllables
        | 0xF900..=0xFAFF     // Han compatibility
        | 0xFF66..=0xFF9F     // half-width Katakana
        | 0x20000..=0x2FA1F) // Han extensions B–F, compatibility supplement
}

/// The tokens of a text, computed at once.
pub struct CjkStream {
    tokens: Vec<Token>,
    next: usize,
    none: Token,
}

fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i + 1).map_or(text.len(), |(o, _)| *o);
    let push = |from: usize, to: usize, out: &mut Vec<Token>| {
        let position = out.len();
        out.push(Token {
            offset_from: from,
            offset_to: to,
            position,
            text: text[from..to].to_string(),
            position_length: 1,
        });
    };
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if is_cjk(c) {
            let mut j = i;
            while j < chars.len() && is_cjk(chars[j].1) {
                j += 1;
            }
            if j - i == 1 {
                push(start, end_of(i), &mut out);
            } else {
                for (k, (from, _)) in chars.iter().enumerate().take(j - 1).skip(i) {
                    push(*from, end_of(k + 1), &mut out);
                }
            }
            i = j;
        } else if c.is_alphanumeric() {
            let mut j = i;
            while j < chars.len() && chars[j].1.is_alphanumeric() && !is_cjk(chars[j].1) {
                j += 1;
            }
            push(start, end_of(j - 1), &mut out);
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

impl Tokenizer for CjkBigrams {
    type TokenStream<'a> = CjkStream;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> CjkStream {
        CjkStream {
            tokens: tokens(text),
            next: 0,
            none: Token::default(),
        }
    }
}

impl TokenStream for CjkStream {
    fn advance(&mut self) -> bool {
        if self.next < self.tokens.len() {
            self.next += 1;
            true
        } else {
            false
        }
    }

    fn token(&self) -> &Token {
        self.next
            .checked_sub(1)
            .and_then(|i| self.tokens.get(i))
            .unwrap_or(&self.none)
    }

    fn token_mut(&mut self) -> &mut Token {
        match self.next.checked_sub(1) {
            Some(i) if i < self.tokens.len() => &mut self.tokens[i],
            _ => &mut self.none,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        tokens(s).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn cjk_runs_become_bigrams_and_other_runs_words() {
        assert_eq!(texts("大坝决堤"), ["大坝", "坝决", "决堤"]);
        assert_eq!(texts("ダムが決壊"), ["ダム", "ムが", "が決", "決壊"]);
        assert_eq!(texts("死者41人"), ["死者", "41", "人"]);
        assert_eq!(texts("Orvalle町の"), ["Orvalle", "町の"]);
        assert_eq!(texts("a 坝 b"), ["a", "坝", "b"]);
        assert!(texts("").is_empty());
        assert!(texts("、。!").is_empty());
    }

    #[test]
    fn offsets_are_byte_ranges_of_the_text() {
        let s = "Die Talsperre 大坝";
        for t in tokens(s) {
            assert_eq!(&s[t.offset_from..t.offset_to], t.text);
        }
    }
}
