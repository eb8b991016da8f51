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
    /// Drop everything up to the closing tag when there is one (normal markup inside,
    /// never article text).
    EmptyIfClosed,
}

const ELEMENTS: &[(&str, Action)] = &[
    ("script", Action::Empty),
    ("style", Action::Empty),
    ("svg", Action::Empty),
    ("noscript", Action::EmptyIfClosed),
    ("select", Action::EmptyIfClosed),
    ("title", Action::Copy),
    ("textarea", Action::Copy),
    ("xmp", Action::Copy),
    ("iframe", Action::Copy),
    ("noembed", Action::Copy),
    ("noframes", Action::Copy),
];

/// Attributes anyone downstream reads (content: class/id/href/hidden state; metadata:
/// itemprop, rel, content, datetime, name, property, http-equiv, type, pubdate, lang).
/// All others (`data-*`, `srcset`, inline event handlers, …) are dropped before
/// parsing: they are a large share of a page's bytes and never hold article text.
const KEEP_ATTRS: &[&str] = &[
    "class",
    "id",
    "href",
    "itemprop",
    "itemscope",
    "itemtype",
    "rel",
    "content",
    "datetime",
    "name",
    "property",
    "http-equiv",
    "type",
    "pubdate",
    "lang",
    "xml:lang",
    "charset",
    "hidden",
    "aria-hidden",
    "role",
];

/// Void elements that never carry text or metadata; dropped before parsing.
const VOID_DROPPED: &[&str] = &[
    "img", "input", "source", "track", "wbr", "area", "col", "param", "embed",
];

/// A `<link>` to a stylesheet, icon or preloaded resource (not canonical, author, …).
fn is_resource_link(tag: &[u8]) -> bool {
    [
        "stylesheet",
        "preload",
        "prefetch",
        "preconnect",
        "icon",
        "manifest",
    ]
    .iter()
    .any(|r| contains_ignore_case(tag, r.as_bytes()))
        && !["canonical", "author", "alternate", "amphtml", "publisher"]
            .iter()
            .any(|r| contains_ignore_case(tag, r.as_bytes()))
}

/// Nesting deeper than this is flattened (start and end tags beyond it are dropped).
const MAX_DEPTH: u32 = 2048;

/// Elements counted for nesting depth: not void, end tag not optional, not raw text.
fn counts_for_depth(name: &[u8]) -> bool {
    let mut buf = [0u8; 10];
    let Some(dst) = buf.get_mut(..name.len()) else {
        return true;
    };
    dst.copy_from_slice(name);
    dst.make_ascii_lowercase();
    !matches!(
        &*dst,
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"link"
            | b"meta"
            | b"param"
            | b"source"
            | b"track"
            | b"wbr"
            | b"keygen"
            | b"p"
            | b"li"
            | b"dt"
            | b"dd"
            | b"option"
            | b"optgroup"
            | b"tr"
            | b"td"
            | b"th"
            | b"tbody"
            | b"thead"
            | b"tfoot"
            | b"colgroup"
            | b"caption"
            | b"rb"
            | b"rt"
            | b"rtc"
            | b"rp"
            | b"html"
            | b"head"
            | b"body"
            | b"script"
            | b"style"
            | b"svg"
            | b"noscript"
            | b"select"
            | b"title"
            | b"textarea"
            | b"xmp"
            | b"iframe"
            | b"noembed"
            | b"noframes"
            | b"plaintext"
    )
}

/// Returns `html` with script/style/svg bodies and comments removed, start tags
/// reduced to the attributes in [`KEEP_ATTRS`] (plus `style` when it may hide the
/// element) and runs of whitespace between tags shortened to one character.
///
/// The scanner follows the HTML tokenizer's rules for tags, attributes and comments,
/// so the parsed tree keeps the same elements and text.
pub fn strip_raw_text(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(html.len() / 2);
    let mut pos = 0usize;
    // Open elements (roughly: those whose end tag is required), and start tags dropped
    // beyond MAX_DEPTH whose end tags are still to come.
    let (mut depth, mut excess) = (0u32, 0u32);
    while pos < bytes.len() {
        let Some(off) = memchr::memchr(b'<', &bytes[pos..]) else {
            push_text(&mut out, &bytes[pos..]);
            break;
        };
        let lt = pos + off;
        push_text(&mut out, &bytes[pos..lt]);
        let rest = &bytes[lt + 1..];
        if rest.starts_with(b"!--") {
            pos = comment_end(bytes, lt + 4);
            continue;
        }
        match rest.first() {
            Some(b'!' | b'?') => {
                // Doctype or bogus comment: up to the first `>`.
                let end = memchr::memchr(b'>', rest).map_or(bytes.len(), |i| lt + 1 + i + 1);
                out.extend_from_slice(&bytes[lt..end]);
                pos = end;
            }
            Some(b'/') if rest.get(1).is_some_and(u8::is_ascii_alphabetic) => {
                let end = tag_end(bytes, lt + 2).unwrap_or(bytes.len());
                let name_end = rest[1..]
                    .iter()
                    .position(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>')
                    .map_or(rest.len(), |i| i + 1);
                if counts_for_depth(&rest[1..name_end]) {
                    if excess > 0 {
                        // The end tag of a start tag dropped for depth.
                        excess -= 1;
                        pos = end;
                        continue;
                    }
                    depth = depth.saturating_sub(1);
                }
                out.extend_from_slice(&bytes[lt..end]);
                pos = end;
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let mark = out.len();
                let Some((name, end)) = start_tag(bytes, lt, &mut out) else {
                    // Unfinished tag at the end of input: the tokenizer drops it too.
                    out.extend_from_slice(&bytes[lt..]);
                    pos = bytes.len();
                    continue;
                };
                pos = end;
                if name.eq_ignore_ascii_case(b"plaintext") {
                    out.extend_from_slice(&bytes[pos..]);
                    break;
                }
                let open_tag = &bytes[lt..end];
                if counts_for_depth(name) && !open_tag.ends_with(b"/>") {
                    if depth >= MAX_DEPTH {
                        // Absurd nesting: html5ever's scope checks make every further
                        // level cost as much as all before it. Keep the text, flatten.
                        excess += 1;
                        out.truncate(mark);
                        continue;
                    }
                    depth += 1;
                }
                if VOID_DROPPED
                    .iter()
                    .any(|v| name.eq_ignore_ascii_case(v.as_bytes()))
                    || (name.eq_ignore_ascii_case(b"link") && is_resource_link(open_tag))
                {
                    // Void elements without text (or a stylesheet/icon link): gone.
                    out.truncate(mark);
                    continue;
                }
                let Some((elname, action)) = ELEMENTS
                    .iter()
                    .find(|(n, _)| name.eq_ignore_ascii_case(n.as_bytes()))
                else {
                    continue;
                };
                if *elname == "svg" && open_tag.ends_with(b"/>") {
                    out.truncate(mark);
                    continue;
                }
                let found = find_close(bytes, end, elname.as_bytes());
                if found.is_none() && *action == Action::EmptyIfClosed {
                    continue;
                }
                let close = found.unwrap_or(bytes.len());
                let keep = match action {
                    Action::Copy => true,
                    Action::EmptyIfClosed => false,
                    Action::Empty => {
                        *elname == "script" && contains_ignore_case(open_tag, b"ld+json")
                    }
                };
                if keep {
                    out.extend_from_slice(&bytes[end..close]);
                    pos = close;
                } else {
                    // The whole element goes: start tag, content and end tag.
                    out.truncate(mark);
                    pos = tag_end(bytes, close + 2).unwrap_or(bytes.len());
                }
            }
            _ => {
                out.push(b'<');
                pos = lt + 1;
            }
        }
    }
    // Cuts are made only next to ASCII bytes, so this is valid UTF-8.
    Cow::Owned(
        String::from_utf8(out)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
    )
}

/// Copies text, shortening each run of ASCII whitespace to its first character.
fn push_text(out: &mut Vec<u8>, text: &[u8]) {
    let mut prev_ws = false;
    let mut start = 0;
    for (i, &b) in text.iter().enumerate() {
        let ws = matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c');
        if ws && prev_ws {
            out.extend_from_slice(&text[start..i]);
            start = i + 1;
        }
        prev_ws = ws;
    }
    out.extend_from_slice(&text[start..]);
}

/// Writes the start tag at `lt` with only the kept attributes; returns its name and
/// the position after its `>`, or `None` when the input ends inside the tag.
fn start_tag<'a>(bytes: &'a [u8], lt: usize, out: &mut Vec<u8>) -> Option<(&'a [u8], usize)> {
    let is_ws = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c');
    let mut i = lt + 1;
    while i < bytes.len() && !is_ws(bytes[i]) && bytes[i] != b'/' && bytes[i] != b'>' {
        i += 1;
    }
    let name = &bytes[lt + 1..i];
    let mark = out.len();
    out.push(b'<');
    out.extend_from_slice(name);
    let mut self_closing = false;
    loop {
        while i < bytes.len() && (is_ws(bytes[i]) || bytes[i] == b'/') {
            self_closing = bytes[i] == b'/';
            i += 1;
        }
        let Some(&b) = bytes.get(i) else {
            out.truncate(mark);
            return None;
        };
        if b == b'>' {
            break;
        }
        self_closing = false;
        // Attribute name (a leading `=` belongs to the name).
        let name_start = i;
        i += 1;
        while i < bytes.len() && !is_ws(bytes[i]) && !matches!(bytes[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        let attr = &bytes[name_start..i];
        let mut j = i;
        while j < bytes.len() && is_ws(bytes[j]) {
            j += 1;
        }
        if bytes.get(j) == Some(&b'=') {
            j += 1;
            while j < bytes.len() && is_ws(bytes[j]) {
                j += 1;
            }
            match bytes.get(j) {
                Some(&q @ (b'"' | b'\'')) => {
                    let close = memchr::memchr(q, &bytes[j + 1..]);
                    let Some(c) = close else {
                        out.truncate(mark);
                        return None;
                    };
                    i = j + 1 + c + 1;
                }
                Some(b'>') | None => i = j,
                Some(_) => {
                    while j < bytes.len() && !is_ws(bytes[j]) && bytes[j] != b'>' {
                        j += 1;
                    }
                    i = j;
                }
            }
        }
        let value = &bytes[name_start..i];
        let keep = KEEP_ATTRS
            .iter()
            .any(|k| attr.eq_ignore_ascii_case(k.as_bytes()))
            || (attr.eq_ignore_ascii_case(b"style")
                && (contains_ignore_case(value, b"none")
                    || contains_ignore_case(value, b"hidden")));
        if keep {
            out.push(b' ');
            out.extend_from_slice(value);
        }
    }
    if self_closing {
        out.push(b'/');
    }
    out.push(b'>');
    Some((name, i + 1))
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
        assert_eq!(strip_raw_text(html), "<p>a</p><p>b</p>");
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
        assert_eq!(strip_raw_text(html), "<p>t</p>");
    }

    #[test]
    fn keeps_only_useful_attributes_and_squeezes_whitespace() {
        let html = "<div class=\"a\"data-x='1' id=b onclick=\"go()\" hidden>\n\n   x  y</div>\
                    <a HREF=\"/p?a=1&amp;b=2\" srcset=\"q 1x\">l</a><p style=\"display: none\">h</p><br/>";
        assert_eq!(
            strip_raw_text(html),
            "<div class=\"a\" id=b hidden>\nx y</div><a HREF=\"/p?a=1&amp;b=2\">l</a><p style=\"display: none\">h</p><br/>"
        );
    }

    #[test]
    fn noscript_and_select_emptied_only_when_closed() {
        assert_eq!(
            strip_raw_text("<noscript><img></noscript><select><option>A</select>x"),
            "x"
        );
        assert_eq!(strip_raw_text("<noscript><p>t</p>"), "<noscript><p>t</p>");
    }

    #[test]
    fn drops_textless_void_elements_and_resource_links() {
        let html = "<link rel=stylesheet href=a.css><link rel=canonical href=/x><p>a<img src=x.png>b<br><input type=text></p>";
        assert_eq!(
            strip_raw_text(html),
            "<link rel=canonical href=/x><p>ab<br></p>"
        );
    }

    #[test]
    fn absurd_nesting_is_flattened_keeping_text() {
        let n = MAX_DEPTH as usize + 500;
        let html = format!(
            "{}<p>deep text</p>{}<p>after</p>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let out = strip_raw_text(&html);
        assert_eq!(out.matches("<div>").count(), MAX_DEPTH as usize);
        assert_eq!(out.matches("</div>").count(), MAX_DEPTH as usize);
        assert!(out.contains("<p>deep text</p>") && out.ends_with("<p>after</p>"));
        // Ordinary nesting is untouched.
        let html = "<div><span>a</span><div><b>b</b></div></div>";
        assert_eq!(strip_raw_text(html), html);
    }

    #[test]
    fn odd_markup_survives() {
        for html in [
            "<p a=\"unclosed",
            "<p",
            "< p>",
            "<!doctype html><p>x</p>",
            "<a b='>'>c</a>",
            "<?xml x?>t",
            "</ p>",
            "<div/class=x>y</div>",
        ] {
            let text = |h: &str| {
                scraper::Html::parse_document(h)
                    .root_element()
                    .text()
                    .collect::<String>()
            };
            assert_eq!(text(html), text(&strip_raw_text(html)), "{html}");
        }
    }

    #[test]
    fn unclosed_script_runs_to_end() {
        assert_eq!(strip_raw_text("<p>a</p><script>x<p>b"), "<p>a</p>");
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
