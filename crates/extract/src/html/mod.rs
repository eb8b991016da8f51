//! HTML pages: one parse, then metadata and main content from the same tree.

use storyline_core::Article;

/// Extracts the article from an HTML document.
pub fn extract_html(html: &str, _base: Option<&url::Url>) -> Article {
    let doc = scraper::Html::parse_document(html);
    let mut article = Article::default();
    let sel = scraper::Selector::parse("p").expect("valid selector");
    let paragraphs = doc
        .select(&sel)
        .map(|p| crate::text::collapse_whitespace(&p.text().collect::<String>()))
        .filter(|p| !p.is_empty())
        .collect();
    article.set_paragraphs(paragraphs);
    article
}
