//! Property tests of the whole analysis: any text, any language, no panic, and every
//! invariant of `storyline_analyse::invariants::check` holds.

use proptest::prelude::*;
use storyline_analyse::{Options, analyse, invariants};

const LANGS: &[Option<&str>] = &[
    None,
    Some("en"),
    Some("fr"),
    Some("de"),
    Some("ru"),
    Some("zh"),
];

/// News-like pieces that exercise every stage: names, quote marks of every kind, cues,
/// numbers, abbreviations, and the odd character.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Dmitry Peskov".to_string()),
        Just(" said ".to_string()),
        Just("\"".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just("„".to_string()),
        Just("“".to_string()),
        Just("'".to_string()),
        Just("according to ".to_string()),
        Just("as many as 75,000 troops".to_string()),
        Just("100 тысяч".to_string()),
        Just("cinq millions d'euros".to_string()),
        Just("U.S. ".to_string()),
        Just("Dr. ".to_string()),
        Just("... ".to_string()),
        Just(". ".to_string()),
        Just("\n\n".to_string()),
        Just("He ".to_string()),
        Just("死者は45人".to_string()),
        "[a-zA-Z0-9 ,.]{0,12}",
        any::<char>().prop_map(String::from),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn any_text_keeps_the_invariants(pieces in prop::collection::vec(piece(), 0..40), lang in 0..LANGS.len()) {
        let text: String = pieces.concat();
        let options = Options { lang: LANGS[lang].map(str::to_string), outlet: Some("The Courier".into()) };
        let analysis = analyse(&text, &options);
        if let Err(e) = invariants::check(&text, &analysis) {
            prop_assert!(false, "{e}\ntext: {text:?}");
        }
    }

    #[test]
    fn arbitrary_unicode_keeps_the_invariants(text in "\\PC{0,300}") {
        let analysis = analyse(&text, &Options::default());
        if let Err(e) = invariants::check(&text, &analysis) {
            prop_assert!(false, "{e}\ntext: {text:?}");
        }
    }
}
