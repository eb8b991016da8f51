//! Annotated articles become stories: copies (syndicated, scraped, rewritten, partial,
//! translated), online story clustering across outlets, languages and months, and what a
//! story page shows — highlights, related stories, trends, days and the figure ledger.
//!
//! Pure: no I/O, no clocks (time comes from article dates, or the caller's `now`),
//! deterministic (the same articles in the same order give the same stories, on every
//! machine: hashing is fixed, ties are broken by id).
//!
//! Use: build [`ArticleFeatures`] for each article (from an `AnnotatedArticle`), feed them
//! one at a time to [`StoryIndex::add`]; the index is serde-serializable, and replaying
//! the same articles in the same order rebuilds it exactly.

pub mod features;
mod hash;
pub mod highlights;
pub mod index;
pub mod ledger;
pub mod text;

pub use features::ArticleFeatures;
pub use index::{
    ArticleFacts, Assignment, Candidate, Config, CopyKind, CopyLink, MemoryPart, Related, Story,
    StoryIndex, Trend,
};

#[cfg(test)]
mod tests;
