#![allow(clippy::collapsible_if)]

//! The text as tokens: words, punctuation, paired quote marks and line breaks, grouped
//! into quote-aware sentences. Everything here is one linear pass.

/// The longest direct quote (in code points) a pair of quote marks may enclose.
const MAX_QUOTE: usize = 6000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Punct,
    /// An opening quote mark; the index of its pair in `Doc::pairs`.
    Open(usize),
    /// A closing quote mark; the index of its pair in `Doc::pairs`.
    Close(usize),
    /// A line break (a paragraph boundary).
    Break,
}

#[derive(Debug, Clone)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Lowercased word (empty for other tokens; the character for punctuation).
    pub lower: String,
    /// Starts with an uppercase letter.
    pub cap: bool,
    /// The pair of quote marks this token is inside (not counting the marks themselves).
    pub inside: Option<usize>,
}

impl Tok {
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    pub fn is(&self, s: &str) -> bool {
        self.lower == s
    }
    pub fn punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.lower.starts_with(c)
    }
}

/// A pair of quote marks: code-point positions of the opening and closing marks.
#[derive(Debug, Clone, Copy)]
pub struct Pair {
    pub open: usize,
    pub close: usize,
    /// Width of the opening mark in code points (2 for '').
    pub open_len: usize,
    /// Token indices of the marks.
    pub open_tok: usize,
    pub close_tok: usize,
}

/// A sentence: a half-open token range, never containing a Break.
#[derive(Debug, Clone, Copy)]
pub struct Sent {
    pub a: usize,
    pub b: usize,
    /// Paragraph number.
    pub para: usize,
}

pub struct Doc {
    pub chars: Vec<char>,
    pub toks: Vec<Tok>,
    pub pairs: Vec<Pair>,
    pub sents: Vec<Sent>,
    /// Number of word tokens before each token index (one more entry than tokens).
    pub words_before: Vec<usize>,
}

fn is_qmark(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '„' | '‟' | '«' | '»' | '‹' | '›' | '‘' | '’' | '‚'
    )
}

fn is_single(c: char) -> bool {
    matches!(c, '\'' | '‘' | '’' | '‚' | '‹' | '›')
}

fn opens(c: char, prev: Option<char>, next: Option<char>) -> bool {
    let prev_alnum = prev.is_some_and(|p| p.is_alphanumeric());
    let next_space = next.is_none_or(|n| n.is_whitespace());
    let next_alnum = next.is_some_and(|n| n.is_alphanumeric());
    match c {
        '«' | '‹' => !prev_alnum && next.is_some(),
        '“' | '„' | '‘' | '‚' => !prev_alnum && !next_space,
        '»' => !prev_alnum && next_alnum,
        '"' => !prev_alnum && !next_space,
        '”' => !prev_alnum && next_alnum,
        '\'' => {
            prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–'))
                && next_alnum
        }
        _ => false,
    }
}

fn closes(open: char, c: char, prev: Option<char>, next: Option<char>) -> bool {
    let next_alnum = next.is_some_and(|n| n.is_alphanumeric());
    let prev_space = prev.is_none_or(|p| p.is_whitespace());
    match open {
        '“' => matches!(c, '”' | '"') || (c == '“' && !next_alnum && !prev_space),
        '„' => matches!(c, '“' | '”' | '"'),
        '«' => c == '»',
        '‹' => c == '›',
        '»' => c == '«',
        '"' => matches!(c, '"' | '”'),
        '”' => matches!(c, '”' | '“' | '"'),
        '‘' | '‚' | '\'' => matches!(c, '’' | '\'' | '‘') && !next_alnum && !prev_space,
        _ => false,
    }
}

/// Two apostrophes used as a double quote mark (''like this'', as some wires write).
fn double_apostrophe(chars: &[char], i: usize) -> bool {
    chars.get(i) == Some(&'\'')
        && chars.get(i + 1) == Some(&'\'')
        && (i == 0 || chars.get(i - 1) != Some(&'\''))
}

/// Pairs quote marks within lines: linear, an unbalanced mark is dropped. Returns the
/// positions of each pair's marks and whether each mark is two apostrophes wide.
fn pair_marks(chars: &[char]) -> Vec<(usize, usize, bool, bool)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    let mut open_wide = false;
    let mut skip_to = 0;
    for (i, &c) in chars.iter().enumerate() {
        if i < skip_to {
            continue;
        }
        if c == '\n' {
            open = None;
            continue;
        }
        // ''…'': two apostrophes are one double mark. In a run of three, the single mark
        // comes first when closing (…'China bad.''') and last when opening.
        let mut c = c;
        let mut wide = false;
        let mut next_at = i + 1;
        if c == '\'' {
            let run3 = chars.get(i + 2) == Some(&'\'');
            let closing_double = open.is_some_and(|(_, oc)| oc == '"');
            if double_apostrophe(chars, i) && !(run3 && closing_double) {
                c = '"';
                wide = true;
                next_at = i + 2;
                skip_to = i + 2;
            } else if run3 && closing_double && double_apostrophe(chars, i) {
                continue; // the inner single mark; the next two close
            } else if i > 0
                && chars.get(i - 1) == Some(&'\'')
                && open.is_some_and(|(_, oc)| oc == '"')
                && chars.get(i + 1) == Some(&'\'')
            {
                c = '"';
                wide = true;
                next_at = i + 2;
                skip_to = i + 2;
            }
        }
        if let Some((p, _)) = open {
            if i - p > MAX_QUOTE {
                open = None;
            }
        }
        if !is_qmark(c) {
            continue;
        }
        let prev = if i > 0 {
            chars.get(i - 1).copied()
        } else {
            None
        };
        let next = chars.get(next_at).copied();
        if is_single(c)
            && prev.is_some_and(|p| p.is_alphanumeric())
            && next.is_some_and(|n| n.is_alphanumeric())
        {
            continue; // an apostrophe: don't, Putin's
        }
        match open {
            None => {
                if opens(c, prev, next) {
                    open = Some((i, c));
                    open_wide = wide;
                }
            }
            Some((p, oc)) => {
                if is_single(oc) && !is_single(c) {
                    // A double mark inside a single-quoted stretch: the single was an apostrophe.
                    open = None;
                    if opens(c, prev, next) {
                        open = Some((i, c));
                        open_wide = wide;
                    }
                } else if is_single(c) && !is_single(oc) {
                    // nested single quotes inside double ones are content
                } else if closes(oc, c, prev, next) {
                    out.push((p, i, open_wide, wide));
                    open = None;
                } else if opens(c, prev, next) && c == oc {
                    open = Some((i, c));
                    open_wide = wide;
                }
            }
        }
    }
    out
}

const ABBREV: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "st", "jr", "sr", "prof",
    "inc", "corp", "co", "ltd", "vs", "etc", "u.s", "u.n", "u.k", "e.u", "a.m", "p.m", "jan",
    "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "no", "nr", "z.b", "bzw", "ca",
    "mme", "mlle", "gén", "sgt", "capt", "maj", "adm", "rev", "hon", "fig", "vol", "d.h", "u.a",
    "usw", "dt", "bzw", "evtl", "ggf", "inkl", "sog", "vgl", "st", "jh", "abs", "art",
];

fn is_abbrev(tok: &Tok) -> bool {
    tok.is_word()
        && (ABBREV.contains(&tok.lower.as_str())
            || (tok.end - tok.start == 1 && tok.cap)
            || tok.lower.contains('.'))
}

impl Doc {
    pub fn new(text: &str) -> Doc {
        let chars: Vec<char> = text.chars().collect();
        let pairs_pos = pair_marks(&chars);
        // Every mark in text order (pairs never overlap: open, close, open, close, …).
        let mut marks: Vec<(usize, bool, usize, bool)> = Vec::with_capacity(pairs_pos.len() * 2);
        for (k, &(o, c, ow, cw)) in pairs_pos.iter().enumerate() {
            marks.push((o, true, k, ow));
            marks.push((c, false, k, cw));
        }
        marks.sort_unstable();
        let mut mi = 0;
        let mut toks: Vec<Tok> = Vec::with_capacity(chars.len() / 5);
        let mut pairs: Vec<Pair> = pairs_pos
            .iter()
            .map(|&(o, c, ow, _)| Pair {
                open: o,
                close: c,
                open_len: if ow { 2 } else { 1 },
                open_tok: 0,
                close_tok: 0,
            })
            .collect();
        let n = chars.len();
        let mut i = 0;
        let mut inside: Option<usize> = None;
        while i < n {
            let c = chars[i];
            if c == '\n' {
                if toks.last().is_none_or(|t| t.kind != Kind::Break) {
                    toks.push(Tok {
                        start: i,
                        end: i + 1,
                        kind: Kind::Break,
                        lower: String::new(),
                        cap: false,
                        inside: None,
                    });
                }
                inside = None;
                i += 1;
                continue;
            }
            if c.is_whitespace() {
                i += 1;
                continue;
            }
            while marks.get(mi).is_some_and(|m| m.0 < i) {
                mi += 1;
            }
            if let Some(&(_, is_open, k, wide)) = marks.get(mi).filter(|m| m.0 == i) {
                let idx = toks.len();
                let w = if wide { 2 } else { 1 };
                if is_open {
                    if let Some(p) = pairs.get_mut(k) {
                        p.open_tok = idx;
                    }
                    toks.push(Tok {
                        start: i,
                        end: i + w,
                        kind: Kind::Open(k),
                        lower: c.to_string(),
                        cap: false,
                        inside,
                    });
                    inside = Some(k);
                } else {
                    if let Some(p) = pairs.get_mut(k) {
                        p.close_tok = idx;
                    }
                    inside = None;
                    toks.push(Tok {
                        start: i,
                        end: i + w,
                        kind: Kind::Close(k),
                        lower: c.to_string(),
                        cap: false,
                        inside,
                    });
                }
                i += w;
                continue;
            }
            if c.is_alphanumeric() {
                let mut j = i + 1;
                while j < n {
                    let d = chars[j];
                    if d.is_alphanumeric() {
                        j += 1;
                    } else if matches!(d, '\'' | '’' | '-' | '.' | '‐' | '&')
                        && chars.get(j + 1).is_some_and(|e| e.is_alphanumeric())
                        && !marks.get(mi..).is_some_and(|rest| {
                            rest.iter().take_while(|m| m.0 <= j).any(|m| m.0 == j)
                        })
                    {
                        j += 2;
                    } else {
                        break;
                    }
                }
                let lower: String = chars[i..j].iter().flat_map(|c| c.to_lowercase()).collect();
                toks.push(Tok {
                    start: i,
                    end: j,
                    kind: Kind::Word,
                    lower,
                    cap: c.is_uppercase(),
                    inside,
                });
                i = j;
                continue;
            }
            toks.push(Tok {
                start: i,
                end: i + 1,
                kind: Kind::Punct,
                lower: c.to_string(),
                cap: false,
                inside,
            });
            i += 1;
        }
        let sents = split_sentences(&toks);
        let mut words_before = Vec::with_capacity(toks.len() + 1);
        let mut n = 0;
        words_before.push(0);
        for t in &toks {
            if t.is_word() {
                n += 1;
            }
            words_before.push(n);
        }
        Doc {
            words_before,
            chars,
            toks,
            pairs,
            sents,
        }
    }

    /// The text of `[s, e)` (code points).
    pub fn text(&self, s: usize, e: usize) -> String {
        self.chars
            .get(s.min(self.chars.len())..e.min(self.chars.len()))
            .map(|c| c.iter().collect())
            .unwrap_or_default()
    }
}

fn split_sentences(toks: &[Tok]) -> Vec<Sent> {
    let mut out = Vec::new();
    let mut a = 0;
    let mut para = 0;
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if t.kind == Kind::Break {
            if a < i {
                out.push(Sent { a, b: i, para });
            }
            para += 1;
            a = i + 1;
            i += 1;
            continue;
        }
        let next = toks.get(i + 1);
        let next_starts = next.is_some_and(|n| {
            (n.is_word() && (n.cap || n.lower.starts_with(|c: char| c.is_numeric())))
                || matches!(n.kind, Kind::Open(_))
                || n.punct('(')
        });
        let end_punct =
            |x: &Tok| x.kind == Kind::Punct && matches!(x.lower.as_str(), "." | "!" | "?" | "…");
        let boundary = if end_punct(t) && t.inside.is_none() {
            next_starts && !(t.lower == "." && i > 0 && is_abbrev(&toks[i - 1]))
        } else if matches!(t.kind, Kind::Close(_)) {
            next_starts
                && i > 0
                && (end_punct(&toks[i - 1])
                    || i > 1
                        && toks[i - 1].kind == Kind::Punct
                        && is_single(toks[i - 1].lower.chars().next().unwrap_or(' '))
                        && end_punct(&toks[i - 2]))
        } else {
            false
        };
        if boundary {
            out.push(Sent { a, b: i + 1, para });
            a = i + 1;
        }
        i += 1;
    }
    if a < toks.len() {
        out.push(Sent {
            a,
            b: toks.len(),
            para,
        });
    }
    out
}
