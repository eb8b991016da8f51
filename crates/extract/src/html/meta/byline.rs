//! Bylines: from "By Jane Doe and John Roe, Senior Reporter | Updated 10 Nov 2023"
//! to `["Jane Doe", "John Roe"]`.

/// Words that open a byline and are not part of a name.
const LEADS: &[&str] = &[
    "written by",
    "posted by",
    "published by",
    "reported by",
    "reporting by",
    "words by",
    "story by",
    "text by",
    "article by",
    "review by",
    "edited by",
    "by",
    "author:",
    "authors:",
    "author",
    "autor:",
    "autor",
    "auteur:",
    "auteur",
    "par",
    "von",
    "por",
    "door",
    "автор:",
    "автор",
    "text:",
    "texte:",
    "staff writer",
    "staff reporter",
    "senior reporter",
    "special correspondent",
    "correspondent",
    "reporter",
];

/// Role words that open a byline in Chinese and Japanese ("记者 李明", "本报记者李明",
/// "記者　山田太郎"): stripped with or without a space after them. Longest first.
const CJK_LEADS: &[&str] = &[
    "本报记者",
    "本報記者",
    "特约记者",
    "实习记者",
    "通讯员",
    "通訊員",
    "编辑",
    "作者",
    "记者",
    "記者",
    "文／",
    "文/",
    "文：",
];

/// Words that end the names part of a byline (dates, updates, reading times).
const STOPS: &[&str] = &[
    " updated",
    " published",
    " posted",
    " last updated",
    " modified",
    " on ",
    " | ",
    " - ",
    " – ",
    " — ",
    "•",
    "·",
    " min read",
    " read time",
    "follow ",
    " in ",
    " at ",
    " am ",
    " reviewed by",
    " fact checked by",
    " fact-checked by",
    " edited by",
    " photographs by",
    " photos by",
    " illustrations by",
];

/// Words that make a part a job title or a role, not a name.
const ROLES: &[&str] = &[
    "reporter",
    "correspondent",
    "editor",
    "writer",
    "journalist",
    "contributor",
    "columnist",
    "producer",
    "photographer",
    "analyst",
    "staff",
    "senior",
    "chief",
    "bureau",
    "desk",
    "news service",
    "newsroom",
    "special to",
    "reuters",
    "associated press",
    "contributing",
    "freelance",
    "professor",
    "director",
    "manager",
    "founder",
    "ceo",
    "updated",
    "published",
    "minute",
    "min read",
    "share",
    "follow",
    "view all",
    "posts by",
    "more from",
    "about the author",
    "and more",
    "name",
    "md",
    "phd",
    "ph.d",
    "dvm",
    "rn",
    "mba",
    "cpa",
    "rd",
    "e-ryt",
    "click",
    "sign in",
    "log in",
    "subscribe",
];

/// Lower-case words that may sit inside a name ("Ursula von der Leyen").
const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "da", "di", "du", "des", "del", "della", "dos", "das", "le",
    "la", "bin", "bint", "ibn", "al", "el", "ter", "ten", "zu", "y",
];

/// Lower case letters and digits: how names are compared.
pub fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn strip_lead(s: &str) -> &str {
    let mut s = s.trim_start_matches(|c: char| !c.is_alphanumeric());
    for _ in 0..3 {
        if let Some(lead) = CJK_LEADS.iter().find(|l| s.starts_with(**l))
            && let Some(rest) = s.get(lead.len()..)
        {
            let rest =
                rest.trim_start_matches(|c: char| c.is_whitespace() || c == ':' || c == '：');
            if !rest.is_empty() {
                s = rest;
                continue;
            }
        }
        let lower = s.to_lowercase();
        let Some(lead) = LEADS.iter().find(|l| {
            lower.starts_with(**l)
                && (l.ends_with(':')
                    || lower
                        .get(l.len()..)
                        .and_then(|r| r.chars().next())
                        .is_none_or(|c| c.is_whitespace() || c == ':'))
        }) else {
            return s;
        };
        match s.get(lead.len()..) {
            Some(rest) => s = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ':'),
            None => return s,
        }
    }
    s
}

fn cut_at_stops(s: &str) -> &str {
    let lower = s.to_lowercase();
    let mut end = s.len();
    for stop in STOPS {
        if let Some(i) = lower.find(stop)
            && i < end
            && s.is_char_boundary(i)
        {
            end = i;
        }
    }
    if let Some((i, _)) = crate::dates::find_date_with_pos(s)
        && i < end
        && s.is_char_boundary(i)
    {
        end = i;
    }
    s.get(..end).unwrap_or(s)
}

fn looks_like_name(n: &str, outlets: &[String], strict: bool) -> bool {
    let words = n.split_whitespace().count();
    let len = n.chars().count();
    if !(1..=6).contains(&words) || !(2..=60).contains(&len) {
        return false;
    }
    if !n.chars().next().is_some_and(char::is_alphabetic) {
        return false;
    }
    if n.contains("://") || n.contains('@') || n.starts_with("www.") || n.contains(".com") {
        return false;
    }
    if n.chars().filter(|c| c.is_ascii_digit()).count() > 0 {
        return false;
    }
    // Names are capitalised (particles aside): "hundreds of readers" is prose.
    if strict
        && n.split_whitespace()
            .any(|w| w.chars().next().is_some_and(char::is_lowercase) && !PARTICLES.contains(&w))
    {
        return false;
    }
    let lower = n.to_lowercase();
    if ROLES.iter().any(|r| {
        lower == *r
            || lower.starts_with(&format!("{r} "))
            || lower.ends_with(&format!(" {r}"))
            || lower.contains(&format!(" {r} "))
    }) {
        return false;
    }
    let key = norm(n);
    !outlets.iter().any(|o| norm(o) == key)
}

/// Splits one byline into names: strips "By", roles, outlet names, dates and
/// "Updated …", splits "A, B and C", drops URLs and e-mail addresses.
pub fn split_byline(raw: &str, outlets: &[String]) -> Vec<String> {
    split_byline_with(raw, outlets, false)
}

/// Like [`split_byline`]; `strict` (for bylines read from page text, not metadata)
/// also refuses names with lower-case words ("hundreds of readers"), which metadata
/// may legitimately hold (user names such as "jsmith").
pub fn split_byline_with(raw: &str, outlets: &[String], strict: bool) -> Vec<String> {
    let s = crate::text::collapse_whitespace(raw);
    if s.is_empty() || s.chars().count() > 300 || s.contains("://") || s.starts_with("www.") {
        return Vec::new();
    }
    let s = strip_lead(&s);
    let s = cut_at_stops(s);
    let mut out: Vec<String> = Vec::new();
    let separators = [
        ",", ";", " and ", " & ", " und ", " et ", " y ", " e ", " en ", " и ", " with ", "/",
    ];
    let mut parts: Vec<String> = vec![s.to_string()];
    for sep in separators {
        parts = parts
            .iter()
            .flat_map(|p| {
                let lower = p.to_lowercase();
                if lower.len() == p.len() && lower.contains(sep) {
                    let mut pieces = Vec::new();
                    let mut start = 0;
                    for (i, _) in lower.match_indices(sep) {
                        pieces.push(p.get(start..i).unwrap_or_default().to_string());
                        start = i + sep.len();
                    }
                    pieces.push(p.get(start..).unwrap_or_default().to_string());
                    pieces
                } else if p.contains(sep) {
                    p.split(sep).map(str::to_string).collect()
                } else {
                    vec![p.clone()]
                }
            })
            .collect();
    }
    for p in parts {
        let name = strip_lead(p.trim())
            .trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'')
            .trim_end_matches('.')
            .trim();
        if looks_like_name(name, outlets, strict) && !out.iter().any(|o| norm(o) == norm(name)) {
            out.push(name.to_string());
        }
    }
    out
}

/// Cleans a list of author strings (each may hold several names) into distinct names.
pub fn clean_authors(raw: &[String], outlets: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in raw {
        for name in split_byline(r, outlets) {
            if !out.iter().any(|o| norm(o) == norm(&name)) {
                out.push(name);
            }
        }
        if out.len() >= 20 {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(raw: &str) -> Vec<String> {
        split_byline(raw, &["CNN".to_string()])
    }

    #[test]
    fn bylines() {
        assert_eq!(s("By Jane Doe"), vec!["Jane Doe"]);
        assert_eq!(
            s("By Jane Doe and John Roe, CNN"),
            vec!["Jane Doe", "John Roe"]
        );
        assert_eq!(
            s("Danielle DeSiato, Donna Enzmann, and Natalie Nguyen"),
            vec!["Danielle DeSiato", "Donna Enzmann", "Natalie Nguyen"]
        );
        assert_eq!(
            s("By Jane Doe, Senior Reporter | Updated 10 Nov 2023"),
            vec!["Jane Doe"]
        );
        assert_eq!(s("Jane Doe Published November 10, 2023"), vec!["Jane Doe"]);
        assert_eq!(
            s("Par Marie Dupont et Jean Martin"),
            vec!["Marie Dupont", "Jean Martin"]
        );
        assert_eq!(s("Von Hans Müller"), vec!["Hans Müller"]);
        assert_eq!(
            s("Shelby Loos, DVM. Reviewed by Molly Price, DVM"),
            vec!["Shelby Loos"]
        );
        assert_eq!(s("By JANE DOE & Jane Doe"), vec!["JANE DOE"]);
        assert_eq!(s("记者 李明"), vec!["李明"]);
        assert_eq!(s("本报记者李明"), vec!["李明"]);
        assert_eq!(s("記者　山田太郎"), vec!["山田太郎"]);
        assert_eq!(s("Staff writer Jane Doe"), vec!["Jane Doe"]);
        assert_eq!(s("Reporter: Jane Doe"), vec!["Jane Doe"]);
    }

    #[test]
    fn not_names() {
        assert!(s("https://example.com/author/jane").is_empty());
        assert!(s("staff@example.com").is_empty());
        assert!(s("CNN").is_empty());
        assert!(s("Staff Writer").is_empty());
        assert!(s("").is_empty());
        assert!(s("By").is_empty());
        assert!(split_byline_with("hundreds of new gardeners", &[], true).is_empty());
        assert_eq!(split_byline("jsmith", &[]), vec!["jsmith"]);
        assert_eq!(s("By Ursula von der Leyen"), vec!["Ursula von der Leyen"]);
    }

    #[test]
    fn clean_dedupes_across_sources() {
        let raw = vec![
            "Jane Doe".to_string(),
            "By Jane Doe and Bob Ray".to_string(),
        ];
        assert_eq!(clean_authors(&raw, &[]), vec!["Jane Doe", "Bob Ray"]);
    }
}
