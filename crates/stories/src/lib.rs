//! The story archive: the grouping stage's [`StoryIndex`] kept in step with the store,
//! and the views readers ask for — story lists and pages, article pages, days, outlets,
//! entities, trends and search with stories.
//!
//! An adapter around the pure `storyline-group` crate. Articles join the index in the
//! order they were first stored (article id order), so the index is a function of the
//! store: a snapshot beside the database ([`snapshot`]) saves replaying it, and whatever
//! the snapshot lacks (a crash, a reader opened during an ingest) is replayed from the
//! stored articles on open or [`Archive::refresh`].

mod archive;
mod facets;
pub mod snapshot;
mod summary;
pub mod views;

pub use archive::{Archive, Prepared, StoryFilter, Timings};
pub use facets::Facets;
pub use storyline_group::{ArticleFeatures, Config};

use std::path::PathBuf;

/// What can go wrong in the archive.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    #[error(transparent)]
    Store(#[from] storyline_store::StoreError),
    #[error("{path}: {reason}")]
    Snapshot { path: PathBuf, reason: String },
    #[error("article {id}: stored JSON does not parse: {reason}")]
    Json { id: i64, reason: String },
}

/// An archive is shared by a web server's threads (behind a `RwLock`: reads in
/// parallel, [`Archive::refresh`] alone).
const _: fn() = || {
    fn shared<T: Send + Sync>() {}
    shared::<Archive>();
};
