//! storyline's data types: the JSON contract every stage reads and writes.
//!
//! Data flows one way: [`Page`] → [`Article`] → (later) annotated article → story.
//! Types here are plain owned data with serde derives; this crate does no I/O and
//! has no heavy dependencies, so every other crate can use it.
//!
//! The JSON shape of each type is documented in `docs/json.md`; field names are
//! snake_case and stable.

mod article;
mod page;

pub use article::{Article, DateSource, Link};
pub use page::Page;
