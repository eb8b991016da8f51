//! Feeds, told from pages by their content: RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and JSON Feed
//! 1.0/1.1 (feed-rs), and sitemaps (`urlset`, with the Google News extension, and
//! `sitemapindex`). Item links are resolved against the feed's URL; items are
//! de-duplicated by GUID and by link. Pure: bytes in, items out.

use std::collections::HashSet;
use std::io::Read;

use chrono::{DateTime, Utc};
use url::Url;

/// What a body is, judged from its first bytes (never from its Content-Type, which is
/// often wrong).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Rss,
    Atom,
    JsonFeed,
    /// `<urlset>`: a sitemap (Google News sitemaps too).
    Sitemap,
    /// `<sitemapindex>`: a list of sitemaps.
    SitemapIndex,
    Opml,
    /// Anything else: a page to extract.
    Page,
}

impl Kind {
    /// A feed of items (anything but a page or an OPML list).
    pub fn is_feed(self) -> bool {
        !matches!(self, Kind::Page | Kind::Opml)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Rss => "rss",
            Kind::Atom => "atom",
            Kind::JsonFeed => "jsonfeed",
            Kind::Sitemap => "sitemap",
            Kind::SitemapIndex => "sitemapindex",
            Kind::Opml => "opml",
            Kind::Page => "page",
        }
    }
}

/// One item of a feed.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// What identifies the item across polls: its GUID/id, else its link.
    pub key: String,
    /// The item's page, absolute.
    pub url: Option<String>,
    pub title: Option<String>,
    pub published: Option<DateTime<Utc>>,
}

/// A parsed feed.
#[derive(Debug, Clone, PartialEq)]
pub struct Feed {
    pub kind: Kind,
    pub title: Option<String>,
    /// Items in feed order, without duplicates.
    pub items: Vec<Item>,
    /// A sitemap index's sitemaps (absolute URLs).
    pub sitemaps: Vec<String>,
    /// The WebSub hub the feed advertises (`<link rel="hub">`).
    pub hub: Option<String>,
}

/// Why a body could not be read as a feed.
#[derive(Debug, thiserror::Error)]
pub enum FeedError {
    #[error("not a feed (it reads as {0})")]
    NotAFeed(&'static str),
    #[error("invalid {kind} feed: {reason}")]
    Invalid { kind: &'static str, reason: String },
}

/// Sitemaps may be gzip files; the inflated size is bounded by this.
const MAX_INFLATED: u64 = 64 << 20;

/// Gunzips a gzip body (bounded); other bodies are returned as they are.
fn ungzip(bytes: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        let mut dec = flate2::read::MultiGzDecoder::new(bytes).take(MAX_INFLATED);
        if dec.read_to_end(&mut out).is_ok() {
            return out.into();
        }
    }
    bytes.into()
}

/// Tells a feed from a page by its first element (or a JSON Feed's `version`).
pub fn sniff(bytes: &[u8]) -> Kind {
    let bytes = ungzip(bytes);
    let head = &bytes[..bytes.len().min(4096)];
    let text = String::from_utf8_lossy(head);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    if text.starts_with('{') {
        return if text.contains("jsonfeed.org/version") {
            Kind::JsonFeed
        } else {
            Kind::Page
        };
    }
    let mut rest = text;
    // Skip the XML declaration, processing instructions, comments and the doctype.
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("<?") {
            match r.find("?>") {
                Some(i) => rest = &r[i + 2..],
                None => return Kind::Page,
            }
        } else if let Some(r) = rest.strip_prefix("<!--") {
            match r.find("-->") {
                Some(i) => rest = &r[i + 3..],
                None => return Kind::Page,
            }
        } else if let Some(r) = rest.strip_prefix("<!") {
            match r.find('>') {
                Some(i) => rest = &r[i + 1..],
                None => return Kind::Page,
            }
        } else {
            break;
        }
    }
    let Some(r) = rest.strip_prefix('<') else {
        return Kind::Page;
    };
    let name: String = r
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '>' && *c != '/')
        .collect::<String>()
        .to_ascii_lowercase();
    let local = name.rsplit(':').next().unwrap_or(&name);
    match local {
        "rss" | "rdf" => Kind::Rss,
        "feed" => Kind::Atom,
        "urlset" => Kind::Sitemap,
        "sitemapindex" => Kind::SitemapIndex,
        "opml" => Kind::Opml,
        _ => Kind::Page,
    }
}

/// Parses a feed fetched from `base` (its final URL: relative links resolve against it).
pub fn parse(bytes: &[u8], base: &str) -> Result<Feed, FeedError> {
    let bytes = ungzip(bytes);
    let base_url = Url::parse(base).ok();
    let kind = sniff(&bytes);
    let mut feed = match kind {
        Kind::Page | Kind::Opml => return Err(FeedError::NotAFeed(kind.as_str())),
        Kind::Sitemap | Kind::SitemapIndex => parse_sitemap(&bytes, kind, base_url.as_ref())?,
        _ => parse_syndication(&bytes, kind, base_url.as_ref())?,
    };
    dedup(&mut feed.items);
    Ok(feed)
}

/// Resolves a link against the base; `None` for what is not an http(s) URL.
fn absolute(href: &str, base: Option<&Url>) -> Option<String> {
    let href = href.trim();
    if href.is_empty() {
        return None;
    }
    let url = match base {
        Some(b) => b.join(href).ok()?,
        None => Url::parse(href).ok()?,
    };
    matches!(url.scheme(), "http" | "https").then(|| url.to_string())
}

fn parse_syndication(bytes: &[u8], kind: Kind, base: Option<&Url>) -> Result<Feed, FeedError> {
    let parser = feed_rs::parser::Builder::new()
        .base_uri(base.map(Url::as_str))
        .build();
    let parsed = parser.parse(bytes).map_err(|e| FeedError::Invalid {
        kind: kind.as_str(),
        reason: e.to_string(),
    })?;
    let hub = parsed
        .links
        .iter()
        .find(|l| l.rel.as_deref() == Some("hub"))
        .and_then(|l| absolute(&l.href, base));
    let items = parsed
        .entries
        .iter()
        .map(|e| {
            // The alternate link (or the first without a rel) is the item's page.
            let link = e
                .links
                .iter()
                .find(|l| l.rel.is_none() || l.rel.as_deref() == Some("alternate"))
                .or_else(|| e.links.first());
            let url = link.and_then(|l| absolute(&l.href, base));
            let key = if e.id.trim().is_empty() {
                url.clone().unwrap_or_default()
            } else {
                e.id.trim().to_string()
            };
            Item {
                key,
                url,
                title: e.title.as_ref().map(|t| t.content.trim().to_string()),
                published: e.published.or(e.updated),
            }
        })
        .collect();
    Ok(Feed {
        kind,
        title: parsed.title.map(|t| t.content.trim().to_string()),
        items,
        sitemaps: Vec::new(),
        hub,
    })
}

fn parse_sitemap(bytes: &[u8], kind: Kind, base: Option<&Url>) -> Result<Feed, FeedError> {
    let invalid = |reason: String| FeedError::Invalid {
        kind: kind.as_str(),
        reason,
    };
    let text = String::from_utf8_lossy(bytes);
    let doc = roxmltree::Document::parse_with_options(
        &text,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .map_err(|e| invalid(e.to_string()))?;
    let child_text = |n: roxmltree::Node<'_, '_>, name: &str| -> Option<String> {
        n.descendants()
            .find(|c| c.is_element() && c.tag_name().name() == name)
            .and_then(|c| c.text())
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty())
    };
    let mut feed = Feed {
        kind,
        title: None,
        items: Vec::new(),
        sitemaps: Vec::new(),
        hub: None,
    };
    let wanted = if kind == Kind::Sitemap {
        "url"
    } else {
        "sitemap"
    };
    for node in doc
        .root_element()
        .children()
        .filter(|n| n.is_element() && n.tag_name().name() == wanted)
    {
        let Some(loc) = child_text(node, "loc").and_then(|l| absolute(&l, base)) else {
            continue;
        };
        if kind == Kind::SitemapIndex {
            feed.sitemaps.push(loc);
            continue;
        }
        // Google News: <news:news><news:publication_date>, <news:title>.
        let date = child_text(node, "publication_date").or_else(|| child_text(node, "lastmod"));
        feed.items.push(Item {
            key: loc.clone(),
            url: Some(loc),
            title: child_text(node, "title"),
            published: date.as_deref().and_then(parse_date),
        });
    }
    Ok(feed)
}

/// A W3C datetime (`2024-03-01`, `2024-03-01T10:00:00+01:00`).
fn parse_date(s: &str) -> Option<DateTime<Utc>> {
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.with_timezone(&Utc));
    }
    let day = chrono::NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()?;
    Some(day.and_hms_opt(0, 0, 0)?.and_utc())
}

/// Drops items whose key or link was seen earlier in the list.
fn dedup(items: &mut Vec<Item>) {
    let mut keys = HashSet::new();
    let mut urls = HashSet::new();
    items.retain(|i| {
        let new_key = keys.insert(i.key.clone());
        let new_url = i.url.as_ref().is_none_or(|u| urls.insert(u.clone()));
        new_key && new_url
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<!-- a comment -->
<rss version="2.0"><channel><title>Valley Post</title>
<atom:link xmlns:atom="http://www.w3.org/2005/Atom" rel="hub" href="https://hub.example/"/>
<item><title>Dam gives way</title><link>/news/dam</link><guid>dam-1</guid><pubDate>Fri, 01 Mar 2024 08:00:00 GMT</pubDate></item>
<item><title>Dam gives way (again)</title><link>/news/dam-2</link><guid>dam-1</guid></item>
<item><title>Toll rises</title><link>https://valley.example/news/toll</link></item>
<item><title>Toll rises, copy</title><link>https://valley.example/news/toll</link></item>
</channel></rss>"#;

    #[test]
    fn rss_relative_links_and_duplicates() {
        let f = parse(RSS.as_bytes(), "https://valley.example/feeds/main.xml").unwrap();
        assert_eq!(f.kind, Kind::Rss);
        assert_eq!(f.title.as_deref(), Some("Valley Post"));
        let urls: Vec<_> = f.items.iter().filter_map(|i| i.url.as_deref()).collect();
        assert_eq!(
            urls,
            [
                "https://valley.example/news/dam",
                "https://valley.example/news/toll"
            ]
        );
        assert_eq!(f.items[0].key, "dam-1");
        assert!(f.items[0].published.is_some());
    }

    #[test]
    fn atom_and_json_feed() {
        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
<link rel="hub" href="https://hub.example/h"/>
<entry><id>urn:x:1</id><title>One</title><link href="one.html"/><updated>2024-03-02T10:00:00Z</updated></entry></feed>"#;
        let f = parse(atom.as_bytes(), "https://a.example/dir/feed").unwrap();
        assert_eq!(f.kind, Kind::Atom);
        assert_eq!(
            f.items[0].url.as_deref(),
            Some("https://a.example/dir/one.html")
        );
        assert_eq!(f.hub.as_deref(), Some("https://hub.example/h"));
        let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"7","url":"https://j.example/7","title":"Seven"}]}"#;
        let f = parse(json.as_bytes(), "https://j.example/feed.json").unwrap();
        assert_eq!(f.kind, Kind::JsonFeed);
        assert_eq!(f.items[0].key, "7");
    }

    #[test]
    fn rss1_and_rss09() {
        let rdf = r#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://r.example/"><title>R</title><link>https://r.example/</link></channel>
<item rdf:about="https://r.example/1"><title>One</title><link>https://r.example/1</link></item></rdf:RDF>"#;
        let f = parse(rdf.as_bytes(), "https://r.example/rss").unwrap();
        assert_eq!(f.kind, Kind::Rss);
        assert_eq!(f.items.len(), 1);
        let rss091 = r#"<rss version="0.91"><channel><title>Old</title><link>https://o.example/</link>
<item><title>Old one</title><link>https://o.example/1</link></item></channel></rss>"#;
        let f = parse(rss091.as_bytes(), "https://o.example/rss").unwrap();
        assert_eq!(f.items[0].url.as_deref(), Some("https://o.example/1"));
    }

    #[test]
    fn sitemaps() {
        let news = r#"<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://n.example/a?x=1&amp;y=2</loc><news:news><news:publication_date>2024-03-01T09:00:00+01:00</news:publication_date><news:title>Flood</news:title></news:news></url>
<url><loc>/b</loc><lastmod>2024-03-02</lastmod></url></urlset>"#;
        let f = parse(news.as_bytes(), "https://n.example/sitemap.xml").unwrap();
        assert_eq!(f.kind, Kind::Sitemap);
        assert_eq!(
            f.items[0].url.as_deref(),
            Some("https://n.example/a?x=1&y=2")
        );
        assert_eq!(f.items[0].title.as_deref(), Some("Flood"));
        assert!(f.items[0].published.is_some());
        assert_eq!(f.items[1].url.as_deref(), Some("https://n.example/b"));
        let index = r#"<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://n.example/s1.xml</loc></sitemap></sitemapindex>"#;
        let f = parse(index.as_bytes(), "https://n.example/").unwrap();
        assert_eq!(f.sitemaps, ["https://n.example/s1.xml"]);
    }

    #[test]
    fn pages_and_broken_feeds() {
        assert_eq!(
            sniff(b"<!DOCTYPE html><html><body>x</body></html>"),
            Kind::Page
        );
        assert_eq!(sniff(b"{\"a\":1}"), Kind::Page);
        assert_eq!(sniff(b"\xef\xbb\xbf <opml version=\"2.0\">"), Kind::Opml);
        assert!(matches!(
            parse(b"<html></html>", "https://x.example/"),
            Err(FeedError::NotAFeed("page"))
        ));
        assert!(matches!(
            parse(b"<rss><channel><item><title>x</ti", "https://x.example/"),
            Err(FeedError::Invalid { .. })
        ));
        assert!(parse(b"<urlset><url><loc>", "https://x.example/").is_err());
        // Never panics on junk.
        for junk in [
            &b""[..],
            b"<",
            b"<?",
            b"<!--",
            b"\x1f\x8b\x08junk",
            b"<rss",
            b"{jsonfeed.org/version",
        ] {
            let _ = parse(junk, "not a url");
        }
    }
}
