//! The figure ledger: per story, every tracked figure (the analysis's claims) grouped by
//! the quantity it counts — across wording and languages — and ordered by date, copies
//! left out, jumps and contradictions flagged.
//!
//! Grouping: each claim's `counts` is read as a language-neutral concept ([`concept`]: a
//! small multilingual lexicon of the quantities news tracks — deaths, missing, injured,
//! evacuated, recruited, arrested, protesters, casualties, area burned, money by purpose);
//! outside the lexicon, a phrase that says what happened keys on its stemmed words and a
//! bare noun phrase on its stemmed head noun. A bare noun phrase then joins the one line of
//! the same unit whose wording shares its head noun (or names the same class of persons:
//! "convicted criminals" → "recruited in prison"). Lines never mix units (people vs RUB)
//! or concepts (missing vs dead).

mod concept;
mod when;

use serde::{Deserialize, Serialize};
use storyline_analyse::{Claim, Speaker};

use concept::{Concept, Reading};

/// One article's claims, as the ledger needs them.
#[derive(Debug, Clone)]
pub struct LedgerArticle<'a> {
    pub id: u64,
    pub outlet: Option<&'a str>,
    /// RFC 3339 date or date-time.
    pub published: Option<&'a str>,
    /// Set for copies: their figures are their original's and are not counted again.
    pub copy_of: Option<u64>,
    pub claims: &'a [Claim],
}

/// One figure in the ledger.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LedgerEntry {
    pub value: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// The figure's words ("as many as 75,000").
    pub text: String,
    pub claimant: Option<Speaker>,
    pub hedge: Option<String>,
    pub article: u64,
    pub outlet: Option<String>,
    pub published: Option<String>,
    /// What this claim says it counts, as written ("personnes mortes").
    #[serde(default)]
    pub counts: Option<String>,
    /// The date the figure is for: the claim's own time reference ("la veille", "on
    /// Thursday", "in October 2022") resolved against the article's date — `YYYY-MM-DD`,
    /// `YYYY-MM` or `YYYY` —, else the article's day; null when neither is known.
    #[serde(default)]
    pub as_of: Option<String>,
}

/// All figures about one quantity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LedgerLine {
    /// What is counted: the most common English wording ("people killed"), else the
    /// quantity's English name.
    pub counts: String,
    pub unit: Option<String>,
    /// The lexicon's key of the quantity ("deaths", "missing", "recruited", "payout"), or
    /// null when the line groups a wording outside the lexicon.
    #[serde(default)]
    pub concept: Option<String>,
    /// By date (`as_of`; undated last), then by article.
    pub entries: Vec<LedgerEntry>,
    /// "jump: 100 → 50000 (2022-08-01 → 2023-11-10)", "contradiction: 40 vs 75 on 2023-11-10".
    pub flags: Vec<String>,
}

/// A line being built.
struct Group {
    concept: Concept,
    unit: Option<String>,
    entries: Vec<LedgerEntry>,
    readings: Vec<(String, Reading)>,
}

/// The unit a line is keyed on: counts of persons all read `people` for a lexicon
/// quantity of persons ("muertos", "Tote" and no unit alike).
fn line_unit(concept: &Concept, unit: Option<&str>) -> Option<String> {
    match concept {
        Concept::Known(k) if concept::is_person_concept(k) && concept::is_count_unit(unit) => {
            Some("people".into())
        }
        _ => unit.map(str::to_string),
    }
}

/// The ledger of a story: its articles' claims grouped by the quantity they count.
/// Claims without `counts` are left out (they cannot be grouped); so are copies, and a
/// figure an article repeats (its highlights, then its text) counts once.
pub fn build(articles: &[LedgerArticle<'_>]) -> Vec<LedgerLine> {
    let mut groups: Vec<Group> = Vec::new();
    for a in articles.iter().filter(|a| a.copy_of.is_none()) {
        for c in a.claims {
            let Some(counts) = c.counts.as_deref().map(normalise).filter(|s| !s.is_empty()) else {
                continue;
            };
            let reading = concept::read(&counts, c.unit.as_deref());
            let unit = line_unit(&reading.concept, c.unit.as_deref());
            let as_of = when::resolve(c.as_of.as_deref(), a.published)
                .or_else(|| a.published.and_then(|p| p.get(..10)).map(str::to_string));
            let entry = LedgerEntry {
                value: c.value,
                min: c.min,
                max: c.max,
                text: c.text.clone(),
                claimant: c.claimant.clone(),
                hedge: c.hedge.clone(),
                article: a.id,
                outlet: a.outlet.map(str::to_string),
                published: a.published.map(str::to_string),
                counts: Some(counts.clone()),
                as_of,
            };
            let g = match groups
                .iter_mut()
                .position(|g| g.concept == reading.concept && g.unit == unit)
            {
                Some(i) => &mut groups[i],
                None => {
                    groups.push(Group {
                        concept: reading.concept.clone(),
                        unit,
                        entries: Vec::new(),
                        readings: Vec::new(),
                    });
                    let last = groups.len() - 1;
                    &mut groups[last]
                }
            };
            let repeated = g.entries.iter().any(|e| {
                e.article == entry.article
                    && e.value == entry.value
                    && e.min == entry.min
                    && e.max == entry.max
                    && e.as_of == entry.as_of
                    && e.claimant.as_ref().map(|s| &s.name)
                        == entry.claimant.as_ref().map(|s| &s.name)
            });
            if repeated {
                continue;
            }
            g.entries.push(entry);
            g.readings.push((counts, reading));
        }
    }
    join_bare_nouns(&mut groups);
    let mut lines: Vec<LedgerLine> = groups
        .into_iter()
        .filter(|g| !g.entries.is_empty())
        .map(|g| {
            let mut entries = g.entries;
            entries.sort_by(|a, b| {
                let key = |e: &LedgerEntry| (e.as_of.is_none(), e.as_of.clone());
                key(a).cmp(&key(b)).then(a.article.cmp(&b.article))
            });
            let flags = flags(&entries);
            let (counts, concept) = label(&g.concept, &g.readings);
            LedgerLine {
                counts,
                unit: g.unit,
                concept,
                entries,
                flags,
            }
        })
        .collect();
    lines.sort_by(|a, b| {
        b.entries
            .len()
            .cmp(&a.entries.len())
            .then(a.counts.cmp(&b.counts))
    });
    lines
}

/// Bare noun phrases ("fighters", "russian prisoners") join the one line of their unit
/// whose wording shares their head noun or class of persons: a lexicon quantity first,
/// else a phrase outside it.
fn join_bare_nouns(groups: &mut Vec<Group>) {
    let mut i = 0;
    while i < groups.len() {
        let Concept::Noun(head) = &groups[i].concept else {
            i += 1;
            continue;
        };
        let head = head.clone();
        if concept::GENERIC.contains(&head.as_str()) {
            i += 1;
            continue;
        }
        let classes: Vec<&str> = groups[i]
            .readings
            .iter()
            .flat_map(|(_, r)| r.classes.iter().copied())
            .collect();
        let unit = groups[i].unit.clone();
        let meets = |g: &Group| {
            g.unit == unit
                && g.readings.iter().any(|(_, r)| {
                    (!head.is_empty() && r.stems.contains(&head))
                        || r.classes.iter().any(|c| classes.contains(c))
                })
        };
        let known: Vec<usize> = (0..groups.len())
            .filter(|&j| j != i && matches!(groups[j].concept, Concept::Known(_)))
            .filter(|&j| meets(&groups[j]))
            .collect();
        let phrase: Vec<usize> = (0..groups.len())
            .filter(|&j| j != i && matches!(groups[j].concept, Concept::Phrase(_)))
            .filter(|&j| meets(&groups[j]))
            .collect();
        let target = match (known.as_slice(), phrase.as_slice()) {
            ([k], _) => Some(*k),
            ([], [p]) => Some(*p),
            _ => None,
        };
        match target {
            Some(t) => {
                let g = groups.remove(i);
                let t = if t > i { t - 1 } else { t };
                let dst = &mut groups[t];
                for (e, r) in g.entries.into_iter().zip(g.readings) {
                    let repeated = dst.entries.iter().any(|x| {
                        x.article == e.article
                            && x.value == e.value
                            && x.min == e.min
                            && x.max == e.max
                            && x.claimant.as_ref().map(|s| &s.name)
                                == e.claimant.as_ref().map(|s| &s.name)
                    });
                    if !repeated {
                        dst.entries.push(e);
                        dst.readings.push(r);
                    }
                }
                // Start over: the lines moved.
                i = 0;
            }
            None => i += 1,
        }
    }
}

/// The line's label and lexicon key: the most common English wording of a lexicon
/// quantity (else its English name); the most common wording of other lines (ties: the
/// first).
fn label(concept: &Concept, readings: &[(String, Reading)]) -> (String, Option<String>) {
    let most_common = |pick: &dyn Fn(&Reading) -> bool| -> Option<String> {
        let mut best: Option<(&str, usize)> = None;
        for (w, r) in readings {
            if !pick(r) {
                continue;
            }
            let n = readings.iter().filter(|(x, _)| x == w).count();
            // Ties: the fuller wording ("fighters recruited in prison" over "approached").
            if best.is_none_or(|(b, m)| n > m || n == m && w.len() > b.len()) {
                best = Some((w.as_str(), n));
            }
        }
        best.map(|(w, _)| w.to_string())
    };
    match concept {
        Concept::Known(k) => {
            let own = |r: &Reading| r.english && r.concept == *concept;
            let counts = most_common(&own)
                .or_else(|| concept::name(k).map(str::to_string))
                .unwrap_or_else(|| (*k).to_string());
            (counts, Some((*k).to_string()))
        }
        _ => (most_common(&|_| true).unwrap_or_default(), None),
    }
}

/// Lower case, single spaces, no leading article.
fn normalise(s: &str) -> String {
    let lower = s.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let skip = usize::from(matches!(
        words.first().copied(),
        Some("the" | "a" | "an" | "le" | "la" | "les" | "der" | "die" | "das" | "el" | "los")
    ));
    words[skip.min(words.len())..].join(" ")
}

fn middle(e: &LedgerEntry) -> Option<f64> {
    e.value.or(match (e.min, e.max) {
        (Some(a), Some(b)) => Some((a + b) / 2.0),
        (a, b) => a.or(b),
    })
}

fn day(e: &LedgerEntry) -> Option<&str> {
    e.as_of.as_deref()
}

/// Jumps (a figure at least doubling or halving from one date to the next) and
/// contradictions (figures more than 10% apart for the same day from different claimants).
fn flags(entries: &[LedgerEntry]) -> Vec<String> {
    let mut out = Vec::new();
    for w in entries.windows(2) {
        let (Some(a), Some(b)) = (middle(&w[0]), middle(&w[1])) else {
            continue;
        };
        if a <= 0.0 || b <= 0.0 {
            continue;
        }
        let (da, db) = (day(&w[0]), day(&w[1]));
        let who = |e: &LedgerEntry| e.claimant.as_ref().map(|s| s.name.clone());
        if da.is_some_and(|d| d.len() == 10) && da == db {
            if (a - b).abs() / a.max(b) > 0.1 && who(&w[0]) != who(&w[1]) {
                out.push(format!(
                    "contradiction: {} vs {} on {}",
                    w[0].text,
                    w[1].text,
                    da.unwrap_or_default()
                ));
            }
        } else if b / a >= 2.0 || a / b >= 2.0 {
            out.push(format!(
                "jump: {} → {} ({} → {})",
                w[0].text,
                w[1].text,
                da.unwrap_or("undated"),
                db.unwrap_or("undated")
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests;
