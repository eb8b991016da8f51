//! Outlets in a text dump: the outlet a body credits with the reporting ("CNN spoke
//! with…", "CNN has reviewed…", "told Reuters"), and the site's own name repeated in its
//! promo lines ("Download The BOL News App", "… on The BOL News").

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

/// Outlets and agencies that bodies credit by name. Each is matched case-sensitively on
/// word boundaries and then named through [`crate::outlet::outlet_from_credit`].
// TODO: move to crate::outlet once it exposes its table of known outlets.
const KNOWN_OUTLETS: &[&str] = &[
    "CNN",
    "BBC",
    "BBC News",
    "Reuters",
    "Associated Press",
    "AP",
    "AFP",
    "Agence France-Presse",
    "Bloomberg",
    "The New York Times",
    "New York Times",
    "The Washington Post",
    "Washington Post",
    "The Wall Street Journal",
    "Wall Street Journal",
    "Financial Times",
    "The Guardian",
    "The Times",
    "The Telegraph",
    "The Independent",
    "The Economist",
    "Al Jazeera",
    "Sky News",
    "NBC News",
    "CBS News",
    "ABC News",
    "Fox News",
    "NPR",
    "Politico",
    "Axios",
    "Le Monde",
    "Le Figaro",
    "Le Parisien",
    "Libération",
    "France 24",
    "Der Spiegel",
    "Spiegel",
    "Die Zeit",
    "Süddeutsche Zeitung",
    "Frankfurter Allgemeine",
    "dpa",
    "Deutsche Welle",
    "DW",
    "El País",
    "El Mundo",
    "EFE",
    "Europa Press",
    "ANSA",
    "Corriere della Sera",
    "La Repubblica",
    "Euronews",
    "Meduza",
    "TASS",
    "Interfax",
    "RIA Novosti",
    "Kommersant",
    "Xinhua",
    "Kyodo",
    "NHK",
    "Yonhap",
];

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("constant pattern compiles")
}

/// The known outlets as one alternation, longest names first.
static OUTLETS: LazyLock<Regex> = LazyLock::new(|| {
    let mut names: Vec<&str> = KNOWN_OUTLETS.to_vec();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let alt: Vec<String> = names.iter().map(|n| regex::escape(n)).collect();
    re(&format!(r"\b(?:{})\b", alt.join("|")))
});

/// Words just before a name that credit it with reporting ("told CNN", "selon l'AFP").
static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:according\ to|told|tells|spoke\ (?:to|with)|speaking\ to|said\ to|in\ an\ interview\ with|(?:reported|obtained|reviewed|seen|confirmed|verified|contacted)\ by|confirmed\ to|(?:an?\ |the\ )?(?:investigation|report|analysis)\ by|selon|d['’]après|a\ (?:indiqué|déclaré|confié)\ à|según|dijo\ a|declaró\ a|laut|gegenüber|zufolge|по\ данным|сообщил|рассказал)\s+(?:the\ |l['’]|le\ |la\ |el\ |der\ |dem\ |des\ )?$",
    )
});

/// Words just after a name that credit it with reporting ("CNN has reviewed").
static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:['’]s\s+(?:investigation|analysis|reporting|review|sources?|interview|team)|\s+(?:has|have|had|was|were)?\s*(?:spoke|spoken|reported|reviewed|learned|learnt|obtained|contacted|confirmed|revealed|interviewed|found|analy[sz]ed|verified|asked|visited|discovered|established|identified|been\ told|told)\b|\s+(?:a|ont)\s+(?:révélé|rapporté|appris|consulté|obtenu|contacté|interrogé|pu\ consulter)|\s+(?:révèle|rapporte|a\ pu)|\s+(?:berichtet|berichtete|erfuhr|hat\ erfahren|liegen)|\s+(?:informó|reveló|ha\ (?:revisado|confirmado|podido)|pudo)|\s+(?:сообщает|сообщил|выяснил|узнал))",
    )
});

/// The known outlet `name` stands for, as [`crate::outlet::outlet_from_credit`] names it.
pub(super) fn known_outlet(name: &str) -> Option<String> {
    let name = name.trim();
    let m = OUTLETS.find(name)?;
    if m.start() != 0 || m.end() != name.len() {
        return None;
    }
    Some(crate::outlet::outlet_from_credit(name).unwrap_or_else(|| name.to_string()))
}

/// A credit that names an outlet we do not know, written out as a proper name
/// ("Le Courrier du Val", "The Lisna Valley Courier"): the name as written. Lowercase
/// handles and abbreviations ("leparis") are left to [`crate::outlet::outlet_from_credit`].
pub(super) fn named_outlet(credit: &str) -> Option<String> {
    let name = credit.trim().trim_end_matches('.');
    let words: Vec<&str> = name.split_whitespace().collect();
    let proper = (1..=6).contains(&words.len())
        && words
            .first()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                || matches!(
                    *w,
                    "of" | "the"
                        | "du"
                        | "de"
                        | "des"
                        | "la"
                        | "le"
                        | "del"
                        | "der"
                        | "di"
                        | "y"
                        | "et"
                        | "and"
                        | "und"
                )
        })
        && words
            .iter()
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .count()
            >= 2;
    proper.then(|| name.to_string())
}

/// The outlet a body credits with its reporting: a known outlet named in a reporting
/// context ("CNN spoke with", "told CNN") at least twice, in at least two paragraphs.
/// `site` (the page's own outlet) is never returned.
pub(super) fn credited_outlet(paragraphs: &[String], site: Option<&str>) -> Option<String> {
    // outlet → (credited mentions, paragraphs with one, first paragraph seen)
    let mut counts: HashMap<String, (usize, usize, usize)> = HashMap::new();
    for (i, p) in paragraphs.iter().enumerate() {
        let mut seen_here: Vec<String> = Vec::new();
        for m in OUTLETS.find_iter(p) {
            let before = tail(&p[..m.start()], 60);
            let after = head(&p[m.end()..], 60);
            if !(BEFORE.is_match(before) || AFTER.is_match(after)) {
                continue;
            }
            let name = known_outlet(m.as_str()).unwrap_or_else(|| m.as_str().to_string());
            let entry = counts.entry(name.clone()).or_insert((0, 0, i));
            entry.0 += 1;
            if !seen_here.contains(&name) {
                entry.1 += 1;
                seen_here.push(name);
            }
        }
    }
    let site = site.map(str::to_lowercase);
    counts
        .into_iter()
        .filter(|(name, (n, paras, _))| {
            *n >= 2 && *paras >= 2 && site.as_deref() != Some(name.to_lowercase().as_str())
        })
        .max_by(|a, b| (a.1.0, std::cmp::Reverse(a.1.2)).cmp(&(b.1.0, std::cmp::Reverse(b.1.2))))
        .map(|(name, _)| name)
}

/// The last `n` bytes of `s`, cut on a character boundary.
fn tail(s: &str, n: usize) -> &str {
    let mut start = s.len().saturating_sub(n);
    while !s.is_char_boundary(start) {
        start += 1;
    }
    &s[start..]
}

/// The first `n` bytes of `s`, cut on a character boundary.
fn head(s: &str, n: usize) -> &str {
    let mut end = s.len().min(n);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Words too common in promo lines to name a site on their own.
const GENERIC: &[&str] = &[
    "the",
    "news",
    "latest",
    "breaking",
    "update",
    "updates",
    "daily",
    "world",
    "event",
    "events",
    "app",
    "download",
    "follow",
    "catch",
    "all",
    "google",
    "facebook",
    "twitter",
    "x",
    "instagram",
    "youtube",
    "telegram",
    "whatsapp",
    "read",
    "more",
    "share",
    "subscribe",
    "newsletter",
    "get",
    "our",
    "us",
    "on",
    "and",
    "for",
    "top",
    "stories",
    "today",
    "live",
    "sign",
    "up",
    "click",
    "here",
    "free",
    "new",
];

/// The site's name as repeated in two or more of its own promo lines: the longest run
/// of capitalised words that the lines share and that is not only generic words.
pub(super) fn repeated_site_name(lines: &[&str]) -> Option<String> {
    // phrase → number of distinct lines that hold it
    let mut seen: HashMap<String, usize> = HashMap::new();
    for line in lines.iter().take(200) {
        let mut in_line: HashSet<String> = HashSet::new();
        for run in capitalised_runs(line) {
            let n = run.len().min(6);
            for len in 1..=n {
                for start in 0..=run.len() - len {
                    in_line.insert(run[start..start + len].join(" "));
                }
            }
        }
        for phrase in in_line {
            *seen.entry(phrase).or_default() += 1;
        }
    }
    seen.into_iter()
        .filter(|(phrase, n)| {
            *n >= 2
                && phrase
                    .split(' ')
                    .any(|w| !GENERIC.contains(&w.to_lowercase().as_str()))
        })
        .max_by(|a, b| {
            let wa = a.0.split(' ').count();
            let wb = b.0.split(' ').count();
            (wa, a.1, std::cmp::Reverse(a.0.clone())).cmp(&(
                wb,
                b.1,
                std::cmp::Reverse(b.0.clone()),
            ))
        })
        .map(|(phrase, _)| phrase)
}

/// Runs of consecutive capitalised words in a line (punctuation ends a run).
fn capitalised_runs(line: &str) -> Vec<Vec<&str>> {
    let mut runs = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    for raw in line.split_whitespace() {
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        if capital {
            run.push(word);
        }
        let ends = !capital || raw.ends_with([',', '.', ':', ';', '!', '?', '|', '&']);
        if ends && !run.is_empty() {
            runs.push(std::mem::take(&mut run));
        }
    }
    if !run.is_empty() {
        runs.push(run);
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn reporting_credited_to_an_outlet() {
        let p = paras(&[
            "Over three weeks, Reuters spoke with engineers who inspected the dam.",
            "Reuters has reviewed inspection reports that flagged cracks in 2019.",
            "One engineer told Reuters the spillway had not been tested since then.",
        ]);
        assert_eq!(credited_outlet(&p, None).as_deref(), Some("Reuters"));
        assert_eq!(credited_outlet(&p, Some("Reuters")), None);
    }

    #[test]
    fn french_and_spanish_credits() {
        let p = paras(&[
            "Selon l'AFP, le barrage présentait des fissures depuis des années.",
            "Un ingénieur a indiqué à l'AFP que les alertes avaient été ignorées.",
        ]);
        assert_eq!(credited_outlet(&p, None).as_deref(), Some("AFP"));
        let p = paras(&[
            "Según EFE, el embalse estaba al máximo de su capacidad.",
            "Un vecino dijo a EFE que el agua llegó en minutos.",
        ]);
        assert_eq!(credited_outlet(&p, None).as_deref(), Some("EFE"));
    }

    #[test]
    fn mentions_without_credit_or_in_one_paragraph_do_not_count() {
        let p = paras(&[
            "The minister appeared on CNN and on the BBC to defend the dam's operator.",
            "Critics said the interviews on CNN changed nothing.",
        ]);
        assert_eq!(credited_outlet(&p, None), None);
        let p = paras(&["CNN spoke with two engineers; one told CNN the cracks were old."]);
        assert_eq!(credited_outlet(&p, None), None);
    }

    #[test]
    fn site_name_from_promo_lines() {
        let lines = [
            "Get the latest Breaking News and Live Updates on The Valley Post",
            "Download The Valley Post App & Follow us on Google News.",
        ];
        assert_eq!(
            repeated_site_name(&lines).as_deref(),
            Some("The Valley Post")
        );
        let lines = ["Follow us on Google News", "Breaking News on our app"];
        assert_eq!(repeated_site_name(&lines), None);
    }

    #[test]
    fn unknown_outlets_named_in_full() {
        assert_eq!(
            named_outlet("Le Courrier du Val").as_deref(),
            Some("Le Courrier du Val")
        );
        assert_eq!(named_outlet("leparis"), None);
        assert_eq!(named_outlet("Staff"), None);
        assert_eq!(named_outlet("the ministry of interior"), None);
    }

    #[test]
    fn known_outlets_only_match_whole_names() {
        assert_eq!(known_outlet("AFP").as_deref(), Some("AFP"));
        assert_eq!(known_outlet("AFP staff"), None);
        assert_eq!(known_outlet("Jane Doe"), None);
    }
}
