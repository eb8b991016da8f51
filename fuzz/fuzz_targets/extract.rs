//! Arbitrary bytes through the whole extractor: decoding, gzip, sniffing, HTML and text dumps.
#![no_main]

use libfuzzer_sys::fuzz_target;
use storyline_core::Page;

fuzz_target!(|data: &[u8]| {
    let page = Page::new(data).with_url("https://example.org/2023/11/10/story.html");
    if let Ok(article) = storyline_extract::extract(&page) {
        assert_eq!(article.text, article.paragraphs.join("\n\n"));
        assert_eq!(
            article.published.is_some(),
            article.published_from.is_some()
        );
    }
});
