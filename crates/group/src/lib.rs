//! Annotated articles become stories: copies (syndicated, scraped, rewritten, partial,
//! translated), online story clustering across outlets, languages and months, and what a
//! story page shows — highlights, related stories, trends, days and the figure ledger.
//!
//! Pure: no I/O, no clocks (time comes from article dates), deterministic (the same
//! articles in the same order give the same stories, on every machine).

pub mod features;
mod hash;
pub mod index;
pub mod text;

pub use features::ArticleFeatures;
pub use index::{Assignment, Config, CopyKind, CopyLink, Story, StoryIndex};
