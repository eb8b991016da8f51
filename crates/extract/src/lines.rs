//! Line patterns shared by the HTML and text-dump extractors: the multilingual phrases
//! by which sites point away from an article ("Read also", "Lire aussi", "Читайте
//! также") and credit another outlet ("Source: leparis", "Quelle: dpa").

use std::sync::LazyLock;

use regex::Regex;

/// "Read also: <headline>" openings in several languages, as a regex alternation
/// (no anchors, no flags: callers embed it).
pub(crate) const READ_ALSO: &str = "read also|also read|see also|related\\s*:|more on this|\
     (?:à )?lire (?:aussi|également)|voir aussi|\
     le[ae] también|leer también|lee también|ver también|te puede interesar|\
     lesen sie (?:auch|mehr)|mehr zum thema|auch interessant|\
     leggi anche|leia também|veja também|lees ook|\
     читайте также|смотрите также|читайте еще|читайте ещё|\
     相关阅读|延伸阅读|相关新闻|関連記事";

/// A whole line that opens with a "Read also" phrase.
pub(crate) static READ_ALSO_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("(?i)^(?:{READ_ALSO})")).expect("static regex"));

/// A credit line: "Source: The X", "Quelle: dpa", "Fuente: EFE", "Источник: ТАСС",
/// "来源：新华社"; the first group is what is credited.
pub(crate) static CREDIT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        "(?i)^(?:sources?|quellen?|fuentes?|fonte|источник|bron|kilde|källa|来源|出典|原文)\\s*[:：]\\s*(.{1,80})$",
    )
    .expect("static regex")
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_also_in_several_languages() {
        for line in [
            "Read also: Dam cracks were reported in 2019",
            "Lire aussi : Les fissures du barrage",
            "Читайте также: Трещины в плотине",
            "Leer también: Las grietas de la presa",
            "Lesen Sie auch: Risse im Damm",
        ] {
            assert!(READ_ALSO_LINE.is_match(line), "{line}");
        }
        assert!(!READ_ALSO_LINE.is_match("Readers also said the dam was old."));
    }

    #[test]
    fn credit_lines() {
        let c = CREDIT_LINE
            .captures("Source: leparis")
            .map(|c| c[1].to_string());
        assert_eq!(c.as_deref(), Some("leparis"));
        assert!(CREDIT_LINE.is_match("来源：新华社"));
        assert!(!CREDIT_LINE.is_match("Sources say the dam was old and had cracks."));
    }
}
