//! Numbers: digit numerals with locale separators, spelled-out cardinals, fractions and
//! ordinals, and mixes of both ("3 hundred and 21", "1.5 million").

use super::Kind;
use super::digits::{digits_value, numeral};
use super::lexicon::{Class, Lexicon, Morph};
use super::scan::{Tok, TokKind};
use super::units::Found;

/// Longest digit run read as a number; longer runs are not numbers we can use.
pub(super) const MAX_DIGITS: usize = 400;
/// Longest word split into number pieces ("dreihundertneunundneunzigtausend…").
const MAX_COMPOUND: usize = 80;

/// A number found in a chunk: `[start, end)` in chars, `[tok_start, tok_end)` in tokens.
#[derive(Debug, Clone)]
pub(crate) struct NumHit {
    pub start: usize,
    pub end: usize,
    pub tok_start: usize,
    pub tok_end: usize,
    pub value: f64,
    pub ordinal: bool,
    /// Digits written straight against letters ("29km"): a unit, not a bare number.
    pub glued: bool,
}

impl NumHit {
    /// This number as a found expression of kind number or ordinal.
    pub(crate) fn to_found(&self) -> Found {
        Found::simple(
            self.start,
            self.end,
            if self.ordinal {
                Kind::Ordinal
            } else {
                Kind::Number
            },
            self.value,
        )
    }
}

/// The slot-based accumulator of a spelled-out number.
#[derive(Debug, Clone)]
struct Acc {
    total: f64,
    group: f64,
    /// Value added since the last hundred or big multiplier (what "dozen" multiplies).
    tail: f64,
    last: Option<Last>,
    last_big: f64,
    last_chunk: f64,
    /// The big multiplier before the last one, and the total before the last big chunk.
    prev_big: f64,
    total_before: f64,
    items: usize,
    only_article: bool,
    /// A numeral in digits is part of this number.
    has_num: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Last {
    Zero,
    Unit,
    Teen,
    Ten,
    Hund,
    H100,
    Big,
    Dozen,
    Article,
    Num { int: bool, small: bool },
    Half,
}

impl Acc {
    fn new() -> Self {
        Acc {
            total: 0.0,
            group: 0.0,
            tail: 0.0,
            last: None,
            last_big: f64::INFINITY,
            last_chunk: 0.0,
            prev_big: f64::INFINITY,
            total_before: 0.0,
            items: 0,
            only_article: true,
            has_num: false,
        }
    }

    fn value(&self) -> f64 {
        self.total + self.group
    }

    /// Adds a word; false (and no change) when it cannot continue this number.
    fn push(&mut self, m: Morph, lang: &str) -> bool {
        let v = m.value;
        let last = self.last;
        let fresh = matches!(last, None | Some(Last::H100 | Last::Hund | Last::Big));
        let ok = match m.class {
            Class::Zero => last.is_none(),
            Class::Unit => {
                if fresh || (last == Some(Last::Ten) && self.tail % 10.0 == 0.0) {
                    self.add(v);
                    self.last = Some(Last::Unit);
                    true
                } else {
                    false
                }
            }
            Class::Teen => {
                if fresh
                    || (lang == "fr" && last == Some(Last::Ten) && matches!(self.tail, 60.0 | 80.0))
                {
                    self.add(v);
                    self.last = Some(Last::Teen);
                    true
                } else {
                    false
                }
            }
            Class::Ten => {
                if fresh {
                    self.add(v);
                    self.last = Some(Last::Ten);
                    true
                } else if lang == "fr" && last == Some(Last::Unit) && v == 20.0 && self.tail == 4.0
                {
                    self.add(76.0);
                    self.last = Some(Last::Ten);
                    true
                } else if lang == "fr"
                    && last == Some(Last::Ten)
                    && v == 10.0
                    && matches!(self.tail, 60.0 | 80.0)
                {
                    self.add(v);
                    self.last = Some(Last::Ten);
                    true
                } else {
                    false
                }
            }
            Class::Hund => {
                if matches!(last, None | Some(Last::Big)) {
                    self.group += v;
                    self.tail = 0.0;
                    self.last = Some(Last::Hund);
                    true
                } else {
                    false
                }
            }
            Class::H100 => {
                let can = match last {
                    None | Some(Last::Article) => true,
                    Some(Last::Unit | Last::Teen | Last::Ten) => self.group < 100.0,
                    Some(Last::Num { .. }) => self.group < 1000.0 && lang == "en",
                    Some(Last::Big) => lang != "en",
                    _ => false,
                };
                if can {
                    self.group = self.group.max(1.0) * 100.0;
                    self.tail = 0.0;
                    self.last = Some(Last::H100);
                }
                can
            }
            Class::Big => {
                if last != Some(Last::Big)
                    && v > self.last_big
                    && self.group > 0.0
                    && v < self.prev_big
                {
                    // Long scale: "cuatrocientos mil doscientos millones" = 400 200 × 10⁶.
                    let since = self.total - self.total_before + self.group;
                    self.total = self.total_before + since * v;
                    self.last_chunk = since * v;
                    self.group = 0.0;
                    self.tail = 0.0;
                    self.last_big = v;
                    self.last = Some(Last::Big);
                    true
                } else if last == Some(Last::Big) && v > self.last_big {
                    self.total = self.total - self.last_chunk + self.last_chunk * v;
                    self.last_chunk *= v;
                    self.last_big = v;
                    true
                } else if v < self.last_big && last != Some(Last::Zero) {
                    let chunk = if self.group > 0.0 { self.group } else { 1.0 };
                    if last.is_some() && self.group <= 0.0 && last != Some(Last::Article) {
                        false
                    } else {
                        self.prev_big = self.last_big;
                        self.total_before = self.total;
                        self.total += chunk * v;
                        self.last_chunk = chunk * v;
                        self.group = 0.0;
                        self.tail = 0.0;
                        self.last_big = v;
                        self.last = Some(Last::Big);
                        true
                    }
                } else {
                    false
                }
            }
            Class::Dozen => {
                if matches!(
                    last,
                    Some(Last::Unit | Last::Teen | Last::Ten | Last::Article | Last::Half)
                        | Some(Last::Num { .. })
                ) {
                    let t = if self.tail > 0.0 { self.tail } else { 1.0 };
                    self.group = self.group - self.tail + t * v;
                    self.tail = 0.0;
                    self.last = Some(Last::Dozen);
                    true
                } else {
                    false
                }
            }
            Class::Article => {
                if last.is_none() {
                    self.group = 1.0;
                    self.tail = 1.0;
                    self.last = Some(Last::Article);
                    true
                } else {
                    false
                }
            }
            Class::Half => {
                if matches!(last, Some(Last::Unit | Last::Teen | Last::Ten)) {
                    self.group += 0.5;
                    self.tail += 0.5;
                    self.last = Some(Last::Half);
                    true
                } else {
                    false
                }
            }
            Class::Conn => false,
        };
        if ok {
            if m.class == Class::Zero {
                self.last = Some(Last::Zero);
            }
            self.items += 1;
            if m.class != Class::Article {
                self.only_article = false;
            }
        }
        ok
    }

    fn add(&mut self, v: f64) {
        self.group += v;
        self.tail += v;
    }

    /// Adds a numeral written in digits.
    fn push_num(&mut self, v: f64, int: bool) -> bool {
        let ok = match self.last {
            None => true,
            Some(Last::H100) => int && v < 100.0,
            Some(Last::Big) => int && v < self.last_big.min(1000.0),
            _ => false,
        };
        if ok {
            self.add(v);
            self.last = Some(Last::Num {
                int,
                small: v < 1000.0,
            });
            self.has_num = true;
            self.items += 1;
            self.only_article = false;
        }
        ok
    }

    /// Whether a connector word ("and") may follow here.
    fn takes_and(&self, lang: &str) -> bool {
        match self.last {
            Some(Last::H100 | Last::Hund | Last::Big) => true,
            Some(Last::Ten) => matches!(lang, "es" | "fr" | "pt" | "it" | "ru"),
            _ => false,
        }
    }

    /// Whether only a multiplier may follow (a digit numeral was the last item).
    fn after_num(&self) -> bool {
        matches!(self.last, Some(Last::Num { .. }))
    }
}

/// Everything the number parser needs about a chunk.
pub(super) struct Ctx<'a> {
    pub(super) chars: &'a [char],
    pub(super) toks: &'a [Tok],
    pub(super) lex: &'a Lexicon,
}

/// One parsed phrase of words and numerals.
#[derive(Debug, Clone)]
struct Phrase {
    acc: Acc,
    /// Token index just after the phrase.
    end: usize,
    /// The phrase ends with an ordinal word ("twenty-first").
    ordinal: bool,
    /// The phrase is a denominator ("fifths", "twenty-firsts"): its value is the denominator.
    denom: bool,
    /// Only digit numerals.
    digits: bool,
    glued: bool,
}

/// Finds the numbers of a chunk, left to right, without overlaps.
pub(crate) fn find(chars: &[char], toks: &[Tok], lex: &Lexicon) -> Vec<NumHit> {
    let ctx = Ctx { chars, toks, lex };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let candidate = match t.kind {
            TokKind::Digits => true,
            TokKind::Word => could_start(&ctx, i),
            TokKind::Other => matches!(
                chars[t.start],
                '-' | '−' | '.' | ',' | '+' | '½' | '¼' | '¾'
            ),
            TokKind::Space => false,
        };
        if candidate && let Some(h) = number_at(&ctx, i) {
            i = h.tok_end.max(i + 1);
            out.push(h);
            continue;
        }
        i += 1;
    }
    out
}

fn could_start(ctx: &Ctx, i: usize) -> bool {
    let w = ctx.toks[i].lower.as_str();
    let lex = ctx.lex;
    lex.words.contains_key(w)
        || lex.ords.contains_key(w)
        || lex.denoms.contains_key(w)
        || lex.minus_words.contains(&w)
        || lex.half_words.contains(&w)
        || (lex.compounds && split_compound(lex, w).is_some())
        || compound_big(lex, w, true).is_some()
}

/// Token index of the next non-space token at or after `i`, with whether spaces were skipped.
fn skip_space(toks: &[Tok], i: usize) -> usize {
    let mut j = i;
    while j < toks.len() && toks[j].kind == TokKind::Space {
        j += 1;
    }
    j
}

/// Skips the separator between two number words: spaces, a hyphen, or both.
fn skip_sep(ctx: &Ctx, i: usize) -> usize {
    let mut j = skip_space(ctx.toks, i);
    if j < ctx.toks.len()
        && ctx.toks[j].kind == TokKind::Other
        && matches!(ctx.chars[ctx.toks[j].start], '-' | '‐' | '–')
    {
        j = skip_space(ctx.toks, j + 1);
    }
    j
}

/// The token whose start is char `pos` (or the first after it).
pub(super) fn tok_at(toks: &[Tok], pos: usize) -> usize {
    toks.partition_point(|t| t.start < pos)
}

fn is_word(ctx: &Ctx, i: usize, w: &str) -> bool {
    i < ctx.toks.len() && ctx.toks[i].kind == TokKind::Word && ctx.toks[i].lower == w
}

/// Matches a possibly multi-word phrase ("out of") at `i`; returns the token after it.
fn match_words(ctx: &Ctx, i: usize, phrase: &str) -> Option<usize> {
    let mut j = i;
    for (k, w) in phrase.split(' ').enumerate() {
        if k > 0 {
            j = skip_space(ctx.toks, j);
        }
        if !is_word(ctx, j, w) {
            return None;
        }
        j += 1;
    }
    Some(j)
}

fn number_at(ctx: &Ctx, i: usize) -> Option<NumHit> {
    let toks = ctx.toks;
    let chars = ctx.chars;
    let t = &toks[i];
    // Sign.
    let mut sign = 1.0;
    let mut body = i;
    if t.kind == TokKind::Other && matches!(chars[t.start], '-' | '−' | '+') {
        let before_ok = t.start == 0 || {
            let p = chars[t.start - 1];
            p.is_whitespace() || matches!(p, '(' | '[' | ':' | '=' | ';')
        };
        // "40 - 50", "75 -300mm": a dash between numbers is no minus sign.
        let after_number = {
            let mut q = i;
            while q > 0 && toks[q - 1].kind == TokKind::Space {
                q -= 1;
            }
            q > 0 && q < i && toks[q - 1].kind == TokKind::Digits
        };
        let before_ok = before_ok && !after_number;
        let j = skip_space(toks, i + 1);
        if !before_ok || j >= toks.len() || toks[j].kind != TokKind::Digits {
            return None;
        }
        if chars[t.start] != '+' {
            sign = -1.0;
        }
        body = j;
    } else if t.kind == TokKind::Word && ctx.lex.minus_words.contains(&t.lower.as_str()) {
        let j = skip_space(toks, i + 1);
        if j >= toks.len() || j == i + 1 {
            return None;
        }
        // "au moins cinq", "al menos 200", "pelo menos 3", "non meno di": a comparative,
        // not a sign (the comparative reader makes it a lower bound).
        let mut p = i;
        while p > 0 && toks[p - 1].kind == TokKind::Space {
            p -= 1;
        }
        if p > 0
            && p < i
            && toks[p - 1].kind == TokKind::Word
            && COMPARATIVE_BEFORE_MINUS.contains(&toks[p - 1].lower.as_str())
        {
            return None;
        }
        sign = -1.0;
        body = j;
    }
    let mut h = value_at(ctx, body)?;
    if sign < 0.0 {
        if h.ordinal {
            return None;
        }
        h.value = -h.value;
        h.start = t.start;
        h.tok_start = i;
    }
    Some(h)
}

/// Words before "moins", "menos", "meno" that make it a comparative ("au moins", "por lo
/// menos", "pelo menos", "non meno"), never a minus sign.
const COMPARATIVE_BEFORE_MINUS: &[&str] = &[
    "au", "du", "pas", "le", "les", "al", "lo", "no", "ni", "pelo", "ao", "o", "non", "a", "di",
    "del", "en", "un", "poco", "tanto", "mais", "más", "plus",
];

/// The number starting exactly at token `i` (no sign).
fn value_at(ctx: &Ctx, i: usize) -> Option<NumHit> {
    let toks = ctx.toks;
    let lex = ctx.lex;
    let t = &toks[i];
    // "half", "quarter" alone or before a multiplier.
    if t.kind == TokKind::Word
        && (lex.half_words.contains(&t.lower.as_str()) || t.lower == "quarter")
        && !lex.words.contains_key(t.lower.as_str())
    {
        let base = if t.lower == "quarter" { 0.25 } else { 0.5 };
        let (value, end) = half_at(ctx, i, base);
        if t.lower == "quarter" && end == i + 1 {
            return None;
        }
        return Some(hit(ctx, i, end, value, false, false, false));
    }
    let p = phrase(ctx, i)?;
    if p.acc.items == 0 {
        return None;
    }
    // "un demi-million", "eine halbe Million", "een halve".
    if p.acc.items == 1 && p.acc.value() == 1.0 && !p.digits && !p.ordinal {
        let j = skip_space(toks, p.end);
        if j > p.end
            && let Some(h) = toks
                .get(j)
                .filter(|h| h.kind == TokKind::Word && lex.half_words.contains(&h.lower.as_str()))
        {
            let _ = h;
            let (value, end) = half_at(ctx, j, 0.5);
            return Some(hit(ctx, i, end, value, false, false, false));
        }
    }
    // "hundreds", "тысячи" alone are vague magnitudes, not numbers.
    if p.acc.items == 1
        && !p.digits
        && matches!(p.acc.last, Some(Last::H100 | Last::Big))
        && super::ranges::is_vague_word(&toks[i].lower)
    {
        return None;
    }
    if p.denom {
        // "fifths" alone is no number; "a fifth" is handled as article + denominator.
        return None;
    }
    if p.ordinal {
        if p.acc.only_article {
            return None;
        }
        return Some(hit(ctx, i, p.end, p.acc.value(), true, p.glued, p.digits));
    }
    if p.glued {
        return Some(hit(ctx, i, p.end, p.acc.value(), false, true, p.digits));
    }
    let mut value = p.acc.value();
    let mut end = p.end;
    let mut digits = p.digits;
    let last_big = if p.acc.last == Some(Last::Big) {
        p.acc.last_big
    } else {
        1.0
    };
    let j = skip_sep(ctx, end);
    // Numerator followed by a denominator: "two thirds", "a hundred trillionths".
    if let Some(d) = denominator(ctx, j)
        && j > end
        && d.0 != 0.0
    {
        value /= d.0;
        end = d.1;
        if let Some((m, e)) = big_after(ctx, end) {
            value *= m;
            end = e;
        }
        digits = false;
        return Some(finish(ctx, i, end, value, digits));
    }
    if p.acc.only_article {
        return None;
    }
    // "one over three", "1 out of 3".
    let js = skip_space(ctx.toks, end);
    for ow in lex.over_words {
        if let Some(k) = match_words(ctx, js, ow) {
            let k = skip_space(toks, k);
            if k < toks.len()
                && let Some(q) = phrase(ctx, k)
            {
                // "$2000 over 3 years" is no fraction.
                let n = skip_space(toks, q.end);
                let word_after = n > q.end
                    && toks.get(n).is_some_and(|t| {
                        t.kind == TokKind::Word
                            && !matches!(
                                t.lower.as_str(),
                                "por" | "per" | "pour" | "percent" | "procent" | "prozent"
                            )
                    });
                if !q.denom
                    && !q.ordinal
                    && !q.glued
                    && !word_after
                    && q.acc.items > 0
                    && q.acc.value() != 0.0
                {
                    let v = value / q.acc.value();
                    return Some(finish(ctx, i, q.end, v, false));
                }
            }
        }
    }
    // "one and a half", "three million and a half", "twenty and three fifths".
    let con: &[&str] = if lex.code == "es" { &["con"] } else { &[] };
    for aw in lex.and_words.iter().chain(con) {
        if is_word(ctx, js, aw) && js > end {
            let k = skip_space(toks, js + 1);
            if k > js + 1 {
                if let Some((frac, e)) = fraction_part(ctx, k) {
                    end = e;
                    digits = false;
                    match big_after(ctx, end) {
                        Some((m, e2)) if last_big > 1.0 => {
                            value += frac * m;
                            end = e2;
                        }
                        Some((m, e2)) => {
                            value = (value + frac) * m;
                            end = e2;
                        }
                        None => value += frac * last_big,
                    }
                } else if p.digits {
                    // "2 e 1/4".
                    if let Some((f, e)) = slash_fraction(ctx, k) {
                        return Some(finish(ctx, i, e, value + f.copysign(value), true));
                    }
                } else if *aw == "con" {
                    // Spanish decimals: "siete con cincuenta" = 7.50.
                    if let Some(q) = phrase(ctx, k)
                        && q.acc.items > 0
                        && !q.ordinal
                        && !q.denom
                        && !q.digits
                        && q.acc.value().fract() == 0.0
                        && let Ok(f) = format!("0.{}", q.acc.value()).parse::<f64>()
                    {
                        value += f;
                        end = q.end;
                    }
                }
            }
        }
    }
    // "3/4", "-4/5": a written fraction (not a date like 5/17/2018).
    if p.digits && p.acc.items == 1 && p.acc.value().fract() == 0.0 {
        let st = ctx.toks[i].start;
        let slash_before = (st > 0 && ctx.chars[st - 1] == '/')
            || (st > 1 && ctx.chars[st - 1] == '-' && ctx.chars[st - 2].is_ascii_digit());
        if !slash_before
            && let Some(s) = toks
                .get(end)
                .filter(|t| t.kind == TokKind::Other && ctx.chars[t.start] == '/')
        {
            let b = s.end;
            let after_b = toks.get(end + 1).filter(|t| t.kind == TokKind::Digits);
            if let Some(bt) = after_b {
                let den = digits_value(&ctx.chars[bt.start..bt.end]);
                let chained = toks
                    .get(end + 2)
                    .is_some_and(|t| t.kind == TokKind::Other && ctx.chars[t.start] == '/');
                let glued_after = toks.get(end + 2).is_some_and(|t| t.kind == TokKind::Word);
                if den != 0.0 && !chained && !glued_after && bt.start == b && bt.end - bt.start <= 6
                {
                    return Some(finish(ctx, i, end + 2, value / den, true));
                }
            }
        }
    }
    // "2 1/4": a whole number and a written fraction.
    if p.digits && p.acc.value().fract() == 0.0 {
        let k = skip_space(toks, end);
        if k > end
            && let Some((f, e)) = slash_fraction(ctx, k)
        {
            return Some(finish(ctx, i, e, value + f.copysign(value), true));
        }
    }
    // Spelled decimals: "two hundred point zero three".
    if !p.digits
        && let Some((frac, e)) = point_part(ctx, js, end)
    {
        value += frac;
        end = e;
    }
    Some(finish(ctx, i, end, value, digits))
}

/// "half" at `i` and what it multiplies: "half a dozen", "half million", "demi-million".
fn half_at(ctx: &Ctx, i: usize, base: f64) -> (f64, usize) {
    match big_after(ctx, i + 1) {
        Some((m, e)) => (base * m, e),
        None => (base, i + 1),
    }
}

/// A multiplier word after a fraction: "million", "of a million", "-million", "a dozen".
fn big_after(ctx: &Ctx, end: usize) -> Option<(f64, usize)> {
    let toks = ctx.toks;
    let j = skip_sep(ctx, end);
    if j == end && !toks.get(j).is_some_and(|t| t.kind == TokKind::Word) {
        return None;
    }
    let k = match_words(ctx, j, "of a")
        .or_else(|| match_words(ctx, j, "a"))
        .map(|k| skip_space(toks, k))
        .unwrap_or(j);
    let m = toks
        .get(k)
        .and_then(|w| ctx.lex.words.get(w.lower.as_str()))?;
    if matches!(m.class, Class::Big | Class::Dozen)
        || (m.class == Class::H100 && ctx.lex.code == "en")
    {
        Some((m.value, k + 1))
    } else {
        None
    }
}

fn finish(ctx: &Ctx, i: usize, end: usize, value: f64, digits: bool) -> NumHit {
    hit(ctx, i, end, value, false, false, digits)
}

fn hit(
    ctx: &Ctx,
    i: usize,
    end: usize,
    value: f64,
    ordinal: bool,
    glued: bool,
    _digits: bool,
) -> NumHit {
    let end = end.clamp(i + 1, ctx.toks.len());
    NumHit {
        start: ctx.toks[i].start,
        end: ctx.toks[end - 1].end,
        tok_start: i,
        tok_end: end,
        value,
        ordinal,
        glued,
    }
}

/// A denominator phrase at `j`: ("twenty-fifth", "thirds", "hundredths") → (denominator, end).
fn denominator(ctx: &Ctx, j: usize) -> Option<(f64, usize)> {
    if j >= ctx.toks.len() {
        return None;
    }
    let t = &ctx.toks[j];
    if t.kind != TokKind::Word {
        return None;
    }
    // No look-ahead inside a denominator: it would chain down the whole text.
    let q = phrase_m(ctx, j, true, 2)?;
    if q.denom || (q.ordinal && q.acc.value() >= 3.0 && !q.digits) {
        return Some((q.acc.value(), q.end));
    }
    // Portuguese "vinte e um avos".
    if !q.ordinal && !q.glued && q.acc.items > 0 {
        let k = skip_space(ctx.toks, q.end);
        if k > q.end
            && ctx
                .toks
                .get(k)
                .is_some_and(|t| t.lower == "avos" || t.lower == "avo")
        {
            return Some((q.acc.value(), k + 1));
        }
    }
    None
}

/// After "and": "a half", "three fifths", "a quarter".
fn fraction_part(ctx: &Ctx, k: usize) -> Option<(f64, usize)> {
    fraction_part_d(ctx, k, 0)
}

fn fraction_part_d(ctx: &Ctx, k: usize, depth: u8) -> Option<(f64, usize)> {
    let t = ctx.toks.get(k)?;
    let lex = ctx.lex;
    if t.kind == TokKind::Word && lex.half_words.contains(&t.lower.as_str()) {
        return Some((0.5, k + 1));
    }
    if let Some(m) = lex.words.get(t.lower.as_str())
        && matches!(m.class, Class::Article | Class::Unit)
        && m.value == 1.0
    {
        let j = skip_space(ctx.toks, k + 1);
        if j > k + 1
            && ctx
                .toks
                .get(j)
                .is_some_and(|h| lex.half_words.contains(&h.lower.as_str()))
        {
            return Some((0.5, j + 1));
        }
    }
    if t.kind == TokKind::Word && lex.denoms.contains_key(t.lower.as_str()) {
        let d = lex.denoms.get(t.lower.as_str()).copied().unwrap_or(1.0);
        if d == 2.0 || d == 4.0 {
            return Some((1.0 / d, k + 1));
        }
    }
    let p = phrase_m(ctx, k, false, depth.max(1))?;
    if p.denom || p.ordinal || p.glued || p.acc.items == 0 || p.digits {
        return None;
    }
    let j = skip_sep(ctx, p.end);
    let (d, e) = denominator(ctx, j)?;
    if j == p.end || d == 0.0 {
        return None;
    }
    Some((p.acc.value() / d, e))
}

/// "1/4" at `k` → (0.25, end).
fn slash_fraction(ctx: &Ctx, k: usize) -> Option<(f64, usize)> {
    let toks = ctx.toks;
    let a = toks.get(k)?;
    let s = toks.get(k + 1)?;
    let b = toks.get(k + 2)?;
    if a.kind != TokKind::Digits
        || b.kind != TokKind::Digits
        || s.kind != TokKind::Other
        || ctx.chars[s.start] != '/'
        || a.end - a.start > 6
        || b.end - b.start > 6
    {
        return None;
    }
    let num = digits_value(&ctx.chars[a.start..a.end]);
    let den = digits_value(&ctx.chars[b.start..b.end]);
    if den == 0.0 || num >= den {
        return None;
    }
    Some((num / den, k + 3))
}

/// After a spelled number: "point zero three", "virgule cinq" → (fraction, end).
fn point_part(ctx: &Ctx, js: usize, end: usize) -> Option<(f64, usize)> {
    if js == end {
        return None;
    }
    let t = ctx.toks.get(js)?;
    if t.kind != TokKind::Word || !ctx.lex.point_words.contains(&t.lower.as_str()) {
        return None;
    }
    let mut k = skip_space(ctx.toks, js + 1);
    if k == js + 1 {
        return None;
    }
    let mut digits = String::new();
    let mut e = None;
    // Digit by digit ("zero three").
    while let Some(w) = ctx.toks.get(k) {
        let m = ctx.lex.words.get(w.lower.as_str());
        match m {
            Some(m) if matches!(m.class, Class::Zero | Class::Unit) && w.kind == TokKind::Word => {
                let q = phrase(ctx, k)?;
                if q.acc.value() >= 10.0 {
                    if digits.is_empty() {
                        digits = format!("{}", q.acc.value());
                        e = Some(q.end);
                    }
                    break;
                }
                digits.push(char::from(b'0' + (m.value as u8).min(9)));
                e = Some(k + 1);
                let n = skip_sep(ctx, k + 1);
                if n == k + 1 {
                    break;
                }
                k = n;
            }
            _ => {
                if digits.is_empty() && w.kind == TokKind::Word {
                    let q = phrase(ctx, k)?;
                    if q.acc.items > 0 && !q.ordinal && !q.denom && q.acc.value().fract() == 0.0 {
                        digits = format!("{}", q.acc.value());
                        e = Some(q.end);
                    }
                }
                break;
            }
        }
        if digits.len() > 30 {
            break;
        }
    }
    let e = e?;
    let frac: f64 = format!("0.{digits}").parse().ok()?;
    Some((frac, e))
}

/// Parses words and numerals from token `i` into one number.
fn phrase(ctx: &Ctx, i: usize) -> Option<Phrase> {
    phrase_m(ctx, i, false, 0)
}

/// `combine`: a denominator word may complete the phrase ("twenty fifths" → 25) — used when
/// reading a denominator; `depth` bounds the look-ahead for fractions after "and".
fn phrase_m(ctx: &Ctx, i: usize, combine: bool, depth: u8) -> Option<Phrase> {
    let toks = ctx.toks;
    let lex = ctx.lex;
    let lang = lex.code;
    let mut acc = Acc::new();
    let mut end = i;
    let mut k = i;
    let mut ordinal = false;
    let mut denom = false;
    let mut digits = true;
    let mut glued = false;
    while let Some(t) = toks.get(k) {
        let mut next = acc.clone();
        let mut item_end = k + 1;
        let accepted = match t.kind {
            TokKind::Digits | TokKind::Other => {
                if acc.items > 0 && !matches!(acc.last, Some(Last::H100 | Last::Big)) {
                    false
                } else if let Some(n) = numeral(ctx, k) {
                    if n.glued || n.ordinal {
                        if acc.items > 0 {
                            false
                        } else {
                            next.push_num(n.value, n.int);
                            glued = n.glued;
                            ordinal = n.ordinal;
                            item_end = n.tok_end;
                            true
                        }
                    } else if next.push_num(n.value, n.int) {
                        item_end = n.tok_end;
                        true
                    } else {
                        false
                    }
                } else {
                    false
                }
            }
            TokKind::Word => {
                let w = t.lower.as_str();
                if let Some(&m) = lex.words.get(w) {
                    let refused = (acc.after_num()
                        && !matches!(m.class, Class::H100 | Class::Big | Class::Dozen))
                        || (m.class == Class::Article && !article_ok(ctx, k))
                        || (m.class == Class::Unit
                            && m.value == 1.0
                            && acc.items == 0
                            && blocked_one(ctx, k));
                    !refused && next.push(m, lang)
                } else if let Some(&m) = lex.ords.get(w) {
                    // "un milésimo" is a fraction; "dos milésimo tricentésimo" an ordinal.
                    let more_ords = chained_ordinals(lex) && next_is_ordinal(ctx, k + 1);
                    let as_denom = acc.items > 0
                        && !combine
                        && !more_ords
                        && (acc.only_article
                            // "un milésimo" is a fraction, "dos milésimo" the 2000th.
                            || (matches!(m.class, Class::H100 | Class::Big)
                                && matches!(acc.last, Some(Last::Unit | Last::Teen | Last::Ten))
                                && acc.value() == 1.0));
                    let ok = !as_denom && !acc.has_num && next.push(m, lang);
                    if ok {
                        ordinal = true;
                    }
                    ok
                } else if let Some(o) = compound_big(lex, w, true).filter(|_| acc.items == 0) {
                    next.group = o;
                    next.items = 1;
                    next.only_article = false;
                    next.last = Some(Last::Big);
                    next.last_big = o;
                    ordinal = true;
                    true
                } else if let Some(d) = lex
                    .denoms
                    .get(w)
                    .copied()
                    .or_else(|| avo_denom(lex, w))
                    .or_else(|| compound_big(lex, w, false))
                {
                    // A plural denominator closes a denominator phrase ("twenty fifths").
                    let m = Morph {
                        value: d,
                        class: class_of_denom(d),
                    };
                    let ok =
                        !acc.after_num() && (acc.items == 0 || (combine && next.push(m, lang)));
                    if ok {
                        if acc.items == 0 {
                            next = Acc::new();
                            next.group = d;
                            next.items = 1;
                            next.only_article = false;
                        }
                        denom = true;
                    }
                    ok
                } else if lex.compounds && !acc.after_num() {
                    match split_compound(lex, w) {
                        Some(parts) => push_parts(&mut next, &parts, lang, &mut ordinal),
                        None => match esimo_ordinal(lex, w) {
                            Some(parts) if !acc.has_num => {
                                let ok = push_parts(&mut next, &parts, lang, &mut ordinal);
                                if ok {
                                    ordinal = true;
                                }
                                ok
                            }
                            _ => false,
                        },
                    }
                } else {
                    false
                }
            }
            TokKind::Space => false,
        };
        if !accepted {
            break;
        }
        if t.kind == TokKind::Word {
            digits = false;
        }
        acc = next;
        end = item_end;
        let more = ordinal && chained_ordinals(lex) && next_is_ordinal(ctx, end);
        if (ordinal && !more) || denom || glued || acc.last == Some(Last::Zero) {
            break;
        }
        // Separator, then maybe a connector word.
        let j = skip_sep(ctx, end);
        if j >= toks.len() {
            break;
        }
        let mut k2 = j;
        if acc.takes_and(lang) && lex.and_words.contains(&toks[j].lower.as_str()) && j > end {
            let a = skip_space(toks, j + 1);
            if a == j + 1 {
                break;
            }
            // A fraction after "and" belongs to the caller ("one hundred and three quarters").
            if depth < 2
                && !matches!(lang, "es" | "pt")
                && fraction_part_d(ctx, a, depth + 1).is_some()
            {
                break;
            }
            k2 = a;
        }
        if k2 == end {
            // Two items glued without separator (e.g. "10k" handled by numeral()).
            break;
        }
        // Newlines end a number.
        if toks[end..k2].iter().any(|t| {
            t.kind == TokKind::Space
                && ctx.chars[t.start..t.end]
                    .iter()
                    .filter(|&&c| c == '\n')
                    .count()
                    > 0
        }) {
            break;
        }
        k = k2;
    }
    if acc.items == 0 {
        return None;
    }
    if acc.only_article && !denom {
        // "a" alone: only as numerator ("a fifth", "a hundred").
        return Some(Phrase {
            acc,
            end,
            ordinal: false,
            denom: false,
            digits: false,
            glued: false,
        });
    }
    Some(Phrase {
        acc,
        end,
        ordinal,
        denom,
        digits,
        glued,
    })
}

/// Spanish denominators made with "-avo": "veintiunavo" (21), "treintavos", "doscientosavos".
/// Italian ordinals made with "-esimo": "venticinquesimo" (25), "ventunesimo" (21).
fn esimo_ordinal(lex: &Lexicon, w: &str) -> Option<Vec<Morph>> {
    if lex.code != "it" {
        return None;
    }
    let stem = ["esimo", "esima", "esimi", "esime"]
        .iter()
        .find_map(|s| w.strip_suffix(s))?;
    if stem.chars().count() < 2 {
        return None;
    }
    for v in ["e", "o", "a", "i", ""] {
        let cand = format!("{stem}{v}");
        if let Some(m) = lex.words.get(cand.as_str()) {
            return Some(vec![*m]);
        }
        if let Some(parts) = split_compound(lex, &cand) {
            return Some(parts);
        }
    }
    None
}

fn avo_denom(lex: &Lexicon, w: &str) -> Option<f64> {
    if lex.code != "es" {
        return None;
    }
    let stem = ["avos", "avas", "avo", "ava"]
        .iter()
        .find_map(|s| w.strip_suffix(s))?;
    if stem.is_empty() {
        return None;
    }
    for cand in [
        stem.to_string(),
        format!("{stem}a"),
        format!("{stem}o"),
        format!("{stem}e"),
    ] {
        if let Some(m) = lex.words.get(cand.as_str())
            && !matches!(m.class, Class::Article | Class::Conn | Class::Zero)
        {
            return Some(m.value);
        }
        if let Some(v) = compound_value(lex, &cand) {
            return Some(v);
        }
    }
    None
}

/// The value of a cardinal written as one word ("treintaicinco", "doscientos", "milcinco").
fn compound_value(lex: &Lexicon, w: &str) -> Option<f64> {
    if let Some(m) = lex.words.get(w) {
        return (!matches!(m.class, Class::Article | Class::Conn)).then_some(m.value);
    }
    let parts = split_compound(lex, w)?;
    if parts.iter().any(|m| m.value < 0.0) {
        return None;
    }
    let mut acc = Acc::new();
    let mut ordinal = false;
    push_parts(&mut acc, &parts, lex.code, &mut ordinal).then(|| acc.value())
}

/// Spanish words made of a cardinal and a big ordinal or denominator: "dosmilésimos" (2000),
/// "tresmillonésimo" (3 000 000). `table` is the ordinal or the denominator table.
fn compound_big(lex: &Lexicon, w: &str, ords: bool) -> Option<f64> {
    if lex.code != "es"
        || w.len() > 80
        || !["simo", "sima", "simos", "simas"]
            .iter()
            .any(|e| w.ends_with(e))
    {
        return None;
    }
    for (b, _) in w.char_indices().skip(2) {
        let (head, tail) = w.split_at(b);
        let v = if ords {
            lex.ords
                .get(tail)
                .filter(|m| matches!(m.class, Class::H100 | Class::Big))
                .map(|m| m.value)
        } else {
            lex.denoms.get(tail).copied().filter(|&d| d >= 100.0)
        };
        if let Some(v) = v
            && let Some(h) = compound_value(lex, head)
        {
            return Some(h * v);
        }
    }
    None
}

fn class_of_denom(d: f64) -> Class {
    if d < 10.0 {
        Class::Unit
    } else if d < 20.0 {
        Class::Teen
    } else if d < 100.0 {
        Class::Ten
    } else if d < 1000.0 {
        Class::H100
    } else {
        Class::Big
    }
}

/// Languages whose ordinals are written as several ordinal words ("vigésimo quinto").
fn chained_ordinals(lex: &Lexicon) -> bool {
    matches!(lex.code, "es" | "pt" | "it")
}

/// Whether the word after the separator at `i` is an ordinal word.
fn next_is_ordinal(ctx: &Ctx, i: usize) -> bool {
    let j = skip_sep(ctx, i);
    j > i
        && ctx
            .toks
            .get(j)
            .is_some_and(|t| t.kind == TokKind::Word && ctx.lex.ords.contains_key(t.lower.as_str()))
}

/// "a"/"an" count as one only before a multiplier or a denominator.
fn article_ok(ctx: &Ctx, k: usize) -> bool {
    let j = skip_space(ctx.toks, k + 1);
    if j == k + 1 {
        return false;
    }
    let Some(t) = ctx.toks.get(j) else {
        return false;
    };
    let w = t.lower.as_str();
    let lex = ctx.lex;
    match lex.words.get(w) {
        Some(m) => matches!(m.class, Class::H100 | Class::Big | Class::Dozen),
        None => {
            lex.denoms.contains_key(w)
                || lex.ords.get(w).is_some_and(|m| m.value >= 3.0)
                || denominator_ahead(ctx, j)
        }
    }
}

/// "a twenty-first": a cardinal prefix ending in an ordinal.
fn denominator_ahead(ctx: &Ctx, j: usize) -> bool {
    let lex = ctx.lex;
    let Some(t) = ctx.toks.get(j) else {
        return false;
    };
    if !matches!(lex.words.get(t.lower.as_str()), Some(m) if m.class == Class::Ten) {
        return false;
    }
    let k = skip_sep(ctx, j + 1);
    ctx.toks.get(k).is_some_and(|t| {
        lex.ords.contains_key(t.lower.as_str()) || lex.denoms.contains_key(t.lower.as_str())
    })
}

/// "the one", "which one": a pronoun, not a number.
fn blocked_one(ctx: &Ctx, k: usize) -> bool {
    if k < 2 {
        return false;
    }
    let mut j = k - 1;
    while j > 0 && ctx.toks[j].kind == TokKind::Space {
        j -= 1;
    }
    if j == k - 1 {
        // No space before: apostrophe forms (l'un) count as blocked.
        return ctx.toks[j].kind == TokKind::Other
            && matches!(ctx.chars[ctx.toks[j].start], '\'' | '’');
    }
    let prev = &ctx.toks[j];
    if prev.kind == TokKind::Other && matches!(ctx.chars[prev.start], '\'' | '’') {
        return true;
    }
    if prev.kind != TokKind::Word || !ctx.lex.one_blockers.contains(&prev.lower.as_str()) {
        return false;
    }
    // "the one hundred" is still a number.
    let n = skip_sep(ctx, k + 1);
    !ctx.toks.get(n).is_some_and(|t| {
        ctx.lex
            .words
            .get(t.lower.as_str())
            .is_some_and(|m| matches!(m.class, Class::H100 | Class::Big | Class::Dozen))
            || ctx.lex.denoms.contains_key(t.lower.as_str())
    })
}

fn push_parts(acc: &mut Acc, parts: &[Morph], lang: &str, ordinal: &mut bool) -> bool {
    // Units before tens in German and Dutch: "fünfundzwanzig" = 5 + 20.
    let mut seq: Vec<Morph> = Vec::with_capacity(parts.len());
    let mut idx = 0;
    while idx < parts.len() {
        let p = parts[idx];
        if p.class == Class::Conn {
            if let (Some(prev), Some(next)) = (seq.last().copied(), parts.get(idx + 1).copied())
                && matches!(prev.class, Class::Unit)
                && next.class == Class::Ten
            {
                seq.pop();
                seq.push(next);
                seq.push(prev);
                idx += 2;
                continue;
            }
            idx += 1;
            continue;
        }
        seq.push(p);
        idx += 1;
    }
    let ords_flag = parts.last().is_some_and(|m| m.value < 0.0);
    let mut a = acc.clone();
    for m in &seq {
        let m = Morph {
            value: m.value.abs(),
            class: m.class,
        };
        if !a.push(m, lang) {
            return false;
        }
    }
    if ords_flag {
        *ordinal = true;
    }
    // A compound word counts as one item.
    a.items = acc.items + 1;
    *acc = a;
    true
}

/// Splits a compound number word into pieces (fewest pieces); ordinal last pieces come back
/// with a negative value.
fn split_compound(lex: &Lexicon, w: &str) -> Option<Vec<Morph>> {
    let n = w.len();
    if !(4..=MAX_COMPOUND * 2).contains(&n) || !lex.may_start(w) {
        return None;
    }
    let bounds: Vec<usize> = w
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(n))
        .collect();
    if bounds.len() > MAX_COMPOUND + 1 {
        return None;
    }
    let m = bounds.len();
    // best[k] = (pieces, previous index, morph) for prefix ending at bounds[k].
    let mut best: Vec<Option<(usize, usize, Morph)>> = vec![None; m];
    let lookup = |s: &str, last: bool| -> Option<Morph> {
        lex.inner
            .get(s)
            .or_else(|| lex.words.get(s))
            .copied()
            .map(|mo| {
                if mo.class == Class::Article {
                    Morph {
                        value: mo.value,
                        class: Class::Unit,
                    }
                } else {
                    mo
                }
            })
            .or_else(|| {
                if last {
                    lex.ords.get(s).map(|o| Morph {
                        value: -o.value,
                        class: o.class,
                    })
                } else {
                    None
                }
            })
    };
    for e in 1..m {
        for s in 0..e {
            if s > 0 && best[s].is_none() {
                continue;
            }
            if e - s > 14 {
                continue;
            }
            let piece = &w[bounds[s]..bounds[e]];
            let Some(mo) = lookup(piece, e == m - 1) else {
                continue;
            };
            let pieces = if s == 0 {
                1
            } else {
                best[s].map_or(usize::MAX, |b| b.0 + 1)
            };
            if best[e].is_none_or(|b| pieces < b.0) {
                best[e] = Some((pieces, s, mo));
            }
        }
    }
    let mut parts = Vec::new();
    let mut e = m - 1;
    while e > 0 {
        let (_, s, mo) = best[e]?;
        parts.push(mo);
        e = s;
    }
    parts.reverse();
    if parts.len() < 2 {
        return None;
    }
    Some(parts)
}
