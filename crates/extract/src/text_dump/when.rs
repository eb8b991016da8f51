//! Dates written on a line of their own in a text dump.
//!
//! [`crate::dates::parse_date`] is asked first; the small fallback here covers what a
//! dump's date line usually looks like (ISO 8601, "12.03.2024, 10:05 Uhr", "10 March
//! 2024", "March 10, 2024", "12 de marzo de 2024", "10 марта 2024") so that text dumps
//! get their date whatever the shared parser accepts. A time is kept only when the
//! line gives its offset; otherwise the result is a full-date (never an invented zone).

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("constant pattern compiles")
}

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$",
    )
});

static DOTTED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s*[,-]?\s*(?:um|à|at|a las|в)?\s*\d{1,2}[:.h]\d{2}(?:\s*(?:uhr|h))?)?$",
    )
});

static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:\p{L}+\.?,?\s+)?(\d{1,2})(?:er|\.)?\s+(?:de\s+)?(\p{L}+)\.?\s+(?:de\s+)?(\d{4})(?:\s*(?:,|à|at|um|a las|в|г\.)?\s*(?:\d{1,2}[:.h]\d{2}(?:\s*(?:uhr|h))?)?)?$",
    )
});

static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:\p{L}+,?\s+)?(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:\s*(?:,|at)?\s*(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)?(?:\s*[A-Z]{2,4})?)?$",
    )
});

/// A date line as RFC 3339, or `None`.
pub(super) fn parse_text_date(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() || s.len() > 80 {
        return None;
    }
    crate::dates::parse_date(s).or_else(|| fallback(s))
}

fn num(c: &regex::Captures<'_>, i: usize) -> Option<u32> {
    c.get(i)?.as_str().parse().ok()
}

fn full_date(y: u32, m: u32, d: u32) -> Option<String> {
    let date = NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)?;
    Some(date.format("%Y-%m-%d").to_string())
}

fn fallback(s: &str) -> Option<String> {
    if let Some(c) = ISO.captures(s) {
        let date = full_date(num(&c, 1)?, num(&c, 2)?, num(&c, 3)?)?;
        if c.get(4).is_some() && c.get(8).is_some() {
            // A time with its offset: keep it as written when it is valid RFC 3339.
            let iso = s.replacen(' ', "T", 1);
            if chrono::DateTime::parse_from_rfc3339(&iso).is_ok() {
                return Some(iso);
            }
        }
        return Some(date);
    }
    if let Some(c) = DOTTED.captures(s) {
        return full_date(num(&c, 3)?, num(&c, 2)?, num(&c, 1)?);
    }
    if let Some(c) = DAY_MONTH.captures(s) {
        let month = month_number(c.get(2)?.as_str())?;
        return full_date(num(&c, 3)?, month, num(&c, 1)?);
    }
    if let Some(c) = MONTH_DAY.captures(s) {
        let month = month_number(c.get(1)?.as_str())?;
        return full_date(num(&c, 3)?, month, num(&c, 2)?);
    }
    None
}

/// The month named by an English, French, German, Spanish, Italian or Russian name
/// or abbreviation.
fn month_number(name: &str) -> Option<u32> {
    let n = name.to_lowercase();
    const MONTHS: [&[&str]; 12] = [
        &[
            "january",
            "jan",
            "janvier",
            "janv",
            "januar",
            "jänner",
            "enero",
            "ene",
            "gennaio",
            "января",
            "январь",
        ],
        &[
            "february",
            "feb",
            "février",
            "fevrier",
            "févr",
            "februar",
            "febrero",
            "febbraio",
            "февраля",
            "февраль",
        ],
        &["march", "mar", "mars", "märz", "marzo", "марта", "март"],
        &[
            "april",
            "apr",
            "avril",
            "avr",
            "abril",
            "abr",
            "aprile",
            "апреля",
            "апрель",
        ],
        &["may", "mai", "mayo", "maggio", "мая", "май"],
        &[
            "june", "jun", "juin", "juni", "junio", "giugno", "июня", "июнь",
        ],
        &[
            "july", "jul", "juillet", "juil", "juli", "julio", "luglio", "июля", "июль",
        ],
        &[
            "august",
            "aug",
            "août",
            "aout",
            "agosto",
            "ago",
            "августа",
            "август",
        ],
        &[
            "september",
            "sep",
            "sept",
            "septembre",
            "septiembre",
            "setiembre",
            "settembre",
            "сентября",
            "сентябрь",
        ],
        &[
            "october",
            "oct",
            "octobre",
            "oktober",
            "okt",
            "octubre",
            "ottobre",
            "октября",
            "октябрь",
        ],
        &[
            "november",
            "nov",
            "novembre",
            "noviembre",
            "ноября",
            "ноябрь",
        ],
        &[
            "december",
            "dec",
            "décembre",
            "decembre",
            "déc",
            "dezember",
            "dez",
            "diciembre",
            "dic",
            "dicembre",
            "декабря",
            "декабрь",
        ],
    ];
    MONTHS
        .iter()
        .position(|names| names.contains(&n.as_str()))
        .and_then(|i| u32::try_from(i + 1).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_lines() {
        assert_eq!(
            parse_text_date("2023-11-10T17:03:27.543Z").as_deref(),
            Some("2023-11-10T17:03:27.543Z")
        );
        assert_eq!(fallback("2024-03-10 14:05").as_deref(), Some("2024-03-10"));
        assert_eq!(
            fallback("2024-03-10 14:05:00+01:00").as_deref(),
            Some("2024-03-10T14:05:00+01:00")
        );
        assert_eq!(
            fallback("12.03.2024, 10:05 Uhr").as_deref(),
            Some("2024-03-12")
        );
        assert_eq!(fallback("10 March 2024").as_deref(), Some("2024-03-10"));
        assert_eq!(
            fallback("mardi 12 mars 2024 à 10h05").as_deref(),
            Some("2024-03-12")
        );
        assert_eq!(
            fallback("12 de marzo de 2024").as_deref(),
            Some("2024-03-12")
        );
        assert_eq!(
            fallback("March 10, 2024, 2:05 p.m.").as_deref(),
            Some("2024-03-10")
        );
        assert_eq!(fallback("10 марта 2024").as_deref(), Some("2024-03-10"));
        assert_eq!(fallback("31.02.2024"), None);
        assert_eq!(fallback("100,000 fighters recruited"), None);
        assert_eq!(fallback("10 fighters 2024"), None);
    }
}
