//! Small text helpers shared by the HTML and text-dump extractors.

/// Collapses every run of whitespace (including non-breaking spaces) to one space and trims.
pub fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}' {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Characters that show nothing on their own: zero-width and joiner characters, soft
/// hyphens, direction marks, variation selectors, Hangul fillers. They may sit inside
/// words (and are kept there) but do not make a paragraph.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{34f}'
            | '\u{61c}'
            | '\u{115f}'
            | '\u{1160}'
            | '\u{17b4}'
            | '\u{17b5}'
            | '\u{180b}'..='\u{180e}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{206f}'
            | '\u{3164}'
            | '\u{fe00}'..='\u{fe0f}'
            | '\u{feff}'
            | '\u{ffa0}'
    )
}

/// Whether `s` holds nothing visible (only whitespace and invisible characters).
pub fn is_blank(s: &str) -> bool {
    s.chars().all(|c| c.is_whitespace() || is_invisible(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_text() {
        assert!(is_blank(""));
        assert!(is_blank(" \u{a0}\u{2060}\u{ad}\u{200d} "));
        assert!(!is_blank("\u{200c}a"));
    }

    #[test]
    fn collapses() {
        assert_eq!(collapse_whitespace("  a \u{a0}\n b\t"), "a b");
        assert_eq!(collapse_whitespace(""), "");
    }
}
