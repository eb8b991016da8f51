//! The figure ledger: per story, every tracked figure (the analysis's claims) grouped by
//! what it counts and ordered by date, copies left out, jumps and contradictions flagged.

use serde::{Deserialize, Serialize};
use storyline_analyse::{Claim, Speaker};

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
}

/// All figures about one quantity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LedgerLine {
    /// What is counted, normalised ("fighters recruited in prison").
    pub counts: String,
    pub unit: Option<String>,
    /// By date (undated last), then by article.
    pub entries: Vec<LedgerEntry>,
    /// "jump: 100 → 50000 (2022-08-01 → 2023-11-10)", "contradiction: 40 vs 75 on 2023-11-10".
    pub flags: Vec<String>,
}

/// The ledger of a story: its articles' claims grouped by (normalised `counts`, `unit`).
/// Claims without `counts` are left out (they cannot be grouped).
pub fn build(articles: &[LedgerArticle<'_>]) -> Vec<LedgerLine> {
    let mut lines: Vec<LedgerLine> = Vec::new();
    for a in articles.iter().filter(|a| a.copy_of.is_none()) {
        for c in a.claims {
            let Some(counts) = c.counts.as_deref().map(normalise).filter(|s| !s.is_empty()) else {
                continue;
            };
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
            };
            match lines
                .iter_mut()
                .find(|l| l.counts == counts && l.unit == c.unit)
            {
                Some(l) => l.entries.push(entry),
                None => lines.push(LedgerLine {
                    counts,
                    unit: c.unit.clone(),
                    entries: vec![entry],
                    flags: Vec::new(),
                }),
            }
        }
    }
    for l in &mut lines {
        l.entries.sort_by(|a, b| {
            let key = |e: &LedgerEntry| (e.published.is_none(), e.published.clone());
            key(a).cmp(&key(b)).then(a.article.cmp(&b.article))
        });
        l.flags = flags(&l.entries);
    }
    lines.sort_by(|a, b| {
        b.entries
            .len()
            .cmp(&a.entries.len())
            .then(a.counts.cmp(&b.counts))
    });
    lines
}

/// Lower case, single spaces, no leading article.
fn normalise(s: &str) -> String {
    let lower = s.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let skip = usize::from(matches!(
        words.first().copied(),
        Some("the" | "a" | "an" | "le" | "la" | "les" | "der" | "die" | "das")
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
    e.published.as_deref().and_then(|p| p.get(..10))
}

/// Jumps (a figure at least doubling or halving from one date to the next) and
/// contradictions (figures more than 10% apart on the same day from different claimants).
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
        if da.is_some() && da == db {
            if (a - b).abs() / a.max(b) > 0.1 && w[0].claimant != w[1].claimant {
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
