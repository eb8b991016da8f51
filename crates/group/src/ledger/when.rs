//! A claim's own time reference (`Claim::as_of`) resolved against its article's date.
//!
//! The claims stage writes absolute references as `YYYY`, `YYYY-MM` or `YYYY-MM-DD` and
//! relative ones as `day-N` (N days before: "la veille", "yesterday"), `weekday:N` (the
//! last Monday..Sunday = 1..7 on or before the article's day: "on Thursday", "mardi"),
//! `monthday:N` (day N of the article's month, or of the month before when N is later
//! than the article's day: "13日"), `month:N` (the last month N: "in August") and
//! `year-N` ("last year").

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn parse_day(s: &str) -> Option<(i64, i64, i64)> {
    let y = s.get(..4)?.parse().ok()?;
    if s.get(4..5)? != "-" || s.get(7..8)? != "-" {
        return None;
    }
    let m: i64 = s.get(5..7)?.parse().ok()?;
    let d: i64 = s.get(8..10)?.parse().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

fn is_absolute(s: &str) -> bool {
    let ok = |p: &str| p.chars().all(|c| c.is_ascii_digit());
    match s.len() {
        4 => ok(s),
        7 => ok(&s[..4]) && &s[4..5] == "-" && ok(&s[5..]),
        10 => parse_day(s).is_some(),
        _ => false,
    }
}

fn fmt(y: i64, m: i64, d: i64) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// The date a reference names, given the article's date; None when it cannot be told.
pub(super) fn resolve(reference: Option<&str>, published: Option<&str>) -> Option<String> {
    let r = reference?.trim();
    if is_absolute(r) {
        return Some(r.to_string());
    }
    let (y, m, d) = parse_day(published?)?;
    let today = days_from_civil(y, m, d);
    let num = |prefix: &str| r.strip_prefix(prefix).and_then(|n| n.parse::<i64>().ok());
    if let Some(n) = num("day-").filter(|n| (0..=31).contains(n)) {
        let (y, m, d) = civil_from_days(today - n);
        return Some(fmt(y, m, d));
    }
    if let Some(w) = num("weekday:").filter(|w| (1..=7).contains(w)) {
        // 1970-01-01 was a Thursday (4).
        let wd = (today + 3).rem_euclid(7) + 1;
        let back = (wd - w).rem_euclid(7);
        let (y, m, d) = civil_from_days(today - back);
        return Some(fmt(y, m, d));
    }
    if let Some(n) = num("monthday:").filter(|n| (1..=31).contains(n)) {
        let (y2, m2) = if n <= d {
            (y, m)
        } else if m == 1 {
            (y - 1, 12)
        } else {
            (y, m - 1)
        };
        return Some(fmt(y2, m2, n));
    }
    if let Some(n) = num("month:").filter(|n| (1..=12).contains(n)) {
        let y2 = if n <= m { y } else { y - 1 };
        return Some(format!("{y2:04}-{n:02}"));
    }
    if let Some(n) = num("year-").filter(|n| (0..=50).contains(n)) {
        return Some(format!("{:04}", y - n));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::resolve;

    #[test]
    fn references_resolve_against_the_article_date() {
        let p = Some("2024-03-12T10:05:00+01:00");
        assert_eq!(resolve(Some("day-1"), p).as_deref(), Some("2024-03-11"));
        // 2024-03-12 was a Tuesday: Thursday is the 7th, Tuesday the day itself.
        assert_eq!(resolve(Some("weekday:4"), p).as_deref(), Some("2024-03-07"));
        assert_eq!(resolve(Some("weekday:2"), p).as_deref(), Some("2024-03-12"));
        assert_eq!(
            resolve(Some("monthday:10"), p).as_deref(),
            Some("2024-03-10")
        );
        assert_eq!(
            resolve(Some("monthday:28"), p).as_deref(),
            Some("2024-02-28")
        );
        assert_eq!(resolve(Some("month:8"), p).as_deref(), Some("2023-08"));
        assert_eq!(resolve(Some("year-1"), p).as_deref(), Some("2023"));
        assert_eq!(resolve(Some("2022-10"), None).as_deref(), Some("2022-10"));
        assert_eq!(
            resolve(Some("day-1"), Some("2024-03-01")).as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(resolve(Some("day-1"), None), None);
        assert_eq!(resolve(Some("nonsense"), p), None);
        assert_eq!(resolve(None, p), None);
    }
}
