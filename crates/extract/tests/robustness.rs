//! Property tests: no input makes the extractor panic, and what it returns keeps the
//! article invariants (text follows paragraphs, a date always says where it came from).

use proptest::prelude::*;
use storyline_core::{Article, Page};
use storyline_extract::{ExtractError, Limits, extract, extract_with};

fn check_invariants(article: &Article) {
    assert_eq!(article.text, article.paragraphs.join("\n\n"));
    assert_eq!(
        article.published.is_some(),
        article.published_from.is_some()
    );
    assert!(!article.paragraphs.is_empty(), "an Ok article has text");
    assert!(article.paragraphs.iter().all(|p| !p.trim().is_empty()));
    for link in &article.links {
        assert!(!link.href.is_empty());
    }
}

/// Pieces of HTML that real pages are made of, in any order and nesting.
fn html_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<div class=\"article-body\">".to_string()),
        Just("</div>".to_string()),
        Just("<article>".to_string()),
        Just("<nav><a href=\"/\">Home</a></nav>".to_string()),
        Just("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"H\",\"datePublished\":\"2023-11-10T17:03:27.543Z\"".to_string()),
        Just("</script>".to_string()),
        Just("<meta property=\"og:title\" content=\"T | Site\">".to_string()),
        Just("<time datetime=\"2023-02-30\">".to_string()),
        Just("<a href=\"javascript:alert(1)\">x</a>".to_string()),
        Just("<a href=\"../rel/link\">rel</a>".to_string()),
        Just("<h2>Heading</h2>".to_string()),
        Just("<!-- comment".to_string()),
        Just("<![CDATA[".to_string()),
        Just("&amp;&#x0;&#99999999;&bogus;".to_string()),
        "[a-zA-Z ,.\"«»„“”'-]{0,80}",
        "\\PC{0,40}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        if let Ok(article) = extract(&Page::new(bytes)) {
            check_invariants(&article);
        }
    }

    #[test]
    fn arbitrary_html_never_panics(pieces in proptest::collection::vec(html_piece(), 0..60),
                                   url in proptest::option::of("https://[a-z]{1,8}\\.(com|fr|co\\.uk)/[0-9/a-z-]{0,20}")) {
        let html = pieces.concat();
        let mut page = Page::new(html.into_bytes());
        if let Some(u) = url {
            page = page.with_url(u);
        }
        if let Ok(article) = extract(&page) {
            check_invariants(&article);
        }
    }

    #[test]
    fn arbitrary_text_dumps_never_panic(lines in proptest::collection::vec("\\PC{0,120}", 0..40)) {
        let text = lines.join("\n");
        if let Ok(article) = extract(&Page::new(text.into_bytes())) {
            check_invariants(&article);
        }
    }
}

#[test]
fn hundred_thousand_nested_tags() {
    let depth = 100_000;
    let mut html = String::from("<html><body>");
    for _ in 0..depth {
        html.push_str("<div>");
    }
    html.push_str(
        "<p>Deep inside, a sentence that is long enough to be an article paragraph of its own.</p>",
    );
    for _ in 0..depth {
        html.push_str("</div>");
    }
    html.push_str("</body></html>");
    // Must return (an article or an error), not overflow the stack.
    let _ = extract(&Page::new(html.into_bytes()));
}

#[test]
fn hundred_thousand_unclosed_inline_tags() {
    let html = "<p>".to_string() + &"<b><i>".repeat(50_000) + "text";
    let _ = extract(&Page::new(html.into_bytes()));
}

#[test]
fn oversized_page_is_refused_without_work() {
    let limits = Limits {
        max_page_bytes: 1024,
    };
    let page = Page::new(vec![b'a'; 4096]);
    assert!(matches!(
        extract_with(&page, &limits),
        Err(ExtractError::TooLarge { .. })
    ));
}

#[test]
fn a_page_without_article_is_an_explicit_no_article() {
    let html = "<html><head><title>404 Not Found</title></head><body><nav><a href=/>Home</a></nav></body></html>";
    match extract(&Page::new(html)) {
        // The page's metadata is still reported, with no text.
        Err(ExtractError::NoArticle { found, .. }) => {
            assert_eq!(found.title.as_deref(), Some("404 Not Found"));
            assert!(found.paragraphs.is_empty() && found.text.is_empty());
        }
        other => panic!("expected NoArticle, got {other:?}"),
    }
}

#[test]
fn gzip_bomb_is_bounded() {
    use std::io::Write;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![b' '; 1 << 20];
    for _ in 0..64 {
        gz.write_all(&zeros).unwrap();
    }
    let bytes = gz.finish().unwrap();
    let limits = Limits {
        max_page_bytes: 8 << 20,
    };
    assert!(matches!(
        extract_with(&Page::new(bytes), &limits),
        Err(ExtractError::TooLarge { .. })
    ));
}
