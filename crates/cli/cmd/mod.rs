//! One module per subcommand.

pub mod analyse;
pub mod demo;
pub mod eval;
pub mod eval_numbers;
pub mod eval_quotes;
pub mod eval_stories;
pub mod export;
pub mod extract;
pub mod feeds;
pub mod fetching;
pub mod ingest;
pub mod search;
pub mod serve;
pub mod stats;
pub mod stories;
pub mod watch;
