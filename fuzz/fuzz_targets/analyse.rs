//! Arbitrary text through the whole analysis (language, sentences, entities, quotes,
//! quantities, claims), detected or forced language: no panic, and every invariant of
//! `storyline_analyse::invariants::check` holds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use storyline_analyse::{Options, analyse, invariants};

const LANGS: &[Option<&str>] = &[None, Some("en"), Some("fr"), Some("de"), Some("es"), Some("ru")];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let options = Options {
        lang: LANGS[selector as usize % LANGS.len()].map(str::to_string),
        outlet: Some("The Courier".into()),
    };
    let analysis = analyse(&text, &options);
    if let Err(e) = invariants::check(&text, &analysis) {
        panic!("{e}");
    }
});
