//! One news page becomes one clean article.
//!
//! [`extract`] takes a [`Page`] (raw bytes plus what is known about them) and returns an
//! [`Article`]: title, teaser, authors, dates, outlet, original outlet, language,
//! paragraphs and in-body links, without the site's boilerplate.
//!
//! The pipeline inside is:
//! 1. [`decode`]: gunzip if needed, refuse binaries and oversized pages, pick the
//!    encoding (BOM, HTTP charset, `<meta charset>`, then chardetng) and decode to UTF-8;
//!    [`mojibake`] repairs characters that were encoded twice.
//! 2. [`sniff`]: HTML or a plain-text page dump?
//! 3. [`html`] (one parse of the document: metadata and main content) or
//!    [`text_dump`] (line-based, for pages saved as text).
//! 4. Shared finishing: [`language`], the "no date found"-style warnings.
//!
//! Everything here is a pure function of its input: no I/O, no global mutable state
//! (precompiled patterns in `LazyLock`s are immutable tables).

pub mod dates;
pub mod decode;
mod error;
pub mod html;
pub mod language;
mod lines;
pub mod mojibake;
pub mod outlet;
pub mod sniff;
pub mod text;
pub mod text_dump;

pub use error::ExtractError;
use storyline_core::{Article, Page};

/// Limits that bound the work done on one page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest page accepted, in bytes, after gunzip.
    pub max_page_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_page_bytes: 32 * 1024 * 1024,
        }
    }
}

/// Extracts the article from one page with the default [`Limits`].
///
/// Returns [`ExtractError::NoArticle`] when the page decodes but holds no article text
/// (a home page, a 404 page, an empty document); the error keeps the page's metadata.
pub fn extract(page: &Page) -> Result<Article, ExtractError> {
    extract_with(page, &Limits::default())
}

/// Extracts the article from one page.
pub fn extract_with(page: &Page, limits: &Limits) -> Result<Article, ExtractError> {
    let decoded = decode::decode(&page.bytes, page.charset_hint.as_deref(), limits)?;
    // Characters encoded twice are repaired before anything reads the text, so that
    // metadata, content scoring and language detection see the real words.
    let text = mojibake::repair(&decoded.text);
    let base = page.url.as_deref().and_then(|u| url::Url::parse(u).ok());
    let mut article = match sniff::sniff(&text) {
        sniff::Kind::Html => html::extract_html(&text, base.as_ref()),
        sniff::Kind::Text => text_dump::extract_text_dump(&text, base.as_ref()),
    };
    // Paragraphs are never empty, whitespace or invisible characters only, whichever
    // extractor made them.
    if article.paragraphs.iter().any(|p| text::is_blank(p)) {
        let kept: Vec<String> = std::mem::take(&mut article.paragraphs)
            .into_iter()
            .filter(|p| !text::is_blank(p))
            .collect();
        article.set_paragraphs(kept);
    }
    finish(&mut article, page, base.as_ref());
    if article.paragraphs.is_empty() {
        return Err(ExtractError::NoArticle {
            reason: "no article text found".into(),
            found: Box::new(article),
        });
    }
    Ok(article)
}

/// Steps shared by both extractors: url, outlet fallback, language, warnings.
fn finish(article: &mut Article, page: &Page, base: Option<&url::Url>) {
    if let Some(url) = &page.url {
        article.url = Some(url.clone());
    } else if article.url.is_none() {
        article.url = article.canonical_url.clone();
    }
    if article.outlet.is_none() {
        let host_url = base
            .cloned()
            .or_else(|| article.url.as_deref().and_then(|u| url::Url::parse(u).ok()));
        article.outlet = host_url.as_ref().and_then(outlet::outlet_from_host);
    }
    article.text = article.paragraphs.join("\n\n");
    decide_language(article);
    article.input = page.input.clone();
    if article.title.is_none() {
        article.warnings.push("no title found".into());
    }
    if article.published.is_none() {
        article.warnings.push("no date found".into());
    }
    if article.authors.is_empty() {
        article.warnings.push("no author found".into());
    }
    if article.language.is_none() {
        article.warnings.push("language unknown".into());
    }
}

/// The page's declared language wins unless the text itself reads, reliably, as
/// another language (aggregators often serve translations under the original's `lang`).
fn decide_language(article: &mut Article) {
    let detected = language::detect_reliable(&article.text);
    match (article.language.as_deref(), detected) {
        (None, Some(found)) => article.language = Some(found.to_owned()),
        (None, None) => article.language = language::detect(&article.text).map(str::to_owned),
        (Some(declared), Some(found)) if declared != found => {
            article.warnings.push(format!(
                "page declares language {declared:?} but its text reads as {found:?}"
            ));
            article.language = Some(found.to_owned());
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn double_encoded_title_and_paragraphs_are_repaired() {
        let html = "<html><head><meta charset=\"utf-8\">\
            <title>CafÃ© owners count the cost â€“ Valley Courier</title></head><body><article>\
            <h1>CafÃ© owners count the cost</h1>\
            <p>The owners of the CafÃ© de la Gare said on Tuesday that the flood had cost them \
            â€œeverything we builtâ€\u{9d} over twenty years, and that they would reopen.</p>\
            <p>Insurers have not yet said how much of the damage they will cover, the owners \
            said, and the town council has promised a fund for the shops on the river.</p>\
            </article></body></html>";
        let a = extract(&Page::new(html.as_bytes().to_vec())).expect("article");
        assert_eq!(a.title.as_deref(), Some("Café owners count the cost"));
        assert!(
            a.text.contains("Café de la Gare") && a.text.contains("“everything we built”"),
            "{}",
            a.text
        );
        assert_eq!(a.text, a.paragraphs.join("\n\n"));
    }
}
