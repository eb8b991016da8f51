//! schema.org JSON-LD: lenient parsing and the fields storyline needs.

use std::collections::HashMap;

use serde_json::{Map, Value};

/// Most JSON values looked at across one page's JSON-LD (bounds the work).
const MAX_NODES: usize = 20_000;
/// Largest JSON-LD script read, in bytes.
const MAX_SCRIPT: usize = 2 * 1024 * 1024;

/// What the page's JSON-LD says about the article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LdInfo {
    /// `headline` (or `name`) of the main article object.
    pub headline: Option<String>,
    /// `datePublished` (else `dateCreated`, `uploadDate`) as written.
    pub published: Option<String>,
    /// `dateModified` as written.
    pub modified: Option<String>,
    /// Author names in order.
    pub authors: Vec<String>,
    /// `publisher.name`, else the `WebSite`'s or an `Organization`'s name.
    pub publisher: Option<String>,
    /// `inLanguage`.
    pub language: Option<String>,
    /// `description`.
    pub description: Option<String>,
    /// `url` / `mainEntityOfPage` of the article.
    pub url: Option<String>,
    /// Whether an Article-like object (not only a WebPage) was found.
    pub is_article: bool,
}

/// Parses JSON-LD text, tolerating what pages get wrong: HTML comments and CDATA
/// around it, trailing commas, raw control characters in strings, bad escapes and
/// several objects one after the other.
pub fn parse_lenient(raw: &str) -> Vec<Value> {
    if raw.len() > MAX_SCRIPT {
        return Vec::new();
    }
    let s = strip_wrappers(raw);
    if s.is_empty() {
        return Vec::new();
    }
    if let Ok(v) = serde_json::from_str::<Value>(s) {
        return vec![v];
    }
    let repaired = repair(s);
    if let Ok(v) = serde_json::from_str::<Value>(&repaired) {
        return vec![v];
    }
    parse_stream(&repaired)
}

fn strip_wrappers(raw: &str) -> &str {
    let mut s = raw.trim();
    loop {
        let before = s.len();
        for p in ["<!--", "//<![CDATA[", "<![CDATA[", "/*<![CDATA[*/"] {
            s = s.strip_prefix(p).unwrap_or(s).trim_start();
        }
        for p in ["-->", "//]]>", "]]>", "/*]]>*/", ";"] {
            s = s.strip_suffix(p).unwrap_or(s).trim_end();
        }
        if s.len() == before {
            return s;
        }
    }
}

/// Removes trailing commas, replaces control characters inside strings and drops
/// backslashes before characters that cannot be escaped.
fn repair(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        if in_string {
            match c {
                '\\' => {
                    if let Some('"' | '\\' | '/' | 'b' | 'f' | 'n' | 'r' | 't' | 'u') = chars.peek()
                    {
                        out.push('\\');
                        if let Some(n) = chars.next() {
                            out.push(n);
                        }
                    }
                }
                '"' => {
                    in_string = false;
                    out.push(c);
                }
                c if c.is_control() => out.push(' '),
                c => out.push(c),
            }
        } else {
            match c {
                '"' => {
                    in_string = true;
                    out.push(c);
                }
                ',' => {
                    let next = chars.clone().find(|n| !n.is_whitespace());
                    if !matches!(next, Some('}' | ']')) {
                        out.push(c);
                    }
                }
                c if c.is_control() => out.push(' '),
                c => out.push(c),
            }
        }
    }
    out
}

/// Several JSON values one after the other, separated by whitespace, commas or
/// semicolons; stops at the first one that does not parse.
fn parse_stream(s: &str) -> Vec<Value> {
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < s.len() && out.len() < 64 {
        let Some(rest) = s.get(pos..) else { break };
        let trimmed = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',' || c == ';');
        pos += rest.len() - trimmed.len();
        if trimmed.is_empty() {
            break;
        }
        let mut stream = serde_json::Deserializer::from_str(trimmed).into_iter::<Value>();
        match stream.next() {
            Some(Ok(v)) => {
                out.push(v);
                pos += stream.byte_offset().max(1);
            }
            _ => break,
        }
    }
    out
}

fn types(obj: &Map<String, Value>) -> Vec<&str> {
    match obj.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn strip_schema(t: &str) -> &str {
    t.rsplit(['/', ':']).next().unwrap_or(t)
}

fn is_article_type(t: &str) -> bool {
    let t = strip_schema(t);
    t.ends_with("Article") || t.ends_with("Posting") || matches!(t, "Report" | "Review")
}

fn is_page_type(t: &str) -> bool {
    strip_schema(t).ends_with("Page")
}

fn is_org_type(t: &str) -> bool {
    let t = strip_schema(t);
    t.ends_with("Organization") || matches!(t, "Corporation" | "NewsMediaOrganization")
}

/// A string field, or the first string of a list, or `@value`; trimmed, non-empty.
fn text_of(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.clone(),
        Value::Array(a) => return a.iter().find_map(text_of),
        Value::Object(o) => return o.get("@value").and_then(text_of),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    let s = crate::text::collapse_whitespace(&decode_entities(&s));
    (!s.is_empty()).then_some(s)
}

/// Entities some sites leave inside JSON strings (`&amp;`, `&#8217;`).
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let end = tail.find(';').filter(|e| *e <= 10);
        let decoded = end.and_then(|e| {
            let ent = &tail[1..e];
            let c = match ent {
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "nbsp" => Some(' '),
                _ => {
                    let n = if let Some(h) = ent.strip_prefix("#x").or(ent.strip_prefix("#X")) {
                        u32::from_str_radix(h, 16).ok()
                    } else {
                        ent.strip_prefix('#').and_then(|d| d.parse().ok())
                    };
                    n.and_then(char::from_u32)
                }
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &tail[len..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Every JSON object in the values, breadth-first, bounded.
fn objects(values: &[Value]) -> Vec<&Map<String, Value>> {
    let mut out = Vec::new();
    let mut queue: std::collections::VecDeque<&Value> = values.iter().collect();
    let mut seen = 0usize;
    while let Some(v) = queue.pop_front() {
        seen += 1;
        if seen > MAX_NODES {
            break;
        }
        match v {
            Value::Object(o) => {
                out.push(o);
                queue.extend(o.values().filter(|c| c.is_object() || c.is_array()));
            }
            Value::Array(a) => queue.extend(a.iter().filter(|c| c.is_object() || c.is_array())),
            _ => {}
        }
    }
    out
}

/// Resolves `{"@id": …}` references to the full object when the graph has it.
fn resolve<'a>(
    o: &'a Map<String, Value>,
    ids: &HashMap<&str, &'a Map<String, Value>>,
) -> &'a Map<String, Value> {
    if o.get("name").is_none()
        && let Some(id) = o.get("@id").and_then(Value::as_str)
        && let Some(full) = ids.get(id)
    {
        return full;
    }
    o
}

fn name_of(o: &Map<String, Value>) -> Option<String> {
    if let Some(n) = o.get("name").and_then(text_of) {
        return Some(n);
    }
    let given = o.get("givenName").and_then(text_of);
    let family = o.get("familyName").and_then(text_of);
    match (given, family) {
        (Some(g), Some(f)) => Some(format!("{g} {f}")),
        (Some(n), None) | (None, Some(n)) => Some(n),
        _ => None,
    }
}

fn people(v: &Value, ids: &HashMap<&str, &Map<String, Value>>, out: &mut Vec<String>) {
    let items: Vec<&Value> = match v {
        Value::Array(a) => a.iter().take(50).collect(),
        v => vec![v],
    };
    for item in items {
        match item {
            Value::String(s) => {
                let s = crate::text::collapse_whitespace(&decode_entities(s));
                if !s.is_empty() {
                    out.push(s);
                }
            }
            Value::Object(o) => {
                if let Some(n) = name_of(resolve(o, ids)) {
                    out.push(n);
                }
            }
            Value::Array(inner) => {
                for i in inner.iter().take(50) {
                    if let Some(n) = i.as_str() {
                        out.push(n.trim().to_string());
                    } else if let Some(o) = i.as_object()
                        && let Some(n) = name_of(resolve(o, ids))
                    {
                        out.push(n);
                    }
                }
            }
            _ => {}
        }
    }
}

fn org_name(v: &Value, ids: &HashMap<&str, &Map<String, Value>>) -> Option<String> {
    match v {
        Value::String(s) => text_of(&Value::String(s.clone())),
        Value::Object(o) => name_of(resolve(o, ids)),
        Value::Array(a) => a.iter().find_map(|x| org_name(x, ids)),
        _ => None,
    }
}

/// Reads the article fields from the JSON-LD scripts of one page.
pub fn extract(scripts: &[String]) -> LdInfo {
    let values: Vec<Value> = scripts.iter().flat_map(|s| parse_lenient(s)).collect();
    let objs = objects(&values);
    let mut ids: HashMap<&str, &Map<String, Value>> = HashMap::new();
    for o in &objs {
        if let Some(id) = o.get("@id").and_then(Value::as_str)
            && o.len() > 1
        {
            ids.entry(id).or_insert(o);
        }
    }
    // The Article-like object carrying the most of what we need; the first wins ties.
    let mut article: Option<&Map<String, Value>> = None;
    let mut best = 0;
    for o in objs
        .iter()
        .filter(|o| types(o).iter().any(|t| is_article_type(t)))
    {
        let score = 1 + ["headline", "datePublished", "author"]
            .iter()
            .filter(|k| o.contains_key(**k))
            .count();
        if score > best {
            best = score;
            article = Some(o);
        }
    }
    let page = objs
        .iter()
        .find(|o| types(o).iter().any(|t| is_page_type(t)))
        .copied();
    let mut info = LdInfo {
        is_article: article.is_some(),
        ..LdInfo::default()
    };
    // Field by field: the article first, then the web page.
    let main: Vec<&Map<String, Value>> = article.into_iter().chain(page).collect();
    for o in &main {
        if info.headline.is_none() {
            info.headline = o.get("headline").and_then(text_of).or_else(|| {
                o.get("name")
                    .and_then(text_of)
                    .filter(|_| o.get("headline").is_none())
            });
        }
        if info.published.is_none() {
            info.published = ["datePublished", "dateCreated", "uploadDate"]
                .iter()
                .find_map(|k| o.get(*k).and_then(text_of));
        }
        if info.modified.is_none() {
            info.modified = o.get("dateModified").and_then(text_of);
        }
        if info.authors.is_empty() {
            for k in ["author", "creator"] {
                if let Some(v) = o.get(k) {
                    people(v, &ids, &mut info.authors);
                }
                if !info.authors.is_empty() {
                    break;
                }
            }
        }
        if info.publisher.is_none() {
            info.publisher = o.get("publisher").and_then(|v| org_name(v, &ids));
        }
        if info.language.is_none() {
            info.language = o.get("inLanguage").and_then(|v| match v {
                Value::Object(l) => l.get("name").or(l.get("alternateName")).and_then(text_of),
                v => text_of(v),
            });
        }
        if info.description.is_none() {
            info.description = o.get("description").and_then(text_of);
        }
        if info.url.is_none() {
            info.url = o.get("url").and_then(text_of).or_else(|| {
                o.get("mainEntityOfPage").and_then(|m| match m {
                    Value::Object(mo) => mo.get("@id").or(mo.get("url")).and_then(text_of),
                    m => text_of(m),
                })
            });
        }
    }
    if info.publisher.is_none() {
        info.publisher = objs
            .iter()
            .find(|o| types(o).iter().any(|t| strip_schema(t) == "WebSite"))
            .and_then(|o| name_of(o))
            .or_else(|| {
                objs.iter()
                    .find(|o| types(o).iter().any(|t| is_org_type(t)))
                    .and_then(|o| name_of(o))
            });
    }
    info.authors.dedup();
    info
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graph_with_references() {
        let s = r#"{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","@id":"https://x.com/#website","name":"Example Site"},
            {"@type":"WebPage","@id":"https://x.com/a#page","name":"Page name | Example Site","datePublished":"2023-01-02"},
            {"@type":"Person","@id":"https://x.com/#/person/1","name":"Jane Doe"},
            {"@type":["NewsArticle"],"headline":"The headline","datePublished":"2023-11-10T17:03:27Z",
             "author":{"@id":"https://x.com/#/person/1"},"publisher":{"@id":"https://x.com/#org"}},
            {"@type":"Organization","@id":"https://x.com/#org","name":"Example Org"}
        ]}"#;
        let info = extract(&[s.to_string()]);
        assert_eq!(info.headline.as_deref(), Some("The headline"));
        assert_eq!(info.published.as_deref(), Some("2023-11-10T17:03:27Z"));
        assert_eq!(info.authors, vec!["Jane Doe".to_string()]);
        assert_eq!(info.publisher.as_deref(), Some("Example Org"));
        assert!(info.is_article);
    }

    #[test]
    fn lists_and_author_shapes() {
        let s = r#"[{"@type":"BlogPosting","headline":"H &amp; B","author":[{"@type":"Person","name":"A One"},"B Two",{"givenName":"C","familyName":"Three"}],"publisher":{"name":"Pub"}}]"#;
        let info = extract(&[s.to_string()]);
        assert_eq!(info.headline.as_deref(), Some("H & B"));
        assert_eq!(info.authors, vec!["A One", "B Two", "C Three"]);
        assert_eq!(info.publisher.as_deref(), Some("Pub"));
    }

    #[test]
    fn malformed_json_is_repaired() {
        let s = "<!--\n{\"@type\": \"Article\", \"headline\": \"Line\nbreak\", \"author\": {\"name\": \"X\",},}\n-->";
        let info = extract(&[s.to_string()]);
        assert_eq!(info.headline.as_deref(), Some("Line break"));
        assert_eq!(info.authors, vec!["X"]);
        let two = r#"{"@type":"WebSite","name":"S"} {"@type":"ReportageNewsArticle","headline":"Two","datePublished":"2020-01-01"}"#;
        let info = extract(&[two.to_string()]);
        assert_eq!(info.headline.as_deref(), Some("Two"));
        assert_eq!(info.publisher.as_deref(), Some("S"));
        let cdata = "//<![CDATA[\n{\"@type\":\"NewsArticle\",\"headline\":\"It\\'s\"}\n//]]>";
        assert_eq!(
            extract(&[cdata.to_string()]).headline.as_deref(),
            Some("It's")
        );
    }

    #[test]
    fn garbage_gives_nothing() {
        for s in ["", "{", "not json", "[[[[", "{\"@type\":1}"] {
            let info = extract(&[s.to_string()]);
            assert_eq!(info, LdInfo::default(), "{s}");
        }
    }

    #[test]
    fn webpage_only() {
        let s = r#"{"@type":"WebPage","name":"Only a page","datePublished":"2022-05-06","inLanguage":"de-DE"}"#;
        let info = extract(&[s.to_string()]);
        assert_eq!(info.headline.as_deref(), Some("Only a page"));
        assert_eq!(info.language.as_deref(), Some("de-DE"));
        assert!(!info.is_article);
    }
}
