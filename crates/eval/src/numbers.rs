//! Number recognition scoring on the Recognizers-Text specs in ../shared/bench/numbers.
