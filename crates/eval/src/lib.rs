//! Scorers for `storyline eval`: storyline and its peers on `../shared/bench`.

pub mod extraction;
pub mod numbers;
pub mod quotes;
pub mod rusage;
pub mod stories;
