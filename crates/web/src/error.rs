//! Errors of a request, rendered as an HTML page or as `{"error": "..."}`.

use axum::http::StatusCode;
use storyline_stories::ArchiveError;

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Error {
    /// A bad parameter (400).
    BadRequest(String),
    /// An unknown id or name (404).
    NotFound(String),
    /// The archive failed (500).
    Internal(String),
}

impl Error {
    pub fn status(&self) -> StatusCode {
        match self {
            Error::BadRequest(_) => StatusCode::BAD_REQUEST,
            Error::NotFound(_) => StatusCode::NOT_FOUND,
            Error::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn message(&self) -> &str {
        match self {
            Error::BadRequest(m) | Error::NotFound(m) | Error::Internal(m) => m,
        }
    }
}

impl From<ArchiveError> for Error {
    fn from(e: ArchiveError) -> Self {
        Error::Internal(e.to_string())
    }
}
