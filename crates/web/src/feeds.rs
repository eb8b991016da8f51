//! Atom 1.0 and JSON Feed 1.1: the latest stories, one story's articles, a search, an
//! entity's and an outlet's articles.

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use storyline_store::SearchQuery;
use storyline_stories::StoryFilter;
use storyline_stories::views::{ArticleRef, StorySummary};

use crate::params::{self, Query, base, qv, safe_url, seg};
use crate::{Error, Shared, read};

/// Items in a feed.
const ITEMS: usize = 50;

/// One entry of a feed.
#[derive(Debug, Clone)]
pub struct Item {
    pub id: String,
    pub title: String,
    /// The page on this site.
    pub link: String,
    /// The source page, when there is one.
    pub external: Option<String>,
    pub summary: String,
    pub updated: Option<String>,
    pub authors: Vec<String>,
}

/// A feed before it is written.
#[derive(Debug, Clone)]
pub struct Feed {
    pub id: String,
    pub title: String,
    /// The HTML page it follows.
    pub home: String,
    /// The feed's own address, without the extension.
    pub path: String,
    /// Its query string (a search's), or empty.
    pub query: String,
    pub items: Vec<Item>,
}

/// Which format a request asks for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Format {
    Atom,
    Json,
}

impl Format {
    /// Splits `name.atom` / `name.json`.
    fn split(file: &str) -> Result<(&str, Format), Error> {
        if let Some(n) = file.strip_suffix(".atom") {
            Ok((n, Format::Atom))
        } else if let Some(n) = file.strip_suffix(".json") {
            Ok((n, Format::Json))
        } else {
            Err(Error::NotFound(format!(
                "{file:?}: a feed ends in .atom or .json"
            )))
        }
    }
}

/// Text that XML 1.0 accepts, escaped.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

fn with_query(q: &str) -> String {
    if q.is_empty() {
        String::new()
    } else {
        format!("?{q}")
    }
}

fn atom(feed: &Feed, base: &str, updated: &str) -> String {
    let mut x = String::new();
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    let el = |x: &mut String, name: &str, text: &str| {
        x.push_str(&format!("<{name}>{}</{name}>\n", xml_escape(text)));
    };
    el(&mut x, "id", &feed.id);
    el(&mut x, "title", &feed.title);
    el(&mut x, "updated", updated);
    x.push_str(&format!(
        "<link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n<author><name>storyline</name></author>\n<generator>storyline</generator>\n",
        xml_escape(&format!("{base}{}.atom{}", feed.path, with_query(&feed.query))),
        xml_escape(&format!("{base}{}", feed.home)),
    ));
    for it in &feed.items {
        x.push_str("<entry>\n");
        el(&mut x, "id", &it.id);
        el(&mut x, "title", &it.title);
        el(&mut x, "updated", it.updated.as_deref().unwrap_or(updated));
        x.push_str(&format!(
            "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            xml_escape(&format!("{base}{}", it.link))
        ));
        if let Some(e) = &it.external {
            x.push_str(&format!(
                "<link rel=\"related\" href=\"{}\"/>\n",
                xml_escape(e)
            ));
        }
        for a in &it.authors {
            x.push_str(&format!(
                "<author><name>{}</name></author>\n",
                xml_escape(a)
            ));
        }
        if !it.summary.is_empty() {
            x.push_str(&format!(
                "<summary type=\"text\">{}</summary>\n",
                xml_escape(&it.summary)
            ));
        }
        x.push_str("</entry>\n");
    }
    x.push_str("</feed>\n");
    x
}

fn json_feed(feed: &Feed, base: &str) -> Value {
    let items: Vec<Value> = feed
        .items
        .iter()
        .map(|it| {
            let mut v = json!({
                "id": it.id,
                "url": format!("{base}{}", it.link),
                "title": it.title,
                "content_text": it.summary,
            });
            if let Some(e) = &it.external {
                v["external_url"] = json!(e);
            }
            if let Some(u) = &it.updated {
                v["date_published"] = json!(u);
            }
            if !it.authors.is_empty() {
                v["authors"] = json!(
                    it.authors
                        .iter()
                        .map(|a| json!({"name": a}))
                        .collect::<Vec<_>>()
                );
            }
            v
        })
        .collect();
    json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": feed.title,
        "home_page_url": format!("{base}{}", feed.home),
        "feed_url": format!("{base}{}.json{}", feed.path, with_query(&feed.query)),
        "items": items,
    })
}

/// An RFC 3339 time normalised for Atom (a bare date gets midnight UTC).
fn atom_time(s: &str) -> Option<String> {
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(
            t.to_utc()
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        );
    }
    params::date_of(s)
        .filter(|_| s.len() == 10)
        .map(|d| format!("{d}T00:00:00Z"))
}

/// The response of a feed.
pub fn respond(mut feed: Feed, format: Format, base: &str) -> Response {
    for it in &mut feed.items {
        it.updated = it.updated.as_deref().and_then(atom_time);
    }
    let updated = feed
        .items
        .iter()
        .filter_map(|i| i.updated.clone())
        .max()
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".into());
    match format {
        Format::Atom => (
            [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
            atom(&feed, base, &updated),
        )
            .into_response(),
        Format::Json => (
            [(header::CONTENT_TYPE, "application/feed+json; charset=utf-8")],
            json_feed(&feed, base).to_string(),
        )
            .into_response(),
    }
}

fn error(e: Error) -> Response {
    (
        e.status(),
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        format!("{}\n", e.message()),
    )
        .into_response()
}

fn story_item(s: &StorySummary) -> Item {
    let mut summary = format!("{} articles", s.articles);
    if !s.outlets.is_empty() {
        summary.push_str(&format!(" from {}", s.outlets.join(", ")));
    }
    if !s.languages.is_empty() {
        summary.push_str(&format!(" in {}", s.languages.join(", ")));
    }
    if !s.labels.is_empty() {
        summary.push_str(&format!(". About: {}", s.labels.join(", ")));
    }
    Item {
        id: format!("tag:storyline,2024:story/{}", s.id),
        title: s.title.clone(),
        link: format!("/story/{}", s.id),
        external: None,
        summary,
        updated: s.last.clone(),
        authors: Vec::new(),
    }
}

fn article_item(a: &ArticleRef, summary: String) -> Item {
    Item {
        id: format!("tag:storyline,2024:article/{}", a.id),
        title: a.title.clone().unwrap_or_else(|| "(no title)".into()),
        link: format!("/article/{}", a.id),
        external: a.url.as_deref().and_then(safe_url),
        summary,
        updated: a.published.clone(),
        authors: a.outlet.iter().cloned().collect(),
    }
}

fn latest_stories() -> Feed {
    Feed {
        id: "tag:storyline,2024:stories".into(),
        title: "storyline: latest stories".into(),
        home: "/".into(),
        path: "/feeds/stories".into(),
        query: String::new(),
        items: Vec::new(),
    }
}

/// Builds a feed from the archive (off the async threads) and answers it in `format`,
/// or answers the error.
async fn feed_of<F>(state: &Shared, headers: &HeaderMap, format: Format, build: F) -> Response
where
    F: FnOnce(&crate::Archive, &crate::State) -> Result<Feed, Error> + Send + 'static,
{
    match read(state, move |a, st| build(a, st)).await {
        Ok(feed) => respond(feed, format, &base(headers)),
        Err(e) => error(e),
    }
}

async fn stories_feed(state: Shared, headers: HeaderMap, format: Format) -> Response {
    feed_of(&state, &headers, format, |a, _| {
        let list = a.stories(&StoryFilter {
            limit: ITEMS,
            ..StoryFilter::default()
        })?;
        let mut feed = latest_stories();
        feed.items = list.iter().map(story_item).collect();
        Ok(feed)
    })
    .await
}

pub async fn stories_atom(State(s): State<Shared>, h: HeaderMap) -> Response {
    stories_feed(s, h, Format::Atom).await
}

pub async fn stories_json(State(s): State<Shared>, h: HeaderMap) -> Response {
    stories_feed(s, h, Format::Json).await
}

async fn search_feed(
    state: Shared,
    headers: HeaderMap,
    raw: Option<String>,
    format: Format,
) -> Response {
    let q = match Query::parse(raw.as_deref()).and_then(|q| {
        let text = q
            .text("q")?
            .ok_or_else(|| Error::BadRequest("q: the search words are missing".into()))?;
        Ok((text, q.lang()?, q.outlet()?, q.since()?))
    }) {
        Ok(q) => q,
        Err(e) => return error(e),
    };
    let (text, lang, outlet, since) = q;
    feed_of(&state, &headers, format, move |a, st| {
        let res = st.search(
            a,
            &SearchQuery {
                text: text.clone(),
                lang: lang.clone(),
                outlet: outlet.clone(),
                since: since.map(|d| d.to_string()),
                limit: ITEMS,
            },
        )?;
        let mut query = format!("q={}", qv(&text));
        if let Some(l) = &lang {
            query.push_str(&format!("&lang={}", qv(l)));
        }
        if let Some(o) = &outlet {
            query.push_str(&format!("&outlet={}", qv(o)));
        }
        if let Some(d) = since {
            query.push_str(&format!("&since={d}"));
        }
        Ok(Feed {
            id: format!("tag:storyline,2024:search?{query}"),
            title: format!("storyline: search for {text}"),
            home: format!("/search?{query}"),
            path: "/feeds/search".into(),
            query: query.clone(),
            items: res
                .hits
                .iter()
                .map(|h| {
                    let a = ArticleRef {
                        id: h.hit.id,
                        url: h.hit.url.clone(),
                        title: h.hit.title.clone(),
                        outlet: h.hit.outlet.clone(),
                        language: h.hit.language.clone(),
                        published: h.hit.published.clone(),
                        story: h.story,
                    };
                    article_item(&a, h.hit.snippet.clone())
                })
                .collect(),
        })
    })
    .await
}

pub async fn search_atom(State(s): State<Shared>, h: HeaderMap, RawQuery(q): RawQuery) -> Response {
    search_feed(s, h, q, Format::Atom).await
}

pub async fn search_json(State(s): State<Shared>, h: HeaderMap, RawQuery(q): RawQuery) -> Response {
    search_feed(s, h, q, Format::Json).await
}

pub async fn story(
    State(state): State<Shared>,
    headers: HeaderMap,
    Path(file): Path<String>,
) -> Response {
    let (id, format) = match Format::split(&file).and_then(|(n, f)| Ok((params::story_id(n)?, f))) {
        Ok(x) => x,
        Err(e) => return error(e),
    };
    feed_of(&state, &headers, format, move |a, st| {
        let page = st
            .story(a, id)?
            .ok_or_else(|| Error::NotFound(format!("story {id}: no such story")))?;
        let mut articles: Vec<_> = page
            .articles
            .iter()
            .filter(|x| x.copy_of.is_none())
            .collect();
        articles.sort_by(|x, y| y.article.published.cmp(&x.article.published));
        Ok(Feed {
            id: format!("tag:storyline,2024:story/{}", page.summary.id),
            title: format!("storyline: {}", page.summary.title),
            home: format!("/story/{}", page.summary.id),
            path: format!("/feeds/story/{}", page.summary.id),
            query: String::new(),
            items: articles
                .iter()
                .take(ITEMS)
                .map(|x| article_item(&x.article, x.article.outlet.clone().unwrap_or_default()))
                .collect(),
        })
    })
    .await
}

/// The feed of a named page (`/entity/NAME`, `/outlet/NAME`) with its items.
fn named_feed(kind: &str, name: &str, items: Vec<Item>) -> Feed {
    Feed {
        id: format!("tag:storyline,2024:{kind}/{}", seg(name)),
        title: format!("storyline: {name}"),
        home: format!("/{kind}/{}", seg(name)),
        path: format!("/feeds/{kind}/{}", seg(name)),
        query: String::new(),
        items,
    }
}

pub async fn entity(
    State(state): State<Shared>,
    headers: HeaderMap,
    Path(file): Path<String>,
) -> Response {
    let (name, format) = match Format::split(&file).and_then(|(n, f)| Ok((params::name(n)?, f))) {
        Ok(x) => x,
        Err(e) => return error(e),
    };
    feed_of(&state, &headers, format, move |a, _| {
        let page = a
            .entity(&name, ITEMS)?
            .ok_or_else(|| Error::NotFound(format!("{name:?}: no article names it")))?;
        let items = page
            .articles
            .iter()
            .map(|x| article_item(x, x.outlet.clone().unwrap_or_default()))
            .collect();
        Ok(named_feed("entity", &page.name, items))
    })
    .await
}

pub async fn outlet(
    State(state): State<Shared>,
    headers: HeaderMap,
    Path(file): Path<String>,
) -> Response {
    let (name, format) = match Format::split(&file).and_then(|(n, f)| Ok((params::name(n)?, f))) {
        Ok(x) => x,
        Err(e) => return error(e),
    };
    feed_of(&state, &headers, format, move |a, _| {
        let page = a
            .outlet(&name, ITEMS)?
            .ok_or_else(|| Error::NotFound(format!("{name:?}: no such outlet")))?;
        let items = page
            .recent
            .iter()
            .map(|x| article_item(x, String::new()))
            .collect();
        Ok(named_feed("outlet", &page.outlet, items))
    })
    .await
}
