//! `storyline eval quotes`: the quote extractor on PolNeAR (English) and the German
//! WikiNews quotation set, scored as ../shared/bench/quotes/README.md says.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use rayon::prelude::*;
use storyline_eval::quotes::{self, Corpus, Counts, DocScore, GoldSet, Metrics, PredDoc};

/// Which corpus to score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CorpusArg {
    /// PolNeAR, English political news, 2016.
    Polnear,
    /// German WikiNews quotation attribution (uhh-lt, 2024).
    German,
    /// Both.
    All,
}

/// Which split to score (the test splits are held out).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Split {
    Dev,
    Train,
}

/// Quotes: storyline's quotes and speakers on PolNeAR and German WikiNews.
///
/// Each document goes through `storyline_analyse::analyse` (language forced: en / de),
/// documents in parallel. Content P/R/F1: a predicted and a gold quote match when
/// |chars ∩| / |chars ∪| ≥ 0.3 over the union of the gold quote's spans, one-to-one,
/// greedily best IoU first. Exact P/R/F1: equal [start, end) (and after trimming quote
/// marks, spaces and punctuation). Speaker accuracy: over matched quotes whose gold quote
/// has a source, the speaker string equals the source mention or its last word,
/// case-insensitively. PolNeAR: one annotator per article (the first .ann by name).
/// Metrics and data: ../shared/bench/quotes/README.md.
#[derive(Debug, clap::Args)]
pub struct QuotesArgs {
    /// The corpus to score.
    #[arg(long, value_enum, default_value = "all")]
    pub corpus: CorpusArg,
    /// The split to score.
    #[arg(long, value_enum, default_value = "dev")]
    pub split: Split,
    /// The quotes bench folder (holding polnear/ and german-wikinews/). Default:
    /// ../shared/bench/quotes; when absent, a message is printed and the exit code is 0.
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Only the first N documents of each corpus (PolNeAR: by file name; German: in file
    /// order).
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// Print N missed gold quotes, N spurious predictions and N wrong speakers per corpus,
    /// with context (spread over the documents).
    #[arg(long, value_name = "N")]
    pub errors: Option<usize>,
    /// Score these predictions (the README's JSONL format) instead of running storyline.
    #[arg(long, value_name = "FILE")]
    pub predictions: Option<PathBuf>,
    /// Write storyline's predictions in the README's JSONL format to FILE.
    #[arg(long, value_name = "FILE")]
    pub predictions_out: Option<PathBuf>,
    /// Write the converted gold documents (the README's gold format) to FILE as JSONL.
    #[arg(long, value_name = "FILE")]
    pub gold_out: Option<PathBuf>,
}

/// One corpus's results.
#[derive(Debug)]
struct CorpusReport {
    corpus: &'static str,
    split: &'static str,
    docs: usize,
    chars: usize,
    bytes: usize,
    /// Wall-clock seconds of the prediction step (all documents, in parallel).
    seconds: f64,
    threads: usize,
    docs_per_second: f64,
    mb_per_second: f64,
    system: String,
    notes: Vec<String>,
    counts: Counts,
    metrics: Metrics,
}

#[derive(Debug)]
struct Reference {
    system: &'static str,
    data: &'static str,
    metric: &'static str,
    value: f64,
}

impl CorpusReport {
    fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "corpus": self.corpus,
            "split": self.split,
            "docs": self.docs,
            "chars": self.chars,
            "bytes": self.bytes,
            "seconds": self.seconds,
            "threads": self.threads,
            "docs_per_second": self.docs_per_second,
            "mb_per_second": self.mb_per_second,
            "system": self.system,
            "notes": self.notes,
            "counts": self.counts,
            "metrics": self.metrics,
        })
    }
}

const REFERENCES: [Reference; 3] = [
    Reference {
        system: "GGT rule-based quote extractor",
        data: "GGT's own English test set",
        metric: "content F1 at 0.3 overlap",
        value: 83.67,
    },
    Reference {
        system: "GGT rule-based quote extractor",
        data: "GGT's own English test set",
        metric: "speaker accuracy",
        value: 86.48,
    },
    Reference {
        system: "Stanford CoreNLP quote annotator",
        data: "PolNeAR (as stated in the issue)",
        metric: "exact-match content F1",
        value: 0.175,
    },
];

pub fn run(args: QuotesArgs) -> anyhow::Result<ExitCode> {
    let data = match &args.data {
        Some(dir) if dir.is_dir() => dir.clone(),
        Some(dir) => anyhow::bail!("--data {}: no such folder", dir.display()),
        None => {
            let default = Path::new("../shared/bench/quotes");
            if !default.is_dir() {
                println!("../shared/bench/quotes not found: skipping");
                return Ok(ExitCode::SUCCESS);
            }
            default.to_path_buf()
        }
    };
    let split = match args.split {
        Split::Dev => "dev",
        Split::Train => "train",
    };
    let corpora: Vec<Corpus> = match args.corpus {
        CorpusArg::Polnear => vec![Corpus::Polnear],
        CorpusArg::German => vec![Corpus::German],
        CorpusArg::All => Corpus::ALL.to_vec(),
    };
    let external = match &args.predictions {
        Some(file) => Some(
            std::fs::read_to_string(file)
                .map_err(|e| anyhow::anyhow!("--predictions {}: {e}", file.display()))?,
        ),
        None => None,
    };
    let mut gold_out = create(args.gold_out.as_deref(), "--gold-out")?;
    let mut predictions_out = create(args.predictions_out.as_deref(), "--predictions-out")?;

    let threads = rayon::current_num_threads();
    let mut reports = Vec::new();
    let mut errors = String::new();
    for corpus in corpora {
        if !data.join(corpus.subdir()).join(split).is_dir() {
            if args.corpus == CorpusArg::All {
                eprintln!(
                    "storyline: eval quotes: {} not found: {} skipped",
                    data.join(corpus.subdir()).join(split).display(),
                    corpus.name()
                );
                continue;
            }
            anyhow::bail!(
                "{}: not found",
                data.join(corpus.subdir()).join(split).display()
            );
        }
        let mut set = corpus.load(&data, split)?;
        if let Some(n) = args.limit {
            set.docs.truncate(n);
        }

        let started = Instant::now();
        let (preds, system): (Vec<PredDoc>, String) = match &external {
            Some(raw) => {
                let mut map = quotes::parse_predictions(raw, &set.docs)
                    .map_err(|(line, e)| anyhow::anyhow!("--predictions line {line}: {e}"))?;
                let preds = set
                    .docs
                    .iter()
                    .map(|d| {
                        map.remove(&d.doc_id).unwrap_or_else(|| PredDoc {
                            doc_id: d.doc_id.clone(),
                            quotes: Vec::new(),
                        })
                    })
                    .collect();
                let file = args.predictions.as_deref().unwrap_or(Path::new(""));
                (preds, format!("predictions from {}", file.display()))
            }
            None => (
                set.docs.par_iter().map(quotes::predict).collect(),
                format!(
                    "storyline_analyse::analyse (lang {}), {threads} threads",
                    corpus.lang()
                ),
            ),
        };
        let seconds = started.elapsed().as_secs_f64();

        let scores: Vec<DocScore> = set
            .docs
            .iter()
            .zip(&preds)
            .map(|(d, p)| quotes::score_doc(d, &p.quotes))
            .collect();
        let mut counts = Counts::default();
        for s in &scores {
            counts.add(&s.counts);
        }
        if let Some(n) = args.errors {
            write_errors(&mut errors, &set, &preds, &scores, n);
        }
        if let Some(out) = &mut gold_out {
            for d in &set.docs {
                let mut v = serde_json::to_value(d)?;
                v["corpus"] = corpus.name().into();
                writeln!(out, "{v}")?;
            }
        }
        if let Some(out) = &mut predictions_out {
            for p in &preds {
                let mut v = serde_json::to_value(p)?;
                v["corpus"] = corpus.name().into();
                writeln!(out, "{v}")?;
            }
        }
        let chars = set.docs.iter().map(|d| d.text.chars().count()).sum();
        let bytes: usize = set.docs.iter().map(|d| d.text.len()).sum();
        let rate = |x: f64| if seconds > 0.0 { x / seconds } else { f64::NAN };
        reports.push(CorpusReport {
            corpus: corpus.name(),
            split,
            docs: set.docs.len(),
            chars,
            bytes,
            seconds,
            threads,
            docs_per_second: rate(set.docs.len() as f64),
            mb_per_second: rate(bytes as f64 / 1e6),
            system,
            notes: set.notes.clone(),
            metrics: counts.metrics(),
            counts,
        });
    }
    for (out, flag) in [
        (gold_out, "--gold-out"),
        (predictions_out, "--predictions-out"),
    ] {
        if let Some(mut out) = out {
            out.flush().map_err(|e| anyhow::anyhow!("{flag}: {e}"))?;
        }
    }
    if reports.is_empty() {
        println!("{}: no corpus found: skipping", data.display());
        return Ok(ExitCode::SUCCESS);
    }
    if args.json {
        let v = serde_json::json!({
            "bench": data.display().to_string(),
            "iou_threshold": quotes::IOU_THRESHOLD,
            "matching": "one-to-one, greedy by best IoU",
            "corpora": reports.iter().map(CorpusReport::to_json).collect::<Vec<_>>(),
            "references": REFERENCES.iter().map(|r| serde_json::json!({
                "system": r.system, "data": r.data, "metric": r.metric, "value": r.value,
            })).collect::<Vec<_>>(),
        });
        println!("{}", serde_json::to_string_pretty(&v)?);
    } else {
        print!("{}", render(&data, split, &reports));
        print!("{errors}");
    }
    Ok(ExitCode::SUCCESS)
}

fn create(
    file: Option<&Path>,
    flag: &str,
) -> anyhow::Result<Option<std::io::BufWriter<std::fs::File>>> {
    file.map(|f| {
        std::fs::File::create(f)
            .map(std::io::BufWriter::new)
            .map_err(|e| anyhow::anyhow!("{flag} {}: {e}", f.display()))
    })
    .transpose()
}

fn pct(x: f64) -> String {
    if x.is_nan() {
        "—".into()
    } else {
        format!("{x:.1}")
    }
}

fn render(data: &Path, split: &str, reports: &[CorpusReport]) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# Quotes: {} split of {} (PolNeAR: no licence stated, research use; German WikiNews: CC BY-NC-SA 4.0)",
        split,
        data.display()
    );
    let _ = writeln!(
        s,
        "{:<8} {:>5} {:>5} {:>5} {:>5} | {:>5} {:>5} {:>5} | {:>5} {:>5} {:>5} | {:>7} | {:>6} {:>11}",
        "corpus",
        "docs",
        "gold",
        "pred",
        "match",
        "P",
        "R",
        "F1",
        "exP",
        "exR",
        "exF1",
        "trimF1",
        "spkAcc",
        "(right/n)"
    );
    for r in reports {
        let m = &r.metrics;
        let c = &r.counts;
        let _ = writeln!(
            s,
            "{:<8} {:>5} {:>5} {:>5} {:>5} | {:>5} {:>5} {:>5} | {:>5} {:>5} {:>5} | {:>7} | {:>6} {:>11}",
            r.corpus,
            r.docs,
            c.gold,
            c.predicted,
            c.matched,
            pct(m.content.precision),
            pct(m.content.recall),
            pct(m.content.f1),
            pct(m.exact.precision),
            pct(m.exact.recall),
            pct(m.exact.f1),
            pct(m.exact_trimmed.f1),
            pct(m.speaker_accuracy),
            format!("({}/{})", c.speaker_correct, c.speaker_scored),
        );
    }
    let _ = writeln!(
        s,
        "P/R/F1: content at IoU ≥ {} (one-to-one, greedy best IoU); ex: exact [start, end); \
         trimF1: exact after trimming quote marks, spaces, punctuation; spkAcc: speaker right \
         on matched quotes with a gold source.",
        quotes::IOU_THRESHOLD
    );
    let _ = writeln!(s, "\nRecall by gold kind:");
    for r in reports {
        let kinds: Vec<String> = r
            .counts
            .by_kind
            .iter()
            .map(|(k, v)| {
                format!(
                    "{k} {} ({}/{})",
                    pct(r.metrics.recall_by_kind[k]),
                    v.matched,
                    v.gold
                )
            })
            .collect();
        let _ = writeln!(s, "  {:<8} {}", r.corpus, kinds.join(", "));
    }
    let _ = writeln!(
        s,
        "\nReference points (other systems, other data unless stated):"
    );
    for p in &REFERENCES {
        let _ = writeln!(s, "  {}: {} {} ({})", p.system, p.metric, p.value, p.data);
    }
    let _ = writeln!(s, "\nTime and notes:");
    for r in reports {
        let _ = writeln!(
            s,
            "  {:<8} {} docs, {:.2} MB in {:.3} s: {:.0} docs/s, {:.2} MB/s ({}); \
             {} gold with a source, {} matched without one (not in spkAcc), mean IoU {}",
            r.corpus,
            r.docs,
            r.bytes as f64 / 1e6,
            r.seconds,
            r.docs_per_second,
            r.mb_per_second,
            r.system,
            r.counts.gold_with_source,
            r.counts.matched_without_source,
            if r.metrics.mean_iou.is_nan() {
                "—".to_string()
            } else {
                format!("{:.2}", r.metrics.mean_iou)
            },
        );
        for n in &r.notes {
            let _ = writeln!(s, "  {:<8} {n}", r.corpus);
        }
    }
    s
}

/// `n` items spread evenly over `items`.
fn spread<T: Copy>(items: &[T], n: usize) -> Vec<T> {
    if items.len() <= n {
        return items.to_vec();
    }
    (0..n).map(|i| items[i * items.len() / n]).collect()
}

fn write_errors(out: &mut String, set: &GoldSet, preds: &[PredDoc], scores: &[DocScore], n: usize) {
    let name = set.corpus.name();
    let missed: Vec<(usize, usize)> = scores
        .iter()
        .enumerate()
        .flat_map(|(d, s)| s.missed.iter().map(move |&g| (d, g)))
        .collect();
    let spurious: Vec<(usize, usize)> = scores
        .iter()
        .enumerate()
        .flat_map(|(d, s)| s.spurious.iter().map(move |&p| (d, p)))
        .collect();
    let wrong: Vec<(usize, (usize, usize))> = scores
        .iter()
        .enumerate()
        .flat_map(|(d, s)| s.wrong_speaker.iter().map(move |&gp| (d, gp)))
        .collect();
    let _ = writeln!(
        out,
        "\n## {name}: {} missed gold quotes (showing {})",
        missed.len(),
        n.min(missed.len())
    );
    for (d, g) in spread(&missed, n) {
        let doc = &set.docs[d];
        let q = &doc.quotes[g];
        let _ = writeln!(
            out,
            "- {} [{}, {}) {} source={:?}\n  {}",
            doc.doc_id,
            q.start,
            q.end,
            q.kind,
            q.source_text.as_deref().unwrap_or("-"),
            quotes::context(&doc.text, q.start, q.end, 80)
        );
    }
    let _ = writeln!(
        out,
        "\n## {name}: {} spurious predictions (showing {})",
        spurious.len(),
        n.min(spurious.len())
    );
    for (d, p) in spread(&spurious, n) {
        let doc = &set.docs[d];
        let q = &preds[d].quotes[p];
        let _ = writeln!(
            out,
            "- {} [{}, {}) {} speaker={:?}\n  {}",
            doc.doc_id,
            q.start,
            q.end,
            q.kind.as_deref().unwrap_or("-"),
            q.speaker.as_deref().unwrap_or("-"),
            quotes::context(&doc.text, q.start, q.end, 80)
        );
    }
    let _ = writeln!(
        out,
        "\n## {name}: {} matched quotes with a wrong speaker (showing {})",
        wrong.len(),
        n.min(wrong.len())
    );
    for (d, (g, p)) in spread(&wrong, n) {
        let doc = &set.docs[d];
        let gq = &doc.quotes[g];
        let pq = &preds[d].quotes[p];
        let _ = writeln!(
            out,
            "- {} [{}, {}) gold source={:?}, predicted={:?}\n  {}",
            doc.doc_id,
            gq.start,
            gq.end,
            gq.source_text.as_deref().unwrap_or("-"),
            pq.speaker.as_deref().unwrap_or("-"),
            quotes::context(&doc.text, gq.start, gq.end, 80)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spread_picks_evenly() {
        assert_eq!(spread(&[1, 2, 3], 5), vec![1, 2, 3]);
        assert_eq!(spread(&[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 3), vec![0, 3, 6]);
        assert!(spread::<u8>(&[], 2).is_empty());
    }

    #[test]
    fn the_table_shows_our_scores_and_the_reference_points() {
        let counts = Counts {
            docs: 1,
            gold: 4,
            predicted: 2,
            matched: 1,
            ..Counts::default()
        };
        let report = CorpusReport {
            corpus: "polnear",
            split: "dev",
            docs: 1,
            chars: 10,
            bytes: 10,
            seconds: 0.5,
            threads: 2,
            docs_per_second: 2.0,
            mb_per_second: 0.00002,
            system: "test".into(),
            notes: vec!["a note".into()],
            metrics: counts.metrics(),
            counts,
        };
        let table = render(Path::new("bench"), "dev", std::slice::from_ref(&report));
        assert!(table.contains("polnear"), "{table}");
        assert!(table.contains(" 50.0  25.0  33.3 "), "{table}");
        assert!(table.contains("83.67") && table.contains("86.48") && table.contains("0.175"));
        assert!(table.contains("a note"));
        assert_eq!(
            report.to_json()["metrics"]["speaker_accuracy"],
            serde_json::Value::Null
        );
    }
}
