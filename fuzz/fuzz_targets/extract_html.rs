//! Structured fuzzing: random fragments glued into an HTML page skeleton, so the fuzzer
//! spends its time in metadata and content selection rather than in decoding.
#![no_main]

use libfuzzer_sys::fuzz_target;
use storyline_core::Page;

fuzz_target!(|data: &[u8]| {
    let body = String::from_utf8_lossy(data);
    let html = format!(
        "<!doctype html><html lang=en><head><title>{body}</title>\
         <script type=\"application/ld+json\">{body}</script></head>\
         <body><article><h1>{body}</h1><p>{body}</p></article></body></html>"
    );
    let page = Page::new(html.into_bytes());
    if let Ok(article) = storyline_extract::extract(&page) {
        assert_eq!(article.text, article.paragraphs.join("\n\n"));
    }
});
