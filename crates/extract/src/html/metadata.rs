//! Page metadata from one parsed document: schema.org JSON-LD, OpenGraph, Twitter
//! cards, Dublin Core and other `<meta>`, `itemprop`, `<time>`, bylines, canonical
//! links, the `<title>` and `<h1>`.
//!
//! The document is walked once (iteratively) to collect every candidate; the choices
//! are made afterwards (`meta/title.rs`, `meta/byline.rs`, `meta/jsonld.rs`).

#[path = "meta/byline.rs"]
pub mod byline;
#[path = "meta/jsonld.rs"]
pub mod jsonld;
#[path = "meta/title.rs"]
pub mod title;

use std::collections::HashMap;

use scraper::{ElementRef, Html, Node};
use storyline_core::DateSource;

/// What the page says about itself, before the body is looked at.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    /// The headline, without the site's name.
    pub title: Option<String>,
    /// `og:description` / `description` / JSON-LD `description`.
    pub description: Option<String>,
    /// Author names in byline order, cleaned.
    pub authors: Vec<String>,
    /// RFC 3339 date-time or full-date, and where it came from.
    pub published: Option<(String, storyline_core::DateSource)>,
    /// Last modification (RFC 3339).
    pub modified: Option<String>,
    /// `<link rel=canonical>` (else `og:url`), absolute.
    pub canonical_url: Option<String>,
    /// The site's name from metadata (og:site_name, publisher, application-name).
    pub site_name: Option<String>,
    /// ISO 639-1, from `<html lang>`, `og:locale`, `inLanguage`, `content-language`.
    pub language: Option<&'static str>,
}

/// Most elements whose text is kept as byline or date candidates.
const MAX_CANDIDATES: usize = 24;
/// Longest text kept from one candidate element, in characters.
const MAX_CANDIDATE_CHARS: usize = 300;
/// How far up the tree context checks look.
const MAX_ANCESTORS: usize = 12;

/// Everything collected in the single walk over the document.
#[derive(Default)]
struct Collected {
    title_tag: Option<String>,
    html_lang: Option<String>,
    /// `<meta>` by lower-case key (name / property / itemprop / http-equiv): first value.
    metas: HashMap<String, String>,
    /// Every `<meta>` author-ish value, in order.
    meta_authors: Vec<String>,
    canonical: Option<String>,
    scripts: Vec<String>,
    h1s: Vec<String>,
    /// `<time>`: (value, score); higher score = more likely the publication time.
    times: Vec<(String, i32)>,
    itemprop_published: Option<String>,
    itemprop_modified: Option<String>,
    itemprop_authors: Vec<String>,
    itemprop_headline: Option<String>,
    bylines: Vec<String>,
    /// Short texts of elements whose class says "date" / "published": (text, score).
    date_texts: Vec<(String, i32)>,
}

fn attr_lower<'a>(el: &'a scraper::node::Element, name: &str) -> Option<String> {
    el.attr(name).map(|v| v.trim().to_ascii_lowercase())
}

/// Text of an element, whitespace collapsed, stopping after `max` characters.
fn bounded_text(el: ElementRef<'_>, max: usize) -> String {
    let mut s = String::new();
    for t in el.text() {
        s.push_str(t);
        s.push(' ');
        if s.len() > max * 4 {
            break;
        }
    }
    let c = crate::text::collapse_whitespace(&s);
    if c.chars().count() > max {
        c.chars().take(max).collect()
    } else {
        c
    }
}

fn class_and_id(el: &scraper::node::Element) -> String {
    let mut s = el.attr("class").unwrap_or("").to_ascii_lowercase();
    if let Some(id) = el.attr("id") {
        s.push(' ');
        s.push_str(&id.to_ascii_lowercase());
    }
    s
}

/// Whether one of the element's ancestors is a header, an article, or a
/// byline/meta block; also whether it sits in a footer/aside/related block.
fn context_score(el: ElementRef<'_>) -> i32 {
    let mut score = 0;
    let mut node = el.parent();
    for _ in 0..MAX_ANCESTORS {
        let Some(n) = node else { break };
        if let Some(e) = n.value().as_element() {
            match e.name() {
                "header" => score += 2,
                "article" | "main" => score += 1,
                "footer" | "aside" | "nav" => score -= 4,
                _ => {}
            }
            let ci = class_and_id(e);
            if [
                "byline",
                "article-meta",
                "post-meta",
                "entry-meta",
                "article-header",
                "post-header",
                "entry-header",
                "dateline",
            ]
            .iter()
            .any(|k| ci.contains(k))
            {
                score += 2;
            }
            if [
                "related",
                "comment",
                "sidebar",
                "footer",
                "recommend",
                "more-",
                "widget",
                "teaser",
                "card",
            ]
            .iter()
            .any(|k| ci.contains(k))
            {
                score -= 3;
            }
        }
        node = n.parent();
    }
    score
}

fn is_author_class(ci: &str) -> bool {
    (ci.contains("byline") || ci.contains("author") || ci.contains("writer"))
        && !ci.contains("authority")
        && !ci.contains("author-bio")
        && !ci.contains("author-description")
        && !ci.contains("avatar")
        && !ci.contains("author-image")
        && !ci.contains("author-img")
        && !ci.contains("author-photo")
}

fn is_date_class(ci: &str) -> bool {
    ["date", "publish", "posted", "timestamp", "dateline", "time"]
        .iter()
        .any(|k| ci.contains(k))
        && !ci.contains("update")
        && !ci.contains("modif")
        && !ci.contains("validate")
        && !ci.contains("candidate")
}

fn collect(doc: &Html) -> Collected {
    let mut c = Collected::default();
    let root = doc.root_element();
    c.html_lang = root
        .value()
        .attr("lang")
        .or(root.value().attr("xml:lang"))
        .map(str::to_string);
    for node in root.descendants() {
        let Node::Element(el) = node.value() else {
            continue;
        };
        let Some(er) = ElementRef::wrap(node) else {
            continue;
        };
        let name = el.name();
        match name {
            "title" if c.title_tag.is_none() => {
                if !node.ancestors().any(|a| {
                    a.value()
                        .as_element()
                        .is_some_and(|e| e.name() == "svg" || e.name() == "symbol")
                }) {
                    let t = bounded_text(er, 500);
                    if !t.is_empty() {
                        c.title_tag = Some(t);
                    }
                }
            }
            "meta" => {
                let content = el.attr("content").map(str::trim).unwrap_or("");
                if content.is_empty() {
                    continue;
                }
                for k in ["property", "name", "itemprop", "http-equiv"] {
                    if let Some(key) = attr_lower(el, k) {
                        if key.contains("author") || key == "dc.creator" || key == "dcterms.creator"
                        {
                            if c.meta_authors.len() < MAX_CANDIDATES {
                                c.meta_authors.push(format!("{key}\u{1}{content}"));
                            }
                        }
                        c.metas.entry(key).or_insert_with(|| content.to_string());
                    }
                }
            }
            "link" => {
                if c.canonical.is_none()
                    && let Some(rel) = attr_lower(el, "rel")
                    && rel.split_whitespace().any(|r| r == "canonical")
                    && let Some(href) = el.attr("href")
                {
                    c.canonical = Some(href.trim().to_string());
                }
            }
            "script" => {
                if attr_lower(el, "type").is_some_and(|t| t.contains("ld+json"))
                    && c.scripts.len() < 32
                {
                    c.scripts.push(er.text().collect());
                }
                continue;
            }
            "h1" if c.h1s.len() < 5 => {
                let t = bounded_text(er, 400);
                if !t.is_empty() {
                    c.h1s.push(t);
                }
            }
            "time" if c.times.len() < MAX_CANDIDATES => {
                let value = el
                    .attr("datetime")
                    .map(str::to_string)
                    .unwrap_or_else(|| bounded_text(er, 100));
                let mut score = context_score(er);
                if el.attr("pubdate").is_some() {
                    score += 5;
                }
                let ci = class_and_id(el);
                match el.attr("itemprop") {
                    Some("datePublished") => score += 6,
                    Some("dateModified") => score -= 6,
                    _ => {}
                }
                if ci.contains("publish") || ci.contains("posted") || ci.contains("entry-date") {
                    score += 3;
                }
                if ci.contains("updat") || ci.contains("modif") {
                    score -= 3;
                }
                if !value.trim().is_empty() {
                    c.times.push((value, score));
                }
            }
            _ => {}
        }
        if let Some(prop) = el.attr("itemprop") {
            let value = || {
                el.attr("content")
                    .or(el.attr("datetime"))
                    .map(str::to_string)
                    .unwrap_or_else(|| bounded_text(er, 200))
            };
            match prop.trim() {
                "datePublished" if c.itemprop_published.is_none() && name != "meta" => {
                    c.itemprop_published = Some(value());
                }
                "dateModified" if c.itemprop_modified.is_none() && name != "meta" => {
                    c.itemprop_modified = Some(value());
                }
                "headline" if c.itemprop_headline.is_none() && name != "meta" => {
                    c.itemprop_headline = Some(bounded_text(er, 400));
                }
                "author" | "creator"
                    if c.itemprop_authors.len() < MAX_CANDIDATES && name != "meta" =>
                {
                    // Prefer a nested itemprop=name.
                    let nested = er
                        .descendants()
                        .filter_map(ElementRef::wrap)
                        .find(|d| d.value().attr("itemprop") == Some("name"));
                    let t = nested
                        .map(|n| {
                            n.value()
                                .attr("content")
                                .map(str::to_string)
                                .unwrap_or_else(|| bounded_text(n, 100))
                        })
                        .unwrap_or_else(|| bounded_text(er, MAX_CANDIDATE_CHARS));
                    c.itemprop_authors.push(t);
                }
                _ => {}
            }
        }
        if matches!(
            name,
            "html" | "body" | "head" | "script" | "style" | "meta" | "link"
        ) {
            continue;
        }
        let ci = class_and_id(el);
        let rel_author = name == "a" && attr_lower(el, "rel").is_some_and(|r| r.contains("author"));
        if (rel_author || is_author_class(&ci)) && c.bylines.len() < MAX_CANDIDATES {
            let t = bounded_text(er, MAX_CANDIDATE_CHARS);
            if !t.is_empty() && t.chars().count() < MAX_CANDIDATE_CHARS {
                c.bylines.push(t);
            }
        }
        if is_date_class(&ci) && c.date_texts.len() < MAX_CANDIDATES && name != "time" {
            let t = bounded_text(er, 120);
            if !t.is_empty() && t.chars().count() < 120 {
                let mut score = context_score(er);
                if ci.contains("publish") || ci.contains("posted") {
                    score += 2;
                }
                c.date_texts.push((t, score));
            }
        }
    }
    c
}

fn meta<'a>(c: &'a Collected, keys: &[&str]) -> Option<&'a str> {
    keys.iter()
        .find_map(|k| c.metas.get(*k))
        .map(String::as_str)
        .filter(|v| !v.trim().is_empty())
}

/// Meta keys that carry the publication date, best first.
const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "article:published",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "date",
    "citation_publication_date",
    "citation_date",
    "article.published",
    "published_time",
    "published-date",
    "release_date",
    "cxenseparse:recs:publishtime",
    "originalpublicationdate",
    "dateposted",
    "og:updated_time",
];

/// Meta keys that carry the modification date.
const MODIFIED_KEYS: &[&str] = &[
    "article:modified_time",
    "og:modified_time",
    "datemodified",
    "dcterms.modified",
    "dc.date.modified",
    "last-modified",
    "lastmod",
    "og:updated_time",
];

fn resolve_url(href: &str, base: Option<&url::Url>) -> Option<String> {
    let href = href.trim();
    if href.is_empty() {
        return None;
    }
    let u = match base {
        Some(b) => b.join(href).ok()?,
        None => url::Url::parse(href).ok()?,
    };
    matches!(u.scheme(), "http" | "https").then(|| u.to_string())
}

/// Reads the page's metadata. `base` resolves relative canonical links and gives
/// URL dates and host-derived site names.
pub fn extract_metadata(doc: &Html, base: Option<&url::Url>) -> Metadata {
    let c = collect(doc);
    let ld = jsonld::extract(&c.scripts);
    let mut md = Metadata::default();

    md.canonical_url = c
        .canonical
        .as_deref()
        .and_then(|h| resolve_url(h, base))
        .or_else(|| meta(&c, &["og:url"]).and_then(|h| resolve_url(h, base)));
    let page_url = base.cloned().or_else(|| {
        md.canonical_url
            .as_deref()
            .and_then(|u| url::Url::parse(u).ok())
    });

    md.site_name = meta(
        &c,
        &[
            "og:site_name",
            "application-name",
            "apple-mobile-web-app-title",
            "twitter:site",
        ],
    )
    .map(crate::text::collapse_whitespace)
    .map(|s| s.trim_start_matches('@').to_string())
    .filter(|s| !s.is_empty() && s.chars().count() <= 80)
    .or_else(|| ld.publisher.clone());

    // Names the site goes by, for title stripping and author filtering.
    let mut site_names: Vec<String> = Vec::new();
    site_names.extend(md.site_name.clone());
    site_names.extend(ld.publisher.clone());
    for k in [
        "og:site_name",
        "application-name",
        "apple-mobile-web-app-title",
    ] {
        site_names.extend(meta(&c, &[k]).map(str::to_string));
    }
    if let Some(u) = &page_url
        && let Some(host) = u.host_str()
    {
        site_names.extend(crate::outlet::known_outlet_from_host(u).map(str::to_string));
        site_names.push(crate::outlet::registrable_domain(host));
        site_names.push(crate::outlet::host_stem(host));
    }
    site_names.retain(|s| !title::tokens(s).is_empty());
    site_names.dedup();

    md.title = title::choose(&title::TitleInputs {
        jsonld: ld.headline.as_deref(),
        og: meta(&c, &["og:title"]),
        twitter: meta(&c, &["twitter:title"]),
        other: c.itemprop_headline.as_deref().or_else(|| {
            meta(
                &c,
                &[
                    "parsely-title",
                    "sailthru.title",
                    "dc.title",
                    "dcterms.title",
                    "headline",
                ],
            )
        }),
        title_tag: c.title_tag.as_deref(),
        h1s: &c.h1s,
        site_names: &site_names,
    });

    md.description = meta(
        &c,
        &[
            "og:description",
            "description",
            "twitter:description",
            "dc.description",
        ],
    )
    .map(crate::text::collapse_whitespace)
    .or_else(|| ld.description.clone())
    .filter(|d| !d.is_empty());

    md.language = c
        .html_lang
        .as_deref()
        .and_then(crate::language::from_tag)
        .or_else(|| meta(&c, &["og:locale"]).and_then(crate::language::from_tag))
        .or_else(|| ld.language.as_deref().and_then(crate::language::from_tag))
        .or_else(|| {
            meta(&c, &["content-language", "language", "dc.language"])
                .and_then(crate::language::from_tag)
        });

    md.published = published(&c, &ld, page_url.as_ref());
    md.modified = ld
        .modified
        .as_deref()
        .and_then(crate::dates::parse_date)
        .or_else(|| meta(&c, MODIFIED_KEYS).and_then(crate::dates::parse_date))
        .or_else(|| {
            c.itemprop_modified
                .as_deref()
                .and_then(crate::dates::parse_date)
        });

    md.authors = authors(&c, &ld, &site_names);
    md
}

fn published(
    c: &Collected,
    ld: &jsonld::LdInfo,
    page_url: Option<&url::Url>,
) -> Option<(String, DateSource)> {
    if let Some(d) = ld.published.as_deref().and_then(crate::dates::parse_date) {
        return Some((d, DateSource::Jsonld));
    }
    if let Some(d) = PUBLISHED_KEYS
        .iter()
        .filter_map(|k| c.metas.get(*k))
        .find_map(|v| crate::dates::parse_date(v))
    {
        return Some((d, DateSource::Meta));
    }
    if let Some(d) = c
        .itemprop_published
        .as_deref()
        .and_then(crate::dates::parse_date)
    {
        return Some((d, DateSource::Meta));
    }
    let mut times: Vec<&(String, i32)> = c.times.iter().collect();
    // Highest score first; document order among equals.
    times.sort_by_key(|(_, s)| std::cmp::Reverse(*s));
    if let Some(d) = times
        .iter()
        .filter(|(_, s)| *s >= 0)
        .find_map(|(v, _)| crate::dates::parse_date(v))
    {
        return Some((d, DateSource::Time));
    }
    if let Some(d) = page_url.and_then(crate::dates::date_from_url) {
        return Some((d, DateSource::Url));
    }
    let mut texts: Vec<&(String, i32)> = c.date_texts.iter().collect();
    texts.sort_by_key(|(_, s)| std::cmp::Reverse(*s));
    if let Some(d) = texts
        .iter()
        .filter(|(_, s)| *s >= 0)
        .find_map(|(v, _)| crate::dates::find_date_in_text(v))
    {
        return Some((d, DateSource::Text));
    }
    times
        .iter()
        .find_map(|(v, _)| crate::dates::parse_date(v))
        .map(|d| (d, DateSource::Time))
}

fn authors(c: &Collected, ld: &jsonld::LdInfo, site_names: &[String]) -> Vec<String> {
    let from_ld = byline::clean_authors(&ld.authors, site_names);
    if !from_ld.is_empty() {
        return from_ld;
    }
    let metas: Vec<String> = c
        .meta_authors
        .iter()
        .filter_map(|m| m.split_once('\u{1}'))
        .filter(|(k, v)| {
            !matches!(*k, "twitter:creator" | "article:author_url")
                && !v.starts_with("http")
                && !v.starts_with('@')
        })
        .map(|(_, v)| v.to_string())
        .collect();
    let from_meta = byline::clean_authors(&metas, site_names);
    if !from_meta.is_empty() {
        return from_meta;
    }
    let from_itemprop = byline::clean_authors(&c.itemprop_authors, site_names);
    if !from_itemprop.is_empty() {
        return from_itemprop;
    }
    for b in &c.bylines {
        let names = byline::split_byline(b, site_names);
        if !names.is_empty() {
            return names;
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(html: &str, url: Option<&str>) -> Metadata {
        let base = url.and_then(|u| url::Url::parse(u).ok());
        extract_metadata(&Html::parse_document(html), base.as_ref())
    }

    #[test]
    fn jsonld_graph_page() {
        let html = r##"<html lang="en-GB"><head><title>Big story | Example News</title>
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
          {"@type":"WebSite","@id":"#w","name":"Example News"},
          {"@type":"NewsArticle","headline":"Big story","datePublished":"2023-11-10T17:03:27+01:00",
           "dateModified":"2023-11-11T08:00:00Z","author":[{"@type":"Person","name":"Jane Doe"}],
           "publisher":{"@type":"Organization","name":"Example News"}}]}</script>
        <link rel="canonical" href="/news/big-story"></head><body><h1>Big story</h1></body></html>"##;
        let m = md(html, Some("https://www.example.com/news/big-story?utm=1"));
        assert_eq!(m.title.as_deref(), Some("Big story"));
        assert_eq!(
            m.published,
            Some(("2023-11-10T17:03:27+01:00".to_string(), DateSource::Jsonld))
        );
        assert_eq!(m.modified.as_deref(), Some("2023-11-11T08:00:00Z"));
        assert_eq!(m.authors, vec!["Jane Doe"]);
        assert_eq!(m.site_name.as_deref(), Some("Example News"));
        assert_eq!(
            m.canonical_url.as_deref(),
            Some("https://www.example.com/news/big-story")
        );
        assert_eq!(m.language, Some("en"));
    }

    #[test]
    fn opengraph_only() {
        let html = r#"<html><head>
        <meta property="og:title" content="Le titre – Le Journal">
        <meta property="og:site_name" content="Le Journal">
        <meta property="og:locale" content="fr_FR">
        <meta property="og:url" content="https://journal.fr/a">
        <meta property="og:description" content="Le chapô.">
        <meta property="article:published_time" content="2023-11-10T17:03:27Z">
        <meta name="author" content="Marie Dupont">
        </head><body><p>x</p></body></html>"#;
        let m = md(html, None);
        assert_eq!(m.title.as_deref(), Some("Le titre"));
        assert_eq!(
            m.published,
            Some(("2023-11-10T17:03:27Z".to_string(), DateSource::Meta))
        );
        assert_eq!(m.language, Some("fr"));
        assert_eq!(m.canonical_url.as_deref(), Some("https://journal.fr/a"));
        assert_eq!(m.description.as_deref(), Some("Le chapô."));
        assert_eq!(m.authors, vec!["Marie Dupont"]);
    }

    #[test]
    fn time_element_in_header_beats_others() {
        let html = r#"<html><body>
        <aside class="related"><time datetime="2020-01-01">old</time></aside>
        <article><header><h1>T</h1><span class="byline">By Ann Lee and Bob Ray</span>
        <time datetime="2023-11-10">10 Nov</time></header></article></body></html>"#;
        let m = md(html, None);
        assert_eq!(
            m.published,
            Some(("2023-11-10".to_string(), DateSource::Time))
        );
        assert_eq!(m.authors, vec!["Ann Lee", "Bob Ray"]);
        assert_eq!(m.title.as_deref(), Some("T"));
    }

    #[test]
    fn url_then_text_dates() {
        let html = "<html><body><h1>T</h1><p>x</p></body></html>";
        let m = md(html, Some("https://x.com/2023/11/10/slug"));
        assert_eq!(
            m.published,
            Some(("2023-11-10".to_string(), DateSource::Url))
        );
        let html = r#"<html><body><h1>T</h1><div class="post-date">Posted on 4 September 2025</div></body></html>"#;
        let m = md(html, Some("https://x.com/slug"));
        assert_eq!(
            m.published,
            Some(("2025-09-04".to_string(), DateSource::Text))
        );
        let m = md(
            "<html><body><p>nothing</p></body></html>",
            Some("https://x.com/slug"),
        );
        assert_eq!(m.published, None);
    }

    #[test]
    fn itemprop_microdata() {
        let html = r#"<html><body><div itemscope itemtype="https://schema.org/Article">
        <h1 itemprop="headline">Micro headline</h1>
        <span itemprop="author" itemscope><span itemprop="name">Zoe Quinn</span></span>
        <meta itemprop="datePublished" content="2022-02-03">
        </div></body></html>"#;
        let m = md(html, None);
        assert_eq!(m.title.as_deref(), Some("Micro headline"));
        assert_eq!(m.authors, vec!["Zoe Quinn"]);
        assert_eq!(
            m.published,
            Some(("2022-02-03".to_string(), DateSource::Meta))
        );
    }

    #[test]
    fn empty_and_odd_documents() {
        let m = md("", None);
        assert_eq!(m, Metadata::default());
        let m = md("<svg><title>icon</title></svg><title>Real</title>", None);
        assert_eq!(m.title.as_deref(), Some("Real"));
    }
}
