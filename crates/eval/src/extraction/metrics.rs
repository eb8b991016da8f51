//! The extraction metrics of `../shared/bench/extraction/README.md`, page by page and
//! over a set of pages.
//!
//! - Shingle precision/recall/F1 (the ScrapingHub article-extraction-benchmark metric):
//!   `\w+` tokens with case kept, 4-token windows counted as multisets; set precision is
//!   the mean page precision over non-empty predictions, set recall the mean page recall
//!   over non-empty truths, set F1 their harmonic mean; plus exact-match accuracy and a
//!   bootstrap standard deviation with a fixed seed.
//! - Bag-of-words F1 (the WCXB metric): lower-cased `\w+` tokens as multisets, plain mean
//!   of per-page values.
//! - Title accuracy, date accuracy and the `with` / `without` snippet rates.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

/// Tokens per shingle.
pub const SHINGLE: usize = 4;

/// Unicode-aware `\w+`, as in the bench README.
static WORD: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"\w+").ok());

/// The `\w+` tokens of `text`, case kept.
pub fn tokens(text: &str) -> Vec<&str> {
    match WORD.as_ref() {
        Some(re) => re.find_iter(text).map(|m| m.as_str()).collect(),
        None => Vec::new(),
    }
}

/// The lower-cased `\w+` tokens of `text`.
pub fn lower_tokens(text: &str) -> Vec<String> {
    tokens(text).into_iter().map(str::to_lowercase).collect()
}

/// The shingles of a token sequence: every 4-token window; 1–3 tokens make one shorter
/// shingle; no tokens make none.
pub fn shingles<'a, 'b>(tokens: &'a [&'b str]) -> Vec<&'a [&'b str]> {
    if tokens.is_empty() {
        Vec::new()
    } else if tokens.len() < SHINGLE {
        vec![tokens]
    } else {
        tokens.windows(SHINGLE).collect()
    }
}

/// Counts of true positives, false positives and false negatives of two multisets.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Items in both, with multiplicity.
    pub tp: usize,
    /// Predicted items not in the truth.
    pub fp: usize,
    /// Truth items not predicted.
    pub fn_: usize,
}

impl Counts {
    /// Multiset overlap of `predicted` against `truth`.
    pub fn of<T: Hash + Eq>(
        predicted: impl IntoIterator<Item = T>,
        truth: impl IntoIterator<Item = T>,
    ) -> Self {
        let mut bag: HashMap<T, usize> = HashMap::new();
        let mut n_truth = 0;
        for t in truth {
            *bag.entry(t).or_insert(0) += 1;
            n_truth += 1;
        }
        let mut tp = 0;
        let mut fp = 0;
        for p in predicted {
            match bag.get_mut(&p) {
                Some(c) if *c > 0 => {
                    *c -= 1;
                    tp += 1;
                }
                _ => fp += 1,
            }
        }
        Counts {
            tp,
            fp,
            fn_: n_truth - tp,
        }
    }

    /// Precision and recall as the ScrapingHub benchmark computes them: 1 and 1 for a
    /// perfect match (no FP and no FN, which includes two empty texts), else TP/(TP+FP)
    /// and TP/(TP+FN), 0 when a denominator is 0.
    pub fn precision_recall(&self) -> (f64, f64) {
        if self.fp == 0 && self.fn_ == 0 {
            return (1.0, 1.0);
        }
        (
            ratio(self.tp, self.tp + self.fp),
            ratio(self.tp, self.tp + self.fn_),
        )
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Harmonic mean of `p` and `r`; 0 when both are 0.
pub fn f1(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// The shingle counts of a prediction against the truth.
pub fn shingle_counts(predicted: &str, truth: &str) -> Counts {
    let p = tokens(predicted);
    let t = tokens(truth);
    Counts::of(shingles(&p), shingles(&t))
}

/// Bag-of-words precision, recall and F1 of one page: lower-cased tokens as multisets;
/// an empty prediction scores 0, an empty prediction of an empty truth scores 1.
pub fn bag_of_words(predicted: &str, truth: &str) -> (f64, f64, f64) {
    let p = lower_tokens(predicted);
    let t = lower_tokens(truth);
    match (p.is_empty(), t.is_empty()) {
        (true, true) => return (1.0, 1.0, 1.0),
        (true, false) | (false, true) => return (0.0, 0.0, 0.0),
        (false, false) => {}
    }
    let c = Counts::of(p, t);
    let pr = ratio(c.tp, c.tp + c.fp);
    let rc = ratio(c.tp, c.tp + c.fn_);
    (pr, rc, f1(pr, rc))
}

/// A title reduced for comparison: NFKC, lower-cased, only its `\w+` tokens, one space
/// between them.
pub fn normalise_title(title: &str) -> String {
    let folded: String = title.nfkc().collect::<String>().to_lowercase();
    tokens(&folded).join(" ")
}

/// Whether a predicted title matches the truth's after [`normalise_title`]; a missing or
/// empty prediction never does.
pub fn title_matches(predicted: Option<&str>, truth: &str) -> bool {
    match predicted {
        Some(p) => {
            let p = normalise_title(p);
            !p.is_empty() && p == normalise_title(truth)
        }
        None => false,
    }
}

/// The `YYYY-MM-DD` that starts `date` (an RFC 3339 date or date-time), if any.
pub fn day(date: &str) -> Option<&str> {
    let d = date.trim().get(..10)?;
    let b = d.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    (digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)).then_some(d)
}

/// Whether `needle` occurs as a contiguous run in `haystack`; an empty needle never does.
pub fn contains_run(haystack: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// What one prediction is scored on.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Predicted<'a> {
    /// Main text.
    pub text: &'a str,
    /// Title, if the system gave one.
    pub title: Option<&'a str>,
    /// Publication date, if the system gave one.
    pub date: Option<&'a str>,
}

/// What one truth is scored against.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Expected<'a> {
    /// Ground-truth main text.
    pub text: &'a str,
    /// Ground-truth title, if known.
    pub title: Option<&'a str>,
    /// Ground-truth date, if known.
    pub date: Option<&'a str>,
    /// Snippets a correct extraction contains.
    pub with: &'a [String],
    /// Snippets a correct extraction leaves out.
    pub without: &'a [String],
}

/// The scores of one page.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PageScore {
    /// Shingle counts.
    pub shingles: Counts,
    /// Page shingle precision.
    pub precision: f64,
    /// Page shingle recall.
    pub recall: f64,
    /// The prediction has no tokens.
    pub predicted_empty: bool,
    /// The truth has no tokens.
    pub truth_empty: bool,
    /// Token sequences identical.
    pub exact: bool,
    /// Bag-of-words precision.
    pub bow_precision: f64,
    /// Bag-of-words recall.
    pub bow_recall: f64,
    /// Bag-of-words F1.
    pub bow_f1: f64,
    /// Title right? `None` when the truth has no title.
    pub title_ok: Option<bool>,
    /// Date right? `None` when the truth has no `YYYY-MM-DD` date.
    pub date_ok: Option<bool>,
    /// `with` snippets found / scored.
    pub with_found: usize,
    /// `with` snippets scored (those with at least one token).
    pub with_total: usize,
    /// `without` snippets found (lower is better).
    pub without_found: usize,
    /// `without` snippets scored.
    pub without_total: usize,
}

impl PageScore {
    /// Page shingle F1 (harmonic mean of page precision and recall).
    pub fn f1(&self) -> f64 {
        f1(self.precision, self.recall)
    }
}

/// Scores one prediction against its truth.
pub fn score_page(pred: &Predicted<'_>, truth: &Expected<'_>) -> PageScore {
    let pt = tokens(pred.text);
    let tt = tokens(truth.text);
    let shingles_c = Counts::of(shingles(&pt), shingles(&tt));
    let (precision, recall) = shingles_c.precision_recall();
    let (bow_precision, bow_recall, bow_f1) = bag_of_words(pred.text, truth.text);
    let title_ok = truth
        .title
        .filter(|t| !normalise_title(t).is_empty())
        .map(|t| title_matches(pred.title, t));
    let date_ok = truth
        .date
        .and_then(day)
        .map(|d| pred.date.and_then(day) == Some(d));
    let lower: Vec<String> = pt.iter().map(|t| t.to_lowercase()).collect();
    let snippets = |list: &[String]| {
        let mut found = 0;
        let mut total = 0;
        for s in list {
            let needle = lower_tokens(s);
            if needle.is_empty() {
                continue;
            }
            total += 1;
            if contains_run(&lower, &needle) {
                found += 1;
            }
        }
        (found, total)
    };
    let (with_found, with_total) = snippets(truth.with);
    let (without_found, without_total) = snippets(truth.without);
    PageScore {
        shingles: shingles_c,
        precision,
        recall,
        predicted_empty: pt.is_empty(),
        truth_empty: tt.is_empty(),
        exact: pt == tt,
        bow_precision,
        bow_recall,
        bow_f1,
        title_ok,
        date_ok,
        with_found,
        with_total,
        without_found,
        without_total,
    }
}

/// A value with its bootstrap standard deviation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct WithSd {
    /// The value on the pages as they are.
    pub value: f64,
    /// Standard deviation over bootstrap resamples of the pages.
    pub sd: f64,
}

/// Set-level shingle precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct ShingleSet {
    /// Mean page precision over non-empty predictions.
    pub precision: f64,
    /// Mean page recall over non-empty truths.
    pub recall: f64,
    /// Harmonic mean of the two.
    pub f1: f64,
}

/// Set-level shingle P/R/F1 of some pages (given by index into `scores`).
pub fn shingle_set<'a>(scores: impl IntoIterator<Item = &'a PageScore>) -> ShingleSet {
    let (mut p_sum, mut p_n, mut r_sum, mut r_n) = (0.0, 0usize, 0.0, 0usize);
    for s in scores {
        if !s.predicted_empty {
            p_sum += s.precision;
            p_n += 1;
        }
        if !s.truth_empty {
            r_sum += s.recall;
            r_n += 1;
        }
    }
    let precision = if p_n > 0 { p_sum / p_n as f64 } else { 0.0 };
    let recall = if r_n > 0 { r_sum / r_n as f64 } else { 0.0 };
    ShingleSet {
        precision,
        recall,
        f1: f1(precision, recall),
    }
}

/// A small deterministic generator (SplitMix64), so the bootstrap is reproducible.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform index below `n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }
}

/// The seed of the bootstrap: fixed, so two runs give the same deviations.
pub const BOOTSTRAP_SEED: u64 = 0x5709_1173;
/// Bootstrap resamples.
pub const BOOTSTRAP_ROUNDS: usize = 1000;

/// Bootstrap standard deviations of set precision, recall and F1: `rounds` resamples of
/// the pages with replacement, each scored with [`shingle_set`].
pub fn bootstrap_sd(scores: &[&PageScore], rounds: usize, seed: u64) -> ShingleSet {
    if scores.is_empty() || rounds < 2 {
        return ShingleSet::default();
    }
    let mut rng = SplitMix64::new(seed);
    let mut samples = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let pick = (0..scores.len()).map(|_| scores[rng.below(scores.len())]);
        samples.push(shingle_set(pick));
    }
    ShingleSet {
        precision: sd(samples.iter().map(|s| s.precision)),
        recall: sd(samples.iter().map(|s| s.recall)),
        f1: sd(samples.iter().map(|s| s.f1)),
    }
}

/// Sample standard deviation (n − 1); 0 for fewer than two values.
pub fn sd(values: impl Iterator<Item = f64>) -> f64 {
    let v: Vec<f64> = values.collect();
    if v.len() < 2 {
        return 0.0;
    }
    let mean = v.iter().sum::<f64>() / v.len() as f64;
    let var = v.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (v.len() - 1) as f64;
    var.sqrt()
}

/// The accuracy figures of a set of pages, one system.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Summary {
    /// Pages scored.
    pub pages: usize,
    /// Shingle precision ± bootstrap sd.
    pub precision: WithSd,
    /// Shingle recall ± bootstrap sd.
    pub recall: WithSd,
    /// Shingle F1 ± bootstrap sd (the headline number).
    pub f1: WithSd,
    /// Share of pages whose token sequence equals the truth's.
    pub exact_match: f64,
    /// Mean page bag-of-words precision.
    pub bow_precision: f64,
    /// Mean page bag-of-words recall.
    pub bow_recall: f64,
    /// Mean page bag-of-words F1.
    pub bow_f1: f64,
    /// Pages with an empty prediction.
    pub empty_predictions: usize,
    /// Pages whose truth is empty.
    pub empty_truths: usize,
    /// Title accuracy over pages whose truth has a title (`None` if there are none).
    pub title_accuracy: Option<f64>,
    /// Pages with a truth title.
    pub titled_pages: usize,
    /// Date accuracy over pages whose truth has a date.
    pub date_accuracy: Option<f64>,
    /// Pages with a truth date.
    pub dated_pages: usize,
    /// Share of `with` snippets found (higher is better).
    pub with_rate: Option<f64>,
    /// Share of `without` snippets found (lower is better).
    pub without_rate: Option<f64>,
}

/// Summarises some page scores.
pub fn summarise(scores: &[&PageScore], rounds: usize, seed: u64) -> Summary {
    let n = scores.len();
    let set = shingle_set(scores.iter().copied());
    let dev = bootstrap_sd(scores, rounds, seed);
    let mean = |f: &dyn Fn(&PageScore) -> f64| {
        if n == 0 {
            0.0
        } else {
            scores.iter().map(|s| f(s)).sum::<f64>() / n as f64
        }
    };
    let share = |xs: Vec<bool>| {
        let k = xs.len();
        (k > 0).then(|| xs.iter().filter(|&&x| x).count() as f64 / k as f64)
    };
    let titles: Vec<bool> = scores.iter().filter_map(|s| s.title_ok).collect();
    let dates: Vec<bool> = scores.iter().filter_map(|s| s.date_ok).collect();
    let sum = |f: &dyn Fn(&PageScore) -> usize| scores.iter().map(|s| f(s)).sum::<usize>();
    let with_total = sum(&|s| s.with_total);
    let without_total = sum(&|s| s.without_total);
    Summary {
        pages: n,
        precision: WithSd {
            value: set.precision,
            sd: dev.precision,
        },
        recall: WithSd {
            value: set.recall,
            sd: dev.recall,
        },
        f1: WithSd {
            value: set.f1,
            sd: dev.f1,
        },
        exact_match: mean(&|s| if s.exact { 1.0 } else { 0.0 }),
        bow_precision: mean(&|s| s.bow_precision),
        bow_recall: mean(&|s| s.bow_recall),
        bow_f1: mean(&|s| s.bow_f1),
        empty_predictions: scores.iter().filter(|s| s.predicted_empty).count(),
        empty_truths: scores.iter().filter(|s| s.truth_empty).count(),
        titled_pages: titles.len(),
        title_accuracy: share(titles),
        dated_pages: dates.len(),
        date_accuracy: share(dates),
        with_rate: (with_total > 0).then(|| sum(&|s| s.with_found) as f64 / with_total as f64),
        without_rate: (without_total > 0)
            .then(|| sum(&|s| s.without_found) as f64 / without_total as f64),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EPS: f64 = 1e-9;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < EPS
    }

    fn page(pred: &str, truth: &str) -> PageScore {
        score_page(
            &Predicted {
                text: pred,
                ..Predicted::default()
            },
            &Expected {
                text: truth,
                ..Expected::default()
            },
        )
    }

    #[test]
    fn tokens_are_unicode_words_with_case_kept() {
        assert_eq!(
            tokens("Héllo, wörld! 3.5 x_y — Ωmega"),
            ["Héllo", "wörld", "3", "5", "x_y", "Ωmega"]
        );
        assert!(tokens(" ,.;— ").is_empty());
    }

    #[test]
    fn short_texts_make_one_shorter_shingle() {
        let t = tokens("a b");
        assert_eq!(shingles(&t), vec![&["a", "b"][..]]);
        let t = tokens("a b c d e");
        assert_eq!(
            shingles(&t),
            vec![&["a", "b", "c", "d"][..], &["b", "c", "d", "e"][..]]
        );
        assert!(shingles(&[]).is_empty());
    }

    #[test]
    fn shingle_counts_by_hand() {
        // truth: a b c d e f -> abcd bcde cdef; prediction: a b c d e x -> abcd bcde cdex
        let c = shingle_counts("a b c d e x", "a b c d e f");
        assert_eq!(
            c,
            Counts {
                tp: 2,
                fp: 1,
                fn_: 1
            }
        );
        let (p, r) = c.precision_recall();
        assert!(close(p, 2.0 / 3.0) && close(r, 2.0 / 3.0));
        // Case counts: "A" is not "a".
        assert_eq!(
            shingle_counts("A b c d", "a b c d"),
            Counts {
                tp: 0,
                fp: 1,
                fn_: 1
            }
        );
        // Multisets: the truth's repeated shingle is matched once per occurrence.
        // pred "a b c d a b c d" -> abcd bcda cdab dabc abcd (abcd twice); truth "a b c d" -> abcd
        assert_eq!(
            shingle_counts("a b c d a b c d", "a b c d"),
            Counts {
                tp: 1,
                fp: 4,
                fn_: 0
            }
        );
    }

    #[test]
    fn punctuation_and_whitespace_do_not_matter_but_order_does() {
        let s = page("Hello,\n\nworld  of text!", "Hello world of text");
        assert!(s.exact && close(s.precision, 1.0) && close(s.recall, 1.0));
        let s = page("world Hello of text", "Hello world of text");
        assert!(!s.exact && close(s.precision, 0.0) && close(s.bow_f1, 1.0));
    }

    #[test]
    fn empty_cases() {
        let s = page("", "");
        assert!(s.predicted_empty && s.truth_empty && s.exact);
        assert!(close(s.precision, 1.0) && close(s.bow_f1, 1.0));
        let s = page("", "a b c d e");
        assert!(s.predicted_empty && close(s.recall, 0.0) && close(s.bow_f1, 0.0));
        let s = page("a b", "");
        assert!(close(s.precision, 0.0) && close(s.bow_f1, 0.0));
    }

    #[test]
    fn set_means_skip_empty_sides() {
        // Page 1: P = R = 2/3. Page 2: empty prediction, R = 0 (P not counted).
        // Page 3: empty truth, prediction "z" -> P = 0 (R not counted).
        let a = page("a b c d e x", "a b c d e f");
        let b = page("", "a b c d");
        let c = page("z", "");
        let set = shingle_set([&a, &b, &c]);
        assert!(close(set.precision, (2.0 / 3.0 + 0.0) / 2.0));
        assert!(close(set.recall, (2.0 / 3.0 + 0.0) / 2.0));
        assert!(close(set.f1, 1.0 / 3.0));
        let sum = summarise(&[&a, &b, &c], 0, 1);
        assert_eq!(sum.empty_predictions, 1);
        assert_eq!(sum.empty_truths, 1);
        assert!(close(sum.exact_match, 0.0));
        // F1 is the harmonic mean of the means, not the mean of page F1s.
        let d = page("a b c d", "a b c d e f g"); // P = 1, R = 1/4
        let e = page("a b c d e f g", "a b c d"); // P = 1/4, R = 1
        let set = shingle_set([&d, &e]);
        assert!(close(set.f1, 0.625));
        assert!(!close(set.f1, d.f1()));
    }

    #[test]
    fn bag_of_words_by_hand() {
        // pred: the cat the dog; truth: The cat sat -> tp = the, cat = 2; P = 2/4, R = 2/3
        let (p, r, f) = bag_of_words("the cat the dog", "The cat sat");
        assert!(
            close(p, 0.5)
                && close(r, 2.0 / 3.0)
                && close(f, 2.0 * 0.5 * (2.0 / 3.0) / (0.5 + 2.0 / 3.0))
        );
        let a = page("the cat the dog", "The cat sat");
        let b = page("", "x");
        let sum = summarise(&[&a, &b], 0, 1);
        assert!(close(sum.bow_f1, f / 2.0));
    }

    #[test]
    fn titles_match_after_folding() {
        assert!(title_matches(
            Some("Ｔｈｅ  CAFÉ: a review!"),
            "the café — A Review"
        ));
        assert!(title_matches(Some("cafe\u{301}"), "Café"));
        assert!(!title_matches(Some("The café"), "The café review"));
        assert!(!title_matches(None, "x"));
        assert!(!title_matches(Some("—"), "—"));
    }

    #[test]
    fn dates_compare_by_day() {
        assert_eq!(day("2023-11-10T17:03:27.543Z"), Some("2023-11-10"));
        assert_eq!(day("2023-11-10"), Some("2023-11-10"));
        assert_eq!(day("10 Nov 2023"), None);
        assert_eq!(day("2023-1"), None);
        let truth = Expected {
            text: "x",
            date: Some("2023-11-10"),
            ..Expected::default()
        };
        let ok = score_page(
            &Predicted {
                text: "x",
                date: Some("2023-11-10T08:00:00Z"),
                ..Predicted::default()
            },
            &truth,
        );
        assert_eq!(ok.date_ok, Some(true));
        let bad = score_page(
            &Predicted {
                text: "x",
                date: Some("2023-11-11"),
                ..Predicted::default()
            },
            &truth,
        );
        assert_eq!(bad.date_ok, Some(false));
        let none = score_page(
            &Predicted {
                text: "x",
                ..Predicted::default()
            },
            &truth,
        );
        assert_eq!(none.date_ok, Some(false));
        let undated = score_page(
            &Predicted {
                text: "x",
                ..Predicted::default()
            },
            &Expected {
                text: "x",
                ..Expected::default()
            },
        );
        assert_eq!(undated.date_ok, None);
        let sum = summarise(&[&ok, &bad, &none, &undated], 0, 1);
        assert_eq!(sum.dated_pages, 3);
        assert!(close(sum.date_accuracy.unwrap_or(-1.0), 1.0 / 3.0));
    }

    #[test]
    fn snippets_by_word_containment() {
        let with = vec![
            "Quick brown, fox".to_string(),
            "lazy cat".to_string(),
            "—".to_string(),
        ];
        let without = vec!["Cookie policy".to_string()];
        let s = score_page(
            &Predicted {
                text: "The quick  brown fox jumps over the lazy dog. Cookie\npolicy",
                ..Predicted::default()
            },
            &Expected {
                text: "x",
                with: &with,
                without: &without,
                ..Expected::default()
            },
        );
        assert_eq!((s.with_found, s.with_total), (1, 2));
        assert_eq!((s.without_found, s.without_total), (1, 1));
        let sum = summarise(&[&s], 0, 1);
        assert_eq!(sum.with_rate, Some(0.5));
        assert_eq!(sum.without_rate, Some(1.0));
    }

    #[test]
    fn bootstrap_is_reproducible_and_zero_on_identical_pages() {
        let a = page("a b c d e x", "a b c d e f");
        let b = page("a b c d", "a b c d");
        let c = page("", "a b c d");
        let scores = [&a, &b, &c, &a, &b];
        let one = bootstrap_sd(&scores, 200, 7);
        let two = bootstrap_sd(&scores, 200, 7);
        assert_eq!(one, two);
        assert!(one.f1 > 0.0);
        let same = bootstrap_sd(&[&b, &b, &b], 50, 7);
        assert!(close(same.f1, 0.0));
    }

    #[test]
    fn rng_indices_stay_in_range() {
        let mut rng = SplitMix64::new(3);
        let mut seen = [false; 5];
        for _ in 0..200 {
            let i = rng.below(5);
            assert!(i < 5);
            seen[i] = true;
        }
        assert!(seen.iter().all(|&s| s));
    }

    #[test]
    fn sample_sd_by_hand() {
        // 1, 2, 3: mean 2, squared deviations 1 + 0 + 1 = 2, / (3 - 1) = 1.
        assert!(close(sd([1.0, 2.0, 3.0].into_iter()), 1.0));
        assert!(close(sd([5.0].into_iter()), 0.0));
    }
}
