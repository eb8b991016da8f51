//! Arbitrary text through the quantity recogniser in every language it reads: no panic,
//! and every span is a valid, ordered, non-overlapping code-point range of the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

const LANGS: &[&str] = &["en", "fr", "de", "es", "it", "pt", "nl", "ru", "xx"];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let lang = LANGS[selector as usize % LANGS.len()];
    let chars = text.chars().count();
    let mut last_end = 0;
    for q in storyline_analyse::quantities::recognize(&text, lang) {
        assert!(
            q.start < q.end && q.end <= chars,
            "bad span {}..{}",
            q.start,
            q.end
        );
        assert!(q.start >= last_end, "overlapping spans");
        last_end = q.end;
        let slice: String = text.chars().skip(q.start).take(q.end - q.start).collect();
        assert_eq!(slice, q.text);
    }
});
