//! Quote extraction scoring on the quotes bench in ../shared/bench/quotes (its README
//! defines the gold format, the prediction format and the metrics).
//!
//! Two corpora are converted, in memory, to one gold format (one document per line:
//! `{doc_id, lang, text, quotes: [{start, end, spans, source_start, source_end,
//! source_text, cue_start, cue_end, kind}]}`, code-point offsets):
//! * PolNeAR (English, brat standoff, [`polnear`]): one gold quote per attribution (`E`
//!   line) that has a Content; its spans are the Content's spans plus any Content2's.
//!   Articles annotated by several annotators are read from ONE annotator: the first
//!   `.ann` file in name order.
//! * German WikiNews ([`german`]): one gold quote per annotation; spans are the quote's
//!   spans, the source is the speaker (none when the speaker has no span).
//!
//! Scores ([`score_doc`], summed in [`Counts`]):
//! * content P/R/F1: a predicted quote `[start, end)` and a gold quote match when
//!   |chars ∩| / |chars ∪| ≥ 0.3, the gold characters being the union of its spans.
//!   Matching is one-to-one and greedy: all pairs at or above the threshold, best IoU
//!   first (ties: a pair whose speaker is right, then lower gold index, then lower
//!   prediction index), each side used once. (Greedy, not Hungarian: it maximises
//!   neither the number of matches nor the total IoU, but with news quotes rarely
//!   overlapping it seldom differs.)
//! * exact P/R/F1: a prediction's `[start, end)` equals a gold quote's outer `[start, end)`
//!   (one-to-one); "trimmed" compares both after trimming whitespace, quote marks and
//!   punctuation at both ends.
//! * speaker accuracy, over content-matched pairs whose gold quote has a source: the
//!   predicted speaker string equals (case-insensitively, whitespace collapsed, punctuation
//!   at both ends dropped) the gold source mention, one of its pieces when it is
//!   discontinuous, or the last word of one of them. Matched gold quotes without a source
//!   are left out of speaker accuracy (counted apart); a prediction without a speaker is
//!   wrong.
//! * recall per gold kind: German annotation types; PolNeAR `direct` (content begins and
//!   ends at a quote mark), `mixed` (a double quote mark inside or at one end) and `other`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

pub mod german;
pub mod polnear;
#[cfg(test)]
mod tests;

/// Content spans match at this |∩| / |∪| or above.
pub const IOU_THRESHOLD: f64 = 0.3;

/// Why a corpus could not be read.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A JSON line could not be parsed.
    #[error("cannot parse {path} line {line}: {source}")]
    Json {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// The cause.
        source: serde_json::Error,
    },
}

/// The two corpora of the bench.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Corpus {
    /// PolNeAR, English political news (brat standoff).
    Polnear,
    /// German WikiNews quotation attribution (uhh-lt, 2024).
    German,
}

impl Corpus {
    /// Both corpora, in report order.
    pub const ALL: [Corpus; 2] = [Corpus::Polnear, Corpus::German];

    /// The name used on the command line and in reports.
    pub fn name(self) -> &'static str {
        match self {
            Corpus::Polnear => "polnear",
            Corpus::German => "german",
        }
    }

    /// The language passed to the pipeline.
    pub fn lang(self) -> &'static str {
        match self {
            Corpus::Polnear => "en",
            Corpus::German => "de",
        }
    }

    /// The corpus folder under the bench folder.
    pub fn subdir(self) -> &'static str {
        match self {
            Corpus::Polnear => "polnear",
            Corpus::German => "german-wikinews",
        }
    }

    /// Reads one split (`dev` or `train`) of this corpus from the bench folder.
    pub fn load(self, bench: &std::path::Path, split: &str) -> Result<GoldSet, Error> {
        let dir = bench.join(self.subdir()).join(split);
        match self {
            Corpus::Polnear => polnear::load(&dir),
            Corpus::German => german::load(&dir.join(format!("{split}.jsonl"))),
        }
    }
}

/// One gold quote, in the bench's gold format (plus `kind` and `source_spans`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GoldQuote {
    /// Start of the first content span.
    pub start: usize,
    /// End of the last content span.
    pub end: usize,
    /// The content spans, sorted, non-overlapping, non-empty.
    pub spans: Vec<[usize; 2]>,
    pub source_start: Option<usize>,
    pub source_end: Option<usize>,
    /// The source mention (discontinuous pieces joined by a space).
    pub source_text: Option<String>,
    /// The source's pieces when it is discontinuous.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub source_spans: Vec<[usize; 2]>,
    pub cue_start: Option<usize>,
    pub cue_end: Option<usize>,
    /// German: the annotation type; PolNeAR: `direct`, `mixed` or `other`.
    pub kind: String,
}

/// One gold document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GoldDoc {
    pub doc_id: String,
    pub lang: String,
    pub text: String,
    pub quotes: Vec<GoldQuote>,
}

/// One split of one corpus, converted.
#[derive(Debug, Clone)]
pub struct GoldSet {
    pub corpus: Corpus,
    pub docs: Vec<GoldDoc>,
    /// What the conversion chose or dropped (annotators skipped, bad spans…).
    pub notes: Vec<String>,
}

impl GoldSet {
    /// Gold quotes in all documents.
    pub fn quotes(&self) -> usize {
        self.docs.iter().map(|d| d.quotes.len()).sum()
    }

    /// Gold quotes with a source.
    pub fn quotes_with_source(&self) -> usize {
        self.docs
            .iter()
            .flat_map(|d| &d.quotes)
            .filter(|q| q.source_start.is_some())
            .count()
    }
}

/// One predicted quote, in the bench's prediction format (plus `kind`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PredQuote {
    pub start: usize,
    pub end: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// storyline's quote kind (`direct`, `indirect`, `mixed`), for inspection only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

/// The predictions for one document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PredDoc {
    pub doc_id: String,
    pub quotes: Vec<PredQuote>,
}

/// storyline's quotes for one document: `storyline_analyse::analyse` with the corpus
/// language forced; the speaker string is the speaker's words in the text, else its name.
pub fn predict(doc: &GoldDoc) -> PredDoc {
    let analysis = storyline_analyse::analyse(
        &doc.text,
        &storyline_analyse::Options {
            lang: Some(doc.lang.clone()),
            outlet: None,
        },
    );
    let quotes = analysis
        .quotes
        .into_iter()
        .map(|q| PredQuote {
            start: q.start,
            end: q.end,
            speaker: q.speaker.map(|s| match s.mention {
                Some(m) if !m.text.trim().is_empty() => m.text,
                _ => s.name,
            }),
            kind: serde_json::to_value(q.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned)),
        })
        .collect();
    PredDoc {
        doc_id: doc.doc_id.clone(),
        quotes,
    }
}

/// Reads predictions in the README's JSONL format, keyed by doc_id. A quote gives its
/// offsets as `start`/`end`, `span: [s, e]` or `offsets: [s, e]`, or only its `text`
/// (then located at its first occurrence in the gold document, when `docs` has it).
pub fn parse_predictions(
    jsonl: &str,
    docs: &[GoldDoc],
) -> Result<BTreeMap<String, PredDoc>, (usize, String)> {
    let by_id: BTreeMap<&str, &GoldDoc> = docs.iter().map(|d| (d.doc_id.as_str(), d)).collect();
    let mut out: BTreeMap<String, PredDoc> = BTreeMap::new();
    for (i, line) in jsonl.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| (i + 1, e.to_string()))?;
        let doc_id = match &v["doc_id"] {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Number(n) => n.to_string(),
            _ => return Err((i + 1, "no doc_id".into())),
        };
        let gold_text = by_id.get(doc_id.as_str()).map(|d| d.text.as_str());
        let mut quotes = Vec::new();
        for q in v["quotes"].as_array().into_iter().flatten() {
            let pair = |key: &str| {
                let a = q[key].as_array()?;
                Some((a.first()?.as_u64()? as usize, a.get(1)?.as_u64()? as usize))
            };
            let offsets = match (q["start"].as_u64(), q["end"].as_u64()) {
                (Some(s), Some(e)) => Some((s as usize, e as usize)),
                _ => pair("span").or_else(|| pair("offsets")).or_else(|| {
                    let t = q["text"].as_str()?;
                    find_chars(gold_text?, t)
                }),
            };
            let Some((start, end)) = offsets else {
                continue;
            };
            quotes.push(PredQuote {
                start,
                end,
                speaker: q["speaker"].as_str().map(str::to_owned),
                kind: q["kind"].as_str().map(str::to_owned),
            });
        }
        out.entry(doc_id.clone())
            .or_insert_with(|| PredDoc {
                doc_id,
                quotes: Vec::new(),
            })
            .quotes
            .extend(quotes);
    }
    Ok(out)
}

/// The code-point offsets of the first occurrence of `needle` in `text`.
fn find_chars(text: &str, needle: &str) -> Option<(usize, usize)> {
    if needle.is_empty() {
        return None;
    }
    let byte = text.find(needle)?;
    let start = text.get(..byte)?.chars().count();
    Some((start, start + needle.chars().count()))
}

/// Sorted, merged, non-empty spans.
pub fn normalize_spans(spans: &[[usize; 2]]) -> Vec<[usize; 2]> {
    let mut v: Vec<[usize; 2]> = spans.iter().copied().filter(|s| s[0] < s[1]).collect();
    v.sort_unstable();
    let mut out: Vec<[usize; 2]> = Vec::with_capacity(v.len());
    for s in v {
        match out.last_mut() {
            Some(last) if s[0] <= last[1] => last[1] = last[1].max(s[1]),
            _ => out.push(s),
        }
    }
    out
}

/// |chars ∩| / |chars ∪| of a predicted `[start, end)` and gold spans (normalized).
pub fn iou(pred: (usize, usize), gold: &[[usize; 2]]) -> f64 {
    let (ps, pe) = pred;
    let plen = pe.saturating_sub(ps);
    let mut glen = 0usize;
    let mut inter = 0usize;
    for s in gold {
        glen += s[1] - s[0];
        let lo = s[0].max(ps);
        let hi = s[1].min(pe);
        inter += hi.saturating_sub(lo);
    }
    let union = plen + glen - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// One-to-one greedy matching: `(gold index, prediction index, IoU)` for every pair at or
/// above `threshold`, best IoU first (ties: lower gold, then lower prediction index).
pub fn match_quotes(
    gold: &[Vec<[usize; 2]>],
    pred: &[(usize, usize)],
    threshold: f64,
) -> Vec<(usize, usize, f64)> {
    match_quotes_preferring(gold, pred, threshold, |_, _| false)
}

/// [`match_quotes`], where among pairs of equal IoU those for which `prefer(gold, pred)`
/// holds come first (used to pair identical gold quotes with different speakers with the
/// prediction naming the right one).
pub fn match_quotes_preferring(
    gold: &[Vec<[usize; 2]>],
    pred: &[(usize, usize)],
    threshold: f64,
    prefer: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize, f64)> {
    let mut pairs = Vec::new();
    for (g, spans) in gold.iter().enumerate() {
        let (Some(first), Some(last)) = (spans.first(), spans.last()) else {
            continue;
        };
        for (p, &(ps, pe)) in pred.iter().enumerate() {
            if pe <= first[0] || ps >= last[1] {
                continue;
            }
            let v = iou((ps, pe), spans);
            if v >= threshold {
                pairs.push((g, p, v, prefer(g, p)));
            }
        }
    }
    pairs.sort_by(|a, b| {
        b.2.total_cmp(&a.2)
            .then(b.3.cmp(&a.3))
            .then(a.0.cmp(&b.0))
            .then(a.1.cmp(&b.1))
    });
    let mut gold_used = vec![false; gold.len()];
    let mut pred_used = vec![false; pred.len()];
    let mut out = Vec::new();
    for (g, p, v, _) in pairs {
        if !gold_used[g] && !pred_used[p] {
            gold_used[g] = true;
            pred_used[p] = true;
            out.push((g, p, v));
        }
    }
    out.sort_unstable_by_key(|m| (m.0, m.1));
    out
}

/// Lowercased, whitespace collapsed, non-alphanumeric characters dropped at both ends.
fn normalize_name(s: &str) -> String {
    let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
    joined
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Whether a predicted speaker string names the gold source: it equals one of the gold
/// mentions or the last word of one, case-insensitively.
pub fn speaker_matches(pred: &str, gold_mentions: &[String]) -> bool {
    let p = normalize_name(pred);
    if p.is_empty() {
        return false;
    }
    gold_mentions.iter().any(|m| {
        let g = normalize_name(m);
        if g.is_empty() {
            return false;
        }
        let last = g.rsplit(' ').next().map(normalize_name).unwrap_or_default();
        p == g || p == last
    })
}

/// The gold source mentions of a quote: the whole mention and, when discontinuous, each
/// piece (read from the text).
fn gold_mentions(doc_chars: &[char], q: &GoldQuote) -> Vec<String> {
    let mut out: Vec<String> = q.source_text.iter().cloned().collect();
    if q.source_spans.len() > 1 {
        for s in &q.source_spans {
            out.push(slice(doc_chars, s[0], s[1]));
        }
    }
    out
}

fn slice(chars: &[char], start: usize, end: usize) -> String {
    let end = end.min(chars.len());
    let start = start.min(end);
    chars[start..end].iter().collect()
}

/// Whitespace, quote marks and punctuation trimmed off `[start, end)`.
fn trim_bounds(chars: &[char], start: usize, end: usize) -> (usize, usize) {
    let end = end.min(chars.len());
    let mut s = start.min(end);
    let mut e = end;
    let junk = |c: char| c.is_whitespace() || is_quote_mark(c) || c.is_ascii_punctuation();
    while s < e && junk(chars[s]) {
        s += 1;
    }
    while e > s && junk(chars[e - 1]) {
        e -= 1;
    }
    (s, e)
}

/// Quote marks: straight, curly, low-9 and guillemets, double and single.
pub fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '”'
            | '„'
            | '‟'
            | '«'
            | '»'
            | '‘'
            | '’'
            | '‚'
            | '‛'
            | '‹'
            | '›'
            | '「'
            | '」'
    )
}

/// The scores of one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocScore {
    /// Content matches `(gold, prediction, IoU)`, by gold index.
    pub matches: Vec<(usize, usize, f64)>,
    /// Gold quotes matched exactly.
    pub exact: usize,
    /// Gold quotes matched exactly after trimming.
    pub exact_trimmed: usize,
    /// Gold quotes not matched (content).
    pub missed: Vec<usize>,
    /// Predictions not matched (content).
    pub spurious: Vec<usize>,
    /// Matched pairs with a gold source whose speaker is wrong `(gold, prediction)`.
    pub wrong_speaker: Vec<(usize, usize)>,
    /// The counts.
    pub counts: Counts,
}

/// Recall counts for one kind of gold quote.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct KindCounts {
    pub gold: usize,
    pub matched: usize,
}

/// Summed counts; the metrics derive from them ([`Counts::metrics`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Counts {
    pub docs: usize,
    pub gold: usize,
    pub gold_with_source: usize,
    pub predicted: usize,
    /// One-to-one content matches at IoU ≥ 0.3.
    pub matched: usize,
    pub exact: usize,
    pub exact_trimmed: usize,
    /// Matched pairs whose gold quote has a source.
    pub speaker_scored: usize,
    pub speaker_correct: usize,
    /// Matched pairs whose gold quote has no source (not in speaker accuracy).
    pub matched_without_source: usize,
    /// Sum of IoU over matches.
    pub iou_sum: f64,
    pub by_kind: BTreeMap<String, KindCounts>,
}

/// Precision, recall, F1 in percent (NaN when undefined).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    /// From true positives, predictions and gold items.
    pub fn of(tp: usize, predicted: usize, gold: usize) -> Prf {
        let pct = |a: usize, b: usize| {
            if b == 0 {
                f64::NAN
            } else {
                100.0 * a as f64 / b as f64
            }
        };
        let precision = pct(tp, predicted);
        let recall = pct(tp, gold);
        let f1 = if predicted + gold == 0 {
            f64::NAN
        } else {
            200.0 * tp as f64 / (predicted + gold) as f64
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }
}

/// The reported metrics.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Metrics {
    pub content: Prf,
    pub exact: Prf,
    pub exact_trimmed: Prf,
    /// Percent of matched quotes with a gold source whose speaker is right.
    pub speaker_accuracy: f64,
    /// Mean IoU of the content matches.
    pub mean_iou: f64,
    /// Recall per gold kind, percent.
    pub recall_by_kind: BTreeMap<String, f64>,
}

impl Counts {
    /// Adds another document's (or corpus's) counts.
    pub fn add(&mut self, o: &Counts) {
        self.docs += o.docs;
        self.gold += o.gold;
        self.gold_with_source += o.gold_with_source;
        self.predicted += o.predicted;
        self.matched += o.matched;
        self.exact += o.exact;
        self.exact_trimmed += o.exact_trimmed;
        self.speaker_scored += o.speaker_scored;
        self.speaker_correct += o.speaker_correct;
        self.matched_without_source += o.matched_without_source;
        self.iou_sum += o.iou_sum;
        for (k, v) in &o.by_kind {
            let e = self.by_kind.entry(k.clone()).or_default();
            e.gold += v.gold;
            e.matched += v.matched;
        }
    }

    /// The metrics, in percent.
    pub fn metrics(&self) -> Metrics {
        let pct = |a: usize, b: usize| {
            if b == 0 {
                f64::NAN
            } else {
                100.0 * a as f64 / b as f64
            }
        };
        Metrics {
            content: Prf::of(self.matched, self.predicted, self.gold),
            exact: Prf::of(self.exact, self.predicted, self.gold),
            exact_trimmed: Prf::of(self.exact_trimmed, self.predicted, self.gold),
            speaker_accuracy: pct(self.speaker_correct, self.speaker_scored),
            mean_iou: if self.matched == 0 {
                f64::NAN
            } else {
                self.iou_sum / self.matched as f64
            },
            recall_by_kind: self
                .by_kind
                .iter()
                .map(|(k, v)| (k.clone(), pct(v.matched, v.gold)))
                .collect(),
        }
    }
}

/// Counts equal `(start, end)` pairs one-to-one.
fn count_equal(gold: &[(usize, usize)], pred: &[(usize, usize)]) -> usize {
    let mut left: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for &p in pred {
        *left.entry(p).or_default() += 1;
    }
    let mut n = 0;
    for g in gold {
        if let Some(c) = left.get_mut(g).filter(|c| **c > 0) {
            *c -= 1;
            n += 1;
        }
    }
    n
}

/// Scores one document's predictions against its gold quotes.
pub fn score_doc(doc: &GoldDoc, pred: &[PredQuote]) -> DocScore {
    let chars: Vec<char> = doc.text.chars().collect();
    let gold_spans: Vec<Vec<[usize; 2]>> = doc
        .quotes
        .iter()
        .map(|q| normalize_spans(&q.spans))
        .collect();
    let pred_bounds: Vec<(usize, usize)> = pred.iter().map(|p| (p.start, p.end)).collect();
    let mentions: Vec<Vec<String>> = doc
        .quotes
        .iter()
        .map(|q| gold_mentions(&chars, q))
        .collect();
    let speaker_ok = |g: usize, p: usize| {
        pred[p]
            .speaker
            .as_deref()
            .is_some_and(|s| speaker_matches(s, &mentions[g]))
    };
    let matches = match_quotes_preferring(&gold_spans, &pred_bounds, IOU_THRESHOLD, speaker_ok);

    let gold_bounds: Vec<(usize, usize)> = doc.quotes.iter().map(|q| (q.start, q.end)).collect();
    let exact = count_equal(&gold_bounds, &pred_bounds);
    let trim = |b: &[(usize, usize)]| -> Vec<(usize, usize)> {
        b.iter().map(|&(s, e)| trim_bounds(&chars, s, e)).collect()
    };
    let exact_trimmed = count_equal(&trim(&gold_bounds), &trim(&pred_bounds));

    let mut counts = Counts {
        docs: 1,
        gold: doc.quotes.len(),
        gold_with_source: doc
            .quotes
            .iter()
            .filter(|q| q.source_start.is_some())
            .count(),
        predicted: pred.len(),
        matched: matches.len(),
        exact,
        exact_trimmed,
        ..Counts::default()
    };
    let mut gold_hit = vec![false; doc.quotes.len()];
    let mut pred_hit = vec![false; pred.len()];
    let mut wrong_speaker = Vec::new();
    for &(g, p, v) in &matches {
        gold_hit[g] = true;
        pred_hit[p] = true;
        counts.iou_sum += v;
        let q = &doc.quotes[g];
        if q.source_text.is_none() {
            counts.matched_without_source += 1;
            continue;
        }
        counts.speaker_scored += 1;
        if speaker_ok(g, p) {
            counts.speaker_correct += 1;
        } else {
            wrong_speaker.push((g, p));
        }
    }
    for (q, &hit) in doc.quotes.iter().zip(&gold_hit) {
        let e = counts.by_kind.entry(q.kind.clone()).or_default();
        e.gold += 1;
        e.matched += usize::from(hit);
    }
    DocScore {
        exact,
        exact_trimmed,
        missed: (0..doc.quotes.len()).filter(|&g| !gold_hit[g]).collect(),
        spurious: (0..pred.len()).filter(|&p| !pred_hit[p]).collect(),
        wrong_speaker,
        matches,
        counts,
    }
}

/// `[start, end)` of `text` with `width` characters of context either side, the quote
/// between ⟦ ⟧, line breaks shown as ⏎, the quote cut in its middle when long.
pub fn context(text: &str, start: usize, end: usize, width: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let end = end.min(chars.len());
    let start = start.min(end);
    let before = slice(&chars, start.saturating_sub(width), start);
    let after = slice(&chars, end, end + width);
    let inner = if end - start > 300 {
        format!(
            "{} … {}",
            slice(&chars, start, start + 140),
            slice(&chars, end - 140, end)
        )
    } else {
        slice(&chars, start, end)
    };
    format!("…{before}⟦{inner}⟧{after}…").replace('\n', "⏎")
}

/// PolNeAR's kind of a content: `direct` when it begins and ends at a quote mark (the
/// mark inside the content or right beside it), `mixed` when a double quote mark is
/// inside or at one end, else `other`.
pub fn quote_mark_kind(chars: &[char], spans: &[[usize; 2]]) -> &'static str {
    let (Some(first), Some(last)) = (spans.first(), spans.last()) else {
        return "other";
    };
    let (s, e) = (first[0].min(chars.len()), last[1].min(chars.len()));
    if s >= e {
        return "other";
    }
    let soft = |c: char| c.is_whitespace();
    let end_punct = |c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | '!' | '?');
    // Outside the content, look past spaces and punctuation on the same line only.
    let blank = |c: char| matches!(c, ' ' | '\t' | '\u{a0}');
    let punct = |c: char| blank(c) || matches!(c, '.' | ',' | ';' | ':' | '!' | '?');
    // Opening: the first non-space character inside, or the nearest before.
    let mut i = s;
    while i < e && soft(chars[i]) {
        i += 1;
    }
    let mut opens = i < e && is_quote_mark(chars[i]);
    if !opens {
        let mut j = s;
        while j > 0 && blank(chars[j - 1]) && s - j < 3 {
            j -= 1;
        }
        opens = j > 0 && is_quote_mark(chars[j - 1]);
    }
    // Closing: the last character inside that is not space or final punctuation, or the
    // nearest after (past punctuation).
    let mut k = e;
    while k > s && end_punct(chars[k - 1]) {
        k -= 1;
    }
    let mut closes = k > s && is_quote_mark(chars[k - 1]);
    if !closes {
        let mut j = e;
        while j < chars.len() && punct(chars[j]) && j - e < 3 {
            j += 1;
        }
        closes = j < chars.len() && is_quote_mark(chars[j]);
    }
    if opens && closes {
        return "direct";
    }
    let double = |c: char| matches!(c, '"' | '“' | '”' | '„' | '‟' | '«' | '»');
    let inside = spans.iter().any(|sp| {
        chars[sp[0].min(chars.len())..sp[1].min(chars.len())]
            .iter()
            .any(|&c| double(c))
    });
    if inside || opens || closes {
        "mixed"
    } else {
        "other"
    }
}
