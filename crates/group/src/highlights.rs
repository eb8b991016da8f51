//! Highlights: 3–5 extractive sentences per article or per story, chosen for centrality
//! (closeness to the whole text's words) with redundancy removal (maximal marginal
//! relevance). Never a boilerplate line, never a sentence whose quote marks do not
//! balance (cut mid-quote).

use serde::{Deserialize, Serialize};
use storyline_analyse::AnnotatedArticle;

use crate::hash::{self, Map};
use crate::text;

/// One chosen sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Highlight {
    /// Which of the given articles it comes from (0 for an article's own highlights).
    pub article: usize,
    /// Code-point offsets into that article's text, half-open.
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Most sentences returned.
pub const MAX: usize = 5;

/// An article's highlights, in text order.
pub fn article(a: &AnnotatedArticle) -> Vec<Highlight> {
    choose(&[a], MAX)
}

/// A story's highlights from its articles (pass originals, not copies), in the order
/// of the articles given and then of the text.
pub fn story(articles: &[&AnnotatedArticle]) -> Vec<Highlight> {
    choose(articles, MAX)
}

/// Phrases that mark a line as page furniture, not reporting.
const BOILERPLATE: &[&str] = &[
    "http://",
    "https://",
    "www.",
    "@",
    "©",
    "(c)",
    "all rights reserved",
    "click here",
    "subscribe",
    "sign up",
    "newsletter",
    "read also",
    "read more",
    "related:",
    "cookies",
    "follow us",
    "advertisement",
    "share this",
    "lire aussi",
    "à lire",
    "abonnez",
    "mehr zum",
    "lesen sie auch",
    "copyright",
    "terms of use",
    "photo:",
    "image:",
    "getty images",
];

/// True when a sentence is furniture: too short, too long, a link, a call to action.
pub fn is_boilerplate(s: &str) -> bool {
    let n = s.chars().count();
    if !(40..=600).contains(&n) {
        return true;
    }
    let lower = s.to_lowercase();
    if BOILERPLATE.iter().any(|b| lower.contains(b)) {
        return true;
    }
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    letters * 2 < n || !s.chars().any(|c| c.is_lowercase())
}

/// True when the sentence's quote marks do not balance: it is part of a quotation cut
/// across sentences.
pub fn cuts_a_quote(s: &str) -> bool {
    let count = |c: char| s.chars().filter(|&x| x == c).count();
    count('"') % 2 == 1
        || count('“') != count('”')
        || count('«') != count('»')
        || count('„') > count('“')
}

fn vector(s: &str, lang: &str, stemmer: Option<&rust_stemmers::Stemmer>) -> Vec<(u64, f32)> {
    let mut m: Map<u64, f32> = Map::default();
    for t in text::tokens(s) {
        if t.numeric || t.lower.chars().count() < 2 || text::is_stop(lang, &t.lower) {
            continue;
        }
        let stem = stemmer.map_or_else(|| t.lower.clone(), |st| st.stem(&t.lower).into_owned());
        *m.entry(hash::key(b't', &stem)).or_insert(0.0) += 1.0;
    }
    let mut v: Vec<(u64, f32)> = m.into_iter().collect();
    v.sort_by_key(|x| x.0);
    let n = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
    if n > 0.0 {
        for x in &mut v {
            x.1 /= n;
        }
    }
    v
}

fn dot(a: &[(u64, f32)], b: &[(u64, f32)]) -> f32 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    s
}

struct Cand {
    article: usize,
    start: usize,
    end: usize,
    text: String,
    vec: Vec<(u64, f32)>,
    position: usize,
}

fn choose(articles: &[&AnnotatedArticle], max: usize) -> Vec<Highlight> {
    let mut cands: Vec<Cand> = Vec::new();
    let mut whole: Map<u64, f32> = Map::default();
    for (ai, a) in articles.iter().enumerate() {
        let lang = a.article.language.as_deref().unwrap_or("en");
        let stemmer = text::stemmer(lang);
        let chars: Vec<char> = a.article.text.chars().collect();
        for (pos, s) in a.sentences.iter().enumerate().take(400) {
            let (start, end) = (s.start.min(chars.len()), s.end.min(chars.len()));
            if start >= end {
                continue;
            }
            let t: String = chars[start..end].iter().collect();
            if is_boilerplate(&t) || cuts_a_quote(&t) {
                continue;
            }
            let vec = vector(&t, lang, stemmer.as_ref());
            for &(k, w) in &vec {
                *whole.entry(k).or_insert(0.0) += w;
            }
            cands.push(Cand {
                article: ai,
                start,
                end,
                text: t,
                vec,
                position: pos,
            });
        }
    }
    let mut centre: Vec<(u64, f32)> = whole.into_iter().collect();
    centre.sort_by_key(|x| x.0);
    let n = centre.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
    if n > 0.0 {
        for x in &mut centre {
            x.1 /= n;
        }
    }
    // Centrality, with a gentle lead bonus (news puts the essentials first).
    let relevance: Vec<f32> = cands
        .iter()
        .map(|c| dot(&c.vec, &centre) * (1.0 + 0.3 / (1.0 + c.position as f32)))
        .collect();
    let mut chosen: Vec<usize> = Vec::new();
    while chosen.len() < max {
        let mut best: Option<(usize, f32)> = None;
        for (i, c) in cands.iter().enumerate() {
            if chosen.contains(&i) {
                continue;
            }
            let redundancy = chosen
                .iter()
                .map(|&j| dot(&c.vec, &cands[j].vec))
                .fold(0.0f32, f32::max);
            if redundancy > 0.5 {
                continue;
            }
            let mmr = 0.7 * relevance[i] - 0.3 * redundancy;
            if best.is_none_or(|(_, b)| mmr > b) {
                best = Some((i, mmr));
            }
        }
        match best {
            Some((i, _)) => chosen.push(i),
            None => break,
        }
    }
    chosen.sort_by_key(|&i| (cands[i].article, cands[i].start));
    chosen
        .into_iter()
        .map(|i| Highlight {
            article: cands[i].article,
            start: cands[i].start,
            end: cands[i].end,
            text: cands[i].text.clone(),
        })
        .collect()
}
