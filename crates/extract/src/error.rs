use storyline_core::Article;
use thiserror::Error;

/// Why a page gave no article. Each message is one line that names the reason;
/// the caller prefixes the input's name.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum ExtractError {
    /// Zero bytes, or only whitespace.
    #[error("empty page")]
    Empty,
    /// Bytes that are not a page at all (a PDF, an image, an executable…).
    #[error("not a web page: looks like {0}")]
    Binary(&'static str),
    /// Larger than [`crate::Limits::max_page_bytes`].
    #[error("page too large: {size} bytes (limit {limit})")]
    TooLarge { size: usize, limit: usize },
    /// Gzip data that does not inflate (truncated or corrupt).
    #[error("bad gzip data: {0}")]
    Gzip(String),
    /// The page decodes but holds no article (home page, listing, 404 page…). `found`
    /// holds what the page's metadata still tells (title, dates, outlet, language,
    /// url…), with no paragraphs and no text.
    #[error("no article: {reason}")]
    NoArticle { reason: String, found: Box<Article> },
}
