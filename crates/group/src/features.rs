//! What the grouping stage needs to know about one article, computed once: stemmed terms
//! (title weighted), name anchors, figure anchors, a MinHash signature of its word
//! shingles, its date, outlet and language.

use serde::{Deserialize, Serialize};
use storyline_analyse::quantities::{Kind, Quantity, format_value};
use storyline_analyse::{AnnotatedArticle, Entity, EntityKind, MentionForm};

use crate::hash::{self, Map};
use crate::text::{self, Token};

/// How much a title word weighs against one occurrence in the body.
pub const TITLE_WEIGHT: f32 = 2.0;
/// Words per shingle for copy detection.
pub const SHINGLE: usize = 3;
/// Hash functions in a MinHash signature.
pub const MINHASH: usize = 64;
/// Whether numbers written in digits are terms too.
const NUMBER_TERMS: bool = true;
/// Terms kept per article (by weight).
pub const MAX_TERMS: usize = 150;
/// Protagonists kept per article.
pub const PROTAGONISTS: usize = 6;
/// Sentences of the body that make its lead.
const LEAD_SENTENCES: usize = 2;

/// The features of one article. Build with [`ArticleFeatures::from_annotated`] or
/// [`ArticleFeatures::from_parts`]; the caller chooses `id` (a store row, a counter).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleFeatures {
    /// The caller's id for the article.
    pub id: u64,
    /// Publication time, seconds since 1970 (UTC), when the article states a date.
    pub published: Option<i64>,
    pub outlet: Option<String>,
    /// The outlet the article says it republishes ("Source: Le Parisien").
    pub original_outlet: Option<String>,
    /// ISO 639-1 code: the analysis's, else a stop-word guess; None when unknown.
    pub language: Option<String>,
    /// Stemmed terms (hashed) with their weight: `1 + ln(count in body)`, plus
    /// [`TITLE_WEIGHT`] when the term is in the title. Sorted by key.
    pub terms: Vec<(u64, f32)>,
    /// A readable word for the heaviest terms (for reasons shown to people).
    pub labels: Vec<(u64, String)>,
    /// Language-neutral name anchors, lower case, with a weight (`1 + ln(mentions)`, plus
    /// one when in the title): entity names and capitalised words that do not start a
    /// sentence. Sorted by name, unique.
    pub names: Vec<(String, f32)>,
    /// Language-neutral figure anchors (`n:41`, `m:USD:5000000`, `p:12`). Sorted, unique.
    pub figures: Vec<String>,
    /// MinHash signature over word shingles of the body (empty for very short texts).
    pub minhash: Vec<u32>,
    /// Number of distinct shingles behind `minhash`.
    pub shingles: u32,
    /// Number of words.
    pub words: u32,
    /// The article's protagonists: the people its headline or lead (first two sentences)
    /// names, each by the last word of the name, lower case ("thomas" for Pierre Thomas),
    /// in order of first mention, at most [`PROTAGONISTS`]. They tell two events of one
    /// kind apart (one player, then another, put on injured reserve). From the analysis's
    /// entities; empty without them.
    #[serde(default)]
    pub protagonists: Vec<String>,
}

impl ArticleFeatures {
    /// Features of an analysed article: entities and quantities from the analysis.
    pub fn from_annotated(id: u64, a: &AnnotatedArticle) -> ArticleFeatures {
        let art = &a.article;
        let mut f = ArticleFeatures::from_parts(
            id,
            art.title.as_deref().unwrap_or(""),
            &art.text,
            art.published.as_deref(),
            art.outlet.as_deref(),
            art.language.as_deref(),
        );
        f.original_outlet = art.original_outlet.clone();
        let mut names = std::mem::take(&mut f.names);
        names.extend(entity_names(&a.entities));
        f.names = merge_names(names);
        let mut figures: Vec<String> = a.quantities.iter().filter_map(figure_key).collect();
        figures.sort();
        figures.dedup();
        f.figures = figures;
        f.protagonists = protagonists(a);
        f
    }

    /// Features from the bare fields (no analysis: names come from capitalisation, no
    /// figures).
    pub fn from_parts(
        id: u64,
        title: &str,
        text: &str,
        published: Option<&str>,
        outlet: Option<&str>,
        language: Option<&str>,
    ) -> ArticleFeatures {
        let title_toks = text::tokens(title);
        let body_toks = text::tokens(text);
        let lang: Option<String> = language
            .map(|l| l.trim().to_ascii_lowercase())
            .filter(|l| !l.is_empty())
            .or_else(|| {
                text::guess_language(if body_toks.len() >= 20 {
                    &body_toks
                } else {
                    &title_toks
                })
                .map(str::to_string)
            });
        let lang_code = lang.as_deref().unwrap_or("");
        let stemmer = text::stemmer(lang_code);
        let stem = |w: &str| -> String {
            match &stemmer {
                Some(s) => s.stem(w).into_owned(),
                None => w.to_string(),
            }
        };
        let mut weights: Map<u64, (f32, bool)> = Map::default();
        let mut labels: Map<u64, String> = Map::default();
        let mut add = |t: &Token, in_title: bool, weights: &mut Map<u64, (f32, bool)>| {
            if (t.numeric && !NUMBER_TERMS)
                || t.lower.chars().count() < 2
                || text::is_stop(lang_code, &t.lower)
            {
                return;
            }
            let k = hash::key(b't', &stem(&t.lower));
            labels.entry(k).or_insert_with(|| t.lower.clone());
            let e = weights.entry(k).or_insert((0.0, false));
            if in_title {
                e.1 = true;
            } else {
                e.0 += 1.0;
            }
        };
        for t in &title_toks {
            add(t, true, &mut weights);
        }
        for t in &body_toks {
            add(t, false, &mut weights);
        }
        let mut terms: Vec<(u64, f32)> = weights
            .into_iter()
            .map(|(k, (count, title))| {
                let body = if count > 0.0 { 1.0 + count.ln() } else { 0.0 };
                (k, body + if title { TITLE_WEIGHT } else { 0.0 })
            })
            .collect();
        // Heaviest first (ties by key, for determinism), then keep the top, sorted by key.
        terms.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        terms.truncate(MAX_TERMS);
        let mut label_list: Vec<(u64, String)> = terms
            .iter()
            .take(16)
            .filter_map(|(k, _)| labels.get(k).map(|l| (*k, l.clone())))
            .collect();
        label_list.sort();
        terms.sort_by_key(|t| t.0);

        // Names: capitalised words that do not start a sentence, and acronyms. The title
        // counts only when it is not Title Case.
        let mut counts: Map<u64, (String, f32, bool)> = Map::default();
        let nouns_capitalised = matches!(lang_code, "de" | "lb");
        let title_case = title_toks.iter().filter(|t| t.capitalised).count() * 2 > title_toks.len();
        for (in_title, t) in title_toks
            .iter()
            .map(|t| (true, t))
            .chain(body_toks.iter().map(|t| (false, t)))
        {
            if t.numeric || t.lower.chars().count() < 2 || text::is_any_stop(&t.lower) {
                continue;
            }
            // German capitalises every noun: there only acronyms count (the analysis's
            // entities add the names).
            let named = t.all_caps || (t.capitalised && !t.sentence_start && !nouns_capitalised);
            let k = hash::key(b'n', &t.lower);
            if in_title {
                // A Title Case headline capitalises everything: its words count only
                // when the body names them too.
                if (named && !title_case) || (title_case && t.capitalised) {
                    counts
                        .entry(k)
                        .or_insert_with(|| (t.lower.clone(), 0.0, false))
                        .2 = true;
                }
            } else if named {
                counts
                    .entry(k)
                    .or_insert_with(|| (t.lower.clone(), 0.0, false))
                    .1 += 1.0;
            }
        }
        // Two-word names ("jamal williams"): adjacent named words of the body.
        for w in body_toks.windows(2) {
            let named = |t: &Token| {
                !t.numeric
                    && t.lower.chars().count() >= 2
                    && !text::is_any_stop(&t.lower)
                    && (t.all_caps || t.capitalised)
            };
            if !nouns_capitalised && named(&w[0]) && named(&w[1]) && !w[1].sentence_start {
                let pair = format!("{} {}", w[0].lower, w[1].lower);
                let k = hash::key(b'n', &pair);
                counts.entry(k).or_insert_with(|| (pair, 0.0, false)).1 += 1.0;
            }
        }
        let names: Vec<(String, f32)> = merge_names(
            counts
                .into_values()
                .filter(|(_, body, title)| *body > 0.0 || (*title && !title_case))
                .map(|(n, body, title)| {
                    let w = if body > 0.0 { 1.0 + body.ln() } else { 0.0 };
                    (n, w + if title { 1.0 } else { 0.0 })
                })
                .collect(),
        );

        let (minhash, shingles) = if body_toks.len() >= SHINGLE + 5 {
            minhash(&body_toks)
        } else {
            let all: Vec<Token> = title_toks.iter().chain(body_toks.iter()).cloned().collect();
            minhash(&all)
        };
        ArticleFeatures {
            id,
            published: published.and_then(text::parse_date),
            outlet: outlet.map(str::to_string).filter(|o| !o.trim().is_empty()),
            original_outlet: None,
            language: lang,
            terms,
            labels: label_list,
            names,
            figures: Vec::new(),
            minhash,
            shingles,
            words: (title_toks.len() + body_toks.len()).min(u32::MAX as usize) as u32,
            protagonists: Vec::new(),
        }
    }

    /// The day (days since 1970-01-01) the article was published, when known.
    pub fn day(&self) -> Option<i64> {
        self.published.map(|s| s.div_euclid(86_400))
    }
}

/// Sorts names and keeps the heaviest weight of each.
fn merge_names(mut names: Vec<(String, f32)>) -> Vec<(String, f32)> {
    names.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
    names.dedup_by(|a, b| a.0 == b.0);
    names
}

/// Entity names as anchors: the canonical name and each of its words, weighted by the
/// number of mentions.
fn entity_names(entities: &[Entity]) -> Vec<(String, f32)> {
    let mut out = Vec::new();
    for e in entities {
        if !matches!(
            e.kind,
            EntityKind::Person | EntityKind::Organisation | EntityKind::Place
        ) {
            continue;
        }
        let lower = e.name.to_lowercase();
        let w = 1.0 + (e.mentions.len().max(1) as f32).ln();
        for t in text::tokens(&lower) {
            if t.lower.chars().count() >= 2 && !text::is_any_stop(&t.lower) && !t.numeric {
                out.push((t.lower, w));
            }
        }
        out.push((lower, w));
    }
    out
}

/// The people an article's headline or lead names (see
/// [`ArticleFeatures::protagonists`]): a person entity with a mention (by name, short
/// name or role) in the first [`LEAD_SENTENCES`] sentences of the body, or whose last
/// name is a word of the title.
fn protagonists(a: &AnnotatedArticle) -> Vec<String> {
    let lead_end = a
        .sentences
        .get(LEAD_SENTENCES - 1)
        .or(a.sentences.last())
        .map_or(0, |s| s.end);
    let title: Vec<String> = text::tokens(a.article.title.as_deref().unwrap_or(""))
        .into_iter()
        .map(|t| t.lower)
        .collect();
    let mut found: Vec<(usize, String)> = Vec::new();
    for e in &a.entities {
        if e.kind != EntityKind::Person {
            continue;
        }
        let words: Vec<String> = text::tokens(&e.name)
            .into_iter()
            .filter(|t| !t.numeric && t.lower.chars().count() >= 2 && !text::is_any_stop(&t.lower))
            .map(|t| t.lower)
            .collect();
        let in_lead = e
            .mentions
            .iter()
            .filter(|m| m.form != MentionForm::Pronoun)
            .map(|m| m.start)
            .min()
            .filter(|&s| s < lead_end);
        let at = match in_lead {
            Some(s) => s + 1,
            None if words.iter().any(|w| title.contains(w)) => 0,
            None => continue,
        };
        for w in words {
            if let Some(f) = found.iter_mut().find(|f| f.1 == w) {
                f.0 = f.0.min(at);
            } else {
                found.push((at, w));
            }
        }
    }
    // Names the entities missed: a pair of capitalised words in the headline or the lead
    // (the second not starting a sentence) whose last word the rest of the body repeats,
    // capitalised, and which is no place's or organisation's: that last word ("Pierre
    // Thomas" ... "Thomas").
    let not_people: Vec<String> = a
        .entities
        .iter()
        .filter(|e| matches!(e.kind, EntityKind::Place | EntityKind::Organisation))
        .flat_map(|e| text::tokens(&e.name))
        .map(|t| t.lower)
        .collect();
    let lead: String = a.article.text.chars().take(lead_end).collect();
    let rest: Vec<String> =
        text::tokens(&a.article.text.chars().skip(lead_end).collect::<String>())
            .into_iter()
            .filter(|t| t.capitalised || t.all_caps)
            .map(|t| t.lower)
            .collect();
    let word = |t: &text::Token| {
        (t.capitalised || t.all_caps)
            && !t.numeric
            && t.lower.chars().count() >= 2
            && !text::is_any_stop(&t.lower)
            && !not_people.contains(&t.lower)
    };
    let title_toks = text::tokens(a.article.title.as_deref().unwrap_or(""));
    let lead_toks = text::tokens(&lead);
    let fallback = found.is_empty();
    for (i, w) in title_toks
        .windows(2)
        .chain(lead_toks.windows(2))
        .enumerate()
    {
        if fallback
            && word(&w[0])
            && word(&w[1])
            && !w[1].sentence_start
            && rest.contains(&w[1].lower)
        {
            let at = usize::MAX / 2 + i;
            if !found.iter().any(|f| f.1 == w[1].lower) {
                found.push((at, w[1].lower.clone()));
            }
        }
    }
    found.sort();
    found.truncate(PROTAGONISTS);
    found.into_iter().map(|f| f.1).collect()
}

/// The anchor for a quantity: its kind, unit and value, the same in every language.
/// Ordinals and small bare counts (one to nine) say nothing about the story and are
/// skipped.
pub fn figure_key(q: &Quantity) -> Option<String> {
    let unit = q.unit.as_deref().unwrap_or("");
    match q.kind {
        Kind::Ordinal => None,
        Kind::Range => match (q.min, q.max) {
            // Vague magnitudes ("hundreds") are no anchor.
            (Some(_), Some(_)) if q.approximate => None,
            (Some(a), Some(b)) => Some(format!("r:{unit}:{}-{}", format_value(a), format_value(b))),
            _ => None,
        },
        Kind::Duration => q.seconds.map(|s| format!("d:{}", format_value(s))),
        kind => {
            let v = q.value?;
            if !v.is_finite() {
                return None;
            }
            if kind == Kind::Number && unit.is_empty() && v.fract() == 0.0 && v.abs() < 10.0 {
                return None;
            }
            let tag = match kind {
                Kind::Money => "m",
                Kind::Percentage => "p",
                Kind::Age => "a",
                Kind::Dimension => "x",
                Kind::Temperature => "c",
                _ => "n",
            };
            Some(format!("{tag}:{unit}:{}", format_value(v)))
        }
    }
}

/// MinHash signature over `SHINGLE`-word shingles; and the number of distinct shingles.
fn minhash(toks: &[Token]) -> (Vec<u32>, u32) {
    if toks.is_empty() {
        return (Vec::new(), 0);
    }
    let words: Vec<u64> = toks.iter().map(|t| hash::fnv(t.lower.as_bytes())).collect();
    let mut shingles: Vec<u64> = if words.len() < SHINGLE {
        vec![words.iter().fold(0u64, |h, w| hash::mix(h ^ w))]
    } else {
        words
            .windows(SHINGLE)
            .map(|w| {
                w.iter().fold(0x9e37_79b9_7f4a_7c15u64, |h, x| {
                    hash::mix(h.rotate_left(17) ^ x)
                })
            })
            .collect()
    };
    shingles.sort_unstable();
    shingles.dedup();
    let mut sig = vec![u32::MAX; MINHASH];
    for &s in &shingles {
        for (i, slot) in sig.iter_mut().enumerate() {
            let h = (hash::mix(s ^ SEEDS[i]) >> 32) as u32;
            if h < *slot {
                *slot = h;
            }
        }
    }
    (sig, shingles.len().min(u32::MAX as usize) as u32)
}

/// Fixed seeds of the MinHash functions.
static SEEDS: std::sync::LazyLock<[u64; MINHASH]> = std::sync::LazyLock::new(|| {
    let mut s = [0u64; MINHASH];
    let mut x = 0x5eed_u64;
    for slot in s.iter_mut() {
        x = hash::mix(x.wrapping_add(0x9e37_79b9_7f4a_7c15));
        *slot = x;
    }
    s
});

/// The share of equal slots of two signatures: an estimate of the shingles' Jaccard
/// similarity. 0 when either is empty.
pub fn jaccard(a: &[u32], b: &[u32]) -> f32 {
    if a.is_empty() || a.len() != b.len() {
        return 0.0;
    }
    let eq = a.iter().zip(b).filter(|(x, y)| x == y).count();
    eq as f32 / a.len() as f32
}
