//! A page's HTML kept between requests, and its gzip encoding made once.
//!
//! Every browser asks for compressed pages (`Accept-Encoding: gzip`). Compressing a
//! 60 KB story page costs about 1.2 ms of CPU, fourteen times what serving the kept page
//! costs, so compressing it for every request would make compression the server's main
//! work. A kept page compresses itself the first time a client accepts gzip and serves
//! those bytes from then on (the compression layer passes a response that already has a
//! `Content-Encoding` through untouched).

use std::io::Write;
use std::sync::OnceLock;

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use flate2::Compression;
use flate2::write::GzEncoder;

/// A built page: its HTML, and its gzip encoding once a client has asked for it.
pub(crate) struct KeptPage {
    html: Bytes,
    gzip: OnceLock<Bytes>,
}

impl KeptPage {
    pub fn new(html: String) -> KeptPage {
        KeptPage {
            html: Bytes::from(html),
            gzip: OnceLock::new(),
        }
    }

    /// The HTML, gzip-compressed (made on the first call, then shared).
    fn gzip(&self) -> Bytes {
        self.gzip
            .get_or_init(|| {
                let mut e =
                    GzEncoder::new(Vec::with_capacity(self.html.len() / 4), Compression::best());
                // Writing to a Vec cannot fail.
                let _ = e.write_all(&self.html);
                Bytes::from(e.finish().unwrap_or_default())
            })
            .clone()
    }

    /// The page as a response: gzip-compressed when `request` accepts it, else as is;
    /// neither copies the page.
    pub fn response(&self, request: &HeaderMap) -> Response {
        let html = [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::VARY, "accept-encoding"),
        ];
        if accepts_gzip(request) {
            let gzip = self.gzip();
            if !gzip.is_empty() {
                return (
                    StatusCode::OK,
                    html,
                    [(header::CONTENT_ENCODING, "gzip")],
                    Body::from(gzip),
                )
                    .into_response();
            }
        }
        (StatusCode::OK, html, Body::from(self.html.clone())).into_response()
    }
}

/// Whether a request's `Accept-Encoding` takes gzip (`gzip` or `*`, with no `q=0`).
fn accepts_gzip(request: &HeaderMap) -> bool {
    request
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|coding| {
            let mut parts = coding.split(';');
            let name = parts.next().unwrap_or_default().trim();
            let refused = parts.any(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
        })
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use axum::http::HeaderValue;

    use super::*;

    fn asking(v: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(v).unwrap());
        h
    }

    #[test]
    fn gzip_is_taken_unless_refused() {
        assert!(accepts_gzip(&asking("gzip, deflate, br")));
        assert!(accepts_gzip(&asking("br;q=1.0, GZIP;q=0.5")));
        assert!(accepts_gzip(&asking("*")));
        assert!(!accepts_gzip(&asking("gzip;q=0, br")));
        assert!(!accepts_gzip(&asking("identity")));
        assert!(!accepts_gzip(&asking("gzipped")));
        assert!(!accepts_gzip(&HeaderMap::new()));
    }

    #[tokio::test]
    async fn a_kept_page_is_served_compressed_once_or_as_is() {
        let html = format!(
            "<!doctype html><p>{}</p>",
            "Vardena dam collapse. ".repeat(500)
        );
        let page = KeptPage::new(html.clone());
        let r = page.response(&asking("gzip"));
        assert_eq!(r.headers()[header::CONTENT_ENCODING], "gzip");
        assert_eq!(r.headers()[header::VARY], "accept-encoding");
        let body = axum::body::to_bytes(r.into_body(), usize::MAX)
            .await
            .unwrap();
        assert!(body.len() < html.len() / 10, "{} bytes", body.len());
        let mut unzipped = String::new();
        flate2::read::GzDecoder::new(&body[..])
            .read_to_string(&mut unzipped)
            .unwrap();
        assert_eq!(unzipped, html);
        // The second request gets the same bytes, not a new compression.
        let again = axum::body::to_bytes(page.response(&asking("gzip")).into_body(), usize::MAX)
            .await
            .unwrap();
        assert_eq!(again.as_ptr(), body.as_ptr());
        let plain = page.response(&HeaderMap::new());
        assert!(plain.headers().get(header::CONTENT_ENCODING).is_none());
        let body = axum::body::to_bytes(plain.into_body(), usize::MAX)
            .await
            .unwrap();
        assert_eq!(body, html.as_bytes());
    }
}
