//! Collection, an adapter: it does the network I/O. A polite and robust HTTP fetcher
//! ([`http`]: robots.txt, per-host politeness, timeouts, size caps, redirects, retries,
//! conditional GET, every attempt recorded), and the pure readers of what it brings:
//! feeds and sitemaps ([`feed`]), OPML subscription lists ([`opml`]), WARC archives
//! ([`warc`]), robots.txt ([`robots`]) and the adaptive poll schedule ([`schedule`]).
//!
//! It never extracts, analyses or stores: it hands bytes with their URL and
//! Content-Type to the caller, and the caller records the attempts.

pub mod feed;
pub mod http;
pub mod opml;
pub mod robots;
pub mod schedule;
pub mod warc;

pub use feed::{Feed, FeedError, Kind};
pub use http::{Attempt, Config, FetchError, Fetched, Fetcher, Response, Validators};
pub use warc::{WarcError, WarcReader, WarcRecord};
