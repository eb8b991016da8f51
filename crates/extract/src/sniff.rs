//! Is a decoded page HTML or a plain-text page dump?

/// What kind of document a decoded page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Html,
    Text,
}

/// Tells HTML from a plain-text dump by looking for markup near the start.
///
/// A page is HTML when its first non-blank characters open a tag, comment or doctype,
/// or when the first 4 KiB hold common structural tags. A text dump that merely quotes
/// a stray `<b>` stays text.
pub fn sniff(text: &str) -> Kind {
    let trimmed = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if trimmed.starts_with('<') {
        return Kind::Html;
    }
    let head: String = trimmed
        .chars()
        .take(4096)
        .collect::<String>()
        .to_ascii_lowercase();
    const TAGS: &[&str] = &[
        "<html",
        "<head",
        "<body",
        "<!doctype",
        "<div",
        "<p>",
        "<p ",
        "<article",
        "<meta ",
    ];
    let hits = TAGS.iter().filter(|t| head.contains(*t)).count();
    if hits >= 2 { Kind::Html } else { Kind::Text }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        assert_eq!(sniff("  <!DOCTYPE html><html>"), Kind::Html);
        assert_eq!(sniff("\u{feff}<html>"), Kind::Html);
        assert_eq!(sniff("The Limited Times\n\nNow you can see"), Kind::Text);
        assert_eq!(sniff("garbage before <html><body><p>x</p>"), Kind::Html);
        assert_eq!(sniff("A story about the <b> tag"), Kind::Text);
    }
}
