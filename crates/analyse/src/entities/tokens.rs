//! Words and punctuation with the facts the entity finder needs: capitals, possessive
//! "'s", initials, quotation state, sentence, sentence-initial position and headline lines.

use crate::sentences::Sentence;

use super::lexicon::{ABBREVIATIONS, STOPWORDS};

/// A word or a punctuation mark; offsets in code points.
#[derive(Debug, Clone)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub word: bool,
    /// The punctuation mark (words: their first character).
    pub ch: char,
    /// Lower case (words only; initials without their full stop).
    pub lower: String,
    /// Starts with a capital ("Peskov", "al-Assad").
    pub cap: bool,
    /// Two or more letters, all capitals ("CNN", "U.S.").
    pub all_caps: bool,
    pub digit: bool,
    /// A single capital and its full stop ("J.").
    pub initial: bool,
    /// Followed by a possessive "'s" (which is not part of the token).
    pub poss: bool,
    pub nl_before: bool,
    pub sent: usize,
    pub sent_initial: bool,
    pub quoted: bool,
    pub headline: bool,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{0300}'..='\u{036F}').contains(&c)
}

fn is_apos(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

const ELISIONS: &[&str] = &[
    "l", "d", "j", "s", "n", "m", "t", "c", "qu", "lorsqu", "jusqu", "puisqu", "dell", "dall",
    "nell", "sull", "all", "quest", "un",
];
const TLDS: &[&str] = &[
    "net", "com", "org", "ru", "fr", "de", "io", "uk", "info", "ua", "eu",
];
const ARABIC_PREFIXES: &[&str] = &[
    "al", "el", "ad", "ar", "as", "an", "at", "az", "ibn", "bin", "ben", "abu",
];

/// Splits `chars` into tokens (whitespace dropped).
pub(crate) fn tokenize(chars: &[char], lang: &str) -> Vec<Tok> {
    let n = chars.len();
    let mut toks: Vec<Tok> = Vec::with_capacity(n / 5 + 1);
    let elide = matches!(lang, "fr" | "it" | "ca");
    let de = lang == "de";
    let mut i = 0;
    let mut nl = true;
    let mut quoted = false;
    while i < n {
        let c = chars[i];
        if c.is_whitespace() {
            if matches!(c, '\n' | '\r' | '\u{2029}' | '\u{2028}') {
                nl = true;
                quoted = false;
            }
            i += 1;
            continue;
        }
        if !is_word_char(c) {
            match c {
                '"' => quoted = !quoted,
                '“' => quoted = !de,
                '„' | '«' | '‹' => quoted = true,
                '”' | '»' | '›' => quoted = false,
                _ => {}
            }
            toks.push(Tok {
                start: i,
                end: i + 1,
                word: false,
                ch: c,
                lower: String::new(),
                cap: false,
                all_caps: false,
                digit: false,
                initial: false,
                poss: false,
                nl_before: nl,
                sent: 0,
                sent_initial: false,
                quoted,
                headline: false,
            });
            nl = false;
            i += 1;
            continue;
        }
        let s = i;
        let mut poss = false;
        let mut elision = false;
        loop {
            while i < n && is_word_char(chars[i]) {
                // glued junk such as "alsoUkraine"
                if chars[i].is_uppercase()
                    && i - s >= 3
                    && chars[s..i].iter().all(|c| c.is_lowercase())
                {
                    break;
                }
                i += 1;
            }
            if i + 1 < n && is_hyphen(chars[i]) && is_word_char(chars[i + 1]) {
                i += 2;
                continue;
            }
            if i + 1 < n && is_apos(chars[i]) && chars[i + 1].is_alphabetic() {
                let s_end = i + 2 >= n || !is_word_char(chars[i + 2]);
                if matches!(chars[i + 1], 's' | 'S') && s_end {
                    poss = true;
                    break;
                }
                if elide && i - s <= 6 {
                    let pre: String = chars[s..i].iter().flat_map(|c| c.to_lowercase()).collect();
                    if ELISIONS.contains(&pre.as_str()) {
                        elision = true;
                        break;
                    }
                }
                i += 2;
                continue;
            }
            if i + 2 < n && chars[i] == '.' && chars[i + 1].is_lowercase() {
                let mut j = i + 1;
                while j < n && chars[j].is_lowercase() && j - i <= 5 {
                    j += 1;
                }
                if j >= n || !is_word_char(chars[j]) {
                    let tld: String = chars[i + 1..j].iter().collect();
                    if TLDS.contains(&tld.as_str()) {
                        i = j;
                        continue;
                    }
                }
            }
            break;
        }
        if i == s {
            // cannot happen (c is a word char), but never loop forever
            i += 1;
            continue;
        }
        let mut end = i;
        let mut initial = false;
        let mut dotted = false;
        if end - s == 1 && c.is_uppercase() && i < n && chars[i] == '.' {
            // "U.S.", "U.K." or an initial "J."
            let mut j = i;
            while j + 2 < n && chars[j] == '.' && chars[j + 1].is_uppercase() && chars[j + 2] == '.'
            {
                j += 2;
            }
            if j > i {
                dotted = true;
                end = j + 1;
            } else {
                initial = true;
                end = i + 1;
            }
            i = end;
        }
        let word = if initial {
            &chars[s..s + 1]
        } else {
            &chars[s..end]
        };
        let mut lower = String::with_capacity(word.len() + 2);
        let mut letters = 0usize;
        let mut upper = 0usize;
        let mut digit = false;
        for &x in word {
            if x.is_ascii() {
                lower.push(x.to_ascii_lowercase());
                if x.is_ascii_alphabetic() {
                    letters += 1;
                    upper += x.is_ascii_uppercase() as usize;
                } else if x.is_ascii_digit() {
                    digit = true;
                }
            } else {
                lower.extend(x.to_lowercase());
                if x.is_alphabetic() {
                    letters += 1;
                    upper += x.is_uppercase() as usize;
                } else if x.is_numeric() {
                    digit = true;
                }
            }
        }
        let all_caps = dotted || (letters >= 2 && upper == letters);
        let mut cap = c.is_uppercase();
        if !cap && let Some(h) = chars[s..end].iter().position(|&c| is_hyphen(c)) {
            let pre: String = chars[s..s + h].iter().collect();
            if ARABIC_PREFIXES.contains(&pre.as_str())
                && chars.get(s + h + 1).is_some_and(|c| c.is_uppercase())
            {
                cap = true;
            }
        }
        toks.push(Tok {
            start: s,
            end,
            word: true,
            ch: c,
            lower,
            cap,
            all_caps,
            digit,
            initial,
            poss,
            nl_before: nl,
            sent: 0,
            sent_initial: false,
            quoted,
            headline: false,
        });
        nl = false;
        if poss {
            i += 2;
        } else if elision {
            i += 1;
        }
    }
    toks
}

/// Sets each token's sentence, sentence-initial flag and headline flag.
pub(crate) fn mark(toks: &mut [Tok], sentences: &[Sentence]) {
    // sentences
    let mut si = 0;
    for t in toks.iter_mut() {
        while si + 1 < sentences.len() && sentences[si].end <= t.start {
            si += 1;
        }
        t.sent = si;
    }
    // sentence-initial words
    let mut prev_word: Option<usize> = None;
    for k in 0..toks.len() {
        if !toks[k].word {
            continue;
        }
        let mut initial = match prev_word {
            None => true,
            Some(p) => toks[p].sent != toks[k].sent,
        };
        // a line start, or after a colon
        if toks[k].nl_before
            || (k > 0 && !toks[k - 1].word && toks[k - 1].ch == ':')
            || (k > 1 && !toks[k - 1].word && is_quote(toks[k - 1].ch) && toks[k - 1].nl_before)
        {
            initial = true;
        }
        // "Mr. Peskov", "J. K. Rowling": a splitter's false boundary
        if initial && !toks[k].nl_before && k >= 2 {
            let a = &toks[k - 1];
            let b = &toks[k - 2];
            if (!a.word && a.ch == '.' && b.word && ABBREVIATIONS.contains(b.lower.as_str()))
                || (a.word && a.initial)
            {
                initial = false;
            }
        }
        toks[k].sent_initial = initial;
        prev_word = Some(k);
    }
    // headline lines: mostly capitalised words, and no final full stop or capitalised
    // function words ("Hillary Clinton Was Headed to ER But Diverted.")
    let mut heads: Vec<(usize, usize)> = Vec::new();
    {
        let lower_seen: std::collections::HashSet<&str> = toks
            .iter()
            .filter(|t| t.word && t.ch.is_lowercase())
            .map(|t| t.lower.as_str())
            .collect();
        let mut line_start = 0;
        for k in 0..=toks.len() {
            if k == toks.len() || (k > line_start && toks[k].nl_before) {
                let line = &toks[line_start..k];
                let mut eligible = 0usize;
                let mut caps = 0usize;
                let mut all_caps = 0usize;
                let mut common_caps = 0usize;
                for (p, t) in line.iter().enumerate().filter(|(_, t)| t.word && !t.digit) {
                    if t.lower.chars().count() >= 4 {
                        eligible += 1;
                        if t.cap {
                            caps += 1;
                        }
                        if t.all_caps {
                            all_caps += 1;
                        }
                    }
                    if p > 0
                        && t.cap
                        && !t.all_caps
                        && (lower_seen.contains(t.lower.as_str())
                            || STOPWORDS.contains(t.lower.as_str()))
                    {
                        common_caps += 1;
                    }
                }
                let ends_stop = line.last().is_some_and(|t| !t.word && t.ch == '.');
                let headline = (eligible >= 3
                    && caps * 10 >= eligible * 8
                    && (!ends_stop || common_caps >= 2))
                    || (eligible >= 2 && all_caps * 10 >= eligible * 8);
                if headline {
                    heads.push((line_start, k));
                }
                line_start = k;
            }
        }
    }
    for (a, b) in heads {
        for t in &mut toks[a..b] {
            t.headline = true;
        }
    }
}

pub(crate) fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‹' | '›')
}
