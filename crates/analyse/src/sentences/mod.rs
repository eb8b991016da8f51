//! Sentence boundaries.
//!
//! One left-to-right pass over the code points; every decision looks at a bounded
//! window around a candidate (the token before a full stop, the word after it), so the
//! time is linear in the text whatever it holds.
//!
//! A sentence ends:
//! - at `.`, `!`, `?`, `…` (and the Arabic, Hindi, Greek, Armenian marks) followed by
//!   white space and something that may start a sentence (not a lower-case letter),
//!   with the closing quotes and brackets right after the mark kept in the sentence
//!   they close (`He said: "It was hell.` | `We had no food."` | `Then he left.`);
//! - at the CJK full stops `。！？` even without a following space;
//! - at a blank line, and at a single line break unless the next line goes on in
//!   lower case (headings, captions, bullet items are sentences of their own).
//!
//! A full stop does not end a sentence after an abbreviation that is always followed
//! by more ("Dr.", "Mme", "z. B.", "т. е."), before a number after "No."/"Jan."-like
//! abbreviations, after initials ("J. R. R. Tolkien"), after "U.S."-like dotted
//! abbreviations and "Inc."-like words unless a usual sentence opener follows, after a
//! German ordinal ("am 3. Oktober"), after a list number at a line's start, or inside
//! numbers, URLs and e-mail addresses (no space follows). An ellipsis ends a sentence
//! only before a capital letter.

mod abbrev;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use abbrev::Kind;

/// One sentence: code-point offsets into the text, `[start, end)`, trimmed of whitespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
}

/// The sentences of `text`, in order, non-overlapping, none empty.
pub fn split(text: &str, lang: &str) -> Vec<Sentence> {
    let chars: Vec<char> = text.chars().collect();
    let lang = primary_subtag(lang);
    Splitter {
        c: &chars,
        lang: &lang,
    }
    .run()
}

/// "de-AT" → "de".
fn primary_subtag(lang: &str) -> String {
    lang.trim()
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// The longest token (in code points) looked at before a full stop.
const MAX_TOKEN: usize = 40;
/// The longest word looked at after a candidate boundary.
const MAX_WORD: usize = 32;
/// Opening quotes, brackets and dashes skipped before the next sentence's first letter.
const MAX_OPENERS: usize = 8;
/// Closing quotes and brackets kept with the sentence they close.
const MAX_CLOSERS: usize = 8;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// A single `.`.
    Stop,
    /// `...`, `…`, `. . .`.
    Ellipsis,
    /// `?`, `!`, their combinations and the other scripts' stops needing a space after.
    Strong,
    /// `。！？`: a boundary without a space after.
    FullWidth,
}

/// What follows a candidate boundary.
struct Next {
    /// The first character after white space and openers, if any.
    first: Option<char>,
    /// The word starting there: `[start, end)`.
    start: usize,
    end: usize,
}

struct Splitter<'a> {
    c: &'a [char],
    lang: &'a str,
}

impl Splitter<'_> {
    fn run(&self) -> Vec<Sentence> {
        let c = self.c;
        let n = c.len();
        let mut out = Vec::new();
        let mut start = 0;
        let mut i = 0;
        while i < n {
            let ch = c[i];
            if is_newline(ch) {
                let (j, breaks) = self.space_run(i);
                if breaks >= 2 || j >= n || self.line_break_ends(j) {
                    push(c, &mut out, start, i);
                    start = j;
                }
                i = j;
                continue;
            }
            if self.is_terminal(ch) {
                let j = self.terminal_run(i);
                let k = self.closers(j);
                if self.is_boundary(i, j, k) {
                    push(c, &mut out, start, k);
                    start = k;
                }
                i = k.max(i + 1);
                continue;
            }
            i += 1;
        }
        push(c, &mut out, start, n);
        out
    }

    fn is_terminal(&self, ch: char) -> bool {
        is_terminal(ch) || (ch == ';' && self.lang == "el")
    }

    /// The end of the white-space run at `i` and how many line breaks it holds (a
    /// paragraph separator or form feed counts two).
    fn space_run(&self, i: usize) -> (usize, usize) {
        let c = self.c;
        let mut j = i;
        let mut breaks = 0;
        while j < c.len() && is_space(c[j]) {
            breaks += match c[j] {
                '\r' if c.get(j + 1) == Some(&'\n') => 0,
                '\u{2029}' | '\u{0C}' => 2,
                ch if is_newline(ch) => 1,
                _ => 0,
            };
            j += 1;
        }
        (j, breaks)
    }

    /// A single line break ends the sentence unless the next line, starting at `j`,
    /// goes on in lower case.
    fn line_break_ends(&self, j: usize) -> bool {
        !self.c.get(j).is_some_and(|ch| ch.is_lowercase())
    }

    /// The end of the run of terminal marks starting at `i` (`?!`, `...`, `. . .`).
    fn terminal_run(&self, i: usize) -> usize {
        let c = self.c;
        let mut j = i;
        while j < c.len() {
            if self.is_terminal(c[j]) {
                j += 1;
            } else if c[j] == ' '
                && j > i
                && c[j - 1] == '.'
                && c.get(j + 1) == Some(&'.')
                && (c.get(j + 2) == Some(&' ') && c.get(j + 3) == Some(&'.')
                    || j >= i + 3 && c[j - 2] == ' ')
            {
                // ". . ." spaced ellipsis
                j += 1;
            } else {
                break;
            }
        }
        j
    }

    /// The end of the closing quotes and brackets right after the marks ending at `j`
    /// (French: also a space and `»`).
    fn closers(&self, j: usize) -> usize {
        let c = self.c;
        let mut k = j;
        loop {
            if k < c.len() && is_closer(c[k]) && k - j < MAX_CLOSERS {
                k += 1;
            } else if self.lang == "fr"
                && k < c.len()
                && matches!(c[k], ' ' | '\u{A0}' | '\u{202F}' | '\u{2009}')
                && matches!(c.get(k + 1), Some('»' | '›' | '”'))
                && k - j < MAX_CLOSERS
            {
                k += 2;
            } else {
                return k;
            }
        }
    }

    fn mark(&self, i: usize, j: usize) -> Mark {
        let run = &self.c[i..j];
        if run.iter().any(|&ch| is_full_width_stop(ch)) {
            Mark::FullWidth
        } else if run.iter().any(|&ch| ch != '.' && ch != '…' && ch != ' ') {
            Mark::Strong
        } else if run.len() > 1 || run[0] == '…' {
            Mark::Ellipsis
        } else {
            Mark::Stop
        }
    }

    /// Whether the marks `[i, j)` with their closers `[j, k)` end a sentence.
    fn is_boundary(&self, i: usize, j: usize, k: usize) -> bool {
        let c = self.c;
        let mark = self.mark(i, j);
        if mark == Mark::FullWidth {
            // 「…。」と言った: the quotative particle goes on.
            return !(k > j && c.get(k) == Some(&'と'));
        }
        match c.get(k) {
            None => return true,
            Some(&a) if is_space(a) => {}
            Some(&a) => {
                // `honored.”There is`: a quote closed (or misused as an opener) with
                // no space before a capitalised word.
                let quoted_capital =
                    k > j && a.is_uppercase() && c.get(k + 1).is_some_and(|ch| ch.is_lowercase());
                return match mark {
                    Mark::Strong => is_cjk(a) || quoted_capital,
                    Mark::Stop if k == j => self.glued(i),
                    Mark::Stop => quoted_capital,
                    _ => false,
                };
            }
        }
        let next = self.next(k);
        let Some(first) = next.first else {
            return true;
        };
        if mark == Mark::Ellipsis {
            return is_upper(first);
        }
        if first.is_lowercase() {
            return false;
        }
        let quoted = c[j..k].iter().any(|&ch| is_quote(ch));
        if mark == Mark::Strong && quoted && self.lang == "en" && self.speech_follows(&next) {
            return false;
        }
        match mark {
            Mark::Stop if k == j => self.stop_ends(i, &next),
            _ => true,
        }
    }

    /// `prison.The`: a full stop with no space before a capitalised word, after a
    /// lower-case word that is not part of a URL, e-mail address or file name.
    fn glued(&self, i: usize) -> bool {
        let c = self.c;
        let upper = c.get(i + 1).is_some_and(|ch| ch.is_uppercase());
        let lower = c.get(i + 2).is_some_and(|ch| ch.is_lowercase());
        let before = i >= 2 && c[i - 1].is_lowercase() && c[i - 2].is_lowercase();
        if !(upper && lower && before) {
            return false;
        }
        let Some(ts) = self.token_before(i) else {
            return false;
        };
        let token = &c[ts..i];
        let mut after = i + 1;
        while after < c.len() && !is_space(c[after]) && after - i < MAX_WORD {
            after += 1;
        }
        let word = &c[i + 1..after];
        let urlish = |s: &[char]| {
            s.iter()
                .any(|&ch| matches!(ch, '.' | '/' | '@' | ':' | '\\' | '_' | '='))
        };
        !urlish(token) && !urlish(word) && !starts_with(token, "www")
    }

    /// Where the token ending at `i` starts (None when longer than [`MAX_TOKEN`]).
    fn token_before(&self, i: usize) -> Option<usize> {
        let c = self.c;
        let mut s = i;
        while s > 0 && !is_space(c[s - 1]) {
            if i - s >= MAX_TOKEN {
                return None;
            }
            s -= 1;
        }
        Some(s)
    }

    /// The token before the token starting at `ts`, if it is on the same line.
    fn previous_token(&self, ts: usize) -> Option<(usize, usize)> {
        let c = self.c;
        let mut e = ts;
        while e > 0 && is_space(c[e - 1]) {
            if is_newline(c[e - 1]) || ts - e >= MAX_TOKEN {
                return None;
            }
            e -= 1;
        }
        if e == ts || e == 0 {
            return None;
        }
        self.token_before(e).map(|s| (s, e))
    }

    /// Whether only spaces stand between the line's start and `ts`.
    fn at_line_start(&self, ts: usize) -> bool {
        let c = self.c;
        let mut p = ts;
        while p > 0 {
            let ch = c[p - 1];
            if is_newline(ch) {
                return true;
            }
            if !is_space(ch) || ts - p >= MAX_TOKEN {
                return false;
            }
            p -= 1;
        }
        true
    }

    /// What follows position `k`: white space, then openers, then a word.
    fn next(&self, k: usize) -> Next {
        let c = self.c;
        let n = c.len();
        let mut p = k;
        while p < n && is_space(c[p]) {
            p += 1;
        }
        let mut skipped = 0;
        while p < n && skipped < MAX_OPENERS && (is_opener(c[p]) || skipped > 0 && c[p] == ' ') {
            p += 1;
            skipped += 1;
        }
        let mut q = p;
        while q < n && !is_space(c[q]) && q - p < MAX_WORD {
            q += 1;
        }
        Next {
            first: c.get(p).copied().filter(|ch| !is_space(*ch)),
            start: p,
            end: q,
        }
    }

    /// Whether a full stop at `i` (no closer, space after, not before lower case) ends
    /// the sentence, judging by the token before it and the word after it.
    fn stop_ends(&self, i: usize, next: &Next) -> bool {
        let c = self.c;
        let Some(ts) = self.token_before(i) else {
            return true;
        };
        let raw_ts = ts;
        let mut ts = ts;
        while ts < i && (is_opener(c[ts]) || is_closer(c[ts])) {
            ts += 1;
        }
        if ts == i {
            return true;
        }
        let token: String = c[ts..i].iter().collect();
        let first = next.first.unwrap_or(' ');
        let next_word: String = c[next.start..next.end].iter().collect();
        let mut next_bare = next_word.trim_end_matches(|ch: char| !ch.is_alphanumeric());
        if next_bare.chars().count() == 1 && next_word[next_bare.len()..].starts_with('.') {
            // an initial ("В. Путин") is no sentence opener
            next_bare = "";
        }

        // "z." before "B.": inside a two-token abbreviation.
        if next_word.ends_with('.') && next_word.chars().count() <= 8 {
            let pair = format!("{token}. {}", next_word.trim_end_matches('.'));
            if abbrev::lookup_pair(&pair).is_some() {
                return false;
            }
        }
        let previous = self.previous_token(raw_ts);
        if let Some((ps, pe)) = previous
            && pe > ps + 1
            && c[pe - 1] == '.'
        {
            let prev: String = c[ps..pe - 1].iter().collect();
            if let Some(kind) = abbrev::lookup_pair(&format!("{prev}. {token}")) {
                return self.kind_ends(kind, first, next_bare);
            }
        }
        if let Some(kind) = abbrev::lookup(&token, self.lang) {
            return self.kind_ends(kind, first, next_bare);
        }
        // German street names: "Hauptstr. 5"
        if self.lang == "de" && token.ends_with("str") {
            return false;
        }
        // Russian, Ukrainian "г."/"р.": "2020 г." (year) may end; "г. Москва" (city) not.
        if matches!(token.as_str(), "г" | "р") {
            let after_number =
                previous.is_some_and(|(ps, pe)| c[ps..pe].iter().any(|ch| ch.is_ascii_digit()));
            return after_number && self.kind_ends(Kind::Weak, first, next_bare);
        }
        let mut letters = token.chars();
        if let (Some(l), None) = (letters.next(), letters.next())
            && l.is_alphabetic()
        {
            // "p. 12", "J. R. R. Tolkien", "В. Путин"; not "Thailand I. Die deutschen"
            let initial = l.is_uppercase()
                && is_upper(first)
                && !(l == 'I' && self.lang == "en")
                && !abbrev::is_starter(next_bare);
            return !(first.is_numeric() || initial);
        }
        if is_dotted(&token) {
            return self.kind_ends(Kind::Weak, first, next_bare);
        }
        if token.chars().all(|ch| ch.is_ascii_digit()) {
            if abbrev::is_month(next_bare) {
                return false;
            }
            if token.len() <= 3 {
                if self.at_line_start(ts) {
                    // a numbered list: "1. The first point"
                    return false;
                }
                if self.lang == "de"
                    && previous.is_some_and(|(ps, pe)| {
                        let w: String = c[ps..pe].iter().collect();
                        abbrev::is_de_ordinal_before(&w)
                    })
                {
                    return false;
                }
            }
        }
        true
    }

    fn kind_ends(&self, kind: Kind, first: char, next_word: &str) -> bool {
        match kind {
            Kind::Strong => false,
            Kind::Numeric => !first.is_numeric(),
            Kind::Weak => abbrev::is_starter(next_word),
        }
    }

    /// `"Why?" Smith asked.`: up to three capitalised words, then a verb of saying (after
    /// a quoted `?` or `!`; a quoted `.` ends its sentence: `"No." She left.`).
    fn speech_follows(&self, next: &Next) -> bool {
        let c = self.c;
        let mut p = next.start;
        for index in 0..4 {
            let mut q = p;
            while q < c.len() && !is_space(c[q]) && q - p < MAX_WORD {
                q += 1;
            }
            let word: String = c[p..q].iter().collect();
            let word = word.trim_end_matches([',', '.', ';', ':']);
            if index > 0 && abbrev::is_speech_verb(word) {
                return true;
            }
            if !word.chars().next().is_some_and(char::is_uppercase) {
                return false;
            }
            if q >= c.len() || c[q] != ' ' {
                return false;
            }
            p = q + 1;
        }
        false
    }
}

fn push(c: &[char], out: &mut Vec<Sentence>, mut start: usize, mut end: usize) {
    while start < end && is_space(c[start]) {
        start += 1;
    }
    while end > start && is_space(c[end - 1]) {
        end -= 1;
    }
    if start < end {
        out.push(Sentence { start, end });
    }
}

fn starts_with(token: &[char], prefix: &str) -> bool {
    let mut t = token.iter();
    prefix
        .chars()
        .all(|p| t.next().is_some_and(|ch| ch.eq_ignore_ascii_case(&p)))
}

/// "U.S", "a.m", "Ph.D", "J.-C", "EE.UU": short groups of letters joined by full stops
/// (not "example.org", "press.office@example.org").
fn is_dotted(token: &str) -> bool {
    token.contains('.')
        && token.split('.').all(|part| {
            let n = part.chars().count();
            (1..=4).contains(&n) && part.chars().all(|ch| ch.is_alphabetic() || ch == '-')
        })
}

fn is_upper(ch: char) -> bool {
    ch.is_uppercase()
        || (ch.is_alphabetic() && !ch.is_lowercase() && ch.to_lowercase().next() != Some(ch))
}

pub(crate) fn is_space(ch: char) -> bool {
    ch.is_whitespace() || matches!(ch, '\u{200B}' | '\u{FEFF}' | '\u{2060}')
}

fn is_newline(ch: char) -> bool {
    matches!(
        ch,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

fn is_terminal(ch: char) -> bool {
    matches!(
        ch,
        '.' | '!'
            | '?'
            | '…'
            | '‼'
            | '⁇'
            | '⁈'
            | '⁉'
            | '。'
            | '！'
            | '？'
            | '｡'
            | '︒'
            | '؟'
            | '۔'
            | '।'
            | '॥'
            | '։'
            | '።'
            | '፧'
            | '\u{37E}'
    )
}

fn is_full_width_stop(ch: char) -> bool {
    matches!(ch, '。' | '！' | '？' | '｡' | '︒')
}

fn is_quote(ch: char) -> bool {
    matches!(
        ch,
        '"' | '\'' | '”' | '’' | '“' | '‘' | '»' | '«' | '›' | '‹' | '„' | '」' | '』' | '＂'
    )
}

fn is_closer(ch: char) -> bool {
    matches!(
        ch,
        '"' | '\''
            | '”'
            | '’'
            | '“'
            | '»'
            | '«'
            | '›'
            | '‹'
            | ')'
            | ']'
            | '}'
            | '」'
            | '』'
            | '》'
            | '〉'
            | '）'
            | '】'
            | '〕'
            | '］'
            | '｝'
            | '＂'
            | '＇'
    )
}

fn is_opener(ch: char) -> bool {
    matches!(
        ch,
        '"' | '\''
            | '“'
            | '‘'
            | '„'
            | '‚'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '('
            | '['
            | '{'
            | '¿'
            | '¡'
            | '「'
            | '『'
            | '《'
            | '〈'
            | '（'
            | '【'
            | '〔'
            | '—'
            | '–'
            | '-'
            | '•'
            | '*'
    )
}

fn is_cjk(ch: char) -> bool {
    matches!(ch as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}
