//! A cheap byte-level pass before parsing: empties the bodies of `<script>` (except
//! JSON-LD), `<style>` and `<svg>` elements and drops comments, so that html5ever has
//! far less to tokenise. None of these ever hold article text.
//!
//! Elements whose content is raw text or escapable raw text (`<title>`, `<textarea>`,
//! `<xmp>`, `<iframe>`, `<noembed>`, `<noframes>`, `<plaintext>`) are copied unchanged,
//! so a `<script` inside them is never mistaken for a tag.

use std::borrow::Cow;

/// What to do with the content of an element found by the scanner.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Action {
    /// Drop everything up to the closing tag (kept).
    Empty,
    /// Copy everything up to the closing tag without looking inside.
    Copy,
}

const ELEMENTS: &[(&str, Action)] = &[
    ("script", Action::Empty),
    ("style", Action::Empty),
    ("svg", Action::Empty),
    ("title", Action::Copy),
    ("textarea", Action::Copy),
    ("xmp", Action::Copy),
    ("iframe", Action::Copy),
    ("noembed", Action::Copy),
    ("noframes", Action::Copy),
];

/// Returns `html` with script/style/svg bodies and comments removed; borrowed when
/// nothing was removed.
pub fn strip_raw_text(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    // Everything before `copied` has been handled (pushed to `out` or skipped).
    let mut copied = 0usize;
    let mut pos = 0usize;
    while let Some(off) = memchr::memchr(b'<', &bytes[pos..]) {
        let lt = pos + off;
        let rest = &bytes[lt + 1..];
        if rest.starts_with(b"!--") {
            let body = lt + 4;
            let end = comment_end(bytes, body);
            let buf = out.get_or_insert_with(|| String::with_capacity(html.len()));
            buf.push_str(&html[copied..lt]);
            copied = end;
            pos = end;
            continue;
        }
        if rest.first().is_some_and(|b| b.eq_ignore_ascii_case(&b'p'))
            && starts_with_tag(rest, b"plaintext")
        {
            // Everything after <plaintext> is text: stop scanning.
            break;
        }
        let Some((name, action)) = ELEMENTS
            .iter()
            .find(|(name, _)| starts_with_tag(rest, name.as_bytes()))
        else {
            pos = lt + 1;
            continue;
        };
        let Some(open_end) = tag_end(bytes, lt + 1 + name.len()) else {
            break;
        };
        let open_tag = &bytes[lt..open_end];
        let self_closing = *name == "svg" && open_tag.ends_with(b"/>");
        if self_closing {
            pos = open_end;
            continue;
        }
        let close = find_close(bytes, open_end, name.as_bytes()).unwrap_or(bytes.len());
        let keep = match action {
            Action::Copy => true,
            Action::Empty => *name == "script" && contains_ignore_case(open_tag, b"ld+json"),
        };
        if !keep && close > open_end {
            let buf = out.get_or_insert_with(|| String::with_capacity(html.len()));
            buf.push_str(&html[copied..open_end]);
            copied = close;
        }
        pos = close.max(open_end);
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut buf) => {
            buf.push_str(&html[copied..]);
            Cow::Owned(buf)
        }
    }
}

/// Where the comment whose body starts at `body` ends (one past `-->`), following the
/// HTML tokenizer: `<!-->` and `<!--->` are empty comments, an unclosed comment runs to
/// the end of the input.
fn comment_end(bytes: &[u8], body: usize) -> usize {
    let rest = &bytes[body.min(bytes.len())..];
    if rest.starts_with(b">") {
        return body + 1;
    }
    if rest.starts_with(b"->") {
        return body + 2;
    }
    let mut from = body;
    while let Some(off) = memchr::memchr(b'>', &bytes[from..]) {
        let gt = from + off;
        if gt >= body + 2 && &bytes[gt - 2..gt] == b"--" {
            return gt + 1;
        }
        // `--!>` also closes a comment.
        if gt >= body + 3 && &bytes[gt - 3..gt] == b"--!" {
            return gt + 1;
        }
        from = gt + 1;
    }
    bytes.len()
}

/// Does `rest` (just after `<`) start with tag `name` followed by a tag-name delimiter?
fn starts_with_tag(rest: &[u8], name: &[u8]) -> bool {
    rest.len() > name.len()
        && rest[..name.len()].eq_ignore_ascii_case(name)
        && matches!(
            rest[name.len()],
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>'
        )
}

/// One past the `>` that ends the tag whose attributes start at `from`, honouring quotes.
fn tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut quote: Option<u8> = None;
    let mut last = 0u8;
    for (i, &b) in bytes.iter().enumerate().skip(from) {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None => match b {
                b'>' => return Some(i + 1),
                // Quotes open only at the start of an attribute value.
                b'"' | b'\'' if last == b'=' => quote = Some(b),
                _ => {}
            },
        }
        if !b.is_ascii_whitespace() {
            last = b;
        }
    }
    None
}

/// Position of the `<` of the first `</name` (followed by a delimiter) at or after `from`.
fn find_close(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut pos = from;
    while let Some(off) = memchr::memchr(b'<', &bytes[pos..]) {
        let lt = pos + off;
        let rest = &bytes[lt + 1..];
        if rest.first() == Some(&b'/') && starts_with_tag(&rest[1..], name) {
            return Some(lt);
        }
        pos = lt + 1;
    }
    None
}

fn contains_ignore_case(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empties_scripts_styles_and_svg() {
        let html = "<p>a</p><script>var x = '<p>no</p>';</script><style>p{}</style>\
                    <svg viewBox=\"0 0 1 1\"><title>icon</title></svg><p>b</p>";
        assert_eq!(
            strip_raw_text(html),
            "<p>a</p><script></script><style></style><svg viewBox=\"0 0 1 1\"></svg><p>b</p>"
        );
    }

    #[test]
    fn keeps_json_ld_and_title() {
        let html =
            "<title>a <script>b</title><script type=\"application/ld+json\">{\"a\":1}</script>";
        assert_eq!(strip_raw_text(html), html);
    }

    #[test]
    fn drops_comments_including_fake_tags() {
        let html = "<p>a</p><!-- <script> --><p>b</p><!--><p>c</p><!-- open";
        assert_eq!(strip_raw_text(html), "<p>a</p><p>b</p><p>c</p>");
    }

    #[test]
    fn quoted_gt_in_attributes() {
        let html = "<script data-x=\"a>b\">x</script><p>t</p>";
        assert_eq!(
            strip_raw_text(html),
            "<script data-x=\"a>b\"></script><p>t</p>"
        );
    }

    #[test]
    fn unclosed_script_runs_to_end() {
        assert_eq!(strip_raw_text("<p>a</p><script>x<p>b"), "<p>a</p><script>");
    }

    #[test]
    fn parse_gives_same_text() {
        let html = "<html><body><!--c--><div><p>One <b>two</b></p><script>if(a<b){}</script>\
                    <p>Three</p><svg><text>x</text></svg></div></body></html>";
        let text = |h: &str| {
            let d = scraper::Html::parse_document(h);
            let sel = scraper::Selector::parse("p").unwrap();
            d.select(&sel)
                .map(|e| e.text().collect::<String>())
                .collect::<Vec<_>>()
        };
        assert_eq!(text(html), text(&strip_raw_text(html)));
    }
}
