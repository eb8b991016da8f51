//! Dates: parse the many ways pages write them, find them in URLs and text,
//! normalise to RFC 3339 (date-time when a time is given, else full-date).
//!
//! Rules:
//! - A date-time is returned only when the source gives both a time and its offset
//!   (`Z`, `+01:00`, `+0100`, `GMT`, `UTC`); a time without an offset keeps only the date,
//!   because RFC 3339 date-times need an offset and we never invent one.
//! - Years outside 1990–2100 are refused (not news dates).
//! - Numeric day/month orders are accepted only when unambiguous (`25/11/2023`,
//!   `11/25/2023`); dotted `10.11.2023` is read day-first (de, ru, …).
//! - Dates in URLs need a day: `/2023/11/` alone gives nothing.

use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use regex::Regex;

/// Month names and abbreviations in en, fr, de, es, it, pt, nl and ru (with Russian
/// genitive forms), lower case, without the trailing dot.
const MONTHS: &[(&str, u32)] = &[
    // English
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    // French
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("janv", 1),
    ("févr", 2),
    ("fevr", 2),
    ("avr", 4),
    ("juil", 7),
    ("déc", 12),
    // German
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("maerz", 3),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    ("mär", 3),
    ("okt", 10),
    ("dez", 12),
    // Spanish
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("ene", 1),
    ("abr", 4),
    ("ago", 8),
    ("dic", 12),
    // Italian
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
    ("gen", 1),
    ("mag", 5),
    ("giu", 6),
    ("lug", 7),
    ("set", 9),
    ("ott", 10),
    // Portuguese
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("marco", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
    ("fev", 2),
    ("out", 10),
    // Dutch
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("mei", 5),
    ("augustus", 8),
    ("mrt", 3),
    // Russian (nominative and genitive)
    ("январь", 1),
    ("января", 1),
    ("февраль", 2),
    ("февраля", 2),
    ("март", 3),
    ("марта", 3),
    ("апрель", 4),
    ("апреля", 4),
    ("май", 5),
    ("мая", 5),
    ("июнь", 6),
    ("июня", 6),
    ("июль", 7),
    ("июля", 7),
    ("август", 8),
    ("августа", 8),
    ("сентябрь", 9),
    ("сентября", 9),
    ("октябрь", 10),
    ("октября", 10),
    ("ноябрь", 11),
    ("ноября", 11),
    ("декабрь", 12),
    ("декабря", 12),
    ("янв", 1),
    ("фев", 2),
    ("февр", 2),
    ("мар", 3),
    ("апр", 4),
    ("июн", 6),
    ("июл", 7),
    ("авг", 8),
    ("сен", 9),
    ("сент", 9),
    ("окт", 10),
    ("ноя", 11),
    ("нояб", 11),
    ("дек", 12),
];

/// The month number of a month name or abbreviation in one of the known languages.
pub fn month_from_name(word: &str) -> Option<u32> {
    let w = word.trim().trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(n, _)| *n == w).map(|(_, m)| *m)
}

fn month_alternation() -> String {
    let mut names: Vec<&str> = MONTHS.iter().map(|(n, _)| *n).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    names.join("|")
}

/// ISO 8601 / RFC 3339-like: date, optional time, optional fraction and offset.
static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?:^|[^\d])
        (?P<y>(?:19|20)\d{2}) [-/.] (?P<m>\d{1,2}) [-/.] (?P<d>\d{1,2})
        (?:
            (?:[T\s]+|,\s*)
            (?P<H>\d{1,2}) : (?P<M>\d{2})
            (?: : (?P<S>\d{2}) (?P<f>[.,]\d{1,9})? )?
            \s*
            (?P<z>Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?
        )?
        (?:[^\d]|$)",
    )
    .unwrap_or_else(|e| unreachable!("static regex: {e}"))
});

/// Compact ISO: `20231110` or `20231110T170327Z`.
static ISO_COMPACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})(?:T(?P<H>\d{2})(?P<M>\d{2})(?P<S>\d{2})?(?P<z>Z|[+-]\d{4})?)?$",
    )
    .unwrap_or_else(|e| unreachable!("static regex: {e}"))
});

/// "10 November 2023", "10. November 2023", "10 de noviembre de 2023", "10 ноября 2023".
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:^|[^\p{{L}}\d])(?P<d>\d{{1,2}})(?:st|nd|rd|th|er|º|°)?\.?\s*(?:de\s+|of\s+)?(?P<mon>{})\.?,?\s+(?:de\s+|del\s+)?(?P<y>(?:19|20)\d{{2}})(?:[^\d]|$)",
        month_alternation()
    ))
    .unwrap_or_else(|e| unreachable!("static regex: {e}"))
});

/// "November 10, 2023", "Nov. 10th 2023".
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:^|[^\p{{L}}\d])(?P<mon>{})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{{2}})(?:[^\d]|$)",
        month_alternation()
    ))
    .unwrap_or_else(|e| unreachable!("static regex: {e}"))
});

/// "2024 Jun 30" (citation metadata), "2023年11月10日", "2023. 11. 10.".
static YEAR_MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:^|[^\d])(?P<y>(?:19|20)\d{{2}})(?:[ \t]+(?P<mon>{})\.?[ \t]+|年\s*(?P<m1>\d{{1,2}})\s*月\s*|\.\s(?P<m2>\d{{1,2}})\.\s)(?P<d>\d{{1,2}})(?:[^\d]|$)",
        month_alternation()
    ))
    .unwrap_or_else(|e| unreachable!("static regex: {e}"))
});

/// `10/11/2023`, `10.11.2023`, `10-11-2023` (day/month order decided later).
static NUMERIC_DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^\d./-])(?P<a>\d{1,2})(?P<s>[./-])(?P<b>\d{1,2})[./-](?P<y>(?:19|20)\d{2})(?:[^\d]|$)",
    )
    .unwrap_or_else(|e| unreachable!("static regex: {e}"))
});

/// A time written after a textual date ("5:03 PM GMT"), used only with an explicit zone.
static TIME_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^[\s,]*(?:at\s+|à\s+|um\s+|-\s*|—\s*|\|\s*)?(?P<H>\d{1,2})[:h](?P<M>\d{2})(?::(?P<S>\d{2}))?\s*(?P<ampm>[ap]\.?m\.?)?\s*(?P<z>Z|UTC|GMT|[+-]\d{2}:?\d{2})?",
    )
    .unwrap_or_else(|e| unreachable!("static regex: {e}"))
});

fn valid_ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    if !(1990..=2100).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Formats a zone as `Z` or `+HH:MM`; `None` when it is not an offset.
fn offset_str(z: &str) -> Option<String> {
    let z = z.trim();
    if z.eq_ignore_ascii_case("z") || z.eq_ignore_ascii_case("utc") || z.eq_ignore_ascii_case("gmt")
    {
        return Some("Z".into());
    }
    let (sign, rest) = z.split_at_checked(1)?;
    if sign != "+" && sign != "-" {
        return None;
    }
    let digits: String = rest.chars().filter(|c| *c != ':').collect();
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m) = match digits.len() {
        2 => (digits.as_str(), "00"),
        4 => digits.split_at(2),
        _ => return None,
    };
    let hh: u32 = h.parse().ok()?;
    let mm: u32 = m.parse().ok()?;
    if hh > 18 || mm > 59 {
        return None;
    }
    Some(format!("{sign}{h}:{m}"))
}

/// Builds the RFC 3339 string: a date-time when time and offset are both known.
fn format_date(
    date: NaiveDate,
    time: Option<(u32, u32, u32)>,
    frac: Option<&str>,
    zone: Option<&str>,
) -> String {
    let day = date.format("%Y-%m-%d").to_string();
    match (time, zone.and_then(offset_str)) {
        (Some((h, m, s)), Some(off)) if h < 24 && m < 60 && s < 61 => {
            let frac = frac.map(|f| format!(".{}", &f[1..])).unwrap_or_default();
            format!("{day}T{h:02}:{m:02}:{s:02}{frac}{off}")
        }
        _ => day,
    }
}

fn num<T: std::str::FromStr>(c: &regex::Captures<'_>, name: &str) -> Option<T> {
    c.name(name).and_then(|m| m.as_str().parse().ok())
}

fn iso_from_captures(c: &regex::Captures<'_>) -> Option<String> {
    let date = valid_ymd(num(c, "y")?, num(c, "m")?, num(c, "d")?)?;
    let time = match (num::<u32>(c, "H"), num::<u32>(c, "M")) {
        (Some(h), Some(m)) => Some((h, m, num::<u32>(c, "S").unwrap_or(0))),
        _ => None,
    };
    Some(format_date(
        date,
        time,
        c.name("f").map(|f| f.as_str()),
        c.name("z").map(|z| z.as_str()),
    ))
}

/// A textual date's optional time ("…, 2023 5:03 PM GMT"), returned as (h, m, s, zone)
/// only when a zone is given.
fn time_after(rest: &str) -> Option<((u32, u32, u32), String)> {
    let c = TIME_AFTER.captures(rest)?;
    let z = c.name("z")?.as_str().to_string();
    let mut h: u32 = num(&c, "H")?;
    let m: u32 = num(&c, "M")?;
    let s: u32 = num(&c, "S").unwrap_or(0);
    if let Some(ampm) = c.name("ampm") {
        let pm = ampm.as_str().to_ascii_lowercase().starts_with('p');
        if h == 0 || h > 12 {
            return None;
        }
        h = match (pm, h) {
            (false, 12) => 0,
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, h) => h,
        };
    }
    Some(((h, m, s), z))
}

/// A date written with a month name, found anywhere in `s`: (start, RFC 3339).
fn find_textual(s: &str) -> Option<(usize, String)> {
    let a = DAY_MONTH_YEAR.captures(s).and_then(|c| {
        let date = valid_ymd(
            num(&c, "y")?,
            month_from_name(c.name("mon")?.as_str())?,
            num(&c, "d")?,
        )?;
        Some((c.get(0)?.start(), c.name("y")?.end(), date))
    });
    let b = MONTH_DAY_YEAR.captures(s).and_then(|c| {
        let date = valid_ymd(
            num(&c, "y")?,
            month_from_name(c.name("mon")?.as_str())?,
            num(&c, "d")?,
        )?;
        Some((c.get(0)?.start(), c.name("y")?.end(), date))
    });
    let ymd = YEAR_MONTH_DAY.captures(s).and_then(|c| {
        let m = match c.name("mon") {
            Some(mon) => month_from_name(mon.as_str())?,
            None => num(&c, "m1").or_else(|| num(&c, "m2"))?,
        };
        let date = valid_ymd(num(&c, "y")?, m, num(&c, "d")?)?;
        Some((c.get(0)?.start(), c.name("d")?.end(), date))
    });
    let b = match (b, ymd) {
        (Some(b), Some(y)) => Some(if y.0 < b.0 { y } else { b }),
        (b, y) => b.or(y),
    };
    let (start, end, date) = match (a, b) {
        (Some(a), Some(b)) => {
            if a.0 <= b.0 {
                a
            } else {
                b
            }
        }
        (Some(a), None) => a,
        (None, Some(b)) => b,
        (None, None) => return None,
    };
    let rest = s.get(end..).unwrap_or("");
    let out = match time_after(rest) {
        Some((time, zone)) => format_date(date, Some(time), None, Some(&zone)),
        None => format_date(date, None, None, None),
    };
    Some((start, out))
}

/// A numeric `a/b/yyyy` date when the day/month order is clear.
fn numeric_from_captures(c: &regex::Captures<'_>) -> Option<NaiveDate> {
    let a: u32 = num(c, "a")?;
    let b: u32 = num(c, "b")?;
    let y: i32 = num(c, "y")?;
    let sep = c.name("s")?.as_str();
    if sep == "." {
        // Dotted dates are day-first wherever they are written.
        return valid_ymd(y, b, a);
    }
    match (a > 12, b > 12) {
        (true, false) => valid_ymd(y, b, a),
        (false, true) => valid_ymd(y, a, b),
        _ if a == b => valid_ymd(y, a, b),
        _ => None,
    }
}

fn epoch(s: &str) -> Option<String> {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i64 = s.parse().ok()?;
    let secs = match s.len() {
        10 => n,
        13 => n / 1000,
        _ => return None,
    };
    // 2000-01-01 .. 2100-01-01: anything else is not a publication time.
    if !(946_684_800..4_102_444_800).contains(&secs) {
        return None;
    }
    let dt: DateTime<Utc> = Utc.timestamp_opt(secs, 0).single()?;
    Some(dt.format("%Y-%m-%dT%H:%M:%SZ").to_string())
}

/// Parses one date string as pages write them in metadata (ISO 8601 / RFC 3339,
/// RFC 2822, "2023-11-10 17:03", "November 10, 2023", "10 novembre 2023", a Unix
/// timestamp of 10 or 13 digits, …) and returns it as RFC 3339. `None` when it is not a
/// date.
pub fn parse_date(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() || s.len() > 200 {
        return None;
    }
    // Fast paths for what metadata holds most: RFC 3339 and a bare full-date.
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        valid_ymd(
            chrono::Datelike::year(&dt),
            chrono::Datelike::month(&dt),
            chrono::Datelike::day(&dt),
        )?;
        return Some(dt.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true));
    }
    if s.len() == 10
        && let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d")
    {
        return valid_ymd(
            chrono::Datelike::year(&d),
            chrono::Datelike::month(&d),
            chrono::Datelike::day(&d),
        )
        .map(|d| d.format("%Y-%m-%d").to_string());
    }
    if let Some(e) = epoch(s) {
        return Some(e);
    }
    if let Some(c) = ISO_COMPACT.captures(s) {
        return iso_from_captures(&c);
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        let date = valid_ymd(
            chrono::Datelike::year(&dt),
            chrono::Datelike::month(&dt),
            chrono::Datelike::day(&dt),
        )?;
        let _ = date;
        return Some(dt.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true));
    }
    // Structured first (ISO at the start of the value), then any written-out date.
    if let Some(c) = ISO.captures(s)
        && c.get(0).is_some_and(|m| m.start() == 0)
    {
        return iso_from_captures(&c);
    }
    find_date_in_text(s)
}

/// The first date written in a piece of text: an ISO timestamp
/// (`2023-11-10T17:03:27.543Z`), a written-out date in one of the known languages
/// ("Published 10 November 2023", "le 10 novembre 2023", "10 ноября 2023"), or an
/// unambiguous numeric date (`25/11/2023`, `10.11.2023`). Returns RFC 3339.
pub fn find_date_in_text(text: &str) -> Option<String> {
    find_date_with_pos(text).map(|(_, d)| d)
}

/// Like [`find_date_in_text`], also giving the byte offset where the date starts.
pub fn find_date_with_pos(text: &str) -> Option<(usize, String)> {
    // Every pattern has a year in digits: text without digits is skipped cheaply.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut best: Option<(usize, String)> = None;
    let mut consider = |pos: usize, d: String| {
        if best.as_ref().is_none_or(|(p, _)| pos < *p) {
            best = Some((pos, d));
        }
    };
    if let Some(c) = ISO.captures(text)
        && let Some(d) = iso_from_captures(&c)
    {
        consider(c.get(0).map_or(0, |m| m.start()), d);
    }
    if let Some((pos, d)) = find_textual(text) {
        consider(pos, d);
    }
    for c in NUMERIC_DMY.captures_iter(text).take(3) {
        if let Some(d) = numeric_from_captures(&c) {
            consider(
                c.get(0).map_or(0, |m| m.start()),
                format_date(d, None, None, None),
            );
            break;
        }
    }
    best
}

/// Dates in URL paths: `/2023/11/10/`, `/2023-11-10-slug`, `_2023_11_10`.
static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[/_-])(?P<y>(?:19|20)\d{2})[/_-](?P<m>0?[1-9]|1[0-2])[/_-](?P<d>0?[1-9]|[12]\d|3[01])(?:[/_.-]|$)",
    )
    .unwrap_or_else(|e| unreachable!("static regex: {e}"))
});

/// Compact dates in URL paths: `/20231110/`, `-20231110-`.
static URL_DATE_COMPACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[/_-])(?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?:[/_.-]|$)")
        .unwrap_or_else(|e| unreachable!("static regex: {e}"))
});

/// A date written in a URL's path (`/2023/11/10/`, `/20231110/`, `-2023-11-10-`).
///
/// A year and month alone (`/2023/11/slug`) give nothing: the day would be invented.
pub fn date_from_url(url: &url::Url) -> Option<String> {
    let path = url.path();
    for re in [&*URL_DATE, &*URL_DATE_COMPACT] {
        for c in re.captures_iter(path) {
            if let Some(date) = valid_ymd(num(&c, "y")?, num(&c, "m")?, num(&c, "d")?) {
                return Some(format_date(date, None, None, None));
            }
        }
    }
    None
}

/// The `YYYY-MM-DD` part of an RFC 3339 string.
pub fn day_of(rfc3339: &str) -> &str {
    rfc3339.get(..10).unwrap_or(rfc3339)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_variants() {
        assert_eq!(
            parse_date("2023-11-10T17:03:27.543Z").as_deref(),
            Some("2023-11-10T17:03:27.543Z")
        );
        assert_eq!(
            parse_date("2023-11-10T17:03:27+0100").as_deref(),
            Some("2023-11-10T17:03:27+01:00")
        );
        assert_eq!(
            parse_date("2023-11-10T17:03+01:00").as_deref(),
            Some("2023-11-10T17:03:00+01:00")
        );
        assert_eq!(
            parse_date("2023-11-10 17:03:27 UTC").as_deref(),
            Some("2023-11-10T17:03:27Z")
        );
        assert_eq!(
            parse_date("2023-11-10 17:03:27").as_deref(),
            Some("2023-11-10")
        );
        assert_eq!(parse_date("2023-11-10").as_deref(), Some("2023-11-10"));
        assert_eq!(parse_date("2023/1/5").as_deref(), Some("2023-01-05"));
        assert_eq!(parse_date("20231110").as_deref(), Some("2023-11-10"));
        assert_eq!(parse_date("2023-13-10"), None);
        assert_eq!(parse_date("2023-02-30"), None);
    }

    #[test]
    fn rfc2822_and_epoch() {
        assert_eq!(
            parse_date("Fri, 10 Nov 2023 17:03:27 +0000").as_deref(),
            Some("2023-11-10T17:03:27Z")
        );
        assert_eq!(
            parse_date("1699635807").as_deref(),
            Some("2023-11-10T17:03:27Z")
        );
        assert_eq!(
            parse_date("1699635807000").as_deref(),
            Some("2023-11-10T17:03:27Z")
        );
        assert_eq!(parse_date("12345"), None);
        assert_eq!(parse_date("99999999999"), None);
    }

    #[test]
    fn written_dates_in_many_languages() {
        let cases = [
            ("November 10, 2023", "2023-11-10"),
            ("Nov. 10th, 2023", "2023-11-10"),
            ("10 Nov 2023", "2023-11-10"),
            ("Published 3 March 2024, 10:00", "2024-03-03"),
            ("le 10 novembre 2023 à 18h03", "2023-11-10"),
            ("1er décembre 2022", "2022-12-01"),
            ("10. November 2023", "2023-11-10"),
            ("3. März 2021", "2021-03-03"),
            ("10 de noviembre de 2023", "2023-11-10"),
            ("10 novembre 2023", "2023-11-10"),
            ("10 de março de 2023", "2023-03-10"),
            ("10 maart 2023", "2023-03-10"),
            ("10 ноября 2023 г.", "2023-11-10"),
            ("1 мая 2020", "2020-05-01"),
            ("Updated: 25/11/2023", "2023-11-25"),
            ("11/25/2023", "2023-11-25"),
            ("10.11.2023", "2023-11-10"),
            ("2024 Jun 30", "2024-06-30"),
            ("2023年11月10日", "2023-11-10"),
            ("2023. 11. 10.", "2023-11-10"),
        ];
        for (s, want) in cases {
            assert_eq!(parse_date(s).as_deref(), Some(want), "{s}");
        }
        assert_eq!(parse_date("10/11/2023"), None);
        assert_eq!(parse_date("no date here"), None);
        assert_eq!(parse_date("May the force be with you 2023"), None);
    }

    #[test]
    fn written_date_with_zone_keeps_time() {
        assert_eq!(
            parse_date("November 10, 2023 5:03 PM GMT").as_deref(),
            Some("2023-11-10T17:03:00Z")
        );
        assert_eq!(
            parse_date("November 10, 2023 5:03 PM ET").as_deref(),
            Some("2023-11-10")
        );
    }

    #[test]
    fn timestamp_on_its_own_line() {
        let text = "War in Ukraine: fighters may be granted amnesty\n\n2023-11-10T17:03:27.543Z\n\nHighlights: …";
        assert_eq!(
            find_date_in_text(text).as_deref(),
            Some("2023-11-10T17:03:27.543Z")
        );
        assert_eq!(find_date_in_text("nothing 2023 here"), None);
    }

    #[test]
    fn a_year_ending_a_headline_is_not_read_with_the_next_line() {
        assert_eq!(
            find_date_in_text("Cost Guide 2026\nDec 26, 2025").as_deref(),
            Some("2025-12-26")
        );
        assert_eq!(
            find_date_in_text("Franchises of 2024\nSeptember 1st, 2023").as_deref(),
            Some("2023-09-01")
        );
    }

    #[test]
    fn first_date_wins() {
        assert_eq!(
            find_date_in_text("Posted on 4 September 2025, updated 2025-09-10").as_deref(),
            Some("2025-09-04")
        );
    }

    #[test]
    fn url_dates() {
        let u = |s: &str| url::Url::parse(s).ok();
        let d = |s: &str| u(s).as_ref().and_then(date_from_url);
        assert_eq!(
            d("https://x.com/2023/11/10/slug/").as_deref(),
            Some("2023-11-10")
        );
        assert_eq!(
            d("https://x.com/news/2023-11-10-slug").as_deref(),
            Some("2023-11-10")
        );
        assert_eq!(
            d("https://x.com/a/20231110/b.html").as_deref(),
            Some("2023-11-10")
        );
        assert_eq!(d("https://x.com/2023/11/slug/"), None);
        assert_eq!(d("https://x.com/article/1234567890"), None);
        assert_eq!(d("https://x.com/2023/13/40/"), None);
    }

    #[test]
    fn months() {
        assert_eq!(month_from_name("Sept."), Some(9));
        assert_eq!(month_from_name("НОЯБРЯ"), Some(11));
        assert_eq!(month_from_name("foo"), None);
    }
}
