//! Number expressions in text: cardinals, ordinals, percentages, money, durations, ages,
//! dimensions, temperatures and ranges, in several languages.
//!
//! * [`recognize`] finds every expression, in order, without overlaps;
//! * [`recognize_numbers`] only the bare numbers (cardinals, fractions, ordinals) that the
//!   other kinds are built on, also inside money or durations ("$20" → 20);
//! * [`recognize_number_ranges`] ranges with comparatives ("more than 20", "at most 100")
//!   and the inclusivity of their bounds;
//! * [`recognize_with_unit_mentions`] adds units named without a number ("fahrenheit").
//!
//! Languages: English first-class; French, German, Spanish, Italian, Portuguese, Dutch and
//! Russian number words, separators, currencies and units. Work is linear in the text
//! (chunks of 64 KiB cut at whitespace), digit runs over 400 digits are not read as numbers.
//!
//! Files: `scan` (chunks, tokens), `lexicon` (number words per language), `numbers`
//! (spelled-out numbers, fractions, ordinals), `digits` (numerals written with digits),
//! `units` (unit tables and attaching units), `money`, `durations`, `ranges` (closed
//! ranges, vague magnitudes), `compare` (comparatives).

mod compare;
mod digits;
mod durations;
mod lexicon;
mod money;
mod numbers;
mod ranges;
mod scan;
mod units;

use serde::{Deserialize, Serialize};

pub use compare::NumberRange;

/// What a [`Quantity`] measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A cardinal number or fraction ("100,000", "five million", "two thirds").
    Number,
    /// An ordinal ("17th", "second").
    Ordinal,
    /// A percentage ("12%", "12 percent"); `value` is the percent figure (12, not 0.12).
    Percentage,
    /// An amount of money; `unit` is an ISO 4217 code (bare "$" and "dollars" are read as
    /// `USD`, "£" and "pounds" as `GBP`), or an upper-case name for minor units and old or
    /// ambiguous currencies (`CENT`, `PENCE`, `FRANC`, `PESETA`…).
    Money,
    /// A span of time; `unit` is the unit as said (`day`, `week`…), `seconds` its length.
    Duration,
    /// A person's or thing's age ("45-year-old"); `unit` is `year`, `month`, `week` or `day`.
    Age,
    /// A length, weight, area, volume, speed… ("5 km"); `unit` is its symbol (`km`, `kg`).
    Dimension,
    /// A temperature ("20 °C"); `unit` is `°C`, `°F` or `K`.
    Temperature,
    /// A range ("between 50 and 60", "hundreds"); `min`/`max` hold the bounds.
    Range,
}

/// One number expression found in a text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The words as written.
    pub text: String,
    /// Code-point offset of the first character in the text.
    pub start: usize,
    /// Code-point offset just after the last character (half-open).
    pub end: usize,
    /// What the expression measures.
    pub kind: Kind,
    /// The value, in `unit`; `None` for ranges.
    pub value: Option<f64>,
    /// Lower bound for ranges and vague magnitudes.
    pub min: Option<f64>,
    /// Upper bound for ranges and vague magnitudes.
    pub max: Option<f64>,
    /// The unit: ISO 4217 for money, a symbol for dimensions, the said unit for durations.
    pub unit: Option<String>,
    /// Length in seconds, for durations.
    pub seconds: Option<f64>,
    /// True for vague magnitudes and hedged figures ("hundreds", "about 50").
    pub approximate: bool,
}

/// The language tables used for `lang` (an ISO 639-1 code; unknown codes fall back to English).
fn lexicon_for(lang: &str) -> &'static lexicon::Lexicon {
    lexicon::get(lang)
}

/// The pipeline shared by the recognisers: per chunk of `text`, tokens, numbers, units
/// attached to them and ranges; `each` gets the chunk, its code-point offset, its tokens,
/// what was found and the language's tables.
fn for_each_found(
    text: &str,
    lang: &str,
    mut each: impl FnMut(&[char], usize, &[scan::Tok], Vec<units::Found>, &lexicon::Lexicon),
) {
    let lex = lexicon_for(lang);
    scan::for_each_chunk(text, |chunk, base| {
        let toks = scan::tokenize(chunk);
        let nums = numbers::find(chunk, &toks, lex);
        let mut found = units::attach(chunk, &toks, &nums, lex);
        ranges::apply(chunk, &toks, &nums, &mut found, lex);
        each(chunk, base, &toks, found, lex);
    });
}

/// Every number expression in `text`, in order of position, without overlaps.
///
/// `lang` is an ISO 639-1 code (`en`, `fr`, `de`, `es`, `it`, `ru`, `pt`, `nl`); other
/// codes are read as English.
pub fn recognize(text: &str, lang: &str) -> Vec<Quantity> {
    let mut out = Vec::new();
    for_each_found(text, lang, |chunk, base, _, found, _| {
        out.extend(found.into_iter().map(|f| f.into_quantity(chunk, base)));
    });
    out
}

/// Like [`recognize`], plus units named without a number ("convert 10 celsius to
/// fahrenheit": "fahrenheit"), with no value — as Recognizers-Text's unit models report them.
pub fn recognize_with_unit_mentions(text: &str, lang: &str) -> Vec<Quantity> {
    let mut out = Vec::new();
    for_each_found(text, lang, |chunk, base, toks, mut found, _| {
        let mentions = units::unit_mentions(chunk, toks, &found);
        found.extend(mentions);
        found.sort_by_key(|f| f.start);
        for f in found {
            out.push(f.into_quantity(chunk, base));
        }
    });
    out
}

/// Number ranges in `text`: closed ones ("between 50 and 60", "50-60") and those written
/// with comparatives ("more than 20", "at most 100", "5 or more", "larger than 10 and
/// smaller than 20"), with the inclusivity of each bound — like Recognizers-Text's number
/// range model. A claim's hedge ("as many as 75,000") reads as an upper bound here.
pub fn recognize_number_ranges(text: &str, lang: &str) -> Vec<NumberRange> {
    let mut out = Vec::new();
    for_each_found(text, lang, |chunk, base, toks, found, lex| {
        for (f, min_inclusive, max_inclusive) in compare::ranges(chunk, toks, &found, lex) {
            out.push(NumberRange {
                quantity: f.into_quantity(chunk, base),
                min_inclusive,
                max_inclusive,
            });
        }
    });
    out
}

/// Only the bare numbers in `text` (cardinals, fractions and ordinals), including those
/// inside money, durations and other measures — like Recognizers-Text's number model.
pub fn recognize_numbers(text: &str, lang: &str) -> Vec<Quantity> {
    let lex = lexicon_for(lang);
    let mut out = Vec::new();
    scan::for_each_chunk(text, |chunk, base| {
        let toks = scan::tokenize(chunk);
        for n in numbers::find(chunk, &toks, lex) {
            if n.glued {
                continue;
            }
            out.push(n.to_found().into_quantity(chunk, base));
        }
    });
    out
}

/// Formats a value the way Recognizers-Text resolutions do: at most 15 significant
/// digits, no trailing zeros, exponent notation (`1E-12`, `1.232E+15`) for very small or
/// very large magnitudes.
pub fn format_value(v: f64) -> String {
    if !v.is_finite() {
        return if v.is_nan() {
            "NaN".into()
        } else if v > 0.0 {
            "Infinity".into()
        } else {
            "-Infinity".into()
        };
    }
    if v == 0.0 {
        return "0".into();
    }
    let sci = format!("{:.14e}", v);
    let (mant, exp) = match sci.split_once('e') {
        Some(p) => p,
        None => return sci,
    };
    let exp: i32 = exp.parse().unwrap_or(0);
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    let sign = if neg { "-" } else { "" };
    if !(-5..15).contains(&exp) {
        let (first, rest) = digits.split_at(1);
        let frac = if rest.is_empty() {
            String::new()
        } else {
            format!(".{rest}")
        };
        let esign = if exp < 0 { '-' } else { '+' };
        return format!("{sign}{first}{frac}E{esign}{:02}", exp.abs());
    }
    let n = digits.len() as i32;
    if exp >= 0 {
        if n <= exp + 1 {
            let zeros = "0".repeat((exp + 1 - n) as usize);
            format!("{sign}{digits}{zeros}")
        } else {
            let (a, b) = digits.split_at((exp + 1) as usize);
            format!("{sign}{a}.{b}")
        }
    } else {
        let zeros = "0".repeat((-exp - 1) as usize);
        format!("{sign}0.{zeros}{digits}")
    }
}

#[cfg(test)]
mod tests;
