//! One module per subcommand.

pub mod analyse;
pub mod eval;
pub mod eval_numbers;
pub mod export;
pub mod extract;
pub mod ingest;
pub mod search;
pub mod stats;
