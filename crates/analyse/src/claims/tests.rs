//! Unit tests of the claims stage.
