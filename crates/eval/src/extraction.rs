//! Main-text extraction scoring on ../shared/bench/extraction.
