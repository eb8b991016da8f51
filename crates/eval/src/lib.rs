//! Scorers for `storyline eval`: storyline and its peers on `../shared/bench`.
