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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses() {
        assert_eq!(collapse_whitespace("  a \u{a0}\n b\t"), "a b");
        assert_eq!(collapse_whitespace(""), "");
    }
}
