//! Which quantities are tracked figures: not dates, years, times of day, ages used as
//! descriptors, ordinals, page or article numbers, phone numbers or numbers inside names.

use super::lexicon::{CLOCK, MONTHS, PEOPLE, REFERENCE, TIME_FRAME_AFTER, TIME_FRAME_BEFORE};
use super::words::{TK, Tok};
use crate::quantities::Kind;

/// A figure before it becomes a claim.
#[derive(Debug, Clone)]
pub(super) struct Cand {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub value: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// The recogniser's unit (ISO 4217, `%`, the duration unit as said, a symbol).
    pub unit: Option<String>,
    pub seconds: Option<f64>,
    pub approximate: bool,
    /// A vague magnitude ("hundreds", "several dozen").
    pub vague: bool,
}

fn char_at(chars: &[char], i: usize) -> Option<char> {
    chars.get(i).copied()
}

/// True when the figure's own characters are all digits and separators.
fn digits_only(chars: &[char], c: &Cand) -> bool {
    chars.get(c.start..c.end).is_some_and(|s| {
        s.iter()
            .all(|ch| ch.is_ascii_digit() || matches!(ch, ',' | '.'))
    })
}

/// True when the figure is glued to other symbols that make it a code, date, time or name
/// ("Covid-19", "2023-11-10", "10:30", "555-123-4567", "IK17").
fn glued(chars: &[char], c: &Cand) -> bool {
    let before = c.start.checked_sub(1).and_then(|i| char_at(chars, i));
    let before2 = c.start.checked_sub(2).and_then(|i| char_at(chars, i));
    let after = char_at(chars, c.end);
    let after2 = char_at(chars, c.end + 1);
    let alnum = |o: Option<char>| o.is_some_and(char::is_alphanumeric);
    let digit = |o: Option<char>| o.is_some_and(|ch| ch.is_ascii_digit());
    match before {
        Some(ch) if ch.is_alphabetic() => return true,
        Some('-' | '‑') if alnum(before2) => return true,
        Some('/' | ':' | '#' | '№' | '§' | '+') => return true,
        Some('.') if digit(before2) => return true,
        _ => {}
    }
    match after {
        Some(':' | '/' | '-' | '‑') if digit(after2) => true,
        Some('.') if digit(after2) => true,
        _ => false,
    }
}

/// "24. Februar": the word after a dot and a space just after the figure, lowercase.
fn next_word_after_dot(chars: &[char], end: usize) -> Option<String> {
    if chars.get(end) != Some(&'.') || chars.get(end + 1) != Some(&' ') {
        return None;
    }
    let w: String = chars
        .get(end + 2..)?
        .iter()
        .take(12)
        .take_while(|c| c.is_alphabetic())
        .collect();
    Some(w.to_lowercase())
}

/// The words just before and after the figure, lowercase (skipping one determiner for
/// "before" when asked).
pub(super) fn neighbours(toks: &[Tok], ci: usize, cj: usize) -> (Option<&Tok>, Option<&Tok>) {
    let before = ci.checked_sub(1).and_then(|i| toks.get(i));
    (before, toks.get(cj))
}

/// Whether a candidate is a figure a reader would track. `toks` are the sentence
/// window's tokens; the figure covers tokens `ci..cj`; `first` is true when the figure
/// starts its sentence. `hedged` says a hedge word stands before it.
pub(super) fn is_tracked(
    chars: &[char],
    c: &Cand,
    toks: &[Tok],
    ci: usize,
    cj: usize,
    hedged: bool,
) -> bool {
    let (before, after) = neighbours(toks, ci, cj);
    let after2 = toks.get(cj + 1);
    let word_before = before.filter(|t| t.is_word()).map(|t| t.lower.as_str());
    let word_after = after.filter(|t| t.is_word()).map(|t| t.lower.as_str());
    let text: String = chars.get(c.start..c.end).unwrap_or(&[]).iter().collect();
    let lower = text.to_lowercase();
    match c.kind {
        Kind::Ordinal | Kind::Temperature | Kind::Age => return false,
        Kind::Money | Kind::Percentage => return true,
        _ => {}
    }
    // Dates: a month name next to the figure ("10 November", "November 10", "10. November").
    let month_after = word_after.is_some_and(|w| MONTHS.contains(w))
        || (word_after.is_some_and(|w| matches!(w, "de" | "di" | "of"))
            && after2.is_some_and(|t| t.is_word() && MONTHS.contains(t.lower.as_str())))
        || next_word_after_dot(chars, c.end).is_some_and(|w| MONTHS.contains(w.as_str()))
        || (after.and_then(Tok::punct) == Some('.')
            && after2.is_some_and(|t| t.is_word() && MONTHS.contains(t.lower.as_str())));
    let month_before = word_before.is_some_and(|w| MONTHS.contains(w) && w != "may" && w != "mai")
        || word_before == Some("may") && before.is_some_and(|t| t.cap);
    if (c.kind == Kind::Number || c.kind == Kind::Range) && (month_after || month_before) {
        return false;
    }
    // Years: four digits between 1000 and 2100, unless hedged or counting persons.
    let is_year = |v: f64| (1000.0..=2100.0).contains(&v) && v.fract() == 0.0;
    let four_digits = digits_only(chars, c)
        && text.chars().filter(|ch| ch.is_ascii_digit()).count() == 4
        && !text.contains([',', '.']);
    if c.kind == Kind::Number && four_digits && c.value.is_some_and(is_year) {
        let persons = word_after.is_some_and(|w| PEOPLE.contains(w));
        if !persons {
            return false;
        }
    }
    if c.kind == Kind::Range && c.min.is_some_and(is_year) && c.max.is_some_and(is_year) && !c.vague
    {
        return false;
    }
    // "2023 года", "in 2022 year": a year read as a duration.
    if c.kind == Kind::Duration && c.value.is_some_and(is_year) && !lower.contains(' ') {
        return false;
    }
    if c.kind == Kind::Duration
        && c.value.is_some_and(is_year)
        && (lower.ends_with("года")
            || lower.ends_with("году")
            || lower.ends_with("год")
            || lower.ends_with(" г"))
    {
        return false;
    }
    if !c.vague
        && (c.kind == Kind::Number || c.kind == Kind::Range || c.kind == Kind::Duration)
        && glued(chars, c)
    {
        return false;
    }
    if c.kind == Kind::Number || c.kind == Kind::Range {
        // "the first half of July": a part of a period, not a figure.
        if c.value.is_some_and(|v| v < 1.0)
            && word_before.is_some_and(|w| {
                matches!(
                    w,
                    "first"
                        | "second"
                        | "last"
                        | "latter"
                        | "other"
                        | "premier"
                        | "première"
                        | "seconde"
                        | "ersten"
                        | "zweiten"
                        | "primera"
                        | "segunda"
                        | "prima"
                        | "seconda"
                )
            })
        {
            return false;
        }
        // A lone "un", "ein", "one": an article or a pronoun, not a figure.
        if c.value == Some(1.0) && !text.chars().any(|ch| ch.is_ascii_digit()) {
            return false;
        }
        // Ages in apposition to a name: "Petra Lind, 54, who escaped", "Jonas Vogt (45)".
        if digits_only(chars, c)
            && c.value
                .is_some_and(|v| (1.0..=120.0).contains(&v) && v.fract() == 0.0)
            && before
                .and_then(Tok::punct)
                .is_some_and(|p| p == ',' || p == '(')
            && toks
                .get(ci.wrapping_sub(2))
                .is_some_and(|t| t.is_word() && t.cap)
            && after
                .and_then(Tok::punct)
                .is_some_and(|p| matches!(p, ',' | ')' | '.' | ';'))
        {
            return false;
        }
        // Ages: "at age 16", "aged 45"; decades: "the 1960s", "in her 20's".
        if word_before.is_some_and(|w| {
            matches!(
                w,
                "age" | "aged" | "ages" | "âge" | "alter" | "edad" | "età" | "возрасте"
            )
        }) {
            return false;
        }
        let after_chars: Vec<char> = chars
            .get(c.end..(c.end + 3).min(chars.len()))
            .unwrap_or(&[])
            .to_vec();
        let decade = match after_chars.as_slice() {
            ['s', n, ..] | ['\'' | '’', 's', n] => !n.is_alphanumeric(),
            ['s'] | ['\'' | '’', 's'] => true,
            _ => false,
        };
        if decade {
            return false;
        }
        // Times of day ("10 am", "17 h").
        if word_after.is_some_and(|w| CLOCK.contains(w)) {
            return false;
        }
        // References: "page 12", "Article 328", "No. 5".
        if let Some(w) = word_before
            && REFERENCE.contains(w.trim_end_matches('.'))
        {
            return false;
        }
        if before.and_then(Tok::punct) == Some('.')
            && toks
                .get(ci.wrapping_sub(2))
                .is_some_and(|t| t.is_word() && REFERENCE.contains(t.lower.as_str()))
        {
            return false;
        }
        // Names: "Formula 1", "Apollo 11": a capitalised word just before, mid-sentence.
        if let Some(b) = before
            && b.is_word()
            && b.cap
            && ci >= 2
            && toks
                .get(ci - 2)
                .is_some_and(|t| t.kind != TK::Punct || t.lower != ".")
            && !hedged
            && digits_only(chars, c)
            && !text.contains([',', '.', ' '])
            && !word_after.is_some_and(|w| PEOPLE.contains(w))
            && !MONTHS.contains(b.lower.as_str())
        {
            return false;
        }
        // Addresses: "221 Baker Street".
        if after.is_some_and(|t| t.is_word() && t.cap)
            && after2.is_some_and(|t| {
                matches!(
                    t.lower.as_str(),
                    "street"
                        | "st"
                        | "road"
                        | "rd"
                        | "avenue"
                        | "ave"
                        | "boulevard"
                        | "lane"
                        | "square"
                )
            })
        {
            return false;
        }
        if word_before.is_some_and(|w| {
            matches!(
                w,
                "rue"
                    | "avenue"
                    | "boulevard"
                    | "straße"
                    | "strasse"
                    | "calle"
                    | "via"
                    | "piazza"
                    | "улица"
                    | "ул"
                    | "дом"
                    | "д"
            )
        }) {
            return false;
        }
        // Phone numbers and codes written in groups: "555 123 4567".
        if after.is_some_and(|t| t.kind == TK::Num && t.start == c.end + 1) && digits_only(chars, c)
        {
            return false;
        }
    }
    if c.kind == Kind::Duration {
        // Points in time: "two months after", "the last three weeks", "il y a deux ans".
        if word_after.is_some_and(|w| TIME_FRAME_AFTER.contains(w)) {
            // "deux mois plus tard" but not "plus de" (handled as hedge before, not after).
            if word_after != Some("plus")
                || after2.is_some_and(|t| t.lower == "tard" || t.lower == "tôt")
            {
                return false;
            }
        }
        let mut k = ci;
        while k > 0
            && toks
                .get(k - 1)
                .is_some_and(|t| t.lower == "the" || t.lower == "les")
        {
            k -= 1;
        }
        // "expected to last three months": "last" as a verb.
        let verb_last = k >= 2
            && toks.get(k - 1).is_some_and(|t| t.lower == "last")
            && toks.get(k - 2).is_some_and(|t| {
                matches!(
                    t.lower.as_str(),
                    "to" | "will" | "would" | "could" | "may" | "might" | "can"
                )
            });
        if let Some(t) = k.checked_sub(1).and_then(|k| toks.get(k))
            && t.is_word()
            && TIME_FRAME_BEFORE.contains(t.lower.as_str())
            && !verb_last
        {
            return false;
        }
        if word_before == Some("y") && ci >= 2 && toks.get(ci - 2).is_some_and(|t| t.lower == "il")
        {
            return false;
        }
        if ci >= 2
            && toks.get(ci - 1).is_some_and(|t| t.lower == "a")
            && toks.get(ci - 2).is_some_and(|t| t.lower == "y")
        {
            return false;
        }
        // Durations glued to a capitalised word ("Trends 24h").
        if let Some(b) = before
            && b.is_word()
            && b.cap
            && !text.contains(' ')
            && text.starts_with(|ch: char| ch.is_ascii_digit())
        {
            return false;
        }
    }
    true
}
