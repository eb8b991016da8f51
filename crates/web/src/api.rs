//! The JSON API under `/api/`: the archive's view types as JSON, errors as
//! `{"error": "..."}` with the status. Documented in `openapi.json`.

use axum::extract::{Path, RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::json;
use storyline_store::SearchQuery;
use storyline_stories::StoryFilter;

use crate::params::{self, Query, day_start, now};
use crate::{Error, Shared, read};

/// The OpenAPI 3.1 document.
pub const OPENAPI: &str = include_str!("openapi.json");

/// Most stories or hits in one answer.
pub const MAX_LIMIT: usize = 100;

fn ok<T: Serialize>(v: &T) -> Response {
    match serde_json::to_string(v) {
        Ok(body) => ([(header::CONTENT_TYPE, "application/json")], body).into_response(),
        Err(e) => error(Error::Internal(e.to_string())),
    }
}

pub fn error(e: Error) -> Response {
    (
        e.status(),
        [(header::CONTENT_TYPE, "application/json")],
        json!({"error": e.message()}).to_string(),
    )
        .into_response()
}

fn answer<T: Serialize>(r: Result<T, Error>) -> Response {
    match r {
        Ok(v) => ok(&v),
        Err(e) => error(e),
    }
}

#[derive(Serialize)]
struct StoryList {
    stories: Vec<storyline_stories::views::StorySummary>,
    limit: usize,
    offset: usize,
}

/// A story filter from `lang`, `since`, `outlet`, `limit`, `offset`.
pub fn filter(q: &Query, default_limit: usize) -> Result<StoryFilter, Error> {
    Ok(StoryFilter {
        since: q.since()?.map(day_start),
        language: q.lang()?,
        outlet: q.outlet()?,
        limit: q.number("limit", default_limit, MAX_LIMIT)?.max(1),
        offset: q.number("offset", 0, 1_000_000)?,
    })
}

pub async fn stories(State(s): State<Shared>, RawQuery(raw): RawQuery) -> Response {
    let f = match Query::parse(raw.as_deref()).and_then(|q| filter(&q, 20)) {
        Ok(f) => f,
        Err(e) => return error(e),
    };
    answer(
        read(&s, move |a, _| {
            Ok(StoryList {
                stories: a.stories(&f)?,
                limit: f.limit,
                offset: f.offset,
            })
        })
        .await,
    )
}

pub async fn story(State(s): State<Shared>, Path(id): Path<String>) -> Response {
    let id = match params::story_id(&id) {
        Ok(id) => id,
        Err(e) => return error(e),
    };
    let page = read(&s, move |a, st| {
        st.story(a, id)?
            .ok_or_else(|| Error::NotFound(format!("story {id}: no such story")))
    })
    .await;
    match page {
        Ok(page) => ok(&*page),
        Err(e) => error(e),
    }
}

pub async fn article(State(s): State<Shared>, Path(id): Path<String>) -> Response {
    let id = match params::article_id(&id) {
        Ok(id) => id,
        Err(e) => return error(e),
    };
    answer(
        read(&s, move |a, _| {
            a.article(id)?
                .ok_or_else(|| Error::NotFound(format!("article {id}: no such article")))
        })
        .await,
    )
}

pub async fn entity(State(s): State<Shared>, Path(name): Path<String>) -> Response {
    let name = match params::name(&name) {
        Ok(n) => n,
        Err(e) => return error(e),
    };
    answer(
        read(&s, move |a, _| {
            a.entity(&name, 50)?
                .ok_or_else(|| Error::NotFound(format!("{name:?}: no article names it")))
        })
        .await,
    )
}

pub async fn outlet(State(s): State<Shared>, Path(name): Path<String>) -> Response {
    let name = match params::name(&name) {
        Ok(n) => n,
        Err(e) => return error(e),
    };
    answer(
        read(&s, move |a, _| {
            a.outlet(&name, 50)?
                .ok_or_else(|| Error::NotFound(format!("{name:?}: no such outlet")))
        })
        .await,
    )
}

pub async fn claims(State(s): State<Shared>, RawQuery(raw): RawQuery) -> Response {
    let id = match Query::parse(raw.as_deref()).and_then(|q| {
        let id = q
            .get("story")
            .ok_or_else(|| Error::BadRequest("story: the story id is missing".into()))?;
        params::story_id(id)
    }) {
        Ok(id) => id,
        Err(e) => return error(e),
    };
    answer(
        read(&s, move |a, st| {
            let page = st
                .story(a, id)?
                .ok_or_else(|| Error::NotFound(format!("story {id}: no such story")))?;
            Ok(json!({"story": page.summary.id, "ledger": page.ledger}))
        })
        .await,
    )
}

/// A search query from `q`, `lang`, `outlet`, `since`, `limit`.
pub fn search_query(q: &Query, limit: usize) -> Result<Option<SearchQuery>, Error> {
    let text = q.text("q")?;
    let lang = q.lang()?;
    let outlet = q.outlet()?;
    let since = q.since()?;
    let limit = q.number("limit", limit, MAX_LIMIT)?.max(1);
    Ok(text.map(|text| SearchQuery {
        text,
        lang,
        outlet,
        since: since.map(|d| d.to_string()),
        limit,
    }))
}

pub async fn search(State(s): State<Shared>, RawQuery(raw): RawQuery) -> Response {
    let q = match Query::parse(raw.as_deref()).and_then(|q| search_query(&q, 20)) {
        Ok(Some(q)) => q,
        Ok(None) => return error(Error::BadRequest("q: the search words are missing".into())),
        Err(e) => return error(e),
    };
    match read(&s, move |a, st| st.search(a, &q)).await {
        Ok(r) => ok(&*r),
        Err(e) => error(e),
    }
}

pub async fn day(State(s): State<Shared>, Path(day): Path<String>) -> Response {
    let d = match params::day(&day) {
        Ok(d) => d.to_string(),
        Err(e) => return error(e),
    };
    answer(
        read(&s, move |a, _| {
            a.day(&d)?
                .ok_or_else(|| Error::BadRequest(format!("{d:?} is not a date (YYYY-MM-DD)")))
        })
        .await,
    )
}

pub async fn trends(State(s): State<Shared>, RawQuery(raw): RawQuery) -> Response {
    let n = match Query::parse(raw.as_deref()).and_then(|q| q.number("n", 10, MAX_LIMIT)) {
        Ok(n) => n.max(1),
        Err(e) => return error(e),
    };
    answer(read(&s, move |a, _| Ok(a.trends(now(), n)?)).await)
}

pub async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI).into_response()
}

pub async fn not_found() -> Response {
    error(Error::NotFound(
        "no such API route (see /api/openapi.json)".into(),
    ))
}
