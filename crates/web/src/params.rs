//! Request parameters: ids, dates, query strings, each checked (400 on bad input).

use std::collections::HashMap;

use crate::Error;

/// Longest query string accepted.
const MAX_QUERY: usize = 2048;
/// Longest search text accepted (characters).
pub const MAX_Q: usize = 256;
/// Longest outlet or entity name accepted (characters).
pub const MAX_NAME: usize = 200;

/// A story id.
pub fn story_id(s: &str) -> Result<u32, Error> {
    s.parse::<u32>()
        .map_err(|_| Error::BadRequest(format!("{s:?} is not a story id (a number)")))
}

/// An article id.
pub fn article_id(s: &str) -> Result<i64, Error> {
    s.parse::<i64>()
        .ok()
        .filter(|&n| n > 0)
        .ok_or_else(|| Error::BadRequest(format!("{s:?} is not an article id (a number)")))
}

/// A day, `YYYY-MM-DD`.
pub fn day(s: &str) -> Result<chrono::NaiveDate, Error> {
    if s.len() != 10 {
        return Err(Error::BadRequest(format!(
            "{s:?} is not a date (YYYY-MM-DD)"
        )));
    }
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| Error::BadRequest(format!("{s:?} is not a date (YYYY-MM-DD)")))
}

/// An outlet or entity name from a path.
pub fn name(s: &str) -> Result<String, Error> {
    let t = s.trim();
    if t.is_empty() {
        return Err(Error::BadRequest("empty name".into()));
    }
    if t.chars().count() > MAX_NAME || t.chars().any(char::is_control) {
        return Err(Error::BadRequest(format!(
            "not a name (at most {MAX_NAME} characters, no control characters)"
        )));
    }
    Ok(t.to_string())
}

/// The parsed query string.
#[derive(Debug, Default)]
pub struct Query(HashMap<String, String>);

impl Query {
    pub fn parse(raw: Option<&str>) -> Result<Query, Error> {
        let raw = raw.unwrap_or("");
        if raw.len() > MAX_QUERY {
            return Err(Error::BadRequest(format!(
                "the query string is too long (at most {MAX_QUERY} bytes)"
            )));
        }
        let mut map = HashMap::new();
        for (k, v) in url::form_urlencoded::parse(raw.as_bytes()) {
            map.insert(k.into_owned(), v.into_owned());
        }
        Ok(Query(map))
    }

    /// A parameter, trimmed; None when absent or empty.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(|s| s.trim()).filter(|s| !s.is_empty())
    }

    /// The search text (`q`), at most [`MAX_Q`] characters.
    pub fn text(&self, key: &str) -> Result<Option<String>, Error> {
        match self.get(key) {
            None => Ok(None),
            Some(q) if q.chars().count() > MAX_Q || q.chars().any(char::is_control) => Err(
                Error::BadRequest(format!("{key}: too long (at most {MAX_Q} characters)")),
            ),
            Some(q) => Ok(Some(q.to_string())),
        }
    }

    /// A language code (`lang`): 2 or 3 ASCII letters, lower-cased.
    pub fn lang(&self) -> Result<Option<String>, Error> {
        match self.get("lang") {
            None => Ok(None),
            Some(l) if (2..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_alphabetic()) => {
                Ok(Some(l.to_ascii_lowercase()))
            }
            Some(l) => Err(Error::BadRequest(format!(
                "lang: {l:?} is not a language code (ISO 639-1)"
            ))),
        }
    }

    /// An outlet name (`outlet`).
    pub fn outlet(&self) -> Result<Option<String>, Error> {
        self.get("outlet").map(name).transpose()
    }

    /// A day (`since`).
    pub fn since(&self) -> Result<Option<chrono::NaiveDate>, Error> {
        self.get("since").map(day).transpose()
    }

    /// A count between 0 and `max`, `default` when absent.
    pub fn number(&self, key: &str, default: usize, max: usize) -> Result<usize, Error> {
        match self.get(key) {
            None => Ok(default),
            Some(s) => s
                .parse::<usize>()
                .ok()
                .filter(|&n| n <= max)
                .ok_or_else(|| {
                    Error::BadRequest(format!("{key}: {s:?} is not a number from 0 to {max}"))
                }),
        }
    }
}

/// Seconds since 1970 at the start of `d` (UTC).
pub fn day_start(d: chrono::NaiveDate) -> i64 {
    d.and_hms_opt(0, 0, 0)
        .map(|t| t.and_utc().timestamp())
        .unwrap_or_default()
}

/// Seconds since 1970 now.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}

/// The `YYYY-MM-DD` of an RFC 3339 date or date-time.
pub fn date_of(s: &str) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

/// A URL that may be linked to: http or https only.
pub fn safe_url(u: &str) -> Option<String> {
    let parsed = url::Url::parse(u.trim()).ok()?;
    matches!(parsed.scheme(), "http" | "https").then(|| parsed.to_string())
}

/// A path segment, percent-encoded.
pub fn seg(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes())
        .collect::<String>()
        .replace('+', "%20")
}

/// A query string value, percent-encoded.
pub fn qv(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// The site's address as the client named it (`Host`), for absolute links in feeds and
/// JSON-LD; `http://localhost` when the header is absent or odd.
pub fn base(headers: &axum::http::HeaderMap) -> String {
    let host = headers
        .get(axum::http::header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            !h.is_empty()
                && h.len() <= 255
                && h.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b))
        })
        .unwrap_or("localhost");
    format!("http://{host}")
}
