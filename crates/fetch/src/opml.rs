//! OPML 1.0/2.0 subscription lists: import (outlines with `xmlUrl`, folders as the
//! outlines that hold them, nested folders joined with `/`) and export. Pure.

/// One subscription of an OPML list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscription {
    pub url: String,
    pub title: Option<String>,
    /// The folder path (`News/Europe`), `None` at the top level.
    pub folder: Option<String>,
}

/// Why an OPML file could not be read.
#[derive(Debug, thiserror::Error)]
#[error("invalid OPML: {0}")]
pub struct OpmlError(String);

/// Reads the subscriptions of an OPML document, in document order.
pub fn parse(text: &str) -> Result<Vec<Subscription>, OpmlError> {
    let doc = roxmltree::Document::parse_with_options(
        text.trim_start_matches('\u{feff}'),
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .map_err(|e| OpmlError(e.to_string()))?;
    let root = doc.root_element();
    if !root.tag_name().name().eq_ignore_ascii_case("opml") {
        return Err(OpmlError(format!(
            "the root element is <{}>, not <opml>",
            root.tag_name().name()
        )));
    }
    let Some(body) = root
        .children()
        .find(|n| n.is_element() && n.tag_name().name() == "body")
    else {
        return Err(OpmlError("no <body>".into()));
    };
    let mut out = Vec::new();
    // An explicit stack of (node, folder path): deep nesting cannot overflow ours.
    let mut stack: Vec<(roxmltree::Node<'_, '_>, Vec<String>)> = body
        .children()
        .filter(|n| n.is_element())
        .rev()
        .map(|n| (n, Vec::new()))
        .collect();
    while let Some((node, path)) = stack.pop() {
        if node.tag_name().name() != "outline" {
            continue;
        }
        let attr = |name: &str| {
            node.attributes()
                .find(|a| a.name().eq_ignore_ascii_case(name))
                .map(|a| a.value().trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let title = attr("title").or_else(|| attr("text"));
        if let Some(url) = attr("xmlUrl") {
            out.push(Subscription {
                url,
                title: title.clone(),
                folder: (!path.is_empty()).then(|| path.join("/")),
            });
        }
        let mut inner = path.clone();
        if attr("xmlUrl").is_none() {
            inner.push(title.unwrap_or_else(|| "untitled".into()));
        }
        for child in node.children().filter(|n| n.is_element()).rev() {
            stack.push((child, inner.clone()));
        }
    }
    Ok(out)
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes an OPML 2.0 document: folders (split on `/`) become nested outlines, in the
/// order the subscriptions come.
pub fn write(title: &str, subs: &[Subscription]) -> String {
    let mut out =
        String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n");
    out.push_str(&format!(
        "  <head>\n    <title>{}</title>\n  </head>\n  <body>\n",
        escape(title)
    ));
    let mut sorted: Vec<&Subscription> = subs.iter().collect();
    sorted.sort_by(|a, b| a.folder.cmp(&b.folder));
    let mut open: Vec<String> = Vec::new();
    for s in sorted {
        let path: Vec<String> = s
            .folder
            .as_deref()
            .map(|f| f.split('/').map(str::to_string).collect())
            .unwrap_or_default();
        let common = open.iter().zip(&path).take_while(|(a, b)| a == b).count();
        while open.len() > common {
            open.pop();
            out.push_str(&"  ".repeat(open.len() + 2));
            out.push_str("</outline>\n");
        }
        for part in &path[common..] {
            out.push_str(&"  ".repeat(open.len() + 2));
            out.push_str(&format!(
                "<outline text=\"{0}\" title=\"{0}\">\n",
                escape(part)
            ));
            open.push(part.clone());
        }
        let title = escape(s.title.as_deref().unwrap_or(&s.url));
        out.push_str(&"  ".repeat(open.len() + 2));
        out.push_str(&format!(
            "<outline type=\"rss\" text=\"{title}\" title=\"{title}\" xmlUrl=\"{}\"/>\n",
            escape(&s.url)
        ));
    }
    while !open.is_empty() {
        open.pop();
        out.push_str(&"  ".repeat(open.len() + 2));
        out.push_str("</outline>\n");
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_round_trip() {
        let text = r#"<?xml version="1.0"?>
<opml version="1.0"><head><title>subs</title></head><body>
  <outline text="Top" xmlUrl="https://top.example/rss"/>
  <outline text="News">
    <outline text="Europe">
      <outline text="Le Val" title="Le Val &amp; Co" type="rss" xmlUrl="https://val.example/feed"/>
    </outline>
    <outline text="Wire" xmlUrl="https://wire.example/atom"/>
  </outline>
  <outline text="Empty folder"/>
</body></opml>"#;
        let subs = parse(text).unwrap();
        assert_eq!(subs.len(), 3);
        assert_eq!(subs[0].folder, None);
        assert_eq!(subs[1].folder.as_deref(), Some("News/Europe"));
        assert_eq!(subs[1].title.as_deref(), Some("Le Val & Co"));
        assert_eq!(subs[2].folder.as_deref(), Some("News"));
        let again = parse(&write("subs", &subs)).unwrap();
        let mut a = subs.clone();
        a.sort_by(|x, y| x.url.cmp(&y.url));
        let mut b = again;
        b.sort_by(|x, y| x.url.cmp(&y.url));
        assert_eq!(a, b);
    }

    #[test]
    fn not_opml() {
        assert!(parse("<rss/>").is_err());
        assert!(parse("<opml><head/></opml>").is_err());
        assert!(parse("<opml><body><outline").is_err());
    }
}
