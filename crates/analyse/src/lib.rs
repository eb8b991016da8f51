//! A clean article becomes facts a reader can follow: quantities (numbers, money,
//! durations, percentages, ranges…) and, later, sentences, entities, quotes and claims.

pub mod quantities;
