//! The article's language: the page's own `lang` declaration when there is one,
//! else a fast statistical guess from the text.
//!
//! Extraction uses whatlang (small, fast: ~tens of µs per article) so that it stays
//! cheap; the analysis stage re-decides with lingua and reports a confidence.

/// Guesses the ISO 639-1 code of a text's language, or `None` when the text is too
/// short or the guess unreliable.
pub fn detect(text: &str) -> Option<&'static str> {
    // A few kilobytes decide the language; more only costs time.
    let mut end = text.len().min(4000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    if sample.chars().filter(|c| c.is_alphabetic()).count() < 20 {
        return None;
    }
    let info = whatlang::detect(sample)?;
    if !info.is_reliable() && info.confidence() < 0.5 {
        return None;
    }
    iso639_1(info.lang())
}

/// Like [`detect`], but only when the guess is confident enough to overrule a page's own
/// declaration: a long sample and whatlang's reliability flag.
pub fn detect_reliable(text: &str) -> Option<&'static str> {
    let mut end = text.len().min(4000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    if sample.chars().filter(|c| c.is_alphabetic()).count() < 200 {
        return None;
    }
    let info = whatlang::detect(sample)?;
    if info.is_reliable() && info.confidence() > 0.9 {
        iso639_1(info.lang())
    } else {
        None
    }
}

/// Normalises a language tag from `<html lang>` or `og:locale` ("en-US", "fr_FR",
/// "de") to ISO 639-1, or `None` when it is not a language we know.
pub fn from_tag(tag: &str) -> Option<&'static str> {
    let primary = tag
        .trim()
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    if primary.len() == 2 {
        return ISO_639_1.iter().copied().find(|c| *c == primary);
    }
    whatlang::Lang::from_code(primary.as_str()).and_then(iso639_1)
}

const ISO_639_1: &[&str] = &[
    "af", "am", "ar", "az", "be", "bg", "bn", "bs", "ca", "cs", "cy", "da", "de", "el", "en", "eo",
    "es", "et", "eu", "fa", "fi", "fr", "ga", "gl", "gu", "he", "hi", "hr", "hu", "hy", "id", "is",
    "it", "ja", "ka", "kk", "km", "kn", "ko", "la", "lt", "lv", "mk", "ml", "mn", "mr", "ms", "my",
    "nb", "ne", "nl", "nn", "no", "or", "pa", "pl", "pt", "ro", "ru", "si", "sk", "sl", "sn", "so",
    "sq", "sr", "sv", "sw", "ta", "te", "th", "tk", "tl", "tr", "uk", "ur", "uz", "vi", "yi", "zh",
    "zu",
];

fn iso639_1(lang: whatlang::Lang) -> Option<&'static str> {
    use whatlang::Lang::*;
    Some(match lang {
        Eng => "en",
        Fra => "fr",
        Deu => "de",
        Spa => "es",
        Ita => "it",
        Por => "pt",
        Nld => "nl",
        Pol => "pl",
        Rus => "ru",
        Ukr => "uk",
        Tur => "tr",
        Ara => "ar",
        Pes => "fa",
        Cmn => "zh",
        Jpn => "ja",
        Kor => "ko",
        Ces => "cs",
        Ron => "ro",
        Bul => "bg",
        Hrv => "hr",
        Slv => "sl",
        Slk => "sk",
        Dan => "da",
        Swe => "sv",
        Nob => "nb",
        Fin => "fi",
        Hun => "hu",
        Ell => "el",
        Heb => "he",
        Hin => "hi",
        Ben => "bn",
        Vie => "vi",
        Tha => "th",
        Ind => "id",
        Srp => "sr",
        Bel => "be",
        Lit => "lt",
        Lav => "lv",
        Est => "et",
        Cat => "ca",
        Afr => "af",
        Epo => "eo",
        Urd => "ur",
        Tam => "ta",
        Tel => "te",
        Mar => "mr",
        Guj => "gu",
        Kan => "kn",
        Mal => "ml",
        Pan => "pa",
        Ori => "or",
        Nep => "ne",
        Sin => "si",
        Mkd => "mk",
        Aze => "az",
        Kat => "ka",
        Hye => "hy",
        Uzb => "uz",
        Tgl => "tl",
        Amh => "am",
        Khm => "km",
        Mya => "my",
        Zul => "zu",
        Sna => "sn",
        Yid => "yi",
        Jav => return None,
        Aka => return None,
        Lat => "la",
        Tuk => "tk",
        Cym => "cy",
        #[allow(unreachable_patterns)]
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_common_languages() {
        assert_eq!(
            detect(
                "The Kremlin has never given an official figure for the number of prisoners recruited to fight in Ukraine."
            ),
            Some("en")
        );
        assert_eq!(
            detect(
                "Le Kremlin n'a jamais donné de chiffre officiel sur le nombre de prisonniers recrutés pour combattre."
            ),
            Some("fr")
        );
        assert_eq!(
            detect(
                "Der Kreml hat nie eine offizielle Zahl der für den Krieg rekrutierten Gefangenen genannt."
            ),
            Some("de")
        );
        assert_eq!(
            detect(
                "Кремль никогда не называл официального числа заключённых, завербованных для войны."
            ),
            Some("ru")
        );
        assert_eq!(detect("short"), None);
    }

    #[test]
    fn tags() {
        assert_eq!(from_tag("en-US"), Some("en"));
        assert_eq!(from_tag("fr_FR"), Some("fr"));
        assert_eq!(from_tag("deu"), Some("de"));
        assert_eq!(from_tag("xx"), None);
    }
}
