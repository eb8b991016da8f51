//! Dates: parse the many ways pages write them, find them in URLs and text,
//! normalise to RFC 3339 (date-time when a time is given, else full-date).
