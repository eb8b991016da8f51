//! An article's identity and a version's content hash: pure functions of the article.
//!
//! Identity: the canonical URL when the page states one, else the page's URL, else the
//! `id` a JSON Lines record gives, else a hash of the normalised text. URLs are
//! normalised (lowercase scheme and host, no fragment, no `utm_*` or click-id parameters,
//! no default port) so that the same page reached by a tracking link is the same article.

use sha2::{Digest, Sha256};

/// Query parameters that only track the reader, never select the page.
const TRACKING: &[&str] = &[
    "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid",
];

/// The normalised form of a URL; `None` when it is not an absolute http(s) URL.
pub fn normalise_url(raw: &str) -> Option<String> {
    let mut u = url::Url::parse(raw.trim()).ok()?;
    if !matches!(u.scheme(), "http" | "https") || u.host_str().is_none() {
        return None;
    }
    u.set_fragment(None);
    if u.query().is_some() {
        let kept: Vec<(String, String)> = u
            .query_pairs()
            .filter(|(k, _)| {
                let k = k.to_ascii_lowercase();
                !k.starts_with("utm_") && !TRACKING.contains(&k.as_str())
            })
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        if kept.is_empty() {
            u.set_query(None);
        } else {
            u.query_pairs_mut().clear().extend_pairs(kept);
        }
    }
    Some(u.to_string())
}

/// Whitespace collapsed to single spaces, trimmed, lowercased: what "the same text" means
/// for an article without an address.
pub fn normalise_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// The hex SHA-256 of the parts, each followed by a NUL byte, truncated to 128 bits.
pub fn hash(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0u8]);
    }
    h.finalize()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The identity key of an article: `url:…` (canonical or page URL, normalised), `id:…`
/// (a record's own id) or `text:…` (hash of the normalised text).
pub fn identity(
    canonical_url: Option<&str>,
    url: Option<&str>,
    id: Option<&str>,
    text: &str,
) -> String {
    if let Some(u) = [canonical_url, url]
        .into_iter()
        .flatten()
        .find_map(normalise_url)
    {
        return format!("url:{u}");
    }
    if let Some(id) = id.map(str::trim).filter(|s| !s.is_empty()) {
        return format!("id:{id}");
    }
    format!("text:{}", hash(&[&normalise_text(text)]))
}

/// The content hash of a version: what a reader sees (title, teaser, text, publication
/// date), whitespace-normalised. Two ingests of the same page hash the same even when the
/// analysis or the input path differ.
pub fn content_hash(
    title: Option<&str>,
    teaser: Option<&str>,
    published: Option<&str>,
    text: &str,
) -> String {
    let norm = |s: Option<&str>| s.map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "));
    hash(&[
        &norm(title).unwrap_or_default(),
        &norm(teaser).unwrap_or_default(),
        published.unwrap_or_default(),
        &norm(Some(text)).unwrap_or_default(),
    ])
}

/// The `YYYY-MM-DD` day of an RFC 3339 date or date-time, when it is one.
pub fn day_of(date: &str) -> Option<String> {
    let d = date.trim().get(..10)?;
    chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()?;
    Some(d.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_lose_case_fragments_and_tracking() {
        assert_eq!(
            normalise_url("HTTPS://Example.ORG:443/a/B?utm_source=x&id=3&UTM_medium=y#top")
                .as_deref(),
            Some("https://example.org/a/B?id=3")
        );
        assert_eq!(
            normalise_url("http://example.org/x?utm_campaign=z&fbclid=1").as_deref(),
            Some("http://example.org/x")
        );
        assert_eq!(normalise_url("not a url"), None);
        assert_eq!(normalise_url("ftp://example.org/file"), None);
        assert_eq!(normalise_url("mailto:a@b.c"), None);
    }

    #[test]
    fn identity_prefers_canonical_then_url_then_id_then_text() {
        let t = "Some  text";
        assert_eq!(
            identity(
                Some("https://a.org/x#f"),
                Some("https://b.org/y"),
                Some("7"),
                t
            ),
            "url:https://a.org/x"
        );
        assert_eq!(
            identity(Some("garbage"), Some("https://b.org/y"), None, t),
            "url:https://b.org/y"
        );
        assert_eq!(identity(None, None, Some(" 7 "), t), "id:7");
        let a = identity(None, None, None, "Some text\n");
        assert!(a.starts_with("text:"));
        assert_eq!(a, identity(None, None, None, "  some   TEXT"));
        assert_ne!(a, identity(None, None, None, "other text"));
    }

    #[test]
    fn content_hash_ignores_whitespace_but_not_words() {
        let a = content_hash(Some("T"), None, Some("2024-03-10"), "a  b\n\nc");
        assert_eq!(
            a,
            content_hash(Some(" T "), None, Some("2024-03-10"), "a b c")
        );
        assert_ne!(
            a,
            content_hash(Some("T"), None, Some("2024-03-10"), "a b d")
        );
        assert_ne!(
            a,
            content_hash(Some("T"), Some("teaser"), Some("2024-03-10"), "a b c")
        );
        assert_eq!(a.len(), 32);
    }

    #[test]
    fn days_are_read_from_dates_only() {
        assert_eq!(
            day_of("2024-03-10T09:15:00+01:00").as_deref(),
            Some("2024-03-10")
        );
        assert_eq!(day_of("2024-03-10").as_deref(), Some("2024-03-10"));
        assert_eq!(day_of("2024-13-10"), None);
        assert_eq!(day_of("2024"), None);
        assert_eq!(day_of("2024-03-1é…"), None);
    }
}
