//! Plain-text page dumps: a page saved as text (headline lines, a teaser, the article,
//! the site's boilerplate around it), as in `../shared/seeds/`.

use storyline_core::Article;

/// Extracts the article from a plain-text page dump.
pub fn extract_text_dump(text: &str, _base: Option<&url::Url>) -> Article {
    let mut article = Article::default();
    let paragraphs = text
        .split("\n\n")
        .map(crate::text::collapse_whitespace)
        .filter(|p| !p.is_empty())
        .collect();
    article.set_paragraphs(paragraphs);
    article
}
