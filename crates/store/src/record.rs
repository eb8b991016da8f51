//! What ingest hands the writer: an annotated article made ready to store (identity,
//! content hash, JSON) and to index. Built in parallel, pure; only the writer does I/O.

use serde::Deserialize;
use storyline_analyse::AnnotatedArticle;
use storyline_core::Article;

use crate::identity;

/// One annotated article, ready to be written.
#[derive(Debug, Clone)]
pub struct Record {
    /// `url:…`, `id:…` or `text:…` (see [`identity::identity`]).
    pub identity: String,
    /// The normalised URL the identity was made of, or the page's URL.
    pub url: Option<String>,
    pub content_hash: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub language: Option<String>,
    pub published: Option<String>,
    /// The publication day (`YYYY-MM-DD`), when the article states one.
    pub day: Option<String>,
    /// Where the page came from (path, `-`, URL; `FILE:LINE` for JSON Lines).
    pub input: Option<String>,
    /// The annotated article as JSON (`docs/json.md`).
    pub json: String,
    pub index: IndexDoc,
}

/// What the full-text index holds of an article.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct IndexDoc {
    pub title: Option<String>,
    pub teaser: Option<String>,
    pub text: String,
    pub language: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<String>,
    /// Canonical entity names. (Quotes are spans of the text, indexed with it.)
    #[serde(deserialize_with = "names")]
    pub entities: Vec<String>,
}

fn names<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    struct Named {
        #[serde(default)]
        name: String,
    }
    Ok(Vec::<Named>::deserialize(d)?
        .into_iter()
        .map(|n| n.name)
        .collect())
}

impl IndexDoc {
    /// The index fields of a stored annotated article's JSON.
    pub fn from_json(json: &str) -> Result<IndexDoc, serde_json::Error> {
        serde_json::from_str(json)
    }

    /// The index fields of an annotated article.
    pub fn from_annotated(a: &AnnotatedArticle) -> IndexDoc {
        IndexDoc {
            title: a.article.title.clone(),
            teaser: a.article.teaser.clone(),
            text: a.article.text.clone(),
            language: a.article.language.clone(),
            outlet: a.article.outlet.clone(),
            published: a.article.published.clone(),
            entities: a.entities.iter().map(|e| e.name.clone()).collect(),
        }
    }
}

impl Record {
    /// Prepares an annotated article; `id` is a JSON Lines record's own id, if any.
    pub fn new(a: &AnnotatedArticle, id: Option<&str>) -> Result<Record, String> {
        let art = &a.article;
        let identity = identity::identity(
            art.canonical_url.as_deref(),
            art.url.as_deref(),
            id,
            &art.text,
        );
        let url = identity
            .strip_prefix("url:")
            .map(str::to_string)
            .or_else(|| art.url.clone());
        let json = serde_json::to_string(a).map_err(|e| e.to_string())?;
        Ok(Record {
            content_hash: identity::content_hash(
                art.title.as_deref(),
                art.teaser.as_deref(),
                art.published.as_deref(),
                &art.text,
            ),
            identity,
            url,
            title: art.title.clone(),
            outlet: art.outlet.clone(),
            language: art.language.clone(),
            published: art.published.clone(),
            day: art.published.as_deref().and_then(identity::day_of),
            input: art.input.clone(),
            json,
            index: IndexDoc::from_annotated(a),
        })
    }
}

/// Reads one JSON Lines record of an already-extracted article (the article object of
/// `docs/json.md`): it needs `text` and a `title`, and `url` or `id`; other fields are
/// optional. Without `paragraphs`, the text's blocks between blank lines are the
/// paragraphs. Returns the article and the record's `id`.
pub fn article_from_json(line: &str) -> Result<(Article, Option<String>), String> {
    let value: serde_json::Value =
        serde_json::from_str(line).map_err(|e| format!("bad JSON: {e}"))?;
    let obj = value
        .as_object()
        .ok_or_else(|| "bad record: not a JSON object".to_string())?;
    let id = match obj.get("id") {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let mut article: Article =
        serde_json::from_value(value).map_err(|e| format!("bad record: {e}"))?;
    if article.text.trim().is_empty() {
        return Err("bad record: no `text`".into());
    }
    if article.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
        return Err("bad record: no `title`".into());
    }
    if article.url.is_none() && article.canonical_url.is_none() && id.is_none() {
        return Err("bad record: neither `url` nor `id`".into());
    }
    if article.paragraphs.is_empty() {
        article.paragraphs = article
            .text
            .split("\n\n")
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .collect();
    }
    Ok((article, id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_need_text_title_and_an_address_or_id() {
        let (a, id) = article_from_json(
            r#"{"id": 12, "title": "Dam", "text": "One.\n\nTwo.", "language": "en"}"#,
        )
        .unwrap();
        assert_eq!(id.as_deref(), Some("12"));
        assert_eq!(a.paragraphs, vec!["One.", "Two."]);
        assert_eq!(a.language.as_deref(), Some("en"));
        assert!(article_from_json(r#"{"title": "Dam", "text": "x"}"#).is_err());
        assert!(article_from_json(r#"{"url": "https://a.org/", "text": "x"}"#).is_err());
        assert!(article_from_json(r#"{"url": "https://a.org/", "title": "t"}"#).is_err());
        assert!(article_from_json("[1]").is_err());
        assert!(article_from_json("{").is_err());
        assert!(article_from_json(r#"{"url": 3, "title": "t", "text": "x"}"#).is_err());
    }

    #[test]
    fn a_record_carries_identity_hash_day_and_index_fields() {
        let (art, id) = article_from_json(
            r#"{"url": "https://A.org/x?utm_source=t", "title": "Dam", "text": "Water.", "published": "2024-03-10T09:15:00+01:00", "outlet": "Courier"}"#,
        )
        .unwrap();
        let annotated = AnnotatedArticle {
            article: art,
            ..AnnotatedArticle::default()
        };
        let r = Record::new(&annotated, id.as_deref()).unwrap();
        assert_eq!(r.identity, "url:https://a.org/x");
        assert_eq!(r.url.as_deref(), Some("https://a.org/x"));
        assert_eq!(r.day.as_deref(), Some("2024-03-10"));
        let back = IndexDoc::from_json(&r.json).unwrap();
        assert_eq!(back, r.index);
        assert_eq!(back.outlet.as_deref(), Some("Courier"));
    }
}
