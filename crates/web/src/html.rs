//! The HTML pages, rendered on the server with maud (which escapes every text and
//! attribute value). They work without JavaScript; links to sources are http(s) only.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::{DOCTYPE, Markup, html};
use serde_json::Value;
use storyline_stories::StoryFilter;
use storyline_stories::views::{
    ArticlePage, ArticleRef, QuoteRef, StoryArticle, StoryPage, StorySummary, thousands,
};

use crate::kept::KeptPage;
use crate::params::{self, Query, base, day_start, now, qv, safe_url, seg};
use crate::{Error, Shared, api, jsonld, read, svg};

const CSS: &str = include_str!("assets/style.css");
const JS: &str = include_str!("assets/app.js");

/// Stories on a page of the home page.
const PER_PAGE: usize = 30;

/// A feed a page advertises.
struct FeedLink {
    title: String,
    /// The path without extension.
    path: String,
    query: String,
}

impl FeedLink {
    fn new(title: impl Into<String>, path: impl Into<String>) -> FeedLink {
        FeedLink {
            title: title.into(),
            path: path.into(),
            query: String::new(),
        }
    }

    fn href(&self, ext: &str) -> String {
        if self.query.is_empty() {
            format!("{}.{ext}", self.path)
        } else {
            format!("{}.{ext}?{}", self.path, self.query)
        }
    }
}

struct Page {
    title: String,
    feeds: Vec<FeedLink>,
    jsonld: Option<Value>,
    body: Markup,
}

fn layout(p: Page) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (p.title) " · storyline" }
                link rel="stylesheet" href="/static/style.css";
                @for f in &p.feeds {
                    link rel="alternate" type="application/atom+xml" title={(f.title) " (Atom)"} href=(f.href("atom"));
                    link rel="alternate" type="application/feed+json" title={(f.title) " (JSON Feed)"} href=(f.href("json"));
                }
                script src="/static/app.js" defer {}
                @if let Some(v) = &p.jsonld {
                    (jsonld::element(v))
                }
            }
            body {
                a.skip href="#main" { "Skip to content" }
                header.site {
                    nav aria-label="Site" {
                        a.brand href="/" { "storyline" }
                        form.search role="search" action="/search" method="get" {
                            label for="site-q" class="sr" { "Search articles" }
                            input id="site-q" type="search" name="q" maxlength="256" placeholder="Search articles";
                            button type="submit" { "Search" }
                        }
                    }
                }
                main id="main" tabindex="-1" {
                    (p.body)
                }
                footer.site {
                    p {
                        "Feeds: "
                        @for (i, f) in p.feeds.iter().enumerate() {
                            @if i > 0 { " · " }
                            (f.title) " "
                            a href=(f.href("atom")) { "Atom" } " "
                            a href=(f.href("json")) { "JSON" }
                        }
                        " · " a href="/api/openapi.json" { "JSON API" }
                    }
                }
            }
        }
    }
}

fn html_response(status: StatusCode, m: Markup) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        m.into_string(),
    )
        .into_response()
}

fn error_page(e: Error) -> Response {
    let title = match e.status() {
        StatusCode::NOT_FOUND => "Not found",
        StatusCode::BAD_REQUEST => "Bad request",
        _ => "Server error",
    };
    html_response(
        e.status(),
        layout(Page {
            title: title.into(),
            feeds: vec![FeedLink::new("Latest stories", "/feeds/stories")],
            jsonld: None,
            body: html! {
                h1 { (title) }
                p.error { (e.message()) }
                p { a href="/" { "Back to the latest stories" } }
            },
        }),
    )
}

fn respond(r: Result<Page, Error>) -> Response {
    match r {
        Ok(p) => html_response(StatusCode::OK, layout(p)),
        Err(e) => error_page(e),
    }
}

pub async fn not_found() -> Response {
    error_page(Error::NotFound("There is no page at this address.".into()))
}

pub async fn css() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        CSS,
    )
        .into_response()
}

pub async fn js() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        JS,
    )
        .into_response()
}

/// The `YYYY-MM-DD` of a date, or the text as it is.
fn short_date(s: &str) -> &str {
    s.get(..10).unwrap_or(s)
}

fn day_link(s: &str) -> Markup {
    match params::date_of(s) {
        Some(d) => html! { a href={"/day/" (d)} { time datetime=(s) { (d) } } },
        None => html! { (s) },
    }
}

fn outlet_link(o: &str) -> Markup {
    html! { a href={"/outlet/" (seg(o))} { (o) } }
}

fn story_line(s: &StorySummary) -> Markup {
    html! {
        li.story {
            a.title href={"/story/" (s.id)} { (s.title) }
            p.meta {
                (s.articles) " article" @if s.articles != 1 { "s" }
                @if s.copies > 0 { " + " (s.copies) " cop" @if s.copies == 1 { "y" } @else { "ies" } }
                @if !s.outlets.is_empty() {
                    " · " (s.outlets.len()) " outlet" @if s.outlets.len() != 1 { "s" } ": "
                    @for (i, o) in s.outlets.iter().take(5).enumerate() {
                        @if i > 0 { ", " }
                        (outlet_link(o))
                    }
                    @if s.outlets.len() > 5 { "…" }
                }
                @if !s.languages.is_empty() {
                    " · " span.langs { (s.languages.join(" ")) }
                }
                @if let Some(l) = &s.last { " · " (day_link(l)) }
            }
        }
    }
}

fn article_line(a: &ArticleRef) -> Markup {
    html! {
        li.article {
            a href={"/article/" (a.id)} { (a.title.as_deref().unwrap_or("(no title)")) }
            span.meta {
                @if let Some(o) = &a.outlet { " · " (outlet_link(o)) }
                @if let Some(l) = &a.language { " · " span lang=(l) { (l) } }
                @if let Some(p) = &a.published { " · " (day_link(p)) }
                @if let Some(s) = a.story { " · " a href={"/story/" (s)} { "story" } }
            }
        }
    }
}

// ---------------------------------------------------------------- home

pub async fn home(
    State(state): State<Shared>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Response {
    let parsed = Query::parse(raw.as_deref()).and_then(|q| {
        Ok((
            q.lang()?,
            q.number("page", 1, 10_000)?.max(1),
            q.outlet()?,
            q.since()?,
        ))
    });
    let (lang, page, outlet, since) = match parsed {
        Ok(x) => x,
        Err(e) => return error_page(e),
    };
    let key = raw.unwrap_or_default();
    kept(
        read(&state, move |a, st| {
            let build = || -> Result<Page, Error> {
                let filter = StoryFilter {
                    since: since.map(day_start),
                    language: lang.clone(),
                    outlet: outlet.clone(),
                    limit: PER_PAGE + 1,
                    offset: (page - 1) * PER_PAGE,
                };
                let mut stories = a.stories(&filter)?;
                let more = stories.len() > PER_PAGE;
                stories.truncate(PER_PAGE);
                let trends = a.trends(now(), 5)?;
                let facets = st.facets();
                let query = |p: usize| {
                    let mut q = vec![format!("page={p}")];
                    if let Some(l) = &lang {
                        q.push(format!("lang={}", qv(l)));
                    }
                    if let Some(o) = &outlet {
                        q.push(format!("outlet={}", qv(o)));
                    }
                    format!("/?{}", q.join("&"))
                };
                let body = html! {
                    h1 { "Latest stories" @if let Some(l) = &lang { " in " span lang=(l) { (l) } } }
                    nav.filters aria-label="Languages" {
                        ul {
                            li { a href="/" aria-current=[lang.is_none().then_some("page")] { "All languages" } }
                            @for (l, n) in &facets.languages {
                                li { a href={"/?lang=" (qv(l))} aria-current=[(lang.as_deref() == Some(l.as_str())).then_some("page")] { span lang=(l) { (l) } " (" (n) ")" } }
                            }
                        }
                    }
                    @if !trends.stories.is_empty() && page == 1 {
                        section aria-labelledby="trending" {
                            h2 id="trending" { "Trending in the last 24 hours" }
                            @if let Some(t) = &trends.now { p.note { "Up to " (short_date(t)) " (the archive's newest article)." } }
                            ol.stories {
                                @for t in &trends.stories {
                                    (story_line(&t.story))
                                }
                            }
                        }
                    }
                    section aria-labelledby="latest" {
                        h2 id="latest" { "Stories" }
                        @if stories.is_empty() {
                            p { "No stories yet." }
                        } @else {
                            ol.stories { @for s in &stories { (story_line(s)) } }
                        }
                        nav.pages aria-label="Pages" {
                            @if page > 1 { a rel="prev" href=(query(page - 1)) { "Newer stories" } " " }
                            @if more { a rel="next" href=(query(page + 1)) { "Older stories" } }
                        }
                    }
                };
                Ok(Page {
                    title: "Latest stories".into(),
                    feeds: vec![FeedLink::new("Latest stories", "/feeds/stories")],
                    jsonld: None,
                    body,
                })
            };
            st.home.get_or_build(key, || {
                build().map(|p| Arc::new(KeptPage::new(layout(p).into_string())))
            })
        })
        .await,
        &headers,
    )
}

// ---------------------------------------------------------------- story

fn quote_block(q: &QuoteRef, show_speaker: bool) -> Markup {
    html! {
        li {
            blockquote { p { (q.text) } }
            p.meta {
                @if show_speaker { (q.speaker) " · " }
                @if let Some(c) = &q.cue { (c) " · " }
                a href={"/article/" (q.article)} { (q.outlet.as_deref().unwrap_or("article")) }
                @if let Some(p) = &q.published { " · " (day_link(p)) }
            }
        }
    }
}

fn ledger_table(page: &StoryPage) -> Markup {
    html! {
        @for (i, line) in page.ledger.iter().enumerate() {
            section.ledger-line aria-labelledby={"ledger-" (i)} {
                h3 id={"ledger-" (i)} { (line.counts) @if let Some(u) = &line.unit { " (" (u) ")" } }
                @for f in &line.flags { p.flag { (f) } }
                @if let Some(chart) = svg::ledger_line(line) { (chart) }
                table.ledger {
                    caption.sr { "Figures for " (line.counts) }
                    thead { tr { th scope="col" { "Date" } th scope="col" { "Figure" } th scope="col" { "Value" } th scope="col" { "Claimed by" } th scope="col" { "Outlet" } } }
                    tbody {
                        @for e in &line.entries {
                            tr {
                                td { @if let Some(p) = &e.published { (day_link(p)) } @else { "undated" } }
                                td { (e.text) @if let Some(h) = &e.hedge { " " span.hedge { "(" (h) ")" } } }
                                td.num {
                                    @if let Some(v) = e.value { (svg::number(v)) }
                                    @else if let (Some(a), Some(b)) = (e.min, e.max) { (svg::number(a)) "–" (svg::number(b)) }
                                }
                                td { @if let Some(c) = &e.claimant { (c.name) } }
                                td { a href={"/article/" (e.article)} { (e.outlet.as_deref().unwrap_or("article")) } }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Copies listed under one original on a story page; the rest are counted (a wire story
/// can have thousands: all of them are in the story's JSON).
const COPIES_SHOWN: usize = 50;

fn story_articles(story: u32, articles: &[StoryArticle]) -> Markup {
    let originals: Vec<&StoryArticle> = articles.iter().filter(|a| a.copy_of.is_none()).collect();
    let mut copies: HashMap<i64, Vec<&StoryArticle>> = HashMap::new();
    for a in articles.iter().filter(|a| a.copy_of.is_some()) {
        if let Some(of) = a.copy_of {
            copies.entry(of).or_default().push(a);
        }
    }
    let mut by_outlet: BTreeMap<&str, Vec<&StoryArticle>> = BTreeMap::new();
    for a in &originals {
        by_outlet
            .entry(a.article.outlet.as_deref().unwrap_or("unknown outlet"))
            .or_default()
            .push(a);
    }
    let orphans: Vec<&StoryArticle> = articles
        .iter()
        .filter(|a| {
            a.copy_of
                .is_some_and(|of| !originals.iter().any(|o| o.article.id == of))
        })
        .collect();
    html! {
        @for (outlet, list) in &by_outlet {
            h3 { (outlet_link(outlet)) " " span.count { "(" (list.len()) ")" } }
            ul.articles {
                @for a in list {
                    li {
                        a href={"/article/" (a.article.id)} { (a.article.title.as_deref().unwrap_or("(no title)")) }
                        span.meta {
                            @if let Some(l) = &a.article.language { " · " span lang=(l) { (l) } }
                            @if let Some(p) = &a.article.published { " · " (day_link(p)) }
                            @if let Some(o) = &a.original_outlet { " · republishes " (o) }
                        }
                        @if let Some(cs) = copies.get(&a.article.id) {
                            details.copies {
                                summary { (cs.len()) " cop" @if cs.len() == 1 { "y" } @else { "ies" } " of this article" }
                                (copy_list(story, cs))
                            }
                        }
                    }
                }
            }
        }
        @if !orphans.is_empty() {
            details.copies {
                summary { (orphans.len()) " other copies" }
                (copy_list(story, &orphans))
            }
        }
    }
}

fn copy_list(story: u32, copies: &[&StoryArticle]) -> Markup {
    html! {
        ul { @for c in copies.iter().take(COPIES_SHOWN) { (copy_line(c)) } }
        @if copies.len() > COPIES_SHOWN {
            p.more {
                "… and " (copies.len() - COPIES_SHOWN) " more, all listed in "
                a href={"/api/stories/" (story)} { "the story's JSON" } "."
            }
        }
    }
}

fn copy_line(c: &StoryArticle) -> Markup {
    html! {
        li {
            a href={"/article/" (c.article.id)} { (c.article.title.as_deref().unwrap_or("(no title)")) }
            span.meta {
                @if let Some(o) = &c.article.outlet { " · " (outlet_link(o)) }
                @if let Some(l) = &c.article.language { " · " span lang=(l) { (l) } }
                @if let Some(k) = &c.copy {
                    " · " (format!("{:?}", k.kind).to_lowercase()) " " (format!("{:.0}%", k.similarity * 100.0))
                    @if !k.figures_differ.is_empty() { " · figures differ: " (k.figures_differ.join(", ")) }
                }
            }
        }
    }
}

pub async fn story(
    State(state): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let id = match params::story_id(&id) {
        Ok(id) => id,
        Err(e) => return error_page(e),
    };
    let base = base(&headers);
    let html = read(&state, move |a, st| {
        let key = (a.index().resolve(id), base);
        let base = key.1.clone();
        st.html.get_or_build(key, || {
            let page = st
                .story(a, id)?
                .ok_or_else(|| Error::NotFound(format!("Story {id} does not exist.")))?;
            Ok(Arc::new(KeptPage::new(
                layout(story_page(&page, &base)).into_string(),
            )))
        })
    })
    .await;
    kept(html, &headers)
}

/// A kept page as a response (compressed once when the client accepts it), without
/// copying it.
fn kept(r: Result<Arc<KeptPage>, Error>, request: &HeaderMap) -> Response {
    match r {
        Ok(page) => page.response(request),
        Err(e) => error_page(e),
    }
}

fn story_page(page: &StoryPage, base: &str) -> Page {
    let s = &page.summary;
    let colours = svg::outlet_colours(&page.timeline);
    let body = html! {
        article.story {
            header {
                h1 { (s.title) }
                p.meta {
                    (s.articles) " articles"
                    @if s.copies > 0 { ", " (s.copies) " copies" }
                    " from " (s.outlets.len()) " outlets"
                    @if let (Some(f), Some(l)) = (&s.first, &s.last) { " · " (day_link(f)) " – " (day_link(l)) }
                }
                @if !s.languages.is_empty() {
                    p.meta { "Languages: " @for (i, l) in s.languages.iter().enumerate() { @if i > 0 { ", " } span lang=(l) { (l) } } }
                }
                @if !s.labels.is_empty() { p.labels { "About: " (s.labels.join(", ")) } }
            }
            @if !page.highlights.is_empty() {
                section aria-labelledby="highlights" {
                    h2 id="highlights" { "Highlights" }
                    ul.highlights {
                        @for h in &page.highlights {
                            li { (h.text) " " a href={"/article/" (h.article)} { "(" (h.outlet.as_deref().unwrap_or("article")) ")" } }
                        }
                    }
                }
            }
            @if let Some(chart) = svg::timeline(&page.timeline) {
                section aria-labelledby="timeline" {
                    h2 id="timeline" { "Coverage" }
                    figure {
                        (chart)
                        figcaption {
                            ul.legend {
                                @for (o, c) in &colours {
                                    li {
                                        svg width="12" height="12" aria-hidden="true" { rect width="12" height="12" fill=(c) {} }
                                        " " (o)
                                    }
                                }
                            }
                        }
                    }
                }
            }
            @if !page.ledger.is_empty() {
                section aria-labelledby="ledger" {
                    h2 id="ledger" { "Figures" }
                    (ledger_table(page))
                }
            }
            @if !page.quotes.is_empty() {
                section aria-labelledby="quotes" {
                    h2 id="quotes" { "Who said what" }
                    @for sp in &page.quotes {
                        h3 {
                            @if sp.named { a href={"/entity/" (seg(&sp.speaker))} { (sp.speaker) } } @else { (sp.speaker) }
                        }
                        ul.quotes { @for q in &sp.quotes { (quote_block(q, false)) } }
                    }
                }
            }
            section aria-labelledby="outlets" {
                h2 id="outlets" { "Articles by outlet" }
                (story_articles(page.summary.id, &page.articles))
            }
            @if !page.entities.is_empty() {
                section aria-labelledby="entities" {
                    h2 id="entities" { "People, organisations, places" }
                    ul.entities {
                        @for e in page.entities.iter().take(30) {
                            li { a href={"/entity/" (seg(&e.name))} { (e.name) } " " span.meta { "(" (e.kind) ", " (e.articles) ")" } }
                        }
                    }
                }
            }
            @if !page.related.is_empty() {
                section aria-labelledby="related" {
                    h2 id="related" { "Related stories" }
                    ul.stories {
                        @for r in &page.related {
                            li {
                                a href={"/story/" (r.story.id)} { (r.story.title) }
                                @if !r.shared.is_empty() { span.meta { " · shares: " (r.shared.join(", ")) } }
                            }
                        }
                    }
                }
            }
        }
    };
    Page {
        title: s.title.clone(),
        feeds: vec![
            FeedLink::new(
                format!("Story: {}", s.title),
                format!("/feeds/story/{}", s.id),
            ),
            FeedLink::new("Latest stories", "/feeds/stories"),
        ],
        jsonld: Some(jsonld::story(page, base)),
        body,
    }
}

// ---------------------------------------------------------------- article

/// Bits of a marked run: a claim, a quote.
const CLAIM: u8 = 1;
const QUOTE: u8 = 2;

/// The text's paragraphs (split at blank lines) as runs of code points with the marks
/// that cover them. Spans are code-point offsets into `text`; out-of-range ones are cut.
pub(crate) fn marked(text: &str, spans: &[(usize, usize, u8)]) -> Vec<Vec<(String, u8)>> {
    let chars: Vec<char> = text.chars().collect();
    let mut bits = vec![0u8; chars.len()];
    for &(s, e, b) in spans {
        let e = e.min(chars.len());
        for x in bits.iter_mut().take(e).skip(s) {
            *x |= b;
        }
    }
    let mut paragraphs: Vec<Vec<(String, u8)>> = Vec::new();
    let mut runs: Vec<(String, u8)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '\n' && chars.get(i + 1) == Some(&'\n') {
            if !runs.is_empty() {
                paragraphs.push(std::mem::take(&mut runs));
            }
            while chars.get(i) == Some(&'\n') {
                i += 1;
            }
            continue;
        }
        match runs.last_mut() {
            Some((s, b)) if *b == bits[i] => s.push(chars[i]),
            _ => runs.push((chars[i].to_string(), bits[i])),
        }
        i += 1;
    }
    if !runs.is_empty() {
        paragraphs.push(runs);
    }
    paragraphs
}

pub async fn article(
    State(state): State<Shared>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    let id = match params::article_id(&id) {
        Ok(id) => id,
        Err(e) => return error_page(e),
    };
    let base = base(&headers);
    respond(
        read(&state, move |a, _| {
            let page = a
                .article(id)?
                .ok_or_else(|| Error::NotFound(format!("Article {id} does not exist.")))?;
            Ok(article_page(&page, &base))
        })
        .await,
    )
}

fn article_page(page: &ArticlePage, base: &str) -> Page {
    let an = &page.annotated;
    let a = &an.article;
    let title = a.title.clone().unwrap_or_else(|| "(no title)".into());
    let mut spans: Vec<(usize, usize, u8)> =
        an.claims.iter().map(|c| (c.start, c.end, CLAIM)).collect();
    spans.extend(an.quotes.iter().map(|q| (q.start, q.end, QUOTE)));
    let paragraphs = marked(&a.text, &spans);
    let source = a.url.as_deref().and_then(safe_url);
    let body = html! {
        article.article lang=[a.language.as_deref()] {
            header {
                h1 { (title) }
                @if let Some(t) = &a.teaser { p.teaser { (t) } }
                dl.meta {
                    @if !a.authors.is_empty() { dt { "By" } dd { (a.authors.join(", ")) } }
                    @if let Some(o) = &a.outlet { dt { "Outlet" } dd { (outlet_link(o)) } }
                    @if let Some(o) = &a.original_outlet { dt { "Original outlet" } dd { (o) } }
                    @if let Some(p) = &a.published { dt { "Published" } dd { (day_link(p)) } }
                    @if let Some(m) = &a.modified { dt { "Modified" } dd { (short_date(m)) } }
                    @if let Some(l) = &a.language { dt { "Language" } dd { (l) } }
                    @if let Some(s) = &page.story { dt { "Story" } dd { a href={"/story/" (s.id)} { (s.title) } } }
                    @if let Some(c) = &page.copy_of {
                        dt { "Copy of" }
                        dd {
                            a href={"/article/" (c.id)} { (c.title.as_deref().unwrap_or("(no title)")) }
                            @if let Some(o) = &c.outlet { " (" (o) ")" }
                        }
                    }
                    @if let Some(u) = &source {
                        dt { "Source" }
                        dd { a href=(u) rel="noopener noreferrer nofollow" { (u) } }
                    }
                }
            }
            @if !an.claims.is_empty() || !an.quotes.is_empty() {
                p.legend { "In the text: " mark.claim { "figures" } " and " mark.quote { "quotes" } "." }
            }
            section.text aria-label="Text" {
                @for para in &paragraphs {
                    p {
                        @for (run, bits) in para {
                            @match *bits {
                                0 => { (run) }
                                CLAIM => { mark.claim { (run) } }
                                QUOTE => { mark.quote { (run) } }
                                _ => { mark.claim.quote { (run) } }
                            }
                        }
                    }
                }
            }
        }
        @if !an.claims.is_empty() {
            section aria-labelledby="claims" {
                h2 id="claims" { "Figures" }
                table.ledger {
                    thead { tr { th scope="col" { "Figure" } th scope="col" { "Counts" } th scope="col" { "Value" } th scope="col" { "Claimed by" } } }
                    tbody {
                        @for c in &an.claims {
                            tr {
                                td { (c.text) @if let Some(h) = &c.hedge { " " span.hedge { "(" (h) ")" } } }
                                td { (c.counts.as_deref().unwrap_or("")) @if let Some(u) = &c.unit { " (" (u) ")" } }
                                td.num { @if let Some(v) = c.value { (svg::number(v)) } @else if let (Some(x), Some(y)) = (c.min, c.max) { (svg::number(x)) "–" (svg::number(y)) } }
                                td { @if let Some(w) = &c.claimant { (w.name) } }
                            }
                        }
                    }
                }
            }
        }
        @if !an.quotes.is_empty() {
            section aria-labelledby="quotes" {
                h2 id="quotes" { "Quotes" }
                ul.quotes {
                    @for q in &an.quotes {
                        li {
                            blockquote { p { (q.text) } }
                            p.meta {
                                @if let Some(s) = &q.speaker {
                                    @if s.entity.is_some() { a href={"/entity/" (seg(&s.name))} { (s.name) } } @else { (s.name) }
                                } @else { "unattributed" }
                                @if let Some(c) = &q.cue { " · " (c.text) }
                            }
                        }
                    }
                }
            }
        }
        @if !page.copies.is_empty() {
            section aria-labelledby="copies" {
                h2 id="copies" { "Copies of this article" }
                ul.articles { @for c in &page.copies { (article_line(c)) } }
            }
        }
        section aria-labelledby="versions" {
            h2 id="versions" { "Versions" }
            table {
                thead { tr { th scope="col" { "Version" } th scope="col" { "Ingested" } th scope="col" { "Title" } } }
                tbody {
                    @for v in &page.versions {
                        tr { td.num { (v.version) } td { (v.ingested_at) } td { (v.title.as_deref().unwrap_or("")) } }
                    }
                }
            }
        }
    };
    let mut feeds = Vec::new();
    if let Some(s) = &page.story {
        feeds.push(FeedLink::new(
            format!("Story: {}", s.title),
            format!("/feeds/story/{}", s.id),
        ));
    }
    if let Some(o) = &a.outlet {
        feeds.push(FeedLink::new(
            format!("Outlet: {o}"),
            format!("/feeds/outlet/{}", seg(o)),
        ));
    }
    Page {
        title,
        feeds,
        jsonld: Some(jsonld::article(page, base)),
        body,
    }
}

// ---------------------------------------------------------------- day, outlet, entity

pub async fn day(State(state): State<Shared>, Path(day): Path<String>) -> Response {
    let d = match params::day(&day) {
        Ok(d) => d.to_string(),
        Err(e) => return error_page(e),
    };
    respond(
        read(&state, move |a, _| {
            let page = a
                .day(&d)?
                .ok_or_else(|| Error::BadRequest(format!("{d:?} is not a date (YYYY-MM-DD)")))?;
            let body = html! {
                h1 { "Stories of " time datetime=(page.day) { (page.day) } }
                nav.pages aria-label="Days" {
                    @if let Some(p) = &page.previous { a rel="prev" href={"/day/" (p)} { "← " (p) } " " }
                    @if let Some(n) = &page.next { a rel="next" href={"/day/" (n)} { (n) " →" } }
                }
                @if page.stories.is_empty() { p { "No articles on this day." } }
                @for ds in &page.stories {
                    section.day-story {
                        h2 { a href={"/story/" (ds.story.id)} { (ds.story.title) } }
                        ul.articles {
                            @for art in &ds.articles {
                                (article_line(&art.article))
                            }
                        }
                    }
                }
            };
            Ok(Page {
                title: format!("Stories of {}", page.day),
                feeds: vec![FeedLink::new("Latest stories", "/feeds/stories")],
                jsonld: None,
                body,
            })
        })
        .await,
    )
}

pub async fn outlet(State(state): State<Shared>, Path(name): Path<String>) -> Response {
    let name = match params::name(&name) {
        Ok(n) => n,
        Err(e) => return error_page(e),
    };
    respond(
        read(&state, move |a, _| {
            let page = a
                .outlet(&name, 50)?
                .ok_or_else(|| Error::NotFound(format!("No article comes from {name:?}.")))?;
            let body = html! {
                h1 { (page.outlet) }
                p.meta { (page.articles) " articles" @if !page.languages.is_empty() { " · " (page.languages.join(", ")) } }
                section aria-labelledby="o-stories" {
                    h2 id="o-stories" { "Stories" }
                    ol.stories { @for s in &page.stories { (story_line(s)) } }
                }
                section aria-labelledby="o-recent" {
                    h2 id="o-recent" { "Latest articles" }
                    ul.articles { @for r in &page.recent { (article_line(r)) } }
                }
            };
            Ok(Page {
                title: page.outlet.clone(),
                feeds: vec![FeedLink::new(format!("Outlet: {}", page.outlet), format!("/feeds/outlet/{}", seg(&page.outlet)))],
                jsonld: None,
                body,
            })
        })
        .await,
    )
}

pub async fn entity(State(state): State<Shared>, Path(name): Path<String>) -> Response {
    let name = match params::name(&name) {
        Ok(n) => n,
        Err(e) => return error_page(e),
    };
    respond(
        read(&state, move |a, _| {
            let page = a
                .entity(&name, 50)?
                .ok_or_else(|| Error::NotFound(format!("No article names {name:?}.")))?;
            let body = html! {
                h1 { (page.name) }
                @if let Some(k) = &page.kind { p.meta { (k) } }
                @if !page.quotes.is_empty() {
                    section aria-labelledby="e-quotes" {
                        h2 id="e-quotes" { "Quotes" }
                        ul.quotes { @for q in &page.quotes { (quote_block(q, false)) } }
                    }
                }
                section aria-labelledby="e-stories" {
                    h2 id="e-stories" { "Stories" }
                    ol.stories { @for s in &page.stories { (story_line(s)) } }
                }
                section aria-labelledby="e-articles" {
                    h2 id="e-articles" { "Articles" }
                    ul.articles { @for r in &page.articles { (article_line(r)) } }
                }
            };
            Ok(Page {
                title: page.name.clone(),
                feeds: vec![FeedLink::new(
                    format!("Entity: {}", page.name),
                    format!("/feeds/entity/{}", seg(&page.name)),
                )],
                jsonld: None,
                body,
            })
        })
        .await,
    )
}

// ---------------------------------------------------------------- search

pub async fn search(
    State(state): State<Shared>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Response {
    let parsed = Query::parse(raw.as_deref()).and_then(|q| {
        let sq = api::search_query(&q, 30)?;
        Ok((
            sq,
            q.get("lang").map(str::to_string),
            q.get("outlet").map(str::to_string),
            q.get("since").map(str::to_string),
        ))
    });
    let (sq, lang, outlet, since) = match parsed {
        Ok(x) => x,
        Err(e) => return error_page(e),
    };
    let key = raw.unwrap_or_default();
    kept(
        read(&state, move |a, st| {
            let build = || -> Result<Page, Error> {
                let results = match &sq {
                    Some(q) => Some(st.search(a, q)?),
                    None => None,
                };
                let facets = st.facets();
                let text = sq.as_ref().map(|q| q.text.clone()).unwrap_or_default();
                let mut feed = FeedLink::new(format!("Search: {text}"), "/feeds/search");
                feed.query = format!("q={}", qv(&text));
                for (k, v) in [("lang", &lang), ("outlet", &outlet), ("since", &since)] {
                    if let Some(v) = v {
                        feed.query.push_str(&format!("&{k}={}", qv(v)));
                    }
                }
                let body = html! {
                    h1 { "Search" }
                    form.filters role="search" action="/search" method="get" {
                        p {
                            label for="q" { "Words" } " "
                            input id="q" type="search" name="q" value=(text) maxlength="256" required;
                        }
                        p {
                            label for="lang" { "Language" } " "
                            select id="lang" name="lang" {
                                option value="" { "any" }
                                @for (l, _) in &facets.languages {
                                    option value=(l) selected[lang.as_deref() == Some(l.as_str())] { (l) }
                                }
                            }
                            " "
                            label for="outlet" { "Outlet" } " "
                            select id="outlet" name="outlet" {
                                option value="" { "any" }
                                @for (o, _) in facets.outlets.iter().take(200) {
                                    option value=(o) selected[outlet.as_deref().is_some_and(|x| x.eq_ignore_ascii_case(o))] { (o) }
                                }
                            }
                            " "
                            label for="since" { "Since" } " "
                            input id="since" type="date" name="since" value=[since.as_deref()];
                            " "
                            button type="submit" { "Search" }
                        }
                    }
                    @if let Some(r) = &results {
                        p.meta role="status" { @if r.total_estimated { "About " } (thousands(r.total as u64)) " article" @if r.total != 1 { "s" } " match " q { (r.query) } }
                        ol.hits {
                            @for h in &r.hits {
                                li {
                                    a href={"/article/" (h.hit.id)} { (h.hit.title.as_deref().unwrap_or("(no title)")) }
                                    p.meta {
                                        @if let Some(o) = &h.hit.outlet { (outlet_link(o)) }
                                        @if let Some(l) = &h.hit.language { " · " (l) }
                                        @if let Some(p) = &h.hit.published { " · " (day_link(p)) }
                                        @if let Some(s) = h.story { " · " a href={"/story/" (s)} { "story" } }
                                    }
                                    p.snippet { (snippet(&h.hit.snippet, &h.hit.highlights)) }
                                }
                            }
                        }
                    }
                };
                Ok(Page {
                    title: if text.is_empty() { "Search".into() } else { format!("Search: {text}") },
                    feeds: if text.is_empty() { vec![FeedLink::new("Latest stories", "/feeds/stories")] } else { vec![feed] },
                    jsonld: None,
                    body,
                })
            };
            st.search_pages.get_or_build(key, || {
                build().map(|p| Arc::new(KeptPage::new(layout(p).into_string())))
            })
        })
        .await,
        &headers,
    )
}

/// A snippet with its highlighted words in `<mark>`.
fn snippet(text: &str, highlights: &[[usize; 2]]) -> Markup {
    let spans: Vec<(usize, usize, u8)> = highlights.iter().map(|h| (h[0], h[1], 1)).collect();
    let paragraphs = marked(text, &spans);
    html! {
        @for (i, para) in paragraphs.iter().enumerate() {
            @if i > 0 { " … " }
            @for (run, b) in para {
                @if *b == 0 { (run) } @else { mark { (run) } }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use storyline_stories::views::ArticleRef;

    fn copy(id: i64) -> StoryArticle {
        StoryArticle {
            article: ArticleRef {
                id,
                url: None,
                title: Some(format!("Copy {id}")),
                outlet: Some("The Wire".into()),
                language: Some("en".into()),
                published: None,
                story: Some(4),
            },
            copy_of: Some(1),
            copy: None,
            original_outlet: None,
        }
    }

    #[test]
    fn a_long_list_of_copies_is_cut_and_counted() {
        let copies: Vec<StoryArticle> = (2..2 + COPIES_SHOWN as i64 + 10).map(copy).collect();
        let refs: Vec<&StoryArticle> = copies.iter().collect();
        let html = copy_list(4, &refs).into_string();
        assert_eq!(html.matches("<li>").count(), COPIES_SHOWN);
        assert!(html.contains("… and 10 more"), "{html}");
        assert!(html.contains(r#"href="/api/stories/4""#), "{html}");
        let few = copy_list(4, &refs[..3]).into_string();
        assert_eq!(few.matches("<li>").count(), 3);
        assert!(!few.contains("more"), "{few}");
    }
}
