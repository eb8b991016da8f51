//! The headline: chosen among JSON-LD `headline`, `og:title`, `twitter:title`, `<h1>`
//! and `<title>`, without the " | Site name" parts.

/// Separators between a headline and the site's name in `<title>` / `og:title`.
const SEPARATORS: &[&str] = &[
    " | ", " || ", " - ", " – ", " — ", " :: ", " » ", " « ", " · ", " • ", " / ", " ~ ", " ― ",
    " ‒ ", " ⋆ ", " ★ ", " > ",
];

/// What the page offers as its title.
#[derive(Debug, Default, Clone)]
pub struct TitleInputs<'a> {
    /// JSON-LD `headline` of the article object.
    pub jsonld: Option<&'a str>,
    /// `og:title`.
    pub og: Option<&'a str>,
    /// `twitter:title`.
    pub twitter: Option<&'a str>,
    /// Other metadata titles (`itemprop=headline`, `parsely-title`, `dc.title`).
    pub other: Option<&'a str>,
    /// `<title>`.
    pub title_tag: Option<&'a str>,
    /// The first few `<h1>` texts, in order.
    pub h1s: &'a [String],
    /// Names the site goes by (og:site_name, publisher, host-derived names).
    pub site_names: &'a [String],
}

/// Lower-case word tokens: how titles are compared.
pub fn tokens(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn key(s: &str) -> String {
    tokens(s).concat()
}

/// Whether a title segment is the site's name (or a host-like form of it).
fn is_site(seg: &str, sites: &[SiteKey]) -> bool {
    let k = key(seg);
    if k.is_empty() {
        return false;
    }
    let seg_tokens = tokens(seg);
    let seg_words = seg_tokens.len();
    sites.iter().any(|site| {
        let s = &site.key;
        if s.is_empty() {
            return false;
        }
        k == *s
            || (k.len() >= 4 && s.contains(&k) && seg_words <= 4)
            || (seg_words <= site.tokens.len() + 2 && contains_run(&seg_tokens, &site.tokens))
            || (k.strip_suffix("com").is_some_and(|x| x == s))
    })
}

/// A site name prepared for comparisons: its key and tokens.
struct SiteKey {
    key: String,
    tokens: Vec<String>,
}

fn site_keys(sites: &[String]) -> Vec<SiteKey> {
    sites
        .iter()
        .map(|s| SiteKey {
            key: key(s),
            tokens: tokens(s),
        })
        .collect()
}

/// Whether `run` occurs as consecutive tokens in `hay`.
fn contains_run(hay: &[String], run: &[String]) -> bool {
    !run.is_empty() && run.len() <= hay.len() && hay.windows(run.len()).any(|w| w == run)
}

/// Splits on every separator, giving every segment.
fn segments(t: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, len) in separator_positions(t) {
        out.push(t.get(start..i).unwrap_or(""));
        start = i + len;
    }
    out.push(t.get(start..).unwrap_or(""));
    out.into_iter()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// Where separators occur: (byte offset, length), in order, found in one pass that
/// only looks at spaces (a substring search per separator costs more than the rest).
fn separator_positions(t: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut skip_to = 0;
    for (i, c) in t.char_indices() {
        if c != ' ' || i < skip_to {
            continue;
        }
        let rest = &t[i..];
        if let Some(sep) = SEPARATORS.iter().find(|sep| rest.starts_with(**sep)) {
            out.push((i, sep.len()));
            skip_to = i + sep.len() - 1;
        }
    }
    out
}

/// Removes site-name suffixes and prefixes (" | Site", "Site - ", "Site: ").
pub fn strip_site(t: &str, sites: &[String]) -> String {
    strip_site_keys(t, &site_keys(sites))
}

fn strip_site_keys(t: &str, sites: &[SiteKey]) -> String {
    let mut t = crate::text::collapse_whitespace(t);
    for _ in 0..4 {
        let mut changed = false;
        let seps = separator_positions(&t);
        if let Some(&(i, len)) = seps.last() {
            let (head, tail) = (&t[..i], &t[i + len..]);
            if !head.trim().is_empty() && is_site(tail, sites) {
                t = head.trim().to_string();
                changed = true;
            }
        }
        if !changed && let Some(&(i, len)) = seps.first() {
            let (head, tail) = (&t[..i], &t[i + len..]);
            if !tail.trim().is_empty() && is_site(head, sites) {
                t = tail.trim().to_string();
                changed = true;
            }
        }
        if !changed {
            if let Some((head, tail)) = t.split_once(": ")
                && is_site(head, sites)
                && !tail.trim().is_empty()
            {
                t = tail.trim().to_string();
                continue;
            }
            break;
        }
    }
    t
}

/// When no site name is known: drops a short last segment after " | " (the usual
/// "Headline | Section | Site" pattern), keeping legitimate " - " in headlines.
fn strip_generic(t: &str) -> String {
    let mut t = t.to_string();
    for _ in 0..3 {
        let Some(i) = t.rfind(" | ") else { break };
        let (head, tail) = (&t[..i], &t[i + 3..]);
        if tokens(tail).len() <= 5 && tokens(head).len() >= 2 {
            t = head.trim().to_string();
        } else {
            break;
        }
    }
    t
}

/// Words too common to tell two titles apart.
const STOPWORDS: &[&str] = &[
    "the", "a", "an", "and", "or", "of", "to", "in", "for", "on", "with", "by", "at", "from", "is",
    "are", "your", "you", "how", "what", "why", "le", "la", "les", "de", "des", "du", "et", "un",
    "une", "der", "die", "das", "und", "ein", "eine", "el", "los", "las", "y", "il", "di",
];

/// Content words of a title, cut to their first five characters (a crude stem).
fn content_stems(s: &str) -> Vec<String> {
    tokens(s)
        .into_iter()
        .filter(|t| !STOPWORDS.contains(&t.as_str()))
        .map(|t| t.chars().take(5).collect())
        .collect()
}

/// Chooses the headline.
pub fn choose(inp: &TitleInputs<'_>) -> Option<String> {
    let t = pick(inp)?;
    let t = trim_tail(&decode_entities(&t));
    (!tokens(&t).is_empty()).then_some(t)
}

/// Entities left in metadata by double escaping (`&amp;#x26;`, `&#x27;`).
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&amp;", "&")
        .replace("&#x26;", "&")
        .replace("&#38;", "&")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&#8217;", "’")
        .replace("&nbsp;", " ")
}

/// Drops a tail after " | " (never part of a headline) or a short tail after " - ",
/// when the head is a headline on its own (three words or more).
fn trim_tail(t: &str) -> String {
    if let Some((head, _)) = t.split_once(" | ")
        && tokens(head).len() >= 3
    {
        return head.trim().to_string();
    }
    if let Some((head, tail)) = t.split_once(" - ")
        && tokens(head).len() >= 3
        && tokens(tail).len() <= 4
        && tail.chars().any(char::is_alphabetic)
    {
        return head.trim().to_string();
    }
    t.to_string()
}

fn pick(inp: &TitleInputs<'_>) -> Option<String> {
    let sites = site_keys(inp.site_names);
    let clean = |s: Option<&str>| -> Option<String> {
        let s = s?;
        let c = strip_site_keys(s, &sites);
        (!tokens(&c).is_empty() && !is_site(&c, &sites)).then_some(c)
    };
    let metas = [inp.jsonld, inp.og, inp.twitter, inp.other, inp.title_tag];
    let cleaned: Vec<String> = metas.iter().filter_map(|m| clean(*m)).collect();
    // An <h1> that matches a metadata title (whole, cleaned, or one segment of it) is
    // the visible headline: prefer its wording.
    let mut targets: Vec<Vec<String>> = Vec::new();
    for m in metas.iter().flatten() {
        targets.push(tokens(m));
        for seg in segments(m) {
            targets.push(tokens(seg));
        }
    }
    for c in &cleaned {
        targets.push(tokens(c));
    }
    // The last segment of <title> is usually the site: an <h1> equal to it is a logo.
    let site_segment: Option<Vec<String>> = inp.title_tag.and_then(|t| {
        let segs = segments(t);
        (segs.len() >= 2)
            .then(|| segs.last().map(|s| tokens(s)))
            .flatten()
    });
    let is_logo = |h: &str| {
        let ht = tokens(h);
        ht.is_empty() || is_site(h, &sites) || site_segment.as_ref() == Some(&ht)
    };
    for h in inp.h1s.iter().take(5) {
        if !is_logo(h) && targets.contains(&tokens(h)) {
            return Some(crate::text::collapse_whitespace(h));
        }
    }
    // Otherwise an <h1> is the headline when most of its words are in the metadata
    // titles (pages often shorten or reword the headline in <title>), unless it is
    // the site's name or logo. A metadata title that only adds or drops a few words
    // around the <h1>'s (a kicker, a date, a brand) is the fuller/cleaner headline.
    let mut meta_stems: Vec<String> = Vec::new();
    for c in &cleaned {
        meta_stems.extend(content_stems(c));
    }
    // Only the first two <h1>s: later ones are section headings.
    for h in inp.h1s.iter().take(2) {
        if is_logo(h) {
            continue;
        }
        if meta_stems.is_empty() {
            return Some(crate::text::collapse_whitespace(h));
        }
        let stems = content_stems(h);
        if stems.is_empty() {
            continue;
        }
        let shared = stems.iter().filter(|s| meta_stems.contains(s)).count();
        if shared * 2 >= stems.len() {
            let ht = tokens(h);
            for c in &cleaned {
                let ct = tokens(c);
                let near = |a: &[String], b: &[String]| {
                    a.len() > b.len() && a.len() <= b.len() + 3 && contains_run(a, b)
                };
                let one_more = near(&ct, &ht)
                    && ct.len() == ht.len() + 1
                    && !SEPARATORS.iter().any(|sep| c.contains(sep));
                let kicker = near(&ht, &ct) && ht.ends_with(&ct);
                if one_more || kicker {
                    return Some(c.clone());
                }
            }
            return Some(crate::text::collapse_whitespace(h));
        }
    }
    if let Some(first) = cleaned.first() {
        // SEO plugins cut a long JSON-LD headline (at 110 characters, mid-phrase): a
        // metadata title that goes on from it is the whole headline.
        let mut c = first;
        if first.chars().count() >= 100 {
            let ft = tokens(first);
            for other in &cleaned {
                let ot = tokens(other);
                if ot.len() > ft.len() && ot.starts_with(&ft) && other.len() > c.len() {
                    c = other;
                }
            }
        }
        let from_tag_only = inp.jsonld.is_none()
            && inp.og.is_none()
            && inp.twitter.is_none()
            && inp.other.is_none();
        return Some(if from_tag_only {
            strip_generic(c)
        } else {
            c.clone()
        });
    }
    inp.h1s
        .iter()
        .find(|h| !is_logo(h))
        .map(|h| crate::text::collapse_whitespace(h))
        .or_else(|| {
            // Everything looks like the site's name: the page is about the site itself.
            metas
                .iter()
                .flatten()
                .chain(
                    inp.h1s
                        .iter()
                        .map(String::as_str)
                        .collect::<Vec<_>>()
                        .iter(),
                )
                .map(|m| crate::text::collapse_whitespace(m))
                .find(|m| !tokens(m).is_empty())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sites(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn suffix_and_prefix_variants() {
        let s = sites(&["The Limited Times", "limitedtimes"]);
        for t in [
            "War in Ukraine | The Limited Times",
            "War in Ukraine - The Limited Times",
            "War in Ukraine — The Limited Times",
            "The Limited Times: War in Ukraine",
            "The Limited Times - War in Ukraine",
            "War in Ukraine | News | The Limited Times",
        ] {
            let got = strip_site(t, &s);
            assert!(
                got == "War in Ukraine" || got == "War in Ukraine | News",
                "{t} → {got}"
            );
        }
    }

    #[test]
    fn keeps_dashes_that_belong_to_the_headline() {
        let s = sites(&["Example News"]);
        assert_eq!(
            strip_site("Spider-Man - the review that matters", &s),
            "Spider-Man - the review that matters"
        );
        assert_eq!(
            strip_site("Q&A - Why prices rise | Example News", &s),
            "Q&A - Why prices rise"
        );
    }

    #[test]
    fn host_names_are_site_names() {
        let s = sites(&["scratchculinary.com", "scratchculinary"]);
        assert_eq!(
            strip_site("Top Trends - Scratch Culinary", &s),
            "Top Trends"
        );
    }

    #[test]
    fn h1_matching_a_segment_wins() {
        let h1s = vec!["Top 7 Corporate Catering Trends for 2024".to_string()];
        let inp = TitleInputs {
            title_tag: Some("Top 7 Corporate Catering Trends for 2024 | Blog | Tastify"),
            h1s: &h1s,
            ..TitleInputs::default()
        };
        assert_eq!(
            choose(&inp).as_deref(),
            Some("Top 7 Corporate Catering Trends for 2024")
        );
    }

    #[test]
    fn reworded_h1_wins_over_seo_title() {
        let h1s = vec!["Top 10 Health and Nutrition Trends to Watch".to_string()];
        let s = sites(&["Tastewise"]);
        let inp = TitleInputs {
            og: Some("Health And Nutrition Trends For 2026 - Tastewise"),
            title_tag: Some("Health And Nutrition Trends For 2026 - Tastewise"),
            h1s: &h1s,
            site_names: &s,
            ..TitleInputs::default()
        };
        assert_eq!(
            choose(&inp).as_deref(),
            Some("Top 10 Health and Nutrition Trends to Watch")
        );
    }

    #[test]
    fn blog_name_h1_loses() {
        let h1s = vec!["Antoyo's Blog".to_string()];
        let inp = TitleInputs {
            og: Some("rustc_codegen_gcc: Progress Report #39"),
            h1s: &h1s,
            ..TitleInputs::default()
        };
        assert_eq!(
            choose(&inp).as_deref(),
            Some("rustc_codegen_gcc: Progress Report #39")
        );
        let h1s = vec!["Budget Travel With Gabby".to_string()];
        let inp = TitleInputs {
            title_tag: Some(
                "Budget Traveler's Guide To Travel Insurance | Budget Travel With Gabby",
            ),
            h1s: &h1s,
            ..TitleInputs::default()
        };
        assert_eq!(
            choose(&inp).as_deref(),
            Some("Budget Traveler's Guide To Travel Insurance")
        );
    }

    #[test]
    fn a_cut_jsonld_headline_gives_way_to_the_whole_one() {
        let whole = "Fix It Friday: Struggling With How To Arrange Your Living Room? We Help 4 Readers Find Solutions (Including One Trick That Always Works)";
        let cut = &whole[..whole.find("(Including").unwrap() + "(Including".len()];
        let og = format!("{whole} - Daily Interiors");
        let inp = TitleInputs {
            jsonld: Some(cut),
            og: Some(&og),
            title_tag: Some(&og),
            ..TitleInputs::default()
        };
        assert_eq!(choose(&inp).as_deref(), Some(whole));
        // A short JSON-LD headline is not a cut one: a longer og:title does not replace it.
        let inp = TitleInputs {
            jsonld: Some("Dam collapses in Vardena"),
            og: Some("Dam collapses in Vardena: 47 dead, hundreds missing"),
            ..TitleInputs::default()
        };
        assert_eq!(choose(&inp).as_deref(), Some("Dam collapses in Vardena"));
    }

    #[test]
    fn og_title_without_h1() {
        let s = sites(&["Site"]);
        let inp = TitleInputs {
            og: Some("Headline here | Site"),
            title_tag: Some("Other | Site"),
            site_names: &s,
            ..TitleInputs::default()
        };
        assert_eq!(choose(&inp).as_deref(), Some("Headline here"));
    }

    #[test]
    fn logo_h1_is_not_the_title() {
        let s = sites(&["Site News"]);
        let h1s = vec!["Site News".to_string()];
        let inp = TitleInputs {
            title_tag: Some("Real headline - Site News"),
            h1s: &h1s,
            site_names: &s,
            ..TitleInputs::default()
        };
        assert_eq!(choose(&inp).as_deref(), Some("Real headline"));
        let empty = TitleInputs::default();
        assert_eq!(choose(&empty), None);
    }
}
