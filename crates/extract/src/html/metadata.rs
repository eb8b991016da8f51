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
use std::sync::LazyLock;

use regex::Regex;

use ego_tree::iter::Edge;
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
    /// Every `<meta>` key in document order (first 400), for pattern lookups.
    meta_keys: Vec<String>,
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
    /// Page text right after the first `<h1>`, one text node a line.
    near_h1: String,
    /// The same after the first `<h2>`, for pages without an `<h1>`.
    near_h2: String,
}

/// Text of an element, whitespace collapsed, stopping after `max` characters.
fn bounded_text(el: ElementRef<'_>, max: usize) -> String {
    let mut s = String::new();
    // Depth inside elements whose text is not page text.
    let mut hidden = 0usize;
    for edge in el.traverse() {
        let (node, open) = match edge {
            Edge::Open(n) => (n, true),
            Edge::Close(n) => (n, false),
        };
        match node.value() {
            Node::Text(t) if open && hidden == 0 => s.push_str(t),
            Node::Element(e) => match super::content::separates(e.name()) {
                None if open => hidden += 1,
                None => hidden = hidden.saturating_sub(1),
                Some(true) if hidden == 0 => s.push(' '),
                _ => {}
            },
            _ => {}
        }
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

fn class_and_id(a: &Attrs<'_>) -> String {
    let mut s = a.class.unwrap_or("").to_ascii_lowercase();
    if let Some(id) = a.id {
        s.push(' ');
        s.push_str(&id.to_ascii_lowercase());
    }
    s
}

/// Class/id words that mark a byline or article-meta block.
static CONTEXT_POS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("(?i)byline|article-meta|post-meta|entry-meta|article-header|post-header|entry-header|dateline")
        .unwrap_or_else(|e| unreachable!("static regex: {e}"))
});

/// Class/id words that mark blocks around, not in, the article.
static CONTEXT_NEG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("(?i)related|comment|sidebar|footer|recommend|more-|widget|teaser|card")
        .unwrap_or_else(|e| unreachable!("static regex: {e}"))
});

/// Class/id words worth a closer look (bylines, dates). Case-sensitive literals: a
/// case-insensitive set is several times slower, and this runs on every class.
static CLASS_HINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("auth|autor|auteur|byline|writer|date|publish|posted|time|Auth|Autor|Byline|Date|Publish|Time")
        .unwrap_or_else(|e| unreachable!("static regex: {e}"))
});

fn has_class_hint(v: &str) -> bool {
    CLASS_HINT.is_match(v)
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
            for (k, v) in e.attrs() {
                if k == "class" || k == "id" {
                    if CONTEXT_POS.is_match(v) {
                        score += 2;
                    }
                    if CONTEXT_NEG.is_match(v) {
                        score -= 3;
                    }
                }
            }
        }
        node = n.parent();
    }
    score
}

fn is_author_class(ci: &str) -> bool {
    // "autor" (de, es, pt, pl, it "autore"), "auteur" (fr).
    (ci.contains("byline")
        || ci.contains("author")
        || ci.contains("writer")
        || ci.contains("autor")
        || ci.contains("auteur"))
        && !ci.contains("autorit")
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

/// The attributes `collect` looks at, read in one pass over an element's attributes
/// (`Element::attr` interns its argument on every call, which is slow in a hot loop).
#[derive(Default)]
struct Attrs<'a> {
    class: Option<&'a str>,
    id: Option<&'a str>,
    itemprop: Option<&'a str>,
    rel: Option<&'a str>,
    content: Option<&'a str>,
    datetime: Option<&'a str>,
    name: Option<&'a str>,
    property: Option<&'a str>,
    http_equiv: Option<&'a str>,
    href: Option<&'a str>,
    type_: Option<&'a str>,
    pubdate: bool,
}

fn read_attrs(el: &scraper::node::Element) -> Attrs<'_> {
    let mut a = Attrs::default();
    if el.attrs.is_empty() {
        return a;
    }
    for (k, v) in el.attrs() {
        match k {
            "class" => a.class = Some(v),
            "id" => a.id = Some(v),
            "itemprop" => a.itemprop = Some(v.trim()),
            "rel" => a.rel = Some(v),
            "content" => a.content = Some(v),
            "datetime" => a.datetime = Some(v),
            "name" => a.name = Some(v),
            "property" => a.property = Some(v),
            "http-equiv" => a.http_equiv = Some(v),
            "href" => a.href = Some(v),
            "type" => a.type_ = Some(v),
            "pubdate" => a.pubdate = true,
            _ => {}
        }
    }
    a
}

/// Elements after the first `<h1>` looked at in full; later ones only for JSON-LD.
const LIGHT_AFTER_H1: usize = 3000;
/// Elements after the first `<h1>` whose classes are read for bylines and dates.
const HINTS_AFTER_H1: usize = 600;
/// Elements looked at in full on a page whatever its headline.
const LIGHT_AFTER: usize = 10_000;

/// Characters of page text kept after the first `<h1>` (where datelines sit).
const NEAR_H1_CHARS: usize = 1200;

fn collect(doc: &Html) -> Collected {
    let mut c = Collected::default();
    let root = doc.root_element();
    c.html_lang = root
        .value()
        .attr("lang")
        .or(root.value().attr("xml:lang"))
        .map(str::to_string);
    let mut seen_h1 = false;
    let mut seen_h2 = false;
    let (mut elements, mut since_h1) = (0usize, 0usize);
    // Document order, iteratively, without entering subtrees that never hold
    // metadata (scripts are read whole; svg, style, templates, menus skipped).
    let mut next = root.first_child();
    while let Some(node) = next {
        let descend = match node.value() {
            Node::Element(e) => !matches!(
                e.name(),
                "script"
                    | "style"
                    | "svg"
                    | "noscript"
                    | "template"
                    | "select"
                    | "iframe"
                    | "math"
                    | "nav"
                    | "button"
            ),
            _ => true,
        };
        next = if descend { node.first_child() } else { None };
        if next.is_none() {
            let mut up = Some(node);
            while let Some(m) = up {
                if let Some(sib) = m.next_sibling() {
                    next = Some(sib);
                    break;
                }
                up = m.parent().filter(|p| p.id() != root.id());
            }
        }
        let el = match node.value() {
            Node::Element(el) => el,
            Node::Text(t) => {
                let want_h1 = seen_h1 && c.near_h1.len() < NEAR_H1_CHARS;
                let want_h2 = seen_h2 && !seen_h1 && c.near_h2.len() < NEAR_H1_CHARS;
                if want_h1 || want_h2 {
                    let skip = node
                        .parent()
                        .and_then(|p| p.value().as_element())
                        .is_some_and(|p| {
                            matches!(p.name(), "script" | "style" | "noscript" | "template")
                        });
                    if !skip && !t.trim().is_empty() {
                        let buf = if want_h1 {
                            &mut c.near_h1
                        } else {
                            &mut c.near_h2
                        };
                        buf.push_str(t.trim());
                        buf.push('\n');
                    }
                }
                continue;
            }
            _ => continue,
        };
        let Some(er) = ElementRef::wrap(node) else {
            continue;
        };
        let name = el.name();
        elements += 1;
        if seen_h1 {
            since_h1 += 1;
        }
        // Far past the headline (or deep into a huge page) only JSON-LD is still
        // looked for: reading every element's attributes is most of the walk's cost.
        if since_h1 > LIGHT_AFTER_H1 || elements > LIGHT_AFTER {
            if name == "script"
                && c.scripts.len() < 32
                && el
                    .attrs()
                    .any(|(k, v)| k == "type" && v.to_ascii_lowercase().contains("ld+json"))
            {
                c.scripts.push(er.text().collect());
            }
            continue;
        }
        let a = read_attrs(el);
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
                continue;
            }
            "meta" => {
                let content = a.content.map(str::trim).unwrap_or("");
                if content.is_empty() {
                    continue;
                }
                for key in [a.property, a.name, a.itemprop, a.http_equiv]
                    .into_iter()
                    .flatten()
                {
                    let key = key.trim().to_ascii_lowercase();
                    if (key.contains("author") || key == "dc.creator" || key == "dcterms.creator")
                        && c.meta_authors.len() < MAX_CANDIDATES
                    {
                        c.meta_authors.push(format!("{key}\u{1}{content}"));
                    }
                    if !c.metas.contains_key(&key) {
                        if c.meta_keys.len() < 400 {
                            c.meta_keys.push(key.clone());
                        }
                        c.metas.insert(key, content.to_string());
                    }
                }
                continue;
            }
            "link" => {
                if c.canonical.is_none()
                    && a.rel.is_some_and(|r| {
                        r.split_whitespace()
                            .any(|r| r.eq_ignore_ascii_case("canonical"))
                    })
                    && let Some(href) = a.href
                {
                    c.canonical = Some(href.trim().to_string());
                }
                continue;
            }
            "script" => {
                if a.type_
                    .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"))
                    && c.scripts.len() < 32
                {
                    c.scripts.push(er.text().collect());
                }
                continue;
            }
            "style" | "noscript" | "template" | "svg" | "path" | "head" | "html" | "body" => {
                continue;
            }
            "h2" => seen_h2 = true,
            "h1" => {
                seen_h1 = true;
                if c.h1s.len() < 5 {
                    let t = bounded_text(er, 400);
                    if !t.is_empty() {
                        c.h1s.push(t);
                    }
                }
            }
            "time" if c.times.len() < MAX_CANDIDATES => {
                let value = a
                    .datetime
                    .map(str::to_string)
                    .unwrap_or_else(|| bounded_text(er, 100));
                let mut score = context_score(er);
                if a.pubdate {
                    score += 5;
                }
                let ci = class_and_id(&a);
                match a.itemprop {
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
        if let Some(prop) = a.itemprop {
            let value = || {
                a.content
                    .or(a.datetime)
                    .map(str::to_string)
                    .unwrap_or_else(|| bounded_text(er, 200))
            };
            match prop {
                "datePublished" if c.itemprop_published.is_none() => {
                    c.itemprop_published = Some(value());
                }
                "dateModified" if c.itemprop_modified.is_none() => {
                    c.itemprop_modified = Some(value());
                }
                "headline" if c.itemprop_headline.is_none() => {
                    c.itemprop_headline = Some(bounded_text(er, 400));
                }
                "author" | "creator" if c.itemprop_authors.len() < MAX_CANDIDATES => {
                    // Prefer a nested itemprop=name.
                    let nested = er
                        .descendants()
                        .take(200)
                        .filter_map(ElementRef::wrap)
                        .find(|d| {
                            d.value()
                                .attrs()
                                .any(|(k, v)| k == "itemprop" && v.trim() == "name")
                        });
                    let t = nested
                        .map(|n| {
                            n.value()
                                .attrs()
                                .find(|(k, _)| *k == "content")
                                .map(|(_, v)| v.to_string())
                                .unwrap_or_else(|| bounded_text(n, 100))
                        })
                        .unwrap_or_else(|| bounded_text(er, MAX_CANDIDATE_CHARS));
                    c.itemprop_authors.push(t);
                }
                _ => {}
            }
        }
        // Bylines and datelines sit by the headline: classes far below it (related
        // posts, comments, footers) are not read, which saves most of the class scans.
        if since_h1 > HINTS_AFTER_H1 && (name != "a" || a.rel.is_none()) {
            continue;
        }
        let hinted = [a.class, a.id].into_iter().flatten().any(has_class_hint);
        if !hinted && (name != "a" || a.rel.is_none()) {
            continue;
        }
        let ci = class_and_id(&a);
        let rel_author = name == "a"
            && a.rel
                .is_some_and(|r| r.to_ascii_lowercase().contains("author"));
        if (rel_author || is_author_class(&ci)) && c.bylines.len() < MAX_CANDIDATES {
            let t = bounded_text(er, MAX_CANDIDATE_CHARS);
            if !t.is_empty() && t.chars().count() < MAX_CANDIDATE_CHARS {
                c.bylines.push(t);
            }
        }
        if name != "time" && c.date_texts.len() < MAX_CANDIDATES && is_date_class(&ci) {
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
    "updated date",
    "last-updated",
    "dc.date.updated",
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
    let canonical_url = c
        .canonical
        .as_deref()
        .and_then(|h| resolve_url(h, base))
        .or_else(|| meta(&c, &["og:url"]).and_then(|h| resolve_url(h, base)));
    let mut md = Metadata {
        canonical_url,
        ..Metadata::default()
    };
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
        ],
    )
    .map(crate::text::collapse_whitespace)
    .filter(|s| !s.is_empty() && s.chars().count() <= 80 && !s.contains("://"))
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
    if let Some(u) = &page_url {
        site_names.extend(crate::outlet::known_outlet_from_host(u).map(str::to_string));
    }
    site_names.retain(|s| !title::tokens(s).is_empty());
    site_names.dedup();
    // Outlet names to keep out of bylines: what the page calls itself, not its host
    // ("paulgraham.com" is written by Paul Graham).
    let outlet_names = site_names.clone();
    if let Some(host) = page_url.as_ref().and_then(|u| u.host_str()) {
        site_names.push(crate::outlet::registrable_domain(host));
        site_names.push(crate::outlet::host_stem(host));
    }

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

    md.authors = authors(&c, &ld, &outlet_names);
    md
}

fn published(
    c: &Collected,
    ld: &jsonld::LdInfo,
    page_url: Option<&url::Url>,
) -> Option<(String, DateSource)> {
    if let Some(raw) = ld.published.as_deref()
        && let Some(d) = crate::dates::parse_date(raw)
    {
        // A written-out JSON-LD date ("Jun 24, 2025") is typical of site builders that
        // fill it from the template; a date printed under the headline is then better.
        let machine = raw
            .trim()
            .as_bytes()
            .get(..4)
            .is_some_and(|y| y.iter().all(u8::is_ascii_digit));
        if !machine && let Some(t) = crate::dates::find_date_in_text(&c.near_h1) {
            return Some((t, DateSource::Text));
        }
        return Some((d, DateSource::Jsonld));
    }
    if let Some(d) = PUBLISHED_KEYS
        .iter()
        .filter_map(|k| c.metas.get(*k))
        .find_map(|v| crate::dates::parse_date(v))
    {
        return Some((d, DateSource::Meta));
    }
    // Site-specific keys ("w-published-date", "article.publish_time").
    if let Some(d) = c
        .meta_keys
        .iter()
        .filter(|k| k.contains("publish") && !k.contains("publisher") && k.len() < 40)
        .filter_map(|k| c.metas.get(k))
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
    let near = if c.near_h1.is_empty() {
        &c.near_h2
    } else {
        &c.near_h1
    };
    if let Some(d) = crate::dates::find_date_in_text(near) {
        return Some((d, DateSource::Text));
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
    if let Some(d) = times.iter().find_map(|(v, _)| crate::dates::parse_date(v)) {
        return Some((d, DateSource::Time));
    }
    // Last resort: the page's own modification date (a page is published no later
    // than it was last modified, and it is the only date the page gives).
    ld.modified
        .as_deref()
        .and_then(crate::dates::parse_date)
        .map(|d| (d, DateSource::Jsonld))
        .or_else(|| {
            MODIFIED_KEYS
                .iter()
                .filter_map(|k| c.metas.get(*k))
                .find_map(|v| crate::dates::parse_date(v))
                .map(|d| (d, DateSource::Meta))
        })
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
        let names = byline::split_byline_with(b, site_names, true);
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
    fn a_heading_reads_as_a_browser_shows_it() {
        // An inline element inside a word (a styled initial) does not split it; a line
        // break, a block or a cell separates; script text is not heading text.
        let html = r#"<html><head><title>How AI Can Cut Your Planning Cycle From Two Weeks to Two Days | The Ledger</title></head><body>
        <h1><a href="/s">How AI Can Cut Your Planning <span class="drop">C</span>ycle<br>From Two Weeks<script>var x = 1;</script> to <em>Two</em> Days</a></h1>
        <time>Nov<span>ember</span><div>10,</div>2023</time></body></html>"#;
        let doc = Html::parse_document(html);
        let text = |sel: &str| {
            let s = scraper::Selector::parse(sel).unwrap();
            bounded_text(doc.select(&s).next().unwrap(), 400)
        };
        assert_eq!(
            text("h1"),
            "How AI Can Cut Your Planning Cycle From Two Weeks to Two Days"
        );
        assert_eq!(text("time"), "November 10, 2023");
        assert_eq!(
            md(html, None).title.as_deref(),
            Some("How AI Can Cut Your Planning Cycle From Two Weeks to Two Days")
        );
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

/// No input makes metadata extraction panic.
#[cfg(test)]
mod robustness {
    use super::*;
    use proptest::prelude::*;

    const PIECES: &[&str] = &[
        "<html lang=\"fr-FR\">",
        "<head>",
        "<title>A | B</title>",
        "<meta property=\"og:title\" content=\"x - y\">",
        "<meta name=\"author\" content=\"By A and B, C\">",
        "<meta property=\"article:published_time\" content=\"2023-13-45T99:99\">",
        "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"NewsArticle\",\"author\":[",
        "]}]}</script>",
        "{\"@id\":\"#a\"}",
        "<h1>",
        "</h1>",
        "<time datetime=\"10 ноября 2023\">",
        "<span class=\"byline author\">",
        "<div class=\"post-date\">",
        "</div></span>",
        "<link rel=canonical href=\"//x/\u{e9}\">",
        "By ",
        "é",
        "ноября",
        " – ",
        " | ",
        "2023",
        "&amp;#x27;",
        "\u{0}",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn never_panics(idx in proptest::collection::vec(0..PIECES.len(), 0..60), raw in ".{0,80}") {
            let mut html: String = idx.iter().map(|i| PIECES[*i]).collect();
            html.push_str(&raw);
            let base = url::Url::parse("https://www.example.co.uk/2023/11/10/a").ok();
            let m = extract_metadata(&Html::parse_document(&html), base.as_ref());
            if let Some((d, _)) = &m.published {
                prop_assert!(d.len() >= 10);
            }
            let _ = crate::dates::parse_date(&raw);
            let _ = crate::dates::find_date_in_text(&html);
            let _ = crate::outlet::outlet_from_credit(&raw);
            let _ = byline::split_byline(&html, &[]);
            let _ = jsonld::parse_lenient(&html);
        }
    }
}

/// Title and date accuracy on the extraction bench (`../shared/bench/extraction`).
///
/// Run with `cargo test --release -p storyline-extract metadata_bench -- --ignored
/// --nocapture`; set `METADATA_BENCH_OUT=/tmp/x.jsonl` to write one line per page.
#[cfg(test)]
mod bench {
    use super::*;
    use std::io::Write;

    fn key(s: &str) -> Vec<String> {
        title::tokens(s)
    }

    #[test]
    #[ignore = "reads ../shared/bench/extraction; run by hand"]
    fn metadata_bench() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/bench/extraction");
        let Ok(truth) = std::fs::read_to_string(dir.join("truth.jsonl")) else {
            eprintln!("skipped: {} not found", dir.display());
            return;
        };
        let mut out = std::env::var("METADATA_BENCH_OUT")
            .ok()
            .and_then(|p| std::fs::File::create(p).ok());
        let (mut n, mut title_ok, mut dated, mut date_ok, mut art, mut art_title_ok) =
            (0, 0, 0, 0, 0, 0);
        let (mut art_dated, mut art_date_ok) = (0, 0);
        let mut spent = std::time::Duration::ZERO;
        let z = std::time::Duration::ZERO;
        let mut prof = (z, z, z, z);
        let (mut walk, mut nodes) = (z, 0usize);
        for line in truth.lines() {
            let Ok(t) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let id = t["id"].as_str().unwrap_or_default();
            let Ok(bytes) = std::fs::read(dir.join(format!("html/{id}.html.gz"))) else {
                continue;
            };
            let Ok(dec) = crate::decode::decode(&bytes, None, &crate::Limits::default()) else {
                continue;
            };
            let base = t["url"].as_str().and_then(|u| url::Url::parse(u).ok());
            let doc = Html::parse_document(&dec.text);
            if std::env::var("METADATA_BENCH_WARM").is_ok() {
                // Touch the tree first, as the content extractor's walk would.
                let w = std::time::Instant::now();
                let attrs: usize = doc
                    .root_element()
                    .descendants()
                    .filter_map(|n| n.value().as_element().map(|e| e.attrs().count()))
                    .sum();
                walk += w.elapsed();
                nodes += attrs;
            }
            let start = std::time::Instant::now();
            let m = extract_metadata(&doc, base.as_ref());
            spent += start.elapsed();
            if std::env::var("METADATA_BENCH_PROFILE").is_ok() {
                let t0 = std::time::Instant::now();
                let c = collect(&doc);
                let t1 = std::time::Instant::now();
                let ldi = jsonld::extract(&c.scripts);
                let t2 = std::time::Instant::now();
                let _ = published(&c, &ldi, base.as_ref());
                let t3 = std::time::Instant::now();
                let _ = authors(&c, &ldi, &[]);
                let t4 = std::time::Instant::now();
                prof.0 += t1 - t0;
                prof.1 += t2 - t1;
                prof.2 += t3 - t2;
                prof.3 += t4 - t3;
            }
            let is_article = t["page_type"] == "article";
            n += 1;
            art += usize::from(is_article);
            let want_title = t["title"].as_str().unwrap_or_default();
            let tok = m
                .title
                .as_deref()
                .is_some_and(|x| key(x) == key(want_title));
            title_ok += usize::from(tok);
            art_title_ok += usize::from(tok && is_article);
            let got_day = m
                .published
                .as_ref()
                .map(|(d, _)| crate::dates::day_of(d).to_string());
            let mut dok = false;
            if let Some(want) = t["date"].as_str() {
                dated += 1;
                art_dated += usize::from(is_article);
                dok = got_day.as_deref() == Some(want);
                date_ok += usize::from(dok);
                art_date_ok += usize::from(dok && is_article);
            }
            if let Some(f) = out.as_mut() {
                let cc = collect(&doc);
                let ldi = jsonld::extract(&cc.scripts);
                let cands = serde_json::json!({
                    "h1": cc.h1s, "og": meta(&cc, &["og:title"]), "tw": meta(&cc, &["twitter:title"]),
                    "tag": cc.title_tag, "ld": ldi.headline, "ip": cc.itemprop_headline,
                });
                let row = serde_json::json!({
                    "id": id, "title": m.title, "title_ok": tok, "want_title": want_title,
                    "date": got_day, "from": m.published.as_ref().map(|(_, s)| format!("{s:?}")),
                    "want_date": t["date"], "date_ok": dok, "authors": m.authors, "want_author": t["author"],
                    "site": m.site_name, "cands": cands, "lang": m.language, "canonical": m.canonical_url,
                });
                let _ = writeln!(f, "{row}");
            }
        }
        let pct = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        println!(
            "pages {n}: title {:.3}, date {:.3} (of {dated}); articles {art}: title {:.3}, date {:.3} (of {art_dated}); metadata {:.3} ms/page",
            pct(title_ok, n),
            pct(date_ok, dated),
            pct(art_title_ok, art),
            pct(art_date_ok, art_dated),
            spent.as_secs_f64() * 1000.0 / n.max(1) as f64
        );
        println!("bare walk {walk:?} ({nodes} attributes)");
        println!(
            "collect {:?}, jsonld {:?}, published {:?}, authors {:?}",
            prof.0, prof.1, prof.2, prof.3
        );
        assert!(n > 0);
    }
}
